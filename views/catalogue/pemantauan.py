"""Texts of the Pemantauan Triwulan page (``views.pemantauan``): quarter, tiles, early warning, budget, notes."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "proj_live": (
        "Proyeksi interaktif: arahkan kursor ke baris untuk angka tiap indikator",
        "Interactive projection: point at a row for each indicator's figures",
    ),
    "page": ("Pemantauan Triwulan", "Quarterly Monitoring"),
    "title": ("Pemantauan Triwulan {y}", "Quarterly Monitoring {y}"),
    "intro": (
        "LKj menilai sekali setahun; halaman ini melihat ke depan dari laporan triwulan: realisasi kumulatif "
        "terhadap target tahunan (progres), terhadap rencana aksi atau garis lurus (laju), proyeksi akhir tahun "
        "dengan rentangnya, dan peringatan dini bagi indikator dan anggaran yang tertinggal.",
        "The LKj looks back once a year; this page looks ahead from the quarterly reports: cumulative realisation "
        "against the annual target (progress), against the action plan or a straight line (pace), the year-end "
        "projection with its range, and an early warning for indicators and budget lines falling behind.",
    ),
    "quarter": ("Triwulan", "Quarter"),
    "quarter_name": ("Triwulan {q}", "Quarter {q}"),
    "shown": (
        "Data s.d. akhir triwulan {q} {y}. Triwulan termuat: {qs}.",
        "Figures to the end of Q{q} {y}. Quarters loaded: {qs}.",
    ),
    "demo": (
        "**Data contoh, bukan data resmi.** Angka triwulan ini dibuat acak oleh `python -m loaders demo-triwulan` "
        "untuk mencoba halaman; jangan dikutip.",
        "**Example data, not official figures.** These quarterly figures were generated at random by "
        "`python -m loaders demo-triwulan` to try the page; do not quote them.",
    ),
    # --- empty state
    "empty_title": ("Belum ada laporan triwulan untuk {y}", "No quarterly report for {y} yet"),
    "empty_steps": (
        "1. Unduh templat triwulan di bawah: satu baris per IKSS, IKP dan IKK dan per program dan unit Eselon I "
        "tahun {y}, kodenya sudah terisi (nama setiap kode ada di sheet *_uraian*).\n"
        "2. Isi realisasi kumulatif sampai akhir triwulan dan, bila ada, target rencana aksi triwulan itu.\n"
        "3. Unggah berkasnya di **Kelola Data** (peran perencana atau admin). Hanya triwulan itu yang diganti, "
        "sebagai versi data baru; data tahunan dan triwulan lain tetap.",
        "1. Download the quarterly template below: one row per IKSS, IKP and IKK and per program and Eselon I "
        "unit of {y}, codes filled in (the *_uraian* sheet names each code).\n"
        "2. Fill in the cumulative realisation to the quarter's end and, where there is one, the action plan's "
        "target for that quarter.\n"
        "3. Upload the file on **Manage Data** (planner or admin role). Only that quarter is replaced, as a new "
        "data version; the annual tables and other quarters stay.",
    ),
    "empty_demo": (
        "Untuk mencoba halaman ini tanpa data resmi: `python -m loaders demo-triwulan --year {y}` membuat basis "
        "data contoh terpisah (data resmi tidak tersentuh).",
        "To try this page without official data: `python -m loaders demo-triwulan --year {y}` builds a separate "
        "example database (the official data is not touched).",
    ),
    "template_for": ("Templat triwulan", "Quarterly template"),
    "template_button": ("Unduh templat triwulan {q} {y}", "Download the Q{q} {y} template"),
    "template_help": (
        "Berisi data triwulan itu yang sudah termuat (untuk dikoreksi), atau kosong untuk diisi.",
        "Holds that quarter's loaded figures (to correct them), or empty rows to fill in.",
    ),
    "open_kelola": ("Unggah di Kelola Data", "Upload on Manage Data"),
    "open_login": ("Masuk di Kelola Data", "Sign in on Manage Data"),
    # --- statuses and methods
    "status_on_track": ("Sesuai jalur", "On track"),
    "status_at_risk": ("Berisiko", "At risk"),
    "status_off_track": ("Tertinggal", "Off track"),
    "status_unknown": ("Tidak dihitung", "Not computed"),
    "method_aktual": ("realisasi setahun", "full-year actual"),
    "method_rencana_aksi": ("rencana aksi", "action plan"),
    "method_linear": ("garis lurus", "straight line"),
    "method_tren": ("tren triwulan", "quarterly trend"),
    "method_tetap": ("nilai terakhir", "latest value"),
    "method_profil_tahun_lalu": ("pola tahun sebelumnya", "previous year's pattern"),
    "method_profil_of": ("pola penyerapan {p}", "{p} absorption pattern"),
    "method_teks": ("target berupa teks", "text target"),
    "method_-": ("belum dilaporkan", "not reported"),
    "how_head": ("Cara menghitung status dan proyeksi", "How the status and projection are computed"),
    "thresholds": (
        "Status dari proyeksi akhir tahun: **sesuai jalur** ≥ {on} target (anggaran ≥ {bon} pagu), **berisiko** "
        "{risk} sampai di bawah {on} (anggaran {brisk} sampai di bawah {bon}), **tertinggal** di bawahnya. "
        "Proyeksi: rencana aksi bila ada, selain itu garis lurus (jumlah) atau tren (persentase, indeks); "
        "anggaran mengikuti pola penyerapan tahun sebelumnya bila triwulannya termuat. Rentang = perkiraan "
        "terendah dan tertinggi dari cara-cara itu.",
        "Status from the year-end projection: **on track** ≥ {on} of target (budget ≥ {bon} of pagu), **at risk** "
        "{risk} to below {on} (budget {brisk} to below {bon}), **off track** below that. Projection: the action "
        "plan where there is one, else a straight line (counts) or the trend (percentages, indices); the budget "
        "follows the previous year's absorption pattern when its quarters are loaded. Range = the lowest and "
        "highest estimate of those methods.",
    ),
    # --- tiles and counts
    "ikss_head": ("IKSS: progres dan proyeksi", "IKSS: progress and projection"),
    "tile_help": (
        "Realisasi kumulatif {r} dari target {t}. Laju {p} ({how}). Metode proyeksi: {m}.",
        "Cumulative realisation {r} of target {t}. Pace {p} ({how}). Projection method: {m}.",
    ),
    "how_plan": ("terhadap rencana aksi {e}", "against the action plan {e}"),
    "how_line": ("terhadap garis lurus {e}", "against a straight line {e}"),
    "tile_projection": ("Proyeksi akhir tahun {p} (rentang {lo}–{hi})", "Year-end projection {p} (range {lo}–{hi})"),
    "tile_projection_point": ("Proyeksi akhir tahun {p}", "Year-end projection {p}"),
    "tile_unknown": ("Tidak dihitung: {why}", "Not computed: {why}"),
    "counts": (
        "{n} indikator: {on} sesuai jalur, {risk} berisiko, {off} tertinggal, {unk} tidak dihitung "
        "(belum dilaporkan atau target berupa teks).",
        "{n} indicators: {on} on track, {risk} at risk, {off} off track, {unk} not computed "
        "(not reported, or a text target).",
    ),
    # --- early warning
    "warn_head": ("Peringatan dini", "Early warning"),
    "warn_caption": (
        "Indikator dan anggaran yang berisiko atau tertinggal, diurutkan dari kekurangan proyeksi terbesar "
        "(titik persen di bawah batas sesuai jalur).",
        "Indicators and budget lines at risk or off track, largest projected shortfall first "
        "(percentage points below on track).",
    ),
    "warn_none": (
        "Tidak ada yang berisiko atau tertinggal pada triwulan ini.",
        "Nothing at risk or off track this quarter.",
    ),
    "warn_levels": ("Tingkat", "Levels"),
    "warn_list": ("Daftar peringatan dini", "Early-warning list"),
    # --- charts
    "proj_chart": ("Proyeksi akhir tahun IKSS dan IKP", "Year-end projection of the IKSS and IKP"),
    "proj_axis": ("% target tahunan", "% of annual target"),
    "proj_progress": ("Progres sekarang", "Progress now"),
    "proj_point": ("Proyeksi", "Projection"),
    "proj_range": ("Rentang proyeksi", "Projection range"),
    # --- budget
    "budget_head": ("Penyerapan anggaran terhadap kurva laju", "Budget absorption against the pace curve"),
    "budget_level": ("Tampilkan per", "Show by"),
    "level_program": ("Program", "Program"),
    "level_unit": ("Unit Eselon I", "Eselon I unit"),
    "budget_chart": ("Penyerapan kumulatif per triwulan", "Cumulative absorption by quarter"),
    "budget_axis": ("% pagu", "% of pagu"),
    "series_real": ("Realisasi", "Actual"),
    "series_pace": ("Kurva laju", "Pace curve"),
    "series_proj": ("Proyeksi", "Projection"),
    "pace_caption_prev": (
        "Kurva laju (garis putus-putus): penyerapan kumulatif tahun {p} per triwulan; garis titik-titik menuju "
        "proyeksi akhir tahun; garis abu-abu: batas sesuai jalur.",
        "Pace curve (dashed): the cumulative absorption of {p} by quarter; dots lead to the year-end projection; "
        "grey line: the on-track threshold.",
    ),
    "pace_caption_line": (
        "Kurva laju (garis putus-putus): garis lurus 25 % per triwulan (belum ada triwulan tahun sebelumnya); garis "
        "titik-titik menuju proyeksi akhir tahun; garis abu-abu: batas sesuai jalur.",
        "Pace curve (dashed): a straight line of 25 % a quarter (no previous year's quarters loaded); dots lead to "
        "the year-end projection; grey line: the on-track threshold.",
    ),
    # --- drill-down
    "drill_head": ("Rincian per program dan unit: IKP dan IKK", "By program and unit: IKP and IKK"),
    "drill_pick": ("Program · unit Eselon I", "Program · Eselon I unit"),
    "drill_caption": ("{ikp} IKP dan {ikk} IKK; status: {counts}.", "{ikp} IKP and {ikk} IKK; status: {counts}."),
    # --- columns
    "col_level": ("Tingkat", "Level"),
    "col_code": ("Kode", "Code"),
    "col_name": ("Indikator / anggaran", "Indicator / budget line"),
    "col_indicator": ("Indikator", "Indicator"),
    "col_kegiatan": ("Kegiatan", "Activity"),
    "col_unit": ("Unit", "Unit"),
    "col_target": ("Target tahunan", "Annual target"),
    "col_target_q": ("Target triwulan", "Quarter target"),
    "col_real": ("Realisasi kumulatif", "Cumulative actual"),
    "col_progress": ("Progres", "Progress"),
    "col_pace": ("Laju", "Pace"),
    "col_expected": ("Kurva laju", "Pace curve"),
    "col_projected": ("Proyeksi", "Projection"),
    "col_range": ("Rentang proyeksi", "Projection range"),
    "col_shortfall": ("Kekurangan (poin)", "Shortfall (points)"),
    "col_method": ("Metode", "Method"),
    "col_status": ("Status", "Status"),
    "col_catatan": ("Catatan pelapor", "Reporter's note"),
    "col_followup": ("Tindak lanjut terakhir", "Latest follow-up"),
    "col_pagu": ("Pagu", "Pagu"),
    "col_absorbed": ("Penyerapan", "Absorption"),
    "col_quarter": ("Triwulan", "Quarter"),
    "col_note": ("Catatan", "Note"),
    "col_author": ("Oleh", "By"),
    "col_when": ("Waktu (UTC)", "Time (UTC)"),
    "lvl_ikss": ("IKSS", "IKSS"),
    "lvl_ikp": ("IKP", "IKP"),
    "lvl_ikk": ("IKK", "IKK"),
    "lvl_program": ("Program", "Program"),
    "lvl_unit": ("Unit", "Unit"),
    # --- notes
    "notes_head": ("Catatan tindak lanjut", "Follow-up notes"),
    "notes_caption": (
        "Tanggapan perencana dan admin atas indikator atau anggaran pada suatu triwulan: teks biasa, tercatat "
        "dengan penulis dan waktunya, juga di log audit.",
        "Planners' and admins' responses to an indicator or budget line in a quarter: plain text, kept with "
        "author and time, and in the audit log.",
    ),
    "notes_none": ("Belum ada catatan tindak lanjut untuk {y}.", "No follow-up notes for {y} yet."),
    "note_target": ("Indikator atau anggaran", "Indicator or budget line"),
    "note_text": ("Catatan tindak lanjut (teks biasa, satu paragraf)", "Follow-up note (plain text, one paragraph)"),
    "note_save": ("Simpan catatan", "Save note"),
    "note_saved": ("Catatan tersimpan.", "Note saved."),
    "note_login": (
        "Masuk di Kelola Data sebagai perencana atau admin untuk menambah catatan tindak lanjut.",
        "Sign in on Manage Data as a planner or admin to add a follow-up note.",
    ),
    "note_viewer": (
        "Peran Anda hanya melihat; catatan ditambahkan oleh perencana atau admin.",
        "Your role can only view; planners and admins add notes.",
    ),
    "source_triwulan": ("Laporan triwulan (unggahan unit)", "Quarterly reports (units' uploads)"),
}
