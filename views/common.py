"""What every view needs: the year filter, the loaded report years, the year to compare with."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from loaders.db import REPORT_YEAR_DATASET  # a year with Lampiran 6 rows is a report year

__all__ = [
    "REPORT_YEAR_DATASET",
    "escape_markdown",
    "of_year",
    "previous_in",
    "previous_year",
    "printed_figures",
    "report_years",
    "years_of",
]


@dataclass(frozen=True)
class Tile:
    """A headline metric as a page draws it (``ui.widgets.show_tile``): label, value, the change against
    the previous year, its hover help, and a ``capaian`` that adds the status line under it."""

    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"
    """``st.metric``'s: ``inverse`` where a rise is bad, ``off`` for a fact that is neither better nor worse."""
    help: str | None = None
    capaian: float | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        if self.delta is not None and self.delta.startswith("±"):  # no change: neither good nor bad
            object.__setattr__(self, "delta_color", "off")


def status_label(status: str, lang: str) -> str:
    """``✅ Tercapai``: icon and words of a status (never colour alone)."""
    from views.i18n import text
    from views.theme import STATUS_ICON

    return f"{STATUS_ICON[status]} {text('common.status_' + status, lang)}"


def of_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``year`` (the one year filter; a frame without a ``year`` column is returned whole)."""
    if "year" not in frame.columns:
        return frame
    return frame[frame["year"] == year].reset_index(drop=True)


def years_of(frame: pd.DataFrame | None) -> list[int]:
    """The years ``frame`` has rows for, oldest first."""
    if frame is None or "year" not in frame.columns or frame.empty:
        return []
    return sorted(int(y) for y in frame["year"].dropna().unique())


def report_years(frames: Mapping[str, pd.DataFrame]) -> list[int]:
    """The loaded report years, newest first (see ``REPORT_YEAR_DATASET``)."""
    return sorted(years_of(frames.get(REPORT_YEAR_DATASET)), reverse=True)


def previous_year(years: Iterable[int], year: int) -> int | None:
    """The newest of ``years`` before ``year``: what a figure of ``year`` is compared with, or ``None``."""
    earlier = [y for y in years if y < year]
    return max(earlier) if earlier else None


def previous_in(frame: pd.DataFrame | None, year: int) -> int | None:
    """The newest year before ``year`` that ``frame`` has rows for: the comparison year of its figures.

    With only the LKj 2024 loaded this is 2023 where the report prints 2023's figures beside 2024's;
    once 2025 is loaded, 2025's figures are compared with the 2024 rows.
    """
    return previous_year(years_of(frame), year)


def printed_figures(frames: Mapping[str, pd.DataFrame], year: int) -> dict[str, float]:
    """The numbers the report of ``year`` prints (``printed_figure``), by year-free id; empty before it is printed."""
    pf = frames.get("printed_figure")
    if pf is None or pf.empty:
        return {}
    rows = of_year(pf, year).dropna(subset=["value"]).drop_duplicates("figure")
    return {str(f): float(v) for f, v in zip(rows["figure"], rows["value"], strict=True)}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$!&])")
_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])", re.MULTILINE)


def escape_markdown(value: object) -> str:
    """``value`` as literal text inside Markdown: the characters that make links, images, emphasis,
    HTML, code, maths, tables and ``:color[]`` directives escaped, and list or heading markers at a
    line's start. Commas, dots and percent signs are left alone, so ``Rp 13,12 T`` reads as written.

    For text that comes from a file or a user (names, messages quoting them) and must reach a
    Markdown element: a link or a remote image (a beacon) in an uploaded name stays text.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
