"""Answers to "How did X do Y?": the manner or means a sentence gives beside the verb.

A question asking how something is done ("How was scarcity managed?", "How are the
packets routed?", "How did users connect?") names a verb; the best sentence, where it
writes that verb, says how in the words right after it: a manner adverb ("routed
individually", "weighted inversely"), or a phrase of means or manner opened by a
preposition ("addressed by rationing", "connected via dial-up connections",
"implemented with or without forwarding nodes", "described as a covalent double bond").
Where no manner follows the verb, a manner adverb right before it answers ("chemically
bonded"). The means after "by", "via", "through", "using" or "as" is the answer without
the word ("as" only before a noun phrase: "as soon as they arrive" says when); "with",
"without" and "according to" stay, as what follows them alone does not say how. The
phrase ends where its clause does (a comma, a relative pronoun, a bracket, "and" before
a verb). A manner adverb is one made from an adjective by "-ly", not one saying when,
how often, how sure or how much ("eventually", "annually", "reportedly", "largely"). A
preposition the question itself writes after its verb ("negotiate with the countries")
opens the verb's object, not its manner; of several places the sentence writes the
verb, the one with most of the question's other words just before it is read ("circuit
switching is characterized by…, while packet switching may be characterized by…").
Where the best sentence does not write the question's verb, or writes nothing of manner
beside it, the whole sentence stays the answer, as before.

"How did X react?" (react, or a verb WordNet makes its synonym: "respond") asks what X
did in response: the predicate the best sentence writes after X ("the Russian
government welcomed the effort": welcomed the effort; `events.happened_clause`, with
the noun phrase after it), else (or when that is the verb itself) a manner beside the
verb ("reacted angrily").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..text.entities import Token, tokens
from ..text.lexical import NOT_MANNER_ADVERBS
from ..text.lexicon import shipped_lexicon
from .events import happened_clause
from .slots import Slot

# The verb whose WordNet synonyms ask what was done in response ("react", "respond").
_RESPONSE = "react"
# Prepositions opening a phrase of means, left out of the answer: what follows is the
# means itself ("by rationing": rationing).
_MEANS = frozenset({"by", "via", "through", "using", "as"})
# Prepositions opening a phrase of manner that are part of the answer ("with or without
# intermediate nodes", "according to a multiple access scheme").
_MANNER = frozenset({"with", "without", "according"})
_PREPOSITIONS = _MEANS | _MANNER
# Tags of the words of an object standing between the verb and its manner ("rate them
# higher", "routed the packets individually").
_OBJECT = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"})
# How many words may stand between the verb and its manner.
REACH = 5
# How many words before the verb are read for the question's other words.
SUBJECT_REACH = 6
# Where a phrase of manner ends: a comma, semicolon, colon or full stop (before a space,
# a closing quote or the end), an opening bracket or quote, or a word opening another
# clause.
_PHRASE_END = re.compile(
    r"[,;:.](?=[\s”\"’)]|$)|\s[“\"(]|\s(?:that|which|who|whom|whose|while|whereas|but"
    r"|because|although|though|since|until|unless|where|when|and|or)\b",
    re.IGNORECASE,
)
# After a comma, words followed by another comma or by "and"/"or": perhaps an item of a
# list (`_goes_on_a_list`).
_LIST_ITEM = re.compile(r"\s*((?:[^\W\d_][\w’'-]*\s+)*?[^\W\d_][\w’'-]*)\s*(?:,|\s(?:and|or)\s)")


def asks_how(slot: tuple[Slot, str] | None) -> bool:
    """Does the question ask how its verb is done ("How are packets routed?")?"""
    return slot is not None and slot[0].how


def how_answer(
    text: str,
    slot: tuple[Slot, str],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of what answers a question asking how (`asks_how`): what
    the doer did, for a verb of response, else the manner beside the verb (see the
    module's docstring); None when the sentence gives neither."""
    words = tokens(text)  # tagged once for every reading below
    if slot[0].doer and asks_response(slot[0].verb):
        done = happened_clause(text, slot[0].doer, term_spans, words)
        if done is not None and not _only_question_words(text, done, {slot[1]: 1.0}, term_spans):
            return done[0], _object_end(words, done[1])  # not "reacted": "reacted sharply"
    return manner_phrase(text, slot, question_terms, term_spans, words)


def asks_response(verb: str) -> bool:
    """Is `verb` "react" or a verb WordNet makes its synonym ("respond", "responded")?"""
    lexicon = shipped_lexicon()
    bases = {verb, *lexicon.base_forms(verb)}
    return _RESPONSE in bases or any(
        link.word == _RESPONSE and link.kind == "synonym"
        for base in bases
        for link in lexicon.links(base, "v")
    )


def manner_phrase(
    text: str,
    slot: tuple[Slot, str],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    words: Sequence[Token] | None = None,
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the manner or means it gives beside the question's
    verb (`slot`: the verb, its analysed term and its own preposition), not made only of
    the question's words (see the module's docstring); None when it gives none. `words`
    are `text`'s tagged words, when the caller has them."""
    verb, verb_term = slot
    spans = term_spans(text)
    at = {start for start, _, term in spans if term == verb_term}
    if not at:
        return None
    words = tokens(text) if words is None else words
    terms_at = {start: term for start, _, term in spans}
    others = set(question_terms) - {verb_term}

    def subject_words(i: int) -> int:
        before = words[max(0, i - SUBJECT_REACH) : i]
        return len({terms_at[w.start] for w in before if terms_at.get(w.start) in others})

    places = [i for i, word in enumerate(words) if word.start in at]
    places.sort(key=lambda i: -subject_words(i))  # stable: equal counts keep their order
    for find in (_after, _adverb_before):
        for i in places:
            found = find(text, words, i, verb.prepositions)
            if found is not None and not _only_question_words(text, found, question_terms,
                                                               term_spans):  # fmt: skip
                return found
    return None


def _after(
    text: str, words: Sequence[Token], verb: int, own: tuple[str, ...]
) -> tuple[int, int] | None:
    """The manner written within `REACH` words after the verb at word `verb`: an object
    may stand between them, and an adverb before a phrase of means is the phrase's
    ("kill cells directly by disrupting their membrane")."""
    for k in range(verb + 1, min(len(words), verb + REACH + 1)):
        word, lower = words[k], words[k].text.lower()
        if (lower in _MEANS or lower in _MANNER) and lower not in own:
            if lower in _MEANS:
                if k + 1 >= len(words):
                    return None
                start = words[k + 1].start
            else:
                start = word.start
            end = _phrase_end(text, start, words)
            if lower == "as" and _opens_a_clause(words[k + 1 :], end):
                return None  # "as soon as they arrive", "as Russia withdrew": a clause
            return (start, end) if end > start else None
        if word.tag == "ADV":
            following = words[k + 1].text.lower() if k + 1 < len(words) else ""
            if _is_manner_adverb(lower) and following not in _PREPOSITIONS:
                return word.start, word.end
            continue  # "directly by": the phrase says how; "eventually": no manner
        if word.tag not in _OBJECT and not (k == verb + 1 and word.tag in ("ADP", "PART")):
            return None  # another phrase or clause opens: no manner beside the verb
    return None


def _opens_a_clause(after: Sequence[Token], end: int) -> bool:
    """Does "as", followed by the words `after` up to `end`, open a clause ("as soon as
    they arrive", "as Russia withdrew its delegation") rather than a noun, adjective or
    "-ing" phrase ("as a link formed by shared electrons", "as highly reactive", "as
    pertaining to a citizen's relation")? "As … as", or a pronoun or name followed by a
    verb."""
    inside = [w for w in after if w.start < end]
    if len(inside) < 2:
        return False
    first, second = inside[0], inside[1]
    return (first.tag == "ADV" and second.text.lower() == "as") or (
        first.tag in ("PRON", "PROPN") and second.tag in ("VERB", "AUX")
    )


def _object_end(words: Sequence[Token], end: int) -> int:
    """Where the noun phrase right after `end` ends (the object of a verb ending there:
    "opened the gates"), or `end` when none follows; `words` are the sentence's."""
    last = end
    for word in (word for word in words if word.start >= end):
        if word.tag not in _OBJECT or word.tag == "PRON":
            break
        last = word.end
    return last


def _adverb_before(
    text: str, words: Sequence[Token], verb: int, own: tuple[str, ...]
) -> tuple[int, int] | None:
    """A manner adverb right before the verb at word `verb` ("chemically bonded")."""
    if (
        verb > 0
        and words[verb - 1].tag == "ADV"
        and _is_manner_adverb(words[verb - 1].text.lower())
    ):
        return words[verb - 1].start, words[verb - 1].end
    return None


def _is_manner_adverb(word: str) -> bool:
    """An adverb of manner is mostly one made from an adjective by "-ly" ("individually",
    "inversely"); "only", "early" and those of `NOT_MANNER_ADVERBS` are no such adverbs."""
    return word.endswith("ly") and len(word) > 5 and word not in NOT_MANNER_ADVERBS


def _phrase_end(text: str, start: int, words: Sequence[Token]) -> int:
    """Where the phrase opening at `start` ends (`_PHRASE_END`), trailing spaces left out;
    "that" after a verb opens its object, not another clause ("by suggesting that the
    three could take turns"), a comma goes on with a list of names ("that Russia,
    Türkiye and Iran could take turns"; not "rationing, Churchill said"), and "and" or
    "or" ends it only before a verb ("using paper ballots and was monitored")."""
    verbs = {word.end for word in words if word.tag == "VERB"}
    verb_starts = {
        word.start
        for word in words
        if word.tag == "AUX" or (word.tag == "VERB" and not word.text.endswith("ing"))
    }
    end = len(text)
    for stop in _PHRASE_END.finditer(text, start):
        mark = stop.group().strip().lower()
        if mark == "that" and stop.start() in verbs:
            continue
        if mark == "," and _goes_on_a_list(text, stop.end()):
            continue
        if mark in ("and", "or") and _next_word_start(text, stop.end()) not in verb_starts:
            continue  # "paper and ink ballots", "heating and cooling" (an "-ing" form)
        end = stop.start()
        break
    while end > start and text[end - 1] in " “\"‘'(":
        end -= 1
    return end


def _goes_on_a_list(text: str, at: int) -> bool:
    """Does a list of names go on after the comma ending at `at`: a name, each word
    capitalised, followed by another comma or by "and"/"or" ("Russia, Österreich and
    Iran"; not "rationing, Churchill said")?"""
    item = _LIST_ITEM.match(text, at)
    return item is not None and all(word[:1].isupper() for word in item.group(1).split())


def _next_word_start(text: str, at: int) -> int:
    """Where the first word at or after `at` starts."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _only_question_words(
    text: str,
    span: tuple[int, int],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
) -> bool:
    """Is the phrase at `span` made only of the question's own words?"""
    terms = [term for *_, term in term_spans(text[span[0] : span[1]])]
    return not terms or all(term in question_terms for term in terms)
