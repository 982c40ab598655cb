"""SQuAD's exact match and F1 for short answers."""

import pytest

from astana_qa.bench.short_answers import best_scores, exact_match, f1, normalize_answer


def test_normalisation_is_squads():
    assert normalize_answer("The  Eiffel Tower!") == "eiffel tower"
    assert normalize_answer("an Apple, a day") == "apple day"


def test_exact_match_and_f1():
    assert exact_match("the Eiffel Tower", "Eiffel Tower.") == 1.0
    assert exact_match("Eiffel", "Eiffel Tower") == 0.0
    assert f1("Eiffel", "Eiffel Tower") == pytest.approx(2 / 3)
    assert f1("Paris", "Eiffel Tower") == 0.0


def test_best_over_gold_answers_and_abstention():
    assert best_scores("Tower", ["Eiffel Tower", "the tower"]) == (1.0, 1.0)
    assert best_scores(None, ["x"]) == (0.0, 0.0)
    assert best_scores(None, []) == (1.0, 1.0)
    assert best_scores("x", []) == (0.0, 0.0)
