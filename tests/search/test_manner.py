"""The manner or means that answers "How did X do Y?" (`search/manner.py`)."""

from __future__ import annotations

import pytest

from astana_qa.search.manner import asks_how, asks_response, how_answer, manner_phrase
from astana_qa.search.slots import Slot, question_slot
from astana_qa.settings import AnalysisSettings
from astana_qa.text.analysis import Analyzer
from astana_qa.text.entities import tokens

words = Analyzer(AnalysisSettings()).term_spans


def _manner(question: str, sentence: str) -> str | None:
    slot = question_slot(tokens(question))
    assert slot is not None and slot.how
    verb_term = words(slot.verb)[0][2]
    question_terms = dict.fromkeys((term for *_, term in words(question)), 1.0)
    found = manner_phrase(sentence, (slot, verb_term), question_terms, words)
    return sentence[found[0] : found[1]] if found else None


@pytest.mark.parametrize(
    ("question", "sentence", "manner"),
    [
        # the means after "by", without the word
        ("How was scarcity addressed?", "Scarcity was addressed by rationing (as in many "
         "countries).", "rationing"),
        # a manner adverb after the verb, or after its object
        ("How are the packets routed?", "The packets are routed individually, sometimes "
         "arriving out of order.", "individually"),
        ("How did the firm pay its staff?", "The firm paid its staff generously.",
         "generously"),
        # "with" and "according to" stay: what follows them alone does not say how
        ("How is the mode implemented?", "The mode may be implemented with or without "
         "forwarding nodes.", "with or without forwarding nodes"),
        ("How are they delivered?", "The packets may be delivered according to a "
         "multiple access scheme.", "according to a multiple access scheme"),
        # an adverb before a phrase of means is the phrase's
        ("How can the protein kill cells?", "The protein can kill cells directly by "
         "disrupting their membrane.", "disrupting their membrane"),
        # the phrase ends with its clause
        ("How is the bond described?", "It is simply described as a covalent bond that "
         "results from shared electrons.", "a covalent bond"),
        # nothing after the verb: a manner adverb before it
        ("How are the two atoms bonded?", "The two atoms are chemically bonded.",
         "chemically"),
        # the verb's own preposition in the question opens its object, not a manner
        ("How did the envoy negotiate with the rebels?", "The envoy negotiated with the "
         "rebels through intermediaries.", "intermediaries"),
        ("How did the envoy negotiate with the rebels?", "The envoy negotiated with the "
         "combatants.", None),
        # no manner beside the verb, or the verb not written: the sentence answers
        ("How did the round end?", "The round ended in Astana on Tuesday.", None),
        ("How was the money raised?", "Sponsors gave the committee money.", None),
    ],
)  # fmt: skip
def test_the_manner_beside_the_question_s_verb(question, sentence, manner):
    assert _manner(question, sentence) == manner


def test_of_two_places_of_the_verb_the_one_after_the_question_s_subject_is_read():
    sentence = (
        "Circuit switching is characterized by a fee per unit of time, while packet "
        "switching may be characterized by a fee per unit of information."
    )
    assert _manner("How is packet switching characterized?", sentence) == (
        "a fee per unit of information"
    )
    assert _manner("How is circuit switching characterized?", sentence) == (
        "a fee per unit of time"
    )


def test_only_the_question_s_words_are_no_manner():
    assert _manner("How is the rate described?", "The rate is described as the rate.") is None


def test_how_with_an_auxiliary_asks_for_a_manner_and_how_many_does_not():
    slot = question_slot(tokens("In dioxygen, how are the two atoms bonded together?"))
    assert slot == Slot("bonded", subject=False, passive=True, how=True, doer="the two atoms")
    assert asks_how((slot, "bond"))
    assert question_slot(tokens("How many rounds were held?")) is None
    assert question_slot(tokens("How old is the treaty?")) is None
    assert not asks_how(None)


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        # what the doer did, for "react" and its synonyms
        ("How did the Russian government react to the round?", "Despite reservations, the "
         "Russian government welcomed the effort.", "welcomed the effort"),
        ("How did the king respond to the plans?", "In response, the king dispatched six "
         "regiments to the colony.", "dispatched six regiments"),
        # the doer not named as a subject, or its predicate the verb itself: a manner
        ("How did the markets react?", "Prices reacted sharply to the news.", "sharply"),
        ("How did the traders react?", "The traders reacted sharply to the news.",
         "sharply"),
    ],
)  # fmt: skip
def test_a_verb_of_response_asks_what_the_doer_did(question, sentence, answer):
    slot = question_slot(tokens(question))
    assert slot is not None and slot.how
    question_terms = dict.fromkeys((term for *_, term in words(question)), 1.0)
    found = how_answer(sentence, (slot, words(slot.verb)[0][2]), question_terms, words)
    assert (sentence[found[0] : found[1]] if found else None) == answer


def test_react_and_its_synonyms_ask_for_a_response_and_reply_does_not():
    assert asks_response("reacted") and asks_response("respond")
    assert not asks_response("reply") and not asks_response("handle")


def test_a_means_phrase_goes_on_through_a_verb_s_that_clause_and_a_list_of_names():
    question = "How did the negotiator respond?"
    sentence = (
        "The negotiator had responded by suggesting that Varnia, Sylvania and Lumeria "
        "could take turns hosting the meetings, although no one agreed."
    )
    assert _manner(question, sentence) == (
        "suggesting that Varnia, Sylvania and Lumeria could take turns hosting the meetings"
    )


@pytest.mark.parametrize(
    ("question", "sentence", "manner"),
    [
        # "as" before a clause says when, not how
        ("How are the packets routed?", "The packets are routed as soon as they arrive.",
         None),
        # an adverb of time or report is no manner
        ("How were the rebels defeated?", "The rebels were eventually defeated in 1990.",
         None),
        # a comma before a name ends the phrase unless a list goes on
        ("How was scarcity addressed?", "Scarcity was addressed by rationing, Churchill "
         "said in his memoir.", "rationing"),
        # "and" ends it before a verb only
        ("How was the vote held?", "The vote was held using paper ballots and was "
         "monitored by observers.", "paper ballots"),
        ("How was the vote held?", "The vote was held using paper and ink ballots.",
         "paper and ink ballots"),
        ("How was the mixture separated?", "The mixture was separated by heating and "
         "cooling it.", "heating and cooling it"),
        # "as" before a noun, adjective or "-ing" phrase is a means, before a clause not
        ("How is the gas described?", "The gas is described as highly reactive.",
         "highly reactive"),
        ("How is the bond described?", "The bond is described as a link formed by shared "
         "electrons.", "a link formed by shared electrons"),
        ("How did the talks end?", "The talks ended as Varnia withdrew its delegation.",
         None),
        # a list of names, whatever their letters
        ("How did the negotiator respond?", "The negotiator had responded by suggesting "
         "that Varnia, Österreich and Lumeria could take turns, although no one agreed.",
         "suggesting that Varnia, Österreich and Lumeria could take turns"),
    ],
)  # fmt: skip
def test_what_is_no_manner(question, sentence, manner):
    assert _manner(question, sentence) == manner
