from astana_qa.search.precise import has_day, inside, is_vague, only_day_inside


def test_only_a_period_without_a_number_or_of_several_months_is_vague():
    assert is_vague("the second half of this year", "2024")
    assert is_vague("this year", "2024")
    assert is_vague("early 2011", "2011-01/2011-04")
    assert not is_vague("2011", "2011")  # a year written out is what its sentence states
    assert not is_vague("November 2024", "2024-11")
    assert not is_vague("Nov. 11-12", "--11-11/--11-12")


def test_a_day_lies_inside_a_period_in_the_period_s_year_when_it_has_none():
    assert has_day("2024-11-11") and has_day("--11-11/--11-12") and not has_day("2024-11")
    assert inside("--11-11/--11-12", "2024-07/2024-12")
    assert inside("2024-11-11", "2024")
    assert not inside("2023-11-11", "2024")
    assert not inside("--03-01", "2024-07/2024-12")
    assert not inside("--01-05", "2023-12/2024-02")  # which year's January: unknown


def test_only_one_day_inside_the_period_makes_it_precise():
    days = [("nov 11 12", "--11-11/--11-12"), ("march 3", "2024-03-03")]
    assert only_day_inside("2024-07/2024-12", days) == "nov 11 12"
    assert only_day_inside("2024", days) is None  # two days: maybe two events
    assert only_day_inside("2023-01/2023-06", days) is None
    # a day whose year its article does not tell is taken to be in the period's
    assert only_day_inside("2025", days) == "nov 11 12"
