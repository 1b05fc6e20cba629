"""Charts of the Pemantauan Triwulan page, as Vega-Lite specs: budget absorption against its pace curve,
and the year-end projection of the IKSS and IKP with its range and status.

Builders are pure: they take the view's chart rows (``views.pemantauan``) and texts and return the
finished spec ``dict`` of :func:`ui.charts.vega.finish`; they never draw.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from kpi.progress import STATUSES, THRESHOLDS
from ui.charts.vega import finish
from views.pemantauan import status_color

ROW_HEIGHT = 22
"""Pixels per indicator of the projection chart."""
_DASH = {0: [1, 0], 1: [6, 4], 2: [2, 3]}
"""Actual solid, pace curve dashed, projection dotted."""
_PACE = "#8c959f"
"""The pace curves and the thresholds: grey, behind the lines in colour."""


def budget_pace(
    rows: pd.DataFrame,
    lang: str,
    title: str,
    axis: str,
    series: tuple[str, str, str],
    quarter_label: str = "Triwulan",
) -> dict:
    """Cumulative absorption per quarter (% of pagu), one colour per budget line: the actual path (solid, with
    points) and the way to the year-end projection (dotted); each line's pace curve dashed in grey behind them,
    and the on-track threshold.

    ``rows`` has columns code, name, quarter, value, series; ``series`` names (actual, pace, projection).
    """
    frame = rows.assign(
        tw=[f"T{int(q)}" for q in rows["quarter"]],
        value=rows["value"].astype(float),
        dash=rows["series"].map({name: i for i, name in enumerate(series)}).astype(int),
    )
    x = alt.X("tw:O", title=None, scale=alt.Scale(domain=["T1", "T2", "T3", "T4"]), axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=axis, scale=alt.Scale(domain=[0, 100], clamp=False))
    tooltip = [
        alt.Tooltip("name:N", title=" "),
        alt.Tooltip("series:N", title="  "),
        alt.Tooltip("tw:O", title=quarter_label),
        alt.Tooltip("value:Q", title=axis, format=",.2f"),
    ]
    color = alt.Color("name:N", title=None, legend=alt.Legend(orient="bottom", columns=3))
    dash = alt.StrokeDash(
        "series:N",
        title=None,
        scale=alt.Scale(domain=list(series), range=[_DASH[i] for i in range(3)]),
        legend=alt.Legend(orient="top", symbolStrokeColor="#57606a", symbolStrokeWidth=2),
    )
    base = alt.Chart(frame).encode(x=x, y=y, strokeDash=dash, detail="name:N", tooltip=tooltip)
    # the pace curves in grey behind (one per line: the previous year's, or 25 % a quarter), the lines in colour
    pace = base.transform_filter(alt.datum.dash == 1).mark_line(strokeWidth=1.5, color=_PACE, opacity=0.8)
    lines = base.transform_filter(alt.datum.dash != 1).mark_line(strokeWidth=2.5).encode(color=color)
    points = (
        alt.Chart(frame)
        .transform_filter(alt.datum.dash != 1)
        .mark_point(filled=True, size=60, opacity=1)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    goal = (
        alt.Chart(pd.DataFrame({"goal": [THRESHOLDS.budget_on_track_pct]}))
        .mark_rule(color=_PACE, strokeDash=[2, 2])
        .encode(y="goal:Q")
    )
    return finish(alt.layer(goal, pace, lines, points), lang, title, height=470)


def projection(
    rows: pd.DataFrame,
    lang: str,
    title: str,
    axis: str,
    labels: Mapping[str, str],
    status_names: Mapping[str, str],
) -> dict:
    """Per indicator: its progress now (a light bar), the projection's range (a line) and the projected
    year-end capaian (a point in its status colour), against the on-track and at-risk thresholds.

    ``rows`` has columns label, progress, projected, low, high, status; ``labels`` names the ``progress``,
    ``projected`` and ``range`` parts; ``status_names`` the statuses (the legend says them in words).
    """
    frame = rows.sort_values("projected", kind="stable").assign(status_name=lambda f: f["status"].map(status_names))
    order = frame["label"].tolist()
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=330))
    tooltip = [
        alt.Tooltip("label:N", title=" "),
        alt.Tooltip("progress:Q", title=labels["progress"], format=",.2f"),
        alt.Tooltip("projected:Q", title=labels["projected"], format=",.2f"),
        alt.Tooltip("low:Q", title=labels["range"] + " ↓", format=",.2f"),
        alt.Tooltip("high:Q", title=labels["range"] + " ↑", format=",.2f"),
        alt.Tooltip("status_name:N", title=" "),
    ]
    x = alt.X("progress:Q", title=axis, scale=alt.Scale(domainMin=0))
    bars = alt.Chart(frame).mark_bar(color="#d0d7de", height={"band": 0.6}).encode(x=x, y=y, tooltip=tooltip)
    band = alt.Chart(frame).mark_rule(strokeWidth=2, color="#57606a").encode(x="low:Q", x2="high:Q", y=y)
    present = [s for s in STATUSES if s in set(frame["status"])]
    point = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90, opacity=1)
        .encode(
            x="projected:Q",
            y=y,
            color=alt.Color(
                "status_name:N",
                title=None,
                scale=alt.Scale(domain=[status_names[s] for s in present], range=[status_color(s) for s in present]),
            ),
            tooltip=tooltip,
        )
    )
    marks = pd.DataFrame({"at": [THRESHOLDS.on_track_pct, THRESHOLDS.at_risk_pct], "kind": ["on", "risk"]})
    rules = alt.Chart(marks).mark_rule(strokeDash=[4, 3], color="#8c959f").encode(x="at:Q")
    return finish(alt.layer(rules, bars, band, point), lang, title, height=110 + ROW_HEIGHT * len(frame))
