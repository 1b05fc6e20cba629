"""The one table model: what a page, the PDF and the workbook show of a table.

A view builds a :class:`Table` with :func:`make_table` from a frame of numbers and a list of
:class:`Column` s; the page draws ``display`` (numbers as Indonesian or English text, right-aligned)
and offers ``raw`` (the numbers, so a spreadsheet can sum them) for download.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_rp_signed, fmt_signed

Kind = Literal["text", "int", "num", "pct", "rp", "rp_short", "rp_signed", "signed", "year"]
NUMERIC_KINDS: frozenset[str] = frozenset({"int", "num", "pct", "rp", "rp_short", "rp_signed", "signed"})


@dataclass(frozen=True)
class Column:
    """One column: the frame's ``key``, the header shown, how its values are written."""

    key: str
    label: str
    kind: Kind = "text"
    decimals: int = 2


@dataclass(frozen=True)
class Table:
    """A table as shown (``display``) and as downloaded (``raw``), with its name and LKj sources."""

    display: pd.DataFrame
    raw: pd.DataFrame
    name: str
    sources: tuple[str, ...]
    title: str = ""
    right: tuple[str, ...] = field(default=())
    """Headers of the columns that hold numbers (right-aligned when drawn)."""

    def __len__(self) -> int:
        return len(self.display)


def formatter(kind: Kind, decimals: int, lang: str) -> Callable[[object], str]:
    """How one cell of a column of ``kind`` is written in ``lang`` (``kpi.format``)."""
    if kind == "int":
        return lambda v: fmt_number(v, 0, lang)
    if kind == "num":
        return lambda v: fmt_number(v, decimals, lang)
    if kind == "pct":
        return lambda v: fmt_pct(v, decimals, lang)
    if kind == "rp":
        return lambda v: fmt_rp(v, lang)
    if kind == "rp_short":
        return lambda v: fmt_rp_short(v, lang, decimals)
    if kind == "rp_signed":
        return lambda v: fmt_rp_signed(v, lang)
    if kind == "signed":
        return lambda v: fmt_signed(v, decimals, lang)
    if kind == "year":
        return lambda v: "–" if v is None or pd.isna(v) else str(int(v))
    return lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def make_table(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    lang: str,
    name: str,
    sources: Sequence[str],
    title: str = "",
) -> Table:
    """``frame``'s ``columns`` under their headers: formatted for display, as numbers for download."""
    raw = pd.DataFrame({c.label: frame[c.key].to_list() for c in columns}, index=range(len(frame)))
    display = pd.DataFrame(
        {c.label: [formatter(c.kind, c.decimals, lang)(v) for v in frame[c.key].to_list()] for c in columns},
        index=range(len(frame)),
        dtype=object,
    )
    right = tuple(c.label for c in columns if c.kind in NUMERIC_KINDS)
    return Table(display, raw, name, tuple(sources), title, right)
