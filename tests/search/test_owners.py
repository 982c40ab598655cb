"""Reading whose the thing a question asks about is (`owners.py`)."""

from __future__ import annotations

import pytest

from astana_qa.search.owners import asked_phrase, claimed_by_others, named_object, object_phrase
from astana_qa.text.entities import Token, tokens


def owner_words(words: list[Token], focus: str | None = None) -> tuple[str, ...]:
    """The owners `asked_phrase` reads."""
    return asked_phrase(words, focus)[0]


@pytest.mark.parametrize(
    ("question", "owners"),
    [
        ("Who was Moscow's envoy?", ("Moscow",)),  # a possessor
        ("Who was Moscow’s envoy at the talks?", ("Moscow",)),  # a curly apostrophe
        ("Who led the Iranian delegation?", ("Iranian",)),  # an adjective before the head
        # the word nearest the head says whose: the regime's, which is Syrian
        ("Who headed the Syrian regime delegation?", ("regime",)),
        ("Who was the chief envoy of the Assad administration?", ("Assad administration",)),
        ("Which Damascus diplomat led the talks?", ("Damascus",)),  # the focus
        # a phrase after a preposition is not what is asked about
        ("Who fronted the Turkish team at the Varna session in June?", ("Turkish",)),
        ("Who spoke for Moscow at the Varna meeting?", ()),
        ("Who defeated Germany in the final?", ()),  # an object names no owner
        ("Who was the president of the United States?", ("United States",)),
        # a name of several words owns as a whole, its office left out
        ("Who was the Islamic Republic's envoy?", ("Islamic Republic",)),
        ("Who was the Islamic Republic delegate at the talks?", ("Islamic Republic",)),
        ("Who was President Ivo Petrov's envoy?", ("Ivo Petrov",)),
    ],
)
def test_owner_words(question, owners):
    assert owner_words(tokens(question)) == owners


def test_a_group_against_someone_is_not_theirs():
    assert owner_words(tokens("Who led the anti-Assad rebels?")) == ()
    assert owner_words(tokens("Who led the non-aligned states?")) == ()


@pytest.mark.parametrize(
    ("question", "verb", "particle", "phrase"),
    [
        ("Who spoke for the Syrian opposition?", "spoke", "for", (["Syrian"], "opposition")),
        ("Who led the Iranian delegation?", "led", None, (["Iranian"], "delegation")),
        ("Who led Ankara's team?", "led", None, None),  # a possessive's: `asked_phrase`
        ("Who represented the Islamic Republic?", "represented", None, None),  # a name
        ("Who spoke about the Syrian opposition?", "spoke", "for", None),  # no "for"
        ("Who led the delegation?", "led", None, None),  # a bare noun
    ],
)
def test_the_noun_phrase_a_verb_takes(question, verb, particle, phrase):
    assert object_phrase(tokens(question), verb, particle) == phrase


def test_a_month_before_the_head_is_no_owner():
    assert owner_words(tokens("Who chaired the January session?")) == ()


def test_a_phrase_holding_the_focus_noun_ends_at_it():
    # a key-word search runs its nouns together: the delegate is Iran's, not January's
    words = tokens("iran delegate january talks")
    assert owner_words(words, "delegate") == ("iran",)
    assert owner_words(tokens("Which Iran delegate attended?"), "delegate") == ("Iran",)


def test_the_asked_phrase_gives_its_owners_and_the_noun_they_own():
    assert asked_phrase(tokens("Who led the Iranian delegation?")) == (("Iranian",), "delegation")
    assert asked_phrase(tokens("Who led the delegation?")) == ((), None)  # no owner


def test_a_compound_saying_what_kind_the_thing_is_is_no_owner():
    assert owner_words(tokens("Who provided Spanish-language commentary?")) == ()


def test_a_passage_writes_the_owned_noun_as_another_partys_after_a_name():
    text = "The Varnian regime delegation met Ivo Petrov, and the Iranian delegation Omar Said."
    words = tokens(text)
    own = {"Varnian": "varnian", "regime": "regim", "delegation": "deleg", "Iranian": "=iran"}
    terms = [(w.start, w.end, own.get(w.text, w.text.lower())) for w in words]
    claimed = claimed_by_others(words, terms, "deleg", frozenset({"=iran"}))
    assert claimed == [text.index("delegation")]  # the first only: the second is Iran's


def test_a_key_word_search_chains_owners_through_the_nouns_before_the_role():
    # "iran delegation head": the head of Iran's delegation; the delegation is what a
    # passage may write as another party's
    words = tokens("iran delegation head")
    assert asked_phrase(words, "head") == (("iran", "delegation"), "delegation")
    # a question is no search: "the Syrian regime delegation" is the regime's
    assert owner_words(tokens("Who headed the Syrian regime delegation?")) == ("regime",)


@pytest.mark.parametrize(
    ("question", "verb", "name"),
    [
        ("Who represented Iran at the talks?", "represented", "Iran"),
        ("Who represented the Islamic Republic?", "represented", "Islamic Republic"),
        # a noun phrase is what the verb takes: the delegation, not a name
        ("Who headed the Syrian regime delegation?", "headed", None),
        ("Who spoke at the talks?", "spoke", None),  # no object
    ],
)
def test_the_name_that_is_a_verbs_whole_object(question, verb, name):
    assert named_object(tokens(question), verb) == name


def test_another_word_of_the_owned_nouns_kind_is_another_partys_too():
    text = "The Varnian regime delegation met Ivo Petrov, and the Iranian team Omar Said."
    words = tokens(text)
    own = {"Varnian": "varnian", "regime": "regim", "delegation": "deleg", "Iranian": "=iran"}
    terms = [(w.start, w.end, own.get(w.text, w.text.lower())) for w in words]
    # asked about Iran's team: the regime's delegation is another party's group
    assert claimed_by_others(words, terms, "team", frozenset({"=iran"})) == []
    groups = {"delegation", "team", "regime"}.__contains__
    claimed = claimed_by_others(words, terms, "team", frozenset({"=iran"}), groups)
    assert text.index("delegation") in claimed and text.index("team") not in claimed
