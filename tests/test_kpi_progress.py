"""kpi.progress: progress ratio, pace, year-end projection and status, by hand and on the LKj 2024's own figures.

The hand-computed cases write out each estimator's arithmetic. The real-figure tests give the LKj
2024 a fourth quarter equal to its printed realisation: the progress ratio is then the report's
capaian (Tabel 3.2, Lampiran 6) and the absorption its penyerapan (Tabel 3.20, 3.21).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import progress as P
from kpi.progress import NOTHING, THRESHOLDS, Projection, Thresholds
from loaders.datasets import DATASETS

# --------------------------------------------------------------------------- one indicator, by hand


@pytest.mark.parametrize(
    ("realisasi", "target", "arah", "expected"),
    [
        (50, 200, "naik", 25.0),
        (4.01, 9.85, "naik", 4.01 / 9.85 * 100),
        (6, 5, "turun", 80.0),  # (2 × 5 − 6) / 5: one above a "lower is better" target of 5
        (4, 5, "turun", 120.0),
        (None, 5, "naik", None),
        (5, 0, "naik", None),  # a zero target gives no ratio, never an infinite one
    ],
)
def test_progress_ratio_is_direction_aware(realisasi, target, arah, expected):
    got = P.progress_pct(realisasi, target, arah)
    assert got == pytest.approx(expected) if expected is not None else got is None


@pytest.mark.parametrize(
    ("target", "quarter", "jenis", "expected"),
    [(200, 1, "kumulatif", 50), (200, 3, "kumulatif", 150), (200, 2, "tingkat", 200), (None, 2, "kumulatif", None)],
)
def test_straight_line(target, quarter, jenis, expected):
    assert P.straight_line(target, quarter, jenis) == expected


def test_pace_against_what_is_due_now():
    assert P.pace_pct(60, 100) == pytest.approx(60.0)
    assert P.pace_pct(70, 80) == pytest.approx(87.5)
    assert P.pace_pct(11, 10, "turun") == pytest.approx(90.0)


@pytest.mark.parametrize(
    ("path", "quarter", "target", "jenis", "plan", "expected"),
    [
        # a count at 30 then 70: linear 70 × 4 / 2 = 140; the last increase (40) twice more: 70 + 80 = 150
        ({1: 30, 2: 70}, 2, 200, "kumulatif", None, Projection(140, 140, 150, "linear")),
        # with a rencana aksi of 80 by Q2: 70 / 80 × 200 = 175 is the point, the range 140 to 175
        ({1: 30, 2: 70}, 2, 200, "kumulatif", 80, Projection(175, 140, 175, "rencana_aksi")),
        # the first quarter: linear 30 × 4 = 120, and 30 a quarter from zero is 120 too
        ({1: 30}, 1, 200, "kumulatif", None, Projection(120, 120, 120, "linear")),
        # the second quarter missing: only linear, 90 × 4 / 3 = 120
        ({1: 30, 3: 90}, 3, 200, "kumulatif", None, Projection(120, 120, 120, "linear")),
        # a level at 60 then 72 two quarters later: the line through them (6 a quarter) ends at 78; 72 stays
        ({1: 60, 3: 72}, 3, 80, "tingkat", None, Projection(78, 72, 78, "tren")),
        # a level reported once stays where it is
        ({2: 50}, 2, 80, "tingkat", None, Projection(50, 50, 50, "tetap")),
        # a level ahead of its plan (55 where 50 was due): 55 / 50 × 80 = 88
        ({2: 55}, 2, 80, "tingkat", 50, Projection(88, 55, 88, "rencana_aksi")),
        # the fourth quarter is the year
        ({1: 30, 4: 210}, 4, 200, "kumulatif", None, Projection(210, 210, 210, "aktual")),
        # nothing reported at the quarter: nothing to project
        ({1: 30}, 2, 200, "kumulatif", None, NOTHING),
        ({1: 30, 2: None}, 2, 200, "kumulatif", None, NOTHING),
    ],
)
def test_project_indicator_by_hand(path, quarter, target, jenis, plan, expected):
    got = P.project_indicator(path, quarter, target, jenis, plan)
    assert got.method == expected.method
    for part in ("value", "low", "high"):
        want = getattr(expected, part)
        assert getattr(got, part) == (pytest.approx(want) if want is not None else None), part


def test_absorption_profile():
    assert P.absorption_profile({1: 10, 2: 40, 3: 60, 4: 100}) == pytest.approx({1: 0.1, 2: 0.4, 3: 0.6})
    # without the fourth quarter, the year's realisation comes from elsewhere (the LKj's realisasi)
    assert P.absorption_profile({1: 10, 2: 40}, final=80) == pytest.approx({1: 0.125, 2: 0.5})
    assert P.absorption_profile({1: 10}, final=None) == {}


@pytest.mark.parametrize(
    ("path", "quarter", "pagu", "profile", "expected"),
    [
        # 30 by Q2, last year 40 % of the year's spending by Q2: 30 / 0,4 = 75; linear 60; last quarter's 20
        # twice more: 70
        ({1: 10, 2: 30}, 2, 100, {2: 0.4}, Projection(75, 60, 75, "profil_tahun_lalu")),
        # no profile: linear is the point
        ({1: 10, 2: 30}, 2, 100, None, Projection(60, 60, 70, "linear")),
        # no realisation can pass the pagu: every estimate capped at 65
        ({1: 10, 2: 30}, 2, 65, {2: 0.4}, Projection(65, 60, 65, "profil_tahun_lalu")),
        ({1: 10, 2: 30, 3: 50, 4: 90}, 4, 100, None, Projection(90, 90, 90, "aktual")),
    ],
)
def test_project_budget_by_hand(path, quarter, pagu, profile, expected):
    got = P.project_budget(path, quarter, pagu, profile)
    assert (got.value, got.low, got.high, got.method) == pytest.approx(
        (expected.value, expected.low, expected.high, expected.method)
    )


def test_pace_curve_of_the_budget():
    assert P.expected_absorption_pct(2) == 50.0
    assert P.expected_absorption_pct(3, {3: 61.5}) == 61.5
    assert P.expected_absorption_pct(3, {1: 12.0}) == 75.0  # that quarter of last year unknown: a straight line


@pytest.mark.parametrize(
    ("pct", "budget", "status"),
    [
        (100.0, False, "on_track"),
        (99.99, False, "at_risk"),
        (90.0, False, "at_risk"),
        (89.99, False, "off_track"),
        (None, False, "unknown"),
        (float("nan"), False, "unknown"),
        (95.0, True, "on_track"),
        (94.99, True, "at_risk"),
        (90.0, True, "at_risk"),
        (89.0, True, "off_track"),
    ],
)
def test_status_thresholds(pct, budget, status):
    assert P.status_of(pct, budget) == status


def test_thresholds_live_in_one_place():
    assert (THRESHOLDS.on_track_pct, THRESHOLDS.at_risk_pct) == (100.0, 90.0)
    assert (THRESHOLDS.budget_on_track_pct, THRESHOLDS.budget_at_risk_pct) == (95.0, 90.0)
    strict = Thresholds(on_track_pct=110.0, at_risk_pct=100.0)
    assert P.status_of(105.0, thresholds=strict) == "at_risk"
    assert P.shortfall_pct(105.0, thresholds=strict) == pytest.approx(5.0)
    assert P.shortfall_pct(80.0) == pytest.approx(20.0)
    assert P.shortfall_pct(120.0) == 0.0
    assert P.shortfall_pct(85.0, budget=True) == pytest.approx(10.0)


# --------------------------------------------------------------------------- a quarter from tiny frames


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    cols = [c.name for c in DATASETS[name].all_columns]
    frame = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
    for c in DATASETS[name].all_columns:
        frame[c.name] = frame[c.name].astype({"int": "Int64", "str": "string"}.get(c.kind, "Float64"))
    return frame


@pytest.fixture
def tiny():
    """One IKSS, one IKP and two IKK of 2025, one program and one unit; quarters 1-2 of 2025, all of 2024's budget."""
    y = 2025
    l6 = [
        dict(urutan=1, level="ss", ss_code="SS-1", name="SS"),
        dict(
            urutan=2, level="ikp", ss_code="SS-1", program_code="DL", unit_code="U1", name="Persentase lulus", target=80
        ),
        dict(
            urutan=3,
            level="kegiatan",
            ss_code="SS-1",
            program_code="DL",
            unit_code="U1",
            kegiatan_code="1111",
            name="K",
        ),
        dict(
            urutan=4,
            level="ikk",
            ss_code="SS-1",
            program_code="DL",
            unit_code="U1",
            kegiatan_code="1111",
            name="Jumlah peserta",
            target=200,
        ),
        dict(
            urutan=5,
            level="ikk",
            ss_code="SS-1",
            program_code="DL",
            unit_code="U1",
            kegiatan_code="1111",
            name="Jumlah balai",
            target=10,
        ),
    ]
    for r in l6:
        r.update(year=y, sumber="Lampiran 6")
    budget = {"year": y, "urutan": 1, "pagu_rp": 1000.0, "sumber": "t"}
    ind = [
        dict(quarter=1, level="ikss", code="prod", realisasi_kumulatif=3.0),
        dict(quarter=2, level="ikss", code="prod", realisasi_kumulatif=4.0, target_triwulan=5.0),
        dict(quarter=1, level="ikp", code="DL.U1.1", realisasi_kumulatif=70.0),
        dict(quarter=2, level="ikp", code="DL.U1.1", realisasi_kumulatif=74.0, catatan="menunggu data"),
        dict(quarter=1, level="ikk", code="1111.1", realisasi_kumulatif=30.0),
        dict(quarter=2, level="ikk", code="1111.1", realisasi_kumulatif=70.0),
        dict(quarter=1, level="ikk", code="1111.2", realisasi_kumulatif=2.0),  # not reported in Q2
    ]
    for r in ind:
        r.update(year=y, sumber="T")
    bud = [
        dict(year=y, quarter=q, level="program", code="DL", realisasi_kumulatif_rp=v, sumber="T")
        for q, v in ((1, 100.0), (2, 300.0))
    ]
    bud += [
        dict(year=2024, quarter=q, level="program", code="DL", realisasi_kumulatif_rp=v, sumber="T")
        for q, v in ((1, 90.0), (2, 360.0), (3, 600.0), (4, 900.0))
    ]
    return {
        "ikss": _frame("ikss", [dict(year=y, code="prod", ss_code="SS-1", name="Produktivitas", satuan="%",
                                     arah="naik", jenis="angka", sumber="Tabel 3.2")]),
        "ikss_capaian": _frame("ikss_capaian", [dict(year=y, ikss_code="prod", target=10.0, sumber="Tabel 3.2")]),
        "output_capaian": _frame("output_capaian", l6),
        "budget_program": _frame("budget_program", [
            dict(budget, program_code="DL", program_name="Vokasi"),
            dict(budget, year=2024, program_code="DL", program_name="Vokasi", pagu_rp=1000.0, realisasi_rp=900.0),
        ]),
        "budget_unit": _frame("budget_unit", [dict(budget, unit_code="U1", unit_name="Unit Satu", pagu_rp=500.0)]),
        "triwulan_indikator": _frame("triwulan_indikator", ind),
        "triwulan_anggaran": _frame("triwulan_anggaran", bud),
    }  # fmt: skip


def test_indicator_progress_of_a_quarter_by_hand(tiny):
    got = P.indicator_progress(tiny, 2025).set_index("code")
    assert list(got.index) == ["prod", "DL.U1.1", "1111.1", "1111.2"]  # the report's order, IKSS first
    assert set(got["quarter"]) == {2}  # the latest loaded quarter
    prod = got.loc["prod"]  # a level (every IKSS is): 4 of 10; the plan wanted 5 by Q2: 4 / 5 × 10 = 8 at the end
    assert prod["jenis"] == "tingkat"
    assert prod["progress_pct"] == pytest.approx(40.0)
    assert prod["pace_pct"] == pytest.approx(80.0)
    assert prod["projected_pct"] == pytest.approx(80.0) and prod["method"] == "rencana_aksi"
    # range: 4 stays (40 %), the trend 3 -> 4 goes on to 6 (60 %), the plan gives 8 (80 %)
    assert (prod["projected_low_pct"], prod["projected_high_pct"]) == pytest.approx((40.0, 80.0))
    assert prod["status"] == "off_track" and prod["shortfall_pct"] == pytest.approx(20.0)
    ikp = got.loc["DL.U1.1"]  # "Persentase ...": a level; 70 then 74 of 80: trend +4 a quarter -> 82 at Q4
    assert ikp["jenis"] == "tingkat" and ikp["method"] == "tren"
    assert ikp["projected"] == pytest.approx(82.0) and ikp["projected_pct"] == pytest.approx(102.5)
    assert ikp["pace_pct"] == pytest.approx(74 / 80 * 100)  # no plan: a level's line is its target
    assert ikp["status"] == "on_track" and ikp["catatan"] == "menunggu data"
    ikk = got.loc["1111.1"]  # "Jumlah ...": a count; 70 of 200 by Q2, due 100 on a straight line
    assert ikk["jenis"] == "kumulatif"
    assert ikk["expected"] == pytest.approx(100.0) and ikk["pace_pct"] == pytest.approx(70.0)
    assert ikk["projected"] == pytest.approx(140.0) and ikk["projected_pct"] == pytest.approx(70.0)
    assert ikk["projected_high_pct"] == pytest.approx((70 + 40 * 2) / 200 * 100)
    assert ikk["status"] == "off_track"
    silent = got.loc["1111.2"]
    assert silent["status"] == "unknown" and pd.isna(silent["progress_pct"]) and silent["method"] == "-"


def test_an_earlier_quarter_is_seen_as_it_was(tiny):
    got = P.indicator_progress(tiny, 2025, quarter=1).set_index("code")
    assert got.loc["1111.1", "projected"] == pytest.approx(120.0)  # 30 × 4
    assert got.loc["1111.2", "progress_pct"] == pytest.approx(20.0)  # 2 of 10, reported in Q1
    assert P.latest_quarter(tiny, 2025) == 2 and P.latest_quarter(tiny, 2023) is None


def test_direction_and_kind_given_in_the_sheet_win(tiny):
    ind = tiny["triwulan_indikator"]
    ind.loc[(ind["code"] == "1111.1") & (ind["quarter"] == 2), ["jenis", "arah"]] = ["tingkat", "turun"]
    row = P.indicator_progress(tiny, 2025).set_index("code").loc["1111.1"]
    assert (row["jenis"], row["arah"]) == ("tingkat", "turun")
    assert row["progress_pct"] == pytest.approx((2 * 200 - 70) / 200 * 100)  # lower is better: 165 %


def test_budget_progress_uses_last_years_profile(tiny):
    got = P.budget_progress(tiny, 2025).set_index("code")
    dl = got.loc["DL"]
    # 300 of 1000 by Q2; 2024 spent 360 of its 900 by Q2 (40 %): 300 / 0,4 = 750 -> 75 % of the pagu
    assert dl["progress_pct"] == pytest.approx(30.0)
    assert dl["expected_pct"] == pytest.approx(36.0)  # 2024's absorption at Q2: 360 / 1000
    assert dl["pace_pct"] == pytest.approx(30 / 36 * 100)
    assert dl["projected_pct"] == pytest.approx(75.0) and dl["method"] == "profil_tahun_lalu"
    assert (dl["projected_low_pct"], dl["projected_high_pct"]) == pytest.approx(
        (60.0, 75.0)
    )  # linear 600, 300+200·2=700
    assert dl["status"] == "off_track" and dl["previous_year"] == 2024
    unit = got.loc["U1"]  # no quarterly row: nothing computed, listed as unknown
    assert unit["status"] == "unknown" and pd.isna(unit["progress_pct"])
    assert unit["expected_pct"] == pytest.approx(50.0)  # no previous year for it: 25 % a quarter


def test_budget_curves_hold_the_whole_pace_curve(tiny):
    got = P.budget_curves(tiny, 2025)
    dl = got[got["code"] == "DL"].set_index("quarter")
    assert list(dl.index) == [1, 2, 3, 4]
    assert list(dl["expected_pct"]) == pytest.approx([9.0, 36.0, 60.0, 90.0])  # 2024's path over its pagu
    assert list(dl["absorption_pct"][:2]) == pytest.approx([10.0, 30.0]) and dl["absorption_pct"][3:].isna().all()


def test_progress_rows_for_the_cli(tiny):
    rows = P.progress(tiny, 2025)
    assert [tuple(r) for r in rows] == [P.CLI_KEYS] * len(rows)
    assert len(rows) == 4 + 2
    dl = next(r for r in rows if r["code"] == "DL")
    assert dl == {
        "level": "program",
        "code": "DL",
        "name": "Vokasi",
        "target": 1000.0,
        "realisasi_kumulatif": 300.0,
        "progress_pct": pytest.approx(30.0),
        "projected_pct": pytest.approx(75.0),
        "status": "off_track",
    }


def test_no_quarter_loaded_gives_empty_frames(tiny):
    assert P.indicator_progress(tiny, 2023).empty and P.budget_progress(tiny, 2023).empty
    assert P.progress(tiny, 2023) == []


# --------------------------------------------------------------------------- the LKj 2024, its year as a fourth quarter


@pytest.fixture(scope="module")
def lkj_q4(frames):
    """The LKj 2024 with a fourth quarter that is its printed realisation (every IKSS, IKP and IKK, every budget line)."""
    from loaders.triwulan_codes import budget_lines, indicators

    l6 = frames["output_capaian"]
    l6 = l6[l6["year"] == 2024].set_index("urutan")
    cap = frames["ikss_capaian"].set_index(["year", "ikss_code"])
    rows = []
    for r in indicators(frames, 2024).to_dict("records"):
        value = cap.loc[(2024, r["code"]), "realisasi"] if r["level"] == "ikss" else l6.loc[r["urutan"], "realisasi"]
        rows.append(dict(year=2024, quarter=4, level=r["level"], code=r["code"], realisasi_kumulatif=value, sumber="T"))
    bud = [
        dict(
            year=2024, quarter=4, level=r["level"], code=r["code"], realisasi_kumulatif_rp=r["realisasi_rp"], sumber="T"
        )
        for r in budget_lines(frames, 2024).to_dict("records")
    ]
    return {**frames, "triwulan_indikator": _frame("triwulan_indikator", rows),
            "triwulan_anggaran": _frame("triwulan_anggaran", bud)}  # fmt: skip


def test_fourth_quarter_progress_is_the_printed_capaian(lkj_q4):
    got = P.indicator_progress(lkj_q4, 2024).set_index("code")
    # Tabel 3.2: 4,01 / 9,85 = 40,71 %; 78,73 / 81,75 = 96,31 %; 3,42 / 4 = 85,50 %
    for code, printed in (("produktivitas", 40.71), ("indeks_rb", 96.31), ("indeks_spbe", 85.5)):
        assert round(got.loc[code, "progress_pct"], 2) == printed, code
        assert got.loc[code, "projected_pct"] == got.loc[code, "progress_pct"]  # the fourth quarter is the year
        assert got.loc[code, "method"] == "aktual"
    assert got.loc["opini_bpk", "status"] == "unknown"  # WTP: a text target, no ratio
    # Lampiran 6 prints capaian as whole percents: DL.BINALAVOTAS.1 60,12 of 75 (80 %), IKK 2217.1 222 of 160 (139 %)
    assert got.loc["DL.BINALAVOTAS.1", "name"].startswith("Persentase Tenaga Kerja yang ditingkatkan")
    assert round(got.loc["DL.BINALAVOTAS.1", "progress_pct"]) == 80
    assert got.loc["2217.1", "name"] == "Jumlah BLK Pemerintah yang terakreditasi"
    assert round(got.loc["2217.1", "progress_pct"]) == 139
    # and every other IKP and IKK: its progress rounds to the printed whole percent, except two the report
    # itself rounds up (Kualitas Data finds them too): 3,55 of 3,8 is 93,42 %, printed 94; 81 of 85 is 95,29 %, printed 96
    l6 = lkj_q4["output_capaian"]
    l6 = l6[l6["year"] == 2024].set_index("urutan")
    numeric = got[got["level"].isin(["ikp", "ikk"]) & got["progress_pct"].notna()]
    printed = [float(l6.loc[u, "capaian_pct"]) for u in _urutan(lkj_q4, numeric.index)]
    off = {c for c, p, v in zip(numeric.index, printed, numeric["progress_pct"], strict=True) if int(v + 0.5) != p}
    assert off == {"2160.1", "WA.BINAPENTA.2"}
    assert len(got) == 180 and len(numeric) == 168  # 4 IKSS, 38 IKP, 138 IKK; 8 IKP/IKK with a text target or none


def _urutan(frames, codes) -> list[int]:
    from loaders.triwulan_codes import indicators

    by_code = indicators(frames, 2024).set_index("code")["urutan"]
    return [int(by_code[c]) for c in codes]


def test_fourth_quarter_absorption_is_the_printed_penyerapan(lkj_q4):
    got = P.budget_progress(lkj_q4, 2024).set_index("code")
    # Tabel 3.20: WA 91,55 %, DN 90,50 %, DL 86,87 %; Tabel 3.21: SETJEN 95,12 %, BINALAVOTAS 87,68 %
    for code, printed in (("WA", 91.55), ("DN", 90.5), ("DL", 86.87), ("SETJEN", 95.12), ("BINALAVOTAS", 87.68)):
        assert round(got.loc[code, "progress_pct"], 2) == printed, code
    assert got.loc["SETJEN", "status"] == "on_track"  # 95,12 % ≥ 95 %
    assert got.loc["WA", "status"] == "at_risk"  # 91,55 %
    assert got.loc["DL", "status"] == "off_track"  # 86,87 % < 90 %
