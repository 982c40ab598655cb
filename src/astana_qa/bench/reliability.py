"""A reliability check of the served app under hostile clients: `astana-qa-bench reliability`.

Starts `astana-qa serve` on a free loopback port (127.0.0.1 only), then runs two phases
of the same length: ordinary questions from several client threads (each paced at a
steady rate, as users ask) alone, then the same with hostile clients beside them. It
reports the ordinary questions' p50/p99 latency in each phase, and errors and 5xx answers
of every kind of client. The hostile clients are:

- long questions: ~1,000 characters of random long words, the costliest question to
  read (each unknown word is looked up for spelling), asked back to back;
- slow clients: open a connection and trickle a header line every second, forever, the
  "slowloris" pattern (the server's request deadline should cut them off);
- oversized bodies: announce a body of 100 MB and start sending it (the server should
  answer 413 at once, without reading it).

Every loop stops by itself at the end of its phase (sockets have timeouts). Not a CI
test: it takes twice `--seconds` plus the server's start, on an otherwise idle machine.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import socket
import string
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ..settings import MAX_QUESTION_CHARS
from .served import start_server, stop_server

# Ordinary-question p99 the service should keep with the hostile clients running.
P99_GOAL_MS = 50.0
SOCKET_TIMEOUT_S = 10.0
OVERSIZED_BYTES = 100 * 1024 * 1024
TRICKLE_EVERY_S = 1.0
HOSTILE_KINDS = ("long_questions", "slow_clients", "oversized_bodies")


@dataclass
class ClientStats:
    """What one kind of client saw in one phase."""

    requests: int = 0
    errors: int = 0  # no HTTP answer: refused, reset, timed out
    statuses: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, status: int | None, latency_ms: float | None = None) -> None:
        with self.lock:
            self.requests += 1
            if status is None:
                self.errors += 1
            else:
                self.statuses[status] += 1
            if latency_ms is not None:
                self.latencies_ms.append(latency_ms)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def summary(self) -> dict:
        return {
            "requests": self.requests,
            "errors": self.errors,
            "server_errors": self.server_errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "p50_ms": round(self.percentile(0.50), 2),
            "p99_ms": round(self.percentile(0.99), 2),
        }


def _ordinary(
    host: str, port: int, questions: list[str], rate: float, stats: ClientStats, stop: float
) -> None:
    """Ask the questions over one keep-alive connection, one every 1/`rate` seconds (or
    back to back when a question takes longer), until `stop`. Paced, so that the latency
    measured is a user's, not the queue these clients would build themselves."""
    rng = random.Random(threading.get_ident())
    connection = http.client.HTTPConnection(host, port, timeout=SOCKET_TIMEOUT_S)
    next_at = time.monotonic() + rng.random() / rate
    while (now := time.monotonic()) < stop:
        if now < next_at:
            time.sleep(min(next_at - now, stop - now))
            continue
        next_at = max(next_at + 1 / rate, now)
        path = f"/api/ask?k=5&q={quote(rng.choice(questions))}"
        began = time.perf_counter()
        connection, status = _send(connection, "GET", path)
        stats.add(status, None if status is None else (time.perf_counter() - began) * 1000)
    connection.close()


def random_long_question(rng: random.Random) -> str:
    """About MAX_QUESTION_CHARS characters of random words of 9 to 14 letters."""
    words: list[str] = []
    length = 0
    while length < MAX_QUESTION_CHARS - 20:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(9, 14)))
        words.append(word)
        length += len(word) + 1
    return " ".join(words) + "?"


def _long_questions(host: str, port: int, stats: ClientStats, stop: float) -> None:
    """Ask ~1,000-character questions of random long words back to back until `stop`."""
    rng = random.Random(threading.get_ident())
    connection = http.client.HTTPConnection(host, port, timeout=SOCKET_TIMEOUT_S)
    while time.monotonic() < stop:
        body = json.dumps({"question": random_long_question(rng)})
        headers = {"Content-Type": "application/json"}
        connection, status = _send(connection, "POST", "/api/ask", body, headers)
        stats.add(status)
    connection.close()


def _send(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    body: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[http.client.HTTPConnection, int | None]:
    """One request on a keep-alive connection: the connection to use next (a new one
    after a failure) and the response's status (None when there was no answer)."""
    try:
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        response.read()
        return connection, response.status
    except (OSError, http.client.HTTPException):
        connection.close()
        fresh = http.client.HTTPConnection(
            connection.host, connection.port, timeout=SOCKET_TIMEOUT_S
        )
        return fresh, None


def _slow(host: str, port: int, stats: ClientStats, stop: float) -> None:
    """Trickle header lines, one a second, on a connection until the server closes it;
    then start again, until `stop`. A "request" here is one connection; its status is
    recorded as 0 when the server cut it off before `stop`."""
    while time.monotonic() < stop:
        try:
            sock = socket.create_connection((host, port), timeout=SOCKET_TIMEOUT_S)
        except OSError:
            stats.add(None)
            time.sleep(TRICKLE_EVERY_S)
            continue
        with sock:
            sock.settimeout(TRICKLE_EVERY_S)
            try:
                sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                while time.monotonic() < stop:
                    try:
                        if sock.recv(1024) == b"":
                            stats.add(0)
                            break
                    except TimeoutError:
                        pass
                    sock.sendall(b"X-Trickle: 1\r\n")
            except OSError:
                stats.add(0)


def _oversized(host: str, port: int, stats: ClientStats, stop: float) -> None:
    """Announce an OVERSIZED_BYTES body and send it until answered, until `stop`.

    The status is the server's answer (413 expected), 0 when the server closed the
    connection before its answer could be read (it refuses the rest of the body), None
    (an error) when the connection could not be made or the server did not answer."""
    head = (
        "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {OVERSIZED_BYTES}\r\n\r\n"
    ).encode()
    chunk = b" " * 65536
    while time.monotonic() < stop:
        status: int | None = None
        try:
            with socket.create_connection((host, port), timeout=SOCKET_TIMEOUT_S) as sock:
                try:
                    status = _send_oversized(sock, head, chunk, stop)
                except (ConnectionResetError, BrokenPipeError):
                    status = 0
        except OSError:
            status = None
        if status is None and time.monotonic() >= stop:
            break  # cut short by the end of the phase, not by the server
        stats.add(status)
        time.sleep(0.05)


def _send_oversized(sock: socket.socket, head: bytes, chunk: bytes, stop: float) -> int | None:
    """Send `head`, then body chunks while the server says nothing; its status or None."""
    sock.sendall(head)
    sock.settimeout(0.01)
    sent = 0
    while sent < OVERSIZED_BYTES and time.monotonic() < stop:
        try:
            reply = sock.recv(1024)
        except TimeoutError:
            # A full send buffer: the server is not reading; look for its answer again.
            with contextlib.suppress(TimeoutError):
                sent += sock.send(chunk)
            continue
        if reply.startswith(b"HTTP/1.1 "):
            return int(reply[9:12])
        return 0 if reply == b"" else None
    return None


@dataclass
class Phase:
    name: str
    seconds: float
    clients: dict[str, ClientStats]
    # The machine's 1-minute load average as the phase began: latency means little on a
    # machine that other work keeps busy.
    load_average: float = 0.0

    def to_dict(self) -> dict:
        head = {"phase": self.name, "seconds": self.seconds, "load_average": self.load_average}
        return head | {kind: stats.summary() for kind, stats in self.clients.items()}


def _run_phase(name: str, seconds: float, workers: dict[str, tuple[int, Callable]]) -> Phase:
    """Run `count` threads of each kind of client for `seconds`; they stop by themselves."""
    stop = time.monotonic() + seconds
    clients = {kind: ClientStats() for kind in workers}
    threads = [
        threading.Thread(target=target, args=(clients[kind], stop), daemon=True)
        for kind, (count, target) in workers.items()
        for _ in range(count)
    ]
    load_average = os.getloadavg()[0]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 2 * SOCKET_TIMEOUT_S)
    return Phase(name, round(time.monotonic() - began, 1), clients, load_average)


def run_reliability(
    questions: list[str],
    corpus: str,
    index: str,
    seconds: int = 30,
    clients: int = 4,
    hostile: int = 4,
    threads: int = 8,
    kinds: tuple[str, ...] = HOSTILE_KINDS,
    rate: float = 20.0,
) -> list[Phase]:
    """The quiet phase, then the hostile one (`hostile` clients of each of `kinds`),
    against a server started for them; each ordinary client asks `rate` questions a
    second."""
    process, url = start_server(corpus, index, "--threads", str(threads))
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    if host != "127.0.0.1":
        raise ValueError(f"the reliability check runs on loopback only, not {host}")
    try:
        ordinary = (clients, lambda s, stop: _ordinary(host, port, questions, rate, s, stop))
        quiet = _run_phase("ordinary only", seconds, {"ordinary": ordinary})
        targets: dict[str, Callable] = {
            "long_questions": lambda s, stop: _long_questions(host, port, s, stop),
            "slow_clients": lambda s, stop: _slow(host, port, s, stop),
            "oversized_bodies": lambda s, stop: _oversized(host, port, s, stop),
        }
        workers = {"ordinary": ordinary} | {kind: (hostile, targets[kind]) for kind in kinds}
        hostile_phase = _run_phase(f"with {hostile} of each hostile kind", seconds, workers)
        return [quiet, hostile_phase]
    finally:
        stop_server(process)


def passed(phases: list[Phase]) -> bool:
    """No 5xx from anyone, no failed ordinary question, ordinary p99 under the goal."""
    ordinary = phases[-1].clients["ordinary"]
    no_5xx = all(s.server_errors == 0 for p in phases for s in p.clients.values())
    return no_5xx and ordinary.errors == 0 and ordinary.percentile(0.99) < P99_GOAL_MS


def format_reliability(phases: list[Phase]) -> str:
    """The figures as a Markdown table, and the verdict."""
    lines = [
        f"load average before the run: {phases[0].load_average:.2f} ({os.cpu_count()} CPUs)\n",
        "| phase | client | requests | errors | 5xx | statuses | p50 | p99 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phase in phases:
        for kind, stats in phase.clients.items():
            s = stats.summary()
            statuses = ", ".join(
                f"{'closed' if k == '0' else k}: {v}" for k, v in s["statuses"].items()
            )
            ordinary = kind == "ordinary"
            p50 = f"{s['p50_ms']:.1f} ms" if ordinary else "-"
            p99 = f"{s['p99_ms']:.1f} ms" if ordinary else "-"
            lines.append(
                f"| {phase.name} ({phase.seconds:g} s) | {kind} | {s['requests']} | "
                f"{s['errors']} | {s['server_errors']} | {statuses or '-'} | {p50} | {p99} |"
            )
    verdict = "holds" if passed(phases) else "does NOT hold"
    lines.append(
        f"\nGoal (ordinary p99 < {P99_GOAL_MS:g} ms with hostile clients, no 5xx, "
        f"no failed ordinary question): {verdict}."
    )
    lines.append("closed: connections the server closed without answering (slow clients cut off).")
    return "\n".join(lines)


def results_json(phases: list[Phase]) -> str:
    return json.dumps([p.to_dict() for p in phases] + [{"passed": passed(phases)}], indent=2)
