import json
from pathlib import Path

import pytest

from astana_qa.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def index_dir(tmp_path):
    return str(tmp_path / "index")


def test_index_prints_counts(capsys, index_dir):
    assert main(["index", "--corpus", str(SEEDS), "--index", index_dir]) == 0
    out = capsys.readouterr().out
    assert "documents: 5" in out and "sentences:" in out and "time:" in out


def test_ask_prints_numbered_citations(capsys, index_dir):
    args = ["ask", "Who represented Turkey?", "--corpus", str(SEEDS), "--index", index_dir]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "[1] 000_fa7c293993dbe315.txt:" in out
    assert "Yıldız" in out
    # an article without a title or a date says so, in words
    assert "(untitled; dated 2024-01-24)" in out


def test_ask_shows_a_quote_of_a_wrapped_article_on_one_line(capsys, tmp_path, index_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(
        "Council approves harbour\n\nThe city council of Varna voted on Tuesday to approve\n"
        "a plan for a new container harbour, officials said. It will cost\n"
        "300 million euros and open in 2027, the mayor said on Tuesday.\n",
        "utf-8",
    )
    args = ["ask", "How much will the harbour cost?", "--corpus", str(corpus), "--index", index_dir]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "    It will cost 300 million euros and open in 2027, the mayor said on Tuesday." in out


def test_ask_says_when_an_article_states_no_date(capsys, index_dir):
    args = ["ask", "When will the 21st round take place?", "--corpus", str(SEEDS)]
    assert main([*args, "--index", index_dir]) == 0
    out = capsys.readouterr().out
    assert "(“21st Session of Astana Talks Begins January 24”; no date stated)" in out


def test_ask_says_which_date_a_next_question_rests_on(capsys, index_dir):
    args = ["ask", "When is the next round planned?", "--corpus", str(SEEDS)]
    assert main([*args, "--index", index_dir]) == 0
    out = capsys.readouterr().out
    assert "; ordered by the date it states, 2025-" in out and "as of" not in out


def test_ask_json_is_the_engine_schema(capsys, index_dir):
    args = ["ask", "Who represented Turkey?", "--json", "--k", "2", "--corpus", str(SEEDS)]
    assert main([*args, "--index", index_dir]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["answered"] is True and len(result["citations"]) >= 2
    stating = set(result["supported_by"]) | {
        r for v in result["variants"] for r in v["supported_by"]
    }
    assert all(c["rank"] in stating for c in result["citations"][2:])  # beyond k: sources


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "   "],
        ["ask", "?!"],
        ["ask", "x" * 1001],
        ["ask", "Who?", "--k", "0"],
        ["ask", "Who?", "--k", "many"],
        ["index", "--corpus", "/no/such/folder"],
        ["frobnicate"],
        [],
    ],
)
def test_user_errors_exit_non_zero_with_one_line(capsys, index_dir, argv):
    code = main([*argv, "--index", index_dir] if argv[:1] == ["ask"] else argv)
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "astana_qa", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    for command in ("index", "ask", "serve", "eval"):
        assert command in done.stdout
    for measuring in ("compare", "ablation", "loadcheck", "scale"):
        assert measuring not in done.stdout


def test_bench_names_the_option_it_needs(capsys):
    from astana_qa.bench.cli import main as bench_main

    assert bench_main(["scale"]) == 2
    assert "--source" in capsys.readouterr().err


@pytest.mark.parametrize("host", ["256.1.1.1", "not a host", "::1::"])
def test_serve_on_an_address_that_is_none_says_so_in_one_line(capsys, index_dir, host):
    """Issue 13 #15: waitress's ValueError for an invalid host was a traceback."""
    argv = ["serve", "--host", host, "--port", "0", "--corpus", str(SEEDS), "--index", index_dir]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("astana-qa: error: cannot listen on") and host in err


def test_a_closed_pipe_ends_ask_quietly(index_dir):
    """`astana-qa ask … | head -1`: the reader goes away before the answer is written;
    no traceback, the exit status of a process stopped by SIGPIPE."""
    import subprocess
    import sys

    assert main(["index", "--corpus", str(SEEDS), "--index", index_dir]) == 0
    code = "import sys; from astana_qa.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["ask", "Who represented Turkey?", "--k", "20", "--corpus", str(SEEDS),
            "--index", index_dir]  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", code, *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # before the engine has answered
    errors = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert "Traceback" not in errors and "Exception ignored" not in errors
