"""The `astana-qa` command: index a corpus, ask questions, evaluate, serve.

User errors end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import signal
import sys
import threading
import time
import typing
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from tqdm import tqdm

from .bench.evaluation import (
    as_capitals,
    as_title,
    as_typed,
    evaluate,
    failure_record,
    format_report,
    is_failure,
    read_questions,
)
from .errors import QAError
from .index.store import verify_index
from .records import Answer
from .search.engine import QAEngine
from .settings import DEFAULT_K, MAX_K, LaneSettings
from .web import create_app
from .web.lane import EngineLocation, LongQuestionLane
from .web.server import make_server
from .web.warm import prepare_to_serve

EXIT_USER_ERROR = 2
# As for a process stopped by SIGPIPE (128 + 13): its reader closed the pipe.
EXIT_BROKEN_PIPE = 141


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and `--help` still shows the usage)."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
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


_k = whole_number(1, MAX_K)
positive = whole_number(1)
_port = whole_number(0, 65535)


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", default="seeds", help="folder of *.txt articles (seeds, in the current folder)"
    )
    parser.add_argument(
        "--index", default="index", help="index folder (index, in the current folder)"
    )
    parser.add_argument("--aliases", default=None, help="alias file (CORPUS/aliases.json)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="astana-qa", description="Answer questions about a folder of articles, with citations."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    index = commands.add_parser("index", help="build or refresh the index")
    add_paths(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild even if current")
    index.add_argument(
        "--verify", action="store_true", help="check every stored file against its digest"
    )
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument(
        "--k",
        type=_k,
        default=DEFAULT_K,
        help=f"best passages to cite, 1-{MAX_K} ({DEFAULT_K}); "
        "passages stating the answer are cited too",
    )
    ask.add_argument("--json", action="store_true", help="print the JSON answer")
    add_paths(ask)
    evaluate = commands.add_parser("eval", help="measure answers against a question file")
    evaluate.add_argument("questions", help="JSON-lines question file (project or SQuAD form)")
    evaluate.add_argument("--k", type=_k, default=10, help="citations per question (10)")
    evaluate.add_argument("--limit", type=positive, default=None, help="first N questions only")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--failures", default=None, help="write every miss to this file")
    cases = evaluate.add_mutually_exclusive_group()
    cases.add_argument(
        "--typed", action="store_true",
        help="ask each question as typed into a search box: lower case, no question mark",
    )  # fmt: skip
    cases.add_argument(
        "--title-case", action="store_true", help="ask each question with every word capitalised"
    )
    cases.add_argument("--capitals", action="store_true", help="ask each question in capitals")
    add_paths(evaluate)
    serve = commands.add_parser("serve", help="serve the web page and JSON API (waitress)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port, 0 for any free one (8000)")
    serve.add_argument("--threads", type=positive, default=8, help="worker threads (8)")
    serve.add_argument(
        "--no-lane",
        action="store_true",
        help="answer long questions in the serving process too, without a separate lane",
    )
    add_paths(serve)
    return parser


def open_engine(args: argparse.Namespace, rebuild: bool = False) -> QAEngine:
    bar = partial(tqdm, desc="analysing articles", unit="file", file=sys.stderr, disable=None)
    return QAEngine.open(args.corpus, args.index, alias_file=args.aliases, rebuild=rebuild,
                         progress=bar)  # fmt: skip


def format_answer(answer: Answer) -> str:
    """The human-readable form of an answer, with numbered citations."""
    lines = [f"Q: {answer.question}"]
    if answer.answered:
        lines.append(f"A: {_one_line(answer.answer or '')}")
        stated = ", ".join(f"[{r}]" for r in answer.supported_by)
        lines.append(
            f"   ({answer.answer_type}; stated in {stated or '[1]'}; "
            f"confidence {answer.confidence:.2f}, a score, not a probability"
            + (f"; ordered by the date it states, {answer.as_of}" if answer.as_of else "")
            + ")"
        )
        for variant in answer.variants:
            if variant.text != answer.answer:
                ranks = ", ".join(f"[{r}]" for r in variant.supported_by)
                lines.append(f"   Sources differ: {variant.text} {ranks}".rstrip())
    else:
        lines.append(f"The articles do not answer this question: {answer.reason}.")
        if answer.citations:
            lines.append("Closest passages (not answers):")
    for c in answer.citations:
        # Where to check the quote (file and character offsets), then what the article
        # is, said in words: a missing title or date is said to be missing.
        title = f"“{c.title}”" if c.title else "untitled"
        dated = f"dated {c.date}" if c.date else "no date stated"
        lines.append(f"[{c.rank}] {c.source}:{c.start}-{c.end}  ({title}; {dated})")
        lines.append(f"    {_one_line(c.text)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """A quote shown on one line: an article that wraps its lines breaks sentences
    across them (the offsets still give the exact text)."""
    return " ".join(text.split())


def run_index(args: argparse.Namespace) -> int:
    if args.verify:
        problems = verify_index(Path(args.index))
        for problem in problems:
            print(f"index {args.index}: {problem}")
        if problems:
            print("Run `astana-qa index --rebuild` to rebuild it.")
            return 1
        print(f"index {args.index}: every stored file matches its digest")
        return 0
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
    if args.typed:
        questions = [as_typed(q) for q in questions]
    if args.title_case:
        questions = [as_title(q) for q in questions]
    if args.capitals:
        questions = [as_capitals(q) for q in questions]
    if args.failures and not Path(args.failures).resolve().parent.is_dir():
        raise QAError(f"Cannot write {args.failures}: its folder does not exist")
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


def long_question_lane(args: argparse.Namespace, engine: QAEngine) -> LongQuestionLane:
    """The lane for `serve`'s long questions, over the served engine's folders (not started)."""
    aliases = Path(args.aliases) if args.aliases else None
    where = EngineLocation(Path(args.corpus), Path(args.index), aliases, engine.settings)
    # Threads waiting on the lane leave at least half the server's to ordinary questions.
    defaults = LaneSettings()
    capacity = max(1, min(defaults.capacity, args.threads // 2))
    return LongQuestionLane(where, dataclasses.replace(defaults, capacity=capacity))


def _stop_serving(signum: int, frame: object) -> None:
    """SIGTERM (`kill`, a service manager) stops `serve` as Ctrl+C does: through its
    `finally` blocks, which stop the long-question lane's process and free what it
    holds, instead of leaving that to the interpreter's abrupt end."""
    raise KeyboardInterrupt


def run_serve(args: argparse.Namespace) -> int:
    if threading.current_thread() is threading.main_thread():  # signals go to it alone
        signal.signal(signal.SIGTERM, _stop_serving)
    engine = open_engine(args)
    lane = None if args.no_lane else long_question_lane(args, engine)
    try:
        server = make_server(create_app(engine, lane=lane), args.host, args.port, args.threads)
        try:
            if lane is not None:  # once the address is known to be good; ready later
                lane.launch()
            stats = engine.stats
            # said before, not after: on the first start it is seconds without a word
            print(f"astana-qa: {stats.documents} articles, {stats.sentences} sentences; "
                  "warming up (seconds longer on the first start after installing, which "
                  "compiles the scoring loops) ...", flush=True)  # fmt: skip
            warm_up_s = prepare_to_serve(engine)
            print(f"serving on http://{args.host}:{server.effective_port}/  (warmed up in "
                  f"{warm_up_s:.2f} s; Ctrl+C stops)", flush=True)  # fmt: skip
            server.run()
        finally:
            server.close()
    finally:
        if lane is not None:
            lane.close()
    return 0


COMMANDS = {
    "index": run_index,
    "ask": run_ask,
    "eval": run_eval,
    "serve": run_serve,
}


def run_command(
    parser: argparse.ArgumentParser,
    commands: Mapping[str, Callable[[argparse.Namespace], int]],
    argv: Sequence[str] | None,
) -> int:
    """Parse `argv` and run its command; a user error is one line on stderr, exit 2."""
    prog = parser.prog
    logging.basicConfig(level=logging.WARNING, format=f"{prog}: %(message)s")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors and --help: argparse has printed its message
        return int(exc.code or 0)
    try:
        return commands[args.command](args)
    except QAError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of the output went away (`| head`): stop quietly, as other tools do,
        # with stdout pointed at nothing so that the exit's flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(build_parser(), COMMANDS, argv)


if __name__ == "__main__":
    sys.exit(main())
