"""views.kelola called directly: template choices, an upload's problems and preview, the admin tables."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd
import pytest

from loaders.versions import TableChange
from views import kelola as view
from views.common import escape_markdown


def _finding(severity: str, message: str, year: int = 2025, tables=("Tabel 3.21",)):
    return SimpleNamespace(severity=severity, year=year, tables=tables, message=lambda lang="id": message)


def _prepared(findings, new_errors, years=(2025,), rows=1234, base=3):
    return SimpleNamespace(findings=findings, new_errors=new_errors, years=list(years), rows=rows, base_version=base)


# --------------------------------------------------------------------------- template


def test_template_choices_offer_the_next_year_then_each_year_as_loaded_then_blank():
    choices = view.template_choices([2023, 2024], "id")
    assert [(c.key, c.year, c.as_year, c.file_name) for c in choices] == [
        ("next:2025", 2024, 2025, "templat_lkj_2025.xlsx"),
        ("year:2024", 2024, None, "templat_lkj_2024.xlsx"),
        ("year:2023", 2023, None, "templat_lkj_2023.xlsx"),
        ("blank", None, None, "templat_lkj_kosong.xlsx"),
    ]
    assert "2025" in choices[0].label and "2024" in choices[0].label and "kosong" in choices[0].label
    english = view.template_choices([2024], "en")
    assert english[0].label.startswith("Template for the new year 2025 (prefilled from 2024")
    assert english[1].label == "Template of year 2024 (as loaded)"


def test_template_default_follows_the_chosen_year():
    choices = view.template_choices([2023, 2024], "en")
    assert view.default_template(choices, 2024) == 0  # newest year chosen: the next year's template
    assert choices[view.default_template(choices, 2023)].key == "year:2023"
    assert view.default_template(choices, 1999) == 0


def test_template_with_nothing_loaded_is_blank_only():
    choices = view.template_choices([], "id")
    assert [c.key for c in choices] == ["blank"]
    assert view.default_template(choices, 2024) == 0


# --------------------------------------------------------------------------- upload


def test_problems_name_sheet_row_and_column():
    frame = pd.DataFrame(
        [("sheet 'budget_unit'", 2, "pagu_rp", "-5", "≥ 0"), ("sheet 'budget_unit'", 3, "unit_code", "X", "kode")],
        columns=["lokasi", "baris", "kolom", "nilai", "seharusnya"],
    )
    shown = view.problems(frame, "id")
    assert shown.message == "2 masalah ditemukan; tidak ada yang ditulis"
    assert list(shown.table.display.columns) == ["Lokasi", "Baris", "Kolom", "Nilai", "Seharusnya"]
    assert shown.table.display["Baris"].tolist() == ["2", "3"]
    assert shown.table.raw["Baris"].tolist() == [2, 3]
    assert view.problems(frame, "en").table.display.columns[0] == "Location"


def test_headline_before_and_after_with_the_2024_figures(frames):
    after = {n: pd.concat([f, f[f["year"] == 2024].assign(year=2025)], ignore_index=True) for n, f in frames.items()}
    values = view.headline_values(frames, after, [2025])
    table = view.headline_table(values, "id")
    rows = table.display.set_index("Angka")
    assert rows.loc["Capaian SS-1", "Sebelum"] == "–"  # a new year has no figures before the upload
    assert rows.loc["Capaian SS-1", "Sesudah"] == "40,71 %"
    assert rows.loc["Capaian kinerja keseluruhan", "Sesudah"] == "67,32 %"
    assert rows.loc["Pagu", "Sesudah"] == "Rp 6.144.346.237.000"
    assert rows.loc["Penyerapan", "Sesudah"] == "89,52 %"
    assert rows.loc["Indeks RB", "Sesudah"] == "78,73"
    assert set(table.display["Tahun"]) == {"2025"}
    raw = table.raw.set_index("Angka")
    assert raw.loc["Pagu", "Sesudah"] == pytest.approx(6144346237000.0)
    assert pd.isna(raw.loc["Pagu", "Sebelum"])
    english = view.headline_table(values, "en").display.set_index("Figure")
    assert english.loc["SS-1 achievement", "After"] == "40.71%"


def test_headline_of_tiny_frames_without_data_is_dashes():
    values = view.headline_values({}, {}, [2030])
    assert len(values) == len(view.HEADLINE)
    assert set(view.headline_table(values, "id").display["Sesudah"]) == {"–"}


def test_changes_show_only_tables_that_change():
    changes = [
        TableChange("unit", 0, 0, 0, 12),
        TableChange("budget_unit", 1500, 2, 1, 40),
    ]
    table = view.changes_table(changes, "id")
    assert table.display.to_dict("records") == [
        {"Tabel": "budget_unit", "Ditambah": "1.500", "Diubah": "2", "Dihapus": "1", "Tetap": "40"}
    ]
    assert table.raw["Ditambah"].tolist() == [1500]
    assert len(view.changes_table([TableChange("unit", 0, 0, 0, 3)], "id")) == 0


def test_preview_counts_and_marks_the_errors_this_upload_introduces():
    known = _finding("error", "sudah ada")
    new = _finding("error", "baru <b>*x*</b>")
    findings = [_finding("warning", "peringatan"), known, new, _finding("info", "catatan")]
    model = view.preview(_prepared(findings, [new]), [], view.headline_values({}, {}, [2025]), "id")
    assert model.summary == "Berkas valid: 1.234 baris untuk tahun 2025. Pratinjau dibuat terhadap versi 3."
    assert model.counts == "2 error (1 sudah ada di data terbit), 1 peringatan"
    assert model.blocking == 1 and model.blocking_text.startswith("1 error baru karena unggahan ini")
    shown = model.findings.display
    assert shown["Tingkat"].tolist() == ["peringatan", "galat", "galat"]  # info findings are not listed
    assert shown["Baru?"].tolist() == ["", "", "✔"]
    assert shown["Temuan"].tolist()[2] == "baru <b>*x*</b>"  # text from data stays as it is (a table cell)
    assert len(model.changes) == 0
    clean = view.preview(_prepared([], [], rows=5, years=(2024, 2025)), [], view.headline_values({}, {}, []), "en")
    assert clean.blocking == 0 and len(clean.findings) == 0
    assert clean.summary == "File is valid: 5 rows for 2024, 2025. Preview made against version 3."


# --------------------------------------------------------------------------- admin tables


def test_versions_table_words_hashes_and_times():
    frame = pd.DataFrame(
        {
            "id": [2, 1],
            "published_at": [datetime(2025, 3, 1, 8, 15, 2, 123, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)],
            "published_by": ["rina", "cli:test"],
            "file_name": ["lkj_[2025]*.xlsx", "data"],
            "sha256": ["a" * 64, "b" * 64],
            "years": ["2025", "semua"],
            "rows": [1234, 5678],
            "note": ["", "dibangun ulang"],
            "status": ["current", "superseded"],
            "base_version": pd.array([1, None], dtype="Int64"),
            "restored_from": pd.array([None, None], dtype="Int64"),
            "load_id": [2, 1],
        }
    )
    table = view.versions_table(frame, "id")
    row = table.display.iloc[0]
    assert table.display["Versi"].tolist() == ["2", "1"]
    assert row["Waktu (UTC)"] == "2025-03-01 08:15:02"
    assert row["SHA-256"] == "a" * 12 and row["Berkas"] == "lkj_[2025]*.xlsx"
    assert table.display["Status"].tolist() == ["terkini", "digantikan"]
    assert table.display["Dari versi"].tolist() == ["1", ""]
    assert table.display["Baris"].tolist() == ["1.234", "5.678"]
    assert view.versions_table(frame, "en").display["Status"].tolist() == ["current", "superseded"]


def test_users_and_audit_tables():
    users = pd.DataFrame(
        {
            "username": ["ani", "rina"],
            "role": ["admin", "perencana"],
            "active": [True, False],
            "failed_attempts": [0, 3],
            "locked_until": [None, datetime(2025, 1, 1, 9, tzinfo=UTC)],
            "created_at": [datetime(2024, 12, 1, tzinfo=UTC)] * 2,
            "last_login_at": [None, None],
        }
    )
    shown = view.users_table(users, "en").display
    assert shown["Role"].tolist() == ["admin", "planner"]
    assert shown["Active"].tolist() == ["yes", "no"]
    assert shown["Locked until"].tolist() == ["", "2025-01-01 09:00:00"]
    log = pd.DataFrame(
        {
            "id": [7],
            "at": [datetime(2025, 3, 1, 8, 0, tzinfo=UTC)],
            "username": ["rina"],
            "action": ["upload"],
            "outcome": ["ok"],
            "detail": ['{"file": "**x**.xlsx"}'],
        }
    )
    audit = view.audit_table(log, "id").display
    assert list(audit.columns) == ["No.", "Waktu (UTC)", "Nama pengguna", "Tindakan", "Hasil", "Rincian"]
    assert audit.iloc[0].tolist() == ["7", "2025-03-01 08:00:00", "rina", "upload", "ok", '{"file": "**x**.xlsx"}']


def test_user_bar_roles_and_upload_limit():
    assert view.user_bar("rina", "perencana", "id") == "Masuk sebagai: rina · Peran: perencana"
    assert view.user_bar("rina", "perencana", "en") == "Logged in as: rina · Role: planner"
    assert view.role_label("viewer", "id") == "pembaca"
    assert view.role_label("auditor", "en") == "auditor"  # an unknown code is shown as it is
    assert view.upload_limit(25 * 1024 * 1024, "id") == "25 MB"


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("pengguna 'a_b' sudah ada", r"pengguna 'a\_b' sudah ada"),
        ("**tebal** [tautan](http://x) $x$ :red[y]", r"\*\*tebal\*\* \[tautan\](http://x) \$x\$ :red\[y\]"),
        ("![beacon](http://x/b.png) <img>", r"\!\[beacon\](http://x/b.png) \<img\>"),
        ("biasa saja", "biasa saja"),
    ],
)
def test_escape_markdown(raw, escaped):
    assert escape_markdown(raw) == escaped
