"""The yearly cycle end to end: the LKj 2025 made from the template, with changed figures, published
beside 2024 without an admin's acceptance, then every page opened on ``?year=2025``.

The planner changes what a new year changes, consistently, as a filled-in workbook would: PyB vokasi
(the variable list, the worked computation and Tabel 3.3), hence the SS-1 realisasi (Tabel 3.2 and
Lampiran 6), and programme WA's realisasi (Tabel 3.20) with Setjen's (Tabel 3.21) and SS-2's
(Tabel 3.24). The template leaves the 2024 report's printed figures out, so nothing copied from 2024
can disagree with the new numbers.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from kpi import productivity as prod
from kpi.checks import run_checks
from kpi.format import fmt_pct, fmt_rp_short
from loaders import auth, db, versions
from loaders.template import template_bytes
from tests.conftest import ROOT, open_sections

VOKASI_2024 = 114_195
VOKASI_2025 = 150_000  # PyB vokasi
EXTRA_WA = 10_000_000_000.0  # programme WA (Setjen) realisasi: + Rp 10 M


def _header(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1] if cell.value}


def _rows(ws, **match):
    cols = _header(ws)
    for row in range(2, ws.max_row + 1):
        if all(ws.cell(row, cols[k]).value == v for k, v in match.items()):
            yield row


def _set(wb, sheet: str, column: str, value, **match) -> int:
    ws = wb[sheet]
    col = _header(ws)[column]
    rows = list(_rows(ws, **match))
    assert rows, (sheet, match)
    for row in rows:
        ws.cell(row, col).value = value
    return len(rows)


def _add(wb, sheet: str, column: str, amount: float, **match) -> None:
    ws = wb[sheet]
    col = _header(ws)[column]
    for row in _rows(ws, **match):
        ws.cell(row, col).value = float(ws.cell(row, col).value) + amount


def _p_2025(frames) -> float:
    variables = frames["pyb_variable"]
    x = prod.inputs_from_variables(variables[variables["year"] == 2024], "perhitungan")
    return round(prod.productivity_contribution_pct(replace(x, pyb_vokasi=VOKASI_2025)), 2)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory, frames):
    url = f"sqlite:///{tmp_path_factory.mktemp('cycle') / 'cycle.sqlite'}"
    engine = db.get_engine(url)
    versions.publish_all(engine, frames, auth.Actor("cli:test", "admin"), "data")
    wb = load_workbook(io.BytesIO(template_bytes(db.read_all(engine), 2024, 2025)))
    assert wb["printed_figure"].max_row == 1  # the 2025 report is not printed yet: header only

    p = _p_2025(frames)
    assert _set(wb, "pyb_variable", "nilai", VOKASI_2025, variable="pyb_vokasi") == 2
    _set(wb, "pyb_program", "realisasi", VOKASI_2025, komponen="pyb_vokasi")
    _set(wb, "job_creation", "realisasi", VOKASI_2025, kode="1")  # Tabel 3.4 row 1 is PyB vokasi too,
    _add(wb, "job_creation", "realisasi", VOKASI_2025 - VOKASI_2024, kode="1a")  # the sum of its rows
    _set(wb, "ikss_capaian", "realisasi", p, ikss_code="produktivitas")
    _set(wb, "output_capaian", "realisasi", p, level="ikss", ss_code="SS-1")
    _add(wb, "budget_program", "realisasi_rp", EXTRA_WA, program_code="WA")
    _add(wb, "budget_unit", "realisasi_rp", EXTRA_WA, unit_code="SETJEN")
    _add(wb, "efficiency_ss", "realisasi_rp", EXTRA_WA, ss_code="SS-2")
    ws = wb["efficiency_ss"]
    cols = _header(ws)
    (row,) = _rows(ws, ss_code="SS-2")
    ws.cell(row, cols["capaian_anggaran_pct"]).value = round(
        ws.cell(row, cols["realisasi_rp"]).value / ws.cell(row, cols["pagu_rp"]).value * 100, 2
    )
    buf = io.BytesIO()
    wb.save(buf)

    rina = auth.Actor("rina", "perencana")
    prepared = versions.prepare(engine, buf.getvalue(), "lkj2025.xlsx", rina, checks=run_checks)
    version = versions.publish(engine, prepared, rina)  # a planner, no admin acceptance
    mp = pytest.MonkeyPatch()
    mp.setenv("DATABASE_URL", url)
    yield {"engine": engine, "prepared": prepared, "version": version, "p": p}
    mp.undo()
    engine.dispose()


def test_the_new_year_publishes_without_new_errors(cycle):
    prepared = cycle["prepared"]
    assert prepared.years == [2025]
    assert [f.message("en") for f in prepared.new_errors] == []
    assert db.years_loaded(cycle["engine"]) == [2024, 2025]


def test_the_checks_say_what_is_not_yet_printed(cycle):
    report = run_checks(db.read_all(cycle["engine"]), 2025)
    assert report.not_printed_figures  # every comparison with the 2025 report waits for it
    assert not [f for f in report if f.rule_id.startswith("same.") and "ss1" in f.rule_id]


def _page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    if page != "app_pages/ringkasan.py":
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _all_text(at) -> str:
    parts = [m.label + " " + m.value + " " + (m.proto.delta or "") for m in at.metric]
    for kind in ("markdown", "caption", "subheader", "header", "title", "info", "warning", "success"):
        parts += [getattr(e, "value", "") for e in at.get(kind)]
    parts += [" ".join(map(str, df.value.columns)) for df in at.dataframe]
    return "\n".join(parts)


PAGES = [
    "app_pages/ringkasan.py",
    "app_pages/ss1.py",
    "app_pages/ss2.py",
    "app_pages/anggaran.py",
    "app_pages/pn.py",
    "app_pages/output.py",
    "app_pages/kualitas.py",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_2025_beside_2024(cycle, page):
    at = _page(page, year="2025")
    year_box = at.segmented_control(key="year_choice")
    assert year_box.value == 2025 and list(year_box.options) == ["2025", "2024"]
    body = _all_text(at)
    assert "2025" in body, page
    if page not in ("app_pages/kualitas.py",):
        assert "2024" in body, page  # the comparison with the previous loaded year


def test_ss1_and_summary_show_the_changed_figures(cycle):
    p = fmt_pct(cycle["p"])
    ss1 = _page("app_pages/ss1.py", year="2025")
    metrics = {m.label: m for m in ss1.metric}
    assert metrics["Realisasi 2025"].value == p
    assert "2024" in (metrics["Realisasi 2025"].proto.delta or "")
    summary = _page("app_pages/ringkasan.py", year="2025")
    assert p in [m.value for m in summary.metric]


def test_budget_page_shows_the_2025_realisasi(cycle, frames):
    bp = frames["budget_program"]
    total_2024 = bp.loc[bp["year"] == 2024, "realisasi_rp"].sum()
    at = _page("app_pages/anggaran.py", year="2025")
    values = [m.value for m in at.metric]
    assert fmt_rp_short(total_2024 + EXTRA_WA) in values
    at24 = _page("app_pages/anggaran.py", year="2024")
    assert fmt_rp_short(total_2024) in [m.value for m in at24.metric]
    open_sections(at, "anggaran_program")  # the table by programme (on demand): 2025 beside 2024's pagu
    program = next(df.value for df in at.dataframe if "Pagu 2025" in df.value.columns)
    assert "Pagu 2024" in program.columns


@pytest.mark.parametrize("page", ["app_pages/anggaran.py", "app_pages/pn.py"])
def test_on_demand_sections_open_on_the_new_year(cycle, page):
    at = open_sections(_page(page, year="2025"))
    assert "2025" in _all_text(at), page
