"""Widgets every page uses: tiles, the source line, tables with downloads, URL-backed selectors."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from kpi.format import fmt_pct
from kpi.status import Status, status_of
from ui.i18n import lang, t
from views.common import Tile, escape_markdown, status_label
from views.table import Table
from views.theme import STATUS_MARKDOWN_COLOR


def status_badge(status: Status) -> str:
    """Icon and words, so the status never depends on colour alone."""
    return status_label(status, lang())


def status_markdown(status: Status) -> str:
    """The status badge in its colour and bold, as Streamlit markdown (``:green[**✅ Tercapai**]``).

    Markdown colours rather than an HTML ``<span>``: the browser then needs no HTML parser for it
    (``unsafe_allow_html`` markdown is the slowest element to draw).
    """
    return f":{STATUS_MARKDOWN_COLOR[status]}[**{status_badge(status)}**]"


def tile(
    label: str,
    value: str,
    capaian: float | None = None,
    delta: str | None = None,
    help: str | None = None,
    delta_color: str = "normal",
    key: str | None = None,
) -> None:
    """A bordered metric with the status of its capaian written under it."""
    with st.container(border=True, key=key):
        st.metric(label, value, delta=delta, help=help, delta_color=delta_color)
        if capaian is not None:
            st.markdown(f"{status_markdown(status_of(capaian))} · {t('capaian')} {fmt_pct(capaian, 2, lang())}")


def show_tile(model: Tile, key: str | None = None) -> None:
    """Draw a ``views.common.Tile``."""
    tile(model.label, model.value, model.capaian, model.delta, model.help, model.delta_color, key or model.key)


def section(title: str, key: str, expanded: bool = False):
    """A part of the page below the first screen, loaded on demand: its content runs only while it is open.

    An expander that reruns the page when opened or closed, its state kept in the URL (``?key=true``)
    so a copied link reopens it. A new visitor's browser then draws (and fetches the code for) only
    the first screen: the headline tiles and the main chart (issue 15, BENCHMARKS.md). Use::

        with (part := section(s("h_formula"), "ss1_formula")):
            if part.open:
                ...
    """
    return st.expander(title, expanded=expanded, key=key, on_change="rerun", bind="query-params")


def source_line(*tables: str) -> None:
    """``Sumber: LKj Kemnaker 2024, Tabel 3.2`` under a chart or table."""
    st.caption(f"{t('source')}: {t('lkj')} — {', '.join(tables)}")


def to_excel_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """A frame as an .xlsx file, every text value through ``loaders.workbook.neutralise`` (formulas, control characters)."""
    from loaders.workbook import neutralise_frame

    buf = io.BytesIO()
    safe = neutralise_frame(frame)
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        safe.to_excel(xw, index=False, sheet_name=sheet[:31])
        ws = xw.sheets[sheet[:31]]
        ws.freeze_panes = "A2"
        for i, col in enumerate(safe.columns, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(12, len(str(col)) + 2))
    return buf.getvalue()


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as UTF-8 CSV (with BOM, for Excel), every text value through ``loaders.workbook.neutralise``."""
    from loaders.workbook import neutralise_frame

    # CRLF rows, as Excel writes them: a field holding a lone CR or LF is then quoted, so a line break in a
    # value never starts a new row (whose first cell a spreadsheet might run as a formula)
    return neutralise_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    """CSV and Excel download buttons for a table, side by side however narrow the column.

    The files are built only when clicked, so a rerun does not pay for every table's workbook.
    """
    with st.container(horizontal=True, key=f"{key}_dl"):
        st.download_button(t("download_csv"), lambda: to_csv_bytes(frame), f"{name}.csv", "text/csv", key=f"{key}_csv")
        st.download_button(
            t("download_xlsx"),
            lambda: to_excel_bytes(frame, name),
            f"{name}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}_xlsx",
        )


def vega(spec: dict, key: str, *sources: str, **kwargs):
    """A Vega-Lite chart (a spec from a ``ui.charts`` builder) across the column, with its source line.

    Other keyword arguments go to ``st.vega_lite_chart`` (``on_select``, ``selection_mode``); the
    selection event is returned.
    """
    event = st.vega_lite_chart(spec, width="stretch", key=key, **kwargs)
    if sources:
        source_line(*sources)
    return event


def static_chart(svg: str, key: str, *sources: str) -> None:
    """A chart drawn on the server (``ui.charts.vega.to_svg``) as a picture across the column, with its source line.

    For the first screen's main chart: a new visitor's browser draws it without loading Vega.
    """
    with st.container(key=key):
        st.image(svg, width="stretch")
    if sources:
        source_line(*sources)


def table(model: Table, key: str, height: int | str = "auto", column_config: dict | None = None, **dataframe_kwargs):
    """Draw a ``views.table.Table``: its display frame (numbers right-aligned), source line and downloads."""
    config = {c: st.column_config.TextColumn(c, alignment="right") for c in model.right}
    config.update(column_config or {})
    event = st.dataframe(
        model.display,
        hide_index=True,
        width="stretch",
        column_config=config,
        key=key,
        height=height,
        **dataframe_kwargs,
    )
    if model.sources:
        source_line(*model.sources)
    downloads(model.raw, model.name, key)
    return event


def query_choice(label: str, options: list, key: str, default=None, format_func=str, sidebar: bool = False):
    """A selectbox whose value lives in the URL (``?key=value``), so a copied link reopens the view."""
    as_text = [str(o) for o in options]
    current = st.query_params.get(key)
    index = (
        as_text.index(current)
        if current in as_text
        else (as_text.index(str(default)) if default is not None and str(default) in as_text else 0)
    )
    where = st.sidebar if sidebar else st
    choice = where.selectbox(label, options, index=index, key=f"qp_{key}", format_func=format_func)
    st.query_params[key] = str(choice)
    return choice


def query_multi(label: str, options: list[str], key: str, format_func=str) -> list[str]:
    """A multiselect whose values live in the URL as a comma-separated list."""
    raw = st.query_params.get(key, "")
    current = [v for v in raw.split(",") if v in options] if raw else []
    chosen = st.multiselect(
        label, options, default=current, key=f"qp_{key}", format_func=format_func, placeholder=t("choose")
    )
    if chosen:
        st.query_params[key] = ",".join(chosen)
    elif key in st.query_params:
        del st.query_params[key]
    return chosen


SEVERITY_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}


def page_findings(page: str, year: int) -> None:
    """A ⚠️ marker for the page: the Kualitas Data findings about figures this page shows, explained.

    Nothing is drawn when the report agrees with itself on everything the page shows.
    """
    from ui.data import check_report

    findings = [f for f in check_report(year) if f.page == page and f.severity in ("error", "warning")]
    if not findings:
        return
    with (part := section(f"⚠️ {t('findings_here').format(n=len(findings))}", f"{page}_findings")):
        if not part.open:
            return
        # one markdown block, not one element per finding: a year can have a hundred of them
        lines = []
        for f in findings:
            text = escape_markdown(f.message(lang()))
            lines.append(f"{SEVERITY_ICON[f.severity]} {text}")
        st.markdown("\n\n".join(lines))
        # straight to the list of findings (its section open), not the page's first screen
        st.page_link(
            "app_pages/kualitas.py", label=t("page_kualitas"), icon="🔎", query_params={"kualitas_findings": "true"}
        )
