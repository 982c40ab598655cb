"""Persons' offices and titles around their names (`search/titles.py`)."""

import pytest

from astana_qa.search.titles import (
    appositive_offices,
    appositive_title_start,
    subordinate_before,
    titled,
)
from astana_qa.text.entities import Span, tokens


def _person(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(start, start + len(name), name, frozenset({"person"}))


@pytest.mark.parametrize(
    ("text", "name", "role", "holds"),
    [("The talks were opened by Special Envoy to Norway Karl Berg.", "Karl Berg", "envoy", True),
     ("They met the UN envoy to Chile, Ana Ruiz, on Monday.", "Ana Ruiz", "envoy", True),
     ("Omar Ali, a senior adviser, spoke first.", "Omar Ali", "adviser", True),
     # a title making the person second to the office: no holder, but a deputy
     ("Deputy Foreign Minister Lena Holm arrived.", "Lena Holm", "minister", None),
     # the office belongs to someone else
     ("He is an adviser to Lena Holm.", "Lena Holm", "adviser", False),
     ("Lena Holm arrived late.", "Lena Holm", "minister", False)],
)  # fmt: skip
def test_a_person_holds_the_role_written_beside_the_name(text, name, role, holds):
    words = tokens(text)
    starts = [w.start for w in words]
    assert titled(text, words, starts, _person(text, name), {role}) is holds


def test_the_office_before_a_name_and_a_comma_is_found_whole():
    text = "It is headed by Deputy Minister of Ports and Harbours, Ivo Tamm."
    words = tokens(text)
    starts = [w.start for w in words]
    [(start, end)] = appositive_offices([_person(text, "Ivo Tamm")], words, starts)
    assert text[start:end].strip(", ") == "Deputy Minister of Ports and Harbours"
    first = next(i for i, w in enumerate(words) if w.text == "Ivo")
    assert words[appositive_title_start(words, first)].text == "Deputy"


def test_a_list_of_titled_names_is_no_office():
    text = "It was signed by President Karl Berg, Ivo Tamm and others."
    words = tokens(text)
    starts = [w.start for w in words]
    people = [_person(text, "President Karl Berg"), _person(text, "Ivo Tamm")]
    assert appositive_offices(people, words, starts) == []


def test_an_office_opens_with_a_title_word_written_capitalised():
    """ "Chile's new envoy, Ana Ruiz": lower-case words and no title word before the
    comma make no office, so nothing before the name is cut from the answers."""
    text = "They met Chile's new envoy, Ana Ruiz, on Monday."
    words = tokens(text)
    starts = [w.start for w in words]
    first = next(i for i, w in enumerate(words) if w.text == "Ana")
    assert appositive_title_start(words, first) == first
    assert appositive_offices([_person(text, "Ana Ruiz")], words, starts) == []


@pytest.mark.parametrize(
    ("text", "name", "deputy"),
    [
        (
            "It was attended by the United Nations Deputy Special Representative for Syria "
            "Najat Rochdi.",
            "Najat Rochdi",
            True,
        ),  # beyond the title's reach
        (
            "Deputy Foreign Minister Ivo Petrov and UN envoy Geir Pedersen attended.",
            "Geir Pedersen",
            False,
        ),  # another person's title
        (
            "The deputy spoke, then the UN envoy to Syria, Geir Pedersen, opened the talks.",
            "Geir Pedersen",
            False,
        ),
    ],
)
def test_a_deputy_word_before_the_name_is_read_back_to_a_break(text, name, deputy):
    words = tokens(text)
    starts = [w.start for w in words]
    assert subordinate_before(words, starts, _person(text, name)) is deputy
