"""The compiled loops against the NumPy expressions they replaced, bit for bit, for every
count type an index stores and for read-only (memory-mapped) arrays."""

import numpy as np
import pytest
from numba.core import caching

from astana_qa.search import kernels


def _read_only(array: np.ndarray) -> np.ndarray:
    array = array.copy()
    array.setflags(write=False)
    return array


@pytest.mark.parametrize("count_type", [np.uint8, np.uint16, np.uint32, np.int32])
def test_add_bm25_is_the_bincount_of_each_terms_parts(count_type):
    rng = np.random.default_rng(7)
    texts, postings = 300, 2000
    rows = _read_only(rng.integers(0, texts, postings).astype(np.int32))
    tf = _read_only(rng.integers(1, 200, postings).astype(count_type))
    lengths = _read_only(rng.integers(1, 60, texts).astype(np.int32))
    average = int(lengths.sum()) / texts
    norm = 1.2 * (1 - 0.75 + 0.75 * lengths / average)  # the array rank-bm25 reads
    starts, stops = np.array([0, 500, 1500]), np.array([500, 1500, 2000])
    weights = np.array([1.7, 0.3, 2.2])
    scores = np.zeros(texts)
    kernels.add_bm25(scores, rows, tf, starts, stops, weights, 1.2, 0.75, average, lengths, 0)
    owner = np.repeat(np.arange(3), stops - starts)
    counts = tf.astype(np.float64)
    parts = weights[owner] * (counts * (1.2 + 1) / (counts + norm[rows]))
    np.testing.assert_array_equal(scores, np.bincount(rows, parts, minlength=texts))


def test_combined_scores_is_the_sum_in_combines_order():
    rng = np.random.default_rng(11)
    n, paragraphs, documents = 500, 80, 9
    own, window, matched = (rng.random(n) for _ in range(3))
    phrase, pairs = rng.integers(0, 4, n).astype(np.uint16), 3  # pairs held, of 3
    paragraph, document = rng.random(paragraphs), rng.random(documents)
    paragraph_of = np.sort(rng.integers(0, paragraphs, n)).astype(np.int32)
    document_of = (paragraph_of // 9).astype(np.int32)
    has_time = rng.integers(0, 2, n).astype(bool)
    rows = rng.permutation(n)[:200]
    best, shares = (
        np.array([own.max(), window.max(), 0.0]),
        np.array([1.0, 1.5, 0.5, 0.5, 0.7, 1e-6]),
    )
    got = kernels.combined_scores(
        rows, own, window, matched, phrase, paragraph, document, paragraph_of, document_of,
        kernels.TIME_BONUS, has_time, has_time, np.zeros(n, np.int32), np.zeros(1, np.int16),
        best, shares, float(pairs),
    )  # fmt: skip
    expected = (
        own[rows] / best[0]
        + 1.0 * (window[rows] / best[1])
        + 1.5 * paragraph[paragraph_of[rows]]
        + 0.5 * document[document_of[rows]]
        + 0.5 * has_time[rows]
        + 0.7 * (phrase / pairs)[rows]  # the shares as NumPy divided them
        + 1e-6 * np.zeros(len(rows))  # best matched is 0: the tie break is 0
    )
    np.testing.assert_array_equal(got, expected)


def test_summarised_is_the_mask_rows_and_maxima_numpy_gave():
    rng = np.random.default_rng(5)
    n = 1000
    own, window, matched = (np.where(rng.random(n) < 0.2, rng.random(n), 0.0) for _ in range(3))
    evident = np.empty(n, dtype=bool)
    rows, *best = kernels.summarised(_read_only(own), _read_only(window), _read_only(matched),
                                     evident)  # fmt: skip
    expected = (own != 0) | (window != 0) | (matched != 0)
    np.testing.assert_array_equal(evident, expected)
    np.testing.assert_array_equal(rows, np.flatnonzero(expected))
    assert best == [v.max(initial=0.0) for v in (own, window, matched)]
    nothing = np.zeros(3)
    assert kernels.summarised(nothing, nothing, nothing, np.empty(3, bool))[1:] == (0.0, 0.0, 0.0)


def test_reachable_paragraphs_is_the_numpy_bound():
    rng = np.random.default_rng(3)
    paragraphs, documents = 400, 30
    matching = rng.random(paragraphs) < 0.5
    paragraph, document = rng.random(paragraphs), rng.random(documents)
    paragraph_doc = np.sort(rng.integers(0, documents, paragraphs))
    shares, cut = np.array([1.5, 0.5, 0.5]), 1.4
    got = kernels.reachable_paragraphs(matching, paragraph, document, paragraph_doc, shares, cut)
    bound = 1.5 * paragraph + 0.5 * document[paragraph_doc] + 0.5
    np.testing.assert_array_equal(got, np.flatnonzero(matching & (bound >= cut)))


def test_a_posting_outside_the_texts_is_an_error_not_a_write():
    scores = np.zeros(4)
    rows = np.array([1, 9], dtype=np.int32)  # 9: a damaged index
    with pytest.raises(IndexError, match="rebuild"):
        kernels.add_bm25(scores, rows, np.ones(2, np.uint8), np.array([0]), np.array([2]),
                         np.array([1.0]), 1.2, 0.75, 1.0, np.ones(4, np.int32), 0)  # fmt: skip
    with pytest.raises(IndexError, match="rebuild"):  # every length 0: no average to divide by
        kernels.add_bm25(scores, rows[:1], np.ones(1, np.uint8), np.array([0]), np.array([1]),
                         np.array([1.0]), 1.2, 0.75, 0.0, np.zeros(4, np.int32), 0)  # fmt: skip
    # every length 0 but no postings to divide for: nothing added, no error
    scores = np.zeros(4)
    kernels.add_bm25(scores, rows[:1], np.ones(1, np.uint8), np.array([0, 1]), np.array([0, 1]),
                     np.array([1.0, 1.0]), 1.2, 0.75, 0.0, np.zeros(4, np.int32), 0)  # fmt: skip
    assert not scores.any()
    with pytest.raises(IndexError, match="rebuild"):  # the second term has a posting
        kernels.add_bm25(scores, rows[:1], np.ones(1, np.uint8), np.array([0, 0]),
                         np.array([0, 1]), np.array([1.0, 1.0]), 1.2, 0.75, 0.0,
                         np.zeros(4, np.int32), 0)  # fmt: skip
    with pytest.raises(IndexError, match="rebuild"):  # lengths of another number of texts
        kernels.add_bm25(scores, rows[:1], np.ones(1, np.uint8), np.array([0]), np.array([1]),
                         np.array([1.0]), 1.2, 0.75, 1.0, np.ones(3, np.int32), 0)  # fmt: skip


def test_without_a_writable_cache_folder_each_process_compiles(monkeypatch):
    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])  # no folder to write

    def double(x):
        return 2 * x

    with pytest.raises(RuntimeError, match="no locator"):
        from numba import njit

        njit(cache=True)(double)
    assert kernels.compiled(double)(21) == 42


def test_the_counting_loops_refuse_arrays_of_other_lengths():
    rows, starts, stops = np.array([0, 2], np.int32), np.array([0]), np.array([2])
    with pytest.raises(IndexError, match="rebuild"):
        kernels.count_terms(np.zeros(3, np.int32), np.zeros(2, np.int32), rows, starts, stops, 0)
    with pytest.raises(IndexError, match="rebuild"):
        kernels.count_near(np.zeros(1, np.int64), np.zeros(1, np.int64), np.zeros(3, np.int32),
                           np.zeros(2, np.int32), -1, rows, starts, stops, 0)  # fmt: skip
    with pytest.raises(IndexError, match="rebuild"):
        kernels.add_window_bm25(np.zeros(3), rows, np.ones(2, np.uint8), starts, stops,
                                np.array([1.0]), 1.2, 0.75, 2.0, np.ones(2, np.int32), 0,
                                np.zeros(3, bool))  # fmt: skip
