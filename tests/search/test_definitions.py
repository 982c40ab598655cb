"""The sentence that defines what a "What is X?" question asks about, and its phrase."""

from __future__ import annotations

import re

import pytest

from astana_qa.search.definitions import OPENS, REPORTED, Defined, defined_subject, definition

_STOPWORDS = {"the", "a", "an", "of", "in", "and", "is", "was", "are", "were", "also"}


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """Lower-cased words but stopwords, a plural "s" left out: terms enough for the rule."""
    return [(m.start(), m.end(), m.group().lower().removesuffix("s"))
            for m in re.finditer(r"\w+", text) if m.group().lower() not in _STOPWORDS]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "subject", "person"),
    [
        ("What is European Union law?", "European Union law", False),
        ("what is packet switching", "packet switching", False),
        ("What was the Harbour Council?", "the Harbour Council", False),
        ("what does septicemia mean", "septicemia", False),
        ("define civil disobedience", "civil disobedience", False),
        ("packet switching definition", "packet switching", False),
        ("What is meant by the Astana format?", "the Astana format", False),
        ("Who was Frédéric Chopin?", "Frédéric Chopin", True),
        ("Alexander Lavrentiev role", "Alexander Lavrentiev", True),
        # a thing X only describes: a superlative, a rank, whose, a preposition
        ("What is the second most abundant element?", None, None),
        ("What is the largest harbour?", None, None),
        ("What is Warsaw's symbol?", None, None),
        ("What is a common occurrence during summer days?", None, None),
        ("What is the capital of France?", None, None),
        # "who" with a common noun asks for a person, not a definition
        ("Who was the game's top receiver?", None, None),
        ("Who was the harbour master?", None, None),
        ("What did the council decide?", None, None),
        ("harbour council role", None, None),  # a role of a name only
        ("Who is UN Secretary General?", None, None),  # an office, not a name
        ("Who is President Putin?", "Putin", True),  # the name without its title
        ("who is President", None, None),
        ("Who is Bashar al-Assad?", "Bashar al-Assad", True),
        ("Who is George W. Bush?", "George W. Bush", True),
        ("What is Da'esh?", "Da'esh", False),
        ("What are the members' votes?", None, None),
    ],
)
def test_what_a_question_asks_to_define(question, subject, person):
    defined = defined_subject(question)
    assert (defined.subject, defined.person) == (subject, person) if subject else defined is None


def _defining(text: str, subject: str) -> str | None:
    found = definition(text, Defined(subject), term_spans)
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
    text = "The Constitutional Committee, which was formed in 2019, is a body of 150 members."
    assert _defining(text, "the Constitutional Committee") == "a body of 150 members"


@pytest.mark.parametrize(
    "text",
    [
        "In many species, the immune system can be classified into subsystems.",  # no copula
        "The adaptive immune system is a second line of defence.",  # a longer subject
        "The immune system is able to tell self from non-self.",  # no noun phrase follows
        "The immune system was studied by Metchnikoff.",  # passive
        "It is a system of many structures.",  # another subject
        "If the immune system is a weak point, the body falls ill.",  # a condition
        "Critics claim that the immune system is a myth.",  # doubted
        "He denied that the immune system was a factor.",
        "The study that the immune system is a part of was published.",  # a relative clause
        "The body does not believe that the immune system is a weak point.",  # denied
        "Nobody thinks that the immune system is a myth.",
        "What the immune system is a part of remains unclear.",  # a question's clause
    ],
)
def test_a_sentence_that_does_not_define_the_subject(text):
    assert _defining(text, "the immune system") is None


def test_a_reported_definition_is_less_sure_than_one_opening_the_sentence():
    text = "Zakharova said that the Astana format is the only working mechanism, adding more."
    assert _defining(text, "the Astana format") == "the only working mechanism"
    reported = definition(text, Defined("the Astana format"), term_spans)
    opening = definition("The Astana format is a forum.", Defined("the Astana format"), term_spans)
    assert reported and opening and reported[2] == REPORTED < OPENS == opening[2]


def test_a_name_asked_about_with_who_is_defined_by_its_office():
    text = "The talks came from the UN envoy to Syria, Geir Pedersen, who held rounds."
    assert definition(text, Defined("Geir Pedersen"), term_spans) is None  # asked "what"
    found = definition(text, Defined("Geir Pedersen", person=True), term_spans)
    assert found and text[found[0] : found[1]] == "UN envoy to Syria"
