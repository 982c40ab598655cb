"""The expansion policy, on a lexicon and a corpus made here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest

from astana_qa.text.entities import tokens
from astana_qa.text.expansion import (
    MONTH_OF_PERIOD,
    CorpusStats,
    ExpansionPolicy,
    expand,
    number_forms,
    period_months,
    phrasal_verbs,
    sense_share,
    senses_in_corpus,
    stands_for_another,
    terms_of_links,
)
from astana_qa.text.lexicon import Lexicon, LexiconData

# Paragraphs of a tiny corpus, as sets of terms.
PARAGRAPHS = [
    {"syrian", "regime", "delegation"},
    {"regime", "diet", "protein"},
    {"authorities", "weather"},
    {"=united_states", "boycott"},
    {"hiatus", "round"},
    {"final", "communique"},
    {"22nd", "round"},
]
LEXICON = Lexicon(
    LexiconData(
        related={
            "government": "regime:0.667:0.667:s authorities:0.900:0.900:s palace:0.900:0.040:h",
            "break": "hiatus:0.010:0.500:h",
            "closing": "final:0.500:0.500:a",
        },
        irregular={},
        places={"washington": ["United States"], "moscow": ["Russia"]},
    )
)


def cooccurrence(question: Sequence[str]) -> Callable[[str], Callable[[Sequence[str]], list]]:
    def for_word(word: str) -> Callable[[Sequence[str]], list]:
        others = set(question) - {word}

        def shares(terms: Sequence[str]) -> list:
            found = []
            for term in terms:
                holding = [p for p in PARAGRAPHS if term in p]
                found.append(
                    sum(bool(p & others) for p in holding) / len(holding) if holding else 0.0
                )
            return found

        return shares

    return for_word


def near_in_articles(term: str, others: Sequence[str]) -> tuple[int, int, float]:
    """Each paragraph of the tiny corpus is an article of its own."""
    holding = [p for p in PARAGRAPHS if term in p]
    near = sum(bool(p & set(others)) for p in holding)
    return near, len(holding), sum(bool(p & set(others)) for p in PARAGRAPHS) / len(PARAGRAPHS)


CORPUS = CorpusStats(
    indexed=lambda term: any(term in p for p in PARAGRAPHS),
    cooccurrence=cooccurrence,
    near_in_articles=near_in_articles,
    writes=lambda words, term: 1.0,
)


def analyse(text: str) -> list[str]:
    return ["=united_states", "united", "states"] if text == "United States" else [text.lower()]


def run(written: list[tuple[str, str]], **policy: object) -> dict[str, float]:
    found = expand(written, LEXICON, analyse, CORPUS, ExpansionPolicy(**policy))  # type: ignore[arg-type]
    return {e.term: e.weight for e in found}


def test_an_expansion_must_be_indexed_and_used_near_the_other_question_words():
    found = run([("syrian", "syrian"), ("government", "government"), ("delegation", "delegation")])
    # "authorities" is indexed but never near "syrian" or "delegation"; "palace" is not
    # indexed at all.
    assert set(found) == {"regime"}
    assert 0 < found["regime"] < 1


def test_without_the_context_gate_every_indexed_expansion_is_kept():
    found = run([("syrian", "syrian"), ("government", "government")], min_context=-1.0)
    assert set(found) == {"regime", "authorities"}
    assert found["authorities"] > found["regime"]  # the stronger link weighs more


def test_weights_stay_below_the_cap_and_the_question_words_own_weight():
    found = run([("government", "government")], scale=10.0, min_context=-1.0)
    assert found and all(w == pytest.approx(0.9) for w in found.values())


def test_a_place_is_searched_for_as_the_corpus_alias_of_its_country():
    found = run([("washington", "washington"), ("take", "take")])
    assert set(found) == {"=united_states"}  # not "united" and "states" on their own


def test_only_words_for_the_same_thing_are_equivalent():
    written = [("government", "government"), ("washington", "washington")]
    policy = ExpansionPolicy(min_context=-1.0)
    found = expand(written, LEXICON, analyse, CORPUS, policy)
    assert {e.term: e.equivalent for e in found} == {
        "regime": True,  # synonym
        "authorities": True,
        "=united_states": True,  # place
    }
    as_weighed = replace(policy, renormalise_unused=False)  # the lexicon's own weight
    hypernym = expand([("break", "break"), ("round", "round")], LEXICON, analyse, CORPUS,
                      as_weighed)  # fmt: skip
    assert [(e.term, e.equivalent) for e in hypernym] == [("hiatus", False)]
    assert 0 < hypernym[0].weight < 0.1  # through a rare sense of "break"
    similar = expand([("closing", "closing"), ("communique", "communique")], LEXICON, analyse,
                     CORPUS, policy)  # fmt: skip
    assert [(e.term, e.equivalent) for e in similar] == [("final", True)]  # similar adjective


def test_a_place_the_corpus_does_not_name_adds_nothing():
    assert run([("moscow", "moscow")]) == {}


def test_per_word_keeps_the_heaviest():
    found = run([("government", "government")], min_context=-1.0, per_word=1)
    assert set(found) == {"authorities"}


def test_a_table_without_parts_of_speech_keeps_its_links_for_a_tagged_word():
    tagged = expand([("government", "government"), ("syrian", "syrian")], LEXICON, analyse,
                    CORPUS, ExpansionPolicy(), part_of_speech=lambda token: "n")  # fmt: skip
    assert [e.term for e in tagged] == ["regime"]


def test_a_repeated_word_is_expanded_once():
    once = run([("government", "government"), ("syrian", "syrian")])
    twice = run([("government", "government"), ("government", "government"), ("syrian", "syrian")])
    assert once == twice == {"regime": pytest.approx(once["regime"])}


def test_a_named_site_stands_for_its_country_only_when_written_as_a_name():
    lexicon = Lexicon(
        LexiconData(related={}, irregular={}, places={}, sites={"white house": ["United States"]})
    )
    written = [("white house", "white house"), ("boycott", "boycott")]
    policy = ExpansionPolicy()

    def terms(as_name: Callable[[str], bool]) -> list[str]:
        found = expand(written, lexicon, analyse, CORPUS, policy, written_as_name=as_name)
        return [e.term for e in found]

    assert terms(lambda token: token == "white house") == ["=united_states"]
    assert terms(lambda token: False) == []  # "a white house" is no country


def test_a_country_written_as_a_name_stands_for_its_country_only():
    """ "Washington's envoy": the United States; the related words WordNet gives
    "washington" (here "hiatus", as it gives "improve" for "polish") belong to the
    word's other senses, and are not searched when it is written as a name."""
    lexicon = Lexicon(
        LexiconData(related={"washington": "hiatus:0.900:0.900:s"}, irregular={},
                    places={"washington": ["United States"]})
    )  # fmt: skip
    written = [("washington", "washington"), ("round", "round")]

    def terms(as_name: Callable[[str], bool]) -> set[str]:
        found = expand(
            written, lexicon, analyse, CORPUS, ExpansionPolicy(), written_as_name=as_name
        )
        return {e.term for e in found}

    assert "hiatus" not in terms(lambda token: token == "washington")
    assert "hiatus" in terms(lambda token: False)  # "washington" as any word


def test_a_number_and_its_ordinal_name_the_same_rank():
    assert number_forms("22") == ["22nd"] and number_forms("13") == ["13th"]
    assert number_forms("111") == ["111th"] and number_forms("22nd") == []  # no way back
    # a rank below ten, also the word news style writes ("the third round")
    assert number_forms("3rd") == ["third"]
    # ... but a bare digit is no count's word: "stage 2" is not "two stages"
    assert number_forms("2") == ["2nd"]
    assert number_forms("2024") == [] and number_forms("07") == [] and number_forms("astana") == []
    found = expand(
        [("astana", "astana"), ("22", "22")], LEXICON, analyse, CORPUS, ExpansionPolicy()
    )
    ordinal = [e for e in found if e.term == "22nd"]
    assert len(ordinal) == 1 and ordinal[0].source == "22" and ordinal[0].equivalent
    assert 0 < ordinal[0].weight < 1
    # an ordinal no text uses is not searched for
    assert not [e for e in expand([("5", "5")], LEXICON, analyse, CORPUS, ExpansionPolicy())]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the tagger reads "break" as a noun in a question with "did": a particle ending
        # the clause still makes it a phrasal verb
        ("When did the war break out?", [("break out", "break")]),
        # ... but a noun after "the" is one ("the fall back", "the play off")
        ("What was the fall back?", []),
        ("Who won the play off?", []),
        # past an adverb the tagger reads as an adjective, to the noun before it ...
        ("When did the fighting in Syria first break out?", [("break out", "break")]),
        # ... but not past an adjective to "the", nor to a noun without "did"
        ("Who won the final play off?", []),
        ("Who won the Champions League final play off?", []),
        ("Who won the league's final play off?", []),
        ("Who ordered the regime's sudden crack down?", []),
        # ... nor to "did" of another clause, nor past a possessive
        ("Why did the talks stall before the league's final play off?", []),
        ("How long did the talks last after the truce's break down?", []),
        ("Who sat in on the talks?", [("sit in", "sat")]),
        ("Who paid for the stadium?", []),  # a preposition's phrase
    ],
)
def test_phrasal_verbs_of_a_question(question, expected):
    words = tokens(question)
    terms = {w.text.lower(): w.text.lower() for w in words if w.text.isalpha()}
    assert phrasal_verbs(words, terms, Lexicon()) == expected


def test_an_unused_words_senses_are_renormalised_among_those_the_corpus_shows():
    # "break" is no term of this corpus; of its two senses only the pause (p = 0.25) has
    # a related word used near "round": the question can only mean that one here.
    links = "hiatus:0.25:0.5:h fracture:0.75:1.0:h"
    lexicon = Lexicon(LexiconData(related={"break": links, "regime": links}, irregular={},
                                  places={}))  # fmt: skip

    def weights(word: str, **policy: object) -> dict[str, float]:
        found = expand([(word, word), ("round", "round")], lexicon, analyse, CORPUS,
                       ExpansionPolicy(**policy))  # type: ignore[arg-type]  # fmt: skip
        return {e.term: e.weight for e in found}

    plain = weights("break", renormalise_unused=False)["hiatus"]
    assert weights("break")["hiatus"] == pytest.approx(plain * (1 / 0.25) ** 0.5)
    # A word the articles use ("regime") keeps its sense's own probability.
    assert weights("regime")["hiatus"] == pytest.approx(plain)
    # A question of one word shows no sense: nothing to tell them apart by.
    alone = [(e.term, e.weight) for e in expand([("break", "break")], lexicon, analyse, CORPUS,
                                                ExpansionPolicy())]  # fmt: skip
    assert alone == [("hiatus", pytest.approx(plain))]


def _month_terms(question: str, indexed: frozenset[str]) -> dict[str, list[str]]:
    """The months `period_months` searches for, by the question word they stand for."""
    stopwords = {"the", "of", "in", "and", "for", "was", "what", "who", "when", "where"}
    written = [(w, w.lower()) for w in question.replace("?", "").split()
               if w.lower() not in stopwords]  # fmt: skip
    found: dict[str, list[str]] = {}
    for e in period_months(question, written, lambda w: [w.lower()], indexed.__contains__):
        assert e.weight == MONTH_OF_PERIOD and e.equivalent
        found.setdefault(e.source, []).append(e.term)
    return found


def test_a_season_with_its_year_is_searched_for_by_its_months():
    indexed = frozenset({"october", "november", "december", "january", "march"})
    found = _month_terms("When was the autumn 2024 round held?", indexed)
    assert found == {"autumn": ["october", "november"]}  # September is never indexed
    # winter runs across the year's end; the first half of a year is six months
    assert _month_terms("Who came in winter 2024?", indexed) == {"winter": ["december", "january"]}
    # the months stand for the period's noun, not an ordinal ("first") used elsewhere too
    assert _month_terms("What was planned for the first half of 2025?", indexed) == {
        "half": ["january", "march"]
    }
    # two periods sharing months search for each month once
    both = _month_terms("Who met in the first half of 2025 and in spring 2025?", indexed)
    assert sorted(t for terms in both.values() for t in terms) == ["january", "march"]


def test_a_season_without_a_year_or_a_whole_year_gives_no_months():
    indexed = frozenset({"october", "november", "january"})
    assert _month_terms("Where do the birds go in autumn?", indexed) == {}  # no year
    assert _month_terms("What happened in 2024?", indexed) == {}  # a year is no period
    assert _month_terms("Who led the November 2024 round?", indexed) == {}  # one month


def test_a_verb_the_articles_never_use_is_read_with_its_preposition():
    """ "spoke for the Islamic Republic": "speak for" (→ represent), when the articles
    never use "speak"; "pay for the stadium" stays a verb and a phrase when they do."""
    for question, verb in (("Who spoke for the Islamic Republic?", "spoke"),
                           ("Who paid for the stadium?", "paid")):  # fmt: skip
        words = tokens(question)
        terms = {w.text.lower(): w.text.lower() for w in words if w.text.isalpha()}
        unused = phrasal_verbs(words, terms, Lexicon(), lambda term, v=verb: term != v)
        assert [phrase for phrase, _ in unused] == [{"spoke": "speak for", "paid": "pay for"}[verb]]
        assert phrasal_verbs(words, terms, Lexicon(), lambda term: True) == []


def test_a_stopword_verb_is_not_read_with_its_preposition_for_the_word_after_it():
    """ "went across the river": when the verb is a stopword (no term of its own), the
    word after it must not decide that the articles never use the verb."""
    words = tokens("Who went across the river?")
    never = lambda term: False  # noqa: E731 - no article uses any word
    assert phrasal_verbs(words, {"across": "across", "river": "river"}, Lexicon(), never) == []
    terms = {"went": "went", "across": "across", "river": "river"}
    assert phrasal_verbs(words, terms, Lexicon(), never) == [("go across", "went")]


# "mummy" is the mother (probability 0.67) or the embalmed body (0.33).
MUMMY = Lexicon(
    LexiconData(
        related={
            "mummy": "mom:0.667:1.0:s mother:0.667:0.97:h mummify:0.333:0.27:d body:0.333:0.08:h",
            "mother": "mummy:0.97:0.667:h",
        },
        irregular={},
        places={},
    )
)


def articles_corpus(articles: list[set[str]]) -> CorpusStats:
    def near_in(term: str, others: Sequence[str]) -> tuple[int, int, float]:
        holding = [a for a in articles if term in a]
        near = sum(bool(a & set(others)) for a in holding)
        return near, len(holding), sum(bool(a & set(others)) for a in articles) / len(articles)

    return CorpusStats(
        indexed=lambda term: any(term in a for a in articles),
        cooccurrence=cooccurrence,
        near_in_articles=near_in,
        writes=lambda words, term: 1.0,
    )


# Forty articles: four on falcon mummies (the word beside "mummify"), a mother in two
# others, the rest about other things.
FALCONS = [{"mummy", "mummify", "falcon"} for _ in range(4)] + [
    {"mother", "child"},
    {"mother", "school"},
    *({"weather", f"word{n}"} for n in range(34)),
]


def test_the_articles_show_which_sense_of_a_related_word_they_use():
    kept = senses_in_corpus("mummy", MUMMY, analyse, articles_corpus(FALCONS))
    # the embalmed body: every article with "mummy" says "mummify"
    assert sense_share(kept, 0.333) == 1.0
    # the mother: no article with "mummy" uses its words
    assert sense_share(kept, 0.667) < 0.3
    # a probability the entry does not write keeps all
    assert sense_share(kept, 0.05) == sense_share({}, 0.667) == 1.0


def test_a_related_word_of_an_unshown_sense_weighs_less():
    corpus = articles_corpus(FALCONS)

    def kept(word: str, p_related: float) -> float:
        return sense_share(senses_in_corpus(word, MUMMY, analyse, corpus), p_related)

    written = [("mother", "mother"), ("falcon", "falcon")]
    policy = ExpansionPolicy(min_context=-1.0)  # the tiny corpus's paragraphs aside
    plain = expand(written, MUMMY, analyse, corpus, policy)
    weighed = expand(written, MUMMY, analyse, corpus, policy, sense_kept=kept)
    assert [e.term for e in plain] == [e.term for e in weighed] == ["mummy"]
    assert weighed[0].weight < 0.6 * plain[0].weight


@pytest.mark.parametrize(
    "articles",
    [
        # a few articles: every word is beside every other by chance
        [{"mummy", "mummify", "mother"}, {"mummy", "body"}, {"mother", "mummify"}],
        # articles using both senses
        [*FALCONS, *({"mummy", "mom", f"child{n}"} for n in range(6))],
        # articles using the word beside neither sense's words
        [{"mummy", "weather"} for _ in range(4)] + FALCONS[4:],
    ],
)
def test_every_sense_is_kept_unless_the_articles_show_some_and_not_others(articles):
    assert senses_in_corpus("mummy", MUMMY, analyse, articles_corpus(articles)) == {}


# "stately" is stemmed "state", a word of its own; "intentionally" is stemmed "intent".
STEMS = Lexicon(
    LexiconData(
        related={
            "tall": "stately:0.8:0.9:a",
            "stately": "tall:0.9:0.8:a stateliness:0.9:1.0:d",
            "state": "nation:0.5:0.5:s",
            "deliberately": "intentionally:0.9:0.9:s",
            "intentionally": "intentional:0.9:0.9:p",
            "intentional": "intentionally:0.9:0.9:p",
            "intent": "purpose:0.5:0.5:s",
            "closing": "finale:0.5:0.5:s final:0.5:0.5:a",
            "finale": "closing:0.5:0.5:s",
            "final": "closing:0.5:0.5:a",
        },
        irregular={},
        places={},
    )
)


def stems(text: str) -> list[str]:
    return [{"stately": "state", "intentionally": "intent", "finale": "final"}.get(text, text)]


def writing(share: float, asked: list) -> CorpusStats:
    """A corpus whose sentences holding a term write a word of the asked family in
    `share` of them; `asked` records what was asked."""

    def writes(words: frozenset[str], term: str) -> float:
        asked.append((words, term))
        return share

    return CorpusStats(
        indexed=lambda term: True, cooccurrence=cooccurrence,
        near_in_articles=near_in_articles, writes=writes,
    )  # fmt: skip


@pytest.mark.parametrize("share, stands", [(0.0, True), (0.3, True), (0.6, False)])
def test_a_stem_that_is_another_word_stands_for_it_unless_the_articles_write_the_word(
    share, stands
):
    asked: list = []
    tall = frozenset({"stately"})
    assert stands_for_another("stately", "state", STEMS, writing(share, asked), tall) is stands
    # the sentences are read for "stately" and its family, not for "state"
    assert asked == [(frozenset({"stately", "stateliness"}), "state")]


def test_a_stem_of_the_words_own_family_or_no_word_is_not_checked():
    asked: list = []
    corpus = writing(0.0, asked)
    assert not stands_for_another("state", "state", STEMS, corpus)  # the word itself
    assert not stands_for_another("deliberately", "deliber", STEMS, corpus)  # no word
    # "final" is related to "closing", the question's word, as "finale" is
    assert not stands_for_another("finale", "final", STEMS, corpus, frozenset({"finale", "final"}))
    assert asked == []
    # "intent" is no form of "intentionally" nor of its pertainym: the articles decide
    assert stands_for_another(
        "intentionally", "intent", STEMS, corpus, frozenset({"intentionally"})
    )
    assert asked[0][0] == frozenset({"intentionally", "intentional"})


def test_terms_of_links_leave_out_a_stem_standing_for_another_word():
    linked = terms_of_links("tall", None, STEMS, stems, writing(0.0, []), ExpansionPolicy())
    assert linked == ()
    linked = terms_of_links("tall", None, STEMS, stems, writing(1.0, []), ExpansionPolicy())
    assert [term for _, term, *_ in linked] == ["state"]
