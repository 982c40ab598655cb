import pytest

from astana_qa.search.query import (
    AnswerType,
    answer_type,
    key_words,
    time_bound,
    topic_text,
    written_dates,
)
from astana_qa.text.features import mentions_number, mentions_time, names


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When did the talks begin?", AnswerType.TIME),
        ("In what year was the process launched?", AnswerType.TIME),
        ("How many people were displaced?", AnswerType.NUMBER),
        ("What percentage of voters agreed?", AnswerType.NUMBER),
        ("Who represented Iran?", AnswerType.NAME),
        ("Where were the talks held?", AnswerType.NAME),
        ("What did the communiqué say?", AnswerType.NONE),
    ],
)
def test_answer_type(question, kind):
    assert answer_type(question) is kind


def test_topic_text_drops_answer_type_words():
    assert topic_text("How many people died in the war?") == "How people died in the war?"
    # what an abbreviation stands for: only the abbreviation is what it is about
    assert topic_text("What does the acronym SNC stand for?") == "What does the SNC?"
    assert topic_text("Who does the senator stand for?") == "Who does the senator stand for?"
    assert topic_text("What year did it start?") == "What did it start?"
    # a hedge before the question word asks the same: "roughly" is not a key word
    assert topic_text("Roughly how many people died?") == "how people died?"
    assert topic_text("What was it about?") == "What was it about?"


def test_key_words_are_names_and_numbers_not_the_first_word():
    assert key_words("Who represented Egypt at the 25th round in 2024?") == [
        "Egypt",
        "25th",
        "2024",
    ]
    assert key_words("who represented egypt") == []
    # a number is one even as the first word: it has no capital to mistake
    assert key_words("22nd round date") == ["22nd"]


def test_sentence_detectors():
    assert mentions_time("It began in March.") and mentions_time("In 1848 they left.")
    assert not mentions_time("It began later.")
    assert mentions_number("Two delegations") and mentions_number("7.5 percent")
    assert not mentions_number("Some delegations")
    assert names("Talks in Astana were led by Ahmet Yıldız.") == {"astana", "ahmet", "yildiz"}


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("What opened on January 30th?", "What opened on January 30?"),
        ("Who negotiated in Sept 1760?", "Who negotiated in September 1760?"),
        ("What happened on the 4th of July?", "What happened on the 4 July?"),
        ("Was it Dec. 5th, 1990?", "Was it December 5, 1990?"),
        ("When will the 25th round be held?", "When will the 25th round be held?"),
        ("Did the Sept group meet?", "Did the Sept group meet?"),  # no number follows
    ],
)
def test_written_dates(question, written):
    assert written_dates(question) == written


@pytest.mark.parametrize(
    ("question", "bound"),
    [
        ("When did they last meet before the January 2024 session?", ("before", "2024-01")),
        ("What was agreed after 2019?", ("after", "2019")),
        ("How many rounds have been held since 2017?", ("since", "2017")),
        ("What was agreed before the talks?", None),  # no date to bound by
        ("Who spoke at the 2019 talks?", None),
    ],
)
def test_a_time_bound_is_read_from_a_dated_phrase_after_before_after_or_since(question, bound):
    assert time_bound(question) == bound


@pytest.fixture(scope="module")
def harbour_engine(tmp_path_factory):
    """An engine over two sentences about a harbour, with its own index."""
    from astana_qa import QAEngine

    corpus = tmp_path_factory.mktemp("harbour")
    (corpus / "a.txt").write_text(
        "Harbour talks\n\nThe guarantors warned against attacks on the Varna harbour zone.\n\n"
        "The war displaced nearly 7 million people.\n\n"
        "The TUSAŞ plant and the VarnaTech yard build TV masts.\n",
        encoding="utf-8",
    )
    return QAEngine.open(corpus, tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "nouns"),
    [
        # a reader's own noun for the articles' ("truce" for "zone"); "area" is what is
        # asked for
        ("Which truce area did the guarantors warn about?", ["truce"]),
        # ... but not the noun saying what is asked for
        ("What is the population of Varna?", []),
        # ... nor a word the reader quotes
        ('Which harbour is known as "the pearl"?', []),
    ],
)  # fmt: skip
def test_a_readers_own_nouns(harbour_engine, question, nouns):
    query = harbour_engine.read(question)
    assert [word for word, _ in query.paraphrased_nouns] == nouns


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many people did the war displace in Varna?", ["Varna"]),
        # names in capitals, or with a capital inside, as the articles write them
        ("Who attacked the TUSAŞ plant near VarnaTech?", ["TUSAŞ", "VarnaTech"]),
        # not a common word in capitals; a name with its accents left out is the name
        ("Which TV masts did Tusas build?", ["Tusas"]),
    ],
)
def test_the_names_an_answers_article_must_mention(harbour_engine, question, names):
    assert [name.text for name in harbour_engine.read(question).names] == names


@pytest.mark.parametrize(
    ("question", "reading", "kind"),
    [
        # a question word and "'s" is read as the question word and "is" ...
        ("What's the harbour's nickname?", "What is the harbour's nickname?", "thing"),
        ("Who’s the mayor of Varna?", "Who is the mayor of Varna?", "person"),
        # ... or "has" before a participle that takes no object
        ("What's happened to the harbour?", "What has happened to the harbour?", "thing"),
        # a passive or a name after it keeps "is"
        ("What's used to measure the harbour?", "What is used to measure the harbour?", "thing"),
        ("Who's Karen, the harbour's mayor?", "Who is Karen, the harbour's mayor?",
         "person"),
        # ... and "has" before a participle followed by its object
        ("Who's led the harbour talks?", "Who has led the harbour talks?", "person"),
    ],
)  # fmt: skip
def test_a_question_word_contracted_with_is_or_has_is_read_spelt_out(
    harbour_engine, question, reading, kind
):
    query = harbour_engine.read(question)
    assert query.reading == reading
    assert query.expected.kind == kind


def test_the_noun_asked_for_has_no_stand_in_when_a_kind_of_it_answers(tmp_path):
    # "weekday" is no word of the articles: its related "friday" would stand in for it,
    # and the answer would be read as the question's own word; "spokesperson" keeps
    # "spokeswoman", which shows who holds the role
    from astana_qa import QAEngine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Harbour talks\n\nThe council approved the Varna harbour on Friday, spokeswoman "
        "Maria Ivanova said.\n",
        encoding="utf-8",
    )
    engine = QAEngine.open(corpus, tmp_path / "index")
    query = engine.read("On what weekday did the council approve the harbour?")
    assert query.expected.focus == "weekday"
    assert "weekday" not in query.family.values()
    query = engine.read("Which spokesperson spoke about the harbour?")
    assert "spokesperson" in query.family.values()
