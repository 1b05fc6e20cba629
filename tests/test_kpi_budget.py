"""kpi.budget: absorption, blokir, efficiency, source gaps and PK revisions, with the LKj 2024 figures."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.budget import (
    absorption_excl_blokir_pct,
    absorption_pct,
    absorption_table,
    blokir_absorption_table,
    efficiency_rate,
    pagu_revision_changes,
    source_gap_table,
)

PAGU_2024 = 6_144_346_237_000
REALISASI_2024 = 5_500_436_965_043
BLOKIR_2024 = 450_805_234_000
REVISI = ("januari", "juni", "oktober", "desember")


def test_absorption_total_2024():
    """Tabel 3.20 TOTAL: 89,52 %."""
    assert round(absorption_pct(PAGU_2024, REALISASI_2024), 2) == 89.52


def test_absorption_excl_blokir_2024():
    """Bab 3.3: 96,61 % when the blokir is taken off the pagu."""
    assert round(absorption_excl_blokir_pct(PAGU_2024, BLOKIR_2024, REALISASI_2024), 2) == 96.61


@pytest.mark.parametrize(
    ("capaian_ss", "absorption", "expected"),
    [(40.71, 88.85, 0.4582), (93.93, 91.55, 1.0260), (67.32, 89.52, 0.7520), (50.0, 0, None), (None, 90.0, None)],
)
def test_efficiency_rate(capaian_ss, absorption, expected):
    """Section 3.4 / Tabel 3.24: capaian SS / capaian anggaran."""
    got = efficiency_rate(capaian_ss, absorption)
    assert got == expected if expected is None else round(got, 4) == expected


def test_absorption_table_units_2024():
    units = pd.DataFrame(
        {
            "unit_code": ["SETJEN", "ITJEN"],
            "pagu_rp": [452_076_287_000, 68_470_374_000],
            "realisasi_rp": [430_003_573_345, 60_101_736_416],
        }
    )
    out = absorption_table(units, ["unit_code"])
    assert [round(v, 2) for v in out["penyerapan_pct"]] == [95.12, 87.78]


def test_blokir_absorption_table_hand_made():
    units = pd.DataFrame({"unit_code": ["A", "B"], "pagu_rp": [100.0, 200.0], "realisasi_rp": [80.0, 150.0]})
    blokir = pd.DataFrame({"unit_code": ["A"], "blokir_rp": [20.0]})
    out = blokir_absorption_table(units, blokir).set_index("unit_code")
    assert out.loc["A", "pagu_excl_blokir_rp"] == 80.0
    assert out.loc["A", "penyerapan_excl_blokir_pct"] == 100.0
    assert out.loc["B", "blokir_rp"] == 0  # no blokir row: nothing blocked
    assert out.loc["B", "penyerapan_pct"] == out.loc["B", "penyerapan_excl_blokir_pct"] == 75.0


def test_blokir_absorption_table_setjen_2024():
    """Tabel 3.21 + 3.22, Sekretariat Jenderal."""
    units = pd.DataFrame({"unit_code": ["SETJEN"], "pagu_rp": [452_076_287_000], "realisasi_rp": [430_003_573_345]})
    blokir = pd.DataFrame({"unit_code": ["SETJEN"], "blokir_rp": [20_284_057_000]})
    row = blokir_absorption_table(units, blokir).iloc[0]
    assert round(row["penyerapan_pct"], 2) == 95.12
    assert round(row["penyerapan_excl_blokir_pct"], 2) == 99.59


def test_blokir_absorption_table_missing_column():
    with pytest.raises(KeyError, match="blokir lacks columns"):
        blokir_absorption_table(
            pd.DataFrame({"unit_code": ["A"], "pagu_rp": [1.0], "realisasi_rp": [1.0]}),
            pd.DataFrame({"unit_code": ["A"]}),
        )


def test_source_gap_table_realisasi_dl():
    """Program DL: OM-SPAN (Tabel 3.20) against Monev Kemenkeu (Lampiran 6)."""
    omspan = pd.DataFrame({"program_code": ["DL", "WA"], "realisasi_rp": [1_822_704_055_830, 1_391_239_036_949]})
    monev = pd.DataFrame({"program_code": ["DL"], "realisasi_rp": [1_781_668_791_340]})
    out = source_gap_table(omspan, monev, "program_code", "realisasi_rp", ("omspan", "monev")).set_index("program_code")
    assert out.loc["DL", "selisih"] == 41_035_264_490
    assert round(out.loc["DL", "selisih_pct"], 2) == 2.25
    assert pd.isna(out.loc["WA", "monev"]) and pd.isna(out.loc["WA", "selisih_pct"])


def test_source_gap_table_missing_column():
    with pytest.raises(KeyError, match="second lacks columns"):
        source_gap_table(pd.DataFrame({"k": [1], "v": [1]}), pd.DataFrame({"k": [1]}), "k", "v", ("a", "b"))


def test_pagu_revision_changes_dl_2024():
    """Tabel 2.3, program DL: januari 2.054.051.426.000 → desember 2.098.237.155.000."""
    frame = pd.DataFrame(
        {
            "revisi": ["desember", "januari", "oktober", "juni"],
            "program_code": ["DL"] * 4,
            "pagu_rp": [2_098_237_155_000, 2_054_051_426_000, 2_065_692_883_000, 2_055_179_582_000],
        }
    )
    out = pagu_revision_changes(frame, REVISI)
    assert list(out["revisi"]) == list(REVISI)
    assert list(out["perubahan_rp"]) == [0, 1_128_156_000, 10_513_301_000, 32_544_272_000]
    assert out["perubahan_kumulatif_rp"].iloc[-1] == 44_185_729_000


def test_pagu_revision_changes_unknown_revisi():
    frame = pd.DataFrame({"revisi": ["maret"], "program_code": ["WA"], "pagu_rp": [1.0]})
    with pytest.raises(ValueError, match="maret"):
        pagu_revision_changes(frame, REVISI)
