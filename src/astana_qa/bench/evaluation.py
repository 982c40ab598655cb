"""Measuring answers against question files: ranking quality, abstention, validity, speed.

Two formats are read, one JSON object per line:
  project: {"question", "answers": [...], "sources": [...]}      (answers [] = unanswerable)
  SQuAD:   {"question", "source", "answers": [...], "answer_starts": [...]}
A citation is a hit when it comes from an acceptable source and either its span holds a
gold answer offset (when offsets are given) or its text contains an acceptable answer
(compared without case and diacritics). An abstention counts as a miss.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from ..errors import QAError
from ..records import Answer, Citation
from ..text.analysis import fold
from .short_answers import best_scores


@dataclass(frozen=True)
class EvalQuestion:
    """One question with what counts as answering it."""

    question: str
    answers: list[str]
    sources: list[str]
    answer_starts: list[int] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass
class EvalReport:
    """The figures of one evaluation run (`to_dict` is the `--json` output)."""

    questions: int
    answerable: int
    unanswerable: int
    k: int
    p_at_1: float
    mrr_at_10: float
    recall_at_5: float
    recall_at_10: float
    abstention_precision: float | None
    abstention_recall: float | None
    wrongly_abstained: float | None
    citation_validity: float
    latency_ms: dict[str, float]
    # Short answers over the answerable questions (SQuAD's exact match and F1; an
    # abstention scores 0), and the share of answer spans that are file_text[start:end].
    short_em: float = 0.0
    short_f1: float = 0.0
    span_validity: float = 1.0

    def to_dict(self) -> dict:
        return asdict(self)


def read_questions(path: Path, limit: int | None = None) -> list[EvalQuestion]:
    """Questions from a JSON-lines file in either format; a clear error for a bad line."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QAError(f"cannot read question file {path}: {exc}") from exc
    questions: list[EvalQuestion] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            questions.append(_parse(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise QAError(f"{path}:{number}: not a question line ({exc})") from exc
        if limit is not None and len(questions) >= limit:
            break
    if not questions:
        raise QAError(f"{path} holds no questions")
    return questions


def as_typed(item: EvalQuestion) -> EvalQuestion:
    """The question as people type it into a search box: in lower case, without the
    question mark at its end (`astana-qa eval --typed`): the same question must be
    answered as well without the capitals that mark its names."""
    return replace(item, question=item.question.lower().rstrip().rstrip("?").rstrip())


# A word's first letter: after no letter, apostrophe or hyphen ("Assad's", "al-Assad").
_WORD_START = re.compile(r"(?<![\w’'-])\w")


def as_title(item: EvalQuestion) -> EvalQuestion:
    """The question with every word capitalised, as some people write one ("Who Led The
    Iranian Delegation?", `astana-qa eval --title-case`): its capitals then no longer
    tell its names from its other words."""
    return replace(item, question=_WORD_START.sub(lambda m: m.group().upper(), item.question))


def as_capitals(item: EvalQuestion) -> EvalQuestion:
    """The question in capitals only (`astana-qa eval --capitals`)."""
    return replace(item, question=item.question.upper())


def _parse(row: dict) -> EvalQuestion:
    question, answers = row["question"], row["answers"]
    if not isinstance(question, str) or not isinstance(answers, list):
        raise ValueError("question must be text and answers a list")
    if "source" in row:
        return EvalQuestion(question, answers, [row["source"]], list(row.get("answer_starts", [])))
    return EvalQuestion(question, answers, list(row.get("sources", [])))


def is_hit(citation: Citation, item: EvalQuestion) -> bool:
    """Does this citation answer `item`? (See the module docstring.)"""
    if item.sources and citation.source not in item.sources:
        return False
    if item.answer_starts:
        return any(citation.start <= a < citation.end for a in item.answer_starts)
    text = fold(citation.text)
    return any(fold(a) in text for a in item.answers)


def first_hit_rank(answer: Answer, item: EvalQuestion, depth: int) -> int | None:
    """Rank (1-based) of the first hit among the top `depth` citations; None if none, or
    if the engine abstained."""
    if not answer.answered:
        return None
    for c in answer.citations[:depth]:
        if is_hit(c, item):
            return c.rank
    return None


def citation_is_valid(citation: Citation, read_text: Callable[[str], str]) -> bool:
    return read_text(citation.source)[citation.start : citation.end] == citation.text


@dataclass
class Outcome:
    item: EvalQuestion
    answer: Answer
    rank: int | None
    seconds: float


def evaluate(
    ask: Callable[[str, int], Answer],
    questions: Iterable[EvalQuestion],
    corpus_dir: Path,
    k: int = 10,
    progress: Callable[[Iterable], Iterable] = lambda it: it,
) -> tuple[EvalReport, list[Outcome]]:
    """Ask every question and compute the report; also return each outcome."""
    texts: dict[str, str] = {}

    def read_text(name: str) -> str:
        if name not in texts:
            texts[name] = (corpus_dir / name).read_bytes().decode("utf-8")
        return texts[name]

    outcomes: list[Outcome] = []
    valid = total_citations = 0
    spans = valid_spans = 0
    for item in progress(list(questions)):
        began = time.perf_counter()
        answer = ask(item.question, k)
        seconds = time.perf_counter() - began
        depth = max(k, 10) if item.answerable else 0
        outcomes.append(Outcome(item, answer, first_hit_rank(answer, item, depth), seconds))
        total_citations += len(answer.citations)
        valid += sum(citation_is_valid(c, read_text) for c in answer.citations)
        if answer.answer_span is not None:
            span = answer.answer_span
            spans += 1
            valid_spans += read_text(span.source)[span.start : span.end] == answer.answer
    report = _report(outcomes, k, valid, total_citations)
    report.span_validity = (_share(valid_spans, spans) or 0.0) if spans else 1.0
    return report, outcomes


def _share(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _report(outcomes: list[Outcome], k: int, valid: int, total_citations: int) -> EvalReport:
    answerable = [o for o in outcomes if o.item.answerable]
    unanswerable = [o for o in outcomes if not o.item.answerable]
    ranks = [o.rank for o in answerable]
    n = len(answerable)
    abstained = [o for o in outcomes if not o.answer.answered]
    right_abstentions = sum(not o.item.answerable for o in abstained)
    latencies = np.array([o.seconds * 1000 for o in outcomes])
    short = [
        best_scores(o.answer.answer if o.answer.answered else None, o.item.answers)
        for o in answerable
    ]
    return EvalReport(
        questions=len(outcomes),
        answerable=n,
        unanswerable=len(unanswerable),
        k=k,
        p_at_1=_share(sum(r == 1 for r in ranks), n) or 0.0,
        mrr_at_10=round(sum(1 / r for r in ranks if r and r <= 10) / n, 4) if n else 0.0,
        recall_at_5=_share(sum(bool(r and r <= 5) for r in ranks), n) or 0.0,
        recall_at_10=_share(sum(bool(r and r <= 10) for r in ranks), n) or 0.0,
        abstention_precision=_share(right_abstentions, len(abstained)) if unanswerable else None,
        abstention_recall=_share(right_abstentions, len(unanswerable)),
        wrongly_abstained=_share(sum(not o.answer.answered for o in answerable), n),
        citation_validity=(_share(valid, total_citations) or 0.0) if total_citations else 1.0,
        latency_ms={f"p{q}": round(float(np.percentile(latencies, q)), 3) for q in (50, 95, 99)},
        short_em=round(sum(em for em, _ in short) / n, 4) if n else 0.0,
        short_f1=round(sum(f for _, f in short) / n, 4) if n else 0.0,
    )


def failure_record(outcome: Outcome) -> dict:
    """What `--failures` writes for one miss: the question, what was expected, what came."""
    return {
        "question": outcome.item.question,
        "expected_answers": outcome.item.answers,
        "expected_sources": outcome.item.sources,
        "answered": outcome.answer.answered,
        "short_answer": outcome.answer.answer,
        "reason": outcome.answer.reason,
        "got": [
            {"source": c.source, "start": c.start, "end": c.end, "text": c.text}
            for c in outcome.answer.citations[:3]
        ],
    }


def is_failure(outcome: Outcome) -> bool:
    """A miss: an answerable question without a hit at rank 1, or an unanswerable one
    that was answered."""
    if outcome.item.answerable:
        return outcome.rank != 1
    return outcome.answer.answered


def format_report(report: EvalReport) -> str:
    """The report as a short table for people."""

    def show(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lat = report.latency_ms
    rows = [
        f"questions          {report.questions} ({report.answerable} answerable, "
        f"{report.unanswerable} unanswerable), k={report.k}",
        f"P@1                {show(report.p_at_1)}",
        f"MRR@10             {show(report.mrr_at_10)}",
        f"Recall@5           {show(report.recall_at_5)}",
        f"Recall@10          {show(report.recall_at_10)}",
        f"abstention         precision {show(report.abstention_precision)}  "
        f"recall {show(report.abstention_recall)}  "
        f"wrongly abstained {show(report.wrongly_abstained)}",
        f"short answers      exact match {show(report.short_em)}  F1 {show(report.short_f1)}",
        f"citation validity  {show(report.citation_validity)}  "
        f"answer spans {show(report.span_validity)}",
        f"latency ms         p50 {lat['p50']:.2f}  p95 {lat['p95']:.2f}  p99 {lat['p99']:.2f}",
    ]
    return "\n".join(rows)
