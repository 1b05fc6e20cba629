"""Ringkasan Eksekutif: the LKj year at a glance (layout only; the figures come from ``views.ringkasan``)."""

from __future__ import annotations

import streamlit as st

import views.ringkasan
from ui import data
from ui.charts import ringkasan as charts
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text, t
from ui.report_buttons import report_downloads
from ui.widgets import page_findings, section, source_line, static_chart, table, vega
from views.common import escape_markdown
from views.i18n import text
from views.ringkasan import IkssTile, Metric
from views.theme import STATUS_MARKDOWN_COLOR


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> views.ringkasan.Page:
    """The page's view of ``year`` in ``lang``, once per data version (shared read-only)."""
    return views.ringkasan.page(data.frames(*views.ringkasan.FRAMES), year, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _charts(year: int, lang: str, version: int) -> dict[str, dict]:
    """The sections' Vega-Lite specs, their data already Arrow: the other IKSS' small trends and the ceiling per year."""
    m = _model(year, lang, version)
    target_word = text("common.target", lang)
    specs = {f"trend_{tr.code}": with_arrow(charts.trend(tr, year, lang, target_word)) for tr in m.trends[1:]}
    specs["trend_budget"] = with_arrow(charts.budget(m.budget_trend, year, lang, text("common.pagu", lang)))
    return specs


@st.cache_resource(show_spinner=False, max_entries=32)
def _main_svg(year: int, lang: str, version: int) -> str:
    """The first screen's chart, the first IKSS per year, drawn on the server: no Vega for a new visitor."""
    first = _model(year, lang, version).trends[0]
    return to_svg(charts.trend(first, year, lang, text("common.target", lang)), width=940)


def _pill(color_of: str, text: str) -> str:
    """Status as a coloured badge with icon and words (``:red-badge[⛔ Belum tercapai]``), no HTML needed."""
    return f":{STATUS_MARKDOWN_COLOR[color_of]}-badge[{text}]"


def _nb(text: str) -> str:
    """Keep ``40,71 %`` on one line."""
    return text.replace(" %", "\u00a0%")


def ikss_tile(tile: IkssTile) -> None:
    """One IKSS: realisasi big, change against the previous year, target, capaian and status."""
    with st.container(border=True, key=f"tile_{tile.code}"):
        st.markdown(f"**{escape_markdown(tile.name)}**")
        st.metric(
            tile.label,
            tile.value,
            delta=tile.delta,
            delta_color=tile.delta_color,
            delta_arrow="off" if tile.delta_color == "off" else "auto",
            help=tile.help,
        )
        # one element for target, capaian and the status pill: a rerun pays per element
        st.markdown(
            f"{t('target')} **{_nb(tile.target)}**  \n{t('capaian')} **{_nb(tile.capaian)}**\n\n"
            + _pill(tile.status, tile.status_text)
        )


def metric_tile(tile: Metric) -> None:
    """A bordered metric, with its status badge and caption when it has them."""
    with st.container(border=True, key=tile.key):
        st.metric(tile.label, tile.value, help=tile.help)
        if tile.status is not None:
            st.markdown(_pill(tile.status, tile.status_text or ""))
        if tile.caption:
            st.caption(tile.caption)


# --- Page --------------------------------------------------------------------------------------

L, year, version = lang(), chosen_year(), data.data_version()
s = page_text("ringkasan")
if not year:
    st.warning(t("no_data"))
    st.stop()
m = _model(year, L, version)
specs = _charts(year, L, version)

st.title(m.title)
page_findings("ringkasan", year)
st.caption(m.subtitle)
report_downloads(year, L)
st.subheader(f"{s('overall_line')} **{m.overall}** {_pill(m.overall_status, m.overall_status_text)}", anchor=False)

st.subheader(s("sec_ikss"))
for col, tile in zip(st.columns(max(len(m.ikss), 1)), m.ikss, strict=False):
    with col:
        ikss_tile(tile)

# the one chart of the first screen: the first IKSS per year (SS-1, productivity); the other trends are on demand
main, other_trends = m.trends[:1], m.trends[1:]
for trend in main:
    st.markdown(f"**{s('trend_ikss', y=year)}**")
    static_chart(_main_svg(year, L, version), f"trend_{trend.code}")
source_line("Tabel 3.2")

# --- Below it, on demand (issue 15: a new visitor's browser draws and fetches only the first screen) ---

with (part := section(s("sec_ss"), "ringkasan_ss")):
    if part.open:
        for col, tile in zip(st.columns(3), m.ss, strict=True):
            with col:
                metric_tile(tile)
        source_line("Tabel 3.2", "Bab 3.1")

with (part := section(s("sec_budget"), "ringkasan_budget")):
    if part.open:
        for col, tile in zip(st.columns(4), m.budget, strict=True):
            with col:
                metric_tile(tile)
        source_line("Tabel 3.20", "Tabel 3.22", "Bab 3.3")

with (part := section(s("sec_eff"), "ringkasan_eff")):
    if part.open:
        for col, tile in zip(st.columns(3), m.efficiency, strict=True):
            with col:
                metric_tile(tile)
        st.caption(s("eff_explain"))
        source_line("Tabel 3.24", "Bab 3.4")

with (part := section(s("sec_trend"), "ringkasan_trend")):
    if part.open:
        left, right = st.columns([3, 2], gap="medium")
        with left:
            st.markdown(f"**{s('trend_ikss', y=year)}**")
            for i, trend in enumerate(other_trends):
                if i % 2 == 0:  # rows of two, so a phone shows the charts in the order of the tiles
                    grid = st.columns(2)
                with grid[i % 2]:
                    vega(specs[f"trend_{trend.code}"], f"trend_{trend.code}")
            source_line("Tabel 3.2")
        with right:
            st.markdown(f"**{s('trend_budget')}**")
            vega(specs["trend_budget"], "trend_budget")
            if m.budget_trend.caption:
                st.caption(escape_markdown(m.budget_trend.caption))
            source_line("Tabel 3.21")

with (part := section(s("sec_table"), "ringkasan_table")):
    if part.open:
        table(m.table, "ringkasan_ikss")

with (part := section(s("sec_links"), "ringkasan_links")):
    if part.open:
        link_cols = st.columns(3)
        for i, link in enumerate(m.links):
            with link_cols[i % 3].container(border=True):
                st.page_link(link.path, label=link.name, icon=link.icon)
                st.caption(link.caption)
