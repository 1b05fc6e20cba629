"""The frame around every page: language, data version, and viewing behind a login when configured."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, open_sections


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


@pytest.mark.parametrize(
    ("page", "key"),
    [
        ("app_pages/ss1.py", "ss1"),
        ("app_pages/ss2.py", "ss2"),
        ("app_pages/anggaran.py", "anggaran"),
        ("app_pages/output.py", "output"),
    ],
)
def test_pages_mark_the_findings_about_their_figures(run_page, page, key):
    from ui.data import check_report

    mine = [f for f in check_report(2024) if f.page == key and f.severity in ("error", "warning")]
    at = open_sections(run_page(page), f"{key}_findings")  # the marker is an on-demand section
    marker = [e for e in at.expander if "angka di halaman ini" in e.label]
    assert len(marker) == 1 and marker[0].label.startswith(f"⚠️ {len(mine)} ")
    shown = " ".join(m.value for m in marker[0].markdown)
    assert mine[0].message("id").split("«")[0][:30].replace("_", "\\_") in shown


def test_database_unreachable_gives_a_clear_page(app_db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("Basis data tidak dapat dihubungi" in e.value for e in at.error)
    assert not at.title  # no page drawn on a broken connection


def test_empty_database_says_how_to_load(app_db, monkeypatch, tmp_path):
    (tmp_path / "empty.sqlite").touch()  # a database file with no data in it
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("make run" in w.value for w in at.warning)


def test_a_missing_database_file_says_how_to_build_it_and_creates_nothing(app_db, monkeypatch, tmp_path):
    missing = tmp_path / "typo.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{missing}")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    [error] = at.error
    assert "python -m loaders build" in error.value and "typo.sqlite" in error.value
    assert not missing.exists()
