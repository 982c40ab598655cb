"""The records handed to interfaces (`records.py`): `Answer.to_dict()` is the JSON
contract, written out by hand for speed; it must stay what `dataclasses.asdict` gives."""

from __future__ import annotations

import dataclasses

import pytest

from astana_qa.records import Answer, Citation, Span, Variant


def full_answer() -> Answer:
    span = Span("a.txt", 10, 20)
    citation = Citation(1, "a.txt", "Title", "2024-01-24", 0, 40, "Some text.", 1.5,
                        ["2024-01-24"])  # fmt: skip
    return Answer(
        question="Who?", answered=True, answer="Someone", confidence=0.8,
        citations=[citation], took_ms=1.0, as_of="2024-01-24", answer_type="person",
        answer_span=span, supported_by=[1], variants=[Variant("Someone", span, [1])],
        reason=None,
    )  # fmt: skip


@pytest.mark.parametrize("answer", [full_answer(), Answer("Why?", False, None, 0.0, reason="x")])
def test_to_dict_is_what_asdict_gives(answer):
    assert answer.to_dict() == dataclasses.asdict(answer)
    assert list(answer.to_dict()) == list(dataclasses.asdict(answer))


def test_to_dict_copies_the_lists():
    answer = full_answer()
    data = answer.to_dict()
    data["citations"][0]["dates"].append("2025-01-01")
    data["supported_by"].append(9)
    data["variants"][0]["supported_by"].append(9)
    assert answer.citations[0].dates == ["2024-01-24"]
    assert answer.supported_by == [1]
    assert answer.variants[0].supported_by == [1]
