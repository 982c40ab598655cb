"""Candidate answers grouped by what they say (`search/grouping.py`)."""

import pytest

from astana_qa.search.candidates import Candidate
from astana_qa.search.grouping import (
    Found,
    _one_inside_other,
    group_score,
    grouped,
    same,
    variants,
)
from astana_qa.search.passages import Passage


def test_a_word_inside_a_longer_answer_is_the_same_answer_only_as_its_last_word():
    """ "Rochdi" is "Najat Rochdi", but "Syria" is not "Envoy for Syria Najat Rochdi": a
    passage naming only Syria does not state the answer."""
    full = ["envoy", "for", "syria", "najat", "rochdi"]
    assert _one_inside_other(["rochdi"], full)
    assert _one_inside_other(["najat", "rochdi"], full)
    assert not _one_inside_other(["syria"], full)
    assert not _one_inside_other(["envoy"], full)


def test_a_name_stated_often_is_no_likelier_the_answer_of_a_kind_it_is_not():
    """A corpus about Lumeria names it everywhere: four passages stating it support a
    person's answer only in the measure a country is a person (its fit)."""

    def group(fit: float) -> list[Found]:
        candidate = Candidate(0, 7, "Lumeria", fit, 0.5, 0.0, 0.5, 0.5)
        return [Found(candidate, Passage(n, "a.txt", 100 * n, 100 * n + 50, "…", 1.0), 0.3, "")
                for n in range(1, 5)]  # fmt: skip

    assert group_score(group(1.0)) == pytest.approx(0.3 * 1.3)  # the cap: three more
    assert group_score(group(0.45)) == pytest.approx(0.3 * (1 + 0.3 * 0.45))


def _found(text: str, score: float, n: int, source: str = "a.txt") -> Found:
    candidate = Candidate(0, len(text), text, 1.0, 0.5, 0.0, 0.5, 0.5)
    passage = Passage(n, source, 100 * n, 100 * n + 50, text, 1.0)
    return Found(candidate, passage, score, " ".join(text.lower().split()))


def test_near_identical_spellings_and_a_surname_join_the_first_answer_s_group():
    found = [_found("Ahmet Toma", 0.9, 1), _found("Ahmed Touma", 0.8, 2, "b.txt"),
             _found("Toma", 0.5, 3), _found("Lena Holm", 0.7, 4)]  # fmt: skip
    groups = grouped(found)
    assert [[f.candidate.text for f in g] for g in groups] == [
        ["Ahmet Toma", "Ahmed Touma", "Toma"],
        ["Lena Holm"],
    ]
    assert same("ahmet toma", "ahmed touma")
    assert not same("ahmet toma", "lena holm")


def test_spellings_with_the_same_analysed_terms_are_no_variants():
    """Sources that write "observer" and "observers" do not disagree; "Ahmet Toma" and
    "Ahmed Touma" do, and each is shown with the passages that state it, as do "Ruth
    Davis" and "Ruth Davies", whose stems are one."""
    plain = {"observers": ["observ"], "observer": ["observ"]}
    terms = lambda text: plain.get(text, text.split())  # noqa: E731 (the analyser, stood in)
    best = [_found("observer", 0.9, 1), _found("observers", 0.8, 2, "b.txt")]
    renumber = {(f.passage.source, f.passage.start): f.passage.rank for f in best}
    assert variants(best, [best], renumber, "person", terms) == ()
    assert len(variants(best, [best], renumber, "person")) == 2  # compared as written
    names = [_found("Ahmet Toma", 0.9, 1), _found("Ahmed Touma", 0.8, 2, "b.txt")]
    shown = variants(names, [names], renumber, "person", terms)
    assert [(v.text, v.supported_by) for v in shown] == [
        ("Ahmet Toma", (1,)),
        ("Ahmed Touma", (2,)),
    ]
    # names are compared as written, not by stems that would join them
    stems = lambda text: [w.rstrip("es") for w in text.split()]  # noqa: E731
    names = [_found("Ruth Davis", 0.9, 1), _found("Ruth Davies", 0.8, 2, "b.txt")]
    assert len(variants(names, [names], renumber, "person", stems)) == 2
