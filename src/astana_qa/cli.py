"""The `astana-qa` command: index a corpus, ask questions, evaluate, serve.

User errors end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import typing
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from tqdm import tqdm
from waitress.server import create_server

from .benchmark import ablation, compare, format_comparison, measure_speed
from .engine import Answer, QAEngine
from .errors import QAError
from .evaluation import evaluate, failure_record, format_report, is_failure, read_questions
from .loadcheck import format_load, results_json, run_loadcheck
from .scale import bench
from .settings import DEFAULT_K, MAX_K
from .web import create_app

EXIT_USER_ERROR = 2
SQUAD_DIR = "../shared/benchmarks/squad-dev"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and `--help` still shows the usage)."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (no upper bound if None)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
        if number < low or (high is not None and number > high):
            bound = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"must be {bound}")
        return number

    return parse


_k = _whole_number(1, MAX_K)
_positive = _whole_number(1)
_port = _whole_number(0, 65535)


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default="seeds", help="folder of *.txt articles (seeds)")
    parser.add_argument("--index", default="index", help="index folder (index)")
    parser.add_argument("--aliases", default=None, help="alias file (CORPUS/aliases.json)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="astana-qa", description="Answer questions about a folder of articles, with citations."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    index = commands.add_parser("index", help="build or refresh the index")
    _add_paths(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild even if current")
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--k", type=_k, default=DEFAULT_K, help=f"citations, 1-{MAX_K} ({DEFAULT_K})")
    ask.add_argument("--json", action="store_true", help="print the JSON answer")
    _add_paths(ask)
    evaluate = commands.add_parser("eval", help="measure answers against a question file")
    evaluate.add_argument("questions", help="JSON-lines question file (project or SQuAD form)")
    evaluate.add_argument("--k", type=_k, default=10, help="citations per question (10)")
    evaluate.add_argument("--limit", type=_positive, default=None, help="first N questions only")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--failures", default=None, help="write every miss to this file")
    _add_paths(evaluate)
    comparison = commands.add_parser(
        "compare", help="this engine and plain rank-bm25 side by side on a question file"
    )
    comparison.add_argument("questions", help="JSON-lines question file")
    comparison.add_argument("--runs", type=_positive, default=3, help="latency runs (3)")
    comparison.add_argument("--limit", type=_positive, default=None, help="first N questions only")
    _add_paths(comparison)
    serve = commands.add_parser("serve", help="serve the web page and JSON API (waitress)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port, 0 for any free one (8000)")
    serve.add_argument("--threads", type=_positive, default=8, help="worker threads (8)")
    _add_paths(serve)
    load = commands.add_parser("loadcheck", help="load-test the served API with wrk")
    load.add_argument("--seconds", type=_positive, default=30, help="per endpoint (30)")
    load.add_argument("--connections", type=_positive, default=16, help="open connections (16)")
    load.add_argument("--threads", type=_positive, default=8, help="server threads (8)")
    load.add_argument("--questions", default="tests/qa_pairs.jsonl", help="questions to ask")
    load.add_argument("--json", action="store_true", help="print JSON")
    _add_paths(load)
    ablate = commands.add_parser("ablation", help="what each ranking component adds")
    ablate.add_argument("questions", help="JSON-lines question file")
    ablate.add_argument("--corpus", default="seeds", help="folder of *.txt articles (seeds)")
    speed = commands.add_parser("speed", help="median build, open and question times")
    speed.add_argument("--questions", default="tests/qa_pairs.jsonl", help="questions to ask")
    speed.add_argument("--runs", type=_positive, default=5, help="repetitions (5)")
    _add_paths(speed)
    scale = commands.add_parser(
        "bench", help="this engine, bm25s and rank-bm25 on a scale corpus (minutes)"
    )
    scale.add_argument("--sentences", type=_positive, default=1_000_000, help="(1000000)")
    scale.add_argument("--questions", type=_positive, default=500, help="questions (500)")
    scale.add_argument("--source", default=SQUAD_DIR + "/corpus", help="articles to repeat")
    scale.add_argument("--question-file", default=SQUAD_DIR + "/questions.jsonl")
    scale.add_argument("--work", default="bench-work", help="folder for the corpus and indexes")
    scale.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def open_engine(args: argparse.Namespace, rebuild: bool = False) -> QAEngine:
    bar = partial(tqdm, desc="analysing articles", unit="file", file=sys.stderr, disable=None)
    return QAEngine.open(args.corpus, args.index, alias_file=args.aliases, rebuild=rebuild,
                         progress=bar)  # fmt: skip


def format_answer(answer: Answer) -> str:
    """The human-readable form of an answer, with numbered citations."""
    lines = [f"Q: {answer.question}"]
    if answer.answered:
        lines.append(f"A: {answer.answer}")
        lines.append(f"   (confidence {answer.confidence:.2f})")
    else:
        lines.append("The articles do not answer this question.")
        if answer.citations:
            lines.append("Closest passages (not answers):")
    for c in answer.citations:
        meta = ", ".join(x for x in (c.title, c.date) if x)
        lines.append(f"[{c.rank}] {c.source}:{c.start}-{c.end}" + (f"  ({meta})" if meta else ""))
        lines.append(f"    {c.text}")
    return "\n".join(lines)


def run_index(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    engine = open_engine(args, rebuild=args.rebuild)
    stats, build = engine.stats, engine.stats.build
    action = "up to date, reused" if build is None else "built"
    print(f"index {args.index}: {action}")
    print(f"documents: {stats.documents}  sentences: {stats.sentences}  "
          f"time: {time.perf_counter() - began:.2f} s")  # fmt: skip
    if build is not None:
        print(f"files added: {len(build.added)}  changed: {len(build.changed)}  "
              f"removed: {len(build.removed)}")  # fmt: skip
        retrained = "; tokenizer retrained" if build.retrained_tokenizer else ""
        print(f"articles analysed: {build.analysed}  reused from cache: {build.reused}{retrained}")
        for label, names in (("added", build.added), ("changed", build.changed),
                             ("removed", build.removed)):  # fmt: skip
            if 0 < len(names) <= 10:
                print(f"  {label}: {', '.join(names)}")
    for skipped in stats.skipped:
        print(f"skipped {skipped}")
    return 0


def run_ask(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    answer = engine.ask(args.question, k=args.k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    questions = read_questions(Path(args.questions), args.limit)
    engine = open_engine(args)
    bar = partial(tqdm, desc="eval", unit="q", file=sys.stderr, disable=None)
    report, outcomes = evaluate(engine.ask, questions, Path(args.corpus), args.k, progress=bar)
    if args.failures:
        with open(args.failures, "w", encoding="utf-8") as out:
            for outcome in outcomes:
                if is_failure(outcome):
                    out.write(json.dumps(failure_record(outcome), ensure_ascii=False) + "\n")
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_report(report))
    return 0


def run_compare(args: argparse.Namespace) -> int:
    questions = read_questions(Path(args.questions), args.limit)
    results = compare(questions, Path(args.corpus), Path(args.index), runs=args.runs)
    print(format_comparison(results))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    try:
        server = create_server(create_app(engine), host=args.host, port=args.port,
                               threads=args.threads)  # fmt: skip
    except OSError as exc:
        raise QAError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    stats = engine.stats
    print(f"astana-qa: {stats.documents} articles, {stats.sentences} sentences", flush=True)
    print(f"serving on http://{args.host}:{server.effective_port}/  (Ctrl+C stops)", flush=True)
    try:
        server.run()
    finally:
        server.close()
    return 0


def run_load(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.questions))]
    open_engine(args)  # build the index before the server starts
    results = run_loadcheck(questions, args.corpus, args.index, args.seconds,
                            args.connections, args.threads)  # fmt: skip
    print(results_json(results) if args.json else format_load(results))
    return 0 if all(r.socket_errors + r.http_errors == 0 for r in results) else 1


def run_ablation(args: argparse.Namespace) -> int:
    questions = read_questions(Path(args.questions))
    print(format_comparison(ablation(questions, Path(args.corpus))))
    return 0


def run_speed(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.questions))]
    s = measure_speed(Path(args.corpus), questions, runs=args.runs)
    print(f"corpus {args.corpus}: {s.documents} documents, {s.sentences} sentences")
    print(f"median of {args.runs} runs: build {s.build_s:.3f} s, open {s.open_s:.3f} s, "
          f"question p50 {s.p50_ms:.3f} ms ({len(questions)} questions)")  # fmt: skip
    return 0


def run_bench(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.question_file))]
    questions = questions[: args.questions]
    say = partial(print, file=sys.stderr, flush=True)
    result = bench(Path(args.source), Path(args.work), args.sentences, questions, progress=say)
    print(json.dumps(result, indent=1) if args.json else format_bench(result))
    return 0


def format_bench(result: dict) -> str:
    """The bench figures as a table, with the ratios of this engine to bm25s."""
    keys = ("build_s", "open_s", "index_mb", "p50_ms", "p99_ms", "rss_mb")
    rows = [f"{result['sentences']:,} sentences", "system     " + "".join(f"{k:>10}" for k in keys)]
    for name in ("astana_qa", "bm25s", "rank_bm25"):
        figures = result[name]
        cells = ["-" if figures.get(k) is None else f"{figures[k]:.3g}" for k in keys]
        rows.append(f"{name:<11}" + "".join(f"{c:>10}" for c in cells))
    ours, theirs = result["astana_qa"], result["bm25s"]
    ratios = [f"{ours[k] / theirs[k]:.2f}" if ours.get(k) and theirs.get(k) else "-" for k in keys]
    rows.append("this/bm25s " + "".join(f"{r:>10}" for r in ratios))
    rows.append(
        f"re-index after adding one article: {ours['add_one_s']:.2f} s "
        f"({ours['analysed']} article(s) analysed)"
    )
    speedup = result["rank_bm25"]["p50_ms"] / ours["p50_ms"]
    rows.append(f"query p50 speed-up over rank-bm25 get_scores: {speedup:.0f}x")
    return "\n".join(rows)


COMMANDS = {
    "index": run_index,
    "ask": run_ask,
    "eval": run_eval,
    "compare": run_compare,
    "speed": run_speed,
    "ablation": run_ablation,
    "serve": run_serve,
    "loadcheck": run_load,
    "bench": run_bench,
}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="astana-qa: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # usage errors and --help: argparse has printed its message
        return int(exc.code or 0)
    try:
        return COMMANDS[args.command](args)
    except QAError as exc:
        print(f"astana-qa: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("astana-qa: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
