"""Building an index, or bringing one up to date by analysing only what changed.

1. The Punkt tokenizer is trained on a sample of the corpus: the articles whose content
   hashes sort first, up to `TRAINING_SAMPLE_CHARS` (a deterministic pseudo-random
   sample). Stored parameters are reused while they still fit the corpus: when the
   sample is unchanged, or, once the corpus holds more text than a sample, while at
   least half of the sample is still in it (retraining changes how sentences split,
   so every article would have to be analysed again).
2. Each article's analysis is taken from the index's cache when its content hash, the
   settings and the tokenizer are unchanged; the others are analysed, on several cores
   when there is enough text for that to pay.
3. Segments whose articles are all unchanged are kept as they are. A segment that lost
   articles (changed or gone) keeps the others: it is trimmed (`trim.py`, one pass over
   its arrays, about a tenth of what assembling them again costs), unless nothing of it
   stays or its files no longer match their digests. The new and changed articles make
   one new segment (`assemble.py`); it takes in the newest kept segments while they are
   not larger than it, so an index that grows one article at a time holds few segments
   and each sentence is rewritten only a few times. With no segment kept, the whole
   index is one segment with a fresh, compact vocabulary.
4. `save_index` writes the new segment and commits the new manifest (`index.py`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import CorpusError
from ..text.analysis import Analyzer
from ..text.corpus import Corpus, Document, content_hash
from ..text.sentences import parameters_to_json, tokenizer_from_json, train_parameters
from .assemble import assemble
from .file_analysis import FileAnalysis, analyse_file
from .schema import FORMAT_VERSION
from .store import (
    DocumentInfo,
    IndexData,
    IndexUnreadable,
    Segment,
    claim_folder,
    read_cached_analysis,
    read_index,
    read_manifest,
    same_settings,
    save_index,
    segment_is_whole,
)
from .trim import trimmed

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Punkt learns abbreviations and capitalisation habits; a megabyte of text is plenty,
# and training costs about 4 s per megabyte.
TRAINING_SAMPLE_CHARS = 1_000_000
# Below this much new text, starting worker processes costs more than it saves.
PARALLEL_MIN_CHARS = 2_000_000

# How often a worker process checks that the build that started it still runs.
WORKER_PARENT_CHECK_S = 0.5

# Wraps an iterable to show progress, e.g. `functools.partial(tqdm, desc="index")`.
Progress = Callable[..., Iterable]


@dataclass(frozen=True)
class BuildReport:
    """What a build did: files added, changed and removed since the previous index,
    how many articles were analysed and how many were reused from the cache."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    analysed: int = 0
    reused: int = 0
    retrained_tokenizer: bool = False
    seconds: float = 0.0


def corpus_file_hashes(corpus: Corpus) -> dict[str, str]:
    """Every file the index was built from (skipped ones too) with its content hash."""
    hashes = {d.name: d.sha256 for d in corpus.documents}
    hashes.update({s.name: s.sha256 for s in corpus.skipped})
    return dict(sorted(hashes.items()))


def training_sample(documents: list[Document]) -> list[Document]:
    """The articles the tokenizer learns from: by content hash, up to the size limit."""
    sample: list[Document] = []
    size = 0
    for document in sorted(documents, key=lambda d: d.sha256):
        if sample and size + len(document.text) > TRAINING_SAMPLE_CHARS:
            break
        sample.append(document)
        size += len(document.text)
    return sample


def build_index(
    corpus: Corpus,
    analyzer: Analyzer,
    fingerprint: str,
    index_dir: Path,
    rebuild: bool = False,
    progress: Progress | None = None,
) -> tuple[IndexData, BuildReport]:
    """Build the index of `corpus` into `index_dir`, reusing what the index there holds
    unless `rebuild`; returns the new index and what was done."""
    began = time.perf_counter()
    claim_folder(index_dir)  # before any work: a folder that is not ours stops the build
    previous = read_manifest(index_dir) or {}
    reusable = not rebuild and same_settings(previous, fingerprint)
    old_index = _read_previous(index_dir, previous) if reusable else None
    sample, sample_full, tokenizer_json = _tokenizer(corpus, previous, old_index)
    retrained = old_index is None or tokenizer_json != old_index.tokenizer
    if retrained:  # sentences may split differently: no cached analysis or segment holds
        old_index = None

    by_name = {d.name: d for d in corpus.documents}
    kept = _kept_segments(old_index, corpus, index_dir) if old_index else []
    kept_names = {d.name for k in kept for d in k.documents}
    pending = [d for d in corpus.documents if d.name not in kept_names]
    analyses, new_cache, digests, analysed = _analyses(
        pending, old_index, index_dir, analyzer, tokenizer_json, progress
    )
    sentences = sum(analyses[d.sha256].sentence_count for d in pending)
    while kept and pending and kept[-1].sentence_count <= sentences:
        merged = kept.pop()  # no larger than the new segment: merge it in
        absorbed = [by_name[d.name] for d in merged.documents]
        more, more_cache, more_digests, redone = _analyses(
            absorbed, old_index, index_dir, analyzer, tokenizer_json, None
        )
        analyses |= more
        new_cache |= more_cache
        digests |= more_digests
        pending = absorbed + pending
        analysed += redone
        sentences += merged.sentence_count
    pending.sort(key=lambda d: d.name)

    vocab = list(old_index.vocab) if kept and old_index else []
    name_vocab = list(old_index.name_vocab) if kept and old_index else []
    generation = int(previous.get("generation", 0)) + 1
    segments = [k.segment(f"{generation:06d}-{number}") for number, k in enumerate(kept, 1)]
    if pending:
        arrays = assemble([analyses[d.sha256] for d in pending], vocab, name_vocab)
        segments.append(Segment(f"{generation:06d}", len(pending), arrays))
    order = [d.name for k in kept for d in k.documents] + [d.name for d in pending]
    documents = [
        DocumentInfo(n, by_name[n].title, by_name[n].date, by_name[n].sha256) for n in order
    ]
    sentence_count = sum(s.sentence_count for s in segments)
    if sentence_count == 0:
        raise CorpusError("the corpus holds no article text to index (only page furniture)")
    cache_digests = dict(old_index.manifest["cache"]) if old_index else {}
    cache_digests |= digests
    current = {d.sha256 for d in corpus.documents}
    manifest = {
        "format": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "files": corpus_file_hashes(corpus),
        "stamps": {d.name: list(d.stamp) for d in corpus.documents if d.stamp},
        "stamped_at_ns": corpus.read_at_ns,
        "documents": len(documents),
        "sentences": sentence_count,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "generation": generation,
        "tokenizer_sample": sample,
        "tokenizer_sample_full": sample_full,
        "segments": [_segment_entry(s) for s in segments],
        "cache": {k: v for k, v in sorted(cache_digests.items()) if k in current},
    }
    data = IndexData(documents, vocab, name_vocab, tokenizer_json, segments, manifest)
    save_index(data, index_dir, new_cache)
    # the articles indexed before: the files with a stamp (a skipped file has none; an
    # index from before stamps were kept: its files)
    stamped = previous.get("stamps")
    before = {n: h for n, h in previous.get("files", {}).items() if stamped is None or n in stamped}
    report = _report(old_articles=before,
                     articles={d.name: d.sha256 for d in corpus.documents}, analysed=analysed,
                     reused=len(corpus.documents) - analysed, retrained=retrained,
                     seconds=time.perf_counter() - began)  # fmt: skip
    return data, report


def _segment_entry(segment: Segment) -> dict:
    return {
        "name": segment.name,
        "documents": segment.documents,
        "arrays": list(segment.arrays.files()),
    }


def _read_previous(index_dir: Path, manifest: dict) -> IndexData | None:
    """The index already in `index_dir`, or None if there is no whole one."""
    try:
        return read_index(index_dir, manifest)
    except (OSError, IndexUnreadable):
        return None


def _tokenizer(
    corpus: Corpus, previous: dict, old_index: IndexData | None
) -> tuple[list[str], bool, dict]:
    """The training sample (content hashes), whether it is smaller than the corpus, and
    the Punkt parameters: the stored ones while they still fit the corpus, else new."""
    chosen = training_sample(corpus.documents)
    sample = [d.sha256 for d in chosen]
    # Smaller than the corpus when an article was left out (no article is empty), found
    # without reading the articles that are not in it.
    full = len(chosen) < len(corpus.documents)
    if old_index is not None:
        old_sample = previous.get("tokenizer_sample")
        if old_sample == sample:
            return sample, full, old_index.tokenizer
        if previous.get("tokenizer_sample_full") and full and isinstance(old_sample, list):
            by_hash = {d.sha256: d for d in corpus.documents}
            kept = sum(len(by_hash[h].text) for h in old_sample if h in by_hash)
            if kept * 2 >= TRAINING_SAMPLE_CHARS:
                return old_sample, True, old_index.tokenizer
    in_sample = set(sample)
    texts = (d.text for d in corpus.documents if d.sha256 in in_sample)  # in corpus order
    return sample, full, parameters_to_json(train_parameters(texts))


@dataclass(frozen=True)
class _Kept:
    """A segment of the previous index some of whose articles stay: `documents` (its
    articles that are in the corpus unchanged) and `dropped` (the numbers, within the
    segment, of the others)."""

    old: Segment
    documents: list[DocumentInfo]
    dropped: list[int]

    @property
    def sentence_count(self) -> int:
        """Its sentences once the dropped articles are gone."""
        if not self.dropped:
            return self.old.sentence_count
        per_article = np.bincount(self.old.arrays.rows.doc, minlength=self.old.documents)
        return self.old.sentence_count - int(per_article[self.dropped].sum())

    def segment(self, name: str) -> Segment:
        """The segment itself when it keeps every article, else its trimmed copy named
        `name`."""
        if not self.dropped:
            return self.old
        arrays = trimmed(self.old.arrays, self.old.documents, self.dropped)
        return Segment(name, len(self.documents), arrays)


def _kept_segments(index: IndexData, corpus: Corpus, index_dir: Path) -> list[_Kept]:
    """The segments of `index` with at least one article that is in `corpus` unchanged,
    in order, each with those articles and the numbers of the others. A segment to be
    trimmed whose files are not as recorded is not kept: its articles are assembled
    again from their cached analyses."""
    current = {(d.name, d.sha256) for d in corpus.documents}
    kept, start = [], 0
    for segment in index.segments:
        documents = index.documents[start : start + segment.documents]
        start += segment.documents
        stays = [(d.name, d.sha256) in current for d in documents]
        if any(stays) and (all(stays) or segment_is_whole(index_dir, index.manifest, segment.name)):
            staying = [d for d, stay in zip(documents, stays, strict=True) if stay]
            dropped = [number for number, stay in enumerate(stays) if not stay]
            kept.append(_Kept(segment, staying, dropped))
    return kept


def _analyses(
    documents: list[Document],
    old_index: IndexData | None,
    index_dir: Path,
    analyzer: Analyzer,
    tokenizer_json: dict,
    progress: Progress | None,
) -> tuple[dict[str, FileAnalysis], dict[str, bytes], dict[str, str], int]:
    """The analyses of `documents` by content hash, from the cache where it holds them;
    also the new cache entries, their digests, and how many articles were analysed."""
    analyses: dict[str, FileAnalysis] = {}
    todo: dict[str, Document] = {}  # one per distinct content; copies share an analysis
    for document in documents:
        key = document.sha256
        if key in analyses or key in todo:
            continue
        cached = None
        if old_index is not None:
            cached = read_cached_analysis(index_dir, old_index.manifest, key)
        if cached is None:
            todo[key] = document
        else:
            analyses[key] = cached
    if not todo:  # a removal, or every analysis cached: no tokenizer (nor nltk) needed
        return analyses, {}, {}, 0
    tokenizer = tokenizer_from_json(tokenizer_json)
    new = _analyse(list(todo.values()), analyzer, tokenizer, progress)
    cache, digests = {}, {}
    for key, (analysis, data) in zip(todo, new, strict=True):
        analyses[key] = analysis
        cache[key] = data
        digests[key] = content_hash(data)
    return analyses, cache, digests, len(todo)


def _report(old_articles: dict, articles: dict, **counts: Any) -> BuildReport:
    """The articles (name → content hash) added, changed and removed since the index
    before: a file skipped is none of them (the build lists those apart), so an article
    that can no longer be read is removed, and a skipped file mended is added."""
    return BuildReport(
        added=sorted(set(articles) - set(old_articles)),
        changed=sorted(n for n in articles if n in old_articles and old_articles[n] != articles[n]),
        removed=sorted(set(old_articles) - set(articles)),
        analysed=counts["analysed"],
        reused=counts["reused"],
        retrained_tokenizer=counts["retrained"],
        seconds=round(counts["seconds"], 3),
    )


_worker_state: tuple[Analyzer, PunktSentenceTokenizer] | None = None


def _start_worker(analyzer: Analyzer, tokenizer: PunktSentenceTokenizer, parent: int) -> None:
    global _worker_state  # one per worker process, set once when the process starts
    _worker_state = (analyzer, tokenizer)
    threading.Thread(target=exit_with_parent, args=(parent,), daemon=True).start()


def exit_with_parent(parent: int) -> None:
    """End this worker process once its parent is gone (killed with SIGKILL, say),
    instead of running on under init with the memory of a whole analysis or engine.
    Run in a daemon thread of a build worker or of the serving layer's lane."""
    while os.getppid() == parent:
        time.sleep(WORKER_PARENT_CHECK_S)
    os._exit(1)


def _analyse_in_worker(text: str) -> tuple[FileAnalysis, bytes]:
    assert _worker_state is not None
    return _analysed(text, *_worker_state)


def _analysed(text: str, analyzer: Analyzer, tokenizer: PunktSentenceTokenizer):
    """An article's analysis and its cache entry (made here, in parallel when in a worker)."""
    analysis = analyse_file(text, analyzer, tokenizer)
    return analysis, analysis.to_bytes()


def _analyse(
    documents: list[Document],
    analyzer: Analyzer,
    tokenizer: PunktSentenceTokenizer,
    progress: Progress | None,
) -> Iterable[tuple[FileAnalysis, bytes]]:
    """Analyse `documents` in order, on every core when there is enough text."""
    chars = sum(len(d.text) for d in documents)
    show = progress if progress and chars >= PARALLEL_MIN_CHARS else lambda items, total: items
    workers = min(os.cpu_count() or 1, len(documents))
    if workers < 2 or chars < PARALLEL_MIN_CHARS:
        return [_analysed(d.text, analyzer, tokenizer) for d in documents]
    texts = [d.text for d in documents]
    with ProcessPoolExecutor(workers, initializer=_start_worker,
                             initargs=(analyzer, tokenizer, os.getpid())) as pool:  # fmt: skip
        analysed = pool.map(_analyse_in_worker, texts, chunksize=1)
        return list(show(analysed, total=len(texts)))
