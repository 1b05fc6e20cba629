"""A synthetic 2025 (2024 relabelled, a few figures changed) published as a second year: the pages
show 2025 and compare it with 2024 using the changed figures.
"""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kpi.headline import ikss_table
from loaders import auth, db, versions
from tests.conftest import ROOT

RB_2025 = 80.5  # IKSS indeks_rb realisasi: 78,73 in 2024
WA_PAGU_2025 = 1_600_000_000_000.0  # program WA pagu: Rp1.519.566.783.000 in 2024


@pytest.fixture(scope="module")
def db_2025(tmp_path_factory, frames):
    url = f"sqlite:///{tmp_path_factory.mktemp('y2025') / 'y2025.sqlite'}"
    engine = db.get_engine(url)
    v1 = versions.publish_all(engine, frames, auth.Actor("cli:test", "admin"), "data")
    nxt = {n: f[f["year"] == 2024].assign(year=2025).reset_index(drop=True) for n, f in frames.items()}
    cap = nxt["ikss_capaian"]
    cap.loc[cap["ikss_code"] == "indeks_rb", "realisasi"] = RB_2025
    bp = nxt["budget_program"]
    bp.loc[bp["program_code"] == "WA", "pagu_rp"] = WA_PAGU_2025
    versions.publish_frames(
        engine,
        nxt,
        auth.Actor("rina", "perencana"),
        file_name="lkj2025.xlsx",
        sha256="x",
        years=[2025],
        base_version=v1,
    )
    assert db.years_loaded(engine)[-2:] == [2024, 2025]
    mp = pytest.MonkeyPatch()
    mp.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield engine
    mp.undo()
    st.cache_data.clear()
    st.cache_resource.clear()


def _run(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != "app_pages/ringkasan.py":
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_ringkasan_shows_2025_and_the_change_against_2024(db_2025):
    at = _run("app_pages/ringkasan.py", year="2025")
    assert at.title[0].value.endswith("2025")
    assert at.selectbox(key="qp_year").value == 2025 and "2024" in at.selectbox(key="qp_year").options
    assert "Versi data: 2" in [c.value for c in at.sidebar.caption]
    rows = ikss_table(db.read_table(db_2025, "ikss"), db.read_table(db_2025, "ikss_capaian"), 2025).set_index("code")
    rb = rows.loc["indeks_rb"]
    assert rb["realisasi"] == RB_2025 and rb["realisasi_prev"] == 78.73 and int(rb["year_prev"]) == 2024
    metric = next(m for m in at.metric if m.label == "Realisasi 2025" and m.value == "80,50")
    assert metric.delta == "+1,77 poin vs 2024"  # 80,50 − 78,73, from the data
    # the unchanged IKSS show no change against 2024
    assert any(m.delta == "±0,00 poin vs 2024" for m in at.metric)


def test_anggaran_2025_compares_pagu_with_2024(db_2025):
    from kpi.format import fmt_rp

    at = _run("app_pages/anggaran.py", year="2025")
    assert at.selectbox(key="qp_year").value == 2025
    table = next(d.value for d in at.dataframe if "Pagu 2024" in d.value.columns)
    change = table.set_index(table.columns[0])["Perubahan pagu"]
    wa = next(i for i in change.index if "WA" in i or "Penempatan" in i)
    assert change[wa] == "+" + fmt_rp(WA_PAGU_2025 - 1_519_566_783_000.0, "id")
    assert set(change.drop(wa)) == {fmt_rp(0.0, "id")}
