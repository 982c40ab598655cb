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
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.entities import Token, is_participle
from ..text.months import MONTHS
from .answer_types import POSSESSIVE

# Tags of the words of a noun phrase before its head: "the Turkish negotiating team".
_MODIFIER_TAGS = frozenset({"PROPN", "ADJ", "NOUN", "NUM"})
_HEAD_TAGS = frozenset({"NOUN", "PROPN"})
_DETERMINERS = frozenset({"DET"})
_OWNER_TAGS = frozenset({"PROPN", "ADJ", "NOUN"})


def owner_words(words: Sequence[Token], focus: str | None = None) -> tuple[str, ...]:
    """The words of `words` (a question, tagged) that say whose the thing asked about
    is, possessive endings removed, in order. The thing asked about is the question's
    first noun phrase that ends in a noun and follows no preposition ("the Turkish team"
    in "Who fronted the Turkish team at the January session?"; the focus of "Which
    Damascus diplomat led…?"), with the phrase after an "of" that follows it. A phrase
    holding the question's `focus` noun ends at it: a key-word search runs its nouns
    together ("iran delegate january talks": the delegate is Iran's)."""
    found: list[str] = []
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
        if end < n and words[end].text.lower() == "of":  # "the envoy of the Assad regime"
            start = _after_determiners(words, end + 1)
            phrase = words[start : _phrase_end(words, start)]
            if phrase and phrase[-1].tag in _HEAD_TAGS:  # as one name: "the United States"
                found.append(" ".join(_plain(w.text) for w in phrase))
        else:
            found += _possessor(phrase)
        break
    return tuple(w for w in dict.fromkeys(found) if w)


def _possessor(phrase: Sequence[Token]) -> list[str]:
    """Whose the head of `phrase` is: its words marked possessive ("Moscow's envoy"), or
    else its last name, noun or adjective before the head ("the Syrian regime
    delegation": the regime's; "the Turkish negotiating team": Turkish)."""
    marked = [_plain(w.text) for w in phrase if POSSESSIVE.search(w.text)]
    if marked:
        return marked[-1:]
    before = [w.text for w in phrase[:-1] if w.tag in _OWNER_TAGS and w.text.lower() not in MONTHS]
    return before[-1:]


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
