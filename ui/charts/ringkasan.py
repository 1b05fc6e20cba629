"""Charts of the Ringkasan Eksekutif page: small IKSS trends and the budget per year. Builders never draw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from ui.format import fmt_number, fmt_rp, fmt_rp_short
from ui.theme import PRIMARY, STATUS_COLOR, style_figure

_EARLIER = "#9db8d3"
"""Earlier years in a lighter shade of the primary colour, so the report year stands out."""


def _bar_colors(years: Sequence[int], year: int) -> list[str]:
    return [PRIMARY if y == year else _EARLIER for y in years]


def _finish_small(fig: go.Figure, lang: str, title: str) -> go.Figure:
    fig.update_xaxes(type="category", title=None, tickfont={"size": 13}, showgrid=False)
    fig.update_layout(showlegend=False)
    fig = style_figure(fig, lang, title, height=240)
    fig.update_layout(title_font_size=14, margin={"l": 6, "r": 6, "t": 40, "b": 6})
    return fig


def _target_line(fig: go.Figure, y: float, text: str) -> None:
    fig.add_hline(
        y=y,
        line_dash="dash",
        line_color=STATUS_COLOR["merah"],
        line_width=2,
        annotation_text=text,
        annotation_position="bottom right",
        annotation_font_size=12,
        annotation_font_color=STATUS_COLOR["merah"],
    )


def _points(x: list[str], y: list, text: list[str], years: Sequence[int], year: int) -> go.Scatter:
    """Realisasi as a line with labelled points, the report year's point larger and darker."""
    return go.Scatter(
        x=x,
        y=y,
        mode="lines+markers+text",
        text=text,
        textposition="top center",
        cliponaxis=False,
        textfont={"size": 13},
        line={"color": _EARLIER, "width": 3},
        marker={"size": [14 if yr == year else 9 for yr in years], "color": _bar_colors(years, year)},
        customdata=text,
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )


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
) -> go.Figure:
    """Realisasi of one IKSS per year as labelled points, the target of ``year`` as a dashed line.

    The axis is fitted to the values and the target (not from zero), so a rise from 76,10 to
    78,73 on an index is visible; every point carries its value, so no reading off an axis.
    """
    sfx = (" %" if lang == "id" else "%") if suffix == "%" else suffix
    text = [fmt_number(v, decimals, lang) + sfx if v is not None else "–" for v in realisasi]
    fig = go.Figure(_points([str(y) for y in years], list(realisasi), text, years, year))
    values = [v for v in realisasi if v is not None]
    if target is not None:
        _target_line(fig, target, f"{target_label} {year}: {fmt_number(target, decimals, lang)}{sfx}")
        values.append(target)
    if values:
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.3 or abs(hi) * 0.1 or 1
        fig.update_yaxes(range=[lo - pad, hi + pad * 1.2])
    fig.update_yaxes(title=None, showticklabels=False, showgrid=False, zeroline=False)
    return _finish_small(fig, lang, title)


def ordinal_trend(
    years: Sequence[int],
    realisasi: Sequence[str | None],
    target: str | None,
    ranks: Mapping[str, int],
    year: int,
    lang: str,
    title: str,
    target_label: str,
) -> go.Figure:
    """An ordinal IKSS (Opini BPK) per year on an axis of its grades (TMP < TW < WDP < WTP)."""
    heights = [ranks.get(v) if v else None for v in realisasi]
    text = [v or "–" for v in realisasi]
    fig = go.Figure(_points([str(y) for y in years], heights, text, years, year))
    if target:
        _target_line(fig, ranks[target], f"{target_label} {year}: {target}")
    grades = sorted(ranks, key=ranks.get)
    fig.update_yaxes(
        range=[min(ranks.values()) - 0.5, max(ranks.values()) + 0.8],
        tickvals=[ranks[g] for g in grades],
        ticktext=grades,
        title=None,
        showgrid=True,
        gridcolor="#eeeeee",
        zeroline=False,
    )
    return _finish_small(fig, lang, title)


def budget_trend(
    years: Sequence[int],
    pagu_rp: Sequence[float],
    notes: Sequence[str],
    year: int,
    lang: str,
    title: str | None,
    pagu_label: str,
    height: int = 300,
) -> go.Figure:
    """Pagu per year: short Rupiah on the bar, the full amount and ``notes`` (e.g. the largest unit) in the hover."""
    fig = go.Figure(
        go.Bar(
            x=[str(y) for y in years],
            y=list(pagu_rp),
            name=pagu_label,
            marker_color=_bar_colors(years, year),
            text=[fmt_rp_short(v, lang) for v in pagu_rp],
            textposition="outside",
            textfont={"size": 14},
            cliponaxis=False,
            customdata=[[fmt_rp(v, lang), n] for v, n in zip(pagu_rp, notes, strict=True)],
            hovertemplate=f"{pagu_label} %{{x}}: %{{customdata[0]}}<br>%{{customdata[1]}}<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False, bargap=0.35)
    fig.update_yaxes(range=[0, max(pagu_rp, default=1) * 1.15], title=None, showticklabels=False, showgrid=False)
    fig.update_xaxes(type="category", title=None, tickfont={"size": 13})
    return style_figure(fig, lang, title, height=height)
