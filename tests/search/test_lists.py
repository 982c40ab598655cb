"""Lists as lists are written (`search/lists.py`)."""

import pytest

from astana_qa.search.lists import closed_list, name_lists, phrase_lists, plain_list
from astana_qa.text.entities import Span, noun_phrases, tokens


@pytest.mark.parametrize(
    ("text", "closed"),
    [("heat and pressure", True), ("arrows, swords, and leather shields", True),
     ("Conversely, non-self molecules", False),  # an adverb and a phrase
     ("two surfaces, and the Pauli exclusion principle", False),  # another clause
     ("water, sewage, phone", False), ("swords", False), ("", False)],
)  # fmt: skip
def test_a_list_of_noun_phrases_is_written_with_and_or_or_before_its_last(text, closed):
    assert closed_list(text) is closed


def _span(text: str, part: str, kinds: set[str]) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part, frozenset(kinds))


def test_names_joined_by_commas_and_and_are_one_list_of_the_kinds_they_share():
    text = "Talks between France, Italy, the Netherlands and Germany resumed."
    names = [_span(text, "France", {"place"}), _span(text, "Italy", {"place"}),
             _span(text, "Netherlands", {"place", "organisation"}),
             _span(text, "Germany", {"place"})]  # fmt: skip
    found = name_lists(text, names)
    assert found[:4] == names  # each name is still a candidate alone
    [whole] = found[4:]
    assert whole.text == "France, Italy, the Netherlands and Germany"
    assert whole.text == text[whole.start : whole.end]
    assert whole.kinds == {"place"}


def test_names_apart_make_no_list():
    text = "France spoke first; later Italy replied."
    names = [_span(text, "France", {"place"}), _span(text, "Italy", {"place"})]
    assert name_lists(text, names) == names


def test_a_list_of_noun_phrases_is_not_the_subject_of_the_verb_after_it():
    text = "The Zulus carried spears and the British used rifles."
    words = tokens(text)
    lists = phrase_lists(text, words, noun_phrases(text, words))
    assert "spears and the British" not in [s.text for s in lists]


def test_noun_phrases_written_as_a_list_are_one_candidate():
    text = "The Zulus carried arrows, swords, and leather shields into battle."
    words = tokens(text)
    lists = [s.text for s in phrase_lists(text, words, noun_phrases(text, words))]
    assert "arrows, swords, and leather shields" in lists
    assert all(s == text[text.index(s) : text.index(s) + len(s)] for s in lists)


@pytest.mark.parametrize(
    ("text", "plain"),
    [("migration and urbanisation", True), ("luxurious parks and royal gardens", True),
     ("Senate and the House", False),
     # the next clause's subject, not a second item
     ("a bachelor's degree and the majority", False),
     ("intuition and the assumption", False), ("heat", False)],
)  # fmt: skip
def test_a_plain_list_opens_its_later_items_with_the_only_when_its_first_does(text, plain):
    assert plain_list(text) is plain
    # the text before the list says whether its first item opens with "the"
    assert plain_list(text, "It was passed by the ") is closed_list(text)
