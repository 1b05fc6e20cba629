"""Prioritas Nasional: the PN → program → kegiatan → output tree of one year, its tiles, treemap levels and tables.

Sources: Tabel 2.4 (pagu and output targets of the PN tree) and Lampiran 5 (the same rows with
realisasi), both printed as flat rows in order with a ``level``; each row's parent is the nearest
earlier row of a higher level (``kpi.hierarchy.parent_by_order``). Penyerapan = realisasi ÷ pagu ×
100; an output is reached when its realisasi output ≥ its target output. The Grand Totals printed
under both tables are the year-free figures ``T2.4.total.pagu_rp``, ``L5.total.pagu_rp`` and
``L5.total.realisasi_rp`` of the report year; a year whose report is not printed yet has none, and
the page then shows the recomputed totals only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kpi.budget import absorption_pct, source_gap_table
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_signed
from kpi.hierarchy import parent_by_order
from kpi.status import AMBER_FROM_PCT, GREEN_FROM_PCT
from views.common import Tile, escape_markdown, of_year, previous_in, printed_figures, status_label
from views.i18n import texts
from views.table import Column, Table, make_table

DATASETS = ("pn_realisasi", "pn_item", "printed_figure")
"""The frames :func:`page` reads."""
LEVELS = ("pn", "program", "kegiatan", "output")
SOURCES = ("Lampiran 5", "Tabel 2.4")
STATUSES = ("hijau", "kuning", "merah", "abu")
ROOT = "root"
"""The treemap's top: all PN."""
ALL = "semua"
"""The filter value meaning 'no filter' (as it appears in the URL: ``?pn=semua``)."""
PRINTED = ("T2.4.total.pagu_rp", "L5.total.pagu_rp", "L5.total.realisasi_rp")


@dataclass(frozen=True)
class Compare:
    """Tabel 2.4 against Lampiran 5: the same pagu on every row, the same Grand Total, the same names."""

    same: str | None
    """The all-agree sentence (``None`` when something differs)."""
    differ_head: str | None
    differ: Table | None
    total_diff: str | None
    names_head: str | None
    names_md: str
    """The names spelt differently, as Markdown with the names escaped (empty when none)."""


@dataclass(frozen=True, eq=False)
class Page:
    year: int
    title: str
    intro: str
    empty: bool
    tiles: tuple[Tile, ...]
    tree: pd.DataFrame
    """Lampiran 5 rows with ``id``, ``parent_id``, ``code``, ``label``, ``penyerapan_pct``, ``capaian_output_pct``,
    ``status`` and ``children`` (the number of rows directly below)."""
    total_pagu: float
    absorption: float | None
    colour_domain: tuple[float, float, float]
    branches: tuple[str, ...]
    """The treemap levels that can be opened: ``root`` and every row with rows below it."""
    node_titles: Mapping[str, str]
    parent_of: Mapping[str, str]
    treemap_hint: str
    names: Mapping[str, Mapping[str, str]]
    """``{"pn" | "program" | "kegiatan": {code: name}}`` for the filters."""
    statuses: tuple[str, ...]
    """The output statuses present, in hijau-kuning-merah-abu order."""
    bars: pd.DataFrame
    """One row per PN: ``label`` (PN 01), ``pagu_rp``, ``realisasi_rp``, ``penyerapan_pct``."""
    bar_texts: Mapping[str, str]
    compare: Compare


@dataclass(frozen=True, eq=False)
class Treemap:
    """One level of the tree: the boxes (``ui.charts.pn.pn_treemap``'s ``nodes``) and the chart's texts."""

    nodes: pd.DataFrame
    title: str
    subtitle: str
    labels: Mapping[str, str]
    colour_domain: tuple[float, float, float]


@dataclass(frozen=True)
class Outputs:
    table: Table
    shown: str
    """``12 dari 90 output ditampilkan.``"""


def _ratio_pct(part: pd.Series, whole: pd.Series) -> pd.Series:
    """``part / whole × 100`` per row, ``<NA>`` where either is missing or the whole is zero (kpi.capaian.ratio_pct)."""
    part, whole = part.astype("Float64"), whole.astype("Float64")
    return (part / whole * 100).where(whole.ne(0).fillna(False))


def _status(capaian: pd.Series) -> pd.Series:
    """kpi.status.status_of per row: hijau ≥ 100 %, kuning ≥ 80 %, merah below, abu unknown."""
    out = pd.Series("abu", index=capaian.index, dtype=object)
    out[capaian.lt(AMBER_FROM_PCT).fillna(False)] = "merah"
    out[capaian.ge(AMBER_FROM_PCT).fillna(False)] = "kuning"
    out[capaian.ge(GREEN_FROM_PCT).fillna(False)] = "hijau"
    return out


def tree(lampiran5: pd.DataFrame) -> pd.DataFrame:
    """One year's Lampiran 5 with each row's parent, code, label, absorption, output achievement and status."""
    real = lampiran5.sort_values("urutan").reset_index(drop=True)
    level = real["level"]
    real["parent"] = parent_by_order(real, LEVELS)
    code = (real["kegiatan_code"] + "." + real["output_code"]).astype(object)
    code = code.mask(level == "kegiatan", real["kegiatan_code"]).mask(level == "program", real["program_code"])
    real["code"] = code.mask(level == "pn", "PN " + real["pn_code"])
    real["label"] = real["code"] + " · " + real["name"]
    real["id"] = "n" + real["urutan"].astype(str)
    real["parent_id"] = ("n" + real["parent"].astype("string")).fillna(ROOT)
    real["penyerapan_pct"] = _ratio_pct(real["realisasi_rp"], real["pagu_rp"])
    real["capaian_output_pct"] = _ratio_pct(real["realisasi_output"], real["target_output"])
    real["status"] = _status(real["capaian_output_pct"])
    real["children"] = real["id"].map(real["parent_id"].value_counts()).fillna(0).astype(int)
    return real


def _totals(rows: pd.DataFrame) -> tuple[float, float, float | None, int]:
    """Pagu, realisasi and absorption of the PN rows, and the outputs reached."""
    pn = rows[rows["level"] == "pn"]
    outs = rows[rows["level"] == "output"]
    pagu, real = float(pn["pagu_rp"].sum()), float(pn["realisasi_rp"].sum())
    reached = int((outs["realisasi_output"] >= outs["target_output"]).fillna(False).sum())
    return pagu, real, absorption_pct(pagu, real), reached


def _join(items: list[str], and_: str) -> str:
    """``1, 3 dan 7``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {and_} " + items[-1] if items else ""


def _node_titles(rows: pd.DataFrame, branches: list[str], root: str) -> dict[str, str]:
    """``PN 01 › DN › 2172 · Pengembangan Model …`` per branch of the tree: the path to it, its own name last."""
    by_id = rows.set_index("id")
    code, parent, name = by_id["code"].to_dict(), by_id["parent_id"].to_dict(), by_id["name"].to_dict()
    titles = {ROOT: root}
    for node in branches[1:]:
        path, at = [], node
        while at != ROOT:
            path.append(str(code[at]))
            at = parent[at]
        own = str(name[node])
        titles[node] = " › ".join(reversed(path)) + " · " + (own if len(own) <= 70 else own[:68].rstrip() + " …")
    return titles


def _compare(rows: pd.DataFrame, item: pd.DataFrame, printed: dict[str, float | None], lang: str) -> Compare:
    """Tabel 2.4 (``item``) against Lampiran 5 (``rows``): pagu per row, the Grand Totals, the names."""
    s = texts("pn", lang)
    gap = source_gap_table(item, rows, "urutan", "pagu_rp", ("pagu_t24", "pagu_l5"))
    differ = gap[gap["selisih"].fillna(0) != 0].reset_index(drop=True)
    t24, l5 = printed["T2.4.total.pagu_rp"], printed["L5.total.pagu_rp"]
    totals_differ = t24 is not None and l5 is not None and t24 != l5
    same = None
    if differ.empty and not totals_differ:
        printed_total = t24 if t24 is not None else l5
        if printed_total is not None:
            same = s("compare_same", n=fmt_number(len(gap), 0, lang), v=fmt_rp(printed_total, lang))
        else:
            pagu = float(rows.loc[rows["level"] == "pn", "pagu_rp"].sum())
            same = s("compare_same_unprinted", n=fmt_number(len(gap), 0, lang), v=fmt_rp(pagu, lang))
    table = None
    if not differ.empty:
        labels = rows.set_index("urutan")["label"]
        frame = differ.assign(label=differ["urutan"].map(labels))
        table = make_table(
            frame,
            [
                Column("label", s("col_output")),
                Column("pagu_t24", s("col_t24"), "rp"),
                Column("pagu_l5", s("col_l5"), "rp"),
                Column("selisih", s("col_diff"), "rp"),
            ],
            lang,
            "pagu_tabel2_4_lampiran5",
            ("Tabel 2.4", "Lampiran 5"),
        )
    names = item[["urutan", "name"]].merge(rows[["urutan", "name"]], on="urutan", suffixes=("_t24", "_l5"))
    names = names[names["name_t24"] != names["name_l5"]]
    names_md = "\n".join(
        f"- Tabel 2.4: *{escape_markdown(a)}*\n- Lampiran 5: *{escape_markdown(b)}*"
        for a, b in zip(names["name_t24"], names["name_l5"], strict=True)
    )
    return Compare(
        same=same,
        differ_head=s("compare_diff", n=fmt_number(len(differ), 0, lang)) if not differ.empty else None,
        differ=table,
        total_diff=s("compare_total_diff", a=fmt_rp(t24, lang), b=fmt_rp(l5, lang)) if totals_differ else None,
        names_head=s("compare_names") if names_md else None,
        names_md=names_md,
    )


def _tiles(rows: pd.DataFrame, prev: pd.DataFrame | None, prev_year: int | None, printed, lang: str) -> tuple:
    """Pagu, realisasi, absorption, outputs and outputs reached, each against the previous year when it has rows."""
    s = texts("pn", lang)
    pagu, real, absorption, reached = _totals(rows)
    outs = rows[rows["level"] == "output"]
    n_out = len(outs)
    delta: dict[str, tuple[str | None, str]] = dict.fromkeys(
        ("pagu", "real", "abs", "outputs", "reached"), (None, "off")
    )
    if prev is not None and not prev.empty:
        p_pagu, p_real, p_abs, p_reached = _totals(prev)
        p_out = int((prev["level"] == "output").sum())

        def vs(d: float, text_: str, colour: str = "normal") -> tuple[str, str]:
            return s("vs_prev", d=text_, y=prev_year), colour if round(d, 9) else "off"

        def rp(d: float) -> str:
            return ("+" if d > 0 else "-" if d < 0 else "") + fmt_rp_short(abs(d), lang)

        # a bigger ceiling is neither good nor bad: no colour
        delta["pagu"], delta["real"] = vs(pagu - p_pagu, rp(pagu - p_pagu), "off"), vs(real - p_real, rp(real - p_real))
        if absorption is not None and p_abs is not None:
            delta["abs"] = vs(absorption - p_abs, s("pp", d=fmt_signed(absorption - p_abs, 2, lang)))
        delta["outputs"] = vs(n_out - p_out, fmt_signed(n_out - p_out, 0, lang), "off")
        delta["reached"] = vs(reached - p_reached, fmt_signed(reached - p_reached, 0, lang))
    t24, l5_real = printed["T2.4.total.pagu_rp"], printed["L5.total.realisasi_rp"]
    help_pagu = (
        s("help_pagu", full=fmt_rp(pagu, lang), v=fmt_rp(t24, lang))
        if t24 is not None
        else s("help_sum", full=fmt_rp(pagu, lang))
    )
    help_real = (
        s("help_real", full=fmt_rp(real, lang), v=fmt_rp(l5_real, lang))
        if l5_real is not None
        else s("help_sum", full=fmt_rp(real, lang))
    )
    level = rows["level"]
    return (
        Tile(s("tile_pagu"), fmt_rp_short(pagu, lang), *delta["pagu"], help=help_pagu, key="pn_tile_pagu"),
        Tile(s("tile_real"), fmt_rp_short(real, lang), *delta["real"], help=help_real, key="pn_tile_real"),
        Tile(s("tile_abs"), fmt_pct(absorption, 2, lang), *delta["abs"], help=s("help_abs"), key="pn_tile_abs"),
        Tile(
            s("tile_outputs"),
            fmt_number(n_out, 0, lang),
            *delta["outputs"],
            help=s("help_outputs", n=int((level == "kegiatan").sum()), p=int((level == "program").sum())),
            key="pn_tile_outputs",
        ),
        Tile(
            s("tile_reached"),
            fmt_number(reached, 0, lang),
            *delta["reached"],
            help=s("help_reached", a=fmt_number(reached, 0, lang), b=fmt_number(n_out, 0, lang)),
            key="pn_tile_reached",
        ),
    )


def page(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Page:
    """Everything the page shows of ``year`` that no widget changes (Lampiran 5, Tabel 2.4, printed Grand Totals)."""
    s = texts("pn", lang)
    lampiran5 = frames["pn_realisasi"]
    rows = tree(of_year(lampiran5, year))
    empty = rows.empty
    shown = printed_figures(frames, year)
    printed = {f: shown.get(f) for f in PRINTED}
    prev_year = previous_in(lampiran5, year)
    prev = of_year(lampiran5, prev_year) if prev_year is not None else None
    pagu, _, absorption, _ = _totals(rows)
    pct = rows["penyerapan_pct"].dropna().astype(float)
    lo = float(pct.min()) if len(pct) else 0.0
    hi = max(100.0, float(pct.max()) if len(pct) else 100.0)
    level = rows["level"]
    branches = [ROOT, *rows.loc[(level != "output") & (rows["children"] > 0), "id"]]
    pn_rows = rows[level == "pn"]
    return Page(
        year=year,
        title=s("title", y=year),
        intro=s(
            "intro",
            y=year,
            pns=_join([str(int(c)) if str(c).isdigit() else str(c) for c in pn_rows["pn_code"]], s("and")),
        ),
        empty=empty,
        tiles=_tiles(rows, prev, prev_year, printed, lang),
        tree=rows,
        total_pagu=pagu,
        absorption=absorption,
        colour_domain=(lo, absorption if absorption is not None else (lo + hi) / 2, hi),
        branches=tuple(branches),
        node_titles=_node_titles(rows, branches, s("root")) if not empty else {ROOT: s("root")},
        parent_of=dict(zip(rows["id"], rows["parent_id"], strict=True)),
        treemap_hint=s("treemap_hint", v=fmt_pct(absorption, 2, lang)),
        names={
            lv: dict(zip(r[f"{lv}_code"], r["name"], strict=True))
            for lv, r in ((lv, rows[level == lv].drop_duplicates(f"{lv}_code")) for lv in ("pn", "program", "kegiatan"))
        },
        statuses=tuple(st_ for st_ in STATUSES if st_ in set(rows.loc[level == "output", "status"])),
        bars=pd.DataFrame(
            {
                "label": "PN " + pn_rows["pn_code"].astype(str),
                "pagu_rp": pn_rows["pagu_rp"],
                "realisasi_rp": pn_rows["realisasi_rp"],
                "penyerapan_pct": pn_rows["penyerapan_pct"],
            }
        ).reset_index(drop=True),
        bar_texts={
            "title": s("bars_title"),
            "pagu": s("pagu"),
            "realisasi": s("realisasi"),
            "axis": s("bars_axis"),
            "absorption": s("penyerapan"),
        },
        compare=_compare(rows, of_year(frames["pn_item"], year), printed, lang),
    )


def treemap(model: Page, node: str, lang: str) -> Treemap:
    """The boxes of ``node``'s children (``root``: the PN), sized by pagu, with the path and totals as subtitle."""
    s = texts("pn", lang)
    rows = model.tree
    kids = rows[rows["parent_id"] == node]
    below = {"pn": "what_program", "program": "what_kegiatan", "kegiatan": "what_output"}
    hint = [
        s("open_hint", n=fmt_number(n, 0, lang), what=s(below[lv])) if n and lv in below else ""
        for n, lv in zip(kids["children"], kids["level"], strict=True)
    ]
    nodes = kids[["id", "code", "name", "pagu_rp", "realisasi_rp", "penyerapan_pct", "target_output"]].assign(
        realisasi_output=kids["realisasi_output"], satuan=kids["satuan"], hint=hint
    )
    at = rows.loc[rows["id"] == node]
    pagu = model.total_pagu if node == ROOT or at.empty else float(at["pagu_rp"].iloc[0])
    pct = model.absorption if node == ROOT or at.empty else at["penyerapan_pct"].iloc[0]
    title = model.node_titles.get(node, model.node_titles[ROOT])
    return Treemap(
        nodes=nodes.reset_index(drop=True),
        title=s("treemap_title"),
        subtitle=f"{title} — {fmt_rp_short(pagu, lang)} · {fmt_pct(pct, 2, lang)}",
        labels={
            "name": s("tip_name"),
            "pagu": s("pagu"),
            "realisasi": s("realisasi"),
            "penyerapan": s("penyerapan"),
            "target": s("target_output"),
            "realisasi_output": s("real_output"),
            "hint": s("tip_hint"),
            "colour": s("colorbar"),
        },
        colour_domain=model.colour_domain,
    )


def _outputs(model: Page) -> pd.DataFrame:
    return model.tree[model.tree["level"] == "output"]


def program_options(model: Page, pn: str) -> list[str]:
    """The programme codes offered once ``pn`` is chosen (``ALL``: every PN), in printed order."""
    outs = _outputs(model)
    if pn != ALL:
        outs = outs[outs["pn_code"] == pn]
    return list(dict.fromkeys(outs["program_code"].dropna()))  # an output row without a code offers none


def kegiatan_options(model: Page, pn: str, program: str) -> list[str]:
    """The kegiatan codes offered once ``pn`` and ``program`` are chosen, in printed order."""
    outs = _outputs(model)
    if pn != ALL:
        outs = outs[outs["pn_code"] == pn]
    if program != ALL:
        outs = outs[outs["program_code"] == program]
    return list(dict.fromkeys(outs["kegiatan_code"].dropna()))  # an output row without a code offers none


def outputs_table(model: Page, lang: str, pn: str, program: str, kegiatan: str, status: str) -> Outputs:
    """The outputs in the filters (each ``ALL`` or a code / status), Lampiran 5's figures per output."""
    s = texts("pn", lang)
    out = _outputs(model)
    mask = pd.Series(True, index=out.index)
    for col, value in (("pn_code", pn), ("program_code", program), ("kegiatan_code", kegiatan), ("status", status)):
        if value != ALL:
            mask &= (out[col] == value).fillna(False)
    shown = out[mask]
    frame = shown.assign(
        kode=shown["kegiatan_code"] + "." + shown["output_code"],
        abs_pct=shown["penyerapan_pct"].astype("Float64").round(2),
        cap_pct=shown["capaian_output_pct"].astype("Float64").round(2),
        status_text=shown["status"].map(lambda v: status_label(v, lang)),
    )
    table = make_table(
        frame,
        [
            Column("pn_code", s("col_pn")),
            Column("program_code", s("col_program")),
            Column("kode", s("col_kode")),
            Column("name", s("col_output")),
            Column("satuan", s("col_satuan")),
            Column("pagu_rp", s("col_pagu"), "int"),
            Column("realisasi_rp", s("col_real"), "int"),
            Column("abs_pct", s("col_abs"), "pct"),
            Column("target_output", s("col_target"), "int"),
            Column("realisasi_output", s("col_real_out"), "int"),
            Column("cap_pct", s("col_cap"), "pct"),
            Column("status_text", s("col_status")),
        ],
        lang,
        f"prioritas_nasional_output_{model.year}",
        SOURCES,
    )
    return Outputs(table, s("rows_shown", n=fmt_number(len(shown), 0, lang), m=fmt_number(len(out), 0, lang)))
