"""What a noun is a kind of: WordNet's noun senses and their hypernyms, held compactly.

`data/kinds.json.gz` (written by `scripts/build_lexicon.py`) numbers WordNet 3.0's noun
senses. For each single-word noun it lists its likely senses, and for each sense its
hypernyms and instance hypernyms. Both are lists of lists of numbers: 55,191 nouns and
82,115 senses. Read into Python lists of ints they took 31 MB of a serving process; the
file stores each as one flat list of numbers with how many belong to each inner list,
and `Ragged` keeps them in two `array`s (1.2 MB for both tables), so a lookup slices one
array. With the nouns' strings, reading the table grows a process by 10 MB. (`array`,
not NumPy: its slices give Python ints, which the climb up the hypernyms puts in sets.)

Layout of the file (JSON, gzipped): `nouns` (sorted); `senses`, every noun's sense
numbers one after the other, and `sense_counts`, how many are each noun's, in the order
of `nouns`; `parents` and `parent_counts`, the same for each sense's hypernyms, in the
order of the senses' numbers.
"""

from __future__ import annotations

import gzip
import json
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, pairwise
from typing import Any, overload

KINDS_FILE = "kinds.json.gz"


class Ragged(Sequence[Sequence[int]]):
    """A list of lists of whole numbers, stored flat: all the `values` one after the
    other, and how many belong to each inner list (`counts`)."""

    def __init__(self, counts: Iterable[int], values: Iterable[int]):
        self._starts = array("i", accumulate(counts, initial=0))
        self._values = array("i", values)
        going_down = any(b < a for a, b in pairwise(self._starts))
        if self._starts[-1] != len(self._values) or going_down:
            raise ValueError("a ragged list's counts are not negative and add up to its values")

    @classmethod
    def of(cls, lists: Iterable[Sequence[int]]) -> Ragged:
        """The ragged list holding `lists`."""
        counts: list[int] = []
        values: list[int] = []
        for inner in lists:
            values.extend(inner)
            counts.append(len(inner))
        return cls(counts, values)

    def counts(self) -> list[int]:
        """How many values each inner list holds."""
        return [b - a for a, b in pairwise(self._starts)]

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, index: int) -> Sequence[int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sequence[int]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[int] | list[Sequence[int]]:
        """The inner list `index` (an `array`: it equals a list only once made one)."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._values[self._starts[index] : self._starts[index + 1]]

    def values(self) -> list[int]:
        """All the values, one inner list after the other."""
        return self._values.tolist()

    def within(self, limit: int) -> bool:
        """Is every value at least 0 and below `limit`? (Read from the arrays: no list.)"""
        return not self._values or (min(self._values) >= 0 and max(self._values) < limit)


@dataclass(frozen=True, eq=False)
class KindTable:
    """Each noun's likely senses (`senses_of`) and each sense's hypernyms (`parents`).
    The nouns are found by bisection in their sorted list: a dict of them took 6 MB more,
    for the few lookups a question makes."""

    nouns: Sequence[str]  # sorted; noun `i`'s senses are `senses[i]`
    senses: Ragged
    parents: Ragged

    @classmethod
    def of(cls, senses: Mapping[str, Sequence[int]], parents: Sequence[Sequence[int]]) -> KindTable:
        """The table of `senses` (noun → its sense numbers) and `parents` (sense number →
        its hypernyms' numbers), as given in tests and by the generator."""
        nouns = sorted(senses)
        return cls(nouns, Ragged.of(senses[noun] for noun in nouns), Ragged.of(parents))

    @classmethod
    def from_file_content(cls, content: Mapping[str, Any]) -> KindTable:
        """The table stored as `file_content` gives it; `ValueError` if it is not that."""
        try:
            return cls._from_file_content(content)
        except (KeyError, TypeError, OverflowError) as exc:
            raise ValueError(f"the kinds file is not in its layout: {exc!r}") from exc

    @classmethod
    def _from_file_content(cls, content: Mapping[str, Any]) -> KindTable:
        nouns = content["nouns"]
        if not all(isinstance(noun, str) for noun in nouns):
            raise ValueError("the kinds file's nouns are not all words")
        senses = Ragged(content["sense_counts"], content["senses"])
        if len(senses) != len(nouns):
            raise ValueError("the kinds file lists senses for another number of nouns")
        if any(b <= a for a, b in pairwise(nouns)):
            raise ValueError("the kinds file's nouns are not sorted")
        parents = Ragged(content["parent_counts"], content["parents"])
        if not (senses.within(len(parents)) and parents.within(len(parents))):
            raise ValueError("the kinds file names a sense it does not number")
        return cls(nouns, senses, parents)

    def file_content(self) -> dict[str, list[str] | list[int]]:
        """What the kinds file stores of this table (its layout: the module's docstring)."""
        return {
            "nouns": list(self.nouns),
            "sense_counts": self.senses.counts(),
            "senses": self.senses.values(),
            "parent_counts": self.parents.counts(),
            "parents": self.parents.values(),
        }

    def __contains__(self, noun: object) -> bool:
        return isinstance(noun, str) and self._row(noun) is not None

    def senses_of(self, noun: str) -> Sequence[int]:
        """The numbers of `noun`'s likely senses (none for a noun the table lacks)."""
        row = self._row(noun)
        return () if row is None else self.senses[row]

    def _row(self, noun: str) -> int | None:
        row = bisect_left(self.nouns, noun)
        return row if row < len(self.nouns) and self.nouns[row] == noun else None


def read_shipped_kinds() -> KindTable:
    """The table of `data/kinds.json.gz`."""
    data = resources.files("astana_qa.data").joinpath(KINDS_FILE)
    return KindTable.from_file_content(json.loads(gzip.decompress(data.read_bytes())))
