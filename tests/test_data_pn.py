"""The Prioritas Nasional tables (Tabel 2.4, Lampiran 5) against the report's own figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CODES = {"pn_code": str, "program_code": str, "kegiatan_code": str, "output_code": str}
MONEY_AND_OUTPUT = {
    "pn_item": ["pagu_rp", "target_output"],
    "pn_realisasi": ["pagu_rp", "realisasi_rp", "target_output", "realisasi_output"],
}
# parent level, child level, the code columns that identify the parent
LEVELS = [
    ("kegiatan", "output", ["pn_code", "program_code", "kegiatan_code"]),
    ("program", "kegiatan", ["pn_code", "program_code"]),
    ("pn", "program", ["pn_code"]),
]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=CODES)


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    pf = pd.read_csv(DATA / "printed_figure.csv", dtype=str, keep_default_na=False)
    return {f: float(v) for f, v in zip(pf["figure"], pf["value"], strict=True) if v != ""}


def _fig(figures: dict[str, float], figure: str) -> float:
    if figure not in figures:
        pytest.fail(f"printed_figure.csv has no {figure} (run python -m data.extract)")
    return figures[figure]


@pytest.mark.parametrize("name", list(MONEY_AND_OUTPUT))
@pytest.mark.parametrize("parent,child,keys", LEVELS)
def test_each_level_is_the_sum_of_the_level_below(name, parent, child, keys):
    # Checked for pagu, realisasi, target and realisasi output alike: in both tables every
    # kegiatan, program and PN row equals the sum of its children (no disagreement printed).
    t = _read(name)
    cols = MONEY_AND_OUTPUT[name]
    parents = t[t["level"] == parent].set_index(keys)[cols]
    sums = t[t["level"] == child].groupby(keys)[cols].sum()
    assert sorted(parents.index) == sorted(sums.index), "every parent has children and vice versa"
    diff = parents - sums.loc[parents.index]
    assert (diff == 0).all().all(), diff[(diff != 0).any(axis=1)]


def test_counts_and_hierarchy_shape():
    t = _read("pn_item")
    assert len(t) == 121
    assert t["level"].value_counts().to_dict() == {"output": 90, "kegiatan": 24, "program": 4, "pn": 3}
    assert list(t["urutan"]) == list(range(1, 122))
    # Codes as users know them: kegiatan 4 digits, output 3 digits with leading zeros kept.
    assert t["kegiatan_code"].dropna().str.fullmatch(r"\d{4}").all()
    assert t["output_code"].dropna().str.fullmatch(r"\d{3}").all()
    assert t.loc[t["level"] == "output", "satuan"].notna().all()
    assert t.loc[t["level"] != "output", "satuan"].isna().all()
    # urutan is the key; the code path plus name is unique too, the code path alone is not:
    ids = ["pn_code", "program_code", "kegiatan_code", "output_code"]
    assert not t.duplicated([*ids, "name"]).any()
    dup = t[t.duplicated(ids, keep=False)]
    assert sorted(dup["kegiatan_code"] + "." + dup["output_code"]) == ["4053.001", "4053.001", "5586.001", "5586.001"]
    assert set(t["program_code"].dropna()) == {"DN", "DL"}


def test_grand_totals_and_narrative(figures):
    t = _read("pn_item")
    pn_rows = t[t["level"] == "pn"].set_index("pn_code")
    total = pn_rows["pagu_rp"].sum()
    assert total == _fig(figures, "T2.4.total.pagu_rp") == 1_840_747_442_000
    assert _fig(figures, "B2.pn_total_pagu") == total
    programs = t[t["level"] == "program"].groupby("program_code")["pagu_rp"].sum()
    assert _fig(figures, "B2.pn3_dl_pagu") == programs["DL"] == 1_345_735_064_000
    assert _fig(figures, "B2.pn_dn_pagu") == programs["DN"] == 495_012_378_000
    dn = t[(t["level"] == "program") & (t["program_code"] == "DN")].set_index("pn_code")["pagu_rp"]
    assert _fig(figures, "B2.pn1_dn_pagu") == dn["01"] == pn_rows.at["01", "pagu_rp"]
    assert _fig(figures, "B2.pn7_dn_pagu") == dn["07"] == pn_rows.at["07", "pagu_rp"]
    # The narrative's PN 3 figure is only the DN part of PN 3; the table's PN 3 row also
    # holds the DL program (1.345.735.064.000), 1.386.539.571.000 in all.
    assert _fig(figures, "B2.pn3_dn_pagu") == dn["03"] == 40_804_507_000
    assert pn_rows.at["03", "pagu_rp"] == 1_386_539_571_000


def test_lampiran5_totals(figures):
    r = _read("pn_realisasi")
    pn_rows = r[r["level"] == "pn"]
    assert pn_rows["pagu_rp"].sum() == _fig(figures, "L5.total.pagu_rp") == 1_840_747_442_000
    assert pn_rows["realisasi_rp"].sum() == _fig(figures, "L5.total.realisasi_rp") == 1_575_998_941_256


def test_lampiran5_repeats_tabel_2_4():
    t, r = _read("pn_item"), _read("pn_realisasi")
    cols = ["urutan", "level", *CODES, "satuan", "pagu_rp", "target_output"]
    pd.testing.assert_frame_equal(t[cols], r[cols])
    # Names agree except one spelling: Tabel 2.4 'Tri Dharma', Lampiran 5 'Tri Darma'.
    differ = t["name"] != r["name"]
    assert list(t.loc[differ, "name"]) == ["Penyelenggaraan Tri Dharma Pendidikan"]
    assert list(r.loc[differ, "name"]) == ["Penyelenggaraan Tri Darma Pendidikan"]


def test_specific_rows():
    t = _read("pn_item")
    row = t[(t["kegiatan_code"] == "4057") & (t["output_code"] == "003")].iloc[0]
    assert (row["name"], row["satuan"], row["pagu_rp"], row["target_output"]) == (
        "PBK UPTP",
        "Orang",
        357_530_530_000,
        46_833,
    )
    r = _read("pn_realisasi")
    # The label wrapped across a page break in Lampiran 5 is joined again.
    row = r[(r["kegiatan_code"] == "4055") & (r["output_code"] == "005")].iloc[0]
    assert row["name"] == "Tenaga Pelatihan BLK Komunitas Baru yang Ditingkatkan Kompetensinya"
    assert (row["satuan"], row["realisasi_rp"], row["realisasi_output"]) == ("Orang", 3_496_153_084, 400)
    row = r[(r["kegiatan_code"] == "2175") & (r["output_code"] == "001")].iloc[0]
    assert (row["realisasi_rp"], row["target_output"], row["realisasi_output"]) == (165_830_000_000, 34_000, 33_166)
    pn = pd.read_csv(DATA / "pn.csv", dtype={"code": str})
    assert list(pn["code"]) == ["01", "03", "07"]
