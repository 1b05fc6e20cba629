"""kpi.productivity with the report's SS-1 figures (Bab 3.2.1) and small hand-made inputs."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from kpi.productivity import (
    INPUT_NAMES,
    GoalUnreachable,
    PybInputs,
    component_contributions_pct,
    component_shares_pct,
    goal_seek,
    inputs_from_variables,
    productivity_contribution_literal_pct,
    productivity_contribution_pct,
    sensitivity,
)

REPORT = PybInputs(
    pyb_vokasi=114_195,
    pyb_penta=709_432,
    pyb_phi=11_797_247,
    pyb_binwas=12_569_072,
    pyb_irisan=9_726_743,
    delta_pyb=4_789_627,
    pyb_formal=60_815_798,
    ump_rp=3_113_359,
    sakernas_wage_rp=3_267_618,
)


def test_worked_computation_gives_printed_4_01():
    assert round(productivity_contribution_pct(REPORT), 2) == 4.01
    assert productivity_contribution_pct(REPORT) == pytest.approx(4.0132, abs=1e-4)


def test_literal_tabel_3_1_gives_3_93():
    assert round(productivity_contribution_literal_pct(REPORT), 2) == 3.93


def test_contributions_add_up_to_p_and_overlap_is_negative():
    parts = component_contributions_pct(REPORT)
    assert sum(parts.values()) == pytest.approx(productivity_contribution_pct(REPORT))
    assert parts["pyb_irisan"] < 0
    assert sum(component_shares_pct(REPORT).values()) == pytest.approx(100)


def test_hand_made_inputs():
    x = PybInputs(100, 100, 50, 50, 0, 1000, 1000, 1, 1)
    # (200 / 1000 + 100 / 1000) × 10 % × 100 = 3 %
    assert productivity_contribution_pct(x) == pytest.approx(3.0)
    assert productivity_contribution_literal_pct(x) == pytest.approx(3.0)


def test_sensitivity_matches_linear_coefficient():
    s = sensitivity(REPORT)
    assert set(s) == set(INPUT_NAMES)
    assert s["pyb_vokasi"] == pytest.approx(0.10 / REPORT.delta_pyb * 100, rel=1e-6)
    assert s["pyb_irisan"] < 0 and s["delta_pyb"] < 0


def test_goal_seek_reaches_target():
    v = goal_seek(REPORT, "pyb_vokasi", 9.85)
    assert productivity_contribution_pct(replace(REPORT, pyb_vokasi=v)) == pytest.approx(9.85, abs=1e-6)


def test_goal_seek_unreachable_and_unknown():
    with pytest.raises(GoalUnreachable, match="pyb_irisan"):
        goal_seek(REPORT, "pyb_irisan", 9.85)
    with pytest.raises(KeyError, match="unknown input"):
        goal_seek(REPORT, "nope", 9.85)


def test_inputs_from_variables_both_contexts():
    frame = pd.read_csv(__import__("pathlib").Path(__file__).parents[1] / "data" / "pyb_variable.csv")
    worked = inputs_from_variables(frame, "perhitungan")
    listed = inputs_from_variables(frame, "variabel")
    assert worked.pyb_penta == 709_432 and listed.pyb_penta == 709_436
    # ΔPyB and PyB formal are only in the variable list: the worked context borrows them
    assert worked.delta_pyb == listed.delta_pyb == 4_789_627
    assert worked == REPORT
    assert round(productivity_contribution_pct(listed), 2) == 4.01


def test_inputs_from_variables_missing_column():
    with pytest.raises(KeyError, match="nilai"):
        inputs_from_variables(pd.DataFrame({"variable": ["pyb_vokasi"], "konteks": ["variabel"]}))
