"""Direct answers: the name, date or number a question asks for, backed by its sources.

`answer` reads the best passages of a question (sentences, best first) for spans of the
kind the question wants (`answer_types.py`), scores each by its kind's fit, the question's
key terms near it (`candidates.py`) and its passage's retrieval score, and groups the
spans that say the same thing (`grouping.py`: folded spellings, near-identical ones,
Toma/Touma, and a name within a longer one, Koresh, David Koresh). A group stated by
several passages is stronger. When a typed answer is wanted, passages are re-ordered by
their best candidate (one without a candidate cannot outrank one with it), and if no
candidate stands near the key terms the answer is an abstention that says what is
missing (unless the best passage holds most of the question's words: then it answers,
as a sentence). Description questions keep the passages' order and answer with the
first passage (or its clause of reason for "why").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from enum import IntEnum
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from ..records import Span
from ..text.analysis import combining_marks
from ..text.entities import Span as TextSpan
from ..text.entities import Token, tokens
from ..text.features import NUMBER_WORDS
from ..text.lexicon import shipped_lexicon
from .answer_types import BESIDES_CUE_WORDS, Expected
from .candidates import (
    MEASURED,
    SHARE_KINDS,
    Candidate,
    coverage,
    is_time_for_untimed,
    score_spans,
    shown_whole,
    singular_forms,
)
from .definitions import Defined, definition
from .events import asked_subject, happened_clause
from .grouping import (
    SAME_SPELLING,
    Found,
    Variant,
    by_candidate,
    group_rank,
    group_score,
    grouped,
    same,
    span_of,
    variants,
)
from .initials import spelled_out
from .manner import asks_how, how_answer
from .owners import OwnedNoun, claimed_by_others
from .passages import Passage, renumbered
from .reasons import asks_why, claimed_words, reason_clause
from .reports import asks_what_was_said, reported_clause
from .slots import Slot, slot_positions
from .spans import ANYONE, find_spans, names_people

# `find_spans(text, kind, plural)`: the candidate spans of a sentence and its words.
SpanFinder = Callable[[str, str, bool | None], tuple[Sequence[TextSpan], Sequence[Token]]]

# Passages read for candidates: candidate finding costs about 0.1 ms a passage.
ANSWER_DEPTH = 10
# Untyped answers (noun phrases) are many in every sentence, so the sentence ranking
# decides: they are read from this many passages only.
UNTYPED_DEPTH = 3
# A candidate "stands near the key terms" when its nearness reaches this share of the
# question's term weight; below it a typed question abstains.
MIN_NEAR = 0.05
# The question's key terms are those weighing at least this share of its heaviest term.
KEY_SHARE = 0.8
# A typed answer's sentence must hold this share of the question's term weight: one
# that names a date near a few of the question's words but not what it is about does not
# answer it (TREC's unanswerable questions are mostly of that kind). Readers' own words
# share fewer words with the sentence: 0.4 refused 56% of the answerable seed questions
# written that way, 0.3 44%, 0.2 32% (and 1.7% of squad-dev's, against 5.9% at 0.4),
# while TrecQA's no-answer recall fell from 0.47 to 0.27.
MIN_COVERAGE = 0.2
# When no span of the wanted kind is found but the best passage holds this share of the
# question's term weight, the passage itself answers: the question is what it is about,
# and its answer has another form than the kind guessed ("killed during a hunting trip"
# for "when", "a committee of three professors" for "who"). Not for kinds written in a
# regular form (`_REGULAR_FORMS`: numbers, amounts, durations): a passage about the
# journalists that gives no number does not state how many there were.
SENTENCE_ANSWERS = 0.6
# A first passage holding this share of the question's term weight, with no candidate
# of the kind asked for, is not displaced by a candidate scoring below `WEAK_ANSWER`
# in a passage below it: it answers itself, in a form the kind does not read ("a few",
# "the individual states"). SQuAD's questions repeat their paragraph's words, so its
# answering sentence often holds nearly all of them; readers' questions (and TrecQA's)
# hold far fewer, and there a weak candidate below is as often right. Measured in one
# run against 0.2.21: squad-dev P@1 0.7234 -> 0.7297 (such candidates had taken 37 first
# sentences that answered and brought 1), MRR 0.7953 -> 0.8000; no seed or TrecQA
# question is both so well covered and so weakly answered. Not when the answer's passage
# holds a question word the first one lacks: it may state just that.
HELD_ANSWERS, WEAK_ANSWER = 0.8, 0.4
# An untyped answer (a noun phrase, read from the first `UNTYPED_DEPTH` passages) found
# in a passage scoring at least this share of the first one's moves that passage first:
# where the ranking can hardly tell two sentences apart, the one stating the answer is
# the better citation ("What is Franz Kafka's ethnic background?": "Jewish" stands in
# the second). Farther apart, the ranking decides; and the first passage stays first
# when it states the answer too. The cited first sentence is also the one whose share of
# the question's words decides a refusal (`min_coverage`). Measured in one run against 4bf92e7
# (at 0.85 / 0.9 / 0.95): TrecQA P@1 +3 / +3 / +1 questions, none lost; squad-dev
# +68-65 / +61-55 / +42-37 (questions whose first sentence became / stopped being right);
# keeping a first passage that states the answer too then cost squad-dev 3 of its gains.
NEAR_TIE = 0.9
# For a date, that form is a clause of time ("as soon as they enter into force", "during
# one hunting excursion", "every two years"): a sentence with none of these words says
# when nothing happened ("The 22nd round was held in Varna."), however well it matches.
_TIME_CLAUSE = re.compile(
    r"\b(?:when|whenever|after|before|during|until|till|since|once|while|as soon as|every)\b",
    re.IGNORECASE,
)
# In a passage that does not name what a "how many" question counts, a number counting
# nothing else (`_counts_other`) answers only when it stands this near the question's
# words ("He scored 12." for "How many touchdowns…?"), not as an aside. Measured in one
# run: 0 (any near number) squad-dev how-many EM 0.603, TrecQA's 0.636, and one
# unanswerable seed question answered; 0.15: 0.597, 0.727, none; 0.25: 0.588, 0.545.
STRICT_NEAR = 0.15
# Score shares: nearness to key terms, then the passage's retrieval score.
NEAR_SHARE, PASSAGE_SHARE = 0.6, 0.4
# The passage's retrieval score counts as (score / best score) ** RETRIEVAL_POWER: the
# retrieval scores of a question's top sentences are close together, so the ratio alone
# would let a weaker sentence's candidate outrank the best sentence too easily.
RETRIEVAL_POWER = 3.0
# A noun phrase answering "what" (`_PHRASE_KINDS`) is more likely the specific thing
# asked for than a general word near the question's words ("linebacker", not "team";
# "Bermuda 419", not "field"): its score is scaled by 1 - SPECIFICITY + SPECIFICITY *
# the specificity of its most specific word (`term_weight`, 0..1; 0 for a phrase with
# no indexed word, such as "one" or "it"). Measured, one run:
# squad-dev short EM 0.289 -> 0.304, F1 0.367 -> 0.387; trecqa EM 0.416 -> 0.422, F1
# 0.513 -> 0.524; 0.3 and 0.7 within 0.005 of 0.5 on both.
SPECIFICITY = 0.5
# A person candidate whose clause segment (between commas, semicolons, "while") names a
# country or a name of the corpus, but not the one the question names, is scored this
# share: "Türkiye is represented by Yıldız, while Russia is represented by Lavrentiev,
# Iran by Khaji" answers "who represented Iran" with Khaji. Measured, one run: seed
# regression pairs short EM 0.348 -> 0.362, F1 0.498 -> 0.518; squad-dev, TrecQA and
# the reader-worded questions unchanged. For other kinds it lost answers (a date's
# segment names the host country, not the event's).
OTHER_ANCHOR = 0.5
# When the question names whose the person asked for is ("Moscow's envoy", "the Turkish
# team": its owners, `owners.py`), a person whose clause segment names an owner scores
# OWNED times as much; unless the best answer in the first ANSWER_DEPTH passages is such
# a person, one is looked for in the further passages too (only such persons there): a
# roster sentence ("…, Iran by Ali Asghar Khaji, …") may share no word with the question
# but the party. For such a question, a span of the very kind asked for (a person) ranks
# before any other kind (`Found.tier`), owned or not, unless its segment names another
# party (“Türkiye's delegation led by Yıldız” does not answer “Who led the Iranian
# delegation?”, however many of its words it shares).
OWNED = 1.5
# "Besides the UN, which organisation…?": a candidate listed with what the question
# names besides the answer ("the UN and the International Committee of the Red Cross")
# scores LISTED times as much (`_listed_with`), and one of the kind asked for ranks
# before any other (`Found.tier`), found in the further passages too.
LISTED = 1.5
_LIST_GAP = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")  # words, and each other mark
_JOINING = frozenset({"and", "or", "alongside", "with", "plus"})
_LIST_WORDS = _JOINING | {",", "the", "as", "well", "along", "together", "also"}
_SEGMENT_BREAKS = frozenset({"while", "whereas"})
OWNED_KINDS = frozenset({"person"})
_PHRASE_KINDS = frozenset({"thing", "attribute"})
# A candidate in a passage that names none of the names the question names, nor does
# the sentence before it (which a "he" or "it" may refer to), scores this share: "How
# old was Jean Harlow when she died?" is not answered by "more than 800 people died" in
# a sentence about Jonestown. Measured, one run: TrecQA P@1 0.584 -> 0.603, short EM
# 0.460 -> 0.472; squad-dev and the seed, reader, newcomer and journalist questions
# within a question. 0.6 cost squad-dev EM 0.002; leaving such passages out, 0.012 P@1.
OFF_SUBJECT = 0.8
# How many words before a number its measure's noun may stand: "a capacity of 52,000".
_FOCUS_REACH = 3
# What `about(passage)` tells (`Named`, see `answer`): whether the passage or the sentence
# before it names a name the question names, or only its article does, or not even its
# article does. A candidate in an article that never names what the question
# asks about is not read at all: no "he" or "it" reaches across articles ("How old was
# Jean Harlow when she died?" is not answered from an article about Jonestown).
# Only names count, not dates or numbers, which an article may write another way ("Nov.").
# Measured, one run: TrecQA no-answer recall 0.33 -> 0.40, P@1 and EM unchanged; squad-dev
# P@1 0.7132 -> 0.7136, EM 2 questions fewer; the seed question sets unchanged.


class Named(IntEnum):
    """Where what the question names is named, for a passage (`about` in `answer`)."""

    HERE = 2  # the passage or the sentence before it (or the question names nothing)
    IN_ARTICLE = 1  # only elsewhere in its article: the passage scores OFF_SUBJECT
    NOWHERE = 0  # not in its article at all: its candidates are not read


# A candidate standing where the question's verb puts its answer (`slots.py`: the
# object after "focused on" for "What did the round focus on?") scores this many times
# its score; for a typed question, only a span of the very kind wanted does ("headed by
# Deputy Minister of Foreign Affairs, Bassam Sabbagh": the office is in the slot, the
# person a few words on).
IN_SLOT = 1.5
# Candidates grouped (best first): grouping compares pairs, and weak ones cannot win.
GROUPED = 25
# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae"})
_NAMED = frozenset({"person", "organisation", "place"})
_REGULAR_FORMS = frozenset({"number", "money", "percent", "duration", "frequency", "ordinal"})
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
_WHAT_IS_MISSING = {
    "person": "person", "organisation": "organisation", "place": "place", "date": "date",
    "duration": "length of time", "frequency": "frequency", "number": "number",
    "money": "amount of money",
    "percent": "percentage", "ordinal": "position in an order",
}  # fmt: skip


@dataclass(frozen=True)
class AnswerResult:
    """The passages re-ordered (ranks renumbered from 1), and the short answer or why
    there is none. `supported_by` and variants' ranks refer to the re-ordered ranks."""

    passages: tuple[Passage, ...]
    answer_type: str
    answer: str | None
    span: Span | None
    supported_by: tuple[int, ...] = ()
    variants: tuple[Variant, ...] = field(default_factory=tuple)
    abstention: str | None = None
    # The answer's score (0..about 1.3) and the share of the question's term weight
    # standing near it (0..1): how sure the answer is, for callers that threshold.
    confidence: float = 0.0
    nearness: float = 0.0
    # The answer is a person its sentence names beside a party the question says the
    # person is of ("Iran by Ali Asghar Khaji" for "Who led the Iranian delegation?").
    owned: bool = False
    # The answer is of the kind asked for and listed with what the question asks besides
    # ("the UN and the International Committee of the Red Cross").
    listed: bool = False

    def to_dict(self) -> dict:
        """The answer's part of the JSON contract of issue 14: `answer`, `answer_type`,
        `answer_span` {source, start, end}, `supported_by`, `variants` [{text, span,
        supported_by}] and, when there is no answer, `abstention` (the citations are the
        caller's, from `passages`)."""
        return {
            "answer": self.answer,
            "answer_type": self.answer_type,
            "answer_span": asdict(self.span) if self.span else None,
            "supported_by": list(self.supported_by),
            "variants": [
                {"text": v.text, "span": asdict(v.span), "supported_by": list(v.supported_by)}
                for v in self.variants
            ],
            "abstention": self.abstention,
        }


def normalised(text: str) -> str:
    """`text` folded for comparing answers: lower case, no accents, punctuation or articles."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = text.translate(combining_marks())
    return " ".join(_ARTICLES.sub(" ", _PUNCTUATION.sub(" ", text)).split())


def answer(
    question: str,
    expected: Expected,
    passages: Sequence[Passage],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    find_mentions: Callable[[str], Sequence[Passage]] | None = None,
    spans_of: SpanFinder = find_spans,
    term_weight: Callable[[str], float] | None = None,
    anchors: tuple[frozenset[str], Callable[[str], bool]] | None = None,
    about: Callable[[Passage], Named] | None = None,
    slot: tuple[Slot, str] | None = None,
    dated: Callable[[Passage], frozenset[str]] | None = None,
    owners: frozenset[str] = frozenset(),
    out_of_time: Callable[[Passage, int, int], bool] | None = None,
    owned: OwnedNoun | None = None,
    defined: Defined | None = None,
    ordered_by_time: bool = False,
    of_other_time: Callable[[Passage], bool] | None = None,
) -> AnswerResult:
    """The short answer to `question` from `passages` (best first), with its support.

    `question_terms` maps the question's analysed terms to weights (e.g. idf);
    `term_spans` analyses a text into `(start, end, term)` as the index does.
    `find_mentions`, when given, returns sentences of the corpus that may name a given
    name in some spelling (e.g. by an index look-up that allows typos); those that do
    are added after the passages as further support, so that a source that spells the
    answer differently, far from the question's words, still shows as a variant.
    `spans_of` is `spans.find_spans`, or a caller's cache of it: a sentence's spans
    do not depend on the question. `term_weight(term)` says how specific a term is
    (0..1), to prefer specific noun phrases (`SPECIFICITY`). `anchors` are the terms of
    the countries and names the question names, and which terms are such names: a
    person standing beside another one is not its answer (`OTHER_ANCHOR`). `about(p)`
    says where passage `p`'s article names what the question names (`Named`;
    `OFF_SUBJECT`). `slot`
    is the question's slot beside its verb and the verb's analysed term (`slots.py`).
    `dated(p)`: the question's terms that passage `p` holds by its time, not its words
    (the question's "January 2024" in an article dated 2024-01-24), which count towards
    its coverage of the question. `owners`: the anchors saying whose the person asked
    for is (`owners.py`); a person beside one scores OWNED times as much, and is looked
    for in deeper passages too. `out_of_time(p, start, end)`: does the date written at
    `start:end` of passage `p` fall outside the time the question bounds its answer by
    ("before the January 2024 session")? Such a date does not answer. `owned`: the noun
    the owners own (`OwnedNoun`); a person beside that noun written as another party's
    ("the Assad regime delegation") is that party's. `defined`: what "What is
    X?" or "Who is X?" asks to define (`definitions.py`), answered by the noun phrase the
    first passage defines it by. `ordered_by_time`: the passages stand in the order a
    time-aware question asks for ("the latest round"), not by their scores, and a
    noun-phrase answer does not reorder them (`NEAR_TIE`). `of_other_time(p)`: does
    passage `p` name a party's person for another time than the question's
    (`times.not_in_time`)? Such a person ("In July, Russian Foreign Ministry spokeswoman
    Maria Zakharova…" for "Who was Moscow's point man at the January round?") scores
    OTHER_ANCHOR times as much, and for a question of a time every passage is searched
    for the party's person then. When the question says whose the person is (`owners`,
    or an anchor in the possessive: "Turkey's vice foreign minister") and every person
    found is named beside another party, there is no answer (`_only_others`).
    """
    if not passages:
        return AnswerResult((), expected.kind, None, None,
                            abstention=_missing(expected) if expected.typed else None)  # fmt: skip
    subject = asked_subject(question)  # "What happened to X?": what became of X
    if subject is not None:
        clause = happened_clause(passages[0].text, subject, term_spans)
        if clause is not None:
            return _first_passage_answer(tuple(renumbered(passages)), "description", clause)
    if defined is not None:  # "What is X?": the noun phrase the best sentence defines X by
        text = passages[0].text
        names = spans_of(text, "person", False)[0] if defined.person else ()
        found_definition = definition(text, defined, term_spans, names)
        if found_definition is not None:
            return _first_passage_answer(tuple(renumbered(passages)), "description",
                                         found_definition[:2])  # fmt: skip
        if defined.person:  # "Who is Ahmet Toma?" is not answered by another name
            expected = replace(expected, kind="description", focus=None)
    if expected.kind == "description" and asks_how(slot) and slot is not None:
        # "How are the packets routed?": the manner the best sentence gives its verb
        manner = how_answer(passages[0].text, slot, question_terms, term_spans)
        if manner is not None:
            return _first_passage_answer(tuple(renumbered(passages)), "description", manner)
    if expected.kind == "description":
        return _description(question, tuple(renumbered(passages)), "description",
                            question_terms, term_spans, expected.focus)  # fmt: skip
    if expected.kind == "thing" and asks_what_was_said(slot, expected.focus, question):
        # "What did Putin say?": the clause the best sentence reports, if it reports one
        verb = slot[0].verb if slot is not None else ""
        reported = reported_clause(passages[0].text, verb, question_terms, term_spans)
        if reported is not None:
            return _first_passage_answer(tuple(renumbered(passages)), "description", reported)
    # typed answers, and abbreviations (spelled out once, maybe in none of the best few
    # sentences), are read deeper and reorder the passages by their candidates (a
    # noun-phrase answer moves its passage first only from a near tie: `NEAR_TIE`)
    reorder = expected.typed or expected.abbreviation is not None
    depth = ANSWER_DEPTH if reorder else UNTYPED_DEPTH
    # past the depth, a person beside an owner, or a thing listed with what the question
    # asks besides ("Besides the UN, which…?": a long sentence listing "the UN and the
    # International Committee of the Red Cross" may rank low)
    deeper = (owners and expected.kind in OWNED_KINDS) or (expected.besides and expected.typed)
    read = passages if deeper else passages[:depth]
    found, seconds = _candidates(expected, read, question_terms, term_spans, spans_of,
                                 term_weight, anchors, about, slot, dated, owners, depth,
                                 owned, of_other_time)  # fmt: skip
    if seconds > max((f.score for f in found), default=0.0) and not any(
        f.candidate.holds_office for f in found
    ):  # "Who is Kazakhstan's foreign minister?": a deputy of that office would answer
        return AnswerResult(tuple(renumbered(passages)), expected.kind, None, None,
                            abstention=_only_seconds(expected))  # fmt: skip
    if out_of_time is not None and expected.kind == "date":
        timely = [f for f in found if not out_of_time(f.passage, f.candidate.start,
                                                      f.candidate.end)]  # fmt: skip
        if found and not timely:  # every date found lies outside the time asked about
            return AnswerResult(tuple(renumbered(passages)), expected.kind, None, None,
                                abstention=_missing(expected, outside=True))  # fmt: skip
        found = timely
    if (
        expected.kind in OWNED_KINDS
        and (owners or _owner_named(question, anchors, term_spans))
        and _only_others_found(found)
    ):
        # "Who succeeded Yıldız as Turkey's deputy foreign minister?": every person found
        # is named as another party's ("…, the regime by deputy foreign minister
        # Bassam Sabbagh"); none is Türkiye's
        return AnswerResult(tuple(renumbered(passages)), expected.kind, None, None,
                            abstention=_only_others(expected))  # fmt: skip
    if found and all(f.candidate.other_sort for f in found):
        # "Which city will host the next round?": the sentences name only countries
        other = max(found, key=lambda f: f.score).candidate.text
        return AnswerResult(tuple(renumbered(passages)), expected.kind, None, None,
                            abstention=_missing(expected, other=other))  # fmt: skip
    found = [f for f in found if not f.candidate.other_sort]
    groups = grouped(found)
    # of two answers scoring the same, the longer ("the arid plains of Central Asia", not
    # "the arid plains" within it) says more
    best = max(groups, key=lambda group: (*group_rank(group), len(group[0].candidate.text)),
               default=[])  # fmt: skip
    if reorder:
        ordered = by_candidate(passages, groups)
    elif best and not ordered_by_time and _ties_first(best, passages[0]):
        ordered = [best[0].passage, *(p for p in passages if p is not best[0].passage)]
    else:
        ordered = list(passages)
    renumber = {(p.source, p.start): i for i, p in enumerate(ordered, start=1)}
    result_passages = tuple(renumbered(ordered))
    if not groups:
        top = result_passages[0]
        held = dated(top) if dated is not None else frozenset()
        first_holds = coverage(question_terms, term_spans(top.text), held)
        regular = expected.kind in _REGULAR_FORMS
        unfit = _cannot_answer_itself(top, about)
        if expected.typed and (regular or unfit or first_holds < SENTENCE_ANSWERS):
            stated = (
                _stated_apart(question, top.text, expected, spans_of)
                if regular or expected.kind == "date"
                else None
            )
            return AnswerResult(result_passages, expected.kind, None, None,
                                abstention=_missing(expected, stated))  # fmt: skip
        return _description(question, result_passages, expected.kind, question_terms, term_spans)
    if reorder and _holds_the_question(
        expected.kind, passages[0], found, best, question_terms, term_spans, dated, about
    ):
        return _description(question, tuple(renumbered(passages)), expected.kind,
                            question_terms, term_spans)  # fmt: skip
    if expected.kind in _NAMED:
        seen = {(f.passage.source, f.passage.start) for f in best}
        best = best + _mentions(best, passages, seen, expected, spans_of)
        if find_mentions is not None:
            pooled = {(p.source, p.start) for p in passages}
            further = [p for p in find_mentions(best[0].candidate.text)
                       if (p.source, p.start) not in pooled]  # fmt: skip
            more = _mentions(best, further, seen, expected, spans_of)
            added = list(dict.fromkeys(f.passage for f in more))
            result_passages += tuple(
                Passage(len(result_passages) + i, p.source, p.start, p.end, p.text, p.score)
                for i, p in enumerate(added, start=1)
            )
            for p in result_passages[len(ordered) :]:
                renumber[(p.source, p.start)] = p.rank
            best = best + more
    first = _fullest_date(best) if expected.kind == "date" else best[0]
    first = replace(first, candidate=shown_whole(first.candidate, first.passage.text))
    if expected.kind == "ordinal" and expected.focus:  # "Which round…?": "15th round"
        first = replace(first, candidate=_with_noun(first.candidate, first.passage.text,
                                                    expected.focus))  # fmt: skip
    supported = sorted({renumber[(f.passage.source, f.passage.start)] for f in best})
    differing = variants(best, groups, renumber, expected.kind,
                         lambda text: [term for *_, term in term_spans(text)])  # fmt: skip
    return AnswerResult(result_passages, expected.kind, first.candidate.text, span_of(first),
                        tuple(supported), differing, None, round(group_score(best), 4),
                        round(first.candidate.near, 4), first.owned,
                        first.listed and first.candidate.fit >= 1.0)  # fmt: skip


def _with_noun(candidate: Candidate, text: str, noun: str) -> Candidate:
    """An ordinal answer with the noun asked for when the passage writes it next:
    "Since which round…?" → "15th round" of "since the 15th round" (a reader's answer
    names what is counted; "15th" alone names nothing)."""
    after = re.match(rf"\s+{re.escape(noun)}\b", text[candidate.end :], re.IGNORECASE)
    if after is None:
        return candidate
    end = candidate.end + after.end()
    return replace(candidate, end=end, text=text[candidate.start : end])


def _ties_first(best: list[Found], first: Passage) -> bool:
    """Does the passage stating an untyped answer (a noun phrase; `best`, its group,
    best first) score so nearly as well as the `first` passage (`NEAR_TIE`), which does
    not state it, that the answer decides which is cited first?"""
    answering = best[0].passage
    return (
        first.score > 0
        and answering.score >= NEAR_TIE * first.score
        and all(f.passage is not first for f in best)
    )


def _holds_the_question(
    kind: str,
    first: Passage,
    found: Sequence[Found],
    best: list[Found],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    dated: Callable[[Passage], frozenset[str]] | None,
    about: Callable[[Passage], Named] | None,
) -> bool:
    """Does the first passage answer by itself, though it states no candidate: it holds
    `HELD_ANSWERS` of the question's term weight and some word besides (one holding the
    question's words only, "There was Joe DiMaggio's 56-game hitting streak.", cannot
    say in what year), and the best answer found below it scores under `WEAK_ANSWER`?
    Not when it cannot answer itself (`_cannot_answer_itself`), as when no candidate is
    found at all."""
    if group_score(best) >= WEAK_ANSWER or any(f.passage == first for f in found):
        return False
    if _cannot_answer_itself(first, about):
        return False
    if kind == "date" and not _TIME_CLAUSE.search(first.text):
        return False
    held = dated(first) if dated is not None else frozenset()
    terms = term_spans(first.text)
    if coverage(question_terms, terms, held) < HELD_ANSWERS:
        return False
    if all(t in question_terms for *_, t in terms):
        return False
    # the answer's passage holding a question word the first one lacks may say what it
    # does not ("founded by Anna Berg" under "The party won the election")
    lacking = question_terms.keys() - held - {t for *_, t in terms}
    return not any(t in lacking for *_, t in term_spans(best[0].passage.text))


def _cannot_answer_itself(passage: Passage, about: Callable[[Passage], Named] | None) -> bool:
    """Can the passage not be the answer itself, whatever it holds? An article that never
    names what the question names cannot answer it, nor can a question ("Q: Who came up
    with the name Rat Pack?")."""
    return _is_a_question(passage.text) or (about is not None and about(passage) == Named.NOWHERE)


def _is_a_question(text: str) -> bool:
    """Does the sentence ask, rather than state? (It ends with a question mark.)"""
    return text.rstrip(" \"'”’)").endswith("?")


def _counted_noun(candidate: Candidate, words: Sequence[Token]) -> Token | None:
    """The noun a number counts: the last of the nouns right after it, past adjectives
    ("eight public universities": universities); None when no noun follows."""
    head = None
    for word in (w for w in words if w.start >= candidate.end):
        if word.tag == "NOUN":
            head = word
        elif word.tag != "ADJ":
            break
    return head


@lru_cache(maxsize=256)
def _measured_in(focus: str) -> str | None:
    """What a number answering a question for the measure `focus` may count: "people"
    for a group of people (WordNet's organisations that are groups: "population",
    "crowd", "workforce"), "things" for a dimension ("height", "length", "width": a unit,
    or built things such as "95 floors"); None for any other measure ("capacity",
    "size": "90,000 seats", "40 ships" answer), which a count of anything may answer."""
    lexicon = shipped_lexicon()
    if lexicon.noun_class(focus) == "organisation" and lexicon.is_kind_of(focus, "group"):
        return "people"
    if lexicon.is_kind_of(focus, "dimension"):
        return "things"
    return None


def _counts_no_measure(
    candidate: Candidate,
    words: Sequence[Token],
    focus: str,
    measured_in: str,
    asked: Callable[[str], bool],
) -> bool:
    """Does a number answering a question for the measure `focus` count something it is
    not measured in (`_measured_in`)? So it does when the noun after it is one WordNet
    knows, no unit, no word of the question (`asked(noun)`: "wolves" for "the wolf
    population") and, for a group of people, names neither people nor a unit of them
    ("troops", "households"; not "universities"), or, for a dimension, no built thing
    ("95 floors"); and the focus is not written just before the number ("a population
    of 3,000 families"). "eight public universities" is no population, "one cohesive
    political environment" no height; "1.7 million inhabitants", "2,000 hectares" and a
    noun WordNet does not know ("40,000 Varnians") stay."""
    head = _counted_noun(candidate, words)
    if head is None:
        return False
    before = [w.text.lower() for w in words if w.end <= candidate.start][-_FOCUS_REACH:]
    if focus in before or f"{focus}s" in before:
        return False
    noun = head.text
    lexicon = shipped_lexicon()
    if (
        asked(noun)
        or lexicon.is_unit(noun)
        or lexicon.is_kind_of(noun, "unit")  # of measure, or of people: troops, households
        or not lexicon.knows_noun(noun)
    ):
        return False
    if measured_in == "people":
        return not names_people(noun)
    return not lexicon.is_kind_of(noun, "artifact")


def _counts_other(candidate: Candidate, words: Sequence[Token], focus: str | None) -> bool:
    """Does a number count something a question about `focus` does not ask for: what it
    is joined to ("two-day", "28-yard"), or for a question counting people ("how many
    people", "how many detainees") a noun phrase whose head names no people ("12
    buildings", "three guarantor countries")? A number followed by another noun may count
    the same thing in other words ("about 30,000 people" for "how many inhabitants",
    "120 villages" for "how many vacation spots", in TrecQA), so for a question counting
    some kind of person only a noun WordNet files under a kind that is no people, or a
    country, decides (its person class is broad: "sessions" are in it), or one it files
    under no one kind none of whose likely senses is a person, a group or an event
    ("over 21 previous rounds")."""
    joined = re.search(r"-([A-Za-z]+)$", candidate.text)
    if joined and joined.group(1).lower() not in NUMBER_WORDS:  # not "thirty-one"
        return True
    if focus is None or not (focus in ANYONE or names_people(focus)):
        return False
    head = _counted_noun(candidate, words)
    if head is None or names_people(head.text.lower()):
        return False
    if focus in ANYONE:
        return True
    # "3,000 troops", "500 staff", "40 delegations" are people in groups (WordNet's
    # organisations); a country is none ("three guarantor countries")
    lexicon, noun = shipped_lexicon(), head.text.lower()
    kind = lexicon.noun_class(noun)
    country = "country" in (noun, *lexicon.base_forms(noun)) or lexicon.is_kind_of(noun, "country")
    if kind is None:
        # under no one kind most of its senses are ("rounds"): other things when no likely
        # sense of it is a person, a group of people or an event people make up ("40
        # deaths", "3,000 votes" count people), and the question's noun is no event
        # itself ("How many sessions…?" is answered by "twenty rounds")
        return (
            lexicon.knows_noun(noun)
            and not lexicon.is_kind_of(focus, "event")
            and not any(lexicon.is_kind_of(noun, k) for k in ("person", "group", "event"))
        )
    return kind not in ("person", "organisation") or country


def _fullest_date(group: list[Found]) -> Found:
    """The group's answer to give for a date: the best-scored one, or a longer one that
    goes on from it ("January 24-25" and "January 24, 2024" of "January 24"), which
    says more of the same time: a headline's "Begins January 24" under the sentence that
    gives the whole range. Only from the same article: another one's "January 24, 2017"
    may be another event."""
    head = group[0]
    text = head.candidate.text
    longer = [f for f in group if f.candidate.text.startswith(text)
              and len(f.candidate.text) > len(text)
              and not f.candidate.text[len(text)].isalnum()
              and f.passage.source == head.passage.source]  # fmt: skip
    return max(longer, key=lambda f: len(f.candidate.text), default=head)


# A third-person pronoun: the sentence may speak of what the one before it names.
_REFERS_BACK = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her)\b", re.IGNORECASE)


def _candidates(
    expected: Expected,
    passages: Sequence[Passage],
    question_terms: Mapping[str, float],
    term_spans: Callable[[str], list[tuple[int, int, str]]],
    spans_of: SpanFinder = find_spans,
    term_weight: Callable[[str], float] | None = None,
    anchors: tuple[frozenset[str], Callable[[str], bool]] | None = None,
    about: Callable[[Passage], Named] | None = None,
    slot: tuple[Slot, str] | None = None,
    dated: Callable[[Passage], frozenset[str]] | None = None,
    owners: frozenset[str] = frozenset(),
    depth: int | None = None,
    owned: OwnedNoun | None = None,
    of_other_time: Callable[[Passage], bool] | None = None,
) -> tuple[list[Found], float]:
    """The best `GROUPED` candidates of the expected kind in `passages`, best first (when
    the question names owners, persons before other kinds); for a typed answer only
    those standing near the question's terms. Past the first `depth` passages, only
    persons beside an owner, however little else of the question the passage holds.
    Also the best score of a person second to the office asked for
    (`Candidate.unasked_deputy`), who is no candidate (0 when there is none)."""
    top = max(passages[0].score, 1e-9)
    heaviest = max(question_terms.values(), default=0.0)
    key_terms = frozenset(t for t, w in question_terms.items() if w >= KEY_SHARE * heaviest)
    # What a number counts should be in its sentence ("how many journalists"): where it
    # is not, a number of something else ("a two-day meeting") does not answer.
    counted = expected.focus if expected.kind == "number" and expected.plural else None
    required = frozenset(t for *_, t in term_spans(counted)) if counted else frozenset()
    focus = expected.focus
    focus_terms = frozenset(t for *_, t in term_spans(focus)) if focus else frozenset()
    # "Besides the UN, which…?": the answer is listed with the UN (`_listed_with`)
    besides_terms = (
        frozenset(t for *_, t in term_spans(expected.besides)) if expected.besides else frozenset()
    )
    # the question's other words, less those of its cue ("along with", "in addition to")
    cue_terms = {t for *_, t in term_spans(" ".join(BESIDES_CUE_WORDS))} if besides_terms else set()
    besides_rest = frozenset(question_terms.keys() - besides_terms - cue_terms)
    # a question for a measure of people or an extent ("the population", "the height"):
    # no count of other things answers (`_measured_in`; "how far", "how high": adjectives
    # weigh units in `candidates.py`)
    measure = (
        focus
        if expected.kind == "number" and focus and not expected.plural
        and focus not in MEASURED and focus != "number"
        else None
    )  # fmt: skip
    measured_in = _measured_in(measure) if measure else None

    def asked(noun: str) -> bool:
        """Is the noun, or a base form of it ("wolves": "wolf"), a word of the question?"""
        return any(t in question_terms for form in singular_forms(noun)
                   for *_, t in term_spans(form))  # fmt: skip

    # For "where", a common noun the slot holds answers too ("reported from the sidelines").
    where = slot is not None and slot[0].where
    found: list[Found] = []
    seconds = 0.0
    leader: Found | None = None  # the best found so far, by (tier, score)
    listed_found = False  # has a candidate listed with what is asked besides been found?
    for number, passage in enumerate(passages):
        if _is_a_question(passage.text):
            continue  # a question states no answer
        terms = term_spans(passage.text)
        deep = depth is not None and number >= depth
        if deep and leader is not None and leader.owned and of_other_time is None:
            break  # the best answer so far is a person beside an owner: no need to look on
            # (unless the question is of a time: that time's person may stand further on)
        if deep and not owners and listed_found:
            break  # the first passages list something with what is asked besides
        if (
            deep
            and owners.isdisjoint(t for *_, t in terms)
            and not (besides_terms and _holds_more(terms, besides_terms, besides_rest))
        ):
            continue  # past the depth only a person beside an owner, or a thing listed
            # with what the question asks besides in a passage holding another word of
            # the question than its cue's, is looked for
        held = dated(passage) if dated is not None else frozenset()
        # cheap to tell, and no candidate here could answer; past the depth, the owner
        # the passage names is the evidence (a roster shares little else with the question)
        if (
            expected.typed
            and not (deep and owners)
            and coverage(question_terms, terms, held) < MIN_COVERAGE
            and owners.isdisjoint(t for *_, t in terms)
        ):
            continue
        named = Named.HERE if about is None else about(passage)
        if named == Named.NOWHERE:
            continue
        rest = question_terms.keys() - required - held if required else frozenset()
        if rest and rest.isdisjoint(t for *_, t in terms) and not _REFERS_BACK.search(passage.text):
            # "How many people made up Tehran's delegation?" is not answered by the people
            # the war displaced; "In all, it numbered 12 people." may say it of the last one
            continue
        subject = 1.0 if named == Named.HERE else OFF_SUBJECT
        # Without what the question counts, a number answers when a word of its kind
        # follows ("three astronauts" for "how many people") or it stands near the
        # question's words (`STRICT_NEAR`).
        strict = bool(required) and required.isdisjoint(t for *_, t in terms)
        if expected.abbreviation:  # "What does AFC stand for?" is not answered by "NFC"
            words: Sequence[Token] = tokens(passage.text)
            spans: Sequence[TextSpan] = spelled_out(passage.text, words, expected.abbreviation)
        else:
            spans, words = spans_of(passage.text, expected.kind, expected.plural)
        relative = min(max(passage.score / top, 0.0), 1.0) ** RETRIEVAL_POWER
        besides = [(s, e) for s, e, t in terms if t in besides_terms] if besides_terms else []
        in_slot = _in_slot(slot, terms, words) if slot is not None else None
        segment_of = item_of = None
        elsewhen: bool | None = None  # does it name a party's person at another time? (once)
        claimed: frozenset[int] = frozenset()  # segments naming what is asked as another's
        if anchors is not None and (anchors[0] or owners) and expected.kind in OWNED_KINDS:
            segment_of = _segments(passage.text, words)
            item_of = _segments(passage.text, words, items=True)
            if owned and owners:
                others = claimed_by_others(
                    words, terms, owned.term, owners | owned.owner_terms, owned.of_its_kind
                )
                claimed = frozenset(map(segment_of, others))
        for c in score_spans(passage.text, spans, words, expected.kind, expected.plural,
                             question_terms, key_terms, terms, expected.focus,
                             spelled=bool(expected.abbreviation),
                             held_terms=held & question_terms.keys(),
                             focus_terms=focus_terms, count=expected.count,
                             second_in_rank=expected.second_in_rank,
                             named_by=expected.named_by,
                             asks_name=expected.asks_name):  # fmt: skip
            if (expected.typed and c.near < MIN_NEAR) or (
                strict
                and c.fit <= 1.0
                and (c.near < STRICT_NEAR or _counts_other(c, words, expected.focus))
            ):
                continue
            if measured_in and _counts_no_measure(c, words, measure or "", measured_in, asked):
                continue
            score = c.fit * (NEAR_SHARE * c.near + PASSAGE_SHARE * relative) * (1 - 0.5 * c.repeats)
            score *= subject
            if term_weight is not None and expected.kind in _PHRASE_KINDS:
                inside = [term_weight(t) for s, e, t in terms if c.start <= s and e <= c.end]
                score *= 1 - SPECIFICITY + SPECIFICITY * max(inside, default=0.0)
            mine, beside_another = False, False
            if segment_of is not None and anchors is not None:
                share, mine = _anchored(c, terms, segment_of, *anchors, owners, claimed, item_of)
                score *= share
                beside_another = share < 1.0
                mine = mine and c.fit >= 1.0  # only a span of the very kind asked for
                if mine and of_other_time is not None:
                    if elsewhen is None:
                        elsewhen = of_other_time(passage)
                    if elsewhen:
                        score *= OTHER_ANCHOR  # the party's person at another time
                if mine:
                    score *= OWNED
            listed = bool(besides) and _listed_with(passage.text, c, besides)
            if deep and not (mine or listed):
                continue
            if in_slot is not None and (c.fit >= 1.0 or not expected.typed or where) and in_slot(c):
                score *= IN_SLOT
            if listed:
                score *= LISTED
            if c.unasked_deputy:  # a deputy of the office asked for: no answer
                seconds = max(seconds, score)
                continue
            # a person beside another party is that party's, after every other person;
            # a thing of the kind asked listed with what is asked besides comes first
            # ("Besides the UN, which…?": one of the very kind asked for listed with the
            # UN is read first, found in the first passages or further on)
            tier = ((bool(owners) and not beside_another) or listed) and c.fit >= 1.0
            f = Found(c, passage, score, "", mine, int(tier), beside_another, listed)
            listed_found = listed_found or listed
            found.append(f)
            if leader is None or (f.tier, f.score) > (leader.tier, leader.score):
                leader = f
    # Only the best few can win; normalising and grouping the rest would cost time.
    found = sorted(found, key=lambda f: (-f.tier, -f.score))[:GROUPED]
    return [replace(f, key=normalised(f.candidate.text)) for f in found], seconds


def _holds_more(
    terms: list[tuple[int, int, str]], besides_terms: frozenset[str], rest: frozenset[str]
) -> bool:
    """Does a passage hold what the question asks besides and another of its words
    (`rest`): "the UN and the International Committee of the Red Cross" in a sentence on
    the last round, not one naming the UN alone ("along" and "with" of the cue are no
    such words)."""
    held = {t for *_, t in terms}
    return bool(held & besides_terms) and bool(held & rest)


def _listed_with(text: str, c: Candidate, besides: list[tuple[int, int]]) -> bool:
    """Is candidate `c` listed with what the question asks besides (`besides`: where the
    passage writes its terms): joined to it by list words only, a joining word among
    them ("the UN and the International Committee of the Red Cross"); not written
    beside it ("the United Nations Deputy Special Representative"), in apposition to it
    ("Geir Pedersen, the UN envoy") or parted from it by a bracket ("the UN High
    Commissioner for Refugees (UNHCR), UN agencies")?"""
    for start, end in besides:
        if end <= c.start:
            gap = text[end : c.start]
        elif c.end <= start:
            gap = text[c.end : start]
        else:
            continue  # the candidate holds it
        words = [w.lower() for w in _LIST_GAP.findall(gap)]
        if (
            0 < len(words) <= 4
            and all(w in _LIST_WORDS for w in words)
            and any(w in _JOINING for w in words)
        ):
            return True
    return False


def _in_slot(
    slot: tuple[Slot, str], terms: list[tuple[int, int, str]], words: Sequence[Token]
) -> Callable[[Candidate], bool] | None:
    """Whether a candidate stands in the question's slot beside its verb (`slots.py`),
    or None when the passage does not hold the verb."""
    wanted, verb_term = slot
    word_starts = [w.start for w in words]
    verbs = {bisect_right(word_starts, s) - 1 for s, _, t in terms if t == verb_term}
    verbs = {v for v in verbs if v >= 0 and words[v].tag == "VERB"}  # not "rejection"
    if not verbs:
        return None
    starts, ends = slot_positions(wanted, words, verbs)
    if not starts and not ends:
        return None
    return lambda c: (
        bisect_right(word_starts, c.start) - 1 in starts
        or bisect_right(word_starts, c.end - 1) - 1 in ends
    )


def _segments(text: str, words: Sequence[Token], items: bool = False) -> Callable[[int], int]:
    """The clause segment of a character offset: segments end at commas, semicolons,
    colons and "while"/"whereas", which separate the parts of a list such as "Türkiye
    is represented by Yıldız, while Russia is represented by Lavrentiev, Iran by
    Khaji". With `items`, a roster's items: also at an "and" before a determiner whose
    clause names someone "by" ("the Syrian opposition by Ahmet Toma and the regime by
    Bassam Sabbagh"); not in another list ("The club's president Perez and the coach
    Ancelotti": both are the club's), nor inside a noun phrase ("American writer and
    satirist Kurt Vonnegut")."""
    cuts = {w.start for w in words if w.text in _SEGMENT_BREAKS}
    if items:
        cuts |= {w.start for i, (w, after) in enumerate(pairwise(words))
                 if w.text == "and" and after.tag == "DET" and _names_by(words, i + 1)}  # fmt: skip
    cuts |= {i for i, ch in enumerate(text) if ch in ",;:"}
    ordered = sorted(cuts)
    return lambda offset: bisect_right(ordered, offset)


def _names_by(words: Sequence[Token], start: int) -> bool:
    """Does "by" follow word `start` before the clause ends (punctuation, "while")?"""
    for word in words[start:]:
        if word.text in _SEGMENT_BREAKS or word.text in ",;:.":
            return False
        if word.text == "by":
            return True
    return False


def _anchored(
    c: Candidate,
    terms: list[tuple[int, int, str]],
    segment_of: Callable[[int], int],
    asked: frozenset[str],
    is_anchor: Callable[[str], bool],
    owners: frozenset[str] = frozenset(),
    claimed: frozenset[int] = frozenset(),
    item_of: Callable[[int], int] | None = None,
) -> tuple[float, bool]:
    """The share of its score a candidate keeps for what its clause segment names, and
    whether it stands beside an owner of what is asked for. The share is OTHER_ANCHOR
    when the segment names something of the kind the question names (a country, a name
    of the corpus) but not what the question names: the name beside Türkiye does not
    answer a question about Iran; also when the segment, or the one an apposition
    renames, is `claimed`: it writes the thing asked about as another party's ("the
    Assad regime delegation will be headed by …, Bassam Sabbagh"); else 1.

    Beside an owner: in the candidate's roster item (`item_of`, `_segments`: "the Syrian
    opposition by Ahmet Toma and the regime by Bassam Sabbagh": Toma is the
    opposition's), or for an apposition, in the segment it renames."""
    segment = segment_of(c.start)
    if segment_of(c.end - 1) != segment:
        return 1.0, False  # a list of several: no single anchor
    outside = [(s, t) for s, _, t in terms if not c.start <= s < c.end]
    beside = {t for s, t in outside if segment_of(s) == segment}
    named = {t for t in beside if is_anchor(t)}
    share = OTHER_ANCHOR if asked and named and not named & asked else 1.0
    renamed, own = segment, beside
    if not beside:  # an apposition is owned as what it renames, in the segment before
        renamed = segment - 1  # ("the UN envoy to Syria, Geir Pedersen, who…")
        own = {t for s, t in outside if segment_of(s) == renamed}
    elif item_of is not None:
        own = {t for s, t in outside if item_of(s) == item_of(c.start)}
    mine = bool(own & owners)
    if renamed in claimed and not mine:
        share = OTHER_ANCHOR
    return share, mine


def _mentions(
    best: list[Found],
    passages: Sequence[Passage],
    seen: set[tuple[str, int]],
    expected: Expected,
    spans_of: SpanFinder = find_spans,
) -> list[Found]:
    """The other passages that name the answer (however near the question's words, and
    however they spell it): they support it, and show how the sources spell it."""
    key = best[0].key
    more = []
    for passage in passages:
        if (passage.source, passage.start) in seen:
            continue
        if fuzz.partial_ratio(key, normalised(passage.text)) < SAME_SPELLING:
            continue
        spans, _ = spans_of(passage.text, expected.kind, False)
        for span in spans:
            spelled = normalised(span.text)
            if spelled and same(spelled, key) and not set(spelled.split()) > set(key.split()):
                c = Candidate(span.start, span.end, span.text, 0.0, 0.0, 0.0, 0.0, 0.0)
                more.append(Found(c, passage, 0.0, spelled))
                break
    return more


def _description(
    question: str,
    passages: tuple[Passage, ...],
    kind: str = "description",
    question_terms: Mapping[str, float] | None = None,
    term_spans: Callable[[str], list[tuple[int, int, str]]] | None = None,
    focus: str | None = None,
) -> AnswerResult:
    """The first passage as the answer; for "why" (or "what reason…", `focus`), its clause
    of reason when it has one (`reasons.reason_clause`)."""
    first = passages[0]
    clause = None
    if asks_why(question, focus):
        clause = reason_clause(first.text, question_terms or {}, term_spans,
                               claimed_words(question))  # fmt: skip
    return _first_passage_answer(passages, kind, clause or (0, len(first.text)))


def _first_passage_answer(
    passages: tuple[Passage, ...], kind: str, clause: tuple[int, int]
) -> AnswerResult:
    """The answer `clause` (`(start, end)` in the first passage's text) of `passages`."""
    first = passages[0]
    start, end = clause
    text = first.text[start:end]
    span = Span(first.source, first.start + start, first.start + end)
    return AnswerResult(passages, kind, text, span, (1,))


def _owner_named(
    question: str,
    anchors: tuple[frozenset[str], Callable[[str], bool]] | None,
    term_spans: Callable[[str], list[tuple[int, int, str]]],
) -> bool:
    """Does the question write one of its anchors (a country or a name of the corpus)
    as the owner of what it asks for, in the possessive ("Turkey's vice foreign
    minister")? A country it only mentions ("the ceasefire in Syria") owns nothing."""
    if anchors is None or not anchors[0]:
        return False
    return any(
        term in anchors[0] and question[end : end + 2] in ("'s", "’s")
        for _, end, term in term_spans(question)
    )


def _only_others_found(found: Sequence[Found]) -> bool:
    """Are there persons among `found` (spans of the very kind asked for), and is every
    one of them named beside another party (`Found.of_another`)?"""
    persons = [f for f in found if f.candidate.fit >= 1.0]
    return bool(persons) and all(f.of_another for f in persons)


def _only_others(expected: Expected) -> str:
    """Why there is no answer when every person found is named as another party's."""
    who = expected.focus or "person"
    return (
        f"no {who} of the country or party the question names is named in the sentences "
        f"that match it; each one found is named beside another"
    )


def _only_seconds(expected: Expected) -> str:
    """Why there is no answer when only a deputy of the office asked for is named."""
    return (
        f"no {expected.focus} is named in the sentences that match the question, only "
        f"a deputy or an assistant of one"
    )


def _stated_apart(question: str, text: str, expected: Expected, spans_of: SpanFinder) -> str | None:
    """The first span of the very kind asked for (a number, a date: forms read without
    doubt) that the first passage `text` states and the question does not write ("15"
    of "How many of the 15 members…?"), or None; none from a sentence that asks. A sum
    or a share (`SHARE_KINDS`) is not quoted for a count: "30%" counts no people."""
    if _is_a_question(text):
        return None
    asked = f" {normalised(question)} "
    spans, _ = spans_of(text, expected.kind, expected.plural)
    return next(
        (s.text for s in spans
         if expected.kind in s.kinds and not (s.kinds & SHARE_KINDS) - {expected.kind}
         and not is_time_for_untimed(s.kinds, expected.focus)
         and f" {normalised(s.text)} " not in asked),
        None,
    )  # fmt: skip


def _missing(
    expected: Expected, stated: str | None = None, outside: bool = False, other: str | None = None
) -> str:
    """Why there is no answer, for a person: "no number of journalists is stated…". It
    says where none was found, the sentences matching the question: an article may
    state one elsewhere, about something else. When the first sentence does state one
    (`stated`), it says so and quotes it: the reader sees that sentence cited, and the
    engine's doubt is what it is said of, not whether it is there. `outside`: the dates
    found all fall outside the time the question bounds its answer by. `other`: what
    they state instead, of another sort than asked for ("Iran" for "Which city…?")."""
    what = _WHAT_IS_MISSING.get(expected.kind, expected.kind)
    focus = expected.focus
    verb = "is"
    if expected.kind == "number" and focus in MEASURED:
        what = f"figure for “how {focus}”"  # "How tall…?": not "no number of tall"
    elif expected.kind in ("number", "duration") and focus and focus not in ("long", "old"):
        what = f"{what} of {focus}"
    elif focus and expected.kind not in ("number", "money", "percent", "duration"):
        what, verb = focus, ("are" if expected.plural else "is")
    if stated is not None:
        return (
            f"no {what} {verb} clearly stated for what the question asks; the first "
            f"sentence states “{stated}”, but it cannot be tied to the question's words"
        )
    if other is not None:
        return (
            f"no {what} {verb} stated in the sentences that match the question; the place "
            f"they state, “{other}”, is of another sort"
        )
    if outside:
        return (
            f"no {what} {verb} stated in the sentences that match the question for the "
            f"time it asks about: the dates they state fall outside it"
        )
    return f"no {what} {verb} stated in the sentences that match the question"
