"""Colours, status palette and chart styling: the one theme every chart uses."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from kpi.status import Status

STATUS_COLOR: dict[Status, str] = {"hijau": "#1a7f37", "kuning": "#d4a72c", "merah": "#cf222e", "abu": "#8c959f"}
STATUS_MARKDOWN_COLOR: dict[Status, str] = {"hijau": "green", "kuning": "orange", "merah": "red", "abu": "gray"}
"""Streamlit's markdown colour names (``:green[...]``) nearest to ``STATUS_COLOR``: no HTML needed."""
STATUS_ICON: dict[Status, str] = {"hijau": "✅", "kuning": "⚠️", "merah": "⛔", "abu": "⬜"}
PRIMARY = "#0b4f8a"
SERIES = ["#0b4f8a", "#e07b00", "#2a9d8f", "#8e44ad", "#c0392b", "#7f8c8d", "#16a085", "#d35400"]
SEPARATORS = {"id": ",.", "en": ".,"}
"""Plotly's ``separators``: decimal mark then thousands separator."""


_WHITE = pio.templates["plotly_white"]
pio.templates["dasbor"] = go.layout.Template(
    layout=_WHITE.layout,
    data={k: _WHITE.data[k] for k in ("bar", "scatter", "pie", "heatmap", "histogram", "table")},
)
pio.templates.default = "dasbor"
"""plotly_white with trace defaults only for the trace types the pages draw, and the default for every
new figure: plotly copies the template into each figure, and setting it again in ``style_figure``
was a third of a page rerun (BENCHMARKS.md)."""


def style_figure(fig: go.Figure, lang: str, title: str | None = None, height: int = 380) -> go.Figure:
    """House style: title, Indonesian or English separators, compact margins, readable hover."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}} if title else None,
        separators=SEPARATORS.get(lang, ",."),
        height=height,
        margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        colorway=SERIES,
        hoverlabel={"bgcolor": "white", "font_size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    return fig
