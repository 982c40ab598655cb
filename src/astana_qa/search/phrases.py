"""Noun phrases in a tagged sentence: where one opens, and where it ends.

A definition ("X is a body of treaties and legislation, such as…") and an office
between commas ("Ahmed Touma, a member of the SNC delegation,") are each one noun
phrase, read from the sentence's tagged words (`entities.tokens`): from its first word
up to the first comma, semicolon or colon, unless a list goes on after that comma
("Russia, Turkey and Iran"), or to the end of the sentence, without closing marks.
"""

from __future__ import annotations

from ..text.entities import Token

# Where a noun phrase ends, and what is trimmed from its end.
_PHRASE_ENDS = frozenset({",", ";", ":"})
_TRAILING = frozenset({".", "!", "?", "”", '"', "’", "'", "…"})
# Determiners a noun phrase opens with.
_OPENERS = frozenset({"a", "an", "the", "one"})
# Tags a noun phrase goes on with after its adjective or number, and those of a list's
# items ("Russia, Turkey and the Islamic Republic").
_NOUN_PHRASE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
_ITEM_TAGS = _NOUN_PHRASE_TAGS | {"DET", "NUM"}
# The longest item of a list, in words.
MAX_ITEM_WORDS = 4


def opens_noun_phrase(words: list[Token], at: int) -> bool:
    """Does a noun phrase open at word `at` ("a body of…", "the process…", "pairs…")?"""
    word = words[at]
    if word.text.lower() in _OPENERS or word.tag in ("NOUN", "PROPN"):
        return True
    after = words[at + 1] if at + 1 < len(words) else None
    return word.tag in ("ADJ", "NUM") and after is not None and after.tag in _NOUN_PHRASE_TAGS


def phrase_from(words: list[Token], first: int) -> tuple[int, int]:
    """`(start, end)` of the noun phrase opening at word `first` (see the module's
    docstring)."""
    last = first
    while last + 1 < len(words) and words[last + 1].text not in _PHRASE_ENDS:
        last += 1
    if last + 1 < len(words) and words[last + 1].text == ",":
        last = _list_end(words, last)
    while last > first and (words[last].text in _TRAILING or _unopened(words, first, last)):
        last -= 1
    return words[first].start, words[last].end


def _list_end(words: list[Token], last: int) -> int:
    """The last word of a list whose first item ends at word `last`, before a comma
    ("Russia, Turkey and Iran"), or `last` when no list goes on there: every item after
    a comma is a few words of a noun phrase whose head is tagged as the first item's
    (names or nouns), "and" or "or" opens the last one, and no verb follows it ("…
    mechanism, diplomats and analysts say" is no list)."""
    head = words[last].tag
    if head not in ("PROPN", "NOUN"):
        return last
    at = last + 1
    while at < len(words) and words[at].text == ",":
        item = at + 1
        if item < len(words) and words[item].text in ("and", "or"):  # "…, and Iran"
            return _item_end(words, item + 1, head, last)
        end = item
        while end < len(words) and words[end].text not in (",", ";", ".", "and", "or"):
            end += 1
        if not _is_item(words[item:end], head):
            return last
        if end < len(words) and words[end].text in ("and", "or"):
            return _item_end(words, end + 1, head, last)
        at = end
    return last


def _is_item(words: list[Token], head: str) -> bool:
    """Can `words` be an item of a list of names or nouns tagged `head`?"""
    return (
        0 < len(words) <= MAX_ITEM_WORDS
        and all(w.tag in _ITEM_TAGS for w in words)
        and words[-1].tag == head
    )


def _item_end(words: list[Token], at: int, head: str, otherwise: int) -> int:
    """The last word of the list's last item, opening at word `at` and ending with a word
    tagged `head`, or `otherwise` when no such item opens there or a verb follows it."""
    end = at
    while end < len(words) and end - at < MAX_ITEM_WORDS and words[end].tag in _ITEM_TAGS:
        end += 1
    if end == at or words[end - 1].tag != head:
        return otherwise
    if end < len(words) and words[end].tag in ("VERB", "AUX"):
        return otherwise  # "…, sources and officials said"
    return end - 1


def _unopened(words: list[Token], first: int, last: int) -> bool:
    """Is word `last` a closing bracket that no bracket of the phrase opened?"""
    return words[last].text == ")" and not any(w.text == "(" for w in words[first:last])
