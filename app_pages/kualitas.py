"""Kualitas Data: every total, percentage and repeated figure of the LKj recomputed, and each disagreement shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.checks import (
    KIND_EXPLAIN,
    KIND_TEXT,
    KINDS,
    RULE_BY_ID,
    RULES,
    SEVERITIES,
    SEVERITY_TEXT,
    summary,
)
from ui import data
from ui.charts.kualitas import failures_by_table
from ui.format import fmt_number
from ui.i18n import lang, t, tr
from ui.widgets import built, data_table, query_multi, source_line, tile, year_select

S = {
    "title": ("Kualitas Data", "Data Quality"),
    "intro": (
        "Dasbor ini memeriksa sumbernya sendiri: setiap total, persentase dan angka yang dicetak lebih dari sekali "
        "di LKj dihitung ulang dari baris rinciannya dan dibandingkan pada ketelitian cetaknya. Hanya yang tidak "
        "cocok yang menjadi temuan; yang cocok dihitung sebagai lolos.",
        "This dashboard checks its own source: every total, percentage and figure the LKj prints more than once is "
        "recomputed from its detail rows and compared at its printed precision. Only disagreements become "
        "findings; agreements are counted as passed.",
    ),
    "ran": ("Diperiksa", "Checked"),
    "ran_help": (
        "{r} aturan, {n} perbandingan; {s} aturan dilewati (data tidak ada)",
        "{r} rules, {n} comparisons; {s} rules skipped (no data)",
    ),
    "passed": ("Lolos", "Passed"),
    "passed_help": ("{p} dari semua perbandingan cocok", "{p} of all comparisons agree"),
    "failed_error": ("Galat", "Errors"),
    "failed_warning": ("Peringatan", "Warnings"),
    "failed_info": ("Info", "Info"),
    "help_error": (
        "Angka yang saling bertentangan: total, hierarki atau angka yang sama di dua tempat.",
        "Figures that contradict each other: totals, hierarchies or the same figure in two places.",
    ),
    "help_warning": (
        "Pembulatan yang tidak cocok atau nilai yang tidak wajar.",
        "Rounding that does not match, or implausible values.",
    ),
    "help_info": (
        "Selisih yang dapat dijelaskan: dua sumber data, atau angka dipotong bukan dibulatkan.",
        "Explainable differences: two data sources, or a figure truncated rather than rounded.",
    ),
    "chart_title": ("Temuan per tabel LKj", "Findings per LKj table"),
    "chart_axis": ("Jumlah temuan", "Number of findings"),
    "none": ("Tidak ada temuan: semua angka yang diperiksa cocok.", "No findings: every figure checked agrees."),
    "findings": ("Temuan", "Findings"),
    "f_severity": ("Tingkat", "Severity"),
    "f_table": ("Tabel LKj", "LKj table"),
    "f_kind": ("Jenis aturan", "Kind of rule"),
    "shown": ("{n} dari {m} temuan ditampilkan.", "{n} of {m} findings shown."),
    "col_severity": ("Tingkat", "Severity"),
    "col_rule": ("Aturan", "Rule"),
    "col_kind": ("Jenis", "Kind"),
    "col_tables": ("Tabel", "Tables"),
    "col_row": ("Baris", "Row"),
    "col_printed": ("Tercetak", "Printed"),
    "col_recomputed": ("Dihitung ulang", "Recomputed"),
    "col_diff": ("Selisih", "Difference"),
    "col_message": ("Keterangan", "Explanation"),
    "col_page": ("Halaman", "Page"),
    "open": ("Buka halaman yang menampilkan angka bertemuan", "Open the pages that show figures with findings"),
    "rules_head": ("Aturan pemeriksaan", "Checking rules"),
    "kinds_head": ("Lima jenis aturan", "Five kinds of rule"),
    "col_desc": ("Apa yang diperiksa", "What it checks"),
    "col_ran": ("Dijalankan", "Run"),
    "col_passed": ("Lolos", "Passed"),
    "col_failed": ("Gagal", "Failed"),
    "col_skipped": ("Dilewati", "Skipped"),
    "precision": (
        "Toleransi mengikuti ketelitian cetak: persen dua desimal cocok bila selisihnya < 0,005, persen bulat "
        "(Lampiran 6, Tabel 3.10) < 0,5; Rupiah dan jumlah orang harus sama persis.",
        "Tolerance follows the printed precision: two-decimal percentages agree within 0.005, whole percents "
        "(Lampiran 6, Tabel 3.10) within 0.5; Rupiah and head counts must be equal.",
    ),
}
PAGES = {
    "ringkasan": ("app_pages/ringkasan.py", "page_ringkasan"),
    "ss1": ("app_pages/ss1.py", "page_ss1"),
    "ss2": ("app_pages/ss2.py", "page_ss2"),
    "anggaran": ("app_pages/anggaran.py", "page_anggaran"),
    "pn": ("app_pages/pn.py", "page_pn"),
    "output": ("app_pages/output.py", "page_output"),
}
SEV_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}
L = lang()


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, str):
        return value
    v = float(value)
    decimals = 0 if v.is_integer() or abs(v) >= 1e6 else (2 if abs(round(v, 2) - v) < 1e-9 else 4)
    return fmt_number(v, decimals, L)


# --- Data ------------------------------------------------------------------------------------

st.title(tr(S["title"]))
st.caption(tr(S["intro"]))

year = year_select(data.years("printed_figure"))
report = data.check_report(year)
counts = summary(report, RULES)
per_rule, per_table = counts["rules"], counts["tables"]
n_ran = int(per_rule["ran"].sum())
n_failed = len(report)
by_sev = {s: sum(1 for f in report if f.severity == s) for s in SEVERITIES}

# --- Tiles -----------------------------------------------------------------------------------

c1, c2, c3, c4, c5 = st.columns(5)
with c1:
    tile(
        tr(S["ran"]),
        fmt_number(n_ran, 0, L),
        help=tr(S["ran_help"]).format(
            r=int((per_rule["ran"] > 0).sum()), n=fmt_number(n_ran, 0, L), s=len(set(report.skipped))
        ),
        key="tile_ran",
    )
with c2:
    share = (n_ran - n_failed) / n_ran * 100 if n_ran else None
    tile(
        tr(S["passed"]),
        fmt_number(n_ran - n_failed, 0, L),
        help=tr(S["passed_help"]).format(p=fmt_number(share, 2, L) + (" %" if L == "id" else "%")),
        key="tile_passed",
    )
for col, sev in zip((c3, c4, c5), SEVERITIES, strict=True):
    with col:
        tile(
            f"{SEV_ICON[sev]} {tr(S['failed_' + sev])}",
            fmt_number(by_sev[sev], 0, L),
            help=tr(S["help_" + sev]),
            key=f"tile_{sev}",
        )

# --- Chart -----------------------------------------------------------------------------------

if n_failed == 0:
    st.success(tr(S["none"]), icon="✅")
else:
    sev_labels = {s: f"{SEV_ICON[s]} {tr(SEVERITY_TEXT[s])}" for s in SEVERITIES}
    fig = built(failures_by_table, per_table, L, tr(S["chart_title"]), sev_labels, tr(S["chart_axis"]))
    st.plotly_chart(fig, width="stretch", key="chart_tables")
    source_line(*[str(x) for x in per_table.loc[per_table["failed"] > 0, "table"]])

# --- Findings --------------------------------------------------------------------------------

st.subheader(tr(S["findings"]))
tables = sorted(
    {t_ for f in report for t_ in f.tables},
    key=lambda x: list(per_table["table"]).index(x) if x in list(per_table["table"]) else 999,
)
f1, f2, f3 = st.columns(3)
with f1:
    pick_sev = query_multi(tr(S["f_severity"]), list(SEVERITIES), "sev", format_func=lambda s: tr(SEVERITY_TEXT[s]))
with f2:
    pick_table = query_multi(tr(S["f_table"]), tables, "tabel")
with f3:
    pick_kind = query_multi(tr(S["f_kind"]), list(KINDS), "jenis", format_func=lambda k: tr(KIND_TEXT[k]))

shown = [
    f
    for f in report
    if (not pick_sev or f.severity in pick_sev)
    and (not pick_table or set(f.tables) & set(pick_table))
    and (not pick_kind or RULE_BY_ID[f.rule_id].kind in pick_kind)
]
st.caption(tr(S["shown"]).format(n=len(shown), m=n_failed))
rows = pd.DataFrame(
    {
        tr(S["col_severity"]): [f"{SEV_ICON[f.severity]} {tr(SEVERITY_TEXT[f.severity])}" for f in shown],
        tr(S["col_message"]): [f.message(L) for f in shown],
        tr(S["col_printed"]): [_show(f.printed) for f in shown],
        tr(S["col_recomputed"]): [_show(f.recomputed) for f in shown],
        tr(S["col_diff"]): [_show(f.difference) for f in shown],
        tr(S["col_rule"]): [f.rule_id for f in shown],
        tr(S["col_kind"]): [tr(KIND_TEXT[RULE_BY_ID[f.rule_id].kind]) for f in shown],
        tr(S["col_tables"]): [", ".join(f.tables) for f in shown],
        tr(S["col_row"]): [f.row_key for f in shown],
        tr(S["col_page"]): [f"/{f.page}" for f in shown],
    }
)
data_table(
    rows,
    f"kualitas_data_{year}",
    "findings",
    ("Kualitas Data: " + tr(S["findings"]),),
    column_config={
        tr(S["col_message"]): st.column_config.TextColumn(width="large"),
        tr(S["col_page"]): st.column_config.LinkColumn(display_text=r"/(\w+)$"),
    },
)

pages_hit = [p for p in PAGES if any(f.page == p for f in shown)]
if pages_hit:
    st.markdown(f"**{tr(S['open'])}**")
    cols = st.columns(len(pages_hit))
    for col, p in zip(cols, pages_hit, strict=True):
        path, key = PAGES[p]
        n = sum(1 for f in shown if f.page == p)
        col.page_link(path, label=f"{t(key)} ({n})", icon="➡️")

# --- Rules -----------------------------------------------------------------------------------

st.subheader(tr(S["rules_head"]))
st.caption(tr(S["precision"]))
with st.expander(tr(S["kinds_head"]), expanded=False):
    for k in KINDS:
        st.markdown(f"**{tr(KIND_TEXT[k])}** — {tr(KIND_EXPLAIN[k])}")
rules_view = pd.DataFrame(
    {
        tr(S["col_rule"]): per_rule["rule_id"],
        tr(S["col_kind"]): [tr(KIND_TEXT[k]) for k in per_rule["kind"]],
        tr(S["col_tables"]): per_rule["tables"],
        tr(S["col_desc"]): [RULE_BY_ID[r].description(L) for r in per_rule["rule_id"]],
        tr(S["col_severity"]): [tr(SEVERITY_TEXT[s]) for s in per_rule["severity"]],
        tr(S["col_ran"]): per_rule["ran"],
        tr(S["col_passed"]): per_rule["passed"],
        tr(S["col_failed"]): per_rule["failed"],
        tr(S["col_skipped"]): per_rule["skipped"],
    }
)
data_table(
    rules_view,
    f"kualitas_aturan_{year}",
    "rules",
    ("Kualitas Data: " + tr(S["rules_head"]),),
    column_config={tr(S["col_desc"]): st.column_config.TextColumn(width="large")},
)
