"""Candidate answer spans in one sentence: names, dates, numbers and noun phrases.

A span is found by the form of the text, not by knowing the thing it names: dates and
numbers by their written patterns ("Nov. 11-12", "the first half of 2025", "nearly
7 million", "$469,000", "ten-month"), names as runs of capitalised words joined by the
short words names contain ("the International Committee of the Red Cross"), a title
before a full name telling its kind but left out of it ("Deputy Foreign Minister |
Ahmet Yıldız"), and noun phrases from the word classes of `tagger.py`. Each span says
what kinds of answer it can be; offsets are into the text given, so a caller adds the
sentence's own offset in its file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from .lexical import LEADING_PLACE_WORDS
from .lexicon import shipped_lexicon
from .months import MONTHS, SEASONS
from .sentences import known_abbreviations
from .tagger import lexicon, tag

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DATE_WORDS = frozenset(MONTHS) | frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"
_RANGE = r"\s*(?:-|–|to|and|through)\s*"
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|last|final|latter|former|early|late)"
)
_SEASON = "(?:" + "|".join(SEASONS) + ")"
_DATE = re.compile(
    rf"(?<![\w])(?:(?:early|mid|late|the\s+(?:{_ORDINAL_WORD})\s+(?:half|quarter|week|weeks|days)\s+of"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"  # "the end of 2022"
    r"[\s-]+)?"
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}(?:{_RANGE}{_DAY}(?!\d))?(?:,?\s+{_YEAR})?"
    rf"|{_DAY}(?:{_RANGE}{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?:{_SEASON}\s+(?:of\s+)?)?{_MONTH}\s+(?:of\s+)?{_YEAR}"
    # a season only before its year ("winter 2024", "the winter of 2023-24", "the fall of
    # last year"): "prices fall next year" and "fall Monday" are no dates
    rf"|(?:the\s+)?{_SEASON}\s+(?:(?:of\s+)?{_YEAR}(?:(?:{_RANGE}|/)(?:{_YEAR}|[0-9]{{2}}))?(?![\w])"
    r"|of\s+(?:last|this|next)\s+year)"
    rf"|{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.][0-3]?[0-9](?![\w/])"  # 2023-10-10
    rf"|(?:the\s+)?{_YEAR}s(?![\w])"
    rf"|{_YEAR}(?:{_RANGE}(?:{_YEAR}|[0-9]{{2}}))?(?![\w])"
    rf"|(?:the\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)\s+century"
    rf"|{_WEEKDAY}"
    r"|(?:last|next|this|the\s+previous|the\s+following)\s+(?:year|month|week|spring|summer"
    r"|autumn|fall|winter))"
    rf"(?:\s+of\s+(?:last\s+year|{_YEAR}))?",
    re.IGNORECASE,
)
# A weekday alone that recurs every week: in the plural ("on Saturdays"), before a part
# of the day in the plural ("Saturday mornings"), or after "every" or "each".
_WEEKDAY_ALONE = re.compile(_WEEKDAY, re.IGNORECASE)
_RECURRING = re.compile(r"s\b|\s+(?:mornings|afternoons|evenings|nights)\b", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|m|bn|k|dozen)"
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|(?:half\s+)?a\s+(?:dozen|hundred|thousand|million|billion|trillion)"
    r"|dozens|hundreds|thousands|millions|half|twice|thrice)"
)
_DIGITS = r"(?:[0-9]+(?:[,.][0-9]+)*(?:\s+[0-9]/[0-9]|\s?[½⅓⅔¼¾⅛])?|\.[0-9]+|[½⅓⅔¼¾⅛])"
# Words that change how large a number is ("nearly 7 million", "over 300,000"); "only" and
# "just" say how the writer sees it ("only six"), and are left out of it.
_QUALIFIER = (
    r"(?:nearly|almost|about|around|approximately|roughly|some|over|under|up\s+to"
    r"|(?:more|less|fewer)\s+than|at\s+least|at\s+most|as\s+(?:many|much)\s+as)"
)
_CURRENCY = r"(?:US\$|[$£€¥]|(?:Pounds|pounds|USD|EUR|Rs\.?)\s)"
_NUMBER = re.compile(
    rf"(?<![\w$£€¥])(?:{_QUALIFIER}\s+)?{_CURRENCY}?\s?"
    # a number word is whole: "sixty", not the "six" it starts with, nor the "ten" of "tenge";
    # a figure may be negative by the minus sign ("−11.7 °C"; not a hyphen, which joins)
    rf"(?:−?{_DIGITS}|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?(?![^\W\d_]))"
    rf"(?:\s*(?:-|–|to)\s*{_CURRENCY}?(?:−?{_DIGITS}|{_NUMBER_WORD})(?![\w]))?"
    rf"(?:[\s-]?{_SCALE}(?![\w]))?(?:\s+{_SCALE}(?![\w]))?"
    r"(?:\s?%|\s+per\s?cent(?![\w])|\s+percent(?![\w]))?"
    r"(?:-[a-z]+(?:-[a-z]+)?)?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    r"\b(?:[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|twentieth|last|final)\b",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_words = str.split
TIME_UNITS = frozenset(
    _words(
        "second seconds minute minutes hour hours day days week weeks month months year years"
        " decade decades century centuries"
    )
)
# Units of measure that belong with their number ("150 miles"); other counted nouns are
# left out ("7 million people": the question names the people).
# Units of length, height, speed and weight: a number with one is a measure ("617 ft"),
# what "how tall", "how far", "how fast" ask for.
MEASURE_UNITS = frozenset(
    _words(
        "mile miles km kilometres kilometers kilometre kilometer metre metres meter meters feet"
        " foot ft inch inches yard yards ton tons tonnes pound pounds kg kilograms grams mph"
        " degrees kelvin kelvins"
    )
)
_UNITS = (
    TIME_UNITS
    | MEASURE_UNITS
    | frozenset(_words("acre acres hectare hectares dollars dollar euros cents points times"))
)


# A degree sign after a number, with its scale: "48.8 °C", "104°F", "12°".
_DEGREES = re.compile(r"\s?°(?:\s?[CFK])?(?![A-Za-z])")
# The word after a number that may be its unit ("150 miles", "874.3 square miles").
_UNIT_AFTER = re.compile(r"\s+(?:(?:square|cubic)\s+)?([a-z]+)")
# What a number is counted per: "$40 per barrel", "9.81 meters per second".
_RATE = re.compile(r"\s+per\s+[a-z]+\b")


def _abbreviated_words() -> str:
    """The project's abbreviations of one word that are not dates ("St", "Dr", "Inc"),
    capitalised, as a pattern: "St. Johns River" is one name, not "St" and "Johns River"."""
    dated = {w[:3] for w in _DATE_WORDS}
    words = sorted(a for a in known_abbreviations() if a.isalpha() and a[:3] not in dated)
    return "|".join(w.capitalize() for w in sorted(words, key=len, reverse=True))


# A word: a bracket as treebanks write it, an acronym with periods ("U.S."), a one-word
# abbreviation with its period ("St."), a middle initial before a capitalised word ("John
# F. Kennedy"), a number with separators, a word with inner hyphens or apostrophes, or a
# mark.
_TOKEN = re.compile(
    rf"-[LR][RSC]B-|(?:[A-Z]\.){{2,}}|\b(?:{_abbreviated_words()})\.|\b[A-Z]\.(?=\s+[A-Z])"
    r"|[0-9]+(?:[,.][0-9]+)+|\w+(?:[-'’.]\w+)*|[^\w\s]"
)
# Marks after which a word is capitalised whatever it is.
_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'"})
_IDENTIFIER = re.compile(r"(?<![.!?]\s)\b[A-Z][A-Za-z]+\s+(?:No\.\s*)?$")
_NUMBER_TAIL = re.compile(
    r"-(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion)$"
)
_BRACKET = re.compile(r"-[LR][RSC]B-")
_CONNECTORS = frozenset({"of", "the", "for", "and", "de", "del", "la", "le", "al", "bin", "von",
                         "van", "&", "-", "on", "du", "da", "der", "den", "ter", "y", "dos", "das",
                         "di", "della", "ibn", "bint"})  # fmt: skip
# Connectors that join the words of a body's or an event's name, not of a person's
# ("Council of Europe", "Meeting on Syria"; but "Charles de Gaulle", "Ludwig van
# Beethoven"). A title still makes a person: "Prince of Wales".
# The Arabic article as written before a surname with a hyphen ("al-Turabi",
# "el-Sisi", "ash-Shara", "ad-Din", "as-Sadr", "an-Nahyan").
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-")
_NOT_IN_PERSONAL_NAMES = frozenset({"of", "on", "for", "and", "the", "&"})
_NAME_BREAK = frozenset({"DET", "PRON", "ADP", "AUX", "SCONJ", "CCONJ", "PART", "PUNCT",
                         "ADV", "INTJ", "SYM"})  # fmt: skip
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM"})
# Tokens that break a clause: what a person's title and a key term's nearness to an
# answer do not reach across (`search/titles.py`, `search/candidates.py`).
CLAUSE_BREAK = frozenset({";", ":", "(", ")", "—", "–", '"', "-LRB-", "-RRB-"})
_MODIFIER = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_OPENS_A_NOUN_PHRASE = frozenset({"DET", "ADJ", "NUM"})
# The tags of the words a noun phrase may open with, a pronoun included: a word between
# a verb and one of these is a preposition ("pay for the stadium"), not a particle.
PHRASE_OPENERS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})


class Token(NamedTuple):
    """A word or mark of a sentence: `text == sentence[start:end]`, and its tag. A named
    tuple, not a dataclass: a few hundred are made per question, and a tuple is made
    several times faster."""

    start: int
    end: int
    text: str
    tag: str


@dataclass(frozen=True)
class Span:
    """A candidate answer: `text == sentence[start:end]`; `kinds` are what it can be."""

    start: int
    end: int
    text: str
    kinds: frozenset[str]


def tokens(text: str) -> list[Token]:
    """The words and punctuation of one sentence, with their tags. Brackets escaped as
    treebanks write them ("-LRB-") are punctuation."""
    found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    tags = tag([_as_tagged(w) for *_, w in found])
    return [Token(s, e, w, t) for (s, e, w), t in zip(found, tags, strict=True)]


# A negative contraction, which the treebank splits ("was" + "n't", "ca" + "n't").
_NOT = re.compile(r"(\w+)n['’]t", re.IGNORECASE)


def _as_tagged(word: str) -> str:
    """The form of `word` the tagger is asked about: an escaped bracket as a bracket, a
    negative contraction as the word before its "n't", as the treebank writes it ("wasn’t"
    is a form of "was", not an unknown noun)."""
    if word[:1] == "-" and _BRACKET.fullmatch(word):
        return "("
    negative = _NOT.fullmatch(word)
    return negative.group(1) if negative else word


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in "$£€¥.−":
        start += 1
    while end > start and text[end - 1] in " ,;:-–'’\"":
        end -= 1
    return start, end


_DATE_CUE = re.compile(
    r"[0-9]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|last|next|this|the previous|the following)",
    re.IGNORECASE,
)


# A month or season with no day or year, after a preposition of time: "held annually in
# June", "every June", "in the autumn", "during late summer" (a month's name alone may be
# a word: "may", "march"; after such a preposition it is the month).
_BARE_TIME = re.compile(
    r"\b(?:in|every|each|during|since|until|till|before|after|through)\s+(?:the\s+)?"
    r"((?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?:"
    + "|".join(m.capitalize() for m in MONTHS)
    + r"|spring|summer|autumn|fall|winter))\b"
    # not "June 5" or "June of 2010" (the full date is read whole), nor "the fall of Aleppo"
    r"(?![\s,]+(?:of\s+)?[0-9])(?!\s+(?:of|from)\b)"
)


# Units of time, counted back ("years ago") or repeated ("every four years").
_PERIOD_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))"
# A time counted back from now: "1.7 billion years ago", "about 300 years ago". Its kind
# `AGO` says the amount inside it is a number too ("How many years ago…": 300).
AGO = "ago"
_AGO = re.compile(
    rf"(?<![\w$£€¥])(?:{_QUALIFIER}\s+)?(?:{_DIGITS}|{_NUMBER_WORD})(?:\s+{_SCALE})?\s+"
    rf"{_PERIOD_UNIT}\s+ago\b",
    re.IGNORECASE,
)


# How often: "every four years", "each six months", "twice a year", "three times a week",
# "biennial", "half-hourly".
_FREQUENCY = re.compile(
    rf"\b(?:(?:every|each)\s+(?:other\s+|(?:{_DIGITS}|{_NUMBER_WORD})\s+)?{_PERIOD_UNIT}"
    rf"|(?:once|twice|thrice|(?:{_DIGITS}|{_NUMBER_WORD})\s+times)\s+(?:a|an|per|every|each)\s+"
    rf"{_PERIOD_UNIT}"
    r"|(?:bi|semi-?)?annual(?:ly)?|biennial(?:ly)?|biannual(?:ly)?|(?:half-)?hourly|daily"
    r"|weekly|fortnightly|monthly|quarterly|yearly|nightly)\b",
    re.IGNORECASE,
)


def frequencies(text: str) -> list[Span]:
    """How often something happens, as a text says it ("every four years", "biennial")."""
    return [Span(m.start(), m.end(), m.group(), frozenset({"frequency"}))
            for m in _FREQUENCY.finditer(text)]  # fmt: skip


# A count of occasions: "several times", "three times", "many times". Not a thing: it
# says how often ("Which agreements has Russia violated?" is not "several times").
REPETITIONS = re.compile(
    rf"(?:(?:several|many|multiple|numerous|countless|a\s+few|few|{_DIGITS}|{_NUMBER_WORD})"
    r"\s+)+times",
    re.IGNORECASE,
)


# A time of day: "4:51", "10:30 a.m.", "3 p.m.".
_MERIDIEM = r"(?:\s?(?:[ap]\.m\.|[AP]\.M\.|[AP]M\b)|[ap]m\b)"
_CLOCK = re.compile(rf"(?<![\w:.])(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9]{_MERIDIEM}?|{_MERIDIEM})"
                    r"(?![\w:]|\.\d)")  # fmt: skip
# A lower-case plural word right after a number ("2000 guests"), and the words before a
# number that make it a year all the same ("in 1999 voters chose").
_PLURAL_AFTER = re.compile(r"\s+([a-z]+s)\b")
_BEFORE_A_YEAR = frozenset({"in", "since", "during", "until", "till", "from", "before",
                            "after", "between", "the", "its", "their", "his", "her", "year",
                            "around", "circa", "fiscal", "early", "mid", "late"})  # fmt: skip


def _counts(text: str, start: int, end: int) -> bool:
    """Does the number at `text[start:end]` count the plural noun after it ("2000
    guests") or measure in the unit after it ("1015 kelvins", "the 1500 metres final"),
    rather than name a year ("in 1999 voters chose", "the 2000 elections", "By 2030
    emissions must fall", "in 2010 degrees were awarded")?"""
    before = text[:start].split()
    word = before[-1] if before else ""
    unit = _UNIT_AFTER.match(text, end)
    if (
        unit is not None
        and unit.group(1) in MEASURE_UNITS
        and word.lower() not in _TIME_PREPOSITIONS
    ):
        return True
    after = _PLURAL_AFTER.match(text, end)
    return (
        after is not None
        and _is_plural_noun(after.group(1))
        and word.lower() not in _BEFORE_A_YEAR
        and word != "By"  # "By 2030": sentence-initial
    )


# Prepositions of time, after which a figure before a unit is still a year ("in 2010
# degrees were awarded").
_TIME_PREPOSITIONS = frozenset({"in", "since", "during", "until", "till", "before", "after",
                                "by"})  # fmt: skip


def _is_plural_noun(word: str) -> bool:
    """Is `word` a noun in the plural ("guests"; not "analysis", "status" or "news")?"""
    if lexicon().get(word, ("",))[0] != "NOUN":
        return False
    bases = shipped_lexicon().base_forms(word)
    return bool(bases) and word not in bases


def dates(text: str) -> list[Span]:
    """Dates, ranges of them, named periods and times of day; the costly pattern runs
    only on a cue."""
    spans = [Span(m.start(1), m.end(1), m.group(1), frozenset({"date"}))
             for m in _BARE_TIME.finditer(text)]  # fmt: skip
    spans += [Span(m.start(), m.end(), m.group(), frozenset({"date"}))
              for m in _CLOCK.finditer(text)]  # fmt: skip
    if " ago" in text:
        spans += [Span(m.start(), m.end(), m.group(), frozenset({"date", AGO}))
                  for m in _AGO.finditer(text)]  # fmt: skip
    if not _DATE_CUE.search(text):
        return sorted(spans, key=lambda span: span.start)
    for m in _DATE.finditer(text):
        start, end = _trimmed(text, m.start(), m.end())
        word = text[start:end]
        if word.lower() in ("may", "march") or (word.isdigit() and len(word) == 4 and (
                end < len(text) and text[end:end + 1].isalpha())):  # fmt: skip
            continue  # "may" the verb, "march" the noun
        if word.isdigit() and _counts(text, start, end):
            continue  # "attended by 2000 guests", "1015 kelvins": an amount, not a year
        if _WEEKDAY_ALONE.fullmatch(word) and (
            _RECURRING.match(text, end) or _EVERY.search(text, 0, start)
        ):
            continue  # "on Saturdays", "for Saturday mornings", "every Sunday": no one date
        if start < end:
            spans.append(Span(start, end, word, frozenset({"date"})))
    return sorted(spans, key=lambda span: span.start)


# The kind of a numeral joined by a hyphen to the noun it counts ("28" of "28-yard"): a
# count of that noun only ("how many yards").
HYPHENED = "hyphened"


_NUMERAL = re.compile(rf"(?:{_DIGITS}|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?)", re.IGNORECASE)


def _counted_numeral(value: str) -> str | None:
    """The numeral of a hyphened modifier, before the noun it counts: "28" of "28-yard",
    "15" of "15-year-old", "twenty-five" of "twenty-five-year"; None if none."""
    parts = value.split("-")
    for cut in range(len(parts) - 1, 0, -1):
        numeral = "-".join(parts[:cut])
        if _NUMERAL.fullmatch(numeral):
            return numeral
    return None


def numbers(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Numbers with their qualifiers, currencies, scales and units; `taken` are dates."""
    spans = []
    for m in _NUMBER.finditer(text):
        start, end = _trimmed(text, m.start(), m.end())
        if start >= end or any(s <= start < e or s < end <= e for s, e in taken):
            continue
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        if _ORDINAL_SUFFIX.match(text, m.end()):
            continue  # "the 22nd round": an ordinal (`ordinals`), not a count of 22
        value = text[start:end]
        kinds = {"number"}
        if _IDENTIFIER.search(text[:start]) and value.isdigit():
            kinds = {"identifier"}  # "Resolution 2254", "Super Bowl 50": a name, not an amount
        degrees = _DEGREES.match(text, end)
        after = None if degrees else _UNIT_AFTER.match(text, end)
        if degrees:  # "48.8 °C", "104 °F": a temperature
            end = degrees.end()
            value = text[start:end]
            kinds.add("measure")
        elif after and after.group(1).lower() in _UNITS:
            end = after.end()
            value = text[start:end]
            if after.group(1).lower() in MEASURE_UNITS:
                kinds.add("measure")
        rate = _RATE.match(text, end)  # "$40 per barrel", "9.81 meters per second"
        if rate:
            end = rate.end()
            value = text[start:end]
        lower = value.lower()
        if re.search(r"[$£€¥]|pounds|usd|eur|dollar|euro|cents", lower):
            kinds.add("money")
        elif re.search(r"\d\s+m$", lower):
            kinds.add("measure")  # "1,986 m": metres (a million is "$5m", "5 million")
        if "%" in lower or "per cent" in lower or "percent" in lower:
            kinds.add("percent")
        if any(unit in re.split(r"[\s-]", lower) for unit in TIME_UNITS):
            kinds.add("duration")
        if re.search(r"-[a-z]+$", lower) and not _NUMBER_TAIL.search(lower):
            kinds.discard("number")  # "two-day", "56-game": a modifier, not a count
            numeral = _counted_numeral(value)  # ... but "28" counts the yards of a "28-yard punt"
            if numeral:
                spans.append(Span(start, start + len(numeral), numeral, frozenset({HYPHENED})))
        spans.append(Span(start, end, value, frozenset(kinds)))
    return spans


def ordinals(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(), frozenset({"ordinal"}))
            for m in _ORDINAL.finditer(text)]  # fmt: skip


def names(text: str, words: list[Token], person_titles: frozenset[str],
          org_words: frozenset[str], place_words: frozenset[str],
          is_place: Callable[[str], bool] = lambda name: False,
          is_place_word: Callable[[str], bool] = lambda word: False) -> list[Span]:  # fmt: skip
    """Runs of capitalised words, with connectors between them and titles before them.

    The kind is guessed from the words in and around the run: an organisation word
    ("Committee", "Party"), a place word or a place preposition before it, a title or
    two or more name words, not all of them only common words (a person: `_common`),
    unless the last is a common noun naming a thing (`_headed_by_a_thing`: "Nobel
    Prize"; the cost: a surname that is such a noun, "Larry Bird", "Steve Jobs"). A
    place (by its word, the preposition before it or the gazetteer `is_place`) is only a
    place, never a name of unknown kind that could answer "who" as a person does. A
    place a gazetteer knows (`is_place`), opening the run or after a connector, that two
    or more name words follow ends the run: the rest is a person's name, and what came
    before the place is that person's office, not an answer ("Special Envoy to Syria
    Alexander Lavrentiev": Syria, and Alexander Lavrentiev). A name of one word that
    `is_place_word` (a lexicon's places: "Astana", "Istanbul") is a place too; such a
    word never ends a run ("Boston Red Sox" is one name).
    """
    spans = []
    i = 0
    n = len(words)
    after_place = False  # the run begins right after a place split off it: no titles
    while i < n:
        if not _is_name_word(words, i):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _is_name_word(words, j) or words[j].text.isdigit():
                j += 1  # a number ends a name: "Resolution 2254", "Super Bowl 50"
                continue
            k = j
            while k < n and words[k].text.lower() in _CONNECTORS and k - j < 2:
                k += 1
            if k > j and k < n and _is_name_word(words, k) and words[j].text != "and":
                j = k
                continue
            break
        if (
            i > 0
            and words[i - 1].text[:1].isupper()
            and (
                words[i - 1].text.lower() in LEADING_PLACE_WORDS
                or is_place(text[words[i - 1].start : words[j - 1].end])
            )
        ):
            # "Saudi Arabia", "Mount Everest": the tagger may read "Saudi" as an
            # adjective, "Mount" as a verb (at a sentence's start)
            i -= 1
        # A place inside the run before a person's name ends the run there ("Special
        # Envoy to Syria | Alexander Lavrentiev"); the name is the next run.
        j, place_at = _place_before_a_name(words, i, j, is_place, org_words | place_words)
        cut_at_place = place_at is not None
        first = i
        while not after_place and first > 0 and words[first - 1].text.lower() in person_titles:
            first -= 1
        after_place = cut_at_place
        run = words[first:j]
        lowered = [w.text.lower() for w in run]
        of = _of_after_a_titled_name(run, lowered, first < i, person_titles, is_place,
                                     org_words | place_words)  # fmt: skip
        if of is not None:  # "President Rafael Calderon | of the Republic of Costa Rica"
            j = first + of
            run, lowered = run[:of], lowered[:of]
        if all(w.text.lower() in person_titles or _is_particle(w.text) for w in run) or (
            j - first == 1 and lexicon().get(lowered[0]) == ("ADJ",)
        ):
            i = j
            continue  # a title alone ("Deputy Minister") or an adjective ("British") names nobody
        if place_at is not None and place_at > first:
            # An office before the name ("Special Envoy to Syria Alexander Lavrentiev") is
            # its title, not an answer; the place in it still is one.
            start, stop = words[place_at].start, words[j - 1].end
            spans.append(Span(start, stop, text[start:stop], frozenset({"place"})))
            i = j
            continue
        end = run[-1].end
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2  # the possessive is not part of the name
            lowered[-1] = lowered[-1][:-2]
        # English names end in their head: "Foreign Ministry" is a body, "Foreign
        # Minister Ahmet Yıldız" a person, "Red Sea" a place.
        head = lowered[-1]
        kinds = {"name"}
        before = words[first - 1].text.lower() if first > 0 else ""
        titled = first < i or bool(set(lowered) & person_titles)
        if head in org_words or (j - i == 1 and run[-1].text.isupper() and len(head) > 1):
            kinds.add("organisation")
        elif (  # a place word, after "in", or a place cut off a name ("Syria Najat Rochdi")
            cut_at_place
            or head in place_words
            or (
                lowered[0] in LEADING_PLACE_WORDS
                and len(run) > 1
                and not titled
                and not _headed_by_no_place(lowered[-1])  # "Gulf War", "Port Authority"
            )
            or (before in ("in", "at", "from", "near", "across") and not titled)
        ):  # ("a letter from President Vladimir Putin": a title makes it a person)
            kinds = {"place"}  # not a person's name, nor a name of unknown kind
        elif not titled and _a_part_of_a_place(lowered):
            kinds = {"place"}  # "Southern California", "Eastern Europe": no one
        else:
            # a name word among common ones ("Chicago Bears"; not "Society's Transactions")
            named = len(run) >= 2 and not all(
                _common(_POSSESSIVE_END.sub("", w)) for w in lowered if w not in _CONNECTORS
            )
            thing = _headed_by_a_thing(head)  # "Nobel Prize", "Rogers Award"
            if head not in person_titles and (
                titled or (named and not thing and not set(lowered) & _NOT_IN_PERSONAL_NAMES)
            ):
                kinds.add("person")  # "Meeting on Syria", "Bank of America": not people
        if is_place(text[run[0].start : end]) or (
            len(run) == 1 and is_place_word(text[run[0].start : end])
        ):
            kinds = {"place"}  # a country or capital the gazetteer knows is not a person
        begin = _after_the_title(run, lowered, person_titles) if "person" in kinds else 0
        spans.append(Span(run[begin].start, end, text[run[begin].start : end], frozenset(kinds)))
        i = j
    return spans


_ROMAN = re.compile(r"[IVX]+")
# WordNet's classes of a place's noun: a place, or a natural thing such as a continent.
_PLACE_CLASSES = frozenset({"place", "object"})
# A possessive ending, which a word of a name may carry inside a run ("Society's").
_POSSESSIVE_END = re.compile(r"['’]s$")


def _common(word: str) -> bool:
    """Is `word` (lower case) one the treebank uses only as a common word, never in a
    name ("super", "bowl", "valuable", "player")? A run of such words alone names a thing
    or an event ("Super Bowl", "Most Valuable Player"), not a person ("Donald Tusk",
    "Cam Newton": "donald" is a name word there, "cam" unseen). Names made of common
    words only ("Grant Wood") lose their person kind: the cost of the rule."""
    tags = lexicon().get(word)
    return tags is not None and "PROPN" not in tags


def is_name_article(word: str) -> bool:
    """Is `word` the Arabic article and its hyphen as it opens a name ("Al-" of
    "Al-Qaeda", "el-" of "el-Sisi")?"""
    return _ARTICLE_PREFIX.fullmatch(word.lower()) is not None


def _article_prefixed(word: str) -> bool:
    """Is `word` a surname written with the Arabic article and a hyphen before a
    capital ("al-Turabi", "el-Şişi", "as-Sadr")? A name word, though it opens with a small
    letter; not an English word after an English prefix ("at-Large": the treebank knows
    "large" as a common word)."""
    prefix = _ARTICLE_PREFIX.match(word)
    if prefix is None or not word[prefix.end() : prefix.end() + 1].isupper():
        return False
    return not _common(word[prefix.end() :].lower())


def _is_particle(word: str) -> bool:
    """Is `word`, as written, a particle joining a name's words ("von", "y", "al-Turabi"'s
    "al" on its own): a connector in lower case, not a capitalised name ("Das", "Di")."""
    return word in _CONNECTORS


def _of_after_a_titled_name(
    run: list[Token],
    lowered: list[str],
    titled: bool,
    person_titles: frozenset[str],
    is_place: Callable[[str], bool],
    heads: frozenset[str],
) -> int | None:
    """Where "of" follows a person's name in a run opening with a title, before "the" or
    a place the gazetteer knows ("President Rafael Calderon of the Republic of Costa
    Rica", "King Abdullah II of Jordan"): what follows says whose office it is, not who.
    None when no name stands between the title and "of" ("Secretary of State John
    Kerry", "Duke of Wellington"), when a name's own word comes before it ("Queen Mary
    University of London"), or when neither "the" nor a place the gazetteer knows
    follows ("Saint Francis of Assisi", "Prince William of Orange" stay whole)."""
    if not titled and not (lowered and lowered[0] in person_titles):
        return None
    named = False
    for k, word in enumerate(lowered):
        if word == "of":
            if not named or lowered[k - 1] in heads:
                return None
            rest = run[k + 1 :]
            whose = bool(rest) and (
                lowered[k + 1] == "the"
                or is_place(" ".join(w.text for w in rest))
                or is_place(rest[0].text)
            )
            return k if whose else None
        named = named or (word not in person_titles and not _is_particle(word))
    return None


def _headed_by_no_place(head: str) -> bool:
    """Is a name's last word (lower case) a common noun the treebank never writes in a
    name and WordNet does not make a place ("war", "authority", "hospital"; not "town",
    nor "superior" and "said", no nouns)? A name opened by a place word and ending so
    names an event or a body ("Gulf War", "Port Authority"), not a place."""
    tags = lexicon().get(head) or ()
    return (
        "NOUN" in tags
        and "PROPN" not in tags
        and (shipped_lexicon().noun_class(head) not in _PLACE_CLASSES)
    )


def _headed_by_a_thing(head: str) -> bool:
    """Is a name's last word (lower case) a noun the treebank uses only as a common noun,
    no kind of person in WordNet ("prize", "award", "building")? English names end in
    their head, so the name is of such a thing, not of a person ("Nobel Prize")."""
    return lexicon().get(head) == ("NOUN",) and shipped_lexicon().noun_class(head) != "person"


def _a_part_of_a_place(lowered: list[str]) -> bool:
    """Does a name of two or more words (lower case) end in a place or land WordNet
    knows and no common noun ("california", "europe"; not "hill", "moon"), all its other
    words common adjectives ("southern", "eastern", "upper", "new"; not "International
    Meeting on Syria")? Then it names part of that place, as no person's name would.
    (Narrowed to compass and position words, it lost three of its four squad-dev
    answers: "British America", "Ancient Egypt" are places too.)"""
    *before, head = lowered
    return (
        bool(before)
        and all(_common(w) and "ADJ" in (lexicon().get(w) or ()) for w in before)
        and "NOUN" not in (lexicon().get(head) or ())
        and shipped_lexicon().noun_class(head) in _PLACE_CLASSES
    )


def _after_the_title(run: list[Token], lowered: list[str], person_titles: frozenset[str]) -> int:
    """Where a person's name begins after the office before it: "Deputy Foreign
    Minister Ahmet Yıldız" answers "who" with "Ahmet Yıldız"; the name starts after the
    office's last title word, whatever comes before it ("Russia's Special Presidential
    Envoy Alexander Lavrentiev", "Kazakh Deputy Foreign Minister Kanat Tumysh",
    "Commission President Ursula von der Leyen"). Only before a full name (two or more
    words, the first capitalised, none a joint of a body's name such as "of"): a title
    before one word is part of how the person is called ("Lady Gaga", "Governor
    Vaudreuil"), and so is a monarch's ("King George III"), and "Prince of Wales" is a
    title."""
    begin = 0
    for at, word in enumerate(lowered[:-1]):
        if word in person_titles:
            begin = at + 1
    rest = run[begin:]
    if (
        begin == 0
        or len(rest) < 2
        or not rest[0].text[:1].isupper()
        or rest[0].text.lower() in _CONNECTORS  # one surname with its particle: "Dr Van Dijk"
        or any(_in_no_personal_name(w.text) for w in rest)
        or _ROMAN.fullmatch(rest[-1].text)
    ):
        return 0
    return begin


def _in_no_personal_name(word: str) -> bool:
    """Is `word` one a person's full name never holds: a joint of a body's name ("of",
    "and"), or a word in lower case that is no name particle ("von", "al-Turabi")?"""
    if word.lower() in _NOT_IN_PERSONAL_NAMES:
        return True
    return not (word[:1].isupper() or _is_particle(word) or _article_prefixed(word))


def _place_before_a_name(
    words: list[Token], i: int, j: int, is_place: Callable[[str], bool], heads: frozenset[str]
) -> tuple[int, int | None]:
    """The end of the name run `words[i:j]`, and where the place it was cut after starts
    (None when it was not cut): the end of a place (one or two words, at the start or
    after a connector) that two or more capitalised words follow, ending in no
    organisation or place word ("... for Syria Najat Rochdi")."""
    for at in range(i, j - 2):
        if at > i and words[at - 1].text.lower() not in _CONNECTORS:
            continue
        for length in (2, 1):
            rest = words[at + length : j]
            if (
                len(rest) >= 2
                and all(w.text[:1].isupper() for w in rest)
                and rest[-1].text.lower() not in heads
                and is_place(" ".join(w.text for w in words[at : at + length]))
            ):
                return at + length, at
    return j, None


def _is_name_word(words: list[Token], i: int) -> bool:
    """Is word `i` part of a name: capitalised, not a month, and either inside the
    sentence or (first, after punctuation) a word the lexicon does not call common?"""
    word = words[i]
    if _article_prefixed(word.text):
        return True  # "Hassan al-Turabi", "Abdel Fattah el-Sisi"
    if not word.text[:1].isupper() or word.text.lower() in _DATE_WORDS or len(word.text) < 2:
        return False
    opening = i == 0 or words[i - 1].text in _OPENERS
    if opening:
        return word.tag == "PROPN" and not _is_common(word.text)
    if word.tag in _NAME_BREAK:
        return word.tag == "PROPN"
    return word.tag in ("PROPN", "NOUN", "ADJ", "X", "NUM") or (word.tag == "VERB" and i > 0)


def _is_common(word: str) -> bool:
    """Does the lexicon know `word` only as a common word (not as a name), or is it a
    verb's "-ing" or "-ed" form, derived by WordNet's rules from a word the lexicon knows
    as a verb ("Arguing that the process was over, ...", "Speaking to reporters, ...";
    not "Manning", whose base "man" is a noun)?"""
    lowered = word.lower()
    choice = lexicon().get(lowered)
    if choice is not None:
        return "PROPN" not in choice
    return lowered.endswith(("ing", "ed")) and any(
        base != lowered and "VERB" in (lexicon().get(base) or ())
        for base in shipped_lexicon().base_forms(lowered)
    )


def noun_phrases(text: str, words: list[Token]) -> list[Span]:
    """Base noun phrases (modifiers and a noun head), and each with an `of` phrase after it."""
    spans: list[Span] = []
    i, n = 0, len(words)
    bases: list[tuple[int, int]] = []
    while i < n:
        if words[i].tag not in _MODIFIER and not _participle_before_noun(words, i):
            i += 1
            continue
        j = i
        while j < n and (words[j].tag in _MODIFIER or _participle_before_noun(words, j) or (
                words[j].text in ("-", "'s", "’s") and j + 1 < n)):  # fmt: skip
            j += 1
        head = j
        while head > i and words[head - 1].tag not in _NOUNISH:
            head -= 1
        if head > i:
            bases.append((i, head))
        i = max(j, i + 1)
    for number, (i, j) in enumerate(bases):
        spans.append(_phrase(text, words, i, j, "thing"))
        if number + 1 < len(bases) and j + 1 < n and words[j].text == "of":
            k = j + 1 + (words[j + 1].tag == "DET")
            following = bases[number + 1]
            if following[0] == k:
                spans.append(_phrase(text, words, i, following[1], "thing"))
    return spans


def is_participle(word: Token, endings: tuple[str, ...] = ("ing", "ed")) -> bool:
    """Is `word` a verb's form that can describe a noun: "-ing" or "-ed" ("the growing
    fervor", "the helmeted honeyeater"), or only the `endings` given?"""
    return word.tag == "VERB" and word.text.lower().endswith(endings)


def _participle_before_noun(words: list[Token], i: int) -> bool:
    """Is the word at `i` a verb's -ing or -ed form describing the noun after it, inside
    a noun phrase a determiner, adjective or number opens ("the 7th greatest emerging
    market", "the helmeted honeyeater"; not the verb of "was named New Holland")?"""
    return (
        is_participle(words[i])
        and 0 < i < len(words) - 1
        and words[i - 1].tag in _OPENS_A_NOUN_PHRASE
        and words[i + 1].tag in _NOUNISH
    )


def gerund_phrases(text: str, words: list[Token]) -> list[Span]:
    """A verb's "-ing" form after a preposition, with the noun phrase it takes: "focused
    on rebuilding confidence", "the necessity of resuming talks". What a round focused on
    is the action, not its object alone."""
    spans = []
    for i in range(1, len(words) - 1):
        word = words[i]
        if word.tag != "VERB" or not word.text.lower().endswith("ing") or words[i - 1].tag != "ADP":
            continue
        j = i + 1 + (words[i + 1].tag == "DET")
        end = j
        while end < len(words) and words[end].tag in _MODIFIER:
            end += 1
        if end > j and words[end - 1].tag in _NOUNISH:
            spans.append(_phrase(text, words, i, end, "thing"))
    return spans


def _phrase(text: str, words: list[Token], i: int, j: int, kind: str) -> Span:
    start, end = words[i].start, words[j - 1].end
    return Span(start, end, text[start:end], frozenset({kind}))


def modifiers(words: list[Token]) -> list[Span]:
    """Single words that describe a noun after them ("orange jerseys", "Gothic style"):
    the answers to "what colour" or "what kind of" questions."""
    table = lexicon()
    return [
        Span(w.start, w.end, w.text, frozenset({"modifier"}))
        for w, after in pairwise(words)
        if after.tag in ("NOUN", "PROPN")
        and (w.tag == "ADJ" or table.get(w.text.lower(), ("",))[0] == "ADJ")
    ]
