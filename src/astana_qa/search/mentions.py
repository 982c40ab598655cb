"""Where a corpus names a name: the sentences naming it, other spellings of its last word
included (Toma, Touma), found through the index of names (words written with a capital
inside a sentence), and whether an article writes a question's word as a name ("the Rat
Pack", not "a rat"). The engine reads these for the answer layer: support across
articles, and whether a passage's article is about what the question names."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from ..text.analysis import Analyzer, fold
from .answer_types import POSSESSIVE
from .query import Query, key_words
from .ranking import SentenceRanker

# Other spellings of a name that count as the same name (rapidfuzz ratio, 0..100), how
# many of them, and how many sentences naming it are read for support.
MENTION_SPELLING = 75
MENTION_SPELLINGS = 5
MENTION_SENTENCES = 20
# Sentences of an article read to tell whether it writes a question's name with a
# capital where the index of names does not look (`NameMentions.article_writes`).
NAME_SENTENCES_READ = 50


class NameMentions:
    """The names of one index: `doc` is each sentence's article number, `sentence(row)`
    its text, `sentence_terms(text)` its `(start, end, term)`s (the engine's caches),
    `article_names` the articles' file names, by article number."""

    def __init__(
        self,
        ranker: SentenceRanker,
        analyzer: Analyzer,
        doc: np.ndarray,
        sentence: Callable[[int], str],
        sentence_terms: Callable[[str], tuple[tuple[int, int, str], ...]],
        cached_words: int,
        article_names: Sequence[str] = (),
    ):
        self._ranker, self._analyzer, self._doc = ranker, analyzer, doc
        self._article_names = article_names
        self._sentence, self._sentence_terms = sentence, sentence_terms
        # a name's other spellings are looked up once per word (bounded: questions
        # bring new names for as long as the server runs)
        self._spellings_of = lru_cache(maxsize=cached_words)(self._spellings_of_name)

    def names_written(self, query: Query) -> dict[str, tuple[int, ...]]:
        """For the term of each word the asker writes as a name ("Stardust", "Rat",
        "Pack"), the numbers of the index's names (words written with a capital inside
        a sentence, `text/features.names`) that write it so, possessive included."""
        found: dict[str, tuple[int, ...]] = {}
        number = self._ranker.name_number
        # only the capitals the asker wrote, not those `casing.py` gave back, tell this
        as_asked = set(key_words(query.text))
        for word in (w for w in key_words(query.reading) if w in as_asked):
            if any(c.isdigit() for c in word):
                continue
            base = POSSESSIVE.sub("", word)
            forms = (base, f"{base}'s", f"{base}’s")
            numbers = tuple(number[fold(form)] for form in forms if fold(form) in number)
            for _, term in self._analyzer.written_terms(base):
                found[term] = found.get(term, ()) + numbers
        return found

    def article_writes(self, term: str, number: int, names: tuple[int, ...], doc: int) -> bool:
        """Does article number `doc` write `term` (index term `number`) with a capital?
        The index of names answers for a word inside a sentence (one of `names`); the
        words it leaves out (a sentence's first, one after a quote or a bracket, a part
        of a hyphened word: "Stardust is…", "“Stardust”", "Istanbul-based") are read in
        the article's sentences holding the term, at most `NAME_SENTENCES_READ`."""
        if any(len(self._in_article(self._ranker.lookup.name_rows(n), doc)) for n in names):
            return True
        held = self._in_article(self._ranker.sentences.rows(number), doc)
        for row in held[:NAME_SENTENCES_READ].tolist():
            text = self._sentence(row)
            if any(t == term and not text[start].islower()
                   for start, _, t in self._sentence_terms(text)):  # fmt: skip
                return True
        return False

    def _in_article(self, rows: np.ndarray, doc: int) -> np.ndarray:
        """Those of the ascending sentence numbers `rows` that are in article `doc`: by
        bisection when sentences are numbered article by article, in article order."""
        if not self._articles_in_order:
            return rows[self._doc[rows] == doc]
        first, end = (int(np.searchsorted(self._doc, doc, side)) for side in ("left", "right"))
        return rows[bisect_left(rows, first) : bisect_left(rows, end)]

    @cached_property
    def _articles_in_order(self) -> bool:
        """Are the sentences numbered article by article, in the articles' order?"""
        return bool(np.all(self._doc[:-1] <= self._doc[1:]))

    def rows_naming(self, name: str) -> list[int]:
        """Sentences that mention `name`, allowing for other spellings of its last word
        (Toma, Touma): found through the index of names, so every article is searched.
        The first `MENTION_SENTENCES` by article name and place in it: sentence numbers
        depend on the order articles were added in, the answer must not."""
        words = self._analyzer.tokens(name)
        if not words:
            return []
        found = [self._ranker.lookup.name_rows(n) for n in self._spellings_of(words[-1])]
        rows = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        by_article = rows[np.lexsort((rows, self._article_order[self._doc[rows]]))]
        return [int(row) for row in by_article[:MENTION_SENTENCES]]

    @cached_property
    def _article_order(self) -> np.ndarray:
        """Each article's place among the articles sorted by file name (by number when no
        names were given)."""
        if not self._article_names:
            return np.arange(int(self._doc.max()) + 1 if len(self._doc) else 0)
        count = len(self._article_names)
        order = sorted(range(count), key=self._article_names.__getitem__)
        places = np.empty(count, dtype=np.int64)
        places[order] = np.arange(count)
        return places

    def _spellings_of_name(self, word: str) -> tuple[int, ...]:
        """Numbers of the indexed names spelt like `word` (rapidfuzz ratio), among names
        of a similar length: only those can reach the ratio."""
        found = process.extract(
            word, self._names_by_length.get(len(word), []), scorer=fuzz.ratio,
            score_cutoff=MENTION_SPELLING, limit=MENTION_SPELLINGS,
        )  # fmt: skip
        number = self._ranker.name_number
        return tuple(number[name] for name, _, _ in found)

    @cached_property
    def _names_by_length(self) -> dict[int, list[str]]:
        """Indexed names by the lengths of the words they could be a spelling of."""
        near: dict[int, list[str]] = defaultdict(list)
        for name in self._ranker.name_number:
            for length in range(max(1, len(name) - 2), len(name) + 3):
                near[length].append(name)
        return dict(near)
