"""Month names and their abbreviations, defined once for every reader of dates."""

MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
# "Nov." and "Sept" as news writes them; "may" is already whole.
MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS if m != "may"} | {"sept": "september"}
