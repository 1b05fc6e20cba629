"""House style for Vega-Lite charts (built with Altair): number locale, palette, titles, sizes.

The pages draw Vega-Lite rather than plotly because the browser loads far less code for it: on
this project's benchmark machine one plotly chart adds about 1,2 s to a fresh page load (the
plotly.js bundle is evaluated in every new tab), five Vega-Lite charts about 0,1 s (BENCHMARKS.md,
section 4). Builders return the finished spec as a plain ``dict`` (Altair validates it once, when
it is built); :func:`ui.widgets.vega` draws it, and ``ui.widgets.built`` keeps it between reruns.

Numbers on axes, labels and tooltips use the page language's separators through Vega's own
``config.locale`` (d3-format): ``format=",.2f"`` shows ``1.234,50`` in Indonesian and
``1,234.50`` in English. Text that ``kpi.format`` has already formatted (``Rp 5,50 T``) is passed
as a string field instead.
"""

from __future__ import annotations

import altair as alt

from views.theme import PRIMARY, SERIES, STATUS_COLOR

LOCALE: dict[str, dict] = {
    "id": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp ", ""]}},
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp ", ""]}},
}
"""d3-format locales: Indonesian ``1.234.567,89`` and English ``1,234,567.89``; Rupiah either way."""

FONT_SIZE = 13
TITLE_SIZE = 15

__all__ = ["LOCALE", "PRIMARY", "SERIES", "STATUS_COLOR", "finish", "title"]


def title(text: str | None, subtitle: str | None = None) -> alt.TitleParams | str:
    """A left-aligned chart title (and optional subtitle) in the house size."""
    return alt.TitleParams(
        text or "",
        subtitle=subtitle or alt.Undefined,
        anchor="start",
        fontSize=TITLE_SIZE,
        subtitleFontSize=FONT_SIZE - 1,
        offset=8,
    )


def finish(
    chart: alt.TopLevelMixin,
    lang: str,
    title_text: str | None = None,
    height: int = 320,
    subtitle: str | None = None,
    legend_bottom: bool = True,
) -> dict:
    """The chart in house style, as a Vega-Lite spec ``dict`` ready for :func:`ui.widgets.vega`.

    ``height`` is the whole chart's height in pixels, title, axes and legend included (Streamlit
    fits a chart to its column with Vega's ``autosize: fit``); the width follows the page column.
    """
    if title_text or subtitle:
        chart = chart.properties(title=title(title_text, subtitle))
    chart = chart.properties(height=height).configure(
        locale=LOCALE.get(lang, LOCALE["id"]),
        font="Source Sans Pro, sans-serif",
        range={"category": SERIES},
    )
    chart = chart.configure_axis(labelFontSize=FONT_SIZE - 1, titleFontSize=FONT_SIZE, labelLimit=260)
    chart = chart.configure_legend(
        orient="bottom" if legend_bottom else "right",
        labelFontSize=FONT_SIZE - 1,
        titleFontSize=FONT_SIZE - 1,
        labelLimit=320,
        symbolType="square",
    )
    chart = chart.configure_view(stroke=None).configure_text(fontSize=FONT_SIZE - 1)
    return chart.to_dict()


def _arrow_bytes(rows: object) -> bytes:
    import pandas as pd
    import pyarrow as pa

    table = pa.Table.from_pandas(rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows), preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def with_arrow(spec: dict) -> dict:
    """``spec`` with its inline datasets as Arrow IPC bytes (pyarrow), the form Streamlit sends them in.

    ``st.vega_lite_chart`` converts record lists to Arrow on every call (about 15 ms a chart, however
    small the data) and passes bytes on as they are; a page converts once, inside its cached builder.
    """
    datasets = spec.get("datasets")
    if not datasets or all(isinstance(d, bytes) for d in datasets.values()):
        return spec
    return {
        **spec,
        "datasets": {name: rows if isinstance(rows, bytes) else _arrow_bytes(rows) for name, rows in datasets.items()},
    }


STATIC_WIDTH = 720
"""Pixels wide a server-drawn chart is laid out at; the page scales the picture to its column."""


def to_svg(spec: dict, width: int = STATIC_WIDTH) -> str:
    """The chart drawn once on the server, as SVG: Vega itself (``vl-convert``) lays out the same spec.

    A page's first screen shows its main chart so (``ui.widgets.static_chart``): a new visitor's
    browser then draws a picture instead of fetching and compiling Vega's 0,9 MB of JavaScript
    (about a quarter of an empty Streamlit page's load, BENCHMARKS.md 4a). Same spec, same labels
    and colours; what a picture lacks is the tooltip (a page whose main chart's figures are only in
    tooltips offers the live chart in a section too). ``width`` replaces the column-wide width.
    """
    import vl_convert

    # no ARIA labels: a picture's are never read (an <img> is one element), and a mark's tooltip text in
    # each would double or triple the SVG (Capaian Output's 270 dots: 230 KB instead of 75 KB)
    # a spec without ``autosize`` is laid out as Streamlit lays it out (``fit``: title and axes inside its height)
    autosize = spec.get("autosize", {"type": "fit", "contains": "padding"})
    config = {**spec.get("config", {}), "aria": False}
    return vl_convert.vegalite_to_svg({**spec, "width": width, "autosize": autosize, "config": config})
