"""Which spans of a sentence may answer a question wanting each kind (`find_spans`):
dates, numbers, ordinals and frequencies (`text/entities.py`), names and lists of
names, noun phrases and their lists, occupations, and the common nouns that answer "who"
or "where" without a name ("the committee", "under the ground"). Scoring them is
`candidates.py`'s job."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import entities
from ..text.lexical import (
    ORGANISATION_NAME_WORDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_NAME_WORDS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
)
from ..text.lexicon import shipped_lexicon
from ..text.months import MONTHS
from ..text.tagger import is_common_word, lexicon
from .lists import PHRASE_KIND, closed_list, name_lists, phrase_lists, plain_list

# WordNet's classes of the nouns that can say where ("sidelines", "hotel", "river").
_PLACE_CLASSES = frozenset({"place", "artifact", "object"})
# How many capitalised words of four letters or more make a sentence a headline.
HEADLINE_WORDS = 3
# The kinds asked for for which a one-word name WordNet files under places is a place
# ("Who…?" is not answered by "Astana"). Asking for a team or any other thing, a city
# is left a name: cities name teams ("Denver received the opening kickoff").
_PLACE_WORD_KINDS = frozenset({"person", "place"})
_WANTS_NAMES = frozenset({"person", "organisation", "place", "thing", "attribute"})
_WANTS_NUMBERS = frozenset({"duration", "frequency", "number", "money", "percent", "thing"})
_WANTS_DATES = frozenset({"date", "duration", "thing"})
# Times no date span holds ("held in January", "in early spring"): a common noun phrase
# ending in one is no place.
_TIME_WORDS = frozenset(MONTHS) | {"spring", "summer", "autumn", "fall", "winter", "time"}
_LAST_WORD = re.compile(r"[\s-]+")
# Words that open a noun phrase before its adjectives and noun ("the", "its").
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
# "since" right before a date (`_since`).
_SINCE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?$")


def _no_word(word: str) -> bool:
    """No word is a place: `find_spans` without a lexicon's places."""
    return False


def find_spans(
    text: str,
    kind: str,
    plural: bool | None,
    is_place: Callable[[str], bool] = lambda name: False,
    is_place_word: Callable[[str], bool] = _no_word,
    words: Sequence[entities.Token] | None = None,
) -> tuple[list[entities.Span], list[entities.Token]]:
    """The spans of `text` that can answer a question wanting `kind`, and its words; with
    the lists they form when `plural` (several wanted) or, written as lists are
    (`lists.plain_list`), when `plural` is None (the question does not say how many);
    `is_place(name)`: does a gazetteer know the name as a country or capital;
    `is_place_word(word)`: is a one-word name a place (`entities.names`). `words` are
    `text`'s tagged words when the caller has them (tagging is most of the cost, and a
    sentence is read for several kinds of question)."""
    words = list(words) if words is not None else entities.tokens(text)
    spans: list[entities.Span] = []
    # dates answer "when", are no numbers or names, and no place ("in January")
    read_dates = kind in _WANTS_DATES | _WANTS_NUMBERS | _WANTS_NAMES or kind == "place"
    date_spans = entities.dates(text) if read_dates else []
    times = [(d.start, d.end) for d in date_spans]
    if kind in _WANTS_DATES:
        spans += date_spans
    if kind == "duration":
        spans += _since(text, date_spans)
    if kind in _WANTS_NUMBERS:
        taken = [(s.start, s.end) for s in date_spans if entities.AGO not in s.kinds]
        spans += entities.numbers(text, taken)
    if kind == "ordinal":
        spans += entities.ordinals(text)
    if kind == "frequency":
        spans += entities.frequencies(text)
    if kind in _WANTS_NAMES:
        place_word = is_place_word if kind in _PLACE_WORD_KINDS else _no_word
        found = entities.names(text, words, PERSON_TITLES, ORGANISATION_NAME_WORDS,
                               PLACE_NAME_WORDS, is_place, place_word)  # fmt: skip
        if _in_headline_case(words):  # "21st Session of Astana Talks Begins January 24"
            found = []  # its capitals mark no names; the article's sentences state them
        # "Nov" of "on Nov. 11-12": a month written in a date names no one, nowhere
        found = [n for n in found if not any(s <= n.start and n.end <= e for s, e in times)]
        if plural:
            spans += name_lists(text, found)
        elif plural is None:  # how many is not said: a list closed by "and" or "or"
            # names: "France, Italy, the Netherlands and Germany" is a list all the same
            spans += found + [s for s in name_lists(text, found)[len(found) :]
                              if s.kinds and closed_list(s.text)]  # fmt: skip
        else:
            spans += found
    if kind == "attribute":
        spans += entities.noun_phrases(text, words) + entities.modifiers(words)
    if kind == "thing":
        phrases = entities.noun_phrases(text, words) + entities.gerund_phrases(text, words)
        phrases = [p for p in phrases if not entities.REPETITIONS.fullmatch(p.text)]
        if plural:  # "What weapons…?": "arrows, swords, and leather shields"
            phrases += phrase_lists(text, words, phrases)
        elif plural is None:
            phrases += [p for p in phrase_lists(text, words, phrases)
                        if plain_list(p.text, text[: p.start])]  # fmt: skip
        spans += phrases
    elif kind == "occupation":
        spans += _occupations(text, words)
    elif kind in ("person", "organisation", "place"):
        common = _common_noun_answers(text, words, kind)
        if kind == "place":  # "in January", "in the first half": a time, not a place
            common = [c for c in common if _LAST_WORD.split(c.text)[-1].lower() not in _TIME_WORDS
                      and not any(c.start < e and s < c.end for s, e in times)]  # fmt: skip
        spans += common
    if kind == "place":  # "an Istanbul-based group": the place is Istanbul
        spans = [_without_located_suffix(text, span) for span in spans]
    spans = _distinct(spans)
    # a person may be the part of an untitled name before "of" ("Ivo Cook of Varnacorp")
    return (spans if kind == "person" else _whole_names(spans)), words


def _in_headline_case(words: Sequence[entities.Token]) -> bool:
    """Is a sentence written as a headline: every word of four letters or more after the
    first capitalised, at least `HEADLINE_WORDS` of them, and one a common English noun
    or verb ("Session", "Begins")? A list of names ("Karen Holm for Norway, Lars Berg
    for Denmark") is no headline."""
    long_words = [w.text for w in words[1:] if len(w.text) >= 4 and w.text[:1].isalpha()]
    return (
        len(long_words) >= HEADLINE_WORDS
        and all(w[:1].isupper() for w in long_words)
        and any(is_common_word(w.lower()) for w in long_words)
    )


# A participle joined to a place that says something is there: "Istanbul-based".
LOCATED_SUFFIX = re.compile(r"[-‐–](?:based|born|headquartered|registered)\b", re.IGNORECASE)


def _without_located_suffix(text: str, span: entities.Span) -> entities.Span:
    """`span` less a "-based"/"-born" ending: the place of "an Istanbul-based group"."""
    suffix = LOCATED_SUFFIX.search(span.text)
    if suffix is None or suffix.start() == 0 or suffix.end() != len(span.text):
        return span
    end = span.start + suffix.start()
    return entities.Span(span.start, end, text[span.start : end], span.kinds)


def _since(text: str, dates: list[entities.Span]) -> list[entities.Span]:
    """A time since which something has lasted is a length of time: "How long has the
    principle been recognised?" is answered "since the 1950s"."""
    found = []
    for date in dates:
        before = _SINCE.search(text, 0, date.start)
        if before is not None:
            found.append(entities.Span(before.start(), date.end, text[before.start() : date.end],
                                       frozenset({"duration"})))  # fmt: skip
    return found


_COMMON = frozenset({"common"})


def _whole_names(spans: list[entities.Span]) -> list[entities.Span]:
    """`spans` less the noun phrases that are parts of a longer name ("Chicago Press" of
    "University of Chicago Press", "Warsaw University" of "Warsaw University of
    Technology"): a part of a name names nothing. A person's name keeps its parts: its
    title and "of" are cut by the question's words ("Mayor Ivanova of Balchik")."""
    names = [(s.start, s.end) for s in spans if "name" in s.kinds and "person" not in s.kinds]
    return [s for s in spans if not (s.kinds in (PHRASE_KIND, _COMMON) and part_of(s, names))]


def part_of(span: entities.Span, ranges: Sequence[tuple[int, int]]) -> bool:
    """Is `span` a part, shorter than the whole, of one of `ranges` (start, end)?"""
    return any(a <= span.start and span.end <= b and b - a > span.end - span.start
               for a, b in ranges)  # fmt: skip


def _distinct(spans: list[entities.Span]) -> list[entities.Span]:
    """One span per (start, end), with the kinds of every span found there."""
    kinds: dict[tuple[int, int], frozenset[str]] = {}
    first: dict[tuple[int, int], entities.Span] = {}
    for span in spans:
        at = (span.start, span.end)
        kinds[at] = kinds.get(at, frozenset()) | span.kinds
        first.setdefault(at, span)
    return [entities.Span(s.start, s.end, s.text, kinds[at]) for at, s in first.items()]


def _common_noun_answers(text: str, words: list[entities.Token], kind: str) -> list[entities.Span]:
    """Noun phrases that answer "who" or "where" without a name: headed by a noun of the
    class ("an architect", "the committee"; for people also a noun WordNet puts in its
    person class: "some teachers and parents"), for places after a preposition of place
    ("under the ground"), and for "who" the agent of a passive ("checked by a committee
    of three professors", "targeted by Israeli armed forces")."""
    nouns = {"person": PERSON_NOUNS, "organisation": ORGANISATION_NOUNS, "place": PLACE_NOUNS}
    starts = {w.start: i for i, w in enumerate(words)}
    found = []
    for span in entities.noun_phrases(text, words):
        if not any(c.isalpha() for c in span.text):
            continue  # "at 12, 388ft": a number names no one and no place
        head = span.text.rsplit(None, 1)[-1].lower()
        at = starts.get(span.start, 0)
        before = words[at - 1].text.lower() if at > 0 else ""
        before = words[at - 2].text.lower() if before in DETERMINERS and at > 1 else before
        agent = kind in ("person", "organisation") and before == "by"
        named = names_people(head) if kind == "person" else head in nouns[kind]
        # "aimed at building confidence": a deed, not a place ("training camps" is one)
        deed = (span.text[:1].islower() and span.text.split(None, 1)[0].endswith("ing")
                and not names_a_place(head))  # fmt: skip
        verb = words[at - 1] if at > 0 else None
        if (
            verb
            and verb.tag == "VERB"
            and " " not in span.text
            and _verb_with(verb.text, span.text)
        ):
            continue  # "take place", "took part": the noun is part of a verb WordNet knows
        if named or agent or (kind == "place" and before in PLACE_PREPOSITIONS and not deed):
            found.append(entities.Span(span.start, span.end, span.text, frozenset({"common"})))
    return found


def _verb_with(verb: str, noun: str) -> bool:
    """Do `verb` (in any form) and `noun` make a verb WordNet knows ("take place", "took
    part", "taking office")?"""
    lexicon = shipped_lexicon()
    noun = noun.lower()
    return any(lexicon.links(f"{base} {noun}")
               for base in dict.fromkeys([verb.lower(), *lexicon.base_forms(verb)]))  # fmt: skip


def names_a_place(noun: str) -> bool:
    """Can the common noun `noun` name a settlement or site a question asks for by its
    noun ("Which city…?", "Which hotel…?"): mostly a location, a built or a natural
    thing in WordNet ("the sidelines", "the hotel", "the river"), or a kind of location
    ("the capital")? "In contrast", "in addition" and "in return" name none. (A plain
    "where" is answered by more: "in the wider community", "from the clergy", in SQuAD.)"""
    lexicon = shipped_lexicon()
    return lexicon.noun_class(noun) in _PLACE_CLASSES or lexicon.is_kind_of(noun, "location")


def _occupations(text: str, words: list[entities.Token]) -> list[entities.Span]:
    """Nouns naming people by what they do ("linebacker", "poet", "architects"), alone
    and with up to two nouns or adjectives before them ("head coach", "senior
    adviser")."""
    found = []
    for i, word in enumerate(words):
        head = word.text.lower()
        # A capitalised one only as a title opening a name, not inside it ("Linebacker
        # DeMarcus Ware", "Architects Cany Ash"; not "John Smith").
        titled = (
            word.tag == "PROPN"
            and (i == 0 or words[i - 1].tag != "PROPN")
            and i + 1 < len(words)
            and words[i + 1].tag == "PROPN"
            and not {"PROPN", "ADJ"} & set(lexicon().get(head) or ())  # "Henry", "Mexican"
        )
        if not (word.tag == "NOUN" or titled) or not names_people(head):
            continue
        found.append(entities.Span(word.start, word.end, word.text, frozenset({"occupation"})))
        first = i
        while first > 0 and words[first - 1].tag in ("NOUN", "ADJ") and i - first < 2:
            first -= 1
        if first < i:
            start = words[first].start
            found.append(entities.Span(start, word.end, text[start : word.end],
                                       frozenset({"occupation"})))  # fmt: skip
    return found


# Nouns for anybody at all: "how many people" is answered by a count of any people
# ("three astronauts", "50 members").
ANYONE = frozenset({"people", "persons", "individuals", "humans"})


def names_people(noun: str) -> bool:
    """Does a common noun name people: one of the word lists' person nouns, or one WordNet
    puts in its person class ("teachers", "fishermen", "linebacker")?"""
    return noun in PERSON_NOUNS or shipped_lexicon().noun_class(noun) == "person"
