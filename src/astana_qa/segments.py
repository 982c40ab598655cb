"""Reading the segments of an index as one corpus.

Each segment numbers its sentences, paragraphs and articles from 0; read together,
those of a segment come after those of the segments before it. Per-sentence arrays are
joined once, when the index is opened (kept memory-mapped when there is one segment);
postings stay in their segments and are looked up in each (`retrieval.BM25Scorer`).
"""

from __future__ import annotations

import numpy as np

from .assemble import bigram_key
from .retrieval import POSTINGS_ARRAYS, BM25Scorer, Postings
from .settings import IndexSettings

# Per-sentence arrays, and what their numbers count (None: not numbers of anything).
ROW_ARRAYS = {
    "doc": "documents", "start": None, "end": None, "paragraph_row": "paragraph",
    "doc_row": "document", "has_time": None, "has_number": None, "name_count": None,
}  # fmt: skip


def _offsets(sizes: list[int]) -> list[int]:
    return np.cumsum([0, *sizes[:-1]]).tolist()


def joined_rows(segments: list[dict], documents: list[int]) -> dict[str, np.ndarray]:
    """The per-sentence arrays of all segments as one (`documents`: each segment's
    number of articles), with the sentence → terms offsets (`sentence_term_ptr|ids`)."""
    if len(segments) == 1:
        keys = (*ROW_ARRAYS, "sentence_term_ptr", "sentence_term_ids")
        return {k: segments[0][k] for k in keys}
    joined = {}
    for name, counted in ROW_ARRAYS.items():
        parts = [s[name] for s in segments]
        if counted is not None:
            sizes = (
                documents
                if counted == "documents"
                else [len(s[f"{counted}.length"]) for s in segments]
            )
            parts = [p + o for p, o in zip(parts, _offsets(sizes), strict=True)]
        joined[name] = np.concatenate(parts)
    term_counts = [np.diff(s["sentence_term_ptr"]) for s in segments]
    joined["sentence_term_ptr"] = np.concatenate([[0], np.cumsum(np.concatenate(term_counts))])
    joined["sentence_term_ids"] = np.concatenate([s["sentence_term_ids"] for s in segments])
    return joined


def level_scorer(
    segments: list[dict], level: str, vocabulary_size: int, settings: IndexSettings
) -> BM25Scorer:
    """The BM25Okapi scorer of one level (`assemble.LEVELS`) over all segments."""
    params = settings.sentence if level in ("sentence", "window") else settings.context
    parts = [Postings(*(s[f"{level}.{name}"] for name in POSTINGS_ARRAYS)) for s in segments]
    return BM25Scorer(parts, vocabulary_size, params)


class RowLookup:
    """Sentences by name or by adjacent term pair, across segments."""

    def __init__(self, segments: list[dict]):
        self.segments = segments
        self.offsets = _offsets([len(s["doc"]) for s in segments])

    def _join(self, found: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def name_rows(self, name: int) -> np.ndarray:
        """The sentences that mention name number `name`."""
        found = []
        for segment, offset in zip(self.segments, self.offsets, strict=True):
            ptr = segment["name.indptr"]
            if name < len(ptr) - 1:
                found.append(segment["name.rows"][ptr[name] : ptr[name + 1]] + offset)
        return self._join(found)

    def pair_rows(self, first: int, second: int) -> np.ndarray:
        """The sentences where term `second` directly follows term `first`."""
        key = bigram_key(first, second)
        found = []
        for segment, offset in zip(self.segments, self.offsets, strict=True):
            keys = segment["bigram.keys"]
            at = int(np.searchsorted(keys, key))
            if at < len(keys) and keys[at] == key:
                ptr = segment["bigram.indptr"]
                found.append(segment["bigram.rows"][ptr[at] : ptr[at + 1]] + offset)
        return self._join(found)
