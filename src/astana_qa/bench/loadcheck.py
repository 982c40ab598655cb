"""A load check of the served app (not a CI test): `astana-qa loadcheck`.

Starts `astana-qa serve` on a free loopback port, then runs wrk (Debian package `wrk`)
for the given seconds against /api/ask, cycling through varied questions, and for the
same time against /api/health. Reports requests per second, errors and latency, and
the throughput of /api/ask as a share of /api/health's, measured in the same run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import QAError
from .served import start_server, stop_server

_LUA = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "socket_errors": %%d, "http_errors": %%d, ' ..
    '"p50_ms": %%f, "p99_ms": %%f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


@dataclass
class LoadResult:
    path: str
    requests: int
    seconds: float
    socket_errors: int
    http_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _wrk(url: str, paths: list[str], seconds: int, connections: int) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", script.name, url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        Path(script.name).unlink()
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return LoadResult(path=paths[0].split("?")[0], **json.loads(line[len("RESULT ") :]))


def run_loadcheck(
    questions: list[str], corpus: str, index: str, seconds: int = 30, connections: int = 16,
    threads: int = 8,
) -> list[LoadResult]:  # fmt: skip
    """Measure /api/ask (varied questions) and /api/health, one after the other."""
    if shutil.which("wrk") is None:
        raise QAError("the load check needs wrk: apt-get install wrk")
    process, url = start_server(corpus, index, "--threads", str(threads))
    try:
        ask_paths = [f"/api/ask?k=5&q={quote(q)}" for q in questions]
        return [
            _wrk(url, ask_paths, seconds, connections),
            _wrk(url, ["/api/health"], seconds, connections),
        ]
    finally:
        stop_server(process)


def format_load(results: list[LoadResult]) -> str:
    ask, health = results
    lines = ["| endpoint | requests/s | errors | p50 | p99 |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.path} | {r.per_second:.0f} | {r.socket_errors + r.http_errors} | "
                     f"{r.p50_ms:.1f} ms | {r.p99_ms:.1f} ms |")  # fmt: skip
    ratio = ask.per_second / health.per_second if health.per_second else 0.0
    lines.append(f"\n/api/ask throughput is {ratio:.2f} of /api/health's in the same run.")
    return "\n".join(lines)


def results_json(results: list[LoadResult]) -> str:
    return json.dumps([asdict(r) | {"per_second": r.per_second} for r in results], indent=2)
