"""Prioritas Nasional page: tiles from kpi, the treemap adds up to the printed total, filters narrow the table."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from kpi.budget import absorption_pct
from kpi.capaian import capaian_pct
from kpi.status import status_of
from ui.format import fmt_pct

PAGE = "app_pages/pn.py"
TOTAL_PAGU = 1_840_747_442_000  # Grand Total, Tabel 2.4 and Lampiran 5
TOTAL_REALISASI = 1_575_998_941_256  # Grand Total, Lampiran 5


@pytest.fixture(scope="module")
def lampiran5(frames):
    return frames["pn_realisasi"]


@pytest.fixture(scope="module")
def outputs(lampiran5):
    return lampiran5[lampiran5["level"] == "output"]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _array(value) -> list:
    """A plotly array from the figure JSON: a list, or plotly's base64 typed array."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def _treemap(at) -> dict:
    for chart in at.get("plotly_chart"):
        trace = json.loads(chart.proto.spec)["data"][0]
        if trace["type"] == "treemap":
            return trace
    raise AssertionError("no treemap on the page")


def test_tiles_in_indonesian(run_page, lampiran5, outputs):
    at = run_page(PAGE)
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
    # Tabel 2.4 and Lampiran 5 agree on every pagu; the one spelling difference is shown.
    assert any("121" in s.value and "Rp 1.840.747.442.000" in s.value for s in at.success)
    assert any("Tri Darma" in md.value for md in at.markdown)
    _check_treemap(at, lampiran5)


def test_english_changes_labels_and_separators(run_page):
    at = run_page(PAGE, lang="en")
    m = _metrics(at)
    assert m["PN budget ceiling"] == "Rp 1.84 tn"
    assert m["PN absorption"] == "85.62%"
    assert at.title[0].value == "National Priorities 2024"
    assert at.selectbox(key="qp_pn").format_func("semua") == "All PN"
    assert "Output code" in at.dataframe[0].value.columns
    assert "Names spelt differently:" in [md.value for md in at.markdown]


def _check_treemap(at, lampiran5) -> None:
    trace = _treemap(at)
    ids, parents, values = trace["ids"], trace["parents"], _array(trace["values"])
    assert trace["branchvalues"] == "total"
    assert len(ids) == len(lampiran5) + 1  # every printed row plus one root
    by_id = dict(zip(ids, values, strict=True))
    assert by_id["root"] == TOTAL_PAGU
    top = [v for p, v in zip(parents, values, strict=True) if p == "root"]
    assert len(top) == 3 and sum(top) == TOTAL_PAGU
    leaves = [v for i, v in zip(ids, values, strict=True) if i not in set(parents)]
    assert len(leaves) == 90 and sum(leaves) == TOTAL_PAGU
    # Every box is as large as its children together (branchvalues="total" would refuse it otherwise).
    for node in set(parents) - {""}:
        kids = [v for p, v in zip(parents, values, strict=True) if p == node]
        assert sum(kids) == by_id[node], node
    # Coloured by absorption, centred on the absorption of all PN, with a titled colour bar.
    assert trace["marker"]["colorbar"]["title"]["text"] == "Penyerapan (%)"
    colours = _array(trace["marker"]["colors"])
    assert colours[0] == pytest.approx(absorption_pct(TOTAL_PAGU, TOTAL_REALISASI))
    hover = trace["customdata"][ids.index("n9")]  # 2175.001 Tenaga Kerja Mandiri Pemula Reguler
    assert "Rp 170.000.000.000" in hover and "Rp 165.830.000.000" in hover and "97,55 %" in hover
    assert "34.000 Orang" in hover and "33.166 Orang" in hover


def test_filters_narrow_the_table(run_page, outputs):
    at = run_page(PAGE)
    assert len(at.dataframe[0].value) == len(outputs)
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
    at = run_page(PAGE, pn="07")
    assert len(at.dataframe[0].value) == int((outputs["pn_code"] == "07").sum())
