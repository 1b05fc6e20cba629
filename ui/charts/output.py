"""Charts of the Capaian Output page (Lampiran 6): quadrant scatter, budget treemap, province bars."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kpi.outputs import STATUSES
from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import COMMON, LANGS
from ui.theme import PRIMARY, STATUS_COLOR, STATUS_ICON, style_figure

_T: dict[str, tuple[str, str]] = {
    "x": ("Penyerapan anggaran (realisasi / anggaran)", "Budget absorption (spent / budget)"),
    "y": ("Capaian output (realisasi / target)", "Output achievement (actual / target)"),
    "terserap_tercapai": ("Terserap, tercapai", "Spent, achieved"),
    "hemat_tercapai": ("Tercapai, hemat", "Achieved, under budget"),
    "terserap_belum_tercapai": ("Terserap, belum tercapai", "Spent, not achieved"),
    "belum_terserap_belum_tercapai": ("Belum terserap, belum tercapai", "Under-spent, not achieved"),
    "terserap_belum_tercapai_br": ("Terserap,<br>belum tercapai", "Spent,<br>not achieved"),
    "belum_terserap_belum_tercapai_br": ("Belum terserap,<br>belum tercapai", "Under-spent,<br>not achieved"),
    "kegiatan": ("Kegiatan", "Activity"),
    "unit": ("Unit", "Unit"),
    "anggaran": ("Anggaran", "Budget"),
    "realisasi_rp": ("Realisasi anggaran", "Budget spent"),
    "penyerapan": ("Penyerapan", "Absorption"),
    "target": ("Target", "Target"),
    "realisasi": ("Realisasi", "Actual"),
    "capaian": ("Capaian", "Achievement"),
    "clipped": ("dipotong pada batas sumbu", "clipped at the axis limit"),
    "status": ("Status", "Status"),
}


def _tr(key: str, lang: str) -> str:
    return _T[key][LANGS.index(lang)]


def status_label(status: str, lang: str) -> str:
    """``✅ Tercapai``: icon and words of a status, without Streamlit."""
    return f"{STATUS_ICON[status]} {COMMON['status_' + status][LANGS.index(lang)]}"


def _hover_output(r: pd.Series, lang: str) -> str:
    satuan = f" {r['satuan']}" if isinstance(r.get("satuan"), str) else ""
    lines = [
        f"<b>{r['output_code']} {r['name']}</b>",
        f"{_tr('kegiatan', lang)}: {r['kegiatan_code']} {r.get('kegiatan_name') or ''}",
        f"{_tr('unit', lang)}: {r.get('unit_name') or r['unit_code']}",
        f"{_tr('anggaran', lang)}: {fmt_rp(r['anggaran_rp'], lang)}",
        f"{_tr('realisasi_rp', lang)}: {fmt_rp(r['realisasi_rp'], lang)}",
        f"{_tr('penyerapan', lang)}: {fmt_pct(r['penyerapan_calc_pct'], 2, lang)}",
        f"{_tr('target', lang)} / {_tr('realisasi', lang)}: {fmt_number(r['target'], 2 if r['target'] % 1 else 0, lang)}"
        f" / {fmt_number(r['realisasi'], 2 if r['realisasi'] % 1 else 0, lang)}{satuan}",
        f"{_tr('capaian', lang)}: {fmt_pct(r['capaian_calc_pct'], 2, lang)}",
        f"{_tr('status', lang)}: {status_label(r['status'], lang)}",
    ]
    return "<br>".join(lines)


def quadrant_axes(rows: pd.DataFrame, cap: float = 150.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges: x from 0, y from the lowest capaian rounded down to tens; both up to 110 % or the data, at most ``cap``."""
    x = rows["penyerapan_calc_pct"].astype(float)
    y = rows["capaian_calc_pct"].astype(float)
    x_hi = min(cap, max(110.0, math.ceil(x.max() / 10) * 10 + 5 if len(x) else 110.0))
    y_hi = min(cap, max(110.0, math.ceil(y.max() / 10) * 10 + 5 if len(y) else 110.0))
    y_lo = max(0.0, math.floor((min(y.min(), 100.0) - 5) / 10) * 10) if len(y) else 0.0
    return (0.0, x_hi), (y_lo, y_hi)


def quadrant_figure(
    rows: pd.DataFrame, lang: str, title: str | None = None, cap: float = 150.0, absorption_from: float = 100.0
) -> go.Figure:
    """One dot per output: x penyerapan, y capaian (both recomputed), size anggaran, colour status.

    Values beyond ``cap`` are drawn on the axis limit as triangles and say so in the hover.
    ``rows`` needs the columns of ``kpi.outputs.outputs`` plus optional ``kegiatan_name`` and
    ``unit_name``.
    """
    data = rows.dropna(subset=["penyerapan_calc_pct", "capaian_calc_pct", "anggaran_rp"]).copy()
    (x_lo, x_hi), (y_lo, y_hi) = quadrant_axes(data, cap) if len(data) else ((0.0, 110.0), (0.0, 110.0))
    fig = go.Figure()
    max_size = float(data["anggaran_rp"].max()) if len(data) else 1.0
    for status in STATUSES:
        part = data[data["status"] == status]
        if part.empty:
            continue
        x = part["penyerapan_calc_pct"].astype(float)
        y = part["capaian_calc_pct"].astype(float)
        clipped = (x > x_hi) | (y > y_hi) | (x < x_lo) | (y < y_lo)
        hover = [
            _hover_output(r, lang) + (f"<br><i>{_tr('clipped', lang)}</i>" if c else "")
            for (_, r), c in zip(part.iterrows(), clipped, strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=x.clip(x_lo, x_hi),
                y=y.clip(y_lo, y_hi),
                mode="markers",
                name=status_label(status, lang),
                marker={
                    "color": STATUS_COLOR[status],
                    "size": part["anggaran_rp"].astype(float).clip(lower=0),
                    "sizemode": "area",
                    "sizeref": 2.0 * max_size / (42.0**2),
                    "sizemin": 4,
                    "opacity": 0.7,
                    "line": {"width": 0.5, "color": "white"},
                    "symbol": ["triangle-up" if c else "circle" for c in clipped],
                },
                hovertext=hover,
                hoverinfo="text",
            )
        )
    fig.add_vline(x=absorption_from, line={"color": "#57606a", "dash": "dash", "width": 1})
    fig.add_hline(y=100, line={"color": "#57606a", "dash": "dash", "width": 1})
    corners = (
        ("hemat_tercapai", x_lo, y_hi, "left", "top"),
        ("terserap_tercapai", x_hi, y_hi, "right", "top"),
        ("belum_terserap_belum_tercapai_br", x_lo, y_lo, "left", "bottom"),
        ("terserap_belum_tercapai_br", x_hi, y_lo, "right", "bottom"),
    )
    for key, x, y, xa, ya in corners:
        fig.add_annotation(
            x=x, y=y, text=_tr(key, lang), showarrow=False, xanchor=xa, yanchor=ya,
            font={"size": 12, "color": "#57606a"}, bgcolor="rgba(255,255,255,0.8)", align=xa,
        )  # fmt: skip
    suffix = " %" if lang == "id" else "%"
    fig.update_xaxes(title=_tr("x", lang), range=[x_lo, x_hi], ticksuffix=suffix, zeroline=False)
    fig.update_yaxes(title=_tr("y", lang), range=[y_lo, y_hi], ticksuffix=suffix, zeroline=False)
    style_figure(fig, lang, title, height=520)
    fig.update_layout(legend={"itemsizing": "constant"})
    return fig


def treemap_figure(tree: pd.DataFrame, lang: str, title: str | None = None, root_label: str = "Kemnaker") -> go.Figure:
    """Program → unit → kegiatan → output sized by anggaran, coloured by penyerapan (``kpi.outputs.budget_tree``).

    The colour scale runs from 50 % (red) to 100 % (blue); the hover gives full Rupiah and, for
    outputs, the capaian status in words.
    """
    t = tree.copy()
    parents = t["parent"].where(t["parent"] != "", "__root__")
    status = t["status"] if "status" in t.columns else pd.Series(pd.NA, index=t.index)
    absorb = t["penyerapan_pct"].astype(float).fillna(0.0)
    hover = [
        "<br>".join(
            [
                f"<b>{r['label']}</b>",
                f"{_tr('anggaran', lang)}: {fmt_rp(r['anggaran_rp'], lang)} ({fmt_rp_short(r['anggaran_rp'], lang)})",
                f"{_tr('realisasi_rp', lang)}: {fmt_rp(r['realisasi_rp'], lang)}",
                f"{_tr('penyerapan', lang)}: {fmt_pct(r['penyerapan_pct'], 2, lang)}",
                *([f"{_tr('status', lang)}: {status_label(s, lang)}"] if isinstance(s, str) else []),
            ]
        )
        for (_, r), s in zip(t.iterrows(), status, strict=True)
    ]
    total = float(t.loc[t["parent"] == "", "anggaran_rp"].sum())
    fig = go.Figure(
        go.Treemap(
            ids=["__root__", *t["id"]],
            parents=["", *parents],
            labels=[root_label, *t["label"]],
            values=[total, *t["anggaran_rp"].astype(float)],
            branchvalues="total",
            marker={
                "colors": [float(absorb.mean()) if len(absorb) else 0.0, *absorb],
                "colorscale": "RdYlBu",
                "cmin": 50,
                "cmax": 100,
                "colorbar": {"title": {"text": _tr("penyerapan", lang)}, "ticksuffix": " %" if lang == "id" else "%"},
                "line": {"width": 1, "color": "white"},
            },
            hovertext=[f"<b>{root_label}</b><br>{_tr('anggaran', lang)}: {fmt_rp(total, lang)}", *hover],
            hoverinfo="text",
            textinfo="label",
            maxdepth=4,
            tiling={"pad": 2},
        )
    )
    style_figure(fig, lang, title, height=520)
    return fig


def province_figure(prov: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """Target vs realisasi per province (horizontal bars), lowest capaian on top, capaian written beside."""
    p = prov.sort_values(["capaian_calc_pct", "province_name"], ascending=[False, False]).reset_index(drop=True)
    names = p["province_name"].astype(str)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names, x=p["target"].astype(float), orientation="h", name=_tr("target", lang),
            marker={"color": "#c9d1d9"},
            hovertext=[f"{n}<br>{_tr('target', lang)}: {fmt_number(v, 0, lang)}" for n, v in zip(names, p["target"], strict=True)],
            hoverinfo="text",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Bar(
            y=names, x=p["realisasi"].astype(float), orientation="h", name=_tr("realisasi", lang),
            marker={"color": [PRIMARY if s == "hijau" else STATUS_COLOR[s] for s in p["status"]]},
            text=[fmt_pct(c, 2, lang) for c in p["capaian_calc_pct"]],
            textposition="outside", cliponaxis=False, textfont={"size": 11},
            hovertext=[
                f"{n}<br>{_tr('realisasi', lang)}: {fmt_number(v, 0, lang)}<br>{_tr('capaian', lang)}: "
                f"{fmt_pct(c, 2, lang)} ({status_label(s, lang)})<br>{_tr('anggaran', lang)}: {fmt_rp(a, lang)}"
                for n, v, c, s, a in zip(names, p["realisasi"], p["capaian_calc_pct"], p["status"], p["anggaran_rp"], strict=True)
            ],
            hoverinfo="text",
        )
    )  # fmt: skip
    style_figure(fig, lang, title, height=max(380, 26 * len(p) + 120))
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_xaxes(title=None, tickformat=",d", automargin=True)
    fig.update_yaxes(automargin=True, tickfont={"size": 11})
    return fig


def quadrant_label(quadrant: str, lang: str) -> str:
    """The words of a ``kpi.outputs`` quadrant: 'Tercapai, hemat'."""
    return _tr(quadrant, lang)
