"""A question typed all in lower case gets back the capitals of its names."""

from astana_qa.search.casing import restored_case


def _names(*words: str):
    """Names whose spelling is not known: given as typed."""
    return lambda word: word if word in words else None


def test_a_lower_case_question_gets_its_names_capitalised():
    assert restored_case("who coached the broncos in denver", _names("broncos", "denver")) == (
        "who coached the Broncos in Denver"
    )


def test_a_possessive_is_looked_up_without_its_ending():
    assert (
        restored_case("who was cleveland's wife", _names("cleveland")) == "who was Cleveland's wife"
    )


def test_the_first_word_too():
    assert restored_case("tesla birth date", _names("tesla")) == "Tesla birth date"


def test_a_question_with_any_capital_is_taken_as_written():
    question = "who coached the broncos in Denver"
    assert restored_case(question, _names("broncos", "denver")) == question


def test_words_that_are_no_names_stay_as_typed():
    assert restored_case("what is iron made of?", _names()) == "what is iron made of?"


def test_each_part_of_a_hyphened_word_on_its_own():
    assert restored_case("who is bashar al-assad's envoy", _names("bashar", "assad")) == (
        "who is Bashar al-Assad's envoy"
    )


def test_a_capital_first_letter_only_still_counts_as_typed_in_lower_case():
    assert restored_case("Who is alexander lavrentiev", _names("alexander", "lavrentiev")) == (
        "Who is Alexander Lavrentiev"
    )


def test_a_hyphened_name_is_looked_up_whole_first():
    assert restored_case("who is kassym-jomart tokayev", _names("kassym-jomart", "tokayev")) == (
        "who is Kassym-Jomart Tokayev"
    )


def test_a_name_is_written_as_the_articles_write_it():
    forms = {"snc": "SNC", "mcdonald": "McDonald", "yildiz": "Yıldız"}
    assert restored_case("what is the snc", forms.get) == "what is the SNC"
    assert restored_case("who is mcdonald's chef", forms.get) == "who is McDonald's chef"
    # not the same word in another case: only its first letter capitalised
    assert restored_case("who is yildiz", forms.get) == "who is Yildiz"


def test_a_name_typed_without_its_diacritics_gets_its_capitals_letter_for_letter():
    forms = {"tusas": "TUSAŞ", "turkiye": "Türkiye"}
    assert restored_case("the tusas attack", forms.get) == "the TUSAS attack"
    assert restored_case("who led turkiye's team", forms.get) == "who led Turkiye's team"


def test_a_question_in_title_case_is_read_as_if_typed_in_lower_case():
    assert restored_case("Who Coached The Broncos In Denver?", _names("broncos", "denver")) == (
        "who coached the Broncos in Denver?"
    )
    # words in capitals only keep them: they are abbreviations
    assert restored_case("Who Leads The UN Mission?", _names()) == "who leads the UN mission?"
    # titles leave articles and prepositions in lower case
    assert restored_case("Who Led the Delegation of Iran?", _names("iran")) == (
        "who led the delegation of Iran?"
    )


def test_a_question_with_a_word_in_lower_case_is_no_title():
    for question in ("Who coined the name Rat Pack?", "What was the Seven Years War?"):
        assert restored_case(question, _names()) == question
    # nor one with a single capitalised word after its first: it may be a name
    assert restored_case("Who Lavrentiev?", _names()) == "Who Lavrentiev?"


def test_a_question_in_capitals_only_is_read_as_if_typed_in_lower_case():
    names = _names("broncos", "denver")
    assert restored_case("WHO COACHED THE BRONCOS IN DENVER?", names) == (
        "who coached the Broncos in Denver?"
    )
    # a letter whose lower case is longer ("İ") keeps the question's length: taken as written
    assert len(restored_case("WHO LED THE İRAN DELEGATION?", names)) == 28
    # a short one may be an abbreviation asked about
    assert restored_case("SNC UN?", names) == "SNC UN?"
