"""SS-2 Tata Kelola page: the report's figures in tiles, tables and Vega-Lite charts, English labels, the first
screen (tiles and one chart) and the sections loaded on demand, and the SPBE simulator against kpi.spbe."""

from __future__ import annotations

import pytest

from kpi import spbe
from kpi.format import fmt_number
from tests.conftest import open_sections, sections, static_charts, vega_charts

PAGE = "app_pages/ss2.py"
SECTIONS = ("ss2_rb", "ss2_opini", "ss2_spbe", "ss2_sim")


def _texts(at) -> str:
    parts = [m.value for m in at.metric] + [m.label for m in at.metric] + [m.delta or "" for m in at.metric]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


def _chart(at, title: str) -> tuple[dict, list]:
    """The spec of the chart titled ``title`` and its datasets (frames), in the order of the spec's layers."""
    hits = [(spec, list(data.values())) for spec, data in vega_charts(at) if spec.get("title", {}).get("text") == title]
    assert hits, f"no chart {title!r} in {[spec.get('title', {}).get('text') for spec, _ in vega_charts(at)]}"
    return hits[0]


def _metric(at, label: str):
    hits = [m for m in at.metric if m.label == label]
    assert hits, f"no metric {label!r} in {[m.label for m in at.metric]}"
    return hits[0]


@pytest.fixture(scope="module")
def spbe_frames(frames):
    ind = frames["spbe_indicator"]
    asp = frames["spbe_aspect"]
    bands = frames["spbe_predikat"]
    return ind[ind["year"] == 2024], asp[asp["year"] == 2024], bands[bands["year"] == 2024]


def _run_id():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["year"] = "2024"
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def first_screen(app_db):
    """The page as a new visitor first sees it: no section opened."""
    return _run_id()


@pytest.fixture(scope="module")
def page_id(app_db):
    """The page with every section opened."""
    return open_sections(_run_id())


def _sections(at) -> dict[str, bool]:
    return {k: v for k, v in sections(at).items() if k in SECTIONS}


def test_first_screen_holds_the_tiles_and_one_chart(first_screen):
    at = first_screen
    assert _metric(at, "Capaian SS-2 2024").value == "93,94 %"
    assert _metric(at, "Indeks RB").value == "78,73"
    assert _metric(at, "Opini BPK").value == "WTP"
    assert _metric(at, "Indeks SPBE").value == "3,42"
    assert _metric(at, "Predikat SPBE 2024").value == "Baik"
    text = _texts(at)
    for figure in ("96,31 %", "100,00 %", "85,50 %", "93,93 %", "81,50", "81,75"):
        assert figure in text, figure
    # the one chart: the RB index per evaluation year against the 2024 target (Tabel 3.2), drawn on the server
    assert not vega_charts(at)  # the browser need not load Vega for the first screen
    [history] = static_charts(at)
    assert "Indeks RB per tahun evaluasi" in history
    assert [x for x in history if x in ("75,85", "76,10", "78,73")] == ["75,85", "76,10", "78,73"]
    assert "Target 2024: 81,75" in history
    assert any("Tabel 3.2" in c.value for c in at.caption)
    # nothing that loads new element code on a first visit
    assert not at.dataframe and not at.selectbox and not at.multiselect and not at.number_input
    assert _sections(at) == dict.fromkeys(SECTIONS, False)
    assert "Indeks baru" not in [m.label for m in at.metric]  # the simulator runs only when opened


def test_opening_a_section_shows_its_content(run_page):
    at = run_page(PAGE, year="2024")
    shown = {
        "ss2_rb": ("Nilai komponen terhadap bobot maksimum", "qp_rb_urut"),
        "ss2_opini": ("Opini BPK atas laporan keuangan", None),
        "ss2_spbe": ("Domain 2024 dibanding rata-rata", "qp_spbe_level"),
        "ss2_sim": ("Posisi pada pita predikat (Tabel 3.18)", "sim_indikator"),
    }
    for key, (title, box) in shown.items():
        open_sections(at, key)
        assert _sections(at) == {k: k == key for k in SECTIONS}
        _chart(at, title)
        assert vega_charts(at) and len(static_charts(at)) == 1  # the first screen's picture stays
        if box:
            assert at.selectbox(key=box) is not None
        if key == "ss2_opini":
            bpk = [df.value for df in at.dataframe if "Opini" in df.value.columns][0]
            assert "WTP" in bpk["Opini"].tolist()
        if key == "ss2_sim":
            assert _metric(at, "Indeks baru").value == "3,4225"
        at.session_state[key] = False
        at.run()
        assert not at.exception
        assert not vega_charts(at) and not at.dataframe


def test_page_shows_report_figures(page_id):
    text = _texts(page_id)
    for figure in ("78,73", "3,42", "96,31 %", "Baik", "85,50 %", "100,00 %", "WTP", "93,94 %", "93,93 %"):
        assert figure in text, figure
    assert _metric(page_id, "Indeks RB").value == "78,73"
    assert _metric(page_id, "Indeks SPBE").value == "3,42"
    assert _metric(page_id, "Predikat SPBE 2024").value == "Baik"
    assert _metric(page_id, "Capaian SS-2 2024").value == "93,94 %"
    # the disagreements are flagged
    assert "81,50" in text and "81,75" in text
    assert "0,15" in text and "0,25" in text
    assert "Tabel 3.17" in text and "Lampiran 8" in text


def test_page_english_labels(run_page):
    at = open_sections(run_page(PAGE, lang="en", year="2024"))
    labels = [m.label for m in at.metric]
    assert "RB index" in labels and "SPBE index" in labels and "New index" in labels
    text = _texts(at)
    assert "Good (Baik)" in text
    assert "96.31%" in text and "78.73" in text
    assert "Indeks RB" not in labels


def test_simulator_single_raise_moves_index_by_indicator_weight(page_id, spbe_frames):
    ind, asp, bands = spbe_frames
    at = page_id
    weights = spbe.indicator_weights(ind, asp)
    base = spbe.spbe_index(ind, asp)
    assert _metric(at, "Indeks baru").value == fmt_number(base, 4)

    nomor = 42  # Layanan Pengaduan Pelayanan Publik, level 4, the heaviest aspect weight per indicator
    level = int(ind.set_index("nomor").loc[nomor, "tingkat"])
    at.selectbox(key="sim_indikator").set_value(nomor).run()
    assert at.slider(key="sim_tingkat").value == level
    at.slider(key="sim_tingkat").set_value(level + 1).run()
    assert not at.exception

    expected = spbe.spbe_index(ind, asp, {nomor: level + 1})
    assert expected == pytest.approx(base + weights[nomor])
    assert _metric(at, "Indeks baru").value == fmt_number(expected, 4)
    delta = [m for m in at.metric if m.label.startswith("Perubahan vs")][0]
    assert delta.value == "+" + fmt_number(weights[nomor], 4)
    assert _metric(at, "Predikat baru").value == spbe.predikat(expected, bands)

    # the path to the next predikat is recomputed from the simulated levels
    name, low = spbe.next_predikat(expected, bands)
    path = spbe.path_to_index(ind, asp, low, {nomor: level + 1})
    assert _metric(at, "Jumlah kenaikan tingkat").value == str(len(path))

    at.button(key="sim_reset").click().run()
    assert _metric(at, "Indeks baru").value == fmt_number(base, 4)


def test_simulator_path_length_matches_kpi(page_id, spbe_frames):
    ind, asp, bands = spbe_frames
    at = page_id
    base = spbe.spbe_index(ind, asp)
    name, low = spbe.next_predikat(base, bands)
    path = spbe.path_to_index(ind, asp, low)
    assert name == "Sangat Baik" and len(path) == 3
    assert _metric(at, "Jumlah kenaikan tingkat").value == str(len(path))
    shown = [df.value for df in at.dataframe if "Langkah" in df.value.columns]
    assert shown and len(shown[0]) == len(path)
    # applying the path reaches Sangat Baik
    at.button(key="sim_apply").click().run()
    assert _metric(at, "Predikat baru").value == "Sangat Baik"
    assert _metric(at, "Indeks baru").value == fmt_number(path["index_baru"].iloc[-1], 4)
    at.button(key="sim_reset").click().run()
    assert _metric(at, "Indeks baru").value == fmt_number(base, 4)


def test_rb_sort_and_spbe_level_change_output(page_id):
    at = page_id
    # the Tabel 3.17 table is in a lazy tab: closed, it is not built
    assert not [df for df in at.dataframe if "Sisa poin" in df.value.columns]
    _, (bars, _rule) = _chart(at, "Capaian tiap indikator (skor bobot ÷ bobot)")
    assert bars["label"].iloc[0].startswith("1. Rencana Aksi")
    at.selectbox(key="qp_rb_urut").set_value("capaian_naik").run()
    _, (bars, _rule) = _chart(at, "Capaian tiap indikator (skor bobot ÷ bobot)")
    assert bars["label"].iloc[0] == "6. Tingkat Keberhasilan Pembangunan Zona Integritas"
    assert bars["capaian"].iloc[0] == pytest.approx(16.67, abs=0.01) and bars["capaian_text"].iloc[0] == "16,7 %"

    at.session_state["ss2_rb_tab"] = "Tabel"
    at.run()
    assert not at.exception
    table = [df.value for df in at.dataframe if "Sisa poin" in df.value.columns][0]
    assert table["No."].iloc[0] == "6"  # Zona Integritas, 16,67 %
    assert table["Capaian (hitung ulang)"].iloc[0] == "16,67 %"
    assert "Capaian tiap indikator (skor bobot ÷ bobot)" not in [
        s.get("title", {}).get("text") for s, _ in vega_charts(at)
    ]
    at.selectbox(key="qp_rb_urut").set_value("nomor").run()
    table = [df.value for df in at.dataframe if "Sisa poin" in df.value.columns][0]
    assert table["No."].tolist()[:3] == ["1", "2", "3"]

    at.selectbox(key="qp_spbe_level").set_value("aspect").run()
    t319 = [df.value for df in at.dataframe if "Bobot 2024" in df.value.columns][0]
    assert len(t319) == 8
    _, (cmp,) = _chart(at, "Aspek 2024 dibanding rata-rata")
    assert sorted(cmp["name"].unique()) == [f"A{i}" for i in range(1, 9)]
    at.session_state["ss2_rb_tab"] = "Grafik"
    at.selectbox(key="qp_spbe_level").set_value("domain").run()


def test_charts_show_report_figures(page_id):
    at = page_id
    spec, (comp, _labels) = _chart(at, "Nilai komponen terhadap bobot maksimum")
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    value = comp[comp["part"] == "Nilai"].set_index("name")
    assert value.loc["RB Generik", "share"] == pytest.approx(74.79)
    assert value.loc["RB Tematik", "share"] == pytest.approx(39.4)
    assert value.loc["RB Generik", "points"] == "74,79 / 100 (74,8 %)"

    [history] = static_charts(at)  # the first screen's chart, drawn on the server
    assert "Indeks RB per tahun evaluasi" in history
    assert [x for x in history if x in ("75,85", "76,10", "78,73")] == ["75,85", "76,10", "78,73"]
    assert "Target 2024: 81,75" in history

    _, (bpk,) = _chart(at, "Opini BPK atas laporan keuangan")
    assert dict(zip(bpk["year"], bpk["opini"], strict=True)) == {"2021": "WDP", "2022": "WTP", "2023": "WTP"}

    _, (cmp,) = _chart(at, "Domain 2024 dibanding rata-rata")
    kemnaker = cmp[cmp["series"] == "Kemnaker"]
    assert kemnaker["value"].tolist() == pytest.approx([3.50, 3.30, 2.09, 3.95])
    assert cmp[cmp["series"] == "Rata-rata Kementerian"]["value"].tolist() == pytest.approx([4.28, 3.92, 2.87, 4.44])
    assert cmp[cmp["series"] == "Rata-rata nasional"]["value"].tolist() == pytest.approx([3.36, 2.62, 1.86, 3.78])

    _, (trend,) = _chart(at, "Domain 2022–2024")
    d4 = trend[trend["label"].str.startswith("D4")].set_index("year")["nilai"]
    assert d4.to_dict() == pytest.approx({"2022": 3.26, "2023": 4.20, "2024": 3.95})
    # close values keep their labels apart (D1 2,30 and D3 2,18 in 2022)
    y2022 = trend[trend["year"] == "2022"]["label_y"].sort_values().to_numpy()
    assert (y2022[1:] - y2022[:-1] >= 0.2 - 1e-9).all()

    _, (groups,) = _chart(at, "Indeks SPBE 2024 per kelompok")
    by = groups.set_index("label")["value"]
    assert by["Kemnaker"] == pytest.approx(3.42) and by["Kementerian"] == pytest.approx(4.03)
    assert by["Kabupaten"] == pytest.approx(2.45) and groups["label"].iloc[0] == "Kementerian"
    assert groups.set_index("label")["mine"].to_dict()["Kemnaker"]

    _, (bands, markers, *_) = _chart(at, "Posisi pada pita predikat (Tabel 3.18)")
    assert bands.set_index("label")["lo"].to_dict() == pytest.approx(
        {"Memuaskan": 4.2, "Sangat Baik": 3.5, "Baik": 2.6, "Cukup": 1.8, "Kurang": 0.0}
    )
    assert markers["text"].tolist() == ["Evaluasi 2024: 3,4225", "Simulasi: 3,4225"]


def test_english_charts_use_english_numbers(run_page):
    at = open_sections(run_page(PAGE, lang="en", year="2024"))
    spec, (comp, _labels) = _chart(at, "Component score against maximum weight")
    assert spec["config"]["locale"]["number"]["decimal"] == "."
    assert comp.set_index(["name", "part"]).loc[("RB General", "Score"), "points"] == "74.79 / 100 (74.8%)"
    _, (bands, markers, *_) = _chart(at, "Position on the rating bands (Tabel 3.18)")
    assert "Good (Baik)" in bands["label"].tolist() and "Good\n(Baik)" in bands["text"].tolist()
    assert markers["text"].tolist() == ["2024 evaluation: 3.4225", "Simulation: 3.4225"]


def test_spbe_indicator_table_is_built_when_opened(page_id):
    at = page_id
    assert not [df for df in at.dataframe if "Poin indeks per tingkat" in df.value.columns]
    at.session_state["ss2_spbe_ind"] = True
    at.run()
    assert not at.exception
    table = [df.value for df in at.dataframe if "Poin indeks per tingkat" in df.value.columns][0]
    assert len(table) == 47
    below = table[table["Di bawah target tingkat 3"] != ""]
    assert any("indikator di bawah target tingkat kematangan minimal 3" in c.value for c in at.caption)
    caption = next(c.value for c in at.caption if "di bawah target tingkat kematangan" in c.value)
    assert caption.startswith(f"{len(below)} dari 47")
    at.session_state["ss2_spbe_ind"] = False
    at.run()
