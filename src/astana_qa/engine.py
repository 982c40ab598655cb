"""`QAEngine`: answers a question with cited sentences, or abstains.

The engine is built once (`QAEngine.open`) and then only read, so one instance can be
shared by many threads.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from . import __version__
from .analysis import (
    ALIAS_FILE_NAME,
    Analyzer,
    lemmatizer_version,
    read_alias_file,
    word_lists_hash,
)
from .build import BuildReport, Progress, build_index, corpus_file_hashes
from .corpus import Corpus, content_hash, load_corpus
from .errors import InvalidQuestion
from .index import FORMAT_VERSION, IndexData, load_index
from .question import key_words, topic_text, written_dates
from .ranking import SentenceRanker
from .settings import DEFAULT_K, MAX_K, MAX_QUESTION_CHARS, Settings
from .spelling import TermMatcher

log = logging.getLogger(__name__)
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Citation:
    """One cited sentence: `text == file_text[start:end]` of `source`."""

    rank: int
    source: str
    title: str | None
    date: str | None
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class Answer:
    """The engine's reply; `to_dict()` is the JSON contract of the CLI and the API."""

    question: str
    answered: bool
    answer: str | None
    confidence: float
    citations: list[Citation] = field(default_factory=list)
    took_ms: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SourceInfo:
    """An indexed article: file name, title, date and number of indexed sentences."""

    file: str
    title: str | None
    date: str | None
    sentences: int


@dataclass(frozen=True)
class IndexStats:
    """What an opened index holds, for `astana-qa index` and the health endpoint."""

    documents: int
    sentences: int
    built_at: str
    rebuilt: bool
    skipped: list[str]
    # What the build did (None when an up-to-date index was reused).
    build: BuildReport | None = None


def validate_question(question: object, k: object) -> str:
    """The question stripped of surrounding space; `InvalidQuestion` if it cannot be asked."""
    if not isinstance(question, str):
        raise InvalidQuestion("the question must be text")
    question = question.strip()
    if not question:
        raise InvalidQuestion("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"the question is {len(question)} characters long; the limit is {MAX_QUESTION_CHARS}"
        )
    if not _HAS_WORD.search(question):
        raise InvalidQuestion("the question has no words, only punctuation or symbols")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(
            f"k (the number of citations) must be a whole number from 1 to {MAX_K}", field="k"
        )
    return question


class QAEngine:
    """Question answering over one corpus and its index."""

    def __init__(
        self, index: IndexData, texts: list[str], analyzer: Analyzer, settings: Settings,
        stats: IndexStats,
    ):  # fmt: skip
        self.index = index
        self.texts = texts
        self.analyzer = analyzer
        self.settings = settings
        self.stats = stats
        self.ranker = SentenceRanker(index, settings.index)
        self.matcher = TermMatcher(
            self.ranker.term_number,
            index.vocab,
            frequency=self.ranker.sentences.document_frequency,
            adjacent=lambda first, second: len(self.ranker.lookup.pair_rows(first, second)) > 0,
            analyze=analyzer.guessed_terms,
            enabled=settings.ranking.match_misspellings,
        )
        rows = self.ranker.arrays
        self._doc, self._start, self._end = rows["doc"], rows["start"], rows["end"]
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
        """Load the corpus, reuse its index if it is whole and current, else bring it up
        to date (re-analysing only new and changed articles unless `rebuild`).

        `alias_file` defaults to `aliases.json` in the corpus folder, when there is one;
        `progress` wraps long builds' work for a progress bar (e.g. tqdm).
        """
        settings = settings or Settings()
        corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
        alias_path = Path(alias_file) if alias_file else corpus_dir / ALIAS_FILE_NAME
        groups = read_alias_file(alias_path) if alias_file or alias_path.is_file() else []
        analyzer = Analyzer(settings.analysis, groups)
        corpus = load_corpus(corpus_dir)
        alias_hash = content_hash(alias_path.read_bytes()) if groups else None
        fingerprint = settings.index_fingerprint(
            {"format": FORMAT_VERSION, "version": __version__, "aliases": alias_hash,
             "word_lists": word_lists_hash(), "lemmatizer": lemmatizer_version()}
        )  # fmt: skip
        files = corpus_file_hashes(corpus)
        index = None if rebuild else load_index(index_dir, fingerprint, files)
        report = None
        if index is None:
            built, report = build_index(corpus, analyzer, fingerprint,
                                        index_dir, rebuild, progress)  # fmt: skip
            # Serve from the memory-mapped files, as every later open will.
            index = load_index(index_dir, fingerprint, files) or built
        text_of = {d.name: d.text for d in corpus.documents}
        texts = [text_of[d.name] for d in index.documents]  # in the index's order
        return cls(index, texts, analyzer, settings, _stats(index, corpus, report))

    def ask(self, question: str, k: int = DEFAULT_K) -> Answer:
        """Answer `question` with up to `k` citations, best first, or abstain."""
        began = time.perf_counter()
        question = validate_question(question, k)
        ranking = self.settings.ranking
        reading = self._reading(question)
        query = self._query_terms(reading)
        pool = 4 * k + 10  # room for near-duplicates to be skipped
        ranked = self.ranker.top(query, reading, ranking, pool) if query else None
        chosen = self._top_distinct(*ranked, k) if ranked is not None else []
        confidence = self.ranker.coverage(query, chosen[0][0]) if chosen else 0.0
        answered = (
            bool(chosen)
            and confidence >= ranking.min_coverage
            and not (ranking.abstain_on_unknown_names and self._unknown(reading))
        )
        citations = [self._citation(rank, *c) for rank, c in enumerate(chosen, start=1)]
        return Answer(
            question=question,
            answered=answered,
            answer=citations[0].text if answered else None,
            confidence=round(confidence, 4),
            citations=citations,
            took_ms=round((time.perf_counter() - began) * 1000, 3),
        )

    def sources(self) -> list[SourceInfo]:
        """Every indexed article, in file-name order."""
        return list(self._sources.values())

    def source_text(self, name: str) -> tuple[SourceInfo, str] | None:
        """An indexed article and its full text, or None if `name` is not one of them."""
        info = self._sources.get(name)
        return None if info is None else (info, self.texts[self._doc_number[name]])

    def matching_spans(self, question: str, text: str) -> list[tuple[int, int]]:
        """Where in `text` the words of `question` occur (after folding, stemming and
        aliases): `(start, end)` offsets, for highlighting."""
        wanted = set(self._query_terms(self._reading(question)))
        return [(s, e) for s, e, term in self.analyzer.term_spans(text) if term in wanted]

    def _reading(self, question: str) -> str:
        """The question with its dates written as articles write them (if so set)."""
        return written_dates(question) if self.settings.ranking.read_spoken_dates else question

    def _query_terms(self, question: str) -> list[str]:
        """The question's terms, each misspelt or run-together word replaced by the index
        terms it stands for (`spelling.py`); unmatched terms are kept: they count against
        coverage."""
        pairs = self.analyzer.written_terms(topic_text(question))
        return [found for word, term in pairs for found in self.matcher.match(term, word) or [term]]

    def _unknown(self, question: str) -> list[str]:
        """The names and numbers of `question` that no indexed sentence mentions, even
        allowing for typos and words run together."""
        return [
            word
            for word in key_words(question)
            if not all(self.matcher.match(t, w) for w, t in self.analyzer.written_terms(word))
        ]

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

    def _citation(self, rank: int, sentence: int, score: float) -> Citation:
        number = int(self._doc[sentence])
        doc = self.index.documents[number]
        start, end = int(self._start[sentence]), int(self._end[sentence])
        text = self.texts[number][start:end]
        return Citation(rank, doc.name, doc.title, doc.date, start, end, text, round(score, 6))


def _stats(index: IndexData, corpus: Corpus, report: BuildReport | None) -> IndexStats:
    return IndexStats(
        documents=len(index.documents),
        sentences=index.sentence_count,
        built_at=index.manifest["built_at"],
        rebuilt=report is not None,
        skipped=[f"{s.name}: {s.reason}" for s in corpus.skipped],
        build=report,
    )
