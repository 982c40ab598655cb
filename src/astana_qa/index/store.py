"""Saving and loading the sentence index (the format is described in `schema.py`).

Segments and cache entries are never changed once written, so an update writes only
what is new (a segment of the added articles, a trimmed copy of a segment that lost
some, a new generation: the small JSON files and, with several segments, their
per-sentence arrays joined) and then replaces `manifest.json` in one rename: a crash
before it leaves the previous index whole, and what no manifest names any more is
removed after it. `load_index` returns None for an index that is missing, corrupt, or
stale (other files or other settings), and the caller rebuilds.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np

from ..errors import QAError
from ..text.corpus import STAMP_FIELDS, Stamp, TitleAndDate, content_hash, file_hash
from ..text.sentences import read_parameters
from .file_analysis import FileAnalysis
from .schema import (
    FORMAT_VERSION,
    JOINED_ROWS_FOLDER,
    JoinedRows,
    SegmentArrays,
    SentenceRows,
    check_segment,
)
from .segments import in_name_order, joined, row_offsets

log = logging.getLogger(__name__)
_Written = TypeVar("_Written")

# The file that marks a folder as an index this project made: written first, before
# anything else, into a folder that did not exist or was empty. Nothing in a folder
# without it is ever written, moved or deleted.
MARKER = "astana-qa-index.json"
MARKER_CONTENT = {"format": "astana-qa-index"}
GENERATION_FILES = ("documents", "vocab", "names", "tokenizer")
# Names the project gives what it writes in an index folder; only such names are ever
# removed, even from our own folder.
_OWN_TOP = re.compile(r"gen-\d+|\.tmp-.*")
# A segment is named for the generation that wrote it; a segment trimmed in that
# generation (`trim.py`) has a number after the dash.
_SEGMENT_NAME = re.compile(r"\d{6}(?:-\d+)?")
_OWN_SEGMENT = re.compile(rf"{_SEGMENT_NAME.pattern}|\.tmp-.*")
_OWN_CACHE = re.compile(r"[0-9a-f]{64}\.npz|\.tmp-.*")
_OWN_ARRAY = re.compile(r"[a-z_]+(?:\.[a-z_]+)?\.npy")
# Below this many bytes of array files (segments and joined rows), opening checks their
# digests too, not just their sizes (hashing 64 MB takes about 0.1 s).
VERIFY_AT_OPEN_BYTES = 64 * 1024 * 1024


class IndexUnreadable(ValueError):
    """A stored index is damaged: missing, truncated or inconsistent parts. Opening
    rebuilds it; `astana-qa index --verify` reports it."""


@dataclass(frozen=True)
class DocumentInfo:
    """What the index keeps of an article (its text stays in the corpus file)."""

    name: str
    title: str | None
    date: str | None
    sha256: str


@dataclass
class Segment:
    """Some of an index's articles and their arrays (memory-mapped when loaded).
    Numbers of sentences, paragraphs and articles count from 0 within the segment."""

    name: str
    documents: int
    arrays: SegmentArrays

    @property
    def sentence_count(self) -> int:
        return self.arrays.rows.count


@dataclass
class IndexData:
    """An index in memory: its articles in segment order, its vocabularies, tokenizer
    parameters, segments and manifest."""

    documents: list[DocumentInfo]
    vocab: list[str]
    name_vocab: list[str]
    tokenizer: dict
    segments: list[Segment]
    manifest: dict
    # What several segments' generation stores joined (memory-mapped); None until
    # saved, and for an index of one segment.
    stored_joined: JoinedRows | None = None

    @property
    def sentence_count(self) -> int:
        return sum(s.sentence_count for s in self.segments)

    def joined(self) -> JoinedRows | None:
        """The per-sentence arrays the search reads, joined across segments: as the
        generation stores them, or (not yet saved) joined now; None for one segment,
        whose own arrays serve."""
        if len(self.segments) == 1:
            return None
        if self.stored_joined is not None:
            return self.stored_joined
        arrays = [s.arrays for s in self.segments]
        names = [d.name for d in self.documents]
        return joined(arrays, [s.documents for s in self.segments], names)


def is_own_index(index_dir: Path) -> bool:
    """Is `index_dir` a folder this project made for an index? Only its marker says so
    (or, for an index made before markers existed, a manifest of this exact format)."""
    try:
        return json.loads((index_dir / MARKER).read_text("utf-8")) == MARKER_CONTENT
    except (OSError, ValueError):
        pass
    legacy = read_manifest(index_dir)
    return legacy is not None and legacy.get("format") == FORMAT_VERSION


def claim_folder(index_dir: Path) -> None:
    """Make sure `index_dir` is ours to write: create it with its marker, mark an empty
    folder, or accept one of our own indexes; `QAError` for anything else."""
    try:
        if index_dir.exists() and not index_dir.is_dir():
            raise QAError(f"{index_dir} is a file, not an index folder; choose another --index")
        if index_dir.is_dir() and any(index_dir.iterdir()) and not is_own_index(index_dir):
            raise QAError(
                f"{index_dir} exists and is not an astana-qa index; it is left untouched. "
                "Choose another --index"
            )
        index_dir.mkdir(parents=True, exist_ok=True)
        if not (index_dir / MARKER).is_file():
            _write_json(index_dir / MARKER, MARKER_CONTENT)
    except PermissionError as exc:
        raise QAError(f"Cannot write the index in {index_dir}: permission denied") from exc


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), "utf-8")


def _write_then_rename(target: Path, write: Callable[[Path], _Written]) -> _Written:
    """Write `target` (a file or a folder) under a temporary name, then rename it, so
    that a name in the index always stands for a whole entry; returns what `write`
    returns."""
    tmp = target.with_name(f".tmp-{target.name}-{os.getpid()}")
    try:
        written = write(tmp)
        if target.is_dir():  # left by a build that stopped before its commit
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        _remove(tmp)
    return written


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write_arrays(folder: Path, arrays: dict[str, np.ndarray]) -> dict[str, list]:
    """Write `arrays` (by file name, without `.npy`) into the new `folder`; returns
    `[size, sha256]` of each file by name. Each file is hashed right after it is
    written, while it is still in the page cache, and the files are written on every
    core, largest first: NumPy writes and hashlib hashes without the interpreter
    lock. (A million sentences' segment, 250 MB: 0.13 s, where writing every file and
    then hashing them took 0.22-0.60 s.)"""
    folder.mkdir()

    def write(name: str, array: np.ndarray) -> tuple[str, list]:
        path = folder / f"{name}.npy"
        np.save(path, np.ascontiguousarray(array))
        return path.name, [path.stat().st_size, file_hash(path)]

    files = sorted(arrays.items(), key=lambda item: -np.asarray(item[1]).nbytes)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(sorted(pool.map(lambda item: write(*item), files)))


def _write_generation(folder: Path, data: IndexData) -> dict[str, list] | None:
    """Write the generation's files into the new `folder`; returns the digests of its
    joined per-sentence arrays (None when the index has one segment: none written)."""
    folder.mkdir()
    # vars(), not dataclasses.asdict: the fields are plain values, and asdict's deep copy
    # took a quarter of a second for 5,000 articles, a quarter of adding one.
    _write_json(folder / "documents.json", [vars(d) for d in data.documents])
    _write_json(folder / "vocab.json", data.vocab)
    _write_json(folder / "names.json", data.name_vocab)
    _write_json(folder / "tokenizer.json", data.tokenizer)
    together = data.joined()
    if together is None:
        return None
    # Joined once here rather than at every open: memory-mapped, they cost a server no
    # private memory (38 MB of a million sentences, copied at each open before 0.2.44).
    return _write_arrays(folder / JOINED_ROWS_FOLDER, together.files())


def save_index(data: IndexData, index_dir: Path, new_cache: dict[str, bytes]) -> None:
    """Write what `data` adds to the index in `index_dir` (segments not there yet, the
    new cache entries `new_cache`: source hash → bytes), then commit its manifest."""
    claim_folder(index_dir)
    try:
        _save(data, index_dir, new_cache)
    except OSError as exc:
        raise QAError(
            f"Cannot write the index in {index_dir}: {exc.strerror or exc}; the previous "
            "index, if any, is unchanged"
        ) from exc


def _save(data: IndexData, index_dir: Path, new_cache: dict[str, bytes]) -> None:
    previous = {s["name"]: s for s in (read_manifest(index_dir) or {}).get("segments", [])}
    committed = set(previous)
    (index_dir / "segments").mkdir(parents=True, exist_ok=True)
    (index_dir / "cache").mkdir(exist_ok=True)
    for segment, entry in zip(data.segments, data.manifest["segments"], strict=True):
        if segment.name in committed:  # committed segments never change
            entry["files"] = previous[segment.name].get("files")
        else:
            write = partial(_write_arrays, arrays=segment.arrays.files())
            entry["files"] = _write_then_rename(index_dir / "segments" / segment.name, write)
    for key, entry in new_cache.items():
        target = index_dir / "cache" / f"{key}.npz"
        _write_then_rename(target, partial(Path.write_bytes, data=entry))
    generation = index_dir / f"gen-{data.manifest['generation']}"
    rows_files = _write_then_rename(generation, lambda tmp: _write_generation(tmp, data))
    data.manifest.pop("rows", None)
    if rows_files is not None:
        data.manifest["rows"] = rows_files
        data.stored_joined = _open_joined(generation / JOINED_ROWS_FOLDER, data)
    manifest = json.dumps(data.manifest, indent=1)
    _write_then_rename(index_dir / "manifest.json", lambda tmp: tmp.write_text(manifest, "utf-8"))
    _remove_unused(index_dir, data.manifest)


def _hashes(paths: list[Path]) -> list[str]:
    """The sha256 of each file, hashed on every core: hashlib lets go of the interpreter
    lock while it hashes (a million sentences' segment, 270 MB, took 0.26 s on one
    core)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(file_hash, paths))


def segment_is_whole(index_dir: Path, manifest: dict, name: str) -> bool:
    """Do the files of segment `name` have the sizes and digests `manifest` recorded?
    Opening checks only sizes once an index is large (`check_files`). A segment about to
    be copied into a new one (`trim.py`), whose digests are then recorded afresh, is
    checked whole first, so that damage is never copied and vouched for."""
    entries = [s for s in manifest["segments"] if s["name"] == name]
    if not entries or not isinstance(entries[0].get("files"), dict):
        return False
    try:
        check_files(index_dir, {"segments": entries}, digests=True)
    except (OSError, IndexUnreadable, TypeError, ValueError):
        return False
    return True


def _remove_unused(index_dir: Path, manifest: dict) -> None:
    """Delete what the committed manifest no longer names (older generations and
    segments, cache entries of removed articles, leftovers of an interrupted build),
    and only entries with the names this project gives them."""
    current = f"gen-{manifest['generation']}"
    segments = {s["name"] for s in manifest["segments"]}
    cached = {f"{key}.npz" for key in manifest["cache"]}
    unused = [p for p in index_dir.iterdir() if _OWN_TOP.fullmatch(p.name) and p.name != current]
    unused += [
        p
        for p in (index_dir / "segments").iterdir()
        if _OWN_SEGMENT.fullmatch(p.name) and p.name not in segments
    ]
    unused += [
        p
        for p in (index_dir / "cache").iterdir()
        if _OWN_CACHE.fullmatch(p.name) and p.name not in cached
    ]
    for path in unused:
        _remove(path)


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of the index in `index_dir`, or None if there is no readable one."""
    try:
        manifest = json.loads((index_dir / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if _well_formed(manifest) else None


def _well_formed(manifest: object) -> bool:
    """Does `manifest` have the fields and types this project writes? A damaged or
    foreign one is treated as no manifest (the index is rebuilt), never trusted."""
    if not isinstance(manifest, dict):
        return False
    kinds = {"format": int, "fingerprint": str, "files": dict, "generation": int,
             "segments": list, "cache": dict, "documents": int, "sentences": int}  # fmt: skip
    if not all(isinstance(manifest.get(k), t) for k, t in kinds.items()):
        return False
    if not isinstance(manifest.get("rows", {}), dict):
        return False
    return all(
        isinstance(s, dict) and isinstance(s.get("name"), str)
        and _SEGMENT_NAME.fullmatch(s["name"]) and isinstance(s.get("documents"), int)
        for s in manifest["segments"]
    )  # fmt: skip


def recorded_stamps(manifest: dict | None) -> dict[str, Stamp]:
    """The status and hash the manifest recorded for each corpus file (`Stamp`), so that
    opening need not hash files that have not changed; empty when it recorded none or
    they are not as this project writes them."""
    if manifest is None:
        return {}
    stamps, files, taken = (manifest.get(k) for k in ("stamps", "files", "stamped_at_ns"))
    if not (isinstance(stamps, dict) and isinstance(files, dict) and type(taken) is int):
        return {}
    found = {}
    for name, stamp in stamps.items():
        sha256 = files.get(name)
        if (
            isinstance(sha256, str)
            and isinstance(stamp, list)
            and len(stamp) == STAMP_FIELDS
            and all(type(v) is int for v in stamp)
        ):
            found[name] = Stamp(tuple(stamp), sha256, taken)
    return found


def recorded_titles(
    index_dir: Path, manifest: dict | None, fingerprint: str
) -> dict[str, TitleAndDate]:
    """The title and date the index in `index_dir` recorded for each article, by its
    content hash, when it was built with these settings (`fingerprint`, which holds the
    package version: the same code read them); empty when there is no such index or it
    cannot be read. An update takes them instead of reading every unchanged article's
    head again. (A `documents.json` damaged but still well formed is carried on until
    `--rebuild`, as the rest of the generation's files are.)"""
    if manifest is None or not same_settings(manifest, fingerprint):
        return {}
    try:
        documents = _read_json(index_dir / f"gen-{manifest['generation']}" / "documents.json")
        infos = [DocumentInfo(**d) for d in documents]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return {}
    return {
        d.sha256: TitleAndDate(d.title, d.date)
        for d in infos
        if isinstance(d.sha256, str) and all(isinstance(v, str | None) for v in (d.title, d.date))
    }


def read_cached_analysis(index_dir: Path, manifest: dict, source_hash: str) -> FileAnalysis | None:
    """An article's cached analysis, if present and undamaged (its digest is checked)."""
    digest = manifest.get("cache", {}).get(source_hash)
    path = index_dir / "cache" / f"{source_hash}.npz"
    try:
        data = path.read_bytes()
        if digest != content_hash(data):
            return None
        return FileAnalysis.from_bytes(data)
    except (OSError, ValueError, KeyError):
        return None


def same_settings(manifest: dict, fingerprint: str) -> bool:
    """Was the index of `manifest` built in this format with these settings? If not,
    nothing in it can be reused."""
    return manifest.get("format") == FORMAT_VERSION and manifest.get("fingerprint") == fingerprint


def load_index(
    index_dir: Path, fingerprint: str, files: dict[str, str], manifest: dict | None = None
) -> IndexData | None:
    """The index in `index_dir` if it is whole and matches `fingerprint` and `files`
    (`manifest`: its manifest, when the caller has just read it)."""
    manifest = manifest or read_manifest(index_dir)
    if manifest is None:
        return None
    if not same_settings(manifest, fingerprint):
        log.info("index in %s was built with other settings; rebuilding", index_dir)
        return None
    if manifest.get("files") != files:
        log.info("corpus changed since the index in %s was built; updating", index_dir)
        return None
    try:
        return read_index(index_dir, manifest)
    except (OSError, IndexUnreadable) as exc:
        log.warning("index in %s is unreadable (%s); rebuilding", index_dir, exc)
        return None


def read_index(index_dir: Path, manifest: dict) -> IndexData:
    """The index `manifest` describes, its arrays memory-mapped; `IndexUnreadable` (or
    OSError) if any part of it is missing, damaged or does not fit the rest."""
    try:
        check_files(index_dir, manifest, digests=None)
        return _read_index(index_dir, manifest)
    except (ValueError, KeyError, TypeError, EOFError) as exc:  # what damaged data raises
        raise IndexUnreadable(str(exc) or type(exc).__name__) from exc


def check_files(index_dir: Path, manifest: dict, digests: bool | None) -> None:
    """Compare every array file (segments', the joined rows') with its recorded size,
    and its digest when `digests` (None: only when they are small enough to hash
    quickly); `IndexUnreadable` naming the first that differs."""
    entries = [(f"segments/{s['name']}", s.get("files")) for s in manifest["segments"]]
    if "rows" in manifest:
        entries.append((f"gen-{manifest['generation']}/{JOINED_ROWS_FOLDER}", manifest["rows"]))
    recorded = [(name, files) for name, files in entries if isinstance(files, dict)]
    if digests is None:
        total = sum(size for _, files in recorded for size, _ in files.values())
        digests = total <= VERIFY_AT_OPEN_BYTES
    checked = []  # (name, file, path, digest), hashed on every core once sizes hold
    for name, files in recorded:
        folder = index_dir / name
        for file, (size, digest) in files.items():
            if not _OWN_ARRAY.fullmatch(file):
                raise IndexUnreadable(f"the manifest names a file {file!r} it never writes")
            path = folder / file
            try:
                if path.stat().st_size != size:
                    raise IndexUnreadable(f"index file {name}/{file} has the wrong size")
            except FileNotFoundError:
                raise IndexUnreadable(f"index file {name}/{file} is missing") from None
            checked.append((name, file, path, digest))
    if digests:
        for (name, file, _, digest), found in zip(checked, _hashes([c[2] for c in checked]),
                                                  strict=True):  # fmt: skip
            if found != digest:
                raise IndexUnreadable(f"index file {name}/{file} is damaged")


def verify_index(index_dir: Path) -> list[str]:
    """Every problem found by reading the whole index in `index_dir` and checking every
    array file and cache entry against its digest ([] when it is whole)."""
    if not is_own_index(index_dir):
        return [f"{index_dir} is not an astana-qa index"]
    manifest = read_manifest(index_dir)
    if manifest is None:
        return ["the manifest is missing or damaged"]
    if manifest.get("format") != FORMAT_VERSION:  # not damage: opening it rebuilds it
        return [
            f"the index is in format {manifest.get('format')}, not this version's "
            f"{FORMAT_VERSION}; opening it rebuilds it from its cached analyses"
        ]
    problems = []
    try:
        check_files(index_dir, manifest, digests=True)
        _read_index(index_dir, manifest)
    except (OSError, IndexUnreadable, ValueError, KeyError, TypeError, EOFError) as exc:
        problems.append(str(exc) or type(exc).__name__)
    for key, digest in manifest["cache"].items():
        try:
            if content_hash((index_dir / "cache" / f"{key}.npz").read_bytes()) != digest:
                problems.append(f"cache entry {key} is damaged")
        except OSError:
            problems.append(f"cache entry {key} is missing")
    return problems


def _read_index(index_dir: Path, manifest: dict) -> IndexData:
    generation = index_dir / f"gen-{manifest['generation']}"
    json_files = {name: _read_json(generation / f"{name}.json") for name in GENERATION_FILES}
    segments = [
        Segment(s["name"], s["documents"], _open_segment(index_dir / "segments" / s["name"]))
        for s in manifest["segments"]
    ]
    data = IndexData(
        documents=[DocumentInfo(**d) for d in json_files["documents"]],
        vocab=json_files["vocab"],
        name_vocab=json_files["names"],
        tokenizer=json_files["tokenizer"],
        segments=segments,
        manifest=manifest,
    )
    if len(segments) > 1:
        data.stored_joined = _open_joined(generation / JOINED_ROWS_FOLDER, data)
    check_consistent(data)
    read_parameters(data.tokenizer)
    return data


def _open_segment(folder: Path) -> SegmentArrays:
    return SegmentArrays.from_files(lambda name: _open_array(folder, name))


def _open_joined(folder: Path, data: IndexData) -> JoinedRows:
    """The joined arrays of `data`'s segments in `folder`, which its manifest must
    record exactly (else a rebuild: an unchecked or missing array must not be read, nor
    a missing tie order taken for the sentences' own)."""
    in_order = in_name_order([d.name for d in data.documents])
    recorded = data.manifest.get("rows")
    names = {n.removesuffix(".npy") for n in recorded} if isinstance(recorded, dict) else None
    if names != JoinedRows.file_names(in_order):
        raise IndexUnreadable("the joined sentence arrays are not those the manifest records")
    return JoinedRows.from_files(lambda name: _open_array(folder, name), in_order)


def _open_array(folder: Path, name: str) -> np.ndarray:
    """A stored array, memory-mapped read-only (as a plain ndarray view: slicing an
    `np.memmap` is several times slower)."""
    array = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
    return array.view(np.ndarray)


def _read_json(path: Path):
    return json.loads(path.read_text("utf-8"))


def check_consistent(data: IndexData) -> None:
    """Raise ValueError unless the arrays agree with each other and with the manifest.

    Cheap checks only (shapes and ends of offset arrays), so opening stays fast."""
    if data.sentence_count == 0 or data.sentence_count != data.manifest.get("sentences"):
        raise ValueError("sentence count does not match the manifest")
    if len(data.documents) != data.manifest.get("documents"):
        raise ValueError("document count does not match the manifest")
    if sum(s.documents for s in data.segments) != len(data.documents):
        raise ValueError("segments do not hold the indexed documents")
    for segment in data.segments:
        check_segment(segment.arrays, segment.documents, len(data.vocab), len(data.name_vocab))
    if data.stored_joined is not None:
        _check_joined(data, data.stored_joined)


def _check_joined(data: IndexData, together: JoinedRows) -> None:
    """Raise ValueError unless the joined arrays have a value for every sentence and
    agree with each segment's own at its first and last sentence (cheap checks: the
    digests, checked at open for a small index and by `--verify`, cover the rest)."""
    stored = together.files()
    if any(len(array) != data.sentence_count for array in stored.values()):
        raise ValueError("the joined sentence arrays do not match the segments")
    arrays = [s.arrays for s in data.segments]
    offsets = row_offsets(arrays, [s.documents for s in data.segments])
    start = 0
    for number, segment in enumerate(arrays):
        own = {f.name: getattr(segment.rows, f.name) for f in fields(SentenceRows)}
        own["sentence.length"] = segment.levels["sentence"].length
        for row in {0, segment.rows.count - 1} if segment.rows.count else ():
            for name, values in own.items():
                expected = values[row] + (offsets[name][number] if name in offsets else 0)
                if stored[name][start + row] != expected:
                    raise ValueError(f"the joined sentence arrays disagree with segment {number}")
        start += segment.rows.count
