"""Month names, their abbreviations, seasons and parts of a year: the calendar words,
defined once for every reader of dates."""

import re

MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
# "Nov." and "Sept" as news writes them; "may" is already whole.
MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS if m != "may"} | {"sept": "september"}
# The months (first, last) a season and a part of a year span: a reading of the words,
# as "the first half" is; a northern-hemisphere calendar, winter named by its January.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}  # fmt: skip
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8),
              "middle": (5, 8), "late": (9, 12), "end": (10, 12)}  # fmt: skip
# A month's name in any case ("january", "January"), and written as a name ("January":
# "may" is a verb).
MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
MONTH_NAME = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
