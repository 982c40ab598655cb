from astana_qa.bench.compare import PlainBM25, ablation_settings, format_comparison, measure_speed
from astana_qa.bench.evaluation import evaluate

ARTICLE = (
    "Harbour opens in Varna\n\n"
    "The minister opened the new container harbour in Varna on Sunday morning.\n\n"
    "The harbour cost 300 million euros and will handle two million containers a year.\n"
)


def test_plain_baseline_cites_exact_sentences(make_corpus):
    corpus = make_corpus({"a.txt": ARTICLE, "b.txt": "A bridge closed for repairs in spring."})
    baseline = PlainBM25(corpus)
    answer = baseline.ask("How much did the harbour cost?", 2)
    assert "300 million" in answer.citations[0].text
    text = (corpus / answer.citations[0].source).read_text()
    assert all(text[c.start : c.end] == c.text for c in answer.citations if c.source == "a.txt")


def test_ablation_switches_off_one_component_at_a_time():
    variants = dict(ablation_settings())
    full = variants.pop("full engine")
    for name, settings in variants.items():
        assert settings != full, name


def test_speed_and_comparison_table(make_corpus):
    corpus = make_corpus({"a.txt": ARTICLE})
    speed = measure_speed(corpus, ["How much did the harbour cost?"], runs=1)
    assert speed.documents == 1 and speed.build_s > 0 and speed.p50_ms > 0
    from astana_qa.bench.compare import Comparison
    from astana_qa.bench.evaluation import EvalQuestion

    report = evaluate(PlainBM25(corpus).ask, [EvalQuestion("cost?", ["300"], ["a.txt"])], corpus)[0]
    table = format_comparison([Comparison("plain", report, 1.0)])
    assert table.splitlines()[2].startswith("| plain | 1.000 |")


def test_the_line_without_any_lexicon_runs_in_a_process_whose_tables_are_empty(make_corpus):
    from astana_qa.bench.compare import (
        WITHOUT_ANY_LEXICON,
        _without_tables,
        in_a_process_without_tables,
    )
    from astana_qa.bench.evaluation import EvalQuestion
    from astana_qa.search.candidates import _is_kind_of

    # WordNet knows basketball as a sport here, and not in the line's own process
    assert _is_kind_of("basketball", "sport")
    assert in_a_process_without_tables(_is_kind_of, "basketball", "sport") is False
    corpus = make_corpus({"a.txt": ARTICLE})
    questions = [EvalQuestion("How much did the harbour cost?", ["300 million euros"], ["a.txt"])]
    report = _without_tables(questions, corpus, dict(ablation_settings())[WITHOUT_ANY_LEXICON])
    assert report.p_at_1 == 1.0


def test_the_environment_empties_the_shipped_tables(monkeypatch):
    from astana_qa.text.lexicon import LEXICON_ENVIRONMENT, shipped_lexicon

    assert shipped_lexicon().links("government")
    shipped_lexicon.cache_clear()
    monkeypatch.setenv(LEXICON_ENVIRONMENT, "empty")
    try:
        assert not shipped_lexicon().links("government")
        assert shipped_lexicon().noun_class("city") is None
    finally:
        shipped_lexicon.cache_clear()
