"""Building the database from data/ and from a workbook: all or nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from sqlalchemy import func, select

from kpi.__main__ import main as kpi_main
from loaders import db
from loaders.__main__ import main as loaders_main
from loaders.readers import WorkbookError, read_csv_dir, read_workbook
from loaders.validate import ValidationError, validate
from loaders.workbook import write_workbook
from tests.conftest import DATA_DIR, fail_on_table


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {n: conn.execute(select(func.count()).select_from(t)).scalar_one() for n, t in db.TABLES.items()}


def test_build_twice_gives_the_same_rows(engine, frames):
    db.replace_all(engine, frames, "data")
    first = _counts(engine)
    db.replace_all(engine, frames, "data")
    assert _counts(engine) == first
    assert first == {name: len(frame) for name, frame in frames.items()}
    budget = db.read_table(engine, "budget_unit", 2024)
    assert len(budget) > 0


def test_round_trip_of_every_table(engine, frames):
    db.replace_all(engine, frames, "data")
    for name, frame in frames.items():
        back = db.read_table(engine, name)
        pd.testing.assert_frame_equal(
            back.reset_index(drop=True), frame.reset_index(drop=True), check_dtype=False, obj=name
        )


def test_failure_halfway_leaves_old_data(engine, frames, monkeypatch):
    db.replace_all(engine, frames, "data")
    before = _counts(engine)
    calls = fail_on_table(monkeypatch, 5, "power cut")
    with pytest.raises(RuntimeError, match="power cut"):
        db.replace_all(engine, frames, "data")
    assert calls["n"] == 5
    assert _counts(engine) == before


def test_a_first_build_that_fails_leaves_no_tables(engine, frames, monkeypatch):
    """The schema is created inside the build's transaction (SQLite too): a failed first build leaves nothing."""
    from sqlalchemy import inspect

    fail_on_table(monkeypatch, 3, "power cut")
    with pytest.raises(RuntimeError, match="power cut"):
        db.replace_all(engine, frames, "data")
    assert inspect(engine).get_table_names() == []


def _broken_copy(tmp_path, name: str, edit) -> object:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("*.py", "extract", "__pycache__", "*.md"))
    path = folder / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    edit(frame)
    frame.to_csv(path, index=False)
    return folder


def test_malformed_csv_lists_every_problem_and_writes_nothing(engine, frames, tmp_path):
    db.replace_all(engine, frames, "data")
    before = _counts(engine)

    def break_it(frame):
        frame.loc[0, "pagu_rp"] = "-5"
        frame.loc[1, "realisasi_rp"] = "banyak"
        frame.loc[2, "unit_code"] = "DITJEN_X"

    folder = _broken_copy(tmp_path, "budget_unit", break_it)
    pk = pd.read_csv(folder / "pk_pagu_program.csv", dtype=str, keep_default_na=False)
    pk.drop(columns=["pagu_rp"]).to_csv(folder / "pk_pagu_program.csv", index=False)

    with pytest.raises(ValidationError) as info:
        validate(read_csv_dir(folder))
    text = str(info.value)
    assert "data/budget_unit.csv, baris 2, kolom 'pagu_rp' berisi '-5': nilai Rupiah (angka) ≥ 0" in text
    assert "data/budget_unit.csv, baris 3, kolom 'realisasi_rp' berisi 'banyak': nilai Rupiah (angka)" in text
    assert "data/budget_unit.csv, baris 4, kolom 'unit_code' berisi 'DITJEN_X': kode tidak dikenal di 'unit'" in text
    assert "data/pk_pagu_program.csv, baris 1, kolom 'pagu_rp': kolom wajib ini tidak ada" in text
    assert len(info.value.problems) == 4
    assert (
        loaders_main(
            ["--database-url", str(engine.url.render_as_string(hide_password=False)), "build", "--source", str(folder)]
        )
        == 1
        or engine.dialect.name == "postgresql"
    )
    assert _counts(engine) == before


def test_workbook_is_a_second_reader_of_the_same_schema(tmp_path, frames):
    path = tmp_path / "lkj.xlsx"
    write_workbook(frames, path)
    again = validate(read_workbook(path))
    assert sorted(again) == sorted(frames)
    for name in frames:
        pd.testing.assert_frame_equal(again[name], frames[name], check_dtype=False, obj=name)


def test_workbook_errors_name_sheet_row_and_column(tmp_path, frames):
    from openpyxl import load_workbook

    path = tmp_path / "lkj.xlsx"
    write_workbook(frames, path)
    wb = load_workbook(path)
    ws = wb["budget_unit"]
    header = [c.value for c in ws[1]]
    ws.cell(3, header.index("pagu_rp") + 1).value = "seratus"
    ws.cell(4, header.index("pagu_rp") + 1).value = "=1/0"
    del wb["province"]
    wb.save(path)
    with pytest.raises(ValidationError) as info:
        validate(read_workbook(path))
    text = str(info.value)
    assert "lkj.xlsx, sheet 'budget_unit', baris 4, kolom 'pagu_rp' berisi '=1/0': rumus tanpa nilai tersimpan" in text
    assert "lkj.xlsx, sheet 'budget_unit', baris 3, kolom 'pagu_rp' berisi 'seratus': nilai Rupiah" in text
    assert "tabel 'province': tabel wajib ini tidak ada" in text


def test_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"this is not a zip")
    with pytest.raises(WorkbookError, match="bukan workbook Excel"):
        read_workbook(path)


def _as_year(frames: dict[str, pd.DataFrame], source_year: int, new_year: int) -> dict[str, pd.DataFrame]:
    """The rows of ``source_year`` relabelled as ``new_year``: a synthetic next-year workbook."""
    out = {}
    for name, frame in frames.items():
        part = frame[frame["year"] == source_year].copy()
        part["year"] = new_year
        out[name] = part
    return out


def test_import_a_new_year_beside_2024(engine, frames, tmp_path):
    db.replace_all(engine, frames, "data")
    before = db.read_table(engine, "budget_unit", 2024)
    nxt = _as_year(frames, 2024, 2025)
    nxt["budget_unit"].loc[nxt["budget_unit"]["unit_code"] == "SETJEN", "realisasi_rp"] = 400_000_000_000
    book = tmp_path / "lkj2025.xlsx"
    write_workbook(nxt, book)
    years, _ = db.load_years(engine, validate(read_workbook(book), require_all=False), book.name)
    assert years == {2025}
    assert 2025 in db.years_loaded(engine) and 2024 in db.years_loaded(engine)
    pd.testing.assert_frame_equal(db.read_table(engine, "budget_unit", 2024), before)
    y2025 = db.read_table(engine, "budget_unit", 2025)
    assert y2025.loc[y2025["unit_code"] == "SETJEN", "realisasi_rp"].iloc[0] == 400_000_000_000
    # loading the same year again replaces it instead of duplicating it
    db.load_years(engine, validate(read_workbook(book), require_all=False), book.name)
    assert len(db.read_table(engine, "budget_unit", 2025)) == len(y2025)
    # and the headline of the new year is computed from its own rows
    from kpi.headline import headline

    assert (
        headline(db.read_all(engine), 2025)["budget_realisasi_rp"]
        == headline(db.read_all(engine), 2024)["budget_realisasi_rp"]
    )


def test_import_with_an_error_changes_nothing(tmp_path, frames, capsys):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    engine = db.get_engine(url)
    db.replace_all(engine, frames, "data")
    before = _counts(engine)
    nxt = _as_year(frames, 2024, 2025)
    nxt["budget_unit"].loc[0, "pagu_rp"] = -5
    book = tmp_path / "bad2025.xlsx"
    write_workbook(nxt, book)
    assert kpi_main(["import", str(book), "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert "budget_unit" in err and "pagu_rp" in err and "-5" in err
    assert _counts(engine) == before and 2025 not in db.years_loaded(engine)
    # the loaders' own command points to the kpi one (loaders never import kpi, which runs the checks)
    assert loaders_main(["--database-url", url, "import", str(book)]) == 2
    assert "python -m kpi import" in capsys.readouterr().err
    assert _counts(engine) == before
