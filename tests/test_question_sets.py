"""The question sets kept in tests/ (docs/benchmarks.md, "The question sets"): each line
reads; every short answer is written in one of the articles its line names, and each of
those articles writes one of them, folded as `is_hit` folds them ("Yıldız" is
"Yildiz"; sources may spell a name differently: "Ahmet Toma", "Ahmed Touma"), though
anywhere in the article, not in one passage. So a set measures the engine, not a typo
in the set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from astana_qa.text.analysis import fold

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
SQUAD = HERE.parent.parent / "shared" / "benchmarks" / "squad-dev" / "corpus"
SETS = [*sorted(HERE.glob("*_questions.jsonl")), HERE / "qa_pairs.jsonl"]
# Sets over the squad-dev articles: key-word searches and questions in readers' words.
SQUAD_SETS = sorted(HERE.glob("squad_*.jsonl"))
# Sets written before lines named their sources (they carry a "note" instead).
_NO_SOURCES = frozenset({"blind2_questions.jsonl", "blind3_questions.jsonl"})


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _check(path: Path, corpus: Path) -> None:
    checked = 0
    for item in _lines(path):
        assert item["question"].strip(), path.name
        answers, sources = item.get("answers", []), item.get("sources", [])
        if path.name in _NO_SOURCES:
            continue
        assert bool(answers) == bool(sources), f"{path.name}: {item['question']!r}"
        if not answers:
            continue  # unanswerable
        checked += 1
        texts = {s: fold((corpus / s).read_text(encoding="utf-8")) for s in sources}
        answers = [fold(a) for a in answers]
        where = f"{path.name}: {item['question']!r}"
        for answer in answers:
            assert any(answer in t for t in texts.values()), f"{where}: {answer!r} in no source"
        for source, text in texts.items():
            assert any(a in text for a in answers), f"{where}: {source} states no answer"
    assert checked or path.name in _NO_SOURCES, f"{path.name}: no line names its sources"


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_seed_question_sets_quote_their_sources(path):
    _check(path, SEEDS)


@pytest.mark.parametrize("path", SQUAD_SETS, ids=lambda p: p.name)
def test_squad_sets_quote_their_sources(path):
    if not SQUAD.is_dir():
        pytest.skip("the squad-dev articles are not beside this checkout")
    _check(path, SQUAD)
