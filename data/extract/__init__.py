"""Extraction of the LKj tables from the seed text into ``data/*.csv``.

Run ``python -m data.extract`` (or ``make data``). Each module here reads one group of tables
and returns tidy data frames; ``__main__`` writes them. The seed is only needed to re-extract.
"""
