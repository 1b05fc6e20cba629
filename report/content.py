"""What the PDF says, section by section: headings, sentences, tables and charts, formatted and pure.

``report_blocks(frames, year, lang)`` computes every figure through ``kpi`` and returns a list
of blocks that ``report.pdf`` lays out. Text is plain (never HTML or markup); numbers go
through ``kpi.format`` so Indonesian reads ``40,71 %`` and ``Rp 6,14 T``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from kpi import budget, outputs, productivity, rb, spbe
from kpi.checks import RULES, SEVERITY_TEXT, run_checks, summary
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from kpi.headline import headline, ikss_table, ss_capaian
from kpi.status import Status, status_of
from report import charts
from report.text import named, status_word, tr
from views.common import of_year
from views.i18n import pick

Frames = Mapping[str, pd.DataFrame]
Align = Literal["L", "R", "C"]
TOP_OUTPUTS = 20
"""How many under-target outputs the report lists."""


@dataclass
class Heading:
    text: str
    level: int = 1
    new_page: bool = False


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]
    """Relative column widths."""
    align: list[Align]
    sources: tuple[str, ...]
    statuses: list[Status | None] = field(default_factory=list)
    """Per row, the status whose word sits in column ``status_col`` (coloured, never colour alone)."""
    status_col: int | None = None
    total_row: bool = False
    font_size: float = 8.5
    source_text: str | None = None
    """Replaces the ``Sumber: LKj …`` line when the table is not read from the report (the checks)."""


@dataclass
class Chart:
    png: bytes
    sources: tuple[str, ...]
    title: str


@dataclass
class Tiles:
    """The cover's headline figures: (label, value, status or None)."""

    items: list[tuple[str, str, Status | None]]


Block = Heading | Paragraph | Table | Chart | Tiles


def _year(frames: Frames, name: str, year: int) -> pd.DataFrame:
    """The rows of ``year`` of dataset ``name`` (an empty frame when the dataset is absent)."""
    frame = frames.get(name)
    return pd.DataFrame() if frame is None else of_year(frame, year)


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _plain(value: object) -> str:
    """Data text as one safe line: control characters dropped, whitespace collapsed."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    return " ".join(text.split())


def _value(value: float | None, satuan: str, text: object, lang: str) -> str:
    """A target or realisasi as Tabel 3.2 prints it: opinions as text, percent with %, points with 2 decimals."""
    if value is None:
        return _plain(text) if text is not None and not pd.isna(text) else "–"
    if satuan == "%":
        return fmt_pct(value, 2, lang)
    return fmt_number(value, 2, lang)


# --- sections ----------------------------------------------------------------------------------


def _ikss(frames: Frames, year: int, lang: str, rows: pd.DataFrame) -> list[Block]:
    # the cover's contents placeholder has already broken the page
    blocks: list[Block] = [Heading(tr("sec_ikss", lang)), Paragraph(tr("ikss_intro", lang))]
    prev_year = next((int(y) for y in rows["year_prev"] if not pd.isna(y)), None)
    headers = [tr("c_ss", lang), tr("c_ikss", lang), tr("c_satuan", lang)]
    if prev_year:
        headers.append(tr("c_real_prev", lang, y=prev_year))
    headers += [
        tr("target", lang),
        tr("realisasi", lang),
        tr("capaian", lang),
        tr("c_printed", lang),
        tr("c_status", lang),
    ]
    body, statuses = [], []
    for r in rows.itertuples():
        status = status_of(_num(r.capaian_pct))
        statuses.append(status)
        line = [
            str(r.ss_code),
            named("ikss", r.code, r.name, lang),
            named("satuan", r.satuan, r.satuan, lang),
        ]
        if prev_year:
            line.append(_value(_num(r.realisasi_prev), r.satuan, r.realisasi_prev_text, lang))
        line += [
            _value(_num(r.target), r.satuan, r.target_text, lang),
            _value(_num(r.realisasi), r.satuan, r.realisasi_text, lang),
            fmt_pct(_num(r.capaian_pct), 2, lang),
            fmt_pct(_num(r.capaian_printed_pct), 2, lang),
            status_word(status, lang),
        ]
        body.append(line)
    widths = [8, 30, 10] + ([14] if prev_year else []) + [12, 13, 16, 14, 18]
    align: list[Align] = ["L", "L", "L"] + (["R"] if prev_year else []) + ["R", "R", "R", "R", "L"]
    blocks.append(Table(headers, body, widths, align, ("Tabel 3.2",), statuses, len(headers) - 1))
    labels = [named("ikss", c, n, lang) for c, n in zip(rows["code"], rows["name"], strict=True)]
    labels = [lbl if len(lbl) <= 34 else lbl[:32] + "…" for lbl in labels]
    png = charts.status_bars(
        labels, [_num(v) for v in rows["capaian_pct"]], statuses, [status_word(s, lang) for s in statuses], lang
    )
    blocks.append(Chart(png, ("Tabel 3.2",), tr("chart_ikss", lang, y=year)))
    return blocks


def _ss(frames: Frames, year: int, lang: str, rows: pd.DataFrame, head: Mapping) -> list[Block]:
    per_ss = ss_capaian(rows)
    eff = _year(frames, "efficiency_ss", year)
    blocks: list[Block] = [Heading(tr("sec_ss", lang)), Paragraph(tr("ss_intro", lang))]
    headers = [
        tr("c_sasaran", lang),
        tr("capaian", lang),
        tr("pagu", lang),
        tr("realisasi", lang),
        tr("penyerapan", lang),
        tr("c_eff", lang),
        tr("c_status", lang),
    ]
    body, statuses = [], []
    for ss in sorted(per_ss):
        cap = per_ss[ss]
        hit = eff[eff["ss_code"] == ss] if not eff.empty else eff
        pagu = _num(hit.iloc[0]["pagu_rp"]) if not hit.empty else None
        real = _num(hit.iloc[0]["realisasi_rp"]) if not hit.empty else None
        absorb = budget.absorption_pct(pagu, real)
        status = status_of(cap)
        statuses.append(status)
        label = tr(ss.lower().replace("-", ""), lang) if ss in ("SS-1", "SS-2") else ss
        body.append(
            [
                label,
                fmt_pct(cap, 2, lang),
                fmt_rp_short(pagu, lang),
                fmt_rp_short(real, lang),
                fmt_pct(absorb, 2, lang),
                fmt_number(budget.efficiency_rate(cap, absorb), 2, lang),
                status_word(status, lang),
            ]
        )
    overall = _num(head.get("overall_capaian_pct"))
    statuses.append(status_of(overall))
    body.append(
        [
            tr("overall", lang),
            fmt_pct(overall, 2, lang),
            fmt_rp_short(_num(eff["pagu_rp"].sum()) if not eff.empty else None, lang),
            fmt_rp_short(_num(eff["realisasi_rp"].sum()) if not eff.empty else None, lang),
            fmt_pct(
                budget.absorption_pct(_num(eff["pagu_rp"].sum()), _num(eff["realisasi_rp"].sum()))
                if not eff.empty
                else None,
                2,
                lang,
            ),
            fmt_number(_num(head.get("efficiency_rate_total")), 2, lang),
            status_word(status_of(overall), lang),
        ]
    )
    blocks.append(
        Table(
            headers,
            body,
            [36, 13, 14, 14, 15, 15, 19],
            ["L", "R", "R", "R", "R", "R", "L"],
            ("Tabel 3.2", "Bab 3.1", "Tabel 3.24"),
            statuses,
            6,
            total_row=True,
        )
    )
    return blocks


def _budget(frames: Frames, year: int, lang: str, head: Mapping) -> list[Block]:
    blocks: list[Block] = [Heading(tr("sec_budget", lang), new_page=True)]
    blocks.append(
        Paragraph(
            tr(
                "budget_intro",
                lang,
                pagu=fmt_rp_short(_num(head.get("budget_pagu_rp")), lang),
                real=fmt_rp_short(_num(head.get("budget_realisasi_rp")), lang),
                abs=fmt_pct(_num(head.get("budget_absorption_pct")), 2, lang),
                blokir=fmt_rp_short(_num(head.get("budget_blokir_rp")), lang),
                excl=fmt_pct(_num(head.get("budget_absorption_excl_blokir_pct")), 2, lang),
            )
        )
    )
    programs = _year(frames, "budget_program", year).sort_values("urutan")
    if not programs.empty:
        table = budget.absorption_table(programs, ["program_code", "program_name"])
        headers = [tr("c_program", lang), tr("pagu", lang), tr("realisasi", lang), tr("penyerapan", lang)]
        body = [
            [
                f"{r.program_code} {_plain(r.program_name)}",
                fmt_rp(_num(r.pagu_rp), lang),
                fmt_rp(_num(r.realisasi_rp), lang),
                fmt_pct(_num(r.penyerapan_pct), 2, lang),
            ]
            for r in table.itertuples()
        ]
        pagu, real = _num(table["pagu_rp"].sum()), _num(table["realisasi_rp"].sum())
        body.append(
            [
                tr("total", lang),
                fmt_rp(pagu, lang),
                fmt_rp(real, lang),
                fmt_pct(budget.absorption_pct(pagu, real), 2, lang),
            ]
        )
        blocks.append(Heading(tr("h_program", lang), level=2))
        blocks.append(Table(headers, body, [40, 24, 24, 12], ["L", "R", "R", "R"], ("Tabel 3.20",), total_row=True))
        png = charts.paired_bars(
            [f"{c}" for c in table["program_code"]],
            list(table["pagu_rp"].astype(float)),
            list(table["realisasi_rp"].astype(float)),
            (tr("legend_pagu", lang), tr("legend_realisasi", lang)),
            lang,
            scale=1e12,
        )
        blocks.append(Chart(png, ("Tabel 3.20",), tr("chart_program", lang, y=year)))
    units = _year(frames, "budget_unit", year).sort_values("urutan")
    blokir = _year(frames, "budget_blokir", year)
    if not units.empty:
        table = budget.blokir_absorption_table(
            units, blokir if not blokir.empty else pd.DataFrame(columns=["unit_code", "blokir_rp"])
        )
        headers = [
            tr("c_unit", lang),
            tr("pagu", lang),
            tr("c_blokir", lang),
            tr("realisasi", lang),
            tr("penyerapan", lang),
            tr("c_excl", lang),
        ]
        body = [
            [
                _plain(r.unit_name),
                fmt_rp_short(_num(r.pagu_rp), lang),
                fmt_rp_short(_num(r.blokir_rp), lang),
                fmt_rp_short(_num(r.realisasi_rp), lang),
                fmt_pct(_num(r.penyerapan_pct), 2, lang),
                fmt_pct(_num(r.penyerapan_excl_blokir_pct), 2, lang),
            ]
            for r in table.itertuples()
        ]
        pagu, blk, real = (_num(table[c].sum()) for c in ("pagu_rp", "blokir_rp", "realisasi_rp"))
        body.append(
            [
                tr("total", lang),
                fmt_rp_short(pagu, lang),
                fmt_rp_short(blk, lang),
                fmt_rp_short(real, lang),
                fmt_pct(budget.absorption_pct(pagu, real), 2, lang),
                fmt_pct(budget.absorption_excl_blokir_pct(pagu, blk, real), 2, lang),
            ]
        )
        blocks.append(Heading(tr("h_unit", lang), level=2))
        blocks.append(
            Table(
                headers,
                body,
                [34, 14, 15, 14, 12, 14],
                ["L", "R", "R", "R", "R", "R"],
                ("Tabel 3.21", "Tabel 3.22"),
                total_row=True,
            )
        )
        png = charts.grouped_hbars(
            [_plain(n) for n in table["unit_name"]],
            [[_num(v) for v in table["penyerapan_pct"]], [_num(v) for v in table["penyerapan_excl_blokir_pct"]]],
            [tr("legend_with", lang), tr("legend_excl", lang)],
            lang,
        )
        blocks.append(Chart(png, ("Tabel 3.21", "Tabel 3.22"), tr("chart_unit", lang, y=year)))
    return blocks


def _productivity(frames: Frames, year: int, lang: str, rows: pd.DataFrame) -> list[Block]:
    variables = _year(frames, "pyb_variable", year)
    try:
        x = productivity.inputs_from_variables(variables)
    except KeyError:
        return []
    p = productivity.productivity_contribution_pct(x)
    hit = rows[rows["code"] == "produktivitas"]
    target = _num(hit.iloc[0]["target"]) if not hit.empty else None
    cap = _num(hit.iloc[0]["capaian_pct"]) if not hit.empty else None
    blocks: list[Block] = [
        Heading(tr("sec_prod", lang)),
        Paragraph(
            tr("prod_intro", lang, y=year, p=fmt_pct(p, 2, lang), t=fmt_pct(target, 2, lang), c=fmt_pct(cap, 2, lang))
        ),
    ]
    parts = productivity.component_contributions_pct(x)
    shares = productivity.component_shares_pct(x)
    values = x.as_dict()
    headers = [tr("c_component", lang), tr("c_value", lang), tr("c_contrib", lang), tr("c_share", lang)]
    body = [
        [named("comp", k, k, lang), fmt_number(values[k], 0, lang), fmt_number(v, 4, lang), fmt_pct(shares[k], 2, lang)]
        for k, v in parts.items()
    ]
    body.append(["P", "", fmt_number(sum(parts.values()), 4, lang), fmt_pct(100.0, 2, lang)])
    for k in ("delta_pyb", "pyb_formal", "ump_rp", "sakernas_wage_rp"):
        shown = fmt_rp(values[k], lang) if k.endswith("_rp") else fmt_number(values[k], 0, lang)
        body.append([named("comp", k, k, lang), shown, "", ""])
    blocks.append(Table(headers, body, [40, 22, 20, 18], ["L", "R", "R", "R"], ("Bab 3.2.1", "Tabel 3.1", "Tabel 3.2")))
    png = charts.signed_hbars([named("comp", k, k, lang) for k in parts], list(parts.values()), lang, decimals=3)
    blocks.append(Chart(png, ("Bab 3.2.1",), tr("chart_prod", lang, y=year)))
    return blocks


def _spbe(frames: Frames, year: int, lang: str, head: Mapping) -> list[Block]:
    domains = _year(frames, "spbe_domain", year)
    if domains.empty:
        return []
    bands = _year(frames, "spbe_predikat", year)
    rec = _num(head.get("spbe_index_recomputed"))
    nxt = spbe.next_predikat(rec, bands) if rec is not None and not bands.empty else None
    next_text = tr("spbe_next", lang, p=nxt[0], lo=fmt_number(nxt[1], 2, lang)) if nxt else ""
    blocks: list[Block] = [
        Heading(tr("sec_spbe", lang)),
        Paragraph(
            tr(
                "spbe_intro",
                lang,
                y=year,
                idx=fmt_number(_num(head.get("spbe_index")), 2, lang),
                rec=fmt_number(rec, 4, lang),
                pred=head.get("spbe_predikat") or "–",
                next=next_text,
            )
        ),
    ]
    domains = domains.sort_values("code")
    headers = [
        tr("c_domain", lang),
        tr("c_bobot", lang),
        tr("c_kemnaker", lang),
        tr("c_kementerian", lang),
        tr("c_nasional", lang),
    ]
    body = [
        [
            _plain(r.name),
            fmt_pct(_num(r.bobot_pct), 1, lang),
            fmt_number(_num(r.nilai), 2, lang),
            fmt_number(_num(r.nilai_rata_kementerian), 2, lang),
            fmt_number(_num(r.nilai_nasional), 2, lang),
        ]
        for r in domains.itertuples()
    ]
    blocks.append(Table(headers, body, [42, 12, 14, 18, 14], ["L", "R", "R", "R", "R"], ("Tabel 3.19", "Lampiran 8")))
    png = charts.grouped_hbars(
        [_plain(n).replace("Domain ", "") for n in domains["name"]],
        [[_num(v) for v in domains[c]] for c in ("nilai", "nilai_rata_kementerian", "nilai_nasional")],
        [tr("c_kemnaker", lang), tr("c_kementerian", lang), tr("c_nasional", lang)],
        lang,
        value_fmt="num",
    )
    blocks.append(Chart(png, ("Tabel 3.19", "Lampiran 8"), tr("chart_spbe", lang, y=year)))
    return blocks


def _rb(frames: Frames, year: int, lang: str, head: Mapping, rows: pd.DataFrame) -> list[Block]:
    components = _year(frames, "rb_component", year)
    if components.empty:
        return []
    hit = rows[rows["code"] == "indeks_rb"]
    target = _num(hit.iloc[0]["target"]) if not hit.empty else None
    cap = _num(hit.iloc[0]["capaian_pct"]) if not hit.empty else None
    opini = _year(frames, "opini_bpk_history", year)
    o_year = int(opini.iloc[0]["tahun_laporan_keuangan"]) if not opini.empty else "–"
    eval_year = int(components.iloc[0]["tahun_evaluasi"]) if not pd.isna(components.iloc[0]["tahun_evaluasi"]) else "–"
    blocks: list[Block] = [
        Heading(tr("sec_rb", lang)),
        Paragraph(
            tr(
                "rb_intro",
                lang,
                e=eval_year,
                idx=fmt_number(_num(head.get("rb_index")), 2, lang),
                t=fmt_number(target, 2, lang),
                c=fmt_pct(cap, 2, lang),
                o_y=o_year,
                o=head.get("opini_bpk") or "–",
            )
        ),
    ]
    gaps = rb.component_gaps(components)
    headers = [
        tr("c_komponen", lang),
        tr("c_bobot", lang),
        tr("c_value", lang),
        tr("c_gap", lang),
        tr("c_pct_bobot", lang),
    ]
    body = [
        [
            named("rb", r.code, r.name, lang),
            fmt_number(_num(r.bobot), 2, lang),
            fmt_number(_num(r.nilai), 2, lang),
            fmt_number(_num(r.gap), 2, lang),
            fmt_pct(_num(r.pct_of_bobot), 2, lang),
        ]
        for r in gaps.itertuples()
    ]
    total_b, total_v = _num(gaps["bobot"].sum()), rb.rb_index(components)
    body.append(
        [
            tr("total", lang),
            fmt_number(total_b, 2, lang),
            fmt_number(total_v, 2, lang),
            fmt_number(total_b - total_v, 2, lang),
            fmt_pct(total_v / total_b * 100 if total_b else None, 2, lang),
        ]
    )
    blocks.append(
        Table(headers, body, [36, 14, 14, 18, 18], ["L", "R", "R", "R", "R"], ("Tabel 3.16",), total_row=True)
    )
    history = frames.get("rb_history")
    opinions = frames.get("opini_bpk_history")
    if history is not None and not history.empty:
        hist = history[history["year"] <= year].sort_values("year")
        op = (
            opinions.set_index("year")["opini"]
            if opinions is not None and not opinions.empty
            else pd.Series(dtype=object)
        )
        blocks.append(Heading(tr("h_history", lang), level=2))
        body = [
            [
                f"{tr('c_lkj_year', lang)} {int(r.year)}",
                str(int(r.tahun_evaluasi)),
                fmt_number(_num(r.indeks), 2, lang),
                _plain(op.get(r.year)),
            ]
            for r in hist.itertuples()
        ]
        blocks.append(
            Table(
                [tr("year", lang), tr("c_tahun_eval", lang), tr("c_indeks", lang), tr("c_opini", lang)],
                body,
                [25, 25, 25, 25],
                ["L", "R", "R", "C"],
                ("Tabel 3.2",),
            )
        )
    return blocks


def _outputs(frames: Frames, year: int, lang: str) -> list[Block]:
    frame = _year(frames, "output_capaian", year)
    if frame.empty:
        return []
    rows = outputs.outputs(frame)
    counts = outputs.status_counts(rows["status"])
    under = outputs.under_target(rows).head(TOP_OUTPUTS)
    blocks: list[Block] = [
        Heading(tr("sec_outputs", lang), new_page=True),
        Paragraph(
            tr(
                "outputs_intro",
                lang,
                n=fmt_number(len(rows), 0, lang),
                h=counts["hijau"],
                k=counts["kuning"],
                m=counts["merah"],
                a=counts["abu"],
                top=len(under),
            )
        ),
    ]
    png = charts.status_counts([status_word(s, lang) for s in counts], list(counts.values()), list(counts), lang)
    blocks.append(Chart(png, ("Lampiran 6",), tr("chart_outputs", lang, n=len(rows), y=year)))
    headers = [
        tr("c_kode", lang),
        tr("c_output", lang),
        tr("c_unit", lang),
        tr("target", lang),
        tr("realisasi", lang),
        tr("capaian", lang),
        tr("penyerapan", lang),
        tr("c_status", lang),
    ]
    body, statuses = [], []
    for r in under.itertuples():
        statuses.append(r.status)
        body.append(
            [
                f"{_plain(r.kegiatan_code)}.{_plain(r.output_code)}",
                f"{_plain(r.name)} ({_plain(r.satuan)})",
                _plain(r.unit_code),
                fmt_number(_num(r.target), 0, lang),
                fmt_number(_num(r.realisasi), 0, lang),
                fmt_pct(_num(r.capaian_calc_pct), 2, lang),
                fmt_pct(_num(r.penyerapan_calc_pct), 2, lang),
                status_word(r.status, lang),
            ]
        )
    blocks.append(
        Table(
            headers,
            body,
            [13, 38, 17, 12, 12, 11, 13, 15],
            ["L", "L", "L", "R", "R", "R", "R", "L"],
            ("Lampiran 6",),
            statuses,
            7,
            font_size=7,
        )
    )
    return blocks


def _quality(frames: Frames, year: int, lang: str) -> list[Block]:
    report = run_checks(frames, year)
    by_sev = Counter(f.severity for f in report)
    ran = sum(report.ran.values())
    blocks: list[Block] = [
        Heading(tr("sec_quality", lang), new_page=True),
        Paragraph(
            tr(
                "quality_intro",
                lang,
                ran=fmt_number(ran, 0, lang),
                f=fmt_number(len(report), 0, lang),
                e=by_sev["error"],
                w=by_sev["warning"],
                i=by_sev["info"],
            )
        ),
    ]
    tables = summary(report, RULES)["tables"]
    tables = tables[tables["failed"] > 0]
    headers = [
        tr("c_table", lang),
        tr("c_ran", lang),
        tr("c_failed", lang),
        pick(SEVERITY_TEXT["error"], lang),
        pick(SEVERITY_TEXT["warning"], lang),
        pick(SEVERITY_TEXT["info"], lang),
    ]
    body = [
        [
            _plain(r.table),
            fmt_number(r.ran, 0, lang),
            fmt_number(r.failed, 0, lang),
            fmt_number(r.error, 0, lang),
            fmt_number(r.warning, 0, lang),
            fmt_number(r.info, 0, lang),
        ]
        for r in tables.itertuples()
    ]
    blocks.append(Heading(tr("h_by_table", lang), level=2))
    if body:
        blocks.append(
            Table(
                headers,
                body,
                [30, 14, 14, 14, 14, 14],
                ["L", "R", "R", "R", "R", "R"],
                (),
                source_text=tr("source_quality", lang, y=year),
            )
        )
    else:
        blocks.append(Paragraph(tr("none", lang)))
    errors = [f for f in report if f.severity == "error"]
    blocks.append(Heading(tr("h_errors", lang), level=2))
    if errors:
        body = [[str(i), _plain(f.message(lang))] for i, f in enumerate(errors, start=1)]
        sources = tuple(dict.fromkeys(t for f in errors for t in f.tables))
        blocks.append(Table(["#", tr("c_finding", lang)], body, [5, 95], ["R", "L"], sources, font_size=7.5))
    else:
        blocks.append(Paragraph(tr("none", lang)))
    return blocks


# --- the whole report --------------------------------------------------------------------------


def cover_tiles(head: Mapping, lang: str) -> Tiles:
    """The six headline figures of the cover."""

    def pct(key: str) -> str:
        return fmt_pct(_num(head.get(key)), 2, lang)

    return Tiles(
        [
            (tr("k_ss1", lang), pct("ss1_capaian_pct"), status_of(_num(head.get("ss1_capaian_pct")))),
            (tr("k_ss2", lang), pct("ss2_capaian_pct"), status_of(_num(head.get("ss2_capaian_pct")))),
            (tr("k_overall", lang), pct("overall_capaian_pct"), status_of(_num(head.get("overall_capaian_pct")))),
            (tr("k_pagu", lang), fmt_rp_short(_num(head.get("budget_pagu_rp")), lang), None),
            (tr("k_realisasi", lang), fmt_rp_short(_num(head.get("budget_realisasi_rp")), lang), None),
            (tr("k_absorption", lang), pct("budget_absorption_pct"), None),
        ]
    )


def report_blocks(frames: Frames, year: int, lang: str = "id") -> tuple[Tiles, list[Block]]:
    """The cover tiles and the body of the report of ``year`` in ``lang``."""
    head = headline(frames, year)
    rows = ikss_table(frames["ikss"], frames["ikss_capaian"], year)
    body: list[Block] = []
    body += _ikss(frames, year, lang, rows)
    body += _ss(frames, year, lang, rows, head)
    body += _budget(frames, year, lang, head)
    body += _productivity(frames, year, lang, rows)
    body += _spbe(frames, year, lang, head)
    body += _rb(frames, year, lang, head, rows)
    body += _outputs(frames, year, lang)
    body += _quality(frames, year, lang)
    return cover_tiles(head, lang), body
