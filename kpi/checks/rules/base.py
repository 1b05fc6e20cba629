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
from typing import Literal

import pandas as pd

from kpi.checks.engine import EPS, Context, Kind, Outcome, RootCause, Rule, Severity, Unit, tolerance
from kpi.format import fmt_rp

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


# ---------------------------------------------------------------- units and tolerances

IndicatorUnit = Literal["count", "pct", "index", "text"]
"""What an indicator counts: people or things (``Jumlah …``), a percentage, an index or score, a text (an opinion)."""

_UNIT_WORDS: tuple[tuple[str, IndicatorUnit], ...] = (
    (r"^jumlah\b", "count"),
    (r"^(persentase|kontribusi|integrasi)\b", "pct"),
    (r"^opini\b", "text"),
)


def indicator_unit(name: object) -> IndicatorUnit:
    """The unit an indicator's name states: ``Jumlah …`` a count, ``Persentase …`` a percentage, else an index.

    Lampiran 6 prints no unit for its IKSS/IKP/IKK rows; the name is what tells a planner (and this
    rule) whether ``62,065`` can be right.
    """
    text = _norm(name)
    for pattern, unit in _UNIT_WORDS:
        if re.search(pattern, text):
            return unit
    return "index"


def unit_tolerance(unit: IndicatorUnit, decimals: int = 2) -> float:
    """How far two prints of one figure may differ: a count not at all, a percentage or index by half its last digit."""
    return EPS * 1000 if unit in ("count", "text") else tolerance(decimals)


def derived_tolerance(decimals: int, parts: Iterable[tuple[float, int]]) -> float:
    """Tolerance of a printed figure against one recomputed from printed parts.

    Half a unit of the figure's own last digit, plus each part's rounding (half a unit of its last
    digit) times its weight in the formula: a domain printed with two decimals against the weighted
    mean of aspects printed with two decimals may differ by 0,005 + 0,005.
    """
    return tolerance(decimals) + sum(abs(w) * 0.5 * 10.0 ** (-d) for w, d in parts)


def is_whole(value: float | None) -> bool:
    """A value a count can take (no fraction)."""
    return value is None or abs(value - round(value)) < EPS * 1000


# ---------------------------------------------------------------- Lampiran 6: a kegiatan counted twice


def l6_money_children(oc: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """Lampiran 6 rows with a budget, grouped by the budgeted row they roll up into (what ``rollup.L6`` adds)."""
    budgeted = oc[oc["anggaran_rp"].notna() & oc["parent_urutan"].notna()]
    return {int(parent): kids for parent, kids in budgeted.groupby("parent_urutan")}


def l6_double_counts(oc: pd.DataFrame) -> dict[tuple[int, str], tuple[RootCause, float, bool]]:
    """Lampiran 6 money that disagrees with its rows because one row is counted twice.

    ``{(urutan, column): (cause, amount, holds_it)}``. A parent printed exactly one child's amount
    above the sum of its children counts that child twice (Setjen's Program Dukungan Manajemen,
    row 351, holds kegiatan 2163 twice): ``holds_it`` is true, its printed figure is too high by
    ``amount``. A row above it whose own sum is off by the same amount the other way is a second
    symptom of the same child (``holds_it`` false: its printed figure is right).
    """
    if oc.empty:
        return {}
    by = oc.set_index("urutan")
    children = l6_money_children(oc)
    diffs: dict[tuple[int, str], float] = {}
    for parent, kids in children.items():
        if parent not in by.index or pd.isna(by.loc[parent, "anggaran_rp"]):
            continue
        for col in ("anggaran_rp", "realisasi_rp"):
            printed, total = _f(by.loc[parent, col]), _sum(kids, col)
            if printed is not None and total is not None and abs(printed - total) > 0.5:
                diffs[(parent, col)] = printed - total
    found: dict[tuple[int, str], tuple[RootCause, float, bool]] = {}
    for (parent, col), diff in diffs.items():
        twice = [
            int(u)
            for u, v in zip(children[parent]["urutan"], children[parent][col], strict=True)
            if _f(v) is not None and abs(float(v) - diff) <= 0.5
        ]
        if len(twice) == 1:
            child = by.loc[twice[0]]
            row = pd.concat([child, pd.Series({"urutan": twice[0]})])
            amount = fmt_rp(diff, "id"), fmt_rp(diff, "en")
            found[(parent, col)] = (
                RootCause(
                    f"output_capaian/{twice[0]}",
                    f"Lampiran 6 {_l6_name(row)} ({col} {amount[0]}) terhitung dua kali di baris {parent}",
                    f"Lampiran 6 {_l6_name(row)} ({col} {amount[1]}) is counted twice in row {parent}",
                ),
                diff,
                True,
            )
    changed = True
    while changed:  # rows above a double count, off by the same amount the other way
        changed = False
        for (parent, col), diff in diffs.items():
            if (parent, col) in found:
                continue
            for kid in children[parent]["urutan"].astype(int):
                hit = found.get((kid, col))
                if hit is not None and abs(diff + hit[1]) <= 0.5:
                    found[(parent, col)] = (hit[0], hit[1], False)
                    changed = True
                    break
    return found
