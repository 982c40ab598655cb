"""Answers to "What is X?": the sentence that defines X, and what it says X is.

People ask what a thing is more than anything else ("what is packet switching", "What
was Tymnet?", "define civil disobedience"), and the articles answer in one form: X as
the subject of "is", "are", "was" or "were", followed by a noun phrase. "The immune
system is a system of many biological structures and processes within an organism that
protects against disease" defines the immune system; "In many species, the immune system
can be classified into subsystems" does not, however many of the question's words it
repeats. So among the sentences found for such a question, those defining X come first
(`QAEngine`), and the answer is the noun phrase after the verb, up to the first comma,
semicolon or colon that does not go on with a list ("European Union law is a body of
treaties and legislation, such as Regulations…": "a body of treaties and legislation";
"The guarantors are Russia, Turkey and Iran": all three).

X is a noun phrase and nothing more: "What is the second most abundant element?" (a
superlative), "What is Warsaw's symbol?" (whose) and "What is a common occurrence during
summer days?" (a preposition) ask for a thing X only describes. "Who was X?" asks for a
definition only of a name ("Who was Frédéric Chopin?", not "Who was the game's top
receiver?" nor "Who is UN Secretary General?"), and its office defines it too
(`offices.py`). A parenthesis and an aside between commas may stand between X and the
verb ("Warsaw (Polish: Warszawa) is…", "Tymnet, a spin-off, was…", "The Committee,
which was formed in 2019, is…"). X may also follow "that" after a verb that reports what
is so ("Zakharova pointed out that the Astana format is…"), not one that doubts or denies it
("Critics claim that…", "denied that", "does not believe that"); such a sentence defines
X less surely than one that opens with it. A condition ("If the process is a failure…")
or a question's clause ("What the SNC is a party to…") defines nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text.entities import Span, Token, tokens
from ..text.lexical import PERSON_TITLES
from .answer_types import is_superlative
from .offices import office
from .phrases import opens_noun_phrase, phrase_from

# The ways people ask what X is: "What is X?", "what does X mean", "define X", "X
# definition"; and who a person is: "Who is X?", "X role".
_SUBJECT = r"(?P<subject>[^?!]+?)"
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
# A possessive ("Warsaw's symbol", "the members' votes"): X is then whose, not what.
_POSSESSIVE = re.compile(r"\w['’]s?\b(?!\w)|s['’](?:\s|$)")
# The words of a noun phrase X may be made of (the determiner only first).
_SUBJECT_TAGS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "X"})
# Words that make a noun phrase a superlative or a rank: "the most abundant element".
_RANKING = frozenset({"most", "least", "first", "last", "second", "third", "best", "worst"})
# The verbs of a definition.
_COPULA = frozenset({"is", "are", "was", "were"})
# The longest subject phrase, and how many words are read before the verb of a
# definition (a subject, an aside, and "… said that" before it).
MAX_SUBJECT_WORDS = 8
MAX_HEAD_WORDS = 20
# A bracketed aside, innermost first ("(Polish: Warszawa [varˈʂava] ( listen))").
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words opening a relative clause: the verb after them is not X's ("X, which was…").
_RELATIVES = frozenset({"which", "who", "whose", "that"})
# Verbs whose "that" clause is doubted, not reported as so ("denied that", "claim that").
_DOUBTING = re.compile(r"^(?:den|claim|doubt|disput|reject|question|allege)", re.IGNORECASE)
# Words that deny what a "that" clause says ("does not believe that", "Nobody thinks that").
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"})
# Words opening a clause that is no statement of what X is ("What the SNC is a party to").
_CLAUSE_OPENERS = frozenset({"what", "whether", "how", "why", "when", "where", "if"})
# How surely a sentence defines X: it opens with X, or X follows a reporting "that".
OPENS, REPORTED = 2, 1


@dataclass(frozen=True)
class Defined:
    """What a question asks to define: `subject`, and whether it asks who a person is
    (then an office defines the name too: "Who is Geir Pedersen?")."""

    subject: str
    person: bool = False


def defined_subject(question: str) -> Defined | None:
    """What "What is X?" or "Who is X?" asks to define, when X is a noun phrase and
    nothing more, and for "who", a name, its titles left out ("Who is President Putin?":
    Putin; see the module's docstring); else None."""
    for person, patterns in ((True, _ASKS_WHO), (False, _ASKS_WHAT)):
        for pattern in patterns:
            asked = pattern.match(question)
            if asked is None:
                continue
            subject = asked.group("subject").strip()
            words = _words(subject)
            if words and person:
                titled = next((w for w in words if w.text.lower() not in PERSON_TITLES), None)
                if titled is not None and titled is not words[0]:  # "President Putin"
                    subject, words = subject[titled.start :], words[words.index(titled) :]
            if words and (_is_name(words) if person else _is_noun_phrase(words)):
                return Defined(subject, person)
    return None


def _words(subject: str) -> list[Token] | None:
    """The words of a subject phrase, or None when it is too long or says whose."""
    words = [w for w in tokens(subject) if w.text[:1].isalnum()]
    if not words or len(words) > MAX_SUBJECT_WORDS or _POSSESSIVE.search(subject):
        return None
    return words


def _is_name(words: list[Token]) -> bool:
    """Are `words` a person's name: each a proper noun or capitalised ("al-Assad"), and
    none a title ("UN Secretary General", "President")?"""
    return all(
        (w.tag == "PROPN" or any(c.isupper() for c in w.text))
        and w.text.lower() not in PERSON_TITLES
        for w in words
    )


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
    return word.tag == "ADJ" and is_superlative(word.text.lower())


def definition(
    text: str,
    defined: Defined,
    term_spans: Callable[[str], Sequence[tuple[int, int, str]]],
    names: Sequence[Span] = (),
) -> tuple[int, int, int] | None:
    """`(start, end, sureness)` in `text` of the noun phrase that defines what `defined`
    asks about, or None when the sentence does not define it (see the module's
    docstring); `sureness` is `OPENS` or `REPORTED`. For a person, the office written
    with the name defines it too (`offices.office`, reading `names`: the names the
    sentence mentions, as `spans.find_spans` finds them), as surely as `OPENS`."""
    wanted = [term for *_, term in term_spans(defined.subject)]
    if not wanted:
        return None
    found = _by_verb(text, set(wanted), term_spans)
    if found is None and defined.person:
        held = office(text, wanted, term_spans, names)
        found = (*held, OPENS) if held else None
    return found


def _by_verb(
    text: str, wanted: set[str], term_spans: Callable[[str], Sequence[tuple[int, int, str]]]
) -> tuple[int, int, int] | None:
    """ "X is a …": the noun phrase after the first verb of a definition whose subject
    is X (`definition`)."""
    plain = _unbracketed(text)
    words = [w for w in tokens(plain) if w.text.strip()]
    for verb in range(1, min(len(words), MAX_HEAD_WORDS + 1)):
        if words[verb].text.lower() not in _COPULA:
            continue
        head, sureness = _subject_before(plain, words, verb)
        if head is None:
            continue
        if {term for *_, term in term_spans(head)} != wanted:
            return None  # the first verb of a definition is another subject's
        first = verb + 1
        if first >= len(words) or not opens_noun_phrase(words, first):
            return None
        return (*phrase_from(words, first), sureness)
    return None


def _subject_before(plain: str, words: list[Token], verb: int) -> tuple[str | None, int]:
    """The text of the subject of the verb at word `verb`, asides left out, and how
    surely it is the sentence's own (`OPENS`, `REPORTED`); None when the verb is inside
    an aside or a condition's, or follows a doubted "that"."""
    head = plain[: words[verb].start]
    commas = [i for i, w in enumerate(words[:verb]) if w.text == ","]
    if commas and words[commas[-1] + 1].text.lower() in _RELATIVES:
        return None, 0  # "The Committee, which was formed …": the aside's own verb
    if len(commas) >= 2:  # "Tymnet, a spin-off of Tymshare, was…": the aside left out
        start, end = words[commas[0]].start, words[commas[-1]].end
        head = head[:start] + head[end:]
    sureness = OPENS
    that = next((i for i in range(verb - 1, 0, -1) if words[i].text.lower() == "that"), None)
    if that is not None:
        reporting = [w for w in words[max(0, that - 2) : that] if w.tag == "VERB"]
        if not reporting or any(_DOUBTING.match(w.text) for w in reporting):
            return None, 0  # "The deal that X is a part of", "Critics claim that X is…"
        if any(w.text.lower() in _NEGATIONS for w in words[:that]):
            return None, 0  # "The opposition does not believe that X is…"
        head, sureness = plain[words[that].end : words[verb].start], REPORTED
    opener = next((w for w in words[:verb] if w.text[:1].isalnum()), None)
    if opener is not None and (opener.tag == "SCONJ" or opener.text.lower() in _CLAUSE_OPENERS):
        return None, 0  # "If the process is a failure, …", "What the SNC is a party to…"
    return head, sureness


def _unbracketed(text: str) -> str:
    """`text` with its bracketed asides blanked out (same length: offsets stay `text`'s)."""
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(lambda m: " " * len(m.group()), text)
    return text
