"""SS-1 Produktivitas: the IKSS, its formula worked out, the PyB programmes, a what-if and the supporting tables.

Layout only: the figures, texts and tables come from ``views.ss1`` for the year chosen in the sidebar.
"""

from __future__ import annotations

import streamlit as st

from kpi import productivity as prod
from ui import data, widgets
from ui.charts import ss1 as charts
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text, t
from ui.widgets import page_findings, query_choice, section, show_tile, source_line, static_chart, status_badge, vega
from views import ss1 as view
from views.table import Table

L = lang()
YEAR_CHOSEN = chosen_year()
VERSION = data.data_version()
s = page_text("ss1")


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang: str, version: int) -> view.Page:
    return view.page(data.frames(*view.DATASETS), year, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _charts(year: int, lang: str, version: int) -> dict[str, dict]:
    """The live charts' specs (Arrow data); the trend is only drawn as a picture (:func:`_trend_svg`)."""
    model = _model(year, lang, version)
    return {key: with_arrow(charts.spec(c, lang)) for key, c in model.charts.items() if c is not model.trend}


@st.cache_resource(show_spinner=False, max_entries=32)
def _trend_svg(year: int, lang: str, version: int) -> str:
    return to_svg(charts.spec(_model(year, lang, version).trend, lang), width=380)  # the right column


@st.cache_resource(show_spinner=False, max_entries=128)
def _tab(name: str, year: int, lang: str, version: int) -> tuple[view.Tab, dict[str, dict]]:
    model = view.tab(name, data.frames(*view.tab_datasets(name)), year, lang)
    return model, {key: with_arrow(charts.spec(c, lang)) for key, c in model.charts().items()}


def draw(items, specs: dict[str, dict]) -> None:
    """A section's items in order: charts, tables, notes, columns of them."""
    for key, item in items:
        if isinstance(item, Table):
            widgets.table(item, key)
        elif isinstance(item, view.Columns):
            for col, part in zip(st.columns(len(item.items)), item.items, strict=True):
                with col:
                    draw([part], specs)
        elif isinstance(item, view.Note):
            if item.kind == "info":
                st.info(item.text, icon="ℹ️")
            elif item.kind == "heading":
                st.markdown(f"**{item.text}**")
            else:
                st.caption(item.text)
        else:
            vega(specs[key], key, *item.sources)


M = _model(YEAR_CHOSEN, L, VERSION)
SPECS = _charts(YEAR_CHOSEN, L, VERSION)

# --- 1. Header -------------------------------------------------------------------------------

st.title(t("page_ss1"))
page_findings("ss1", YEAR_CHOSEN)
st.caption(s("ss_caption"))
st.subheader(s("ikss"))
if M.notice:
    st.info(M.notice, icon="ℹ️")

left, right = st.columns([3, 2], gap="medium")
with left:
    keys = ("ss1_tile_target", "ss1_tile_realisasi", "ss1_tile_capaian", "ss1_tile_first")
    for row in range(0, len(M.tiles), 2):
        for col, m, key in zip(st.columns(2), M.tiles[row : row + 2], keys[row : row + 2], strict=False):
            with col:
                show_tile(m, key)
with right:
    if M.trend is not None:
        static_chart(_trend_svg(YEAR_CHOSEN, L, VERSION), "ss1_trend", *M.trend.sources)

# --- 2. Formula and contributions (on demand: below the first screen) --------------------------


def formula() -> None:
    F = M.formula
    if F is None:
        st.info(M.formula_missing, icon="ℹ️")
        return
    st.markdown(s("formula_intro"))
    st.latex(view.tex_lines(view.FORMULA_WORKED, *view.TERMS))
    konteks = query_choice(
        s("konteks"),
        list(F.contexts),
        "konteks",
        default=next(iter(F.contexts)),
        format_func=lambda k: F.contexts[k].label,
    )
    chosen = F.contexts[konteks]
    st.markdown(s("with_values"))
    st.latex(view.tex_lines(*chosen.terms, chosen.substituted))
    for col, m in zip(st.columns(3), (chosen.result, chosen.printed, chosen.capaian), strict=True):
        col.metric(m.label, m.value, help=m.help)
    if F.note:
        st.info(F.note, icon="ℹ️")
    with st.expander(s("var_table")):
        widgets.table(F.variables, "ss1_var_table")
    with st.container(border=True):
        st.markdown(f"**{s('h_literal')}**")
        st.latex(view.tex_lines(view.FORMULA_LITERAL, chosen.literal))
        st.markdown(chosen.literal_note)
        source_line("Tabel 3.1", "Bab 3.2.1")

    # --- 3. Contributions ----------------------------------------------------------------------
    st.subheader(s("h_contrib"))
    vega(SPECS[f"ss1_waterfall_{konteks}"], "ss1_waterfall", *chosen.waterfall.sources)
    widgets.table(chosen.contributions, "ss1_contrib_table")
    st.caption(s("contrib_note"))


with (part := section(s("h_formula"), "ss1_formula")):
    if part.open:
        formula()

# --- 4. Tabel 3.3 and 3.4 (on demand) ----------------------------------------------------------------

with (part := section(s("h_programs"), "ss1_programs")):
    if part.open:
        draw(M.programs, SPECS)

# --- 5. What-if (on demand) --------------------------------------------------------------------------

SETUP = M.what_if


def _reset_what_if() -> None:
    for i in SETUP.inputs:
        st.session_state[f"wi_{i.name}"] = i.value


@st.fragment
def what_if() -> None:
    st.caption(SETUP.intro)
    if st.session_state.get("wi_year") != SETUP.year:  # another year: start again from its report values
        st.session_state["wi_year"] = SETUP.year
        st.session_state.pop("wi_goal_target", None)  # back to the year's target
        _reset_what_if()
    cols = st.columns(3)
    values = {
        i.name: cols[n % 3].number_input(
            i.label, min_value=i.min_value, step=i.step, format="%d", key=f"wi_{i.name}", help=i.help
        )
        for n, i in enumerate(SETUP.inputs)
    }
    results = st.container()
    st.button(s("reset"), key="wi_reset", on_click=_reset_what_if, icon="↩️")
    st.markdown(f"**{s('h_goal')}**")
    g1, g2 = st.columns([2, 1])
    goal_name = g1.selectbox(
        s("goal_input"), list(prod.INPUT_NAMES), key="wi_goal_input", format_func=lambda n: s(f"in_{n}")
    )
    goal_target = g2.number_input(
        s("goal_target"), min_value=0.01, value=SETUP.goal_default, step=0.05, format="%.2f", key="wi_goal_target"
    )
    # not cached: every typed value would be a new entry, pushing the pages' charts out of the cache
    w = view.what_if(SETUP, values, goal_name, goal_target, L)
    with results:
        r1, r2, r3 = st.columns(3)
        r1.metric(w.p.label, w.p.value, delta=w.p.delta)
        r2.metric(w.capaian.label, w.capaian.value)
        r2.markdown(status_badge(w.status))
        if w.gap is not None:
            r3.metric(w.gap.label, w.gap.value)
    if w.goal_reached:
        st.success(w.goal_message, icon="🎯")
    else:
        st.warning(w.goal_message, icon="🚫")
    st.markdown(f"**{s('h_sens')}**")
    widgets.table(w.sensitivity, "ss1_sens_table")


if SETUP is not None:
    with (part := section(s("h_whatif"), "ss1_whatif")):
        if part.open:
            what_if()

# --- 6. Supporting tables (on demand; inside, only the open tab runs; both kept in the URL) ------

with (part := section(s("h_detail"), "ss1_detail")):
    if part.open:
        tabs = st.tabs(view.tab_labels(L), key="ss1_tab", bind="query-params")
        for (name, _, _), tab in zip(view.TABS, tabs, strict=True):
            with tab:
                if tab.open:
                    model, specs = _tab(name, YEAR_CHOSEN, L, VERSION)
                    draw(model.items, specs)
