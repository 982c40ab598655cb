"""Scoring the candidate answers of one passage.

A candidate is a span of a kind the question can take (found by `spans.py`). It scores by
how well its kind fits (`FIT`), and by how near it the question's key terms stand in the
passage: each term adds its weight (rarer terms weigh more) times a decay in the number
of words between, halved across a clause break; the sum is divided by the weight of all
the question's terms, so a candidate beside every key word scores 1. A candidate whose
words are all question words only repeats the question and is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from ..text import entities
from ..text.dates import calendar_start, find_dates, names_a_day, names_a_weekday
from ..text.entities import CLAUSE_BREAK
from ..text.features import SPELT_ORDINALS
from ..text.lexical import (
    ORGANISATION_NAME_WORDS,
    PERSON_TITLES,
    PLACE_NAME_WORDS,
    PLACE_PREPOSITIONS,
    SUBORDINATE_TITLES,
)
from ..text.lexicon import shipped_lexicon
from ..text.months import MONTH_ABBREVIATIONS, MONTHS
from . import titles
from .lists import LIST_JOINT, PHRASE_KIND
from .spans import ANYONE, DETERMINERS, LOCATED_SUFFIX, names_a_place, names_people, part_of

# How well a span of each kind answers each expected kind. A place answers "who" as an
# organisation does: states act ("Who was the second largest oil producer?" Iran).
FIT: dict[str, dict[str, float]] = {
    "person": {"person": 1.0, "name": 0.75, "organisation": 0.45, "place": 0.45, "common": 0.6},
    "organisation": {"organisation": 1.0, "name": 0.75, "person": 0.4, "place": 0.5,
                     "common": 0.6},
    "place": {"place": 1.0, "name": 0.75, "organisation": 0.5, "person": 0.3, "common": 0.6},
    "date": {"date": 1.0},
    "duration": {"duration": 1.0, "number": 0.5},
    "number": {"number": 1.0, "money": 1.0, "percent": 1.0, "duration": 0.5},
    "frequency": {"frequency": 1.0, "duration": 0.4},
    "money": {"money": 1.0, "number": 0.6},
    "percent": {"percent": 1.0, "number": 0.6},
    "ordinal": {"ordinal": 1.0},
    "attribute": {"modifier": 1.0, "thing": 0.8, "name": 0.6, "person": 0.6, "place": 0.6,
                  "organisation": 0.6},
    "occupation": {"occupation": 1.0},
    "thing": {"thing": 0.9, "name": 0.9, "person": 0.9, "organisation": 0.9, "place": 0.9,
              "number": 0.6, "date": 0.6},
}  # fmt: skip
# A quality written right before the noun the question asks about ("What type of rock?":
# "sedimentary rocks"), or a number before the noun it counts ("How many touchdowns?":
# "45 passing touchdowns"), scores this many times its fit.
DESCRIBES_FOCUS = 1.5
# The fit of a noun phrase whose head WordNet makes a kind of the noun the question asks
# about ("What sport…?": "basketball"; "What color…?": "blue"), for these kinds.
KIND_OF_FOCUS = 1.2
# ... and of a name going on past the name the question writes before its focus ("U.N.
# Security Council Resolution 2642" for "Which Security Council measure?"): one of the
# things asked for by name, more surely than a common noun of the focus's kind
# ("reconstruction", a kind of measure).
NAMED_INSTANCE = 1.3
# ... and of such a noun written before a head of another kind ("What sport?":
# "basketball" of "touring basketball players"): less than a phrase that is one, more
# than one that has none ("a dog owner" is an owner, yet names an animal).
KIND_BEFORE_HEAD = 1.0
_KIND_OF_FOCUS_KINDS = frozenset({"thing", "attribute"})

# Words after a noun that introduce examples of it ("measures, including the release"),
# besides "such as"; and how many words before the cue the noun may stand.
_EXAMPLE_CUES = frozenset({"including", "like"})
EXAMPLE_REACH = 10
# Kinds whose answer may be the word right before the noun asked about: "What type of
# rock?" (an attribute) and "Which agreements?" (a thing: "“de-escalation” agreements").
_DESCRIBED_KINDS = frozenset({"attribute", "thing"})
# Fit kept by a name in the possessive, and by one item when several are asked for.
POSSESSOR, SINGLE_OF_LIST = 0.5, 0.8
# The fit of a span the question's focus noun names: a number written right after it
# ("which resolution": "Resolution 1701") or a name just before it ("which news agency":
# "the TASS news agency"). Either is the thing asked for, not a number or a name that
# merely stands near the question's words.
NAMED_BY_FOCUS = 1.0
_NUMBERED_KINDS = frozenset({"thing"})
_FOCUSED_NAME_KINDS = frozenset({"organisation", "place", "thing"})
# The fit of words whose initials spell the abbreviation a question asks about ("What
# does SNC stand for?": "Syrian National Council"; `initials.py`).
SPELLS_OUT = 1.5
# Fit kept, for "who", by a name written as a modifier of the common noun after it
# ("the Assad regime delegation"): the noun is the thing, the name says whose or where.
MODIFIER = 0.5
# The lower-case rest of a hyphened word after a name: "-led", "-backed", "-based".
_HYPHENED_REST = re.compile(r"-[a-z]+")
_WANTS_AGENTS = frozenset({"person", "organisation"})
# The words that join the items of a list ("Turkish, Russian and Iranian").
_LIST_JOINERS = frozenset({",", "and", "or"})
# "How tall", "how far", "how fast"… ask for a measure: a number without a unit of
# length, speed or weight keeps this share of its fit.
MEASURED = frozenset({"far", "tall", "high", "deep", "wide", "heavy", "fast"})
# Of those, the measures no length of time states: "How high…?" is not answered by
# "ten-month", but "How far…?" may be by "a 30-minute drive", "How fast…?" by "in two
# hours".
_UNTIMED = frozenset({"tall", "high", "deep", "wide", "heavy"})
# Nouns of those measures, and of temperature: "What was the highest temperature?" is
# answered by "48.8 °C" more surely than by a bare "2". Not "area", whose figures are
# often written "227,444 km2", nor "length", which may be a time's ("the length of the
# siege": ten months).
MEASURE_NOUNS = frozenset({"temperature", "height", "distance", "width", "depth",
                           "elevation", "altitude", "diameter", "radius", "circumference",
                           "speed", "weight"})  # fmt: skip


def is_time_for_untimed(kinds: Collection[str], focus: str | None) -> bool:
    """Is a span of `kinds` a length of time, which does not say how tall, high, deep,
    wide or heavy (`focus`) something is? A rate per second is a measure, and does."""
    return focus in _UNTIMED and "duration" in kinds and "measure" not in kinds


UNMEASURED = 0.6
# Fit kept, for "where" (not "which country"), by a place no preposition of place
# introduces: "the talks on Syria were held in Kazakhstan" says where with "in".
NOT_LOCATED = 0.7
# Fit kept by a country when the question asks for a city or town ("In which city is
# the council based?": "Istanbul", not "Turkey"): a focus noun WordNet makes a city, a
# kind of municipality or a settlement. Such a place, and those below, is also of
# another sort than asked for (`Candidate.other_sort`), unless WordNet makes it one of
# the asked sort too ("Kuwait" a city, "Cyprus" an island): it answers only when
# something of the right sort does not.
NOT_A_SETTLEMENT = 0.5
_SETTLEMENT_NOUNS = frozenset({"city", "municipality", "settlement"})
# And fit kept by a place known to be no country (a capital, a city WordNet knows) when
# the question asks for countries ("Which countries sit in…?": "Jordan, Iraq and
# Lebanon", not "Geneva"). Names the tables do not know ("US") keep theirs.
NOT_A_COUNTRY = 0.5
_COUNTRY_NOUNS = frozenset({"country", "nation"})
# Fit kept by a country or its capital when the question's place noun is a built or a
# natural thing (WordNet's noun.artifact and noun.object: hotel, stadium, river,
# mountain): "Which hotel hosted the talks?" is not answered by "Kazakhstan" or "Astana".
# A named site ("Wembley") keeps its fit. The cost: an island country ("Which island…?":
# "Cyprus") and a river named as a country ("the Jordan") are marked down too, though
# they still answer (WordNet makes them an island and a river).
NOT_A_SITE = 0.3
# A person whose title is the very office a question asks a deputy of ("Which deputy
# envoy…?": "the UN envoy to Syria, Geir Pedersen") holds it: no likely deputy.
PRINCIPAL = 0.5
# Fit kept, when the question asks for a date or a day ("On which dates…?", "What day…?"),
# by a time that names no day: a month, a year, "the second half of this year".
NO_DAY = 0.6
# Fit kept by a common noun phrase when the question asks for a name ("What is the name
# of the fund…?"): the name answers.
UNNAMED = 0.6
_DAY_FOCUS = frozenset({"date", "dates", "day", "days"})
# Nouns asking for a day of the week ("On what weekday…?"), as "day of the week" does.
_WEEKDAY_FOCUS = frozenset({"weekday", "weekdays"})
# Words of distance at which a key term counts half.
HALF_DISTANCE = 5.0
# The nearness of a question's date term that a passage holds by its article's date or
# a date it states ("the January meeting" in an article dated 2024-01-24), not in words.
HELD_NEARNESS = 0.5
# Kinds whose spans are never cut down to the words the question does not say.
_WHOLE_KINDS = frozenset({"date"})
# The question terms of a life's end and of its start, and a range of years such as a
# life is written in after a name ("(1920–1999)").
_DIED, _BORN = frozenset({"die", "death"}), frozenset({"born", "birth"})
_YEAR_RANGE = re.compile(r"(\d{3,4})\s*[–-]\s*(\d{3,4})")
# For "who" and "where", a name cut down to the words the question does not say must
# still hold a word of a name: a capitalised word of two letters or more ("which
# resolution" is answered by "2254" of "Resolution 2254", "who" never by a number).
_NAME_KINDS = frozenset({"person", "organisation", "place"})
_NAME_SPANS = _NAME_KINDS | {"name"}
# An abbreviation written right before a name ("St. " of "St. Louis"), which the span
# finder may leave out of it.
_ABBREVIATION_BEFORE = re.compile(r"\b[A-Z][a-z]{0,2}\.\s*$")
# Lower-case words inside a name: "Gulf of Mexico", "Museum of Modern Art".
_NAME_JOINTS = frozenset({"of", "the", "de", "du", "des", "la", "le"})
# A possessive ending anywhere in a stretch of text (`_OWNED_BY` wants it last).
_POSSESSIVE_INSIDE = re.compile(r"['’]s\b")
_NAME_WORD = re.compile(r"\b[^\W\d_][\w'’-]+")
# Kinds answered by one amount, however many things it counts: "How many people…?" wants
# "nearly 7 million", not a list (and the comma of "300,000" joins no list).
_AMOUNT_KINDS = frozenset({"number", "money", "percent", "duration", "frequency"})
# "one of the …": a member of a group ("one of the central figures"), no amount, unless
# a word limiting the count comes before it ("only one of the reactors").
_ONE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_ONLY_BEFORE = re.compile(r"\b(?:only|just|exactly|solely)\s+$", re.IGNORECASE)
# Amounts a plain number may stand for, unless it counts the noun after it: "twenty
# rounds" is no sum of money and no share.
SHARE_KINDS = frozenset({"money", "percent"})
# Prepositions that say where something is or happens ("on" and "to" often do not:
# "talks on Syria", "envoy to Syria").
LOCATIVE = PLACE_PREPOSITIONS - {"on", "to", "into"} | {"throughout", "around"}
# A connector right before the one word of a name left once the question's words are
# cut off its start: what an office is of, not who holds it ("President of Warsaw"; but
# "Mayor of Varna Ivan Petrov" keeps a person).
_OF_WHAT = re.compile(r"\s(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
# A possessive ending right before a span: what follows is owned ("Genghis Khan's Mongolia").
_OWNED_BY = re.compile(r"(?:(?<=\w)['’]s|(?<=s)['’])\s+$")
_DIGIT = re.compile(r"\d")
# Words saying what something is about: "negotiations regarding Syria".
_ABOUT = re.compile(r"\b(?:regarding|concerning|about)\s+(?:the\s+)?$", re.IGNORECASE)
# An ordinal or a figure numbering the noun before "of" ("the 21st round of"): the words
# after "of" then name the series.
_NUMBERED_NOUN_OF = re.compile(
    rf"\b(?:\d+(?:st|nd|rd|th)?|{'|'.join(SPELT_ORDINALS)})\s+\w+\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A number in Roman numerals ("XLVII"): in a name, it numbers the thing the other words name.
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]{2,}")
_HYPHENED_NOUN = re.compile(r"-([A-Za-z]+)")
# A range of days is several: "which dates" is answered by "January 24-25" (a range of
# numbers is not: "15–1" is a record, not the count "how many" asks for).
_RANGE = re.compile(r"\d\s*[-–]\s*\d")


@dataclass(frozen=True)
class Candidate:
    """A scored candidate: `start`/`end` are offsets in its passage's text."""

    start: int
    end: int
    text: str
    fit: float
    near: float
    repeats: float
    # How near the question's key (rarest) terms come: the decay of the nearest one.
    key: float
    # The share of the question's term weight that the passage holds anywhere.
    coverage: float
    # A person whose title makes them second to the office the question asks for, when
    # the question does not ask for such a rank ("Deputy Foreign Minister" for "Who is
    # the foreign minister?"): no answer, but a reason to refuse.
    unasked_deputy: bool = False
    # A person given the very office the question asks for ("Foreign Minister X").
    holds_office: bool = False
    # Where the whole name starts when words of its own that the question repeats were
    # cut from it ("Lake" of "Lake Baikal"): shown whole as the answer (`shown_whole`).
    whole_start: int | None = None
    # A place of another sort than the question's noun asks for ("Iran" for "Which
    # city…?", "Kazakhstan" for "Which hotel…?"): its fit was marked down, and it never
    # answers (`answers.answer` refuses when nothing else is found).
    other_sort: bool = False


@lru_cache(maxsize=4096)
def _is_kind_of(word: str, focus: str) -> bool:
    """`Lexicon.is_kind_of`, remembered: the same heads recur across passages."""
    return shipped_lexicon().is_kind_of(word, focus)


def _kind_of_focus(span: entities.Span, focus: str) -> bool:
    """Is the phrase `span` a kind of the `focus` noun: its head, the last word, a kind or
    an instance of it ("basketball" of sport, "white blood cells" of cells, "Buddhism" of
    religion, "Vistula Valley" of formation)? A list of noun phrases is when its first
    item is ("arrows, swords, and leather shields" of weapons, not "war, arrows and
    swords"); a name is read whole ("Football and Basketball Association" is no sport)."""
    text = LIST_JOINT.split(span.text)[0] if span.kinds == PHRASE_KIND else span.text
    words = _NAME_WORD.findall(text)
    return bool(words) and _is_kind_of(words[-1], focus)


def _word_of_kind(
    span: entities.Span,
    words: Sequence[entities.Token],
    focus: str,
) -> tuple[entities.Span, bool] | None:
    """What a noun phrase names as a kind of the `focus` noun when its head does not name
    one: the first common noun in it that is, with the nouns written right before it
    ("basketball" of "the touring basketball players", "table tennis" of "a table tennis
    player", "tennis" of "the world of tennis"), and whether it follows the head's "of"
    (the thing the phrase is about) rather than modifies the head. None when the head
    is a kind of the focus, is the focus itself ("Which gas?": "liquid oxygen gas") or
    is a noun WordNet does not know ("lupus erythematosus")."""
    inside = [w for w in words if span.start <= w.start and w.end <= span.end]
    at = next((i for i, w in enumerate(inside) if w.tag == "NOUN" and w.text.islower()
               and _is_kind_of(w.text, focus)), None)  # fmt: skip
    if at is None:
        return None  # most phrases name no such kind: the head is not looked at
    # the head: the word before "of" ("the world of tennis"), else the last
    head = next((w for w, after in pairwise(inside) if after.text == "of"), inside[-1])
    if (
        _is_kind_of(head.text, focus)
        or singular_forms(head.text) & singular_forms(focus)
        or not shipped_lexicon().knows_noun(head.text)
    ):
        return None
    first = at
    while first > 0 and inside[first - 1].tag == "NOUN" and inside[first - 1].text.islower():
        first -= 1  # "table tennis", "ice hockey", "lung cancer"
    start, end = inside[first].start, inside[at].end
    named = entities.Span(start, end, span.text[start - span.start : end - span.start], span.kinds)
    return named, inside[at].start > head.start


def _lists_among(spans: Sequence[entities.Span]) -> list[entities.Span]:
    """The spans that are lists of others (`lists.py`): joined by a list's joint, from
    where one of the other spans starts to where another, later one ends."""
    ranges = {(s.start, s.end) for s in spans}
    return [
        s
        for s in spans
        if s.kinds
        and LIST_JOINT.search(s.text)
        and any(a == s.start and b < s.end for a, b in ranges)
        and any(b == s.end and a > s.start for a, b in ranges)
    ]


def _is_list_of_names(span: entities.Span, kind: str, plural: bool | None) -> bool:
    """Is `span` a list of the names a question asking for several, or not saying how
    many, may want (`name_lists`; also a name with a joint inside: "Bosnia and
    Herzegovina")? It is read whole: "Which countries did the Russian negotiator
    propose?" → "Russia, Türkiye and Iran", though the question names Russia."""
    return plural is not False and kind in _NAME_KINDS and LIST_JOINT.search(span.text) is not None


@lru_cache(maxsize=256)
def _names_a_settlement(noun: str) -> bool:
    """Is `noun` (a question's focus) "city" or a kind of settlement WordNet relates to
    it ("town", "metropolis", "village")?"""
    lexicon = shipped_lexicon()
    return not singular_forms(noun).isdisjoint(_SETTLEMENT_NOUNS) or any(
        link.word in _SETTLEMENT_NOUNS and link.kind in ("synonym", "hypernym")
        for link in lexicon.links(noun, "n")
    )


def _of_another_kind(span: entities.Span, focus: str) -> bool:
    """Is the name `span` an organisation, and no place, where the `focus` noun asks for
    a built or natural thing ("Which hotel…?" is not answered by "the Kazakh Foreign
    Ministry", as the recogniser reads it)? Not when its last word is the focus or
    WordNet knows it, or that word, as a kind of the focus. (For a city an organisation
    only fits less, `FIT`: "Stanford University" may stand for its town.)"""
    if "organisation" not in span.kinds or "place" in span.kinds:
        return False
    words = _NAME_WORD.findall(span.text)
    return bool(words) and not (
        singular_forms(words[-1]) & singular_forms(focus)
        or _is_kind_of(span.text, focus)
        or _is_kind_of(words[-1], focus)
    )


def singular_forms(noun: str) -> set[str]:
    """A question's noun, lower case, and its singulars by WordNet's rules."""
    return {noun.lower(), *shipped_lexicon().base_forms(noun)}


def _forms(noun: str) -> set[str]:
    """A question's noun as a passage may write it: singular or plural."""
    return {noun, noun.rstrip("s"), noun + "s"}


def _named_by_focus(
    text: str, words: Sequence[entities.Token], kind: str, focus: str | None
) -> Callable[[entities.Span], bool]:
    """Whether a span is named by the question's `focus` noun: a number right after it
    ("Resolution 1701"), for a thing; a capitalised name just before it, up to two
    lower-case words between ("the TASS news agency"), for a named kind; or right after
    it and "on", "of", "against" or "at" ("the attack on the TUSAŞ building" for "What
    attack…?"; for a place or body, after "the" noun alone: "the village of Żelazowa
    Wola", and not before a comma and a name: "the capital of Kazakhstan, Astana")."""
    if not focus:
        return lambda span: False
    forms = _forms(focus)
    numbered = frozenset(
        after.start
        for before, after in pairwise(words)
        if after.text[:1].isdigit() and before.text.lower() in forms
    ) if kind in _NUMBERED_KINDS else frozenset()  # fmt: skip
    before = (
        re.compile(
            rf"\s+(?:[a-z]+\s+){{0,2}}(?:{'|'.join(map(re.escape, sorted(forms)))})\b",
            re.IGNORECASE,
        )
        if kind in _FOCUSED_NAME_KINDS
        else None
    )
    # where a name may start right after the focus noun and a preposition, the noun in
    # lower case (a common noun: "the attack on", not a name's word: "University of"):
    # for a thing after any of them; for a place or body after "the" noun alone ("the
    # village of Żelazowa Wola"; "the largest city of Bulgaria" is where the city is)
    nouns = "|".join(map(re.escape, sorted(forms)))
    opening = (
        rf"\b(?:{nouns})" if kind == "thing" else rf"\b(?i:the)\s+(?:{nouns})"
    ) if kind in _FOCUSED_NAME_KINDS else None  # fmt: skip
    after = frozenset(
        found.end()
        for found in re.finditer(rf"{opening}\s+(?:on|of|against|at)\s+(?:the\s+)?", text)
    ) if opening is not None else frozenset()  # fmt: skip
    return lambda span: (
        span.start in numbered
        or (
            span.text[:1].isupper()
            and (
                (before is not None and before.match(text, span.end) is not None)
                or (
                    span.start in after
                    and not (kind != "thing" and _APPOSITIVE.match(text, span.end))
                )
            )
        )
    )


# A name after a comma: for a place or body, the one the phrase before it names ("the
# capital of Kazakhstan, Astana": Astana, not Kazakhstan).
_APPOSITIVE = re.compile(r",\s+[A-Z]")
# A capitalised word with lower-case letters: a name's own head ("Resolution").
_OWN_HEAD = re.compile(r"[A-Z][a-z]")
# A name ending in its number: "Resolution 2642", "Resolution 1701", "Apollo 17", "Super
# Bowl XLVII"; not a year of the last two centuries ("Security Council Retreat 2024",
# "Olympic Games 2024": an event of that year) nor letters that only look like a numeral
# ("LLC").
_NUMBERED_END = re.compile(
    r"(?<![\w.])(?!(?:19|20)\d\d$)\d+$"
    r"|\b(?=[MDCLXVI]{2,}$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$"
)


@lru_cache(maxsize=256)
def _focus_word(focus: str) -> re.Pattern[str]:
    """A form of the `focus` noun (`_forms`) as a word, any case ("Resolution" for
    "resolution"); compiled once per focus."""
    either = "|".join(map(re.escape, sorted(_forms(focus))))
    return re.compile(rf"(?i:\b(?:{either})\b)")


@lru_cache(maxsize=256)
def _name_going_on(name: str) -> re.Pattern[str]:
    """`name` (or its last two words: "UN Security Council" is written "U.N. Security
    Council") followed by a capitalised word or a number; compiled once per name."""
    words = name.split()
    forms = {name, " ".join(words[-2:])} if len(words) > 2 else {name}
    either = "|".join(re.escape(form) for form in sorted(forms))
    return re.compile(rf"(?i:\b(?:{either}))\s+[A-Z0-9]")


def _with_word_before(
    text: str,
    words: Sequence[entities.Token],
    starts: list[int],
    span: entities.Span,
    forms: set[str],
) -> tuple[entities.Span, int]:
    """An identifier with the focus noun written before it ("Resolution 2642" for "Which
    resolution…?": the number alone names nothing), and that word's length; `span` and 0
    when the word before is not one of `forms`."""
    at = bisect_left(starts, span.start) - 1
    if at < 0 or words[at].text.lower() not in forms:
        return span, 0
    start = words[at].start
    return entities.Span(start, span.end, text[start : span.end], span.kinds), span.start - start


def _after_a_place_preposition(words: Sequence[entities.Token], starts: list[int], start: int
                               ) -> bool:  # fmt: skip
    """Does a preposition of place (`LOCATIVE`) come right before the word at offset
    `start`, determiners and adjectives between allowed ("in the Red Sea", "in northern
    Varnia")?"""
    at = bisect_left(starts, start) - 1
    while at >= 0 and (words[at].text.lower() in DETERMINERS or words[at].tag == "ADJ"):
        at -= 1
    return at >= 0 and words[at].text.lower() in LOCATIVE


def _modifies_a_noun(words: Sequence[entities.Token], starts: list[int], end: int) -> bool:
    """Is the word right after offset `end` a common noun in lower case (so the span
    before it modifies it: "Assad regime")? Also past the rest of a hyphened word the
    span ends inside: "United Nations" of "the United Nations-led peace efforts"."""
    at = bisect_left(starts, end)
    inside = at - 1
    if inside >= 0 and starts[inside] < end < starts[inside] + len(words[inside].text):
        rest = words[inside].text[end - starts[inside] :]
        if not _HYPHENED_REST.fullmatch(rest):
            return False
        end = starts[inside] + len(words[inside].text)
    if at >= len(words) or words[at].start - end > 1:
        return False
    word = words[at]
    return word.tag == "NOUN" and word.text[:1].islower()


def _owns_a_work(words: Sequence[entities.Token], starts: list[int], end: int) -> bool:
    """Is the noun a possessive ending at `end` owns a work of the mind its owner made
    (`Lexicon.is_work`: a theory, plan, poem, book; not "government", "portrait"), with
    no other maker named "by" after it? "Alfred Wegener's theory of continental drift"
    answers "Who proposed continental drift?"; "Assad's government" does not say who
    governs, nor "Putin's proposal was rejected by Erdogan" who rejected it."""
    at = bisect_left(starts, end + 2)  # past the "'s"
    for i in range(at, min(at + 3, len(words))):  # "Newton's famous law"
        word = words[i]
        if word.tag == "NOUN" and word.text[:1].islower():
            if not shipped_lexicon().is_work(word.text.lower()):
                return False
            return not any(
                by.text.lower() == "by" and name.text[:1].isupper()
                for by, name in pairwise(words[i + 1 :])
            )
        if word.tag != "ADJ":
            return False
    return False


def _a_nationality(word: str) -> bool:
    """Is `word` a demonym ("Iranian", "Turkish"): a word the places table reads as a
    country's that is neither a country's name nor a capital?"""
    places = shipped_lexicon()
    return bool(places.places(word)) and not places.is_country(word) and not places.is_capital(word)


def _in_a_list_of_nationalities(
    text: str, words: Sequence[entities.Token], starts: list[int], span: entities.Span
) -> bool:
    """Is `span` one demonym of a list of them before the noun they all modify ("the
    Turkish, Russian and Iranian delegations": "Turkish" and "Russian" say whose the
    delegations are, as "Iranian" does)? A demonym alone before a noun is already a
    modifier (`_modifies_a_noun`); in a list, commas and "and" stand between."""
    if not _a_nationality(text[span.start : span.end]):
        return False
    at = bisect_left(starts, span.end)
    joined = False
    while at < len(words) and words[at].text.lower() in _LIST_JOINERS:
        while at < len(words) and words[at].text.lower() in _LIST_JOINERS:
            at += 1  # "Turkish, Russian, and Iranian"
        if at == len(words) or not _a_nationality(words[at].text):
            return False
        joined = True
        at += 1
    return joined and _modifies_a_noun(words, starts, words[at - 1].end)


def _says_what_is_asked(
    text: str, end: int, terms: list[tuple[int, int, str]], question_terms: Mapping[str, float]
) -> bool:
    """Does the hyphened rest after a name ending at `end`, with the noun after it, say
    what the question asks: "United Nations-led peace efforts" for "Who led the peace
    efforts?" (its verb and its object), not for "Who led Tehran's team?"?"""
    if text[end : end + 1] != "-":
        return False
    after = [(s, t) for s, _, t in terms if s > end]
    return (
        len(after) >= 2
        and after[0][0] == end + 1
        and after[0][1] in question_terms
        and after[1][1] in question_terms
    )


def _not_a_site(name: str) -> bool:
    """Is `name` a country (by any of its names, "Polish" too) or a capital, which no
    question asking for a built or natural thing is answered by? A named site in a
    capital ("Wembley", "the Kremlin") is such a thing. (Not any city WordNet knows:
    "Versailles" and "Windsor" answer "Which palace…?" and "Which castle…?".)"""
    lexicon = shipped_lexicon()
    return lexicon.is_capital(name) or lexicon.names_a_country(name)


def _names_countries(noun: str) -> bool:
    """Is the question's place noun "country" or "nation", or their plural?"""
    return not _COUNTRY_NOUNS.isdisjoint(singular_forms(noun))


def _no_country(name: str) -> bool:
    """Is `name` a place the tables know that is no country: a capital ("Moscow") or a
    city WordNet knows ("Geneva"), not "Luxembourg" nor "UK"?"""
    places = shipped_lexicon()
    return (
        (places.is_place_name(name) or places.is_place_word(name))
        and not places.names_a_country(name)
        and not places.is_kind_of(name, "country")
    )


def _counts_a_thing(words: Sequence[entities.Token], starts: list[int], end: int) -> bool:
    """Does the number ending at `end` count the common noun after it ("twenty rounds"),
    not measure in a unit of money or measure WordNet knows ("45 billion tenge")?"""
    if not _modifies_a_noun(words, starts, end):
        return False
    unit = words[bisect_left(starts, end)].text
    return not shipped_lexicon().is_unit(unit)


# A year within a date: "August 1227", "early 2012", "June 4, 2014".
_YEAR = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})(?![\d,])")
# A month's name, whole or shortened ("Nov."), as a word: not the "dec" of "decades".
_MONTH_NAME = re.compile(
    r"\b(?:" + "|".join([*MONTHS, *MONTH_ABBREVIATIONS]) + r")\b", re.IGNORECASE
)


def _names_a_month(text: str) -> bool:
    """Does the date `text` say its month: by name ("Nov. 11") or in figures
    ("2023-10-10")? A year, or a part of one ("the end of 2022"), does not."""
    return bool(_MONTH_NAME.search(text)) or any(
        re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", m.iso) for m in find_dates(text)
    )


# The words right after a span, with no punctuation between.
_WORDS_AFTER = re.compile(r"[”’\"']?(?:[\s-]+[A-Za-z]+)+")


def _headed_by(text: str, forms: set[str]) -> int:
    """The length of the last word of `text` when `text` has two words or more and ends
    in one of `forms` (the question's focus noun: "Nobel Prize" for "What prize?",
    "plantar fasciitis injury" for "What injury?"), else 0. The focus word is then the
    phrase's head, the thing asked for, not a repetition of the question."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in forms:
        return 0
    return len(words[-1])


def _headed_by_relative(
    span: entities.Span, terms: list[tuple[int, int, str]], focus_terms: frozenset[str]
) -> int:
    """As `_headed_by`, for a phrase whose last word is read as the focus noun's term (a
    relative the question's reading maps to it): "Geneva talks" for "Which
    negotiations?"."""
    last = next((t for s, e, t in reversed(terms) if span.start <= s and e <= span.end), None)
    words = span.text.split()
    return len(words[-1]) if len(words) > 1 and last in focus_terms else 0


def _example_of(
    words: Sequence[entities.Token], starts: list[int], start: int, nouns: set[str]
) -> bool:
    """Does the span at offset `start` follow "such as", "including" or "like" that
    closes a phrase of one of `nouns` (Hearst's patterns of examples: "measures aimed at
    building confidence, such as the release of hostages" names a measure)? The noun
    stands at most EXAMPLE_REACH words before the cue, in the same clause."""
    at = bisect_right(starts, start) - 1
    while at > 0 and words[at - 1].tag == "DET":
        at -= 1
    before = [w.text.lower() for w in words[max(at - 2, 0) : at]]
    if before[-2:] == ["such", "as"]:
        cue = at - 2
    elif before[-1:] and before[-1] in _EXAMPLE_CUES:
        cue = at - 1
    else:
        return False
    for k in range(cue - 1, max(cue - EXAMPLE_REACH, 0) - 1, -1):
        if words[k].text in CLAUSE_BREAK or words[k].text in (".", "?", "!"):
            return False
        if words[k].text.lower() in nouns:
            return True
    return False


def _followed_by(text: str, end: int, wanted: Callable[[str], bool], within: int) -> bool:
    """Is a word `wanted` (lower case) among the first `within` words right after offset
    `end`: the noun a quality describes (`within` 1: "Gothic architecture") or a number
    counts (3: "45 passing touchdowns")?"""
    following = _WORDS_AFTER.match(text, end)
    return following is not None and any(
        wanted(w.lower()) for w in re.findall(r"[A-Za-z]+", following.group())[:within]
    )


def _currency(word: str) -> bool:
    """Might `word` (lower case) be a currency a number is written with: a unit WordNet
    knows ("lira", "rupees"), not one of the units of length, weight and speed numbers
    are read with (`entities.MEASURE_UNITS`), nor a word of two letters ("in": inch)?
    WordNet's units of money and of measure are one class here, so "barrels" passes."""
    return len(word) > 2 and word not in entities.MEASURE_UNITS and shipped_lexicon().is_unit(word)


def _counts_asked(text: str, end: int, counted: set[str], focus: str | None) -> bool:
    """Does a number ending at offset `end` count what the question counts: one of its
    noun's forms among the next three words ("45 passing touchdowns"), or for "how many
    people" any noun naming people ("three astronauts")?"""
    if focus in ANYONE:
        return _followed_by(text, end, lambda w: w in counted or names_people(w), 3)
    return _followed_by(text, end, counted.__contains__, 3)


# The noun before "of" right before a span: "deaths" of "the deaths of over 300,000".
_NOUN_OF = re.compile(r"(\w+)\s+of\s+(?:the\s+)?$")
_PARTS = frozenset({"one", "two", "three", "some", "all", "each", "most", "many", "none",
                    "any", "both", "half", "part", "out"})  # fmt: skip


def _of_asked(
    text: str,
    start: int,
    terms: list[tuple[int, int, str]],
    question_terms: Mapping[str, float],
) -> bool:
    """Is the span starting at offset `start` written after "<word> of", where the word
    is one the question asks about (a relative of it is read as it)? An amount then
    counts it ("the deaths of over 300,000 people" for "How many died?", "a crowd of
    50,000"), and a place says which one it is ("the 21st round of Astana")."""
    before = _NOUN_OF.search(text, max(0, start - 40), start)
    if before is None or not before.group(1).isalpha() or before.group(1).lower() in _PARTS:
        return False  # "one of four teams", "some of the 300": a part, not an amount
    return any(s == before.start(1) and t in question_terms for s, _, t in terms)


def _life_end(question_terms: Mapping[str, float]) -> bool | None:
    """Which end of a life a date question asks for: its end (died, death: True), its
    start (born, birth: False), or neither (None)."""
    died, born = not _DIED.isdisjoint(question_terms), not _BORN.isdisjoint(question_terms)
    return None if died == born else died


def _life_year(span: entities.Span, end: bool) -> entities.Span:
    """The last (`end`) or first year of a span that is a range of years, the way a life
    is written after a name ("Ronald Robinson (1920–1999)"); the span itself otherwise."""
    years = _YEAR_RANGE.fullmatch(span.text)
    if years is None:
        return span
    group = 2 if end else 1
    start = span.start + years.start(group)
    return entities.Span(start, start + len(years.group(group)), years.group(group), span.kinds)


def _the_year(span: entities.Span) -> entities.Span:
    """The year a date span states, alone, when it states one and more ("August 1227"
    → "1227"); the span itself otherwise (a range of years "1964 and 1968" stays)."""
    found = _YEAR.findall(span.text)
    if len(found) != 1 or found[0] == span.text:
        return span
    at = span.text.index(found[0])
    start = span.start + at
    return entities.Span(start, start + len(found[0]), found[0], span.kinds)


def coverage(
    question_terms: Mapping[str, float],
    terms: list[tuple[int, int, str]],
    held: Collection[str] = (),
) -> float:
    """The share of the question's term weight that a passage's `terms` hold, counting
    the terms in `held` as held (the words of a date its article is dated by)."""
    total = sum(question_terms.values()) or 1.0
    found = {t for *_, t in terms if t in question_terms} | (set(held) & question_terms.keys())
    return sum(question_terms[t] for t in found) / total


# Words left dangling at an edge once a question word beside them is cut off.
_DANGLING = re.compile(r"^(?:\s|-|of\b|the\b|and\b|for\b|in\b|,|'s\b|’s\b)*", re.IGNORECASE)
_DANGLING_END = re.compile(r"(?:\s|-|\bof|\bthe|\band|\bfor|\bin|,)*$", re.IGNORECASE)


def _length(match: re.Match[str] | None) -> int:
    return len(match.group()) if match else 0


def _within(
    terms: list[tuple[int, int, str]], term_starts: list[int], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The `terms` (in text order, starting at `term_starts`) inside `start:end`."""
    first, stop = bisect_left(term_starts, start), bisect_left(term_starts, end)
    return [term for term in terms[first:stop] if term[1] <= end]


# The rest of a hyphened word after its first part, in lower case: "-based" of
# "Istanbul-based".
_COMPOUND_REST = re.compile(r"(?:-[a-z]+)+\b")  # not "-KLM" of "Air France-KLM", a name


def shown_whole(candidate: Candidate, text: str) -> Candidate:
    """The candidate as the answer shows it: the whole name where words of its own were
    cut for scoring (`Candidate.whole_start`); `text` is its passage's."""
    if candidate.whole_start is None:
        return candidate
    start = candidate.whole_start
    return replace(candidate, start=start, text=text[start : candidate.end], whole_start=None)


def _cut_name_words(
    text: str, found: entities.Span, span: entities.Span, kind: str, focus: str | None
) -> bool:
    """Are the words `_without_question_edges` cut from the start of the name `found`
    (leaving `span`) capitalised words of the name itself ("Lake" of "Lake Baikal",
    "Warsaw" of "Warsaw Stock Exchange"; "Gulf of" after the `focus` noun "gulf",
    "University of" of "University of Chicago Press": `_heads_a_name`), not
    a person's title ("Mayor Ivanova"), another lower-case word, a possessor
    ("Miami's"), a compound saying where ("Varna-based") or a place before a name of
    its own ("Paris Notre-Dame")? SQuAD's answers keep them: the name is the answer."""
    if kind == "person" or not found.kinds & _NAME_SPANS or span.start <= found.start:
        return False
    focus_forms = singular_forms(focus) if focus else set()
    if _POSSESSIVE_INSIDE.search(text, found.start, span.start):
        return False  # "Miami's Sun Life Stadium": Miami's is whose it is
    if _ABBREVIATION_BEFORE.search(text, 0, found.start):
        return False  # "St. Louis Children's Hospital" read from "Louis": not the whole name
    cut = _NAME_WORD.findall(text[found.start : span.start])
    # each part capitalised: not "Varna-based", which says where the name is; and not
    # ending in a person's title ("Almaty Mayor Dosayev")
    if not (
        cut
        and cut[0][:1].isupper()
        and all(
            part[:1].isupper() or word in _NAME_JOINTS or entities.is_name_article(word)
            for word in cut
            for part in word.split("-")
        )  # "Al-" of "Al-Qaeda" is the name's own; "Varna-" of "Varna-Burgas" says where
        and cut[-1].lower() not in PERSON_TITLES
    ):
        return False
    # "of" inside a name follows the noun the question asks for ("Gulf of" for "Which
    # gulf…?") or a noun heading names ("University of", `_heads_a_name`), not a
    # person's name ("Tim Cook of Apple", "Friedrich Ratzel of Germany")
    if any(
        word in _NAME_JOINTS
        and (
            i == 0
            or not (singular_forms(cut[i - 1]) & focus_forms or _heads_a_name(cut[i - 1], found))
        )
        for i, word in enumerate(cut)
    ):
        return False
    lexicon = shipped_lexicon()
    # a place before a name of its own says where it is ("Paris Notre-Dame", "Kazakhstan
    # BTA Bank"); before common nouns it is part of the name ("Warsaw Stock Exchange")
    rest = _NAME_WORD.findall(span.text)
    return not (
        lexicon.is_place_name(" ".join(cut))
        and bool(rest)
        and not lexicon.knows_noun(rest[0].lower())
    )


def _heads_a_name(word: str, found: entities.Span) -> bool:
    """Is `word`, right before "of" in the name `found`, a noun that heads names of
    organisations or places ("University" of "University of Chicago Press", "Parliament
    of Victoria", "Gulf of Varna"), so that the words before "of" are the name's own, not
    a person's name ("Bill Gates of Varnacorp", "Rose Hill of Varna")? By the word lists,
    or WordNet's organisation class."""
    head = word.lower()
    return "person" not in found.kinds and (
        head in ORGANISATION_NAME_WORDS
        or head in PLACE_NAME_WORDS
        or shipped_lexicon().noun_class(head) == "organisation"
    )


def _without_question_edges(
    text: str,
    span: entities.Span,
    terms: list[tuple[int, int, str]],
    term_starts: list[int],
    question_terms: Mapping[str, float],
    cut_end: bool = True,
    cut_start: bool = True,
) -> entities.Span:
    """`span` without the question's own words at its edges ("Mayor Ivanova of Balchik"
    for "Who is the mayor of Balchik?" is "Ivanova"): the answer is what the question
    does not already say, and the cut words then count as standing next to it. Words
    at its end are cut only when `cut_end` (a person's name, a number, a common noun
    phrase): "of Technology" is part of "Warsaw University of Technology" whatever the
    question says, but a number's last words in lower case are what the question counts,
    not the answer ("3,837 yards" for "How many yards…?" is "3,837", with or without a
    joint word between), unless they make it a share or a sum ("7 percent"); words at its
    start only when `cut_start` (not a common noun phrase: "human papillomavirus"
    answers "What is the virus in humans…?")."""
    inner = _within(terms, term_starts, span.start, span.end)
    start, end = span.start, span.end
    while cut_start and inner and inner[0][2] in question_terms and len(inner) > 1:
        if text[inner[0][0] : inner[0][0] + 1].isdigit():
            break  # "2" of "$2.2 billion" is part of a number, whatever the question says
        start = inner.pop(0)[1]
        # the rest of a hyphened word goes with it: "Istanbul-based Syrian National
        # Council" for "Which Istanbul-headquartered body…?" is "Syrian National Council"
        rest = _COMPOUND_REST.match(text, start, end)
        if rest and any(s >= rest.end() for s, _, _ in inner):
            start = rest.end()
            inner = [t for t in inner if t[0] >= start]
        start += _length(_DANGLING.match(text[start:end]))
    while inner and inner[-1][2] in question_terms and len(inner) > 1:
        cut = inner[-1][0]
        described = (
            text[cut : cut + 1].islower()
            and text[start : start + 1].isdigit()
            and not span.kinds & SHARE_KINDS  # "7 percent" keeps what it is
        )
        if not (cut_end or described):
            break
        joint = _DANGLING_END.search(text[start:cut])
        if not described and (not joint or not joint.group().strip()):
            break  # "Sergey Vershinin": the asked name itself, not a title or "of Balchik"
        inner.pop()
        end = cut - _length(joint)
    if (start, end) == (span.start, span.end) or start >= end:
        return span
    return entities.Span(start, end, text[start:end], span.kinds)


def _place_not_acting(
    text: str,
    span: entities.Span,
    terms: list[tuple[int, int, str]],
    question_terms: Mapping[str, float],
) -> bool:
    """Is `span` a place only that names a numbered thing the question asks about ("the
    21st round of Astana", `_of_asked`), or a topic ("negotiations regarding Syria")? A
    place may act ("Moscow accused…", "the delegations of Russia"), but not there."""
    if "place" not in span.kinds or span.kinds & _WANTS_AGENTS:
        return False
    near = max(0, span.start - 40)
    if _ABOUT.search(text, near, span.start):
        return True
    return bool(_NUMBERED_NOUN_OF.search(text, near, span.start)) and _of_asked(
        text, span.start, terms, question_terms
    )


def score_spans(
    text: str,
    spans: Sequence[entities.Span],
    words: Sequence[entities.Token],
    kind: str,
    plural: bool | None,
    question_terms: Mapping[str, float],
    key_terms: frozenset[str],
    terms: list[tuple[int, int, str]],
    focus: str | None = None,
    spelled: bool = False,
    held_terms: frozenset[str] = frozenset(),
    focus_terms: frozenset[str] = frozenset(),
    count: int | None = None,
    second_in_rank: bool = False,
    named_by: str | None = None,
    asks_name: bool = False,
) -> list[Candidate]:
    """`spans` scored against the question (see the module's docstring). `terms` are the
    passage's analysed terms; `plural` whether several are asked for (None: the question
    does not say, so a list written as one is preferred to its items, `part_of`);
    `key_terms` the question's rarest, whose nearest
    occurrence is reported apart; `focus` the noun the question asks about, if any
    (`NAMED_BY_FOCUS`); `spelled`: the spans spell out the abbreviation the question asks
    about (`spelled_out`), and are read whole; `second_in_rank`: the question names a
    rank second to an office (`Expected.second_in_rank`); `named_by`: the name the
    question writes before its focus (`Expected.named_by`); `asks_name`: the question
    asks for a name (`Expected.asks_name`, `UNNAMED`)."""
    total = sum(question_terms.values()) or 1.0
    starts = [w.start for w in words]
    breaks = [i for i, w in enumerate(words) if w.text in CLAUSE_BREAK]
    fits = FIT.get(kind, {})
    # The question's terms in this passage: (word number, term), found once.
    asked_at = [(bisect_right(starts, s) - 1, s, t) for s, _, t in terms if t in question_terms]
    held = coverage(question_terms, terms, held_terms)
    scored = []
    term_starts = [s for s, _, _ in terms]
    named_by_focus = _named_by_focus(text, words, kind, focus)
    # "Which Security Council measure…?": a name going on past the question's name
    # before its focus ("U.N. Security Council Resolution 2642", "Apollo 17") is one of
    # the things asked for, and holds the question's words as its own
    going_on = _name_going_on(named_by) if named_by and kind in _NUMBERED_KINDS else None
    where = kind == "place" and not focus  # "where", not "which country", "what mountain"
    settlement = kind == "place" and focus is not None and _names_a_settlement(focus)
    country = kind == "place" and focus is not None and _names_countries(focus)
    site = shipped_lexicon().noun_class(focus) if kind == "place" and focus else None
    measured = kind == "number" and (focus in MEASURED or focus in MEASURE_NOUNS)
    priced = kind == "money" and focus == "money"
    counted = _forms(focus) if kind == "number" and focus else set()
    years = kind == "date" and focus in ("year", "years")
    months = kind == "date" and focus in ("month", "months")
    days = kind == "date" and focus in _DAY_FOCUS | _WEEKDAY_FOCUS
    # "On what weekday…?", "On which day of the week…?": a weekday answers
    weekday = kind == "date" and (focus in _WEEKDAY_FOCUS or (days and "week" in question_terms))
    life_end = _life_end(question_terms) if kind == "date" else None
    described = _forms(focus) if kind in _DESCRIBED_KINDS and focus else set()
    role = _forms(focus) if kind == "person" and focus else set()
    headed_forms = _forms(focus) if kind in _FOCUSED_NAME_KINDS and focus else set()
    focus_forms = _forms(focus) if focus else set()
    kinds_of = kind in _KIND_OF_FOCUS_KINDS and focus is not None
    # where a person's name ends: "Kit designer Lucy Black" is no colour, whatever
    # WordNet says of "black"
    person_ends = {s.end for s in spans if "person" in s.kinds} if kinds_of else set()
    offices = titles.appositive_offices(spans, words, starts) if kind == "person" else []
    # A question not saying how many takes a list written as one over one of its items,
    # unless it names an item itself ("Who shared the duties with Mark Malone?": the
    # other one)
    lists = _lists_among(spans) if plural is None else []
    asked_lists = {
        (s.start, s.end)
        for s in lists
        if any(t[2] in question_terms for t in _within(terms, term_starts, s.start, s.end))
    }
    listed = [(s.start, s.end) for s in lists if (s.start, s.end) not in asked_lists]
    for found in spans:
        deputy = holds = False
        if (found.start, found.end) in asked_lists:
            continue
        if any(s <= found.start and found.end <= e for s, e in offices):
            continue  # "Deputy Minister of Ports and Canals, Ivan Petrov": the office
        if (
            (settlement or site in ("artifact", "object"))
            and found.kinds == {"common"}
            and not names_a_place(found.text.rsplit(None, 1)[-1].lower())
        ):
            continue  # "In which city…?" is not answered by "contrast" of "In contrast"
        if site in ("artifact", "object") and _of_another_kind(found, focus or ""):
            continue  # "Which hotel…?" is not answered by "the Kazakh Foreign Ministry"
        if kind == "person" and _DIGIT.search(found.text):
            continue  # "U.N. Security Council Resolution 2642": a numbered name is no one
        if kind in _WANTS_AGENTS and _place_not_acting(text, found, terms, question_terms):
            continue  # "Who initiated the 21st round?" is not answered by "Astana" of
            # "the 21st round of Astana": the place says which round, it did nothing
        if kind == "number" and is_time_for_untimed(found.kinds, focus):
            continue  # "How high is the hotel?" is not answered by "ten-month"
        if (
            kind in _AMOUNT_KINDS
            and found.text.lower() == "one"
            and _ONE_OF.match(text, found.end)
            and not _ONLY_BEFORE.search(text, 0, found.start)
        ):
            continue  # "one of the central figures", "one of his sons" say among whom;
            # "only one of the reactors" says how many
        fit = max((fits.get(k, 0.0) for k in found.kinds), default=0.0)
        if entities.HYPHENED in found.kinds:  # "28-yard": a count of yards only
            noun = _HYPHENED_NOUN.match(text, found.end)
            fit = 1.0 if noun and noun.group(1).lower() in counted else 0.0
        if fit == 0.0 and not named_by_focus(found):  # "Resolution 2642": an identifier
            continue
        if (
            kind in SHARE_KINDS
            and not found.kinds & SHARE_KINDS
            and _counts_a_thing(words, starts, found.end)
        ):
            continue  # "How much did it cost?" is not answered by "twenty rounds"
        span = (  # a date is read whole: "January 24" less "January" is no date
            found
            if found.kinds & _WHOLE_KINDS or spelled or _is_list_of_names(found, kind, plural)
            else _without_question_edges(
                text,
                found,
                terms,
                term_starts,
                question_terms,
                cut_end="person" in found.kinds or not found.kinds & _NAME_SPANS,
                cut_start=found.kinds != {"thing"},
            )
        )
        modifier = False  # a kind of the focus written before a head of another kind
        if kinds_of and span.kinds == PHRASE_KIND and not LIST_JOINT.search(span.text):
            # "What sport?": "basketball" of "the touring basketball players"
            named = _word_of_kind(span, words, focus or "")
            if named is not None:
                span, after_of = named
                modifier = not after_of
        if years and "date" in found.kinds:
            if not _YEAR.search(span.text):
                continue  # "What year…?" is not answered by "10:30 a.m." or "January"
            span = _the_year(span)  # "What year did he die?": 1227, not "August 1227"
        if priced and "money" not in found.kinds and not _followed_by(text, span.end, _currency, 2):
            continue  # "How much money…?": "40 million US dollars", not "two" (countries)
        if months and "date" in found.kinds and not _names_a_month(span.text):
            continue  # "In which month…?" is not answered by "2022"
        if life_end is not None and "date" in found.kinds:
            span = _life_year(span, life_end)  # "When did he die?": 1999 of "1920–1999"
        if kind == "date" and not weekday and calendar_start(span.text):
            # "Wednesday, October 9": the date says the day; the weekday only repeats it
            start = span.start + calendar_start(span.text)
            span = entities.Span(start, span.end, text[start : span.end], span.kinds)
        if (
            span is not found
            and kind in _NAME_KINDS
            and found.kinds & _NAME_SPANS
            and not any(
                w[0].isupper() and not (kind == "person" and _ROMAN_NUMERAL.fullmatch(w))
                for w in _NAME_WORD.findall(span.text)
            )
        ):
            # "Super Bowl 50" less the question's "Super Bowl": "50" is no one, nor is
            # "XLVII" (though it may be the Super Bowl asked for)
            continue
        if (
            span is not found
            and "person" in found.kinds
            and " " not in span.text.strip()
            and _OF_WHAT.search(text, found.start, span.start)
        ):
            continue  # "the President of Warsaw" less "President": Warsaw is no one
        if (
            "person" in found.kinds
            and span.start > found.start
            and _OWNED_BY.search(text, found.start, span.start)
            and shipped_lexicon().is_place_name(span.text.lower())
        ):
            # "Genghis Khan's Mongolia" less the question's "Genghis Khan's" is a place
            # (not "Kazakhstan's Tokayev", nor "Genghis Khan's Borte", who are people)
            fit = fits.get("place", 0.0)
            if fit == 0.0:
                continue
        if span is not found and "common" in found.kinds and span.end != found.end:
            continue  # "the presence of leaders" less "leaders": its head made it a person
        if text[span.end : span.end + 2] in ("'s", "’s"):
            if not (kind == "person" and _owns_a_work(words, starts, span.end)):
                fit *= POSSESSOR  # "Assad's government": more likely the thing owned
        elif (
            kind in _WANTS_AGENTS
            and (
                _modifies_a_noun(words, starts, span.end)
                or _in_a_list_of_nationalities(text, words, starts, span)
            )
            and not _says_what_is_asked(text, span.end, terms, question_terms)
        ):
            fit *= MODIFIER  # "the Assad regime", "the Astana process": not who did it
        single = (  # one of several asked for
            (plural or (plural is None and part_of(found, listed)))
            and kind not in _AMOUNT_KINDS  # "how many": one number ("over 300,000")
            and not LIST_JOINT.search(span.text)
            and not (kind == "date" and _RANGE.search(span.text))
        )
        if single:
            fit *= SINGLE_OF_LIST
        if count and found.kinds & _NAME_SPANS and len(LIST_JOINT.split(span.text)) == count:
            fit *= DESCRIBES_FOCUS  # "Which three countries…?": "Jordan, Iraq and Lebanon"
        if days and not (names_a_weekday if weekday else names_a_day)(span.text):
            fit *= NO_DAY  # "On which dates…?": "Nov. 11-12", more than "this year"
        if asks_name and not found.kinds & _NAME_SPANS:
            fit *= UNNAMED  # "What is the name of the fund?": not "philanthropic initiative"
        other_sort = False
        if measured and "measure" not in found.kinds:
            fit *= UNMEASURED  # "How tall is the tower?": "617 ft", not "ten" (floors)
        if (
            where
            and not _after_a_place_preposition(words, starts, span.start)
            and not LOCATED_SUFFIX.match(text, span.end)
        ):
            fit *= NOT_LOCATED  # "talks on Syria ... held in Kazakhstan": where is Kazakhstan
        if settlement and shipped_lexicon().names_a_country(span.text):
            fit *= NOT_A_SETTLEMENT  # "Which city…?" is not answered by "Turkey"
            other_sort = True
        elif country and any(map(_no_country, LIST_JOINT.split(span.text))):
            fit *= NOT_A_COUNTRY  # "Which countries…?" is not answered by "Geneva"
            other_sort = True
        elif site in ("artifact", "object") and (
            _not_a_site(span.text)
            or (site == "object" and shipped_lexicon().is_kind_of(span.text, "city"))
        ):  # a river, a mountain: no city ("Newcastle"), though an island or a volcano is
            # one ("Crete", "Etna"), and a palace may be "Versailles"
            fit *= NOT_A_SITE  # "Which hotel…?" is not answered by "Kazakhstan"
            other_sort = True
        if other_sort and focus and shipped_lexicon().is_kind_of(span.text, focus):
            other_sort = False  # WordNet knows it as one too: "Cyprus", an island; "Kuwait"
        lead = 0  # the length of a focus word the span opens with
        past = going_on.search(found.text) if going_on is not None else None
        named_on = (
            past is not None
            and found.text[:1].isupper()  # a name, not "the framework of … Resolution 2642"
            and _NUMBERED_END.search(found.text) is not None  # not "CBS Sports apps"
        )
        from_head = False
        if past is not None and named_on:
            fit = max(fit, NAMED_INSTANCE)
            start = found.start + past.end() - 1
            if _OWN_HEAD.match(text, start):  # a word, not a number ("XLVII")
                # shown from its own head on, as readers answer "Which Security Council
                # measure?": "Resolution 2642" ("Apollo 17" stays whole)
                from_head = True
                own = _focus_word(focus).search(text, start, found.end) if focus else None
                if own is not None:  # "Security Council Draft Resolution 12"
                    start = own.start()
                span = entities.Span(start, found.end, text[start : found.end], found.kinds)
        if named_by_focus(span):
            fit = NAMED_BY_FOCUS
            if span.text[:1].isdigit() and focus_forms:  # "Resolution 2642", "Article 102"
                span, lead = _with_word_before(text, words, starts, span, focus_forms)
        headed = _headed_by(span.text, headed_forms) or (
            _headed_by_relative(span, terms, focus_terms) if headed_forms else 0
        )
        if headed and span.text[:1].isupper():  # "What prize?": "Nobel Prize"
            fit = NAMED_BY_FOCUS
        elif modifier:
            fit = max(fit, KIND_BEFORE_HEAD * (SINGLE_OF_LIST if single else 1.0))
        elif kinds_of and span.end not in person_ends and _kind_of_focus(span, focus or ""):
            # "What sport?": "basketball", a kind of sport; "What weapons?": "swords" less
            # than "arrows and swords"
            fit = max(fit, KIND_OF_FOCUS * (SINGLE_OF_LIST if single else 1.0))
        if spelled:
            fit = SPELLS_OUT  # "What does SNC stand for?": "Syrian National Council"
        if described and _followed_by(text, span.end, described.__contains__, 1):
            fit *= DESCRIBES_FOCUS  # "What type of architecture?": "Gothic architecture"
        elif counted and not measured and _counts_asked(text, span.end, counted, focus):
            fit *= DESCRIBES_FOCUS  # "How many touchdowns?": "45 touchdowns", not "10"
        if kind in _AMOUNT_KINDS and _of_asked(text, span.start, terms, question_terms):
            fit *= DESCRIBES_FOCUS  # "How many people died?": "the deaths of over 300,000"
        elif described and _example_of(words, starts, span.start, described):
            fit *= DESCRIBES_FOCUS  # "Which measures?": "measures …, such as the release"
        elif role and found.kinds & _NAME_SPANS:
            titled = titles.titled(text, words, starts, span, role)
            if titled is not False and second_in_rank == (titled is None):
                fit *= DESCRIBES_FOCUS  # "Who was Moscow's envoy?": "Special Envoy to Syria A. L."
            elif (
                titled is True
                and second_in_rank
                and role.isdisjoint(SUBORDINATE_TITLES)
                and not titles.subordinate_before(words, starts, span)
            ):
                fit *= PRINCIPAL  # "Which deputy envoy…?": not "the UN envoy, Geir Pedersen"
            # "Who is the foreign minister?": not the Deputy Foreign Minister
            deputy = titled is None and not second_in_rank
            holds = titled is True
        inside = len(_within(terms, term_starts, span.start, span.end))
        asked = sum(1 for _, s, _ in asked_at if span.start + lead <= s < span.end - headed)
        if spelled:
            asked = 0  # an alias may read the spelled-out name as the abbreviation's term
        if inside and asked == inside:
            continue  # only the question's own words
        first = bisect_right(starts, span.start) - 1
        if "person" in found.kinds:  # the office before a name is part of its reach
            while first > 0 and words[first - 1].text.lower() in PERSON_TITLES:
                first -= 1
            first = titles.appositive_title_start(words, first)
        last = bisect_right(starts, span.end - 1) - 1
        best: dict[str, float] = {}
        for at, s, term in asked_at:
            if span.start + lead <= s < span.end:  # the focus word it opens with is near
                if named_on:  # and the question's name it holds
                    best[term] = 1.0
                continue
            gap = first - at - 1 if at < first else at - last - 1
            decay = 1.0 / (1.0 + max(gap, 0) / HALF_DISTANCE)
            low, high = (at, first) if at < first else (last, at)
            if bisect_left(breaks, high) > bisect_right(breaks, low):  # a break between
                decay *= 0.5
            if decay > best.get(term, 0.0):
                best[term] = decay
        for term in held_terms:  # the question's date, held by the passage's time
            best[term] = max(best.get(term, 0.0), HELD_NEARNESS)
        near = sum(question_terms[t] * d for t, d in best.items()) / total
        repeats = asked / inside if inside and not named_on else 0.0
        key = max((d for t, d in best.items() if t in key_terms), default=0.0)
        # scored and grouped without the question's words, answered whole: "Lake Baikal"
        # for "Which lake…?", "Warsaw Stock Exchange" for "What exchange in Warsaw…?"
        whole = found.start if _cut_name_words(text, found, span, kind, focus) else None
        if from_head:
            whole = None  # the question's own name is not shown again
        candidate = Candidate(span.start, span.end, span.text, fit, near, repeats, key, held,
                              deputy, holds, whole, other_sort)  # fmt: skip
        scored.append(candidate)
    return scored
