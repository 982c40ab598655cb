from datetime import date

import pytest

from astana_qa.text.dates import calendar_start, date_stamp_length, find_dates, names_a_day
from astana_qa.text.sentences import split_sentences

REFERENCE = date(2024, 10, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "set to take place on January 24-25 in the capital",
            [("January 24-25", "2024-01-24/2024-01-25")],
        ),
        ("on Nov. 11-12, according to", [("Nov. 11-12", "2024-11-11/2024-11-12")]),
        ("announced on Wednesday, October 9, that", [("Wednesday, October 9", "2024-10-09")]),
        ("in the first half of 2025.", [("first half of 2025", "2025-01/2025-06")]),
        # parts of a year and seasons (a winter by its January's year)
        ("since the end of 2022", [("the end of 2022", "2022-10/2022-12")]),
        (
            "by mid-2024 and early 2023",
            [("mid-2024", "2024-05/2024-08"), ("early 2023", "2023-01/2023-04")],
        ),
        ("the winter 2024 session", [("winter 2024", "2023-12/2024-02")]),
        ("in the autumn of 2024", [("autumn of 2024", "2024-09/2024-11")]),
        ("in the winter of 2023-24", [("winter of 2023-24", "2023-12/2024-02")]),
        ("in the winter 2023 - 40 died", [("2023", "2023")]),  # no second year
        ("on 24 January 2023 in", [("24 January 2023", "2023-01-24")]),
        ("held on January 25 of last year", [("January 25 of last year", "2023-01-25")]),
        ("talks began yesterday", [("yesterday", "2024-10-09")]),
        ("initiated in 2017 to find", [("2017", "2017")]),
        ("• 2024/10/10", [("2024/10/10", "2024-10-10")]),
        ("cost 2,017 euros or 2017.5 tonnes", []),
        ("on February 30", []),
    ],
)
def test_dates_are_found_and_normalised(text, expected):
    assert [(d.text, d.iso) for d in find_dates(text, REFERENCE)] == expected


def test_offsets_point_at_the_date():
    text = "It met on Nov. 11-12 in Astana."
    (found,) = find_dates(text)
    assert text[found.start : found.end] == found.text


def test_without_an_article_date_relative_dates_are_left_out_and_years_unknown():
    found = find_dates("It met on Nov. 11-12, and last year too.")
    assert [d.iso for d in found] == ["--11-11/--11-12"]


def test_a_date_stamp_before_the_first_sentence_is_not_part_of_it():
    text = " date 2024-01-24 The delegations met in the capital for two days of talks.\n"
    assert date_stamp_length(text) == len(" date 2024-01-24 ")
    (first,) = split_sentences(text, min_line_words=6)
    assert text[first.start : first.end].startswith("The delegations")


@pytest.mark.parametrize(
    ("line", "dateline"),
    [("LONDON, March 3 (Reuters) - The bank held rates.", "LONDON, March 3 (Reuters) - "),
     ("NEW YORK, Jan. 5 - Stocks rose.", "NEW YORK, Jan. 5 - "),
     ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) — "),
     ("KYIV, Ukraine (AP) — Russia fired.", "KYIV, Ukraine (AP) — "),
     ("SURABAYA, Indonesia, May 2 -LRB- Xinhua -RRB- -- The experts met.",
      "SURABAYA, Indonesia, May 2 -LRB- Xinhua -RRB- -- "),
     # no day and no service, or no place in capitals: the story's own words
     ("NATO - The alliance said no.", ""), ("KYIV — Russia fired.", ""),
     ("London, March 3 - The city woke.", ""), ("The UN - which met - said so.", ""),
     # an abbreviation spelt out in brackets is no wire service's name
     ("AI (artificial intelligence) - once fiction - is here.", ""),
     ("GDP (Gross Domestic Product) - the value of all output - grew.", ""),
     ("WHO (World Health Organization) - The agency said so.", ""),
     ("EU (European Union) - The bloc said so.", ""),
     ("ISIS (Islamic State) - The group said so.", ""),
     # a service of several words, or after a short place's name
     ("LONDON, Feb 3 (Thomson Reuters Foundation) - Floods hit.",
      "LONDON, Feb 3 (Thomson Reuters Foundation) - "),
     ("UN (Reuters) - The council met.", "UN (Reuters) - ")],
)  # fmt: skip
def test_a_wire_services_dateline_before_the_first_sentence_is_not_part_of_it(line, dateline):
    assert date_stamp_length(line) == len(dateline)


def test_a_dateline_is_left_out_of_the_first_sentence():
    text = "Bank holds rates\n\nLONDON, March 3 (Reuters) - The Bank of England kept rates.\n"
    sentences = [text[s.start : s.end] for s in split_sentences(text, min_line_words=6)]
    assert sentences == ["Bank holds rates", "The Bank of England kept rates."]


def test_a_year_opening_a_sentence_is_not_a_stamp():
    assert date_stamp_length("2024 was a year of talks.") == 0


@pytest.mark.parametrize(
    ("text", "day"),
    [("Nov. 11-12", True), ("24 January 2024", True), ("2024-01-24", True),
     ("on Friday", True), ("January 25 of last year", True),
     ("June 2023", False), ("1949", False), ("the first half of 2025", False),
     ("the second half of this year", False), ("the 11th round", False)],
)  # fmt: skip
def test_a_day_is_told_from_a_month_a_year_or_a_period(text, day):
    assert names_a_day(text) is day


@pytest.mark.parametrize(
    ("text", "start"),
    [("Wednesday, October 9", 11), ("Sunday, Feb. 7, 2016", 8), ("Monday 12 May", 7),
     ("Friday", 0), ("Tuesday afternoon", 0), ("October 9", 0)],
)  # fmt: skip
def test_the_calendar_date_starts_after_a_weekday_naming_the_same_day(text, start):
    assert calendar_start(text) == start
