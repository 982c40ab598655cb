from pathlib import Path

import pytest

from astana_qa.errors import CorpusError
from astana_qa.text.corpus import (
    STAMP_MARGIN_NS,
    Stamp,
    content_hash,
    find_date,
    find_title,
    load_corpus,
)


def test_title_is_a_short_first_line():
    assert find_title("Talks resume in Astana\n\nThe talks resumed on Monday.") == (
        "Talks resume in Astana"
    )


def test_no_title_when_the_first_line_is_a_paragraph():
    assert find_title("The talks resumed on Monday after a long pause, " * 5) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (" date 2024-01-24 The delegations met.", "2024-01-24"),
        ("Headline\n • 2024/10/10\n • 2:23 pm\nBody.", "2024-10-10"),
        ("Headline\nPublished March 5, 2023\nBody.", "2023-03-05"),
        ("Headline\nNo date here.", None),
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
    assert "latin1.txt" in caplog.text and "UTF-8" in caplog.text


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_folder_without_articles_is_a_clear_error(make_corpus):
    with pytest.raises(CorpusError, match=r"no \*\.txt"):
        load_corpus(make_corpus({"readme.md": "x"}))


def test_folder_of_only_unusable_files_is_a_clear_error(make_corpus):
    with pytest.raises(CorpusError, match="could be read"):
        load_corpus(make_corpus({"a.txt": b"\xff\xfe\xfa", "b.txt": ""}))


def _stamp_of(path: Path, sha256: str, taken_ns: int) -> Stamp:
    status = path.stat()
    return Stamp(status.st_size, status.st_mtime_ns, sha256, taken_ns)


def test_a_file_whose_stamp_still_holds_keeps_its_recorded_hash(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well for everyone."})
    path = folder / "a.txt"
    later = path.stat().st_mtime_ns + STAMP_MARGIN_NS + 1
    corpus = load_corpus(folder, {"a.txt": _stamp_of(path, "recorded", later)})
    assert corpus.documents[0].sha256 == "recorded"  # not hashed again
    assert corpus.documents[0].stamp == (path.stat().st_size, path.stat().st_mtime_ns)


def test_a_file_changed_since_its_stamp_is_hashed_again(make_corpus):
    folder = make_corpus({"a.txt": "Headline here\nThe talks went well for everyone."})
    path = folder / "a.txt"
    real = content_hash(path.read_bytes())
    later = path.stat().st_mtime_ns + STAMP_MARGIN_NS + 1
    moved = _stamp_of(path, "recorded", later)
    for stamp in (
        Stamp(moved.size + 1, moved.mtime_ns, "recorded", later),  # another size
        Stamp(moved.size, moved.mtime_ns - 1, "recorded", later),  # another time
        # Modified within the margin before the stamp was taken: a change in the same
        # timestamp tick could have kept both size and time.
        Stamp(moved.size, moved.mtime_ns, "recorded", moved.mtime_ns + STAMP_MARGIN_NS),
    ):
        assert load_corpus(folder, {"a.txt": stamp}).documents[0].sha256 == real


def test_a_long_line_is_found_in_a_large_article(make_corpus, monkeypatch):
    monkeypatch.setattr("astana_qa.text.corpus.MAX_LINE_CHARS", 50)
    folder = make_corpus(
        {"short.txt": "Headline here\nThe talks went well.", "long.txt": "Headline\n" + "x" * 60}
    )
    corpus = load_corpus(folder)
    assert [d.name for d in corpus.documents] == ["short.txt"]
    assert "a line is 60 bytes long" in corpus.skipped[0].reason
