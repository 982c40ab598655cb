"""Reading a question for what kind of thing it asks for.

A question names its topic but not its answer; what it does say is the type of the
answer: `when` asks for a time, `how many` for a number, `who` and `where` for a name.
A sentence that holds such a thing (not one already in the question) is more likely
to answer. The patterns are English; a question of no known type gets no preference.
"""

from __future__ import annotations

import re
from enum import Enum

from .analysis import fold
from .corpus import MONTHS


class AnswerType(Enum):
    TIME = "time"
    NUMBER = "number"
    NAME = "name"
    NONE = "none"


_TYPE_PATTERNS = [
    (
        AnswerType.TIME,
        r"\bwhen\b|\b(what|which)\s+(year|years|date|day|month|century|decade|era|period|time)\b"
        r"|\bhow long ago\b",
    ),
    (
        AnswerType.NUMBER,
        r"\bhow\s+(many|much|long|far|old|large|big|high|tall|deep|wide|heavy|fast|often)\b"
        r"|\b(what|which)\s+(percentage|percent|number|amount|proportion|size|population)\b",
    ),
    (AnswerType.NAME, r"\b(who|whom|whose|where)\b"),
]
_COMPILED = [(t, re.compile(p, re.IGNORECASE)) for t, p in _TYPE_PATTERNS]

_TIME_WORDS = frozenset([*MONTHS, "century", "centuries"])
_YEAR = re.compile(r"(?<!\w)(1\d{3}|20\d{2})s?(?!\w)")
_NUMBER_WORDS = frozenset([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "dozen", "half",
])  # fmt: skip
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*")
_SENTENCE_START = re.compile(r"(^|[.!?:;]\s+|[\"“‘(]\s*)$")


# Words that say what kind of answer is wanted ("how many", "what year"), not what the
# question is about; they are left out of the question's terms.
_FOCUS = re.compile(
    r"\b(how|what|which)\s+(many|much|long|far|old|year|years|date|century|decade"
    r"|type|types|kind|kinds|name|names|number|percentage)\b",
    re.IGNORECASE,
)
# Names and numbers in a question: a capitalised word that does not start it, or a
# token with a digit ("25th", "2019"). All-capital abbreviations are left out: articles
# often spell them out ("MVPs", "WWII").
_KEY_WORD = re.compile(r"(?<!^)(?<![.?!]\s)\b([A-Z][a-z][\w’'-]*|\w*\d\w*)")
# Dates as people say them ("Sept 1760", "January 30th") and as articles write them
# ("September 1760", "January 30").
_MONTH_ABBREVIATIONS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip
_ABBREVIATED_MONTH = re.compile(r"\b(" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?(?=\s+\d)")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DAY_AFTER_MONTH = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)\b", re.IGNORECASE)
_DAY_BEFORE_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?={_MONTH}\b)", re.IGNORECASE
)


def topic_text(question: str) -> str:
    """The question without its answer-type words (`how many people` → `how people`)."""
    return _FOCUS.sub(lambda m: m.group(1), question)


def key_words(question: str) -> list[str]:
    """The names and numbers a question is about; if the corpus never mentions one of
    them, the articles cannot answer it."""
    return _KEY_WORD.findall(question.strip())


def written_dates(question: str) -> str:
    """The question with its dates as articles write them: month names in full before a
    number, and days after or before a month as plain numbers ("Sept 30th" →
    "September 30"). Other ordinals stay ("the 25th round" is not the 25th of a month)."""
    question = _ABBREVIATED_MONTH.sub(lambda m: _MONTH_ABBREVIATIONS[m.group(1)], question)
    question = _DAY_AFTER_MONTH.sub(r"\1 \2", question)
    return _DAY_BEFORE_MONTH.sub(r"\1 ", question)


def answer_type(question: str) -> AnswerType:
    """The type of thing the question asks for (the first pattern that matches)."""
    for kind, pattern in _COMPILED:
        if pattern.search(question):
            return kind
    return AnswerType.NONE


def mentions_time(text: str) -> bool:
    """Does `text` state a year, a month or a century?"""
    text = text.lower()
    if _DIGIT.search(text) and _YEAR.search(text):
        return True
    return not _TIME_WORDS.isdisjoint(_WORD.findall(text))


def mentions_number(text: str) -> bool:
    """Does `text` state a quantity, in digits or in words?"""
    return bool(_DIGIT.search(text)) or not _NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower()))


def names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence (names of people, places,
    bodies), folded like index terms."""
    return {
        fold(m.group())
        for m in _CAPITALISED.finditer(text)
        if not _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()])
    }
