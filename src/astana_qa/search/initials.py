"""Abbreviations spelled out: which run of words an abbreviation's letters are the
initials of ("Syrian National Council" for SNC), for "What does SNC stand for?" and for
reading an abbreviation as the name it shortens."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import entities

# Small words an abbreviation's initials may skip ("Festival of the Arts": FOTA or FA).
_SKIPPED_BY_INITIALS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "&"})


def spelled_out(
    text: str, words: Sequence[entities.Token], abbreviation: str
) -> list[entities.Span]:
    """Runs of `words` whose initials spell `abbreviation` ("Syrian National Council"
    for SNC, "Command/Service Module" for CSM), as spans of `text`."""
    letters = abbreviation.lower()
    found = []
    for i, first in enumerate(words):
        if not _opens_or_closes(first.text):
            continue
        for j in range(i + 1, min(len(words), i + 2 * len(letters)) + 1):
            last = words[j - 1]
            if (
                _opens_or_closes(last.text)
                and first.text[0].lower() == letters[0]
                and _last_part(last.text)[:1].lower() == letters[-1]
                and spells(" ".join(w.text for w in words[i:j]), letters)
            ):
                found.append(entities.Span(first.start, last.end, text[first.start : last.end],
                                           frozenset({"thing"})))  # fmt: skip
    return found


def _last_part(word: str) -> str:
    """The last part of a word joined by "/" or "-" ("Service" of "Command/Service")."""
    return re.split(r"[/\-–—]", word)[-1]


def _opens_or_closes(word: str) -> bool:
    return word[:1].isalpha() and word.lower() not in _SKIPPED_BY_INITIALS


def spells(text: str, letters: str) -> bool:
    """Do the initials of the words of `text` spell `letters` (lower case): of every word,
    a lower-case one only if small ("Festival of the Arts": FOTA), or of its capitalised
    words, which then open and close it ("Very high-speed Backbone Network Service":
    vBNS)? Ordinary lower-case words never spell one ("a few cars" is no AFC)."""
    parts = [p for p in re.split(r"[\s/\-–—]+", text) if p]
    if len(parts) < 2 or not all(p[:1].isalpha() for p in parts):
        return False
    capitals = [p for p in parts if p[0].isupper()]
    if len(capitals) < 2:
        return False
    every = "".join(p[0] for p in parts).lower()
    if every == letters and all(p[0].isupper() or p.lower() in _SKIPPED_BY_INITIALS for p in parts):
        return True
    return (
        parts[0][0].isupper()
        and parts[-1][0].isupper()
        and "".join(p[0] for p in capitals).lower() == letters
    )
