from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from astana_qa.search.bm25 import UNKNOWN, BM25Scorer
from astana_qa.settings import BM25Params

TEXTS = [["talk", "astana", "syria"], ["talk", "geneva"], ["astana", "capit"], ["iran", "talk"]]


def scorer_for(texts: list[list[str]], params: BM25Params | None = None):
    scorer, vocab = BM25Scorer.from_texts(texts, params or BM25Params())
    return scorer, lambda terms: [vocab.get(t, UNKNOWN) for t in terms]


def test_scores_are_rank_bm25_scores():
    scorer, ids = scorer_for(TEXTS)
    expected = BM25Okapi(TEXTS).get_scores(["astana", "talk"])
    np.testing.assert_allclose(scorer.scores(ids(["astana", "talk"])), expected, rtol=1e-12)


def test_two_text_corpus_scores_zero_but_still_matches():
    # A term in exactly half the texts gets idf 0 from BM25Okapi (rank_bm25 issue #29).
    scorer, ids = scorer_for([["astana", "talk"], ["geneva", "talk"]])
    assert not scorer.scores(ids(["astana"])).any()
    matched = scorer.matched_weight(ids(["astana"]))
    assert matched[0] > 0 and matched[1] == 0


def test_weight_is_positive_even_for_a_term_everywhere():
    scorer, ids = scorer_for(TEXTS)
    talk, geneva, unseen = ids(["talk", "geneva", "unseen"])
    assert scorer.weight(talk) > 0
    assert scorer.weight(unseen) > scorer.weight(geneva) > scorer.weight(talk)


def test_postings_list_each_term_s_texts_in_order():
    scorer, ids = scorer_for(TEXTS)
    (talk,) = ids(["talk"])
    assert scorer.rows(talk).tolist() == [0, 1, 3]
    assert scorer.contains(talk, 3) and not scorer.contains(talk, 2)
    assert scorer.document_frequency(UNKNOWN) == 0


TERMS = st.sampled_from(["astana", "talk", "syria", "iran", "geneva", "round", "envoy", "un"])


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.lists(TERMS, min_size=1, max_size=12), min_size=1, max_size=25),
    query=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=6),
    k1=st.floats(0.1, 3.0),
    b=st.floats(0.0, 1.0),
    epsilon=st.floats(0.0, 1.0),
)
def test_scores_equal_rank_bm25_on_random_corpora(texts, query, k1, b, epsilon):
    """Including terms in more than half the texts (negative idf floored to epsilon times
    the average idf) and terms in exactly half (idf 0)."""
    scorer, ids = scorer_for(texts, BM25Params(k1=k1, b=b, epsilon=epsilon))
    ours = scorer.scores(ids(query))
    reference = BM25Okapi(texts, k1=k1, b=b, epsilon=epsilon).get_scores(query)
    np.testing.assert_array_equal(ours, reference)


def segmented_scorer(texts: list[list[str]], cuts: list[int], params: BM25Params):
    """A scorer over `texts` stored as segments split at `cuts`, each numbering only the
    terms seen up to its end (as an index that grew article by article does)."""
    from astana_qa.search.bm25 import Postings, build_postings, count_matrix

    vocab: dict[str, int] = {}
    parts: list[Postings] = []
    bounds = [0, *sorted(set(cuts)), len(texts)]
    for a, b in pairwise(bounds):
        chunk = texts[a:b]
        ids = np.asarray([vocab.setdefault(t, len(vocab)) for text in chunk for t in text])
        ptr = np.cumsum([0] + [len(text) for text in chunk])
        parts.append(build_postings(count_matrix(ids, ptr, len(vocab))))
    return BM25Scorer(parts, len(vocab), params), vocab


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.lists(TERMS, min_size=1, max_size=8), min_size=1, max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=4),
    query=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=5),
)
def test_segments_score_as_one_corpus(texts, cuts, query):
    """An index in several segments (some of them empty) gives rank-bm25's scores of the
    whole corpus, and the same texts and frequencies for every term."""
    params = BM25Params(k1=1.2, b=0.75, epsilon=0.25)
    scorer, vocab = segmented_scorer(texts, [c for c in cuts if c <= len(texts)], params)
    ids = [vocab.get(t, UNKNOWN) for t in query]
    reference = BM25Okapi(texts, k1=1.2, b=0.75, epsilon=0.25).get_scores(query)
    np.testing.assert_array_equal(scorer.scores(ids), reference)
    whole, whole_vocab = BM25Scorer.from_texts(texts, params)
    for term, number in whole_vocab.items():
        assert scorer.rows(vocab[term]).tolist() == whole.rows(number).tolist()
        assert scorer.document_frequency(vocab[term]) == whole.document_frequency(number)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.lists(TERMS, min_size=1, max_size=8), min_size=1, max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=4),
    related=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=5),
    context=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=4, unique=True),
    excluded=st.integers(-1, 3),
)
def test_near_shares_count_every_segment(texts, cuts, related, context, excluded):
    """The share of the texts holding each term that hold a context term other than the
    excluded one, counted in place across segments, equals counting the texts one by
    one."""
    params = BM25Params(k1=1.2, b=0.75, epsilon=0.25)
    scorer, vocab = segmented_scorer(texts, [c for c in cuts if c <= len(texts)], params)
    excluded = min(excluded, len(context) - 1)
    counts, last = scorer.term_counts([vocab.get(t, UNKNOWN) for t in context])
    shares = scorer.near_shares([vocab.get(t, UNKNOWN) for t in related], counts, last, excluded)
    others = [t for i, t in enumerate(context) if i != excluded]
    for term, share in zip(related, shares, strict=True):
        holding = [text for text in texts if term in text]
        near = [text for text in holding if any(t in text for t in others)]
        assert share == (len(near) / len(holding) if holding else 0.0)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.lists(TERMS, min_size=1, max_size=8), min_size=1, max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=4),
    query=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=5),
    weights=st.lists(st.floats(0.0, 1.0), min_size=5, max_size=5),
)
def test_weighted_scores_are_the_weighted_sum_of_each_terms(texts, cuts, query, weights):
    """With weights, each query term's part (repeated terms counted each time) is its
    weight times its own BM25 score, in every segment layout."""
    params = BM25Params(k1=1.2, b=0.75, epsilon=0.25)
    scorer, vocab = segmented_scorer(texts, [c for c in cuts if c <= len(texts)], params)
    ids = [vocab.get(t, UNKNOWN) for t in query]
    weights = weights[: len(ids)]
    expected = sum(w * scorer.scores([i]) for i, w in zip(ids, weights, strict=True))
    np.testing.assert_allclose(scorer.scores(ids, weights), expected, rtol=1e-12, atol=1e-12)


def test_a_query_matching_nothing_scores_zero_floats():
    scorer, _ = BM25Scorer.from_texts([["astana", "talk"], ["geneva"]], BM25Params())
    for values in (scorer.scores([UNKNOWN]), scorer.matched_weight([UNKNOWN])):
        assert values.dtype == np.float64 and not values.any()


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.lists(TERMS, min_size=1, max_size=8), min_size=1, max_size=20),
    breaks=st.lists(st.booleans(), min_size=20, max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=4),
    query=st.lists(st.one_of(TERMS, st.just("unseen")), min_size=1, max_size=5),
    weights=st.none() | st.lists(st.floats(0.0, 1.0), min_size=5, max_size=5),
    k1=st.floats(0.1, 3.0),
    b=st.floats(0.0, 1.0),
)
def test_windows_read_from_sentence_postings_score_as_stored_windows(
    texts, breaks, cuts, query, weights, k1, b
):
    """The window level, derived from the sentence postings (each sentence with the one
    before it in its paragraph), gives rank-bm25's scores of the window texts bit for
    bit, in every segment layout; a segment boundary also ends a paragraph."""
    from astana_qa.index.windows import continues, window_document_frequency
    from astana_qa.search.bm25 import WindowScorer

    params = BM25Params(k1=k1, b=b, epsilon=0.25)
    cuts = sorted({c for c in cuts if c <= len(texts)})
    paragraph = np.cumsum(
        [0] + [int(b or i in cuts) for i, b in enumerate(breaks[1 : len(texts)], 1)]
    )
    windows = [
        (texts[i - 1] if i and paragraph[i - 1] == paragraph[i] else []) + texts[i]
        for i in range(len(texts))
    ]
    sentences, vocab = segmented_scorer(texts, cuts, params)
    bounds = [0, *cuts, len(texts)]
    continued = continues(paragraph)
    frequencies = [
        window_document_frequency(part, continued[a:b])
        for part, (a, b) in zip(sentences.parts, pairwise(bounds), strict=True)
    ]
    scorer = WindowScorer(sentences, frequencies, continued, len(vocab), params)
    ids = [vocab.get(t, UNKNOWN) for t in query]
    weights = weights[: len(ids)] if weights is not None else None
    stored, stored_vocab = BM25Scorer.from_texts(windows, params)
    expected = stored.scores([stored_vocab.get(t, UNKNOWN) for t in query], weights)
    np.testing.assert_array_equal(scorer.scores(ids, weights), expected)
    for term, number in stored_vocab.items():
        assert scorer.df[vocab[term]] == stored.document_frequency(number)
