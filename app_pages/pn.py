"""Prioritas Nasional: pagu and realisasi of the PN tree (Tabel 2.4, Lampiran 5), per output and per PN.

Layout only: the figures, texts and tables come from ``views.pn``, cached here per (year,
language, data version) and, for the treemap and the table, per level and filter. The first screen is
the tiles and the treemap; the level picker, the table of outputs, the bars per PN and the Tabel 2.4 /
Lampiran 5 comparison sit in sections that run only while open.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui import data
from ui.charts.pn import pn_budget_bars, pn_treemap
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text, t
from ui.widgets import (
    page_findings,
    query_choice,
    section,
    show_tile,
    source_line,
    static_chart,
    status_badge,
    table,
    vega,
)
from views import pn as view
from views.pn import ALL, ROOT, SOURCES

NODE = "pn_node"  # the level the treemap shows (session state; kept in the URL as ?node=)
LEVEL_KEY = "qp_node"  # the selectbox that chooses it by name, in its on-demand section


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, lang_: str, version: int) -> view.Page:
    """The page's model (``version``, ui.data.data_version, is part of the key only: a new load, a new model)."""
    return view.page(data.frames(*view.DATASETS), year, lang_)


@st.cache_resource(show_spinner=False, max_entries=256)
def _treemap_spec(year: int, lang_: str, version: int, node: str) -> dict:
    """The treemap spec of ``node``'s children (plain: the picture and the live chart are made from it)."""
    tm = view.treemap(_model(year, lang_, version), node, lang_)
    return pn_treemap(tm.nodes, lang_, tm.title, tm.subtitle, tm.labels, tm.colour_domain)


@st.cache_resource(show_spinner=False, max_entries=256)
def _treemap(year: int, lang_: str, version: int, node: str) -> dict:
    return with_arrow(_treemap_spec(year, lang_, version, node))


@st.cache_resource(show_spinner=False, max_entries=256)
def _treemap_svg(year: int, lang_: str, version: int, node: str) -> str:
    """The treemap drawn on the server: the first screen's picture (no Vega JavaScript for a new visitor)."""
    return to_svg(_treemap_spec(year, lang_, version, node), width=940)  # the full-width main column


@st.cache_resource(show_spinner=False, max_entries=32)
def _bars(year: int, lang_: str, version: int) -> dict:
    m = _model(year, lang_, version)
    b = m.bar_texts
    return with_arrow(pn_budget_bars(m.bars, lang_, b["title"], b["pagu"], b["realisasi"], b["axis"], b["absorption"]))


@st.cache_resource(show_spinner=False, max_entries=256)
def _outputs(year: int, lang_: str, version: int, filters: tuple[str, str, str, str]) -> view.Outputs:
    return view.outputs_table(_model(year, lang_, version), lang_, *filters)


def _go(node: str) -> None:
    """Show ``node``'s children (a callback: the treemap, the level selectbox and the URL follow it)."""
    st.session_state[NODE] = node


def _chosen() -> None:
    """The level selectbox changed: show the level chosen."""
    _go(st.session_state[LEVEL_KEY])


def _open_clicked(key: str, branches: frozenset[str]) -> None:
    """A click on a box of the treemap opens it, when it has boxes inside."""
    event = st.session_state.get(key)
    selection = getattr(event, "selection", None) or {}
    picked = [*(selection.get("node") or []), *(selection.get("node_label") or [])]
    for point in picked:
        if isinstance(point, dict) and point.get("id") in branches:
            _go(point["id"])
            return


L = lang()
year = chosen_year()
version = data.data_version()
s = page_text("pn")
model = _model(year, L, version)

st.title(model.title)
page_findings("pn", year)
if model.empty:
    st.info(t("no_data"))
    st.stop()
st.caption(model.intro)

# --- First screen: the tiles and the treemap, one level at a time ------------------------------
# A new visitor's browser draws (and fetches the code for) only this; the rest of the page sits in
# sections that run only while open (ui.widgets.section, issue 15).

for col, k in zip(st.columns([1.25, 1.25, 1.1, 0.8, 0.9]), model.tiles, strict=True):
    with col:
        show_tile(k)
source_line(*SOURCES)

branches = model.branches
if st.session_state.get(NODE) not in branches:  # a new session (or year): the level from the URL
    st.session_state[NODE] = st.query_params.get("node") if st.query_params.get("node") in branches else ROOT
node = st.session_state[NODE]
st.query_params["node"] = node
parent = None if node == ROOT else model.parent_of[node]
st.button(s("up"), key="pn_up", on_click=_go, args=(parent,), disabled=parent is None)
# The level as a picture; the clickable map (a click opens a box) in a section, in the picture's place
# while it is open.
live = bool(st.session_state.get("pn_map")) or st.query_params.get("pn_map") == "true"
if not live:
    static_chart(_treemap_svg(year, L, version, node), "pn_picture", *SOURCES)
with (part := section(s("map_live"), "pn_map")):
    if part.open:
        tm_key = f"pn_treemap_{node}"  # a fresh chart (no stale selection) on every level
        vega(
            _treemap(year, L, version, node),
            tm_key,
            on_select=partial(_open_clicked, tm_key, frozenset(branches)),
            selection_mode=["node", "node_label"],
        )
        st.caption(model.treemap_hint)
        source_line(*SOURCES)

# --- The level by name (on demand: a selectbox of every level) --------------------------------

with (part := section(s("h_level"), "pn_level")):
    if part.open:
        # Not query_choice: clicks and the ⬆ button change the level from callbacks; the box follows them.
        st.session_state[LEVEL_KEY] = node
        st.selectbox(s("f_node"), branches, key=LEVEL_KEY, format_func=model.node_titles.__getitem__, on_change=_chosen)

# --- Filterable table of outputs (on demand; the filters are kept in the URL) ------------------

names = model.names


def _pick(label: str, codes: list[str], key: str, level: str, all_text: str, prefix: str = "") -> str:
    """One code (or all) from a selectbox kept in the URL: ``?pn=03``."""
    return query_choice(
        label,
        [ALL, *codes],
        key,
        default=ALL,
        format_func=lambda c: all_text if c == ALL else f"{prefix}{c} · {names[level].get(c, '')}",
    )


def outputs_table() -> None:
    f1, f2, f3, f4 = st.columns([1.2, 1, 1.4, 1])
    with f1:
        chosen_pn = _pick(s("f_pn"), list(names["pn"]), "pn", "pn", s("all_pn"), prefix="PN ")
    with f2:
        programs = view.program_options(model, chosen_pn)
        chosen_prog = _pick(s("f_program"), programs, "program", "program", s("all_program"))
    with f3:
        offered = view.kegiatan_options(model, chosen_pn, chosen_prog)
        chosen_keg = _pick(s("f_kegiatan"), offered, "kegiatan", "kegiatan", s("all_kegiatan"))
    with f4:
        chosen_status = query_choice(
            s("f_status"),
            [ALL, *model.statuses],
            "status",
            default=ALL,
            format_func=lambda c: s("all_status") if c == ALL else status_badge(c),
        )

    outputs = _outputs(year, L, version, (chosen_pn, chosen_prog, chosen_keg, chosen_status))
    st.caption(outputs.shown)
    if not len(outputs.table):
        st.info(t("no_data"))
    table(
        outputs.table,
        "pn_table",
        height="auto" if len(outputs.table) <= 10 else 420,
        column_config={
            s("col_kode"): st.column_config.TextColumn(pinned=True),
            s("col_output"): st.column_config.TextColumn(width="medium", pinned=True),
        },
    )


with (part := section(s("table_head"), "pn_outputs")):
    if part.open:
        outputs_table()

# --- Per PN, and Tabel 2.4 against Lampiran 5 (on demand) ---------------------------------------

with (part := section(s("bars_title"), "pn_bars")):
    if part.open:
        vega(_bars(year, L, version), "pn_bars", "Lampiran 5")


def compare() -> None:
    cmp = model.compare
    if cmp.same:
        st.success(cmp.same, icon="✅")
    if cmp.differ is not None:
        st.warning(cmp.differ_head, icon="⚠️")
        table(cmp.differ, "pn_pagu_diff", height="auto" if len(cmp.differ) <= 10 else 360)
    if cmp.total_diff:
        st.warning(cmp.total_diff)
    if cmp.names_md:
        st.markdown(cmp.names_head)
        st.markdown(cmp.names_md)
    source_line(*reversed(SOURCES))


with (part := section(s("compare_head"), "pn_compare")):
    if part.open:
        compare()
