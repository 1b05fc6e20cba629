"""Widgets every page uses: tiles, the source line, tables with downloads, URL-backed selectors."""

from __future__ import annotations

import io
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kpi.format import fmt_pct
from kpi.status import Status, status_of
from ui.i18n import lang, t
from views.common import escape_markdown
from views.table import Table
from views.theme import STATUS_ICON, STATUS_MARKDOWN_COLOR


def status_badge(status: Status) -> str:
    """Icon and words, so the status never depends on colour alone."""
    return f"{STATUS_ICON[status]} {t('status_' + status)}"


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


def source_line(*tables: str) -> None:
    """``Sumber: LKj Kemnaker 2024, Tabel 3.2`` under a chart or table."""
    st.caption(f"{t('source')}: {t('lkj')} — {', '.join(tables)}")


def to_excel_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """A frame as an .xlsx file, text that a spreadsheet would run as a formula neutralised."""
    from loaders.workbook import neutralise

    buf = io.BytesIO()
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype) == "string":
            safe[col] = safe[col].map(neutralise)
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        safe.to_excel(xw, index=False, sheet_name=sheet[:31])
        ws = xw.sheets[sheet[:31]]
        ws.freeze_panes = "A2"
        for i, col in enumerate(safe.columns, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(12, len(str(col)) + 2))
    return buf.getvalue()


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    from loaders.workbook import neutralise

    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype) == "string":
            safe[col] = safe[col].map(neutralise)
    return safe.to_csv(index=False).encode("utf-8-sig")


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


@st.cache_resource(show_spinner=False, max_entries=512)
def _built(name: str, _builder, *args, **kwargs):
    return _builder(*args, **kwargs)


def built(builder, *args, **kwargs):
    """``builder(*args, **kwargs)``, built once per distinct arguments and shared: callers must not mutate it.

    For pure builders: the ``ui.charts`` spec builders and the pages' display-table formatters. A
    chart or table is shared by every rerun and session that asks for the same view of the same
    data, so a rerun after a what-if change rebuilds only what it changed. Streamlit draws a copy
    (``st.vega_lite_chart`` copies the spec, ``st.dataframe`` serialises the frame), so sharing is safe.
    """
    code = getattr(builder, "__code__", None)
    where = f"{code.co_filename}:{code.co_firstlineno}" if code else ""  # pages all run as __main__
    return _built(f"{builder.__module__}.{builder.__qualname__}@{where}", builder, *args, **kwargs)


_PER_OBJECT: OrderedDict[tuple[str, int], tuple[Callable[[], object], object]] = OrderedDict()
_PER_OBJECT_LOCK = threading.Lock()
PER_OBJECT_KEPT = 1024


def per_object(kind: str, obj: object, make):
    """``make(obj)``, computed once per object: for specs and tables that :func:`built` returns.

    ``built`` hands every rerun the same object, so work derived from it (Arrow bytes of a chart's
    data, a table's column alignment) is kept per object, for the last ``PER_OBJECT_KEPT`` objects.
    An entry holds a weak reference to its object where the type allows (data frames, so a table
    that is gone is not kept alive), else the object itself (spec dicts, which are small): either
    way an id reused by a new object is not mistaken for the old one.
    """
    key = (kind, id(obj))
    with _PER_OBJECT_LOCK:
        hit = _PER_OBJECT.get(key)
        if hit is not None and hit[0]() is obj:
            _PER_OBJECT.move_to_end(key)
            return hit[1]
    value = make(obj)
    try:
        holder = weakref.ref(obj)
    except TypeError:  # dict, list: no weak references

        def holder(obj=obj):
            return obj

    with _PER_OBJECT_LOCK:
        _PER_OBJECT[key] = (holder, value)
        while len(_PER_OBJECT) > PER_OBJECT_KEPT:
            _PER_OBJECT.popitem(last=False)
    return value


def vega(spec: dict, key: str, *sources: str, **kwargs):
    """A Vega-Lite chart (a spec from a ``ui.charts`` builder) across the column, with its source line.

    Other keyword arguments go to ``st.vega_lite_chart`` (``on_select``, ``selection_mode``); the
    selection event is returned.
    """
    event = st.vega_lite_chart(spec, width="stretch", key=key, **kwargs)
    if sources:
        source_line(*sources)
    return event


NUMERIC_TEXT = r"(?:–$|\d|Rp|\+|-|−)"
"""Formatted text that is a number: ``1.234``, ``Rp 5,50 T``, ``+0,29``, ``–`` (start of the cell)."""


def _numeric_text_column(column: pd.Series) -> bool:
    """Every cell is text that reads as a number (see ``NUMERIC_TEXT``): the column is right-aligned."""
    if pd.api.types.infer_dtype(column, skipna=False) != "string":  # every cell a str (no None, no number)
        return False
    return bool(column.str.match(NUMERIC_TEXT).all())


def _numeric_text(frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` that hold numbers as formatted text (right-aligned by :func:`data_table`)."""
    return [c for c in frame.columns if len(frame) and _numeric_text_column(frame[c])]


def data_table(
    frame: pd.DataFrame,
    name: str,
    key: str,
    sources: tuple[str, ...],
    column_config: dict | None = None,
    height: int | str = "auto",
    download: pd.DataFrame | None = None,
    **dataframe_kwargs,
):
    """A table, its source line and its download buttons; returns the dataframe's selection event.

    ``frame`` is what is shown (often numbers formatted as Indonesian text, right-aligned here);
    ``download``, when given, is what the files hold (the raw numbers), so a spreadsheet gets
    numbers it can sum. Other keyword arguments go to ``st.dataframe`` (e.g. ``on_select``).
    """
    config = {
        c: st.column_config.TextColumn(c, alignment="right") for c in per_object("numeric_text", frame, _numeric_text)
    }
    config.update(column_config or {})
    event = st.dataframe(
        frame, hide_index=True, width="stretch", column_config=config, key=key, height=height, **dataframe_kwargs
    )
    source_line(*sources)
    downloads(frame if download is None else download, name, key)
    return event


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


def formatted_table(display: pd.DataFrame, raw: pd.DataFrame, name: str, key: str, sources: tuple[str, ...], **kwargs):
    """:func:`data_table` showing ``display`` (formatted text) and downloading ``raw`` (numbers)."""
    return data_table(display, name, key, sources, download=raw, **kwargs)


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


def year_select(years: list[int], key: str = "year") -> int:
    """The year selector, in the sidebar, defaulting to the newest year, kept in the URL."""
    if len(years) <= 1:
        return years[0] if years else 0
    return query_choice(t("year"), sorted(years, reverse=True), key, default=max(years), sidebar=True)


SEVERITY_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}


def page_findings(page: str, year: int) -> None:
    """A ⚠️ marker for the page: the Kualitas Data findings about figures this page shows, explained.

    Nothing is drawn when the report agrees with itself on everything the page shows.
    """
    from ui.data import check_report

    findings = [f for f in check_report(year) if f.page == page and f.severity in ("error", "warning")]
    if not findings:
        return
    with st.expander(f"⚠️ {t('findings_here').format(n=len(findings))}"):
        # one markdown block, not one element per finding: a year can have a hundred of them
        lines = []
        for f in findings:
            text = escape_markdown(f.message(lang()))
            lines.append(f"{SEVERITY_ICON[f.severity]} {text}")
        st.markdown("\n\n".join(lines))
        st.page_link("app_pages/kualitas.py", label=t("page_kualitas"), icon="🔎")
