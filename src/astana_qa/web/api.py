"""The JSON API (`/api/...`): a thin layer over `QAEngine`; no retrieval logic here."""

from __future__ import annotations

import re

from flask import Blueprint, abort, jsonify, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from .._version import __version__
from ..errors import InvalidQuestion
from ..settings import DEFAULT_K, MAX_K
from .asking import engine, read_and_ask
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api")


class ApiError(Exception):
    """An error answered as `{"error": {"code", "message"}}` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
_K_MESSAGE = f"Give k (the number of citations) as a whole number from 1 to {MAX_K}."


def parse_whole_number(text: str) -> int | None:
    """`text` as a whole number if it is only ASCII digits (at most 9), else None.

    Python's `int()` also reads "5_0" as 50, " 5 " as 5 and full-width "５" as 5;
    a query parameter documented as an integer accepts none of them."""
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def _query_k() -> object:
    """`k` from the query string: DEFAULT_K when absent, else strictly ASCII digits."""
    text = request.args.get("k")
    if text is None:
        return DEFAULT_K
    k = parse_whole_number(text)
    if k is None:
        raise ApiError(400, "invalid_k", _K_MESSAGE)
    return k


def _query_flag(name: str) -> bool:
    """A boolean query parameter: absent, "true" or "false", as the OpenAPI document says."""
    text = request.args.get(name)
    if text is None or text == "false":
        return False
    if text == "true":
        return True
    raise ApiError(400, f"invalid_{name}", f"Give {name} as true or false.")


def _body_k(value: object) -> object:
    """`k` from a JSON body. JSON does not tell 31 from 31.0 (JSON Schema calls both an
    integer), so an integral float is read as that integer; the engine checks the rest."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _read_json() -> object:
    """The parsed JSON body, or an `ApiError` saying what is wrong with it."""
    if not request.is_json:
        raise UnsupportedMediaType(
            "Send the question as JSON with Content-Type: application/json, "
            'for example {"question": "When was the Astana process launched?"}.'
        )
    try:
        return request.get_json()  # a body over MAX_CONTENT_LENGTH raises 413 here
    except BadRequest:
        raise ApiError(400, "malformed_json", "The body is not valid JSON: fix it.") from None
    except RecursionError:
        # The json module parses nested arrays and objects recursively: a few KB of "["
        # exhaust Python's stack. Nothing this API takes is nested.
        raise ApiError(
            400, "malformed_json", 'The JSON body is nested too deeply: send {"question": ...}.'
        ) from None


def _ask_input() -> tuple[object, object, bool]:
    """(question, k, highlight) from the query string (GET, HEAD) or the JSON body (POST)."""
    if request.method in ("GET", "HEAD"):
        return request.args.get("q"), _query_k(), _query_flag("highlight")
    body = _read_json()
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", 'The body must be a JSON object: {"question": ...}.')
    highlight = body.get("highlight", False)
    if not isinstance(highlight, bool):
        raise ApiError(400, "invalid_highlight", "Give highlight as true or false.")
    return body.get("question"), _body_k(body.get("k", DEFAULT_K)), highlight


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    question, k, highlight = _ask_input()
    if question is None:
        raise ApiError(
            400, "missing_question", 'Give a question: ?q=... or a JSON body {"question": ...}.'
        )
    try:
        query, answer = read_and_ask(question, k)
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
        abort(404, description="No indexed article has that name: see /api/sources for the list.")
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
