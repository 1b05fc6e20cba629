"""Charts of the Kualitas Data page: failed checks per LKj table, stacked by severity."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ui.theme import style_figure

SEVERITY_COLOR = {"error": "#cf222e", "warning": "#d4a72c", "info": "#0b4f8a"}
"""Error red, warning amber, info blue; the legend always names the severity too."""


def failures_by_table(
    per_table: pd.DataFrame, lang: str, title: str, severity_labels: Mapping[str, str], axis_label: str
) -> go.Figure:
    """Horizontal bars: for each LKj table with a failure, its failed checks split by severity.

    ``per_table`` has columns ``table``, ``ran``, ``error``, ``warning``, ``info`` (the ``tables``
    frame of :func:`kpi.checks.summary`). Tables are ordered as the report prints them, top down.
    """
    frame = per_table[(per_table[["error", "warning", "info"]].sum(axis=1)) > 0].iloc[::-1]
    fig = go.Figure()
    for sev in ("error", "warning", "info"):
        fig.add_bar(
            y=frame["table"],
            x=frame[sev],
            name=severity_labels[sev],
            orientation="h",
            marker_color=SEVERITY_COLOR[sev],
            customdata=frame[["ran"]].to_numpy(),
            hovertemplate="%{y}<br>" + severity_labels[sev] + ": %{x}<br>" + "/ %{customdata[0]}<extra></extra>",
        )
    height = max(300, 110 + 28 * len(frame))
    style_figure(fig, lang, title, height=height)
    # legend under the plot: at phone width a legend beside the title overlaps it
    fig.update_layout(
        barmode="stack",
        xaxis_title=axis_label,
        yaxis={"automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0, "traceorder": "normal"},
        margin={"b": 40},
    )
    fig.update_xaxes(rangemode="tozero", tickformat="d")
    return fig
