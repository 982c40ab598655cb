"""Reading a corpus folder: one article per `*.txt` file, with its title and date."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from cachetools import LRUCache, cached

from ..errors import CorpusChanged, CorpusError
from ..settings import MAX_ARTICLE_BYTES, MAX_LINE_CHARS
from .dates import ISO_DAY, find_dates
from .furniture import BYTE_ORDER_MARK, line_marker_length, runs_on

log = logging.getLogger(__name__)

# A headline is a short first line; a first line longer than this is already article prose.
MAX_TITLE_CHARS = 160
# A file's recorded hash is trusted for an unchanged stamp only if the file was last
# modified (or its status changed) at least this long before the stamp was taken: a
# change within the file system's timestamp resolution (2 s on FAT) could keep the times.
STAMP_MARGIN_NS = 2_000_000_000
# How many bytes of article text an opened index keeps in memory (read from their files
# on first use, measured as Python holds them: 1, 2 or 4 bytes a character): hundreds of
# news articles of a few kB to a few tens of kB. A bound on memory, not on articles,
# holds whatever the articles' length (at a million sentences of Wikipedia articles,
# 512 of them took 33 MB). It holds the largest article a corpus may have
# (`MAX_ARTICLE_BYTES`) unless its text needs 4 bytes a character.
CACHED_ARTICLE_BYTES = 24_000_000
# Dates are looked for in the page header only, not anywhere in the story.
DATE_SEARCH_CHARS = 300
_NUMERIC_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True)
class Document:
    """One article: its file name, the metadata found in it, and its decoded text.

    The text is given when the file was read whole (new or changed files), else read
    from `path` the first time it is needed and checked against `sha256`: an update
    reads only the articles it analyses and Punkt's training sample, not the whole
    corpus."""

    name: str
    title: str | None
    date: str | None
    sha256: str
    # `file_status` when it was read: recorded in the index, so that the next open need
    # not hash a file that has not changed since (`Stamp`).
    stamp: tuple[int, ...] | None = None
    given_text: str | None = field(default=None, repr=False)
    path: Path | None = None

    @cached_property
    def text(self) -> str:
        if self.given_text is not None:
            return self.given_text
        assert self.path is not None, "a Document has its text or the path to read it from"
        return _checked_text(self.path, self.sha256)


@dataclass(frozen=True)
class SkippedFile:
    """A file that could not be used, and why (shown as a warning)."""

    name: str
    reason: str
    sha256: str


@dataclass(frozen=True)
class Corpus:
    """The usable documents of a folder, sorted by file name, and the files skipped."""

    documents: list[Document]
    skipped: list[SkippedFile]
    # When the files were stat-ed (ns since the epoch): the time their stamps are from.
    read_at_ns: int = 0


STAMP_FIELDS = 4  # what `file_status` gives


def file_status(status: os.stat_result) -> tuple[int, ...]:
    """What a file's stamp compares: size, modification and status-change times (ns) and
    inode. Writing a file changes its times; restoring an old modification time
    (`touch -d`, `cp -p`, unpacking an archive) still changes the status-change time,
    which no user can set; replacing the file changes the inode."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


@dataclass(frozen=True)
class Stamp:
    """A file's recorded `file_status` and content hash, and when they were taken. Its
    hash still holds for the file if the status is unchanged and both its times lie
    well before the stamp was taken (`STAMP_MARGIN_NS`). A file changed less than that
    before a build is hashed at every open until the next build; `astana-qa index
    --rebuild` hashes every file."""

    status: tuple[int, ...]
    sha256: str
    taken_ns: int

    def holds_for(self, status: tuple[int, ...]) -> bool:
        return status == self.status and max(status[1:3]) < self.taken_ns - STAMP_MARGIN_NS


def content_hash(data: bytes) -> str:
    """Hash of a file's bytes, used to tell whether an index is stale."""
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    """`content_hash` of a file's bytes, read a block at a time (not all held at once)."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def find_title(text: str) -> str | None:
    """The headline: a short first line that is not just a date or a label."""
    # Only the first line with text matters, so look no further than a title can reach.
    window = text[:MAX_TITLE_CHARS]  # not text.lstrip(), a copy of the whole article
    first = len(window) - len(window.lstrip())
    if first == len(window):  # the first printing character lies further on
        first = len(text) - len(text.lstrip())
    head = text[first : first + 2 * MAX_TITLE_CHARS + 2].splitlines()
    line = head[0].lstrip(BYTE_ORDER_MARK).strip() if head else ""
    line = line[line_marker_length(line) :]  # "# Storm hits the coast": a Markdown heading
    if not line or len(line) > MAX_TITLE_CHARS:
        return None
    if len(head) > 1 and runs_on(line, head[1]):
        return None  # the story's first line, wrapped: "The council voted to approve a"
    if len(re.findall(r"\w+", line)) < 3 or _NUMERIC_DATE.match(line):
        return None
    return line


def find_date(text: str) -> str | None:
    """The publication date stated in the page header, as ISO `YYYY-MM-DD`: a numeric
    one first ("2024-01-24", "2024/10/10"), else the first day with its year written in
    any form the dates reader knows ("March 3, 2025", "3 March 2025", "Tue, 04 Mar
    2025", "Mar. 3, 2025 10:42 AM"; `dates.find_dates`)."""
    head = text[:DATE_SEARCH_CHARS]
    if match := _NUMERIC_DATE.search(head):
        return "-".join(match.groups())
    days = (m.iso for m in find_dates(head) if ISO_DAY.fullmatch(m.iso) and m.iso[0] != "-")
    return next(days, None)


def decode_document(name: str, data: bytes, stamp: tuple[int, ...] | None = None) -> Document | str:
    """One article's bytes decoded and hashed, or why it cannot be used (a clause: "it
    is not valid UTF-8 (byte 24)"). (A file whose recorded stamp holds is not decoded:
    `unread_document`.)"""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"it is not valid UTF-8 (byte {exc.start})"
    if not text or text.isspace():  # not text.strip(), a copy of a whole article
        return "it is empty"
    return Document(
        name, find_title(text), find_date(text), content_hash(data), stamp, given_text=text
    )


# Bytes of a file read to find its title and date without reading it all: a header's
# 300 characters are at most 1,200 bytes of UTF-8.
HEAD_BYTES = 4096


class TitleAndDate(NamedTuple):
    """An article's title and date as this version reads them from its head (what an
    index recorded of each article, by content hash: `load_corpus`'s `recorded`)."""

    title: str | None
    date: str | None


def unread_document(
    path: Path, stamp: Stamp, status: tuple[int, ...], recorded: TitleAndDate | None = None
) -> Document:
    """An article whose recorded `stamp` still holds: its title and date as `recorded`
    gives them, else from the head of the file; its text read only if needed
    (`Document.text`)."""
    if recorded is not None:
        return Document(path.name, recorded.title, recorded.date, stamp.sha256, status, path=path)
    with path.open("rb") as file:
        head = file.read(HEAD_BYTES).decode("utf-8", errors="ignore")  # a cut last letter
    if head.isspace() and status[0] > HEAD_BYTES:  # the header lies further on
        head = _checked_text(path, stamp.sha256)
    return Document(path.name, find_title(head), find_date(head), stamp.sha256, status, path=path)


def _checked_text(path: Path, sha256: str) -> str:
    """The text of `path`, if its bytes still hash to `sha256`; else `CorpusChanged`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusChanged(_unreadable(path, exc)) from None
    if content_hash(data) != sha256:
        raise CorpusChanged(
            f"The article {path.name} has changed since its index was opened: {_REOPEN}."
        )
    return data.decode("utf-8")


_REOPEN = "open the index again (restart the server, or run `astana-qa index`)"


def _unreadable(path: Path, exc: OSError) -> str:
    return f"The article {path.name} can no longer be read ({exc.strerror or exc}): {_REOPEN}."


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The `*.txt` files of a corpus folder, sorted; a clear error if there are none."""
    if corpus_dir.exists() and not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir} is a file; --corpus takes a folder of *.txt articles")
    if not corpus_dir.is_dir():
        where = Path(corpus_dir).absolute()
        shown = corpus_dir if str(corpus_dir) == str(where) else f"{corpus_dir} ({where})"
        raise CorpusError(f"Corpus folder {shown} does not exist")
    # scandir tells files and links apart without a stat each (a million-sentence corpus
    # has thousands of files, and opening an unchanged index looks only at them).
    with os.scandir(corpus_dir) as entries:
        names = sorted(
            e.name
            for e in entries
            if e.name.endswith(".txt")
            and (not e.is_symlink() or _inside(Path(e.path), corpus_dir))
            and e.is_file()
        )
    files = [corpus_dir / name for name in names]
    if not files:
        raise CorpusError(f"corpus folder {corpus_dir} holds no *.txt articles")
    return files


def _inside(path: Path, folder: Path) -> bool:
    """Is `path` in `folder` once links are followed? A symbolic link out of the corpus
    (to /etc/passwd, say) must never become a citable, served article."""
    if not path.is_symlink():
        return True
    if path.resolve().parent == folder.resolve():
        return True
    log.warning("skipping %s: it links to a file outside the corpus folder", path.name)
    return False


def _too_large(data: bytes) -> str | None:
    """Why an article cannot be split into sentences in reasonable time, if it cannot."""
    if len(data) > MAX_ARTICLE_BYTES:
        return f"it is {len(data):,} bytes; articles are limited to {MAX_ARTICLE_BYTES:,}"
    if len(data) <= MAX_LINE_CHARS:
        return None  # no line can be longer than the article: no need to split it
    longest = max((len(line) for line in data.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        return f"a line is {longest:,} bytes long; lines are limited to {MAX_LINE_CHARS:,}"
    return None


def load_corpus(
    corpus_dir: Path,
    stamps: Mapping[str, Stamp] | None = None,
    recorded: Mapping[str, TitleAndDate] | None = None,
) -> Corpus:
    """Read every article of a folder, skipping (with a warning) those that cannot be used.
    A file whose recorded `stamps` entry still holds is not read whole: it keeps its
    recorded hash, its title and date are those `recorded` holds for that hash (what the
    index recorded, read by this version) or else come from its head, and its text is
    read only if an update needs it (`Document.text`). Reading every head again took
    half a second at a million sentences, on every update."""
    stamps, recorded = stamps or {}, recorded or {}
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    read_at_ns = time.time_ns()
    for path in corpus_files(corpus_dir):
        try:
            status = file_status(path.stat())  # before reading: a change comes later
            stamp = stamps.get(path.name)
            if stamp is not None and stamp.holds_for(status):
                documents.append(unread_document(path, stamp, status, recorded.get(stamp.sha256)))
                continue
            data = path.read_bytes()
        except OSError as exc:
            skipped.append(_skipped(path.name, f"cannot be read ({exc.strerror or exc})"))
            continue
        too_large = _too_large(data)
        if too_large:
            skipped.append(_skipped(path.name, too_large, content_hash(data)))
            continue
        decoded = decode_document(path.name, data, status)
        if isinstance(decoded, str):
            skipped.append(_skipped(path.name, decoded, content_hash(data)))
        else:
            documents.append(decoded)
    if not documents:
        raise CorpusError(f"no article in {corpus_dir} could be read ({len(skipped)} skipped)")
    return Corpus(documents, skipped, read_at_ns)


def _skipped(name: str, reason: str, sha256: str = "unreadable") -> SkippedFile:
    """A file skipped for `reason` (a clause: "it is not valid UTF-8 (byte 24)"), warned
    of as "skipping binary.txt: it is not valid UTF-8 (byte 24)"."""
    log.warning("skipping %s: %s", name, reason)
    return SkippedFile(name, reason, sha256)


def unchanged_files(corpus_dir: Path, stamps: Mapping[str, Stamp]) -> dict[str, str] | None:
    """The recorded hash of every article of the folder when each one's recorded stamp
    still holds (`Stamp.holds_for`), found from file status alone, without reading a
    file; None when any file is new, changed, or has no stamp (then the corpus must be
    read: `load_corpus`). Files that were skipped have no stamp, so a folder holding
    one is always read."""
    if not stamps:
        return None
    found = {}
    for path in corpus_files(corpus_dir):
        recorded = stamps.get(path.name)
        try:
            status = file_status(path.stat())
        except OSError:
            return None
        if recorded is None or not recorded.holds_for(status):
            return None
        found[path.name] = recorded.sha256
    return found


class ArticleTexts:
    """The text of each article of an index, by its number in the index, read from its
    file when first asked for and checked against the content hash the index recorded,
    so that every quoted span is the file's text as indexed. The last read, up to
    `cache_bytes` of text in all, are kept with their file's status (`file_status`),
    which is looked at again on every use: a file changed or removed since raises
    `CorpusChanged`, even one read before.

    Opening an index then reads no article (at a million sentences, 175 MB of text
    read and decoded took most of the open), and memory holds only those read."""

    def __init__(
        self, corpus_dir: Path, articles: Sequence[tuple[str, str]],
        cache_bytes: int = CACHED_ARTICLE_BYTES,
    ):  # fmt: skip
        self._folder = os.fspath(corpus_dir)  # a string: joined and stat-ed per quote
        self.articles = list(articles)  # (file name, sha256) in the index's order
        # An article larger than the whole bound is read on every use, not kept.
        cache: LRUCache[tuple, str] = LRUCache(maxsize=cache_bytes, getsizeof=sys.getsizeof)
        self._text = cached(cache, lock=threading.Lock())(self._read)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, number: int) -> str:
        # os.stat of a joined string: a microsecond or two, a third of Path's `/` and stat
        # (read some fifty times a question)
        path = os.path.join(self._folder, self.articles[number][0])
        try:
            status = file_status(os.stat(path))
        except OSError as exc:
            raise CorpusChanged(_unreadable(Path(path), exc)) from None
        return self._text(number, status)

    def _read(self, number: int, status: tuple[int, ...]) -> str:
        """The checked text of article `number`, whose file has `status` (the cache key:
        a changed status reads and checks the file again)."""
        name, sha256 = self.articles[number]
        return _checked_text(Path(self._folder, name), sha256)
