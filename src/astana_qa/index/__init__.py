"""Index: turning analysed articles into stored segments, and opening them again.
Imports `text` only; never `search` or `web`."""
