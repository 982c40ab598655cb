"""The spans of a sentence that may answer each kind (`search/spans.py`)."""

from astana_qa.search.spans import find_spans
from astana_qa.text import entities


def test_a_time_after_in_is_not_a_place():
    text = "The first farm was founded in 1908 in Galilee, and sold in January."
    spans, _ = find_spans(text, "place", False)
    assert "Galilee" in {s.text for s in spans}
    assert not {"1908", "January"} & {s.text for s in spans}


def test_a_number_after_a_preposition_of_place_is_no_place():
    text = "They gathered on the summit, at 12, 388ft the highest point in Varnia."
    spans, _ = find_spans(text, "place", False)
    assert "summit" in {s.text for s in spans}
    assert "12" not in {s.text for s in spans}


def test_a_sentence_written_as_a_headline_gives_no_names():
    text = "Harbour Session of Varna Talks Begins With Petrov Speech"
    spans, _ = find_spans(text, "person", False)
    assert not [s for s in spans if "person" in s.kinds or "name" in s.kinds]
    plain = "The session in Varna began with a speech by Ivo Petrov."
    assert "Ivo Petrov" in {s.text for s in find_spans(plain, "person", False)[0]}


def test_a_place_based_group_gives_the_place():
    text = "The talks were hosted by a Varna-based group of lawyers."
    found = {s.text for s in find_spans(text, "place", False)[0]}
    assert "Varna" in found
    assert "Varna-based" not in found


def test_a_time_since_which_something_lasted_is_a_length_of_time():
    text = "The rule has been in force since the 1950s in every port."
    found = {s.text: s.kinds for s in find_spans(text, "duration", False)[0]}
    assert "duration" in found["since the 1950s"]
    assert all(text[text.index(s) : text.index(s) + len(s)] == s for s in found)


def test_words_already_tagged_give_the_same_spans(monkeypatch):
    text = "Talks led by Ahmet Yildiz were held in Astana on January 24."
    words = find_spans(text, "place", False)[1]
    found = {kind: find_spans(text, kind, False) for kind in ("place", "person", "date")}

    def not_again(text):
        raise AssertionError("tagged again")

    monkeypatch.setattr(entities, "tokens", not_again)
    for kind, alone in found.items():
        given = find_spans(text, kind, False, words=words)
        assert [(s.start, s.end, s.kinds) for s in given[0]] == [
            (s.start, s.end, s.kinds) for s in alone[0]
        ]
        assert given[0]  # each kind finds something here


def test_a_part_of_a_longer_name_is_no_span_of_its_own():
    text = "Warsaw University of Technology is the second school of technology in the country."
    for kind in ("thing", "organisation"):
        found = {s.text for s in find_spans(text, kind, False)[0]}
        assert "Warsaw University of Technology" in found
        assert "Warsaw University" not in found  # a part of the name names nothing
    # a noun phrase outside any name stays
    assert "second school" in {s.text for s in find_spans(text, "thing", False)[0]}


def test_a_noun_phrase_holding_a_name_stays():
    text = "He met the Varna harbour master Ivo Petrov on Monday."
    found = {s.text for s in find_spans(text, "thing", False)[0]}
    assert "Varna harbour master Ivo Petrov" in found


def test_a_question_not_saying_how_many_is_offered_lists_written_as_lists():
    text = "Talks opened between France, Italy, the Netherlands and Germany in May."
    found = {s.text for s in find_spans(text, "place", None)[0]}
    assert "France, Italy, the Netherlands and Germany" in found  # names: "the" is theirs
    text = "The bill was passed by the Senate and the House on Monday."
    found = {s.text for s in find_spans(text, "thing", None)[0]}
    assert "Senate and the House" in found  # its first item opens with "the" too
    text = "A teacher must have a bachelor's degree and the majority must also train."
    found = {s.text for s in find_spans(text, "thing", None)[0]}
    assert not [s for s in found if " and " in s]  # the next clause's subject
