"""kpi.checks, the rule kinds of issue 16: per kind a frame that breaks it and one that does not, the LKj 2024's
own figures, root causes named, and a year with missing rows never crashing a rule."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kpi.checks import RULES, Finding, findings_index, run_checks
from kpi.checks.engine import Context, MissingDataset
from kpi.checks.rules.base import derived_tolerance, indicator_unit
from kpi.checks.rules.same import _near
from tests.check_frames import _one, _pf


def _by_key(report) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in report:
        out.setdefault(f.row_key, []).append(f)
    return out


@pytest.fixture(scope="module")
def report2024(frames):
    return run_checks(frames, 2024)


def _found(report, rule_id: str, row_key: str) -> list[Finding]:
    hits = [f for f in report if f.rule_id == rule_id and f.row_key == row_key]
    assert hits, f"{rule_id} {row_key} not found"
    return hits


# --------------------------------------------------------------- trend: year over year


def _units(pagu: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"year": list(pagu), "unit_code": ["SETJEN"] * len(pagu), "pagu_rp": list(pagu.values()), "realisasi_rp": None}
    )


def test_trend_flags_a_value_an_order_of_magnitude_off_its_neighbours():
    # six times its neighbour (Ditjen PHI's 2022 budget, the wage subsidy year) is a change, not a misprint
    quiet = _one("trend.yoy", {"budget_unit": _units({2023: 1.32e12, 2024: 7.9e12}), "printed_figure": _pf({})})
    assert list(quiet) == [] and quiet.ran["trend.yoy"] == 2  # 2024 against 2023, and 2023 (printed beside it)
    (f,) = _one("trend.yoy", {"budget_unit": _units({2023: 1.32e12, 2024: 13.2e12}), "printed_figure": _pf({})})
    assert (f.row_key, f.printed, f.recomputed, f.severity) == ("SETJEN/pagu_rp", 13.2e12, 1.32e12, "warning")
    assert f.tables == ("Tabel 3.21",) and "×10,0" in f.message_id and "satu orde besaran" in f.message_id


def test_trend_blames_the_odd_year_not_its_neighbours():
    # 2023 is ten times both 2022 and 2024: the outlier is 2023 (an earlier year, checked from the 2024 run),
    # and 2024, which only has 2023 before it, is not flagged for being in line with 2022
    frames = {"budget_unit": _units({2022: 4.0e11, 2023: 4.5e12, 2024: 4.2e11}), "printed_figure": _pf({})}
    report = _one("trend.yoy", frames)
    assert [(f.row_key, f.printed, f.recomputed) for f in report] == [("2023/SETJEN/pagu_rp", 4.5e12, 4.0e11)]
    # once 2023 has a report of its own it is that run's business, not the 2024 run's
    frames["output_capaian"] = pd.DataFrame({"year": [2023, 2024]})
    assert list(_one("trend.yoy", frames)) == []
    assert [f.row_key for f in _one("trend.yoy", frames, 2023)] == ["SETJEN/pagu_rp"]
    # an odd first year: 2023 and 2024 agree with each other, 2022 is ten times both
    first = _one(
        "trend.yoy", {"budget_unit": _units({2022: 4.0e12, 2023: 4.0e11, 2024: 4.2e11}), "printed_figure": _pf({})}
    )
    assert [f.row_key for f in first] == ["2022/SETJEN/pagu_rp"]


def test_trend_earlier_years_totals_add_up():
    jc = pd.DataFrame(
        {
            "year": [2023] * 3 + [2024] * 3,
            "kode": ["1", "1a", "1b"] * 2,
            "parent_kode": [None, "1", "1"] * 2,
            "realisasi": [119785.0, 64417.0, 55368.0, 114195.0, 52036.0, 62159.0],
        }
    )
    frames = {"job_creation": jc, "printed_figure": _pf({})}
    right = _one("trend.totals", frames)
    assert list(right) == [] and right.ran["trend.totals"] == 1  # 2023 only: rollup.T3.4 checks 2024
    frames["job_creation"] = jc.assign(realisasi=[119786.0, 64417.0, 55368.0, 114195.0, 52036.0, 62159.0])
    (f,) = _one("trend.totals", frames)
    assert (f.row_key, f.printed, f.recomputed, f.severity) == ("2023/1", 119786.0, 119785.0, "error")


def _labour(bukan_angkatan_kerja: float) -> pd.DataFrame:
    rows = [
        ("puk", None, 215.37, "juta orang"),
        ("angkatan_kerja", "puk", 152.11, "juta orang"),
        ("bekerja", "angkatan_kerja", 144.64, "juta orang"),
        ("pengangguran", "angkatan_kerja", 7.47, "juta orang"),
        ("bukan_angkatan_kerja", "puk", bukan_angkatan_kerja, "juta orang"),
        ("tpak", None, 70.63, "persen"),
    ]
    return pd.DataFrame(
        {
            "year": [2024] * len(rows),
            "kode": [r[0] for r in rows],
            "indikator": [r[0] for r in rows],
            "induk": [r[1] for r in rows],
            "nilai": [r[2] for r in rows],
            "satuan": [r[3] for r in rows],
        }
    )


def test_trend_labour_force_adds_up_within_its_printed_rounding():
    # Tabel 3.15 2024: 152,11 + 63,26 = 215,37; two parts rounded to 0,005 allow 0,015
    assert derived_tolerance(2, [(1.0, 2), (1.0, 2)]) == pytest.approx(0.015)
    right = _one("trend.totals", {"labour_force_bps": _labour(63.27), "printed_figure": _pf({})})
    assert list(right) == [] and right.ran["trend.totals"] == 3  # PUK, AK, TPAK (152,11 / 215,37 = 70,63 %)
    (f,) = _one("trend.totals", {"labour_force_bps": _labour(63.30), "printed_figure": _pf({})})
    assert (f.row_key, f.printed, f.recomputed) == ("puk", 215.37, pytest.approx(215.41))


def test_trend_on_the_lkj_2024(report2024):
    assert not [f for f in report2024 if f.rule_id.startswith("trend.")]
    # 2022 and 2023 are printed beside 2024 and have no report of their own: checked from 2024
    assert report2024.ran["trend.totals"] == 21 and report2024.ran["trend.yoy"] == 182


# --------------------------------------------------------------- index: recomputed from components


def test_spbe_index_of_every_institution_group(frames, report2024):
    by = _by_key(f for f in report2024 if f.rule_id == "index.spbe_levels")
    assert set(by) == {"Kabupaten/D1", "L8.rata.SPBE.lpnk", "L8.rata.SPBE.provinsi"}
    (kab,) = by["Kabupaten/D1"]
    # Domain Kebijakan has one aspect: Kabupaten prints 2,51 for the domain and 3,23 for its aspect; the printed
    # index 2,45 was computed with 2,51
    assert (kab.printed, kab.recomputed, kab.severity) == (2.51, pytest.approx(3.23), "warning")
    assert "nilai aspek yang menyimpang" in kab.message_id and "2,54" in kab.message_id
    (lpnk,) = by["L8.rata.SPBE.lpnk"]
    # 0,13 × 4,01 + 0,25 × 3,65 + 0,165 × 2,61 + 0,455 × 4,26 = 3,80275; rounding explains 0,01 at most
    assert (lpnk.printed, lpnk.recomputed) == (3.82, pytest.approx(3.80275))
    assert report2024.ran["index.spbe_levels"] == 35  # 7 groups × (4 domains + the index)
    fixed = dict(frames)
    ra = frames["spbe_rata_rata"].copy()
    ra.loc[(ra["code"] == "A1") & (ra["kelompok"] == "Kabupaten"), "nilai"] = 2.51
    fixed["spbe_rata_rata"] = ra
    again = {f.row_key for f in _one("index.spbe_levels", fixed)}
    assert again == {"L8.rata.SPBE.lpnk", "L8.rata.SPBE.provinsi"}


def _rb(rows: list[tuple[float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2024] * len(rows),
            "nomor": list(range(1, len(rows) + 1)),
            "indikator": [f"indikator {i}" for i in range(1, len(rows) + 1)],
            "bobot": [r[0] for r in rows],
            "skor": [r[1] for r in rows],
            "skor_bobot": [r[2] for r in rows],
        }
    )


def test_rb_weighted_score_is_score_times_weight_on_its_scale():
    # Tabel 3.17: SPIP 3,48 of 5 × 4 = 2,78; SAKIP 68,03 % × 4 = 2,72; aset 2,75 of 4 × 2 = 1,375 -> 1,38; already weighted
    fine = [(4, 3.48, 2.78), (4, 68.03, 2.72), (2, 2.75, 1.38), (0.8, 0.65, 0.65)]
    right = _one("index.rb_skor", {"rb_indicator": _rb(fine)})
    assert list(right) == [] and right.ran["index.rb_skor"] == 4
    (f,) = _one("index.rb_skor", {"rb_indicator": _rb([*fine, (7, 99.92, 5.83)])})
    assert (f.row_key, f.printed, f.recomputed) == ("5", 5.83, pytest.approx(6.9944))
    assert "skala 0-100" in f.message_id and "Tidak ada skala" in f.message_id


def test_rb_scores_of_the_lkj_2024(report2024):
    found = {f.row_key: (f.printed, round(f.recomputed, 2)) for f in report2024 if f.rule_id == "index.rb_skor"}
    assert found == {"2": (5.83, 6.99), "18": (3.35, 3.43), "23": (5.44, 8.0)}


# --------------------------------------------------------------- same: Bab 3 against Lampiran 6


def _l6(rows: list[tuple[int, str, str, float | None, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2024] * len(rows),
            "urutan": [r[0] for r in rows],
            "level": [r[1] for r in rows],
            "name": [r[2] for r in rows],
            "unit_code": ["BINALAVOTAS"] * len(rows),
            "target": [r[3] for r in rows],
            "realisasi": [r[4] for r in rows],
            "target_text": [None] * len(rows),
            "realisasi_text": [None] * len(rows),
        }
    )


TRAINING = "Jumlah tenaga kerja yang mendapat pelatihan berbasis kompetensi"
BIPARTIT = "Persentase Peningkatan pembentukan LKS Bipartit di perusahaan menengah dan besar"


def _bab3_frames(target: float, realisasi: float, bipartit: float) -> dict[str, pd.DataFrame]:
    return {
        "output_capaian": _l6([(41, "ikk", TRAINING, target, realisasi), (201, "ikk", BIPARTIT, 30.0, bipartit)]),
        "training_uptp": pd.DataFrame(
            {"year": [2024, 2024], "uptp": ["A", "B"], "target": [64000.0, 64384.0], "realisasi": [63781.0, 64000.0]}
        ),
        "phi_focus": pd.DataFrame(
            {
                "year": [2023, 2024],
                "fokus_pembinaan": ["PEMBENTUKAN LKS BIPARTIT"] * 2,
                "jumlah_perusahaan": [12999, 16901],
            }
        ),
    }


def test_bab3_and_lampiran6_compared_by_unit():
    # Tabel 3.6 TOTAL 128.384 / 127.781; LKS Bipartit 12.999 -> 16.901 is +30,0177 %, printed 30,02 in Lampiran 6
    right = _one("same.L6_bab3", _bab3_frames(128384, 127781, 30.02))
    assert list(right) == [] and right.ran["same.L6_bab3"] == 3
    assert indicator_unit(TRAINING) == "count" and indicator_unit(BIPARTIT) == "pct"
    # a count must be equal; a percentage agrees at its two decimals, not within a fixed 0,5
    report = _one("same.L6_bab3", _bab3_frames(133872, 127782, 30.05))
    assert {(f.row_key, f.printed, round(f.recomputed, 4)) for f in report} == {
        ("41", 133872.0, 128384.0),
        ("41", 127782.0, 127781.0),
        ("201", 30.05, 30.0177),
    }
    assert all(f.tables[0] == "Lampiran 6" and f.severity == "warning" for f in report)


def test_bab3_and_lampiran6_on_the_lkj_2024(report2024):
    found = {(f.row_key, f.printed, f.recomputed) for f in report2024 if f.rule_id == "same.L6_bab3"}
    assert found == {
        ("41", 133872, 128384),  # training target: Lampiran 6 vs Tabel 3.6 TOTAL
        ("139", 122434, 187663),  # domestic placement: Lampiran 6 vs Tabel 3.10 row 1
        ("287", 5253, 48615),  # WLKP, large companies ... micro: Lampiran 6 vs Tabel 3.12
        ("288", 14098, 101695),
        ("289", 109811, 415063),
        ("290", 602030, 1864203),
        ("311", 0, 2.75),  # SPBE aspects printed 0 in Lampiran 6, Tabel 3.19 prints 2024's values
        ("312", 0, 2.13),
        ("313", 0, 2.0),
    }
    # the indicators that agree were compared too: PyB PHI and Binwas, Padat Karya, TKM, apprenticeships, BLK-K,
    # LKS Bipartit, RB, SPBE and the BPK opinion of the IKP rows
    assert report2024.ran["same.L6_bab3"] == 33


def test_lampiran6_totals_against_chapter3_totals(report2024):
    by = _by_key(f for f in report2024 if f.rule_id == "same.L6_ch3.total")
    assert set(by) == {"program.realisasi_rp", "unit.realisasi_rp"}  # the budgets (pagu) agree
    (prog,) = by["program.realisasi_rp"]
    assert (prog.printed, prog.recomputed, prog.severity) == (5439763043717, 5500436965043, "info")
    assert "Monev Kemenkeu" in prog.message_id and "OM-SPAN" in prog.message_id
    (unit,) = by["unit.realisasi_rp"]
    assert (unit.printed, unit.root_cause) == (5471285188323, "output_capaian/400")
    assert report2024.ran["same.L6_ch3.total"] == 4


def test_lampiran6_total_budget_that_disagrees_is_an_error():
    oc = pd.DataFrame(
        {
            "year": [2024, 2024],
            "urutan": [1, 2],
            "level": ["program", "program_unit"],
            "program_code": ["WA", "WA"],
            "unit_code": [None, "SETJEN"],
            "parent_urutan": [None, 1],
            "anggaran_rp": [100.0, 100.0],
            "realisasi_rp": [90.0, 90.0],
        }
    )
    bp = pd.DataFrame({"year": [2024], "program_code": ["WA"], "pagu_rp": [100.0], "realisasi_rp": [90.0]})
    bu = pd.DataFrame({"year": [2024], "unit_code": ["SETJEN"], "pagu_rp": [100.0], "realisasi_rp": [90.0]})
    frames = {"output_capaian": oc, "budget_program": bp, "budget_unit": bu}
    assert list(_one("same.L6_ch3.total", frames)) == []
    frames["budget_unit"] = bu.assign(pagu_rp=[101.0])
    (f,) = _one("same.L6_ch3.total", frames)
    assert (f.row_key, f.severity, f.printed, f.recomputed) == ("unit.anggaran_rp", "error", 100.0, 101.0)


# --------------------------------------------------------------- same: every printed form of P


def test_productivity_formula_variants_are_listed(report2024):
    by = {f.row_key: f for f in report2024 if f.rule_id == "same.ss1_variants"}
    assert set(by) == {"tabel3.1", "perhitungan", "narasi"}
    assert (round(by["tabel3.1"].printed, 2), by["tabel3.1"].severity) == (3.93, "warning")
    assert (round(by["perhitungan"].printed, 2), by["perhitungan"].severity) == (4.01, "info")
    assert (by["narasi"].printed, by["narasi"].severity) == (4.17, "warning")
    assert all(f.recomputed == 4.01 for f in by.values())
    assert "3,93 %" in by["tabel3.1"].message_id and "Tabel 3.1" in by["tabel3.1"].message_id
    assert "÷ ΔPyB" in by["perhitungan"].message_id and "(sama)" in by["perhitungan"].message_id


def test_productivity_variants_that_agree_are_info_only(frames):
    pf = frames["printed_figure"].copy()
    pf.loc[pf["figure"] == "B3.2.1.ss1_realisasi_narasi", "value"] = 4.01
    report = _one("same.ss1_variants", {**frames, "printed_figure": pf})
    assert {f.row_key: f.severity for f in report} == {"tabel3.1": "warning", "perhitungan": "info", "narasi": "info"}


# --------------------------------------------------------------- plausible: by the indicator's unit


def test_count_with_a_decimal_comma_and_its_zero_capaian():
    name = "Jumlah tenaga kerja berkeahlian menengah - tinggi di sektor prioritas"

    def oc(realisasi: float, capaian_pct: float) -> pd.DataFrame:
        frame = _l6([(7, "ikp", name, 13600.0, realisasi)])
        return frame.assign(
            capaian_pct=[capaian_pct], program_code=["DL"], kegiatan_code=[None], output_code=[None], anggaran_rp=None
        )

    right = _one("plausible.L6_unit", {"output_capaian": oc(62065.0, 456.0)})
    assert list(right) == [] and right.ran["plausible.L6_unit"] == 3
    # Lampiran 6 2024 row 7: 62,065 people, capaian 0 % (0,46 % rounds to 0: pct.L6.capaian lets it pass)
    fraction, zero = _one("plausible.L6_unit", {"output_capaian": oc(62.065, 0.0)})
    assert (fraction.printed, fraction.recomputed, fraction.root_cause) == (62.065, 62.0, None)
    assert "koma desimal" in fraction.message_id
    assert (zero.printed, round(zero.recomputed, 2), zero.root_cause) == (0.0, 0.46, "output_capaian/7")
    assert "Akar masalah: realisasi 62,065 di baris 7" in zero.message_id
    assert "Root cause: realisasi 62.065 in row 7" in zero.message_en


def test_unit_aware_closeness_of_ikk_and_ikp_prints():
    assert _near((85.0, 94.0), (85.0, 93.99))  # a whole print stands for ± 0,5
    assert not _near((85.0, 93.5), (85.0, 93.99))  # two printed decimals: ± 0,005, not a fixed 0,5
    assert _near((None, None), (None, None)) and not _near((1.0, None), (1.0, 2.0))


# --------------------------------------------------------------- precondition: the only kegiatan of its unit


def _ikp_ikk(kegiatan: int, ikk_realisasi: float) -> pd.DataFrame:
    rows = [(10, "program_unit", None, None), (11, "sasaran_program", 10, None), (12, "ikp", 11, 81.0)]
    urutan = 13
    for k in range(kegiatan):
        rows += [(urutan, "kegiatan", 10, None), (urutan + 1, "sasaran_kegiatan", urutan, None)]
        rows.append((urutan + 2, "ikk", urutan + 1, ikk_realisasi if k == 0 else 70.0))
        urutan += 3
    return pd.DataFrame(
        {
            "year": [2024] * len(rows),
            "urutan": [r[0] for r in rows],
            "level": [r[1] for r in rows],
            "parent_urutan": [r[2] for r in rows],
            "name": ["Persentase Temuan yang ditindaklanjuti" if r[1] in ("ikp", "ikk") else "x" for r in rows],
            "unit_code": ["BINAPENTA"] * len(rows),
            "program_code": ["WA"] * len(rows),
            "kegiatan_code": ["6621"] * len(rows),
            "target": [85.0 if r[1] in ("ikp", "ikk") else None for r in rows],
            "realisasi": [r[3] for r in rows],
        }
    )


def test_ikp_ikk_compares_only_the_only_kegiatan_of_its_unit():
    assert list(_one("same.L6.ikp_ikk", {"output_capaian": _ikp_ikk(1, 81.0)})) == []
    # the Lampiran 6 2024 case: Binapenta's one kegiatan 6621 prints 91,36, its IKP 81
    (f,) = _one("same.L6.ikp_ikk", {"output_capaian": _ikp_ikk(1, 91.36)})
    assert (f.printed, f.recomputed) == (91.36, 81.0)
    # two kegiatan: the IKP may add them up, the claim does not hold and nothing is compared
    report = _one("same.L6.ikp_ikk", {"output_capaian": _ikp_ikk(2, 91.36)})
    assert list(report) == [] and report.ran["same.L6.ikp_ikk"] == 0


# --------------------------------------------------------------- root causes


def _l6_money(setjen_realisasi: float) -> pd.DataFrame:
    # program 1 -> program_unit 2 -> kegiatan 3 (60) and 4 (30): row 2 printed 120 holds kegiatan 4 twice
    return pd.DataFrame(
        {
            "year": [2024] * 4,
            "urutan": [1, 2, 3, 4],
            "level": ["program", "program_unit", "kegiatan", "kegiatan"],
            "ss_code": [None] * 4,
            "program_code": ["WA"] * 4,
            "unit_code": [None, "SETJEN", "SETJEN", "SETJEN"],
            "kegiatan_code": [None, None, "2162", "2163"],
            "output_code": [None] * 4,
            "parent_urutan": [None, 1, 2, 2],
            "name": ["Program", "Program (Setjen)", "Kerja sama", "Humas"],
            "anggaran_rp": [100.0, 100.0, 65.0, 35.0],
            "realisasi_rp": [90.0, setjen_realisasi, 60.0, 30.0],
        }
    )


def test_a_kegiatan_counted_twice_is_the_root_cause_of_its_parents():
    assert list(_one("rollup.L6", {"output_capaian": _l6_money(90.0)})) == []
    report = _one("rollup.L6", {"output_capaian": _l6_money(120.0)})
    assert {(f.row_key, f.difference, f.root_cause) for f in report} == {
        ("2", 30.0, "output_capaian/4"),  # the program_unit holds kegiatan 4 twice
        ("1", -30.0, "output_capaian/4"),  # the program disagrees with it for the same reason
    }
    assert all("terhitung dua kali di baris 2" in f.message_id for f in report)
    assert all("is counted twice in row 2" in f.message_en for f in report)
    over = _one("plausible.over_budget", {"output_capaian": _l6_money(120.0), "printed_figure": _pf({})})
    assert [(f.row_key, f.root_cause) for f in over] == [("2", "output_capaian/4")]
    # a difference no child explains names no root cause
    (f,) = [f for f in _one("rollup.L6", {"output_capaian": _l6_money(97.0)}) if f.row_key == "2"]
    assert f.root_cause is None and "Akar masalah" not in f.message_id


def test_root_causes_on_the_lkj_2024(report2024):
    causes = {(f.rule_id, f.row_key): f.root_cause for f in report2024 if f.root_cause}
    assert causes == {
        # Setjen's Program Dukungan Manajemen (row 351) holds kegiatan 2163 (row 400, Rp 31.522.144.606) twice
        ("rollup.L6", "350"): "output_capaian/400",
        ("rollup.L6", "351"): "output_capaian/400",
        ("plausible.over_budget", "351"): "output_capaian/400",
        ("same.L6_ch3", "SETJEN"): "output_capaian/400",
        ("same.L6_ch3.total", "unit.realisasi_rp"): "output_capaian/400",
        # kegiatan 6623's IKK rows are shifted one row: its IKK/IKP disagreements are that shift
        ("same.L6.ikp_ikk", "524"): "output_capaian/524",
        ("same.L6.ikp_ikk", "525"): "output_capaian/524",
        ("same.L6.ikp_ikk", "526"): "output_capaian/524",
        ("same.L6.ikp_ikk", "527"): "output_capaian/524",
        # Tabel 3.17's total weight 110 is off by what RB Tematik's weight 10 is off (its indicators add to 6)
        ("total.T3.17", "T3.17.total.bobot"): "printed_figure/T3.17.rb_tematik.bobot",
        # Lampiran 6 row 7: 62,065 people, a count with a decimal comma, hence its 0 % capaian
        ("plausible.L6_unit", "7"): "output_capaian/7",
    }
    (setjen,) = _found(report2024, "rollup.L6", "351")
    assert "Akar masalah: Lampiran 6 baris 400 kegiatan WA/SETJEN/2163" in setjen.message_id
    assert "Rp 31.522.144.606" in setjen.message_id
    # a root cause points at a row a page can find: (dataset, row_key), as findings_index keys findings
    index = findings_index(report2024)
    assert ("output_capaian", "524") in index and ("printed_figure", "T3.17.rb_tematik.bobot") in index
    data = json.loads(json.dumps([f.as_dict() for f in report2024]))
    assert {d["root_cause"] for d in data} >= {None, "output_capaian/400"}


def test_finding_root_cause_defaults_to_none():
    f = Finding("r", "error", ("Tabel 3.7",), ("kejuruan",), "k", 1.0, 2.0, -1.0, "m", "m", "ss1", 2024)
    assert f.root_cause is None and f.as_dict()["root_cause"] is None


# --------------------------------------------------------------- a year with missing rows


class _Reads(Context):
    """A context that remembers which datasets a rule read."""

    def __init__(self, frames, year):
        super().__init__(frames, year)
        self.read: set[str] = set()

    def get(self, name, year=None):
        self.read.add(name)
        return super().get(name, year)


@pytest.fixture(scope="module")
def with_2025(frames):
    """The LKj 2024 and a copy of it as 2025, printed figures included (every comparison is reached)."""
    out = {}
    for name, frame in frames.items():
        if "year" in frame.columns:
            copy = frame[frame["year"] == 2024].copy()
            copy["year"] = 2025
            frame = pd.concat([frame, copy], ignore_index=True)
        out[name] = frame
    return out


def test_a_year_with_missing_rows_never_crashes_a_rule(with_2025):
    from kpi.checks.engine import _plain

    plain = {name: _plain(frame) for name, frame in with_2025.items()}
    reads: dict[str, set[str]] = {}
    for r in RULES:
        ctx = _Reads(plain, 2025)
        list(r.check(ctx))
        reads[r.id] = ctx.read
    crashes = []
    for name, frame in plain.items():
        if "year" not in frame.columns:
            continue
        missing = {**plain, name: frame[frame["year"] != 2025].reset_index(drop=True)}
        for r in RULES:
            if name not in reads[r.id]:
                continue
            try:
                list(r.check(Context(missing, 2025)))
            except MissingDataset:
                pass
            except Exception as exc:  # noqa: BLE001 - every crash is collected and listed
                crashes.append((name, r.id, f"{type(exc).__name__}: {exc}"))
    assert crashes == []


def test_no_pyb_rows_in_the_new_year_skips_the_growth_of_the_total(with_2025):
    # the reported crash: Tabel 3.3 of 2025 absent, 2024 present, the 2025 report prints T3.3.total.delta
    frames = dict(with_2025)
    pyb = frames["pyb_program"]
    frames["pyb_program"] = pyb[pyb["year"] != 2025].reset_index(drop=True)
    report = _one("pct.T3.3", frames, 2025)
    assert list(report) == [] and report.ran["pct.T3.3"] == 0
    jc = frames["job_creation"]
    frames["job_creation"] = jc[jc["year"] != 2025].reset_index(drop=True)
    assert list(_one("pct.T3.4", frames, 2025)) == []


def test_a_year_with_no_rows_at_all_runs_every_rule(with_2025):
    empty = {
        name: (frame[frame["year"] != 2025].reset_index(drop=True) if name != "printed_figure" else frame)
        for name, frame in with_2025.items()
    }
    report = run_checks(empty, 2025)
    assert report.skipped == [] and len(report.ran) == len(RULES)
