"""Charts of the Prioritas Nasional page (Vega-Lite): one level of the PN tree as a treemap, pagu vs realisasi per PN.

Vega-Lite has no treemap mark, so :func:`treemap_layout` lays the boxes out here (the squarified
algorithm of the ``squarify`` package) and :func:`pn_treemap` draws them as rectangles on fixed,
hidden x/y scales, with a label in every box big enough to hold one.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd
import squarify

from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.charts.vega import finish
from views.theme import PRIMARY, SERIES

LOW, MID, HIGH = "#b2182b", "#f7f7f7", "#2166ac"
"""Diverging absorption colours: red below the centre (spent less than all PN together), blue above."""
NO_DATA = "#d0d7de"
"""A box whose absorption is unknown."""

LAYOUT_WIDTH = 1000.0
"""Width of the layout in scale units: about the page column's width in pixels on a laptop, so the
labels fitted to a box (:func:`box_text`) fit on screen too; a narrower column truncates them."""
CHAR_PX = 7.0
"""Average width of a character of the 12 px label font."""
LINE_PX = 15
PAD_PX = 6


def treemap_layout(sizes: Sequence[float], width: float, height: float) -> list[dict[str, float]]:
    """Squarified rectangles (``x``, ``y``, ``dx``, ``dy``) for ``sizes`` (positive, largest first) filling width × height."""
    if not len(sizes):
        return []
    return squarify.squarify(squarify.normalize_sizes(list(sizes), width, height), 0.0, 0.0, width, height)


def box_text(head: str, code: str, values: str, width_px: float, height_px: float) -> str:
    """The label that fits a box: ``head`` wrapped on as many lines as there is room for, then ``values``.

    A box with room for one line shows ``code`` only, a smaller one nothing (its tooltip still
    tells all). Lines are joined with ``\\n`` (the text mark's line break).
    """
    chars = int((width_px - 2 * PAD_PX) / CHAR_PX)
    lines = int((height_px - PAD_PX) / LINE_PX)
    if lines < 1 or chars < min(len(code), 4):
        return ""
    if lines == 1 or chars < 8:
        return code if len(code) <= chars else ""
    head_lines = textwrap.wrap(head, chars, max_lines=min(lines - 1, 4), placeholder=" …") or [code]
    return "\n".join([*head_lines, values] if len(values) <= chars else head_lines)


def _count(value: float | None, unit: str, lang: str) -> str:
    """``34.000 Orang``; ``–`` when missing."""
    return fmt_number(value, 0, lang) + ("" if value is None or pd.isna(value) else unit)


def _ink(pct: float | None, lo: float, mid: float, hi: float) -> str:
    """Label colour on a box: white on the deep ends of the diverging scale, dark on the pale middle."""
    if pct is None or pd.isna(pct):
        return "#1f2328"
    reach = (pct - mid) / (hi - mid) if pct >= mid else (mid - pct) / (mid - lo)
    return "white" if (reach if (hi - mid) and (mid - lo) else 0) > 0.55 else "#1f2328"


def pn_treemap(
    nodes: pd.DataFrame,
    lang: str,
    title: str,
    subtitle: str,
    labels: Mapping[str, str],
    colour_domain: tuple[float, float, float],
    height: int = 480,
) -> dict:
    """The boxes of one level of the PN tree, sized by pagu and coloured by absorption; click a box to open it.

    ``nodes`` has one row per box: ``id`` (what a click selects, in the point selection
    ``node``), ``code`` (``PN 01``, ``DN``, ``2172``, ``2172.001``), ``name``, ``pagu_rp``,
    ``realisasi_rp``, ``penyerapan_pct``, ``target_output``, ``realisasi_output``, ``satuan`` and
    ``hint`` (what a click opens, e.g. ``4 kegiatan``; empty for an output). Boxes without a
    positive pagu have no area and are left out. ``labels`` gives the tooltip captions (keys
    ``name``, ``pagu``, ``realisasi``, ``penyerapan``, ``target``, ``realisasi_output``, ``hint``)
    and the legend title (``colour``). ``colour_domain`` is (lowest, centre, highest) absorption:
    white at the centre (the absorption of all PN), the same scale on every level.
    """
    lo, mid, hi = (float(v) for v in colour_domain)
    drawn = nodes[nodes["pagu_rp"].fillna(0) > 0].sort_values("pagu_rp", ascending=False, kind="stable")
    width, height_u = LAYOUT_WIDTH, float(height)
    rects = treemap_layout(drawn["pagu_rp"].astype(float).tolist(), width, height_u)
    rows = []
    for r, box in zip(drawn.itertuples(index=False), rects, strict=True):
        pct = None if pd.isna(r.penyerapan_pct) else float(r.penyerapan_pct)
        unit = f" {r.satuan}" if isinstance(r.satuan, str) and r.satuan else ""
        values = f"{fmt_rp_short(r.pagu_rp, lang)} · {fmt_pct(pct, 1, lang)}"
        rows.append(
            {
                "id": r.id,
                "x": box["x"],
                "x2": box["x"] + box["dx"],
                "y": box["y"],
                "y2": box["y"] + box["dy"],
                "penyerapan_pct": pct,
                "label": f"{r.code} · {r.name}",
                "text": box_text(f"{r.code} · {r.name}", str(r.code), values, box["dx"], box["dy"]),
                "ink": _ink(pct, lo, mid, hi),
                "pagu": fmt_rp(r.pagu_rp, lang),
                "realisasi": fmt_rp(r.realisasi_rp, lang),
                "penyerapan": fmt_pct(pct, 2, lang),
                "target": _count(r.target_output, unit, lang),
                "realisasi_output": _count(r.realisasi_output, unit, lang),
                "hint": r.hint or "",
                "drill": bool(r.hint),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "id", "x", "x2", "y", "y2", "penyerapan_pct", "label", "text", "ink", "pagu", "realisasi",
            "penyerapan", "target", "realisasi_output", "hint", "drill",
        ],
    )  # fmt: skip
    tooltip = [
        alt.Tooltip("label:N", title=labels["name"]),
        alt.Tooltip("pagu:N", title=labels["pagu"]),
        alt.Tooltip("realisasi:N", title=labels["realisasi"]),
        alt.Tooltip("penyerapan:N", title=labels["penyerapan"]),
        alt.Tooltip("target:N", title=labels["target"]),
        alt.Tooltip("realisasi_output:N", title=labels["realisasi_output"]),
    ]
    if frame["drill"].any():
        tooltip.append(alt.Tooltip("hint:N", title=labels["hint"]))
    x = alt.X("x:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[0, height_u], nice=False, zero=False, reverse=True), axis=None)
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    colour = alt.Color(
        "penyerapan_pct:Q",
        scale=alt.Scale(domain=[lo, mid, hi], range=[LOW, MID, HIGH], interpolate="rgb"),
        legend=alt.Legend(
            title=labels["colour"],
            orient="bottom",
            direction="horizontal",
            gradientLength=320,
            values=[lo, mid, hi],
            format=",.1f",
        ),
    )
    clickable = {"expr": "datum.drill ? 'pointer' : 'default'"}
    # Both layers select the box's id: a click on a label must open the box as a click beside it does.
    boxes = base.mark_rect(stroke="white", strokeWidth=2, cursor=clickable).encode(
        x2="x2:Q", y2="y2:Q", color=alt.condition("isValid(datum.penyerapan_pct)", colour, alt.value(NO_DATA))
    )
    text = base.mark_text(
        align="left",
        baseline="top",
        dx=PAD_PX,
        dy=PAD_PX - 2,
        lineBreak="\n",
        lineHeight=LINE_PX,
        fontSize=12,
        cursor=clickable,
        limit={"expr": f"scale('x', datum.x2) - scale('x', datum.x) - {2 * PAD_PX}"},
    ).encode(text="text:N", color=alt.Color("ink:N", scale=None))
    chart = alt.layer(
        boxes.add_params(alt.selection_point(name="node", fields=["id"], on="click", toggle=False)),
        text.add_params(alt.selection_point(name="node_label", fields=["id"], on="click", toggle=False)),
    )
    return finish(chart, lang, title, height=height, subtitle=subtitle)


def pn_budget_bars(
    summary: pd.DataFrame,
    lang: str,
    title: str,
    pagu_label: str,
    realisasi_label: str,
    axis_label: str,
    absorption_label: str,
) -> dict:
    """Pagu and realisasi per PN as paired horizontal bars, in billions of Rupiah on the axis.

    ``summary`` has ``label``, ``pagu_rp``, ``realisasi_rp`` and ``penyerapan_pct``, one row per PN
    in printed order (drawn top to bottom, pagu above realisasi). Bar text is the short Rupiah,
    the tooltip the full amount and the absorption.
    """
    order = summary["label"].tolist()
    parts = []
    for col, name in (("pagu_rp", pagu_label), ("realisasi_rp", realisasi_label)):
        parts.append(
            pd.DataFrame(
                {
                    "pn": summary["label"].to_numpy(),
                    "series": name,
                    "miliar": summary[col].astype(float).to_numpy() / 1e9,
                    "text": [fmt_rp_short(v, lang) for v in summary[col]],
                    "amount": [fmt_rp(v, lang) for v in summary[col]],
                    "absorption": [fmt_pct(v, 2, lang) for v in summary["penyerapan_pct"]],
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    series = [pagu_label, realisasi_label]
    top = float(frame["miliar"].max()) * 1.25 if len(frame) else 1.0
    base = alt.Chart(frame).encode(
        y=alt.Y("pn:N", sort=order, title=None),
        yOffset=alt.YOffset("series:N", sort=series),
        x=alt.X(
            "miliar:Q", title=axis_label, scale=alt.Scale(domain=[0, top], nice=False), axis=alt.Axis(format=",.0f")
        ),
        tooltip=[
            alt.Tooltip("pn:N", title="PN"),
            alt.Tooltip("series:N", title=" "),
            alt.Tooltip("amount:N", title="Rp"),
            alt.Tooltip("absorption:N", title=absorption_label),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("series:N", sort=series, scale=alt.Scale(domain=series, range=[PRIMARY, SERIES[1]]), title=None)
    )
    text = base.mark_text(align="left", baseline="middle", dx=4).encode(text="text:N")
    return finish(alt.layer(bars, text), lang, title, height=80 * max(len(order), 1))
