"""Taking articles out of a written segment without assembling it again.

A segment is never changed once written (`store.py`). So an article that changed or
went away used to send every other article of its segment back through `assemble.py`,
and at a million sentences in one segment that took 14 s. The segment's arrays already
hold everything its other articles need: their sentences' rows, their postings at every
level, their names and term pairs. `trimmed` copies those into a new segment and
renumbers the texts as if the dropped articles had never been there, in one compiled
pass over each list of postings. The result equals what `assemble` gives for the
articles that stay (a test compares them array by array), so scores stay rank-bm25's.

Windows never cross a paragraph, so the window frequencies of the articles that stay are
the segment's minus those of the dropped articles' own windows.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields

import numpy as np

from .compiled import DAMAGED, compiled
from .postings import Postings, narrowest
from .schema import (
    ROW_NUMBERING,
    NamePostings,
    PairPostings,
    SegmentArrays,
    SentenceRows,
)
from .windows import continues, window_document_frequency

# Stands for a text that is dropped, in an array of every text's new number.
DROPPED = -1
# The counts given for postings without any (names, term pairs): read-only like the
# memory-mapped counts of the levels, so numba compiles (or loads) one version, not two.
_NO_COUNTS = np.zeros(0, dtype=np.uint8)
_NO_COUNTS.setflags(write=False)


@compiled
def kept_postings(
    indptr: np.ndarray,
    rows: np.ndarray,
    tf: np.ndarray,
    number: np.ndarray,
    out_indptr: np.ndarray,
    out_rows: np.ndarray,
    out_tf: np.ndarray,
) -> int:
    """Copy the postings `indptr`, `rows` (and `tf`, unless it is empty) of the texts
    that `number` keeps into the `out_` arrays, each text renumbered `number[row]`
    (`DROPPED`: left out); returns how many postings were kept. The `out_` arrays are
    at least as long as the ones they are copied from."""
    with_counts = len(tf) > 0
    texts = len(number)
    if with_counts and len(tf) != len(rows):
        raise IndexError(DAMAGED)
    if len(indptr) == 0 or len(out_indptr) < len(indptr) or len(out_rows) < len(rows):
        raise IndexError(DAMAGED)
    if len(out_tf) < len(tf):
        raise IndexError(DAMAGED)
    kept = 0
    out_indptr[0] = 0
    for term in range(len(indptr) - 1):
        start, stop = indptr[term], indptr[term + 1]
        if start < 0 or stop < start or stop > len(rows):
            raise IndexError(DAMAGED)
        for i in range(start, stop):
            row = rows[i]
            if row < 0 or row >= texts:
                raise IndexError(DAMAGED)
            new = number[row]
            if new != DROPPED:
                out_rows[kept] = new
                if with_counts:
                    out_tf[kept] = tf[i]
                kept += 1
        out_indptr[term + 1] = kept
    return kept


def _numbering(kept: np.ndarray) -> np.ndarray:
    """Every text's new number when only the `kept` ones stay (`DROPPED` for the rest)."""
    return np.where(kept, np.cumsum(kept, dtype=np.int64) - 1, DROPPED)


def _copy(
    indptr: np.ndarray, rows: np.ndarray, tf: np.ndarray | None, number: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The postings of the texts `number` keeps: `(indptr, rows, tf)`."""
    rows = np.asarray(rows)
    counts = np.asarray(tf) if tf is not None else _NO_COUNTS
    out_indptr = np.zeros(len(indptr), dtype=np.int64)
    out_rows = np.zeros(len(rows), dtype=np.int32)
    out_tf = np.zeros(len(counts), dtype=counts.dtype)
    kept = kept_postings(np.asarray(indptr), rows, counts, number, out_indptr, out_rows, out_tf)
    # Views, not copies: the unused tails are only the dropped texts' postings, and the
    # arrays are written to the new segment and then read back memory-mapped (another
    # pass over fresh memory cost more than the trim's own at a million sentences).
    return out_indptr, out_rows[:kept], out_tf[:kept]


def _postings(postings: Postings, number: np.ndarray) -> Postings:
    indptr, rows, tf = _copy(postings.indptr, postings.rows, postings.tf, number)
    length = np.asarray(postings.length)[number != DROPPED]
    return Postings(indptr=indptr, rows=rows, tf=narrowest(tf), length=length)


def _pairs(pairs: PairPostings, number: np.ndarray) -> PairPostings:
    """The term pairs of the kept sentences; pairs no kept sentence holds are left out."""
    indptr, rows, _ = _copy(pairs.indptr, pairs.rows, None, number)
    held = np.diff(indptr) > 0
    return PairPostings(
        keys=np.asarray(pairs.keys)[held],
        indptr=np.concatenate([[0], indptr[1:][held]]).astype(np.int64),
        rows=rows,
    )


def trimmed(arrays: SegmentArrays, documents: int, dropped: Sequence[int]) -> SegmentArrays:
    """The arrays of a segment of `documents` articles without the articles numbered
    `dropped` (within the segment); `ValueError` if that would leave none."""
    kept_articles = np.ones(documents, dtype=bool)
    kept_articles[np.asarray(dropped, dtype=np.int64)] = False
    if not kept_articles.any():
        raise ValueError("a trimmed segment keeps at least one article")
    rows = arrays.rows
    kept = kept_articles[np.asarray(rows.doc)]
    kept_paragraphs = np.zeros(len(arrays.levels["paragraph"].length), dtype=bool)
    kept_paragraphs[np.asarray(rows.paragraph_row)[kept]] = True
    kept_documents = np.zeros(len(arrays.levels["document"].length), dtype=bool)
    kept_documents[np.asarray(rows.doc_row)[kept]] = True
    numbers = {
        "sentence": _numbering(kept),
        "paragraph": _numbering(kept_paragraphs),
        "document": _numbering(kept_documents),
        "documents": _numbering(kept_articles),
    }
    new_rows = {}
    for field in fields(SentenceRows):
        values = np.asarray(getattr(rows, field.name))[kept]
        counted = ROW_NUMBERING.get(field.name)
        new_rows[field.name] = numbers[counted][values].astype(values.dtype) if counted else values
    # The copies are independent and the compiled loop lets go of the interpreter lock:
    # one thread per core.
    sentence_numbers, gone = numbers["sentence"], _numbering(~kept)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        copying = {level: pool.submit(_postings, p, numbers[level])
                   for level, p in arrays.levels.items()}  # fmt: skip
        # The dropped articles' own windows, from their sentences' postings alone.
        gone_sentences = pool.submit(_postings, arrays.levels["sentence"], gone)
        names = pool.submit(_copy, arrays.names.indptr, arrays.names.rows, None, sentence_numbers)
        pairs = pool.submit(_pairs, arrays.pairs, sentence_numbers)
        levels = {level: copy.result() for level, copy in copying.items()}
        gone_windows = window_document_frequency(
            gone_sentences.result(), continues(np.asarray(rows.paragraph_row)[~kept])
        )
        names_indptr, names_rows, _ = names.result()
    return SegmentArrays(
        rows=SentenceRows(**new_rows),
        levels=levels,
        window_df=(np.asarray(arrays.window_df) - gone_windows).astype(np.int32),
        pairs=pairs.result(),
        names=NamePostings(indptr=names_indptr, rows=names_rows),
    )
