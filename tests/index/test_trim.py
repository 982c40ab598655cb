"""A trimmed segment equals the segment assembled from the articles it keeps."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from astana_qa.index.assemble import assemble
from astana_qa.index.file_analysis import FileAnalysis
from astana_qa.index.trim import DROPPED, kept_postings, trimmed

WORDS = [f"w{i}" for i in range(12)]
NAMES = [f"n{i}" for i in range(4)]


def analysis(rng: np.random.Generator, sentences: int, counts: int) -> FileAnalysis:
    """An article of `sentences` random sentences (none when 0: only furniture), in up to
    three paragraphs; a term may repeat up to `counts` times in a row (to reach counts
    that need two bytes)."""
    lengths = rng.integers(1, 6, sentences)
    terms = [rng.choice(len(WORDS), n) for n in lengths]
    terms = [np.repeat(t, rng.integers(1, counts + 1, len(t))) for t in terms]
    names = [rng.choice(len(NAMES), rng.integers(0, 3)) for _ in range(sentences)]
    ptr = lambda parts: np.concatenate([[0], np.cumsum([len(p) for p in parts])])  # noqa: E731
    ids = lambda parts: np.concatenate([*parts, np.zeros(0, np.int64)]).astype(np.int32)  # noqa: E731
    return FileAnalysis(
        start=np.arange(sentences, dtype=np.int64) * 10,
        end=np.arange(sentences, dtype=np.int64) * 10 + 9,
        paragraph=np.sort(rng.integers(0, 3, sentences)).astype(np.int32),
        has_time=rng.random(sentences) < 0.3,
        has_number=rng.random(sentences) < 0.3,
        term_ptr=ptr(terms).astype(np.int64),
        term_ids=ids(terms),
        name_ptr=ptr(names).astype(np.int64),
        name_ids=ids(names),
        vocab=list(WORDS),
        name_vocab=list(NAMES),
    )


def assert_same_arrays(got, expected):
    got, expected = got.files(), expected.files()
    assert got.keys() == expected.keys()
    for name, array in expected.items():
        assert got[name].dtype == array.dtype, name
        np.testing.assert_array_equal(got[name], array, err_msg=name)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    articles=st.integers(2, 7),
    counts=st.sampled_from([1, 3, 300]),
    data=st.data(),
)
def test_a_trimmed_segment_equals_the_one_assembled_from_its_remaining_articles(
    seed, articles, counts, data
):
    rng = np.random.default_rng(seed)
    analyses = [analysis(rng, int(rng.integers(0, 5)), counts) for _ in range(articles)]
    dropped = data.draw(
        st.lists(st.integers(0, articles - 1), min_size=1, max_size=articles - 1, unique=True)
    )
    vocab, name_vocab = [], []
    whole = assemble(analyses, vocab, name_vocab)
    kept = [a for number, a in enumerate(analyses) if number not in dropped]
    # The same vocabularies, already holding every term: numbers stay as they were.
    expected = assemble(kept, list(vocab), list(name_vocab))
    assert_same_arrays(trimmed(whole, articles, dropped), expected)


def test_dropping_every_article_is_refused():
    rng = np.random.default_rng(1)
    whole = assemble([analysis(rng, 3, 1)], [], [])
    with pytest.raises(ValueError, match="at least one article"):
        trimmed(whole, 1, [0])


@pytest.mark.parametrize(
    "indptr, rows, tf, outputs",
    [
        ([0, 2], [0, 5], [], (2, 2, 0)),  # row 5 is not one of the three texts
        ([0, 2], [0, -1], [], (2, 2, 0)),  # nor is row -1
        ([0, 3], [0, 2], [], (2, 2, 0)),  # offsets past the end of the rows
        ([-1, 2], [0, 2], [], (2, 2, 0)),  # an offset before their start
        ([0, 2, 1], [0, 2], [], (3, 2, 0)),  # offsets going back
        ([0, 2], [0, 2], [1, 1, 1], (2, 2, 3)),  # counts of another number of postings
        ([], [0, 2], [], (1, 2, 0)),  # no offsets at all
        ([0, 2], [0, 2], [], (1, 2, 0)),  # outputs shorter than what is copied
        ([0, 2], [0, 2], [], (2, 1, 0)),
        ([0, 2], [0, 2], [1, 1], (2, 2, 1)),
    ],
)
def test_postings_pointing_outside_their_arrays_are_refused(indptr, rows, tf, outputs):
    number = np.array([0, DROPPED, 1])  # three texts, the middle one dropped
    out = (np.zeros(outputs[0], np.int64), np.zeros(outputs[1], np.int32),
           np.zeros(outputs[2], np.uint8))  # fmt: skip
    with pytest.raises(IndexError, match="rebuild"):
        kept_postings(np.array(indptr, np.int64), np.array(rows, np.int32),
                      np.array(tf, np.uint8), number, *out)  # fmt: skip


def test_the_postings_of_kept_texts_are_copied_renumbered():
    out = np.zeros(3, np.int64), np.zeros(3, np.int32), np.zeros(3, np.uint8)
    number = np.array([0, DROPPED, 1])
    kept = kept_postings(np.array([0, 2, 3]), np.array([0, 1, 2], np.int32),
                         np.array([4, 5, 6], np.uint8), number, *out)  # fmt: skip
    assert kept == 2
    assert out[0].tolist() == [0, 1, 2] and out[1][:2].tolist() == [0, 1]
    assert out[2][:2].tolist() == [4, 6]
