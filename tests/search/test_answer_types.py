"""Answer types read from the question word and the focus noun."""

import pytest

from astana_qa.search.answer_types import expected_answer


@pytest.mark.parametrize(
    ("question", "kind", "plural"),
    [
        # no focus noun says how many: a list written as one may answer
        ("Who chaired the meeting?", "person", None),
        ("Where did the meeting take place?", "place", None),
        ("Who were the guests?", "person", True),
        ("Which guest spoke first?", "person", False),
        ("When did the war end?", "date", False),
        ("Since when has she led the party?", "date", False),
        ("How long did the siege last?", "duration", False),
        ("How long ago did it happen?", "date", False),
        ("How many soldiers were wounded?", "number", True),
        ("How many times has the club won the cup?", "number", False),  # not a duration
        ("How many years did the siege last?", "duration", True),
        ("How much money was raised?", "money", True),
        ("What percentage of voters agreed?", "percent", False),
        ("Which countries sent troops?", "place", True),
        ("Which city hosted the games?", "place", False),
        ("Which newspaper printed the letter?", "organisation", False),
        ("Which senior official resigned?", "person", False),
        ("What President signed the treaty?", "person", False),  # a capital hides no class
        ("In what year was the bridge opened?", "date", False),
        ("Name the architect of the bridge.", "person", False),
        ("What is the name of the largest lake in Chile?", "place", False),
        ("Why did the bridge close?", "description", False),
        ("How did the bridge fall?", "description", False),
        ("What are the Helsinki Accords?", "description", False),
        ("What does the company export?", "thing", None),
        ("Which round ended the dispute?", "ordinal", False),
        ("What colour jerseys did the team wear?", "attribute", False),
        ("What kind of attraction is the castle?", "attribute", False),
        ("What was the duration of the strike?", "duration", False),
        ("Which coastal area did the storm hit?", "place", False),
        ("What is the area of the national park?", "number", False),
        ("Which area of the valley did the army take?", "place", False),  # one of its areas
        ("What area of land does the park cover?", "number", False),
        # An age is a count of years, not a date ("at 37", "in his mid-30s").
        ("At what age did the composer stop writing?", "number", False),
        # A possessive right after "what"/"which" names what is asked for.
        ("In what city's hotel did the team stay?", "place", False),
        ("Which newspaper's editor resigned?", "organisation", False),
        ("Which official's statement was quoted?", "person", False),
        ("What was the mayor's salary?", "money", False),  # after a verb: the owned
        # A "noun" followed by a determiner is the verb the tagger misread.
        ("Which country hosts the talks?", "place", False),
        ("Which city council resolution frames the plan?", "thing", False),
        # Yes or no: the sentence answers, not a noun phrase from it.
        ("Did the talks end in a deal?", "description", False),
        ("Is the border open again?", "description", False),
        # A focus noun the word lists lack takes WordNet's class; a plural its singular's.
        ("Which linebacker made the tackle?", "person", False),
        ("Which teachers signed the letter?", "person", True),
        # A noun after "is"/"are" that a verb follows is the subject, not what is asked.
        ("What are teachers expected to give their students?", "thing", True),
        ("What were the towns captured by the army?", "place", True),
        ("What is the area called where two plates meet?", "thing", False),  # its name
        ("What is the population estimated at?", "number", False),
        # What a person is or does: a noun naming people answers, not a name
        ("What position does Anna Berg play?", "occupation", False),
        ("How often are the harbour elections held?", "frequency", False),
        ("What was the mayor's profession?", "occupation", False),
        ("What position does Russia hold on the ceasefire?", "occupation", False),
        ("What is Russia's position on the ceasefire?", "thing", False),  # no verb of holding
        ("What jobs were lost in the storm?", "thing", True),
        # Searches by key words: a noun of a typed class opening (before "of") or closing
        # them says what is searched for; a topic alone wants the sentence about it.
        ("date of the harbour fire", "date", False),
        ("number of ferries lost in the storm", "number", True),
        ("harbour fire ferry captain", "person", False),
        ("harbour fire", "description", False),
        ("harbour fire survivors", "description", False),  # WordNet's person: a topic
        ("What rationale did the mayor give for the closure?", "description", False),
        ("harbour closure reason", "description", False),
        # a role anywhere asks who holds it; a name asked for says whose
        ("ferry captain harbour fire march", "person", False),
        ("harbour authority spokeswoman name", "person", False),
        ("people rescued harbour fire", "description", False),  # people name no role
        ("harbour fire death toll", "number", False),
        # a measure's noun asks for a number; so does a search closing with a unit
        ("What was the highest temperature recorded?", "number", False),
        ("What is the elevation of the pass?", "number", False),
        ("harbour basin depths km", "number", False),
        ("college honorary degrees", "description", False),  # "degrees" is no unit here
        ("siege of varna size of ottoman army", "number", False),  # not the army
        ("varna time of troubles leader", "person", False),  # the leader, not a time
        # context after the noun saying what is searched for
        ("harbour fire death toll varna news", "number", False),
        ("harbour summit dates march oslo", "date", True),
        ("harbour fire cost 2024", "money", False),
        ("—", "description", False),  # no word at all
        ("Velmar", "description", False),
        # "what about X" asks what the articles say of X; with a verb it asks for a thing
        ("What about the harbour workers?", "description", False),
        ("what about refugees", "description", False),
        ("What about the plan did the council reject?", "thing", None),
    ],
)
def test_kinds(question, kind, plural):
    expected = expected_answer(question)
    assert expected.kind == kind
    assert expected.plural == plural


def test_focus_is_kept_for_the_abstention_reason():
    assert expected_answer("How many journalists attended?").focus == "journalists"


@pytest.mark.parametrize(
    ("question", "role"),
    [("Who was Moscow's envoy at the talks?", "envoy"),
     ("Who is the author of the book?", "author"),
     ("Who was the university's fifth president?", "president"),  # past the possessor
     ("Who was the chief negotiator of the rebels?", "negotiator"),
     ("Who is John Smith?", None),  # a name, not a role
     ("Who led the team?", None)],  # no "is": the verb says what was done
)  # fmt: skip
def test_who_is_the_role(question, role):
    expected = expected_answer(question)
    assert (expected.kind, expected.focus) == ("person", role)


@pytest.mark.parametrize(
    "question",
    ["Which Varnian deputy foreign minister opened the summit?",
     "which varnian vice foreign minister opened the summit",
     "Which US special envoy opened the summit?"],
)  # fmt: skip
def test_adjectives_inside_a_noun_phrase_do_not_end_it(question):
    """The focus is the phrase's head ("minister"), not the noun before an adjective."""
    expected = expected_answer(question)
    assert expected.kind == "person"
    assert expected.focus in ("minister", "envoy")


def test_a_plural_role_wants_several():
    assert expected_answer("Who are the envoys?").plural
    assert expected_answer("Who were Temüjin's three full brothers?").plural
    assert not expected_answer("Who is the envoy?").plural


def test_a_question_may_say_how_many_it_wants():
    assert expected_answer("Which three countries sent observers?").count == 3
    assert expected_answer("What are the 2 sources of law?").count == 2
    assert expected_answer("Which countries sent observers?").count is None
    assert expected_answer("Which country sent three observers?").count is None  # singular


def test_a_scene_setting_clause_does_not_decide_the_type():
    assert expected_answer("When the coach left, who replaced him?").kind == "person"


def test_typed():
    assert expected_answer("Who won?").typed
    assert not expected_answer("Why did it fail?").typed


@pytest.mark.parametrize(
    ("question", "abbreviation"),
    [("What does SNC stand for?", "SNC"),
     ("What is the AFC short for?", "AFC"),
     ("What did the acronym vBNS stand for?", "vBNS"),
     ("Who does the senator stand for?", None),  # no abbreviation to spell out
     ("What did Kazakhstan stand for?", None),
     ("What seat did the SNP candidate stand for?", None),  # not right before it
     ("What does McDonald stand for?", None),
     ("What is the SNC?", "SNC"),  # what it is: its name spelled out
     ("what was AUSTPAC", "AUSTPAC"),
     ("What does UNIFIL mean?", "UNIFIL"),
     ("What is the SNC position?", None),  # asks more than the abbreviation
     ("What is Kazakhstan?", None)],
)  # fmt: skip
def test_a_question_may_ask_what_an_abbreviation_stands_for(question, abbreviation):
    assert expected_answer(question).abbreviation == abbreviation


@pytest.mark.parametrize(
    ("search", "kind"),
    [
        ("astana talks launched by", "description"),  # "by" may bring countries too
        ("nikola tesla birthplace", "place"),  # WordNet: a location
        ("super bowl 50 mvp", "person"),  # WordNet: a person
        ("tesla birthday", "date"),
        ("syrian refugees", "description"),  # a plural topic, not who they are
        ("syria civil war death toll astana", "number"),  # a place closing it is context
        ("syrian opposition negotiator astana january", "person"),  # a role decides first
        ("kazakh deputy fm read final communique", "person"),  # WordNet: a deputy is someone
        # a time opening a search asks for it, "of" left out ("date" is tagged a verb)
        ("year harbour bridge opened in varna", "date"),
        ("date varna left the trade union", "date"),
        ("weekday varna ministry announced the talks", "date"),
        ("time magazine cover varna mayor", "person"),  # not "time": a role decides
    ],
)
def test_the_common_noun_closing_a_search_says_what_it_wants(search, kind):
    assert expected_answer(search).kind == kind


def test_a_question_naming_a_rank_second_to_an_office_says_so():
    assert expected_answer("Who is Kazakhstan's vice foreign minister?").second_in_rank
    assert expected_answer("Who was the deputy envoy?").second_in_rank
    assert not expected_answer("Who is Kazakhstan's foreign minister?").second_in_rank
    denied = "Who was the top diplomat (the foreign minister himself, not a deputy)?"
    assert not expected_answer(denied).second_in_rank


@pytest.mark.parametrize(
    ("search", "focus"),
    [
        # the engine reads a search with its names capitalised (`casing.py`)
        ("which team Denver beat super bowl 50", "team"),
        ("what year Beyonce first album", "year"),
        ("which hotel venue Astana Syria talks held", "venue"),
        ("which city Kazakhstan capital", "city"),
        # a name the focus is written in stays in it
        ("Which Security Council resolution did they cite?", "resolution"),
        ("Which Denver Broncos player won the award?", "player"),
        # in a written question a name may stand inside the noun phrase
        ("Which opposition Syrian National Council leader attended the talks?", "leader"),
        ("How many army Humvees were lost?", "humvees"),
        # the reading capitalises a search's names: the superlative's noun ends before one
        ("biggest city Syria", "city"),
    ],
)
def test_a_name_after_the_focus_of_a_search_ends_it(search, focus):
    assert expected_answer(search).focus == focus


@pytest.mark.parametrize(
    ("search", "kind", "focus"),
    [
        ("biggest stadium in australia", "place", "stadium"),
        ("oldest university in victoria australia", "organisation", "university"),
        ("first president of uchicago", "person", "president"),
        ("last apollo mission to land on the moon", "thing", "mission"),
        ("tallest building downtown Jacksonville", "place", "building"),  # a name ends it
        ("first street lit by lightbulbs Newcastle", "place", "street"),
        ("largest Japanese ship conditioner", "thing", "conditioner"),  # a noun only
        ("largest refugee camp Syria", "thing", "camp"),  # the compound's head
        ("tallest tower downtown Varna", "thing", "tower"),  # "downtown" is an adverb too
        ("first round of astana talks", "description", None),  # a round: a sentence tells
        # a superlative naming no kind of answer leaves the sentence to answer
        ("best way to resolve the war", "description", None),
        ("forest fires in australia", "description", None),  # "forest" is no superlative
    ],
)
def test_a_search_opening_with_a_superlative_asks_which_one(search, kind, focus):
    expected = expected_answer(search)
    assert (expected.kind, expected.focus) == (kind, focus)


@pytest.mark.parametrize(
    ("search", "kind", "focus"),
    [
        # a noun, then a clause saying which one: "the general who was defeated at …"
        ("British general defeated at Monongahela 1755", "person", "general"),
        ("eu health commissioner resigned over tobacco bribe", "organisation", "commissioner"),
        ("refugee return discussed astana 21", "description", None),  # a base form
        ("ceasefire agreement signed in Astana", "description", None),  # no typed kind
        ("truce collapsed", "description", None),  # nothing after the verb
        ("poem Shelley wrote after Peterloo", "description", None),  # a name before the verb
        ("istanbul based opposition group astana talks", "description", None),  # a place
        ("talks ended in Astana", "description", None),  # a plural topic
        ("ceasefire collapsed", "description", None),  # nothing after the verb
        # a common noun before "name" says what is named
        ("Gandhi nonviolent resistance doctrine name", "thing", "doctrine"),
        ("Genghis Khan birth name", "description", None),  # no work of the mind
        ("first woman in space name", "person", "woman"),  # not the preposition's object
        ("Astana talks Kazakh envoy name", "person", "envoy"),
        # a relative pronoun after the opening nouns says which one
        ("vaccine that protects against measles", "thing", "vaccine"),
        ("relief agency that attended the talks", "organisation", "agency"),
        ("treaty that ended the war", "thing", "treaty"),
        ("relief agency which attended the talks", "organisation", "agency"),
        ("envoy who led the talks", "person", "envoy"),
        ("the treaty that ended the war", "thing", "treaty"),
        # ... but a question word after a topic asks its own question
        ("astana talks which countries attended", "place", "countries"),
        ("astana talks which states attended", "place", "states"),  # "state" is a verb too
        ("syria talks who led the russian delegation", "person", None),
        # "that" asks no question: its clause may open with its own subject
        ("treaty that iran signed in 2015", "thing", "treaty"),
        ("company that first sold iphones", "organisation", "company"),
        # "who" after a body of people
        ("team who won the cup", "organisation", "team"),
        ("talks in Varna that failed", "description", None),  # not nouns up to "that"
    ],
)
def test_a_search_naming_its_noun_before_a_clause_or_name_asks_which_one(search, kind, focus):
    expected = expected_answer(search)
    assert (expected.kind, expected.focus) == (kind, focus)


@pytest.mark.parametrize(
    ("question", "besides"),
    [
        ("Besides the UN, which humanitarian organisation attended?", "the UN"),
        ("Which relief agency sat in alongside the UN at the November meetings?", "the UN"),
        ("Which body, apart from the Red Cross, sent people?", "the Red Cross"),
        ("Which organisation besides the UN attended the talks?", "the UN"),  # not its verb
        ("Who besides Lavrentiev represented Russia?", "Lavrentiev"),
        ("Who won the race?", None),
    ],
)
def test_what_the_answer_is_besides_is_read(question, besides):
    assert expected_answer(question).besides == besides


@pytest.mark.parametrize(
    ("question", "second"),
    [
        ("Which deputy UN envoy for Syria attended?", True),
        ("Who is the vice foreign minister?", True),
        ("Which envoy met the deputy foreign minister?", False),  # not the office asked
        ("Who was the foreign minister himself, not a deputy?", False),
    ],
)
def test_a_rank_second_to_the_office_asked_about_is_read(question, second):
    assert expected_answer(question).second_in_rank is second


@pytest.mark.parametrize(
    ("question", "named_by"),
    [
        ("Under which Security Council measure did the talks frame Syria's recovery?",
         "Security Council"),
        ("What Apollo mission was the last to land on the Moon?", "Apollo"),
        ("Which UN Security Council measure was cited?", "UN Security Council"),
        ("Which measure did the Security Council adopt?", None),  # no name before it
        ("At which Super Bowl did she sing?", None),  # the focus is a word of the name
        ("Who led the delegation?", None),
    ],
)  # fmt: skip
def test_the_name_written_before_the_focus_is_kept(question, named_by):
    assert expected_answer(question).named_by == named_by


@pytest.mark.parametrize(
    ("question", "asks_name"),
    [
        ("What is the name of the fund that helps the harbour?", True),
        ("What was the name given to the new harbour?", False),  # as often a term
        ("What is the name for a young harbour seal?", False),  # "pup"
        ("What was the storm called?", False),  # as often a term ("defensins")
        ("What fund helps the harbour?", False),
        ("What is the name of the mayor of Varna?", False),  # a person is named anyway
    ],
)  # fmt: skip
def test_a_question_asking_for_the_name_of_its_focus(question, asks_name):
    assert expected_answer(question).asks_name == asks_name


@pytest.mark.parametrize(
    "question, kind, focus",
    [
        # the tagger reads "share" as a verb; before "of" it is the noun asked for
        ("What share of applicants got into Harvard College in 2019?", "percent", "share"),
        ("What share of the vote did the party win?", "percent", "share"),
        ("What proportion of voters chose Labor?", "percent", "proportion"),
        ("What share of voters in Ohio chose Trump?", "percent", "share"),
        ("What share of the population of Kenya lives in cities?", "percent", "share"),
    ],
)
def test_a_word_before_of_after_what_is_the_noun_asked_for(question, kind, focus):
    expected = expected_answer(question)
    assert (expected.kind, expected.focus) == (kind, focus)


@pytest.mark.parametrize(
    "question, verb",
    [
        # the verb's own "of": no verb follows the phrase after it
        ("What became of the Roman fleet?", "became"),
        ("What consists of two chambers?", "consists"),
        ("Which came of age first?", "came"),
        ("What became of the men who survived?", "became"),
        ("What became of the plan to build a dam?", "became"),
    ],
)
def test_a_verb_with_its_own_of_is_no_noun_asked_for(question, verb):
    assert expected_answer(question).focus != verb
