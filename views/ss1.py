"""SS-1 Produktivitas as data: the IKSS of a year against the year before, the formula worked out,
the PyB programmes (Tabel 3.3, 3.4), the what-if and the supporting tables (Tabel 3.5-3.15).

Pure: frames + year + language (+ the what-if's widget values) in, frozen dataclasses out, holding
formatted text for tiles, ``views.table.Table`` s for tables and chart data for ``ui.charts.ss1``.
The formulas are ``kpi.productivity`` (the worked computation after Tabel 3.2 and Tabel 3.1 as
printed). Printed figures come from the ``printed_figure`` rows of the report year; a year whose
report is not printed yet (a year loaded from a template) has none, and every part of the page
then shows what it can recompute and says the printed value is not printed yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from kpi import productivity as prod
from kpi.capaian import capaian_pct
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_signed
from kpi.status import Status, status_of
from views.common import Tile, of_year, previous_in, printed_figures, years_of
from views.i18n import texts, translator
from views.table import Column, Table, make_table

IKSS = "produktivitas"
"""The ``ikss_code`` of the SS-1 indicator in ``ikss_capaian`` (Tabel 3.2)."""
CONTEXTS = ("perhitungan", "variabel")
"""``pyb_variable.konteks``: the worked computation after Tabel 3.2, and the variable list before it."""
COMPONENTS = ("pyb_vokasi", "pyb_penta", "pyb_phi", "pyb_binwas", "pyb_irisan")
WAGES = ("ump_rp", "sakernas_wage_rp")
DENOMINATORS = ("delta_pyb", "pyb_formal", "sakernas_wage_rp")
PRINTED_P = "B3.2.1.perhitungan.p"
NARRATIVE_P = "B3.2.1.ss1_realisasi_narasi"

SKALA_EN = {"Mikro": "Micro", "Kecil": "Small", "Menengah": "Medium", "Besar": "Large"}
TIPE_EN = {"Mandiri": "Independent", "Berkembang": "Developing", "Tumbuh": "Growing"}
TIPE_ORDER = {"Mandiri": 0, "Berkembang": 1, "Tumbuh": 2}
KELOMPOK_EN = {"Perluasan Kesempatan Kerja": "Job opportunity expansion"}
BPS_EN = {
    "puk": "Working-age population",
    "angkatan_kerja": "Labour force",
    "bekerja": "Employed",
    "pengangguran": "Unemployed",
    "bukan_angkatan_kerja": "Outside the labour force",
    "tpak": "Participation rate (TPAK)",
    "tpak_laki_laki": "Men",
    "tpak_perempuan": "Women",
}

DATASETS = ("ikss_capaian", "pyb_variable", "pyb_program", "job_creation", "printed_figure")
"""What :func:`page` reads."""


# --- The shapes the page draws ----------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A line of text: ``caption``, ``heading`` (bold) or ``info``."""

    text: str
    kind: str = "caption"


@dataclass(frozen=True, eq=False)
class Trend:
    """Tabel 3.2: the IKSS realisasi per year, the chosen year's target as a line."""

    years: tuple[int, ...]
    realisasi: tuple[float, ...]
    target: float | None
    year: int
    title: str
    realisasi_label: str
    target_label: str
    sources: tuple[str, ...] = ("Tabel 3.2",)


@dataclass(frozen=True, eq=False)
class Waterfall:
    """P built from its components, in percentage points (Bab 3.2.1)."""

    parts: Mapping[str, float]
    labels: Mapping[str, str]
    total_label: str
    title: str
    sources: tuple[str, ...] = ("Bab 3.2.1",)


@dataclass(frozen=True, eq=False)
class Bars:
    """One bar per row of ``frame`` for each column in ``series`` (column -> legend label)."""

    frame: pd.DataFrame
    category: str
    series: Mapping[str, str]
    title: str
    sources: tuple[str, ...]
    horizontal: bool = True
    stacked: bool = False


@dataclass(frozen=True, eq=False)
class YearBars:
    """A long frame (``year``, category, value) as bars, one series per year."""

    frame: pd.DataFrame
    category: str
    value: str
    title: str
    sources: tuple[str, ...]
    horizontal: bool = False
    number_format: str = ",.0f"
    subtitle: str | None = None


@dataclass(frozen=True, eq=False)
class YearLines:
    """A long frame (``year``, category, value) as one line per category."""

    frame: pd.DataFrame
    category: str
    value: str
    title: str
    sources: tuple[str, ...]
    unit: str = ""


@dataclass(frozen=True, eq=False)
class JobStack:
    """Tabel 3.4: the leaf interventions stacked per year, each year's total above its bar."""

    frame: pd.DataFrame
    totals: Mapping[int, float | None]
    title: str
    total_label: str
    sources: tuple[str, ...] = ("Tabel 3.4",)


Chart = Trend | Waterfall | Bars | YearBars | YearLines | JobStack
CHART_TYPES = (Trend, Waterfall, Bars, YearBars, YearLines, JobStack)


@dataclass(frozen=True)
class Columns:
    """Items side by side: ``(widget key, item)`` each."""

    items: tuple[tuple[str, object], ...]


Item = Chart | Table | Note | Columns
"""What a section holds, drawn in order under its widget key."""


def charts_of(items: Sequence[tuple[str, object]]) -> dict[str, Chart]:
    """The charts among ``items`` (those inside :class:`Columns` too), by widget key."""
    out: dict[str, Chart] = {}
    for key, item in items:
        if isinstance(item, Columns):
            out |= charts_of(item.items)
        elif isinstance(item, CHART_TYPES):
            out[key] = item
    return out


@dataclass(frozen=True, eq=False)
class Formula:
    """One context of the worked formula (Bab 3.2.1): the numbers written in, P, and its parts."""

    konteks: str
    label: str
    inputs: prod.PybInputs
    p: float
    terms: tuple[str, str]
    substituted: str
    result: Tile
    printed: Tile
    capaian: Tile
    literal: str
    literal_note: str
    waterfall: Waterfall
    contributions: Table


@dataclass(frozen=True, eq=False)
class FormulaSection:
    """The formula of the year in each context it can be computed in (the first is the default)."""

    contexts: Mapping[str, Formula]
    note: str | None
    variables: Table


@dataclass(frozen=True)
class WhatIfInput:
    """One number input of the what-if: its report value and the widget's settings."""

    name: str
    label: str
    value: int
    min_value: int
    step: int
    help: str


@dataclass(frozen=True, eq=False)
class WhatIfSetup:
    """What the what-if starts from: the year's inputs, its target and the P the report states."""

    year: int
    base: prod.PybInputs
    target: float | None
    report_p: float | None
    inputs: tuple[WhatIfInput, ...]
    intro: str
    goal_default: float


@dataclass(frozen=True, eq=False)
class WhatIf:
    """The what-if's result for the values typed: P, its capaian, the goal seek and the sensitivities."""

    p: Tile
    capaian: Tile
    status: Status
    gap: Tile | None
    goal_reached: bool
    goal_message: str
    sensitivity: Table


@dataclass(frozen=True, eq=False)
class Page:
    """Everything above the detail tabs, for one year and language."""

    year: int
    previous: int | None
    tiles: tuple[Tile, ...]
    trend: Trend | None
    notice: str | None
    formula: FormulaSection | None
    formula_missing: str | None
    programs: tuple[tuple[str, object], ...]
    what_if: WhatIfSetup | None
    charts: Mapping[str, Chart] = field(default_factory=dict)
    """Every chart of the page by widget key (waterfalls as ``ss1_waterfall_<konteks>``)."""


@dataclass(frozen=True, eq=False)
class Tab:
    """One detail tab: its items in order, ``(widget key, item)`` each."""

    items: tuple[tuple[str, object], ...]

    def charts(self) -> dict[str, Chart]:
        return charts_of(self.items)


# --- Small helpers --------------------------------------------------------------------------


def prev_id(base: str, offset: int, sep: str = "_") -> str | None:
    """The id of a figure ``offset`` years before the report year as that report prints it.

    ``T3.3.total.realisasi`` -> ``T3.3.total.realisasi_prev`` (1) / ``_prev2`` (2); ``None`` further back.
    """
    return {0: base, 1: f"{base}{sep}prev", 2: f"{base}{sep}prev2"}.get(offset)


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _ratio_pct(part: float | None, whole: float | None) -> float | None:
    return None if part is None or not whole else part / whole * 100


def _growth_pct(now: float | None, before: float | None) -> float | None:
    return None if now is None or not before else (now / before - 1) * 100


def _total_row(
    printed: Mapping[str, float | None], computed: Mapping[str, float | None], label_col: str, s: Callable[..., str]
) -> dict:
    """The total row: as printed when the year's report prints it, else computed from the rows (and said so)."""
    if any(v is not None for v in printed.values()):
        return {label_col: s("total_printed"), **printed}
    return {label_col: s("total_computed"), **computed}


def _with_row(frame: pd.DataFrame, *rows: Mapping) -> pd.DataFrame:
    return pd.concat([frame, pd.DataFrame(list(rows))], ignore_index=True)


def _right(table: Table, *headers: str) -> Table:
    """``table`` with ``headers`` (numbers written as text in the view) right-aligned too."""
    return replace(table, right=table.right + headers)


def _span(years: Sequence[int], key: str, s: Callable[..., str]) -> str:
    return s(key, a=min(years), b=max(years))


def _component_label(komponen: str, s: Callable[..., str]) -> str:
    """A PyB component's label (``PyB Vokasi``); a component the catalogue does not know keeps its code."""
    try:
        return s(f"comp_{komponen}")
    except KeyError:
        return str(komponen)


def _fmt_input(name: str, value: float, lang: str, s: Callable[..., str]) -> str:
    """An input's value: ``Rp 3.113.359`` for a wage, ``709.432 orang`` for a count."""
    return fmt_rp(value, lang) if name in WAGES else f"{fmt_number(value, 0, lang)} {s('orang')}"


def _signed_input(name: str, value: float, lang: str, s: Callable[..., str]) -> str:
    """A signed change of an input: ``+47.896 orang`` or ``−Rp 142.469``."""
    return ("+" if value >= 0 else "−") + _fmt_input(name, abs(value), lang, s)


# --- The IKSS (Tabel 3.2) ---------------------------------------------------------------------


@dataclass(frozen=True)
class Ikss:
    """The SS-1 IKSS of the year: target, realisasi, capaian (printed in Tabel 3.2, else computed)."""

    target: float | None
    realisasi: float | None
    capaian: float | None
    by_year: Mapping[int, float]
    """Realisasi of every year up to the chosen one (Tabel 3.2 prints earlier years beside it)."""


def ikss(frames: Mapping[str, pd.DataFrame], year: int) -> Ikss:
    """Tabel 3.2's productivity row of ``year`` and the realisasi of the years up to it."""
    rows = frames["ikss_capaian"]
    rows = rows[(rows["ikss_code"] == IKSS) & (rows["year"] <= year)].sort_values("year")
    known = rows[rows["realisasi"].notna()]
    by_year = dict(zip(known["year"].astype(int), known["realisasi"].astype(float), strict=True))
    now = rows[rows["year"] == year]
    if now.empty:
        return Ikss(None, None, None, by_year)
    row = now.iloc[-1]
    target, realisasi = _num(row["target"]), _num(row["realisasi"])
    printed = _num(row.get("capaian_pct"))
    return Ikss(target, realisasi, printed if printed is not None else capaian_pct(target, realisasi), by_year)


def _header(fig: Ikss, year: int, lang: str, s: Callable[..., str]) -> tuple[tuple[Tile, ...], Trend | None]:
    """The four tiles (target, realisasi vs the year before, capaian, change since the first year) and the trend."""
    earlier = [y for y in fig.by_year if y < year]
    prev = max(earlier) if earlier else None
    delta = None
    if fig.realisasi is not None and prev is not None:
        before = fig.by_year[prev]
        delta = f"{fmt_signed(fig.realisasi - before, 2, lang)} {s('poin_vs')} {prev} ({fmt_pct(before, 2, lang)})"
    tiles = [
        Tile(s("target_y", y=year), fmt_pct(fig.target, 2, lang)),
        Tile(s("realisasi_y", y=year), fmt_pct(fig.realisasi, 2, lang), delta=delta),
        Tile(s("capaian_y", y=year), fmt_pct(fig.capaian, 2, lang), help=s("help_capaian"), capaian=fig.capaian),
    ]
    if fig.realisasi is not None and earlier:
        first = min(earlier)
        tiles.append(
            Tile(
                s("since", y=first),
                f"{fmt_signed(fig.realisasi - fig.by_year[first], 2, lang)} {s('poin_short')}",
                delta=f"{first}: {fmt_pct(fig.by_year[first], 2, lang)} → {year}: {fmt_pct(fig.realisasi, 2, lang)}",
                delta_color="off",
            )
        )
    trend = None
    if fig.by_year:
        years = tuple(fig.by_year)
        title = _span(years, "trend_title", s) if len(years) > 1 else s("trend_title_one", y=years[0])
        trend = Trend(
            years,
            tuple(fig.by_year.values()),
            fig.target,
            year,
            title,
            s("realisasi_short"),
            s("target_short"),
        )
    return tuple(tiles), trend


# --- The formula (Tabel 3.1 and the worked computation after Tabel 3.2) -----------------------

TERMS = (
    r"J = \frac{PyB_{vokasi} + PyB_{penta}}{\Delta PyB}",
    r"H = \frac{PyB_{PHI} + PyB_{Binwas} - PyB_{PHI} \cap PyB_{Binwas}}{PyB_{formal}}",
)
"""The two shares the formula weighs: job creation (J) and protection (H)."""

FORMULA_WORKED = r"P = \left( J \times w + H \times \bar{w} \right) \times \frac{10\%}{w} \times 100\%"
"""The worked computation after Tabel 3.2: w = Sakernas wage, w̄ = mean UMP."""

FORMULA_LITERAL = r"P = \frac{\left( J \times \bar{w} + H \times \bar{w} \right) \times 10\%}{w} \times 100\%"
"""Tabel 3.1 as printed: both terms × w̄."""


def tex_lines(*lines: str) -> str:
    """Several formulas as one LaTeX block, one per line, centred: one element for the browser to typeset, not one each."""
    return r"\begin{gathered}" + r" \\[14pt] ".join(lines) + r"\end{gathered}"


def tex_number(value: float, decimals: int, lang: str) -> str:
    """A number for LaTeX, ``114.195`` / ``4{,}01`` in Indonesian (braces keep the comma tight)."""
    return fmt_number(value, decimals, lang).replace(",", "{,}")


def terms_substituted(x: prod.PybInputs, lang: str) -> tuple[str, str]:
    """J and H with the numbers written in, and their values (two lines, so each fits a phone)."""
    n = {k: tex_number(v, 0, lang) for k, v in x.as_dict().items()}
    j, h = prod.job_creation_term(x), prod.protection_term(x)
    return (
        rf"J = \frac{{{n['pyb_vokasi']} + {n['pyb_penta']}}}{{{n['delta_pyb']}}} = {tex_number(j, 4, lang)}",
        rf"H = \frac{{{n['pyb_phi']} + {n['pyb_binwas']} - {n['pyb_irisan']}}}{{{n['pyb_formal']}}}"
        rf" = {tex_number(h, 4, lang)}",
    )


def formula_substituted(x: prod.PybInputs, result_pct: float, lang: str, literal: bool = False) -> str:
    """P with J, H and the wages written in, and its result (the worked formula, or Tabel 3.1's)."""
    jt = tex_number(prod.job_creation_term(x), 4, lang)
    ht = tex_number(prod.protection_term(x), 4, lang)
    w = tex_number(x.sakernas_wage_rp, 0, lang)
    ump = tex_number(x.ump_rp, 0, lang)
    if literal:
        body = rf"\frac{{\left( {jt} \times {ump} + {ht} \times {ump} \right) \times 10\%}}{{{w}}} \times 100\%"
    else:
        body = rf"\left( {jt} \times {w} + {ht} \times {ump} \right) \times \frac{{10\%}}{{{w}}} \times 100\%"
    return rf"P = {body} = {tex_number(result_pct, 2, lang)}\%"


def formula_inputs(variables: pd.DataFrame) -> dict[str, prod.PybInputs]:
    """The inputs of each context the year's ``pyb_variable`` rows give in full (none when absent).

    ``perhitungan`` needs rows of its own (it takes the rest from the list); a context with a zero
    denominator (ΔPyB, PyB formal, Sakernas wage) is left out: P has no value there.
    """
    out: dict[str, prod.PybInputs] = {}
    if variables is None or variables.empty:
        return out
    for konteks in CONTEXTS:
        if konteks == "perhitungan" and not (variables["konteks"] == "perhitungan").any():
            continue
        try:
            x = prod.inputs_from_variables(variables, konteks)
        except (KeyError, ValueError, TypeError):
            continue
        if all(getattr(x, n) > 0 for n in DENOMINATORS):
            out[konteks] = x
    return out


def _contributions(x: prod.PybInputs, lang: str, s: Callable[..., str], year: int) -> tuple[Waterfall, Table]:
    """Each PyB component's part of P (percentage points) and share of P, as a waterfall and a table."""
    parts = prod.component_contributions_pct(x)
    total = sum(parts.values())
    labels = {k: s(f"comp_{k}") for k in parts}
    chart = Waterfall(parts, labels, "P", s("contrib_title"))
    frame = pd.DataFrame(
        {
            "komponen": list(labels.values()),
            "kontribusi": list(parts.values()),
            "pangsa": [v / total * 100 if total else None for v in parts.values()],
        }
    )
    columns = [
        Column("komponen", s("komponen")),
        Column("kontribusi", s("kontribusi"), "num", 4),
        Column("pangsa", s("pangsa"), "pct"),
    ]
    return chart, make_table(frame, columns, lang, f"ss1_kontribusi_{year}", ("Bab 3.2.1",))


def _context_label(konteks: str, x: prod.PybInputs, lang: str, s: Callable[..., str]) -> str:
    return s(f"konteks_{konteks}", n=fmt_number(x.pyb_penta, 0, lang))


def _konteks_note(
    inputs: Mapping[str, prod.PybInputs],
    variables: pd.DataFrame,
    narrative: float | None,
    lang: str,
    s: Callable[..., str],
) -> str | None:
    """Where the variable list and the worked computation disagree, what it does to P, and the narrative's P."""
    parts: list[str] = []
    if set(CONTEXTS) <= set(inputs):
        work, listed = inputs["perhitungan"], inputs["variabel"]
        differ = [n for n in prod.INPUT_NAMES if getattr(work, n) != getattr(listed, n)]
        if differ:
            items = [
                s(
                    "note_differ_item",
                    n=s(f"comp_{n}") if n in COMPONENTS else s(f"short_{n}"),
                    v=fmt_number(getattr(listed, n), 0, lang),
                    c=fmt_number(getattr(work, n), 0, lang),
                )
                for n in differ
            ]
            pa, pb = prod.productivity_contribution_pct(work), prod.productivity_contribution_pct(listed)
            ra, rb = fmt_pct(pa, 2, lang), fmt_pct(pb, 2, lang)
            tail = s("note_same_round", r=ra) if ra == rb else s("note_other_round", ra=ra, rb=rb)
            # enough decimals to tell the two apart (the 4-person gap of 2024 shows in the sixth)
            d = next((d for d in range(2, 9) if fmt_number(pa, d, lang) != fmt_number(pb, d, lang)), 5)
            parts.append(
                s("note_differ", d=", ".join(items), a=fmt_number(pa, d, lang), b=fmt_number(pb, d, lang)) + tail
            )
        work_rows = variables.loc[variables["konteks"] == "perhitungan", "variable"]
        listed_only = [
            prod.VARIABLE_FIELDS.get(v, v)
            for v in dict.fromkeys(variables.loc[variables["konteks"] == "variabel", "variable"])
            if v not in set(work_rows)
        ]
        if listed_only:
            names = [s(f"short_{n}") if n not in COMPONENTS else s(f"comp_{n}") for n in listed_only]
            joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {s('and')} {names[-1]}"
            parts.append(s("note_list_only", n=joined))
    if narrative is not None and inputs:
        rounded = {fmt_pct(prod.productivity_contribution_pct(x), 2, lang) for x in inputs.values()}
        if fmt_pct(narrative, 2, lang) not in rounded:
            parts.append(s("note_narrative", n=fmt_pct(narrative, 2, lang)))
    return " ".join(parts) or None


def _formula(
    konteks: str,
    x: prod.PybInputs,
    target: float | None,
    printed_p: float | None,
    year: int,
    lang: str,
    s: Callable[..., str],
) -> Formula:
    p = prod.productivity_contribution_pct(x)
    literal = prod.productivity_contribution_literal_pct(x)
    if printed_p is None:
        printed = Tile(s("printed"), s("not_printed"), help=s("not_printed_help", y=year))
    else:
        printed = Tile(s("printed"), fmt_pct(printed_p, 2, lang))
    waterfall, table = _contributions(x, lang, s, year)
    return Formula(
        konteks=konteks,
        label=_context_label(konteks, x, lang, s),
        inputs=x,
        p=p,
        terms=terms_substituted(x, lang),
        substituted=formula_substituted(x, p, lang),
        result=Tile(s("result"), fmt_pct(p, 2, lang), help=fmt_number(p, 5, lang)),
        printed=printed,
        # the report divides the printed, rounded P (4,01 / 9,85)
        capaian=Tile(s("capaian_y", y=year), fmt_pct(capaian_pct(target, round(p, 2)), 2, lang)),
        literal=formula_substituted(x, literal, lang, literal=True),
        literal_note=s(
            "literal_note",
            r=fmt_number(x.ump_rp / x.sakernas_wage_rp, 3, lang),
            lit=fmt_pct(literal, 2, lang),
            p=fmt_pct(p, 2, lang),
        ),
        waterfall=waterfall,
        contributions=table,
    )


def formula_section(
    frames: Mapping[str, pd.DataFrame], year: int, lang: str, target: float | None = None
) -> FormulaSection | None:
    """The formula of ``year`` from its ``pyb_variable`` rows (Bab 3.2.1), or ``None`` without them."""
    s = texts("ss1", lang)
    variables = of_year(frames["pyb_variable"], year)
    inputs = formula_inputs(variables)
    if not inputs:
        return None
    printed = printed_figures(frames, year)
    contexts = {k: _formula(k, x, target, printed.get(PRINTED_P), year, lang, s) for k, x in inputs.items()}
    frame = pd.DataFrame(
        {"label": [s(f"in_{n}") for n in prod.INPUT_NAMES]}
        | {k: [getattr(x, n) for n in prod.INPUT_NAMES] for k, x in inputs.items()}
    )
    columns = [Column("label", s("var_table"))] + [Column(k, f.label, "int") for k, f in contexts.items()]
    variables_table = make_table(frame, columns, lang, f"ss1_variabel_{year}", ("Bab 3.2.1",))
    note = _konteks_note(inputs, variables, printed.get(NARRATIVE_P), lang, s)
    return FormulaSection(contexts, note, variables_table)


# --- Tabel 3.3 and 3.4 ----------------------------------------------------------------------


def programs(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> tuple[tuple[str, object], ...]:
    """Tabel 3.3 (PyB per directorate-general) and 3.4 (job creation): chart and table each, the years up to ``year``."""
    s = texts("ss1", lang)
    printed = printed_figures(frames, year)
    return _t33(frames["pyb_program"], year, printed, lang, s) + _t34(frames["job_creation"], year, printed, lang, s)


def _by_year(frame: pd.DataFrame, index: list[str], years: Sequence[int]) -> pd.DataFrame:
    """One row per ``index``, the realisasi of each year in a column ``r<year>`` (empty where a year has none)."""
    wide = frame.pivot_table(index=index, columns="year", values="realisasi", aggfunc="first")
    wide = wide.reindex(columns=list(years)).reset_index()
    wide.columns = [*index, *[f"r{y}" for y in years]]
    return wide


def _t33(pyb: pd.DataFrame, year: int, printed: Mapping, lang: str, s: Callable[..., str]) -> tuple:
    pyb = pyb[pyb["year"] <= year]
    if not (pyb["year"] == year).any():
        return (("ss1_t33_none", Note(s("no_rows", y=year), "info")),)
    years = years_of(pyb)
    prev = previous_in(pyb, year)
    wide = _by_year(pyb, ["urutan", "komponen"], years)
    now = of_year(pyb, year).drop_duplicates("komponen").set_index("komponen")
    for col in ("target", "capaian_pct", "delta_pct"):
        wide[col] = wide["komponen"].map(now[col])
    wide = wide.sort_values("urutan").reset_index(drop=True)
    wide["label"] = [_component_label(k, s) for k in wide["komponen"]]
    sums = {y: float(of_year(pyb, y)["realisasi"].sum()) for y in years}
    target = float(now["target"].sum()) if now["target"].notna().any() else None
    computed = {f"r{y}": sums[y] for y in years} | {
        "target": target,
        "capaian_pct": _ratio_pct(sums[year], target),
        "delta_pct": _growth_pct(sums[year], sums.get(prev)) if prev else None,
    }
    shown_printed = {
        f"r{y}": printed.get(i) if (i := prev_id("T3.3.total.realisasi", year - y)) else None for y in years
    } | {
        "target": printed.get("T3.3.total.target"),
        "capaian_pct": printed.get("T3.3.total.capaian"),
        "delta_pct": printed.get("T3.3.total.delta"),
    }
    series = {f"r{y}": s("realisasi_y", y=y) for y in years} | {"target": s("target_y", y=year)}
    chart = Bars(wide, "label", series, _span(years, "t33_title", s), ("Tabel 3.3",))
    columns = [Column("label", s("komponen"))]
    columns += [Column(f"r{y}", s("realisasi_y", y=y), "int") for y in years if y < year]
    columns += [
        Column("target", s("target_y", y=year), "int"),
        Column(f"r{year}", s("realisasi_y", y=year), "int"),
        Column("capaian_pct", s("capaian_y", y=year), "pct"),
    ]
    if prev is not None:
        columns.append(Column("delta_pct", s("delta_y", y=year, p=prev), "pct"))
    frame = _with_row(wide, _total_row(shown_printed, computed, "label", s))
    table = make_table(frame, columns, lang, f"tabel_3_3_pyb_{year}", ("Tabel 3.3",))
    return (("ss1_t33_chart", chart), ("ss1_t33_table", table))


def _t34(jc: pd.DataFrame, year: int, printed: Mapping, lang: str, s: Callable[..., str]) -> tuple:
    jc = jc[jc["year"] <= year]
    if not (jc["year"] == year).any():
        return (("ss1_t34_none", Note(s("no_rows", y=year), "info")),)
    years = years_of(jc)
    prev = previous_in(jc, year)
    child = jc["parent_kode"].notna() & (jc["parent_kode"].astype("string").fillna("").str.strip() != "")
    top = jc[~child]
    sums = {y: float(top.loc[top["year"] == y, "realisasi"].sum()) for y in years}
    by_printed = {y: printed.get(i) if (i := prev_id("T3.4.total.realisasi", year - y)) else None for y in years}
    all_printed = all(v is not None for v in by_printed.values())
    totals = {y: by_printed[y] if by_printed[y] is not None else sums[y] for y in years}
    chart = JobStack(jc, totals, s("t34_title"), s("total_printed") if all_printed else s("total"))

    wide = _by_year(jc, ["urutan", "kode"], years)
    # names as the latest year prints them; a child row is indented under its parent
    meta = jc.assign(child=child).sort_values("year").drop_duplicates("kode", keep="last").set_index("kode")
    names = pd.Series([("↳ " if c else "") + str(i) for c, i in zip(meta["child"], meta["intervensi"], strict=True)])
    wide["intervensi"] = wide["kode"].map(dict(zip(meta.index, names, strict=True)))
    wide["pelaksana"] = wide["kode"].map(meta["pelaksana"])
    wide["delta_pct"] = wide["kode"].map(of_year(jc, year).drop_duplicates("kode").set_index("kode")["delta_pct"])
    wide = wide.sort_values("urutan").reset_index(drop=True)
    shown_printed = {f"r{y}": by_printed[y] for y in years} | {"delta_pct": printed.get("T3.4.total.delta")}
    computed = {f"r{y}": sums[y] for y in years} | {"delta_pct": _growth_pct(sums[year], sums.get(prev))}
    total = _total_row(shown_printed, computed, "intervensi", s) | {"kode": ""}
    columns = [Column("kode", s("kode")), Column("intervensi", s("intervensi"))]
    columns += [Column(f"r{y}", s("realisasi_y", y=y), "int") for y in years]
    if prev is not None:
        columns.append(Column("delta_pct", s("delta_y", y=year, p=prev), "pct"))
    columns.append(Column("pelaksana", s("pelaksana")))
    table = make_table(_with_row(wide, total), columns, lang, f"tabel_3_4_penciptaan_kerja_{year}", ("Tabel 3.4",))
    return (("ss1_t34_chart", chart), ("ss1_t34_table", table))


# --- The what-if ------------------------------------------------------------------------------


def what_if_setup(x: prod.PybInputs, year: int, target: float | None, report_p: float | None, lang: str) -> WhatIfSetup:
    """The what-if's ten inputs at the year's worked-computation values (Bab 3.2.1)."""
    s = texts("ss1", lang)
    inputs = tuple(
        WhatIfInput(
            name=n,
            label=s(f"in_{n}"),
            value=int(round(getattr(x, n))),
            min_value=1 if n in DENOMINATORS else 0,
            step=10_000 if n in WAGES else 1_000,
            help=f"{s('report_value')}: {_fmt_input(n, getattr(x, n), lang, s)}",
        )
        for n in prod.INPUT_NAMES
    )
    if target is None:
        intro = s("whatif_intro_no_target", y=year)
    else:
        intro = s("whatif_intro", y=year, t=fmt_pct(target, 2, lang))
    goal = target if target is not None else round(prod.productivity_contribution_pct(x), 2)
    return WhatIfSetup(year, x, target, report_p, inputs, intro, float(goal))


def what_if(setup: WhatIfSetup, values: Mapping[str, float], goal_name: str, goal_target: float, lang: str) -> WhatIf:
    """P for the typed ``values`` (one per ``kpi.productivity.INPUT_NAMES``), its capaian against the
    year's target, the value ``goal_name`` needs for P = ``goal_target``, and P's sensitivity to each input.

    The capaian divides P rounded to two decimals, as the report does (4,01 / 9,85 = 40,71 %).
    """
    s = texts("ss1", lang)
    x = prod.PybInputs(**{n: float(values[n]) for n in prod.INPUT_NAMES})
    p = prod.productivity_contribution_pct(x)
    cap = capaian_pct(setup.target, round(p, 2))
    delta = None
    if setup.report_p is not None:
        delta = f"{fmt_signed(p - setup.report_p, 2, lang)} {s('poin_vs')} {fmt_pct(setup.report_p, 2, lang)}"
    gap = None
    if setup.target is not None:
        gap = Tile(s("gap"), f"{fmt_number(max(setup.target - p, 0.0), 2, lang)} {s('poin_short')}")

    label = s(f"in_{goal_name}")
    try:
        needed = prod.goal_seek(x, goal_name, goal_target)
    except prod.GoalUnreachable:
        reached, message = False, s("goal_unreachable", n=label, t=fmt_pct(goal_target, 2, lang))
    else:
        now = getattr(x, goal_name)
        reached = True
        message = s(
            "goal_result",
            t=fmt_pct(goal_target, 2, lang),
            n=label,
            v=_fmt_input(goal_name, needed, lang, s),
            c=_fmt_input(goal_name, now, lang, s),
            d=_signed_input(goal_name, needed - now, lang, s),
        )
    return WhatIf(
        p=Tile(s("new_p"), fmt_pct(p, 2, lang), delta=delta),
        capaian=Tile(s("new_capaian"), fmt_pct(cap, 2, lang)),
        status=status_of(cap),
        gap=gap,
        goal_reached=reached,
        goal_message=message,
        sensitivity=sensitivity(x, setup.year, lang),
    )


def sensitivity(x: prod.PybInputs, year: int, lang: str) -> Table:
    """How much P moves for a test change of each input (+1.000 persons, +Rp 100.000), and the
    change each input needs for +0,1 point of P, at the inputs ``x``."""
    s = texts("ss1", lang)
    sens = prod.sensitivity(x)
    steps = {n: 100_000 if n in WAGES else 1_000 for n in prod.INPUT_NAMES}
    frame = pd.DataFrame(
        {
            "label": [s(f"in_{n}") for n in prod.INPUT_NAMES],
            "now": [getattr(x, n) for n in prod.INPUT_NAMES],
            "step": ["+" + _fmt_input(n, step, lang, s) for n, step in steps.items()],
            "effect": [sens[n] * step for n, step in steps.items()],
            "per_point": [_signed_input(n, 0.1 / sens[n], lang, s) if sens[n] else "–" for n in prod.INPUT_NAMES],
        }
    )
    columns = [
        Column("label", s("sens_input")),
        Column("now", s("sens_now"), "int"),
        Column("step", s("sens_step")),
        Column("effect", s("sens_effect"), "signed", 5),
        Column("per_point", s("sens_per_point")),
    ]
    table = make_table(frame, columns, lang, f"ss1_kepekaan_{year}", ("Bab 3.2.1",))
    return _right(table, s("sens_per_point"))


# --- The page -------------------------------------------------------------------------------


def page(frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Page:
    """Everything above the detail tabs for ``year``: tiles and trend (Tabel 3.2), the formula
    (Tabel 3.1, Bab 3.2.1), the components' contributions, Tabel 3.3 and 3.4, the what-if's start."""
    s = texts("ss1", lang)
    fig = ikss(frames, year)
    tiles, trend = _header(fig, year, lang, s)
    notice = s("no_ikss", y=year) if fig.target is None and fig.realisasi is None else None
    formula = formula_section(frames, year, lang, fig.target)
    setup = None
    if formula is not None:
        base = next(iter(formula.contexts.values())).inputs
        setup = what_if_setup(base, year, fig.target, fig.realisasi, lang)
    progs = programs(frames, year, lang)
    charts: dict[str, Chart] = {} if trend is None else {"ss1_trend": trend}
    if formula is not None:
        charts |= {f"ss1_waterfall_{k}": f.waterfall for k, f in formula.contexts.items()}
    charts |= charts_of(progs)
    return Page(
        year=year,
        previous=max([y for y in fig.by_year if y < year], default=None),
        tiles=tiles,
        trend=trend,
        notice=notice,
        formula=formula,
        formula_missing=None if formula is not None else s("no_variables", y=year),
        programs=progs,
        what_if=setup,
        charts=charts,
    )


# --- The detail tabs (Tabel 3.5-3.15) ---------------------------------------------------------

TABS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("uptp", "3.6", ("training_uptp",)),
    ("kejuruan", "3.5", ("kejuruan",)),
    ("blkk", "3.7–3.9", ("blk_komunitas_uptp", "blk_komunitas_trend", "blk_komunitas_criteria")),
    ("placement", "3.10", ("placement_domestic",)),
    ("pmi", "3.11", ("pmi_country",)),
    ("wlkp", "3.12", ("wlkp_company",)),
    ("phi", "3.13", ("phi_focus",)),
    ("jamsos", "3.14", ("jamsos_participation",)),
    ("bps", "3.15", ("labour_force_bps",)),
)
"""Each detail tab: its name, the LKj tables it shows, the datasets it reads (and ``printed_figure``)."""


def tab_datasets(name: str) -> tuple[str, ...]:
    """The datasets the tab ``name`` reads."""
    return next(d for n, _, d in TABS if n == name) + ("printed_figure",)


def tab_labels(lang: str) -> list[str]:
    """The tabs' labels: ``Pelatihan UPTP (3.6)``."""
    s = texts("ss1", lang)
    return [f"{s('tab_' + name)} ({tables})" for name, tables, _ in TABS]


def tab(name: str, frames: Mapping[str, pd.DataFrame], year: int, lang: str) -> Tab:
    """The detail tab ``name`` (see ``TABS``) for ``year``."""
    s = texts("ss1", lang)
    return Tab(_TAB_BUILDERS[name](frames, year, lang, s))


def _no_rows(key: str, year: int, s: Callable[..., str]) -> tuple:
    return ((f"{key}_none", Note(s("no_rows", y=year), "info")),)


def _tab_uptp(frames, year, lang, s) -> tuple:
    """Tabel 3.6: training target and realisation per UPTP, with its total."""
    up = of_year(frames["training_uptp"], year).sort_values("urutan")
    if up.empty:
        return _no_rows("ss1_uptp", year, s)
    series = {"target": s("target_short"), "realisasi": s("realisasi_short")}
    chart = Bars(up, "uptp", series, s("uptp_title", y=year), ("Tabel 3.6",))
    printed = printed_figures(frames, year)
    t, r = float(up["target"].sum()), float(up["realisasi"].sum())
    total = _total_row(
        {c: printed.get(f"T3.6.total.{c}") for c in ("target", "realisasi", "capaian_pct")},
        {"target": t, "realisasi": r, "capaian_pct": _ratio_pct(r, t)},
        "uptp",
        s,
    )
    columns = [
        Column("uptp", s("uptp")),
        Column("target", s("target_short"), "int"),
        Column("realisasi", s("realisasi_short"), "int"),
        Column("capaian_pct", s("capaian"), "pct"),
    ]
    table = make_table(_with_row(up, total), columns, lang, f"tabel_3_6_pelatihan_uptp_{year}", ("Tabel 3.6",))
    return (("ss1_uptp_chart", chart), ("ss1_uptp_table", table))


def _tab_kejuruan(frames, year, lang, s) -> tuple:
    """Tabel 3.5: the vocations held in the year."""
    kj = of_year(frames["kejuruan"], year).sort_values("urutan")
    if kj.empty:
        return _no_rows("ss1_kejuruan", year, s)
    columns = [Column("urutan", s("no"), "int"), Column("kejuruan", s("kejuruan"))]
    table = make_table(kj, columns, lang, f"tabel_3_5_kejuruan_{year}", ("Tabel 3.5",))
    return (
        ("ss1_kejuruan_caption", Note(s("kejuruan_caption", n=len(kj), y=year))),
        ("ss1_kejuruan_table", table),
    )


def _tab_blkk(frames, year, lang, s) -> tuple:
    """Tabel 3.7 (community BLK per UPTP), 3.8 (their classes over the years) and 3.9 (the criteria)."""
    types = {k: s(k) for k in ("mandiri", "berkembang", "tumbuh", "pembangunan_baru")}
    counts = [Column(c, h, "int") for c, h in types.items()] + [Column("jumlah_blkk", s("jumlah_blkk"), "int")]
    items: list[tuple[str, object]] = []
    bk = of_year(frames["blk_komunitas_uptp"], year).sort_values("urutan")
    if bk.empty:
        items += _no_rows("ss1_blkk", year, s)
    else:
        printed = printed_figures(frames, year)
        cols = [*types, "jumlah_blkk"]
        total = _total_row(
            {c: printed.get(f"T3.7.total.{c}") for c in cols}, {c: float(bk[c].sum()) for c in cols}, "uptp", s
        )
        table = make_table(
            _with_row(bk, total),
            [Column("uptp", s("uptp")), *counts],
            lang,
            f"tabel_3_7_blk_komunitas_{year}",
            ("Tabel 3.7",),
        )
        chart = Bars(bk, "uptp", types, s("blkk_uptp_title", y=year), ("Tabel 3.7",), stacked=True)
        items += [("ss1_blkk_chart", chart), ("ss1_blkk_table", table)]

    trend = frames["blk_komunitas_trend"]
    trend = trend[trend["year"] <= year].sort_values("year").reset_index(drop=True)
    if not trend.empty:
        trend = trend.assign(tahun=trend["year"].astype(int).astype(str))
        years = years_of(trend)
        title = _span(years, "blkk_trend_title", s)
        chart = Bars(trend, "tahun", types, title, ("Tabel 3.8",), horizontal=False, stacked=True)
        table = make_table(
            trend,
            [Column("tahun", s("year_col")), *counts],
            lang,
            f"tabel_3_8_blk_komunitas_tren_{year}",
            ("Tabel 3.8",),
        )
        items += [("ss1_blkk_trend_chart", chart), ("ss1_blkk_trend_table", table)]

    crit = of_year(frames["blk_komunitas_criteria"], year)
    if not crit.empty:
        crit = crit.assign(order=crit["tipe"].map(TIPE_ORDER).fillna(len(TIPE_ORDER))).sort_values(["order", "urutan"])
        crit = crit.assign(tipe_label=crit["tipe"].map(translator(TIPE_EN, lang)))
        columns = [Column("tipe_label", s("tipe")), Column("urutan", s("no"), "int"), Column("kriteria", s("kriteria"))]
        table = make_table(crit, columns, lang, f"tabel_3_9_kriteria_blk_komunitas_{year}", ("Tabel 3.9",))
        items += [("ss1_criteria_title", Note(s("criteria_title"), "heading")), ("ss1_criteria_table", table)]
    return tuple(items)


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 2] + "…"


def _tab_placement(frames, year, lang, s) -> tuple:
    """Tabel 3.10: domestic placement per intervention, with each group's subtotal and the total."""
    pl = of_year(frames["placement_domestic"], year).sort_values("urutan").reset_index(drop=True)
    if pl.empty:
        return _no_rows("ss1_placement", year, s)
    pl = pl.assign(short=[f"{n} {_short(str(i))}" for n, i in zip(pl["nomor"], pl["intervensi"], strict=True)])
    series = {"target": s("target_short"), "realisasi": s("realisasi_short")}
    chart = Bars(pl, "short", series, s("placement_title", y=year), ("Tabel 3.10",))
    printed = printed_figures(frames, year)
    cols = ("target", "realisasi", "capaian_pct")
    extra = []
    group = pl["nomor"].astype(str).str.split(".").str[0]
    to_en = translator(KELOMPOK_EN, lang)
    for g in dict.fromkeys(group[pl["nomor"].astype(str).str.contains(".", regex=False)]):
        rows = pl[group == g]
        t, r = float(rows["target"].sum()), float(rows["realisasi"].sum())
        name = s("subtotal", k=to_en(str(rows["kelompok"].iloc[0])))
        found = {c: printed.get(f"T3.10.{g}.{c}") for c in cols}
        values = (
            found
            if any(v is not None for v in found.values())
            else {
                "target": t,
                "realisasi": r,
                "capaian_pct": _ratio_pct(r, t),
            }
        )
        extra.append({"nomor": g, "intervensi": name, **values})
    t, r = float(pl["target"].sum()), float(pl["realisasi"].sum())
    total = _total_row(
        {c: printed.get(f"T3.10.total.{c}") for c in cols},
        {"target": t, "realisasi": r, "capaian_pct": _ratio_pct(r, t)},
        "intervensi",
        s,
    )
    extra.append({"nomor": ""} | total)
    columns = [
        Column("nomor", s("nomor")),
        Column("intervensi", s("intervensi")),
        Column("target", s("target_short"), "int"),
        Column("realisasi", s("realisasi_short"), "int"),
        Column("capaian_pct", s("capaian"), "pct", 0),
        Column("pelaksana", s("pelaksana")),
    ]
    table = make_table(_with_row(pl, *extra), columns, lang, f"tabel_3_10_penempatan_dn_{year}", ("Tabel 3.10",))
    return (("ss1_placement_chart", chart), ("ss1_placement_table", table))


def _tab_pmi(frames, year, lang, s) -> tuple:
    """Tabel 3.11: the ten largest destinations of Indonesian migrant workers."""
    pm = of_year(frames["pmi_country"], year).sort_values("urutan")
    if pm.empty:
        return _no_rows("ss1_pmi", year, s)
    chart = Bars(pm, "negara", {"penempatan_pmi": s("penempatan_pmi")}, s("pmi_title", y=year), ("Tabel 3.11",))
    columns = [
        Column("urutan", s("no"), "int"),
        Column("negara", s("negara")),
        Column("penempatan_pmi", s("penempatan_pmi"), "int"),
    ]
    table = make_table(pm, columns, lang, f"tabel_3_11_pmi_negara_{year}", ("Tabel 3.11",))
    return (("ss1_pmi_chart", chart), ("ss1_pmi_table", table))


def compare_years(frame: pd.DataFrame, year: int, category: str, value: str) -> tuple[pd.DataFrame, int | None]:
    """The rows of ``year`` with the previous year's ``value`` (``prev``) and the change in percent (``change``)."""
    cur = of_year(frame, year).sort_values("urutan").reset_index(drop=True)
    prev = previous_in(frame, year)
    if prev is None:
        return cur.assign(prev=float("nan"), change=float("nan")), None
    before = of_year(frame, prev).drop_duplicates(category).set_index(category)[value]
    cur = cur.assign(prev=cur[category].map(before).astype(float))
    return cur.assign(change=(cur[value] / cur["prev"] - 1) * 100), prev


def _compare_columns(
    label: Column, value: str, year: int, prev: int | None, s: Callable[..., str], kind: str = "int", decimals: int = 0
) -> list[Column]:
    columns = [label, Column(value, s("jumlah_perusahaan_y", y=year), kind, decimals)]
    if prev is not None:
        columns += [Column("prev", s("prev_year", y=prev), kind, decimals), Column("change", s("change_pct"), "pct")]
    return columns


def _tab_wlkp(frames, year, lang, s) -> tuple:
    """Tabel 3.12: companies registered in WLKP by size, the year against the year before."""
    to_en = translator(SKALA_EN, lang)
    wl_all = frames["wlkp_company"]
    wl_all = wl_all[wl_all["year"] <= year].sort_values(["urutan", "year"])
    if not (wl_all["year"] == year).any():
        return _no_rows("ss1_wlkp", year, s)
    wl_all = wl_all.assign(skala_label=wl_all["skala"].map(to_en))
    chart = YearBars(wl_all, "skala_label", "jumlah_perusahaan", s("wlkp_title"), ("Tabel 3.12",), horizontal=True)
    wl, prev = compare_years(wl_all, year, "skala", "jumlah_perusahaan")
    printed = printed_figures(frames, year)
    now_sum = float(wl["jumlah_perusahaan"].sum())
    printed_row = {"jumlah_perusahaan": printed.get("T3.12.total")}
    computed = {"jumlah_perusahaan": now_sum}
    if prev is not None:
        prev_sum = float(of_year(wl_all, prev)["jumlah_perusahaan"].sum())
        pid = prev_id("T3.12.total", year - prev, ".")
        printed_prev = printed.get(pid) if pid else None
        printed_row |= {"prev": printed_prev, "change": _growth_pct(printed_row["jumlah_perusahaan"], printed_prev)}
        computed |= {"prev": prev_sum, "change": _growth_pct(now_sum, prev_sum)}
    total = _total_row(printed_row, computed, "skala_label", s)
    columns = _compare_columns(Column("skala_label", s("skala")), "jumlah_perusahaan", year, prev, s)
    table = make_table(_with_row(wl, total), columns, lang, f"tabel_3_12_wlkp_{year}", ("Tabel 3.12",))
    return (("ss1_wlkp_chart", chart), ("ss1_wlkp_table", table))


def _tab_phi(frames, year, lang, s) -> tuple:
    """Tabel 3.13: companies coached per industrial-relations focus, the year against the year before."""
    ph_all = frames["phi_focus"]
    ph_all = ph_all[ph_all["year"] <= year].sort_values(["urutan", "year"])
    if not (ph_all["year"] == year).any():
        return _no_rows("ss1_phi", year, s)
    chart = YearBars(ph_all, "fokus_pembinaan", "jumlah_perusahaan", s("phi_title"), ("Tabel 3.13",), horizontal=True)
    ph, prev = compare_years(ph_all, year, "fokus_pembinaan", "jumlah_perusahaan")
    columns = _compare_columns(Column("fokus_pembinaan", s("fokus")), "jumlah_perusahaan", year, prev, s)
    table = make_table(ph, columns, lang, f"tabel_3_13_fokus_phi_{year}", ("Tabel 3.13",))
    return (("ss1_phi_chart", chart), ("ss1_phi_table", table))


def _tab_jamsos(frames, year, lang, s) -> tuple:
    """Tabel 3.14: employment social security participants per category and programme."""
    js = of_year(frames["jamsos_participation"], year).sort_values("urutan")
    if js.empty:
        return _no_rows("ss1_jamsos", year, s)
    progs = {c: s(c) for c in ("jht", "jkk", "jkm", "jp")}
    series = {"aktif": s("aktif"), "non_aktif": s("non_aktif")} | progs
    chart = Bars(js, "kategori_peserta", series, s("jamsos_title"), ("Tabel 3.14",))
    printed = printed_figures(frames, year)
    total = _total_row(
        {c: printed.get(f"T3.14.total.{c}") for c in ("aktif", "non_aktif")},
        {c: float(js[c].sum()) for c in ("aktif", "non_aktif")},
        "kategori_peserta",
        s,
    )
    columns = [Column("kategori_peserta", s("kategori"))]
    columns += [Column(c, h, "int") for c, h in series.items()]
    table = make_table(_with_row(js, total), columns, lang, f"tabel_3_14_jamsos_{year}", ("Tabel 3.14",))
    return (("ss1_jamsos_chart", chart), ("ss1_jamsos_table", table))


def _tab_bps(frames, year, lang, s) -> tuple:
    """Tabel 3.15: working-age population, labour force and participation (BPS, August), the year against the one before."""
    bps = frames["labour_force_bps"]
    bps = bps[bps["year"] <= year].sort_values(["urutan", "year"])
    if not (bps["year"] == year).any():
        return _no_rows("ss1_bps", year, s)
    label = bps["kode"].map(BPS_EN).fillna(bps["indikator"]) if lang == "en" else bps["indikator"]
    bps = bps.assign(label=label)
    people = YearBars(
        bps[bps["satuan"] == "juta orang"],
        "label",
        "nilai",
        s("bps_title"),
        ("Tabel 3.15",),
        horizontal=True,
        number_format=",.2f",
        subtitle=s("bps_unit"),
    )
    rates = YearLines(bps[bps["satuan"] == "persen"], "label", "nilai", s("tpak_title"), ("Tabel 3.15",), unit="%")
    bp, prev = compare_years(bps, year, "kode", "nilai")
    bp = bp.assign(
        diff=bp["nilai"] - bp["prev"],
        satuan_label=bp["satuan"].map({"juta orang": s("juta_orang"), "persen": "%"}).fillna(bp["satuan"]),
    )
    printed = printed_figures(frames, year)
    changes = [printed.get(f"T3.15.{k}.perubahan") for k in bp["kode"]]
    columns = [
        Column("label", s("indikator")),
        Column("satuan_label", s("satuan")),
        Column("nilai", s("nilai_y", y=year), "num", 2),
    ]
    if prev is not None:
        columns += [Column("prev", s("prev_year", y=prev), "num", 2), Column("diff", s("selisih"), "num", 2)]
        if any(c is not None for c in changes):
            bp = bp.assign(printed_change=changes)
            columns.append(Column("printed_change", s("printed_change", p=prev, y=year), "num", 2))
    table = make_table(bp, columns, lang, f"tabel_3_15_angkatan_kerja_{year}", ("Tabel 3.15",))
    return (
        ("ss1_bps_charts", Columns((("ss1_bps_chart", people), ("ss1_tpak_chart", rates)))),
        ("ss1_bps_table", table),
    )


_TAB_BUILDERS: dict[str, Callable[..., tuple]] = {
    "uptp": _tab_uptp,
    "kejuruan": _tab_kejuruan,
    "blkk": _tab_blkk,
    "placement": _tab_placement,
    "pmi": _tab_pmi,
    "wlkp": _tab_wlkp,
    "phi": _tab_phi,
    "jamsos": _tab_jamsos,
    "bps": _tab_bps,
}
