"""Charts of the Capaian Output page (Lampiran 6): quadrant scatter, budget treemap, province bars.

Every builder returns a Vega-Lite spec ``dict`` (house style from :mod:`ui.charts.vega`). Vega-Lite
has no treemap mark, so :func:`treemap_tiles` lays the boxes out with ``squarify`` and
:func:`treemap_chart` draws them as rectangles on hidden axes.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import squarify

from kpi.format import fmt_pct, fmt_rp_short
from kpi.outputs import STATUSES
from ui.charts.vega import finish
from views.common import status_label
from views.i18n import text
from views.output import CAP, quadrant_axes, quadrant_label
from views.theme import PRIMARY, STATUS_COLOR

__all__ = [
    "TREEMAP_HEIGHT", "TREEMAP_WIDTH", "province_chart", "quadrant_axes", "quadrant_chart", "quadrant_label",
    "quadrant_points", "status_label", "treemap_chart", "treemap_tiles",
]  # fmt: skip


TREEMAP_WIDTH = 1000.0
TREEMAP_HEIGHT = 480.0
"""The treemap's layout canvas, in units close to the pixels of a wide page's column."""
_HEADER = 20.0
"""Height of a group's label band in the treemap."""
_GREY = "#c9d1d9"
_PX_PER_UNIT = 0.8
"""Pixels per layout unit the labels are fitted for: the canvas is stretched to the page column (about 800 px)."""


def _tr(key: str, lang: str) -> str:
    """A chart text of the catalogue (``views/catalogue/output.py``): ``ch_<key>``, the levels ``lv_<level>``."""
    return text(f"output.{key if key.startswith('lv_') else 'ch_' + key}", lang)


def _status_scale(lang: str) -> alt.Scale:
    return alt.Scale(domain=[status_label(s, lang) for s in STATUSES], range=[STATUS_COLOR[s] for s in STATUSES])


# --- quadrant ------------------------------------------------------------------------------------


def quadrant_points(rows: pd.DataFrame, lang: str, cap: float = CAP) -> pd.DataFrame:
    """The quadrant's dots: one per output with penyerapan, capaian and anggaran, clipped to the axes.

    ``x``/``y`` are the plotted positions, ``clipped`` marks dots drawn on an axis limit.
    """
    data = rows.dropna(subset=["penyerapan_calc_pct", "capaian_calc_pct", "anggaran_rp"])
    (x_lo, x_hi), (y_lo, y_hi) = quadrant_axes(data, cap) if len(data) else ((0.0, 110.0), (0.0, 110.0))
    pen = data["penyerapan_calc_pct"].astype(float)
    cap_ = data["capaian_calc_pct"].astype(float)
    clipped = (pen > x_hi) | (pen < x_lo) | (cap_ > y_hi) | (cap_ < y_lo)
    labels = {s: status_label(s, lang) for s in STATUSES}

    def text(col: str) -> pd.Series:
        return data[col].astype("string").fillna("") if col in data.columns else pd.Series("", index=data.index)

    unit = text("unit_name").where(text("unit_name") != "", text("unit_code"))
    return pd.DataFrame(
        {
            "x": pen.clip(x_lo, x_hi).round(4),
            "y": cap_.clip(y_lo, y_hi).round(4),
            "anggaran_rp": data["anggaran_rp"].astype(float).clip(lower=0),
            "realisasi_rp": data["realisasi_rp"].astype(float),
            "penyerapan": pen.round(4),
            "capaian": cap_.round(4),
            "target": data["target"].astype(float),
            "realisasi": data["realisasi"].astype(float),
            "satuan": text("satuan"),
            "output": (text("kegiatan_code") + "/" + text("output_code") + " " + text("name")).str.strip(),
            "kegiatan": (text("kegiatan_code") + " " + text("kegiatan_name")).str.strip(),
            "unit": unit,
            "status": data["status"].map(labels),
            "shape": clipped.map({True: "triangle-up", False: "circle"}),
            "note": clipped.map({True: _tr("clipped", lang), False: ""}),
        }
    ).reset_index(drop=True)


def quadrant_chart(
    rows: pd.DataFrame, lang: str, title: str | None = None, cap: float = CAP, absorption_from: float = 100.0
) -> dict:
    """One dot per output: x penyerapan, y capaian (both recomputed), area anggaran, colour and legend status.

    Values beyond ``cap`` are drawn on the axis limit as triangles and say so in the tooltip.
    ``rows`` needs the columns of ``kpi.outputs.outputs`` plus optional ``kegiatan_name`` and
    ``unit_name``. Dashed rules at 100 % split the four quadrants, named in their corners.
    """
    pts = quadrant_points(rows, lang, cap)
    (x_lo, x_hi), (y_lo, y_hi) = (
        quadrant_axes(rows.dropna(subset=["penyerapan_calc_pct", "capaian_calc_pct", "anggaran_rp"]), cap)
        if len(pts)
        else ((0.0, 110.0), (0.0, 110.0))
    )
    x_scale = alt.Scale(domain=[x_lo, x_hi], nice=False, zero=False)
    y_scale = alt.Scale(domain=[y_lo, y_hi], nice=False, zero=False)
    size_max = float(pts["anggaran_rp"].max()) if len(pts) else 1.0
    dots = (
        alt.Chart(pts)
        .mark_point(filled=True, opacity=0.7, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("x:Q", scale=x_scale, title=_tr("x", lang)),
            y=alt.Y("y:Q", scale=y_scale, title=_tr("y", lang)),
            size=alt.Size("anggaran_rp:Q", scale=alt.Scale(domain=[0, size_max or 1.0], range=[16, 1600]), legend=None),
            color=alt.Color("status:N", scale=_status_scale(lang), title=None),
            shape=alt.Shape(
                "shape:N",
                scale=alt.Scale(domain=["circle", "triangle-up"], range=["circle", "triangle-up"]),
                legend=None,
            ),
            order=alt.Order("anggaran_rp:Q", sort="descending"),  # small dots on top of big ones
            tooltip=[
                alt.Tooltip("output:N", title=_tr("output", lang)),
                alt.Tooltip("kegiatan:N", title=_tr("kegiatan", lang)),
                alt.Tooltip("unit:N", title=_tr("unit", lang)),
                alt.Tooltip("anggaran_rp:Q", title=_tr("anggaran", lang), format="$,.0f"),
                alt.Tooltip("realisasi_rp:Q", title=_tr("realisasi_rp", lang), format="$,.0f"),
                alt.Tooltip("penyerapan:Q", title=_tr("penyerapan", lang), format=",.2f"),
                alt.Tooltip("target:Q", title=_tr("target", lang), format=",.2~f"),
                alt.Tooltip("realisasi:Q", title=_tr("realisasi", lang), format=",.2~f"),
                alt.Tooltip("satuan:N", title=_tr("satuan", lang)),
                alt.Tooltip("capaian:Q", title=_tr("capaian", lang), format=",.2f"),
                alt.Tooltip("status:N", title=_tr("status", lang)),
                alt.Tooltip("note:N", title=_tr("note", lang)),
            ],
        )
    )
    rules = [
        alt.Chart(pd.DataFrame({"v": [absorption_from]}))
        .mark_rule(color="#57606a", strokeDash=[5, 4], strokeWidth=1)
        .encode(x=alt.X("v:Q", scale=x_scale)),
        alt.Chart(pd.DataFrame({"v": [100.0]}))
        .mark_rule(color="#57606a", strokeDash=[5, 4], strokeWidth=1)
        .encode(y=alt.Y("v:Q", scale=y_scale)),
    ]
    corners = (
        ("hemat_tercapai", x_lo, y_hi, "left", "top"),
        ("terserap_tercapai", x_hi, y_hi, "right", "top"),
        ("belum_terserap_belum_tercapai", x_lo, y_lo, "left", "bottom"),
        ("terserap_belum_tercapai", x_hi, y_lo, "right", "bottom"),
    )
    labels = [
        alt.Chart(pd.DataFrame({"x": [x], "y": [y], "t": [quadrant_label(key, lang)]}))
        .mark_text(
            align=align, baseline=base, dx=6 if align == "left" else -6, dy=6 if base == "top" else -6,
            color="#57606a", fontStyle="italic",
        )
        .encode(x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), text="t:N")
        for key, x, y, align, base in corners
    ]  # fmt: skip
    return finish(alt.layer(*rules, dots, *labels), lang, title, height=480)


# --- provinces -----------------------------------------------------------------------------------


def province_chart(prov: pd.DataFrame, lang: str, title: str | None = None, satuan: str | None = None) -> dict:
    """Target vs realisasi per province (grouped horizontal bars), lowest capaian on top, capaian written beside.

    ``prov``: one row per province with ``province_name``, ``target``, ``realisasi``,
    ``capaian_calc_pct``, ``status`` and ``anggaran_rp``. The realisasi bar takes its status
    colour (Tercapai in the house blue), and the legend names each colour in words.
    """
    p = prov.sort_values(["capaian_calc_pct", "province_name"], ascending=[True, True]).reset_index(drop=True)
    order = list(p["province_name"].astype(str))
    statuses = [s for s in STATUSES if s in set(p["status"])]
    real_label = {s: f"{_tr('realisasi', lang)}: {status_label(s, lang)}" for s in STATUSES}
    colours = {real_label[s]: (PRIMARY if s == "hijau" else STATUS_COLOR[s]) for s in statuses}
    common = {
        "province": p["province_name"].astype(str),
        "capaian": p["capaian_calc_pct"].astype(float).round(4),
        "status": p["status"].map(lambda s: status_label(s, lang)),
        "anggaran_rp": p["anggaran_rp"].astype(float),
        "target": p["target"].astype(float),
        "realisasi": p["realisasi"].astype(float),
    }
    bars = pd.concat(
        [
            pd.DataFrame({**common, "series": _tr("target", lang), "value": p["target"].astype(float)}),
            pd.DataFrame({**common, "series": p["status"].map(real_label), "value": p["realisasi"].astype(float)}),
        ],
        ignore_index=True,
    )
    bars["slot"] = [0] * len(p) + [1] * len(p)  # target above realisasi within a province
    labels = pd.DataFrame(
        {
            "province": common["province"],
            "slot": 1,
            "value": p["realisasi"].astype(float),
            "text": [fmt_pct(c, 2, lang) for c in p["capaian_calc_pct"]],
        }
    )
    top = float(bars["value"].max()) if len(bars) else 1.0
    x_scale = alt.Scale(domain=[0, top * 1.14 or 1.0], nice=False)
    y = alt.Y("province:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    x_title = f"{_tr('target', lang)} / {_tr('realisasi', lang)}" + (f" ({satuan})" if satuan else "")
    tooltip = [
        alt.Tooltip("province:N", title=_tr("province", lang)),
        alt.Tooltip("target:Q", title=_tr("target", lang), format=",.2~f"),
        alt.Tooltip("realisasi:Q", title=_tr("realisasi", lang), format=",.2~f"),
        alt.Tooltip("capaian:Q", title=_tr("capaian", lang), format=",.2f"),
        alt.Tooltip("status:N", title=_tr("status", lang)),
        alt.Tooltip("anggaran_rp:Q", title=_tr("anggaran", lang), format="$,.0f"),
    ]
    bar_layer = (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            y=y,
            yOffset=alt.YOffset("slot:O"),
            x=alt.X("value:Q", scale=x_scale, title=x_title, axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "series:N",
                scale=alt.Scale(domain=[_tr("target", lang), *colours], range=[_GREY, *colours.values()]),
                title=None,
            ),
            tooltip=tooltip,
        )
    )
    text_layer = (
        alt.Chart(labels)
        .mark_text(align="left", dx=4, fontSize=11, color="#24292f")
        .encode(y=y, yOffset=alt.YOffset("slot:O"), x=alt.X("value:Q", scale=x_scale), text="text:N")
    )
    return finish(alt.layer(bar_layer, text_layer), lang, title, height=max(380, 26 * len(p)))


# --- treemap -------------------------------------------------------------------------------------


def _squarify(sizes: pd.Series, x: float, y: float, w: float, h: float) -> list[tuple[float, float, float, float]]:
    """``(x, y, dx, dy)`` boxes for ``sizes`` (largest first, all > 0) filling the rectangle."""
    if w <= 0 or h <= 0 or not len(sizes):
        return [(x, y, 0.0, 0.0)] * len(sizes)
    boxes = squarify.squarify(squarify.normalize_sizes(list(sizes.astype(float)), w, h), x, y, w, h)
    return [(b["x"], b["y"], b["dx"], b["dy"]) for b in boxes]


def _fits(text: str, width: float, px_per_char: float = 7.0) -> str:
    """``text`` cut (…) to what a box ``width`` units wide can show in the label font."""
    n = int((width * _PX_PER_UNIT - 10) / px_per_char)
    return text if len(text) <= n else (text[: max(n - 1, 0)] + "…" if n >= 4 else "")


def treemap_tiles(
    tree: pd.DataFrame,
    node: str = "",
    lang: str = "id",
    width: float = TREEMAP_WIDTH,
    height: float = TREEMAP_HEIGHT,
) -> pd.DataFrame:
    """The treemap boxes under ``node`` (a ``kpi.outputs.budget_tree`` id; ``""`` the top), laid out by anggaran.

    Two levels at a time: ``node``'s children are the groups (``kind == "group"``, a grey box
    with a label band when big enough) and their children the tiles (``kind == "tile"``) inside;
    a child without children of its own is a tile itself. ``drill`` is the node a click opens
    (the group, ``""`` when it has nothing below). ``label``/``sub`` hold the text a box can show
    (empty when too small), ``hint`` what a click opens; ``x, x2, y, y2`` are in a ``width`` × ``height`` canvas, y downwards.
    """
    positive = tree[tree["anggaran_rp"].astype(float).fillna(0) > 0]
    kids_of = {p: g for p, g in positive.groupby("parent", sort=False)}
    groups = kids_of.get(node)
    cols = ["kind", "id", "drill", "level", "level_name", "name", "x", "x2", "y", "y2", "anggaran_rp", "realisasi_rp",
            "penyerapan", "status", "label", "sub", "ink", "hint"]  # fmt: skip
    if groups is None or groups.empty:
        return pd.DataFrame(columns=cols)
    groups = groups.sort_values("anggaran_rp", ascending=False, kind="stable")
    statuses = {s: status_label(s, lang) for s in STATUSES}
    names = dict(zip(groups["id"], groups["label"].astype(str), strict=True))
    out: list[dict] = []

    def box(kind: str, r, rect, drill: str, label: str = "", sub: str = "") -> dict:
        pen = r["penyerapan_pct"]
        pen = None if pd.isna(pen) else float(pen)
        status = r.get("status")
        return {
            "kind": kind,
            "id": r["id"],
            "drill": drill,
            "level": r["level"],
            "level_name": _tr("lv_" + r["level"], lang),
            "name": r["label"],
            "x": rect[0],
            "x2": rect[0] + rect[2],
            "y": rect[1],
            "y2": rect[1] + rect[3],
            "anggaran_rp": float(r["anggaran_rp"]),
            "realisasi_rp": None if pd.isna(r["realisasi_rp"]) else float(r["realisasi_rp"]),
            "penyerapan": pen,
            "status": statuses.get(status, "") if isinstance(status, str) else "",
            "label": label,
            "sub": sub,
            # dark text on the scale's pale middle (about 65-90 %), white on its dark ends
            "ink": "#24292f" if pen is not None and 63 <= pen <= 91 else "white",
            "hint": _tr("open", lang).format(name=names.get(drill, "")) if drill else "",
        }

    def tile_text(r, rect) -> tuple[str, str]:
        if rect[2] * _PX_PER_UNIT < 60 or rect[3] < 36:
            return "", ""
        rp, pct = fmt_rp_short(r["anggaran_rp"], lang), fmt_pct(r["penyerapan_pct"], 1, lang)
        money = next((m for m in (f"{rp} · {pct}", rp) if _fits(m, rect[2]) == m), "")  # whole amounts or none
        return _fits(str(r["label"]), rect[2]), money

    def group_text(r, rect) -> str:
        """``DN Pembinaan … · Rp 2,53 T``: the name cut so that the amount stays."""
        money = f" · {fmt_rp_short(r['anggaran_rp'], lang)}"
        name = _fits(str(r["label"]), rect[2] - len(money) * 7.5 / _PX_PER_UNIT)
        return name + money if name else _fits(money[3:], rect[2])

    for (_, g), rect in zip(groups.iterrows(), _squarify(groups["anggaran_rp"], 0, 0, width, height), strict=True):
        kids = kids_of.get(g["id"])
        if kids is None or kids.empty:  # a leaf: the group is its own tile
            out.append(box("tile", g, rect, "", *tile_text(g, rect)))
            continue
        gx, gy, gw, gh = rect
        has_band = gw >= 60 and gh >= 2.5 * _HEADER
        band = _HEADER if has_band else 0.0
        title = group_text(g, rect) if has_band else ""
        out.append(box("group", g, rect, g["id"], title))
        kids = kids.sort_values("anggaran_rp", ascending=False, kind="stable")
        pad = 2.0 if gw > 12 and gh > 12 + band else 0.0
        inner = _squarify(kids["anggaran_rp"], gx + pad, gy + band + pad, gw - 2 * pad, gh - band - 2 * pad)
        for (_, k), kr in zip(kids.iterrows(), inner, strict=True):
            out.append(box("tile", k, kr, g["id"], *tile_text(k, kr)))
    return pd.DataFrame(out, columns=cols)


def treemap_chart(
    tiles: pd.DataFrame,
    lang: str,
    title: str | None = None,
    width: float = TREEMAP_WIDTH,
    height: float = TREEMAP_HEIGHT,
    select: str = "tm_pick",
) -> dict:
    """Boxes of :func:`treemap_tiles`: area anggaran, colour penyerapan (50 % red to 100 % blue), labels where they fit.

    A click selects the box's ``drill`` field through the point selection named ``select``
    (read with ``st.vega_lite_chart(..., on_select="rerun")``). The tooltip gives the full
    Rupiah, the penyerapan and, for an output, its capaian status in words.
    """
    t = tiles.assign(order=(tiles["kind"] == "tile").astype(int))
    x = alt.X("x:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=True), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[0, height], nice=False, reverse=True), axis=None)
    pick = alt.selection_point(name=select, fields=["drill"], on="click", clear=False, toggle=False)
    colour = alt.Color(
        "penyerapan:Q",
        scale=alt.Scale(scheme="redyellowblue", domain=[50, 100], clamp=True),
        title=_tr("penyerapan", lang),
        legend=alt.Legend(orient="right", gradientLength=200, format=",.0f"),
    )
    rects = (
        alt.Chart(t)
        .mark_rect(stroke="white", cursor="pointer")
        .encode(
            x=x,
            x2="x2:Q",
            y=y,
            y2="y2:Q",
            color=alt.condition("datum.kind === 'group'", alt.value("#eef1f4"), colour),
            strokeWidth=alt.condition("datum.kind === 'group'", alt.value(2), alt.value(1)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("level_name:N", title=_tr("level", lang)),
                alt.Tooltip("name:N", title=_tr("item", lang)),
                alt.Tooltip("anggaran_rp:Q", title=_tr("anggaran", lang), format="$,.0f"),
                alt.Tooltip("realisasi_rp:Q", title=_tr("realisasi_rp", lang), format="$,.0f"),
                alt.Tooltip("penyerapan:Q", title=_tr("penyerapan", lang), format=",.2f"),
                alt.Tooltip("status:N", title=_tr("status", lang)),
                alt.Tooltip("hint:N", title=_tr("click", lang)),
            ],
        )
        .add_params(pick)
    )
    group_text = (
        alt.Chart(t)
        .transform_filter("datum.kind === 'group' && datum.label !== ''")
        .mark_text(align="left", baseline="top", dx=5, dy=4, fontWeight="bold", color="#24292f")
        .encode(x=x, y=y, text="label:N")
    )
    name_text = (
        alt.Chart(t)
        .transform_filter("datum.kind === 'tile' && datum.label !== ''")
        .mark_text(align="left", baseline="top", dx=5, dy=5)
        .encode(x=x, y=y, text="label:N", color=alt.Color("ink:N", scale=None))
    )
    money_text = (
        alt.Chart(t)
        .transform_filter("datum.kind === 'tile' && datum.sub !== ''")
        .mark_text(align="left", baseline="top", dx=5, dy=20, fontSize=11)
        .encode(x=x, y=y, text="sub:N", color=alt.Color("ink:N", scale=None))
    )
    return finish(
        alt.layer(rects, group_text, name_text, money_text), lang, title, height=int(height), legend_bottom=False
    )
