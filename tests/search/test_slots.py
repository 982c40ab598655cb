"""Where the answer stands beside the question's verb (`search/slots.py`)."""

from __future__ import annotations

from astana_qa.search.slots import Slot, question_slot, slot_positions
from astana_qa.text.entities import tokens


def _slot(question: str) -> Slot | None:
    return question_slot(tokens(question))


def test_a_wh_word_before_the_verb_asks_for_its_subject():
    slot = _slot("What caused the fire?")
    assert slot == Slot("caused", subject=True, passive=False)
    passive = _slot("Which city was named after the general?")
    assert passive is not None and passive.subject and passive.passive


def test_a_wh_word_before_an_auxiliary_and_a_subject_asks_for_the_object():
    slot = _slot("What will the gathering culminate in?")
    assert slot == Slot("culminate", subject=False, passive=False, prepositions=("in",))
    # the tagger reads "focus" as a noun here: the last word that can be a verb is taken
    focus = _slot("What did the previous round of talks focus on?")
    assert focus is not None and focus.verb == "focus" and focus.prepositions == ("on",)


def test_a_preposition_with_its_object_in_the_question_is_not_left_for_the_answer():
    slot = _slot("What did the ministers discuss in Geneva?")
    assert slot is not None and slot.verb == "discuss" and slot.prepositions == ()


def test_questions_without_a_main_verb_or_wh_word_first_have_no_slot():
    assert _slot("What is the capital of France?") is None
    assert _slot("In which city did the talks open?") is None


def _positions(question: str, sentence: str, verb: str) -> tuple[set[str], set[str]]:
    slot = _slot(question)
    assert slot is not None
    words = tokens(sentence)
    verbs = [i for i, w in enumerate(words) if w.text == verb]
    starts, ends = slot_positions(slot, words, verbs)
    return {words[i].text for i in starts}, {words[i].text for i in ends}


def test_the_object_follows_the_verb_and_the_question_s_preposition():
    starts, ends = _positions(
        "What did the round focus on?", "The round focused mainly on prisoner releases.", "focused"
    )
    assert "prisoner" in starts and not ends
    starts, _ = _positions(
        "What did the round focus on?", "The round focused attention on Geneva.", "focused"
    )
    assert "attention" not in starts  # the question's "on" must stand between


def test_the_object_may_start_after_the_words_describing_it():
    starts, _ = _positions(
        "What did the visits encourage?",
        "The visits encouraged the growing anti-communist fervor there.",
        "encouraged",
    )
    assert {"the", "growing", "anti-communist"} <= starts


def test_the_subject_precedes_the_verb_and_its_auxiliaries():
    _, ends = _positions("What caused the fire?", "A faulty cable had caused the fire.", "caused")
    assert ends == {"cable"}


def test_a_passive_sentence_answers_an_active_question_after_by():
    starts, ends = _positions(
        "What caused the fire?", "The fire was caused by a faulty cable.", "caused"
    )
    assert "faulty" in starts or "a" in starts
    assert not ends
    _, ends = _positions(
        "What did the storm destroy?", "The old bridge was destroyed by the storm.", "destroyed"
    )
    assert ends == {"bridge"}


def test_a_passive_s_agent_may_follow_the_verb_s_other_phrases():
    """ "by" after "named after the god of light, music, and the sun": the agent comes
    last in its clause; another verb or clause before "by" ends the search."""
    starts, _ = _positions(
        "Who named the program?",
        "The program was named after the god of light, music, and the sun by manager Abe "
        "Silverstein.",
        "named",
    )
    assert "manager" in starts
    starts, _ = _positions(
        "Who founded the club?",
        "The club was founded in 1990 and was later bought by a bank.",
        "founded",
    )
    assert not starts  # the bank bought the club; "by" is another verb's
    starts, _ = _positions(
        "Who named the program?",
        "The program was named after a god, which was chosen by the staff.",
        "named",
    )
    assert not starts


def test_where_wants_the_place_a_preposition_introduces_after_the_verb():
    slot = _slot("Where was the fair held?")
    assert slot is not None and slot.where and slot.verb == "held"
    assert _slot("Where is the old harbour?") is None  # no verb to stand beside
    starts, _ = _positions(
        "Where was the fair held?", "The fair was held last spring at the Old Harbour.", "held"
    )
    assert "Old" in starts or "the" in starts
    starts, _ = _positions(
        "Where was the fair held?", "The fair was held, its organisers said, in May.", "held"
    )
    assert not starts  # a clause break before any preposition of place


def test_when_wants_the_time_a_preposition_introduces_later_in_the_verb_s_clause():
    slot = _slot("When was the singer born?")
    assert slot is not None and slot.when and not slot.where and slot.verb == "born"
    starts, _ = _positions(
        "When was the singer born?",
        "The two singers were born slightly more than two months apart in 1976.",
        "born",
    )
    assert "1976" in starts and "two" not in starts
    starts, _ = _positions(
        "When was the singer born?", "The singer was born, her mother said, in 1976.", "born"
    )
    assert not starts  # a clause break before any preposition of time


def test_what_year_and_in_which_day_ask_when():
    for question, verb in [("What year did the old king die?", "die"),
                           ("In what year was the college founded?", "founded"),
                           ("On which day did the talks open?", "open")]:  # fmt: skip
        slot = _slot(question)
        assert slot is not None and slot.when and slot.verb == verb
    assert _slot("What year is it?") is None  # no verb but "be"


def test_a_verb_the_tagger_reads_as_a_noun_is_still_the_question_s_verb():
    slot = _slot("What did the guarantors reject regarding oil?")
    assert slot is not None and slot.verb == "reject"  # not "regarding"
    # a participle modifying the focus noun is no verb, and the copula leaves none
    assert _slot("Which confidence-building measures are on the agenda?") is None
    # a main verb followed by a name or a noun is still the verb
    assert _slot("Who founded Apple?") == Slot("founded", subject=True, passive=False)
    assert _slot("What caused Brexit?") == Slot("caused", subject=True, passive=False)
    # a noun at the end after "of" is no verb: "state" in "the head of state"
    assert _slot("Who is the head of state?") is None


def test_an_irregular_participle_after_be_is_the_passive():
    starts, ends = _positions(
        "Who held the talks?", "The talks were held by Kazakhstan in May.", "held"
    )
    assert "Kazakhstan" in starts and not ends


def test_the_object_of_a_relative_clause_is_the_noun_before_which():
    _, ends = _positions(
        "Which agreements has Russia violated?",
        "The countries reached truce agreements, which Russia has violated twice.",
        "violated",
    )
    assert "agreements" in ends


def test_how_with_an_auxiliary_asks_for_a_manner_unless_another_question_word_comes_first():
    slot = _slot("How are the packets routed?")
    assert slot is not None and slot.how and slot.verb == "routed" and slot.passive
    assert _slot("Why and how did the talks end?") is None
    clause = _slot("When the war ended, how did the army retreat?")  # a clause first
    assert clause is not None and clause.how and clause.verb == "retreat"
    weekday = _slot("On what weekday did the talks open?")
    assert weekday is not None and weekday.when and weekday.verb == "open"
    assert _slot("How many rounds were held?") is None
