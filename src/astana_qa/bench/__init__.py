"""Measuring commands (evaluation, comparison, ablation, speed, scale, load), with their
own entry point: `astana-qa-bench` or `python -m astana_qa.bench`."""
