"""The HTML pages: the question page, its answer fragment, the list of articles and the
source view. Presentation only: everything about retrieval comes from `QAEngine`.

The answer is rendered in one place, the partial `_answer.html`. The question page
includes it, and `/answer` returns it alone for the page's script, which takes the
fragment's URL from the page and has no markup of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, url_for

from ..errors import InvalidQuestion
from ..records import Answer, Citation
from ..search.engine import QAEngine
from ..search.query import Query
from ..settings import DEFAULT_K, MAX_K, MAX_QUESTION_CHARS
from .api import parse_whole_number
from .asking import engine, read_and_ask

bp = Blueprint("pages", __name__)

K_CHOICES = (1, 3, 5, 10, 20, MAX_K)
# A citation scoring below this share of the first one's score is filler on a page (it
# shares a word or two with the question) and is not shown; the JSON API keeps all `k`.
MIN_RELATIVE_SCORE = 0.5
# Confidence (the share of the question's key words that the cited sentence and its
# paragraph hold) in words: the first row whose floor it reaches.
CONFIDENCE_WORDS = (
    (0.8, "High", "the source holds nearly every key word of the question"),
    (0.5, "Medium", "the source holds most key words of the question; check it"),
    (0.0, "Low", "the source holds only some key words of the question; check it"),
)
EXAMPLES_KEY = "ASTANA_QA_EXAMPLES"

# A piece of text and how it is marked: "" (plain), "mark" (a word of the question) or
# "answer" (the short answer).
Piece = tuple[str, str]


def sentence(message: str) -> str:
    """`message` as a sentence: a capital first letter and a closing full stop."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message[-1] in ".!?" else message + "."


bp.add_app_template_filter(sentence, "sentence")


def marked_pieces(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """`text` cut at `spans` (`(start, end, kind)`, sorted; a span overlapping an
    earlier one is skipped) into `(piece, kind)`, with kind "" between the spans."""
    pieces: list[Piece] = []
    position = 0
    for start, end, kind in spans:
        if start < position or end <= start:
            continue
        if start > position:
            pieces.append((text[position:start], ""))
        pieces.append((text[start:end], kind))
        position = end
    if position < len(text):
        pieces.append((text[position:], ""))
    return pieces


def _int_arg(name: str, default: int | None) -> int | None:
    """A whole-number query parameter (ASCII digits only, as the API reads them), or
    `default`."""
    number = parse_whole_number(request.args.get(name, ""))
    return default if number is None else number


# --- the articles as lines ------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of an article: `kind` is "headline" (the title line), "prose" (it holds
    indexed sentences; `number` counts these from 1) or "furniture" (nothing indexed)."""

    start: int
    end: int
    kind: str
    number: int | None = None


def article_lines(text: str, title: str | None, spans: list[tuple[int, int]]) -> list[Line]:
    """The non-blank lines of an article, each classed by the indexed sentences in it."""
    lines: list[Line] = []
    position, number, at = 0, 0, 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            continue
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        indexed = at < len(spans) and spans[at][0] < end
        if not lines and title and raw.strip() == title.strip():
            lines.append(Line(start, end, "headline"))
        elif indexed:
            number += 1
            lines.append(Line(start, end, "prose", number))
        else:
            lines.append(Line(start, end, "furniture"))
    return lines


class _Articles:
    """Article lines looked up once per request, for the citations' paragraph numbers."""

    def __init__(self, qa: QAEngine):
        self.qa = qa
        self._lines: dict[str, list[Line]] = {}

    def place(self, citation: Citation) -> str:
        """Where the citation sits in its article: "headline" or "paragraph N"."""
        if citation.source not in self._lines:
            found = self.qa.source_text(citation.source)
            text = found[1] if found else ""
            spans = self.qa.indexed_spans(citation.source)
            self._lines[citation.source] = article_lines(text, citation.title, spans)
        for line in self._lines[citation.source]:
            if line.start <= citation.start < line.end + 1:
                if line.kind == "headline":
                    return "headline"
                if line.number is not None:
                    return f"paragraph {line.number}"
        return ""


# --- the answer -----------------------------------------------------------------------


@dataclass(frozen=True)
class CitationView:
    rank: int
    label: str  # the article's title, or its file name when it has none
    file: str
    date: str | None
    place: str  # "paragraph 3", "headline" or ""
    href: str
    pieces: list[Piece]


@dataclass
class AnswerView:
    question: str
    answered: bool
    short: str | None = None  # a short answer, when the engine gives one
    source: CitationView | None = None  # the sentence the answer comes from
    others: list[CitationView] = field(default_factory=list)
    stated_by: int = 0
    variants: list[tuple[str, list[int]]] = field(default_factory=list)
    confidence: float = 0.0
    confidence_level: str = ""
    confidence_note: str = ""
    reason: str = ""
    took_ms: float = 0.0
    hidden: int = 0  # citations below MIN_RELATIVE_SCORE, not shown


def _get(value: object, name: str) -> Any:
    """`value[name]` or `value.name`: the engine's short-answer fields may be either."""
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def refusal_reason(answer: Answer) -> str:
    """Why the engine gave no answer, naming what the articles do not cover (the engine
    says why; the page only writes it as a sentence)."""
    return sentence(answer.reason or "the articles do not answer this question")


def confidence_in_words(confidence: float) -> tuple[str, str]:
    for floor, level, note in CONFIDENCE_WORDS:
        if confidence >= floor:
            return level, note
    return CONFIDENCE_WORDS[-1][1:]


def _citation_view(
    c: Citation, query: Query, k: int, articles: _Articles, answer_span: tuple[int, int] | None
) -> CitationView:
    qa = engine()
    spans = [(s, e, "mark") for s, e in qa.matching_spans(query, c.text)]
    if answer_span is not None:
        start, end = answer_span
        outside = [(s, e, m) for s, e, m in spans if e <= start or s >= end]
        spans = sorted([(start, end, "answer"), *outside])
    href = url_for(
        "pages.source", name=c.source, start=c.start, end=c.end, q=query.text, k=k,
        _anchor="cited",
    )  # fmt: skip
    return CitationView(
        c.rank, c.title or c.source, c.source, c.date, articles.place(c), href,
        marked_pieces(c.text, spans),
    )  # fmt: skip


def _answer_span(answer: Answer) -> tuple[int, tuple[int, int]] | None:
    """(index of the citation holding the short answer, its offsets in that citation)."""
    span = getattr(answer, "answer_span", None)
    if not answer.answered or span is None:
        return None
    source, start, end = _get(span, "source"), _get(span, "start"), _get(span, "end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    for i, c in enumerate(answer.citations):
        if c.source == source and c.start <= start < end <= c.end:
            return i, (start - c.start, end - c.start)
    return None


def answer_view(answer: Answer, query: Query, k: int) -> AnswerView:
    """What the page shows of `answer`: the answer and its source first, then the other
    citations that score at least MIN_RELATIVE_SCORE of the first."""
    articles = _Articles(engine())
    view = AnswerView(question=query.text, answered=answer.answered, took_ms=answer.took_ms)
    citations = answer.citations
    floor = citations[0].score * MIN_RELATIVE_SCORE if citations else 0.0
    if not answer.answered:
        view.reason = refusal_reason(answer)
        view.others = [
            _citation_view(c, query, k, articles, None) for c in citations if c.score >= floor
        ]
        view.hidden = len(citations) - len(view.others)
        return view
    found = _answer_span(answer)
    at, span = found if found else (0, None)
    if span is not None and answer.answer:
        view.short = answer.answer
    view.source = _citation_view(citations[at], query, k, articles, span)
    view.others = [
        _citation_view(c, query, k, articles, None)
        for i, c in enumerate(citations)
        if i != at and c.score >= floor
    ]
    view.hidden = len(citations) - 1 - len(view.others)
    supported = getattr(answer, "supported_by", None) or []
    cited = answer.citations
    # Articles, not sentences: two sentences of one article are one source.
    view.stated_by = len({cited[r - 1].source for r in supported if 0 < r <= len(cited)})
    for variant in getattr(answer, "variants", None) or []:
        text = _get(variant, "text")
        if text and text != answer.answer:
            view.variants.append((str(text), list(_get(variant, "supported_by") or [])))
    view.confidence = answer.confidence
    view.confidence_level, view.confidence_note = confidence_in_words(answer.confidence)
    return view


def _answer_context(question: str, k: int | None) -> tuple[dict, int]:
    """The template values of the answer partial for `question`, and the HTTP status."""
    k = DEFAULT_K if k is None else k
    context: dict = {"question": question, "k": k, "view": None, "error": None}
    if not question:
        return context, 200
    try:
        query, answer = read_and_ask(question, k)
    except InvalidQuestion as exc:
        context["error"] = (
            f"The number of results must be a whole number from 1 to {MAX_K}."
            if exc.field == "k"
            else sentence(str(exc))
        )
        return context, 400
    context["view"] = answer_view(answer, query, k)
    return context, 200


# --- routes ---------------------------------------------------------------------------


@bp.get("/")
def index():
    question = request.args.get("q", "").strip()
    context, status = _answer_context(question, _int_arg("k", DEFAULT_K))
    page = render_template(
        "index.html", k_choices=K_CHOICES, max_chars=MAX_QUESTION_CHARS,
        examples=current_app.config.get(EXAMPLES_KEY, ()), articles=len(engine().sources()),
        **context,
    )  # fmt: skip
    return page, status


@bp.get("/answer")
def answer_fragment():
    """The answer partial alone, for the question page's script."""
    question = request.args.get("q", "").strip()
    context, status = _answer_context(question, _int_arg("k", DEFAULT_K))
    if not question:
        context["error"], status = "Type a question first.", 400
    return render_template("_answer.html", **context), status


@bp.get("/sources")
def sources():
    return render_template("sources.html", sources=engine().sources())


@bp.get("/sources/<name>")
def source(name: str):
    found = engine().source_text(name)
    if found is None:
        abort(404, description=f"No article called “{name}” is indexed.")
    info, text = found
    spans = engine().indexed_spans(name)
    lines = article_lines(text, info.title, spans)
    cited, note = _cited_span(spans)
    rendered = []
    for line in lines:
        marks = []
        if cited and line.start <= cited[0] < line.end:
            marks = [(cited[0] - line.start, cited[1] - line.start, "cited")]
        rendered.append((line, marked_pieces(text[line.start : line.end], marks)))
    headline = rendered.pop(0)[1] if lines and lines[0].kind == "headline" else None
    return render_template(
        "source.html", info=info, headline=headline, lines=rendered, cited=cited is not None,
        note=note, question=request.args.get("q", ""), k=_int_arg("k", DEFAULT_K),
    )  # fmt: skip


def _cited_span(spans: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, str]:
    """The sentence the link's `start` and `end` mark, if they mark a whole indexed
    sentence; else None and a note saying why nothing is highlighted."""
    if "start" not in request.args and "end" not in request.args:
        return None, ""
    start, end = _int_arg("start", None), _int_arg("end", None)
    if start is None or end is None:
        return None, (
            "The link does not give the cited sentence's start and end as character "
            "offsets, so nothing is highlighted."
        )
    if (start, end) in set(spans):
        return (start, end), ""
    return None, (
        f"The link points to characters {start}–{end}, which are not one whole sentence "
        "of this article, so nothing is highlighted."
    )
