"""Kind ``pct``: every printed percentage equals the one recomputed from the figures beside it.

Compared at its printed precision (two decimals: < 0,005; a whole percent: < 0,5); a print
that truncation explains is only info. Changes against the previous year read that year's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from kpi import capaian
from kpi.checks.engine import Context, Outcome, tolerance
from kpi.checks.rules.base import _chain, _f, _l6_name, _plus, _pyb, _sum, _var, pct_outcome, rule


def _pct_rows(
    dataset: str, key: str, num: str, den: str, printed: str, decimals: int, what: tuple[str, str]
) -> Callable[[Context], Iterator[Outcome]]:
    """Each row's printed percentage against ``num / den`` of the same row."""

    def check(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        for _, row in frame.iterrows():
            rec = capaian.ratio_pct(_f(row[num]), _f(row[den]))
            k = str(row[key])
            yield pct_outcome(k, _f(row[printed]), rec, decimals, f"{what[0]} {k}", f"{what[1]} {k}")

    return check


def _pct_total(figure: str, dataset: str, num: str, den: str, decimals: int, what: tuple[str, str]) -> Callable:
    """A printed total percentage against ``sum(num) / sum(den)`` over the dataset."""

    def one(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        if frame.empty:
            return
        rec = capaian.ratio_pct(_sum(frame, num), _sum(frame, den))
        yield pct_outcome(figure, ctx.printed(figure), rec, decimals, what[0], what[1], dataset="printed_figure")

    return one


def _growth_pct(now: float | None, before: float | None) -> float | None:
    """Change from ``before`` to ``now`` in percent; ``None`` when either is missing (a year without rows) or ``before`` is 0."""
    return None if now is None or not before else (now / before - 1) * 100


def _delta_pct(dataset: str, key: str, value: str, decimals: int, what: tuple[str, str]) -> Callable:
    """Each row's printed ``delta_pct`` against the change of ``value`` from the previous year's row."""

    def check(ctx: Context) -> Iterator[Outcome]:
        if ctx.year is None:
            return
        now, prev = ctx.get(dataset), ctx.get(dataset, ctx.year_before())
        before = dict(zip(prev[key], prev[value], strict=True))
        for _, row in now.iterrows():
            if pd.isna(row["delta_pct"]) or row[key] not in before:
                continue
            a, b = _f(row[value]), _f(before[row[key]])
            rec = _growth_pct(a, b)
            k = str(row[key])
            yield pct_outcome(k, _f(row["delta_pct"]), rec, decimals, f"{what[0]} {k}", f"{what[1]} {k}")

    return check


# ---------------------------------------------------------------- Tabel 3.2 and the goals


@rule(
    "pct.T3.2",
    kind="pct",
    tables=("Tabel 3.2",),
    datasets=("ikss_capaian",),
    severity="warning",
    page="ringkasan",
    description=(
        "Tabel 3.2: capaian IKSS = realisasi / target (Opini BPK: peringkat opini).",
        "Tabel 3.2: IKSS achievement = actual / target (Opini BPK: opinion rank).",
    ),
)
def _ikss_capaian(ctx: Context) -> Iterator[Outcome]:
    ic = ctx.get("ikss_capaian")
    for _, row in ic.iterrows():
        if pd.isna(row["capaian_pct"]):
            continue
        if pd.notna(row["target_text"]) or pd.notna(row["realisasi_text"]):
            rec = capaian.opini_capaian_pct(row["target_text"], row["realisasi_text"])
        else:
            rec = capaian.capaian_pct(_f(row["target"]), _f(row["realisasi"]))
        k = str(row["ikss_code"])
        yield pct_outcome(k, _f(row["capaian_pct"]), rec, 2, f"capaian IKSS {k}", f"IKSS achievement {k}")


def _ss_capaian(ctx: Context) -> dict[str, float | None]:
    """SS capaian = mean of its IKSS capaian (section 3.1), from the recomputed IKSS capaian."""
    ic = ctx.get("ikss_capaian")
    meta = ctx.get("ikss")
    ss_of = dict(zip(meta["code"], meta["ss_code"], strict=True))
    per: dict[str, list[float | None]] = {}
    for _, row in ic.iterrows():
        if pd.notna(row["target_text"]) or pd.notna(row["realisasi_text"]):
            rec = capaian.opini_capaian_pct(row["target_text"], row["realisasi_text"])
        else:
            rec = capaian.capaian_pct(_f(row["target"]), _f(row["realisasi"]))
        per.setdefault(ss_of.get(row["ikss_code"], "?"), []).append(rec)
    out = {ss: capaian.mean_capaian_pct(vals) for ss, vals in per.items()}
    out["all"] = (
        capaian.mean_capaian_pct([out.get("SS-1"), out.get("SS-2")]) if "SS-1" in out and "SS-2" in out else None
    )
    return out


SS_FIGURES = {
    "SS-1": ["B3.1.ss1_capaian", "RE.ss1_capaian", "B3.2.1.ss1_capaian", "B4.ss1_capaian"],
    "SS-2": ["B3.1.ss2_capaian", "B4.ss2_capaian", "B3.2.2.intro.ss2.capaian_pct"],
    "all": ["RE.ss_rata_capaian", "B3.4.capaian_ss_rata_pct"],
}
"""Printed figures that repeat a goal's achievement (or the mean of both goals)."""


@rule(
    "pct.ss",
    kind="pct",
    tables=("Tabel 3.2", "Bab 3.1"),
    datasets=("printed_figure", "ikss_capaian", "ikss", "efficiency_ss"),
    severity="warning",
    page="ringkasan",
    description=(
        "Capaian SS = rata-rata capaian IKSS-nya; capaian rata-rata = rata-rata kedua SS (Bab 3.1, Tabel 3.24).",
        "Goal achievement = mean of its IKSS achievements; overall = mean of both goals (Bab 3.1, Tabel 3.24).",
    ),
)
def _ss_pct(ctx: Context) -> Iterator[Outcome]:
    ss = _ss_capaian(ctx)
    for code, figures in SS_FIGURES.items():
        for fig in figures:
            yield pct_outcome(
                fig,
                ctx.printed(fig),
                ss.get(code),
                2,
                f"capaian {code} (rata-rata IKSS)",
                f"{code} achievement (mean of IKSS)",
                dataset="printed_figure",
            )
    e = ctx.get("efficiency_ss")
    for _, row in e.iterrows():
        yield pct_outcome(
            str(row["ss_code"]),
            _f(row["capaian_ss_pct"]),
            ss.get(row["ss_code"]),
            2,
            f"CAPAIAN SS {row['ss_code']} (Tabel 3.24)",
            f"goal achievement {row['ss_code']} (Tabel 3.24)",
            dataset="efficiency_ss",
            tables=("Tabel 3.24", "Tabel 3.2"),
        )


# ---------------------------------------------------------------- SS-1 tables


def _t33_total_pct(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    p = ctx.get("pyb_program")
    prev = ctx.get("pyb_program", ctx.year_before())
    tr, tt, tp = _sum(p, "realisasi"), _sum(p, "target"), _sum(prev, "realisasi")
    yield pct_outcome(
        "T3.3.total.capaian",
        ctx.printed("T3.3.total.capaian"),
        capaian.ratio_pct(tr, tt),
        2,
        "capaian total PyB",
        "total PyB achievement",
        dataset="printed_figure",
    )
    yield pct_outcome(
        "T3.3.total.delta",
        ctx.printed("T3.3.total.delta"),
        _growth_pct(tr, tp),
        2,
        "Δ total PyB",
        "total PyB change",
        dataset="printed_figure",
    )


rule(
    "pct.T3.3",
    kind="pct",
    tables=("Tabel 3.3",),
    datasets=("pyb_program", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Tabel 3.3: capaian = realisasi / target; Δ = perubahan realisasi terhadap tahun sebelumnya.",
        "Tabel 3.3: achievement = actual / target; Δ = change of actual against the previous year.",
    ),
)(
    _chain(
        _pct_rows("pyb_program", "komponen", "realisasi", "target", "capaian_pct", 2, ("capaian", "achievement")),
        _delta_pct("pyb_program", "komponen", "realisasi", 2, ("Δ realisasi", "change of actual")),
        _t33_total_pct,
    )
)


def _t34_total_pct(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    j = ctx.get("job_creation")
    jp = ctx.get("job_creation", ctx.year_before())
    now = _sum(j[j["parent_kode"].isna()], "realisasi")
    before = _sum(jp[jp["parent_kode"].isna()], "realisasi")
    fig = "T3.4.total.delta"
    yield pct_outcome(
        fig,
        ctx.printed(fig),
        _growth_pct(now, before),
        2,
        "Δ total penciptaan tenaga kerja baru",
        "change of total new jobs",
        dataset="printed_figure",
    )


rule(
    "pct.T3.4",
    kind="pct",
    tables=("Tabel 3.4",),
    datasets=("job_creation", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Tabel 3.4: Δ realisasi = perubahan terhadap tahun sebelumnya.",
        "Tabel 3.4: change of actual against the previous year.",
    ),
)(
    _chain(
        _delta_pct("job_creation", "kode", "realisasi", 2, ("Δ realisasi baris", "change of actual, row")),
        _t34_total_pct,
    )
)

rule(
    "pct.T3.6",
    kind="pct",
    tables=("Tabel 3.6",),
    datasets=("training_uptp", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Tabel 3.6: capaian pelatihan tiap UPTP = realisasi / target.",
        "Tabel 3.6: training achievement of each UPTP = actual / target.",
    ),
)(
    _chain(
        _pct_rows("training_uptp", "uptp", "realisasi", "target", "capaian_pct", 2, ("capaian", "achievement")),
        _pct_total(
            "T3.6.total.capaian_pct",
            "training_uptp",
            "realisasi",
            "target",
            2,
            ("capaian TOTAL", "TOTAL achievement"),
        ),
    )
)


def _t310_sub_pct(ctx: Context) -> Iterator[Outcome]:
    pdm = ctx.get("placement_domestic")
    sub = pdm[pdm["nomor"].astype(str).str.startswith("2.")]
    for fig, part in (("T3.10.2.capaian_pct", sub), ("T3.10.total.capaian_pct", pdm)):
        if part.empty:
            continue
        yield pct_outcome(
            fig,
            ctx.printed(fig),
            capaian.ratio_pct(_sum(part, "realisasi"), _sum(part, "target")),
            0,
            ctx.figure_label(fig),
            fig,
            dataset="printed_figure",
        )


rule(
    "pct.T3.10",
    kind="pct",
    tables=("Tabel 3.10",),
    datasets=("placement_domestic", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Tabel 3.10: capaian penempatan = realisasi / target (persen bulat).",
        "Tabel 3.10: placement achievement = actual / target (whole percent).",
    ),
)(
    _chain(
        _pct_rows(
            "placement_domestic",
            "nomor",
            "realisasi",
            "target",
            "capaian_pct",
            0,
            ("capaian baris", "achievement, row"),
        ),
        _t310_sub_pct,
    )
)


@rule(
    "pct.T3.15",
    kind="pct",
    tables=("Tabel 3.15",),
    datasets=("labour_force_bps", "printed_figure"),
    severity="warning",
    page="ss1",
    description=(
        "Tabel 3.15: perubahan Agustus ke Agustus (juta orang dan persen) dari nilai kedua tahun.",
        "Tabel 3.15: August-to-August change (million people and percent) from both years' values.",
    ),
)
def _t315_changes(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    now, prev = ctx.get("labour_force_bps"), ctx.get("labour_force_bps", ctx.year_before())
    before = dict(zip(prev["kode"], prev["nilai"], strict=True))
    for _, row in now.iterrows():
        k = str(row["kode"])
        if k not in before:
            continue
        a, b = _f(row["nilai"]), _f(before[k])
        if a is None or b is None:
            continue
        fig = f"T3.15.{k}.perubahan"
        p = ctx.printed(fig)
        if p is not None:
            yield Outcome(
                fig,
                p,
                a - b,
                f"perubahan {row['indikator']}",
                f"change of {k}",
                unit="num",
                tol=tolerance(2),
                dataset="printed_figure",
                decimals=2,
            )
        # a rate (TPAK, in persen) changes by points only: no percentage change is printed for it
        fig_pct = f"T3.15.{k}.perubahan_pct"
        p = ctx.printed(fig_pct, expected=row.get("satuan") != "persen")
        if p is not None and b:
            yield pct_outcome(
                fig_pct,
                p,
                (a / b - 1) * 100,
                2,
                f"perubahan {row['indikator']} (%)",
                f"change of {k} (%)",
                dataset="printed_figure",
            )


rule(
    "pct.T3.17",
    kind="pct",
    tables=("Tabel 3.17",),
    datasets=("rb_indicator",),
    severity="warning",
    page="ss2",
    description=(
        "Tabel 3.17: % capaian tiap indikator RB = skor bobot / bobot.",
        "Tabel 3.17: each RB indicator's % = weighted score / weight.",
    ),
)(_pct_rows("rb_indicator", "nomor", "skor_bobot", "bobot", "capaian_pct", 2, ("indikator RB", "RB indicator")))


# ---------------------------------------------------------------- budget tables


for _table, _dataset, _key, _printed, _total, _what, _what_total, _description in (
    (
        "3.20",
        "budget_program",
        "program_code",
        "penyerapan_pct",
        "penyerapan_pct",
        ("penyerapan program", "absorption of programme"),
        ("penyerapan total", "total absorption"),
        (
            "Tabel 3.20: capaian (penyerapan) = realisasi / pagu, per program dan total.",
            "Tabel 3.20: absorption = actual / budget, per programme and total.",
        ),
    ),
    (
        "3.21",
        "budget_unit",
        "unit_code",
        "penyerapan_pct",
        "penyerapan_pct",
        ("penyerapan unit", "absorption of unit"),
        ("penyerapan total", "total absorption"),
        (
            "Tabel 3.21: realisasi (%) = realisasi / pagu, per unit Eselon I dan total.",
            "Tabel 3.21: absorption = actual / budget, per Eselon I unit and total.",
        ),
    ),
    (
        "3.23",
        "dekonsentrasi",
        "unit_code",
        "capaian_pct",
        "capaian_pct",
        ("capaian bidang", "absorption of field"),
        ("capaian total", "total absorption"),
        (
            "Tabel 3.23: capaian dana dekonsentrasi = realisasi / pagu, per bidang dan total.",
            "Tabel 3.23: deconcentration absorption = actual / budget, per field and total.",
        ),
    ),
):
    rule(
        f"pct.T{_table}",
        kind="pct",
        tables=(f"Tabel {_table}",),
        datasets=(_dataset, "printed_figure"),
        severity="warning",
        page="anggaran",
        description=_description,
    )(
        _chain(
            _pct_rows(_dataset, _key, "realisasi_rp", "pagu_rp", _printed, 2, _what),
            _pct_total(f"T{_table}.total.{_total}", _dataset, "realisasi_rp", "pagu_rp", 2, _what_total),
        )
    )


def _t324_pct(ctx: Context) -> Iterator[Outcome]:
    e = ctx.get("efficiency_ss")
    if e.empty:
        return
    fig = "T3.24.total.capaian_ss_pct"
    yield pct_outcome(
        fig,
        ctx.printed(fig),
        capaian.mean_capaian_pct(e["capaian_ss_pct"].astype(float).tolist()),
        2,
        "rata-rata capaian SS",
        "mean goal achievement",
        dataset="printed_figure",
    )


rule(
    "pct.T3.24",
    kind="pct",
    tables=("Tabel 3.24",),
    datasets=("efficiency_ss", "printed_figure"),
    severity="warning",
    page="anggaran",
    description=(
        "Tabel 3.24: capaian anggaran = realisasi / pagu; capaian SS rata-rata = rata-rata kedua SS.",
        "Tabel 3.24: budget absorption = actual / budget; mean goal achievement = mean of both goals.",
    ),
)(
    _chain(
        _pct_rows(
            "efficiency_ss",
            "ss_code",
            "realisasi_rp",
            "pagu_rp",
            "capaian_anggaran_pct",
            2,
            ("capaian anggaran", "budget absorption"),
        ),
        _pct_total(
            "T3.24.total.capaian_anggaran_pct",
            "efficiency_ss",
            "realisasi_rp",
            "pagu_rp",
            2,
            ("capaian anggaran total", "total budget absorption"),
        ),
        _t324_pct,
    )
)


@rule(
    "pct.B3.3",
    kind="pct",
    tables=("Bab 3.3",),
    datasets=("printed_figure",),
    severity="warning",
    page="anggaran",
    description=(
        "Bab 3.3: penyerapan, penyerapan tanpa blokir dan capaian kinerja anggaran dihitung dari angka narasi.",
        "Bab 3.3: absorption, absorption without blokir and budget performance recomputed from the narrative figures.",
    ),
)
def _budget_narrative_pct(ctx: Context) -> Iterator[Outcome]:
    """Bab 3.3: absorption excluding blokir and the capaian of budget performance, from the printed figures."""
    pagu, real, blok = ctx.printed("B3.3.pagu_rp"), ctx.printed("B3.3.realisasi_rp"), ctx.printed("B3.3.blokir_rp")
    target = ctx.printed("B3.3.target_penyerapan_pct")
    pen, pen_x = ctx.printed("B3.3.penyerapan_pct"), ctx.printed("B3.3.penyerapan_excl_blokir_pct")
    if None in (pagu, real):
        return
    yield pct_outcome(
        "B3.3.penyerapan_pct",
        pen,
        capaian.ratio_pct(real, pagu),
        2,
        "penyerapan anggaran",
        "budget absorption",
        dataset="printed_figure",
    )
    if blok is not None:
        yield pct_outcome(
            "B3.3.penyerapan_excl_blokir_pct",
            pen_x,
            capaian.ratio_pct(real, pagu - blok),
            2,
            "penyerapan terhadap pagu tanpa blokir",
            "absorption of the budget without blokir",
            dataset="printed_figure",
        )
    if target:
        yield pct_outcome(
            "B3.3.capaian_kinerja_anggaran_pct",
            ctx.printed("B3.3.capaian_kinerja_anggaran_pct"),
            capaian.ratio_pct(pen, target),
            2,
            "capaian kinerja anggaran (penyerapan / target)",
            "budget performance (absorption / target)",
            dataset="printed_figure",
        )
        yield pct_outcome(
            "B3.3.capaian_excl_blokir_pct",
            ctx.printed("B3.3.capaian_excl_blokir_pct"),
            capaian.ratio_pct(pen_x, target),
            2,
            "penyerapan tanpa blokir / target",
            "absorption without blokir / target",
            dataset="printed_figure",
        )


@rule(
    "pct.narasi",
    kind="pct",
    tables=("Bab 3.2.1", "Bab 3.2.2"),
    datasets=("printed_figure", "pyb_program", "pyb_variable", "ikss_capaian"),
    severity="warning",
    page="ss1",
    description=(
        "Persentase di narasi Bab 3.2 (irisan PyB, kontribusi penciptaan kerja, kenaikan) dari angka di sebelahnya.",
        "Percentages in the Bab 3.2 narrative (PyB overlap, job creation share, growth) from the figures beside them.",
    ),
)
def _narrative_pct(ctx: Context) -> Iterator[Outcome]:
    """Percentages the narrative of Bab 3.2 computes from figures printed beside them."""
    p = ctx.printed
    y = ctx.year
    bekerja = p("B3.2.1.bps.bekerja")
    specs = [
        (
            "B3.2.1.pyb_irisan_pct",
            p("B3.2.1.pyb_irisan"),
            _plus(_pyb(ctx, "pyb_phi"), _pyb(ctx, "pyb_binwas")),
            2,
            "irisan terhadap PyB PHI + PyB Binwas",
            "overlap over PyB PHI + PyB Binwas",
        ),
        (
            "B3.2.1.kontribusi_penciptaan_pct",
            p("B3.2.1.tenaga_kerja_baru"),
            _var(ctx, "delta_pyb"),
            1,
            "tenaga kerja baru terhadap penambahan penduduk bekerja",
            "new jobs over the growth of employment",
        ),
        (
            "B3.2.1.intervensi_pct_bekerja",
            p("B3.2.1.intervensi_total"),
            None if bekerja is None else bekerja * 1e6,
            2,
            "hasil intervensi terhadap penduduk bekerja",
            "interventions over employed population",
        ),
    ]
    for fig, num, den, d, lid, len_ in specs:
        yield pct_outcome(fig, p(fig), capaian.ratio_pct(num, den), d, lid, len_, dataset="printed_figure")
    # the report prints this year's and the previous year's placements, and the growth between them
    a, b = p("B3.2.1.placement_domestic.realisasi"), p("B3.2.1.placement_domestic.realisasi_prev")
    if a is not None and b:
        yield pct_outcome(
            "B3.2.1.placement_domestic.kenaikan_pct",
            p("B3.2.1.placement_domestic.kenaikan_pct"),
            (a / b - 1) * 100,
            0,
            "kenaikan penempatan dalam negeri",
            "growth of domestic placement",
            dataset="printed_figure",
        )
    if y is None:
        return
    ic = ctx.get("ikss_capaian", "all")
    rbv = ic[ic["ikss_code"] == "indeks_rb"].set_index("year")["realisasi"]
    if y in rbv.index and (y - 1) in rbv.index and _f(rbv[y - 1]):
        yield pct_outcome(
            "B3.2.2.rb.kenaikan_pct",
            p("B3.2.2.rb.kenaikan_pct"),
            (float(rbv[y]) / float(rbv[y - 1]) - 1) * 100,
            2,
            "kenaikan Indeks RB (%)",
            "growth of the RB index (%)",
            dataset="printed_figure",
        )


# ---------------------------------------------------------------- Lampiran 6


def _l6_pct(column: str, num: str, den: str) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        oc = ctx.get("output_capaian")
        for _, row in oc.iterrows():
            printed = _f(row[column])
            if printed is None:
                continue
            rec = capaian.ratio_pct(_f(row[num]), _f(row[den]))
            k = str(row["urutan"])
            what = _l6_name(row)
            yield pct_outcome(k, printed, rec, 0, f"{what} ({column})", f"{what} ({column})")

    return check


rule(
    "pct.L6.penyerapan",
    kind="pct",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="warning",
    page="output",
    description=(
        "Lampiran 6: % penyerapan tiap baris = realisasi / anggaran (persen bulat).",
        "Lampiran 6: each row's % absorption = actual / budget (whole percent).",
    ),
)(_l6_pct("penyerapan_pct", "realisasi_rp", "anggaran_rp"))

rule(
    "pct.L6.capaian",
    kind="pct",
    tables=("Lampiran 6",),
    datasets=("output_capaian",),
    severity="warning",
    page="output",
    description=(
        "Lampiran 6: % capaian kinerja tiap baris = realisasi / target (persen bulat).",
        "Lampiran 6: each row's % achievement = actual / target (whole percent).",
    ),
)(_l6_pct("capaian_pct", "realisasi", "target"))
