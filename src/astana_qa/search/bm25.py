"""The retrieval boundary: exact BM25Okapi scores, computed through term postings.

`BM25Scorer` returns exactly rank-bm25's `BM25Okapi.get_scores`, but a question touches
only the texts that contain its terms instead of walking every text in Python. The
statistics are rank-bm25's own: its idf (with the epsilon floor for terms in more than
half the texts) is computed by rank-bm25's code, and term counts, text lengths, average
length, k1 and b enter the same expression in the same order, so scores agree to the
last bits (a property test checks them against `get_scores` on random corpora).

Corpus-wide statistics (idf, average length) are computed here, when an index is
opened, from the term counts in the postings of all its segments (`index/postings.py`).

The scorer also reports which query terms each text contains, weighted by an idf that
never reaches zero: BM25Okapi gives a term found in exactly half the texts idf 0 and
floors negative idf (rank_bm25 issues #29 and #39), so in a tiny corpus, or for a word
found almost everywhere, every score can be 0 although some texts match.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

from ..index.postings import Postings, build_postings, count_matrix
from ..index.schema import SegmentArrays
from ..index.windows import continues, window_length_sum
from ..settings import BM25Params, IndexSettings
from .kernels import add_bm25, add_weights, add_window_bm25, count_near, count_terms, mark_rows

# A query term that is not in the vocabulary.
UNKNOWN = -1


def okapi_idf(document_frequency: np.ndarray, texts: int, epsilon: float) -> np.ndarray:
    """BM25Okapi's idf of every term, computed by rank-bm25's own `_calc_idf` over the
    terms the texts hold (terms no text holds get 0 and do not enter the average)."""
    model = BM25Okapi.__new__(BM25Okapi)  # skips __init__, which would re-read every text
    model.corpus_size, model.epsilon, model.idf = texts, epsilon, {}
    present = np.flatnonzero(document_frequency)
    model._calc_idf(dict(zip(present.tolist(), document_frequency[present].tolist(), strict=True)))
    idf = np.zeros(len(document_frequency), dtype=np.float64)
    idf[present] = np.fromiter((model.idf[t] for t in present.tolist()), np.float64, len(present))
    return idf


class BM25Scorer:
    """Exact BM25Okapi scores of one level's texts for queries given as term numbers.

    `parts` are the level's postings in each segment, in segment order: the texts of a
    segment are numbered after those of the segments before it."""

    def __init__(
        self,
        parts: list[Postings],
        vocabulary_size: int,
        params: BM25Params,
        lengths: np.ndarray | None = None,
    ):
        """`lengths`: every text's length across the parts, when the index stores them
        joined (else joined here)."""
        self.parts = parts
        self.offsets = np.cumsum([0] + [len(p.length) for p in parts])
        self.size = int(self.offsets[-1])
        self.k1 = params.k1
        self.df = _summed([np.diff(p.indptr) for p in parts], vocabulary_size)
        self.b = params.b
        self.lengths = _lengths(parts) if lengths is None else lengths
        self.average = _average(int(self.lengths.sum()), self.size)
        self.idf = okapi_idf(self.df, self.size, params.epsilon)

    @classmethod
    def from_texts(cls, texts: list[list[str]], params: BM25Params) -> tuple[BM25Scorer, dict]:
        """A scorer over texts of term strings, and the vocabulary (term → number)."""
        if not texts:
            raise ValueError("BM25Scorer needs at least one text")
        vocab: dict[str, int] = {}
        ids = np.asarray([vocab.setdefault(t, len(vocab)) for text in texts for t in text])
        ptr = np.cumsum([0] + [len(text) for text in texts])
        postings = build_postings(count_matrix(ids, ptr, len(vocab)))
        return cls([postings], len(vocab), params), vocab

    def _spans(self, term: int):
        """`(postings, start, stop, offset)` of `term` in every segment that holds it."""
        if term == UNKNOWN:
            return
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            if term < len(part.indptr) - 1 and part.indptr[term] < part.indptr[term + 1]:
                yield part, part.indptr[term], part.indptr[term + 1], offset

    @staticmethod
    def _rows(part: Postings, start: int, stop: int, offset: int) -> np.ndarray:
        """Rows `start:stop` of a segment's postings, numbered across segments."""
        return part.rows[start:stop] + offset if offset else part.rows[start:stop]

    def scores(
        self, query: Sequence[int] | np.ndarray, weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """BM25Okapi score of every text for `query` (equal to rank-bm25's `get_scores`);
        with `weights`, each query term's part is multiplied by its weight.

        Each text's parts are added in query order, as `get_scores` adds them
        (`kernels.add_bm25`), so the sums agree to the last bit (the property tests in
        tests/comparison assert equality)."""
        terms, idf = _weighted_idf(self.idf, query, weights)
        scores = np.zeros(self.size, dtype=np.float64)
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            starts, stops = _ranges(part, terms)
            add_bm25(scores, part.rows, part.tf, starts, stops, idf, self.k1, self.b,
                     self.average, self.lengths, offset)  # fmt: skip
        return scores

    def mark(self, terms: Sequence[int] | np.ndarray) -> np.ndarray:
        """For every text, whether it holds one of `terms`."""
        numbers = np.asarray(terms, dtype=np.int64).reshape(-1)
        marked = np.zeros(self.size, dtype=bool)
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            mark_rows(marked, part.rows, *_ranges(part, numbers), offset)
        return marked

    def term_counts(self, terms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """For every text, how many of the distinct `terms` it holds, and the position
        in `terms` of the last it holds (which one, where it holds only one)."""
        numbers = np.asarray(terms, dtype=np.int64).reshape(-1)
        counts = np.zeros(self.size, dtype=np.int32)
        last = np.zeros(self.size, dtype=np.int32)
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            count_terms(counts, last, part.rows, *_ranges(part, numbers), offset)
        return counts, last

    def near_shares(
        self, related: Sequence[int], counts: np.ndarray, last: np.ndarray, excluded: int
    ) -> list[float]:
        """For each of the term numbers `related`, the share of the texts holding it that
        hold one of the terms that `counts` and `last` were found for (`term_counts`)
        other than the one at position `excluded` (-1: any of them); 0 for a term no text
        holds. Counted in place, without gathering the postings or copying the counts."""
        numbers = np.asarray(related, dtype=np.int64).reshape(-1)
        found = np.zeros(len(numbers), dtype=np.int64)
        near = np.zeros(len(numbers), dtype=np.int64)
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            count_near(found, near, counts, last, excluded, part.rows, *_ranges(part, numbers),
                       offset)  # fmt: skip
        return np.where(found > 0, near / np.maximum(found, 1), 0.0).tolist()

    def rows(self, term: int) -> np.ndarray:
        """The texts that contain `term`, ascending."""
        found = [self._rows(part, a, b, offset) for part, a, b, offset in self._spans(term)]
        if len(found) == 1:
            return found[0]  # no copy for a term of the first segment only
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def contains(self, term: int, row: int) -> bool:
        """Does text `row` contain `term`?"""
        rows = self.rows(term)
        # bisect, not np.searchsorted: as fast, and it keeps the interpreter lock, which
        # searchsorted releases and a busy server then makes it wait to get back.
        at = bisect_left(rows, row)
        return at < len(rows) and rows[at] == row

    def document_frequency(self, term: int) -> int:
        """Number of texts that contain `term`."""
        return 0 if term == UNKNOWN else int(self.df[term])

    def weight(self, term: int) -> float:
        """How informative `term` is here: log((N + 1) / (df + 0.5)), positive for every
        term and largest for terms the texts never use."""
        return math.log((self.size + 1) / (self.document_frequency(term) + 0.5))

    def matched_weight(self, query: list[int]) -> np.ndarray:
        """For every text, the summed `weight` of the distinct query terms it contains."""
        distinct = np.asarray(list(dict.fromkeys(query)), dtype=np.int64)
        weights = np.asarray([self.weight(term) for term in distinct.tolist()], dtype=np.float64)
        matched = np.zeros(self.size, dtype=np.float64)
        for part, offset in zip(self.parts, self.offsets.tolist(), strict=False):
            add_weights(matched, part.rows, *_ranges(part, distinct), weights, offset)
        return matched


class WindowScorer:
    """Exact BM25Okapi scores of the sentences' windows (each sentence with the one
    before it in its paragraph; `index/windows.py`) for queries given as term numbers,
    read from the sentence level's postings: `scores` and `idf` are those of a
    `BM25Scorer` over stored window postings, which the index no longer keeps.

    `continued` tells, for every sentence across segments, whether the next sentence is
    in the same paragraph; `window_df` is each segment's stored window frequencies. The
    windows take the sentence level's k1 (`IndexSettings.sentence`)."""

    def __init__(self, sentences: BM25Scorer, window_df: list[np.ndarray],
                 continued: np.ndarray, vocabulary_size: int, params: BM25Params):  # fmt: skip
        if params.k1 != sentences.k1:
            raise ValueError("windows are scored with their sentences' k1")
        self.sentences = sentences
        self.size = sentences.size
        self.k1 = params.k1
        self.continued = continued
        self.df = _summed(window_df, vocabulary_size)
        self.b = params.b
        self.average = _average(window_length_sum(sentences.lengths, continued), self.size)
        self.idf = okapi_idf(self.df, self.size, params.epsilon)

    def scores(
        self, query: Sequence[int] | np.ndarray, weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """BM25Okapi score of every window for `query`, as `BM25Scorer.scores` gives it
        (`kernels.add_window_bm25` adds the same parts in the same order)."""
        terms, idf = _weighted_idf(self.idf, query, weights)
        scores = np.zeros(self.size, dtype=np.float64)
        s = self.sentences
        for part, offset in zip(s.parts, s.offsets.tolist(), strict=False):
            starts, stops = _ranges(part, terms)
            add_window_bm25(scores, part.rows, part.tf, starts, stops, idf, self.k1, self.b,
                            self.average, s.lengths, offset, self.continued)  # fmt: skip
        return scores


def _summed(counts: list[np.ndarray], vocabulary_size: int) -> np.ndarray:
    """Per-term counts of the segments added up (a segment numbers only the terms known
    when it was written, so its array may be shorter)."""
    total = np.zeros(vocabulary_size, dtype=np.int64)
    for c in counts:
        total[: len(c)] += c
    return total


def _lengths(parts: list[Postings]) -> np.ndarray:
    """Every text's length, across segments, which the kernels read at every posting:
    one segment's own memory-mapped array, not a copy; with several segments, one
    array of them (4 bytes a text, where the floats it replaced took 8)."""
    if len(parts) == 1:
        return parts[0].length
    return np.concatenate([p.length for p in parts]) if parts else np.zeros(0, np.int64)


def _average(total_length: int, texts: int) -> float:
    """The texts' average length, as rank-bm25 computes it (`avgdl`). The per-text half
    of its denominator, `k1 * (1 - b + b * length / avgdl)`, is found per posting from
    it and the text's length (`kernels._norm`), not held for every text."""
    return total_length / max(texts, 1)


def _weighted_idf(
    idf: np.ndarray, query: Sequence[int] | np.ndarray, weights: Sequence[float] | None
) -> tuple[np.ndarray, np.ndarray]:
    """The query's term numbers and each one's idf times its weight (0 when unknown)."""
    terms = np.asarray(query, dtype=np.int64).reshape(-1)
    known = terms >= 0  # UNKNOWN is -1
    weighted = np.where(known, idf[np.where(known, terms, 0)], 0.0)
    if weights is not None:
        weighted = weighted * np.asarray(weights, dtype=np.float64)
    return terms, weighted


def _ranges(part: Postings, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of `terms` (term numbers, in order) has its postings in one segment:
    `starts`, `stops`; an empty range for a term the segment lacks."""
    held = (terms >= 0) & (terms < len(part.indptr) - 1)
    starts, stops = np.zeros(len(terms), np.int64), np.zeros(len(terms), np.int64)
    starts[held], stops[held] = part.indptr[terms[held]], part.indptr[terms[held] + 1]
    return starts, stops


def concatenated_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """`starts[0] .. starts[0]+counts[0]-1`, then the next range, and so on, as one array
    (the positions of several terms' postings, or of several paragraphs' sentences)."""
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))


def level_scorer(
    segments: list[SegmentArrays],
    level: str,
    vocabulary_size: int,
    settings: IndexSettings,
    lengths: np.ndarray | None = None,
) -> BM25Scorer:
    """The BM25Okapi scorer of one stored level (`schema.STORED_LEVELS`) over all
    segments (`lengths`: its texts' lengths joined, when the index stores them)."""
    params = settings.sentence if level == "sentence" else settings.context
    return BM25Scorer([s.levels[level] for s in segments], vocabulary_size, params, lengths)


def window_scorer(
    sentences: BM25Scorer, segments: list[SegmentArrays], paragraph_row: np.ndarray,
    settings: IndexSettings,
) -> WindowScorer:  # fmt: skip
    """The scorer of the windows of the `sentences` level's texts over all segments
    (`paragraph_row`: every sentence's paragraph, numbered across segments)."""
    return WindowScorer(sentences, [s.window_df for s in segments], continues(paragraph_row),
                        len(sentences.df), settings.sentence)  # fmt: skip
