"""The whole dataset of one year as one formatted Excel workbook: a cover sheet and one sheet per table.

``build_workbook(frames, year, lang, data_version)`` writes every dataset's rows of ``year``
with the columns as stored (so a sheet's figures equal the database), number formats with
thousands separators (Excel shows them with the reader's locale: ``6.144.346.237.000`` in
Indonesian), percent columns with two decimals, frozen headers, column widths and the
column descriptions as header comments. Text that a spreadsheet would run as a formula is
neutralised by ``loaders.workbook.neutralise``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kpi.format import auto_decimals, fmt_number, fmt_pct
from loaders.datasets import DATASETS
from loaders.schema import Col, Dataset
from loaders.workbook import neutralise
from report.text import tr

HEADER_FILL = PatternFill("solid", fgColor="0B4F8A")
HEADER_FONT = Font(bold=True, color="FFFFFF")
PLAIN_INT_COLUMNS = {"year", "urutan", "parent_urutan", "nomor", "tahun_evaluasi", "tahun_laporan_keuangan"}
"""Integer columns that are years or positions: no thousands separator (2024, not 2.024)."""
MAX_WIDTH = 60


def _format(col: Col, values: pd.Series) -> str | None:
    """The Excel number format of a column: Rupiah and counts with separators, percent with 2 decimals."""
    if col.kind == "rp":
        return "#,##0"
    if col.kind == "pct":
        return '#,##0.00" %"'
    if col.kind == "int":
        return "0" if col.name in PLAIN_INT_COLUMNS or col.name.startswith("tahun") else "#,##0"
    if col.kind == "float":
        decimals = max((auto_decimals(float(v)) for v in values.dropna()), default=0)
        return "#,##0" + ("." + "0" * decimals if decimals else "")
    return None


def _cell_value(value: object) -> object:
    """A database value as a cell value: missing as empty, numpy scalars as Python, text neutralised."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return neutralise(value)


def _sheet_name(name: str) -> str:
    return name[:31]


def _write_dataset(wb: Workbook, spec: Dataset, frame: pd.DataFrame, lang: str) -> None:
    ws = wb.create_sheet(_sheet_name(spec.name))
    cols = [c for c in spec.all_columns if c.name in frame.columns]
    for j, col in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=j, value=col.name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center")
        if col.doc:
            cell.comment = Comment(col.doc, "Dasbor Kinerja Kemnaker", width=320, height=90)
    formats = {c.name: _format(c, frame[c.name]) for c in cols}
    for i, row in enumerate(frame[[c.name for c in cols]].itertuples(index=False), start=2):
        for j, (col, value) in enumerate(zip(cols, row, strict=True), start=1):
            cell = ws.cell(row=i, column=j, value=_cell_value(value))
            if formats[col.name] and cell.value is not None:
                cell.number_format = formats[col.name]
    for j, col in enumerate(cols, start=1):
        longest = max([len(col.name)] + [len(_shown(v, col, lang)) for v in frame[col.name].head(500)])
        ws.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, max(8, longest + 2))
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(frame) + 1}"


def _shown(value: object, col: Col, lang: str) -> str:
    """What a cell shows, for its column width: the app's digits (``kpi.format``, half-up)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if col.kind in ("rp", "int", "float", "pct") and not isinstance(value, str):
        if col.kind == "pct":
            return fmt_pct(float(value), 2, lang)
        return fmt_number(float(value), 2 if col.kind == "float" else 0, lang)
    return str(value)


def _cover(wb: Workbook, year: int, lang: str, data_version: int | None, counts: list[tuple[str, str, int]]) -> None:
    ws = wb.active
    ws.title = tr("wb_cover", lang)
    ws["A1"] = tr("wb_title", lang, y=year)
    ws["A1"].font = Font(bold=True, size=16, color="0B4F8A")
    rows = [
        (tr("year", lang), year),
        (tr("data_version", lang), data_version if data_version is not None else "–"),
        (tr("generated", lang), dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    for i, (label, value) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=label).font = Font(bold=True)
        cell = ws.cell(row=i, column=2, value=value)
        cell.alignment = Alignment(horizontal="left")
        if isinstance(value, int):
            cell.number_format = "0"
    ws.cell(row=7, column=1, value=tr("wb_note", lang, y=year)).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=7, start_column=1, end_row=7, end_column=3)
    ws.row_dimensions[7].height = 48
    top = 9
    ws.cell(row=top, column=1, value=tr("wb_contents", lang)).font = Font(bold=True, size=12, color="0B4F8A")
    for j, head in enumerate((tr("wb_sheet", lang), tr("wb_table", lang), tr("wb_rows", lang)), start=1):
        cell = ws.cell(row=top + 1, column=j, value=head)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for i, (sheet, title, n) in enumerate(counts, start=top + 2):
        link = ws.cell(row=i, column=1, value=sheet)
        link.hyperlink = f"#'{sheet}'!A1"
        link.font = Font(color="0B4F8A", underline="single")
        ws.cell(row=i, column=2, value=neutralise(title))
        ws.cell(row=i, column=3, value=n).number_format = "#,##0"
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 80
    ws.column_dimensions["C"].width = 10


def build_workbook(
    frames: Mapping[str, pd.DataFrame], year: int, lang: str = "id", data_version: int | None = None
) -> bytes:
    """Every dataset's rows of ``year`` as one .xlsx: a cover sheet with contents, then one sheet per dataset."""
    wb = Workbook()
    counts: list[tuple[str, str, int]] = []
    for name, spec in DATASETS.items():
        frame = frames.get(name)
        if frame is None:
            continue
        rows = frame[frame["year"] == year].reset_index(drop=True)
        if rows.empty:
            continue
        _write_dataset(wb, spec, rows, lang)
        counts.append((_sheet_name(name), spec.title, len(rows)))
    _cover(wb, year, lang, data_version, counts)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
