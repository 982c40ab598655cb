"""The long-question lane (`web/lane.py`): long questions answered in a worker process,
with the same answers as in the serving process, a 429 when it is full, and a worker
that ends with the server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from argparse import Namespace
from pathlib import Path

import pytest

from astana_qa import cli
from astana_qa.cli import long_question_lane
from astana_qa.errors import QAError
from astana_qa.settings import MAX_QUESTION_CHARS, LaneSettings
from astana_qa.web import create_app
from astana_qa.web.lane import (
    CpuShare,
    EngineLocation,
    LaneFull,
    LaneUnavailable,
    LongQuestionLane,
)
from tests.conftest import ROOT, SEEDS
from tests.web.test_web import DOCUMENT, assert_error

QUESTIONS = [
    json.loads(line)["question"]
    for line in (ROOT / "tests" / "qa_pairs.jsonl").read_text("utf-8").splitlines()
    if line.strip()
][:12]
# Low enough that most seed questions go to the lane in these tests.
SHORT_LIMIT = 30
LONG = "Who represented the Syrian opposition at the talks in Astana " * 5


@pytest.fixture(scope="module")
def lane(seed_engine, seed_index_dir):
    lane = LongQuestionLane(
        EngineLocation(SEEDS, seed_index_dir, settings=seed_engine.settings),
        LaneSettings(long_question_chars=SHORT_LIMIT, capacity=2),
    )
    lane.start()
    yield lane
    lane.close()


@pytest.fixture(scope="module")
def full_lane(seed_index_dir):
    """A lane that can hold no question (never started: no worker process)."""
    return LongQuestionLane(
        EngineLocation(SEEDS, seed_index_dir), LaneSettings(long_question_chars=SHORT_LIMIT,
                                                            capacity=0, retry_after_s=3)
    )  # fmt: skip


def without_time(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "took_ms"}


def test_the_lane_takes_only_questions_longer_than_ordinary_ones():
    lane = LongQuestionLane(EngineLocation(SEEDS, SEEDS), LaneSettings(long_question_chars=10))
    assert not lane.takes("x" * 10)
    assert lane.takes("x" * 11)
    assert lane.takes("x" * MAX_QUESTION_CHARS)
    assert not lane.takes("x" * (MAX_QUESTION_CHARS + 1))  # refused in-process, at no cost
    assert not lane.takes(None)
    assert not lane.takes(["x" * 50])


def test_ordinary_questions_are_under_the_default_limit():
    limit = LaneSettings().long_question_chars
    for name in ("qa_pairs.jsonl", "reader_questions.jsonl"):
        lines = (ROOT / "tests" / name).read_text("utf-8").splitlines()
        assert all(len(json.loads(line)["question"]) <= limit for line in lines if line)


def test_the_lane_answers_as_the_serving_process_does(lane, seed_engine):
    for question in [*QUESTIONS, LONG]:
        assert lane.takes(question) == (len(question) > SHORT_LIMIT)
        query, answer = lane.ask(question, 3)
        here = seed_engine.read(question)
        assert query == here
        assert without_time(answer.to_dict()) == without_time(seed_engine.ask(here, 3).to_dict())


def test_the_api_gives_the_same_answer_with_the_lane(lane, seed_engine):
    with_lane = create_app(seed_engine, lane=lane).test_client()
    alone = create_app(seed_engine).test_client()
    for question in (LONG, QUESTIONS[0]):
        body = {"question": question, "k": 2, "highlight": True}
        got, expected = with_lane.post("/api/ask", json=body), alone.post("/api/ask", json=body)
        assert got.status_code == expected.status_code == 200
        assert without_time(got.get_json()) == without_time(expected.get_json())
    page = with_lane.get("/", query_string={"q": LONG})
    assert page.status_code == 200
    assert "Ahmet Toma" in page.get_data(as_text=True)


def test_an_invalid_k_from_the_lane_is_a_400(lane, seed_engine):
    client = create_app(seed_engine, lane=lane).test_client()
    response = client.post("/api/ask", json={"question": LONG, "k": 0})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_k"


def test_a_full_lane_is_a_429_with_retry_after(full_lane, seed_engine):
    client = create_app(seed_engine, lane=full_lane).test_client()
    response = client.get("/api/ask", query_string={"q": LONG})
    assert_error(response, 429, "too_many_long_questions")
    assert response.headers["Retry-After"] == "3"
    assert "ask again in 3 seconds" in response.get_json()["error"]["message"]
    for method in ("get", "post"):
        assert "429" in DOCUMENT["paths"]["/api/ask"][method]["responses"]
    page = client.get("/", query_string={"q": LONG})
    assert page.status_code == 429
    assert page.headers["Retry-After"] == "3"
    assert "ask again in 3 seconds" in page.get_data(as_text=True)
    # Short questions are still answered, in this process.
    assert client.get("/api/ask", query_string={"q": "Who mediated?"}).status_code == 200


def test_a_dead_worker_is_a_429_then_replaced(seed_engine, seed_index_dir):
    lane = LongQuestionLane(EngineLocation(SEEDS, seed_index_dir), LaneSettings(workers=1))
    lane.start()
    try:
        (pid,) = lane.worker_pids()
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(LaneFull):
            lane.ask(LONG, 1)
        assert lane.worker_pids() not in ([], [pid])  # another worker started at once
        _, answer = lane.ask(LONG, 1)
        assert answer.answer == seed_engine.ask(LONG, 1).answer
        assert lane.worker_pids() != [pid]
    finally:
        lane.close()


def test_close_leaves_no_thread_for_the_exit_to_race_with(seed_engine, seed_index_dir):
    # A pool thread still closing its pipes when the interpreter exits races CPython
    # 3.11's exit hook, which writes to one of them ("Bad file descriptor" after Ctrl+C).
    before = set(threading.enumerate())
    lane = LongQuestionLane(EngineLocation(SEEDS, seed_index_dir), LaneSettings(workers=1))
    lane.start()
    lane.ask(LONG, 1)
    (pid,) = lane.worker_pids()
    lane.close()
    assert [t for t in threading.enumerate() if t not in before and t.is_alive()] == []
    assert not alive(pid)
    lane.close()  # a second close is harmless


def sigint_ignored(pid: int) -> bool:
    """Whether process `pid` ignores SIGINT (its `SigIgn` mask in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGINT - 1) & 1)
    raise AssertionError(f"no SigIgn line for process {pid}")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_launched_workers_ignore_ctrl_c_from_their_start(seed_engine, seed_index_dir):
    lane = LongQuestionLane(
        EngineLocation(SEEDS, seed_index_dir, settings=seed_engine.settings),
        LaneSettings(workers=1),
    )
    # pytest started from a script in the background inherits Ctrl+C ignored, which would
    # make this pass whatever `launch` does: Python's own handler for the test's length
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        lane.launch()
        # At once, long before the worker has imported anything and set its own handler:
        # a Ctrl+C while it starts would otherwise print its traceback under the server's.
        (pid,) = lane.worker_pids()
        assert sigint_ignored(pid)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # as before
        _, answer = lane.ask(LONG, 1)  # asked before the worker is ready: it waits
        assert answer.answer == seed_engine.ask(LONG, 1).answer
    finally:
        lane.close()
        signal.signal(signal.SIGINT, handler)


def test_closing_a_lane_still_starting_stops_its_worker(seed_engine, seed_index_dir):
    lane = LongQuestionLane(
        EngineLocation(SEEDS, seed_index_dir, settings=seed_engine.settings),
        LaneSettings(workers=1),
    )
    lane.launch()
    (worker,) = lane._pool._processes.values()  # the pool's own record, read for the test
    lane.close()  # at once: the worker is still importing, for a second or more
    # stopped (SIGTERM), not waited for through its imports, open and warm-up
    assert worker.exitcode == -signal.SIGTERM


class RefusingLane:
    """A lane whose worker could not open the index, found out by the question itself."""

    def takes(self, question: object) -> bool:
        return True

    def ask(self, question: str, k: object):
        raise LaneUnavailable("the index is missing")


def test_a_question_the_lane_cannot_answer_is_answered_in_this_process(seed_engine):
    app = create_app(seed_engine, lane=RefusingLane())  # type: ignore[arg-type]
    answered = app.test_client().get("/api/ask", query_string={"q": LONG, "k": 1})
    assert answered.status_code == 200
    assert answered.get_json()["answer"] == seed_engine.ask(LONG, 1).answer


def test_a_launched_lane_that_cannot_open_the_index_takes_no_question(
    seed_engine, tmp_path, caplog, capfd
):
    lane = LongQuestionLane(EngineLocation(SEEDS, tmp_path / "none"))
    try:
        lane.launch()  # no error here: the server answers meanwhile
        # Asked before the failure is known: the worker says why, for this question too,
        # and the app answers it in its own process.
        with pytest.raises(LaneUnavailable, match="index"):
            lane.ask(LONG, 1)
        app = create_app(seed_engine, lane=lane)
        answered = app.test_client().get("/api/ask", query_string={"q": LONG, "k": 1})
        assert answered.status_code == 200
        assert answered.get_json()["answer"] == seed_engine.ask(LONG, 1).answer
        deadline = time.monotonic() + 60
        while lane.takes(LONG):  # from then on, long questions stay in the serving process
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert "could not open the index (the index in" in caplog.text
        assert "is missing or out of date" in caplog.text  # the worker's reason, passed on
        assert caplog.text.count("could not open the index") == 1  # said once
        assert not (tmp_path / "none").exists()
    finally:
        lane.close()
    # the reason is logged once, by the server; the worker printed no traceback
    assert "Traceback" not in capfd.readouterr().err


def test_serve_answers_without_waiting_for_its_lane(monkeypatch, capsys):
    """`serve` launches the lane, warms its own engine up and serves; it never waits for
    the lane's workers (whose start took longer than its own)."""
    calls: list[str] = []

    class Lane:
        def launch(self) -> None:
            calls.append("launch")

        def start(self) -> None:
            calls.append("start")  # waits for the workers

        def close(self) -> None:
            calls.append("close")

    class Server:
        effective_port = 8000

        def run(self) -> None:
            calls.append("run")

        def close(self) -> None:
            calls.append("server closed")

    engine = Namespace(stats=Namespace(documents=5, sentences=79))
    monkeypatch.setattr(cli, "open_engine", lambda args: engine)
    monkeypatch.setattr(cli, "long_question_lane", lambda args, engine: Lane())
    monkeypatch.setattr(cli, "create_app", lambda engine, lane: None)
    monkeypatch.setattr(cli, "make_server", lambda app, host, port, threads: Server())

    def warm_up(engine: object) -> float:
        calls.append("warm")
        # said before the warm-up, which takes seconds on the first start
        assert "warming up" in capsys.readouterr().out
        return 0.5

    monkeypatch.setattr(cli, "prepare_to_serve", warm_up)
    args = Namespace(no_lane=False, host="127.0.0.1", port=8000, threads=8)
    assert cli.run_serve(args) == 0
    assert calls == ["launch", "warm", "run", "server closed", "close"]
    assert "serving on http://127.0.0.1:8000/  (warmed up in 0.50 s" in capsys.readouterr().out


def test_a_lane_over_a_missing_index_does_not_start_or_build_it(tmp_path):
    lane = LongQuestionLane(EngineLocation(SEEDS, tmp_path / "none"))
    with pytest.raises(QAError, match="could not open the index"):
        lane.start()
    assert not (tmp_path / "none").exists()


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def niceness(pid: int) -> int:
    """The 19th field of /proc/PID/stat."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


def start_server(index_dir: Path) -> subprocess.Popen:
    """`astana-qa serve` in a process group of its own, as from a terminal (Ctrl+C
    interrupts), once it is serving."""
    script = Path(sys.executable).with_name("astana-qa")
    server = subprocess.Popen(
        [str(script), "serve", "--port", "0", "--corpus", str(SEEDS), "--index",
         str(index_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    for line in server.stdout:  # type: ignore[union-attr]
        if "serving on" in line:
            break
    return server


def test_ctrl_c_stops_the_server_and_its_lane_quietly(seed_engine, seed_index_dir):
    server = start_server(seed_index_dir)
    os.killpg(server.pid, signal.SIGINT)  # what a terminal's Ctrl+C does
    output, _ = server.communicate(timeout=60)
    assert server.returncode in (0, 130)
    assert "Traceback" not in output


def test_sigterm_stops_the_server_and_its_lane_as_ctrl_c_does(seed_engine, seed_index_dir):
    server = start_server(seed_index_dir)
    others = children(server.pid)
    server.send_signal(signal.SIGTERM)  # what `kill` and service managers send
    output, _ = server.communicate(timeout=60)
    assert server.returncode in (0, 130)
    # Without a handler the interpreter ends at once, and the lane's semaphores are
    # reported leaked ("resource_tracker: There appear to be 5 leaked semaphore objects").
    assert "Traceback" not in output and "leaked" not in output
    deadline = time.monotonic() + 30  # the workers stop when they next look for work
    while any(alive(pid) for pid in others) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in others)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_the_lane_ends_with_a_killed_server(seed_engine, seed_index_dir):
    server = start_server(seed_index_dir)
    try:
        workers = [
            pid for pid in children(server.pid)
            if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()
        ]  # fmt: skip
        assert len(workers) == LaneSettings().workers
        # The server answers before its workers are ready; each lowers its priority first.
        deadline = time.monotonic() + 30
        while any(niceness(p) != LaneSettings().nice for p in workers):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        others = children(server.pid)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
    deadline = time.monotonic() + 30  # the workers look for their parent every 0.5 s
    while any(alive(pid) for pid in others) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in others)
    for pid in others:  # reaped by init; nothing to clean up here
        assert not os.path.exists(f"/proc/{pid}/cmdline") or not alive(pid)


@pytest.mark.parametrize(("threads", "capacity"), [(8, 4), (4, 2), (2, 1), (1, 1), (32, 4)])
def test_serve_leaves_half_its_threads_to_ordinary_questions(seed_engine, threads, capacity):
    args = Namespace(corpus=str(SEEDS), index="index", aliases=None, threads=threads)
    lane = long_question_lane(args, seed_engine)
    try:
        assert lane.settings.capacity == capacity
    finally:
        lane.close()


class FakeClock:
    """A clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_cpu_share_rests_in_proportion_to_the_cpu_spent():
    clock = FakeClock()
    share = CpuShare(0.25, clock=clock, sleep=clock.sleep)
    share.wait()  # nothing spent yet: no rest
    assert clock.slept == []
    share.spent(0.010)
    share.wait()
    assert clock.slept == [pytest.approx(0.030)]  # 10 ms of CPU in every 40 ms at most
    share.spent(0.002)
    clock.now += 1.0  # the next question came much later: no rest left to take
    share.wait()
    assert len(clock.slept) == 1


def test_a_share_of_one_cpu_never_rests():
    clock = FakeClock()
    share = CpuShare(1.0, clock=clock, sleep=clock.sleep)
    share.spent(0.5)
    share.wait()
    assert clock.slept == []
