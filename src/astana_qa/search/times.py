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

from ..text.dates import DateMention
from ..text.months import MONTHS

# What a date is written after when it places what a sentence tells: "held in January",
# "on Wednesday, October 9", "during the first half of 2025".
_TOLD_AFTER = re.compile(
    r"\b(?:in|on|during)\s+(?:the\s+)?(?:(?:first|second|last|early|late|mid)\S*\s+)?"
    r"(?:half\s+of\s+|part\s+of\s+|end\s+of\s+)?$",
    re.IGNORECASE,
)
# Words after which a question's month bounds its answer's time, not its subject's.
_BOUNDING = re.compile(r"\b(?:before|after|since|until|till|prior\s+to|by)\s+(?:the\s+)?$",
                       re.IGNORECASE)  # fmt: skip
_MONTH_NAME = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")


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
    told = [m.iso for m in mentions if _TOLD_AFTER.search(text, 0, m.start)]
    named = [
        f"--{MONTHS.index(m.group(1).lower()) + 1:02d}"
        for m in _MONTH_NAME.finditer(text)
        if _TOLD_AFTER.search(text, 0, m.start())
    ]
    return months_of([*told, *named])


def asked_months(question: str, dates: Iterable[str]) -> frozenset[str]:
    """The months question `question` places its subject in: those of its `dates`
    (`Query.dates`' prefixes) less any month it names only after a word bounding the
    answer's time ("Who led it before the January session?")."""
    bounded = {
        f"{MONTHS.index(m.group(1).lower()) + 1:02d}"
        for m in _MONTH_NAME.finditer(question)
        if _BOUNDING.search(question, 0, m.start())
    }
    return months_of(dates) - bounded


def month_names(months: Iterable[str]) -> str:
    """ "January or March" for {"01", "03"}."""
    return " or ".join(MONTHS[int(m) - 1].capitalize() for m in sorted(months))
