import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from astana_qa.text.sentences import (
    line_spans,
    paragraph_numbers,
    split_sentences,
    train_parameters,
)


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, min_line_words=1)]


def test_every_seed_sentence_is_an_exact_slice(seed_texts):
    for text in seed_texts.values():
        sentences = split_sentences(text, min_line_words=6)
        assert sentences
        for s in sentences:
            piece = text[s.start : s.end]
            assert piece == piece.strip() and piece
            assert "\n" not in piece


@pytest.mark.parametrize(
    "kept",
    [
        "The U.N. Security Council met in New York on Monday.",
        "The talks were held on Nov. 11-12 in the capital of Kazakhstan.",
        "The U.S. ambassador did not attend the meeting this year.",
        "Mr. Smith and Dr. Jones spoke with Mrs. Brown after lunch.",
        "Inflation reached 7.5 percent in the third quarter of the year.",
    ],
)
def test_abbreviations_and_numbers_do_not_end_sentences(kept):
    text = f"First sentence of the story is here. {kept} Last sentence follows here."
    assert kept in texts(text)


def test_line_breaks_end_sentences_and_headline_stands_alone():
    text = "Talks resume in Astana\nThe delegations met on Monday. They agreed on little."
    assert texts(text) == [
        "Talks resume in Astana",
        "The delegations met on Monday.",
        "They agreed on little.",
    ]


def test_offsets_survive_crlf_and_leading_space():
    text = "  Headline of the day\r\n\r\n  First one here. Second one here.\r\n"
    for s in split_sentences(text, min_line_words=1):
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    assert texts(text) == ["Headline of the day", "First one here.", "Second one here."]


def test_line_spans_cover_lines_without_breaks():
    text = "a\r\nbb\n\nccc"
    assert [text[s:e] for s, e in line_spans(text)] == ["a", "bb", "", "ccc"]


def test_paragraphs_are_blocks_when_blank_lines_separate_them():
    assert paragraph_numbers(["a", "b", "", "c", "", "d"]) == [0, 0, 0, 1, 1, 2]


def test_paragraphs_are_lines_when_no_blank_line_separates_text():
    assert paragraph_numbers(["a", "b", "c"]) == [0, 1, 2]


def test_a_name_ending_one_sentence_and_starting_the_next_is_not_learnt_as_one_phrase(
    seed_texts,
):
    # Punkt's trainer, allowed every word pair across a period as a collocation, learnt
    # ("kazakhstan", "kazakhstan") from the seeds' "...the capital of Kazakhstan.
    # Kazakhstan has hosted..." and merged such sentences.
    tokenizer = PunktSentenceTokenizer(train_parameters(seed_texts.values()))
    found = [
        text[s.start : s.end]
        for text in seed_texts.values()
        for s in split_sentences(text, 4, tokenizer)
    ]
    assert not any(". Kazakhstan " in sentence for sentence in found)
    assert any(sentence.startswith("Kazakhstan has hosted") for sentence in found)
    text = "Gen. Smith met Dr. Jones on Jan. 24 in St. Louis. They talked."
    assert [text[s.start : s.end] for s in split_sentences(text, 1, tokenizer)] == [
        "Gen. Smith met Dr. Jones on Jan. 24 in St. Louis.",
        "They talked.",
    ]


def test_punkt_is_imported_without_scipy_stats_and_leaves_it_importable():
    """scipy.stats is most of NLTK's import time and Punkt never uses it (a fresh process:
    this one may have imported either already)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from astana_qa.text.sentences import build_tokenizer\n"
        "spans = list(build_tokenizer().span_tokenize('Dr. Smith came. He left.'))\n"
        "print(len(spans), 'scipy.stats' in sys.modules)\n"
        "import scipy.stats\n"
        "print(callable(scipy.stats.norm.cdf))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "False", "True"]
