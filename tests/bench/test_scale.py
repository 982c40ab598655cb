import hashlib

import pytest

from astana_qa import QAEngine
from astana_qa.bench import scale
from astana_qa.bench.cli import format_scale
from astana_qa.bench.scale import bench, make_scale_corpus, run_job

ARTICLES = {
    f"{name}.txt": f"News from {name.title()} this week\n\n"
    f"The council of {name.title()} approved a new harbour in March 2021 after long talks.\n"
    f"Mayor Ivanova of {name.title()} said the harbour would create many jobs for the city.\n"
    for name in ("varna", "burgas", "sozopol")
}


def test_scale_corpus_copies_are_distinct_files(make_corpus, tmp_path):
    source = make_corpus(ARTICLES)
    assert make_scale_corpus(source, tmp_path / "scale", 20, 4) == 5
    files = sorted((tmp_path / "scale").glob("*.txt"))
    assert len(files) == 15
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 15
    assert make_scale_corpus(source, tmp_path / "scale", 20, 4) == 5  # reused as it is


QUESTIONS = ["Who approved the harbour?", "What did the mayor of Varna say?"]
FIGURES = {"build_s", "open_s", "index_mb", "p50_ms", "p99_ms", "rss_mb"}


def test_bench_smoke_reports_every_system(make_corpus, tmp_path, monkeypatch):
    # The numba line is measured by the test below, when numba is installed.
    monkeypatch.setattr(scale, "numba_installed", lambda: False)
    result = bench(make_corpus(ARTICLES), tmp_path / "work", 30, QUESTIONS, progress=print)
    assert result["sentences"] >= 30
    for system in ("astana_qa", "bm25s_numpy", "rank_bm25"):
        figures = result[system]
        assert set(figures) >= FIGURES
        assert figures["p50_ms"] > 0 and figures["rss_mb"] > 0
    assert result["bm25s_numpy"]["name"] == "bm25s (NumPy backend, reference)"
    assert "top_scores" not in result["bm25s_numpy"]
    assert result["bm25s_numba"] is None and "astana_qa_vs_fastest" not in result
    # A small corpus is its own tokenizer sample: adding to it re-analyses it all.
    assert result["astana_qa"]["add_one_s"] > 0 and result["astana_qa"]["analysed"] >= 1
    assert result["astana_qa"]["change_one_s"] > 0 and result["astana_qa"]["remove_one_s"] > 0
    # measured as `serve` answers: after its warm-up, the first question timed apart
    assert result["astana_qa"]["warm_up_s"] > 0 and result["astana_qa"]["first_question_ms"] > 0
    # and the command itself, to its first answer over HTTP (not compared with the job
    # above: that one compiles the scoring loops when numba's cache is empty, as in CI)
    started = result["astana_qa"]["serve_first_answer_s"]
    table = format_scale(result)
    assert "astana-qa ready to serve in" in table
    assert f"first answer came {started:.2f} s after the command started" in table
    assert "after changing one article of the full build" in table
    assert "bm25s (NumPy backend, reference)" in table
    assert "bm25s (numba backend, fastest)" in table and "numba is not installed" in table


def test_changing_and_removing_one_article_puts_both_back(make_corpus, tmp_path):
    corpus = make_corpus({**ARTICLES, "zeta.txt": ARTICLES["varna.txt"].replace("Varna", "Zeta")})
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    QAEngine.open(corpus, tmp_path / "index")
    figures = scale.job_astana_change_one(str(corpus), str(tmp_path / "index"))
    assert figures["change_one_s"] > 0 and figures["remove_one_s"] > 0
    assert figures["change_analysed"] >= 1
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    assert QAEngine.open(corpus, tmp_path / "index").stats.build is None


@pytest.fixture(scope="module")
def bm25s_index(tmp_path_factory):
    """A bm25s index saved from this engine's index of three copies of the articles."""
    pytest.importorskip("bm25s")
    work = tmp_path_factory.mktemp("bm25s")
    (work / "source").mkdir()
    for name, text in ARTICLES.items():
        (work / "source" / name).write_text(text, "utf-8")
    make_scale_corpus(work / "source", work / "corpus", 3, 1)
    run_job("job_astana_build", str(work / "corpus"), str(work / "index"))
    run_job("job_bm25s_build", str(work / "index"), str(work / "bm25s"))
    return str(work / "bm25s")


def test_bm25s_numba_backend_agrees_with_numpy(bm25s_index):
    pytest.importorskip("numba")
    numba = run_job("job_bm25s_serve", bm25s_index, QUESTIONS, "numba")
    numpy = run_job("job_bm25s_serve", bm25s_index, QUESTIONS, "numpy")
    assert set(numba) >= {"open_s", "first_question_ms", "p50_ms", "p99_ms", "rss_mb"}
    assert len(numba["top_scores"]) == 2 and all(len(t) == 10 for t in numba["top_scores"])
    assert scale._same_top_scores(numba["top_scores"], numpy["top_scores"]) == 2


def test_same_top_scores_counts_agreeing_questions(bm25s_index):
    tops = run_job("job_bm25s_serve", bm25s_index, QUESTIONS, "numpy")["top_scores"]
    assert len(tops) == 2 and all(len(t) == 10 for t in tops)
    assert scale._same_top_scores(tops, tops) == 2
    assert scale._same_top_scores(tops, [tops[0], [s + 0.1 for s in tops[1]]]) == 1


def _line(name: str, p50: float, p99: float, tops: list[list[float]]) -> dict:
    figures = {"build_s": 2.0, "open_s": 0.01, "index_mb": 3.0, "first_question_ms": 900.0}
    return {"name": name, **figures, "p50_ms": p50, "p99_ms": p99, "rss_mb": 50.0,
            "top_scores": tops}  # fmt: skip


def test_astana_qa_is_stated_as_a_multiple_of_the_fastest_line():
    lines = {
        "bm25s_numba": _line("bm25s (numba backend, fastest)", 2.0, 4.0, [[3.0, 1.0], [2.0]]),
        "bm25s_numpy": _line("bm25s (NumPy backend, reference)", 50, 80, [[3.0, 1.0], [2.5]]),
    }
    astana = {"build_s": 9.0, "open_s": 0.5, "index_mb": 30.0, "p50_ms": 20.0,
              "p99_ms": 60.0, "rss_mb": 400.0, "add_one_s": 1.0, "analysed": 1}  # fmt: skip
    compared = scale.compare_to_fastest(astana, lines)
    assert compared["bm25s_backends_agree"] == {"questions": 2, "agreeing": 1}
    assert compared["astana_qa_vs_fastest"] == {
        "against": "bm25s (numba backend, fastest)", "p50_ms_times": 10.0, "p99_ms_times": 15.0
    }  # fmt: skip
    assert all("top_scores" not in line for line in lines.values())
    plain = {"build_s": 1.0, "open_s": None, "index_mb": None, "p50_ms": 900.0,
             "p99_ms": 990.0, "rss_mb": 500.0}  # fmt: skip
    result = {"sentences": 100, "astana_qa": astana, **lines, "rank_bm25": plain, **compared}
    table = format_scale(result)
    assert "10.0x (p50) and 15.0x (p99) that of bm25s (numba backend, fastest)" in table
    assert "same top-10 scores: 1 of 2 questions" in table
    assert "bm25s (NumPy backend, reference)" in table
