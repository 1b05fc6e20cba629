"""SS-2 Tata Kelola page: the report's figures, English labels and the SPBE simulator against kpi.spbe."""

from __future__ import annotations

import pytest

from kpi import spbe
from ui.format import fmt_number

PAGE = "app_pages/ss2.py"


def _texts(at) -> str:
    parts = [m.value for m in at.metric] + [m.label for m in at.metric] + [m.delta or "" for m in at.metric]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


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


@pytest.fixture(scope="module")
def page_id(app_db):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


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
    at = run_page(PAGE, lang="en")
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
    table = [df.value for df in at.dataframe if "Sisa poin" in df.value.columns][0]
    assert table["No."].tolist()[:3] == ["1", "2", "3"]
    at.selectbox(key="qp_rb_urut").set_value("capaian_naik").run()
    table = [df.value for df in at.dataframe if "Sisa poin" in df.value.columns][0]
    assert table["No."].iloc[0] == "6"  # Zona Integritas, 16,67 %
    at.selectbox(key="qp_spbe_level").set_value("aspect").run()
    t319 = [df.value for df in at.dataframe if "Bobot 2024" in df.value.columns][0]
    assert len(t319) == 8
    at.selectbox(key="qp_rb_urut").set_value("nomor").run()
    at.selectbox(key="qp_spbe_level").set_value("domain").run()
