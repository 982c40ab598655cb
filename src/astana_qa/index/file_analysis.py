"""Everything the index needs from one article, computed from that article alone.

`analyse_file` splits an article into sentences, drops page furniture and sentences
without terms, and keeps per sentence: its offsets and paragraph, its terms in order,
the names it mentions, and whether it states a time or a number. Because the result
depends only on the file's text and the settings, it is cached by content hash
(`to_bytes`/`from_bytes`, a NumPy `.npz` without pickle), so re-indexing after one
article changes re-analyses only that article.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

from ..text.analysis import Analyzer
from ..text.features import mentions_number, mentions_time, names
from ..text.sentences import split_sentences
from .postings import narrowest

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# The integer arrays of a `FileAnalysis` and their type in memory (on disk, narrower).
_WIDE = {"start": np.int64, "end": np.int64, "paragraph": np.int32, "term_ptr": np.int64,
         "term_ids": np.int32, "name_ptr": np.int64, "name_ids": np.int32}  # fmt: skip


@dataclass(frozen=True)
class FileAnalysis:
    """The indexed sentences of one article. Sentence `i` has the terms
    `vocab[term_ids[term_ptr[i]:term_ptr[i+1]]]` and the names
    `name_vocab[name_ids[name_ptr[i]:name_ptr[i+1]]]`; `paragraph` numbers the article's
    paragraphs."""

    start: np.ndarray
    end: np.ndarray
    paragraph: np.ndarray
    has_time: np.ndarray
    has_number: np.ndarray
    term_ptr: np.ndarray
    term_ids: np.ndarray
    name_ptr: np.ndarray
    name_ids: np.ndarray
    vocab: list[str]
    name_vocab: list[str]

    @property
    def sentence_count(self) -> int:
        return len(self.start)

    def to_bytes(self) -> bytes:
        """The analysis as a compressed `.npz` (word lists as newline-joined UTF-8,
        whole numbers in the narrowest unsigned type holding them: the cache of a large
        corpus is then about half the size; `from_bytes` widens them again). Compressed,
        it is a third smaller again (the million-sentence bench's cache: 111 → 76 MB),
        for well under a millisecond per article, paid in the build's worker processes."""
        arrays = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in _WIDE:
            arrays[name] = narrowest(arrays[name])  # offsets and numbers: never negative
        for name in ("vocab", "name_vocab"):
            arrays[name] = np.frombuffer("\n".join(arrays[name]).encode(), dtype=np.uint8)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> FileAnalysis:
        """Read `to_bytes` output back; raises ValueError if it is damaged."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                arrays = {f.name: npz[f.name] for f in fields(cls)}
        except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
            raise ValueError(f"damaged file analysis: {exc}") from exc
        for name in ("vocab", "name_vocab"):
            words = arrays[name].tobytes().decode()
            arrays[name] = words.split("\n") if words else []
        for name, dtype in _WIDE.items():
            arrays[name] = arrays[name].astype(dtype, copy=False)  # as `analyse_file` makes them
        analysis = cls(**arrays)
        n = analysis.sentence_count
        if not (len(analysis.term_ptr) == len(analysis.name_ptr) == n + 1):
            raise ValueError("file analysis arrays disagree")
        if analysis.term_ptr[-1] != len(analysis.term_ids):
            raise ValueError("file analysis term offsets are wrong")
        return analysis


def analyse_file(
    text: str, analyzer: Analyzer, tokenizer: PunktSentenceTokenizer | None = None
) -> FileAnalysis:
    """Split, filter and analyse one article (`tokenizer` None: Punkt trained on it)."""
    starts, ends, paragraphs, times, numbers = [], [], [], [], []
    term_ptr, all_terms, name_ptr, all_names = [0], [], [0], []
    for sentence in split_sentences(text, analyzer.settings.min_line_words, tokenizer):
        if not sentence.prose:
            continue
        sentence_text = text[sentence.start : sentence.end]
        terms = analyzer.terms(sentence_text)
        if not terms:
            continue
        starts.append(sentence.start)
        ends.append(sentence.end)
        paragraphs.append(sentence.paragraph)
        times.append(mentions_time(sentence_text))
        numbers.append(mentions_number(sentence_text))
        all_terms.extend(terms)
        term_ptr.append(len(all_terms))
        all_names.extend(sorted(names(sentence_text)))
        name_ptr.append(len(all_names))
    vocab, term_ids = _numbered(all_terms)
    name_vocab, name_ids = _numbered(all_names)
    return FileAnalysis(
        start=np.asarray(starts, dtype=np.int64),
        end=np.asarray(ends, dtype=np.int64),
        paragraph=np.asarray(paragraphs, dtype=np.int32),
        has_time=np.asarray(times, dtype=bool),
        has_number=np.asarray(numbers, dtype=bool),
        term_ptr=np.asarray(term_ptr, dtype=np.int64),
        term_ids=term_ids,
        name_ptr=np.asarray(name_ptr, dtype=np.int64),
        name_ids=name_ids,
        vocab=vocab,
        name_vocab=name_vocab,
    )


def _numbered(words: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct words in order of first use, and each word's number among them."""
    distinct = list(dict.fromkeys(words))
    number = {w: i for i, w in enumerate(distinct)}
    return distinct, np.fromiter(map(number.__getitem__, words), np.int32, len(words))
