"""views.pn called directly: the LKj 2024 figures (Tabel 2.4, Lampiran 5) and tiny hand-made PN trees."""

from __future__ import annotations

import pandas as pd
import pytest

from views import pn as view
from views.pn import ALL, ROOT

# --------------------------------------------------------------------------- the LKj 2024


@pytest.fixture(scope="module")
def model(frames):
    return view.page(frames, 2024, "id")


def _tiles(m) -> dict[str, view.Tile]:
    return {t.key: t for t in m.tiles}


def test_tiles_are_the_printed_grand_totals(model):
    tiles = _tiles(model)
    assert model.title == "Prioritas Nasional 2024" and not model.empty
    assert "(PN) 1, 3 dan 7" in model.intro and "2024" in model.intro
    assert tiles["pn_tile_pagu"].value == "Rp 1,84 T"
    assert tiles["pn_tile_pagu"].help == (
        "Rp 1.840.747.442.000 (jumlah baris PN); Grand Total Tabel 2.4: Rp 1.840.747.442.000"
    )
    assert tiles["pn_tile_real"].value == "Rp 1,58 T"
    assert tiles["pn_tile_real"].help.endswith("Grand Total Lampiran 5: Rp 1.575.998.941.256")
    assert tiles["pn_tile_abs"].value == "85,62 %"
    assert (
        tiles["pn_tile_outputs"].value == "90" and tiles["pn_tile_outputs"].help == "Output di 24 kegiatan, 4 program"
    )
    assert tiles["pn_tile_reached"].value == "77"
    # Lampiran 5 is the only year loaded: nothing to compare with
    assert all(t.delta is None for t in model.tiles)


def test_english_tiles(frames):
    tiles = _tiles(view.page(frames, 2024, "en"))
    assert tiles["pn_tile_pagu"].value == "Rp 1.84 tn" and tiles["pn_tile_abs"].value == "85.62%"
    assert tiles["pn_tile_pagu"].label == "PN budget ceiling"


def test_tabel_2_4_agrees_with_lampiran_5(model):
    cmp = model.compare
    assert cmp.same == (
        "Pagu pada Tabel 2.4 sama dengan pagu pada Lampiran 5 di seluruh 121 baris (PN, program, kegiatan, "
        "output); Grand Total keduanya Rp 1.840.747.442.000."
    )
    assert cmp.differ is None and cmp.total_diff is None
    assert cmp.names_head == "Nama yang dieja berbeda:"
    assert cmp.names_md == (
        "- Tabel 2.4: *Penyelenggaraan Tri Dharma Pendidikan*\n- Lampiran 5: *Penyelenggaraan Tri Darma Pendidikan*"
    )


def test_treemap_levels(model):
    assert model.branches[0] == ROOT and "n8" in model.branches and "n9" not in model.branches
    top = view.treemap(model, ROOT, "id")
    assert list(top.nodes["id"]) == ["n1", "n27", "n118"]
    assert top.nodes["pagu_rp"].sum() == 1_840_747_442_000
    assert top.subtitle == "Seluruh PN — Rp 1,84 T · 85,62 %"
    assert top.colour_domain[1] == pytest.approx(1_575_998_941_256 / 1_840_747_442_000 * 100)
    assert top.nodes.set_index("id").at["n1", "hint"] == "1 program · klik untuk membuka"
    kegiatan = view.treemap(model, "n8", "id")
    assert kegiatan.subtitle == "PN 01 › DN › 2175 · Perluasan Kesempatan Kerja — Rp 220,00 M · 97,85 %"
    assert list(kegiatan.nodes["code"]) == ["2175.001", "2175.002"] and set(kegiatan.nodes["hint"]) == {""}
    assert model.parent_of["n8"] == "n2" and model.parent_of["n1"] == ROOT


def test_outputs_table_and_filters(model):
    everything = view.outputs_table(model, "id", ALL, ALL, ALL, ALL)
    assert len(everything.table) == 90 and everything.shown == "90 dari 90 output ditampilkan."
    row = everything.table.display.set_index("Kode output").loc["2175.001"]
    assert (row["Pagu (Rp)"], row["Realisasi (Rp)"], row["Penyerapan"]) == ("170.000.000.000", "165.830.000.000", "97,55 %")  # fmt: skip
    assert (row["Target output"], row["Realisasi output"], row["Capaian output"]) == ("34.000", "33.166", "97,55 %")
    assert row["Status"] == "⚠️ Hampir tercapai"
    raw = everything.table.raw.set_index("Kode output").loc["2175.001"]
    assert raw["Pagu (Rp)"] == 170_000_000_000 and raw["Penyerapan"] == pytest.approx(97.55)
    assert everything.table.name == "prioritas_nasional_output_2024"
    assert "Pagu (Rp)" in everything.table.right and "Output" not in everything.table.right
    pn07 = view.outputs_table(model, "id", "07", ALL, ALL, ALL)
    assert set(pn07.table.display["PN"]) == {"07"} and len(pn07.table) < 90
    assert view.program_options(model, "01") == ["DN"]
    assert "4057" in view.kegiatan_options(model, ALL, ALL)
    amber = view.outputs_table(model, "id", ALL, ALL, ALL, "kuning")
    assert len(amber.table) == 13 and set(amber.table.display["Status"]) == {"⚠️ Hampir tercapai"}
    assert model.statuses == ("hijau", "kuning")


def test_bars_per_pn(model):
    assert list(model.bars["label"]) == ["PN 01", "PN 03", "PN 07"]
    assert model.bars["pagu_rp"].sum() == 1_840_747_442_000
    assert model.bar_texts["title"] == "Pagu dan realisasi per PN"


# --------------------------------------------------------------------------- tiny frames

ROWS = [
    # urutan, level, pn, program, kegiatan, output, name, satuan, pagu, realisasi, target, realisasi output
    (1, "pn", "01", None, None, None, "Ketahanan *Ekonomi*", None, 100.0, 80.0, 30.0, 25.0),
    (2, "program", "01", "DN", None, None, "Pembinaan", None, 100.0, 80.0, 30.0, 25.0),
    (3, "kegiatan", "01", "DN", "2172", None, "Model_bisnis", None, 100.0, 80.0, 30.0, 25.0),
    (4, "output", "01", "DN", "2172", "001", "Output A", "Orang", 60.0, 60.0, 10.0, 10.0),
    (5, "output", "01", "DN", "2172", "002", "Output B", "Orang", 40.0, 20.0, 20.0, 15.0),
]
COLS = ["urutan", "level", "pn_code", "program_code", "kegiatan_code", "output_code", "name", "satuan", "pagu_rp",
        "realisasi_rp", "target_output", "realisasi_output"]  # fmt: skip


def _lampiran5(year: int, scale: float = 1.0) -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=COLS).assign(year=year, sumber="Lampiran 5")
    frame[["realisasi_rp"]] = frame[["realisasi_rp"]] * scale
    return frame


def _tiny(printed_2024: bool = True, years=(2024, 2025)) -> dict[str, pd.DataFrame]:
    real = pd.concat([_lampiran5(y, 1.0 if y == 2024 else 0.9) for y in years], ignore_index=True)
    item = real.drop(columns=["realisasi_rp", "realisasi_output"]).assign(sumber="Tabel 2.4")
    printed = pd.DataFrame(
        [
            (2024, f, v)
            for f, v in (("T2.4.total.pagu_rp", 100.0), ("L5.total.pagu_rp", 100.0), ("L5.total.realisasi_rp", 80.0))
        ]  # fmt: skip
        if printed_2024
        else [],
        columns=["year", "figure", "value"],
    )
    return {"pn_realisasi": real, "pn_item": item, "printed_figure": printed}


def test_tiny_year_without_a_previous_year_has_no_deltas():
    m = view.page(_tiny(), 2024, "id")
    tiles = _tiles(m)
    assert tiles["pn_tile_pagu"].value == "Rp 100" and tiles["pn_tile_abs"].value == "80,00 %"
    assert tiles["pn_tile_reached"].value == "1" and tiles["pn_tile_outputs"].value == "2"
    assert tiles["pn_tile_pagu"].help == "Rp 100 (jumlah baris PN); Grand Total Tabel 2.4: Rp 100"
    assert all(t.delta is None for t in m.tiles)
    assert "(PN) 1, dari PN" in m.intro  # one PN: no list


def test_tiny_new_year_without_printed_figures_compares_with_the_year_before():
    m = view.page(_tiny(), 2025, "en")
    tiles = _tiles(m)
    assert m.title == "National Priorities 2025"
    assert tiles["pn_tile_real"].value == "Rp 72" and tiles["pn_tile_abs"].value == "72.00%"
    # no Grand Total printed for 2025 yet: the recomputed sum only
    assert tiles["pn_tile_pagu"].help == "Rp 100 (sum of the PN rows)"
    assert "Grand Total" not in tiles["pn_tile_real"].help
    assert tiles["pn_tile_real"].delta == "-Rp 8 vs 2024"
    assert tiles["pn_tile_abs"].delta == "-8.00 pts vs 2024"
    assert tiles["pn_tile_outputs"].delta == "0 vs 2024"
    # less spent is red, no change and the ceiling are not coloured
    assert [tiles[k].delta_color for k in ("pn_tile_real", "pn_tile_abs", "pn_tile_outputs", "pn_tile_pagu")] == [
        "normal",
        "normal",
        "off",
        "off",
    ]
    assert m.compare.same.endswith("the PN rows add up to Rp 100 (Grand Total not yet printed).")


def test_tiny_sources_that_disagree():
    frames = _tiny(years=(2024,))
    frames["pn_item"].loc[frames["pn_item"]["urutan"] == 5, ["pagu_rp", "name"]] = (45.0, "Output B [baru]")
    frames["printed_figure"].loc[frames["printed_figure"]["figure"] == "T2.4.total.pagu_rp", "value"] = 105.0
    cmp = view.page(frames, 2024, "id").compare
    assert cmp.same is None
    assert cmp.differ_head == "Pagu pada Tabel 2.4 berbeda dengan Lampiran 5 pada 1 baris:"
    assert cmp.differ.display.iloc[0].to_dict() == {
        "Output": "2172.002 · Output B",
        "Pagu Tabel 2.4": "Rp 45",
        "Pagu Lampiran 5": "Rp 40",
        "Selisih": "Rp 5",
    }
    assert cmp.total_diff == "Grand Total tercetak: Tabel 2.4 Rp 105, Lampiran 5 Rp 100."
    # names from the data are escaped before they reach Markdown
    assert cmp.names_md == "- Tabel 2.4: *Output B \\[baru\\]*\n- Lampiran 5: *Output B*"


def test_tiny_tree_names_and_titles():
    m = view.page(_tiny(), 2024, "id")
    assert m.names["kegiatan"] == {"2172": "Model_bisnis"}
    assert m.node_titles["n3"] == "PN 01 › DN › 2172 · Model_bisnis"
    assert view.treemap(m, "n3", "id").nodes["hint"].tolist() == ["", ""]
    assert view.treemap(m, "n2", "id").nodes["hint"].tolist() == ["2 output · klik untuk membuka"]


def test_tiny_year_without_rows_is_empty():
    m = view.page(_tiny(), 2023, "id")
    assert m.empty and m.branches == (ROOT,)
    assert len(view.outputs_table(m, "id", ALL, ALL, ALL, ALL).table) == 0
    assert _tiles(m)["pn_tile_abs"].value == "–"
