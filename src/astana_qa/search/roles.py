"""Words of a role a person holds for a party: "led", "headed", "represented",
"delegation", "envoy".

"Who led the Iranian delegation?" is answered by "… while Iran is represented by Ali
Asghar Khaji" (`owners.py` finds the person beside the party). Readers word the role
many ways, articles another, so the question's role words may match nothing there; the
party beside the person, in a sentence about roles, says what they would, and they
count as found when the engine decides whether to abstain (`QAEngine.ask`). Only for a
question whose verb is a verb of a role or "be" ("Who was Iran's envoy?"): "Who
criticised the Iranian delegation?" is not answered by Iran's own representative, and
"Iran's squad included Taremi" says nothing of who led its delegation.

A role word in a sentence is one WordNet makes a leader or a representative, or derives
one from: "represented" → representative, "delegation" → delegate, "envoy", "minister".
A question's verb of a role derives "leader" or a kind of representative, itself or
through a synonym of one of its main senses: "led" → leader, "headed" → lead,
"represented" → representative; not "trained" (a trainer is a leader in WordNet).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.analysis import Analyzer
from ..text.lexicon import Lexicon
from .answers import AnswerResult
from .passages import Passage
from .query import Query

# The people a role stands for a party as.
ROLES = frozenset({"leader", "representative"})
# The least probability of a verb's sense through which a synonym says its role.
ROLE_SENSE = 0.25
_WORD = re.compile(r"[A-Za-z]+")
_FORMS_OF_BE = frozenset({"be", "is", "was", "were", "are", "been", "being"})


class RoleReader:
    """Reads role words with `lexicon` (remembering up to `cache_size` words)."""

    def __init__(self, lexicon: Lexicon, analyzer: Analyzer, cache_size: int = 4096):
        self.lexicon = lexicon
        self.analyzer = analyzer
        self.is_role_word = lru_cache(maxsize=cache_size)(self._is_role_word)
        self.is_role_verb = lru_cache(maxsize=cache_size)(self._is_role_verb)
        self.is_role_phrase = lru_cache(maxsize=cache_size)(self._is_role_phrase)

    def _is_role_word(self, word: str) -> bool:
        """Is `word` (lower case), or a word derived from it, one WordNet makes a leader
        or a representative ("represented", "delegation", "envoy", "minister")? Not
        through synonyms: a sentence's "sent" is no role, whatever "direct" is."""
        lexicon = self.lexicon
        forms = {word, *lexicon.base_forms(word)}
        forms |= self._derived(forms)
        return any(f in ROLES or any(lexicon.is_kind_of(f, r) for r in ROLES) for f in forms)

    def _is_role_verb(self, verb: str) -> bool:
        """Is the question's verb (lower case) one of a role: one deriving "leader" or a
        kind of representative, itself or through a synonym of one of its main senses
        ("led" → leader, "headed" → lead, "represented" → representative)? Narrower than
        a role word: WordNet makes leaders of trainers and employers too ("trained",
        "hired")."""
        lexicon = self.lexicon
        forms = {verb, *lexicon.base_forms(verb)}
        forms |= {link.word for f in list(forms) for link in lexicon.links(f, "v")
                  if link.kind == "synonym" and link.p_word >= ROLE_SENSE}  # fmt: skip
        derived = self._derived(forms)
        return "leader" in derived or any(
            f == "representative" or lexicon.is_kind_of(f, "representative") for f in derived
        )

    def leads(self, verb: str) -> bool:
        """Does the question's verb (lower case) derive "leader" ("led", "headed"): what
        it takes is what is led (a delegation, the talks), not a party?"""
        lexicon = self.lexicon
        forms = {verb, *lexicon.base_forms(verb)}
        forms |= {link.word for f in list(forms) for link in lexicon.links(f, "v")
                  if link.kind == "synonym" and link.p_word >= ROLE_SENSE}  # fmt: skip
        return "leader" in self._derived(forms)

    def _is_role_phrase(self, verb: str, particle: str) -> bool:
        """Is the phrasal verb of the question's `verb` and the `particle` after it one of
        a role: itself, or linked in WordNet's hierarchy to a verb deriving "leader" or
        "representative" itself ("spoke for" is a way to "represent")? Not "spoke about",
        "called for" (whose kinds include "book", and a booker is an agent), "looked
        for"."""
        lexicon = self.lexicon
        for base in {verb, *lexicon.base_forms(verb)}:
            phrase = f"{base}_{particle}"
            if self.is_role_verb(phrase) or any(
                link.kind == "hypernym" and not self._derived({link.word}).isdisjoint(ROLES)
                for link in lexicon.links(phrase, "v")
            ):
                return True
        return False

    def _derived(self, forms: set[str]) -> set[str]:
        """The words WordNet derives from `forms` ("lead" → leader)."""
        return {link.word for f in forms for link in self.lexicon.links(f)
                if link.kind == "derivation"}  # fmt: skip

    def role_terms(self, query: Query, found: AnswerResult, passage: Passage) -> frozenset[str]:
        """The question's terms for the role of the person it asks for, which count as
        found when `found` is a person its sentence `passage` names as the party's the
        question names, in a sentence about roles: the noun the party owns and the focus
        ("delegation", "official"), and the verb if it is one of a role ("led"); none for
        another verb than "be" ("criticised")."""
        if not found.owned:
            return frozenset()
        if not any(self.is_role_word(w.lower()) for w in _WORD.findall(passage.text)):
            return frozenset()
        role = {query.owned_term, *self.analyzer.guessed_terms(query.expected.focus or "")}
        if query.slot is not None:
            verb = query.slot[0].verb.lower()
            if self.is_role_verb(verb):
                role.add(query.slot[1])
            elif verb not in _FORMS_OF_BE and "be" not in self.lexicon.base_forms(verb):
                return frozenset()
        return frozenset(t for t in role if t is not None)
