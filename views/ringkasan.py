"""Ringkasan Eksekutif: the LKj year at a glance, as a pure view (Tabel 3.2, Bab 3.1, Tabel 3.20-3.24).

``page(frames, year, lang)`` gives everything the page draws, already formatted: one tile per IKSS
(Tabel 3.2: target, realisasi, capaian = realisasi ÷ target, the change against the previous year
that has a realisasi, status in colour and words), the SS-1 / SS-2 / overall capaian (Bab 3.1: the
mean of the IKSS capaian, beside the figure the report prints when it prints one), the budget
(Tabel 3.20 pagu and realisasi, Tabel 3.22 blokir, Bab 3.3 absorption target), the efficiency rates
(Tabel 3.24: SS capaian ÷ budget absorption), the trend of each IKSS and of the ceiling (Tabel 3.21)
over the loaded years up to ``year``, and the IKSS table. The figures come from
:func:`kpi.headline.headline`; numbers are written by :mod:`kpi.format`, texts come from the
catalogue (``views/catalogue/ringkasan.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kpi.budget import absorption_pct
from kpi.capaian import OPINI_BPK_RANK
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_signed
from kpi.headline import headline, ikss_table
from kpi.status import Status, status_of
from views.common import of_year, printed_figures, status_label
from views.i18n import texts
from views.table import Table

Frames = Mapping[str, pd.DataFrame]

FRAMES: tuple[str, ...] = (
    "ikss",
    "ikss_capaian",
    "budget_program",
    "budget_blokir",
    "budget_unit",
    "efficiency_ss",
    "printed_figure",
)
"""The datasets the view reads (the page passes these, all years)."""

SATUAN_KEY = {"%": "satuan_pct", "poin": "satuan_poin", "opini": "satuan_opini"}
LINKS: tuple[tuple[str, str, str], ...] = (
    ("app_pages/ss1.py", "ss1", "👷"),
    ("app_pages/ss2.py", "ss2", "🏢"),
    ("app_pages/anggaran.py", "anggaran", "💰"),
    ("app_pages/pn.py", "pn", "🎯"),
    ("app_pages/output.py", "output", "📦"),
    ("app_pages/kualitas.py", "kualitas", "🔎"),
)
"""The detail pages the summary links to: page file, short name, icon."""


@dataclass(frozen=True)
class IkssTile:
    """One IKSS of Tabel 3.2: realisasi big, the change against the previous year, target, capaian, status."""

    code: str
    name: str
    help: str | None
    label: str
    """``Realisasi 2024``."""
    value: str
    target: str
    capaian: str
    status: Status
    status_text: str
    """Icon and words (``⛔ Belum tercapai``): the status never rests on colour alone."""
    delta: str | None
    """``+0,29 poin vs 2023`` / ``tetap WTP sejak 2023``; ``None`` without a previous year."""
    delta_color: str
    """``st.metric``'s ``delta_color``: ``normal``, ``inverse`` (lower is better) or ``off``."""


@dataclass(frozen=True)
class Metric:
    """A tile: label, value, help, an optional caption and status; ``warning`` when the print disagrees."""

    key: str
    label: str
    value: str
    help: str | None = None
    caption: str | None = None
    status: Status | None = None
    status_text: str | None = None
    warning: bool = False


@dataclass(frozen=True)
class Trend:
    """One IKSS per year up to the report year (Tabel 3.2), with the report year's target."""

    code: str
    title: str
    ordinal: bool
    years: tuple[int, ...]
    values: tuple[float | None, ...]
    """Numeric realisasi per year (``None`` for an ordinal IKSS or a missing year)."""
    grades: tuple[str | None, ...]
    """Ordinal realisasi per year (Opini BPK: ``WTP``...)."""
    target: float | None
    target_grade: str | None
    suffix: str
    """``"%"`` when the IKSS is a percentage."""


@dataclass(frozen=True)
class BudgetTrend:
    """The Kemnaker ceiling per year (Tabel 3.21, sum of the units), the largest unit of each year."""

    years: tuple[int, ...]
    pagu_rp: tuple[float, ...]
    notes: tuple[str, ...]
    caption: str | None
    """Said when an earlier year's ceiling was the highest: which unit made it so."""


@dataclass(frozen=True)
class Link:
    path: str
    name: str
    icon: str
    caption: str


@dataclass(frozen=True)
class Page:
    year: int
    title: str
    subtitle: str
    overall: str
    overall_status: Status
    overall_status_text: str
    ikss: tuple[IkssTile, ...]
    ss: tuple[Metric, ...]
    budget: tuple[Metric, ...]
    efficiency: tuple[Metric, ...]
    trends: tuple[Trend, ...]
    budget_trend: BudgetTrend
    table: Table
    links: tuple[Link, ...]


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def printed(frames: Frames, figure: str, year: int) -> float | None:
    """The value report ``year`` prints for ``figure``, ``None`` when absent (not yet printed)."""
    return printed_figures(frames, year).get(figure)


def ikss_name(code: str, name: object, lang: str) -> str:
    """The catalogue's short name of an IKSS, or the name from the data for an IKSS it does not know."""
    s = texts("ringkasan", lang)
    try:
        return s(f"name_{code}")
    except KeyError:
        return str(name)


def _help(code: str, lang: str) -> str | None:
    try:
        return texts("ringkasan", lang)(f"help_{code}")
    except KeyError:
        return None


def _value(value: float | None, satuan: str, lang: str) -> str:
    return fmt_pct(value, 2, lang) if satuan == "%" else fmt_number(value, 2, lang)


def _ikss_tiles(rows: pd.DataFrame, year: int, lang: str) -> tuple[IkssTile, ...]:
    s = texts("ringkasan", lang)
    tiles = []
    for row in rows.itertuples():
        code = str(row.code)
        prev_year = None if pd.isna(row.year_prev) else int(row.year_prev)
        delta, color = None, "normal"
        if row.jenis == "ordinal":
            value, target = _text(row.realisasi_text) or "–", _text(row.target_text) or "–"
            now, prev = _text(row.realisasi_text), _text(row.realisasi_prev_text)
            color = "off"
            if now and prev and prev_year is not None:
                r_now, r_prev = OPINI_BPK_RANK.get(now, 0), OPINI_BPK_RANK.get(prev, 0)
                key = "same_as" if r_now == r_prev else ("up_from" if r_now > r_prev else "down_from")
                delta, color = s(key, v=prev, y=prev_year), ("off" if r_now == r_prev else "normal")
        else:
            value, target = _value(_num(row.realisasi), row.satuan, lang), _value(_num(row.target), row.satuan, lang)
            now, prev = _num(row.realisasi), _num(row.realisasi_prev)
            if now is not None and prev is not None and prev_year is not None:
                delta = s("change", d=fmt_signed(now - prev, 2, lang), y=prev_year)
            color = "inverse" if row.arah == "turun" else "normal"
        cap = _num(row.capaian_pct)
        status = status_of(cap)
        tiles.append(
            IkssTile(
                code=code,
                name=ikss_name(code, row.name, lang),
                help=_help(code, lang),
                label=s("realisasi_year", y=year),
                value=value,
                target=target,
                capaian=fmt_pct(cap, 2, lang),
                status=status,
                status_text=status_label(status, lang),
                delta=delta,
                delta_color=color,
            )
        )
    return tuple(tiles)


def _ss_tile(key: str, label: str, value: float | None, printed_value: float | None, lang: str) -> Metric:
    """Capaian of a strategic goal, with a warning when the report prints a different figure (Bab 3.1)."""
    s = texts("ringkasan", lang)
    shown = fmt_pct(value, 2, lang)
    differs = printed_value is not None and value is not None and fmt_pct(printed_value, 2, lang) != shown
    help_text = s("ss_help")
    caption = None
    if differs:
        p = fmt_pct(printed_value, 2, lang)
        help_text += " " + s("printed_help", v=shown, x=fmt_number(value, 4, lang), p=p)
        caption = s("printed_differs", p=p)
    status = status_of(value)
    return Metric(
        key=key,
        label=("⚠️ " if differs else "") + label,
        value=shown,
        help=help_text,
        caption=caption,
        status=status,
        status_text=status_label(status, lang),
        warning=differs,
    )


def _budget_tiles(h: Mapping, frames: Frames, year: int, lang: str) -> tuple[Metric, ...]:
    s = texts("ringkasan", lang)
    pagu, real, blokir = h.get("budget_pagu_rp"), h.get("budget_realisasi_rp"), h.get("budget_blokir_rp")
    target = printed(frames, "B3.3.target_penyerapan_pct", year)
    absorption_help = s("absorption_help")
    if target is not None:  # a year whose report is not printed yet has no absorption target
        absorption_help += " " + s("absorption_help_target", y=year, target=fmt_pct(target, 2, lang))
    return (
        Metric(
            "tile_pagu",
            s("pagu"),
            fmt_rp_short(pagu, lang),
            s("pagu_help", y=year, full=fmt_rp(pagu, lang)),
            fmt_rp(pagu, lang),
        ),
        Metric(
            "tile_realisasi",
            s("realisasi"),
            fmt_rp_short(real, lang),
            s("realisasi_help", y=year, full=fmt_rp(real, lang)),
            fmt_rp(real, lang),
        ),
        Metric(
            "tile_absorption",
            s("penyerapan"),
            fmt_pct(h.get("budget_absorption_pct"), 2, lang),
            absorption_help,
            None if target is None else s("absorption_target", target=fmt_pct(target, 2, lang)),
        ),
        Metric(
            "tile_excl_blokir",
            s("excl_blokir"),
            fmt_pct(h.get("budget_absorption_excl_blokir_pct"), 2, lang),
            s("excl_blokir_help", blokir=fmt_rp(blokir, lang)),
            None if blokir is None else s("blokir_caption", blokir=fmt_rp_short(blokir, lang)),
        ),
    )


def _efficiency_tiles(h: Mapping, frames: Frames, year: int, lang: str) -> tuple[Metric, ...]:
    """Efficiency rate = SS capaian ÷ budget absorption (Tabel 3.24), in total and per SS."""
    s = texts("ringkasan", lang)
    per_ss = of_year(frames.get("efficiency_ss", pd.DataFrame(columns=["year"])), year)
    absorbed = {str(r.ss_code): absorption_pct(_num(r.pagu_rp), _num(r.realisasi_rp)) for r in per_ss.itertuples()}
    rows = (
        ("eff_total", "efficiency_rate_total", h.get("overall_capaian_pct"), h.get("budget_absorption_pct")),
        ("eff_ss1", "efficiency_rate_ss1", h.get("ss1_capaian_pct"), absorbed.get("SS-1")),
        ("eff_ss2", "efficiency_rate_ss2", h.get("ss2_capaian_pct"), absorbed.get("SS-2")),
    )
    return tuple(
        Metric(
            f"tile_{key}",
            s(label),
            fmt_number(h.get(key), 2, lang),
            s("eff_help", c=fmt_pct(cap, 2, lang), a=fmt_pct(absorption, 2, lang)),
        )
        for label, key, cap, absorption in rows
    )


def _history(frames: Frames, year: int) -> pd.DataFrame:
    """The IKSS realisasi of ``year`` and the years before it, oldest first."""
    history = frames["ikss_capaian"]
    return history[history["year"] <= year].sort_values("year", kind="stable")


def _trends(rows: pd.DataFrame, history: pd.DataFrame, lang: str) -> tuple[Trend, ...]:
    own_rows = dict(tuple(history.groupby("ikss_code", sort=False)))
    empty = history.iloc[0:0]
    out = []
    for row in rows.itertuples():
        code = str(row.code)
        own = own_rows.get(code, empty)
        ordinal = row.jenis == "ordinal"
        out.append(
            Trend(
                code=code,
                title=ikss_name(code, row.name, lang),
                ordinal=ordinal,
                years=tuple(int(y) for y in own["year"]),
                values=tuple(None if ordinal else _num(v) for v in own["realisasi"]),
                grades=tuple(_text(v) for v in own["realisasi_text"]),
                target=None if ordinal else _num(row.target),
                target_grade=_text(row.target_text) if ordinal else None,
                suffix="%" if row.satuan == "%" else "",
            )
        )
    return tuple(out)


def budget_trend(frames: Frames, year: int, lang: str) -> BudgetTrend:
    """The ceiling per year up to ``year`` (Tabel 3.21: the sum of the Eselon I units) and its largest unit."""
    s = texts("ringkasan", lang)
    units = frames.get("budget_unit")
    if units is None or units.empty:
        return BudgetTrend((), (), (), None)
    units = units[units["year"] <= year]
    per_year = units.groupby("year", sort=True)["pagu_rp"].sum()
    # the largest unit of each year: one sort, then the first row per year
    top = units.sort_values("pagu_rp", ascending=False, kind="stable").drop_duplicates("year").set_index("year")
    notes = tuple(
        s("largest_unit", u=top.at[y, "unit_name"], v=fmt_rp_short(top.at[y, "pagu_rp"], lang)) for y in per_year.index
    )
    caption = None
    if len(per_year) and int(per_year.idxmax()) != year:  # an earlier year stands out: say which unit made it so
        peak = int(per_year.idxmax())
        caption = s(
            "peak", y=peak, total=fmt_rp_short(per_year.max(), lang), note=notes[list(per_year.index).index(peak)]
        )
    return BudgetTrend(tuple(int(y) for y in per_year.index), tuple(float(v) for v in per_year), notes, caption)


def ikss_table_model(rows: pd.DataFrame, history: pd.DataFrame, year: int, lang: str) -> Table:
    """The IKSS table (Tabel 3.2): the two previous years' realisasi, target, realisasi, capaian, status.

    Shown as formatted text (a row's unit decides: ``4,01 %``, ``78,73``, ``WTP``); downloaded as
    numbers with a unit column, the status in words.
    """
    s = texts("ringkasan", lang)
    earlier = sorted(int(y) for y in history["year"].unique() if y < year)[-2:]
    by_code_year = history.drop_duplicates(["ikss_code", "year"]).set_index(["ikss_code", "year"])
    col_ss, col_ikss, col_satuan = s("col_ss"), s("col_ikss"), s("col_satuan")
    col_cap, col_status, col_printed = s("col_cap", y=year), s("col_status"), s("col_cap_printed")
    value_cols = [s("col_real", y=y) for y in earlier] + [s("col_target", y=year), s("col_real", y=year)]
    shown_rows, raw_rows = [], []
    for row in rows.itertuples():
        code, ordinal = str(row.code), row.jenis == "ordinal"
        status = status_of(_num(row.capaian_pct))
        shown = {col_ss: row.ss_code, col_ikss: ikss_name(code, row.name, lang)}
        unit = s(SATUAN_KEY[row.satuan]) if row.satuan in SATUAN_KEY else str(row.satuan)
        raw = {**shown, col_satuan: unit}
        cells = []
        for y in earlier:  # an earlier year's realisasi
            found = (code, y) in by_code_year.index
            value = _num(by_code_year.at[(code, y), "realisasi"]) if found else None
            grade = _text(by_code_year.at[(code, y), "realisasi_text"]) if found else None
            cells.append((value, grade))
        cells += [(_num(row.target), _text(row.target_text)), (_num(row.realisasi), _text(row.realisasi_text))]
        for col, (value, grade) in zip(value_cols, cells, strict=True):
            shown[col] = (grade or "–") if ordinal else _value(value, row.satuan, lang)
            raw[col] = grade if ordinal else value
        shown[col_cap] = fmt_pct(_num(row.capaian_pct), 2, lang)
        shown[col_status] = status_label(status, lang)
        shown[col_printed] = fmt_pct(_num(row.capaian_printed_pct), 2, lang)
        raw[col_cap] = _num(row.capaian_pct)
        raw[col_status] = texts("common", lang)("status_" + status)
        raw[col_printed] = _num(row.capaian_printed_pct)
        shown_rows.append(shown)
        raw_rows.append(raw)
    display_cols = [col_ss, col_ikss, *value_cols, col_cap, col_status, col_printed]
    raw_cols = [col_ss, col_ikss, col_satuan, *value_cols, col_cap, col_status, col_printed]
    return Table(
        display=pd.DataFrame(shown_rows, columns=display_cols, dtype=object),
        raw=pd.DataFrame(raw_rows, columns=raw_cols),
        name=f"ikss_{year}",
        sources=("Tabel 3.2",),
        title=s("sec_table"),
        right=(*value_cols, col_cap, col_printed),
    )


def page(frames: Frames, year: int, lang: str) -> Page:
    """Everything the Ringkasan Eksekutif page draws for ``year`` in ``lang`` (see the module docstring)."""
    s = texts("ringkasan", lang)
    h = headline(frames, year)
    rows = ikss_table(frames["ikss"], frames["ikss_capaian"], year)
    history = _history(frames, year)
    overall = h.get("overall_capaian_pct")
    overall_status = status_of(overall)
    ss = (
        _ss_tile("tile_ss1", s("ss1"), h.get("ss1_capaian_pct"), printed(frames, "RE.ss1_capaian", year), lang),
        _ss_tile("tile_ss2", s("ss2"), h.get("ss2_capaian_pct"), printed(frames, "B3.1.ss2_capaian", year), lang),
        _ss_tile("tile_overall", s("overall"), overall, printed(frames, "RE.ss_rata_capaian", year), lang),
    )
    common = texts("common", lang)
    return Page(
        year=year,
        title=s("title", y=year),
        subtitle=s("subtitle", y=year),
        overall=fmt_pct(overall, 2, lang),
        overall_status=overall_status,
        overall_status_text=status_label(overall_status, lang),
        ikss=_ikss_tiles(rows, year, lang),
        ss=ss,
        budget=_budget_tiles(h, frames, year, lang),
        efficiency=_efficiency_tiles(h, frames, year, lang),
        trends=_trends(rows, history, lang),
        budget_trend=budget_trend(frames, year, lang),
        table=ikss_table_model(rows, history, year, lang),
        links=tuple(Link(path, common(f"page_{name}"), icon, s(f"link_{name}")) for path, name, icon in LINKS),
    )
