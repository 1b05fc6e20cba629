"""Texts of the Ringkasan Eksekutif page (``views.ringkasan``): IKSS names and help, tiles, trends, table."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the four IKSS of Tabel 3.2, by code: short names for tiles and charts, and what each one measures
    "name_produktivitas": ("Kontribusi produktivitas", "Productivity contribution"),
    "name_indeks_rb": ("Indeks Reformasi Birokrasi", "Bureaucratic Reform Index"),
    "name_opini_bpk": ("Opini BPK", "BPK audit opinion"),
    "name_indeks_spbe": ("Indeks SPBE", "E-government (SPBE) index"),
    "help_produktivitas": (
        "Kontribusi Kemnaker terhadap produktivitas tenaga kerja nasional (SS-1), dalam persen.",
        "The ministry's contribution to national labour productivity (SS-1), in percent.",
    ),
    "help_indeks_rb": (
        "Nilai evaluasi Reformasi Birokrasi oleh Kementerian PANRB atas tahun sebelumnya (SS-2).",
        "Bureaucratic Reform score from the Ministry of Administrative Reform, for the previous year (SS-2).",
    ),
    "help_opini_bpk": (
        "Opini BPK atas laporan keuangan tahun sebelumnya: WTP > WDP > TW > TMP (SS-2).",
        "The audit board's opinion on the previous year's financial statements: WTP (unqualified) > WDP > TW > TMP (SS-2).",
    ),
    "help_indeks_spbe": (
        "Indeks Sistem Pemerintahan Berbasis Elektronik (skala 1-5) hasil evaluasi tahun sebelumnya (SS-2).",
        "E-government (SPBE) index, scale 1-5, from the previous year's evaluation (SS-2).",
    ),
    "satuan_pct": ("%", "%"),
    "satuan_poin": ("poin", "points"),
    "satuan_opini": ("opini", "opinion"),
    "title": ("Ringkasan Eksekutif {y}", "Executive Summary {y}"),
    "subtitle": (
        "Kinerja Kementerian Ketenagakerjaan menurut Laporan Kinerja (LKj) {y}.",
        "Performance of the Ministry of Manpower according to its {y} Performance Report (LKj).",
    ),
    "overall_line": ("Rata-rata capaian sasaran strategis", "Average achievement of the strategic goals"),
    "sec_ikss": ("Indikator kinerja sasaran strategis (IKSS)", "Strategic goal indicators (IKSS)"),
    "sec_ss": ("Sasaran strategis", "Strategic goals"),
    "sec_budget": ("Anggaran", "Budget"),
    "sec_eff": ("Efisiensi penggunaan sumber daya", "Efficiency of resource use"),
    "sec_trend": ("Tren", "Trends"),
    "sec_table": ("Tabel capaian IKSS", "IKSS achievement table"),
    "sec_links": ("Rincian", "Details"),
    "realisasi_year": ("Realisasi {y}", "Actual {y}"),
    "change": ("{d} poin vs {y}", "{d} pts vs {y}"),
    "same_as": ("tetap {v} sejak {y}", "unchanged since {y} ({v})"),
    "up_from": ("naik dari {v} ({y})", "up from {v} ({y})"),
    "down_from": ("turun dari {v} ({y})", "down from {v} ({y})"),
    "ss1": ("SS-1 Tenaga kerja produktif", "SS-1 Productive workforce"),
    "ss2": ("SS-2 Tata kelola yang baik", "SS-2 Good governance"),
    "overall": ("Rata-rata SS-1 dan SS-2", "Average of SS-1 and SS-2"),
    "ss_help": (
        "Capaian sasaran strategis = rata-rata capaian IKSS-nya (Bab 3.1, Tabel 3.2), dihitung ulang dari target dan realisasi.",
        "A strategic goal's achievement is the mean achievement of its indicators (section 3.1, Tabel 3.2), recomputed from target and actual.",
    ),
    "printed_differs": ("⚠️ Laporan mencetak {p}", "⚠️ The report prints {p}"),
    "printed_help": (
        "Dihitung ulang: {v} (tepatnya {x}). Laporan mencetak {p}: angka itu dipotong setelah dua desimal, bukan dibulatkan.",
        "Recomputed: {v} (exactly {x}). The report prints {p}: it truncates after two decimals instead of rounding.",
    ),
    "pagu_help": ("Pagu {y} (Tabel 3.20): {full}.", "Budget ceiling {y} (Tabel 3.20): {full}."),
    "realisasi_help": ("Realisasi anggaran {y} (Tabel 3.20): {full}.", "Budget spent in {y} (Tabel 3.20): {full}."),
    "absorption_help": ("Realisasi ÷ pagu (Tabel 3.20).", "Spent ÷ ceiling (Tabel 3.20)."),
    "absorption_help_target": (
        "Target penyerapan {y}: {target} (Bab 3.3).",
        "Absorption target for {y}: {target} (Bab 3.3).",
    ),
    "absorption_target": ("Target penyerapan {target}", "Absorption target {target}"),
    "excl_blokir": ("Penyerapan tanpa blokir", "Absorption excl. blokir"),
    "excl_blokir_help": (
        "Realisasi ÷ (pagu − anggaran diblokir {blokir}) (Tabel 3.22, Bab 3.3).",
        "Spent ÷ (ceiling − blocked funds {blokir}) (Tabel 3.22, Bab 3.3).",
    ),
    "blokir_caption": ("Diblokir {blokir}", "Blocked {blokir}"),
    "eff_total": ("Efficiency rate total", "Efficiency rate, total"),
    "eff_ss1": ("Efficiency rate SS-1", "Efficiency rate SS-1"),
    "eff_ss2": ("Efficiency rate SS-2", "Efficiency rate SS-2"),
    "eff_help": (
        "Capaian sasaran strategis {c} ÷ capaian realisasi anggaran {a} (Tabel 3.24).",
        "Goal achievement {c} ÷ budget absorption {a} (Tabel 3.24).",
    ),
    "eff_explain": (
        "Efficiency rate = capaian sasaran strategis ÷ capaian realisasi anggaran (Bab 3.4). "
        "Di atas 1: sasaran tercapai lebih jauh daripada anggaran yang terserap; di bawah 1: sebaliknya.",
        "Efficiency rate = strategic goal achievement ÷ budget absorption (section 3.4). "
        "Above 1, the goal was reached further than the money was spent; below 1, the reverse.",
    ),
    "trend_ikss": ("Realisasi IKSS per tahun, dengan target {y}", "IKSS actuals per year, with the {y} target"),
    "trend_budget": ("Pagu Kemnaker per tahun", "Ministry budget ceiling per year"),
    "peak": ("Pagu tertinggi pada {y}: {total}; {note}.", "Highest ceiling in {y}: {total}; {note}."),
    "largest_unit": ("terbesar: {u} {v}", "largest: {u} {v}"),
    "col_ss": ("SS", "Goal"),
    "col_ikss": ("IKSS", "Indicator"),
    "col_satuan": ("Satuan", "Unit"),
    "col_real": ("Realisasi {y}", "Actual {y}"),
    "col_target": ("Target {y}", "Target {y}"),
    "col_cap": ("Capaian {y}", "Achievement {y}"),
    "col_cap_printed": ("Capaian tercetak", "Achievement as printed"),
    "col_status": ("Status", "Status"),
    "link_ss1": (
        "Produktivitas, pelatihan, penempatan, PHI",
        "Productivity, training, placement, industrial relations",
    ),
    "link_ss2": ("Reformasi Birokrasi, Opini BPK, SPBE", "Bureaucratic reform, audit opinion, e-government"),
    "link_anggaran": ("Pagu, realisasi, blokir, dekonsentrasi", "Ceiling, spending, blocked funds, deconcentration"),
    "link_pn": ("Prioritas Nasional: pagu dan output", "National priorities: budget and outputs"),
    "link_output": ("Capaian output per unit dan provinsi", "Output achievement per unit and province"),
    "link_kualitas": ("Angka laporan yang tidak saling cocok", "Report figures that disagree"),
}
