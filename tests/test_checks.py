"""kpi.checks: one small frame per rule kind that breaks it and one that does not, and the real LKj 2024."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kpi.checks import KINDS, RULE_BY_ID, RULES, CheckReport, findings_index, run_checks, summary, tolerance
from kpi.checks.engine import run


def _pf(rows: list[tuple[str, float]], year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [year] * len(rows),
            "figure": [r[0] for r in rows],
            "label": [r[0] for r in rows],
            "value": [r[1] for r in rows],
            "text_value": [None] * len(rows),
            "satuan": ["rp"] * len(rows),
            "sumber": ["Tabel 3.20"] * len(rows),
        }
    )


def _programs(pct_wa: float = 91.55) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2024, 2024],
            "program_code": ["WA", "DN"],
            "urutan": [1, 2],
            "program_name": ["Dukungan Manajemen", "Pembinaan Ketenagakerjaan"],
            "pagu_rp": [1519566783000.0, 2526542299000.0],
            "realisasi_rp": [1391239036949.0, 2286493872264.0],
            "penyerapan_pct": [pct_wa, 90.50],
            "sumber": ["Tabel 3.20"] * 2,
        }
    )


def _ids(findings) -> set[str]:
    return {f.rule_id for f in findings}


def _one(rule_id: str, frames: dict, year: int = 2024):
    return run([RULE_BY_ID[rule_id]], frames, year)


# --------------------------------------------------------------- one test per kind


def test_total_rule_finds_a_wrong_printed_total_and_passes_a_right_one():
    bp = _programs()
    right = _one("total.T3.20", {"budget_program": bp, "printed_figure": _pf([("T3.20.total.pagu_rp", 4046109082000)])})
    assert list(right) == [] and right.ran["total.T3.20"] == 1
    wrong = _one("total.T3.20", {"budget_program": bp, "printed_figure": _pf([("T3.20.total.pagu_rp", 4046109082001)])})
    (f,) = wrong
    assert (f.printed, f.recomputed, f.difference) == (4046109082001, 4046109082000, 1)
    assert f.severity == "error" and f.tables == ("Tabel 3.20",) and f.page == "anggaran"
    assert "Rp 4.046.109.082.001" in f.message_id and "Rp 4,046,109,082,001" in f.message_en


def test_pct_rule_respects_printed_rounding():
    pf = _pf([])
    # 1391239036949 / 1519566783000 = 91.5549…: 91,55 agrees, 91,56 does not, 91,54 is not a truncation either
    assert list(_one("pct.T3.20", {"budget_program": _programs(91.55), "printed_figure": pf})) == []
    (f,) = _one("pct.T3.20", {"budget_program": _programs(91.57), "printed_figure": pf})
    assert f.row_key == "WA" and f.printed == 91.57 and f.recomputed == pytest.approx(91.5549, abs=1e-4)
    assert "91,57 %" in f.message_id and f.severity == "warning"
    assert tolerance(2) == pytest.approx(0.005) and tolerance(0) == pytest.approx(0.5)


def test_pct_truncation_is_info():
    (f,) = _one(
        "pct.T3.20",
        {"budget_program": _programs(91.55).assign(penyerapan_pct=[91.55, 90.49]), "printed_figure": _pf([])},
    )
    # 2286493872264 / 2526542299000 = 90.4990…: printed 90,49 is the value cut, not rounded
    assert f.row_key == "DN" and f.severity == "info" and "dipotong" in f.message_id


def test_rollup_rule_children_must_add_up():
    jc = pd.DataFrame(
        {
            "year": [2024] * 3,
            "kode": ["1", "1a", "1b"],
            "parent_kode": [None, "1", "1"],
            "urutan": [1, 2, 3],
            "intervensi": ["Penempatan", "Pelatihan", "Pemagangan"],
            "realisasi": [100.0, 60.0, 40.0],
            "delta_pct": [None] * 3,
            "pelaksana": [None] * 3,
            "sumber": ["Tabel 3.4"] * 3,
        }
    )
    assert list(_one("rollup.T3.4", {"job_creation": jc})) == []
    (f,) = _one("rollup.T3.4", {"job_creation": jc.assign(realisasi=[101.0, 60.0, 40.0])})
    assert (f.row_key, f.printed, f.recomputed) == ("1", 101.0, 100.0)


def test_same_rule_finds_a_figure_printed_twice_differently():
    def variables(penta_perhitungan: float) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "year": [2024, 2024],
                "variable": ["pyb_penta", "pyb_penta"],
                "konteks": ["variabel", "perhitungan"],
                "nilai": [709436.0, penta_perhitungan],
                "satuan": ["orang", "orang"],
                "sumber": ["Bab 3.2.1"] * 2,
            }
        )

    assert list(_one("same.pyb_variable", {"pyb_variable": variables(709436.0)})) == []
    (f,) = _one("same.pyb_variable", {"pyb_variable": variables(709432.0)})
    assert (f.printed, f.recomputed) == (709436.0, 709432.0) and "709.432" in f.message_id


def test_plausibility_flags_realisasi_above_pagu():
    dk = pd.DataFrame(
        {
            "year": [2024],
            "unit_code": ["PHIJSK"],
            "urutan": [1],
            "bidang": ["HI"],
            "pagu_rp": [100.0],
            "realisasi_rp": [90.0],
            "capaian_pct": [90.0],
            "sumber": ["Tabel 3.23"],
        }
    )
    frames = {"dekonsentrasi": dk, "printed_figure": _pf([])}
    assert list(_one("plausible.over_budget", frames)) == []
    frames["dekonsentrasi"] = dk.assign(realisasi_rp=[120.0])
    (f,) = _one("plausible.over_budget", frames)
    assert f.tables == ("Tabel 3.23",) and f.datasets[0] == "dekonsentrasi" and f.printed == 120.0


def test_plausibility_capaian_bounds():
    pdm = pd.DataFrame(
        {
            "year": [2024] * 3,
            "urutan": [1, 2, 3],
            "nomor": ["1", "2.a", "2.b"],
            "kelompok": ["a", "b", "b"],
            "intervensi": ["x", "y", "z"],
            "target": [100, 100, 1],
            "realisasi": [100, 200, 20],
            "capaian_pct": [100.0, 200.0, 2000.0],
            "pelaksana": ["p"] * 3,
            "sumber": ["Tabel 3.10"] * 3,
        }
    )
    found = {
        f.row_key: f.severity for f in _one("plausible.capaian", {"placement_domestic": pdm, "printed_figure": _pf([])})
    }
    assert found == {"2.a": "warning", "2.b": "error"}


# --------------------------------------------------------------- engine


def test_missing_tables_skip_rules_not_fail():
    report = run_checks({"budget_program": _programs(), "printed_figure": _pf([])}, 2024)
    assert isinstance(report, CheckReport) and isinstance(report, list)
    assert "total.T3.20" not in report.skipped and "rollup.L6" in report.skipped
    counts = summary(report, RULES)["rules"].set_index("rule_id")
    assert bool(counts.loc["rollup.L6", "skipped"]) and counts.loc["pct.T3.20", "ran"] == 2


def test_findings_are_json_and_indexed(frames):
    report = run_checks(frames, 2024)
    rows = [f.as_dict() for f in report]
    json.dumps(rows)
    assert set(rows[0]) >= {
        "rule_id",
        "severity",
        "tables",
        "datasets",
        "row_key",
        "printed",
        "recomputed",
        "difference",
        "message_id",
        "message_en",
        "page",
        "year",
    }
    index = findings_index(report)
    assert [f.rule_id for f in index[("pyb_variable", "pyb_penta")]] == ["same.pyb_variable"]
    assert {f.page for f in report} <= {"ringkasan", "ss1", "ss2", "anggaran", "pn", "output"}


def test_every_rule_is_declared_once_with_a_known_kind_and_severity():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.kind in KINDS and r.severity in {"error", "warning", "info"}
        assert r.tables and r.datasets and r.description_id and r.description_en
    assert KINDS == ("total", "pct", "rollup", "same", "index", "trend", "plausible")
    assert {r.kind for r in RULES} == set(KINDS)  # every kind has rules


# --------------------------------------------------------------- the real LKj 2024


@pytest.fixture(scope="module")
def report2024(frames):
    return run_checks(frames, 2024)


def test_exact_rules_that_fire_on_2024(report2024):
    assert _ids(report2024) == {
        "index.rb_skor",
        "index.spbe_levels",
        "pct.L6.capaian",
        "pct.T3.15",
        "pct.narasi",
        "pct.ss",
        "plausible.L6_unit",
        "plausible.capaian",
        "plausible.over_budget",
        "rollup.L6",
        "same.L6.ikk_shift",
        "same.L6.ikp_ikk",
        "same.L6_bab3",
        "same.L6_ch3",
        "same.L6_ch3.total",
        "same.ikss",
        "same.pyb_variable",
        "same.ss1_variants",
        "same.yoy",
        "total.T3.17",
        "total.T3.7",
        "total.T3.7.row",
    }
    # the year-over-year rules ran on every multi-year series and found nothing an order of magnitude off
    assert report2024.ran["trend.yoy"] > 150 and report2024.ran["trend.totals"] > 20
    assert report2024.skipped == []
    # the LKj 2024 prints every figure a rule compares
    assert report2024.not_printed == []
    # every printed total of Tabel 3.20 and 3.21 (pagu, realisasi) is compared with its parts, and the
    # totals of earlier years the same report prints (pagu 2023; Tabel 3.21 also 2022) with those years' rows
    assert report2024.ran["total.T3.20"] == 3 and report2024.ran["total.T3.21"] == 4


def _find(report, rule_id: str, row_key: str):
    hits = [f for f in report if f.rule_id == rule_id and f.row_key == row_key]
    assert hits, f"{rule_id} {row_key} not found"
    return hits


def test_the_three_issue_examples(report2024):
    (penta,) = _find(report2024, "same.pyb_variable", "pyb_penta")
    assert (penta.printed, penta.recomputed) == (709436, 709432)
    assert "709.436" in penta.message_id and "709.432" in penta.message_id
    (narasi,) = _find(report2024, "same.ikss", "B3.2.1.ss1_realisasi_narasi")
    assert (narasi.printed, narasi.recomputed) == (4.17, 4.01) and "4,17 %" in narasi.message_id
    (rb_target,) = _find(report2024, "same.ikss", "B4.rb_target")
    assert (rb_target.printed, rb_target.recomputed) == (81.5, 81.75) and "81,75" in rb_target.message_id


def test_known_disagreements_of_lampiran_6(report2024):
    (setjen,) = [f for f in _find(report2024, "rollup.L6", "351")]
    assert (setjen.printed, setjen.recomputed) == (401817163278, 370295018672)
    (spip,) = _find(report2024, "pct.L6.capaian", "380")
    assert spip.printed == 94 and spip.recomputed == pytest.approx(3.55 / 3.80 * 100)
    (temuan,) = _find(report2024, "pct.L6.capaian", "471")
    assert temuan.printed == 96 and temuan.recomputed == pytest.approx(81 / 85 * 100)
    (shift,) = _find(report2024, "same.L6.ikk_shift", "524")
    assert "6623" in shift.message_id
    pairs = {(f.printed, f.recomputed) for f in report2024 if f.rule_id == "same.L6.ikp_ikk"}
    assert {(91.36, 81.0), (80.66, 89.81), (52.0, 81.83)} <= pairs


def test_spbe_and_rb_recomputed_agree_with_print(report2024):
    assert report2024.ran["same.spbe"] >= 15 and not [f for f in report2024 if f.rule_id == "same.spbe"]
    (ss2,) = _find(report2024, "pct.ss", "B3.1.ss2_capaian")
    assert ss2.severity == "info" and ss2.recomputed == pytest.approx(93.9353, abs=1e-4)
    tematik = _find(report2024, "total.T3.17", "T3.17.rb_tematik.bobot")[0]
    assert (tematik.printed, round(tematik.recomputed, 6)) == (10, 6)
