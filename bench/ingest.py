"""Ingest figure: rows/s through ``loaders.validate.validate`` + ``loaders.db.replace_all``.

Each run starts from the text cells (as ``read_csv_dir`` gives them) and writes into an empty
database: a fresh SQLite file, or a throw-away schema on PostgreSQL (as ``tests/conftest.py``).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine, text

from bench import synth
from loaders import db
from loaders.validate import validate

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _one(frames: dict[str, pd.DataFrame], engine) -> tuple[float, float]:
    t = time.perf_counter()
    typed = validate(synth.raw_tables(frames))
    t1 = time.perf_counter()
    db.replace_all(engine, typed, "bench")
    return t1 - t, time.perf_counter() - t1


def sqlite_runs(frames: dict[str, pd.DataFrame], runs: int, workdir: Path, keep: Path | None = None) -> dict:
    """``runs`` ingests (after one discarded) into fresh SQLite files; the last is kept at ``keep``."""
    val, wr = [], []
    for i in range(runs + 1):
        path = workdir / f"ingest_{uuid.uuid4().hex[:8]}.sqlite"
        engine = create_engine(f"sqlite:///{path}")
        db.transactional_ddl(engine)  # as loaders.db.get_engine makes it
        v, w = _one(frames, engine)
        engine.dispose()
        if i:
            val.append(v)
            wr.append(w)
        if keep is not None and i == runs:
            path.replace(keep)
        else:
            path.unlink(missing_ok=True)
    return {"validate": val, "write": wr}


def pg_available() -> bool:
    try:
        eng = create_engine(PG_URL)
        with eng.connect() as c:
            c.execute(text("select 1"))
        eng.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means: skip PostgreSQL
        return False


def pg_runs(frames: dict[str, pd.DataFrame], runs: int) -> dict:
    """``runs`` ingests (after one discarded) each into a new schema that is dropped afterwards."""
    admin = create_engine(PG_URL)
    val, wr = [], []
    try:
        for i in range(runs + 1):
            schema = f"bench_{uuid.uuid4().hex[:12]}"
            with admin.begin() as c:
                c.execute(text(f'CREATE SCHEMA "{schema}"'))
            engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
            try:
                v, w = _one(frames, engine)
            finally:
                engine.dispose()
                with admin.begin() as c:
                    c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            if i:
                val.append(v)
                wr.append(w)
    finally:
        admin.dispose()
    return {"validate": val, "write": wr}
