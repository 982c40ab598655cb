import os
import sys
from pathlib import Path

import pytest

from astana_qa.errors import CorpusChanged, CorpusError
from astana_qa.text import corpus as corpus_module
from astana_qa.text.corpus import (
    STAMP_MARGIN_NS,
    ArticleTexts,
    Stamp,
    TitleAndDate,
    content_hash,
    file_status,
    find_date,
    find_title,
    load_corpus,
    unchanged_files,
)


def test_title_is_a_short_first_line():
    assert find_title("Talks resume in Astana\n\nThe talks resumed on Monday.") == (
        "Talks resume in Astana"
    )


def test_a_title_has_no_byte_order_mark_nor_markdown_heading_mark():
    assert find_title("\ufeffTrade deal signed in Lisbon\n\nText.") == "Trade deal signed in Lisbon"
    assert find_title("# Storm hits the coast\n\nText.") == "Storm hits the coast"


def test_no_title_when_the_first_line_runs_on_into_the_next():
    wrapped = "The city council of Varna voted on Tuesday to approve a plan for a new\nharbour.\n"
    assert find_title(wrapped) is None


def test_no_title_when_the_first_line_is_a_paragraph():
    assert find_title("The talks resumed on Monday after a long pause, " * 5) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (" date 2024-01-24 The delegations met.", "2024-01-24"),
        ("Headline\n • 2024/10/10\n • 2:23 pm\nBody.", "2024-10-10"),
        ("Headline\nPublished March 5, 2023\nBody.", "2023-03-05"),
        ("Headline\nNo date here.", None),
        # other common written forms: day first, abbreviated, with weekday or time
        ("Headline\nPublished: 3 March 2025\nBody.", "2025-03-03"),
        ("Headline\nTue, 04 Mar 2025 10:42 GMT\nBody.", "2025-03-04"),
        ("Headline\nMar. 3, 2025 10:42 AM\nBody.", "2025-03-03"),
        ("Headline\nby Jane Doe | 3rd March 2025\nBody.", "2025-03-03"),
        # a day without its year, or numbers that may be either day or month: no date
        ("Talks Begin January 24\nBody.", None),
        ("Headline\nUpdated 03/04/2025\nBody.", None),
    ],
)
def test_date_from_the_header(text, date):
    assert find_date(text) == date


def test_date_far_into_the_story_is_not_the_publication_date():
    assert find_date("Headline\n" + "Words of the story. " * 40 + "2020-01-01") is None


def test_bad_files_are_skipped_with_a_warning(make_corpus, caplog):
    folder = make_corpus(
        {
            "good.txt": "Good headline here\nThe talks went well for everyone involved.",
            "latin1.txt": "Caf\xe9 talks".encode("latin-1"),
            "empty.txt": "  \n",
            "notes.md": "not an article",
        }
    )
    corpus = load_corpus(folder)
    assert [d.name for d in corpus.documents] == ["good.txt"]
    assert {s.name for s in corpus.skipped} == {"latin1.txt", "empty.txt"}
    assert "skipping latin1.txt: it is not valid UTF-8 (byte 3)" in caplog.text
    assert "skipping empty.txt: it is empty" in caplog.text


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_folder_without_articles_is_a_clear_error(make_corpus):
    with pytest.raises(CorpusError, match=r"no \*\.txt"):
        load_corpus(make_corpus({"readme.md": "x"}))


def test_folder_of_only_unusable_files_is_a_clear_error(make_corpus):
    with pytest.raises(CorpusError, match="could be read"):
        load_corpus(make_corpus({"a.txt": b"\xff\xfe\xfa", "b.txt": ""}))


def _recorded(path: Path, sha256: str, margin_ns: int) -> Stamp:
    """A stamp of `path` as it is now, taken `margin_ns` after its last change."""
    status = file_status(path.stat())
    return Stamp(status, sha256, max(status[1:3]) + margin_ns)


def test_a_file_whose_stamp_still_holds_keeps_its_recorded_hash(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well for everyone."})
    path = folder / "a.txt"
    corpus = load_corpus(folder, {"a.txt": _recorded(path, "recorded", STAMP_MARGIN_NS + 1)})
    assert corpus.documents[0].sha256 == "recorded"  # not hashed again
    assert corpus.documents[0].stamp == file_status(path.stat())


def test_a_held_stamp_takes_its_title_and_date_as_recorded_for_its_content(make_corpus):
    folder = make_corpus({"a.txt": "Talks end in Astana\n2024-01-24\nThe talks went well."})
    stamp = _recorded(folder / "a.txt", "recorded", STAMP_MARGIN_NS + 1)
    read = load_corpus(folder, {"a.txt": stamp}).documents[0]
    assert (read.title, read.date) == ("Talks end in Astana", "2024-01-24")  # from its head
    recorded = {
        "recorded": TitleAndDate("Recorded title", None),
        "other": TitleAndDate("Other", "2020-01-01"),
    }
    given = load_corpus(folder, {"a.txt": stamp}, recorded).documents[0]
    assert (given.title, given.date) == ("Recorded title", None)  # the head is not read
    # what was recorded for other content is not taken
    other = load_corpus(folder, {"a.txt": stamp}, {"other": TitleAndDate("Other", None)})
    assert other.documents[0].title == "Talks end in Astana"


def test_a_file_changed_since_its_stamp_is_hashed_again(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well for everyone."})
    path = folder / "a.txt"
    real = content_hash(path.read_bytes())
    held = _recorded(path, "recorded", STAMP_MARGIN_NS + 1)
    size, mtime, ctime, inode = held.status
    for status in ((size + 1, mtime, ctime, inode), (size, mtime - 1, ctime, inode),
                   (size, mtime, ctime - 1, inode), (size, mtime, ctime, inode + 1)):  # fmt: skip
        stamp = Stamp(status, "recorded", held.taken_ns)
        assert load_corpus(folder, {"a.txt": stamp}).documents[0].sha256 == real
    # Changed within the margin before the stamp was taken: a change in the same
    # timestamp tick could have kept the times.
    racy = _recorded(path, "recorded", STAMP_MARGIN_NS)
    assert load_corpus(folder, {"a.txt": racy}).documents[0].sha256 == real


def test_a_rewrite_with_its_old_modification_time_put_back_is_noticed(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well in March."})
    path = folder / "a.txt"
    old = path.stat()
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 10**10))
    stamp = _recorded(path, content_hash(path.read_bytes()), 10**10)
    path.write_text("Headline here\nThe talks went well in April.", "utf-8")  # same size
    os.utime(path, ns=(old.st_atime_ns, stamp.status[1]))  # as `touch -d` or `cp -p` do
    document = load_corpus(folder, {"a.txt": stamp}).documents[0]
    assert document.sha256 == content_hash(path.read_bytes()) != stamp.sha256


def test_a_long_line_is_found_in_a_large_article(make_corpus, monkeypatch):
    monkeypatch.setattr("astana_qa.text.corpus.MAX_LINE_CHARS", 50)
    folder = make_corpus(
        {"short.txt": "Headline here\nThe talks went well.", "long.txt": "Headline\n" + "x" * 60}
    )
    corpus = load_corpus(folder)
    assert [d.name for d in corpus.documents] == ["short.txt"]
    assert "a line is 60 bytes long" in corpus.skipped[0].reason


def test_article_texts_are_read_when_first_asked_for_and_checked(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well in March."})
    path = folder / "a.txt"
    texts = ArticleTexts(folder, [("a.txt", content_hash(path.read_bytes()))])
    assert len(texts) == 1 and texts[0] == path.read_text("utf-8")
    path.write_text("Headline here\nThe talks went well in April.", "utf-8")
    with pytest.raises(CorpusChanged, match=r"a\.txt has changed"):
        texts[0]  # read and kept before the change: looked at again all the same
    with pytest.raises(CorpusChanged, match=r"a\.txt has changed"):
        ArticleTexts(folder, texts.articles)[0]
    path.unlink()
    with pytest.raises(CorpusChanged, match=r"a\.txt can no longer be read"):
        texts[0]


def test_article_texts_keep_at_most_the_bytes_they_are_given(make_corpus, monkeypatch):
    articles = {f"{n}.txt": f"Headline {n}\n" + "The talks went well. " * 5 for n in range(4)}
    folder = make_corpus(articles)
    texts = ArticleTexts(
        folder,
        [(name, content_hash((folder / name).read_bytes())) for name in sorted(articles)],
        cache_bytes=2 * sys.getsizeof(articles["0.txt"]),  # room for two of them
    )
    read = []
    real = corpus_module._checked_text
    monkeypatch.setattr(
        corpus_module, "_checked_text", lambda p, h: read.append(p.name) or real(p, h)
    )
    for number in (0, 1, 0, 1):
        assert texts[number] == (folder / f"{number}.txt").read_text("utf-8")
    assert read == ["0.txt", "1.txt"]  # two fit: each read once
    texts[2], texts[0]
    assert read == ["0.txt", "1.txt", "2.txt", "0.txt"]  # the third pushed out the first
    small = ArticleTexts(folder, texts.articles[:1], cache_bytes=10)  # larger than the bound
    assert small[0] == small[0] == (folder / "0.txt").read_text("utf-8")
    assert read[-2:] == ["0.txt", "0.txt"]  # returned, never kept


def test_unchanged_files_come_from_stamps_alone(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well.", "b.txt": "Other news."})
    stamps = {p.name: _recorded(p, f"hash-{p.name}", STAMP_MARGIN_NS + 1) for p in folder.iterdir()}
    assert unchanged_files(folder, stamps) == {"a.txt": "hash-a.txt", "b.txt": "hash-b.txt"}
    assert unchanged_files(folder, {}) is None
    assert unchanged_files(folder, {"a.txt": stamps["a.txt"]}) is None  # b.txt unknown
    (folder / "c.txt").write_text("A new article.", "utf-8")
    assert unchanged_files(folder, stamps) is None
    (folder / "c.txt").unlink()
    (folder / "b.txt").write_text("Other news, longer.", "utf-8")
    assert unchanged_files(folder, stamps) is None


def test_a_file_whose_stamp_holds_is_read_only_when_its_text_is_needed(make_corpus, monkeypatch):
    text = "Talks resume in Astana\n2024-01-24\nThe talks went well for everyone."
    folder = make_corpus({"a.txt": text})
    path = folder / "a.txt"
    held = {"a.txt": _recorded(path, content_hash(path.read_bytes()), STAMP_MARGIN_NS + 1)}
    read = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: read.append(p.name) or real_read(p))
    document = load_corpus(folder, held).documents[0]
    whole = load_corpus(folder).documents[0]
    assert read == ["a.txt"]  # only for `whole`
    assert (document.title, document.date) == (whole.title, whole.date) == (
        "Talks resume in Astana", "2024-01-24")  # fmt: skip
    assert document.text == text and read == ["a.txt", "a.txt"]
