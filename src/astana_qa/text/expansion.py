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
- the ranker caps an expansion's idf at its question term's (`source_idf`): a synonym
  never counts more than the word it stands for, however rare it is.
Places (a capital or demonym → its country, `Lexicon.places`) name one thing, so they
skip the co-occurrence test; a country named by an alias of the corpus ("United
States") is searched for as that alias alone. Only expansions that name the same thing
(synonyms, pertainyms, places) make a question count as covered when deciding whether
to abstain: "people" ranks sentences for "population" but does not answer it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicon import KIND_FACTOR, KIND_NAME, Lexicon, Link

_LETTER = {name: letter for letter, name in KIND_NAME.items()}
# Links whose words name the same thing as the asked word.
EQUIVALENT_KINDS = frozenset({"synonym", "pertainym"})


@dataclass(frozen=True)
class Expansion:
    """An index term searched for in place of a question's term, with its weight (< 1;
    the question's own terms weigh 1)."""

    source: str  # the question's term it stands for
    term: str
    weight: float
    # Names the same thing (a synonym, pertainym or place), so finding it covers the
    # question's term (for abstaining); a broader, narrower or derived word does not.
    equivalent: bool = False


@dataclass(frozen=True)
class ExpansionPolicy:
    """The tunable parts of the policy (module docstring); the defaults are the
    measured choice (docs in the report of issue 15's lexicon work)."""

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
    # Where expansions count beyond the sentence and its window: 0 nowhere, 1 also in
    # the paragraph's score, 2 also in the article's (measured: 1 is best).
    in_context: int = 1
    # Cap an expansion's idf at its question term's.
    source_idf: bool = True
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
    # Scale a term's expansions by the share of the best this-many sentences (ranked on
    # the question's own words) that lack the term (0: off; measured: loses trecqa's
    # gain, so off).
    selective: int = 0


@dataclass(frozen=True)
class CorpusStats:
    """What the policy asks of the index: whether a term is indexed, and the share of
    the paragraphs holding a term that also hold one of some other terms."""

    indexed: Callable[[str], bool]
    cooccurrence: Callable[[str, Sequence[str]], float]


def expand(
    written: Sequence[tuple[str, str]],
    lexicon: Lexicon,
    analyse: Callable[[str], list[str]],
    corpus: CorpusStats,
    policy: ExpansionPolicy,
) -> list[Expansion]:
    """The expansions of a question whose words and terms are `written` (`(token,
    term)` pairs, as `Analyzer.written_terms` gives them)."""
    own = {term for _, term in written}
    chosen: list[Expansion] = []
    for token, term in written:
        others = [t for t in own if t != term]
        scored: dict[str, float] = {}
        same: set[str] = set()
        for link in lexicon.links(token):
            for found in analyse(link.word):
                if found in own or found in scored or not corpus.indexed(found):
                    continue
                fit = corpus.cooccurrence(found, others) if others else 1.0
                if fit <= policy.min_context:
                    continue
                weight = policy.scale * _link_weight(link, policy) * fit**policy.context_power
                scored[found] = min(weight, policy.max_weight)
                if link.kind in EQUIVALENT_KINDS:
                    same.add(found)
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
    return chosen


def _link_weight(link: Link, policy: ExpansionPolicy) -> float:
    """The lexicon's weight of a link under the policy's kind multipliers and sense
    probability exponents."""
    letter = _LETTER[link.kind]
    factor = KIND_FACTOR[letter] * float(getattr(policy, f"f_{letter}"))
    sense: float = link.p_word**policy.e_word * link.p_related**policy.e_related
    return factor * sense
