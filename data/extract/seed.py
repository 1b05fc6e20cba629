"""Reading the LKj seed text: locate a table by its caption and split its tab-separated rows."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")


def clean_cell(text: str) -> str:
    """A cell without HTML tags, entities or surrounding/duplicate white space."""
    text = html.unescape(_TAG.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def is_bold(text: str) -> bool:
    """Whether a cell was printed bold (the report marks total and group rows this way)."""
    return "<b>" in text.lower()


@dataclass(frozen=True)
class Row:
    """One tab-separated line of the seed: its 1-based line number, raw cells and cleaned cells."""

    lineno: int
    raw: tuple[str, ...]

    @property
    def cells(self) -> list[str]:
        return [clean_cell(c) for c in self.raw]

    @property
    def filled(self) -> list[str]:
        """The non-empty cleaned cells, in order (indentation tabs dropped)."""
        return [c for c in self.cells if c]

    @property
    def bold(self) -> bool:
        return any(is_bold(c) for c in self.raw)


class SeedDoc:
    """The LKj text as lines, with helpers to find a table and read its rows."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    @classmethod
    def from_path(cls, path: Path) -> SeedDoc:
        return cls(path.read_text(encoding="utf-8"))

    def find(self, pattern: str, start: int = 0, end: int | None = None) -> int:
        """0-based index of the first line at or after ``start`` matching the regex ``pattern``."""
        rx = re.compile(pattern)
        stop = len(self.lines) if end is None else end
        for i in range(start, stop):
            if rx.search(self.lines[i]):
                return i
        raise LookupError(f"pattern {pattern!r} not found after line {start + 1}")

    def caption(self, table_id: str) -> int:
        """Index of the ``**Tabel 3.2**`` caption line of a table."""
        return self.find(rf"^\*\*{re.escape(table_id)}\*\*\s*$")

    def rows(self, start: int, end: int) -> list[Row]:
        """Tab-separated rows between two 0-based line indexes (end exclusive)."""
        return [Row(i + 1, tuple(self.lines[i].split("\t"))) for i in range(start, end) if "\t" in self.lines[i]]

    def table_rows(self, table_id: str, end_pattern: str = r"^Sumber\s*:") -> list[Row]:
        """The rows of a captioned table, from its caption to the next ``Sumber:`` line."""
        start = self.caption(table_id)
        end = self.find(end_pattern, start + 1)
        return self.rows(start + 1, end)
