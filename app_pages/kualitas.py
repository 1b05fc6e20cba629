"""Kualitas Data: every total, percentage and repeated figure of the LKj recomputed, and each disagreement shown."""

from __future__ import annotations

from typing import NamedTuple

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
from kpi.format import fmt_number
from ui.i18n import lang, t, tr
from ui.widgets import built, data_table, query_multi, tile, vega, year_select

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


def _in(pair: tuple[str, str], language: str) -> str:
    """The text of an ``(indonesian, english)`` pair in ``language`` (a cache key, so not read from the session)."""
    return pair[1 if language == "en" else 0]


def _show(value: object, language: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, str):
        return value
    v = float(value)
    decimals = 0 if v.is_integer() or abs(v) >= 1e6 else (2 if abs(round(v, 2) - v) < 1e-9 else 4)
    return fmt_number(v, decimals, language)


# --- Views (built once per data version, year and language, then shared read-only) -------------
# The checks of a year do not change between reruns: the counts, the chart, the findings table and
# the rules table are built once through ``built``; a rerun only filters rows and draws.


class Findings(NamedTuple):
    """Every finding of a year as shown (``rows``), the codes the filters compare, and its LKj tables."""

    rows: pd.DataFrame
    severity: pd.Series
    kind: pd.Series
    page: pd.Series
    table_of: pd.DataFrame
    """One row per (finding, LKj table): ``i`` (the finding's row) and ``table``."""
    tables: list[str]
    """The LKj tables with a finding, in the report's order (the table filter's options)."""


def counts_view(version: int, year: int) -> tuple[dict, dict]:
    """``summary`` of the year's checks and the tile counts: ran, failed, per severity, rules run, skipped."""
    report = data.check_report(year)
    counts = summary(report, RULES)
    per_rule = counts["rules"]
    tiles = {
        "ran": int(per_rule["ran"].sum()),
        "failed": len(report),
        "rules_ran": int((per_rule["ran"] > 0).sum()),
        "skipped": len(set(report.skipped)),
        **{s: sum(1 for f in report if f.severity == s) for s in SEVERITIES},
    }
    return counts, tiles


def findings_view(version: int, year: int, language: str) -> Findings:
    report = list(data.check_report(year))
    per_table = built(counts_view, version, year)[0]["tables"]
    order = {name: i for i, name in enumerate(per_table["table"])}
    sev_text = {s: f"{SEV_ICON[s]} {_in(SEVERITY_TEXT[s], language)}" for s in SEVERITIES}
    kinds = [RULE_BY_ID[f.rule_id].kind for f in report]
    rows = pd.DataFrame(
        {
            _in(S["col_severity"], language): [sev_text[f.severity] for f in report],
            _in(S["col_message"], language): [f.message(language) for f in report],
            _in(S["col_printed"], language): [_show(f.printed, language) for f in report],
            _in(S["col_recomputed"], language): [_show(f.recomputed, language) for f in report],
            _in(S["col_diff"], language): [_show(f.difference, language) for f in report],
            _in(S["col_rule"], language): [f.rule_id for f in report],
            _in(S["col_kind"], language): [_in(KIND_TEXT[k], language) for k in kinds],
            _in(S["col_tables"], language): [", ".join(f.tables) for f in report],
            _in(S["col_row"], language): [f.row_key for f in report],
            _in(S["col_page"], language): [f"/{f.page}" for f in report],
        }
    )
    table_of = pd.DataFrame([(i, t_) for i, f in enumerate(report) for t_ in f.tables], columns=["i", "table"])
    tables = sorted(set(table_of["table"]), key=lambda x: order.get(x, len(order)))
    return Findings(
        rows,
        pd.Series([f.severity for f in report], dtype=object),
        pd.Series(kinds, dtype=object),
        pd.Series([f.page for f in report], dtype=object),
        table_of,
        tables,
    )


def rules_view(version: int, year: int, language: str) -> pd.DataFrame:
    per_rule = built(counts_view, version, year)[0]["rules"]
    return pd.DataFrame(
        {
            _in(S["col_rule"], language): per_rule["rule_id"],
            _in(S["col_kind"], language): [_in(KIND_TEXT[k], language) for k in per_rule["kind"]],
            _in(S["col_tables"], language): per_rule["tables"],
            _in(S["col_desc"], language): [RULE_BY_ID[r].description(language) for r in per_rule["rule_id"]],
            _in(S["col_severity"], language): [_in(SEVERITY_TEXT[s], language) for s in per_rule["severity"]],
            _in(S["col_ran"], language): per_rule["ran"],
            _in(S["col_passed"], language): per_rule["passed"],
            _in(S["col_failed"], language): per_rule["failed"],
            _in(S["col_skipped"], language): per_rule["skipped"],
        }
    )


def chart_view(version: int, year: int, language: str) -> dict:
    """The findings per LKj table chart (a Vega-Lite spec)."""
    per_table = built(counts_view, version, year)[0]["tables"]
    return failures_by_table(
        per_table,
        language,
        _in(S["chart_title"], language),
        {s: f"{SEV_ICON[s]} {_in(SEVERITY_TEXT[s], language)}" for s in SEVERITIES},
        _in(S["chart_axis"], language),
        _in(S["col_tables"], language),
        _in(S["ran"], language),
    )


# --- Data ------------------------------------------------------------------------------------

st.title(tr(S["title"]))
st.caption(tr(S["intro"]))

year = year_select(data.years("printed_figure"))
VERSION = data.data_version()
counts, n = built(counts_view, VERSION, year)
per_table = counts["tables"]
n_ran, n_failed = n["ran"], n["failed"]

# --- Tiles -----------------------------------------------------------------------------------

c1, c2, c3, c4, c5 = st.columns(5)
with c1:
    tile(
        tr(S["ran"]),
        fmt_number(n_ran, 0, L),
        help=tr(S["ran_help"]).format(r=n["rules_ran"], n=fmt_number(n_ran, 0, L), s=n["skipped"]),
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
            fmt_number(n[sev], 0, L),
            help=tr(S["help_" + sev]),
            key=f"tile_{sev}",
        )

# --- Chart -----------------------------------------------------------------------------------

if n_failed == 0:
    st.success(tr(S["none"]), icon="✅")
else:
    vega(
        built(chart_view, VERSION, year, L),
        "chart_tables",
        *[str(x) for x in per_table.loc[per_table["failed"] > 0, "table"]],
    )

# --- Findings --------------------------------------------------------------------------------

st.subheader(tr(S["findings"]))
found = built(findings_view, VERSION, year, L)
f1, f2, f3 = st.columns(3)
with f1:
    pick_sev = query_multi(tr(S["f_severity"]), list(SEVERITIES), "sev", format_func=lambda s: tr(SEVERITY_TEXT[s]))
with f2:
    pick_table = query_multi(tr(S["f_table"]), found.tables, "tabel")
with f3:
    pick_kind = query_multi(tr(S["f_kind"]), list(KINDS), "jenis", format_func=lambda k: tr(KIND_TEXT[k]))

keep = pd.Series(True, index=found.rows.index)
if pick_sev:
    keep &= found.severity.isin(pick_sev)
if pick_kind:
    keep &= found.kind.isin(pick_kind)
if pick_table:
    keep &= found.rows.index.isin(found.table_of.loc[found.table_of["table"].isin(pick_table), "i"])
shown = found.rows if keep.all() else found.rows[keep.to_numpy()]
st.caption(tr(S["shown"]).format(n=len(shown), m=n_failed))
data_table(
    shown,
    f"kualitas_data_{year}",
    "findings",
    ("Kualitas Data: " + tr(S["findings"]),),
    column_config={
        tr(S["col_message"]): st.column_config.TextColumn(width="large"),
        tr(S["col_page"]): st.column_config.LinkColumn(display_text=r"/(\w+)$"),
    },
)

hits = found.page[keep.to_numpy()].value_counts()
pages_hit = [p for p in PAGES if p in hits.index]
if pages_hit:
    st.markdown(f"**{tr(S['open'])}**")
    cols = st.columns(len(pages_hit))
    for col, p in zip(cols, pages_hit, strict=True):
        path, key = PAGES[p]
        col.page_link(path, label=f"{t(key)} ({int(hits[p])})", icon="➡️")

# --- Rules -----------------------------------------------------------------------------------

st.subheader(tr(S["rules_head"]))
st.caption(tr(S["precision"]))
with st.expander(tr(S["kinds_head"]), expanded=False):
    for k in KINDS:
        st.markdown(f"**{tr(KIND_TEXT[k])}** — {tr(KIND_EXPLAIN[k])}")
data_table(
    built(rules_view, VERSION, year, L),
    f"kualitas_aturan_{year}",
    "rules",
    ("Kualitas Data: " + tr(S["rules_head"]),),
    column_config={tr(S["col_desc"]): st.column_config.TextColumn(width="large")},
)
