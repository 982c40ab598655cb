import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from astana_qa import QAEngine, QAError
from astana_qa.settings import AnalysisSettings, BM25Params, IndexSettings, Settings
from astana_qa.text.corpus import file_hash

ARTICLE = (
    "Harbour opens in Varna\n\n"
    "The minister opened the new container harbour in Varna on Sunday morning.\n\n"
    "The harbour cost 300 million euros and will handle two million containers a year.\n"
)


@pytest.fixture
def corpus(make_corpus) -> Path:
    return make_corpus({"a.txt": ARTICLE})


def test_index_is_reused_when_current(corpus, tmp_path):
    index = tmp_path / "index"
    assert QAEngine.open(corpus, index).stats.rebuilt
    assert not QAEngine.open(corpus, index).stats.rebuilt
    entries = sorted(p.name for p in index.iterdir())
    assert entries == ["astana-qa-index.json", "cache", "gen-1", "manifest.json", "segments"]
    assert sorted(p.name for p in (index / "segments").iterdir()) == ["000001"]


def test_index_holds_no_pickle_and_opens_memory_mapped(corpus, tmp_path):
    engine = QAEngine.open(corpus, tmp_path / "index")
    for path in (tmp_path / "index" / "segments").glob("*/*.npy"):
        assert np.load(path, allow_pickle=False).dtype != object
    for path in (tmp_path / "index" / "cache").glob("*.npz"):
        with np.load(path, allow_pickle=False) as npz:
            assert all(npz[name].dtype != object for name in npz.files)
    reopened = QAEngine.open(corpus, tmp_path / "index")
    assert not reopened.stats.rebuilt
    assert isinstance(engine.index.segments[0].arrays.levels["sentence"].tf.base, np.memmap)
    assert isinstance(reopened.ranker.rows.doc.base, np.memmap)


def test_changed_article_makes_the_index_stale(corpus, tmp_path):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    (corpus / "a.txt").write_text(ARTICLE.replace("Sunday", "Monday"), "utf-8")
    engine = QAEngine.open(corpus, index)
    assert engine.stats.rebuilt
    assert (
        "Monday"
        in engine.ask("When did the minister open the container harbour?").citations[0].text
    )


def test_other_analysis_settings_rebuild(corpus, tmp_path):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    other = Settings(analysis=AnalysisSettings(stem=False))
    assert QAEngine.open(corpus, index, settings=other).stats.rebuilt


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / "manifest.json").write_text("{broken"),
        lambda d: (d / "segments" / "000001" / "sentence.tf.npy").write_bytes(b"not numpy"),
        lambda d: (d / "segments" / "000001" / "window.df.npy").unlink(),
        lambda d: np.save(d / "segments" / "000001" / "doc.npy", np.zeros(1, dtype=np.int32)),
        lambda d: (d / "gen-1" / "tokenizer.json").write_text("[]"),
        lambda d: (d / "gen-1" / "vocab.json").unlink(),
        lambda d: (d / "gen-1" / "vocab.json").write_text(json.dumps(["only-one-term"])),
        lambda d: shutil.rmtree(d / "segments"),
    ],
)
def test_corrupt_index_is_rebuilt(corpus, tmp_path, damage):
    index = tmp_path / "index"
    expected = QAEngine.open(corpus, index).ask("How much did the harbour cost?").to_dict()
    damage(index)
    engine = QAEngine.open(corpus, index)
    assert engine.stats.rebuilt
    again = engine.ask("How much did the harbour cost?").to_dict()
    assert again["citations"] == expected["citations"]


def test_crash_while_saving_keeps_the_old_index(corpus, tmp_path, monkeypatch):
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    before = {p: p.read_bytes() for p in index.rglob("*") if p.is_file()}

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "save", crash)
    with pytest.raises(QAError, match="Cannot write the index"):
        QAEngine.open(corpus, index, rebuild=True)
    assert {p: p.read_bytes() for p in index.rglob("*") if p.is_file()} == before
    assert [p.name for p in index.rglob(".*")] == []


def test_never_overwrites_a_folder_that_is_not_an_index(corpus, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(QAError, match="not an astana-qa index"):
        QAEngine.open(corpus, precious)
    assert (precious / "thesis.docx").read_text() == "years of work"


def test_other_bm25_parameters_need_no_rebuild(corpus, tmp_path):
    index = tmp_path / "index"
    default = QAEngine.open(corpus, index).ranker
    other = Settings(index=IndexSettings(sentence=BM25Params(k1=2.0, b=1.0)))
    engine = QAEngine.open(corpus, index, settings=other)
    assert not engine.stats.rebuilt
    terms = engine.ranker.term_numbers(["harbour", "cost"])
    assert not np.allclose(engine.ranker.sentences.scores(terms), default.sentences.scores(terms))


def test_the_manifest_records_each_segment_file_as_written(make_corpus, tmp_path):
    """Segment files are written and hashed on several threads: each file's recorded
    size and digest must still be its own, in a first build and after an update."""
    corpus = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Varna", "Burgas")})
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    (corpus / "b.txt").write_text(ARTICLE.replace("Varna", "Ruse"), "utf-8")
    QAEngine.open(corpus, index)
    manifest = json.loads((index / "manifest.json").read_text())
    for segment in manifest["segments"]:
        folder = index / "segments" / segment["name"]
        written = {p.name: [p.stat().st_size, file_hash(p)] for p in folder.iterdir()}
        assert segment["files"] == written
        assert len(written) > 10 and len({size for size, _ in written.values()}) > 1
