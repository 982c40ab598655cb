import pytest

from astana_qa.text.features import numbered_names, spelt_number


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Super Bowl 50 MVP", {("bowl", 50)}),
        ("Harvey Martin, co-MVP of Super Bowl XII, died in 2001.", {("bowl", 12)}),
        ("Super Bowl L and Super Bowl XLVIII", {("bowl", 50), ("bowl", 48)}),  # Roman numerals
        ("Apollo 13 flew in April 1970.", {("apollo", 13)}),  # a month's year is a date
        ("It cost 1,000 dollars or 3.5 percent.", set()),
        ("the UN 2254 text", set()),  # a word in capitals only is no name to number
        ("Mill XIIII", set()),  # not a Roman numeral
    ],
)
def test_numbered_names_are_read_with_their_numbers(text, found):
    assert numbered_names(text) == found


def test_small_numbers_and_ranks_are_spelt_as_news_style_writes_them():
    assert spelt_number("2") == "two" and spelt_number("6th") == "sixth"
    assert spelt_number("12") is None and spelt_number("two") is None
