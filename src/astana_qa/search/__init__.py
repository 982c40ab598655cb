"""Search: reading a question once (`Query`), BM25 scoring, ranking, and the engine.
Imports `text` and `index`; never `web`."""
