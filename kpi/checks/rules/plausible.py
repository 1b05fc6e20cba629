"""Kind ``plausible``: values no report should hold (actual above budget, capaian > 150 %, negatives, target 0,
a fractional count, a 0 % achievement beside an actual)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from kpi import capaian
from kpi.checks.engine import EPS, Context, Outcome, RootCause
from kpi.checks.rules.base import _f, _l6_name, indicator_unit, is_whole, l6_double_counts, rule
from kpi.format import auto_decimals, fmt_number

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
        twice = l6_double_counts(frame) if name == "output_capaian" else {}
        for _, row in frame.iterrows():
            a, r = _f(row[pagu]), _f(row["realisasi_rp"])
            if a is None or r is None:
                continue
            what = _l6_name(row) if name == "output_capaian" else f"{row[key]}"
            # above its budget only because a kegiatan is counted twice in it: that kegiatan is the cause
            hit = twice.get((int(row["urutan"]), "realisasi_rp")) if twice else None
            cause = hit[0] if hit is not None and hit[2] and r - hit[1] <= a + EPS else None
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
                root_cause=cause,
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


L6_INDICATORS = ("ikss", "ikp", "ikk")
"""Lampiran 6 levels whose rows are indicators (target, realisasi, capaian) rather than money."""


@rule(
    "plausible.L6_unit",
    kind="plausible",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="warning",
    page="output",
    description=(
        "Lampiran 6, menurut satuan indikatornya: indikator jumlah (Jumlah …) tanpa pecahan; capaian 0 % hanya "
        "bila realisasinya 0.",
        "Lampiran 6, by the indicator's unit: a count indicator (Jumlah …) without a fraction; a 0 % "
        "achievement only with a zero actual.",
    ),
)
def _l6_unit(ctx: Context) -> Iterator[Outcome]:
    """A count printed with a decimal comma (``62,065`` people) and the 0 % capaian it gives beside a non-zero actual.

    Lampiran 6 prints capaian as whole percents, so ``pct.L6.capaian`` accepts 0 % for 62,065 / 13.600
    (0,46 %): the tolerance that matters here is the unit's. A count indicator cannot reach a
    fraction of a person, and an actual two orders of magnitude under its target is a misprint
    (a thousands point read as a decimal comma) more often than a result.
    """
    oc = ctx.get("output_capaian")
    for _, row in oc[oc["level"].isin(L6_INDICATORS)].iterrows():
        k = str(row["urutan"])
        what = _l6_name(row)
        unit = indicator_unit(row["name"])
        fraction = None
        if unit == "count":
            for col in ("target", "realisasi"):
                v = _f(row[col])
                if v is None:
                    continue
                whole = is_whole(v)
                if not whole and fraction is None:
                    fraction = RootCause(
                        f"output_capaian/{k}",
                        f"{col} {_plain_number(v, 'id')} di baris {k} adalah jumlah yang tercetak dengan koma desimal",
                        f"{col} {_plain_number(v, 'en')} in row {k} is a count printed with a decimal comma",
                    )
                yield Outcome(
                    k,
                    v,
                    float(round(v)),
                    f"{what}: indikator jumlah ({col}) tercetak dengan pecahan",
                    f"{what}: a count indicator ({col}) printed with a fraction",
                    ok=whole,
                    note_id="Titik ribuan terbaca sebagai koma desimal?",
                    note_en="A thousands point read as a decimal comma?",
                )
        printed, t, r = _f(row["capaian_pct"]), _f(row["target"]), _f(row["realisasi"])
        if printed is None or t is None or r is None or not t:
            continue
        yield Outcome(
            k,
            printed,
            capaian.ratio_pct(r, t),
            f"{what}: capaian 0 % padahal realisasinya {_plain_number(r, 'id')} (target {_plain_number(t, 'id')})",
            f"{what}: 0 % achievement beside an actual of {_plain_number(r, 'en')} (target {_plain_number(t, 'en')})",
            unit="pct",
            ok=not (printed == 0 and r != 0),
            decimals=2,
            root_cause=fraction,
        )


def _plain_number(value: float, lang: str) -> str:
    return fmt_number(value, auto_decimals(value), lang)
