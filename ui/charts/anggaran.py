"""Charts of the Anggaran page (Tabel 2.3, 3.20-3.24, Lampiran 6): Vega-Lite specs, no streamlit calls.

:func:`build` draws a ``views.anggaran.Chart``: every builder takes the chart's rows, the language
for number formats, the title and the texts it shows (already translated, ``names``), so the same
spec serves Indonesian and English, and returns the finished spec ``dict``
(:func:`ui.charts.vega.finish`). Rupiah axes are short (``Rp 1,5 T``: the axis scales the values to
triliun, miliar or juta by the largest one), bar labels too (``Rp 6,14 T``); the tooltip gives the
full amount (``Rp 6.144.346.237.000``). Categories with long names (programmes, Eselon I units)
run down the side as horizontal bars, their names on two or three lines.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence

import altair as alt
import pandas as pd

from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.charts.vega import finish
from views.anggaran import Chart
from views.theme import PRIMARY, SERIES

PAGU_COLOR = "#9dbbd8"
REALISASI_COLOR = PRIMARY
BLOKIR_COLOR = SERIES[4]
MONEV_COLOR = SERIES[2]
RULE_COLOR = "#8c959f"

SHORT_SCALES = {
    "id": ((1e12, "T"), (1e9, "M"), (1e6, "Jt")),
    "en": ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")),
}
"""The suffixes of :func:`kpi.format.fmt_rp_short`, for the axes Vega labels itself."""

LINES = "split(datum.label, '\\n')"
"""An axis ``labelExpr`` that breaks a category label at its newlines (see :func:`wrap`)."""

BAR = 20
"""Thickness of one horizontal bar in pixels."""


def _finish(chart: alt.TopLevelMixin, lang: str, title: str, height: int) -> dict:
    """:func:`ui.charts.vega.finish`, the width fitted to the column but ``height`` kept for the plot alone.

    Streamlit otherwise fits title, axes and legend into ``height`` too (``autosize: fit``), which
    squeezes a chart whose height was sized for its bars.
    """
    spec = finish(chart, lang, title, height=height)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def wrap(label: str, width: int = 28) -> str:
    """A long category label broken into short lines for an axis (newlines between them)."""
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def rp_label_expr(values: Sequence[float], lang: str) -> str:
    """A Vega ``labelExpr`` writing Rupiah ticks short (``Rp 1,5 T``, ``−Rp 200 M``), scaled by the largest value.

    Vega's ``format`` follows the chart's locale (:data:`ui.charts.vega.LOCALE`), so the decimal mark
    is the page language's.
    """
    top = max((abs(float(v)) for v in values if v is not None and not pd.isna(v)), default=0.0)
    scale, suffix = next(((s, x) for s, x in SHORT_SCALES[lang] if top >= s), (1.0, ""))
    unit = f" + ' {suffix}'" if suffix else ""
    return (
        "datum.value == 0 ? '0' : (datum.value < 0 ? '−' : '') + 'Rp ' + "
        f"format(abs(datum.value) / {scale:.0f}, ',.2~f'){unit}"
    )


def pct_label_expr(lang: str) -> str:
    """A Vega ``labelExpr`` for a percent axis: ``25 %`` in Indonesian, ``25%`` in English."""
    return "format(datum.value, ',.0f') + '" + (" %'" if lang == "id" else "%'")


def _hbars(
    rows: pd.DataFrame,
    lang: str,
    title: str,
    series: Sequence[tuple[str, str]],
    x_axis: alt.Axis,
    x_max: float,
    tooltip: list[alt.Tooltip],
    legend: bool = True,
) -> dict:
    """Horizontal bars, grouped per category when there are several series, each with its label at its end.

    ``rows`` has one row per bar: ``category`` (the axis text, newlines allowed, in drawing order),
    ``series``, ``value``, ``text`` (the bar's label) and the tooltip's fields. ``series`` gives each
    series' name and colour in drawing order.
    """
    order = list(dict.fromkeys(rows["category"]))
    names = [name for name, _ in series]
    lines = max((c.count("\n") + 1 for c in order), default=1)
    step = max(len(names) * BAR + 12, lines * 15 + 14)
    y = alt.Y("category:N", sort=order, title=None, axis=alt.Axis(labelExpr=LINES, ticks=False, labelPadding=6))
    x = alt.X("value:Q", title=None, axis=x_axis, scale=alt.Scale(domain=[0, x_max], nice=False))
    enc = {"y": y, "x": x}
    if len(names) > 1:
        enc["yOffset"] = alt.YOffset("series:N", sort=names)
    color = alt.Color(
        "series:N",
        scale=alt.Scale(domain=names, range=[c for _, c in series]),
        title=None,
        legend=alt.Legend(direction="horizontal") if legend else None,
    )
    base = alt.Chart(rows).encode(**enc)
    bars = base.mark_bar(size=BAR - 3).encode(color=color, tooltip=tooltip)
    labels = base.mark_text(align="left", baseline="middle", dx=4, color="#31333f").encode(text="text:N")
    return _finish(bars + labels, lang, title, height=len(order) * step)


def pagu_realisasi_bars(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str]) -> dict:
    """Pagu and realisasi bars per category, the absorption % written under each category's name.

    ``frame`` has ``label``, ``pagu_rp``, ``realisasi_rp`` (may be empty: then only pagu is drawn)
    and ``penyerapan_pct``, in drawing order. ``names`` gives the texts ``pagu``, ``realisasi``,
    ``penyerapan`` and, for the tooltip's keys, ``category`` (Program, Unit kerja), ``measure`` and ``value``.
    """
    has_real = bool(frame["realisasi_rp"].notna().any())
    series = [("pagu_rp", names["pagu"], PAGU_COLOR)]
    if has_real:
        series.append(("realisasi_rp", names["realisasi"], REALISASI_COLOR))
    records = []
    for label, pct, *values in zip(
        frame["label"], frame["penyerapan_pct"], *(frame[c] for c, _, _ in series), strict=True
    ):
        pct_text = fmt_pct(None if pd.isna(pct) else float(pct), 2, lang)
        category = wrap(label, 30)
        if has_real and pct_text != "–":
            category += f"\n{names['penyerapan']} {pct_text}"
        for (_, name, _), value in zip(series, values, strict=True):
            records.append(
                {
                    "category": category,
                    "label": str(label),
                    "series": name,
                    "value": None if pd.isna(value) else float(value),
                    "text": fmt_rp_short(value, lang),
                    "amount": fmt_rp(value, lang),
                    "penyerapan": pct_text,
                }
            )
    rows = pd.DataFrame.from_records(records)
    tooltip = [
        alt.Tooltip("label:N", title=names["category"]),
        alt.Tooltip("series:N", title=names["measure"]),
        alt.Tooltip("amount:N", title=names["value"]),
    ]
    if has_real:
        tooltip.append(alt.Tooltip("penyerapan:N", title=names["penyerapan"]))
    top = float(rows["value"].max()) if rows["value"].notna().any() else 1.0
    axis = alt.Axis(labelExpr=rp_label_expr([top], lang), tickCount=5)
    return _hbars(rows, lang, title, [(n, c) for _, n, c in series], axis, top * 1.2, tooltip)


def revision_steps(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str], change: bool) -> dict:
    """One step line per programme across the PK revisions (Tabel 2.3): pagu, or (``change``) its change
    since the first revision, with a zero line.

    ``frame`` has ``program``, ``revisi`` (both in drawing order), ``value`` and ``amount`` (the
    tooltip's text); ``names`` gives the tooltip's keys ``program``, ``revisi`` and ``value``.
    """
    programs = list(dict.fromkeys(frame["program"]))
    # a line needs no zero baseline: the pagu view spans its own range so the steps stay visible
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(zero=change),
        axis=alt.Axis(labelExpr=rp_label_expr(frame["value"], lang), tickCount=6),
    )
    x = alt.X("revisi:N", sort=list(dict.fromkeys(frame["revisi"])), title=None, axis=alt.Axis(labelAngle=0))
    color = alt.Color(
        "program:N",
        sort=programs,
        scale=alt.Scale(domain=programs, range=SERIES[: len(programs)]),
        title=None,
        legend=alt.Legend(columns=1, labelLimit=900),
    )
    tooltip = [
        alt.Tooltip("program:N", title=names["program"]),
        alt.Tooltip("revisi:N", title=names["revisi"]),
        alt.Tooltip("amount:N", title=names["value"]),
    ]
    lines = (
        alt.Chart(frame)
        .mark_line(interpolate="step-after", strokeWidth=3, point=alt.OverlayMarkDef(size=70, filled=True))
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    chart = lines
    if change:
        chart = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=RULE_COLOR).encode(y="zero:Q") + lines
    return _finish(chart, lang, title, height=340)


def blokir_bars(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str]) -> dict:
    """Horizontal bars of the pagu blokir per Eselon I unit (Tabel 3.22), largest on top.

    ``frame`` has ``label`` and ``blokir_rp``; ``names`` gives ``blokir`` (the measure) and
    ``category`` (for the tooltip).
    """
    part = frame.sort_values("blokir_rp", ascending=False)
    rows = pd.DataFrame(
        {
            "category": [wrap(v, 24) for v in part["label"]],
            "label": part["label"].astype(str).to_list(),
            "series": names["blokir"],
            "value": part["blokir_rp"].astype("float64").to_list(),
            "text": [fmt_rp_short(v, lang) for v in part["blokir_rp"]],
            "amount": [fmt_rp(v, lang) for v in part["blokir_rp"]],
        }
    )
    tooltip = [alt.Tooltip("label:N", title=names["category"]), alt.Tooltip("amount:N", title=names["blokir"])]
    top = float(rows["value"].max()) if rows["value"].notna().any() else 1.0
    axis = alt.Axis(labelExpr=rp_label_expr([top], lang), tickCount=4)
    return _hbars(rows, lang, title, [(names["blokir"], BLOKIR_COLOR)], axis, top * 1.35, tooltip, legend=False)


def _two_series(frame: pd.DataFrame, names: Mapping[str, str], width: int, texts) -> pd.DataFrame:
    """The ``first`` and ``second`` columns of ``frame`` as long rows, one per category and series (named
    ``names["first"]`` and ``names["second"]``): the category's wrapped and full label, the value, and
    the text fields ``texts(value)``."""
    records = []
    for rec in frame.to_dict("records"):
        for col in ("first", "second"):
            value = rec[col]
            records.append(
                {
                    "category": wrap(rec["label"], width),
                    "label": str(rec["label"]),
                    "series": names[col],
                    "value": None if pd.isna(value) else float(value),
                    **texts(value),
                }
            )
    return pd.DataFrame.from_records(records)


def _tips(names: Mapping[str, str], value_field: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("label:N", title=names["category"]),
        alt.Tooltip("series:N", title=names["measure"]),
        alt.Tooltip(f"{value_field}:N", title=names["value"]),
    ]


def absorption_pair_bars(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str]) -> dict:
    """Two absorption percentages per unit side by side (with and without blokir), horizontal.

    ``frame`` has ``label``, ``first`` and ``second``; ``names`` gives the two series' names
    (``first``, ``second``) and the tooltip's keys (``category``, ``measure``, ``value``).
    """
    rows = _two_series(frame, names, 24, lambda v: {"text": fmt_pct(None if pd.isna(v) else float(v), 2, lang)})
    axis = alt.Axis(labelExpr=pct_label_expr(lang), values=[0, 25, 50, 75, 100])
    series = [(names["first"], PAGU_COLOR), (names["second"], REALISASI_COLOR)]
    return _hbars(rows, lang, title, series, axis, 125, _tips(names, "text"))


def efficiency_bars(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str]) -> dict:
    """Capaian anggaran against capaian SS per sasaran (Tabel 3.24), efficiency rate in the category label.

    ``frame`` has ``label``, ``efficiency``, ``capaian_anggaran_pct`` and ``capaian_ss_pct``. A
    dotted line marks 100 %. ``names`` gives ``anggaran``, ``ss`` and ``rate``, and the tooltip's
    keys (``category``, ``measure``, ``value``).
    """
    series = (("capaian_anggaran_pct", names["anggaran"], PAGU_COLOR), ("capaian_ss_pct", names["ss"], REALISASI_COLOR))
    records = []
    for rec in frame.to_dict("records"):
        category = f"{rec['label']}\n{names['rate']}: {fmt_number(rec['efficiency'], 2, lang)}"
        for col, name, _ in series:
            value = None if pd.isna(rec[col]) else float(rec[col])
            records.append(
                {
                    "category": category,
                    "label": category.replace("\n", " · "),
                    "series": name,
                    "value": value,
                    "text": fmt_pct(value, 2, lang),
                }
            )
    rows = pd.DataFrame.from_records(records)
    order = list(dict.fromkeys(rows["category"]))
    seriesnames = [n for _, n, _ in series]
    enc = {
        "x": alt.X("category:N", sort=order, title=None, axis=alt.Axis(labelExpr=LINES, labelAngle=0, ticks=False)),
        "xOffset": alt.XOffset("series:N", sort=seriesnames),
        "y": alt.Y(
            "value:Q",
            title=None,
            scale=alt.Scale(domain=[0, 115], nice=False),
            axis=alt.Axis(labelExpr=pct_label_expr(lang), values=[0, 25, 50, 75, 100]),
        ),
    }
    color = alt.Color("series:N", scale=alt.Scale(domain=seriesnames, range=[c for _, _, c in series]), title=None)
    base = alt.Chart(rows).encode(**enc)
    bars = base.mark_bar().encode(color=color, tooltip=_tips(names, "text"))
    labels = base.mark_text(baseline="bottom", dy=-3, color="#31333f").encode(text="text:N")
    rule = alt.Chart(pd.DataFrame({"y": [100.0]})).mark_rule(color=RULE_COLOR, strokeDash=[3, 3]).encode(y="y:Q")
    return _finish(bars + labels + rule, lang, title, height=340)


def source_gap_bars(frame: pd.DataFrame, lang: str, title: str, names: Mapping[str, str]) -> dict:
    """Realisasi of each program from two sources side by side (OM-SPAN vs Monev Kemenkeu), horizontal.

    ``frame`` has ``label``, ``first`` and ``second``; ``names`` gives the two sources' names
    (``first``, ``second``) and the tooltip's keys (``category``, ``measure``, ``value``).
    """
    rows = _two_series(frame, names, 30, lambda v: {"text": fmt_rp_short(v, lang), "amount": fmt_rp(v, lang)})
    top = float(rows["value"].max()) if rows["value"].notna().any() else 1.0
    axis = alt.Axis(labelExpr=rp_label_expr([top], lang), tickCount=5)
    series = [(names["first"], REALISASI_COLOR), (names["second"], MONEV_COLOR)]
    return _hbars(rows, lang, title, series, axis, top * 1.2, _tips(names, "amount"))


BUILDERS: dict[str, Callable[[pd.DataFrame, str, str, Mapping[str, str]], dict]] = {
    "pagu_realisasi": pagu_realisasi_bars,
    "revision_pagu": lambda f, lang, title, names: revision_steps(f, lang, title, names, change=False),
    "revision_change": lambda f, lang, title, names: revision_steps(f, lang, title, names, change=True),
    "blokir": blokir_bars,
    "absorption_pair": absorption_pair_bars,
    "efficiency": efficiency_bars,
    "source_gap": source_gap_bars,
}


def build(chart: Chart, lang: str) -> dict:
    """The Vega-Lite spec of a ``views.anggaran.Chart`` in ``lang``."""
    return BUILDERS[chart.kind](chart.rows, lang, chart.title, chart.texts)
