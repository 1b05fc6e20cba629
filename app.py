"""Dasbor Kinerja Kemnaker: builds the navigation and the shared sidebar; each page is in app_pages/.

The folder is not called ``pages/``: Streamlit would discover such a folder on its own and, on a
freshly started server, run a deep-linked page without this file (no navigation, no language).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import make_url
from sqlalchemy.exc import SQLAlchemyError

from loaders import auth, db, versions
from loaders.config import DatabaseNotFound, database_url
from ui import data
from ui.i18n import LANGS, lang, page_text, sync_lang, sync_year, t, year
from views.common import escape_markdown

st.set_page_config(page_title="Dasbor Kinerja Kemnaker", page_icon="📊", layout="wide")


def _language_chosen() -> None:
    # runs before the script: the new language is in the session and the URL when the page draws
    sync_lang(st.session_state.get("lang_choice") or st.session_state.get("lang", "id"))


def _year_chosen() -> None:
    sync_year(st.session_state["year_choice"])


current = lang()
st.session_state["lang_choice"] = current  # the control follows a ?lang= link as well as a click
st.sidebar.segmented_control(
    t("language"),
    LANGS,
    key="lang_choice",
    on_change=_language_chosen,
    format_func=lambda code: {"id": "🇮🇩 Indonesia", "en": "🇬🇧 English"}[code],
    required=True,
)
sync_lang(current)

try:
    ready = db.has_data(data.engine())
except DatabaseNotFound:
    # a SQLite file that does not exist: a first run before `make run` built it, or a mistyped path
    st.error(t("db_missing", url=escape_markdown(make_url(database_url()).database or "")), icon="📭")
    st.stop()
except SQLAlchemyError:
    st.error(t("db_down"), icon="🔌")
    st.stop()
if not ready:
    st.warning(t("db_empty"), icon="📭")
    st.stop()

# the year, chosen once for every page: all loaded report years, newest first, kept in the URL. Buttons,
# not a selectbox: a report has a handful of years, and a selectbox on every page made a new visitor's
# browser fetch and compile the combo-box code first (0,15 s of each first load, BENCHMARKS.md)
years = data.loaded_years()
current_year = year(years)
if years:
    st.session_state["year_choice"] = current_year
    st.sidebar.segmented_control(t("year"), years, key="year_choice", on_change=_year_chosen, required=True)
    sync_year(current_year)

pages = {
    t("group_exec"): [
        st.Page("app_pages/ringkasan.py", title=t("page_ringkasan"), icon="🏛️", url_path="beranda", default=True),
        st.Page("app_pages/pemantauan.py", title=page_text("pemantauan")("page"), icon="📅", url_path="pemantauan"),
    ],
    t("group_analysis"): [
        st.Page("app_pages/ss1.py", title=t("page_ss1"), icon="👷", url_path="ss1"),
        st.Page("app_pages/ss2.py", title=t("page_ss2"), icon="🏢", url_path="ss2"),
        st.Page("app_pages/anggaran.py", title=t("page_anggaran"), icon="💰", url_path="anggaran"),
        st.Page("app_pages/pn.py", title=t("page_pn"), icon="🎯", url_path="pn"),
        st.Page("app_pages/output.py", title=t("page_output"), icon="📦", url_path="output"),
    ],
    t("group_data"): [
        st.Page("app_pages/kualitas.py", title=t("page_kualitas"), icon="🔎", url_path="kualitas"),
        st.Page("app_pages/kelola.py", title=t("page_kelola"), icon="🗂️", url_path="kelola"),
    ],
}
summary = pages[t("group_exec")][0]


def _open_summary() -> None:
    # the summary is the default page, served at "/"; a /ringkasan link opens it too
    st.switch_page(summary)


alias = st.Page(_open_summary, title=t("page_ringkasan"), url_path="ringkasan", visibility="hidden")
pages[t("group_exec")].append(alias)
kelola = pages[t("group_data")][-1]
if auth.view_requires_login() and auth.session_actor(st.session_state, data.engine()) is None:
    # viewing behind a login (DASBOR_VIEW_REQUIRES_LOGIN): only the login page until signed in
    st.navigation([kelola]).run()
    st.stop()
st.sidebar.caption(f"{t('data_version')}: {versions.current_version(data.engine())}")
st.navigation(pages).run()
