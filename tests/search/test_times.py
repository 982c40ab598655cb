from astana_qa.search.times import asked_months, month_names, months_of, told_months
from astana_qa.text.dates import find_dates


def test_the_months_of_dates_and_ranges():
    assert months_of(["2024-11", "--01-24/--01-25"]) == {"11", "01"}
    assert months_of(["2023-12/2024-02"]) == {"12", "01", "02"}  # winter
    assert months_of(["2023-03/2024-05"]) == {f"{m:02d}" for m in range(1, 13)}
    assert months_of(["2024"]) == frozenset()  # a year names no month


def test_a_sentence_tells_of_months_written_after_in_on_or_during():
    def told(text: str) -> frozenset[str]:
        return told_months(text, find_dates(text))

    assert told("The last round of talks, held in January in Astana, featured …") == {"01"}
    assert told("The ministry announced on Wednesday, October 9, that …") == {"10"}
    assert told("Theresa May met the envoy in Geneva.") == frozenset()  # a name
    assert told("Karl Berg has chaired the council since January 2019.") == frozenset()
    assert told("They agreed to meet until March.") == frozenset()


def test_a_question_asks_about_its_months_except_those_bounding_the_answer():
    assert asked_months("Who led it at the November round?", ["--11"]) == {"11"}
    assert asked_months("Who led it before the January session?", ["--01"]) == frozenset()
    assert month_names({"03", "01"}) == "January or March"
