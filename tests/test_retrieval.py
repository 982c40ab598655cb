import numpy as np
from rank_bm25 import BM25Okapi

from astana_qa.retrieval import BM25Scorer
from astana_qa.settings import BM25Params

TEXTS = [["talk", "astana", "syria"], ["talk", "geneva"], ["astana", "capit"], ["iran", "talk"]]


def test_scores_are_rank_bm25_scores():
    scorer = BM25Scorer(TEXTS, BM25Params())
    expected = BM25Okapi(TEXTS).get_scores(["astana", "talk"])
    np.testing.assert_allclose(scorer.scores(["astana", "talk"]), expected, rtol=1e-12)


def test_two_text_corpus_scores_zero_but_still_matches():
    # A term in exactly half the texts gets idf 0 from BM25Okapi (rank_bm25 issue #29).
    scorer = BM25Scorer([["astana", "talk"], ["geneva", "talk"]], BM25Params())
    assert not scorer.scores(["astana"]).any()
    matched = scorer.matched_weight(["astana"])
    assert matched[0] > 0 and matched[1] == 0


def test_weight_is_positive_even_for_a_term_everywhere():
    scorer = BM25Scorer(TEXTS, BM25Params())
    assert scorer.weight("talk") > 0
    assert scorer.weight("unseen") > scorer.weight("geneva") > scorer.weight("talk")
