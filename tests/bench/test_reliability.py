"""`astana-qa-bench reliability`: a short run against a real `astana-qa serve`."""

import random
from pathlib import Path

from astana_qa import QAEngine
from astana_qa.bench.cli import main as bench_main
from astana_qa.bench.reliability import format_reliability, random_long_question, run_reliability
from astana_qa.search.query import validate_question
from astana_qa.settings import MAX_QUESTION_CHARS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_long_questions_are_just_under_the_limit():
    question = random_long_question(random.Random(1))
    assert MAX_QUESTION_CHARS - 30 < len(question) <= MAX_QUESTION_CHARS
    assert validate_question(question) == question


def test_a_short_run_counts_every_kind_of_client_and_no_5xx(tmp_path):
    index = tmp_path / "index"
    QAEngine.open(SEEDS, index)
    phases = run_reliability(
        ["Who represented Turkey?"], str(SEEDS), str(index), seconds=2, clients=1,
        hostile=1, threads=4, kinds=("slow_clients", "oversized_bodies"),
    )  # fmt: skip
    quiet, hostile = phases
    assert quiet.clients["ordinary"].statuses[200] > 0
    assert hostile.clients["ordinary"].statuses[200] > 0
    assert hostile.clients["oversized_bodies"].statuses[413] > 0
    assert all(s.server_errors == 0 for p in phases for s in p.clients.values())
    table = format_reliability(phases)
    assert "| oversized_bodies |" in table and "413: " in table and "Goal (ordinary p99" in table


def test_an_unknown_hostile_kind_is_one_line(capsys):
    assert bench_main(["reliability", "--kinds", "floods"]) == 2
    assert "unknown hostile kind 'floods'" in capsys.readouterr().err
