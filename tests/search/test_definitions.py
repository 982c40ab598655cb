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
    ],
)
def test_what_a_question_asks_to_define(question, subject, person):
    defined = defined_subject(question)
    assert (defined.subject, defined.person) == (subject, person) if subject else defined is None


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


def test_what_comes_before_that_is_no_part_of_the_subject():
    text = "Zakharova said that the Astana format is the only working mechanism, adding more."
    assert _defining(text, "the Astana format") == "the only working mechanism"


def _office(text: str, name: str, persons=()) -> str | None:
    found = definition(text, name, term_spans, list(persons))
    return text[found[0] : found[1]] if found else None


def test_who_is_a_name_is_answered_by_the_office_before_it_or_a_phrase_after_it():
    text = "Turkey is represented by Deputy Foreign Minister Ahmet Yildiz, and Iran by Ali Khaji."
    assert _office(text, "Ahmet Yildiz") == "Deputy Foreign Minister"
    assert _office(text, "Ali Khaji") is None  # "Iran by": no office
    text = "Ahmed Touma, a member of the SNC delegation, confirmed their participation."
    assert _office(text, "Ahmed Touma") == "a member of the SNC delegation"
    text = "The talks came from the UN envoy to Syria, Geir Pedersen, who held rounds."
    assert _office(text, "Geir Pedersen") == "UN envoy to Syria"
    # asked "what", a name is defined only by "X is …"
    assert definition(text, "Geir Pedersen", term_spans) is None


def test_an_office_ends_before_the_whole_name_and_before_another_persons_office():
    text = "Russia sent its Special Envoy to Syria Alexander Lavrentiev to the talks."
    start = text.index("Alexander")
    assert _office(text, "Lavrentiev", [(start, start + len("Alexander Lavrentiev"))]) == (
        "Special Envoy to Syria"
    )
    text = "Foreign Ministry spokeswoman Maria Zakharova spoke."
    start = text.index("Maria")
    assert _office(text, "Zakharova", [(start, start + len("Maria Zakharova"))]) == (
        "Foreign Ministry spokeswoman"
    )
    text = "Foreign Minister Lavrov and Iranian Foreign Minister Araghchi met."
    assert _office(text, "Araghchi") == "Iranian Foreign Minister"
    text = "The Deputy Minister of Foreign Affairs and Expatriates, Bassam Sabbagh, spoke."
    assert _office(text, "Bassam Sabbagh") == "Deputy Minister of Foreign Affairs and Expatriates"
