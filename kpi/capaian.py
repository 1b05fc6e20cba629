"""Capaian (achievement) of indicators and strategic goals: Tabel 3.2 and section 3.1."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import fmean
from typing import Literal

Arah = Literal["naik", "turun"]

OPINI_BPK_RANK: dict[str, int] = {"TMP": 1, "TW": 2, "WDP": 3, "WTP": 4}
"""Opini BPK as an ordinal: Tidak Menyatakan Pendapat < Tidak Wajar < Wajar Dengan Pengecualian < Wajar Tanpa Pengecualian."""


def capaian_pct(target: float | None, realisasi: float | None, arah: Arah = "naik") -> float | None:
    """Capaian in percent: realisasi / target × 100 (Tabel 3.2, e.g. 4,01 / 9,85 = 40,71 %).

    For an indicator where lower is better (``arah="turun"``) it is (2 × target − realisasi) /
    target × 100, so meeting the target exactly still gives 100 %. ``None`` when either value is
    missing or the target is zero: an unknown capaian, never a good one.
    """
    if target is None or realisasi is None or target == 0:
        return None
    if arah == "turun":
        return (2 * target - realisasi) / target * 100
    return realisasi / target * 100


def opini_capaian_pct(target: str | None, realisasi: str | None) -> float | None:
    """Capaian of the Opini BPK indicator: 100 % when the opinion reaches the target, else the rank ratio.

    Tabel 3.2 gives WTP against a WTP target as 100 %. A lower opinion scores its rank over the
    target's rank (WDP against WTP: 3/4 = 75 %); the report has no such year, so that part is
    our convention.
    """
    if not target or not realisasi:
        return None
    t, r = OPINI_BPK_RANK[target.strip().upper()], OPINI_BPK_RANK[realisasi.strip().upper()]
    return 100.0 if r >= t else r / t * 100


def mean_capaian_pct(values: Iterable[float | None]) -> float | None:
    """Mean of capaian values (section 3.1: SS capaian = mean of its IKSS; overall = mean of SS).

    A missing value makes the mean unknown rather than silently better.
    """
    vals = list(values)
    if not vals or any(v is None for v in vals):
        return None
    return fmean(vals)  # type: ignore[arg-type]


def ratio_pct(part: float | None, whole: float | None) -> float | None:
    """``part / whole × 100``, or ``None`` when a value is missing or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * 100
