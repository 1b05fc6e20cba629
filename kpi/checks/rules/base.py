"""What every rule module shares: the ``@rule`` declaration, the registry and small outcome helpers.

A rule is a function ``check(ctx) -> Iterator[Outcome]`` declared where it is written::

    @rule("same.pyb_variable", kind="same", tables=("Bab 3.2.1",), datasets=("pyb_variable",),
          severity="warning", page="ss1", description=("…", "…"))
    def _pyb_variable(ctx): ...

Rules built by a factory are declared the same way: ``rule(...)(pct_rows(...))``.
Tolerances follow the printed precision: a percentage printed with two decimals agrees when
it is within 0,005 of the recomputed value, a whole percent (Lampiran 6, Tabel 3.10) within
0,5; Rupiah and people counts must be equal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from kpi.checks.engine import EPS, Context, Kind, Outcome, Rule, Severity, Unit, tolerance

Check = Callable[[Context], Iterable[Outcome]]

REGISTRY: dict[str, Rule] = {}
"""Every declared rule by id, in declaration order (the rule modules are imported kind by kind)."""


def rule(
    id: str,
    *,
    kind: Kind,
    tables: tuple[str, ...],
    datasets: tuple[str, ...],
    severity: Severity,
    page: str,
    description: tuple[str, str],
) -> Callable[[Check], Check]:
    """Declare the decorated check as a :class:`Rule` (description: Indonesian, English)."""

    def register(check: Check) -> Check:
        if id in REGISTRY:
            raise ValueError(f"rule {id!r} is declared twice")
        REGISTRY[id] = Rule(id, kind, tuple(tables), tuple(datasets), severity, page, *description, check)
        return check

    return register


TRUNC_NOTE = (
    "Angka tercetak tampaknya dipotong, bukan dibulatkan.",
    "The printed figure looks truncated, not rounded.",
)
CEIL_NOTE = (
    "Angka tercetak tampaknya dibulatkan ke atas.",
    "The printed figure looks rounded up.",
)
SOURCE_NOTE = (
    "Dua sumber data berbeda (OM-SPAN di Bab 3, Monev Kemenkeu di Lampiran 6): selisih dicatat, bukan galat.",
    "Two different data sources (OM-SPAN in chapter 3, Monev Kemenkeu in Lampiran 6): noted, not an error.",
)


# ---------------------------------------------------------------- values


def _f(value: object) -> float | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    return float(value)


def _sum(frame: pd.DataFrame | None, col: str) -> float | None:
    if frame is None or frame.empty or col not in frame.columns or frame[col].isna().all():
        return None
    return float(frame[col].astype(float).sum())


def _plus(*values: float | None) -> float | None:
    return None if any(v is None for v in values) else float(sum(values))  # type: ignore[arg-type]


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _norm(name: object) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().lower()


# ---------------------------------------------------------------- outcomes


def pct_outcome(
    row_key: str,
    printed: float | None,
    recomputed: float | None,
    decimals: int,
    label_id: str,
    label_en: str,
    **kw,
) -> Outcome:
    """A printed percentage beside its recomputation, at the printed precision.

    A difference that truncation explains is only info; rounding up is noted.
    """
    severity = kw.pop("severity", None)
    note = ("", "")
    if printed is not None and recomputed is not None and abs(printed - recomputed) > tolerance(decimals):
        scale = 10.0**decimals
        if abs(math.trunc(recomputed * scale + EPS * math.copysign(1, recomputed)) / scale - printed) < EPS * 10:
            severity, note = "info", TRUNC_NOTE
        elif abs(math.ceil(recomputed * scale - EPS) / scale - printed) < EPS * 10:
            note = CEIL_NOTE
    return Outcome(
        row_key=row_key,
        printed=printed,
        recomputed=recomputed,
        label_id=label_id,
        label_en=label_en,
        unit="pct",
        tol=tolerance(decimals),
        severity=severity,
        note_id=note[0],
        note_en=note[1],
        decimals=None if recomputed is None else max(decimals, 2),
        **kw,
    )


def _exact(row_key: str, printed, recomputed, label_id: str, label_en: str, unit: Unit = "num", **kw) -> Outcome:
    return Outcome(row_key, _f(printed), _f(recomputed), label_id, label_en, unit=unit, tol=EPS * 1000, **kw)


def _chain(*checks: Check) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        for c in checks:
            yield from c(ctx)

    return check


# ---------------------------------------------------------------- names and lookups several kinds use


def _l6_name(row: pd.Series) -> str:
    code = "/".join(
        str(row[c]) for c in ("program_code", "unit_code", "kegiatan_code", "output_code") if pd.notna(row[c])
    )
    name = str(row["name"])
    name = name if len(name) <= 60 else name[:57] + "…"
    return f"baris {row['urutan']} {row['level']} {code} «{name}»"


def _pn_code(row: pd.Series) -> str:
    return "/".join(
        str(row[c]) for c in ("pn_code", "program_code", "kegiatan_code", "output_code") if pd.notna(row[c])
    )


def _pyb(ctx: Context, komponen: str) -> float | None:
    p = ctx.get("pyb_program")
    hit = p.loc[p["komponen"] == komponen, "realisasi"]
    return None if hit.empty else _f(hit.iloc[0])


def _var(ctx: Context, variable: str, konteks: str = "variabel") -> float | None:
    v = ctx.get("pyb_variable")
    hit = v.loc[(v["variable"] == variable) & (v["konteks"] == konteks), "nilai"]
    return None if hit.empty else _f(hit.iloc[0])


SS_PROGRAMS = {"SS-1": ("DN", "DL"), "SS-2": ("WA",)}
"""Tabel 3.24: SS-1 is served by programs DN and DL, SS-2 by program WA."""
