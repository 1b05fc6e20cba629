"""Cached access to the database for the pages: one engine per database URL, tables per data version."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from loaders import db


def engine() -> Engine:
    """The engine (and its connection pool) of ``DATABASE_URL``, one per URL and process."""
    return db.get_engine()


def _url() -> str:
    return engine().url.render_as_string(hide_password=True)


def data_version() -> int:
    """The id of the latest load: part of every cache key, so a new load is seen at once."""
    with engine().connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(db.data_load.c.load_id), 0))).scalar_one())


@st.cache_resource(show_spinner=False, max_entries=64)
def _table(name: str, version: int, url: str) -> pd.DataFrame:
    return db.read_table(engine(), name)


def table(name: str, year: int | None = None) -> pd.DataFrame:
    """A dataset (all years, or one), read once per data version and shared by all sessions.

    The shared frame is read-only: callers get a copy only of the rows they ask for.
    """
    frame = _table(name, data_version(), _url())
    if year is None:
        return frame
    return frame[frame["year"] == year].reset_index(drop=True)


def years(name: str) -> list[int]:
    """The years ``name`` has rows for, oldest first."""
    return sorted(int(y) for y in _table(name, data_version(), _url())["year"].dropna().unique())


def printed(figure: str, year: int) -> float | None:
    """A figure as the report prints it (``printed_figure`` table), or ``None``."""
    pf = table("printed_figure", year)
    hit = pf.loc[pf["figure"] == figure, "value"]
    return None if hit.empty or pd.isna(hit.iloc[0]) else float(hit.iloc[0])


@st.cache_data(show_spinner=False, max_entries=16)
def _checks(version: int, year: int, url: str) -> tuple[list, dict, dict, list]:
    from kpi.checks import run_checks
    from loaders.datasets import DATASETS

    report = run_checks({name: table(name) for name in DATASETS}, year)
    return list(report), dict(report.ran), dict(report.ran_by_table), list(report.skipped)


def check_report(year: int):
    """The Kualitas Data checks of ``year`` (a ``kpi.checks.CheckReport``), run once per data version."""
    from kpi.checks import CheckReport

    findings, ran, ran_by_table, skipped = _checks(data_version(), year, _url())
    report = CheckReport(findings)
    report.ran.update(ran)
    report.ran_by_table.update(ran_by_table)
    report.skipped = skipped
    return report
