"""The Kelola Data page with AppTest: login, roles, upload with errors, a fixed upload, publish, rollback, audit.

The page runs on its own SQLite database (not the shared ``app_db``: it publishes). The
Kualitas Data checks the page hands to ``loaders.versions.prepare`` (``kpi.checks.run_checks``)
are replaced by a quick stub; they have their own tests.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from types import SimpleNamespace

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import kpi.checks
from kpi.format import fmt_number
from loaders import audit, auth, db, versions
from loaders.workbook import write_workbook
from tests.conftest import ROOT

PAGE = str(ROOT / "app_pages" / "kelola.py")
PASSWORD = "kata-sandi-uji-123"


@pytest.fixture
def kelola_db(tmp_path, frames, monkeypatch):
    url = f"sqlite:///{tmp_path / 'kelola.sqlite'}"
    engine = db.get_engine(url)
    versions.publish_all(engine, frames, auth.Actor("cli:test", "admin"), "data")
    for name, role in (("ani", "admin"), ("rina", "perencana"), ("tamu", "viewer")):
        auth.create_user(engine, name, PASSWORD, role)
    monkeypatch.setenv("DATABASE_URL", url)

    def stub(frames_, year):
        bad = (frames_["budget_unit"]["pagu_rp"] == 7.0).any()
        warn = SimpleNamespace(
            rule_id="w",
            row_key="k",
            year=year,
            severity="warning",
            tables=("Tabel 3.21",),
            message_id="peringatan uji",
            message_en="test warning",
            message=lambda lang="id": "peringatan uji",
        )
        err = SimpleNamespace(
            rule_id="e",
            row_key="k",
            year=year,
            severity="error",
            tables=("Tabel 3.21",),
            message_id="error uji",
            message_en="test error",
            message=lambda lang="id": "error uji",
        )
        return [warn] + ([err] if bad else [])

    monkeypatch.setattr(kpi.checks, "run_checks", stub)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield engine
    st.cache_resource.clear()
    st.cache_data.clear()


def _book(frames, year: int, as_year: int, edit=None) -> bytes:
    part = {n: f[f["year"] == year].assign(year=as_year).reset_index(drop=True) for n, f in frames.items()}
    if edit:
        edit(part)
    buf = io.BytesIO()
    write_workbook(part, buf)
    return buf.getvalue()


def _page(user: str | None = None, role: str | None = None, lang: str = "id") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["lang"] = lang
    at.session_state["year"] = 2024  # app.py settles the year of every run; this test runs the page alone
    if user:
        at.session_state[auth.SESSION_KEY] = {"username": user, "role": role, "since": datetime.now(UTC).isoformat()}
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _df(at: AppTest, column: str):
    """The first table shown with this (translated) column header."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.text]
    parts += [e.value for e in at.error] + [e.value for e in at.success] + [e.value for e in at.info]
    return "\n".join(str(p) for p in parts)


def test_login_required_wrong_password_refused_and_logged(kelola_db):
    at = _page()
    assert at.text_input(key="kelola_password") is not None and not at.file_uploader
    at.text_input(key="kelola_username").input("rina")
    at.text_input(key="kelola_password").input("salah-sekali")
    at.button[0].click().run()
    assert "nama pengguna atau kata sandi salah" in _texts(at)
    assert audit.read(kelola_db).iloc[0][["username", "action", "outcome"]].tolist() == ["rina", "login", "gagal"]
    at.text_input(key="kelola_username").input("rina")
    at.text_input(key="kelola_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert "Masuk sebagai: rina · Peran: perencana" in _texts(at)
    assert at.file_uploader(key="kelola_upload") is not None


def test_viewer_sees_no_upload_and_no_publish(kelola_db):
    at = _page("tamu", "viewer", lang="en")
    assert "Your role can only view the dashboard" in _texts(at)
    assert not at.file_uploader
    assert all(b.key != "kelola_publish" for b in at.button)


def test_upload_with_errors_then_fixed_then_publish_then_rollback(kelola_db, frames):
    at = _page("rina", "perencana")

    def break_it(part):
        bu = part["budget_unit"].astype(object)
        bu.loc[0, "pagu_rp"] = -5
        bu.loc[1, "unit_code"] = "DITJEN_X"
        part["budget_unit"] = bu

    at.file_uploader(key="kelola_upload").set_value(
        ("lkj2025.xlsx", _book(frames, 2024, 2025, break_it), "application/octet-stream")
    )
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "2 masalah ditemukan; tidak ada yang ditulis" in _texts(at)
    problems = _df(at, "Lokasi")
    assert list(problems.columns) == ["Lokasi", "Baris", "Kolom", "Nilai", "Seharusnya"]
    assert set(problems["Kolom"]) == {"pagu_rp", "unit_code"}
    assert all(b.key != "kelola_publish" for b in at.button)
    assert 2025 not in db.years_loaded(kelola_db)

    def fix(part):
        part["budget_unit"].loc[0, "realisasi_rp"] = 999.0

    at.file_uploader(key="kelola_upload").set_value(("lkj2025.xlsx", _book(frames, 2024, 2025, fix), "x"))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    text = _texts(at)
    assert "Pratinjau dibuat terhadap versi 1" in text and "untuk tahun 2025" in text
    assert "peringatan uji" in _df(at, "Temuan")["Temuan"].tolist()
    diff = _df(at, "Ditambah").set_index("Tabel")
    assert diff.loc["budget_unit", "Ditambah"] == fmt_number(len(frames["budget_unit"].query("year == 2024")))
    head = _df(at, "Sebelum")
    assert head.loc[head["Angka"] == "Capaian SS-1", "Sebelum"].iloc[0] == "–"
    assert head.loc[head["Angka"] == "Capaian SS-1", "Sesudah"].iloc[0] == "40,71 %"
    at.button(key="kelola_publish").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Versi 2 diterbitkan" in _texts(at)
    assert 2025 in db.years_loaded(kelola_db) and versions.current_version(kelola_db) == 2
    assert ("publikasi", "ok") in [(r.action, r.outcome) for r in audit.read(kelola_db).itertuples()]

    # an upload that introduces an error finding: the planner cannot publish it
    def worse(part):
        part["budget_unit"].loc[0, "pagu_rp"] = 7.0

    at.file_uploader(key="kelola_upload").set_value(("lkj2026.xlsx", _book(frames, 2024, 2026, worse), "x"))
    at.run()
    assert "1 error baru karena unggahan ini" in _texts(at)
    assert at.button(key="kelola_publish").disabled

    # the admin rolls back to version 1
    admin = _page("ani", "admin", lang="en")
    assert _df(admin, "Version")["Version"].tolist() == ["2", "1"]
    admin.selectbox(key="kelola_rollback_to").set_value(1)
    admin.checkbox(key="kelola_rollback_sure").check()
    [b for b in admin.button if "Roll back" in str(b.label)][0].click().run()
    assert not admin.exception, [e.message for e in admin.exception]
    assert "Version 1 restored as version 3." in _texts(admin)
    assert 2025 not in db.years_loaded(kelola_db)
    log = _df(admin, "Action")
    assert {"login", "upload", "validasi", "publikasi", "rollback"} - set(log["Action"]) <= {"login"}
    assert list(_df(admin, "Username")["Username"]) == ["ani", "rina", "tamu"]


def test_admin_manages_users(kelola_db):
    at = _page("ani", "admin")
    at.text_input(key="kelola_new_name").input("dewi")
    at.text_input(key="kelola_new_password").input("pendek")
    [b for b in at.button if b.label == "Simpan"][0].click().run()
    assert "kata sandi minimal 10 karakter" in _texts(at)
    at.text_input(key="kelola_new_name").input("dewi")
    at.text_input(key="kelola_new_password").input("cukup-panjang-sekali")
    [b for b in at.button if b.label == "Simpan"][0].click().run()
    assert "Pengguna dibuat." in _texts(at)
    assert auth.authenticate(kelola_db, "dewi", "cukup-panjang-sekali").role == "perencana"


def test_template_for_the_next_year_and_for_a_loaded_year(kelola_db):
    at = _page("rina", "perencana", lang="en")
    choice = at.selectbox(key="kelola_tpl_choice")
    assert choice.value.key == "next:2025"  # the year chosen (2024) is the newest: next year's template first
    assert choice.options[:2] == [
        "Template for the new year 2025 (prefilled from 2024; the report's printed figures left empty)",
        "Template of year 2024 (as loaded)",
    ]
    at.button(key="kelola_tpl_make").click().run()
    assert not at.exception, [e.message for e in at.exception]
    made = at.session_state["kelola_tpl"]
    assert made[0] == "next:2025"
    sheet = openpyxl.load_workbook(io.BytesIO(made[1]), read_only=True)["ikss_capaian"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    years = {r[header.index("year")] for r in sheet.iter_rows(min_row=2, values_only=True) if any(r)}
    assert years == {2025}  # the 2024 rows, relabelled
    assert [d.proto.label for d in at.get("download_button") if d.proto.id.endswith("kelola_tpl_download")] == [
        "Download template (.xlsx)"
    ]
    at.selectbox(key="kelola_tpl_choice").select_index(1).run()
    assert not [d for d in at.get("download_button") if d.proto.id.endswith("kelola_tpl_download")]
