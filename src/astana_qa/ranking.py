"""Scoring every sentence for a question, and measuring how well a sentence covers it.

A sentence's score fuses three BM25Okapi scores: its own, its paragraph's and its
document's, each divided by the best score of its level for this question. Questions
name what a passage is about more often than they repeat the answering sentence, so the
surrounding text is evidence too. A tiny tie-break by matched question terms keeps
small corpora answering where BM25Okapi's idf is 0 for every query term.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .index import IndexData
from .retrieval import BM25Scorer
from .settings import IndexSettings, RankingSettings

# Small enough never to reorder sentences that BM25 tells apart.
TIE_BREAK = 1e-6


def _normalised(scores: np.ndarray) -> np.ndarray:
    best = scores.max(initial=0.0)
    return scores / best if best > 0 else np.zeros_like(scores)


class SentenceRanker:
    """BM25 over sentences, paragraphs and documents of one index."""

    def __init__(self, index: IndexData, index_settings: IndexSettings):
        self.sentence_terms = index.sentence_terms()
        self.sentence_paragraph = index.paragraph
        self.sentence_doc = index.doc
        paragraph_terms: dict[int, list[str]] = defaultdict(list)
        doc_terms: dict[int, list[str]] = defaultdict(list)
        for terms, p, d in zip(self.sentence_terms, index.paragraph, index.doc, strict=True):
            paragraph_terms[int(p)].extend(terms)
            doc_terms[int(d)].extend(terms)
        # Paragraph and document numbers may have gaps (furniture); compact them.
        self._paragraph_row = {p: row for row, p in enumerate(paragraph_terms)}
        self._doc_row = {d: row for row, d in enumerate(doc_terms)}
        self.paragraph_rows = np.array([self._paragraph_row[int(p)] for p in index.paragraph])
        self.doc_rows = np.array([self._doc_row[int(d)] for d in index.doc])
        self.paragraph_term_sets = [frozenset(t) for t in paragraph_terms.values()]
        self.sentences = BM25Scorer(self.sentence_terms, index_settings)
        self.paragraphs = BM25Scorer(list(paragraph_terms.values()), index_settings)
        self.documents = BM25Scorer(list(doc_terms.values()), index_settings)

    def scores(self, query: list[str], settings: RankingSettings) -> np.ndarray:
        """The fused score of every sentence for the analysed question `query`."""
        own = _normalised(self.sentences.scores(query))
        paragraph = _normalised(self.paragraphs.scores(query))[self.paragraph_rows]
        document = _normalised(self.documents.scores(query))[self.doc_rows]
        matched = _normalised(self.sentences.matched_weight(query))
        fused = own + settings.paragraph_weight * paragraph + settings.document_weight * document
        return fused + TIE_BREAK * matched

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
