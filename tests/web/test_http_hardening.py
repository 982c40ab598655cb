"""HTTP hardening (issue 13): hostile JSON and text, HTTP conformance, error wording."""

import json

import pytest
from werkzeug.test import EnvironBuilder

from astana_qa.settings import MAX_QUESTION_CHARS
from astana_qa.web.openapi import openapi_document

from .test_web import assert_error


# 11 — deeply nested JSON
@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_a_400_not_a_500(client, opening):
    closing = "]" if opening == "[" else "}"
    body = opening * 1000 + "1" + closing * 1000
    assert len(body) <= 8 * 1024
    response = client.post("/api/ask", data=body, content_type="application/json")
    assert_error(response, 400, "malformed_json")


# 12 — lone surrogates
def test_lone_surrogate_in_a_json_question_is_a_400(client):
    body = '{"question": "\\ud800 Astana"}'
    response = client.post("/api/ask", data=body, content_type="application/json")
    assert_error(response, 400, "invalid_question")
    assert response.json["error"]["message"].startswith("The question holds an invalid")


@pytest.mark.parametrize(
    "query", [b"q=%ED%A0%80%20Astana", b"q=\xed\xa0\x80%20Astana", b"q=%F0%9F%98"]
)
@pytest.mark.parametrize("path", ["/api/ask", "/"])
def test_undecodable_question_in_the_query_string_is_answered_safely(app, path, query):
    environ = EnvironBuilder(path=path).get_environ()
    environ["QUERY_STRING"] = query.decode("latin-1")  # as a WSGI server passes raw bytes
    response = app.test_client().open(environ)
    assert response.status_code in (200, 400)
    response.data.decode("utf-8")  # the body is valid UTF-8
    if path == "/api/ask" and response.status_code == 200:
        json.dumps(response.json, ensure_ascii=False).encode("utf-8")


def test_lone_surrogate_never_reaches_the_page_or_the_engine(seed_engine):
    from astana_qa.errors import InvalidQuestion

    with pytest.raises(InvalidQuestion, match="surrogate"):
        seed_engine.ask("\udcff Astana")


# 17 — HTTP conformance
@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/api/ask", {"GET", "HEAD", "OPTIONS", "POST"}),
        ("POST", "/api/health", {"GET", "HEAD", "OPTIONS"}),
        ("PUT", "/api/sources", {"GET", "HEAD", "OPTIONS"}),
        ("POST", "/", {"GET", "HEAD", "OPTIONS"}),
    ],
)
def test_405_says_which_methods_are_allowed(client, method, path, allowed):
    response = client.open(path, method=method)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed
    if path.startswith("/api/"):
        assert_error(response, 405, "method_not_allowed")


@pytest.mark.parametrize(
    "path", ["/api/ask?q=Who+represented+Turkey%3F", "/api/health", "/api/sources", "/"]
)
def test_head_works_where_get_works(client, path):
    got, head = client.get(path), client.head(path)
    assert got.status_code == head.status_code == 200
    assert head.data == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]


@pytest.mark.parametrize("k", ["5_0", "１０", " 5", "5 ", "+5", "0x5", "5.0", "٣"])
def test_k_in_the_query_string_is_ascii_digits_only(client, k):
    assert_error(client.get("/api/ask", query_string={"q": "Who?", "k": k}), 400, "invalid_k")


def test_page_ignores_a_k_that_is_not_ascii_digits(client):
    page = client.get("/", query_string={"q": "Who represented Turkey?", "k": "1_0"})
    assert page.status_code == 200
    html = " ".join(page.data.decode().split())
    assert '<option value="5" selected>' in html  # DEFAULT_K, not 10
    assert '<option value="10" selected>' not in html


def test_integral_float_k_in_json_is_the_integer_the_schema_allows(client):
    response = client.post("/api/ask", json={"question": "Who represented Turkey?", "k": 3.0})
    as_int = client.post("/api/ask", json={"question": "Who represented Turkey?", "k": 3})
    assert response.status_code == 200
    assert response.json["citations"] == as_int.json["citations"]
    assert_error(client.post("/api/ask", json={"question": "Who?", "k": 2.5}), 400, "invalid_k")


@pytest.mark.parametrize("value", ["1", "yes", "TRUE", ""])
def test_highlight_is_true_or_false_as_documented(client, value):
    response = client.get("/api/ask", query_string={"q": "Who?", "highlight": value})
    assert_error(response, 400, "invalid_highlight")
    body = {"question": "Who?", "highlight": value}
    assert_error(client.post("/api/ask", json=body), 400, "invalid_highlight")


def test_the_schema_states_the_question_rules_the_server_applies(client):
    document = openapi_document("test")
    q = document["paths"]["/api/ask"]["get"]["parameters"][0]["schema"]
    body = document["components"]["schemas"]["AskRequest"]["properties"]["question"]
    for schema in (q, body):
        assert schema["minLength"] == 1 and schema["maxLength"] == MAX_QUESTION_CHARS
        assert schema["pattern"]
    assert_error(client.get("/api/ask?q="), 400, "invalid_question")


def test_the_length_limit_counts_the_question_as_sent(client):
    padded = "Who represented Turkey?" + " " * MAX_QUESTION_CHARS
    assert_error(client.get("/api/ask", query_string={"q": padded}), 400, "invalid_question")
    exact = "Who represented Turkey?".ljust(MAX_QUESTION_CHARS)
    assert client.get("/api/ask", query_string={"q": exact}).status_code == 200


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/nothing", "/api/ask/more"])
def test_everything_under_api_gets_json_errors(client, path):
    assert_error(client.get(path), 404, "not_found")


# Error wording: a capital letter, and what to do.
@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("GET", "/api/ask", {}),
        ("GET", "/api/ask?q=%20", {}),
        ("GET", "/api/ask?q=%3F%21", {}),
        ("GET", "/api/ask?q=who&k=0", {}),
        ("POST", "/api/ask", {"data": "{", "content_type": "application/json"}),
        ("POST", "/api/ask", {"json": ["who"]}),
        ("POST", "/api/ask", {"data": "who", "content_type": "text/plain"}),
        ("POST", "/api/ask", {"json": {"question": "x" * (65 * 1024)}}),
        ("DELETE", "/api/ask", {}),
        ("GET", "/api/nothing", {}),
        ("GET", "/api/sources/nope.txt", {}),
    ],
)
def test_error_messages_start_with_a_capital_and_say_what_to_do(client, method, path, kwargs):
    message = client.open(path, method=method, **kwargs).json["error"]["message"]
    assert message[0].isupper(), message
    assert ":" in message or message.startswith(("Give", "Send", "Use")), message


def test_page_errors_start_with_a_capital(client):
    html = client.get("/", query_string={"q": "?!?"}).data.decode()
    assert "The question has no words, only punctuation or symbols: ask it in words." in html
    assert "Nothing is here" in client.get("/no/such/page").data.decode()
