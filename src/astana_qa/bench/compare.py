"""Benchmarks kept in the project: quality and speed figures for the README.

`compare` measures this engine and plain rank-bm25 (BM25Okapi on lowercase `\\w+`
tokens, no stemming, every Punkt sentence a document) side by side, in one run, on
the same questions. The plain baseline uses rank-bm25 directly on purpose: it is the
reference being compared against, not part of the engine.
`speed` measures building, opening and answering on one corpus.
Latencies are medians over `runs` repetitions; quality figures do not vary.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np
from rank_bm25 import BM25Okapi

from ..records import Answer, Citation
from ..search.engine import QAEngine
from ..settings import BM25Params, IndexSettings, Settings
from ..text.corpus import load_corpus
from ..text.lexicon import LEXICON_ENVIRONMENT
from ..text.sentences import split_sentences
from .evaluation import EvalQuestion, EvalReport, evaluate

T = TypeVar("T")

_WORD = re.compile(r"\w+")


class PlainBM25:
    """The reference system: rank-bm25 over lowercase word tokens of every sentence."""

    def __init__(self, corpus_dir: Path):
        corpus = load_corpus(corpus_dir)
        self.rows: list[tuple[str, int, int, str]] = []
        for doc in corpus.documents:
            for s in split_sentences(doc.text, min_line_words=0):
                self.rows.append((doc.name, s.start, s.end, doc.text[s.start : s.end]))
        self.bm25 = BM25Okapi([_WORD.findall(text.lower()) for *_, text in self.rows])

    def ask(self, question: str, k: int) -> Answer:
        began = time.perf_counter()
        scores = self.bm25.get_scores(_WORD.findall(question.lower()))
        top = np.argsort(-scores, kind="stable")[:k]
        citations = [
            Citation(rank, name, None, None, start, end, text, float(scores[i]))
            for rank, i in enumerate(top.tolist(), start=1)
            for name, start, end, text in [self.rows[i]]
        ]
        took = (time.perf_counter() - began) * 1000
        return Answer(question, True, citations[0].text, 1.0, citations, took)


@dataclass
class Comparison:
    name: str
    report: EvalReport
    p50_ms: float


def _median_p50(
    ask: Callable[[str, int], Answer], questions: list[EvalQuestion], corpus_dir: Path,
    k: int, runs: int,
) -> tuple[EvalReport, float]:  # fmt: skip
    reports = [evaluate(ask, questions, corpus_dir, k)[0] for _ in range(runs)]
    return reports[0], statistics.median(r.latency_ms["p50"] for r in reports)


def compare(
    questions: list[EvalQuestion], corpus_dir: Path, index_dir: Path, runs: int = 3
) -> list[Comparison]:
    """This engine and plain rank-bm25 on the same questions, in one process."""
    results = []
    systems: Iterable[tuple[str, Callable[[], object]]] = [
        ("rank-bm25 BM25Okapi, lowercase \\w+ tokens, no stemming", lambda: PlainBM25(corpus_dir)),
        ("astana-qa", lambda: QAEngine.open(corpus_dir, index_dir)),
    ]
    for name, make in systems:
        system = make()
        report, p50 = _median_p50(system.ask, questions, corpus_dir, 10, runs)  # type: ignore[attr-defined]  # every system has ask
        results.append(Comparison(name, report, p50))
    return results


def format_comparison(results: list[Comparison]) -> str:
    """A Markdown table of a comparison, ready for the README."""
    lines = [
        "| system | P@1 | MRR@10 | R@5 | R@10 | abstained | p50 query |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in results:
        r = c.report
        lines.append(
            f"| {c.name} | {r.p_at_1:.3f} | {r.mrr_at_10:.3f} | {r.recall_at_5:.3f} | "
            f"{r.recall_at_10:.3f} | {r.wrongly_abstained or 0:.3f} | {c.p50_ms:.2f} ms |"
        )
    return "\n".join(lines)


def ablation_settings() -> list[tuple[str, Settings]]:
    """The full engine, then the engine with one component switched off at a time; the
    line named `WITHOUT_ANY_LEXICON` has the settings of the one before it and is run in
    a process of its own whose shipped tables are empty too (`ablation`)."""
    full = Settings()
    r, a = full.ranking, full.analysis
    plain_bm25 = IndexSettings(sentence=BM25Params(), context=full.index.context)
    return [
        ("full engine", full),
        ("without paragraph score", replace(full, ranking=replace(r, paragraph_weight=0))),
        ("without document score", replace(full, ranking=replace(r, document_weight=0))),
        ("without previous-sentence window", replace(full, ranking=replace(r, window_weight=0))),
        ("without answer-type match", replace(full, ranking=replace(r, answer_type_weight=0))),
        ("without phrase (term pair) match", replace(full, ranking=replace(r, phrase_weight=0))),
        ("without typo and compound matching",
         replace(full, ranking=replace(r, match_misspellings=False))),
        ("without related words (WordNet, places)",
         replace(full, ranking=replace(r, related_words=False))),
        ("without the engine's lexicon (related words, places, kinds, roles)",
         replace(full, ranking=replace(r, lexical_knowledge=False))),
        (WITHOUT_ANY_LEXICON, replace(full, ranking=replace(r, lexical_knowledge=False))),
        ("without spoken dates", replace(full, ranking=replace(r, read_spoken_dates=False))),
        ("sentence BM25 k1=1.5 b=0.75 (rank-bm25 defaults)", replace(full, index=plain_bm25)),
        ("without lemmas (irregular forms)", replace(full, analysis=replace(a, lemmatize=False))),
        ("without stemming", replace(full, analysis=replace(a, stem=False))),
        ("without stopword removal", replace(full, analysis=replace(a, stopwords=False))),
        ("without abstention", replace(full, ranking=replace(
            r, min_coverage=0.0, abstain_on_unknown_names=False))),
    ]  # fmt: skip


# The line without any lexical knowledge: the engine's lexicon off, and the shipped
# tables that the tagger, the question reader and the answer layer read emptied too,
# which only a process of its own can do (`lexicon.LEXICON_ENVIRONMENT`).
WITHOUT_ANY_LEXICON = (
    "without WordNet and places anywhere (the tagger's, reader's and answers' too)"
)


def ablation(questions: list[EvalQuestion], corpus_dir: Path) -> list[Comparison]:
    """Quality of each `ablation_settings` variant on the same questions."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, settings in ablation_settings():
            if name == WITHOUT_ANY_LEXICON:
                report = _without_tables(questions, corpus_dir, settings)
            else:
                report = _report(questions, corpus_dir, settings, Path(tmp) / "index")
            results.append(Comparison(name, report, report.latency_ms["p50"]))
    return results


def _report(
    questions: list[EvalQuestion], corpus_dir: Path, settings: Settings, index_dir: Path
) -> EvalReport:
    """One variant's evaluation, its index built (or refreshed) in `index_dir`."""
    engine = QAEngine.open(corpus_dir, index_dir, settings=settings)
    return evaluate(engine.ask, questions, corpus_dir, 10)[0]


def _without_tables(
    questions: list[EvalQuestion], corpus_dir: Path, settings: Settings
) -> EvalReport:
    """`_report` in a fresh process whose shipped tables are empty, with its own index
    (the names the index stores are read with the tables too)."""
    with tempfile.TemporaryDirectory() as tmp:
        return in_a_process_without_tables(
            _report, questions, corpus_dir, settings, Path(tmp) / "index"
        )


def in_a_process_without_tables(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` in a fresh process whose shipped tables read empty (both must
    pickle)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_empty_tables) as pool:
        return pool.submit(function, *args).result()


def _empty_tables() -> None:
    """In a fresh process, before any table is read: the shipped tables read empty."""
    os.environ[LEXICON_ENVIRONMENT] = "empty"


@dataclass
class Speed:
    documents: int
    sentences: int
    build_s: float
    open_s: float
    p50_ms: float


def measure_speed(corpus_dir: Path, questions: list[str], runs: int = 5) -> Speed:
    """Median full build time, open time of a built index, and median question p50."""
    builds, opens, p50s = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        for _ in range(runs):
            began = time.perf_counter()
            QAEngine.open(corpus_dir, index_dir, rebuild=True)
            builds.append(time.perf_counter() - began)
            began = time.perf_counter()
            engine = QAEngine.open(corpus_dir, index_dir)
            opens.append(time.perf_counter() - began)
            latencies = []
            for question in questions:
                began = time.perf_counter()
                engine.ask(question)
                latencies.append((time.perf_counter() - began) * 1000)
            p50s.append(statistics.median(latencies))
    return Speed(
        engine.stats.documents,
        engine.stats.sentences,
        statistics.median(builds),
        statistics.median(opens),
        statistics.median(p50s),
    )
