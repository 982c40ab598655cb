"""Candidate spans: dates, numbers and names found by their written form."""

import pytest

from astana_qa.text.entities import (
    REPETITIONS,
    dates,
    names,
    noun_phrases,
    numbers,
    ordinals,
    tokens,
)
from astana_qa.text.lexical import (
    ORGANISATION_NAME_WORDS,
    PERSON_TITLES,
    PLACE_NAME_WORDS,
    noun_class,
)
from astana_qa.text.tagger import is_english_word, tag


def _names(text, places=frozenset()):
    """Name span → kinds, with a gazetteer knowing only `places`."""
    return {
        s.text: s.kinds
        for s in names(text, tokens(text), PERSON_TITLES, ORGANISATION_NAME_WORDS,
                       PLACE_NAME_WORDS, is_place=lambda name: name in places)
    }  # fmt: skip


def _dates(text):
    return [s.text for s in dates(text)]


def _numbers(text):
    return {s.text: s.kinds for s in numbers(text, [(d.start, d.end) for d in dates(text)])}


def test_dates_and_ranges():
    assert _dates("The round is set for Nov. 11-12 in the capital.") == ["Nov. 11-12"]
    assert _dates("It takes place on January 24-25, then again in June 2023.") == [
        "January 24-25",
        "June 2023",
    ]
    assert _dates("They will meet in the first half of 2025.") == ["the first half of 2025"]
    assert _dates("The process began in 2017 and grew in the 1990s.") == ["2017", "the 1990s"]
    assert _dates("You may go. A march of 2,000 people.") == []


def test_numbers_with_qualifiers_units_and_kinds():
    found = _numbers("Nearly 7 million fled, over 300,000 returned after a ten-month siege.")
    assert set(found) == {"Nearly 7 million", "over 300,000", "ten-month", "ten"}
    assert "duration" in found["ten-month"] and found["ten"] == {"hyphened"}
    assert "money" in _numbers("Each prize is worth $469,000.")["$469,000"]
    assert "percent" in _numbers("Output rose 3.5 per cent.")["3.5 per cent"]
    assert _numbers("It is 150 miles from Moscow.") == {"150 miles": {"number", "measure"}}
    # "only" and "just" say how the writer sees the amount, not how large it is
    assert set(_numbers("Only six teams and just 308 points.")) == {"six", "308 points"}
    assert "money" in _numbers("Oil rose to nearly $40 per barrel.")["nearly $40 per barrel"]
    assert set(_numbers("The city covers 874.3 square miles.")) == {"874.3 square miles"}


def test_a_degree_sign_and_its_scale_are_part_of_a_temperature():
    assert _numbers("It reached 48.8 °C at noon.") == {"48.8 °C": {"number", "measure"}}
    assert set(_numbers("A record 104°F, then 12° of frost.")) == {"104°F", "12°"}
    assert set(_numbers("Road 5 °Cx")) == {"5"}  # no scale a word goes on from
    assert set(_numbers("At 45° 30′ north.")) == {"45°", "30"}  # no space kept after it
    assert set(_numbers("From −5 to −10 °C overnight.")) == {"−5 to −10 °C"}
    # a minus sign makes a figure negative; a hyphen joins ("COVID-19")
    assert set(_numbers("It fell to −11.7 °C in 1967.")) == {"−11.7 °C"}
    assert set(_numbers("It melts at 1015 kelvins.")) == {"1015 kelvins"}
    # a year-like figure with a unit after it is a measure, not a year
    assert _dates("The 1500 metres final was run in 1912.") == ["1912"]
    assert _dates("In 2010 degrees were awarded to 300 students.") == ["2010"]
    assert _dates("The 1500 square metres hall opened in 1912.") == ["1912"]


def test_a_vulgar_fraction_is_part_of_its_number():
    assert list(_numbers("He made 5½ sacks in ½ a season.")) == ["5½", "½"]


def test_times_of_day_are_dates():
    assert _dates("With 4:51 left, they scored; the parade began at 10:30 a.m.") == [
        "4:51",
        "10:30 a.m.",
    ]
    assert _dates("It ended at 3 p.m. with a ratio of 3:1 and 12:00:05 on the clock.") == ["3 p.m."]
    assert _dates("Doors at 3 PM, dinner at 7pm; she ran the 800m in 1:45.32.") == ["3 PM", "7pm"]


def test_a_scale_after_a_is_a_number():
    assert _numbers("The city lost almost a million people.") == {"almost a million": {"number"}}
    assert list(_numbers("Nearly half a million people fled.")) == ["Nearly half a million"]


def test_four_digits_counting_the_plural_noun_after_them_are_no_year():
    assert _numbers("The dinner was attended by 2000 guests.") == {"2000": {"number"}}
    assert _dates("In 1999 voters chose him; the 2000 elections were close.") == ["1999", "2000"]
    assert list(_numbers("It drew a crowd of 2000 guests and holds up to 1500 guests.")) == [
        "2000",
        "up to 1500",
    ]
    # Not before a singular noun, nor after a word of time.
    assert _dates(
        "By 2030 emissions must fall; around 2010 researchers found its 2011 analysis."
    ) == [
        "2030",
        "2010",
        "2011",
    ]


def test_twice_and_thrice_are_counts():
    assert list(_numbers("They won the cup twice, and the league thrice.")) == ["twice", "thrice"]


def test_a_number_with_a_unit_of_length_speed_or_weight_is_a_measure():
    found = _numbers("The 617 ft tower has ten floors; winds hit 110 mph; the peak is 1,986 m.")
    assert "measure" in found["617 ft"] and "measure" in found["110 mph"]
    assert "measure" in found["1,986 m"] and "measure" not in found["ten"]
    assert "measure" not in _numbers("It cost $5 m.")["$5 m"]


def test_a_number_after_a_name_is_an_identifier():
    assert _numbers("They cited Resolution 2254 twice.")["2254"] == frozenset({"identifier"})


def test_names_with_titles_and_connectors():
    found = _names(
        "Delegates met Deputy Foreign Minister Ahmet Yildiz and the International "
        "Committee of the Red Cross in Geneva."
    )
    assert "person" in found["Ahmet Yildiz"]
    assert "organisation" in found["International Committee of the Red Cross"]
    assert "place" in found["Geneva"]


def test_the_particles_of_spanish_dutch_german_and_arabic_names_join_them():
    found = _names("Later Rosa Lind y Vega met Jan ter Borg, Eva von der Linde and Omar ibn Said.")
    for name in ("Rosa Lind y Vega", "Jan ter Borg", "Eva von der Linde", "Omar ibn Said"):
        assert "person" in found[name]
    # the office before such a name is not part of it
    assert (
        "person"
        in _names("Later Commission President Eva von der Linde spoke.")["Eva von der Linde"]
    )
    # a particle capitalised is a name, after a title too; one surname keeps its title
    assert "person" in _names("Later Dr Das and Governor Della met.")["Dr Das"]
    assert "person" in _names("Later Dr Van Dijk spoke.")["Dr Van Dijk"]


def test_a_surname_with_the_arabic_article_joined_by_a_hyphen_stays_in_the_name():
    found = _names("The council was led by Rami al-Haddad and later by Salma el-Nouri.")
    assert "person" in found["Rami al-Haddad"] and "person" in found["Salma el-Nouri"]
    # the article written as its sound before s, t or n, but not before an English word
    found = _names("Later Rami as-Sadr met Omar at-Tayyib and the Member at-Large.")
    assert "person" in found["Rami as-Sadr"] and "person" in found["Omar at-Tayyib"]
    assert not any("at-Large" in name for name in found)


def test_a_possessive_is_cut_off_and_titles_alone_name_nobody():
    found = _names("Officials of Bashar Assad’s government met the Deputy Minister today.")
    assert "Bashar Assad" in found
    assert not any("Minister" in name for name in found)


def test_sentence_openers_and_weekdays_are_not_names():
    found = _names("Other delegates arrived on Friday from Oslo.")
    assert set(found) == {"Oslo"}


def test_a_participle_inside_a_noun_phrase_is_part_of_it():
    text = "Warsaw was ranked the 7th greatest emerging market, and it was named Varsovia."
    phrases = [s.text for s in noun_phrases(text, tokens(text))]
    assert "7th greatest emerging market" in phrases
    assert not any(p.startswith("named") for p in phrases)  # the verb of "was named"


def test_ordinals_and_noun_phrases():
    text = "The 22nd round discussed the return of refugees."
    assert [s.text for s in ordinals(text)] == ["22nd"]
    assert [s.text for s in numbers("At the 21st round they met for 2 days.", [])] == ["2 days"]
    phrases = [s.text for s in noun_phrases(text, tokens(text))]
    assert "return of refugees" in phrases


def test_tagger_and_noun_classes():
    assert tag(["The", "minister", "visited", "Zorblatt", "."]) == [
        "DET",
        "NOUN",
        "VERB",
        "PROPN",
        "PUNCT",
    ]
    assert noun_class("journalist") == "person"
    assert noun_class("biochemists") == "person"
    assert noun_class("countries") == "place"
    assert noun_class("resolution") is None


def test_initials_and_abbreviations_stay_inside_names():
    found = _names("President John F. Kennedy sailed up the St. Johns River with Apple Inc. staff.")
    assert "person" in found["John F. Kennedy"]
    assert "St. Johns River" in found and "Apple Inc." in found
    words = [t.text for t in tokens("He met Dr. Ruth at Mt. Hood. Then he left.")]
    assert words[:6] == ["He", "met", "Dr.", "Ruth", "at", "Mt."]
    assert words[-2:] == ["left", "."]  # a sentence's own final period is still a mark


def test_a_capital_letter_ends_a_sentence_as_a_word_and_a_period():
    assert [t.text for t in tokens("They chose Plan B.")][-2:] == ["B", "."]


def test_a_known_place_before_a_persons_name_ends_the_name_before_it():
    text = "Russia sent its Special Envoy to Syria Alexander Lavrentiev and Iran Air staff."
    found = _names(text, {"Syria", "Iran"})
    assert "person" in found["Alexander Lavrentiev"] and "place" in found["Syria"]
    assert "Iran Air" in found  # one word after the place: a name of its own, not split
    assert "Syria Alexander Lavrentiev" in _names(text)  # without a gazetteer: one run
    # The office before the name is its title, not an answer; the place in it is one.
    assert "Special Envoy to Syria" not in found
    found = _names(
        "The UN Deputy Special Representative for Syria Najat Rochdi attended.", {"Syria"}
    )
    assert set(found) == {"Syria", "Najat Rochdi"} and "person" in found["Najat Rochdi"]


def test_a_known_or_introduced_place_is_only_a_place():
    # A place is not a name of unknown kind, which could answer "who" as well as a person.
    text = "Russia and Iran met Omar Ali in Vantaa."
    found = _names(text, {"Russia", "Iran"})
    assert found["Russia"] == found["Iran"] == found["Vantaa"] == {"place"}
    # A title makes a person even after "from": "a letter from President Omar Ali".
    assert "person" in _names("It was a letter from President Omar Ali.")["Omar Ali"]
    assert "person" in found["Omar Ali"]
    assert "place" not in _names(text)["Russia"]  # without a gazetteer: any name


def test_a_persons_office_before_a_full_name_is_not_part_of_the_answer():
    found = _names("They met Deputy Foreign Minister Ahmet Yıldız and King George III.")
    assert "Ahmet Yıldız" in found and "person" in found["Ahmet Yıldız"]
    assert "King George III" in found  # a monarch's title is how he is called
    # The name starts after the office's last title word, whatever else the office says.
    for text in ("Then Kazakhstan’s Deputy Foreign Minister Alibek Bakayev spoke.",
                 "Then Kazakh Deputy Foreign Minister Alibek Bakayev spoke.",
                 "Then Russia’s Special Presidential Envoy Alibek Bakayev spoke."):  # fmt: skip
        assert [name for name, kinds in _names(text).items() if "person" in kinds] == [
            "Alibek Bakayev"
        ]
    found = _names("Then Governor Vaudreuil met General Teaching Council for Scotland staff.")
    assert "Governor Vaudreuil" in found  # one word after the title: part of the name
    assert "General Teaching Council for Scotland" in found  # not a person


def test_a_name_joined_by_of_or_on_is_not_a_persons():
    found = _names("The Bank of Lumeria hosted the International Meeting on Varnia.")
    assert "person" not in found["Bank of Lumeria"]
    assert "person" not in found["International Meeting on Varnia"]
    found = _names("Then Charles de Gaulle met the Prince of Wales.")
    assert "person" in found["Charles de Gaulle"] and "person" in found["Prince of Wales"]


def test_a_word_unseen_in_the_treebank_takes_its_only_wordnet_class():
    # "asserts" and "pertains" are not in the tagger's UD lexicon; WordNet has them as
    # verbs only, so the noun phrase before them ends there.
    assert tag(["Newton's", "law", "asserts", "that", "forces", "pertains"])[2] == "VERB"
    assert tag(["the", "law", "pertains", "to", "bodies"])[2] == "VERB"
    assert tag(["a", "glorp", "of", "zibbles"])[1] == "NOUN"  # unknown everywhere: a noun


def test_a_month_or_season_after_a_preposition_of_time_is_a_date():
    text = "The fair is held every June, and in the autumn; in May 2010 it may rain; by March 3."
    assert [d.text for d in dates(text)] == ["June", "autumn", "May 2010", "March 3"]


def test_a_hyphened_numeral_is_kept_apart_from_its_modifier():
    spans = numbers("a 28-yard punt", [])
    assert [(s.text, sorted(s.kinds)) for s in spans] == [("28", ["hyphened"]), ("28-yard", [])]


def test_a_season_is_a_date_only_before_its_year():
    text = ("Prices fall next year, and stocks fall Monday; the winter of 2023-24 was mild, "
            "winter 2024/25 cold.")  # fmt: skip
    assert [d.text for d in dates(text)] == [
        "next year",
        "Monday",
        "the winter of 2023-24",
        "winter 2024/25",
    ]


def test_a_fall_of_a_city_or_a_person_named_may_is_no_date():
    assert [d.text for d in dates("After the fall of Aleppo he was criticised by May.")] == []


def test_the_numeral_of_a_compound_modifier_ends_before_the_counted_noun():
    found = [s.text for s in numbers("a 15-year-old and a twenty-five-year plan", [])]
    assert found == ["15", "15-year-old", "twenty-five", "twenty-five-year"]


def test_a_verb_form_opening_a_sentence_is_no_name():
    found = _names("Arguing that the talks were over, Lena Holm left the capital.")
    assert "Arguing" not in found and "Lena Holm" in found


def test_a_time_counted_back_from_now_is_a_date_holding_a_number():
    text = "Oxygen reached the air about 2.5 billion years ago, two decades ago we learnt."
    found = dates(text)
    assert [d.text for d in found] == ["about 2.5 billion years ago", "two decades ago"]
    taken = [(d.start, d.end) for d in found if "ago" not in d.kinds]
    assert "about 2.5 billion years" in [n.text for n in numbers(text, taken)]
    assert [n.text for n in numbers("He threw zero touchdowns.", [])] == ["zero"]


def test_english_words_are_wordnets_and_the_treebanks_names():
    assert all(map(is_english_word, ["team", "winter", "negotiators", "calgary"]))
    # The treebank's web text spells "receive" this way; WordNet does not.
    assert not any(map(is_english_word, ["recieve", "ghengis", "superbowl"]))


@pytest.mark.parametrize(
    ("text", "repeats"),
    [("several times", True), ("three times", True), ("a few times", True),
     ("12 times", True), ("hard times", False), ("the New York Times", False)],
)  # fmt: skip
def test_a_count_of_occasions(text, repeats):
    assert bool(REPETITIONS.fullmatch(text)) is repeats


def test_a_negative_contraction_is_tagged_as_its_verb():
    words = tokens("The process “wasn’t yet over,” and they can't stop.")
    assert {w.text: w.tag for w in words}["wasn’t"] == "AUX"  # not an unknown noun
    assert {w.text: w.tag for w in words}["can't"] == "AUX"
    assert "wasn’t" not in {
        s.text
        for s in noun_phrases(
            "The process “wasn’t yet over.”", tokens("The process “wasn’t yet over.”")
        )
    }


def test_a_name_ending_in_a_common_noun_names_that_thing_not_a_person():
    found = _names("Later Ivo Tanev won the Varna Prize and beat the Dobrich Bears in Varna.")
    assert "person" in found["Ivo Tanev"]
    assert "person" not in found["Varna Prize"]  # a prize, as its last word says
    assert found["Dobrich Bears"] == {"name"}  # a name of unknown kind
    # a title makes the name a person's whatever its last word ("building")
    assert "person" in _names("Later Mayor Ivo Building met them.")["Ivo Building"]


def test_common_words_alone_name_no_person():
    found = _names("After the Super Bowl, quarterback Cam Newton was named Most Valuable Player.")
    assert "person" not in found["Super Bowl"]
    assert "person" not in found["Most Valuable Player"]
    assert "person" in found["Cam Newton"]
    # a place or land WordNet knows after common adjectives is part of it, no one
    found = _names("Later Southern California and Eastern Europe met Jack London in Varna.")
    assert found["Southern California"] == {"place"} and found["Eastern Europe"] == {"place"}
    assert "person" in found["Jack London"]  # a name word before the place
    found = _names("Later Upper Moon and Old Sun met in Varna.")
    assert found["Upper Moon"] != {"place"} and found["Old Sun"] != {"place"}  # common nouns
    found = _names("Later the International Meeting on Syria was held in Varna.")
    assert found["International Meeting on Syria"] != {"place"}  # a noun, not an adjective
    # a common word in the possessive is still a common word
    found = _names("The memoir was published in the Society's Transactions by John Adams.")
    assert "person" not in found["Society's Transactions"]
    assert "person" in found["John Adams"]


def test_a_one_word_place_a_lexicon_knows_is_a_place_and_cuts_no_name():
    def found(text):
        return {
            s.text: s.kinds
            for s in names(text, tokens(text), PERSON_TITLES, ORGANISATION_NAME_WORDS,
                           PLACE_NAME_WORDS, is_place_word=lambda w: w in {"Plovdiv", "Boston"})
        }  # fmt: skip

    text = "Later Plovdiv sent Ivo Petrov, and the Boston Red Sox won."
    assert found(text)["Plovdiv"] == {"place"}  # a name of unknown kind without it
    assert "place" not in _names(text)["Plovdiv"]
    assert "Boston Red Sox" in found(text)  # not cut after the place, as a country would be
    assert "person" in found(text)["Ivo Petrov"]


@pytest.mark.parametrize(
    "text",
    [
        "The revival is for Saturday mornings.",
        "The shop opens on Saturdays.",
        "Bingo on Friday nights.",
        "The market opens every Sunday.",
    ],
)
def test_a_weekday_that_recurs_every_week_is_no_date(text):
    assert dates(text) == []


def test_a_weekday_of_one_week_is_a_date():
    assert [d.text for d in dates("They met on Saturday night.")] == ["Saturday"]
    # only a weekday alone recurs: a calendar date before "evenings" stays a date
    assert [d.text for d in dates("Concerts ran on March 3 evenings.")] == ["March 3"]


def test_a_place_the_gazetteer_knows_opening_a_sentence_is_read_whole():
    # the tagger reads "New" and "Saudi" as adjectives: the gazetteer joins them
    found = _names("New Varnia signed the pact.", places={"New Varnia"})
    assert found == {"New Varnia": frozenset({"place"})}
    assert "New Sofia" not in _names("New Sofia signed the pact.")  # unknown: as before


def test_of_after_a_titled_person_s_name_says_whose_office_it_is():
    found = _names("He met President Ivo Stan of the Republic of Varnia.", {"Varnia"})
    assert found["Ivo Stan"] == {"name", "person"}
    assert "President Ivo Stan of the Republic of Varnia" not in found
    # no name between the title and "of": the office is part of the run
    assert "Secretary of State Ivo Stan" in _names("Secretary of State Ivo Stan spoke.")
    assert "Duke of Varnia" in _names("The Duke of Varnia won.")


def test_a_name_opened_by_a_place_word_is_a_place():
    found = _names("They climbed Mount Varna and sailed Lake Sofia past Fort Burgas.")
    assert found["Mount Varna"] == found["Lake Sofia"] == found["Fort Burgas"] == {"place"}
    # opening a sentence, where the tagger reads "Mount" as a verb
    assert _names("Mount Varna is the highest mountain.") == {"Mount Varna": {"place"}}
    # a last word that is no noun, or names a place, keeps it a place; a noun of a thing
    # or an event makes the name no place
    assert _names("They sailed to Cape Town and Lake Superior.") == {
        "Cape Town": {"place"},
        "Lake Superior": {"place"},
    }
    assert "place" not in _names("The Gulf War ended.")["Gulf War"]
    assert "person" in _names("Mayor Ivo Stan spoke.")["Ivo Stan"]  # a title, not a place
