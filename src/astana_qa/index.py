"""Building, saving and loading the sentence index.

On disk (`index/` by default), nothing that runs code when loaded:
  manifest.json   format, settings fingerprint, corpus file hashes, counts, build time
  documents.json  name, title and date of every indexed article
  vocab.json      the term list; terms are stored as numbers into it
  arrays.npz      per sentence: document, paragraph, start, end, and its terms (CSR)

A build writes into a temporary sibling folder and renames it into place, so a crash
never leaves a half-written index. `load_index` returns None for an index that is
missing, corrupt, or stale (other files or other settings), and the caller rebuilds.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from .analysis import Analyzer
from .corpus import Corpus
from .errors import CorpusError, QAError
from .sentences import split_sentences

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
INDEX_FILES = ("manifest.json", "documents.json", "vocab.json", "arrays.npz")
_ARRAY_NAMES = ("doc", "paragraph", "start", "end", "term_offsets", "term_ids")


@dataclass(frozen=True)
class DocumentInfo:
    """What the index keeps of an article (its text stays in the corpus file)."""

    name: str
    title: str | None
    date: str | None
    sha256: str


@dataclass
class IndexData:
    """An index in memory. Sentence `i` has the terms `term_ids[term_offsets[i]:term_offsets[i+1]]`.

    `paragraph` numbers paragraphs across the whole corpus.
    """

    documents: list[DocumentInfo]
    vocab: list[str]
    doc: np.ndarray
    paragraph: np.ndarray
    start: np.ndarray
    end: np.ndarray
    term_offsets: np.ndarray
    term_ids: np.ndarray
    manifest: dict

    @property
    def sentence_count(self) -> int:
        return len(self.doc)

    def sentence_terms(self) -> list[list[str]]:
        """The terms of every sentence, as lists of strings."""
        vocab = self.vocab
        ids = self.term_ids.tolist()
        offsets = self.term_offsets.tolist()
        return [[vocab[t] for t in ids[a:b]] for a, b in pairwise(offsets)]


def build_index(corpus: Corpus, analyzer: Analyzer, fingerprint: str) -> IndexData:
    """Split, filter and analyse every article of `corpus` into an `IndexData`."""
    vocab: dict[str, int] = {}
    doc_ids: list[int] = []
    paragraphs: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    offsets = [0]
    term_ids: list[int] = []
    next_paragraph = 0
    for d, document in enumerate(corpus.documents):
        first_paragraph = next_paragraph
        for sentence in split_sentences(document.text, analyzer.settings.min_line_words):
            if not sentence.prose:
                continue
            terms = analyzer.terms(document.text[sentence.start : sentence.end])
            if not terms:
                continue
            doc_ids.append(d)
            paragraphs.append(first_paragraph + sentence.paragraph)
            next_paragraph = max(next_paragraph, first_paragraph + sentence.paragraph + 1)
            starts.append(sentence.start)
            ends.append(sentence.end)
            term_ids.extend(vocab.setdefault(t, len(vocab)) for t in terms)
            offsets.append(len(term_ids))
    if not doc_ids:
        raise CorpusError("the corpus holds no article text to index (only page furniture)")
    documents = [DocumentInfo(d.name, d.title, d.date, d.sha256) for d in corpus.documents]
    manifest = {
        "format": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "files": corpus_file_hashes(corpus),
        "documents": len(documents),
        "sentences": len(doc_ids),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return IndexData(
        documents=documents,
        vocab=list(vocab),
        doc=np.asarray(doc_ids, dtype=np.int32),
        paragraph=np.asarray(paragraphs, dtype=np.int32),
        start=np.asarray(starts, dtype=np.int64),
        end=np.asarray(ends, dtype=np.int64),
        term_offsets=np.asarray(offsets, dtype=np.int64),
        term_ids=np.asarray(term_ids, dtype=np.int32),
        manifest=manifest,
    )


def corpus_file_hashes(corpus: Corpus) -> dict[str, str]:
    """Every file the index was built from (skipped ones too) with its content hash."""
    hashes = {d.name: d.sha256 for d in corpus.documents}
    hashes.update({s.name: s.sha256 for s in corpus.skipped})
    return dict(sorted(hashes.items()))


def _is_replaceable(index_dir: Path) -> bool:
    """Only an empty folder or one of our own indexes may be replaced: never user data."""
    if not index_dir.exists():
        return True
    if not index_dir.is_dir():
        return False
    names = {p.name for p in index_dir.iterdir()}
    return not names or "manifest.json" in names or names <= set(INDEX_FILES)


def save_index(data: IndexData, index_dir: Path) -> None:
    """Write `data` to `index_dir` atomically (temporary folder, then rename)."""
    if not _is_replaceable(index_dir):
        raise QAError(f"{index_dir} exists and is not an astana-qa index; choose another --index")
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}-building-", dir=index_dir.parent))
    try:
        arrays = {name: getattr(data, name) for name in _ARRAY_NAMES}
        np.savez(tmp / "arrays.npz", **arrays)
        (tmp / "vocab.json").write_text(json.dumps(data.vocab, ensure_ascii=False), "utf-8")
        docs = [asdict(d) for d in data.documents]
        (tmp / "documents.json").write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        (tmp / "manifest.json").write_text(json.dumps(data.manifest, indent=2), "utf-8")
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


def load_index(index_dir: Path, fingerprint: str, files: dict[str, str]) -> IndexData | None:
    """The index in `index_dir` if it is whole and matches `fingerprint` and `files`."""
    try:
        manifest = json.loads((index_dir / "manifest.json").read_text("utf-8"))
        if manifest.get("format") != FORMAT_VERSION or manifest.get("fingerprint") != fingerprint:
            log.info("index in %s was built with other settings; rebuilding", index_dir)
            return None
        if manifest.get("files") != files:
            log.info("corpus changed since the index in %s was built; rebuilding", index_dir)
            return None
        vocab = json.loads((index_dir / "vocab.json").read_text("utf-8"))
        docs = json.loads((index_dir / "documents.json").read_text("utf-8"))
        with np.load(index_dir / "arrays.npz", allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in _ARRAY_NAMES}
        data = IndexData([DocumentInfo(**d) for d in docs], vocab, manifest=manifest, **arrays)
        _check_consistent(data)
        return data
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("index in %s is unreadable (%s); rebuilding", index_dir, exc)
        return None


def _check_consistent(data: IndexData) -> None:
    """Raise ValueError unless the arrays agree with each other and with the manifest."""
    n = data.sentence_count
    if n == 0 or n != data.manifest.get("sentences"):
        raise ValueError("sentence count does not match the manifest")
    if any(len(a) != n for a in (data.paragraph, data.start, data.end)):
        raise ValueError("sentence arrays differ in length")
    if len(data.term_offsets) != n + 1 or data.term_offsets[-1] != len(data.term_ids):
        raise ValueError("term offsets do not match the terms")
    if len(data.documents) != data.manifest.get("documents"):
        raise ValueError("document count does not match the manifest")
    if data.doc.min() < 0 or data.doc.max() >= len(data.documents):
        raise ValueError("sentence points at a missing document")
    if len(data.term_ids) and (data.term_ids.min() < 0 or data.term_ids.max() >= len(data.vocab)):
        raise ValueError("term id outside the vocabulary")
    if np.any(data.start >= data.end) or np.any(np.diff(data.term_offsets) < 0):
        raise ValueError("malformed sentence spans")
