"""`astana-qa serve` started and stopped for the measuring commands (load, reliability,
scale), as a person starts it: a new process on a free loopback port.

The server's output is read on a thread of its own to the end, for two reasons: a
server writing into a full pipe would block, and a server that stops or never serves
is reported with what it said (its last `QUOTED_LINES` lines are kept), instead of the
measuring command waiting on it forever.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections import deque

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
    lines and exit code if it stops first, or, killed, if it has not said it within
    `timeout_s` (killed too if the wait is interrupted)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace")  # fmt: skip
    last: deque[str] = deque(maxlen=QUOTED_LINES)
    address: list[str] = []
    said = threading.Event()  # the address, or the end of its output

    def read() -> None:
        try:
            for line in process.stdout or ():
                last.append(line)
                found = _SERVING.search(line)
                if found and not address:
                    address.append(found.group(1))
                    said.set()
        finally:
            said.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        in_time = said.wait(timeout_s)
    except BaseException:
        _kill(process)
        raise
    if address:
        return process, address[0]
    if in_time:  # its output ended: it is exiting, with an exit code of its own
        _wait_or_kill(process)
        ending = f"stopped before serving (exit code {process.returncode})"
    else:
        _kill(process)
        ending = f"did not serve within {timeout_s:g} s"
    raise QAError(f"astana-qa serve {ending}; it said:\n" + "".join(last))


def _kill(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()


def _wait_or_kill(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _kill(process)


def stop_server(process: subprocess.Popen) -> None:
    """Stop a server as Ctrl+C would (SIGTERM; its lane stops with it), or kill it if it
    has not stopped within `STOP_TIMEOUT_S`."""
    process.terminate()
    _wait_or_kill(process)
