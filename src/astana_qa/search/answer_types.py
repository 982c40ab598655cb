"""What kind of answer a question wants, from its question word and its focus noun.

"Who" wants a person (its focus the noun of people after "who is/was": "Who was Moscow's
envoy?" wants the person called envoy), "where" a place, "when" a date, "how many" a
number, "how long" a duration, "how often" a frequency. After "what" or "which" the noun
that follows decides ("which official" a person, "which countries" places, "what year" a
date), through the word classes of `text/lexical.py`; a noun asking what a person does
("what profession", "what position does he play") wants an occupation, a noun naming
people ("linebacker"); a noun of no known class wants a named or described thing. "Why",
"how" with a verb, and "what is X" about a name want a description: a clause, which
keeps the sentence ranking as it is.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..text.entities import MEASURE_UNITS
from ..text.features import SPELT_NUMBERS
from ..text.lexical import MONEY_NOUNS, PLACE_NOUNS, SUBORDINATE_TITLES
from ..text.lexical import noun_class as listed_class
from ..text.lexicon import shipped_lexicon
from ..text.tagger import is_common_word, is_english_word, tag, wordnet_classes

TYPED = frozenset({"person", "organisation", "place", "date", "duration", "frequency",
                   "number", "money", "percent", "ordinal"})  # fmt: skip
# Every kind an answer can be: the typed ones, a property ("what colour"), an occupation
# (a noun naming people: "linebacker"), a thing (a noun phrase) and a description (a
# clause or sentence). Only the typed ones are written in a form whose absence is a
# reason to abstain.
ANSWER_TYPES = TYPED | {"attribute", "occupation", "thing", "description"}
_WORD = re.compile(r"[\w'’.-]*\w|\w|,")
_WH = ("who", "whom", "whose", "what", "which", "when", "where", "why", "how")
_QUANTITY_ADJECTIVES = frozenset({
    "far", "large", "big", "tall", "high", "deep", "wide", "heavy", "fast", "often", "old",
    "much", "many", "long",
})  # fmt: skip
# Nouns that ask for a quality, usually written as a modifier ("the orange jerseys").
_ATTRIBUTE_NOUNS = frozenset(
    {"type", "types", "kind", "kinds", "sort", "sorts", "color", "colour", "style", "form"}
)
# Nouns asking for a reason: "What rationale did they give…?" asks why.
REASON_NOUNS = frozenset({"reason", "reasons", "rationale", "justification", "motive",
                          "motives", "explanation", "grounds"})  # fmt: skip
# Nouns asking for what a person is or does: "What position does Von Miller play?" is
# answered by a noun naming people ("linebacker"), not by a name or a number.
_OCCUPATION_NOUNS = frozenset({"profession", "professions", "occupation", "occupations",
                               "career"})  # fmt: skip
# Nouns that ask for an occupation only as what a person plays or holds ("What position
# does Von Miller play?"; not "What is Russia's position on the ceasefire?", "What jobs
# were lost?").
_HELD_NOUNS = frozenset({"position", "positions", "job", "jobs", "post", "posts"})
_HOLDING_VERBS = frozenset({"play", "plays", "played", "hold", "holds", "held", "have", "has",
                            "had", "occupy", "occupies", "occupied", "fill", "filled", "take",
                            "took", "get", "got", "appointed", "named"})  # fmt: skip
# The tags of verbs: a question whose words after "what about" hold one asks for a thing.
_VERBS = frozenset({"VERB", "AUX"})
# Units that close a search asking for a measure ("… depths km"); not those that are
# other words too ("honorary degrees", "pounds" of money).
_SEARCH_UNITS = MEASURE_UNITS - {"degrees", "pound", "pounds"}
# A question opening with one of these and holding no question word asks yes or no.
_YES_NO_OPENERS = frozenset({
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could",
    "will", "would", "should", "may", "might", "must",
})  # fmt: skip
_NAMING_VERBS = frozenset({"called", "named", "known", "termed"})
_ORDINAL_NOUNS = frozenset(["rank", "ranking", "round", "edition", "anniversary"])
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# A word's possessive ending ("Washington's"), shared by the modules reading questions.
POSSESSIVE = re.compile(r"['’]s$")
_SKIPPED = frozenset({"DET", "ADJ", "NUM", "ADV"})
# Forms of "be" linking "who" to the noun that describes the answer: "Who was the envoy?"
_COPULAS = frozenset({"is", "was", "are", "were"})
# Words before "for" asking what an abbreviation stands for.
_SPELLED_OUT = frozenset({"stand", "stands", "stood", "short"})
# Nouns of people that name no role: a search about "syrian people" is about them.
_ANYONE = frozenset({
    "person", "people", "persons", "individual", "individuals", "man", "men", "woman", "women",
    "child", "children", "anyone", "someone", "whom",
})  # fmt: skip


# The kinds a noun inside a key-word search asks for wherever it stands (a person is
# asked for by a role, below; a place noun there is more often the topic: "country").
_SEARCHED_KINDS = frozenset({"date", "number", "money", "percent", "duration"})

# The kinds WordNet's noun classes may give the singular noun closing a key-word search
# that the word lists do not know ("mvp", "birthplace", "birthday").
_CLOSING_KINDS = frozenset({"person", "place", "date"})

# The kinds WordNet's noun classes may give a focus noun the word lists do not know.
# Only person: measured in one run on squad-dev, its places, groups and times as well
# cost P@1 0.7035 -> 0.7015 ("profession" is a group in WordNet, "festival" a time).
WORDNET_KINDS = frozenset({"person"})


@lru_cache(maxsize=4096)
def noun_class(noun: str) -> str | None:
    """The answer kind a focus noun asks for: by the word lists (`text/lexical.py`),
    which decide for the nouns questions use most, then for its singular ("teachers"),
    then by WordNet's class of its senses when that is one of `WORDNET_KINDS`
    ("linebacker": a person)."""
    found = listed_class(noun)
    if found is None:
        lexicon = shipped_lexicon()
        for base in lexicon.base_forms(noun):
            found = found or listed_class(base)
        if found is None:
            wordnet = lexicon.noun_class(noun)
            found = wordnet if wordnet in WORDNET_KINDS else None
    return found


# Kinds a question without a focus noun may want several of, written as one list.
_UNCOUNTED_KINDS = frozenset({"thing", "person", "organisation", "place"})


@dataclass(frozen=True)
class Expected:
    """The answer a question asks for: its `kind`, the noun that says so (`focus`),
    and whether several are wanted (a plural focus: "which countries")."""

    kind: str
    focus: str | None = None
    # True: several are wanted ("which countries"); None: the question does not say (no
    # focus noun: "What does the company export?", "Who founded the party?"), so a list
    # written as one ("migration and urbanisation") may answer it whole; False: one.
    plural: bool | None = False
    # The abbreviation a question asks to spell out: "SNC" of "What does SNC stand for?"
    abbreviation: str | None = None
    # How many are wanted, when the question says: 3 for "Which three countries…?"
    count: int | None = None
    # The question names a rank second to an office ("deputy", "vice"): a "Deputy
    # Foreign Minister" may answer "Who is the vice foreign minister?" but not "Who is
    # the foreign minister?".
    second_in_rank: bool = False
    # What the answer is besides: "the UN" of "Besides the UN, which humanitarian
    # organisation attended?", which the answer is listed with ("the UN and the
    # International Committee of the Red Cross").
    besides: str | None = None
    # The name written right before the focus noun: "Security Council" of "Which
    # Security Council measure…?", "Apollo" of "What Apollo mission…?". A name that
    # goes on past it ("U.N. Security Council Resolution 2642", "Apollo 17") is one of
    # the things asked for.
    named_by: str | None = None
    # The question asks for the name of its focus ("What is the name of the fund…?"): a
    # proper name answers, a common noun phrase less.
    asks_name: bool = False

    @property
    def typed(self) -> bool:
        """Is a span of one kind wanted (so that its absence is a reason to abstain)?"""
        return self.kind in TYPED


def expected_answer(question: str) -> Expected:
    """The answer type of `question` (see the module's docstring), with the number of
    things it asks for when it says one ("Which three countries…?")."""
    expected = _expected(question)
    besides = _besides(question)
    if besides:
        expected = replace(expected, besides=besides)
    if _second_to_focus(question, expected.focus):
        expected = replace(expected, second_in_rank=True)
    named_by = _name_before_focus(question, expected.focus)
    if named_by is not None:
        expected = replace(expected, named_by=named_by)
    if expected.kind in _NAMEABLE and _ASKS_NAME.search(question):
        expected = replace(expected, asks_name=True)
    counted = _COUNTED.search(question) if expected.plural else None
    if expected.focus is None and not expected.plural and expected.kind in _UNCOUNTED_KINDS:
        expected = replace(expected, plural=None)  # how many is not said
    if counted is None:
        return expected
    number = counted.group(1).lower()
    return replace(expected, count=int(number) if number.isdigit() else _COUNTS.index(number) + 2)


def _besides(question: str) -> str | None:
    """What the answer is besides (`Expected.besides`): the words after the cue, up to
    punctuation, a preposition, a question word or a verb ("Which organisation besides
    the UN attended…?": "the UN")."""
    found = _BESIDES.search(question)
    if found is None:
        return None
    words = found.group("what").split()
    tags = tag(words)
    kept = [w for w, _ in itertools.takewhile(lambda wt: wt[1] not in _VERBS,
                                              zip(words, tags, strict=True))]  # fmt: skip
    return " ".join(kept) or None


def _second_to_focus(question: str, focus: str | None) -> bool:
    """Does the question ask for a rank second to the office it asks about: a word of
    such a rank, not denied, that is the noun asked for or stands a few words before it
    ("the deputy UN envoy", "the vice foreign minister"; not "Which envoy met the deputy
    foreign minister?")?"""
    for m in _RANK.finditer(question):
        if m.group(1) is not None:
            continue  # "the minister himself, not a deputy"
        near = [w.strip(_WORD_EDGES).lower() for w in question[m.start() :].split()[:5]]
        if focus is None or focus.lower() in near:
            return True
    return False


# Punctuation a word of the question may carry at its edges.
_WORD_EDGES = "?!.,;:\"'’“”()"
# The cues of "Besides X, which…?": those only readers write, dropped from the
# question's key words (no article's sentence needs to hold them), and those articles
# write too ("alongside", "along with"), which stay key words.
_READERS_CUES = ("besides", "apart from", "aside from", "other than")
_SHARED_CUES = ("in addition to", "alongside", "along with", "together with")
BESIDES_CUE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _READERS_CUES) + r")\b", re.I
)
# The words of every cue, which say nothing of what is asked besides (`answers.py`).
BESIDES_CUE_WORDS = tuple(dict.fromkeys(w for c in _READERS_CUES + _SHARED_CUES
                                        for w in c.split()))  # fmt: skip
# "Besides the UN, which…?", "Which body attended alongside the UN at the talks?": the
# words after the cue, up to punctuation, a preposition or a question word (and a verb:
# `_besides`); a list after it gives its first item only ("Besides Russia, Iran…").
_BESIDES = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _READERS_CUES + _SHARED_CUES) + r")"
    r"\s+(?P<what>(?:(?!(?:at|in|on|during|to|for|from|with|by|of"
    r"|which|what|who|whom|whose)\b)[\w'’-]+\s*){1,5})",
    re.IGNORECASE,
)
# A rank second to an office, unless denied ("the minister himself, not a deputy").
_RANK = re.compile(
    r"\b(?:(not|no)\s+(?:an?\s+|the\s+)?)?(?:" + "|".join(sorted(SUBORDINATE_TITLES)) + r")\b",
    re.IGNORECASE,
)
# "What is the name of…?": a name is asked for (`Expected.asks_name`), for kinds a
# common noun phrase may answer too. ("What was X called?", "the name for/given to X"
# are not read so: their answer is as often a term, "defensins", "joey".)
_ASKS_NAME = re.compile(r"\bnames?\s+of\b", re.IGNORECASE)
_NAMEABLE = frozenset({"thing", "place", "organisation"})
# "Which three countries", "What two artists", "Name the four…": how many are wanted.
_COUNTS = SPELT_NUMBERS[1:]
_COUNTED = re.compile(
    r"\b(?:which|what|name)\s+(?:(?:are|were)\s+)?(?:the\s+)?(" + "|".join(_COUNTS) + r"|[2-9])\b",
    re.IGNORECASE,
)


def _expected(question: str) -> Expected:
    """`expected_answer` before the count."""
    words = _WORD.findall(question)
    lower = [w.lower() for w in words]
    abbreviation = _abbreviation(words, lower)
    if abbreviation is not None:
        return Expected("thing", abbreviation=abbreviation)
    tags = tag(words)
    wh = next((i for i, w in enumerate(lower) if w in _WH), None)
    comma = lower.index(",") if "," in lower else -1
    if wh is not None and wh < comma and lower[wh] in ("when", "where", "how"):
        # "When John Fox left, who replaced him?": the opening clause only sets the scene.
        wh = next((i for i, w in enumerate(lower) if w in _WH and i > comma), wh)
    if wh is not None and "?" not in question and _opens_a_relative_clause(lower, tags, wh):
        wh = None  # "relief agency which attended the talks": a search, not "which…?"
    if wh is None:
        if lower[:1] == ["name"]:  # "Name the designer of ..."
            return _focus_kind(words, tags, 1)
        if lower[:1] and lower[0] in _YES_NO_OPENERS:
            return Expected("description")  # "Did the talks discuss ISIS?": the sentence says

        if "?" not in question:  # a search by key words ("Yildiz"): the sentence answers,
            return _key_word_kind(words, tags)  # unless a noun says what is searched for
        return Expected("thing")
    word, after = lower[wh], lower[wh + 1] if wh + 1 < len(lower) else ""
    if word == "what" and after == "about" and not _VERBS.intersection(tags[wh + 2 :]):
        # "What about refugees?" asks what the articles say of them (as "How about…?" is
        # read by `_how`): the sentence answers ("What about the plan did Iran reject?"
        # asks for a thing)
        return Expected("description")
    if word in ("who", "whom", "whose"):
        role = _role(words, tags, wh + 1)
        return Expected("person", role, plural=role is not None and _is_plural(role))
    if word == "where":
        return Expected("place")
    if word == "when" or (word == "what" and after == "time"):
        return Expected("date")
    if word == "why":
        return Expected("description")
    if word == "how":
        return _how(words, tags, wh + 1)
    return _focus_kind(words, tags, wh + 1, search="?" not in question)


def _name_before_focus(question: str, focus: str | None) -> str | None:
    """The capitalised words right before the first `focus` noun of `question`, not
    its first word ("Security Council" of "Under which Security Council measure…?"),
    or None; none when the focus is written with a capital ("Which Super Bowl…?")."""
    if not focus:
        return None
    words = _WORD.findall(question)
    lower = [w.lower() for w in words]
    if focus not in lower:
        return None
    at = lower.index(focus)
    if not words[at].islower():
        return None  # "Which Super Bowl…?": the focus is a word of the name
    start = at
    while start > 1 and words[start - 1][:1].isupper() and lower[start - 1] not in _WH:
        start -= 1
    return " ".join(words[start:at]) or None


def _abbreviation(words: list[str], lower: list[str]) -> str | None:
    """The abbreviation a question asks to spell out, or None: the word right before
    "stand(s) for" or "short for", "acronym" or "abbreviation" aside ("What does the
    acronym LEM stand for?", "What is the AFC short for?"), or the whole of what "What is
    (the) X?" or "What does X mean?" asks about ("What is the SNC?"), when
    `is_abbreviation`."""
    for i in range(1, len(lower) - 1):
        if lower[i + 1] == "for" and lower[i] in _SPELLED_OUT:
            k = i - 1
            if k > 0 and lower[k] in ("acronym", "abbreviation"):
                k -= 1
            return words[k] if is_abbreviation(words[k]) else None
    asked = [w for w in words if w != "?"]
    if lower[:2] in (["what", "is"], ["what", "was"]) and (
        len(asked) == 3 or (len(asked) == 4 and lower[2] == "the")
    ):  # "What is the SNC?"
        return asked[-1] if is_abbreviation(asked[-1]) else None
    if lower[:2] == ["what", "does"] and len(asked) == 4 and lower[3] == "mean":
        return asked[2] if is_abbreviation(asked[2]) else None  # "What does SNC mean?"
    return None


def is_abbreviation(word: str) -> bool:
    """Is `word` written as an abbreviation: 2 to 10 letters, capitals but for at most
    one ("SNC", "vBNS"; not "McDonald")?"""
    upper = sum(c.isupper() for c in word)
    return word.isalpha() and 2 <= len(word) <= 10 and upper >= 2 and len(word) - upper <= 1


def _role(words: list[str], tags: list[str], i: int) -> str | None:
    """The noun of people a "who is/was…" question names the answer by ("Who was
    Moscow's envoy?": envoy; "Who is the author of the book?": author), or None. A
    sentence that gives a person that title or description answers it."""
    if i >= len(words) or words[i].lower() not in _COPULAS:
        return None
    head = _noun_run(words, tags, i + 1, past_possessor=True)
    if head is None or head[:1].isupper() or noun_class(head) != "person":
        return None  # "Who was Moscow's?", "Who is John Smith?"
    return head.lower()


def _asks_occupation(lower: list[str], at: int) -> bool:
    """Does the question's noun at `at` ask what a person is or does (`_OCCUPATION_NOUNS`,
    or `_HELD_NOUNS` with a verb of holding in the question)?"""
    return lower[at] in _OCCUPATION_NOUNS or (
        lower[at] in _HELD_NOUNS and not _HOLDING_VERBS.isdisjoint(lower)
    )


# The times a search may open with, asking for one: "date us pulled out of bretton
# woods" ("date" is tagged a verb there). Not "time": "time magazine person of the year".
_ASKED_TIMES = frozenset({"year", "date", "day", "weekday", "month", "decade", "century"})


# The relative pronouns opening a clause that says which one a search asks for.
_SEARCH_RELATIVES = frozenset({"that", "which", "who"})
# The tags of the words a search's opening phrase is made of ("the aid organization").
_OPENING_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "DET"})
# Words standing between a relative pronoun and its verb ("that later signed", "that
# first sold": the tagger reads "first" as an adjective).
_BEFORE_A_VERB = frozenset({"ADV", "ADJ"})


def _opens_a_relative_clause(lower: list[str], tags: list[str], at: int) -> bool:
    """Is word `at` a relative pronoun after a search's opening noun phrase, with a
    clause after it? "which" and "who" may also ask a question of a topic before them
    ("astana talks which countries attended", "syria talks who led the russian
    delegation"), so they open a clause only when the tagger reads a verb right after
    them (past an adverb: "agency which attended the talks"), and "who" only after a
    phrase holding a noun of people or of a body of them ("envoy who led the talks",
    "team who won", "kazakh deputy fm who called for…"). "That" asks no
    question: its clause may open with a word that can be a verb, which the tagger may
    read as a noun ("antibody that crosses the placenta"), or with its own subject
    ("treaty that iran signed in 2015"). Not "when" ("astana talks when")."""
    if not (
        0 < at < len(lower) - 2
        and lower[at] in _SEARCH_RELATIVES
        and tags[at - 1] in _NOUN_TAGS
        and all(t in _OPENING_PHRASE for t in tags[:at])
    ):
        return False
    after = at + 1 + (tags[at + 1] in _BEFORE_A_VERB)  # "that later signed", "that first sold"
    if lower[at] != "that":
        return tags[after] in _VERBS and (
            lower[at] != "who"
            or any(noun_class(w) in ("person", "organisation") for w in lower[:at])
        )
    return "VERB" in wordnet_classes(lower[after]) or any(
        t in _VERBS for t in tags[at + 2 : at + 5]
    )  # "treaty that iran signed": a subject, then its verb


def _key_word_kind(words: list[str], tags: list[str]) -> Expected:
    """The kind a search by key words asks for: a noun of the word lists' typed classes
    opening it before "of" ("date of the attack", "number of rounds"; a time, also
    without "of": "year harvard was founded") or closing it
    ("22nd round dates", "delegation head"), or a singular one WordNet gives a person,
    place or date closing it ("super bowl 50 mvp"); else a description. WordNet's
    classes only for a closing singular noun: they would make a topic a typed question
    ("syrian refugees" is about refugees, not asking who they are), and a topic wants
    the sentence about it."""
    lower = [w.lower() for w in words]
    if not lower:
        return Expected("description")
    # an amount or a time named before "of" inside the search says what is searched
    # for, unless a person's noun closes it: "battle of carillon size of french army"
    # (not "russia time of troubles leader")
    if "of" in lower[2:-1] and noun_class(lower[-1]) != "person":
        for at in range(1, len(lower) - 2):
            if lower[at + 1] == "of" and tags[at] in _NOUN_TAGS:
                kind = listed_class(lower[at])
                if kind in _SEARCHED_KINDS:
                    return Expected(kind, lower[at], _is_plural(lower[at]) and kind != "number")
    for at in (0, len(lower) - 1):
        if at == 0 and lower[0] in _ASKED_TIMES and len(lower) > 2:
            pass  # "year robert koch won the nobel prize": "of" left out, as searches do
        elif (at == 0 and lower[1:2] != ["of"]) or tags[at] not in _NOUN_TAGS:
            continue
        kind = listed_class(lower[at])
        if kind == "number" and at == 0:  # "number of rounds": as "how many rounds"
            counted = _noun_run(lower, tags, 2)
            return Expected(kind, counted, plural=True)
        if kind in TYPED:
            plural = lower[at].endswith("s") and not lower[at].endswith("ss")
            return Expected(kind, lower[at], plural)
    # Context may follow the noun saying what is searched for: "syria war death toll
    # astana article", "astana 22 meeting dates november". The last such noun decides.
    typed = [(w, kind) for w, t in zip(lower[1:-1], tags[1:-1], strict=True)
             if t in _NOUN_TAGS and (kind := listed_class(w)) in _SEARCHED_KINDS]  # fmt: skip
    if typed:
        word, kind = typed[-1]
        return Expected(kind, word, _is_plural(word) and kind != "number")
    if lower[-1] in _SEARCH_UNITS and len(lower) > 1:
        return Expected("number")  # "mantle discontinuity depths km": a measure in km
    if lower[-1] in ("name", "names") and len(lower) > 1:  # "foreign ministry spokeswoman name"
        named = listed_class(lower[-2]) or noun_class(lower[-2])
        if named == "person":
            return Expected("person", lower[-2], lower[-1] == "names")
    if is_superlative(lower[0]) and len(lower) > 2:
        # "biggest stadium in australia", "oldest university in victoria": which one is
        focus = _noun_run(words, tags, 1, search=True)  # "biggest city Syria": the city
        kind = noun_class(focus) if focus is not None else None
        if focus is not None and kind in TYPED:
            return Expected(kind, focus.lower(), _is_plural(focus))
    reason = next((w for w in lower if w in REASON_NOUNS), None)
    if reason is not None:  # "kazakhstan reason to end astana process": why
        return Expected("description", reason)
    # A search naming a role asks who holds it: "iran delegate january talks",
    # "russian deputy foreign minister preparing astana 22" (not "syrian people").
    role = next((w for w, t in zip(lower, tags, strict=True) if _names_a_role(w, t)), None)
    if role is not None:
        return Expected("person", role, _is_plural(role))
    relative = next((i for i, w in enumerate(lower) if w in _SEARCH_RELATIVES), 0)
    if _opens_a_relative_clause(lower, tags, relative):
        # "antibody that crosses the placenta", "aid organization that sat in on…"
        return _focus_kind(words[:relative], tags[:relative], relative - 1, search=True)
    which = _which_one(words, tags)
    if which is not None:  # "tallest building downtown Jacksonville", "general defeated at…"
        at, superlative = which
        asked = _focus_kind(words[: at + 1], tags[: at + 1], at)
        if superlative or asked.kind in TYPED:  # not "ceasefire agreement signed in …"
            return asked
    if lower[-1] == "name" and len(lower) > 2 and _names_a_work(words, tags):
        # "gandhi nonviolent resistance doctrine name", "mongol empire law code name"
        return _focus_kind(words[:-1], tags[:-1], len(words) - 2)
    # the common noun closing a search names what it wants, by WordNet's classes too:
    # "super bowl 50 mvp", "nikola tesla birthplace" (not "syrian refugees", "… astana")
    last = lower[-1]
    if len(lower) > 1 and tags[-1] == "NOUN" and not _is_plural(last):
        wordnet = shipped_lexicon().noun_class(last)
        if wordnet in _CLOSING_KINDS and not shipped_lexicon().is_place_name(last):
            return Expected(wordnet, last)
    return Expected("description")


def _which_one(words: list[str], tags: list[str]) -> tuple[int, bool] | None:
    """Where the noun of a search that asks which one stands, and whether a superlative
    asks it: the first common noun after an opening superlative, or the compound it
    heads ("tallest building downtown Jacksonville", "largest refugee camp Syria"), not a
    round or a rank ("first round of astana talks": a sentence tells of it); or the
    singular common noun right before the search's first verb, a past form ("-ed" or
    irregular), when only nouns and adjectives precede it ("British general defeated at
    Monongahela": "the general who was defeated"). None otherwise: a search of names and
    nouns is about its topic ("syria war death toll"), and so is a plural, a group or a
    place before a verb ("talks ended in Astana", "people rescued …"); a way is told by a
    sentence ("best way to resolve the war": a property in WordNet)."""
    if is_superlative(words[0].lower()):
        for at in range(1, len(words)):
            if tags[at] in _NOUN_TAGS and not _is_name(words[at]):
                while at + 1 < len(words) and _goes_on_a_compound(words[at + 1], tags[at + 1]):
                    at += 1
                noun = words[at].lower()
                if noun in _ORDINAL_NOUNS or shipped_lexicon().is_kind_of(noun, "property"):
                    return None
                return at, True
            if tags[at] not in ("ADJ", "PROPN", "NUM"):
                return None
        return None
    verb = next((i for i, t in enumerate(tags) if t not in ("NOUN", "PROPN", "ADJ")), None)
    if verb is None or verb == 0 or tags[verb] != "VERB" or verb + 1 == len(words):
        return None
    lexicon = shipped_lexicon()
    past = words[verb].lower()
    if not (past.endswith("ed") or past in lexicon.data.irregular):
        return None  # "refugee return discussed …": a base form goes on a compound
    at = verb - 1
    head = words[at]
    is_noun = tags[at] == "NOUN" or (tags[at] == "ADJ" and noun_class(head) is not None)
    many = _is_plural(head) or lexicon.is_kind_of(head.lower(), "group")
    if not is_noun or _is_name(head) or many or head.lower() in lexicon.data.irregular:
        return None  # "people rescued …", "men fled …": a topic, not which ones
    if lexicon.is_place_name(head) or lexicon.is_place_word(head):
        return None  # "istanbul based opposition group": a place says where
    return at, False


def _goes_on_a_compound(word: str, tag: str) -> bool:
    """Does `word` after a noun go on the compound that noun opens: a lower-case word
    tagged a noun that WordNet knows as a noun, but not as an adverb ("refugee camp",
    "ship builder"; not "building downtown", "street lit")?"""
    if tag not in _NOUN_TAGS or not word.islower() or _is_name(word):
        return False
    classes = wordnet_classes(word)
    return "NOUN" in classes and "ADV" not in classes


def _names_a_work(words: list[str], tags: list[str]) -> bool:
    """Does the common noun before a search's closing "name" ask for a work of the mind
    ("doctrine name", "law code name"; `Lexicon.is_work`), not the object of a
    preposition ("first woman in space name") nor a name?"""
    noun = words[-2]
    if tags[-2] != "NOUN" or _is_name(noun) or tags[-3] == "ADP":
        return False
    return shipped_lexicon().is_work(noun.lower())


def is_superlative(word: str) -> bool:
    """Is `word` (lower case) a superlative: "tallest", "oldest" (whose base WordNet
    knows and which is no word of its own, unlike "forest"), or one of the ranking words
    WordNet lists as words of their own ("first", "last", "latest", "earliest", "best",
    "worst")?"""
    if word in ("first", "last", "latest", "earliest", "best", "worst"):
        return True
    bases = shipped_lexicon().base_forms(word)
    return word.endswith("est") and bool(bases) and word not in bases


def _names_a_role(word: str, tag: str) -> bool:
    """Does the word of a search name a role someone holds? A noun of the word lists'
    people ("delegate", "minister"), or a common singular noun WordNet files under
    people ("deputy" of "kazakh deputy fm read final communique"); not a demonym
    ("kazakh"), a name ("apollo"), nor anyone at all ("people")."""
    if tag not in _NOUN_TAGS or word in _ANYONE:
        return False
    if listed_class(word) == "person":
        return True
    return (
        tag == "NOUN"
        and not _is_plural(word)
        and is_common_word(word)
        and noun_class(word) == "person"
        and not shipped_lexicon().places(word)
    )


def _how(words: list[str], tags: list[str], i: int) -> Expected:
    lower = [w.lower() for w in words]
    after = lower[i] if i < len(lower) else ""
    if after not in _QUANTITY_ADJECTIVES:
        return Expected("description")
    if after == "often":
        return Expected("frequency")  # "every four years", "biennial", "twice a week"
    if after == "long":
        return Expected("date" if "ago" in lower else "duration", "long")
    if after in ("many", "much"):
        focus = _noun_run(words, tags, i + 1)
        if focus is not None and focus.lower() == "times":  # occurrences: "twice", "five times"
            return Expected("number")
        if after == "much" and (focus is None or focus.lower() in MONEY_NOUNS | {"money"}):
            kind = "money"
        elif focus is not None and noun_class(focus) == "date":
            kind = "duration"
        else:
            kind = "number"
        return Expected(kind, focus.lower() if focus else None, plural=True)
    return Expected("number", after)


def _noun_run(words: list[str], tags: list[str], i: int, past_possessor: bool = False,
              search: bool = False) -> str | None:  # fmt: skip
    """The head of the noun phrase starting at `i`: its last noun (or word of a known
    noun class, which the tagger may call an adjective: "official") before anything else.
    A participle may come first ("paid holiday days"), a verb after a noun ends it. With
    `past_possessor`, a possessor is read as opening the phrase, not as its head. In a
    `search`, which strings nouns together with no verb between, a name after a common
    noun ends it ("which team Denver beat"); in a written question it may be part of it
    ("Which opposition Syrian National Council leader…?")."""
    head = None
    while i < len(words):
        word, kind = words[i], tags[i]
        if kind in _NOUN_TAGS and head is not None and tags[i + 1 : i + 2] == ["DET"]:
            break  # "which country hosts the talks": a verb the tagger read as a noun
        if search and kind in _NOUN_TAGS and head is not None and head.islower() and _is_name(word):
            break  # "which hotel venue astana syria talks": a name opens what is searched in
        if past_possessor and POSSESSIVE.search(word) and i + 1 < len(words):
            head = None  # a possessor opens the phrase: "Temüjin's three full brothers"
        elif kind in _NOUN_TAGS or (kind == "ADJ" and noun_class(word) is not None):
            head = word
        elif (
            kind == "VERB"
            and head is None
            and i + 1 < len(words)
            and tags[i + 1] in (_NOUN_TAGS | {"ADJ"})
        ):
            pass
        elif kind == "ADJ" and head is not None and _noun_follows(tags, i + 1):
            pass  # "deputy foreign minister", "US special envoy": the head is still to come
        elif kind not in _SKIPPED or head is not None:
            break
        i += 1
    return head


def _is_name(word: str) -> bool:
    """Is `word` a name rather than a common noun ("venue", "talks"): capitalised, as the
    question's reading writes the names of a search in lower case ("Astana",
    `casing.py`), or a word WordNet does not know ("beyonce")?"""
    lower = word.lower()
    return not is_common_word(lower) and (word[:1].isupper() or not is_english_word(lower))


def _noun_follows(tags: list[str], i: int) -> bool:
    """Do adjectives from `i` lead to a noun ("foreign minister")?"""
    while i < len(tags) and tags[i] == "ADJ":
        i += 1
    return i < len(tags) and tags[i] in _NOUN_TAGS


def _noun_read_as_verb(lower: list[str], tags: list[str], i: int) -> bool:
    """Is word `i`, right after "what" or "which", tagged as a verb but a noun WordNet
    knows and no form of another word, and followed by "of" ("What share of voters in
    Ohio chose Trump?")? Then it heads the question's subject: the noun asked for. A
    verb keeps its own "of" ("What became of the fleet?", "What consists of two
    chambers?", "Which came of age first?": "came" is a noun too, but a form of "come")."""
    if not (i + 1 < len(lower) and tags[i] == "VERB" and lower[i + 1] == "of"):
        return False
    lexicon = shipped_lexicon()
    return lexicon.knows_noun(lower[i]) and lexicon.base_forms(lower[i]) == [lower[i]]


def _focus_kind(words: list[str], tags: list[str], i: int, search: bool = False) -> Expected:
    """The kind asked for by the noun after "what"/"which"/"name"; `i` is the next word."""
    lower = [w.lower() for w in words]
    first = i  # the word right after "what": a possessive there names what is asked for
    if _noun_read_as_verb(lower, tags, i):
        # "What share of applicants got in?": the tagger's verb before "of" is the noun
        # asked for, the head of the subject of the verb after its phrase
        tags = [*tags[:i], "NOUN", *tags[i + 1 :]]
    after_verb = i < len(words) and tags[i] == "AUX"
    if after_verb:
        if lower[i] in ("do", "does", "did", "has", "have", "had", "can", "could", "will",
                        "would", "should", "may", "might", "must"):  # fmt: skip
            # "What does the company make?": the noun after is the subject, not the focus.
            return Expected("description" if lower[-1:] == ["do"] else "thing")
        i += 1
        rest = [w for w in words[i:] if w[:1].isalpha() and w.lower() not in ("the", "a", "an")]
        if rest and all(w[:1].isupper() for w in rest):
            return Expected("description")  # "What are the Valdez Principles?": a definition
    while i < len(words) and tags[i] == "DET":
        i += 1
    if i < len(words) and lower[i] in _ATTRIBUTE_NOUNS:
        # "what colour", "what kind of": a quality, of the noun after it if one follows
        # ("what type of architecture": its focus is "architecture")
        at = i + 1 + (lower[i + 1 : i + 2] == ["of"])
        described = _noun_run(words, tags, at) if at < len(words) else None
        return Expected("attribute", described.lower() if described else lower[i])
    if i < len(words) and lower[i] in REASON_NOUNS:
        # "What rationale did Kazakhstan give…?": asks why, answered by a clause of reason
        return Expected("description", lower[i])
    if i < len(words) and _asks_occupation(lower, i):
        # "what profession", "what position does he play": a noun naming people
        return Expected("occupation", lower[i], lower[i].endswith("s"))
    possessor = POSSESSIVE.sub("", words[i]) if i == first < len(words) else ""
    if possessor and possessor != words[i] and tags[i] in _NOUN_TAGS:
        # "In what city's hotel", "which country's delegation": the owner is asked for.
        kind = noun_class(possessor) or "thing"
        return Expected("place" if kind == "number" and possessor.lower() in PLACE_NOUNS
                        else kind, possessor.lower())  # fmt: skip
    focus = _noun_run(words, tags, i, search=search)
    if focus is None:
        return Expected("description" if "happened" in lower or lower[-1:] == ["do"] else "thing")
    at = lower.index(focus.lower(), i)
    if focus.lower() in ("name", "names", "type", "types", "kind", "kinds", "sort") and (
        at + 1 < len(words) and lower[at + 1] == "of"
    ):
        inner = _noun_run(words, tags, at + 2 + (tags[at + 2] == "DET" if at + 2 < len(words)
                                                 else 0))  # fmt: skip
        if focus.lower().startswith("name") and inner is not None:
            focus = inner
        else:
            return Expected("thing", focus.lower())
    if (
        focus[:1].isupper()
        and tags[words.index(focus)] == "PROPN"
        and focus.lower() != "year"
        and noun_class(focus.lower()) is None
    ):  # "What President", "What Shakespeare Scholar": a capital does not hide the class
        return Expected("thing", focus.lower())  # "what Panther defender": the focus is later
    kind = "ordinal" if focus.lower() in _ORDINAL_NOUNS else noun_class(focus) or "thing"
    if (
        after_verb
        and tags[at + 1 : at + 2] == ["VERB"]
        and (lower[at + 2 : at + 3] == ["to"] or lower[at + 1] in _NAMING_VERBS)
    ):
        # "What are teachers expected to give?": the noun is the subject of a verb whose
        # object is asked for; "What is the area called…?" asks for its name. ("What
        # were the towns captured by…" still asks for towns.)
        kind = "thing"
    if (
        kind == "number"
        and focus.lower() in PLACE_NOUNS
        and (lower[at + 1 : at + 2] != ["of"] or (at == first and lower[first - 1] == "which"))
    ):
        # "the area of Idlib" is a size; "which area", "which area of China" a place
        # ("what area of land" may be either)
        kind = "place"
    if _asks_occupation(lower, at):
        kind = "occupation"  # "What was Gekko's profession?"
    return Expected(kind, focus.lower(), _is_plural(focus.lower()))


def _is_plural(noun: str) -> bool:
    """Is a focus noun plural by its ending ("countries", not "address")?"""
    return noun.endswith("s") and not noun.endswith("ss")
