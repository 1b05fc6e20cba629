"""The new-year template (issue 13): ``python -m loaders template --year 2024 --as-year 2025`` prefills the
data tables with 2024 relabelled 2025 and leaves the report-text figures (``printed_figure``) empty,
since printed figures belong to a published report; a template of a year as loaded keeps them.
Importing the new year's template with ``python -m kpi import`` publishes 2025 beside 2024.

(How many error findings a 2025 import has is the checks' business, not asserted here.)
"""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from kpi.__main__ import main as kpi_main
from kpi.headline import headline
from loaders import db, versions
from loaders.__main__ import main as loaders_main
from loaders.datasets import DATASETS
from loaders.readers import read_workbook
from loaders.template import REPORT_TEXT_DATASETS, template_bytes
from loaders.validate import validate


@pytest.fixture(scope="module")
def url(tmp_path_factory, frames) -> str:
    """A database holding the committed data (2024 and its comparison years) as version 1."""
    from loaders import auth

    url = f"sqlite:///{tmp_path_factory.mktemp('newyear') / 'newyear.sqlite'}"
    versions.publish_all(db.get_engine(url), frames, auth.Actor("cli:test", "admin"), "data")
    return url


@pytest.fixture(scope="module")
def book_2025(url, tmp_path_factory):
    """The new year's template written by the command line."""
    path = tmp_path_factory.mktemp("book") / "lkj2025.xlsx"
    assert (
        loaders_main(["--database-url", url, "template", "--year", "2024", "--as-year", "2025", "--out", str(path)])
        == 0
    )
    return path


def _rows(path, sheet: str) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    return [r for r in wb[sheet].iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def test_new_year_template_has_no_printed_figures(book_2025):
    assert REPORT_TEXT_DATASETS == ("printed_figure",)
    wb = load_workbook(book_2025, read_only=True)
    header = [c.value for c in next(wb["printed_figure"].iter_rows(max_row=1))]
    assert header == [c.name for c in DATASETS["printed_figure"].all_columns]  # the sheet is there, to be filled later
    assert _rows(book_2025, "printed_figure") == []


def test_new_year_template_prefills_the_data_as_the_new_year(book_2025, frames):
    for name in ("budget_unit", "budget_program", "ikss_capaian", "output_capaian", "spbe_indicator"):
        rows = _rows(book_2025, name)
        assert len(rows) == (frames[name]["year"] == 2024).sum(), name
        assert {r[0] for r in rows} == {2025}, name
    typed = validate(read_workbook(book_2025), require_all=True)
    assert typed["printed_figure"].empty
    blanked = 0
    for name, frame in typed.items():
        if name in REPORT_TEXT_DATASETS:
            continue
        printed = [c.name for c in DATASETS[name].all_columns if c.printed]
        # the printed capaian/penyerapan columns belong to the 2024 report: empty until 2025's is printed
        assert frame[printed].isna().all().all(), name
        blanked += len(printed)
        source = frames[name][frames[name]["year"] == 2024].drop(columns=["year", *printed]).reset_index(drop=True)
        pd.testing.assert_frame_equal(
            frame.drop(columns=["year", *printed]).reset_index(drop=True), source, check_dtype=False, obj=name
        )
    assert blanked == 7  # ikss_capaian, pyb_program (2), job_creation, budget_program, budget_unit, output_capaian


def test_new_year_template_says_why_in_indonesian(book_2025):
    wb = load_workbook(book_2025, read_only=True)
    text = " ".join(str(r[0]) for r in wb["Petunjuk"].iter_rows(values_only=True) if r and r[0])
    assert "Berisi data tahun 2024 yang diberi label tahun 2025" in text
    assert "Sheet printed_figure sengaja kosong" in text and "milik laporan yang sudah terbit" in text
    assert "sampai LKj 2025 dicetak" in text
    assert "python -m kpi import" in text


def test_template_of_a_year_as_loaded_keeps_its_printed_figures(frames, tmp_path):
    path = tmp_path / "lkj2024.xlsx"
    path.write_bytes(template_bytes(frames, 2024))
    rows = _rows(path, "printed_figure")
    assert len(rows) == (frames["printed_figure"]["year"] == 2024).sum() > 0
    assert {r[0] for r in rows} == {2024}
    wb = load_workbook(path, read_only=True)
    text = " ".join(str(r[0]) for r in wb["Petunjuk"].iter_rows(values_only=True) if r and r[0])
    assert "termasuk angka tercetak" in text and "sengaja kosong" not in text
    # relabelling a year as itself is the year as loaded, too
    same = tmp_path / "same.xlsx"
    same.write_bytes(template_bytes(frames, 2024, as_year=2024))
    assert len(_rows(same, "printed_figure")) == len(rows)


def test_blank_template_has_no_rows(tmp_path):
    path = tmp_path / "blank.xlsx"
    path.write_bytes(template_bytes())
    assert _rows(path, "printed_figure") == [] and _rows(path, "budget_unit") == []


@pytest.fixture(scope="module")
def imported(url, book_2025) -> tuple[dict, dict]:
    """The database content before and after ``python -m kpi import`` of the new year's template."""
    engine = db.get_engine(url)
    before = db.read_all(engine)
    # --accept: the error findings of a copied year are the checks' business (issue 13), not these tests'
    assert kpi_main(["import", str(book_2025), "--user", "rina", "--accept", "--database-url", url]) == 0
    return before, db.read_all(engine)


def test_importing_the_new_year_publishes_it_beside_2024(url, imported):
    engine = db.get_engine(url)
    before, after = imported
    assert db.years_loaded(engine, "output_capaian")[-2:] == [2024, 2025]
    printed = after["printed_figure"]
    assert not (printed["year"] == 2025).any()
    pd.testing.assert_frame_equal(
        printed[printed["year"] == 2024].reset_index(drop=True),
        before["printed_figure"][before["printed_figure"]["year"] == 2024].reset_index(drop=True),
    )
    for name in ("budget_unit", "output_capaian"):
        assert (after[name]["year"] == 2025).sum() == (after[name]["year"] == 2024).sum() > 0
    assert headline(after, 2025)["budget_pagu_rp"] == headline(after, 2024)["budget_pagu_rp"]
    listed = versions.list_versions(engine).set_index("id")
    assert listed.loc[2, "years"] == "2025" and listed.loc[2, "published_by"] == "cli:rina"
    assert listed.loc[2, "status"] == "current"


def test_the_new_year_has_its_report_and_headline(url, imported, tmp_path, capsys):
    """With no printed figure of 2025 the commands still serve 2025, the newest year, by default."""
    from report.__main__ import main as report_main

    out = tmp_path / "lkj2025.pdf"
    assert report_main(["pdf", "--out", str(out), "--database-url", url]) == 0
    assert "pdf report 2025" in capsys.readouterr().err and out.read_bytes().startswith(b"%PDF-")
    assert kpi_main(["--json", "--database-url", url]) == 0
    assert '"year": 2025' in capsys.readouterr().out
