"""Whose the thing a question asks about is: "Moscow's envoy", "the Turkish negotiating
team", "the envoy of Iran", "iran delegate".

A question asking for a person often names the party the person belongs to, and
articles list people by party: "Türkiye is represented by Yıldız, while Russia is
represented by Lavrentiev, Iran by Khaji". Readers word the role many ways (fronted,
headed, spoke for, was the envoy of), the articles another, so the words of the role
may match nothing; the party does. The answer layer reads a person standing beside the
party the question names as its answer before one that does not (`answers.py`).

An owner is a word that modifies the noun phrase asked about: a possessor, a name or
adjective before its head noun, or the noun phrase after "of" that follows the head. A
noun phrase after any other preposition is not asked about ("at the January session",
"in Kazakhstan"), and a lone name that is a verb's object owns nothing ("Who defeated
Germany?": the answer is not Germany's). A possessor inside the object is read as an
owner whatever the verb: right for "Who led Iran's delegation?", wrong for "Who met
Iran's envoy?" (a known limit). Plural possessives ("the Russians' envoy") are not read.

An owner that is no name but a party, a common noun WordNet makes an organisation,
owning a group or a person ("the Damascus government's delegation"), owns the person
asked for when the question names no owner that is a name (`QAEngine._anchors_asked`):
the roster's "… the Syrian opposition by Ahmet Toma and the regime by Bassam Sabbagh"
gives Sabbagh, by the list item he stands in (`answers._segments`).

A passage may write the thing asked about as another party's ("The Assad regime
delegation will be headed by …" for "Who led the Iranian delegation?"): a person there
is that party's (`claimed_by_others`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text.analysis import stopword_list
from ..text.entities import Token, is_participle
from ..text.lexical import PERSON_TITLES
from ..text.months import MONTHS
from .answer_types import POSSESSIVE

# Tags of the words of a noun phrase before its head: "the Turkish negotiating team".
_MODIFIER_TAGS = frozenset({"PROPN", "ADJ", "NOUN", "NUM"})
_HEAD_TAGS = frozenset({"NOUN", "PROPN"})
_DETERMINERS = frozenset({"DET"})
_OWNER_TAGS = frozenset({"PROPN", "ADJ", "NOUN"})
# A compound ending in a lower-case noun says what kind a thing is ("Spanish-language");
# one ending in a participle names a party ("Iran-based", "Moscow-backed").
_KIND_COMPOUND = re.compile(r"-[a-z]+(?<!ed)$")
# A prefix saying what a group is against or apart from: no owner.
_AGAINST = re.compile(r"(?:anti|non|counter)-", re.IGNORECASE)


def asked_phrase(
    words: Sequence[Token], focus: str | None = None
) -> tuple[tuple[str, ...], str | None]:
    """The owners of the thing a question asks about, and that thing's noun ("the
    Iranian delegation": ("Iranian",), "delegation"; no noun when there is no owner).

    The owners are the words of `words` (a question, tagged) that say whose the thing
    asked about is, possessive endings removed, in order. The thing asked about is the
    question's first noun phrase that ends in a noun and follows no preposition ("the
    Turkish team" in "Who fronted the Turkish team at the January session?"; the focus
    of "Which Damascus diplomat led…?"), with the phrase after an "of" that follows it. A
    phrase holding the question's `focus` noun ends at it: a key-word search runs its nouns
    together ("iran delegate january talks": the delegate is Iran's)."""
    found: list[str] = []
    head: str | None = None
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if word.tag == "ADP":  # a prepositional phrase: not what is asked about
            i = max(_phrase_end(words, _after_determiners(words, i + 1)), i + 1)
            continue
        if word.tag not in _MODIFIER_TAGS:
            i += 1
            continue
        end = _phrase_end(words, i)
        heads = [k for k in range(i + 1, end) if focus and words[k].text.lower() == focus]
        end = heads[0] + 1 if heads else end
        phrase = words[i:end]
        if phrase[-1].tag not in _HEAD_TAGS:
            i = end
            continue
        head = phrase[-1].text
        if end < n and words[end].text.lower() == "of":  # "the envoy of the Assad regime"
            start = _after_determiners(words, end + 1)
            phrase = words[start : _phrase_end(words, start)]
            if phrase and phrase[-1].tag in _HEAD_TAGS:  # as one name: "the United States"
                found.append(" ".join(_plain(w.text) for w in phrase))
        else:
            found += _possessor(phrase, chained=bool(heads))
            # "iran delegation head": what Iran owns, which a passage may write as another
            # party's, is the delegation
            owned_nouns = [w.text for w in phrase[:-1] if w.tag == "NOUN" and w.text in found]
            head = owned_nouns[-1] if owned_nouns else head
        break
    owners = tuple(w for w in dict.fromkeys(found) if w)
    return owners, head if owners else None


def named_object(words: Sequence[Token], verb: str, particle: str | None = None) -> str | None:
    """The name that is the whole object of the question's verb `verb` (as written), if
    it is one: "Who represented Iran at the talks?" → "Iran", "Who led the Islamic
    Republic?" → "Islamic Republic"; None for a noun phrase ("Who headed the Syrian
    regime delegation?") or no object. Whether such a name owns the person asked for
    depends on the verb (`QAEngine._anchors_asked`): Iran's representative, but not
    Germany's for "Who defeated Germany?". With a `particle`, the object of the phrasal
    verb: "Who spoke for Tehran?" → "Tehran"."""
    phrase = _object_of(words, verb, particle)
    if not phrase or not all(w.text[:1].isupper() for w in phrase):
        return None
    return " ".join(_plain(w.text) for w in phrase)


def object_phrase(
    words: Sequence[Token], verb: str, particle: str | None = None
) -> tuple[list[str], str] | None:
    """The object of the question's `verb` (as written; with a `particle`, of the
    phrasal verb) when it is a noun phrase of two or more words, no name, owned by no
    possessive: its owners and its head noun ("Who spoke for the Syrian opposition?" →
    (["Syrian"], "opposition"); "Who led the Iranian delegation?" → (["Iranian"],
    "delegation")). None for a name ("Who represented Iran?": `named_object`), a
    possessive's ("Ankara's team": `asked_phrase` reads whose), a bare noun or no
    object."""
    phrase = _object_of(words, verb, particle)
    if len(phrase) < 2 or phrase[-1].tag != "NOUN" or not phrase[-1].text.islower():
        return None
    if any(POSSESSIVE.search(w.text) for w in phrase):
        return None
    return _possessor(phrase), phrase[-1].text


def _object_of(words: Sequence[Token], verb: str, particle: str | None) -> Sequence[Token]:
    """The noun phrase after the question's `verb` (as written) and its `particle`, if
    one must follow, its determiners left out; empty when there is none."""
    at = next((i for i, w in enumerate(words) if w.text.lower() == verb), None)
    if at is None:
        return ()
    if particle is not None:
        if at + 1 >= len(words) or words[at + 1].text.lower() != particle:
            return ()
        at += 1
    start = _after_determiners(words, at + 1)
    return words[start : _phrase_end(words, start)]


@dataclass(frozen=True)
class OwnedNoun:
    """The noun a question's owners own, as the answer layer reads it in passages: its
    term ("deleg" of "the Iranian delegation"), the terms of every word of the question
    for its owner, and what tells another word standing for it (any group a party
    sends, when the noun is one: "delegation" for "team"), if anything."""

    term: str
    owner_terms: frozenset[str]
    of_its_kind: Callable[[str], bool] | None = None


def claimed_by_others(
    words: Sequence[Token],
    terms: Sequence[tuple[int, int, str]],
    noun: str,
    owners: frozenset[str],
    of_its_kind: Callable[[str], bool] | None = None,
) -> list[int]:
    """Where (offsets) a passage, read as `words` and as its analysed `terms` (start, end,
    term), writes the noun asked about (`noun`, a term) as another party's: after a name,
    or a word marked possessive, none of whose terms is one of the question's `owners`
    ("The Assad regime delegation will be headed by…" when the question asks who led the
    Iranian delegation). A person there is that party's. `of_its_kind(word)`, when
    given, tells a word standing for the noun asked about: "the Assad regime delegation"
    is another party's for "Who headed Iran's team?" too."""
    term_at = {start: term for start, _, term in terms}

    def term_of(word: Token) -> str | None:
        return term_at.get(word.start)

    stopwords = stopword_list()
    claimed = []
    for i, word in enumerate(words):
        if term_of(word) != noun and (
            of_its_kind is None  # then only the noun itself
            or i == 0
            or not (words[i - 1].tag in _OWNER_TAGS or POSSESSIVE.search(words[i - 1].text))
            or not word.text.islower()
            or not of_its_kind(word.text)
        ):
            continue
        j = i
        while j > 0 and (words[j - 1].tag in _OWNER_TAGS or POSSESSIVE.search(words[j - 1].text)):
            j -= 1
        before = words[j:i]
        mine = {term_of(w) for w in before} & owners
        named = any(
            (w.tag == "PROPN" or POSSESSIVE.search(w.text))
            and not {w.text.lower(), term_of(w)} & stopwords  # "the US ambassador": "us"
            for w in before
        )
        if named and not mine:
            claimed.append(word.start)
    return claimed


def _possessor(phrase: Sequence[Token], chained: bool = False) -> list[str]:
    """Whose the head of `phrase` is: its words marked possessive ("Moscow's envoy"), or
    else its last name, noun or adjective before the head ("the Syrian regime
    delegation": the regime's; "the Turkish negotiating team": Turkish). In a key-word
    search (`chained`: the phrase ends at the focus noun), a noun's own owner before it
    too ("iran delegation head": the delegation's and Iran's)."""
    marked = [i for i, w in enumerate(phrase) if POSSESSIVE.search(w.text)]
    if marked:
        return [_name_ending(phrase, marked[-1])]
    before = [i for i, w in enumerate(phrase[:-1])
              if w.tag in _OWNER_TAGS and w.text.lower() not in MONTHS]  # fmt: skip
    last = phrase[before[-1]] if before else None
    if last is not None and last.text[:1].isupper() and not _KIND_COMPOUND.search(last.text):
        return [_name_ending(phrase, before[-1])]  # "the Islamic Republic delegate"
    owners = [phrase[i] for i in before[-1:]]
    if chained and owners and owners[0].tag == "NOUN":  # "iran delegation head"
        owners = [phrase[i] for i in before[:-1] if phrase[i].tag != "NOUN"][-1:] + owners
    # "Spanish-language commentary": a compound ending in a common word says what kind
    # the thing is, not whose; "the anti-Assad rebels" are against Assad, not his
    return [w.text for w in owners
            if not _KIND_COMPOUND.search(w.text) and not _AGAINST.match(w.text)]  # fmt: skip


def _name_ending(phrase: Sequence[Token], at: int) -> str:
    """The capitalised words of `phrase` that run up to word `at`, as one name, its
    possessive ending removed ("the Islamic Republic's envoy": "Islamic Republic"), an
    office before it left out ("President Putin's envoy": "Putin")."""
    start = at
    while (
        start > 0
        and phrase[start].text[:1].isupper()
        and phrase[start - 1].text[:1].isupper()
        and not POSSESSIVE.search(phrase[start - 1].text)
        and phrase[start - 1].text.lower() not in PERSON_TITLES
    ):
        start -= 1
    return " ".join(_plain(w.text) for w in phrase[start : at + 1])


def _after_determiners(words: Sequence[Token], i: int) -> int:
    while i < len(words) and words[i].tag in _DETERMINERS:
        i += 1
    return i


def _phrase_end(words: Sequence[Token], i: int) -> int:
    """Where the noun phrase starting at `i` ends: after its last modifier or noun. A
    possessive word goes on to the noun it possesses ("the Damascus government's
    delegation")."""
    n = len(words)
    while i < n and (words[i].tag in _MODIFIER_TAGS or _inside_phrase(words, i)):
        i += 1
    return i


def _inside_phrase(words: Sequence[Token], i: int) -> bool:
    """Is the verb form at `i` a modifier inside a noun phrase ("the Turkish negotiating
    team"): an -ing form after a modifier and before a noun?"""
    return (
        is_participle(words[i], ("ing",))
        and 0 < i < len(words) - 1
        and words[i - 1].tag in _MODIFIER_TAGS
        and words[i + 1].tag in _HEAD_TAGS
    )


def _plain(word: str) -> str:
    return POSSESSIVE.sub("", word)
