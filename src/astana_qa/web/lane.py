"""The long-question lane: long questions answered in a separate worker process.

The serving process answers from one interpreter, so a few clients sending the longest
questions allowed back to back (each unknown word is read for spelling) would keep the
CPU and make every ordinary question wait (docs/reliability.md). The lane answers
questions over `LaneSettings.long_question_chars` in a process of its own, with its own
engine opened read-only on the same corpus and index, at a lower priority (`os.nice`),
so the operating system gives ordinary questions the CPU first, and with a CPU budget
(`LaneSettings.cpu_share`: after each question the worker rests in proportion to the CPU
it spent), so that even clients sending long questions back to back take at most that
share of one CPU. At most
`LaneSettings.capacity` questions are in the lane at once; past that `LaneFull` is
raised, which the app answers with a 429 and Retry-After.

The worker exits with the serving process, even one killed with SIGKILL.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from ..errors import QAError
from ..index.build import exit_with_parent
from ..records import Answer
from ..search.engine import QAEngine
from ..search.query import Query
from ..settings import MAX_QUESTION_CHARS, LaneSettings, Settings
from .warm import prepare_to_serve

log = logging.getLogger(__name__)


class LaneUnavailable(QAError):
    """The lane's worker could not open the index (the reason is the message): its long
    questions are answered in the serving process."""


class LaneFull(Exception):
    """The lane holds as many questions as it may: ask again after `retry_after_s`."""

    def __init__(self, retry_after_s: int):
        super().__init__(f"the long-question lane is full; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class EngineLocation:
    """Where the lane's worker opens its engine: the serving engine's folders and settings."""

    corpus_dir: Path
    index_dir: Path
    alias_file: Path | None = None
    settings: Settings = field(default_factory=Settings)


class LongQuestionLane:
    """Answers long questions in worker processes; `takes` says which questions."""

    def __init__(self, location: EngineLocation, settings: LaneSettings | None = None):
        self.location = location
        self.settings = settings or LaneSettings()
        self._slots = threading.BoundedSemaphore(self.settings.capacity)
        self._lock = threading.Lock()
        self._closed = False
        self._failed = False  # set when the launched workers could not open the index
        self._starting: list[Future] = []  # each worker's readiness, once launched
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn: the worker is the serving process's own child (so it can tell when that
        # process is gone) and starts without copies of its threads and sockets.
        return ProcessPoolExecutor(
            self.settings.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_lane,
            initargs=(self.location, self.settings.nice, self.settings.cpu_share, os.getpid()),
        )

    def takes(self, question: object) -> TypeGuard[str]:
        """Whether `question` is answered in the lane: a string longer than ordinary
        questions. One too long to be asked at all is refused here, at no cost; none is
        taken once the lane's workers could not open the index (`launch`)."""
        if not isinstance(question, str) or self._failed:
            return False
        return self.settings.long_question_chars < len(question) <= MAX_QUESTION_CHARS

    def start(self) -> None:
        """Start the workers and wait until they have opened their engine (a `QAError`
        if the index cannot be opened read-only), so the first long question does not
        wait."""
        try:
            for future in self._submit_starts():
                future.result()
        except LaneUnavailable as exc:
            self.close()
            raise QAError(f"the long-question lane could not open the index: {exc}") from None
        except BrokenProcessPool:
            self.close()
            raise QAError(
                f"the long-question lane's worker stopped while opening {self.location.index_dir}"
            ) from None

    def launch(self) -> None:
        """Start the workers opening their engine, without waiting for them.

        `astana-qa serve` answers ordinary questions meanwhile: a worker's start (a
        second interpreter's imports, the open and the warm-up) took 2.5 to 3 s, longer
        than the serving process's own, and waiting for it made the first answer after
        `serve` started take 5 s instead of 2 to 3 s. A long question asked before then
        waits for the worker. Should the workers fail to open the index, the reason is
        logged and the lane takes no question: long ones are answered in the serving
        process, as with `--no-lane`. (A worker that dies while it starts is one that
        died, as in `ask`.)

        Ctrl+C is ignored while the workers are started, so they begin with it ignored
        (an ignored signal stays ignored in a new program): pressed while they import,
        it would otherwise print their tracebacks."""
        for future in self._submit_starts():
            future.add_done_callback(self._started)

    def _submit_starts(self) -> list[Future]:
        """One readiness check per worker, which starts it (with Ctrl+C ignored); none
        once the lane is closed (a replacement launched as `close` runs)."""
        with self._lock, _interrupts_ignored():
            if self._closed:
                return []
            self._starting = [self._pool.submit(_ready) for _ in range(self.settings.workers)]
            return self._starting

    def _started(self, future: Future) -> None:
        """A launched worker's readiness, reported (on the pool's own thread)."""
        if future.cancelled() or self._closed:
            return
        error = future.exception()
        if isinstance(error, LaneUnavailable):
            self._fail(error)
        elif isinstance(error, BrokenProcessPool) and not self._failed:
            log.warning("the long-question lane's worker died while starting; the next "
                        "long question gets a 429 and another worker starts")  # fmt: skip

    def _fail(self, reason: LaneUnavailable) -> None:
        """Take no more questions: the lane's worker could not open its engine (`reason`,
        logged once, however many workers or questions report it)."""
        with self._lock:
            if self._failed:
                return
            log.error("the long-question lane's worker could not open the index (%s); long "
                      "questions are answered in the serving process", reason)  # fmt: skip
            self._failed = True  # read by `takes`

    def ask(self, question: str, k: object) -> tuple[Query, Answer]:
        """`question` read and answered in the lane, as `QAEngine.read` and `ask` would in
        this process; `InvalidQuestion` as they raise it; `LaneFull` when it is full;
        `LaneUnavailable` when its worker could not open the index (the caller answers
        in its own process: a question asked before the failure was reported)."""
        if not self._slots.acquire(blocking=False):
            raise LaneFull(self.settings.retry_after_s)
        try:
            with self._lock:
                pool = self._pool
            try:
                return pool.submit(_ask_in_lane, question, k).result()
            except LaneUnavailable as exc:  # a worker (the first or a later one) cannot open
                self._fail(exc)
                raise
            except BrokenProcessPool:
                # The worker died (killed, out of memory): a new one, started at once.
                log.warning("the long-question lane's worker died; starting a new one")
                with self._lock:
                    replace = self._pool is pool and not self._closed  # none after close()
                    if replace:
                        self._pool = self._new_pool()
                if replace:
                    self.launch()
                raise LaneFull(self.settings.retry_after_s) from None
        finally:
            self._slots.release()

    def worker_pids(self) -> list[int]:
        """The process ids of the workers running now (none before `launch` or `start`)."""
        with self._lock:
            return list(self._pool._processes or {})

    def close(self) -> None:
        """Stop the workers: questions not yet begun are cancelled, those in hand are
        finished, and this returns once the pool's manager thread has ended.

        That thread is not a daemon, so the interpreter waits for it at exit whatever
        this does; returning before it ends only lets it close its wake-up pipe while the
        exit writes to that pipe. CPython 3.11's `_python_exit` hook (run by
        `threading._shutdown`) wakes each pool's manager thread without the lock under
        which that thread closes the pipe, so Ctrl+C could end `serve` with "Exception
        ignored ... OSError: [Errno 9] Bad file descriptor" (CPython gh-125451 adds that
        lock in 3.12 and later). Once the thread has ended, the pipe is marked closed
        and the hook leaves it alone.

        A worker still starting (its imports, open and warm-up: seconds, and it ignores
        Ctrl+C) is stopped (SIGTERM) rather than waited for, so Ctrl+C right after
        `serve` starts does not wait out the worker's start."""
        with self._lock:
            self._closed = True
            pool = self._pool
            starting = not all(future.done() for future in self._starting)
        if starting:
            for process in list((pool._processes or {}).values()):
                process.terminate()
        # Not under the lock: an `ask` whose worker died takes it while this waits.
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """SIGINT ignored inside the block, when called from the main thread (the only one
    that may set signal handlers); elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:  # None: a handler not set from Python, which cannot be set back
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


_engine: QAEngine | None = None
_throttle: CpuShare | None = None
_open_error: str | None = None  # why the worker's engine could not be opened


class CpuShare:
    """Keeps a worker's CPU use to `share` of one CPU: after work that took t seconds of
    CPU, the next may start only t × (1/share − 1) seconds later."""

    def __init__(
        self,
        share: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.share = min(1.0, max(share, 0.01))
        self._clock, self._sleep = clock, sleep
        self._next_start = 0.0

    def wait(self) -> None:
        """Sleep until the next piece of work may start."""
        delay = self._next_start - self._clock()
        if delay > 0:
            self._sleep(delay)

    def spent(self, cpu_seconds: float) -> None:
        """Note that work just finished after `cpu_seconds` of CPU."""
        self._next_start = self._clock() + cpu_seconds * (1 / self.share - 1)


def _start_lane(location: EngineLocation, nice: int, cpu_share: float, parent: int) -> None:
    """A lane worker's start: exit with `parent`, yield the CPU, open the engine. An
    index it cannot open is remembered (`_ready` and `_ask_in_lane` raise it as
    `LaneUnavailable`), not raised here, where the pool would print a traceback and
    report only a broken pool.

    Ctrl+C reaches every process of the terminal's group: the worker leaves it to the
    server, which stops it, instead of printing a traceback of its own."""
    global _engine, _throttle, _open_error  # one per worker process, set once at its start
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_with_parent, args=(parent,), daemon=True).start()
    os.nice(nice)
    try:
        engine = QAEngine.open(
            location.corpus_dir, location.index_dir, location.settings, location.alias_file,
            read_only=True,
        )  # fmt: skip
        prepare_to_serve(engine)
    except Exception as exc:  # said to the server, which answers long questions itself
        _open_error = str(exc) or type(exc).__name__
        return
    _throttle = CpuShare(cpu_share)
    _engine = engine


def _ready() -> bool:
    """True once the worker's engine is open; `LaneUnavailable` if it could not be."""
    if _engine is None:
        raise LaneUnavailable(_open_error or "the worker has no engine")
    return True


def _ask_in_lane(question: str, k: object) -> tuple[Query, Answer]:
    _ready()
    assert _engine is not None and _throttle is not None  # set by _start_lane
    _throttle.wait()
    began = time.process_time()
    try:
        query = _engine.read(question)
        return query, _engine.ask(query, k)  # type: ignore[arg-type]  # k is checked by ask
    finally:
        _throttle.spent(time.process_time() - began)
