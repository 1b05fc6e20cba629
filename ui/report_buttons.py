"""The two report downloads of the app: the printable PDF and the full workbook of a year (issue 8).

``report_downloads(year, lang)`` draws "Unduh Laporan (PDF)", "Unduh Workbook" and "Unduh draf LKj (Word)" (texts:
``views/catalogue/report.py``) for the year chosen in the sidebar. Each file is
built only when its button is clicked (``data`` is a callable) and cached per data version,
year and language, so a second click, or another user, gets it at once.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from views.i18n import texts

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _frames() -> dict:
    """Every dataset, all years (the report compares a year with the one before it)."""
    return data.frames()


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


@st.cache_data(show_spinner=False, max_entries=8)
def report_docx(version: int, year: int) -> bytes:
    """The Word draft of the LKj of ``year`` (always in Bahasa Indonesia, as the LKj is), once per data load."""
    from report import data_version
    from report.draft import build_docx

    return build_docx(_frames(), year, "id", data_version=data_version(data.engine()))


def report_downloads(year: int, lang: str, key: str = "report") -> None:
    """The PDF, workbook and Word draft download buttons for ``year``, side by side, built lazily on click."""
    version = data.data_version()
    s = texts("report", lang)
    with st.container(horizontal=True, key=f"{key}_downloads"):
        st.download_button(
            s("btn_pdf"),
            lambda: report_pdf(version, year, lang),
            f"laporan_kinerja_kemnaker_{year}_{lang}.pdf",
            PDF_MIME,
            key=f"{key}_pdf",
            help=s("btn_pdf_help", y=year),
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            s("btn_xlsx"),
            lambda: report_workbook(version, year, lang),
            f"data_kinerja_kemnaker_{year}.xlsx",
            XLSX_MIME,
            key=f"{key}_xlsx",
            help=s("btn_xlsx_help", y=year),
            icon=":material/table_view:",
        )
        d = texts("draft", lang)
        st.download_button(
            d("btn_docx"),
            lambda: report_docx(version, year),
            f"draf_lkj_kemnaker_{year}.docx",
            DOCX_MIME,
            key=f"{key}_docx",
            help=d("btn_docx_help", y=year),
            icon=":material/description:",
        )
