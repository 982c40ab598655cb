"""The JSON API (`/api/...`): a thin layer over `QAEngine`; no retrieval logic here."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from .._version import __version__
from ..errors import InvalidQuestion
from ..search.engine import QAEngine
from ..settings import DEFAULT_K
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api")


class ApiError(Exception):
    """An error answered as `{"error": {"code", "message"}}` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def engine() -> QAEngine:
    return current_app.extensions["astana_qa"]


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.lower() in {"1", "true", "yes"})


def _ask_input() -> tuple[object, object, bool]:
    """(question, k, highlight) from the query string (GET) or the JSON body (POST)."""
    if request.method == "GET":
        k_text = request.args.get("k")
        if k_text is None:
            k: object = DEFAULT_K
        else:
            try:
                k = int(k_text)
            except ValueError:
                raise ApiError(400, "invalid_k", "k must be a whole number from 1 to 50") from None
        return request.args.get("q"), k, _truthy(request.args.get("highlight"))
    if not request.is_json:
        raise UnsupportedMediaType("send the question as JSON with Content-Type application/json")
    try:
        body = request.get_json()  # a body over MAX_CONTENT_LENGTH raises 413 here
    except BadRequest:
        raise ApiError(400, "malformed_json", "the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", 'the body must be a JSON object {"question": ...}')
    return body.get("question"), body.get("k", DEFAULT_K), _truthy(body.get("highlight"))


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    question, k, highlight = _ask_input()
    if question is None:
        raise ApiError(400, "missing_question", 'give a question: ?q=... or {"question": ...}')
    try:
        query = engine().read(question)
        answer = engine().ask(query, k)  # type: ignore[arg-type]  # k is checked by ask
    except InvalidQuestion as exc:
        raise ApiError(400, f"invalid_{exc.field}", str(exc)) from None
    data = answer.to_dict()
    if highlight:
        for citation in data["citations"]:
            spans = engine().matching_spans(query, citation["text"])
            citation["highlights"] = [list(span) for span in spans]
    return jsonify(data)


@bp.get("/sources")
def sources():
    return jsonify([vars(s) for s in engine().sources()])


@bp.get("/sources/<name>")
def source(name: str):
    found = engine().source_text(name)
    if found is None:
        abort(404, description=f"no indexed article is called {name!r}")
    info, text = found
    return jsonify({**vars(info), "text": text})


@bp.get("/health")
def health():
    stats = engine().stats
    return jsonify(
        status="ok",
        documents=stats.documents,
        sentences=stats.sentences,
        index_built_at=stats.built_at,
        version=__version__,
    )


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(__version__))
