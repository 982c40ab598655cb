"""The clause of reason that answers "why"."""

import re

import pytest

from astana_qa.search.reasons import asks_why, claimed_words, reason_clause


def words(text: str) -> list[tuple[int, int, str]]:
    """A plain analyser: every word lower-cased is its term."""
    return [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\w+", text)]


@pytest.mark.parametrize(
    ("text", "question_terms", "clause"),
    [
        ("The talks failed because the sides disagreed.", {"talks", "fail"},
         "the sides disagreed"),
        ("He ended the talks, saying the goal was reached “considering the return.”",
         {"goal", "was", "reached", "the"}, "the return"),  # the first only repeats
        ("Talks have been held since 2017.", {"talks"}, None),  # a time, not a reason
        # a word of reason before one of a reported reason, wherever each stands
        ("The committee, which is considering a new law, postponed the vote because two "
         "members were ill.", {"committee", "postponed", "vote"}, "two members were ill"),
        ("Citing a report, the minister said the dam was closed because of a leak.",
         {"dam", "closed"}, "a leak"),
        ("The talks were long.", {"talks"}, None),
    ],
)  # fmt: skip
def test_the_clause_after_a_word_of_reason(text, question_terms, clause):
    found = reason_clause(text, dict.fromkeys(question_terms, 1.0), words)
    assert (text[found[0] : found[1]] if found else None) == clause


def test_why_is_asked_by_the_question_word_or_a_noun_of_reasons():
    assert asks_why("Why did they leave?", None)
    assert asks_why("What rationale did they give?", "rationale")
    assert not asks_why("What did they give?", "thing")


_SAID = ("The minister called for an end to the talks, saying their goal had been achieved "
         "considering the return of the refugees.")  # fmt: skip


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        # what was said restates the question's claim ("goal" for "purpose"): the reason
        # given for it answers
        ("Why did the minister say the talks had served their purpose?",
         "the return of the refugees"),
        # what was said is something else than the claim: it is the reason
        ("Why did the minister argue the talks should end?", "their goal had been achieved"),
        # not a question about a saying: the first reason, as before
        ("Why did the minister want the talks to end?", "their goal had been achieved"),
    ],
)  # fmt: skip
def test_what_was_said_does_not_answer_why_it_was_said(question, clause):
    found = reason_clause(_SAID, {}, words, claimed_words(question))
    assert found is not None and _SAID[found[0] : found[1]] == clause


@pytest.mark.parametrize(
    ("said", "question", "clause"),
    [
        # a restatement told by base forms ("goals … met" for "purpose")
        ("The minister called for an end to the talks, saying their goals had been met "
         "considering the return of the refugees.",
         "Why did the minister say the talks had served their purpose?",
         "the return of the refugees"),
        # the claim's subject said again restates nothing
        ("The minister called for an end to the talks, saying the talks had failed to "
         "bring peace, considering the return of the refugees.",
         "Why did the minister argue the talks should end?",
         "the talks had failed to bring peace"),
    ],
)  # fmt: skip
def test_a_restated_claim_is_told_by_what_it_says_of_its_subject(said, question, clause):
    found = reason_clause(said, {}, words, claimed_words(question))
    assert found is not None and said[found[0] : found[1]] == clause


def test_the_claim_s_words_are_read_as_the_question_uses_them():
    claimed = claimed_words("Why did he argue the talks should end?")
    assert "end" in claimed and "goal" not in claimed  # the verb "end", not the noun
    assert "had" not in claimed_words("Why did he say the talks had ended?")
    assert claimed_words("Why did the talks end?") == frozenset()
    assert "say" not in claimed_words("Why did he say the talks had served their purpose?")
