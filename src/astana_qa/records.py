"""The records the engine hands to its interfaces: plain frozen dataclasses.

`Answer.to_dict()` is the JSON contract of the CLI and the API (`web/openapi.py`
describes it).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """One cited sentence: `text == file_text[start:end]` of `source`."""

    rank: int
    source: str
    title: str | None
    date: str | None
    start: int
    end: int
    text: str
    score: float
    # The dates the sentence states, ISO 8601, read against its article's date.
    dates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**vars(self), "dates": list(self.dates)}


@dataclass(frozen=True)
class Span:
    """Where a short answer is written: `file_text[start:end]` of `source`."""

    source: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return dict(vars(self))


@dataclass(frozen=True)
class Variant:
    """Another answer a source states, and the ranks of the citations stating it."""

    text: str
    span: Span
    supported_by: list[int]

    def to_dict(self) -> dict:
        return {"text": self.text, "span": self.span.to_dict(),
                "supported_by": list(self.supported_by)}  # fmt: skip


@dataclass(frozen=True)
class Answer:
    """The engine's reply; `to_dict()` is the JSON contract of the CLI and the API."""

    question: str
    answered: bool
    answer: str | None
    confidence: float
    citations: list[Citation] = field(default_factory=list)
    took_ms: float = 0.0
    # For "latest"/"next" questions: the date (ISO 8601) the answer rests on, the
    # latest its first citation states with a year, else that article's date.
    as_of: str | None = None
    # The kind of answer the question asks for ("person", "date", "number", ...,
    # "description" for a clause), where the short answer is written, the ranks of the
    # citations that state it, and other answers the sources give (empty when they agree).
    answer_type: str = "description"
    answer_span: Span | None = None
    supported_by: list[int] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    # Why the articles do not answer, written for a person (None when answered).
    reason: str | None = None

    def to_dict(self) -> dict:
        """The fields in their order, nested records as dicts, lists copied: what
        `dataclasses.asdict` gives, written out because its generic recursion took a
        quarter of a warm question's time (0.9 ms of 3.5)."""
        return {
            **vars(self),
            "citations": [c.to_dict() for c in self.citations],
            "answer_span": self.answer_span.to_dict() if self.answer_span else None,
            "supported_by": list(self.supported_by),
            "variants": [v.to_dict() for v in self.variants],
        }


@dataclass(frozen=True)
class SourceInfo:
    """An indexed article: file name, title, date and number of indexed sentences."""

    file: str
    title: str | None
    date: str | None
    sentences: int
