"""A look-up part-of-speech tagger: each word's most frequent universal tag in UD EWT.

Answer candidates need only coarse word classes (is this a noun, a determiner, a verb?),
and they are needed inside a few-millisecond question, so the tagger is a dictionary
(`data/tagger.json`, made by `scripts/train_tagger.py`, CC BY-SA 4.0) plus rules for
words it has not seen: a lower-case word WordNet (`lexicon.py`) knows in one class only
takes that class ("asserts", "underwent": verbs), digits are numbers, capitalised words
names, and the rest goes by the usual English endings. (On UD EWT's dev set, WordNet's
classes raise the accuracy from 87.9% to 88.3%.) Where a word has a common second tag
("report" NOUN/VERB) the word before decides: after a determiner, adjective or
preposition a noun, after a pronoun, auxiliary or "to" a verb.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .lexicon import shipped_lexicon

# Marks after which a word is capitalised whatever it is.
_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'"})
_DIGIT = re.compile(r"\d")
_NOUN_CONTEXT = frozenset({"DET", "ADJ", "ADP", "NUM", "PRON$"})
_VERB_CONTEXT = frozenset({"PRON", "AUX", "PART"})
# WordNet's parts of speech as universal tags (satellite adjectives are adjectives).
_WORDNET_TAGS = (("n", "NOUN"), ("v", "VERB"), ("a", "ADJ"), ("s", "ADJ"), ("r", "ADV"))
_SUFFIXES = (
    ("ly", "ADV"), ("ing", "VERB"), ("ed", "VERB"), ("ous", "ADJ"), ("ive", "ADJ"),
    ("able", "ADJ"), ("ible", "ADJ"), ("al", "ADJ"), ("ful", "ADJ"), ("less", "ADJ"),
    ("ic", "ADJ"), ("ize", "VERB"), ("ise", "VERB"),
)  # fmt: skip


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Lower-cased word → its tags, most frequent first (read once)."""
    data = json.loads(resources.files("astana_qa.data").joinpath("tagger.json").read_text("utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for tags, words in data["tags"].items():
        choice = tuple(tags.split("/"))
        for word in words.split():
            table[word] = choice
    return table


@lru_cache(maxsize=8192)
def wordnet_classes(word: str) -> tuple[str, ...]:
    """The universal tags WordNet gives a word through its base forms ("asserts" →
    VERB), in UD's order of preference; () when it does not know the word."""
    table = shipped_lexicon()
    found = {link.pos for base in table.base_forms(word) for link in table.links(base)}
    return tuple(dict.fromkeys(tag for pos, tag in _WORDNET_TAGS if pos in found))


def guess(word: str) -> str:
    """The tag of a word the lexicon does not hold and WordNet does not settle: by its
    form (digits, a capital), then by its ending."""
    if _DIGIT.search(word):
        return "NUM"
    if word[:1].isupper():
        return "PROPN"
    if not word[:1].isalpha():
        return "PUNCT" if len(word) == 1 else "SYM"
    lower = word.lower()
    for suffix, tag in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return tag
    return "NOUN"


def tag(words: list[str]) -> list[str]:
    """The universal part-of-speech tag of each word of one sentence."""
    table = lexicon()
    tags: list[str] = []
    previous = "PUNCT"
    for i, word in enumerate(words):
        choice = table.get(word.lower())
        if choice is None and word.isalpha() and word.islower():
            classes = wordnet_classes(word)  # "asserts": a verb, never seen in UD
            choice = classes if len(classes) == 1 else None  # one class, or the usual guess
        if choice is None:
            current = guess(word)
        elif len(choice) == 1:
            current = choice[0]
        elif "NOUN" in choice and "VERB" in choice:
            current = (
                "NOUN"
                if previous in _NOUN_CONTEXT
                else "VERB"
                if (previous in _VERB_CONTEXT)
                else choice[0]
            )
        else:
            current = choice[0]
        # A capitalised common word inside a sentence is part of a name ("Foreign Minister").
        if (
            i > 0
            and word[:1].isupper()
            and current in ("NOUN", "ADJ", "VERB", "ADV", "X")
            and words[i - 1] not in _OPENERS
            and not word.isupper()
        ):
            current = "PROPN"
        elif i > 0 and len(word) > 1 and word.isupper() and word.isalpha():
            current = "PROPN"  # "US", "UN": not the pronoun "us"
        tags.append(current)
        previous = current
    return tags


def is_english_word(word: str) -> bool:
    """Does WordNet know `word` (lower case), itself or by an inflection of a word it
    knows, or the tagger's lexicon (UD English EWT) as a name ("Calgary")? Not the
    lexicon's other words: its web text holds typos such as "recieve" and "teh". (The
    spelling matcher never reads such a word as a typo.)"""
    return bool(wordnet_classes(word)) or lexicon().get(word, ("",))[0] == "PROPN"


def is_common_word(lower: str) -> bool:
    """Is `lower` first of all a common noun or a verb in English ("male", "polish",
    "talks"), by the treebank, or by WordNet where the treebank lacks it?"""
    tags = lexicon().get(lower)
    return tags[0] in ("NOUN", "VERB") if tags else "VERB" in wordnet_classes(lower)
