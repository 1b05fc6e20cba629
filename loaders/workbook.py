"""Writing tables to an Excel workbook: one sheet per dataset, the same layout the reader accepts."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pandas as pd

from loaders.datasets import DATASETS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading quote mark (``'=1+1``).

    Text that already starts with a quote mark gets one more, so :func:`unneutralise` can undo
    exactly what was added and a written-then-read value is identical.
    """
    if isinstance(value, str) and value.startswith((*_FORMULA_START, "'")):
        return "'" + value
    return value


def unneutralise(value: object) -> object:
    """The inverse of :func:`neutralise`: drop the one quote mark it added, nothing else."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith((*_FORMULA_START, "'")):
        return value[1:]
    return value


def write_workbook(frames: dict[str, pd.DataFrame], target: Path | BinaryIO) -> None:
    """Every frame as a sheet named after its dataset, header in row 1, frozen, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for name in sorted(frames):
        spec = DATASETS[name]
        frame = frames[name]
        ws = wb.create_sheet(name)
        cols = [c.name for c in spec.all_columns]
        ws.append(cols)
        for row in frame[cols].astype(object).itertuples(index=False):
            ws.append([None if pd.isna(v) else neutralise(v) for v in row])
        ws.freeze_panes = "A2"
        for i, col in enumerate(spec.all_columns, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = 40 if col.name in ("name", "label") else 16
            if col.kind == "rp":
                for cell in ws[letter][1:]:
                    cell.number_format = "#,##0"
    wb.save(target)
