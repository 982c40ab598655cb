"""Where the pages and the API have a question answered: in this process, or in the
long-question lane when the app has one and the question is long (`lane.py`)."""

from __future__ import annotations

from flask import current_app

from ..records import Answer
from ..search.engine import QAEngine
from ..search.query import Query
from .lane import LaneUnavailable, LongQuestionLane

ENGINE_KEY = "astana_qa"
LANE_KEY = "astana_qa.lane"


def engine() -> QAEngine:
    return current_app.extensions[ENGINE_KEY]


def read_and_ask(question: object, k: object) -> tuple[Query, Answer]:
    """`question` as the engine reads it and its answer with up to `k` citations;
    `InvalidQuestion` as the engine raises it, `LaneFull` when the lane is full. A lane
    whose worker could not open the index leaves the question to this process."""
    lane: LongQuestionLane | None = current_app.extensions.get(LANE_KEY)
    if lane is not None and lane.takes(question):
        try:
            return lane.ask(question, k)
        except LaneUnavailable:
            pass  # logged by the lane, which takes no more questions
    query = engine().read(question)
    return query, engine().ask(query, k)  # type: ignore[arg-type]  # k is checked by ask
