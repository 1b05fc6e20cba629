"""SPBE (e-government) index: recomputed from the 47 indicator levels of Lampiran 8, predikat from Tabel 3.18.

The evaluation (PermenPANRB 59/2020, Lampiran 8) scores each indicator on a maturity level
1-5. An aspect's value is the mean of its indicators' levels; the index is the sum of the
aspect values weighted by the aspect weights (``bobot_pct``, adding up to 100 %). Every
indicator therefore weighs ``bobot aspek / jumlah indikator aspek``. For 2024 this gives
3,4225, printed as 3,42 (predikat Baik).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

MAX_LEVEL = 5
MIN_LEVEL = 1


class MissingColumns(KeyError):
    """A frame handed to an SPBE function lacks a column the formula needs."""


def _need(frame: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise MissingColumns(f"SPBE needs columns {missing}")


def indicator_weights(indicators: pd.DataFrame, aspects: pd.DataFrame) -> pd.Series:
    """Index points one maturity level of each indicator is worth (Lampiran 8), indexed by ``nomor``.

    ``indicators``: nomor, aspect_code; ``aspects``: code, bobot_pct.
    """
    _need(indicators, "nomor", "aspect_code")
    _need(aspects, "code", "bobot_pct")
    bobot = aspects.set_index("code")["bobot_pct"].astype(float)
    count = indicators.groupby("aspect_code")["nomor"].transform("count")
    weights = indicators["aspect_code"].map(bobot) / 100 / count
    return pd.Series(weights.to_numpy(dtype=float), index=indicators["nomor"].to_numpy(), name="bobot_per_tingkat")


def aspect_values(indicators: pd.DataFrame, levels: Mapping[int, int] | None = None) -> pd.Series:
    """Aspect value = mean of its indicators' maturity levels (Lampiran 8), optionally with ``levels`` overriding some."""
    _need(indicators, "nomor", "aspect_code", "tingkat")
    tingkat = _levels(indicators, levels)
    return tingkat.groupby(indicators["aspect_code"].to_numpy()).mean().rename("nilai")


def domain_values(
    indicators: pd.DataFrame, aspects: pd.DataFrame, levels: Mapping[int, int] | None = None
) -> pd.Series:
    """Domain value = aspect values weighted by their bobot within the domain (Tabel 3.19)."""
    _need(aspects, "code", "domain_code", "bobot_pct")
    values = aspect_values(indicators, levels)
    a = aspects.set_index("code")
    w = a["bobot_pct"].astype(float)
    weighted = (values * w.reindex(values.index)).groupby(a["domain_code"].reindex(values.index)).sum()
    return (weighted / w.groupby(a["domain_code"]).sum()).rename("nilai")


def spbe_index(indicators: pd.DataFrame, aspects: pd.DataFrame, levels: Mapping[int, int] | None = None) -> float:
    """The SPBE index: Σ aspect bobot × aspect value / 100 (Lampiran 8; 3,4225 → 3,42 for 2024).

    ``levels`` maps indicator ``nomor`` to a level that replaces the evaluated one: the
    simulator's what-if.
    """
    weights = indicator_weights(indicators, aspects)
    tingkat = _levels(indicators, levels)
    return float((weights.to_numpy() * tingkat.to_numpy()).sum())


def index_from_domains(domains: pd.DataFrame) -> float:
    """The index from the printed domain values: Σ domain bobot × value / 100 (Tabel 3.19)."""
    _need(domains, "bobot_pct", "nilai")
    return float((domains["bobot_pct"].astype(float) * domains["nilai"].astype(float)).sum() / 100)


def predikat(index: float | None, bands: pd.DataFrame) -> str | None:
    """The predikat of an index by the bands of Tabel 3.18 (lower bound inclusive; Kurang has none)."""
    if index is None or index != index:
        return None
    _need(bands, "predikat", "batas_bawah")
    ordered = bands.assign(lo=bands["batas_bawah"].astype(float).fillna(float("-inf"))).sort_values(
        "lo", ascending=False
    )
    for row in ordered.itertuples():
        if index >= row.lo:
            return str(row.predikat)
    return str(ordered.iloc[-1]["predikat"])


def next_predikat(index: float, bands: pd.DataFrame) -> tuple[str, float] | None:
    """The next better predikat and its lower bound, or ``None`` at the top band."""
    lows = bands.assign(lo=bands["batas_bawah"].astype(float)).dropna(subset=["lo"]).sort_values("lo")
    above = lows[lows["lo"] > index]
    if above.empty:
        return None
    first = above.iloc[0]
    return str(first["predikat"]), float(first["lo"])


def single_raises(
    indicators: pd.DataFrame, aspects: pd.DataFrame, levels: Mapping[int, int] | None = None
) -> pd.DataFrame:
    """Every indicator below level 5 raised by one level, ranked by the index points it gains.

    Columns: nomor, name, aspect_code, tingkat, tingkat_baru, gain, index_baru. The first rows
    are the cheapest single steps towards the next predikat.
    """
    weights = indicator_weights(indicators, aspects)
    tingkat = _levels(indicators, levels)
    base = float((weights.to_numpy() * tingkat.to_numpy()).sum())
    out = pd.DataFrame(
        {
            "nomor": indicators["nomor"].to_numpy(),
            "name": indicators["name"].to_numpy() if "name" in indicators else None,
            "aspect_code": indicators["aspect_code"].to_numpy(),
            "tingkat": tingkat.to_numpy(),
            "gain": weights.to_numpy(),
        }
    )
    out = out[out["tingkat"] < MAX_LEVEL].copy()
    out["tingkat_baru"] = out["tingkat"] + 1
    out["index_baru"] = base + out["gain"]
    return out.sort_values(["gain", "nomor"], ascending=[False, True]).reset_index(drop=True)


def path_to_index(
    indicators: pd.DataFrame, aspects: pd.DataFrame, target_index: float, levels: Mapping[int, int] | None = None
) -> pd.DataFrame:
    """The fewest one-level raises that bring the index to ``target_index``.

    Every raise of an indicator is worth its weight whatever its level, so taking the
    heaviest available raises first is optimal. Each row is one raise, in order, with the
    index after it. Empty when the target is already reached; raises ``ValueError`` when even
    level 5 everywhere does not reach it.
    """
    weights = indicator_weights(indicators, aspects)
    tingkat = _levels(indicators, levels)
    index = float((weights.to_numpy() * tingkat.to_numpy()).sum())
    names = indicators["name"].to_numpy() if "name" in indicators else [None] * len(indicators)
    steps = []
    candidates = sorted(
        (
            (float(w), int(n), int(lv), nm)
            for w, n, lv, nm in zip(weights, indicators["nomor"], tingkat, names, strict=True)
        ),
        key=lambda c: (-c[0], c[1]),
    )
    for weight, nomor, level, name in candidates:
        while level < MAX_LEVEL and index < target_index - 1e-12:
            level += 1
            index += weight
            steps.append({"nomor": nomor, "name": name, "tingkat_baru": level, "gain": weight, "index_baru": index})
    if index < target_index - 1e-12:
        raise ValueError(f"index {target_index} is above the maximum reachable {index:.4f}")
    return pd.DataFrame(steps, columns=["nomor", "name", "tingkat_baru", "gain", "index_baru"])


def _levels(indicators: pd.DataFrame, levels: Mapping[int, int] | None) -> pd.Series:
    tingkat = pd.Series(indicators["tingkat"].to_numpy(dtype=float), index=indicators["nomor"].to_numpy())
    for nomor, level in (levels or {}).items():
        if nomor not in tingkat.index:
            raise KeyError(f"no SPBE indicator {nomor}")
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise ValueError(f"SPBE level must be {MIN_LEVEL}-{MAX_LEVEL}, not {level}")
        tingkat[nomor] = level
    return tingkat
