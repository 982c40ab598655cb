"""`QAEngine`: answers a question with cited sentences, or abstains.

The engine is built once (`QAEngine.open`) and then only read, so one instance can be
shared by many threads.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import cached_property, lru_cache, reduce
from itertools import pairwise
from pathlib import Path
from typing import cast

import numpy as np

from ..errors import InvalidQuestion
from ..index.build import Progress
from ..index.open import IndexStats, OpenedIndex, open_index
from ..records import Answer, Citation, SourceInfo, Span, Variant
from ..settings import DEFAULT_K, MAX_K, Settings
from ..text.analysis import fold
from ..text.dates import ISO_MONTH, DateMention, find_dates, parse_iso_day
from ..text.entities import Span as TextSpan
from ..text.entities import Token, tokens
from ..text.expansion import (
    CorpusStats,
    Expansion,
    expand,
    period_months,
    phrasal_verbs,
    sense_share,
    senses_in_corpus,
    terms_of_links,
)
from ..text.features import asks_about_another_of_a_series, numbered_names
from ..text.lexicon import Lexicon, LexiconData, normalise
from ..text.months import MONTHS
from ..text.tagger import is_english_word
from ..text.tagger import lexicon as tagger_lexicon
from .answer_types import POSSESSIVE
from .answers import OWNED_KINDS, AnswerResult, Named, answer
from .bm25 import UNKNOWN
from .casing import SENTENCES_READ, NameForms
from .definitions import Defined, definition
from .grouping import Variant as AnswerVariant
from .initials import spelled_out
from .mentions import NameMentions
from .owners import OwnedNoun, named_object, object_phrase
from .passages import Passage, renumbered
from .precise import is_vague, only_day_inside
from .query import AnswerType, Query, read_query
from .ranking import SentenceRanker
from .roles import RoleReader
from .spans import find_spans
from .spelling import TermMatcher
from .timeline import (
    TimeOrder,
    date_rested_on,
    instance_named,
    order_by_time,
    ordinal_terms,
    place,
)
from .times import not_in_time

log = logging.getLogger(__name__)

# An ordinal's analysed term: "22nd", "3rd".
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# What a question may ask a time by that a day is finer than.
_COARSE_TIMES = frozenset({"year", "years", "month", "months", "decade", "century", "season"})

# Distinct sentences a short answer is looked for in (answers.py reads the best ten for
# candidates; the rest can support the answer found).
ANSWER_POOL = 15
# A vague date is made precise only from at most this many sentences naming the event
# (`precise.py`): a name in more is too common to tell one event by.
PRECISE_ROWS = 200
# Sentences searched for a person standing beside the party a question names ("Moscow's
# envoy"; `owners.py`), or a thing listed with what it asks besides ("Besides the UN,
# which…?"): such a roster or list may share no other word with the question.
OWNER_POOL = 60
# Words whose family and names whose spellings are remembered.
CACHED_WORDS = 4096
# Sentences whose terms and candidate spans are remembered (a few kB each).
CACHED_SENTENCES = 2048
# For a question asking what an abbreviation stands for, the articles of this many of the
# best passages are searched for the sentence that first uses it (`_spelled_out`).
SPELLING_ARTICLES = 3
# Where answers are placed, the names and numbers a question mentions weigh at least
# this share of its heaviest term: in a corpus about Iran, "Iran" is a frequent word,
# but "the Iranian delegation" is led by whoever stands next to it, not by a name
# next to "delegation" alone (measured: squad-dev and trecqa unchanged, one more of the
# seed questions in readers' words right).
NAMED_SHARE = 0.5
# Asked once by `warm_up` before a server takes questions: one of each kind of answer, a
# misspelt word and a time word, so that every table read on first use (lexicon, tagger,
# places, spelling index) is read before the first user waits for it.
WARM_UP_QUESTIONS = (
    "Who led the delegation?",
    "When was the meeting held?",
    "How many people were there?",
    "Where did the talks take place?",
    "Which country hosted the latest round?",
    "What did the statement say about the goverment?",
    "Why did they meet?",
)
# Universal part-of-speech tags (`text/tagger.py`) → WordNet's parts of speech.
_WORDNET_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
NOT_COVERED = (
    "the closest sentences hold only a few of the question's key words, so none of them "
    "is given as the answer"
)
NOTHING_FOUND = "no article holds the key words of this question"


def _listed(words: tuple[str, ...]) -> str:
    """“Erdogan”, “Macron” and “1999”: `words` quoted, as a refusal names them."""
    quoted = [f"“{w}”" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _not_in_its_article(names: tuple[str, ...]) -> str:
    """The best passage's article never mentions “Scotland”, so it does not answer…"""
    return (
        f"the closest passage comes from an article that never mentions {_listed(names)}, "
        "so it does not answer this question"
    )


def _not_mentioned(words: tuple[str, ...]) -> str:
    """“Erdogan”, “Macron” and “1999” are not mentioned in any article."""
    return f"{_listed(words)} {'is' if len(words) == 1 else 'are'} not mentioned in any article"


def _names_held(
    text: str, term_spans: Callable[[str], list[tuple[int, int, str]]], as_names: Collection[str]
) -> set[str]:
    """The terms of `text`, less those of `as_names` (the terms of words a question writes
    as names) where `text` writes them in lower case: "Who wrote the song “Stardust”?"
    is not about "heroin, stardust", nor "Who coined the name Rat Pack?" about "small
    packs of crack"."""
    return {t for start, _, t in term_spans(text)
            if t not in as_names or not text[start].islower()}  # fmt: skip


def _passage_holding(passages: tuple[Passage, ...], span: Span) -> Passage:
    """The passage that `span` (a short answer's) is written in."""
    return next(p for p in passages if p.source == span.source and p.start <= span.start < p.end)


def _ranks(ranks: tuple[int, ...], renumber: dict[int, int]) -> list[int]:
    """Answer-layer ranks as citation ranks (those not cited are left out)."""
    return sorted(renumber[r] for r in ranks if r in renumber)


def _spans_of(
    text: str, kind: str, plural: bool | None, lexicon: Lexicon, words: tuple[Token, ...]
) -> tuple[tuple[TextSpan, ...], tuple[Token, ...]]:
    """`find_spans` of `text` (tagged as `words`), as tuples: the engine keeps them for
    other questions."""
    spans, _ = find_spans(text, kind, plural, lexicon.is_place_name, lexicon.is_place_word, words)
    return tuple(spans), words


def _can_be_noun(word: str) -> bool:
    """Does the tagger's treebank know `word` as a noun?"""
    return "NOUN" in (tagger_lexicon().get(word.lower()) or ())


def _outside(iso: str, bound: tuple[str, str] | None) -> bool:
    """Is the date `iso` (a period "a/b" by its start for "before", its end otherwise)
    outside `bound` (`Query.bound`)? A date in a bound's month is ("before the January
    2024 session": that month is the session's), in a bound's year is not ("before the
    2024 election" names the election's year, not its month). A date with no year is
    read as in the bound's year when it names the bound's month ("January 24" for
    "before January 2024": the bound itself); otherwise it cannot be placed, and is not
    outside."""
    if bound is None:
        return False
    side, limit = bound
    start, _, end = iso.partition("/")
    when = start if side == "before" else (end or start)
    if when.startswith("--") and len(limit) >= 7 and when[2:4] == limit[5:7]:
        when = limit[:4] + when[1:]  # "--01-24" → "2024-01-24"
    if not when[:1].isdigit():
        return False
    if len(limit) == 4 and when.startswith(limit):
        return False  # in the bound's own year: "before the 2024 election" may be July 2024
    if side == "before":  # "before January 2024": not in it or after it
        return when >= limit or when.startswith(limit)
    if side == "after":  # "after January 2024": not in it or before
        return when <= limit or when.startswith(limit)
    return when < limit and not limit.startswith(when)  # "since 2017": 2017 included


def _date_of(citation: Citation) -> str | None:
    """The date an answer to a time-aware question rests on, by its first citation."""
    return date_rested_on(citation.dates, citation.date)


def validate_k(k: object) -> int:
    """`k` if it is a whole number of citations from 1 to MAX_K, else `InvalidQuestion`."""
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(
            f"Give k (the number of citations) as a whole number from 1 to {MAX_K}.", field="k"
        )
    return k


class QAEngine:
    """Question answering over one corpus and its index."""

    def __init__(self, opened: OpenedIndex, settings: Settings):
        index = self.index = opened.index
        self.texts = opened.texts
        analyzer = self.analyzer = opened.analyzer
        self.settings = settings
        # WordNet's related words and kinds, places: capitals and demonyms to countries.
        knows = settings.ranking.lexical_knowledge
        self.lexicon = Lexicon() if knows else Lexicon(LexiconData.empty())
        # A word's family is looked up once per word
        # (bounded: questions bring new words for as long as the server runs).
        self._family_of = lru_cache(maxsize=CACHED_WORDS)(self._family_of_word)
        # Read for the words of every passage a party's person is looked for in.
        self._is_party_group = lru_cache(maxsize=CACHED_WORDS)(self._party_group)
        # A sentence's terms and candidate spans do not depend on the question, and the
        # same sentences answer many questions: most of the answer layer's work is here.
        self._sentence_terms = lru_cache(maxsize=CACHED_SENTENCES)(
            lambda text: tuple(analyzer.term_spans(text))
        )
        # The set of a sentence's terms, which near-duplicates are told by (`_top_distinct`).
        self._term_set = lru_cache(maxsize=CACHED_SENTENCES)(
            lambda text: frozenset(t for *_, t in self._sentence_terms(text))
        )
        # A sentence is tagged once for every kind of question that reads it.
        self._tokens = lru_cache(maxsize=CACHED_SENTENCES)(lambda text: tuple(tokens(text)))
        self._spans_of = lru_cache(maxsize=CACHED_SENTENCES)(
            lambda text, kind, plural: _spans_of(
                text, kind, plural, self.lexicon, self._tokens(text)
            )
        )
        self._found_dates = lru_cache(maxsize=CACHED_SENTENCES)(self._dates_in_sentence)
        self.roles = RoleReader(self.lexicon, analyzer, CACHED_WORDS)
        # The terms of the lexicon's words (a fixed list), read once each.
        self._lexicon_terms = lru_cache(maxsize=8 * CACHED_WORDS)(
            lambda word: tuple(analyzer.terms(word))
        )
        # A word's related indexed terms (before the question's context is tested).
        self._linked_terms = lru_cache(maxsize=CACHED_WORDS)(
            lambda token, pos: terms_of_links(
                token, pos, self.lexicon, self._lexicon_terms, self._corpus_stats,
                self._expansion_policy,
            )
        )  # fmt: skip
        self._written_as = lru_cache(maxsize=8 * CACHED_WORDS)(self._count_written_as)
        self._senses_in_corpus = lru_cache(maxsize=8 * CACHED_WORDS)(
            lambda word: senses_in_corpus(
                word, self.lexicon, self._lexicon_terms, self._corpus_stats
            )
        )
        self.stats: IndexStats = opened.stats
        self.ranker = SentenceRanker(index, settings.index)
        self.matcher = TermMatcher(
            self.ranker.term_number,  # the terms some sentence holds, by number
            frequency=self.ranker.sentences.document_frequency,
            adjacent=lambda first, second: len(self.ranker.lookup.pair_rows(first, second)) > 0,
            analyze=analyzer.guessed_terms,
            enabled=settings.ranking.match_misspellings,
            is_word=is_english_word,
        )
        # How the articles write the words of a question typed in lower case.
        self.name_forms = NameForms(
            self.ranker, analyzer, self.lexicon, self.matcher,
            lambda sentence: self._sentence(sentence)[0],
        )  # fmt: skip
        self._expansion_policy = settings.expansion
        self._corpus_stats = CorpusStats(
            indexed=lambda term: term in self.ranker.term_number,
            cooccurrence=self.ranker.cooccurrence,
            near_in_articles=self.ranker.near_in_articles,
            writes=self._written_as,
        )
        rows = self.ranker.rows
        self._doc, self._start, self._end = rows.doc, rows.start, rows.end
        self.mentions = NameMentions(
            self.ranker, analyzer, self._doc, lambda row: self._sentence(row)[0],
            self._sentence_terms, CACHED_WORDS, [d.name for d in index.documents],
        )  # fmt: skip
        counts = np.bincount(self._doc, minlength=len(index.documents))
        self._doc_number = {d.name: i for i, d in enumerate(index.documents)}
        self._sources = {
            d.name: SourceInfo(d.name, d.title, d.date, int(n))
            for d, n in sorted(zip(index.documents, counts, strict=True), key=lambda p: p[0].name)
        }

    @classmethod
    def open(
        cls,
        corpus_dir: str | Path = "seeds",
        index_dir: str | Path = "index",
        settings: Settings | None = None,
        alias_file: str | Path | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
        read_only: bool = False,
    ) -> QAEngine:
        """Open the index of `corpus_dir` in `index_dir`, building or updating it when
        needed (`index/open.py`), or with `read_only` only if it is current."""
        settings = settings or Settings()
        opened = open_index(
            corpus_dir, index_dir, settings, alias_file, rebuild, progress, read_only
        )
        return cls(opened, settings)

    def warm_up(self) -> float:
        """Ask WARM_UP_QUESTIONS and forget their answers; the seconds it took.

        Tables and indexes the answer layer reads lazily are then loaded, so the first
        questions a server takes cost what later ones do (measured: the first question
        after opening took 42 ms against 11 ms for the next one)."""
        began = time.perf_counter()
        for question in WARM_UP_QUESTIONS:
            self.ask(question)
        return time.perf_counter() - began

    def read(self, question: object) -> Query:
        """The question read once (`query.py`); `InvalidQuestion` if it cannot be asked.
        A date no article's words state but some article is dated by ("the January 2024
        talks" where the article dated 2024-01-24 never writes "January 2024") is not a
        name the articles do not mention."""
        query = read_query(
            question, self.analyzer, self.matcher, self.settings.ranking, self._place_terms,
            self._family_of, self._expansions, self.lexicon.is_country, self.name_forms.form,
            self._is_party, self._writes,
        )  # fmt: skip
        dated = {t for prefix, terms in query.dates if prefix in self._article_dates for t in terms}
        if not query.unknown or not dated:
            return query
        unknown = tuple(w for w in query.unknown
                        if not set(self.analyzer.guessed_terms(w)) <= dated)  # fmt: skip
        return replace(query, unknown=unknown)

    @cached_property
    def _article_dates(self) -> frozenset[str]:
        """Every article's date and its year and month ("2024-01-24", "2024-01", "2024")."""
        dates = {d.date for d in self.index.documents if d.date}
        return frozenset(p for d in dates for p in (d, d[:7], d[:4]))

    def _expansions(
        self, written: list[tuple[str, str]], text: str, context: list[str]
    ) -> list[Expansion]:
        """The related words and places of a question's `(word, term)` pairs that the
        corpus makes likely near the question's terms `context` (`text/expansion.py`),
        each word through the senses of the part of speech it has in `text`; none when
        switched off."""
        if not self.settings.ranking.related_words:
            return []
        tags: dict[str, str | None] = {}
        capitalised: set[str] = set()
        words = tokens(text)
        for token in words:
            tags.setdefault(normalise(token.text), _WORDNET_POS.get(token.tag))
            if token.text[:1].isupper():
                capitalised.add(normalise(token.text))
        written = written + phrasal_verbs(
            words, dict(written), self.lexicon, self._corpus_stats.indexed
        )
        # Related words come from the lexicon, a fixed list, so their terms are
        # remembered (`terms`, not `guessed_terms`): stemming them is most of the cost.
        related = expand(written, self.lexicon, self._lexicon_terms, self._corpus_stats,
                         self._expansion_policy, lambda word: tags.get(normalise(word)),
                         context, self._linked_terms, capitalised.__contains__,
                         self._sense_kept)  # fmt: skip
        searched = {e.term for e in related}
        months = period_months(text, written, self._lexicon_terms, self._corpus_stats.indexed)
        return related + [e for e in months if e.term not in searched]

    def _place_terms(self, word: str) -> list[str]:
        """The indexed terms of the country `word` stands for (a capital, demonym or the
        start of its official name), or [] when it is not a place or the articles do not
        name its country."""
        word = POSSESSIVE.sub("", word)  # "Washington's"
        for country, _ in self.lexicon.places(word):  # a demonym's plural too: "Americans"
            terms = self._indexed_terms(country)
            if terms:
                return terms
        # A shortened official name ("the Islamic Republic"): the one such country the
        # articles name, if only one.
        named = [t for t in map(self._indexed_terms, self.lexicon.places_starting(word)) if t]
        return named[0] if len({tuple(t) for t in named}) == 1 else []

    def _indexed_terms(self, name: str) -> list[str]:
        """The terms of `name`, when the index holds every one of them; else []."""
        terms = self.analyzer.guessed_terms(name)
        return terms if terms and all(t in self.ranker.term_number for t in terms) else []

    def ask(self, question: str | Query, k: int = DEFAULT_K) -> Answer:
        """Answer `question` (text, or a `Query` from `read`) with up to `k` citations,
        best first, or abstain."""
        began = time.perf_counter()
        query = question if isinstance(question, Query) else self.read(question)
        validate_k(k)
        ranking = self.settings.ranking
        asked, owners = self._anchors_asked(query)
        # the short answer is looked for in these; for a person of a party the question
        # names, deeper too, for a sentence naming the party beside a person (`owners.py`),
        # and for "Besides X, which…?", for a sentence listing something with X
        besides = query.expected.besides and query.expected.typed
        passages = max(k, OWNER_POOL if owners or besides else ANSWER_POOL)
        pool = 4 * passages + 10  # room for near-duplicates to be skipped
        ranked = self.ranker.top(query, ranking, pool) if query.terms else None
        if ranked is not None and query.time is not None:
            ranked, instance = self._by_time(query, *ranked)
            if instance and (query.kind is AnswerType.TIME or query.expected.kind == "date"):
                # "When was the latest round held?" ("latest round dates") is asked of the
                # round it finds newest
                answer = self._asked_of(
                    query, instance_named(query.reading, query.time, instance), k
                )
                if answer is not None:
                    took_ms = round((time.perf_counter() - began) * 1000, 3)
                    return replace(answer, took_ms=took_ms)
        defining = 0  # sentences defining what "What is X?" asks about (`definitions.py`)
        if ranked is not None and query.time is None and query.defined:
            ranked, defining = self._defining_first(query.defined, *ranked)
        chosen = self._top_distinct(*ranked, passages) if ranked is not None else []
        if query.expected.abbreviation and chosen and not defining:  # read where spelled out
            spelled = self._spelled_out(query.expected.abbreviation, chosen)
            moved = {row for row, _ in spelled} - {chosen[0][0]}
            chosen = (
                chosen[:1] + [c for c in spelled if c[0] in moved]
                + [c for c in chosen[1:] if c[0] not in moved]
            )  # fmt: skip
        found, row_of = self._short_answer(query, chosen, asked, owners)
        found = self._made_precise(query, found, row_of)
        found = self._in_time_asked(query, found, row_of, bool(owners))
        rows = self._cited_rows(found, row_of, k)
        confidence = 0.0
        # The noun saying what is asked for ("the population of Astana"): read once for
        # the coverage and for whether any article uses it (`_kind_never_named`).
        focus = frozenset(self.analyzer.guessed_terms(query.expected.focus or ""))
        if rows:
            first = rows[0][0]
            held = self._dated_terms(query, first)
            if found.span is not None:  # a party's person answers for the role's words
                passage = _passage_holding(found.passages, found.span)
                held |= self.roles.role_terms(query, found, passage)
            if found.listed:  # "Besides the UN, which organisation…?": one listed with it
                held |= focus
            # The noun saying what is asked for is found only as itself or a word naming
            # the same thing, not as a broader one ("people").
            expansions = [e for e in query.expansions if e.equivalent or e.source not in focus]
            confidence = self.ranker.coverage(
                query.terms,
                first,
                expansions,
                held,
                query.paraphrased | self._readers_nouns(query),
                self.settings.ranking.paraphrase_weight,
            )
        unmentioned = self._names_unmentioned(query, rows[0][0]) if rows else []
        reason = self._reason(query, found, confidence if rows else None, focus, unmentioned)
        answered = reason is None
        if not answered:  # a refused answer's further sources support nothing shown
            rows = [row for row in rows if row[2] <= k]
        citations = [self._citation(i, row, score) for i, (row, score, _) in enumerate(rows, 1)]
        renumber = {answer_rank: i for i, (_, _, answer_rank) in enumerate(rows, 1)}
        variants = [
            Variant(v.text, v.span, _ranks(v.supported_by, renumber)) for v in found.variants
        ]
        return Answer(
            question=query.text,
            answered=answered,
            answer=(found.answer or citations[0].text) if answered else None,
            confidence=round(confidence, 4),
            citations=citations,
            took_ms=round((time.perf_counter() - began) * 1000, 3),
            as_of=_date_of(citations[0]) if answered and query.time is not None else None,
            answer_type=found.answer_type,
            answer_span=found.span if answered else None,
            supported_by=_ranks(found.supported_by, renumber) if answered else [],
            variants=variants if answered else [],
            reason=reason,
        )

    def _kind_never_named(
        self, query: Query, found: AnswerResult, terms: frozenset[str]
    ) -> str | None:
        """Why no answer can be given to a question asking which built or natural place
        or thing (WordNet's artifacts and objects: "Which hotel…?", "What river…?") when
        no article uses that noun or a word naming the same thing, and the answer found is
        no name (a name ends in a capitalised word or a number: "Kazakhstan's capital" is
        none, "Falcon 9" is one), or names a country or a city ("Kazakhstan", "Astana"):
        none of those is known to be one. A name they do not know stays the answer
        ("Which stadium…?" over "the final at Wembley"), as does one WordNet files under
        the noun ("the Danube" a river). `terms` are the noun's analysed terms. None when the
        question can be answered so."""
        expected = query.expected
        focus = expected.focus
        if expected.kind not in ("place", "thing") or not focus:
            return None  # "Which bank…?" asks for an organisation, whatever WordNet files
        if self.lexicon.noun_class(focus) not in ("artifact", "object"):
            return None
        if not terms or any(t in self.ranker.term_number for t in terms):
            return None
        if any(e.source in terms and e.equivalent for e in query.expansions):
            return None  # "Which inn…?" where the articles write "hostelry"; a broader
            # word ("building" for "hotel") tells nothing named is one
        answer = found.answer or ""
        last = answer.rsplit(None, 1)[-1] if answer.strip() else ""
        capitalised = last[:1].isupper() or (last[:1].isdigit() and answer[:1].isupper())
        named = capitalised and not (
            self.lexicon.names_a_country(answer) or self.lexicon.is_kind_of(answer, "city")
        )
        if named or self.lexicon.is_kind_of(answer, focus):
            return None
        return f"no article uses the word “{focus}” or another for the same thing"

    def _reason(
        self,
        query: Query,
        found: AnswerResult,
        coverage: float | None,
        focus_terms: frozenset[str],
        unmentioned: Collection[str] = (),
    ) -> str | None:
        """Why the articles do not answer `query`, or None when they do: a name or number
        no article mentions, a built thing no article names (`_kind_never_named`, given the
        asked noun's `focus_terms`), a name of the question the answer's article never
        mentions (`unmentioned`), no answer of the kind asked for near the question's
        words, or too little of the question covered by the best sentence."""
        ranking = self.settings.ranking
        if ranking.abstain_on_unknown_names and query.unknown:
            return _not_mentioned(query.unknown)
        if ranking.abstain_on_names_not_in_article and unmentioned:
            return _not_in_its_article(tuple(unmentioned))
        unnamed = self._kind_never_named(query, found, focus_terms)
        if unnamed is not None:
            return unnamed
        if found.abstention:
            return found.abstention
        if coverage is None:
            return NOTHING_FOUND
        if coverage < ranking.min_coverage:
            return NOT_COVERED
        return None

    def _short_answer(
        self,
        query: Query,
        chosen: list[tuple[int, float]],
        asked: frozenset[str],
        owners: frozenset[str],
    ) -> tuple[AnswerResult, dict[tuple[str, int], tuple[int, float]]]:
        """The short answer in the passages `chosen` (`answers.py`), which it may reorder,
        and the sentence and score of every passage it may cite, by (source, start).
        `asked` and `owners` are the question's anchors (`_anchors_asked`)."""
        scores = [score for _, score in chosen]
        if query.time is not None:  # the time order is the order to answer in
            scores.sort(reverse=True)
        passages = [
            self._passage(rank, row, score)
            for rank, ((row, _), score) in enumerate(zip(chosen, scores, strict=True), start=1)
        ]
        row_of = {
            (p.source, p.start): (row, s) for p, (row, s) in zip(passages, chosen, strict=True)
        }
        ids = self.ranker.term_numbers(query.terms)
        weight = self.ranker.sentences.weight
        weights = {t: weight(n) for t, n in zip(query.terms, ids, strict=True)}
        if weights:  # a name asked about weighs at least NAMED_SHARE of the heaviest
            floor = NAMED_SHARE * max(weights.values())
            for t in query.named_terms:
                weights[t] = max(weights.get(t, 0.0), floor)
        family = query.family  # relatives of a question word count as it (`Query`)

        def term_spans(text: str) -> list[tuple[int, int, str]]:
            """The analysed terms of `text`, a relative of a question word read as it."""
            return [(a, b, family.get(t, t)) for a, b, t in self._sentence_terms(text)]

        def mentions(name: str) -> list[Passage]:
            """Sentences naming `name` (`NameMentions.rows_naming`), each remembered for citing."""
            found = []
            for row in self.mentions.rows_naming(name):
                passage = self._passage(0, row, 0.0)
                row_of.setdefault((passage.source, passage.start), (row, 0.0))
                found.append(passage)
            return found

        articles = self.ranker.documents
        rarest = articles.weight(UNKNOWN)

        def term_weight(term: str) -> float:
            """How specific a term is: its idf over articles, 1 for one no article uses
            (a word common in one article's sentences, its topic, stays specific)."""
            return articles.weight(self.ranker.term_number.get(term, UNKNOWN)) / rarest

        def is_anchor(term: str) -> bool:
            return term in asked or self._is_anchor(term)

        named = frozenset(family.get(t, t) for t in query.named_terms)

        # The index term numbers of the names the question names, relatives included;
        # not of its dates and numbers, which an article may state another way ("Nov.",
        # "last year").
        month_terms = self._month_terms
        names = frozenset(t for t in named if not any(c.isdigit() for c in t)
                          and t not in month_terms)  # fmt: skip
        # each with the name it stands for (itself, or the name of which it is a relative)
        named_ids = [
            (t, self.ranker.term_number[t], source)
            for t, source in {
                **{r: s for r, s in family.items() if s in names},
                **{t: t for t in names},
            }.items()
            if t in self.ranker.term_number
        ]
        written = self.mentions.names_written(query)

        # the ordinals the question names and the nouns they number: the term after each
        # ("22nd round") and the head of its phrase ("the 23rd International Meeting")
        series = [(t, noun) for t, noun in pairwise(query.terms) if _ORDINAL.fullmatch(t)]
        series += query.ordinal_heads
        asked_series = frozenset(t for t, _ in series)

        # A noun the passages number with the question's own ordinal is of its series
        # too ("the 23rd round" for "the 23rd meeting"; not "On November 23rd talks…").
        series_nouns = {noun for _, noun in series} | {
            noun for p in passages if asked_series for o, noun, _ in self._ordinal_terms(p.text)
            if o in asked_series
        }  # fmt: skip
        term_number = self.ranker.term_number
        asked_nouns = [term_number[n] for _, n in series if n in term_number]

        def written_of_series(ordinal: str) -> bool:
            """Do the articles write `ordinal` before the question's noun ("the 22nd
            round")? Then a name it numbers is that instance ("the 22nd International
            Meeting"); a common noun is not ("the 3rd day")."""
            number = term_number.get(ordinal)
            pair_rows = self.ranker.lookup.pair_rows
            return number is not None and any(len(pair_rows(number, n)) for n in asked_nouns)

        # the names the question numbers, with their numbers ("Super Bowl 50"), unless it
        # asks about a neighbour in the series ("the mission after Apollo 11")
        stopwords = self.analyzer.stopwords
        numbered: dict[str, set[int]] = {}
        if not asks_about_another_of_a_series(query.reading):
            for name, number in numbered_names(query.reading, stopwords):
                numbered.setdefault(name, set()).add(number)

        def numbers_another(passage: Passage) -> bool:
            """Does the passage number a name the question numbers, only otherwise, and
            not the sentence before it either ("Harvey Martin, co-MVP of Super Bowl XII"
            for "super bowl 50 mvp")?"""
            stated = numbered_names(passage.text, stopwords)
            others = [
                name
                for name, numbers in numbered.items()
                if (here := {n for w, n in stated if w == name}) and here.isdisjoint(numbers)
            ]
            if not others:
                return False
            row = row_of[(passage.source, passage.start)][0]
            if row == 0 or self._doc[row - 1] != self._doc[row]:
                return True
            before = numbered_names(self._sentence(row - 1)[0], stopwords)
            return not any((name, n) in before for name in others for n in numbered[name])

        def about(passage: Passage) -> Named:
            """Does the passage, or the sentence before it in its article (which its "he"
            or "it" may name), hold a name the question names (`Named.HERE`, also when the
            question names none)? Else does its article (`IN_ARTICLE`), or not even that
            (`NOWHERE`)? A passage numbering the noun the question numbers otherwise
            ("the 21st round" for "the 22nd round"), and never as the question does, is
            about another of the series (`NOWHERE`); "the 3rd day" is not. So is a passage
            naming another number of a name the question numbers, and neither it nor the
            sentence before it the question's own (`numbers_another`), though it may be
            about the asked one unsaid ("Beyoncé, who headlined Super Bowl XLVII" in an
            article on Super Bowl 50's show)."""
            if asked_series:  # "the 21st round" is not the 22nd the question asks about
                held = [t for *_, t in term_spans(passage.text)]
                heads = self._ordinal_terms(passage.text)
                instances = {o for o, _, name in heads if name and written_of_series(o)}
                # each ordinal with the term after it and with the head of its phrase
                ordinals = [*pairwise(held), *((o, noun) for o, noun, _ in heads)]
                others = {o for o, noun in ordinals
                          if _ORDINAL.fullmatch(o)
                          and (noun in series_nouns or o in instances)}  # fmt: skip
                if others and asked_series.isdisjoint(held):  # not "the 22nd and 23rd rounds"
                    return Named.NOWHERE
            if numbered and numbers_another(passage):  # Super Bowl XII, not 50
                return Named.NOWHERE
            if not named:
                return Named.HERE
            row = row_of[(passage.source, passage.start)][0]
            doc = int(self._doc[row])
            rows = [row] + ([row - 1] if row > 0 and self._doc[row - 1] == doc else [])
            if any(not named.isdisjoint(_names_held(self._sentence(r)[0], term_spans, written))
                   for r in rows):  # fmt: skip
                return Named.HERE
            contains = self.ranker.documents.contains
            if not named_ids:
                return Named.IN_ARTICLE
            # an article holding a name's word only in lower case ("heroin, stardust"),
            # or a relative of it so ("gang" of "the Rat Pack"), does not name it
            writes = self.mentions.article_writes
            if any(contains(n, doc)
                   and (source not in written or writes(t, n, written.get(t, ()), doc))
                   for t, n, source in named_ids):  # fmt: skip
                return Named.IN_ARTICLE
            return Named.NOWHERE

        def dated(passage: Passage) -> frozenset[str]:
            """The question's date terms the passage holds by its time (`_dated_terms`)."""
            return self._dated_terms(query, row_of[(passage.source, passage.start)][0])

        def out_of_time(passage: Passage, start: int, end: int) -> bool:
            """Does a date at `start:end` of the passage fall outside `query.bound`?"""
            row = row_of[(passage.source, passage.start)][0]
            return any(
                m.start < end and start < m.end and _outside(m.iso, query.bound)
                for m in self._found_dates(row)
            )

        def of_other_time(passage: Passage) -> bool:
            """Does the passage name a party's person for another time than the question's:
            it tells of other months only, or of none in an article dated before them
            (`not_in_time`)?"""
            row = row_of[(passage.source, passage.start)][0]
            why = not_in_time(
                query.reading, [prefix for prefix, _ in query.dates], query.expected.focus,
                "", passage.text, self._found_dates(row), self._sentence(row)[1],
            )  # fmt: skip
            return why is not None

        owned = None
        if query.owned_term:  # the noun the owners own, and every word for its owner
            noun = family.get(query.owned_term, query.owned_term)
            # a noun of an organisation or unit ("team", "side") is written by any other
            # such noun ("the Assad regime delegation" is another party's for "Iran's team")
            group = self._is_party_group(query.owned_word or "")
            owned = OwnedNoun(
                noun,
                frozenset(family.get(t, t) for t in query.owner_terms),
                self._is_party_group if group else None,
            )
        result = answer(query.reading, query.expected, passages, weights, term_spans, mentions,
                        self._spans_of, term_weight, (asked, is_anchor), about,
                        query.slot, dated, owners,
                        out_of_time if query.bound else None, owned, query.defined,
                        ordered_by_time=query.time is not None,
                        of_other_time=of_other_time if query.dates else None)  # fmt: skip
        return result, row_of

    def _writes(self, words: str) -> bool:
        """Do the articles write `words` (one or two words), the second right after the
        first ("twenty-third")?"""
        numbers = [self.ranker.term_number.get(t) for t in self.analyzer.terms(words)]
        if None in numbers or not 1 <= len(numbers) <= 2:
            return False
        if len(numbers) == 1:
            return True
        first, second = cast("list[int]", numbers)
        return len(self.ranker.lookup.pair_rows(first, second)) > 0

    def _ordinal_terms(self, text: str) -> list[tuple[str, str, bool]]:
        """`timeline.ordinal_terms` of a sentence, tagged once for every question."""
        return ordinal_terms(self._tokens(text), self.analyzer.terms)

    def _anchors_asked(self, query: Query) -> tuple[frozenset[str], frozenset[str]]:
        """The question's anchors: the countries and corpus names it names, also by a
        capital or demonym whose country the passage's terms are read as ("Moscow's
        envoy": "Russia is represented by its Special Envoy…" reads "Russia" as "moscow",
        which is then as much an anchor as the country is); and the terms of the owners
        of the person it asks for (`owners.py`), when it asks for one: its names and
        countries, else a party no name says (`Query.party_terms`: "the government's
        delegation")."""
        family = query.family
        anchor_of = {q for r, q in family.items() if self._is_anchor(r)}
        asked = frozenset(t for t in query.named_terms if self._is_anchor(t) or t in anchor_of)
        if query.expected.kind not in OWNED_KINDS:
            return asked, frozenset()
        owners = frozenset(family.get(t, t) for t in query.owner_terms)
        owners = frozenset(t for t in owners if t in asked or self._is_anchor(t))
        if not owners:  # a party no name says ("the government's delegation")
            owners = frozenset(query.party_terms)
        slot = query.slot[0] if query.slot is not None else None
        if slot is None or not slot.subject or slot.passive:
            return asked, owners
        # "Who represented Iran?" asks for Iran's representative, as "Iran's envoy" does:
        # the object of a verb of a role (`roles.py`), or of a phrasal verb of one ("Who
        # spoke for Tehran?"), is the party the person is of
        particle = None if self.roles.is_role_verb(slot.verb) else "for"
        if particle is not None and not self.roles.is_role_phrase(slot.verb, particle):
            return asked, owners
        words = tokens(query.reading)
        phrase = object_phrase(words, slot.verb, particle)
        if phrase is not None:
            # a party's noun after its country's, for a verb of representing: the party
            # is the noun ("Who spoke for the Syrian opposition?", "the Syrian
            # government": not Syria, whose every side the articles name); a team or
            # delegation stands for its owner ("the Syrian opposition delegation": the
            # opposition's), as what a leader leads does ("Who led the Syrian talks?")
            possessors, head = phrase
            # owners are names, demonyms or nouns ("the government side"), not "the third
            # division"
            possessors = [w for w in possessors if w[:1].isupper() or _can_be_noun(w)]
            if self._stands_for_another(head) or self.roles.leads(slot.verb.lower()):
                party = possessors
            elif any(self.lexicon.places(w) for w in possessors):
                party = [head]
            else:
                return asked, owners
            terms = {family.get(t, t) for word in party for t in self._party_terms(word)}
            return asked, frozenset(terms) | (owners if party is possessors else frozenset())
        name = named_object(words, slot.verb, particle)
        if owners or name is None:
            return asked, owners
        terms = set(self._party_terms(name))
        owners = frozenset(t for t in asked if t in terms or family.get(t) in terms)
        # the party is the anchor asked about: "Who spoke for Tehran at the session in
        # Kazakhstan?" is not answered by Kazakhstan's minister
        return (owners or asked), owners

    def _names_unmentioned(self, query: Query, sentence: int) -> list[str]:
        """The names the question gives (`Query.names`) that the article of `sentence`
        never mentions: none of a name's words, for a place none of its country's names
        ("Madrid" or "Spanish" mentions Spain), for a name of one word none of its
        family ("Palestinian")."""
        ranker = self.ranker
        article = int(ranker.doc_rows[sentence])

        def mentions(terms: Collection[str]) -> bool:
            numbers = (ranker.term_number.get(t, UNKNOWN) for t in terms)
            return any(n != UNKNOWN and ranker.documents.contains(n, article) for n in numbers)

        def mentions_all(terms: Collection[str]) -> bool:
            return bool(terms) and all(mentions((t,)) for t in terms)

        def others(name: str) -> list[str]:
            """Its country's other names, and for one word its family in WordNet."""
            family = [] if " " in name else self.lexicon.family(name.lower())
            return self.lexicon.country_names(name) + family

        # each other name whole: "Republic of Guinea" is not mentioned by "republic"
        return [
            name.text
            for name in query.names
            if not mentions(name.terms)
            and not any(mentions_all(self.analyzer.guessed_terms(o)) for o in others(name.text))
        ]

    def _stands_for_another(self, noun: str) -> bool:
        """Does `noun` name people or a group standing for another party: a role
        ("delegation", "envoys"), a unit ("team", "side") or a person ("negotiators")?"""
        kind_of = self.lexicon.is_kind_of
        return self.roles.is_role_word(noun) or kind_of(noun, "unit") or kind_of(noun, "person")

    def _party_terms(self, words: str) -> list[str]:
        """The terms of a party's words, and of the country a capital or demonym among
        them stands for ("Syrian" → syria)."""
        return [*self.analyzer.guessed_terms(words), *self._place_terms(words)]

    def _passage(self, rank: int, row: int, score: float) -> Passage:
        """Sentence `row` as the answer layer reads it."""
        text, _ = self._sentence(row)
        source = self.index.documents[int(self._doc[row])].name
        return Passage(rank, source, int(self._start[row]), int(self._end[row]), text, score)

    @cached_property
    def _month_terms(self) -> frozenset[str]:
        """The analysed terms of the months' names."""
        return frozenset(t for month in MONTHS for t in self.analyzer.terms(month))

    def _party_group(self, noun: str) -> bool:
        """Is `noun` a group a party forms or sends, no person: in WordNet a kind of
        organisation or unit ("delegation", "team", "side", "regime"), not of person
        ("minister", whose title a name's capitals write)?"""
        kind_of = self.lexicon.is_kind_of
        return (kind_of(noun, "organization") or kind_of(noun, "unit")) and not kind_of(
            noun, "person"
        )

    def _is_party(self, owner: str, owned: str) -> bool:
        """Is the noun `owner` a party that the noun `owned` belongs to: in WordNet, an
        organisation owning a group or a person ("the government's delegation", "the
        team's captain"; not "the city's mayor", nor "the world's largest producer")?
        An owner that is the owned noun itself is a compound's first word, which says
        what kind the thing is ("a construction job")."""
        kind_of = self.lexicon.is_kind_of
        return (
            owner != owned
            and kind_of(owner, "organization")
            and (kind_of(owned, "group") or kind_of(owned, "person"))
        )

    def _is_anchor(self, term: str) -> bool:
        """Is `term` a name of the corpus (an alias group) or a country's?"""
        return term.startswith("=") or term in self._country_terms

    @cached_property
    def _country_terms(self) -> frozenset[str]:
        """The index terms of every country's name, less the months' ("Jan Mayen" is no
        anchor in "the January round")."""
        countries = self.lexicon.countries
        terms = frozenset(t for name in countries for t in self.analyzer.guessed_terms(name))
        return terms - self._month_terms

    def _family_of_word(self, word: str) -> tuple[str, ...]:
        """The terms of the words of `word`'s family in WordNet (derived forms and
        pertainyms: "stated" for "statement", "Iran" for "Iranian")."""
        words = self.lexicon.family(word)
        places = [c for c, _ in self.lexicon.places(word)][:1]  # "Iranian" → Iran
        return tuple(t for w in words + places for t in self.analyzer.guessed_terms(w))

    @staticmethod
    def _cited_rows(
        found: AnswerResult, row_of: dict[tuple[str, int], tuple[int, float]], k: int
    ) -> list[tuple[int, float, int]]:
        """`(sentence, score, answer rank)` of what to cite, in the answer's order: the
        first `k` passages and any further one that states the answer or a variant."""
        wanted = set(range(1, k + 1)) | set(found.supported_by)
        wanted |= {r for v in found.variants for r in v.supported_by}
        return [(*row_of[(p.source, p.start)], p.rank) for p in found.passages if p.rank in wanted]

    def sources(self) -> list[SourceInfo]:
        """Every indexed article, in file-name order."""
        return list(self._sources.values())

    def source_text(self, name: str) -> tuple[SourceInfo, str] | None:
        """An indexed article and its full text, or None if `name` is not one of them."""
        info = self._sources.get(name)
        return None if info is None else (info, self.texts[self._doc_number[name]])

    def _spelled_out(self, abbreviation: str, chosen: list[tuple]) -> list[tuple]:
        """For "What does SNC stand for?": the sentence of each article of the best
        passages (`SPELLING_ARTICLES`) that first uses the abbreviation, where it spells
        it out ("the Syrian National Council (SNC)"), which the ranking may well put
        below sentences repeating it; each with its score in `chosen`, or else the
        lowest there, to be read right after the best passage."""
        ids = {i for i in self.ranker.term_numbers(self.analyzer.terms(abbreviation))
               if i != UNKNOWN}  # fmt: skip
        if not ids:
            return []  # no sentence uses it: nothing to scan
        scores = dict(chosen)
        found: list[tuple] = []
        articles = dict.fromkeys(int(self._doc[row]) for row, _ in chosen)
        for number in list(articles)[:SPELLING_ARTICLES]:
            for row in np.flatnonzero(self._doc == number).tolist():
                if not self.ranker.held_by(ids, row):
                    continue
                text, _ = self._sentence(row)
                if spelled_out(text, tokens(text), abbreviation):
                    found.append((row, scores.get(row, chosen[-1][1])))
                break
        return found

    def indexed_spans(self, name: str) -> list[tuple[int, int]]:
        """`(start, end)` of every indexed sentence of article `name`, in text order (empty
        if it is not indexed): the article's prose, as against page furniture."""
        number = self._doc_number.get(name)
        if number is None:
            return []
        rows = np.flatnonzero(self._doc == number)
        spans = zip(self._start[rows].tolist(), self._end[rows].tolist(), strict=True)
        return sorted((int(start), int(end)) for start, end in spans)

    def matching_spans(self, query: Query, text: str) -> list[tuple[int, int]]:
        """Where in `text` the words of the question occur (after folding, stemming and
        aliases): `(start, end)` offsets, for highlighting."""
        wanted = set(query.terms)
        return [(s, e) for s, e, term in self.analyzer.term_spans(text) if term in wanted]

    def _readers_nouns(self, query: Query) -> frozenset[str]:
        """The terms of the question's nouns no article uses that count less against
        its coverage, as its verbs and adjectives do: a reader's own names for things
        ("truce area", "mediator"), not a role's noun ("Who criticised the Iranian
        delegation?" is not about Iran's representative, `roles.py`)."""
        return frozenset(t for w, t in query.paraphrased_nouns if not self.roles.is_role_word(w))

    def _top_distinct(self, rows: np.ndarray, scores: np.ndarray, k: int) -> list[tuple]:
        """`(sentence, score)` of the best sentences with a positive score, best first,
        skipping near-duplicates of sentences already chosen (by the sets of their
        analysed terms, read from their text and kept per sentence, `_term_set`: the
        index stores no list of each sentence's terms)."""
        limit = self.settings.ranking.duplicate_jaccard
        chosen: list[tuple[int, float]] = []
        chosen_terms: list[frozenset[str]] = []
        texts: dict[int, str] = {}  # each article's file is looked at once per call
        for sentence, score in zip(rows.tolist(), scores.tolist(), strict=True):
            if score <= 0 or len(chosen) == k:
                break
            terms = self._term_set(self._sentence(sentence, texts)[0])
            # Sets whose sizes differ too much cannot reach the limit: not compared.
            if any(
                min(len(terms), len(c)) >= limit * max(len(terms), len(c)) - 1e-9
                and len(terms & c) / max(len(terms | c), 1) >= limit
                for c in chosen_terms
            ):
                continue
            chosen.append((sentence, score))
            chosen_terms.append(terms)
        return chosen

    def _sense_kept(self, word: str, p_related: float) -> float:
        """How much of `word`'s sense of WordNet probability `p_related` the articles keep
        (`expansion.senses_in_corpus`, remembered per word)."""
        return sense_share(self._senses_in_corpus(word), p_related)

    def _count_written_as(self, words: frozenset[str], term: str) -> float:
        """The share of the first `SENTENCES_READ` sentences holding `term` that write it
        as one of the folded `words` or a form of one ("stately", not "state", for the
        term "state"; `CorpusStats.writes`, remembered in `_written_as`)."""
        number = self.ranker.term_number.get(term)
        if number is None:
            return 0.0
        rows = self.ranker.sentences.rows(number)[:SENTENCES_READ].tolist()
        # a word opening like one of `words` ("intentional" for "intentionally") is read
        # further; the sentence's other words are not analysed
        opening = re.compile(
            r"\b(?:" + "|".join(re.escape(w[:-2] or w) for w in sorted(words)) + r")\w*"
        )
        written = 0
        for row in rows:
            # the sentence folded as `words` are ("Résumé" → "resume")
            for found in opening.findall(fold(self._sentence(row)[0])):
                if term in self.analyzer.guessed_terms(found) and (
                    found in words or not words.isdisjoint(self.lexicon.base_forms(found))
                ):
                    written += 1
                    break
        return written / len(rows) if rows else 0.0

    def _sentence(
        self, sentence: int, texts: dict[int, str] | None = None
    ) -> tuple[str, str | None]:
        """The text of a sentence and its article's date; with `texts`, a caller's memo
        of article texts, each article's file is looked at once for many sentences."""
        number = int(self._doc[sentence])
        start, end = int(self._start[sentence]), int(self._end[sentence])
        if texts is None:
            text = self.texts[number]
        else:
            if number not in texts:
                texts[number] = self.texts[number]
            text = texts[number]
        return text[start:end], self.index.documents[number].date

    def _defining_first(
        self, defined: Defined, rows: np.ndarray, scores: np.ndarray
    ) -> tuple[tuple[np.ndarray, np.ndarray], int]:
        """The pool with the sentences that define what the question asks about ("X is
        a …"; for a person, also the office written with the name; `definitions.py`)
        first, the surer first, each part in its own order, and how many define it."""
        sureness = np.zeros(len(rows), dtype=np.int64)
        for i, row in enumerate(rows.tolist()):
            text = self._sentence(row)[0]
            names = self._spans_of(text, "person", False)[0] if defined.person else ()
            found = definition(text, defined, self._sentence_terms, names)
            sureness[i] = found[2] if found else 0
        order = np.argsort(-sureness, kind="stable")
        return (rows[order], scores[order]), int(np.count_nonzero(sureness))

    def _by_time(
        self, query: Query, rows: np.ndarray, scores: np.ndarray
    ) -> tuple[tuple[np.ndarray, np.ndarray], str]:
        """The pool reordered for a time-aware question (`timeline.py`), and the number
        of the instance it places first as the sentence writes it ("22nd"), or "" when
        it is placed by a date alone."""
        asked = query.time
        assert asked is not None
        placed, covered = [], []
        asked_terms = frozenset(self.ranker.term_numbers(query.terms))
        for row in rows.tolist():
            covered.append(self.ranker.held_by(asked_terms, row))
            text, article_date = self._sentence(row)
            dates = self._found_dates(row)
            placed.append(place(text, dates, article_date, asked.focus))
        series = query.kind in (AnswerType.TIME, AnswerType.NONE)  # not "who", "how many"
        order = order_by_time(scores.tolist(), placed, asked.order, series, covered)
        newest = placed[order[0]] if order and series else None
        wanted = asked.order is TimeOrder.NEXT
        instance = newest.written if newest and newest.future == wanted else ""
        return (rows[order], scores[order]), instance

    def _asked_of(self, query: Query, named: str, k: int) -> Answer | None:
        """The answer to `query` asked as `named`, its question with the instance its
        time words ask for named (`timeline.instance_named`), dated by the sentence that
        answers it (`_date_of`); None when it names nothing or grows past the longest
        question."""
        if named == query.reading:
            return None
        try:
            answer = self.ask(replace(self.read(named), text=query.text), k)
        except InvalidQuestion:  # "last" → "eleventh" in a question of 1,000 characters
            return None
        return replace(answer, as_of=_date_of(answer.citations[0])) if answer.answered else answer

    def _dated_terms(self, query: Query, sentence: int) -> frozenset[str]:
        """The terms of the question's dates (`Query.dates`) that sentence `sentence`
        holds by its time: its article is dated then, or it states such a date ("the
        January 2024 talks" in an article dated 2024-01-24); a day of the month without
        its year holds the month's word ("januari"), not the year's."""
        if not query.dates:
            return frozenset()
        _, article_date = self._sentence(sentence)
        stated = [article_date or ""] + [d.iso for d in self._found_dates(sentence)]
        ends = [end for iso in stated for end in iso.split("/") if end]
        # a month alone ("--01") is matched by the month of any date: "2024-01-24", "--01-25"
        months = {e[2:4] if e.startswith("--") else e[5:7] for e in ends}
        # a month of a year ("2024-01") by a date in it, and its month's words by a day
        # whose year the article does not tell ("January 24-25" in an undated article)
        yearless = {e[2:4] for e in ends if e.startswith("--")}
        held: set[str] = set()
        for prefix, terms in query.dates:
            if prefix.startswith("--"):
                held.update(terms if prefix[2:4] in months else ())
            elif any(e.startswith(prefix) for e in ends if e[:1].isdigit()):
                held.update(terms)
            elif ISO_MONTH.fullmatch(prefix) and prefix[5:7] in yearless:
                held.update(t for t in terms if not t.isdigit())
        return frozenset(held)

    def _made_precise(
        self,
        query: Query,
        found: AnswerResult,
        row_of: dict[tuple[str, int], tuple[int, float]],
    ) -> AnswerResult:
        """`found`, or for a vague date ("the second half of this year") the one day
        inside it that the sentences naming every name and number of the question state
        ("Nov. 11-12" of "the 22nd International Meeting"), cited first (`precise.py`).
        Only for an event the question numbers ("the 22nd round"): a name alone ("the
        Varna summit") is also that of the meetings preparing it."""
        span = found.span
        if (
            span is None
            or found.answer is None
            or found.answer_type != "date"
            or query.time is not None
            or query.expected.focus in _COARSE_TIMES  # "Which year…?" wants no day
        ):
            return found
        passage = _passage_holding(found.passages, span)
        row = row_of[(passage.source, passage.start)][0]
        at = span.start - passage.start
        period = next((m.iso for m in self._found_dates(row) if m.start <= at < m.end
                       or at <= m.start < span.end - passage.start), None)  # fmt: skip
        if period is None or not is_vague(found.answer, period):
            return found
        dated = {t for _, terms in query.dates for t in terms}
        event = [t for t in query.named_terms if t not in dated]
        if not any(t[:1].isdigit() for t in event):
            return found  # only a numbered event is told apart: "the 22nd round", "Astana 22"
        sentences, number = self.ranker.sentences, self.ranker.term_number
        # each name as the question writes it or names the same thing ("22" or "22nd")
        same = [(e.source, e.term) for e in query.expansions if e.equivalent]
        written = [[number.get(t, UNKNOWN)] + [number.get(o, UNKNOWN) for s, o in same if s == t]
                   for t in event]  # fmt: skip
        rows = reduce(
            np.intersect1d,
            (np.unique(np.concatenate([sentences.rows(n) for n in ns])) for ns in written),
        )
        if len(rows) > PRECISE_ROWS:
            return found  # too common a name to tell one event by
        mentions: dict[str, tuple[int, DateMention]] = {}
        covers = self.settings.ranking.min_coverage
        for r in rows.tolist():
            # only a sentence the engine would answer from: "the 21st round … on January
            # 24-25" names Syria but tells nothing of when the war began
            if self.ranker.coverage(query.terms, r, query.expansions) < covers:
                continue
            for m in self._found_dates(r):
                mentions.setdefault(normalise(m.text), (r, m))
        key = only_day_inside(period, ((k, m.iso) for k, (_, m) in mentions.items()))
        if key is None:
            return found
        day_row, day = mentions[key]
        first = self._passage(1, day_row, 0.0)
        row_of.setdefault((first.source, first.start), (day_row, 0.0))
        rest = [p for p in found.passages if (p.source, p.start) != (first.source, first.start)]
        # the ranks the answer layer gave, as they are with the day's sentence first
        moved = {p.rank: i for i, p in enumerate(rest, start=2)}
        span = Span(first.source, first.start + day.start, first.start + day.end)
        variants = tuple(
            AnswerVariant(day.text, span, (1,)) if v.text == found.answer
            else replace(v, supported_by=tuple(moved[r] for r in v.supported_by if r in moved))
            for v in found.variants
        )  # fmt: skip
        return replace(found, passages=tuple(renumbered([first, *rest])), answer=day.text,
                       span=span, supported_by=(1,), variants=variants)  # fmt: skip

    def _in_time_asked(
        self,
        query: Query,
        found: AnswerResult,
        row_of: dict[tuple[str, int], tuple[int, float]],
        owners: bool = False,
    ) -> AnswerResult:
        """`found`, or an abstention when it names a party's person (`AnswerResult.owned`),
        or any person when the question says whose it asks for (`owners`), for months its
        sentence does not tell of (`times.not_in_time`): "Who led Ankara's team at the
        November round?" is not answered by "The last round of talks, held in January,
        featured Türkiye's delegation led by Yildiz", nor by another party's person named
        in a roster of January."""
        person = owners and query.expected.kind in OWNED_KINDS
        if found.span is None or not (found.owned or person):
            return found
        passage = _passage_holding(found.passages, found.span)
        row = row_of[(passage.source, passage.start)][0]
        why = not_in_time(
            query.reading, [prefix for prefix, _ in query.dates], query.expected.focus,
            found.answer or "", passage.text, self._found_dates(row), self._sentence(row)[1],
        )  # fmt: skip
        return found if why is None else replace(found, answer=None, span=None, abstention=why)

    def _dates_in_sentence(self, sentence: int) -> tuple[DateMention, ...]:
        """The dates sentence `sentence` states, read against its article's date."""
        text, article_date = self._sentence(sentence)
        return tuple(find_dates(text, parse_iso_day(article_date)))

    def _citation(self, rank: int, sentence: int, score: float) -> Citation:
        number = int(self._doc[sentence])
        doc = self.index.documents[number]
        start, end = int(self._start[sentence]), int(self._end[sentence])
        text = self.texts[number][start:end]
        dates = [d.iso for d in self._found_dates(sentence)]
        return Citation(
            rank, doc.name, doc.title, doc.date, start, end, text, round(score, 6), dates
        )
