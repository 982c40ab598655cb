"""The clause a sentence reports, which answers "What did X say / suggest?"."""

import re

import pytest

from astana_qa import QAEngine
from astana_qa.search.reports import asks_what_was_said, reported_clause
from astana_qa.search.slots import Slot


def words(text: str) -> list[tuple[int, int, str]]:
    """A plain analyser: every word lower-cased is its term."""
    return [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\w+", text)]


@pytest.mark.parametrize(
    ("text", "verb", "clause"),
    [
        # the question's verb, not the first verb of saying; up to ", although"
        ("Arguing that the process “was not over,” the envoy responded by suggesting that "
         "the three countries could take turns hosting the meetings, although nobody "
         "floated the idea.", "suggest",
         "the three countries could take turns hosting the meetings"),
        # a verb WordNet relates to the question's: "stated" for "say"
        ("In June, the president stated that it would be right to continue the format.",
         "say", "it would be right to continue the format"),
        # a verb of saying unrelated to the question's ("mentioned" for "call for")
        ("The statement mentioned that the guarantors called for a ceasefire.", "call", None),
        # "that" after a noun opens a relative clause, not what was said
        ("The college adopted a program that allowed young students to enrol.", "program",
         None),
        # only the question's own words: nothing said
        ("The minister said that talks resumed.", "say", None),
    ],
)  # fmt: skip
def test_the_clause_reported_after_the_questions_verb_and_that(text, verb, clause):
    question_terms = dict.fromkeys(["envoy", "president", "minister", "talks", "resumed"], 1.0)
    found = reported_clause(text, verb, question_terms, words)
    assert (text[found[0] : found[1]] if found else None) == clause


def test_what_someone_else_said_or_did_not_say_is_not_what_was_asked():
    terms = dict.fromkeys(["putin", "summit"], 1.0)
    for text in (
        "Officials said that Putin was ill and would miss the summit.",
        "Putin never said that Russia would leave the summit.",
    ):
        assert reported_clause(text, "say", terms, words) is None
    said = Slot("say", subject=False, passive=False)
    assert not asks_what_was_said((said, "say"), None, "What did Putin not say?")


def test_what_was_said_is_asked_by_the_object_of_a_verb_of_communication():
    said = Slot("suggest", subject=False, passive=False)
    assert asks_what_was_said((said, "suggest"), None)
    assert not asks_what_was_said((said, "suggest"), "proposal")  # wants a proposal
    assert not asks_what_was_said((Slot("suggest", True, False), "suggest"), None)  # who
    assert not asks_what_was_said((Slot("host", False, False), "host"), None)
    assert not asks_what_was_said(None, None)


def test_the_engine_answers_what_was_said_with_the_reported_clause(make_corpus, tmp_path):
    text = (
        "The harbour talks ended on Friday.\n\n"
        "The mayor suggested that the ferry company should run a night service to the "
        "island, although the council has not agreed.\n"
    )
    engine = QAEngine.open(make_corpus({"a.txt": text}), tmp_path / "index")
    answer = engine.ask("What did the mayor suggest?")
    assert answer.answer == "the ferry company should run a night service to the island"
    assert answer.answer_type == "description"
    span = answer.answer_span
    assert span is not None and text[span.start : span.end] == answer.answer
