"""The Word draft of the LKj (issue 18): its tables equal the database, its structure is the report's.

``report.draft.build_docx`` writes every regenerated table (``report.tables``) as a Word table; the
tests read the .docx back with python-docx and compare it with the tables and with the database,
on SQLite and PostgreSQL. ``python -m report draft`` and the Ringkasan page's button write it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest
from docx import Document

from tests.conftest import ROOT

YEAR = 2024


@pytest.fixture(scope="module")
def docx_2024(frames) -> bytes:
    from report.draft import build_docx

    return build_docx(frames, YEAR, data_version=3)


def _body(table, rows):
    """The rows of a Word table after its header rows (two when the table has a printed group row)."""
    return rows[2 if table.groups else 1 :]


def test_the_docx_tables_equal_the_database(engine, frames):
    """Write the data to a database, read it back, build the draft: every Word table is the regenerated
    table of the database, cell for cell, and a few cells are checked against the database's own rows."""
    from loaders import db
    from report.draft import build_docx, docx_tables
    from report.tables import regenerate

    db.replace_all(engine, frames, "data")
    stored = db.read_all(engine)
    tables = [t for t in regenerate(stored, YEAR) if t.available]
    written = docx_tables(build_docx(stored, YEAR, data_version=1))
    assert len(written) == len(tables) == 32
    for table, rows in zip(tables, written, strict=True):
        assert _body(table, rows) == table.rows(), table.number
        # a column under a printed group is named on the second header row; one spanning both rows on the first
        header = [below or above for above, below in zip(rows[0], rows[1], strict=True)] if table.groups else rows[0]
        assert header == table.columns, table.number

    by = dict(zip([t.key for t in tables], written, strict=True))
    programs = stored["budget_program"][stored["budget_program"]["year"] == YEAR]
    assert by["T3.20"][-1][4] == "5.500.436.965.043" == f"{programs['realisasi_rp'].sum():,.0f}".replace(",", ".")
    outputs = stored["output_capaian"][stored["output_capaian"]["year"] == YEAR]
    assert len(by["L6"]) - 2 == len(outputs) == 571
    assert by["T3.2"][2] == [
        "Kontribusi terhadap Produktivitas Tenaga Kerja Nasional",
        "2,70%",
        "3,72%",
        "9,85%",
        "4,01%",
        "40,71%",
    ]
    assert by["T3.3"][-1][0] == "Kontribusi terhadap Produktivitas Tenaga Kerja Nasional"
    assert by["T3.3"][-1][1] == ""  # the total's label spans the programme column, as printed
    assert by["L8.indikator"][1:3] == [
        ["1", "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi", "3"],
        ["2", "Tingkat Kematangan Kebijakan Internal Peta Rencana SPBE Instansi", "3"],
    ]


def test_the_draft_follows_the_lkj_outline(docx_2024):
    doc = Document(io.BytesIO(docx_2024))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    chapters = [h for h in headings if h.startswith("BAB") or h == "LAMPIRAN"]
    assert chapters == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    assert (
        "3.3. Analisis Kinerja Anggaran" in headings
        and "Lampiran 6. Capaian Output Kementerian Ketenagakerjaan 2024" in headings
    )
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    numbers = [c for c in captions if c.startswith("Tabel ")]
    assert numbers == [f"Tabel 2.{i}" for i in range(1, 5)] + [f"Tabel 3.{i}" for i in range(1, 25)]
    assert captions[captions.index("Tabel 3.20") + 1] == "Pagu dan Realisasi Anggaran Berdasarkan Program"


def test_each_table_has_its_facts_and_a_place_for_the_writer(docx_2024):
    doc = Document(io.BytesIO(docx_2024))
    paragraphs = doc.paragraphs
    writer = [p for p in paragraphs if p.style.name == "Analisis Penulis" and p.text.startswith("[ANALISIS PENULIS")]
    assert len(writer) >= 32  # one after each table, one after the executive summary
    after_320 = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Sumber: Tabel 3.20"))
    facts = paragraphs[after_320 + 1].text
    assert facts.startswith("Pagu anggaran tahun 2024 sebesar Rp6.144.346.237.000 dengan realisasi Rp5.500.436.965.043")
    assert "(penyerapan 89,52 %)" in facts and "naik Rp156.535.339.000 dibanding tahun 2023" in facts
    assert paragraphs[after_320 + 2].style.name == "Analisis Penulis"
    text = "\n".join(p.text for p in paragraphs)
    assert "capaian kinerja SS-1 sebesar 40,71 % dan SS-2 sebesar 93,94 %" in text
    assert "[Tabel 3.1 tidak tersedia di basis data" in text


def test_the_draft_is_editable_word_not_pictures(docx_2024):
    doc = Document(io.BytesIO(docx_2024))
    assert len(doc.inline_shapes) == 0
    assert {t.style.name for t in doc.tables} == {"Table Grid"}
    first = doc.tables[0]
    header = first.rows[0]._tr
    assert (
        header.trPr is not None
        and header.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    )
    total, detail = doc.tables[2].rows[-1].cells[0], doc.tables[2].rows[1].cells[0]  # Tabel 2.3
    assert total.text == "TOTAL" and all(r.bold for p in total.paragraphs for r in p.runs)
    assert not any(r.bold for p in detail.paragraphs for r in p.runs)
    assert doc.sections[-1].orientation == 1  # the appendices on landscape pages


def test_cli_writes_the_draft(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
        )

    assert run("loaders", "build").returncode == 0
    out = tmp_path / "lkj2024.docx"
    done = run("report", "draft", "--year", "2024", "--out", str(out))
    assert done.returncode == 0, done.stderr
    doc = Document(str(out))
    assert len(doc.tables) == 32 and "versi data 1" in "\n".join(p.text for p in doc.paragraphs)
    listing = run("report", "tables", "--year", "2024")
    assert (
        listing.returncode == 0
        and "Tabel 3.20   Pagu dan Realisasi Anggaran Berdasarkan Program: 4 baris" in listing.stdout
    )
    assert run("report", "draft", "--year", "2024").returncode == 2  # --out is needed


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_draft(docx_2024, tmp_path):
    path = tmp_path / "lkj.docx"
    path.write_bytes(docx_2024)
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    reader = PdfReader(str(tmp_path / "lkj.pdf"))
    assert len(reader.pages) > 30
    text = " ".join(page.extract_text() for page in reader.pages[:25])
    assert "Tabel 3.20" in text and "6.144.346.237.000" in text


def _buttons_app() -> None:
    import streamlit as st

    from ui.report_buttons import report_downloads

    report_downloads(int(st.query_params.get("year", "2024")), st.query_params.get("lang", "id"))


@pytest.mark.parametrize(("lang", "label"), [("id", "Unduh draf LKj (Word)"), ("en", "Download LKj draft (Word)")])
def test_the_page_button_downloads_the_draft_of_the_chosen_year(app_db, lang, label):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_buttons_app, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    button = next(
        b for b in at.get("download_button") if b.proto.id.endswith("report_docx") or "report_docx" in b.proto.id
    )
    assert button.proto.label == label
    assert "2024" in button.proto.help


def test_the_button_file_is_the_draft(app_db):
    from ui.report_buttons import report_docx

    content = report_docx(1, 2024)
    doc = Document(io.BytesIO(content))
    assert doc.paragraphs[6].text == "LAPORAN KINERJA" and len(doc.tables) == 32
