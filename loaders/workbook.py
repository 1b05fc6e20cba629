"""Writing tables to an Excel workbook: one sheet per dataset, the same layout the reader accepts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

import pandas as pd
from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

from loaders.datasets import DATASETS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
"""What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula: the ASCII signs,
their full-width forms (which some Excel input methods turn into formulas) and a leading tab or line break."""
_LEADING_SPACE = " \u00a0\u3000"
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters an .xlsx cannot hold (openpyxl refuses the whole file): replaced by U+FFFD when written."""


def _needs_quote(text: str) -> bool:
    return text.startswith("'") or text.lstrip(_LEADING_SPACE).startswith(_FORMULA_START)


def neutralise(value: object) -> object:
    """A cell value that no spreadsheet runs as a formula and every .xlsx can hold: the one function every
    CSV and Excel writer applies to every value (template, export, report workbook, table downloads).

    Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, full-width ``＝``, a
    leading tab or line break, also after leading spaces) gets a leading quote mark (``'=1+1``); text
    that already starts with a quote mark gets one more, so :func:`unneutralise` undoes exactly what
    was added. Control characters an .xlsx cannot hold become U+FFFD (validation never accepts them,
    so this only touches text that never went through it, e.g. a user name typed at the login).
    Anything that is not text is returned as it is.
    """
    if not isinstance(value, str):
        return value
    text = _NOT_IN_XML.sub("\ufffd", value)
    return "'" + text if _needs_quote(text) else text


def unneutralise(value: object) -> object:
    """The inverse of :func:`neutralise` on text it did not have to repair: drop the one quote mark it added."""
    if isinstance(value, str) and value.startswith("'") and _needs_quote(value[1:]):
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with :func:`neutralise` applied to every value of every column that can hold text.

    By value, whatever the dtype: ``object``, ``string``, pandas 3's ``str``, ``category`` alike;
    number, boolean and date columns cannot hold text and are left as they are.
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        dtype = column.dtype
        if is_bool_dtype(dtype) or is_numeric_dtype(dtype) or is_datetime64_any_dtype(dtype):
            continue
        out.isetitem(i, column.astype(object).map(neutralise))
    return out


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
