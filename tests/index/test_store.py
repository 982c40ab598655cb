import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from astana_qa import QAEngine, QAError
from astana_qa.index import build as build_module
from astana_qa.index.segments import joined
from astana_qa.settings import AnalysisSettings, BM25Params, IndexSettings, Settings
from astana_qa.text.corpus import content_hash, file_hash

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


LONG_ARTICLE = ARTICLE + "".join(
    f"\nThe harbour's berth {n} takes ships of up to {n * 10},000 tonnes.\n" for n in range(1, 9)
)
SHORT_ARTICLE = "Ferry to Odessa\n\nA ferry to Odessa leaves the harbour in Varna every Monday.\n"


def _two_segments(make_corpus, tmp_path, monkeypatch, first="a.txt", then="b.txt"):
    """An index updated into two segments: a long article `first`, then a shorter one
    `then` added (a new segment takes in the last one only while that is no larger than
    it), with the tokenizer trained on the first article alone, so that adding one
    keeps it. Returns the corpus and index folders."""
    monkeypatch.setattr(build_module, "TRAINING_SAMPLE_CHARS", 1)
    corpus = make_corpus({first: LONG_ARTICLE})
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    short = SHORT_ARTICLE
    while content_hash(short.encode()) < content_hash(LONG_ARTICLE.encode()):
        short += "\n"  # sorts after the sample: the sample stays the long article
    (corpus / then).write_text(short, "utf-8")
    assert len(QAEngine.open(corpus, index).index.segments) == 2
    return corpus, index


def test_the_manifest_records_each_file_as_written(make_corpus, tmp_path, monkeypatch):
    """Segment files and joined rows are written and hashed on several threads: each
    file's recorded size and digest must still be its own."""
    _, index = _two_segments(make_corpus, tmp_path, monkeypatch)
    manifest = json.loads((index / "manifest.json").read_text())
    folders = [(index / "segments" / s["name"], s["files"]) for s in manifest["segments"]]
    folders.append((index / f"gen-{manifest['generation']}" / "rows", manifest["rows"]))
    for folder, recorded in folders:
        written = {p.name: [p.stat().st_size, file_hash(p)] for p in folder.iterdir()}
        assert recorded == written
        assert len(written) > 5 and len({size for size, _ in written.values()}) > 1


@pytest.mark.parametrize("added", ["b.txt", "0.txt"])
def test_several_segments_store_their_sentence_arrays_joined(
    make_corpus, tmp_path, monkeypatch, added
):
    """A server maps the per-sentence arrays of several segments from the generation's
    files instead of joining them in its own memory at every open; they are what joining
    the segments gives. An article added under a name that sorts first makes the
    sentences' file-name order (ties are broken in it) another than theirs: it is
    stored too."""
    corpus, index = _two_segments(make_corpus, tmp_path, monkeypatch, "a.txt", added)
    (corpus / added).write_text((corpus / added).read_text() + "\n", "utf-8")
    updated = QAEngine.open(corpus, index)  # the index this build wrote, as it wrote it
    assert updated.stats.build is not None and updated.stats.build.changed == [added]
    for engine in (updated, QAEngine.open(corpus, index)):
        stored = engine.index.stored_joined
        assert stored is not None and engine.ranker.rows is stored.rows
        assert engine.ranker.sentences.lengths is stored.sentence_length
        assert engine.ranker.position is stored.name_order
        assert isinstance(stored.rows.doc.base, np.memmap)
        segments, documents = engine.index.segments, engine.index.documents
        fresh = joined([s.arrays for s in segments], [s.documents for s in segments],
                       [d.name for d in documents])  # fmt: skip
        assert stored.files().keys() == fresh.files().keys()
        for name, array in stored.files().items():
            assert np.array_equal(array, fresh.files()[name]), name
        assert documents[stored.rows.doc[-1]].name == added
    answer = engine.ask("When does the ferry to Odessa leave?")
    assert answer.citations[0].source == added
    if added == "b.txt":  # the articles are in file-name order already
        assert stored.name_order is None
    else:  # the added article's sentences come first, each article's in text order
        order = stored.name_order
        assert order is not None
        added_rows = np.flatnonzero(stored.rows.doc == stored.rows.doc[-1])
        assert order[added_rows].tolist() == list(range(len(added_rows)))
        assert np.all(np.diff(order[: len(order) - len(added_rows)]) == 1)


def test_one_segment_stores_no_joined_copy(corpus, tmp_path):
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert engine.index.stored_joined is None and engine.ranker.position is None
    assert not (tmp_path / "index" / "gen-1" / "rows").exists()
    assert "rows" not in json.loads((tmp_path / "index" / "manifest.json").read_text())


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))


def _manifest(index: Path, change) -> None:
    manifest = json.loads((index / "manifest.json").read_text())
    change(manifest)
    (index / "manifest.json").write_text(json.dumps(manifest))


JOINED_DAMAGE = {
    "truncated": lambda rows, index: rows.joinpath("doc.npy").write_bytes(
        rows.joinpath("doc.npy").read_bytes()[:-4]
    ),
    "removed": lambda rows, index: rows.joinpath("doc.npy").unlink(),
    "a byte changed": lambda rows, index: _flip_a_byte(rows / "start.npy"),
    "tie order removed": lambda rows, index: rows.joinpath("name_order.npy").unlink(),
    "not in the manifest": lambda rows, index: _manifest(index, lambda m: m.pop("rows")),
    "tie order not in the manifest": lambda rows, index: _manifest(
        index, lambda m: m["rows"].pop("name_order.npy")
    ),
    "malformed in the manifest": lambda rows, index: _manifest(
        index, lambda m: m["rows"].update({"doc.npy": 5})
    ),
    "outside its folder": lambda rows, index: _manifest(
        index, lambda m: m["rows"].update({"../../manifest.json": [1, "0" * 64]})
    ),
}


@pytest.mark.parametrize("damage", JOINED_DAMAGE)
def test_damaged_joined_rows_mean_a_rebuild(make_corpus, tmp_path, monkeypatch, damage):
    """The joined arrays are read only as the manifest records them: anything missing,
    changed or unrecorded (the tie order too: without it ties would go by segment) means
    a rebuild, with the same answers."""
    corpus, index = _two_segments(make_corpus, tmp_path, monkeypatch, "b.txt", "0.txt")
    question = "When does the ferry leave?"
    expected = QAEngine.open(corpus, index).ask(question).to_dict()["citations"]
    generation = json.loads((index / "manifest.json").read_text())["generation"]
    JOINED_DAMAGE[damage](index / f"gen-{generation}" / "rows", index)
    engine = QAEngine.open(corpus, index)
    assert engine.stats.rebuilt
    assert engine.ask(question).to_dict()["citations"] == expected
