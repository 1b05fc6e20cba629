"""Anggaran page: the report's budget figures in Indonesian format, computed tiles, earlier years' pagu,
the Vega-Lite charts' figures, the detail tabs, English.

Three AppTest sessions only (Indonesian, its widgets, English) so the file stays quick; the on-demand
sections and the detail tabs are opened in the same session (only an open section, and in it only
the open tab, runs).
"""

from __future__ import annotations

from kpi.budget import absorption_excl_blokir_pct, absorption_pct, efficiency_rate
from kpi.format import fmt_number, fmt_pct, fmt_rp_short
from tests.conftest import open_sections, sections, static_charts, vega_charts, vega_rows

PAGE = "app_pages/anggaran.py"


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _tables(at) -> list:
    return [df.value for df in at.dataframe]


def _open_detail(at, word: str) -> None:
    """Open the detail tab whose label contains ``word`` (the tabs live in the URL and session)."""
    at.session_state["ang_detail"] = next(tab.label for tab in at.tabs if word in tab.label)
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def _chart(at, title_word: str) -> tuple[dict, object]:
    """The spec and data of the one chart drawn whose title contains ``title_word``."""
    found = [
        (spec, rows)
        for (spec, _), rows in zip(vega_charts(at), vega_rows(at), strict=True)
        if title_word in spec["title"]["text"]
    ]
    assert len(found) == 1, [spec["title"]["text"] for spec, _ in vega_charts(at)]
    return found[0]


def _picture(at) -> list[str]:
    """The one server-drawn chart's texts (the programme chart on the first screen)."""
    (texts,) = static_charts(at)  # exactly one picture
    return texts


def _value(rows, series: str, label_word: str) -> float:
    hit = rows[(rows["series"] == series) & rows["label"].str.contains(label_word, regex=False)]
    assert len(hit) == 1, (series, label_word, rows)
    return float(hit["value"].iloc[0])


def test_first_screen_tiles_and_programme_chart_then_the_details_on_demand(run_page, frames):
    """A new visitor's first screen: the tiles and the programme chart; the tables and detail tabs open on demand."""
    at = run_page(PAGE, year="2024")
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
    total = efficiency_rate(pf["T3.24.total.capaian_ss_pct"], pf["T3.24.total.capaian_anggaran_pct"])
    assert m["Efficiency rate total"] == fmt_number(total, 2, "id")
    assert (m["Efficiency rate SS-1"], m["Efficiency rate SS-2"], m["Efficiency rate total"]) == (
        "0,46",
        "1,03",
        "0,75",
    )

    # first screen: the programme chart of 2024 drawn on the server, nothing that loads new code in the browser
    picture = _picture(at)
    assert "Pagu dan realisasi per program, 2024" in picture
    for row in prog.itertuples():  # each bar's label: the report's pagu and realisasi, short
        assert fmt_rp_short(row.pagu_rp, "id") in picture and fmt_rp_short(row.realisasi_rp, "id") in picture
    assert fmt_rp_short(2_286_493_872_264, "id") == "Rp 2,29 T" and "Rp 2,29 T" in picture  # DN realisasi
    assert "DN · Pembinaan Ketenagakerjaan\nPenyerapan 90,50 %" in picture  # computed absorption under the name
    assert {"Rp 0,5 T", "Rp 1 T", "Pagu", "Realisasi"} <= set(picture)  # triliun axis, decimal comma; legend
    assert not vega_charts(at)  # closed sections draw nothing
    assert not at.dataframe and not at.selectbox and not at.tabs
    assert sections(at) == {"anggaran_findings": False, "anggaran_program": False, "anggaran_detail": False}

    # the details open on demand, at their first tab (PK revisions); the tables by programme stay closed
    open_sections(at, "anggaran_detail")
    assert sections(at)["anggaran_detail"] and not sections(at)["anggaran_program"]
    assert len(vega_charts(at)) == 1 and at.selectbox(key="qp_ang_rev").value == "perubahan"
    assert not any("Pagu 2023" in t.columns for t in _tables(at))
    rev_spec, rev = _chart(at, "sejak PK Januari")
    dl = rev[rev["program"].str.startswith("DL")].set_index("revisi")["value"]
    assert dl["Januari"] == 0 and dl["Desember"] == 2_098_237_155_000 - 2_054_051_426_000  # +Rp 44,19 M
    tables = _tables(at)
    assert any("+Rp 44.185.729.000" in t.to_string() for t in tables)  # Tabel 2.3 change Jan→Des, DL

    # blokir: both charts and the table with its total row
    _open_detail(at, "Blokir")
    spec, bl = _chart(at, "Pagu blokir 2024")
    assert bl["value"].sum() == blokir
    assert bl.iloc[0]["label"] == "Ditjen Binalavotas" and bl.iloc[0]["text"] == "Rp 255,60 M"  # largest on top
    assert "/ 1000000000, ',.2~f') + ' M'" in spec["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]  # miliar
    _, pair = _chart(at, "dengan dan tanpa blokir")
    setjen = pair[pair["label"] == "Sekretariat Jenderal"].set_index("series")["text"]
    assert (setjen["Terhadap pagu"], setjen["Terhadap pagu tanpa blokir"]) == ("95,12 %", "99,59 %")
    assert any("96,61 %" in t.to_string() for t in _tables(at))  # blokir table total row

    # dekonsentrasi
    _open_detail(at, "Dekonsentrasi")
    _, dk = _chart(at, "dekonsentrasi 2024")
    assert dk[dk["series"] == "Pagu"]["value"].sum() == 130_374_551_000
    assert any("Rp 130.374.551.000" in t.to_string() for t in _tables(at))  # Tabel 3.23 total

    # efficiency: the two achievements per goal, the rate in the category, the 100 % line
    _open_detail(at, "Efisiensi")
    spec, ef = _chart(at, "Capaian anggaran dan capaian sasaran")
    ef = ef.dropna(subset=["category"])  # without the 100 % line's row
    ss1 = ef[ef["category"].str.startswith("SS-1")].set_index("series")["text"]
    assert (ss1["Capaian anggaran"], ss1["Capaian SS"]) == ("88,85 %", "40,71 %")
    assert set(ef["category"]) == {
        "SS-1\nEfficiency rate: 0,46",
        "SS-2\nEfficiency rate: 1,03",
        "Jumlah\nEfficiency rate: 0,75",
    }
    assert any(layer["mark"]["type"] == "rule" for layer in spec["layer"])

    # the two realisasi sources
    _open_detail(at, "OM-SPAN")
    _, src = _chart(at, "menurut dua sumber")
    omspan, monev = "Realisasi OM-SPAN (Tabel 3.20)", "Realisasi Monev Kemenkeu (Lampiran 6)"
    assert _value(src, omspan, "DL ·") - _value(src, monev, "DL ·") == 41_035_264_490
    tables = _tables(at)
    gap_table = next(t for t in tables if monev in t.columns)
    assert omspan in gap_table.columns
    assert "+Rp 41.035.264.490" in gap_table.to_string()  # DL: OM-SPAN − Monev
    warnings = [c.value for c in at.caption if c.value.startswith("⚠️")]
    assert len(warnings) == 1 and "Program DL" in warnings[0], warnings  # only the Lampiran 6 DL unit gap


def test_earlier_years_beside_the_chosen_one_and_revision_mode(run_page):
    at = run_page(PAGE, year="2024")
    assert not at.info  # 2024 has realisasi: no note
    assert not [s for s in at.selectbox if s.key == "qp_year"]  # the year is the sidebar's, not the page's
    open_sections(at, "anggaran_program")
    assert not vega_charts(at)  # the programme tab shows its table: its chart is on the first screen
    program = next(t for t in _tables(at) if "Pagu 2023" in t.columns)
    assert list(program.columns[:4]) == ["Program", "Pagu 2023", "Pagu 2024", "Perubahan pagu"]
    dn = program.set_index("Program").loc["DN · Pembinaan Ketenagakerjaan"]
    assert (dn["Pagu 2023"], dn["Perubahan pagu"]) == ("Rp 2.393.556.035.000", "+Rp 132.986.264.000")
    assert "✅ Pagu 2023 dihitung dari rincian (Rp 5.987.810.898.000)" in " ".join(c.value for c in at.caption)

    at.session_state["ang_tab"] = next(tab.label for tab in at.tabs if "Tabel 3.21" in tab.label)
    at.run()
    assert not at.exception
    units = next(t for t in _tables(at) if "Pagu 2022" in t.columns)  # Tabel 3.21 prints 2022 too
    assert "Rp 7.897.845.423.000" in units.to_string()
    _, rows = _chart(at, "per unit Eselon I, 2024")
    assert len(rows) == 14 and _value(rows, "Pagu", "Ditjen PHI") == 1_546_283_680_000

    open_sections(at, "anggaran_detail")
    at.selectbox(key="qp_ang_rev").set_value("pagu").run()
    assert not at.exception
    _, rev = _chart(at, "Pagu program per revisi PK 2024")
    wa = rev[rev["program"].str.startswith("WA")].set_index("revisi")["value"]
    assert (wa["Januari"], wa["Desember"]) == (1_517_968_550_000, 1_519_566_783_000)


def test_english_labels(run_page):
    at = open_sections(run_page(PAGE, lang="en", year="2024"))
    m = _metrics(at)
    assert m["Budget ceiling 2024"] == "Rp 6.14 tn"
    assert m["Budget absorption"] == "89.52%"
    assert m["Efficiency rate SS-1"] == "0.46"
    picture = _picture(at)
    assert "Ceiling and spending by programme, 2024" in picture
    assert {"Rp 0.5 tn", "Budget ceiling", "Spending"} <= set(picture)  # decimal point, "tn"
    assert fmt_rp_short(2_286_493_872_264, "en") == "Rp 2.29 tn" and "Rp 2.29 tn" in picture  # DN spending
    assert "DN · Pembinaan Ketenagakerjaan\nAbsorption 90.50%" in picture
    cols = [c for t in _tables(at) for c in t.columns]
    assert "Absorption (computed)" in cols and "Penyerapan (dihitung)" not in cols
    _open_detail(at, "OM-SPAN")
    assert "Two sources of spending: OM-SPAN and Monev Kemenkeu" in [h.value for h in at.subheader]
    _, src = _chart(at, "2024 spending by programme from two sources")
    assert set(src["series"]) == {"Spending, OM-SPAN (Tabel 3.20)", "Spending, Monev Kemenkeu (Lampiran 6)"}
