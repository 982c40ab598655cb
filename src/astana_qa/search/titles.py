"""Persons' offices and titles around their names: the office written before a name and
a comma ("Deputy Minister of Foreign Affairs and Expatriates, Bassam Sabbagh"), which is
no answer to "who", and whether a person holds the role a question names ("Who is the
UN envoy…?": "the UN envoy to Syria, Geir Pedersen"; not "Deputy Special Envoy…")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..text import entities
from ..text.entities import CLAUSE_BREAK
from ..text.lexical import PERSON_TITLES, SUBORDINATE_TITLES

# The longest office written before a name and a comma: "Deputy Minister of Foreign
# Affairs and Expatriates, Bassam Sabbagh".
APPOSITIVE_REACH = 8
_TITLE_JOINTS = frozenset({"of", "and", "for", "the", "&"})


def appositive_title_start(words: Sequence[entities.Token], first: int) -> int:
    """Where the office before a name's comma starts ("headed by Deputy Minister of
    Foreign Affairs and Expatriates, Bassam Sabbagh": at "Deputy"), or `first` when none
    does: a run of capitalised words and joints opening with a title word."""
    if first < 2 or words[first - 1].text != ",":
        return first
    start = first
    for at in range(first - 2, max(first - 2 - APPOSITIVE_REACH, -1), -1):
        text = words[at].text
        if not (text[:1].isupper() or text.lower() in _TITLE_JOINTS):
            break
        if text.lower() in PERSON_TITLES:
            start = at  # written capitalised, as an office: not "Chile's new envoy, Ana Ruiz"
    return start


def appositive_offices(
    spans: Sequence[entities.Span], words: Sequence[entities.Token], starts: list[int]
) -> list[tuple[int, int]]:
    """The `(start, end)` offsets of the offices written before persons' names and a
    comma (`appositive_title_start`), holding no other person's name: no answer to
    "who" lies within one."""
    found = []
    people = [s for s in spans if "person" in s.kinds]
    for span in people:
        first = bisect_right(starts, span.start) - 1
        start = appositive_title_start(words, first)
        office = (words[start].start, words[first - 1].start) if start < first else None
        # a list of titled names is no office: "President Vladimir Putin, Recep Erdogan"
        if office and not any(
            office[0] <= p.start < office[1] and _a_full_name(p.text) for p in people
        ):
            found.append(office)
    return found


def _a_full_name(text: str) -> bool:
    """Does `text` hold a person's full name, two capitalised words that are no title and
    no connector between them ("Russian President Vladimir Putin"; not "Deputy Minister
    of Ports")?"""
    words = text.split()
    return " of " not in f" {text} " and (
        sum(1 for w in words if w[:1].isupper() and w.lower() not in PERSON_TITLES) >= 2
    )


# How many words a person's title or description may stand from the name: "Special
# Envoy to Syria Alexander Lavrentiev", "Ali Asghar Khaji, a senior adviser".
TITLE_REACH = 4
# Words a title does not reach past: a clause break, a list's joints.
_TITLE_STOPS = CLAUSE_BREAK | {",", ".", "and", "or"}


def _a_name_ends(words: Sequence[entities.Token], at: int) -> bool:
    """Do the two words before word `at` look like a person's name (two proper nouns)?"""
    return at >= 2 and words[at - 1].tag == "PROPN" and words[at - 2].tag == "PROPN"


def titled(
    text: str, words: Sequence[entities.Token], starts: list[int], span: entities.Span,
    role: set[str],
) -> bool | None:  # fmt: skip
    """Is the person `span` given the question's role noun: among the few words before
    the name with no clause break between ("Special Envoy to Syria Alexander
    Lavrentiev", "the UN envoy to Syria, Geir Pedersen"), or in an apposition right
    after it ("Khaji, a senior adviser")? None when the title makes the person second to
    that role ("Deputy Foreign Minister", "Vice-President", "Kanat Tumysh, a deputy
    foreign minister")."""
    first = bisect_left(starts, span.start)
    if first > 0 and words[first - 1].text.lower() in ("of", "to", "for"):
        return False  # "adviser to Vladimir Putin": the adviser is someone else
    if first > 1 and words[first - 1].text == "," and not _a_name_ends(words, first - 1):
        first -= 1  # "the UN envoy to Syria, Geir Pedersen"; not "Anna Lind, Omar Ali"
    before: list[str] = []  # the title's words, nearest the name first
    for word in reversed(words[max(first - TITLE_REACH, 0) : first]):
        if word.text in _TITLE_STOPS or word.tag in ("VERB", "AUX"):
            break  # "wife Jeanne and George P. Shultz", "the director praised Omar Ali"
        before += reversed(word.text.lower().split("-"))  # "Vice-President"
    office = _office_in(before, role)
    if office is not False:
        return office
    after = bisect_left(starts, span.end)
    if (  # an apposition opens with an article ("Li Teng-hui, his wife": a list)
        after + 1 < len(words)
        and words[after].text == ","
        and words[after + 1].text.lower() in ("a", "an", "the")
    ):
        title: list[str] = []
        for word in words[after + 2 : after + 2 + TITLE_REACH]:
            if word.text in _TITLE_STOPS or word.tag in ("VERB", "AUX"):
                break
            title += word.text.lower().split("-")
        return _office_in(title[::-1], role)
    return False


def subordinate_before(
    words: Sequence[entities.Token], starts: list[int], span: entities.Span
) -> bool:
    """Does a word making an office second ("deputy", "vice") stand among the words
    before the person `span`, back to a verb, a comma, an "and" or a sentence's start,
    farther than a title is read (`TITLE_REACH`): "the United Nations Deputy Special
    Representative for Syria Najat Rochdi"; not "Deputy Minister Ivo Petrov and UN
    envoy Geir Pedersen"?"""
    first = bisect_left(starts, span.start)
    for word in reversed(words[max(first - 2 * TITLE_REACH, 0) : first]):
        if word.tag in ("VERB", "AUX") or word.text in (",", "and"):
            return False
        if any(part in SUBORDINATE_TITLES for part in word.text.lower().split("-")):
            return True
    return False


def _office_in(title: list[str], role: set[str]) -> bool | None:
    """Does a title (its words from the last, the noun naming the office, back) name the
    `role`: True, None when a word before the role noun makes it second to it
    ("deputy foreign minister"), False when it does not name the role."""
    for at, word in enumerate(title):
        if word in role:
            return None if SUBORDINATE_TITLES.intersection(title[at + 1 :]) else True
    return False
