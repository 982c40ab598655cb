"""Answers to "why": the clause of reason a sentence gives.

"Why did Kazakhstan want to end the talks?" is answered by what follows a word of reason
in the best sentence ("…, saying its goal had been achieved"): "its goal had been
achieved", without the word itself. A question asking for a reason by a noun ("What
rationale did they give…?") is read the same way. A question asking why someone said,
argued or claimed something ("Why did Kazakhstan say the process had served its
purpose?") is not answered by what the sentence says they said when that restates the
question's claim ("saying its goal had been achieved": a word of it, or one WordNet
links to one of its words, "goal" to "purpose") but by the reason given for it
("considering Syria's return into the Arab League"); what they said answers when it
says something else ("Why did he argue the talks should end?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..text.entities import tokens
from ..text.lexicon import shipped_lexicon
from ..text.months import MONTHS
from .answer_types import REASON_NOUNS

# Words that open a clause of reason or purpose; the answer to "why" is the clause after
# one. News also writes a reason given by someone after "saying", "arguing", "citing",
# "considering", which are read only where no word of the first kind opens one ("The
# committee, which is considering a new law, postponed the vote because two members
# were ill": the reason follows "because").
_REASON = re.compile(r"\b(?:because(?: of)?|since|due to|in order to|so that|as a result of"
                     r"|in response to|owing to|thanks to)\b\s*", re.IGNORECASE)  # fmt: skip
_REPORTED_REASON = re.compile(r"\b(?:saying(?: that)?|arguing(?: that)?|citing|considering)"
                              r"\b\s*", re.IGNORECASE)  # fmt: skip
# Where a clause of reason ends: a comma, semicolon or full stop (before a space, a
# closing quote or the end), or an opening quote or bracket.
_CLAUSE_END = re.compile(r"[,;.](?=[\s”\"’)]|$)|\s[“\"(]")
# "since" before a time is not a reason: "hosted the meetings since the start of the
# process", "since 2017", "since January".
_SINCE_A_TIME = re.compile(
    r"since\s+(?:(?:the|its|their|his|her)\s+)?(?:start|beginning|outset|launch|inception"
    r"|founding|creation|end|then|early|late|mid|last|first|\d|" + "|".join(MONTHS) + r")",
    re.IGNORECASE,
)


# Words reporting what was said, not why ("saying its goal had been achieved").
_SAYING = frozenset({"saying", "arguing"})
_WORD = re.compile(r"[^\W\d_]+")
# The tagger's tags of the words a claim is made of, as WordNet's parts of speech.
_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a"}
# The tags of a noun phrase's words ("the talks").
_NOUN_PHRASE = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
# Verbs that may be auxiliaries, which say nothing of a claim ("had run").
_AUXILIARY_BASES = frozenset({"be", "have", "do"})


def claimed_words(question: str) -> frozenset[str]:
    """When the question asks why someone said, argued or claimed something (it holds a
    verb of communication in WordNet: "Why did Kazakhstan say the process had served its
    purpose?"), the base forms of the nouns, verbs and adjectives of what the claim says
    of its subject (after the claim's first verb: "served its purpose"; with no verb,
    after its first noun phrase: "a failure" of "call the talks a failure"), and the words
    WordNet links to them as the question uses them ("goal" for the noun "purpose"; not
    for the verb "end"), lower case; else none. The claim's subject ("the process") is
    not what tells a restatement: the sentence may say other things of it."""
    lexicon = shipped_lexicon()
    words = tokens(question)
    saying = next((i for i, w in enumerate(words)
                   if w.tag == "VERB" and lexicon.is_communication_verb(w.text.lower())),
                  None)  # fmt: skip
    if saying is None:
        return frozenset()
    claim = words[saying + 1 :]
    said_of = next((i for i, w in enumerate(claim) if w.tag in ("VERB", "AUX")), None)
    if said_of is None:  # "call the talks a failure": what follows the first noun phrase
        said_of = 0
        while said_of < len(claim) and claim[said_of].tag in _NOUN_PHRASE:
            said_of += 1
    claimed: set[str] = set()
    for i in range(said_of, len(claim)):
        word = claim[i]
        pos = _POS.get(word.tag)
        lower = word.text.lower()
        bases = {lower, *lexicon.base_forms(lower)}
        if pos is None or _AUXILIARY_BASES & bases:
            continue  # "had served": the claim is "served"
        if i > 0 and claim[i - 1].tag == "AUX" and pos == "n":
            pos = "v"  # "should end": the tagger may read a verb after a modal as a noun
        claimed.update(bases)
        claimed.update(link.word for base in bases for link in lexicon.links(base, pos))
    return frozenset(claimed)


def asks_why(question: str, focus: str | None) -> bool:
    """Does the question ask for a reason: "why", or a noun of reasons as its focus?"""
    return question.lower().lstrip().startswith("why") or focus in REASON_NOUNS


def reason_clause(
    text: str,
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]] | None,
    claimed: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """`(start, end)` of the first clause of reason in `text` (after a `_REASON` word, up
    to the clause's end or the next such word; else after a `_REPORTED_REASON` word, not
    a word of saying whose clause restates the question's claim: `claimed_words`) that
    is not only the question's own words:
    for "Why did Kazakhstan say the goal had been achieved?", not "its goal had been
    achieved" of "saying its goal had been achieved, considering Syria's return into the
    Arab League" but "Syria's return into the Arab League"."""
    for pattern in (_REASON, _REPORTED_REASON):
        found = _first_clause(text, pattern, question_terms, term_spans, claimed)
        if found is not None:
            return found
    return None


def _first_clause(
    text: str,
    pattern: re.Pattern[str],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]] | None,
    claimed: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """`reason_clause` for the markers of `pattern`."""
    markers = [m for m in pattern.finditer(text) if not _SINCE_A_TIME.match(text, m.start())]
    for i, marker in enumerate(markers):
        limit = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        stop = _CLAUSE_END.search(text, marker.end(), limit)
        end = stop.start() if stop else limit
        while end > marker.end() and text[end - 1] in " “\"‘'(":
            end -= 1
        if end <= marker.end():
            continue
        terms = [t for *_, t in term_spans(text[marker.end() : end])] if term_spans else []
        if terms and all(t in question_terms for t in terms):
            continue  # only the question's words: the reason is given further on
        if claimed and marker.group().split()[0].lower() in _SAYING:
            lexicon = shipped_lexicon()
            said = {base for w in _WORD.findall(text[marker.end() : end])
                    for base in (w.lower(), *lexicon.base_forms(w.lower()))}  # fmt: skip
            if (said & claimed) - _AUXILIARY_BASES:  # the claim's words, or their relatives
                continue  # the question's claim, in other words: its reason comes after
        return marker.end(), end
    return None
