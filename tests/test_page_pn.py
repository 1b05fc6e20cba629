"""Prioritas Nasional page: tiles from kpi, the treemap adds up to the printed total, filters narrow the table.

The first screen is the tiles and the treemap; the level picker, the table of outputs, the bars per PN
and the Tabel 2.4 / Lampiran 5 comparison are sections that run only while open (``open_sections``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.budget import absorption_pct
from kpi.capaian import capaian_pct
from kpi.format import fmt_pct
from kpi.status import status_of
from tests.conftest import open_sections, sections, static_charts, vega_charts
from ui.charts.pn import LAYOUT_WIDTH, box_text, treemap_layout

PAGE = "app_pages/pn.py"
TOTAL_PAGU = 1_840_747_442_000  # Grand Total, Tabel 2.4 and Lampiran 5
TOTAL_REALISASI = 1_575_998_941_256  # Grand Total, Lampiran 5
CENTRE = absorption_pct(TOTAL_PAGU, TOTAL_REALISASI)  # 85,62 %: white on the colour scale


@pytest.fixture(scope="module")
def lampiran5(frames):
    return frames["pn_realisasi"]


@pytest.fixture(scope="module")
def outputs(lampiran5):
    return lampiran5[lampiran5["level"] == "output"]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _treemap(at) -> tuple[dict, pd.DataFrame]:
    """The clickable treemap's spec and its boxes (one row each): its section opened, the first chart on the page."""
    open_sections(at, "pn_map")
    spec, datasets = vega_charts(at)[0]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "text"]
    (boxes,) = datasets.values()
    return spec, boxes.set_index("id")


def _area_share(boxes) -> pd.Series:
    """Each box's share of the treemap's area."""
    area = (boxes["x2"] - boxes["x"]) * (boxes["y2"] - boxes["y"])
    return area / area.sum()


def test_first_screen_tiles_and_treemap_then_the_rest_on_demand(run_page, lampiran5, outputs):
    """A new visitor's first screen: the tiles and the treemap; the other parts open on demand."""
    at = run_page(PAGE, year="2024")
    m = _metrics(at)
    pn = lampiran5[lampiran5["level"] == "pn"]
    assert pn["pagu_rp"].sum() == TOTAL_PAGU
    expected_abs = absorption_pct(float(pn["pagu_rp"].sum()), float(pn["realisasi_rp"].sum()))
    assert m["Pagu PN"] == "Rp 1,84 T"
    assert m["Realisasi PN"] == "Rp 1,58 T"
    helps = {x.label: x.help for x in at.metric}
    assert "Rp 1.840.747.442.000" in helps["Pagu PN"] and "Rp 1.575.998.941.256" in helps["Realisasi PN"]
    assert m["Penyerapan PN"] == fmt_pct(expected_abs, 2, "id") == "85,62 %"
    assert m["Output PN"] == str(len(outputs)) == "90"
    reached = int((outputs["realisasi_output"] >= outputs["target_output"]).sum())
    assert m["Output tercapai"] == str(reached) == "77"
    assert at.title[0].value == "Prioritas Nasional 2024"
    assert any("Lampiran 5, Tabel 2.4" in c.value for c in at.caption)
    # the treemap a picture drawn on the server; nothing that loads new code in the browser
    (picture,) = static_charts(at)
    assert "Pohon anggaran PN" in picture and "Seluruh PN — Rp 1,84 T · 85,62 %" in picture
    assert any(x.startswith("PN 03") for x in picture) and "PN 07" in picture
    assert not vega_charts(at) and not at.dataframe and not at.selectbox and not at.success
    assert sections(at) == {
        "pn_map": False, "pn_level": False, "pn_outputs": False, "pn_bars": False, "pn_compare": False,
    }  # fmt: skip

    open_sections(at, "pn_compare")
    assert sections(at)["pn_compare"] and not at.dataframe and len(static_charts(at)) == 1
    # the clickable map takes the picture's place while it is open
    _check_treemap(at, lampiran5)
    assert not static_charts(at) and len(vega_charts(at)) == 1
    # Tabel 2.4 and Lampiran 5 agree on every pagu; the one spelling difference is shown.
    assert any("121" in s.value and "Rp 1.840.747.442.000" in s.value for s in at.success)
    assert any("Tri Darma" in md.value for md in at.markdown)


def test_english_changes_labels_and_separators(run_page):
    at = open_sections(run_page(PAGE, lang="en", year="2024"))
    m = _metrics(at)
    assert m["PN budget ceiling"] == "Rp 1.84 tn"
    assert m["PN absorption"] == "85.62%"
    assert at.title[0].value == "National Priorities 2024"
    assert at.selectbox(key="qp_pn").format_func("semua") == "All PN"
    table = at.dataframe[0].value.set_index("Output code")
    assert table.at["2175.001", "Ceiling (Rp)"] == "170,000,000,000" and table.at["2175.001", "Absorption"] == "97.55%"
    assert "Names spelt differently:" in [md.value for md in at.markdown]


def _check_treemap(at, lampiran5) -> None:
    spec, boxes = _treemap(at)
    # The first level: the three PN, their areas in proportion to their pagu (which add up to the Grand Total).
    pn = lampiran5[lampiran5["level"] == "pn"].set_index("urutan")
    assert set(boxes.index) == {f"n{u}" for u in pn.index} == {"n1", "n27", "n118"}
    assert pn["pagu_rp"].sum() == TOTAL_PAGU
    share = _area_share(boxes)
    for u, row in pn.iterrows():
        assert share[f"n{u}"] == pytest.approx(row["pagu_rp"] / TOTAL_PAGU, rel=1e-9)
        assert boxes.at[f"n{u}", "pagu"] == "Rp " + f"{int(row['pagu_rp']):,}".replace(",", ".")
    assert boxes.at["n27", "label"].startswith("PN 03 · Meningkatkan Sumber Daya Manusia")
    assert boxes.at["n27", "penyerapan"] == "83,34 %"  # 1.155.551.716.793 / 1.386.539.571.000
    assert boxes.at["n1", "hint"] == "1 program · klik untuk membuka"
    assert boxes.at["n27", "text"].endswith("Rp 1,39 T · 83,3 %")
    # Coloured by absorption: white at the absorption of all PN, red at the lowest box of the tree, blue at 100 %.
    colour = spec["layer"][0]["encoding"]["color"]["condition"]
    assert colour["scale"]["range"] == ["#b2182b", "#f7f7f7", "#2166ac"]
    lowest = (lampiran5["realisasi_rp"] / lampiran5["pagu_rp"] * 100).min()
    assert colour["scale"]["domain"] == pytest.approx([lowest, CENTRE, 100.0])
    assert colour["legend"]["title"] == "Penyerapan (%)"
    # A click on a box (or its label) selects its id.
    params = spec["params"]
    assert {p["name"] for p in params} == {"node", "node_label"}
    assert all(p["select"]["fields"] == ["id"] for p in params)


def test_treemap_drills_down_and_back_up(run_page, lampiran5):
    at = open_sections(run_page(PAGE, year="2024"), "pn_level")
    rows = lampiran5.set_index("urutan")
    # Every level below a box fills it: PN 03 → its programmes → DL's activities → 2175's outputs.
    for node, level in (("n27", "program"), ("n28", "kegiatan"), ("n8", "output")):
        at.selectbox(key="qp_node").set_value(node).run()
        assert at.query_params["node"] in (node, [node])
        _, boxes = _treemap(at)
        kids = lampiran5[lampiran5["urutan"].isin([int(i[1:]) for i in boxes.index])]
        assert set(kids["level"]) == {level}
        assert kids["pagu_rp"].sum() == rows.at[int(node[1:]), "pagu_rp"], node
    # 2175 Perluasan Kesempatan Kerja: its outputs with the report's figures in the tooltips.
    assert set(boxes.index) == {"n9", "n10"}
    out = boxes.loc["n9"]  # 2175.001 Tenaga Kerja Mandiri Pemula Reguler
    assert out["label"] == "2175.001 · Tenaga Kerja Mandiri Pemula Reguler"
    assert (out["pagu"], out["realisasi"], out["penyerapan"]) == ("Rp 170.000.000.000", "Rp 165.830.000.000", "97,55 %")
    assert (out["target"], out["realisasi_output"]) == ("34.000 Orang", "33.166 Orang")
    assert _area_share(boxes)["n9"] == pytest.approx(170 / 220)
    assert not boxes["drill"].any()  # outputs are the last level
    spec, _ = _treemap(at)
    assert spec["title"]["subtitle"] == "PN 01 › DN › 2175 · Perluasan Kesempatan Kerja — Rp 220,00 M · 97,85 %"
    # The button goes back up one level at a time.
    at.button(key="pn_up").click().run()
    assert at.selectbox(key="qp_node").value == "n2"
    _, boxes = _treemap(at)
    dn = lampiran5[(lampiran5["level"] == "kegiatan") & (lampiran5["pn_code"] == "01")]
    assert set(boxes.index) == {f"n{u}" for u in dn["urutan"]} and "n8" in boxes.index
    # With the level picker closed, the button still goes up (the level is the page's, not the picker's).
    at.session_state["pn_level"] = False
    at.run()
    assert not at.selectbox
    at.button(key="pn_up").click().run()
    _, boxes = _treemap(at)
    programs = lampiran5[(lampiran5["level"] == "program") & (lampiran5["pn_code"] == "01")]
    assert set(boxes.index) == {f"n{u}" for u in programs["urutan"]} == {"n2"}  # PN 01's one programme, DN
    at.button(key="pn_up").click().run()
    assert at.query_params["node"] in ("root", ["root"]) and at.button(key="pn_up").disabled
    open_sections(at, "pn_level")
    assert at.selectbox(key="qp_node").value == "root"


def test_treemap_level_from_the_url(run_page):
    at = run_page(PAGE, node="n8", lang="en", year="2024")
    spec, boxes = _treemap(at)
    assert set(boxes.index) == {"n9", "n10"}
    assert boxes.at["n9", "pagu"] == "Rp 170,000,000,000" and boxes.at["n9", "target"] == "34,000 Orang"
    assert spec["layer"][0]["encoding"]["color"]["condition"]["legend"]["title"] == "Absorption (%)"
    assert at.button(key="pn_up").label == "⬆ Up one level"
    open_sections(at, "pn_level")
    assert at.selectbox(key="qp_node").value == "n8"
    # An id that is not a box with boxes inside falls back to all PN.
    at = run_page(PAGE, node="n9", year="2024")
    assert set(_treemap(at)[1].index) == {"n1", "n27", "n118"}
    open_sections(at, "pn_level")
    assert at.selectbox(key="qp_node").value == "root"


def test_treemap_labels_fit_their_boxes():
    rects = treemap_layout([6.0, 3.0, 1.0], LAYOUT_WIDTH, 480.0)
    assert sum(r["dx"] * r["dy"] for r in rects) == pytest.approx(LAYOUT_WIDTH * 480.0)
    assert [r["dx"] * r["dy"] / (LAYOUT_WIDTH * 480.0) for r in rects] == pytest.approx([0.6, 0.3, 0.1])
    head = "2175.001 · Tenaga Kerja Mandiri Pemula Reguler"
    assert box_text(head, "2175.001", "Rp 170,00 M · 97,5 %", 400, 200) == f"{head}\nRp 170,00 M · 97,5 %"
    wrapped = box_text(head, "2175.001", "Rp 170,00 M · 97,5 %", 160, 200).split("\n")
    assert len(wrapped) > 2 and wrapped[-1] == "Rp 170,00 M · 97,5 %" and all(len(line) <= 21 for line in wrapped)
    assert box_text(head, "2175.001", "Rp 170,00 M · 97,5 %", 160, 25) == "2175.001"  # one line: the code
    assert box_text(head, "2175.001", "Rp 170,00 M · 97,5 %", 30, 200) == ""  # too narrow for anything


def test_budget_bars(run_page):
    at = open_sections(run_page(PAGE, year="2024"), "pn_bars")
    [(spec, datasets)] = vega_charts(at)  # the map's section closed: the bars are the one live chart
    (bars,) = datasets.values()
    pagu = bars[bars["series"] == "Pagu"].set_index("pn")
    real = bars[bars["series"] == "Realisasi"].set_index("pn")
    assert list(pagu.index) == ["PN 01", "PN 03", "PN 07"]
    assert pagu["miliar"].sum() * 1e9 == pytest.approx(TOTAL_PAGU)
    assert real["miliar"].sum() * 1e9 == pytest.approx(TOTAL_REALISASI)
    assert list(pagu["text"]) == ["Rp 427,60 M", "Rp 1,39 T", "Rp 26,61 M"]
    assert real.at["PN 03", "amount"] == "Rp 1.155.551.716.793" and real.at["PN 03", "absorption"] == "83,34 %"
    assert spec["title"]["text"] == "Pagu dan realisasi per PN"


def test_filters_narrow_the_table(run_page, outputs):
    at = open_sections(run_page(PAGE, year="2024"), "pn_outputs")
    assert len(at.dataframe[0].value) == len(outputs)
    row = at.dataframe[0].value.set_index("Kode output").loc["2175.001"]
    assert (row["Pagu (Rp)"], row["Realisasi (Rp)"], row["Penyerapan"]) == (
        "170.000.000.000",
        "165.830.000.000",
        "97,55 %",
    )
    assert (row["Target output"], row["Realisasi output"], row["Capaian output"]) == ("34.000", "33.166", "97,55 %")
    assert row["Status"] == "⚠️ Hampir tercapai"
    for pn_code in ("01", "03", "07"):
        at.selectbox(key="qp_pn").set_value(pn_code).run()
        table = at.dataframe[0].value
        assert len(table) == int((outputs["pn_code"] == pn_code).sum()), pn_code
        assert set(table["PN"]) == {pn_code}
        assert at.query_params["pn"] in (pn_code, [pn_code])
        # Only that PN's programmes are offered next.
        offered = {o.split(" · ")[0] for o in at.selectbox(key="qp_program").options} - {"Semua program"}
        assert offered == set(outputs.loc[outputs["pn_code"] == pn_code, "program_code"]), pn_code
    at.selectbox(key="qp_pn").set_value("semua").run()
    at.selectbox(key="qp_kegiatan").set_value("4057").run()
    table = at.dataframe[0].value
    assert len(table) == int((outputs["kegiatan_code"] == "4057").sum()) > 0
    assert set(table["Kode output"].str[:4]) == {"4057"}
    at.selectbox(key="qp_kegiatan").set_value("semua").run()
    at.selectbox(key="qp_status").set_value("kuning").run()
    statuses = [
        status_of(capaian_pct(float(t), float(r)))
        for t, r in zip(outputs["target_output"], outputs["realisasi_output"], strict=True)
    ]
    table = at.dataframe[0].value
    assert len(table) == statuses.count("kuning") > 0
    assert set(table["Status"]) == {"⚠️ Hampir tercapai"}


def test_filter_from_the_url(run_page, outputs):
    at = run_page(PAGE, pn="07", year="2024")
    assert not at.dataframe and at.query_params["pn"] in ("07", ["07"])  # the filter waits in the URL, section closed
    open_sections(at, "pn_outputs")
    assert at.selectbox(key="qp_pn").value == "07"
    assert len(at.dataframe[0].value) == int((outputs["pn_code"] == "07").sum())
