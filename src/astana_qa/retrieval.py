"""The retrieval boundary: exact BM25Okapi scores, computed through term postings.

`BM25Scorer` returns exactly rank-bm25's `BM25Okapi.get_scores`, but a question touches
only the texts that contain its terms instead of walking every text in Python. The
statistics are rank-bm25's own: its idf (with the epsilon floor for terms in more than
half the texts) is computed by rank-bm25's code, and document lengths, average length,
k1 and b enter the same expression in the same order, so scores agree to the last bits
(a property test checks them against `get_scores` on random corpora).

`Postings` is plain arrays (CSC: term → rows), so an index stores them as `.npy` files
and opens them memory-mapped.

The scorer also reports which query terms each text contains, weighted by an idf that
never reaches zero: BM25Okapi gives a term found in exactly half the texts idf 0 and
floors negative idf (rank_bm25 issues #29 and #39), so in a tiny corpus, or for a word
found almost everywhere, every score can be 0 although some texts match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
from rank_bm25 import BM25Okapi
from scipy import sparse

from .settings import BM25Params

# A query term that is not in the vocabulary.
UNKNOWN = -1


@dataclass(frozen=True)
class Postings:
    """One level's BM25Okapi scores by term. The texts holding term `t` are
    `rows[indptr[t]:indptr[t+1]]` (ascending); `score[...]` is what `t` adds to each
    text's BM25Okapi score when it is in the query."""

    indptr: np.ndarray  # int64, one more than the vocabulary
    rows: np.ndarray  # int32
    score: np.ndarray  # float64


POSTINGS_ARRAYS = tuple(f.name for f in fields(Postings))


def okapi_idf(document_frequency: np.ndarray, texts: int, epsilon: float) -> np.ndarray:
    """BM25Okapi's idf of every term, computed by rank-bm25's own `_calc_idf`."""
    model = BM25Okapi.__new__(BM25Okapi)  # skips __init__, which would re-read every text
    model.corpus_size, model.epsilon, model.idf = texts, epsilon, {}
    model._calc_idf(dict(enumerate(document_frequency.tolist())))
    return np.fromiter((model.idf[t] for t in range(len(document_frequency))), np.float64)


def build_postings(counts: sparse.csr_matrix, params: BM25Params) -> Postings:
    """Postings of a texts × terms matrix of term counts, for BM25Okapi with `params`.

    Each entry is `idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgdl)))`,
    the expression and order of operations of `BM25Okapi.get_scores`."""
    k1, b = params.k1, params.b
    lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.int64)
    avgdl = int(lengths.sum()) / counts.shape[0]
    norm = k1 * (1 - b + b * lengths / avgdl)
    by_term = counts.tocsc()
    by_term.sort_indices()
    df = np.diff(by_term.indptr)
    idf = okapi_idf(df, counts.shape[0], params.epsilon)
    rows = by_term.indices
    tf = by_term.data.astype(np.float64)
    term = np.repeat(np.arange(len(df)), df)
    return Postings(
        indptr=by_term.indptr.astype(np.int64),
        rows=rows.astype(np.int32),
        score=idf[term] * (tf * (k1 + 1) / (tf + norm[rows])),
    )


def count_matrix(term_ids: np.ndarray, ptr: np.ndarray, vocabulary_size: int) -> sparse.csr_matrix:
    """Texts × terms counts from the texts' concatenated term numbers and their offsets."""
    data = np.ones(len(term_ids), dtype=np.float32)
    # A copy, because summing duplicates sorts the matrix's index array in place.
    indices = np.array(term_ids, dtype=np.int32, copy=True)
    matrix = sparse.csr_matrix((data, indices, ptr), shape=(len(ptr) - 1, vocabulary_size))
    matrix.sum_duplicates()
    return matrix


class BM25Scorer:
    """Exact BM25Okapi scores of one level's texts for queries given as term numbers."""

    def __init__(self, postings: Postings, size: int):
        self.postings = postings
        self.size = size

    @classmethod
    def from_texts(cls, texts: list[list[str]], params: BM25Params) -> tuple[BM25Scorer, dict]:
        """A scorer over texts of term strings, and the vocabulary (term → number)."""
        if not texts:
            raise ValueError("BM25Scorer needs at least one text")
        vocab: dict[str, int] = {}
        ids = np.asarray([vocab.setdefault(t, len(vocab)) for text in texts for t in text])
        ptr = np.cumsum([0] + [len(text) for text in texts])
        postings = build_postings(count_matrix(ids, ptr, len(vocab)), params)
        return cls(postings, len(texts)), vocab

    def _slice(self, term: int) -> slice:
        p = self.postings
        return slice(0, 0) if term == UNKNOWN else slice(p.indptr[term], p.indptr[term + 1])

    def scores(self, query: list[int]) -> np.ndarray:
        """BM25Okapi score of every text for `query` (equal to rank-bm25's `get_scores`)."""
        scores = np.zeros(self.size, dtype=np.float64)
        for term in query:
            span = self._slice(term)
            scores[self.postings.rows[span]] += self.postings.score[span]
        return scores

    def rows(self, term: int) -> np.ndarray:
        """The texts that contain `term`, ascending."""
        return self.postings.rows[self._slice(term)]

    def contains(self, term: int, row: int) -> bool:
        """Does text `row` contain `term`?"""
        rows = self.rows(term)
        at = int(np.searchsorted(rows, row))
        return at < len(rows) and rows[at] == row

    def document_frequency(self, term: int) -> int:
        """Number of texts that contain `term`."""
        span = self._slice(term)
        return span.stop - span.start

    def weight(self, term: int) -> float:
        """How informative `term` is here: log((N + 1) / (df + 0.5)), positive for every
        term and largest for terms the texts never use."""
        return math.log((self.size + 1) / (self.document_frequency(term) + 0.5))

    def matched_weight(self, query: list[int]) -> np.ndarray:
        """For every text, the summed `weight` of the distinct query terms it contains."""
        matched = np.zeros(self.size, dtype=np.float64)
        for term in dict.fromkeys(query):
            matched[self.rows(term)] += self.weight(term)
        return matched
