"""Who a named person is: the office a sentence writes with the name.

News names a person with their office: before the name ("Deputy Foreign Minister Ahmet
Yıldız", "the UN envoy to Syria, Geir Pedersen", "Russian Foreign Ministry spokeswoman
Maria Zakharova") or between commas after it ("Ahmed Touma, a member of the SNC
delegation,"). That office answers "Who is Ahmet Yıldız?" (`definitions.py`).

The office before a name runs back from it over capitalised words, lower-case nouns and
adjectives and the connectors of an office's name ("Minister of Foreign Affairs and
Expatriates"), to the nearest other word; not over a weekday or month ("On Tuesday UN
envoy…"), nor a place after a preposition ("In Geneva UN envoy…"), and after an "and"
that follows a name, only the office after it ("Foreign Minister Lavrov and Iranian
Foreign Minister…"). There is none when a connector stands right before the name
("President Putin and Erdogan", "a spokesman for Guterres"). It ends before the whole
name the recogniser finds ("Special Envoy to Syria Alexander Lavrentiev", asked about
Lavrentiev). A phrase after the name must close with a comma or the sentence, name no
other person, and go on with no other name ("Sergei Lavrov, the Iranian foreign
minister Hossein Amir-Abdollahian and…" is none). Either must hold a word for a kind
of person that is no nationality ("minister", not "Russian").
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..text.entities import Span, Token, tokens
from ..text.months import MONTHS
from ..text.tagger import wordnet_classes
from .answer_types import noun_class
from .phrases import opens_noun_phrase, phrase_from

# Lower-case words inside an office's name ("Minister of Foreign Affairs and Expatriates").
_TITLE_CONNECTORS = frozenset({"of", "to", "for", "and", "on"})
# Words of a date, which no office's name holds ("On Tuesday UN envoy …").
_DATE_WORDS = frozenset([*(day.lower() for day in calendar.day_name), *MONTHS])


def is_role(word: Token) -> bool:
    """Is `word` a common noun for a kind of person ("minister", "Envoy"), not a name
    WordNet files as a person ("Ali") nor a nationality ("Russian")?"""
    lower = word.text.lower()
    classes = wordnet_classes(lower)
    return noun_class(lower) == "person" and "NOUN" in classes and "ADJ" not in classes


def office(
    text: str,
    wanted: list[str],
    term_spans: Callable[[str], Sequence[tuple[int, int, str]]],
    names: Sequence[Span] = (),
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the office of the person whose name's terms are
    `wanted` (see the module's docstring), or None; `names` are the names `text`
    mentions, with their kinds (`spans.find_spans`)."""
    spans = term_spans(text)
    at = next((i for i in range(len(spans) - len(wanted) + 1)
               if [t for *_, t in spans[i : i + len(wanted)]] == wanted), None)  # fmt: skip
    if at is None:
        return None
    start, end = spans[at][0], spans[at + len(wanted) - 1][1]
    persons = [n for n in names if "person" in n.kinds]
    start = min([n.start for n in persons if n.start <= start and end <= n.end], default=start)
    words = [w for w in tokens(text) if w.text.strip()]
    first = next((i for i, w in enumerate(words) if w.start == start), None)
    last = next((i for i, w in enumerate(words) if w.end >= end), None)
    if first is None or last is None:
        return None
    after = _phrase_after(words, last, persons)
    if after is not None:
        return after
    places = [n for n in names if "place" in n.kinds]
    return _title_before(words, first, places)


def _phrase_after(words: list[Token], last: int, persons: Sequence[Span]) -> tuple[int, int] | None:
    """The role phrase between commas right after the name ending at word `last`."""
    at = last + 2
    if at >= len(words) or words[last + 1].text != "," or not opens_noun_phrase(words, at):
        return None
    if words[at].text[:1].isupper() and not is_role(words[at]):
        return None  # "Lavrentiev, Iran by Ali Asghar Khaji": another name
    start, end = phrase_from(words, at)
    inside = [w for w in words[at:] if w.end <= end]
    closing = at + len(inside)
    if closing < len(words) and words[closing].text not in (",", ".", ";"):
        return None
    if any(start <= n.start < end for n in persons):
        return None  # "the Iranian foreign minister Hossein Amir-Abdollahian": another's
    if any(a.text == "and" and b.text[:1].isupper() for a, b in pairwise(inside)):
        return None  # "…, and Turkish Foreign Minister …": another office follows
    return (start, end) if any(is_role(w) for w in inside) else None


def _title_before(words: list[Token], name: int, places: Sequence[Span]) -> tuple[int, int] | None:
    """The office right before the name opening at word `name` (see the module's
    docstring)."""
    end = name - 1
    if end >= 0 and words[end].text == ",":
        end -= 1
    if end < 0 or words[end].text.lower() in _TITLE_CONNECTORS:
        return None  # "Putin and Erdogan", "a spokesman for Guterres": no office of theirs
    first = end + 1
    while first - 1 >= 0 and _in_a_title(words[first - 1]):
        first -= 1
    while first <= end and (words[first].text in _TITLE_CONNECTORS or words[first].tag == "DET"):
        first += 1
    if first <= end and first > 0 and words[first - 1].tag == "ADP":
        place = next((p for p in places if p.start == words[first].start), None)
        if place is not None:  # "In Geneva UN envoy …": the place is no part of it
            first = next((i for i in range(first, end + 1) if words[i].start >= place.end), end + 1)
    if first > end:
        return None
    for i in range(end - 1, first, -1):
        if words[i].text == "and" and not wordnet_classes(words[i - 1].text.lower()):
            first = i + 1  # the word before "and" is a name: another person's office
            break
    if not any(is_role(w) for w in words[first : end + 1]):
        return None
    return words[first].start, words[end].end


def _in_a_title(word: Token) -> bool:
    """Can `word` be part of an office's name?"""
    lower = word.text.lower()
    if lower in _DATE_WORDS:
        return False
    if word.text in _TITLE_CONNECTORS:
        return True
    if word.text[:1].isupper():
        return word.tag in ("PROPN", "NOUN", "ADJ")
    return word.tag in ("NOUN", "ADJ", "PROPN")  # the tagger reads "ministry" as a name
