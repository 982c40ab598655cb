import json
import unicodedata

import pytest

from astana_qa.errors import AliasFileError
from astana_qa.settings import AnalysisSettings
from astana_qa.text.analysis import AliasTable, Analyzer, fold, read_alias_file


def test_dotless_i_needs_more_than_nfkd():
    # NFKD leaves Turkish dotless ı alone, so plain accent stripping would miss it.
    assert unicodedata.normalize("NFKD", "ı") == "ı"
    assert fold("Yıldız") == "yildiz"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Türkiye", "turkiye"), ("TÜRKİYE", "turkiye"), ("TUSAŞ", "tusas"), ("Łódź", "lodz")],
)
def test_diacritics_fold(raw, folded):
    assert fold(raw) == folded


def test_folding_can_be_turned_off():
    assert fold("Türkiye", diacritics=False) == "türkiye"


def test_terms_drop_stopwords_and_stem():
    analyzer = Analyzer(AnalysisSettings())
    assert analyzer.terms("The delegations were meeting in the capitals") == [
        "deleg",
        "meet",
        "capit",
    ]


def test_irregular_forms_meet_their_dictionary_form():
    analyzer = Analyzer(AnalysisSettings())
    assert analyzer.terms("the war began; the children fled") == analyzer.terms(
        "the war begins; a child flees"
    )
    assert analyzer.terms("the 11th round of 1990s talks") == ["11th", "round", "1990s", "talk"]
    plain = Analyzer(AnalysisSettings(lemmatize=False))
    assert plain.terms("began") != plain.terms("begin")


def test_guessed_terms_are_terms_but_leave_nothing_behind():
    analyzer = Analyzer(AnalysisSettings())
    assert analyzer.guessed_terms("The univeristies began") == ["univeristi", "begin"]
    assert "univeristies" not in analyzer._terms
    assert analyzer.guessed_terms("univeristies") == analyzer.terms("univeristies")


def test_written_terms_pair_each_term_with_its_word():
    analyzer = Analyzer(AnalysisSettings())
    text = "The Generals raided Türkiye"
    pairs = analyzer.written_terms(text)
    assert pairs == [("generals", "general"), ("raided", "raid"), ("turkiye", "turkiy")]
    assert [term for _, term in pairs] == analyzer.terms(text)


def test_question_and_text_spellings_meet():
    analyzer = Analyzer(AnalysisSettings())
    assert analyzer.terms("Yildiz of Turkiye") == analyzer.terms("Yıldız of Türkiye")


def test_aliases_join_names_and_keep_the_words_of_phrases():
    analyzer = Analyzer(
        AnalysisSettings(), [["United Nations", "UN", "U.N."], ["Türkiye", "Turkey"]]
    )
    un = analyzer.terms("UN")[0]
    assert analyzer.terms("U.N.")[0] == un
    assert analyzer.terms("United Nations")[0] == un
    assert analyzer.terms("Turkey") == analyzer.terms("Türkiye")
    assert "secur" in analyzer.terms("the U.N. Security Council")


def test_longest_alias_phrase_wins():
    table = AliasTable.from_groups([["UN", "U.N."], ["UN Security Council", "UNSC"]])
    assert table.replace(["un", "security", "council"])[0] == table.replace(["unsc"])[0]
    assert table.replace(["un", "envoy"])[0] == table.replace(["u", "n"])[0]


def test_alias_file_is_validated(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"aliases": [["ISIS", "Daesh"]]}))
    assert read_alias_file(good) == [["ISIS", "Daesh"]]
    for content in ("{not json", json.dumps({"aliases": "ISIS"}), json.dumps([["a"]])):
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        with pytest.raises(AliasFileError):
            read_alias_file(bad)


def test_the_term_cache_is_bounded():
    analyzer = Analyzer(AnalysisSettings(), max_cached_terms=10)
    analyzer.terms(" ".join(f"word{chr(97 + i)}x" for i in range(26)))
    assert len(analyzer._terms) == 10
    assert analyzer.terms("running") == ["run"]  # still analysed, just not remembered
