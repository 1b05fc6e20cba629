"""Issue 14, the contract: what validation accepts, every output renders.

Hypothesis draws workbooks at the edges of what validation accepts (the largest and smallest numbers
each column allows, zero, the smallest non-zero magnitude, the longest texts with Unicode, Markdown,
HTML and formulas in them, empty optional cells) from the LKj 2024 as loaded; each is uploaded through
``versions.prepare`` with the real Kualitas Data checks, published, and then every page runs in AppTest,
``python -m kpi --json`` prints valid JSON, ``python -m kpi checks`` runs, and the PDF report, the
year's workbook, the template and the export are built, on SQLite and on PostgreSQL.

A handful of examples per backend (each publishes and renders everything: about 10 s); the drawn
mutations are few and wide (whole columns at a bound), so a handful covers every column kind.
"""

from __future__ import annotations

import io
import json
import unicodedata

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kpi.checks import run_checks
from loaders import auth, db, versions
from loaders.datasets import DATASETS
from loaders.schema import MAX_INT, MIN_MAGNITUDE, Col
from loaders.validate import _UNSAFE
from loaders.workbook import write_workbook
from tests.conftest import ROOT, open_sections

YEAR = 2024
ADMIN = auth.Actor("admin", "admin")
PAGES = [
    "app_pages/ringkasan.py",
    "app_pages/ss1.py",
    "app_pages/ss2.py",
    "app_pages/anggaran.py",
    "app_pages/pn.py",
    "app_pages/output.py",
    "app_pages/kualitas.py",
]
EXAMPLES = int(__import__("os").environ.get("I14_EXAMPLES", "4"))
"""Examples per backend: each publishes and renders every output (about 10-15 s)."""

HOSTILE = (
    "[klik](http://evil.example/x) ![img](http://evil.example/b.png) <img src=x onerror=alert(1)> "
    '=HYPERLINK("http://evil.example","klik") ＝1+1 @SUM(A1) **tebal** `kode` $x^2$ :red[merah] '
    "# judul | a | b | \\ 😀 ﷽ עברית العربية 中文 é e\u0301 Ω ‰ ∑ "
)


def _mutable(name: str) -> list[Col]:
    """Columns a planner fills in freely: not a key, not a code that another row must match, not a choice."""
    spec = DATASETS[name]
    return [c for c in spec.all_columns if c.name not in spec.full_key and not c.ref and not c.choices]


# --------------------------------------------------------------------------- values validation accepts


def _number_bounds(col: Col) -> tuple[float, float]:
    lo, hi = col.lower_bound, col.upper_bound
    if col.kind == "int":
        lo = -MAX_INT if lo is None else lo
        hi = MAX_INT if hi is None else hi
    return float(lo), float(hi)


def numbers(col: Col) -> st.SearchStrategy:
    lo, hi = _number_bounds(col)
    if col.kind == "int":
        picks = [int(lo), int(hi), max(int(lo), 0), st.integers(int(lo), int(hi))]
    else:
        picks = [lo, hi, st.floats(lo, hi, allow_nan=False, allow_infinity=False).filter(_not_too_small)]
        if lo <= 0 <= hi:
            picks.append(0.0)
        if lo <= MIN_MAGNITUDE <= hi:
            picks.append(MIN_MAGNITUDE)
        if lo <= -MIN_MAGNITUDE <= hi:
            picks.append(-MIN_MAGNITUDE)
    strategies = [p if isinstance(p, st.SearchStrategy) else st.just(p) for p in picks]
    if not col.required:
        strategies.append(st.none())
    return st.one_of(strategies)


def _not_too_small(x: float) -> bool:
    return x == 0 or abs(x) >= MIN_MAGNITUDE


def _accepted(text: str, col: Col) -> str | None:
    """``text`` as validation stores it (stripped, NFC, cut to the column's length), or ``None`` when blank."""
    text = unicodedata.normalize("NFC", _UNSAFE.sub("", text)).strip()
    text = unicodedata.normalize("NFC", text[: col.max_length]).strip()
    return text or None


def texts(col: Col) -> st.SearchStrategy:
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
    longest = st.just((HOSTILE * (col.max_length // len(HOSTILE) + 1))[: col.max_length])
    drawn = st.one_of(longest, st.text(alphabet, min_size=1, max_size=60), st.just(HOSTILE))
    value = drawn.map(lambda t: _accepted(t, col)).filter(lambda t: t is not None or not col.required)
    return value if col.required else st.one_of(value, st.none())


@st.composite
def mutations(draw) -> list[tuple[str, str, str, object]]:
    """A few changes: (dataset, column, which rows, value)."""
    out = []
    for _ in range(draw(st.integers(2, 6))):
        name = draw(st.sampled_from(sorted(n for n in DATASETS if _mutable(n))))
        col = draw(st.sampled_from(_mutable(name)))
        rows = draw(st.sampled_from(["all", "first", "last"]))
        value = draw(texts(col) if col.kind == "str" else numbers(col))
        out.append((name, col.name, rows, value))
    return out


def edge_frames(frames: dict[str, pd.DataFrame], changes) -> dict[str, pd.DataFrame]:
    """The LKj 2024 rows with ``changes`` applied (the workbook a planner could upload)."""
    out = {name: f[f["year"] == YEAR].reset_index(drop=True).astype(object) for name, f in frames.items()}
    for name, column, rows, value in changes:
        frame = out[name]
        if not len(frame):
            continue
        where = {"all": slice(None), "first": [0], "last": [len(frame) - 1]}[rows]
        frame.loc[frame.index[where], column] = value
    return out


def workbook(frames: dict[str, pd.DataFrame]) -> bytes:
    buf = io.BytesIO()
    write_workbook(frames, buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- every output


def engine_url(engine) -> str:
    """A URL that reaches the same database (and, on PostgreSQL, the test's schema) from a fresh engine."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SHOW search_path").scalar_one()
        url += ("&" if "?" in url else "?") + f"options=-csearch_path%3D{schema}"
    return url


def run_pages(url: str, monkeypatch) -> None:
    """Every page of the year in AppTest (the app reads ``DATABASE_URL``); none may raise."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["year"] = str(YEAR)
        at.run()
        if page != PAGES[0]:
            at.switch_page(page)
            at.run()
        assert not at.exception, (page, [e.message for e in at.exception])
        open_sections(at)  # every on-demand section too: what a page shows once everything is open


def every_output(engine, url: str, monkeypatch, capsys) -> None:
    """``kpi --json`` (strict JSON), ``kpi checks --json``, the PDF, the workbook, the template, the export, the pages."""
    import kpi.__main__ as kpi_cli
    from loaders.template import template_bytes
    from report.pdf import build_pdf
    from report.xlsx import build_workbook

    capsys.readouterr()
    assert kpi_cli.main(["--year", str(YEAR), "--json", "--database-url", url]) == 0
    figures = json.loads(capsys.readouterr().out, parse_constant=_no_constant)
    assert figures["year"] == YEAR
    assert kpi_cli.main(["checks", "--year", str(YEAR), "--json", "--database-url", url]) == 0
    json.loads(capsys.readouterr().out, parse_constant=_no_constant)
    frames = db.read_all(engine)
    assert build_pdf(frames, YEAR, "id", 1).startswith(b"%PDF-")
    assert build_workbook(frames, YEAR, "en", 1)[:2] == b"PK"
    assert template_bytes(frames, YEAR, YEAR + 1)[:2] == b"PK"
    write_workbook(frames, io.BytesIO())
    run_pages(url, monkeypatch)


def _no_constant(name: str):
    raise AssertionError(f"kpi printed {name}, which is not JSON")


@pytest.fixture
def loaded(engine, frames):
    """The database built from data/ (version 1)."""
    versions.publish_all(engine, frames, ADMIN, "data")
    return engine


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: an example costs seconds, the failing one is shown
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(changes=mutations())
def test_what_validation_accepts_every_output_renders(loaded, frames, changes, monkeypatch, capsys):
    engine = loaded
    data = workbook(edge_frames(frames, changes))
    prepared = versions.prepare(engine, data, "tepi.xlsx", ADMIN, checks=run_checks)  # raises if refused
    assert prepared.crashes == [], [c.error for c in prepared.crashes]
    versions.publish(engine, prepared, ADMIN, accept_errors=True)
    every_output(engine, engine_url(engine), monkeypatch, capsys)
