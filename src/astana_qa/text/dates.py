"""Dates stated in text, normalised to ISO 8601 and read against the article's date.

News states time in many shapes: "January 24-25", "Nov. 11-12", "Wednesday, October 9",
"24 January 2024", "2024/10/10", "the first half of 2025", "the end of 2022", "winter
2024", "in 2017", "last year",
"yesterday". `find_dates` returns each with its offsets and an ISO 8601 form: a day
(`2024-01-24`), a month (`2024-11`), a year (`2017`), an interval (`2024-01-24/2024-01-25`,
`2025-01/2025-06`), or, when the year is not stated and no article date says it, a
day without a year (`--11-11`, ISO 8601's truncated form). Relative expressions are
resolved only against a known article date; otherwise they are left out.

`date_stamp_length` finds a date stamp glued before an article's first sentence
("date 2024-01-24 The Turkish ...") or a wire service's dateline ("LONDON, March 3
(Reuters) - The Bank ..."), so neither is ever part of a cited sentence.

The patterns are English calendar grammar (month and weekday names), not a list of
phrases from any corpus. `dateparser` was considered: it parses one string at a time,
has no notion of day ranges ("24-25"), and its text search costs tens of milliseconds
per sentence, too slow to run on every cited sentence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .months import MONTHS, SEASONS, YEAR_PARTS

_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)} | {
    m[:3]: i + 1 for i, m in enumerate(MONTHS)
} | {"sept": 9}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEASON = "|".join(SEASONS)
_PATTERNS = [
    # 2024-01-24, 2024/10/10
    ("numeric", rf"(?<![\d/.-]){_YEAR}[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<day>[0-3]?\d)(?![\d/])"),
    # (Wednesday,) January 24(-25)(, 2024), Nov. 11-12
    (
        "month_day",
        rf"\b{_WEEKDAY}{_MONTH}\.?\s+{_DAY}{_DAY2}"
        rf"(?:,?\s+{_YEAR}|\s+of\s+(?P<yrel>last|this|next)\s+year)?(?![\d:])",
    ),
    # 24(-25) January (2024)
    ("day_month", rf"\b{_WEEKDAY}{_DAY}{_DAY2}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+{_YEAR})?\b"),
    # January 2024
    ("month_year", rf"\b{_MONTH}\.?\s+(?:of\s+)?{_YEAR}\b"),
    # the first half of 2025, the second half of 2024
    ("half", rf"\b(?P<half>first|second)\s+half\s+of\s+{_YEAR}\b"),
    # the end of 2022, early 2023, mid-2024, the beginning of 2021
    (
        "part",
        rf"\b(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
        rf"[\s-]+(?:the\s+year\s+)?{_YEAR}\b",
    ),
    # winter 2024, the spring of 2020, the winter of 2023-24 (named by its later year)
    (
        "season",
        rf"\b(?P<season>{_SEASON})\s+(?:of\s+)?{_YEAR}"
        r"(?:\s*[-–/]\s*(?P<year2>(?:19|20)?\d\d))?\b",
    ),
    # in 2017, since 2011 (a year standing alone)
    ("year", rf"(?<![\d,.$£€-]){_YEAR}(?![\d,]|\.\d|\s*(?:%|percent))"),
    # last year, this month, yesterday
    ("relative", r"\b(?P<rel>(?:last|this|next)\s+(?:year|month)|yesterday|today|tomorrow)\b"),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS]
# Every pattern above needs a digit or a relative word.
_MAY_HOLD_A_DATE = re.compile(
    r"\d|yesterday|today|tomorrow|(?:last|this|next)\s+(?:year|month)", re.I
)
_STAMP = re.compile(
    r"\s*(?:(?:date|dated|published|posted|updated)\s*:?\s*)?"
    rf"(?:{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.][0-3]?\d|{_MONTH}\.?\s+{_DAY},?\s+(?:19|20)\d\d)"
    r"\s*[|•·–—-]?\s+(?=[A-Z“\"‘'])",
    re.IGNORECASE,
)

# A wire service's dateline opening an article's first paragraph: the place in capitals
# (and maybe its region), the day or the service or both, then a dash ("LONDON, March 3
# (Reuters) - ", "SURABAYA, Indonesia, May 2 -LRB- Xinhua -RRB- -- ", "WASHINGTON (AP) —
# "; not "NATO - The alliance said"). Like a date stamp it is header, not the story's
# first sentence.
_DATELINE = re.compile(  # case matters but in the month ("AI (artificial …) - " is none)
    r"\s*(?P<place>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})"
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    rf"(?:,\s+(?i:{_MONTH})\.?\s+{_DAY}(?:,\s+{_YEAR})?)?"
    r"(?:\s*\((?P<service>[A-Z][\w .&'’-]{0,40})\)"
    r"|\s+-LRB-\s*(?P<wire>[A-Z][\w .&'’-]{0,40}?)\s*-RRB-)?"
    r"\s*(?:--|[-–—])\s+(?=[A-Z“\"‘'])"
)


@dataclass(frozen=True)
class DateMention:
    """A date stated in a text: where (`start`, `end` in that text), as written, and
    normalised (`iso`)."""

    start: int
    end: int
    text: str
    iso: str


def _day(year: int | None, month: int, day: int) -> str | None:
    if not 1 <= day <= 31 or (year and day > calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _iso(kind: str, m: re.Match[str], reference: date | None) -> str | None:
    """The ISO 8601 form of one match, or None when it is not a real date."""
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "numeric":
        return _day(year, int(groups["m"]), int(groups["day"]))
    if kind in ("month_day", "day_month"):
        month = _MONTH_NUMBER[groups["month"].lower()]
        if year is None and reference is not None:
            step = {"last": -1, "this": 0, "next": 1}.get((groups.get("yrel") or "").lower(), 0)
            year = reference.year + step
        first = _day(year, month, int(groups["day"]))
        if first and groups.get("day2"):
            last = _day(year, month, int(groups["day2"]))
            return f"{first}/{last}" if last and last > first else None
        return first
    if kind == "month_year":
        return f"{year:04d}-{_MONTH_NUMBER[groups['month'].lower()]:02d}"
    if kind == "half":
        return (
            f"{year}-01/{year}-06" if groups["half"].lower() == "first" else f"{year}-07/{year}-12"
        )
    if kind == "part":
        part = groups["part"].lower().split()
        begins, ends = YEAR_PARTS[part[-2] if part[-1] == "of" else part[-1]]
        return f"{year}-{begins:02d}/{year}-{ends:02d}"
    if kind == "season" and year is not None:
        begins, ends = SEASONS[groups["season"].lower()]
        if begins > ends:  # winter 2024: December 2023 to February 2024
            if groups.get("year2"):  # the winter of 2023-24: December 2023 on
                if int(groups["year2"]) not in (year + 1, (year + 1) % 100):
                    return None  # "winter 2023 - 40 people died": no second year
                return f"{year}-{begins:02d}/{year + 1}-{ends:02d}"
            return f"{year - 1}-{begins:02d}/{year}-{ends:02d}"
        return f"{year}-{begins:02d}/{year}-{ends:02d}"
    if kind == "year":
        return f"{year:04d}"
    if reference is None:
        return None
    return _relative(groups["rel"].lower().split(), reference)


def _relative(words: list[str], reference: date) -> str | None:
    if words == ["yesterday"]:
        return (reference - timedelta(days=1)).isoformat()
    if words == ["today"]:
        return reference.isoformat()
    if words == ["tomorrow"]:
        return (reference + timedelta(days=1)).isoformat()
    step = {"last": -1, "this": 0, "next": 1}[words[0]]
    if words[1] == "year":
        return f"{reference.year + step:04d}"
    month = reference.month - 1 + step
    return f"{reference.year + month // 12:04d}-{month % 12 + 1:02d}"


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date `text` states, in order, none overlapping another (the longer,
    more specific reading wins); `reference` is the article's date."""
    if not _MAY_HOLD_A_DATE.search(text):  # most sentences: no digit, no relative date
        return []
    found: list[DateMention] = []
    taken = [False] * (len(text) + 1)
    for kind, pattern in _COMPILED:  # most specific first
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            iso = _iso(kind, m, reference)
            if iso is None:
                continue
            found.append(DateMention(m.start(), m.end(), m.group(), iso))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    return sorted(found, key=lambda d: d.start)


# The shapes of the ISO dates this module writes (`DateMention.iso`, each end of a
# range): a day ("2024-11-11", "--11-11" when the year is not told), a month of a year
# ("2024-11", its year and month as groups), a year.
ISO_DAY = re.compile(r"(?:\d{4}|-)-\d{2}-\d{2}")
ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
ISO_YEAR = re.compile(r"\d{4}")
_WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


_WEEKDAY_BEFORE_DATE = re.compile(
    r"(?:" + "|".join(_WEEKDAYS) + r"),?\s+(?=\d|" + _MONTH + r"\b)",
    re.IGNORECASE,
)


def calendar_start(text: str) -> int:
    """Where the calendar date of `text` starts after a weekday naming the same day
    ("Wednesday, October 9" → 11); 0 when no weekday comes before a date."""
    found = _WEEKDAY_BEFORE_DATE.match(text)
    return found.end() if found else 0


def names_a_weekday(text: str) -> bool:
    """Does `text` name a day of the week ("Friday", "Wednesday, October 9")?"""
    return _WEEKDAY_NAME.search(text) is not None


def names_a_day(text: str) -> bool:
    """Does `text` name a day ("Nov. 11-12", "24 January 2024", "on Friday"), not only a
    month, a year or a longer period ("the second half of this year")?"""
    if _WEEKDAY_NAME.search(text):
        return True
    return any(ISO_DAY.fullmatch(m.iso.split("/")[0]) for m in find_dates(text))


def parse_iso_day(value: str | None) -> date | None:
    """`YYYY-MM-DD` as a date (None for anything else)."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def latest(iso: str) -> str:
    """The end of an ISO date or interval, for ordering mentions in time."""
    return iso.rsplit("/", 1)[-1]


def date_stamp_length(line: str) -> int:
    """How many leading characters of a line are a date stamp or a wire service's
    dateline before its prose ("date 2024-01-24 The Turkish ..." → 16, "LONDON, March 3
    (Reuters) - The Bank ..." → 28), or 0."""
    m = _STAMP.match(line)
    if m:
        return m.end()
    m = _DATELINE.match(line)
    if m is None or not m.group("place").isupper():
        return 0
    service = m.group("service") or m.group("wire")
    if service and _spells_out(m.group("place"), service):
        return 0  # "WHO (World Health Organization) - ": an acronym, no place
    return m.end() if m.group("day") or service else 0


def _spells_out(acronym: str, words: str) -> bool:
    """Do the initials of the capitalised `words` open `acronym` ("World Health
    Organization" for "WHO", "Islamic State" for "ISIS"; not "Reuters" for "ROME")?"""
    initials = "".join(w[0] for w in words.split() if w[:1].isupper())
    return len(initials) >= 2 and acronym.replace(".", "").startswith(initials)
