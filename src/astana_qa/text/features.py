"""Features of text that both articles and questions need: months, times, numbers, names.

The index records per sentence whether it states a time or a number and which names it
mentions; question reading uses the same definitions to see what a question asks for
and which names it is about, so the two always agree.
"""

from __future__ import annotations

import re

from .analysis import fold
from .months import MONTHS

_TIME_WORDS = frozenset([*MONTHS, "century", "centuries"])
_YEAR = re.compile(r"(?<!\w)(1\d{3}|20\d{2})s?(?!\w)")
# The numbers one to ten as words, in order: `SPELT_NUMBERS[n - 1]` is n; and the ranks.
SPELT_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SPELT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth")  # fmt: skip
_SMALL_NUMBER = re.compile(r"([1-9])(st|nd|rd|th)?", re.IGNORECASE)
NUMBER_WORDS = frozenset([
    *SPELT_NUMBERS, "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
    "hundreds", "thousand", "thousands", "million", "millions", "billion", "dozen", "half",
])  # fmt: skip
_DIGIT = re.compile(r"\d")


def spelt_number(token: str) -> str | None:
    """The word articles write for a number or rank below ten written in digits ("2" →
    "two", "6th" → "sixth"), or None: news style spells these out ("a two-day meeting",
    "the sixth such gathering")."""
    small = _SMALL_NUMBER.fullmatch(token)
    if small is None:
        return None
    return (SPELT_ORDINALS if small.group(2) else SPELT_NUMBERS)[int(small.group(1)) - 1]


# A name of one to three capitalised words and the number, or list of numbers, that
# numbers it: "Super Bowl 50", "Apollo 13", "Super Bowls I and II", "Expo-2017", "Super
# Bowl 50's"; not "1,000", "3.5" nor a range ("1941–1945", "II–IV").
_NUMERAL = r"(?:\d{1,4}|[IVXLCDM]{2,7}|I)(?!\w|[.,:]\d|\s*[-–—]\s*(?:\d|[IVXLCDM]+\b))"
_NUMBERED = re.compile(
    rf"(?<![\w’'-])((?:[A-Z][A-Za-z]+\s+){{0,2}}[A-Z][A-Za-z]+)[\s-]+"
    rf"({_NUMERAL}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+){_NUMERAL})*)"
)
_NUMERAL_IN_LIST = re.compile(_NUMERAL)
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# Words by which a question asks about another of a series than the one it numbers:
# "the mission after Apollo 11", "the last Super Bowl prior to Super Bowl 50".
_ANOTHER_OF_THE_SERIES = re.compile(
    r"\b(after|before|prior|following|preceding|previous|next|since|until|earlier|later)\b",
    re.IGNORECASE,
)


def numbered_names(text: str, stopwords: frozenset[str] = frozenset()) -> set[tuple[str, int]]:
    """The names `text` numbers, each folded (a plural "s" dropped) with its number:
    "Super Bowl 50" and "Super Bowls L" give ("super bowl", 50), "Apollo 13" ("apollo",
    13). Not after a month ("January 2024" is a date) or a word in capitals only ("UN
    2254"); `stopwords` opening a name are left out of it ("The 2012 season" numbers
    nothing); "I" is read as a numeral only after a name of two words or more ("World
    War I", not "Then I")."""
    found = set()
    for run, numbers in _NUMBERED.findall(text):
        words = run.split()
        while words and words[0].lower() in stopwords:  # "The Super Bowl 50-winning…"
            words = words[1:]
        if not words or words[-1].lower() in MONTHS or any(w.isupper() for w in words):
            continue
        name = " ".join(fold(w) for w in words)
        name = name[:-1] if name.endswith("s") and not name.endswith("ss") else name
        for number in _NUMERAL_IN_LIST.findall(numbers):
            if number.isdigit():
                found.add((name, int(number)))
            elif (number != "I" or len(words) > 1) and _ROMAN.fullmatch(number):
                found.add((name, _roman_value(number)))
    return found


def asks_about_another_of_a_series(question: str) -> bool:
    """Does the question ask about a neighbour of what it numbers ("Who commanded the
    mission after Apollo 11?"), so that a passage about another number may answer it?"""
    return _ANOTHER_OF_THE_SERIES.search(question) is not None


def _roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral ("XLVIII" → 48)."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w’'-]*")
_SENTENCE_START = re.compile(r"(^|[.!?:;]\s+|[\"“‘(]\s*)$")


def mentions_time(text: str) -> bool:
    """Does `text` state a year, a month or a century?"""
    text = text.lower()
    if _DIGIT.search(text) and _YEAR.search(text):
        return True
    return not _TIME_WORDS.isdisjoint(_WORD.findall(text))


def mentions_number(text: str) -> bool:
    """Does `text` state a quantity, in digits or in words?"""
    return bool(_DIGIT.search(text)) or not NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower()))


def names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence (names of people, places,
    bodies), folded like index terms."""
    return {
        fold(m.group())
        for m in _CAPITALISED.finditer(text)
        if not _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()])
    }
