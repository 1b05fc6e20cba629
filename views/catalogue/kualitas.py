"""Texts of the Kualitas Data page (``views.kualitas``): tiles, chart, findings, rules."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Kualitas Data {y}", "Data Quality {y}"),
    "intro": (
        "Dasbor ini memeriksa sumbernya sendiri: setiap total, persentase dan angka yang dicetak lebih dari sekali "
        "di LKj dihitung ulang dari baris rinciannya dan dibandingkan pada ketelitian cetaknya. Hanya yang tidak "
        "cocok yang menjadi temuan; yang cocok dihitung sebagai lolos.",
        "This dashboard checks its own source: every total, percentage and figure the LKj prints more than once is "
        "recomputed from its detail rows and compared at its printed precision. Only disagreements become "
        "findings; agreements are counted as passed.",
    ),
    "ran": ("Diperiksa", "Checked"),
    "ran_help": (
        "{r} aturan, {n} perbandingan; {s} aturan dilewati (data tidak ada)",
        "{r} rules, {n} comparisons; {s} rules skipped (no data)",
    ),
    "passed": ("Lolos", "Passed"),
    "passed_help": ("{p} dari semua perbandingan cocok", "{p} of all comparisons agree"),
    "failed_error": ("Galat", "Errors"),
    "failed_warning": ("Peringatan", "Warnings"),
    "failed_info": ("Info", "Info"),
    "help_error": (
        "Angka yang saling bertentangan: total, hierarki atau angka yang sama di dua tempat.",
        "Figures that contradict each other: totals, hierarchies or the same figure in two places.",
    ),
    "help_warning": (
        "Pembulatan yang tidak cocok atau nilai yang tidak wajar.",
        "Rounding that does not match, or implausible values.",
    ),
    "help_info": (
        "Selisih yang dapat dijelaskan: dua sumber data, atau angka dipotong bukan dibulatkan.",
        "Explainable differences: two data sources, or a figure truncated rather than rounded.",
    ),
    "not_printed": (
        "{n} angka laporan belum dicetak (tidak ada di data LKj {y}): perbandingannya dilewati, bukan dianggap gagal.",
        "{n} report figures not yet printed (absent from the LKj {y} data): their comparisons are skipped, not failed.",
    ),
    "not_printed_list": ("Angka yang belum dicetak", "Figures not yet printed"),
    "col_figure": ("Angka laporan", "Report figure"),
    "chart_title": ("Temuan per tabel LKj", "Findings per LKj table"),
    "chart_axis": ("Jumlah temuan", "Number of findings"),
    "none": ("Tidak ada temuan: semua angka yang diperiksa cocok.", "No findings: every figure checked agrees."),
    "findings": ("Temuan", "Findings"),
    "findings_list": ("Daftar temuan ({n}), dengan saringan", "List of findings ({n}), with filters"),
    "f_severity": ("Tingkat", "Severity"),
    "f_table": ("Tabel LKj", "LKj table"),
    "f_kind": ("Jenis aturan", "Kind of rule"),
    "shown": ("{n} dari {m} temuan ditampilkan.", "{n} of {m} findings shown."),
    "col_severity": ("Tingkat", "Severity"),
    "col_rule": ("Aturan", "Rule"),
    "col_kind": ("Jenis", "Kind"),
    "col_tables": ("Tabel", "Tables"),
    "col_row": ("Baris", "Row"),
    "col_printed": ("Tercetak", "Printed"),
    "col_recomputed": ("Dihitung ulang", "Recomputed"),
    "col_diff": ("Selisih", "Difference"),
    "col_message": ("Keterangan", "Explanation"),
    "col_page": ("Halaman", "Page"),
    "open": ("Buka halaman yang menampilkan angka bertemuan", "Open the pages that show figures with findings"),
    "rules_head": ("Aturan pemeriksaan", "Checking rules"),
    "kinds_head": ("{n} jenis aturan", "{n} kinds of rule"),
    "col_desc": ("Apa yang diperiksa", "What it checks"),
    "col_ran": ("Dijalankan", "Run"),
    "col_passed": ("Lolos", "Passed"),
    "col_failed": ("Gagal", "Failed"),
    "col_skipped": ("Dilewati", "Skipped"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "precision": (
        "Toleransi mengikuti ketelitian cetak: persen dua desimal cocok bila selisihnya < 0,005, persen bulat "
        "(Lampiran 6, Tabel 3.10) < 0,5; Rupiah dan jumlah orang harus sama persis.",
        "Tolerance follows the printed precision: two-decimal percentages agree within 0.005, whole percents "
        "(Lampiran 6, Tabel 3.10) within 0.5; Rupiah and head counts must be equal.",
    ),
}
