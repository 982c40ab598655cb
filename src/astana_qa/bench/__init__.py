"""Benchmark measures that need no index: short-answer exact match and F1."""
