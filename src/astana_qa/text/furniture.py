"""Telling article prose from page furniture (menus, prompts, captions, link lists).

Scraped pages carry text that is not part of the story. The rule here is general and
looks only at the shape of a line, never at particular phrases:

* prose comes in paragraphs of at least a few words (`min_words`; a headline needs
  only three): menu words, "Related Articles", date and time bullets, credits and form
  prompts are shorter;
* a short line (under `HEADING_MAX_WORDS`) that does not end like a sentence (`.`,
  `!`, `?`, maybe followed by a closing quote or bracket) is a heading, a caption or a
  link; long paragraphs may end otherwise (a colon before a list, a reference mark), and
  so may a list item of `min_words` or more ("- a food market run by 60 traders");
  The article's headline (its first line) is the one exception;
* a line in Title Case (most words capitalised) is a heading or a link to another
  story, even when it ends in a question mark;
* a line that appears more than once in the same article is a repeated caption or
  boilerplate, not something the author said twice;
* rows of a table of figures laid out with spaces or tabs, two or more together, are
  prose whatever their length ("Tesla Model Y    16,795    13.1%"), and so are the
  turns of an interview ("Q: …", "A: No.");
* after the story's last paragraph (`STORY_MIN_WORDS` or more), furniture comes in
  blocks (comment forms, footers): a shorter line there with furniture (or the page's
  end) on both sides is part of the block. An article with no such paragraph is a brief
  ("The Elm Street bridge is closed."), whose sentences are its story.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

_WORD = re.compile(r"\w+")
# What may close a sentence after its last mark: quotes and brackets.
_CLOSING = r"[\"'”’»)\]]*\s*$"
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?]" + _CLOSING)
_ENDS_A_CLAUSE = re.compile(r"[.!?:;]" + _CLOSING)
# The byte order mark some editors put before UTF-8 text: part of the file's text (offsets
# count it), but neither a title's nor a sentence's.
BYTE_ORDER_MARK = "\ufeff"
# A line's marker: a list item's bullet or dash, or number with a full stop or bracket
# ("- a food market", "• Tickets", "2. The concert"), a Markdown heading's "#", or an
# interview's question and answer ("Q: Will there be any glaciers left?").
_LINE_MARKER = re.compile(r"\s*(?:[-–—•*·▪◦‣]|\d{1,2}[.)]|#{1,6}|[QA]:)\s+(?=\S)")
_TURNS = frozenset({"Q:", "A:"})
# Where the cells of a table laid out with spaces or tabs part: two spaces or a tab.
_CELL_SPLIT = re.compile(r"\t[\t ]*| {2,}")
# A cell holding a figure, maybe with its unit: "16,795", "16 795", "13,1 %", "€4.5bn",
# "+3.2 pp", "2nd", a time taken "2:01:09" (not a time of day "10:42", nor "12 Jan").
_FIGURE = re.compile(
    r"[-+−]?[$€£¥]?\d(?:[\d,.]|\s\d)*(?:\s?%|\s?pp|[a-z]{1,2}\.?)?|\d{1,2}:\d\d:\d\d(?:\.\d+)?"
)
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# The shortest line that may run on into the next: a wrapped line is broken near its
# width (60 to 80 characters), a menu's items are short ("home", "about us").
RUN_ON_MIN_CHARS = 40
# Share of capitalised words above which a line reads as a heading.
TITLE_CASE_SHARE = 0.7
HEADING_MAX_WORDS = 15
HEADLINE_MIN_WORDS = 3
# A story paragraph has at least this many words; form notices and footers have fewer.
STORY_MIN_WORDS = 10


def is_title_case(line: str) -> bool:
    """True when most words of `line` start with a capital letter, as headings do."""
    words = _ALPHA_WORD.findall(line)
    capitalised = sum(map(str.isupper, map(itemgetter(0), words)))
    return bool(words) and capitalised / len(words) >= TITLE_CASE_SHARE


def _table_row(line: str) -> bool:
    """Is `line` laid out as a table's row of figures: three cells or more, apart by two
    spaces or a tab, one of them a figure ("Tesla Model Y    16,795    13.1%"; not
    "Share    Print    12 comments", "Posted    10:42 am    12 Jan")? (A table's rows
    come two or more together.)"""
    cells = _CELL_SPLIT.split(line.strip())
    return len(cells) >= 3 and any(_FIGURE.fullmatch(cell) for cell in cells)


def line_marker_length(line: str) -> int:
    """How many leading characters of `line` are a list item's, a heading's or an
    interview turn's marker ("- ", "2. ", "## ", "Q: "), which is not part of its
    sentence; 0 if there is none."""
    m = _LINE_MARKER.match(line)
    return m.end() if m else 0


def ends_a_clause(line: str) -> bool:
    """Does `line` end as a sentence does (".", "!", "?"), or introduce what follows
    (":", ";"), maybe before a closing quote or bracket?"""
    return _ENDS_A_CLAUSE.search(line) is not None


def runs_on(line: str, after: str, figures: bool = False, least: int = RUN_ON_MIN_CHARS) -> bool:
    """Does `line` run on into the line after it, `after`: a line of prose length (at
    `least` characters; not a menu's "about us") that ends without a clause's end,
    before a line that is no list item and opens in lower case (or, with `figures`,
    with a figure: "… would cost" / "300 million euros")?"""
    opens = after.lstrip()[:1]
    return (
        len(line.strip()) >= least
        and not ends_a_clause(line)
        and (opens.islower() or (figures and opens.isdigit()))
        and not line_marker_length(after)
    )


def _normalise(line: str) -> str:
    return " ".join(line.split()).casefold()


def furniture_lines(lines: list[str], min_words: int) -> set[int]:
    """Indices of the lines (of one document) that are page furniture, not prose.

    `lines` are the document's lines in order; blank lines are never returned.
    """
    counts = Counter(_normalise(line) for line in lines if line.strip())
    first_text_line = next((i for i, line in enumerate(lines) if line.strip()), None)
    word_counts = [len(_WORD.findall(line)) for line in lines]
    furniture: set[int] = set()
    introduced = False  # the list under way was introduced by a line ending in a colon
    rows = [_table_row(line) for line in lines]
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if rows[i] and ((i > 0 and rows[i - 1]) or (i + 1 < len(lines) and rows[i + 1])):
            continue  # a row of a table of figures ("Tesla Model Y    16,795    13.1%")
        marker = _LINE_MARKER.match(line)
        if marker is not None and marker.group().strip() in _TURNS:
            continue  # an interview's question or answer, however short ("A: No.")
        words = word_counts[i]
        if marker is None:
            introduced = line.rstrip().endswith(":")
        # An item of a list a sentence introduces ("The programme includes:") or goes on
        # into (an item in lower case) need not end like one ("- a food market run by 60
        # local traders"); a list of headlines ("Related Articles") is of links.
        continues = marker is not None and (
            introduced or line[marker.end() : marker.end() + 1].islower()
        )
        item = words >= min_words and continues
        unterminated = (
            words < HEADING_MAX_WORDS and not _ENDS_LIKE_SENTENCE.search(line) and not item
        )
        heading_like = i != first_text_line and (unterminated or is_title_case(line))
        too_short = words < (HEADLINE_MIN_WORDS if i == first_text_line else min_words)
        repeated = counts[_normalise(line)] > 1
        if too_short or heading_like or repeated:
            furniture.add(i)
    return _absorb_short_lines_in_blocks(lines, word_counts, furniture)


def _absorb_short_lines_in_blocks(
    lines: list[str], word_counts: list[int], furniture: set[int]
) -> set[int]:
    long_prose = [  # a list item is no story paragraph: a link list may follow the story
        i for i, words in enumerate(word_counts)
        if i not in furniture and words >= STORY_MIN_WORDS and not _LINE_MARKER.match(lines[i])
    ]  # fmt: skip
    if not long_prose:
        return furniture  # a brief of short paragraphs has no story for blocks to follow
    story_end = long_prose[-1]
    rows = [i for i, line in enumerate(lines) if line.strip() and i > story_end]
    changed = True
    while changed:
        changed = False
        for pos, i in enumerate(rows):
            if i in furniture:
                continue
            before = pos > 0 and rows[pos - 1] in furniture
            after = pos + 1 == len(rows) or rows[pos + 1] in furniture
            if before and after:
                furniture.add(i)
                changed = True
    return furniture
