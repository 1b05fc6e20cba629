"""Validation of raw tables against their dataset specs: every problem at once, before any write.

Reading gives :class:`RawTable` objects (cells as text or as the values a workbook holds);
:func:`validate` turns them into typed frames or raises :class:`ValidationError` listing every
problem with its file/sheet, row, column, value and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from loaders.datasets import DATASETS
from loaders.numbers import NumberFormatError, parse_machine_number
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


def _coerce_column(raw: RawTable, col: Col, problems: list[Problem]) -> pd.Series:
    values = raw.frame[col.name].tolist()
    out: list[object] = []
    for i, value in enumerate(values):
        row = raw.row_number(i)
        shown = "" if _blank(value) else str(value)

        def bad(expected: str, row: int = row, shown: str = shown) -> None:
            problems.append(Problem(raw.origin, row, col.name, shown, expected))

        if _blank(value):
            if col.required:
                bad(f"wajib diisi ({_expected(col)})")
            out.append(None)
            continue
        if isinstance(value, str) and value.lstrip().startswith("=") and col.is_number:
            bad(f"rumus tidak diterima; isi nilai ({_expected(col)})")
            out.append(None)
            continue
        if not col.is_number:
            text = str(value).strip()
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))
            if col.choices and text not in col.choices:
                bad(f"salah satu dari {', '.join(col.choices)}")
            out.append(text)
            continue
        try:
            number = raw.number_parser(value)
        except (NumberFormatError, OverflowError, TypeError, ValueError):
            bad(_expected(col))
            out.append(None)
            continue
        if number is None:
            if col.required:
                bad(f"wajib diisi ({_expected(col)})")
            out.append(None)
            continue
        if number != number or number in (float("inf"), float("-inf")):
            bad(_expected(col))
            out.append(None)
            continue
        if col.kind == "int" and (not float(number).is_integer() or abs(number) > MAX_INT):
            bad(_expected(col))
            out.append(None)
            continue
        lo, hi = col.lower_bound, col.upper_bound
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            bad(_expected(col))
            out.append(None)
            continue
        out.append(int(number) if col.kind == "int" else float(number))
    dtype = {"int": "Int64", "str": "string"}.get(col.kind, "Float64")
    return pd.Series(out, dtype=dtype, name=col.name)


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
    dup = typed.duplicated(subset=key, keep="first")
    for i in dup[dup].index:
        values = ", ".join(f"{k}={typed.at[i, k]}" for k in key)
        problems.append(
            Problem(
                raw.origin, raw.row_number(int(i)), ", ".join(key), values, "kunci baris ini sudah dipakai baris lain"
            )
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
            for i, (year, value) in enumerate(zip(typed["year"], typed[col.name], strict=True)):
                if pd.isna(value) or pd.isna(year):
                    continue
                if (int(year), str(value)) not in known:
                    problems.append(
                        Problem(
                            raw.origin,
                            raw.row_number(i),
                            col.name,
                            str(value),
                            f"kode tidak dikenal di '{ref_name}' tahun {int(year)}",
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
