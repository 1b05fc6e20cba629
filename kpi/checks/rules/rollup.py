"""Kind ``rollup``: a parent figure equals the sum of its children (PN and output hierarchies, budget splits)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from kpi import capaian
from kpi.checks.engine import Context, Outcome
from kpi.checks.rules.base import (
    SS_PROGRAMS,
    _exact,
    _f,
    _l6_name,
    _pn_code,
    _sum,
    l6_double_counts,
    l6_money_children,
    pct_outcome,
    rule,
)

LEVELS = ("pn", "program", "kegiatan", "output")


def _ordered_children(frame: pd.DataFrame) -> dict[int, list[int]]:
    """Parent → children by printed order: a row's children are the following rows one level down."""
    frame = frame.sort_values("urutan")
    stack: list[tuple[int, int]] = []
    children: dict[int, list[int]] = {}
    for urutan, level in zip(frame["urutan"], frame["level"], strict=True):
        depth = LEVELS.index(level)
        while stack and stack[-1][1] >= depth:
            stack.pop()
        if stack and stack[-1][1] == depth - 1:
            children.setdefault(stack[-1][0], []).append(int(urutan))
        stack.append((int(urutan), depth))
    return children


def _rollup_pn(dataset: str, columns: tuple[str, ...]) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        if frame.empty:
            return
        by = frame.set_index("urutan")
        for parent, kids in _ordered_children(frame).items():
            row = by.loc[parent]
            label = f"{row['level']} {_pn_code(row)}"
            for col in columns:
                yield _exact(
                    str(parent),
                    row[col],
                    _sum(by.loc[kids], col),
                    f"{label} ({col})",
                    f"{label} ({col})",
                    "rp" if col.endswith("_rp") else "num",
                )

    return check


rule(
    "rollup.T2.4",
    kind="rollup",
    tables=("Tabel 2.4",),
    datasets=("pn_item",),
    severity="error",
    page="pn",
    description=(
        "Tabel 2.4: pagu dan target output PN = jumlah program = jumlah kegiatan = jumlah output.",
        "Tabel 2.4: budget and output target of a PN = sum of programmes = of activities = of outputs.",
    ),
)(_rollup_pn("pn_item", ("pagu_rp", "target_output")))

rule(
    "rollup.L5",
    kind="rollup",
    tables=("Lampiran 5",),
    datasets=("pn_realisasi",),
    severity="error",
    page="pn",
    description=(
        "Lampiran 5: pagu, realisasi dan volume output PN → program → kegiatan → output menjumlah.",
        "Lampiran 5: budget, actual and output volumes roll up PN → programme → activity → output.",
    ),
)(_rollup_pn("pn_realisasi", ("pagu_rp", "realisasi_rp", "target_output", "realisasi_output")))


def _rollup_l6(columns: tuple[str, ...]) -> Callable[[Context], Iterator[Outcome]]:
    """Each budgeted Lampiran 6 row = the sum of its budgeted rows; a row off by one kegiatan counted twice names it."""

    def check(ctx: Context) -> Iterator[Outcome]:
        oc = ctx.get("output_capaian")
        by = oc.set_index("urutan")
        twice = l6_double_counts(oc)
        for parent, kids in l6_money_children(oc).items():
            if parent not in by.index:
                continue
            row = by.loc[parent]
            if pd.isna(row["anggaran_rp"]):
                continue
            what = _l6_name(pd.concat([row, pd.Series({"urutan": parent})]))
            for col in columns:
                cause = twice.get((parent, col))
                yield _exact(
                    str(parent),
                    row[col],
                    _sum(kids, col),
                    f"{what} ({col})",
                    f"{what} ({col})",
                    "rp",
                    root_cause=None if cause is None else cause[0],
                )

    return check


rule(
    "rollup.L6",
    kind="rollup",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="error",
    page="output",
    description=(
        "Lampiran 6: anggaran dan realisasi program → program per unit → kegiatan → output menjumlah.",
        "Lampiran 6: budget and actual roll up programme → programme per unit → activity → output.",
    ),
)(_rollup_l6(("anggaran_rp", "realisasi_rp")))


@rule(
    "rollup.L6.volume",
    kind="rollup",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="warning",
    page="output",
    description=(
        "Lampiran 6: target dan realisasi kegiatan = jumlah volume outputnya.",
        "Lampiran 6: an activity's target and actual = sum of its outputs' volumes.",
    ),
)
def _rollup_l6_volume(ctx: Context) -> Iterator[Outcome]:
    """Lampiran 6 prints a kegiatan's target and realisasi as the sum of its outputs' volumes."""
    oc = ctx.get("output_capaian")
    out = oc[oc["level"] == "output"]
    by = oc.set_index("urutan")
    for parent, kids in out.groupby("parent_urutan"):
        row = by.loc[int(parent)]
        if row["level"] != "kegiatan":
            continue
        what = _l6_name(pd.concat([row, pd.Series({"urutan": int(parent)})]))
        for col in ("target", "realisasi"):
            yield _exact(str(int(parent)), row[col], _sum(kids, col), f"{what} ({col})", f"{what} ({col})")


@rule(
    "rollup.T3.4",
    kind="rollup",
    tables=("Tabel 3.4",),
    datasets=("job_creation",),
    severity="error",
    page="ss1",
    description=(
        "Tabel 3.4: baris 1 = 1a + 1b + 1c, baris 2 = 2a + 2b.",
        "Tabel 3.4: row 1 = 1a + 1b + 1c, row 2 = 2a + 2b.",
    ),
)
def _rollup_t34(ctx: Context) -> Iterator[Outcome]:
    jc = ctx.get("job_creation")
    for parent, kids in jc[jc["parent_kode"].notna()].groupby("parent_kode"):
        row = jc[jc["kode"] == parent]
        if row.empty:
            continue
        yield _exact(
            str(parent),
            row["realisasi"].iloc[0],
            _sum(kids, "realisasi"),
            f"baris {parent} {row['intervensi'].iloc[0]}",
            f"row {parent}",
            "orang",
        )


@rule(
    "rollup.budget",
    kind="rollup",
    tables=("Tabel 3.20", "Tabel 3.21", "Tabel 3.24"),
    datasets=("budget_program", "budget_unit", "efficiency_ss"),
    severity="error",
    page="anggaran",
    description=(
        "Anggaran per unit (3.21) = per program (3.20); SS-1 = program DN + DL, SS-2 = program WA (3.24).",
        "Budget per unit (3.21) = per programme (3.20); SS-1 = programmes DN + DL, SS-2 = programme WA (3.24).",
    ),
)
def _rollup_budget(ctx: Context) -> Iterator[Outcome]:
    bp, bu, es = ctx.get("budget_program"), ctx.get("budget_unit"), ctx.get("efficiency_ss")
    for col in ("pagu_rp", "realisasi_rp"):
        if not bu.empty and not bp.empty:
            yield _exact(
                col,
                _sum(bu, col),
                _sum(bp, col),
                f"jumlah {col} per unit (Tabel 3.21) vs per program (Tabel 3.20)",
                f"sum of {col} per unit (Tabel 3.21) vs per programme (Tabel 3.20)",
                "rp",
                dataset="budget_unit",
            )
        for _, row in es.iterrows():
            programs = SS_PROGRAMS.get(row["ss_code"], ())
            part = bp[bp["program_code"].isin(programs)]
            if part.empty:
                continue
            yield _exact(
                f"{row['ss_code']}",
                row[col],
                _sum(part, col),
                f"{row['ss_code']} {col} (Tabel 3.24) vs program {'+'.join(programs)} (Tabel 3.20)",
                f"{row['ss_code']} {col} (Tabel 3.24) vs programmes {'+'.join(programs)} (Tabel 3.20)",
                "rp",
                dataset="efficiency_ss",
            )
    for _, row in es.iterrows():
        part = bp[bp["program_code"].isin(SS_PROGRAMS.get(row["ss_code"], ()))]
        if part.empty:
            continue
        yield pct_outcome(
            str(row["ss_code"]),
            _f(row["capaian_anggaran_pct"]),
            capaian.ratio_pct(_sum(part, "realisasi_rp"), _sum(part, "pagu_rp")),
            2,
            f"CAPAIAN ANGGARAN {row['ss_code']}",
            f"budget absorption {row['ss_code']}",
            dataset="efficiency_ss",
        )
