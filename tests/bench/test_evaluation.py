import json

import pytest

from astana_qa.bench.evaluation import (
    EvalQuestion,
    as_capitals,
    as_title,
    as_typed,
    is_hit,
    read_questions,
)
from astana_qa.cli import main
from astana_qa.errors import QAError
from astana_qa.records import Citation

ARTICLES = {
    "harbour.txt": "Harbour opens in Varna\n\n"
    "The minister opened the new container harbour in Varna on Sunday morning.\n\n"
    "The harbour cost 300 million euros and will handle two million containers a year.\n",
    "bridge.txt": "Danube bridge closes\n\n"
    "The old bridge over the Danube river closed for repairs in the spring of 2021.\n\n"
    "Engineers found deep cracks in two of the bridge's five steel arches.\n",
}


def citation(source: str, start: int, end: int, text: str) -> Citation:
    return Citation(1, source, None, None, start, end, text, 1.0)


def test_hit_by_offset_or_by_text():
    c = citation("a.txt", 10, 30, "The Varna harbour opened")
    assert is_hit(c, EvalQuestion("q", ["x"], ["a.txt"], [12]))
    assert not is_hit(c, EvalQuestion("q", ["x"], ["a.txt"], [30]))
    assert is_hit(c, EvalQuestion("q", ["VARNA"], ["a.txt"]))
    assert not is_hit(c, EvalQuestion("q", ["Varna"], ["b.txt"]))


def test_both_file_formats_are_read(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(
        json.dumps({"question": "a?", "answers": ["x"], "sources": ["f.txt"]}) + "\n\n"
        + json.dumps({"id": "1", "question": "b?", "source": "g.txt", "answers": ["y"],
                      "answer_starts": [4]}) + "\n"
    )  # fmt: skip
    assert read_questions(path) == [
        EvalQuestion("a?", ["x"], ["f.txt"]),
        EvalQuestion("b?", ["y"], ["g.txt"], [4]),
    ]
    assert len(read_questions(path, limit=1)) == 1


def test_bad_question_file_is_a_clear_error(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "a?"}\n')
    with pytest.raises(QAError, match=r"q.jsonl:1"):
        read_questions(path)


def test_eval_json_figures_match_hand_computed_values(make_corpus, tmp_path, capsys):
    corpus = make_corpus(ARTICLES)
    questions = [
        # Hit at rank 1.
        {"question": "How much did the container harbour in Varna cost?",
         "answers": ["300 million"], "sources": ["harbour.txt"]},
        # Answerable, but the acceptable source is wrong on purpose: a miss at every rank.
        {"question": "How much did the container harbour in Varna cost?",
         "answers": ["300 million"], "sources": ["bridge.txt"]},
        # Unanswerable and abstained on (the corpus never names Lisbon).
        {"question": "Who built the harbour in Lisbon?", "answers": [], "sources": []},
        # Unanswerable, but on topic enough that the engine answers: a wrong answer.
        {"question": "When did the Danube bridge close for repairs?", "answers": [],
         "sources": []},
    ]  # fmt: skip
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(json.dumps(q) for q in questions))
    argv = ["eval", str(qfile), "--corpus", str(corpus), "--index", str(tmp_path / "i"), "--json"]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["questions"] == 4 and report["answerable"] == 2
    assert report["p_at_1"] == 0.5
    assert report["mrr_at_10"] == 0.5
    assert report["recall_at_5"] == 0.5 and report["recall_at_10"] == 0.5
    # One abstention, and it was right: precision 1/1; one of two unanswerable caught.
    assert report["abstention_precision"] == 1.0
    assert report["abstention_recall"] == 0.5
    assert report["wrongly_abstained"] == 0.0
    assert report["citation_validity"] == 1.0
    assert set(report["latency_ms"]) == {"p50", "p95", "p99"}


def test_eval_writes_failures(make_corpus, tmp_path, capsys):
    corpus = make_corpus(ARTICLES)
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"question": "Who built the harbour in Lisbon?", "answers": ["x"],
                                 "sources": ["harbour.txt"]}))  # fmt: skip
    failures = tmp_path / "fail.jsonl"
    argv = ["eval", str(qfile), "--corpus", str(corpus), "--index", str(tmp_path / "i")]
    assert main([*argv, "--failures", str(failures)]) == 0
    missed = [json.loads(line) for line in failures.read_text().splitlines()]
    assert [m["question"] for m in missed] == ["Who built the harbour in Lisbon?"]
    assert "P@1" in capsys.readouterr().out


def test_eval_typed_asks_each_question_in_lower_case_without_its_mark(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"question": "Who built the harbour in Lisbon?", "answers": ["x"],
                                 "sources": ["harbour.txt"]}))  # fmt: skip
    failures = tmp_path / "fail.jsonl"
    argv = ["eval", str(qfile), "--corpus", str(corpus), "--index", str(tmp_path / "i"), "--typed"]
    assert main([*argv, "--failures", str(failures)]) == 0
    missed = [json.loads(line) for line in failures.read_text().splitlines()]
    assert [m["question"] for m in missed] == ["who built the harbour in lisbon"]


def test_as_typed_is_in_lower_case_without_its_question_mark():
    item = EvalQuestion("Who built the Harbour in Varna? ", ["x"], ["a.txt"])
    assert as_typed(item) == EvalQuestion("who built the harbour in varna", ["x"], ["a.txt"])


def test_as_title_capitalises_every_word():
    item = EvalQuestion("who led al-Assad's team in varna?", ["x"], ["a.txt"])
    assert as_title(item).question == "Who Led Al-Assad's Team In Varna?"


def test_as_capitals_writes_the_question_in_capitals_only():
    assert as_capitals(EvalQuestion("Who led it?", ["x"], ["a.txt"])).question == "WHO LED IT?"
