"""The printable report and the workbook (issue 8): figures in Indonesian format, English headings, images, pages, the CLI.

Texts come from ``views/catalogue/report.py``, numbers from ``kpi.format`` (issue 13); a year
without printed figures (a new year before its report is printed) still gives a report.
"""

from __future__ import annotations

import io
import math
import re

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from kpi.__main__ import main as kpi_main
from loaders import db
from loaders.datasets import DATASETS
from report import data_version
from report.__main__ import main as report_main

YEAR = 2024
CHART_TITLES_ID = (
    "Capaian IKSS 2024",
    "Pagu dan realisasi per program 2024",
    "Penyerapan per unit Eselon I 2024",
    "Sumbangan tiap komponen PyB terhadap P 2024",
    "Nilai domain SPBE 2024",
    "Status 270 output Lampiran 6 (2024)",
)


@pytest.fixture(scope="module")
def db_frames(app_db):
    engine = db.get_engine(app_db)
    return db.read_all(engine), data_version(engine)


@pytest.fixture(scope="module")
def cli_files(app_db, tmp_path_factory):
    """Both files written by ``python -m report`` (the PDF in Indonesian, the default)."""
    out = tmp_path_factory.mktemp("report")
    pdf, xlsx = out / "laporan.pdf", out / "data.xlsx"
    assert report_main(["pdf", "--year", str(YEAR), "--out", str(pdf), "--database-url", app_db]) == 0
    assert report_main(["xlsx", "--year", str(YEAR), "--out", str(xlsx), "--database-url", app_db]) == 0
    return pdf.read_bytes(), xlsx.read_bytes()


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def test_cli_writes_both_files(cli_files):
    pdf, xlsx = cli_files
    assert pdf.startswith(b"%PDF-")
    assert xlsx[:2] == b"PK"


def test_kpi_report_points_to_python_m_report(app_db, tmp_path, capsys):
    """The kpi command builds no report (kpi sits below report): it says which command does."""
    out = tmp_path / "x.pdf"
    assert kpi_main(["report", "--year", "2024", "--format", "pdf", "--out", str(out), "--database-url", app_db]) == 2
    assert "python -m report pdf" in capsys.readouterr().err
    assert not out.exists()


def test_report_cli_refuses_a_year_not_loaded(app_db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert report_main(["pdf", "--year", "1999", "--out", str(out), "--database-url", app_db]) == 2
    assert "1999 is not loaded" in capsys.readouterr().err and not out.exists()


def test_pdf_has_headline_figures_in_indonesian_format(cli_files, db_frames):
    reader, pages = _text(cli_files[0])
    text = " ".join(pages)
    for figure in (
        "40,71 %",
        "93,94 %",
        "67,32 %",
        "89,52 %",
        "96,61 %",
        "Rp 6,14 T",
        "Rp 5,50 T",
        "4,01 %",
        "78,73",
        "3,42",
    ):
        assert figure in text, figure
    assert "Rp 6.144.346.237.000" in text  # Tabel 3.20 total, full amount
    for heading in (
        "Indikator Kinerja Sasaran Strategis",
        "Anggaran",
        "Indeks SPBE",
        "Reformasi Birokrasi",
        "Kualitas Data",
    ):
        assert heading in text
    assert "Belum tercapai" in text and "Hampir tercapai" in text  # status in words
    assert "Sumber: LKj Kemnaker 2024 — Tabel 3.2" in text
    assert "40.71" not in text  # no English decimal point under Indonesian
    assert f"versi data {db_frames[1]}" in pages[0]


def test_pdf_pages_are_numbered_and_in_range(cli_files):
    reader, pages = _text(cli_files[0])
    n = len(reader.pages)
    assert 6 <= n <= 14
    for i, page in enumerate(pages, start=1):
        assert f"Halaman {i} dari {n}" in page
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4 portrait
    assert reader.pages[0].mediabox.height == pytest.approx(841.89, abs=1)


def test_pdf_has_every_chart_as_a_crisp_image(cli_files):
    reader, pages = _text(cli_files[0])
    text = " ".join(pages)
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == len(CHART_TITLES_ID)
    for title in CHART_TITLES_ID:
        assert title in text, title
    for img in images:
        assert img.image.width >= 1200  # about 200 dpi across the 180 mm text width


def test_pdf_embeds_its_fonts(cli_files):
    reader = PdfReader(io.BytesIO(cli_files[0]))
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu" in f for f in fonts)
    descriptors = [
        f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for page in reader.pages[:1]
        for f in page["/Resources"]["/Font"].values()
    ]
    assert all("/FontFile2" in d for d in descriptors)


@pytest.fixture(scope="module")
def english_pdf(db_frames):
    """The English report, with a programme name that looks like markup and a formula (shown as plain text)."""
    from report.pdf import build_pdf

    frames, version = db_frames
    frames = dict(frames)
    programs = frames["budget_program"].copy()
    programs.loc[(programs["year"] == YEAR) & (programs["program_code"] == "WA"), "program_name"] = (
        "<b>Dukungan</b> =1+1"
    )
    frames["budget_program"] = programs
    return build_pdf(frames, YEAR, "en", data_version=version)


def test_english_pdf_has_english_headings_and_numbers(english_pdf):
    reader, pages = _text(english_pdf)
    text = " ".join(pages)
    for heading in (
        "Performance Report 2024",
        "Strategic goal indicators",
        "Budget",
        "Data quality",
        "Outputs below target",
    ):
        assert heading in text, heading
    assert "40.71%" in text and "Rp 6.14 tn" in text
    assert "Not achieved" in text and "Belum tercapai" not in text
    assert f"Page 1 of {len(reader.pages)}" in pages[0]
    assert "Halaman" not in text
    assert "<b>Dukungan</b> =1+1" in text  # data text is never interpreted


# --- workbook -----------------------------------------------------------------------------------


def _same(cell: object, value: object) -> bool:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return cell is None
    if isinstance(value, str):
        return cell == value or cell == "'" + value
    return cell == pytest.approx(float(value), rel=1e-12, abs=1e-9)


def test_workbook_reopens_and_equals_the_database(cli_files, db_frames):
    frames, version = db_frames
    wb = openpyxl.load_workbook(io.BytesIO(cli_files[1]))
    cover = wb.worksheets[0]
    assert cover.title == "Sampul"
    assert cover["A1"].value == "Data Laporan Kinerja Kemnaker 2024"
    assert cover["B4"].value == version
    expected = [name for name in DATASETS if (frames[name]["year"] == YEAR).any()]
    assert wb.sheetnames[1:] == expected
    for name in expected:
        ws = wb[name]
        rows = frames[name][frames[name]["year"] == YEAR].reset_index(drop=True)
        header = [c.value for c in ws[1]]
        assert header == list(rows.columns)
        assert ws.max_row == len(rows) + 1, name
        assert ws.freeze_panes == "A2"
        for i, row in enumerate(ws.iter_rows(min_row=2, values_only=True)):
            for col, cell in zip(header, row, strict=True):
                assert _same(cell, rows.at[i, col]), (name, i, col, cell, rows.at[i, col])


def test_workbook_number_formats(cli_files):
    wb = openpyxl.load_workbook(io.BytesIO(cli_files[1]))
    ws = wb["budget_program"]
    header = [c.value for c in ws[1]]
    fmt = {col: ws.cell(row=2, column=j).number_format for j, col in enumerate(header, start=1)}
    assert fmt["pagu_rp"] == "#,##0"
    assert fmt["penyerapan_pct"] == '#,##0.00" %"'
    assert fmt["year"] == "0"
    assert (
        sum(ws.cell(row=r, column=header.index("pagu_rp") + 1).value for r in range(2, ws.max_row + 1)) == 6144346237000
    )


def test_workbook_neutralises_formulas(db_frames):
    from report.xlsx import build_workbook

    frames, _ = db_frames
    frames = dict(frames)
    programs = frames["budget_program"].copy()
    programs.loc[(programs["year"] == YEAR) & (programs["program_code"] == "WA"), "program_name"] = (
        '=HYPERLINK("http://x")'
    )
    frames["budget_program"] = programs
    wb = openpyxl.load_workbook(io.BytesIO(build_workbook(frames, YEAR, "en")))
    assert wb.worksheets[0].title == "Cover"
    cells = [c for row in wb["budget_program"].iter_rows() for c in row if isinstance(c.value, str)]
    hit = [c for c in cells if "HYPERLINK" in c.value]
    assert [c.value for c in hit] == ['\'=HYPERLINK("http://x")']
    assert all(c.data_type == "s" for c in hit)
    assert not any(re.match(r"^[=+@]", c.value) for c in cells)


def _buttons_app() -> None:
    import streamlit as st

    from ui.report_buttons import report_downloads

    report_downloads(2024, st.query_params.get("lang", "id"))


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("id", ["Unduh Laporan (PDF)", "Unduh Workbook", "Unduh draf LKj (Word)"]),
        ("en", ["Download report (PDF)", "Download workbook", "Download LKj draft (Word)"]),
    ],
)
def test_app_download_buttons(app_db, lang, labels):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_buttons_app, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == labels
    assert all("report_" in b.proto.id for b in buttons)  # stable keys


# --- one catalogue, one formatter, any year ---------------------------------------------------


def test_report_carries_no_text_dicts_and_no_year():
    """The report's texts are the catalogue's (views/catalogue/report.py), and none names a year."""
    import ast
    from pathlib import Path

    from views.catalogue.report import TEXTS
    from views.i18n import texts

    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "report").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and node.values:
                pairs = [
                    v
                    for v in node.values
                    if isinstance(v, ast.Tuple)
                    and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
                ]
                assert not pairs, f"{path.name}:{node.lineno}: a bilingual text dict outside the catalogue"
    for key, pair in TEXTS.items():
        assert not any(re.search(r"\b20\d\d\b", text) for text in pair), key
    s = texts("report", "en")
    assert s("title") == "Performance Report" and s("status_merah") == "Not achieved"  # common falls back


def test_workbook_column_widths_use_the_app_digits():
    """The workbook measures its cells with kpi.format (half-up), not an f-string (half-even on binary)."""
    from report.xlsx import _shown

    pct = next(c for c in DATASETS["budget_program"].all_columns if c.name == "penyerapan_pct")
    assert _shown(89.525, pct, "id") == "89,53 %"
    assert _shown(2.675, pct, "en") == "2.68%"
    rp = next(c for c in DATASETS["budget_program"].all_columns if c.name == "pagu_rp")
    assert _shown(6144346237000, rp, "id") == "6.144.346.237.000"


@pytest.fixture(scope="module")
def frames_2025(db_frames):
    """2024 relabelled 2025 beside 2024, without 2025's printed figures (as a new year's template loads)."""
    frames, _ = db_frames
    out = {}
    for name, frame in frames.items():
        part = frame[frame["year"] == YEAR].assign(year=2025)
        if name == "printed_figure":
            part = part.iloc[0:0]
        out[name] = pd.concat([frame, part], ignore_index=True)
    bp = out["budget_program"]
    bp.loc[(bp["year"] == 2025) & (bp["program_code"] == "WA"), "realisasi_rp"] = 1_500_000_000_000
    return out


def test_pdf_of_a_year_without_printed_figures(frames_2025):
    from report.pdf import build_pdf

    assert not (frames_2025["printed_figure"]["year"] == 2025).any()
    reader, pages = _text(build_pdf(frames_2025, 2025, "id", data_version=7))
    text = " ".join(pages)
    assert "Laporan Kinerja 2025" in pages[0] and "versi data 7" in pages[0]
    assert "Sumber: LKj Kemnaker 2025 — Tabel 3.2" in text
    assert "Capaian IKSS 2025" in text and "Pagu dan realisasi per program 2025" in text
    assert "Realisasi 2024" in text  # the IKSS table compares with the year before
    assert "Rp 1.500.000.000.000" in text  # 2025's own figure, not 2024's
    assert "Capaian IKSS 2024" not in text


def test_workbook_of_a_year_without_printed_figures(frames_2025):
    from report.xlsx import build_workbook

    wb = openpyxl.load_workbook(io.BytesIO(build_workbook(frames_2025, 2025, "id", data_version=7)))
    assert wb.worksheets[0]["A1"].value == "Data Laporan Kinerja Kemnaker 2025"
    assert "printed_figure" not in wb.sheetnames and "budget_program" in wb.sheetnames
    assert {r[0] for r in wb["budget_program"].iter_rows(min_row=2, values_only=True)} == {2025}
