"""Declarative description of every table: one spec drives validation, the database and the template.

A :class:`Dataset` is one LKj table in tidy form. Its name is the CSV file stem in ``data/``,
the sheet name in a workbook and the database table name. Every dataset has the columns
``year`` (int) and ``sumber`` (the LKj table the row was read from) besides its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["str", "int", "float", "pct", "rp"]
"""``pct`` is a number in percent (40.71 means 40,71 %); ``rp`` is an amount in Rupiah."""

# --- the limits every output can render: validation enforces them, the database columns are sized by them

MAX_INT = 2_147_483_647
"""Whole numbers are stored in 32-bit INTEGER columns (PostgreSQL ``integer``)."""
KIND_RANGE: dict[str, tuple[float, float]] = {
    "rp": (0.0, 1e16),
    "pct": (-10_000.0, 10_000.0),
    "float": (-1e16, 1e16),
}
"""The widest range of each number kind: the ministry's whole budget is about 10^13 Rupiah, a capaian or a
change beyond ±10.000 % is a typing error, and no count, index or score of the report comes near 10^16.
Far below the float limit (about 1,8·10^308), so sums, ratios and products of accepted numbers stay finite."""
MIN_MAGNITUDE = 1e-4
"""The smallest non-zero magnitude of a number (the report prints at most two decimals): a ratio of two
accepted numbers in percent stays below 10^22, which ``kpi.format`` still writes with four decimals,
where a nearer-zero divisor (5·10^-324) would make it infinite."""
TEXT_LENGTH = 500
"""Most characters of a text cell (codes, units, short labels)."""
LONG_TEXT_LENGTH = 1000
"""Most characters of a name, label or description (the longest in the LKj 2024 has 227)."""
LONG_TEXT_COLUMNS = ("name", "label", "doc")


@dataclass(frozen=True)
class Col:
    """One column: its type, whether it may be empty, its allowed range and what it refers to."""

    name: str
    kind: Kind = "str"
    required: bool = True
    ref: str | None = None
    """``"dataset.column"`` that must hold this value for the same year, e.g. ``"unit.code"``."""
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    doc: str = ""
    length: int | None = None
    """Most characters of a text column (default :data:`TEXT_LENGTH`, names :data:`LONG_TEXT_LENGTH`)."""
    printed: bool = False
    """A figure the report prints beside the data it is computed from (a capaian, penyerapan or Δ %):
    it belongs to a published report, so a new year's template leaves it empty and the dashboard
    recomputes it; the Kualitas Data checks compare it once the report prints it."""

    @property
    def is_number(self) -> bool:
        return self.kind in ("int", "float", "pct", "rp")

    @property
    def lower_bound(self) -> float | None:
        """The smallest value allowed: ``min`` within the kind's range (Rupiah are never negative)."""
        kind_lo = KIND_RANGE[self.kind][0] if self.kind in KIND_RANGE else None
        if self.min is None:
            return kind_lo
        return self.min if kind_lo is None else max(self.min, kind_lo)

    @property
    def upper_bound(self) -> float | None:
        """The largest value allowed: ``max`` within the kind's range."""
        kind_hi = KIND_RANGE[self.kind][1] if self.kind in KIND_RANGE else None
        if self.max is None:
            return kind_hi
        return self.max if kind_hi is None else min(self.max, kind_hi)

    @property
    def max_length(self) -> int:
        """Most characters of a text cell: the database column is this long (``loaders.db``), validation refuses more."""
        if self.length is not None:
            return self.length
        return LONG_TEXT_LENGTH if self.name in LONG_TEXT_COLUMNS else TEXT_LENGTH


RowProblem = tuple[int, str, object, str]
"""What a :attr:`Dataset.row_check` reports: (row position in the frame, column, value, what was expected)."""

YEAR = Col("year", "int", min=2000, max=2100, doc="Tahun laporan / tahun data")
SUMBER = Col("sumber", "str", doc="Tabel LKj asal baris ini, mis. 'Tabel 3.21'")


@dataclass(frozen=True)
class Dataset:
    """One table: its columns (besides ``year`` and ``sumber``) and the columns that identify a row."""

    name: str
    title: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    """Columns that identify a row within a year (``year`` is added automatically)."""
    doc: str = ""
    per_quarter: bool = False
    """A quarterly monitoring table (``triwulan_*``, with a ``quarter`` column): a year's upload need not hold
    it, and a write replaces its rows only for the (year, quarter) pairs it holds rows of, so a quarter is
    published on its own without touching the year's other tables (:func:`loaders.db.replaced_keys`)."""
    row_check: Callable[[pd.DataFrame, Callable[[str], pd.DataFrame | None]], Iterable[RowProblem]] | None = field(
        default=None, compare=False, repr=False
    )
    """What ``Col.ref`` cannot say: ``(typed frame, lookup) -> problems``, ``lookup(name)`` giving the uploaded
    or already loaded frame of another dataset (e.g. a code whose table depends on the row's ``level``)."""

    @property
    def all_columns(self) -> tuple[Col, ...]:
        return (YEAR, *self.columns, SUMBER)

    @property
    def full_key(self) -> tuple[str, ...]:
        return ("year", *self.key)

    def col(self, name: str) -> Col:
        for c in self.all_columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")
