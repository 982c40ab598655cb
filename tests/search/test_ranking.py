import numpy as np
import pytest

from astana_qa import QAEngine
from astana_qa.settings import RankingSettings, Settings
from astana_qa.text.expansion import Expansion

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
    a = engine.ranker.rows
    for i, (d, s, e) in enumerate(zip(a.doc, a.start, a.end, strict=True)):
        if words in engine.texts[d][s:e]:
            return i
    raise AssertionError(words)


def type_match(engine: QAEngine, question: str) -> np.ndarray:
    r = engine.ranker
    evidence = r.evidence(engine.read(question))
    return r.answer_type_match(evidence, np.arange(r.size))


def test_answer_type_prefers_sentences_holding_that_kind_of_thing(engine):
    approved = sentence_with(engine, "approved")
    mayor = sentence_with(engine, "Mayor Petrov")
    assert type_match(engine, "When was the project approved?")[approved] == 1
    assert type_match(engine, "When was the project approved?")[mayor] == 0
    assert type_match(engine, "Who praised the project?")[mayor] == 1
    # A name the question already holds is not an answer to it.
    assert type_match(engine, "Who is Mayor Petrov?")[mayor] == 0
    assert not type_match(engine, "What is the project?").any()


def test_phrase_match_is_the_share_of_question_pairs_found_adjacent(engine):
    r = engine.ranker
    query = engine.analyzer.terms("city council harbour project")
    discussed = sentence_with(engine, "discussed")
    cost = sentence_with(engine, "two hundred")
    counts, pairs = r.phrase_counts(query)
    match = counts / pairs
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


def test_coverage_counts_an_expansion_found_for_a_term_at_its_weight(engine):
    r = engine.ranker
    approved = sentence_with(engine, "approved")
    terms = engine.analyzer.terms("council approved zebra")
    council = engine.analyzer.terms("council")[0]
    broader = Expansion(source="zebra", term=council, weight=0.5)  # not naming the same
    plain = r.coverage(terms, approved)
    assert r.coverage(terms, approved, [broader]) > plain
    same = Expansion(source="zebra", term=council, weight=0.5, equivalent=True)
    assert np.isclose(r.coverage(terms, approved, [same]), r.coverage(terms, approved, [broader]))


def test_coverage_counts_a_missing_light_term_less_and_a_found_one_fully(engine):
    r = engine.ranker
    approved = sentence_with(engine, "approved")
    terms = engine.analyzer.terms("council approved zebra")
    zebra, council = engine.analyzer.terms("zebra")[0], engine.analyzer.terms("council")[0]
    plain = r.coverage(terms, approved)
    lighter = r.coverage(terms, approved, light={zebra}, light_weight=0.5)
    assert plain < lighter < 1.0
    assert np.isclose(r.coverage(terms, approved, light={council}, light_weight=0.5), plain)


def test_a_readers_own_verb_no_article_uses_counts_less_against_the_answer(make_corpus, tmp_path):
    """A verb the article never uses ("driven out" for "leave") counts less against
    the share of the question the best sentence covers (the answer's confidence); a
    noun the articles never use counts fully ("How many zebras…?" is about what is not
    there)."""
    corpus = make_corpus({"a.txt": "News\n\nThe war in Varna forced nearly 7 million people "
                          "to leave their towns.\n\nThe harbour council met on Monday to "
                          "discuss the new bridge.\n\nFishing boats returned to the port "
                          "after the storm.\n"})  # fmt: skip

    def confidence(question: str, weight: float) -> float:
        settings = Settings(ranking=RankingSettings(paraphrase_weight=weight))
        engine = QAEngine.open(corpus, tmp_path / "index", settings=settings)
        return engine.ask(question).confidence

    driven = "How many people were driven out by the war in Varna?"
    assert confidence(driven, 0.5) > confidence(driven, 1.0)
    zebras = "How many zebras did the war in Varna force to leave?"
    assert confidence(zebras, 0.5) == confidence(zebras, 1.0)


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
    assert engine.ask("What did Newcastle University win in 2000?").citations[0].text == (
        "It won the national teaching award in 2000."
    )
    query = engine.ranker.term_numbers(engine.analyzer.terms("Newcastle award"))
    window = engine.ranker.windows.scores(query)
    won = sentence_with(engine, "It won")
    assert window[won] == window.max() > 0


QUESTIONS = [
    "When did the council approve the harbour project?",
    "Who said the project would create jobs?",
    "How much will the project cost?",
    "What was discussed by the council?",
    "harbour",
]


def assert_top_equals_scoring_every_sentence(engine: QAEngine, question: str, count: int):
    r = engine.ranker
    query = engine.read(question)
    settings = engine.settings.ranking
    scores = r.scores(query, settings)
    expected = np.lexsort((np.arange(len(scores)), -scores))[:count]
    rows, top_scores = r.top(query, settings, count)
    assert rows.tolist() == expected.tolist()
    assert top_scores.tolist() == scores[expected].tolist()


@pytest.mark.parametrize("count", [1, 3, 50])
@pytest.mark.parametrize("question", QUESTIONS)
def test_top_equals_ranking_every_sentence(engine, question, count):
    assert_top_equals_scoring_every_sentence(engine, question, count)


def test_top_reaches_sentences_whose_paragraph_has_no_question_term(make_corpus, tmp_path):
    # Many articles, one matching sentence: the rest of the top comes from articles
    # and paragraphs without the question's terms, ranked by article and answer type.
    files = {f"{i:02d}.txt": f"Story {i} of the week\n\n{ARTICLE}" for i in range(8)}
    files["99.txt"] = "A note on zebras\n\nThe zebra crossing near the harbour opened in 2020.\n"
    engine = QAEngine.open(make_corpus(files), tmp_path / "index")
    assert_top_equals_scoring_every_sentence(engine, "When did the zebra crossing open?", 40)


def test_a_weighted_term_scores_its_weight_times_its_bm25_part():
    from astana_qa.search.bm25 import BM25Scorer
    from astana_qa.settings import BM25Params

    texts = [["talks", "resumed"], ["hiatus", "talks"], ["rain", "wheat", "hiatus"]]
    scorer, vocab = BM25Scorer.from_texts(texts, BM25Params())
    talks, hiatus = vocab["talks"], vocab["hiatus"]
    plain = scorer.scores([talks]) + scorer.scores([hiatus])
    weighted = scorer.scores([talks, hiatus], [1.0, 0.25])
    assert weighted == pytest.approx(scorer.scores([talks]) + 0.25 * scorer.scores([hiatus]))
    assert (weighted <= plain).all() and (weighted < plain).any()


def test_cooccurrence_shares_count_paragraphs_holding_another_question_term(seed_engine):
    """For each related term, the share of the paragraphs holding it that also hold a
    question term other than the one it stands for: the batched look-up against a
    paragraph-by-paragraph count."""
    ranker = seed_engine.ranker
    context = ["deleg", "=iran", "lead"]
    related = ["head", "negoti", "round", "=russia", "unindexedword"]
    shares = ranker.cooccurrence(context)("lead")(related)
    paragraphs = ranker.paragraphs

    def rows(term: str) -> set[int]:
        number = ranker.term_number.get(term)
        return set() if number is None else set(paragraphs.rows(number).tolist())

    others = rows("deleg") | rows("=iran")
    for term, share in zip(related, shares, strict=True):
        holding = rows(term)
        expected = len(holding & others) / len(holding) if holding else 0.0
        assert share == pytest.approx(expected)
    assert shares[-1] == 0.0 and any(0 < s < 1 for s in shares)


def test_near_in_articles_counts_articles_against_a_set_by_set_count(seed_engine):
    """Articles holding a term and one of the others, articles holding the term, and
    the share of all articles holding one of the others, against sets of rows."""
    ranker = seed_engine.ranker
    documents = ranker.documents

    def rows(term: str) -> set[int]:
        return set(documents.rows(ranker.term_number[term]).tolist())

    for term, others in [("hiatus", ["month", "=russia"]), ("deleg", ["regim", "opposit"])]:
        holding = rows(term)
        with_others = set().union(*(rows(o) for o in others))
        near, count, share = ranker.near_in_articles(term, others)
        assert (near, count) == (len(holding & with_others), len(holding))
        assert share == pytest.approx(len(with_others) / documents.size)
        assert 0 < near <= count


@pytest.mark.parametrize("size", [1, 5, 64, 65, 1000, 20000])
def test_kth_largest_is_np_partitions(size):
    from astana_qa.search.ranking import _kth_largest

    rng = np.random.default_rng(size)
    values = rng.integers(0, 50, size).astype(np.float64)  # many ties
    for k in sorted({1, min(size, 3), min(size, 70), size}):
        assert _kth_largest(values, k) == np.sort(values)[::-1][k - 1]


@pytest.mark.parametrize("count", [1, 3, 8, 20, 45, 90])
@pytest.mark.parametrize(
    "question",
    ["Who represented Turkey?", "When was the 22nd round held?", "terrorism", "Why?",
     "How many people fled Syria?", "What did the guarantors condemn in Idlib?"],
)  # fmt: skip
def test_top_keeps_the_sentences_of_matching_paragraphs_that_can_rank(seed_engine, question, count):
    # The seeds' paragraphs hold several sentences, most without the question's words:
    # those rank by their paragraph and article alone, and some reach every cut.
    assert_top_equals_scoring_every_sentence(seed_engine, question, count)
