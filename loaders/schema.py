"""Declarative description of every table: one spec drives validation, the database and the template.

A :class:`Dataset` is one LKj table in tidy form. Its name is the CSV file stem in ``data/``,
the sheet name in a workbook and the database table name. Every dataset has the columns
``year`` (int) and ``sumber`` (the LKj table the row was read from) besides its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["str", "int", "float", "pct", "rp"]
"""``pct`` is a number in percent (40.71 means 40,71 %); ``rp`` is an amount in Rupiah."""


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
    printed: bool = False
    """A figure the report prints beside the data it is computed from (a capaian, penyerapan or Δ %):
    it belongs to a published report, so a new year's template leaves it empty and the dashboard
    recomputes it; the Kualitas Data checks compare it once the report prints it."""

    @property
    def is_number(self) -> bool:
        return self.kind in ("int", "float", "pct", "rp")

    @property
    def lower_bound(self) -> float | None:
        # Budgets are never negative; an explicit min overrides.
        if self.min is not None:
            return self.min
        return 0.0 if self.kind == "rp" else None

    @property
    def upper_bound(self) -> float | None:
        if self.max is not None:
            return self.max
        # A percentage far beyond any plausible capaian is a typing error, not a result.
        return 10_000.0 if self.kind == "pct" else None


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
