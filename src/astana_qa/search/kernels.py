"""The inner loops of scoring, compiled by numba: one pass over a question's postings.

NumPy's way (gather every posting's row and count into new arrays, compute each part,
then `np.bincount` them) allocates several arrays the size of the postings for every
level of every question; at a million sentences a question touches a few hundred
thousand postings per level, and those temporaries were most of its time. These loops
read the postings where they lie (memory-mapped) and add each part to its text's score
directly.

Each loop performs the same floating-point operations in the same order as the NumPy
expression it replaces (numba does not reassociate or fuse them without `fastmath`), so
scores stay exactly rank-bm25's: `tests/comparison` checks them bit for bit.

Compiled and cached by `index/compiled.py`; every index read from disk is bounds-checked
here: a damaged array raises `IndexError` instead of reading or writing outside its
memory.
"""

from __future__ import annotations

import numpy as np

from ..index.compiled import DAMAGED, compiled


@compiled
def _row(rows: np.ndarray, i: int, offset: int, texts: int) -> int:
    """Posting `i`'s text, numbered across segments; `IndexError` if it is not one of
    the `texts` (a damaged index)."""
    row = rows[i] + offset
    if row < 0 or row >= texts:
        raise IndexError(DAMAGED)
    return row


@compiled
def _norm(k1: float, b: float, average: float, length: int) -> float:
    """The per-text half of BM25Okapi's denominator, `k1 * (1 - b + b * length /
    average)`, with NumPy's operations in NumPy's order: the same bits as the array
    `get_scores` reads, found per posting instead of held in memory (8 bytes a text,
    twice at the sentence level)."""
    return k1 * ((1.0 - b) + (b * float(length)) / average)


@compiled
def _check_average(average: float, starts: np.ndarray, stops: np.ndarray) -> None:
    """A text holding a term has a length, so the average length is above 0 wherever
    there are postings to divide by it; else the index is damaged. Checked once per
    loop, not per posting, and written as a loop: `np.any(stops > starts)` made numba
    compile NumPy's comparison and `any` too, 0.7 of the 5 s that compiling every loop
    took on the first start after installing."""
    if average <= 0.0:
        for j in range(len(starts)):
            if stops[j] > starts[j]:
                raise IndexError(DAMAGED)


@compiled
def _window_length(lengths: np.ndarray, continued: np.ndarray, row: int) -> int:
    """Window `row`'s number of terms: its sentence's, plus the previous sentence's when
    that one `continued` into it (`index/windows.py`). Without a branch: whether the
    previous sentence continues is as random as a coin, and mispredicting it tripled the
    windows' time."""
    previous = max(row - 1, 0)
    joined = int(continued[previous]) * int(row > 0)
    return int(lengths[row]) + joined * int(lengths[previous])


@compiled
def add_bm25(
    scores: np.ndarray,
    rows: np.ndarray,
    tf: np.ndarray,
    starts: np.ndarray,
    stops: np.ndarray,
    weights: np.ndarray,
    k1: float,
    b: float,
    average: float,
    lengths: np.ndarray,
    offset: int,
) -> None:
    """For each query term `j` (in order), add `weights[j] * tf * (k1 + 1) / (tf + norm)`
    to `scores[row + offset]` for every posting `starts[j]:stops[j]` of one segment:
    BM25Okapi's part of that term, as `get_scores` computes it (`norm` from the text's
    length and the `average` length, `_norm`)."""
    texts = len(scores)
    if len(lengths) != texts:
        raise IndexError(DAMAGED)
    _check_average(average, starts, stops)
    for j in range(len(starts)):
        weight = weights[j]
        for i in range(starts[j], stops[j]):
            row = _row(rows, i, offset, texts)
            count = float(tf[i])
            norm = _norm(k1, b, average, lengths[row])
            scores[row] += weight * (count * (k1 + 1.0) / (count + norm))


@compiled
def add_window_bm25(
    scores: np.ndarray,
    rows: np.ndarray,
    tf: np.ndarray,
    starts: np.ndarray,
    stops: np.ndarray,
    weights: np.ndarray,
    k1: float,
    b: float,
    average: float,
    lengths: np.ndarray,
    offset: int,
    continued: np.ndarray,
) -> None:
    """`add_bm25` for the sentences' windows (`index/windows.py`), read from one
    segment's sentence postings: window `r` holds sentence `r`'s count plus sentence
    `r - 1`'s when that one `continued` into it, and their lengths (`lengths` are the
    sentences'; `average` is the windows'). Each window gets one part per query term, in
    query order, with the count it would have in stored window postings: the same sums
    to the last bit. (Measured: adding the sentences' own parts in the same pass is
    slower than two passes.)"""
    texts = len(scores)
    if len(continued) != texts or len(lengths) != texts:
        raise IndexError(DAMAGED)
    _check_average(average, starts, stops)
    for j in range(len(starts)):
        weight, start, stop = weights[j], starts[j], stops[j]
        for i in range(start, stop):
            row = _row(rows, i, offset, texts)
            count = float(tf[i])
            held = count
            if i > start and rows[i - 1] + offset == row - 1 and continued[row - 1]:
                held = float(int(tf[i]) + int(tf[i - 1]))
            norm = _norm(k1, b, average, _window_length(lengths, continued, row))
            scores[row] += weight * (held * (k1 + 1.0) / (held + norm))
            if continued[row] and not (i + 1 < stop and rows[i + 1] + offset == row + 1):
                if row + 1 >= texts:
                    raise IndexError(DAMAGED)
                # the next sentence's window, which lacks the term itself
                norm = _norm(k1, b, average, _window_length(lengths, continued, row + 1))
                scores[row + 1] += weight * (count * (k1 + 1.0) / (count + norm))


@compiled
def add_weights(
    totals: np.ndarray,
    rows: np.ndarray,
    starts: np.ndarray,
    stops: np.ndarray,
    weights: np.ndarray,
    offset: int,
) -> None:
    """Add `weights[j]` to `totals[row + offset]` for every posting of term `j`."""
    for j in range(len(starts)):
        weight = weights[j]
        for i in range(starts[j], stops[j]):
            totals[_row(rows, i, offset, len(totals))] += weight


@compiled
def mark_rows(marked: np.ndarray, rows: np.ndarray, starts: np.ndarray, stops: np.ndarray,
              offset: int) -> None:  # fmt: skip
    """Set `marked[row + offset]` for every posting `starts[j]:stops[j]`."""
    for j in range(len(starts)):
        for i in range(starts[j], stops[j]):
            marked[_row(rows, i, offset, len(marked))] = True


@compiled
def count_terms(counts: np.ndarray, last: np.ndarray, rows: np.ndarray, starts: np.ndarray,
                stops: np.ndarray, offset: int) -> None:  # fmt: skip
    """For each term `j` (distinct terms), add 1 to `counts[row + offset]` for every
    posting `starts[j]:stops[j]` and set `last[row + offset]` to `j`: with the counts,
    it tells which term a text holding only one of them holds."""
    if len(last) != len(counts):
        raise IndexError(DAMAGED)
    for j in range(len(starts)):
        for i in range(starts[j], stops[j]):
            row = _row(rows, i, offset, len(counts))
            counts[row] += 1
            last[row] = j


@compiled
def count_near(found: np.ndarray, near: np.ndarray, counts: np.ndarray, last: np.ndarray,
               excluded: int, rows: np.ndarray, starts: np.ndarray, stops: np.ndarray,
               offset: int) -> None:  # fmt: skip
    """For each term `j`, add to `found[j]` the number of its postings `starts[j]:stops[j]`
    and to `near[j]` the number of those whose text holds one of `count_terms`' terms
    other than term number `excluded` of them (-1: none excluded)."""
    if len(last) != len(counts):
        raise IndexError(DAMAGED)
    for j in range(len(starts)):
        for i in range(starts[j], stops[j]):
            row = _row(rows, i, offset, len(counts))
            held = counts[row]
            found[j] += 1
            near[j] += (held > 1) | ((held == 1) & (last[row] != excluded))


# What a sentence's answer-type bonus reads (`ranking.SentenceRanker.answer_type_match`).
NO_BONUS, TIME_BONUS, NUMBER_BONUS, NAME_BONUS = 0, 1, 2, 3


@compiled
def _bonus(r: int, bonus_kind: int, has_time: np.ndarray, has_number: np.ndarray,
           name_count: np.ndarray, asked_names: np.ndarray) -> float:  # fmt: skip
    """1.0 if sentence `r` holds the kind of thing asked for (a time, a quantity, or more
    names than the question's own), else 0.0."""
    if bonus_kind == TIME_BONUS:
        return 1.0 if has_time[r] else 0.0
    if bonus_kind == NUMBER_BONUS:
        return 1.0 if has_number[r] else 0.0
    if bonus_kind == NAME_BONUS:
        return 1.0 if name_count[r] > asked_names[r] else 0.0
    return 0.0


@compiled
def bonuses(rows: np.ndarray, bonus_kind: int, has_time: np.ndarray, has_number: np.ndarray,
            name_count: np.ndarray, asked_names: np.ndarray) -> np.ndarray:  # fmt: skip
    """`_bonus` of each of the sentences `rows`."""
    out = np.empty(len(rows), dtype=np.float64)
    for i in range(len(rows)):
        out[i] = _bonus(rows[i], bonus_kind, has_time, has_number, name_count, asked_names)
    return out


@compiled
def combined_scores(
    rows: np.ndarray,
    own: np.ndarray,
    window: np.ndarray,
    matched: np.ndarray,
    phrase: np.ndarray,
    paragraph: np.ndarray,
    document: np.ndarray,
    paragraph_of: np.ndarray,
    document_of: np.ndarray,
    bonus_kind: int,
    has_time: np.ndarray,
    has_number: np.ndarray,
    name_count: np.ndarray,
    asked_names: np.ndarray,
    best: np.ndarray,
    shares: np.ndarray,
    pairs: float,
) -> np.ndarray:
    """`SentenceRanker.combine` for the sentences `rows`, in one pass: each evidence
    scaled by its best value (`best`: own, window, matched; 0 when that is not above 0)
    and weighed by `shares` (window, paragraph, document, answer type, phrase, tie
    break), added in the order `combine` documents. `phrase` counts the question's
    adjacent term pairs each sentence holds, of `pairs` (at least 1): its share is
    divided here, as NumPy divided a float array of the counts before."""
    out = np.empty(len(rows), dtype=np.float64)
    best_own, best_window, best_matched = best[0], best[1], best[2]
    for i in range(len(rows)):
        r = rows[i]
        p, d = paragraph_of[r], document_of[r]
        if p < 0 or p >= len(paragraph) or d < 0 or d >= len(document):
            raise IndexError(DAMAGED)
        a = own[r] / best_own if best_own > 0 else 0.0
        b = window[r] / best_window if best_window > 0 else 0.0
        g = matched[r] / best_matched if best_matched > 0 else 0.0
        e = _bonus(r, bonus_kind, has_time, has_number, name_count, asked_names)
        total = a + shares[0] * b
        total = total + shares[1] * paragraph[p]
        total = total + shares[2] * document[d]
        total = total + shares[3] * e
        total = total + shares[4] * (float(phrase[r]) / pairs)
        out[i] = total + shares[5] * g
    return out


@compiled
def summarised(
    own: np.ndarray, window: np.ndarray, matched: np.ndarray, evident: np.ndarray
) -> tuple[np.ndarray, float, float, float]:
    """One pass over every sentence: whether it has evidence of its own (a BM25 score,
    one of its window, or a question term; a phrase needs one), set in `evident`; the
    sentences that have, in order; and the best own, window and matched values (0 when
    none is above 0; scores are never NaN, which `max` would skip where NumPy's kept
    it). A sentence without evidence scores only its paragraph's, article's and
    answer-type parts."""
    texts = len(own)
    if len(window) != texts or len(matched) != texts or len(evident) != texts:
        raise IndexError(DAMAGED)
    rows = np.empty(texts, dtype=np.int64)
    count = 0
    best_own = best_window = best_matched = 0.0
    for r in range(texts):
        a, b, g = own[r], window[r], matched[r]
        best_own = max(best_own, a)
        best_window = max(best_window, b)
        best_matched = max(best_matched, g)
        held = (a != 0.0) | (b != 0.0) | (g != 0.0)
        evident[r] = held
        rows[count] = r  # written always, kept only when held: no branch to mispredict
        count += held
    return rows[:count].copy(), best_own, best_window, best_matched


@compiled
def reachable_paragraphs(
    matching: np.ndarray,
    paragraph: np.ndarray,
    document: np.ndarray,
    paragraph_doc: np.ndarray,
    shares: np.ndarray,
    cut: float,
) -> np.ndarray:
    """The paragraphs holding a question term (`matching`) whose paragraph and article
    parts with the answer-type bonus reach `cut`: `shares` (paragraph, document, answer
    type) times each, added in `combine`'s order, so that for a sentence with the bonus
    it is its very score."""
    texts = len(paragraph)
    if len(matching) != texts or len(paragraph_doc) != texts:
        raise IndexError(DAMAGED)
    out = np.empty(texts, dtype=np.int64)
    count = 0
    for p in range(texts):
        if not matching[p]:
            continue
        d = paragraph_doc[p]
        if d < 0 or d >= len(document):
            raise IndexError(DAMAGED)
        bound = shares[0] * paragraph[p] + shares[1] * document[d] + shares[2]
        if bound >= cut:
            out[count] = p
            count += 1
    return out[:count].copy()
