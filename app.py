"""Dasbor Kinerja Kemnaker: builds the navigation and the shared sidebar; each page is in app_pages/.

The folder is not called ``pages/``: Streamlit would discover such a folder on its own and, on a
freshly started server, run a deep-linked page without this file (no navigation, no language).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from loaders import auth, db, versions
from ui import data
from ui.i18n import LANGS, lang, sync_lang, t

st.set_page_config(page_title="Dasbor Kinerja Kemnaker", page_icon="📊", layout="wide")


def _language_chosen() -> None:
    # runs before the script: the new language is in the session and the URL when the page draws
    sync_lang(st.session_state.get("lang_choice") or st.session_state.get("lang", "id"))


current = lang()
st.session_state["lang_choice"] = current  # the control follows a ?lang= link as well as a click
st.sidebar.segmented_control(
    t("language"),
    LANGS,
    key="lang_choice",
    on_change=_language_chosen,
    format_func=lambda code: {"id": "🇮🇩 Indonesia", "en": "🇬🇧 English"}[code],
)
sync_lang(current)

try:
    ready = db.has_data(data.engine())
except SQLAlchemyError:
    st.error(t("db_down"), icon="🔌")
    st.stop()
if not ready:
    st.warning(t("db_empty"), icon="📭")
    st.stop()

pages = {
    t("group_exec"): [
        st.Page("app_pages/ringkasan.py", title=t("page_ringkasan"), icon="🏛️", url_path="ringkasan", default=True),
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
kelola = pages[t("group_data")][-1]
if auth.view_requires_login() and auth.session_actor(st.session_state, data.engine()) is None:
    # viewing behind a login (DASBOR_VIEW_REQUIRES_LOGIN): only the login page until signed in
    st.navigation([kelola]).run()
    st.stop()
st.sidebar.caption(f"{t('data_version')}: {versions.current_version(data.engine())}")
st.navigation(pages).run()
