"""Charts of the Kualitas Data page: failed checks per LKj table, stacked by severity, as a Vega-Lite spec."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.charts.vega import finish
from views.kualitas import Chart

SEVERITIES = ("error", "warning", "info")
SEVERITY_COLOR = {"error": "#cf222e", "warning": "#d4a72c", "info": "#0b4f8a"}
"""Error red, warning amber, info blue; the legend always names the severity too."""
ROW_HEIGHT = 26
"""Pixels per LKj table: the chart grows with the number of tables that have findings."""


def failures_by_table(
    per_table: pd.DataFrame,
    lang: str,
    title: str,
    severity_labels: Mapping[str, str],
    axis_label: str,
    table_label: str = "Tabel",
    ran_label: str = "Diperiksa",
) -> dict:
    """Horizontal bars: for each LKj table with a failure, its failed checks split by severity.

    ``per_table`` has columns ``table``, ``ran``, ``error``, ``warning``, ``info`` (the ``tables``
    frame of :func:`kpi.checks.summary`). Tables are ordered as the report prints them, top down.
    The tooltip names the table, the severity, the count and how many checks ran on the table.
    """
    frame = per_table[per_table[list(SEVERITIES)].sum(axis=1) > 0]
    order = [str(x) for x in frame["table"]]
    long = frame.melt(id_vars=["table", "ran"], value_vars=list(SEVERITIES), var_name="sev", value_name="n")
    long = long[long["n"] > 0]
    rows = pd.DataFrame(
        {
            "tabel": long["table"].astype(str).to_numpy(),
            "tingkat": long["sev"].map(severity_labels).to_numpy(),
            "urutan": long["sev"].map({s: i for i, s in enumerate(SEVERITIES)}).astype(int).to_numpy(),
            "jumlah": long["n"].astype(int).to_numpy(),
            "diperiksa": long["ran"].astype(int).to_numpy(),
        }
    )
    labels = [severity_labels[s] for s in SEVERITIES]
    chart = (
        alt.Chart(rows)
        .mark_bar(height={"band": 0.75})
        .encode(
            y=alt.Y("tabel:N", title=None, sort=order, axis=alt.Axis(ticks=False, domain=False, labelPadding=6)),
            x=alt.X(
                "jumlah:Q",
                title=axis_label,
                stack="zero",
                axis=alt.Axis(format="d", tickMinStep=1, gridColor="#eeeeee"),
            ),
            color=alt.Color(
                "tingkat:N",
                title=None,
                scale=alt.Scale(domain=labels, range=[SEVERITY_COLOR[s] for s in SEVERITIES]),
            ),
            order=alt.Order("urutan:Q"),
            tooltip=[
                alt.Tooltip("tabel:N", title=table_label),
                alt.Tooltip("tingkat:N", title=" "),
                alt.Tooltip("jumlah:Q", title=axis_label, format="d"),
                alt.Tooltip("diperiksa:Q", title=ran_label, format=",d"),
            ],
        )
    )
    # the height holds the bars, the axis and the legend under it (Streamlit fits the chart to it)
    return finish(chart, lang, title, height=120 + ROW_HEIGHT * len(order))


def chart(c: Chart, lang: str) -> dict:
    """The view's findings-per-table chart (:func:`failures_by_table` with the view's texts)."""
    return failures_by_table(c.per_table, lang, c.title, c.severity_labels, c.axis, c.table_label, c.ran_label)
