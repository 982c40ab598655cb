"""Splitting an article into sentences with exact character offsets (NLTK Punkt).

Punkt normally loads parameters from a data download that offline machines cannot
fetch, so the tokenizer is built here from parameters learnt by `PunktTrainer` on a
sample of the corpus, plus the abbreviation list kept in `data/abbreviations.txt`.
The parameters are plain data (`parameters_to_json`), stored with the index, so every
article of a corpus is split by the same tokenizer however the index was updated.
A line break ends a sentence, so a headline is a sentence of its own, unless the line
runs on into the next one (`wrapped_lines`: "… will help" / "farmers plan …").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module, resources
from itertools import pairwise
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .dates import date_stamp_length
from .furniture import (
    BYTE_ORDER_MARK,
    ends_a_clause,
    furniture_lines,
    line_marker_length,
    runs_on,
)

# Importing nltk costs 0.2 s and 18 MB (0.9 s and 68 MB with scipy.stats, see `punkt`):
# only splitting text needs it.
if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# What NLTK's package import pulls in for statistics Punkt never uses. NLTK imports
# each inside `try: ... except ImportError` and does without it; scipy.stats alone
# costs 0.6 s, half of adding one article to an index in a fresh process.
_UNUSED_BY_PUNKT = ("scipy.stats",)


def punkt() -> ModuleType:
    """NLTK's Punkt module (`nltk.tokenize.punkt`), imported without the modules in
    `_UNUSED_BY_PUNKT` when nothing imported them yet.

    A name mapped to None in `sys.modules` makes its import fail, so NLTK takes its
    fallback; the names are unmapped again at once, and a later import of them works.
    (NLTK's collocation measures keep their fallback, which this project never calls.
    While NLTK is imported, another thread's `import scipy.stats` would fail: the
    project imports it in no thread of its own.)
    """
    if "nltk.tokenize.punkt" in sys.modules:
        return sys.modules["nltk.tokenize.punkt"]
    hidden = [name for name in _UNUSED_BY_PUNKT if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        return import_module("nltk.tokenize.punkt")
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: `text == document_text[start:end]`.

    `paragraph` numbers the document's paragraphs; `prose` is False for page
    furniture, which is kept for showing the article but never indexed or cited.
    """

    start: int
    end: int
    paragraph: int
    prose: bool


@lru_cache(maxsize=1)
def known_abbreviations() -> frozenset[str]:
    """The project's abbreviation list, in Punkt's form (lower case, no final period)."""
    text = resources.files("astana_qa").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def train_parameters(texts: Iterable[str]) -> PunktParameters:
    """Punkt parameters learnt from `texts`, with the project's abbreviations added."""
    trainer = punkt().PunktTrainer()
    trainer.INCLUDE_ABBREV_COLLOCS = True
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types.update(known_abbreviations())
    return params


def build_tokenizer(train_text: str | None = None) -> PunktSentenceTokenizer:
    """A Punkt tokenizer from the project's abbreviations, refined by training on `train_text`."""
    module = punkt()
    if train_text:
        return module.PunktSentenceTokenizer(train_parameters([train_text]))
    params = module.PunktParameters()
    params.abbrev_types.update(known_abbreviations())
    return module.PunktSentenceTokenizer(params)


def parameters_to_json(params: PunktParameters) -> dict:
    """Punkt parameters as plain, sorted JSON data (equal parameters, equal JSON)."""
    return {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sentence_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted((k, v) for k, v in params.ortho_context.items() if v)),
    }


def read_parameters(data: Any) -> tuple[set[str], set[tuple[str, str]], set[str], dict[str, int]]:
    """The abbreviations, collocations, sentence starters and orthographic context saved
    by `parameters_to_json`; ValueError if `data` is not such parameters. Checking an
    index on open needs no Punkt (nor nltk's import: `tokenizer_from_json` builds one)."""
    try:
        return (
            set(map(str, data["abbrev_types"])),
            {(str(a), str(b)) for a, b in data["collocations"]},
            set(map(str, data["sentence_starters"])),
            {str(k): int(v) for k, v in data["ortho_context"].items()},
        )
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        raise ValueError(f"not Punkt parameters: {exc}") from exc


def tokenizer_from_json(data: Any) -> PunktSentenceTokenizer:
    """The tokenizer for parameters saved by `parameters_to_json`; ValueError if `data`
    is not such parameters."""
    module = punkt()
    abbreviations, collocations, starters, context = read_parameters(data)
    params = module.PunktParameters()
    params.abbrev_types = abbreviations
    params.collocations = collocations
    params.sent_starters = starters
    params.ortho_context = defaultdict(int, context)
    return module.PunktSentenceTokenizer(params)


def line_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of every line of `text`, without its line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((start, start + len(content)))
        start += len(line)
    return spans


# A document wraps its paragraphs at a fixed width (as plain-text wires and mail do) when
# at least this many of its lines, and this share of those followed by another line of
# their paragraph, run on into the next one.
WRAP_MIN_LINES = 2
WRAP_SHARE = 0.3
# In such a document, a line at least this share of its width long (the longest line
# that runs on) was broken by the wrapping, not ended by its writer.
FULL_LINE_SHARE = 0.8


def wrapped_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines `spans` of `text`, with the lines of a paragraph that a sentence goes on
    across joined into one, so that it may go on past a line's end, and a line is no
    heading for being short. A line of prose length goes on into the next line of its
    paragraph when it ends without a clause's end and the next opens in lower case
    (`furniture.runs_on`: "“The data will help" / "farmers plan …"). In a document that
    wraps its paragraphs at a fixed width (lines run on into lines opening in lower case
    or with a figure, at least `WRAP_MIN_LINES` times and for `WRAP_SHARE` of its line
    pairs), a line also goes on into a figure ("… would cost" / "300 million"), and a
    line as long as the wrapping runs that ends without a clause's end goes on into
    whatever follows but a list item ("… announced by Mayor" / "Ivan Petrov …"). The
    headline goes on only into lower case: not into a date line or a byline under it."""
    texts = [text[s:e].rstrip() for s, e in spans]
    pairs = [(a, b) for a, b in pairwise(texts) if a.strip() and b.strip()]
    runs = [a for a, b in pairs if runs_on(a, b, figures=True)]
    wrapped = len(runs) >= max(WRAP_MIN_LINES, WRAP_SHARE * len(pairs))
    full = FULL_LINE_SHARE * max(map(len, runs)) if wrapped else float("inf")
    first = next((i for i, line in enumerate(texts) if line.strip()), 0)
    joined: list[tuple[int, int]] = []
    for i, ((start, end), line) in enumerate(zip(spans, texts, strict=True)):
        before = texts[i - 1] if i else ""
        inside = wrapped and i - 1 != first  # a wrapped paragraph's, not the headline
        goes_on = (
            bool(line.strip() and before.strip())
            and (
                runs_on(before, line)
                # into a figure in a wrapped paragraph, however short the line ("Trioxygen
                # (O" / "3) is"); not a menu's "home" / "about us"
                or (
                    inside
                    and line.lstrip()[:1].isdigit()
                    and runs_on(before, line, figures=True, least=0)
                )
                or (
                    inside
                    and len(before) >= full
                    and not ends_a_clause(before)
                    and not line_marker_length(line)  # the next item of a list
                )
            )
        )
        if goes_on:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def paragraph_numbers(lines: list[str]) -> list[int]:
    """The paragraph of each line: blank-line separated blocks where the document uses
    blank lines between its text, otherwise one paragraph per line."""
    text_rows = [i for i, line in enumerate(lines) if line.strip()]
    uses_blank_lines = any(b - a > 1 for a, b in pairwise(text_rows))
    numbers: list[int] = []
    paragraph = 0
    for i, line in enumerate(lines):
        starts_new = i > 0 and (not uses_blank_lines or (line.strip() and not lines[i - 1].strip()))
        paragraph += bool(starts_new and line.strip())
        numbers.append(paragraph)
    return numbers


# How far into an article its header (title, date stamp, byline) can reach.
HEADER_CHARS = 300


def split_sentences(
    text: str, min_line_words: int, tokenizer: PunktSentenceTokenizer | None = None
) -> list[Sentence]:
    """Every sentence of a document, in order, with offsets into `text` and a prose flag
    (`tokenizer` None: a Punkt tokenizer trained on `text` itself)."""
    tokenizer = tokenizer or build_tokenizer(text)
    lines = wrapped_lines(text, line_spans(text))
    line_texts = [text[s:e] for s, e in lines]
    furniture = furniture_lines(line_texts, min_line_words)
    paragraphs = paragraph_numbers(line_texts)
    sentences: list[Sentence] = []
    for number, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end]
        if line.startswith(BYTE_ORDER_MARK):  # an editor's mark of UTF-8, no letter
            line_start += 1
            line = line[1:]
        if not line.strip():
            continue
        if line_start < HEADER_CHARS:  # "date 2024-01-24 The ...", "LONDON (Reuters) - The
            # ...": the stamp or dateline is not prose
            stamp = date_stamp_length(line)
            line_start += stamp
            line = line[stamp:]
        marker = line_marker_length(line)  # "- a food market …", "# Storm hits": no words
        line_start += marker
        line = line[marker:]
        for start, end in tokenizer.span_tokenize(line):
            piece = line[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if start < end:
                sentences.append(
                    Sentence(
                        line_start + start,
                        line_start + end,
                        paragraphs[number],
                        number not in furniture,
                    )
                )
    return sentences
