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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text.entities import Token, tokens
from ..text.tagger import wordnet_classes
from .answer_types import noun_class

# The ways people ask what X is: "What is X?", "what does X mean", "define X", "X
# definition"; and who a person is: "Who is X?", "X role".
_SUBJECT = r"(?P<subject>[^?.!]+?)"
_END = r"[\s?.!]*$"
_ASKS_WHAT = [
    re.compile(pattern + _END, re.IGNORECASE)
    for pattern in (
        r"^\s*what\s+(?:is|are|was|were)\s+" + _SUBJECT,
        r"^\s*what\s+(?:does|do|did)\s+" + _SUBJECT + r"\s+mean",
        r"^\s*what\s+is\s+meant\s+by\s+" + _SUBJECT,
        r"^\s*(?:define|definition\s+of|meaning\s+of)\s+" + _SUBJECT,
        r"^\s*" + _SUBJECT + r"\s+(?:definition|meaning)",
    )
]
_ASKS_WHO = [
    re.compile(pattern + _END, re.IGNORECASE)
    for pattern in (
        r"^\s*who\s+(?:is|are|was|were)\s+" + _SUBJECT,
        r"^\s*" + _SUBJECT + r"\s+(?:role|position|title|job|office)",
    )
]
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
# Lower-case words inside an office's name ("Minister of Foreign Affairs and Expatriates").
_TITLE_CONNECTORS = frozenset({"of", "to", "for", "and", "on"})
# Tags a noun phrase goes on with after its adjective or number.
_NOUN_PHRASE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True)
class Defined:
    """What a question asks to define: `subject`, and whether it asks who a person is
    (then an office defines the name too: "Who is Geir Pedersen?")."""

    subject: str
    person: bool = False


def defined_subject(question: str) -> Defined | None:
    """What "What is X?" or "Who is X?" asks to define, when X is a noun phrase and
    nothing more, and for "who", a name (see the module's docstring); else None."""
    for pattern in _ASKS_WHO:
        asked = pattern.match(question)
        words = _words(asked.group("subject")) if asked else None
        if words and all(w.tag == "PROPN" for w in words):
            return Defined(asked.group("subject").strip(), person=True)
    for pattern in _ASKS_WHAT:
        asked = pattern.match(question)
        words = _words(asked.group("subject")) if asked else None
        if words and _is_noun_phrase(words):
            return Defined(asked.group("subject").strip())
    return None


def _words(subject: str) -> list[Token] | None:
    """The words of a subject phrase, or None when it is too long or says whose."""
    words = [w for w in tokens(subject) if w.text[:1].isalnum()]
    if not words or len(words) > MAX_SUBJECT_WORDS or "'" in subject or "’" in subject:
        return None
    return words


def _is_noun_phrase(words: list[Token]) -> bool:
    """Are `words` a noun phrase and nothing more: no preposition, verb (but an -ing
    form), superlative or rank?"""
    body = words[1:] if words[0].tag == "DET" else words
    if not body or not all(w.tag in _SUBJECT_TAGS or _is_gerund(w) for w in body):
        return False
    return not any(w.text.lower() in _RANKING or _is_superlative(w) for w in body)


def _is_gerund(word: Token) -> bool:
    """A verb's -ing form, which names an activity ("packet switching")."""
    return word.tag == "VERB" and word.text.lower().endswith("ing")


def _is_superlative(word: Token) -> bool:
    return word.tag == "ADJ" and len(word.text) > 5 and word.text.lower().endswith("est")


def definition(
    text: str,
    subject: str,
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    persons: Sequence[tuple[int, int]] | None = None,
) -> tuple[int, int] | None:
    """`(start, end)` in `text` of the noun phrase that defines `subject` there ("X is a
    …"), or None when the sentence does not define it: its words before the first
    "is/are/was/were" (asides left out, and what comes before "that") must be the
    subject's own, no more and no fewer, and a noun phrase must follow the verb. A name
    is also defined by the office written before it ("Deputy Foreign Minister Ahmet
    Yıldız") or by a noun phrase between commas after it ("Ahmet Toma, head of the
    coalition,") when the question asks who the subject is: then `persons` are where
    `text` names people (`(start, end)`), so that the office ends before the whole name
    ("Special Envoy to Syria Alexander Lavrentiev", asked about Lavrentiev); None when
    it asks what the subject is."""
    wanted = [term for *_, term in term_spans(subject)]
    if not wanted:
        return None
    found = _by_verb(text, set(wanted), term_spans)
    if found is None and persons is not None:
        found = _office(text, wanted, term_spans, persons)
    return found


def _by_verb(
    text: str, wanted: set[str], term_spans: Callable[[str], list[tuple[int, int, str]]]
) -> tuple[int, int] | None:
    """ "X is a …": the noun phrase after the verb (`definition`)."""
    plain = _unbracketed(text)
    words = [w for w in tokens(plain) if w.text.strip()]
    verb = next((i for i, w in enumerate(words[: MAX_SUBJECT_WORDS + 12])
                 if w.text.lower() in _COPULA), None)  # fmt: skip
    if verb is None or verb == 0:
        return None
    head = plain[: words[verb].start]
    that = head.lower().rfind(" that ")
    if that >= 0:  # "Zakharova said that the Astana format is …"
        head = head[that + len(" that ") :]
    commas = [i for i, c in enumerate(head) if c == ","]
    if len(commas) >= 2:  # "Tymnet, a spin-off of Tymshare, was…": the aside left out
        head = head[: commas[0]] + head[commas[-1] + 1 :]
    if {term for *_, term in term_spans(head)} != wanted:
        return None
    first = verb + 1
    if first >= len(words) or not _opens_noun_phrase(words, first):
        return None
    return _phrase_from(words, first)


def _phrase_from(words: list[Token], first: int) -> tuple[int, int]:
    """The span of words from `first` up to the first comma, semicolon or colon, or to
    the end of the sentence without its final mark."""
    last = first
    while last + 1 < len(words) and words[last + 1].text not in _PHRASE_ENDS:
        last += 1
    if words[last].text in (".", "!", "?") and last > first:
        last -= 1
    return words[first].start, words[last].end


def _office(
    text: str,
    wanted: list[str],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    persons: Sequence[tuple[int, int]],
) -> tuple[int, int] | None:
    """The office of the name whose terms are `wanted`, written right before it or
    between commas right after it; it must name a kind of person ("minister", "envoy",
    "head")."""
    spans = term_spans(text)
    at = next((i for i in range(len(spans) - len(wanted) + 1)
               if [t for *_, t in spans[i : i + len(wanted)]] == wanted), None)  # fmt: skip
    if at is None:
        return None
    start, end = spans[at][0], spans[at + len(wanted) - 1][1]
    start = min([a for a, b in persons if a <= start and end <= b], default=start)
    words = [w for w in tokens(text) if w.text.strip()]
    first = next((i for i, w in enumerate(words) if w.start == start), None)
    last = next((i for i, w in enumerate(words) if w.end == end), None)
    if first is None or last is None:
        return None
    after = last + 2
    if after < len(words) and words[last + 1].text == "," and _opens_apposition(words, after):
        phrase = _phrase_from(words, after)
        if _names_a_role(words, after, phrase[1]):
            return phrase
    return _title_before(words, first)


def _opens_apposition(words: list[Token], at: int) -> bool:
    """Does a noun phrase describing the name before it open at word `at` ("a member
    of…", "head of…"), not another name ("Iran by Ali Asghar Khaji")?"""
    word = words[at]
    return _opens_noun_phrase(words, at) and (not word.text[:1].isupper() or _is_role(word))


def _title_before(words: list[Token], name: int) -> tuple[int, int] | None:
    """The office right before word `name` ("Special Envoy to Syria", "Russian Foreign
    Ministry spokeswoman", "Deputy Minister of Foreign Affairs and Expatriates,"): back to
    the nearest word that is neither capitalised, nor a connector, nor a lower-case noun
    or adjective; after an "and" following a name, only the office after it ("Foreign
    Minister Lavrov and Iranian Foreign Minister …"). It must name a role."""
    end = name - 1
    if end >= 0 and words[end].text == ",":
        end -= 1
    first = end + 1
    while first - 1 >= 0 and _in_a_title(words[first - 1]):
        first -= 1
    while first <= end and (words[first].text in _TITLE_CONNECTORS or words[first].tag == "DET"):
        first += 1
    if first > end:
        return None
    for i in range(end - 1, first, -1):
        if words[i].text == "and" and not wordnet_classes(words[i - 1].text.lower()):
            first = i + 1  # the word before "and" is a name: another person's office
            break
    if not _names_a_role(words, first, words[end].end):
        return None
    return words[first].start, words[end].end


def _in_a_title(word: Token) -> bool:
    """Can `word` be part of an office's name?"""
    if word.text in _TITLE_CONNECTORS:
        return True
    if word.text[:1].isupper():
        return word.tag in ("PROPN", "NOUN", "ADJ")
    return word.tag in ("NOUN", "ADJ")


def _is_role(word: Token) -> bool:
    """Is `word` a common noun for a kind of person ("minister", "Envoy"), not a name
    WordNet files as a person ("Ali")?"""
    lower = word.text.lower()
    return noun_class(lower) == "person" and "NOUN" in wordnet_classes(lower)


def _names_a_role(words: list[Token], first: int, end: int) -> bool:
    """Does a word from `first` on, ending by offset `end`, name a role?"""
    return any(_is_role(w) for w in words[first:] if w.end <= end)


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
