"""Bahasa Indonesia by default, English on request: the language lives in the URL (``?lang=en``)."""

from __future__ import annotations

import streamlit as st

LANGS = ("id", "en")

COMMON: dict[str, tuple[str, str]] = {
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
    "db_empty": (
        "Basis data belum berisi data. Jalankan `make run` (atau `python -m loaders`) untuk memuat data LKj.",
        "The database holds no data yet. Run `make run` (or `python -m loaders`) to load the LKj data.",
    ),
}


def lang() -> str:
    """The current language: ``?lang=`` in the URL when given, else the session's, else Indonesian.

    Streamlit clears the URL's parameters on a page switch, so the session remembers the choice
    and :func:`sync_lang` writes it back into the URL on every run.
    """
    value = st.query_params.get("lang")
    if value in LANGS:
        st.session_state["lang"] = value
    return st.session_state.get("lang", "id")


def sync_lang(choice: str) -> None:
    """Remember ``choice`` for the session and show it in the URL (``?lang=en``)."""
    st.session_state["lang"] = choice
    st.query_params["lang"] = choice


def tr(pair: tuple[str, str]) -> str:
    """The text of an ``(indonesian, english)`` pair in the current language.

    ``app.py`` settles the language (URL, then session) at the top of every run, so the session's
    choice is read here: a page asks for hundreds of texts per run.
    """
    current = st.session_state.get("lang")
    return pair[LANGS.index(current if current in LANGS else lang())]


def t(key: str) -> str:
    """A common text by key."""
    return tr(COMMON[key])


def page_text(strings: dict[str, tuple[str, str]]):
    """A page's ``s(key, **placeholders)``: its own ``(id, en)`` strings in the current language."""

    def s(key: str, **kw: object) -> str:
        text = tr(strings[key])
        return text.format(**kw) if kw else text

    return s


def in_lang(mapping: dict[str, str]):
    """Translate a printed Indonesian label to English (``mapping``) when the page is in English."""
    return (lambda v: mapping.get(v, v)) if lang() == "en" else (lambda v: v)
