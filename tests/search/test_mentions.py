"""Where a corpus names a name (`search/mentions.py`)."""

from astana_qa import QAEngine


def _writes_as_a_name(engine: QAEngine, question: str, word: str) -> dict[str, bool]:
    """For each article, does it write `word` of `question` as a name?"""
    names = engine.mentions.names_written(engine.read(question))
    [term] = engine.analyzer.terms(word)
    number = engine.ranker.term_number[term]
    writes = engine.mentions.article_writes
    return {d.name: writes(term, number, names.get(term, ()), i)
            for i, d in enumerate(engine.index.documents)}  # fmt: skip


def test_sentences_naming_a_name_include_its_other_spellings(make_corpus, tmp_path):
    corpus = make_corpus({
        "a.txt": "Harbour talks\n\nThe opposition was represented by Ahmet Toma in Varna.\n\n"
                 "Ships sailed from the harbour on Monday.\n",
        "b.txt": "Varna report\n\nThe opposition delegation was led by Ahmed Touma.\n\n"
                 "The weather in Varna was mild.\n",
    })  # fmt: skip
    engine = QAEngine.open(corpus, tmp_path / "index")
    rows = engine.mentions.rows_naming("Ahmet Toma")
    texts = [engine._sentence(r)[0] for r in rows]
    assert any("Ahmet Toma" in t for t in texts)
    assert any("Ahmed Touma" in t for t in texts)
    assert not any("weather" in t or "Ships" in t for t in texts)


def test_an_article_writing_a_word_only_in_lower_case_does_not_name_it(make_corpus, tmp_path):
    corpus = make_corpus({
        "a.txt": "Club news\n\nThe Rat Pack sang at the Sands in Las Vegas.\n",
        "b.txt": "Pest news\n\nA rat was seen near the harbour on Monday.\n",
    })  # fmt: skip
    assert _writes_as_a_name(
        QAEngine.open(corpus, tmp_path / "index"), "Who sang with the Rat Pack?", "Rat"
    ) == {"a.txt": True, "b.txt": False}


def test_a_name_opening_a_sentence_is_read_in_the_article_s_sentences(make_corpus, tmp_path):
    """The index of names leaves out a sentence's first word: "Stardust opened…" is
    found by reading the article's sentences holding the word."""
    corpus = make_corpus({
        "a.txt": "Club news\n\nStardust opened the show in Varna on Monday.\n\n"
                 "The crowd in the old harbour hall stayed until late in the night.\n",
        "b.txt": "Court news\n\nThe police found heroin, stardust and cash in Varna.\n\n"
                 "Two men were held at the harbour station for questioning.\n",
    })  # fmt: skip
    assert _writes_as_a_name(
        QAEngine.open(corpus, tmp_path / "index"), "Who sang Stardust?", "Stardust"
    ) == {"a.txt": True, "b.txt": False}
