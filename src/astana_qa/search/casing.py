"""Capitals for a question typed all in lower case, as the articles write its words.

People type searches in lower case ("who coached the denver broncos", "tesla birth
date"), but a name is told from a common word by its capital: the question's names are
what the articles must mention, what an answer may not merely repeat, and what the
tagger reads as a proper noun. So a question with no capital letter, but maybe its
first, gets back the capitals of its words that the articles write as names: truecasing
from the corpus itself. A question with any other capital is taken as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A word of letters, with the apostrophes and hyphens inside it ("cleveland's").
_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]*")
# A possessive ending, left out when the word is looked up.
_POSSESSIVE = re.compile(r"[’']s?$")


def restored_case(question: str, is_name: Callable[[str], bool]) -> str:
    """`question` with the first letter of each word for which `is_name(word)` holds
    (the word without a possessive ending) capitalised, when the question has no capital
    letter but maybe its first (a phone capitalises it: "Who is alexander lavrentiev");
    otherwise `question` unchanged. A hyphened word is looked up whole first
    ("kassym-jomart" → "Kassym-Jomart"), then part by part ("al-assad's" → "al-Assad's")."""
    if any(c.isupper() for c in question[1:]):
        return question

    def is_bare_name(word: str) -> bool:
        bare = _POSSESSIVE.sub("", word)
        return bool(bare) and is_name(bare)

    def capitalised(match: re.Match[str]) -> str:
        word = match.group()
        parts = word.split("-")
        whole = len(parts) > 1 and is_bare_name(word)
        return "-".join(
            part[:1].upper() + part[1:] if whole or is_bare_name(part) else part for part in parts
        )

    return _WORD.sub(capitalised, question)
