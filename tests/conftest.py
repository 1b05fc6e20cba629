"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, and the committed data."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bench.rerun import open_sections, sections  # noqa: F401 - the pages' tests open and read on-demand sections

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SEED = ROOT.parent / "shared" / "seeds" / "004_2e0c9e8ac66c8ce6.txt"
PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _pg_schema_engine():
    """An engine on PostgreSQL whose tables live in a throw-away schema of their own."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        if IN_CI:
            raise
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc.orig}")
    engine = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    return engine, admin, schema


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a new schema on the local PostgreSQL."""
    if request.param == "sqlite":
        from loaders.db import transactional_ddl

        eng = create_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
        transactional_ddl(eng)  # as loaders.db.get_engine makes every SQLite engine
        yield eng
        eng.dispose()
        return
    eng, admin, schema = _pg_schema_engine()
    yield eng
    eng.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def frames():
    """The committed data/ folder, validated and typed (what the database is built from)."""
    from loaders.readers import read_csv_dir
    from loaders.validate import validate

    return validate(read_csv_dir(DATA_DIR))


@pytest.fixture(scope="session")
def app_db(tmp_path_factory, frames):
    """A SQLite database built from data/ once per test session; DATABASE_URL points at it."""
    from loaders import db

    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'app.sqlite'}"
    db.replace_all(db.get_engine(url), frames, "data")
    old = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    yield url
    if old is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = old


@pytest.fixture
def run_page(app_db):
    """Run one page of the app with AppTest: ``at = run_page("app_pages/ss1.py", lang="en")``."""
    from streamlit.testing.v1 import AppTest

    def _run(page: str, timeout: float = 60, **query: str) -> AppTest:
        """``query`` goes to the URL (``year="2025"``, ``lang="en"``), as a copied link would."""
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
        for k, v in query.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        if page != "app_pages/ringkasan.py":
            at.switch_page(page)
            at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return _run


def static_charts(at) -> list[list[str]]:
    """The server-drawn charts (``ui.widgets.static_chart``) of an ``AppTest`` run: each SVG's texts in order.

    The title, axis labels and value labels a reader sees (a label of several lines joined with
    newlines), so a test can check the picture says the report's figures.
    """
    import base64

    from defusedxml import ElementTree

    out = []
    for image in at.get("image"):
        for img in image.proto.imgs:
            head, _, data = img.url.partition(",")
            if head == "data:image/svg+xml;base64":
                root = ElementTree.fromstring(base64.b64decode(data))
                texts = root.iter("{http://www.w3.org/2000/svg}text")
                # a label of several lines is a tspan per line: joined with newlines
                out.append(
                    [
                        t.text or "\n".join(x.text or "" for x in t.iter("{http://www.w3.org/2000/svg}tspan"))
                        for t in texts
                    ]
                )
    return out


def vega_charts(at) -> list[tuple[dict, dict]]:
    """The Vega-Lite charts an ``AppTest`` run drew: ``(spec, {dataset name: DataFrame})`` each.

    Streamlit moves a spec's inline ``datasets`` into Arrow tables beside it; they come back here
    as data frames, so a test can read the values a chart shows.
    """
    import json

    import pyarrow as pa

    def frame(data: bytes):
        return pa.ipc.open_stream(data).read_pandas()

    out = []
    for el in at.get("vega_lite_chart"):
        datasets = {d.name: frame(d.data.data) for d in el.proto.datasets}
        out.append((json.loads(el.proto.spec), datasets))
    return out


def vega_rows(at) -> list:
    """Every chart's data as one frame each (datasets of a layered chart concatenated)."""
    import pandas as pd

    return [
        pd.concat(list(data.values()), ignore_index=True) if data else pd.DataFrame() for _, data in vega_charts(at)
    ]


def fail_on_table(monkeypatch, n: int, message: str) -> dict:
    """Make the ``n``-th table a write prepares raise ``RuntimeError(message)`` (a power cut halfway).

    Returns the call counter (``calls["n"]``), so a test can check where the write stopped.
    """
    from loaders import db

    calls = {"n": 0}
    real = db._records

    def flaky(frame):
        calls["n"] += 1
        if calls["n"] == n:
            raise RuntimeError(message)
        return real(frame)

    monkeypatch.setattr(db, "_records", flaky)
    return calls
