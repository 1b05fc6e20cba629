"""Pemantauan Triwulan: progress, projection and early warning of a year's quarter; follow-up notes.

Layout only: the model of the chosen year and quarter comes from ``views.pemantauan`` (computed by
``kpi.progress``), the charts from ``ui.charts.pemantauan``, the quarterly template from
``loaders.triwulan`` and the notes from ``loaders.notes``. Text from files and users (indicator
names, notes) goes into tables, the metric labels and plain captions, never into Markdown.

A new visitor's first screen holds the quarter buttons, the IKSS tiles and the projection chart; the
early-warning list, budget, drill-down, notes, template and method are sections opened on demand
(``ui.widgets.section``, open state in the URL) so their tables and widgets load only then (issue 15).
"""

from __future__ import annotations

import streamlit as st

import views.pemantauan as view
from loaders import auth
from loaders import notes as note_store
from loaders.triwulan import ROMAN, template_bytes
from ui import data
from ui.charts.pemantauan import budget_pace, projection
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text
from ui.widgets import query_choice, section, static_chart, table, vega
from views.common import escape_markdown

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_resource(show_spinner=False, max_entries=32)
def _model(year: int, quarter: int | None, lang: str, version: int, stamp: int) -> view.Page:
    """The view of ``year``'s ``quarter`` in ``lang``, once per data version and newest note (shared read-only)."""
    notes = note_store.read_notes(data.engine(), year)
    return view.page(data.frames(*view.NEEDED), notes, year, quarter, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def _budget_chart(year: int, quarter: int | None, lang: str, version: int, stamp: int, level: str) -> dict:
    s = page_text("pemantauan")
    rows = _model(year, quarter, lang, version, stamp).budget[level].chart_rows
    series = (s("series_real"), s("series_pace"), s("series_proj"))
    return with_arrow(budget_pace(rows, lang, s("budget_chart"), s("budget_axis"), series, s("quarter")))


@st.cache_resource(show_spinner=False, max_entries=32)
def _projection_spec(year: int, quarter: int | None, lang: str, version: int, stamp: int) -> dict:
    s = page_text("pemantauan")
    rows = _model(year, quarter, lang, version, stamp).projection_rows
    labels = {"progress": s("proj_progress"), "projected": s("proj_point"), "range": s("proj_range")}
    names = {st_: view.status_text(s, st_) for st_ in view.THEME}
    return projection(rows, lang, s("proj_chart"), s("proj_axis"), labels, names)


@st.cache_resource(show_spinner=False, max_entries=32)
def _projection_svg(year: int, quarter: int | None, lang: str, version: int, stamp: int) -> str:
    """The projection chart drawn on the server (the first screen's main chart: no Vega JavaScript for a new visitor)."""
    return to_svg(_projection_spec(year, quarter, lang, version, stamp), width=860)  # the full-width main column


def _template_button(year: int, quarter: int, key: str) -> None:
    st.download_button(
        s("template_button", q=view.quarter_label(quarter, lang()), y=year),
        lambda: template_bytes(data.frames(*view.NEEDED), year, quarter),
        f"triwulan-{year}-T{quarter}.xlsx",
        XLSX,
        key=key,
        help=s("template_help"),
        type="primary",
    )


def _quarter(quarters: list[int]) -> int:
    """The quarter shown: from the URL (``?triwulan=2``), else the latest; a segmented control when there is a choice.

    A few options, so buttons rather than a selectbox (whose combo-box code a new visitor would fetch).
    """
    current = st.query_params.get("triwulan")
    chosen = int(current) if current in [str(q) for q in quarters] else max(quarters)
    if len(quarters) > 1:
        chosen = st.segmented_control(
            s("quarter"),
            quarters,
            default=chosen,
            required=True,
            key="qp_triwulan",
            format_func=lambda q: f"T{q} · {ROMAN[q]}",
        )
    st.query_params["triwulan"] = str(chosen)
    return chosen


def _notes_form(m: view.Page) -> None:
    engine = data.engine()
    actor = auth.session_actor(st.session_state, engine)
    if actor is None:
        st.caption(s("note_login"))
        st.page_link("app_pages/kelola.py", label=s("open_login"), icon="🔑")
        return
    if not actor.can("perencana"):
        st.caption(s("note_viewer"))
        return
    labels = dict(m.note_options)
    with st.form("tw_note_form", clear_on_submit=True):
        target = st.selectbox(s("note_target"), list(labels), format_func=labels.get, key="tw_note_target")
        text = st.text_area(s("note_text"), max_chars=note_store.MAX_NOTE, key="tw_note_text")
        saved = st.form_submit_button(s("note_save"), type="primary")
    if saved:
        level, _, code = target.partition("|")
        try:
            note_store.add_note(engine, actor, m.year, int(m.quarter), level, code, text)
        except (note_store.NoteError, auth.PermissionDenied) as exc:
            st.error(escape_markdown(exc), icon="⛔")
            return
        st.session_state["tw_flash"] = s("note_saved")
        st.rerun()


L, year, version = lang(), chosen_year(), data.data_version()
s = page_text("pemantauan")
stamp = note_store.notes_stamp(data.engine())
quarters = view.quarter_options(data.frames("triwulan_indikator", "triwulan_anggaran"), year)

st.title(s("title", y=year))
st.caption(s("intro"))

if not quarters:
    # --- Empty state: how a quarter gets here ------------------------------------------------
    empty = _model(year, None, L, version, stamp).empty
    st.info(f"**{empty.title}**", icon="📭")
    st.markdown(empty.steps)
    c1, c2 = st.columns([2, 1])
    with c1:
        _template_button(year, 1, "tw_template_empty")
    with c2:
        st.page_link("app_pages/kelola.py", label=s("open_kelola"), icon="🗂️")
    st.caption(empty.demo)
    st.stop()

quarter = _quarter(quarters)
m = _model(year, quarter, L, version, stamp)
if m.demo:
    st.warning(m.demo, icon="🧪")
st.caption(m.shown)

# --- IKSS tiles -----------------------------------------------------------------------------

st.subheader(s("ikss_head"))
for col, tile in zip(st.columns(max(len(m.tiles), 1)), m.tiles, strict=False):
    with col, st.container(border=True, key=tile.key):
        st.metric(escape_markdown(tile.label), tile.value, help=tile.help)
        st.markdown(f":{tile.color}[**{tile.status_text}**]")
        st.caption(tile.projection)
st.caption(m.counts)
with (part := section(s("how_head"), "pemantauan_how")):
    if part.open:
        st.markdown(m.thresholds)

# --- Early warning: the projection chart on the first screen, its list on demand -------------

st.subheader(s("warn_head"))
if m.projection_rows is not None and len(m.projection_rows):
    static_chart(_projection_svg(year, quarter, L, version, stamp), "tw_projection", s("source_triwulan"), "Lampiran 6")
    # each indicator's figures are in the tooltips: the live chart, one click away
    with (part := section(s("proj_live"), "pemantauan_projection")):
        if part.open:
            vega(with_arrow(_projection_spec(year, quarter, L, version, stamp)), "tw_projection_live")
if len(m.warning):
    # a label that stays the same from quarter to quarter: the expander's identity (and open state) hangs on it
    with (part := section(s("warn_list"), "pemantauan_warning")):
        if part.open:
            st.caption(s("warn_caption"))
            table(
                m.warning,
                "tw_warning",
                height=420,
                column_config={s("col_name"): st.column_config.TextColumn(width="large")},
            )
else:
    st.success(s("warn_none"), icon="✅")

# --- Budget against the pace curve (on demand) -----------------------------------------------


def budget() -> None:
    with st.columns([1, 3])[0]:
        level = query_choice(
            s("budget_level"), ["program", "unit"], "anggaran", default="program", format_func=lambda v: s("level_" + v)
        )
    shown = m.budget[level]
    if len(shown.chart_rows):
        vega(
            _budget_chart(year, quarter, L, version, stamp, level),
            "tw_budget_chart",
            s("source_triwulan"),
            "Tabel 3.20" if level == "program" else "Tabel 3.21",
        )
    st.caption(shown.caption)
    table(shown.table, f"tw_budget_{level}")


with (part := section(s("budget_head"), "pemantauan_budget")):
    if part.open:
        budget()

# --- Drill-down: IKP and IKK of a program and unit (on demand) --------------------------------

if m.drill_options:
    with (part := section(s("drill_head"), "pemantauan_drill")):
        if part.open:
            options = dict(m.drill_options)
            key = query_choice(s("drill_pick"), list(options), "unit", format_func=options.get)
            shown = view.drill(m, key, L)
            st.caption(shown.caption)
            table(
                shown.table,
                "tw_drill",
                column_config={s("col_indicator"): st.column_config.TextColumn(width="large")},
            )

# --- Follow-up notes (on demand) ----------------------------------------------------------------

with (part := section(s("notes_head"), "pemantauan_notes")):
    if part.open:
        flash = st.session_state.pop("tw_flash", None)
        if flash:
            st.success(flash, icon="✅")
        st.caption(s("notes_caption"))
        _notes_form(m)
        if len(m.notes):
            table(m.notes, "tw_notes", column_config={s("col_note"): st.column_config.TextColumn(width="large")})
        else:
            st.caption(s("notes_none", y=year))

# --- The template of a quarter (on demand) ---------------------------------------------------

with (part := section(s("template_for"), "pemantauan_template")):
    if part.open:
        nxt = min(max(quarters) + 1, 4)
        pick = st.selectbox(
            s("quarter"), [1, 2, 3, 4], index=nxt - 1, key="tw_template_quarter", format_func=lambda q: f"T{q}"
        )
        _template_button(year, int(pick), "tw_template")
        st.page_link("app_pages/kelola.py", label=s("open_kelola"), icon="🗂️")
