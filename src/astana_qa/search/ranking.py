"""Scoring every sentence for a question, and measuring how well a sentence covers it.

A sentence's score adds up evidence, each part scaled to 0..1 for this question:
- its own BM25Okapi score, and its paragraph's and document's (questions name what a
  passage is about more often than they repeat the answering sentence);
- the BM25Okapi score of its window, itself with the sentence before it (pronouns);
- whether it holds the kind of thing the question asks for (`query.py`);
- the share of the question's adjacent term pairs that it has adjacent too (phrases).
The question's related words (`Query.expansions`) add to the sentence, window and
paragraph scores with their weights, each capped so that it never counts more than the
question word it stands for (when the articles use that word); the article's score is
the question's own words only (measured: expansions there lose more than they find).
A tiny tie-break by matched question terms keeps small corpora answering where
BM25Okapi's idf is 0 for every query term.

`top` finds the best sentences without scoring all of them: a sentence whose paragraph
holds no question term scores only its article's part plus its answer-type bonus, so
per article and per bonus value the earliest such sentences are the only ones that can
rank. `scores` (every sentence) is the reference `top` is tested against.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from ..index.segments import RowLookup, name_order, name_ranks
from ..index.store import IndexData
from ..settings import IndexSettings, RankingSettings
from ..text.expansion import Expansion
from .bm25 import (
    UNKNOWN,
    BM25Scorer,
    WindowScorer,
    concatenated_ranges,
    level_scorer,
    window_scorer,
)
from .kernels import (
    NAME_BONUS,
    NO_BONUS,
    NUMBER_BONUS,
    TIME_BONUS,
    bonuses,
    combined_scores,
    reachable_paragraphs,
    summarised,
)
from .query import AnswerType, Query

# Small enough never to reorder sentences that the evidence tells apart.
TIE_BREAK = 1e-6
# Every how many candidate scores `_kth_largest` samples to narrow its search.
SAMPLE_STEP = 64
# The sentence feature each kind of question's answer-type bonus reads.
_BONUS_KINDS = {
    AnswerType.TIME: TIME_BONUS,
    AnswerType.NUMBER: NUMBER_BONUS,
    AnswerType.NAME: NAME_BONUS,
}


def _scaled(values: np.ndarray, best: float) -> np.ndarray:
    """`values` divided by the best value of their kind (0 when nothing scores above 0)."""
    return values / best if best > 0 else np.zeros(len(values))


def _kth_largest(values: np.ndarray, k: int) -> float:
    """The `k`-th largest of `values` (1 ≤ k ≤ len). Every 64th value is a subset, so at
    least `k` values reach the subset's `k`-th largest: only those are partitioned (a
    few thousand of the hundreds of thousands of sentences a frequent word matches)."""
    sample = values[::SAMPLE_STEP]
    if len(sample) > k:
        floor = np.partition(sample, len(sample) - k)[len(sample) - k]
        values = values[values >= floor]
    return float(np.partition(values, len(values) - k)[len(values) - k])


def _best(scores: np.ndarray) -> float:
    return float(scores.max(initial=0.0))


def _normalised(scores: np.ndarray) -> np.ndarray:
    """`scores` scaled to 0..1 by their best value."""
    return _scaled(scores, _best(scores))


@dataclass(frozen=True)
class Evidence:
    """A question's evidence: per sentence (dense, zero where the question's terms are
    absent), per paragraph and per article. `best` holds the maximum of each of `own`,
    `window` and `matched`, which scales them to 0..1 (only for the rows combined).
    `evident` marks the sentences with evidence of their own (`kernels.summarised`),
    `evident_rows` lists them. `phrase` counts, per sentence, the question's adjacent
    term pairs it holds, of `phrase_pairs` (at least 1)."""

    own: np.ndarray
    window: np.ndarray
    matched: np.ndarray
    best: dict[str, float]
    evident: np.ndarray
    evident_rows: np.ndarray
    phrase: np.ndarray
    phrase_pairs: float
    paragraph: np.ndarray
    document: np.ndarray
    kind: AnswerType
    asked_names: np.ndarray | None


class SentenceRanker:
    """Everything needed to score the sentences of one index for a question."""

    def __init__(self, index: IndexData, settings: IndexSettings):
        segments = [s.arrays for s in index.segments]
        together = index.joined()  # None for one segment: its own arrays serve
        a = self.rows = segments[0].rows if together is None else together.rows
        self.lookup = RowLookup(segments)
        terms = len(index.vocab)
        lengths = None if together is None else together.sentence_length
        self.sentences = level_scorer(segments, "sentence", terms, settings, lengths)
        # The vocabularies only grow, so a term or name that only removed or changed
        # articles held is still in them: known here only if some sentence holds it, so
        # an updated index knows the same terms and names as a fresh build.
        held = self.sentences.df > 0
        self.term_number = {term: i for i, term in enumerate(index.vocab) if held[i]}
        mentioned = self.lookup.mentioned(len(index.name_vocab))
        self.name_number = {n: i for i, n in enumerate(index.name_vocab) if mentioned[i]}
        self.windows = window_scorer(self.sentences, segments, a.paragraph_row, settings)
        self.paragraphs = level_scorer(segments, "paragraph", terms, settings)
        self.documents = level_scorer(segments, "document", terms, settings)
        self.paragraph_rows = a.paragraph_row
        self.doc_rows = a.doc_row
        self.has_time = a.has_time  # bool, memory-mapped: read as 1.0 or 0.0 (`kernels`)
        self.has_number = a.has_number
        self.name_count = a.name_count
        self._no_names = np.zeros(1, dtype=np.int16)  # `combine`'s stand-in for asked names
        self.size = len(self.doc_rows)
        self.paragraph_start = np.searchsorted(
            self.paragraph_rows, np.arange(self.paragraphs.size + 1)
        )
        self.doc_start = np.searchsorted(self.doc_rows, np.arange(self.documents.size + 1))
        # Each paragraph's article (paragraphs never span two).
        first = np.minimum(self.paragraph_start[:-1], max(self.size - 1, 0))
        self.paragraph_doc = self.doc_rows[first] if self.size else np.zeros(0, np.int64)
        # Ties go to the article whose file name sorts first, then to the earlier
        # sentence, however the index's segments happen to order them.
        names = [d.name for d in index.documents]
        ranks = name_ranks(names)
        self.doc_name_rank = ranks[a.doc[self.doc_start[:-1]]]
        # Each sentence's place in that order (`segments.name_order`, stored with several
        # segments); None when it is the sentences' own order, as in one segment: no
        # array of a million numbers to hold.
        self.position = (
            name_order(ranks, a.doc, a.start) if together is None else together.name_order
        )

    def term_numbers(self, terms: Sequence[str]) -> list[int]:
        """The vocabulary numbers of `terms` (`UNKNOWN` for terms no sentence has)."""
        return [self.term_number.get(t, UNKNOWN) for t in terms]

    def held_by(self, terms: Iterable[int], sentence: int) -> frozenset[int]:
        """Those of the term numbers `terms` that one sentence holds (from the postings:
        the index stores no list of each sentence's terms)."""
        return frozenset(n for n in terms if n != UNKNOWN and self.sentences.contains(n, sentence))

    def evidence(self, query: Query) -> Evidence:
        """Everything about the question that sentence scores are combined from."""
        ids = self.term_numbers(query.terms)
        kind = query.kind
        asked = None
        if kind is AnswerType.NAME:
            # a question names far fewer than 32,768 names (`MAX_QUESTION_CHARS`)
            asked = np.zeros(self.size, dtype=np.int16)
            for word in query.name_words:
                number = self.name_number.get(word)
                if number is not None:
                    asked[self.lookup.name_rows(number)] += 1
        own = self.sentences.scores(*self.weighted_terms(query, self.sentences))
        window = self.windows.scores(*self.weighted_terms(query, self.windows))
        matched = self.sentences.matched_weight(ids)
        evident = np.empty(self.size, dtype=np.bool_)
        evident_rows, best_own, best_window, best_matched = summarised(own, window, matched,
                                                                       evident)  # fmt: skip
        phrase, pairs = self.phrase_counts(query.terms)
        return Evidence(
            own=own,
            window=window,
            matched=matched,
            best={"own": best_own, "window": best_window, "matched": best_matched},
            evident=evident,
            evident_rows=evident_rows,
            phrase=phrase,
            phrase_pairs=float(max(pairs, 1)),
            paragraph=_normalised(
                self.paragraphs.scores(*self.weighted_terms(query, self.paragraphs))
            ),
            document=_normalised(self.documents.scores(ids)),
            kind=kind,
            asked_names=asked,
        )

    def weighted_terms(
        self, query: Query, scorer: BM25Scorer | WindowScorer
    ) -> tuple[list[int], list[float] | None]:
        """The term numbers to score at `scorer`'s level, and their weights (None: all
        1): the question's own terms weigh 1, an expansion its weight times
        min(1, idf of its question term / its own idf)."""
        ids = self.term_numbers(query.terms)
        if not query.expansions:
            return ids, None
        related = np.asarray(self.term_numbers([e.term for e in query.expansions]))
        sources = np.asarray(self.term_numbers([e.source for e in query.expansions]))
        idf = scorer.idf
        capped = (related != UNKNOWN) & (sources != UNKNOWN)
        capped[capped] = idf[related[capped]] > 0
        cap = np.ones(len(related))
        cap[capped] = np.minimum(1.0, idf[sources[capped]] / idf[related[capped]])
        weights = np.asarray([e.weight for e in query.expansions]) * cap
        return ids + related.tolist(), [1.0] * len(ids) + weights.tolist()

    def combine(self, ev: Evidence, rows: np.ndarray, settings: RankingSettings) -> np.ndarray:
        """The combined score of the sentences `rows`: own + window_weight × window +
        paragraph_weight × paragraph + document_weight × document + answer_type_weight
        × answer-type match + phrase_weight × phrase + TIE_BREAK × matched, added in
        that order (`kernels.combined_scores`, one pass without temporaries)."""
        kind, asked = self._bonus_reading(ev)
        shares = np.array([settings.window_weight, settings.paragraph_weight,
                           settings.document_weight, settings.answer_type_weight,
                           settings.phrase_weight, TIE_BREAK])  # fmt: skip
        best = np.array([ev.best["own"], ev.best["window"], ev.best["matched"]])
        return combined_scores(
            np.asarray(rows, dtype=np.int64), ev.own, ev.window, ev.matched, ev.phrase,
            ev.paragraph, ev.document, self.paragraph_rows, self.doc_rows, kind,
            self.has_time, self.has_number, self.name_count, asked, best, shares,
            ev.phrase_pairs,
        )  # fmt: skip

    def scores(self, query: Query, settings: RankingSettings) -> np.ndarray:
        """The combined score of every sentence for the question."""
        return self.combine(self.evidence(query), np.arange(self.size), settings)

    def top(
        self, query: Query, settings: RankingSettings, count: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The `count` best sentences and their scores, best first (ties: by file name,
        then earlier first);
        the same as ranking `scores` but touching only sentences that can rank."""
        ev = self.evidence(query)
        searched = [*query.terms, *(e.term for e in query.expansions)]
        matching = self.paragraphs.mark(self.term_numbers(searched))
        # Sentences with evidence of their own all lie in matching paragraphs.
        evident = ev.evident
        # Elsewhere a sentence scores document part + answer-type bonus, nothing else.
        doc_order = np.lexsort((self.doc_name_rank, -ev.document))
        bonus_values = (True, False) if ev.kind is not AnswerType.NONE else (False,)
        rest = [self._earliest(ev, doc_order, matching, b, count) for b in bonus_values]
        rows = np.concatenate([ev.evident_rows, *rest])
        scores = self.combine(ev, rows, settings)
        # The other sentences of matching paragraphs score their paragraph's, article's
        # and answer-type parts only: those of a paragraph whose parts, with the bonus,
        # reach the `count`-th best so far may rank; the rest cannot.
        cut = _kth_largest(scores, count) if len(scores) >= count else -np.inf
        parts = np.array([settings.paragraph_weight, settings.document_weight,
                          settings.answer_type_weight])  # fmt: skip
        paragraphs = reachable_paragraphs(matching, ev.paragraph, ev.document,
                                          self.paragraph_doc, parts, cut)  # fmt: skip
        starts = self.paragraph_start[paragraphs]
        bare = concatenated_ranges(starts, self.paragraph_start[paragraphs + 1] - starts)
        bare = bare[~evident[bare]]
        rows = np.concatenate([rows, bare])
        scores = np.concatenate([scores, self.combine(ev, bare, settings)])
        if len(rows) > count:  # keep the best `count`, and every row tied at the cut
            keep = np.flatnonzero(scores >= _kth_largest(scores, count))
            rows, scores = rows[keep], scores[keep]
        positions = rows if self.position is None else self.position[rows]
        order = np.lexsort((positions, -scores))[:count]
        return rows[order], scores[order]

    def _earliest(
        self, ev: Evidence, doc_order: np.ndarray, matching: np.ndarray, bonus: bool, count: int
    ) -> np.ndarray:
        """Up to `count` sentences outside the `matching` paragraphs whose answer-type
        bonus is `bonus`, from the best-scoring articles first and in text order within an
        article."""
        taken: list[np.ndarray] = []
        needed = count
        for doc in doc_order.tolist():
            rows = np.arange(self.doc_start[doc], self.doc_start[doc + 1])
            outside = ~matching[self.paragraph_rows[rows]]
            rows = rows[outside & (self.answer_type_match(ev, rows) == bonus)][:needed]
            taken.append(rows)
            needed -= len(rows)
            if needed == 0:
                break
        return np.concatenate(taken) if taken else np.zeros(0, dtype=np.int64)

    def answer_type_match(self, ev: Evidence, rows: np.ndarray) -> np.ndarray:
        """1 for the sentences `rows` that hold the kind of thing asked for, else 0 (the
        same `kernels._bonus` that `combine` adds)."""
        kind, asked = self._bonus_reading(ev)
        return bonuses(np.asarray(rows, dtype=np.int64), kind, self.has_time, self.has_number,
                       self.name_count, asked)  # fmt: skip

    def _bonus_reading(self, ev: Evidence) -> tuple[int, np.ndarray]:
        """What the answer-type bonus reads for this question (`kernels`' bonus kind) and
        the names the question itself mentions in each sentence."""
        kind = _BONUS_KINDS.get(ev.kind, NO_BONUS)
        if ev.asked_names is None:
            return (NO_BONUS if kind == NAME_BONUS else kind), self._no_names
        return kind, ev.asked_names

    def phrase_counts(self, terms: Sequence[str]) -> tuple[np.ndarray, int]:
        """How many of the question's distinct adjacent term pairs each sentence holds
        adjacent, and how many pairs the question has. Counts, not shares: two bytes per
        sentence (a question of `MAX_QUESTION_CHARS` has far fewer than 65,536 pairs; one
        type, so the combining loop is compiled once), where a million sentences' shares
        in floats took four times the memory and a division pass."""
        bigrams = set(pairwise(terms))
        found = np.zeros(len(self.name_count), dtype=np.uint16)
        for pair in bigrams:
            first, second = self.term_numbers(list(pair))
            if UNKNOWN not in (first, second):
                found[self.lookup.pair_rows(first, second)] += 1
        return found, len(bigrams)

    def coverage(
        self,
        query_terms: Sequence[str],
        sentence: int,
        expansions: Sequence[Expansion] = (),
        held: Collection[str] = (),
        light: Collection[str] = (),
        light_weight: float = 1.0,
    ) -> float:
        """Share (0..1) of the question's informative terms found in the sentence or its
        paragraph, each term weighted by how rare it is among sentences. A term found only
        as an expansion ("hiatus" for "break", "representative" for "negotiator") counts
        with that expansion's weight, which says how closely the corpus relates them.
        Counting only expansions naming the same thing (`Expansion.equivalent`) refused
        more readers' words (one run: journalist-worded seed questions P@1 0.70 -> 0.74,
        squad-dev wrongly refused 0.99% -> 0.83%, TrecQA unchanged); the engine leaves
        out broader words for the noun naming what is asked for ("the population of
        Astana" is not found as "people"). Terms in `held` count as found (the words of a
        date the sentence's article is dated by). A term of `light` the paragraph lacks
        counts against the share with `light_weight` of its weight: the words a reader
        writes where the articles use others (`Query.paraphrased`)."""
        terms = {t: self.term_number.get(t, UNKNOWN) for t in query_terms}
        if not terms:
            return 0.0
        paragraph = int(self.paragraph_rows[sentence])
        weights = [self.sentences.weight(n) for n in terms.values()]
        found = total = 0.0
        for (term, n), w in zip(terms.items(), weights, strict=True):
            if term in held or self.paragraphs.contains(n, paragraph):
                found += w
                total += w
                continue
            credit = max(
                (
                    e.weight
                    for e in expansions
                    if e.source == term
                    and self.paragraphs.contains(self.term_number.get(e.term, UNKNOWN), paragraph)
                ),
                default=0.0,
            )
            found += w * credit
            # a missing word a reader often writes otherwise counts less against
            total += w * credit + w * (1.0 - credit) * (light_weight if term in light else 1.0)
        return found / total

    def near_in_articles(self, term: str, others: Sequence[str]) -> tuple[int, int, float]:
        """How many articles hold `term` and one of `others`, how many hold `term`, and
        the share of all articles that hold one of `others`."""
        documents = self.documents
        counts, last = documents.term_counts(self.term_numbers(list(dict.fromkeys(others))))
        number = self.term_number.get(term, UNKNOWN)
        holding = documents.document_frequency(number)
        share = documents.near_shares([number], counts, last, -1)[0]  # 0 where none holds it
        chance = float(np.count_nonzero(counts)) / max(len(counts), 1)
        return round(share * holding), holding, chance

    def cooccurrence(
        self, context: Sequence[str]
    ) -> Callable[[str], Callable[[Sequence[str]], list[float]]]:
        """`for_word(term)(related)`: for each term of `related`, the share of the
        paragraphs holding it that also hold one of the `context` terms other than
        `term`, i.e. how much the corpus uses it near the rest of the question. Each
        paragraph's count of distinct context terms (and which one, where it holds only
        one) is found once for the question, not once per word."""
        distinct = list(dict.fromkeys(context))
        counts, last = self.paragraphs.term_counts(self.term_numbers(distinct))

        def for_word(term: str) -> Callable[[Sequence[str]], list[float]]:
            excluded = distinct.index(term) if term in distinct else -1

            def shares(related: Sequence[str]) -> list[float]:
                return self.paragraphs.near_shares(
                    self.term_numbers(related), counts, last, excluded
                )

            return shares

        return for_word
