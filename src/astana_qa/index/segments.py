"""Reading the segments of an index as one corpus.

Each segment numbers its sentences, paragraphs and articles from 0; read together,
those of a segment come after those of the segments before it. Per-sentence arrays are
joined once, when a generation of several segments is saved (`joined`, stored and then
memory-mapped like the rest; one segment's own arrays serve as they are); postings stay
in their segments and are looked up in each.
"""

from __future__ import annotations

from dataclasses import fields
from itertools import pairwise

import numpy as np

from .schema import ROW_NUMBERING, JoinedRows, SegmentArrays, SentenceRows, bigram_key


def _offsets(sizes: list[int]) -> list[int]:
    return np.cumsum([0, *sizes[:-1]]).tolist()


def row_offsets(segments: list[SegmentArrays], documents: list[int]) -> dict[str, list[int]]:
    """For each per-sentence array that holds numbers (`ROW_NUMBERING`), what joining
    adds to each segment's numbers (`documents`: each segment's number of articles)."""
    sizes = {"documents": documents}
    for level in set(ROW_NUMBERING.values()) - {"documents"}:
        sizes[level] = [len(s.levels[level].length) for s in segments]
    return {name: _offsets(sizes[counted]) for name, counted in ROW_NUMBERING.items()}


def joined_rows(segments: list[SegmentArrays], documents: list[int]) -> SentenceRows:
    """The per-sentence arrays of all segments as one (`documents`: each segment's
    number of articles)."""
    if len(segments) == 1:
        return segments[0].rows
    offsets = row_offsets(segments, documents)
    joined = {}
    for field in fields(SentenceRows):
        name = field.name
        parts = [getattr(s.rows, name) for s in segments]
        if name in offsets:
            parts = [p + o for p, o in zip(parts, offsets[name], strict=True)]
        joined[name] = np.concatenate(parts)
    return SentenceRows(**joined)


def name_ranks(names: list[str]) -> np.ndarray:
    """Each article's place in file-name order (`names`, by article number)."""
    return np.argsort(np.argsort(np.array(names, dtype=object), kind="stable"), kind="stable")


def in_name_order(names: list[str]) -> bool:
    """Are the articles (`names`, by article number) numbered in file-name order?"""
    return all(a < b for a, b in pairwise(names))


def name_order(ranks: np.ndarray, doc: np.ndarray, start: np.ndarray) -> np.ndarray | None:
    """Each sentence's place (int32) when sentences are ordered by their article's file
    name (`ranks`: each article's place in that order, `name_ranks`), then by where they
    start: the order ties are broken in, however segments order the articles. None when
    that is their own order (articles stored in file-name order, as one segment holds
    them)."""
    if np.all(ranks[:-1] < ranks[1:]):
        return None
    position = np.empty(len(doc), dtype=np.int32)
    position[np.lexsort((start, ranks[doc]))] = np.arange(len(doc), dtype=np.int32)
    return position


def joined(segments: list[SegmentArrays], documents: list[int], names: list[str]) -> JoinedRows:
    """What a generation of several `segments` stores joined (`documents`: each
    segment's number of articles; `names`: every article's file name, in order)."""
    rows = joined_rows(segments, documents)
    return JoinedRows(
        rows=rows,
        sentence_length=np.concatenate([s.levels["sentence"].length for s in segments]),
        name_order=name_order(name_ranks(names), rows.doc, rows.start),
    )


class RowLookup:
    """Sentences by name or by adjacent term pair, across segments."""

    def __init__(self, segments: list[SegmentArrays]):
        self.segments = segments
        self.offsets = _offsets([s.rows.count for s in segments])

    def _join(self, found: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def mentioned(self, names: int) -> np.ndarray:
        """For each of the `names` numbers, whether some sentence mentions it."""
        found = np.zeros(names, dtype=bool)
        for segment in self.segments:
            counts = np.diff(segment.names.indptr)[:names]
            found[: len(counts)] |= counts > 0
        return found

    def name_rows(self, name: int) -> np.ndarray:
        """The sentences that mention name number `name`."""
        found = []
        for segment, offset in zip(self.segments, self.offsets, strict=True):
            ptr = segment.names.indptr
            if name < len(ptr) - 1:
                found.append(segment.names.rows[ptr[name] : ptr[name + 1]] + offset)
        return self._join(found)

    def pair_rows(self, first: int, second: int) -> np.ndarray:
        """The sentences where term `second` directly follows term `first`."""
        key = bigram_key(first, second)
        found = []
        for segment, offset in zip(self.segments, self.offsets, strict=True):
            keys = segment.pairs.keys
            at = int(np.searchsorted(keys, key))
            if at < len(keys) and keys[at] == key:
                ptr = segment.pairs.indptr
                found.append(segment.pairs.rows[ptr[at] : ptr[at + 1]] + offset)
        return self._join(found)
