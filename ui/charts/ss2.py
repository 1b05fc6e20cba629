"""Charts of the SS-2 Tata Kelola page (RB, Opini BPK, SPBE); builders return plotly figures and never draw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ui.format import fmt_number, fmt_pct
from ui.theme import PRIMARY, SERIES, STATUS_COLOR, style_figure

OPINI_ORDER = ("TMP", "TW", "WDP", "WTP")
"""Worst to best, the order of the y axis of the Opini BPK timeline."""

GAP_COLOR = "#d0d7de"


def _wrap(text: str, width: int = 38) -> str:
    """Break a long label into lines of about ``width`` characters for plotly (``<br>``)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


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
) -> go.Figure:
    """Each RB component's value as a share of its weight, the gap to the maximum stacked after it.

    Shares keep RB General (max 100) and RB Tematik (max 10) on one readable axis; the points
    themselves are written beside each bar and shown on hover.
    """
    share = [v / b * 100 for v, b in zip(nilai, bobot, strict=True)]
    gap = [b - v for v, b in zip(nilai, bobot, strict=True)]
    y = [_wrap(n, 20) for n in names]
    points = [
        f"{fmt_number(v, 2, lang)} / {fmt_number(b, 0, lang)} ({fmt_pct(sh, 1, lang)})"
        for v, b, sh in zip(nilai, bobot, share, strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(
        y=y,
        x=share,
        orientation="h",
        name=nilai_label,
        marker_color=PRIMARY,
        customdata=list(zip(nilai, bobot, strict=True)),
        hovertemplate="%{y}: %{customdata[0]:.2f} / %{customdata[1]:.0f} (%{x:.1f}%)<extra>" + nilai_label + "</extra>",
    )
    fig.add_bar(
        y=y,
        x=[100 - sh for sh in share],
        orientation="h",
        name=gap_label,
        marker_color=GAP_COLOR,
        customdata=gap,
        hovertemplate="%{y}: %{customdata:.2f}<extra>" + gap_label + "</extra>",
    )
    for label, text in zip(y, points, strict=True):
        fig.add_annotation(x=101, y=label, text=text, showarrow=False, xanchor="left", font={"size": 12})
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(range=[0, 150], tickvals=[0, 25, 50, 75, 100], ticksuffix="%", title=None)
    return style_figure(fig, lang, title, height=240)


def rb_indicators(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    component_labels: Mapping[str, str],
    hover_bobot: str,
    hover_skor_bobot: str,
) -> go.Figure:
    """One horizontal bar per Tabel 3.17 indicator (in the frame's order): capaian %, coloured by component.

    ``frame``: nomor, indikator, component_code, bobot, skor_bobot, capaian_recomputed_pct.
    """
    fig = go.Figure()
    labels = [f"{int(r.nomor)}. {_wrap(r.indikator, 46)}" for r in frame.itertuples()]
    order = labels
    for i, (code, label) in enumerate(component_labels.items()):
        part = frame["component_code"] == code
        sub = frame[part]
        fig.add_bar(
            y=[lb for lb, p in zip(labels, part, strict=True) if p],
            x=sub["capaian_recomputed_pct"],
            orientation="h",
            name=label,
            marker_color=SERIES[i],
            text=[fmt_pct(v, 1, lang) for v in sub["capaian_recomputed_pct"]],
            textposition="outside",
            cliponaxis=False,
            customdata=list(zip(sub["bobot"], sub["skor_bobot"], strict=True)),
            hovertemplate="%{y}<br>%{x:.2f}%<br>"
            + hover_bobot
            + ": %{customdata[0]:.2f}<br>"
            + hover_skor_bobot
            + ": %{customdata[1]:.2f}<extra></extra>",
        )
    fig.add_vline(x=100, line_dash="dot", line_color=STATUS_COLOR["hijau"])
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed", title=None, tickfont_size=11)
    fig.update_xaxes(range=[0, 125], tickvals=[0, 25, 50, 75, 100], ticksuffix="%", title=None)
    fig = style_figure(fig, lang, title, height=max(420, 34 * len(frame)))
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.03, "xanchor": "left", "x": 0})
    return fig


def index_history(
    years: Sequence[str],
    values: Sequence[float],
    lang: str,
    title: str,
    value_label: str,
    decimals: int = 2,
    target: float | None = None,
    target_label: str | None = None,
) -> go.Figure:
    """A printed index per year as bars with their values, and the current target as a dashed line."""
    fig = go.Figure(
        go.Bar(
            x=list(years),
            y=list(values),
            name=value_label,
            marker_color=PRIMARY,
            text=[fmt_number(v, decimals, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:." + str(decimals) + "f}<extra>" + value_label + "</extra>",
        )
    )
    top = max([*values, target or 0])
    if target is not None:
        fig.add_hline(
            y=target,
            line_dash="dash",
            line_color=STATUS_COLOR["merah"],
            annotation_text=f"{target_label}: {fmt_number(target, decimals, lang)}",
            annotation_position="top left",
        )
    low = min(values)
    fig.update_yaxes(range=[max(0, low - (top - low) * 1.5 - 1e-9), top + (top - low) * 0.5 + 1e-9], title=None)
    fig.update_xaxes(type="category", title=None)
    fig.update_layout(showlegend=False)
    return style_figure(fig, lang, title, height=300)


# --- Opini BPK -------------------------------------------------------------------------------


def opini_timeline(years: Sequence[str], opini: Sequence[str], lang: str, title: str) -> go.Figure:
    """The opinion per audited year on an ordinal axis (TMP < TW < WDP < WTP)."""
    colors = [STATUS_COLOR["hijau"] if o == "WTP" else STATUS_COLOR["kuning"] for o in opini]
    fig = go.Figure(
        go.Scatter(
            x=list(years),
            y=list(opini),
            mode="lines+markers+text",
            text=list(opini),
            textposition="top center",
            marker={"size": 16, "color": colors},
            line={"color": GAP_COLOR},
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(OPINI_ORDER), range=[-0.5, 3.7], title=None)
    fig.update_xaxes(type="category", title=None)
    fig.update_layout(showlegend=False)
    return style_figure(fig, lang, title, height=260)


# --- SPBE ------------------------------------------------------------------------------------


def spbe_compare(
    names: Sequence[str], series: Mapping[str, Sequence[float]], lang: str, title: str, height: int = 360
) -> go.Figure:
    """Grouped bars: Kemnaker next to the averages, one group per domain or aspect (scale 0-5)."""
    fig = go.Figure()
    x = [_wrap(n, 18) for n in names]
    for i, (label, values) in enumerate(series.items()):
        fig.add_bar(
            x=x,
            y=list(values),
            name=label,
            marker_color=SERIES[i],
            text=[fmt_number(v, 2, lang) for v in values],
            textposition="outside",
            textfont_size=10,
            cliponaxis=False,
            hovertemplate="%{x}: %{y:.2f}<extra>" + label + "</extra>",
        )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(range=[0, 5.4], dtick=1, title=None)
    fig.update_xaxes(title=None, tickfont_size=11)
    fig = style_figure(fig, lang, title, height=height)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.22, "xanchor": "left", "x": 0})
    return fig


def spbe_trend(frame: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """One line per domain over the evaluation years. ``frame``: year, label, nilai."""
    fig = go.Figure()
    for i, (label, part) in enumerate(frame.groupby("label", sort=False)):
        part = part.sort_values("year")
        fig.add_scatter(
            x=part["year"].astype(str),
            y=part["nilai"],
            mode="lines+markers+text",
            name=label,
            line_color=SERIES[i],
            text=[fmt_number(v, 2, lang) for v in part["nilai"]],
            textposition="top center",
            textfont_size=10,
            hovertemplate="%{x}: %{y:.2f}<extra>" + label + "</extra>",
        )
    fig.update_yaxes(range=[0, 5.2], dtick=1, title=None)
    fig.update_xaxes(type="category", title=None)
    fig = style_figure(fig, lang, title, height=420)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0})
    return fig


def spbe_groups(labels: Sequence[str], values: Sequence[float], highlight: str, lang: str, title: str) -> go.Figure:
    """The SPBE index of Kemnaker beside each group of institutions' average (Lampiran 8), sorted."""
    order = sorted(zip(values, labels, strict=True))
    colors = [STATUS_COLOR["merah"] if lb == highlight else PRIMARY for _, lb in order]
    fig = go.Figure(
        go.Bar(
            y=[lb for _, lb in order],
            x=[v for v, _ in order],
            orientation="h",
            marker_color=colors,
            text=[fmt_number(v, 2, lang) for v, _ in order],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.2f}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 5], dtick=1, title=None)
    fig.update_yaxes(title=None)
    fig.update_layout(showlegend=False)
    return style_figure(fig, lang, title, height=300)


def predikat_bands(
    bands: pd.DataFrame,
    markers: Mapping[str, float],
    lang: str,
    title: str,
    band_labels: Mapping[str, str],
) -> go.Figure:
    """The predikat bands of Tabel 3.18 as a strip 0-5 with the given index values marked on it."""
    colors = {
        1: "rgba(26,127,55,0.35)",
        2: "rgba(108,192,112,0.35)",
        3: "rgba(42,157,143,0.35)",
        4: "rgba(212,167,44,0.35)",
        5: "rgba(207,34,46,0.35)",
    }
    fig = go.Figure()
    for row in bands.sort_values("urutan", ascending=False).itertuples():
        lo = 0.0 if pd.isna(row.batas_bawah) else float(row.batas_bawah)
        label = band_labels.get(str(row.predikat), str(row.predikat))
        fig.add_bar(
            y=[""],
            x=[float(row.batas_atas) - lo],
            base=[lo],
            orientation="h",
            name=label,
            marker_color=colors.get(int(row.urutan), GAP_COLOR),
            textfont={"color": "#24292f", "size": 13},
            text=[label],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"{label}: {fmt_number(lo, 1, lang)}–{fmt_number(float(row.batas_atas), 1, lang)}<extra></extra>",
        )
    for i, (label, value) in enumerate(markers.items()):
        fig.add_vline(x=value, line_width=3, line_color=[PRIMARY, "#e07b00"][i % 2])
        fig.add_annotation(
            x=value,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            xanchor="right" if i % 2 == 0 else "left",
            text=f"{label}: {fmt_number(value, 4, lang)}",
            showarrow=False,
            font={"color": [PRIMARY, "#e07b00"][i % 2], "size": 12},
        )
    fig.update_layout(barmode="overlay", showlegend=False)
    fig.update_xaxes(range=[0, 5], dtick=0.5, title=None)
    fig.update_yaxes(visible=False)
    fig = style_figure(fig, lang, title, height=190)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 75 if title else 30, "b": 30})
    return fig
