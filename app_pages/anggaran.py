"""Anggaran: pagu, realisasi, blokir, PK revisions, dekonsentrasi, efficiency and the two realisasi sources.

LKj 2024 Bab 3.3-3.4 (Tabel 2.3, 3.20-3.24) and Lampiran 1-4 and 6.
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
from ui.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import lang, page_text, t
from ui.widgets import built, chart, formatted_table, page_findings, query_choice, source_line, tile, year_select

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
RP = st.column_config.TextColumn(alignment="right")


def rp(v: float | None) -> str:
    return fmt_rp(v, L)


def pct(v: float | None) -> str:
    return fmt_pct(None if v is None or pd.isna(v) else float(v), 2, L)


def total_check(what: str, computed: float, printed: float | None, money: bool = True) -> None:
    """One caption line comparing the sum of the rows with the printed TOTAL."""
    if printed is None:
        return
    fmt = rp if money else pct
    tol = 0.5 if money else 0.005
    if abs(computed - printed) <= tol:
        st.caption(s("total_ok", what=what, sum=fmt(computed), printed=fmt(printed)))
    else:
        st.caption(s("total_bad", what=what, sum=fmt(computed), printed=fmt(printed), diff=fmt(computed - printed)))


def pct_check(printed: float | None, computed: float | None) -> str:
    if printed is None or computed is None or pd.isna(printed) or pd.isna(computed):
        return "–"
    pp = round(computed, 2) - float(printed)
    return "✅ " + s("same") if abs(pp) < 0.005 else "⚠️ " + s("differs", pp=fmt_number(pp, 2, L))


program_all = data.table("budget_program")
unit_all = data.table("budget_unit")
program_24 = data.table("budget_program", REPORT_YEAR)
unit_24 = data.table("budget_unit", REPORT_YEAR)
blokir_24 = data.table("budget_blokir", REPORT_YEAR)
dekon_24 = data.table("dekonsentrasi", REPORT_YEAR)
eff_24 = data.table("efficiency_ss", REPORT_YEAR)
units_meta = data.table("unit", REPORT_YEAR).set_index("code")
program_names = dict(
    zip(data.table("program", REPORT_YEAR)["code"], data.table("program", REPORT_YEAR)["name"], strict=True)
)
PROGRAM_LABEL = {code: f"{code} · {name}" for code, name in program_names.items()}


def printed(figure: str) -> float | None:
    return data.printed(figure, REPORT_YEAR)


st.title(s("title"))
page_findings("anggaran", REPORT_YEAR)
st.caption(s("intro"))

# ---------------------------------------------------------------- 1. tiles
st.subheader(s("tiles_head"))
pagu = float(program_24["pagu_rp"].sum())
realisasi = float(program_24["realisasi_rp"].sum())
blokir = float(blokir_24["blokir_rp"].sum())
penyerapan = absorption_pct(pagu, realisasi)
penyerapan_excl = absorption_excl_blokir_pct(pagu, blokir, realisasi)
target_penyerapan = printed("B3.3.target_penyerapan_pct")

cols = st.columns(3)
pct_cols = st.columns(2)
with cols[0]:
    tile(
        s("tile_pagu"),
        fmt_rp_short(pagu, L),
        key="t_pagu",
        help=s("help_sum", full=rp(pagu), table="Tabel 3.20", printed=rp(printed("T3.20.total.pagu_rp.2024"))),
    )
with cols[1]:
    tile(
        s("tile_realisasi"),
        fmt_rp_short(realisasi, L),
        key="t_realisasi",
        help=s(
            "help_sum", full=rp(realisasi), table="Tabel 3.20", printed=rp(printed("T3.20.total.realisasi_rp.2024"))
        ),
    )
with pct_cols[0]:
    tile(
        s("tile_penyerapan"),
        pct(penyerapan),
        capaian=capaian_pct(target_penyerapan, penyerapan),
        key="t_penyerapan",
        help=s("help_pct", real=rp(realisasi), pagu=rp(pagu), target=pct(target_penyerapan)),
    )
with cols[2]:
    tile(
        s("tile_blokir"),
        fmt_rp_short(blokir, L),
        key="t_blokir",
        help=s("help_sum", full=rp(blokir), table="Tabel 3.22", printed=rp(printed("T3.22.total.blokir_rp.2024"))),
    )
with pct_cols[1]:
    tile(
        s("tile_excl"),
        pct(penyerapan_excl),
        capaian=capaian_pct(target_penyerapan, penyerapan_excl),
        key="t_excl",
        help=s(
            "help_excl",
            real=rp(realisasi),
            pagu_excl=rp(pagu - blokir),
            printed=pct(printed("B3.3.penyerapan_excl_blokir_pct")),
        ),
    )

eff_rows = [(row.ss_code, float(row.capaian_ss_pct), float(row.capaian_anggaran_pct)) for row in eff_24.itertuples()]
eff_rows.append(("total", printed("T3.24.total.capaian_ss_pct.2024"), printed("T3.24.total.capaian_anggaran_pct.2024")))
cols = st.columns(len(eff_rows))
for col, (code, cap_ss, cap_ang) in zip(cols, eff_rows, strict=True):
    rate = efficiency_rate(cap_ss, cap_ang)
    with col:
        tile(
            s("tile_eff_total") if code == "total" else s("tile_eff", ss=code),
            fmt_number(rate, 2, L),
            key=f"t_eff_{code}",
            help=s("help_eff", ss=pct(cap_ss), ang=pct(cap_ang)),
        )
st.caption(s("eff_caption"))
source_line("Tabel 3.20", "Tabel 3.22", "Tabel 3.24", "Bab 3.3")

# ---------------------------------------------------------------- 2. by program / unit
st.divider()
st.subheader(s("s2_head"))
all_years = sorted(set(data.years("budget_program")) | set(data.years("budget_unit")))
year = year_select(all_years, key="year")
real_years = sorted({int(y) for y in pd.concat([program_all, unit_all]).dropna(subset=["realisasi_rp"])["year"]})
years_text = ", ".join(str(y) for y in real_years)


def by_year_section(frame_all: pd.DataFrame, label_col: str, code_col: str, table_name: str, kind: str) -> None:
    """Chart and table of one year's pagu/realisasi (Tabel 3.20 or 3.21) with recomputed absorption."""
    frame = frame_all[frame_all["year"] == year].sort_values("urutan").reset_index(drop=True)
    if frame.empty:
        st.info(s("no_year_program", year=year, years=", ".join(str(y) for y in sorted(frame_all["year"].unique()))))
        return
    has_real = frame["realisasi_rp"].notna().any()
    if not has_real:
        st.info(s("no_realisasi", year=year, years=years_text))
    frame["label"] = frame[label_col]
    frame["penyerapan_calc"] = [
        absorption_pct(p, r) if pd.notna(r) else None
        for p, r in zip(frame["pagu_rp"], frame["realisasi_rp"], strict=True)
    ]
    names = {"pagu": t("pagu"), "realisasi": s("col_realisasi"), "penyerapan": t("penyerapan")}
    title = s("chart_program" if kind == "program" else "chart_unit", year=year)
    chart(built(charts.pagu_realisasi_bars, frame, L, title, names, pct_col="penyerapan_calc"), f"ch_{kind}_{year}")
    source_line(table_name)

    prev = frame_all[frame_all["year"] == year - 1].set_index(code_col)["pagu_rp"]
    head = s("col_program" if kind == "program" else "col_unit")
    display = pd.DataFrame({head: frame[label_col], s("col_pagu"): frame["pagu_rp"].map(rp)})
    raw = pd.DataFrame({head: frame[label_col], s("col_pagu"): frame["pagu_rp"]})
    if not prev.empty:
        prev_vals = frame[code_col].map(prev)
        display[s("col_pagu_prev", year=year - 1)] = prev_vals.map(rp)
        display[s("col_delta_pagu")] = (frame["pagu_rp"] - prev_vals).map(lambda v: ("+" if v > 0 else "") + rp(v))
        raw[s("col_pagu_prev", year=year - 1)] = prev_vals
        raw[s("col_delta_pagu")] = frame["pagu_rp"] - prev_vals
    if has_real:
        display[s("col_realisasi")] = frame["realisasi_rp"].map(rp)
        display[s("col_pct_printed")] = frame["penyerapan_pct"].map(pct)
        display[s("col_pct_calc")] = frame["penyerapan_calc"].map(pct)
        display[s("col_check")] = [
            pct_check(p, c) for p, c in zip(frame["penyerapan_pct"], frame["penyerapan_calc"], strict=True)
        ]
        raw[s("col_realisasi")] = frame["realisasi_rp"]
        raw[s("col_pct_printed")] = frame["penyerapan_pct"]
        raw[s("col_pct_calc")] = frame["penyerapan_calc"]
    formatted_table(display, raw, f"anggaran_{kind}_{year}", f"tb_{kind}_{year}", (table_name,))
    tid = table_name.split()[-1]
    total_check(t("pagu"), float(frame["pagu_rp"].sum()), data.printed(f"T{tid}.total.pagu_rp.{year}", year))
    if has_real:
        total_real = float(frame["realisasi_rp"].sum())
        total_check(s("col_realisasi"), total_real, data.printed(f"T{tid}.total.realisasi_rp.{year}", year))
        total_check(
            t("penyerapan"),
            absorption_pct(float(frame["pagu_rp"].sum()), total_real),
            data.printed(f"T{tid}.total.penyerapan_pct.{year}", year),
            money=False,
        )


tab_p, tab_u = st.tabs([s("tab_program"), s("tab_unit")])
with tab_p:
    by_year_section(
        program_all.assign(label=program_all["program_code"].map(PROGRAM_LABEL)),
        "label",
        "program_code",
        "Tabel 3.20",
        "program",
    )
with tab_u:
    by_year_section(unit_all, "unit_name", "unit_code", "Tabel 3.21", "unit")

# ---------------------------------------------------------------- 3. PK revisions
st.divider()
st.subheader(s("s3_head"))
pk = data.table("pk_pagu_program", REPORT_YEAR)
pk_t23 = pk[pk["sumber"] == "Tabel 2.3"]
pk_lamp = pk[pk["sumber"] != "Tabel 2.3"]
changes = pagu_revision_changes(pk_t23, REVISI)
mode = query_choice(
    s("rev_mode"),
    ["pagu", "perubahan"],
    key="ang_rev",
    default="perubahan",
    format_func=lambda m: s("mode_pagu") if m == "pagu" else s("mode_change"),
)
value_col = "pagu_rp" if mode == "pagu" else "perubahan_kumulatif_rp"
chart(
    built(
        charts.revision_step_chart,
        changes,
        L,
        s("chart_rev_pagu") if mode == "pagu" else s("chart_rev_change"),
        value_col,
        {r: s(r) for r in REVISI},
        PROGRAM_LABEL,
        REVISI,
    ),
    f"ch_rev_{mode}",
)
source_line("Tabel 2.3", "Lampiran 1-4")

wide = changes.pivot(index="program_code", columns="revisi", values="pagu_rp").reindex(columns=list(REVISI))
wide = wide.reindex([c for c in PROGRAM_LABEL if c in wide.index])
wide.loc["__total__"] = wide.sum()
labels = [s("total_row") if c == "__total__" else PROGRAM_LABEL.get(c, c) for c in wide.index]
delta = wide["desember"] - wide["januari"]
display = pd.DataFrame({s("col_program"): labels})
raw = pd.DataFrame({s("col_program"): labels})
for r in REVISI:
    display[s(r)] = wide[r].map(rp).to_list()
    raw[s(r)] = wide[r].to_list()
display[s("col_change_year")] = [("+" if v > 0 else "") + rp(v) for v in delta]
raw[s("col_change_year")] = delta.to_list()
formatted_table(display, raw, "anggaran_pk_revisi", "tb_pk_revisi", ("Tabel 2.3", "Lampiran 1-4"))
for r in REVISI:
    total_check(
        f"{t('pagu')} PK {s(r)}", float(wide.loc["__total__", r]), data.printed(f"T2.3.total.pagu_{r}", REPORT_YEAR)
    )
merged = pk_t23.merge(pk_lamp, on=["revisi", "program_code"], suffixes=("_t", "_l"))
n_diff = int((merged["pagu_rp_t"] != merged["pagu_rp_l"]).sum())
st.caption(s("lampiran_same") if n_diff == 0 and len(merged) == len(pk_t23) else s("lampiran_diff", n=n_diff))

# ---------------------------------------------------------------- 4. blokir
st.divider()
st.subheader(s("s4_head"))
bl = blokir_absorption_table(unit_24.sort_values("urutan"), blokir_24)
bl["label"] = bl["unit_name"]
c1, c2 = st.columns(2)
with c1:
    chart(built(charts.blokir_bars, bl, L, s("chart_blokir"), s("col_blokir")), "ch_blokir")
    source_line("Tabel 3.22")
with c2:
    chart(
        built(
            charts.absorption_pair_bars,
            bl,
            L,
            s("chart_excl"),
            (s("with_blokir"), s("without_blokir")),
            ("penyerapan_pct", "penyerapan_excl_blokir_pct"),
        ),
        "ch_blokir_pct",
    )
    source_line("Tabel 3.21", "Tabel 3.22")
tot = {c: float(bl[c].sum()) for c in ("pagu_rp", "blokir_rp", "pagu_excl_blokir_rp", "realisasi_rp")}
rows = [
    *bl.to_dict("records"),
    {
        "label": s("total_row"),
        **tot,
        "penyerapan_pct": absorption_pct(tot["pagu_rp"], tot["realisasi_rp"]),
        "penyerapan_excl_blokir_pct": absorption_excl_blokir_pct(tot["pagu_rp"], tot["blokir_rp"], tot["realisasi_rp"]),
    },
]
blk = pd.DataFrame(rows)
cols_map = {
    "label": s("col_unit"),
    "pagu_rp": s("col_pagu"),
    "blokir_rp": s("col_blokir"),
    "pagu_excl_blokir_rp": s("col_pagu_excl"),
    "realisasi_rp": s("col_realisasi"),
    "penyerapan_pct": s("col_pct"),
    "penyerapan_excl_blokir_pct": s("col_pct_excl"),
}
raw = blk[list(cols_map)].rename(columns=cols_map)
display = raw.copy()
for c in ("pagu_rp", "blokir_rp", "pagu_excl_blokir_rp", "realisasi_rp"):
    display[cols_map[c]] = blk[c].map(rp)
for c in ("penyerapan_pct", "penyerapan_excl_blokir_pct"):
    display[cols_map[c]] = blk[c].map(pct)
formatted_table(display, raw, "anggaran_blokir", "tb_blokir", ("Tabel 3.21", "Tabel 3.22"))
st.caption(s("blokir_note"))
total_check(s("col_blokir"), tot["blokir_rp"], printed("T3.22.total.blokir_rp.2024"))
total_check(
    s("col_pct_excl"), rows[-1]["penyerapan_excl_blokir_pct"], printed("B3.3.penyerapan_excl_blokir_pct"), money=False
)

# ---------------------------------------------------------------- 5. dekonsentrasi
st.divider()
st.subheader(s("s5_head"))
dk = dekon_24.sort_values("urutan").reset_index(drop=True)
dk["label"] = dk["unit_code"].map(units_meta["short_name"]).fillna(dk["bidang"])  # bidang names are long
dk["penyerapan_calc"] = [absorption_pct(p, r) for p, r in zip(dk["pagu_rp"], dk["realisasi_rp"], strict=True)]
chart(
    built(
        charts.pagu_realisasi_bars,
        dk,
        L,
        s("chart_dekon"),
        {"pagu": t("pagu"), "realisasi": s("col_realisasi"), "penyerapan": t("penyerapan")},
        pct_col="penyerapan_calc",
    ),
    "ch_dekon",
)
source_line("Tabel 3.23")
dk_tot = {"pagu_rp": float(dk["pagu_rp"].sum()), "realisasi_rp": float(dk["realisasi_rp"].sum())}
dk_tot_pct = absorption_pct(dk_tot["pagu_rp"], dk_tot["realisasi_rp"])
pembina = dk["unit_code"].map(units_meta["short_name"]).fillna(dk["unit_code"])
raw = pd.DataFrame(
    {
        s("col_bidang"): [*dk["bidang"], s("total_row")],
        s("col_pembina"): [*pembina, ""],
        s("col_pagu"): [*dk["pagu_rp"], dk_tot["pagu_rp"]],
        s("col_realisasi"): [*dk["realisasi_rp"], dk_tot["realisasi_rp"]],
        s("col_pct_printed"): [*dk["capaian_pct"], printed("T3.23.total.capaian_pct.2024")],
        s("col_pct_calc"): [*dk["penyerapan_calc"], dk_tot_pct],
    }
)
display = raw.copy()
for c in (s("col_pagu"), s("col_realisasi")):
    display[c] = raw[c].map(rp)
for c in (s("col_pct_printed"), s("col_pct_calc")):
    display[c] = raw[c].map(pct)
display[s("col_check")] = [
    pct_check(p, c) for p, c in zip(raw[s("col_pct_printed")], raw[s("col_pct_calc")], strict=True)
]
formatted_table(display, raw, "anggaran_dekonsentrasi", "tb_dekon", ("Tabel 3.23",))
total_check(t("pagu"), dk_tot["pagu_rp"], printed("T3.23.total.pagu_rp.2024"))
total_check(s("col_realisasi"), dk_tot["realisasi_rp"], printed("T3.23.total.realisasi_rp.2024"))

# ---------------------------------------------------------------- 6. efficiency
st.divider()
st.subheader(s("s6_head"))
ef = eff_24.sort_values("ss_code").reset_index(drop=True)
ef["efficiency"] = [
    efficiency_rate(c, a) for c, a in zip(ef["capaian_ss_pct"], ef["capaian_anggaran_pct"], strict=True)
]
ef["label"] = ef["ss_code"]
total_eff = {
    "label": s("total_row"),
    "ss_code": s("total_row"),
    "pagu_rp": printed("T3.24.total.pagu_rp.2024"),
    "realisasi_rp": printed("T3.24.total.realisasi_rp.2024"),
    "capaian_anggaran_pct": printed("T3.24.total.capaian_anggaran_pct.2024"),
    "capaian_ss_pct": printed("T3.24.total.capaian_ss_pct.2024"),
}
total_eff["efficiency"] = efficiency_rate(total_eff["capaian_ss_pct"], total_eff["capaian_anggaran_pct"])
ef_all = pd.concat([ef, pd.DataFrame([total_eff])], ignore_index=True)
chart(
    built(
        charts.efficiency_bars,
        ef_all,
        L,
        s("chart_eff"),
        {"anggaran": s("cap_anggaran"), "ss": s("cap_ss"), "rate": s("col_eff")},
    ),
    "ch_eff",
)
source_line("Tabel 3.24")
calc = [absorption_pct(p, r) for p, r in zip(ef_all["pagu_rp"], ef_all["realisasi_rp"], strict=True)]
raw = pd.DataFrame(
    {
        s("col_ss"): ef_all["ss_code"],
        s("col_pagu"): ef_all["pagu_rp"],
        s("col_realisasi"): ef_all["realisasi_rp"],
        s("col_cap_ang"): ef_all["capaian_anggaran_pct"],
        s("col_pct_calc"): calc,
        s("col_cap_ss"): ef_all["capaian_ss_pct"],
        s("col_eff"): ef_all["efficiency"],
        s("col_ss_name"): ef_all["sasaran_name"].fillna(""),
    }
)
display = raw.copy()
for c in (s("col_pagu"), s("col_realisasi")):
    display[c] = raw[c].map(rp)
for c in (s("col_cap_ang"), s("col_pct_calc"), s("col_cap_ss")):
    display[c] = raw[c].map(pct)
display[s("col_eff")] = raw[s("col_eff")].map(lambda v: fmt_number(v, 4, L))
formatted_table(display, raw, "anggaran_efisiensi", "tb_eff", ("Tabel 3.24",))
dn_dl = float(program_24.loc[program_24["program_code"].isin(["DN", "DL"]), "pagu_rp"].sum())
ss1_pagu = float(ef.loc[ef["ss_code"] == "SS-1", "pagu_rp"].iloc[0])
st.caption(s("ss_note", ss1=rp(ss1_pagu), dndl=rp(dn_dl), ok="✅" if abs(ss1_pagu - dn_dl) < 0.5 else "⚠️"))
total_check(t("pagu"), float(ef["pagu_rp"].sum()), total_eff["pagu_rp"])

# ---------------------------------------------------------------- 7. two sources
st.divider()
st.subheader(s("s7_head"))
st.caption(s("s7_intro"))
l6 = data.table("output_capaian", REPORT_YEAR)
l6_prog = l6[l6["level"] == "program"]
gap = source_gap_table(program_24, l6_prog, "program_code", "realisasi_rp", ("omspan", "monev"))
gap = gap.merge(program_24[["program_code", "pagu_rp", "urutan"]], on="program_code", how="left")
gap = gap.merge(l6_prog[["program_code", "anggaran_rp"]], on="program_code", how="left").sort_values("urutan")
gap["label"] = gap["program_code"].map(PROGRAM_LABEL)
gap["pct_omspan"] = [absorption_pct(p, r) for p, r in zip(gap["pagu_rp"], gap["omspan"], strict=True)]
gap["pct_monev"] = [absorption_pct(p, r) for p, r in zip(gap["anggaran_rp"], gap["monev"], strict=True)]
chart(
    built(charts.source_gap_bars, gap, L, s("chart_src"), (s("src_omspan"), s("src_monev")), ("omspan", "monev")),
    "ch_src",
)
source_line("Tabel 3.20 (OM-SPAN)", "Lampiran 6 (Monev Kemenkeu)")
raw = pd.DataFrame(
    {
        s("col_program"): gap["label"],
        s("src_omspan"): gap["omspan"],
        s("src_monev"): gap["monev"],
        s("col_gap"): gap["selisih"],
        s("col_gap_pct"): gap["selisih_pct"],
        s("col_pagu"): gap["pagu_rp"],
        s("pct_omspan"): gap["pct_omspan"],
        s("pct_monev"): gap["pct_monev"],
    }
)
display = raw.copy()
for c in (s("col_pagu"), s("src_omspan"), s("src_monev")):
    display[c] = raw[c].map(rp)
display[s("col_gap")] = raw[s("col_gap")].map(lambda v: ("+" if v > 0 else "") + rp(v))
for c in (s("col_gap_pct"), s("pct_omspan"), s("pct_monev")):
    display[c] = raw[c].map(pct)
formatted_table(display, raw, "anggaran_dua_sumber", "tb_src", ("Tabel 3.20 (OM-SPAN)", "Lampiran 6 (Monev Kemenkeu)"))

with st.expander(s("per_unit")):
    pu = l6[l6["level"] == "program_unit"].sort_values("urutan")
    unit_label = pu["unit_code"].map(units_meta["short_name"]).fillna(pu["unit_code"])
    raw = pd.DataFrame(
        {
            s("col_program"): pu["program_code"].map(PROGRAM_LABEL),
            s("col_unit"): unit_label,
            s("col_anggaran"): pu["anggaran_rp"],
            s("src_monev"): pu["realisasi_rp"],
            s("col_pct_l6"): pu["penyerapan_pct"],
            s("col_pct_calc"): [
                absorption_pct(a, r) for a, r in zip(pu["anggaran_rp"], pu["realisasi_rp"], strict=True)
            ],
        }
    )
    display = raw.copy()
    for c in (s("col_anggaran"), s("src_monev")):
        display[c] = raw[c].map(rp)
    display[s("col_pct_l6")] = raw[s("col_pct_l6")].map(lambda v: fmt_pct(v, 0, L))
    display[s("col_pct_calc")] = raw[s("col_pct_calc")].map(pct)
    formatted_table(display, raw, "anggaran_lampiran6_program_unit", "tb_l6_unit", ("Lampiran 6 (Monev Kemenkeu)",))
    sums = pu.groupby("program_code")["anggaran_rp"].sum()
    for row in l6_prog.itertuples():
        a = float(sums.get(row.program_code, 0.0))
        b = float(row.anggaran_rp)
        if abs(a - b) < 0.5:
            st.caption(s("unit_sum_ok", p=row.program_code))
        else:
            st.caption(s("unit_sum_bad", p=row.program_code, a=rp(a), b=rp(b), d=rp(a - b)))
