"""The passages the answer layer reads: retrieved sentences with their place in their
source file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A retrieved sentence: `text == file_text[start:end]` of `source`; rank from 1."""

    rank: int
    source: str
    start: int
    end: int
    text: str
    score: float


def renumbered(passages: Sequence[Passage]) -> list[Passage]:
    """`passages` ranked 1, 2, … in their order."""
    return [Passage(i, p.source, p.start, p.end, p.text, p.score)
            for i, p in enumerate(passages, start=1)]  # fmt: skip
