"""Answers to "What is X?": the sentence that defines X, and what it says X is.

People ask what a thing is more than anything else ("what is packet switching", "What
was Tymnet?"), and the articles answer in one form: X as the subject of "is", "are",
"was" or "were", followed by a noun phrase. "The immune system is a system of many
biological structures and processes within an organism that protects against disease"
defines the immune system; "In many species, the immune system can be classified into
subsystems" does not, however many of the question's words it repeats. So among the
sentences found for such a question, those defining X come first (`QAEngine`), and the
answer is the noun phrase after the verb, up to the first comma, semicolon or colon
("European Union law is a body of treaties and legislation, such as Regulations…": "a
body of treaties and legislation").

X is a noun phrase and nothing more: "What is the second most abundant element?" (a
superlative), "What is Warsaw's symbol?" (whose) and "What is a common occurrence during
summer days?" (a preposition) ask for a thing X only describes. "Who was X?" asks for a
definition only of a name ("Who was Frédéric Chopin?", not "Who was the game's top
receiver?"). A parenthesis and an aside between commas may stand between X and the verb
("Warsaw (Polish: Warszawa) is…", "Tymnet, a spin-off, was…").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.entities import Token, tokens

_ASKS = re.compile(
    r"^\s*(?P<wh>what|who)\s+(?:is|are|was|were)\s+(?P<subject>[^?.!]+?)[\s?.!]*$", re.IGNORECASE
)
# The words of a noun phrase X may be made of (the determiner only first).
_SUBJECT_TAGS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "X"})
# Words that make a noun phrase a superlative or a rank: "the most abundant element".
_RANKING = frozenset({"most", "least", "first", "last", "second", "third", "best", "worst"})
# The verbs of a definition, and the longest subject phrase read before one (in words).
_COPULA = frozenset({"is", "are", "was", "were"})
MAX_SUBJECT_WORDS = 8
# A bracketed aside, innermost first ("(Polish: Warszawa [varˈʂava] ( listen))").
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Where the defining noun phrase ends.
_PHRASE_ENDS = frozenset({",", ";", ":"})
# Determiners a defining noun phrase opens with.
_OPENERS = frozenset({"a", "an", "the", "one"})
# Tags a noun phrase goes on with after its adjective or number.
_NOUN_PHRASE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})


def defined_subject(question: str) -> str | None:
    """The X of "What is X?" when X is a noun phrase and nothing more (see the module's
    docstring), or None."""
    asked = _ASKS.match(question)
    if asked is None:
        return None
    subject = asked.group("subject").strip()
    words = [w for w in tokens(subject) if w.text[:1].isalnum()]
    if not words or len(words) > MAX_SUBJECT_WORDS or "'" in subject or "’" in subject:
        return None
    if asked.group("wh").lower() == "who":  # a definition only of a name
        return subject if all(w.tag == "PROPN" for w in words) else None
    body = words[1:] if words[0].tag == "DET" else words
    if not body or not all(w.tag in _SUBJECT_TAGS or _is_gerund(w) for w in body):
        return None
    if any(w.text.lower() in _RANKING or _is_superlative(w) for w in body):
        return None
    return subject


def _is_gerund(word: Token) -> bool:
    """A verb's -ing form, which names an activity ("packet switching")."""
    return word.tag == "VERB" and word.text.lower().endswith("ing")


def _is_superlative(word: Token) -> bool:
    return word.tag == "ADJ" and len(word.text) > 5 and word.text.lower().endswith("est")


def definition(
    text: str, subject: str, term_spans: Callable[[str], list[tuple[int, int, str]]]
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the noun phrase that defines `subject` there ("X is a
    …"), or None when the sentence does not define it: its words before the first
    "is/are/was/were" (asides left out) must be the subject's own, no more and no
    fewer, and a noun phrase must follow the verb."""
    wanted = {term for *_, term in term_spans(subject)}
    if not wanted:
        return None
    plain = _unbracketed(text)
    words = [w for w in tokens(plain) if w.text.strip()]
    verb = next((i for i, w in enumerate(words[: MAX_SUBJECT_WORDS + 6])
                 if w.text.lower() in _COPULA), None)  # fmt: skip
    if verb is None or verb == 0:
        return None
    head = plain[: words[verb].start]
    commas = [i for i, c in enumerate(head) if c == ","]
    if len(commas) >= 2:  # "Tymnet, a spin-off of Tymshare, was…": the aside left out
        head = head[: commas[0]] + head[commas[-1] + 1 :]
    if {term for *_, term in term_spans(head)} != wanted:
        return None
    first = verb + 1
    if first >= len(words) or not _opens_noun_phrase(words, first):
        return None
    last = first
    while last + 1 < len(words) and words[last + 1].text not in _PHRASE_ENDS:
        last += 1
    if words[last].text in (".", "!", "?") and last > first:
        last -= 1
    return words[first].start, words[last].end


def _opens_noun_phrase(words: list[Token], at: int) -> bool:
    """Does a noun phrase open at word `at` ("a body of…", "the process…", "pairs…")?"""
    word = words[at]
    if word.text.lower() in _OPENERS or word.tag in ("NOUN", "PROPN"):
        return True
    after = words[at + 1] if at + 1 < len(words) else None
    return (
        word.tag in ("ADJ", "NUM") and after is not None and after.tag in ("NOUN", "PROPN", "ADJ")
    )


def _unbracketed(text: str) -> str:
    """`text` with its bracketed asides blanked out (same length: offsets stay `text`'s)."""
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(lambda m: " " * len(m.group()), text)
    return text
