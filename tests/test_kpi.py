"""kpi: the report's formulas give the report's printed figures, from the stored tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from kpi import budget, capaian, headline, productivity, rb, spbe
from kpi.status import status_of
from loaders import db
from tests.conftest import ROOT

REQUIRED_KEYS = {
    "productivity_contribution_pct",
    "ss1_capaian_pct",
    "ss2_capaian_pct",
    "overall_capaian_pct",
    "rb_index",
    "rb_index_recomputed",
    "spbe_index",
    "spbe_index_recomputed",
    "spbe_predikat",
    "opini_bpk",
    "budget_pagu_rp",
    "budget_realisasi_rp",
    "budget_absorption_pct",
    "budget_blokir_rp",
    "budget_absorption_excl_blokir_pct",
    "efficiency_rate_ss1",
    "efficiency_rate_ss2",
    "efficiency_rate_total",
    "dekonsentrasi_pagu_rp",
    "dekonsentrasi_realisasi_rp",
    "dekonsentrasi_absorption_pct",
    "pn_pagu_rp",
    "pn_realisasi_rp",
    "pn_absorption_pct",
    "training_target_total",
    "training_realisasi_total",
    "training_capaian_pct",
    "job_creation_total",
    "n_pn_outputs",
    "n_lampiran6_outputs",
    "n_spbe_indicators",
}


def y2024(frames, name):
    f = frames[name]
    return f[f["year"] == 2024].reset_index(drop=True)


def printed(frames, figure):
    pf = frames["printed_figure"]
    return float(pf.loc[pf["figure"] == figure, "value"].iloc[0])


# --- capaian and status -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "arah", "expected"),
    [(9.85, 4.01, "naik", 40.71), (81.75, 78.73, "naik", 96.31), (4, 3.42, "naik", 85.5), (10, 8, "turun", 120.0)],
)
def test_capaian_pct(target, realisasi, arah, expected):
    assert round(capaian.capaian_pct(target, realisasi, arah), 2) == expected


def test_capaian_unknown_is_none_never_good():
    assert capaian.capaian_pct(None, 3) is None
    assert capaian.capaian_pct(0, 3) is None
    assert capaian.mean_capaian_pct([100, None]) is None
    assert status_of(None) == "abu"


@pytest.mark.parametrize(
    ("t", "r", "expected"), [("WTP", "WTP", 100.0), ("WTP", "WDP", 75.0), ("WDP", "WTP", 100.0), ("WTP", "TMP", 25.0)]
)
def test_opini_is_ordinal(t, r, expected):
    assert capaian.opini_capaian_pct(t, r) == expected


@pytest.mark.parametrize(
    ("value", "status"), [(100, "hijau"), (99.99, "kuning"), (80, "kuning"), (79.9, "merah"), (40.71, "merah")]
)
def test_status_thresholds(value, status):
    assert status_of(value) == status


# --- SS-1 productivity ----------------------------------------------------------------------


def test_productivity_worked_computation_gives_printed_4_01(frames):
    x = productivity.inputs_from_variables(y2024(frames, "pyb_variable"))
    assert x.pyb_penta == 709_432  # the worked computation's value, not the list's 709.436
    assert round(productivity.productivity_contribution_pct(x), 2) == 4.01
    assert (
        round(
            productivity.productivity_contribution_pct(
                productivity.inputs_from_variables(y2024(frames, "pyb_variable"), "variabel")
            ),
            2,
        )
        == 4.01
    )


def test_productivity_literal_formula_differs(frames):
    x = productivity.inputs_from_variables(y2024(frames, "pyb_variable"))
    assert round(productivity.productivity_contribution_literal_pct(x), 2) == 3.93


def test_components_add_up_and_goal_seek_inverts(frames):
    x = productivity.inputs_from_variables(y2024(frames, "pyb_variable"))
    p = productivity.productivity_contribution_pct(x)
    assert sum(productivity.component_contributions_pct(x).values()) == pytest.approx(p)
    assert sum(productivity.component_shares_pct(x).values()) == pytest.approx(100)
    need = productivity.goal_seek(x, "pyb_vokasi", 9.85)
    from dataclasses import replace

    assert productivity.productivity_contribution_pct(replace(x, pyb_vokasi=need)) == pytest.approx(9.85)
    assert productivity.sensitivity(x)["pyb_vokasi"] == pytest.approx(
        productivity.component_contributions_pct(x)["pyb_vokasi"] / x.pyb_vokasi, rel=1e-6
    )
    with pytest.raises(productivity.GoalUnreachable):
        productivity.goal_seek(x, "pyb_irisan", 50)


def test_inputs_from_variables_names_missing(frames):
    v = y2024(frames, "pyb_variable")
    with pytest.raises(KeyError, match="delta_pyb"):
        productivity.inputs_from_variables(v[v["variable"] != "delta_pyb"])


# --- SPBE and RB ----------------------------------------------------------------------------


def test_spbe_index_from_47_levels_gives_3_42_baik(frames):
    ind, asp, bands = (y2024(frames, n) for n in ("spbe_indicator", "spbe_aspect", "spbe_predikat"))
    assert len(ind) == 47
    index = spbe.spbe_index(ind, asp)
    assert round(index, 2) == 3.42 == printed(frames, "RE.spbe_realisasi")
    assert spbe.predikat(index, bands) == "Baik"
    assert round(spbe.index_from_domains(y2024(frames, "spbe_domain")), 2) == 3.42
    # aspect values recomputed from levels equal the printed Tabel 3.19 values at 2 decimals
    # (half-up: A5 is 17/8 = 2,125, printed 2,13)
    av = spbe.aspect_values(ind)
    assert av.to_dict() == pytest.approx(asp.set_index("code")["nilai"].astype(float).to_dict(), abs=0.005 + 1e-9)


def test_spbe_single_raise_moves_index_by_its_weight(frames):
    ind, asp = y2024(frames, "spbe_indicator"), y2024(frames, "spbe_aspect")
    base = spbe.spbe_index(ind, asp)
    raises = spbe.single_raises(ind, asp)
    top = raises.iloc[0]
    # A8 (bobot 18 %, 6 indicators) or A7 (27,5 %, 10) ... the heaviest single level is A8's 0,03
    assert top["gain"] == pytest.approx(0.03)
    assert spbe.spbe_index(ind, asp, {int(top["nomor"]): int(top["tingkat_baru"])}) == pytest.approx(base + top["gain"])
    assert (raises["tingkat"] < 5).all() and raises["gain"].is_monotonic_decreasing


def test_spbe_path_to_next_predikat(frames):
    ind, asp, bands = (y2024(frames, n) for n in ("spbe_indicator", "spbe_aspect", "spbe_predikat"))
    base = spbe.spbe_index(ind, asp)
    name, low = spbe.next_predikat(base, bands)
    assert (name, low) == ("Sangat Baik", 3.5)
    path = spbe.path_to_index(ind, asp, low)
    assert path["index_baru"].iloc[-1] >= low > path["index_baru"].iloc[-2]
    assert spbe.predikat(path["index_baru"].iloc[-1], bands) == "Sangat Baik"
    with pytest.raises(ValueError):
        spbe.path_to_index(ind, asp, 5.01)
    with pytest.raises(ValueError):
        spbe.spbe_index(ind, asp, {1: 6})


def test_rb_index_recomputed_from_components_and_indicators(frames):
    comp, ind = y2024(frames, "rb_component"), y2024(frames, "rb_indicator")
    assert round(rb.rb_index(comp), 2) == 78.73
    assert round(rb.rb_index_from_indicators(ind), 2) == 78.73
    assert rb.component_values(ind).round(2).to_dict() == {"GENERAL": 74.79, "TEMATIK": 3.94}
    gaps = rb.component_gaps(comp).set_index("code")
    assert gaps.loc["GENERAL", "gap"] == pytest.approx(25.21)


# --- budget ---------------------------------------------------------------------------------


def test_absorption_table_sums_to_printed_total(frames):
    t = budget.absorption_table(y2024(frames, "budget_unit"), ["year"])
    assert t["pagu_rp"].iloc[0] == printed(frames, "T3.21.total.pagu_rp")
    assert round(t["penyerapan_pct"].iloc[0], 2) == printed(frames, "T3.21.total.penyerapan_pct")
    with pytest.raises(KeyError):
        budget.absorption_table(pd.DataFrame({"x": [1]}), ["x"])


# --- headline from the database, SQLite and PostgreSQL ---------------------------------------


def test_headline_from_database_reproduces_the_report(engine, frames):
    db.replace_all(engine, frames, "data")
    h = headline.headline(db.read_all(engine), 2024)
    assert set(h) >= REQUIRED_KEYS
    expected = {
        "productivity_contribution_pct": 4.01,
        "ss1_capaian_pct": 40.71,
        "overall_capaian_pct": 67.32,
        "rb_index": 78.73,
        "rb_index_recomputed": 78.73,
        "spbe_index": 3.42,
        "spbe_index_recomputed": 3.42,
        "budget_absorption_pct": 89.52,
        "budget_absorption_excl_blokir_pct": 96.61,
        "dekonsentrasi_absorption_pct": 93.66,
        "training_capaian_pct": 99.53,
    }
    for key, value in expected.items():
        assert round(h[key], 2) == value, key
    # SS-2: the mean of 96,31 / 100 / 85,5 is 93,9353; the report prints 93,93 (truncated)
    assert h["ss2_capaian_pct"] == pytest.approx(93.9353, abs=1e-4)
    assert int(h["ss2_capaian_pct"] * 100) / 100 == printed(frames, "B4.ss2_capaian")
    assert h["spbe_predikat"] == "Baik" and h["opini_bpk"] == "WTP"
    assert h["budget_pagu_rp"] == printed(frames, "T3.20.total.pagu_rp")
    assert h["budget_realisasi_rp"] == printed(frames, "T3.20.total.realisasi_rp")
    assert h["budget_blokir_rp"] == printed(frames, "T3.22.total.blokir_rp")
    assert h["pn_pagu_rp"] == printed(frames, "L5.total.pagu_rp")
    assert h["pn_realisasi_rp"] == printed(frames, "L5.total.realisasi_rp")
    assert h["job_creation_total"] == printed(frames, "T3.4.total.realisasi")
    assert (h["training_target_total"], h["training_realisasi_total"]) == (128384, 127781)
    assert (h["n_lampiran6_outputs"], h["n_pn_outputs"], h["n_spbe_indicators"]) == (270, 90, 47)
    # efficiency rates are derived: capaian SS / recomputed absorption
    assert h["efficiency_rate_ss1"] == pytest.approx(h["ss1_capaian_pct"] / (4109197928094 / 4624779454000 * 100))
    assert round(h["efficiency_rate_total"], 4) == round(67.32296501549749 / 89.52029642991943, 4)


def test_cli_prints_json(app_db):
    env = {**os.environ, "DATABASE_URL": app_db}
    out = subprocess.run(
        [sys.executable, "-m", "kpi", "--year", "2024", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout)
    assert set(figures) >= REQUIRED_KEYS
    assert round(figures["ss1_capaian_pct"], 2) == 40.71
    missing = subprocess.run(
        [sys.executable, "-m", "kpi", "--year", "1999"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert missing.returncode == 2 and "1999" in missing.stderr
