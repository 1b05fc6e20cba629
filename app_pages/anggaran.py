"""Anggaran: pagu, realisasi, blokir, PK revisions, dekonsentrasi, efficiency and the two realisasi sources.

Layout only: the figures, tables and chart data come from ``views.anggaran`` for the year chosen in
the sidebar, built once per year, language and data version. The first screen is the tiles and the
year's chart by programme; the tables by programme and unit and the five detail tabs sit in sections
that run only while open (and, inside them, only the open tab runs).
"""

from __future__ import annotations

import streamlit as st

import views.anggaran as view
from ui import data
from ui.charts import anggaran as charts
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text
from ui.widgets import page_findings, query_choice, section, show_tile, source_line, static_chart, table, vega

L = lang()
YEAR = chosen_year()
VERSION = data.data_version()
s = page_text("anggaran")


@st.cache_resource(show_spinner=False, max_entries=32)
def _summary(year: int, lang_: str, version: int) -> view.Summary:
    return view.summary(data.frames(*view.DATASETS), year, lang_)


@st.cache_resource(show_spinner=False, max_entries=128)
def _section(name: str, year: int, lang_: str, version: int) -> tuple[view.Section, dict[str, dict]]:
    """A section's model and its charts' specs (datasets as Arrow), built once and shared: callers only read."""
    part = view.SECTIONS[name](data.frames(*view.DATASETS), year, lang_)
    return part, {c.key: with_arrow(charts.build(c, lang_)) for c in part.charts}


@st.cache_resource(show_spinner=False, max_entries=32)
def _program_svg(year: int, lang_: str, version: int) -> str | None:
    """The first screen's chart by programme, drawn on the server (None when the year has no programme rows)."""
    model = _section("program", year, lang_, version)[0].chart(f"ch_program_{year}")
    # 940 px: the full-width main column at a 1400 px wide window, so the picture's text is 1:1
    return None if model is None else to_svg(charts.build(model, lang_), width=940)


def tiles(row: tuple[view.Tile, ...]) -> None:
    if not row:
        return
    for col, spec in zip(st.columns(len(row)), row, strict=True):
        with col:
            show_tile(spec)


def notes(part: view.Section) -> None:
    for note in part.notes:
        st.info(note)


def chart(part: view.Section, specs: dict[str, dict], key: str) -> None:
    model = part.chart(key)
    if model is not None:
        vega(specs[key], key, *model.sources)


def captions(lines: tuple[str, ...]) -> None:
    for line in lines:
        st.caption(line)


def plain(name: str, table_key: str) -> None:
    """A section drawn as it comes: heading, notes, its one chart, its table, its captions."""
    part, specs = _section(name, YEAR, L, VERSION)
    st.subheader(part.heading)
    notes(part)
    for key in specs:
        chart(part, specs, key)
    for model in part.tables:
        table(model, table_key)
    captions(part.captions)


# ---------------------------------------------------------------- 1. first screen: tiles and the programme chart
# A new visitor's browser draws (and fetches the code for) only this: the tiles and one chart, drawn on the
# server as SVG. The rest of the page sits in sections that run only while open (ui.widgets.section, issue 15).
summary = _summary(YEAR, L, VERSION)
st.title(summary.title)
page_findings("anggaran", YEAR)
st.caption(summary.intro)
st.subheader(summary.heading)
tiles(summary.money)
tiles(summary.absorption)
tiles(summary.efficiency)
st.caption(summary.eff_caption)
source_line(*summary.sources)

program = _section("program", YEAR, L, VERSION)[0]
notes(program)
if (program_svg := _program_svg(YEAR, L, VERSION)) is not None:
    # a picture: a new visitor's browser draws it without loading Vega (tooltips are the only loss)
    static_chart(program_svg, f"ch_program_{YEAR}", *program.chart(f"ch_program_{YEAR}").sources)

# ---------------------------------------------------------------- 2. by programme / unit (on demand)
# The programme tab's chart is on the first screen above; its table is here, beside the unit tab.
with (part := section(s("s2_head"), "anggaran_program")):
    if part.open:
        tabs = st.tabs([s("tab_program"), s("tab_unit")], key="ang_tab", bind="query-params")
        for tab, kind in zip(tabs, ("program", "unit"), strict=True):
            with tab:
                if tab.open:  # only the open tab runs (tabs bound to the URL)
                    model, specs = _section(kind, YEAR, L, VERSION)
                    if kind == "unit":
                        notes(model)
                        chart(model, specs, f"ch_{kind}_{YEAR}")
                    for frame in model.tables:
                        table(frame, f"tb_{kind}_{YEAR}")
                    captions(model.captions)


# ---------------------------------------------------------------- 3-7. details (on demand), one tab at a time
# Each tab is a chart and a table or two; only the open one runs, so a rerun draws at most one of them.


def revisions() -> None:
    rev, rev_specs = _section("revisions", YEAR, L, VERSION)
    st.subheader(rev.heading)
    notes(rev)
    if rev.charts:
        # the labels are looked up now, not when formatted: AppTest formats outside the page's run
        modes = {"pagu": rev.extra["pagu"], "perubahan": rev.extra["perubahan"]}
        mode = query_choice(
            rev.extra["label"], list(modes), key="ang_rev", default="perubahan", format_func=modes.__getitem__
        )
        chart(rev, rev_specs, f"ch_rev_{mode}")
        for model in rev.tables:
            table(model, "tb_pk_revisi")
        captions(rev.captions)


def blokir() -> None:
    blk, blk_specs = _section("blokir", YEAR, L, VERSION)
    st.subheader(blk.heading)
    notes(blk)
    if blk.charts:
        c1, c2 = st.columns(2)
        with c1:
            chart(blk, blk_specs, "ch_blokir")
        with c2:
            chart(blk, blk_specs, "ch_blokir_pct")
        table(blk.tables[0], "tb_blokir")
        captions(blk.captions)


def sources() -> None:
    src, src_specs = _section("sources", YEAR, L, VERSION)
    st.subheader(src.heading)
    st.caption(src.intro)
    notes(src)
    if src.tables:
        chart(src, src_specs, "ch_src")
        table(src.tables[0], "tb_src")
        with st.expander(s("per_unit")):
            table(src.tables[1], "tb_l6_unit")
            captions(src.captions)


DETAIL_TABS = {
    "tab_rev": revisions,
    "tab_blokir": blokir,
    "tab_dekon": lambda: plain("dekonsentrasi", "tb_dekon"),
    "tab_eff": lambda: plain("efficiency", "tb_eff"),
    "tab_src": sources,
}

with (part := section(s("h_detail"), "anggaran_detail")):
    if part.open:
        detail = st.tabs([s(k) for k in DETAIL_TABS], key="ang_detail", bind="query-params")
        for tab, draw in zip(detail, DETAIL_TABS.values(), strict=True):
            with tab:
                if tab.open:
                    draw()
