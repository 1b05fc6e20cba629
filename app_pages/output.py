"""Capaian Output (Lampiran 6): filters, status tiles, quadrant; in tabs the hierarchy drill-down, the
under-target list, provinces, the budget map (treemap), all outputs and data notes.

Everything a rerun shows is computed once per (year, language, data version, filters) by the
small functions below, cached with ``ui.widgets.built`` on those small keys (hashing the year's
thousands of rows on every rerun would cost more than the work): a warm rerun only sends elements.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import streamlit as st

from kpi import outputs as ko
from kpi.budget import absorption_pct
from kpi.capaian import capaian_pct
from kpi.status import status_of
from ui import data
from ui.charts import output as charts
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import LANGS, lang, t
from ui.widgets import built, formatted_table, page_findings, query_choice, source_line, tile, vega, year_select

L = lang()
SRC = "Lampiran 6"
ALL = "all"

TXT: dict[str, tuple[str, str]] = {
    "intro": (
        "Lampiran 6 LKj 2024: anggaran dan capaian setiap output, kegiatan, program dan sasaran. Persentase "
        "dihitung ulang dari angka yang dicetak (laporan mencetak persen bulat). Realisasi anggaran di sini "
        "bersumber dari Monev Kemenkeu (28 Februari 2025), bukan OM-SPAN seperti Bab 3.",
        "Appendix 6 of the 2024 LKj: budget and achievement of every output, activity, programme and goal. "
        "Percentages are recomputed from the printed figures (the report prints whole percent). Budget spent "
        "here comes from Monev Kemenkeu (28 February 2025), not OM-SPAN as in chapter 3.",
    ),
    "filters": ("Saring output", "Filter outputs"),
    "unit": ("Unit Eselon I", "Echelon I unit"),
    "program": ("Program", "Programme"),
    "kegiatan": ("Kegiatan", "Activity"),
    "status": ("Status capaian output", "Output achievement status"),
    "all_units": ("Semua unit", "All units"),
    "all_programs": ("Semua program", "All programmes"),
    "all_kegiatan": ("Semua kegiatan", "All activities"),
    "n_outputs": ("Jumlah output", "Number of outputs"),
    "tile_help": (
        "Jumlah output dengan status ini (capaian dihitung ulang: realisasi / target)",
        "Outputs with this status (achievement recomputed: actual / target)",
    ),
    "shown": ("ditampilkan", "shown"),
    "quadrant_h": ("Penyerapan anggaran vs capaian output", "Budget absorption vs output achievement"),
    "quadrant_t": ("Satu titik per output, ukuran = anggaran", "One dot per output, size = budget"),
    "quadrant_note": (
        "Garis putus-putus: 100 %. Sumbu tegak tidak dimulai dari nol agar sebaran terlihat.",
        "Dashed lines: 100%. The vertical axis does not start at zero so the spread is visible.",
    ),
    "clipped_note": (
        "{n} titik di luar batas sumbu ({cap}) digambar di tepi sebagai segitiga.",
        "{n} points beyond the axis limit ({cap}) are drawn on the edge as triangles.",
    ),
    "quadrant_count": ("Jumlah output per kuadran", "Outputs per quadrant"),
    "drill_h": ("Rincian hierarki", "Hierarchy drill-down"),
    "drill_help": (
        "Pilih baris tabel (atau pilihan di bawahnya) untuk membuka rinciannya; tombol di atas kembali ke tingkat induk.",
        "Select a table row (or the choice below it) to open it; the buttons above go back up.",
    ),
    "root": ("Lampiran 6", "Appendix 6"),
    "open": ("Buka rincian", "Open"),
    "open_ph": ("Pilih baris yang memiliki rincian…", "Choose a row that has details…"),
    "leaf": ("Baris ini tidak memiliki rincian lagi.", "This row has no further details."),
    "under_h": ("Output di bawah target (capaian < 100 %)", "Outputs under target (achievement < 100%)"),
    "under_none": (
        "Semua output dalam pilihan ini mencapai target.",
        "Every output in this selection reached its target.",
    ),
    "prov_h": ("Output per provinsi", "Outputs per province"),
    "prov_pick": ("Kegiatan dengan output per provinsi", "Activity with per-province outputs"),
    "prov_chart": ("Target dan realisasi per provinsi", "Target and actual per province"),
    "tree_h": ("Peta anggaran: program → unit → kegiatan → output", "Budget map: programme → unit → activity → output"),
    "tree_note": (
        "Luas kotak = anggaran, warna = penyerapan (realisasi / anggaran). Kotak abu-abu berlabel mengelompokkan "
        "tingkat berikutnya; klik sebuah kotak untuk membuka kelompoknya, tombol di atas kembali ke tingkat induk.",
        "Box area = budget, colour = absorption (spent / budget). Labelled grey boxes group the next level; "
        "click a box to open its group, the buttons above go back up.",
    ),
    "tree_top": ("Kemnaker", "Kemnaker"),
    "details_h": ("Rincian", "Details"),
    "tab_drill": ("Rincian hierarki", "Hierarchy"),
    "tab_under": ("Di bawah target", "Under target"),
    "tab_prov": ("Per provinsi", "Per province"),
    "tab_tree": ("Peta anggaran", "Budget map"),
    "tab_all": ("Daftar output", "Output list"),
    "tab_notes": ("Catatan data", "Data notes"),
    "all_h": ("Daftar output", "Output list"),
    "notes_h": ("Catatan data: angka tercetak yang tidak cocok", "Data notes: printed figures that do not agree"),
    "notes_none": ("Tidak ada selisih.", "No differences."),
    # table headers
    "c_level": ("Tingkat", "Level"),
    "c_code": ("Kode", "Code"),
    "c_name": ("Uraian", "Description"),
    "c_unit": ("Unit", "Unit"),
    "c_kegiatan": ("Kegiatan", "Activity"),
    "c_output": ("Output", "Output"),
    "c_satuan": ("Satuan", "Unit of measure"),
    "c_anggaran": ("Anggaran", "Budget"),
    "c_realisasi_rp": ("Realisasi anggaran", "Budget spent"),
    "c_penyerapan": ("Penyerapan", "Absorption"),
    "c_target": ("Target", "Target"),
    "c_realisasi": ("Realisasi", "Actual"),
    "c_capaian": ("Capaian", "Achievement"),
    "c_status": ("Status", "Status"),
    "c_sub": ("Rincian", "Sub-rows"),
    "c_gap_pp": ("Kurang (poin %)", "Gap (% points)"),
    "c_gap_units": ("Kurang (satuan)", "Shortfall (units)"),
    "c_province": ("Provinsi", "Province"),
    "c_quadrant": ("Kuadran", "Quadrant"),
    "c_note": ("Catatan", "Note"),
    "n_pen": ("⚠️ penyerapan tercetak {p} ≠ dihitung {c}", "⚠️ printed absorption {p} ≠ recomputed {c}"),
    "n_cap": ("⚠️ capaian tercetak {p} ≠ dihitung {c}", "⚠️ printed achievement {p} ≠ recomputed {c}"),
    "n_sum": ("⚠️ {col} ≠ jumlah rinciannya (selisih {d})", "⚠️ {col} ≠ sum of its sub-rows (difference {d})"),
}
LEVELS: dict[str, tuple[str, str]] = {
    "ss": ("Sasaran Strategis", "Strategic goal"),
    "ikss": ("IKSS", "Strategic goal indicator"),
    "program": ("Program", "Programme"),
    "program_unit": ("Program per unit", "Programme per unit"),
    "sasaran_program": ("Sasaran Program", "Programme goal"),
    "ikp": ("IKP", "Programme indicator"),
    "kegiatan": ("Kegiatan", "Activity"),
    "sasaran_kegiatan": ("Sasaran Kegiatan", "Activity goal"),
    "ikk": ("IKK", "Activity indicator"),
    "output": ("Output", "Output"),
}


def x(key: str, lang_: str | None = None) -> str:
    """A text of this page in ``lang_`` (default: the page's language)."""
    return TXT[key][LANGS.index(lang_ or L)]


def level_name(level: str, lang_: str) -> str:
    return LEVELS[level][LANGS.index(lang_)]


def short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- formatting, vectorised: each distinct value formatted once ----------------------------------


def _floats(values: pd.Series) -> np.ndarray:
    return pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def formatted(values: pd.Series, kind: str, lang_: str) -> pd.Series:
    """``values`` as text: ``pct`` (89,73 %), ``rp_short`` (Rp 6,14 T), ``num`` (672 or 1.234,50), ``pp`` (10,27); ``–`` when missing."""
    v = _floats(values)
    fmt = {
        "pct": lambda u: fmt_pct(u, 2, lang_),
        "rp_short": lambda u: fmt_rp_short(u, lang_),
        "num": lambda u: fmt_number(u, 0 if u == int(u) else 2, lang_),
        "pp": lambda u: fmt_number(u, 2, lang_),
    }[kind]
    texts = {u: fmt(u) for u in pd.unique(v[~np.isnan(v)])}
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series([texts[u] if u == u else "–" for u in v], index=index, dtype=object)


def num_texts(values: pd.Series, texts: pd.Series | None, lang_: str) -> pd.Series:
    """Targets or realisasi as printed: text values ('WTP') as they are, numbers with the decimals they need."""
    out = formatted(values, "num", lang_)
    if texts is None:
        return out
    printed = texts.where(texts.map(lambda s: isinstance(s, str) and s != ""))
    return printed.where(printed.notna(), out).astype(object)


def badges(statuses: pd.Series, lang_: str) -> pd.Series:
    return statuses.map({s: charts.status_label(s, lang_) for s in ko.STATUSES}).fillna("")


# --- the year's rows, annotated (cached per year, language and data version) --------------------


def notes_of(r: pd.Series, gaps: dict[str, pd.Series], lang_: str) -> str:
    """The 'Catatan' of a row: printed percentages rounding cannot explain, sums that do not add up."""
    out = []
    if r.get("penyerapan_differs"):
        out.append(
            x("n_pen", lang_).format(
                p=fmt_pct(r["penyerapan_pct"], 0, lang_), c=fmt_pct(r["penyerapan_calc_pct"], 2, lang_)
            )
        )
    if r.get("capaian_differs"):
        out.append(
            x("n_cap", lang_).format(p=fmt_pct(r["capaian_pct"], 0, lang_), c=fmt_pct(r["capaian_calc_pct"], 2, lang_))
        )
    for col, label in (("anggaran_rp", "c_anggaran"), ("realisasi_rp", "c_realisasi_rp")):
        d = gaps[col].get(int(r["urutan"]))
        if d is not None and not pd.isna(d) and d != 0:
            out.append(x("n_sum", lang_).format(col=x(label, lang_), d=fmt_rp(d, lang_)))
    return "; ".join(out)


def annotated_rows(raw: pd.DataFrame, lang_: str) -> pd.DataFrame:
    """Lampiran 6 rows with recomputed percentages and each row's 'Catatan' in ``lang_``."""
    rows = ko.with_recomputed(raw)
    urutan = rows["urutan"].astype(int)
    gaps = {c: ko.children_sum_gap(rows, c) for c in ("anggaran_rp", "realisasi_rp")}
    noted = rows["penyerapan_differs"].astype(bool) | rows["capaian_differs"].astype(bool)
    for gap in gaps.values():
        g = urutan.map(gap).astype("Float64")
        noted |= (g.notna() & (g != 0)).fillna(False).to_numpy(dtype=bool)
    rows["catatan"] = ""
    rows.loc[noted, "catatan"] = [notes_of(r, gaps, lang_) for _, r in rows[noted].iterrows()]
    return rows


def node_codes(rows: pd.DataFrame, unit_names: dict[str, str]) -> pd.Series:
    """The code a row is known by: ``SS-1``, ``WA``, ``WA · Setjen``, ``4053``, ``003``."""
    code = pd.Series("", index=rows.index, dtype=object)
    for level, col in (("ss", "ss_code"), ("program", "program_code"), ("kegiatan", "kegiatan_code"), ("output", "output_code")):  # fmt: skip
        m = (rows["level"] == level) & rows[col].notna()
        code[m] = rows.loc[m, col].astype(str)
    m = rows["level"] == "program_unit"
    unit = rows.loc[m, "unit_code"]
    code[m] = rows.loc[m, "program_code"].astype(str) + " · " + unit.map(unit_names).fillna(unit).astype(str)
    return code


def year_data(year: int, lang_: str, version: int) -> SimpleNamespace:
    """Everything the page needs from the year's Lampiran 6 that no filter changes."""
    raw = data.table("output_capaian", year)
    rows = annotated_rows(raw, lang_)
    unit_tbl = data.table("unit", year)
    unit_names = dict(zip(unit_tbl["code"], unit_tbl["short_name"], strict=True))
    program_tbl = data.table("program", year)
    program_names = dict(zip(program_tbl["code"], program_tbl["name"], strict=True))
    keg_rows = rows[rows["level"] == "kegiatan"]
    kegiatan_names = dict(zip(keg_rows["kegiatan_code"], keg_rows["name"], strict=False))
    rows["code"] = node_codes(rows, unit_names)
    rows["level_name"] = rows["level"].map(lambda v: level_name(v, lang_))
    n_sub = ko.child_counts(rows)
    rows["n_sub"] = rows["urutan"].astype(int).map(n_sub).to_numpy()
    outs = ko.outputs(rows)
    outs["unit_name"] = outs["unit_code"].map(unit_names)
    outs["kegiatan_name"] = outs["kegiatan_code"].map(kegiatan_names)
    present_units = set(outs["unit_code"].dropna())
    order = ["WA", "DN", "DL"]
    return SimpleNamespace(
        rows=rows,
        by_urutan=rows.set_index(rows["urutan"].astype(int)),
        outs=outs,
        unit_names=unit_names,
        program_names=program_names,
        kegiatan_names=kegiatan_names,
        unit_opts=[ALL, *[u for u in unit_tbl["code"] if u in present_units]],
        prog_opts=[ALL, *sorted(outs["program_code"].dropna().unique(), key=lambda c: (c not in order, order.index(c) if c in order else c))],
        prov_all=ko.province_rows(outs, data.table("province", year)),
    )  # fmt: skip


def base(year: int) -> SimpleNamespace:
    return built(year_data, year, L, data.data_version())


def kegiatan_options(year: int, lang_: str, version: int, unit: str, program: str) -> list[str]:
    outs = built(year_data, year, lang_, version).outs
    scope = ko.outputs_in_scope(outs, unit=None if unit == ALL else unit, program=None if program == ALL else program)
    return [ALL, *sorted(scope["kegiatan_code"].dropna().unique())]


# --- the filtered outputs ------------------------------------------------------------------------

CAP = 150.0  # the quadrant's axes stop here; dots beyond are drawn on the edge


def scope_view(year: int, lang_: str, version: int, filters: tuple) -> SimpleNamespace:
    """The outputs in the filters (``scope``) and those of the chosen statuses too (``shown``), with their counts."""
    unit, program, kegiatan, statuses = filters
    outs = built(year_data, year, lang_, version).outs
    scope = ko.outputs_in_scope(
        outs,
        unit=None if unit == ALL else unit,
        program=None if program == ALL else program,
        kegiatan=None if kegiatan == ALL else kegiatan,
    )
    shown = ko.outputs_in_scope(scope, statuses=list(statuses))
    total = float(shown["anggaran_rp"].sum()) if len(shown) else None
    spent = float(shown["realisasi_rp"].sum()) if len(shown) else None
    summary = (
        f"{x('n_outputs', lang_)}: **{fmt_number(len(scope), 0, lang_)}** · "
        f"{x('shown', lang_)}: **{fmt_number(len(shown), 0, lang_)}** · "
        f"{x('c_anggaran', lang_)}: **{fmt_rp_short(total, lang_)}** ({fmt_rp(total, lang_)}) · "
        f"{x('c_penyerapan', lang_)}: **{fmt_pct(absorption_pct(total, spent), 2, lang_)}**"
    )
    note = x("quadrant_note", lang_)
    if len(shown):
        (x_lo, x_hi), (y_lo, y_hi) = charts.quadrant_axes(shown, CAP)
        xs, ys = _floats(shown["penyerapan_calc_pct"]), _floats(shown["capaian_calc_pct"])
        with np.errstate(invalid="ignore"):
            n_clipped = int(((xs > x_hi) | (ys > y_hi) | (xs < x_lo) | (ys < y_lo)).sum())
        if n_clipped:
            note += " " + x("clipped_note", lang_).format(n=n_clipped, cap=fmt_pct(CAP, 0, lang_))
    quadrants = shown["quadrant"].value_counts()
    return SimpleNamespace(
        shown=shown,
        counts=ko.status_counts(scope["status"]),
        summary=summary,
        quadrant_note=note,
        quadrants={q: fmt_number(int(quadrants.get(q, 0)), 0, lang_) for q in ko.QUADRANTS},
    )


def quadrant_spec(year: int, lang_: str, version: int, filters: tuple) -> dict:
    shown = built(scope_view, year, lang_, version, filters).shown
    return charts.quadrant_chart(shown, lang_, x("quadrant_t", lang_), cap=CAP)


# --- hierarchy drill-down ------------------------------------------------------------------------

RAW_COLS = ["urutan", "level", "ss_code", "program_code", "unit_code", "kegiatan_code", "output_code", "name",
            "satuan", "anggaran_rp", "realisasi_rp", "penyerapan_pct", "penyerapan_calc_pct", "target",
            "realisasi", "capaian_pct", "capaian_calc_pct", "target_text", "realisasi_text", "status", "catatan"]  # fmt: skip


def drill_view(year: int, lang_: str, version: int, node: int | None) -> SimpleNamespace:
    """The breadcrumbs, the open row's figures and the table of its children."""
    d = built(year_data, year, lang_, version)
    rows, by_u = d.rows, d.by_urutan
    crumbs = []
    for u in ko.ancestors(rows, node) if node is not None else []:
        r = by_u.loc[u]
        label = r["code"] if r["level"] == "program_unit" else f"{r['code']} {r['name']}".strip()
        crumbs.append((u, short(label, 34), f"{r['level_name']}: {r['name']}"))
    head = metrics = None
    if node is not None:
        cur = by_u.loc[node]
        head = f"**{cur['level_name']} {cur['code']}** · {cur['name']}"
        metrics = []
        if not pd.isna(cur["anggaran_rp"]):
            metrics.append((x("c_anggaran", lang_), fmt_rp_short(cur["anggaran_rp"], lang_), fmt_rp(cur["anggaran_rp"], lang_)))  # fmt: skip
            metrics.append((x("c_penyerapan", lang_), fmt_pct(cur["penyerapan_calc_pct"], 2, lang_), fmt_rp(cur["realisasi_rp"], lang_)))  # fmt: skip
        if not pd.isna(cur["target"]) or isinstance(cur["target_text"], str):
            tr_ = num_texts(pd.Series([cur["target"], cur["realisasi"]]), pd.Series([cur["target_text"], cur["realisasi_text"]]), lang_)  # fmt: skip
            metrics.append((f"{x('c_target', lang_)} / {x('c_realisasi', lang_)}", f"{tr_[0]} / {tr_[1]}", None))
            metrics.append((x("c_capaian", lang_), fmt_pct(cur["capaian_calc_pct"], 2, lang_), None))
        head = SimpleNamespace(text=head, metrics=metrics, note=cur["catatan"])
    kids = ko.children(rows, node)
    has_value = kids["capaian_calc_pct"].notna()
    disp = pd.DataFrame(
        {
            x("c_level", lang_): kids["level_name"],
            x("c_code", lang_): kids["code"],
            x("c_name", lang_): kids["name"],
            x("c_capaian", lang_): formatted(kids["capaian_calc_pct"], "pct", lang_),
            x("c_status", lang_): badges(kids["status"], lang_).where(has_value, ""),
            x("c_note", lang_): kids["catatan"],
            x("c_target", lang_): num_texts(kids["target"], kids["target_text"], lang_),
            x("c_realisasi", lang_): num_texts(kids["realisasi"], kids["realisasi_text"], lang_),
            x("c_anggaran", lang_): formatted(kids["anggaran_rp"], "rp_short", lang_),
            x("c_penyerapan", lang_): formatted(kids["penyerapan_calc_pct"], "pct", lang_),
            x("c_sub", lang_): kids["n_sub"].astype(int),
        }
    )
    openable = kids[kids["n_sub"] > 0]
    labels = (openable["level_name"] + " " + openable["code"] + " · " + openable["name"]).map(lambda s: short(s, 90))
    return SimpleNamespace(
        crumbs=crumbs,
        head=head,
        urutan=[int(u) for u in kids["urutan"]],
        n_sub=[int(n) for n in kids["n_sub"]],
        disp=disp,
        raw=kids[RAW_COLS],
        open_labels=dict(zip(openable["urutan"].astype(int), labels, strict=True)),
    )


# --- under target, provinces, all outputs, notes -------------------------------------------------


def under_view(year: int, lang_: str, version: int, filters: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The under-target list, formatted and raw (largest gap first)."""
    shown = built(scope_view, year, lang_, version, filters).shown
    under = ko.under_target(shown)
    keg = under["kegiatan_name"].astype("string").fillna("").map(short)
    disp = pd.DataFrame(
        {
            x("c_unit", lang_): under["unit_name"],
            x("c_output", lang_): under["output_code"] + " · " + under["name"],
            x("c_kegiatan", lang_): under["kegiatan_code"] + " · " + keg,
            x("c_target", lang_): formatted(under["target"], "num", lang_),
            x("c_realisasi", lang_): formatted(under["realisasi"], "num", lang_),
            x("c_satuan", lang_): under["satuan"],
            x("c_capaian", lang_): formatted(under["capaian_calc_pct"], "pct", lang_),
            x("c_gap_pp", lang_): formatted(under["gap_pp"], "pp", lang_),
            x("c_gap_units", lang_): formatted(under["gap_units"], "num", lang_),
            x("c_anggaran", lang_): formatted(under["anggaran_rp"], "rp_short", lang_),
            x("c_penyerapan", lang_): formatted(under["penyerapan_calc_pct"], "pct", lang_),
            x("c_status", lang_): badges(under["status"], lang_),
            x("c_note", lang_): under["catatan"],
        }
    )
    raw = under[["unit_code", "kegiatan_code", "kegiatan_name", "output_code", "name", "satuan", "target",
                 "realisasi", "capaian_calc_pct", "capaian_pct", "gap_pp", "gap_units", "anggaran_rp",
                 "realisasi_rp", "penyerapan_calc_pct", "status"]]  # fmt: skip
    raw = raw.rename(
        columns={
            "unit_code": x("c_unit", lang_), "kegiatan_code": x("c_kegiatan", lang_), "output_code": x("c_output", lang_),
            "name": x("c_name", lang_), "satuan": x("c_satuan", lang_), "target": x("c_target", lang_),
            "realisasi": x("c_realisasi", lang_), "capaian_calc_pct": x("c_capaian", lang_),
            "gap_pp": x("c_gap_pp", lang_), "gap_units": x("c_gap_units", lang_), "anggaran_rp": x("c_anggaran", lang_),
            "realisasi_rp": x("c_realisasi_rp", lang_), "penyerapan_calc_pct": x("c_penyerapan", lang_),
            "status": x("c_status", lang_),
        }
    )  # fmt: skip
    return disp, raw


def province_view(year: int, lang_: str, version: int, kegiatan: str) -> SimpleNamespace:
    """One kegiatan's per-province outputs: the chart (summed per province) and the table (one row per output)."""
    prov = built(year_data, year, lang_, version).prov_all
    prov = prov[prov["kegiatan_code"] == kegiatan]
    per = prov.groupby("province_name", sort=False, as_index=False)[["target", "realisasi", "anggaran_rp"]].sum()
    per["capaian_calc_pct"] = [
        capaian_pct(float(t_), float(r)) for t_, r in zip(per["target"], per["realisasi"], strict=True)
    ]
    per["status"] = [status_of(c) for c in per["capaian_calc_pct"]]
    satuan = prov["satuan"].dropna().unique()
    spec = charts.province_chart(per, lang_, x("prov_chart", lang_), satuan=satuan[0] if len(satuan) == 1 else None)
    disp = pd.DataFrame(
        {
            x("c_province", lang_): prov["province_name"],
            x("c_code", lang_): prov["output_code"],
            x("c_target", lang_): formatted(prov["target"], "num", lang_),
            x("c_realisasi", lang_): formatted(prov["realisasi"], "num", lang_),
            x("c_satuan", lang_): prov["satuan"],
            x("c_capaian", lang_): formatted(prov["capaian_calc_pct"], "pct", lang_),
            x("c_status", lang_): badges(prov["status"], lang_),
            x("c_anggaran", lang_): formatted(prov["anggaran_rp"], "rp_short", lang_),
            x("c_penyerapan", lang_): formatted(prov["penyerapan_calc_pct"], "pct", lang_),
            x("c_note", lang_): prov["catatan"],
        }
    )
    raw = prov[["province_code", "province_name", "output_code", "name", "satuan", "target", "realisasi",
                "capaian_calc_pct", "anggaran_rp", "realisasi_rp", "penyerapan_calc_pct", "status"]]  # fmt: skip
    return SimpleNamespace(spec=spec, disp=disp, raw=raw)


def all_view(year: int, lang_: str, version: int, filters: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    shown = built(scope_view, year, lang_, version, filters).shown
    quads = {q: charts.quadrant_label(q, lang_) for q in ko.QUADRANTS}
    disp = pd.DataFrame(
        {
            x("c_unit", lang_): shown["unit_name"],
            x("c_kegiatan", lang_): shown["kegiatan_code"],
            x("c_output", lang_): shown["output_code"] + " · " + shown["name"],
            x("c_anggaran", lang_): formatted(shown["anggaran_rp"], "rp_short", lang_),
            x("c_penyerapan", lang_): formatted(shown["penyerapan_calc_pct"], "pct", lang_),
            x("c_target", lang_): formatted(shown["target"], "num", lang_),
            x("c_realisasi", lang_): formatted(shown["realisasi"], "num", lang_),
            x("c_capaian", lang_): formatted(shown["capaian_calc_pct"], "pct", lang_),
            x("c_status", lang_): badges(shown["status"], lang_),
            x("c_quadrant", lang_): shown["quadrant"].map(quads).fillna(""),
            x("c_note", lang_): shown["catatan"],
        }
    )
    raw = shown.drop(columns=["year", "sumber", "code", "level_name", "n_sub", "catatan"], errors="ignore")
    return disp, raw


def notes_view(year: int, lang_: str, version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = built(year_data, year, lang_, version).rows
    flagged = rows[rows["catatan"] != ""]
    disp = pd.DataFrame(
        {
            x("c_level", lang_): flagged["level_name"],
            x("c_code", lang_): flagged["code"],
            x("c_name", lang_): flagged["name"],
            x("c_note", lang_): flagged["catatan"],
        }
    )
    return disp, flagged[["urutan", "level", "name", "catatan"]]


# --- budget map ----------------------------------------------------------------------------------


def tree_view(year: int, lang_: str, version: int, filters: tuple) -> pd.DataFrame:
    """The program → unit → kegiatan → output budget tree of the filtered outputs."""
    d = built(year_data, year, lang_, version)
    shown = built(scope_view, year, lang_, version, filters).shown
    names = {
        "program": d.program_names,
        "unit": d.unit_names,
        "kegiatan": {k: short(v, 50) for k, v in d.kegiatan_names.items()},
    }
    return ko.budget_tree(shown, names)


def treemap_spec(year: int, lang_: str, version: int, filters: tuple, node: str) -> dict:
    tree = built(tree_view, year, lang_, version, filters)
    return charts.treemap_chart(charts.treemap_tiles(tree, node, lang_), lang_)


def show_table(display: pd.DataFrame, raw: pd.DataFrame, name: str, key: str, **kwargs):
    """A formatted Lampiran 6 table with its source line and downloads of the unformatted numbers."""
    return formatted_table(display, raw, name, key, (SRC,), **kwargs)


# --- page: data ----------------------------------------------------------------------------------

year = year_select(data.years("output_capaian"))
raw = data.table("output_capaian", year)
st.title(t("page_output"))
page_findings("output", year)
if raw.empty:
    st.info(t("no_data"))
    st.stop()
st.caption(x("intro"))
V = data.data_version()
d = built(year_data, year, L, V)

# --- filters and tiles ---------------------------------------------------------------------------

st.subheader(x("filters"))
f1, f2, f3 = st.columns([1, 1, 2])
with f1:
    unit = query_choice(
        x("unit"), d.unit_opts, "unit", format_func=lambda c: x("all_units") if c == ALL else d.unit_names.get(c, c)
    )
with f2:
    program = query_choice(
        x("program"), d.prog_opts, "program",
        format_func=lambda c: x("all_programs") if c == ALL else f"{c} · {d.program_names.get(c, '')}",
    )  # fmt: skip
with f3:
    kegiatan = query_choice(
        x("kegiatan"), built(kegiatan_options, year, L, V, unit, program), "kegiatan",
        format_func=lambda c: x("all_kegiatan") if c == ALL else f"{c} · {d.kegiatan_names.get(c, '')}",
    )  # fmt: skip
# Pills instead of ui.widgets.query_multi: four fixed choices, no English placeholder.
raw_status = st.query_params.get("status", "")
picked_status = [s for s in raw_status.split(",") if s in ko.STATUSES]
statuses = st.pills(
    x("status"), list(ko.STATUSES), selection_mode="multi", default=picked_status, key="qp_status",
    format_func=lambda s: charts.status_label(s, L),
)  # fmt: skip
if statuses:
    st.query_params["status"] = ",".join(statuses)
else:
    st.query_params.pop("status", None)

F = (unit, program, kegiatan, tuple(s for s in ko.STATUSES if s in statuses))
view = built(scope_view, year, L, V, F)

cols = st.columns(4)
for col, status in zip(cols, ko.STATUSES, strict=True):
    with col:
        tile(
            charts.status_label(status, L), fmt_number(view.counts[status], 0, L), help=x("tile_help"),
            key=f"tile_{status}",
        )  # fmt: skip
st.caption(view.summary)

if view.shown.empty:
    st.info(t("no_data"))

# --- quadrant ------------------------------------------------------------------------------------

st.subheader(x("quadrant_h"))
if not view.shown.empty:
    vega(built(quadrant_spec, year, L, V, F), "quadrant_chart")
    st.caption(view.quadrant_note)
    source_line(SRC)
    qcols = st.columns(4)
    for qc, quad in zip(qcols, ko.QUADRANTS, strict=True):
        qc.metric(charts.quadrant_label(quad, L), view.quadrants[quad], border=True)

# --- details, one tab at a time ------------------------------------------------------------------

st.subheader(x("details_h"))
TABS = ("tab_drill", "tab_under", "tab_prov", "tab_tree", "tab_all", "tab_notes")
if "tm" in st.query_params and "output_tab" not in st.query_params and "output_tab" not in st.session_state:
    st.session_state["output_tab"] = x("tab_tree")  # a link to a budget-map level opens the map
tabs = st.tabs([x(k) for k in TABS], key="output_tab", bind="query-params")
tab = dict(zip(TABS, tabs, strict=True))


def go_to(target: int | None) -> None:
    if target is None:
        st.query_params.pop("node", None)
    else:
        st.query_params["node"] = str(target)


with tab["tab_drill"]:
    if tab["tab_drill"].open:  # only the open tab runs (tabs bound to the URL)
        st.caption(x("drill_help"))
        try:
            node: int | None = int(st.query_params.get("node", ""))
        except ValueError:
            node = None
        if node not in d.by_urutan.index:
            node = None
        dv = built(drill_view, year, L, V, node)
        with st.container(horizontal=True, key="breadcrumbs"):
            st.button(
                "🏠 " + x("root"), key="crumb_root", on_click=go_to, args=(None,),
                type="tertiary" if dv.crumbs else "secondary",
            )  # fmt: skip
            for u, label, help_ in dv.crumbs:
                st.button(
                    "› " + label, key=f"crumb_{u}", on_click=go_to, args=(u,),
                    type="secondary" if u == node else "tertiary", help=help_,
                )  # fmt: skip
        if dv.head is not None:
            st.markdown(dv.head.text)
            m = st.columns(4)
            for mc, (label, value, help_) in zip(m, dv.head.metrics, strict=False):
                mc.metric(label, value, help=help_)
            if dv.head.note:
                st.warning(dv.head.note)
        if dv.disp.empty:
            st.info(x("leaf"))
        else:
            event = show_table(
                dv.disp, dv.raw, f"lampiran6_rincian_{node or 'root'}", f"drill_tbl_{node or 0}",
                on_select="rerun", selection_mode="single-row",
                column_config={
                    x("c_name"): st.column_config.TextColumn(width="medium"),
                    x("c_note"): st.column_config.TextColumn(width="large"),
                },
            )  # fmt: skip
            picked = event.selection.rows if event is not None and hasattr(event, "selection") else []
            if picked and dv.n_sub[picked[0]] > 0:
                go_to(dv.urutan[picked[0]])
                st.rerun()
            if dv.open_labels:
                choice = st.selectbox(
                    x("open"), list(dv.open_labels), index=None, placeholder=x("open_ph"),
                    key=f"drill_pick_{node or 0}", format_func=dv.open_labels.get,
                )  # fmt: skip
                if choice is not None:
                    go_to(int(choice))
                    st.rerun()

with tab["tab_under"]:
    if tab["tab_under"].open:
        st.caption(x("under_h"))
        under_disp, under_raw = built(under_view, year, L, V, F)
        if under_disp.empty:
            st.success(x("under_none"))
        else:
            show_table(under_disp, under_raw, "output_di_bawah_target", "under_tbl",
                       column_config={x("c_output"): st.column_config.TextColumn(width="large")})  # fmt: skip

with tab["tab_prov"]:
    if tab["tab_prov"].open:
        if d.prov_all.empty:
            st.info(t("no_data"))
        else:
            prov_kegs = list(dict.fromkeys(d.prov_all["kegiatan_code"]))
            prov_keg = query_choice(
                x("prov_pick"), prov_kegs, "prov_keg", format_func=lambda c: f"{c} · {d.kegiatan_names.get(c, '')}"
            )
            pv = built(province_view, year, L, V, prov_keg)
            vega(pv.spec, "province_chart", SRC)
            show_table(pv.disp, pv.raw, f"output_per_provinsi_{prov_keg}", "prov_tbl")


def tree_to(target: str) -> None:
    if target:
        st.query_params["tm"] = target
    else:
        st.query_params.pop("tm", None)


with tab["tab_tree"]:
    if tab["tab_tree"].open:
        st.caption(x("tree_h"))
        if view.shown.empty:
            st.info(t("no_data"))
        else:
            tree = built(tree_view, year, L, V, F)
            labels = dict(zip(tree["id"], tree["label"].astype(str), strict=True))
            openable = set(tree.loc[tree["level"] != "output", "id"])
            tm = st.query_params.get("tm", "")
            tm = tm if tm in openable else ""
            path = ["/".join(tm.split("/")[: i + 1]) for i in range(len(tm.split("/")))] if tm else []
            with st.container(horizontal=True, key="tm_crumbs"):
                st.button(
                    "🏠 " + x("tree_top"), key="tm_crumb_root", on_click=tree_to, args=("",),
                    type="tertiary" if path else "secondary",
                )  # fmt: skip
                for p in path:
                    st.button(
                        "› " + short(labels.get(p, p), 34), key=f"tm_crumb_{p}", on_click=tree_to, args=(p,),
                        type="secondary" if p == tm else "tertiary", help=labels.get(p, p),
                    )  # fmt: skip
            event = vega(
                built(treemap_spec, year, L, V, F, tm), f"treemap_{tm or 'top'}", on_select="rerun",
                selection_mode="tm_pick",
            )  # fmt: skip
            st.caption(x("tree_note"))
            source_line(SRC)
            chosen = event.selection.get("tm_pick") if event is not None else None
            target = next((p.get("drill") for p in chosen or [] if isinstance(p, dict) and p.get("drill")), "")
            if target and target != tm and target in openable:
                tree_to(target)
                st.rerun()

with tab["tab_all"]:
    if tab["tab_all"].open:
        st.caption(f"{x('all_h')} ({fmt_number(len(view.shown), 0, L)})")
        all_disp, all_raw = built(all_view, year, L, V, F)
        show_table(all_disp, all_raw, "capaian_output", "all_tbl")

with tab["tab_notes"]:
    if tab["tab_notes"].open:
        st.caption(x("notes_h"))
        notes_disp, notes_raw = built(notes_view, year, L, V)
        if notes_disp.empty:
            st.write(x("notes_none"))
        else:
            show_table(notes_disp, notes_raw, "catatan_lampiran6", "notes_tbl")
