"""Cached access to the database for the pages: one engine per database URL, tables per data version."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from loaders import db
from loaders.datasets import DATASETS
from views.common import REPORT_YEAR_DATASET, of_year, previous_year, report_years, years_of


def engine() -> Engine:
    """The engine (and its connection pool) of ``DATABASE_URL``, one per URL and process."""
    return db.get_engine()


def _url() -> str:
    return engine().url.render_as_string(hide_password=True)


VERSION_TTL_S = 2.0
"""How long a process trusts the data version it read: a page rerun asks for it once per table it reads."""


@st.cache_resource(show_spinner=False, ttl=VERSION_TTL_S)
def _version(url: str) -> int:
    with engine().connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(db.data_load.c.load_id), 0))).scalar_one())


def data_version() -> int:
    """The id of the latest load: part of every cache key, so a new load is seen.

    Read from the database at most every ``VERSION_TTL_S`` seconds per process: a load from the
    command line or another replica is seen within that; :func:`refresh` (called by Kelola Data
    after a publish or rollback) makes this process see it at once.
    """
    return _version(_url())


def refresh() -> None:
    """Forget the data version read, so the next read asks the database."""
    _version.clear()


@st.cache_resource(show_spinner=False, max_entries=64)
def _table(name: str, version: int, url: str) -> pd.DataFrame:
    return db.read_table(engine(), name)


def table(name: str, year: int | None = None) -> pd.DataFrame:
    """A dataset (all years, or one), read once per data version and shared by all sessions.

    The frames are shared and read-only: with ``year`` callers get a shallow copy of the year's rows.
    """
    if year is None:
        return _table(name, data_version(), _url())
    # a shallow copy: with pandas' copy-on-write a caller adding a column never touches the cached frame
    return _year_rows(name, int(year), data_version(), _url()).copy(deep=False)


@st.cache_resource(show_spinner=False, max_entries=256)
def _year_rows(name: str, year: int, version: int, url: str) -> pd.DataFrame:
    return of_year(_table(name, version, url), year)


def years(name: str) -> list[int]:
    """The years ``name`` has rows for, oldest first."""
    return years_of(_table(name, data_version(), _url()))


def frames(*names: str) -> dict[str, pd.DataFrame]:
    """The named datasets (every dataset when none is named), all years, shared and read-only."""
    return {name: table(name) for name in (names or DATASETS)}


@st.cache_resource(show_spinner=False, max_entries=4)
def _report_years(version: int, url: str) -> list[int]:
    return report_years({REPORT_YEAR_DATASET: _table(REPORT_YEAR_DATASET, version, url)})


def loaded_years() -> list[int]:
    """The loaded report years, newest first (``views.common.report_years``)."""
    return list(_report_years(data_version(), _url()))


def compared_year(year: int) -> int | None:
    """The loaded report year before ``year`` that its figures are compared with, or ``None``."""
    return previous_year(loaded_years(), year)


def printed(figure: str, year: int) -> float | None:
    """A figure as the report prints it (``printed_figure`` table), or ``None``."""
    return _printed(int(year), data_version(), _url()).get(figure)


@st.cache_resource(show_spinner=False, max_entries=32)
def _printed(year: int, version: int, url: str) -> dict[str, float | None]:
    pf = _year_rows("printed_figure", year, version, url).drop_duplicates("figure")
    return {f: (None if pd.isna(v) else float(v)) for f, v in zip(pf["figure"], pf["value"], strict=True)}


@st.cache_resource(show_spinner=False, max_entries=16)
def _checks(version: int, year: int, url: str):
    from kpi.checks import run_checks

    return run_checks(frames(), year)


def check_report(year: int):
    """The Kualitas Data checks of ``year`` (a ``kpi.checks.CheckReport``), run once per data version.

    The report is shared by every session (a cached resource): callers read it, never change it.
    """
    return _checks(data_version(), year, _url())
