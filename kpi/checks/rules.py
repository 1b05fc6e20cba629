"""Every reconciliation rule of the LKj, in one declarative list (:data:`RULES`).

Each rule reads some datasets of one year and yields one :class:`~kpi.checks.engine.Outcome`
per comparison. Tolerances follow the printed precision: a percentage printed with two
decimals agrees when it is within 0,005 of the recomputed value, a whole percent (Lampiran 6,
Tabel 3.10) within 0,5; Rupiah and people counts must be equal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from kpi import capaian, productivity, rb, spbe
from kpi.checks.engine import EPS, Context, Outcome, Rule, Unit, tolerance

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


# ---------------------------------------------------------------- helpers


def _f(value: object) -> float | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    return float(value)


def _sum(frame: pd.DataFrame, col: str) -> float | None:
    if frame.empty or col not in frame.columns or frame[col].isna().all():
        return None
    return float(frame[col].astype(float).sum())


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


# ---------------------------------------------------------------- 1. printed totals


TotalSpec = tuple[str, str, Callable[[pd.DataFrame, re.Match], pd.DataFrame], Callable[[re.Match], str], Unit]
"""(figure regex, dataset, rows of the dataset that make the total, column to sum, unit)."""


def _all(frame: pd.DataFrame, m: re.Match) -> pd.DataFrame:
    return frame


def _g1(m: re.Match) -> str:
    return m.group(1)


TOTALS: dict[str, tuple[str, str, list[TotalSpec]]] = {
    # rule suffix: (LKj table, page, specs)
    "T2.3": (
        "Tabel 2.3",
        "anggaran",
        [
            (
                r"T2\.3\.total\.pagu_(\w+)",
                "pk_pagu_program",
                lambda f, m: f[(f["sumber"] == "Tabel 2.3") & (f["revisi"] == m.group(1))],
                lambda m: "pagu_rp",
                "rp",
            ),
        ],
    ),
    "L1-4": (
        "Lampiran 1-4",
        "anggaran",
        [
            (
                r"L([1-4])\.jumlah\.anggaran",
                "pk_pagu_program",
                lambda f, m: f[f["sumber"] == f"Lampiran {m.group(1)}"],
                lambda m: "pagu_rp",
                "rp",
            ),
        ],
    ),
    "T2.4": (
        "Tabel 2.4",
        "pn",
        [
            (r"T2\.4\.total\.(pagu_rp)", "pn_item", lambda f, m: f[f["level"] == "pn"], _g1, "rp"),
        ],
    ),
    "L5": (
        "Lampiran 5",
        "pn",
        [
            (r"L5\.total\.(pagu_rp|realisasi_rp)", "pn_realisasi", lambda f, m: f[f["level"] == "pn"], _g1, "rp"),
        ],
    ),
    "T3.3": (
        "Tabel 3.3",
        "ss1",
        [
            (r"T3\.3\.total\.(realisasi|target)_\d{4}", "pyb_program", _all, _g1, "orang"),
        ],
    ),
    "T3.4": (
        "Tabel 3.4",
        "ss1",
        [
            (r"T3\.4\.total\.(realisasi)_\d{4}", "job_creation", lambda f, m: f[f["parent_kode"].isna()], _g1, "orang"),
        ],
    ),
    "T3.6": (
        "Tabel 3.6",
        "ss1",
        [
            (r"T3\.6\.total\.(target|realisasi)", "training_uptp", _all, _g1, "orang"),
        ],
    ),
    "T3.7": (
        "Tabel 3.7",
        "ss1",
        [
            (
                r"T3\.7\.total\.(mandiri|berkembang|tumbuh|pembangunan_baru|jumlah_blkk)",
                "blk_komunitas_uptp",
                _all,
                _g1,
                "num",
            ),
        ],
    ),
    "T3.10": (
        "Tabel 3.10",
        "ss1",
        [
            (
                r"T3\.10\.2\.(target|realisasi)",
                "placement_domestic",
                lambda f, m: f[f["nomor"].astype(str).str.startswith("2.")],
                _g1,
                "orang",
            ),
            (r"T3\.10\.total\.(target|realisasi)", "placement_domestic", _all, _g1, "orang"),
        ],
    ),
    "T3.12": (
        "Tabel 3.12",
        "ss1",
        [
            (r"T3\.12\.total\.\d{4}", "wlkp_company", _all, lambda m: "jumlah_perusahaan", "num"),
        ],
    ),
    "T3.14": (
        "Tabel 3.14",
        "ss1",
        [
            (r"T3\.14\.total\.(aktif|non_aktif)", "jamsos_participation", _all, _g1, "orang"),
        ],
    ),
    "T3.16": (
        "Tabel 3.16",
        "ss2",
        [
            (r"T3\.16\.indeks_rb\.(bobot|nilai)", "rb_component", _all, _g1, "num"),
        ],
    ),
    "T3.17": (
        "Tabel 3.17",
        "ss2",
        [
            (
                r"T3\.17\.rb_general\.(bobot|nilai)",
                "rb_indicator",
                lambda f, m: f[f["component_code"] == "GENERAL"],
                lambda m: {"bobot": "bobot", "nilai": "skor_bobot"}[m.group(1)],
                "num",
            ),
            (
                r"T3\.17\.rb_tematik\.(bobot|nilai)",
                "rb_indicator",
                lambda f, m: f[f["component_code"] == "TEMATIK"],
                lambda m: {"bobot": "bobot", "nilai": "skor_bobot"}[m.group(1)],
                "num",
            ),
            (r"T3\.17\.total\.(bobot|skor_bobot)", "rb_indicator", _all, _g1, "num"),
        ],
    ),
    "T3.20": (
        "Tabel 3.20",
        "anggaran",
        [
            (r"T3\.20\.total\.(pagu_rp|realisasi_rp)\.\d{4}", "budget_program", _all, _g1, "rp"),
        ],
    ),
    "T3.21": (
        "Tabel 3.21",
        "anggaran",
        [
            (r"T3\.21\.total\.(pagu_rp|realisasi_rp)\.\d{4}", "budget_unit", _all, _g1, "rp"),
        ],
    ),
    "T3.22": (
        "Tabel 3.22",
        "anggaran",
        [
            (r"T3\.22\.total\.(blokir_rp)\.\d{4}", "budget_blokir", _all, _g1, "rp"),
        ],
    ),
    "T3.23": (
        "Tabel 3.23",
        "anggaran",
        [
            (r"T3\.23\.total\.(pagu_rp|realisasi_rp)\.\d{4}", "dekonsentrasi", _all, _g1, "rp"),
        ],
    ),
    "T3.24": (
        "Tabel 3.24",
        "anggaran",
        [
            (r"T3\.24\.total\.(pagu_rp|realisasi_rp)\.\d{4}", "efficiency_ss", _all, _g1, "rp"),
        ],
    ),
}


def _total_check(table: str, specs: list[TotalSpec]) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        pf = ctx.get("printed_figure")
        for figure, label, value in zip(pf["figure"], pf["label"], pf["value"], strict=True):
            for pattern, dataset, rows, column, unit in specs:
                m = re.fullmatch(pattern, str(figure))
                if not m:
                    continue
                parts = rows(ctx.get(dataset), m)
                yield _exact(
                    str(figure), value, _sum(parts, column(m)), str(label), f"{figure}", unit, dataset="printed_figure"
                )
        if table == "Tabel 3.14":  # the grand total adds the two JUMLAH columns
            j = ctx.get("jamsos_participation")
            printed = ctx.printed("T3.14.total.aktif_non_aktif")
            both = None if j.empty else (_sum(j, "aktif") or 0) + (_sum(j, "non_aktif") or 0)
            yield _exact(
                "T3.14.total.aktif_non_aktif",
                printed,
                both,
                "total kepesertaan aktif dan non-aktif",
                "total active and inactive participants",
                "orang",
                dataset="printed_figure",
            )

    return check


def _row_totals(dataset: str, label: tuple[str, str]) -> Callable[[Context], Iterator[Outcome]]:
    parts = ["mandiri", "berkembang", "tumbuh", "pembangunan_baru"]

    def check(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        for row in frame.itertuples(index=False):
            key = str(getattr(row, "uptp", None) or row.urutan)
            total = sum(float(getattr(row, p)) for p in parts if _f(getattr(row, p)) is not None)
            yield _exact(key, row.jumlah_blkk, total, f"{label[0]} {key}", f"{label[1]} {key}", "num")

    return check


# ---------------------------------------------------------------- 2. percentages


def _pct_rows(
    dataset: str, key: str, num: str, den: str, printed: str, decimals: int, what: tuple[str, str]
) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        for _, row in frame.iterrows():
            rec = capaian.ratio_pct(_f(row[num]), _f(row[den]))
            k = str(row[key])
            yield pct_outcome(k, _f(row[printed]), rec, decimals, f"{what[0]} {k}", f"{what[1]} {k}")

    return check


def _pct_total(figure: str, dataset: str, num: str, den: str, decimals: int, what: tuple[str, str]) -> Callable:
    def one(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        if frame.empty:
            return
        rec = capaian.ratio_pct(_sum(frame, num), _sum(frame, den))
        for fig in ctx.get("printed_figure")["figure"]:
            if re.fullmatch(figure, str(fig)):
                yield pct_outcome(
                    str(fig), ctx.printed(str(fig)), rec, decimals, what[0], what[1], dataset="printed_figure"
                )

    return one


def _chain(*checks: Callable[[Context], Iterable[Outcome]]) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        for c in checks:
            yield from c(ctx)

    return check


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


def _delta_pct(dataset: str, key: str, value: str, decimals: int, what: tuple[str, str]) -> Callable:
    def check(ctx: Context) -> Iterator[Outcome]:
        if ctx.year is None:
            return
        now, prev = ctx.get(dataset), ctx.get(dataset, ctx.year - 1)
        before = dict(zip(prev[key], prev[value], strict=True))
        for _, row in now.iterrows():
            if pd.isna(row["delta_pct"]) or row[key] not in before:
                continue
            b = _f(before[row[key]])
            rec = None if not b else (_f(row[value]) / b - 1) * 100
            k = str(row[key])
            yield pct_outcome(k, _f(row["delta_pct"]), rec, decimals, f"{what[0]} {k}", f"{what[1]} {k}")

    return check


def _t33_total_pct(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    p = ctx.get("pyb_program")
    prev = ctx.get("pyb_program", ctx.year - 1)
    tr, tt, tp = _sum(p, "realisasi"), _sum(p, "target"), _sum(prev, "realisasi")
    y = ctx.year
    yield pct_outcome(
        f"T3.3.total.capaian_{y}",
        ctx.printed(f"T3.3.total.capaian_{y}"),
        capaian.ratio_pct(tr, tt),
        2,
        "capaian total PyB",
        "total PyB achievement",
        dataset="printed_figure",
    )
    yield pct_outcome(
        f"T3.3.total.delta_{y}",
        ctx.printed(f"T3.3.total.delta_{y}"),
        None if not tp else (tr / tp - 1) * 100,
        2,
        "Δ total PyB",
        "total PyB change",
        dataset="printed_figure",
    )


def _t34_total_pct(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    j = ctx.get("job_creation")
    jp = ctx.get("job_creation", ctx.year - 1)
    now = _sum(j[j["parent_kode"].isna()], "realisasi")
    before = _sum(jp[jp["parent_kode"].isna()], "realisasi")
    fig = f"T3.4.total.delta_{ctx.year}"
    yield pct_outcome(
        fig,
        ctx.printed(fig),
        None if not before else (now / before - 1) * 100,
        2,
        "Δ total penciptaan tenaga kerja baru",
        "change of total new jobs",
        dataset="printed_figure",
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


def _t324_pct(ctx: Context) -> Iterator[Outcome]:
    e = ctx.get("efficiency_ss")
    if e.empty:
        return
    fig = f"T3.24.total.capaian_ss_pct.{ctx.year}"
    yield pct_outcome(
        fig,
        ctx.printed(fig),
        capaian.mean_capaian_pct(e["capaian_ss_pct"].astype(float).tolist()),
        2,
        "rata-rata capaian SS",
        "mean goal achievement",
        dataset="printed_figure",
    )


def _t315_changes(ctx: Context) -> Iterator[Outcome]:
    if ctx.year is None:
        return
    now, prev = ctx.get("labour_force_bps"), ctx.get("labour_force_bps", ctx.year - 1)
    before = dict(zip(prev["kode"], prev["nilai"], strict=True))
    for _, row in now.iterrows():
        k = str(row["kode"])
        if k not in before:
            continue
        a, b = _f(row["nilai"]), _f(before[k])
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
        fig_pct = f"T3.15.{k}.perubahan_pct"
        p = ctx.printed(fig_pct)
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


def _narrative_pct(ctx: Context) -> Iterator[Outcome]:
    """Percentages the narrative of Bab 3.2 computes from figures printed beside them."""
    p = ctx.printed
    y = ctx.year
    specs = [
        (
            "B3.2.1.pyb_irisan_pct",
            p("B3.2.1.pyb_irisan"),
            _plus(p("T3.3.total.realisasi") and None, _pyb(ctx, "pyb_phi"), _pyb(ctx, "pyb_binwas")),
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
            None if p("B3.2.1.bps.bekerja") is None else p("B3.2.1.bps.bekerja") * 1e6,
            2,
            "hasil intervensi terhadap penduduk bekerja",
            "interventions over employed population",
        ),
    ]
    for fig, num, den, d, lid, len_ in specs:
        yield pct_outcome(fig, p(fig), capaian.ratio_pct(num, den), d, lid, len_, dataset="printed_figure")
    a, b = p("B3.2.1.placement_domestic.realisasi"), p("B3.2.1.placement_domestic.realisasi_prev", (y or 1) - 1)
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


def _plus(_: object, *values: float | None) -> float | None:
    return None if any(v is None for v in values) else float(sum(values))  # type: ignore[arg-type]


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _pyb(ctx: Context, komponen: str) -> float | None:
    p = ctx.get("pyb_program")
    hit = p.loc[p["komponen"] == komponen, "realisasi"]
    return None if hit.empty else _f(hit.iloc[0])


def _var(ctx: Context, variable: str, konteks: str = "variabel") -> float | None:
    v = ctx.get("pyb_variable")
    hit = v.loc[(v["variable"] == variable) & (v["konteks"] == konteks), "nilai"]
    return None if hit.empty else _f(hit.iloc[0])


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


def _l6_name(row: pd.Series) -> str:
    code = "/".join(
        str(row[c]) for c in ("program_code", "unit_code", "kegiatan_code", "output_code") if pd.notna(row[c])
    )
    name = str(row["name"])
    name = name if len(name) <= 60 else name[:57] + "…"
    return f"baris {row['urutan']} {row['level']} {code} «{name}»"


# ---------------------------------------------------------------- 3. hierarchies


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


def _pn_code(row: pd.Series) -> str:
    return "/".join(
        str(row[c]) for c in ("pn_code", "program_code", "kegiatan_code", "output_code") if pd.notna(row[c])
    )


def _rollup_l6(columns: tuple[str, ...]) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        oc = ctx.get("output_capaian")
        budgeted = oc[oc["anggaran_rp"].notna()]
        by = oc.set_index("urutan")
        for parent, kids in budgeted.groupby("parent_urutan"):
            if pd.isna(parent) or int(parent) not in by.index:
                continue
            row = by.loc[int(parent)]
            if pd.isna(row["anggaran_rp"]):
                continue
            what = _l6_name(pd.concat([row, pd.Series({"urutan": int(parent)})]))
            for col in columns:
                yield _exact(str(int(parent)), row[col], _sum(kids, col), f"{what} ({col})", f"{what} ({col})", "rp")

    return check


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


SS_PROGRAMS = {"SS-1": ("DN", "DL"), "SS-2": ("WA",)}
"""Tabel 3.24: SS-1 is served by programs DN and DL, SS-2 by program WA."""


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


# ---------------------------------------------------------------- 4. same quantity in two places


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


def _ss1_formula(ctx: Context) -> Iterator[Outcome]:
    v = ctx.get("pyb_variable")
    if v.empty:
        return
    try:
        x = productivity.inputs_from_variables(v, "perhitungan")
    except KeyError:
        return
    p = productivity.productivity_contribution_pct(x)
    for fig in ("B3.2.1.perhitungan.p",):
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
"""Figures the narrative, chapter IV, the executive summary and other tables repeat from Tabel 3.2."""


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


def _yoy(ctx: Context) -> Iterator[Outcome]:
    """Year-on-year changes the narrative prints, recomputed from Tabel 3.2 and Tabel 3.19."""
    if ctx.year is None:
        return
    ic = ctx.get("ikss_capaian", "all")
    y = ctx.year
    val = {(r.ikss_code, int(r.year)): _f(r.realisasi) for r in ic.itertuples()}
    for fig, code, unit in (
        ("B3.1.ss1_kenaikan", "produktivitas", "pct"),
        ("B3.1.rb_kenaikan", "indeks_rb", "num"),
        ("B3.2.2.rb.kenaikan_poin", "indeks_rb", "num"),
        ("B3.1.spbe_kenaikan", "indeks_spbe", "num"),
        ("B3.2.2.spbe.kenaikan", "indeks_spbe", "num"),
    ):
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
        for fig, sign in ((f"B3.2.2.spbe.{code}.kenaikan_{y}", 1), (f"B3.2.2.spbe.{code}.penurunan_{y}", -1)):
            p = ctx.printed(fig)
            if p is not None:
                yield Outcome(
                    fig,
                    p,
                    sign * (a - b),
                    ctx.figure_label(fig),
                    fig,
                    unit="num",
                    tol=tolerance(2),
                    dataset="printed_figure",
                    tables=("Bab 3.2.2", "Tabel 3.19"),
                    decimals=2,
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


def _spbe(ctx: Context) -> Iterator[Outcome]:
    ind, asp, dom = ctx.get("spbe_indicator"), ctx.get("spbe_aspect"), ctx.get("spbe_domain")
    if ind.empty or asp.empty or asp["bobot_pct"].isna().any():
        return
    idx = spbe.spbe_index(ind, asp)
    tab = ("Lampiran 8", "Tabel 3.19")
    for fig in ("T3.19.spbe.nilai", "L8.indeks_spbe", "B3.2.2.spbe.indeks"):
        if fig.endswith("_2024") and ctx.year != 2024 and fig.startswith(("T3", "B3")):
            continue
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
            ctx.printed(f"T3.19.spbe.nilai_{ctx.year}"),
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


def _budget_repeats(ctx: Context) -> Iterator[Outcome]:
    bp, bb = ctx.get("budget_program"), ctx.get("budget_blokir")
    if bp.empty:
        return
    pagu, real = _sum(bp, "pagu_rp"), _sum(bp, "realisasi_rp")
    blok = _sum(bb, "blokir_rp")
    prev = ctx.get("budget_program", (ctx.year or 1) - 1)
    pagu_prev = _sum(prev, "pagu_rp")
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
    narrative = {
        "B2.pn3_dl_pagu": ("03", "DL"),
        "B2.pn1_dn_pagu": ("01", "DN"),
        "B2.pn3_dn_pagu": ("03", "DN"),
        "B2.pn7_dn_pagu": ("07", "DN"),
    }
    for fig, (pn, prog) in narrative.items():
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
    # a unit's money in Lampiran 6: its program_unit rows plus kegiatan hung directly under a program row
    prog_urutan = set(prog["urutan"].astype(int))
    direct = oc[(oc["level"] == "kegiatan") & oc["parent_urutan"].isin(prog_urutan)]
    per_unit = (
        pd.concat([oc[oc["level"] == "program_unit"], direct])
        .groupby("unit_code")[["anggaran_rp", "realisasi_rp"]]
        .sum()
    )
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
        )


def _norm(name: object) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().lower()


def _ikp_ikk(ctx: Context) -> Iterator[Outcome]:
    """The same indicator printed as IKP (programme per unit) and as IKK (its only kegiatan) must carry the same figures."""
    oc = ctx.get("output_capaian")
    by = oc.set_index("urutan")
    parent = dict(zip(oc["urutan"].astype(int), oc["parent_urutan"], strict=True))

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
        if pu is None or pd.isna(pu):
            continue
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
                    tol=EPS * 1000,
                )


def _ikk_shift(ctx: Context) -> Iterator[Outcome]:
    """IKK rows whose figures are the next indicator's (target, realisasi): printed one row too high."""
    oc = ctx.get("output_capaian")
    ikk = oc[oc["level"] == "ikk"]
    for sk, rows in ikk.groupby("parent_urutan"):
        rows = rows.sort_values("urutan")
        vals = [(_f(t), _f(r)) for t, r in zip(rows["target"], rows["realisasi"], strict=True)]
        if len(vals) < 3:
            continue
        keg = oc.loc[oc["urutan"] == int(sk), "parent_urutan"]
        keg_code = rows["kegiatan_code"].iloc[0]
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


def _near(a: tuple[float | None, ...], b: tuple[float | None, ...]) -> bool:
    """Equal pairs of figures, allowing the rounding of a whole-number print (94 for 93,99)."""
    return all((x is None) == (y is None) and (x is None or abs(x - y) <= 0.5) for x, y in zip(a, b, strict=True))


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


def _ss1_narrative(ctx: Context) -> Iterator[Outcome]:
    """Bab 3.2.1 figures that repeat Tabel 3.3-3.15 or the SS-1 variables."""
    p, y = ctx.printed, ctx.year
    pp = ctx.get("pyb_program")
    jc = ctx.get("job_creation")
    tr = _sum(pp, "realisasi")
    items: list[tuple[str, float | None, Unit, str]] = [
        ("B3.2.1.intervensi_total", tr, "orang", "Tabel 3.3"),
        ("B3.2.1.pyb_capaian", capaian.ratio_pct(tr, _sum(pp, "target")), "pct", "Tabel 3.3"),
        ("B3.2.1.tenaga_kerja_baru", _sum(jc[jc["parent_kode"].isna()], "realisasi"), "orang", "Tabel 3.4"),
        (
            "B3.2.1.pyb_irisan",
            None if _pyb(ctx, "pyb_irisan") is None else abs(_pyb(ctx, "pyb_irisan")),
            "orang",
            "Tabel 3.3",
        ),
        (
            "B3.2.1.pekerja_dibina",
            _plus(None, _pyb(ctx, "pyb_phi"), _pyb(ctx, "pyb_binwas"), _pyb(ctx, "pyb_irisan")),
            "orang",
            "Tabel 3.3",
        ),
        (
            "B3.2.1.delta_pyb_juta",
            None if _var(ctx, "delta_pyb") is None else _var(ctx, "delta_pyb") / 1e6,
            "num",
            "Bab 3.2.1",
        ),
    ]
    for komponen, fig in (("pyb_vokasi", "B3.2.1.pyb_vokasi_capaian"),):
        hit = pp.loc[pp["komponen"] == komponen, "capaian_pct"]
        items.append((fig, None if hit.empty else _f(hit.iloc[0]), "pct", "Tabel 3.3"))
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
    hit = jc.loc[jc["kode"] == "2a", "realisasi"]
    items.append(
        (f"B3.2.1.placement_domestic.realisasi_{y}", None if hit.empty else _f(hit.iloc[0]), "orang", "Tabel 3.4")
    )
    w = ctx.get("wlkp_company")
    wp = ctx.get("wlkp_company", (y or 1) - 1)
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
    tr8 = ctx.get("blk_komunitas_trend", "all")
    t8 = {int(r.year): r for r in tr8.itertuples()}
    if y in t8:
        cur = t8[y]
        items.append((f"B3.2.1.blkk.jumlah_{y}", _f(cur.jumlah_blkk), "num", "Tabel 3.8"))
        items.append((f"B3.2.1.blkk.pembangunan_{y}", _f(cur.pembangunan_baru), "num", "Tabel 3.8"))
        for col in ("mandiri", "berkembang", "tumbuh"):
            # the narrative quotes the previous year's counts too; those carry that year in printed_figure
            items.append((f"B3.2.1.blkk.{col}_{y}", _f(getattr(cur, col)), "num", "Tabel 3.8"))
        if y - 1 in t8:
            prev = t8[y - 1]
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
            fig = f"T3.7.total.{col}"
            items.append((fig, _f(getattr(cur, col)), "num", "Tabel 3.8"))
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


# ---------------------------------------------------------------- 5. plausibility


BUDGET_FRAMES = {
    "budget_program": ("program_code", "pagu_rp", "Tabel 3.20"),
    "budget_unit": ("unit_code", "pagu_rp", "Tabel 3.21"),
    "dekonsentrasi": ("unit_code", "pagu_rp", "Tabel 3.23"),
    "efficiency_ss": ("ss_code", "pagu_rp", "Tabel 3.24"),
    "pn_realisasi": ("urutan", "pagu_rp", "Lampiran 5"),
    "output_capaian": ("urutan", "anggaran_rp", "Lampiran 6"),
}

CAPAIAN_FRAMES = {
    "ikss_capaian": ("ikss_code", "capaian_pct", "Tabel 3.2"),
    "pyb_program": ("komponen", "capaian_pct", "Tabel 3.3"),
    "training_uptp": ("uptp", "capaian_pct", "Tabel 3.6"),
    "placement_domestic": ("nomor", "capaian_pct", "Tabel 3.10"),
    "rb_indicator": ("nomor", "capaian_pct", "Tabel 3.17"),
    "output_capaian": ("urutan", "capaian_pct", "Lampiran 6"),
}

CAPAIAN_WARN_PCT = 150.0
CAPAIAN_ERROR_PCT = 1000.0

NEGATIVE_OK = {
    ("pyb_program", "realisasi"),
    ("pyb_program", "delta_pct"),
    ("job_creation", "delta_pct"),
    ("printed_figure", "value"),
}
"""Columns where a negative value is meant: the PyB overlap (subtracted) and changes."""


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


# ---------------------------------------------------------------- the list


def _total_rules() -> list[Rule]:
    rules = []
    for suffix, (table, page, specs) in TOTALS.items():
        datasets = ("printed_figure", *dict.fromkeys(s[1] for s in specs))
        rules.append(
            Rule(
                f"total.{suffix}",
                "total",
                (table,),
                datasets,
                "error",
                page,
                f"{table}: setiap total yang dicetak = jumlah baris rinciannya.",
                f"{table}: every printed total = sum of its detail rows.",
                _total_check(table, specs),
            )
        )
    return rules


RULES: list[Rule] = [
    *_total_rules(),
    Rule(
        "total.T3.7.row",
        "total",
        ("Tabel 3.7",),
        ("blk_komunitas_uptp",),
        "error",
        "ss1",
        "Tabel 3.7: kolom jumlah tiap UPTP = mandiri + berkembang + tumbuh + pembangunan baru.",
        "Tabel 3.7: each UPTP's total column = mandiri + berkembang + tumbuh + new builds.",
        _row_totals("blk_komunitas_uptp", ("jumlah BLK-K", "BLK-K total")),
    ),
    Rule(
        "total.T3.8.row",
        "total",
        ("Tabel 3.8",),
        ("blk_komunitas_trend",),
        "error",
        "ss1",
        "Tabel 3.8: jumlah BLK-K tiap tahun = mandiri + berkembang + tumbuh + pembangunan baru.",
        "Tabel 3.8: each year's BLK-K total = mandiri + berkembang + tumbuh + new builds.",
        _row_totals("blk_komunitas_trend", ("jumlah BLK-K tahun", "BLK-K total of year")),
    ),
    # 2. percentages
    Rule(
        "pct.T3.2",
        "pct",
        ("Tabel 3.2",),
        ("ikss_capaian",),
        "warning",
        "ringkasan",
        "Tabel 3.2: capaian IKSS = realisasi / target (Opini BPK: peringkat opini).",
        "Tabel 3.2: IKSS achievement = actual / target (Opini BPK: opinion rank).",
        _ikss_capaian,
    ),
    Rule(
        "pct.ss",
        "pct",
        ("Tabel 3.2", "Bab 3.1"),
        ("printed_figure", "ikss_capaian", "ikss", "efficiency_ss"),
        "warning",
        "ringkasan",
        "Capaian SS = rata-rata capaian IKSS-nya; capaian rata-rata = rata-rata kedua SS (Bab 3.1, Tabel 3.24).",
        "Goal achievement = mean of its IKSS achievements; overall = mean of both goals (Bab 3.1, Tabel 3.24).",
        _ss_pct,
    ),
    Rule(
        "pct.T3.3",
        "pct",
        ("Tabel 3.3",),
        ("pyb_program", "printed_figure"),
        "warning",
        "ss1",
        "Tabel 3.3: capaian = realisasi / target; Δ = perubahan realisasi terhadap tahun sebelumnya.",
        "Tabel 3.3: achievement = actual / target; Δ = change of actual against the previous year.",
        _chain(
            _pct_rows("pyb_program", "komponen", "realisasi", "target", "capaian_pct", 2, ("capaian", "achievement")),
            _delta_pct("pyb_program", "komponen", "realisasi", 2, ("Δ realisasi", "change of actual")),
            _t33_total_pct,
        ),
    ),
    Rule(
        "pct.T3.4",
        "pct",
        ("Tabel 3.4",),
        ("job_creation", "printed_figure"),
        "warning",
        "ss1",
        "Tabel 3.4: Δ realisasi = perubahan terhadap tahun sebelumnya.",
        "Tabel 3.4: change of actual against the previous year.",
        _chain(
            _delta_pct("job_creation", "kode", "realisasi", 2, ("Δ realisasi baris", "change of actual, row")),
            _t34_total_pct,
        ),
    ),
    Rule(
        "pct.T3.6",
        "pct",
        ("Tabel 3.6",),
        ("training_uptp", "printed_figure"),
        "warning",
        "ss1",
        "Tabel 3.6: capaian pelatihan tiap UPTP = realisasi / target.",
        "Tabel 3.6: training achievement of each UPTP = actual / target.",
        _chain(
            _pct_rows("training_uptp", "uptp", "realisasi", "target", "capaian_pct", 2, ("capaian", "achievement")),
            _pct_total(
                r"T3\.6\.total\.capaian_pct",
                "training_uptp",
                "realisasi",
                "target",
                2,
                ("capaian TOTAL", "TOTAL achievement"),
            ),
        ),
    ),
    Rule(
        "pct.T3.10",
        "pct",
        ("Tabel 3.10",),
        ("placement_domestic", "printed_figure"),
        "warning",
        "ss1",
        "Tabel 3.10: capaian penempatan = realisasi / target (persen bulat).",
        "Tabel 3.10: placement achievement = actual / target (whole percent).",
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
        ),
    ),
    Rule(
        "pct.T3.15",
        "pct",
        ("Tabel 3.15",),
        ("labour_force_bps", "printed_figure"),
        "warning",
        "ss1",
        "Tabel 3.15: perubahan Agustus ke Agustus (juta orang dan persen) dari nilai kedua tahun.",
        "Tabel 3.15: August-to-August change (million people and percent) from both years' values.",
        _t315_changes,
    ),
    Rule(
        "pct.T3.17",
        "pct",
        ("Tabel 3.17",),
        ("rb_indicator",),
        "warning",
        "ss2",
        "Tabel 3.17: % capaian tiap indikator RB = skor bobot / bobot.",
        "Tabel 3.17: each RB indicator's % = weighted score / weight.",
        _pct_rows("rb_indicator", "nomor", "skor_bobot", "bobot", "capaian_pct", 2, ("indikator RB", "RB indicator")),
    ),
    Rule(
        "pct.T3.20",
        "pct",
        ("Tabel 3.20",),
        ("budget_program", "printed_figure"),
        "warning",
        "anggaran",
        "Tabel 3.20: capaian (penyerapan) = realisasi / pagu, per program dan total.",
        "Tabel 3.20: absorption = actual / budget, per programme and total.",
        _chain(
            _pct_rows(
                "budget_program",
                "program_code",
                "realisasi_rp",
                "pagu_rp",
                "penyerapan_pct",
                2,
                ("penyerapan program", "absorption of programme"),
            ),
            _pct_total(
                r"T3\.20\.total\.penyerapan_pct\.\d{4}",
                "budget_program",
                "realisasi_rp",
                "pagu_rp",
                2,
                ("penyerapan total", "total absorption"),
            ),
        ),
    ),
    Rule(
        "pct.T3.21",
        "pct",
        ("Tabel 3.21",),
        ("budget_unit", "printed_figure"),
        "warning",
        "anggaran",
        "Tabel 3.21: realisasi (%) = realisasi / pagu, per unit Eselon I dan total.",
        "Tabel 3.21: absorption = actual / budget, per Eselon I unit and total.",
        _chain(
            _pct_rows(
                "budget_unit",
                "unit_code",
                "realisasi_rp",
                "pagu_rp",
                "penyerapan_pct",
                2,
                ("penyerapan unit", "absorption of unit"),
            ),
            _pct_total(
                r"T3\.21\.total\.penyerapan_pct\.\d{4}",
                "budget_unit",
                "realisasi_rp",
                "pagu_rp",
                2,
                ("penyerapan total", "total absorption"),
            ),
        ),
    ),
    Rule(
        "pct.T3.23",
        "pct",
        ("Tabel 3.23",),
        ("dekonsentrasi", "printed_figure"),
        "warning",
        "anggaran",
        "Tabel 3.23: capaian dana dekonsentrasi = realisasi / pagu, per bidang dan total.",
        "Tabel 3.23: deconcentration absorption = actual / budget, per field and total.",
        _chain(
            _pct_rows(
                "dekonsentrasi",
                "unit_code",
                "realisasi_rp",
                "pagu_rp",
                "capaian_pct",
                2,
                ("capaian bidang", "absorption of field"),
            ),
            _pct_total(
                r"T3\.23\.total\.capaian_pct\.\d{4}",
                "dekonsentrasi",
                "realisasi_rp",
                "pagu_rp",
                2,
                ("capaian total", "total absorption"),
            ),
        ),
    ),
    Rule(
        "pct.T3.24",
        "pct",
        ("Tabel 3.24",),
        ("efficiency_ss", "printed_figure"),
        "warning",
        "anggaran",
        "Tabel 3.24: capaian anggaran = realisasi / pagu; capaian SS rata-rata = rata-rata kedua SS.",
        "Tabel 3.24: budget absorption = actual / budget; mean goal achievement = mean of both goals.",
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
                r"T3\.24\.total\.capaian_anggaran_pct\.\d{4}",
                "efficiency_ss",
                "realisasi_rp",
                "pagu_rp",
                2,
                ("capaian anggaran total", "total budget absorption"),
            ),
            _t324_pct,
        ),
    ),
    Rule(
        "pct.B3.3",
        "pct",
        ("Bab 3.3",),
        ("printed_figure",),
        "warning",
        "anggaran",
        "Bab 3.3: penyerapan, penyerapan tanpa blokir dan capaian kinerja anggaran dihitung dari angka narasi.",
        "Bab 3.3: absorption, absorption without blokir and budget performance recomputed from the narrative figures.",
        _budget_narrative_pct,
    ),
    Rule(
        "pct.narasi",
        "pct",
        ("Bab 3.2.1", "Bab 3.2.2"),
        ("printed_figure", "pyb_program", "pyb_variable", "ikss_capaian"),
        "warning",
        "ss1",
        "Persentase di narasi Bab 3.2 (irisan PyB, kontribusi penciptaan kerja, kenaikan) dari angka di sebelahnya.",
        "Percentages in the Bab 3.2 narrative (PyB overlap, job creation share, growth) from the figures beside them.",
        _narrative_pct,
    ),
    Rule(
        "pct.L6.penyerapan",
        "pct",
        ("Lampiran 6",),
        ("output_capaian",),
        "warning",
        "output",
        "Lampiran 6: % penyerapan tiap baris = realisasi / anggaran (persen bulat).",
        "Lampiran 6: each row's % absorption = actual / budget (whole percent).",
        _l6_pct("penyerapan_pct", "realisasi_rp", "anggaran_rp"),
    ),
    Rule(
        "pct.L6.capaian",
        "pct",
        ("Lampiran 6",),
        ("output_capaian",),
        "warning",
        "output",
        "Lampiran 6: % capaian kinerja tiap baris = realisasi / target (persen bulat).",
        "Lampiran 6: each row's % achievement = actual / target (whole percent).",
        _l6_pct("capaian_pct", "realisasi", "target"),
    ),
    # 3. hierarchies
    Rule(
        "rollup.T2.4",
        "rollup",
        ("Tabel 2.4",),
        ("pn_item",),
        "error",
        "pn",
        "Tabel 2.4: pagu dan target output PN = jumlah program = jumlah kegiatan = jumlah output.",
        "Tabel 2.4: budget and output target of a PN = sum of programmes = of activities = of outputs.",
        _rollup_pn("pn_item", ("pagu_rp", "target_output")),
    ),
    Rule(
        "rollup.L5",
        "rollup",
        ("Lampiran 5",),
        ("pn_realisasi",),
        "error",
        "pn",
        "Lampiran 5: pagu, realisasi dan volume output PN → program → kegiatan → output menjumlah.",
        "Lampiran 5: budget, actual and output volumes roll up PN → programme → activity → output.",
        _rollup_pn("pn_realisasi", ("pagu_rp", "realisasi_rp", "target_output", "realisasi_output")),
    ),
    Rule(
        "rollup.L6",
        "rollup",
        ("Lampiran 6",),
        ("output_capaian",),
        "error",
        "output",
        "Lampiran 6: anggaran dan realisasi program → program per unit → kegiatan → output menjumlah.",
        "Lampiran 6: budget and actual roll up programme → programme per unit → activity → output.",
        _rollup_l6(("anggaran_rp", "realisasi_rp")),
    ),
    Rule(
        "rollup.L6.volume",
        "rollup",
        ("Lampiran 6",),
        ("output_capaian",),
        "warning",
        "output",
        "Lampiran 6: target dan realisasi kegiatan = jumlah volume outputnya.",
        "Lampiran 6: an activity's target and actual = sum of its outputs' volumes.",
        _rollup_l6_volume,
    ),
    Rule(
        "rollup.T3.4",
        "rollup",
        ("Tabel 3.4",),
        ("job_creation",),
        "error",
        "ss1",
        "Tabel 3.4: baris 1 = 1a + 1b + 1c, baris 2 = 2a + 2b.",
        "Tabel 3.4: row 1 = 1a + 1b + 1c, row 2 = 2a + 2b.",
        _rollup_t34,
    ),
    Rule(
        "rollup.budget",
        "rollup",
        ("Tabel 3.20", "Tabel 3.21", "Tabel 3.24"),
        ("budget_program", "budget_unit", "efficiency_ss"),
        "error",
        "anggaran",
        "Anggaran per unit (3.21) = per program (3.20); SS-1 = program DN + DL, SS-2 = program WA (3.24).",
        "Budget per unit (3.21) = per programme (3.20); SS-1 = programmes DN + DL, SS-2 = programme WA (3.24).",
        _rollup_budget,
    ),
    # 4. the same quantity in two places
    Rule(
        "same.pyb_variable",
        "same",
        ("Bab 3.2.1",),
        ("pyb_variable",),
        "warning",
        "ss1",
        "Variabel SS-1: daftar variabel = angka di rumus terhitung.",
        "SS-1 variables: the variable list = the figures in the worked formula.",
        _pyb_variable,
    ),
    Rule(
        "same.pyb_T3.3",
        "same",
        ("Bab 3.2.1", "Tabel 3.3"),
        ("pyb_variable", "pyb_program"),
        "warning",
        "ss1",
        "Variabel SS-1 = realisasi PyB di Tabel 3.3.",
        "SS-1 variables = PyB actuals in Tabel 3.3.",
        _pyb_vs_t33,
    ),
    Rule(
        "same.T3.3_T3.4",
        "same",
        ("Tabel 3.3", "Tabel 3.4"),
        ("pyb_program", "job_creation"),
        "error",
        "ss1",
        "PyB Vokasi dan PyB Penta (Tabel 3.3) = baris 1 dan 2 Tabel 3.4.",
        "PyB Vokasi and PyB Penta (Tabel 3.3) = rows 1 and 2 of Tabel 3.4.",
        _t33_vs_t34,
    ),
    Rule(
        "same.ss1_formula",
        "same",
        ("Bab 3.2.1", "Tabel 3.2"),
        ("pyb_variable", "printed_figure", "ikss_capaian"),
        "error",
        "ss1",
        "P (kontribusi terhadap produktivitas) dihitung ulang dari variabelnya = 4,01 % yang dicetak.",
        "P (productivity contribution) recomputed from its variables = the printed 4.01 %.",
        _ss1_formula,
    ),
    Rule(
        "same.ikss",
        "same",
        ("Tabel 3.2", "Ringkasan Eksekutif", "Bab 3", "Bab IV"),
        ("printed_figure", "ikss_capaian"),
        "error",
        "ringkasan",
        "Target, realisasi dan capaian IKSS yang diulang di narasi, Bab IV, Ringkasan Eksekutif = Tabel 3.2.",
        "IKSS targets, actuals and achievements repeated in the narrative, chapter IV, executive summary = Tabel 3.2.",
        _ikss_repeats,
    ),
    Rule(
        "same.pk_target",
        "same",
        ("Lampiran 1-4", "Tabel 3.2"),
        ("pk_target", "ikss_capaian"),
        "error",
        "ringkasan",
        "Target IKSS di PK (Lampiran 1-4) = target Tabel 3.2.",
        "IKSS targets in the PK (Lampiran 1-4) = Tabel 3.2.",
        _pk_target,
    ),
    Rule(
        "same.yoy",
        "same",
        ("Bab 3.1", "Bab 3.2.2"),
        ("printed_figure", "ikss_capaian", "spbe_domain"),
        "error",
        "ss2",
        "Kenaikan/penurunan yang disebut narasi = selisih nilai kedua tahun (Tabel 3.2, Tabel 3.19).",
        "Increases/decreases named in the narrative = difference of both years' values (Tabel 3.2, Tabel 3.19).",
        _yoy,
    ),
    Rule(
        "same.rb",
        "same",
        ("Tabel 3.16", "Tabel 3.17", "Lampiran 7", "Tabel 3.2"),
        ("rb_component", "rb_indicator", "rb_history", "ikss_capaian", "printed_figure"),
        "error",
        "ss2",
        "Indeks RB = RB General + RB Tematik; nilai komponen = jumlah skor bobot indikatornya; sama di Tabel 3.2 dan Lampiran 7.",
        "RB index = RB General + RB Tematik; component value = sum of its indicators' weighted scores; same in Tabel 3.2 and Lampiran 7.",
        _rb_index,
    ),
    Rule(
        "same.spbe",
        "same",
        ("Lampiran 8", "Tabel 3.19"),
        ("spbe_indicator", "spbe_aspect", "spbe_domain", "spbe_predikat", "printed_figure"),
        "error",
        "ss2",
        "Indeks SPBE dihitung ulang dari 47 tingkat indikator (aspek = rata-rata indikator, indeks = Σ bobot × aspek) "
        "= indeks, aspek, domain dan predikat yang dicetak.",
        "SPBE index recomputed from the 47 indicator levels (aspect = mean of indicators, index = Σ weight × aspect) "
        "= the printed index, aspects, domains and predikat.",
        _spbe,
    ),
    Rule(
        "same.budget",
        "same",
        ("Bab 3.3", "Bab IV", "Ringkasan Eksekutif", "Tabel 3.20", "Tabel 3.22"),
        ("printed_figure", "budget_program", "budget_blokir"),
        "error",
        "anggaran",
        "Pagu, realisasi, blokir dan penyerapan yang diulang di narasi = Tabel 3.20 dan 3.22.",
        "Budget, actual, blokir and absorption repeated in the narrative = Tabel 3.20 and 3.22.",
        _budget_repeats,
    ),
    Rule(
        "same.pk_pagu",
        "same",
        ("Tabel 2.3", "Lampiran 1-4"),
        ("pk_pagu_program", "budget_program"),
        "error",
        "anggaran",
        "Pagu program di Tabel 2.3 = dokumen PK (Lampiran 1-4); PK Desember = Tabel 3.20.",
        "Programme budgets in Tabel 2.3 = the PK documents (Lampiran 1-4); December PK = Tabel 3.20.",
        _pk_pagu,
    ),
    Rule(
        "same.pn",
        "same",
        ("Tabel 2.4", "Lampiran 5"),
        ("pn_realisasi", "pn_item", "printed_figure"),
        "error",
        "pn",
        "Pagu dan target output tiap baris PN: Tabel 2.4 = Lampiran 5; narasi Bab 2.2 = Tabel 2.4.",
        "Budget and output target of each PN row: Tabel 2.4 = Lampiran 5; Bab 2.2 narrative = Tabel 2.4.",
        _pn_same,
    ),
    Rule(
        "same.L6_ch3",
        "same",
        ("Lampiran 6", "Tabel 3.20", "Tabel 3.21"),
        ("output_capaian", "budget_program", "budget_unit"),
        "info",
        "anggaran",
        "Pagu dan realisasi program/unit di Lampiran 6 (Monev Kemenkeu) vs Tabel 3.20/3.21 (OM-SPAN).",
        "Programme/unit budget and actual in Lampiran 6 (Monev Kemenkeu) vs Tabel 3.20/3.21 (OM-SPAN).",
        _l6_vs_ch3,
    ),
    Rule(
        "same.L6.ikp_ikk",
        "same",
        ("Lampiran 6",),
        ("output_capaian",),
        "error",
        "output",
        "Indikator yang sama di baris IKP (program per unit) dan IKK (kegiatannya) = angka yang sama.",
        "The same indicator on the IKP row (programme per unit) and the IKK row (its activity) = same figures.",
        _ikp_ikk,
    ),
    Rule(
        "same.L6.ikk_shift",
        "same",
        ("Lampiran 6",),
        ("output_capaian",),
        "error",
        "output",
        "Angka IKK tidak bergeser satu baris terhadap indikatornya.",
        "IKK figures are not shifted by one row against their indicators.",
        _ikk_shift,
    ),
    Rule(
        "same.L6.ikss",
        "same",
        ("Lampiran 6", "Tabel 3.2"),
        ("output_capaian", "ikss_capaian", "ikss"),
        "error",
        "output",
        "Target dan realisasi IKSS di Lampiran 6 = Tabel 3.2.",
        "IKSS target and actual in Lampiran 6 = Tabel 3.2.",
        _l6_ikss,
    ),
    Rule(
        "same.ss1_narasi",
        "same",
        ("Bab 3.2.1",),
        (
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
        "error",
        "ss1",
        "Angka narasi Bab 3.2.1 = tabel sumbernya (Tabel 3.3-3.15); JUMLAH Tabel 3.7 = Tabel 3.8.",
        "Bab 3.2.1 narrative figures = their source tables (Tabel 3.3-3.15); Tabel 3.7 JUMLAH = Tabel 3.8.",
        _ss1_narrative,
    ),
    # 5. plausibility
    Rule(
        "plausible.over_budget",
        "plausible",
        ("Tabel 3.20", "Tabel 3.21", "Tabel 3.23", "Tabel 3.24", "Lampiran 5", "Lampiran 6"),
        ("printed_figure",),
        "warning",
        "anggaran",
        "Realisasi tidak melebihi pagu.",
        "Actual does not exceed the budget.",
        _over_budget,
    ),
    Rule(
        "plausible.capaian",
        "plausible",
        ("Tabel 3.2", "Tabel 3.3", "Tabel 3.6", "Tabel 3.10", "Tabel 3.17", "Lampiran 6"),
        ("printed_figure",),
        "warning",
        "output",
        "Capaian ≤ 150 % (di atasnya peringatan, di atas 1000 % galat).",
        "Achievement ≤ 150 % (above: warning; above 1000 %: error).",
        _capaian_bound,
    ),
    Rule(
        "plausible.negative",
        "plausible",
        ("semua tabel",),
        ("printed_figure",),
        "error",
        "ringkasan",
        "Tidak ada nilai negatif kecuali irisan PyB dan kolom perubahan.",
        "No negative values except the PyB overlap and change columns.",
        _negative,
    ),
    Rule(
        "plausible.target_zero",
        "plausible",
        ("Lampiran 5", "Lampiran 6", "Tabel 3.3", "Tabel 3.6", "Tabel 3.10"),
        ("printed_figure",),
        "warning",
        "output",
        "Tidak ada realisasi dengan target 0.",
        "No actual with a zero target.",
        _target_zero,
    ),
]
"""Every rule, in the order the page lists them."""

RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
