"""Texts of the Prioritas Nasional page (Tabel 2.4, Lampiran 5)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Prioritas Nasional {y}", "National Priorities {y}"),
    "intro": (
        "Anggaran Kemnaker {y} yang mendukung Prioritas Nasional (PN) {pns}, dari PN ke program, kegiatan dan "
        "output: pagu (Tabel 2.4) dan realisasinya (Lampiran 5).",
        "Kemnaker's {y} budget supporting National Priorities (PN) {pns}, from PN down to programme, activity "
        "(kegiatan) and output: the ceiling (Tabel 2.4) and its realisation (Lampiran 5).",
    ),
    "and": ("dan", "and"),
    "tile_pagu": ("Pagu PN", "PN budget ceiling"),
    "tile_real": ("Realisasi PN", "PN spending"),
    "tile_abs": ("Penyerapan PN", "PN absorption"),
    "tile_outputs": ("Output PN", "PN outputs"),
    "tile_reached": ("Output tercapai", "Outputs met"),
    "help_pagu": (
        "{full} (jumlah baris PN); Grand Total Tabel 2.4: {v}",
        "{full} (sum of the PN rows); Grand Total, Tabel 2.4: {v}",
    ),
    "help_real": (
        "{full} (jumlah baris PN); Grand Total Lampiran 5: {v}",
        "{full} (sum of the PN rows); Grand Total, Lampiran 5: {v}",
    ),
    "help_sum": ("{full} (jumlah baris PN)", "{full} (sum of the PN rows)"),
    "help_abs": ("Realisasi ÷ pagu × 100 (Lampiran 5)", "Spending ÷ ceiling × 100 (Lampiran 5)"),
    "help_outputs": ("Output di {n} kegiatan, {p} program", "Outputs in {n} activities, {p} programmes"),
    "help_reached": (
        "{a} dari {b} output: realisasi output ≥ target output (Lampiran 5)",
        "{a} of {b} outputs: output delivered ≥ output target (Lampiran 5)",
    ),
    "vs_prev": ("{d} dibanding {y}", "{d} vs {y}"),
    "pp": ("{d} poin", "{d} pts"),
    "treemap_title": ("Pohon anggaran PN", "PN budget tree"),
    "treemap_hint": (
        "Luas kotak = pagu, warna = penyerapan. Klik kotak untuk masuk ke tingkat berikutnya (PN → program → kegiatan → "
        "output), atau pilih tingkat menurut nama di bawah grafik; tombol ⬆ kembali satu tingkat. Warna dipusatkan "
        "pada penyerapan seluruh PN ({v}): merah di bawahnya, biru di atasnya.",
        "Box size = ceiling, colour = absorption. Click a box to go one level down (PN → programme → activity → "
        "output), or choose a level by name below the chart; the ⬆ button goes back up one level. Colours are "
        "centred on the absorption of all PN ({v}): red below it, blue above it.",
    ),
    "map_live": (
        "Peta interaktif: klik kotak untuk masuk ke tingkat di bawahnya",
        "Interactive map: click a box to open the level below it",
    ),
    "h_level": ("Pilih tingkat menurut nama", "Choose a level by name"),
    "f_node": ("Tingkat yang ditampilkan", "Level shown"),
    "up": ("⬆ Naik satu tingkat", "⬆ Up one level"),
    "tip_name": ("Nama", "Name"),
    "tip_hint": ("Isi", "Contains"),
    "open_hint": ("{n} {what} · klik untuk membuka", "{n} {what} · click to open"),
    "what_program": ("program", "programmes"),
    "what_kegiatan": ("kegiatan", "activities"),
    "what_output": ("output", "outputs"),
    "root": ("Seluruh PN", "All PN"),
    "colorbar": ("Penyerapan (%)", "Absorption (%)"),
    "target_output": ("Target output", "Output target"),
    "real_output": ("Realisasi output", "Output delivered"),
    "table_head": ("Rincian output", "Outputs in detail"),
    "f_pn": ("Prioritas Nasional", "National Priority"),
    "f_program": ("Program", "Programme"),
    "f_kegiatan": ("Kegiatan", "Activity (kegiatan)"),
    "f_status": ("Status capaian output", "Output achievement status"),
    "all_pn": ("Semua PN", "All PN"),
    "all_program": ("Semua program", "All programmes"),
    "all_kegiatan": ("Semua kegiatan", "All activities"),
    "all_status": ("Semua status", "All statuses"),
    "rows_shown": ("{n} dari {m} output ditampilkan.", "{n} of {m} outputs shown."),
    "col_pn": ("PN", "PN"),
    "col_program": ("Program", "Programme"),
    "col_kode": ("Kode output", "Output code"),
    "col_output": ("Output", "Output"),
    "col_satuan": ("Satuan", "Unit"),
    "col_pagu": ("Pagu (Rp)", "Ceiling (Rp)"),
    "col_real": ("Realisasi (Rp)", "Spending (Rp)"),
    "col_abs": ("Penyerapan", "Absorption"),
    "col_target": ("Target output", "Output target"),
    "col_real_out": ("Realisasi output", "Output delivered"),
    "col_cap": ("Capaian output", "Output achievement"),
    "col_status": ("Status", "Status"),
    "bars_title": ("Pagu dan realisasi per PN", "Ceiling and spending per PN"),
    "bars_axis": ("Rp miliar", "Rp billion"),
    "compare_head": ("Tabel 2.4 dan Lampiran 5", "Tabel 2.4 and Lampiran 5"),
    "compare_same": (
        "Pagu pada Tabel 2.4 sama dengan pagu pada Lampiran 5 di seluruh {n} baris (PN, program, kegiatan, "
        "output); Grand Total keduanya {v}.",
        "The ceiling in Tabel 2.4 equals the ceiling in Lampiran 5 on all {n} rows (PN, programme, activity, "
        "output); both Grand Totals are {v}.",
    ),
    "compare_same_unprinted": (
        "Pagu pada Tabel 2.4 sama dengan pagu pada Lampiran 5 di seluruh {n} baris (PN, program, kegiatan, "
        "output); jumlah baris PN {v} (Grand Total belum tercetak).",
        "The ceiling in Tabel 2.4 equals the ceiling in Lampiran 5 on all {n} rows (PN, programme, activity, "
        "output); the PN rows add up to {v} (Grand Total not yet printed).",
    ),
    "compare_diff": (
        "Pagu pada Tabel 2.4 berbeda dengan Lampiran 5 pada {n} baris:",
        "The ceiling in Tabel 2.4 differs from Lampiran 5 on {n} rows:",
    ),
    "compare_total_diff": (
        "Grand Total tercetak: Tabel 2.4 {a}, Lampiran 5 {b}.",
        "Printed Grand Totals: Tabel 2.4 {a}, Lampiran 5 {b}.",
    ),
    "compare_names": ("Nama yang dieja berbeda:", "Names spelt differently:"),
    "col_t24": ("Pagu Tabel 2.4", "Ceiling, Tabel 2.4"),
    "col_l5": ("Pagu Lampiran 5", "Ceiling, Lampiran 5"),
    "col_diff": ("Selisih", "Difference"),
}
