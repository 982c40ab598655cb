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


WRAPPED = """Council approves new harbour plan

The city council of Varna voted on Tuesday to approve a plan for a new
container harbour on the northern shore of the bay, officials said. The
harbour will cost 300 million euros.

Mayor Ivan Petrov said the project would create 2,000 jobs and bring new
trade to the region. It includes:
- a new pier
"""


def prose(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, min_line_words=6) if s.prose]


def test_sentences_of_a_wrapped_paragraph_go_on_past_its_line_ends():
    assert prose(WRAPPED) == [
        "Council approves new harbour plan",  # the headline is joined to nothing
        "The city council of Varna voted on Tuesday to approve a plan for a new\n"
        "container harbour on the northern shore of the bay, officials said.",
        "The\nharbour will cost 300 million euros.",
        # not a short heading: the line goes on
        "Mayor Ivan Petrov said the project would create 2,000 jobs and bring new\n"
        "trade to the region.",
        "It includes:",
    ]


def test_a_wrapped_article_without_a_headline_runs_on_from_its_first_line():
    text = WRAPPED.split("\n\n", 1)[1]  # no headline: the first line is the story's
    assert prose(text)[0] == (
        "The city council of Varna voted on Tuesday to approve a plan for a new\n"
        "container harbour on the northern shore of the bay, officials said."
    )


def test_a_line_running_on_in_lower_case_is_joined_in_any_article():
    text = (
        "Kenya launches satellite\n\nThe agency's head said: “The data will help\n"
        "farmers plan their planting.” The launch was on Saturday at the coast.\n"
    )
    assert prose(text)[1] == (
        "The agency's head said: “The data will help\nfarmers plan their planting.”"
    )


def test_a_wrapped_article_joins_full_lines_but_not_its_headline_and_date_line():
    text = (
        "Lisbon tram line 28 resumes full service after six months of repairs\n3 March 2025\n\n"
        "The tram line that runs through the old town of Lisbon will run every 12\n"
        "minutes from Monday, the city's transport company Carris said in a statement\n"
        "on Sunday after repairs to the track were completed by the company and\n"
        "Mayor Carlos Moedas thanked the workers for finishing the work early.\n"
    )
    sentences = prose(text)
    # not with its date, though as long as the wrapped lines
    assert sentences[0] == "Lisbon tram line 28 resumes full service after six months of repairs"
    assert sentences[-1].startswith("The tram line") and sentences[-1].endswith("early.")


def test_a_menu_of_short_lines_in_lower_case_does_not_run_on():
    page = (
        "Skip to content\nhome\nabout us\ncontact\nCouncil approves harbour plan\n"
        "The city council of Varna voted on Tuesday to approve a plan for a new harbour.\n"
        "Share this article\nComments\n"
    )
    assert prose(page) == [
        "Skip to content",
        "The city council of Varna voted on Tuesday to approve a plan for a new harbour.",
    ]


def test_a_menu_in_lower_case_does_not_run_on_in_a_wrapped_page():
    page = (
        "Harbour plan approved in Varna\n\n"
        "The city council of Varna voted on Tuesday to approve a plan for a new\n"
        "container harbour on the northern shore of the bay, officials said late\n"
        "in the day after a long meeting of the council that went on into the\n"
        "night, when the mayor and the members of the council agreed to put the\n"
        "plan to a vote of the city's residents in the spring of next year after\n"
        "a long meeting.\n\nsee also\nhome\nabout us\nnews and views\n"
        "contact us\nsport and leisure\nweather and traffic\njobs and careers\n"
    )
    assert prose(page)[-1].endswith("\na long meeting.")


def test_a_line_ending_in_a_colon_before_a_closing_quote_does_not_run_on():
    text = (
        "Talks in Astana end\n\nThe envoy of the United Nations told the delegates this:”\n"
        "the talks will go on, he said at the end of the meeting in the capital.\n"
    )
    assert (
        prose(text)[-1] == "the talks will go on, he said at the end of the meeting in the capital."
    )


def test_in_a_wrapped_article_a_byline_and_a_heading_are_not_run_into():
    text = (
        "Council of Varna approves the new container harbour plan on the bay\n"
        "By Maria Ivanova\n\n"
        "The city council of Varna voted on Tuesday to approve a plan for a new\n"
        "container harbour on the northern shore of the bay, officials said late\n"
        "in the day.\nCosts and jobs\n"
        "The harbour will cost 300 million euros and is expected to bring 2,000\n"
        "jobs to the region, the mayor said in a statement on Tuesday evening.\n"
        "The plan has three parts, according to the statement of the city council.\n"
        "1. a container terminal on the northern shore with berths for four ships\n"
        "2. a rail link to the main line built by the national railway company\n"
    )
    assert prose(text) == [
        "Council of Varna approves the new container harbour plan on the bay",
        "The city council of Varna voted on Tuesday to approve a plan for a new\n"
        "container harbour on the northern shore of the bay, officials said late\n"
        "in the day.",
        "The harbour will cost 300 million euros and is expected to bring 2,000\n"
        "jobs to the region, the mayor said in a statement on Tuesday evening.",
        # full lines, but the items of a list are lines of their own
        "The plan has three parts, according to the statement of the city council.",
        "a container terminal on the northern shore with berths for four ships",
        "a rail link to the main line built by the national railway company",
    ]


def test_lines_ending_sentences_or_in_capitals_are_not_read_as_wrapped():
    unwrapped = (
        "A headline for the story\nThe talks in the capital ended on Friday.\n"
        "Delegates from Iran, Russia and Turkey left on Monday\n"
        "Officials of the hosts said the next round would be held in the spring."
    )
    # one line running on into another is not a wrapped document
    assert prose(unwrapped)[1:] == [
        "The talks in the capital ended on Friday.",
        "Officials of the hosts said the next round would be held in the spring.",
    ]


def test_a_byte_order_mark_and_markdown_heading_marks_are_no_part_of_a_sentence():
    text = "\ufeff# Storm hits Brittany\n\n## Damage to the coast\n\nThe storm cut power.\n"
    assert texts(text) == ["Storm hits Brittany", "Damage to the coast", "The storm cut power."]
    assert split_sentences(text, min_line_words=1)[0].start == 3


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
