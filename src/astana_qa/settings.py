"""Every tunable of the engine, with its default, in one place.

Settings are plain frozen dataclasses passed in explicitly; nothing reads globals.
`AnalysisSettings` change what is stored in an index, so their fingerprint is saved with
it: an index built with other settings is rebuilt. The index stores term counts, so the
BM25 parameters (`IndexSettings`) and `RankingSettings` are applied when it is opened
and when a question is asked, and changing them needs no rebuild.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

DEFAULT_K = 5
MAX_K = 50
MAX_QUESTION_CHARS = 1000
# A question must hold at least one character this matches: an ASCII letter or digit, or
# any character outside ASCII that is not white space. Written with explicit ranges so
# that Python's `re` and the ECMA-262 regexes of JSON Schema tools (the OpenAPI
# document publishes it) agree on every string; `\w` differs between them outside ASCII.
QUESTION_PATTERN = (
    "[0-9A-Za-z]|[^\\x00-\\x7f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
)
# Words whose terms an analyzer remembers (the corpus's words first, then questions');
# past this, new words are analysed each time instead of growing memory without end.
MAX_CACHED_TERMS = 500_000
# Articles larger than this, or with a line (paragraph) longer than this, are skipped
# with a warning: Punkt's cost grows fast with line length (an 8 MB line takes seconds,
# a 50 MB one makes NLTK give up), and no news article comes near either.
MAX_ARTICLE_BYTES = 20_000_000
MAX_LINE_CHARS = 200_000


@dataclass(frozen=True)
class AnalysisSettings:
    """How text becomes index terms (shared by documents and questions)."""

    # Irregular forms to their dictionary form before stemming ("began" → "begin",
    # "children" → "child"), which Snowball's suffix rules cannot reach.
    lemmatize: bool = True
    stem: bool = True
    stopwords: bool = True
    fold_diacritics: bool = True
    # Minimum word count of a line for it to count as article prose and not page furniture.
    min_line_words: int = 6


@dataclass(frozen=True)
class BM25Params:
    """BM25Okapi parameters, with rank-bm25's names and defaults."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


@dataclass(frozen=True)
class IndexSettings:
    """BM25 parameters of the sentence level and of the context (paragraph, document)
    levels. Sentences are short and nearly equal in length, so their scores saturate
    sooner (lower k1) and depend less on length (lower b); chosen by two-fold
    cross-validation by article on squad-dev (docs/retrieval-quality.md)."""

    sentence: BM25Params = field(default_factory=lambda: BM25Params(k1=0.6, b=0.5))
    context: BM25Params = field(default_factory=lambda: BM25Params(k1=1.2, b=0.9))


@dataclass(frozen=True)
class RankingSettings:
    """How a question's sentence scores are combined and when the engine abstains.

    These are read at question time only, so changing them never forces a rebuild.
    """

    # Weight of the paragraph's and the document's BM25 score (each normalised to the
    # best of its level for this question) next to the sentence's own.
    paragraph_weight: float = 1.5
    document_weight: float = 0.5
    # Weight of the BM25 score of the sentence read together with the sentence before
    # it: "It won the award in 2000" is about the subject named just before.
    window_weight: float = 1.0
    # Bonus for holding the kind of thing the question asks for (a time for "when", a
    # number for "how many", a name for "who"/"where") that the question does not name.
    answer_type_weight: float = 0.5
    # Bonus for the share of the question's adjacent term pairs found adjacent here.
    phrase_weight: float = 0.7
    # Read a question's misspelt and run-together words as the indexed terms they stand
    # for ("Ghengis", "Superbowl"; `spelling.py`), for ranking and for the check below
    # that its names occur in the corpus.
    match_misspellings: bool = True
    # At most this many distinct unindexed words of one question are matched that way
    # (each costs up to ~12 ms on a large vocabulary); the rest count as unknown, so a
    # question of random long words cannot take a server's CPU for long.
    max_guessed_words: int = 6
    # Search also for words related to the question's words in WordNet (synonyms, word
    # families, similar adjectives, one broader or narrower step; through the senses of
    # the part of speech the question uses) and for the country of a capital or
    # demonym, each weighing less than the word itself and only where the corpus uses
    # it near the question's other words (`text/expansion.py`).
    related_words: bool = True
    # Give the engine's own lexicon WordNet and the places table: related words, what a
    # noun is a kind of, nouns' answer kinds, roles, units, capitals and demonyms. Off
    # only to measure what they add (`astana-qa-bench ablation`); the tagger, the
    # question reader's focus nouns and the answer layer's checks through
    # `shipped_lexicon()` (kinds of the focus, sites, units, works) keep the shipped
    # tables, which the ablation's last lexicon line empties in a process of its own
    # (`lexicon.LEXICON_ENVIRONMENT`).
    lexical_knowledge: bool = True
    # Read dates and ordinals as articles write them ("Sept 30th" → "September 30",
    # "twenty-third" → "23rd"; `query.written_dates`, `timeline.written_ordinals`).
    read_spoken_dates: bool = True
    # Read "the round after the 22nd" as "the 23rd round" (`timeline.neighbours_named`).
    read_series_neighbours: bool = True
    # Two citations whose term sets overlap at least this much (Jaccard) are one.
    duplicate_jaccard: float = 0.8
    # Abstain when the best sentence and its paragraph cover less than this share of
    # the question's informative (idf-weighted) terms, or when a name or number of the
    # question occurs nowhere in the corpus.
    min_coverage: float = 0.25
    # In that share, a verb, adverb, adjective or noun of the question that no article
    # uses ("driven from their homes", "roughly", "truce": a reader's own words; not the
    # noun asked for, a quoted word or a role's noun) counts with this
    # share of its weight when the best sentence lacks it (measured, docs/benchmarks.md:
    # 0.5 refused 11 fewer answerable reader questions and kept TrecQA's no-answer
    # recall; 0.25 dropped it below 0.5).
    paraphrase_weight: float = 0.5
    abstain_on_unknown_names: bool = True
    # Refuse an answer whose article never mentions a name the question gives
    # ("…kill in Scotland?" answered from an article on Paris; `search/names_asked.py`).
    abstain_on_names_not_in_article: bool = True


@dataclass(frozen=True)
class ExpansionPolicy:
    """How related words are searched for (`text/expansion.py`, whose docstring gives
    the policy); the defaults are the measured choice (docs/lexicon.md). Where
    expansions count (sentence, window and paragraph scores, each capped at its question
    term's idf) is the ranker's part."""

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
    # derivation, similar adjective, hypernym/hyponym, what a verb causes) and for places.
    f_s: float = 1.0
    f_p: float = 1.0
    f_d: float = 1.0
    f_a: float = 1.0
    f_h: float = 1.0
    f_c: float = 1.0
    f_place: float = 1.0
    # Exponents of the two sense probabilities in a link's weight (0.5 each: the
    # geometric mean).
    e_word: float = 0.5
    e_related: float = 0.5
    # A question word the articles never use: its senses' probabilities renormalised
    # among those its related words show near the question's other words
    # (`expansion._sense_boost`). Measured in docs/lexicon.md.
    renormalise_unused: bool = True


@dataclass(frozen=True)
class Settings:
    """All settings of an engine; the defaults are the product's defaults."""

    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    ranking: RankingSettings = field(default_factory=RankingSettings)
    expansion: ExpansionPolicy = field(default_factory=ExpansionPolicy)

    def index_fingerprint(self, extra: dict | None = None) -> str:
        """Hash of everything that changes the stored index (analysis settings only)."""
        payload = {"analysis": asdict(self.analysis), **(extra or {})}
        blob = json.dumps(payload, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()


@dataclass(frozen=True)
class LaneSettings:
    """The long-question lane of `astana-qa serve` (`web/lane.py`): questions longer
    than ordinary ones are answered in a separate, lower-priority process, so that a
    client sending them back to back cannot make ordinary questions wait for the CPU.

    Read by the serving layer only; the engine's answers are the same in either place."""

    # A question of more characters than this is answered in the lane. The longest of
    # the 5,258 questions of squad-dev, TrecQA, tests/qa_pairs.jsonl and
    # tests/reader_questions.jsonl is 197 characters (99th percentile 78-171 per set), so
    # people's questions stay in the serving process with room to spare, and the costly
    # ones (up to MAX_QUESTION_CHARS of words to read for spelling) do not.
    long_question_chars: int = 250
    # Worker processes of the lane (each holds its own copy of the engine).
    workers: int = 1
    # Questions in the lane at once, answered or waiting; past this a long question is
    # refused with a 429 and Retry-After. `serve` keeps it to half its threads (8 by
    # default) so that threads waiting on the lane leave the rest to ordinary questions.
    capacity: int = 4
    # The lane's niceness (0 to 19): it yields the CPU to the serving process.
    nice: int = 19
    # The most of one CPU a worker may use: after a question that took t seconds of CPU
    # it rests t × (1/cpu_share − 1) before starting the next. Niceness alone was not
    # enough on a two-CPU machine: a lane kept busy still made ordinary questions' own
    # time ~60% longer (docs/reliability.md). Long questions from people are rare; at
    # 0.25 the lane still answers about 13 a second.
    cpu_share: float = 0.25
    # Seconds a refused client is told to wait (Retry-After).
    retry_after_s: int = 2
