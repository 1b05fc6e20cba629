"""Anggaran page: the report's budget figures in Indonesian format, computed tiles, year selector, English.

Three AppTest sessions only (Indonesian, its widgets, English) so the file stays quick.
"""

from __future__ import annotations

from kpi.budget import absorption_excl_blokir_pct, absorption_pct, efficiency_rate
from ui.format import fmt_number, fmt_pct

PAGE = "app_pages/anggaran.py"


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _tables(at) -> list:
    return [df.value for df in at.dataframe]


def test_page_id_figures_and_computed_tiles(run_page, frames):
    at = run_page(PAGE)
    m = _metrics(at)
    # the report's figures, Indonesian format
    assert m["Pagu 2024"] == "Rp 6,14 T"
    assert m["Realisasi 2024"] == "Rp 5,50 T"
    assert m["Penyerapan anggaran"] == "89,52 %"
    assert m["Pagu blokir"] == "Rp 450,81 M"
    assert m["Penyerapan tanpa blokir"] == "96,61 %"
    assert "Rp 6.144.346.237.000" in {x.label: x.help for x in at.metric}["Pagu 2024"]  # full value in help

    # tiles are what kpi returns for the stored figures
    prog = frames["budget_program"][frames["budget_program"]["year"] == 2024]
    pagu, real = float(prog["pagu_rp"].sum()), float(prog["realisasi_rp"].sum())
    blokir = float(frames["budget_blokir"]["blokir_rp"].sum())
    assert m["Penyerapan anggaran"] == fmt_pct(absorption_pct(pagu, real), 2, "id")
    assert m["Penyerapan tanpa blokir"] == fmt_pct(absorption_excl_blokir_pct(pagu, blokir, real), 2, "id")
    eff = frames["efficiency_ss"].set_index("ss_code")
    for ss in ("SS-1", "SS-2"):
        rate = efficiency_rate(float(eff.loc[ss, "capaian_ss_pct"]), float(eff.loc[ss, "capaian_anggaran_pct"]))
        assert m[f"Efficiency rate {ss}"] == fmt_number(rate, 2, "id")
    pf = frames["printed_figure"].set_index("figure")["value"]
    total = efficiency_rate(pf["T3.24.total.capaian_ss_pct.2024"], pf["T3.24.total.capaian_anggaran_pct.2024"])
    assert m["Efficiency rate total"] == fmt_number(total, 2, "id")
    assert (m["Efficiency rate SS-1"], m["Efficiency rate SS-2"], m["Efficiency rate total"]) == (
        "0,46",
        "1,03",
        "0,75",
    )

    # tables: printed totals, dekonsentrasi, both realisasi sources with their gap
    tables = _tables(at)
    assert any("Rp 130.374.551.000" in t.to_string() for t in tables)  # Tabel 3.23 total
    assert any("96,61 %" in t.to_string() for t in tables)  # blokir table total row
    src = next(t for t in tables if "Realisasi Monev Kemenkeu (Lampiran 6)" in t.columns)
    assert "Realisasi OM-SPAN (Tabel 3.20)" in src.columns
    assert "+Rp 41.035.264.490" in src.to_string()  # DL: OM-SPAN − Monev
    warnings = [c.value for c in at.caption if c.value.startswith("⚠️")]
    assert len(warnings) == 1 and "Program DL" in warnings[0], warnings  # only the Lampiran 6 DL unit gap


def test_year_selector_and_revision_mode(run_page):
    at = run_page(PAGE)
    assert not at.info  # 2024 has realisasi: no note
    at.selectbox(key="qp_year").set_value(2023).run()
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any("Tahun 2023" in n and "2024" in n for n in notes), notes  # no realisasi in 2023
    assert any("Rp 2.393.556.035.000" in t.to_string() for t in _tables(at))  # DN pagu 2023

    at.selectbox(key="qp_year").set_value(2022).run()
    assert not at.exception
    assert any("Tabel 3.20 tidak memuat tahun 2022" in i.value for i in at.info)
    assert any("Rp 7.897.845.423.000" in t.to_string() for t in _tables(at))  # Tabel 3.21 still has 2022

    before = [c.proto.spec for c in at.get("plotly_chart")]
    at.selectbox(key="qp_ang_rev").set_value("pagu").run()
    assert not at.exception
    assert [c.proto.spec for c in at.get("plotly_chart")] != before


def test_english_labels(run_page):
    at = run_page(PAGE, lang="en")
    m = _metrics(at)
    assert m["Budget ceiling 2024"] == "Rp 6.14 tn"
    assert m["Budget absorption"] == "89.52%"
    assert m["Efficiency rate SS-1"] == "0.46"
    assert "Two sources of spending: OM-SPAN and Monev Kemenkeu" in [h.value for h in at.subheader]
    cols = [c for t in _tables(at) for c in t.columns]
    assert "Absorption (computed)" in cols and "Penyerapan (dihitung)" not in cols
