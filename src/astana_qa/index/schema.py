"""The stored index format, described once: every array of a segment, its file name,
its element type and what it counts. Writing (`assemble.py`, `store.py`), checking
(`check_segment`) and reading (`segments.py`, the search layer) all go through these
dataclasses, so an array is named in exactly one place.

On disk (`index/` by default), nothing that runs code when loaded:
  manifest.json          format name and version, settings fingerprint, corpus file
                         hashes (and each file's size, modification and status-change
                         times and inode, with when they were taken: an open hashes only
                         files whose status changed or that changed just before a build),
                         counts, the segments and generation in use, digests
  gen-N/documents.json   name, title, date and hash of every indexed article
  gen-N/vocab.json       the term list (terms are stored as numbers into it)
  gen-N/names.json       the list of names mentioned in sentences (likewise)
  gen-N/tokenizer.json   the Punkt parameters sentences were split with
  gen-N/rows/<array>.npy with several segments, what the search reads per sentence,
                         joined across them (`JoinedRows`), memory-mapped at open instead
                         of copied; sizes and digests in the manifest's "rows"
  segments/S/<array>.npy a segment's arrays (`SegmentArrays.files()` names), memory-mapped;
                         S is the generation that wrote it (000012), or that trimmed
                         it (000012-1: `trim.py`)
  cache/<sha256>.npz     each article's analysis, by content hash, for incremental updates
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np

from .postings import POSTINGS_ARRAYS, Postings

# 4: counts, lengths and offsets in narrower integer types; 5: the window level derived
# from the sentence level (`windows.py`), only its document frequencies stored; 6: each
# sentence's terms no longer stored beside the postings (63 MB of a million sentences);
# 7: the joined per-sentence arrays of several segments stored with each generation.
FORMAT_VERSION = 7
# The BM25 levels the ranking fuses: the sentence, its window (itself with the sentence
# before it in the same paragraph), its paragraph and its article.
LEVELS = ("sentence", "window", "paragraph", "document")
# The levels whose postings are stored; the window level follows from the sentence
# level (`windows.py`).
STORED_LEVELS = ("sentence", "paragraph", "document")
# The file of the window level's document frequency of every term.
WINDOW_DF_FILE = "window.df"
# The folder of a generation that holds its segments' per-sentence arrays joined.
JOINED_ROWS_FOLDER = "rows"
_NAME_ORDER_FILE = "name_order"


@dataclass(frozen=True)
class SentenceRows:
    """Per-sentence arrays (one element per sentence, numbered within the segment, or
    across segments once joined). A sentence's terms are not stored a second time: the
    sentence postings tell whether it holds a term (`search/bm25.BM25Scorer.contains`)."""

    doc: np.ndarray  # int32: its article's number
    start: np.ndarray  # int32: offsets of its text in the article (at most MAX_ARTICLE_BYTES)
    end: np.ndarray  # int32
    paragraph_row: np.ndarray  # int32: its paragraph's number
    doc_row: np.ndarray  # int32: its article's row in the document level
    has_time: np.ndarray  # bool: states a year, a month or a century
    has_number: np.ndarray  # bool: states a quantity
    name_count: np.ndarray  # int32: names it mentions

    @property
    def count(self) -> int:
        return len(self.doc)


# The file names of `SentenceRows`' arrays that differ from their field names (none now;
# format 5 stored each sentence's terms as "sentence_term_ptr" and "sentence_term_ids").
_ROW_FILES: dict[str, str] = {}
# What each per-sentence number counts, so joined segments can renumber it.
ROW_NUMBERING = {"doc": "documents", "paragraph_row": "paragraph", "doc_row": "document"}


@dataclass(frozen=True)
class PairPostings:
    """Sentences holding each adjacent term pair: key `first << 32 | second` (ascending)
    → `rows[indptr[i]:indptr[i+1]]`."""

    keys: np.ndarray  # int64
    indptr: np.ndarray  # int64
    rows: np.ndarray  # int32


@dataclass(frozen=True)
class NamePostings:
    """Sentences mentioning each name number: `rows[indptr[n]:indptr[n+1]]`."""

    indptr: np.ndarray  # int64
    rows: np.ndarray  # int32


def bigram_key(first, second):
    """The key of an adjacent term pair (term numbers), independent of vocabulary size."""
    return (first << 32) | second


@dataclass(frozen=True)
class SegmentArrays:
    """Every array of one segment."""

    rows: SentenceRows
    levels: dict[str, Postings]  # one per name in STORED_LEVELS
    window_df: np.ndarray  # int32: per term, how many windows hold it (`windows.py`)
    pairs: PairPostings
    names: NamePostings

    def files(self) -> dict[str, np.ndarray]:
        """The arrays by file name (without `.npy`), as stored."""
        rows = self.rows
        out = {_ROW_FILES.get(f.name, f.name): getattr(rows, f.name) for f in fields(rows)}
        for level in STORED_LEVELS:
            out |= {f"{level}.{n}": getattr(self.levels[level], n) for n in POSTINGS_ARRAYS}
        out[WINDOW_DF_FILE] = self.window_df
        out |= {f"bigram.{f.name}": getattr(self.pairs, f.name) for f in fields(PairPostings)}
        out |= {f"name.{f.name}": getattr(self.names, f.name) for f in fields(NamePostings)}
        return out

    @classmethod
    def from_files(cls, read: Callable[[str], np.ndarray]) -> SegmentArrays:
        """The arrays read by file name with `read` (KeyError/OSError if one is missing)."""
        return cls(
            rows=SentenceRows(
                **{f.name: read(_ROW_FILES.get(f.name, f.name)) for f in fields(SentenceRows)}
            ),
            levels={
                level: Postings(*(read(f"{level}.{n}") for n in POSTINGS_ARRAYS))
                for level in STORED_LEVELS
            },
            window_df=read(WINDOW_DF_FILE),
            pairs=PairPostings(*(read(f"bigram.{f.name}") for f in fields(PairPostings))),
            names=NamePostings(*(read(f"name.{f.name}") for f in fields(NamePostings))),
        )


@dataclass(frozen=True)
class JoinedRows:
    """What a generation of several segments stores joined (`JOINED_ROWS_FOLDER`), so
    that a server maps it instead of joining it in its own memory at every open: the
    per-sentence arrays numbered across segments, the sentence level's text lengths,
    and, unless the sentences are already in that order, each one's place in file-name
    order (`segments.name_order`)."""

    rows: SentenceRows
    sentence_length: np.ndarray  # int32: terms in each sentence
    name_order: np.ndarray | None  # int32

    def files(self) -> dict[str, np.ndarray]:
        """The arrays by file name (without `.npy`), as stored."""
        out = {f.name: getattr(self.rows, f.name) for f in fields(SentenceRows)}
        out["sentence.length"] = self.sentence_length
        if self.name_order is not None:
            out[_NAME_ORDER_FILE] = self.name_order
        return out

    @staticmethod
    def file_names(in_name_order: bool) -> set[str]:
        """The files (without `.npy`) stored for sentences that are, or are not, in
        file-name order already."""
        names = {f.name for f in fields(SentenceRows)} | {"sentence.length"}
        return names if in_name_order else names | {_NAME_ORDER_FILE}

    @classmethod
    def from_files(cls, read: Callable[[str], np.ndarray], in_name_order: bool) -> JoinedRows:
        """The arrays read by file name with `read` (KeyError/OSError if one is
        missing), for sentences that are, or are not, in file-name order already."""
        return cls(
            rows=SentenceRows(**{f.name: read(f.name) for f in fields(SentenceRows)}),
            sentence_length=read("sentence.length"),
            name_order=None if in_name_order else read(_NAME_ORDER_FILE),
        )


ARRAY_FILES = tuple(
    [_ROW_FILES.get(f.name, f.name) for f in fields(SentenceRows)]
    + [f"{level}.{n}" for level in STORED_LEVELS for n in POSTINGS_ARRAYS]
    + [WINDOW_DF_FILE]
    + [f"bigram.{f.name}" for f in fields(PairPostings)]
    + [f"name.{f.name}" for f in fields(NamePostings)]
)


def check_segment(arrays: SegmentArrays, documents: int, terms: int, names: int) -> None:
    """Raise ValueError unless the arrays of a segment of `documents` articles agree with
    each other and with vocabularies of `terms` terms and `names` names.

    Cheap checks only (shapes and ends of offset arrays), so opening stays fast."""
    r, n = arrays.rows, arrays.rows.count
    if any(len(getattr(r, f.name)) != n for f in fields(r)):
        raise ValueError("sentence arrays differ in length")
    for level in STORED_LEVELS:
        p = arrays.levels[level]
        if len(p.indptr) > terms + 1 or p.indptr[-1] != len(p.rows) or len(p.rows) != len(p.tf):
            raise ValueError(f"{level} postings are truncated or do not match the vocabulary")
    sentence_df = np.diff(arrays.levels["sentence"].indptr)
    if len(arrays.window_df) != len(sentence_df):
        raise ValueError("window frequencies do not match the sentence postings")
    # A term is in the window of each sentence holding it and at most the next one's.
    window_df = np.asarray(arrays.window_df)
    if np.any(window_df < sentence_df) or np.any(window_df > np.minimum(2 * sentence_df, n)):
        raise ValueError("window frequencies are out of range for the sentence postings")
    if len(arrays.levels["sentence"].length) != n:
        raise ValueError("sentence lengths do not match the sentences")
    if len(arrays.names.indptr) > names + 1:
        raise ValueError("name postings do not match the name list")
    if n and (r.doc[-1] >= documents or r.doc[0] < 0):
        raise ValueError("sentence points at a missing document")
