"""The command lines as a user types them (subprocesses): ``python -m report``, ``python -m kpi import``,
and the pointers left where commands moved (``python -m loaders import``, ``python -m kpi report``).

The database is a temporary SQLite file built from ``data/`` by ``python -m loaders build``.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import openpyxl
import pytest
from pypdf import PdfReader

from loaders import db, versions
from tests.conftest import ROOT


def _run(*args: str, url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    """A SQLite database built from data/ by the loaders' command line (version 1)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.sqlite'}"
    done = _run("loaders", "build", url=url)
    assert done.returncode == 0, done.stderr
    return url


def _pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_report_pdf_for_2024(built, tmp_path):
    out = tmp_path / "lkj2024.pdf"
    done = _run("report", "pdf", "--year", "2024", "--out", str(out), url=built)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = _pdf_text(out)
    assert "Laporan Kinerja 2024" in text and "40,71 %" in text and "Rp 6,14 T" in text
    assert "versi data 1" in text


def test_report_pdf_in_english(built, tmp_path):
    out = tmp_path / "lkj2024_en.pdf"
    done = _run("report", "pdf", "--year", "2024", "--lang", "en", "--out", str(out), url=built)
    assert done.returncode == 0, done.stderr
    text = _pdf_text(out)
    assert "Performance Report 2024" in text and "40.71%" in text and "Halaman" not in text


def test_report_xlsx_for_2024(built, tmp_path):
    out = tmp_path / "data2024.xlsx"
    done = _run("report", "xlsx", "--year", "2024", "--out", str(out), url=built)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.worksheets[0]["A1"].value == "Data Laporan Kinerja Kemnaker 2024"
    ws = wb["budget_program"]
    header = [c.value for c in ws[1]]
    pagu = header.index("pagu_rp") + 1
    assert sum(ws.cell(row=r, column=pagu).value for r in range(2, ws.max_row + 1)) == 6_144_346_237_000


def test_report_needs_a_loaded_year(built, tmp_path):
    out = tmp_path / "x.pdf"
    done = _run("report", "pdf", "--year", "1999", "--out", str(out), url=built)
    assert done.returncode == 2 and "1999 is not loaded" in done.stderr and not out.exists()


def test_kpi_report_points_to_report(built, tmp_path):
    out = tmp_path / "x.pdf"
    done = _run("kpi", "report", "--year", "2024", "--format", "pdf", "--out", str(out), url=built)
    assert done.returncode == 2 and "python -m report pdf" in done.stderr and not out.exists()


def test_kpi_import_publishes_a_workbook(tmp_path):
    """A template of 2024 as loaded, imported back: validated, checked (no new error), published as version 2."""
    url = f"sqlite:///{tmp_path / 'imp.sqlite'}"
    assert _run("loaders", "build", url=url).returncode == 0
    book = tmp_path / "lkj2024.xlsx"
    done = _run("loaders", "template", "--year", "2024", "--out", str(book), url=url)
    assert done.returncode == 0, done.stderr
    done = _run("kpi", "import", str(book), "--user", "budi", url=url)
    assert done.returncode == 0, done.stderr
    assert "Kualitas Data:" in done.stderr and "(0 baru karena unggahan ini)" in done.stderr
    assert "published version 2" in done.stdout and "2024" in done.stdout
    engine = db.get_engine(url)
    listed = versions.list_versions(engine).set_index("id")
    assert listed.loc[2, "published_by"] == "cli:budi" and listed.loc[2, "status"] == "current"
    assert listed.loc[2, "file_name"] == "lkj2024.xlsx"


def test_kpi_import_refuses_a_broken_file(built, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    before = versions.current_version(db.get_engine(built))
    done = _run("kpi", "import", str(bad), "--user", "budi", url=built)
    assert done.returncode == 1 and "bad.xlsx" in done.stderr
    assert versions.current_version(db.get_engine(built)) == before


def test_loaders_import_points_to_kpi(built, tmp_path):
    book = tmp_path / "lkj.xlsx"
    book.write_bytes(b"whatever")
    before = versions.current_version(db.get_engine(built))
    done = _run("loaders", "import", str(book), "--user", "budi", url=built)
    assert done.returncode == 2
    assert "python -m kpi import" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert versions.current_version(db.get_engine(built)) == before


def test_kpi_import_of_a_csv_folder(tmp_path):
    """A folder of CSVs is read as the upload of a .zip of them: validated, checked and published."""
    url = f"sqlite:///{tmp_path / 'dir.sqlite'}"
    assert _run("loaders", "build", url=url).returncode == 0
    done = _run("kpi", "import", str(ROOT / "data"), "--user", "budi", url=url)
    assert done.returncode == 0, done.stderr
    assert "(0 baru karena unggahan ini)" in done.stderr and "published version 2" in done.stdout
