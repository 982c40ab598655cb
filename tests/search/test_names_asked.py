import pytest

from astana_qa.search.names_asked import AskedName, names_asked
from astana_qa.text.entities import tokens


def read(question: str, typed: str | None = None) -> tuple[AskedName, ...]:
    """The names of `question`, each capitalised word matched to its lower-case term."""
    words = [w.text for w in tokens(question)[1:] if w.text[:1].isupper()]
    matched = [(w, [w.lower().removesuffix("'s")]) for w in words]
    return names_asked(matched, question, typed or question, tokens(question))


def test_a_place_and_a_person_are_names():
    assert [n.text for n in read("How many did the plague kill in Scotland?")] == ["Scotland"]
    assert [n.text for n in read("When did Newton publish his book?")] == ["Newton"]


def test_words_written_together_are_one_name_mentioned_by_any_of_them():
    (name,) = read("Who fired the clerk in San Diego?")
    assert name == AskedName("San Diego", ("san", "diego"))


@pytest.mark.parametrize(
    "question",
    [
        "What happened in January?",  # a month: an article's date may state it
        "Who spoke on Wednesday?",
        "Which TV network showed the game?",  # common words written with a capital
        "What is the basic pay in Euros?",
        "What did the Jewish people do?",
        "Who met President Tokayev?",  # the title is no name; Tokayev is
    ],
)
def test_dates_common_words_and_titles_are_no_names(question):
    assert all(n.text not in {"January", "Wednesday", "TV", "Euros", "Jewish", "President"}
               for n in read(question))  # fmt: skip


@pytest.mark.parametrize(
    "question",
    [
        "Who led the Assad government at the talks?",
        "Who was Moscow's envoy at the talks?",
        "Who sat on the San Diego council?",  # the tagger reads "council" as a name
    ],
)
def test_a_name_saying_whose_party_or_person_is_left_out(question):
    # an article may name the party otherwise: "the regime", "Russia's special envoy"
    assert read(question) == ()


def test_a_name_owning_a_thing_is_still_a_name():
    assert [n.text for n in read("How many died in the attack on the TUSAS building?")] == ["TUSAS"]


def test_capitals_restored_to_a_lower_case_question_count_only_for_names():
    typed = "the harvard motto and center"
    written = "the Harvard motto and Center"
    assert [n.text for n in read(written, typed)] == ["Harvard"]
