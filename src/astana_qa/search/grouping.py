"""Candidate answers grouped by what they say, across passages: folded spellings,
near-identical ones (Toma/Touma) and a name within a longer one (Koresh, David Koresh)
are one answer; a group stated by several passages is stronger (`group_score`); the
other spellings, and other sources' answers scoring nearly as well, are its
`variants`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..records import Span
from .candidates import Candidate
from .passages import Passage

# Extra score per further passage stating the same answer, and its cap.
SUPPORT_BONUS, SUPPORT_CAP = 0.1, 0.3
# Spellings this similar (rapidfuzz ratio, 0..100) are one answer.
SAME_SPELLING = 80
# A different answer from another source scoring this share of the best is a conflict.
CONFLICT_SHARE = 0.9
# Kinds with one true value, where two answers from two sources are a conflict (many
# people can be named near a question's words, but an event has one date).
_SINGLE_VALUED = frozenset({"date", "duration", "frequency", "number", "money", "percent",
                            "ordinal"})  # fmt: skip


@dataclass(frozen=True)
class Variant:
    """One way the sources state the answer, and the ranks of the passages stating it
    (in this layer's numbering: the engine renumbers them as citations)."""

    text: str
    span: Span
    supported_by: tuple[int, ...]


@dataclass(frozen=True)
class Found:
    """A candidate as found in one passage, with its score there and its `key` (the
    candidate's text normalised, `answers.normalised`), which grouping compares."""

    candidate: Candidate
    passage: Passage
    score: float
    key: str
    owned: bool = False  # a person beside an owner of what is asked for
    # Ranks before score: for a question naming whose the person is, a person (not a
    # place or a group standing in for one) is read before any other kind; for "Besides
    # X, which…?", a thing of the kind asked listed with X.
    tier: int = 0
    # Its clause segment names another party than the question's (`OTHER_ANCHOR`), or
    # a segment that claims what is asked as another's; read for persons.
    of_another: bool = False
    # It is listed with what the question asks besides ("the UN and the Red Cross").
    listed: bool = False


def span_of(found: Found) -> Span:
    """Where a found candidate stands in its source file."""
    p, c = found.passage, found.candidate
    return Span(p.source, p.start + c.start, p.start + c.end)


def same(a: str, b: str) -> bool:
    """Do two normalised answers name the same thing (spelling, or one inside the other)?"""
    return a == b or _spelled_alike(a, b) or _one_inside_other(a.split(), b.split())


def _spelled_alike(a: str, b: str) -> bool:
    """Are two normalised answers spellings of one another (rapidfuzz ratio, or the
    ratio of their words sorted, at least SAME_SPELLING)?"""
    # Both ratios are at most 200 * shorter / (total length): skip them when that is low.
    return 200 * min(len(a), len(b)) >= SAME_SPELLING * (len(a) + len(b)) and bool(
        fuzz.ratio(a, b, score_cutoff=SAME_SPELLING)
        or fuzz.token_sort_ratio(a, b, score_cutoff=SAME_SPELLING)
    )


# An answer's words: how many, their set, whether one is a number, the last one.
_Words = tuple[int, set[str], bool, str]


def _words(words: list[str]) -> _Words:
    return len(words), set(words), any(w.isdigit() for w in words), words[-1] if words else ""


def _one_inside_other(a: list[str], b: list[str]) -> bool:
    """Are the words of the shorter answer, holding no number, all in the longer one,
    its last word (a name's surname, a phrase's head) among them? "Rochdi" is "Najat
    Rochdi"; "Syria" is not "Deputy Special Representative for Syria Najat Rochdi"."""
    return _inside(_words(a), _words(b))


def _inside(a: _Words, b: _Words) -> bool:
    """`_one_inside_other` of two answers given as `_words` (the shorter first on a
    tie)."""
    short, long = (b, a) if b[0] < a[0] else (a, b)
    return short[0] > 0 and not short[2] and short[1] <= long[1] and long[3] in short[1]


def grouped(found: list[Found]) -> list[list[Found]]:
    """Candidates (best first) grouped by what they say (`same` as the group's first);
    each group best first. Each new answer is compared with the groups' first answers
    only, pair by pair: `rapidfuzz.process.cdist` over every pair was faster alone, but
    it releases the interpreter lock, and under a served load each release cost a wait
    to get it back (a tenth of the server's time in a profile)."""
    keys = list(dict.fromkeys(f.key for f in found))
    number = {key: i for i, key in enumerate(keys)}
    words = [_words(key.split()) for key in keys]
    groups: list[list[Found]] = []
    heads: list[int] = []  # the key number of each group's first
    group_of: dict[int, list[Found]] = {}  # a key met before joins the same group
    for f in found:
        i = number[f.key]
        if i in group_of:
            group_of[i].append(f)
            continue
        for group, head in zip(groups, heads, strict=True):
            if i == head or _spelled_alike(keys[i], keys[head]) or _inside(words[i], words[head]):
                group.append(f)
                break
        else:
            group = [f]
            groups.append(group)
            heads.append(i)
        group_of[i] = group
    return groups


def group_rank(group: list[Found]) -> tuple[int, float]:
    """What orders answers: for a question naming owners, a person first, and for one
    asking besides what, a thing listed with it (`Found.tier`); then score."""
    return group[0].tier, group_score(group)


def group_score(group: list[Found]) -> float:
    """The best mention's score, more for each further passage stating the answer, in
    the measure it is of the kind asked for: "Syria", named everywhere in a corpus about
    it, is no likelier a person for being named often."""
    others = len({(f.passage.source, f.passage.start) for f in group}) - 1
    head = group[0]
    support = min(SUPPORT_BONUS * others, SUPPORT_CAP) * min(head.candidate.fit, 1.0)
    return head.score + support * head.score


def by_candidate(passages: Sequence[Passage], groups: list[list[Found]]) -> list[Passage]:
    """Passages with a candidate first, by their best candidate's group rank
    (`group_rank`); the rest after them in their given order."""
    best: dict[tuple[str, int], tuple[int, float]] = {}
    for group in groups:
        score = group_rank(group)
        for f in group:
            key = (f.passage.source, f.passage.start)
            best[key] = max(best.get(key, (0, 0.0)), score)
    with_one = [p for p in passages if (p.source, p.start) in best]
    with_one.sort(key=lambda p: best[(p.source, p.start)], reverse=True)
    return with_one + [p for p in passages if (p.source, p.start) not in best]


def variants(
    best: list[Found],
    groups: list[list[Found]],
    renumber: dict[tuple[str, int], int],
    kind: str,
    terms: Callable[[str], Sequence[str]] = str.split,
) -> tuple[Variant, ...]:
    """Each spelling of the answer, when the sources spell it differently, and any other
    answer from another source that scores nearly as well; empty when sources agree.
    `terms` analyses an answer as the index does: common words with the same terms are
    one ("observer", "observers"); names are compared as written, folded ("Yıldız" is
    "Yildiz"), since stems would join "Davis" and "Davies"."""
    spellings: dict[str, list[Found]] = {}
    for f in best:
        common = f.candidate.text[:1].islower()
        words = (terms(f.key) if common else None) or f.key.split()
        # A list in another order is the same list: "Iran, Russia and Turkey".
        spellings.setdefault(" ".join(sorted(words)), []).append(f)
    keys = list(spellings)
    distinct = [k for k in keys if not any(k != o and set(k.split()) < set(o.split())
                                           for o in keys)]  # fmt: skip
    rivals = [
        g for g in groups
        if kind in _SINGLE_VALUED and g is not best
        and group_score(g) >= CONFLICT_SHARE * group_score(best)
        and {f.passage.source for f in g} - {f.passage.source for f in best}
    ]  # fmt: skip
    if len(distinct) < 2 and not rivals:
        return ()
    chosen = [spellings[k] for k in distinct] + rivals
    return tuple(
        Variant(members[0].candidate.text, span_of(members[0]),
                tuple(sorted({renumber[(f.passage.source, f.passage.start)] for f in members})))
        for members in chosen
    )  # fmt: skip
