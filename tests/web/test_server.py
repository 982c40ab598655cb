"""The served app under waitress as `astana-qa serve` configures it: real sockets."""

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from astana_qa.web.app import MAX_BODY_BYTES
from astana_qa.web.server import ServerLimits, make_server


def serve(app, **kwargs) -> tuple[object, int]:
    server = make_server(app, "127.0.0.1", 0, threads=2, **kwargs)
    threading.Thread(target=server.run, daemon=True).start()
    return server, server.effective_port


@pytest.fixture
def port(app) -> Iterator[int]:
    server, port = serve(app, limits=ServerLimits(cleanup_interval=1), deadline_s=1.0)
    yield port
    server.close()


def read_reply(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
        if b"\r\n\r\n" in data:
            break
    return data


def test_an_oversized_body_is_refused_before_it_is_sent(port):
    """Issue 13 #4: waitress spooled up to 1 GiB before the app's 413."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            b"POST /api/ask HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1048576000\r\n\r\n" + b"{" * 1024
        )
        assert read_reply(sock).startswith(b"HTTP/1.1 413 ")


def test_the_server_limit_is_the_apps_limit():
    assert ServerLimits().max_request_body_size == MAX_BODY_BYTES


def test_a_request_trickled_in_is_cut_off_at_the_deadline(port):
    """Issue 13 #5: each trickled header line reset waitress's idle timeout."""
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: test\r\n")
        closed = False
        while time.monotonic() - began < 8:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
                sock.settimeout(0.3)
                if sock.recv(1024) == b"":
                    closed = True
                    break
            except TimeoutError:
                continue
            except OSError:  # reset by the server
                closed = True
                break
    assert closed, "the trickling connection was never closed"
    assert time.monotonic() - began < 6


def test_ordinary_requests_are_answered_while_slow_clients_trickle(port):
    """Issue 13 #5: 101 half-sent requests filled waitress's default 100 connections."""
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(120)]
    try:
        for sock in slow:
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: test\r\n")
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            assert read_reply(sock).startswith(b"HTTP/1.1 200 ")
    finally:
        for sock in slow:
            sock.close()
