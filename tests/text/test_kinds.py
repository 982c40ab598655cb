"""The kind table: WordNet's noun senses and hypernyms held flat (`text/kinds.py`)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from astana_qa.text.kinds import KINDS_FILE, KindTable, Ragged, read_shipped_kinds

from .test_lexicon import load_generator

SENSES = {"varna": [3], "netball": [2], "sport": [0, 5]}
PARENTS = [[], [0], [1], [4], [], [1, 4]]


def test_a_ragged_list_gives_back_the_lists_it_holds():
    lists = [[], [7, 8], [9], [], [1, 2, 3]]
    ragged = Ragged.of(lists)
    assert len(ragged) == 5
    assert [list(inner) for inner in ragged] == lists
    assert list(ragged[-1]) == [1, 2, 3] and [list(x) for x in ragged[1:3]] == [[7, 8], [9]]
    assert ragged.counts() == [0, 2, 1, 0, 3] and ragged.values() == [7, 8, 9, 1, 2, 3]
    with pytest.raises(IndexError):
        ragged[5]


@pytest.mark.parametrize("counts", [[1, 1], [3, 1], [2, -1, 2]])
def test_counts_that_do_not_add_up_to_the_values_are_refused(counts):
    with pytest.raises(ValueError, match="add up"):
        Ragged(counts, [5, 6, 7])


def test_a_table_finds_each_nouns_senses_and_each_senses_parents():
    table = KindTable.of(SENSES, PARENTS)
    assert list(table.senses_of("sport")) == [0, 5] and list(table.senses_of("varna")) == [3]
    assert list(table.senses_of("glorp")) == [] and list(table.senses_of("zzz")) == []
    assert "netball" in table and "net" not in table and 3 not in table
    assert "aardvark" not in table and "zebra" not in table  # before the first, after the last
    assert list(table.parents[5]) == [1, 4]


def test_an_empty_table_knows_no_noun():
    table = KindTable.from_file_content(KindTable.of({}, []).file_content())
    assert "sport" not in table and list(table.senses_of("sport")) == [] and len(table.parents) == 0


def test_the_file_content_reads_back_as_the_same_table():
    content = json.loads(json.dumps(KindTable.of(SENSES, PARENTS).file_content()))
    assert content["nouns"] == ["netball", "sport", "varna"]
    assert content["sense_counts"] == [1, 2, 1] and content["senses"] == [2, 0, 5, 3]
    again = KindTable.from_file_content(content)
    assert {noun: list(again.senses_of(noun)) for noun in SENSES} == SENSES
    assert [list(p) for p in again.parents] == PARENTS


@pytest.mark.parametrize(
    "damage",
    [
        {"nouns": ["sport", "netball", "varna"]},  # not sorted
        {"nouns": ["netball", "netball", "varna"]},  # the same noun twice
        {"nouns": ["netball", 7, "varna"]},  # not a word
        {"parents": [0, 1, 4, 2**40, 4]},  # too large for the table's numbers
        {"sense_counts": None},  # not a list
        {"nouns": ["netball", "sport"]},  # fewer nouns than senses' counts
        {"sense_counts": [1, 2, 2]},  # more senses than are listed
        {"senses": [2, 0, 6, 3]},  # a sense beyond the numbered ones
        {"parents": [0, 1, 4, -1, 4]},  # a negative sense number
    ],
)
def test_a_damaged_file_content_is_refused(damage):
    content = KindTable.of(SENSES, PARENTS).file_content() | damage
    with pytest.raises(ValueError):
        KindTable.from_file_content(content)


def test_a_file_content_without_a_table_is_refused():
    content = KindTable.of(SENSES, PARENTS).file_content()
    del content["parents"]
    with pytest.raises(ValueError, match="not in its layout"):
        KindTable.from_file_content(content)


def test_the_generator_refuses_to_write_a_table_the_engine_would_refuse():
    with pytest.raises(ValueError, match="does not number"):
        load_generator().kinds_content({"netball": [9]}, [[]])


def test_the_generator_writes_the_layout_the_engine_reads(tmp_path):
    generator = load_generator()
    generator.write(tmp_path / KINDS_FILE, generator.kinds_content(SENSES, PARENTS))
    content = json.loads(gzip.decompress((tmp_path / KINDS_FILE).read_bytes()))
    assert "WordNet" in content["source"] and "parent_counts" in content["format"]
    table = KindTable.from_file_content(content)
    assert list(table.senses_of("sport")) == [0, 5] and list(table.parents[3]) == [4]


def test_the_shipped_file_is_in_that_layout_and_whole():
    raw = resources.files("astana_qa.data").joinpath(KINDS_FILE).read_bytes()
    content = json.loads(gzip.decompress(raw))
    assert set(content) >= {"nouns", "sense_counts", "senses", "parent_counts", "parents"}
    table = read_shipped_kinds()
    assert len(table.nouns) > 50_000 and len(table.parents) > 80_000
    # WordNet's facts, climbed as the lexicon does: a basketball is a game
    found, seen = list(table.senses_of("basketball")), set()
    while found:
        sense = found.pop()
        seen.add(sense)
        found += [p for p in table.parents[sense] if p not in seen]
    assert any(sense in seen for sense in table.senses_of("game"))
