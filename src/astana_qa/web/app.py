"""The Flask app: the factory, which registers the pages and the JSON API blueprints.

`create_app()` is the factory; `flask --app astana_qa.web run` calls it with no
arguments for development (corpus and index from ASTANA_QA_CORPUS / ASTANA_QA_INDEX,
defaulting to seeds/ and index/), and `astana-qa serve` runs it under waitress.
Templates and static files live in the top-level `web/` folder, installed with the
package as `astana_qa.webfiles`.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from .._version import __version__
from ..errors import CorpusChanged
from ..search.engine import QAEngine
from . import pages
from .api import ApiError, bp
from .asking import ENGINE_KEY, LANE_KEY
from .lane import LaneFull, LongQuestionLane

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
EXAMPLES = (
    "Who represented Türkiye at the talks?",
    "When was the Astana process launched?",
    "How many people did the war displace?",
    "Which countries attend as observers?",
    "When will the 23rd round be held?",
)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    engine: QAEngine | None = None,
    corpus_dir: str | Path | None = None,
    index_dir: str | Path | None = None,
    examples: tuple[str, ...] = EXAMPLES,
    cors_origins: tuple[str, ...] = (),
    lane: LongQuestionLane | None = None,
) -> Flask:
    """The app over `engine`, or over an engine opened on `corpus_dir` and `index_dir`.

    With a started `lane` (as `astana-qa serve` gives it), long questions are answered
    there; without one, every question is answered in this process."""
    if engine is None:
        engine = QAEngine.open(
            corpus_dir or os.environ.get("ASTANA_QA_CORPUS", "seeds"),
            index_dir or os.environ.get("ASTANA_QA_INDEX", "index"),
        )
    files = resources.files("astana_qa.webfiles")
    app = Flask(
        __name__,
        template_folder=str(files / "templates"),
        static_folder=str(files / "static"),
    )
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # DefaultJSONProvider has it
    app.extensions[ENGINE_KEY] = engine
    app.extensions[LANE_KEY] = lane
    app.register_blueprint(bp)
    app.config[pages.EXAMPLES_KEY] = examples
    app.register_blueprint(pages.bp)
    _add_error_handlers(app)

    @app.context_processor
    def template_globals() -> dict:
        return {"version": __version__}

    @app.after_request
    def add_headers(response):
        response.headers.update(SECURITY_HEADERS)
        origin = request.headers.get("Origin")
        if origin and origin in cors_origins and request.path.startswith("/api/"):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        return response

    return app


# What each error status means for the client and what to do about it, shown by the API
# and the pages alike (a 404 under /api/ points to the API's paths instead of the front
# page). Statuses not listed keep werkzeug's description.
ERROR_MESSAGES = {
    400: "The request is malformed: check it and send it again.",
    404: "Nothing is here: check the address, or ask a question on the front page.",
    405: "This address does not take that method: use one of {allowed}.",
    413: f"The request body is over {MAX_BODY_BYTES // 1024} KiB: send a shorter question.",
    500: "Something went wrong on the server: try again, and report it if it persists.",
}
LANE_FULL = (
    "The server is busy with other long questions: ask again in {retry} seconds, "
    "or ask a shorter question."
)
API_NOT_FOUND = "Nothing is here: check the address (the API's paths are in /api/openapi.json)."


def is_api_path(path: str) -> bool:
    """Whether `path` belongs to the JSON API (errors there are JSON, not pages)."""
    return path == "/api" or path.startswith("/api/")


def _add_error_handlers(app: Flask) -> None:
    def error_response(status: int, code: str, message: str):
        if is_api_path(request.path):
            return jsonify(error={"code": code, "message": message}), status
        return render_template("error.html", status=status, message=message), status

    @app.errorhandler(ApiError)
    def api_error(exc: ApiError):
        return error_response(exc.status, exc.code, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_")
        status = exc.code or 500
        allowed = sorted(getattr(exc, "valid_methods", None) or [])
        message = ERROR_MESSAGES.get(status, "").format(allowed=", ".join(allowed))
        if status == 404 and is_api_path(request.path):
            message = API_NOT_FOUND
        # An abort() with its own description keeps it; a bare 404 from routing gets ours.
        own = exc.description if exc.description != type(exc).description else None
        response, status = error_response(status, code, own or message or str(exc.description))
        response = app.make_response((response, status))
        if allowed:  # RFC 9110: a 405 says which methods the resource supports.
            response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.errorhandler(CorpusChanged)
    def corpus_changed(exc: CorpusChanged):
        # The server's index no longer matches an article on disk: nothing can be quoted
        # from that article until the index is opened again (a restart re-reads it).
        log.error("%s", exc)
        return error_response(503, "corpus_changed", str(exc))

    @app.errorhandler(LaneFull)
    def lane_full(exc: LaneFull):
        message = LANE_FULL.format(retry=exc.retry_after_s)
        response = app.make_response(error_response(429, "too_many_long_questions", message))
        response.headers["Retry-After"] = str(exc.retry_after_s)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unexpected error on %s", request.path)
        return error_response(500, "internal_error", ERROR_MESSAGES[500])
