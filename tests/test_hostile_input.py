"""Issue 14: one test per way an upload, a login or a setting broke an output, tried as an attacker would.

Each asserts what the user now sees (a refusal that names sheet, row, column, value and limit, or the
output rendered safely) and, after a refusal, that the database is as it was. Database tests run on
SQLite and PostgreSQL (the ``engine`` fixture).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
import unicodedata
import zipfile
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from kpi.checks import run_checks
from loaders import audit, auth, config, db, readers, versions
from loaders.datasets import DATASETS
from loaders.readers import WorkbookError, read_upload
from loaders.schema import LONG_TEXT_LENGTH, TEXT_LENGTH
from loaders.validate import MAX_VALUE_SHOWN, ValidationError
from loaders.workbook import neutralise, unneutralise, write_workbook
from tests.conftest import ROOT, open_sections
from tests.test_limits import HOSTILE, PAGES, YEAR, _accepted, _mutable, engine_url

ADMIN = auth.Actor("admin", "admin")
PLANNER = auth.Actor("rina", "perencana")


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def loaded(engine, frames):
    """The LKj 2024 as built by ``python -m loaders build`` (version 1)."""
    versions.publish_all(engine, frames, ADMIN, "data")
    return engine


def _year(frames: dict, year: int = YEAR) -> dict[str, pd.DataFrame]:
    return {n: f[f["year"] == year].reset_index(drop=True).astype(object) for n, f in frames.items()}


def _xlsx(frames: dict) -> bytes:
    buf = io.BytesIO()
    write_workbook(frames, buf)
    return buf.getvalue()


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content.encode("utf-8"))
    return buf.getvalue()


def _csv_zip(frames: dict) -> bytes:
    return _zip({f"{n}.csv": f.to_csv(index=False) for n, f in frames.items()})


def _state(engine) -> tuple:
    """What a refusal must leave as it was: the current version, the load log and every table's rows."""
    with engine.connect() as conn:
        load = conn.execute(select(func.max(db.data_load.c.load_id))).scalar_one()
    content = {n: f.sort_values(list(f.columns[:3])).reset_index(drop=True) for n, f in db.read_all(engine).items()}
    return versions.current_version(engine), load, content


def _assert_unchanged(engine, before: tuple) -> None:
    version, load, content = _state(engine)
    assert (version, load) == before[:2]
    for name, frame in content.items():
        pd.testing.assert_frame_equal(frame, before[2][name], obj=name)


def _refused(engine, data: bytes, file_name: str) -> ValidationError:
    """Upload ``data``; it must be refused with nothing written and a ``validasi gagal`` audit row."""
    before = _state(engine)
    with pytest.raises(ValidationError) as info:
        versions.prepare(engine, data, file_name, PLANNER, checks=run_checks)
    _assert_unchanged(engine, before)
    assert audit.read(engine, limit=1).loc[0, ["action", "outcome"]].tolist() == ["validasi", "gagal"]
    assert not str(info.value).startswith("Traceback")
    return info.value


def _problems(exc: ValidationError) -> list[str]:
    return [str(p) for p in exc.problems]


# --------------------------------------------------------------------------- numbers near the float limit


def test_a_number_near_the_float_limit_is_refused_with_its_limit(loaded, frames):
    """1E308 in an RB indicator score and 1,797E308 in an IKSS realisasi published before and broke every page."""
    book = _year(frames)
    book["rb_indicator"].loc[0, "skor"] = 1e308
    ikss = book["ikss_capaian"]
    ikss.loc[ikss["ikss_code"] == "produktivitas", "realisasi"] = 1.797e308
    exc = _refused(loaded, _xlsx(book), "lkj.xlsx")
    found = _problems(exc)
    assert (
        "lkj.xlsx, sheet 'rb_indicator', baris 2, kolom 'skor' berisi '1e+308': angka ≥ 0 dan ≤ 100: terlalu besar"
        in found
    )
    row = int(ikss.index[ikss["ikss_code"] == "produktivitas"][0]) + 2
    assert (
        f"lkj.xlsx, sheet 'ikss_capaian', baris {row}, kolom 'realisasi' berisi '1.797e+308': "
        "angka ≥ -10.000.000.000.000.000 dan ≤ 10.000.000.000.000.000: terlalu besar" in found
    )


def test_nan_and_infinity_are_refused_in_plain_words(loaded, frames):
    book = _year(frames)
    book["budget_unit"].loc[0, "pagu_rp"] = "nan"
    book["budget_unit"].loc[1, "pagu_rp"] = "inf"
    book["budget_unit"].loc[2, "pagu_rp"] = "1e999"
    book["budget_unit"].loc[3, "pagu_rp"] = "0.00001"
    exc = _refused(loaded, _csv_zip(book), "lkj.zip")
    words = (
        "nilai Rupiah (angka) ≥ 0 dan ≤ 10.000.000.000.000.000: tak hingga atau NaN bukan angka yang dapat dipakai; "
        "isi angka biasa"
    )
    for row, shown in ((2, "nan"), (3, "inf"), (4, "1e999")):
        assert f"lkj.zip/budget_unit.csv, baris {row}, kolom 'pagu_rp' berisi '{shown}': {words}" in _problems(exc)
    assert (
        "lkj.zip/budget_unit.csv, baris 5, kolom 'pagu_rp' berisi '0.00001': nilai Rupiah (angka) ≥ 0 dan "
        "≤ 10.000.000.000.000.000: terlalu dekat ke nol; angka bukan nol paling kecil 0,0001, isi 0 atau angka yang "
        "lebih besar" in _problems(exc)
    )


def test_a_crashing_check_blocks_publishing_even_for_an_admin(loaded, frames):
    """A check that raised was a mere warning: the data published and the pages broke on it."""
    before = _state(loaded)

    def crashing(frames_, year):  # a check with a bug, as an overflow once was
        raise OverflowError("cannot convert float infinity to integer")

    prepared = versions.prepare(loaded, _xlsx(_year(frames)), "lkj.xlsx", ADMIN, checks=crashing)
    assert [c.severity for c in prepared.crashes] == ["error"] and prepared.crashes[0] in prepared.new_errors
    assert "tidak dapat dijalankan" in prepared.crashes[0].message_id and ".py:" in prepared.crashes[0].error
    with pytest.raises(versions.ChecksFailed, match="tidak dapat diterima, juga oleh admin"):
        versions.publish(loaded, prepared, ADMIN, accept_errors=True)
    _assert_unchanged(loaded, before)
    assert audit.read(loaded, limit=1).loc[0, ["action", "outcome"]].tolist() == ["publikasi", "ditolak"]


def test_kpi_json_is_strict_json_at_the_edges(loaded, frames, capsys):
    """``kpi --json`` printed ``Infinity``: at the largest accepted values it prints finite numbers, and a value
    that is not finite becomes ``null`` (a database written before the bounds), never ``Infinity`` or ``NaN``."""
    import kpi.__main__ as kpi_cli

    book = _year(frames)
    ikss = book["ikss_capaian"]
    ikss.loc[ikss["ikss_code"] == "produktivitas", ["target", "realisasi"]] = [1e-4, 1e16]
    book["rb_indicator"]["skor"] = 100.0
    prepared = versions.prepare(loaded, _xlsx(book), "tepi.xlsx", ADMIN, checks=run_checks)
    assert prepared.crashes == []
    versions.publish(loaded, prepared, ADMIN, accept_errors=True)
    url = engine_url(loaded)
    for args in (["--json"], ["checks", "--json"]):
        capsys.readouterr()
        assert kpi_cli.main([*args, "--year", str(YEAR), "--database-url", url]) == 0
        out = capsys.readouterr().out
        assert "Infinity" not in out and "NaN" not in out
        json.loads(out, parse_constant=lambda name: pytest.fail(f"kpi printed {name}"))
    assert kpi_cli._plain(float("inf")) is None and kpi_cli._plain(float("nan")) is None
    with pytest.raises(ValueError, match="Out of range float"):
        kpi_cli._json({"x": float("inf")})  # strict: raise rather than print what is not JSON


# --------------------------------------------------------------------------- control characters, NUL, long text


def test_control_characters_and_nul_are_refused_with_their_place(loaded, frames):
    """Via a zip of CSVs, NUL and control characters reached the database and broke every Excel output."""
    book = _year(frames)
    book["unit"].loc[0, "name"] = "Sekretariat\x00Jenderal"
    book["unit"].loc[1, "short_name"] = "Itjen\x1b[31m"
    book["program"].loc[0, "name"] = "Program\u202eevil"
    book["pn"].loc[0, "name"] = "dua\nbaris"
    exc = _refused(loaded, _csv_zip(book), "lkj.zip")
    found = _problems(exc)
    assert (
        "lkj.zip/unit.csv, baris 2, kolom 'name' berisi 'Sekretariat<U+0000>Jenderal': berisi karakter tak terlihat "
        "U+0000 (NUL) di posisi 12; hapus karakter itu (teks harus satu baris tanpa karakter kendali)" in found
    )
    assert any("kolom 'short_name'" in p and "U+001B (escape) di posisi 6" in p for p in found)
    assert any("program.csv" in p and "U+202E (pengatur arah teks)" in p for p in found)
    assert any("pn.csv" in p and "U+000A (baris baru)" in p for p in found)


def test_excel_outputs_survive_control_characters_already_in_the_data(engine, frames):
    """Text that never went through validation (an old database, a login name) still makes every Excel file."""
    from loaders.template import template_bytes
    from report.xlsx import build_workbook
    from ui.widgets import to_csv_bytes, to_excel_bytes

    old = {n: f.copy() for n, f in frames.items()}
    # NUL cannot be stored by PostgreSQL at all; the other control characters can
    old["unit"].loc[old["unit"]["year"] == YEAR, "name"] = "Sekretariat\x01\x1b\x08Jenderal"
    db.replace_all(engine, old, "lama")
    stored = db.read_all(engine)
    for made in (
        build_workbook(stored, YEAR),
        template_bytes(stored, YEAR, YEAR + 1),
        to_excel_bytes(stored["unit"], "unit"),
    ):
        wb = load_workbook(io.BytesIO(made))
        names = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert "Sekretariat\ufffd\ufffd\ufffdJenderal" in names
    buf = io.BytesIO()
    write_workbook(stored, buf)  # python -m loaders export-xlsx
    exported = load_workbook(io.BytesIO(buf.getvalue()))["unit"]
    assert "Sekretariat\ufffd\ufffd\ufffdJenderal" in [c.value for c in exported["C"]]
    assert "Sekretariat\ufffd\ufffd\ufffdJenderal" in to_csv_bytes(stored["unit"]).decode("utf-8-sig")
    nul = pd.DataFrame({"name": pd.Series(["a\x00b"], dtype="str")})  # a login name, say
    assert load_workbook(io.BytesIO(to_excel_bytes(nul)))["data"]["A2"].value == "a\ufffdb"


def test_too_long_text_is_refused_by_validation_on_every_backend(loaded, frames):
    """On PostgreSQL a 600-character value passed validation and failed at publish with the SQL in a traceback."""
    book = _year(frames)
    book["unit"].loc[0, "short_name"] = "x" * 600  # a short text column: 500
    book["unit"].loc[1, "name"] = "n" * (LONG_TEXT_LENGTH + 1)
    book["pn"].loc[0, "name"] = "y" * 20_000  # 20 KB, once a crash of the PDF
    exc = _refused(loaded, _xlsx(book), "lkj.xlsx")
    found = _problems(exc)
    assert (
        "lkj.xlsx, sheet 'unit', baris 2, kolom 'short_name' berisi '" + "x" * MAX_VALUE_SHOWN + "…': teks terlalu "
        f"panjang: 600 karakter; batasnya {TEXT_LENGTH} karakter" in found
    )
    assert any(
        "kolom 'name'" in p and f"1.001 karakter; batasnya {LONG_TEXT_LENGTH:,}".replace(",", ".") in p for p in found
    )
    assert any("sheet 'pn'" in p and "20.000 karakter" in p for p in found)
    assert max(len(p) for p in found) < 400  # a cell is quoted by its start, not whole


def test_a_megabyte_cell_is_refused_in_seconds_and_quoted_short(loaded, frames):
    book = _year(frames)
    book["pn"].loc[0, "name"] = "z" * 1_000_000
    started = time.monotonic()
    exc = _refused(loaded, _csv_zip(book), "lkj.zip")
    assert time.monotonic() - started < 30  # was minutes and a gigabyte in the PDF
    assert len(str(exc)) < 20_000 and "1.000.000 karakter" in str(exc)


def test_names_at_their_longest_publish_and_every_output_renders(loaded, frames, monkeypatch, capsys):
    """The longest names validation accepts (1.000 characters, Unicode, Markdown) publish on both backends and
    the pages, the PDF, the workbook and ``kpi`` render them (the PDF cuts a table cell with an ellipsis)."""
    from tests.test_limits import every_output

    book = _year(frames)
    long = _accepted("x" + unicodedata.normalize("NFC", HOSTILE) * 10, DATASETS["unit"].col("name"))
    assert len(long) == LONG_TEXT_LENGTH
    for name in ("unit", "program", "pn", "pn_item", "output_capaian", "sasaran", "ikss"):
        book[name]["name"] = long
    prepared = versions.prepare(loaded, _xlsx(book), "panjang.xlsx", ADMIN, checks=run_checks)
    assert prepared.crashes == []
    versions.publish(loaded, prepared, ADMIN, accept_errors=True)
    stored = db.read_all(loaded)["unit"]
    assert (stored.loc[stored["year"] == YEAR, "name"] == long).all()
    every_output(loaded, engine_url(loaded), monkeypatch, capsys)


# --------------------------------------------------------------------------- publish errors


def test_a_database_error_at_publish_is_a_clear_message_and_an_audit_row(loaded, frames):
    """Never a traceback quoting the SQL statement and the row values."""
    before = _state(loaded)
    bad = _year(frames)
    bad["unit"] = pd.concat([bad["unit"], bad["unit"].iloc[[0]]], ignore_index=True)  # violates uq_unit_key
    with pytest.raises(versions.PublishFailed) as info:
        versions.publish_frames(loaded, bad, PLANNER, file_name="x.xlsx", sha256="x", years=[YEAR], base_version=1)
    message = str(info.value)
    assert message.startswith("publikasi gagal: basis data menolak penulisan (")
    assert "INSERT" not in message and "SETJEN" not in message and "[SQL" not in message
    _assert_unchanged(loaded, before)
    row = audit.read(loaded, limit=1).iloc[0]
    assert (row["action"], row["outcome"]) == ("publikasi", "gagal") and "publikasi gagal" in row["detail"]


# --------------------------------------------------------------------------- Markdown


_LIVE_MARKDOWN = re.compile(r"(?<!\\)\]\(|(?<!\\)!\[|(?<!\\)<img|(?<!\\):red\[")
_PLAIN_ELEMENTS = {"Dataframe", "Code", "Json", "Text", "Table"}
_PLAIN_TYPES = {"vega_lite_chart", "arrow_vega_lite_chart", "arrow_data_frame", "code", "text", "json"}


def _strings(message, depth: int = 0):
    """Every string field of a protobuf message (nested messages too, lists of options not: shown as text)."""
    for _field, value in message.ListFields():
        if isinstance(value, str):
            yield value
        elif hasattr(value, "ListFields") and depth < 3:
            yield from _strings(value, depth + 1)


def _markdown_texts(node):
    """The texts of the page that Streamlit renders as Markdown: bodies, labels, help texts, captions, titles."""
    if type(node).__name__ in _PLAIN_ELEMENTS or getattr(node, "type", "") in _PLAIN_TYPES:
        return
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ListFields"):
        yield from _strings(proto)
    for child in getattr(node, "children", {}).values():
        yield from _markdown_texts(child)


def _live_page() -> None:
    import streamlit as st

    st.metric("[klik](http://evil.example/x)", "1")
    st.caption("![b](http://evil.example/b.png)")
    st.dataframe({"nama": ["[klik](http://evil.example/x)"]})


def test_the_markdown_scan_finds_a_live_link():
    """The scan below can fail: a link in a metric label or a caption is found, one in a table is not."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_live_page).run()
    found = [t for t in _markdown_texts(at._tree) if _LIVE_MARKDOWN.search(t)]
    assert found == ["[klik](http://evil.example/x)", "![b](http://evil.example/b.png)"]


def test_uploaded_names_are_shown_as_text_never_as_links_or_images(loaded, frames, monkeypatch):
    """A link or a remote image in an uploaded name became a clickable link, or a beacon every viewer fetched."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    book = _year(frames)
    for name, frame in book.items():
        for col in _mutable(name):
            if col.kind == "str" and col.name != "sumber":
                frame[col.name] = HOSTILE.strip()
    prepared = versions.prepare(loaded, _xlsx(book), "md.xlsx", ADMIN, checks=run_checks)
    versions.publish(loaded, prepared, ADMIN, accept_errors=True)
    monkeypatch.setenv("DATABASE_URL", engine_url(loaded))
    st.cache_resource.clear()
    live, seen = {}, {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["year"] = str(YEAR)
        at.run()
        if page != PAGES[0]:
            at.switch_page(page)
            at.run()
        assert not at.exception, (page, [e.message for e in at.exception])
        open_sections(at)  # every on-demand section too: what a page shows once everything is open
        shown = [t for t in _markdown_texts(at._tree) if "evil" in t or "merah" in t]
        seen[page] = len(shown)
        bad = [t for t in shown if _LIVE_MARKDOWN.search(t)]
        if bad:
            live[page] = bad[0][:300]
    assert sum(seen.values()) > 0, seen  # the names do reach Markdown elements (tile labels, captions)
    assert not live, live


# --------------------------------------------------------------------------- formulas in downloads


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://evil.example","klik")', "＝1+1", "\t=1+1", "\r=1+1", " =1+1", "+1+1", "-1+1", "@SUM(A1)"],
)
def test_a_login_name_never_becomes_a_formula_in_the_audit_download(engine, typed):
    """pandas 3 reads text columns as ``str``, which the old check of the dtype missed: the failed login's name
    became a live formula in the admin's Excel (and CSV) download of the audit log."""
    from ui.widgets import to_csv_bytes, to_excel_bytes
    from views import kelola

    with pytest.raises(auth.AuthError, match="nama pengguna atau kata sandi salah"):
        auth.authenticate(engine, typed, "apa saja", client="203.0.113.9")
    frame = audit.read(engine)
    assert str(frame["username"].dtype) == "str"  # the dtype the old check missed
    table = kelola.audit_table(frame, "id")
    ws = load_workbook(io.BytesIO(to_excel_bytes(table.raw, "audit")))["audit"]
    cells = [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert any(c.startswith("'") and c[1:].strip() == typed.strip() for c in cells)
    assert not _live_formulas(cells)
    rows = pd.read_csv(io.BytesIO(to_csv_bytes(table.raw)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert not _live_formulas(rows.to_numpy().ravel().tolist())
    assert neutralise(typed) == "'" + typed and unneutralise(neutralise(typed)) == typed


def _live_formulas(cells: list[str]) -> list[str]:
    """Cells a spreadsheet would run: starting (after spaces, tabs, line breaks) with a formula sign, unquoted."""
    signs = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
    return [c for c in cells if not c.startswith("'") and c.lstrip(" \t\r\n").startswith(signs)]


def test_every_writer_neutralises_by_value_whatever_the_dtype():
    from report.xlsx import build_workbook
    from ui.widgets import to_csv_bytes, to_excel_bytes

    frame = pd.DataFrame(
        {
            "str": pd.Series(["=1+1", "ok"], dtype="str"),
            "string": pd.Series(["＝2", None], dtype="string"),
            "object": pd.Series(["@x", 3], dtype=object),
            "category": pd.Series(["+1", "b"], dtype="category"),
            "number": [-1.5, 2.0],
        }
    )
    ws = load_workbook(io.BytesIO(to_excel_bytes(frame)))["data"]
    assert [c.value for c in ws[2]] == ["'=1+1", "'＝2", "'@x", "'+1", -1.5]
    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines()[1] == "'=1+1,'＝2,'@x,'+1,-1.5"
    unit = pd.DataFrame(
        {"year": [YEAR], "code": ["X"], "name": ["=cmd|'/c calc'!A1"], "short_name": ["s"], "sumber": ["t"]}
    )
    wb = load_workbook(io.BytesIO(build_workbook({"unit": unit.astype({"name": "str"})}, YEAR)))
    assert wb["unit"]["C2"].value == "'=cmd|'/c calc'!A1"


# --------------------------------------------------------------------------- costly files


def _bomb(sheets: int = 100, cells_per_sheet: int = 40_000) -> bytes:
    """A workbook of many large sheets of one repeated cell: tiny packed, about 1 MB of XML per sheet."""
    row = "".join(f'<c t="n"><v>{i % 10}</v></c>' for i in range(20))
    rows = "".join(f"<row>{row}</row>" for _ in range(cells_per_sheet // 20))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    )
    wb = Workbook()
    for i in range(sheets - 1):
        wb.create_sheet(f"s{i}")
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = sheet.encode()
            zf.writestr(info.filename, data)
    return out.getvalue()


def test_a_workbook_of_many_large_sheets_is_refused_in_seconds(loaded):
    """282 KB of 100 one-megabyte sheets were parsed for about 95 s of CPU before the refusal."""
    data = _bomb()
    assert len(data) < 600_000
    before = _state(loaded)
    started = time.process_time()
    with pytest.raises(WorkbookError) as info:
        versions.prepare(loaded, data, "bom.xlsx", PLANNER, checks=run_checks)
    assert time.process_time() - started < 15  # counted in the raw XML, never parsed
    assert "terlalu banyak sel: lebih dari 1.000.000 di seluruh workbook" in str(info.value)
    _assert_unchanged(loaded, before)


def test_cell_limits_per_sheet_and_reading_time_are_settings(monkeypatch):
    data = _bomb(sheets=2, cells_per_sheet=2_000)
    monkeypatch.setenv("DASBOR_MAX_SHEET_CELLS", "1000")
    with pytest.raises(
        WorkbookError, match="bom.xlsx, sheet 'Sheet'.*terlalu banyak sel: lebih dari 1.000 dalam satu sheet"
    ):
        read_upload(data, "bom.xlsx")
    monkeypatch.delenv("DASBOR_MAX_SHEET_CELLS")
    monkeypatch.setenv("DASBOR_MAX_READ_SECONDS", "0.000001")
    with pytest.raises(WorkbookError, match="membacanya makan waktu lebih dari"):
        read_upload(data, "bom.xlsx")


def test_a_cell_in_the_last_column_does_not_widen_every_row(frames):
    """A sheet that declares (or has one cell in) column XFD is read at most 200 columns wide."""
    from loaders.readers import MAX_COLUMNS, read_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "unit"
    ws.append(["year", "code", "name", "short_name", "sumber"])
    for r in frames["unit"].itertuples():
        ws.append([r.year, r.code, r.name, r.short_name, r.sumber])
    ws.cell(2, 16384, "jauh")
    buf = io.BytesIO()
    wb.save(buf)
    assert [r.frame.shape[1] for r in read_workbook(io.BytesIO(buf.getvalue()), "lebar.xlsx")] == [5]
    sheet = load_workbook(io.BytesIO(buf.getvalue()), read_only=True)["unit"]
    rows = readers._bounded_rows(sheet, 1000, "unit", readers._Deadline("lebar.xlsx"))
    assert max(len(r) for r in rows) == MAX_COLUMNS  # not 16.384 cells a row


# --------------------------------------------------------------------------- smaller cases


def test_a_zip_with_two_csvs_of_one_table_is_refused(loaded, frames):
    book = _year(frames)
    files = {f"{n}.csv": f.to_csv(index=False) for n, f in book.items()}
    files["lama/unit.csv"] = book["unit"].iloc[:1].to_csv(index=False)
    before = _state(loaded)
    with pytest.raises(WorkbookError) as info:
        versions.prepare(loaded, _zip(files), "dua.zip", PLANNER, checks=run_checks)
    assert (
        "tabel 'unit' ada dua kali di arsip (unit.csv dan lama/unit.csv); sertakan satu berkas .csv per tabel"
        in str(info.value)
    )
    _assert_unchanged(loaded, before)


def test_a_refusal_never_says_whether_a_name_exists(engine):
    auth.create_user(engine, "admin", "kata-sandi-panjang", "admin")
    answers = {}
    for name in ("admin", "tidak-ada"):
        for _ in range(auth.FREE_FAILURES + 2):
            try:
                auth.authenticate(engine, name, "salah", client="198.51.100.7")
            except auth.AuthError as exc:
                answers.setdefault(name, []).append(re.sub(r"\d+ (detik|menit)", "N", str(exc)))
    assert answers["admin"] == answers["tidak-ada"]
    assert answers["admin"][: auth.FREE_FAILURES] == ["nama pengguna atau kata sandi salah"] * auth.FREE_FAILURES
    assert answers["admin"][-1] == "terlalu banyak percobaan masuk yang gagal; coba lagi dalam N"
    assert not any("dikunci" in a or "kali" in a for a in answers["admin"])


def test_a_visitor_cannot_lock_the_admin_out(engine):
    """The guesses slow down the visitor's own client; the admin signs in from elsewhere, at once."""
    auth.create_user(engine, "admin", "kata-sandi-panjang", "admin")
    for _ in range(40):
        with pytest.raises(auth.AuthError):
            auth.authenticate(engine, "admin", "tebakan", client="203.0.113.66")
    with pytest.raises(auth.AuthError, match="terlalu banyak percobaan"):
        auth.authenticate(engine, "admin", "kata-sandi-panjang", client="203.0.113.66")  # even the right one
    assert auth.authenticate(engine, "admin", "kata-sandi-panjang", client="10.0.0.5").role == "admin"
    with engine.connect() as conn:
        user = conn.execute(select(db.app_user.c.locked_until, db.app_user.c.active)).one()
        waits = conn.execute(select(db.login_throttle.c.blocked_until)).scalars().all()
    assert user == (None, True)
    longest = max(auth._aware(w) for w in waits if w is not None) - datetime.now(UTC)
    assert longest <= timedelta(minutes=auth.LOCKOUT_MINUTES)  # a wait, never indefinite
    # the visitor's waits end: once over, the next try is heard again
    with engine.begin() as conn:
        conn.execute(update(db.login_throttle).values(blocked_until=datetime.now(UTC) - timedelta(seconds=1)))
    assert auth.authenticate(engine, "admin", "kata-sandi-panjang", client="203.0.113.66").role == "admin"


def test_a_login_name_with_nul_is_refused_not_a_database_error(engine):
    """PostgreSQL refuses NUL in text: the name is checked before any query and stored with U+FFFD."""
    with pytest.raises(auth.AuthError, match="nama pengguna atau kata sandi salah"):
        auth.authenticate(engine, "ad\x00min\ud800", "x", client="192.0.2.1\x00")
    assert audit.read(engine, limit=1).loc[0, "username"] == "ad\ufffdmin\ufffd"


def test_the_audit_log_is_append_only_in_the_database(engine):
    audit.record(engine, "budi", "login", "ok")
    statements = ["UPDATE audit_log SET outcome = 'gagal'", "DELETE FROM audit_log"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE audit_log")
    for statement in statements:
        with pytest.raises(SQLAlchemyError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    assert audit.read(engine)[["username", "outcome"]].values.tolist() == [["budi", "ok"]]


def test_a_mistyped_sqlite_path_is_reported_not_created(tmp_path, monkeypatch):
    typo = tmp_path / "dasbr.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{typo}")
    with pytest.raises(config.DatabaseNotFound, match="berkas SQLite yang tidak ada"):
        db.get_engine()
    assert not typo.exists()
    env = {"DATABASE_URL": f"sqlite:///{typo}", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "kpi", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "Periksa ejaannya" in done.stderr and "Traceback" not in done.stderr
    assert not typo.exists()
    done = subprocess.run(
        [sys.executable, "-m", "loaders", "versions"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1 and "Periksa ejaannya" in done.stderr and not typo.exists()
    assert db.get_engine(create=True).url.database == str(typo)  # python -m loaders build creates it


def test_make_run_listens_on_localhost_by_default():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^HOST\s*\?=\s*127\.0\.0\.1$", makefile, re.MULTILINE)
    assert "--server.address $(HOST)" in makefile
