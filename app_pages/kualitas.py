"""Kualitas Data: every total, percentage and repeated figure of the LKj recomputed, each disagreement shown.

Layout only: the check report of the chosen year comes from ``ui.data.check_report``, the view
from ``views.kualitas``.
"""

from __future__ import annotations

import streamlit as st

import views.kualitas
from kpi.checks import KINDS, SEVERITIES
from ui import data
from ui.charts.kualitas import chart
from ui.charts.vega import with_arrow
from ui.i18n import chosen_year, lang, page_text
from ui.widgets import query_multi, show_tile, table, vega


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> views.kualitas.Page:
    """The view of ``year``'s checks in ``lang``, once per data version (shared read-only)."""
    return views.kualitas.page(data.check_report(year), year, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _chart(year: int, lang: str, version: int) -> dict:
    return with_arrow(chart(_model(year, lang, version).chart, lang))


L, year, version = lang(), chosen_year(), data.data_version()
s = page_text("kualitas")
m = _model(year, L, version)

st.title(m.title)
st.caption(m.intro)

# --- Tiles -----------------------------------------------------------------------------------

for col, t in zip(st.columns(len(m.tiles)), m.tiles, strict=True):
    with col:
        show_tile(t)
if m.not_printed:
    st.info(m.not_printed, icon="🖨️")
    with st.expander(m.not_printed_table.title, expanded=False):
        table(m.not_printed_table, "not_printed")

# --- Chart -----------------------------------------------------------------------------------

if m.n_failed == 0:
    st.success(s("none"), icon="✅")
else:
    vega(_chart(year, L, version), "chart_tables", *m.chart.sources)

# --- Findings --------------------------------------------------------------------------------

st.subheader(s("findings"))
f1, f2, f3 = st.columns(3)
with f1:
    pick_sev = query_multi(s("f_severity"), list(SEVERITIES), "sev", format_func=m.severity_names.get)
with f2:
    pick_table = query_multi(s("f_table"), list(m.findings.table_options), "tabel")
with f3:
    pick_kind = query_multi(s("f_kind"), list(KINDS), "jenis", format_func=m.kind_names.get)

shown = views.kualitas.visible(m, pick_sev, pick_table, pick_kind, L)
st.caption(shown.caption)
table(
    shown.table,
    "findings",
    column_config={
        s("col_message"): st.column_config.TextColumn(width="large"),
        s("col_page"): st.column_config.LinkColumn(display_text=r"/(\w+)$"),
    },
)
if shown.pages:
    st.markdown(f"**{s('open')}**")
    for col, (path, label) in zip(st.columns(len(shown.pages)), shown.pages, strict=True):
        col.page_link(path, label=label, icon="➡️")

# --- Rules -----------------------------------------------------------------------------------

st.subheader(s("rules_head"))
st.caption(s("precision"))
with st.expander(s("kinds_head", n=len(m.kinds)), expanded=False):
    st.markdown("\n\n".join(f"**{name}** — {explain}" for name, explain in m.kinds))
table(m.rules, "rules", column_config={s("col_desc"): st.column_config.TextColumn(width="large")})
