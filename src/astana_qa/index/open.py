"""Opening an index: reuse the stored one when it is whole and current, else bring it
up to date. The fingerprint of everything that changes stored terms is made here, once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .._version import __version__
from ..errors import QAError
from ..settings import Settings
from ..text.analysis import (
    ALIAS_FILE_NAME,
    Analyzer,
    lemmatizer_version,
    read_alias_file,
    word_lists_hash,
)
from ..text.corpus import ArticleTexts, Corpus, content_hash, load_corpus, unchanged_files
from .build import BuildReport, Progress, build_index, corpus_file_hashes
from .schema import FORMAT_VERSION
from .store import IndexData, load_index, read_manifest, recorded_stamps, recorded_titles

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexStats:
    """What an opened index holds, for `astana-qa index` and the health endpoint."""

    documents: int
    sentences: int
    built_at: str
    rebuilt: bool
    skipped: list[str]
    # What the build did (None when an up-to-date index was reused).
    build: BuildReport | None = None


@dataclass(frozen=True)
class OpenedIndex:
    """An index ready to search: its data, the text of its articles in the index's
    order, the analyzer its terms were made with, and what it holds."""

    index: IndexData
    texts: ArticleTexts
    analyzer: Analyzer
    stats: IndexStats


def open_index(
    corpus_dir: str | Path,
    index_dir: str | Path,
    settings: Settings,
    alias_file: str | Path | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    read_only: bool = False,
) -> OpenedIndex:
    """Load the corpus, reuse its index if it is whole and current, else bring it up to
    date (re-analysing only new and changed articles unless `rebuild`).

    `alias_file` defaults to `aliases.json` in the corpus folder, when there is one;
    `progress` wraps long builds' work for a progress bar (e.g. tqdm). With `read_only`
    an index that would need building raises `QAError` instead: a second process opening
    the index another one serves (the long-question lane) never writes to it."""
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    alias_path = Path(alias_file) if alias_file else corpus_dir / ALIAS_FILE_NAME
    groups = read_alias_file(alias_path) if alias_file or alias_path.is_file() else []
    analyzer = Analyzer(settings.analysis, groups)
    alias_hash = content_hash(alias_path.read_bytes()) if groups else None
    fingerprint = settings.index_fingerprint(
        {
            "format": FORMAT_VERSION,
            "version": __version__,
            "aliases": alias_hash,
            "word_lists": word_lists_hash(),
            "lemmatizer": lemmatizer_version(),
        }
    )
    # Files whose status is as the build recorded keep their recorded hash (not --rebuild).
    manifest = None if rebuild else read_manifest(index_dir)
    stamps = recorded_stamps(manifest)
    # When no file has changed, no article is read: the index opens from file status.
    unchanged = unchanged_files(corpus_dir, stamps)
    index = load_index(index_dir, fingerprint, unchanged, manifest) if unchanged else None
    if index is not None:
        stats = IndexStats(
            len(index.documents), index.sentence_count, index.manifest["built_at"], False, []
        )
        return OpenedIndex(index, _texts(corpus_dir, index), analyzer, stats)
    # titles and dates are reused only for files whose stamps hold: none without stamps
    recorded = recorded_titles(index_dir, manifest, fingerprint) if stamps else {}
    corpus = load_corpus(corpus_dir, stamps, recorded)
    files = corpus_file_hashes(corpus)
    index = None if rebuild else load_index(index_dir, fingerprint, files, manifest)
    report = None
    if index is None and read_only:
        raise QAError(f"the index in {index_dir} is missing or out of date for {corpus_dir}")
    if index is None:
        built, report = build_index(corpus, analyzer, fingerprint, index_dir, rebuild, progress)
        # Serve from the memory-mapped files, as every later open will.
        index = load_index(index_dir, fingerprint, files) or built
    return OpenedIndex(index, _texts(corpus_dir, index), analyzer, _stats(index, corpus, report))


def _texts(corpus_dir: Path, index: IndexData) -> ArticleTexts:
    """The articles' texts in the index's order, each read when first quoted."""
    return ArticleTexts(corpus_dir, [(d.name, d.sha256) for d in index.documents])


def _stats(index: IndexData, corpus: Corpus, report: BuildReport | None) -> IndexStats:
    return IndexStats(
        documents=len(index.documents),
        sentences=index.sentence_count,
        built_at=index.manifest["built_at"],
        rebuilt=report is not None,
        skipped=[f"{s.name}: {s.reason}" for s in corpus.skipped],
        build=report,
    )
