"""The sentence that defines what a "What is X?" question asks about, and its phrase."""

from __future__ import annotations

import re

import pytest

from astana_qa.search.definitions import defined_subject, definition

_STOPWORDS = {"the", "a", "an", "of", "in", "and", "is", "was", "are", "were", "also"}


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """Lower-cased words but stopwords, a plural "s" left out: terms enough for the rule."""
    return [(m.start(), m.end(), m.group().lower().removesuffix("s"))
            for m in re.finditer(r"\w+", text) if m.group().lower() not in _STOPWORDS]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What is European Union law?", "European Union law"),
        ("what is packet switching", "packet switching"),
        ("What was the Harbour Council?", "the Harbour Council"),
        ("Who was Frédéric Chopin?", "Frédéric Chopin"),
        # a thing X only describes: a superlative, a rank, whose, a preposition
        ("What is the second most abundant element?", None),
        ("What is the largest harbour?", None),
        ("What is Warsaw's symbol?", None),
        ("What is a common occurrence during summer days?", None),
        ("What is the capital of France?", None),
        # "who" with a common noun asks for a person, not a definition
        ("Who was the game's top receiver?", None),
        ("Who was the harbour master?", None),
        ("What did the council decide?", None),
    ],
)
def test_the_subject_a_question_asks_to_define(question, subject):
    assert defined_subject(question) == subject


def _defining(text: str, subject: str) -> str | None:
    found = definition(text, subject, term_spans)
    return text[found[0] : found[1]] if found else None


def test_the_noun_phrase_after_the_verb_up_to_the_first_comma():
    text = "European Union law is a body of treaties and legislation, such as Regulations."
    assert _defining(text, "European Union law") == "a body of treaties and legislation"
    text = "The immune system is a system of structures that protects against disease."
    assert (
        _defining(text, "the immune system")
        == "a system of structures that protects against disease"
    )


def test_brackets_and_an_aside_between_the_subject_and_its_verb():
    text = "Warsaw (Polish: Warszawa [varˈʂava]) is the capital and largest city of Poland."
    assert _defining(text, "Warsaw") == "the capital and largest city of Poland"
    text = "Tymnet, a spin-off of Tymshare, was an international data network."
    assert _defining(text, "Tymnet") == "an international data network"


@pytest.mark.parametrize(
    "text",
    [
        "In many species, the immune system can be classified into subsystems.",  # no copula
        "The adaptive immune system is a second line of defence.",  # a longer subject
        "The immune system is able to tell self from non-self.",  # no noun phrase follows
        "The immune system was studied by Metchnikoff.",  # passive
        "It is a system of many structures.",  # another subject
    ],
)
def test_a_sentence_that_does_not_define_the_subject(text):
    assert _defining(text, "the immune system") is None
