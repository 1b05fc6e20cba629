"""The frame around every page: language, data version, and viewing behind a login when configured."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_sidebar_shows_the_data_version(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("Versi data" in c.value for c in at.sidebar.caption)


def test_view_requires_login_shows_only_the_login(app_db, monkeypatch):
    monkeypatch.setenv("DASBOR_VIEW_REQUIRES_LOGIN", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.text_input(key="kelola_password") is not None
    assert not any("Ringkasan Eksekutif" in h.value for h in at.title)


def test_language_from_the_url(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert any("Executive Summary" in h.value for h in at.title)
    assert any("Data version" in c.value for c in at.sidebar.caption)
