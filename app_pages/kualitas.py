"""Kualitas Data: every total, percentage and repeated figure of the LKj recomputed, each disagreement shown.

Layout only: the check report of the chosen year comes from ``ui.data.check_report``, the view
from ``views.kualitas``. A new visitor's first screen is the tiles and the chart of findings per
table, drawn on the server; the list of findings (with its filters) and the rules open on demand
(``ui.widgets.section``); a link with a filter, or from a page's findings marker, opens the list.
"""

from __future__ import annotations

import streamlit as st

import views.kualitas
from kpi.checks import KINDS, SEVERITIES
from ui import data
from ui.charts.kualitas import chart
from ui.charts.vega import to_svg
from ui.i18n import chosen_year, lang, page_text
from ui.widgets import query_multi, section, show_tile, static_chart, table


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> views.kualitas.Page:
    """The view of ``year``'s checks in ``lang``, once per data version (shared read-only)."""
    return views.kualitas.page(data.check_report(year), year, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _chart_svg(year: int, lang: str, version: int) -> str:
    return to_svg(chart(_model(year, lang, version).chart, lang), width=860)


FILTER_KEYS = ("sev", "tabel", "jenis")  # the URL's filters of the findings list (?sev=error)


def filters(m: views.kualitas.Page) -> tuple[list[str], list[str], list[str]]:
    """The severities, tables and kinds of rule chosen (empty: all), their values in the URL."""
    fields = (
        (s("f_severity"), list(SEVERITIES), "sev", m.severity_names.get),
        (s("f_table"), list(m.findings.table_options), "tabel", str),
        (s("f_kind"), list(KINDS), "jenis", m.kind_names.get),
    )
    picked = []
    for col, (label, options, key, name) in zip(st.columns(3), fields, strict=True):
        with col:
            picked.append(query_multi(label, options, key, format_func=name))
    return picked[0], picked[1], picked[2]


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
    with (part := section(m.not_printed_table.title, "kualitas_not_printed")):
        if part.open:
            table(m.not_printed_table, "not_printed")

st.subheader(s("findings"))

# --- Findings (on demand; open straight away from a link with a filter) -----------------------

filtered = any(st.query_params.get(k) for k in FILTER_KEYS)
with (part := section(s("findings_list", n=m.n_failed), "kualitas_findings", expanded=filtered)):
    if part.open:
        shown = views.kualitas.visible(m, *filters(m), L)
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

# --- Chart: the first screen's main element, drawn on the server (under the list's header) ----

if m.n_failed == 0:
    st.success(s("none"), icon="✅")
else:
    static_chart(_chart_svg(year, L, version), "chart_tables", *m.chart.sources)

# --- Rules (on demand) -----------------------------------------------------------------------

with (part := section(s("rules_head"), "kualitas_rules")):
    if part.open:
        st.caption(s("precision"))
        # the kinds of rule under a bold line: an expander cannot sit inside the section's expander
        st.markdown(
            f"**{s('kinds_head', n=len(m.kinds))}**\n\n"
            + "\n\n".join(f"**{name}** — {explain}" for name, explain in m.kinds)
        )
        table(m.rules, "rules", column_config={s("col_desc"): st.column_config.TextColumn(width="large")})
