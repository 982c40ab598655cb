"""Getting a serving process ready: the web server's and each long-question worker's."""

from __future__ import annotations

import gc

from ..search.engine import QAEngine


def prepare_to_serve(engine: QAEngine) -> float:
    """Warm `engine` up and exempt what it holds from garbage collection; the seconds
    the warm-up took.

    Both keep pauses out of the first minutes of serving: the warm-up loads the tables
    the first questions would (`QAEngine.warm_up`), and `gc.freeze()` moves the tens of
    thousands of long-lived objects of the opened engine out of the collector's way. A
    full collection over them took 57 ms, long enough to set the served questions' p99
    on its own (`docs/reliability.md`); after the freeze it takes microseconds."""
    seconds = engine.warm_up()
    gc.collect()
    gc.freeze()
    return seconds
