"""Charts of the Prioritas Nasional page: the PN tree as a treemap and pagu vs realisasi per PN."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.theme import PRIMARY, SERIES, style_figure

ROOT_ID = "root"
LOW, MID, HIGH = "#b2182b", "#f7f7f7", "#2166ac"
"""Diverging absorption colours: red below the centre (spent less than all PN together), blue above."""


def node_id(urutan: object) -> str:
    """The treemap id of a printed row (its ``urutan``)."""
    return f"n{int(urutan)}"


def diverging_scale(lo: float, mid: float, hi: float) -> list[list]:
    """A red-white-blue colour scale over ``[lo, hi]`` whose white sits at ``mid`` (not at the middle of the range)."""
    if hi <= lo:
        return [[0.0, MID], [1.0, MID]]
    at = min(max((mid - lo) / (hi - lo), 0.0), 1.0)
    return [[0.0, LOW], [at, MID], [1.0, HIGH]]


def _wrap(text: str, width: int = 34) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def pn_treemap(
    tree: pd.DataFrame,
    lang: str,
    title: str,
    root_label: str,
    labels: Mapping[str, str],
    centre_pct: float | None,
    height: int = 620,
) -> go.Figure:
    """PN → program → kegiatan → output sized by pagu and coloured by absorption; click a box to drill down.

    ``tree`` has one row per printed row: ``urutan``, ``parent`` (urutan of the parent row, empty
    for a PN), ``level``, ``label``, ``pagu_rp``, ``realisasi_rp``, ``penyerapan_pct``, ``target_output``,
    ``realisasi_output``, ``satuan``. Ids and parents come from ``urutan``/``parent``; one root
    holds the PN, so the root's value is the total pagu. ``labels`` gives the hover captions
    (keys ``pagu``, ``realisasi``, ``penyerapan``, ``target``, ``realisasi_output``,
    ``colorbar``). The colour scale runs from the lowest absorption to 100 % (or the highest)
    with white at ``centre_pct`` (the absorption of all PN together).
    """
    top = tree[tree["parent"].isna()]
    total_pagu = float(top["pagu_rp"].sum())
    total_real = float(top["realisasi_rp"].sum())
    root = {
        "id": ROOT_ID,
        "parent": "",
        "label": root_label,
        "level": "root",
        "pagu_rp": total_pagu,
        "realisasi_rp": total_real,
        "penyerapan_pct": total_real / total_pagu * 100 if total_pagu else None,
        "target_output": None,
        "realisasi_output": None,
        "satuan": None,
    }
    rows = [root]
    for r in tree.itertuples(index=False):
        rows.append(
            {
                "id": node_id(r.urutan),
                "parent": ROOT_ID if pd.isna(r.parent) else node_id(r.parent),
                "label": r.label,
                "level": r.level,
                "pagu_rp": float(r.pagu_rp),
                "realisasi_rp": float(r.realisasi_rp),
                "penyerapan_pct": None if pd.isna(r.penyerapan_pct) else float(r.penyerapan_pct),
                "target_output": r.target_output,
                "realisasi_output": r.realisasi_output,
                "satuan": r.satuan,
            }
        )
    nodes = pd.DataFrame(rows)

    def outputs(row: pd.Series) -> str:
        if pd.isna(row["target_output"]):
            return ""
        unit = f" {row['satuan']}" if isinstance(row["satuan"], str) else ""
        return (
            f"<br>{labels['target']}: {fmt_number(row['target_output'], 0, lang)}{unit}"
            f"<br>{labels['realisasi_output']}: {fmt_number(row['realisasi_output'], 0, lang)}{unit}"
        )

    hover = [
        f"<b>{_wrap(r['label'], 60)}</b><br>{labels['pagu']}: {fmt_rp(r['pagu_rp'], lang)}"
        f"<br>{labels['realisasi']}: {fmt_rp(r['realisasi_rp'], lang)}"
        f"<br>{labels['penyerapan']}: {fmt_pct(r['penyerapan_pct'], 2, lang)}{outputs(r)}"
        for _, r in nodes.iterrows()
    ]
    tile_text = [
        f"{fmt_rp_short(p, lang)} · {fmt_pct(a, 1, lang)}"
        for p, a in zip(nodes["pagu_rp"], nodes["penyerapan_pct"], strict=True)
    ]
    colours = nodes["penyerapan_pct"].astype(float)
    lo, hi = float(colours.min()), max(100.0, float(colours.max()))
    mid = centre_pct if centre_pct is not None else (lo + hi) / 2
    fig = go.Figure(
        go.Treemap(
            ids=nodes["id"],
            parents=nodes["parent"],
            # Leaves of the first view wrap onto lines; branch headers stay on one line (wrapped, plotly shrinks them).
            labels=[
                _wrap(v) if lv in ("kegiatan", "output") else v
                for v, lv in zip(nodes["label"], nodes["level"], strict=True)
            ],
            values=nodes["pagu_rp"],
            branchvalues="total",
            maxdepth=4,
            text=tile_text,
            customdata=hover,
            texttemplate="<b>%{label}</b><br>%{text}",
            hovertemplate="%{customdata}<extra></extra>",
            marker={
                "colors": colours,
                "colorscale": diverging_scale(lo, mid, hi),
                "cmin": lo,
                "cmax": hi,
                "showscale": True,
                # Under the tree, not beside it: on a phone a side colour bar takes a third of the width.
                "colorbar": {
                    "title": {"text": labels["colorbar"], "side": "top"},
                    "ticksuffix": " %" if lang == "id" else "%",
                    "orientation": "h",
                    "thickness": 12,
                    "len": 0.6,
                    "x": 0.5,
                    "xanchor": "center",
                    "y": -0.02,
                    "yanchor": "top",
                },
            },
            pathbar={"visible": True},
            tiling={"pad": 2},
        )
    )
    fig = style_figure(fig, lang, title, height=height)
    fig.update_layout(margin={"l": 5, "r": 5, "t": 50, "b": 70})
    return fig


def pn_budget_bars(
    summary: pd.DataFrame,
    lang: str,
    title: str,
    pagu_label: str,
    realisasi_label: str,
    axis_label: str,
    absorption_label: str,
) -> go.Figure:
    """Pagu and realisasi per PN as paired horizontal bars, in billions of Rupiah on the axis.

    ``summary`` has ``label``, ``pagu_rp``, ``realisasi_rp`` and ``penyerapan_pct``, one row per PN
    in printed order (drawn top to bottom). Bar text is the short Rupiah, hover the full amount.
    """
    rows = summary.iloc[::-1]
    fig = go.Figure()
    for col, name, colour in (("realisasi_rp", realisasi_label, SERIES[1]), ("pagu_rp", pagu_label, PRIMARY)):
        hover = [
            f"<b>{lab}</b><br>{name}: {fmt_rp(v, lang)}<br>{absorption_label}: {fmt_pct(a, 2, lang)}"
            for lab, v, a in zip(rows["label"], rows[col], rows["penyerapan_pct"], strict=True)
        ]
        fig.add_bar(
            y=rows["label"],
            x=rows[col] / 1e9,
            name=name,
            orientation="h",
            marker_color=colour,
            text=[fmt_rp_short(v, lang) for v in rows[col]],
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    top = float(summary["pagu_rp"].max()) / 1e9 * 1.22
    fig.update_xaxes(title=axis_label, range=[0, top], tickformat=",.0f")
    fig.update_yaxes(title=None, automargin=True)
    fig.update_layout(barmode="group", legend={"traceorder": "reversed"})
    return style_figure(fig, lang, title, height=340)
