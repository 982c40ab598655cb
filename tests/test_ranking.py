import numpy as np
import pytest

from astana_qa import QAEngine

ARTICLE = (
    "Talks on the harbour project\n\n"
    "The harbour project was discussed by the city council at length.\n"
    "The council approved the harbour project in March 2021.\n"
    "Mayor Petrov said the harbour project would create many jobs.\n\n"
    "The project will cost the city two hundred million euros over ten years.\n"
)


@pytest.fixture
def engine(make_corpus, tmp_path) -> QAEngine:
    return QAEngine.open(make_corpus({"a.txt": ARTICLE}), tmp_path / "index")


def sentence_with(engine: QAEngine, words: str) -> int:
    idx = engine.index
    for i, (d, s, e) in enumerate(zip(idx.doc, idx.start, idx.end, strict=True)):
        if words in engine.texts[d][s:e]:
            return i
    raise AssertionError(words)


def test_answer_type_prefers_sentences_holding_that_kind_of_thing(engine):
    r = engine.ranker
    approved = sentence_with(engine, "approved")
    mayor = sentence_with(engine, "Mayor Petrov")
    assert r.answer_type_match("When was the project approved?")[approved] == 1
    assert r.answer_type_match("When was the project approved?")[mayor] == 0
    assert r.answer_type_match("Who praised the project?")[mayor] == 1
    # A name the question already holds is not an answer to it.
    assert r.answer_type_match("Who is Mayor Petrov?")[mayor] == 0
    assert not r.answer_type_match("What is the project?").any()


def test_phrase_match_is_the_share_of_question_pairs_found_adjacent(engine):
    r = engine.ranker
    query = engine.analyzer.terms("city council harbour project")
    discussed = sentence_with(engine, "discussed")
    cost = sentence_with(engine, "two hundred")
    match = r.phrase_match(query)
    assert match[discussed] == pytest.approx(2 / 3)  # "harbour project", "city council"
    assert match[cost] == 0


def test_context_lifts_a_sentence_whose_paragraph_matches(engine):
    # The answer sentence does not say "harbour", its paragraph does.
    answer = engine.ask("How much will the harbour project cost?")
    assert "two hundred million" in answer.answer


def test_coverage_counts_the_paragraph_and_weights_rare_terms(engine):
    r = engine.ranker
    approved = sentence_with(engine, "approved")
    assert r.coverage(engine.analyzer.terms("council approved"), approved) == 1.0
    partly = r.coverage(engine.analyzer.terms("council approved zebra"), approved)
    assert 0 < partly < 0.5  # the unseen word weighs more than the two seen ones
    assert np.isclose(r.coverage([], approved), 0.0)


def test_unknown_name_or_number_means_abstention(engine):
    assert engine.ask("When did the council approve the harbour project?").answered
    assert not engine.ask("When did the council approve the Lisbon harbour project?").answered
    assert not engine.ask("When did the council approve the harbour project in 2035?").answered


def test_window_lends_a_pronoun_sentence_its_subject(make_corpus, tmp_path):
    corpus = make_corpus(
        {
            "u.txt": "Universities of the north\n\n"
            "Newcastle University is a public research university in the north of England. "
            "It won the national teaching award in 2000.\n\n"
            "Durham University is older and larger than most universities in the region.\n"
        }
    )
    engine = QAEngine.open(corpus, tmp_path / "index")
    assert engine.ask("What did Newcastle University win in 2000?").answer == (
        "It won the national teaching award in 2000."
    )
    window = engine.ranker.windows.scores(engine.analyzer.terms("Newcastle award"))
    won = sentence_with(engine, "It won")
    assert window[won] == window.max() > 0
