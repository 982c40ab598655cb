"""Answers to "What happened to X?": what the best sentence says became of X.

The answer is the verb group written right after X in that sentence, past its
auxiliaries and adverbs: "In December 1966, the AS-205 mission was canceled, since…"
answers "What happened to the AS-205 mission?" with "canceled"; "NASA's yearly budget
also began to shrink" answers "What happened to NASA's budget?" with "began to shrink";
after "became", what it became ("became museum exhibits"). Where the sentence says no
such thing right after X, the whole sentence stays the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.entities import Token, tokens

_ASKS = re.compile(
    r"^\s*what\s+(?:has\s+|had\s+|will\s+)?(?:happened|happens|happen)\s+to\s+(?P<subject>.+?)"
    r"[\s?.!]*$",
    re.IGNORECASE,
)
# Words between the subject and its verb group: auxiliaries and adverbs ("was", "had
# been", "also", "soon").
_BETWEEN = frozenset({"AUX", "ADV"})
# How many such words may stand between them.
MAX_BETWEEN = 3
# Verbs after which what follows is what the subject became ("became museum exhibits").
_BECOMING = frozenset({"became", "become", "becomes", "turned", "remained"})
_NOUN_PHRASE = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def asked_subject(question: str) -> str | None:
    """The X of "What happened to X?" ("What has happened to the 23rd round?"), or None."""
    asked = _ASKS.match(question)
    return asked.group("subject") if asked else None


def happened_clause(
    text: str,
    subject: str,
    term_spans: Callable[[str], list[tuple[int, int, str]]],
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of what it says became of `subject` (see the module's
    docstring): the verb group right after the subject's head noun, or None. The head
    is the last word before any preposition or adverb ("the SM upon reentry": SM)."""
    head = _head(subject)
    wanted = {term for *_, term in term_spans(head)} if head else set()
    if not wanted:
        return None
    words = tokens(text)
    starts = [w.start for w in words]
    held = {s for s, _, term in term_spans(text) if term in wanted}
    for i, word in enumerate(words):
        if word.start not in held:
            continue
        found = _verb_group(words, i + 1)
        if found is not None:
            first, last = found
            return starts[first], words[last].end
    return None


def _head(subject: str) -> str:
    """The head noun of a subject phrase: its last noun before a preposition, adverb or
    clause ("the AS-205 mission originally": mission; "NASA's budget after…": budget)."""
    head = ""
    for word in tokens(subject):
        if word.tag in ("ADP", "ADV", "SCONJ", "PUNCT", "VERB", "AUX"):
            break
        if word.tag in ("NOUN", "PROPN", "NUM"):
            head = word.text
    return head


def _verb_group(words: list[Token], at: int) -> tuple[int, int] | None:
    """The first and last word numbers of the verb group opening within `MAX_BETWEEN`
    auxiliaries or adverbs of word `at`, with the "to" and verbs after it ("began to
    shrink"), or what follows a verb of becoming; None if no verb opens there."""
    j = at
    while j < len(words) and j - at < MAX_BETWEEN and words[j].tag in _BETWEEN:
        j += 1
    if j >= len(words) or words[j].tag != "VERB":
        return None
    last = j
    if words[j].text.lower() in _BECOMING:
        while last + 1 < len(words) and words[last + 1].tag in _NOUN_PHRASE:
            last += 1
        return j, last
    while last + 2 < len(words) and words[last + 1].tag == "PART" and words[last + 2].tag == "VERB":
        last += 2  # "began to shrink"
    return j, last
