"""Prioritas Nasional: pagu and realisasi of the PN tree (Tabel 2.4, Lampiran 5), per output and per PN."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.budget import absorption_pct, source_gap_table
from kpi.capaian import capaian_pct
from kpi.hierarchy import parent_by_order
from kpi.status import status_of
from ui import data
from ui.charts.pn import pn_budget_bars, pn_treemap
from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import lang, t, tr
from ui.widgets import built, downloads, page_findings, query_choice, source_line, status_badge, tile, year_select

LEVELS = ("pn", "program", "kegiatan", "output")
SOURCES = ("Lampiran 5", "Tabel 2.4")
STATUSES = ("hijau", "kuning", "merah", "abu")

S = {
    "intro": (
        "Anggaran Kemnaker yang mendukung Prioritas Nasional (PN) 1, 3 dan 7, dari PN ke program, kegiatan dan "
        "output: pagu (Tabel 2.4) dan realisasinya (Lampiran 5).",
        "Kemnaker's budget supporting National Priorities (PN) 1, 3 and 7, from PN down to programme, activity "
        "(kegiatan) and output: the ceiling (Tabel 2.4) and its realisation (Lampiran 5).",
    ),
    "tile_pagu": ("Pagu PN", "PN budget ceiling"),
    "tile_real": ("Realisasi PN", "PN spending"),
    "tile_abs": ("Penyerapan PN", "PN absorption"),
    "tile_outputs": ("Output PN", "PN outputs"),
    "tile_reached": ("Output tercapai", "Outputs met"),
    "help_pagu": (
        "{full} (jumlah baris PN); Grand Total Tabel 2.4: {v}",
        "{full} (sum of the PN rows); Grand Total, Tabel 2.4: {v}",
    ),
    "help_real": (
        "{full} (jumlah baris PN); Grand Total Lampiran 5: {v}",
        "{full} (sum of the PN rows); Grand Total, Lampiran 5: {v}",
    ),
    "help_abs": ("Realisasi ÷ pagu × 100 (Lampiran 5)", "Spending ÷ ceiling × 100 (Lampiran 5)"),
    "help_outputs": ("Output di {n} kegiatan, {p} program", "Outputs in {n} activities, {p} programmes"),
    "help_reached": (
        "{a} dari {b} output: realisasi output ≥ target output (Lampiran 5)",
        "{a} of {b} outputs: output delivered ≥ output target (Lampiran 5)",
    ),
    "treemap_title": ("Pohon anggaran PN", "PN budget tree"),
    "treemap_hint": (
        "Luas kotak = pagu, warna = penyerapan. Klik kotak untuk masuk ke tingkat berikutnya (PN → program → kegiatan → output); klik jalur di atas untuk "
        "kembali. Warna dipusatkan pada penyerapan seluruh PN ({v}): merah di bawahnya, biru di atasnya.",
        "Box size = ceiling, colour = absorption. Click a box to go one level down (PN → programme → activity → output); click the path above to go back. "
        "Colours are centred on the absorption of all PN ({v}): red below it, blue above it.",
    ),
    "root": ("Seluruh PN", "All PN"),
    "colorbar": ("Penyerapan (%)", "Absorption (%)"),
    "target_output": ("Target output", "Output target"),
    "real_output": ("Realisasi output", "Output delivered"),
    "table_head": ("Rincian output", "Outputs in detail"),
    "f_pn": ("Prioritas Nasional", "National Priority"),
    "f_program": ("Program", "Programme"),
    "f_kegiatan": ("Kegiatan", "Activity (kegiatan)"),
    "f_status": ("Status capaian output", "Output achievement status"),
    "all_pn": ("Semua PN", "All PN"),
    "all_program": ("Semua program", "All programmes"),
    "all_kegiatan": ("Semua kegiatan", "All activities"),
    "all_status": ("Semua status", "All statuses"),
    "rows_shown": ("{n} dari {m} output ditampilkan.", "{n} of {m} outputs shown."),
    "col_pn": ("PN", "PN"),
    "col_program": ("Program", "Programme"),
    "col_kode": ("Kode output", "Output code"),
    "col_output": ("Output", "Output"),
    "col_satuan": ("Satuan", "Unit"),
    "col_pagu": ("Pagu (Rp)", "Ceiling (Rp)"),
    "col_real": ("Realisasi (Rp)", "Spending (Rp)"),
    "col_abs": ("Penyerapan", "Absorption"),
    "col_target": ("Target output", "Output target"),
    "col_real_out": ("Realisasi output", "Output delivered"),
    "col_cap": ("Capaian output", "Output achievement"),
    "col_status": ("Status", "Status"),
    "bars_title": ("Pagu dan realisasi per PN", "Ceiling and spending per PN"),
    "bars_axis": ("Rp miliar", "Rp billion"),
    "compare_head": ("Tabel 2.4 dan Lampiran 5", "Tabel 2.4 and Lampiran 5"),
    "compare_same": (
        "Pagu pada Tabel 2.4 sama dengan pagu pada Lampiran 5 di seluruh {n} baris (PN, program, kegiatan, "
        "output); Grand Total keduanya {v}.",
        "The ceiling in Tabel 2.4 equals the ceiling in Lampiran 5 on all {n} rows (PN, programme, activity, "
        "output); both Grand Totals are {v}.",
    ),
    "compare_diff": (
        "Pagu pada Tabel 2.4 berbeda dengan Lampiran 5 pada {n} baris:",
        "The ceiling in Tabel 2.4 differs from Lampiran 5 on {n} rows:",
    ),
    "compare_total_diff": (
        "Grand Total tercetak: Tabel 2.4 {a}, Lampiran 5 {b}.",
        "Printed Grand Totals: Tabel 2.4 {a}, Lampiran 5 {b}.",
    ),
    "compare_names": ("Nama yang dieja berbeda:", "Names spelt differently:"),
    "col_t24": ("Pagu Tabel 2.4", "Ceiling, Tabel 2.4"),
    "col_l5": ("Pagu Lampiran 5", "Ceiling, Lampiran 5"),
    "col_diff": ("Selisih", "Difference"),
}
L = lang()


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _label(row: pd.Series) -> str:
    """``PN 01 · name``, ``DN · name``, ``2172 · name``, ``2172.001 · name``."""
    code = {
        "pn": f"PN {row['pn_code']}",
        "program": row["program_code"],
        "kegiatan": row["kegiatan_code"],
        "output": f"{row['kegiatan_code']}.{row['output_code']}",
    }[row["level"]]
    return f"{code} · {row['name']}"


# --- Data ------------------------------------------------------------------------------------

year = year_select(data.years("pn_realisasi"))
real = data.table("pn_realisasi", year).sort_values("urutan").reset_index(drop=True)
item = data.table("pn_item", year)
if real.empty:
    st.info(t("no_data"))
    st.stop()

real["parent"] = parent_by_order(real, LEVELS)
real["label"] = real.apply(_label, axis=1)
real["penyerapan_pct"] = pd.array(
    [absorption_pct(_num(p), _num(r)) for p, r in zip(real["pagu_rp"], real["realisasi_rp"], strict=True)],
    dtype="Float64",
)
real["capaian_output_pct"] = pd.array(
    [capaian_pct(_num(tg), _num(r)) for tg, r in zip(real["target_output"], real["realisasi_output"], strict=True)],
    dtype="Float64",
)
real["status"] = [status_of(_num(c)) for c in real["capaian_output_pct"]]
pn_rows = real[real["level"] == "pn"]
outputs = real[real["level"] == "output"].copy()

total_pagu = float(pn_rows["pagu_rp"].sum())
total_real = float(pn_rows["realisasi_rp"].sum())
absorption = absorption_pct(total_pagu, total_real)
reached = int((outputs["realisasi_output"] >= outputs["target_output"]).sum())
printed_t24 = data.printed("T2.4.total.pagu_rp", year)
printed_l5_pagu = data.printed("L5.total.pagu_rp", year)
printed_l5_real = data.printed("L5.total.realisasi_rp", year)

# --- Header and tiles ------------------------------------------------------------------------

st.title(f"{t('page_pn')} {year}")
page_findings("pn", year)
st.caption(tr(S["intro"]))

cols = st.columns([1.25, 1.25, 1.1, 0.8, 0.9])
with cols[0]:
    tile(
        tr(S["tile_pagu"]),
        fmt_rp_short(total_pagu, L),
        help=tr(S["help_pagu"]).format(full=fmt_rp(total_pagu, L), v=fmt_rp(printed_t24, L)),
        key="pn_tile_pagu",
    )
with cols[1]:
    tile(
        tr(S["tile_real"]),
        fmt_rp_short(total_real, L),
        help=tr(S["help_real"]).format(full=fmt_rp(total_real, L), v=fmt_rp(printed_l5_real, L)),
        key="pn_tile_real",
    )
with cols[2]:
    tile(tr(S["tile_abs"]), fmt_pct(absorption, 2, L), help=tr(S["help_abs"]), key="pn_tile_abs")
with cols[3]:
    tile(
        tr(S["tile_outputs"]),
        fmt_number(len(outputs), 0, L),
        key="pn_tile_outputs",
        help=tr(S["help_outputs"]).format(
            n=int((real["level"] == "kegiatan").sum()), p=int((real["level"] == "program").sum())
        ),
    )
with cols[4]:
    tile(
        tr(S["tile_reached"]),
        fmt_number(reached, 0, L),
        key="pn_tile_reached",
        help=tr(S["help_reached"]).format(a=fmt_number(reached, 0, L), b=fmt_number(len(outputs), 0, L)),
    )
source_line(*SOURCES)

# --- Treemap ---------------------------------------------------------------------------------

hover_labels = {
    "pagu": t("pagu"),
    "realisasi": t("realisasi"),
    "penyerapan": t("penyerapan"),
    "target": tr(S["target_output"]),
    "realisasi_output": tr(S["real_output"]),
    "colorbar": tr(S["colorbar"]),
}
st.plotly_chart(
    built(pn_treemap, real, L, tr(S["treemap_title"]), tr(S["root"]), hover_labels, absorption),
    width="stretch",
    key="pn_treemap",
)
st.caption(tr(S["treemap_hint"]).format(v=fmt_pct(absorption, 2, L)))
source_line(*SOURCES)

# --- Filterable table of outputs ------------------------------------------------------------

st.subheader(tr(S["table_head"]))
pn_names = dict(zip(pn_rows["pn_code"], pn_rows["name"], strict=True))
prog_rows = real[real["level"] == "program"].drop_duplicates("program_code")
prog_names = dict(zip(prog_rows["program_code"], prog_rows["name"], strict=True))
keg_rows = real[real["level"] == "kegiatan"].drop_duplicates("kegiatan_code")
keg_names = dict(zip(keg_rows["kegiatan_code"], keg_rows["name"], strict=True))

ALL = "semua"


def _pick(label: str, codes: list[str], key: str, names: dict[str, str], all_text: str, prefix: str = "") -> str:
    """One code (or all) from a selectbox kept in the URL: ``?pn=03``."""
    return query_choice(
        label,
        [ALL, *codes],
        key,
        default=ALL,
        format_func=lambda c: all_text if c == ALL else f"{prefix}{c} · {names[c]}",
    )


f1, f2, f3, f4 = st.columns([1.2, 1, 1.4, 1])
with f1:
    chosen_pn = _pick(tr(S["f_pn"]), list(pn_names), "pn", pn_names, tr(S["all_pn"]), prefix="PN ")
scope = outputs if chosen_pn == ALL else outputs[outputs["pn_code"] == chosen_pn]
with f2:
    chosen_prog = _pick(
        tr(S["f_program"]), list(dict.fromkeys(scope["program_code"])), "program", prog_names, tr(S["all_program"])
    )
scope = scope if chosen_prog == ALL else scope[scope["program_code"] == chosen_prog]
with f3:
    chosen_keg = _pick(
        tr(S["f_kegiatan"]), list(dict.fromkeys(scope["kegiatan_code"])), "kegiatan", keg_names, tr(S["all_kegiatan"])
    )
scope = scope if chosen_keg == ALL else scope[scope["kegiatan_code"] == chosen_keg]
with f4:
    present = [s for s in STATUSES if s in set(outputs["status"])]
    chosen_status = query_choice(
        tr(S["f_status"]),
        [ALL, *present],
        "status",
        default=ALL,
        format_func=lambda c: tr(S["all_status"]) if c == ALL else status_badge(c),
    )
scope = scope if chosen_status == ALL else scope[scope["status"] == chosen_status]

shown = pd.DataFrame(
    {
        tr(S["col_pn"]): scope["pn_code"],
        tr(S["col_program"]): scope["program_code"],
        tr(S["col_kode"]): scope["kegiatan_code"] + "." + scope["output_code"],
        tr(S["col_output"]): scope["name"],
        tr(S["col_satuan"]): scope["satuan"],
        tr(S["col_pagu"]): scope["pagu_rp"],
        tr(S["col_real"]): scope["realisasi_rp"],
        tr(S["col_abs"]): scope["penyerapan_pct"].round(2),
        tr(S["col_target"]): scope["target_output"],
        tr(S["col_real_out"]): scope["realisasi_output"],
        tr(S["col_cap"]): scope["capaian_output_pct"].round(2),
        tr(S["col_status"]): scope["status"].map(status_badge),
    }
).reset_index(drop=True)
money_cols = [tr(S["col_pagu"]), tr(S["col_real"])]
count_cols = [tr(S["col_target"]), tr(S["col_real_out"])]
pct_cols = [tr(S["col_abs"]), tr(S["col_cap"])]
styled = shown.style.format(
    {
        **{c: (lambda v: fmt_number(v, 0, L)) for c in money_cols + count_cols},
        **{c: (lambda v: fmt_pct(v, 2, L)) for c in pct_cols},
    }
)
st.caption(tr(S["rows_shown"]).format(n=fmt_number(len(shown), 0, L), m=fmt_number(len(outputs), 0, L)))
if shown.empty:
    st.info(t("no_data"))
st.dataframe(
    styled,
    hide_index=True,
    width="stretch",
    key="pn_table",
    height="auto" if len(shown) <= 10 else 420,
    column_config={
        tr(S["col_kode"]): st.column_config.TextColumn(pinned=True),
        tr(S["col_output"]): st.column_config.TextColumn(width="medium", pinned=True),
    },
)
source_line(*SOURCES)
downloads(shown, f"prioritas_nasional_output_{year}", "pn_table")

# --- Per PN, and Tabel 2.4 against Lampiran 5 -----------------------------------------------

left, right = st.columns([3, 2])
with left:
    summary = pn_rows.assign(label=[f"PN {c}" for c in pn_rows["pn_code"]])
    st.plotly_chart(
        built(
            pn_budget_bars,
            summary,
            L,
            tr(S["bars_title"]),
            t("pagu"),
            t("realisasi"),
            tr(S["bars_axis"]),
            t("penyerapan"),
        ),
        width="stretch",
        key="pn_bars",
    )
    source_line("Lampiran 5")
with right:
    st.subheader(tr(S["compare_head"]))
    gap = source_gap_table(item, real, "urutan", "pagu_rp", ("pagu_t24", "pagu_l5"))
    differ = gap[gap["selisih"].fillna(0) != 0]
    if differ.empty and printed_t24 == printed_l5_pagu:
        st.success(tr(S["compare_same"]).format(n=fmt_number(len(gap), 0, L), v=fmt_rp(printed_t24, L)), icon="✅")
    else:
        if not differ.empty:
            st.warning(tr(S["compare_diff"]).format(n=fmt_number(len(differ), 0, L)), icon="⚠️")
            labels = real.set_index("urutan")["label"]
            st.dataframe(
                pd.DataFrame(
                    {
                        tr(S["col_output"]): differ["urutan"].map(labels),
                        tr(S["col_t24"]): differ["pagu_t24"].map(lambda v: fmt_rp(v, L)),
                        tr(S["col_l5"]): differ["pagu_l5"].map(lambda v: fmt_rp(v, L)),
                        tr(S["col_diff"]): differ["selisih"].map(lambda v: fmt_rp(v, L)),
                    }
                ),
                hide_index=True,
                width="stretch",
                key="pn_pagu_diff",
            )
        if printed_t24 != printed_l5_pagu:
            st.warning(tr(S["compare_total_diff"]).format(a=fmt_rp(printed_t24, L), b=fmt_rp(printed_l5_pagu, L)))
    names = item[["urutan", "name"]].merge(real[["urutan", "name"]], on="urutan", suffixes=("_t24", "_l5"))
    names = names[names["name_t24"] != names["name_l5"]]
    if not names.empty:
        st.markdown(tr(S["compare_names"]))
        for a, b in zip(names["name_t24"], names["name_l5"], strict=True):
            st.markdown(f"- Tabel 2.4: *{a}*\n- Lampiran 5: *{b}*")
    source_line(*reversed(SOURCES))
