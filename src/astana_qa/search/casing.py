"""Capitals for a question typed all in lower case, as the articles write its words.

People type searches in lower case ("who coached the denver broncos", "tesla birth
date"), but a name is told from a common word by its capital: the question's names are
what the articles must mention, what an answer may not merely repeat, and what the
tagger reads as a proper noun. So a question with no capital letter at all gets back
the capitals of its words that the articles write as names: truecasing from the corpus
itself. A question with any capital is taken as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A word of letters, with the apostrophes and hyphens inside it ("cleveland's").
_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]*")
# A possessive ending, left out when the word is looked up.
_POSSESSIVE = re.compile(r"[’']s?$")


def restored_case(question: str, is_name: Callable[[str], bool]) -> str:
    """`question` with the first letter of each word (each part of a hyphened word) for
    which `is_name(word)` holds (the word without a possessive ending) capitalised, when
    the question has no capital letter at all; otherwise `question` unchanged."""
    if any(c.isupper() for c in question):
        return question

    def capitalised(word: str) -> str:
        bare = _POSSESSIVE.sub("", word)
        return word[:1].upper() + word[1:] if bare and is_name(bare) else word

    def each_part(match: re.Match[str]) -> str:
        """A hyphened word's parts one by one ("al-assad's" → "al-Assad's")."""
        return "-".join(capitalised(part) for part in match.group().split("-"))

    return _WORD.sub(each_part, question)
