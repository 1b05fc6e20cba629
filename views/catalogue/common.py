"""Texts every page shares: navigation, sidebar, status words, common column names."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app_title": ("Dasbor Kinerja Kemnaker", "Kemnaker Performance Dashboard"),
    "language": ("Bahasa", "Language"),
    "year": ("Tahun", "Year"),
    "source": ("Sumber", "Source"),
    "lkj": ("LKj Kemnaker", "Kemnaker LKj"),
    "download_csv": ("Unduh CSV", "Download CSV"),
    "download_xlsx": ("Unduh Excel", "Download Excel"),
    "group_exec": ("Eksekutif", "Executive"),
    "group_analysis": ("Analisis", "Analysis"),
    "group_data": ("Data", "Data"),
    "page_ringkasan": ("Ringkasan Eksekutif", "Executive Summary"),
    "page_ss1": ("SS-1 Produktivitas", "SS-1 Productivity"),
    "page_ss2": ("SS-2 Tata Kelola", "SS-2 Governance"),
    "page_anggaran": ("Anggaran", "Budget"),
    "page_pn": ("Prioritas Nasional", "National Priorities"),
    "page_output": ("Capaian Output", "Output Achievement"),
    "page_kualitas": ("Kualitas Data", "Data Quality"),
    "page_kelola": ("Kelola Data", "Manage Data"),
    "status_hijau": ("Tercapai", "Achieved"),
    "status_kuning": ("Hampir tercapai", "Nearly achieved"),
    "status_merah": ("Belum tercapai", "Not achieved"),
    "status_abu": ("Data tidak ada", "No data"),
    "target": ("Target", "Target"),
    "realisasi": ("Realisasi", "Actual"),
    "capaian": ("Capaian", "Achievement"),
    "pagu": ("Pagu", "Budget ceiling"),
    "penyerapan": ("Penyerapan", "Absorption"),
    "data_version": ("Versi data", "Data version"),
    "findings_here": (
        "{n} angka di halaman ini tidak cocok dengan bagian lain laporan (Kualitas Data)",
        "{n} figures on this page disagree with another part of the report (Data Quality)",
    ),
    "choose": ("Pilih…", "Choose…"),
    "no_data": ("Belum ada data untuk pilihan ini.", "No data for this selection."),
    "db_down": (
        "Basis data tidak dapat dihubungi. Periksa DATABASE_URL dan bahwa server basis data berjalan, lalu muat ulang halaman.",
        "The database cannot be reached. Check DATABASE_URL and that the database server is running, then reload the page.",
    ),
    "db_missing": (
        "Berkas basis data SQLite {url} tidak ada. Jalankan `make run` (atau `python -m loaders build`) untuk "
        "membangunnya dari data/, atau periksa DATABASE_URL bila alamatnya salah ketik.",
        "The SQLite database file {url} does not exist. Run `make run` (or `python -m loaders build`) to build it "
        "from data/, or check DATABASE_URL if the path is mistyped.",
    ),
    "db_empty": (
        "Basis data belum berisi data. Jalankan `make run` (atau `python -m loaders`) untuk memuat data LKj.",
        "The database holds no data yet. Run `make run` (or `python -m loaders`) to load the LKj data.",
    ),
}
