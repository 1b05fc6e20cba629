"""Validation of raw tables against their dataset specs: every problem at once, before any write.

Reading gives :class:`RawTable` objects (cells as text or as the values a workbook holds);
:func:`validate` turns them into typed frames or raises :class:`ValidationError` listing every
problem with its file/sheet, row, column, value and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from loaders.datasets import DATASETS
from loaders.numbers import NumberFormatError, parse_id_number, parse_machine_number
from loaders.schema import Col, Dataset

NumberParser = Callable[[object], float | None]
MAX_ERRORS_SHOWN = 50
MAX_INT = 2_147_483_647
"""Whole numbers are stored in 32-bit INTEGER columns (PostgreSQL ``integer``)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely."""

    origin: str
    row: int | None
    column: str | None
    value: str
    expected: str

    def __str__(self) -> str:
        where = self.origin
        if self.row is not None:
            where += f", baris {self.row}"
        if self.column is not None:
            where += f", kolom '{self.column}'"
        got = f" berisi {self.value!r}" if self.value != "" else ""
        return f"{where}{got}: {self.expected}"


@dataclass
class RawTable:
    """One table as read, before any typing: where it came from and its cells."""

    name: str
    frame: pd.DataFrame
    origin: str
    """Human name of the place: ``data/unit.csv`` or ``sheet 'unit'``."""
    first_row: int = 2
    """Row number (as the user sees it in the file) of the frame's first data row."""
    number_parser: NumberParser = parse_machine_number
    row_numbers: list[int] | None = None
    """The file's row number of each frame row, when rows were skipped while reading."""
    read_problems: list[Problem] = field(default_factory=list)
    """Problems the reader found (e.g. a formula without a value); reported with the rest."""

    def row_number(self, i: int) -> int:
        return self.row_numbers[i] if self.row_numbers else self.first_row + i


@dataclass
class ValidationError(Exception):
    """The input has problems; nothing was written."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{len(self.problems)} masalah ditemukan; tidak ada data yang ditulis:"]
        lines += [f"- {p}" for p in self.problems[:MAX_ERRORS_SHOWN]]
        if len(self.problems) > MAX_ERRORS_SHOWN:
            lines.append(f"- … dan {len(self.problems) - MAX_ERRORS_SHOWN} masalah lain")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(p.origin, p.row, p.column, p.value, p.expected) for p in self.problems],
            columns=["lokasi", "baris", "kolom", "nilai", "seharusnya"],
        )


def _blank(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and value.strip() == "")
        or value is pd.NA
    )


def _expected(col: Col) -> str:
    kind = {
        "int": "bilangan bulat",
        "float": "angka",
        "pct": "persentase (angka dalam persen)",
        "rp": "nilai Rupiah (angka)",
        "str": "teks",
    }[col.kind]
    lo, hi = col.lower_bound, col.upper_bound
    if lo is not None and hi is not None:
        kind += f" antara {lo:g} dan {hi:g}"
    elif lo is not None:
        kind += f" ≥ {lo:g}"
    elif hi is not None:
        kind += f" ≤ {hi:g}"
    return kind


FAST_PATH_MIN_ROWS = 500
"""Columns with at least this many rows take the vectorised fast path (:func:`_fast_cells`)."""
_PLAIN_DECIMAL = r"-?[0-9]+(?:\.[0-9]+)?"
"""Text that :func:`parse_machine_number` reads as ``float(text)`` with nothing to strip first."""
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
"""The characters ``str.strip()`` removes (every one is below U+3001), for vectorised stripping that strips the same."""


def _reads_numbers_as_float(parser: NumberParser) -> bool:
    """Whether ``parser`` reads an ``int`` or ``float`` cell as ``float(cell)``, as the parsers of the readers do."""
    from loaders import readers  # readers imports this module; its workbook parser is parse_id_number

    return parser in (parse_machine_number, parse_id_number, readers._workbook_number)


def _texts(column: pd.Series) -> pd.Series:
    """The column as pandas ``str`` (vectorised string operations), missing where a cell is not a ``str``."""
    if column.dtype == "str":
        return column
    if isinstance(column.dtype, pd.StringDtype):
        return column.astype("str")
    if column.dtype == object:
        try:
            return column.where(column.map(lambda v: type(v) is str)).astype("str")
        except UnicodeEncodeError:  # a lone surrogate: not representable, leave every cell to the per-cell code
            pass
    return pd.Series(np.nan, index=column.index, dtype="str")


def _fast_cells(column: pd.Series, col: Col, parser: NumberParser) -> tuple[np.ndarray, np.ndarray | pd.Series]:
    """The cells that are obviously fine, checked with vectorised operations, and their typed values.

    Returns ``fine`` (one bool per cell) and the values (only those of fine cells mean anything): a
    float array for number columns, a ``string`` series (missing for a fine blank) for text columns.
    Fine cells raise no problem and get exactly the value the per-cell code :func:`_coerce_cell` gives
    them; every other cell (blank where a value is required, formulas, spaces to strip, numbers out of
    range, other formats, other types) is left to that code, so problems and their wording stay its own.
    """
    texts = _texts(column)
    empty = (texts == "").to_numpy(bool)
    blank_allowed = empty if not col.required else np.zeros(len(column), bool)
    if not col.is_number:
        # text with nothing to strip, among the choices if there are any
        fine = (texts.str.strip(_SPACES) == texts).to_numpy(bool) & ~empty
        if col.choices:
            fine &= texts.isin(col.choices).to_numpy(bool)
        values = texts.astype("string")
        return fine | blank_allowed, values.mask(blank_allowed) if blank_allowed.any() else values
    numbers = np.full(len(column), np.nan)
    plain = np.zeros(len(column), bool)
    if parser is parse_machine_number:
        plain = texts.str.fullmatch(_PLAIN_DECIMAL).to_numpy(bool, na_value=False)
        numbers[plain] = texts[plain].astype("float64").to_numpy()  # float(text) of every such text
    if column.dtype == object and _reads_numbers_as_float(parser):
        # numbers a workbook holds: floats, and whole numbers a float holds exactly
        held = column.map(lambda v: type(v) is float or (type(v) is int and abs(v) <= 2**53)).to_numpy(bool)
        numbers[held] = column[held].to_numpy(dtype=np.float64)
        plain = plain | held
    lo, hi = col.lower_bound, col.upper_bound
    if (lo is not None and float(lo) != lo) or (hi is not None and float(hi) != hi):
        plain = np.zeros(len(column), bool)  # a bound a float cannot hold exactly: compare cell by cell
    with np.errstate(invalid="ignore"):
        fine = plain & np.isfinite(numbers)
        if col.kind == "int":
            fine &= (numbers == np.floor(numbers)) & (np.abs(numbers) <= MAX_INT)
        if lo is not None:
            fine &= numbers >= lo
        if hi is not None:
            fine &= numbers <= hi
    numbers[~fine] = np.nan
    return fine | blank_allowed, numbers


def _coerce_cell(raw: RawTable, col: Col, i: int, value: object, problems: list[Problem]) -> object:
    """The typed value of one cell (``None`` when blank or wrong); what is wrong goes to ``problems``."""
    row = raw.row_number(i)
    shown = "" if _blank(value) else str(value)

    def bad(expected: str) -> None:
        problems.append(Problem(raw.origin, row, col.name, shown, expected))

    if _blank(value):
        if col.required:
            bad(f"wajib diisi ({_expected(col)})")
        return None
    if isinstance(value, str) and value.lstrip().startswith("=") and col.is_number:
        bad(f"rumus tidak diterima; isi nilai ({_expected(col)})")
        return None
    if not col.is_number:
        text = str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if col.choices and text not in col.choices:
            bad(f"salah satu dari {', '.join(col.choices)}")
        return text
    try:
        number = raw.number_parser(value)
    except (NumberFormatError, OverflowError, TypeError, ValueError):
        bad(_expected(col))
        return None
    if number is None:
        if col.required:
            bad(f"wajib diisi ({_expected(col)})")
        return None
    if number != number or number in (float("inf"), float("-inf")):
        bad(_expected(col))
        return None
    if col.kind == "int" and (not float(number).is_integer() or abs(number) > MAX_INT):
        bad(_expected(col))
        return None
    lo, hi = col.lower_bound, col.upper_bound
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        bad(_expected(col))
        return None
    return int(number) if col.kind == "int" else float(number)


def _coerce_column(raw: RawTable, col: Col, problems: list[Problem]) -> pd.Series:
    """The column typed (``Int64``, ``Float64`` or ``string``); its problems appended in row order.

    The cells :func:`_fast_cells` finds fine are typed at once; the others go through
    :func:`_coerce_cell` one by one, in row order (fine cells have no problems to report).
    Short columns go through :func:`_coerce_cell` entirely: there the vectorised operations cost more
    (about 1 ms a column) than they save.
    """
    column = raw.frame[col.name]
    if len(column) < FAST_PATH_MIN_ROWS:
        typed = [_coerce_cell(raw, col, i, value, problems) for i, value in enumerate(column.tolist())]
        dtype = {"int": "Int64", "str": "string"}.get(col.kind, "Float64")
        return pd.Series(typed, dtype=dtype, name=col.name)
    fine, values = _fast_cells(column, col, raw.number_parser)
    slow = np.flatnonzero(~fine)
    cells = column.iloc[slow].tolist()
    typed = [_coerce_cell(raw, col, int(i), value, problems) for i, value in zip(slow, cells, strict=True)]
    if col.kind == "str":
        if len(slow):
            values.iloc[slow] = typed
        return pd.Series(values.array, name=col.name)
    numbers = np.asarray(values, dtype=np.float64).copy()
    numbers[slow] = [np.nan if v is None else v for v in typed]
    missing = np.isnan(numbers)
    if col.kind == "int":
        array = pd.arrays.IntegerArray(np.where(missing, 0, numbers).astype(np.int64), missing)
    else:
        array = pd.arrays.FloatingArray(np.where(missing, 0.0, numbers), missing)
    return pd.Series(array, name=col.name)


def _check_columns(raw: RawTable, spec: Dataset, problems: list[Problem]) -> bool:
    names = [str(c).strip() for c in raw.frame.columns]
    raw.frame.columns = names
    wanted = [c.name for c in spec.all_columns]
    missing = [c for c in wanted if c not in names]
    extra = [c for c in names if c not in wanted]
    dupes = sorted({c for c in names if names.count(c) > 1})
    for c in missing:
        problems.append(Problem(raw.origin, 1, c, "", "kolom wajib ini tidak ada di baris judul"))
    for c in extra:
        problems.append(Problem(raw.origin, 1, c, "", f"kolom tidak dikenal; kolom yang sah: {', '.join(wanted)}"))
    for c in dupes:
        problems.append(Problem(raw.origin, 1, c, "", "kolom ini muncul lebih dari sekali"))
    return not (missing or extra or dupes)


def _check_keys(raw: RawTable, spec: Dataset, typed: pd.DataFrame, problems: list[Problem]) -> None:
    key = list(spec.full_key)
    dup = typed.duplicated(subset=key, keep="first").to_numpy(bool)
    if not dup.any():
        return
    rows = np.flatnonzero(dup).tolist()
    for i, values in zip(rows, typed.loc[dup, key].itertuples(index=False, name=None), strict=True):
        shown = ", ".join(f"{k}={value}" for k, value in zip(key, values, strict=True))
        problems.append(
            Problem(raw.origin, raw.row_number(i), ", ".join(key), shown, "kunci baris ini sudah dipakai baris lain")
        )


def _check_refs(
    tables: dict[str, tuple[RawTable, pd.DataFrame]], existing: dict[str, pd.DataFrame], problems: list[Problem]
) -> None:
    for name, (raw, typed) in tables.items():
        spec = DATASETS[name]
        for col in spec.columns:
            if not col.ref:
                continue
            ref_name, ref_col = col.ref.split(".")
            ref_frame = tables[ref_name][1] if ref_name in tables else existing.get(ref_name)
            known: set[tuple[int, str]] = set()
            if ref_frame is not None and len(ref_frame):
                # rows with a blank year or code are reported by the required-column check; skip them here
                usable = ref_frame[ref_frame["year"].notna() & ref_frame[ref_col].notna()]
                known = set(zip(usable["year"].astype(int), usable[ref_col].astype(str), strict=True))
            # rows with a blank year or value are not checked; the others must be a (year, code) pair of known
            present = (typed["year"].notna() & typed[col.name].notna()).to_numpy(bool)
            rows = np.flatnonzero(present).tolist()
            years = typed["year"][present].astype(int).tolist()
            values = typed[col.name][present].astype(str).tolist()
            for i, year, value in zip(rows, years, values, strict=True):
                if (year, value) not in known:
                    problems.append(
                        Problem(
                            raw.origin,
                            raw.row_number(i),
                            col.name,
                            value,
                            f"kode tidak dikenal di '{ref_name}' tahun {year}",
                        )
                    )


def validate(
    raws: list[RawTable],
    existing: dict[str, pd.DataFrame] | None = None,
    require_all: bool = True,
) -> dict[str, pd.DataFrame]:
    """Typed frames for every raw table, or :class:`ValidationError` with every problem found.

    ``existing`` holds already-loaded tables that references may point to (e.g. the units of
    a year loaded earlier). ``require_all`` demands every dataset of the schema be present.
    """
    problems: list[Problem] = []
    tables: dict[str, tuple[RawTable, pd.DataFrame]] = {}
    seen = {r.name for r in raws}
    for raw in raws:
        problems.extend(raw.read_problems)
        spec = DATASETS.get(raw.name)
        if spec is None:
            problems.append(
                Problem(raw.origin, None, None, "", f"tabel tidak dikenal; yang sah: {', '.join(sorted(DATASETS))}")
            )
            continue
        if not _check_columns(raw, spec, problems):
            continue
        raw.frame = raw.frame.reset_index(drop=True)
        typed = pd.DataFrame({c.name: _coerce_column(raw, c, problems) for c in spec.all_columns})
        _check_keys(raw, spec, typed, problems)
        tables[raw.name] = (raw, typed)
    if require_all:
        for name in sorted(set(DATASETS) - seen):
            problems.append(Problem(f"tabel '{name}'", None, None, "", "tabel wajib ini tidak ada"))
    _check_refs(tables, existing or {}, problems)
    if problems:
        raise ValidationError(problems)
    return {name: typed for name, (_, typed) in tables.items()}
