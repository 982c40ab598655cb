"""Serving the app with waitress, configured for hostile clients (`astana-qa serve`).

waitress's own settings bound the size of a request (`max_request_body_size`, refused
with a 413 before any of the body is spooled to disk), the size of its head, the number
of open connections and how long an idle connection is kept. They do not bound how long
one request may take to arrive: `channel_timeout` counts from the last byte received, so
a client trickling a header line every few seconds ("slowloris") holds its connection
forever, and `connection_limit` of them stop the server accepting anyone else.
`RequestDeadline` adds that bound: a request still arriving REQUEST_DEADLINE_S after its
first byte has its connection closed. docs/deployment.md says what holds where.
"""

from __future__ import annotations

import weakref
from dataclasses import asdict, dataclass
from typing import Any

from flask import Flask
from waitress.server import BaseWSGIServer, create_server

from ..errors import QAError
from .app import MAX_BODY_BYTES

# A whole request (head and body, at most MAX_BODY_BYTES) has this long to arrive.
REQUEST_DEADLINE_S = 10.0


@dataclass(frozen=True)
class ServerLimits:
    """waitress's limits for one server (its argument names, see waitress's docs)."""

    # Refused with a 413 as soon as the head says more (or a chunked body grows past it).
    max_request_body_size: int = MAX_BODY_BYTES
    # A request line and headers over this are refused with a 431.
    max_request_header_size: int = 16 * 1024
    # Open connections; past this the server stops accepting until some close. poll()
    # instead of select(), whose descriptor numbers stop at 1024.
    connection_limit: int = 500
    asyncore_use_poll: bool = True
    # An idle connection (no bytes either way) is closed after this many seconds.
    channel_timeout: int = 30
    # How often idle connections and overdue requests are looked for, in seconds.
    cleanup_interval: int = 2


class RequestDeadline:
    """Closes connections whose request has been arriving for longer than `seconds`.

    Hooked into each waitress server's periodic `maintenance` (every `cleanup_interval`
    seconds), it notes when it first sees a connection's partly received request and
    marks the connection to close once that request is overdue, the way waitress itself
    closes idle ones. A request handed to the app is no longer "arriving": slow answers
    are not cut."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._first_seen: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()

    def install(self, server: BaseWSGIServer) -> None:
        """Run after `server`'s own maintenance."""
        own = server.maintenance

        def maintenance(now: float) -> None:
            own(now)
            self.check(server.active_channels.values(), now)

        server.maintenance = maintenance

    def check(self, channels: Any, now: float) -> None:
        """Mark every channel whose current request is overdue to be closed."""
        for channel in list(channels):
            request = getattr(channel, "request", None)
            if request is None:  # idle, or its requests are complete
                continue
            first_seen = self._first_seen.setdefault(request, now)
            if now - first_seen > self.seconds:
                channel.will_close = True


def make_server(
    app: Flask,
    host: str,
    port: int,
    threads: int,
    limits: ServerLimits | None = None,
    deadline_s: float = REQUEST_DEADLINE_S,
) -> Any:
    """A waitress server for `app` with `limits` and a request deadline, not yet running.

    A host that is no address raises `QAError` (one line for the CLI), as does a port
    that cannot be listened on."""
    options = asdict(limits or ServerLimits())
    try:
        server = create_server(app, host=host, port=port, threads=threads, **options)
    except ValueError:  # waitress's "Invalid host/port specified."
        raise QAError(
            f"cannot listen on {host}:{port}: not a valid address; give an IP address "
            "such as 127.0.0.1 or a host name"
        ) from None
    except OSError as exc:
        raise QAError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    deadline = RequestDeadline(deadline_s)
    # One listening socket: `server` itself; several (a host name with IPv4 and IPv6
    # addresses): a MultiSocketServer over one TcpWSGIServer each, all in one map.
    socket_map = getattr(server, "_map", None) or server.map
    for dispatcher in list(socket_map.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            deadline.install(dispatcher)
    return server
