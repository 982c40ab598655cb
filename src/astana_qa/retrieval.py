"""The retrieval boundary: every use of rank-bm25 is in this module.

`BM25Scorer` returns exactly rank-bm25's BM25Okapi scores, but fast: BM25Okapi's own
statistics (idf with its epsilon floor, document lengths, average length) are turned
into per-term postings of precomputed contributions, so a question touches only the
texts that contain its terms instead of every text in Python.

It also reports which query terms each text contains, weighted by an idf that never
reaches zero: BM25Okapi gives a term found in exactly half the texts idf 0 and floors
negative idf (rank_bm25 issues #29 and #39), so in a tiny corpus, or for a word found
almost everywhere, every score can be 0 although some texts match.
"""

from __future__ import annotations

import math

import numpy as np
from rank_bm25 import BM25Okapi

from .settings import IndexSettings


class BM25Scorer:
    """Exact BM25Okapi over `texts` (lists of terms), scored through term postings."""

    def __init__(self, texts: list[list[str]], settings: IndexSettings):
        if not texts:
            raise ValueError("BM25Scorer needs at least one text")
        bm25 = BM25Okapi(texts, k1=settings.k1, b=settings.b, epsilon=settings.epsilon)
        self.size = len(texts)
        doc_len = np.asarray(bm25.doc_len, dtype=np.float64)
        # Same expression and operation order as BM25Okapi.get_scores, so scores are equal.
        length_norm = settings.k1 * (1 - settings.b + settings.b * doc_len / bm25.avgdl)
        rows: dict[str, list[int]] = {}
        freqs: dict[str, list[int]] = {}
        for row, counts in enumerate(bm25.doc_freqs):
            for term, tf in counts.items():
                rows.setdefault(term, []).append(row)
                freqs.setdefault(term, []).append(tf)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, term_rows in rows.items():
            r = np.asarray(term_rows, dtype=np.int64)
            tf = np.asarray(freqs[term], dtype=np.float64)
            contribution = bm25.idf[term] * (tf * (settings.k1 + 1) / (tf + length_norm[r]))
            self._postings[term] = (r, contribution)

    def scores(self, query: list[str]) -> np.ndarray:
        """BM25Okapi score of every text for `query` (equal to rank-bm25's `get_scores`)."""
        scores = np.zeros(self.size, dtype=np.float64)
        for term in query:
            posting = self._postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1]
        return scores

    def document_frequency(self, term: str) -> int:
        """Number of texts that contain `term`."""
        posting = self._postings.get(term)
        return 0 if posting is None else len(posting[0])

    def weight(self, term: str) -> float:
        """How informative `term` is here: log((N + 1) / (df + 0.5)), positive for every
        term and largest for terms the texts never use."""
        return math.log((self.size + 1) / (self.document_frequency(term) + 0.5))

    def matched_weight(self, query: list[str]) -> np.ndarray:
        """For every text, the summed `weight` of the distinct query terms it contains."""
        matched = np.zeros(self.size, dtype=np.float64)
        for term in dict.fromkeys(query):
            posting = self._postings.get(term)
            if posting is not None:
                matched[posting[0]] += self.weight(term)
        return matched
