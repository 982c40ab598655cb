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


def restored_case(question: str, name_form: Callable[[str], str | None]) -> str:
    """`question` with each word for which `name_form(word)` gives a name (the word
    without a possessive ending) written as that name, when the question has no capital
    letter but maybe its first (a phone capitalises it: "Who is alexander lavrentiev");
    otherwise `question` unchanged. `name_form` gives the name as the articles write it
    ("snc" → "SNC"), or None for a word that is no name; a name given as typed, or in a
    form that is not the same word in another case, gets the first letter of each of its
    parts capitalised. A hyphened word is
    looked up whole first ("kassym-jomart" → "Kassym-Jomart"), then part by part
    ("al-assad's" → "al-Assad's")."""
    if any(c.isupper() for c in question[1:]):
        return question

    def named(word: str) -> str | None:
        ending = _POSSESSIVE.search(word)
        bare = word[: ending.start()] if ending else word
        form = name_form(bare) if bare else None
        if form is None:
            return None
        if form == bare or form.casefold() != bare.casefold():  # no spelling to copy
            form = "-".join(part[:1].upper() + part[1:] for part in bare.split("-"))
        return form + word[len(bare) :]

    def restored(match: re.Match[str]) -> str:
        word = match.group()
        if "-" in word and (whole := named(word)) is not None:
            return whole
        return "-".join(named(part) or part for part in word.split("-"))

    return _WORD.sub(restored, question)
