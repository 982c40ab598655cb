"""Assembling per-article analyses into the arrays of one index segment.

An index is a list of segments, each holding some articles (`segments.py` reads them
as one; `schema.py` describes the arrays). Within a segment, sentences are numbered in
article order; terms and names are numbered in the index's one vocabulary, which only
ever grows, so the segments already written keep their numbers when a new one is
added. From the sentences × terms count
matrix come the term counts of the BM25 levels the ranking fuses: the sentence, its
paragraph and its article (and, for the sentence's window, only how many windows hold
each term: `windows.py`). Sparse matrix products in SciPy do the counting, so
assembling a million sentences takes seconds.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
from scipy import sparse

from .file_analysis import FileAnalysis
from .postings import build_postings, count_matrix
from .schema import (
    STORED_LEVELS,
    NamePostings,
    PairPostings,
    SegmentArrays,
    SentenceRows,
    bigram_key,
)
from .windows import continues, window_document_frequency


def _numbering(vocab: list[str], word_lists: list[list[str]]) -> list[np.ndarray]:
    """Each list's words' numbers in `vocab`, which new words are appended to (in order
    of first use)."""
    numbers = {w: i for i, w in enumerate(vocab)}
    for word in chain.from_iterable(word_lists):
        if word not in numbers:
            numbers[word] = len(vocab)
            vocab.append(word)
    number = numbers.__getitem__
    return [np.fromiter(map(number, words), np.int64, len(words)) for words in word_lists]


def _concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _ptr(parts: list[np.ndarray]) -> np.ndarray:
    """Concatenate per-file offset arrays (each starting at 0) into one."""
    lengths = [np.diff(p) for p in parts]
    return np.concatenate([[0], np.cumsum(_concat(lengths, np.int64))]).astype(np.int64)


def _group_matrix(group: np.ndarray, groups: int) -> sparse.csr_matrix:
    """groups × sentences indicator: which sentences each group (paragraph, article) holds."""
    ones = np.ones(len(group), dtype=np.float32)
    return sparse.csr_matrix((ones, (group, np.arange(len(group)))), shape=(groups, len(group)))


def _compact(numbers: np.ndarray) -> tuple[np.ndarray, int]:
    """Renumber ascending group numbers (with gaps) as 0, 1, 2, ... in order."""
    starts = np.concatenate([[True], numbers[1:] != numbers[:-1]]) if len(numbers) else numbers
    return np.cumsum(starts).astype(np.int32) - 1, int(np.count_nonzero(starts))


def _bigram_postings(term_ids: np.ndarray, term_ptr: np.ndarray) -> PairPostings:
    """Sentences holding each adjacent term pair, keyed `first << 32 | second`."""
    sentence = np.repeat(np.arange(len(term_ptr) - 1), np.diff(term_ptr))
    pair = np.ones(len(term_ids), dtype=bool)
    pair[term_ptr[1:] - 1] = False  # the last term of a sentence starts no pair
    first = np.flatnonzero(pair)
    keys = bigram_key(term_ids[first].astype(np.int64), term_ids[first + 1])
    rows = sentence[first]
    if not len(keys):  # no sentence holds two terms: "Astana. Talks."
        empty = np.zeros(0, dtype=np.int64)
        return PairPostings(keys=empty, indptr=np.zeros(1, dtype=np.int64),
                            rows=np.zeros(0, dtype=np.int32))  # fmt: skip
    order = np.argsort(keys, kind="stable")  # rows stay ascending within a key
    keys, rows = keys[order], rows[order]
    distinct = np.concatenate([[True], (keys[1:] != keys[:-1]) | (rows[1:] != rows[:-1])])
    keys, rows = keys[distinct], rows[distinct]
    new_key = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]) if len(keys) else [])
    return PairPostings(
        keys=keys[new_key] if len(keys) else keys,
        indptr=np.append(new_key, len(keys)).astype(np.int64),
        rows=rows.astype(np.int32),
    )


def assemble(
    analyses: list[FileAnalysis], vocab: list[str], name_vocab: list[str]
) -> SegmentArrays:
    """The arrays of one segment holding the articles `analyses` (in this order); new
    terms and names are appended to `vocab` and `name_vocab`."""
    term_numbers = _numbering(vocab, [fa.vocab for fa in analyses])
    name_numbers = _numbering(name_vocab, [fa.name_vocab for fa in analyses])
    term_ids, name_ids, doc, paragraph = [], [], [], []
    for number, fa in enumerate(analyses):
        term_ids.append(term_numbers[number][fa.term_ids])
        name_ids.append(name_numbers[number][fa.name_ids])
        doc.append(np.full(fa.sentence_count, number, dtype=np.int64))
        paragraph.append(fa.paragraph.astype(np.int64) + (number << 32))
    term_ptr = _ptr([fa.term_ptr for fa in analyses])
    name_ptr = _ptr([fa.name_ptr for fa in analyses])
    all_terms, all_names = _concat(term_ids, np.int32), _concat(name_ids, np.int32)
    n = len(term_ptr) - 1
    docs = _concat(doc, np.int64)
    paragraph_row, paragraphs = _compact(_concat(paragraph, np.int64))
    doc_row, documents = _compact(docs)

    counts = count_matrix(all_terms, term_ptr, len(vocab))
    level_counts = {
        "sentence": counts,
        "paragraph": (_group_matrix(paragraph_row, paragraphs) @ counts).tocsr(),
        "document": (_group_matrix(doc_row, documents) @ counts).tocsr(),
    }
    rows = SentenceRows(
        doc=docs.astype(np.int32),
        start=_concat([fa.start for fa in analyses], np.int32),
        end=_concat([fa.end for fa in analyses], np.int32),
        paragraph_row=paragraph_row,
        doc_row=doc_row,
        has_time=_concat([fa.has_time for fa in analyses], bool),
        has_number=_concat([fa.has_number for fa in analyses], bool),
        name_count=np.diff(name_ptr).astype(np.int32),
    )
    names = sparse.csr_matrix(
        (np.ones(len(all_names), np.float32), all_names, name_ptr), shape=(n, len(name_vocab))
    ).tocsc()
    names.sort_indices()
    levels = {level: build_postings(level_counts[level]) for level in STORED_LEVELS}
    return SegmentArrays(
        rows=rows,
        levels=levels,
        window_df=window_document_frequency(levels["sentence"], continues(paragraph_row)),
        pairs=_bigram_postings(all_terms, term_ptr),
        names=NamePostings(names.indptr.astype(np.int64), names.indices.astype(np.int32)),
    )
