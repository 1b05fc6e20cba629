"""Two readers of one schema: a folder of CSV files and an Excel workbook (one sheet per table)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from loaders.numbers import parse_id_number
from loaders.validate import Problem, RawTable, ValidationError


def read_csv_dir(folder: Path) -> list[RawTable]:
    """Every ``*.csv`` of a folder, as text cells (nothing is typed yet)."""
    raws = []
    for path in sorted(Path(folder).glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        raws.append(RawTable(path.stem, frame, f"{path.parent.name}/{path.name}"))
    return raws


def _workbook_number(value: object) -> float | None:
    # A workbook cell holds a number already; text typed by hand is read as Indonesian format.
    return parse_id_number(value)  # type: ignore[arg-type]


class WorkbookError(ValidationError):
    """The file is not a workbook we can read (wrong type, macros, damaged, formulas without values)."""


def read_workbook(source: Path | BinaryIO, label: str | None = None) -> list[RawTable]:
    """The sheets of an ``.xlsx`` workbook as raw tables; row 1 of each sheet is the header.

    Cached values are read, never formulas: a formula cell without a cached value is a problem.
    Sheets whose name starts with ``_`` or is ``Petunjuk`` are instructions and are skipped.
    """
    from openpyxl import load_workbook  # heavy import, only when a workbook is read

    name = label or (source.name if isinstance(source, Path) else "workbook")
    try:
        data = source.read_bytes() if isinstance(source, Path) else source.read()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if any(n.lower().endswith("vbaproject.bin") for n in zf.namelist()):
                raise WorkbookError(
                    [Problem(name, None, None, "", "berkas berisi makro (VBA); unggah .xlsx tanpa makro")]
                )
        values_wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas_wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookError(
            [Problem(name, None, None, "", f"bukan workbook Excel (.xlsx) yang dapat dibaca: {exc}")]
        ) from exc

    raws: list[RawTable] = []
    for ws in values_wb.worksheets:
        if ws.title.startswith("_") or ws.title.lower() == "petunjuk":
            continue
        origin = f"{name}, sheet '{ws.title}'"
        rows = list(ws.iter_rows(values_only=True))
        formula_rows = list(formulas_wb[ws.title].iter_rows(values_only=True))
        if not rows:
            raise WorkbookError([Problem(origin, None, None, "", "sheet kosong: baris 1 harus berisi nama kolom")])
        header = [("" if h is None else str(h)).strip() for h in rows[0]]
        while header and header[-1] == "":
            header.pop()
        body = []
        sheet_problems: list[Problem] = []
        for r_index, row in enumerate(rows[1:], start=2):
            cells = list(row[: len(header)]) + [None] * max(0, len(header) - len(row))
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            frow = formula_rows[r_index - 1] if r_index - 1 < len(formula_rows) else ()
            for c_index, value in enumerate(cells):
                formula = frow[c_index] if c_index < len(frow) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    sheet_problems.append(
                        Problem(
                            origin,
                            r_index,
                            header[c_index],
                            formula,
                            "rumus tanpa nilai tersimpan; simpan ulang berkas di Excel atau isi nilainya",
                        )
                    )
            body.append((r_index, cells))
        frame = pd.DataFrame([c for _, c in body], columns=header, dtype=object)
        # Blank rows are skipped, so keep each row's real number in the sheet.
        raws.append(
            RawTable(
                ws.title,
                frame,
                origin,
                number_parser=_workbook_number,
                row_numbers=[r for r, _ in body],
                read_problems=sheet_problems,
            )
        )
    values_wb.close()
    formulas_wb.close()
    return raws
