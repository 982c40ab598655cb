"""Defects found by an adversarial pass over index folders and corpora: each test
failed before its fix."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from astana_qa import QAEngine, QAError
from astana_qa.cli import main
from astana_qa.index import store
from astana_qa.index.store import verify_index

ARTICLE = (
    "Harbour opens in Varna\n\n"
    "The minister opened the new container harbour in Varna on Sunday morning.\n\n"
    "The harbour cost 300 million euros and will handle two million containers a year.\n"
)
QUESTION = "How much did the harbour cost?"


@pytest.fixture
def corpus(make_corpus) -> Path:
    return make_corpus({"a.txt": ARTICLE})


def answer(engine: QAEngine) -> dict:
    return {**engine.ask(QUESTION).to_dict(), "took_ms": 0}


def test_a_folder_with_a_foreign_manifest_is_never_touched(corpus, tmp_path):
    user = tmp_path / "u1"
    (user / "photos").mkdir(parents=True)
    (user / "manifest.json").write_text('{"name":"app"}')
    (user / "thesis.docx").write_text("x")
    (user / "photos" / "a.jpg").write_text("y")
    assert main(["index", "--corpus", str(corpus), "--index", str(user)]) == 2
    assert (user / "manifest.json").read_text() == '{"name":"app"}'
    assert (user / "thesis.docx").read_text() == "x"
    assert (user / "photos" / "a.jpg").read_text() == "y"


@pytest.mark.parametrize("entry", ["cache/important.db", "segments/part1.ts"])
def test_a_folder_with_index_like_names_is_never_touched(corpus, tmp_path, entry):
    user = tmp_path / "u2"
    (user / entry).parent.mkdir(parents=True)
    (user / entry).write_text("keep me")
    with pytest.raises(QAError, match="not an astana-qa index"):
        QAEngine.open(corpus, user)
    assert (user / entry).read_text() == "keep me"


def test_files_a_user_puts_into_an_index_folder_are_kept(corpus, tmp_path):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    (index / "notes.txt").write_text("mine")
    QAEngine.open(corpus, index, rebuild=True)
    assert (index / "notes.txt").read_text() == "mine"


def test_an_index_whose_manifest_was_deleted_is_rebuilt(corpus, tmp_path):
    index = tmp_path / "index"
    expected = answer(QAEngine.open(corpus, index))
    (index / "manifest.json").unlink()
    for args in ([], ["--rebuild"]):
        assert main(["index", "--corpus", str(corpus), "--index", str(index), *args]) == 0
    assert answer(QAEngine.open(corpus, index)) == expected


def test_an_interrupted_first_build_is_recovered(corpus, tmp_path, monkeypatch):
    index = tmp_path / "index"

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # as if the process died while writing a generation

    monkeypatch.setattr(store, "_write_generation", killed)
    with pytest.raises(KeyboardInterrupt):
        QAEngine.open(corpus, index)
    monkeypatch.undo()
    (index / ".tmp-gen-1-999").mkdir()  # what a SIGKILL would have left
    engine = QAEngine.open(corpus, index)
    assert engine.ask(QUESTION).answered
    assert not list(index.glob(".tmp-*"))


def test_a_symlink_out_of_the_corpus_is_not_read(corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Passwords\n\nThe root password of the harbour server is hunter2 today.\n")
    (corpus / "passwd.txt").symlink_to(secret)
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert [s.file for s in engine.sources()] == ["a.txt"]
    assert engine.source_text("passwd.txt") is None


def test_an_oversized_article_is_skipped_not_fatal(corpus, tmp_path):
    (corpus / "huge.txt").write_text("word " * 100_000)  # one 500,000-character line
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert [s.file for s in engine.sources()] == ["a.txt"]
    assert any("huge.txt" in s and "line" in s for s in engine.stats.skipped)


def _segment_file(index: Path, name: str) -> Path:
    return next((index / "segments").glob(f"*/{name}"))


def test_an_empty_segment_file_means_a_rebuild(corpus, tmp_path):
    index = tmp_path / "index"
    expected = answer(QAEngine.open(corpus, index))
    _segment_file(index, "sentence.tf.npy").write_bytes(b"")
    engine = QAEngine.open(corpus, index)
    assert engine.stats.rebuilt
    assert answer(engine) == expected


def test_a_segment_file_damaged_in_place_means_a_rebuild(corpus, tmp_path):
    index = tmp_path / "index"
    expected = answer(QAEngine.open(corpus, index))
    path = _segment_file(index, "sentence.tf.npy")
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x7F  # same size, other counts
    path.write_bytes(bytes(data))
    assert main(["index", "--verify", "--index", str(index)]) == 1
    engine = QAEngine.open(corpus, index)
    assert engine.stats.rebuilt
    assert answer(engine) == expected
    assert main(["index", "--verify", "--index", str(index)]) == 0


def test_verify_says_an_older_format_is_rebuilt_on_opening_not_damaged(corpus, tmp_path):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    manifest = json.loads((index / "manifest.json").read_text())
    manifest["format"] -= 1
    (index / "manifest.json").write_text(json.dumps(manifest))
    (problem,) = verify_index(index)
    assert "opening it rebuilds it" in problem


@pytest.mark.parametrize("damage", [{"generation": "abc"}, {"segments": 5}, {"cache": []}])
def test_a_malformed_manifest_means_a_rebuild(corpus, tmp_path, damage):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    manifest = json.loads((index / "manifest.json").read_text())
    (index / "manifest.json").write_text(json.dumps({**manifest, **damage}))
    assert main(["index", "--rebuild", "--corpus", str(corpus), "--index", str(index)]) == 0


def test_an_unwritable_index_is_one_clear_error(corpus, tmp_path, monkeypatch, capsys):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(np, "save", denied)
    code = main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index")])
    assert code == 2
    err = capsys.readouterr().err
    assert "Cannot write the index" in err and "Traceback" not in err


def test_a_file_given_as_corpus_is_named_as_such(tmp_path, capsys):
    not_a_folder = tmp_path / "article.txt"
    not_a_folder.write_text(ARTICLE)
    assert main(["ask", "x", "--corpus", str(not_a_folder), "--index", str(tmp_path / "i")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_failures_into_a_missing_folder_fail_before_evaluating(corpus, tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"question": QUESTION, "answers": ["300"]}) + "\n")
    missing = tmp_path / "nowhere" / "failures.jsonl"
    args = ["eval", str(questions), "--corpus", str(corpus), "--index", str(tmp_path / "i")]
    assert main([*args, "--failures", str(missing)]) == 2
    assert "folder does not exist" in capsys.readouterr().err


WORKER_SCRIPT = """
import os, sys, time
from astana_qa.index import build
def slow(text):
    print(f"{os.getpid()}\\n", end="", flush=True)  # one write: workers print at once
    time.sleep(60)
build._analyse_in_worker = slow
build.PARALLEL_MIN_CHARS = 0
from astana_qa import QAEngine
QAEngine.open(sys.argv[1], sys.argv[2])
"""


def test_worker_processes_die_with_their_parent(make_corpus, tmp_path):
    corpus = make_corpus({f"{i}.txt": ARTICLE + f"\nIt is story {i}.\n" for i in range(4)})
    process = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT, str(corpus), str(tmp_path / "index")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    worker = int(process.stdout.readline())
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the worker outlived its parent")


def test_guessing_is_bounded_per_question(corpus, tmp_path):
    engine = QAEngine.open(corpus, tmp_path / "index")
    words = " ".join(f"zqxw{chr(97 + i)}{chr(98 + i)}vbnm" for i in range(20))
    query = engine.read(f"How much did the harbour cost {words}?")
    guesses = engine.matcher._match_unknown.cache_info().currsize
    assert guesses <= engine.settings.ranking.max_guessed_words
    assert "harbour" in query.terms
