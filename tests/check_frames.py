"""Tiny frames for the rule tests: a ``printed_figure`` frame from a dict, one rule run on frames."""

from __future__ import annotations

import pandas as pd

from kpi.checks import RULE_BY_ID, run


def _pf(rows: dict[str, float], year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [year] * len(rows),
            "figure": list(rows),
            "label": list(rows),
            "value": list(rows.values()),
            "text_value": [None] * len(rows),
            "satuan": ["num"] * len(rows),
            "sumber": ["LKj"] * len(rows),
        }
    )


def _one(rule_id: str, frames: dict, year: int = 2024):
    return run([RULE_BY_ID[rule_id]], frames, year)
