"""The two report downloads of the app: the printable PDF and the full workbook of a year (issue 8).

``report_downloads(year, lang)`` draws "Unduh Laporan (PDF)" and "Unduh Workbook". Each file is
built only when its button is clicked (``data`` is a callable) and cached per data version,
year and language, so a second click, or another user, gets it at once.
"""

from __future__ import annotations

import streamlit as st

from loaders.datasets import DATASETS
from ui import data

PDF_MIME = "application/pdf"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
S: dict[str, tuple[str, str]] = {
    "pdf": ("Unduh Laporan (PDF)", "Download report (PDF)"),
    "xlsx": ("Unduh Workbook", "Download workbook"),
    "pdf_help": (
        "Laporan kinerja {y} siap cetak (A4): IKSS, capaian SS, anggaran, produktivitas, SPBE, RB, output di bawah "
        "target dan Kualitas Data, dengan grafik dan sumber tiap tabel.",
        "The printable {y} performance report (A4): IKSS, goal achievement, budget, productivity, SPBE, RB, outputs "
        "below target and data quality, with charts and the source of each table.",
    ),
    "xlsx_help": (
        "Seluruh tabel data tahun {y} dalam satu file Excel, satu lembar per tabel.",
        "Every data table of {y} in one Excel file, one sheet per table.",
    ),
}


def _text(key: str, lang: str) -> str:
    return S[key][1 if lang == "en" else 0]


def _frames() -> dict:
    return {name: data.table(name) for name in DATASETS}


@st.cache_data(show_spinner=False, max_entries=8)
def report_pdf(version: int, year: int, lang: str) -> bytes:
    """The PDF report of ``year`` in ``lang``, built once per data load (``version``)."""
    from report import data_version
    from report.pdf import build_pdf

    return build_pdf(_frames(), year, lang, data_version=data_version(data.engine()))


@st.cache_data(show_spinner=False, max_entries=8)
def report_workbook(version: int, year: int, lang: str) -> bytes:
    """The workbook of ``year`` in ``lang``, built once per data load (``version``)."""
    from report import data_version
    from report.xlsx import build_workbook

    return build_workbook(_frames(), year, lang, data_version=data_version(data.engine()))


def report_downloads(year: int, lang: str, key: str = "report") -> None:
    """The PDF and workbook download buttons for ``year``, side by side, built lazily on click."""
    version = data.data_version()
    with st.container(horizontal=True, key=f"{key}_downloads"):
        st.download_button(
            _text("pdf", lang),
            lambda: report_pdf(version, year, lang),
            f"laporan_kinerja_kemnaker_{year}_{lang}.pdf",
            PDF_MIME,
            key=f"{key}_pdf",
            help=_text("pdf_help", lang).format(y=year),
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            _text("xlsx", lang),
            lambda: report_workbook(version, year, lang),
            f"data_kinerja_kemnaker_{year}.xlsx",
            XLSX_MIME,
            key=f"{key}_xlsx",
            help=_text("xlsx_help", lang).format(y=year),
            icon=":material/table_view:",
        )
