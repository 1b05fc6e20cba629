"""The LKj's tables regenerated from the database, and their comparison with the printed report.

``regenerate(frames, year)`` rebuilds every table of Bab II, Bab III and Lampiran 5, 6 and 8 of the
LKj of ``year`` from the frames ``loaders.db.read_all`` returns, numbered, titled and ordered as the
report prints them, written in the report's number format (``kpi.format``). Each one is a
:class:`ReportTable`: a ``views.table.Table`` (``display`` as printed, ``raw`` the numbers) with
its number (``Tabel 3.20``), the rows printed bold, the cells recomputed, an optional top header
row and the factual paragraph the Word draft writes after it (``views/catalogue/draft.py``).

What is stored is shown; what the report derives is recomputed, the way the Kualitas Data rule
for that figure recomputes it (``kpi/checks``): every TOTAL/JUMLAH row is the sum of its stored
rows, every parent of a hierarchy (Tabel 2.4, 3.4, Lampiran 5 and 6) the sum of its stored
children, every capaian/penyerapan/change the ratio of the stored figures beside it. So the
tables of a new year need only its detail rows, and on a printed year a regenerated figure
differs from the printed one exactly where the report disagrees with itself: a Kualitas Data
finding.

``compare(tables, doc, findings)`` reads the same tables from the report's text (``SeedDoc``,
``loaders.numbers``) and compares them cell by cell after number normalisation, marking each
difference that a finding explains. ``python -m report tables`` prints both.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Literal

import pandas as pd

from data.extract.lampiran6 import unit_code as printed_unit_code
from data.extract.seed import Row as SeedRow
from data.extract.seed import SeedDoc, clean_cell
from kpi import capaian as kcap
from kpi.format import auto_decimals, fmt_number, round_half_up
from kpi.headline import ikss_table, ss_capaian
from kpi.spbe import predikat as spbe_predikat
from kpi.status import status_of
from loaders.numbers import NumberFormatError, parse_id_number
from views.common import of_year, previous_in, printed_figures
from views.i18n import texts
from views.table import Table

Kind = Literal["text", "int", "num", "pct", "paren"]
Frames = Mapping[str, pd.DataFrame]
MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
"""The PK is revised in the course of a year; its revisions are named by month (Lampiran 1-4)."""


# ---------------------------------------------------------------- the model


@dataclass(frozen=True)
class Col:
    """A printed column: its key in the row values, its header, how its numbers are written."""

    key: str
    label: str
    kind: Kind = "text"
    decimals: int | None = None
    """``None``: as few decimals as write the stored value (up to 4), as the report prints stored figures."""


@dataclass
class Line:
    """One printed row while a table is built: values by column key, bold, the keys recomputed, indent."""

    values: dict[str, object]
    bold: bool = False
    derived: tuple[str, ...] = ()
    indent: int = 0


@dataclass(frozen=True)
class ReportTable:
    """One regenerated LKj table, ready to be written (Word) or compared (with the printed report)."""

    key: str
    """Short id: ``T3.20``, ``L6``, ``L8.rata``."""
    number: str
    """As printed: ``Tabel 3.20``, ``Lampiran 6``."""
    title: str
    part: str
    """Where it stands: ``II``, ``III.1``, ``III.2.1``, ``III.2.2``, ``III.3``, ``III.4``, ``L5``, ``L6``, ``L8``."""
    table: Table
    groups: tuple[tuple[str, int], ...] = ()
    """A top header row as printed: (label, columns spanned); a one-column group equal to its column spans two rows."""
    bold: tuple[int, ...] = ()
    indent: tuple[int, ...] = ()
    derived: frozenset[tuple[int, str]] = frozenset()
    """(row, column header) of each recomputed cell."""
    paragraph: str = ""
    datasets: tuple[str, ...] = ()
    available: bool = True
    """False when the database holds nothing for it (Tabel 3.1 is text; a year without the dataset)."""

    @property
    def columns(self) -> list[str]:
        return list(self.table.display.columns)

    def rows(self) -> list[list[str]]:
        """The body as printed, row by row."""
        return [list(map(str, r)) for r in self.table.display.itertuples(index=False)]


# ---------------------------------------------------------------- numbers as the report writes them


def _none(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _f(value: object) -> float | None:
    """A stored number as ``float`` (``None`` when missing)."""
    if _none(value):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _t(value: object) -> str | None:
    return None if _none(value) else str(value)


def fmt_cell(value: object, kind: Kind, decimals: int | None, lang: str = "id") -> str:
    """A cell as the LKj prints it: ``1.517.968.550.000``, ``80,16%``, ``(1.600.368)``; text as it is."""
    if _none(value):
        return ""
    if isinstance(value, str) or kind == "text":
        return str(value)
    number = float(value)  # type: ignore[arg-type]
    d = decimals if decimals is not None else auto_decimals(number, 4)
    if kind == "int":
        d = 0
    if kind == "pct":
        return fmt_number(number, d, lang) + "%"
    if kind == "paren" and number < 0:
        return f"({fmt_number(-number, d, lang)})"
    return fmt_number(number, d, lang)


def _diff(a: float | None, b: float | None) -> float | None:
    """``a − b`` on the decimal values as written (``215,37 − 212,59 = 2,78`` exactly, not 2,7800000000000296)."""
    if a is None or b is None:
        return None
    return float(Decimal(repr(a)) - Decimal(repr(b)))


def _change_pct(now: float | None, before: float | None) -> float | None:
    """Change against the year before in percent (Tabel 3.3, 3.4 ``Δ realisasi``)."""
    if now is None or before is None or before == 0:
        return None
    return (now / before - 1) * 100


def _sum(values: Iterable[object]) -> float | None:
    """The sum of the stored figures on their decimal values (``0,8 + … + 1,2 = 6``, not 6,000000000000001)."""
    nums = [v for v in (_f(x) for x in values) if v is not None]
    return float(sum(Decimal(repr(v)) for v in nums)) if nums else None


# ---------------------------------------------------------------- building


class _Ctx:
    """What every builder reads: the frames, the report year, the language, the catalogue, the printed figures."""

    def __init__(self, frames: Frames, year: int, lang: str):
        self.frames, self.year, self.lang = frames, year, lang
        self.s = texts("draft", lang)
        self.printed = printed_figures(frames, year)

    def printed_text(self, figure: str) -> str:
        """A figure the report of ``year`` prints as text (a predikat), or ``""``."""
        pf = of_year(self.get("printed_figure"), self.year)
        if pf.empty:
            return ""
        hits = pf[(pf["figure"] == figure) & pf["text_value"].notna()]["text_value"]
        return str(hits.iloc[0]) if not hits.empty else ""

    def get(self, name: str) -> pd.DataFrame:
        frame = self.frames.get(name)
        return frame if frame is not None else pd.DataFrame(columns=["year"])

    def of(self, name: str, year: int | None = None, order: str | None = "urutan") -> pd.DataFrame:
        rows = of_year(self.get(name), self.year if year is None else year)
        if order and order in rows.columns and not rows.empty:
            rows = rows.sort_values(order, kind="stable").reset_index(drop=True)
        return rows

    def prev(self, name: str) -> int:
        """The comparison year of a dataset's figures: the newest year before the report year it has rows for."""
        return previous_in(self.frames.get(name), self.year) or self.year - 1

    def n(self, value: object, decimals: int | None = None) -> str:
        """A number for a paragraph (``kpi.format``)."""
        v = _f(value)
        if v is None:
            return "–"
        return fmt_number(v, decimals if decimals is not None else auto_decimals(v, 2), self.lang)

    def pct(self, value: object, decimals: int = 2) -> str:
        v = _f(value)
        return "–" if v is None else fmt_number(v, decimals, self.lang) + " %"

    def change(self, now: object, before: object, decimals: int | None = None, unit: str = "") -> str:
        """``naik 1.234`` / ``turun 5,67 %`` / ``tetap``: a change in words, for a paragraph."""
        a, b = _f(now), _f(before)
        if a is None or b is None:
            return "–"
        d = _diff(a, b)
        if d == 0:
            return self.s("tetap")
        text = self.n(abs(d), decimals) + unit
        return self.s("naik" if d > 0 else "turun", v=text)

    def change_pct(self, now: object, before: object) -> str:
        c = _change_pct(_f(now), _f(before))
        if c is None:
            return "–"
        if round_half_up(c, 2) == 0:
            return self.s("tetap")
        return self.s("naik" if c > 0 else "turun", v=self.pct(abs(c)))

    def status(self, capaian: float | None) -> str:
        return self.s(f"status_{status_of(capaian)}")

    def listing(self, items: Sequence[str]) -> str:
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.s('and')} " + items[-1]


def _build(
    ctx: _Ctx,
    key: str,
    number: str,
    part: str,
    cols: Sequence[Col],
    lines: Sequence[Line],
    *,
    title_kw: Mapping[str, object] | None = None,
    groups: Sequence[tuple[str, int]] = (),
    paragraph: str = "",
    datasets: Sequence[str] = (),
) -> ReportTable:
    """A :class:`ReportTable` from printed columns and rows of values."""
    labels = [c.label for c in cols]
    display = pd.DataFrame(
        [[fmt_cell(line.values.get(c.key), c.kind, c.decimals, ctx.lang) for c in cols] for line in lines],
        columns=labels,
        dtype=object,
    )
    raw = pd.DataFrame(
        [[None if _none(line.values.get(c.key)) else line.values.get(c.key) for c in cols] for line in lines],
        columns=labels,
        dtype=object,
    )
    y = ctx.year
    title = ctx.s(f"t_{key}", y=y, y1=y - 1, y2=y - 2, y3=y - 3, e=y - 1, **(title_kw or {}))
    right = tuple(c.label for c in cols if c.kind != "text")
    table = Table(display, raw, key, (number,), title, right)
    derived = frozenset((i, c.label) for i, line in enumerate(lines) for c in cols if c.key in line.derived)
    return ReportTable(
        key=key,
        number=number,
        title=title,
        part=part,
        table=table,
        groups=tuple(groups),
        bold=tuple(i for i, line in enumerate(lines) if line.bold),
        indent=tuple(line.indent for line in lines),
        derived=derived,
        paragraph=paragraph,
        datasets=tuple(datasets),
        available=bool(lines),
    )


def _empty(ctx: _Ctx, key: str, number: str, part: str, datasets: Sequence[str] = ()) -> ReportTable:
    """A table the database holds nothing for in ``year``: written as a marked placeholder."""
    return _build(ctx, key, number, part, [Col("x", "")], [], datasets=datasets)


# ---------------------------------------------------------------- Bab II


def _ikss_of(ctx: _Ctx) -> pd.DataFrame:
    ikss = ctx.of("ikss", order=None)
    return ikss


def t2_1(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    ss = ctx.of("sasaran", order="code")
    ikss = _ikss_of(ctx)
    if ss.empty:
        return _empty(ctx, "T2.1", "Tabel 2.1", "II", ("sasaran", "ikss"))
    cols = [Col("no", s("c_no")), Col("ss", s("c_ss")), Col("ikss", s("c_ikss"))]
    lines, listing = [], []
    for i, row in enumerate(ss.itertuples(), start=1):
        names = [str(n) for n in ikss[ikss["ss_code"] == row.code]["name"]]
        cell = names[0] if len(names) == 1 else "\n".join(f"{j}. {n}" for j, n in enumerate(names, start=1))
        lines.append(Line({"no": str(i), "ss": row.name, "ikss": cell}))
        listing.append(f"{row.code}: {', '.join(names)}")
    para = s("p_T2.1", y=ctx.year, n_ss=len(ss), n_ikss=len(ikss), list="; ".join(listing))
    return _build(ctx, "T2.1", "Tabel 2.1", "II", cols, lines, paragraph=para, datasets=("sasaran", "ikss"))


def _month_order(values: Iterable[object]) -> list[str]:
    found = list(dict.fromkeys(str(v) for v in values))
    return sorted(found, key=lambda m: MONTHS.index(m) if m in MONTHS else len(MONTHS) + found.index(m))


def _ikss_value(value: object, text: object, satuan: object, decimals: int | None = None) -> str | float | None:
    """An IKSS target or realisation as printed: ``9,85%`` for a percentage, ``WTP`` for an opinion."""
    if _t(text):
        return str(text)
    v = _f(value)
    if v is None:
        return None
    if satuan == "%":
        return fmt_cell(v, "pct", 2 if decimals is None else decimals)
    return fmt_cell(v, "num", decimals)


def t2_2(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    pk = ctx.of("pk_target", order=None)
    ss = ctx.of("sasaran", order="code")
    ikss = _ikss_of(ctx)
    if pk.empty or ss.empty:
        return _empty(ctx, "T2.2", "Tabel 2.2", "II", ("pk_target",))
    last = _month_order(pk["revisi"])[-1]
    pk = pk[pk["revisi"] == last].set_index("ikss_code")
    cols = [Col("no", s("c_no")), Col("ss", s("c_ss")), Col("ikss", s("c_ikss")), Col("target", s("c_target"))]
    lines, listing = [], []
    for i, row in enumerate(ss.itertuples(), start=1):
        mine = ikss[ikss["ss_code"] == row.code]
        names, targets = [], []
        for r in mine.itertuples():
            t = pk.loc[r.code] if r.code in pk.index else None
            value = _ikss_value(t["target"], t["target_text"], r.satuan) if t is not None else None
            names.append(str(r.name))
            targets.append(value or "")
            listing.append(f"{r.name} {value or '–'}")
        lines.append(Line({"no": f"{i}.", "ss": row.name, "ikss": "\n".join(names), "target": "\n".join(targets)}))
    para = s("p_T2.2", y=ctx.year, rev=last, list=ctx.listing(listing))
    return _build(ctx, "T2.2", "Tabel 2.2", "II", cols, lines, paragraph=para, datasets=("pk_target", "ikss"))


def _programs(ctx: _Ctx) -> list[tuple[str, str]]:
    """(code, name) of the year's programmes in the report's order (Tabel 3.20's ``urutan``)."""
    bp = ctx.of("budget_program")
    if not bp.empty:
        return list(zip(bp["program_code"], bp["program_name"], strict=True))
    prog = ctx.of("program", order=None)
    return list(zip(prog["code"], prog["name"], strict=True))


def t2_3(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    pk = ctx.of("pk_pagu_program", order=None)
    if pk.empty:
        return _empty(ctx, "T2.3", "Tabel 2.3", "II", ("pk_pagu_program",))
    revs = _month_order(pk["revisi"])
    cols = [Col("no", s("c_no")), Col("program", s("c_program"))] + [
        Col(r, s("c_pagu_rev", y=ctx.year, rev=r.upper()), "int") for r in revs
    ]
    by = {(r.program_code, r.revisi): _f(r.pagu_rp) for r in pk.itertuples()}
    lines = []
    for i, (code, name) in enumerate(_programs(ctx), start=1):
        lines.append(Line({"no": f"{i}.", "program": name, **{r: by.get((code, r)) for r in revs}}))
    totals = {r: _sum(by.get((c, r)) for c, _ in _programs(ctx)) for r in revs}
    lines.append(Line({"no": s("r_total"), **totals}, bold=True, derived=tuple(revs)))
    first, last = totals[revs[0]], totals[revs[-1]]
    d = _diff(last, first)
    para = s(
        "p_T2.3",
        y=ctx.year,
        first=ctx.n(first, 0),
        last=ctx.n(last, 0),
        rev_first=revs[0],
        rev_last=revs[-1],
        dir=s("naik", v="").strip() if (d or 0) >= 0 else s("turun", v="").strip(),
        diff=ctx.n(abs(d or 0), 0),
        pct=ctx.pct(kcap.ratio_pct(abs(d or 0), first)),
    )
    return _build(ctx, "T2.3", "Tabel 2.3", "II", cols, lines, paragraph=para, datasets=("pk_pagu_program",))


_PN_LEVELS = ("pn", "program", "kegiatan", "output")


def _children_by_order(frame: pd.DataFrame, levels: Sequence[str]) -> dict[int, list[int]]:
    """Parent row → its children in printed order: the following rows one level down (as ``rollup.T2.4``)."""
    stack: list[tuple[int, int]] = []
    children: dict[int, list[int]] = {}
    for i, level in enumerate(frame["level"]):
        depth = levels.index(level)
        while stack and stack[-1][1] >= depth:
            stack.pop()
        if stack and stack[-1][1] == depth - 1:
            children.setdefault(stack[-1][0], []).append(i)
        stack.append((i, depth))
    return children


def _pn_label(row: pd.Series) -> str:
    level = row["level"]
    if level == "pn":
        return f"{row['pn_code']} {row['name']}"
    if level == "program":
        return f"{row['program_code']} {row['name']}"
    if level == "kegiatan":
        return f"{row['kegiatan_code']} {row['name']}"
    satuan = _t(row.get("satuan"))
    return f"{row['output_code']} {row['name']}" + (f" ({satuan})" if satuan else "")


def _pn_lines(frame: pd.DataFrame, value_cols: Sequence[str]) -> list[Line]:
    """The PN hierarchy (Tabel 2.4, Lampiran 5): each parent's figures the sum of its stored children's."""
    kids = _children_by_order(frame, _PN_LEVELS)
    lines = []
    for i, row in frame.iterrows():
        values: dict[str, object] = {"label": _pn_label(row)}
        derived: tuple[str, ...] = ()
        if i in kids:
            values.update({c: _sum(frame.loc[kids[i], c]) for c in value_cols})
            derived = tuple(value_cols)
        else:
            values.update({c: _f(row[c]) for c in value_cols})
        depth = _PN_LEVELS.index(row["level"])
        lines.append(Line(values, bold=depth < 2, derived=derived, indent=depth))
    return lines


def t2_4(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    pn = ctx.of("pn_item")
    if pn.empty:
        return _empty(ctx, "T2.4", "Tabel 2.4", "II", ("pn_item",))
    cols = [
        Col("label", s("c_pn")),
        Col("pagu_rp", s("c_pagu"), "int"),
        Col("target_output", s("c_target_output"), "num"),
    ]
    lines = _pn_lines(pn, ("pagu_rp", "target_output"))
    top = pn[pn["level"] == "pn"]
    total = _sum(top["pagu_rp"])
    lines.append(Line({"label": s("r_grand_total"), "pagu_rp": total}, bold=True, derived=("pagu_rp",)))
    outs = pn[pn["level"] == "output"]
    listing = [f"PN {r.pn_code} Rp{ctx.n(r.pagu_rp, 0)}" for r in top.itertuples()]
    para = s("p_T2.4", y=ctx.year, n_pn=len(top), pagu=ctx.n(total, 0), n_out=len(outs), list=ctx.listing(listing))
    return _build(ctx, "T2.4", "Tabel 2.4", "II", cols, lines, paragraph=para, datasets=("pn_item",))


# ---------------------------------------------------------------- Bab III: 3.1, 3.2


def t3_1(ctx: _Ctx) -> ReportTable:
    """Tabel 3.1 is the indicators' calculation methods: text, not figures; the database does not hold it."""
    return _empty(ctx, "T3.1", "Tabel 3.1", "III.1")


def t3_2(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    ikss, cap = ctx.get("ikss"), ctx.get("ikss_capaian")
    rows = ikss_table(ikss, cap, y) if not of_year(ikss, y).empty else pd.DataFrame()
    if rows.empty:
        return _empty(ctx, "T3.2", "Tabel 3.2", "III.1", ("ikss_capaian",))
    y1, y2 = y - 1, y - 2
    cols = [
        Col("name", s("c_ikss_short")),
        # numbers as the IKSS's unit writes them (``2,70%``) or an opinion (``WTP``): right-aligned as figures
        Col("r2", s("c_realisasi_y", y=y2), "num"),
        Col("r1", s("c_realisasi_y", y=y1), "num"),
        Col("target", s("c_target_y", y=y), "num"),
        Col("realisasi", s("c_realisasi_y", y=y), "num"),
        Col("capaian", s("c_capaian_y", y=y), "pct", 2),
    ]

    def realisasi_of(code: str, year: int, satuan: object) -> object:
        hit = of_year(cap, year)
        hit = hit[hit["ikss_code"] == code]
        if hit.empty:
            return None
        return _ikss_value(hit.iloc[0]["realisasi"], hit.iloc[0]["realisasi_text"], satuan)

    ss = ctx.of("sasaran", order="code").set_index("code")["name"] if not ctx.of("sasaran").empty else {}
    lines, items = [], []
    for code, group in rows.groupby("ss_code", sort=True):
        lines.append(Line({"name": s("r_ss_prefix", code=code, name=ss.get(code, ""))}, bold=True))
        for r in group.itertuples():
            c = _f(r.capaian_pct)
            if c is None:
                c = _f(r.capaian_printed_pct)
            lines.append(
                Line(
                    {
                        "name": r.name,
                        "r2": realisasi_of(r.code, y2, r.satuan),
                        "r1": realisasi_of(r.code, y1, r.satuan),
                        "target": _ikss_value(r.target, r.target_text, r.satuan),
                        "realisasi": _ikss_value(r.realisasi, r.realisasi_text, r.satuan),
                        "capaian": c,
                    },
                    derived=("capaian",),
                )
            )
            prev = realisasi_of(r.code, y1, r.satuan)
            items.append(
                s(
                    "p_T3.2_item",
                    name=r.name,
                    t=_ikss_value(r.target, r.target_text, r.satuan) or "–",
                    r=_ikss_value(r.realisasi, r.realisasi_text, r.satuan) or "–",
                    c=ctx.pct(c),
                    status=ctx.status(c),
                    prev=s("p_prev", py=y1, v=prev) if prev else "",
                )
            )
    per_ss = ss_capaian(rows)
    para = s("p_T3.2", y=y, ss1=ctx.pct(per_ss.get("SS-1")), ss2=ctx.pct(per_ss.get("SS-2")), list=" ".join(items))
    return _build(ctx, "T3.2", "Tabel 3.2", "III.1", cols, lines, paragraph=para, datasets=("ikss", "ikss_capaian"))


# ---------------------------------------------------------------- Bab III: SS-1 (3.3 - 3.15)


def t3_3(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    now = ctx.of("pyb_program")
    if now.empty:
        return _empty(ctx, "T3.3", "Tabel 3.3", "III.2.1", ("pyb_program",))
    y1, y2 = y - 1, y - 2
    real = {(r.year, r.komponen): _f(r.realisasi) for r in ctx.get("pyb_program").itertuples()}
    cols = [
        Col("no", s("c_no")),
        Col("label", s("c_kinerja_program")),
        Col("r2", s("c_real_year_orang", y=y2), "paren"),
        Col("r1", s("c_real_year_orang", y=y1), "paren"),
        Col("target", s("c_target_year_orang", y=y), "paren"),
        Col("realisasi", s("c_real_year_orang", y=y), "paren"),
        Col("capaian", s("c_capaian_y", y=y), "pct", 2),
        Col("delta", s("c_delta_real"), "pct", 2),
    ]
    lines, items = [], []
    for i, r in enumerate(now.itertuples(), start=1):
        t, rr, p1 = _f(r.target), _f(r.realisasi), real.get((y1, r.komponen))
        # the intersection PyB PHI ∩ PyB Binwas is subtracted: it has no target, so no capaian and no change
        c = kcap.capaian_pct(t, rr) if t is not None else None
        d = _change_pct(rr, p1) if t is not None else None
        lines.append(
            Line(
                {
                    "no": f"{i}.",
                    "label": r.label,
                    "r2": real.get((y2, r.komponen)),
                    "r1": p1,
                    "target": t,
                    "realisasi": rr,
                    "capaian": c,
                    "delta": d,
                },
                derived=("capaian", "delta"),
            )
        )
        if c is not None:
            items.append(s("p_T3.3_item", name=r.label, c=ctx.pct(c), status=ctx.status(c)))
    comps = list(now["komponen"])
    tot = {
        "r2": _sum(real.get((y2, k)) for k in comps),
        "r1": _sum(real.get((y1, k)) for k in comps),
        "target": _sum(now["target"]),
        "realisasi": _sum(now["realisasi"]),
    }
    tot["capaian"] = kcap.capaian_pct(tot["target"], tot["realisasi"])
    tot["delta"] = _change_pct(tot["realisasi"], tot["r1"])
    ikss = _ikss_of(ctx)
    label = next(iter(ikss[ikss["ss_code"] == "SS-1"]["name"]), "")
    lines.append(Line({"no": label, **tot}, bold=True, derived=tuple(tot)))
    para = s(
        "p_T3.3",
        y=y,
        c=ctx.pct(tot["capaian"]),
        status=ctx.status(tot["capaian"]),
        r=ctx.n(tot["realisasi"], 0),
        t=ctx.n(tot["target"], 0),
        change=ctx.change_pct(tot["realisasi"], tot["r1"]),
        py=y1,
        rp=ctx.n(tot["r1"], 0),
        list=s("p_capaian_list", items=ctx.listing(items)) if items else "",
    )
    return _build(ctx, "T3.3", "Tabel 3.3", "III.2.1", cols, lines, paragraph=para, datasets=("pyb_program",))


def t3_4(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    now = ctx.of("job_creation")
    if now.empty:
        return _empty(ctx, "T3.4", "Tabel 3.4", "III.2.1", ("job_creation",))
    y1, y2 = y - 1, y - 2
    allj = ctx.get("job_creation")
    stored = {(r.year, r.kode): _f(r.realisasi) for r in allj.itertuples()}
    kids: dict[str, list[str]] = {}
    for r in now.itertuples():
        if _t(r.parent_kode):
            kids.setdefault(str(r.parent_kode), []).append(str(r.kode))

    def value(year: int, kode: str) -> float | None:
        """A parent row is the sum of its stored children (``rollup.T3.4``); a child as stored."""
        if kode in kids:
            return _sum(stored.get((year, k)) for k in kids[kode])
        return stored.get((year, kode))

    cols = [
        Col("no", s("c_no_plain")),
        Col("label", s("c_intervensi_kemnaker")),
        Col("r2", s("c_real_ta", y=y2), "int"),
        Col("r1", s("c_real_ta", y=y1), "int"),
        Col("r0", s("c_real_ta", y=y), "int"),
        Col("delta", s("c_delta_pct"), "pct", 2),
        Col("pelaksana", s("c_pelaksana").capitalize()),
    ]
    lines, items, n = [], [], 0
    for r in now.itertuples():
        kode, parent = str(r.kode), _t(r.parent_kode)
        vals = {"r2": value(y2, kode), "r1": value(y1, kode), "r0": value(y, kode)}
        vals["delta"] = _change_pct(vals["r0"], vals["r1"])
        if parent is None:
            n += 1
            label, no = r.intervensi, f"{n}."
            items.append(
                s(
                    "p_T3.4_item",
                    name=r.intervensi,
                    r=ctx.n(vals["r0"], 0),
                    change=ctx.change_pct(vals["r0"], vals["r1"]),
                )
            )
        else:
            label, no = f"{kode.removeprefix(parent)}. {r.intervensi}", ""
        derived = ("r2", "r1", "r0", "delta") if kode in kids else ("delta",)
        lines.append(
            Line(
                {"no": no, "label": label, **vals, "pelaksana": _t(r.pelaksana) or ""},
                derived=derived,
                indent=0 if parent is None else 1,
            )
        )
    tops = [str(k) for k in now[now["parent_kode"].isna()]["kode"]]
    tot = {yk: _sum(value(yy, k) for k in tops) for yk, yy in (("r2", y2), ("r1", y1), ("r0", y))}
    tot["delta"] = _change_pct(tot["r0"], tot["r1"])
    lines.append(Line({"no": s("r_total_plain"), **tot, "pelaksana": s("r_kemnaker")}, bold=True, derived=tuple(tot)))
    para = s(
        "p_T3.4",
        y=y,
        r=ctx.n(tot["r0"], 0),
        change=ctx.change_pct(tot["r0"], tot["r1"]),
        py=y1,
        rp=ctx.n(tot["r1"], 0),
        list=ctx.listing(items) + ".",
    )
    return _build(ctx, "T3.4", "Tabel 3.4", "III.2.1", cols, lines, paragraph=para, datasets=("job_creation",))


def t3_5(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    kj = ctx.of("kejuruan")
    if kj.empty:
        return _empty(ctx, "T3.5", "Tabel 3.5", "III.2.1", ("kejuruan",))
    names = list(kj["kejuruan"])
    half = (len(names) + 1) // 2
    cols = [
        Col("no1", s("c_no") + "."),
        Col("k1", s("c_kejuruan")),
        Col("no2", s("c_no") + ". "),
        Col("k2", s("c_kejuruan") + " "),
    ]
    lines = []
    for i in range(half):
        j = i + half
        lines.append(
            Line(
                {
                    "no1": str(i + 1),
                    "k1": names[i],
                    "no2": str(j + 1) if j < len(names) else "",
                    "k2": names[j] if j < len(names) else "",
                }
            )
        )
    para = s("p_T3.5", y=ctx.year, n=len(names))
    return _build(ctx, "T3.5", "Tabel 3.5", "III.2.1", cols, lines, paragraph=para, datasets=("kejuruan",))


def t3_6(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    tr = ctx.of("training_uptp")
    if tr.empty:
        return _empty(ctx, "T3.6", "Tabel 3.6", "III.2.1", ("training_uptp",))
    cols = [
        Col("no", s("c_no")),
        Col("uptp", s("c_unit_pelaksana")),
        Col("target", s("c_target"), "int"),
        Col("realisasi", s("c_realisasi"), "int"),
        Col("capaian", s("c_capaian"), "pct", 2),
    ]
    lines, caps = [], []
    for i, r in enumerate(tr.itertuples(), start=1):
        c = kcap.capaian_pct(_f(r.target), _f(r.realisasi))
        caps.append((c, r.uptp))
        lines.append(
            Line(
                {"no": str(i), "uptp": r.uptp, "target": _f(r.target), "realisasi": _f(r.realisasi), "capaian": c},
                derived=("capaian",),
            )
        )
    tot = {"target": _sum(tr["target"]), "realisasi": _sum(tr["realisasi"])}
    tot["capaian"] = kcap.capaian_pct(tot["target"], tot["realisasi"])
    lines.append(Line({"no": s("r_total"), **tot}, bold=True, derived=tuple(tot)))
    known = [(c, u) for c, u in caps if c is not None]
    low = min(known) if known else (None, "–")
    para = s(
        "p_T3.6",
        n=len(tr),
        y=ctx.year,
        r=ctx.n(tot["realisasi"], 0),
        t=ctx.n(tot["target"], 0),
        c=ctx.pct(tot["capaian"]),
        status=ctx.status(tot["capaian"]),
        k=sum(1 for c, _ in known if c >= 100),
        low=low[1],
        low_c=ctx.pct(low[0]),
    )
    return _build(ctx, "T3.6", "Tabel 3.6", "III.2.1", cols, lines, paragraph=para, datasets=("training_uptp",))


def t3_7(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    bk = ctx.of("blk_komunitas_uptp")
    if bk.empty:
        return _empty(ctx, "T3.7", "Tabel 3.7", "III.2.1", ("blk_komunitas_uptp",))
    parts = ("mandiri", "berkembang", "tumbuh", "pembangunan_baru")
    cols = [
        Col("no", s("c_no")),
        Col("uptp", s("c_uptp")),
        Col("mandiri", s("c_mandiri"), "int"),
        Col("berkembang", s("c_berkembang"), "int"),
        Col("tumbuh", s("c_tumbuh"), "int"),
        Col("pembangunan_baru", s("c_pembangunan_y", y=y), "int"),
        Col("jumlah", s("c_jumlah_blkk"), "int"),
    ]
    lines = []
    for i, r in enumerate(bk.itertuples(), start=1):
        vals = {p: _f(getattr(r, p)) for p in parts}
        # a centre's total is the sum of its types and its new builds (``total.T3.7.row``)
        lines.append(Line({"no": str(i), "uptp": r.uptp, **vals, "jumlah": _sum(vals.values())}, derived=("jumlah",)))
    # the JUMLAH row adds up each column as stored (``total.T3.7``)
    tot = {p: _sum(bk[p]) for p in parts} | {"jumlah": _sum(bk["jumlah_blkk"])}
    lines.append(Line({"no": s("r_jumlah"), **tot}, bold=True, derived=tuple(tot)))
    groups = [(s("c_no"), 1), (s("c_uptp"), 1), (s("c_klasifikasi"), 3), (cols[5].label, 1), (cols[6].label, 1)]
    para = s(
        "p_T3.7",
        y=y,
        total=ctx.n(tot["jumlah"], 0),
        n=len(bk),
        m=ctx.n(tot["mandiri"], 0),
        b=ctx.n(tot["berkembang"], 0),
        g=ctx.n(tot["tumbuh"], 0),
        p=ctx.n(tot["pembangunan_baru"], 0),
    )
    return _build(
        ctx,
        "T3.7",
        "Tabel 3.7",
        "III.2.1",
        cols,
        lines,
        groups=groups,
        paragraph=para,
        datasets=("blk_komunitas_uptp",),
    )


def _last_years(frame: pd.DataFrame, year: int, n: int) -> list[int]:
    years = sorted({int(v) for v in frame["year"].dropna() if int(v) <= year}) if "year" in frame.columns else []
    return years[-n:]


def t3_8(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    tr = ctx.get("blk_komunitas_trend")
    years = _last_years(tr, y, 3)
    if not years or years[-1] != y:
        return _empty(ctx, "T3.8", "Tabel 3.8", "III.2.1", ("blk_komunitas_trend",))
    parts = ("mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk")
    cols = [
        Col("no", s("c_no")),
        Col("tahun", s("c_tahun")),
        Col("mandiri", s("c_mandiri"), "int"),
        Col("berkembang", s("c_berkembang"), "int"),
        Col("tumbuh", s("c_tumbuh"), "int"),
        Col("pembangunan_baru", s("c_pembangunan_baru"), "int"),
        Col("jumlah_blkk", s("c_jumlah_blkk"), "int"),
    ]
    rows = {}
    lines = []
    for i, yy in enumerate(years, start=1):
        r = of_year(tr, yy).iloc[0]
        rows[yy] = {p: _f(r[p]) for p in parts}
        lines.append(Line({"no": str(i), "tahun": str(yy), **rows[yy]}))
    groups = [(s("c_no"), 1), (s("c_tahun"), 1), (s("c_klasifikasi"), 3), (cols[5].label, 1), (cols[6].label, 1)]
    now, py = rows[y], years[-2] if len(years) > 1 else None
    para = s(
        "p_T3.8",
        y=y,
        total=ctx.n(now["jumlah_blkk"], 0),
        py=py or "–",
        change=ctx.change(now["jumlah_blkk"], rows[py]["jumlah_blkk"] if py else None, 0),
        prev=ctx.n(rows[py]["jumlah_blkk"], 0) if py else "–",
        m=ctx.n(now["mandiri"], 0),
        b=ctx.n(now["berkembang"], 0),
        g=ctx.n(now["tumbuh"], 0),
    )
    return _build(
        ctx,
        "T3.8",
        "Tabel 3.8",
        "III.2.1",
        cols,
        lines,
        groups=groups,
        paragraph=para,
        datasets=("blk_komunitas_trend",),
    )


def t3_9(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    cr = ctx.of("blk_komunitas_criteria", order=None)
    if cr.empty:
        return _empty(ctx, "T3.9", "Tabel 3.9", "III.2.1", ("blk_komunitas_criteria",))
    tipes = list(dict.fromkeys(cr["tipe"]))
    per = {t: list(cr[cr["tipe"] == t].sort_values("urutan")["kriteria"]) for t in tipes}
    cols = [Col(t, s("c_blkk_tipe", t=t)) for t in tipes]
    depth = max(len(v) for v in per.values())
    lines = [Line({t: per[t][i] if i < len(per[t]) else "" for t in tipes}) for i in range(depth)]
    para = s("p_T3.9", n=depth, list=ctx.listing([s("p_T3.9_item", t=t, k=len(per[t])) for t in tipes]))
    return _build(
        ctx, "T3.9", "Tabel 3.9", "III.2.1", cols, lines, paragraph=para, datasets=("blk_komunitas_criteria",)
    )


def t3_10(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    pd_ = ctx.of("placement_domestic")
    if pd_.empty:
        return _empty(ctx, "T3.10", "Tabel 3.10", "III.2.1", ("placement_domestic",))
    cols = [
        Col("no", s("c_no") + "."),
        Col("label", s("c_intervensi")),
        Col("target", s("c_target"), "int"),
        Col("realisasi", s("c_realisasi"), "int"),
        Col("capaian", s("c_capaian_pct"), "pct", 0),
        Col("pelaksana", s("c_pelaksana")),
    ]
    lines = []
    groups = list(dict.fromkeys(pd_["kelompok"]))
    tops_t, tops_r = [], []
    for g, kelompok in enumerate(groups, start=1):
        rows = pd_[pd_["kelompok"] == kelompok]
        t, r = _sum(rows["target"]), _sum(rows["realisasi"])
        tops_t.append(t)
        tops_r.append(r)
        if len(rows) == 1:
            row = rows.iloc[0]
            lines.append(
                Line(
                    {
                        "no": f"{g}.",
                        "label": row["intervensi"],
                        "target": t,
                        "realisasi": r,
                        "capaian": kcap.capaian_pct(t, r),
                        "pelaksana": _t(row["pelaksana"]) or "",
                    },
                    derived=("capaian",),
                )
            )
            continue
        # a group of interventions prints its sum (``T3.10.2``) above its items
        lines.append(
            Line(
                {
                    "no": f"{g}.",
                    "label": kelompok,
                    "target": t,
                    "realisasi": r,
                    "capaian": kcap.capaian_pct(t, r),
                    "pelaksana": _t(rows.iloc[0]["pelaksana"]) or "",
                },
                derived=("target", "realisasi", "capaian"),
            )
        )
        for row in rows.itertuples():
            letter = str(row.nomor).split(".")[-1]
            lines.append(
                Line(
                    {
                        "no": "",
                        "label": f"{letter}. {row.intervensi}",
                        "target": _f(row.target),
                        "realisasi": _f(row.realisasi),
                        "capaian": kcap.capaian_pct(_f(row.target), _f(row.realisasi)),
                    },
                    derived=("capaian",),
                    indent=1,
                )
            )
    tot = {"target": _sum(tops_t), "realisasi": _sum(tops_r)}
    tot["capaian"] = kcap.capaian_pct(tot["target"], tot["realisasi"])
    lines.append(
        Line({"no": s("r_total_penempatan"), **tot, "pelaksana": s("r_binapenta")}, bold=True, derived=tuple(tot))
    )
    para = s(
        "p_T3.10",
        y=ctx.year,
        r=ctx.n(tot["realisasi"], 0),
        t=ctx.n(tot["target"], 0),
        c=ctx.pct(tot["capaian"], 0),
        status=ctx.status(tot["capaian"]),
    )
    return _build(ctx, "T3.10", "Tabel 3.10", "III.2.1", cols, lines, paragraph=para, datasets=("placement_domestic",))


def t3_11(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    pm = ctx.of("pmi_country")
    if pm.empty:
        return _empty(ctx, "T3.11", "Tabel 3.11", "III.2.1", ("pmi_country",))
    cols = [Col("no", s("c_no") + "."), Col("negara", s("c_negara")), Col("n", s("c_penempatan_pmi"), "int")]
    lines = [
        Line({"no": f"{i}.", "negara": r.negara, "n": _f(r.penempatan_pmi)})
        for i, r in enumerate(pm.itertuples(), start=1)
    ]
    top = pm.iloc[0]
    para = s(
        "p_T3.11",
        y=ctx.year,
        top=top["negara"],
        n=ctx.n(top["penempatan_pmi"], 0),
        k=len(pm),
        sum=ctx.n(_sum(pm["penempatan_pmi"]), 0),
    )
    return _build(ctx, "T3.11", "Tabel 3.11", "III.2.1", cols, lines, paragraph=para, datasets=("pmi_country",))


def t3_12(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    wl = ctx.get("wlkp_company")
    years = _last_years(wl, y, 3)
    if not years or years[-1] != y:
        return _empty(ctx, "T3.12", "Tabel 3.12", "III.2.1", ("wlkp_company",))
    scales = list(dict.fromkeys(of_year(wl, y).sort_values("urutan")["skala"]))
    cols = [Col("no", s("c_no") + "."), Col("tahun", s("c_tahun"))]
    cols += [Col(f"k{i}", sk.upper(), "int") for i, sk in enumerate(scales)]
    cols += [Col("total", s("c_total_perusahaan"), "int")]
    lines, totals = [], {}
    for i, yy in enumerate(years, start=1):
        rows = of_year(wl, yy).set_index("skala")["jumlah_perusahaan"]
        vals = {f"k{j}": _f(rows.get(sk)) for j, sk in enumerate(scales)}
        totals[yy] = _sum(vals.values())
        lines.append(Line({"no": f"{i}.", "tahun": str(yy), **vals, "total": totals[yy]}, derived=("total",)))
    groups = [(s("c_no") + ".", 1), (s("c_tahun"), 1), (s("c_perusahaan"), len(scales)), (s("c_total_perusahaan"), 1)]
    py = years[-2] if len(years) > 1 else None
    para = s(
        "p_T3.12",
        y=y,
        n=ctx.n(totals[y], 0),
        py=py or "–",
        change=ctx.change(totals[y], totals.get(py), 0),
        prev=ctx.n(totals.get(py), 0),
    )
    return _build(
        ctx, "T3.12", "Tabel 3.12", "III.2.1", cols, lines, groups=groups, paragraph=para, datasets=("wlkp_company",)
    )


def t3_13(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    ph = ctx.get("phi_focus")
    now = ctx.of("phi_focus")
    if now.empty:
        return _empty(ctx, "T3.13", "Tabel 3.13", "III.2.1", ("phi_focus",))
    years = [y - 2, y - 1, y]
    by = {(int(r.year), r.urutan): _f(r.jumlah_perusahaan) for r in ph.itertuples()}
    cols = [Col("no", s("c_no")), Col("fokus", s("c_fokus"))] + [Col(str(yy), str(yy), "int") for yy in years]
    lines, items = [], []
    for i, r in enumerate(now.itertuples(), start=1):
        lines.append(
            Line({"no": str(i), "fokus": r.fokus_pembinaan, **{str(yy): by.get((yy, r.urutan)) for yy in years}})
        )
        items.append(
            s(
                "p_T3.13_item",
                name=r.fokus_pembinaan,
                n=ctx.n(by.get((y, r.urutan)), 0),
                change=ctx.change_pct(by.get((y, r.urutan)), by.get((y - 1, r.urutan))),
            )
        )
    groups = [(s("c_no"), 1), (s("c_fokus"), 1), (s("c_jumlah_pembinaan"), 3)]
    para = s("p_T3.13", y=y, list=ctx.listing(items))
    return _build(
        ctx, "T3.13", "Tabel 3.13", "III.2.1", cols, lines, groups=groups, paragraph=para, datasets=("phi_focus",)
    )


def t3_14(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    js = ctx.of("jamsos_participation")
    if js.empty:
        return _empty(ctx, "T3.14", "Tabel 3.14", "III.2.1", ("jamsos_participation",))
    progs = ("jht", "jkk", "jkm", "jp")
    cols = [
        Col("label", s("c_uraian")),
        Col("aktif", s("c_aktif"), "int"),
        Col("non_aktif", s("c_non_aktif"), "int"),
    ] + [Col(p, s(f"c_{p}"), "int") for p in progs]
    lines = [Line({"label": s("r_jamsos_program")}, bold=True)]
    for i, r in enumerate(js.itertuples()):
        letter = "abcdefghijklmnopqrstuvwxyz"[i]
        lines.append(
            Line(
                {
                    "label": f"{letter}. {r.kategori_peserta}",
                    "aktif": _f(r.aktif),
                    "non_aktif": _f(r.non_aktif),
                    **{p: _f(getattr(r, p)) for p in progs},
                },
                indent=1,
            )
        )
    a, na = _sum(js["aktif"]), _sum(js["non_aktif"])
    lines.append(Line({"label": s("r_jumlah"), "aktif": a, "non_aktif": na}, bold=True, derived=("aktif", "non_aktif")))
    total = _sum([a, na])
    lines.append(Line({"label": s("r_jamsos_total"), "aktif": total}, bold=True, derived=("aktif",)))
    groups = [(cols[0].label, 1), (cols[1].label, 1), (cols[2].label, 1), (s("c_program_aktif"), 4)]
    para = s("p_T3.14", a=ctx.n(a, 0), na=ctx.n(na, 0), t=ctx.n(total, 0))
    return _build(
        ctx,
        "T3.14",
        "Tabel 3.14",
        "III.2.1",
        cols,
        lines,
        groups=groups,
        paragraph=para,
        datasets=("jamsos_participation",),
    )


def t3_15(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    lf = ctx.get("labour_force_bps")
    now = ctx.of("labour_force_bps")
    if now.empty:
        return _empty(ctx, "T3.15", "Tabel 3.15", "III.2.1", ("labour_force_bps",))
    years = [y - 3, y - 2, y - 1, y]
    by = {(int(r.year), r.kode): _f(r.nilai) for r in lf.itertuples()}
    cols = [Col("label", s("c_status_naker"))]
    cols += [Col(str(yy), s("c_agustus", y=yy), "num", 2) for yy in years]
    cols += [Col("chg", s("c_perubahan_juta"), "num", 2), Col("pct", s("c_perubahan_persen"), "num", 2)]
    base = str(now.iloc[0]["kode"])
    lines, facts, unit = [], {}, None
    for r in now.itertuples():
        if unit is not None and r.satuan != unit and r.satuan == "persen":
            lines.append(Line({"label": "", **{str(yy): s("r_persen") for yy in years}, "chg": s("r_persen_poin")}))
        unit = r.satuan
        a, b = by.get((y, r.kode)), by.get((y - 1, r.kode))
        chg = _diff(a, b)
        # a rate (TPAK, in persen) changes by points only; counts also by percent (``pct.T3.15``)
        pct = kcap.ratio_pct(chg, b) if r.satuan != "persen" and chg is not None else None
        dash = "- " if _t(r.induk) and str(r.induk) != base else ""
        lines.append(
            Line(
                {
                    "label": f"{dash}{r.indikator}",
                    **{str(yy): by.get((yy, r.kode)) for yy in years},
                    "chg": chg,
                    "pct": pct,
                },
                derived=("chg", "pct"),
                indent=1 if dash else 0,
            )
        )
        facts[str(r.kode)] = (a, chg)
    groups = [(cols[0].label, 1)] + [(c.label, 1) for c in cols[1:5]] + [(s("c_perubahan", y=y, y1=y - 1), 2)]
    b, u, t = (
        facts.get("bekerja", (None, None)),
        facts.get("pengangguran", (None, None)),
        facts.get("tpak", (None, None)),
    )
    para = s(
        "p_T3.15",
        y=y,
        py=y - 1,
        b=ctx.n(b[0], 2),
        db=_signed(ctx, b[1]),
        u=ctx.n(u[0], 2),
        du=_signed(ctx, u[1]),
        tpak=ctx.pct(t[0]),
        dtpak=_signed(ctx, t[1]),
    )
    return _build(
        ctx,
        "T3.15",
        "Tabel 3.15",
        "III.2.1",
        cols,
        lines,
        groups=groups,
        paragraph=para,
        datasets=("labour_force_bps",),
    )


def _signed(ctx: _Ctx, value: float | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + ctx.n(value, 2)


# ---------------------------------------------------------------- Bab III: SS-2 (3.16 - 3.19)


def t3_16(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    rc = ctx.of("rb_component", order=None)
    if rc.empty:
        return _empty(ctx, "T3.16", "Tabel 3.16", "III.2.2", ("rb_component",))
    cols = [
        Col("no", s("c_no")),
        Col("name", s("c_fokus_penilaian")),
        Col("bobot", s("c_bobot"), "num"),
        Col("nilai", s("c_nilai"), "num", 2),
    ]
    lines = [
        Line({"no": str(i), "name": r.name, "bobot": _f(r.bobot), "nilai": _f(r.nilai)})
        for i, r in enumerate(rc.itertuples(), start=1)
    ]
    bobot, nilai = _sum(rc["bobot"]), _sum(rc["nilai"])
    lines.append(
        Line(
            {"no": str(len(rc) + 1), "name": s("r_indeks_rb"), "bobot": bobot, "nilai": nilai},
            derived=("bobot", "nilai"),
        )
    )
    # the predikat comes from KemenPAN-RB's letter, not from a formula: printed when the report has it
    pred = ctx.printed_text("T3.16.predikat")
    if pred:
        lines.append(Line({"no": s("r_predikat"), "name": f"({pred})"}, bold=True))
    hist = ctx.get("rb_history")
    prev = of_year(hist, ctx.prev("rb_history")) if not hist.empty else hist
    pv = _f(prev.iloc[0]["indeks"]) if not prev.empty else None
    gen = next((_f(r.nilai) for r in rc.itertuples() if r.code == "GENERAL"), None)
    tem = next((_f(r.nilai) for r in rc.itertuples() if r.code == "TEMATIK"), None)
    para = s(
        "p_T3.16",
        e=y - 1,
        i=ctx.n(nilai, 2),
        w=ctx.n(bobot),
        g=ctx.n(gen, 2),
        t=ctx.n(tem, 2),
        pred=s("p_pred", p=pred) if pred else "",
        prev=s("p_T3.16_prev", v=ctx.n(pv, 2), change=ctx.change(nilai, pv, 2)) if pv is not None else "",
    )
    return _build(ctx, "T3.16", "Tabel 3.16", "III.2.2", cols, lines, paragraph=para, datasets=("rb_component",))


def t3_17(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    ri = ctx.of("rb_indicator", order="nomor")
    if ri.empty:
        return _empty(ctx, "T3.17", "Tabel 3.17", "III.2.2", ("rb_indicator",))
    cols = [
        Col("no", s("c_no")),
        Col("komponen", s("c_komponen")),
        Col("indikator", s("c_indikator_penilaian")),
        Col("bobot", s("c_bobot"), "num"),
        Col("skor", s("c_skor"), "num", 2),
        Col("skor_bobot", s("c_skor_bobot"), "num", 2),
        Col("capaian", s("c_pct_capaian"), "num", 2),
    ]
    lines, caps = [], []
    for g, (code, rows) in enumerate(ri.groupby("component_code", sort=False)):
        bobot, nilai = _sum(rows["bobot"]), _sum(rows["skor_bobot"])
        label = f"RB {str(code).title()}"
        # as printed: the general component's row names it in the first column and gives its value as SKOR,
        # the thematic one names it under INDIKATOR and gives its value as SKOR BOBOT (``total.T3.17``)
        if g == 0:
            lines.append(Line({"no": label, "bobot": bobot, "skor": nilai}, bold=True, derived=("bobot", "skor")))
        else:
            lines.append(
                Line(
                    {"indikator": label, "bobot": bobot, "skor_bobot": nilai},
                    bold=True,
                    derived=("bobot", "skor_bobot"),
                )
            )
        for r in rows.itertuples():
            c = kcap.ratio_pct(_f(r.skor_bobot), _f(r.bobot))
            caps.append((c, r.indikator))
            lines.append(
                Line(
                    {
                        "no": str(r.nomor),
                        "komponen": r.komponen,
                        "indikator": r.indikator,
                        "bobot": _f(r.bobot),
                        "skor": _f(r.skor),
                        "skor_bobot": _f(r.skor_bobot),
                        "capaian": c,
                    },
                    derived=("capaian",),
                )
            )
    lines.append(
        Line(
            {"no": s("r_nilai_total"), "bobot": _sum(ri["bobot"]), "skor_bobot": _sum(ri["skor_bobot"])},
            bold=True,
            derived=("bobot", "skor_bobot"),
        )
    )
    known = [(c, n) for c, n in caps if c is not None]
    low = min(known) if known else (None, "–")
    para = s(
        "p_T3.17",
        n=len(ri),
        k=sum(1 for c, _ in known if round_half_up(c, 2) >= 100),
        low=low[1],
        low_c=ctx.pct(low[0]),
    )
    return _build(
        ctx, "T3.17", "Tabel 3.17", "III.2.2", cols, lines, title_kw={}, paragraph=para, datasets=("rb_indicator",)
    )


def _band(lo: float | None, hi: float | None, first: bool, lang: str) -> str:
    """A predikat band as Tabel 3.18 writes it: ``4,2 – 5,0``, ``3,5 – < 4,2``, ``< 1,8``."""

    def f(v: float) -> str:
        return fmt_number(v, 1, lang)

    if lo is None:
        return f"< {f(hi)}" if hi is not None else ""
    if hi is None:
        return f"≥ {f(lo)}"
    return f"{f(lo)} – {f(hi)}" if first else f"{f(lo)} – < {f(hi)}"


def t3_18(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    bands = ctx.of("spbe_predikat")
    if bands.empty:
        return _empty(ctx, "T3.18", "Tabel 3.18", "III.2.2", ("spbe_predikat",))
    cols = [Col("no", s("c_no") + "."), Col("band", s("c_nilai_indeks")), Col("predikat", s("c_predikat"))]
    lines, items = [], []
    for i, r in enumerate(bands.itertuples(), start=1):
        band = _band(_f(r.batas_bawah), _f(r.batas_atas), i == 1, ctx.lang)
        lines.append(Line({"no": f"{i}.", "band": band, "predikat": r.predikat}))
        items.append(f"{r.predikat} ({band})")
    para = s("p_T3.18", n=len(bands), list=ctx.listing(items))
    return _build(ctx, "T3.18", "Tabel 3.18", "III.2.2", cols, lines, paragraph=para, datasets=("spbe_predikat",))


def _weighted(domains: pd.DataFrame, col: str) -> float | None:
    """An SPBE index from domain values: Σ bobot × value / 100 (``kpi.spbe.index_from_domains``)."""
    if domains.empty or domains[col].isna().any() or domains["bobot_pct"].isna().any():
        return None
    return float((domains["bobot_pct"].astype(float) * domains[col].astype(float)).sum() / 100)


def _spbe_tree(domains: pd.DataFrame, aspects: pd.DataFrame) -> list[tuple[str, pd.Series]]:
    """Domains in code order, each followed by its aspects: ("domain"|"aspect", row)."""
    out = []
    for _, d in domains.sort_values("code").iterrows():
        out.append(("domain", d))
        for _, a in aspects[aspects["domain_code"] == d["code"]].sort_values("code").iterrows():
            out.append(("aspect", a))
    return out


def t3_19(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    dom, asp = ctx.of("spbe_domain", order="code"), ctx.of("spbe_aspect", order="code")
    if dom.empty:
        return _empty(ctx, "T3.19", "Tabel 3.19", "III.2.2", ("spbe_domain", "spbe_aspect"))
    years = [y - 2, y - 1, y]
    cols = [Col("name", s("c_nama_indeks"))] + [Col(str(yy), s("c_nilai_kemnaker", y=yy), "num", 2) for yy in years]
    cols += [Col("avg", s("c_rata_kementerian"), "num", 2)]
    cap = ctx.get("ikss_capaian")
    spbe = {yy: _f(next(iter(of_year(cap, yy).query("ikss_code == 'indeks_spbe'")["realisasi"]), None)) for yy in years}
    # the ministries' average index is KemenPAN-RB's figure (Lampiran 8); without it, the weighted domain averages
    avg = ctx.printed.get("T3.19.spbe.rata_kementerian")
    derived = () if avg is not None else ("avg",)
    avg = avg if avg is not None else _weighted(dom, "nilai_rata_kementerian")
    lines = [Line({"name": s("r_spbe"), **{str(yy): spbe[yy] for yy in years}, "avg": avg}, bold=True, derived=derived)]
    allv = {(int(r.year), r.code): _f(r.nilai) for f in ("spbe_domain", "spbe_aspect") for r in ctx.get(f).itertuples()}
    for kind, r in _spbe_tree(dom, asp):
        lines.append(
            Line(
                {
                    "name": r["name"],
                    **{str(yy): allv.get((yy, r["code"])) for yy in years},
                    "avg": _f(r["nilai_rata_kementerian"]),
                },
                bold=kind == "domain",
                indent=0 if kind == "domain" else 1,
            )
        )
    bands = ctx.of("spbe_predikat")
    pred = spbe_predikat(spbe[y], bands) if not bands.empty and spbe[y] is not None else None
    known = [(v, n) for v, n in zip(dom["nilai"].map(_f), dom["name"], strict=True) if v is not None]
    hi, lo = (max(known), min(known)) if known else ((None, "–"), (None, "–"))
    py = ctx.prev("spbe_domain")
    para = s(
        "p_T3.19",
        y=y,
        v=ctx.n(spbe[y], 2),
        pred=s("p_pred", p=pred) if pred else "",
        change=ctx.change(spbe[y], spbe.get(py), 2),
        py=py,
        pv=ctx.n(spbe.get(py), 2),
        avg=ctx.n(avg, 2),
        hi=hi[1],
        hi_v=ctx.n(hi[0], 2),
        lo=lo[1],
        lo_v=ctx.n(lo[0], 2),
    )
    return _build(
        ctx,
        "T3.19",
        "Tabel 3.19",
        "III.2.2",
        cols,
        lines,
        paragraph=para,
        datasets=("spbe_domain", "spbe_aspect", "ikss_capaian"),
    )


# ---------------------------------------------------------------- Bab III: budget (3.20 - 3.24)


def _budget(
    ctx: _Ctx,
    key: str,
    dataset: str,
    code: str,
    name: str,
    prev_years: Sequence[int],
    name_label: str,
    pct_label: str,
    real_label: str,
    pct_sign: bool,
) -> tuple[list[Col], list[Line], dict]:
    """Rows of Tabel 3.20/3.21/3.23: earlier years' pagu by code, pagu, realisasi, ratio recomputed; TOTAL."""
    s, y = ctx.s, ctx.year
    now = ctx.of(dataset)
    allf = ctx.get(dataset)
    pagu = {(int(r.year), getattr(r, code)): _f(r.pagu_rp) for r in allf.itertuples()}
    cols = [Col("no", s("c_no")), Col("name", name_label)]
    cols += [Col(f"p{yy}", s("c_pagu_y", y=yy), "int") for yy in prev_years]
    cols += [Col("pagu", s("c_pagu_y", y=y) if prev_years else s("c_pagu_rp"), "int"), Col("real", real_label, "int")]
    cols += [Col("pct", pct_label, "pct" if pct_sign else "num", 2)]
    lines, facts = [], []
    for i, r in enumerate(now.itertuples(), start=1):
        p, rr = _f(r.pagu_rp), _f(r.realisasi_rp)
        c = kcap.ratio_pct(rr, p)
        facts.append((c, getattr(r, name)))
        lines.append(
            Line(
                {
                    "no": str(i),
                    "name": getattr(r, name),
                    **{f"p{yy}": pagu.get((yy, getattr(r, code))) for yy in prev_years},
                    "pagu": p,
                    "real": rr,
                    "pct": c,
                },
                derived=("pct",),
            )
        )
    codes = list(now[code])
    tot = {f"p{yy}": _sum(pagu.get((yy, c)) for c in codes) for yy in prev_years}
    tot |= {"pagu": _sum(now["pagu_rp"]), "real": _sum(now["realisasi_rp"])}
    tot["pct"] = kcap.ratio_pct(tot["real"], tot["pagu"])
    lines.append(Line({"no": s("r_total"), **tot}, bold=True, derived=tuple(tot)))
    return cols, lines, {"tot": tot, "rows": facts}


def _hi_lo(rows: list[tuple[float | None, str]]) -> tuple[tuple[float | None, str], tuple[float | None, str]]:
    known = [(c, n) for c, n in rows if c is not None]
    if not known:
        return (None, "–"), (None, "–")
    return max(known), min(known)


def t3_20(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    if ctx.of("budget_program").empty:
        return _empty(ctx, "T3.20", "Tabel 3.20", "III.3", ("budget_program",))
    py = ctx.prev("budget_program")
    cols, lines, f = _budget(
        ctx,
        "T3.20",
        "budget_program",
        "program_code",
        "program_name",
        [py],
        s("c_program"),
        s("c_capaian_pct_y", y=y),
        s("c_realisasi_paren_y", y=y),
        True,
    )
    tot = f["tot"]
    hi, _ = _hi_lo(f["rows"])
    d = _diff(tot["pagu"], tot[f"p{py}"])
    para = s(
        "p_T3.20",
        y=y,
        p=ctx.n(tot["pagu"], 0),
        r=ctx.n(tot["real"], 0),
        c=ctx.pct(tot["pct"]),
        change=s("naik", v="").strip() if (d or 0) >= 0 else s("turun", v="").strip(),
        d=ctx.n(abs(d or 0), 0),
        py=py,
        hi=hi[1],
        hi_c=ctx.pct(hi[0]),
    )
    return _build(ctx, "T3.20", "Tabel 3.20", "III.3", cols, lines, paragraph=para, datasets=("budget_program",))


def t3_21(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    if ctx.of("budget_unit").empty:
        return _empty(ctx, "T3.21", "Tabel 3.21", "III.3", ("budget_unit",))
    cols, lines, f = _budget(
        ctx,
        "T3.21",
        "budget_unit",
        "unit_code",
        "unit_name",
        [y - 2, y - 1],
        s("c_unit_kerja"),
        s("c_realisasi_pct_y", y=y),
        s("c_realisasi_rp_y", y=y),
        True,
    )
    hi, lo = _hi_lo(f["rows"])
    para = s("p_T3.21", y=y, hi=hi[1], hi_c=ctx.pct(hi[0]), lo=lo[1], lo_c=ctx.pct(lo[0]))
    return _build(ctx, "T3.21", "Tabel 3.21", "III.3", cols, lines, paragraph=para, datasets=("budget_unit",))


def t3_22(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    bl = ctx.of("budget_blokir")
    if bl.empty:
        return _empty(ctx, "T3.22", "Tabel 3.22", "III.3", ("budget_blokir",))
    cols = [Col("no", s("c_no")), Col("name", s("c_unit_kerja")), Col("blokir", s("c_blokir_y", y=y), "int")]
    lines = [
        Line({"no": str(i), "name": r.unit_name, "blokir": _f(r.blokir_rp)})
        for i, r in enumerate(bl.itertuples(), start=1)
    ]
    total = _sum(bl["blokir_rp"])
    lines.append(Line({"no": s("r_total"), "blokir": total}, bold=True, derived=("blokir",)))
    top = bl.loc[bl["blokir_rp"].astype(float).idxmax()]
    para = s("p_T3.22", y=y, b=ctx.n(total, 0), hi=top["unit_name"], hi_b=ctx.n(top["blokir_rp"], 0))
    return _build(ctx, "T3.22", "Tabel 3.22", "III.3", cols, lines, paragraph=para, datasets=("budget_blokir",))


def t3_23(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    dk = ctx.of("dekonsentrasi")
    if dk.empty:
        return _empty(ctx, "T3.23", "Tabel 3.23", "III.3", ("dekonsentrasi",))
    cols = [
        Col("no", s("c_no")),
        Col("name", s("c_bidang")),
        Col("pagu", s("c_pagu_rp"), "int"),
        Col("real", s("c_realisasi_rp"), "int"),
        Col("pct", s("c_capaian_pct"), "num", 2),
    ]
    lines, rows = [], []
    for i, r in enumerate(dk.itertuples(), start=1):
        c = kcap.ratio_pct(_f(r.realisasi_rp), _f(r.pagu_rp))
        rows.append((c, r.bidang))
        lines.append(
            Line(
                {"no": str(i), "name": r.bidang, "pagu": _f(r.pagu_rp), "real": _f(r.realisasi_rp), "pct": c},
                derived=("pct",),
            )
        )
    tot = {"pagu": _sum(dk["pagu_rp"]), "real": _sum(dk["realisasi_rp"])}
    tot["pct"] = kcap.ratio_pct(tot["real"], tot["pagu"])
    lines.append(Line({"no": s("r_total"), **tot}, bold=True, derived=tuple(tot)))
    _, lo = _hi_lo(rows)
    para = s(
        "p_T3.23",
        y=y,
        p=ctx.n(tot["pagu"], 0),
        r=ctx.n(tot["real"], 0),
        c=ctx.pct(tot["pct"]),
        lo=lo[1],
        lo_c=ctx.pct(lo[0]),
    )
    return _build(ctx, "T3.23", "Tabel 3.23", "III.3", cols, lines, paragraph=para, datasets=("dekonsentrasi",))


def t3_24(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    es = ctx.of("efficiency_ss", order="ss_code")
    if es.empty:
        return _empty(ctx, "T3.24", "Tabel 3.24", "III.4", ("efficiency_ss",))
    rows = ikss_table(ctx.get("ikss"), ctx.get("ikss_capaian"), y) if not ctx.of("ikss").empty else pd.DataFrame()
    per_ss = ss_capaian(rows) if not rows.empty else {}
    cols = [
        Col("name", s("c_ss")),
        Col("pagu", s("c_pagu_rp2"), "int"),
        Col("real", s("c_realisasi_rp2"), "int"),
        Col("anggaran", s("c_capaian_anggaran"), "num", 2),
        Col("ss", s("c_capaian_ss"), "num", 2),
    ]
    lines = []
    for r in es.itertuples():
        lines.append(
            Line(
                {
                    "name": r.sasaran_name,
                    "pagu": _f(r.pagu_rp),
                    "real": _f(r.realisasi_rp),
                    "anggaran": kcap.ratio_pct(_f(r.realisasi_rp), _f(r.pagu_rp)),
                    "ss": per_ss.get(r.ss_code),
                },
                derived=("anggaran", "ss"),
            )
        )
    tot = {"pagu": _sum(es["pagu_rp"]), "real": _sum(es["realisasi_rp"])}
    tot["anggaran"] = kcap.ratio_pct(tot["real"], tot["pagu"])
    tot["ss"] = kcap.mean_capaian_pct(per_ss.get(c) for c in es["ss_code"])
    lines.append(Line({"name": s("r_total"), **tot}, bold=True, derived=tuple(tot)))
    para = s("p_T3.24", y=y, c=ctx.pct(tot["ss"]), a=ctx.pct(tot["anggaran"]))
    return _build(
        ctx, "T3.24", "Tabel 3.24", "III.4", cols, lines, paragraph=para, datasets=("efficiency_ss", "ikss_capaian")
    )


# ---------------------------------------------------------------- Lampiran 5, 6, 8


def l5(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    pr = ctx.of("pn_realisasi")
    if pr.empty:
        return _empty(ctx, "L5", "Lampiran 5", "L5", ("pn_realisasi",))
    value_cols = ("pagu_rp", "realisasi_rp", "target_output", "realisasi_output")
    cols = [
        Col("label", s("c_pn")),
        Col("pagu_rp", s("c_pagu"), "int"),
        Col("realisasi_rp", s("c_realisasi"), "int"),
        Col("target_output", s("c_target_output"), "num"),
        Col("realisasi_output", s("c_realisasi_output"), "num"),
    ]
    lines = _pn_lines(pr, value_cols)
    top = pr[pr["level"] == "pn"]
    tot = {"pagu_rp": _sum(top["pagu_rp"]), "realisasi_rp": _sum(top["realisasi_rp"])}
    lines.append(Line({"label": s("r_grand_total"), **tot}, bold=True, derived=tuple(tot)))
    outs = pr[pr["level"] == "output"]
    reached = sum(
        1
        for t, r in zip(outs["target_output"], outs["realisasi_output"], strict=True)
        if _f(t) is not None and _f(r) is not None and _f(r) >= _f(t)
    )
    para = s(
        "p_L5",
        y=y,
        r=ctx.n(tot["realisasi_rp"], 0),
        p=ctx.n(tot["pagu_rp"], 0),
        c=ctx.pct(kcap.ratio_pct(tot["realisasi_rp"], tot["pagu_rp"])),
        k=reached,
        n=len(outs),
    )
    return _build(ctx, "L5", "Lampiran 5", "L5", cols, lines, paragraph=para, datasets=("pn_realisasi",))


_L6_PREFIX = {"ikss": "IKSS", "sasaran_program": "SP", "ikp": "IKP", "sasaran_kegiatan": "SK", "ikk": "IKK"}
_L6_DEPTH = {
    "ss": 0,
    "ikss": 1,
    "program": 1,
    "program_unit": 2,
    "sasaran_program": 3,
    "ikp": 3,
    "kegiatan": 3,
    "sasaran_kegiatan": 4,
    "ikk": 4,
    "output": 4,
}


def _l6_label(row: pd.Series, units: Mapping[str, str], under_program: bool = False) -> str:
    """A Lampiran 6 row's label as printed; an activity placed straight under a programme names its unit."""
    level, name = row["level"], row["name"]
    if level == "ss":
        return f"SS : {name}"
    if level in _L6_PREFIX:
        return f"{_L6_PREFIX[level]} : {name}"
    if level == "program":
        return f"{row['program_code']} {name}"
    if level == "program_unit":
        return f"{row['program_code']} {name} ({units.get(str(row['unit_code']), row['unit_code'])})"
    if level == "kegiatan":
        return f"{row['kegiatan_code']} {name}" + (
            f" ({units.get(str(row['unit_code']), row['unit_code'])})" if under_program else ""
        )
    label = f"{row['output_code']} {name}"
    if _t(row.get("satuan")):
        label += f" ({row['satuan']})"
    if _t(row.get("pn_flag")):
        label += f" ({row['pn_flag']})"
    return label


def l6(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    oc = ctx.of("output_capaian")
    if oc.empty:
        return _empty(ctx, "L6", "Lampiran 6", "L6", ("output_capaian",))
    units = {str(r.code): str(r.short_name) for r in ctx.of("unit", order=None).itertuples()}
    cols = [
        Col("no", s("c_no")),
        Col("label", s("c_uraian")),
        Col("anggaran", s("c_anggaran"), "int"),
        Col("realisasi_rp", s("c_realisasi"), "int"),
        Col("penyerapan", s("c_pct"), "pct", 0),
        Col("target", s("c_target"), "num"),
        Col("realisasi", s("c_realisasi") + " ", "num"),
        Col("capaian", s("c_pct") + " ", "pct", 0),
    ]
    by_parent: dict[int, pd.DataFrame] = {int(k): g for k, g in oc.groupby("parent_urutan")}
    levels = {float(u): str(lv) for u, lv in zip(oc["urutan"], oc["level"], strict=True)}
    lines, n_ss = [], 0
    outputs_reached = outputs_total = 0
    for _, row in oc.iterrows():
        parent_level = levels.get(_f(row["parent_urutan"]))
        values: dict[str, object] = {"label": _l6_label(row, units, parent_level == "program")}
        derived: list[str] = []
        if row["level"] == "ss":
            n_ss += 1
            values["no"] = str(n_ss)
        kids = by_parent.get(int(row["urutan"]))
        a, r = _f(row["anggaran_rp"]), _f(row["realisasi_rp"])
        budgeted = kids[kids["anggaran_rp"].notna()] if kids is not None else None
        if budgeted is not None and not budgeted.empty and a is not None:
            # a parent's budget is the sum of its budgeted children (``rollup.L6``)
            values["anggaran"], values["realisasi_rp"] = _sum(budgeted["anggaran_rp"]), _sum(budgeted["realisasi_rp"])
            derived += ["anggaran", "realisasi_rp"]
        else:
            values["anggaran"], values["realisasi_rp"] = a, r
        t, v = _f(row["target"]), _f(row["realisasi"])
        outs = kids[kids["level"] == "output"] if kids is not None else None
        if row["level"] == "kegiatan" and outs is not None and not outs.empty and t is not None:
            # an activity's volume is the sum of its outputs' volumes (``rollup.L6.volume``)
            values["target"], values["realisasi"] = _sum(outs["target"]), _sum(outs["realisasi"])
            derived += ["target", "realisasi"]
        else:
            values["target"] = _t(row["target_text"]) or t
            values["realisasi"] = _t(row["realisasi_text"]) or v
        # the percentages from the row's own figures (``pct.L6``), as printed whole; stored when not computable
        pen = kcap.ratio_pct(
            r if r is not None else _f(values["realisasi_rp"]), a if a is not None else _f(values["anggaran"])
        )
        values["penyerapan"] = pen if pen is not None else _f(row["penyerapan_pct"])
        cap = kcap.capaian_pct(t, v)
        if cap is None and _t(row["target_text"]) and _t(row["realisasi_text"]):
            tt, rt = str(row["target_text"]).strip().upper(), str(row["realisasi_text"]).strip().upper()
            if {tt, rt} <= set(kcap.OPINI_BPK_RANK):
                cap = kcap.opini_capaian_pct(tt, rt)
        values["capaian"] = cap if cap is not None else _f(row["capaian_pct"])
        derived += ["penyerapan", "capaian"]
        if row["level"] == "output":
            outputs_total += 1
            if cap is not None and round_half_up(cap, 0) >= 100:
                outputs_reached += 1
        bold = row["level"] in ("ss", "program", "program_unit", "kegiatan")
        lines.append(Line(values, bold=bold, derived=tuple(derived), indent=_L6_DEPTH.get(str(row["level"]), 0)))
    progs = oc[oc["level"] == "program"]
    para = s(
        "p_L6",
        n=outputs_total,
        y=y,
        k=outputs_reached,
        m=outputs_total - outputs_reached,
        c=ctx.pct(kcap.ratio_pct(_sum(progs["realisasi_rp"]), _sum(progs["anggaran_rp"]))),
    )
    return _build(
        ctx,
        "L6",
        "Lampiran 6",
        "L6",
        cols,
        lines,
        paragraph=para,
        datasets=("output_capaian",),
        groups=[(cols[0].label, 1), (cols[1].label, 1), (s("c_belanja"), 3), (s("c_capaian_kinerja"), 3)],
    )


def _domain_label(name: str, n: int) -> str:
    return f"Domain {n} - {name.removeprefix('Domain ').strip()}"


def l8_bobot(ctx: _Ctx) -> ReportTable:
    s = ctx.s
    dom, asp = ctx.of("spbe_domain", order="code"), ctx.of("spbe_aspect", order="code")
    if dom.empty or dom["bobot_pct"].isna().all():
        return _empty(ctx, "L8.bobot", "Lampiran 8", "L8", ("spbe_domain", "spbe_aspect"))
    cols = [Col("name", s("c_domain_aspek")), Col("bobot", s("c_bobot_plain"), "pct")]
    lines, nd, na, items = [], 0, 0, []
    for kind, r in _spbe_tree(dom, asp):
        if kind == "domain":
            nd += 1
            lines.append(Line({"name": _domain_label(str(r["name"]), nd), "bobot": _f(r["bobot_pct"])}, bold=True))
            items.append(f"{r['name']} ({fmt_cell(_f(r['bobot_pct']), 'pct', None, ctx.lang)})")
        else:
            na += 1
            lines.append(Line({"name": f"Aspek {na} - {r['name']}", "bobot": _f(r["bobot_pct"])}, indent=1))
    para = s("p_L8.bobot", n=nd, list=ctx.listing(items))
    return _build(
        ctx, "L8.bobot", "Lampiran 8", "L8", cols, lines, paragraph=para, datasets=("spbe_domain", "spbe_aspect")
    )


def l8_rata(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    rr = ctx.of("spbe_rata_rata", order=None)
    dom, asp = ctx.of("spbe_domain", order="code"), ctx.of("spbe_aspect", order="code")
    if rr.empty or dom.empty:
        return _empty(ctx, "L8.rata", "Lampiran 8", "L8", ("spbe_rata_rata",))
    groups_ = list(dict.fromkeys(rr["kelompok"]))
    val = {(r.code, r.kelompok): _f(r.nilai) for r in rr.itertuples()}
    cols = [Col("name", s("c_indeks"))] + [Col(f"g{i}", g, "num", 2) for i, g in enumerate(groups_)]
    # the index row is KemenPAN-RB's average of each group's indices (``L8.rata.SPBE.*``): not the weighted
    # domain averages (LPNK 3,82 against 3,80). A year that has not entered them shows the weighted ones, marked.
    index, derived = {}, []
    for i, g in enumerate(groups_):
        printed = ctx.printed.get(f"L8.rata.SPBE.{re.sub(r'[^a-z0-9]+', '_', g.lower()).strip('_')}")
        if printed is None:
            d = dom.assign(_v=[val.get((c, g)) for c in dom["code"]])
            printed = _weighted(d, "_v")
            derived.append(f"g{i}")
        index[f"g{i}"] = printed
    lines = [Line({"name": s("r_spbe"), **index}, bold=True, derived=tuple(derived))]
    for kind, r in _spbe_tree(dom, asp):
        lines.append(
            Line(
                {"name": r["name"], **{f"g{i}": val.get((r["code"], g)) for i, g in enumerate(groups_)}},
                bold=kind == "domain",
                indent=0 if kind == "domain" else 1,
            )
        )
    cap = of_year(ctx.get("ikss_capaian"), y)
    v = next(iter(cap[cap["ikss_code"] == "indeks_spbe"]["realisasi"]), None) if not cap.empty else None
    nat = index.get(f"g{groups_.index('Nasional')}") if "Nasional" in groups_ else None
    kem = index.get(f"g{groups_.index('Kementerian')}") if "Kementerian" in groups_ else None
    para = s("p_L8.rata", y=y, nat=ctx.n(nat, 2), kem=ctx.n(kem, 2), v=ctx.n(v, 2))
    return _build(
        ctx,
        "L8.rata",
        "Lampiran 8",
        "L8",
        cols,
        lines,
        paragraph=para,
        datasets=("spbe_rata_rata", "spbe_domain"),
        groups=[(cols[0].label, 1), (s("c_rata_nilai"), len(groups_))],
    )


def l8_indikator(ctx: _Ctx) -> ReportTable:
    s, y = ctx.s, ctx.year
    ind = ctx.of("spbe_indicator", order="nomor")
    if ind.empty:
        return _empty(ctx, "L8.indikator", "Lampiran 8", "L8", ("spbe_indicator",))
    cols = [Col("no", s("c_no_plain")), Col("name", s("c_indikator")), Col("tingkat", s("c_tingkat_y", y=y), "int")]
    lines = [Line({"no": str(r.nomor), "name": r.name, "tingkat": _f(r.tingkat)}) for r in ind.itertuples()]
    k = int((ind["tingkat"].astype(float) >= 3).sum())
    para = s("p_L8.indikator", n=len(ind), y=y, k=k, m=len(ind) - k)
    return _build(ctx, "L8.indikator", "Lampiran 8", "L8", cols, lines, paragraph=para, datasets=("spbe_indicator",))


BUILDERS: tuple[Callable[[_Ctx], ReportTable], ...] = (
    t2_1, t2_2, t2_3, t2_4,
    t3_1, t3_2,
    t3_3, t3_4, t3_5, t3_6, t3_7, t3_8, t3_9, t3_10, t3_11, t3_12, t3_13, t3_14, t3_15,
    t3_16, t3_17, t3_18, t3_19,
    t3_20, t3_21, t3_22, t3_23, t3_24,
    l5, l6, l8_bobot, l8_rata, l8_indikator,
)  # fmt: skip
"""Every table of Bab II, Bab III and Lampiran 5, 6 and 8, in the report's order."""


def regenerate(frames: Frames, year: int, lang: str = "id") -> list[ReportTable]:
    """Every table of the LKj of ``year``, rebuilt from ``frames`` (see the module docstring)."""
    ctx = _Ctx(frames, year, lang)
    return [build(ctx) for build in BUILDERS]


def by_key(tables: Iterable[ReportTable]) -> dict[str, ReportTable]:
    return {t.key: t for t in tables}


# ================================================================ comparison with the printed report

CellKind = Literal["number", "text", "row"]


@dataclass(frozen=True)
class CellDiff:
    """One cell where the regenerated table and the printed one differ (after number normalisation)."""

    row: int | None
    """Row of the regenerated table (``None``: a printed row it lacks)."""
    column: str
    printed: str
    regenerated: str
    kind: CellKind
    line: int | None = None
    """Line of the printed row in the report's text."""
    explained_by: str | None = None
    """``rule_id row_key`` of the Kualitas Data finding that explains it."""
    explanation: str = ""


@dataclass(frozen=True)
class TableComparison:
    """One table compared: cells compared, equal, different, and every difference."""

    key: str
    number: str
    title: str
    status: Literal["compared", "not_in_database", "not_found"]
    cells: int = 0
    equal: int = 0
    diffs: tuple[CellDiff, ...] = ()
    printed_rows: int = 0
    regenerated_rows: int = 0

    @property
    def different(self) -> int:
        return len(self.diffs)

    @property
    def explained(self) -> int:
        return sum(1 for d in self.diffs if d.explained_by)

    @property
    def unexplained(self) -> tuple[CellDiff, ...]:
        return tuple(d for d in self.diffs if not d.explained_by)

    def as_dict(self) -> dict:
        out = asdict(self)
        out.update(different=self.different, explained=self.explained, unexplained=len(self.unexplained))
        return out


# ---------------------------------------------------------------- reading a printed cell

_BLANK = {"", "-", "–", "—"}
_NUM_TOKEN = re.compile(r"\(?[+-]?\d+(?:[.,]\d+)*\)?%?")
_TEXT_AND_PCT = re.compile(r"^([A-Z]{1,4})\s+(\d[\d.,]*%)$")
_MULTI_NUM = re.compile(r"^\(?[+-]?\d[\d.,]*\)?%?(\s+\(?[+-]?\d[\d.,]*\)?%?)+$")


def _blank(text: str) -> bool:
    return text.strip() in _BLANK


def cell_number(text: str) -> float | None:
    """A printed cell as a number (``loaders.numbers``: ``1.517.968.550.000``, ``80,16%``, ``(1.600.368)``); else ``None``."""
    t = text.strip()
    if _blank(t):
        return None
    try:
        return parse_id_number(t)
    except NumberFormatError:
        return None


def _token_number(token: str) -> str:
    """A number inside text in one form: ``3.5``, ``3,5`` and ``3,50`` all read ``3.5``; ``1.020`` reads ``1020``."""
    t = token.strip("()%")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", t) or re.fullmatch(r"\d+(,\d+)?", t):
        value = float(t.replace(".", "").replace(",", "."))
    else:  # a decimal point, as some tables of the report write it (Tabel 3.18: ``4.2 – 5.0``)
        try:
            value = float(t.replace(",", "."))
        except ValueError:
            return t
    return format(value, ".10g")


def canonical_text(text: str) -> str:
    """Text as compared: case, spacing, punctuation and ``&``/``dan`` ignored; numbers in one form."""
    t = clean_cell(text).casefold().replace("&", " dan ")
    t = _NUM_TOKEN.sub(lambda m: f" {_token_number(m.group(0))} ", t)
    return re.sub(r"[^\w.]+", "", re.sub(r"(?<!\d)\.|\.(?!\d)", " ", t))


def _unit_canonical(text: str) -> str:
    """A label ending with an Eselon I unit in brackets (Lampiran 6) with the unit as its code: the report
    writes the same unit several ways (``Ditjen BINAPENTA & PKK``, ``Ditjen Binapenta``)."""
    m = re.match(r"^(.*)\(([^()]*)\)\s*$", clean_cell(text))
    if m:
        name = m.group(2)
        code = printed_unit_code(name) or printed_unit_code(re.sub(r"\s+dan\s+", " & ", name, flags=re.IGNORECASE))
        if code:
            return f"{m.group(1)}({code})"
    return text


def same_cell(printed: str, regenerated: str) -> tuple[bool, CellKind]:
    """Whether two cells say the same, and whether they were compared as numbers or as text."""
    if _blank(printed) and _blank(regenerated):
        return True, "text"
    a, b = cell_number(printed), cell_number(regenerated)
    if a is not None and b is not None:
        return abs(a - b) < 1e-7, "number"  # figures as written: exact up to the float of their last digit
    if a is not None or b is not None:
        kind: CellKind = "number"
    else:
        kind = "text"
    return canonical_text(_unit_canonical(printed)) == canonical_text(_unit_canonical(regenerated)), kind


# ---------------------------------------------------------------- where each table is printed


@dataclass(frozen=True)
class Printed:
    """How a table is read from the report's text: where it is, how many header rows, how its rows are laid out.

    ``mode="cells"`` reads each row by column position (leading indentation cells dropped to the table's
    width); ``"filled"`` reads the non-empty cells in order (tables whose indentation moves between pages,
    whose figures sometimes sit one column off or share a cell: Tabel 2.4, Lampiran 5 and 6).
    """

    locate: Callable[[SeedDoc], tuple[int, int]]
    header_rows: int = 1
    mode: Literal["cells", "filled"] = "cells"
    adapt: Callable[[list[tuple[int, list[str]]]], list[tuple[int, list[str]]]] | None = None
    first_cells: int | None = None
    """Read only this many leading cells of each row (Lampiran 8 prints a second table beside the first)."""


def _caption(table_id: str) -> Callable[[SeedDoc], tuple[int, int]]:
    def locate(doc: SeedDoc) -> tuple[int, int]:
        start = doc.caption(table_id)
        return start + 1, doc.find(r"^Sumber\s*:", start + 1)

    return locate


def _between(start: str, end: str, after: str | None = None) -> Callable[[SeedDoc], tuple[int, int]]:
    def locate(doc: SeedDoc) -> tuple[int, int]:
        origin = doc.find(after) if after else 0
        first = doc.find(start, origin)
        return first, doc.find(end, first + 1)

    return locate


def _block(start: str, after: str) -> Callable[[SeedDoc], tuple[int, int]]:
    """A run of tab-separated lines from the line matching ``start`` to the first line of prose."""

    def locate(doc: SeedDoc) -> tuple[int, int]:
        first = doc.find(start, doc.find(after))
        i = first
        while i < len(doc.lines) and ("\t" in doc.lines[i] or not doc.lines[i].strip()):
            i += 1
        return first, i

    return locate


def _split_crammed(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Tabel 3.10 prints a group and its items in one row (``Perluasan Kesempatan Kerja a.Padat Karya b.…``,
    ``85.724 37.500 44.000 …``): one row for the group, one per item."""
    out = []
    for ln, row in rows:
        nums = [c for c in row if _MULTI_NUM.match(c.strip())]
        if not nums:
            out.append((ln, row))
            continue
        label_at = next(i for i, c in enumerate(row) if re.search(r"\s[a-z]\.\s?\S", c))
        parts = re.split(r"\s+(?=[a-z]\.\s?\S)", row[label_at])
        split = [c.split() if _MULTI_NUM.match(c.strip()) else [c] for c in row]
        for k, part in enumerate(parts):
            new = []
            for i, cells in enumerate(split):
                if i == label_at:
                    new.append(part)
                elif len(cells) > 1:
                    new.append(cells[k] if k < len(cells) else "")
                else:
                    new.append(cells[0] if k == 0 else "")
            out.append((ln, new))
    return out


_LABEL_START = re.compile(r"^(\d{1,4}\b|[A-Z]{2}\s+Program\b|(SS|IKSS|SP|IKP|SK|IKK)\s*:|Grand Total)", re.IGNORECASE)


def _join_wrapped(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """A label that runs over a page break (Lampiran 5 and 6) continues on a row of its own, with no figures
    and no level marker (code, ``SK :``): it is joined to the row above."""
    out: list[tuple[int, list[str]]] = []
    for ln, row in rows:
        filled = [c for c in row if c.strip()]
        if out and len(filled) == 1 and cell_number(filled[0]) is None and not _LABEL_START.match(filled[0]):
            prev_ln, prev = out[-1]
            at = next(
                i for i, c in enumerate(prev) if c.strip() and cell_number(c) is None and not re.fullmatch(r"\d", c)
            )
            prev = list(prev)
            prev[at] = f"{prev[at]} {filled[0]}"
            out[-1] = (prev_ln, prev)
            continue
        out.append((ln, row))
    return out


def _t3_16_rows(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Tabel 3.16 closes with ``PREDIKAT (BB)`` and a rule line of dashes."""
    return [(ln, r) for ln, r in rows if not all(re.fullmatch(r"-*", c.strip()) for c in r)]


PRINTED: dict[str, Printed] = {
    "T2.1": Printed(_caption("Tabel 2.1")),
    "T2.2": Printed(_caption("Tabel 2.2")),
    "T2.3": Printed(_caption("Tabel 2.3")),
    "T2.4": Printed(_between(r"^\*\*Tabel 2\.4\*\*", r"^## \*\*BAB III"), mode="filled"),
    "T3.2": Printed(_caption("Tabel 3.2")),
    "T3.3": Printed(_caption("Tabel 3.3")),
    "T3.4": Printed(_caption("Tabel 3.4")),
    "T3.5": Printed(_caption("Tabel 3.5")),
    "T3.6": Printed(_caption("Tabel 3.6")),
    "T3.7": Printed(_caption("Tabel 3.7"), header_rows=2),
    "T3.8": Printed(_caption("Tabel 3.8"), header_rows=2),
    "T3.9": Printed(_caption("Tabel 3.9")),
    "T3.10": Printed(_caption("Tabel 3.10"), adapt=_split_crammed),
    "T3.11": Printed(_caption("Tabel 3.11")),
    "T3.12": Printed(_caption("Tabel 3.12"), header_rows=2),
    "T3.13": Printed(_caption("Tabel 3.13"), header_rows=3),
    "T3.14": Printed(_caption("Tabel 3.14"), header_rows=2),
    "T3.15": Printed(_caption("Tabel 3.15"), header_rows=3),
    "T3.16": Printed(_caption("Tabel 3.16"), header_rows=2, adapt=_t3_16_rows),
    "T3.17": Printed(_caption("Tabel 3.17")),
    "T3.18": Printed(_caption("Tabel 3.18")),
    "T3.19": Printed(_caption("Tabel 3.19")),
    "T3.20": Printed(_caption("Tabel 3.20")),
    "T3.21": Printed(_caption("Tabel 3.21")),
    "T3.22": Printed(_caption("Tabel 3.22")),
    "T3.23": Printed(_caption("Tabel 3.23")),
    "T3.24": Printed(_caption("Tabel 3.24")),
    "L5": Printed(
        _between(r"^Lampiran 5\. Realisasi PN", r"^Lampiran 6\. ", after=r"^## LAMPIRAN"),
        mode="filled",
        adapt=_join_wrapped,
    ),
    "L6": Printed(
        _between(r"^Lampiran 6\. Capaian Output", r"^Sumber\s*:", after=r"^## LAMPIRAN"),
        header_rows=2,
        mode="filled",
        adapt=_join_wrapped,
    ),
    "L8.bobot": Printed(_block(r"^Domain dan Aspek Penilaian\t", r"^Lampiran 8\. "), header_rows=2, first_cells=2),
    "L8.rata": Printed(_block(r"^Indeks\tRata-Rata Nilai", r"^Lampiran 8\. "), header_rows=2),
    "L8.indikator": Printed(_block(r"^No\tIndikator\tNilai Tingkat Kematangan", r"^Lampiran 8\. ")),
}
"""Where each regenerated table is printed in the LKj text (``../shared/seeds/README.md`` maps them)."""


def _fit(cells: list[str], n: int) -> list[str]:
    """A printed row at the table's width: indentation cells before it and empty cells after it dropped."""
    cells = list(cells)
    while len(cells) > n and cells[0] == "":
        cells.pop(0)
    while len(cells) > n and cells[-1] == "":
        cells.pop()
    while len(cells) > n and "" in cells[1:]:
        cells.pop(cells.index("", 1))
    return cells + [""] * (n - len(cells))


def _filled(cells: Iterable[str]) -> list[str]:
    """The non-empty cells in order, a cell of several figures (``41 100%``) split into one per figure."""
    out = []
    for c in cells:
        c = c.strip()
        if not c:
            continue
        if _MULTI_NUM.match(c):
            out.extend(c.split())
        elif m := _TEXT_AND_PCT.match(c):  # ``WTP 100%``: a text realisation and its capaian in one cell
            out.extend(m.groups())
        else:
            out.append(c)
    return out


def printed_rows(doc: SeedDoc, key: str, width: int) -> list[tuple[int, list[str]]]:
    """The body rows of a printed table, (line number, cells); header rows and repeated headers left out."""
    spec = PRINTED[key]
    start, end = spec.locate(doc)
    rows: list[SeedRow] = doc.rows(start, end)
    if spec.first_cells:
        rows = [SeedRow(r.lineno, r.raw[: spec.first_cells]) for r in rows]
    headers = [canonical_text(" ".join(r.filled)) for r in rows[: spec.header_rows]]
    body: list[tuple[int, list[str]]] = []
    for r in rows[spec.header_rows :]:
        text = canonical_text(" ".join(r.filled))
        if not r.filled or text in headers or re.fullmatch(r"(\(\d+\)\s*)+", " ".join(r.filled)):
            continue
        if re.match(r"^(no|priorit)", text) and all(cell_number(c) is None for c in r.filled):
            continue  # a header repeated after a page break, spelt slightly differently
        body.append((r.lineno, r.cells))
    if spec.adapt:
        body = spec.adapt(body)
    if spec.mode == "cells":
        body = [(ln, _fit(cells, width)) for ln, cells in body]
    return body


# ---------------------------------------------------------------- comparing


_ROW_NUMBER = re.compile(r"^\(?\d+[.)]?$")


def _row_key(cells: Sequence[str]) -> str:
    """What identifies a row when rows are aligned: its text cells (its first cells when it has none)."""
    text = [
        canonical_text(_unit_canonical(c))
        for c in cells
        if not _blank(c) and cell_number(c) is None and not _ROW_NUMBER.match(c.strip())
    ]
    return "|".join(text) if text else "|".join(canonical_text(c) for c in list(cells)[:2])


def _decimals_of(text: str) -> int:
    m = re.search(r",(\d+)", text)
    return len(m.group(1)) if m else 0


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def explain(number: str, printed: str, regenerated: str, findings: Sequence[object]) -> object | None:
    """The Kualitas Data finding behind a difference: same table, the printed value it names, and the value it
    recomputed written as the regenerated cell is (``total``, ``pct``, ``rollup`` findings)."""
    p, r = cell_number(printed), cell_number(regenerated)
    if p is None or r is None:
        return None
    d = _decimals_of(regenerated)
    for f in findings:
        tables = [t.strip() for x in f.tables for t in str(x).split(";")]
        if number not in tables:
            continue
        fp, fr = (
            _f(f.printed) if not isinstance(f.printed, str) else None,
            _f(f.recomputed) if not isinstance(f.recomputed, str) else None,
        )
        if fp is None or fr is None or not _close(fp, p):
            continue
        if _close(fr, r) or _close(round_half_up(fr, d), r):
            return f
    return None


def compare_table(table: ReportTable, doc: SeedDoc, findings: Sequence[object] = ()) -> TableComparison:
    """``table`` against the printed one, row by row (aligned by their text) and cell by cell."""
    if not table.available:
        return TableComparison(table.key, table.number, table.title, "not_in_database")
    if table.key not in PRINTED:
        return TableComparison(table.key, table.number, table.title, "not_found")
    spec = PRINTED[table.key]
    columns = table.columns
    printed = printed_rows(doc, table.key, len(columns))
    mine = table.rows()
    if spec.mode == "filled":
        mine_cells = [[(c, v) for c, v in zip(columns, row, strict=True) if not _blank(v)] for row in mine]
        theirs = [(ln, _filled(cells)) for ln, cells in printed]
    else:
        mine_cells = [list(zip(columns, row, strict=True)) for row in mine]
        theirs = printed
    a = [_row_key([v for _, v in row]) for row in mine_cells]
    b = [_row_key(cells) for _, cells in theirs]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    cells = equal = 0
    diffs: list[CellDiff] = []

    def pair(i: int, j: int) -> None:
        nonlocal cells, equal
        ln, theirs_row = theirs[j]
        ours = mine_cells[i]
        if spec.mode == "filled":
            n = max(len(ours), len(theirs_row))
            ours = ours + [(columns[-1], "")] * (n - len(ours))
            theirs_row = theirs_row + [""] * (n - len(theirs_row))
        for (col, value), pv in zip(ours, theirs_row, strict=False):
            cells += 1
            same, kind = same_cell(pv, value)
            if same:
                equal += 1
                continue
            f = explain(table.number, pv, value, findings)
            diffs.append(
                CellDiff(
                    i, col, pv, value, kind, ln,
                    f"{f.rule_id} {f.row_key}" if f else None,
                    f.message_id if f else "",
                )
            )  # fmt: skip

    def missing(i: int | None, j: int | None) -> None:
        nonlocal cells
        if i is not None:
            row = " | ".join(v for _, v in mine_cells[i] if not _blank(v))
            cells += len(mine_cells[i])
            diffs.append(CellDiff(i, "", "", row, "row"))
        else:
            ln, theirs_row = theirs[j]
            cells += len(theirs_row)
            diffs.append(CellDiff(None, "", " | ".join(c for c in theirs_row if not _blank(c)), "", "row", ln))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or op == "replace":
            n = min(i2 - i1, j2 - j1)
            for k in range(n):
                pair(i1 + k, j1 + k)
            for i in range(i1 + n, i2):
                missing(i, None)
            for j in range(j1 + n, j2):
                missing(None, j)
        elif op == "delete":
            for i in range(i1, i2):
                missing(i, None)
        else:
            for j in range(j1, j2):
                missing(None, j)
    return TableComparison(
        table.key, table.number, table.title, "compared", cells, equal, tuple(diffs), len(theirs), len(mine)
    )


def compare(tables: Sequence[ReportTable], doc: SeedDoc, findings: Sequence[object] = ()) -> list[TableComparison]:
    """Every regenerated table against the printed report (``findings``: ``kpi.checks.run_checks(frames, year)``)."""
    return [compare_table(t, doc, findings) for t in tables]


# ---------------------------------------------------------------- the command line (``python -m report tables``)


def comparison_report(frames: Frames, year: int, seed: object | None) -> dict:
    """The regenerated tables of ``year`` and, with the report's text ``seed`` (a path), their comparison."""
    from pathlib import Path

    from kpi.checks import run_checks

    tables = regenerate(frames, year)
    out: dict = {"year": year, "tables": []}
    if seed is None:
        for t in tables:
            out["tables"].append(
                {"key": t.key, "number": t.number, "title": t.title, "rows": len(t.table), "available": t.available}
            )
        return out
    findings = run_checks(frames, year)
    doc = SeedDoc.from_path(Path(str(seed)))
    results = compare(tables, doc, findings)
    out["tables"] = [r.as_dict() for r in results]
    compared = [r for r in results if r.status == "compared"]
    out["summary"] = {
        "tables": len(compared),
        "cells": sum(r.cells for r in compared),
        "equal": sum(r.equal for r in compared),
        "different": sum(r.different for r in compared),
        "explained": sum(r.explained for r in compared),
        "unexplained": sum(len(r.unexplained) for r in compared),
        "not_compared": [r.number for r in results if r.status != "compared"],
    }
    return out


def print_tables(frames: Frames, year: int, seed: object | None, as_json: bool, first: int = 5) -> int:
    """``python -m report tables``: one line per table, its first differences under it; or JSON."""
    import json

    report = comparison_report(frames, year, seed)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1, default=str))
        return 0
    if seed is None:
        for t in report["tables"]:
            state = f"{t['rows']} baris" if t["available"] else "tidak ada di basis data"
            print(f"{t['number']:<12} {t['title']}: {state}")
        return 0
    print(f"{'tabel':<12} {'sel':>6} {'sama':>6} {'beda':>5} {'temuan':>6}  judul")
    for t in report["tables"]:
        if t["status"] != "compared":
            print(f"{t['number']:<12} {'':>6} {'':>6} {'':>5} {'':>6}  {t['title']} ({t['status']})")
            continue
        print(
            f"{t['number']:<12} {t['cells']:>6} {t['equal']:>6} {t['different']:>5} {t['explained']:>6}  {t['title']}"
        )
        for d in t["diffs"][:first]:
            where = f"baris {d['row'] + 1}" if d["row"] is not None else "baris tercetak"
            why = f"  ← temuan {d['explained_by']}" if d["explained_by"] else ""
            print(
                f"    {where}, {d['column'] or d['kind']}: tercetak {d['printed']!r}, dihitung {d['regenerated']!r}{why}"
            )
        if len(t["diffs"]) > first:
            print(f"    … {len(t['diffs']) - first} lagi (--json untuk semuanya)")
    s = report["summary"]
    print(
        f"\n{s['tables']} tabel, {s['cells']} sel: {s['equal']} sama, {s['different']} beda "
        f"({s['explained']} dijelaskan temuan Kualitas Data, {s['unexplained']} tidak)"
    )
    return 0
