"""The lexicon loader, on the shipped tables and on tables made here, and the generator
that builds the tables from WordNet's database format."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from astana_qa.text.lexicon import Lexicon, LexiconData, normalise, shipped_lexicon

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def related_words(lexicon: Lexicon, word: str) -> dict[str, float]:
    return dict(lexicon.related(word))


def test_synonyms_and_word_families_come_from_the_shipped_wordnet_table(lexicon):
    government = related_words(lexicon, "government")
    assert {"regime", "authorities"} <= set(government)
    assert related_words(lexicon, "Iranian")["iran"] > 0  # pertainym
    assert "negotiator" in related_words(lexicon, "negotiate")  # derivation
    assert "envoy" in related_words(lexicon, "representative")
    assert "hiatus" in related_words(lexicon, "break")  # one hypernym step


def test_weights_are_below_one_and_heaviest_first(lexicon):
    for word in ("government", "break", "lead", "talks", "Kazakh"):
        weights = [w for _, w in lexicon.related(word)]
        assert weights, word
        assert all(0 < w < 1 for w in weights)
        assert weights == sorted(weights, reverse=True)


def test_a_common_sense_weighs_more_than_a_rare_one(lexicon):
    # "government" is "authorities" in its commonest sense, "palace" only as a kind of it.
    government = related_words(lexicon, "government")
    assert government["authorities"] > government["palace"]


def test_inflected_and_irregular_forms_find_their_base_words(lexicon):
    assert "lead" in lexicon.base_forms("led")  # irregular (verb.exc)
    assert "talk" in lexicon.base_forms("talks")
    assert "negotiation" in related_words(lexicon, "negotiated")
    assert "led" not in related_words(lexicon, "led")  # a word is not its own expansion


def test_places_map_capitals_demonyms_and_spellings_to_countries(lexicon):
    assert lexicon.places("Moscow")[0][0] == "Russia"
    assert lexicon.places("Tehran")[0][0] == "Iran"
    assert lexicon.places("Damascus")[0][0] == "Syria"
    assert lexicon.places("Washington")[0][0] == "United States"
    assert lexicon.places("ANKARA")[0][0] == "Turkey"
    assert lexicon.places("Türkiye")[0][0] == "Turkey"  # diacritics folded
    assert lexicon.places("Iranian")[0][0] == "Iran"
    assert lexicon.places("Russian Federation")[0][0] == "Russia"
    assert lexicon.places("teacup") == []
    assert all(0 < w < 1 for w in dict(lexicon.places("American")).values())


def test_a_country_has_every_name_the_places_table_gives_it(lexicon):
    spain = lexicon.country_names("Spain")
    assert spain[0] == "Spain" and {"madrid", "spanish"} <= set(spain)
    assert lexicon.country_names("Ankara")[0] == "Turkey"  # by a capital: its country's
    assert {"ankara", "turkish"} <= set(lexicon.country_names("Turkish"))
    assert lexicon.country_names("teacup") == []


def test_a_shortened_official_name_gives_every_country_it_may_shorten(lexicon):
    assert set(lexicon.places_starting("Islamic Republic")) >= {"Iran", "Pakistan"}
    assert lexicon.places_starting("Islamic") == []  # one word shortens nothing
    assert lexicon.places_starting("Teacup Republic") == []


def test_a_country_is_named_by_its_name_or_another_spelling_not_by_its_capital(lexicon):
    assert lexicon.names_a_country("Turkey") and lexicon.names_a_country("Türkiye")
    assert not lexicon.names_a_country("Ankara") and not lexicon.names_a_country("Moscow")
    assert not lexicon.names_a_country("Istanbul")  # a city the table does not know
    assert not lexicon.names_a_country("Singapore")  # a city-state is a city too


def test_an_agent_noun_has_its_class_in_either_spelling_of_its_ending(lexicon):
    # WordNet lists "protester" only; news writes "protestors" too
    assert lexicon.noun_class("protester") == lexicon.noun_class("protestors") == "person"
    assert lexicon.noun_class("water") is None  # not an agent noun: no other spelling


def test_the_shipped_tables_are_whole_resources_not_lists_of_examples(lexicon):
    assert len(lexicon.data.related) > 50_000
    assert len(lexicon.data.places) > 500
    assert len(lexicon.data.verb_classes) > 500
    notices = ROOT / "src" / "astana_qa" / "data"
    assert "Princeton University" in (notices / "WORDNET-LICENSE.txt").read_text()
    assert "MIT License" in (notices / "COUNTRYINFO-LICENSE.txt").read_text()


def small_lexicon(cache_size: int = 4096) -> Lexicon:
    data = LexiconData(
        related={
            "lead": "head:0.500:0.500:s leader:0.900:0.900:d",
            "led": "diode:0.800:0.500:s head:0.100:0.100:h",
            "talk": "negotiation:1.000:0.250:h",
        },
        irregular={"led": ["lead"]},
        places={"moscow": ["Russia"], "american": ["United States", "Samoa"]},
    )
    return Lexicon(data, cache_size=cache_size)


def test_links_of_every_base_form_are_merged_keeping_the_strongest():
    lexicon = small_lexicon()
    related = dict(lexicon.related("Led"))
    assert set(related) == {"head", "leader", "diode"}
    assert related["head"] == pytest.approx(0.9 * 0.5)  # the synonym link, not the hyponym
    assert related["leader"] == pytest.approx(0.7 * 0.9)
    assert related["diode"] == pytest.approx(0.9 * (0.8 * 0.5) ** 0.5)


def test_suffix_rules_only_reach_words_in_the_table():
    lexicon = small_lexicon()
    assert lexicon.base_forms("talks") == ["talk"]
    assert lexicon.base_forms("talking") == ["talk"]
    assert lexicon.base_forms("walks") == []
    assert lexicon.related("walks") == []


def test_a_suffix_rule_gives_a_base_only_in_its_own_part_of_speech(lexicon):
    # "-er" undoes an adjective's comparative: "mother" is no form of the noun "moth",
    # so none of the moths WordNet files under "moth" is related to it.
    assert "moth" in lexicon.base_forms("mother")
    assert not {"hawkmoth", "noctuid"} & set(related_words(lexicon, "mother"))
    assert not lexicon.is_kind_of("mother", "insect")
    # ...but a base it links to is of its family whatever the rule: "player" has the
    # links of "play" ("compete").
    assert "compete" in related_words(lexicon, "player")
    # A plural WordNet also lists on its own keeps its singular's links: "talks" (the
    # negotiation) has those of the noun "talk" ("conversation") and the verb
    # ("converse"), "leaders" those of "leader" ("chief").
    assert {"negotiation", "conversation", "converse"} <= set(related_words(lexicon, "talks"))
    assert "chief" in related_words(lexicon, "leaders")


def test_a_demonym_in_the_plural_stands_for_its_country(lexicon):
    assert lexicon.places("Syrians") == lexicon.places("Syrian") == [("Syria", 0.9)]
    assert lexicon.places("Iranians")[0][0] == "Iran"
    # ... not a capital's plural: "males" is no plural of Malé, nor "romes" of Rome
    assert lexicon.places("males") == lexicon.places("romes") == []


def test_a_shared_place_name_weighs_less_for_each_further_country():
    lexicon = small_lexicon()
    (first, w1), (second, w2) = lexicon.places("American")
    assert (first, second) == ("United States", "Samoa") and w1 > w2
    assert lexicon.places("moscow") == [("Russia", pytest.approx(0.9))]


def test_the_parse_cache_is_bounded():
    lexicon = small_lexicon(cache_size=2)
    for word in ("lead", "led", "talk", "lead"):
        lexicon.links(word)
    assert lexicon._links.cache_info().currsize <= 2


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("  Washington,  D.C. ") == "washington d c"
    assert normalise("Yıldız") == "yildiz"


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def write_wordnet(folder: Path) -> None:
    """A three-synset WordNet in the database format of wndb(5)."""
    header = "  1 This software and database is being provided to you\n"
    noun = (
        header
        + "00000100 04 n 02 pause 0 break 0 001 ~ 00000200 n 0000 | a rest\n"
        + "00000200 04 n 01 hiatus 0 001 @ 00000100 n 0000 | a long pause\n"
        + "00000300 18 n 01 negotiator 0 001 + 00000400 v 0101 | one who negotiates\n"
    )
    verb = "00000400 31 v 01 negotiate 0 001 + 00000300 n 0101 01 + 02 00 | discuss\n"
    verb += "00000700 32 v 01 say 0 000 01 + 02 00 | express in words\n"
    adj = "00000500 01 a 01 iranian 0 001 \\ 00000600 n 0101 | of Iran\n"
    noun += "00000600 15 n 01 Iran 0 001 \\ 00000500 a 0101 | a country\n"
    (folder / "data.noun").write_text(noun)
    (folder / "data.verb").write_text(verb)
    (folder / "data.adj").write_text(adj)
    (folder / "data.adv").write_text(header)
    (folder / "index.sense").write_text(
        "break%1:04:00:: 00000100 2 1\n"
        "pause%1:04:00:: 00000100 1 5\n"
        "hiatus%1:04:00:: 00000200 1 0\n"
        "negotiator%1:18:00:: 00000300 1 2\n"
        "negotiate%2:31:00:: 00000400 1 3\n"
        "iranian%3:01:00:: 00000500 1 1\n"
        "iran%1:15:00:: 00000600 1 4\n"
        "say%2:32:00:: 00000700 1 9\n"
    )
    for name in ("noun", "verb", "adj", "adv"):
        exceptions = "negotiated negotiate\nsaid say\n" if name == "verb" else ""
        (folder / f"{name}.exc").write_text(exceptions)


def test_the_generator_reads_wordnet_files_into_weighted_links(tmp_path):
    generator = load_generator()
    write_wordnet(tmp_path)
    table = generator.lexicon_table(tmp_path)
    path = tmp_path / "lexicon.json.gz"
    generator.write(path, table)
    stored = json.loads(gzip.decompress(path.read_bytes()))
    data = LexiconData(
        stored["related"], stored["irregular"], {}, stored["classes"], stored["verb_classes"]
    )
    lexicon = Lexicon(data)
    # Verbs of verb.communication (32) are told apart: what they ask about is what was said.
    assert stored["verb_classes"] == {"say": "communication"}
    assert lexicon.is_communication_verb("said") and not lexicon.is_communication_verb("negotiate")
    # Nouns take the kind of their senses' lexicographer file (18 person, 15 location).
    assert lexicon.noun_class("negotiators") == "person" and lexicon.noun_class("Iran") == "place"
    assert lexicon.noun_class("hiatus") is None  # noun.act names no kind of answer
    kinds = {link.word: link.kind for link in lexicon.links("break")}
    assert kinds == {"pause": "synonym", "hiatus": "hypernym"}
    assert {link.word: link.kind for link in lexicon.links("iranian")} == {"iran": "pertainym"}
    assert {link.word: link.kind for link in lexicon.links("iran")} == {"iranian": "pertainym"}
    assert "negotiator" in dict(lexicon.related("negotiated"))
    # "break" is the second, untagged sense of its synset's words; "pause" the tagged first.
    pause = next(link for link in lexicon.links("break") if link.word == "pause")
    assert pause.p_word == pytest.approx(1.0) and pause.p_related == pytest.approx(1.0)
    # Asked as a verb, only verb senses count, weighed among the verb's senses alone.
    verb = lexicon.links("negotiated", "v")
    assert [(link.word, link.kind) for link in verb] == [("negotiator", "derivation")]
    assert verb[0].p_word == pytest.approx(1.0)
    assert lexicon.links("negotiated", "n") == ()
    assert {link.word for link in lexicon.links("break", "n")} == {"pause", "hiatus"}
    # The same input gives the same bytes (no timestamp in the gzip header).
    again = tmp_path / "again.json.gz"
    generator.write(again, generator.lexicon_table(tmp_path))
    assert again.read_bytes() == path.read_bytes()


def test_a_word_is_expanded_through_the_senses_of_its_part_of_speech(lexicon):
    as_verb = {link.word for link in lexicon.links("spoke", "v")}
    as_noun = {link.word for link in lexicon.links("spoke", "n")}
    assert "talk" in as_verb and "talk" not in as_noun  # "she spoke" vs "a wheel's spoke"
    assert "rung" in as_noun and "rung" not in as_verb


def test_a_built_thing_has_the_artifact_class(lexicon):
    # WordNet's noun.artifact: no country or city answers "Which hotel…?"
    assert lexicon.noun_class("hotels") == lexicon.noun_class("stadium") == "artifact"
    assert lexicon.noun_class("river") == "object"
    assert lexicon.noun_class("tenge") == "quantity"  # a unit of money
    assert lexicon.noun_class("city") == "place"


def test_the_generator_maps_a_named_site_in_a_capital_to_its_country(tmp_path):
    """Part-holonyms lead from a building or street to a national capital (not to a
    state or city of the same name, and not through a city of its own)."""
    generator = load_generator()
    noun = (
        "  1 This software and database is being provided to you\n"
        "08691669 15 n 01 national_capital 0 000 | a capital\n"
        "08524735 15 n 01 city 0 000 | a city\n"
        "00000010 15 n 01 Varna_City 0 001 @i 08691669 n 0000 | capital of Varnia\n"
        "00000011 15 n 01 Varna_City 0 001 @i 08524735 n 0000 | a city in Ohio\n"
        "00000020 06 n 01 Grey_Palace 0 001 #p 00000010 n 0000 | seat of government\n"
        "00000030 15 n 01 Old_Street 0 001 #p 00000020 n 0000 | a street by the palace\n"
        "00000040 06 n 01 Town_Hall 0 001 #p 00000011 n 0000 | in the Ohio city\n"
        "00000050 15 n 01 Free_Town 0 002 @i 08524735 n 0000 #p 00000010 n 0000 | a city\n"
        "00000060 06 n 01 Abbey 0 001 #p 00000050 n 0000 | in the free town\n"
        "00000070 06 n 01 palace 0 001 #p 00000010 n 0000 | a common noun\n"
    )
    (tmp_path / "data.noun").write_text(noun)
    places = {"varna city": ["Varnia"]}
    sites = generator.sites_table(generator.read_named_nouns(tmp_path), places, {"varna city"})
    assert sites == {"grey palace": ["Varnia"], "old street": ["Varnia"]}


def test_a_site_in_a_capital_stands_for_its_country_but_is_no_country(lexicon):
    assert lexicon.places("Kremlin")[0][0] == "Russia"
    assert lexicon.places("White House")[0][0] == "United States"
    assert lexicon.is_place_name("Kremlin") and not lexicon.names_a_country("Kremlin")
    assert lexicon.places("Vatican") == []  # the Vatican City is a city of its own
    assert lexicon.places("strand") == [] and lexicon.places("Strand")  # a site is a name
    assert lexicon.is_capital("Moscow") and not lexicon.is_capital("Kremlin")


def test_the_generator_reads_other_names_of_a_country_from_wordnet(tmp_path):
    """A country synset's other names ("Britain") name its country; a state of another
    country sharing a name is no country, and abbreviations are left out."""
    generator = load_generator()
    noun = (
        "  1 This software and database is being provided to you\n"
        "08544813 15 n 01 country 0 000 | a country\n"
        "00000010 15 n 03 Varnia 0 Old_Varnia 0 VR 0 001 @i 08544813 n 0000 | a country\n"
        "00000020 15 n 02 Varnia 0 Peach_State 0 001 @i 00000030 n 0000 | a state\n"
        "00000030 15 n 01 state 0 000 | a state of a country\n"
    )
    (tmp_path / "data.noun").write_text(noun)
    found = generator.wordnet_country_names(generator.read_named_nouns(tmp_path),
                                            {"varnia": "Varnia"})  # fmt: skip
    assert found == {"varnia": "Varnia", "old varnia": "Varnia"}


def test_a_country_has_its_other_names(lexicon):
    assert lexicon.places("Britain")[0][0] == "United Kingdom"
    assert lexicon.places("America")[0][0] == "United States"


def test_a_unit_of_money_or_measure_is_known_in_its_plurals():
    lexicon = shipped_lexicon()
    assert all(map(lexicon.is_unit, ["tenge", "pesos", "dinars", "miles"]))
    assert not any(map(lexicon.is_unit, ["rounds", "people", "talks"]))


def test_the_generator_reads_what_a_noun_is_a_kind_of(tmp_path):
    """Hypernyms and instance hypernyms, numbered; a noun keeps only its likely senses."""
    generator = load_generator()
    noun = (
        "  1 This software and database is being provided to you\n"
        "00000010 04 n 01 sport 0 000 | an active diversion\n"
        "00000020 04 n 01 court_game 0 001 @ 00000010 n 0000 | a game on a court\n"
        "00000030 04 n 01 netball 0 001 @ 00000020 n 0000 | a court game\n"
        "00000040 15 n 01 Varna 0 001 @i 00000050 n 0000 | a city\n"
        "00000050 15 n 01 city 0 000 | a large town\n"
    )
    (tmp_path / "data.noun").write_text(noun)
    probability = {"netball": {("n", 30): 1.0}, "sport": {("n", 10): 0.95, ("v", 7): 0.05},
                   "varna": {("n", 40): 1.0}, "court_game": {("n", 20): 1.0}}  # fmt: skip
    senses, parents = generator.kinds_tables(tmp_path, probability)
    assert senses == {"netball": [2], "sport": [0], "varna": [3]}  # no multi-word lemma
    assert parents == [[], [0], [1], [4], []]


def test_a_noun_is_a_kind_of_its_hypernyms_however_far_up():
    lexicon = Lexicon(LexiconData(related={}, irregular={}, places={},
                                  kind_senses={"netball": [2], "sport": [0], "game": [1],
                                               "varna": [3], "city": [4]},
                                  kind_parents=[[], [0], [1], [4], []]))  # fmt: skip
    assert lexicon.is_kind_of("netball", "sport") and lexicon.is_kind_of("Netball", "sports")
    assert lexicon.is_kind_of("Varna", "city")  # an instance
    assert not lexicon.is_kind_of("sport", "netball") and not lexicon.is_kind_of("sport", "sport")
    assert not lexicon.is_kind_of("netball", "unknown") and not lexicon.is_kind_of("glorp", "sport")


def test_the_shipped_lexicon_knows_kinds(lexicon):
    assert lexicon.is_kind_of("basketball", "sport") and lexicon.is_kind_of("blue", "color")
    assert not lexicon.is_kind_of("talks", "sport")


def test_the_generator_keeps_phrasal_verbs_as_asked_words():
    """A verb of two words links to single words; a noun of two words is left out, and
    nothing links to a phrase."""
    generator = load_generator()
    synsets = {
        ("v", 1): generator.Synset(("pull_out", "withdraw"), ()),
        ("n", 2): generator.Synset(("news_agency", "agency"), ()),
    }
    probability = {"pull_out": {("v", 1): 1.0}, "withdraw": {("v", 1): 1.0},
                   "news_agency": {("n", 2): 1.0}, "agency": {("n", 2): 1.0}}  # fmt: skip
    related = generator.related_words(synsets, probability)
    assert set(related) == {"pull_out"}  # "withdraw" links to no phrase
    assert ("withdraw", "v") in related["pull_out"]


def test_the_generator_links_a_verb_to_what_it_causes_and_its_nouns():
    """kill causes die; "die" is derivationally related to "death": both are kill's."""
    generator = load_generator()
    synsets = {
        ("v", 1): generator.Synset(("kill",), ((">", ("v", 2), 0, 0),)),
        ("v", 2): generator.Synset(("die",), (("+", ("n", 3), 1, 1),)),
        ("n", 3): generator.Synset(("death",), ()),
    }
    probability = {"kill": {("v", 1): 1.0}, "die": {("v", 2): 1.0}, "death": {("n", 3): 1.0}}
    related = generator.related_words(synsets, probability)
    assert related["kill"][("die", "v")][2] == related["kill"][("death", "v")][2] == "c"


def test_a_place_word_is_one_word_wordnet_files_under_places(lexicon):
    assert lexicon.is_place_word("Geneva") and lexicon.is_place_word("Astana")
    assert lexicon.is_place_word("Istanbul-based")  # the lower-case rest is left out
    assert not lexicon.is_place_word("delegation") and not lexicon.is_place_word("Ivo")
    assert not lexicon.is_place_word("New Geneva")  # one word only
