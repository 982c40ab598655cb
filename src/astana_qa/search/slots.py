"""Where the answer stands beside the question's verb: its subject or its object.

"What did the previous round focus on?" asks for what follows "focused on" in a sentence
that says it; "What caused the fire?" for what comes before "caused"; "Who founded the
company?" for what follows "founded by" when the sentence is passive; "When was she
born?" for the time after "born" in its clause. Nearness alone
(`candidates.py`) cannot tell the noun phrase after the verb from the one before it, and
a sentence holds many: the answer's place beside the verb does. This is the classic
cue of answer extraction that reads the question's grammar (its wh-word as subject or
object of its main verb, and a preposition left at its end), here from the project's
part-of-speech tags only, without a parser.

`question_slot` reads the question once (`Query.slot`); `slot_positions` finds, in one
passage, the word numbers at which a candidate in the slot starts or ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text.entities import Token, is_participle
from ..text.lexical import PLACE_PREPOSITIONS
from ..text.lexicon import shipped_lexicon
from ..text.tagger import lexicon

# Question words whose phrase can be the subject or object of the question's verb.
_WH_WORDS = frozenset({"what", "which", "who", "whom"})
# Every question word: one joined to "how" asks the question ("Why and how…?").
_QUESTION_WORDS = _WH_WORDS | {"why", "where", "when", "whose"}
# Forms of "be": before a participle they make the passive ("was founded").
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s"})
# Tags of a wh-phrase's own words after the wh-word: "which NFL team".
_FOCUS_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# Tags skipped inside a chain of auxiliaries: "should not be", "has also been".
_SKIPPED_IN_CHAIN = frozenset({"ADV", "PART"})
# Words between a verb and its object: "focused mainly on the", "demanded the".
_BEFORE_OBJECT = frozenset({"ADV", "PART", "DET"})
# Words between a subject and its verb: "Xerox, which later developed", "it has also".
_BEFORE_VERB_TAGS = frozenset({"AUX", "ADV", "PART"})
# Words between a subject and a relative clause's verb: "Xerox, which developed".
_RELATIVES = frozenset({"which", "who", "that", ","})
# Auxiliaries by their words too: the tagger may read "had" in "had caused" as a verb.
_AUXILIARIES = _BE | frozenset({"have", "has", "had", "do", "does", "did", "will", "would",
                                 "can", "could", "may", "might", "must", "shall",
                                 "should"})  # fmt: skip
# Nouns after "what"/"which" that ask for a time as "when" does.
_TIME_NOUNS = frozenset({"year", "date", "day", "weekday", "month", "decade", "century"})
# How many words may stand between the verb and the slot's edge.
REACH = 4
# How many words may stand between a passive verb and the "by" of its agent: the verb's
# other phrases come first ("named after the Greek god of light, music, and the sun by").
AGENT_REACH = 16
# Words opening another clause, which a passive's agent does not reach past.
_CLAUSE_OPENERS = frozenset({"which", "who", "whom", "whose", "that", "while", "when",
                             "where", ";"})  # fmt: skip


@dataclass(frozen=True)
class Slot:
    """The question's main verb (`verb`, as written, lower case), whether the answer is
    its `subject` (else its object), whether the question puts the verb in the passive
    ("What was named after Tesla?"), and the preposition left at the question's end
    ("focus on", "crack down on"), which a sentence writes before the object (in a
    question asking how, the preposition after the verb: "negotiate with")."""

    verb: str
    subject: bool
    passive: bool
    prepositions: tuple[str, ...] = ()
    # "Where was the fair held?": the answer is the place a preposition of place
    # introduces after the verb ("held at the Sage Gateshead").
    where: bool = False
    # "When was she born?": the answer is the time a preposition of time introduces
    # after the verb, in the same clause ("born … in 1976").
    when: bool = False
    # "How are the packets routed?": the answer is the manner or means written beside
    # the verb ("routed individually", `manner.py`).
    how: bool = False
    # In a question asking how, the words between its auxiliary and its verb: who or
    # what does it ("How did the Russian government react?": the Russian government).
    doer: str = ""


def question_slot(words: Sequence[Token]) -> Slot | None:
    """The slot of a question opening with "what", "which", "who" or "whom", or with
    "where" or "when" and an auxiliary, and holding a main verb other than "be" ("What is the
    capital?" has none), or of one asking how with "how" and an auxiliary (`Slot.how`);
    else None."""
    n = len(words)
    opener = words[0].text.lower() if n else ""
    # "(In) what year did he die?", "On which day…" ask "when".
    if (
        opener in ("in", "on", "during")
        and n >= 4
        and words[1].text.lower() in ("what", "which")
        and words[2].text.lower() in _TIME_NOUNS
    ):  # not "In which city did…", which asks where
        words, n = words[1:], n - 1
        opener = words[0].text.lower()
    timed = n >= 4 and opener in ("what", "which") and words[1].text.lower() in _TIME_NOUNS
    if timed and words[2].tag == "AUX":
        opener, words, n = "when", words[1:], n - 1  # "year did he die?": as "when did…"
    if n >= 3 and opener in ("where", "when") and words[1].tag == "AUX":
        verb = _object_question_verb(words, 1)
        if verb is None:
            return None  # "Where is the Taj Mahal?": no verb to stand beside
        return Slot(words[verb].text.lower(), subject=False, passive=False,
                    where=opener == "where", when=opener == "when")  # fmt: skip
    if n >= 3 and opener not in _WH_WORDS:
        return _how_slot(words)
    if n < 3:
        return None
    i = 1
    while i < n and (words[i].tag in _FOCUS_TAGS or _modifies(words, i)):
        i += 1  # "Which NFL team", "Which confidence-building measures"
    if i >= n:
        return None
    if words[i].tag == "VERB":  # "What caused the fire?"
        return Slot(words[i].text.lower(), subject=True, passive=False)
    if words[i].tag != "AUX":
        return None
    j = i
    be_before = False
    while j < n and (words[j].tag == "AUX" or words[j].tag in _SKIPPED_IN_CHAIN):
        be_before = be_before or words[j].text.lower() in _BE
        j += 1
    if j < n and words[j].tag == "VERB":  # "What has caused", "What was named after"
        return Slot(words[j].text.lower(), subject=True, passive=be_before)
    verb = _object_question_verb(words, j)
    if verb is None:
        return None
    prepositions = []
    k = verb + 1
    while k < n and words[k].tag == "ADP":
        prepositions.append(words[k].text.lower())
        k += 1
    # A preposition with its object in the question ("focus on Syria") is not stranded.
    stranded = prepositions and (k >= n or words[k].tag in ("PUNCT", "ADP", "NUM", "ADV"))
    passive = words[i].text.lower() in _BE and _participle(words[verb].text.lower())
    return Slot(
        words[verb].text.lower(),
        subject=False,
        passive=passive,
        prepositions=tuple(prepositions[:2]) if stranded else (),
    )


def _how_slot(words: Sequence[Token]) -> Slot | None:
    """The slot of "How are the packets routed?" or "In dioxygen, how are the atoms
    bonded?": "how" and an auxiliary, then the subject and its verb; else None ("How
    many…?", "How old…?" ask for a quantity, not a manner)."""
    lower = [word.text.lower() for word in words]
    if "how" not in lower:
        return None
    at = lower.index("how")
    asked = [i for i, word in enumerate(lower[:at]) if word in _QUESTION_WORDS]
    if asked and all(word in ("and", "or", ",") for word in lower[asked[-1] + 1 : at]):
        return None  # "Why and how did the talks end?": the first question word asks
    if at + 2 >= len(words) or lower[at + 1] not in _AUXILIARIES:
        return None
    verb = _object_question_verb(words, at + 1)
    if verb is None:
        return None
    passive = lower[at + 1] in _BE and _participle(lower[verb])
    # the verb's own preposition ("negotiate with the countries"), which opens no manner
    after = tuple(lower[verb + 1 : verb + 2]) if words[verb + 1 : verb + 2] else ()
    own = after if after and words[verb + 1].tag == "ADP" else ()
    doer = " ".join(word.text for word in words[at + 2 : verb])
    return Slot(lower[verb], subject=False, passive=passive, prepositions=own, how=True,
                doer=doer)  # fmt: skip


def _modifies(words: Sequence[Token], i: int) -> bool:
    """Is word `i`, tagged as a verb, a participle modifying the common noun after it
    ("confidence-building measures", "the leading nations"), not a main verb ("Who
    founded Apple?", "What caused the fire?")?"""
    word = words[i].text.lower()
    return (
        words[i].tag == "VERB"
        and ("-" in word or word.endswith("ing"))
        and i + 1 < len(words)
        and words[i + 1].tag == "NOUN"
    )


def _object_question_verb(words: Sequence[Token], start: int) -> int | None:
    """The main verb of "What did the round focus on?" after its subject, from word
    `start`: the first word tagged as a verb that no determiner makes a noun and that is
    no "-ing" form ("the gathering", "regarding"), else the first word that can be a verb
    after a noun, else the last word before the question's tail that can be a verb and
    follows a noun (the tagger reads "focus" in "talks focus on" as a noun)."""
    for k in range(start + 1, len(words)):
        if (
            words[k].tag == "VERB"
            and words[k - 1].tag != "DET"
            and not words[k].text.lower().endswith("ing")  # "regarding", "the gathering"
        ):
            return k
    # The tagger may read the verb as a noun ("the guarantors reject"): the first word
    # that can be a verb and follows a noun (not a determiner, adjective or preposition).
    for k in range(start + 2, len(words)):
        word = words[k].text.lower()
        if (
            words[k - 1].tag in ("NOUN", "PROPN")
            and not word.endswith("ing")
            and _can_be_verb(word)
        ):
            return k
    end = len(words)
    while end > start and words[end - 1].tag in ("PUNCT", "ADP", "ADV", "ADJ", "NUM"):
        end -= 1
    if (
        end - 1 > start
        # after its subject: not "the old harbour" or "the head of state", nouns
        and words[end - 2].tag in ("NOUN", "PROPN", "PRON")
        and _can_be_verb(words[end - 1].text.lower())
    ):
        return end - 1
    return None


def _can_be_verb(word: str) -> bool:
    """Does the tagger's lexicon or WordNet know `word` as a verb ("reject", "demand")?"""
    return "VERB" in (lexicon().get(word) or ()) or bool(shipped_lexicon().links(word, "v"))


def slot_positions(
    slot: Slot, words: Sequence[Token], verbs: Iterable[int]
) -> tuple[frozenset[int], frozenset[int]]:
    """`(starts, ends)`: word numbers of `words` at which a candidate standing in the
    slot may start (an object after the verb) or end (a subject before it), given the
    word numbers `verbs` at which the question's verb stands in the passage (by its
    analysed term: "focused" for "focus")."""
    starts: set[int] = set()
    ends: set[int] = set()
    for verb in verbs:
        if slot.where:
            _place_after(words, verb, starts)
            continue
        if slot.when:
            _time_after(words, verb, starts)
            continue
        aux = _passive_auxiliary(words, verb)
        # The question and the sentence may say it in different voices: the object of
        # "What did X cause?" is the subject of "Y was caused by X".
        wants_subject = slot.subject if (aux is not None) == slot.passive else not slot.subject
        if wants_subject:
            if aux is not None:  # "Y was caused": before the auxiliary
                _before(words, aux, ends)
            else:
                _before(words, verb, ends)
        elif aux is not None and not slot.passive:  # "was caused by Y": after "by"
            _agent_after(words, verb, starts)
        else:
            _after(words, verb, slot.prepositions, starts)
            _antecedent(words, verb, ends)
    return frozenset(starts), frozenset(ends)


def _antecedent(words: Sequence[Token], verb: int, ends: set[int]) -> None:
    """The noun a relative clause ending in the verb is about: its object ("agreements,
    which Russia has violated"), the last word before "which" or "that"."""
    k = verb - 1
    while k > 0 and verb - k <= REACH and words[k].text.lower() not in ("which", "that"):
        if words[k].tag in ("VERB", "PUNCT"):
            return
        k -= 1
    if k > 0 and words[k].text.lower() in ("which", "that") and k < verb - 1:
        before = k - 1 - (words[k - 1].text == ",")
        if before >= 0 and words[before].tag in ("NOUN", "PROPN"):
            ends.add(before)


def _passive_auxiliary(words: Sequence[Token], verb: int) -> int | None:
    """The "be" word before a verb in the passive ("was founded", "is also called")."""
    k = verb - 1
    while k >= 0 and words[k].tag in _SKIPPED_IN_CHAIN:
        k -= 1
    if k >= 0 and words[k].text.lower() in _BE and _participle(words[verb].text.lower()):
        return k
    return None


def _participle(word: str) -> bool:
    """Can `word` be a past participle: "-ed", "-en", or an irregular form WordNet
    derives from another word ("held", "won", "led"; not "is" or "talks")?"""
    if word.endswith(("ed", "en")):
        return True
    if word.endswith(("s", "ing")):
        return False
    return any(base != word for base in shipped_lexicon().base_forms(word))


def _after(words: Sequence[Token], verb: int, prepositions: Sequence[str], starts: set[int]
           ) -> None:  # fmt: skip
    """The first word after `verb` that is no adverb, particle or determiner, past the
    `prepositions` the question leaves at its end (which must then stand there)."""
    k = verb + 1
    wanted = list(prepositions)
    limit = verb + 1 + REACH + len(wanted)
    while k < len(words) and k < limit:
        word = words[k].text.lower()
        if wanted and word == wanted[0]:
            wanted.pop(0)
        elif words[k].tag not in _BEFORE_OBJECT:
            break
        k += 1
    if not wanted and k < len(words):
        starts.add(k)
        # A determiner opens the noun phrase as well: "the removal of Assad".
        if k > verb + 1 and words[k - 1].tag == "DET":
            starts.add(k - 1)
        # So does the noun phrase less its describing words: "encouraged the growing
        # anti-communist fervor" holds "anti-communist fervor" in the slot.
        while k + 1 < len(words) and _describes(words[k]):
            k += 1
            starts.add(k)


def _agent_after(words: Sequence[Token], verb: int, starts: set[int]) -> None:
    """The agent of a passive verb: the noun phrase after "by", which may follow the
    verb's other phrases in its clause ("was named after the Greek god of light, music,
    and the sun by NASA manager Abe Silverstein"). No other verb may stand between."""
    k = verb + 1
    while k < len(words) and k <= verb + AGENT_REACH:
        word = words[k].text.lower()
        if word == "by":
            _after(words, k - 1, ("by",), starts)
            return
        if words[k].tag in ("VERB", "AUX", "SCONJ") or word in _CLAUSE_OPENERS:
            return
        k += 1


def _describes(word: Token) -> bool:
    """Is `word` a describing word before a noun: an adjective or a verb's -ing or -ed
    form ("the growing fervor", "the disputed border")?"""
    return word.tag == "ADJ" or is_participle(word)


def _place_after(words: Sequence[Token], verb: int, starts: set[int]) -> None:
    """The noun phrase after the first preposition of place following `verb`, a few
    words on at most ("practiced at Stanford University", "held the fair in Gateshead")."""
    k = verb + 1
    while k < len(words) and k <= verb + REACH:
        word = words[k]
        if word.text.lower() in PLACE_PREPOSITIONS:
            k += 1
            while k < len(words) and words[k].tag in ("DET", "ADV"):
                k += 1
            if k < len(words):
                starts.update({k, k - 1} if words[k - 1].tag == "DET" else {k})
            return
        if word.tag in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return
        k += 1


# Prepositions that introduce a time ("born in 1976", "held on Nov. 11", "during the
# war", "since 2017").
TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during", "since", "until", "from"})
# How many words may stand between the verb and a time's preposition: a time often
# comes last in its clause ("were born slightly more than two months apart in 1976").
TIME_REACH = 8


def _time_after(words: Sequence[Token], verb: int, starts: set[int]) -> None:
    """The phrase after the first preposition of time following `verb` in its clause
    ("born slightly more than two months apart in 1976"); any clause break, verb or
    conjunction before it ends the search."""
    k = verb + 1
    while k < len(words) and k <= verb + TIME_REACH:
        word = words[k]
        if word.text.lower() in TIME_PREPOSITIONS:
            preposition = k
            k += 1
            while k < len(words) and words[k].tag in ("DET", "ADV", "ADJ"):
                k += 1  # "in the early 1990s", "in late 2011"
            if k < len(words):  # a date span may open with its preposition or modifier
                starts.update(range(preposition, k + 1))
            return
        if word.tag in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return
        k += 1


def _before(words: Sequence[Token], at: int, ends: set[int]) -> None:
    """The last word before word `at` that is no auxiliary, adverb, particle or relative
    pronoun: the end of the verb's subject."""
    k = at - 1
    while (
        k >= 0
        and at - k <= REACH
        and (
            words[k].tag in _BEFORE_VERB_TAGS or words[k].text.lower() in _RELATIVES | _AUXILIARIES
        )
    ):
        k -= 1
    if k >= 0:
        ends.add(k)
