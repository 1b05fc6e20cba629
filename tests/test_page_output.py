"""Capaian Output page (Lampiran 6): runs in both languages, filters, quadrant, drill-down, lists, provinces."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kpi.capaian import capaian_pct
from kpi.status import status_of
from ui.format import fmt_number

PAGE = "app_pages/output.py"
BADGE_ID = {
    "hijau": "✅ Tercapai",
    "kuning": "⚠️ Hampir tercapai",
    "merah": "⛔ Belum tercapai",
    "abu": "⬜ Data tidak ada",
}


@pytest.fixture(scope="module")
def outputs(frames) -> pd.DataFrame:
    l6 = frames["output_capaian"]
    out = l6[l6["level"] == "output"].copy()
    out["status"] = [
        status_of(capaian_pct(None if pd.isna(t) else float(t), None if pd.isna(r) else float(r)))
        for t, r in zip(out["target"], out["realisasi"], strict=True)
    ]
    return out


def _open(lang: str | None = None, **query: str):
    """The app on this page, like conftest's ``run_page``, for module-scoped fixtures."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
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


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _figure(at, key: str) -> dict:
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        if el.proto.id and key in el.proto.id or spec.get("layout", {}).get("meta") == key:
            return spec
    charts = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    raise AssertionError(f"no chart {key}; ids: {[el.proto.id for el in at.get('plotly_chart')]} ({len(charts)})")


def _quadrant_points(at) -> int:
    spec = _figure(at, "quadrant_chart")
    return sum(len(tr["hovertext"]) for tr in spec["data"] if tr.get("type") == "scatter")


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


def test_page_runs_in_english(run_page):
    at = run_page(PAGE, lang="en")
    assert at.title[0].value == "Output Achievement"
    m = _metrics(at)
    assert m["✅ Achieved"] == "251"
    assert "Budget: **Rp 6.14 tn**" in _captions(at)
    under = _table(at, "Gap (% points)")
    assert "89.73%" in set(under["Achievement"])


def test_quadrant_has_one_point_per_output(page_id, outputs):
    at = page_id
    numeric = outputs.dropna(subset=["anggaran_rp", "target", "realisasi"])
    numeric = numeric[(numeric["anggaran_rp"] > 0) & (numeric["target"] != 0)]
    assert _quadrant_points(at) == len(numeric) == 270
    spec = _figure(at, "quadrant_chart")
    assert spec["layout"]["separators"] == ",."
    hover = " ".join(" ".join(tr["hovertext"]) for tr in spec["data"] if tr.get("type") == "scatter")
    # Full Rupiah in the hover: 4053/003 Sertifikasi Kompetensi ... Menengah Tinggi.
    row = outputs[(outputs["kegiatan_code"] == "4053") & (outputs["output_code"] == "003")].iloc[0]
    assert "Rp " + fmt_number(row["anggaran_rp"], 0, "id") in hover


def test_unit_filter_narrows_rows(run_page, outputs):
    at = run_page(PAGE)
    at.selectbox(key="qp_unit").set_value("BINWASNAKER").run()
    assert not at.exception
    n = int((outputs["unit_code"] == "BINWASNAKER").sum())
    assert 0 < n < 270
    assert f"Jumlah output: **{n}**" in _captions(at)
    assert _quadrant_points(at) == n
    counts = outputs[outputs["unit_code"] == "BINWASNAKER"]["status"].value_counts()
    m = _metrics(at)
    for status, label in BADGE_ID.items():
        assert m[label] == fmt_number(int(counts.get(status, 0)), 0, "id")
    # The kegiatan choices follow the unit.
    keg_opts = at.selectbox(key="qp_kegiatan").options
    assert len(keg_opts) - 1 == outputs[outputs["unit_code"] == "BINWASNAKER"]["kegiatan_code"].nunique()


def test_status_and_kegiatan_filters_from_url(run_page, outputs):
    at = run_page(PAGE, status="kuning", kegiatan="4057")
    expected = outputs[(outputs["status"] == "kuning") & (outputs["kegiatan_code"] == "4057")]
    assert _quadrant_points(at) == len(expected) > 0
    assert len(_table(at, "Kurang (poin %)")) == len(expected)


def test_under_target_list(page_id, outputs):
    at = page_id
    under = _table(at, "Kurang (poin %)")
    assert len(under) == int((outputs["status"] != "hijau").sum()) == 19
    # 4053/003: 603 of 672 = 89,73 %, the largest gap, first.
    first = under.iloc[0]
    assert first["Output"].startswith("003 · Sertifikasi Kompetensi Tenaga Kerja Berkeahlian Menengah Tinggi")
    assert first["Capaian"] == "89,73 %" and first["Kurang (poin %)"] == "10,27"
    assert "PBK Provinsi Gorontalo" in under.iloc[1]["Output"]


def test_province_chart_and_table(page_id, frames):
    at = page_id
    spec = _figure(at, "province_chart")
    bars = [tr for tr in spec["data"] if tr.get("type") == "bar"]
    assert len(bars) == 2 and all(len(b["y"]) == 34 for b in bars)
    names = set(frames["province"]["name"])
    assert set(bars[0]["y"]) == names
    table = _table(at, "Provinsi")
    assert len(table) == 34
    aceh = table.set_index("Provinsi").loc["Aceh"]
    assert (aceh["Target"], aceh["Realisasi"], aceh["Capaian"]) == ("1.792", "1.792", "100,00 %")


def test_drill_down_navigates_and_marks_printed_mismatches(run_page, frames):
    l6 = frames["output_capaian"]
    # Open the parent of IKK 2160 'Maturitas SPIP' (printed 94 %, recomputed 93,42 %) from the URL.
    spip = l6[l6["urutan"] == 380].iloc[0]
    at = run_page(PAGE, node=str(int(spip["parent_urutan"])))
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


def test_data_notes_list_the_three_known_rows(page_id):
    at = page_id
    notes = [df.value for df in at.dataframe if list(df.value.columns) == ["Tingkat", "Kode", "Uraian", "Catatan"]][0]
    assert len(notes) == 4  # IKK 380, IKP 471, WA program total, WA Setjen row
    assert notes["Catatan"].str.startswith("⚠️").all()
