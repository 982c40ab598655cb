"""Small word classes: which nouns name people, organisations, places, times, amounts.

They stand in for WordNet's top noun categories (person, group, location, time,
quantity), which are not installable offline: the common English nouns of each class,
plus endings that mark a class ("-ist", "-ian", "-man" for people). They serve two
readings: of a question's focus noun ("which official" wants a person), and of the words
in and before a name ("the Foreign Ministry" is an organisation, "Minister X" a person).
"""

from __future__ import annotations

_words = str.split

PERSON_NOUNS = frozenset(
    _words(
        "person people man men woman women child children boy girl individual figure official"
        " officials leader leaders head chief president vice-president minister premier"
        " chancellor king queen prince princess emperor empress ruler governor mayor senator"
        " representative envoy ambassador diplomat delegate spokesman spokeswoman spokesperson"
        " secretary director manager chairman chairwoman chair ceo founder owner author writer"
        " poet novelist composer singer actor actress artist painter designer architect"
        " inventor scientist researcher professor teacher student doctor physician lawyer judge"
        " player coach captain pilot soldier general commander officer agent candidate winner"
        " member members husband wife son daughter father mother brother sister parent"
        " successor predecessor victim suspect killer editor reporter journalist host"
        " negotiator mediator partner rival opponent champion quarterback defender explorer"
        " philosopher economist engineer astronaut monarch pope bishop priest saint hero"
        " character publisher producer biographer whom anyone someone"
    )
)
# Words of a title that make its holder the second to the office it names: a "Deputy
# Foreign Minister" is not the foreign minister.
SUBORDINATE_TITLES = frozenset({"deputy", "vice", "assistant"})
PERSON_TITLES = frozenset(
    _words(
        "mr mr. mrs mrs. ms ms. dr dr. sir lord lady president prime minister deputy foreign"
        " vice secretary general gen. gen col. lt. sen. rep. gov. governor king queen prince"
        " princess chancellor ambassador envoy chairman director judge justice senator mayor"
        " premier sheikh pope saint st. professor prof. coach captain chief special"
    )
)
ORGANISATION_NOUNS = frozenset(
    _words(
        "organization organisation organizations organisations company companies firm firms"
        " corporation group groups party parties team teams agency agencies body bodies"
        " institution institutions university universities college school bank banks club"
        " clubs committee council union association federation ministry department government"
        " army navy force forces court parliament congress assembly newspaper network"
        " channel station airline band alliance coalition movement church order society"
        " foundation institute commission board league office"
    )
)
PLACE_NOUNS = frozenset(
    _words(
        "place places country countries nation nations state states city cities town towns"
        " village capital region regions province area areas continent island islands river"
        " rivers lake sea ocean mountain mountains valley desert location locations site"
        " county district territory border street park stadium venue airport port building"
        " hotel hospital neighborhood neighbourhood destination"
    )
)
# Words inside a name that say what it names ("Foreign Ministry", "Red Sea").
ORGANISATION_NAME_WORDS = ORGANISATION_NOUNS | frozenset(
    _words(
        "inc inc. corp corp. co co. ltd ltd. plc llc nations agency ministry cross fund"
        " organization committee affairs"
    )
)
PLACE_NAME_WORDS = frozenset(
    _words(
        "city river lake sea ocean mountain mount mt. island islands valley county province"
        " republic kingdom state states street avenue road bay gulf coast peninsula strait"
        " desert park square north south east west"
    )
)
# "-ly" adverbs that say when, how often, how sure or how much, not how something is
# done (`search/manner.py`): "eventually defeated", "annually", "reportedly".
NOT_MANNER_ADVERBS = frozenset(
    _words(
        "recently eventually ultimately finally currently previously initially originally"
        " formerly lately shortly subsequently immediately usually typically generally"
        " normally frequently occasionally rarely regularly repeatedly constantly continually"
        " annually weekly monthly yearly mostly mainly largely partly nearly merely solely"
        " simply especially particularly specifically certainly probably possibly apparently"
        " reportedly allegedly supposedly actually really obviously likely unlikely"
        " increasingly approximately roughly exactly entirely completely highly widely"
    )
)
# Words that open a place's name, before the name itself ("Mount Everest", "Lake Baikal",
# "Cape Town", "Fort Sumter"), where English names do not end in their head.
LEADING_PLACE_WORDS = frozenset(_words("mount mt mt. lake cape gulf isle fort port"))
TIME_NOUNS = frozenset(
    _words(
        "year years date dates day days month months century centuries decade decades time"
        " times era period season week weekday hour"
    )
)
DURATION_NOUNS = frozenset(_words("duration length period span"))
NUMBER_NOUNS = frozenset(
    _words(
        "number numbers amount total count population size quantity figure rate score"
        " distance height weight length area depth speed capacity toll age temperature"
        " elevation altitude width diameter radius circumference rainfall"
    )
)
MONEY_NOUNS = frozenset(
    _words(
        "cost costs price prices value worth budget salary fee fees revenue income profit"
        " fine sum money funding pay wage wages earnings"
    )
)
# "duration" and "span": a length or a period may also be a size or an era.
_ONLY_DURATION = DURATION_NOUNS - NUMBER_NOUNS - TIME_NOUNS
PERCENT_NOUNS = frozenset(_words("percentage percent proportion share"))
_PERSON_ENDINGS = ("ist", "ists", "ician", "icians", "ologist", "man", "men", "woman",
                   "women", "person", "eer", "eers")  # fmt: skip


def noun_class(noun: str) -> str | None:
    """The answer kind a question's focus noun asks for, or None for other things."""
    noun = noun.lower()
    for kind, nouns in (
        ("percent", PERCENT_NOUNS), ("money", MONEY_NOUNS),
        ("duration", _ONLY_DURATION), ("number", NUMBER_NOUNS),
        ("date", TIME_NOUNS), ("person", PERSON_NOUNS),
        ("organisation", ORGANISATION_NOUNS), ("place", PLACE_NOUNS),
    ):  # fmt: skip
        if noun in nouns:
            return kind
    if noun.endswith(_PERSON_ENDINGS) and len(noun) > 5:
        return "person"
    return None


# Prepositions that can introduce a place ("held in", "practiced at", "reported from";
# "on" and "to" often do not: "talks on Syria", "envoy to Syria").
PLACE_PREPOSITIONS = frozenset(
    _words("in at on near under inside into from outside across beneath within to")
)
