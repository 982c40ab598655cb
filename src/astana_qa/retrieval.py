"""The retrieval boundary: every use of rank-bm25 is in this module.

`BM25Scorer` scores a query against a list of tokenised texts with rank-bm25's
BM25Okapi. It also reports which query terms each text contains, weighted by an idf
that never reaches zero: BM25Okapi gives a term found in exactly half the texts idf 0
and floors negative idf (rank_bm25 issues #29 and #39), so in a tiny corpus, or for a
word found almost everywhere, every score can be 0 although some texts match.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from rank_bm25 import BM25Okapi

from .settings import IndexSettings


class BM25Scorer:
    """BM25Okapi over `texts` (lists of terms), plus per-term match information."""

    def __init__(self, texts: list[list[str]], settings: IndexSettings):
        if not texts:
            raise ValueError("BM25Scorer needs at least one text")
        self._bm25 = BM25Okapi(texts, k1=settings.k1, b=settings.b, epsilon=settings.epsilon)
        self.size = len(texts)
        self._postings: dict[str, np.ndarray] = {}
        doc_freq: Counter[str] = Counter()
        for terms in texts:
            doc_freq.update(set(terms))
        self._doc_freq = doc_freq
        rows: dict[str, list[int]] = {}
        for row, terms in enumerate(texts):
            for term in set(terms):
                rows.setdefault(term, []).append(row)
        self._postings = {t: np.asarray(r, dtype=np.int64) for t, r in rows.items()}

    def scores(self, query: list[str]) -> np.ndarray:
        """BM25Okapi score of every text for `query` (exactly rank-bm25's `get_scores`)."""
        return np.asarray(self._bm25.get_scores(query), dtype=np.float64)

    def weight(self, term: str) -> float:
        """How informative `term` is here: log((N + 1) / (df + 0.5)), positive for every
        term and largest for terms the texts never use."""
        return math.log((self.size + 1) / (self._doc_freq.get(term, 0) + 0.5))

    def document_frequency(self, term: str) -> int:
        """Number of texts that contain `term`."""
        return self._doc_freq.get(term, 0)

    def matched_weight(self, query: list[str]) -> np.ndarray:
        """For every text, the summed `weight` of the distinct query terms it contains."""
        matched = np.zeros(self.size, dtype=np.float64)
        for term in set(query):
            rows = self._postings.get(term)
            if rows is not None:
                matched[rows] += self.weight(term)
        return matched
