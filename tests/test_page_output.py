"""Capaian Output page (Lampiran 6): both languages, filters, quadrant, lazy detail tabs, provinces, treemap."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import outputs as ko
from kpi.capaian import capaian_pct
from kpi.format import fmt_number
from kpi.status import status_of
from tests.conftest import open_sections, sections, static_charts, vega_charts
from ui.charts import output as charts
from views import output as view
from views.theme import STATUS_COLOR

PAGE = "app_pages/output.py"
BADGE_ID = {
    "hijau": "✅ Tercapai",
    "kuning": "⚠️ Hampir tercapai",
    "merah": "⛔ Belum tercapai",
    "abu": "⬜ Data tidak ada",
}
TOTAL_RP = 6_144_346_237_000  # Lampiran 6: the anggaran of the 270 outputs


@pytest.fixture(scope="module")
def outputs(frames) -> pd.DataFrame:
    l6 = frames["output_capaian"]
    out = l6[l6["level"] == "output"].copy()
    out["status"] = [
        status_of(capaian_pct(None if pd.isna(t) else float(t), None if pd.isna(r) else float(r)))
        for t, r in zip(out["target"], out["realisasi"], strict=True)
    ]
    return out


def _open(lang: str | None = None, year: str = "2024", **query: str):
    """The app on this page, like conftest's ``run_page``, for module-scoped fixtures."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.query_params["year"] = year
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def page_id(app_db):
    """The page in Indonesian with no filter, shared by the read-only tests."""
    return _open()


def _tab(at, label: str):
    """Open the details section and one of its tabs (the browser keeps both in the URL; AppTest sets their state)."""
    if not sections(at)["output_details"]:
        open_sections(at, "output_details")  # the tabs exist before one is chosen
    at.session_state["output_tab"] = label
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _chart(at, column: str) -> tuple[dict, pd.DataFrame]:
    """The spec of the chart with a dataset holding ``column``, and that dataset."""
    for spec, datasets in vega_charts(at):
        for frame in datasets.values():
            if column in frame.columns:
                return spec, frame
    raise AssertionError(f"no chart with a {column!r} field; charts: {len(vega_charts(at))}")


SVG = "{http://www.w3.org/2000/svg}"


def _picture(at):
    """The quadrant, drawn on the server (``ui.widgets.static_chart``): the page's one picture, as an SVG tree."""
    import base64

    from defusedxml import ElementTree

    [svg] = [
        base64.b64decode(img.url.partition(",")[2])
        for image in at.get("image")
        for img in image.proto.imgs
        if img.url.startswith("data:image/svg+xml;base64,")
    ]
    return ElementTree.fromstring(svg)


def _marks(at, kind: str) -> list[dict]:
    """The attributes of the quadrant picture's data marks of ``kind`` (``symbol``: one dot per output; ``rule``)."""
    groups = [g for g in _picture(at).iter(f"{SVG}g") if g.get("class", "").startswith(f"mark-{kind} role-mark")]
    return [el.attrib for g in groups for el in g if el.tag in (f"{SVG}path", f"{SVG}line")]


def _quadrant(at) -> list[dict]:
    """The quadrant's dots: one per output shown."""
    return _marks(at, "symbol")


def _quadrant_spec(outputs_frames, lang: str = "id") -> tuple[dict, pd.DataFrame]:
    """The plain spec the page draws its quadrant from (no filter), and its points: what the picture's dots say."""
    sc = view.scope(view.year_data(outputs_frames, 2024, lang), lang, view.ALL, view.ALL, view.ALL, ())
    spec = charts.quadrant_chart(sc.shown, lang, sc.quadrant_title, cap=view.CAP)
    [points] = [pd.DataFrame(rows) for rows in spec["datasets"].values() if rows and "capaian" in rows[0]]
    return spec, points


def _table(at, column: str) -> pd.DataFrame:
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with column {column!r}")


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_page_runs_in_indonesian_with_status_counts_from_kpi(page_id, outputs):
    at = page_id
    assert at.title[0].value == "Capaian Output"
    m = _metrics(at)
    expected = outputs["status"].value_counts()
    for status, label in BADGE_ID.items():
        assert m[label] == fmt_number(int(expected.get(status, 0)), 0, "id")
    assert m["✅ Tercapai"] == "251" and m["⚠️ Hampir tercapai"] == "19"
    caps = _captions(at)
    assert "Jumlah output: **270**" in caps
    assert "Rp 6,14 T" in caps and "Rp 6.144.346.237.000" in caps
    # Quadrant counts come from the same recomputed capaian and penyerapan.
    assert m["Tercapai, hemat"] == "247" and m["Belum terserap, belum tercapai"] == "19"


def test_first_screen_is_the_tiles_and_the_quadrant_the_rest_on_demand(app_db, outputs):
    """A new visitor's first screen: the status tiles and the quadrant; the filters and details open on demand."""
    at = _open()
    m = _metrics(at)
    assert (m["✅ Tercapai"], m["⚠️ Hampir tercapai"], m["⛔ Belum tercapai"]) == ("251", "19", "0")
    assert m["Tercapai, hemat"] == "247"
    assert "Jumlah output: **270**" in _captions(at)
    assert not vega_charts(at)  # the quadrant is a picture drawn on the server: no Vega for a new visitor
    [texts] = static_charts(at)
    assert texts[-1] == "Satu titik per output, ukuran = anggaran"  # the title
    assert "Penyerapan anggaran (realisasi / anggaran, %)" in texts and "Tercapai, hemat" in texts
    assert len(_quadrant(at)) == 270
    assert not at.dataframe and not at.selectbox and not at.multiselect and not at.tabs
    assert sections(at) == {
        "output_findings": False, "output_filters": False, "output_quadrant": False, "output_details": False,
    }  # fmt: skip
    assert "Saringan aktif" not in _captions(at)  # no filter chosen

    open_sections(at, "output_quadrant")  # the live quadrant: each dot's output in its tooltip
    [(spec, datasets)] = vega_charts(at)
    assert spec["title"]["text"] == "Satu titik per output, ukuran = anggaran"
    assert sum(len(d) for d in datasets.values()) >= 270 and at.session_state["output_quadrant"]
    at.session_state["output_quadrant"] = False
    at.run()

    open_sections(at, "output_filters")
    assert [s.label for s in at.selectbox] == ["Unit Eselon I", "Program", "Kegiatan"]
    assert not at.dataframe and not at.tabs  # the details are still closed
    open_sections(at, "output_details")
    assert [list(df.value.columns)[:3] for df in at.dataframe] == [["Tingkat", "Kode", "Uraian"]]


def test_detail_tabs_are_lazy(app_db):
    """Only the quadrant and the open tab (the hierarchy) are drawn: the other tabs cost nothing until opened."""
    at = _open(output_details="true")  # the section's state in the URL, as a copied link has it
    assert [tab.label for tab in at.tabs] == [
        "Rincian hierarki", "Di bawah target", "Per provinsi", "Peta anggaran", "Daftar output", "Catatan data",
    ]  # fmt: skip
    assert not vega_charts(at) and len(static_charts(at)) == 1  # the quadrant, a picture
    assert [list(df.value.columns)[:3] for df in at.dataframe] == [["Tingkat", "Kode", "Uraian"]]


def test_page_runs_in_english(app_db, frames):
    at = _open("en")
    assert at.title[0].value == "Output Achievement"
    m = _metrics(at)
    assert m["✅ Achieved"] == "251"
    assert "Budget: **Rp 6.14 tn**" in _captions(at)
    [texts] = static_charts(at)
    assert "Budget absorption (spent / budget, %)" in texts and "✅ Achieved" in texts  # axis title, legend
    assert {dot["fill"] for dot in _quadrant(at)} == {STATUS_COLOR["hijau"], STATUS_COLOR["kuning"]}
    assert _quadrant_spec(frames, "en")[0]["config"]["locale"]["number"]["decimal"] == "."  # what it is drawn from
    under = _table(_tab(at, "Under target"), "Gap (% points)")
    assert "89.73%" in set(under["Achievement"])


def test_quadrant_has_one_point_per_output(page_id, outputs, frames):
    dots = _quadrant(page_id)
    numeric = outputs.dropna(subset=["anggaran_rp", "target", "realisasi"])
    numeric = numeric[(numeric["anggaran_rp"] > 0) & (numeric["target"] != 0)]
    assert len(dots) == len(numeric) == 270
    # each dot in its status colour: 251 green, 19 amber, as the tiles count them
    fills = pd.Series([dot["fill"] for dot in dots]).value_counts()
    assert fills.to_dict() == {STATUS_COLOR["hijau"]: 251, STATUS_COLOR["kuning"]: 19}
    # the picture's labels: the four quadrants named in their corners, the statuses in words in the legend
    [texts] = static_charts(page_id)
    corners = {"Tercapai, hemat", "Terserap, tercapai", "Belum terserap, belum tercapai", "Terserap, belum tercapai"}
    assert corners <= set(texts) and {"✅ Tercapai", "⚠️ Hampir tercapai"} <= set(texts)
    # dashed rules at 100 %
    rules = _marks(page_id, "rule")
    assert len(rules) == 2 and all(r["stroke-dasharray"] == "5,4" for r in rules)
    # The spec the picture is drawn from: its points and the tooltips an interactive chart would show.
    spec, points = _quadrant_spec(frames)
    assert len(points) == 270
    assert spec["config"]["locale"]["number"]["decimal"] == ","  # 89,73 in the tooltips
    assert points["anggaran_rp"].sum() == TOTAL_RP
    # 4053/003 Sertifikasi Kompetensi ... Menengah Tinggi: 603 of 672 = 89,73 %, amber, Rupiah in full in the tooltip.
    row = outputs[(outputs["kegiatan_code"] == "4053") & (outputs["output_code"] == "003")].iloc[0]
    dot = points[points["output"].str.startswith("4053/003 Sertifikasi Kompetensi")].iloc[0]
    assert dot["capaian"] == pytest.approx(603 / 672 * 100, abs=1e-4) and dot["y"] == dot["capaian"]
    assert (dot["target"], dot["realisasi"], dot["anggaran_rp"]) == (672, 603, row["anggaran_rp"])
    assert dot["status"] == "⚠️ Hampir tercapai" and dot["shape"] == "circle"
    tooltip = {t["field"]: t for t in spec["layer"][2]["encoding"]["tooltip"]}
    assert tooltip["anggaran_rp"]["format"] == "$,.0f" and tooltip["capaian"]["title"] == "Capaian (%)"
    # the colours are the status colours, named in words in the legend
    colour = spec["layer"][2]["encoding"]["color"]["scale"]
    assert colour["domain"][:2] == ["✅ Tercapai", "⚠️ Hampir tercapai"] and colour["range"][0] == "#1a7f37"
    # dashed rules at 100 % and the four quadrants named in their corners
    rules = [ly for ly in spec["layer"] if ly["mark"]["type"] == "rule"]
    assert len(rules) == 2
    assert {rows[0]["t"] for rows in spec["datasets"].values() if rows and "t" in rows[0]} == corners


def test_unit_filter_narrows_rows(run_page, outputs):
    at = open_sections(run_page(PAGE, year="2024"), "output_filters")
    at.selectbox(key="qp_unit").set_value("BINWASNAKER").run()
    assert not at.exception
    n = int((outputs["unit_code"] == "BINWASNAKER").sum())
    assert 0 < n < 270
    assert f"Jumlah output: **{n}**" in _captions(at)
    assert len(_quadrant(at)) == n
    counts = outputs[outputs["unit_code"] == "BINWASNAKER"]["status"].value_counts()
    m = _metrics(at)
    for status, label in BADGE_ID.items():
        assert m[label] == fmt_number(int(counts.get(status, 0)), 0, "id")
    # The kegiatan choices follow the unit.
    keg_opts = at.selectbox(key="qp_kegiatan").options
    assert len(keg_opts) - 1 == outputs[outputs["unit_code"] == "BINWASNAKER"]["kegiatan_code"].nunique()
    # Closing the filters keeps the unit (it is in the URL) and says so.
    at.session_state["output_filters"] = False
    at.run()
    assert not at.selectbox and at.query_params["unit"] in ("BINWASNAKER", ["BINWASNAKER"])
    assert len(_quadrant(at)) == n and f"Jumlah output: **{n}**" in _captions(at)
    assert "Saringan aktif: Unit Eselon I: " in _captions(at)


def test_status_and_kegiatan_filters_from_url(run_page, outputs):
    """A link with filters applies them to the first screen, the filters' section closed, and names them."""
    at = run_page(PAGE, status="kuning", kegiatan="4057", year="2024")
    expected = outputs[(outputs["status"] == "kuning") & (outputs["kegiatan_code"] == "4057")]
    assert len(_quadrant(at)) == len(expected) > 0
    assert not at.selectbox and not sections(at)["output_filters"]
    [active] = [c for c in _captions(at).split("\n") if c.startswith("Saringan aktif")]
    assert "Kegiatan: 4057 · " in active and "Status capaian output: ⚠️ Hampir tercapai" in active
    open_sections(at, "output_filters")  # the widgets show the same filters
    assert at.selectbox(key="qp_kegiatan").value == "4057" and len(_quadrant(at)) == len(expected)
    assert len(_table(_tab(at, "Di bawah target"), "Kurang (poin %)")) == len(expected)


def test_under_target_list(run_page, outputs):
    at = _tab(run_page(PAGE, year="2024"), "Di bawah target")
    under = _table(at, "Kurang (poin %)")
    assert len(under) == int((outputs["status"] != "hijau").sum()) == 19
    # 4053/003: 603 of 672 = 89,73 %, the largest gap, first.
    first = under.iloc[0]
    assert first["Output"].startswith("003 · Sertifikasi Kompetensi Tenaga Kerja Berkeahlian Menengah Tinggi")
    assert first["Capaian"] == "89,73 %" and first["Kurang (poin %)"] == "10,27"
    assert (first["Target"], first["Realisasi"], first["Kurang (satuan)"]) == ("672", "603", "69")
    assert "PBK Provinsi Gorontalo" in under.iloc[1]["Output"]


def test_province_chart_and_table(run_page, frames):
    at = _tab(run_page(PAGE, year="2024"), "Per provinsi")
    spec, bars = _chart(at, "series")
    assert len(bars) == 68  # target and realisasi for each of the 34 provinces
    assert set(bars["province"]) == set(frames["province"]["name"])
    aceh = bars[bars["province"] == "Aceh"].set_index("series")["value"]
    assert aceh.to_dict() == {"Target": 1792, "Realisasi: ✅ Tercapai": 1792}
    # lowest capaian on top: the y order starts with the provinces under target
    order = spec["layer"][0]["encoding"]["y"]["sort"]
    caps = bars.drop_duplicates("province").set_index("province")["capaian"]
    assert caps[order[0]] == caps.min() < 100 and caps[order[-1]] >= 100
    labels = _chart(at, "text")[1]
    assert labels.set_index("province").loc["Aceh", "text"] == "100,00 %"
    table = _table(at, "Provinsi")
    assert len(table) == 34
    row = table.set_index("Provinsi").loc["Aceh"]
    assert (row["Target"], row["Realisasi"], row["Capaian"]) == ("1.792", "1.792", "100,00 %")


def test_treemap_top_and_drill_down(run_page, frames):
    at = _tab(run_page(PAGE, year="2024"), "Peta anggaran")
    spec, tiles = _chart(at, "kind")
    assert spec["params"][0]["name"] == "tm_pick" or any(
        p.get("name") == "tm_pick" for ly in spec["layer"] for p in ly.get("params", [])
    )
    groups = tiles[tiles["kind"] == "group"]
    assert set(groups["id"]) == {"WA", "DN", "DL"}
    assert groups["anggaran_rp"].sum() == TOTAL_RP
    # the programmes fill the canvas, each in proportion to its anggaran
    area = (groups["x2"] - groups["x"]) * (groups["y2"] - groups["y"])
    canvas = charts.TREEMAP_WIDTH * charts.TREEMAP_HEIGHT
    assert area.sum() == pytest.approx(canvas)
    assert (area / canvas).to_numpy() == pytest.approx((groups["anggaran_rp"] / TOTAL_RP).to_numpy())
    # units are the tiles, a click opens their programme
    units = tiles[tiles["kind"] == "tile"]
    assert set(units["level"]) == {"unit"} and set(units["drill"]) == {"WA", "DN", "DL"}
    assert units["anggaran_rp"].sum() == TOTAL_RP
    # opened from the URL: the WA units as groups, their kegiatan as tiles
    at = run_page(PAGE, tm="WA", year="2024")
    assert at.session_state["output_tab"] == "Peta anggaran"
    wa = _chart(at, "kind")[1]
    l6 = frames["output_capaian"]
    wa_total = l6[(l6["level"] == "output") & (l6["program_code"] == "WA")]["anggaran_rp"].sum()
    assert set(wa.loc[wa["kind"] == "group", "level"]) == {"unit"}
    assert wa.loc[wa["kind"] == "group", "anggaran_rp"].sum() == wa_total
    assert set(wa.loc[wa["kind"] == "tile", "level"]) == {"kegiatan"}
    at.button(key="tm_crumb_root").click().run()
    assert "tm" not in at.query_params
    assert set(_chart(at, "kind")[1].query("kind == 'group'")["id"]) == {"WA", "DN", "DL"}


def test_treemap_tiles_at_the_deepest_level_are_outputs(frames):
    l6 = ko.with_recomputed(frames["output_capaian"])
    outs = ko.outputs(l6)
    tree = ko.budget_tree(outs)
    keg = tree[tree["level"] == "kegiatan"].iloc[0]
    tiles = charts.treemap_tiles(tree, keg["id"], "en")
    assert set(tiles["kind"]) == {"tile"} and set(tiles["level"]) == {"output"}
    assert set(tiles["drill"]) == {""}  # nothing below an output
    assert tiles["anggaran_rp"].sum() == pytest.approx(float(keg["anggaran_rp"]))
    area = ((tiles["x2"] - tiles["x"]) * (tiles["y2"] - tiles["y"])).sum()
    assert area == pytest.approx(charts.TREEMAP_WIDTH * charts.TREEMAP_HEIGHT)
    assert charts.treemap_tiles(tree, "no such node").empty


def test_drill_down_navigates_and_marks_printed_mismatches(run_page, frames):
    l6 = frames["output_capaian"]
    # Open the parent of IKK 2160 'Maturitas SPIP' (printed 94 %, recomputed 93,42 %) from the URL.
    spip = l6[l6["urutan"] == 380].iloc[0]
    at = run_page(PAGE, node=str(int(spip["parent_urutan"])), year="2024")
    rows = _table(at, "Tingkat")
    row = rows[rows["Uraian"] == "Maturitas SPIP"].iloc[0]
    assert row["Capaian"] == "93,42 %" and row["Catatan"].startswith("⚠️ capaian tercetak 94 %")
    # Breadcrumbs lead back to the top.
    at.button(key="crumb_root").click().run()
    assert list(_table(at, "Tingkat")["Kode"]) == ["SS-1", "SS-2"]
    assert "node" not in at.query_params
    # Choosing SS-2 opens its rows.
    at.selectbox(key="drill_pick_0").set_value(346).run()
    level2 = _table(at, "Tingkat")
    assert "Program" in set(level2["Tingkat"]) and "IKSS" in set(level2["Tingkat"])
    # WA program total: its realisasi is Rp 31.522.144.606 below the sum of its rows (Setjen counted 2163 twice).
    wa = level2[level2["Tingkat"] == "Program"].iloc[0]
    assert "⚠️" in wa["Catatan"] and "31.522.144.606" in wa["Catatan"]


def test_output_list_and_data_notes(run_page):
    at = _tab(run_page(PAGE, year="2024"), "Daftar output")
    listed = _table(at, "Kuadran")
    assert len(listed) == 270
    assert (listed["Status"] == "⚠️ Hampir tercapai").sum() == 19
    assert (listed["Kuadran"] == "Tercapai, hemat").sum() == 247
    notes = _table(_tab(at, "Catatan data"), "Catatan")
    assert list(notes.columns) == ["Tingkat", "Kode", "Uraian", "Catatan"]
    assert len(notes) == 4  # IKK 380, IKP 471, WA program total, WA Setjen row
    assert notes["Catatan"].str.startswith("⚠️").all()
