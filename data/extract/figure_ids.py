"""Printed-figure ids without a year: a figure belongs to the report that prints it.

The extractors name a printed figure after where it stands and which year it is about
(``T3.20.total.pagu_rp.2023``, ``B3.2.1.blkk.tumbuh_2024``). Stored, a figure carries its report
year in the ``year`` column and a year-free id: the report year's own value has no suffix, an
earlier year's value is named by its distance (``.prev``, ``_prev2``, ``lk_prev``), so the same
id means the same figure in the LKj 2024, 2025 and 2026 and a rule can ask for it in any year.
"""

from __future__ import annotations

import re

import pandas as pd

_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
_RANGE = re.compile(r"_(20[0-9]{2})_(20[0-9]{2})")


def _distance(year: int, report_year: int) -> str:
    gap = report_year - year
    if gap < 0:
        raise ValueError(f"a figure about {year} cannot be printed in the report of {report_year}")
    return "" if gap == 0 else ("prev" if gap == 1 else f"prev{gap}")


def year_free_id(figure: str, report_year: int) -> str:
    """``figure`` with each year replaced by its distance from ``report_year`` (see the module doc)."""

    def one_range(m: re.Match) -> str:  # kenaikan_2020_2024 -> kenaikan_since_prev4
        start, end = int(m.group(1)), int(m.group(2))
        if end != report_year:
            raise ValueError(f"{figure}: a range that ends before the report year")
        return f"_since_{_distance(start, report_year)}"

    out = _RANGE.sub(one_range, figure)

    def one(m: re.Match) -> str:
        return _distance(int(m.group(1)), report_year)

    out = _YEAR.sub(one, out)
    out = re.sub(r"lk(prev\d*)", r"lk_\1", out)  # lk2023 -> lk_prev
    return out.replace("__", "_").rstrip("._")


def year_free(frame: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """The ``printed_figure`` rows of one report with year-free ids, each row in ``report_year``."""
    out = frame.copy()
    out["figure"] = [year_free_id(str(f), report_year) for f in out["figure"]]
    out["year"] = report_year
    dup = out["figure"].duplicated(keep=False)
    if dup.any():
        raise ValueError(f"printed figures collide without their year: {sorted(set(out.loc[dup, 'figure']))}")
    return out
