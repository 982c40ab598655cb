"""Which related words of a question to search for, and how much each counts.

Naive synonym expansion hurts precision (measured: squad-dev MRR@10 -0.006 with every
link at full weight): most words have many senses, and a related word of the wrong
sense finds sentences about something else. So:
- an expansion must be an indexed term, and not one of the question's own terms;
- its weight is the lexicon's (`Lexicon.links`: the kind of link times the geometric
  mean of the linked senses' probabilities, so a link through a rare sense of either
  word is weak), never above `max_weight` (the question's own terms weigh 1);
- a lexical expansion is dropped when no paragraph of the corpus uses it together with
  another of the question's terms: the corpus never uses that sense in this context;
- a question word the articles never use can only mean there what its related words
  used near the question's other words mean: its senses' probabilities are
  renormalised among those senses ("break" as the pause, "hiatus", in articles on rounds
  of talks, not as a fracture);
- at most `per_word` expansions per question word, the heaviest;
- the ranker caps an expansion's idf at its question term's: a synonym never counts
  more than the word it stands for, however rare it is (a question word the articles
  never use has no idf to cap at: its expansions keep their own).
Places (a capital or demonym → its country, `Lexicon.places`) name one thing, so they
skip the co-occurrence test; a country named by an alias of the corpus ("United
States") is searched for as that alias alone. Only expansions that name the same thing
(synonyms, pertainyms, similar adjectives such as "closing" and "final", places) make a
question count as covered when deciding whether
to abstain: "people" ranks sentences for "population" but does not answer it. A season
or part of a year named with its year stands for its months (`period_months`), as a
place does for its country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise

from scipy.special import bdtrc

from ..settings import ExpansionPolicy
from .dates import ISO_MONTH, find_dates
from .entities import PHRASE_OPENERS, Token
from .features import spelt_number
from .lexicon import KIND_FACTOR, KIND_NAME, Lexicon, Link, normalise
from .months import MONTH_ABBREVIATIONS, MONTHS, SEASONS, YEAR_PARTS

_LETTER = {name: letter for letter, name in KIND_NAME.items()}
# Links whose words name the same thing as the asked word.
# (WordNet's similar-to links join an adjective to its near-synonyms: measured, they
# turned 2 of 34 refusals of the seed questions in readers' words into answers, with
# squad-dev and trecqa unchanged.)
EQUIVALENT_KINDS = frozenset({"synonym", "pertainym", "similar"})

# What a month counts for the season or part of a year it falls in ("November" for
# "autumn 2024"): one of its months, not all of it.
MONTH_OF_PERIOD = 0.5
# What an ordinal counts for the number a question writes ("the 22nd round" for
# "Astana 22"): the same rank, written another way, not quite the same words.
ORDINAL_WEIGHT = 0.9
# (weight, indexed term, names the same thing as the asked word, the asked word's sense
# it is linked through): `terms_of_links`. A sense is told by its part of speech and
# probability (`Sense`).
Sense = tuple[str | None, float]
# ... and the related word with its sense's probability, whose share the corpus keeps
# (`senses_in_corpus`) is weighed once the link is used near the question's words.
Linked = tuple[float, str, bool, Sense, tuple[str, float]]


@dataclass(frozen=True)
class Expansion:
    """An index term searched for in place of a question's term, with its weight (< 1;
    the question's own terms weigh 1)."""

    source: str  # the question's term it stands for
    term: str
    weight: float
    # Names the same thing (a synonym, pertainym, similar adjective or place), so
    # finding it covers the
    # question's term (for abstaining); a broader, narrower or derived word does not.
    equivalent: bool = False


@dataclass(frozen=True)
class CorpusStats:
    """What the policy asks of the index: whether a term is indexed; given the
    question's terms, `for_word(term)(related)`: for each term of `related`, the share
    of the paragraphs holding it that also hold one of the question's terms other than
    `term`; and `near_in_articles(term, others)`: how many articles hold `term` and one
    of `others`, how many hold `term`, and the share of all articles holding one of
    `others` (`senses_in_corpus`); `writes(words, term)`: the share of the first
    sentences holding `term` that write it as one of the folded `words` or a form of one
    (`stands_for_another`)."""

    indexed: Callable[[str], bool]
    cooccurrence: Callable[[Sequence[str]], Callable[[str], Callable[[Sequence[str]], list[float]]]]
    near_in_articles: Callable[[str, Sequence[str]], tuple[int, int, float]]
    writes: Callable[[frozenset[str], str], float]


def expand(
    written: Sequence[tuple[str, str]],
    lexicon: Lexicon,
    analyse: Callable[[str], Sequence[str]],
    corpus: CorpusStats,
    policy: ExpansionPolicy,
    part_of_speech: Callable[[str], str | None] = lambda token: None,
    context: Sequence[str] = (),
    linked_terms: Callable[[str, str | None], Sequence[Linked]] | None = None,
    written_as_name: Callable[[str], bool] = lambda token: False,
    sense_kept: Callable[[str, float], float] | None = None,
) -> list[Expansion]:
    """The expansions of a question whose words and terms are `written` (`(token,
    term)` pairs, as `Analyzer.written_terms` gives them); `part_of_speech(token)` is
    how the question uses a word (n, v, a, r or None), whose senses alone then count
    when they give any link. `context` are the question's terms as searched (typos
    corrected), which a related word must be used near; by default the written ones.
    `linked_terms(token, pos)` gives `terms_of_links` (a caller may remember them);
    `written_as_name(token)` whether the question wrote the word with a capital;
    `sense_kept(word, p)` how much of a related word's sense of probability `p` the
    corpus keeps (`senses_in_corpus`; none: all of it)."""
    own = {term for _, term in written} | set(context)
    question = sorted(set(context) or own)
    context_of = _Context(corpus, question)
    chosen: list[Expansion] = []
    for token, term in dict.fromkeys(written):  # a repeated word is expanded once
        linked: Sequence[Linked]
        if written_as_name(token) and lexicon.places(token.title()):
            # a demonym, capital or named site written as a name stands for its country
            # only ("Polish": Poland, "Washington": the United States); WordNet's related
            # words are of its other senses ("polish": improve)
            linked = []
        elif linked_terms is None:
            linked = terms_of_links(token, part_of_speech(token), lexicon, analyse, corpus, policy)
        else:
            linked = linked_terms(token, part_of_speech(token))
        share = context_of.share_for(term)
        # the reader's word, not the articles', read among the question's other words
        unused = not corpus.indexed(term) and share is not _everywhere
        scored, same = _in_context(
            [c for c in linked if c[1] not in own], share, policy, unused, sense_kept
        )
        # A named site stands for its country only when written as a name ("the
        # Kremlin"), and tokens are folded: `written_as_name` says how it was written.
        for country, weight in lexicon.places(token.title() if written_as_name(token) else token):
            terms = analyse(country)
            terms = [t for t in terms if t.startswith("=")] or terms
            for found in terms:
                if found in own or not corpus.indexed(found):
                    continue
                part = policy.scale * policy.f_place * weight / len(terms)
                scored[found] = max(scored.get(found, 0.0), min(part, policy.max_weight))
                same.add(found)
        # A number and its ordinal name one thing of a series: "Astana 22", "the 22nd".
        for other in number_forms(token):
            for found in analyse(other):
                if found not in own and corpus.indexed(found):
                    weight = min(policy.scale * policy.f_place * ORDINAL_WEIGHT, policy.max_weight)
                    scored[found] = max(scored.get(found, 0.0), weight)
                    same.add(found)
        kept = sorted(
            (
                Expansion(term, t, w, equivalent=t in same)
                for t, w in scored.items()
                if w >= policy.min_weight
            ),
            key=lambda e: (-e.weight, e.term),
        )
        chosen.extend(kept[: policy.per_word])
    # A term related to two question words is searched once, for the one it is
    # nearer to (the heaviest link), so that it is not scored twice.
    heaviest: dict[str, Expansion] = {}
    for e in chosen:
        if e.term not in heaviest or e.weight > heaviest[e.term].weight:
            heaviest[e.term] = e
    return [e for e in chosen if heaviest[e.term] is e]


def period_months(
    text: str,
    written: Sequence[tuple[str, str]],
    analyse: Callable[[str], Sequence[str]],
    indexed: Callable[[str], bool],
) -> list[Expansion]:
    """The months of a season or part of a year the question names with its year ("the
    autumn 2024 round": September to November; `dates.find_dates` reads it), searched
    for beside the period's word with weight `MONTH_OF_PERIOD` each: articles date an
    event by its month and day ("Nov. 11-12"), seldom by its season. Only a period of one
    to six months; the months stand for the last of its words that is a question word
    (`written`): the season, or the noun of "the first half of 2025" ("half"), not an
    ordinal the question may use elsewhere ("the first round")."""
    if not _NAMES_MONTHS.search(text):
        return []  # most questions name no period: the date reader's work is not needed
    own = {word.lower(): term for word, term in written}
    found: dict[str, Expansion] = {}
    for mention in find_dates(text):
        first, _, last = mention.iso.partition("/")
        if not (last and ISO_MONTH.fullmatch(first) and ISO_MONTH.fullmatch(last)):
            continue
        begins, ends = int(first[5:7]), int(last[5:7])
        count = (ends - begins) % 12 + 1
        words = [w for w in _PERIOD_WORD.findall(mention.text.lower()) if w in own]
        if not words or count > 6:
            continue
        source = own[words[-1]]
        for step in range(count):
            month = MONTHS[(begins - 1 + step) % 12]
            for term in analyse(month):
                if indexed(term) and term not in own.values():
                    found.setdefault(term, Expansion(source, term, MONTH_OF_PERIOD, True))
    return list(found.values())


# The words of a period's name ("mid-2023": mid; "the winter of 2023-24": winter).
_PERIOD_WORD = re.compile(r"[a-z]+")
# A word that may open or end a span of months in a date ("autumn", "first half",
# "late", "January to March"): without one, `find_dates` finds no such span.
_NAMES_MONTHS = re.compile(
    r"\b(?:" + "|".join([*SEASONS, *YEAR_PARTS, "half", *MONTHS, *MONTH_ABBREVIATIONS]) + r")\b",
    re.IGNORECASE,
)


def number_forms(token: str) -> list[str]:
    """The ordinal of a number of one to three digits, the other way to write the rank
    it names ("Astana 22": "the 22nd"; "13" → "13th"); none for other words (a year,
    "2024", is no rank). Not the way back: a bare number is as often a day or a count
    ("January 25", "25 people") as a rank, so "the 25th round" is not found as "25".
    A rank below ten written with its suffix is also the word articles write for it
    ("6th": "sixth"); a bare digit is not given its count's word ("stage 2" is no "two"
    stages: the question reading only stops refusing it, `read_query`)."""
    spelt = spelt_number(token) if not token.isdigit() else None
    if not (token.isdigit() and len(token) <= 3 and not token.startswith("0")):
        return [spelt] if spelt else []
    number = int(token)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return [f"{number}{suffix}"]


def terms_of_links(
    token: str,
    pos: str | None,
    lexicon: Lexicon,
    analyse: Callable[[str], Sequence[str]],
    corpus: CorpusStats,
    policy: ExpansionPolicy,
) -> tuple[Linked, ...]:
    """`(weight, term, names the same thing, sense, (related word, its sense's
    probability))` (`Linked`) of the indexed terms of
    the words linked to `token` (through the senses of part of speech `pos` when it
    gives any link), each term once by its heaviest link, heaviest first (equal weights
    by term), down to the policy's least weight. It depends on the word alone, not on
    the question."""
    links = lexicon.links(token, pos) or lexicon.links(token)
    factors = _kind_factors(policy)
    weighed = sorted(
        ((min(policy.scale * _link_weight(link, policy, factors), policy.max_weight), i, link)
         for i, link in enumerate(links)),
        key=lambda item: (-item[0], item[1]),
    )  # fmt: skip
    linked: list[Linked] = []
    seen: set[str] = set()
    # the words related to `token` in any sense, read once (`stands_for_another`)
    related = frozenset(normalise(link.word) for link in lexicon.links(token))
    for weight, group in groupby(weighed, key=lambda item: item[0]):
        if weight < policy.min_weight:
            break
        found: dict[str, tuple[bool, Sense, tuple[str, float]]] = {}  # term → its first link's
        for _, _, link in group:
            for term in analyse(link.word):
                if term in seen or not corpus.indexed(term):
                    continue
                if stands_for_another(link.word, term, lexicon, corpus, related):
                    continue  # "stately" is stemmed "state": the articles' "state"
                seen.add(term)
                found[term] = (
                    link.kind in EQUIVALENT_KINDS,
                    (link.pos, link.p_word),
                    (link.word, link.p_related),
                )
        linked += [(weight, term, *found[term]) for term in sorted(found)]
    return tuple(linked)


def stands_for_another(
    word: str,
    term: str,
    lexicon: Lexicon,
    corpus: CorpusStats,
    related: frozenset[str] = frozenset(),
) -> bool:
    """Does the indexed `term` of `word`, one of the question word's `related` words (all
    of them, folded, in any sense), stand for another word in these articles? Stemming
    joins words of different meanings ("stately" and "state" are both "state",
    "liquidator" and "liquid" both "liquid"). When `term` is itself a word the lexicon
    knows, and neither of `word`'s family (its forms, derived words and pertainyms) nor
    one of `related` ("final" for "closing", whose noun's "finale" it stems like), the
    articles' term stands for `word` only if at least half of the first sentences
    holding it write a word of that family there (`CorpusStats.writes`: "intentional"
    for "intentionally")."""
    if term == normalise(word) or not lexicon.is_entry(term):
        return False
    family = {normalise(word), *lexicon.base_forms(word)}
    for member in lexicon.family(word):
        family.update([normalise(member), *lexicon.base_forms(member)])
    near = family | related
    if term in near or any(base in near for base in lexicon.base_forms(term)):
        return False
    return corpus.writes(frozenset(family), term) < 0.5


def _in_context(
    linked: Sequence[Linked],
    shares: Callable[[Sequence[str]], list[float]],
    policy: ExpansionPolicy,
    unused: bool = False,
    sense_kept: Callable[[str, float], float] | None = None,
) -> tuple[dict[str, float], set[str]]:
    """The weights of the `linked` terms that the corpus uses near the question's other
    words (`shares`), and those of them that name the same thing as the question's
    word: taken in order until `per_word` are kept and no term left could outweigh
    them. For a question word the articles never use (`unused`), each weight is its
    sense's probability renormalised among the senses the corpus uses there
    (`_sense_boost`). A kept term's weight goes with the share of its related word's
    sense the corpus keeps (`sense_kept`, at most 1: the weight before it still bounds
    the terms left), which is only worked out for the terms used near the question."""
    scored: dict[str, float] = {}
    same: set[str] = set()
    if not linked:
        return scored, same
    # One posting look-up for all of them (more are tested than may be kept).
    fits = shares([term for _, term, *_ in linked])
    boost = _sense_boost(linked, fits, policy) if unused else 1.0
    for (weight, term, equivalent, _, (word, p_related)), fit in zip(linked, fits, strict=True):
        if len(scored) >= policy.per_word and weight * boost <= min(scored.values()):
            break
        if fit > policy.min_context:
            kept = sense_kept(word, p_related) ** policy.e_related if sense_kept else 1.0
            weight = min(weight * boost, policy.max_weight) * kept
            scored[term] = weight * fit**policy.context_power
            if equivalent:
                same.add(term)
    return scored, same


def _sense_boost(linked: Sequence[Linked], fits: Sequence[float], policy: ExpansionPolicy) -> float:
    """How much more the links of a question word weigh when only some of its senses are
    used near the question's other words (`fits`): a reader's word the articles never
    use can only mean here what its related words there mean ("break" with "hiatus",
    not a fracture, in articles on rounds of talks). A link's weight grows with its
    sense's probability to the power `e_word` (`Lexicon.links`), so renormalising the
    probabilities over the senses shown multiplies every weight by their total's
    inverse to that power; 1 when no sense is shown, or when `renormalise_unused` is
    off. Senses are told apart by their part of speech and probability (`Sense`): two
    senses of a word's part of speech as likely as each other would count once."""
    if not policy.renormalise_unused:
        return 1.0
    shown = {link[3] for link, fit in zip(linked, fits, strict=True) if fit > policy.min_context}
    total = sum(probability for _, probability in shown)
    return (1.0 / total) ** policy.e_word if 0.0 < total < 1.0 else 1.0


class _Context:
    """How much the corpus uses a related word near the question's other terms
    (`CorpusStats.cooccurrence`), counted at the first related word that needs it:
    most questions' words have none."""

    def __init__(self, corpus: CorpusStats, question: Sequence[str]):
        self._corpus = corpus
        self._question = question
        self._for_word: Callable[[str], Callable[[Sequence[str]], list[float]]] | None = None

    def share_for(self, term: str) -> Callable[[Sequence[str]], list[float]]:
        """The share function of question term `term`'s related words."""
        if not set(self._question) - {term}:
            return _everywhere  # nothing else to be used near

        def shares(related: Sequence[str]) -> list[float]:
            if self._for_word is None:
                self._for_word = self._corpus.cooccurrence(self._question)
            return self._for_word(term)(related)

        return shares


def _everywhere(related: Sequence[str]) -> list[float]:
    """A question of one word has no context to test a related word's sense against."""
    return [1.0] * len(related)


def _kind_factors(policy: ExpansionPolicy) -> dict[str, float]:
    """Each kind of link's trust (`KIND_FACTOR`) times the policy's multiplier for it."""
    return {
        kind: KIND_FACTOR[letter] * float(getattr(policy, f"f_{letter}"))
        for kind, letter in _LETTER.items()
    }


def _link_weight(link: Link, policy: ExpansionPolicy, factors: dict[str, float]) -> float:
    """The lexicon's weight of a link under the policy's kind multipliers (`factors`)
    and sense probability exponents."""
    sense: float = link.p_word**policy.e_word * link.p_related**policy.e_related
    return factors[link.kind] * sense


# What a sense counts when the corpus shows another of the word's senses but not it
# (`senses_in_corpus`).
UNSHOWN_SENSE = 0.1
# How unlikely by chance the articles' use of a word beside a sense's related words
# must be for them to show that sense (a one-sided binomial test).
SENSE_EVIDENCE_LEVEL = 0.01
# The strongest links of each sense of a related word whose words show that sense:
# its synonyms and nearest kinds, not every hyponym of a broad word ("person" has
# hundreds), which would cost reading them at every question.
SENSE_LINKS = 10


def senses_in_corpus(
    word: str,
    lexicon: Lexicon,
    analyse: Callable[[str], Sequence[str]],
    corpus: CorpusStats,
) -> dict[float, float]:
    """How much of each sense of `word` this corpus keeps, by the sense's WordNet
    probability (senses are told apart by it, as the table keeps no sense number):
    `{prior: share kept}` (`sense_share` reads it), at most 1, from the word's own entry
    (not the senses of its base forms). The articles show a sense when more of those
    using the word also use one of that sense's own related words than chance makes
    likely (a one-sided binomial test at `SENSE_EVIDENCE_LEVEL`): "mummies" beside
    "mummified" is the embalmed body, not the mother. When they show some senses and
    not others, the probabilities are renormalised with the others at `UNSHOWN_SENSE` of
    theirs, and no sense gains: a shown sense keeps its prior, an unshown one loses. Empty
    (every sense kept) when the word has one sense, or the articles show none or all of
    them; a handful of articles shows nothing, as chance explains them."""
    own = tuple(analyse(word))
    if len(own) != 1 or not corpus.indexed(own[0]):
        return {}
    links = lexicon.own_links(word)
    if len({_sense_key(link.p_word) for link in links}) < 2:
        return {}  # one sense (most related words): nothing to tell apart
    by_sense: dict[float, set[str]] = {}
    read: dict[float, int] = {}  # links read per sense, up to `SENSE_LINKS` (strongest first)
    for link in links:
        key = _sense_key(link.p_word)
        if read.get(key, 0) == SENSE_LINKS:
            continue
        read[key] = read.get(key, 0) + 1
        found = [t for t in analyse(link.word) if t != own[0] and corpus.indexed(t)]
        by_sense.setdefault(key, set()).update(found)
    shown = set()
    for prior, terms in by_sense.items():
        if terms:
            near, holding, chance = corpus.near_in_articles(own[0], sorted(terms))
            if near and bdtrc(near - 1, holding, chance) < SENSE_EVIDENCE_LEVEL:
                shown.add(prior)
    if not shown or len(shown) == len(by_sense):
        return {}
    weights = {p: p * (1.0 if p in shown else UNSHOWN_SENSE) for p in by_sense}
    total = sum(weights.values())
    return {p: min(1.0, w / total / p) for p, w in weights.items() if p > 0.0}


def sense_share(kept: dict[float, float], p_related: float) -> float:
    """The share of a related word's sense of WordNet probability `p_related` that the
    corpus keeps (`senses_in_corpus`'s `kept`): every sense of the word's entry is read
    (up to `SENSE_LINKS` links each), so a probability it does not write (the table's
    entries disagree by a thousandth in about one link in 130) keeps all of it."""
    return kept.get(_sense_key(p_related), 1.0)


def _sense_key(probability: float) -> float:
    """A sense's key: its probability as the table writes it (three decimals)."""
    return round(probability, 3)


def _after_auxiliary_and_subject(words: Sequence[Token], at: int) -> bool:
    """Is word `at` the verb after "do" (or a modal) and its subject: a noun or name
    stands before it, past any adverbs (the tagger reads "first" as an adjective), and
    no verb between it and the auxiliary ("When did the fighting in Syria first break
    out?")? Not after a determiner ("What was the fall back?"), nor with a verb of its
    own ("Who won the league's final play off?")."""
    before = at - 1
    while before >= 0 and words[before].tag in ("ADJ", "ADV"):
        before -= 1
    if before < 0 or words[before].tag not in ("NOUN", "PROPN"):
        return False
    if _POSSESSIVE_END.search(words[before].text):
        return False  # "the league's final play off": a noun follows a possessive
    for word in reversed(words[:before]):
        if word.text.lower() in _DO_SUPPORT:
            return True
        if word.tag in _CLAUSE_BOUNDS:  # "Why did the talks stall before …?"
            return False
    return False


# Where the auxiliary's clause ends, looking back from a verb: another verb, a
# conjunction or punctuation.
_CLAUSE_BOUNDS = frozenset({"VERB", "SCONJ", "CCONJ", "PUNCT"})
# A possessive's ending, as a token ends with it.
_POSSESSIVE_END = re.compile(r"['’]s?$")
# The auxiliaries a question's verb follows, apart from its subject ("did the war break
# out?"), which "be" and "have" are not ("was the fall back?", "has the play off…").
_DO_SUPPORT = frozenset({"do", "does", "did", "will", "would", "can", "could", "should",
                         "shall", "may", "might", "must"})  # fmt: skip


# English's verb particles, which may stand before the verb's object ("set up a
# committee"); another word there is a preposition opening a phrase ("pay for the stadium").
_PARTICLES = frozenset({"up", "out", "off", "down", "away", "back", "over", "aside", "apart"})


def phrasal_verbs(
    words: Sequence[Token],
    terms: dict[str, str],
    lexicon: Lexicon,
    used: Callable[[str], bool] = lambda term: True,
) -> list[tuple[str, str]]:
    """The question's phrasal verbs the lexicon relates to other words ("sat in": "sit
    in" → attend; "get going" → begin), as `(phrase, term)` pairs to expand like words
    (`expand`'s `written`), whose term is that of the verb in `terms` (word → term), or of
    the word after it when the verb is a stopword: readers write phrasal verbs where
    articles write one verb. An auxiliary opens none ("was given"), nor a verb and the
    preposition of a phrase after it ("pay for the stadium"), unless the articles never
    use the verb (`used(term)` is false for the verb's term): a reader's verb is then
    read with its preposition ("spoke for the Islamic Republic": "speak for" →
    represent), as nothing else relates it to the articles' words. So the reading
    depends on the corpus: over articles that never write "pay", "paid for the stadium"
    is read as "pay for". A word the tagger read as
    a noun opens one when a particle ends the clause after it and it follows "did" (or
    another auxiliary) and its subject (`_after_auxiliary_and_subject`): "When did the
    war (first) break out?" (the tagger sometimes reads such a verb as a noun), but not
    "What was the fall back?" or "Who won the final play off?", nouns."""
    found = []
    for at, (verb, after) in enumerate(pairwise(words)):
        following = words[at + 2].tag if at + 2 < len(words) else "PUNCT"
        ends_clause = following == "PUNCT" and after.text.lower() in _PARTICLES
        after_subject = _after_auxiliary_and_subject(words, at)
        if not (verb.tag == "VERB" or (verb.tag == "NOUN" and ends_clause and after_subject)):
            continue
        if not after.text.isalpha():
            continue
        second = normalise(after.text)
        own = terms.get(normalise(verb.text))  # none for a stopword ("go", "get")
        term = own or terms.get(second)
        if term is None:
            continue
        if following in PHRASE_OPENERS and second not in _PARTICLES and (own is None or used(own)):
            continue  # "pay for the stadium", "go to power": a preposition's phrase
        for base in dict.fromkeys([normalise(verb.text), *lexicon.base_forms(verb.text)]):
            if lexicon.links(f"{base} {second}"):  # "sat in": sit in
                found.append((f"{base} {second}", term))
                break
    return found
