"""Search layers above sentence retrieval: direct answers found by their type."""
