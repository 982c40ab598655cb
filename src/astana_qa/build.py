"""Building an index, or bringing one up to date by analysing only what changed.

1. The Punkt tokenizer is trained on a sample of the corpus: the articles whose content
   hashes sort first, up to `TRAINING_SAMPLE_CHARS` (a deterministic pseudo-random
   sample, so it rarely changes when one article does). If the sample is unchanged the
   stored parameters are reused and training is skipped.
2. Each article's analysis is taken from the index's cache when its content hash, the
   settings and the tokenizer are unchanged; the others are analysed, on several cores
   when there is enough text for that to pay.
3. The corpus-wide arrays are assembled from all analyses (`assemble.py`) and saved
   atomically with the cache (`index.py`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from .analysis import Analyzer
from .assemble import assemble
from .corpus import Corpus, Document
from .errors import CorpusError
from .file_analysis import FileAnalysis, analyse_file
from .index import (
    FORMAT_VERSION,
    DocumentInfo,
    IndexData,
    entry_digest,
    read_cached_analysis,
    read_manifest,
    save_index,
)
from .sentences import parameters_to_json, tokenizer_from_json, train_parameters
from .settings import IndexSettings

# Punkt learns abbreviations and capitalisation habits; a megabyte of text is plenty,
# and training costs about 4 s per megabyte.
TRAINING_SAMPLE_CHARS = 1_000_000
# Below this much new text, starting worker processes costs more than it saves.
PARALLEL_MIN_CHARS = 2_000_000

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
    sample, size = [], 0
    for document in sorted(documents, key=lambda d: d.sha256):
        if sample and size + len(document.text) > TRAINING_SAMPLE_CHARS:
            break
        sample.append(document)
        size += len(document.text)
    return sample


def build_index(
    corpus: Corpus,
    analyzer: Analyzer,
    settings: IndexSettings,
    fingerprint: str,
    index_dir: Path,
    rebuild: bool = False,
    progress: Progress | None = None,
) -> tuple[IndexData, BuildReport]:
    """Build the index of `corpus` into `index_dir`, reusing what the index there holds
    unless `rebuild`; returns the new index (in memory) and what was done."""
    began = time.perf_counter()
    previous = read_manifest(index_dir) or {}
    reusable = (
        not rebuild
        and previous.get("format") == FORMAT_VERSION
        and previous.get("fingerprint") == fingerprint
    )
    old_tokenizer = _read_tokenizer(index_dir) if reusable else None
    sample = [d.sha256 for d in training_sample(corpus.documents)]
    retrained = old_tokenizer is None or previous.get("tokenizer_sample") != sample
    if retrained:
        chosen = set(sample)
        texts = (d.text for d in corpus.documents if d.sha256 in chosen)
        tokenizer_json = parameters_to_json(train_parameters(texts))
    else:
        tokenizer_json = old_tokenizer
    # With other Punkt parameters sentences may split differently: no cached analysis holds.
    old = previous if reusable and old_tokenizer == tokenizer_json else None

    analyses: dict[str, FileAnalysis] = {}
    cache: dict[str, bytes | Path] = {}
    digests: dict[str, str] = {}
    todo: dict[str, Document] = {}  # one per distinct content; copies share an analysis
    for document in corpus.documents:
        key = document.sha256
        if key in analyses or key in todo:
            continue
        cached = read_cached_analysis(index_dir, old, key) if old is not None else None
        if cached is None:
            todo[key] = document
            continue
        analyses[key] = cached
        cache[key] = index_dir / "cache" / f"{key}.npz"
        digests[key] = old["cache"][key]
    tokenizer = tokenizer_from_json(tokenizer_json)
    new = _analyse(list(todo.values()), analyzer, tokenizer, progress)
    for key, (analysis, data) in zip(todo, new, strict=True):
        analyses[key] = analysis
        cache[key] = data
        digests[key] = entry_digest(data)

    ordered = [analyses[d.sha256] for d in corpus.documents]
    if not any(a.sentence_count for a in ordered):
        raise CorpusError("the corpus holds no article text to index (only page furniture)")
    arrays, vocab, name_vocab = assemble(ordered, settings)
    files = corpus_file_hashes(corpus)
    manifest = {
        "format": FORMAT_VERSION,
        "fingerprint": fingerprint,
        "files": files,
        "documents": len(corpus.documents),
        "sentences": len(arrays["doc"]),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "tokenizer_sample": sample,
        "arrays": list(arrays),
        "cache": dict(sorted(digests.items())),
    }
    documents = [DocumentInfo(d.name, d.title, d.date, d.sha256) for d in corpus.documents]
    data = IndexData(documents, vocab, name_vocab, tokenizer_json, arrays, manifest)
    save_index(data, index_dir, cache)
    report = _report(old_files=previous.get("files", {}), files=files,
                     analysed=len(todo), reused=len(corpus.documents) - len(todo),
                     retrained=retrained, seconds=time.perf_counter() - began)  # fmt: skip
    return data, report


def _report(old_files: dict, files: dict, **counts) -> BuildReport:
    return BuildReport(
        added=sorted(set(files) - set(old_files)),
        changed=sorted(n for n in files if n in old_files and old_files[n] != files[n]),
        removed=sorted(set(old_files) - set(files)),
        analysed=counts["analysed"],
        reused=counts["reused"],
        retrained_tokenizer=counts["retrained"],
        seconds=round(counts["seconds"], 3),
    )


def _read_tokenizer(index_dir: Path) -> dict | None:
    """The stored tokenizer parameters, or None if missing or damaged."""
    try:
        data = json.loads((index_dir / "tokenizer.json").read_text("utf-8"))
        tokenizer_from_json(data)
        return data
    except (OSError, ValueError):
        return None


_worker_state: tuple[Analyzer, PunktSentenceTokenizer] | None = None


def _start_worker(analyzer: Analyzer, tokenizer: PunktSentenceTokenizer) -> None:
    global _worker_state  # one per worker process, set once when the process starts
    _worker_state = (analyzer, tokenizer)


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
                             initargs=(analyzer, tokenizer)) as pool:  # fmt: skip
        analysed = pool.map(_analyse_in_worker, texts, chunksize=1)
        return list(show(analysed, total=len(texts)))
