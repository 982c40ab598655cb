"""What became of the thing a "What happened to X?" question names."""

from __future__ import annotations

import re

import pytest

from astana_qa.search.events import asked_subject, happened_clause


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """Lower-cased words, "'s" and a plural "s" left out: terms enough for the rule."""
    return [(m.start(), m.end(), m.group(1).lower().removesuffix("s"))
            for m in re.finditer(r"(\w+)(?:'s)?", text)]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What happened to the ferry?", "the ferry"),
        ("what has happened to the harbour council", "the harbour council"),
        ("What happened at the harbour?", None),
        ("Who happened to be there?", None),
    ],
)
def test_the_subject_asked_about(question, subject):
    assert asked_subject(question) == subject


@pytest.mark.parametrize(
    ("text", "subject", "answer"),
    [
        ("In 1966 the harbour mission was canceled, since the ferry was late.",
         "the harbour mission originally", "canceled"),
        ("The council's yearly budget also began to shrink after the storm.",
         "the council's budget after the storm", "began to shrink"),
        ("The old ferries became museum exhibits in 1990.", "the old ferries",
         "became museum exhibits"),
        ("Officials said the ferry service would resume in May.", "the ferry", None),
        # found by a review: a subject of two nouns, meaning kept, particles, phrases
        ("The tax cut was reversed in 2020 after a shortfall.", "the tax cut", "reversed"),
        ("The Helios satellite was never launched.", "the Helios satellite", "never launched"),
        ("Engineers warned the old bridge could collapse soon.", "the old bridge",
         "could collapse"),
        ("The deal was called off on Monday.", "the deal", "called off"),
        ("The captain of the Meridian ferry was arrested.", "the Meridian ferry", None),
        ("The Delta rocket planned for June was delayed.", "the Delta rocket", None),
        ("The Kestrel satellite carrying two cameras burned up.", "the Kestrel satellite",
         None),
    ],
)  # fmt: skip
def test_what_became_of_the_subject(text, subject, answer):
    clause = happened_clause(text, subject, term_spans)
    assert (text[clause[0] : clause[1]] if clause else None) == answer
