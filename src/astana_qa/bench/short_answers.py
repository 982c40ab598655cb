"""Short-answer exact match and F1, as SQuAD v1.1's official evaluation script scores them.

Both compare a predicted answer with each gold answer after the same normalisation
(lower case, punctuation and the articles a/an/the removed, whitespace collapsed) and
keep the best over the gold answers. F1 is over the normalised words, counting repeats.
An unanswerable question (no gold answers) scores 1 only for an abstention (None).
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = frozenset(string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD's `normalize_answer`: lower case, no punctuation, no articles, single spaces."""
    text = "".join(c for c in text.lower() if c not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, gold: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(gold))


def f1(prediction: str, gold: str) -> float:
    predicted, wanted = normalize_answer(prediction).split(), normalize_answer(gold).split()
    common = sum((Counter(predicted) & Counter(wanted)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(wanted)
    return 2 * precision * recall / (precision + recall)


def best_scores(prediction: str | None, golds: Sequence[str]) -> tuple[float, float]:
    """`(exact match, F1)` of `prediction` against the best-matching gold answer."""
    if not golds:
        return (1.0, 1.0) if prediction is None else (0.0, 0.0)
    if prediction is None:
        return 0.0, 0.0
    return (max(exact_match(prediction, g) for g in golds), max(f1(prediction, g) for g in golds))
