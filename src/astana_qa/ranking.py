"""Scoring every sentence for a question, and measuring how well a sentence covers it.

A sentence's score adds up evidence, each part scaled to 0..1 for this question:
- its own BM25Okapi score, and its paragraph's and document's (questions name what a
  passage is about more often than they repeat the answering sentence);
- the BM25Okapi score of its window, itself with the sentence before it (pronouns);
- whether it holds the kind of thing the question asks for (`question.py`);
- the share of the question's adjacent term pairs that it has adjacent too (phrases).
A tiny tie-break by matched question terms keeps small corpora answering where
BM25Okapi's idf is 0 for every query term.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import numpy as np

from .analysis import fold
from .index import IndexData
from .question import AnswerType, answer_type, mentions_number, mentions_time, names
from .retrieval import BM25Scorer
from .settings import IndexSettings, RankingSettings

# Small enough never to reorder sentences that the evidence tells apart.
TIE_BREAK = 1e-6


def _normalised(scores: np.ndarray) -> np.ndarray:
    best = scores.max(initial=0.0)
    return scores / best if best > 0 else np.zeros_like(scores)


def _postings(keys_per_row: list[set]) -> dict:
    rows: dict = defaultdict(list)
    for row, keys in enumerate(keys_per_row):
        for key in keys:
            rows[key].append(row)
    return {key: np.asarray(r, dtype=np.int64) for key, r in rows.items()}


class SentenceRanker:
    """Everything needed to score the sentences of one index for a question."""

    def __init__(self, index: IndexData, sentence_texts: list[str], settings: IndexSettings):
        self.sentence_terms = index.sentence_terms()
        paragraph_terms: dict[int, list[str]] = defaultdict(list)
        doc_terms: dict[int, list[str]] = defaultdict(list)
        for terms, p, d in zip(self.sentence_terms, index.paragraph, index.doc, strict=True):
            paragraph_terms[int(p)].extend(terms)
            doc_terms[int(d)].extend(terms)
        # Paragraph and document numbers may have gaps (furniture); compact them.
        paragraph_row = {p: row for row, p in enumerate(paragraph_terms)}
        doc_row = {d: row for row, d in enumerate(doc_terms)}
        self.paragraph_rows = np.array([paragraph_row[int(p)] for p in index.paragraph])
        self.doc_rows = np.array([doc_row[int(d)] for d in index.doc])
        self.paragraph_term_sets = [frozenset(t) for t in paragraph_terms.values()]
        self.sentences = BM25Scorer(self.sentence_terms, settings.sentence)
        self.windows = BM25Scorer(self._windows(index.paragraph), settings.sentence)
        self.paragraphs = BM25Scorer(list(paragraph_terms.values()), settings.context)
        self.documents = BM25Scorer(list(doc_terms.values()), settings.context)
        self.has_time = np.array([mentions_time(t) for t in sentence_texts], dtype=np.float64)
        self.has_number = np.array([mentions_number(t) for t in sentence_texts], dtype=np.float64)
        sentence_names = [names(t) for t in sentence_texts]
        self.name_count = np.array([len(n) for n in sentence_names], dtype=np.int64)
        self._name_rows = _postings(sentence_names)
        self._bigram_rows = _postings([set(pairwise(t)) for t in self.sentence_terms])

    def _windows(self, paragraph: np.ndarray) -> list[list[str]]:
        """Each sentence's terms after those of the sentence before it, if that one is in
        the same paragraph."""
        terms = self.sentence_terms
        return [
            terms[i - 1] + terms[i] if i and paragraph[i - 1] == paragraph[i] else terms[i]
            for i in range(len(terms))
        ]

    def scores(self, query: list[str], question: str, settings: RankingSettings) -> np.ndarray:
        """The combined score of every sentence for the question and its terms `query`."""
        own = _normalised(self.sentences.scores(query))
        window = _normalised(self.windows.scores(query))
        paragraph = _normalised(self.paragraphs.scores(query))[self.paragraph_rows]
        document = _normalised(self.documents.scores(query))[self.doc_rows]
        matched = _normalised(self.sentences.matched_weight(query))
        return (
            own
            + settings.window_weight * window
            + settings.paragraph_weight * paragraph
            + settings.document_weight * document
            + settings.answer_type_weight * self.answer_type_match(question)
            + settings.phrase_weight * self.phrase_match(query)
            + TIE_BREAK * matched
        )

    def answer_type_match(self, question: str) -> np.ndarray:
        """1 for sentences that hold the kind of thing `question` asks for, else 0."""
        kind = answer_type(question)
        if kind is AnswerType.TIME:
            return self.has_time
        if kind is AnswerType.NUMBER:
            return self.has_number
        if kind is AnswerType.NAME:
            asked = np.zeros_like(self.name_count)
            for word in {fold(w) for w in question.split()} | names(question):
                rows = self._name_rows.get(word.strip("?.,!;:\"'"))
                if rows is not None:
                    asked[rows] += 1
            return (self.name_count > asked).astype(np.float64)
        return np.zeros(len(self.name_count))

    def phrase_match(self, query: list[str]) -> np.ndarray:
        """Share of the question's distinct adjacent term pairs found adjacent here."""
        bigrams = set(pairwise(query))
        found = np.zeros(len(self.name_count))
        for bigram in bigrams:
            rows = self._bigram_rows.get(bigram)
            if rows is not None:
                found[rows] += 1
        return found / len(bigrams) if bigrams else found

    def coverage(self, query: list[str], sentence: int) -> float:
        """Share (0..1) of the question's informative terms found in the sentence or its
        paragraph, each term weighted by how rare it is among sentences."""
        terms = set(query)
        if not terms:
            return 0.0
        context = self.paragraph_term_sets[self.paragraph_rows[sentence]]
        weights = {t: self.sentences.weight(t) for t in terms}
        found = sum(w for t, w in weights.items() if t in context)
        return found / sum(weights.values())
