"""`astana-qa-bench` (or `python -m astana_qa.bench`): the measuring commands.

They are kept out of `astana-qa`, whose commands are what a user of the service needs.
Question files and scale sources have no default outside the repository: each command
names the option to pass when one is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from ..cli import Parser, add_paths, open_engine, positive, run_command
from ..errors import QAError
from .compare import ablation, compare, format_comparison, measure_speed
from .evaluation import read_questions
from .loadcheck import format_load, results_json, run_loadcheck
from .reliability import HOSTILE_KINDS, format_reliability, passed, run_reliability
from .reliability import results_json as reliability_json
from .scale import BM25S_BACKENDS, FASTEST, bench


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="astana-qa-bench",
        description="Measure astana-qa: quality against rank-bm25, ablation, speed, load, scale.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    comparison = commands.add_parser(
        "compare", help="this engine and plain rank-bm25 side by side on a question file"
    )
    comparison.add_argument("questions", help="JSON-lines question file")
    comparison.add_argument("--runs", type=positive, default=3, help="latency runs (3)")
    comparison.add_argument("--limit", type=positive, default=None, help="first N questions only")
    add_paths(comparison)
    ablate = commands.add_parser("ablation", help="what each ranking component adds")
    ablate.add_argument("questions", help="JSON-lines question file")
    ablate.add_argument("--corpus", default="seeds", help="folder of *.txt articles (seeds)")
    speed = commands.add_parser("speed", help="median build, open and question times")
    speed.add_argument("--questions", default="tests/qa_pairs.jsonl", help="questions to ask")
    speed.add_argument("--runs", type=positive, default=5, help="repetitions (5)")
    add_paths(speed)
    load = commands.add_parser("loadcheck", help="load-test the served API with wrk")
    load.add_argument("--seconds", type=positive, default=30, help="per endpoint (30)")
    load.add_argument("--connections", type=positive, default=16, help="open connections (16)")
    load.add_argument("--threads", type=positive, default=8, help="server threads (8)")
    load.add_argument("--questions", default="tests/qa_pairs.jsonl", help="questions to ask")
    load.add_argument("--json", action="store_true", help="print JSON")
    add_paths(load)
    hold = commands.add_parser(
        "reliability",
        help="ordinary questions alone, then beside hostile clients (about 2x --seconds)",
    )
    hold.add_argument("--seconds", type=positive, default=30, help="per phase (30)")
    hold.add_argument("--clients", type=positive, default=4, help="ordinary clients (4)")
    hold.add_argument("--rate", type=positive, default=20, help="questions/s per client (20)")
    hold.add_argument("--hostile", type=positive, default=4, help="hostile clients per kind (4)")
    hold.add_argument("--threads", type=positive, default=8, help="server threads (8)")
    hold.add_argument("--questions", default="tests/qa_pairs.jsonl", help="ordinary questions")
    hold.add_argument(
        "--kinds",
        default=",".join(HOSTILE_KINDS),
        help=f"hostile kinds, comma-separated ({','.join(HOSTILE_KINDS)})",
    )
    hold.add_argument("--json", action="store_true", help="print JSON")
    add_paths(hold)
    scale = commands.add_parser(
        "scale", help="this engine, bm25s and rank-bm25 on a scale corpus (minutes)"
    )
    scale.add_argument("--source", required=True, help="folder of articles to repeat")
    scale.add_argument("--question-file", required=True, help="JSON-lines questions to ask")
    scale.add_argument("--sentences", type=positive, default=1_000_000, help="(1000000)")
    scale.add_argument("--questions", type=positive, default=500, help="questions (500)")
    scale.add_argument("--work", default="bench-work", help="folder for the corpus and indexes")
    scale.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def run_compare(args: argparse.Namespace) -> int:
    questions = read_questions(Path(args.questions), args.limit)
    results = compare(questions, Path(args.corpus), Path(args.index), runs=args.runs)
    print(format_comparison(results))
    return 0


def run_ablation(args: argparse.Namespace) -> int:
    questions = read_questions(Path(args.questions))
    print(format_comparison(ablation(questions, Path(args.corpus))))
    return 0


def run_speed(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.questions))]
    s = measure_speed(Path(args.corpus), questions, runs=args.runs)
    print(f"corpus {args.corpus}: {s.documents} documents, {s.sentences} sentences")
    print(
        f"median of {args.runs} runs: build {s.build_s:.3f} s, open {s.open_s:.3f} s, "
        f"question p50 {s.p50_ms:.3f} ms ({len(questions)} questions)"
    )
    return 0


def run_load(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.questions))]
    open_engine(args)  # build the index before the server starts
    results = run_loadcheck(
        questions, args.corpus, args.index, args.seconds, args.connections, args.threads
    )
    print(results_json(results) if args.json else format_load(results))
    return 0 if all(r.socket_errors + r.http_errors == 0 for r in results) else 1


def run_hold(args: argparse.Namespace) -> int:
    kinds = tuple(k for k in args.kinds.split(",") if k)
    unknown = set(kinds) - set(HOSTILE_KINDS)
    if unknown:
        known = ", ".join(HOSTILE_KINDS)
        raise QAError(f"unknown hostile kind {sorted(unknown)[0]!r}: use {known}")
    questions = [q.question for q in read_questions(Path(args.questions))]
    open_engine(args)  # build the index before the server starts
    phases = run_reliability(
        questions, args.corpus, args.index, args.seconds, args.clients, args.hostile,
        args.threads, kinds, args.rate,
    )  # fmt: skip
    print(reliability_json(phases) if args.json else format_reliability(phases))
    return 0 if passed(phases) else 1


def run_scale(args: argparse.Namespace) -> int:
    questions = [q.question for q in read_questions(Path(args.question_file))]
    questions = questions[: args.questions]
    say = partial(print, file=sys.stderr, flush=True)
    result = bench(Path(args.source), Path(args.work), args.sentences, questions, progress=say)
    print(json.dumps(result, indent=1) if args.json else format_scale(result))
    return 0


def format_scale(result: dict) -> str:
    """The scale figures as a table, with this engine's times as multiples of bm25s's
    fastest configuration (its numba backend). This engine's first question includes
    its warm-up (`job_astana_serve`), as bm25s's includes numba's compiling."""
    keys = ("build_s", "open_s", "index_mb", "first_question_ms", "p50_ms", "p99_ms", "rss_mb")
    heads = ("build_s", "open_s", "index_mb", "first_q_ms", "p50_ms", "p99_ms", "rss_mb")
    names = {"astana_qa": "astana-qa (full ranking, k=10)"}
    names |= {key: name for key, (_, name) in BM25S_BACKENDS.items()}
    names["rank_bm25"] = "rank-bm25 get_scores"
    width = max(map(len, names.values())) + 2
    rows = [f"{result['sentences']:,} sentences", "system".ljust(width)]
    rows[-1] += "".join(f"{h:>11}" for h in heads)
    for key, name in names.items():
        figures = result.get(key)
        if figures is None:
            rows.append(f"{name:<{width}}not measured (numba is not installed)")
            continue
        cells = ["-" if figures.get(k) is None else f"{figures[k]:.3g}" for k in keys]
        rows.append(f"{name:<{width}}" + "".join(f"{c:>11}" for c in cells))
    ours, fastest = result["astana_qa"], result.get(FASTEST)
    if fastest is not None:
        ratios = [
            f"{ours[k] / fastest[k]:.2f}" if ours.get(k) and fastest.get(k) else "-" for k in keys
        ]
        rows.append("astana-qa / fastest".ljust(width) + "".join(f"{r:>11}" for r in ratios))
        rows.append(
            f"astana-qa's query time is {ours['p50_ms'] / fastest['p50_ms']:.1f}x (p50) and "
            f"{ours['p99_ms'] / fastest['p99_ms']:.1f}x (p99) that of {fastest['name']}"
        )
    agree = result.get("bm25s_backends_agree")
    if agree:
        rows.append(
            f"bm25s backends, same top-10 scores: {agree['agreeing']} of {agree['questions']} "
            "questions"
        )
    if "warm_up_s" in ours:
        rows.append(
            f"astana-qa ready to serve in {ours['open_s'] + ours['warm_up_s']:.2f} s (open, "
            f"then warm-up questions as `serve` asks them); its first answer "
            f"{ours['open_s'] + ours['first_question_ms'] / 1000:.2f} s after its open began"
        )
    if "serve_first_answer_s" in ours:
        rows.append(
            f"`astana-qa serve`'s first answer came {ours['serve_first_answer_s']:.2f} s after "
            "the command started (interpreter, imports, open, warm-up, server)"
        )
    rows.append(
        f"re-index after adding one article: {ours['add_one_s']:.2f} s "
        f"({ours['analysed']} article(s) analysed)"
    )
    if "change_one_s" in ours:
        rows.append(
            f"re-index after changing one article of the full build: {ours['change_one_s']:.2f} s,"
            f" ({ours['change_analysed']} article(s) analysed), after removing one:"
            f" {ours['remove_one_s']:.2f} s"
        )
    speedup = result["rank_bm25"]["p50_ms"] / ours["p50_ms"]
    rows.append(f"query p50 speed-up over rank-bm25 get_scores: {speedup:.0f}x")
    return "\n".join(rows)


COMMANDS = {
    "compare": run_compare,
    "ablation": run_ablation,
    "speed": run_speed,
    "loadcheck": run_load,
    "reliability": run_hold,
    "scale": run_scale,
}


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(build_parser(), COMMANDS, argv)
