"""SS-2 Tata Kelola: the three IKSS (Indeks RB, Opini BPK, Indeks SPBE), their detail tables and an SPBE simulator.

Layout only: the figures, texts and tables come from ``views.ss2`` (pure), the charts from ``ui.charts.ss2``.
The first screen holds the tiles and one chart (the Indeks RB against its target); the RB, BPK, SPBE and
simulator parts are sections that run only when opened (``ui.widgets.section``, issue 15).
"""

from __future__ import annotations

import streamlit as st

import views.ss2 as views
from kpi import spbe
from ui import data, widgets
from ui.charts import ss2 as charts
from ui.charts.vega import to_svg
from ui.i18n import chosen_year, lang, page_text, t

L, YEAR = lang(), chosen_year()
VERSION = data.data_version()
s = page_text("ss2")
SIM_STATE = f"ss2_sim_levels_{YEAR}"


# --- cached models (pure views keyed by their arguments) ------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> tuple[views.Page, dict[str, dict | None]]:
    model = views.page(data.frames(*views.FRAMES), year, lang)
    return model, charts.page_charts(model, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _history_svg(year: int, lang: str, version: int) -> str:
    """The first screen's chart, the RB index per evaluation year against its target, drawn on the server."""
    spec = charts.rb_history(_model(year, lang, version)[0], lang)  # plain: vl-convert reads no Arrow
    return to_svg(spec, width=548)  # the [3, 2] left column


@st.cache_resource(show_spinner=False, max_entries=64)
def _rb_indicators(year: int, lang: str, version: int, sort_key: str) -> tuple[views.RbIndicators, dict]:
    model = views.rb_indicators(data.frames(*views.FRAMES), year, lang, sort_key)
    return model, charts.rb_indicator_chart(model, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _level(year: int, lang: str, version: int, level: str) -> tuple[views.SpbeLevel | None, dict]:
    model = views.spbe_level(data.frames(*views.FRAMES), year, lang, level)
    return model, (charts.level_charts(model, lang) if model is not None else {})


@st.cache_resource(show_spinner=False, max_entries=16)
def _indicators(year: int, lang: str, version: int) -> views.SpbeIndicators:
    return views.spbe_indicators(data.frames(*views.FRAMES), year, lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def _simulation(
    year: int, lang: str, version: int, levels: tuple[tuple[int, int], ...], goal: str
) -> tuple[views.Simulation, dict]:
    model = views.simulate_from(_model(year, lang, version)[0].base, lang, dict(levels), goal)
    return model, charts.simulation_bands(model, lang)


def tile(tile: views.Tile) -> None:
    """A bordered metric, its status in words (and capaian) and a footnote (the target)."""
    with st.container(border=True, key=tile.key):
        off = "off" if tile.neutral else None
        st.metric(
            tile.label,
            tile.value,
            delta=tile.delta,
            help=tile.help,
            delta_color=off or "normal",
            delta_arrow=off or "auto",
        )
        st.markdown(widgets.status_markdown(tile.status) + (f" · {tile.capaian}" if tile.capaian else ""))
        st.caption(tile.foot)


M, CHARTS = _model(YEAR, L, VERSION)

# --- 1. Headline: the five tiles and the RB index against its target (the first screen) -----------

st.title(t("page_ss2"))
widgets.page_findings("ss2", YEAR)
st.caption(s("ss_caption"))
for column, item in zip(st.columns(5), M.header.tiles, strict=True):
    with column:
        tile(item)
rbm = M.rb
main, notes = st.columns([3, 2], gap="medium")
with main:
    if not rbm.history.empty:
        widgets.static_chart(_history_svg(YEAR, L, VERSION), "ss2_rb_history", "Tabel 3.2")
with notes:  # the notes as one element: fewer to draw on the first screen
    if lines := [*M.header.notes, *([rbm.history_note] if rbm.history_note else [])]:
        st.caption("\n\n".join(lines))

# --- 2. Reformasi Birokrasi (on demand: below the first screen) -----------------------------------


def reformasi_birokrasi() -> None:
    if rbm.intro:
        st.markdown(rbm.intro)
    left, right = st.columns([3, 2], gap="medium")
    if CHARTS["components"]:
        with left:
            widgets.vega(CHARTS["components"], "ss2_rb_components", "Tabel 3.16")
    with right:
        widgets.table(rbm.gaps, "ss2_rb_comp_table")
    if rbm.tematik_note:
        st.caption(rbm.tematik_note)
    st.markdown(f"**{rbm.indicators_heading}**")
    sort_key = widgets.query_choice(
        s("sort"), list(views.RB_SORTS), "rb_urut", default="nomor", format_func=lambda k: s("sort_" + k)
    )
    rb_tabs = st.tabs([s("tab_chart"), s("tab_table")], key="ss2_rb_tab", bind="query-params")
    with rb_tabs[0]:
        if rb_tabs[0].open:  # only the open tab runs (tabs bound to the URL)
            widgets.vega(_rb_indicators(YEAR, L, VERSION, sort_key)[1], "ss2_rb_indicators", "Tabel 3.17")
    with rb_tabs[1]:
        if rb_tabs[1].open:
            ind_model = _rb_indicators(YEAR, L, VERSION, sort_key)[0]
            widgets.table(ind_model.table, "ss2_rb_ind_table", height=35 * len(ind_model.table) + 40)
            if rbm.indicators_caption:
                st.caption(rbm.indicators_caption)


with (part := widgets.section(rbm.title, "ss2_rb")):
    if part.open:
        reformasi_birokrasi()

# --- 3. Opini BPK (on demand) ---------------------------------------------------------------------

with (part := widgets.section(s("h_bpk"), "ss2_opini")):
    if part.open:
        bl, br = st.columns([1, 1], gap="medium")
        if CHARTS["bpk"]:
            with bl:
                widgets.vega(CHARTS["bpk"], "ss2_bpk", "Tabel 3.2")
        with br:
            widgets.table(M.bpk.table, "ss2_bpk_table")
            st.caption(M.bpk.note)

# --- 4. SPBE (on demand) --------------------------------------------------------------------------

BASE = M.base


def spbe_section() -> None:
    if M.spbe.intro:
        st.markdown(M.spbe.intro)
    level = widgets.query_choice(
        s("level"), list(views.LEVELS), "spbe_level", default="domain", format_func=lambda k: s("lv_" + k)
    )
    lv, lv_charts = _level(YEAR, L, VERSION, level)
    if lv is not None:
        sl, sr = st.columns([1, 1], gap="medium")
        with sl:
            widgets.vega(lv_charts["compare"], "ss2_spbe_compare", "Tabel 3.19", "Lampiran 8")
        with sr:
            widgets.vega(lv_charts["trend"], "ss2_spbe_trend", "Tabel 3.19")
    tl, tr_ = st.columns([2, 3], gap="medium")
    with tl:
        if CHARTS["groups"]:
            widgets.vega(CHARTS["groups"], "ss2_spbe_groups", "Lampiran 8")
        else:
            st.caption(M.spbe.no_groups)
    if lv is not None:
        with tr_:
            widgets.table(lv.table, f"ss2_t319_{level}")
            if lv.d4_note:
                st.caption(lv.d4_note)

    if BASE is None:
        st.info(s("no_spbe", y=YEAR))
    else:
        indicators = st.expander(M.spbe.indicators_heading, expanded=False, key="ss2_spbe_ind", on_change="rerun")
        if indicators.open:  # the indicator rows are built and sent only when the reader opens them
            with indicators:
                spi = _indicators(YEAR, L, VERSION)
                widgets.table(spi.table, "ss2_spbe_ind_table", height=35 * len(spi.table) + 40)
                st.caption(spi.caption)


with (part := widgets.section(s("h_spbe"), "ss2_spbe")):
    if part.open:
        spbe_section()

# --- 5. SPBE simulator (on demand: a fragment inside its section) ---------------------------------


def _sim_levels() -> dict[int, int]:
    return st.session_state.setdefault(SIM_STATE, {})


def _level_of(nomor: int) -> int:
    return _sim_levels().get(nomor, BASE.levels[nomor])


def _on_pick() -> None:
    st.session_state["sim_tingkat"] = _level_of(int(st.session_state["sim_indikator"]))


def _on_level() -> None:
    nomor, value = int(st.session_state["sim_indikator"]), int(st.session_state["sim_tingkat"])
    if value == BASE.levels[nomor]:
        _sim_levels().pop(nomor, None)
    else:
        _sim_levels()[nomor] = value


def _reset() -> None:
    st.session_state[SIM_STATE] = {}
    st.session_state["sim_tingkat"] = BASE.levels[int(st.session_state["sim_indikator"])]


def _apply(steps: tuple[tuple[int, int], ...]) -> None:
    _sim_levels().update(steps)
    _on_pick()


@st.fragment
def simulator() -> None:
    st.caption(BASE.intro)
    pick, slide = st.columns([3, 2], gap="medium")
    nomor = pick.selectbox(
        s("sim_indikator"), list(BASE.levels), key="sim_indikator", on_change=_on_pick, format_func=BASE.options.get
    )
    nomor = nomor if nomor in BASE.levels else next(iter(BASE.levels))  # one picked in another year
    st.session_state.setdefault("sim_tingkat", _level_of(int(nomor)))
    slide.slider(
        s("sim_tingkat"),
        spbe.MIN_LEVEL,
        spbe.MAX_LEVEL,
        key="sim_tingkat",
        on_change=_on_level,
        help=BASE.weight_help[int(nomor)],
    )
    levels = tuple(sorted(_sim_levels().items()))
    goal = st.session_state.get("sim_goal") or "next"  # drawn below the metrics, read before them
    sim, bands = _simulation(YEAR, L, VERSION, levels, goal)
    for column, metric in zip(st.columns(4), sim.metrics, strict=True):
        column.metric(metric.label, metric.value, help=metric.help)
    column.markdown(widgets.status_badge(sim.status))
    widgets.vega(bands, "ss2_sim_bands", "Tabel 3.18", "Lampiran 8")
    if sim.changes is not None:
        st.markdown(f"**{sim.changes.title}**")
        widgets.table(sim.changes, "ss2_sim_changes")
    st.button(s("reset", y=YEAR), key="sim_reset", on_click=_reset, icon="↩️")

    st.markdown(f"**{s('h_path')}**")
    st.segmented_control(s("goal"), list(sim.goals), default="next", key="sim_goal", format_func=sim.goals.get)
    path = sim.path
    if path.kind == "path":
        st.metric(path.count_label, str(path.count))
        st.markdown(path.message)
        widgets.table(path.table, "ss2_sim_path")
        st.button(s("apply_path"), key="sim_apply", on_click=_apply, args=(path.steps,), icon="✨")
    elif path.kind == "done":
        st.success(path.message)
    else:
        st.warning(path.message)
    raises = st.expander(sim.raises.title, key="ss2_sim_raises_open", on_change="rerun")
    if raises.open:  # the ranked list of all single raises is one click away: the path above answers first
        with raises:
            widgets.table(sim.raises, "ss2_sim_raises", height=420)


if BASE is not None:
    with (part := widgets.section(s("h_sim"), "ss2_sim")):
        if part.open:
            simulator()
