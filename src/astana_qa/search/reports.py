"""Answers to "What did Putin say?": the clause a sentence reports.

A question asking what someone said, suggested or urged (a verb of communication in
WordNet, whose object the question asks for) is answered by what the sentence reports
after such a verb and "that": "the Russian negotiator had responded by suggesting that
Russia, Türkiye and Iran could take turns hosting the meetings, although neither Ankara
nor Tehran floated such an idea" answers "What did the Russian negotiator suggest?"
with "Russia, Türkiye and Iran could take turns hosting the meetings". A noun phrase
near the question's words ("Tehran") is not what was said.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..text.entities import tokens
from ..text.lexicon import shipped_lexicon
from .slots import Slot

# A word and "that" after it: the verb that may report the clause after it.
_VERB_THAT = re.compile(r"\b([A-Za-z]+)\s+that\s+", re.IGNORECASE)
# Where a reported clause ends: a semicolon, a full stop or colon before a space or the
# end, or a comma before a word opening another clause ("…, although…", "…, which…").
_CLAUSE_END = re.compile(
    r"[;:.](?=[\s”\"’)]|$)|,\s+(?:although|though|while|whereas|but|which|who|as|after"
    r"|before|despite|because|since|saying|adding|noting|according)\b|\s[“\"(]",
    re.IGNORECASE,
)


# At most this many "<word> that" are tried in one sentence.
MAX_TRIED = 8
_NEGATION = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.IGNORECASE)
# A negation right before the verb: "never said that", "did not say that".
_NEGATED = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def asks_what_was_said(
    slot: tuple[Slot, str] | None, focus: str | None, question: str = ""
) -> bool:
    """Does the question ask for the object of a verb of communication ("What did the
    negotiator suggest?", "What did Putin say about the format?"), with no noun saying
    what kind of thing it wants ("What proposal did he make?" wants a proposal), and not
    for what was not said ("What did Putin not say?")?"""
    if slot is None or focus or _NEGATION.search(question):
        return False
    verb = slot[0]
    return not (verb.subject or verb.passive) and shipped_lexicon().is_communication_verb(verb.verb)


def reported_clause(
    text: str,
    verb: str,
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]] | None,
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the first clause reported after the question's `verb`
    or a verb of communication WordNet relates to it ("stated that" for "say", not
    "mentioned that" for "call for") and "that", up to the clause's end, that is not
    only the question's own words; None when the sentence reports none."""
    lexicon = shipped_lexicon()
    bases = set(lexicon.base_forms(verb))
    wanted = bases | {link.word for link in lexicon.links(verb, "v")}
    verbs: set[int] | None = None  # where the sentence's verbs start, tagged when needed
    # who said it: a question word other than the verb's, written before the verb
    speakers = {t for t in question_terms if t not in bases}
    for tried, found in enumerate(_VERB_THAT.finditer(text)):
        if tried >= MAX_TRIED:
            break  # a pathological sentence: each try re-reads the rest of it
        word = found.group(1)
        if wanted.isdisjoint(lexicon.base_forms(word)) or not lexicon.is_communication_verb(word):
            continue
        if verbs is None:
            verbs = {t.start for t in tokens(text) if t.tag == "VERB"}
        if found.start(1) not in verbs:
            continue  # "a program that allowed…": a noun and its relative clause
        if _NEGATED.search(text, 0, found.start(1)):
            continue  # "Putin never said that…": not what he said
        before = [t for *_, t in term_spans(text[: found.start(1)])] if term_spans else []
        if speakers and speakers.isdisjoint(before):
            continue  # "Officials said that Putin was ill": not what Putin said
        start = found.end()
        stop = _CLAUSE_END.search(text, start)
        end = stop.start() if stop else len(text)
        while end > start and text[end - 1] in " “\"‘'(":
            end -= 1
        if end <= start:
            continue
        terms = [t for *_, t in term_spans(text[start:end])] if term_spans else []
        if terms and all(t in question_terms for t in terms):
            continue  # only the question's words: what was said comes further on
        return start, end
    return None
