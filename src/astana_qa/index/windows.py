"""The window level, derived from the sentence level instead of stored.

A sentence's window is the sentence read together with the one before it in the same
paragraph ("It won the award in 2000" is about the subject named just before). Its term
counts are the sentence's plus the previous sentence's, so every window posting follows
from the sentence postings: the index stores only how many windows hold each term (the
document frequencies BM25Okapi's idf needs for every term, which no question-time pass
could afford), and the search layer scores windows from the sentence postings
(`search/kernels.add_window_bm25`). Before index format 5 the window postings were
stored, 1.7 times the size of the sentence postings.
"""

from __future__ import annotations

import numpy as np

from .postings import Postings


def continues(paragraph_row: np.ndarray) -> np.ndarray:
    """For every sentence, whether the next sentence is in the same paragraph (so this
    sentence is part of the next one's window)."""
    out = np.zeros(len(paragraph_row), dtype=np.bool_)
    out[:-1] = paragraph_row[1:] == paragraph_row[:-1]
    return out


def window_length_sum(sentence_lengths: np.ndarray, continued: np.ndarray) -> int:
    """The windows' lengths summed (a window's length is its sentence's, plus the previous
    sentence's when that one `continued` into it), without an array of them: every
    sentence's length, once more for each sentence that continues into the next one's
    window."""
    lengths = np.asarray(sentence_lengths)
    carried = lengths[:-1][continued[:-1]]  # the last sentence has no next window
    return int(lengths.sum(dtype=np.int64)) + int(carried.sum(dtype=np.int64))


def window_document_frequency(sentences: Postings, continued: np.ndarray) -> np.ndarray:
    """For every term, how many windows hold it: the sentences holding it, plus each such
    sentence's next one in the same paragraph that does not hold it itself."""
    rows = np.asarray(sentences.rows, dtype=np.int64)
    counts = np.diff(sentences.indptr)
    followed = np.zeros(len(rows), dtype=np.bool_)
    followed[:-1] = rows[1:] == rows[:-1] + 1
    last = sentences.indptr[1:][counts > 0] - 1  # no term's postings run into the next's
    followed[last] = False
    lends = continued[rows] & ~followed
    term = np.repeat(np.arange(len(counts)), counts)
    return (counts + np.bincount(term, lends, minlength=len(counts))).astype(np.int32)
