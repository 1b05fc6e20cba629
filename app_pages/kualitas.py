"""Kualitas Data: every total, percentage and repeated figure of the LKj recomputed, each disagreement shown.

Layout only: the check report of the chosen year comes from ``ui.data.check_report``, the view
from ``views.kualitas``. A new visitor's first screen is the tiles and the findings table (the
page's purpose); its filters, the chart of findings per table and the rules open on demand
(``ui.widgets.section``).
"""

from __future__ import annotations

import streamlit as st

import views.kualitas
from kpi.checks import KINDS, SEVERITIES
from ui import data
from ui.charts.kualitas import chart
from ui.charts.vega import with_arrow
from ui.i18n import chosen_year, lang, page_text
from ui.widgets import query_multi, section, show_tile, table, vega


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> views.kualitas.Page:
    """The view of ``year``'s checks in ``lang``, once per data version (shared read-only)."""
    return views.kualitas.page(data.check_report(year), year, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _chart(year: int, lang: str, version: int) -> dict:
    return with_arrow(chart(_model(year, lang, version).chart, lang))


def filters(m: views.kualitas.Page) -> tuple[list[str], list[str], list[str]]:
    """The severities, tables and kinds of rule chosen (empty: all): widgets in a section, values in the URL.

    A multiselect would cost a new visitor its code on the first screen, so the widgets sit in an
    on-demand section; the values live in the URL (``?sev=``, ``?tabel=``, ``?jenis=``), so a closed
    section still filters the table, and a caption says which filters are on.
    """
    fields = (
        (s("f_severity"), list(SEVERITIES), "sev", m.severity_names.get),
        (s("f_table"), list(m.findings.table_options), "tabel", str),
        (s("f_kind"), list(KINDS), "jenis", m.kind_names.get),
    )
    with (part := section(s("filters"), "kualitas_filters")):
        if part.open:
            picked = []
            for col, (label, options, key, name) in zip(st.columns(3), fields, strict=True):
                with col:
                    picked.append(query_multi(label, options, key, format_func=name))
    if not part.open:  # the URL's values, as query_multi reads them
        picked = [[v for v in st.query_params.get(key, "").split(",") if v in options] for _, options, key, _ in fields]
        active = [
            f"{label}: {', '.join(name(v) for v in chosen)}"
            for (label, _, _, name), chosen in zip(fields, picked, strict=True)
            if chosen
        ]
        if active:
            st.caption(s("filters_active", f=" · ".join(active)))
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

# --- Findings: the page's main element -------------------------------------------------------

st.subheader(s("findings"))
if m.n_failed == 0:
    st.success(s("none"), icon="✅")
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

# --- Chart (on demand) -----------------------------------------------------------------------

if m.n_failed:
    with (part := section(s("chart_title"), "kualitas_chart")):
        if part.open:
            vega(_chart(year, L, version), "chart_tables", *m.chart.sources)

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
