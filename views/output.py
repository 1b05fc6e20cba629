"""Capaian Output (Lampiran 6): one year's outputs with filters, status tiles, quadrant, drill-down and tables.

Lampiran 6 prints one row per SS, IKSS, program, program per unit, sasaran/indikator program,
kegiatan, sasaran/indikator kegiatan and output, linked by ``parent_urutan``. Penyerapan
(realisasi_rp ÷ anggaran_rp × 100) and capaian (realisasi ÷ target × 100) are recomputed from the
printed amounts (``kpi.outputs.with_recomputed``); the report prints them as whole percent.

Two steps, so that a filter change does not redo the year: :func:`year_data` (frames, year,
language) holds everything no filter changes; :func:`scope` and the functions after it take that
and the widget values. Both are pure; the page caches each around its arguments.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kpi import outputs as ko
from kpi.budget import absorption_pct
from kpi.capaian import capaian_pct
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_signed
from kpi.status import status_of
from views.common import Tile, escape_markdown, of_year, previous_in, status_label
from views.i18n import text, texts
from views.table import Column, Table, make_table

DATASETS = ("output_capaian", "unit", "program", "province")
"""The frames :func:`year_data` reads."""
SOURCE = "Lampiran 6"
ALL = "all"
"""The filter value meaning 'no filter' (``?unit=all``)."""
CAP = 150.0
"""The quadrant's axes stop here; dots beyond are drawn on the edge."""
PROGRAM_ORDER = ("WA", "DN", "DL")
"""Programmes in the order the LKj lists them; any other code after them, alphabetically."""
RAW_COLS = ["urutan", "level", "ss_code", "program_code", "unit_code", "kegiatan_code", "output_code", "name",
            "satuan", "anggaran_rp", "realisasi_rp", "penyerapan_pct", "penyerapan_calc_pct", "target",
            "realisasi", "capaian_pct", "capaian_calc_pct", "target_text", "realisasi_text", "status", "catatan"]  # fmt: skip


def quadrant_label(quadrant: str, lang: str) -> str:
    """The words of a ``kpi.outputs`` quadrant: 'Tercapai, hemat'."""
    return text(f"output.q_{quadrant}", lang)


def short(value: str, n: int = 40) -> str:
    return value if len(value) <= n else value[: n - 1] + "…"


def quadrant_axes(rows: pd.DataFrame, cap: float = CAP) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges: x from 0, y from the lowest capaian rounded down to tens; both up to 110 % or the data, at most ``cap``."""
    x = rows["penyerapan_calc_pct"].astype(float)
    y = rows["capaian_calc_pct"].astype(float)
    x_hi = min(cap, max(110.0, math.ceil(x.max() / 10) * 10 + 5 if len(x) else 110.0))
    y_hi = min(cap, max(110.0, math.ceil(y.max() / 10) * 10 + 5 if len(y) else 110.0))
    y_lo = max(0.0, math.floor((min(y.min(), 100.0) - 5) / 10) * 10) if len(y) else 0.0
    return (0.0, x_hi), (y_lo, y_hi)


# --- the dataclasses the page draws --------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class YearData:
    """What no filter changes: the annotated rows, the outputs, names and filter options of one year."""

    year: int
    empty: bool
    intro: str
    rows: pd.DataFrame
    """Every Lampiran 6 row, recomputed, with ``catatan``, ``code``, ``level_name`` and ``n_sub``."""
    by_urutan: pd.DataFrame
    outs: pd.DataFrame
    prev_year: int | None
    prev_outs: pd.DataFrame | None
    unit_names: Mapping[str, str]
    program_names: Mapping[str, str]
    kegiatan_names: Mapping[str, str]
    unit_opts: tuple[str, ...]
    prog_opts: tuple[str, ...]
    prov_all: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Scope:
    """The outputs in the filters: status tiles (of the filters), the outputs shown (of the statuses too)."""

    shown: pd.DataFrame
    tiles: tuple[Tile, ...]
    summary: str
    quadrant_title: str
    quadrant_note: str
    quadrants: tuple[tuple[str, str], ...]
    """(quadrant words, number of outputs) in ``kpi.outputs.QUADRANTS`` order."""
    list_title: str
    """``Daftar output (270)``."""


@dataclass(frozen=True)
class Crumb:
    target: object
    """What the crumb opens (a Lampiran 6 ``urutan`` or a budget-map id)."""
    label: str
    """Markdown, names escaped."""
    help: str


@dataclass(frozen=True)
class Head:
    text: str
    """Markdown: the level and code in bold, the name escaped."""
    metrics: tuple[tuple[str, str, str | None], ...]
    note: str


@dataclass(frozen=True, eq=False)
class Drill:
    crumbs: tuple[Crumb, ...]
    head: Head | None
    urutan: tuple[int, ...]
    n_sub: tuple[int, ...]
    table: Table
    open_labels: Mapping[int, str]


@dataclass(frozen=True, eq=False)
class Provinces:
    per: pd.DataFrame
    """One row per province (summed): ``province_name``, ``target``, ``realisasi``, ``anggaran_rp``,
    ``capaian_calc_pct``, ``status`` (``ui.charts.output.province_chart``'s input)."""
    satuan: str | None
    title: str
    table: Table


@dataclass(frozen=True, eq=False)
class BudgetMap:
    tree: pd.DataFrame
    """``kpi.outputs.budget_tree`` of the outputs shown."""
    labels: Mapping[str, str]
    openable: frozenset[str]


# --- formatting ----------------------------------------------------------------------------------


def _auto(values: pd.Series, lang: str) -> list[str]:
    """Numbers with the decimals they need (672, 1.234,50); ``–`` when missing."""
    out = []
    for v in pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64"):
        out.append("–" if pd.isna(v) else fmt_number(v, 0 if float(v).is_integer() else 2, lang))
    return out


def _num_texts(values: pd.Series, printed: pd.Series | None, lang: str) -> list[str]:
    """Targets or realisasi as printed: text values ('WTP') as they are, numbers with the decimals they need."""
    nums = _auto(values, lang)
    if printed is None:
        return nums
    return [p if isinstance(p, str) and p != "" else n for p, n in zip(printed, nums, strict=True)]


def _badges(statuses: pd.Series, lang: str) -> pd.Series:
    labels = {s: status_label(s, lang) for s in ko.STATUSES}
    return statuses.map(labels).fillna("")


def _table(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    lang: str,
    name: str,
    raw: pd.DataFrame | None = None,
    numeric_text: Sequence[str] = (),
) -> Table:
    """``views.table.make_table`` with Lampiran 6 as source; ``raw`` replaces the downloaded frame when given,
    ``numeric_text`` names text columns holding numbers already written (right-aligned too)."""
    table = make_table(frame.reset_index(drop=True), columns, lang, name, (SOURCE,))
    return replace(
        table,
        raw=table.raw if raw is None else raw.reset_index(drop=True),
        right=table.right + tuple(numeric_text),
    )


# --- the year ------------------------------------------------------------------------------------


def _notes(rows: pd.DataFrame, gaps: dict[str, pd.Series], lang: str) -> list[str]:
    """The 'Catatan' of each row: printed percentages rounding cannot explain, sums that do not add up."""
    s = texts("output", lang)
    out = []
    for r in rows.itertuples(index=False):
        notes = []
        if r.penyerapan_differs:
            p, c = fmt_pct(r.penyerapan_pct, 0, lang), fmt_pct(r.penyerapan_calc_pct, 2, lang)
            notes.append(s("n_pen", p=p, c=c))
        if r.capaian_differs:
            notes.append(s("n_cap", p=fmt_pct(r.capaian_pct, 0, lang), c=fmt_pct(r.capaian_calc_pct, 2, lang)))
        for col, label in (("anggaran_rp", "c_anggaran"), ("realisasi_rp", "c_realisasi_rp")):
            d = gaps[col].get(int(r.urutan))
            if d is not None and not pd.isna(d) and d != 0:
                notes.append(s("n_sum", col=s(label), d=fmt_rp(d, lang)))
        out.append("; ".join(notes))
    return out


def annotated_rows(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Lampiran 6 rows with recomputed percentages and each row's 'Catatan' in ``lang``."""
    rows = ko.with_recomputed(raw)
    urutan = rows["urutan"].astype(int)
    gaps = {c: ko.children_sum_gap(rows, c) for c in ("anggaran_rp", "realisasi_rp")}
    noted = rows["penyerapan_differs"].astype(bool) | rows["capaian_differs"].astype(bool)
    for gap in gaps.values():
        g = urutan.map(gap).astype("Float64")
        noted |= (g.notna() & (g != 0)).fillna(False).to_numpy(dtype=bool)
    rows["catatan"] = ""
    rows.loc[noted, "catatan"] = _notes(rows[noted], gaps, lang)
    return rows


def node_codes(rows: pd.DataFrame, unit_names: Mapping[str, str]) -> pd.Series:
    """The code a row is known by: ``SS-1``, ``WA``, ``WA · Setjen``, ``4053``, ``003``."""
    code = pd.Series("", index=rows.index, dtype=object)
    for level, col in (("ss", "ss_code"), ("program", "program_code"), ("kegiatan", "kegiatan_code"), ("output", "output_code")):  # fmt: skip
        m = (rows["level"] == level) & rows[col].notna()
        code[m] = rows.loc[m, col].astype(str)
    m = rows["level"] == "program_unit"
    unit = rows.loc[m, "unit_code"]
    code[m] = rows.loc[m, "program_code"].astype(str) + " · " + unit.map(unit_names).fillna(unit).astype(str)
    return code


def _lookup(frame: pd.DataFrame | None, year: int) -> pd.DataFrame:
    """A code table's rows of ``year``, else of the newest earlier year it has (names rarely change)."""
    if frame is None:
        return pd.DataFrame(columns=["code", "name", "short_name"])
    rows = of_year(frame, year)
    before = previous_in(frame, year)
    return rows if not rows.empty or before is None else of_year(frame, before)


def year_data(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> YearData:
    """Everything the page needs from the year's Lampiran 6 that no filter changes."""
    s = texts("output", lang)
    l6 = frames["output_capaian"]
    rows = annotated_rows(of_year(l6, year), lang)
    units = _lookup(frames.get("unit"), year)
    unit_names = dict(zip(units["code"], units["short_name"], strict=True))
    programs = _lookup(frames.get("program"), year)
    program_names = dict(zip(programs["code"], programs["name"], strict=True))
    keg_rows = rows[rows["level"] == "kegiatan"]
    kegiatan_names = dict(zip(keg_rows["kegiatan_code"], keg_rows["name"], strict=False))
    rows["code"] = node_codes(rows, unit_names)
    rows["level_name"] = [s(f"lv_{v}") for v in rows["level"]]
    rows["n_sub"] = rows["urutan"].astype(int).map(ko.child_counts(rows)).to_numpy()
    outs = ko.outputs(rows)
    outs["unit_name"] = outs["unit_code"].map(unit_names)
    outs["kegiatan_name"] = outs["kegiatan_code"].map(kegiatan_names)
    present = set(outs["unit_code"].dropna())
    programs_present = outs["program_code"].dropna().unique()
    order = {c: i for i, c in enumerate(PROGRAM_ORDER)}
    prev_year = previous_in(l6, year)
    prev_outs = ko.outputs(of_year(l6, prev_year)) if prev_year is not None else None
    return YearData(
        year=year,
        empty=rows.empty,
        intro=s("intro", y=year),
        rows=rows,
        by_urutan=rows.set_index(rows["urutan"].astype(int)),
        outs=outs,
        prev_year=prev_year,
        prev_outs=prev_outs,
        unit_names=unit_names,
        program_names=program_names,
        kegiatan_names=kegiatan_names,
        unit_opts=(ALL, *[u for u in units["code"] if u in present]),
        prog_opts=(ALL, *sorted(programs_present, key=lambda c: (c not in order, order.get(c, 0), c))),
        prov_all=ko.province_rows(outs, _lookup(frames.get("province"), year)),
    )


def kegiatan_options(d: YearData, unit: str, program: str) -> tuple[str, ...]:
    """The kegiatan offered once ``unit`` and ``program`` are chosen (``ALL`` first)."""
    scope_ = ko.outputs_in_scope(
        d.outs, unit=None if unit == ALL else unit, program=None if program == ALL else program
    )
    return (ALL, *sorted(scope_["kegiatan_code"].dropna().unique()))


# --- the filtered outputs ------------------------------------------------------------------------


def _in_filters(outs: pd.DataFrame, unit: str, program: str, kegiatan: str) -> pd.DataFrame:
    return ko.outputs_in_scope(
        outs,
        unit=None if unit == ALL else unit,
        program=None if program == ALL else program,
        kegiatan=None if kegiatan == ALL else kegiatan,
    )


def scope(d: YearData, lang: str, unit: str, program: str, kegiatan: str, statuses: Sequence[str]) -> Scope:
    """The outputs in the filters (status tiles count these) and those of the chosen ``statuses`` too (shown)."""
    s = texts("output", lang)
    in_filters = _in_filters(d.outs, unit, program, kegiatan)
    shown = ko.outputs_in_scope(in_filters, statuses=list(statuses))
    total = float(shown["anggaran_rp"].sum()) if len(shown) else None
    spent = float(shown["realisasi_rp"].sum()) if len(shown) else None
    summary = (
        f"{s('n_outputs')}: **{fmt_number(len(in_filters), 0, lang)}** · "
        f"{s('shown')}: **{fmt_number(len(shown), 0, lang)}** · "
        f"{s('c_anggaran')}: **{fmt_rp_short(total, lang)}** ({fmt_rp(total, lang)}) · "
        f"{s('c_penyerapan')}: **{fmt_pct(absorption_pct(total, spent), 2, lang)}**"
    )
    note = s("quadrant_note")
    if len(shown):
        (x_lo, x_hi), (y_lo, y_hi) = quadrant_axes(shown)
        xs = shown["penyerapan_calc_pct"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        ys = shown["capaian_calc_pct"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            n_clipped = int(((xs > x_hi) | (ys > y_hi) | (xs < x_lo) | (ys < y_lo)).sum())
        if n_clipped:
            note += " " + s("clipped_note", n=n_clipped, cap=fmt_pct(CAP, 0, lang))
    counts = ko.status_counts(in_filters["status"])
    before = None
    if d.prev_outs is not None and d.prev_year is not None:
        before = ko.status_counts(_in_filters(d.prev_outs, unit, program, kegiatan)["status"])
    tiles = tuple(
        Tile(
            label=status_label(st_, lang),
            value=fmt_number(counts[st_], 0, lang),
            help=s("tile_help"),
            key=f"tile_{st_}",
            delta=None
            if before is None
            else s("vs_prev", d=fmt_signed(counts[st_] - before[st_], 0, lang), y=d.prev_year),
            delta_color="off"
            if before is None or counts[st_] == before[st_]
            else "normal"
            if st_ == "hijau"
            else "inverse",
        )
        for st_ in ko.STATUSES
    )
    quadrants = shown["quadrant"].value_counts()
    return Scope(
        shown=shown,
        tiles=tiles,
        summary=summary,
        quadrant_title=s("quadrant_t"),
        quadrant_note=note,
        quadrants=tuple((quadrant_label(q, lang), fmt_number(int(quadrants.get(q, 0)), 0, lang)) for q in ko.QUADRANTS),
        list_title=f"{s('all_h')} ({fmt_number(len(shown), 0, lang)})",
    )


# --- hierarchy drill-down ------------------------------------------------------------------------


def drill(d: YearData, lang: str, node: int | None) -> Drill:
    """The breadcrumbs to ``node`` (``None``: the top, the SS), its figures and the table of its children."""
    s = texts("output", lang)
    rows, by_u = d.rows, d.by_urutan
    node = node if node in by_u.index else None
    crumbs = []
    for u in ko.ancestors(rows, node) if node is not None else []:
        r = by_u.loc[u]
        label = r["code"] if r["level"] == "program_unit" else f"{r['code']} {r['name']}".strip()
        crumbs.append(Crumb(u, escape_markdown(short(label, 34)), escape_markdown(f"{r['level_name']}: {r['name']}")))
    head = None
    if node is not None:
        cur = by_u.loc[node]
        metrics = []
        if not pd.isna(cur["anggaran_rp"]):
            metrics.append((s("c_anggaran"), fmt_rp_short(cur["anggaran_rp"], lang), fmt_rp(cur["anggaran_rp"], lang)))
            metrics.append((s("c_penyerapan"), fmt_pct(cur["penyerapan_calc_pct"], 2, lang), fmt_rp(cur["realisasi_rp"], lang)))  # fmt: skip
        if not pd.isna(cur["target"]) or isinstance(cur["target_text"], str):
            t, r = _num_texts(pd.Series([cur["target"], cur["realisasi"]]), pd.Series([cur["target_text"], cur["realisasi_text"]]), lang)  # fmt: skip
            metrics.append((f"{s('c_target')} / {s('c_realisasi')}", f"{t} / {r}", None))
            metrics.append((s("c_capaian"), fmt_pct(cur["capaian_calc_pct"], 2, lang), None))
        bold = " ".join(escape_markdown(v) for v in (cur["level_name"], cur["code"]) if v)
        title = f"**{bold}** · {escape_markdown(cur['name'])}"
        head = Head(title, tuple(metrics), cur["catatan"])
    kids = ko.children(rows, node)
    frame = kids.assign(
        status_text=_badges(kids["status"], lang).where(kids["capaian_calc_pct"].notna(), ""),
        target_txt=_num_texts(kids["target"], kids["target_text"], lang),
        realisasi_txt=_num_texts(kids["realisasi"], kids["realisasi_text"], lang),
        n_sub=kids["n_sub"].astype(int),
    )
    table = _table(
        frame,
        [
            Column("level_name", s("c_level")),
            Column("code", s("c_code")),
            Column("name", s("c_name")),
            Column("capaian_calc_pct", s("c_capaian"), "pct"),
            Column("status_text", s("c_status")),
            Column("catatan", s("c_note")),
            Column("target_txt", s("c_target")),
            Column("realisasi_txt", s("c_realisasi")),
            Column("anggaran_rp", s("c_anggaran"), "rp_short"),
            Column("penyerapan_calc_pct", s("c_penyerapan"), "pct"),
            Column("n_sub", s("c_sub"), "int"),
        ],
        lang,
        f"lampiran6_rincian_{node or 'root'}",
        raw=kids[RAW_COLS],
        numeric_text=(s("c_target"), s("c_realisasi")),
    )
    openable = kids[kids["n_sub"] > 0]
    labels = (openable["level_name"] + " " + openable["code"] + " · " + openable["name"]).map(lambda v: short(v, 90))
    return Drill(
        crumbs=tuple(crumbs),
        head=head,
        urutan=tuple(int(u) for u in kids["urutan"]),
        n_sub=tuple(int(n) for n in kids["n_sub"]),
        table=table,
        open_labels=dict(zip(openable["urutan"].astype(int), labels, strict=True)),
    )


# --- under target, provinces, all outputs, notes -------------------------------------------------


def under(sc: Scope, lang: str) -> Table:
    """The shown outputs under target (capaian < 100 %), largest gap first (``kpi.outputs.under_target``)."""
    s = texts("output", lang)
    rows = ko.under_target(sc.shown)
    keg = rows["kegiatan_name"].astype("string").fillna("").map(short)
    frame = rows.assign(
        output=rows["output_code"] + " · " + rows["name"],
        kegiatan=rows["kegiatan_code"] + " · " + keg,
        target_txt=_auto(rows["target"], lang),
        realisasi_txt=_auto(rows["realisasi"], lang),
        gap_units_txt=_auto(rows["gap_units"], lang),
        status_text=_badges(rows["status"], lang),
    )
    raw_cols = {
        "unit_code": "c_unit", "kegiatan_code": "c_kegiatan", "kegiatan_name": None, "output_code": "c_output",
        "name": "c_name", "satuan": "c_satuan", "target": "c_target", "realisasi": "c_realisasi",
        "capaian_calc_pct": "c_capaian", "capaian_pct": "c_capaian_printed", "gap_pp": "c_gap_pp",
        "gap_units": "c_gap_units", "anggaran_rp": "c_anggaran", "realisasi_rp": "c_realisasi_rp",
        "penyerapan_calc_pct": "c_penyerapan", "status": "c_status",
    }  # fmt: skip
    raw = rows[list(raw_cols)].rename(columns={k: s(v) for k, v in raw_cols.items() if v})
    return _table(
        frame,
        [
            Column("unit_name", s("c_unit")),
            Column("output", s("c_output")),
            Column("kegiatan", s("c_kegiatan")),
            Column("target_txt", s("c_target")),
            Column("realisasi_txt", s("c_realisasi")),
            Column("satuan", s("c_satuan")),
            Column("capaian_calc_pct", s("c_capaian"), "pct"),
            Column("gap_pp", s("c_gap_pp"), "num", 2),
            Column("gap_units_txt", s("c_gap_units")),
            Column("anggaran_rp", s("c_anggaran"), "rp_short"),
            Column("penyerapan_calc_pct", s("c_penyerapan"), "pct"),
            Column("status_text", s("c_status")),
            Column("catatan", s("c_note")),
        ],
        lang,
        "output_di_bawah_target",
        raw=raw,
        numeric_text=(s("c_target"), s("c_realisasi"), s("c_gap_units")),
    )


def province_kegiatan(d: YearData) -> tuple[str, ...]:
    """The kegiatan with per-province outputs, in order."""
    return tuple(dict.fromkeys(d.prov_all["kegiatan_code"]))


def provinces(d: YearData, lang: str, kegiatan: str) -> Provinces:
    """One kegiatan's per-province outputs: summed per province for the chart, one row per output in the table."""
    s = texts("output", lang)
    prov = d.prov_all[d.prov_all["kegiatan_code"] == kegiatan]
    per = prov.groupby("province_name", sort=False, as_index=False)[["target", "realisasi", "anggaran_rp"]].sum()
    per["capaian_calc_pct"] = [
        capaian_pct(float(t), float(r)) for t, r in zip(per["target"], per["realisasi"], strict=True)
    ]
    per["status"] = [status_of(c) for c in per["capaian_calc_pct"]]
    satuan = prov["satuan"].dropna().unique()
    frame = prov.assign(
        target_txt=_auto(prov["target"], lang),
        realisasi_txt=_auto(prov["realisasi"], lang),
        status_text=_badges(prov["status"], lang),
    )
    raw = prov[["province_code", "province_name", "output_code", "name", "satuan", "target", "realisasi",
                "capaian_calc_pct", "anggaran_rp", "realisasi_rp", "penyerapan_calc_pct", "status"]]  # fmt: skip
    table = _table(
        frame,
        [
            Column("province_name", s("c_province")),
            Column("output_code", s("c_code")),
            Column("target_txt", s("c_target")),
            Column("realisasi_txt", s("c_realisasi")),
            Column("satuan", s("c_satuan")),
            Column("capaian_calc_pct", s("c_capaian"), "pct"),
            Column("status_text", s("c_status")),
            Column("anggaran_rp", s("c_anggaran"), "rp_short"),
            Column("penyerapan_calc_pct", s("c_penyerapan"), "pct"),
            Column("catatan", s("c_note")),
        ],
        lang,
        f"output_per_provinsi_{kegiatan}",
        raw=raw,
        numeric_text=(s("c_target"), s("c_realisasi")),
    )
    return Provinces(per, str(satuan[0]) if len(satuan) == 1 else None, s("prov_chart"), table)


def all_outputs(sc: Scope, lang: str) -> Table:
    """Every shown output with its figures, status and quadrant."""
    s = texts("output", lang)
    shown = sc.shown
    quads = {q: quadrant_label(q, lang) for q in ko.QUADRANTS}
    frame = shown.assign(
        output=shown["output_code"] + " · " + shown["name"],
        target_txt=_auto(shown["target"], lang),
        realisasi_txt=_auto(shown["realisasi"], lang),
        status_text=_badges(shown["status"], lang),
        quadrant_text=shown["quadrant"].map(quads).fillna(""),
    )
    raw = shown.drop(columns=["year", "sumber", "code", "level_name", "n_sub", "catatan"], errors="ignore")
    return _table(
        frame,
        [
            Column("unit_name", s("c_unit")),
            Column("kegiatan_code", s("c_kegiatan")),
            Column("output", s("c_output")),
            Column("anggaran_rp", s("c_anggaran"), "rp_short"),
            Column("penyerapan_calc_pct", s("c_penyerapan"), "pct"),
            Column("target_txt", s("c_target")),
            Column("realisasi_txt", s("c_realisasi")),
            Column("capaian_calc_pct", s("c_capaian"), "pct"),
            Column("status_text", s("c_status")),
            Column("quadrant_text", s("c_quadrant")),
            Column("catatan", s("c_note")),
        ],
        lang,
        "capaian_output",
        raw=raw,
        numeric_text=(s("c_target"), s("c_realisasi")),
    )


def notes(d: YearData, lang: str) -> Table:
    """The rows whose printed figures do not agree (a printed percentage or a sum of sub-rows)."""
    s = texts("output", lang)
    flagged = d.rows[d.rows["catatan"] != ""]
    return _table(
        flagged,
        [
            Column("level_name", s("c_level")),
            Column("code", s("c_code")),
            Column("name", s("c_name")),
            Column("catatan", s("c_note")),
        ],
        lang,
        "catatan_lampiran6",
        raw=flagged[["urutan", "level", "name", "catatan"]],
    )


# --- budget map ----------------------------------------------------------------------------------


def budget_map(d: YearData, sc: Scope) -> BudgetMap:
    """The program → unit → kegiatan → output budget tree of the shown outputs (``kpi.outputs.budget_tree``)."""
    names = {
        "program": dict(d.program_names),
        "unit": dict(d.unit_names),
        "kegiatan": {k: short(str(v), 50) for k, v in d.kegiatan_names.items()},
    }
    tree = ko.budget_tree(sc.shown, names)
    return BudgetMap(
        tree=tree,
        labels=dict(zip(tree["id"], tree["label"].astype(str), strict=True)),
        openable=frozenset(tree.loc[tree["level"] != "output", "id"]),
    )


def map_path(bm: BudgetMap, tm: str) -> tuple[str, tuple[Crumb, ...]]:
    """The map level ``tm`` (``""``, the top, when it is not a box with boxes inside) and its breadcrumbs."""
    tm = tm if tm in bm.openable else ""
    parts = tm.split("/") if tm else []
    path = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    crumbs = tuple(
        Crumb(p, escape_markdown(short(bm.labels.get(p, p), 34)), escape_markdown(bm.labels.get(p, p))) for p in path
    )
    return tm, crumbs
