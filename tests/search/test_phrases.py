"""Where a noun phrase of a tagged sentence ends."""

from __future__ import annotations

import pytest

from astana_qa.search.phrases import phrase_from
from astana_qa.text.entities import tokens


def _phrase(text: str, first_word: str) -> str:
    words = [w for w in tokens(text) if w.text.strip()]
    start, end = phrase_from(words, next(i for i, w in enumerate(words) if w.text == first_word))
    return text[start:end]


@pytest.mark.parametrize(
    ("text", "first", "expected"),
    [
        ("The guarantors are Russia, Turkey and Iran.", "Russia", "Russia, Turkey and Iran"),
        ("The observers were Jordan, Iraq, and Lebanon.", "Jordan", "Jordan, Iraq, and Lebanon"),
        ("It is a body of treaties and legislation, such as Regulations and Directives.", "a",
         "a body of treaties and legislation"),
        ("It is a mechanism set up by Russia, Turkey and Iran in 2017, say diplomats.", "a",
         "a mechanism set up by Russia, Turkey and Iran"),
        ("“The format is the only working mechanism.”", "the", "the only working mechanism"),
        ("It is a forum (founded in 2017).", "a", "a forum (founded in 2017)"),
        ("It is a forum…", "a", "a forum"),
        # what follows the comma says who says so, or is another clause: no list
        ("It is the only working mechanism, diplomats and analysts say.", "the",
         "the only working mechanism"),
        ("It is the main opposition bloc, Russia, Turkey and Iran agreed.", "the",
         "the main opposition bloc"),
        ("It is one of the groups, and Moscow is its host.", "one", "one of the groups"),
    ],
)  # fmt: skip
def test_a_noun_phrase_ends_at_a_comma_unless_a_list_goes_on(text, first, expected):
    assert _phrase(text, first) == expected
