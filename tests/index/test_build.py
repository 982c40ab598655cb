import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from astana_qa import CorpusChanged, QAEngine
from astana_qa.index import build as build_module
from astana_qa.index import open as open_module
from astana_qa.index import store as store_module
from astana_qa.index.store import verify_index
from astana_qa.text import corpus as corpus_module

ARTICLES = {
    f"{name}.txt": f"News from {name.title()} this week\n\n"
    f"The council of {name.title()} approved a new harbour in March 2021 after long talks.\n"
    f"Mayor Ivanova of {name.title()} said the harbour would create many jobs for the city.\n\n"
    f"The harbour will cost {len(name)} hundred million euros over the next ten years.\n"
    for name in ("varna", "burgas", "sozopol", "nessebar")
}
QUESTIONS = [
    "Who said the harbour would create jobs?",
    "When did the council approve the harbour?",
    "How much will the harbour in Burgas cost?",
]


def answers(engine: QAEngine) -> list[dict]:
    return [{**engine.ask(q).to_dict(), "took_ms": 0} for q in QUESTIONS]


def scored_sentences(engine: QAEngine, question: str) -> dict:
    """Every sentence, by file name and offsets, with its flags and combined score."""
    ranker, rows = engine.ranker, engine.ranker.rows
    scores = ranker.scores(engine.read(question), engine.settings.ranking)
    names = [engine.index.documents[d].name for d in rows.doc]
    return {
        (name, int(start), int(end)): (bool(t), bool(n), int(c), float(score))
        for name, start, end, t, n, c, score in zip(
            names, rows.start, rows.end, rows.has_time, rows.has_number,
            rows.name_count, scores, strict=True,
        )
    }  # fmt: skip


def assert_same_index(a: QAEngine, b: QAEngine) -> None:
    """Same articles, sentences and scores (however the two are split into segments)."""
    by_name = lambda docs: sorted(docs, key=lambda d: d.name)  # noqa: E731
    assert by_name(a.index.documents) == by_name(b.index.documents)
    for question in QUESTIONS:
        left, right = scored_sentences(a, question), scored_sentences(b, question)
        assert left.keys() == right.keys()
        for key, value in left.items():
            assert value[:3] == right[key][:3], key
            assert value[3] == pytest.approx(right[key][3], rel=1e-12, abs=1e-15), key
    assert answers(a) == answers(b)
    # The words and names a question can meet: the same, however many were removed.
    assert a.ranker.term_number.keys() == b.ranker.term_number.keys()
    assert a.ranker.name_number.keys() == b.ranker.name_number.keys()


@pytest.fixture
def small_sample(monkeypatch):
    """Train the tokenizer on one article, so most changes leave the sample alone."""
    monkeypatch.setattr(build_module, "TRAINING_SAMPLE_CHARS", 1)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def outside_sample(text: str, corpus_texts) -> str:
    """`text`, varied until its hash sorts after the tokenizer's one-article sample."""
    smallest = min(sha(t) for t in corpus_texts)
    while sha(text) < smallest:
        text += "\n"
    return text


def test_first_build_reports_every_file_added(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    build = QAEngine.open(corpus, tmp_path / "index").stats.build
    assert build.added == sorted(ARTICLES) and not build.changed and not build.removed
    assert build.analysed == 4 and build.reused == 0 and build.retrained_tokenizer
    assert QAEngine.open(corpus, tmp_path / "index").stats.build is None


def test_a_skipped_file_is_not_reported_as_an_article_added(make_corpus, tmp_path):
    corpus = make_corpus({**ARTICLES, "latin1.txt": "Caf\xe9 talks".encode("latin-1")})
    stats = QAEngine.open(corpus, tmp_path / "index").stats
    assert stats.build.added == sorted(ARTICLES) and stats.documents == len(ARTICLES)
    assert stats.skipped == ["latin1.txt: it is not valid UTF-8 (byte 3)"]
    # an article that can no longer be read is removed; a skipped file mended, added
    (corpus / "varna.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (corpus / "latin1.txt").write_text("Cafe talks resume in Varna\n\nThe talks resumed.", "utf-8")
    build = QAEngine.open(corpus, tmp_path / "index").stats.build
    assert (build.added, build.changed, build.removed) == (["latin1.txt"], [], ["varna.txt"])


def test_an_index_without_stamps_reports_its_files_as_the_articles_before(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    manifest_path = tmp_path / "index" / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    del manifest["stamps"]  # as an index built before stamps were kept
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    (corpus / "varna.txt").unlink()
    build = QAEngine.open(corpus, tmp_path / "index").stats.build
    assert (build.added, build.changed, build.removed) == ([], [], ["varna.txt"])


def test_adding_an_article_analyses_only_that_article(make_corpus, tmp_path, small_sample):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    new = outside_sample(ARTICLES["varna.txt"].replace("Varna", "Pomorie"), ARTICLES.values())
    (corpus / "pomorie.txt").write_text(new, "utf-8")
    updated = QAEngine.open(corpus, tmp_path / "index")
    build = updated.stats.build
    assert build.added == ["pomorie.txt"] and build.analysed == 1 and build.reused == 4
    assert not build.retrained_tokenizer
    assert_same_index(updated, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))


def test_changing_and_removing_articles(make_corpus, tmp_path, small_sample):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    changed = outside_sample(ARTICLES["burgas.txt"].replace("March", "April"), ARTICLES.values())
    (corpus / "burgas.txt").write_text(changed, "utf-8")
    removed = max(set(ARTICLES) - {"burgas.txt"}, key=lambda name: sha(ARTICLES[name]))
    (corpus / removed).unlink()  # not the one article the tokenizer learnt from
    updated = QAEngine.open(corpus, tmp_path / "index")
    build = updated.stats.build
    assert build.changed == ["burgas.txt"] and build.removed == [removed]
    assert build.analysed == 1 and build.reused == 2
    assert "April" in updated.ask("When did the council of Burgas approve the harbour?").answer
    assert_same_index(updated, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))


def test_a_changed_article_leaves_the_rest_of_its_segment_unassembled(
    make_corpus, tmp_path, small_sample, monkeypatch
):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    assembled = []
    original = build_module.assemble
    monkeypatch.setattr(build_module, "assemble", lambda analyses, *rest: assembled.append(
        len(analyses)) or original(analyses, *rest))  # fmt: skip
    text = outside_sample(ARTICLES["varna.txt"].replace("March", "May"), ARTICLES.values())
    (corpus / "varna.txt").write_text(text, "utf-8")
    engine = QAEngine.open(corpus, index)
    assert assembled == [1]  # only the changed article; the other three were trimmed out
    assert segment_names(index)[0].endswith("-1") and len(segment_names(index)) == 2
    assert sorted(p.name for p in (index / "segments").iterdir()) == sorted(segment_names(index))
    assert "May" in engine.ask("When did the council of Varna approve the harbour?").answer
    assert_same_index(engine, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))
    # One more from the trimmed segment, which is trimmed again (not the tokenizer's sample).
    removed = max(set(ARTICLES) - {"varna.txt"}, key=lambda name: sha(ARTICLES[name]))
    (corpus / removed).unlink()
    assembled.clear()
    engine = QAEngine.open(corpus, index)
    assert assembled == [] and engine.stats.build.removed == [removed]
    assert segment_names(index)[0].endswith("-1") and len(segment_names(index)) == 2
    assert_same_index(engine, QAEngine.open(corpus, tmp_path / "fresh2", rebuild=True))
    assert QAEngine.open(corpus, index).stats.build is None  # the trimmed index opens as is
    assert verify_index(index) == []  # its digests were recorded


def test_articles_leaving_two_segments_in_one_build_give_two_trimmed_segments(
    make_corpus, tmp_path, small_sample
):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    towns = {f"town{n}.txt": ARTICLES["varna.txt"].replace("Varna", f"Town{n}") for n in range(3)}
    for name, text in towns.items():  # three at once: a second segment
        (corpus / name).write_text(outside_sample(text, ARTICLES.values()), "utf-8")
    QAEngine.open(corpus, index)
    assert len(segment_names(index)) == 2
    text = outside_sample(ARTICLES["varna.txt"].replace("March", "May"), ARTICLES.values())
    (corpus / "varna.txt").write_text(text, "utf-8")  # from the first segment
    (corpus / "town1.txt").unlink()  # from the second
    engine = QAEngine.open(corpus, index)
    names = segment_names(index)
    assert len(names) == 3 and names[0].endswith("-1") and names[1].endswith("-2")
    assert sorted(p.name for p in (index / "segments").iterdir()) == sorted(names)
    assert engine.stats.build.analysed == 1 and verify_index(index) == []
    assert_same_index(engine, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))
    (corpus / "town2.txt").unlink()  # the trimmed second segment is trimmed again
    QAEngine.open(corpus, index)
    names = segment_names(index)
    assert sorted(p.name for p in (index / "segments").iterdir()) == sorted(names)


def test_a_damaged_segment_is_assembled_again_not_trimmed(
    make_corpus, tmp_path, small_sample, monkeypatch
):
    monkeypatch.setattr(store_module, "VERIFY_AT_OPEN_BYTES", 0)  # opens check sizes only
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    (segment,) = segment_names(index)
    damaged = index / "segments" / segment / "sentence.tf.npy"
    data = bytearray(damaged.read_bytes())
    data[-1] ^= 1  # a count changed, the size the same
    damaged.write_bytes(bytes(data))
    text = outside_sample(ARTICLES["varna.txt"].replace("March", "May"), ARTICLES.values())
    (corpus / "varna.txt").write_text(text, "utf-8")
    engine = QAEngine.open(corpus, index)
    assert not any(name.endswith("-1") for name in segment_names(index))  # not trimmed
    assert verify_index(index) == []
    assert_same_index(engine, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))


def test_a_damaged_cache_entry_is_analysed_again(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    entry = next((index / "cache").glob("*.npz"))
    entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")
    (corpus / "extra.txt").write_text(ARTICLES["varna.txt"] + "\nA short line.\n", "utf-8")
    updated = QAEngine.open(corpus, index)
    assert updated.stats.build.analysed >= 2  # the new article and the damaged one
    assert_same_index(updated, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))


def test_a_change_in_the_tokenizer_sample_retrains_and_reanalyses(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    (corpus / "varna.txt").write_text(ARTICLES["varna.txt"] + "\nDr. Petrov agreed.\n", "utf-8")
    build = QAEngine.open(corpus, tmp_path / "index").stats.build
    assert build.retrained_tokenizer  # the sample is the whole (small) corpus
    assert build.changed == ["varna.txt"]


def test_copies_share_one_analysis(make_corpus, tmp_path):
    corpus = make_corpus({**ARTICLES, "copy.txt": ARTICLES["varna.txt"]})
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert engine.stats.build.analysed == 4
    assert len(list((tmp_path / "index" / "cache").glob("*.npz"))) == 4
    assert len(engine.sources()) == 5


def test_parallel_analysis_gives_the_same_index(make_corpus, tmp_path, monkeypatch):
    corpus = make_corpus(ARTICLES)
    serial = QAEngine.open(corpus, tmp_path / "serial")
    monkeypatch.setattr(build_module, "PARALLEL_MIN_CHARS", 0)
    seen = []
    progress = lambda items, total: seen.append(total) or items  # noqa: E731
    parallel = QAEngine.open(corpus, tmp_path / "parallel", progress=progress)
    assert seen == [4]  # the progress callback saw the parallel run
    assert_same_index(serial, parallel)


def test_manifest_records_cache_digests_and_tokenizer_sample(make_corpus, tmp_path):
    QAEngine.open(make_corpus(ARTICLES), tmp_path / "index")
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text())
    assert len(manifest["cache"]) == 4 and len(manifest["tokenizer_sample"]) == 4
    for source, digest in manifest["cache"].items():
        data = (tmp_path / "index" / "cache" / f"{source}.npz").read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest


def segment_names(index) -> list[str]:
    return [s["name"] for s in json.loads((index / "manifest.json").read_text())["segments"]]


def test_articles_added_one_by_one_make_few_segments(make_corpus, tmp_path, small_sample):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    counts = []
    for number in range(6):
        text = ARTICLES["varna.txt"].replace("Varna", f"Town{number}")
        (corpus / f"town{number}.txt").write_text(outside_sample(text, ARTICLES.values()))
        engine = QAEngine.open(corpus, index)
        assert engine.stats.build.analysed == 1
        counts.append(len(segment_names(index)))
    # Each new segment takes in the newest ones no larger than it: a binary counter.
    assert counts == [2, 2, 3, 1, 2, 2]  # 12 sentences, then 3 per article
    assert sorted(p.name for p in (index / "segments").iterdir()) == sorted(segment_names(index))
    assert_same_index(engine, QAEngine.open(corpus, tmp_path / "fresh", rebuild=True))


def test_removing_an_article_builds_no_tokenizer(make_corpus, tmp_path, small_sample, monkeypatch):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    removed = max(ARTICLES, key=lambda name: sha(ARTICLES[name]))  # not the training sample
    (corpus / removed).unlink()

    def no_tokenizer(data):
        raise AssertionError("a tokenizer (and nltk's import) for nothing to analyse")

    monkeypatch.setattr(build_module, "tokenizer_from_json", no_tokenizer)
    updated = QAEngine.open(corpus, tmp_path / "index")
    assert updated.stats.build.removed == [removed] and updated.stats.build.analysed == 0
    # a copy of an article indexed before: its analysis is cached, none is made
    kept = next(name for name in ARTICLES if name != removed)
    (corpus / "copy.txt").write_text(ARTICLES[kept], "utf-8")
    copied = QAEngine.open(corpus, tmp_path / "index")
    assert copied.stats.build.added == ["copy.txt"] and copied.stats.build.analysed == 0


def test_removing_a_new_article_keeps_the_older_segment(make_corpus, tmp_path, small_sample):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    base = segment_names(index)
    new = outside_sample(ARTICLES["varna.txt"].replace("Varna", "Pomorie"), ARTICLES.values())
    (corpus / "pomorie.txt").write_text(new, "utf-8")
    QAEngine.open(corpus, index)
    (corpus / "pomorie.txt").unlink()
    engine = QAEngine.open(corpus, index)
    assert segment_names(index) == base and engine.stats.build.removed == ["pomorie.txt"]
    assert engine.stats.build.analysed == 0
    assert not list((index / "cache").glob(f"{sha(new)}*"))  # its cache entry is gone too
    # "Pomorie" is still in the vocabulary (it only grows), but no sentence holds it now.
    assert "Pomorie" in engine.ask("What did the council of Pomorie approve?").reason


def test_a_stored_tokenizer_is_kept_while_its_sample_remains(make_corpus, tmp_path, small_sample):
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    text = ARTICLES["varna.txt"].replace("Varna", "Obzor")
    while sha(text) > min(sha(t) for t in ARTICLES.values()):
        text += "\n"  # sorts first by hash: a fresh build would learn from it instead
    (corpus / "obzor.txt").write_text(text, "utf-8")
    build = QAEngine.open(corpus, tmp_path / "index").stats.build
    assert not build.retrained_tokenizer and build.analysed == 1


def test_a_segment_left_by_an_interrupted_build_is_replaced(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    QAEngine.open(corpus, index)
    (index / "segments" / "000002").mkdir()
    (index / "segments" / "000002" / "doc.npy").write_bytes(b"half written")
    (corpus / "extra.txt").write_text(ARTICLES["varna.txt"].replace("Varna", "Balchik"))
    engine = QAEngine.open(corpus, index, rebuild=True)
    assert segment_names(index) == ["000002"]
    answer = engine.ask("Who is the mayor of Balchik?")
    assert "Balchik" in answer.citations[0].text and answer.answer == "Ivanova"


def test_an_open_hashes_only_the_files_changed_since_the_build(make_corpus, tmp_path, monkeypatch):
    # Files written "long" before the build: no margin for timestamps' resolution.
    monkeypatch.setattr(corpus_module, "STAMP_MARGIN_NS", 0)
    monkeypatch.setattr(build_module, "TRAINING_SAMPLE_CHARS", 1)  # Punkt reads one article
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text())
    assert sorted(manifest["stamps"]) == sorted(ARTICLES)
    hashed = []
    real_hash = corpus_module.content_hash
    monkeypatch.setattr(
        corpus_module, "content_hash", lambda data: hashed.append(data) or real_hash(data)
    )
    assert QAEngine.open(corpus, tmp_path / "index").stats.build is None
    assert hashed == []  # nothing changed: nothing hashed
    same_size = ARTICLES["burgas.txt"].replace("March", "April")  # five letters for five
    (corpus / "burgas.txt").write_text(same_size, "utf-8")
    updated = QAEngine.open(corpus, tmp_path / "index")
    # The changed file, and the unchanged ones read for Punkt's training sample (one
    # article here), checked against their recorded hashes as they are read.
    assert same_size.encode() in hashed and len(hashed) <= 2
    assert updated.stats.build.changed == ["burgas.txt"]
    assert "April" in updated.ask("When did the council of Burgas approve the harbour?").answer
    hashed.clear()
    QAEngine.open(corpus, tmp_path / "index", rebuild=True)
    assert len(hashed) == len(ARTICLES)  # --rebuild trusts no stamp


def test_an_open_with_nothing_changed_reads_no_article(make_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "STAMP_MARGIN_NS", 0)
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    read = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or real_read(path))

    def no_corpus_reading(*args, **kwargs):
        raise AssertionError("the corpus was read although no file changed")

    monkeypatch.setattr(open_module, "load_corpus", no_corpus_reading)
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert engine.stats.build is None and not set(read) & set(ARTICLES)
    answer = engine.ask("When did the council of Burgas approve the harbour?")
    cited = answer.citations[0]
    assert read.count(cited.source) == 1  # read when first quoted, then kept
    text = (corpus / cited.source).read_text("utf-8")
    assert cited.text == text[cited.start : cited.end]


def test_an_update_takes_unchanged_articles_titles_and_dates_from_the_index(
    make_corpus, tmp_path, monkeypatch
):
    monkeypatch.setattr(corpus_module, "STAMP_MARGIN_NS", 0)
    monkeypatch.setattr(build_module, "TRAINING_SAMPLE_CHARS", 1)  # Punkt reads one article
    dated = {  # each article its own date, so one taken for another would show
        name: text.replace("\n\n", f"\n2021-03-{day:02d}\n\n", 1)
        for day, (name, text) in enumerate(ARTICLES.items(), start=1)
    }
    corpus = make_corpus(dated)
    QAEngine.open(corpus, tmp_path / "index")
    headed = []
    real_date = corpus_module.find_date
    monkeypatch.setattr(
        corpus_module, "find_date", lambda text: headed.append(text) or real_date(text)
    )
    (corpus / "pomorie.txt").write_text(ARTICLES["varna.txt"].replace("Varna", "Pomorie"))
    updated = QAEngine.open(corpus, tmp_path / "index")
    assert updated.stats.build.added == ["pomorie.txt"]
    assert len(headed) == 1  # the new article's head only
    fresh = QAEngine.open(corpus, tmp_path / "fresh", rebuild=True)
    in_order = lambda engine: sorted(engine.index.documents, key=lambda d: d.name)  # noqa: E731
    assert in_order(updated) == in_order(fresh)
    dates = {d.name: d.date for d in updated.index.documents}
    assert dates == {
        **{n: f"2021-03-{day:02d}" for day, n in enumerate(ARTICLES, 1)},
        "pomorie.txt": None,
    }


def test_titles_recorded_under_other_settings_or_damaged_are_not_taken(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    index = tmp_path / "index"
    engine = QAEngine.open(corpus, index)
    manifest = store_module.read_manifest(index)
    fingerprint = manifest["fingerprint"]
    recorded = store_module.recorded_titles(index, manifest, fingerprint)
    assert {(t.title, t.date) for t in recorded.values()} == {
        (d.title, d.date) for d in engine.index.documents
    } and len(recorded) == len(ARTICLES)
    assert store_module.recorded_titles(index, manifest, "other settings") == {}
    assert store_module.recorded_titles(index, None, fingerprint) == {}
    documents = index / f"gen-{manifest['generation']}" / "documents.json"
    for damage in (
        "[{",
        '[{"name": 1}]',
        "{}",
        '[{"name": "a", "title": 5, "date": null, "sha256": "x"}]',
    ):
        documents.write_text(damage)
        assert store_module.recorded_titles(index, manifest, fingerprint) == {}, damage


def test_another_version_rebuilds_the_index(make_corpus, tmp_path, monkeypatch):
    """Titles, dates and cached analyses are reused only from an index this version
    built: its version is part of the fingerprint."""
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")
    monkeypatch.setattr(open_module, "__version__", "0.0.0-other")
    reopened = QAEngine.open(corpus, tmp_path / "index")
    assert reopened.stats.rebuilt and reopened.stats.build.analysed == len(ARTICLES)


def test_an_article_changed_after_opening_is_not_quoted(make_corpus, tmp_path):
    corpus = make_corpus(ARTICLES)
    engine = QAEngine.open(corpus, tmp_path / "index")
    for name in ARTICLES:  # as an editor might while the server runs
        (corpus / name).write_text("Breaking\n" + ARTICLES[name], "utf-8")
    with pytest.raises(CorpusChanged, match="changed since its index was opened"):
        engine.ask("When did the council of Burgas approve the harbour?")
    assert (
        QAEngine.open(corpus, tmp_path / "index")
        .ask("When did the council of Burgas approve the harbour?")
        .answered
    )


def test_answering_from_a_built_index_does_not_import_nltk(make_corpus, tmp_path):
    """Importing nltk takes a fifth of a second and about 18 MB (without scipy.stats,
    `sentences.punkt`): only splitting text into sentences needs it, so a server
    opening an index that is up to date, and answering from it, never does."""
    corpus = make_corpus(ARTICLES)
    QAEngine.open(corpus, tmp_path / "index")  # built here, in this process
    script = (
        "import sys\n"
        "from astana_qa import QAEngine\n"
        f"engine = QAEngine.open({str(corpus)!r}, {str(tmp_path / 'index')!r})\n"
        "answer = engine.ask('When did the council of Burgas approve the harbour?')\n"
        "assert answer.citations, answer\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"
