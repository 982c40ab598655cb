"""Starting and stopping `astana-qa serve` for the measuring commands (`bench/served.py`)."""

from __future__ import annotations

import sys
import urllib.request

import pytest

from astana_qa.bench.served import start_server, started, stop_server
from astana_qa.errors import QAError
from tests.conftest import SEEDS


def test_a_started_server_answers_and_stops(seed_engine, seed_index_dir):
    process, address = start_server(str(SEEDS), str(seed_index_dir), "--no-lane")
    try:
        assert address.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{address}/api/health", timeout=30) as response:
            assert response.status == 200
    finally:
        stop_server(process)
    assert process.returncode in (0, 130)  # stopped as by Ctrl+C, not killed


def test_output_that_is_not_utf8_does_not_stop_the_reading():
    odd = [
        sys.executable,
        "-c",
        "import sys, time; sys.stdout.buffer.write(b'\\xff\\xfe\\n'); "
        "print('serving on http://127.0.0.1:9/ (test)', flush=True); time.sleep(60)",
    ]
    process, address = started(odd, timeout_s=30)
    stop_server(process)
    assert address == "http://127.0.0.1:9"


def test_a_server_that_stops_is_reported_with_what_it_said(tmp_path):
    with pytest.raises(QAError, match=r"stopped before serving \(exit code 2\)") as raised:
        start_server(str(tmp_path / "no such folder"), str(tmp_path / "index"))
    assert "does not exist" in str(raised.value)  # the server's own message, quoted


def test_a_server_that_never_serves_is_killed_at_the_deadline():
    silent = [sys.executable, "-c", "import time; print('opening', flush=True); time.sleep(60)"]
    with pytest.raises(QAError, match=r"did not serve within 3 s; it said:\nopening"):
        started(silent, timeout_s=3)
