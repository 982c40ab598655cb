import pytest

from astana_qa import QAEngine
from astana_qa.search.timeline import (
    TimeOrder,
    instance_named,
    neighbours_named,
    numbered_heads,
    order_by_time,
    place,
    time_question,
    written_ordinals,
)
from astana_qa.settings import MAX_QUESTION_CHARS
from astana_qa.text.analysis import stopword_list
from astana_qa.text.dates import find_dates
from astana_qa.text.entities import tokens

STOPWORDS = stopword_list()


@pytest.mark.parametrize(
    ("question", "order", "focus", "topic"),
    [
        ("When is the next round planned?", TimeOrder.NEXT, "round", "When is the round planned?"),
        ("Who led the most recent meeting?", TimeOrder.LATEST, "meeting", "Who led the meeting?"),
        ("Which round is the latest so far?", TimeOrder.LATEST, "round", "Which round is the ?"),
        ("What happened last year?", None, None, "What happened last year?"),
        ("How long will the gathering last?", None, None, "How long will the gathering last?"),
        # without a determiner, "last" may say what the articles call the last one
        ("last major plague epidemic", None, None, "last major plague epidemic"),
        # names before the counted noun are passed; not when a stopword follows them
        (
            "When was the latest Astana round?",
            TimeOrder.LATEST,
            "round",
            "When was the Astana round?",
        ),
        (
            "When was the last Super Bowl in Ohio?",
            TimeOrder.LATEST,
            "super",
            "When was the Super Bowl in Ohio?",
        ),
        # a noun after another instance is the next one; not a period, nor a name
        (
            "When is the round after the May meeting?",
            TimeOrder.NEXT,
            "round",
            "When is the round after the May meeting?",
        ),
        (
            "Who spoke in the week after the attack?",
            None,
            None,
            "Who spoke in the week after the attack?",
        ),
        (
            "Which coach left the Broncos after the season?",
            None,
            None,
            "Which coach left the Broncos after the season?",
        ),
        ("When is the round after the 22nd?", None, None, "When is the round after the 22nd?"),
        # in the past: the one after that instance, not the newest
        (
            "When did the ceasefire after the summit begin?",
            None,
            None,
            "When did the ceasefire after the summit begin?",
        ),
        (
            "Who spoke at the session following the opening?",
            None,
            None,
            "Who spoke at the session following the opening?",
        ),  # "following" is read too
        (
            "Who is the envoy who spoke at the session following the opening?",
            None,
            None,
            "Who is the envoy who spoke at the session following the opening?",
        ),  # "is" alone asks of nothing to come
    ],
)
def test_time_questions_are_read(question, order, focus, topic):
    asked, rest = time_question(question, STOPWORDS)
    assert (asked.order if asked else None, asked.focus if asked else None) == (order, focus)
    assert " ".join(rest.split()) == " ".join(topic.split())


def test_an_ordinal_series_orders_the_instances():
    texts = [
        "The 21st round was held in January.",
        "The parties decided to hold the 23rd round next spring.",
        "The 22nd round was held in Astana.",
    ]
    placed = [place(t, find_dates(t), None, "round") for t in texts]
    assert [p.ordinal for p in placed] == [21, 23, 22]
    assert order_by_time([1.0, 0.9, 0.8], placed, TimeOrder.NEXT)[0] == 1
    assert order_by_time([1.0, 0.9, 0.8], placed, TimeOrder.LATEST)[0] == 2


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("When was the most recent round held?", "When was the 22nd round held?"),
        ("When was the latest Astana round?", "When was the 22nd Astana round?"),
        ("When did it happen so far?", None),  # nothing counted, nothing named
    ],
)
def test_the_instance_asked_for_is_named_by_its_number(question, read):
    asked, _ = time_question(question, STOPWORDS)
    assert asked is not None
    assert instance_named(question, asked, "22nd") == (read or question)


def test_names_are_passed_over_only_to_a_noun():
    """A cold review's probe: "held" after the names is no counted noun."""
    from astana_qa.search.query import _may_be_noun

    asked, _ = time_question("When was the last Astana International Forum held?", STOPWORDS,
                             _may_be_noun)  # fmt: skip
    assert asked is not None and asked.focus == "astana"
    asked, _ = time_question("When was the latest Astana round?", STOPWORDS, _may_be_noun)
    assert asked is not None and asked.focus == "round"


ARTICLES = {
    "a.txt": "Summit notes\n\ndate 2023-03-01 A summit of the harbour cities was held "
    "in Varna last year, with mayors of six cities.\n",
    "b.txt": "Summit report\n\nThe harbour cities summit was held in Burgas on June 5, 2024, "
    "with mayors of nine cities.\n",
}


def test_the_latest_instance_is_read_against_article_dates(make_corpus, tmp_path):
    engine = QAEngine.open(make_corpus(ARTICLES), tmp_path / "index")
    answer = engine.ask("Where was the most recent summit of the harbour cities held?")
    assert answer.citations[0].source == "b.txt"
    assert answer.as_of == "2024-06-05"
    older = next(c for c in answer.citations if c.source == "a.txt")
    assert "2022" in older.dates  # "last year", read against the article's date
    assert older.text.startswith("A summit")  # the date stamp is not cited


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("When is the round following the 22nd one?", "When is the 23rd round?"),
        ("When was the round after the 22nd held?", "When was the 23rd round held?"),
        ("Who chaired the meeting before the 12th meeting?", "Who chaired the 11th meeting?"),
        ("What did the race after the 1st bring?", "What did the 2nd race bring?"),
        # another noun after the number: the talks after the 22nd round are no 23rd talks
        ("What happened at the talks after the 22nd round?", None),
        ("Who won the race before the 1st?", None),  # there is no 0th
    ],
)
def test_a_neighbour_in_a_series_is_named_by_its_number(question, read):
    def is_noun(word: str) -> bool:
        return word in ("round", "meeting", "race")

    assert neighbours_named(question, is_noun) == (read or question)


@pytest.mark.parametrize(
    "question",
    ["What happened after the 22nd?", "What was held in the week after the 22nd of May?"],
)
def test_only_a_noun_before_after_names_a_neighbour(question):
    """With the query's own test of a noun (the tagger's lexicon), not a stand-in."""
    from astana_qa.search.query import _is_noun

    assert neighbours_named(question, _is_noun) == question
    assert neighbours_named("When is the round after the 22nd?", _is_noun) == (
        "When is the 23rd round?"
    )


TWO_ROUNDS = {
    "a.txt": "Talks report\n\nThe 22nd round of the talks was held in Varna in May. "
    "The delegations agreed to hold the 23rd round in Burgas in the autumn of 2025.\n",
}


def test_the_round_after_one_named_by_its_month_is_the_next_one(make_corpus, tmp_path):
    """ "the round after the May meeting" is asked as "the 23rd round after the May
    meeting": the round the articles number next, not the May meeting's own sentence."""
    corpus = make_corpus(TWO_ROUNDS)
    engine = QAEngine.open(corpus, tmp_path / "index")
    answer = engine.ask("When is the round after the May meeting going to be held?")
    assert answer.citations[0].text.startswith("The delegations agreed")
    assert answer.answer == "the autumn of 2025"


def test_the_round_after_a_numbered_one_is_answered_from_its_own_sentence(make_corpus, tmp_path):
    corpus = make_corpus(TWO_ROUNDS)
    engine = QAEngine.open(corpus, tmp_path / "index")
    answer = engine.ask("Where will the round after the 22nd be held?")
    assert answer.citations[0].text.startswith("The delegations agreed")
    assert answer.answer == "Burgas"


ROUNDS_IN_TWO_ARTICLES = {
    "a.txt": "Talks announced\n\nThe 22nd round of the talks is set to take place in Varna "
    "on Nov. 11-12, the ministry said.\n",
    "b.txt": "Talks report\n\nThe 21st round of the talks was held in Burgas in March 2023. "
    "The 22nd round of the talks was held in Varna.\n",
}


def test_the_date_of_the_latest_round_is_read_where_that_round_is_dated(make_corpus, tmp_path):
    """The newest round's own sentence states no date; the sentence beside it dates
    another round. The answer is the date stated of the newest round elsewhere."""
    engine = QAEngine.open(make_corpus(ROUNDS_IN_TWO_ARTICLES), tmp_path / "index")
    answer = engine.ask("When was the most recent round held?")
    assert answer.answer == "Nov. 11-12"
    assert answer.question == "When was the most recent round held?"
    assert answer.citations[0].source == "a.txt"
    assert answer.as_of is None  # the answering sentence states no year, nor its article


def test_the_dates_of_the_latest_round_are_asked_of_that_round(make_corpus, tmp_path):
    corpus = {
        "a.txt": "Talks report\n\nThe 21st round of the talks was held in Burgas on the "
        "dates of March 3-4, 2023.\n",
        "b.txt": "Talks announced\n\nThe dates of the 22nd round of the talks in Varna are "
        "Nov. 11-12, the ministry said.\n",
    }
    engine = QAEngine.open(make_corpus(corpus), tmp_path / "index")
    assert engine.ask("dates of the latest round").answer == "Nov. 11-12"


def test_a_question_the_name_of_its_round_would_lengthen_past_the_limit_is_asked_as_it_is(
    make_corpus, tmp_path
):
    """A cold review's probe: "last" → "eleventh" must not make a question of the
    longest allowed length too long to ask."""
    rounds = {"a.txt": "Talks\n\nThe eleventh round of the talks was held in Varna.\n"}
    engine = QAEngine.open(make_corpus(rounds), tmp_path / "index")
    longest = "When was the last round held? " + "x" * (MAX_QUESTION_CHARS - 30)
    assert len(longest) == MAX_QUESTION_CHARS
    assert engine.ask(longest).question == longest


def test_the_named_round_s_answer_is_dated_by_its_own_sentence(make_corpus, tmp_path):
    """`as_of` is the date the answering sentence states (read against its article's
    date), not the date of the sentence that placed the round first."""
    dated = {
        "a.txt": "Talks announced\n\ndate 2024-10-20 The 22nd round of the talks is set to "
        "take place in Varna on Nov. 11-12, the ministry said.\n",
        "b.txt": "Talks report\n\ndate 2024-12-01 The 21st round of the talks was held in "
        "Burgas in March 2023. The 22nd round of the talks was held in Varna.\n",
    }
    engine = QAEngine.open(make_corpus(dated), tmp_path / "index")
    answer = engine.ask("When was the most recent round held?")
    assert answer.answer == "Nov. 11-12"
    assert answer.as_of == "2024-11-12"


def test_take_place_is_read_as_held_in_a_corpus_that_never_says_it(make_corpus, tmp_path):
    """'take place' for the articles' 'held': no lexical resource here links them, and
    in a corpus this small 'take' and 'place' are words it never uses. Since 0.2.29 a
    noun no article uses ('place') counts half against the question's coverage, as the
    verb ('take') did, so the round is answered (it was a known failure until then)."""
    corpus = make_corpus(TWO_ROUNDS)
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert engine.ask("Where will the round after the 22nd take place?").answer == "Burgas"


@pytest.mark.parametrize(
    ("article_date", "dates", "as_of"),
    [
        ("2024-10-10", ["2024-11-11/2024-11-12", "2024-01"], "2024-11-12"),  # the latest stated
        ("2024-10-10", ["--11-11/--11-12"], "2024-10-10"),  # no year: its article's date
        (None, ["--11-11/--11-12"], None),  # neither: no date to rest on
    ],
)
def test_an_answer_rests_on_the_date_its_first_citation_states(article_date, dates, as_of):
    """A newcomer's probe: `as_of` named another article's date than the cited one's."""
    from astana_qa.records import Citation
    from astana_qa.search.engine import _date_of

    citation = Citation(1, "a.txt", None, article_date, 0, 10, "x" * 10, 1.0, dates)
    assert _date_of(citation) == as_of


def test_the_instance_is_named_where_the_question_as_read_writes_its_time_words(
    make_corpus, tmp_path
):
    """A question whose dates were rewritten before its time words were read ("Sept
    30th" → "September 30") has them found again in the question as read, which the
    round's number is written into."""
    engine = QAEngine.open(make_corpus(TWO_ROUNDS), tmp_path / "index")
    for question, words in (
        ("Since Sept 30th, when was the most recent round held?", "most recent"),
        ("On Jan 24th, when is the round after the May meeting?", ""),
    ):
        query = engine.read(question)
        assert query.time is not None and query.time.words is not None
        start, end = query.time.words
        assert query.reading[start:end] == words
        assert query.reading[end:].startswith(" round" if words else "round")


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("When is the twenty-third round?", "When is the 23rd round?"),
        ("the twenty third meeting", "the 23rd meeting"),
        ("Who wrote Twelfth Night?", "Who wrote Twelfth Night?"),  # a title's
        ("Nearly a tenth of the budget", "Nearly a tenth of the budget"),  # a fraction
        ("the thirteenth and the twentieth", "the 13th and the 20th"),
        ("the ninety-first", "the 91st"),
        ("the first and the ninth rounds", "the first and the ninth rounds"),  # words in news
        ("the tenth-largest city", "the tenth-largest city"),  # the articles write it
    ],
)
def test_spelt_ordinals_from_the_tenth_are_read_in_figures(question, read):
    assert written_ordinals(question, lambda words: words.lower() == "tenth") == read


def test_an_ordinal_numbers_the_head_of_the_phrase_after_it():
    assert numbered_heads(tokens("The 22nd International Meeting on Syria is set.")) == [
        ("22nd", "Meeting")
    ]
    assert numbered_heads(tokens("They will hold the 23rd round of talks.")) == [("23rd", "round")]
    assert numbered_heads(tokens("He was 22nd.")) == []
    # a name after a common noun opens another phrase; a day of a month numbers nothing
    assert numbered_heads(tokens("In the 19th century Britain was strong.")) == [
        ("19th", "century")
    ]
    assert numbered_heads(tokens("On January 21st envoys met, and on the 3rd of May.")) == []
    assert numbered_heads(tokens("On 21st January the envoys met.")) == []


SERIES_UNDER_TWO_NAMES = {
    "a.txt": "Meeting announced\n\nThe 22nd International Meeting on the Region is set to take "
    "place in Varna on Nov. 11-12, the ministry said.\n",
    "b.txt": "Talks report\n\nThe 22nd round of the talks was held in Varna. The envoys "
    "expect to hold the 23rd round of the talks in the first half of 2025.\n",
}


@pytest.mark.parametrize(
    "question",
    [
        "When is the 23rd round expected to take place?",
        "When is the 23rd round set to take place?",
        "When is the twenty-third meeting expected to take place?",
    ],
)
def test_an_instance_the_articles_number_under_another_noun_is_another_of_the_series(
    make_corpus, tmp_path, question
):
    """The articles write "the 22nd round" and "the 22nd International Meeting": a
    sentence on the 22nd meeting does not answer for the 23rd round, nor one on the
    22nd round for the 23rd meeting, whose number the articles give a round."""
    engine = QAEngine.open(make_corpus(SERIES_UNDER_TWO_NAMES), tmp_path / "index")
    answer = engine.ask(question)
    assert answer.answer == "the first half of 2025"


def test_a_day_of_a_month_numbers_no_instance_of_the_series(make_corpus, tmp_path):
    """ "On January 21st …" is no other round because the articles write "21st round":
    the sentence answers for the 22nd round (a cold review's example)."""
    corpus = make_corpus({
        "a.txt": "Talks report\n\nThe 21st round of the talks was held in Astana in May.\n\n"
        "The 22nd round of the talks opened in Varna on January 20.\n\n"
        "On January 21st the envoys signed a prisoner exchange deal in Varna.\n",
        "b.txt": "Other news\n\nThe envoys signed a trade deal in Geneva in 2019.\n",
    })  # fmt: skip
    engine = QAEngine.open(corpus, tmp_path / "index")
    answer = engine.ask("Where did the envoys sign a prisoner exchange deal during the 22nd round?")
    assert answer.citations[0].text.startswith("On January 21st")
