"""Regenerate `src/astana_qa/data/tagger.json`, the word-class lexicon of `text/tagger.py`.

Reads the training part of Universal Dependencies English EWT (CC BY-SA 4.0) and keeps,
for every lower-cased word seen at least `--min-count` times, its most frequent universal
part of speech, and its second one when that takes at least a third of the word's uses
(`book` NOUN/VERB): the tagger picks between the two by the word before. Unlike a
perceptron's weights this costs one dictionary look-up a word, which is what lets the
answer layer tag passages inside a 5 ms question.

The output is derived from UD EWT and so carries its licence, CC BY-SA 4.0.

    python scripts/train_tagger.py ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "astana_qa" / "data" / "tagger.json"
SECOND_SHARE = 1 / 3


def read_words(path: Path) -> dict[str, Counter[str]]:
    """Lower-cased word → counts of its universal part-of-speech tags."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 10 or not fields[0].isdigit():
                continue  # comments, blank lines, multi-word token ranges, empty nodes
            counts[fields[1].lower()][fields[3]] += 1
    return counts


def lexicon(counts: dict[str, Counter[str]], min_count: int) -> dict[str, str]:
    """word → "TAG" or "TAG/SECOND" for every word seen `min_count` times or more."""
    result = {}
    for word, tags in sorted(counts.items()):
        total = sum(tags.values())
        if total < min_count or word.isdigit():
            continue
        (first, _), *rest = tags.most_common(2)
        second = rest[0] if rest and rest[0][1] >= SECOND_SHARE * total else None
        result[word] = f"{first}/{second[0]}" if second else first
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", type=Path, help="en_ewt-ud-train.conllu")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    words = lexicon(read_words(args.conllu), args.min_count)
    by_tag: dict[str, list[str]] = defaultdict(list)
    for word, tag in words.items():
        by_tag[tag].append(word)
    data = {
        "licence": "CC BY-SA 4.0; derived from Universal Dependencies English EWT (train)",
        "min_count": args.min_count,
        "tags": {tag: " ".join(sorted(ws)) for tag, ws in sorted(by_tag.items())},
    }
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{len(words)} words → {args.output}")


if __name__ == "__main__":
    main()
