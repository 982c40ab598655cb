"""Reading a question, once, into the `Query` that ranking, answering, abstention and
highlighting share. This is the only module that reads the raw question text.

A question names its topic but not its answer; what it does say is the type of the
answer: `when` asks for a time, `how many` for a number, `who` and `where` for a name.
A sentence that holds such a thing (not one already in the question) is more likely
to answer. The patterns are English; a question of no known type gets no preference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum

from ..errors import InvalidQuestion
from ..settings import MAX_QUESTION_CHARS, QUESTION_PATTERN, RankingSettings
from ..text.analysis import Analyzer, fold
from ..text.dates import find_dates
from ..text.entities import Token, tokens
from ..text.expansion import Expansion
from ..text.features import names, spelt_number
from ..text.lexical import PERSON_TITLES
from ..text.months import MONTH_WORD, MONTHS
from ..text.tagger import is_english_word, lexicon
from .answer_types import BESIDES_CUE, POSSESSIVE, Expected, expected_answer, is_abbreviation
from .casing import case_basis, restored_case
from .definitions import Defined, defined_subject
from .names_asked import AskedName, names_asked
from .owners import asked_phrase
from .slots import Slot, question_slot
from .spelling import TermMatcher
from .timeline import (
    TimeQuestion,
    neighbours_named,
    ordinal_terms,
    time_question,
    written_ordinals,
)

_HAS_WORD = re.compile(QUESTION_PATTERN)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Punctuation stripped from a question's words before they are looked up as names.
_WORD_PUNCTUATION = "?.,!;:\"'"


class AnswerType(Enum):
    TIME = "time"
    NUMBER = "number"
    NAME = "name"
    NONE = "none"


_TYPE_PATTERNS = [
    (
        AnswerType.TIME,
        r"\bwhen\b|\b(what|which)\s+(year|years|date|day|month|century|decade|era|period|time)\b"
        r"|\bhow long ago\b",
    ),
    (
        AnswerType.NUMBER,
        r"\bhow\s+(many|much|long|far|old|large|big|high|tall|deep|wide|heavy|fast|often)\b"
        r"|\b(what|which)\s+(percentage|percent|number|amount|proportion|size|population)\b",
    ),
    (AnswerType.NAME, r"\b(who|whom|whose|where)\b"),
]
_COMPILED = [(t, re.compile(p, re.IGNORECASE)) for t, p in _TYPE_PATTERNS]

_WORD = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]*")


# Words that say what kind of answer is wanted ("how many", "what year"), not what the
# question is about; they are left out of the question's terms.
_FOCUS = re.compile(
    r"(?:\b(?:roughly|approximately|about|around|nearly)\s+)?"  # "roughly how many": a hedge
    r"\b(how|what|which)\s+(many|much|long|far|old|year|years|date|dates|day|days|month"
    r"|months|time|century|decade|type|types|kind|kinds|name|names|number|percentage)\b",
    re.IGNORECASE,
)
# The words asking what an abbreviation stands for ("the acronym LEM stand for", "the AFC
# short for"): only the abbreviation is what the question is about.
_SPELLING_OUT = re.compile(
    r"(?:\b(?:acronym|abbreviation)\s+)?\b([^\W\d_]{2,10})(?:\s+(?:acronym|abbreviation))?"
    r"\s+(?:stands?|stood|short)\s+for\b"
)
# Names and numbers in a question: a capitalised word that does not start it, or a
# token with a digit ("25th", "2019"), the first too ("22nd round date"). All-capital
# abbreviations are left out: articles often spell them out ("MVPs", "WWII").
_KEY_WORD = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z][\w’'-]*|\b\w*\d\w*")
# Dates as people say them ("Sept 1760", "January 30th") and as articles write them
# ("September 1760", "January 30").
_MONTH_ABBREVIATIONS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip
_ABBREVIATED_MONTH = re.compile(r"\b(" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?(?=\s+\d)")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_DAY_AFTER_MONTH = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)\b", re.IGNORECASE)
_DAY_BEFORE_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?={_MONTH}\b)", re.IGNORECASE
)


def topic_text(question: str) -> str:
    """The question without its answer-type words (`how many people` → `how people`,
    `roughly how many` → `how`, `what does SNC stand for` → `what does SNC`)."""
    return _SPELLING_OUT.sub(
        lambda m: m.group(1) if is_abbreviation(m.group(1)) else m.group(0),
        _FOCUS.sub(lambda m: m.group(1), question),
    )


def key_words(question: str) -> list[str]:
    """The names and numbers a question is about; if the corpus never mentions one of
    them, the articles cannot answer it."""
    return _KEY_WORD.findall(question.strip())


def written_dates(question: str) -> str:
    """The question with its dates as articles write them: month names in full before a
    number, and days after or before a month as plain numbers ("Sept 30th" →
    "September 30"). Other ordinals stay ("the 25th round" is not the 25th of a month)."""
    question = _ABBREVIATED_MONTH.sub(lambda m: _MONTH_ABBREVIATIONS[m.group(1)], question)
    question = _DAY_AFTER_MONTH.sub(r"\1 \2", question)
    return _DAY_BEFORE_MONTH.sub(r"\1 ", question)


def answer_type(question: str) -> AnswerType:
    """The type of thing the question asks for (the first pattern that matches)."""
    for kind, pattern in _COMPILED:
        if pattern.search(question):
            return kind
    return AnswerType.NONE


@dataclass(frozen=True)
class Query:
    """A question as read once: everything the search layer needs from its text.

    `terms` are its analysed terms with misspelt and run-together words replaced by the
    index terms they stand for (unmatched terms are kept: they count against coverage);
    `kind` is the type of thing it asks for; `name_words` its words and names, folded,
    to tell a name it asks about from one that could answer it; `unknown` the names and
    numbers it mentions that no indexed sentence holds, even allowing for typos.
    `text` is the question as asked; `reading` as it is read, with the capitals of the
    names in a question typed all in lower case (`casing.py`)."""

    text: str
    terms: tuple[str, ...]
    kind: AnswerType
    name_words: tuple[str, ...]
    unknown: tuple[str, ...]
    # The question as read: `text` with names capitalised when it was typed in lower case
    # and a question word's "'s" spelt out ("What's": "What is").
    reading: str
    # "the latest round", "the next meeting": order answers by time (`timeline.py`).
    time: TimeQuestion | None = None
    # A time the answer must come before or after ("before the January 2024 session":
    # ("before", "2024-01"); sides "before", "after", "since": `time_bound`).
    bound: tuple[str, str] | None = None
    # The kind of answer wanted ("person", "date", ..., "description"; `answer_types.py`).
    expected: Expected = field(default_factory=lambda: Expected("description"))
    # Terms that count as a question word where answers are placed, each mapped to that
    # word's term, so that a sentence saying it either way holds it: its word family
    # (WordNet's derived forms and pertainyms: "stated" for "statement"), related words
    # naming the same thing ("regime" for "government"), and for a word the articles
    # never use, its heaviest related word ("hiatus" for "break").
    family: dict[str, str] = field(default_factory=dict)
    # Related index terms searched for beside `terms`, each weighing less than the term
    # it stands for (`text/expansion.py`): "hiatus" for "break", Russia for "Moscow".
    expansions: tuple[Expansion, ...] = ()
    # The terms of the names and numbers the question mentions (and of the countries
    # its place words stand for): which delegation, which year. Frequent in a corpus
    # about them, they still tell its passages apart.
    named_terms: tuple[str, ...] = ()
    # Where the answer stands beside the question's main verb, and that verb's analysed
    # term (`slots.py`): "What did the round focus on?" wants what follows "focused on".
    slot: tuple[Slot, str] | None = None
    # The dates the question places its subject by, each as an ISO prefix ("2024-01" for
    # "the January 2024 talks"; "--01" for a month named without a year: "the January
    # round") with the question's terms that write it ("januari", "2024"): a sentence of
    # an article dated then, or stating such a date, holds them.
    dates: tuple[tuple[str, frozenset[str]], ...] = ()
    # The terms of the words saying whose the thing asked about is, and of the countries
    # they stand for (`owners.py`): "Moscow's envoy" → moscow and russia.
    owner_terms: frozenset[str] = frozenset()
    # The term of the noun those owners own ("deleg" of "the Iranian delegation"), which a
    # passage may write as another party's.
    owned_term: str | None = None
    # That noun as written, lower case ("team"): which kind of thing it is (`QAEngine`).
    owned_word: str | None = None
    # The terms of those owners that are no name but a party, an organisation
    # ("the Damascus government's delegation": government), which a passage may write
    # by another word for it ("the regime by … Bassam Sabbagh").
    party_terms: frozenset[str] = frozenset()
    # What "What is X?" or "Who is X?" asks to define (`definitions.py`).
    defined: Defined | None = None
    # The terms of its English verbs, adverbs and adjectives that no article uses: a
    # reader's own words ("driven from their homes" for "displaced", "roughly"), which
    # count less against the share of the question the answer must cover (not a typo:
    # "mathmatical" is no word).
    paraphrased: frozenset[str] = frozenset()
    # Its English nouns no article uses, as `(word, term)`: a reader's own names for
    # things ("truce", "mediator"), but for the noun asked for and quoted words; which
    # of them count less is the engine's choice (not a role's noun: `QAEngine.ask`).
    paraphrased_nouns: tuple[tuple[str, str], ...] = ()
    # Each ordinal in figures with the term of the noun it numbers, the head of its
    # phrase ("the 23rd International Meeting" → ("23rd", "meet"); `timeline.py`).
    ordinal_heads: tuple[tuple[str, str], ...] = ()
    # The names the question gives that an answer's article must mention: "Scotland"
    # of "How many did the Black Death kill in Scotland?" (`names_asked.py`).
    names: tuple[AskedName, ...] = ()


def _standing_for(terms: list[str], own: set[str], country: list[str]) -> list[str]:
    """`terms` with a country's terms standing for `own`, the terms of the place words
    no article uses that name it ("Washington", "the Islamic Republic"): those would
    otherwise count as words the best sentence lacks."""
    kept = [t for t in terms if t not in own]
    return kept + [t for t in country if t not in kept]


def _runs(words: list[str], text: str) -> list[list[str]]:
    """The runs of two or more of `words` (in order) that `text` writes one after another
    ("Islamic", "Republic" of "the Islamic Republic")."""
    runs: list[list[str]] = []
    for word in words:
        if runs and re.search(rf"\b{re.escape(runs[-1][-1])}\s+{re.escape(word)}\b", text):
            runs[-1].append(word)
        else:
            runs.append([word])
    return [run for run in runs if len(run) > 1]


_BOUND = re.compile(r"\b(?P<before>before|prior\s+to|until|earlier\s+than)\b|"
                    r"\b(?P<after>after|following|later\s+than)\b|\b(?P<since>since)\b",
                    re.IGNORECASE)  # fmt: skip
# How far after "before"/"after" its date may be written: "before the January 2024 session".
_BOUND_REACH = 40


def time_bound(text: str) -> tuple[str, str] | None:
    """`(side, ISO date)` when the question bounds its answer's time by a date with a
    year written just after "before"/"prior to" (side "before"), "after"/"following"
    ("after", that date's period excluded) or "since" ("since", included)."""
    for word in _BOUND.finditer(text):
        dated = [m for m in find_dates(text[word.end() : word.end() + _BOUND_REACH])
                 if m.iso[:1].isdigit()]  # fmt: skip
        if dated:
            side = next(k for k in ("before", "after", "since") if word.group(k))
            return side, dated[0].iso.split("/")[0 if side == "before" else -1]
    return None


def _held_by(iso: str) -> str:
    """The ISO prefix a date a question states is held by: a day or month by itself; a
    range by what its ends share ("January 24-25, 2024" by 2024-01, "the end of 2022"
    by 2022); a period spanning two years ("winter 2024": 2023-12/2024-02) by the year
    of its end, which names it."""
    if "/" not in iso:
        return iso
    first, last = (end.split("-") for end in iso.split("/", 1))
    shared = []
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        shared.append(a)
    return "-".join(shared) or last[0]


def _dates(
    text: str, analyzer: Analyzer, terms: set[str]
) -> tuple[tuple[str, frozenset[str]], ...]:
    """The dates with a year that `text` states, and the months it names without one
    (`Query.dates`), with their terms among `terms`."""
    found = []
    with_year = set()
    for mention in find_dates(text):
        if mention.iso[:1].isdigit():  # a year is stated
            iso = _held_by(mention.iso)
            written = {t for _, t in analyzer.written_terms(mention.text)} & terms
            if written:
                found.append((iso, frozenset(written)))
                with_year.update(written)
    # A month named without a year ("the January round") is held by any date in it.
    for word in MONTH_WORD.findall(text):
        month = MONTHS.index(word.lower()) + 1
        written = {t for _, t in analyzer.written_terms(word)} & terms - with_year
        if written:
            found.append((f"--{month:02d}", frozenset(written)))
    return tuple(found)


def validate_question(question: object) -> str:
    """The question stripped of surrounding space; `InvalidQuestion` if it cannot be asked.

    The length limit applies to the question as sent, before stripping, so that the
    limit the API documents (a string of at most MAX_QUESTION_CHARS) is the one applied.
    A lone UTF-16 surrogate (from a JSON escape such as "\\ud800") cannot be encoded as
    UTF-8, so it could be neither analysed reliably nor echoed in an answer: refused."""
    if not isinstance(question, str):
        raise InvalidQuestion("The question must be text: send it as a string.")
    if len(question) > MAX_QUESTION_CHARS:
        raise InvalidQuestion(
            f"The question is {len(question)} characters long: shorten it to at most "
            f"{MAX_QUESTION_CHARS}."
        )
    if _SURROGATE.search(question):
        raise InvalidQuestion(
            "The question holds an invalid character (a lone UTF-16 surrogate): "
            "send it as plain UTF-8 text."
        )
    question = question.strip()
    if not question:
        raise InvalidQuestion("The question is empty: type a question.")
    if not _HAS_WORD.search(question):
        raise InvalidQuestion(
            "The question has no words, only punctuation or symbols: ask it in words."
        )
    return question


def read_query(
    question: object,
    analyzer: Analyzer,
    matcher: TermMatcher,
    settings: RankingSettings,
    places: Callable[[str], list[str]] = lambda word: [],
    family_of: Callable[[str], tuple[str, ...]] = lambda word: (),
    expand: Callable[[list[tuple[str, str]], str, list[str]], list[Expansion]] = (
        lambda written, text, context: []
    ),
    is_country: Callable[[str], bool] = lambda word: False,
    name_form: Callable[[str], str | None] = lambda word: None,
    is_party: Callable[[str, str], bool] = lambda owner, owned: False,
    writes: Callable[[str], bool] = lambda words: False,
) -> Query:
    """Read `question` (validated first) into a `Query`. `places(word)` gives the indexed
    terms of the country a capital or demonym stands for ("Moscow" → russia): a name the
    articles never use is then read as the country they do name; `family_of(word)` the
    terms of its word family; `expand(written, text, terms)` the related terms to search
    for, given the question's `(word, term)` pairs, the text they were read from and
    its terms as searched (typos corrected); `is_country(word)` whether a word is a
    country's name, which makes it a name however it is written ("who represented
    egypt"); `name_form(word)` a word of a question typed in lower case as the articles
    write it when it is a name, else None (`casing.restored_case`): then the words (and
    parts of hyphened words) given capitals are among its key words, the first too;
    `is_party(owner, owned)` whether the noun `owner` is a party, an organisation, the
    noun `owned` belongs to ("the government's delegation"); `writes(words)` whether
    the articles write those words in that order (a spelt ordinal they write stays
    spelt: "tenth-largest")."""
    text = validate_question(question)
    cased = restored_case(text, name_form)
    restored = _WH_CONTRACTION.sub(_spelt_contraction, cased)
    reading = (
        written_ordinals(written_dates(restored), writes)
        if settings.read_spoken_dates
        else restored
    )
    if settings.read_series_neighbours:
        reading = neighbours_named(reading, _is_noun)
    guessed: set[tuple[str, str]] = set()

    def match(term: str, word: str) -> list[str]:
        """`matcher.match`, guessing for at most `max_guessed_words` unindexed words."""
        if term not in matcher.term_number and (term, word) not in guessed:
            if len(guessed) >= settings.max_guessed_words:
                return []
            guessed.add((term, word))
        return matcher.match(term, word)

    time, topic = time_question(reading, analyzer.stopwords, _may_be_noun)
    if time is not None and time.words is not None and reading != restored:
        # where its words stand in the question as read (`Query.reading`), which the
        # instance asked for is named into (`timeline.instance_named`)
        again, _ = time_question(restored, analyzer.stopwords, _may_be_noun)
        spot = again.words if again is not None and again.focus == time.focus else None
        time = replace(time, words=spot)
    # "besides" says which answer, not what it is about (`Expected.besides`)
    topic = BESIDES_CUE.sub(" ", topic_text(topic))
    pairs = analyzer.written_terms(topic)
    terms = [found for word, term in pairs for found in match(term, word) or [term]]
    kind = answer_type(reading)
    words = {fold(w) for w in reading.split()} | names(reading)
    unknown: list[str] = []
    named = {t for t in terms if t.startswith("=")}  # aliases: names of the corpus
    asked_words = key_words(reading)
    if cased != text:  # the words given capitals are names, the first too
        basis = case_basis(text)  # the question as restored from (`casing.py`)
        typed = zip(_LETTER_WORD.findall(basis), _LETTER_WORD.findall(cased), strict=True)
        parts = [pair for was, word in typed if word != was
                 for pair in zip(was.split("-"), word.split("-"), strict=True)]  # fmt: skip
        asked_words = [read for as_typed, read in parts if read != as_typed] + asked_words
    asked_words = _distinct_names(asked_words)
    # names written as the articles write them (no typo, no compound split): an
    # answer's article must mention them (`names_asked.py`)
    as_written: list[tuple[str, list[str]]] = []
    for word in asked_words:
        written = analyzer.written_terms(word)
        if "-" in word:  # "Istanbul-headquartered": its name is the part in capitals
            capitals = {part.lower() for part in word.split("-") if part[:1].isupper()}
            written = [(w, t) for w, t in written if w in capitals] or written
        spelt = spelt_number(word)
        if spelt is not None and all(match(t, w) for w, t in analyzer.written_terms(spelt)):
            continue  # "2 day talks", "the 6th meeting": articles write "two-day", "sixth"
        found = [match(t, w) for w, t in written]
        if all(found):
            # An office before a name ("President Cleveland") is no name: a sentence
            # naming another president is not about the one asked about.
            if word.lower() not in PERSON_TITLES:
                named.update(t for matched in found for t in matched)
            if all(m == [t] for m, (_, t) in zip(found, written, strict=True)):
                as_written.append((word, [t for _, t in written]))
            continue
        # "Latin America", "South Sudan": a place word right after an unknown name (not a
        # number: "the 2024 Moscow team") is part of a longer name the articles do not
        # use, not the country it names alone.
        continues = (
            bool(unknown) and unknown[-1][:1].isupper() and _runs([unknown[-1], word], reading)
        )
        country = [] if continues else places(word)
        if country:
            terms = _standing_for(terms, {t for _, t in written} - set(country), country)
            named.update(country)
        else:
            unknown.append(word)
    # Unknown words written together may shorten a country's name ("the Islamic Republic")
    for run in _runs(unknown, reading):
        country = places(" ".join(run))
        if country:
            own = {t for word in run for _, t in analyzer.written_terms(word)}
            terms = _standing_for(terms, own, country)
            named.update(country)
            unknown = [w for w in unknown if w not in run]
    # A country named in lower case, or as the question's first word, which `key_words`
    # leaves out: "who represented egypt", "Egypt sent whom?".
    checked = {POSSESSIVE.sub("", w) for w in asked_words}
    for word in _LETTER_WORD.findall(reading):
        word = POSSESSIVE.sub("", word)
        if word in checked or word.lower() in analyzer.stopwords or not is_country(word):
            continue
        if not all(match(t, w) for w, t in analyzer.written_terms(word)):
            unknown.append(word)
    # Names of two capitals or more, which `key_words` leaves out: "TUSAŞ", "UChicago"
    # (`names_asked` keeps those that are names: not "TV", "IT"), when indexed as written
    for word in _LETTER_WORD.findall(restored)[1:]:
        word = POSSESSIVE.sub("", word)
        if sum(c.isupper() for c in word) > 1 and word not in checked:
            checked.add(word)
            written = analyzer.written_terms(word)
            if written and all(t in matcher.term_number for _, t in written):
                as_written.append((word, [t for _, t in written]))
    expansions = tuple(e for e in expand(pairs, topic, terms) if e.term not in terms)
    words_tagged = tokens(reading)
    quoted = [m.span() for m in _QUOTED.finditer(reading)]

    def unused(chosen: Callable[[Token], bool]) -> Iterator[tuple[str, str]]:
        """`(word, term)` of the English words `chosen` whose terms no article uses."""
        for w in words_tagged:
            if chosen(w) and is_english_word(w.text):
                for term in analyzer.guessed_terms(w.text):
                    if term not in matcher.term_number:
                        yield w.text.lower(), term

    expected = expected_answer(reading)
    owners, owned = asked_phrase(words_tagged, expected.focus)
    return Query(
        text=text,
        terms=tuple(terms),
        kind=kind,
        # Sorted: a set's order differs between processes (string hashes are salted),
        # and the same question must be read the same in the long-question lane.
        name_words=tuple(sorted(w.strip(_WORD_PUNCTUATION) for w in words)),
        unknown=tuple(dict.fromkeys(unknown)),
        time=time,
        bound=time_bound(reading),
        expected=expected,
        family={
            **_relatives(
                expansions,
                {t for t in terms if t not in matcher.term_number}
                - _answered_by_its_kinds(expected, analyzer),
            ),
            **_family(text, analyzer, set(terms), family_of),
        },
        expansions=expansions,
        named_terms=tuple(t for t in terms if t in named),
        names=names_asked(as_written, restored, text, words_tagged),
        dates=_dates(reading, analyzer, set(terms)),
        slot=_slot(words_tagged, analyzer),
        owner_terms=frozenset(t for words in owners for t in _owner_terms(words, analyzer, places)),
        owned_term=next(iter(analyzer.terms(owned)), None) if owned else None,
        owned_word=POSSESSIVE.sub("", owned).lower() if owned else None,
        party_terms=frozenset(
            t
            for owner in owners
            if owned and owner.islower() and is_party(owner, owned)
            for t in analyzer.terms(owner)
        ),
        reading=restored,
        ordinal_heads=tuple((o, t) for o, t, _ in ordinal_terms(words_tagged, analyzer.terms)),
        defined=defined_subject(restored),
        paraphrased=frozenset(t for _, t in unused(lambda w: w.tag in _PARAPHRASABLE)),
        paraphrased_nouns=tuple(
            unused(
                lambda w: (
                    w.tag == "NOUN"
                    and w.text.lower() != expected.focus  # what is asked for is no other word
                    and not any(s <= w.start < e for s, e in quoted)
                )
            )
        ),
    )


# The parts of speech of the question's words a reader most often writes otherwise.
_PARAPHRASABLE = frozenset({"VERB", "ADV", "ADJ"})
# Words in quotation marks are the reader's quote of the very term ("known as
# “jellies”"), never their own word for another.
_QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”|‘[^’]+’")


def _distinct_names(words: list[str]) -> list[str]:
    """`words` without repeats, a possessive and its name counting as one ("France's",
    "France": refused once, quoted as first written)."""
    first: dict[str, str] = {}
    for word in words:
        first.setdefault(POSSESSIVE.sub("", word), word)
    return list(first.values())


def _owner_terms(words: str, analyzer: Analyzer, places: Callable[[str], list[str]]) -> list[str]:
    """The terms of an owner's words and of the country they stand for: a name's one
    term where it has one ("Moscow" → moscow and russia; "the United States" → its
    name's term, not "state", which "stated" is too)."""
    own = analyzer.terms(words)
    country = places(words)
    return ([t for t in own if t.startswith("=")] or own) + (
        [t for t in country if t.startswith("=")] or (country if len(country) == 1 else [])
    )


def _is_noun(word: str) -> bool:
    """Does the tagger's lexicon know `word` only as a noun?"""
    return lexicon().get(word.lower()) == ("NOUN",)


def _may_be_noun(word: str) -> bool:
    """Is `word` most often a noun in the tagger's lexicon, or unknown to it ("summit")?"""
    tags = lexicon().get(word.lower())
    return tags is None or tags[0] == "NOUN"


# Kinds answered by a name, not by a kind of the noun asked for.
_NAMED_KINDS = frozenset({"person", "organisation", "place", "occupation"})
# A question word and "'s" ("What's the capital…?", "What's happened to the talks?").
_WH_CONTRACTION = re.compile(r"\b(what|who|where|when|how|which)['’]s\b(\s+(\w+))?", re.IGNORECASE)
# Participles after which "'s" is "has": they take no object, so "is" would not make a
# passive of them ("What's happened…?"; "What's used…?" is a passive, "is").
_AFTER_HAS = frozenset({"been", "got", "gone", "happened", "become", "come", "changed"})
# A participle followed by its object ("Who's led the talks?": has led): "has".
_PARTICIPLE_OBJECT = re.compile(
    r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\b", re.IGNORECASE
)


def _spelt_contraction(found: re.Match[str]) -> str:
    """ "What's" as "What is", or "What has" before a participle of `_AFTER_HAS` ("What's
    happened to the talks?") or one followed by its object ("Who's led the talks?"), so
    that the question word is read as one."""
    after = (found.group(3) or "").lower()
    perfect = after in _AFTER_HAS or (
        after.endswith(("ed", "en")) and _PARTICIPLE_OBJECT.match(found.string, found.end())
    )
    return f"{found.group(1)} {'has' if perfect else 'is'}{found.group(2) or ''}"


def _slot(words: list[Token], analyzer: Analyzer) -> tuple[Slot, str] | None:
    """The question's slot beside its verb and the verb's term, if it has one."""
    slot = question_slot(words)
    verb_terms = analyzer.terms(slot.verb) if slot is not None else []
    return (slot, verb_terms[0]) if slot is not None and verb_terms else None


def _answered_by_its_kinds(expected: Expected, analyzer: Analyzer) -> set[str]:
    """The terms of the noun asked for when a kind of it answers ("Friday" for "On what
    weekday…?"): it has no stand-in, which would read the answer as the question's word.
    A person, body or place asked for by a role or sort ("Which spokesperson…?") is
    named, and the role's stand-in ("spokeswoman") shows who holds it."""
    if expected.kind in _NAMED_KINDS or not expected.focus:
        return set()
    return set(analyzer.terms(expected.focus))


def _relatives(expansions: tuple[Expansion, ...], unused: set[str]) -> dict[str, str]:
    """The related words of `Query.family`: those naming the same thing as their question
    word, and the heaviest one of each question word in `unused` (expansions come
    heaviest first)."""
    stand_ins: dict[str, str] = {}
    for e in expansions:
        if e.source in unused and e.source not in stand_ins.values():
            stand_ins[e.term] = e.source
    return {e.term: e.source for e in expansions if e.equivalent} | stand_ins


def _family(
    text: str, analyzer: Analyzer, asked: set[str], family_of: Callable[[str], tuple[str, ...]]
) -> dict[str, str]:
    """`Query.family` of the question `text` whose terms are `asked`."""
    family: dict[str, str] = {}
    for word, term in analyzer.written_terms(text):
        if term in asked:
            for related in family_of(word):
                if related not in asked:
                    family.setdefault(related, term)
    return family
