"""`astana-qa serve` started and stopped for the measuring commands (load, reliability,
scale), as a person starts it: a new process on a free loopback port.

The server's output is read on a thread of its own to the end, for two reasons: a
server writing into a full pipe would block, and a server that stops or never serves
is reported with what it said, instead of the measuring command waiting on it forever.
"""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time

from ..errors import QAError

# Long enough for a first start at a million sentences (open, warm-up, numba compiling).
START_TIMEOUT_S = 600.0
STOP_TIMEOUT_S = 30.0
_SERVING = re.compile(r"serving on (http://[^/\s]+)")
# How many of the server's last lines an error quotes.
QUOTED_LINES = 20


def start_server(
    corpus: str, index: str, *options: str, timeout_s: float = START_TIMEOUT_S
) -> tuple[subprocess.Popen, str]:
    """`astana-qa serve --corpus corpus --index index *options` on a free port, once it
    serves: the process and its address ("http://127.0.0.1:PORT")."""
    command = [sys.executable, "-m", "astana_qa", "serve", "--port", "0",
               "--corpus", corpus, "--index", index, *options]  # fmt: skip
    return started(command, timeout_s)


def started(command: list[str], timeout_s: float) -> tuple[subprocess.Popen, str]:
    """Run `command` and wait for its "serving on ADDRESS" line; `QAError` with its last
    lines, the process killed, if it stops or has not said it within `timeout_s`."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)  # fmt: skip
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stdout or ():
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout_s
    said: list[str] = []
    timed_out = False
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            timed_out = True
            break
        if line is None:  # its output ended: it stopped
            break
        said.append(line)
        found = _SERVING.search(line)
        if found:
            return process, found.group(1)
    process.kill()
    process.wait()
    ending = f"did not serve within {timeout_s:g} s" if timed_out else "stopped before serving"
    raise QAError(f"astana-qa serve {ending}; it said:\n" + "".join(said[-QUOTED_LINES:]))


def stop_server(process: subprocess.Popen) -> None:
    """Stop a server as Ctrl+C would (SIGTERM; its lane stops with it), or kill it if it
    has not stopped within `STOP_TIMEOUT_S`."""
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
