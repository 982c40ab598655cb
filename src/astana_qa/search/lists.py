"""Lists as lists are written: names or noun phrases joined by commas, "and" or "or"
("France, Italy, the Netherlands and Germany"; "arrows, swords, and leather shields"),
offered whole as one candidate when a question asks for several things."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from ..text import entities

# What joins the items of a list: a comma (perhaps with "and" or "or"), or "and" or
# "or" alone; an article may follow.
LIST_JOINT = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
PHRASE_KIND = frozenset({"thing"})  # a noun phrase's kinds (`entities.noun_phrases`)

_UNKNOWN_KIND = frozenset({"name"})
# "the" (or "The") right before a span: the list it begins opens with "the".
_OPENS_WITH_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def name_lists(text: str, spans: list[entities.Span]) -> list[entities.Span]:
    """The spans, plus each run of them joined by commas, "and" or "or" (an article may
    follow: "France, Italy, the Netherlands and Germany") as one span."""
    result = list(spans)
    for i, j in _runs(text, spans):
        if j > i:
            first, last = spans[i], spans[j]
            # a name of unknown kind joins any list ("Novgorod and Pskov": a place)
            known = [s.kinds for s in spans[i : j + 1] if s.kinds != _UNKNOWN_KIND]
            kinds = frozenset.intersection(*known) if known else _UNKNOWN_KIND
            result.append(entities.Span(first.start, last.end, text[first.start : last.end], kinds))
    return result


def _runs(text: str, spans: Sequence[entities.Span]) -> Iterator[tuple[int, int]]:
    """The first and last index of each run of `spans` (in text order) that commas,
    "and" or "or" join, a span alone included."""
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and LIST_JOINT.fullmatch(text[spans[j].end : spans[j + 1].start]):
            j += 1
        yield i, j
        i = j + 1


def phrase_lists(
    text: str, words: Sequence[entities.Token], phrases: list[entities.Span]
) -> list[entities.Span]:
    """The lists the noun `phrases` of `text` form: from each run of phrases joined by
    commas, "and" or "or", the longest one from each of its phrases that is written as a
    list (`closed_list`: "arrows, swords and leather shields" of "…leather shields,
    historians say") and is not the subject of a verb after it ("spears and the British"
    of "…the British used rifles")."""
    ordered = sorted(phrases, key=lambda p: (p.start, -p.end))
    starts = [w.start for w in words]
    found = []
    for i, j in _runs(text, ordered):
        for first in range(i, j):
            for last in range(j, first, -1):
                start, end = ordered[first].start, ordered[last].end
                after = bisect_left(starts, end)
                if closed_list(text[start:end]) and not (
                    after < len(words) and words[after].tag == "VERB"
                ):
                    found.append(entities.Span(start, end, text[start:end], PHRASE_KIND))
                    break
    return found


def plain_list(text: str, before: str = "") -> bool:
    """Is a run of phrases a list as `closed_list` has it, whose later items open with
    "the" only when its first does ("migration and urbanisation", "the Senate and the
    House"; `before` is the text before it, whose last word may be that "the")? "a
    bachelor's degree and the majority" joins a phrase to the next clause's subject.
    Offered to a question that does not say how many it wants."""
    if not closed_list(text):
        return False
    joined_the = any(j.rstrip().endswith("the") for j in LIST_JOINT.findall(text))
    return not joined_the or _OPENS_WITH_THE.search(before) is not None


def closed_list(text: str) -> bool:
    """Is a run of noun phrases a list as lists are written: two joined by "and" or "or"
    alone ("heat and pressure"), more with commas and "and" or "or" before the last
    ("arrows, swords, and leather shields")? Not "Conversely, non-self molecules", nor
    "two surfaces, and the Pauli exclusion principle" (another clause)."""
    joints = ["".join(j.split()).removesuffix("the") for j in LIST_JOINT.findall(text)]
    if len(joints) <= 1:
        return joints == ["and"] or joints == ["or"]
    return all(j == "," for j in joints[:-1]) and joints[-1] in (",and", ",or", "and", "or")
