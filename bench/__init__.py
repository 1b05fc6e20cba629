"""Benchmarks of the dashboard: synthetic data at 1x/10x/100x, ingest, queries, reruns, browser, load.

``python -m bench`` (or ``make bench``) runs everything and writes ``BENCHMARKS.md`` and
``bench/results.json``; ``python -m bench --quick`` is a short run for development.
"""
