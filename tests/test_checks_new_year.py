"""kpi.checks in a year the report has not printed yet, year-free printed-figure ids, and one tiny case per rule module.

The LKj 2024 data relabelled as 2025 without its printed figures must give no error the 2024 data
does not give: every comparison with a printed figure is skipped and listed in ``not_printed``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from kpi.checks import RULES, run_checks, summary
from kpi.checks.engine import Context, years_back
from tests.check_frames import _one, _pf

CHECKS_DIR = Path(__file__).resolve().parents[1] / "kpi" / "checks"


def _key(f) -> tuple:
    return (f.rule_id, f.row_key, f.printed, f.recomputed, f.severity)


# --------------------------------------------------------------- the LKj 2024 as a new year 2025


def _as_2025(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every 2024 row relabelled 2025; no printed figure for 2025 (its report is not printed yet)."""
    out = {}
    for name, frame in frames.items():
        frame = frame.copy()
        if name == "printed_figure":
            frame = frame[frame["year"] != 2024]
        elif "year" in frame.columns:
            frame.loc[frame["year"] == 2024, "year"] = 2025
        out[name] = frame.reset_index(drop=True)
    return out


@pytest.fixture(scope="module")
def report2024(frames):
    return run_checks(frames, 2024)


@pytest.fixture(scope="module")
def frames2025(frames):
    return _as_2025(frames)


@pytest.fixture(scope="module")
def report2025(frames2025):
    return run_checks(frames2025, 2025)


def test_a_year_without_printed_figures_adds_no_error(report2024, report2025):
    errors = {_key(f) for f in report2025 if f.severity == "error"}
    assert errors  # the data's own disagreements (Lampiran 6, Tabel 3.7 rows) stay
    assert errors <= {_key(f) for f in report2024 if f.severity == "error"}
    # nothing new at all: only comparisons with a printed figure went away
    assert {_key(f) for f in report2025} <= {_key(f) for f in report2024}
    kept = {_key(f) for f in report2025}
    assert all(f.datasets[0] == "printed_figure" for f in report2024 if _key(f) not in kept)
    assert report2025.skipped == [] and all(f.year == 2025 for f in report2025)


def test_figures_not_printed_yet_are_listed(frames, report2024, report2025):
    assert report2024.not_printed == []
    absent = report2025.not_printed
    assert len(absent) == len(set(absent))
    assert {
        ("total.T3.20", "T3.20.total.pagu_rp"),
        ("total.T3.20", "T3.20.total.pagu_rp.prev"),
        ("total.T3.3", "T3.3.total.realisasi_prev2"),
        ("pct.T3.20", "T3.20.total.penyerapan_pct"),
        ("same.ikss", "B3.2.1.ss1_realisasi_narasi"),
        ("same.ikss", "B4.rb_target"),
        ("same.spbe", "T3.19.spbe.nilai"),
        ("same.ss1_formula", "B3.2.1.perhitungan.p"),
        ("same.ss1_narasi", "B3.2.1.placement_domestic.realisasi"),
        ("same.budget", "RE.pagu_rp"),
    } <= set(absent)
    # only figures the LKj prints: no id is invented, none carries a year
    printed_2024 = set(frames["printed_figure"].loc[frames["printed_figure"]["year"] == 2024, "figure"])
    assert set(report2025.not_printed_figures) <= printed_2024
    assert not [f for f in report2025.not_printed_figures if re.search(r"20[12]\d", f)]
    # rules whose comparisons in 2025 need no printed figure list none
    assert not {r for r, _ in absent} & {"rollup.L6", "same.L6.ikp_ikk", "plausible.capaian", "total.T3.7.row"}


def test_not_printed_reaches_summary_and_json(report2025):
    counts = summary(report2025, RULES)
    assert len(counts["not_printed"]) == len(report2025.not_printed_figures) > 100
    assert list(counts["not_printed"].columns) == ["figure", "rule_ids"]
    per_rule = counts["rules"].set_index("rule_id")
    assert per_rule.loc["total.T3.20", "not_printed"] == 3 and per_rule.loc["rollup.L6", "not_printed"] == 0
    data = json.loads(json.dumps(report2025.as_dict()))
    assert data["not_printed_count"] == len(report2025.not_printed_figures)
    assert {"rule_id": "total.T3.20", "figure": "T3.20.total.pagu_rp"} in data["not_printed"]
    assert len(data["findings"]) == len(report2025) and data["years"] == [2025]


def test_new_values_in_the_new_year_give_only_their_own_findings(frames2025, report2025):
    changed = {name: frame.copy() for name, frame in frames2025.items()}
    ic = changed["ikss_capaian"]
    ic.loc[(ic["year"] == 2025) & (ic["ikss_code"] == "produktivitas"), "realisasi"] = 4.5
    bp = changed["budget_program"]
    wa = (bp["year"] == 2025) & (bp["program_code"] == "WA")
    bp.loc[wa, "realisasi_rp"] = bp.loc[wa, "realisasi_rp"] + 1_000_000
    report = run_checks(changed, 2025)
    new = {(f.rule_id, f.row_key, f.severity) for f in set(report) - set(report2025)}
    assert new == {
        # produktivitas 4,50 against its target 9,85: the printed capaian 40,71 % no longer holds
        ("pct.T3.2", "produktivitas", "warning"),
        ("pct.ss", "SS-1", "warning"),
        # P recomputed from the SS-1 variables is still 4,01; Lampiran 6 still prints 4,01
        ("same.ss1_formula", "produktivitas", "error"),
        ("same.L6.ikss", "2", "error"),
        # programme WA one million more: units no longer add up to programmes, nor SS-2 to WA
        ("rollup.budget", "realisasi_rp", "error"),
        ("rollup.budget", "SS-2", "error"),
        ("rollup.budget", "SS-2", "info"),
        ("pct.T3.20", "WA", "info"),
        ("same.L6_ch3", "350", "info"),
        # ... nor Lampiran 6's programme total (Monev) to Tabel 3.20's TOTAL (OM-SPAN)
        ("same.L6_ch3.total", "program.realisasi_rp", "info"),
    }
    assert not [f for f in set(report) - set(report2025) if f.datasets[0] == "printed_figure"]
    assert report.not_printed == report2025.not_printed


# --------------------------------------------------------------- year-free ids


def test_prev_suffix_names_the_year_a_figure_is_about():
    assert years_back("T3.20.total.pagu_rp") == 0
    assert years_back("T3.20.total.pagu_rp.prev") == 1
    assert years_back("T3.21.total.pagu_rp.prev2") == 2
    assert years_back("B3.2.1.blkk.tumbuh_prev") == 1 and years_back("T3.3.total.realisasi_prev2") == 2
    assert years_back("B3.2.2.rb.kenaikan_since_prev4_poin") == 4


def test_context_remembers_absent_figures_once():
    ctx = Context({"printed_figure": _pf({"A": 1.0})}, 2024)
    assert ctx.printed("A") == 1.0 and ctx.printed("B") is None and ctx.printed_text("B") is None
    assert ctx.printed("C", expected=False) is None and not ctx.is_printed("C")
    assert ctx.not_printed == ["B"]
    assert Context({"printed_figure": _pf({"A": 1.0})}, 2025).printed("A") is None  # another report year


def _constants(tree: ast.AST) -> list[object]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in docstrings]


def test_no_year_in_any_rule():
    assert not [r.id for r in RULES if re.search(r"20[12]\d", r.id)]
    found = []
    for path in sorted(CHECKS_DIR.rglob("*.py")):
        for value in _constants(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(value, int) and 2000 <= value <= 2100:
                found.append((path.name, value))
            if isinstance(value, str) and re.search(r"(?<!\d)20[12]\d(?!\d)", value):
                found.append((path.name, value))
    assert found == []


def test_rules_live_in_one_module_per_kind():
    for r in RULES:
        module = r.check.__module__
        assert module.startswith("kpi.checks.rules."), (r.id, module)
        if r.id.split(".")[0] in {"total", "pct", "rollup", "same", "plausible"}:
            assert module in {f"kpi.checks.rules.{r.kind}", "kpi.checks.rules.base"}, (r.id, module)


# --------------------------------------------------------------- one tiny case per rule module


def test_total_compares_a_previous_year_total_with_that_years_rows():
    pyb = pd.DataFrame(
        {
            "year": [2023, 2023, 2024, 2024],
            "komponen": ["pyb_vokasi", "pyb_penta"] * 2,
            "target": [100.0, 100.0, 300.0, 300.0],
            "realisasi": [120.0, 180.0, 200.0, 300.0],
        }
    )
    figures = {"T3.3.total.realisasi": 500.0, "T3.3.total.target": 600.0, "T3.3.total.realisasi_prev": 300.0}
    right = _one("total.T3.3", {"pyb_program": pyb, "printed_figure": _pf(figures)})
    assert list(right) == [] and right.ran["total.T3.3"] == 3
    assert right.not_printed == [("total.T3.3", "T3.3.total.realisasi_prev2")]
    (f,) = _one(
        "total.T3.3", {"pyb_program": pyb, "printed_figure": _pf({**figures, "T3.3.total.realisasi_prev": 301.0})}
    )
    assert (f.row_key, f.printed, f.recomputed, f.year) == ("T3.3.total.realisasi_prev", 301.0, 300.0, 2024)
    # in 2025 the 2024 report's figures are not the 2025 report's
    nothing = _one("total.T3.3", {"pyb_program": pyb, "printed_figure": _pf(figures)}, 2025)
    assert list(nothing) == [] and len(nothing.not_printed) == 4


def _narrative_frames(figures: dict[str, float]) -> dict[str, pd.DataFrame]:
    return {
        "printed_figure": _pf(figures),
        "pyb_program": pd.DataFrame({"year": pd.Series(dtype=int), "komponen": [], "realisasi": []}),
        "pyb_variable": pd.DataFrame({"year": pd.Series(dtype=int), "variable": [], "konteks": [], "nilai": []}),
        "ikss_capaian": pd.DataFrame({"year": pd.Series(dtype=int), "ikss_code": [], "realisasi": []}),
    }


def test_pct_growth_reads_the_previous_years_figure_from_the_same_report():
    figures = {
        "B3.2.1.placement_domestic.realisasi": 260000.0,
        "B3.2.1.placement_domestic.realisasi_prev": 236843.0,
        "B3.2.1.placement_domestic.kenaikan_pct": 10.0,  # 260000 / 236843 = +9,78 %, printed as a whole percent
    }
    right = _one("pct.narasi", _narrative_frames(figures))
    assert list(right) == [] and right.ran["pct.narasi"] == 1
    (f,) = _one("pct.narasi", _narrative_frames({**figures, "B3.2.1.placement_domestic.kenaikan_pct": 12.0}))
    assert f.row_key == "B3.2.1.placement_domestic.kenaikan_pct" and f.recomputed == pytest.approx(9.7774, abs=1e-4)
    del figures["B3.2.1.placement_domestic.realisasi_prev"]
    skipped = _one("pct.narasi", _narrative_frames(figures))
    assert list(skipped) == [] and skipped.ran["pct.narasi"] == 0
    assert ("pct.narasi", "B3.2.1.placement_domestic.realisasi_prev") in skipped.not_printed


def test_rollup_budget_units_and_goals_add_up_to_programmes():
    bp = pd.DataFrame(
        {
            "year": [2024] * 3,
            "program_code": ["WA", "DN", "DL"],
            "pagu_rp": [10.0, 20.0, 30.0],
            "realisasi_rp": [9.0, 18.0, 27.0],
        }
    )
    bu = pd.DataFrame(
        {"year": [2024] * 2, "unit_code": ["A", "B"], "pagu_rp": [25.0, 35.0], "realisasi_rp": [24.0, 30.0]}
    )
    es = pd.DataFrame(
        {
            "year": [2024] * 2,
            "ss_code": ["SS-1", "SS-2"],
            "pagu_rp": [50.0, 10.0],
            "realisasi_rp": [45.0, 9.0],
            "capaian_anggaran_pct": [90.0, 90.0],
        }
    )
    frames = {"budget_program": bp, "budget_unit": bu, "efficiency_ss": es}
    right = _one("rollup.budget", frames)
    assert list(right) == [] and right.ran["rollup.budget"] == 8
    frames["budget_unit"] = bu.assign(pagu_rp=[25.0, 36.0])
    (f,) = _one("rollup.budget", frames)
    assert (f.row_key, f.printed, f.recomputed, f.severity) == ("pagu_rp", 61.0, 60.0, "error")


def _yoy_frames(figures: dict[str, float]) -> dict[str, pd.DataFrame]:
    return {
        "printed_figure": _pf(figures),
        "ikss_capaian": pd.DataFrame({"year": [2023, 2024], "ikss_code": ["indeks_spbe"] * 2, "realisasi": [3.0, 3.2]}),
        "spbe_domain": pd.DataFrame(
            {"year": [2023, 2023, 2024, 2024], "code": ["D1", "D4"] * 2, "nilai": [2.5, 3.0, 2.8, 2.75]}
        ),
    }


def test_same_yoy_domain_changes_worded_as_increase_or_decrease():
    figures = {"B3.2.2.spbe.kenaikan": 0.2, "B3.2.2.spbe.D1.kenaikan": 0.3, "B3.2.2.spbe.D4.penurunan": 0.25}
    right = _one("same.yoy", _yoy_frames(figures))
    assert list(right) == [] and right.ran["same.yoy"] == 3
    (f,) = _one("same.yoy", _yoy_frames({**figures, "B3.2.2.spbe.D4.penurunan": 0.15}))
    assert (f.row_key, f.printed, f.recomputed, f.severity) == (
        "B3.2.2.spbe.D4.penurunan",
        0.15,
        pytest.approx(0.25),
        "error",
    )
    # a domain whose change the report does not word yet: the wording its sign calls for is listed
    absent = _one("same.yoy", _yoy_frames({"B3.2.2.spbe.kenaikan": 0.2}))
    assert list(absent) == [] and absent.not_printed == [
        ("same.yoy", "B3.1.spbe_kenaikan"),
        ("same.yoy", "B3.2.2.spbe.D1.kenaikan"),
        ("same.yoy", "B3.2.2.spbe.D4.penurunan"),
    ]


def test_plausible_target_zero_with_an_actual():
    pdm = pd.DataFrame(
        {
            "year": [2024] * 2,
            "nomor": ["1", "2"],
            "target": [10.0, 0.0],
            "realisasi": [5.0, 0.0],
            "sumber": ["Tabel 3.10"] * 2,
        }
    )
    frames = {"placement_domestic": pdm, "printed_figure": _pf({})}
    right = _one("plausible.target_zero", frames)
    assert list(right) == [] and right.ran["plausible.target_zero"] == 2 and right.not_printed == []
    frames["placement_domestic"] = pdm.assign(realisasi=[5.0, 3.0])
    (f,) = _one("plausible.target_zero", frames)
    assert (f.row_key, f.printed, f.recomputed, f.tables) == ("2", 3.0, 0.0, ("Tabel 3.10",))
