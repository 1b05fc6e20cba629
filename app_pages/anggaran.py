"""Anggaran: pagu, realisasi, blokir, PK revisions, dekonsentrasi, efficiency and the two realisasi sources.

LKj 2024 Bab 3.3-3.4 (Tabel 2.3, 3.20-3.24) and Lampiran 1-4 and 6. The tiles and the year's table
by programme or unit come first; the other sections sit in tabs of which only the open one runs.
Every section's figures, tables and charts are built once per language, year and data version.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.budget import (
    absorption_excl_blokir_pct,
    absorption_pct,
    blokir_absorption_table,
    efficiency_rate,
    pagu_revision_changes,
    source_gap_table,
)
from kpi.capaian import capaian_pct
from ui import data
from ui.charts import anggaran as charts
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import COMMON, LANGS, lang, page_text
from ui.widgets import built, formatted_table, page_findings, query_choice, source_line, tile, vega, year_select

REPORT_YEAR = 2024
REVISI = ("januari", "juni", "oktober", "desember")

TXT: dict[str, tuple[str, str]] = {
    "title": ("Anggaran", "Budget"),
    "intro": (
        "Pagu dan realisasi anggaran Kementerian Ketenagakerjaan menurut program dan unit Eselon I, "
        "perubahan pagu dalam Perjanjian Kinerja, pagu blokir, dana dekonsentrasi dan efisiensi "
        "penggunaan sumber daya (LKj 2024, Bab 3.3-3.4).",
        "Budget ceiling (pagu) and spending (realisasi) of the Ministry of Manpower by programme and "
        "Eselon I unit, pagu changes in the Performance Agreement, blocked budget (blokir), "
        "deconcentration funds and resource-use efficiency (LKj 2024, chapters 3.3-3.4).",
    ),
    "tiles_head": ("Ringkasan anggaran 2024", "Budget summary 2024"),
    "tile_pagu": ("Pagu 2024", "Budget ceiling 2024"),
    "tile_realisasi": ("Realisasi 2024", "Spending 2024"),
    "tile_penyerapan": ("Penyerapan anggaran", "Budget absorption"),
    "tile_blokir": ("Pagu blokir", "Blocked budget (blokir)"),
    "tile_excl": ("Penyerapan tanpa blokir", "Absorption excluding blokir"),
    "tile_eff": ("Efficiency rate {ss}", "Efficiency rate {ss}"),
    "tile_eff_total": ("Efficiency rate total", "Efficiency rate overall"),
    "help_sum": (
        "{full}. Jumlah rincian {table}; TOTAL yang dicetak: {printed}.",
        "{full}. Sum of the rows of {table}; printed TOTAL: {printed}.",
    ),
    "help_pct": (
        "Realisasi ÷ pagu × 100 = {real} ÷ {pagu}. Target penyerapan 2024: {target} (Bab 3.3); "
        "capaian = penyerapan ÷ target.",
        "Spending ÷ ceiling × 100 = {real} ÷ {pagu}. 2024 absorption target: {target} (ch. 3.3); "
        "achievement = absorption ÷ target.",
    ),
    "help_excl": (
        "Realisasi ÷ (pagu − blokir) × 100 = {real} ÷ {pagu_excl}. Dicetak di Bab 3.3: {printed}.",
        "Spending ÷ (ceiling − blokir) × 100 = {real} ÷ {pagu_excl}. Printed in ch. 3.3: {printed}.",
    ),
    "help_eff": (
        "Capaian sasaran strategis ÷ capaian realisasi anggaran = {ss} ÷ {ang} (Bab 3.4, Tabel 3.24). "
        "Di atas 1: sasaran tercapai lebih jauh daripada anggaran yang terserap.",
        "Strategic-goal achievement ÷ budget absorption = {ss} ÷ {ang} (ch. 3.4, Tabel 3.24). "
        "Above 1: the goal was reached further than the money was spent.",
    ),
    "eff_caption": (
        "Efficiency rate = capaian SS ÷ capaian anggaran; dihitung dari Tabel 3.24 (tabel itu tidak mencetak rasionya).",
        "Efficiency rate = goal achievement ÷ budget absorption; computed from Tabel 3.24 (the table prints no ratio).",
    ),
    # section 2
    "s2_head": (
        "Pagu dan realisasi per program dan per unit Eselon I",
        "Ceiling and spending by programme and Eselon I unit",
    ),
    "tab_program": ("Per program (Tabel 3.20)", "By programme (Tabel 3.20)"),
    "tab_unit": ("Per unit Eselon I (Tabel 3.21)", "By Eselon I unit (Tabel 3.21)"),
    "no_year_program": (
        "Tabel 3.20 tidak memuat tahun {year}; pagu per program tersedia untuk {years}.",
        "Tabel 3.20 has no figures for {year}; programme ceilings exist for {years}.",
    ),
    "no_realisasi": (
        "Tahun {year}: laporan hanya mencetak pagu. Realisasi dan penyerapan hanya tersedia untuk {years}.",
        "{year}: the report prints only the ceiling. Spending and absorption exist only for {years}.",
    ),
    "chart_program": ("Pagu dan realisasi per program, {year}", "Ceiling and spending by programme, {year}"),
    "chart_unit": ("Pagu dan realisasi per unit Eselon I, {year}", "Ceiling and spending by Eselon I unit, {year}"),
    "col_program": ("Program", "Programme"),
    "col_unit": ("Unit kerja", "Unit"),
    "col_pagu": ("Pagu", "Ceiling (pagu)"),
    "col_pagu_prev": ("Pagu {year}", "Ceiling {year}"),
    "col_delta_pagu": ("Perubahan pagu", "Change in ceiling"),
    "col_realisasi": ("Realisasi", "Spending"),
    "col_pct_printed": ("Penyerapan (dicetak)", "Absorption (printed)"),
    "col_pct_calc": ("Penyerapan (dihitung)", "Absorption (computed)"),
    "col_check": ("Cek", "Check"),
    "same": ("sama", "same"),
    "differs": ("berbeda {pp} poin", "differs by {pp} pts"),
    "total_ok": (
        "✅ {what} dihitung dari rincian ({sum}) sama dengan angka cetak laporan ({printed}).",
        "✅ {what} computed from the rows ({sum}) equals the report's printed figure ({printed}).",
    ),
    "total_bad": (
        "⚠️ {what} dihitung dari rincian ({sum}) berbeda dengan angka cetak laporan ({printed}): selisih {diff}.",
        "⚠️ {what} computed from the rows ({sum}) differs from the report's printed figure ({printed}): gap {diff}.",
    ),
    "total_row": ("Jumlah", "Total"),
    # sections 3-7, one tab each
    "tab_rev": ("Revisi PK (Tabel 2.3)", "PK revisions (Tabel 2.3)"),
    "tab_blokir": ("Blokir (Tabel 3.22)", "Blokir (Tabel 3.22)"),
    "tab_dekon": ("Dekonsentrasi (Tabel 3.23)", "Deconcentration (Tabel 3.23)"),
    "tab_eff": ("Efisiensi (Tabel 3.24)", "Efficiency (Tabel 3.24)"),
    "tab_src": ("OM-SPAN dan Monev (Lampiran 6)", "OM-SPAN and Monev (Lampiran 6)"),
    # section 3
    "s3_head": (
        "Perubahan pagu program pada Perjanjian Kinerja 2024",
        "Programme ceilings across the 2024 Performance Agreement revisions",
    ),
    "rev_mode": ("Tampilkan", "Show"),
    "mode_pagu": ("Pagu per dokumen PK", "Ceiling per PK document"),
    "mode_change": ("Perubahan sejak PK Januari", "Change since the January PK"),
    "chart_rev_pagu": ("Pagu program per revisi PK 2024", "Programme ceiling per 2024 PK revision"),
    "chart_rev_change": (
        "Perubahan pagu program sejak PK Januari 2024",
        "Change in programme ceiling since the January 2024 PK",
    ),
    "januari": ("Januari", "January"),
    "juni": ("Juni", "June"),
    "oktober": ("Oktober", "October"),
    "desember": ("Desember", "December"),
    "col_change_year": ("Perubahan Jan→Des", "Change Jan→Dec"),
    "lampiran_same": (
        "✅ Tabel 2.3 dan dokumen PK di Lampiran 1-4 mencetak pagu program yang sama untuk setiap revisi.",
        "✅ Tabel 2.3 and the PK documents in Lampiran 1-4 print the same programme ceilings for every revision.",
    ),
    "lampiran_diff": (
        "⚠️ Tabel 2.3 dan Lampiran 1-4 berbeda pada {n} angka pagu program.",
        "⚠️ Tabel 2.3 and Lampiran 1-4 differ in {n} programme ceilings.",
    ),
    # section 4
    "s4_head": ("Pagu blokir per unit Eselon I", "Blocked budget (blokir) by Eselon I unit"),
    "chart_blokir": ("Pagu blokir 2024 per unit", "Blocked budget 2024 by unit"),
    "chart_excl": ("Penyerapan dengan dan tanpa blokir, 2024", "Absorption with and without blokir, 2024"),
    "with_blokir": ("Terhadap pagu", "Of the ceiling"),
    "without_blokir": ("Terhadap pagu tanpa blokir", "Of the ceiling excl. blokir"),
    "col_blokir": ("Pagu blokir", "Blokir"),
    "col_pagu_excl": ("Pagu tanpa blokir", "Ceiling excl. blokir"),
    "col_pct": ("Penyerapan", "Absorption"),
    "col_pct_excl": ("Penyerapan tanpa blokir", "Absorption excl. blokir"),
    "blokir_note": (
        "Tabel 3.22 hanya mencetak blokir; pagu dan realisasi unit diambil dari Tabel 3.21.",
        "Tabel 3.22 prints only the blokir; each unit's ceiling and spending come from Tabel 3.21.",
    ),
    # section 5
    "s5_head": ("Dana dekonsentrasi per bidang, 2024", "Deconcentration funds by field, 2024"),
    "chart_dekon": ("Pagu dan realisasi dana dekonsentrasi 2024", "Deconcentration funds 2024: ceiling and spending"),
    "col_bidang": ("Bidang", "Field (bidang)"),
    "col_pembina": ("Unit pembina", "Supervising unit"),
    # section 6
    "s6_head": ("Efisiensi penggunaan sumber daya per sasaran strategis", "Resource-use efficiency by strategic goal"),
    "chart_eff": ("Capaian anggaran dan capaian sasaran, 2024", "Budget absorption and goal achievement, 2024"),
    "col_ss": ("Sasaran strategis", "Strategic goal"),
    "col_cap_ang": ("Capaian anggaran (dicetak)", "Budget absorption (printed)"),
    "col_cap_ss": ("Capaian SS", "Goal achievement"),
    "col_ss_name": ("Rumusan sasaran", "Goal statement"),
    "col_eff": ("Efficiency rate", "Efficiency rate"),
    "ss_note": (
        "SS-1 dibiayai program DN dan DL, SS-2 oleh program WA: pagu SS-1 {ss1} = DN + DL {dndl} {ok}.",
        "SS-1 is funded by programmes DN and DL, SS-2 by WA: SS-1 ceiling {ss1} = DN + DL {dndl} {ok}.",
    ),
    "cap_anggaran": ("Capaian anggaran", "Budget absorption"),
    "cap_ss": ("Capaian SS", "Goal achievement"),
    "tip_measure": ("Ukuran", "Measure"),
    "tip_value": ("Nilai", "Value"),
    # section 7
    "s7_head": (
        "Dua sumber realisasi: OM-SPAN dan Monev Kemenkeu",
        "Two sources of spending: OM-SPAN and Monev Kemenkeu",
    ),
    "s7_intro": (
        "Bab 3 (Tabel 3.20) memakai OM-SPAN; Lampiran 6 memakai Monev Kemenkeu (28 Februari 2025). "
        "Keduanya dicetak laporan dan ditampilkan berdampingan, tanpa memilih salah satu.",
        "Chapter 3 (Tabel 3.20) uses OM-SPAN; Lampiran 6 uses Monev Kemenkeu (28 February 2025). "
        "The report prints both; they are shown side by side, neither is preferred.",
    ),
    "src_omspan": ("Realisasi OM-SPAN (Tabel 3.20)", "Spending, OM-SPAN (Tabel 3.20)"),
    "src_monev": ("Realisasi Monev Kemenkeu (Lampiran 6)", "Spending, Monev Kemenkeu (Lampiran 6)"),
    "pct_omspan": ("Penyerapan OM-SPAN", "Absorption, OM-SPAN"),
    "pct_monev": ("Penyerapan Monev", "Absorption, Monev"),
    "col_gap": ("Selisih (OM-SPAN − Monev)", "Gap (OM-SPAN − Monev)"),
    "col_gap_pct": ("Selisih (% OM-SPAN)", "Gap (% of OM-SPAN)"),
    "chart_src": ("Realisasi 2024 per program menurut dua sumber", "2024 spending by programme from two sources"),
    "per_unit": ("Rincian Lampiran 6: program per unit Eselon I", "Lampiran 6 detail: programme by Eselon I unit"),
    "col_anggaran": ("Anggaran (Lampiran 6)", "Budget (Lampiran 6)"),
    "col_pct_l6": ("Penyerapan (dicetak, bulat)", "Absorption (printed, rounded)"),
    "unit_sum_ok": (
        "✅ Program {p}: jumlah baris unit sama dengan baris program.",
        "✅ Programme {p}: unit rows add up to the programme row.",
    ),
    "unit_sum_bad": (
        "⚠️ Program {p}: jumlah baris unit (anggaran {a}) berbeda dengan baris program ({b}); selisih {d}.",
        "⚠️ Programme {p}: the unit rows (budget {a}) differ from the programme row ({b}); gap {d}.",
    ),
}


L = lang()
s = page_text(TXT)
VERSION = data.data_version()

# ---------------------------------------------------------------- section models
# Each section's figures, texts, tables and chart specs come from one function of small arguments
# (language, data version, year), built once with ``built`` and shared by every rerun and session:
# a rerun only draws. The functions take the language as an argument (``texts``) instead of
# reading it from the session, so a cached model never mixes languages.


def texts(lang_: str):
    """This page's ``s(key, **placeholders)`` and the common ``t(key)`` in ``lang_``."""
    i = LANGS.index(lang_)

    def s_(key: str, **kw: object) -> str:
        text = TXT[key][i]
        return text.format(**kw) if kw else text

    def t_(key: str) -> str:
        return COMMON[key][i]

    return s_, t_


def pct_of(value: float | None, lang_: str) -> str:
    return fmt_pct(None if value is None or pd.isna(value) else float(value), 2, lang_)


def total_line(lang_: str, what: str, computed: float, printed: float | None, money: bool = True) -> str | None:
    """The caption comparing the sum of the rows with the printed TOTAL (``None`` without a printed one)."""
    if printed is None:
        return None
    s_, _ = texts(lang_)

    def fmt(v: float) -> str:
        return fmt_rp(v, lang_) if money else pct_of(v, lang_)

    if abs(computed - printed) <= (0.5 if money else 0.005):
        return s_("total_ok", what=what, sum=fmt(computed), printed=fmt(printed))
    return s_("total_bad", what=what, sum=fmt(computed), printed=fmt(printed), diff=fmt(computed - printed))


def pct_check(printed: float | None, computed: float | None, lang_: str) -> str:
    """``✅ sama`` when the printed absorption equals the computed one at two decimals, else the gap."""
    if printed is None or computed is None or pd.isna(printed) or pd.isna(computed):
        return "–"
    s_, _ = texts(lang_)
    pp = round(computed, 2) - float(printed)
    return "✅ " + s_("same") if abs(pp) < 0.005 else "⚠️ " + s_("differs", pp=fmt_number(pp, 2, lang_))


def absorption_col(pagu: pd.Series, realisasi: pd.Series) -> pd.Series:
    """Realisasi ÷ pagu × 100 per row (``kpi.budget.absorption_pct``), empty where either is missing."""
    values = [
        absorption_pct(float(p), float(r)) if pd.notna(p) and pd.notna(r) else None
        for p, r in zip(pagu, realisasi, strict=True)
    ]
    return pd.Series(values, index=pagu.index, dtype="float64")


def program_labels() -> dict[str, str]:
    """``DN · Program ...`` per programme code, in the report's order."""
    programs = data.table("program", REPORT_YEAR)
    return {code: f"{code} · {name}" for code, name in zip(programs["code"], programs["name"], strict=True)}


def printed(figure: str, year: int = REPORT_YEAR) -> float | None:
    return data.printed(figure, year)


def budget_years(version: int) -> list[int]:
    """The years of Tabel 3.20 or 3.21, oldest first."""
    return sorted(set(data.years("budget_program")) | set(data.years("budget_unit")))


def summary_model(lang_: str, version: int) -> tuple[list[dict], list[dict]]:
    """The budget tiles (pagu, realisasi, blokir; the two absorptions) and the efficiency-rate tiles."""
    s_, _ = texts(lang_)

    def rp(v: float | None) -> str:
        return fmt_rp(v, lang_)

    def pct(v: float | None) -> str:
        return pct_of(v, lang_)

    program_24 = data.table("budget_program", REPORT_YEAR)
    pagu = float(program_24["pagu_rp"].sum())
    realisasi = float(program_24["realisasi_rp"].sum())
    blokir = float(data.table("budget_blokir", REPORT_YEAR)["blokir_rp"].sum())
    penyerapan = absorption_pct(pagu, realisasi)
    penyerapan_excl = absorption_excl_blokir_pct(pagu, blokir, realisasi)
    target = printed("B3.3.target_penyerapan_pct")
    money = [
        {
            "label": s_("tile_pagu"),
            "value": fmt_rp_short(pagu, lang_),
            "key": "t_pagu",
            "help": s_("help_sum", full=rp(pagu), table="Tabel 3.20", printed=rp(printed("T3.20.total.pagu_rp"))),
        },
        {
            "label": s_("tile_realisasi"),
            "value": fmt_rp_short(realisasi, lang_),
            "key": "t_realisasi",
            "help": s_(
                "help_sum",
                full=rp(realisasi),
                table="Tabel 3.20",
                printed=rp(printed("T3.20.total.realisasi_rp")),
            ),
        },
        {
            "label": s_("tile_blokir"),
            "value": fmt_rp_short(blokir, lang_),
            "key": "t_blokir",
            "help": s_(
                "help_sum", full=rp(blokir), table="Tabel 3.22", printed=rp(printed("T3.22.total.blokir_rp"))
            ),
        },
        {
            "label": s_("tile_penyerapan"),
            "value": pct(penyerapan),
            "capaian": capaian_pct(target, penyerapan),
            "key": "t_penyerapan",
            "help": s_("help_pct", real=rp(realisasi), pagu=rp(pagu), target=pct(target)),
        },
        {
            "label": s_("tile_excl"),
            "value": pct(penyerapan_excl),
            "capaian": capaian_pct(target, penyerapan_excl),
            "key": "t_excl",
            "help": s_(
                "help_excl",
                real=rp(realisasi),
                pagu_excl=rp(pagu - blokir),
                printed=pct(printed("B3.3.penyerapan_excl_blokir_pct")),
            ),
        },
    ]
    eff_24 = data.table("efficiency_ss", REPORT_YEAR)
    eff_rows = [(r.ss_code, float(r.capaian_ss_pct), float(r.capaian_anggaran_pct)) for r in eff_24.itertuples()]
    eff_rows.append(
        ("total", printed("T3.24.total.capaian_ss_pct"), printed("T3.24.total.capaian_anggaran_pct"))
    )
    efficiency = [
        {
            "label": s_("tile_eff_total") if code == "total" else s_("tile_eff", ss=code),
            "value": fmt_number(efficiency_rate(cap_ss, cap_ang), 2, lang_),
            "key": f"t_eff_{code}",
            "help": s_("help_eff", ss=pct(cap_ss), ang=pct(cap_ang)),
        }
        for code, cap_ss, cap_ang in eff_rows
    ]
    return money, efficiency


def year_model(kind: str, year: int, lang_: str, version: int) -> dict:
    """One year's pagu/realisasi by programme (Tabel 3.20) or unit (Tabel 3.21) with recomputed absorption.

    ``notes`` are info boxes, ``spec`` the chart (``None`` when the table has no such year),
    ``display``/``raw`` the table and ``captions`` the total checks.
    """
    s_, t_ = texts(lang_)
    program = kind == "program"
    table_name = "Tabel 3.20" if program else "Tabel 3.21"
    frame_all = data.table("budget_program" if program else "budget_unit")
    code_col = "program_code" if program else "unit_code"
    label_col = "label" if program else "unit_name"
    if program:
        frame_all = frame_all.assign(label=frame_all["program_code"].map(program_labels()))
    frame = frame_all[frame_all["year"] == year].sort_values("urutan").reset_index(drop=True)
    if frame.empty:
        years = ", ".join(str(y) for y in sorted(frame_all["year"].unique()))
        return {"notes": [s_("no_year_program", year=year, years=years)], "spec": None}
    notes = []
    has_real = bool(frame["realisasi_rp"].notna().any())
    if not has_real:
        real_years = sorted(
            set(data.table("budget_program").dropna(subset=["realisasi_rp"])["year"].astype(int))
            | set(data.table("budget_unit").dropna(subset=["realisasi_rp"])["year"].astype(int))
        )
        notes.append(s_("no_realisasi", year=year, years=", ".join(str(y) for y in real_years)))
    frame["label"] = frame[label_col]
    frame["penyerapan_calc"] = absorption_col(frame["pagu_rp"], frame["realisasi_rp"])
    head = s_("col_program" if program else "col_unit")
    names = {
        "pagu": t_("pagu"),
        "realisasi": s_("col_realisasi"),
        "penyerapan": t_("penyerapan"),
        "category": head,
        "measure": s_("tip_measure"),
        "value": s_("tip_value"),
    }
    title = s_("chart_program" if program else "chart_unit", year=year)
    spec = charts.pagu_realisasi_bars(frame, lang_, title, names, pct_col="penyerapan_calc")

    def rp(v: float | None) -> str:
        return fmt_rp(v, lang_)

    prev = frame_all[frame_all["year"] == year - 1].set_index(code_col)["pagu_rp"]
    display = pd.DataFrame({head: frame[label_col], s_("col_pagu"): frame["pagu_rp"].map(rp)})
    raw = pd.DataFrame({head: frame[label_col], s_("col_pagu"): frame["pagu_rp"]})
    if not prev.empty:
        prev_vals = frame[code_col].map(prev)
        display[s_("col_pagu_prev", year=year - 1)] = prev_vals.map(rp)
        display[s_("col_delta_pagu")] = (frame["pagu_rp"] - prev_vals).map(lambda v: charts.signed_rp(v, lang_))
        raw[s_("col_pagu_prev", year=year - 1)] = prev_vals
        raw[s_("col_delta_pagu")] = frame["pagu_rp"] - prev_vals
    if has_real:
        display[s_("col_realisasi")] = frame["realisasi_rp"].map(rp)
        display[s_("col_pct_printed")] = frame["penyerapan_pct"].map(lambda v: pct_of(v, lang_))
        display[s_("col_pct_calc")] = frame["penyerapan_calc"].map(lambda v: pct_of(v, lang_))
        display[s_("col_check")] = [
            pct_check(p, c, lang_) for p, c in zip(frame["penyerapan_pct"], frame["penyerapan_calc"], strict=True)
        ]
        raw[s_("col_realisasi")] = frame["realisasi_rp"]
        raw[s_("col_pct_printed")] = frame["penyerapan_pct"]
        raw[s_("col_pct_calc")] = frame["penyerapan_calc"]
    tid = table_name.split()[-1]
    pagu_sum = float(frame["pagu_rp"].sum())
    captions = [total_line(lang_, t_("pagu"), pagu_sum, printed(f"T{tid}.total.pagu_rp.{year}", year))]
    if has_real:
        real_sum = float(frame["realisasi_rp"].sum())
        captions.append(
            total_line(lang_, s_("col_realisasi"), real_sum, printed(f"T{tid}.total.realisasi_rp.{year}", year))
        )
        captions.append(
            total_line(
                lang_,
                t_("penyerapan"),
                absorption_pct(pagu_sum, real_sum),
                printed(f"T{tid}.total.penyerapan_pct.{year}", year),
                money=False,
            )
        )
    return {
        "notes": notes,
        "spec": spec,
        "table": table_name,
        "display": display,
        "raw": raw,
        "captions": [c for c in captions if c],
    }


def revision_model(lang_: str, version: int) -> dict:
    """Tabel 2.3: programme pagu per PK revision (both chart views), the table and its checks."""
    s_, t_ = texts(lang_)
    labels = program_labels()
    pk = data.table("pk_pagu_program", REPORT_YEAR)
    pk_t23 = pk[pk["sumber"] == "Tabel 2.3"]
    pk_lamp = pk[pk["sumber"] != "Tabel 2.3"]
    changes = pagu_revision_changes(pk_t23, REVISI)
    tips = (s_("col_program"), "PK", s_("tip_value"))
    specs = {
        mode: charts.revision_step_chart(
            changes,
            lang_,
            s_("chart_rev_pagu") if mode == "pagu" else s_("chart_rev_change"),
            "pagu_rp" if mode == "pagu" else "perubahan_kumulatif_rp",
            {r: s_(r) for r in REVISI},
            labels,
            REVISI,
            tips,
        )
        for mode in ("pagu", "perubahan")
    }
    wide = changes.pivot(index="program_code", columns="revisi", values="pagu_rp").reindex(columns=list(REVISI))
    wide = wide.reindex([c for c in labels if c in wide.index])
    wide.loc["__total__"] = wide.sum()
    rows = [s_("total_row") if c == "__total__" else labels.get(c, c) for c in wide.index]
    delta = wide["desember"] - wide["januari"]
    display = pd.DataFrame({s_("col_program"): rows})
    raw = pd.DataFrame({s_("col_program"): rows})
    for r in REVISI:
        display[s_(r)] = wide[r].map(lambda v: fmt_rp(v, lang_)).to_list()
        raw[s_(r)] = wide[r].to_list()
    display[s_("col_change_year")] = [charts.signed_rp(v, lang_) for v in delta]
    raw[s_("col_change_year")] = delta.to_list()
    captions = [
        total_line(
            lang_,
            f"{t_('pagu')} PK {s_(r)}",
            float(wide.loc["__total__", r]),
            printed(f"T2.3.total.pagu_{r}"),
        )
        for r in REVISI
    ]
    merged = pk_t23.merge(pk_lamp, on=["revisi", "program_code"], suffixes=("_t", "_l"))
    n_diff = int((merged["pagu_rp_t"] != merged["pagu_rp_l"]).sum())
    same = n_diff == 0 and len(merged) == len(pk_t23)
    captions.append(s_("lampiran_same") if same else s_("lampiran_diff", n=n_diff))
    return {"specs": specs, "display": display, "raw": raw, "captions": [c for c in captions if c]}


def blokir_model(lang_: str, version: int) -> dict:
    """Tabel 3.22 with each unit's pagu and realisasi (Tabel 3.21): two charts, the table, its checks."""
    s_, t_ = texts(lang_)
    unit_24 = data.table("budget_unit", REPORT_YEAR)
    bl = blokir_absorption_table(unit_24.sort_values("urutan"), data.table("budget_blokir", REPORT_YEAR))
    bl["label"] = bl["unit_name"]
    spec_blokir = charts.blokir_bars(
        bl, lang_, s_("chart_blokir"), {"blokir": s_("col_blokir"), "category": s_("col_unit")}
    )
    spec_pct = charts.absorption_pair_bars(
        bl,
        lang_,
        s_("chart_excl"),
        (s_("with_blokir"), s_("without_blokir")),
        ("penyerapan_pct", "penyerapan_excl_blokir_pct"),
        (s_("col_unit"), s_("tip_measure"), t_("penyerapan")),
    )
    tot = {c: float(bl[c].sum()) for c in ("pagu_rp", "blokir_rp", "pagu_excl_blokir_rp", "realisasi_rp")}
    total_excl = absorption_excl_blokir_pct(tot["pagu_rp"], tot["blokir_rp"], tot["realisasi_rp"])
    total_row = {
        "label": s_("total_row"),
        **tot,
        "penyerapan_pct": absorption_pct(tot["pagu_rp"], tot["realisasi_rp"]),
        "penyerapan_excl_blokir_pct": total_excl,
    }
    blk = pd.DataFrame([*bl.to_dict("records"), total_row])
    cols_map = {
        "label": s_("col_unit"),
        "pagu_rp": s_("col_pagu"),
        "blokir_rp": s_("col_blokir"),
        "pagu_excl_blokir_rp": s_("col_pagu_excl"),
        "realisasi_rp": s_("col_realisasi"),
        "penyerapan_pct": s_("col_pct"),
        "penyerapan_excl_blokir_pct": s_("col_pct_excl"),
    }
    raw = blk[list(cols_map)].rename(columns=cols_map)
    display = raw.copy()
    for c in ("pagu_rp", "blokir_rp", "pagu_excl_blokir_rp", "realisasi_rp"):
        display[cols_map[c]] = blk[c].map(lambda v: fmt_rp(v, lang_))
    for c in ("penyerapan_pct", "penyerapan_excl_blokir_pct"):
        display[cols_map[c]] = blk[c].map(lambda v: pct_of(v, lang_))
    captions = [
        s_("blokir_note"),
        total_line(lang_, s_("col_blokir"), tot["blokir_rp"], printed("T3.22.total.blokir_rp")),
        total_line(lang_, s_("col_pct_excl"), total_excl, printed("B3.3.penyerapan_excl_blokir_pct"), money=False),
    ]
    return {
        "spec_blokir": spec_blokir,
        "spec_pct": spec_pct,
        "display": display,
        "raw": raw,
        "captions": [c for c in captions if c],
    }


def dekon_model(lang_: str, version: int) -> dict:
    """Tabel 3.23: deconcentration funds per field, chart, table and total checks."""
    s_, t_ = texts(lang_)
    short_name = data.table("unit", REPORT_YEAR).set_index("code")["short_name"]
    dk = data.table("dekonsentrasi", REPORT_YEAR).sort_values("urutan").reset_index(drop=True)
    dk["label"] = dk["unit_code"].map(short_name).fillna(dk["bidang"])  # bidang names are long
    dk["penyerapan_calc"] = absorption_col(dk["pagu_rp"], dk["realisasi_rp"])
    names = {
        "pagu": t_("pagu"),
        "realisasi": s_("col_realisasi"),
        "penyerapan": t_("penyerapan"),
        "category": s_("col_pembina"),
        "measure": s_("tip_measure"),
        "value": s_("tip_value"),
    }
    spec = charts.pagu_realisasi_bars(dk, lang_, s_("chart_dekon"), names, pct_col="penyerapan_calc")
    pagu_sum, real_sum = float(dk["pagu_rp"].sum()), float(dk["realisasi_rp"].sum())
    raw = pd.DataFrame(
        {
            s_("col_bidang"): [*dk["bidang"], s_("total_row")],
            s_("col_pembina"): [*dk["unit_code"].map(short_name).fillna(dk["unit_code"]), ""],
            s_("col_pagu"): [*dk["pagu_rp"], pagu_sum],
            s_("col_realisasi"): [*dk["realisasi_rp"], real_sum],
            s_("col_pct_printed"): [*dk["capaian_pct"], printed("T3.23.total.capaian_pct")],
            s_("col_pct_calc"): [*dk["penyerapan_calc"], absorption_pct(pagu_sum, real_sum)],
        }
    )
    display = raw.copy()
    for c in (s_("col_pagu"), s_("col_realisasi")):
        display[c] = raw[c].map(lambda v: fmt_rp(v, lang_))
    for c in (s_("col_pct_printed"), s_("col_pct_calc")):
        display[c] = raw[c].map(lambda v: pct_of(v, lang_))
    display[s_("col_check")] = [
        pct_check(p, c, lang_) for p, c in zip(raw[s_("col_pct_printed")], raw[s_("col_pct_calc")], strict=True)
    ]
    captions = [
        total_line(lang_, t_("pagu"), pagu_sum, printed("T3.23.total.pagu_rp")),
        total_line(lang_, s_("col_realisasi"), real_sum, printed("T3.23.total.realisasi_rp")),
    ]
    return {"spec": spec, "display": display, "raw": raw, "captions": [c for c in captions if c]}


def efficiency_model(lang_: str, version: int) -> dict:
    """Tabel 3.24: budget absorption against goal achievement per strategic goal, with the efficiency rate."""
    s_, t_ = texts(lang_)
    ef = data.table("efficiency_ss", REPORT_YEAR).sort_values("ss_code").reset_index(drop=True)
    ef["efficiency"] = [
        efficiency_rate(c, a) for c, a in zip(ef["capaian_ss_pct"], ef["capaian_anggaran_pct"], strict=True)
    ]
    ef["label"] = ef["ss_code"]
    total = {
        "label": s_("total_row"),
        "ss_code": s_("total_row"),
        "pagu_rp": printed("T3.24.total.pagu_rp"),
        "realisasi_rp": printed("T3.24.total.realisasi_rp"),
        "capaian_anggaran_pct": printed("T3.24.total.capaian_anggaran_pct"),
        "capaian_ss_pct": printed("T3.24.total.capaian_ss_pct"),
    }
    total["efficiency"] = efficiency_rate(total["capaian_ss_pct"], total["capaian_anggaran_pct"])
    ef_all = pd.concat([ef, pd.DataFrame([total])], ignore_index=True)
    spec = charts.efficiency_bars(
        ef_all,
        lang_,
        s_("chart_eff"),
        {"anggaran": s_("cap_anggaran"), "ss": s_("cap_ss"), "rate": s_("col_eff")},
        (s_("col_ss"), s_("tip_measure"), s_("tip_value")),
    )
    raw = pd.DataFrame(
        {
            s_("col_ss"): ef_all["ss_code"],
            s_("col_pagu"): ef_all["pagu_rp"],
            s_("col_realisasi"): ef_all["realisasi_rp"],
            s_("col_cap_ang"): ef_all["capaian_anggaran_pct"],
            s_("col_pct_calc"): absorption_col(ef_all["pagu_rp"], ef_all["realisasi_rp"]),
            s_("col_cap_ss"): ef_all["capaian_ss_pct"],
            s_("col_eff"): ef_all["efficiency"],
            s_("col_ss_name"): ef_all["sasaran_name"].fillna(""),
        }
    )
    display = raw.copy()
    for c in (s_("col_pagu"), s_("col_realisasi")):
        display[c] = raw[c].map(lambda v: fmt_rp(v, lang_))
    for c in (s_("col_cap_ang"), s_("col_pct_calc"), s_("col_cap_ss")):
        display[c] = raw[c].map(lambda v: pct_of(v, lang_))
    display[s_("col_eff")] = raw[s_("col_eff")].map(lambda v: fmt_number(v, 4, lang_))
    program_24 = data.table("budget_program", REPORT_YEAR)
    dn_dl = float(program_24.loc[program_24["program_code"].isin(["DN", "DL"]), "pagu_rp"].sum())
    ss1_pagu = float(ef.loc[ef["ss_code"] == "SS-1", "pagu_rp"].iloc[0])
    ok = "✅" if abs(ss1_pagu - dn_dl) < 0.5 else "⚠️"
    captions = [
        s_("ss_note", ss1=fmt_rp(ss1_pagu, lang_), dndl=fmt_rp(dn_dl, lang_), ok=ok),
        total_line(lang_, t_("pagu"), float(ef["pagu_rp"].sum()), total["pagu_rp"]),
    ]
    return {"spec": spec, "display": display, "raw": raw, "captions": [c for c in captions if c]}


def sources_model(lang_: str, version: int) -> dict:
    """Realisasi per programme from OM-SPAN (Tabel 3.20) and Monev Kemenkeu (Lampiran 6), and Lampiran 6 per unit."""
    s_, _ = texts(lang_)
    labels = program_labels()
    short_name = data.table("unit", REPORT_YEAR).set_index("code")["short_name"]
    program_24 = data.table("budget_program", REPORT_YEAR)
    l6 = data.table("output_capaian", REPORT_YEAR)
    l6 = l6[l6["level"].isin(["program", "program_unit"])]  # the output rows are most of the table
    l6_prog = l6[l6["level"] == "program"]
    gap = source_gap_table(program_24, l6_prog, "program_code", "realisasi_rp", ("omspan", "monev"))
    gap = gap.merge(program_24[["program_code", "pagu_rp", "urutan"]], on="program_code", how="left")
    gap = gap.merge(l6_prog[["program_code", "anggaran_rp"]], on="program_code", how="left").sort_values("urutan")
    gap["label"] = gap["program_code"].map(labels)
    spec = charts.source_gap_bars(
        gap,
        lang_,
        s_("chart_src"),
        (s_("src_omspan"), s_("src_monev")),
        ("omspan", "monev"),
        (s_("col_program"), s_("tip_measure"), s_("tip_value")),
    )
    raw = pd.DataFrame(
        {
            s_("col_program"): gap["label"],
            s_("src_omspan"): gap["omspan"],
            s_("src_monev"): gap["monev"],
            s_("col_gap"): gap["selisih"],
            s_("col_gap_pct"): gap["selisih_pct"],
            s_("col_pagu"): gap["pagu_rp"],
            s_("pct_omspan"): absorption_col(gap["pagu_rp"], gap["omspan"]),
            s_("pct_monev"): absorption_col(gap["anggaran_rp"], gap["monev"]),
        }
    )
    display = raw.copy()
    for c in (s_("col_pagu"), s_("src_omspan"), s_("src_monev")):
        display[c] = raw[c].map(lambda v: fmt_rp(v, lang_))
    display[s_("col_gap")] = raw[s_("col_gap")].map(lambda v: charts.signed_rp(v, lang_))
    for c in (s_("col_gap_pct"), s_("pct_omspan"), s_("pct_monev")):
        display[c] = raw[c].map(lambda v: pct_of(v, lang_))

    pu = l6[l6["level"] == "program_unit"].sort_values("urutan")
    unit_raw = pd.DataFrame(
        {
            s_("col_program"): pu["program_code"].map(labels),
            s_("col_unit"): pu["unit_code"].map(short_name).fillna(pu["unit_code"]),
            s_("col_anggaran"): pu["anggaran_rp"],
            s_("src_monev"): pu["realisasi_rp"],
            s_("col_pct_l6"): pu["penyerapan_pct"],
            s_("col_pct_calc"): absorption_col(pu["anggaran_rp"], pu["realisasi_rp"]),
        }
    )
    unit_display = unit_raw.copy()
    for c in (s_("col_anggaran"), s_("src_monev")):
        unit_display[c] = unit_raw[c].map(lambda v: fmt_rp(v, lang_))
    unit_display[s_("col_pct_l6")] = unit_raw[s_("col_pct_l6")].map(lambda v: fmt_pct(v, 0, lang_))
    unit_display[s_("col_pct_calc")] = unit_raw[s_("col_pct_calc")].map(lambda v: pct_of(v, lang_))
    sums = pu.groupby("program_code")["anggaran_rp"].sum()
    unit_captions = []
    for code, budget in zip(l6_prog["program_code"], l6_prog["anggaran_rp"], strict=True):
        a, b = float(sums.get(code, 0.0)), float(budget)
        if abs(a - b) < 0.5:
            unit_captions.append(s_("unit_sum_ok", p=code))
        else:
            rp_a, rp_b, rp_d = (fmt_rp(v, lang_) for v in (a, b, a - b))
            unit_captions.append(s_("unit_sum_bad", p=code, a=rp_a, b=rp_b, d=rp_d))
    return {
        "spec": spec,
        "display": display,
        "raw": raw,
        "unit_display": unit_display,
        "unit_raw": unit_raw,
        "unit_captions": unit_captions,
    }


def captions(lines: list[str]) -> None:
    for line in lines:
        st.caption(line)


# ---------------------------------------------------------------- page
st.title(s("title"))
page_findings("anggaran", REPORT_YEAR)
st.caption(s("intro"))

# ---------------------------------------------------------------- 1. tiles
st.subheader(s("tiles_head"))
money_tiles, eff_tiles = built(summary_model, L, VERSION)
pagu_tile, real_tile, blokir_tile, pct_tile, excl_tile = money_tiles
for col, spec in zip(st.columns(3), (pagu_tile, real_tile, blokir_tile), strict=True):
    with col:
        tile(**spec)
for col, spec in zip(st.columns(2), (pct_tile, excl_tile), strict=True):
    with col:
        tile(**spec)
for col, spec in zip(st.columns(len(eff_tiles)), eff_tiles, strict=True):
    with col:
        tile(**spec)
st.caption(s("eff_caption"))
source_line("Tabel 3.20", "Tabel 3.22", "Tabel 3.24", "Bab 3.3")

# ---------------------------------------------------------------- 2. by program / unit
st.divider()
st.subheader(s("s2_head"))
year = year_select(built(budget_years, VERSION), key="year")
tabs = st.tabs([s("tab_program"), s("tab_unit")], key="ang_tab", bind="query-params")
for tab, kind in zip(tabs, ("program", "unit"), strict=True):
    with tab:
        if tab.open:  # only the open tab runs (tabs bound to the URL)
            section = built(year_model, kind, int(year), L, VERSION)
            for note in section["notes"]:
                st.info(note)
            if section["spec"] is not None:
                vega(section["spec"], f"ch_{kind}_{year}", section["table"])
                formatted_table(
                    section["display"],
                    section["raw"],
                    f"anggaran_{kind}_{year}",
                    f"tb_{kind}_{year}",
                    (section["table"],),
                )
                captions(section["captions"])

# ---------------------------------------------------------------- 3-7. details, one tab at a time
# Each tab is a chart and a table or two; only the open one runs, so a rerun draws two sections
# (the year's table above and one of these), not seven.
st.divider()
DETAIL_TABS = ("tab_rev", "tab_blokir", "tab_dekon", "tab_eff", "tab_src")
detail = dict(
    zip(DETAIL_TABS, st.tabs([s(k) for k in DETAIL_TABS], key="ang_detail", bind="query-params"), strict=True)
)

with detail["tab_rev"]:
    if detail["tab_rev"].open:
        st.subheader(s("s3_head"))
        rev = built(revision_model, L, VERSION)
        # the labels are looked up now, not when formatted: AppTest formats outside the page's run
        mode_labels = {"pagu": s("mode_pagu"), "perubahan": s("mode_change")}
        mode = query_choice(
            s("rev_mode"), list(mode_labels), key="ang_rev", default="perubahan", format_func=mode_labels.__getitem__
        )
        vega(rev["specs"][mode], f"ch_rev_{mode}", "Tabel 2.3", "Lampiran 1-4")
        formatted_table(rev["display"], rev["raw"], "anggaran_pk_revisi", "tb_pk_revisi", ("Tabel 2.3", "Lampiran 1-4"))
        captions(rev["captions"])

with detail["tab_blokir"]:
    if detail["tab_blokir"].open:
        st.subheader(s("s4_head"))
        blk = built(blokir_model, L, VERSION)
        c1, c2 = st.columns(2)
        with c1:
            vega(blk["spec_blokir"], "ch_blokir", "Tabel 3.22")
        with c2:
            vega(blk["spec_pct"], "ch_blokir_pct", "Tabel 3.21", "Tabel 3.22")
        formatted_table(blk["display"], blk["raw"], "anggaran_blokir", "tb_blokir", ("Tabel 3.21", "Tabel 3.22"))
        captions(blk["captions"])

with detail["tab_dekon"]:
    if detail["tab_dekon"].open:
        st.subheader(s("s5_head"))
        dk = built(dekon_model, L, VERSION)
        vega(dk["spec"], "ch_dekon", "Tabel 3.23")
        formatted_table(dk["display"], dk["raw"], "anggaran_dekonsentrasi", "tb_dekon", ("Tabel 3.23",))
        captions(dk["captions"])

with detail["tab_eff"]:
    if detail["tab_eff"].open:
        st.subheader(s("s6_head"))
        ef = built(efficiency_model, L, VERSION)
        vega(ef["spec"], "ch_eff", "Tabel 3.24")
        formatted_table(ef["display"], ef["raw"], "anggaran_efisiensi", "tb_eff", ("Tabel 3.24",))
        captions(ef["captions"])

with detail["tab_src"]:
    if detail["tab_src"].open:
        st.subheader(s("s7_head"))
        st.caption(s("s7_intro"))
        src = built(sources_model, L, VERSION)
        SOURCES = ("Tabel 3.20 (OM-SPAN)", "Lampiran 6 (Monev Kemenkeu)")
        vega(src["spec"], "ch_src", *SOURCES)
        formatted_table(src["display"], src["raw"], "anggaran_dua_sumber", "tb_src", SOURCES)
        with st.expander(s("per_unit")):
            formatted_table(
                src["unit_display"], src["unit_raw"], "anggaran_lampiran6_program_unit", "tb_l6_unit", (SOURCES[1],)
            )
            captions(src["unit_captions"])
