"""Turning text into index terms, the same way for articles and questions.

Steps: case folding; diacritic folding (NFKD plus the letters NFKD leaves alone, such as
Turkish dotless `ı`); `\\w+` tokens; alias phrases replaced by one shared term; English
stopwords dropped; words looked up in simplemma's English dictionary for their lemma
(irregular forms: "began" → "begin") and then stemmed by Snowball's English algorithm
(PyStemmer, the Snowball project's C stemmers: bm25s's too). Alias terms start with
`=` so no word collides.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import Stemmer
from simplemma import Lemmatizer
from simplemma.strategies import LOW_MEMORY_DICTIONARY_FACTORY, DictionaryLookupStrategy

from ..errors import AliasFileError
from ..settings import MAX_CACHED_TERMS, AnalysisSettings
from .months import MONTH_ABBREVIATIONS

ALIAS_FILE_NAME = "aliases.json"
_TOKEN = re.compile(r"\w+")
# Letters without a canonical decomposition, folded by hand to their base letters.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ħ": "h"}
)


class _CombiningMarks(dict[int, int | None]):
    """A `str.translate` table deleting every combining mark (accents after NFKD), each
    character looked up once, when first met: far faster than testing characters one by
    one, and unlike a table of all 1.1 million code points (0.3 s to build), costs
    nothing before the first accent. Bounded by the characters the texts use."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


@lru_cache(maxsize=1)
def combining_marks() -> dict[int, int | None]:
    """The process's one `_CombiningMarks` table."""
    return _CombiningMarks()


def fold(text: str, diacritics: bool = True) -> str:
    """Case-fold `text` and, if asked, strip its diacritics (`Türkiye` → `turkiye`)."""
    text = text.casefold()
    if not diacritics or text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return text.translate(combining_marks())


@lru_cache(maxsize=1)
def stopword_list() -> frozenset[str]:
    """The project's English stopwords (nltk's own list needs a data download)."""
    text = resources.files("astana_qa").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def word_lists_hash() -> str:
    """Hash of the project's stopword, abbreviation and month lists: an index built with
    other lists is stale."""
    data = resources.files("astana_qa.data")
    blob = b"".join(data.joinpath(n).read_bytes() for n in ("stopwords.txt", "abbreviations.txt"))
    blob += json.dumps(MONTH_ABBREVIATIONS, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()


def lemmatizer_version() -> str:
    """The lemmatizer's and the stemmer's releases: their dictionary and algorithm decide
    terms, so they are part of what makes an index current."""
    return f"simplemma {metadata.version('simplemma')}, PyStemmer {metadata.version('PyStemmer')}"


def read_alias_file(path: Path) -> list[list[str]]:
    """Alias groups from a JSON file `{"aliases": [["Türkiye", "Turkey"], ...]}`."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AliasFileError(f"cannot read alias file {path}: {exc}") from exc
    groups = data.get("aliases") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(p, str) and p.strip() for p in g)
        for g in groups
    ):
        raise AliasFileError(
            f'alias file {path} must hold {{"aliases": [["name", "other name", ...], ...]}}'
        )
    return groups


@dataclass(frozen=True)
class AliasTable:
    """Phrases (as folded token tuples) mapped to the shared term of their group."""

    phrases: dict[tuple[str, ...], str]
    longest: int
    first_words: frozenset[str] = frozenset()

    @classmethod
    def from_groups(cls, groups: Iterable[list[str]], diacritics: bool = True) -> AliasTable:
        phrases: dict[tuple[str, ...], str] = {}
        for group in groups:
            tokens = [tuple(_TOKEN.findall(fold(p, diacritics))) for p in group]
            tokens = [t for t in tokens if t]
            if tokens:
                shared = "=" + "_".join(tokens[0])
                phrases.update(dict.fromkeys(tokens, shared))
        longest = max((len(p) for p in phrases), default=0)
        return cls(phrases, longest, frozenset(p[0] for p in phrases))

    def replace(self, tokens: list[str]) -> list[str]:
        """`tokens` with the group's term for every alias phrase (longest match first).

        A one-word alias is replaced; a longer phrase keeps its words after the group
        term, so "Security Council" still finds "U.N. Security Council".
        """
        if not self.phrases:
            return tokens
        out: list[str] = []
        i = 0
        while i < len(tokens):
            n, shared = self.match(tokens, i)
            if shared:
                out.append(shared)
                if n > 1:
                    out.extend(tokens[i : i + n])
                i += n
            else:
                out.append(tokens[i])
                i += 1
        return out

    def match(self, tokens: list[str], i: int) -> tuple[int, str | None]:
        """The longest alias phrase starting at `tokens[i]`: (its length, group term)."""
        if tokens[i] not in self.first_words:
            return 0, None
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            shared = self.phrases.get(tuple(tokens[i : i + n]))
            if shared:
                return n, shared
        return 0, None


class Analyzer:
    """Text → terms; one instance is shared by indexing and question answering."""

    def __init__(
        self,
        settings: AnalysisSettings,
        alias_groups: Iterable[list[str]] = (),
        max_cached_terms: int = MAX_CACHED_TERMS,
    ):
        self.settings = settings
        self.max_cached_terms = max_cached_terms
        self.aliases = AliasTable.from_groups(alias_groups, settings.fold_diacritics)
        self._stopwords = stopword_list() if settings.stopwords else frozenset()
        self._stemmer = Stemmer.Stemmer("english") if settings.stem else None
        # Dictionary lookup only: simplemma's affix rules for words it does not know take
        # about 0.5 ms a word, and names and typos are exactly such words. Its dictionary
        # is streamed, shared by the process (simplemma's low-memory factory): a lemma is
        # decoded from the compressed dictionary when looked up, instead of the whole
        # dictionary held as Python strings (17 MB less, read in 0.2 s instead of 0.3 s;
        # a look-up costs a few microseconds more, paid once per word: `term` keeps the
        # terms it found). The lemmas are the same on every word of the benchmarks.
        lookup = DictionaryLookupStrategy(dictionary_factory=LOW_MEMORY_DICTIONARY_FACTORY)
        self._lemmatizer = Lemmatizer(lemmatization_strategy=lookup) if settings.lemmatize else None
        # Its dictionary (about 0.2 s to index) is read by the first word looked up, not
        # here: opening an index need not wait for it, and a server's warm-up reads it.
        self._terms: dict[str, str] = {}

    @property
    def stopwords(self) -> frozenset[str]:
        """The words left out of terms (empty when stopwords are kept)."""
        return self._stopwords

    def tokens(self, text: str) -> list[str]:
        """Folded word tokens with aliases replaced, before stopwords and stemming."""
        return self.aliases.replace(_TOKEN.findall(fold(text, self.settings.fold_diacritics)))

    def terms(self, text: str) -> list[str]:
        """The index terms of `text`, in order (repeats kept: BM25 counts them)."""
        known, stopwords = self._terms, self._stopwords
        return [known.get(t) or self.term(t) for t in self.tokens(text) if t not in stopwords]

    def guessed_terms(self, text: str) -> list[str]:
        """`terms`, without remembering new words: for the hundreds of strings a spelling
        correction tries, which would otherwise stay in memory for good."""
        known, stopwords = self._terms, self._stopwords
        return [
            known.get(t) or self.term(t, remember=False)
            for t in self.tokens(text)
            if t not in stopwords
        ]

    def written_terms(self, text: str) -> list[tuple[str, str]]:
        """`(token, term)` for every token of `text` that yields an index term: the term
        and the word it was analysed from."""
        known, stopwords = self._terms, self._stopwords
        return [(t, known.get(t) or self.term(t)) for t in self.tokens(text) if t not in stopwords]

    def term_spans(self, text: str) -> list[tuple[int, int, str]]:
        """`(start, end, term)` for every word of `text` that yields an index term.

        Alias phrases are matched word by word here: each word of a phrase carries the
        phrase's group term, so "United Nations" highlights both words.
        """
        words = [(m.start(), m.end(), fold(m.group(), self.settings.fold_diacritics))
                 for m in _TOKEN.finditer(text)]  # fmt: skip
        tokens = [w for *_, w in words]
        spans: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            n, shared = self.aliases.match(tokens, i)
            if shared:
                spans.extend((s, e, shared) for s, e, _ in words[i : i + n])
                i += n
                continue
            start, end, token = words[i]
            if token not in self._stopwords:
                spans.append((start, end, self.term(token)))
            i += 1
        return spans

    def term(self, token: str, remember: bool = True) -> str:
        """The term of one token: its lemma's stem (alias terms are kept as they are)."""
        if token.startswith("="):
            return token
        term = self._terms.get(token)
        if term is None:
            term = self._base_term(token)
            if remember and len(self._terms) < self.max_cached_terms:
                self._terms[token] = term
        return term

    def _base_term(self, token: str) -> str:
        # "Nov." and "November" are one word: articles abbreviate, readers rarely do.
        token = MONTH_ABBREVIATIONS.get(token, token)
        if self._lemmatizer and token.isalpha():
            # Only letters in and out: simplemma also spells out numbers ("11th" →
            # "eleventh") and capitalises some lemmas ("jr" → "Junior").
            lemma = self._lemmatizer.lemmatize(token, lang="en").lower()
            token = lemma if lemma.isalpha() else token
        return self._stemmer.stemWord(token) if self._stemmer else token
