"""Kualitas Data: the check report of one year as a pure view (``kpi.checks``).

``page(report, year, lang)`` turns the :class:`kpi.checks.CheckReport` of ``year`` (every printed
total, percentage and repeated figure of the LKj recomputed from its parts) into what the page
draws: the counts (comparisons run, passed, failed per severity), the printed figures the rules
skipped because the year's report does not print them yet, the findings per LKj table for the
chart, the findings table (each finding's sentence from ``Finding.message(lang)``, its printed and
recomputed values) and the rules table. ``visible(model, severities, tables, kinds)`` is the
findings table narrowed by the page's filters. Numbers are written by :mod:`kpi.format`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from kpi.checks import KIND_EXPLAIN, KIND_TEXT, KINDS, RULE_BY_ID, RULES, SEVERITIES, SEVERITY_TEXT, summary
from kpi.format import fmt_number, fmt_pct
from views.common import Tile
from views.i18n import pick, texts
from views.table import Column, Table, make_table

SEVERITY_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}
PAGES: dict[str, tuple[str, str]] = {
    "ringkasan": ("app_pages/ringkasan.py", "page_ringkasan"),
    "ss1": ("app_pages/ss1.py", "page_ss1"),
    "ss2": ("app_pages/ss2.py", "page_ss2"),
    "anggaran": ("app_pages/anggaran.py", "page_anggaran"),
    "pn": ("app_pages/pn.py", "page_pn"),
    "output": ("app_pages/output.py", "page_output"),
}
"""The pages a finding's figure is shown on: page code -> (page file, its title in the common texts)."""


@dataclass(frozen=True)
class Chart:
    """Findings per LKj table by severity (the ``tables`` counts of ``kpi.checks.summary``) and its texts."""

    per_table: pd.DataFrame
    title: str
    severity_labels: Mapping[str, str]
    axis: str
    table_label: str
    ran_label: str
    sources: tuple[str, ...]
    """The LKj tables with a finding (the chart's source line)."""


@dataclass(frozen=True)
class Findings:
    """Every finding of the year as a table, and per row what the filters compare."""

    table: Table
    severity: tuple[str, ...]
    kind: tuple[str, ...]
    page: tuple[str, ...]
    tables: tuple[tuple[str, ...], ...]
    """The LKj tables of each finding."""
    table_options: tuple[str, ...]
    """The LKj tables with a finding, in the report's order (the table filter's options)."""


@dataclass(frozen=True)
class Page:
    year: int
    title: str
    intro: str
    tiles: tuple[Tile, ...]
    n_failed: int
    not_printed: str | None
    """``12 angka laporan belum dicetak ...`` when rules skipped figures the year does not print yet."""
    not_printed_table: Table | None
    chart: Chart
    findings: Findings
    rules: Table
    severity_names: Mapping[str, str]
    kind_names: Mapping[str, str]
    kinds: tuple[tuple[str, str], ...]
    """Each kind of rule: its name and what it checks."""


@dataclass(frozen=True)
class Visible:
    """The findings table narrowed by the filters, its caption and the pages its findings are on."""

    table: Table
    caption: str
    pages: tuple[tuple[str, str], ...]
    """``(page file, "Anggaran (12)")``: each page with a finding shown, in navigation order."""


def show_value(value: object, lang: str) -> str:
    """A finding's printed / recomputed value or difference: whole, two or four decimals (``kpi.format``)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, str):
        return value
    v = float(value)
    decimals = 0 if v.is_integer() or abs(v) >= 1e6 else (2 if abs(round(v, 2) - v) < 1e-9 else 4)
    return fmt_number(v, decimals, lang)


def _tiles(report: Sequence, counts: Mapping[str, pd.DataFrame], lang: str) -> tuple[Tile, ...]:
    s = texts("kualitas", lang)
    per_rule = counts["rules"]
    ran, failed = int(per_rule["ran"].sum()), len(report)
    rules_ran, skipped = int((per_rule["ran"] > 0).sum()), len(set(getattr(report, "skipped", [])))
    share = (ran - failed) / ran * 100 if ran else None
    tiles = [
        Tile(
            key="tile_ran",
            label=s("ran"),
            value=fmt_number(ran, 0, lang),
            help=s("ran_help", r=rules_ran, n=fmt_number(ran, 0, lang), s=skipped),
        ),
        Tile(
            key="tile_passed",
            label=s("passed"),
            value=fmt_number(ran - failed, 0, lang),
            help=s("passed_help", p=fmt_pct(share, 2, lang)),
        ),
    ]
    for sev in SEVERITIES:
        n = sum(1 for f in report if f.severity == sev)
        tiles.append(
            Tile(
                key=f"tile_{sev}",
                label=f"{SEVERITY_ICON[sev]} {s('failed_' + sev)}",
                value=fmt_number(n, 0, lang),
                help=s("help_" + sev),
            )
        )
    return tuple(tiles)


def _not_printed(report: Sequence, year: int, lang: str) -> tuple[str | None, Table | None]:
    """The summary line and the list of ``(rule, figure)`` skipped because the year's report does not print it yet."""
    pairs = list(getattr(report, "not_printed", None) or [])
    if not pairs:
        return None, None
    s = texts("kualitas", lang)
    rules_of: dict[str, list[str]] = {}
    for rule_id, figure in pairs:
        rules_of.setdefault(str(figure), []).append(str(rule_id))
    frame = pd.DataFrame(
        {"figure": list(rules_of), "rules": [", ".join(dict.fromkeys(ids)) for ids in rules_of.values()]}
    )
    columns = [Column("figure", s("col_figure")), Column("rules", s("col_rule"))]
    table = make_table(
        frame, columns, lang, f"kualitas_belum_dicetak_{year}", ("printed_figure",), s("not_printed_list")
    )
    return s("not_printed", n=fmt_number(len(frame), 0, lang), y=year), table


def _chart(counts: Mapping[str, pd.DataFrame], severity_names: Mapping[str, str], lang: str) -> Chart:
    s = texts("kualitas", lang)
    per_table = counts["tables"]
    labels = {sev: f"{SEVERITY_ICON[sev]} {name}" for sev, name in severity_names.items()}
    sources = tuple(str(x) for x in per_table.loc[per_table["failed"] > 0, "table"])
    return Chart(per_table, s("chart_title"), labels, s("chart_axis"), s("col_tables"), s("ran"), sources)


def _findings(report: Sequence, counts: Mapping[str, pd.DataFrame], year: int, lang: str) -> Findings:
    """Every finding: severity, its sentence, printed / recomputed / difference, rule, kind, tables, row, page."""
    s = texts("kualitas", lang)
    findings = list(report)
    kinds = [RULE_BY_ID[f.rule_id].kind if f.rule_id in RULE_BY_ID else "" for f in findings]
    sev_text = {sev: f"{SEVERITY_ICON[sev]} {pick(SEVERITY_TEXT[sev], lang)}" for sev in SEVERITIES}
    values = {
        s("col_severity"): [sev_text.get(f.severity, f.severity) for f in findings],
        s("col_message"): [f.message(lang) for f in findings],
        s("col_printed"): [f.printed for f in findings],
        s("col_recomputed"): [f.recomputed for f in findings],
        s("col_diff"): [f.difference for f in findings],
        s("col_rule"): [f.rule_id for f in findings],
        s("col_kind"): [pick(KIND_TEXT[k], lang) if k in KIND_TEXT else k for k in kinds],
        s("col_tables"): [", ".join(f.tables) for f in findings],
        s("col_row"): [f.row_key for f in findings],
        s("col_page"): [f"/{f.page}" for f in findings],
    }
    numbers = (s("col_printed"), s("col_recomputed"), s("col_diff"))
    raw = pd.DataFrame(values, index=range(len(findings)))
    display = pd.DataFrame(
        {col: [show_value(v, lang) for v in vals] if col in numbers else vals for col, vals in values.items()},
        index=range(len(findings)),
        dtype=object,
    )
    table = Table(display, raw, f"kualitas_data_{year}", ("Kualitas Data: " + s("findings"),), s("findings"), numbers)
    order = {name: i for i, name in enumerate(counts["tables"]["table"])}
    options = sorted({t for f in findings for t in f.tables}, key=lambda x: order.get(x, len(order)))
    return Findings(
        table,
        tuple(f.severity for f in findings),
        tuple(kinds),
        tuple(f.page for f in findings),
        tuple(tuple(f.tables) for f in findings),
        tuple(options),
    )


def _rules(counts: Mapping[str, pd.DataFrame], year: int, lang: str) -> Table:
    """One row per rule: its kind, LKj tables, what it checks, severity, how often it ran, passed, failed."""
    s = texts("kualitas", lang)
    per_rule = counts["rules"]
    frame = pd.DataFrame(
        {
            "rule": per_rule["rule_id"],
            "kind": [pick(KIND_TEXT[k], lang) for k in per_rule["kind"]],
            "tables": per_rule["tables"],
            "desc": [RULE_BY_ID[r].description(lang) for r in per_rule["rule_id"]],
            "severity": [pick(SEVERITY_TEXT[sev], lang) for sev in per_rule["severity"]],
            "ran": per_rule["ran"],
            "passed": per_rule["passed"],
            "failed": per_rule["failed"],
            "skipped": [s("yes") if x else s("no") for x in per_rule["skipped"]],
        }
    )
    columns = [
        Column("rule", s("col_rule")),
        Column("kind", s("col_kind")),
        Column("tables", s("col_tables")),
        Column("desc", s("col_desc")),
        Column("severity", s("col_severity")),
        Column("ran", s("col_ran"), "int"),
        Column("passed", s("col_passed"), "int"),
        Column("failed", s("col_failed"), "int"),
        Column("skipped", s("col_skipped")),
    ]
    return make_table(frame, columns, lang, f"kualitas_aturan_{year}", ("Kualitas Data: " + s("rules_head"),))


def page(report: Sequence, year: int, lang: str) -> Page:
    """Everything the Kualitas Data page draws for the check report of ``year`` (see the module docstring)."""
    s = texts("kualitas", lang)
    counts = summary(report, RULES)
    severity_names = {sev: pick(SEVERITY_TEXT[sev], lang) for sev in SEVERITIES}
    line, absent = _not_printed(report, year, lang)
    return Page(
        year=year,
        title=s("title", y=year),
        intro=s("intro"),
        tiles=_tiles(report, counts, lang),
        n_failed=len(report),
        not_printed=line,
        not_printed_table=absent,
        chart=_chart(counts, severity_names, lang),
        findings=_findings(report, counts, year, lang),
        rules=_rules(counts, year, lang),
        severity_names=severity_names,
        kind_names={k: pick(KIND_TEXT[k], lang) for k in KINDS},
        kinds=tuple((pick(KIND_TEXT[k], lang), pick(KIND_EXPLAIN[k], lang)) for k in KINDS),
    )


def visible(model: Page, severities: Sequence[str], tables: Sequence[str], kinds: Sequence[str], lang: str) -> Visible:
    """The findings that pass the filters (each empty filter passes all) and the pages they are on."""
    found = model.findings
    keep = [
        (not severities or sev in severities)
        and (not kinds or kind in kinds)
        and (not tables or any(t in tables for t in tabs))
        for sev, kind, tabs in zip(found.severity, found.kind, found.tables, strict=True)
    ]
    table = found.table
    if not all(keep):
        table = Table(
            table.display[keep].reset_index(drop=True),
            table.raw[keep].reset_index(drop=True),
            table.name,
            table.sources,
            table.title,
            table.right,
        )
    hits: dict[str, int] = {}
    for page_code, kept in zip(found.page, keep, strict=True):
        if kept:
            hits[page_code] = hits.get(page_code, 0) + 1
    title = texts("common", lang)
    pages = tuple((path, f"{title(key)} ({hits[code]})") for code, (path, key) in PAGES.items() if code in hits)
    caption = texts("kualitas", lang)("shown", n=len(table), m=model.n_failed)
    return Visible(table, caption, pages)
