"""Which months a question asks about, and which a sentence tells of.

"Who led Ankara's team at the November round?" asks about November; "The last round
of talks, held in January in Astana, featured Türkiye's delegation led by Yildiz" tells
of January, so it does not say who led the team in November (`QAEngine._in_time_asked`).

A sentence tells of the months its dates are written in after "in", "on" or "during"
("held in January", "on Wednesday, October 9", "during the second half of 2024"); a
month bounding a time ("since January 2019", "until March") or a name that is also a
month ("Theresa May") tells of none. A question asks about the months of its dates
(`Query.dates`) except those after a word bounding its answer's time ("before the
January session").

Months are two-digit strings, "01" to "12"; dates are ISO strings as `text/dates.py`
writes them ("2024-11", "--11-12", "2024-07/2024-12").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.dates import ISO_MONTH, DateMention
from ..text.months import MONTH_NAME, MONTH_WORD, MONTHS

# What a date is written after when it places what a sentence tells: "held in January",
# "on Wednesday, October 9", "during the first half of 2025".
_TOLD_AFTER = re.compile(
    r"\b(?:in|on|during)\s+(?:the\s+)?(?:(?:first|second|last|early|late|mid)\S*\s+)?"
    r"(?:half\s+of\s+|part\s+of\s+|end\s+of\s+)?$",
    re.IGNORECASE,
)
# A month listed after one told of: "held in March and April", "in March, April".
_LISTED_AFTER = re.compile(
    r"\b(?:in|on|during)\s+(?:"
    + MONTH_NAME.pattern
    + r"(?:\s+\d{1,2})?(?:,\s*|\s+(?:and|or)\s+))+$"
)
# Words after which a question's month bounds its answer's time, not its subject's (as
# `query.time_bound` reads them).
_BOUNDING = re.compile(
    r"\b(?:before|prior\s+to|until|earlier\s+than|after|following|later\s+than|since)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def months_of(dates: Iterable[str]) -> frozenset[str]:
    """The months of ISO dates and prefixes that name one ("2024-11", "--11-12",
    "2024-01-24"), every month of a range ("2024-07/2024-12": July to December; all
    twelve for a year or more); none for a year alone."""
    months: set[str] = set()
    for iso in dates:
        ends = iso.split("/")
        numbers = [end[2:4] if end.startswith("--") else end[5:7] for end in ends]
        if not all(n.isdigit() for n in numbers):
            continue
        first, last = int(numbers[0]), int(numbers[-1])
        years = [end[:4] for end in ends]
        if all(y.isdigit() for y in years):
            span = (int(years[-1]) * 12 + last) - (int(years[0]) * 12 + first)
        else:
            span = (last - first) % 12
        months.update(f"{(first - 1 + i) % 12 + 1:02d}" for i in range(min(span, 11) + 1))
    return frozenset(months)


def told_months(text: str, mentions: Iterable[DateMention]) -> frozenset[str]:
    """The months sentence `text` places what it tells in: those of its dates
    (`mentions`, read by `text/dates.py`) and of the months it names alone ("held in
    January", which `dates.py` reads as no date), written after "in", "on" or
    "during"."""
    told = [m.iso for m in mentions if _told_at(text, m.start)]
    named = [_month_iso(m.group(1)) for m in MONTH_NAME.finditer(text) if _told_at(text, m.start())]
    return months_of([*told, *named])


def mentioned_months(text: str, mentions: Iterable[DateMention]) -> frozenset[str]:
    """Every month sentence `text` writes, wherever it stands: its dates' (`mentions`) and
    its capitalised month names past its first word ("The May 2024 round", "the talks of
    3 March"). A sentence mentioning a month asked about may be telling of it."""
    named = [_month_iso(m.group(1)) for m in MONTH_NAME.finditer(text) if m.start() > 0]
    return months_of([*(m.iso for m in mentions), *named])


def _told_at(text: str, start: int) -> bool:
    """Is a date at `start` written after "in", "on" or "during", alone or in a list?"""
    return bool(_TOLD_AFTER.search(text, 0, start) or _LISTED_AFTER.search(text, 0, start))


def _month_iso(name: str) -> str:
    return f"--{MONTHS.index(name.lower()) + 1:02d}"


def asked_months(question: str, dates: Iterable[str]) -> frozenset[str]:
    """The months question `question` places its subject in: those of its `dates`
    (`Query.dates`' prefixes) less any month it names only after a word bounding the
    answer's time ("Who led it before the January session?")."""
    bounded = {
        f"{MONTHS.index(m.group(1).lower()) + 1:02d}"
        for m in MONTH_WORD.finditer(question)
        if _BOUNDING.search(question, 0, m.start())
    }
    return months_of(dates) - bounded


def month_names(months: Iterable[str]) -> str:
    """ "January or March" for {"01", "03"}."""
    return " or ".join(MONTHS[int(m) - 1].capitalize() for m in sorted(months))


def not_in_time(
    question: str,
    dates: list[str],
    focus: str | None,
    answer: str,
    text: str,
    mentions: Iterable[DateMention],
    article_date: str | None,
) -> str | None:
    """Why a party's person `answer`, from sentence `text` (its dates `mentions`, its
    article dated `article_date`), does not answer `question` placing its subject in
    `dates` (`Query.dates`' prefixes), or None when it may: the sentence tells of
    other months only, or, telling of none, its article is dated before the month and
    year asked about ("the November 2024 round" from an article of January 2024), or,
    when the question gives no year, before the month asked in its own year ("the
    November round" from an article of January). An
    article dated in a month asked about tells of that month, whatever else its
    sentence mentions. For a party's person only (the engine's choice): a question's
    month may date another thing than the answer ("Who founded the party that won the
    November election?"), while a role changes hands between events."""
    asked = asked_months(question, dates)
    if not asked:
        return None
    dated = article_date or ""
    asked_dates = [d for d in dates if months_of([d]) & asked]
    if any(_holds(dated, d) for d in asked_dates):
        return None  # the article is of a month asked about
    mentions = list(mentions)
    if mentioned_months(text, mentions) & asked:
        return None  # "The May 2024 round saw …": it may tell of that month
    told = told_months(text, mentions)
    what = f"no {focus or 'person'} is stated for {month_names(asked)}"
    if told and told.isdisjoint(asked):
        return f"{what}: the sentence naming {answer} tells of {month_names(told)}"
    months_asked = [d for d in asked_dates if ISO_MONTH.fullmatch(d)]
    before = bool(months_asked) and dated < min(months_asked, default="")
    # a month asked without a year anywhere in the question ("the November round"): an
    # article of an earlier month of its year, whose sentence tells of none, names the
    # person of its own time (one of a later month may look back on the one asked)
    if asked_dates and all(d.startswith("--") for d in dates):
        before = dated[5:7] < min(d[2:4] for d in asked_dates)
    if not told and dated and before:
        return f"{what}: the sentence naming {answer} is dated {dated}"
    return None


def _holds(day: str, prefix: str) -> bool:
    """Does the ISO day `day` lie in the question's date `prefix` ("2024-11" by its
    year and month, "--11" by its month alone)?"""
    if not day:
        return False
    if prefix.startswith("--"):
        return day[4:7] == prefix[1:4]
    return day.startswith(prefix)
