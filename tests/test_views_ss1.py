"""views.ss1 called directly: the LKj 2024 figures as the report prints them, a 2025 loaded from the
template (no printed figures, 2024 as the comparison year), and tiny hand-made frames."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from kpi import productivity as prod
from kpi.format import fmt_number, fmt_pct
from views import ss1 as view
from views.table import Table


def row(table: Table, first: str) -> dict[str, str]:
    """The displayed row whose first column reads ``first``."""
    shown = table.display
    hit = shown[shown.iloc[:, 0] == first]
    assert len(hit) == 1, (first, shown.iloc[:, 0].tolist())
    return hit.iloc[0].to_dict()


def item(items, key: str):
    return dict(items)[key]


def tiles(page: view.Page) -> dict[str, view.Tile]:
    return {t.label: t for t in page.tiles}


def relabelled(frames: dict[str, pd.DataFrame], year: int = 2025) -> dict[str, pd.DataFrame]:
    """The committed data with a new ``year`` as the template makes it: 2024's rows relabelled, no printed figures."""
    out = {}
    for name, frame in frames.items():
        if "year" not in frame.columns or name == "printed_figure":
            out[name] = frame
            continue
        new = frame[frame["year"] == 2024].assign(year=year)
        out[name] = pd.concat([frame, new], ignore_index=True)
    return out


# --- (a) the LKj 2024 -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_2024(frames) -> view.Page:
    return view.page(frames, 2024, "id")


def test_tiles_show_the_report_figures(page_2024):
    t = tiles(page_2024)
    assert t["Target 2024"].value == "9,85 %"
    assert t["Realisasi 2024"].value == "4,01 %"
    assert t["Realisasi 2024"].delta == "+0,29 poin vs 2023 (3,72 %)"
    assert t["Capaian 2024"].value == "40,71 %"
    assert t["Capaian 2024"].capaian == pytest.approx(40.71)
    assert t["Perubahan sejak 2022"].value == "+1,31 poin"
    assert page_2024.previous == 2023
    assert page_2024.trend.years == (2022, 2023, 2024)
    assert page_2024.trend.title == "Realisasi 2022–2024 terhadap target"
    assert page_2024.notice is None


def test_english_tiles(frames):
    t = tiles(view.page(frames, 2024, "en"))
    assert t["Actual 2024"].value == "4.01%"
    assert t["Achievement 2024"].value == "40.71%"


def test_worked_computation_gives_the_printed_p(page_2024):
    f = page_2024.formula
    assert list(f.contexts) == ["perhitungan", "variabel"]
    work = f.contexts["perhitungan"]
    assert work.inputs.pyb_penta == 709_432
    assert work.label == "Rumus terhitung (PyB penta 709.432)"
    assert work.result.value == "4,01 %"
    assert work.printed.value == "4,01 %"
    assert work.capaian.value == "40,71 %"
    assert "114.195" in work.terms[0] and "709.432" in work.terms[0]
    assert work.substituted.endswith(r"= 4{,}01\%")
    assert "3{,}93" in work.literal  # Tabel 3.1 as printed gives 3,93 %
    assert "3,93 %" in work.literal_note
    assert f.contexts["variabel"].inputs.pyb_penta == 709_436
    assert "709.436" in f.contexts["variabel"].terms[0]
    # the note: the 4-person gap, the figures only the list has, the narrative's 4,17 %
    assert "709.436 di daftar, 709.432 di rumus" in f.note
    assert "keduanya dibulatkan menjadi 4,01 %" in f.note
    assert "ΔPyB dan PyB formal hanya ada di daftar variabel" in f.note
    assert "4,17 %" in f.note
    assert row(f.variables, "PyB penta (orang)")["Rumus terhitung (PyB penta 709.432)"] == "709.432"


def test_contributions_add_up_to_p(page_2024):
    work = page_2024.formula.contexts["perhitungan"]
    assert sum(work.waterfall.parts.values()) == pytest.approx(work.p)
    assert work.waterfall.parts["pyb_irisan"] < 0
    assert row(work.contributions, "Irisan PHI ∩ Binwas")["Sumbangan (poin persen)"].startswith("-")


def test_table_3_3_and_3_4_with_the_printed_totals(page_2024):
    items = page_2024.programs
    t33 = item(items, "ss1_t33_table")
    assert list(t33.display.columns) == [
        "Komponen",
        "Realisasi 2022",
        "Realisasi 2023",
        "Target 2024",
        "Realisasi 2024",
        "Capaian 2024",
        "Δ 2024 vs 2023",
    ]
    total = row(t33, "Total (dicetak)")
    assert total["Realisasi 2024"] == "15.463.207"
    assert total["Capaian 2024"] == "66,05 %"
    assert total["Δ 2024 vs 2023"] == "9,73 %"
    assert row(t33, "PyB Vokasi")["Realisasi 2024"] == "114.195"
    chart = item(items, "ss1_t33_chart")
    assert chart.title == "Tabel 3.3: PyB per Ditjen 2022–2024"
    assert list(chart.series.values())[-1] == "Target 2024"
    stack = item(items, "ss1_t34_chart")
    assert stack.totals == {2022: 685_321, 2023: 784_353, 2024: 823_631}
    assert stack.total_label == "Total (dicetak)"
    t34 = item(items, "ss1_t34_table")
    assert t34.display.iloc[-1]["Realisasi 2024"] == "823.631"
    assert t34.display.iloc[-1]["Intervensi"] == "Total (dicetak)"
    assert "↳ Pemagangan Dalam Negeri" in t34.display["Intervensi"].tolist()
    assert set(page_2024.charts) == {
        "ss1_trend",
        "ss1_waterfall_perhitungan",
        "ss1_waterfall_variabel",
        "ss1_t33_chart",
        "ss1_t34_chart",
    }


def test_what_if_at_report_values_and_changed(page_2024):
    setup = page_2024.what_if
    assert [i.name for i in setup.inputs] == list(prod.INPUT_NAMES)
    assert setup.goal_default == pytest.approx(9.85)
    assert "9,85 %" in setup.intro
    values = {i.name: i.value for i in setup.inputs}
    assert values["pyb_penta"] == 709_432
    w = view.what_if(setup, values, "pyb_vokasi", 9.85, "id")
    assert w.p.value == "4,01 %"
    assert w.capaian.value == "40,71 %"
    assert w.status == "merah"
    assert w.gap.value == "5,84 poin"
    assert w.goal_reached
    needed = prod.goal_seek(setup.base, "pyb_vokasi", 9.85)
    assert f"**{fmt_number(needed, 0, 'id')} orang**" in w.goal_message
    assert row(w.sensitivity, "PyB vokasi (orang)")["Perubahan untuk +0,1 poin P"] == "+47.896 orang"
    assert "Perubahan untuk +0,1 poin P" in w.sensitivity.right

    changed = view.what_if(setup, values | {"pyb_vokasi": 200_000}, "pyb_penta", 6.0, "id")
    expected = prod.productivity_contribution_pct(replace(setup.base, pyb_vokasi=200_000))
    assert changed.p.value == fmt_pct(expected, 2, "id") != "4,01 %"
    assert changed.p.delta.endswith("poin vs 4,01 %")
    assert fmt_number(prod.goal_seek(replace(setup.base, pyb_vokasi=200_000), "pyb_penta", 6.0), 0, "id") in (
        changed.goal_message
    )
    unreachable = view.what_if(setup, values, "pyb_irisan", 9.85, "id")
    assert not unreachable.goal_reached and "tidak dapat" in unreachable.goal_message


def test_detail_tabs_2024(frames):
    uptp = view.tab("uptp", frames, 2024, "id").items
    assert row(item(uptp, "ss1_uptp_table"), "Total (dicetak)")["Target"] == "128.384"
    assert item(uptp, "ss1_uptp_chart").title == "Tabel 3.6: target dan realisasi pelatihan per UPTP 2024"
    placement = item(view.tab("placement", frames, 2024, "en").items, "ss1_placement_table")
    assert row(placement, "2")["Intervention"] == "Job opportunity expansion (subtotal)"
    assert row(placement, "2")["Achievement"] == "99%"
    wlkp = item(view.tab("wlkp", frames, 2024, "id").items, "ss1_wlkp_table")
    total = row(wlkp, "Total (dicetak)")
    assert total["Jumlah perusahaan 2024"] == "2.429.576" and total["Tahun sebelumnya (2023)"] == "812.009"
    bps = view.tab("bps", frames, 2024, "id")
    table = item(bps.items, "ss1_bps_table")
    assert row(table, "Bekerja")["Perubahan Agt 2023–Agt 2024 (dicetak)"] == "4,79"
    assert set(bps.charts()) == {"ss1_bps_chart", "ss1_tpak_chart"}
    jamsos = item(view.tab("jamsos", frames, 2024, "id").items, "ss1_jamsos_table")
    assert row(jamsos, "Total (dicetak)")["Aktif"] == "45.224.676"
    kejuruan = view.tab("kejuruan", frames, 2024, "id").items
    assert item(kejuruan, "ss1_kejuruan_caption").text == "28 kejuruan yang diselenggarakan pada 2024."
    assert len(view.tab_labels("id")) == len(view.TABS) == 9


# --- 2025 loaded from the template: no printed figures, 2024 beside it -----------------------


def test_new_year_from_the_template_compares_with_2024(frames):
    data = relabelled(frames)
    ikss = data["ikss_capaian"]
    new = (ikss["year"] == 2025) & (ikss["ikss_code"] == "produktivitas")
    data["ikss_capaian"] = ikss.assign(
        realisasi=ikss["realisasi"].mask(new, 4.5), capaian_pct=ikss["capaian_pct"].mask(new)
    )
    page = view.page(data, 2025, "id")
    t = tiles(page)
    assert t["Target 2025"].value == "9,85 %"
    assert t["Realisasi 2025"].delta == "+0,49 poin vs 2024 (4,01 %)"
    assert t["Capaian 2025"].value == fmt_pct(4.5 / 9.85 * 100, 2, "id")
    assert page.trend.years == (2022, 2023, 2024, 2025)
    work = page.formula.contexts["perhitungan"]
    assert work.result.value == "4,01 %"  # the 2024 variables, relabelled
    assert work.printed.value == "belum dicetak"
    assert "4,17 %" not in (page.formula.note or "")  # the narrative is not printed yet either
    t33 = item(page.programs, "ss1_t33_table")
    total = row(t33, "Total (dihitung)")
    assert total["Realisasi 2025"] == "15.463.207" and total["Realisasi 2024"] == "15.463.207"
    assert total["Capaian 2025"] == "66,05 %"
    assert total["Δ 2025 vs 2024"] == "0,00 %"
    stack = item(page.programs, "ss1_t34_chart")
    assert stack.totals[2025] == 823_631 and stack.total_label == "Total"
    for name, *_ in view.TABS:  # every tab renders without printed figures
        items = view.tab(name, data, 2025, "id").items
        assert not any(isinstance(i, view.Note) and i.kind == "info" for _, i in items), name
    wlkp = item(view.tab("wlkp", data, 2025, "id").items, "ss1_wlkp_table")
    assert row(wlkp, "Total (dihitung)")["Tahun sebelumnya (2024)"] == "2.429.576"
    bps = item(view.tab("bps", data, 2025, "id").items, "ss1_bps_table")
    assert not any("dicetak" in c for c in bps.display.columns)


# --- (b) tiny frames ---------------------------------------------------------------------------


def tiny(years=(2024, 2025), variables: bool = True, printed: dict | None = None) -> dict[str, pd.DataFrame]:
    """The datasets SS-1 reads, with a handful of rows per year."""
    real = {2024: 4.0, 2025: 5.0}
    ikss = pd.DataFrame(
        [
            {
                "year": y,
                "ikss_code": "produktivitas",
                "target": 10.0,
                "realisasi": real.get(y, 3.0),
                "capaian_pct": None,
            }
            for y in years
        ]
        + [{"year": years[-1], "ikss_code": "lainnya", "target": 1.0, "realisasi": 1.0, "capaian_pct": 100.0}]
    )
    values = {
        "pyb_vokasi": 100,
        "pyb_penta": 300,
        "pyb_phi": 2_000,
        "pyb_binwas": 1_000,
        "pyb_irisan": 500,
        "delta_pyb": 4_000,
        "pyb_formal": 25_000,
        "ump_avg_rp": 2_000_000,
        "sakernas_wage_rp": 2_500_000,
    }
    pv = pd.DataFrame(
        [{"year": y, "variable": k, "konteks": "variabel", "nilai": float(v)} for y in years for k, v in values.items()]
        if variables
        else [],
        columns=["year", "variable", "konteks", "nilai"],
    )
    comps = ["pyb_vokasi", "pyb_penta", "pyb_phi", "pyb_binwas", "pyb_irisan"]
    pyb = pd.DataFrame(
        [
            {
                "year": y,
                "komponen": k,
                "urutan": i,
                "target": None if k == "pyb_irisan" else 100.0,
                "realisasi": (-50.0 if k == "pyb_irisan" else 100.0 * (1 + j)),
                "capaian_pct": None,
                "delta_pct": None,
            }
            for j, y in enumerate(years)
            for i, k in enumerate(comps, 1)
        ]
    )
    jc = pd.DataFrame(
        [
            {
                "year": y,
                "kode": k,
                "parent_kode": p,
                "urutan": u,
                "intervensi": n,
                "realisasi": r * (1 + j),
                "delta_pct": None,
                "pelaksana": None,
            }
            for j, y in enumerate(years)
            for k, p, u, n, r in (
                ("1", None, 1, "Induk", 30.0),
                ("1a", "1", 2, "Anak A", 10.0),
                ("1b", "1", 3, "Anak B", 20.0),
            )
        ]
    )
    pf = pd.DataFrame(
        [{"year": years[-1], "figure": f, "value": v} for f, v in (printed or {}).items()],
        columns=["year", "figure", "value"],
    )
    wlkp = pd.DataFrame(
        [
            {"year": y, "urutan": i, "skala": s, "jumlah_perusahaan": 10.0 * i * (1 + j)}
            for j, y in enumerate(years)
            for i, s in enumerate(["Mikro", "Besar"], 1)
        ]
    )
    empty = pd.DataFrame(columns=["year", "urutan"])
    return {
        "ikss_capaian": ikss,
        "pyb_variable": pv,
        "pyb_program": pyb,
        "job_creation": jc,
        "printed_figure": pf,
        "wlkp_company": wlkp,
        "training_uptp": pd.DataFrame(
            [{"year": years[-1], "urutan": 1, "uptp": "BBPVP A", "target": 50.0, "realisasi": 40.0}]
        ),
        "kejuruan": empty,
        "pmi_country": empty,
    }


def test_tiny_year_without_printed_figures_computes_its_totals():
    page = view.page(tiny(), 2025, "en")
    t = tiles(page)
    assert t["Actual 2025"].delta == "+1.00 pts vs 2024 (4.00%)"
    assert t["Achievement 2025"].value == "50.00%"  # computed: no capaian in the row
    assert t["Change since 2024"].value == "+1.00 pts"
    work = page.formula.contexts["variabel"]
    assert list(page.formula.contexts) == ["variabel"]  # no worked-computation rows: the list only
    x = work.inputs
    expected = ((100 + 300) / 4_000 * 2_500_000 + (2_000 + 1_000 - 500) / 25_000 * 2_000_000) * 0.1 / 2_500_000 * 100
    assert work.p == pytest.approx(expected)
    assert work.printed.value == "not yet printed" and "2025" in work.printed.help
    assert page.formula.note is None
    assert page.what_if.base == x
    t33 = item(page.programs, "ss1_t33_table")
    total = row(t33, "Total (computed)")
    # 2025: four components of 200 and the overlap −50
    assert total["Actual 2025"] == "750" and total["Actual 2024"] == "350"
    assert total["Target 2025"] == "400" and total["Achievement 2025"] == "187.50%"
    assert total["Δ 2025 vs 2024"] == "114.29%"
    t34 = item(page.programs, "ss1_t34_table")
    assert t34.display.iloc[-1]["Actual 2025"] == "60"  # the top-level row only: its children are inside it
    assert item(page.programs, "ss1_t34_chart").totals == {2024: 30.0, 2025: 60.0}
    uptp = item(view.tab("uptp", tiny(), 2025, "en").items, "ss1_uptp_table")
    assert row(uptp, "Total (computed)")["Achievement"] == "80.00%"
    assert view.tab("kejuruan", tiny(), 2025, "en").items[0][1].kind == "info"  # no rows: said, no crash


def test_tiny_printed_figures_win_over_the_computed_total():
    page = view.page(tiny(printed={"T3.3.total.realisasi": 999.0, "B3.2.1.perhitungan.p": 1.23}), 2025, "id")
    total = row(item(page.programs, "ss1_t33_table"), "Total (dicetak)")
    assert total["Realisasi 2025"] == "999"
    assert total["Realisasi 2024"] == "–"  # the report prints no 2024 total: not filled in from the rows
    assert page.formula.contexts["variabel"].printed.value == "1,23 %"


def test_tiny_year_without_a_previous_year():
    page = view.page(tiny(years=(2025,)), 2025, "id")
    t = tiles(page)
    assert t["Realisasi 2025"].delta is None
    assert len(page.tiles) == 3  # no "change since" tile
    assert page.previous is None
    assert page.trend.title == "Realisasi 2025 terhadap target"
    t33 = item(page.programs, "ss1_t33_table")
    assert not any(c.startswith("Δ") for c in t33.display.columns)
    wlkp = item(view.tab("wlkp", tiny(years=(2025,)), 2025, "id").items, "ss1_wlkp_table")
    assert list(wlkp.display.columns) == ["Skala", "Jumlah perusahaan 2025"]


def test_tiny_year_without_variables_still_renders():
    page = view.page(tiny(variables=False), 2025, "id")
    assert page.formula is None and page.what_if is None
    assert "pyb_variable" in page.formula_missing and "2025" in page.formula_missing
    assert "ss1_t33_chart" in page.charts
    assert tiles(page)["Realisasi 2025"].value == "5,00 %"


def test_tiny_year_without_rows():
    data = tiny()
    page = view.page(data, 2026, "id")
    assert page.notice is not None and "2026" in page.notice
    assert tiles(page)["Target 2026"].value == "–"
    # Tabel 3.3 and 3.4 have no 2026 rows: said, not drawn
    assert [type(i).__name__ for _, i in page.programs] == ["Note", "Note"]


def test_what_if_without_a_target():
    x = prod.PybInputs(100, 300, 2_000, 1_000, 500, 4_000, 25_000, 2_000_000, 2_500_000)
    setup = view.what_if_setup(x, 2025, None, None, "en")
    assert "not loaded" in setup.intro
    w = view.what_if(setup, x.as_dict(), "pyb_vokasi", setup.goal_default, "en")
    assert w.gap is None and w.status == "abu" and w.p.delta is None
    assert w.goal_reached  # P itself is reachable by changing nothing
