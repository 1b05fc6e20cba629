"""Validation of raw tables against their dataset specs: every problem at once, before any write.

Reading gives :class:`RawTable` objects (cells as text or as the values a workbook holds);
:func:`validate` turns them into typed frames or raises :class:`ValidationError` listing every
problem with its file/sheet, row, column, value and what was expected.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from loaders.datasets import DATASETS
from loaders.numbers import NumberFormatError, parse_id_number, parse_machine_number
from loaders.schema import MAX_INT, MIN_MAGNITUDE, Col, Dataset

NumberParser = Callable[[object], float | None]
MAX_ERRORS_SHOWN = 50
MAX_VALUE_SHOWN = 80
"""Characters of a cell quoted in a problem (a 1 MB cell is quoted by its start)."""

_UNSAFE_VISIBLE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufeff\ufffe\uffff"
_UNSAFE = re.compile(f"[{_UNSAFE_VISIBLE}\ud800-\udfff]")
"""Characters no text cell may hold: control characters (NUL, tab, line breaks, ...), the bidirectional
overrides that make text display in another order than it is stored, non-characters and lone surrogates.
None of them is visible in a table; several break Excel files, PostgreSQL text or the PDF."""
_UNSAFE_ARROW = f"[{_UNSAFE_VISIBLE}]"
"""The same for pandas ``str`` columns (UTF-8 in Arrow: a lone surrogate cannot be in them, nor in a pattern)."""
_CHAR_NAMES = {
    "\x00": "NUL",
    "\t": "tab",
    "\n": "baris baru",
    "\r": "baris baru (CR)",
    "\x0b": "tab vertikal",
    "\x0c": "ganti halaman",
    "\x1b": "escape",
    "\x7f": "DEL",
    "\u2028": "pemisah baris",
    "\u2029": "pemisah paragraf",
    "\ufeff": "BOM",
}


def _char_name(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    name = _CHAR_NAMES.get(ch)
    if name is None and "\u202a" <= ch <= "\u2069":
        name = "pengatur arah teks"
    return f"{code} ({name})" if name else code


def shown_value(value: object) -> str:
    """A cell as a problem quotes it: unsafe characters as ``<U+0000>``, at most :data:`MAX_VALUE_SHOWN` characters."""
    text = str(value)
    cut = len(text) > MAX_VALUE_SHOWN
    text = _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text[:MAX_VALUE_SHOWN])
    return text + ("…" if cut else "")


def text_problem(text: str, col: Col) -> str | None:
    """What is wrong with a text cell (already stripped and NFC), or ``None``: unsafe characters, length."""
    bad = _UNSAFE.search(text)
    if bad is not None:
        return (
            f"berisi karakter tak terlihat {_char_name(bad.group())} di posisi {bad.start() + 1}; "
            "hapus karakter itu (teks harus satu baris tanpa karakter kendali)"
        )
    if len(text) > col.max_length:
        return f"teks terlalu panjang: {len(text):,} karakter; batasnya {col.max_length:,} karakter".replace(",", ".")
    return None


def _fmt(x: float) -> str:
    """A bound in Indonesian digits (``10.000.000.000.000.000``, ``0,000001``), never ``1e+16``."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.6f}".rstrip("0").replace(",", "_").replace(".", ",").replace("_", ".")


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
    if col.kind == "int":
        lo = -MAX_INT if lo is None else lo
        hi = MAX_INT if hi is None else hi
    if lo is not None and hi is not None:
        kind += f" ≥ {_fmt(lo)} dan ≤ {_fmt(hi)}"
    elif lo is not None:
        kind += f" ≥ {_fmt(lo)}"
    elif hi is not None:
        kind += f" ≤ {_fmt(hi)}"
    return kind


def _number_problem(number: float, col: Col) -> str | None:
    """What is wrong with a parsed number, in plain words with the limit, or ``None``."""
    if number != number or number in (float("inf"), float("-inf")):
        return _NOT_FINITE.format(expected=_expected(col))
    if col.kind == "int" and not float(number).is_integer():
        return f"{_expected(col)}: bukan bilangan bulat"
    lo, hi = col.lower_bound, col.upper_bound
    if col.kind == "int":
        lo = -MAX_INT if lo is None else lo
        hi = MAX_INT if hi is None else hi
    if hi is not None and number > hi:
        return f"{_expected(col)}: terlalu besar"
    if lo is not None and number < lo:
        return f"{_expected(col)}: terlalu kecil"
    if number != 0 and abs(number) < MIN_MAGNITUDE:
        return (
            f"{_expected(col)}: terlalu dekat ke nol; angka bukan nol paling kecil {_fmt(MIN_MAGNITUDE)}, "
            "isi 0 atau angka yang lebih besar"
        )
    return None


_NOT_FINITE = "{expected}: tak hingga atau NaN bukan angka yang dapat dipakai; isi angka biasa"


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
        # text with nothing to strip, no unsafe character, NFC, not too long, among the choices if there are any
        fine = (texts.str.strip(_SPACES) == texts).to_numpy(bool) & ~empty
        fine &= (texts.str.len() <= col.max_length).to_numpy(bool, na_value=False)
        fine &= ~texts.str.contains(_UNSAFE_ARROW, na=True).to_numpy(bool)
        fine &= texts.map(_is_nfc, na_action="ignore").astype("boolean").to_numpy(bool, na_value=False)
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
        fine = plain & np.isfinite(numbers) & ((numbers == 0) | (np.abs(numbers) >= MIN_MAGNITUDE))
        if col.kind == "int":
            fine &= (numbers == np.floor(numbers)) & (np.abs(numbers) <= MAX_INT)
        if lo is not None:
            fine &= numbers >= lo
        if hi is not None:
            fine &= numbers <= hi
    numbers[~fine] = np.nan
    return fine | blank_allowed, numbers


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def _coerce_cell(raw: RawTable, col: Col, i: int, value: object, problems: list[Problem]) -> object:
    """The typed value of one cell (``None`` when blank or wrong); what is wrong goes to ``problems``."""
    row = raw.row_number(i)
    shown = "" if _blank(value) else shown_value(value)

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
        wrong = text_problem(text, col)
        if wrong is None:
            text = unicodedata.normalize("NFC", text)
            wrong = text_problem(text, col)  # composing can only shorten, but say so if it does not
        if wrong is not None:
            bad(wrong)
            return None
        if col.choices and text not in col.choices:
            bad(f"salah satu dari {', '.join(col.choices)}")
        return text
    try:
        number = raw.number_parser(value)
    except OverflowError:
        bad(_NOT_FINITE.format(expected=_expected(col)))
        return None
    except (NumberFormatError, TypeError, ValueError):
        if _not_finite(value):
            bad(_NOT_FINITE.format(expected=_expected(col)))
        else:
            bad(_expected(col))
        return None
    if number is None:
        if col.required:
            bad(f"wajib diisi ({_expected(col)})")
        return None
    wrong = _number_problem(number, col)
    if wrong is not None:
        bad(wrong)
        return None
    return int(number) if col.kind == "int" else float(number)


def _not_finite(value: object) -> bool:
    """Whether a cell that is not a number reads as NaN or infinity (``nan``, ``-inf``, ``∞``, ``1e999``)."""
    text = str(value).strip().lower()
    if text.lstrip("+-") in ("∞", "tak hingga"):
        return True
    try:
        number = float(text)
    except ValueError:
        return False
    return not math.isfinite(number)


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
        problems.append(
            Problem(raw.origin, 1, shown_value(c), "", f"kolom tidak dikenal; kolom yang sah: {', '.join(wanted)}")
        )
    for c in dupes:
        problems.append(Problem(raw.origin, 1, shown_value(c), "", "kolom ini muncul lebih dari sekali"))
    return not (missing or extra or dupes)


def _check_keys(raw: RawTable, spec: Dataset, typed: pd.DataFrame, problems: list[Problem]) -> None:
    key = list(spec.full_key)
    dup = typed.duplicated(subset=key, keep="first").to_numpy(bool)
    if not dup.any():
        return
    rows = np.flatnonzero(dup).tolist()
    for i, values in zip(rows, typed.loc[dup, key].itertuples(index=False, name=None), strict=True):
        shown = shown_value(", ".join(f"{k}={value}" for k, value in zip(key, values, strict=True)))
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
                            shown_value(value),
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
    a year loaded earlier). ``require_all`` demands every dataset of the schema be present (but the
    quarterly ones, ``Dataset.per_quarter``, which are then returned empty when absent).
    """
    problems: list[Problem] = []
    tables: dict[str, tuple[RawTable, pd.DataFrame]] = {}
    seen = {r.name for r in raws}
    first: dict[str, str] = {}
    for raw in raws:
        problems.extend(raw.read_problems)
        if raw.name in first:
            # two sheets or files for one table: which one is meant is not ours to guess
            problems.append(
                Problem(raw.origin, None, None, "", f"tabel '{shown_value(raw.name)}' sudah ada di {first[raw.name]}")
            )
            continue
        first[raw.name] = raw.origin
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
            if not DATASETS[name].per_quarter:  # a year need not hold quarterly monitoring
                problems.append(Problem(f"tabel '{name}'", None, None, "", "tabel wajib ini tidak ada"))
    _check_refs(tables, existing or {}, problems)
    _check_rows(tables, existing or {}, problems)
    if problems:
        raise ValidationError(problems)
    out = {name: typed for name, (_, typed) in tables.items()}
    if require_all:  # every dataset of the schema, the quarterly ones empty when absent
        for name in sorted(set(DATASETS) - set(out)):
            out[name] = _empty(DATASETS[name])
    return out


def _empty(spec: Dataset) -> pd.DataFrame:
    """A typed frame of ``spec`` without rows."""
    dtypes = {c.name: {"int": "Int64", "str": "string"}.get(c.kind, "Float64") for c in spec.all_columns}
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


def _check_rows(
    tables: dict[str, tuple[RawTable, pd.DataFrame]], existing: dict[str, pd.DataFrame], problems: list[Problem]
) -> None:
    """The datasets' own row checks (:attr:`loaders.schema.Dataset.row_check`), against uploaded or loaded tables."""

    def lookup(name: str) -> pd.DataFrame | None:
        return tables[name][1] if name in tables else existing.get(name)

    for name, (raw, typed) in tables.items():
        check = DATASETS[name].row_check
        if check is None or not len(typed):
            continue
        for i, column, value, expected in check(typed, lookup):
            shown = "" if _blank(value) else shown_value(value)
            problems.append(Problem(raw.origin, raw.row_number(int(i)), column, shown, expected))
