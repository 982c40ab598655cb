"""Postings: for each term, the texts that hold it and how often (CSC arrays).

The postings hold term counts, not scores, as Lucene's do: corpus-wide statistics (idf,
average length) change whenever an article is added, so the scorer (`search/bm25.py`)
computes them when an index is opened, from the postings of all its segments, and an
added article never forces the rest of the index to be rewritten. `Postings` is plain
arrays, so an index stores them as `.npy` files and opens them memory-mapped.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class Postings:
    """One segment's texts of one level, by term. The texts holding term `t` are
    `rows[indptr[t]:indptr[t+1]]` (ascending, numbered within the segment), and `tf[...]`
    is how often `t` occurs in each; `length` is every text's number of terms. Terms
    numbered `len(indptr) - 1` or higher were added to the vocabulary later: no text of
    the segment holds them."""

    indptr: np.ndarray  # int64
    rows: np.ndarray  # int32
    tf: np.ndarray  # the narrowest unsigned type holding its largest count (mostly uint8)
    length: np.ndarray  # int32, one per text


POSTINGS_ARRAYS = tuple(f.name for f in fields(Postings))


def build_postings(counts: sparse.csr_matrix) -> Postings:
    """Postings of a texts × terms matrix of term counts."""
    by_term = counts.tocsc()
    by_term.sort_indices()
    return Postings(
        indptr=by_term.indptr.astype(np.int64),
        rows=by_term.indices.astype(np.int32),
        tf=narrowest(by_term.data),
        length=np.asarray(counts.sum(axis=1)).ravel().astype(np.int32),
    )


def narrowest(counts: np.ndarray) -> np.ndarray:
    """`counts` (whole, not negative) in the narrowest unsigned integer type holding them:
    a term occurs a few times in a sentence, so most levels' counts take one byte. When
    `counts` already has that type it is returned itself, not copied: do not write to
    the result."""
    largest = int(counts.max()) if len(counts) else 0
    return counts.astype(np.min_scalar_type(largest), copy=False)


def count_matrix(term_ids: np.ndarray, ptr: np.ndarray, vocabulary_size: int) -> sparse.csr_matrix:
    """Texts × terms counts from the texts' concatenated term numbers and their offsets."""
    data = np.ones(len(term_ids), dtype=np.float32)
    # A copy, because summing duplicates sorts the matrix's index array in place.
    indices = np.array(term_ids, dtype=np.int32, copy=True)
    matrix = sparse.csr_matrix((data, indices, ptr), shape=(len(ptr) - 1, vocabulary_size))
    matrix.sum_duplicates()
    return matrix
