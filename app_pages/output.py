"""Capaian Output (Lampiran 6): filters, status tiles, quadrant, hierarchy drill-down, under-target list, provinces."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from kpi import outputs as ko
from kpi.budget import absorption_pct
from ui import data
from ui.charts import output as charts
from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import lang, t, tr
from ui.widgets import built, formatted_table, page_findings, query_choice, source_line, status_badge, tile, year_select

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
        "Luas kotak = anggaran, warna = penyerapan (realisasi / anggaran). Klik kotak untuk masuk ke tingkat berikutnya.",
        "Box area = budget, colour = absorption (spent / budget). Click a box to go one level down.",
    ),
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
    "c_note": ("Catatan", "Catatan"),
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


def x(key: str) -> str:
    return tr(TXT[key])


@functools.lru_cache(maxsize=4096)
def _fmt(kind: str, value: float, lang_: str) -> str:
    """Babel is slow and many values repeat (100,00 %): format each value once per process."""
    if kind == "pct":
        return fmt_pct(value, 2, lang_)
    if kind == "rp_short":
        return fmt_rp_short(value, lang_)
    return fmt_number(value, 0 if value == int(value) else 2, lang_)


def rp_short(value: object) -> str:
    return "–" if value is None or pd.isna(value) else _fmt("rp_short", float(value), L)


def num_text(value: object, text: object = None) -> str:
    """A target or realisasi as printed: text values ('WTP') as they are, numbers with the decimals they need."""
    if isinstance(text, str) and text:
        return text
    if value is None or pd.isna(value):
        return "–"
    return _fmt("num", float(value), L)


def pct_or_dash(value: object) -> str:
    return "–" if value is None or pd.isna(value) else _fmt("pct", float(value), L)


def notes_of(r: pd.Series, gaps: dict[str, pd.Series]) -> str:
    """The 'Catatan' of a row: printed percentages rounding cannot explain, sums that do not add up."""
    out = []
    if r.get("penyerapan_differs"):
        out.append(x("n_pen").format(p=fmt_pct(r["penyerapan_pct"], 0, L), c=fmt_pct(r["penyerapan_calc_pct"], 2, L)))
    if r.get("capaian_differs"):
        out.append(x("n_cap").format(p=fmt_pct(r["capaian_pct"], 0, L), c=fmt_pct(r["capaian_calc_pct"], 2, L)))
    for col, label in (("anggaran_rp", "c_anggaran"), ("realisasi_rp", "c_realisasi_rp")):
        d = gaps[col].get(int(r["urutan"]))
        if d is not None and not pd.isna(d) and d != 0:
            out.append(x("n_sum").format(col=x(label), d=fmt_rp(d, L)))
    return "; ".join(out)


def annotated_rows(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Lampiran 6 rows with recomputed percentages and each row's 'Catatan' in ``lang`` (the page's)."""
    rows = ko.with_recomputed(raw)
    gaps = {c: ko.children_sum_gap(rows, c) for c in ("anggaran_rp", "realisasi_rp")}
    rows["catatan"] = [notes_of(r, gaps) for _, r in rows.iterrows()]
    return rows


def show_table(display: pd.DataFrame, raw: pd.DataFrame, name: str, key: str, **kwargs):
    """A formatted Lampiran 6 table with its source line and downloads of the unformatted numbers."""
    return formatted_table(display, raw, name, key, (SRC,), **kwargs)


# --- data ----------------------------------------------------------------------------------------

year = year_select(data.years("output_capaian"))
raw = data.table("output_capaian", year)
st.title(t("page_output"))
page_findings("output", year)
if raw.empty:
    st.info(t("no_data"))
    st.stop()
st.caption(x("intro"))

rows = built(annotated_rows, raw, L).copy(deep=False)  # shallow: copy-on-write keeps the shared frame intact
unit_tbl = data.table("unit", year)
unit_names = dict(zip(unit_tbl["code"], unit_tbl["short_name"], strict=True))
program_tbl = data.table("program", year)
program_names = dict(zip(program_tbl["code"], program_tbl["name"], strict=True))
keg_rows = rows[rows["level"] == "kegiatan"]
kegiatan_names = dict(zip(keg_rows["kegiatan_code"], keg_rows["name"], strict=False))

outs = ko.outputs(rows)
outs["unit_name"] = outs["unit_code"].map(unit_names)
outs["kegiatan_name"] = outs["kegiatan_code"].map(kegiatan_names)

# --- filters and tiles ---------------------------------------------------------------------------

st.subheader(x("filters"))
f1, f2, f3 = st.columns([1, 1, 2])
with f1:
    unit_opts = [ALL, *[u for u in unit_tbl["code"] if u in set(outs["unit_code"].dropna())]]
    unit = query_choice(
        x("unit"), unit_opts, "unit", format_func=lambda c: x("all_units") if c == ALL else unit_names.get(c, c)
    )
with f2:
    prog_opts = [ALL, *sorted(outs["program_code"].dropna().unique(), key=["WA", "DN", "DL"].index)]
    program = query_choice(
        x("program"), prog_opts, "program",
        format_func=lambda c: x("all_programs") if c == ALL else f"{c} · {program_names.get(c, '')}",
    )  # fmt: skip
scope_up = ko.outputs_in_scope(outs, unit=None if unit == ALL else unit, program=None if program == ALL else program)
with f3:
    keg_opts = [ALL, *sorted(scope_up["kegiatan_code"].dropna().unique())]
    kegiatan = query_choice(
        x("kegiatan"), keg_opts, "kegiatan",
        format_func=lambda c: x("all_kegiatan") if c == ALL else f"{c} · {kegiatan_names.get(c, '')}",
    )  # fmt: skip
# Pills instead of ui.widgets.query_multi: four fixed choices, no English placeholder.
raw_status = st.query_params.get("status", "")
picked_status = [s for s in raw_status.split(",") if s in ko.STATUSES]
statuses = st.pills(
    x("status"), list(ko.STATUSES), selection_mode="multi", default=picked_status, key="qp_status",
    format_func=status_badge,
)  # fmt: skip
if statuses:
    st.query_params["status"] = ",".join(statuses)
else:
    st.query_params.pop("status", None)

scope = ko.outputs_in_scope(scope_up, kegiatan=None if kegiatan == ALL else kegiatan)
shown = ko.outputs_in_scope(scope, statuses=statuses)
counts = ko.status_counts(scope["status"])

cols = st.columns(4)
for col, status in zip(cols, ko.STATUSES, strict=True):
    with col:
        tile(status_badge(status), fmt_number(counts[status], 0, L), help=x("tile_help"), key=f"tile_{status}")
total_rp = float(shown["anggaran_rp"].sum()) if len(shown) else None
spent_rp = float(shown["realisasi_rp"].sum()) if len(shown) else None
st.caption(
    f"{x('n_outputs')}: **{fmt_number(len(scope), 0, L)}** · {x('shown')}: **{fmt_number(len(shown), 0, L)}** · "
    f"{x('c_anggaran')}: **{fmt_rp_short(total_rp, L)}** ({fmt_rp(total_rp, L)}) · "
    f"{x('c_penyerapan')}: **{pct_or_dash(absorption_pct(total_rp, spent_rp))}**"
)

if shown.empty:
    st.info(t("no_data"))

# --- quadrant ------------------------------------------------------------------------------------

st.subheader(x("quadrant_h"))
if not shown.empty:
    cap = 150.0
    st.plotly_chart(
        built(charts.quadrant_figure, shown, L, x("quadrant_t"), cap=cap), key="quadrant_chart", width="stretch"
    )
    (x_lo, x_hi), (y_lo, y_hi) = charts.quadrant_axes(shown, cap)
    xs, ys = shown["penyerapan_calc_pct"].astype(float), shown["capaian_calc_pct"].astype(float)
    n_clipped = int(((xs > x_hi) | (ys > y_hi) | (xs < x_lo) | (ys < y_lo)).sum())
    note = x("quadrant_note")
    if n_clipped:
        note += " " + x("clipped_note").format(n=n_clipped, cap=fmt_pct(cap, 0, L))
    st.caption(note)
    source_line(SRC)
    q = shown["quadrant"].value_counts()
    qcols = st.columns(4)
    for qc, quad in zip(qcols, ko.QUADRANTS, strict=True):
        qc.metric(charts.quadrant_label(quad, L), fmt_number(int(q.get(quad, 0)), 0, L), border=True)

# --- drill-down ----------------------------------------------------------------------------------

st.subheader(x("drill_h"))
st.caption(x("drill_help"))
urutan_set = set(rows["urutan"].astype(int))
try:
    node: int | None = int(st.query_params.get("node", ""))
except ValueError:
    node = None
if node not in urutan_set:
    node = None


def go_to(target: int | None) -> None:
    if target is None:
        st.query_params.pop("node", None)
    else:
        st.query_params["node"] = str(target)


def short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


by_urutan = rows.set_index(rows["urutan"].astype(int))


def node_code(r: pd.Series) -> str:
    level = r["level"]
    if level == "program_unit":
        return f"{r['program_code']} · {unit_names.get(r['unit_code'], r['unit_code'])}"
    col = {"program": "program_code", "kegiatan": "kegiatan_code", "output": "output_code", "ss": "ss_code"}.get(level)
    return "" if col is None or pd.isna(r[col]) else str(r[col])


chain = ko.ancestors(rows, node) if node is not None else []
with st.container(horizontal=True, key="breadcrumbs"):
    st.button(
        "🏠 " + x("root"), key="crumb_root", on_click=go_to, args=(None,), type="tertiary" if chain else "secondary"
    )
    for u in chain:
        r = by_urutan.loc[u]
        label = node_code(r) if r["level"] == "program_unit" else f"{node_code(r)} {r['name']}".strip()
        st.button(
            "› " + short(label, 34), key=f"crumb_{u}", on_click=go_to, args=(u,),
            type="secondary" if u == node else "tertiary", help=f"{tr(LEVELS[r['level']])}: {r['name']}",
        )  # fmt: skip

if node is not None:
    cur = by_urutan.loc[node]
    st.markdown(f"**{tr(LEVELS[cur['level']])} {node_code(cur)}** · {cur['name']}")
    m = st.columns(4)
    if not pd.isna(cur["anggaran_rp"]):
        m[0].metric(x("c_anggaran"), fmt_rp_short(cur["anggaran_rp"], L), help=fmt_rp(cur["anggaran_rp"], L))
        m[1].metric(x("c_penyerapan"), pct_or_dash(cur["penyerapan_calc_pct"]), help=fmt_rp(cur["realisasi_rp"], L))
    if not pd.isna(cur["target"]) or isinstance(cur["target_text"], str):
        m[2].metric(
            f"{x('c_target')} / {x('c_realisasi')}",
            f"{num_text(cur['target'], cur['target_text'])} / {num_text(cur['realisasi'], cur['realisasi_text'])}",
        )
        m[3].metric(x("c_capaian"), pct_or_dash(cur["capaian_calc_pct"]))
    if cur["catatan"]:
        st.warning(cur["catatan"])

kids = ko.children(rows, node)
n_sub = ko.child_counts(rows)
if kids.empty:
    st.info(x("leaf"))
else:
    disp = pd.DataFrame(
        {
            x("c_level"): [tr(LEVELS[v]) for v in kids["level"]],
            x("c_code"): [node_code(r) for _, r in kids.iterrows()],
            x("c_name"): kids["name"],
            x("c_capaian"): [pct_or_dash(v) for v in kids["capaian_calc_pct"]],
            x("c_status"): [status_badge(s) if not pd.isna(c) else "" for s, c in zip(kids["status"], kids["capaian_calc_pct"], strict=True)],
            x("c_note"): kids["catatan"],
            x("c_target"): [num_text(v, s) for v, s in zip(kids["target"], kids["target_text"], strict=True)],
            x("c_realisasi"): [num_text(v, s) for v, s in zip(kids["realisasi"], kids["realisasi_text"], strict=True)],
            x("c_anggaran"): [rp_short(v) for v in kids["anggaran_rp"]],
            x("c_penyerapan"): [pct_or_dash(v) for v in kids["penyerapan_calc_pct"]],
            x("c_sub"): [int(n_sub[int(u)]) for u in kids["urutan"]],
        }
    )  # fmt: skip
    raw_cols = ["urutan", "level", "ss_code", "program_code", "unit_code", "kegiatan_code", "output_code", "name",
                "satuan", "anggaran_rp", "realisasi_rp", "penyerapan_pct", "penyerapan_calc_pct", "target",
                "realisasi", "capaian_pct", "capaian_calc_pct", "target_text", "realisasi_text", "status", "catatan"]  # fmt: skip
    event = show_table(
        disp, kids[raw_cols], f"lampiran6_rincian_{node or 'root'}", f"drill_tbl_{node or 0}",
        on_select="rerun", selection_mode="single-row",
        column_config={
            x("c_name"): st.column_config.TextColumn(width="medium"),
            x("c_note"): st.column_config.TextColumn(width="large"),
        },
    )  # fmt: skip
    picked = event.selection.rows if event is not None and hasattr(event, "selection") else []
    if picked:
        target_u = int(kids.iloc[picked[0]]["urutan"])
        if n_sub[target_u] > 0:
            go_to(target_u)
            st.rerun()
    openable = [int(u) for u in kids["urutan"] if n_sub[int(u)] > 0]
    if openable:
        choice = st.selectbox(
            x("open"), openable, index=None, placeholder=x("open_ph"), key=f"drill_pick_{node or 0}",
            format_func=lambda u: short(f"{tr(LEVELS[by_urutan.at[u, 'level']])} {node_code(by_urutan.loc[u])} · {by_urutan.at[u, 'name']}", 90),
        )  # fmt: skip
        if choice is not None:
            go_to(int(choice))
            st.rerun()

# --- under target --------------------------------------------------------------------------------

st.subheader(x("under_h"))
under = ko.under_target(shown) if not shown.empty else shown
if under.empty:
    st.success(x("under_none"))
else:
    disp = pd.DataFrame(
        {
            x("c_unit"): under["unit_name"],
            x("c_output"): under["output_code"] + " · " + under["name"],
            x("c_kegiatan"): under["kegiatan_code"] + " · " + under["kegiatan_name"].fillna("").map(short),
            x("c_target"): [num_text(v) for v in under["target"]],
            x("c_realisasi"): [num_text(v) for v in under["realisasi"]],
            x("c_satuan"): under["satuan"],
            x("c_capaian"): [pct_or_dash(v) for v in under["capaian_calc_pct"]],
            x("c_gap_pp"): [fmt_number(v, 2, L) for v in under["gap_pp"]],
            x("c_gap_units"): [num_text(v) for v in under["gap_units"]],
            x("c_anggaran"): [rp_short(v) for v in under["anggaran_rp"]],
            x("c_penyerapan"): [pct_or_dash(v) for v in under["penyerapan_calc_pct"]],
            x("c_status"): [status_badge(s) for s in under["status"]],
            x("c_note"): under["catatan"],
        }
    )
    raw_under = under[["unit_code", "kegiatan_code", "kegiatan_name", "output_code", "name", "satuan", "target",
                       "realisasi", "capaian_calc_pct", "capaian_pct", "gap_pp", "gap_units", "anggaran_rp",
                       "realisasi_rp", "penyerapan_calc_pct", "status"]]  # fmt: skip
    raw_under = raw_under.rename(
        columns={
            "unit_code": x("c_unit"), "kegiatan_code": x("c_kegiatan"), "output_code": x("c_output"),
            "name": x("c_name"), "satuan": x("c_satuan"), "target": x("c_target"), "realisasi": x("c_realisasi"),
            "capaian_calc_pct": x("c_capaian"), "gap_pp": x("c_gap_pp"), "gap_units": x("c_gap_units"),
            "anggaran_rp": x("c_anggaran"), "realisasi_rp": x("c_realisasi_rp"),
            "penyerapan_calc_pct": x("c_penyerapan"), "status": x("c_status"),
        }
    )  # fmt: skip
    show_table(disp, raw_under, "output_di_bawah_target", "under_tbl",
               column_config={x("c_output"): st.column_config.TextColumn(width="large")})  # fmt: skip

# --- provinces -----------------------------------------------------------------------------------

st.subheader(x("prov_h"))
prov_all = ko.province_rows(outs, data.table("province", year))
if prov_all.empty:
    st.info(t("no_data"))
else:
    prov_kegs = list(dict.fromkeys(prov_all["kegiatan_code"]))
    prov_keg = query_choice(
        x("prov_pick"), prov_kegs, "prov_keg", format_func=lambda c: f"{c} · {kegiatan_names.get(c, '')}"
    )
    prov = prov_all[prov_all["kegiatan_code"] == prov_keg]
    st.plotly_chart(built(charts.province_figure, prov, L, x("prov_chart")), key="province_chart", width="stretch")
    source_line(SRC)
    disp = pd.DataFrame(
        {
            x("c_province"): prov["province_name"],
            x("c_code"): prov["output_code"],
            x("c_target"): [num_text(v) for v in prov["target"]],
            x("c_realisasi"): [num_text(v) for v in prov["realisasi"]],
            x("c_satuan"): prov["satuan"],
            x("c_capaian"): [pct_or_dash(v) for v in prov["capaian_calc_pct"]],
            x("c_status"): [status_badge(s) for s in prov["status"]],
            x("c_anggaran"): [rp_short(v) for v in prov["anggaran_rp"]],
            x("c_penyerapan"): [pct_or_dash(v) for v in prov["penyerapan_calc_pct"]],
            x("c_note"): prov["catatan"],
        }
    )
    raw_prov = prov[["province_code", "province_name", "output_code", "name", "satuan", "target", "realisasi",
                     "capaian_calc_pct", "anggaran_rp", "realisasi_rp", "penyerapan_calc_pct", "status"]]  # fmt: skip
    show_table(disp, raw_prov, f"output_per_provinsi_{prov_keg}", "prov_tbl")

# --- budget map ----------------------------------------------------------------------------------

st.subheader(x("tree_h"))
if not shown.empty:
    tree = ko.budget_tree(
        shown,
        {
            "program": program_names,
            "unit": unit_names,
            "kegiatan": {k: short(v, 50) for k, v in kegiatan_names.items()},
        },
    )
    st.plotly_chart(built(charts.treemap_figure, tree, L), key="treemap_chart", width="stretch")
    st.caption(x("tree_note"))
    source_line(SRC)

# --- all outputs and data notes ------------------------------------------------------------------

with st.expander(f"{x('all_h')} ({fmt_number(len(shown), 0, L)})"):
    disp = pd.DataFrame(
        {
            x("c_unit"): shown["unit_name"],
            x("c_kegiatan"): shown["kegiatan_code"],
            x("c_output"): shown["output_code"] + " · " + shown["name"],
            x("c_anggaran"): [rp_short(v) for v in shown["anggaran_rp"]],
            x("c_penyerapan"): [pct_or_dash(v) for v in shown["penyerapan_calc_pct"]],
            x("c_target"): [num_text(v) for v in shown["target"]],
            x("c_realisasi"): [num_text(v) for v in shown["realisasi"]],
            x("c_capaian"): [pct_or_dash(v) for v in shown["capaian_calc_pct"]],
            x("c_status"): [status_badge(s) for s in shown["status"]],
            x("c_quadrant"): [charts.quadrant_label(q, L) if isinstance(q, str) else "" for q in shown["quadrant"]],
            x("c_note"): shown["catatan"],
        }
    )
    show_table(disp, shown.drop(columns=["year", "sumber"], errors="ignore"), "capaian_output", "all_tbl")

with st.expander(x("notes_h")):
    flagged = rows[rows["catatan"] != ""]
    if flagged.empty:
        st.write(x("notes_none"))
    else:
        disp = pd.DataFrame(
            {
                x("c_level"): [tr(LEVELS[v]) for v in flagged["level"]],
                x("c_code"): [node_code(r) for _, r in flagged.iterrows()],
                x("c_name"): flagged["name"],
                x("c_note"): flagged["catatan"],
            }
        )
        show_table(disp, flagged[["urutan", "level", "name", "catatan"]], "catatan_lampiran6", "notes_tbl")
