"""The page's language and year, chosen once in the sidebar and kept in the URL (``?lang=en&year=2025``).

The texts are in the one catalogue, ``views.i18n``; this module only knows where the session keeps
the choices. Streamlit clears the URL's parameters on a page switch, so the session remembers each
choice and ``app.py`` writes it back into the URL on every run.
"""

from __future__ import annotations

import streamlit as st

from views.i18n import LANGS, pick, texts
from views.i18n import text as catalogue_text

__all__ = ["LANGS", "lang", "page_text", "sync_lang", "sync_year", "t", "tr", "year"]


def lang() -> str:
    """The current language: ``?lang=`` in the URL when given, else the session's, else Indonesian."""
    value = st.query_params.get("lang")
    if value in LANGS:
        st.session_state["lang"] = value
    return st.session_state.get("lang", "id")


def sync_lang(choice: str) -> None:
    """Remember ``choice`` for the session and show it in the URL (``?lang=en``)."""
    st.session_state["lang"] = choice
    st.query_params["lang"] = choice


def _current_lang() -> str:
    # app.py settles the language at the top of every run; a page asks for hundreds of texts per run
    current = st.session_state.get("lang")
    return current if current in LANGS else lang()


def year(options: list[int]) -> int:
    """The year chosen: ``?year=`` when it is one of ``options``, else the session's, else the newest."""
    wanted = st.query_params.get("year")
    if wanted is not None and wanted.isdigit() and int(wanted) in options:
        st.session_state["year"] = int(wanted)
    current = st.session_state.get("year")
    if current not in options:
        current = max(options) if options else 0
        st.session_state["year"] = current
    return current


def sync_year(choice: int) -> None:
    """Remember ``choice`` for the session and show it in the URL (``?year=2025``)."""
    st.session_state["year"] = int(choice)
    st.query_params["year"] = str(choice)


def chosen_year() -> int:
    """The year ``app.py`` settled for this run (pages read it once, at the top)."""
    return int(st.session_state["year"])


def tr(pair: tuple[str, str]) -> str:
    """The text of an ``(indonesian, english)`` pair in the current language."""
    return pick(pair, _current_lang())


def t(key: str, **placeholders: object) -> str:
    """A common text (``views/catalogue/common.py``) by key."""
    return catalogue_text(f"common.{key}", _current_lang(), **placeholders)


def page_text(section: str):
    """A page's ``s(key, **placeholders)``: its catalogue section in the current language."""
    return texts(section, _current_lang())
