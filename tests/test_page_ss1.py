"""The SS-1 Produktivitas page: report figures in Indonesian format, English labels, the what-if and goal seek."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from kpi import productivity as prod
from ui.format import fmt_number, fmt_pct

PAGE = "app_pages/ss1.py"


@pytest.fixture(scope="module")
def report_inputs() -> prod.PybInputs:
    from tests.conftest import DATA_DIR

    frame = pd.read_csv(DATA_DIR / "pyb_variable.csv")
    return prod.inputs_from_variables(frame[frame["year"] == 2024], "perhitungan")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [m.value for m in at.success]
    parts += [m.value for m in at.warning] + [m.value for m in at.info] + [m.value for m in at.latex]
    return "\n".join(parts)


def test_page_id_shows_report_figures(run_page):
    at = run_page(PAGE)
    m = metrics(at)
    assert m["Realisasi 2024"] == "4,01 %"
    assert m["Capaian 2024"] == "40,71 %"
    assert m["Target 2024"] == "9,85 %"
    assert m["Hasil P"] == "4,01 %"
    body = texts(at)
    assert "114.195" in body and "709.432" in body  # substituted formula in Indonesian format
    assert "3{,}93" in body  # the literal Tabel 3.1 result
    assert "Belum tercapai" in body
    assert "Sumber: LKj Kemnaker — Tabel 3.3" in body
    assert len(at.tabs) == 9


def test_page_en_labels_differ(run_page):
    at = run_page(PAGE, lang="en")
    m = metrics(at)
    assert m["Actual 2024"] == "4.01%"
    assert m["Achievement 2024"] == "40.71%"
    assert "Realisasi 2024" not in m
    assert "Not achieved" in texts(at)


def test_what_if_goal_seek_and_reset(run_page, report_inputs):
    at = run_page(PAGE)
    # the formula section can show the variable-list context too: it also rounds to 4,01 %
    at.selectbox(key="qp_konteks").set_value("variabel").run()
    assert "709.436" in texts(at)
    assert metrics(at)["Hasil P"] == "4,01 %"

    # what-if at report values
    assert metrics(at)["P simulasi"] == "4,01 %"
    assert metrics(at)["Capaian simulasi"] == "40,71 %"
    assert at.number_input(key="wi_pyb_vokasi").value == 114_195
    needed = prod.goal_seek(report_inputs, "pyb_vokasi", 9.85)
    assert fmt_number(needed, 0, "id") in texts(at)

    # PyB vokasi 200.000: exactly the P kpi.productivity computes
    at.number_input(key="wi_pyb_vokasi").set_value(200_000).run()
    changed = replace(report_inputs, pyb_vokasi=200_000)
    assert metrics(at)["P simulasi"] == fmt_pct(prod.productivity_contribution_pct(changed), 2, "id")
    assert metrics(at)["P simulasi"] != "4,01 %"

    # goal seek on another input and target, from the changed inputs
    at.selectbox(key="wi_goal_input").set_value("pyb_penta")
    at.number_input(key="wi_goal_target").set_value(6.0).run()
    assert fmt_number(prod.goal_seek(changed, "pyb_penta", 6.0), 0, "id") in texts(at)

    # an input that only lowers P cannot reach the target
    at.selectbox(key="wi_goal_input").set_value("pyb_irisan").run()
    assert any("tidak dapat" in w.value for w in at.warning)

    at.button(key="wi_reset").click().run()
    assert at.number_input(key="wi_pyb_vokasi").value == 114_195
    assert metrics(at)["P simulasi"] == "4,01 %"


def test_detail_tabs_run_only_when_open_and_follow_the_url(run_page):
    """The nine Tabel 3.5–3.15 tabs are lazy: only the open one runs (its choice kept in the URL by the browser)."""
    at = run_page(PAGE)
    shown = {c for df in at.dataframe for c in df.value.columns}
    assert "Negara" not in shown  # Tabel 3.11 (PMI per negara) is in a closed tab
    pmi_tab = next(tab.label for tab in at.tabs if "3.11" in tab.label)
    at.session_state["ss1_tab"] = pmi_tab
    at.run()
    assert not at.exception
    pmi = next(df.value for df in at.dataframe if "Negara" in df.value.columns)
    assert pmi.iloc[0].tolist()[1:] == ["Hongkong", "99.773"]  # the report's first row, Indonesian format
    # the browser writes the open tab into the URL (st.tabs bind="query-params"); AppTest has no browser
