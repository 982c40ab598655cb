"""Text helpers of the answer layer: word classes and candidate answer spans."""
