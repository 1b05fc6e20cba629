"""kpi.hierarchy: parents from printed order or codes, child sums and roll-ups (Tabel 2.4, Lampiran 5)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi.hierarchy import HierarchyError, children_sum, leaf_rollup, parent_by_codes, parent_by_order, rollup_gaps

DATA = Path(__file__).resolve().parents[1] / "data"
LEVELS = ("pn", "program", "kegiatan", "output")
CODES = ("pn_code", "program_code", "kegiatan_code", "output_code")


def _tiny() -> pd.DataFrame:
    # A: 10 = B (6: 4 + 2) + C (4); D: 5 with one leaf of 5.
    return pd.DataFrame(
        {
            "urutan": [1, 2, 3, 4, 5, 6, 7],
            "level": ["pn", "kegiatan", "output", "output", "kegiatan", "pn", "kegiatan"],
            "pn_code": ["01", "01", "01", "01", "01", "03", "03"],
            "kegiatan_code": [None, "1000", "1000", "1000", "2000", None, "1000"],
            "output_code": [None, None, "001", "001", None, None, None],
            "pagu": [10, 6, 4, 2, 4, 5, 5],
        }
    )


@pytest.fixture(scope="module")
def lampiran5() -> pd.DataFrame:
    return pd.read_csv(DATA / "pn_realisasi.csv", dtype={c: str for c in CODES})


def test_parent_by_order_tiny():
    t = _tiny()
    assert list(parent_by_order(t, ("pn", "kegiatan", "output"))) == [pd.NA, 1, 2, 2, 1, pd.NA, 6]


def test_parent_by_order_skips_a_missing_level():
    # An output straight under a PN (no kegiatan printed) hangs on the PN.
    t = pd.DataFrame({"urutan": [1, 2], "level": ["pn", "output"]})
    assert list(parent_by_order(t, LEVELS)) == [pd.NA, 1]


def test_parent_by_order_follows_urutan_not_index():
    t = _tiny().iloc[::-1]
    got = parent_by_order(t, ("pn", "kegiatan", "output"))
    assert got.loc[2] == 2 and got.loc[6] == 6  # index label 2 is urutan 3, its parent urutan 2


@pytest.mark.parametrize(
    "frame,message",
    [
        (pd.DataFrame({"urutan": [1], "level": ["output"]}), "has no kegiatan before it"),
        (pd.DataFrame({"urutan": [1], "level": ["eselon"]}), "levels ['eselon'] not in"),
        (pd.DataFrame({"urutan": [1]}), "needs columns ['level']"),
    ],
)
def test_parent_by_order_errors(frame, message):
    with pytest.raises(HierarchyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parent_by_order(frame, LEVELS)


def test_parent_by_codes_tiny_allows_repeated_leaf_codes():
    t = _tiny()
    got = parent_by_codes(t, ("pn", "kegiatan", "output"), ("pn_code", "kegiatan_code", "output_code"))
    assert list(got) == [pd.NA, 1, 2, 2, 1, pd.NA, 6]


def test_parent_by_codes_errors():
    t = _tiny()
    t.loc[4, "kegiatan_code"] = "1000"  # two kegiatan 1000 under PN 01
    with pytest.raises(HierarchyError, match=r"kegiatan rows not unique by \['pn_code', 'kegiatan_code'\]: \[2, 5\]"):
        parent_by_codes(t, ("pn", "kegiatan", "output"), ("pn_code", "kegiatan_code", "output_code"))
    t = _tiny()
    t.loc[2, "kegiatan_code"] = "9999"
    with pytest.raises(HierarchyError, match=r"output row urutan=3 has no parent \('01', '9999'\)"):
        parent_by_codes(t, ("pn", "kegiatan", "output"), ("pn_code", "kegiatan_code", "output_code"))
    with pytest.raises(HierarchyError, match="one code column per level"):
        parent_by_codes(t, ("pn", "kegiatan"), ("pn_code",))


def test_children_sum_rollup_and_gaps_tiny():
    t = _tiny()
    t["parent"] = parent_by_order(t, ("pn", "kegiatan", "output"))
    sums = children_sum(t, ["pagu"])
    assert sums["pagu"].to_dict() == {1: 10, 2: 6, 6: 5}
    assert rollup_gaps(t, ["pagu"]).empty
    t.loc[t["urutan"] == 2, "pagu"] = 7  # kegiatan printed 7, its outputs add to 6
    gaps = rollup_gaps(t, ["pagu"])
    assert gaps.to_dict("records") == [
        {"urutan": 1, "kolom": "pagu", "printed": 10, "children_sum": 11, "selisih": -1},
        {"urutan": 2, "kolom": "pagu", "printed": 7, "children_sum": 6, "selisih": 1},
    ]
    # The roll-up from the leaves ignores the printed subtotal.
    assert leaf_rollup(t, ["pagu"])["pagu"].to_dict() == {1: 10, 2: 6, 3: 4, 4: 2, 5: 4, 6: 5, 7: 5}


def test_lampiran5_parents_by_order_equal_parents_by_codes(lampiran5):
    by_order = parent_by_order(lampiran5, LEVELS)
    by_codes = parent_by_codes(lampiran5, LEVELS, CODES)
    pd.testing.assert_series_equal(by_order, by_codes)
    assert by_order.isna().sum() == 3  # the three PN


def test_lampiran5_every_level_adds_up_and_rolls_up_to_the_printed_total(lampiran5):
    r = lampiran5.assign(parent=parent_by_order(lampiran5, LEVELS))
    cols = ["pagu_rp", "realisasi_rp", "target_output", "realisasi_output"]
    assert rollup_gaps(r, cols).empty
    rolled = leaf_rollup(r, cols)
    pn = r.loc[r["level"] == "pn", "urutan"]
    assert rolled.loc[pn, "pagu_rp"].sum() == 1_840_747_442_000  # Grand Total, Tabel 2.4 and Lampiran 5
    assert rolled.loc[pn, "realisasi_rp"].sum() == 1_575_998_941_256  # Grand Total realisasi, Lampiran 5
    assert children_sum(r, ["pagu_rp"]).loc[1, "pagu_rp"] == 427_602_870_000  # PN 01
