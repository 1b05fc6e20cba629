"""Charts of the SS-2 Tata Kelola page (RB, Opini BPK, SPBE); builders return Vega-Lite spec dicts and never draw.

Every builder is pure (no Streamlit, inputs untouched) and returns :func:`ui.charts.vega.finish`'s
spec; the functions at the end build a section's charts from its ``views.ss2`` model, their
datasets already in Arrow (:func:`ui.charts.vega.with_arrow`). Labels written on the marks are strings already formatted by :mod:`kpi.format`; tooltips
show the same strings, so a reader sees ``78,73`` in Indonesian and ``78.73`` in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from kpi.format import fmt_number, fmt_pct
from ui.charts.vega import finish, with_arrow
from views import ss2 as views
from views.theme import PRIMARY, SERIES, STATUS_COLOR

OPINI_ORDER = ("TMP", "TW", "WDP", "WTP")
"""Worst to best, the order of the y axis of the Opini BPK timeline."""

GAP_COLOR = "#d0d7de"
HIGHLIGHT = SERIES[1]
"""Kemnaker among the SPBE groups and the simulated index on the predikat strip (not a status colour)."""
BAND_COLOR = {1: "#1a7f37", 2: "#6cc070", 3: "#2a9d8f", 4: "#d4a72c", 5: "#cf222e"}
"""Predikat bands by ``urutan`` (1 = Memuaskan ... 5 = Kurang), drawn at 35 % opacity."""

MULTILINE = "split(datum.label, '\\n')"
"""Axis ``labelExpr`` that writes a label holding newlines on several lines."""


def _wrap(text: str, width: int = 38) -> str:
    """Break a long label into lines of about ``width`` characters (joined by newlines, see MULTILINE)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _finish(chart: alt.TopLevelMixin, lang: str, title: str | None, height: int) -> dict:
    """:func:`ui.charts.vega.finish` with ``height`` the plotting area's in Streamlit too.

    Streamlit gives a spec without ``autosize`` the type ``fit``, which squeezes title, axes and
    legend into ``height``; ``fit-x`` fits only the width to the column.
    """
    spec = finish(chart, lang, title, height=height)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _pct_axis(lang: str) -> str:
    """Axis ``labelExpr`` adding the percent sign as ``kpi.format.fmt_pct`` writes it (``75 %`` / ``75%``)."""
    return "datum.label + ' %'" if lang == "id" else "datum.label + '%'"


# --- RB --------------------------------------------------------------------------------------


def rb_components(
    names: Sequence[str],
    nilai: Sequence[float],
    bobot: Sequence[float],
    lang: str,
    title: str,
    nilai_label: str,
    gap_label: str,
    bobot_label: str,
) -> dict:
    """Each RB component's value as a share of its weight, the gap to the maximum stacked after it.

    Shares keep RB General (max 100) and RB Tematik (max 10) on one readable axis; the points
    themselves are written beside each bar and shown in the tooltip.
    """
    rows = []
    for name, v, b in zip(names, nilai, bobot, strict=True):
        share = v / b * 100
        points = f"{fmt_number(v, 2, lang)} / {fmt_number(b, 0, lang)} ({fmt_pct(share, 1, lang)})"
        gap = f"{fmt_number(b - v, 2, lang)} ({fmt_pct(100 - share, 1, lang)})"
        for order, part, value, what in ((0, nilai_label, share, points), (1, gap_label, 100 - share, gap)):
            tip = f"{name} · {part}: {what}"
            rows.append(
                {"name": _wrap(name, 20), "part": part, "order": order, "share": value, "points": points, "tip": tip}
            )
    data = pd.DataFrame(rows)
    y = alt.Y("name:N", sort=[_wrap(n, 20) for n in names], title=None, axis=alt.Axis(labelExpr=MULTILINE))
    bars = (
        alt.Chart(data)
        .mark_bar(size=28)
        .encode(
            y=y,
            x=alt.X(
                "share:Q",
                stack="zero",
                title=None,
                scale=alt.Scale(domain=[0, 150]),
                axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr=_pct_axis(lang)),
            ),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=[nilai_label, gap_label], range=[PRIMARY, GAP_COLOR]),
            ),
            order=alt.Order("order:Q"),
            tooltip="tip:N",
        )
    )
    text = (
        alt.Chart(data[data["order"] == 0])
        .mark_text(align="left", dx=4, fontSize=12)
        .encode(y=y, x=alt.datum(100), text="points:N")
    )
    return _finish(alt.layer(bars, text), lang, title, height=140)


def rb_indicators(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    component_labels: Mapping[str, str],
    hover_bobot: str,
    hover_skor_bobot: str,
) -> dict:
    """One horizontal bar per Tabel 3.17 indicator (in the frame's order): capaian %, coloured by component.

    ``frame``: nomor, indikator, component_code, bobot, skor_bobot, capaian_recomputed_pct.
    """
    labels = [f"{int(n)}. {i}" for n, i in zip(frame["nomor"], frame["indikator"], strict=True)]
    cap = frame["capaian_recomputed_pct"].astype(float)
    data = pd.DataFrame(
        {
            "label": labels,
            "komponen": frame["component_code"].map(dict(component_labels)).astype(str).to_numpy(),
            "capaian": cap.to_numpy(),
            "capaian_text": [fmt_pct(v, 1, lang) for v in cap],
        }
    )
    data["tip"] = [
        f"{name} · {fmt_pct(c, 2, lang)} · {hover_bobot}: {fmt_number(float(b), 2, lang)}"
        f" · {hover_skor_bobot}: {fmt_number(float(sb), 2, lang)}"
        for name, c, b, sb in zip(labels, cap, frame["bobot"], frame["skor_bobot"], strict=True)
    ]
    # the indicator's name is written above its bar, across the column: long names stay whole and
    # the bars keep the full width (names as axis labels would take half of it)
    y = alt.Y("label:N", sort=labels, title=None, axis=None, scale=alt.Scale(paddingInner=0.55, paddingOuter=0.2))
    x = alt.X(
        "capaian:Q",
        title=None,
        scale=alt.Scale(domain=[0, 115], nice=False),
        axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr=_pct_axis(lang), orient="top"),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=x,
            color=alt.Color(
                "komponen:N",
                title=None,
                scale=alt.Scale(domain=list(component_labels.values()), range=SERIES[: len(component_labels)]),
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
            tooltip="tip:N",
        )
    )
    value = bars.mark_text(align="left", dx=4, fontSize=11).encode(text="capaian_text:N", color=alt.value("#24292f"))
    name = (
        alt.Chart(data)
        .mark_text(align="left", baseline="bottom", dy=-9, fontSize=12, color="#24292f")
        .encode(y=y, x=alt.datum(0), text="label:N", tooltip="tip:N")
    )
    rule = (
        alt.Chart(pd.DataFrame({"x": [100.0]}))
        .mark_rule(color=STATUS_COLOR["hijau"], strokeDash=[2, 3], strokeWidth=1.5)
        .encode(x="x:Q")
    )
    return _finish(alt.layer(bars, rule, value, name), lang, title, height=36 * len(frame))


def index_history(
    years: Sequence[str],
    values: Sequence[float],
    lang: str,
    title: str,
    value_label: str,
    decimals: int = 2,
    target: float | None = None,
    target_label: str | None = None,
) -> dict:
    """A printed index per year as bars with their values, and the current target as a dashed line.

    A year label may hold a newline: it is written on two lines.
    """
    data = pd.DataFrame(
        {
            "year": list(years),
            "value": [float(v) for v in values],
            "text": [fmt_number(v, decimals, lang) for v in values],
        }
    )
    data["tip"] = [
        f"{str(y).replace(chr(10), ' ')} · {value_label}: {t}" for y, t in zip(years, data["text"], strict=True)
    ]
    top = max([*values, target or 0])
    low = min(values)
    domain = [max(0.0, low - (top - low) * 1.5 - 1e-9), top + (top - low) * 0.5 + 1e-9]
    x = alt.X("year:N", sort=list(years), title=None, axis=alt.Axis(labelExpr=MULTILINE, labelAngle=0))
    bars = (
        alt.Chart(data)
        .mark_bar(color=PRIMARY, size=42, clip=True)
        .encode(
            x=x,
            y=alt.Y("value:Q", title=None, scale=alt.Scale(domain=domain, nice=False, zero=False)),
            tooltip="tip:N",
        )
    )
    layers = [bars, bars.mark_text(baseline="bottom", dy=-4, fontSize=12, color="#24292f").encode(text="text:N")]
    if target is not None:
        line = pd.DataFrame({"y": [float(target)], "text": [f"{target_label}: {fmt_number(target, decimals, lang)}"]})
        rule = alt.Chart(line).mark_rule(color=STATUS_COLOR["merah"], strokeDash=[6, 4], strokeWidth=1.5)
        layers.append(rule.encode(y="y:Q", tooltip="text:N"))
        layers.append(
            alt.Chart(line)
            .mark_text(align="left", baseline="bottom", dy=-3, x=4, color=STATUS_COLOR["merah"], fontSize=12)
            .encode(y="y:Q", text="text:N")
        )
    return _finish(alt.layer(*layers), lang, title, height=220)


# --- Opini BPK -------------------------------------------------------------------------------


def opini_timeline(years: Sequence[str], opini: Sequence[str], lang: str, title: str) -> dict:
    """The opinion per audited year on an ordinal axis (TMP < TW < WDP < WTP); WTP in green, others in amber."""
    data = pd.DataFrame({"year": list(years), "opini": list(opini)})
    data["status"] = ["WTP" if o == "WTP" else "other" for o in opini]
    data["tip"] = [f"{y}: {o}" for y, o in zip(years, opini, strict=True)]
    x = alt.X("year:N", sort=list(years), title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y(
        "opini:N",
        title=None,
        scale=alt.Scale(domain=list(reversed(OPINI_ORDER))),
        axis=alt.Axis(grid=True),
    )
    line = alt.Chart(data).mark_line(color=GAP_COLOR, strokeWidth=2).encode(x=x, y=y)
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=260, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=["WTP", "other"], range=[STATUS_COLOR["hijau"], STATUS_COLOR["kuning"]]),
                legend=None,
            ),
            tooltip="tip:N",
        )
    )
    text = points.mark_text(baseline="bottom", dy=-12, fontSize=13, fontWeight="bold").encode(
        text="opini:N", color=alt.value("#24292f")
    )
    return _finish(alt.layer(line, points, text), lang, title, height=190)


# --- SPBE ------------------------------------------------------------------------------------


def spbe_compare(
    names: Sequence[str], series: Mapping[str, Sequence[float]], lang: str, title: str, height: int = 360
) -> dict:
    """Grouped bars: Kemnaker next to the averages, one group per domain or aspect (scale 0-5).

    With more than four groups the values are written upright above the bars and the axis names
    each group by its code (the first word of its name), so nothing overlaps.
    """
    upright = len(names) > 4
    # many groups: the axis names each by its code (the first word), the tooltip gives the whole name
    shown = [n.split()[0] if upright else _wrap(n, 18) for n in names]
    rows = [
        {
            "name": shown[k],
            "series": label,
            "value": float(v),
            "text": fmt_number(v, 2, lang),
            "tip": f"{n} · {label}: {fmt_number(v, 2, lang)}",
        }
        for label, values in series.items()
        for k, (n, v) in enumerate(zip(names, values, strict=True))
    ]
    data = pd.DataFrame(rows)
    x = alt.X(
        "name:N",
        sort=shown,
        title=None,
        axis=alt.Axis(labelExpr=MULTILINE, labelAngle=0, labelFontSize=11),
    )
    y = alt.Y(
        "value:Q",
        title=None,
        scale=alt.Scale(domain=[0, 5.4 if not upright else 5.8], nice=False),
        axis=alt.Axis(values=[0, 1, 2, 3, 4, 5]),
    )
    offset = alt.XOffset("series:N", sort=list(series), scale=alt.Scale(paddingInner=0.05))
    color = alt.Color(
        "series:N", title=None, sort=list(series), scale=alt.Scale(domain=list(series), range=SERIES[: len(series)])
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            xOffset=offset,
            y=y,
            color=color,
            tooltip="tip:N",
        )
    )
    if upright:
        text = bars.mark_text(angle=270, align="left", baseline="middle", dx=3, fontSize=10, color="#24292f")
    else:
        text = bars.mark_text(baseline="bottom", dy=-2, fontSize=10, color="#24292f")
    text = text.encode(text="text:N", color=alt.value("#24292f"))
    return _finish(alt.layer(bars, text), lang, title, height=height)


def _spread(values: Sequence[float], gap: float) -> list[float]:
    """Positions for the labels of ``values`` at least ``gap`` apart, each as near its value as that allows.

    Labels that would overlap are pushed apart as a group centred on their values, so close points
    (2,30 and 2,18) keep readable labels beside them.
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    groups: list[list[int]] = []
    for i in order:
        groups.append([i])
        while len(groups) > 1:
            low, high = groups[-2], groups[-1]
            start_low = sum(values[j] for j in low) / len(low) - gap * (len(low) - 1) / 2
            start_high = sum(values[j] for j in high) / len(high) - gap * (len(high) - 1) / 2
            if start_low + gap * len(low) <= start_high:
                break
            groups[-2:] = [low + high]
    out = [0.0] * len(values)
    for group in groups:
        start = sum(values[j] for j in group) / len(group) - gap * (len(group) - 1) / 2
        for k, j in enumerate(group):
            out[j] = start + gap * k
    return out


def spbe_trend(frame: pd.DataFrame, lang: str, title: str) -> dict:
    """One line per domain or aspect over the evaluation years, values beside the points. ``frame``: year, label, nilai.

    Labels of close values are spread apart (:func:`_spread`) so none covers another.
    """
    order = list(dict.fromkeys(frame["label"]))
    data = pd.DataFrame(
        {
            "year": frame["year"].astype(int).astype(str).to_numpy(),
            "label": frame["label"].astype(str).to_numpy(),
            "nilai": frame["nilai"].astype(float).to_numpy(),
            "text": [fmt_number(float(v), 2, lang) for v in frame["nilai"]],
        }
    ).sort_values(["label", "year"])
    data["tip"] = data["label"] + " · " + data["year"] + ": " + data["text"]
    data["label_y"] = 0.0
    for _, part in data.groupby("year"):
        data.loc[part.index, "label_y"] = _spread(part["nilai"].tolist(), 0.2)
    years = sorted(data["year"].unique())
    x = alt.X("year:N", sort=years, title=None, axis=alt.Axis(labelAngle=0), scale=alt.Scale(padding=0.3))
    y = alt.Y(
        "nilai:Q",
        title=None,
        scale=alt.Scale(domain=[0, 5.2], nice=False),
        axis=alt.Axis(values=[0, 1, 2, 3, 4, 5], format=",.0f"),
    )
    color = alt.Color(
        "label:N",
        title=None,
        sort=order,
        scale=alt.Scale(domain=order, range=SERIES[: len(order)]),
        legend=alt.Legend(columns=2 if len(order) <= 4 else 1, labelLimit=320),
    )
    base = alt.Chart(data).encode(
        x=x,
        y=y,
        color=color,
        tooltip="tip:N",
    )
    lines = base.mark_line(point=alt.OverlayMarkDef(size=50, filled=True), strokeWidth=2)
    text = base.mark_text(align="left", baseline="middle", dx=7, fontSize=10).encode(
        y=alt.Y("label_y:Q", scale=alt.Scale(domain=[0, 5.2], nice=False)), text="text:N"
    )
    return _finish(alt.layer(lines, text), lang, title, height=300)


def spbe_groups(labels: Sequence[str], values: Sequence[float], highlight: str, lang: str, title: str) -> dict:
    """The SPBE index of Kemnaker beside each group of institutions' average (Lampiran 8), highest first."""
    order = sorted(zip(values, labels, strict=True), reverse=True)
    data = pd.DataFrame(
        {
            "label": [lb for _, lb in order],
            "value": [float(v) for v, _ in order],
            "text": [fmt_number(v, 2, lang) for v, _ in order],
            "mine": [lb == highlight for _, lb in order],
        }
    )
    data["tip"] = data["label"] + ": " + data["text"]
    y = alt.Y(
        "label:N",
        sort=data["label"].tolist(),
        title=None,
        axis=alt.Axis(
            labelFontWeight=alt.ExprRef(f"datum.label === {highlight!r} ? 'bold' : 'normal'"),
        ),
    )
    bars = (
        alt.Chart(data)
        .mark_bar(size=18)
        .encode(
            y=y,
            x=alt.X(
                "value:Q",
                title=None,
                scale=alt.Scale(domain=[0, 5], nice=False),
                axis=alt.Axis(values=[0, 1, 2, 3, 4, 5]),
            ),
            color=alt.Color("mine:N", scale=alt.Scale(domain=[False, True], range=[PRIMARY, HIGHLIGHT]), legend=None),
            tooltip="tip:N",
        )
    )
    text = bars.mark_text(align="left", dx=4, fontSize=12, color="#24292f").encode(
        text="text:N", color=alt.value("#24292f")
    )
    return _finish(alt.layer(bars, text), lang, title, height=26 * len(data))


def predikat_bands(
    bands: pd.DataFrame,
    markers: Mapping[str, float],
    lang: str,
    title: str,
    band_labels: Mapping[str, str],
) -> dict:
    """The predikat bands of Tabel 3.18 as a strip 0-5 with the given index values marked on it.

    The first marker's label is written left of its line, the second's right of it, so two close
    values stay readable.
    """
    rows = []
    for urutan, pred, lo, hi in zip(
        bands["urutan"], bands["predikat"], bands["batas_bawah"], bands["batas_atas"], strict=True
    ):
        lo = 0.0 if pd.isna(lo) else float(lo)
        label = band_labels.get(str(pred), str(pred))
        rows.append(
            {
                "lo": lo,
                "hi": float(hi),
                "mid": (lo + float(hi)) / 2,
                "label": label,
                "text": label.replace(" (", "\n("),  # "Very good\n(Sangat Baik)" fits its band
                # Vega sets a text's first line on y: two lines start higher, so the pair is centred
                "text_y": 0.5 + 0.11 * label.count(" ("),
                "color": BAND_COLOR.get(int(urutan), GAP_COLOR),
                "tip": f"{label}: {fmt_number(lo, 1, lang)}–{fmt_number(float(hi), 1, lang)}",
            }
        )
    strip = pd.DataFrame(rows)
    x_scale = alt.Scale(domain=[0, 5], nice=False)
    y_scale = alt.Scale(domain=[0, 1.7], nice=False)
    rect = (
        alt.Chart(strip)
        .mark_rect(opacity=0.35)
        .encode(
            x=alt.X(
                "lo:Q",
                title=None,
                scale=x_scale,
                axis=alt.Axis(values=[v / 2 for v in range(11)], format=",.1f", grid=False),
            ),
            x2="hi:Q",
            y=alt.datum(0, scale=y_scale, axis=None),
            y2=alt.datum(1),
            color=alt.Color("color:N", scale=None),
            tooltip="tip:N",
        )
    )
    band_text = (
        alt.Chart(strip)
        .mark_text(fontSize=13, color="#24292f", lineBreak="\n")
        .encode(
            x=alt.X("mid:Q", scale=x_scale),
            y=alt.Y("text_y:Q", scale=y_scale, axis=None),
            text="text:N",
            tooltip="tip:N",
        )
    )
    marks = pd.DataFrame(
        {
            "name": list(markers),
            "value": [float(v) for v in markers.values()],
            "text": [f"{k}: {fmt_number(v, 4, lang)}" for k, v in markers.items()],
            "side": [i % 2 for i in range(len(markers))],
        }
    )
    palette = alt.Scale(domain=list(markers), range=[[PRIMARY, HIGHLIGHT][i % 2] for i in range(len(markers))])
    rule = (
        alt.Chart(marks)
        .mark_rule(strokeWidth=3)
        .encode(
            x=alt.X("value:Q", scale=x_scale),
            y=alt.datum(0, scale=y_scale),
            y2=alt.datum(1.15),
            color=alt.Color("name:N", scale=palette, legend=None),
            tooltip="text:N",
        )
    )
    layers = [rect, band_text, rule]
    for side, align, dx in ((0, "right", -4), (1, "left", 4)):
        part = marks[marks["side"] == side]
        if part.empty:
            continue
        layers.append(
            alt.Chart(part)
            .mark_text(align=align, dx=dx, baseline="middle", fontSize=12, fontWeight="bold")
            .encode(
                x=alt.X("value:Q", scale=x_scale),
                y=alt.datum(1.35, scale=y_scale),
                text="text:N",
                color=alt.Color("name:N", scale=palette, legend=None),
            )
        )
    return _finish(alt.layer(*layers), lang, title, height=110)


# --- from the page model (views.ss2) ---------------------------------------------------------


def rb_history(model: views.Page, lang: str) -> dict:
    """The RB index per evaluation year against the year's target (the page's first-screen chart)."""
    r = model.rb
    return index_history(
        r.history["label"].tolist(),
        r.history["indeks"].tolist(),
        lang,
        r.history_title,
        r.history_label,
        target=r.target,
        target_label=r.target_label,
    )


def page_charts(model: views.Page, lang: str) -> dict[str, dict | None]:
    """The live charts that depend only on (year, language, data): RB components, Opini BPK, SPBE groups.

    The RB history is the first screen's picture (:func:`rb_history`, drawn on the server), not built here.
    """
    r, b, sp = model.rb, model.bpk, model.spbe
    out: dict[str, dict | None] = {"components": None, "bpk": None, "groups": None}
    if r.component_names:
        out["components"] = rb_components(
            r.component_names,
            r.component_nilai,
            r.component_bobot,
            lang,
            r.components_title,
            r.nilai_label,
            r.gap_label,
            r.bobot_label,
        )
    if b.years:
        out["bpk"] = opini_timeline(b.years, b.opini, lang, b.title)
    if sp.groups is not None:
        out["groups"] = spbe_groups(
            sp.groups["label"].tolist(), sp.groups["value"].tolist(), sp.highlight, lang, sp.groups_title
        )
    return {k: None if v is None else with_arrow(v) for k, v in out.items()}


def rb_indicator_chart(model: views.RbIndicators, lang: str) -> dict:
    """The Tabel 3.17 bars in the model's order."""
    spec = rb_indicators(
        model.chart, lang, model.title, model.component_labels, model.bobot_label, model.skor_bobot_label
    )
    return with_arrow(spec)


def level_charts(model: views.SpbeLevel, lang: str) -> dict[str, dict]:
    """Tabel 3.19 per domain or aspect: Kemnaker against the averages, and the trend over the years."""
    compare = spbe_compare(
        model.names, model.series, lang, model.compare_title, height=330 if model.level == "domain" else 360
    )
    trend = spbe_trend(model.trend, lang, model.trend_title)
    return {"compare": with_arrow(compare), "trend": with_arrow(trend)}


def simulation_bands(model: views.Simulation, lang: str) -> dict:
    """The predikat strip with the evaluated and the simulated index."""
    return with_arrow(predikat_bands(model.bands, model.markers, lang, model.bands_title, model.band_labels))
