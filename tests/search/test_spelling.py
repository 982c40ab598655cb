import pytest

from astana_qa.search.spelling import TermMatcher, allowed_edits

VOCABULARY = ["genghi", "khan", "univers", "chicago", "super", "bowl", "case", "2019", "cast"]
# How many sentences hold each term; "cast" and "case" are one edit from "casr".
FREQUENCY = {"cast": 3, "case": 1}
ADJACENT = {("super", "bowl")}
STEMS = {"university": "univers", "univeristy": "univeristi"}


@pytest.fixture
def matcher():
    number = {term: i for i, term in enumerate(VOCABULARY)}
    return TermMatcher(
        number,
        frequency=lambda n: FREQUENCY.get(VOCABULARY[n], 2),
        adjacent=lambda a, b: (VOCABULARY[a], VOCABULARY[b]) in ADJACENT,
        analyze=lambda text: [STEMS.get(text, text)] if text.isalnum() else [],
    )


@pytest.mark.parametrize(
    ("term", "edits"),
    [("eu", 0), ("pie", 0), ("iran", 1), ("egypt", 1), ("ghengi", 2), ("2019", 0), ("5fm", 0)],
)
def test_allowed_edits_follow_lucene_auto_fuzziness(term, edits):
    assert allowed_edits(term) == edits


@pytest.mark.parametrize(
    ("term", "matched"),
    [
        ("khan", ["khan"]),  # indexed as it is
        ("ghengi", ["genghi"]),  # two edits in a long word
        ("univeristi", []),  # three edits from "univers": too far
        ("chicaog", ["chicago"]),  # two neighbours swapped
        ("chigaco", ["chicago"]),  # two letters replaced
        ("superbowl", ["super", "bowl"]),  # two words that sentences have side by side
        ("bowlsuper", []),  # never side by side in that order
        ("kahn", ["khan"]),  # one edit in a four-letter word
        ("kan", []),  # too short to guess at
        ("2018", []),  # numbers must match exactly
        ("atlantis", []),  # nothing near
    ],
)
def test_match(matcher, term, matched):
    assert matcher.match(term, term) == matched


def test_a_typo_in_the_written_word_is_corrected_through_its_stem(matcher):
    # The stems are three edits apart; the words only one (two letters swapped).
    assert matcher.match("univeristi", "univeristy") == ["univers"]


def test_ties_go_to_the_term_more_sentences_hold(matcher):
    assert matcher.correct("casr") == "cast"  # "case" is as close, but rarer


def test_a_disabled_matcher_matches_terms_only_as_they_are(matcher):
    matcher.enabled = False
    assert matcher.match("khan", "khan") == ["khan"]
    assert matcher.match("ghengi", "ghengi") == []
    assert matcher.match("superbowl", "superbowl") == []


def test_variants_are_analysed_only_when_they_begin_like_an_indexed_term():
    analysed: list[str] = []

    def analyze(text: str) -> list[str]:
        analysed.append(text)
        return [text]

    vocabulary = ["harbour", "minister"]
    matcher = TermMatcher(
        {t: i for i, t in enumerate(vocabulary)},
        frequency=lambda n: 1,
        adjacent=lambda a, b: False,
        analyze=analyze,
    )
    assert matcher.correct_written("harbpur") == "harbour"
    assert all(v[:3] in {"har", "min"} for v in analysed)
    analysed.clear()
    assert matcher.correct_written("qzxwvkjyp") is None
    assert analysed == []


def test_a_word_the_dictionary_knows_is_not_read_as_a_typo():
    # "cask" is one edit from "cast" and "case", but it is a word of its own: the
    # articles lack it, a reader did not mistype it. Run-together words still split.
    words = {"cask", "superbowl"}
    number = {term: i for i, term in enumerate(VOCABULARY)}
    matcher = TermMatcher(
        number,
        frequency=lambda n: 1,
        adjacent=lambda a, b: (VOCABULARY[a], VOCABULARY[b]) in ADJACENT,
        analyze=lambda text: [text] if text.isalnum() else [],
        is_word=words.__contains__,
    )
    assert matcher.match("cask", "Cask") == []
    assert matcher.match("casr", "casr") == ["cast"]
    assert matcher.match("superbowl", "superbowl") == ["super", "bowl"]


def test_the_engine_reads_english_words_as_words_not_typos(seed_engine):
    # The seed articles never say "team" or "winter" (one edit from "tear", "intern").
    query = seed_engine.read("Who headed the team at the winter round?")
    assert "team" in query.terms and "winter" in query.terms
    assert "tear" not in query.terms and "intern" not in query.terms
