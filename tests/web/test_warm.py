"""Getting a serving process ready (`web/warm.py`)."""

from __future__ import annotations

import gc

from astana_qa.web.warm import prepare_to_serve


def test_prepare_to_serve_warms_the_engine_and_freezes_what_it_holds(seed_engine):
    try:
        seconds = prepare_to_serve(seed_engine)
        assert seconds > 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
