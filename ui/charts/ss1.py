"""Charts of the SS-1 Produktivitas page: Vega-Lite specs from the chart data of ``views.ss1``; nothing here draws.

:func:`spec` turns any of the view's chart dataclasses into its spec; the builders below it take
plain frames and labels. (The formula's LaTeX is text, built in ``views.ss1``.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from kpi.format import fmt_number, fmt_pct
from ui.charts.vega import PRIMARY, SERIES, STATUS_COLOR, finish
from views import ss1 as view

_INT = ",.0f"
_MUTED = "#9db9d3"
"""The years before the chosen year, a paler PRIMARY, so the chosen year stands out."""
_GRID = "#bbbbbb"


def _finish(chart: alt.TopLevelMixin, lang: str, title: str, height: int, subtitle: str | None = None) -> dict:
    """:func:`ui.charts.vega.finish` with ``height`` the plotting area's in Streamlit too.

    Streamlit gives a spec without ``autosize`` the type ``fit``, which squeezes title, axes and
    legend into ``height``; ``fit-x`` fits only the width to the column.
    """
    spec = finish(chart, lang, title, height=height, subtitle=subtitle)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _pct_suffix(lang: str) -> str:
    """What follows a percentage in ``lang``: ``4,01 %`` in Indonesian, ``4.01%`` in English (as kpi.format)."""
    return "%" if lang == "en" else " %"


def _axis_format(number_format: str) -> str:
    """``number_format`` without trailing zeros on an axis: ``0``, ``2,5`` rather than ``0,00``, ``2,50``."""
    return number_format[:-1] + "~f" if number_format.endswith("f") and "~" not in number_format else number_format


def _decimals(number_format: str) -> int:
    """The decimals of a d3 format such as ``,.2f``, for the same number written by kpi.format."""
    return int(number_format[-2]) if number_format.endswith("f") and number_format[-2].isdigit() else 0


def _legend(labels: Sequence[str], width: int = 640, label_limit: int = 320) -> alt.Legend:
    """A legend under the plot that wraps into as many columns as ``width`` pixels hold."""
    longest = max((len(str(v)) for v in labels), default=1)
    columns = max(1, min(len(labels), width // (longest * 7 + 36)))
    return alt.Legend(title=None, columns=columns, orient="bottom", labelLimit=label_limit)


def spec(chart: view.Chart, lang: str) -> dict:
    """The Vega-Lite spec of one of ``views.ss1``'s charts in ``lang``."""
    if isinstance(chart, view.Trend):
        return ikss_trend(
            chart.years,
            chart.realisasi,
            chart.target,
            chart.year,
            lang,
            chart.title,
            chart.realisasi_label,
            chart.target_label,
        )
    if isinstance(chart, view.Waterfall):
        return contribution_waterfall(chart.parts, chart.labels, chart.total_label, lang, chart.title)
    if isinstance(chart, view.Bars):
        return grouped_bars(
            chart.frame, chart.category, chart.series, lang, chart.title, chart.horizontal, chart.stacked
        )
    if isinstance(chart, view.YearBars):
        return bars_by_year(
            chart.frame,
            chart.category,
            chart.value,
            lang,
            chart.title,
            horizontal=chart.horizontal,
            number_format=chart.number_format,
            subtitle=chart.subtitle,
        )
    if isinstance(chart, view.YearLines):
        return lines_by_year(chart.frame, chart.category, chart.value, lang, chart.title, unit=chart.unit)
    if isinstance(chart, view.JobStack):
        return job_creation_stack(chart.frame, chart.totals, lang, chart.title, chart.total_label)
    raise TypeError(f"not an SS-1 chart: {type(chart).__name__}")


# --- IKSS trend ------------------------------------------------------------------------------


def ikss_trend(
    years: Sequence[int],
    realisasi: Sequence[float],
    target: float | None,
    target_year: int,
    lang: str,
    title: str,
    realisasi_label: str,
    target_label: str,
) -> dict:
    """Realisasi of the IKSS per year as labelled bars (the report year darker), the target as a dashed line."""
    frame = pd.DataFrame(
        {
            "tahun": [str(y) for y in years],
            "realisasi": [float(v) for v in realisasi],
            "label": [fmt_pct(v, 2, lang) for v in realisasi],
            "report": [int(y) == int(target_year) for y in years],
        }
    )
    frame["tip"] = realisasi_label + " " + frame["tahun"] + ": " + frame["label"]
    top = max([*frame["realisasi"], target or 0]) * 1.25
    x = alt.X("tahun:N", sort=frame["tahun"].tolist(), title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y(
        "realisasi:Q",
        title=None,
        scale=alt.Scale(domain=[0, top], nice=False),
        axis=alt.Axis(tickCount=5, labelExpr=f"format(datum.value, ',.0f') + '{_pct_suffix(lang)}'"),
    )
    base = alt.Chart(frame).encode(x=x, y=y, tooltip="tip:N")
    bars = base.mark_bar(width={"band": 0.6}).encode(
        color=alt.condition("datum.report", alt.value(PRIMARY), alt.value(_MUTED))
    )
    labels = base.mark_text(baseline="bottom", dy=-3, fontWeight="bold").encode(text="label:N")
    layers = [bars, labels]
    if target is not None:
        line = pd.DataFrame(
            {"target": [float(target)], "label": [f"{target_label} {target_year}: {fmt_pct(target, 2, lang)}"]}
        )
        rule = alt.Chart(line).encode(y=alt.Y("target:Q"))
        layers.append(
            rule.mark_rule(color=STATUS_COLOR["merah"], strokeDash=[6, 4], strokeWidth=2).encode(tooltip="label:N")
        )
        layers.append(
            rule.mark_text(align="left", baseline="bottom", dx=2, dy=-3, color=STATUS_COLOR["merah"]).encode(
                x=alt.value(0), text="label:N"
            )
        )
    return _finish(alt.layer(*layers), lang, title, height=230)


# --- Contribution of each PyB component ------------------------------------------------------


def contribution_waterfall(
    parts: Mapping[str, float], labels: Mapping[str, str], total_label: str, lang: str, title: str
) -> dict:
    """P built up from its components in percentage points (the overlap PHI ∩ Binwas goes down)."""
    names = [labels[k] for k in parts] + [total_label]
    values = [float(v) for v in parts.values()]
    total = sum(values)
    ends = pd.Series(values).cumsum().tolist()
    starts = [0.0, *ends[:-1]]
    frame = pd.DataFrame(
        {
            "name": names,
            "value": [*values, total],
            "start": [*starts, 0.0],
            "end": [*ends, total],
            "kind": ["up" if v >= 0 else "down" for v in values] + ["total"],
            "label": [fmt_number(v, 2, lang) for v in values] + [fmt_pct(total, 2, lang)],
            "next": names[1:] + [names[-1]],
        }
    )
    frame["tip"] = [f"{n}: {fmt_number(v, 3, lang)}" for n, v in zip(frame["name"], frame["value"], strict=True)]
    frame["top"] = frame[["start", "end"]].max(axis=1)
    x = alt.X("name:N", sort=names, title=None, axis=alt.Axis(labelAngle=0, labelLimit=160))
    y = alt.Y("start:Q", title=None, axis=alt.Axis(format=",.1f"))
    color = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=["up", "down", "total"], range=[SERIES[2], STATUS_COLOR["merah"], PRIMARY]),
        legend=None,
    )
    base = alt.Chart(frame).encode(x=x)
    # a connector from each bar's end to the next bar, drawn under the bars so only the gap shows
    connectors = (
        base.transform_filter("datum.kind != 'total'").mark_rule(color=_GRID).encode(x2="next:N", y=alt.Y("end:Q"))
    )
    bars = base.mark_bar(width={"band": 0.6}).encode(y=y, y2="end:Q", color=color, tooltip="tip:N")
    text = base.mark_text(baseline="bottom", dy=-3, fontWeight="bold").encode(y="top:Q", text="label:N")
    return _finish(alt.layer(connectors, bars, text), lang, title, height=280)


# --- Generic bars ----------------------------------------------------------------------------


def grouped_bars(
    frame: pd.DataFrame,
    category: str,
    series: Mapping[str, str],
    lang: str,
    title: str,
    horizontal: bool = True,
    stacked: bool = False,
    height: int | None = None,
    number_format: str = _INT,
    unit: str = "",
) -> dict:
    """One bar per row of ``frame`` for each column in ``series`` (column → legend label)."""
    cats = frame[category].astype(str).tolist()
    long = pd.DataFrame(
        {
            "category": cats * len(series),
            "series": [label for label in series.values() for _ in cats],
            "order": [i for i in range(len(series)) for _ in cats],
            "value": pd.concat([frame[col] for col in series], ignore_index=True).astype(float),
        }
    )
    return _bars(long, list(series.values()), cats, lang, title, horizontal, stacked, height, number_format, unit)


def bars_by_year(
    frame: pd.DataFrame,
    category: str,
    value: str,
    lang: str,
    title: str,
    horizontal: bool = False,
    stacked: bool = False,
    number_format: str = _INT,
    height: int | None = None,
    subtitle: str | None = None,
) -> dict:
    """A long frame (``year``, category, value) as bars: one series per year."""
    cats = list(dict.fromkeys(frame[category].astype(str)))
    years = sorted({int(y) for y in frame["year"]})
    long = pd.DataFrame(
        {
            "category": frame[category].astype(str).to_numpy(),
            "series": frame["year"].astype(int).astype(str).to_numpy(),
            "order": frame["year"].astype(int).to_numpy(),
            "value": frame[value].astype(float).to_numpy(),
        }
    )
    return _bars(
        long, [str(y) for y in years], cats, lang, title, horizontal, stacked, height, number_format, "", subtitle
    )


def _bars(
    long: pd.DataFrame,
    series: list[str],
    cats: list[str],
    lang: str,
    title: str,
    horizontal: bool,
    stacked: bool,
    height: int | None,
    number_format: str,
    unit: str,
    subtitle: str | None = None,
) -> dict:
    """Grouped or stacked bars of a long frame (``category``, ``series``, ``order``, ``value``)."""
    shown = long["value"].map(lambda v: fmt_number(v, _decimals(number_format), lang)) + unit
    head = long["category"] + (" · " + long["series"] if len(series) > 1 else "")
    long = long.assign(tip=head + ": " + shown)
    cat_axis = alt.Axis(labelLimit=340) if horizontal else alt.Axis(labelAngle=0, labelLimit=160)
    value_axis = alt.Axis(format=_axis_format(number_format), title=unit.strip() or None)
    stack = "zero" if stacked else None
    if horizontal:
        enc = {
            "y": alt.Y("category:N", sort=cats, title=None, axis=cat_axis),
            "x": alt.X("value:Q", stack=stack, axis=value_axis),
        }
    else:
        enc = {
            "x": alt.X("category:N", sort=cats, title=None, axis=cat_axis),
            "y": alt.Y("value:Q", stack=stack, axis=value_axis),
        }
    if len(series) > 1:
        enc["color"] = alt.Color("series:N", sort=series, scale=_palette(series), legend=_legend(series))
        if stacked:
            enc["order"] = alt.Order("order:Q")
        elif horizontal:
            enc["yOffset"] = alt.YOffset("series:N", sort=series)
        else:
            enc["xOffset"] = alt.XOffset("series:N", sort=series)
    else:
        enc["color"] = alt.value(SERIES[0])
    per_cat = 1 if stacked else max(1, len(series) * 0.7)
    h = height or (int(min(900, max(200, 24 * len(cats) * per_cat))) if horizontal else 300)
    chart = alt.Chart(long).mark_bar().encode(tooltip="tip:N", **enc)
    return _finish(chart, lang, title, height=int(h), subtitle=subtitle)


def _palette(names: Sequence[str]) -> alt.Scale:
    """The house series colours, in the order of ``names``."""
    return alt.Scale(domain=list(names), range=[SERIES[i % len(SERIES)] for i in range(len(names))])


def job_creation_stack(
    frame: pd.DataFrame, totals: Mapping[int, float | None], lang: str, title: str, total_label: str
) -> dict:
    """Tabel 3.4: the leaf interventions stacked per year, the printed total written above each bar."""
    leaves = frame[frame["parent_kode"].notna() & (frame["parent_kode"].astype(str) != "")]
    leaves = leaves.sort_values(["urutan", "year"])
    first = leaves.drop_duplicates("kode").set_index("kode")
    names = {k: f"{k}. {first.at[k, 'intervensi']}" for k in first.index}
    rank = {k: i for i, k in enumerate(first.index)}
    stack = pd.DataFrame(
        {
            "tahun": leaves["year"].astype(int).astype(str).to_numpy(),
            "name": leaves["kode"].map(names).to_numpy(),
            "order": leaves["kode"].map(rank).to_numpy(),
            "value": leaves["realisasi"].astype(float).to_numpy(),
        }
    )
    stack["tip"] = stack["tahun"] + " · " + stack["name"] + ": " + stack["value"].map(lambda v: fmt_number(v, 0, lang))
    years = sorted(int(y) for y in totals)
    tops = pd.DataFrame(
        {
            "tahun": [str(y) for y in years],
            "total": [totals[y] for y in years],
            "label": [fmt_number(totals[y], 0, lang) for y in years],
        }
    )
    tops["tip"] = total_label + " " + tops["tahun"] + ": " + tops["label"]
    order = list(names.values())
    top = max((v or 0 for v in totals.values()), default=0) * 1.12 or None
    x = alt.X("tahun:N", sort=[str(y) for y in years], title=None, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(stack)
        .mark_bar(width={"band": 0.6})
        .encode(
            x=x,
            y=alt.Y("value:Q", title=None, stack="zero", axis=alt.Axis(format=_INT), scale=alt.Scale(domain=[0, top])),
            color=alt.Color(
                "name:N", sort=order, scale=_palette(order), legend=_legend(order, width=900, label_limit=640)
            ),
            order=alt.Order("order:Q"),
            tooltip="tip:N",
        )
    )
    text = (
        alt.Chart(tops)
        .mark_text(baseline="bottom", dy=-3, fontWeight="bold")
        .encode(x=x, y=alt.Y("total:Q"), text="label:N", tooltip="tip:N")
    )
    return _finish(alt.layer(bars, text), lang, title, height=360)


def lines_by_year(
    frame: pd.DataFrame, category: str, value: str, lang: str, title: str, number_format: str = ",.2f", unit: str = ""
) -> dict:
    """A long frame (``year``, category, value) as one line per category over the years."""
    names = list(dict.fromkeys(frame[category].astype(str)))
    long = pd.DataFrame(
        {
            "tahun": frame["year"].astype(int).astype(str).to_numpy(),
            "name": frame[category].astype(str).to_numpy(),
            "value": frame[value].astype(float).to_numpy(),
        }
    ).sort_values("tahun")
    suffix = _pct_suffix(lang) if unit == "%" else unit
    shown = long["value"].map(lambda v: fmt_number(v, _decimals(number_format), lang)) + suffix
    long["tip"] = long["name"] + " " + long["tahun"] + ": " + shown
    chart = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("tahun:N", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=_axis_format(number_format))
            ),
            color=alt.Color("name:N", sort=names, scale=_palette(names), legend=_legend(names, width=420)),
            tooltip="tip:N",
        )
    )
    return _finish(chart, lang, title, height=260)
