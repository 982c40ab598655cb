"""Answers to "What happened to X?": what the best sentence says became of X.

The answer is the predicate written right after X, when X is the sentence's subject:
"In December 1966, the AS-205 mission was canceled, since…" answers "What happened to
the AS-205 mission?" with "canceled"; "NASA's yearly budget also began to shrink"
answers "What happened to NASA's budget?" with "began to shrink". The forms of "be",
"have" and "do" before the verb, and adverbs, are left out, but not what changes its
meaning ("never launched", "could collapse") nor a particle after it ("called off");
after "became", what it became ("became museum exhibits"). X is no subject inside a
prepositional phrase ("the captain of the ferry was arrested" says nothing became of
the ferry), and a participle right after X describes it ("the rocket planned for
June"). Where the sentence says no such thing, the whole sentence stays the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text.entities import PHRASE_OPENERS, Token, tokens

_ASKS = re.compile(
    r"^\s*what\s+(?:has\s+|had\s+|will\s+)?(?:happened|happens|happen)\s+to\s+(?P<subject>.+?)"
    r"[\s?.!]*$",
    re.IGNORECASE,
)
# Auxiliaries left out of the answer ("was canceled": canceled); a modal stays.
_LEFT_OUT = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                       "do", "does", "did", "got", "gets", "get"})  # fmt: skip
# Adverbs that change what the verb says, kept in the answer ("never launched"); other
# adverbs are left out ("also began").
_NEGATIONS = frozenset({"not", "never", "nearly", "almost", "barely", "hardly", "scarcely"})
# Words that may stand between the subject and its verb: auxiliaries, adverbs, "not".
_BETWEEN = frozenset({"AUX", "ADV", "PART"})
# How many such words may stand between them.
MAX_BETWEEN = 3
# Verbs after which what follows is what the subject became ("became museum exhibits").
_BECOMING = frozenset({"became", "become", "becomes", "turned", "remained"})
# Tags of a noun phrase's words, and of the words that end the subject phrase.
_NOUN_PHRASE = PHRASE_OPENERS - {"PRON"}
_SUBJECT_ENDS = frozenset({"ADP", "ADV", "SCONJ", "PUNCT", "AUX"})


def asked_subject(question: str) -> str | None:
    """The X of "What happened to X?" ("What has happened to the 23rd round?"), or None."""
    asked = _ASKS.match(question)
    return asked.group("subject") if asked else None


def happened_clause(
    text: str,
    subject: str,
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    words: Sequence[Token] | None = None,
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of what it says became of `subject` (see the module's
    docstring), or None. The subject's last word is the head of the phrase before any
    preposition, adverb or clause ("the SM upon reentry": SM; "the tax cut": cut).
    `words` are `text`'s tagged words, when the caller has them."""
    head = _head(subject)
    wanted = {term for *_, term in term_spans(head)} if head else set()
    if not wanted:
        return None
    words = tokens(text) if words is None else words
    held = {s for s, _, term in term_spans(text) if term in wanted}
    for i, word in enumerate(words):
        if word.start not in held or _in_a_phrase(words, i):
            continue
        found = _predicate(words, i + 1)
        if found is not None:
            first, last = found
            return words[first].start, words[last].end
    return None


def _head(subject: str) -> str:
    """The last word of a subject phrase before a preposition, adverb, auxiliary or
    clause ("the AS-205 mission originally": mission; "NASA's budget after…": budget),
    whatever its tag (the tagger reads "cut" of "the tax cut" as a verb)."""
    head = ""
    for word in tokens(subject):
        if word.tag in _SUBJECT_ENDS:
            break
        if word.text[:1].isalnum():
            head = word.text
    return head


def _in_a_phrase(words: Sequence[Token], at: int) -> bool:
    """Is word `at` inside a prepositional phrase ("the captain of the ferry": ferry),
    so that the verb after it is another noun's?"""
    i = at - 1
    while i >= 0 and words[i].tag in _NOUN_PHRASE and words[i].tag != "DET":
        i -= 1
    if i >= 0 and words[i].tag == "DET":
        i -= 1  # the phrase's first word: "In 1966 the mission" is no phrase of "In"
    return i >= 0 and words[i].tag == "ADP"


def _predicate(words: Sequence[Token], at: int) -> tuple[int, int] | None:
    """The first and last word numbers of the predicate opening within `MAX_BETWEEN`
    auxiliaries, adverbs or "not" of word `at`, its leading forms of be/have/do left
    out; None if no finite or passive verb opens there."""
    j = at
    while j < len(words) and j - at < MAX_BETWEEN and words[j].tag in _BETWEEN:
        j += 1
    if j >= len(words) or words[j].tag != "VERB":
        return None
    first = at
    while first < j and (
        words[first].text.lower() in _LEFT_OUT
        or (words[first].tag == "ADV" and words[first].text.lower() not in _NEGATIONS)
    ):
        first += 1  # "was canceled", "also began": not "never launched"
    if first == at and _describes(words, j):
        return None  # "the rocket planned for June", "the satellite carrying two cameras"
    last = j
    if words[j].text.lower() in _BECOMING:
        while last + 1 < len(words) and words[last + 1].tag in _NOUN_PHRASE:
            last += 1
        return first, last
    while last + 2 < len(words) and words[last + 1].tag == "PART" and words[last + 2].tag == "VERB":
        last += 2  # "began to shrink"
    if last + 1 < len(words) and _particle(words, last + 1):
        last += 1  # "called off", "broke down"
    return first, last


def _describes(words: Sequence[Token], at: int) -> bool:
    """Is the verb at `at`, with no auxiliary before it, a participle describing the noun
    before it: an "-ing" form, or a form followed by a preposition ("planned for")?"""
    verb = words[at].text.lower()
    after = words[at + 1].tag if at + 1 < len(words) else ""
    return verb.endswith("ing") or (verb.endswith("ed") and after == "ADP")


def _particle(words: Sequence[Token], at: int) -> bool:
    """Is word `at` a verb's particle ("off", "down", "over"), not a preposition that
    opens a phrase ("called for a vote")?"""
    if words[at].tag not in ("ADP", "PART") or not words[at].text.isalpha():
        return False
    after = words[at + 1].tag if at + 1 < len(words) else "PUNCT"
    return after not in PHRASE_OPENERS
