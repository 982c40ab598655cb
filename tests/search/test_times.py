from astana_qa.search.times import (
    asked_months,
    mentioned_months,
    month_names,
    months_of,
    not_in_time,
    told_months,
)
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


def test_months_listed_after_one_told_of_are_told_and_any_month_written_is_mentioned():
    def told(text: str) -> frozenset[str]:
        return told_months(text, find_dates(text))

    assert told("The talks, held in March and April in Bergen, saw …") == {"03", "04"}
    text = "The May 2024 round saw Sweden's delegation led by Anders Nygren."
    assert told(text) == frozenset() and mentioned_months(text, find_dates(text)) == {"05"}


def test_a_party_s_person_is_refused_only_for_months_its_sentence_does_not_tell_of():
    def why(question: str, dates: list[str], text: str, dated: str | None = None) -> str | None:
        return not_in_time(question, dates, None, "Anders Nygren", text, find_dates(text), dated)

    held = "The trade talks, held in March and April in Bergen, saw Sweden's delegation led by …"
    assert why("Who led it at the April talks?", ["--04"], held) is None
    assert "March or April" in (why("Who led it at the June talks?", ["--06"], held) or "")
    may = "The May 2024 round saw … led by Anders Nygren, who took office in January."
    assert why("Who led it at the May 2024 round?", ["2024-05"], may) is None
    # an article of November 2023 does not tell of November 2024, nor the month's other years
    roster = "Omar Ali led Norway's delegation at the round that opened this week."
    assert why("Who led it at the November 2023 round?", ["2023-11"], roster, "2023-11-14") is None
    assert "dated 2023-11-14" in (
        why("… the November 2024 round?", ["2024-11"], roster, "2023-11-14") or ""
    )
    # a month asked without its year: an article of another month names its own time's
    # person; one of that month, any year, may tell of it
    assert "dated 2024-01-24" in (
        why("Who led it at the November round?", ["--11"], roster, "2024-01-24") or ""
    )
    assert why("Who led it at the November round?", ["--11"], roster, "2023-11-14") is None
    assert why("Who led it at the November round?", ["--11"], roster) is None  # undated
    # a month after "before", written in any case, bounds the answer's time
    assert why("who led it before january 2024", ["2024-01"], "… led by him in March 2023.") is None
