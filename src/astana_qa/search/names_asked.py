"""The names a question asks about, which an answer's article must mention.

"How many people did the Black Death kill in Scotland?" is not answered by "Half of
Paris's population of 100,000 people died." from an article that never mentions
Scotland, however well the rest of the question fits; nor "In what year did Newton
publish the Principia?" by a sentence on another author's book. The question's names
are read here; the engine refuses an answer whose article mentions none of a name's
words but its titles and numbers (`QAEngine._names_unmentioned`), nor, for a place,
another of its country's names whole, nor, for a name of one word, a word of its family
("Palestinian").

Not every capitalised word is such a name. Left out: numbers, months and weekdays (an
article's date may state them, not its text), common nouns and verbs and adjectives
("TV", "Jewish"), a title before a name ("President"), a word the question misspelt
(what it stands for is a guess), and a name saying whose a party or person is
("the Assad government", "Moscow's envoy"): an article may name that party otherwise
("the regime", "Russia's special envoy").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.entities import Token
from ..text.lexical import PERSON_TITLES
from ..text.lexicon import shipped_lexicon
from ..text.months import MONTHS
from ..text.tagger import lexicon

__all__ = ["AskedName", "names_asked"]

# Days of the week: like months, a date's words, which an article's date may state.
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# The kinds of noun a name before it may own: a party or a person ("the Assad
# government", "Ankara's team", "Bashar al-Assad's deputy").
_PARTY_KINDS = ("organization", "person")
# A plural's possessive, which the tokens keep apart ("the Philippines' envoy").
_POSSESSIVE_TOKENS = frozenset({"'", "’"})
_NOUN_RUN = frozenset({"NOUN", "PROPN", "ADJ"})
_POSSESSIVE = re.compile(r"['’]s?$")
# A question's words as the key words are written ("Moscow's", "al-Assad's", "2024"),
# not a quotation mark before one ("'Scotland'").
_WORD = re.compile(r"\w[\w’'-]*")


@dataclass(frozen=True)
class AskedName:
    """A name the question gives: `text` as written ("San Diego") and the index terms
    of its words but titles and numbers; an article holding any of them mentions it
    ("Capriati" for "Jennifer Capriati")."""

    text: str
    terms: tuple[str, ...]


def names_asked(
    matched: Sequence[tuple[str, Sequence[str]]],
    written: str,
    typed: str,
    words: Sequence[Token],
) -> tuple[AskedName, ...]:
    """The names among `matched` (each question word read as a name, with the index
    terms it matched) that an answer's article must mention, words written one after
    another, with only spaces between them, joined into one name ("San Diego"; not
    "Paris, Scotland"). `written` is the question as the reader wrote it (with capitals
    restored if typed all in lower case, `casing.py`), `typed` as typed: only the words
    `written` writes with a capital are names, and of those restored only words the
    treebank knows only as names, or not at all ("harvard", not "center"). `words` are
    the question's tagged tokens."""
    place: dict[str, tuple[int, int, int]] = {}  # word → (order, start, end), the first
    for at, m in enumerate(_WORD.finditer(written)):
        place.setdefault(_bare(m.group()), (at, m.start(), m.end()))
    as_typed = {_bare(m.group()) for m in _WORD.finditer(typed)}
    found = sorted(
        (place[_bare(w)], _bare(w), tuple(t))
        for w, t in matched
        if _bare(w) in place and _written_as_name(_bare(w), as_typed)
    )
    runs: list[list[tuple[str, Sequence[str]]]] = []
    last_at, last_end = -2, 0  # the word before's place and end
    for (at, start, end), word, terms in found:
        if at == last_at:
            continue  # the same word matched twice ("TUSAŞ … TUSAŞ")
        if at == last_at + 1 and written[last_end:start].isspace():
            runs[-1].append((word, terms))
        else:
            runs.append([(word, terms)])
        last_at, last_end = at, end
    names: dict[str, AskedName] = {}
    for run in runs:
        # a run with a name word is a name, mentioned by any of its words but a title or
        # number ("Capriati" for "Jennifer Capriati", "Celtics" for "Boston Celtics"; not
        # "president" for "President Kennedy")
        if not any(_is_name(word) for word, _ in run) or _owns_a_party(run[-1][0], words):
            continue
        said = [t for word, terms in run if word.lower() not in PERSON_TITLES for t in terms
                if not t[:1].isdigit()]  # fmt: skip
        text = " ".join(_shown(w) for w, _ in run)
        names.setdefault(text, AskedName(text, tuple(dict.fromkeys(said))))
    return tuple(names.values())


def _bare(word: str) -> str:
    """`word` without a possessive ending or a closing quote ("Moscow's", "Scotland'")."""
    return _POSSESSIVE.sub("", word)


def _shown(word: str) -> str:
    """A name word as a refusal quotes it: without lower-case parts after its last
    capitalised one ("Scotland" of "Scotland-based"; "al-Assad" stays)."""
    parts = word.split("-")
    while len(parts) > 1 and not parts[-1][:1].isupper():
        parts.pop()
    return "-".join(parts)


def _written_as_name(word: str, as_typed: set[str]) -> bool:
    """Is `word`, which the question as read writes with its capital, so written as
    typed (`as_typed`, the words typed), or a restored word the treebank knows only as
    a name?"""
    if word in as_typed:
        return True
    tags = lexicon().get(word.lower())
    return tags is None or set(tags) == {"PROPN"}


def _is_name(word: str) -> bool:
    """Is the capitalised `word` (without its possessive) a name: a place the places
    table knows ("US"), or a word the treebank knows first as a name ("Harvard",
    "Scotland"; not "TV", "Jewish", "Most"), or one it does not know that WordNet knows
    as no common noun but a person's or place's ("Newton"; not "Euros"), and no number,
    date word or title?"""
    lower = word.lower()
    if any(c.isdigit() for c in word) or lower in MONTHS or lower in _WEEKDAYS:
        return False
    if lower in PERSON_TITLES:
        return False
    lexicon_ = shipped_lexicon()
    if lexicon_.is_place_name(lower):
        return True
    tags = lexicon().get(lower)
    if tags:
        return tags[0] == "PROPN"
    return not lexicon_.knows_noun(lower) or lexicon_.noun_class(lower) in ("person", "place")


def _owns_a_party(last: str, words: Sequence[Token]) -> bool:
    """Is the name ending with the word `last` (without its possessive) followed (after
    a plural's possessive "'", if any) by lower-case words whose last noun is a party
    or person: whose government, team or envoy it is?"""
    at = next((i for i, w in enumerate(words) if _bare(w.text) == last), None)
    if at is None:
        return False
    at += 1
    while at < len(words) and words[at].text[:1].islower() and not words[at].text.islower():
        at += 1  # the name goes on: "Bashar al-Assad's"
    if at < len(words) and words[at].text in _POSSESSIVE_TOKENS:
        at += 1
    head = None
    # lower-case words: the tagger may read a noun after names as one ("San Diego council")
    while at < len(words) and words[at].text.islower() and words[at].tag in _NOUN_RUN:
        if words[at].tag != "ADJ":
            head = words[at].text
        at += 1
    lexicon_ = shipped_lexicon()
    return head is not None and any(lexicon_.is_kind_of(head, k) for k in _PARTY_KINDS)
