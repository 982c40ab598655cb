"""Lexical knowledge: words related to a word, and the countries a place word stands for.

Readers do not use the articles' words ("break" for "hiatus", "Moscow" for "Russia"), so
the engine looks a question's words up here. The data are generated, not typed in, by
`scripts/build_lexicon.py`:
- `data/lexicon.json.gz` from WordNet 3.0 (Princeton University; `WORDNET-LICENSE.txt`):
  for each word, its synonyms, derivationally related forms, pertainyms (Iranian ↔
  Iran), similar adjectives and one step up or down the hypernym tree, each with the
  sense probabilities of the link (from WordNet's sense-tagged counts);
- `data/places.json.gz` from countryinfo (MIT; `COUNTRYINFO-LICENSE.txt`): capitals,
  demonyms and other spellings → country names.

Only the standard library is used. The tables are read once per `Lexicon` (about a
tenth of a second) and each word's entry is parsed when first asked for, in a bounded
per-instance cache, so memory does not grow with the questions asked.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .analysis import combining_marks
from .kinds import KindTable, read_shipped_kinds

LEXICON_FILE = "lexicon.json.gz"
PLACES_FILE = "places.json.gz"

# How much each kind of link is trusted, before the sense probabilities: a synonym says
# the same thing, a derivation or pertainym the same thing as another part of speech,
# a hypernym or hyponym something broader or narrower.
KIND_FACTOR = {"s": 0.9, "p": 0.8, "d": 0.7, "a": 0.5, "h": 0.5, "c": 0.7}
KIND_NAME = {"s": "synonym", "p": "pertainym", "d": "derivation", "a": "similar", "h": "hypernym",
             "c": "cause"}  # fmt: skip
_FACTOR_OF_KIND = {KIND_NAME[letter]: factor for letter, factor in KIND_FACTOR.items()}
# The links that keep a word's meaning across its forms: its word family (`family`).
FAMILY_LINKS = frozenset({"derivation", "pertainym"})
# Places are names for the same country, trusted like synonyms; a place word naming
# several countries ("American") splits the weight by rank.
PLACE_WEIGHT = 0.9
# An agent noun's ending, spelled "-or" or "-er" ("protestor", "protester").
_AGENT_ENDING = re.compile(r"\w{4}(or|er)s?$")
# WordNet's morphy rules (morphy(7WN)), by the part of speech whose inflections they
# undo: inflection suffix → base suffix. A base one part of speech's rule gives is a
# base of that part of speech only: "mother" is no comparative of the noun "moth".
_SUFFIXES_BY_POS = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}  # fmt: skip
# Each rule once, whatever part of speech it is of.
_EVERY_SUFFIX = tuple(dict.fromkeys(rule for rules in _SUFFIXES_BY_POS.values() for rule in rules))
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, no diacritics, words joined by single spaces: the tables' keys."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
        text = text.translate(combining_marks())
    return " ".join(_NOT_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Link:
    """A word related to the asked word: how, and the probabilities of the senses that
    link them (`p_word`: that the asked word means the linked sense; `p_related`: that
    the related word, read in a text, means its linked sense)."""

    word: str
    kind: str  # synonym, derivation, pertainym, similar, hypernym, cause
    p_word: float
    p_related: float
    # The part of speech of the asked word's sense (n, v, a, r; None when the table
    # does not say), and P(that sense | the word used as that part of speech).
    pos: str | None = None
    p_word_in_pos: float = 0.0

    @property
    def weight(self) -> float:
        """How much finding `word` counts for the asked word, below 1: the kind's trust
        times the geometric mean of the two sense probabilities."""
        return _FACTOR_OF_KIND[self.kind] * math.sqrt(self.p_word * self.p_related)


@dataclass(frozen=True)
class LexiconData:
    """The raw tables: word → its unparsed links, irregular form → base forms, place →
    country names."""

    related: dict[str, str]
    irregular: dict[str, list[str]]
    places: dict[str, list[str]]
    # noun → the answer kind its senses name (person, place, organisation, date).
    classes: dict[str, str] = field(default_factory=dict)
    # verb → its kind ("communication": say, suggest, argue).
    verb_classes: dict[str, str] = field(default_factory=dict)
    # the folded names of countries' capitals ("moscow", "singapore").
    capitals: frozenset[str] = frozenset()
    # a named building or street in a capital → the capital's countries ("kremlin").
    sites: dict[str, list[str]] = field(default_factory=dict)
    # noun → its likely noun senses, numbered; and each numbered sense's hypernyms. None:
    # the shipped kinds file's, read when first needed (most questions never need them).
    kind_senses: dict[str, list[int]] | None = None
    kind_parents: list[list[int]] | None = None

    @classmethod
    def load(cls) -> LexiconData:
        """The tables shipped in `astana_qa/data`, read once per process (every user
        only reads them: the engine's lexicon and the tagger's share one copy)."""
        return _shipped_tables()

    @classmethod
    def empty(cls) -> LexiconData:
        """Tables that know no word: an engine without its lexicon, to measure
        what the shipped tables add."""
        return cls({}, {}, {}, kind_senses={}, kind_parents=[])

    @classmethod
    def read(cls) -> LexiconData:
        """The tables shipped in `astana_qa/data`, read now."""
        data = resources.files("astana_qa.data")
        lexicon = json.loads(gzip.decompress(data.joinpath(LEXICON_FILE).read_bytes()))
        places = json.loads(gzip.decompress(data.joinpath(PLACES_FILE).read_bytes()))
        return cls(lexicon["related"], lexicon["irregular"], places["places"],
                   lexicon.get("classes", {}), lexicon.get("verb_classes", {}),
                   frozenset(places.get("capitals", ())), places.get("sites", {}))  # fmt: skip


def _suffix_bases(word: str, pos: str | None = None) -> list[str]:
    """The bases WordNet's suffix rules give a folded `word` ("talks" → "talk"), known
    to the table or not: by the rules of part of speech `pos` (n, v, a), else by all.
    (Run for most words of every question: a plain pass over the rules.)"""
    rules = _SUFFIXES_BY_POS[pos] if pos is not None else _EVERY_SUFFIX
    return [word[: len(word) - len(suffix)] + base for suffix, base in rules
            if word.endswith(suffix) and len(word) > len(suffix) + 1]  # fmt: skip


def _rule_bases(word: str) -> dict[str, frozenset[str]]:
    """Each base the suffix rules give `word`, with the parts of speech whose rules
    give it, in the rules' order."""
    found: dict[str, set[str]] = {}
    for part in _SUFFIXES_BY_POS:
        for base in _suffix_bases(word, part):
            found.setdefault(base, set()).add(part)
    return {base: frozenset(parts) for base, parts in found.items()}


def _agent_spellings(word: str) -> list[str]:
    """The other spelling of an agent noun's "-or"/"-er" ending ("protestors" →
    "protesters", "adviser" → "advisor"): English writes many both ways, WordNet often
    lists one."""
    found = _AGENT_ENDING.search(word)
    if not found:
        return []
    other = "er" if found.group(1) == "or" else "or"
    return [word[: found.start(1)] + other + word[found.end(1) :]]


@lru_cache(maxsize=1)
def _shipped_tables() -> LexiconData:
    return LexiconData.read()


@lru_cache(maxsize=1)
def _shipped_kinds() -> KindTable:
    """The kinds file's table, read once per process."""
    return read_shipped_kinds()


# Set to "empty" in a process's environment, `shipped_lexicon()` gives an empty
# lexicon to the tagger, the question reader and the answer layer, which read the
# shipped tables through it: only `astana-qa-bench ablation` does so, in a process of
# its own whose engine has no lexicon either (`RankingSettings.lexical_knowledge`), to
# measure the engine without WordNet and the places table (`bench/compare.py`). The
# tagger's treebank tags and the word lists typed in the code stay.
LEXICON_ENVIRONMENT = "ASTANA_QA_LEXICON"


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """One `Lexicon` over the shipped tables for the readers that have no engine's own:
    the tagger's classes of unseen words, the question reader's focus nouns and the
    answer layer's checks (empty when `LEXICON_ENVIRONMENT` says so)."""
    if os.environ.get(LEXICON_ENVIRONMENT) == "empty":
        return Lexicon(LexiconData.empty())
    return Lexicon()


class Lexicon:
    """Related words and places, looked up by word (any case, with or without accents).

    `links(word)` gives the full links for a policy to weigh; `related(word)` gives
    `(word, weight)` with the default weight; `places(word)` the countries a capital,
    demonym or other spelling stands for."""

    def __init__(self, data: LexiconData | None = None, cache_size: int = 4096):
        self._data = data
        self._links = lru_cache(maxsize=cache_size)(self._parse_links)
        # Each question word's links are merged and sorted once (bounded).
        self._merged = lru_cache(maxsize=cache_size)(self._merged_links)
        self._ancestors = lru_cache(maxsize=cache_size)(self._senses_above)

    @property
    def data(self) -> LexiconData:
        """The tables: those given, else the shipped ones, read on first use (opening an
        index need not wait for them; a server's warm-up reads them)."""
        return self._data if self._data is not None else LexiconData.load()

    def base_forms(self, word: str) -> list[str]:
        """The forms of `word` the table has an entry for: itself, its irregular base
        forms ("led" → "lead"), then its bases by WordNet's suffix rules ("talks" →
        "talk")."""
        word = normalise(word)
        found = [word] if word in self.data.related else []
        found += [b for b in self.data.irregular.get(word, []) if b in self.data.related]
        found += [b for b in _suffix_bases(word) if b in self.data.related]
        return list(dict.fromkeys(found))

    def noun_class(self, word: str) -> str | None:
        """The answer kind WordNet's senses of the noun `word` (or its singular) name:
        person, place, organisation or date ("linebackers" → person), "artifact" or
        "object" for a built or natural thing ("hotel", "river"), "quantity" for a unit
        of money or measure ("tenge", "mile"); None if none."""
        word = normalise(word)
        for spelling in (word, *_agent_spellings(word)):
            forms = (spelling, *self.data.irregular.get(spelling, []), *self.base_forms(spelling))
            for form in forms:
                if form in self.data.classes:
                    return self.data.classes[form]
        return None

    def is_kind_of(self, word: str, kind: str) -> bool:
        """Is the noun `word` (or its singular), in one of its likely senses, a kind or an
        instance of the noun `kind` in one of its likely senses, by WordNet's hypernyms
        ("basketball" of "sport", "blue" of "color", "Geneva" of "city")? A word is not a
        kind of itself."""
        kinds = self._noun_forms(kind)
        wanted = {n for form in kinds for n in self._kinds.senses_of(form)}
        return bool(wanted) and any(
            not wanted.isdisjoint(self._ancestors(form))
            for form in self._noun_forms(word)
            if form not in kinds
        )

    def knows_noun(self, word: str) -> bool:
        """Does the kind table know `word` (or its singular) as a noun?"""
        return bool(self._noun_forms(word))

    def _noun_forms(self, word: str) -> tuple[str, ...]:
        """`word` folded, and its singulars the kind table knows ("sports" → "sport")."""
        return tuple(f for f in self._spellings(word) if f in self._kinds)

    def _spellings(self, word: str) -> tuple[str, ...]:
        """The noun `word` folded, its irregular bases and its singulars by WordNet's
        noun suffix rules, known to any table or not ("pesos" → "peso", "men" → "man";
        not "moth" of "mother")."""
        word = normalise(word)
        forms = (word, *self.data.irregular.get(word, []), *_suffix_bases(word, "n"))
        return tuple(dict.fromkeys(forms))

    @cached_property
    def _kinds(self) -> KindTable:
        """The kind table (`LexiconData.kind_senses`, `kind_parents`): the data's own,
        else the shipped file's, read now."""
        data = self.data
        if data.kind_senses is None or data.kind_parents is None:
            return _shipped_kinds()
        return KindTable.of(data.kind_senses, data.kind_parents)

    def _senses_above(self, word: str) -> frozenset[int]:
        """Every hypernym, however far up, of the likely senses of the noun `word`."""
        kinds = self._kinds
        parents = kinds.parents
        seen: set[int] = set()
        todo = [p for n in kinds.senses_of(word) for p in parents[n]]
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(parents[n])
        return frozenset(seen)

    def is_work(self, noun: str) -> bool:
        """Is `noun` a work of the mind its owner made: a theory, plan, doctrine, poem,
        book or design (WordNet's cognition, communication or creation), not a group or a
        person ("law", "model"), nor a likeness or history of its owner ("portrait",
        "biography": "Obama's portrait" is no work of Obama's)?"""
        made = any(
            self.is_kind_of(noun, kind) for kind in ("cognition", "communication", "creation")
        )
        other = ("group", "person", "representation", "history")
        return made and not any(self.is_kind_of(noun, kind) for kind in other)

    def is_unit(self, word: str) -> bool:
        """Is the noun `word` a unit of money or measure WordNet knows ("tenge", "miles"),
        in any plural its suffix rules reach, whether or not it has related words
        ("pesos")?"""
        return any(self.data.classes.get(form) == "quantity" for form in self._spellings(word))

    def is_communication_verb(self, word: str) -> bool:
        """Is `word` (any form: "said", "suggesting") a verb most of whose senses are of
        communication in WordNet (say, suggest, argue, urge)?"""
        word = normalise(word)
        forms = (word, *self.data.irregular.get(word, []), *self.base_forms(word))
        return any(self.data.verb_classes.get(form) == "communication" for form in forms)

    def is_entry(self, word: str) -> bool:
        """Has `word` (folded) an entry of its own in the related-words table?"""
        return normalise(word) in self.data.related

    def own_links(self, word: str) -> tuple[Link, ...]:
        """The links of `word`'s own entry, strongest first: its senses only, not those of
        its base forms (`links` merges them)."""
        return self._links(normalise(word))

    def family(self, word: str) -> list[str]:
        """The words of `word`'s family (`FAMILY_LINKS`: derived forms and pertainyms,
        "stated" for "statement", "Palestinian" for "Palestine"), of any sense."""
        return [link.word for link in self.links(word) if link.kind in FAMILY_LINKS]

    def links(self, word: str, pos: str | None = None) -> tuple[Link, ...]:
        """See `_merged_links`; remembered per word and part of speech."""
        return self._merged(word, pos)

    def _merged_links(self, word: str, pos: str | None = None) -> tuple[Link, ...]:
        """Every link of every base form of `word`, strongest first: "led" is both the
        noun (a diode) and a form of "lead", and which one the reader meant is for the
        corpus to tell. With `pos` (n, v, a, r: how the word is used, e.g. by a tagger),
        only links through senses of that part of speech, their `p_word` being the
        sense's probability among those ("headed" as a verb: "lead", not "cephalic")."""
        bases = self.base_forms(word)
        allowed = self._base_parts(normalise(word))
        best: dict[str, Link] = {}
        for base in bases:
            parts = allowed.get(base)
            for link in self._links(base):
                if link.word in bases:
                    continue
                if parts is not None and link.pos is not None and link.pos not in parts:
                    continue  # "mother" is no form of the noun "moth"
                if pos is not None and link.pos is not None:  # None: the table does not say
                    if link.pos != pos:
                        continue
                    link = Link(word=link.word, kind=link.kind, p_word=link.p_word_in_pos,
                                p_related=link.p_related, pos=link.pos,
                                p_word_in_pos=link.p_word_in_pos)  # fmt: skip
                if link.p_word == 0.0:
                    continue  # kept for its part of speech, too rare a sense overall
                if link.word not in best or link.weight > best[link.word].weight:
                    best[link.word] = link
        return tuple(sorted(best.values(), key=lambda link: -link.weight))

    def _base_parts(self, word: str) -> dict[str, frozenset[str]]:
        """The parts of speech in which each base that only a suffix rule gives the
        folded `word` is a form of it (`_merged_links` reads no other links of it): those
        of the rules that give it, as morphy(7WN) reads them ("er" undoes an adjective's
        comparative, so "mother" is no form of the noun "moth"; "leaders" is the plural
        of the noun "leader"). A base `word` links to is of its family whatever the rule
        ("player" of "play"), and is not listed."""
        rules = {base: parts for base, parts in _rule_bases(word).items()
                 if base != word and base not in self.data.irregular.get(word, ())}  # fmt: skip
        if not rules:
            return {}
        family = {link.word for link in self._links(word)} if word in self.data.related else set()
        return {base: parts for base, parts in rules.items() if base not in family}

    def related(self, word: str) -> list[tuple[str, float]]:
        """`(related word, weight)`, the heaviest first; weights are below 1, so an
        expansion never counts as much as the word itself."""
        best: dict[str, float] = {}
        for link in self.links(word):
            best[link.word] = max(best.get(link.word, 0.0), link.weight)
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def places(self, word: str) -> list[tuple[str, float]]:
        """`(country name, weight)` for a capital, demonym (or its plural, "Iranians") or
        other spelling of a country ("Moscow" → Russia, "Iranian" → Iran), or for a named
        building or street in a capital, which stands for its country as the capital
        does ("the Kremlin"), most populous first; a name shared by several countries
        weighs less for each after the first. Case matters only for sites: `word` must
        be written as in the text, since a site is looked up only when it starts with a
        capital ("the Strand", never "strand"); callers holding folded tokens restore
        the capital."""
        key = normalise(word)
        countries = self.data.places.get(key) or self._demonym_plural(key)
        if not countries and word[:1].isupper():  # a site is a name: "the Strand", not "strand"
            countries = self.data.sites.get(key, [])
        return [(c, PLACE_WEIGHT / (rank + 1)) for rank, c in enumerate(countries)]

    def _demonym_plural(self, key: str) -> list[str]:
        """The countries of a demonym's plural ("syrians"), not of a capital's ("males"
        is no plural of Malé, nor "romes" of Rome). (Run for every word a question's
        places are looked up for: a plain look-up.)"""
        singular = key[:-1] if key.endswith("s") else None
        if singular is None or singular in self.data.capitals:
            return []
        return self.data.places.get(singular, [])

    def places_starting(self, phrase: str) -> list[str]:
        """The countries with a name that starts with the words of `phrase` ("Islamic
        Republic" → Iran, Afghanistan, Mauritania, Pakistan: "Islamic Republic of
        Iran"…), as a reader shortens an official name; none for a single word."""
        key = normalise(phrase)
        if " " not in key:
            return []
        keys = self._place_keys
        found: dict[str, None] = {}
        at = bisect_left(keys, key + " ")
        while at < len(keys) and keys[at].startswith(key + " "):
            found.update(dict.fromkeys(self.data.places[keys[at]]))
            at += 1
        return list(found)

    @cached_property
    def _place_keys(self) -> list[str]:
        return sorted(self.data.places)

    def is_place_name(self, name: str) -> bool:
        """Is `name` a country, or a capital or other name of one ("Türkiye", "Moscow")?"""
        return self.is_country(name) or bool(self.places(name))

    def is_place_word(self, word: str) -> bool:
        """Is `word` a single word most of whose WordNet noun senses are places
        ("Astana", "Istanbul", "Geneva")? A name of that one word alone is a place; the
        places table knows only countries and their capitals, under the names its source
        gives them (Kazakhstan's capital as "Nur-Sultan"). A lower-case rest after a
        hyphen is left out: "Istanbul-based" is Istanbul."""
        head, _, rest = word.strip().partition("-")
        if rest.islower():
            word = head
        return " " not in word and self.data.classes.get(normalise(word)) == "place"

    def is_country(self, word: str) -> bool:
        """Is `word` (any case) the name of a country the places table knows?"""
        return normalise(word) in self._country_of_key

    def is_capital(self, name: str) -> bool:
        """Is `name` a country's capital ("Moscow", "Singapore")?"""
        return normalise(name) in self.data.capitals

    def names_a_country(self, name: str) -> bool:
        """Does `name` name a country: by its name, or another spelling ("Türkiye"), not
        by its capital ("Moscow"), nor a city-state by the name it shares with its capital
        ("Singapore": also a city)?"""
        key = normalise(name)
        if key in self.data.capitals:  # a capital, also a city-state's ("Singapore")
            return False
        return key in self._country_of_key or key in self.data.places

    def country_names(self, name: str) -> list[str]:
        """Every name the places table gives the countries that `name` is or stands for
        (a demonym or capital may stand for several: "American"): their own, other
        spellings, capitals and demonyms ("Ankara" → Turkey, "ankara", "turkish",
        "turkiye"…); [] when `name` is no place the table knows."""
        own = self._country_of_key.get(normalise(name))
        countries = [c for c, _ in self.places(name)] or ([own] if own else [])
        names = (n for c in countries for n in (c, *self._names_of_country.get(c, ())))
        return list(dict.fromkeys(names))

    @cached_property
    def _names_of_country(self) -> dict[str, tuple[str, ...]]:
        """Country → the table's other names for it (read once: the table is fixed)."""
        names: dict[str, list[str]] = {}
        for key, countries in self.data.places.items():
            for country in countries:
                names.setdefault(country, []).append(key)
        return {country: tuple(keys) for country, keys in names.items()}

    @cached_property
    def countries(self) -> frozenset[str]:
        """The names of every country the places table knows, as it writes them."""
        return frozenset(c for names in self.data.places.values() for c in names)

    @cached_property
    def _country_of_key(self) -> dict[str, str]:
        """Each country's name as the table writes it, by its normalised form."""
        return {normalise(c): c for c in sorted(self.countries)}

    def _parse_links(self, word: str) -> tuple[Link, ...]:
        raw = self.data.related.get(word)
        if not raw:
            return ()
        links = []
        for item in raw.split():
            other, p_word, p_related, kind, *by_pos = item.split(":")
            pos, in_pos = (by_pos[0], float(by_pos[1])) if by_pos else (None, 0.0)
            links.append(Link(other, KIND_NAME[kind], float(p_word), float(p_related), pos, in_pos))
        return tuple(sorted(links, key=lambda link: -link.weight))
