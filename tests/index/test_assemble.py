import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from astana_qa.index.assemble import assemble
from astana_qa.index.file_analysis import analyse_file
from astana_qa.index.schema import LEVELS, bigram_key, check_segment
from astana_qa.search.bm25 import level_scorer, window_scorer
from astana_qa.settings import AnalysisSettings, IndexSettings
from astana_qa.text.analysis import Analyzer

ARTICLES = [
    "Port news today\n\nThe port of Varna grew fast in 2020. It now ships grain.\n\n"
    "Grain prices fell in the spring across the region.\n",
    "City notes for May\n\nThe city of Burgas opened a port museum near the grain docks.\n",
]


def joined(sentences: list[list[str]], group: np.ndarray, row: int) -> list[str]:
    return [t for s, g in zip(sentences, group, strict=True) if g == row for t in s]


def test_every_level_scores_like_rank_bm25_over_its_texts():
    analyzer = Analyzer(AnalysisSettings())
    analyses = [analyse_file(text, analyzer) for text in ARTICLES]
    settings = IndexSettings()
    vocab: list[str] = []
    arrays = assemble(analyses, vocab, [])
    sentences = [
        [fa.vocab[t] for t in fa.term_ids[a:b]]
        for fa in analyses
        for a, b in zip(fa.term_ptr[:-1], fa.term_ptr[1:], strict=True)
    ]
    paragraph, doc = arrays.rows.paragraph_row, arrays.rows.doc_row
    windows = [
        (sentences[i - 1] if i and paragraph[i - 1] == paragraph[i] else []) + sentences[i]
        for i in range(len(sentences))
    ]
    paragraphs = [joined(sentences, paragraph, row) for row in range(paragraph.max() + 1)]
    documents = [joined(sentences, doc, row) for row in range(doc.max() + 1)]
    texts = dict(zip(LEVELS, (sentences, windows, paragraphs, documents), strict=True))
    query = ["port", "grain", "varna", "citi"]
    ids = [vocab.index(t) for t in query]
    for level in LEVELS:
        params = settings.sentence if level in ("sentence", "window") else settings.context
        expected = BM25Okapi(texts[level], k1=params.k1, b=params.b).get_scores(query)
        if level == "window":  # derived from the sentence postings, not stored
            sentences = level_scorer([arrays], "sentence", len(vocab), settings)
            scorer = window_scorer(sentences, [arrays], paragraph, settings)
        else:
            scorer = level_scorer([arrays], level, len(vocab), settings)
        np.testing.assert_array_equal(scorer.scores(ids), expected)


def test_adjacent_term_pairs_are_indexed_per_sentence():
    analyzer = Analyzer(AnalysisSettings())
    vocab: list[str] = []
    arrays = assemble([analyse_file(ARTICLES[0], analyzer)], vocab, [])
    key = bigram_key(vocab.index("grain"), vocab.index("price"))
    at = int(np.searchsorted(arrays.pairs.keys, key))
    assert arrays.pairs.keys[at] == key
    ptr = arrays.pairs.indptr
    assert arrays.pairs.rows[ptr[at] : ptr[at + 1]].tolist() == [3]


def test_a_segment_whose_sentences_hold_one_term_each_has_no_pairs():
    """ "Astana. Talks." holds no two adjacent terms: an added article can be that short."""
    analyzer = Analyzer(AnalysisSettings())
    arrays = assemble([analyse_file("Astana\n\nTalks. Kazakh.\n", analyzer)], [], [])
    assert len(arrays.pairs.keys) == 0 and arrays.pairs.indptr.tolist() == [0]


def test_window_frequencies_out_of_range_are_refused():
    analyzer = Analyzer(AnalysisSettings())
    vocab: list[str] = []
    names: list[str] = []
    arrays = assemble([analyse_file(ARTICLES[0], analyzer)], vocab, names)
    check_segment(arrays, 1, len(vocab), len(names))
    for wrong in (0, 10**6):
        arrays.window_df[0] = wrong
        with pytest.raises(ValueError, match="out of range"):
            check_segment(arrays, 1, len(vocab), len(names))
