"""Every fixed question/answer pair of the seeds (tests/qa_pairs.jsonl)."""

import json
from pathlib import Path

import pytest

from astana_qa.text.analysis import fold

PAIRS_FILE = Path(__file__).with_name("qa_pairs.jsonl")
PAIRS = [json.loads(line) for line in PAIRS_FILE.read_text("utf-8").splitlines() if line.strip()]


def test_the_suite_is_big_enough():
    assert len(PAIRS) >= 60
    assert sum(not p["answers"] for p in PAIRS) >= 10


@pytest.mark.parametrize("pair", PAIRS, ids=[p["question"][:60] for p in PAIRS])
def test_pair(seed_engine, seed_texts, pair):
    answer = seed_engine.ask(pair["question"], k=5)
    got = [(c.source, c.text) for c in answer.citations[:3]]
    report = (
        f"\nquestion: {pair['question']}\nexpected: {pair['answers']} from {pair['sources']}"
        f"\nanswered: {answer.answered} (confidence {answer.confidence})\ngot: {got}"
    )
    for c in answer.citations:
        assert seed_texts[c.source][c.start : c.end] == c.text, report
    if not pair["answers"]:
        assert not answer.answered and answer.answer is None, report
        return
    assert answer.answered, report
    top = answer.citations[0]
    assert top.source in pair["sources"], report
    assert any(fold(a) in fold(top.text) for a in pair["answers"]), report


# The share of answerable pairs whose short answer must hold one of the pair's answers
# or lie within it (folded): 67 of 69 did when this floor was last raised, at 0.2.13 (62
# at 0.2.8, 60 at 0.2.6). A floor, not a list of the pairs that fail, so that no question is
# special-cased; raise it as short answers improve.
SHORT_ANSWER_FLOOR = 0.97


def test_short_answers_of_the_pairs(seed_engine):
    answerable = [p for p in PAIRS if p["answers"]]
    missed = []
    for pair in answerable:
        short = seed_engine.ask(pair["question"], k=5).answer or ""
        folded = fold(short)
        holds = any(fold(a) in folded or folded in fold(a) for a in pair["answers"])
        if len(folded) < 2 or not holds:
            missed.append(f"{pair['question']} -> {short!r} (expected {pair['answers']})")
    share = 1 - len(missed) / len(answerable)
    assert share >= SHORT_ANSWER_FLOOR, f"{share:.2f} of short answers hold:\n" + "\n".join(missed)
