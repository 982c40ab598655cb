import pytest

from astana_qa.text.features import (
    asks_about_another_of_a_series,
    numbered_names,
    spelt_number,
)

STOPWORDS = frozenset({"the", "then", "during"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Super Bowl 50 MVP", {("super bowl", 50)}),
        ("Harvey Martin, co-MVP of Super Bowl XII, died in 2001.", {("super bowl", 12)}),
        ("MVP of Super Bowls I and II", {("super bowl", 1), ("super bowl", 2)}),  # a list
        ("Super Bowl 50's halftime show", {("super bowl", 50)}),  # a possessive
        ("The Super Bowl 50-winning Broncos", {("super bowl", 50)}),  # a compound
        ("Expo-2017 drew more than Expo 2005", {("expo", 2017), ("expo", 2005)}),
        ("Apollo 13 flew in April 1970.", {("apollo", 13)}),  # a month's year is a date
        ("World War I and World War II", {("world war", 1), ("world war", 2)}),
        ("Rose Bowl 2016", {("rose bowl", 2016)}),  # another name than the Super Bowl
        ("It cost 1,000 dollars or 3.5 percent.", set()),
        ("the UN 2254 text", set()),  # a word in capitals only is no name to number
        ("Then I went. During the War I lost two brothers.", set()),  # "I" is no numeral
        ("Group C and Hepatitis C", set()),  # nor is a single letter
        ("the Great Patriotic War 1941–1945, Super Bowl II–IV", set()),  # ranges
        ("Super Bowl 50, 24–10", {("super bowl", 50)}),  # a score is no second number
        ("The 2012 season", set()),
        ("Mill XIIII", set()),  # not a Roman numeral
    ],
)
def test_numbered_names_are_read_with_their_numbers(text, found):
    assert numbered_names(text, STOPWORDS) == found


def test_a_question_may_ask_about_a_neighbour_in_a_series():
    assert asks_about_another_of_a_series("Who commanded the mission after Apollo 11?")
    assert asks_about_another_of_a_series("Which Super Bowl was held there prior to Super Bowl 50?")
    assert not asks_about_another_of_a_series("Who was the Super Bowl 50 MVP?")


def test_small_numbers_and_ranks_are_spelt_as_news_style_writes_them():
    assert spelt_number("2") == "two" and spelt_number("6th") == "sixth"
    assert spelt_number("12") is None and spelt_number("two") is None
