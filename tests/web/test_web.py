"""The Flask app through its test client: pages, JSON API, errors, safety, threads."""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from astana_qa import QAEngine
from astana_qa.web import create_app
from astana_qa.web.openapi import openapi_document
from astana_qa.web.pages import MIN_RELATIVE_SCORE, article_lines, marked_pieces

ROOT = Path(__file__).resolve().parents[2]


DOCUMENT = openapi_document("test")
REGISTRY = Registry().with_resource(
    "urn:api", Resource.from_contents(DOCUMENT, default_specification=DRAFT202012)
)


def assert_matches(schema_name: str, data) -> None:
    """Validate `data` against a component schema of the OpenAPI document."""
    schema = {"$ref": f"urn:api#/components/schemas/{schema_name}"}
    Draft202012Validator(schema, registry=REGISTRY).validate(data)


def assert_error(response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.data
    assert response.is_json, response.data
    assert_matches("Error", response.json)
    if code:
        assert response.json["error"]["code"] == code


def test_the_openapi_document_is_valid_and_served(client):
    validate_spec(DOCUMENT)
    served = client.get("/api/openapi.json")
    assert served.status_code == 200
    assert set(served.json["paths"]) == {
        "/api/ask", "/api/sources", "/api/sources/{file}", "/api/health", "/api/openapi.json",
    }  # fmt: skip


def test_ask_get_and_post_return_the_engine_schema(client, seed_engine):
    got = client.get("/api/ask", query_string={"q": "Who represented Turkey?", "k": 3})
    posted = client.post("/api/ask", json={"question": "Who represented Turkey?", "k": 3})
    direct = seed_engine.ask("Who represented Turkey?", k=3).to_dict()
    for response in (got, posted):
        assert response.status_code == 200
        assert_matches("Answer", response.json)
        assert set(response.json) == set(direct)
        assert response.json["citations"] == direct["citations"]
        assert "highlights" not in response.json["citations"][0]


def test_highlights_are_offsets_into_the_citation(client):
    data = client.post("/api/ask", json={"question": "Who represented Turkey?",
                                         "highlight": True}).json  # fmt: skip
    assert_matches("Answer", data)
    top = data["citations"][0]
    words = {top["text"][s:e] for s, e in top["highlights"]}
    assert {"Türkiye", "represented"} <= words


def test_sources_health_and_one_source(client, seed_texts):
    sources = client.get("/api/sources").json
    for item in sources:
        assert_matches("Source", item)
    assert [s["file"] for s in sources] == sorted(seed_texts)
    one = client.get(f"/api/sources/{sources[0]['file']}").json
    assert_matches("SourceText", one)
    assert one["text"] == seed_texts[sources[0]["file"]]
    health = client.get("/api/health").json
    assert_matches("Health", health)
    assert health["documents"] == 5 and health["status"] == "ok"


@pytest.mark.parametrize(
    ("request_args", "status", "code"),
    [
        ({"method": "GET", "path": "/api/ask"}, 400, "missing_question"),
        ({"method": "GET", "path": "/api/ask?q=%20%20"}, 400, "invalid_question"),
        ({"method": "GET", "path": "/api/ask?q=" + "a" * 1001}, 400, "invalid_question"),
        ({"method": "GET", "path": "/api/ask?q=who&k=0"}, 400, "invalid_k"),
        ({"method": "GET", "path": "/api/ask?q=who&k=51"}, 400, "invalid_k"),
        ({"method": "GET", "path": "/api/ask?q=who&k=five"}, 400, "invalid_k"),
        ({"method": "POST", "path": "/api/ask", "json": {"question": "who", "k": "5"}}, 400,
         "invalid_k"),
        ({"method": "POST", "path": "/api/ask", "json": {"question": "who", "k": 2.5}}, 400,
         "invalid_k"),
        ({"method": "POST", "path": "/api/ask", "json": {"question": 42}}, 400,
         "invalid_question"),
        ({"method": "POST", "path": "/api/ask", "json": {"k": 5}}, 400, "missing_question"),
        ({"method": "POST", "path": "/api/ask", "json": ["who"]}, 400, "invalid_body"),
        ({"method": "POST", "path": "/api/ask", "data": "{not json",
          "content_type": "application/json"}, 400, "malformed_json"),
        ({"method": "POST", "path": "/api/ask", "data": "question=who"}, 415, None),
        ({"method": "POST", "path": "/api/ask", "data": "who", "content_type": "text/plain"},
         415, None),
        ({"method": "DELETE", "path": "/api/ask"}, 405, None),
        ({"method": "POST", "path": "/api/health"}, 405, None),
        ({"method": "GET", "path": "/api/nothing-here"}, 404, None),
        ({"method": "GET", "path": "/api/sources/nope.txt"}, 404, None),
    ],
)  # fmt: skip
def test_api_errors_are_json_with_the_right_status(client, request_args, status, code):
    args = dict(request_args)
    response = client.open(args.pop("path"), **args)
    assert_error(response, status, code)


def test_body_over_64_kib_is_413(client):
    body = json.dumps({"question": "who", "padding": "x" * (64 * 1024)})
    response = client.post("/api/ask", data=body, content_type="application/json")
    assert_error(response, 413)


@pytest.mark.parametrize(
    "path",
    [
        "/sources/../pyproject.toml",
        "/sources/%2e%2e%2fpyproject.toml",
        "/sources/..%2F..%2Fetc%2Fpasswd",
        "/sources//etc/passwd",
        "/sources/aliases.json",
        "/api/sources/%2e%2e%2fREADME.md",
        "/api/sources/aliases.json",
    ],
)
def test_only_indexed_articles_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"[tool.setuptools]" not in response.data and b"root:" not in response.data


def test_file_on_disk_that_was_not_indexed_is_404(make_corpus, tmp_path):
    corpus = make_corpus({"good.txt": "A long enough sentence about the harbour in Varna today.",
                          "bad.txt": b"\xff\xfe not utf-8"})  # fmt: skip
    client = create_app(QAEngine.open(corpus, tmp_path / "index")).test_client()
    assert client.get("/sources/good.txt").status_code == 200
    assert client.get("/sources/bad.txt").status_code == 404
    assert_error(client.get("/api/sources/bad.txt"), 404)


def test_an_article_changed_under_the_server_is_a_clear_503(make_corpus, tmp_path):
    text = "A long enough sentence about the harbour in Varna, opened in March."
    corpus = make_corpus({"varna.txt": text})
    client = create_app(QAEngine.open(corpus, tmp_path / "index")).test_client()
    (corpus / "varna.txt").write_text(text.replace("March", "April"), "utf-8")
    response = client.get("/api/ask", query_string={"q": "When did the harbour open?"})
    assert_error(response, 503)
    assert response.get_json()["error"]["code"] == "corpus_changed"
    assert "varna.txt has changed" in response.get_json()["error"]["message"]
    page = client.get("/", query_string={"q": "When did the harbour open?"})
    assert page.status_code == 503 and b"varna.txt has changed" in page.data


def shown_after_the_answer(engine: QAEngine, question: str, k: int) -> int:
    """How many citations the page should show after the answer's source: those scoring
    at least MIN_RELATIVE_SCORE of the first."""
    citations = engine.ask(question, k=k).citations
    floor = citations[0].score * MIN_RELATIVE_SCORE
    return sum(1 for c in citations[1:] if c.score >= floor)


def test_page_renders_answer_citations_and_source_links(client, seed_engine):
    page = client.get("/", query_string={"q": "Who represented Turkey?", "k": 3})
    html = page.data.decode()
    assert page.status_code == 200
    assert "<mark>represented</mark>" in html
    # Citation 1 is the answer's source, shown once in the answer; the others follow.
    assert 'class="meta answer-source">Source [1]:' in html
    others = shown_after_the_answer(seed_engine, "Who represented Turkey?", 3)
    assert others >= 1
    assert html.count('class="citation"') == others
    # The answer is the name; the office before it stays plain sentence text.
    marked = (
        '</mark> is <mark>represented</mark> by Deputy Foreign Minister <mark class="answer-span">'
    )
    assert html.count(marked) == 1
    assert "/sources/000_fa7c293993dbe315.txt?start=303&amp;end=645" in html
    assert "paragraph 2" in html and '<time datetime="2024-01-24">' in html


def test_the_script_gets_the_same_answer_markup_as_the_page(client):
    query = {"q": "Who represented Turkey?", "k": 3}
    page = client.get("/", query_string=query).data.decode()
    fragment = client.get("/answer", query_string=query)
    assert fragment.status_code == 200
    body = fragment.data.decode()
    assert "<html" not in body and 'class="result"' in body
    # took_ms differs between the two requests; everything before it is identical.
    assert body.split('<p class="took">')[0].strip() in page


def test_the_script_has_no_markup_or_urls_of_its_own():
    script = (ROOT / "web" / "static" / "app.js").read_text("utf-8")
    for literal in ("/api/", "/sources", "/answer", "createElement", "<div", "<p"):
        assert literal not in script
    page = (ROOT / "web" / "templates" / "index.html").read_text("utf-8")
    assert "data-fragment=" in page


def test_filler_citations_below_the_relative_score_are_not_shown(client, seed_engine):
    question = "What did Erdogan say?"
    answer = seed_engine.ask(question, k=5)
    assert len(answer.citations) == 5 and answer.citations[1].score < answer.citations[0].score / 2
    html = client.get("/", query_string={"q": question, "k": 5}).data.decode()
    assert html.count('class="citation"') == 1
    assert "4 weaker passages not shown" in html


def test_a_refusal_says_what_the_articles_do_not_cover(client):
    html = client.get("/", query_string={"q": "What did Erdogan say?"}).data.decode()
    assert "The articles do not answer this question." in html
    assert "“Erdogan” is not mentioned in any article." in html
    several = client.get("/", query_string={"q": "Did Erdogan meet Macron in 1999?"})
    assert "“Erdogan”, “Macron” and “1999” are not mentioned" in several.data.decode()
    low = client.get("/", query_string={"q": "What is the recipe for apple pie?"}).data.decode()
    assert 'class="reason">' in low


def test_confidence_is_said_in_words_with_the_number_on_hover(client):
    html = client.get("/", query_string={"q": "Who represented Turkey?"}).data.decode()
    assert "High confidence</span>" in html and 'title="Confidence 1.00:' in html
    assert "Confidence 1.00 ·" not in html


def test_a_short_answer_is_shown_large_and_marked_in_its_sentence(client, seed_engine):
    question = "Who represented the Syrian opposition?"
    answer = seed_engine.ask(question, k=3)
    html = client.get("/", query_string={"q": question, "k": 3}).data.decode()
    assert f'<p class="short-answer">{answer.answer}</p>' in html
    assert f'<mark class="answer-span">{answer.answer}</mark>' in html
    sources = {answer.citations[r - 1].source for r in answer.supported_by}
    assert f"Stated by {len(sources)} source" in html
    others = [v for v in answer.variants if v.text != answer.answer]
    assert others, "the seeds spell this name two ways"
    assert "Sources disagree:" in html and f"“{others[0].text}”" in html


def test_page_says_plainly_when_the_articles_do_not_answer(client):
    question = "When will the 25th round of the Astana talks be held?"
    html = client.get("/", query_string={"q": question}).data.decode()
    assert "The articles do not answer this question." in html
    assert "Closest passages, not answers" in html and 'class="citation"' in html
    off_topic = client.get("/", query_string={"q": "What is the recipe for apple pie?"})
    assert "The articles do not answer this question." in off_topic.data.decode()


def test_page_shows_a_clear_error_for_a_bad_question(client):
    page = client.get("/", query_string={"q": "?!?"})
    html = page.data.decode()
    assert page.status_code == 400 and "The question has no words, only punctuation" in html
    assert "Type a question in words" in html
    assert client.get("/answer", query_string={"q": "?!?"}).status_code == 400
    assert "Type a question first." in client.get("/answer").data.decode()
    too_many = client.get("/", query_string={"q": "Who?", "k": 51}).data.decode()
    assert "The number of results must be a whole number from 1 to 50." in too_many


def test_front_page_has_form_examples_and_no_external_resources(client):
    html = client.get("/").data.decode()
    assert '<label for="q">' in html and 'name="k"' in html and 'type="submit"' in html
    assert html.count('href="/?q=') >= 3
    assert '<details id="examples" class="examples" open>' in html
    assert (
        'href="/sources"' in html.split("<footer")[0]
        and 'href="/sources"' in html.split("<footer")[1]
    )
    asked = client.get("/", query_string={"q": "Who represented Turkey?"}).data.decode()
    assert '<details id="examples" class="examples">' in asked
    assert asked.index('id="results"') < asked.index('id="examples"')
    assert "http://" not in html and "https://" not in html


def test_source_view_marks_the_cited_sentence(client, seed_texts):
    name = "000_fa7c293993dbe315.txt"
    text = seed_texts[name]
    start, end = 303, 645
    html = client.get(f"/sources/{name}?start={start}&end={end}&q=x").data.decode()
    assert f'<mark id="cited" tabindex="-1">{text[start:end]}</mark>' in html
    assert "Back to the answer" in html and "Go to the cited sentence" in html
    assert 'class="note"' not in html


@pytest.mark.parametrize(
    "query",
    ["start=5&end=999999", "start=304&end=645", "start=303&end=646", "start=-1&end=5",
     "start=x&end=645", "start=303"],
)  # fmt: skip
def test_source_view_highlights_only_whole_indexed_sentences(client, query):
    response = client.get(f"/sources/000_fa7c293993dbe315.txt?{query}")
    html = response.data.decode()
    assert response.status_code == 200
    assert "<mark" not in html
    assert 'class="note"' in html and "nothing is highlighted" in html


def test_source_view_shows_the_title_once_and_dims_furniture(client, seed_texts):
    name = "003_f952f983f8cfb660.txt"
    html = client.get(f"/sources/{name}").data.decode()
    title = "Russia prepares for “Astana 22” on Syria"
    assert html.split("<main")[1].count(title) == 1
    assert '<p class="furniture">  • 2:23 pm</p>' in html
    assert '<p class="para" id="p1">' in html
    # The headline is an indexed sentence of its own: citing it marks it in the heading.
    cited = client.get("/sources/002_1509bae49899ba64.txt?start=0&end=69").data.decode()
    assert '<h1><mark id="cited" tabindex="-1">Türkiye, Russia, Iran' in cited


def test_article_lines_class_each_line_by_its_indexed_sentences():
    text = "Headline here\n\nMenu\nA sentence. Another one.\n  • 2:23 pm\nLast one."
    spans = [(0, 13), (21, 32), (33, 45), (57, 66)]
    lines = article_lines(text, "Headline here", spans)
    assert [(text[x.start : x.end], x.kind, x.number) for x in lines] == [
        ("Headline here", "headline", None),
        ("Menu", "furniture", None),
        ("A sentence. Another one.", "prose", 1),
        ("  • 2:23 pm", "furniture", None),
        ("Last one.", "prose", 2),
    ]


def test_sources_page_lists_every_article(client, seed_engine):
    html = client.get("/sources").data.decode()
    for info in seed_engine.sources():
        assert f'href="/sources/{info.file}"' in html
        assert f'<td class="num">{info.sentences}</td>' in html
        if info.title:
            assert info.title.replace("“", "“") in html
    assert '<time datetime="2024-10-10">2024-10-10</time>' in html


@pytest.mark.parametrize(
    ("method", "path", "status", "heading"),
    [
        ("GET", "/no-such-page", 404, "Page not found"),
        ("GET", "/sources/nope.txt", 404, "Page not found"),
        ("POST", "/", 405, "This address does not accept that request"),
    ],
)
def test_error_pages_are_in_the_site_style_with_a_way_back(client, method, path, status, heading):
    response = client.open(path, method=method)
    html = response.data.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in html
    assert 'href="/"' in html and html.count('href="/sources"') >= 2
    assert 'href="/static/style.css"' in html
    message = html.split('class="error-message" role="alert">')[1].split("<")[0]
    assert message[0].isupper()


def test_unexpected_page_error_is_a_500_page(seed_engine, monkeypatch):
    app = create_app(seed_engine)
    monkeypatch.setattr(seed_engine, "sources", lambda: 1 / 0)
    response = app.test_client().get("/sources")
    html = response.data.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html and 'href="/sources"' in html
    assert "Traceback" not in html and "ZeroDivision" not in html


@pytest.mark.parametrize(
    "question", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
)
def test_user_text_is_escaped(client, question):
    html = client.get("/", query_string={"q": question}).data.decode()
    assert question not in html
    assert "&lt;" in html or "&#34;&gt;" in html


def test_security_headers_and_no_cors_by_default(client):
    response = client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_only_for_configured_origins(seed_engine):
    client = create_app(seed_engine, cors_origins=("https://ok.example",)).test_client()
    allowed = client.get("/api/health", headers={"Origin": "https://ok.example"})
    other = client.get("/api/health", headers={"Origin": "https://other.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://ok.example"
    assert "Access-Control-Allow-Origin" not in other.headers


def test_unexpected_error_is_a_json_500_without_traceback(seed_engine, monkeypatch):
    app = create_app(seed_engine)
    monkeypatch.setattr(seed_engine, "sources", lambda: 1 / 0)
    response = app.test_client().get("/api/sources")
    assert_error(response, 500, "internal_error")
    assert b"Traceback" not in response.data and b"ZeroDivision" not in response.data


def test_engine_is_safe_to_share_between_threads(seed_engine):
    lines = (ROOT / "tests" / "qa_pairs.jsonl").read_text("utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines]

    def answer(question: str) -> dict:
        data = seed_engine.ask(question, k=5).to_dict()
        data.pop("took_ms")
        return data

    expected = [answer(q) for q in questions]
    with ThreadPoolExecutor(max_workers=16) as pool:
        for _ in range(3):
            assert list(pool.map(answer, questions)) == expected


def test_marked_pieces():
    assert marked_pieces("abc def", [(0, 3, "mark")]) == [("abc", "mark"), (" def", "")]
    assert marked_pieces("abc", []) == [("abc", "")]
    assert marked_pieces("abc def", [(0, 3, "answer"), (2, 5, "mark"), (4, 7, "mark")]) == [
        ("abc", "answer"), (" ", ""), ("def", "mark"),
    ]  # fmt: skip
