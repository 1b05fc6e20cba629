"""Capaian Output (Lampiran 6): filters, status tiles, quadrant; in tabs the hierarchy drill-down, the
under-target list, provinces, the budget map (treemap), all outputs and data notes.

Layout only: ``views.output`` computes everything. The year's part (no filter changes it) is cached
per (year, language, data version), each filtered part per those and the filter values, so a
warm rerun only sends elements; only the open tab runs.
"""

from __future__ import annotations

import streamlit as st

from kpi.outputs import STATUSES
from ui import data
from ui.charts import output as charts
from ui.charts.vega import to_svg, with_arrow
from ui.i18n import chosen_year, lang, page_text, t
from ui.widgets import page_findings, query_choice, section, show_tile, source_line, static_chart, table, vega
from views import output as view
from views.common import status_label
from views.output import ALL, SOURCE

Filters = tuple[str, str, str, tuple[str, ...]]


@st.cache_resource(show_spinner=False, max_entries=8)
def _year(year: int, lang_: str, version: int) -> view.YearData:
    """What no filter changes (``version``, ui.data.data_version, is part of the key only)."""
    return view.year_data(data.frames(*view.DATASETS), year, lang_)


@st.cache_resource(show_spinner=False, max_entries=64)
def _scope(year: int, lang_: str, version: int, f: Filters) -> view.Scope:
    return view.scope(_year(year, lang_, version), lang_, *f[:3], f[3])


@st.cache_resource(show_spinner=False, max_entries=32)
def _quadrant_spec(year: int, lang_: str, version: int, f: Filters) -> dict:
    sc = _scope(year, lang_, version, f)
    return charts.quadrant_chart(sc.shown, lang_, sc.quadrant_title, cap=view.CAP)


@st.cache_resource(show_spinner=False, max_entries=32)
def _quadrant_svg(year: int, lang_: str, version: int, f: Filters) -> str:
    """The quadrant drawn on the server (the first screen's main chart: no Vega JavaScript for a new visitor)."""
    return to_svg(_quadrant_spec(year, lang_, version, f), width=860)  # the full-width main column


@st.cache_resource(show_spinner=False, max_entries=256)
def _drill(year: int, lang_: str, version: int, node: int | None) -> view.Drill:
    return view.drill(_year(year, lang_, version), lang_, node)


@st.cache_resource(show_spinner=False, max_entries=64)
def _under(year: int, lang_: str, version: int, f: Filters):
    return view.under(_scope(year, lang_, version, f), lang_)


@st.cache_resource(show_spinner=False, max_entries=64)
def _provinces(year: int, lang_: str, version: int, kegiatan: str) -> tuple[dict, object]:
    pv = view.provinces(_year(year, lang_, version), lang_, kegiatan)
    return with_arrow(charts.province_chart(pv.per, lang_, pv.title, satuan=pv.satuan)), pv.table


@st.cache_resource(show_spinner=False, max_entries=64)
def _map(year: int, lang_: str, version: int, f: Filters) -> view.BudgetMap:
    return view.budget_map(_year(year, lang_, version), _scope(year, lang_, version, f))


@st.cache_resource(show_spinner=False, max_entries=256)
def _treemap(year: int, lang_: str, version: int, f: Filters, node: str) -> dict:
    tiles = charts.treemap_tiles(_map(year, lang_, version, f).tree, node, lang_)
    return with_arrow(charts.treemap_chart(tiles, lang_))


@st.cache_resource(show_spinner=False, max_entries=64)
def _all(year: int, lang_: str, version: int, f: Filters):
    return view.all_outputs(_scope(year, lang_, version, f), lang_)


@st.cache_resource(show_spinner=False, max_entries=16)
def _notes(year: int, lang_: str, version: int):
    return view.notes(_year(year, lang_, version), lang_)


def open_at(param: str, target: object) -> None:
    """Open ``target`` through the URL parameter ``param`` (``?node=346``, ``?tm=WA``); ``None`` or ``""``: the top."""
    if target is None or target == "":
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = str(target)


def crumbs(key: str, param: str, home: str, items: tuple[view.Crumb, ...], current: object) -> None:
    """🏠 and one button per level above, the open level highlighted (labels are escaped Markdown)."""
    with st.container(horizontal=True, key=key):
        st.button(f"🏠 {home}", key=f"{key}_root", on_click=open_at, args=(param, None), type="tertiary" if items else "secondary")  # fmt: skip
        for c in items:
            st.button(
                "› " + c.label, key=f"{key}_{c.target}", on_click=open_at, args=(param, c.target), help=c.help,
                type="secondary" if c.target == current else "tertiary",
            )  # fmt: skip


def filters(d: view.YearData) -> Filters:
    """The unit, programme, kegiatan and statuses chosen: their widgets in a section, their values in the URL.

    A selectbox would cost a new visitor its code on the first screen, so the widgets sit in an
    on-demand section; the values live in the URL (``?unit=``, ``?program=``, ``?kegiatan=``,
    ``?status=``), so a closed section still filters the tiles and the quadrant, and a caption says so.
    """

    def unit_label(c: str) -> str:
        return s("all_units") if c == ALL else d.unit_names.get(c, c)

    def program_label(c: str) -> str:
        return s("all_programs") if c == ALL else f"{c} · {d.program_names.get(c, '')}"

    def kegiatan_label(c: str) -> str:
        return s("all_kegiatan") if c == ALL else f"{c} · {d.kegiatan_names.get(c, '')}"

    def from_url(key: str, options: tuple[str, ...]) -> str:  # as query_choice reads it
        value = st.query_params.get(key)
        return value if value in options else options[0]

    picked_status = [v for v in st.query_params.get("status", "").split(",") if v in STATUSES]
    with (part := section(s("filters"), "output_filters")):
        if part.open:
            f1, f2, f3 = st.columns([1, 1, 2])
            with f1:
                unit = query_choice(s("unit"), list(d.unit_opts), "unit", format_func=unit_label)
            with f2:
                program = query_choice(s("program"), list(d.prog_opts), "program", format_func=program_label)
            with f3:
                kegiatan = query_choice(
                    s("kegiatan"), list(view.kegiatan_options(d, unit, program)), "kegiatan", format_func=kegiatan_label
                )
            # Pills instead of ui.widgets.query_multi: four fixed choices, no English placeholder.
            statuses = st.pills(
                s("status"), list(STATUSES), selection_mode="multi", default=picked_status, key="qp_status",
                format_func=lambda v: status_label(v, L),
            )  # fmt: skip
            if statuses:
                st.query_params["status"] = ",".join(statuses)
            else:
                st.query_params.pop("status", None)
    if not part.open:
        unit, program = from_url("unit", d.unit_opts), from_url("program", d.prog_opts)
        kegiatan = from_url("kegiatan", view.kegiatan_options(d, unit, program))
        statuses = picked_status
        active = [
            f"{label}: {name(value)}"
            for label, value, name in (
                (s("unit"), unit, unit_label), (s("program"), program, program_label), (s("kegiatan"), kegiatan, kegiatan_label),
            )
            if value != ALL
        ] + ([f"{s('status')}: {', '.join(status_label(v, L) for v in statuses)}"] if statuses else [])  # fmt: skip
        if active:
            st.caption(s("filters_active", f=" · ".join(active)))
    return (unit, program, kegiatan, tuple(v for v in STATUSES if v in statuses))


# --- data, filters and tiles ---------------------------------------------------------------------

L, year, V = lang(), chosen_year(), data.data_version()
s = page_text("output")
st.title(t("page_output"))
page_findings("output", year)
d = _year(year, L, V)
if d.empty:
    st.info(t("no_data"))
    st.stop()
st.caption(d.intro)

F = filters(d)
sc = _scope(year, L, V, F)
for col, k in zip(st.columns(4), sc.tiles, strict=True):
    with col:
        show_tile(k)
st.caption(sc.summary)
if sc.shown.empty:
    st.info(t("no_data"))

# --- quadrant ------------------------------------------------------------------------------------

st.subheader(s("quadrant_h"))
if not sc.shown.empty:
    static_chart(_quadrant_svg(year, L, V, F), "quadrant_chart")
    st.caption(sc.quadrant_note)
    source_line(SOURCE)
    for qc, (label, value) in zip(st.columns(4), sc.quadrants, strict=True):
        qc.metric(label, value, border=True)
    # the dots name their outputs only in tooltips: the live chart, one click away
    with (part := section(s("quadrant_live"), "output_quadrant")):
        if part.open:
            vega(with_arrow(_quadrant_spec(year, L, V, F)), "quadrant_live", SOURCE)

# --- details, one tab at a time ------------------------------------------------------------------

if (
    ("tm" in st.query_params or "node" in st.query_params)
    and "output_details" not in st.query_params
    and "output_details" not in st.session_state
):
    st.session_state["output_details"] = True  # a link to a map level or a hierarchy row opens the details
with (part := section(s("details_h"), "output_details")):
    if part.open:
        TABS = ("tab_drill", "tab_under", "tab_prov", "tab_tree", "tab_all", "tab_notes")
        if "tm" in st.query_params and "output_tab" not in st.query_params and "output_tab" not in st.session_state:
            st.session_state["output_tab"] = s("tab_tree")  # a link to a budget-map level opens the map
        tab = dict(zip(TABS, st.tabs([s(k) for k in TABS], key="output_tab", bind="query-params"), strict=True))

        with tab["tab_drill"]:
            if tab["tab_drill"].open:  # only the open tab runs (tabs bound to the URL)
                st.caption(s("drill_help"))
                raw_node = st.query_params.get("node", "")
                node = int(raw_node) if raw_node.isdigit() and int(raw_node) in d.by_urutan.index else None
                dv = _drill(year, L, V, node)
                crumbs("crumb", "node", s("root"), dv.crumbs, node)
                if dv.head is not None:
                    st.markdown(dv.head.text)
                    for mc, (label, value, help_) in zip(st.columns(4), dv.head.metrics, strict=False):
                        mc.metric(label, value, help=help_)
                    if dv.head.note:
                        st.warning(dv.head.note)
                if not len(dv.table):
                    st.info(s("leaf"))
                else:
                    event = table(
                        dv.table, f"drill_tbl_{node or 0}", on_select="rerun", selection_mode="single-row",
                        column_config={
                            s("c_name"): st.column_config.TextColumn(width="medium"),
                            s("c_note"): st.column_config.TextColumn(width="large"),
                        },
                    )  # fmt: skip
                    picked = event.selection.rows if event is not None and hasattr(event, "selection") else []
                    if picked and dv.n_sub[picked[0]] > 0:
                        open_at("node", dv.urutan[picked[0]])
                        st.rerun()
                    if dv.open_labels:
                        choice = st.selectbox(
                            s("open"), list(dv.open_labels), index=None, placeholder=s("open_ph"),
                            key=f"drill_pick_{node or 0}", format_func=dv.open_labels.get,
                        )  # fmt: skip
                        if choice is not None:
                            open_at("node", int(choice))
                            st.rerun()

        with tab["tab_under"]:
            if tab["tab_under"].open:
                st.caption(s("under_h"))
                under = _under(year, L, V, F)
                if not len(under):
                    st.success(s("under_none"))
                else:
                    table(under, "under_tbl", column_config={s("c_output"): st.column_config.TextColumn(width="large")})

        with tab["tab_prov"]:
            if tab["tab_prov"].open:
                if d.prov_all.empty:
                    st.info(t("no_data"))
                else:
                    prov_keg = query_choice(
                        s("prov_pick"), list(view.province_kegiatan(d)), "prov_keg",
                        format_func=lambda c: f"{c} · {d.kegiatan_names.get(c, '')}",
                    )  # fmt: skip
                    spec, prov_table = _provinces(year, L, V, prov_keg)
                    vega(spec, "province_chart", SOURCE)
                    table(prov_table, "prov_tbl")

        with tab["tab_tree"]:
            if tab["tab_tree"].open:
                st.caption(s("tree_h"))
                if sc.shown.empty:
                    st.info(t("no_data"))
                else:
                    bm = _map(year, L, V, F)
                    tm, path = view.map_path(bm, st.query_params.get("tm", ""))
                    crumbs("tm_crumb", "tm", s("tree_top"), path, tm)
                    event = vega(_treemap(year, L, V, F, tm), f"treemap_{tm or 'top'}", on_select="rerun", selection_mode="tm_pick")  # fmt: skip
                    st.caption(s("tree_note"))
                    source_line(SOURCE)
                    chosen = event.selection.get("tm_pick") if event is not None else None
                    target = next((p.get("drill") for p in chosen or [] if isinstance(p, dict) and p.get("drill")), "")
                    if target and target != tm and target in bm.openable:
                        open_at("tm", target)
                        st.rerun()

        with tab["tab_all"]:
            if tab["tab_all"].open:
                st.caption(sc.list_title)
                table(_all(year, L, V, F), "all_tbl")

        with tab["tab_notes"]:
            if tab["tab_notes"].open:
                st.caption(s("notes_h"))
                notes = _notes(year, L, V)
                if not len(notes):
                    st.write(s("notes_none"))
                else:
                    table(notes, "notes_tbl")
