"""The office a sentence writes with a person's name."""

from __future__ import annotations

import re

import pytest

from astana_qa.search.offices import office
from astana_qa.text.entities import Span


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """Lower-cased words: terms enough for the rule."""
    return [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\w+", text)]


def _name(text: str, name: str, kind: str = "person") -> Span:
    start = text.index(name)
    return Span(start, start + len(name), name, frozenset({kind}))


def _office(text: str, asked: str, *names: Span) -> str | None:
    found = office(text, [t for *_, t in term_spans(asked)], term_spans, names)
    return text[found[0] : found[1]] if found else None


@pytest.mark.parametrize(
    ("text", "asked", "expected"),
    [
        ("Turkey is represented by Deputy Foreign Minister Ahmet Yildiz, and Iran by Ali Khaji.",
         "Ahmet Yildiz", "Deputy Foreign Minister"),
        ("Turkey is represented by Deputy Foreign Minister Ahmet Yildiz, and Iran by Ali Khaji.",
         "Ali Khaji", None),  # "Iran by": no office
        ("Ahmed Touma, a member of the SNC delegation, confirmed their participation.",
         "Ahmed Touma", "a member of the SNC delegation"),
        ("The talks came from the UN envoy to Syria, Geir Pedersen, who held rounds.",
         "Geir Pedersen", "UN envoy to Syria"),
        ("Foreign Minister Lavrov and Iranian Foreign Minister Araghchi met.",
         "Araghchi", "Iranian Foreign Minister"),
        ("The Deputy Minister of Foreign Affairs and Expatriates, Bassam Sabbagh, spoke.",
         "Bassam Sabbagh", "Deputy Minister of Foreign Affairs and Expatriates"),
        ("On Tuesday UN envoy Geir Pedersen said the talks would go on.",
         "Geir Pedersen", "UN envoy"),
        ("Kazakhstan's foreign ministry spokesman Aibek Smadiyarov said so.",
         "Aibek Smadiyarov", "Kazakhstan's foreign ministry spokesman"),
        ("Russian President Vladimir Putin welcomed the results.", "Vladimir Putin",
         "Russian President"),
        ("The talks brought together Sergei Lavrov, the Iranian foreign minister Hossein "
         "Amir-Abdollahian and Turkish Foreign Minister Mevlut Cavusoglu.", "Sergei Lavrov", None),
        ("Russian diplomat Sergei Lavrov attended.", "Sergei Lavrov", "Russian diplomat"),
        ("Russian Sergei Lavrov attended.", "Sergei Lavrov", None),  # a nationality only
        # a connector right before the name: someone else's office, or a relation
        ("The meeting between President Vladimir Putin and Recep Erdogan lasted hours.",
         "Recep Erdogan", None),
        ("A spokesman for Antonio Guterres said the talks would go on.", "Antonio Guterres",
         None),
        ("Fighters loyal to Bashar Assad held the town.", "Bashar Assad", None),
    ],
)  # fmt: skip
def test_the_office_written_with_a_name(text, asked, expected):
    assert _office(text, asked) == expected


def test_an_office_ends_before_the_whole_name_the_recogniser_finds():
    text = "Russia sent its Special Envoy to Syria Alexander Lavrentiev to the talks."
    found = _office(
        text, "Lavrentiev", _name(text, "Alexander Lavrentiev"), _name(text, "Syria", "place")
    )
    assert found == "Special Envoy to Syria"
    text = "Foreign Ministry spokeswoman Maria Zakharova spoke."
    assert (
        _office(text, "Zakharova", _name(text, "Maria Zakharova")) == "Foreign Ministry spokeswoman"
    )


def test_a_place_after_a_preposition_is_no_part_of_the_office():
    text = "In Geneva UN envoy Geir Pedersen met the delegations."
    assert _office(text, "Geir Pedersen", _name(text, "Geneva", "place")) == "UN envoy"


def test_a_phrase_after_the_name_must_close_and_name_nobody_else():
    text = "Sergei Lavrov, the Russian minister Hossein Amir said."
    assert _office(text, "Sergei Lavrov", _name(text, "Hossein Amir")) is None
