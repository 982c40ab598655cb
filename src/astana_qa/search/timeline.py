"""Time-aware questions: "the latest round", "the next meeting", "so far".

Such a question asks for the newest (or the coming) instance of something, so among
the sentences that answer it well enough, the one that states the latest time should
come first. A sentence's place in time is, most specific first: its ordinal in the
series the question names ("the 23rd round" for "the next round"), then the latest
date it states (`text/dates.py`), then its article's date. Whether it speaks of the
future ("will", "plans", "decided to hold") tells "next" from "latest": the next round
is the newest one still to come; the most recent is the newest one that is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from ..text.dates import DateMention, latest
from ..text.entities import Token
from ..text.features import SPELT_ORDINALS
from ..text.months import MONTHS

# A sentence scoring at least this share of the best one answers well enough to be
# ordered by time; weaker ones stay below, in score order.
RELEVANT_SHARE = 0.5
# When the question asks for something other than a time or an instance ("who led the
# next round"), time only decides between sentences that answer nearly as well.
NEAR_TIE_SHARE = 0.8
# A sentence in the question's series ("the 23rd round") needs only this share.
SERIES_SHARE = 0.25
# A date this close to an ordinal ("the 23rd round ... in the first half of 2025") dates it.
NEAR_CHARS = 60

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL = r"(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(_ORDINAL_WORDS) + ")"
_FIGURE_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
# The words of a noun phrase after an ordinal, and how many of them are read for its head.
_NOUN_PHRASE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
_HEAD_REACH = 4
_MONTH_NAMES = frozenset(m.lower() for m in MONTHS)
# English words that put what a sentence says in the future.
_FUTURE = re.compile(
    r"\b(will|shall|planned|planning|scheduled|upcoming|next|set to|expected to"
    r"|to be held|to hold|is to|are to|intends?)\b",
    re.IGNORECASE,
)


class TimeOrder(Enum):
    LATEST = "latest"
    NEXT = "next"


# As adjectives after a determiner ("the last round", "its next meeting": not "the
# talks last two days" or "what happened next"), or as adverbs of time ("so far").
_DETERMINER = r"(?:the|its|their|his|her|this|that|a)\s+"
_DETERMINER_AT = re.compile(_DETERMINER, re.IGNORECASE)
_LATEST_WORDS = (
    rf"{_DETERMINER}(?:latest|most\s+recent|newest|last|current|recent)|so\s+far|to\s+date|lately"
)
_NEXT_WORDS = rf"{_DETERMINER}(?:next|upcoming|coming|forthcoming|following)"
_ASKS = re.compile(
    rf"\b(?:(?P<latest>{_LATEST_WORDS})|(?P<next>{_NEXT_WORDS}))\b(?=\s+(?P<focus>[a-z]+))?",
    re.IGNORECASE,
)
# Names before the counted noun: "the latest Astana round" counts rounds.
_NAMES_THEN_NOUN = re.compile(r"\s+(?:[A-Z][\w-]*\s+)+([a-z]+)")
_WHICH = re.compile(r"\b(?:which|what)\s+([a-z]+)", re.IGNORECASE)
# "last year", "next month": a date, not a request for the newest instance.
_PERIODS = frozenset(["year", "years", "month", "months", "week", "weeks", "day", "days", "time"])


# "the round after the 22nd (one)", "the meeting before the 5th": a neighbour in a
# series, which the articles call by its own number.
_NEIGHBOUR = re.compile(
    r"\b(?P<noun>[a-z]+)\s+(?P<rel>after|following|before|preceding)\s+the\s+"
    r"(?P<n>\d+)(?:st|nd|rd|th)\b(?:\s+(?P<next>[a-z]+))?",
    re.IGNORECASE,
)


# "the round after the November meeting": the next one of the noun's series, after
# an instance the articles name otherwise than by its number (`neighbours_named`).
_NEXT_AFTER = re.compile(
    r"\b(?i:the)\s+(?P<noun>[a-z]+)\s+(?:after|following)\s+the\s+(?!\d)"
)  # a common noun: not "the Broncos after the season"


# A question of what is to come ("When is…", "Where are…", "will", "planned"): only
# such a one asks for the next instance by "the round after the November meeting"; one
# in the past ("When did the ceasefire after the summit begin?", "Who is the envoy who
# spoke at the session following the opening?") is about the instance after that one.
_AHEAD = re.compile(
    rf"\b(?:when|where)\s+(?:is|are)\b|\b(?:supposed|going\s+to|plans?)\b|{_FUTURE.pattern}",
    re.IGNORECASE,
)


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd…"""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Ordinals news style writes in figures (from the 10th on), as readers may spell them.
_UNIT_ORDINALS = SPELT_ORDINALS[:9]  # first … ninth
_TEENTH = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
           "sixteenth", "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENTHS = tuple(t[:-1] + "ieth" for t in _TENS)  # twentieth … ninetieth
_SPELT_ORDINAL = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})[\s-](?P<unit>{'|'.join(_UNIT_ORDINALS)})"
    rf"|(?P<teen>{'|'.join(_TEENTH)})|(?P<round>{'|'.join(_TENTHS)}))\b",
    re.IGNORECASE,
)


def written_ordinals(question: str, writes: Callable[[str], bool]) -> str:
    """The question with ordinals from the tenth on in figures, as news style writes
    them: "the twenty-third round" → "the 23rd round", "thirteenth" → "13th"; not one
    the articles write in words (`writes`: "the country's tenth-largest"), a title's
    ("Twelfth Night", "the Twenty-Second Amendment") or a fraction ("a tenth of the
    budget"). The first to ninth stay words, as news style writes them."""

    def figures(m: re.Match[str]) -> str:
        titled = m.start() > 0 and m.group()[:1].isupper()
        if writes(m.group()) or titled or _FRACTION_BEFORE.search(question, 0, m.start()):
            return m.group()
        if m.group("teen"):
            return _ordinal(10 + _TEENTH.index(m.group("teen").lower()))
        if m.group("round"):
            return _ordinal(20 + 10 * _TENTHS.index(m.group("round").lower()))
        tens = 20 + 10 * _TENS.index(m.group("tens").lower())
        return _ordinal(tens + 1 + _UNIT_ORDINALS.index(m.group("unit").lower()))

    return _SPELT_ORDINAL.sub(figures, question)


# "a tenth of", "one twentieth": a fraction, no rank.
_FRACTION_BEFORE = re.compile(r"\b(?:a|an|one|each)\s+$", re.IGNORECASE)


def numbered_heads(words: Sequence[Token]) -> list[tuple[str, str]]:
    """Each ordinal in figures (lower case) with the noun it numbers as written: the head
    of the noun phrase after it, past its describing words and names ("the 22nd
    International Meeting on Syria" → ("22nd", "Meeting"); "the 23rd round of talks" →
    ("23rd", "round")). A name after a common noun opens another phrase ("the 19th
    century Britain…": century); a day of a month numbers nothing ("On January 21st
    envoys met", "the 21st of January")."""
    found = []
    for i, word in enumerate(words):
        if not _FIGURE_ORDINAL.fullmatch(word.text) or _a_day(words, i):
            continue
        head = None
        for after in words[i + 1 : i + 1 + _HEAD_REACH]:
            if after.tag not in _NOUN_PHRASE_TAGS or (
                after.tag == "PROPN" and head is not None and head.islower()
            ):
                break
            if after.tag in ("NOUN", "PROPN"):
                head = after.text
        if head is not None:
            found.append((word.text.lower(), head))
    return found


def ordinal_terms(
    words: Sequence[Token], terms_of: Callable[[str], Sequence[str]]
) -> list[tuple[str, str, bool]]:
    """`numbered_heads` with each head's term (`terms_of`, an analyser's) and whether it
    is written as a name ("the 22nd International Meeting")."""
    return [
        (ordinal, term, head[:1].isupper())
        for ordinal, head in numbered_heads(words)
        for term in terms_of(head)[:1]
    ]


def _a_day(words: Sequence[Token], i: int) -> bool:
    """Is the ordinal `words[i]` a day of a month ("January 21st", "21st January", "21st
    of January")?"""
    before = words[i - 1].text.lower() if i > 0 else ""
    after = [w.text.lower() for w in words[i + 1 : i + 3]]
    month_after = after[1:2] if after[:1] == ["of"] else after[:1]
    return before in _MONTH_NAMES or any(m in _MONTH_NAMES for m in month_after)


def neighbours_named(question: str, is_noun: Callable[[str], bool]) -> str:
    """The question with each neighbour in a series named by its number: "When is the
    round following the 22nd one?" → "When is the 23rd round?". Only for a noun before
    "after" (`is_noun`: not "What happened after the 22nd?"), and not when another noun
    or "of" follows the number: "the talks after the 22nd round" are not the 23rd talks,
    "the week after the 22nd of May" is no 23rd week."""

    def named(m: re.Match[str]) -> str:
        noun, after = m.group("noun"), (m.group("next") or "")
        if not is_noun(noun) or after.lower() == "of":
            return m.group()  # "What happened after the 22nd?", "the week after the 22nd of May"
        same = after.lower() in ("one", noun.lower(), noun.lower().rstrip("s"))
        if after and not same and is_noun(after):
            return m.group()
        step = 1 if m.group("rel").lower() in ("after", "following") else -1
        n = int(m.group("n")) + step
        if n < 1:
            return m.group()
        tail = "" if same or not after else f" {after}"
        return f"{_ordinal(n)} {noun}{tail}"

    return _NEIGHBOUR.sub(named, question)


@dataclass(frozen=True)
class TimeQuestion:
    """What a time-aware question wants: the newest or the coming instance, and the
    noun it counts ("round"), if it names one."""

    order: TimeOrder
    focus: str | None
    # Where in the question the words asking for the counted noun's instance stand
    # ("most recent" of "the most recent round"), to name it instead (`instance_named`);
    # empty, before the noun, for "the round after the November meeting".
    words: tuple[int, int] | None = None


def time_question(
    question: str,
    stopwords: frozenset[str] = frozenset(),
    is_noun: Callable[[str], bool] = lambda word: True,
) -> tuple[TimeQuestion | None, str]:
    """The time order a question asks for (or None), and the question without the words
    that ask for it: "latest" or "next" says which instance, not what it is about, and
    would otherwise match "the latest developments". A noun after another instance
    asks for the next one when the question is of what is to come ("When is the round
    after the November meeting?"; not a period: "the week after the attack"). The
    counted noun is the word after the first such word, unless that is a stopword;
    names before a noun are passed over (`is_noun`: "the latest Astana round", not "the
    last Astana Forum held")."""
    asked: TimeQuestion | None = None
    kept, last = [], 0
    for m in _ASKS.finditer(question):
        focus = _counted(question, m, stopwords, is_noun)
        if focus in _PERIODS:
            continue  # "last year" is a date
        order = TimeOrder.NEXT if m.group("next") else TimeOrder.LATEST
        counted = focus if focus and focus not in stopwords else None
        determiner = _DETERMINER_AT.match(m.group())
        start = m.start() + (determiner.end() if determiner else 0)
        words = (start, m.end()) if counted else None
        if asked is None:
            asked = TimeQuestion(order, counted, words)
        elif asked.focus is None and counted:
            asked = TimeQuestion(asked.order, counted, words)
        kept.append(question[last:start])
        last = m.end()
    kept.append(question[last:])
    # "When is the round after the November meeting?": the next round
    after = _NEXT_AFTER.search(question) if asked is None and _AHEAD.search(question) else None
    if after is not None:
        noun, at = after.group("noun"), after.start("noun")
        if noun not in stopwords and noun not in _PERIODS and is_noun(noun):
            asked = TimeQuestion(TimeOrder.NEXT, noun, (at, at))  # named before the noun
    if asked is not None and asked.focus is None:  # "Which round is the latest?"
        which = _WHICH.search(question)
        if which and which.group(1).lower() not in stopwords:
            asked = TimeQuestion(asked.order, which.group(1).lower())
    return asked, "".join(kept)


def _counted(
    question: str, m: re.Match[str], stopwords: frozenset[str], is_noun: Callable[[str], bool]
) -> str:
    """The word after the time words `m` of `question`, folded; past names to a noun
    that follows them ("the latest Astana round": "round"), but not to a stopword or a
    verb ("the last Super Bowl in California" counts Super Bowls)."""
    names = _NAMES_THEN_NOUN.match(question, m.end())
    if names and names.group(1) not in stopwords and is_noun(names.group(1)):
        return names.group(1)
    return (m.group("focus") or "").lower()


@dataclass(frozen=True)
class Placed:
    """One candidate sentence with what places it in time."""

    ordinal: int  # its number in the question's series, -1 if none
    when: str  # the latest ISO date it or its article states, "" if none
    future: bool
    written: str = ""  # that number as the sentence writes it ("22nd", "third")


def place(text: str, dates: Sequence[DateMention], article_date: str | None,
          focus: str | None) -> Placed:  # fmt: skip
    """Where a sentence stands in time, for `focus` (the counted noun). With an ordinal,
    only dates near it count (within `NEAR_CHARS`): "the 22nd round ..., initiated in
    2017" does not date the 22nd round to 2017."""
    ordinal, at, written = -1, -1, ""
    if focus:
        stem = re.escape(focus.rstrip("s"))
        pattern = rf"\b(?:{_ORDINAL})\s+(?:[A-Za-z-]+\s+)?{stem}s?\b"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            n = int(m.group("n")) if m.group("n") else _ORDINAL_WORDS[m.group("w").lower()]
            if n > ordinal:
                ordinal, at, written = n, m.end(), m.group().split()[0]
    near = (d.iso for d in dates if at < 0 or abs(d.start - at) <= NEAR_CHARS)
    when = date_rested_on(near, article_date) or ""
    return Placed(ordinal, when, bool(_FUTURE.search(text)), written)


def date_rested_on(isos: Iterable[str], article_date: str | None) -> str | None:
    """The latest of the ISO dates a sentence states with their year ("--11-12" has
    none), else its article's date: what places it in time, and what an answer to a
    time-aware question rests on (`Answer.as_of`)."""
    return max((latest(iso) for iso in isos if not iso.startswith("--")), default=article_date)


def instance_named(reading: str, asked: TimeQuestion, written: str) -> str:
    """The question (as read: `time_question`'s) with the instance its time words ask
    for named as the articles number it: "When was the most recent round held?" with
    the 22nd round newest → "When was the 22nd round held?". A date is then looked for
    in what the articles say of that round, not in the newest sentence of the series,
    which may state none while an older round's sentence beside it states one. Only the
    words before the counted noun are replaced (for "the round after the November
    meeting", the number is put before the noun); a question whose time words count
    nothing is kept."""
    if asked.words is None:
        return reading
    start, end = asked.words
    if start == end:  # no time words: the number goes before the noun
        written += " "
    return f"{reading[:start]}{written}{reading[end:]}"


def order_by_time(
    scores: Sequence[float],
    placed: Sequence[Placed],
    order: TimeOrder,
    series: bool = True,
    covered: Sequence[frozenset[int]] | None = None,
) -> list[int]:
    """The positions of the candidates, newest first among those scoring at least
    `RELEVANT_SHARE` of the best or in the question's series (for `NEXT`, future ones
    first; for `LATEST`, past ones first), then the rest in their given order. With
    `series` false (a question asking who or how many, whose other words must match),
    time only orders near-ties (`NEAR_TIE_SHARE`). A sentence that holds every question
    term the best one holds (`covered`: the question terms each sentence holds) answers
    as well, whatever its length does to its score."""
    best = max(scores, default=0.0)
    share = RELEVANT_SHARE if series else NEAR_TIE_SHARE
    top = covered[max(range(len(scores)), key=scores.__getitem__)] if covered else None

    def answers_well(i: int) -> bool:
        s = scores[i]
        if best <= 0 or s <= 0:
            return False
        in_series = series and placed[i].ordinal >= 0 and s >= SERIES_SHARE * best
        as_covered = covered is not None and top is not None and covered[i] >= top
        return s >= share * best or in_series or as_covered

    relevant = [i for i in range(len(scores)) if answers_well(i)]
    rest = [i for i in range(len(scores)) if i not in set(relevant)]
    want_future = order is TimeOrder.NEXT

    def key(i: int) -> tuple:
        p = placed[i]
        return (p.future == want_future, p.ordinal, p.when)

    return sorted(relevant, key=key, reverse=True) + rest
