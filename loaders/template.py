"""The Excel template for a year of data, generated from the schema (``loaders.datasets``).

One sheet per dataset, header in row 1 and data from row 2 (the layout
:func:`loaders.readers.read_workbook` reads), a description of every column as a comment on
its header cell, drop-down lists for codes (units, programmes, provinces, predikat, every
``choices`` column), number formats, frozen header, column widths and a ``Petunjuk`` sheet
that the reader skips. Optionally prefilled with the rows of a loaded year, optionally
relabelled as another year (``as_year``) so last year's workbook becomes next year's start.

A new year's template carries the data tables only: the report-text figures
(:data:`REPORT_TEXT_DATASETS`: the printed totals and the figures the narrative repeats) belong
to a published report, so its ``printed_figure`` sheet has no rows until the new year's report
is printed, and the Kualitas Data rules skip the figures that are absent. A template of a year
as loaded (no ``as_year``) keeps them, so it reloads as the same content.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from loaders.datasets import DATASETS
from loaders.schema import Col, Dataset
from loaders.workbook import neutralise

LIST_SHEET = "_daftar"
"""Hidden sheet holding the allowed values of ``choices`` columns (skipped by the reader)."""
EMPTY_ROWS = 500
"""Rows below the data that get the drop-downs and number formats, ready to be filled."""

_KIND_TEXT = {
    "str": "teks",
    "int": "bilangan bulat",
    "float": "angka",
    "pct": "persen (40,71 ditulis 40,71 — bukan 0,4071)",
    "rp": "Rupiah penuh (bukan juta/miliar)",
}
_FORMATS = {"str": "@", "int": "0", "float": "General", "pct": "0.00", "rp": "#,##0"}
REPORT_TEXT_DATASETS: tuple[str, ...] = ("printed_figure",)
"""The figures a published report prints (totals, narrative numbers): empty in a new year's template."""


def sheet_order() -> list[str]:
    """Datasets with the tables others refer to first (units before budgets), then schema order."""
    order: list[str] = []

    def visit(name: str, seen: frozenset[str] = frozenset()) -> None:
        if name in order or name in seen:
            return
        for col in DATASETS[name].columns:
            if col.ref:
                visit(col.ref.split(".")[0], seen | {name})
        order.append(name)

    for name in DATASETS:
        visit(name)
    return order


def column_help(col: Col) -> str:
    """What a planner needs to know about a column: meaning, type, whether required, allowed values."""
    parts = [
        col.doc or col.name,
        f"Jenis: {_KIND_TEXT[col.kind]}.",
        "Wajib diisi." if col.required else "Boleh kosong.",
    ]
    lo, hi = col.lower_bound, col.upper_bound
    if col.is_number and (lo is not None or hi is not None):
        rng = (
            f"{lo:g} – {hi:g}"
            if lo is not None and hi is not None
            else (f"≥ {lo:g}" if lo is not None else f"≤ {hi:g}")
        )
        parts.append(f"Rentang: {rng}.")
    if col.choices:
        parts.append(f"Pilihan: {', '.join(col.choices)}.")
    if col.ref:
        table, column = col.ref.split(".")
        parts.append(f"Kode harus ada di sheet '{table}' kolom '{column}' untuk tahun yang sama.")
    return " ".join(parts)


def new_year(year: int | None, as_year: int | None) -> bool:
    """Whether the template relabels ``year`` as another year: a new year's start, without printed figures."""
    return year is not None and as_year is not None and as_year != year


def _relabel(frames: Mapping[str, pd.DataFrame], year: int | None, as_year: int | None) -> dict[str, pd.DataFrame]:
    """Each dataset's rows of ``year`` (relabelled ``as_year``); a new year gets no report-text figures
    and no quarterly rows (last year's quarters are no start for next year's)."""
    out = {}
    for name in DATASETS:
        frame = frames.get(name)
        fresh = name in REPORT_TEXT_DATASETS or DATASETS[name].per_quarter
        if frame is None or year is None or (fresh and new_year(year, as_year)):
            out[name] = pd.DataFrame(columns=[c.name for c in DATASETS[name].all_columns])
            continue
        part = frame[frame["year"] == year].copy()
        if as_year is not None:
            part["year"] = as_year
        if new_year(year, as_year):  # the printed capaian/penyerapan columns belong to the source year's report
            for col in DATASETS[name].all_columns:
                if col.printed and col.name in part.columns:
                    part[col.name] = pd.NA
        out[name] = part.reset_index(drop=True)
    return out


def _petunjuk(
    wb, order: list[str], year: int | None, as_year: int | None, about_text: Sequence[str] | None = None
) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet("Petunjuk", 0)
    title = "Templat data Laporan Kinerja Kemnaker"
    if about_text is not None:
        about = [(line, False) for line in about_text]
    elif new_year(year, as_year):
        about = [
            (
                f"Berisi data tahun {year} yang diberi label tahun {as_year} sebagai titik awal: ganti angkanya"
                f" dengan angka tahun {as_year}.",
                False,
            ),
            (
                f"Sheet {', '.join(REPORT_TEXT_DATASETS)} sengaja kosong: angka tercetak (baris total dan angka yang"
                f" diulang di narasi) milik laporan yang sudah terbit, jadi angka tahun {year} tidak disalin."
                f" Biarkan kosong sampai LKj {as_year} dicetak; cek Kualitas Data melewati angka yang belum"
                " tercetak. Begitu pula kolom persentase tercetak di tabel data (capaian, penyerapan, Δ %):"
                " dikosongkan, dasbor menghitungnya dari target, realisasi dan pagu.",
                False,
            ),
        ]
    elif year is not None:
        about = [(f"Berisi data tahun {year}, termasuk angka tercetak laporannya (sheet printed_figure).", False)]
    else:
        about = [("Templat kosong: isi satu tahun data.", False)]
    lines = [
        (title, True),
        *about,
        ("", False),
        ("Cara mengisi", True),
        ("1. Setiap sheet adalah satu tabel. Baris 1 berisi nama kolom: jangan diubah, dihapus atau ditambah.", False),
        ("2. Isi data mulai baris 2, satu baris per data. Baris kosong dilewati.", False),
        (
            "3. Kolom 'year' diisi tahun data (mis. 2025); kolom 'sumber' diisi tabel LKj asal (mis. 'Tabel 3.21').",
            False,
        ),
        ("4. Arahkan kursor ke judul kolom untuk melihat artinya. Kolom kode memakai daftar pilihan.", False),
        (
            "5. Angka ditulis sebagai angka: Rupiah penuh, persen sebagai 40,71 (bukan 0,4071). Jangan memakai rumus"
            " tanpa nilai; simpan berkas di Excel sebelum diunggah.",
            False,
        ),
        (
            "6. Semua sheet harus ada, kecuali sheet triwulan_* (pemantauan triwulan) yang boleh kosong atau dihapus."
            " Mengunggah satu tahun mengganti seluruh data tahunan tahun itu; tahun lain tidak berubah. Sheet"
            " triwulan_* hanya mengganti triwulan yang ada barisnya; berkas yang hanya berisi sheet triwulan_*"
            " tidak mengubah data tahunan.",
            False,
        ),
        (
            "7. Simpan sebagai .xlsx (bukan .xlsm/.xls), lalu unggah di halaman Kelola Data atau jalankan"
            " 'python -m kpi import BERKAS --user NAMA'.",
            False,
        ),
        ("", False),
        ("Sheet dan kolom", True),
    ]
    for text, bold in lines:
        ws.append([text])
        ws.cell(ws.max_row, 1).font = Font(bold=bold, size=13 if text == title else 11)
    ws.append(["Sheet", "Kolom", "Keterangan"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for name in order:
        spec = DATASETS[name]
        ws.append([name, "", spec.title])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for col in spec.all_columns:
            ws.append(["", col.name, column_help(col)])
            ws.cell(ws.max_row, 3).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 110


def _validations(ws, spec: Dataset, list_ws, last_row: int, list_cols: dict[tuple[str, str], str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, col in enumerate(spec.all_columns, start=1):
        letter = get_column_letter(i)
        area = f"{letter}2:{letter}{last_row}"
        dv = None
        if col.choices:
            list_letter = list_cols[(spec.name, col.name)]
            formula = f"'{LIST_SHEET}'!${list_letter}$2:${list_letter}${len(col.choices) + 1}"
            dv = DataValidation(type="list", formula1=formula, allow_blank=not col.required)
            dv.error = f"Pilih salah satu: {', '.join(col.choices)}"[:255]
        elif col.ref:
            table, column = col.ref.split(".")
            ref_spec = DATASETS[table]
            ref_letter = get_column_letter([c.name for c in ref_spec.all_columns].index(column) + 1)
            dv = DataValidation(
                type="list", formula1=f"'{table}'!${ref_letter}$2:${ref_letter}${last_row}", allow_blank=True
            )
            dv.error = f"Kode harus ada di sheet '{table}', kolom '{column}'"
        elif col.is_number:
            lo, hi = col.lower_bound, col.upper_bound
            kind = "whole" if col.kind == "int" else "decimal"
            if lo is not None and hi is not None:
                dv = DataValidation(type=kind, operator="between", formula1=f"{lo:g}", formula2=f"{hi:g}")
            elif lo is not None:
                dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=f"{lo:g}")
            elif hi is not None:
                dv = DataValidation(type=kind, operator="lessThanOrEqual", formula1=f"{hi:g}")
            else:
                dv = DataValidation(type=kind, operator="between", formula1="-1E+300", formula2="1E+300")
            if dv is not None:
                dv.error = column_help(col)[:255]
            dv.allow_blank = True
        if dv is None:
            continue
        dv.showErrorMessage = True
        dv.errorTitle = "Nilai tidak sah"
        ws.add_data_validation(dv)
        dv.add(area)


def write_template(
    target: Path | BinaryIO,
    frames: Mapping[str, pd.DataFrame] | None = None,
    year: int | None = None,
    as_year: int | None = None,
    *,
    datasets: Sequence[str] | None = None,
    about: Sequence[str] | None = None,
) -> None:
    """Write the template workbook, prefilled with ``year``'s rows of ``frames`` when given.

    ``as_year`` relabels the prefilled rows (column ``year``) as another year. ``datasets`` limits the
    sheets to those tables (the quarterly template, ``loaders.triwulan``); ``about`` replaces the lines
    of the *Petunjuk* sheet that say what the workbook holds.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    order = [name for name in sheet_order() if datasets is None or name in datasets]
    data = _relabel(frames or {}, year, as_year)
    wb = Workbook()
    wb.remove(wb.active)
    _petunjuk(wb, order, year, as_year, about)

    list_ws = wb.create_sheet(LIST_SHEET)
    list_cols: dict[tuple[str, str], str] = {}
    for name in order:
        for col in DATASETS[name].all_columns:
            if col.choices:
                letter = get_column_letter(len(list_cols) + 1)
                list_cols[(name, col.name)] = letter
                list_ws[f"{letter}1"] = f"{name}.{col.name}"
                for r, choice in enumerate(col.choices, start=2):
                    list_ws[f"{letter}{r}"] = choice
    list_ws.sheet_state = "hidden"

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    for name in order:
        spec = DATASETS[name]
        frame = data[name]
        ws = wb.create_sheet(name)
        cols = [c.name for c in spec.all_columns]
        ws.append(cols)
        for i, col in enumerate(spec.all_columns, start=1):
            cell = ws.cell(1, i)
            cell.font = header_font
            cell.fill = header_fill
            comment = Comment(column_help(col), "Dasbor Kinerja Kemnaker")
            comment.width, comment.height = 320, 140
            cell.comment = comment
        for row in frame[cols].astype(object).itertuples(index=False):
            ws.append([None if pd.isna(v) else neutralise(v) for v in row])
        last_row = max(ws.max_row, 1) + EMPTY_ROWS
        for i, col in enumerate(spec.all_columns, start=1):
            letter = get_column_letter(i)
            width = 48 if col.name in ("name", "label", "kriteria", "indikator", "intervensi") else 18
            ws.column_dimensions[letter].width = max(width, len(col.name) + 4)
            ws.column_dimensions[letter].number_format = _FORMATS[col.kind]
            for r in range(2, ws.max_row + 1):
                ws.cell(r, i).number_format = _FORMATS[col.kind]
        ws.freeze_panes = "A2"
        _validations(ws, spec, list_ws, last_row, list_cols)
    wb.active = 0
    wb.save(target)


def template_bytes(
    frames: Mapping[str, pd.DataFrame] | None = None, year: int | None = None, as_year: int | None = None
) -> bytes:
    """The template as bytes (for a download button)."""
    buf = io.BytesIO()
    write_template(buf, frames, year, as_year)
    return buf.getvalue()
