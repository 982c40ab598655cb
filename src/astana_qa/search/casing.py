"""Capitals for a question typed all in lower case, as the articles write its words.

People type searches in lower case ("who coached the denver broncos", "tesla birth
date"), but a name is told from a common word by its capital: the question's names are
what the articles must mention, what an answer may not merely repeat, and what the
tagger reads as a proper noun. So a question with no capital letter, but maybe its
first, gets back the capitals of its words that the articles write as names: truecasing
from the corpus itself. So does a question in title case ("Who Wrote The Song
Stardust?"), whose capitals tell nothing, read as if typed in lower case but for its
words in capitals only ("UN"); and a question in capitals only, read as if typed in
lower case. A question with any other capital is taken as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..text.analysis import Analyzer, fold
from ..text.lexical import PERSON_TITLES
from ..text.lexicon import Lexicon
from ..text.tagger import is_common_word, is_english_word, lexicon, wordnet_classes
from .answer_types import is_abbreviation
from .spelling import TermMatcher

if TYPE_CHECKING:  # ranking reads questions (query.py), which reads this module
    from .ranking import SentenceRanker

# A word of letters, with the apostrophes and hyphens inside it ("cleveland's").
_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]*")
# A possessive ending, left out when the word is looked up.
_POSSESSIVE = re.compile(r"[’']s?$")
# The longest word a question typed in lower case may write an abbreviation as ("unifil").
ABBREVIATION_LETTERS = 6
# The words titles leave in lower case ("Who Led the Iranian Delegation?").
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on",
                               "at", "to", "by", "for", "with", "from", "as"})  # fmt: skip
# How many capitalised words after the first make a question one in title case.
TITLE_CASE_WORDS = 2
# How many sentences holding a word are read to tell how the articles write it.
SENTENCES_READ = 20


def restored_case(question: str, name_form: Callable[[str], str | None]) -> str:
    """`question` with each word for which `name_form(word)` gives a name (the word
    without a possessive ending) written as that name, when the question has no capital
    letter but maybe its first (a phone capitalises it: "Who is alexander lavrentiev");
    otherwise `question` unchanged. `name_form` gives the name as the articles write it
    ("snc" → "SNC"), or None for a word that is no name; a name given as typed, or in a
    form that is not the same word in another case (nor, letter for letter, without its
    diacritics: "tusas" → "TUSAS" for "TUSAŞ"), gets the first letter of each of its
    parts capitalised. A hyphened word is
    looked up whole first ("kassym-jomart" → "Kassym-Jomart"), then part by part
    ("al-assad's" → "al-Assad's")."""
    basis = case_basis(question)
    if basis == question and any(c.isupper() for c in question[1:]):
        return question
    question = basis

    def named(word: str) -> str | None:
        ending = _POSSESSIVE.search(word)
        bare = word[: ending.start()] if ending else word
        form = name_form(bare) if bare else None
        if form is None:
            return None
        if form != bare and len(form) == len(bare) and fold(form) == fold(bare):
            # its capitals on the letters typed ("tusas" → "TUSAS" for "TUSAŞ")
            form = "".join(b.upper() if f.isupper() else b for b, f in zip(bare, form, strict=True))
        if form == bare or form.casefold() != bare.casefold():  # no spelling to copy
            form = "-".join(part[:1].upper() + part[1:] for part in bare.split("-"))
        return form + word[len(bare) :]

    def restored(match: re.Match[str]) -> str:
        word = match.group()
        if "-" in word and (whole := named(word)) is not None:
            return whole
        return "-".join(named(part) or part for part in word.split("-"))

    return _WORD.sub(restored, question)


def case_basis(question: str) -> str:
    """The question as its capitals are restored from: in lower case, but for words in
    capitals only ("UN"), when it is written in title case; all in lower case when in
    capitals only; else as written. Lowering keeps every offset: a letter whose lower
    case is longer ("İ") is kept."""
    if in_capitals(question):
        return _lower(question)
    if in_title_case(question):
        return _WORD.sub(_lowered, question)
    return question


def _lower(text: str) -> str:
    """`text` in lower case, letter by letter, so that it keeps its length."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def in_capitals(question: str) -> bool:
    """Is `question` written in capitals only, in more than `TITLE_CASE_WORDS` words
    ("WHO LED THE IRANIAN DELEGATION")? Its capitals tell nothing either: it is read as
    if typed in lower case, abbreviations included ("snc" → "SNC")."""
    words = _WORD.findall(question)
    return len(words) > TITLE_CASE_WORDS and all(w.isupper() for w in words)


def in_title_case(question: str) -> bool:
    """Is `question` written in title case: every word after its first capitalised but
    maybe the articles, prepositions and conjunctions titles leave in lower case ("Who
    Led the Iranian Delegation?"), and at least `TITLE_CASE_WORDS` of them not in
    capitals only? ("What was the Seven Years War?" is not: "was" is in lower case, so
    its capitals mark a name.)"""
    words = _WORD.findall(question)[1:]
    if any(w[:1].islower() and w not in TITLE_SMALL_WORDS for w in words):
        return False
    return sum(w[:1].isupper() and not w.isupper() for w in words) >= TITLE_CASE_WORDS


def _lowered(match: re.Match[str]) -> str:
    """A word in lower case, unless written in capitals only ("UN", "SNC")."""
    word = match.group()
    return word if word.isupper() and len(word) > 1 else _lower(word)


def _as_a_word(word: str) -> re.Pattern[str]:
    """`word` written as a whole word, in any case."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


class NameForms:
    """How the articles write the words of a question typed in lower case: the
    `name_form` that `restored_case` reads, from an index (`ranker`), its `analyzer`,
    the places `lexicon`, the typo `matcher` and `sentence_text(row)`."""

    def __init__(
        self,
        ranker: SentenceRanker,
        analyzer: Analyzer,
        places: Lexicon,
        matcher: TermMatcher,
        sentence_text: Callable[[int], str],
    ):
        self.ranker = ranker
        self.analyzer = analyzer
        self.places = places
        self.matcher = matcher
        self.sentence_text = sentence_text

    def form(self, word: str) -> str | None:
        """`word` as the articles write it, if it is a name (`is_name`) or an
        abbreviation: the spelling of the first sentence naming it that is not all in
        capitals ("snc" → "SNC"; not a headline's "KOBANI"), or as typed when none shows
        it (`restored_case` then capitalises it); None for any other word."""
        if not self.is_name(word):
            return self._abbreviation(word)
        number = self.ranker.name_number.get(fold(word))
        rows: Iterable[int] = self.ranker.lookup.name_rows(number) if number is not None else ()
        written = self._spelling(word, rows)
        return written if written is not None and written[:1].isupper() else word

    def is_name(self, word: str) -> bool:
        """Is `word` a name? It is when the articles write it capitalised inside more
        than half of the sentences holding it ("broncos", "january"; not "iron" of "the
        Iron Lady" and "iron ore"); in exactly half, when they write it capitalised more
        often than in lower case, sentences' first words aside ("Pedersen" of "Pedersen
        told…" and "UN envoy Geir Pedersen"; not "occurrence", once each way; a word
        capitalised as part of a longer name, "States" of "United States", is decided by
        the share alone), unless it is a title ("president":
        capitalised before a name, a role when asked about). A country, capital or
        demonym is one when the articles write it capitalised at least once
        ("damascus"), or when it is no common word in English ("washington", "american";
        not "male", which the treebank knows first as a noun, nor "polish", a verb). A word
        they never use is one only when the tagger's treebank knows it only as a proper
        noun and WordNet not at all ("calgary"; not "reliant", nor "ny", too short to
        tell): the articles then do not mention the name, and the answer says so. Other
        words they never use are no names: a name cannot be told from a typo ("wantd",
        "opositon")."""
        lower = word.lower()
        if lower in self.analyzer.stopwords or lower in PERSON_TITLES:
            return False
        terms = self.analyzer.guessed_terms(word)
        held = [self.ranker.term_number[t] for t in terms if t in self.ranker.term_number]
        number = self.ranker.name_number.get(fold(word))
        named = len(self.ranker.lookup.name_rows(number)) if number is not None else 0
        if self.places.is_place_name(lower) and (named or not is_common_word(lower)):
            return True
        if not held:
            known_as = lexicon().get(lower) if len(word) > 2 else None
            return (
                known_as == ("PROPN",)
                and not wordnet_classes(lower)  # "reliant", "tom"
                and not any(self.matcher.match(t, word) for t in terms)
            )
        if not named:
            return False
        holding = max(self.ranker.sentences.document_frequency(t) for t in held)
        if 2 * named != holding:
            return 2 * named > holding
        # A tie ("Pedersen told…", "Geir Pedersen said…"): read how they write it.
        rows = self.ranker.sentences.rows(held[0])[:SENTENCES_READ]
        capitalised = lowered = 0
        for row in rows.tolist():
            text = self.sentence_text(row)
            opening = len(text) - len(text.lstrip(" \"“‘'("))
            for m in _as_a_word(word).finditer(text):
                if m.start() == opening:
                    continue  # a sentence's first word is capitalised anyway
                if m.group()[:1].isupper():
                    capitalised += 1
                else:
                    lowered += 1
        return capitalised > lowered

    def _abbreviation(self, word: str) -> str | None:
        """A short word English does not know ("snc", "unifil") as the first sentence
        holding it writes it, when that is an abbreviation ("SNC"); else None."""
        if not 2 <= len(word) <= ABBREVIATION_LETTERS or is_english_word(word.lower()):
            return None
        terms = [t for t in self.analyzer.guessed_terms(word) if t in self.ranker.term_number]
        if len(terms) != 1:
            return None
        written = self._spelling(
            word, self.ranker.sentences.rows(self.ranker.term_number[terms[0]])
        )
        return written if written is not None and is_abbreviation(written) else None

    def _spelling(self, word: str, rows: Iterable[int]) -> str | None:
        """How the first of the sentences `rows` (up to `SENTENCES_READ`) that is not all
        in capitals writes `word`, if one does."""
        for count, row in enumerate(rows):
            if count == SENTENCES_READ:
                break
            text = self.sentence_text(int(row))
            if not any(c.islower() for c in text):
                continue  # a headline in capitals
            written = _as_a_word(word).search(text)
            if written is not None:
                return written.group()
            # typed without the articles' diacritics: "tusas" for "TUSAŞ"
            folded = fold(word)
            for found in _WORD.finditer(text):
                if fold(_POSSESSIVE.sub("", found.group())) == folded:
                    return _POSSESSIVE.sub("", found.group())
        return None
