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
- at most `per_word` expansions per question word, the heaviest;
- the ranker caps an expansion's idf at its question term's: a synonym never counts
  more than the word it stands for, however rare it is (a question word the articles
  never use has no idf to cap at: its expansions keep their own).
Places (a capital or demonym → its country, `Lexicon.places`) name one thing, so they
skip the co-occurrence test; a country named by an alias of the corpus ("United
States") is searched for as that alias alone. Only expansions that name the same thing
(synonyms, pertainyms, similar adjectives such as "closing" and "final", places) make a
question count as covered when deciding whether
to abstain: "people" ranks sentences for "population" but does not answer it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon import KIND_FACTOR, KIND_NAME, Lexicon, Link

_LETTER = {name: letter for letter, name in KIND_NAME.items()}
# Links whose words name the same thing as the asked word.
# (WordNet's similar-to links join an adjective to its near-synonyms: measured, they
# turned 2 of 34 refusals of the seed questions in readers' words into answers, with
# squad-dev and trecqa unchanged.)
EQUIVALENT_KINDS = frozenset({"synonym", "pertainym", "similar"})


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
class ExpansionPolicy:
    """The tunable parts of the policy (module docstring); the defaults are the
    measured choice (docs/lexicon.md). Where expansions count (sentence, window and
    paragraph scores, each capped at its question term's idf) is the ranker's part."""

    scale: float = 1.0
    per_word: int = 10
    # An expansion whose paragraph co-occurrence share with the question's other terms
    # is at most this is dropped (0: it must co-occur at least once).
    min_context: float = 0.0
    # Exponent of that share in the weight (0: a gate only; 1: the weight is scaled by
    # it; measured: scaling loses trecqa's gain).
    context_power: float = 0.0
    # Expansions below this weight are not worth a posting lookup.
    min_weight: float = 0.01
    # The heaviest an expansion may weigh.
    max_weight: float = 0.9
    # Multipliers of the lexicon's weight by kind of link (synonym, pertainym,
    # derivation, similar adjective, hypernym/hyponym) and for places.
    f_s: float = 1.0
    f_p: float = 1.0
    f_d: float = 1.0
    f_a: float = 1.0
    f_h: float = 1.0
    f_place: float = 1.0
    # Exponents of the two sense probabilities in a link's weight (0.5 each: the
    # geometric mean).
    e_word: float = 0.5
    e_related: float = 0.5


@dataclass(frozen=True)
class CorpusStats:
    """What the policy asks of the index: whether a term is indexed, and, given the
    question's terms, `for_word(term)(related)`: the share of the paragraphs holding
    `related` that also hold one of the question's terms other than `term`."""

    indexed: Callable[[str], bool]
    cooccurrence: Callable[[Sequence[str]], Callable[[str], Callable[[str], float]]]


def expand(
    written: Sequence[tuple[str, str]],
    lexicon: Lexicon,
    analyse: Callable[[str], Sequence[str]],
    corpus: CorpusStats,
    policy: ExpansionPolicy,
    part_of_speech: Callable[[str], str | None] = lambda token: None,
    context: Sequence[str] = (),
) -> list[Expansion]:
    """The expansions of a question whose words and terms are `written` (`(token,
    term)` pairs, as `Analyzer.written_terms` gives them); `part_of_speech(token)` is
    how the question uses a word (n, v, a, r or None), whose senses alone then count
    when they give any link. `context` are the question's terms as searched (typos
    corrected), which a related word must be used near; by default the written ones."""
    own = {term for _, term in written} | set(context)
    question = sorted(set(context) or own)
    in_context: Callable[[str], Callable[[str], float]] | None = None  # when first needed
    chosen: list[Expansion] = []
    for token, term in dict.fromkeys(written):  # a repeated word is expanded once
        # Each indexed related term once, by its first link: (weight before the context
        # test, which can only lower it), names the same thing?
        linked: dict[str, tuple[float, bool]] = {}
        links = lexicon.links(token, part_of_speech(token)) or lexicon.links(token)
        for link in links:
            for found in analyse(link.word):
                if found not in own and found not in linked and corpus.indexed(found):
                    weight = min(policy.scale * _link_weight(link, policy), policy.max_weight)
                    linked[found] = (weight, link.kind in EQUIVALENT_KINDS)
        alone = not set(question) - {term}  # nothing else to be used near
        used_near: Callable[[str], float] = _everywhere
        if linked and not alone:
            in_context = in_context or corpus.cooccurrence(question)
            used_near = in_context(term)
        scored = _in_context(linked, used_near, policy)
        same = {t for t, (_, equivalent) in linked.items() if equivalent}
        for country, weight in lexicon.places(token):
            terms = analyse(country)
            terms = [t for t in terms if t.startswith("=")] or terms
            for found in terms:
                if found in own or not corpus.indexed(found):
                    continue
                share = policy.scale * policy.f_place * weight / len(terms)
                scored[found] = max(scored.get(found, 0.0), min(share, policy.max_weight))
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


def _in_context(
    linked: dict[str, tuple[float, bool]],
    share: Callable[[str], float],
    policy: ExpansionPolicy,
) -> dict[str, float]:
    """The weights of the `linked` terms that the corpus uses near the question's other
    words (`share`), heaviest first; the context test (a posting look-up each) stops
    once `per_word` are kept and no term left could outweigh them."""
    if not linked:
        return {}
    scored: dict[str, float] = {}
    for found, (weight, _) in sorted(linked.items(), key=lambda item: (-item[1][0], item[0])):
        if weight < policy.min_weight:
            break
        if len(scored) >= policy.per_word and weight <= min(scored.values()):
            break
        fit = share(found)
        if fit > policy.min_context:
            scored[found] = weight * fit**policy.context_power
    return scored


def _everywhere(term: str) -> float:
    """A question of one word has no context to test a related word's sense against."""
    return 1.0


def _link_weight(link: Link, policy: ExpansionPolicy) -> float:
    """The lexicon's weight of a link under the policy's kind multipliers and sense
    probability exponents."""
    letter = _LETTER[link.kind]
    factor = KIND_FACTOR[letter] * float(getattr(policy, f"f_{letter}"))
    sense: float = link.p_word**policy.e_word * link.p_related**policy.e_related
    return factor * sense
