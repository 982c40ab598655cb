"""Abbreviations spelled out (`search/initials.py`)."""

import pytest

from astana_qa.search.initials import spelled_out, spells
from astana_qa.text.entities import tokens


@pytest.mark.parametrize(
    ("text", "letters", "spelled"),
    [("Syrian National Council", "snc", True),
     ("Festival of the Arts", "fota", True),  # with its small words
     ("Front Islamique de Salut", "fis", True),  # without them
     ("Very high-speed Backbone Network Service", "vbns", True),
     ("Command/Service Module", "csm", True),
     ("National Council", "snc", False),
     ("a few cars", "afc", False),  # ordinary lower-case words spell nothing
     ("Arsenal fans cheered", "afc", False),
     ("Franco–Prussian War", "fpw", True)],
)  # fmt: skip
def test_initials_spell_an_abbreviation(text, letters, spelled):
    assert spells(text, letters) is spelled


def test_the_words_spelling_an_abbreviation_start_and_end_with_its_letters():
    text = "Members of the American Association of Retired Persons to just vote."
    assert [s.text for s in spelled_out(text, tokens(text), "AARP")] == [
        "American Association of Retired Persons"
    ]
