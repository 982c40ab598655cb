"""A vague date made precise by another sentence about the same event.

"When was the 22nd round held?" may first be answered by a period: "the second half of
this year", from a sentence that planned the round. Another sentence naming the same
event (every name and number of the question: "22nd") may state a day inside that
period: "The 22nd International Meeting on Syria … is set to take place … on Nov.
11-12". A reader asking "when" wants that day. Only a vague answer is made precise: a
period written without a number ("this year", "the second half of this year") or one
spanning several months ("early 2024"); a year or month written out ("1883", "November
2024") is what its sentence states, and stays. The day must be the only one inside the
period among those sentences: two days there may be two events.

Dates are ISO strings as `text/dates.py` writes them: "2024", "2024-11", "2024-11-11",
"--11-11" (a day whose year its article does not tell), a range as "start/end".
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

from ..text.dates import ISO_DAY, ISO_MONTH, ISO_YEAR


def is_vague(text: str, iso: str) -> bool:
    """Is a date answer written as `text`, read as `iso`, a period worth making precise:
    no number written ("this year"), or a range of several months ("early 2024")?"""
    if ISO_DAY.fullmatch(iso.split("/")[0]):
        return False  # a day, or a range of days
    if not any(c.isdigit() for c in text):
        return True
    ends = iso.split("/")
    return len(ends) == 2 and bool(ISO_MONTH.fullmatch(ends[0])) and ends[0] != ends[1]


def has_day(iso: str) -> bool:
    """Does `iso` name a day or a range of days ("2024-11-11", "--11-11/--11-12")?"""
    return all(ISO_DAY.fullmatch(end) for end in iso.split("/"))


def inside(day: str, period: str) -> bool:
    """Does the day (or range of days) `day` lie within `period`? A day without its year
    ("--11-11") lies within it when its month and day do, in the period's year."""
    lowest, highest = _bounds(period.split("/")[0])[0], _bounds(period.split("/")[-1])[1]
    for end in day.split("/"):
        if end.startswith("--"):
            end = lowest[:4] + end[1:] if lowest[:4] == highest[:4] else ""
        if not end or not lowest <= end <= highest:
            return False
    return True


def _bounds(iso: str) -> tuple[str, str]:
    """The first and last day of a year, month or day, as ISO dates ("" when unread)."""
    if ISO_YEAR.fullmatch(iso):
        return f"{iso}-01-01", f"{iso}-12-31"
    month = ISO_MONTH.fullmatch(iso)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        return f"{iso}-01", f"{iso}-{calendar.monthrange(year, number)[1]:02d}"
    if ISO_DAY.fullmatch(iso) and not iso.startswith("--"):
        return iso, iso
    return "", ""


def only_day_inside(period: str, days: Iterable[tuple[str, str]]) -> str | None:
    """Of `days` ((key, ISO) pairs: a key tells one day's mentions apart, such as its
    folded text), the key of the only day inside `period`, or None when none or several
    are."""
    found = {key for key, iso in days if has_day(iso) and inside(iso, period)}
    return found.pop() if len(found) == 1 else None
