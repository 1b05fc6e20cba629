"""Texts of the Anggaran page (LKj Bab 3.3-3.4, Tabel 2.3 and 3.20-3.24, Lampiran 1-4 and 6).

``{y}`` is the report year chosen, ``{prev}`` the year it is compared with.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Anggaran", "Budget"),
    "intro": (
        "Pagu dan realisasi anggaran Kementerian Ketenagakerjaan menurut program dan unit Eselon I, "
        "perubahan pagu dalam Perjanjian Kinerja, pagu blokir, dana dekonsentrasi dan efisiensi "
        "penggunaan sumber daya (LKj {y}, Bab 3.3-3.4).",
        "Budget ceiling (pagu) and spending (realisasi) of the Ministry of Manpower by programme and "
        "Eselon I unit, pagu changes in the Performance Agreement, blocked budget (blokir), "
        "deconcentration funds and resource-use efficiency (LKj {y}, chapters 3.3-3.4).",
    ),
    # section 1: tiles
    "tiles_head": ("Ringkasan anggaran {y}", "Budget summary {y}"),
    "tile_pagu": ("Pagu {y}", "Budget ceiling {y}"),
    "tile_realisasi": ("Realisasi {y}", "Spending {y}"),
    "tile_penyerapan": ("Penyerapan anggaran", "Budget absorption"),
    "tile_blokir": ("Pagu blokir", "Blocked budget (blokir)"),
    "tile_excl": ("Penyerapan tanpa blokir", "Absorption excluding blokir"),
    "tile_eff": ("Efficiency rate {ss}", "Efficiency rate {ss}"),
    "tile_eff_total": ("Efficiency rate total", "Efficiency rate overall"),
    "vs": ("{d} vs {prev}", "{d} vs {prev}"),
    "vs_pp": ("{d} poin vs {prev}", "{d} pts vs {prev}"),
    "help_sum": ("{full}. Jumlah rincian {table}.", "{full}. Sum of the rows of {table}."),
    "help_printed": ("TOTAL yang dicetak: {printed}.", "Printed TOTAL: {printed}."),
    "help_pct": ("Realisasi ÷ pagu × 100 = {real} ÷ {pagu}.", "Spending ÷ ceiling × 100 = {real} ÷ {pagu}."),
    "help_target": (
        "Target penyerapan {y}: {target} (Bab 3.3); capaian = penyerapan ÷ target.",
        "{y} absorption target: {target} (ch. 3.3); achievement = absorption ÷ target.",
    ),
    "help_excl": (
        "Realisasi ÷ (pagu − blokir) × 100 = {real} ÷ {pagu_excl}.",
        "Spending ÷ (ceiling − blokir) × 100 = {real} ÷ {pagu_excl}.",
    ),
    "help_excl_printed": ("Dicetak di Bab 3.3: {printed}.", "Printed in ch. 3.3: {printed}."),
    "help_eff": (
        "Capaian sasaran strategis ÷ capaian realisasi anggaran = {ss} ÷ {ang} (Bab 3.4, Tabel 3.24). "
        "Di atas 1: sasaran tercapai lebih jauh daripada anggaran yang terserap.",
        "Strategic-goal achievement ÷ budget absorption = {ss} ÷ {ang} (ch. 3.4, Tabel 3.24). "
        "Above 1: the goal was reached further than the money was spent.",
    ),
    "eff_caption": (
        "Efficiency rate = capaian SS ÷ capaian anggaran; dihitung dari Tabel 3.24 (tabel itu tidak mencetak "
        "rasionya). Total: rata-rata capaian SS ÷ penyerapan jumlah pagu.",
        "Efficiency rate = goal achievement ÷ budget absorption; computed from Tabel 3.24 (the table prints "
        "no ratio). Overall: mean goal achievement ÷ absorption of the summed ceiling.",
    ),
    # section 2: by programme / unit
    "s2_head": (
        "Pagu dan realisasi per program dan per unit Eselon I",
        "Ceiling and spending by programme and Eselon I unit",
    ),
    "tab_program": ("Per program (Tabel 3.20)", "By programme (Tabel 3.20)"),
    "tab_unit": ("Per unit Eselon I (Tabel 3.21)", "By Eselon I unit (Tabel 3.21)"),
    "no_year": (
        "{table} tidak memuat tahun {y}; tabel ini tersedia untuk {years}.",
        "{table} has no figures for {y}; it exists for {years}.",
    ),
    "no_realisasi": (
        "Tahun {y}: laporan hanya mencetak pagu. Realisasi dan penyerapan hanya tersedia untuk {years}.",
        "{y}: the report prints only the ceiling. Spending and absorption exist only for {years}.",
    ),
    "no_rows": ("{table}: belum ada data tahun {y}.", "{table}: no data for {y} yet."),
    "chart_program": ("Pagu dan realisasi per program, {y}", "Ceiling and spending by programme, {y}"),
    "chart_unit": ("Pagu dan realisasi per unit Eselon I, {y}", "Ceiling and spending by Eselon I unit, {y}"),
    "col_program": ("Program", "Programme"),
    "col_unit": ("Unit kerja", "Unit"),
    "col_pagu": ("Pagu", "Ceiling (pagu)"),
    "col_pagu_year": ("Pagu {y}", "Ceiling {y}"),
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
    # sections 3-7, one tab each, in one section opened on demand
    "h_detail": (
        "Revisi PK, blokir, dekonsentrasi, efisiensi dan dua sumber realisasi",
        "PK revisions, blokir, deconcentration, efficiency and the two spending sources",
    ),
    "tab_rev": ("Revisi PK (Tabel 2.3)", "PK revisions (Tabel 2.3)"),
    "tab_blokir": ("Blokir (Tabel 3.22)", "Blokir (Tabel 3.22)"),
    "tab_dekon": ("Dekonsentrasi (Tabel 3.23)", "Deconcentration (Tabel 3.23)"),
    "tab_eff": ("Efisiensi (Tabel 3.24)", "Efficiency (Tabel 3.24)"),
    "tab_src": ("OM-SPAN dan Monev (Lampiran 6)", "OM-SPAN and Monev (Lampiran 6)"),
    # section 3: PK revisions
    "s3_head": (
        "Perubahan pagu program pada Perjanjian Kinerja {y}",
        "Programme ceilings across the {y} Performance Agreement revisions",
    ),
    "rev_mode": ("Tampilkan", "Show"),
    "mode_pagu": ("Pagu per dokumen PK", "Ceiling per PK document"),
    "mode_change": ("Perubahan sejak PK Januari", "Change since the January PK"),
    "chart_rev_pagu": ("Pagu program per revisi PK {y}", "Programme ceiling per {y} PK revision"),
    "chart_rev_change": (
        "Perubahan pagu program sejak PK Januari {y}",
        "Change in programme ceiling since the January {y} PK",
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
    # section 4: blokir
    "s4_head": ("Pagu blokir per unit Eselon I", "Blocked budget (blokir) by Eselon I unit"),
    "chart_blokir": ("Pagu blokir {y} per unit", "Blocked budget {y} by unit"),
    "chart_excl": ("Penyerapan dengan dan tanpa blokir, {y}", "Absorption with and without blokir, {y}"),
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
    # section 5: dekonsentrasi
    "s5_head": ("Dana dekonsentrasi per bidang, {y}", "Deconcentration funds by field, {y}"),
    "chart_dekon": ("Pagu dan realisasi dana dekonsentrasi {y}", "Deconcentration funds {y}: ceiling and spending"),
    "col_bidang": ("Bidang", "Field (bidang)"),
    "col_pembina": ("Unit pembina", "Supervising unit"),
    # section 6: efficiency
    "s6_head": ("Efisiensi penggunaan sumber daya per sasaran strategis", "Resource-use efficiency by strategic goal"),
    "chart_eff": ("Capaian anggaran dan capaian sasaran, {y}", "Budget absorption and goal achievement, {y}"),
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
    "cap_ss_mean": ("Capaian SS rata-rata", "Mean goal achievement"),
    "tip_measure": ("Ukuran", "Measure"),
    "tip_value": ("Nilai", "Value"),
    # section 7: two sources
    "s7_head": (
        "Dua sumber realisasi: OM-SPAN dan Monev Kemenkeu",
        "Two sources of spending: OM-SPAN and Monev Kemenkeu",
    ),
    "s7_intro": (
        "Bab 3 (Tabel 3.20) memakai OM-SPAN; Lampiran 6 memakai Monev Kemenkeu. "
        "Keduanya dicetak laporan dan ditampilkan berdampingan, tanpa memilih salah satu.",
        "Chapter 3 (Tabel 3.20) uses OM-SPAN; Lampiran 6 uses Monev Kemenkeu. "
        "The report prints both; they are shown side by side, neither is preferred.",
    ),
    "src_omspan": ("Realisasi OM-SPAN (Tabel 3.20)", "Spending, OM-SPAN (Tabel 3.20)"),
    "src_monev": ("Realisasi Monev Kemenkeu (Lampiran 6)", "Spending, Monev Kemenkeu (Lampiran 6)"),
    "pct_omspan": ("Penyerapan OM-SPAN", "Absorption, OM-SPAN"),
    "pct_monev": ("Penyerapan Monev", "Absorption, Monev"),
    "col_gap": ("Selisih (OM-SPAN − Monev)", "Gap (OM-SPAN − Monev)"),
    "col_gap_pct": ("Selisih (% OM-SPAN)", "Gap (% of OM-SPAN)"),
    "chart_src": ("Realisasi {y} per program menurut dua sumber", "{y} spending by programme from two sources"),
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
