"""Kind ``plausible``: values no report should hold (actual above budget, capaian > 150 %, negatives, target 0)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from kpi.checks.engine import EPS, Context, Outcome
from kpi.checks.rules.base import _f, _l6_name, rule

BUDGET_FRAMES = {
    "budget_program": ("program_code", "pagu_rp", "Tabel 3.20"),
    "budget_unit": ("unit_code", "pagu_rp", "Tabel 3.21"),
    "dekonsentrasi": ("unit_code", "pagu_rp", "Tabel 3.23"),
    "efficiency_ss": ("ss_code", "pagu_rp", "Tabel 3.24"),
    "pn_realisasi": ("urutan", "pagu_rp", "Lampiran 5"),
    "output_capaian": ("urutan", "anggaran_rp", "Lampiran 6"),
}
"""Datasets with a budget and an actual: (key column, budget column, LKj table)."""

CAPAIAN_FRAMES = {
    "ikss_capaian": ("ikss_code", "capaian_pct", "Tabel 3.2"),
    "pyb_program": ("komponen", "capaian_pct", "Tabel 3.3"),
    "training_uptp": ("uptp", "capaian_pct", "Tabel 3.6"),
    "placement_domestic": ("nomor", "capaian_pct", "Tabel 3.10"),
    "rb_indicator": ("nomor", "capaian_pct", "Tabel 3.17"),
    "output_capaian": ("urutan", "capaian_pct", "Lampiran 6"),
}
"""Datasets with a printed achievement: (key column, achievement column, LKj table)."""

CAPAIAN_WARN_PCT = 150.0
CAPAIAN_ERROR_PCT = 1000.0

NEGATIVE_OK = {
    ("pyb_program", "realisasi"),
    ("pyb_program", "delta_pct"),
    ("job_creation", "delta_pct"),
    ("printed_figure", "value"),
}
"""Columns where a negative value is meant: the PyB overlap (subtracted) and changes."""


@rule(
    "plausible.over_budget",
    kind="plausible",
    tables=("Tabel 3.20", "Tabel 3.21", "Tabel 3.23", "Tabel 3.24", "Lampiran 5", "Lampiran 6"),
    datasets=("printed_figure",),
    severity="warning",
    page="anggaran",
    description=("Realisasi tidak melebihi pagu.", "Actual does not exceed the budget."),
)
def _over_budget(ctx: Context) -> Iterator[Outcome]:
    for name, (key, pagu, table) in BUDGET_FRAMES.items():
        if not ctx.has(name):
            continue
        frame = ctx.get(name)
        for _, row in frame.iterrows():
            a, r = _f(row[pagu]), _f(row["realisasi_rp"])
            if a is None or r is None:
                continue
            what = _l6_name(row) if name == "output_capaian" else f"{row[key]}"
            yield Outcome(
                str(row[key]),
                r,
                a,
                f"realisasi {what} di atas pagunya",
                f"actual of {what} above its budget",
                unit="rp",
                ok=r <= a + EPS,
                dataset=name,
                tables=(table,),
            )


@rule(
    "plausible.capaian",
    kind="plausible",
    tables=("Tabel 3.2", "Tabel 3.3", "Tabel 3.6", "Tabel 3.10", "Tabel 3.17", "Lampiran 6"),
    datasets=("printed_figure",),
    severity="warning",
    page="output",
    description=(
        "Capaian ≤ 150 % (di atasnya peringatan, di atas 1000 % galat).",
        "Achievement ≤ 150 % (above: warning; above 1000 %: error).",
    ),
)
def _capaian_bound(ctx: Context) -> Iterator[Outcome]:
    for name, (key, col, table) in CAPAIAN_FRAMES.items():
        if not ctx.has(name):
            continue
        frame = ctx.get(name)
        for _, row in frame.iterrows():
            v = _f(row[col])
            if v is None:
                continue
            what = _l6_name(row) if name == "output_capaian" else f"{row[key]}"
            severity = "error" if v > CAPAIAN_ERROR_PCT else "warning"
            yield Outcome(
                str(row[key]),
                v,
                CAPAIAN_WARN_PCT if v <= CAPAIAN_ERROR_PCT else CAPAIAN_ERROR_PCT,
                f"capaian {what} di atas batas wajar",
                f"achievement of {what} above a sane bound",
                unit="pct",
                ok=v <= CAPAIAN_WARN_PCT,
                dataset=name,
                tables=(table,),
                severity=severity,
                note_id="Periksa target atau realisasinya.",
                note_en="Check its target or actual.",
            )


@rule(
    "plausible.negative",
    kind="plausible",
    tables=("semua tabel",),
    datasets=("printed_figure",),
    severity="error",
    page="ringkasan",
    description=(
        "Tidak ada nilai negatif kecuali irisan PyB dan kolom perubahan.",
        "No negative values except the PyB overlap and change columns.",
    ),
)
def _negative(ctx: Context) -> Iterator[Outcome]:
    for name in sorted(ctx.frames):
        frame = ctx.get(name)
        if frame is None or frame.empty:
            continue
        tables = tuple(sorted({str(s) for s in frame["sumber"].dropna().unique()})) if "sumber" in frame else (name,)
        for col in frame.columns:
            if col in ("year", "urutan", "parent_urutan") or (name, col) in NEGATIVE_OK:
                continue
            if not pd.api.types.is_numeric_dtype(frame[col]):
                continue
            for i, v in frame[col].items():
                fv = _f(v)
                if fv is None:
                    continue
                yield Outcome(
                    f"{i}",
                    fv,
                    0.0,
                    f"{name}.{col} baris {i} bernilai negatif",
                    f"{name}.{col} row {i} is negative",
                    ok=fv >= 0,
                    dataset=name,
                    tables=tables[:1] or (name,),
                )


@rule(
    "plausible.target_zero",
    kind="plausible",
    tables=("Lampiran 5", "Lampiran 6", "Tabel 3.3", "Tabel 3.6", "Tabel 3.10"),
    datasets=("printed_figure",),
    severity="warning",
    page="output",
    description=("Tidak ada realisasi dengan target 0.", "No actual with a zero target."),
)
def _target_zero(ctx: Context) -> Iterator[Outcome]:
    for name, key in (
        ("output_capaian", "urutan"),
        ("pn_realisasi", "urutan"),
        ("training_uptp", "uptp"),
        ("placement_domestic", "nomor"),
        ("pyb_program", "komponen"),
        ("ikss_capaian", "ikss_code"),
    ):
        if not ctx.has(name):
            continue
        frame = ctx.get(name)
        tcol, rcol = ("target_output", "realisasi_output") if name == "pn_realisasi" else ("target", "realisasi")
        for _, row in frame.iterrows():
            t, r = _f(row[tcol]), _f(row[rcol])
            if t is None or r is None:
                continue
            yield Outcome(
                str(row[key]),
                r,
                t,
                f"{name} {row[key]}: realisasi tanpa target (target 0)",
                f"{name} {row[key]}: actual with a zero target",
                ok=not (t == 0 and r != 0),
                dataset=name,
                tables=(str(row.get("sumber", name)),),
            )
