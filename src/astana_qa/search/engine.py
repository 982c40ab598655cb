"""`QAEngine`: answers a question with cited sentences, or abstains.

The engine is built once (`QAEngine.open`) and then only read, so one instance can be
shared by many threads.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from ..errors import InvalidQuestion
from ..index.build import Progress
from ..index.open import IndexStats, OpenedIndex, open_index
from ..records import Answer, Citation, SourceInfo
from ..settings import DEFAULT_K, MAX_K, Settings
from ..text.dates import find_dates, parse_iso_day
from .query import AnswerType, Query, read_query
from .ranking import SentenceRanker
from .spelling import TermMatcher
from .timeline import order_by_time, place

log = logging.getLogger(__name__)


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
        self.stats: IndexStats = opened.stats
        self.ranker = SentenceRanker(index, settings.index)
        self.matcher = TermMatcher(
            self.ranker.term_number,
            index.vocab,
            frequency=self.ranker.sentences.document_frequency,
            adjacent=lambda first, second: len(self.ranker.lookup.pair_rows(first, second)) > 0,
            analyze=analyzer.guessed_terms,
            enabled=settings.ranking.match_misspellings,
        )
        rows = self.ranker.rows
        self._doc, self._start, self._end = rows.doc, rows.start, rows.end
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
    ) -> QAEngine:
        """Open the index of `corpus_dir` in `index_dir`, building or updating it when
        needed (`index/open.py`)."""
        settings = settings or Settings()
        opened = open_index(corpus_dir, index_dir, settings, alias_file, rebuild, progress)
        return cls(opened, settings)

    def read(self, question: object) -> Query:
        """The question read once (`query.py`); `InvalidQuestion` if it cannot be asked."""
        return read_query(question, self.analyzer, self.matcher, self.settings.ranking)

    def ask(self, question: str | Query, k: int = DEFAULT_K) -> Answer:
        """Answer `question` (text, or a `Query` from `read`) with up to `k` citations,
        best first, or abstain."""
        began = time.perf_counter()
        query = question if isinstance(question, Query) else self.read(question)
        validate_k(k)
        ranking = self.settings.ranking
        pool = 4 * k + 10  # room for near-duplicates to be skipped
        ranked = self.ranker.top(query, ranking, pool) if query.terms else None
        as_of = None
        if ranked is not None and query.time is not None:
            ranked, as_of = self._by_time(query, *ranked)
        chosen = self._top_distinct(*ranked, k) if ranked is not None else []
        confidence = self.ranker.coverage(query.terms, chosen[0][0]) if chosen else 0.0
        answered = (
            bool(chosen)
            and confidence >= ranking.min_coverage
            and not (ranking.abstain_on_unknown_names and query.unknown)
        )
        citations = [self._citation(rank, *c) for rank, c in enumerate(chosen, start=1)]
        return Answer(
            question=query.text,
            answered=answered,
            answer=citations[0].text if answered else None,
            confidence=round(confidence, 4),
            citations=citations,
            took_ms=round((time.perf_counter() - began) * 1000, 3),
            as_of=as_of if answered else None,
        )

    def sources(self) -> list[SourceInfo]:
        """Every indexed article, in file-name order."""
        return list(self._sources.values())

    def source_text(self, name: str) -> tuple[SourceInfo, str] | None:
        """An indexed article and its full text, or None if `name` is not one of them."""
        info = self._sources.get(name)
        return None if info is None else (info, self.texts[self._doc_number[name]])

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

    def _top_distinct(self, rows: np.ndarray, scores: np.ndarray, k: int) -> list[tuple]:
        """`(sentence, score)` of the best sentences with a positive score, best first,
        skipping near-duplicates of sentences already chosen."""
        limit = self.settings.ranking.duplicate_jaccard
        chosen: list[tuple[int, float]] = []
        chosen_terms: list[set[int]] = []
        for sentence, score in zip(rows.tolist(), scores.tolist(), strict=True):
            if score <= 0 or len(chosen) == k:
                break
            terms = set(self.ranker.sentence_terms(sentence).tolist())
            if any(len(terms & c) / len(terms | c) >= limit for c in chosen_terms):
                continue
            chosen.append((sentence, score))
            chosen_terms.append(terms)
        return chosen

    def _sentence(self, sentence: int) -> tuple[str, str | None]:
        """The text of a sentence and its article's date."""
        number = int(self._doc[sentence])
        start, end = int(self._start[sentence]), int(self._end[sentence])
        return self.texts[number][start:end], self.index.documents[number].date

    def _by_time(
        self, query: Query, rows: np.ndarray, scores: np.ndarray
    ) -> tuple[tuple[np.ndarray, np.ndarray], str | None]:
        """The pool reordered for a time-aware question (`timeline.py`), and the date
        the first sentence's place rests on."""
        asked = query.time
        assert asked is not None
        placed, covered = [], []
        asked_terms = frozenset(self.ranker.term_numbers(query.terms))
        for row in rows.tolist():
            covered.append(asked_terms & frozenset(self.ranker.sentence_terms(row).tolist()))
            text, article_date = self._sentence(row)
            dates = find_dates(text, parse_iso_day(article_date))
            placed.append(place(text, dates, article_date, asked.focus))
        series = query.kind in (AnswerType.TIME, AnswerType.NONE)  # not "who", "how many"
        order = order_by_time(scores.tolist(), placed, asked.order, series, covered)
        as_of = placed[order[0]].when or None if order else None
        return (rows[order], scores[order]), as_of

    def _citation(self, rank: int, sentence: int, score: float) -> Citation:
        number = int(self._doc[sentence])
        doc = self.index.documents[number]
        start, end = int(self._start[sentence]), int(self._end[sentence])
        text = self.texts[number][start:end]
        dates = [d.iso for d in find_dates(text, parse_iso_day(doc.date))]
        return Citation(
            rank, doc.name, doc.title, doc.date, start, end, text, round(score, 6), dates
        )
