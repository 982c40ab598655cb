import hashlib

from astana_qa.bench.scale import bench, make_scale_corpus

ARTICLES = {
    f"{name}.txt": f"News from {name.title()} this week\n\n"
    f"The council of {name.title()} approved a new harbour in March 2021 after long talks.\n"
    f"Mayor Ivanova of {name.title()} said the harbour would create many jobs for the city.\n"
    for name in ("varna", "burgas", "sozopol")
}


def test_scale_corpus_copies_are_distinct_files(make_corpus, tmp_path):
    source = make_corpus(ARTICLES)
    assert make_scale_corpus(source, tmp_path / "scale", 20, 4) == 5
    files = sorted((tmp_path / "scale").glob("*.txt"))
    assert len(files) == 15
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 15
    assert make_scale_corpus(source, tmp_path / "scale", 20, 4) == 5  # reused as it is


def test_bench_smoke_reports_every_system(make_corpus, tmp_path):
    questions = ["Who approved the harbour?", "What did the mayor of Varna say?"]
    result = bench(make_corpus(ARTICLES), tmp_path / "work", 30, questions, progress=print)
    assert result["sentences"] >= 30
    for system in ("astana_qa", "bm25s", "rank_bm25"):
        figures = result[system]
        assert set(figures) >= {"build_s", "open_s", "index_mb", "p50_ms", "p99_ms", "rss_mb"}
        assert figures["p50_ms"] > 0 and figures["rss_mb"] > 0
    # A small corpus is its own tokenizer sample: adding to it re-analyses it all.
    assert result["astana_qa"]["add_one_s"] > 0 and result["astana_qa"]["analysed"] >= 1
