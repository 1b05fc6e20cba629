"""Two readers of one schema: a folder of CSV files and an Excel workbook (one sheet per table)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from loaders.config import setting_number
from loaders.datasets import DATASETS
from loaders.numbers import parse_id_number
from loaders.validate import Problem, RawTable, ValidationError, shown_value
from loaders.workbook import unneutralise

DEFAULT_MAX_UPLOAD_MB = 20
DEFAULT_MAX_ROWS = 200_000
DEFAULT_MAX_UNZIPPED_MB = 100
DEFAULT_MAX_CELLS = 1_000_000
DEFAULT_MAX_SHEET_CELLS = 500_000
DEFAULT_MAX_READ_SECONDS = 30
MAX_UNZIPPED_RATIO = 100
"""A member of an upload that unpacks to more than this many times its packed size is a zip bomb."""
MAX_MEMBERS = 1000
"""Parts of an archive: an .xlsx of 41 sheets has about 100; a .zip holds one CSV per table."""
MAX_COLUMNS = 200
"""Columns read per sheet (the widest table has 25): a cell far to the right (column XFD) does not make
every row 16.384 cells wide."""


def max_upload_bytes() -> int:
    """Largest upload accepted: ``DASBOR_MAX_UPLOAD_MB`` (default 20 MB)."""
    return int(setting_number("DASBOR_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024)


def max_rows() -> int:
    """Most data rows accepted per sheet or CSV file: ``DASBOR_MAX_ROWS`` (default 200.000)."""
    return int(setting_number("DASBOR_MAX_ROWS", DEFAULT_MAX_ROWS))


def max_unzipped_bytes() -> int:
    """Most bytes an upload may unpack to: ``DASBOR_MAX_UNZIPPED_MB`` (default 100 MB; the LKj 2024 needs 1,5 MB)."""
    return int(setting_number("DASBOR_MAX_UNZIPPED_MB", DEFAULT_MAX_UNZIPPED_MB) * 1024 * 1024)


def max_cells() -> int:
    """Most cells of a workbook, all sheets together: ``DASBOR_MAX_CELLS`` (default 1.000.000; the LKj 2024 has 22.000)."""
    return int(setting_number("DASBOR_MAX_CELLS", DEFAULT_MAX_CELLS))


def max_sheet_cells() -> int:
    """Most cells of one sheet: ``DASBOR_MAX_SHEET_CELLS`` (default 500.000)."""
    return int(setting_number("DASBOR_MAX_SHEET_CELLS", DEFAULT_MAX_SHEET_CELLS))


def max_read_seconds() -> float:
    """Longest time reading one upload may take before it is refused: ``DASBOR_MAX_READ_SECONDS`` (default 30)."""
    return setting_number("DASBOR_MAX_READ_SECONDS", DEFAULT_MAX_READ_SECONDS)


class _Deadline:
    """The moment reading an upload is given up (:func:`max_read_seconds` after it started)."""

    def __init__(self, origin: str):
        self.origin = origin
        self.seconds = max_read_seconds()
        self.at = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise _refuse(
                self.origin,
                f"berkas ditolak: membacanya makan waktu lebih dari {self.seconds:g} detik; "
                "bagi menjadi beberapa unggahan atau kurangi isinya",
            )


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


def _refuse(origin: str, message: str, value: str = "") -> WorkbookError:
    return WorkbookError([Problem(origin, None, None, value, message)])


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def _check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The upload as an open zip archive, refused when damaged or when it unpacks to far more than it weighs."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _refuse(name, "bukan workbook Excel (.xlsx) atau arsip .zip yang dapat dibaca: berkas rusak") from exc
    if len(infos) > MAX_MEMBERS:
        raise _refuse(name, f"berkas ditolak: arsip berisi {len(infos)} bagian; batasnya {MAX_MEMBERS}")
    unpacked = sum(i.file_size for i in infos)
    limit = max(max_unzipped_bytes(), 1)
    if unpacked > limit or any(
        i.file_size > 1024 * 1024 and i.file_size > MAX_UNZIPPED_RATIO * max(i.compress_size, 1) for i in infos
    ):
        raise _refuse(
            name,
            f"berkas ditolak: isinya membengkak menjadi {_mb(unpacked)} saat dibuka (dugaan 'zip bomb'); "
            f"batasnya {_mb(limit)}",
        )
    bad = zf.testzip() if len(data) <= max_upload_bytes() else None
    if bad is not None:
        raise _refuse(name, f"berkas rusak: bagian '{bad}' di dalam arsip tidak utuh")
    return zf


def read_upload(data: bytes, file_name: str) -> list[RawTable]:
    """An uploaded file as raw tables: an ``.xlsx`` workbook or a ``.zip`` of CSV files, after safety checks.

    Refused with :class:`WorkbookError` (an Indonesian message naming the file): other file types,
    files over :func:`max_upload_bytes`, damaged archives, zip bombs, macros, XML attacks, sheets
    with more than :func:`max_rows` rows and workbooks without any data sheet.
    """
    name = Path(file_name).name or "unggahan"
    suffix = Path(name).suffix.lower()
    if suffix not in (".xlsx", ".zip"):
        hint = " (berkas bermakro .xlsm tidak diterima)" if suffix == ".xlsm" else ""
        raise _refuse(name, f"jenis berkas tidak diterima{hint}; unggah .xlsx atau .zip berisi berkas .csv", suffix)
    if len(data) > max_upload_bytes():
        raise _refuse(name, f"berkas terlalu besar: {_mb(len(data))}; batasnya {_mb(max_upload_bytes())}")
    if not data:
        raise _refuse(name, "berkas kosong (0 bita)")
    if suffix == ".zip":
        return read_csv_zip(data, name)
    return read_workbook(io.BytesIO(data), name)


def read_csv_zip(data: bytes, name: str) -> list[RawTable]:
    """Every ``*.csv`` of a zip archive (folders ignored), as text cells, like :func:`read_csv_dir`."""
    zf = _check_zip(data, name)
    deadline = _Deadline(name)
    raws: list[RawTable] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for info in zf.infolist():
        deadline.check()
        member = info.filename
        base = member.rsplit("/", 1)[-1]
        if info.is_dir() or member.startswith("__MACOSX/") or base.startswith("._") or not base:
            continue
        origin = f"{name}/{shown_value(base)}"
        table = base[:-4]
        if base.lower().endswith(".csv") and table in seen:
            problems.append(
                Problem(
                    origin,
                    None,
                    None,
                    "",
                    f"tabel '{shown_value(table)}' ada dua kali di arsip ({shown_value(seen[table])} dan "
                    f"{shown_value(member)}); sertakan satu berkas .csv per tabel",
                )
            )
            continue
        seen[table] = member
        if not base.lower().endswith(".csv"):
            problems.append(Problem(origin, None, None, "", "isi .zip hanya boleh berkas .csv (satu per tabel)"))
            continue
        try:
            text = zf.read(info).decode("utf-8-sig")
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except UnicodeDecodeError:
            problems.append(Problem(origin, None, None, "", "berkas .csv harus berenkode UTF-8"))
            continue
        except (pd.errors.ParserError, pd.errors.EmptyDataError, zipfile.BadZipFile, OSError) as exc:
            problems.append(Problem(origin, None, None, "", f"berkas .csv tidak dapat dibaca: {exc}"))
            continue
        if len(frame) > max_rows():
            problems.append(
                Problem(origin, None, None, "", f"terlalu banyak baris: {len(frame)}; batasnya {max_rows()} per tabel")
            )
            continue
        frame = frame.map(unneutralise)
        raws.append(RawTable(table, frame, origin))
    if problems:
        raise WorkbookError(problems)
    if not raws:
        raise _refuse(name, "arsip .zip tidak berisi satu pun berkas .csv")
    return raws


def read_workbook(source: Path | BinaryIO, label: str | None = None) -> list[RawTable]:
    """The sheets of an ``.xlsx`` workbook as raw tables; row 1 of each sheet is the header.

    Cached values are read, never formulas: a formula cell without a cached value is a problem.
    Sheets whose name starts with ``_`` or is ``Petunjuk`` are instructions and are skipped.
    """
    from openpyxl import load_workbook  # heavy import, only when a workbook is read

    name = label or (source.name if isinstance(source, Path) else "workbook")
    data = source.read_bytes() if isinstance(source, Path) else source.read()
    zf = _check_zip(data, name)
    names = zf.namelist()
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in _content_types(zf):
        raise _refuse(name, "berkas berisi makro (VBA); unggah .xlsx tanpa makro")
    if _has_dtd(zf):
        raise _refuse(name, _XML_ATTACK)
    deadline = _Deadline(name)
    has_formulas = _scan_sheets(zf, name, deadline)
    try:
        values_wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # The formulas are read only when some sheet holds one (saves a second parse of every sheet).
        formulas_wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False) if has_formulas else None
        return _read_sheets(values_wb, formulas_wb, name, deadline)
    except WorkbookError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure of an uploaded file is the file's fault
        raise _refuse(name, _xml_problem(exc)) from exc


_FORMULA_TAG = re.compile(rb"<(?:\w{1,16}:)?f[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w{1,16}:)?c[\s>/]")
_ROW_TAG = re.compile(rb"<(?:\w{1,16}:)?row[\s>/]")
_TAIL = 24
"""Bytes kept from the end of one chunk for a tag cut in two by the next (every tag above is shorter)."""


def _count(pattern: re.Pattern, tail: bytes, chunk: bytes) -> int:
    """Matches in ``tail + chunk`` that end inside ``chunk`` (those inside ``tail`` were counted with the chunk before)."""
    return sum(1 for m in pattern.finditer(tail + chunk) if m.end() > len(tail))


def _scan_sheets(zf: zipfile.ZipFile, name: str, deadline: _Deadline) -> bool:
    """Count each worksheet's cells and rows in its raw XML before any parsing; refuse what is too big.

    Scanning is about 100 times faster than parsing (a regular expression over the unpacked bytes), so a
    workbook of many large sheets is refused in seconds. Returns whether any sheet holds a formula.
    """
    titles = _sheet_titles(zf)
    total, formulas = 0, False
    per_sheet, rows_limit, total_limit = max_sheet_cells(), max_rows() + 1, max_cells()
    for info in zf.infolist():
        part = info.filename
        if not (part.startswith("xl/worksheets/") and part.endswith(".xml")):
            continue
        where = f"{name}, sheet '{titles.get(part, part)}'"
        cells = rows = 0
        with zf.open(info) as fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                deadline.check()
                cells += _count(_CELL_TAG, tail, chunk)
                rows += _count(_ROW_TAG, tail, chunk)
                formulas = formulas or _FORMULA_TAG.search(tail + chunk) is not None
                tail = chunk[-_TAIL:]
                if cells > per_sheet:
                    raise _refuse(
                        where, f"terlalu banyak sel: lebih dari {per_sheet:,} dalam satu sheet".replace(",", ".")
                    )
                if total + cells > total_limit:
                    raise _refuse(
                        name, f"terlalu banyak sel: lebih dari {total_limit:,} di seluruh workbook".replace(",", ".")
                    )
                if rows > rows_limit:
                    limit = rows_limit - 1
                    raise _refuse(
                        where, f"terlalu banyak baris: lebih dari {limit} baris data; batasnya {limit} per sheet"
                    )
        total += cells
    return formulas


_SHEET = re.compile(rb"<(?:\w{1,16}:)?sheet\s[^>]*?name=\"([^\"]*)\"[^>]*?(?:r:)?id=\"([^\"]*)\"")
_REL = re.compile(rb"<(?:\w{1,16}:)?Relationship\s[^>]*?Id=\"([^\"]*)\"[^>]*?Target=\"([^\"]*)\"")
_REL_REVERSED = re.compile(rb"<(?:\w{1,16}:)?Relationship\s[^>]*?Target=\"([^\"]*)\"[^>]*?Id=\"([^\"]*)\"")


def _sheet_titles(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> sheet title, for messages (best effort: a part without a title is named by its path)."""
    try:
        book = zf.read("xl/workbook.xml")[:2_000_000]
        rels = zf.read("xl/_rels/workbook.xml.rels")[:2_000_000]
    except KeyError:
        return {}
    targets = {rid: target for rid, target in _REL.findall(rels)}
    targets.update({rid: target for target, rid in _REL_REVERSED.findall(rels)})
    out = {}
    for title, rid in _SHEET.findall(book):
        target = targets.get(rid)
        if target is None:
            continue
        part = target.decode("utf-8", "replace").lstrip("/")
        part = part if part.startswith("xl/") else "xl/" + part
        out[part] = shown_value(title.decode("utf-8", "replace"))
    return out


def _content_types(zf: zipfile.ZipFile) -> bytes:
    try:
        return zf.read("[Content_Types].xml")[:200_000]
    except KeyError:
        return b""


_XML_ATTACK = "berkas ditolak: XML di dalamnya memuat entitas/DTD (pola serangan XML); simpan ulang dari Excel"
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _has_dtd(zf: zipfile.ZipFile) -> bool:
    """Whether any XML part declares a DTD or entities: Excel never writes one; XML bombs need one."""
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as fh:
                tail = b""
                while chunk := fh.read(1 << 20):
                    if _DTD.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _xml_problem(exc: Exception) -> str:
    """The Indonesian sentence for a workbook the XML parser refused (defusedxml errors are XML attacks)."""
    seen: BaseException | None = exc
    while seen is not None:
        if (type(seen).__module__ or "").startswith("defusedxml"):
            return _XML_ATTACK
        seen = seen.__cause__ or seen.__context__
    return f"bukan workbook Excel (.xlsx) yang dapat dibaca: {type(exc).__name__}: {exc}"[:500]


def _read_sheets(values_wb, formulas_wb, name: str, deadline: _Deadline) -> list[RawTable]:
    limit = max_rows()
    raws: list[RawTable] = []
    for ws in values_wb.worksheets:
        if ws.title.startswith("_") or ws.title.lower() == "petunjuk":
            continue
        origin = f"{name}, sheet '{shown_value(ws.title)}'"
        if ws.title not in DATASETS:
            # not a table: validation says so; its cells are not worth parsing
            raws.append(RawTable(ws.title, pd.DataFrame(), origin))
            continue
        rows = _bounded_rows(ws, limit, origin, deadline)
        formula_rows = _bounded_rows(formulas_wb[ws.title], limit, origin, deadline) if formulas_wb is not None else []
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
            body.append((r_index, [unneutralise(c) for c in cells]))
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
    if formulas_wb is not None:
        formulas_wb.close()
    if not raws:
        raise _refuse(name, "workbook tidak berisi sheet data (hanya petunjuk atau kosong)")
    return raws


def _bounded_rows(ws, limit: int, origin: str, deadline: _Deadline) -> list[tuple]:
    """The rows of a sheet (at most :data:`MAX_COLUMNS` cells wide), refused as soon as there are more
    than ``limit`` data rows or reading takes too long."""
    ws.reset_dimensions()  # the size a sheet declares is not trusted: rows are as wide as their cells
    rows = []
    for row in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        rows.append(row)
        if len(rows) > limit + 1:
            raise _refuse(origin, f"terlalu banyak baris: lebih dari {limit} baris data; batasnya {limit} per sheet")
        if len(rows) % 1024 == 0:
            deadline.check()
    return rows
