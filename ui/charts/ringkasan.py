"""Charts of the Ringkasan Eksekutif page: small IKSS trends and the budget per year, as Vega-Lite specs.

Builders are pure: they take the view's chart data (``views.ringkasan.Trend``, ``BudgetTrend``) or
plain values and return the finished spec ``dict`` of :func:`ui.charts.vega.finish`; they never draw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from kpi.capaian import OPINI_BPK_RANK
from kpi.format import fmt_number, fmt_rp, fmt_rp_short
from ui.charts.vega import finish
from views.ringkasan import BudgetTrend, Trend
from views.theme import PRIMARY, STATUS_COLOR

_EARLIER = "#9db8d3"
"""Earlier years in a lighter shade of the primary colour, so the report year stands out."""
_TARGET = STATUS_COLOR["merah"]
SMALL_HEIGHT = 230
"""Height of one small IKSS trend, title and year axis included (Streamlit fits a chart to its size)."""
MAX_LABELLED = 6
"""With more years than this, only the report year's point carries its value (the others have tooltips)."""
_YEAR = {"id": "Tahun", "en": "Year"}


def _points(years: Sequence[int], heights: Sequence[float | None], text: Sequence[str], year: int) -> pd.DataFrame:
    """One row per year: where the point sits, its label, its colour and size (the report year's larger and darker)."""
    labelled = len(years) <= MAX_LABELLED
    return pd.DataFrame(
        {
            "tahun": [str(y) for y in years],
            "nilai": [None if v is None else float(v) for v in heights],
            "label": [s if (labelled or y == year) else "" for s, y in zip(text, years, strict=True)],
            "hover": [f"{y}: {s}" for y, s in zip(years, text, strict=True)],
            "warna": [PRIMARY if y == year else _EARLIER for y in years],
            "ukuran": [220 if y == year else 90 for y in years],
            "sekarang": [y == year for y in years],
        }
    )


def _labels(base: alt.Chart, **mark) -> list[alt.Chart]:
    """Value labels: the report year's in bold (``sekarang``), the earlier years' in normal weight."""
    return [
        base.transform_filter(alt.datum.sekarang == now)
        .mark_text(color="#1f2328", fontWeight="bold" if now else "normal", **mark)
        .encode(text="label:N")
        for now in (True, False)
    ]


def _trend_layers(rows: pd.DataFrame, y: alt.Y) -> list[alt.Chart]:
    """Realisasi as a light line through labelled points, the report year's point larger and darker."""
    x = alt.X("tahun:O", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13, ticks=False, domainColor="#cccccc"))
    base = alt.Chart(rows).encode(x=x, y=y)
    return [
        base.mark_line(color=_EARLIER, strokeWidth=3),
        base.mark_point(filled=True, opacity=1).encode(
            color=alt.Color("warna:N", scale=None),
            size=alt.Size("ukuran:Q", scale=None),
            tooltip=alt.Tooltip("hover:N"),
        ),
        *_labels(base, dy=-15, fontSize=13),
    ]


def _target_layers(value: float, text: str, above: bool) -> list[alt.Chart]:
    """The report year's target as a dashed red line, labelled at the right end on the side away from the points."""
    rows = pd.DataFrame({"target": [float(value)], "label": [text]})
    base = alt.Chart(rows).encode(y="target:Q")
    return [
        base.mark_rule(color=_TARGET, strokeDash=[6, 4], strokeWidth=2),
        base.mark_text(
            align="right",
            baseline="bottom" if above else "top",
            dy=-4 if above else 10,
            fontSize=12,
            fontWeight="bold",
            color=_TARGET,
        ).encode(x=alt.value("width"), text="label:N", tooltip=alt.Tooltip("label:N")),
    ]


def _small(layers: list[alt.Chart], lang: str, title: str) -> dict:
    return finish(alt.layer(*layers), lang, title, height=SMALL_HEIGHT)


def ikss_trend(
    years: Sequence[int],
    realisasi: Sequence[float | None],
    target: float | None,
    year: int,
    lang: str,
    title: str,
    target_label: str,
    decimals: int = 2,
    suffix: str = "",
) -> dict:
    """Realisasi of one IKSS per year as labelled points, the target of ``year`` as a dashed line.

    The axis is fitted to the values and the target (not from zero), so a rise from 76,10 to
    78,73 on an index is visible; every point carries its value, so no reading off an axis.
    """
    sfx = (" %" if lang == "id" else "%") if suffix == "%" else suffix
    text = [fmt_number(v, decimals, lang) + sfx if v is not None else "–" for v in realisasi]
    values = [float(v) for v in realisasi if v is not None]
    layers_target: list[alt.Chart] = []
    if target is not None:
        above = not values or max(values) <= target
        label = f"{target_label} {year}: {fmt_number(target, decimals, lang)}{sfx}"
        layers_target = _target_layers(target, label, above)
        values.append(float(target))
    scale = alt.Scale(zero=False, nice=False)
    if values:
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.3 or abs(hi) * 0.1 or 1
        scale = alt.Scale(domain=[lo - pad, hi + pad * 1.2], zero=False, nice=False)
    y = alt.Y("nilai:Q", scale=scale, axis=None)
    rows = _points(years, realisasi, text, year)
    return _small(_trend_layers(rows, y) + layers_target, lang, title)


def ordinal_trend(
    years: Sequence[int],
    realisasi: Sequence[str | None],
    target: str | None,
    ranks: Mapping[str, int],
    year: int,
    lang: str,
    title: str,
    target_label: str,
) -> dict:
    """An ordinal IKSS (Opini BPK) per year on an axis of its grades (TMP < TW < WDP < WTP)."""
    heights = [ranks.get(v) if v else None for v in realisasi]
    text = [v or "–" for v in realisasi]
    grades = sorted(ranks, key=ranks.get)
    # the axis shows the grade's name at its rank: 4 -> "WTP"
    label_expr = " : ".join(f"datum.value == {ranks[g]} ? '{g}'" for g in grades) + " : ''"
    y = alt.Y(
        "nilai:Q",
        title=None,
        scale=alt.Scale(domain=[min(ranks.values()) - 0.5, max(ranks.values()) + 0.8], zero=False, nice=False),
        axis=alt.Axis(
            values=[ranks[g] for g in grades],
            labelExpr=label_expr,
            labelOverlap=False,
            gridColor="#eeeeee",
            domain=False,
            ticks=False,
        ),
    )
    layers = _trend_layers(_points(years, heights, text, year), y)
    if target:
        shown = [h for h in heights if h is not None]
        above = not shown or max(shown) < ranks[target]
        layers += _target_layers(ranks[target], f"{target_label} {year}: {target}", above)
    return _small(layers, lang, title)


def budget_trend(
    years: Sequence[int],
    pagu_rp: Sequence[float],
    notes: Sequence[str],
    year: int,
    lang: str,
    title: str | None,
    pagu_label: str,
    height: int = 300,
) -> dict:
    """Pagu per year: short Rupiah on the bar, the full amount and ``notes`` (e.g. the largest unit) in the tooltip."""
    rows = pd.DataFrame(
        {
            "tahun": [str(y) for y in years],
            "pagu": [float(v) for v in pagu_rp],
            "label": [fmt_rp_short(v, lang) for v in pagu_rp],
            "lengkap": [fmt_rp(v, lang) for v in pagu_rp],
            "catatan": list(notes),
            "warna": [PRIMARY if y == year else _EARLIER for y in years],
            "sekarang": [y == year for y in years],
        }
    )
    top = max(rows["pagu"], default=1.0) or 1.0
    base = alt.Chart(rows).encode(
        x=alt.X(
            "tahun:O", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13, ticks=False, domainColor="#cccccc")
        ),
        y=alt.Y("pagu:Q", title=None, scale=alt.Scale(domain=[0, top * 1.12], nice=False), axis=None),
    )
    tooltip = [
        alt.Tooltip("tahun:N", title=_YEAR.get(lang, _YEAR["id"])),
        alt.Tooltip("lengkap:N", title=pagu_label),
        alt.Tooltip("catatan:N", title=" "),
    ]
    bars = base.mark_bar(width={"band": 0.65}, cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
        color=alt.Color("warna:N", scale=None), tooltip=tooltip
    )
    labels = [layer.encode(tooltip=tooltip) for layer in _labels(base, dy=-8, baseline="bottom", fontSize=14)]
    return finish(alt.layer(bars, *labels), lang, title, height=height)


def trend(t: Trend, year: int, lang: str, target_label: str) -> dict:
    """The small trend of one IKSS of the view: numeric (:func:`ikss_trend`) or ordinal (:func:`ordinal_trend`)."""
    if t.ordinal:
        return ordinal_trend(t.years, t.grades, t.target_grade, OPINI_BPK_RANK, year, lang, t.title, target_label)
    return ikss_trend(t.years, t.values, t.target, year, lang, t.title, target_label, suffix=t.suffix)


def budget(b: BudgetTrend, year: int, lang: str, pagu_label: str, height: int = 490) -> dict:
    """The ceiling per year of the view (:func:`budget_trend`), untitled: the page writes the title above it."""
    return budget_trend(b.years, b.pagu_rp, b.notes, year, lang, None, pagu_label, height=height)
