"""The data the API serves: every table of the current data version, read once per version and process.

As the dashboard does (``ui.data``), a process trusts the version it read for
:data:`VERSION_TTL_S` seconds, so a publication from a dashboard replica or the command line is
served within that. The version is the pair (published version, load id): the first is what the
dashboard's sidebar shows and every response carries (``data_version``), the second changes with
any write, versioned or not. The tables are read between two reads of that pair, and read again
when a publication committed in between, so a response never mixes two versions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine, func, select

from loaders import db
from views.common import REPORT_YEAR_DATASET, report_years, years_of

VERSION_TTL_S = 2.0
"""As ``ui.data.VERSION_TTL_S``: how long a process serves the version it read before asking again."""


@dataclass(frozen=True)
class Snapshot:
    """The tables of one data version, shared read-only by every request, and results computed from them."""

    version: int
    load: int
    frames: Mapping[str, pd.DataFrame]
    memo: dict = field(default_factory=dict, compare=False)

    @property
    def tag(self) -> str:
        """Changes whenever the data does: part of every ETag."""
        return f"{self.version}.{self.load}"

    @property
    def years(self) -> list[int]:
        """The loaded report years, newest first (``views.common.report_years``)."""
        return report_years({REPORT_YEAR_DATASET: self.frames[REPORT_YEAR_DATASET]})

    def data_years(self) -> list[int]:
        """Every year some table has rows for (report years and the earlier years they compare with)."""
        return self.computed(("data_years",), lambda: sorted({y for f in self.frames.values() for y in years_of(f)}))

    def computed(self, key: tuple, build: Callable[[], object]) -> object:
        """``build()`` once per snapshot and ``key`` (the headline or the checks of a year)."""
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]


def _stamp_statement():
    current = (
        select(func.coalesce(func.max(db.data_version.c.id), 0))
        .where(db.data_version.c.status == "current")
        .scalar_subquery()
    )
    load = select(func.coalesce(func.max(db.data_load.c.load_id), 0)).scalar_subquery()
    return select(current, load)


class Store:
    """The current :class:`Snapshot` of ``engine``'s database, re-read when the version changes."""

    def __init__(self, engine: Engine, ttl: float = VERSION_TTL_S):
        self.engine = engine
        self.ttl = ttl
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._stamp_at = float("-inf")
        self._snapshot: Snapshot | None = None

    def _read_stamp(self) -> tuple[int, int]:
        # a database that cannot be reached raises (answered 503), never "no data"
        with self.engine.connect() as conn:
            version, load = conn.execute(_stamp_statement()).one()
        return int(version), int(load)

    def stamp(self) -> tuple[int, int]:
        """(published version, load id), read from the database at most every ``ttl`` seconds."""
        now = time.monotonic()
        if self._stamp is None or now - self._stamp_at >= self.ttl:
            self._stamp, self._stamp_at = self._read_stamp(), now
        return self._stamp

    def refresh(self) -> None:
        """Forget the version read, so the next request asks the database."""
        self._stamp = None

    def snapshot(self) -> Snapshot:
        """The tables of the current version (read once per version)."""
        stamp = self.stamp()
        snap = self._snapshot
        if snap is not None and (snap.version, snap.load) == stamp:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is not None and (snap.version, snap.load) == stamp:
                return snap
            for _ in range(5):
                frames = db.read_all(self.engine)
                after = self._read_stamp()
                if after == stamp:
                    break
                stamp = after  # a publication committed while reading: read again
            self._stamp, self._stamp_at = stamp, time.monotonic()
            self._snapshot = Snapshot(stamp[0], stamp[1], frames)
            return self._snapshot
