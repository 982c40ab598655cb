"""Matching a question's terms to the terms the index holds, misspellings included.

People type questions fast: "Ghengis Khan", "mathmatical", "Superbowl". A question term
that no sentence contains is matched, in this order:
- as two indexed words written as one ("Superbowl"): split where its two parts occur
  side by side in some sentence;
- as a typo in the term: the indexed term fewest edits away (a letter inserted, deleted
  or replaced, or two neighbours swapped; rapidfuzz's optimal string alignment
  distance), within Lucene's "AUTO:4,6" fuzziness: exact up to 3 letters, one edit for 4
  or 5, two edits for longer words. Ties go to the term more sentences hold. Numbers are
  never corrected. (Lucene's default, AUTO:3,6, also corrects three-letter words; but a
  three-letter word has so many one-edit neighbours that a "correction" is a guess: "pie"
  became "tie".)
- as a typo in the word as written: one edit from a word whose term is indexed
  ("Univeristy": its stem is three edits from that of "University", the word only one).
A word WordNet knows (itself or inflected), or a name the tagger's treebank knows
("Calgary"), is not a typo:
"team" and "winter", which the seed articles never use, are words the articles lack, not
misspellings of "tear" and "intern". It can still be two words run together.
A term that matches nothing stays unmatched: a name the articles never mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Letters a word's variant must share with the start of some indexed term to be analysed.
PREFIX_LETTERS = 3


def allowed_edits(term: str) -> int:
    """How many edits a typo in `term` may have (Lucene's AUTO:4,6 fuzziness); 0 for
    numbers and for words of other symbols."""
    if not term.isalpha() or len(term) < 4:
        return 0
    return 1 if len(term) <= 5 else 2


def one_edit_variants(word: str) -> set[str]:
    """Every string one edit from `word`: a letter inserted, deleted or replaced, or two
    neighbours swapped."""
    variants: set[str] = set()
    for i in range(len(word) + 1):
        variants.update(word[:i] + c + word[i:] for c in _LETTERS)
    for i in range(len(word)):
        variants.add(word[:i] + word[i + 1 :])
        variants.update(word[:i] + c + word[i + 1 :] for c in _LETTERS)
    for i in range(len(word) - 1):
        variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return variants


class TermMatcher:
    """Finds, for a question term, the index terms it stands for."""

    def __init__(
        self,
        term_number: Mapping[str, int],
        frequency: Callable[[int], int],
        adjacent: Callable[[int, int], bool],
        analyze: Callable[[str], list[str]],
        enabled: bool = True,
        is_word: Callable[[str], bool] = lambda word: False,
    ):
        """`term_number`: the index's terms (those some sentence holds) and their numbers;
        `frequency(n)`: how many sentences hold term number n; `adjacent(a, b)`: does
        term b follow term a in some sentence; `analyze`: text → terms, as indexed;
        `is_word(word)`: is `word` (lower case) an English word, never read as a typo.
        With `enabled` false, a term matches only itself."""
        self.term_number = term_number
        self.frequency = frequency
        self.adjacent = adjacent
        self.analyze = analyze
        self.enabled = enabled
        self.is_word = is_word
        # A question's unknown words are matched twice (for its terms and for its names),
        # and matching one costs milliseconds; lru_cache is safe across threads.
        self._match_unknown = lru_cache(maxsize=4096)(self._match_unknown_uncached)

    def match(self, term: str, written: str) -> list[str]:
        """The index terms that `term`, analysed from the word `written`, stands for:
        itself when indexed, else the two parts of a compound or the correction of a
        typo; [] when nothing matches."""
        if term in self.term_number:
            return [term]
        return list(self._match_unknown(term, written)) if self.enabled else []

    def _match_unknown_uncached(self, term: str, written: str) -> tuple[str, ...]:
        if parts := self.split_compound(written):
            return tuple(parts)
        if self.is_word(written.lower()):
            return ()  # a word the articles do not use, not a misspelling of one they do
        corrected = self.correct(term) or self.correct_written(written)
        return (corrected,) if corrected else ()

    def split_compound(self, word: str) -> list[str]:
        """Two indexed terms that `word` joins and some sentence has side by side."""
        number = self.term_number
        for cut in range(1, len(word)):
            first, second = self.analyze(word[:cut]), self.analyze(word[cut:])
            if len(first) != 1 or len(second) != 1:
                continue
            pair = [first[0], second[0]]
            if all(t in number for t in pair) and self.adjacent(number[pair[0]], number[pair[1]]):
                return pair
        return []

    def correct_written(self, word: str) -> str | None:
        """The indexed term of a word one edit from `word`, the most frequent if several."""
        if allowed_edits(word) == 0:
            return None
        # Analysing a variant costs a lemma look-up and a stem; only those that begin as
        # some indexed term does can become one (stems and lemmas keep a word's first
        # letters), which for a word far from every indexed one leaves almost none.
        prefixes = self._prefixes
        found = {
            term
            for variant in one_edit_variants(word)
            if variant[:PREFIX_LETTERS] in prefixes
            for term in self.analyze(variant)
            if term in self.term_number
        }
        return self._most_frequent(found)

    def correct(self, term: str) -> str | None:
        """The indexed term closest to a misspelt `term`, or None if none is close."""
        edits = allowed_edits(term)
        if edits == 0:
            return None
        found = [
            match
            for length in range(len(term) - edits, len(term) + edits + 1)
            for match in process.extract(
                term, self._words_by_length.get(length, []),
                scorer=OSA.distance, score_cutoff=edits, limit=None,
            )
        ]  # fmt: skip
        best = min((distance for _, distance, _ in found), default=0)
        return self._most_frequent([word for word, distance, _ in found if distance == best])

    def _most_frequent(self, terms: Iterable[str]) -> str | None:
        """The term more sentences hold (then the last in alphabetical order), or None."""
        return max(terms, key=lambda t: (self.frequency(self.term_number[t]), t), default=None)

    @cached_property
    def _prefixes(self) -> frozenset[str]:
        return frozenset(term[:PREFIX_LETTERS] for term in self.term_number)

    @cached_property
    def _words_by_length(self) -> dict[int, list[str]]:
        # Built on the first typo, not at open: most questions never need it.
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.term_number:
            if word.isalpha():
                by_length[len(word)].append(word)
        return dict(by_length)
