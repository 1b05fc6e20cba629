"""Charts and formula text of the SS-1 Produktivitas page; builders return figures (or LaTeX) and never draw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ui.format import fmt_number, fmt_pct
from ui.theme import PRIMARY, SERIES, STATUS_COLOR, style_figure

_INT = ",.0f"


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
) -> go.Figure:
    """Realisasi of the IKSS per year as bars, the target as a dashed line with its value."""
    text = [fmt_pct(v, 2, lang) for v in realisasi]
    fig = go.Figure(
        go.Bar(
            x=[str(y) for y in years],
            y=list(realisasi),
            name=realisasi_label,
            marker_color=PRIMARY,
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:.2f}%<extra>" + realisasi_label + "</extra>",
        )
    )
    if target is not None:
        fig.add_hline(
            y=target,
            line_dash="dash",
            line_color=STATUS_COLOR["merah"],
            annotation_text=f"{target_label} {target_year}: {fmt_pct(target, 2, lang)}",
            annotation_position="top left",
        )
    top = max([*realisasi, target or 0]) * 1.25
    fig.update_yaxes(range=[0, top], ticksuffix="%", title=None)
    fig.update_xaxes(type="category", title=None)
    fig.update_layout(showlegend=False)
    return style_figure(fig, lang, title, height=280)


# --- Contribution of each PyB component ------------------------------------------------------


def contribution_waterfall(
    parts: Mapping[str, float], labels: Mapping[str, str], total_label: str, lang: str, title: str
) -> go.Figure:
    """P built up from its components in percentage points (the overlap PHI ∩ Binwas goes down)."""
    names = [labels[k] for k in parts] + [total_label]
    values = list(parts.values())
    total = sum(values)
    text = [fmt_number(v, 2, lang) for v in values] + [fmt_pct(total, 2, lang)]
    fig = go.Figure(
        go.Waterfall(
            x=names,
            y=[*values, total],
            measure=["relative"] * len(values) + ["total"],
            text=text,
            textposition="outside",
            cliponaxis=False,
            increasing={"marker": {"color": SERIES[2]}},
            decreasing={"marker": {"color": STATUS_COLOR["merah"]}},
            totals={"marker": {"color": PRIMARY}},
            connector={"line": {"color": "#bbbbbb"}},
            hovertemplate="%{x}: %{y:.3f}<extra></extra>",
        )
    )
    fig.update_yaxes(title=None, rangemode="tozero")
    fig.update_layout(showlegend=False)
    return style_figure(fig, lang, title, height=360)


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
) -> go.Figure:
    """One bar per row of ``frame`` for each column in ``series`` (column → legend label)."""
    fig = go.Figure()
    cats = frame[category].astype(str).tolist()
    for i, (col, label) in enumerate(series.items()):
        vals = frame[col].tolist()
        common = {"name": label, "marker_color": SERIES[i % len(SERIES)]}
        hover = f"%{{{'y' if horizontal else 'x'}}}: %{{{'x' if horizontal else 'y'}:{number_format}}}{unit}<extra>{label}</extra>"
        if horizontal:
            fig.add_trace(go.Bar(y=cats, x=vals, orientation="h", hovertemplate=hover, **common))
        else:
            fig.add_trace(go.Bar(x=cats, y=vals, hovertemplate=hover, **common))
    fig.update_layout(barmode="stack" if stacked else "group")
    if horizontal:
        fig.update_yaxes(autorange="reversed", title=None, automargin=True)
        fig.update_xaxes(title=None, tickformat=number_format)
    else:
        fig.update_xaxes(title=None, type="category", automargin=True)
        fig.update_yaxes(title=None, tickformat=number_format)
    if len(series) == 1:
        fig.update_layout(showlegend=False)
    h = height or (max(300, 28 * len(cats) * (1 if stacked else max(1, len(series) * 0.7)) + 90) if horizontal else 380)
    return style_figure(fig, lang, title, height=int(h))


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
) -> go.Figure:
    """A long frame (``year``, category, value) as bars: one series per year."""
    wide = frame.pivot_table(index=category, columns="year", values=value, aggfunc="sum", sort=False).reset_index()
    years = [c for c in wide.columns if c != category]
    wide.columns = [category, *[str(y) for y in years]]
    return grouped_bars(
        wide,
        category,
        {str(y): str(y) for y in years},
        lang,
        title,
        horizontal=horizontal,
        stacked=stacked,
        number_format=number_format,
        height=height,
    )


def job_creation_stack(
    frame: pd.DataFrame, totals: Mapping[int, float | None], lang: str, title: str, total_label: str
) -> go.Figure:
    """Tabel 3.4: the leaf interventions stacked per year, the printed total written above each bar."""
    leaves = frame[frame["parent_kode"].notna() & (frame["parent_kode"].astype(str) != "")]
    fig = go.Figure()
    for i, (kode, grp) in enumerate(leaves.sort_values("urutan").groupby("kode", sort=False)):
        name = f"{kode}. {grp['intervensi'].iloc[0]}"
        fig.add_trace(
            go.Bar(
                x=grp["year"].astype(str),
                y=grp["realisasi"],
                name=name,
                marker_color=SERIES[i % len(SERIES)],
                hovertemplate="%{x}: %{y:,.0f}<extra>" + name + "</extra>",
            )
        )
    years = sorted(totals)
    fig.add_trace(
        go.Scatter(
            x=[str(y) for y in years],
            y=[totals[y] for y in years],
            mode="text",
            name=total_label,
            text=[fmt_number(totals[y], 0, lang) for y in years],
            textposition="top center",
            showlegend=False,
            hovertemplate="%{x}: %{y:,.0f}<extra>" + total_label + "</extra>",
        )
    )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    top = max(v or 0 for v in totals.values()) * 1.15
    fig.update_yaxes(range=[0, top], tickformat=_INT, title=None)
    fig.update_xaxes(type="category", title=None)
    return _legend_below(style_figure(fig, lang, title, height=520))


def lines_by_year(
    frame: pd.DataFrame, category: str, value: str, lang: str, title: str, number_format: str = ",.2f", unit: str = ""
) -> go.Figure:
    """A long frame (``year``, category, value) as one line per category over the years."""
    fig = go.Figure()
    for i, (name, grp) in enumerate(frame.groupby(category, sort=False)):
        grp = grp.sort_values("year")
        fig.add_trace(
            go.Scatter(
                x=grp["year"].astype(str),
                y=grp[value],
                mode="lines+markers",
                name=str(name),
                line={"color": SERIES[i % len(SERIES)]},
                hovertemplate="%{x}: %{y:" + number_format + "}" + unit + "<extra>" + str(name) + "</extra>",
            )
        )
    fig.update_xaxes(type="category", title=None)
    fig.update_yaxes(title=None, tickformat=number_format)
    return _legend_below(style_figure(fig, lang, title, height=400))


def _legend_below(fig: go.Figure) -> go.Figure:
    """Long legend entries go under the plot, where they cannot cover the title."""
    fig.update_layout(legend={"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0, "xanchor": "left"})
    return fig


# --- The formula as LaTeX --------------------------------------------------------------------

TERMS = (
    r"J = \frac{PyB_{vokasi} + PyB_{penta}}{\Delta PyB}",
    r"H = \frac{PyB_{PHI} + PyB_{Binwas} - PyB_{PHI} \cap PyB_{Binwas}}{PyB_{formal}}",
)
"""The two shares the formula weighs: job creation (J) and protection (H)."""

FORMULA_WORKED = r"P = \left( J \times w + H \times \bar{w} \right) \times \frac{10\%}{w} \times 100\%"
"""The worked computation after Tabel 3.2: w = Sakernas wage, w̄ = mean UMP."""

FORMULA_LITERAL = r"P = \frac{\left( J \times \bar{w} + H \times \bar{w} \right) \times 10\%}{w} \times 100\%"
"""Tabel 3.1 as printed: both terms × w̄."""


def tex_number(value: float, decimals: int, lang: str) -> str:
    """A number for LaTeX, ``114.195`` / ``4{,}01`` in Indonesian (braces keep the comma tight)."""
    return fmt_number(value, decimals, lang).replace(",", "{,}")


def terms_substituted(values: Mapping[str, float], lang: str) -> tuple[str, str]:
    """J and H with the numbers written in, and their values (two lines, so each fits a phone)."""
    n = {k: tex_number(v, 0, lang) for k, v in values.items()}
    j = (values["pyb_vokasi"] + values["pyb_penta"]) / values["delta_pyb"]
    h = (values["pyb_phi"] + values["pyb_binwas"] - values["pyb_irisan"]) / values["pyb_formal"]
    return (
        rf"J = \frac{{{n['pyb_vokasi']} + {n['pyb_penta']}}}{{{n['delta_pyb']}}} = {tex_number(j, 4, lang)}",
        rf"H = \frac{{{n['pyb_phi']} + {n['pyb_binwas']} - {n['pyb_irisan']}}}{{{n['pyb_formal']}}}"
        rf" = {tex_number(h, 4, lang)}",
    )


def formula_substituted(values: Mapping[str, float], result_pct: float, lang: str, literal: bool = False) -> str:
    """P with J, H and the wages written in, and its result."""
    j = (values["pyb_vokasi"] + values["pyb_penta"]) / values["delta_pyb"]
    h = (values["pyb_phi"] + values["pyb_binwas"] - values["pyb_irisan"]) / values["pyb_formal"]
    w = tex_number(values["sakernas_wage_rp"], 0, lang)
    ump = tex_number(values["ump_rp"], 0, lang)
    jt, ht = tex_number(j, 4, lang), tex_number(h, 4, lang)
    w_first = ump if literal else w
    if literal:
        body = rf"\frac{{\left( {jt} \times {w_first} + {ht} \times {ump} \right) \times 10\%}}{{{w}}} \times 100\%"
    else:
        body = rf"\left( {jt} \times {w_first} + {ht} \times {ump} \right) \times \frac{{10\%}}{{{w}}} \times 100\%"
    return rf"P = {body} = {tex_number(result_pct, 2, lang)}\%"
