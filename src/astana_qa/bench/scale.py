"""`astana-qa-bench scale`: this engine, bm25s and rank-bm25 side by side on a scale corpus.

The scale corpus repeats the articles of a source folder (squad-dev by default) into
distinct files until it holds the target number of sentences; each copy ends with a
short line of its own ("(copy 17)", page furniture, never indexed), so every file has
its own content hash and a build really analyses every file.

This engine is measured as `astana-qa serve` answers: after its warm-up questions
(`job_astana_serve`), its first answer timed from the end of the open, the warm-up
included (bm25s's first question includes numba's compiling). The command itself is
started too (`job_astana_serve_start`), and timed to its first answer over HTTP.

Every job runs in a fresh Python process (`python -m astana_qa.bench.scale`), so peak
memory (RSS) is that of a process doing only that job; the removal of one article
follows the change of another in the same job. All three systems score
the same tokens (this engine's terms of each sentence) and the same questions.

bm25s is measured twice from the same saved index: with its numba backend, its fastest
configuration (compiled scoring and top-k selection; the first question compiles, so it
is timed apart and the rest after it), and with its NumPy backend, kept for reference.
Both must return the same top-10 scores; the number of questions on which they do is
reported. Without numba installed the numba line is left out.
"""

from __future__ import annotations

import importlib.util
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from itertools import pairwise
from pathlib import Path

import numpy as np

from .served import start_server, stop_server

SMALL_SAMPLE = 20  # questions for rank-bm25, which scores every sentence in Python
BM25S_BACKENDS = {  # result key: (bm25s backend, name in the output)
    "bm25s_numba": ("numba", "bm25s (numba backend, fastest)"),
    "bm25s_numpy": ("numpy", "bm25s (NumPy backend, reference)"),
}
FASTEST = "bm25s_numba"
# Written last into a scale corpus: how it was made, and (its time) when it was written.
MARKER = ".scale.json"


def make_scale_corpus(source: Path, target: Path, sentences: int, per_copy: float) -> int:
    """Fill `target` with enough copies of `source`'s articles for `sentences`
    sentences (`per_copy` per copy of the whole folder); returns the number of copies.
    An existing scale corpus made the same way is reused."""
    copies = max(1, math.ceil(sentences / per_copy))
    spec = {"source": str(source.resolve()), "copies": copies}
    marker = target / MARKER
    if marker.is_file() and json.loads(marker.read_text()) == spec:
        return copies
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in sorted(source.glob("*.txt")):
        text = path.read_text("utf-8")
        for copy in range(copies):
            (target / f"{path.stem}__{copy:04d}.txt").write_text(
                f"{text}\n\n(copy {copy})\n", "utf-8"
            )
    marker.write_text(json.dumps(spec))
    return copies


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latencies(ask, questions: list) -> dict:
    times = []
    for question in questions:
        began = time.perf_counter()
        ask(question)
        times.append((time.perf_counter() - began) * 1000)
    return {"p50_ms": float(np.percentile(times, 50)), "p99_ms": float(np.percentile(times, 99))}


def _folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --- jobs, each run in its own process -------------------------------------------


def job_astana_build(corpus: str, index: str) -> dict:
    from ..search.engine import QAEngine

    began = time.perf_counter()
    engine = QAEngine.open(corpus, index, rebuild=True)
    return {"build_s": time.perf_counter() - began, "sentences": engine.stats.sentences,
            "index_mb": _folder_mb(Path(index))}  # fmt: skip


def job_astana_serve(corpus: str, index: str, questions: list[str]) -> dict:
    """Open the index and answer as `astana-qa serve` does: its warm-up questions first
    (`prepare_to_serve`, which also freezes the long-lived objects out of the garbage
    collector's way), then the first question, then every question (the first again
    too), as for bm25s. `first_question_ms` runs from the end of the open to the first
    answer, the warm-up included, as bm25s's first question includes numba's compiling;
    `warm_up_s` is `prepare_to_serve`'s share. (The interpreter's start, the imports and
    the server's own start are not counted.) Before 0.2.41 the questions were asked
    right after the open, without the warm-up: lazily read tables and full garbage
    collections over them then fell on the first questions, which no served question
    pays."""
    from ..search.engine import QAEngine
    from ..web.warm import prepare_to_serve

    began = time.perf_counter()
    engine = QAEngine.open(corpus, index)
    opened = time.perf_counter() - began
    began = time.perf_counter()
    prepare_to_serve(engine)
    warm_up = time.perf_counter() - began
    engine.ask(questions[0])
    first = (time.perf_counter() - began) * 1000
    return {"open_s": opened, "warm_up_s": warm_up, "first_question_ms": first,
            **_latencies(engine.ask, questions), "rss_mb": _peak_rss_mb()}  # fmt: skip


def job_astana_serve_start(corpus: str, index: str, question: str) -> dict:
    """`astana-qa serve` started as a person starts it, timed from the command to its
    first answer over HTTP: a new interpreter, its imports, the open, the warm-up and
    the server's start, with its long-question lane launched beside them (which
    `job_astana_serve` leaves out; until 0.2.45 `serve` waited for the lane's worker
    first, and the first answer took twice as long)."""
    began = time.perf_counter()
    server, address = start_server(corpus, index)
    try:
        query = urllib.parse.urlencode({"q": question, "k": 1})
        with urllib.request.urlopen(f"{address}/api/ask?{query}", timeout=120) as response:
            response.read()
        return {"serve_first_answer_s": time.perf_counter() - began}
    finally:
        stop_server(server)


def job_astana_add_one(corpus: str, index: str, article: str) -> dict:
    from ..search.engine import QAEngine

    added = Path(corpus) / "zz_added_article.txt"
    added.write_text(Path(article).read_text("utf-8") + "\n\n(added)\n", "utf-8")
    try:
        began = time.perf_counter()
        engine = QAEngine.open(corpus, index)
        seconds = time.perf_counter() - began
        build = engine.stats.build
        return {"add_one_s": seconds, "analysed": build.analysed if build else 0}
    finally:
        added.unlink()
        QAEngine.open(corpus, index)  # back to the index of the unchanged corpus


def job_astana_change_one(corpus: str, index: str) -> dict:
    """Change one article the full build indexed, then remove another: the updates that
    take articles out of a written segment (`index/trim.py`). Both files are put back
    afterwards, and the index brought back to them."""
    from ..search.engine import QAEngine

    files = sorted(Path(corpus).glob("*.txt"))
    changed, removed = files[0], files[1]
    saved = {path: path.read_bytes() for path in (changed, removed)}
    try:
        changed.write_bytes(saved[changed] + b"\n\n(changed)\n")
        began = time.perf_counter()
        build = QAEngine.open(corpus, index).stats.build
        change = time.perf_counter() - began
        removed.unlink()
        began = time.perf_counter()
        QAEngine.open(corpus, index)
        remove = time.perf_counter() - began
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    QAEngine.open(corpus, index)
    # One article analysed; more would mean the tokenizer was trained again.
    return {"change_one_s": change, "remove_one_s": remove,
            "change_analysed": build.analysed if build else 0}  # fmt: skip


def _tokens(index: str) -> list[list[str]]:
    """This engine's terms of every indexed sentence, in index order, from its cache."""
    from ..index.store import load_index, read_cached_analysis, read_manifest

    manifest = read_manifest(Path(index))
    data = load_index(Path(index), manifest["fingerprint"], manifest["files"]) if manifest else None
    if manifest is None or data is None:
        raise RuntimeError(f"no whole index in {index}")
    texts: list[list[str]] = []
    for document in data.documents:
        fa = read_cached_analysis(Path(index), manifest, document.sha256)
        if fa is None:
            raise RuntimeError(f"no cached analysis of {document.name} in {index}")
        ids, ptr, vocab = fa.term_ids.tolist(), fa.term_ptr.tolist(), fa.vocab
        texts.extend([vocab[t] for t in ids[a:b]] for a, b in pairwise(ptr))
    return texts


def _query_tokens(questions: list[str]) -> list[list[str]]:
    from ..search.query import topic_text
    from ..settings import AnalysisSettings
    from ..text.analysis import Analyzer

    analyzer = Analyzer(AnalysisSettings())
    return [analyzer.terms(topic_text(q)) or ["unknown"] for q in questions]


def job_bm25s_build(index: str, bm25s_dir: str) -> dict:
    import bm25s

    texts = _tokens(index)
    began = time.perf_counter()
    model = bm25s.BM25(method="lucene")
    model.index(texts, show_progress=False)
    model.save(bm25s_dir)
    return {"build_s": time.perf_counter() - began, "index_mb": _folder_mb(Path(bm25s_dir))}


def job_bm25s_serve(bm25s_dir: str, questions: list[str], backend: str = "numpy") -> dict:
    """bm25s's top 10 with one backend ("numpy" or "numba"), on one thread. The first
    question is timed on its own (numba compiles then) and asked again with the rest;
    the top-10 scores of every question are returned for comparing the backends."""
    import bm25s

    queries = _query_tokens(questions)
    began = time.perf_counter()
    model = bm25s.BM25.load(bm25s_dir, mmap=True, backend=backend)
    opened = time.perf_counter() - began
    vocab = model.vocab_dict
    queries = [[t for t in q if t in vocab] or [next(iter(vocab))] for q in queries]
    selection = "numba" if backend == "numba" else "auto"

    def ask(query: list[str]):
        return model.retrieve(
            [query], k=10, show_progress=False, n_threads=1, backend_selection=selection
        )

    began = time.perf_counter()
    ask(queries[0])
    first = (time.perf_counter() - began) * 1000
    timed = _latencies(ask, queries)
    top_scores = [ask(q).scores[0].tolist() for q in queries]
    return {"open_s": opened, "first_question_ms": first, **timed, "rss_mb": _peak_rss_mb(),
            "top_scores": top_scores}  # fmt: skip


def _same_top_scores(a: list[list[float]], b: list[list[float]]) -> int:
    """The number of questions whose top-10 scores agree (float32, so to 1e-5)."""
    return sum(
        len(x) == len(y) and bool(np.allclose(x, y, rtol=1e-5, atol=1e-6))
        for x, y in zip(a, b, strict=True)
    )


def numba_installed() -> bool:
    return importlib.util.find_spec("numba") is not None


def job_rank_bm25(index: str, questions: list[str]) -> dict:
    from rank_bm25 import BM25Okapi

    texts = _tokens(index)
    began = time.perf_counter()
    model = BM25Okapi(texts)
    built = time.perf_counter() - began
    del texts
    queries = _query_tokens(questions[:SMALL_SAMPLE])
    return {"build_s": built, "open_s": None, "index_mb": None,
            **_latencies(model.get_scores, queries), "rss_mb": _peak_rss_mb()}  # fmt: skip


JOBS = {f.__name__: f for f in (job_astana_build, job_astana_serve, job_astana_serve_start,
                                 job_astana_add_one,
                                 job_astana_change_one, job_bm25s_build, job_bm25s_serve,
                                 job_rank_bm25)}  # fmt: skip


def run_job(name: str, *args) -> dict:
    """Run one job in a fresh Python process and return its JSON result."""
    command = [sys.executable, "-m", "astana_qa.bench.scale", name, json.dumps(args)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench job {name} failed:\n{done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench(source: Path, work: Path, sentences: int, questions: list[str],
          progress=print) -> dict:  # fmt: skip
    """Build the scale corpus in `work` and measure the three systems on it (bm25s with
    each of its two backends)."""
    from ..search.engine import QAEngine
    from ..text.corpus import STAMP_MARGIN_NS

    with tempfile.TemporaryDirectory() as tmp:
        # Sentences per copy, measured on two copies: repeated text teaches Punkt more
        # collocations than one copy does, so a copy of a copy splits a little less.
        make_scale_corpus(source, Path(tmp) / "two", 2, 1)
        per_copy = QAEngine.open(Path(tmp) / "two", Path(tmp) / "index").stats.sentences / 2
    corpus, index, bm25s_dir = work / "corpus", work / "index", work / "bm25s"
    copies = make_scale_corpus(source, corpus, sentences, per_copy)
    progress(f"scale corpus: {copies} copies of {source} in {corpus}")
    # A file written within STAMP_MARGIN_NS before a build is hashed again at every open
    # (`Stamp`): a corpus just written is left to age past that, as any real corpus has,
    # so that the serving job's open is not a whole corpus read the first time.
    age_ns = time.time_ns() - (corpus / MARKER).stat().st_mtime_ns
    time.sleep(max(0, STAMP_MARGIN_NS - age_ns) / 1e9)
    progress("astana-qa: full build ...")
    astana = run_job("job_astana_build", str(corpus), str(index))
    progress("astana-qa: open and answer ...")
    astana |= run_job("job_astana_serve", str(corpus), str(index), questions)
    progress("astana-qa: start `astana-qa serve` and ask it one question ...")
    astana |= run_job("job_astana_serve_start", str(corpus), str(index), questions[0])
    progress("astana-qa: add one article ...")
    first = str(sorted(source.glob("*.txt"))[0])
    astana |= run_job("job_astana_add_one", str(corpus), str(index), first)
    progress("bm25s: build ...")
    built = run_job("job_bm25s_build", str(index), str(bm25s_dir))
    lines: dict[str, dict | None] = {}
    for key, (backend, name) in BM25S_BACKENDS.items():
        if backend == "numba" and not numba_installed():
            progress(f"{name}: not measured, numba is not installed ('.[bench]' installs it)")
            lines[key] = None
            continue
        progress(f"{name}: open and answer ...")
        served = run_job("job_bm25s_serve", str(bm25s_dir), questions, backend)
        lines[key] = {"name": name, **built, **served}
    progress(f"rank-bm25: build and answer {SMALL_SAMPLE} questions ...")
    plain = run_job("job_rank_bm25", str(index), questions)
    # Last: the index is then no longer the full build's one segment.
    progress("astana-qa: change one article, remove another ...")
    astana |= run_job("job_astana_change_one", str(corpus), str(index))
    result = {"sentences": astana.pop("sentences"), "astana_qa": astana, **lines,
              "rank_bm25": plain}  # fmt: skip
    return result | compare_to_fastest(astana, lines)


def compare_to_fastest(astana: dict, lines: dict[str, dict | None]) -> dict:
    """How many questions bm25s's two backends agree on, and this engine's query times
    as multiples of the fastest; takes the top scores out of the bm25s lines."""
    tops = {key: line.pop("top_scores") for key, line in lines.items() if line is not None}
    fastest = lines.get(FASTEST)
    if fastest is None or len(tops) < 2:
        return {}
    first, second = tops.values()
    return {
        "bm25s_backends_agree": {"questions": len(first),
                                 "agreeing": _same_top_scores(first, second)},
        "astana_qa_vs_fastest": {"against": fastest["name"],
                                 **{f"{k}_times": astana[k] / fastest[k]
                                    for k in ("p50_ms", "p99_ms")}},
    }  # fmt: skip


if __name__ == "__main__":
    job, arguments = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps(JOBS[job](*arguments)))
