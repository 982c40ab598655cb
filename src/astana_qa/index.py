"""Saving and loading the sentence index.

On disk (`index/` by default), nothing that runs code when loaded:
  manifest.json   format, settings fingerprint, corpus file hashes, counts, build time
  documents.json  name, title and date of every indexed article
  vocab.json      the term list (terms are stored as numbers into it)
  names.json      the list of names mentioned in sentences (likewise)
  tokenizer.json  the Punkt parameters sentences were split with
  arrays/*.npy    per sentence and per BM25 level, opened memory-mapped
  cache/*.npz     each article's analysis, by content hash, for incremental updates

A build writes into a temporary sibling folder and renames it into place, so a crash
never leaves a half-written index. `load_index` returns None for an index that is
missing, corrupt, or stale (other files or other settings), and the caller rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .errors import QAError
from .file_analysis import FileAnalysis
from .sentences import tokenizer_from_json

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
INDEX_ENTRIES = (
    "manifest.json", "documents.json", "vocab.json", "names.json", "tokenizer.json",
    "arrays", "cache",
)  # fmt: skip


@dataclass(frozen=True)
class DocumentInfo:
    """What the index keeps of an article (its text stays in the corpus file)."""

    name: str
    title: str | None
    date: str | None
    sha256: str


@dataclass
class IndexData:
    """An index in memory (its arrays memory-mapped when loaded from disk).

    `arrays` holds, per sentence: `doc`, `start`, `end`, `paragraph_row`, `doc_row`,
    `has_time`, `has_number`, `name_count`, its distinct terms (`sentence_term_ptr`,
    `sentence_term_ids`); per BM25 level `<level>.indptr|rows|score` and the number of
    texts in `level_sizes` (sentence, window, paragraph, document); and the
    postings of adjacent term pairs (`bigram.*`) and of names (`name.*`).
    """

    documents: list[DocumentInfo]
    vocab: list[str]
    name_vocab: list[str]
    tokenizer: dict
    arrays: dict[str, np.ndarray]
    manifest: dict

    @property
    def sentence_count(self) -> int:
        return len(self.arrays["doc"])


def entry_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_replaceable(index_dir: Path) -> bool:
    """Only an empty folder or one of our own indexes may be replaced: never user data."""
    if not index_dir.exists():
        return True
    if not index_dir.is_dir():
        return False
    names = {p.name for p in index_dir.iterdir()}
    return not names or "manifest.json" in names or names <= set(INDEX_ENTRIES)


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), "utf-8")


def save_index(data: IndexData, index_dir: Path, cache: dict[str, bytes | Path]) -> None:
    """Write `data` and the article analyses `cache` (source hash → new bytes, or the
    path of an unchanged cached file) to `index_dir` atomically."""
    if not _is_replaceable(index_dir):
        raise QAError(f"{index_dir} exists and is not an astana-qa index; choose another --index")
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}-building-", dir=index_dir.parent))
    try:
        (tmp / "arrays").mkdir()
        for name, array in data.arrays.items():
            np.save(tmp / "arrays" / f"{name}.npy", np.ascontiguousarray(array))
        (tmp / "cache").mkdir()
        for key, entry in cache.items():
            target = tmp / "cache" / f"{key}.npz"
            if isinstance(entry, Path):
                _link_or_copy(entry, target)
            else:
                target.write_bytes(entry)
        _write_json(tmp / "vocab.json", data.vocab)
        _write_json(tmp / "names.json", data.name_vocab)
        _write_json(tmp / "tokenizer.json", data.tokenizer)
        _write_json(tmp / "documents.json", [asdict(d) for d in data.documents])
        (tmp / "manifest.json").write_text(json.dumps(data.manifest, indent=1), "utf-8")
        old = None
        if index_dir.exists():
            old = index_dir.with_name(f".{index_dir.name}-old-{os.getpid()}-{time.time_ns()}")
            index_dir.rename(old)
        tmp.rename(index_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _link_or_copy(source: Path, target: Path) -> None:
    """Cache entries never change once written, so the new index can share the file."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


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
        if digest != entry_digest(data):
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
        data = IndexData(
            documents=[DocumentInfo(**d) for d in _read_json(index_dir / "documents.json")],
            vocab=_read_json(index_dir / "vocab.json"),
            name_vocab=_read_json(index_dir / "names.json"),
            tokenizer=_read_json(index_dir / "tokenizer.json"),
            arrays={name: _open_array(index_dir, name) for name in manifest["arrays"]},
            manifest=manifest,
        )
        check_consistent(data)
        tokenizer_from_json(data.tokenizer)
        return data
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("index in %s is unreadable (%s); rebuilding", index_dir, exc)
        return None


def _open_array(index_dir: Path, name: str) -> np.ndarray:
    """A stored array, memory-mapped read-only (as a plain ndarray view: slicing an
    `np.memmap` is several times slower)."""
    array = np.load(index_dir / "arrays" / f"{name}.npy", mmap_mode="r", allow_pickle=False)
    return array.view(np.ndarray)


def _read_json(path: Path):
    return json.loads(path.read_text("utf-8"))


def check_consistent(data: IndexData) -> None:
    """Raise ValueError unless the arrays agree with each other and with the manifest.

    Cheap checks only (shapes and ends of offset arrays), so opening stays fast."""
    a, n, v = data.arrays, data.sentence_count, len(data.vocab)
    if n == 0 or n != data.manifest.get("sentences") or a["level_sizes"][0] != n:
        raise ValueError("sentence count does not match the manifest")
    if len(data.documents) != data.manifest.get("documents"):
        raise ValueError("document count does not match the manifest")
    per_sentence = ("start", "end", "paragraph_row", "doc_row", "has_time", "has_number")
    if any(len(a[name]) != n for name in (*per_sentence, "name_count")):
        raise ValueError("sentence arrays differ in length")
    ptr = a["sentence_term_ptr"]
    if len(ptr) != n + 1 or ptr[-1] != len(a["sentence_term_ids"]):
        raise ValueError("sentence term offsets do not match the sentences")
    for level in ("sentence", "window", "paragraph", "document"):
        if len(a[f"{level}.indptr"]) != v + 1:
            raise ValueError(f"{level} postings do not match the vocabulary")
        rows, score = a[f"{level}.rows"], a[f"{level}.score"]
        if a[f"{level}.indptr"][-1] != len(rows) or len(rows) != len(score):
            raise ValueError(f"{level} postings are truncated")
    if len(a["name.indptr"]) != len(data.name_vocab) + 1:
        raise ValueError("name postings do not match the name list")
    if a["doc"][-1] >= len(data.documents) or a["doc"][0] < 0:
        raise ValueError("sentence points at a missing document")
