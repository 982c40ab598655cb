"""Saving and loading the sentence index (the format is described in `schema.py`).

Segments and cache entries are never changed once written, so an update writes only
what is new (a segment of the added articles, a new generation of the small JSON files)
and then replaces `manifest.json` in one rename: a crash before it leaves the previous
index whole, and what no manifest names any more is removed after it. `load_index`
returns None for an index that is missing, corrupt, or stale (other files or other
settings), and the caller rebuilds.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..errors import QAError
from ..text.corpus import content_hash
from ..text.sentences import tokenizer_from_json
from .file_analysis import FileAnalysis
from .schema import FORMAT_VERSION, SegmentArrays, check_segment

log = logging.getLogger(__name__)

# What an index folder may hold (format 2 kept `arrays` and the JSON files at the top).
INDEX_ENTRIES = (
    "manifest.json", "segments", "cache", "arrays", "documents.json", "vocab.json",
    "names.json", "tokenizer.json",
)  # fmt: skip
GENERATION_FILES = ("documents", "vocab", "names", "tokenizer")


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

    @property
    def sentence_count(self) -> int:
        return sum(s.sentence_count for s in self.segments)


def _is_replaceable(index_dir: Path) -> bool:
    """Only an empty folder or one of our own indexes may be written into: never user data."""
    if not index_dir.exists():
        return True
    if not index_dir.is_dir():
        return False
    names = {p.name for p in index_dir.iterdir()}
    return not names or "manifest.json" in names or names <= set(INDEX_ENTRIES)


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), "utf-8")


def _write_then_rename(target: Path, write) -> None:
    """Write `target` (a file or a folder) under a temporary name, then rename it, so
    that a name in the index always stands for a whole entry."""
    tmp = target.with_name(f".tmp-{target.name}-{os.getpid()}")
    try:
        write(tmp)
        if target.is_dir():  # left by a build that stopped before its commit
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        _remove(tmp)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write_arrays(folder: Path, arrays: SegmentArrays) -> None:
    folder.mkdir()
    for name, array in arrays.files().items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(array))


def _write_generation(folder: Path, data: IndexData) -> None:
    folder.mkdir()
    _write_json(folder / "documents.json", [asdict(d) for d in data.documents])
    _write_json(folder / "vocab.json", data.vocab)
    _write_json(folder / "names.json", data.name_vocab)
    _write_json(folder / "tokenizer.json", data.tokenizer)


def save_index(data: IndexData, index_dir: Path, new_cache: dict[str, bytes]) -> None:
    """Write what `data` adds to the index in `index_dir` (segments not there yet, the
    new cache entries `new_cache`: source hash → bytes), then commit its manifest."""
    if not _is_replaceable(index_dir):
        raise QAError(f"{index_dir} exists and is not an astana-qa index; choose another --index")
    committed = {s["name"] for s in (read_manifest(index_dir) or {}).get("segments", [])}
    (index_dir / "segments").mkdir(parents=True, exist_ok=True)
    (index_dir / "cache").mkdir(exist_ok=True)
    for segment in data.segments:
        if segment.name not in committed:  # committed segments never change
            target = index_dir / "segments" / segment.name
            _write_then_rename(target, lambda tmp, s=segment: _write_arrays(tmp, s.arrays))
    for key, entry in new_cache.items():
        target = index_dir / "cache" / f"{key}.npz"
        _write_then_rename(target, lambda tmp, e=entry: tmp.write_bytes(e))
    generation = index_dir / f"gen-{data.manifest['generation']}"
    _write_then_rename(generation, lambda tmp: _write_generation(tmp, data))
    manifest = json.dumps(data.manifest, indent=1)
    _write_then_rename(index_dir / "manifest.json", lambda tmp: tmp.write_text(manifest, "utf-8"))
    _remove_unused(index_dir, data.manifest)


def _remove_unused(index_dir: Path, manifest: dict) -> None:
    """Delete what the committed manifest no longer names (older generations and
    segments, cache entries of removed articles, leftovers of an interrupted build)."""
    keep = {"manifest.json", "segments", "cache", f"gen-{manifest['generation']}"}
    segments = {s["name"] for s in manifest["segments"]}
    cached = {f"{key}.npz" for key in manifest["cache"]}
    unused = [p for p in index_dir.iterdir() if p.name not in keep]
    unused += [p for p in (index_dir / "segments").iterdir() if p.name not in segments]
    unused += [p for p in (index_dir / "cache").iterdir() if p.name not in cached]
    for path in unused:
        _remove(path)


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of the index in `index_dir`, or None if there is no readable one."""
    try:
        manifest = json.loads((index_dir / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


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


def load_index(index_dir: Path, fingerprint: str, files: dict[str, str]) -> IndexData | None:
    """The index in `index_dir` if it is whole and matches `fingerprint` and `files`."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        return None
    if manifest.get("format") != FORMAT_VERSION or manifest.get("fingerprint") != fingerprint:
        log.info("index in %s was built with other settings; rebuilding", index_dir)
        return None
    if manifest.get("files") != files:
        log.info("corpus changed since the index in %s was built; updating", index_dir)
        return None
    try:
        return read_index(index_dir, manifest)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("index in %s is unreadable (%s); rebuilding", index_dir, exc)
        return None


def read_index(index_dir: Path, manifest: dict) -> IndexData:
    """The index `manifest` describes, its arrays memory-mapped; ValueError (or OSError)
    if any part of it is missing or does not fit the rest."""
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
    check_consistent(data)
    tokenizer_from_json(data.tokenizer)
    return data


def _open_segment(folder: Path) -> SegmentArrays:
    return SegmentArrays.from_files(lambda name: _open_array(folder, name))


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
