"""Reading the segments of an index as one corpus.

Each segment numbers its sentences, paragraphs and articles from 0; read together,
those of a segment come after those of the segments before it. Per-sentence arrays are
joined once, when the index is opened (kept memory-mapped when there is one segment);
postings stay in their segments and are looked up in each.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np

from .schema import ROW_NUMBERING, JoinedRows, SegmentArrays, SentenceRows, bigram_key


def _offsets(sizes: list[int]) -> list[int]:
    return np.cumsum([0, *sizes[:-1]]).tolist()


def joined_rows(segments: list[SegmentArrays], documents: list[int]) -> SentenceRows:
    """The per-sentence arrays of all segments as one (`documents`: each segment's
    number of articles)."""
    if len(segments) == 1:
        return segments[0].rows
    joined = {}
    for field in fields(SentenceRows):
        name = field.name
        parts = [getattr(s.rows, name) for s in segments]
        counted = ROW_NUMBERING.get(name)
        if counted is not None:
            sizes = (
                documents
                if counted == "documents"
                else [len(s.levels[counted].length) for s in segments]
            )
            parts = [p + o for p, o in zip(parts, _offsets(sizes), strict=True)]
        joined[name] = np.concatenate(parts)
    return SentenceRows(**joined)


def name_order(names: list[str], doc: np.ndarray, start: np.ndarray) -> np.ndarray | None:
    """Each sentence's place (int32) when sentences are ordered by their article's file
    name (`names`, by article number), then by where they start: the order ties are
    broken in, however segments order the articles. None when that is their own order
    (articles stored in file-name order, as one segment always holds them)."""
    rank = np.argsort(np.argsort(np.array(names, dtype=object), kind="stable"), kind="stable")
    if np.all(rank[:-1] < rank[1:]):
        return None
    position = np.empty(len(doc), dtype=np.int32)
    position[np.lexsort((start, rank[doc]))] = np.arange(len(doc), dtype=np.int32)
    return position


def joined(segments: list[SegmentArrays], documents: list[int], names: list[str]) -> JoinedRows:
    """What a generation of several `segments` stores joined (`documents`: each
    segment's number of articles; `names`: every article's file name, in order)."""
    rows = joined_rows(segments, documents)
    return JoinedRows(
        rows=rows,
        sentence_length=np.concatenate([s.levels["sentence"].length for s in segments]),
        name_order=name_order(names, rows.doc, rows.start),
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
