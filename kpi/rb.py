"""Reformasi Birokrasi index: Tabel 3.16 (components) and Tabel 3.17 (indicators).

The RB index is the sum of its components: RB General (weight 100) and RB Tematik (weight
10): 74,79 + 3,94 = 78,73 for the 2023 evaluation printed in the LKj 2024. Each component's
value is the sum of its indicators' weighted scores (``skor_bobot``).
"""

from __future__ import annotations

import pandas as pd


def rb_index(components: pd.DataFrame) -> float:
    """RB index = Σ component values (Tabel 3.16: 74,79 + 3,94 = 78,73)."""
    if "nilai" not in components.columns:
        raise KeyError("rb_index needs column 'nilai'")
    return float(components["nilai"].astype(float).sum())


def component_values(indicators: pd.DataFrame) -> pd.Series:
    """Each component's value recomputed as the sum of its indicators' ``skor_bobot`` (Tabel 3.17)."""
    missing = [c for c in ("component_code", "skor_bobot") if c not in indicators.columns]
    if missing:
        raise KeyError(f"component_values needs columns {missing}")
    return indicators.groupby("component_code")["skor_bobot"].sum().astype(float).rename("nilai")


def rb_index_from_indicators(indicators: pd.DataFrame) -> float:
    """RB index recomputed from the 34 indicators of Tabel 3.17."""
    return float(component_values(indicators).sum())


def component_gaps(components: pd.DataFrame) -> pd.DataFrame:
    """Per component: weight, value, the gap to the maximum (bobot − nilai) and value as % of weight."""
    out = components[["code", "name", "bobot", "nilai"]].copy()
    out["gap"] = out["bobot"].astype(float) - out["nilai"].astype(float)
    out["pct_of_bobot"] = out["nilai"].astype(float) / out["bobot"].astype(float) * 100
    return out


def indicator_gaps(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per Tabel 3.17 indicator: points still open (bobot − skor_bobot) and capaian recomputed as skor_bobot / bobot × 100.

    Adds columns ``gap`` and ``capaian_recomputed_pct`` to a copy of ``indicators``.
    """
    missing = [c for c in ("bobot", "skor_bobot") if c not in indicators.columns]
    if missing:
        raise KeyError(f"indicator_gaps needs columns {missing}")
    out = indicators.copy()
    bobot = out["bobot"].astype(float)
    out["gap"] = bobot - out["skor_bobot"].astype(float)
    out["capaian_recomputed_pct"] = out["skor_bobot"].astype(float) / bobot.where(bobot != 0) * 100
    return out
