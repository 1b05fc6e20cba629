"""Kelola Data below the page: template, safe upload, versions, rollback, failures, concurrency, users.

Every database test runs on SQLite and on PostgreSQL (the ``engine`` fixture). The Kualitas
Data checks are slow, so most publications here pass ``checks=None``; one test runs a stub.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import zipfile
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text, update

from kpi.__main__ import main as kpi_main
from loaders import audit, auth, db, versions
from loaders.__main__ import main as loaders_main
from loaders.readers import WorkbookError, read_upload, read_workbook
from loaders.template import LIST_SHEET, sheet_order, template_bytes
from loaders.validate import RawTable, ValidationError, validate
from loaders.workbook import neutralise, unneutralise, write_workbook
from tests.conftest import ROOT, _pg_schema_engine, fail_on_table

ADMIN = auth.Actor("admin", "admin")
PLANNER = auth.Actor("perencana1", "perencana")
VIEWER = auth.Actor("tamu", "viewer")


# --------------------------------------------------------------------------- helpers and fixtures


def _year(frames, year, as_year=None):
    out = {}
    for name, frame in frames.items():
        part = frame[frame["year"] == year].copy()
        if as_year is not None:
            part["year"] = as_year
        out[name] = part.reset_index(drop=True)
    return out


@pytest.fixture(scope="module")
def template_2024(frames) -> bytes:
    return template_bytes(frames, 2024)


@pytest.fixture(scope="module")
def broken_2025(frames) -> bytes:
    """2025 with one of each value error, an extra column and a missing sheet: all must be reported at once."""
    nxt = _year(frames, 2024, 2025)
    bu = nxt["budget_unit"].astype(object)
    bu.loc[0, "pagu_rp"] = -5
    bu.loc[1, "unit_code"] = "DITJEN_X"
    bu.loc[2, "realisasi_rp"] = "banyak"
    bu.loc[3, "penyerapan_pct"] = 1e9
    nxt["budget_unit"] = pd.concat([bu, bu.iloc[[4]]], ignore_index=True)  # duplicate key
    nxt["unit"] = nxt["unit"].assign(catatan="x")  # extra column
    del nxt["province"]  # missing sheet
    from loaders.datasets import DATASETS

    buf = io.BytesIO()
    # write_workbook takes only schema columns, so write the extra column by hand
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in nxt.items():
        cols = [c.name for c in DATASETS[name].all_columns] + (["catatan"] if name == "unit" else [])
        ws = wb.create_sheet(name)
        ws.append(cols)
        for row in frame[cols].astype(object).itertuples(index=False):
            ws.append([None if pd.isna(v) else v for v in row])
    wb.save(buf)
    return buf.getvalue()


def _published(engine, frames) -> int:
    return versions.publish_all(engine, frames, ADMIN, "data")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared(request, tmp_path_factory, frames):
    """One published database per module and dialect, for tests that leave its content as it was.

    Yields ``(engine, content)``; such tests may add audit rows and republish identical
    content, never change the data. Tests that change data use the fresh ``engine`` fixture.
    """
    if request.param == "sqlite":
        eng = create_engine(f"sqlite:///{tmp_path_factory.mktemp('shared') / 'shared.sqlite'}")
        admin = schema = None
    else:
        eng, admin, schema = _pg_schema_engine()
    _published(eng, frames)
    yield eng, _content(eng)
    eng.dispose()
    if admin is not None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _content(engine) -> dict[str, pd.DataFrame]:
    return db.read_all(engine)


def _assert_same(a: dict, b: dict) -> None:
    """Same rows in every table (order by key: replacing a year appends its rows at the end)."""
    from loaders.datasets import DATASETS

    assert sorted(a) == sorted(b)
    for name in a:
        key = list(DATASETS[name].full_key)
        pd.testing.assert_frame_equal(
            a[name].sort_values(key).reset_index(drop=True),
            b[name].sort_values(key).reset_index(drop=True),
            check_dtype=False,
            obj=name,
        )


def _max_load(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.max(db.data_load.c.load_id))).scalar_one()


def _audit(engine) -> list[tuple[str, str]]:
    return [(r.action, r.outcome) for r in audit.read(engine).itertuples()][::-1]


# --------------------------------------------------------------------------- template


def test_template_round_trip_gives_identical_content(shared, template_2024):
    engine, before = shared
    v1 = versions.current_version(engine)
    load_before = _max_load(engine)
    prepared = versions.prepare(engine, template_2024, "templat_2024.xlsx", PLANNER, checks=None)
    assert prepared.years == [2024] and prepared.base_version == v1
    assert all(c.added == c.removed == c.changed == 0 for c in versions.diff(before, prepared.frames, [2024]))
    v2 = versions.publish(engine, prepared, PLANNER)
    assert versions.current_version(engine) == v2 == v1 + 1
    _assert_same(_content(engine), before)
    assert _max_load(engine) == load_before + 1  # ui.data.data_version() moves on
    assert ("publikasi", "ok") in _audit(engine)


def test_template_layout(frames, template_2024):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(template_2024))
    assert wb.sheetnames[0] == "Petunjuk" and wb[LIST_SHEET].sheet_state == "hidden"
    assert wb.sheetnames[2:] == sheet_order()
    assert sheet_order().index("unit") < sheet_order().index("budget_unit")
    ws = wb["budget_unit"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:2] == ["year", "unit_code"] and header[-1] == "sumber"
    assert "Pagu anggaran" in ws.cell(1, header.index("pagu_rp") + 1).comment.text
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert rules["B2"].type == "list" and rules["B2"].formula1.startswith("'unit'!$B$2")
    pagu = rules[f"{chr(ord('A') + header.index('pagu_rp'))}2"]
    assert pagu.type == "decimal" and pagu.operator == "between" and (pagu.formula1, pagu.formula2) == ("0", "1e+16")
    assert ws.cell(2, header.index("pagu_rp") + 1).number_format == "#,##0"
    assert ws.cell(2, header.index("unit_code") + 1).number_format == "@"
    # codes with fixed choices get a list on the hidden sheet
    sasaran = wb["ikss"]
    kinds = [dv.type for dv in sasaran.data_validations.dataValidation]
    assert kinds.count("list") >= 3
    assert len(list(ws.iter_rows(min_row=2, values_only=True))) == len(frames["budget_unit"].query("year == 2024"))


def test_template_relabelled_and_blank(frames):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(template_bytes(frames, 2024, as_year=2025)), read_only=True)
    years = {r[0] for r in wb["unit"].iter_rows(min_row=2, values_only=True)}
    assert years == {2025}
    blank = load_workbook(io.BytesIO(template_bytes()), read_only=True)
    assert [r for r in blank["budget_unit"].iter_rows(min_row=2, values_only=True)] == []


def test_formula_like_text_survives_a_round_trip():
    tricky = ["-abc", "=1+1", "+62 21", "@home", "'quoted", "''", "'=x", "biasa", "\tTab", "-"]
    for value in tricky:
        assert unneutralise(neutralise(value)) == value
        assert not str(neutralise(value)).startswith(("=", "+", "-", "@"))
    frame = pd.DataFrame({"year": [2024] * len(tricky), "code": [f"U{i}" for i in range(len(tricky))]})
    frame["name"] = tricky
    frame["short_name"] = list(reversed(tricky))
    frame["sumber"] = "Tabel 3.21"
    buf = io.BytesIO()
    write_workbook({"unit": frame}, buf)
    back = validate(read_upload(buf.getvalue(), "unit.xlsx"), require_all=False)["unit"]
    stripped = [v.strip() for v in tricky]  # the validator strips surrounding blanks of text
    assert back["name"].tolist() == stripped and back["short_name"].tolist() == list(reversed(stripped))


def test_cli_template_versions_rollback_and_user(tmp_path, frames, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    engine = db.get_engine(url)
    _published(engine, frames)
    out = tmp_path / "t.xlsx"
    assert (
        loaders_main(["--database-url", url, "template", "--year", "2024", "--as-year", "2026", "--out", str(out)]) == 0
    )
    assert kpi_main(["import", str(out), "--user", "budi", "--no-checks", "--database-url", url]) == 0
    assert 2026 in db.years_loaded(engine, "output_capaian")
    assert loaders_main(["--database-url", url, "versions"]) == 0
    listing = capsys.readouterr().out
    assert "cli:budi" in listing and "years=2026" in listing
    assert loaders_main(["--database-url", url, "rollback", "1"]) == 0
    assert 2026 not in db.years_loaded(engine, "output_capaian")
    assert loaders_main(["--database-url", url, "template", "--year", "1999", "--out", str(out)]) == 1
    assert loaders_main(["--database-url", url, "rollback", "99"]) == 1
    assert "versi 99 tidak ada" in capsys.readouterr().err
    sys_stdin = sys.stdin
    try:
        sys.stdin = io.StringIO("rahasia-sekali-123\n")
        assert loaders_main(["--database-url", url, "create-user", "siti", "--role", "admin", "--password-stdin"]) == 0
    finally:
        sys.stdin = sys_stdin
    assert auth.authenticate(engine, "siti", "rahasia-sekali-123") == auth.Actor("siti", "admin")


# --------------------------------------------------------------------------- upload safety


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _small_book(rows: int = 2, extra_sheets: dict | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "unit"
    ws.append(["year", "code", "name", "short_name", "sumber"])
    for i in range(rows):
        ws.append([2024, f"U{i}", f"Unit {i}", f"U{i}", "Tabel 3.21"])
    for name, content in (extra_sheets or {}).items():
        wb.create_sheet(name).append(content)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
)


def _with_member(book: bytes, member: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, data if info.filename == member else src.read(info.filename))
        if member not in src.namelist():
            zf.writestr(member, data)
    return out.getvalue()


def test_defusedxml_is_what_openpyxl_uses():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("xlsm", "jenis berkas tidak diterima (berkas bermakro .xlsm tidak diterima)"),
        ("csv", "jenis berkas tidak diterima"),
        ("exe", "jenis berkas tidak diterima"),
        ("big", "berkas terlalu besar"),
        ("empty_file", "berkas kosong"),
        ("corrupt_zip", "bukan workbook Excel (.xlsx) atau arsip .zip yang dapat dibaca: berkas rusak"),
        ("truncated", "bukan workbook Excel (.xlsx) atau arsip .zip yang dapat dibaca: berkas rusak"),
        ("macro", "berkas berisi makro (VBA)"),
        ("xml_bomb", "XML di dalamnya memuat entitas/DTD"),
        ("zip_bomb", "dugaan 'zip bomb'"),
        ("no_data_sheet", "workbook tidak berisi sheet data"),
        ("too_many_rows", "terlalu banyak baris: lebih dari 3 baris data"),
        ("zip_not_csv", "isi .zip hanya boleh berkas .csv"),
        ("zip_empty", "arsip .zip tidak berisi satu pun berkas .csv"),
        ("zip_latin1", "berkas .csv harus berenkode UTF-8"),
    ],
)
def test_file_refusals(case, expected, monkeypatch):
    book = _small_book()
    name, data = "lkj.xlsx", book
    if case in ("xlsm", "csv", "exe"):
        name = f"lkj.{case}"
    elif case == "big":
        monkeypatch.setenv("DASBOR_MAX_UPLOAD_MB", "0.001")
    elif case == "empty_file":
        data = b""
    elif case == "corrupt_zip":
        data = b"PK\x03\x04 this is not really a zip"
    elif case == "truncated":
        data = book[: len(book) // 2]
    elif case == "macro":
        data = _with_member(book, "xl/vbaProject.bin", b"\x00" * 10)
    elif case == "xml_bomb":
        data = _with_member(book, "xl/worksheets/sheet1.xml", _BOMB)
    elif case == "zip_bomb":
        data = _with_member(book, "xl/media/fill.bin", b"\x00" * (300 * 1024 * 1024 // 10))
        monkeypatch.setenv("DASBOR_MAX_UPLOAD_MB", "1")
    elif case == "no_data_sheet":
        from openpyxl import Workbook

        wb = Workbook()
        wb.active.title = "Petunjuk"
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
    elif case == "too_many_rows":
        monkeypatch.setenv("DASBOR_MAX_ROWS", "3")
        data = _small_book(rows=5)
    elif case.startswith("zip_"):
        name = "lkj.zip"
        data = {
            "zip_not_csv": _zip({"unit.csv": b"year,code\n", "run.exe": b"MZ"}),
            "zip_empty": _zip({"folder/": b""}),
            "zip_latin1": _zip(
                {"unit.csv": "year,name\n2024,Direktorat Jenderal Pembinaan Ke\xe9\n".encode("latin-1")}
            ),
        }[case]
    with pytest.raises(WorkbookError) as info:
        read_upload(data, name)
    assert expected in str(info.value)
    assert not str(info.value).startswith("Traceback")


def test_refused_upload_changes_nothing_and_is_logged(shared):
    engine, _ = shared
    before, load = versions.current_version(engine), _max_load(engine)
    with pytest.raises(WorkbookError, match="jenis berkas tidak diterima"):
        versions.prepare(engine, b"MZ...", "virus.exe", PLANNER, checks=None)
    assert versions.current_version(engine) == before and _max_load(engine) == load
    assert _audit(engine)[-2:] == [("upload", "ok"), ("validasi", "gagal")]


def test_every_value_problem_reported_at_once_and_nothing_written(shared, broken_2025):
    engine, before = shared
    with pytest.raises(ValidationError) as info:
        versions.prepare(engine, broken_2025, "lkj2025.xlsx", PLANNER, checks=None)
    msg = str(info.value)
    sheet = "lkj2025.xlsx, sheet 'budget_unit'"
    assert f"{sheet}, baris 2, kolom 'pagu_rp' berisi '-5': nilai Rupiah (angka) ≥ 0" in msg
    assert f"{sheet}, baris 3, kolom 'unit_code' berisi 'DITJEN_X': kode tidak dikenal di 'unit' tahun 2025" in msg
    assert f"{sheet}, baris 4, kolom 'realisasi_rp' berisi 'banyak': nilai Rupiah (angka)" in msg
    assert f"{sheet}, baris 5, kolom 'penyerapan_pct' berisi '1000000000" in msg
    assert "persentase (angka dalam persen) ≥ -10.000 dan ≤ 10.000: terlalu besar" in msg
    assert "kunci baris ini sudah dipakai baris lain" in msg
    assert "lkj2025.xlsx, sheet 'unit', baris 1, kolom 'catatan': kolom tidak dikenal" in msg
    assert "tabel 'province': tabel wajib ini tidak ada" in msg
    table = info.value.to_frame()
    assert list(table.columns) == ["lokasi", "baris", "kolom", "nilai", "seharusnya"] and len(table) >= 7
    _assert_same(_content(engine), before)
    assert 2025 not in db.years_loaded(engine)


def test_zip_of_csvs_is_a_third_reader(shared, frames):
    engine, before = shared
    members = {f"lkj/{name}.csv": frame.to_csv(index=False).encode("utf-8") for name, frame in frames.items()}
    members["__MACOSX/lkj/._unit.csv"] = b"\x00\x05"
    prepared = versions.prepare(engine, _zip(members), "lkj.zip", PLANNER, checks=None)
    assert prepared.years == [2021, 2022, 2023, 2024]
    versions.publish(engine, prepared, PLANNER)
    _assert_same(_content(engine), before)


# Property-based fuzzing (hypothesis) of cell values: a valid 2025 workbook gets random text,
# numbers, formulas, unicode and huge values in random cells (header included). Preparing it
# either succeeds (typed frames, a preview) or raises ValidationError with located problems;
# never another exception, and the database never changes (only the audit log grows).

FUZZ_SHEETS = ("unit", "budget_unit", "sasaran", "ikss", "ikss_capaian", "program", "budget_program")
"""Sheets the fuzzer writes cell by cell (real .xlsx bytes); the others come from one valid workbook."""

_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n"), max_size=40)
_CELL = st.one_of(
    st.none(),
    _TEXT,
    st.sampled_from(["", " ", "-", "0", "-1", "1e9", "1e400", "nan", "inf", "1.234,5", "1,234.5", "Rp 5", "(3)"]),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "=1/0", "+62 21", "@home", "'=A1", '=HYPERLINK("http://x")']),
    st.sampled_from(["DITJEN_X", "SETJEN", "WA", "SS1", "IKSS 1.1", "2024", "2025", "ü", "9" * 400, "٣٤", "１２"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-(2**31) - 10, max_value=2**31 + 10),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1)),
)


@pytest.fixture(scope="module")
def fuzz_base(frames):
    """2024 relabelled as 2025: the fuzzed sheets as rows of cells, the other sheets read once."""
    from loaders.datasets import DATASETS

    nxt = _year(frames, 2024, 2025)
    buf = io.BytesIO()
    write_workbook({n: f for n, f in nxt.items() if n not in FUZZ_SHEETS}, buf)
    others = read_upload(buf.getvalue(), "lkj2025.xlsx")
    sheets = {}
    for name in FUZZ_SHEETS:
        cols = [c.name for c in DATASETS[name].all_columns]
        rows = [
            [None if pd.isna(v) else v for v in row] for row in nxt[name][cols].astype(object).itertuples(index=False)
        ]
        sheets[name] = [cols, *rows]
    return _Quiet((sheets, others))


class _Quiet(tuple):
    """A fixture value with a short repr (hypothesis prints the arguments of a failing example)."""

    def __repr__(self) -> str:
        return "<valid 2025 workbook>"


def _fuzzed_book(sheets: dict, edits: list) -> bytes:
    from openpyxl import Workbook

    grid = {name: [list(row) for row in rows] for name, rows in sheets.items()}
    for sheet_i, row_i, col_i, value in edits:
        rows = grid[FUZZ_SHEETS[sheet_i % len(FUZZ_SHEETS)]]
        row = rows[row_i % len(rows)]
        row[col_i % len(row)] = value
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in grid.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _counts(engine) -> dict[str, int]:
    tables = [*db.TABLES.values(), db.data_load, db.data_version]
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}


_EDITS = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 10), _CELL), min_size=1, max_size=6)


def test_fuzzed_cells_give_a_preview_or_located_problems_and_never_write(shared, fuzz_base):
    """Hypothesis puts random values in random cells: a preview or a ValidationError, nothing else, nothing written.

    Deterministic (derandomize); 40 examples on SQLite, 10 on PostgreSQL (each validates all 41 sheets).
    """
    from unittest import mock

    engine, content = shared
    sheets, others = fuzz_base
    real_read = read_upload

    def read_with_the_rest(data_, name):  # the fuzzed sheets as read from the bytes, plus the other sheets
        return real_read(data_, name) + others

    examples = 40 if engine.dialect.name == "sqlite" else 10

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None)
    @given(edits=_EDITS)
    def check(edits):
        data = _fuzzed_book(sheets, edits)
        before = _counts(engine)
        with mock.patch.object(versions, "read_upload", read_with_the_rest):
            try:
                prepared = versions.prepare(engine, data, "fuzz.xlsx", PLANNER, checks=None)
            except ValidationError as exc:
                assert exc.problems, "a ValidationError must say what is wrong"
                for p in exc.problems:
                    assert p.origin and p.expected, p
                    if p.row is not None:  # a located cell: in a sheet, with a row number the user sees
                        assert "sheet '" in p.origin and p.row >= 1, p
                assert len(exc.to_frame()) == len(exc.problems) and "Traceback" not in str(exc)
            else:
                assert prepared.years == [2025]
                assert all(c.removed == 0 for c in versions.diff(content, prepared.frames, prepared.years))
                for name, frame in prepared.frames.items():
                    for col in frame.select_dtypes("number"):
                        assert not frame[col].isin([float("inf"), float("-inf")]).any(), (name, col)
        assert _counts(engine) == before

    check()


# --------------------------------------------------------------------------- versions, failures, concurrency


def test_versions_rollback_and_statuses(engine, frames):
    v1 = _published(engine, frames)
    original = _content(engine)
    nxt = _year(frames, 2024, 2025)
    nxt["budget_unit"].loc[0, "realisasi_rp"] = 123.0
    v2 = versions.publish_frames(
        engine, nxt, PLANNER, file_name="lkj2025.xlsx", sha256="abc", years=[2025], base_version=v1
    )
    assert db.years_loaded(engine)[-1] == 2025
    with_2025 = _content(engine)
    loads = _max_load(engine)
    with pytest.raises(auth.PermissionDenied):
        versions.rollback(engine, v1, PLANNER)
    v3 = versions.rollback(engine, v1, ADMIN)
    _assert_same(_content(engine), original)
    assert _max_load(engine) == loads + 1
    table = versions.list_versions(engine).set_index("id")
    assert table.loc[v3, "status"] == "current" and table.loc[v3, "restored_from"] == v1
    assert table.loc[v2, "status"] == "rolled_back" and table.loc[v1, "status"] == "superseded"
    assert "snapshot" not in table.columns
    # and forward again: version 2's content is still there to restore
    versions.rollback(engine, v2, ADMIN)
    _assert_same(_content(engine), with_2025)
    with pytest.raises(versions.PublishError, match="sudah versi terkini"):
        versions.rollback(engine, versions.current_version(engine), ADMIN)
    assert ("rollback", "ok") in _audit(engine)


def test_stale_preview_is_refused_and_nothing_written(engine, frames):
    v1 = _published(engine, frames)
    nxt = _year(frames, 2024, 2025)
    versions.publish_frames(engine, nxt, PLANNER, file_name="a.xlsx", sha256="a", years=[2025], base_version=v1)
    after_first = _content(engine)
    with pytest.raises(versions.VersionConflict, match="data sudah diubah orang lain: versi terkini sekarang 2"):
        versions.publish_frames(engine, nxt, ADMIN, file_name="b.xlsx", sha256="b", years=[2025], base_version=v1)
    _assert_same(_content(engine), after_first)
    assert versions.current_version(engine) == v1 + 1
    assert _audit(engine)[-1] == ("publikasi", "gagal")


def test_two_publishers_at_once_one_wins(engine, frames):
    v1 = _published(engine, frames)
    results: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def publish(who: str, year: int) -> None:
        barrier.wait()
        try:
            results[who] = versions.publish_frames(
                engine, _year(frames, 2024, year), PLANNER, file_name=who, sha256=who, years=[year], base_version=v1
            )
        except versions.VersionConflict as exc:
            results[who] = exc

    threads = [threading.Thread(target=publish, args=(w, y)) for w, y in (("a", 2025), ("b", 2026))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    wins = [w for w, r in results.items() if isinstance(r, int)]
    losses = [w for w, r in results.items() if isinstance(r, versions.VersionConflict)]
    assert len(wins) == 1 and len(losses) == 1, results
    loaded = set(db.years_loaded(engine))
    assert ({2025, 2026} & loaded) == {2025 if wins == ["a"] else 2026}  # nothing interleaved
    assert versions.current_version(engine) == v1 + 1


def test_exception_mid_write_keeps_previous_version(engine, frames, monkeypatch):
    v1 = _published(engine, frames)
    before = _content(engine)
    fail_on_table(monkeypatch, 6, "listrik padam")
    with pytest.raises(RuntimeError, match="listrik padam"):
        versions.publish_frames(
            engine, _year(frames, 2024), PLANNER, file_name="x", sha256="x", years=[2024], base_version=v1
        )
    monkeypatch.undo()  # writes work again (the only patch of this test), so the content can be read
    assert versions.current_version(engine) == v1 and len(versions.list_versions(engine)) == 1
    _assert_same(_content(engine), before)


def test_database_error_keeps_previous_version(engine, frames):
    v1 = _published(engine, frames)
    before = _content(engine)
    bad = _year(frames, 2024)
    bad["unit"] = pd.concat([bad["unit"], bad["unit"].iloc[[0]]], ignore_index=True)  # violates uq_unit_key
    with pytest.raises(versions.PublishFailed, match="publikasi gagal: basis data menolak penulisan"):
        versions.publish_frames(engine, bad, PLANNER, file_name="x", sha256="x", years=[2024], base_version=v1)
    assert versions.current_version(engine) == v1
    _assert_same(_content(engine), before)


_SLOW_PUBLISH = """
import sys, time
from sqlalchemy import create_engine
from loaders import auth, db, versions
url, schema = sys.argv[1], sys.argv[2]
engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"} if schema else {})
frames = db.read_all(engine)
frames = {n: f[f["year"] == 2024].assign(year=2025) for n, f in frames.items()}
real = db._records
def slow(frame):
    print("menulis", flush=True)
    time.sleep(0.4)
    return real(frame)
db._records = slow
versions.publish_frames(engine, frames, auth.Actor("x", "admin"), file_name="slow", sha256="s",
                        years=[2025], base_version=None)
print("selesai", flush=True)
"""


def test_killed_process_mid_publish_keeps_previous_version(engine, frames):
    v1 = _published(engine, frames)
    before = _content(engine)
    schema = ""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.execute(text("SHOW search_path")).scalar_one()
    url = engine.url.render_as_string(hide_password=False)
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_PUBLISH, url, schema],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for _ in range(3):  # three tables written inside the open transaction
            line = proc.stdout.readline()
            assert line.strip() == "menulis", proc.stderr.read()
        proc.kill()
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    engine.dispose()
    assert versions.current_version(engine) == v1
    _assert_same(_content(engine), before)
    # the database is usable afterwards (no stale lock)
    versions.publish_frames(
        engine, _year(frames, 2024, 2025), ADMIN, file_name="y", sha256="y", years=[2025], base_version=v1
    )


def _no_workbook(monkeypatch, frames_by_file: dict) -> None:
    """Skip the (slow) workbook parsing: the 'file' read gives these frames as raw tables."""

    def fake(data, file_name):
        return [
            RawTable(n, f.astype(object), f"{file_name}, sheet '{n}'") for n, f in frames_by_file[file_name].items()
        ]

    monkeypatch.setattr(versions, "read_upload", fake)


def test_checks_errors_block_unless_an_admin_accepts(engine, frames, monkeypatch):
    _published(engine, frames)

    def stub(frames_, year):
        known = SimpleNamespace(rule_id="r1", row_key="k", year=year, severity="error", message_id="lama")
        new = SimpleNamespace(rule_id="r2", row_key="k", year=year, severity="error", message_id="baru")
        warn = SimpleNamespace(rule_id="r3", row_key="k", year=year, severity="warning", message_id="awas")
        pagu = frames_["budget_unit"]
        return [known, warn] + ([new] if (pagu["pagu_rp"] == 1.0).any() else [])

    nxt = _year(frames, 2024)
    nxt["budget_unit"].loc[0, "pagu_rp"] = 1.0
    _no_workbook(monkeypatch, {"t.xlsx": _year(frames, 2024), "t2.xlsx": nxt})
    fine = versions.prepare(engine, b"x", "t.xlsx", PLANNER, checks=stub)
    assert [f.message_id for f in fine.new_errors] == []  # the known error is already in the published data
    prepared = versions.prepare(engine, b"x", "t2.xlsx", PLANNER, checks=stub)
    assert [f.message_id for f in prepared.new_errors] == ["baru"]
    before = versions.current_version(engine)
    with pytest.raises(versions.ChecksFailed, match="1 temuan Kualitas Data bertingkat error"):
        versions.publish(engine, prepared, PLANNER)
    with pytest.raises(auth.PermissionDenied):
        versions.publish(engine, prepared, PLANNER, accept_errors=True)
    assert versions.current_version(engine) == before
    vid = versions.publish(engine, prepared, ADMIN, accept_errors=True)
    assert "1 temuan error diterima oleh admin" in versions.list_versions(engine).set_index("id").loc[vid, "note"]


def test_the_check_runner_is_passed_in_never_defaulted():
    """loaders sit below kpi: ``prepare`` takes the runner (``kpi.checks.run_checks``) from its caller."""
    import inspect

    param = inspect.signature(versions.prepare).parameters["checks"]
    assert param.default is inspect.Parameter.empty
    assert not hasattr(versions, "default_checks")
    with pytest.raises(TypeError, match="checks"):
        versions.prepare(None, b"", "x.xlsx", PLANNER)


def test_a_crashing_check_is_an_error_not_a_traceback(tmp_path, frames, monkeypatch):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    _published(engine, frames)

    def boom(frames_, year):
        raise TypeError("unsupported operand")

    _no_workbook(monkeypatch, {"t.xlsx": _year(frames, 2024)})
    prepared = versions.prepare(engine, b"x", "t.xlsx", PLANNER, checks=boom)
    assert [f.severity for f in prepared.findings] == ["error"]  # issue 14: it blocks publishing
    assert "tidak dapat dijalankan" in prepared.findings[0].message_id


# --------------------------------------------------------------------------- users and audit


def test_users_hashes_lockout_and_roles(engine):
    auth.create_user(engine, "rina", "kata-sandi-panjang", "perencana", by="cli:root")
    with engine.connect() as conn:
        stored = conn.execute(select(db.app_user.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "kata-sandi-panjang" not in stored
    with pytest.raises(auth.AuthError, match="sudah dipakai"):
        auth.create_user(engine, "rina", "kata-sandi-panjang", "admin")
    with pytest.raises(auth.AuthError, match="minimal 10 karakter"):
        auth.create_user(engine, "budi", "pendek", "admin")
    assert auth.authenticate(engine, "rina", "kata-sandi-panjang") == auth.Actor("rina", "perencana")
    with pytest.raises(auth.AuthError, match="nama pengguna atau kata sandi salah"):
        auth.authenticate(engine, "rina", "salah")
    with pytest.raises(auth.AuthError, match="nama pengguna atau kata sandi salah"):
        auth.authenticate(engine, "tidak-ada", "apa saja")
    for _ in range(4):
        with pytest.raises(auth.AuthError, match="^nama pengguna atau kata sandi salah$"):
            auth.authenticate(engine, "rina", "salah")
    # issue 14: the 6th failure from one client starts a wait for that client, worded as for any name
    with pytest.raises(auth.AuthError, match="nama pengguna atau kata sandi salah; coba lagi dalam 30 detik"):
        auth.authenticate(engine, "rina", "salah")
    with pytest.raises(auth.AuthError, match="terlalu banyak percobaan masuk yang gagal"):
        auth.authenticate(engine, "rina", "kata-sandi-panjang")  # even the right password, while it waits
    with engine.begin() as conn:
        conn.execute(update(db.login_throttle).values(blocked_until=datetime.now(UTC) - timedelta(minutes=1)))
    assert auth.authenticate(engine, "rina", "kata-sandi-panjang").role == "perencana"
    log = _audit(engine)
    assert log.count(("login", "gagal")) == 7 and ("login", "terkunci") in log and log[-1] == ("login", "ok")
    # roles: server-side refusals
    with pytest.raises(auth.PermissionDenied):
        versions.prepare(engine, b"", "x.xlsx", VIEWER, checks=None)
    with pytest.raises(auth.PermissionDenied):
        versions.publish_frames(engine, {}, VIEWER, file_name="x", sha256="x", years=[2024], base_version=None)
    with pytest.raises(auth.PermissionDenied):
        auth.set_role(engine, "rina", "admin", auth.Actor("rina", "perencana"))
    auth.set_role(engine, "rina", "viewer", ADMIN)
    auth.set_active(engine, "rina", False, ADMIN)
    with pytest.raises(auth.AuthError):
        auth.authenticate(engine, "rina", "kata-sandi-panjang")
    users = auth.list_users(engine)
    assert "password_hash" not in users.columns and users.loc[0, "role"] == "viewer"
    assert _audit(engine).count(("pengguna", "ok")) == 3


def test_sessions_expire_and_follow_the_database(engine, monkeypatch):
    auth.create_user(engine, "ani", "kata-sandi-panjang", "admin")
    state: dict = {}
    auth.start_session(state, auth.authenticate(engine, "ani", "kata-sandi-panjang"))
    assert auth.session_actor(state, engine) == auth.Actor("ani", "admin")
    auth.set_role(engine, "ani", "perencana", auth.Actor("root", "admin"))
    assert auth.session_actor(state, engine).role == "perencana"  # demotion applies at once
    monkeypatch.setenv("DASBOR_SESSION_MINUTES", "1")
    state[auth.SESSION_KEY]["since"] = (datetime.now(UTC) - timedelta(minutes=2)).isoformat()
    assert auth.session_actor(state, engine) is None and auth.SESSION_KEY not in state


def test_settings_from_env_and_secrets_file(tmp_path, monkeypatch):
    from loaders import config

    monkeypatch.delenv("DASBOR_VIEW_REQUIRES_LOGIN", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('DASBOR_VIEW_REQUIRES_LOGIN = "true"\nDASBOR_MAX_UPLOAD_MB = 5\n[auth]\nx = 1\n')
    monkeypatch.setattr(config, "SECRETS_FILE", secrets)
    assert auth.view_requires_login() is True
    from loaders.readers import max_upload_bytes

    assert max_upload_bytes() == 5 * 1024 * 1024
    monkeypatch.setenv("DASBOR_VIEW_REQUIRES_LOGIN", "0")
    assert auth.view_requires_login() is False
    assert (ROOT / ".streamlit" / "secrets.toml.example").is_file()


def test_audit_log_has_no_update_or_delete_path():
    import inspect

    source = inspect.getsource(audit)
    assert "update(" not in source and "delete(" not in source
    assert [n for n, _ in inspect.getmembers(audit, inspect.isfunction) if n in ("record", "read")] == [
        "read",
        "record",
    ]


def test_read_workbook_still_accepts_a_path(tmp_path, frames):
    path = tmp_path / "u.xlsx"
    write_workbook({"unit": frames["unit"]}, path)
    assert len(validate(read_workbook(path), require_all=False)["unit"]) == len(frames["unit"])


def test_data_loaded_before_versions_becomes_a_baseline(tmp_path, frames):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    db.replace_all(engine, frames, "data")  # an old database: data, no versions
    before = _content(engine)
    assert versions.current_version(engine) == 0
    vid = versions.publish_frames(
        engine, _year(frames, 2024, 2025), PLANNER, file_name="a", sha256="a", years=[2025], base_version=0
    )
    table = versions.list_versions(engine).set_index("id")
    assert vid == 2 and table.loc[1, "file_name"] == "data sebelum versi pertama" and table.loc[2, "base_version"] == 1
    versions.rollback(engine, 1, ADMIN)
    _assert_same(_content(engine), before)
