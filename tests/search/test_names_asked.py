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
    ],
)
def test_dates_common_words_and_titles_are_no_names(question):
    assert read(question) == ()


def test_a_title_before_a_name_does_not_mention_it():
    assert read("Who met President Tokayev?") == (AskedName("President Tokayev", ("tokayev",)),)


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


def test_a_title_or_common_word_written_in_a_name_does_not_mention_it():
    # "President Kennedy" is not mentioned by "president"
    (kennedy,) = read("What did President Kennedy say about the rising?")
    assert kennedy.terms == ("kennedy",)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # names parted by a comma or a dash are two
        ("How many died in Paris, Scotland?", ["Paris", "Scotland"]),
        ("How many died in Paris–Scotland?", ["Paris", "Scotland"]),
        ("How many died in 'Scotland'?", ["Scotland"]),  # in quotation marks
        ("Did TUSAS build it, and did TUSAS survive?", ["TUSAS"]),  # once
        ("What did the Scotland-based tower cost?", ["Scotland"]),  # quoted as a name
    ],
)
def test_names_are_parted_by_punctuation_and_read_once(question, names):
    assert [n.text for n in read(question)] == names


def test_a_plural_possessive_owns_a_party_too():
    assert read("Who was the Philippines' envoy?") == ()


def test_a_common_word_in_a_name_mentions_it():
    (celtics,) = read("When did the Boston Celtics win?")
    assert celtics == AskedName("Boston Celtics", ("boston", "celtics"))


def test_a_repeated_name_of_two_words_is_read_once():
    assert [n.text for n in read("Who governs San Diego and who founded San Diego?")] == [
        "San Diego"
    ]


def test_a_name_is_quoted_without_a_lower_case_ending():
    question = "Did Kassym-Jomart visit the Scotland-based tower?"
    assert [n.text for n in read(question)] == ["Kassym-Jomart", "Scotland"]
