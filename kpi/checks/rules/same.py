"""Kind ``same``: the same quantity printed in two places agrees.

Variable list vs worked formula, Tabel 3.2 vs the narrative, chapter IV and the executive
summary, RB/SPBE indices recomputed from their components, Tabel 2.4 vs Lampiran 5, IKP vs
IKK rows of Lampiran 6. Figures about the year before are printed in the same report with a
``_prev`` id and compared with the previous year's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

from kpi import capaian, productivity, rb, spbe
from kpi.checks.engine import EPS, Context, MissingDataset, Outcome, RootCause, Unit, tolerance
from kpi.checks.rules.base import (
    SOURCE_NOTE,
    _exact,
    _f,
    _minus,
    _norm,
    _plus,
    _pn_code,
    _pyb,
    _sum,
    _var,
    indicator_unit,
    is_whole,
    l6_double_counts,
    pct_outcome,
    rule,
    unit_tolerance,
)
from kpi.format import fmt_pct

# ---------------------------------------------------------------- SS-1: the productivity variables


@rule(
    "same.pyb_variable",
    kind="same",
    tables=("Bab 3.2.1",),
    datasets=("pyb_variable",),
    severity="warning",
    page="ss1",
    description=(
        "Variabel SS-1: daftar variabel = angka di rumus terhitung.",
        "SS-1 variables: the variable list = the figures in the worked formula.",
    ),
)
def _pyb_variable(ctx: Context) -> Iterator[Outcome]:
    v = ctx.get("pyb_variable")
    a = v[v["konteks"] == "variabel"].set_index("variable")["nilai"]
    b = v[v["konteks"] == "perhitungan"].set_index("variable")["nilai"]
    for var in b.index:
        if var in a.index:
            unit = "rp" if var.endswith("_rp") else "orang"
            yield _exact(
                str(var),
                a[var],
                b[var],
                f"{var}: daftar variabel vs rumus terhitung",
                f"{var}: variable list vs worked formula",
                unit,
            )


@rule(
    "same.pyb_T3.3",
    kind="same",
    tables=("Bab 3.2.1", "Tabel 3.3"),
    datasets=("pyb_variable", "pyb_program"),
    severity="warning",
    page="ss1",
    description=("Variabel SS-1 = realisasi PyB di Tabel 3.3.", "SS-1 variables = PyB actuals in Tabel 3.3."),
)
def _pyb_vs_t33(ctx: Context) -> Iterator[Outcome]:
    v = ctx.get("pyb_variable")
    a = v[v["konteks"] == "variabel"].set_index("variable")["nilai"]
    p = ctx.get("pyb_program")
    for _, row in p.iterrows():
        k = str(row["komponen"])
        if k in a.index:
            yield _exact(
                k,
                a[k],
                abs(float(row["realisasi"])),
                f"{k}: daftar variabel vs Tabel 3.3",
                f"{k}: variable list vs Tabel 3.3",
                "orang",
                dataset="pyb_variable",
            )


@rule(
    "same.T3.3_T3.4",
    kind="same",
    tables=("Tabel 3.3", "Tabel 3.4"),
    datasets=("pyb_program", "job_creation"),
    severity="error",
    page="ss1",
    description=(
        "PyB Vokasi dan PyB Penta (Tabel 3.3) = baris 1 dan 2 Tabel 3.4.",
        "PyB Vokasi and PyB Penta (Tabel 3.3) = rows 1 and 2 of Tabel 3.4.",
    ),
)
def _t33_vs_t34(ctx: Context) -> Iterator[Outcome]:
    p, j = ctx.get("pyb_program"), ctx.get("job_creation")
    for komponen, kode in (("pyb_vokasi", "1"), ("pyb_penta", "2")):
        a = p.loc[p["komponen"] == komponen, "realisasi"]
        b = j.loc[j["kode"] == kode, "realisasi"]
        if a.empty or b.empty:
            continue
        yield _exact(
            komponen,
            a.iloc[0],
            b.iloc[0],
            f"{komponen}: Tabel 3.3 vs Tabel 3.4 baris {kode}",
            f"{komponen}: Tabel 3.3 vs Tabel 3.4 row {kode}",
            "orang",
        )


@rule(
    "same.ss1_formula",
    kind="same",
    tables=("Bab 3.2.1", "Tabel 3.2"),
    datasets=("pyb_variable", "printed_figure", "ikss_capaian"),
    severity="error",
    page="ss1",
    description=(
        "P (kontribusi terhadap produktivitas) dihitung ulang dari variabelnya = P yang dicetak (Bab 3.2.1) "
        "= realisasi SS-1 (Tabel 3.2).",
        "P (productivity contribution) recomputed from its variables = the printed P (Bab 3.2.1) = the SS-1 "
        "actual (Tabel 3.2).",
    ),
)
def _ss1_formula(ctx: Context) -> Iterator[Outcome]:
    v = ctx.get("pyb_variable")
    if v.empty:
        return
    try:
        x = productivity.inputs_from_variables(v, "perhitungan")
    except KeyError:
        return
    p = productivity.productivity_contribution_pct(x)
    fig = "B3.2.1.perhitungan.p"
    yield pct_outcome(
        fig,
        ctx.printed(fig),
        p,
        2,
        "P dihitung ulang dari variabel rumus terhitung",
        "P recomputed from the worked formula's variables",
        dataset="printed_figure",
        tables=("Bab 3.2.1",),
    )
    ic = ctx.get("ikss_capaian")
    hit = ic.loc[ic["ikss_code"] == "produktivitas", "realisasi"]
    if not hit.empty:
        yield pct_outcome(
            "produktivitas",
            _f(hit.iloc[0]),
            p,
            2,
            "realisasi SS-1 (Tabel 3.2) vs P dihitung ulang",
            "SS-1 actual (Tabel 3.2) vs P recomputed",
            dataset="ikss_capaian",
            tables=("Tabel 3.2", "Bab 3.2.1"),
        )


# ---------------------------------------------------------------- Tabel 3.2 repeated elsewhere


IKSS_FIGURES: dict[str, dict[str, list[str]]] = {
    "produktivitas": {
        "target": ["T2.2.target.produktivitas", "RE.ss1_target", "B3.2.1.ss1_target", "B4.ss1_target"],
        "realisasi": [
            "RE.ss1_realisasi",
            "B3.2.1.ss1_realisasi",
            "B3.2.1.ss1_realisasi_narasi",
            "B4.ss1_realisasi",
            "B3.2.1.perhitungan.p",
        ],
        "capaian_pct": ["RE.ss1_capaian", "B3.1.ss1_capaian", "B3.2.1.ss1_capaian", "B4.ss1_capaian"],
    },
    "indeks_rb": {
        "target": ["T2.2.target.indeks_rb", "RE.rb_target", "B4.rb_target"],
        "realisasi": [
            "RE.rb_realisasi",
            "B4.rb_realisasi",
            "B3.2.2.rb.indeks",
            "T3.16.indeks_rb.nilai",
            "T3.17.total.skor_bobot",
            "L7.text.indeks_rb",
            "L7.indeks_rb.nilai",
        ],
        "capaian_pct": ["RE.rb_capaian", "B4.rb_capaian", "B3.2.2.intro.rb.capaian_pct"],
    },
    "opini_bpk": {
        "capaian_pct": ["RE.bpk_capaian", "B4.bpk_capaian"],
        "target_text": ["T2.2.target.opini_bpk", "RE.bpk_target"],
        "realisasi_text": ["RE.bpk_target", "B4.bpk_realisasi", "B3.2.2.intro.opini_bpk", "B3.2.2.opini_bpk.lk_prev"],
    },
    "indeks_spbe": {
        "target": ["T2.2.target.indeks_spbe", "RE.spbe_target", "B4.spbe_target", "B3.2.2.spbe.target"],
        "realisasi": [
            "RE.spbe_realisasi",
            "B4.spbe_realisasi",
            "B3.2.2.spbe.indeks",
            "B3.2.2.gambar3.7.indeks",
            "T3.19.spbe.nilai",
            "L8.indeks_spbe",
        ],
        "capaian_pct": [
            "RE.spbe_capaian",
            "B4.spbe_capaian",
            "B3.2.2.spbe.capaian_pct",
            "B3.2.2.intro.spbe.capaian_pct",
        ],
    },
}
"""Figures the narrative, chapter IV, the executive summary and other tables repeat from Tabel 3.2.

``B3.2.2.opini_bpk.lk_prev`` is the opinion on the previous year's financial statements: the
opinion the report year's Tabel 3.2 counts as its actual.
"""


@rule(
    "same.ikss",
    kind="same",
    tables=("Tabel 3.2", "Ringkasan Eksekutif", "Bab 3", "Bab IV"),
    datasets=("printed_figure", "ikss_capaian"),
    severity="error",
    page="ringkasan",
    description=(
        "Target, realisasi dan capaian IKSS yang diulang di narasi, Bab IV, Ringkasan Eksekutif = Tabel 3.2.",
        "IKSS targets, actuals and achievements repeated in the narrative, chapter IV, executive summary = Tabel 3.2.",
    ),
)
def _ikss_repeats(ctx: Context) -> Iterator[Outcome]:
    ic = ctx.get("ikss_capaian").set_index("ikss_code")
    for code, columns in IKSS_FIGURES.items():
        if code not in ic.index:
            continue
        for col, figures in columns.items():
            ref = ic.loc[code, col]
            for fig in figures:
                if col.endswith("_text"):
                    printed = ctx.printed_text(fig)
                    if printed is None or pd.isna(ref):
                        continue
                    yield Outcome(
                        fig,
                        printed,
                        str(ref),
                        f"{ctx.figure_label(fig)} vs Tabel 3.2 ({col})",
                        f"{fig} vs Tabel 3.2 ({col})",
                        unit="text",
                        dataset="printed_figure",
                    )
                else:
                    printed = ctx.printed(fig)
                    unit: Unit = "pct" if col == "capaian_pct" or code == "produktivitas" else "num"
                    yield Outcome(
                        fig,
                        printed,
                        _f(ref),
                        f"{ctx.figure_label(fig)} vs Tabel 3.2 ({col})",
                        f"{fig} vs Tabel 3.2 ({col})",
                        unit=unit,
                        tol=EPS * 1000,
                        dataset="printed_figure",
                    )


@rule(
    "same.pk_target",
    kind="same",
    tables=("Lampiran 1-4", "Tabel 3.2"),
    datasets=("pk_target", "ikss_capaian"),
    severity="error",
    page="ringkasan",
    description=(
        "Target IKSS di PK (Lampiran 1-4) = target Tabel 3.2.",
        "IKSS targets in the PK (Lampiran 1-4) = Tabel 3.2.",
    ),
)
def _pk_target(ctx: Context) -> Iterator[Outcome]:
    ic = ctx.get("ikss_capaian").set_index("ikss_code")
    pk = ctx.get("pk_target")
    for _, row in pk.iterrows():
        code = row["ikss_code"]
        if code not in ic.index:
            continue
        key = f"{row['revisi']}/{code}"
        if pd.notna(row["target_text"]):
            yield Outcome(
                key,
                str(row["target_text"]),
                str(ic.loc[code, "target_text"]),
                f"target {code} PK {row['revisi']} vs Tabel 3.2",
                f"target {code} PK {row['revisi']} vs Tabel 3.2",
                unit="text",
            )
        else:
            yield _exact(
                key,
                row["target"],
                ic.loc[code, "target"],
                f"target {code} PK {row['revisi']} vs Tabel 3.2",
                f"target {code} PK {row['revisi']} vs Tabel 3.2",
            )


YOY_FIGURES = (
    ("B3.1.ss1_kenaikan", "produktivitas", "pct"),
    ("B3.1.rb_kenaikan", "indeks_rb", "num"),
    ("B3.2.2.rb.kenaikan_poin", "indeks_rb", "num"),
    ("B3.1.spbe_kenaikan", "indeks_spbe", "num"),
    ("B3.2.2.spbe.kenaikan", "indeks_spbe", "num"),
)
"""Printed changes of an IKSS actual against the previous year (Tabel 3.2)."""


@rule(
    "same.yoy",
    kind="same",
    tables=("Bab 3.1", "Bab 3.2.2"),
    datasets=("printed_figure", "ikss_capaian", "spbe_domain"),
    severity="error",
    page="ss2",
    description=(
        "Kenaikan/penurunan yang disebut narasi = selisih nilai kedua tahun (Tabel 3.2, Tabel 3.19).",
        "Increases/decreases named in the narrative = difference of both years' values (Tabel 3.2, Tabel 3.19).",
    ),
)
def _yoy(ctx: Context) -> Iterator[Outcome]:
    """Year-on-year changes the narrative prints, recomputed from Tabel 3.2 and Tabel 3.19."""
    if ctx.year is None:
        return
    ic = ctx.get("ikss_capaian", "all")
    y = ctx.year
    val = {(r.ikss_code, int(r.year)): _f(r.realisasi) for r in ic.itertuples()}
    for fig, code, unit in YOY_FIGURES:
        a, b = val.get((code, y)), val.get((code, y - 1))
        if a is None or b is None:
            continue
        yield Outcome(
            fig,
            ctx.printed(fig),
            a - b,
            ctx.figure_label(fig),
            fig,
            unit=unit,
            tol=tolerance(2),
            dataset="printed_figure",
            decimals=2,
        )
    d = ctx.get("spbe_domain", "all")
    dv = {(r.code, int(r.year)): _f(r.nilai) for r in d.itertuples()}
    for code in ("D1", "D2", "D3", "D4"):
        a, b = dv.get((code, y)), dv.get((code, y - 1))
        if a is None or b is None:
            continue
        # the narrative words a domain's change as an increase or a decrease: check whichever it prints
        worded = [(f"B3.2.2.spbe.{code}.{w}", sign) for w, sign in (("kenaikan", 1), ("penurunan", -1))]
        found = [(fig, sign) for fig, sign in worded if ctx.is_printed(fig)]
        if not found:
            ctx.printed(worded[0][0] if a >= b else worded[1][0])  # not printed (yet): remembered
        for fig, sign in found:
            yield Outcome(
                fig,
                ctx.printed(fig),
                sign * (a - b),
                ctx.figure_label(fig),
                fig,
                unit="num",
                tol=tolerance(2),
                dataset="printed_figure",
                tables=("Bab 3.2.2", "Tabel 3.19"),
                decimals=2,
            )


# ---------------------------------------------------------------- SS-2: RB and SPBE indices


@rule(
    "same.rb",
    kind="same",
    tables=("Tabel 3.16", "Tabel 3.17", "Lampiran 7", "Tabel 3.2"),
    datasets=("rb_component", "rb_indicator", "rb_history", "ikss_capaian", "printed_figure"),
    severity="error",
    page="ss2",
    description=(
        "Indeks RB = RB General + RB Tematik; nilai komponen = jumlah skor bobot indikatornya; sama di Tabel 3.2 "
        "dan Lampiran 7.",
        "RB index = RB General + RB Tematik; component value = sum of its indicators' weighted scores; same in "
        "Tabel 3.2 and Lampiran 7.",
    ),
)
def _rb_index(ctx: Context) -> Iterator[Outcome]:
    comp, ind = ctx.get("rb_component"), ctx.get("rb_indicator")
    if comp.empty:
        return
    idx = rb.rb_index(comp)
    vals = rb.component_values(ind) if not ind.empty else pd.Series(dtype=float)
    for _, row in comp.iterrows():
        if row["code"] in vals.index:
            yield Outcome(
                str(row["code"]),
                _f(row["nilai"]),
                float(vals[row["code"]]),
                f"nilai {row['name']} (Tabel 3.16) vs jumlah skor bobot indikatornya (Tabel 3.17)",
                f"{row['code']} value (Tabel 3.16) vs sum of its indicators' weighted scores (Tabel 3.17)",
                tol=tolerance(2),
                dataset="rb_component",
                decimals=2,
            )
    hist = ctx.get("rb_history")
    for _, row in hist.iterrows():
        yield Outcome(
            str(row["tahun_evaluasi"]),
            _f(row["indeks"]),
            idx,
            "Indeks RB (riwayat Tabel 3.2) vs jumlah komponen",
            "RB index (Tabel 3.2 history) vs sum of components",
            tol=tolerance(2),
            dataset="rb_history",
            decimals=2,
        )
    ic = ctx.get("ikss_capaian")
    hit = ic.loc[ic["ikss_code"] == "indeks_rb", "realisasi"]
    if not hit.empty:
        yield Outcome(
            "indeks_rb",
            _f(hit.iloc[0]),
            idx,
            "realisasi Indeks RB (Tabel 3.2) vs jumlah komponen (Tabel 3.16)",
            "RB index actual (Tabel 3.2) vs sum of components (Tabel 3.16)",
            tol=tolerance(2),
            dataset="ikss_capaian",
            decimals=2,
        )
    for fig, code in (
        ("L7.rb_general.nilai", "GENERAL"),
        ("L7.rb_tematik.nilai", "TEMATIK"),
        ("L7.rb_general.bobot", "GENERAL"),
        ("L7.rb_tematik.bobot", "TEMATIK"),
    ):
        col = fig.rsplit(".", 1)[1]
        ref = comp.loc[comp["code"] == code, col]
        if not ref.empty:
            yield _exact(
                fig,
                ctx.printed(fig),
                ref.iloc[0],
                f"{ctx.figure_label(fig)} vs Tabel 3.16",
                f"{fig} vs Tabel 3.16",
                dataset="printed_figure",
            )


@rule(
    "same.spbe",
    kind="same",
    tables=("Lampiran 8", "Tabel 3.19"),
    datasets=("spbe_indicator", "spbe_aspect", "spbe_domain", "spbe_predikat", "printed_figure"),
    severity="error",
    page="ss2",
    description=(
        "Indeks SPBE dihitung ulang dari 47 tingkat indikator (aspek = rata-rata indikator, indeks = Σ bobot × "
        "aspek) = indeks, aspek, domain dan predikat yang dicetak.",
        "SPBE index recomputed from the 47 indicator levels (aspect = mean of indicators, index = Σ weight × "
        "aspect) = the printed index, aspects, domains and predikat.",
    ),
)
def _spbe(ctx: Context) -> Iterator[Outcome]:
    ind, asp, dom = ctx.get("spbe_indicator"), ctx.get("spbe_aspect"), ctx.get("spbe_domain")
    if ind.empty or asp.empty or asp["bobot_pct"].isna().any():
        return
    idx = spbe.spbe_index(ind, asp)
    tab = ("Lampiran 8", "Tabel 3.19")
    for fig in ("T3.19.spbe.nilai", "L8.indeks_spbe", "B3.2.2.spbe.indeks"):
        yield Outcome(
            fig,
            ctx.printed(fig),
            idx,
            f"{ctx.figure_label(fig)} vs indeks dari 47 tingkat indikator",
            f"{fig} vs index from the 47 indicator levels",
            tol=tolerance(2),
            dataset="printed_figure",
            tables=tab,
            decimals=4,
        )
    yield Outcome(
        "L8.ringkasan.indeks_spbe",
        ctx.printed("L8.ringkasan.indeks_spbe"),
        idx,
        "indeks SPBE 4 desimal vs indeks dari 47 tingkat indikator",
        "4-decimal SPBE index vs index from the 47 indicator levels",
        tol=tolerance(4),
        dataset="printed_figure",
        tables=tab,
        decimals=4,
    )
    aspects = spbe.aspect_values(ind)
    for _, row in asp.iterrows():
        if row["code"] in aspects.index:
            yield Outcome(
                str(row["code"]),
                _f(row["nilai"]),
                float(aspects[row["code"]]),
                f"nilai aspek {row['code']} {row['name']} vs rata-rata tingkat indikatornya",
                f"aspect {row['code']} value vs mean of its indicator levels",
                tol=tolerance(2),
                dataset="spbe_aspect",
                tables=tab,
                decimals=4,
            )
    if not dom.empty and dom["bobot_pct"].notna().all():
        domains = spbe.domain_values(ind, asp)
        for _, row in dom.iterrows():
            if row["code"] in domains.index:
                yield Outcome(
                    str(row["code"]),
                    _f(row["nilai"]),
                    float(domains[row["code"]]),
                    f"nilai domain {row['code']} {row['name']} vs aspek-aspeknya",
                    f"domain {row['code']} value vs its aspects",
                    tol=tolerance(2),
                    dataset="spbe_domain",
                    tables=tab,
                    decimals=4,
                )
        yield Outcome(
            "T3.19.index_from_domains",
            ctx.printed("T3.19.spbe.nilai"),
            spbe.index_from_domains(dom),
            "indeks SPBE tercetak vs dari nilai domain tercetak",
            "printed SPBE index vs from the printed domain values",
            tol=tolerance(2),
            dataset="printed_figure",
            tables=("Tabel 3.19",),
            decimals=4,
        )
    bands = ctx.get("spbe_predikat", "all")
    bands = bands[bands["year"] == bands["year"].max()] if "year" in bands else bands
    if not bands.empty:
        for fig in ("L8.predikat_spbe", "B3.2.2.spbe.predikat", "L8.ringkasan.predikat_spbe"):
            printed = ctx.printed_text(fig)
            if printed is not None:
                yield Outcome(
                    fig,
                    printed,
                    spbe.predikat(idx, bands),
                    f"{ctx.figure_label(fig)} vs predikat dari indeks",
                    f"{fig} vs predikat of the index",
                    unit="text",
                    dataset="printed_figure",
                    tables=tab,
                )


# ---------------------------------------------------------------- budget


@rule(
    "same.budget",
    kind="same",
    tables=("Bab 3.3", "Bab IV", "Ringkasan Eksekutif", "Tabel 3.20", "Tabel 3.22"),
    datasets=("printed_figure", "budget_program", "budget_blokir"),
    severity="error",
    page="anggaran",
    description=(
        "Pagu, realisasi, blokir dan penyerapan yang diulang di narasi = Tabel 3.20 dan 3.22.",
        "Budget, actual, blokir and absorption repeated in the narrative = Tabel 3.20 and 3.22.",
    ),
)
def _budget_repeats(ctx: Context) -> Iterator[Outcome]:
    bp, bb = ctx.get("budget_program"), ctx.get("budget_blokir")
    if bp.empty:
        return
    pagu, real = _sum(bp, "pagu_rp"), _sum(bp, "realisasi_rp")
    blok = _sum(bb, "blokir_rp")
    before = ctx.year_before()
    pagu_prev = None if before is None else _sum(ctx.get("budget_program", before), "pagu_rp")
    groups: list[tuple[list[str], float | None, Unit, int | None]] = [
        (
            [
                "B3.3.pagu_rp",
                "B3.3.pagu_rp_2",
                "B4.budget.pagu_rp",
                "B4.pagu_rp",
                "RE.budget.pagu_rp",
                "RE.budget.pagu_rp_2",
                "RE.pagu_rp",
                "RE.pagu_rp_ulang",
            ],
            pagu,
            "rp",
            None,
        ),
        (
            [
                "B3.3.realisasi_rp",
                "B4.budget.realisasi_rp",
                "B4.realisasi_rp",
                "RE.budget.realisasi_rp",
                "RE.realisasi_rp",
            ],
            real,
            "rp",
            None,
        ),
        (
            [
                "B3.3.penyerapan_pct",
                "B3.4.penyerapan_pct",
                "B4.budget.penyerapan_pct",
                "B4.penyerapan_pct",
                "RE.budget.penyerapan_pct",
                "RE.penyerapan_pct",
            ],
            capaian.ratio_pct(real, pagu),
            "pct",
            2,
        ),
        (["B3.3.blokir_rp"], blok, "rp", None),
        (
            [
                "B4.budget.pagu_excl_blokir_rp",
                "B4.pagu_tanpa_blokir_rp",
                "RE.budget.pagu_excl_blokir_rp",
                "RE.pagu_tanpa_blokir_rp",
            ],
            None if blok is None else pagu - blok,
            "rp",
            None,
        ),
        (
            [
                "B4.budget.penyerapan_excl_blokir_pct",
                "B4.penyerapan_tanpa_blokir_pct",
                "RE.budget.penyerapan_excl_blokir_pct",
                "RE.penyerapan_tanpa_blokir_pct",
            ],
            None if blok is None else capaian.ratio_pct(real, pagu - blok),
            "pct",
            2,
        ),
        (["B3.3.target_penyerapan_pct_2"], ctx.printed("B3.3.target_penyerapan_pct"), "pct", None),
        (["B3.3.kenaikan_pagu_rp"], None if pagu_prev is None else pagu - pagu_prev, "rp", None),
        (
            ["B3.3.penurunan_pagu_excl_blokir_rp"],
            None if pagu_prev is None or blok is None else pagu_prev - (pagu - blok),
            "rp",
            None,
        ),
    ]
    for figures, ref, unit, decimals in groups:
        for fig in figures:
            if decimals is not None:
                yield pct_outcome(
                    fig,
                    ctx.printed(fig),
                    ref,
                    decimals,
                    f"{ctx.figure_label(fig)} vs Tabel 3.20-3.22",
                    f"{fig} vs Tabel 3.20-3.22",
                    dataset="printed_figure",
                )
            else:
                yield _exact(
                    fig,
                    ctx.printed(fig),
                    ref,
                    f"{ctx.figure_label(fig)} vs Tabel 3.20-3.22",
                    f"{fig} vs Tabel 3.20-3.22",
                    unit,
                    dataset="printed_figure",
                )


@rule(
    "same.pk_pagu",
    kind="same",
    tables=("Tabel 2.3", "Lampiran 1-4"),
    datasets=("pk_pagu_program", "budget_program"),
    severity="error",
    page="anggaran",
    description=(
        "Pagu program di Tabel 2.3 = dokumen PK (Lampiran 1-4); PK Desember = Tabel 3.20.",
        "Programme budgets in Tabel 2.3 = the PK documents (Lampiran 1-4); December PK = Tabel 3.20.",
    ),
)
def _pk_pagu(ctx: Context) -> Iterator[Outcome]:
    pk = ctx.get("pk_pagu_program")
    t23 = pk[pk["sumber"] == "Tabel 2.3"].set_index(["revisi", "program_code"])["pagu_rp"]
    for _, row in pk[pk["sumber"] != "Tabel 2.3"].iterrows():
        key = (row["revisi"], row["program_code"])
        if key in t23.index:
            yield _exact(
                f"{row['revisi']}/{row['program_code']}/{row['sumber']}",
                row["pagu_rp"],
                t23[key],
                f"pagu {row['program_code']} PK {row['revisi']}: {row['sumber']} vs Tabel 2.3",
                f"budget {row['program_code']} PK {row['revisi']}: {row['sumber']} vs Tabel 2.3",
                "rp",
            )
    bp = ctx.get("budget_program").set_index("program_code")["pagu_rp"]
    for (revisi, program), value in t23.items():
        if revisi == "desember" and program in bp.index:
            yield _exact(
                f"desember/{program}/Tabel 2.3",
                value,
                bp[program],
                f"pagu {program} PK Desember (Tabel 2.3) vs Tabel 3.20",
                f"budget {program} PK December (Tabel 2.3) vs Tabel 3.20",
                "rp",
                tables=("Tabel 2.3", "Tabel 3.20"),
            )


PN_NARRATIVE = {
    "B2.pn3_dl_pagu": ("03", "DL"),
    "B2.pn1_dn_pagu": ("01", "DN"),
    "B2.pn3_dn_pagu": ("03", "DN"),
    "B2.pn7_dn_pagu": ("07", "DN"),
}
"""Bab 2.2 quotes these programme budgets of a PN (pn_code, program_code) from Tabel 2.4."""


@rule(
    "same.pn",
    kind="same",
    tables=("Tabel 2.4", "Lampiran 5"),
    datasets=("pn_realisasi", "pn_item", "printed_figure"),
    severity="error",
    page="pn",
    description=(
        "Pagu dan target output tiap baris PN: Tabel 2.4 = Lampiran 5; narasi Bab 2.2 = Tabel 2.4.",
        "Budget and output target of each PN row: Tabel 2.4 = Lampiran 5; Bab 2.2 narrative = Tabel 2.4.",
    ),
)
def _pn_same(ctx: Context) -> Iterator[Outcome]:
    a, b = ctx.get("pn_item"), ctx.get("pn_realisasi")
    keys = ["level", "pn_code", "program_code", "kegiatan_code", "output_code", "urutan"]
    m = a.merge(b, on=keys, how="inner", suffixes=("_t24", "_l5"))
    for _, row in m.iterrows():
        label = f"{row['level']} {_pn_code(row)}"
        yield _exact(
            str(row["urutan"]),
            row["pagu_rp_t24"],
            row["pagu_rp_l5"],
            f"pagu {label}: Tabel 2.4 vs Lampiran 5",
            f"budget {label}: Tabel 2.4 vs Lampiran 5",
            "rp",
            dataset="pn_realisasi",
        )
        yield _exact(
            str(row["urutan"]),
            row["target_output_t24"],
            row["target_output_l5"],
            f"target output {label}: Tabel 2.4 vs Lampiran 5",
            f"output target {label}: Tabel 2.4 vs Lampiran 5",
            dataset="pn_realisasi",
        )
    if len(a) != len(b):
        yield Outcome(
            "rows",
            float(len(a)),
            float(len(b)),
            "jumlah baris Tabel 2.4 vs Lampiran 5",
            "row count Tabel 2.4 vs Lampiran 5",
            dataset="pn_realisasi",
        )
    pg = a[a["level"] == "program"]
    for fig, (pn, prog) in PN_NARRATIVE.items():
        hit = pg[(pg["pn_code"] == pn) & (pg["program_code"] == prog)]
        yield _exact(
            fig,
            ctx.printed(fig),
            _sum(hit, "pagu_rp"),
            f"{ctx.figure_label(fig)} vs Tabel 2.4",
            f"{fig} vs Tabel 2.4",
            "rp",
            dataset="printed_figure",
            tables=("Bab 2.2", "Tabel 2.4"),
        )
    yield _exact(
        "B2.pn_dn_pagu",
        ctx.printed("B2.pn_dn_pagu"),
        _sum(pg[pg["program_code"] == "DN"], "pagu_rp"),
        ctx.figure_label("B2.pn_dn_pagu"),
        "B2.pn_dn_pagu",
        "rp",
        dataset="printed_figure",
        tables=("Bab 2.2", "Tabel 2.4"),
    )
    yield _exact(
        "B2.pn_total_pagu",
        ctx.printed("B2.pn_total_pagu"),
        _sum(a[a["level"] == "pn"], "pagu_rp"),
        ctx.figure_label("B2.pn_total_pagu"),
        "B2.pn_total_pagu",
        "rp",
        dataset="printed_figure",
        tables=("Bab 2.2", "Tabel 2.4"),
    )


# ---------------------------------------------------------------- Lampiran 6


@rule(
    "same.L6_ch3",
    kind="same",
    tables=("Lampiran 6", "Tabel 3.20", "Tabel 3.21"),
    datasets=("output_capaian", "budget_program", "budget_unit"),
    severity="info",
    page="anggaran",
    description=(
        "Pagu dan realisasi program/unit di Lampiran 6 (Monev Kemenkeu) vs Tabel 3.20/3.21 (OM-SPAN).",
        "Programme/unit budget and actual in Lampiran 6 (Monev Kemenkeu) vs Tabel 3.20/3.21 (OM-SPAN).",
    ),
)
def _l6_vs_ch3(ctx: Context) -> Iterator[Outcome]:
    oc, bp, bu = ctx.get("output_capaian"), ctx.get("budget_program"), ctx.get("budget_unit")
    prog = oc[oc["level"] == "program"]
    bpi = bp.set_index("program_code")
    for _, row in prog.iterrows():
        code = row["program_code"]
        if code not in bpi.index:
            continue
        yield _exact(
            f"{row['urutan']}",
            row["anggaran_rp"],
            bpi.loc[code, "pagu_rp"],
            f"pagu program {code}: Lampiran 6 vs Tabel 3.20",
            f"budget of programme {code}: Lampiran 6 vs Tabel 3.20",
            "rp",
            tables=("Lampiran 6", "Tabel 3.20"),
            severity="error",
        )
        yield Outcome(
            f"{row['urutan']}",
            _f(row["realisasi_rp"]),
            _f(bpi.loc[code, "realisasi_rp"]),
            f"realisasi program {code}: Lampiran 6 vs Tabel 3.20",
            f"actual of programme {code}: Lampiran 6 vs Tabel 3.20",
            unit="rp",
            tol=EPS * 1000,
            tables=("Lampiran 6", "Tabel 3.20"),
            note_id=SOURCE_NOTE[0],
            note_en=SOURCE_NOTE[1],
        )
    rows = _l6_unit_rows(oc)
    per_unit = rows.groupby("unit_code")[["anggaran_rp", "realisasi_rp"]].sum()
    twice = _held_twice(oc, rows)
    bui = bu.set_index("unit_code")
    for unit, row in per_unit.iterrows():
        if unit not in bui.index:
            continue
        yield _exact(
            str(unit),
            row["anggaran_rp"],
            bui.loc[unit, "pagu_rp"],
            f"pagu unit {unit}: Lampiran 6 vs Tabel 3.21",
            f"budget of unit {unit}: Lampiran 6 vs Tabel 3.21",
            "rp",
            tables=("Lampiran 6", "Tabel 3.21"),
            severity="error",
        )
        yield Outcome(
            str(unit),
            _f(row["realisasi_rp"]),
            _f(bui.loc[unit, "realisasi_rp"]),
            f"realisasi unit {unit}: Lampiran 6 vs Tabel 3.21",
            f"actual of unit {unit}: Lampiran 6 vs Tabel 3.21",
            unit="rp",
            tol=EPS * 1000,
            tables=("Lampiran 6", "Tabel 3.21"),
            note_id=SOURCE_NOTE[0],
            note_en=SOURCE_NOTE[1],
            root_cause=twice.get(str(unit)),
        )


def _l6_unit_rows(oc: pd.DataFrame) -> pd.DataFrame:
    """The Lampiran 6 rows that hold a unit's money: its program_unit rows plus kegiatan hung directly under a program."""
    prog_urutan = set(oc.loc[oc["level"] == "program", "urutan"].astype(int))
    direct = oc[(oc["level"] == "kegiatan") & oc["parent_urutan"].isin(prog_urutan)]
    return pd.concat([oc[oc["level"] == "program_unit"], direct])


def _held_twice(oc: pd.DataFrame, rows: pd.DataFrame) -> dict[str, RootCause]:
    """``{unit_code: cause}`` for units whose Lampiran 6 realisasi includes a kegiatan counted twice."""
    twice = l6_double_counts(oc)
    out: dict[str, RootCause] = {}
    for u, unit in zip(rows["urutan"].astype(int), rows["unit_code"], strict=True):
        hit = twice.get((u, "realisasi_rp"))
        if hit is not None and hit[2]:
            out.setdefault(str(unit), hit[0])
    return out


@rule(
    "same.L6_ch3.total",
    kind="same",
    tables=("Lampiran 6", "Tabel 3.20", "Tabel 3.21"),
    datasets=("output_capaian", "budget_program", "budget_unit"),
    severity="info",
    page="anggaran",
    description=(
        "Total Lampiran 6 (Monev Kemenkeu; jumlah baris program, jumlah baris program per unit) vs TOTAL Tabel 3.20 "
        "dan 3.21 (OM-SPAN): pagu harus sama, selisih realisasi dicatat dengan sumbernya.",
        "Lampiran 6 totals (Monev Kemenkeu; sum of the programme rows, sum of the programme-per-unit rows) vs the "
        "TOTAL of Tabel 3.20 and 3.21 (OM-SPAN): budgets must agree, a difference in actuals is noted with its source.",
    ),
)
def _l6_totals_vs_ch3(ctx: Context) -> Iterator[Outcome]:
    """The grand totals of both sources, as their own findings beside the per-programme and per-unit ones."""
    oc, bp, bu = ctx.get("output_capaian"), ctx.get("budget_program"), ctx.get("budget_unit")
    units = _l6_unit_rows(oc)
    twice = _held_twice(oc, units)
    for key, l6, table, ch3, what in (
        ("program", oc[oc["level"] == "program"], "Tabel 3.20", bp, ("baris program", "programme rows")),
        ("unit", units, "Tabel 3.21", bu, ("baris program per unit", "programme-per-unit rows")),
    ):
        if l6.empty or ch3.empty:
            continue
        for col, ch3_col in (("anggaran_rp", "pagu_rp"), ("realisasi_rp", "realisasi_rp")):
            money = ("pagu", "budget") if col == "anggaran_rp" else ("realisasi", "actual")
            label = (
                f"{money[0]} total Lampiran 6 (Monev Kemenkeu, jumlah {what[0]}) vs TOTAL {table} (OM-SPAN)",
                f"total {money[1]} of Lampiran 6 (Monev Kemenkeu, sum of the {what[1]}) vs {table} TOTAL (OM-SPAN)",
            )
            cause = None
            if key == "unit" and col == "realisasi_rp" and twice:
                cause = next(iter(twice.values()))
            yield Outcome(
                f"{key}.{col}",
                _sum(l6, col),
                _sum(ch3, ch3_col),
                *label,
                unit="rp",
                tol=EPS * 1000,
                tables=("Lampiran 6", table),
                severity="error" if col == "anggaran_rp" else None,
                note_id="" if col == "anggaran_rp" else SOURCE_NOTE[0],
                note_en="" if col == "anggaran_rp" else SOURCE_NOTE[1],
                root_cause=cause,
            )


def _only_kegiatan(oc: pd.DataFrame) -> dict[int, int]:
    """``{program_unit urutan: its kegiatan urutan}`` for the programme-per-unit rows that hold exactly one kegiatan."""
    keg = oc[(oc["level"] == "kegiatan") & oc["parent_urutan"].notna()]
    counts = keg.groupby("parent_urutan")["urutan"].agg(list)
    return {int(pu): int(kids[0]) for pu, kids in counts.items() if len(kids) == 1}


@rule(
    "same.L6.ikp_ikk",
    kind="same",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="error",
    page="output",
    description=(
        "Indikator yang sama di baris IKP (program per unit) dan IKK (kegiatan satu-satunya unit itu) = angka yang "
        "sama; unit dengan beberapa kegiatan tidak dibandingkan.",
        "The same indicator on the IKP row (programme per unit) and the IKK row (the unit's only activity) = same "
        "figures; units with several activities are not compared.",
    ),
)
def _ikp_ikk(ctx: Context) -> Iterator[Outcome]:
    """The same indicator printed as IKP (programme per unit) and as IKK (its only kegiatan) must carry the same figures.

    The claim holds only where the unit has one kegiatan: an IKP of a unit with several kegiatan
    may add them up, so it is checked first. An IKK row that disagrees because its kegiatan's IKK
    figures are shifted by one row (``same.L6.ikk_shift``) names the shift as its root cause.
    """
    oc = ctx.get("output_capaian")
    by = oc.set_index("urutan")
    parent = dict(zip(oc["urutan"].astype(int), oc["parent_urutan"], strict=True))
    only = _only_kegiatan(oc)
    shifted = {u: cause for first, last, cause, moved, _ in _ikk_groups(oc) if moved for u in range(first, last + 1)}

    def grand(u: int) -> int | None:
        p = parent.get(u)
        return None if pd.isna(p) else parent.get(int(p))

    ikp = oc[oc["level"] == "ikp"]
    ikk = oc[oc["level"] == "ikk"]
    for _, row in ikk.iterrows():
        keg = grand(int(row["urutan"]))
        if keg is None or pd.isna(keg):
            continue
        pu = by.loc[int(keg), "parent_urutan"] if int(keg) in by.index else None
        if pu is None or pd.isna(pu) or only.get(int(pu)) != int(keg):
            continue  # the kegiatan is not the only one of its unit: the IKP need not repeat it
        twins = ikp[
            (ikp["name"].map(_norm) == _norm(row["name"]))
            & ikp["urutan"].map(lambda u, pu=pu: grand(int(u)) == int(pu))
        ]
        for _, twin in twins.iterrows():
            name = str(row["name"])
            for col in ("target", "realisasi"):
                a, b = _f(twin[col]), _f(row[col])
                if a is None and b is None:
                    continue
                yield Outcome(
                    f"{row['urutan']}",
                    b if b is not None else "–",
                    a if a is not None else "–",
                    f"«{name}» {col}: IKK kegiatan {row['kegiatan_code']} (baris {row['urutan']}) vs IKP "
                    f"{twin['unit_code']} (baris {twin['urutan']})",
                    f"«{name}» {col}: IKK of activity {row['kegiatan_code']} (row {row['urutan']}) vs IKP "
                    f"{twin['unit_code']} (row {twin['urutan']})",
                    tol=unit_tolerance(indicator_unit(name)),
                    root_cause=shifted.get(int(row["urutan"])),
                )


def _near(a: tuple[float | None, ...], b: tuple[float | None, ...]) -> bool:
    """Equal pairs of figures at the precision they are printed with: 94 for 93,99 (a whole print ± 0,5), else ± 0,005."""

    def close(x: float, y: float) -> bool:
        return abs(x - y) <= (tolerance(0) if is_whole(x) or is_whole(y) else tolerance(2))

    return all((x is None) == (y is None) and (x is None or close(x, y)) for x, y in zip(a, b, strict=True))


def _ikk_groups(oc: pd.DataFrame) -> Iterator[tuple[int, int, RootCause, bool, str]]:
    """Each kegiatan's IKK rows beside its unit's IKP rows of the same names: ``(first, last, cause, shifted, code)``.

    ``shifted``: every IKK row carries the next IKP's target and realisasi and the last is empty
    (printed one row too high). ``cause`` names the group, for the findings it explains.
    """
    ikk = oc[oc["level"] == "ikk"]
    for sk, rows in ikk.groupby("parent_urutan"):
        rows = rows.sort_values("urutan")
        vals = [(_f(t), _f(r)) for t, r in zip(rows["target"], rows["realisasi"], strict=True)]
        if len(vals) < 3:
            continue
        keg = oc.loc[oc["urutan"] == int(sk), "parent_urutan"]
        keg_code = str(rows["kegiatan_code"].iloc[0])
        # the twin IKP rows of the same unit, in order, are the reference when they exist
        ikp = oc[
            (oc["level"] == "ikp")
            & (oc["unit_code"] == rows["unit_code"].iloc[0])
            & (oc["program_code"] == rows["program_code"].iloc[0])
        ].sort_values("urutan")
        ref = [(_f(t), _f(r)) for t, r in zip(ikp["target"], ikp["realisasi"], strict=True)]
        names_match = [_norm(n) for n in ikp["name"]] == [_norm(n) for n in rows["name"]]
        if keg.empty or not names_match:
            continue
        shifted = (
            len(ref) == len(vals)
            and vals[-1] == (None, None)
            and all(_near(vals[i], ref[i + 1]) for i in range(len(vals) - 1))
            and not all(_near(vals[i], ref[i]) for i in range(len(vals)))
        )
        first, last = int(rows["urutan"].iloc[0]), int(rows["urutan"].iloc[-1])
        cause = RootCause(
            f"output_capaian/{first}",
            f"angka IKK kegiatan {keg_code} (Lampiran 6 baris {first}-{last}) tercetak satu baris terlalu tinggi",
            f"the IKK figures of activity {keg_code} (Lampiran 6 rows {first}-{last}) are printed one row too high",
        )
        yield first, last, cause, shifted, keg_code


@rule(
    "same.L6.ikk_shift",
    kind="same",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="error",
    page="output",
    description=(
        "Angka IKK tidak bergeser satu baris terhadap indikatornya.",
        "IKK figures are not shifted by one row against their indicators.",
    ),
)
def _ikk_shift(ctx: Context) -> Iterator[Outcome]:
    """IKK rows whose figures are the next indicator's (target, realisasi): printed one row too high."""
    for first, last, _, shifted, keg_code in _ikk_groups(ctx.get("output_capaian")):
        yield Outcome(
            str(first),
            "bergeser" if shifted else "sejajar",
            "sejajar",
            "",
            "",
            unit="text",
            text_id=f"IKK kegiatan {keg_code} (baris {first}-{last}): tiap baris memuat target dan realisasi "
            "indikator IKP berikutnya — angka IKK tercetak satu baris terlalu tinggi dan baris terakhir kosong.",
            text_en=f"IKK of activity {keg_code} (rows {first}-{last}): each row carries the target and actual "
            "of the next IKP indicator — the IKK figures are printed one row too high and the last row is empty.",
        )


@rule(
    "same.L6.ikss",
    kind="same",
    tables=("Lampiran 6", "Tabel 3.2"),
    datasets=("output_capaian", "ikss_capaian", "ikss"),
    severity="error",
    page="output",
    description=(
        "Target dan realisasi IKSS di Lampiran 6 = Tabel 3.2.",
        "IKSS target and actual in Lampiran 6 = Tabel 3.2.",
    ),
)
def _l6_ikss(ctx: Context) -> Iterator[Outcome]:
    oc, ic, meta = ctx.get("output_capaian"), ctx.get("ikss_capaian"), ctx.get("ikss")
    code_of = {_norm(n): c for n, c in zip(meta["name"], meta["code"], strict=True)}
    ici = ic.set_index("ikss_code")
    for _, row in oc[oc["level"] == "ikss"].iterrows():
        code = code_of.get(_norm(row["name"]))
        if code is None or code not in ici.index:
            continue
        for col in ("target", "realisasi"):
            yield _exact(
                str(row["urutan"]),
                row[col],
                ici.loc[code, col],
                f"{code} {col}: Lampiran 6 vs Tabel 3.2",
                f"{code} {col}: Lampiran 6 vs Tabel 3.2",
            )
        for col in ("target_text", "realisasi_text"):
            if pd.notna(row[col]) and pd.notna(ici.loc[code, col]):
                yield Outcome(
                    str(row["urutan"]),
                    str(row[col]),
                    str(ici.loc[code, col]),
                    f"{code} {col}: Lampiran 6 vs Tabel 3.2",
                    f"{code} {col}: Lampiran 6 vs Tabel 3.2",
                    unit="text",
                )


# ---------------------------------------------------------------- the SS-1 narrative


BLKK_COUNTS = ("mandiri", "berkembang", "tumbuh")
"""BLK Komunitas counts by maturity the narrative quotes for the report year and the year before (Tabel 3.8)."""


@rule(
    "same.ss1_narasi",
    kind="same",
    tables=("Bab 3.2.1",),
    datasets=(
        "printed_figure",
        "pyb_program",
        "pyb_variable",
        "job_creation",
        "placement_domestic",
        "wlkp_company",
        "labour_force_bps",
        "training_uptp",
        "kejuruan",
        "blk_komunitas_trend",
    ),
    severity="error",
    page="ss1",
    description=(
        "Angka narasi Bab 3.2.1 = tabel sumbernya (Tabel 3.3-3.15); JUMLAH Tabel 3.7 = Tabel 3.8.",
        "Bab 3.2.1 narrative figures = their source tables (Tabel 3.3-3.15); Tabel 3.7 JUMLAH = Tabel 3.8.",
    ),
)
def _ss1_narrative(ctx: Context) -> Iterator[Outcome]:
    """Bab 3.2.1 figures that repeat Tabel 3.3-3.15 or the SS-1 variables."""
    p, y = ctx.printed, ctx.year
    before = ctx.year_before()
    pp = ctx.get("pyb_program")
    jc = ctx.get("job_creation")
    tr = _sum(pp, "realisasi")
    irisan = _pyb(ctx, "pyb_irisan")
    delta_pyb = _var(ctx, "delta_pyb")
    items: list[tuple[str, float | None, Unit, str]] = [
        ("B3.2.1.intervensi_total", tr, "orang", "Tabel 3.3"),
        ("B3.2.1.pyb_capaian", capaian.ratio_pct(tr, _sum(pp, "target")), "pct", "Tabel 3.3"),
        ("B3.2.1.tenaga_kerja_baru", _sum(jc[jc["parent_kode"].isna()], "realisasi"), "orang", "Tabel 3.4"),
        ("B3.2.1.pyb_irisan", None if irisan is None else abs(irisan), "orang", "Tabel 3.3"),
        (
            "B3.2.1.pekerja_dibina",
            _plus(_pyb(ctx, "pyb_phi"), _pyb(ctx, "pyb_binwas"), irisan),
            "orang",
            "Tabel 3.3",
        ),
        ("B3.2.1.delta_pyb_juta", None if delta_pyb is None else delta_pyb / 1e6, "num", "Bab 3.2.1"),
    ]
    hit = pp.loc[pp["komponen"] == "pyb_vokasi", "capaian_pct"]
    items.append(("B3.2.1.pyb_vokasi_capaian", None if hit.empty else _f(hit.iloc[0]), "pct", "Tabel 3.3"))
    hit = pp.loc[pp["komponen"] == "pyb_vokasi", "delta_pct"]
    items.append(
        (
            "B3.2.1.pyb_vokasi_penurunan",
            None if hit.empty or _f(hit.iloc[0]) is None else -_f(hit.iloc[0]),
            "pct",
            "Tabel 3.3",
        )
    )
    pdm = ctx.get("placement_domestic")
    items.append(("B3.2.1.placement_domestic.realisasi", _sum(pdm, "realisasi"), "orang", "Tabel 3.10"))
    # the same placements are row 2a of Tabel 3.4, which also holds the year before
    for fig, frame in (
        ("B3.2.1.placement_domestic.realisasi", jc),
        ("B3.2.1.placement_domestic.realisasi_prev", None if before is None else ctx.get("job_creation", before)),
    ):
        hit = pd.Series(dtype=float) if frame is None else frame.loc[frame["kode"] == "2a", "realisasi"]
        items.append((fig, None if hit.empty else _f(hit.iloc[0]), "orang", "Tabel 3.4"))
    w = ctx.get("wlkp_company")
    wp = None if before is None else ctx.get("wlkp_company", before)
    items.append(("B3.2.1.wlkp.total", _sum(w, "jumlah_perusahaan"), "num", "Tabel 3.12"))
    items.append(
        (
            "B3.2.1.wlkp.penambahan",
            _minus(_sum(w, "jumlah_perusahaan"), _sum(wp, "jumlah_perusahaan")),
            "num",
            "Tabel 3.12",
        )
    )
    lf = ctx.get("labour_force_bps").set_index("kode")["nilai"]
    for fig, kode in (("B3.2.1.bps.bekerja", "bekerja"), ("B3.2.1.bps.pengangguran", "pengangguran")):
        items.append((fig, _f(lf.get(kode)), "num", "Tabel 3.15"))
    for fig, src in (
        ("B3.2.1.bps.bekerja_perubahan", "T3.15.bekerja.perubahan"),
        ("B3.2.1.bps.bekerja_perubahan_pct", "T3.15.bekerja.perubahan_pct"),
        ("B3.2.1.bps.pengangguran_penurunan", "T3.15.pengangguran.perubahan"),
        ("B3.2.1.bps.pengangguran_penurunan_pct", "T3.15.pengangguran.perubahan_pct"),
    ):
        v = p(src)
        items.append((fig, None if v is None else abs(v), "num", "Tabel 3.15"))
    items.append(("B3.2.1.uptp.jumlah", float(len(ctx.get("training_uptp"))) or None, "num", "Tabel 3.6"))
    items.append(("B3.2.1.kejuruan.jumlah", float(len(ctx.get("kejuruan"))) or None, "num", "Tabel 3.5"))
    t8 = {int(r.year): r for r in ctx.get("blk_komunitas_trend", "all").itertuples()}
    if y in t8:
        cur = t8[y]
        items.append(("B3.2.1.blkk.jumlah", _f(cur.jumlah_blkk), "num", "Tabel 3.8"))
        items.append(("B3.2.1.blkk.pembangunan", _f(cur.pembangunan_baru), "num", "Tabel 3.8"))
        for col in BLKK_COUNTS:
            items.append((f"B3.2.1.blkk.{col}", _f(getattr(cur, col)), "num", "Tabel 3.8"))
        if before in t8:
            prev = t8[before]
            for col in BLKK_COUNTS:
                items.append((f"B3.2.1.blkk.{col}_prev", _f(getattr(prev, col)), "num", "Tabel 3.8"))
            items.append(("B3.2.1.blkk.tumbuh_kenaikan", _minus(_f(cur.tumbuh), _f(prev.tumbuh)), "num", "Tabel 3.8"))
            items.append(
                ("B3.2.1.blkk.mandiri_kenaikan", _minus(_f(cur.mandiri), _f(prev.mandiri)), "num", "Tabel 3.8")
            )
            items.append(
                (
                    "B3.2.1.blkk.berkembang_penurunan",
                    _minus(_f(prev.berkembang), _f(cur.berkembang)),
                    "num",
                    "Tabel 3.8",
                )
            )
        # Tabel 3.7 (per UPTP, printed JUMLAH) against Tabel 3.8's national row of the same year
        for col in ("mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk"):
            items.append((f"T3.7.total.{col}", _f(getattr(cur, col)), "num", "Tabel 3.8"))
    for fig, ref, unit, table in items:
        tables = ("Bab 3.2.1", table) if fig.startswith("B") else ("Tabel 3.7", table)
        if unit == "pct":
            yield pct_outcome(
                fig,
                p(fig),
                ref,
                2,
                f"{ctx.figure_label(fig)} vs {table}",
                f"{fig} vs {table}",
                dataset="printed_figure",
                tables=tables,
            )
        else:
            yield Outcome(
                fig,
                p(fig),
                ref,
                f"{ctx.figure_label(fig)} vs {table}",
                f"{fig} vs {table}",
                unit=unit,
                tol=tolerance(2)
                if unit == "num" and fig.startswith("B3.2.1.bps") or fig.endswith("_juta")
                else EPS * 1000,
                dataset="printed_figure",
                tables=tables,
            )


# ---------------------------------------------------------------- Bab 3 tables against Lampiran 6


Getter = Callable[[Context], "float | str | None"]


def _cell(dataset: str, key: str, value: object, column: str) -> Getter:
    """The year's ``column`` of the ``dataset`` row whose ``key`` is ``value`` (``None`` without such a row)."""

    def get(ctx: Context) -> float | None:
        frame = ctx.get(dataset)
        hit = frame.loc[frame[key] == value, column]
        return None if hit.empty else _f(hit.iloc[0])

    return get


def _column_sum(dataset: str, column: str) -> Getter:
    def get(ctx: Context) -> float | None:
        return _sum(ctx.get(dataset), column)

    return get


def _growth(dataset: str, key: str, value: object, column: str) -> Getter:
    """The change of a row's ``column`` against the previous year that has the row, in percent."""

    def get(ctx: Context) -> float | None:
        if ctx.year is None:
            return None
        frame = ctx.get(dataset, "all")
        series = frame[frame[key] == value].set_index("year")[column]
        before = [y for y in series.index if y < ctx.year]
        if ctx.year not in series.index or not before:
            return None
        now, then = _f(series[ctx.year]), _f(series[max(before)])
        return None if now is None or not then else (now / then - 1) * 100

    return get


def _ikss(code: str, column: str) -> Getter:
    def get(ctx: Context) -> float | str | None:
        ic = ctx.get("ikss_capaian")
        hit = ic.loc[ic["ikss_code"] == code, column]
        if hit.empty or pd.isna(hit.iloc[0]):
            return None
        return str(hit.iloc[0]) if column.endswith("_text") else _f(hit.iloc[0])

    return get


def _blkk_built(ctx: Context) -> float | None:
    t8 = ctx.get("blk_komunitas_trend")
    return None if t8.empty else _f(t8["pembangunan_baru"].iloc[0])


@dataclass(frozen=True)
class Twin:
    """An indicator of Lampiran 6 (its name, as printed) and the Bab 3 figures that print the same quantity.

    ``unit`` is the Lampiran 6 indicator's unit: counts must be equal, a percentage or an index
    agrees at its two printed decimals. A Bab 3 figure in another unit is converted first (the
    growth of Tabel 3.13's LKS Bipartit counts is the percentage Lampiran 6 prints).
    """

    name: str
    table: str
    what: tuple[str, str]
    target: Getter | None = None
    realisasi: Getter | None = None
    note: tuple[str, str] = ("", "")
    levels: tuple[str, ...] = ("ikp", "ikk")

    @property
    def unit(self):
        return indicator_unit(self.name)


WLKP_NOTE = (
    "Tabel 3.12 (judulnya: terdaftar dan melaporkan) menghitung perusahaan terdaftar sampai tahun itu; bila "
    "Lampiran 6 menghitung yang melapor pada tahun itu saja, kedua label perlu membedakannya.",
    "Tabel 3.12 (titled: registered and reporting) counts the companies registered up to the year; if Lampiran 6 "
    "counts only those reporting in the year, the two labels should say so.",
)

TWINS: tuple[Twin, ...] = (
    Twin(
        "Jumlah tenaga kerja yang mendapat pelatihan berbasis kompetensi",
        "Tabel 3.6",
        ("TOTAL pelatihan UPTP", "UPTP training TOTAL"),
        _column_sum("training_uptp", "target"),
        _column_sum("training_uptp", "realisasi"),
    ),
    Twin(
        "Jumlah tenaga kerja yang ditempatkan di dalam negeri",
        "Tabel 3.10",
        ("baris 1 (AKAD/AKL, BKK, job fair, Dinas, KarirHub)", "row 1 (AKAD/AKL, BKK, job fairs, Dinas, KarirHub)"),
        _cell("placement_domestic", "nomor", "1", "target"),
        _cell("placement_domestic", "nomor", "1", "realisasi"),
    ),
    *(
        Twin(
            name,
            "Tabel 3.10",
            (f"baris {nomor}", f"row {nomor}"),
            *(_cell("placement_domestic", "nomor", nomor, c) for c in ("target", "realisasi")),
        )
        for name, nomor in (
            ("Jumlah tenaga kerja yang diberdayakan melalui Padat Karya", "2.a"),
            ("Jumlah tenaga kerja mandiri pemula yang dibina", "2.b"),
            ("Jumlah talenta muda yang diberdayakan", "2.d"),
            (
                "Jumlah tenaga kerja yang tercipta akibat perluasan kesempatan kerja dari tenaga kerja mandiri",
                "2.e",
            ),
        )
    ),
    Twin(
        "Jumlah Peserta pemagangan dalam negeri",
        "Tabel 3.4",
        ("baris 1b (pemagangan dalam negeri)", "row 1b (domestic apprenticeships)"),
        realisasi=_cell("job_creation", "kode", "1b", "realisasi"),
    ),
    Twin(
        "Jumlah Peserta pemagangan luar negeri",
        "Tabel 3.4",
        ("baris 1c (pemagangan luar negeri)", "row 1c (apprenticeships abroad)"),
        realisasi=_cell("job_creation", "kode", "1c", "realisasi"),
    ),
    Twin(
        "Jumlah pekerja pada perusahaan yang menerapkan perlindungan hak-hak pekerja dan dialog sosial",
        "Tabel 3.3",
        ("PyB PHI", "PyB PHI"),
        _cell("pyb_program", "komponen", "pyb_phi", "target"),
        _cell("pyb_program", "komponen", "pyb_phi", "realisasi"),
    ),
    Twin(
        "Jumlah tenaga kerja yang terlindungi hak-hak dasarnya",
        "Tabel 3.3",
        ("PyB Binwas", "PyB Binwas"),
        _cell("pyb_program", "komponen", "pyb_binwas", "target"),
        _cell("pyb_program", "komponen", "pyb_binwas", "realisasi"),
    ),
    Twin(
        "Jumlah Pembangunan BLK Komunitas",
        "Tabel 3.8",
        ("pembangunan baru BLK-K", "new BLK-K built"),
        realisasi=_blkk_built,
    ),
    *(
        Twin(
            f"Jumlah perusahaan {skala.lower()} yang melaporkan keadaan ketenagakerjaan pada WLKP Online",
            "Tabel 3.12",
            (f"perusahaan {skala.lower()} terdaftar WLKP", f"{skala.lower()} companies registered in WLKP"),
            realisasi=_cell("wlkp_company", "skala", skala, "jumlah_perusahaan"),
            note=WLKP_NOTE,
        )
        for skala in ("Besar", "Menengah", "Kecil", "Mikro")
    ),
    Twin(
        "Persentase Peningkatan pembentukan LKS Bipartit di perusahaan menengah dan besar",
        "Tabel 3.13",
        (
            "kenaikan pembentukan LKS Bipartit terhadap tahun sebelumnya",
            "growth of LKS Bipartit formation against the year before",
        ),
        realisasi=_growth("phi_focus", "fokus_pembinaan", "PEMBENTUKAN LKS BIPARTIT", "jumlah_perusahaan"),
    ),
    Twin(
        "Indeks Reformasi Birokrasi",
        "Tabel 3.2",
        ("Indeks RB", "RB index"),
        _ikss("indeks_rb", "target"),
        _ikss("indeks_rb", "realisasi"),
        levels=("ikp",),
    ),
    Twin(
        "Nilai Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)",
        "Tabel 3.2",
        ("Indeks SPBE", "SPBE index"),
        _ikss("indeks_spbe", "target"),
        _ikss("indeks_spbe", "realisasi"),
        levels=("ikp",),
    ),
    Twin(
        "Opini BPK",
        "Tabel 3.2",
        ("Opini BPK", "BPK opinion"),
        _ikss("opini_bpk", "target_text"),
        _ikss("opini_bpk", "realisasi_text"),
        levels=("ikp",),
    ),
    *(
        Twin(
            f"Indeks Aspek {aspect}",
            "Tabel 3.19",
            (f"nilai aspek {code} {aspect}", f"aspect {code} {aspect} value"),
            realisasi=_cell("spbe_aspect", "code", code, "nilai"),
        )
        for code, aspect in (
            ("A3", "Teknologi Informasi dan Komunikasi"),
            ("A5", "Penerapan Manajemen SPBE"),
            ("A6", "Audit TIK"),
        )
    ),
)
"""Lampiran 6 IKP/IKK indicators that a Bab 3 table also prints for the same year.

Not here: SPIP, SAKIP and the follow-up of findings (temuan), which Bab 3 prints only in
Tabel 3.17, the RB evaluation of the year before (its SPBE score is the previous year's
index), so they are not the year's figures; Lampiran 6 compares them IKP with IKK
(``same.L6.ikp_ikk``). TKM Lanjutan (Tabel 3.10 row 2.c, a count) is a percentage in
Lampiran 6 whose denominator the report does not state.
"""


@rule(
    "same.L6_bab3",
    kind="same",
    tables=("Lampiran 6", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.6", "Tabel 3.8", "Tabel 3.10"),
    datasets=("output_capaian",),
    severity="warning",
    page="output",
    description=(
        "Indikator IKP/IKK Lampiran 6 yang juga dicetak di tabel Bab 3 (pelatihan, penempatan, pemagangan, PyB, "
        "BLK-K, WLKP, LKS Bipartit, RB, SPBE, Opini BPK): target dengan target, realisasi dengan realisasi, menurut "
        "satuannya (jumlah sama persis, persen dan indeks pada dua desimal).",
        "Lampiran 6 IKP/IKK indicators that a Bab 3 table also prints (training, placement, apprenticeships, PyB, "
        "BLK-K, WLKP, LKS Bipartit, RB, SPBE, BPK opinion): target with target, actual with actual, by their unit "
        "(counts exactly, percentages and indices at two decimals).",
    ),
)
def _l6_vs_bab3(ctx: Context) -> Iterator[Outcome]:
    oc = ctx.get("output_capaian")
    if oc.empty:
        return
    names = oc["name"].map(_norm)
    for twin in TWINS:
        rows = oc[(names == _norm(twin.name)) & oc["level"].isin(twin.levels)]
        if rows.empty:
            continue
        dataset_missing = False
        values: dict[str, float | str | None] = {}
        for col, getter in (("target", twin.target), ("realisasi", twin.realisasi)):
            if getter is None:
                continue
            try:
                values[col] = getter(ctx)
            except MissingDataset:
                dataset_missing = True
        if dataset_missing and not values:
            continue
        unit = twin.unit
        for _, row in rows.iterrows():
            k = str(row["urutan"])
            for col, ref in values.items():
                text = unit == "text"
                mine = row[f"{col}_text"] if text else row[col]
                label = (
                    f"«{row['name']}» {col} ({row['unit_code']}): Lampiran 6 baris {k} vs {twin.table} {twin.what[0]}",
                    f"«{row['name']}» {col} ({row['unit_code']}): Lampiran 6 row {k} vs {twin.table} {twin.what[1]}",
                )
                yield Outcome(
                    k,
                    (None if pd.isna(mine) else str(mine)) if text else _f(mine),
                    ref,
                    *label,
                    unit="text" if text else "pct" if unit == "pct" else "num",
                    tol=unit_tolerance(unit),
                    tables=("Lampiran 6", twin.table),
                    decimals=2 if unit == "pct" else None,
                    note_id=twin.note[0],
                    note_en=twin.note[1],
                )


# ---------------------------------------------------------------- SS-1: every printed form of P


@rule(
    "same.ss1_variants",
    kind="same",
    tables=("Tabel 3.1", "Bab 3.2.1", "Tabel 3.2"),
    datasets=("pyb_variable", "ikss_capaian", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Setiap bentuk P (kontribusi terhadap produktivitas) yang dicetak, dengan nilainya, di samping realisasi "
        "Tabel 3.2: rumus Tabel 3.1 apa adanya, rumus terhitung setelah Tabel 3.2, angka narasi. Semua bentuk "
        "didaftar; yang sama dengan Tabel 3.2 sebagai info.",
        "Every printed form of P (productivity contribution), with its value, beside the Tabel 3.2 actual: the "
        "Tabel 3.1 formula as printed, the worked computation after Tabel 3.2, the narrative's figure. Every form "
        "is listed; those equal to Tabel 3.2 as info.",
    ),
)
def _ss1_variants(ctx: Context) -> Iterator[Outcome]:
    """The three values the report gives P, so the page and the PDF list them side by side.

    The Tabel 3.1 formula multiplies both terms by the mean UMP (w̄) and divides by the Sakernas
    wage (w): with the printed variables it gives 3,93 %. The worked computation weights the first
    term by w instead (and is typed without its ÷ ΔPyB and ÷ PyB formal): 4,01 %, Tabel 3.2's
    figure. The narrative before it says 4,17 %, which no form of the formula gives.
    """
    ic = ctx.get("ikss_capaian")
    hit = ic.loc[ic["ikss_code"] == "produktivitas", "realisasi"]
    ref = None if hit.empty else _f(hit.iloc[0])
    # the forms are the year's report's: listed once it prints its worked computation (a new year waits for it)
    if ref is None or ctx.printed("B3.2.1.perhitungan.p") is None:
        return
    v = ctx.get("pyb_variable")
    try:
        listed = productivity.inputs_from_variables(v, "variabel")
        worked = productivity.inputs_from_variables(v, "perhitungan")
    except KeyError:
        listed = worked = None
    forms: list[tuple[str, float | None, tuple[str, str], tuple[str, str]]] = [
        (
            "tabel3.1",
            None if listed is None else productivity.productivity_contribution_literal_pct(listed),
            ("Tabel 3.1", "Tabel 3.1"),
            (
                "rumus Tabel 3.1 apa adanya (kedua suku × rata-rata UMP, dibagi upah Sakernas) dengan daftar variabel",
                "the Tabel 3.1 formula as printed (both terms × mean UMP, divided by the Sakernas wage) with the "
                "variable list",
            ),
        ),
        (
            "perhitungan",
            None if worked is None else productivity.productivity_contribution_pct(worked),
            ("Bab 3.2.1", "Bab 3.2.1"),
            (
                "rumus terhitung setelah Tabel 3.2 (suku pertama × upah Sakernas, suku kedua × UMP; tercetak tanpa "
                "÷ ΔPyB dan ÷ PyB formal)",
                "the worked computation after Tabel 3.2 (first term × Sakernas wage, second × UMP; typed without "
                "its ÷ ΔPyB and ÷ PyB formal)",
            ),
        ),
        (
            "narasi",
            ctx.printed("B3.2.1.ss1_realisasi_narasi"),
            ("Bab 3.2.1", "Bab 3.2.1"),
            ("narasi sebelum rumus terhitung", "the narrative before the worked computation"),
        ),
    ]
    for key, value, (table_id, _), (how_id, how_en) in forms:
        if value is None:
            continue
        agrees = abs(value - ref) <= tolerance(2)
        p_id, p_en = fmt_pct(value, 2, "id"), fmt_pct(value, 2, "en")
        r_id, r_en = fmt_pct(ref, 2, "id"), fmt_pct(ref, 2, "en")
        yield Outcome(
            key,
            value,
            ref,
            "",
            "",
            unit="pct",
            ok=False,  # every form is listed; the severity says whether it agrees
            severity="info" if agrees else "warning",
            dataset="printed_figure",  # a printed form of P: listed with the year's printed report only
            tables=(table_id, "Tabel 3.2"),
            decimals=2,
            text_id=f"P menurut {how_id}: {p_id}; Tabel 3.2 mencetak {r_id}"
            + (" (sama)." if agrees else f" (selisih {fmt_pct(value - ref, 2, 'id')})."),
            text_en=f"P by {how_en}: {p_en}; Tabel 3.2 prints {r_en}"
            + (" (the same)." if agrees else f" (difference {fmt_pct(value - ref, 2, 'en')})."),
        )
