"""Charts of the Anggaran page (Tabel 2.3, 3.20-3.24, Lampiran 6): plotly figures, no streamlit calls.

Every builder takes the texts it shows (already translated) and the language for number
formats, so the same figure serves Indonesian and English. Rupiah axes and bar labels are short
(``Rp 6,14 T``); the hover gives the full amount.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.theme import PRIMARY, SERIES, style_figure

PAGU_COLOR = "#9dbbd8"
REALISASI_COLOR = PRIMARY
PCT_COLOR = SERIES[1]
BLOKIR_COLOR = SERIES[4]


def wrap(label: str, width: int = 22) -> str:
    """A long category label broken into short lines for an axis (``<br>`` between them)."""
    return "<br>".join(textwrap.wrap(str(label), width)) or str(label)


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def rp_ticks(values: Sequence[float], lang: str, include_zero: bool = True) -> tuple[list[float], list[str]]:
    """Tick positions and short Rupiah labels (``Rp 1,5 T``) covering ``values``."""
    vals = [float(v) for v in values if v is not None and not pd.isna(v)]
    if not vals:
        return [], []
    lo, hi = min(vals), max(vals)
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    step = _nice_step(hi - lo if hi > lo else abs(hi) or 1.0)
    start = math.floor(lo / step) * step
    ticks, v = [], start
    while v <= hi + step * 1e-9:
        ticks.append(v)
        v += step
    ticks.append(v)
    labels = [fmt_rp_short(t, lang, next((d for d in (0, 1, 2) if _clean(t, d)), 2)) if t != 0 else "0" for t in ticks]
    return ticks, labels


def _clean(value: float, decimals: int = 0) -> bool:
    """Whether ``value`` prints exactly in its short scale with ``decimals`` decimals."""
    for scale in (1e12, 1e9, 1e6):
        if abs(value) >= scale:
            scaled = value / scale
            return abs(round(scaled, decimals) - scaled) < 1e-9
    return True


def _legend_under_title(fig: go.Figure) -> None:
    """Title at the very top, legend left-aligned just above the plot: on a phone the legend
    wraps onto several lines and would otherwise run into the title."""
    fig.update_layout(
        title={"y": 0.985, "yanchor": "top"},
        margin={"t": 105},
        legend={"x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    )


def _rp_hover(values: Sequence[float], lang: str) -> list[str]:
    return [fmt_rp(v, lang) for v in values]


def pagu_realisasi_bars(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    names: dict[str, str],
    label_col: str = "label",
    pct_col: str = "penyerapan_pct",
    height: int = 420,
) -> go.Figure:
    """Grouped bars of pagu and realisasi per category, absorption % as dots on a right-hand axis.

    ``frame`` has ``label_col``, ``pagu_rp``, ``realisasi_rp`` (may be empty: then only pagu is
    drawn) and ``pct_col``. ``names`` gives the texts ``pagu``, ``realisasi``, ``penyerapan``.
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    labels = [wrap(v, 18) for v in frame[label_col]]
    has_real = frame["realisasi_rp"].notna().any()
    fig.add_bar(
        x=labels,
        y=frame["pagu_rp"],
        name=names["pagu"],
        marker_color=PAGU_COLOR,
        text=[fmt_rp_short(v, lang) for v in frame["pagu_rp"]],
        textposition="outside",
        cliponaxis=False,
        customdata=_rp_hover(frame["pagu_rp"], lang),
        hovertemplate="%{x}<br>" + names["pagu"] + ": %{customdata}<extra></extra>",
    )
    if has_real:
        fig.add_bar(
            x=labels,
            y=frame["realisasi_rp"],
            name=names["realisasi"],
            marker_color=REALISASI_COLOR,
            text=[fmt_rp_short(v, lang) for v in frame["realisasi_rp"]],
            textposition="outside",
            cliponaxis=False,
            customdata=_rp_hover(frame["realisasi_rp"], lang),
            hovertemplate="%{x}<br>" + names["realisasi"] + ": %{customdata}<extra></extra>",
        )
        pct = frame[pct_col].astype("float64")
        fig.add_scatter(
            x=labels,
            y=pct,
            name=names["penyerapan"],
            mode="markers+text",
            secondary_y=True,
            marker={"color": PCT_COLOR, "size": 11, "symbol": "diamond", "line": {"color": "white", "width": 1}},
            text=[fmt_pct(v, 2, lang) for v in pct],
            textposition="top center",
            textfont={"color": PCT_COLOR, "size": 12},
            hovertemplate="%{x}<br>" + names["penyerapan"] + ": %{text}<extra></extra>",
        )
        top = max(115.0, float(pct.max()) + 12) if pct.notna().any() else 115.0
        fig.update_yaxes(
            range=[0, top],
            secondary_y=True,
            tickvals=[0, 25, 50, 75, 100],
            ticktext=[fmt_pct(v, 0, lang) for v in (0, 25, 50, 75, 100)],
            showgrid=False,
        )
    values = [float(v) for v in [*frame["pagu_rp"], *frame["realisasi_rp"]] if pd.notna(v)]
    # headroom above the bars so the absorption dots (right axis, near 90 %) sit clear of them
    top_rp = max(values) * (1.6 if has_real else 1.15) if values else 1.0
    ticks = [(v, txt) for v, txt in zip(*rp_ticks([0.0, top_rp], lang), strict=True) if v <= top_rp]
    fig.update_yaxes(
        tickvals=[v for v, _ in ticks], ticktext=[txt for _, txt in ticks], secondary_y=False, range=[0, top_rp]
    )
    fig.update_layout(barmode="group", bargap=0.25, showlegend=True)
    style_figure(fig, lang, title, height=height)
    _legend_under_title(fig)
    return fig


def revision_step_chart(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    value_col: str,
    revisi_labels: dict[str, str],
    program_labels: dict[str, str],
    order: Sequence[str],
) -> go.Figure:
    """One step line per program across the PK revisions (Tabel 2.3): pagu, or its change since januari."""
    fig = go.Figure()
    codes = [c for c in program_labels if c in set(frame["program_code"])]
    for i, code in enumerate(codes):
        part = frame[frame["program_code"] == code].set_index("revisi").reindex(list(order))
        fig.add_scatter(
            x=[revisi_labels[r] for r in order],
            y=part[value_col],
            name=program_labels.get(code, code),
            mode="lines+markers",
            line={"shape": "hv", "width": 3, "color": SERIES[i % len(SERIES)]},
            marker={"size": 8},
            customdata=[fmt_rp(v, lang) if value_col == "pagu_rp" else _signed_rp(v, lang) for v in part[value_col]],
            hovertemplate="%{fullData.name}<br>%{x}: %{customdata}<extra></extra>",
        )
    # a line needs no zero baseline: the pagu view spans its own range so the steps stay visible
    tickvals, ticktext = rp_ticks(frame[value_col], lang, include_zero=value_col != "pagu_rp")
    fig.update_yaxes(tickvals=tickvals, ticktext=ticktext, range=[tickvals[0], tickvals[-1]] if tickvals else None)
    style_figure(fig, lang, title, height=400)
    _legend_under_title(fig)
    return fig


def _signed_rp(value: float, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    return ("+" if value > 0 else "") + fmt_rp(value, lang).replace("Rp -", "−Rp ")


def blokir_bars(frame: pd.DataFrame, lang: str, title: str, name: str, label_col: str = "label") -> go.Figure:
    """Horizontal bars of the pagu blokir per Eselon I unit (Tabel 3.22), largest on top."""
    part = frame.sort_values("blokir_rp")
    fig = go.Figure(
        go.Bar(
            y=[wrap(v, 26) for v in part[label_col]],
            x=part["blokir_rp"],
            orientation="h",
            name=name,
            marker_color=BLOKIR_COLOR,
            text=[fmt_rp_short(v, lang) for v in part["blokir_rp"]],
            textposition="outside",
            cliponaxis=False,
            customdata=_rp_hover(part["blokir_rp"], lang),
            hovertemplate="%{y}<br>" + name + ": %{customdata}<extra></extra>",
        )
    )
    tickvals, ticktext = rp_ticks(part["blokir_rp"], lang)
    fig.update_xaxes(tickvals=tickvals, ticktext=ticktext, range=[0, float(part["blokir_rp"].max()) * 1.5])
    style_figure(fig, lang, title, height=400)
    fig.update_layout(showlegend=False)
    return fig


def absorption_pair_bars(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    names: tuple[str, str],
    cols: tuple[str, str],
    label_col: str = "label",
) -> go.Figure:
    """Two absorption percentages per unit side by side (with and without blokir), horizontal."""
    part = frame.iloc[::-1]
    fig = go.Figure()
    for name, col, color in zip(names, cols, (PAGU_COLOR, REALISASI_COLOR), strict=True):
        vals = part[col].astype("float64")
        fig.add_bar(
            y=[wrap(v, 26) for v in part[label_col]],
            x=vals,
            orientation="h",
            name=name,
            marker_color=color,
            text=[fmt_pct(v, 2, lang) for v in vals],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>" + name + ": %{text}<extra></extra>",
        )
    fig.update_xaxes(range=[0, 118], ticksuffix=" %" if lang == "id" else "%")
    fig.update_layout(barmode="group", bargap=0.2)
    style_figure(fig, lang, title, height=480)
    _legend_under_title(fig)
    fig.update_layout(legend_traceorder="normal")
    return fig


def efficiency_bars(frame: pd.DataFrame, lang: str, title: str, names: dict[str, str]) -> go.Figure:
    """Capaian anggaran against capaian SS per sasaran (Tabel 3.24), efficiency rate in the label."""
    labels = [f"{row.label}<br>{names['rate']}: {fmt_number(row.efficiency, 2, lang)}" for row in frame.itertuples()]
    fig = go.Figure()
    for col, name, color in (
        ("capaian_anggaran_pct", names["anggaran"], PAGU_COLOR),
        ("capaian_ss_pct", names["ss"], REALISASI_COLOR),
    ):
        vals = frame[col].astype("float64")
        fig.add_bar(
            x=labels,
            y=vals,
            name=name,
            marker_color=color,
            text=[fmt_pct(v, 2, lang) for v in vals],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}<br>" + name + ": %{text}<extra></extra>",
        )
    fig.add_hline(y=100, line_dash="dot", line_color="#8c959f")
    fig.update_yaxes(range=[0, 115], ticksuffix=" %" if lang == "id" else "%")
    fig.update_layout(barmode="group", bargap=0.3)
    style_figure(fig, lang, title, height=400)
    _legend_under_title(fig)
    return fig


def source_gap_bars(
    frame: pd.DataFrame, lang: str, title: str, names: tuple[str, str], cols: tuple[str, str], label_col: str = "label"
) -> go.Figure:
    """Realisasi of each program from two sources side by side (OM-SPAN vs Monev Kemenkeu)."""
    fig = go.Figure()
    for name, col, color in zip(names, cols, (REALISASI_COLOR, SERIES[2]), strict=True):
        fig.add_bar(
            x=[wrap(v, 18) for v in frame[label_col]],
            y=frame[col],
            name=name,
            marker_color=color,
            text=[fmt_rp_short(v, lang) for v in frame[col]],
            textposition="outside",
            cliponaxis=False,
            customdata=_rp_hover(frame[col], lang),
            hovertemplate="%{x}<br>" + name + ": %{customdata}<extra></extra>",
        )
    values = [float(v) for v in [*frame[cols[0]], *frame[cols[1]]] if pd.notna(v)]
    tickvals, ticktext = rp_ticks(values, lang)
    fig.update_yaxes(tickvals=tickvals, ticktext=ticktext, range=[0, max(values) * 1.15] if values else None)
    fig.update_layout(barmode="group", bargap=0.3)
    style_figure(fig, lang, title, height=380)
    _legend_under_title(fig)
    return fig
