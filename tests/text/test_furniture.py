from astana_qa.text.furniture import furniture_lines, is_title_case
from astana_qa.text.sentences import split_sentences

PAGE = """Minister visits the new harbour in Varna
By Staff Reporter | Photo: Example Agency
  • 2023/05/07
  • 11:40 am
The minister opened the new container harbour in Varna on Sunday, officials said.

Workers celebrate at the harbour gate - May 7, 2023 (EXAMPLE)
Workers celebrate at the harbour gate - May 7, 2023 (EXAMPLE)

The harbour cost 300 million euros and will handle two million containers a year.
Share on Facebook
Subscribe to our newsletter
You Might Also Like
  1. Ports Across The Region Brace For A Record Season Of Shipping?
  2. How the new harbour changes life for fishermen in the bay
Leave a reply!
Your email address will not be published.
Home
Sports
"""


def prose(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, 6) if s.prose]


def test_made_up_page_keeps_only_story_sentences():
    assert prose(PAGE) == [
        "Minister visits the new harbour in Varna",
        "The minister opened the new container harbour in Varna on Sunday, officials said.",
        "The harbour cost 300 million euros and will handle two million containers a year.",
    ]


def test_repeated_line_is_furniture_but_single_prose_is_not():
    lines = [
        "The talks were held in the capital city on a cold Monday morning.",
        "A caption that is long enough to look like a real sentence of prose.",
        "A caption that is long enough to look like a real sentence of prose.",
    ]
    assert furniture_lines(lines, 6) == {1, 2}


def test_long_paragraph_ending_in_a_colon_is_still_prose():
    line = (
        "The aims of the agreement, as the member states set them out in 1992, are the following:"
    )
    assert furniture_lines(["Agreement on social policy signed", line], 6) == set()


def test_short_line_inside_a_furniture_block_is_furniture():
    lines = [
        "A headline for the story",
        "The story itself is told in this sentence, which is long enough.",
        "Leave a reply!",
        "Your email address will not be published.",
        "Home",
    ]
    assert furniture_lines(lines, 6) == {2, 3, 4}


def test_a_brief_of_short_paragraphs_keeps_its_sentences():
    # no paragraph of STORY_MIN_WORDS: nothing is a block after the story
    brief = "Bridge closed\n\nThe Elm Street bridge is closed.\n"
    assert prose(brief) == ["The Elm Street bridge is closed."]
    assert furniture_lines(["Home", "The Elm Street bridge is closed until Monday."], 6) == {0}


def test_list_items_of_prose_length_are_prose_without_their_markers():
    article = (
        "City plans summer festival\n\n"
        "The city of Harlow will hold its summer festival from July 18 to July 20.\n\n"
        "- a food market run by 60 local traders\n"
        "- a 5-kilometre fun run starting at Town Park\n"
        "- 2024/05/07\n\n"
        "Tickets for the concert cost 12 pounds, the festival director said on Monday.\n"
    )
    assert prose(article)[2:4] == [
        "a food market run by 60 local traders",
        "a 5-kilometre fun run starting at Town Park",
    ]
    assert len(prose(article)) == 5  # not the date bullet
    # items a colon introduces are prose whatever their case; a list of headlines is not
    introduced = ["Rebels list demands", "Their demands are these:",
                  "- Release of all detainees held without any charge"]  # fmt: skip
    assert furniture_lines(introduced, 6) == {1}  # the short line introducing them
    links = ["Related Articles", "  1. Kazakh Foreign Ministry announces date for Astana 22"]
    assert furniture_lines(links, 6) == {0, 1}
    # an interview's turns after its opening paragraph are its story
    talk = ["Glaciers in retreat", "We spoke with the director of the network in Zurich today.",
            "Q: Will there be any glaciers left?", "A: Very few."]  # fmt: skip
    assert furniture_lines(talk, 6) == set()


def test_rows_of_a_table_of_figures_are_prose_but_its_header_is_not():
    article = (
        "Norway car sales hit a record\n\n"
        "Electric cars made up 88.9 percent of new car sales in Norway in 2024.\n"
        "Model            Units     Share\n"
        "Tesla Model Y    16,795    13.1%\n"
        "Toyota bZ4X\t  6,370\t   4.9%\n"
        "Tesla remained the best-selling brand for the fourth year in a row.\n"
    )
    assert prose(article)[2:4] == [
        "Tesla Model Y    16,795    13.1%",
        "Toyota bZ4X\t  6,370\t   4.9%",
    ]
    # one line so laid out is no table, nor are lines without a figure of their own
    assert furniture_lines(["Headline of it", "Home    News    2024"], 6) == {1}
    meta = [
        "Headline of it",
        "3 March 2025    10:42    5 min read",
        "Share    Print    12 comments",
    ]
    assert furniture_lines(meta, 6) == {1, 2}
    # figures in other formats and with their units, and one column of figures
    local = ["Headline of it", "Tesla Model Y    16 795    13,1 %", "Fleet    €4.5bn    +3.2 pp"]
    assert furniture_lines(local, 6) == set()
    race = ["Headline of it", "Eliud Kipchoge    Kenya    2:01:09", "Model Y    Tesla    16,795"]
    assert furniture_lines(race, 6) == set()
    # times of day and dates are no figures of a table
    posted = ["Headline of it", "Posted    10:42 am    12 Jan", "Updated    11:05 am    12 Jan"]
    assert furniture_lines(posted, 6) == {1, 2}


def test_an_interviews_question_and_answer_marks_are_no_part_of_a_sentence():
    article = "Glaciers in retreat\n\nQ: Which glacier worries you most?\nA: The Rhone Glacier.\n"
    assert prose(article)[1:] == ["Which glacier worries you most?", "The Rhone Glacier."]


def test_title_case():
    assert is_title_case("What Would The Opposition Say About It?")
    assert not is_title_case("Officials said the talks would continue in Astana.")
