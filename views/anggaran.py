"""Anggaran: pagu, realisasi, blokir, PK revisions, dekonsentrasi, efficiency and the two realisasi sources.

LKj Bab 3.3-3.4: Tabel 2.3 (programme pagu per PK revision; Lampiran 1-4), 3.20 (per programme),
3.21 (per Eselon I unit), 3.22 (blokir), 3.23 (dekonsentrasi), 3.24 (efficiency per strategic goal)
and Lampiran 6 (realisasi from Monev Kemenkeu). Formulas are ``kpi.budget``'s: penyerapan =
realisasi ÷ pagu × 100, penyerapan tanpa blokir = realisasi ÷ (pagu − blokir) × 100, efficiency rate =
capaian SS ÷ capaian anggaran.

Every function takes all-year frames, the report year and the language, and returns texts already
formatted. Totals are recomputed from the rows; the TOTAL the report of ``year`` prints
(``printed_figure``, year-free ids such as ``T3.20.total.pagu_rp``) is shown beside it when there is
one, and a year whose report is not printed yet shows the recomputed sums only. Each figure is
compared with the newest earlier year its table has rows for (``views.common.previous_in``).
Captions and notes are Markdown with the data strings in them escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from kpi.budget import (
    absorption_excl_blokir_pct,
    absorption_pct,
    blokir_absorption_table,
    efficiency_rate,
    pagu_revision_changes,
    source_gap_table,
)
from kpi.capaian import capaian_pct, mean_capaian_pct
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_rp_signed, fmt_signed, round_half_up
from views.common import Tile, escape_markdown, of_year, previous_in, printed_figures, years_of
from views.i18n import texts
from views.table import Column, Table, make_table

DATASETS = (
    "budget_program",
    "budget_unit",
    "budget_blokir",
    "dekonsentrasi",
    "efficiency_ss",
    "pk_pagu_program",
    "program",
    "unit",
    "output_capaian",
    "printed_figure",
)
"""The frames the page's views read."""

REVISI = ("januari", "juni", "oktober", "desember")
"""The PK revisions of Tabel 2.3, in time order."""

SECTION = "anggaran"
OMSPAN = "Tabel 3.20 (OM-SPAN)"
MONEV = "Lampiran 6 (Monev Kemenkeu)"

ChartKind = Literal[
    "pagu_realisasi", "revision_pagu", "revision_change", "blokir", "absorption_pair", "efficiency", "source_gap"
]


@dataclass(frozen=True)
class Summary:
    """Section 1: the budget tiles and the efficiency-rate tiles of the year."""

    title: str
    intro: str
    heading: str
    money: tuple[Tile, ...]
    """Pagu, realisasi, blokir."""
    absorption: tuple[Tile, ...]
    """Penyerapan, penyerapan tanpa blokir."""
    efficiency: tuple[Tile, ...]
    """One per strategic goal and the overall rate (empty when Tabel 3.24 has no rows for the year)."""
    eff_caption: str
    sources: tuple[str, ...] = ("Tabel 3.20", "Tabel 3.22", "Tabel 3.24", "Bab 3.3")


@dataclass(frozen=True, eq=False)
class Chart:
    """The data of one chart, for ``ui.charts.anggaran.build``: long or wide rows, title, texts, key."""

    kind: ChartKind
    key: str
    rows: pd.DataFrame
    title: str
    texts: Mapping[str, str]
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Section:
    """One section of the page: info notes, charts, tables and the check captions under them."""

    heading: str
    notes: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    captions: tuple[str, ...] = ()
    intro: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Labels of the section's own controls (the revision chart's modes)."""

    def chart(self, key: str) -> Chart | None:
        return next((c for c in self.charts if c.key == key), None)


# --------------------------------------------------------------------------- helpers


def _total(values: pd.Series) -> float | None:
    """The sum of ``values``, ``None`` when there is none (all missing or no rows)."""
    total = values.sum(min_count=1)
    return None if pd.isna(total) else float(total)


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _signed_rp_short(value: float, lang: str) -> str:
    """A tile's change: ``+Rp 156,54 M`` (an ASCII minus, which Streamlit's metric reads as a fall)."""
    return ("+" if value > 0 else "-" if value < 0 else "±") + fmt_rp_short(abs(value), lang)


def _change(now: float | None, before: float | None, decimals: int, lang: str) -> str | None:
    """The change between two figures as shown (each rounded half-up to ``decimals`` first, so the change
    is the difference of the two numbers on screen): ``+0,41``, ``-1,21``, ``±0,00``; ``None`` without both."""
    if now is None or before is None:
        return None

    diff = round_half_up(round_half_up(now, decimals) - round_half_up(before, decimals), decimals)
    return ("±" if diff == 0 else "") + fmt_signed(diff, decimals, lang)


def _absorption(pagu: pd.Series, realisasi: pd.Series) -> pd.Series:
    """Realisasi ÷ pagu × 100 per row (``kpi.budget.absorption_pct``), empty where either is missing."""
    values = [absorption_pct(_num(p), _num(r)) for p, r in zip(pagu, realisasi, strict=True)]
    return pd.Series(values, index=pagu.index, dtype="float64")


def _total_line(
    s: Callable[..., str], lang: str, what: str, computed: float | None, printed: float | None, money: bool = True
) -> str | None:
    """The caption comparing the sum of the rows with the printed TOTAL (``None`` without a printed one)."""
    if printed is None or computed is None:
        return None

    def fmt(v: float) -> str:
        return fmt_rp(v, lang) if money else fmt_pct(v, 2, lang)

    diff = fmt_rp_signed(computed - printed, lang) if money else fmt_pct(computed - printed, 2, lang)
    key = "total_ok" if abs(computed - printed) <= (0.5 if money else 0.005) else "total_bad"
    return s(key, what=what, sum=fmt(computed), printed=fmt(printed), diff=diff)


def _pct_check(s: Callable[..., str], printed: object, computed: object, lang: str) -> str:
    """``✅ sama`` when the printed absorption equals the computed one at two decimals, else the gap."""
    p, c = _num(printed), _num(computed)
    if p is None or c is None:
        return "–"
    pp = round(c, 2) - p
    return "✅ " + s("same") if abs(pp) < 0.005 else "⚠️ " + s("differs", pp=fmt_number(pp, 2, lang))


def _signed_column(table: Table, frame: pd.DataFrame, key: str, label: str, lang: str) -> Table:
    """``table`` with the Rupiah changes of column ``label`` written with their sign (the download keeps numbers)."""
    table.display[label] = [fmt_rp_signed(_num(v), lang) for v in frame[key]]
    return table


def program_labels(frames: Mapping[str, pd.DataFrame], year: int) -> dict[str, str]:
    """``DN · Pembinaan Ketenagakerjaan`` per programme code, in the report's order (``program`` of the year,
    then the names Tabel 3.20 prints)."""
    labels: dict[str, str] = {}
    programs = of_year(frames["program"], year)
    for code, name in zip(programs["code"], programs["name"], strict=True):
        labels[str(code)] = f"{code} · {name}"
    budget = frames["budget_program"].sort_values(["year", "urutan"], ascending=[False, True])
    for code, name in zip(budget["program_code"], budget["program_name"], strict=True):
        labels.setdefault(str(code), f"{code} · {name}")
    return labels


def _unit_short_names(frames: Mapping[str, pd.DataFrame], year: int) -> pd.Series:
    """Each unit's short name (``Ditjen Binalavotas``), from the year's ``unit`` rows or the newest earlier ones."""
    units = frames["unit"]
    units = units[units["year"] <= year].sort_values("year").drop_duplicates("code", keep="last")
    return units.set_index("code")["short_name"]


def _names(s: Callable[..., str], category: str) -> dict[str, str]:
    return {
        "pagu": s("pagu"),
        "realisasi": s("col_realisasi"),
        "penyerapan": s("penyerapan"),
        "category": category,
        "measure": s("tip_measure"),
        "value": s("tip_value"),
    }


# --------------------------------------------------------------------------- 1. tiles


def summary(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Summary:
    """Pagu, realisasi, blokir and the two absorptions (Tabel 3.20, 3.22, Bab 3.3), and the efficiency rates
    (Tabel 3.24), each against the previous year its table has."""
    s = texts(SECTION, lang)
    pf = printed_figures(frames, year)
    program = frames["budget_program"]
    prev_year = previous_in(program, year)
    cur, prev = of_year(program, year), of_year(program, prev_year) if prev_year else program.iloc[0:0]
    pagu, real = _total(cur["pagu_rp"]), _total(cur["realisasi_rp"])
    pagu_p, real_p = _total(prev["pagu_rp"]), _total(prev["realisasi_rp"])
    blokir_frame = frames["budget_blokir"]
    blokir = _total(of_year(blokir_frame, year)["blokir_rp"])
    blokir_year = previous_in(blokir_frame, year)
    blokir_p = _total(of_year(blokir_frame, blokir_year)["blokir_rp"]) if blokir_year else None

    def rp_delta(now: float | None, before: float | None, when: int | None) -> str | None:
        if now is None or before is None:
            return None
        return s("vs", d=_signed_rp_short(now - before, lang), prev=when)

    def pp_delta(now: float | None, before: float | None) -> str | None:
        change = _change(now, before, 2, lang)
        return None if change is None else s("vs_pp", d=change, prev=prev_year)

    def sum_help(full: float | None, table: str, figure: str) -> str:
        text = s("help_sum", full=fmt_rp(full, lang), table=table)
        if figure in pf:
            text += " " + s("help_printed", printed=fmt_rp(pf[figure], lang))
        return text

    def excl(p: float | None, b: float | None, r: float | None) -> float | None:
        return None if p is None or b is None or r is None else absorption_excl_blokir_pct(p, b, r)

    pen, pen_p = absorption_pct(pagu, real), absorption_pct(pagu_p, real_p)
    pen_x = excl(pagu, blokir, real)
    pen_x_p = excl(pagu_p, _total(of_year(blokir_frame, prev_year)["blokir_rp"]) if prev_year else None, real_p)
    target = pf.get("B3.3.target_penyerapan_pct")
    help_pct = s("help_pct", real=fmt_rp(real, lang), pagu=fmt_rp(pagu, lang))
    if target is not None:
        help_pct += " " + s("help_target", y=year, target=fmt_pct(target, 2, lang))
    help_excl = s(
        "help_excl", real=fmt_rp(real, lang), pagu_excl=fmt_rp(None if pen_x is None else pagu - blokir, lang)
    )
    if "B3.3.penyerapan_excl_blokir_pct" in pf:
        help_excl += " " + s("help_excl_printed", printed=fmt_pct(pf["B3.3.penyerapan_excl_blokir_pct"], 2, lang))
    money = (
        Tile(
            label=s("tile_pagu", y=year),
            value=fmt_rp_short(pagu, lang),
            key="t_pagu",
            help=sum_help(pagu, "Tabel 3.20", "T3.20.total.pagu_rp"),
            delta=rp_delta(pagu, pagu_p, prev_year),
            delta_color="off",
        ),
        Tile(
            label=s("tile_realisasi", y=year),
            value=fmt_rp_short(real, lang),
            key="t_realisasi",
            help=sum_help(real, "Tabel 3.20", "T3.20.total.realisasi_rp"),
            delta=rp_delta(real, real_p, prev_year),
        ),
        Tile(
            label=s("tile_blokir"),
            value=fmt_rp_short(blokir, lang),
            key="t_blokir",
            help=sum_help(blokir, "Tabel 3.22", "T3.22.total.blokir_rp"),
            delta=rp_delta(blokir, blokir_p, blokir_year),
            delta_color="inverse",
        ),
    )
    absorption = (
        Tile(
            label=s("tile_penyerapan"),
            value=fmt_pct(pen, 2, lang),
            key="t_penyerapan",
            help=help_pct,
            delta=pp_delta(pen, pen_p),
            capaian=capaian_pct(target, pen),
        ),
        Tile(
            label=s("tile_excl"),
            value=fmt_pct(pen_x, 2, lang),
            key="t_excl",
            help=help_excl,
            delta=pp_delta(pen_x, pen_x_p),
            capaian=capaian_pct(target, pen_x),
        ),
    )
    return Summary(
        title=s("title"),
        intro=s("intro", y=year),
        heading=s("tiles_head", y=year),
        money=money,
        absorption=absorption,
        efficiency=_efficiency_tiles(frames, year, lang),
        eff_caption=s("eff_caption"),
    )


def _efficiency_rows(eff: pd.DataFrame) -> list[tuple[str, float | None, float | None]]:
    """``(code, capaian SS, capaian anggaran)`` per goal and ``("total", mean capaian SS, absorption of the sums)``."""
    if eff.empty:
        return []
    rows = [(str(r.ss_code), _num(r.capaian_ss_pct), _num(r.capaian_anggaran_pct)) for r in eff.itertuples()]
    mean_ss = mean_capaian_pct(cap for _, cap, _ in rows)
    rows.append(("total", mean_ss, absorption_pct(_total(eff["pagu_rp"]), _total(eff["realisasi_rp"]))))
    return rows


def _efficiency_tiles(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> tuple[Tile, ...]:
    s = texts(SECTION, lang)
    eff = frames["efficiency_ss"]
    prev_year = previous_in(eff, year)
    before = {
        code: efficiency_rate(ss, ang)
        for code, ss, ang in _efficiency_rows(of_year(eff, prev_year).sort_values("ss_code") if prev_year else eff[:0])
    }
    tiles = []
    for code, ss, ang in _efficiency_rows(of_year(eff, year).sort_values("ss_code")):
        rate = efficiency_rate(ss, ang)
        change = _change(rate, before.get(code), 2, lang)
        delta = None if change is None else s("vs", d=change, prev=prev_year)
        tiles.append(
            Tile(
                label=s("tile_eff_total") if code == "total" else s("tile_eff", ss=escape_markdown(code)),
                value=fmt_number(rate, 2, lang),
                key=f"t_eff_{code}",
                help=s("help_eff", ss=fmt_pct(ss, 2, lang), ang=fmt_pct(ang, 2, lang)),
                delta=delta,
            )
        )
    return tuple(tiles)


# --------------------------------------------------------------------------- 2. by programme / unit


def budget_table(frames: Mapping[str, pd.DataFrame], year: int, lang: str, kind: str) -> Section:
    """Tabel 3.20 (``kind="program"``) or 3.21 (``"unit"``) of ``year``: pagu beside the (up to two) earlier
    years the table prints, the change from the previous one, realisasi and absorption printed and recomputed."""
    s = texts(SECTION, lang)
    program = kind == "program"
    source = "Tabel 3.20" if program else "Tabel 3.21"
    tid = source.split()[-1]
    frame_all = frames["budget_program" if program else "budget_unit"]
    code_col = "program_code" if program else "unit_code"
    heading = s("tab_program" if program else "tab_unit")
    frame = of_year(frame_all, year).sort_values("urutan").reset_index(drop=True)
    if frame.empty:
        years = ", ".join(str(y) for y in years_of(frame_all)) or "–"
        return Section(heading, notes=(s("no_year", table=source, y=year, years=years),))
    if program:
        frame["label"] = frame[code_col].map(program_labels(frames, year))
    else:
        frame["label"] = frame["unit_name"]
    has_real = bool(frame["realisasi_rp"].notna().any())
    notes = []
    if not has_real:
        with_real = sorted(
            {
                y
                for name in ("budget_program", "budget_unit")
                for y in years_of(frames[name].dropna(subset=["realisasi_rp"]))
            }
        )
        notes.append(s("no_realisasi", y=year, years=", ".join(str(y) for y in with_real) or "–"))
    frame["penyerapan_calc"] = _absorption(frame["pagu_rp"], frame["realisasi_rp"])
    head = s("col_program" if program else "col_unit")
    earlier = [y for y in years_of(frame_all) if y < year][-2:]
    columns = [Column("label", head)]
    for y in earlier:
        pagu_then = of_year(frame_all, y).set_index(code_col)["pagu_rp"]
        frame[f"pagu_{y}"] = frame[code_col].map(pagu_then).astype("Float64")
        columns.append(Column(f"pagu_{y}", s("col_pagu_year", y=y), "rp"))
    columns.append(Column("pagu_rp", s("col_pagu_year", y=year), "rp"))
    if earlier:
        frame["delta"] = frame["pagu_rp"] - frame[f"pagu_{earlier[-1]}"]
        columns.append(Column("delta", s("col_delta_pagu"), "rp"))
    if has_real:
        frame["check"] = [
            _pct_check(s, p, c, lang) for p, c in zip(frame["penyerapan_pct"], frame["penyerapan_calc"], strict=True)
        ]
        columns += [
            Column("realisasi_rp", s("col_realisasi"), "rp"),
            Column("penyerapan_pct", s("col_pct_printed"), "pct"),
            Column("penyerapan_calc", s("col_pct_calc"), "pct"),
            Column("check", s("col_check")),
        ]
    table = make_table(frame, columns, lang, f"anggaran_{kind}_{year}", (source,))
    if earlier:
        table = _signed_column(table, frame, "delta", s("col_delta_pagu"), lang)

    pf = printed_figures(frames, year)
    suffix = {0: "", 1: ".prev", 2: ".prev2"}
    captions = [
        _total_line(
            s,
            lang,
            s("col_pagu_year", y=y),
            _total(of_year(frame_all, y)["pagu_rp"]),
            pf.get(f"T{tid}.total.pagu_rp{suffix.get(year - y, f'.prev{year - y}')}"),
        )
        for y in [*earlier, year]
    ]
    if has_real:
        pagu_sum, real_sum = _total(frame["pagu_rp"]), _total(frame["realisasi_rp"])
        captions += [
            _total_line(s, lang, s("col_realisasi"), real_sum, pf.get(f"T{tid}.total.realisasi_rp")),
            _total_line(
                s,
                lang,
                s("penyerapan"),
                absorption_pct(pagu_sum, real_sum),
                pf.get(f"T{tid}.total.penyerapan_pct"),
                money=False,
            ),
        ]
    chart = Chart(
        "pagu_realisasi",
        f"ch_{kind}_{year}",
        frame.assign(penyerapan_pct=frame["penyerapan_calc"])[["label", "pagu_rp", "realisasi_rp", "penyerapan_pct"]],
        s("chart_program" if program else "chart_unit", y=year),
        _names(s, head),
        (source,),
    )
    return Section(heading, tuple(notes), (chart,), (table,), tuple(c for c in captions if c))


# --------------------------------------------------------------------------- 3. PK revisions


def revisions(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    """Tabel 2.3: programme pagu at each PK revision of ``year`` (both chart views), the change January to
    December, the printed totals and whether the PK documents of Lampiran 1-4 print the same figures."""
    s = texts(SECTION, lang)
    heading = s("s3_head", y=year)
    extra = {"pagu": s("mode_pagu"), "perubahan": s("mode_change"), "label": s("rev_mode")}
    pk = of_year(frames["pk_pagu_program"], year)
    pk_t23 = pk[pk["sumber"] == "Tabel 2.3"]
    pk_lamp = pk[pk["sumber"] != "Tabel 2.3"]
    if pk_t23.empty:
        return Section(heading, notes=(s("no_rows", table="Tabel 2.3", y=year),), extra=extra)
    order = tuple(r for r in REVISI if r in set(pk_t23["revisi"])) + tuple(sorted(set(pk_t23["revisi"]) - set(REVISI)))
    changes = pagu_revision_changes(pk_t23, order)
    labels = program_labels(frames, year)
    codes = [c for c in labels if c in set(changes["program_code"])]
    rev_label = {r: s(r) if r in REVISI else r for r in order}
    sources = ("Tabel 2.3", "Lampiran 1-4")
    charts = []
    for mode, col in (("pagu", "pagu_rp"), ("perubahan", "perubahan_kumulatif_rp")):
        records = []
        for code in codes:
            part = changes[changes["program_code"] == code].set_index("revisi").reindex(list(order))
            for rev, value in zip(order, part[col], strict=True):
                value = _num(value)
                amount = fmt_rp(value, lang) if mode == "pagu" else fmt_rp_signed(value, lang)
                records.append({"program": labels[code], "revisi": rev_label[rev], "value": value, "amount": amount})
        charts.append(
            Chart(
                "revision_pagu" if mode == "pagu" else "revision_change",
                f"ch_rev_{mode}",
                pd.DataFrame.from_records(records),
                s("chart_rev_pagu" if mode == "pagu" else "chart_rev_change", y=year),
                {"program": s("col_program"), "revisi": "PK", "value": s("tip_value")},
                sources,
            )
        )
    wide = changes.pivot(index="program_code", columns="revisi", values="pagu_rp").reindex(columns=list(order))
    wide = wide.reindex(codes).astype("float64")
    totals = wide.sum(min_count=1)
    wide.loc["__total__"] = totals
    wide["label"] = [s("total_row") if c == "__total__" else labels[c] for c in wide.index]
    wide["change"] = wide[order[-1]] - wide[order[0]]
    columns = [Column("label", s("col_program"))]
    columns += [Column(r, rev_label[r], "rp") for r in order]
    columns.append(Column("change", s("col_change_year"), "rp"))
    table = make_table(wide.reset_index(drop=True), columns, lang, f"anggaran_pk_revisi_{year}", sources)
    table = _signed_column(table, wide, "change", s("col_change_year"), lang)
    pf = printed_figures(frames, year)
    captions = [
        _total_line(s, lang, f"{s('pagu')} PK {rev_label[r]}", _num(totals[r]), pf.get(f"T2.3.total.pagu_{r}"))
        for r in order
    ]
    if not pk_lamp.empty:
        merged = pk_t23.merge(pk_lamp, on=["revisi", "program_code"], suffixes=("_t", "_l"))
        n_diff = int((merged["pagu_rp_t"] != merged["pagu_rp_l"]).sum())
        same = n_diff == 0 and len(merged) == len(pk_t23)
        captions.append(s("lampiran_same") if same else s("lampiran_diff", n=max(n_diff, len(pk_t23) - len(merged))))
    return Section(
        heading, charts=tuple(charts), tables=(table,), captions=tuple(c for c in captions if c), extra=extra
    )


# --------------------------------------------------------------------------- 4. blokir


def blokir(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    """Tabel 3.22 (blokir per unit) with each unit's pagu and realisasi from Tabel 3.21: absorption with and
    without blokir per unit, with a total row."""
    s = texts(SECTION, lang)
    heading = s("s4_head")
    units = of_year(frames["budget_unit"], year).sort_values("urutan")
    blocked = of_year(frames["budget_blokir"], year)
    if units.empty or blocked.empty:
        return Section(heading, notes=(s("no_rows", table="Tabel 3.22", y=year),))
    bl = blokir_absorption_table(units, blocked)
    bl["label"] = bl["unit_name"]
    money = ("pagu_rp", "blokir_rp", "pagu_excl_blokir_rp", "realisasi_rp")
    tot = {c: _total(bl[c]) for c in money}
    total_excl = absorption_excl_blokir_pct(tot["pagu_rp"], tot["blokir_rp"], tot["realisasi_rp"])
    total_row = {
        "label": s("total_row"),
        **tot,
        "penyerapan_pct": absorption_pct(tot["pagu_rp"], tot["realisasi_rp"]),
        "penyerapan_excl_blokir_pct": total_excl,
    }
    rows = pd.DataFrame(
        [*bl[["label", *money, "penyerapan_pct", "penyerapan_excl_blokir_pct"]].to_dict("records"), total_row]
    )
    columns = [
        Column("label", s("col_unit")),
        Column("pagu_rp", s("col_pagu"), "rp"),
        Column("blokir_rp", s("col_blokir"), "rp"),
        Column("pagu_excl_blokir_rp", s("col_pagu_excl"), "rp"),
        Column("realisasi_rp", s("col_realisasi"), "rp"),
        Column("penyerapan_pct", s("col_pct"), "pct"),
        Column("penyerapan_excl_blokir_pct", s("col_pct_excl"), "pct"),
    ]
    table = make_table(rows, columns, lang, f"anggaran_blokir_{year}", ("Tabel 3.21", "Tabel 3.22"))
    charts = (
        Chart(
            "blokir",
            "ch_blokir",
            bl[["label", "blokir_rp"]].reset_index(drop=True),
            s("chart_blokir", y=year),
            {"blokir": s("col_blokir"), "category": s("col_unit")},
            ("Tabel 3.22",),
        ),
        Chart(
            "absorption_pair",
            "ch_blokir_pct",
            bl.rename(columns={"penyerapan_pct": "first", "penyerapan_excl_blokir_pct": "second"})[
                ["label", "first", "second"]
            ],
            s("chart_excl", y=year),
            {
                "first": s("with_blokir"),
                "second": s("without_blokir"),
                "category": s("col_unit"),
                "measure": s("tip_measure"),
                "value": s("penyerapan"),
            },
            ("Tabel 3.21", "Tabel 3.22"),
        ),
    )
    pf = printed_figures(frames, year)
    captions = (
        s("blokir_note"),
        _total_line(s, lang, s("col_blokir"), tot["blokir_rp"], pf.get("T3.22.total.blokir_rp")),
        _total_line(s, lang, s("col_pct_excl"), total_excl, pf.get("B3.3.penyerapan_excl_blokir_pct"), money=False),
    )
    return Section(heading, charts=charts, tables=(table,), captions=tuple(c for c in captions if c))


# --------------------------------------------------------------------------- 5. dekonsentrasi


def dekonsentrasi(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    """Tabel 3.23: deconcentration funds per field, absorption printed and recomputed, the printed totals."""
    s = texts(SECTION, lang)
    heading = s("s5_head", y=year)
    dk = of_year(frames["dekonsentrasi"], year).sort_values("urutan").reset_index(drop=True)
    if dk.empty:
        return Section(heading, notes=(s("no_rows", table="Tabel 3.23", y=year),))
    short = _unit_short_names(frames, year)
    dk["label"] = dk["unit_code"].map(short).fillna(dk["bidang"])  # bidang names are long
    dk["pembina"] = dk["unit_code"].map(short).fillna(dk["unit_code"])
    dk["penyerapan_calc"] = _absorption(dk["pagu_rp"], dk["realisasi_rp"])
    pf = printed_figures(frames, year)
    pagu_sum, real_sum = _total(dk["pagu_rp"]), _total(dk["realisasi_rp"])
    total = {
        "bidang": s("total_row"),
        "pembina": "",
        "pagu_rp": pagu_sum,
        "realisasi_rp": real_sum,
        "capaian_pct": pf.get("T3.23.total.capaian_pct"),
        "penyerapan_calc": absorption_pct(pagu_sum, real_sum),
    }
    rows = pd.DataFrame([*dk[list(total)].to_dict("records"), total])
    rows["check"] = [
        _pct_check(s, p, c, lang) for p, c in zip(rows["capaian_pct"], rows["penyerapan_calc"], strict=True)
    ]
    columns = [
        Column("bidang", s("col_bidang")),
        Column("pembina", s("col_pembina")),
        Column("pagu_rp", s("col_pagu"), "rp"),
        Column("realisasi_rp", s("col_realisasi"), "rp"),
        Column("capaian_pct", s("col_pct_printed"), "pct"),
        Column("penyerapan_calc", s("col_pct_calc"), "pct"),
        Column("check", s("col_check")),
    ]
    table = make_table(rows, columns, lang, f"anggaran_dekonsentrasi_{year}", ("Tabel 3.23",))
    chart = Chart(
        "pagu_realisasi",
        "ch_dekon",
        dk.assign(penyerapan_pct=dk["penyerapan_calc"])[["label", "pagu_rp", "realisasi_rp", "penyerapan_pct"]],
        s("chart_dekon", y=year),
        _names(s, s("col_pembina")),
        ("Tabel 3.23",),
    )
    captions = (
        _total_line(s, lang, s("pagu"), pagu_sum, pf.get("T3.23.total.pagu_rp")),
        _total_line(s, lang, s("col_realisasi"), real_sum, pf.get("T3.23.total.realisasi_rp")),
    )
    return Section(heading, charts=(chart,), tables=(table,), captions=tuple(c for c in captions if c))


# --------------------------------------------------------------------------- 6. efficiency


def efficiency(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    """Tabel 3.24: budget absorption against goal achievement per strategic goal with the efficiency rate; the
    total row recomputed (summed pagu and realisasi, mean capaian SS), compared with the printed total."""
    s = texts(SECTION, lang)
    heading = s("s6_head")
    ef = of_year(frames["efficiency_ss"], year).sort_values("ss_code").reset_index(drop=True)
    if ef.empty:
        return Section(heading, notes=(s("no_rows", table="Tabel 3.24", y=year),))
    pf = printed_figures(frames, year)
    _, mean_ss, absorption_total = _efficiency_rows(ef)[-1]
    total = {
        "ss_code": s("total_row"),
        "sasaran_name": "",
        "pagu_rp": _total(ef["pagu_rp"]),
        "realisasi_rp": _total(ef["realisasi_rp"]),
        "capaian_anggaran_pct": pf.get("T3.24.total.capaian_anggaran_pct"),
        "capaian_ss_pct": mean_ss,
    }
    rows = pd.DataFrame([*ef[list(total)].to_dict("records"), total])
    rows["penyerapan_calc"] = _absorption(rows["pagu_rp"], rows["realisasi_rp"])
    rows["efficiency"] = [
        efficiency_rate(_num(ss), _num(ang))
        for ss, ang in zip(rows["capaian_ss_pct"], rows["capaian_anggaran_pct"], strict=True)
    ]
    rows.loc[len(rows) - 1, "efficiency"] = efficiency_rate(mean_ss, absorption_total)
    rows["sasaran_name"] = rows["sasaran_name"].fillna("")
    columns = [
        Column("ss_code", s("col_ss")),
        Column("pagu_rp", s("col_pagu"), "rp"),
        Column("realisasi_rp", s("col_realisasi"), "rp"),
        Column("capaian_anggaran_pct", s("col_cap_ang"), "pct"),
        Column("penyerapan_calc", s("col_pct_calc"), "pct"),
        Column("capaian_ss_pct", s("col_cap_ss"), "pct"),
        Column("efficiency", s("col_eff"), "num", 4),
        Column("sasaran_name", s("col_ss_name")),
    ]
    table = make_table(rows, columns, lang, f"anggaran_efisiensi_{year}", ("Tabel 3.24",))
    chart_rows = rows.assign(label=rows["ss_code"])
    chart_rows.loc[len(rows) - 1, "capaian_anggaran_pct"] = absorption_total
    chart = Chart(
        "efficiency",
        "ch_eff",
        chart_rows[["label", "efficiency", "capaian_anggaran_pct", "capaian_ss_pct"]],
        s("chart_eff", y=year),
        {
            "anggaran": s("cap_anggaran"),
            "ss": s("cap_ss"),
            "rate": s("col_eff"),
            "category": s("col_ss"),
            "measure": s("tip_measure"),
            "value": s("tip_value"),
        },
        ("Tabel 3.24",),
    )
    captions = []
    program = of_year(frames["budget_program"], year)
    ss1 = ef.loc[ef["ss_code"] == "SS-1", "pagu_rp"]
    if len(ss1) and not program.empty:
        dn_dl = _total(program.loc[program["program_code"].isin(["DN", "DL"]), "pagu_rp"]) or 0.0
        ok = "✅" if abs(float(ss1.iloc[0]) - dn_dl) < 0.5 else "⚠️"
        captions.append(s("ss_note", ss1=fmt_rp(float(ss1.iloc[0]), lang), dndl=fmt_rp(dn_dl, lang), ok=ok))
    captions += [
        _total_line(s, lang, s("pagu"), total["pagu_rp"], pf.get("T3.24.total.pagu_rp")),
        _total_line(s, lang, s("col_realisasi"), total["realisasi_rp"], pf.get("T3.24.total.realisasi_rp")),
        _total_line(
            s, lang, s("cap_anggaran"), absorption_total, pf.get("T3.24.total.capaian_anggaran_pct"), money=False
        ),
        _total_line(s, lang, s("cap_ss_mean"), mean_ss, pf.get("T3.24.total.capaian_ss_pct"), money=False),
    ]
    return Section(heading, charts=(chart,), tables=(table,), captions=tuple(c for c in captions if c))


# --------------------------------------------------------------------------- 7. two sources


def sources(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    """Realisasi per programme from OM-SPAN (Tabel 3.20) against Monev Kemenkeu (Lampiran 6 programme rows),
    and Lampiran 6 per programme and unit with whether the unit rows add up to the programme row.

    ``tables`` is the comparison then the Lampiran 6 detail; ``captions`` are about the detail."""
    s = texts(SECTION, lang)
    heading, intro = s("s7_head"), s("s7_intro")
    program = of_year(frames["budget_program"], year)
    l6 = of_year(frames["output_capaian"], year)
    l6 = l6[l6["level"].isin(["program", "program_unit"])]  # the output rows are most of the table
    l6_prog = l6[l6["level"] == "program"]
    if program.empty or l6_prog.empty:
        table = "Tabel 3.20" if program.empty else "Lampiran 6"
        return Section(heading, notes=(s("no_rows", table=table, y=year),), intro=intro)
    labels = program_labels(frames, year)
    gap = source_gap_table(program, l6_prog, "program_code", "realisasi_rp", ("omspan", "monev"))
    gap = gap.merge(program[["program_code", "pagu_rp", "urutan"]], on="program_code", how="left")
    gap = gap.merge(l6_prog[["program_code", "anggaran_rp"]], on="program_code", how="left").sort_values("urutan")
    gap["label"] = gap["program_code"].map(labels).fillna(gap["program_code"])
    gap["pct_omspan"] = _absorption(gap["pagu_rp"], gap["omspan"])
    gap["pct_monev"] = _absorption(gap["anggaran_rp"], gap["monev"])
    columns = [
        Column("label", s("col_program")),
        Column("omspan", s("src_omspan"), "rp"),
        Column("monev", s("src_monev"), "rp"),
        Column("selisih", s("col_gap"), "rp"),
        Column("selisih_pct", s("col_gap_pct"), "pct"),
        Column("pagu_rp", s("col_pagu"), "rp"),
        Column("pct_omspan", s("pct_omspan"), "pct"),
        Column("pct_monev", s("pct_monev"), "pct"),
    ]
    gap = gap.reset_index(drop=True)
    table = make_table(gap, columns, lang, f"anggaran_dua_sumber_{year}", (OMSPAN, MONEV))
    table = _signed_column(table, gap, "selisih", s("col_gap"), lang)
    chart = Chart(
        "source_gap",
        "ch_src",
        gap.rename(columns={"omspan": "first", "monev": "second"})[["label", "first", "second"]],
        s("chart_src", y=year),
        {
            "first": s("src_omspan"),
            "second": s("src_monev"),
            "category": s("col_program"),
            "measure": s("tip_measure"),
            "value": s("tip_value"),
        },
        (OMSPAN, MONEV),
    )
    short = _unit_short_names(frames, year)
    pu = l6[l6["level"] == "program_unit"].sort_values("urutan").reset_index(drop=True)
    pu["label"] = pu["program_code"].map(labels).fillna(pu["program_code"])
    pu["unit"] = pu["unit_code"].map(short).fillna(pu["unit_code"])
    pu["penyerapan_calc"] = _absorption(pu["anggaran_rp"], pu["realisasi_rp"])
    unit_columns = [
        Column("label", s("col_program")),
        Column("unit", s("col_unit")),
        Column("anggaran_rp", s("col_anggaran"), "rp"),
        Column("realisasi_rp", s("src_monev"), "rp"),
        Column("penyerapan_pct", s("col_pct_l6"), "pct", 0),
        Column("penyerapan_calc", s("col_pct_calc"), "pct"),
    ]
    unit_table = make_table(pu, unit_columns, lang, f"anggaran_lampiran6_program_unit_{year}", (MONEV,))
    sums = pu.groupby("program_code")["anggaran_rp"].sum()
    captions = []
    for code, budget in zip(l6_prog["program_code"], l6_prog["anggaran_rp"], strict=True):
        a, b = float(sums.get(code, 0.0)), _num(budget) or 0.0
        if abs(a - b) < 0.5:
            captions.append(s("unit_sum_ok", p=escape_markdown(code)))
        else:
            rp_a, rp_b = fmt_rp(a, lang), fmt_rp(b, lang)
            captions.append(s("unit_sum_bad", p=escape_markdown(code), a=rp_a, b=rp_b, d=fmt_rp_signed(a - b, lang)))
    return Section(heading, charts=(chart,), tables=(table, unit_table), captions=tuple(captions), intro=intro)


def _program_section(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    return budget_table(frames, year, lang, "program")


def _unit_section(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Section:
    return budget_table(frames, year, lang, "unit")


SECTIONS: Mapping[str, Callable[[Mapping[str, pd.DataFrame], int, str], Section]] = {
    "program": _program_section,
    "unit": _unit_section,
    "revisions": revisions,
    "blokir": blokir,
    "dekonsentrasi": dekonsentrasi,
    "efficiency": efficiency,
    "sources": sources,
}
"""Every section after the tiles, by name: ``SECTIONS[name](frames, year, lang)``."""
