"""kpi.outputs: Lampiran 6 recomputed, with hand-made frames and the report's own rows."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import outputs as ko


@pytest.fixture(scope="module")
def l6(frames) -> pd.DataFrame:
    return frames["output_capaian"]


def _tiny() -> pd.DataFrame:
    # 1 program -> 2 kegiatan -> 3 outputs; urutan 6 has no target.
    return pd.DataFrame(
        {
            "urutan": [1, 2, 3, 4, 5, 6],
            "level": ["program", "kegiatan", "output", "output", "kegiatan", "output"],
            "parent_urutan": pd.array([None, 1, 2, 2, 1, 5], dtype="Int64"),
            "program_code": ["WA"] * 6,
            "unit_code": [None, "SETJEN", "SETJEN", "SETJEN", "ITJEN", "ITJEN"],
            "kegiatan_code": [None, "1111", "1111", "1111", "2222", "2222"],
            "output_code": [None, None, "001", "002", None, "001"],
            "name": ["P", "K1", "O1", "O2", "K2", "O3"],
            "province_code": [None, None, "11", None, None, None],
            "anggaran_rp": [300.0, 200.0, 100.0, 100.0, 100.0, 100.0],
            "realisasi_rp": [250.0, 150.0, 100.0, 50.0, 100.0, 100.0],
            "penyerapan_pct": [83.0, 75.0, 100.0, 51.0, 100.0, 100.0],
            "target": [None, 20.0, 10.0, 10.0, None, None],
            "realisasi": [None, 17.0, 10.0, 7.0, None, None],
            "capaian_pct": [None, 85.0, 100.0, 70.0, None, None],
        }
    )


@pytest.mark.parametrize(
    ("absorption", "capaian", "expected"),
    [
        (100.0, 100.0, "terserap_tercapai"),
        (102.85, 100.0, "terserap_tercapai"),
        (91.0, 100.0, "hemat_tercapai"),
        (100.0, 99.9, "terserap_belum_tercapai"),
        (55.36, 89.73, "belum_terserap_belum_tercapai"),
        (None, 100.0, None),
        (80.0, float("nan"), None),
    ],
)
def test_quadrant_of(absorption, capaian, expected):
    assert ko.quadrant_of(absorption, capaian) == expected


def test_quadrant_threshold_is_a_parameter():
    assert ko.quadrant_of(96.0, 100.0, absorption_from=95) == "terserap_tercapai"


@pytest.mark.parametrize(
    ("printed", "recomputed", "differs"),
    [
        (93, 93.42, False),
        (94, 93.42, True),  # 2160 'Maturitas SPIP' 3,55 / 3,80
        (96, 95.29, True),  # IKP 'Persentase Temuan yang ditindaklanjuti' 81 / 85
        (91, 90.5, False),
        (90, 90.5, False),
        (None, 90.0, False),
        (90, None, False),
    ],
)
def test_printed_differs(printed, recomputed, differs):
    assert ko.printed_differs(printed, recomputed) is differs


def test_printed_differs_with_decimals():
    assert ko.printed_differs(40.71, 40.7107) is False
    assert ko.printed_differs(40.71, 40.72, decimals=2) is True


def test_with_recomputed_tiny():
    r = ko.with_recomputed(_tiny()).set_index("urutan")
    assert r.at[4, "penyerapan_calc_pct"] == 50.0 and bool(r.at[4, "penyerapan_differs"])  # printed 51
    assert r.at[4, "capaian_calc_pct"] == 70.0 and r.at[4, "status"] == "merah"
    assert r.at[2, "status"] == "kuning" and r.at[3, "status"] == "hijau"
    assert r.at[6, "status"] == "abu" and pd.isna(r.at[6, "quadrant"])
    assert r.at[3, "quadrant"] == "terserap_tercapai"


def test_missing_column_is_named():
    with pytest.raises(ko.OutputFrameError, match=r"with_recomputed needs column\(s\) \['capaian_pct'\]"):
        ko.with_recomputed(_tiny().drop(columns="capaian_pct"))


def test_under_target_tiny():
    rows = ko.outputs(_tiny())
    under = ko.under_target(rows)
    assert list(under["urutan"]) == [4]
    assert under.loc[0, "gap_pp"] == 30.0 and under.loc[0, "gap_units"] == 3.0


def test_hierarchy_tiny():
    f = _tiny()
    assert list(ko.children(f, None)["urutan"]) == [1]
    assert list(ko.children(f, 2)["urutan"]) == [3, 4]
    assert ko.ancestors(f, 6) == [1, 5, 6]
    assert list(ko.subtree(f, 2)["urutan"]) == [2, 3, 4]
    assert list(ko.subtree(f, 1, include_root=False)["urutan"]) == [2, 3, 4, 5, 6]
    assert ko.child_counts(f).to_dict() == {1: 2, 2: 2, 3: 0, 4: 0, 5: 1, 6: 0}
    with pytest.raises(KeyError, match="no row with urutan 99"):
        ko.ancestors(f, 99)


def test_children_sum_gap_tiny():
    f = _tiny()
    f.loc[f["urutan"] == 1, "realisasi_rp"] = 260.0
    gap = ko.children_sum_gap(f, "realisasi_rp")
    assert gap[1] == 10.0 and gap[2] == 0.0 and pd.isna(gap[3])


def test_outputs_in_scope_tiny():
    rows = ko.outputs(_tiny())
    assert list(ko.outputs_in_scope(rows, unit="SETJEN")["urutan"]) == [3, 4]
    assert list(ko.outputs_in_scope(rows, kegiatan="2222")["urutan"]) == [6]
    assert list(ko.outputs_in_scope(rows, statuses=["merah", "abu"])["urutan"]) == [4, 6]
    assert len(ko.outputs_in_scope(rows)) == 3


def test_budget_tree_tiny():
    tree = ko.budget_tree(ko.outputs(_tiny()), {"unit": {"SETJEN": "Setjen"}}).set_index("id")
    assert tree.at["WA", "anggaran_rp"] == 300.0 and tree.at["WA", "parent"] == ""
    assert tree.at["WA/SETJEN", "label"] == "SETJEN Setjen" and tree.at["WA/SETJEN", "realisasi_rp"] == 150.0
    assert tree.at["o4", "parent"] == "WA/SETJEN/1111" and tree.at["o4", "status"] == "merah"


def test_status_counts_has_every_status():
    assert ko.status_counts(["hijau", "hijau", "kuning"]) == {"hijau": 2, "kuning": 1, "merah": 0, "abu": 0}


# --- the report ----------------------------------------------------------------------------------


def test_report_outputs(l6):
    rows = ko.outputs(l6)
    assert len(rows) == 270
    assert ko.status_counts(rows["status"]) == {"hijau": 251, "kuning": 19, "merah": 0, "abu": 0}
    # Printed whole percent agrees with the recomputed penyerapan and capaian on every output.
    assert not rows["penyerapan_differs"].any() and not rows["capaian_differs"].any()


def test_report_mismatches_are_the_two_known_rows(l6):
    r = ko.with_recomputed(l6)
    assert sorted(r.loc[r["capaian_differs"], "urutan"]) == [380, 471]
    assert not r["penyerapan_differs"].any()


def test_report_under_target(l6):
    under = ko.under_target(ko.outputs(l6))
    assert len(under) == 19
    first = under.iloc[0]
    # 4053 'Sertifikasi Kompetensi Tenaga Kerja Berkeahlian Menengah Tinggi': 603 of 672 = 89,73 %.
    assert first["kegiatan_code"] == "4053" and first["output_code"] == "003"
    assert first["capaian_calc_pct"] == pytest.approx(603 / 672 * 100)
    assert list(under["gap_pp"]) == sorted(under["gap_pp"], reverse=True)


def test_report_hierarchy(l6):
    assert list(ko.children(l6, None)["urutan"]) == [1, 346]
    # Aceh 'PBK Provinsi Aceh' (4057/010): SS-1 -> DL -> DL Binalavotas -> 4057 -> output.
    aceh = l6[(l6["kegiatan_code"] == "4057") & (l6["output_code"] == "010")]["urutan"].item()
    chain = ko.ancestors(l6, aceh)
    assert list(l6.set_index("urutan").loc[chain, "level"]) == ["ss", "program", "program_unit", "kegiatan", "output"]
    keg = chain[-2]
    assert (ko.children(l6, keg)["level"] == "output").sum() == 39


def test_report_children_sum_gap(l6):
    gap = ko.children_sum_gap(l6, "realisasi_rp").dropna()
    assert {int(k): v for k, v in gap[gap != 0].items()} == {350: -31_522_144_606, 351: 31_522_144_606}
    assert (ko.children_sum_gap(l6, "anggaran_rp").dropna() == 0).all()


def test_report_budget_tree_reproduces_printed_programs(l6):
    tree = ko.budget_tree(ko.outputs(l6)).set_index("id")
    assert tree.loc[["DL", "DN", "WA"], "anggaran_rp"].to_dict() == {
        "DL": 2_098_237_155_000,
        "DN": 2_526_542_299_000,
        "WA": 1_519_566_783_000,
    }


def test_report_province_rows(l6, frames):
    prov = ko.province_rows(ko.outputs(l6), frames["province"])
    assert len(prov) == 34 and prov["province_name"].notna().all()
    assert set(prov["kegiatan_code"]) == {"4057"}
    aceh = prov.set_index("province_code").loc["11"]
    assert aceh["province_name"] == "Aceh" and (aceh["target"], aceh["realisasi"]) == (1792, 1792)


def test_report_text_rows(l6):
    r = ko.with_recomputed(l6)
    opini = r[r["target_text"] == "WTP"]
    assert len(opini) > 0 and (opini["capaian_calc_pct"] == 100).all() and (opini["status"] == "hijau").all()
    sakip = r[r["target_text"] == "A"]
    assert sakip["capaian_calc_pct"].isna().all() and not sakip["capaian_differs"].any()
