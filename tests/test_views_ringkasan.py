"""views.ringkasan called directly: the LKj 2024 figures as the report prints them, and tiny hand-made years."""

from __future__ import annotations

import pandas as pd
import pytest

import views.ringkasan as view


@pytest.fixture(scope="module")
def p2024(frames):
    return view.page(frames, 2024, "id")


def _by_key(tiles, key):
    [hit] = [t for t in tiles if t.key == key]
    return hit


def _ikss(page, code):
    [hit] = [t for t in page.ikss if t.code == code]
    return hit


# --------------------------------------------------------------- the LKj 2024


def test_ikss_tiles_2024(p2024):
    assert p2024.title == "Ringkasan Eksekutif 2024"
    assert [t.code for t in p2024.ikss] == ["produktivitas", "indeks_rb", "opini_bpk", "indeks_spbe"]
    prod = _ikss(p2024, "produktivitas")
    assert (prod.label, prod.value, prod.target, prod.capaian) == ("Realisasi 2024", "4,01 %", "9,85 %", "40,71 %")
    assert prod.status == "merah" and prod.status_text == "⛔ Belum tercapai"
    assert prod.delta == "+0,29 poin vs 2023" and prod.delta_color == "normal"
    rb = _ikss(p2024, "indeks_rb")
    assert (rb.value, rb.target, rb.capaian, rb.delta) == ("78,73", "81,75", "96,31 %", "+2,63 poin vs 2023")
    assert rb.status_text == "⚠️ Hampir tercapai"
    opini = _ikss(p2024, "opini_bpk")
    assert (opini.value, opini.capaian, opini.delta, opini.delta_color) == (
        "WTP",
        "100,00 %",
        "tetap WTP sejak 2023",
        "off",
    )
    assert opini.status_text == "✅ Tercapai"
    spbe = _ikss(p2024, "indeks_spbe")
    assert (spbe.value, spbe.target, spbe.capaian) == ("3,42", "4,00", "85,50 %")


def test_strategic_goals_2024_with_the_printed_figure(p2024):
    ss1, ss2, overall = p2024.ss
    assert (ss1.value, ss1.warning, ss1.caption) == ("40,71 %", False, None)
    assert ss1.status_text == "⛔ Belum tercapai"
    # SS-2 recomputes to 93,9353 -> 93,94 %; the report truncates it to 93,93 %
    assert ss2.value == "93,94 %" and ss2.warning and ss2.label.startswith("⚠️ ")
    assert ss2.caption == "⚠️ Laporan mencetak 93,93 %"
    assert "93,9353" in ss2.help and "dipotong" in ss2.help
    assert (overall.value, overall.warning) == ("67,32 %", False)
    assert p2024.overall == "67,32 %" and p2024.overall_status == "merah"


def test_budget_and_efficiency_2024(p2024):
    pagu = _by_key(p2024.budget, "tile_pagu")
    assert pagu.value == "Rp 6,14 T" and pagu.caption == "Rp 6.144.346.237.000" and "Pagu 2024" in pagu.help
    assert _by_key(p2024.budget, "tile_realisasi").value == "Rp 5,50 T"
    absorption = _by_key(p2024.budget, "tile_absorption")
    assert absorption.value == "89,52 %" and absorption.caption == "Target penyerapan 98,41 %"
    assert "Target penyerapan 2024: 98,41 %" in absorption.help
    assert _by_key(p2024.budget, "tile_excl_blokir").value == "96,61 %"
    assert [t.value for t in p2024.efficiency] == ["0,75", "0,46", "1,03"]
    assert "40,71 %" in p2024.efficiency[1].help and "88,85 %" in p2024.efficiency[1].help


def test_trends_and_table_2024(p2024):
    prod = p2024.trends[0]
    assert prod.years == (2022, 2023, 2024) and prod.values == (2.70, 3.72, 4.01)
    assert prod.target == 9.85 and prod.suffix == "%"
    opini = p2024.trends[2]
    assert opini.ordinal and opini.grades == ("WDP", "WTP", "WTP") and opini.target_grade == "WTP"
    budget = p2024.budget_trend
    assert budget.years == (2022, 2023, 2024)
    assert "2022" in budget.caption and "Rp 13,12 T" in budget.caption and "Ditjen PHI" in budget.caption
    table = p2024.table
    assert list(table.display.columns) == [
        "SS",
        "IKSS",
        "Realisasi 2022",
        "Realisasi 2023",
        "Target 2024",
        "Realisasi 2024",
        "Capaian 2024",
        "Status",
        "Capaian tercetak",
    ]
    row = table.display.iloc[0]
    assert (row["IKSS"], row["Realisasi 2022"], row["Capaian 2024"]) == (
        "Kontribusi produktivitas",
        "2,70 %",
        "40,71 %",
    )
    assert row["Status"] == "⛔ Belum tercapai"
    raw = table.raw.iloc[0]
    assert raw["Satuan"] == "%" and raw["Realisasi 2024"] == 4.01 and raw["Status"] == "Belum tercapai"
    assert raw["Capaian 2024"] == pytest.approx(4.01 / 9.85 * 100)
    assert table.name == "ikss_2024" and table.sources == ("Tabel 3.2",)
    assert "Capaian 2024" in table.right and "IKSS" not in table.right
    assert [link.path for link in p2024.links][0] == "app_pages/ss1.py"


def test_english_2024(frames):
    p = view.page(frames, 2024, "en")
    assert p.title == "Executive Summary 2024"
    prod = _ikss(p, "produktivitas")
    assert (prod.name, prod.value, prod.delta) == ("Productivity contribution", "4.01%", "+0.29 pts vs 2023")
    assert prod.status_text == "⛔ Not achieved"
    assert _by_key(p.budget, "tile_pagu").value == "Rp 6.14 tn"
    assert "Achievement 2024" in p.table.display.columns
    assert _ikss(p, "opini_bpk").delta == "unchanged since 2023 (WTP)"


def test_a_new_year_beside_2024_without_printed_figures(frames):
    """2025 as the template makes it (2024 relabelled, one figure changed), its report not yet printed."""
    new = {}
    for name in view.FRAMES:
        frame = frames[name]
        if name == "printed_figure":
            new[name] = frame  # only 2024's report is printed
            continue
        rows = frame[frame["year"] == 2024].assign(year=2025)
        new[name] = pd.concat([frame, rows], ignore_index=True)
    cap = new["ikss_capaian"]
    cap.loc[(cap["year"] == 2025) & (cap["ikss_code"] == "produktivitas"), "realisasi"] = 5.0
    cap.loc[cap["year"] == 2025, "capaian_pct"] = None  # the capaian Tabel 3.2 prints: not printed yet
    p = view.page(new, 2025, "id")
    prod = _ikss(p, "produktivitas")
    assert (prod.value, prod.capaian, prod.delta) == ("5,00 %", "50,76 %", "+0,99 poin vs 2024")
    assert _ikss(p, "opini_bpk").delta == "tetap WTP sejak 2024"
    # no printed figure of 2025: the recomputed values alone, no warning, no absorption target
    assert all(not t.warning and t.caption is None for t in p.ss)
    absorption = _by_key(p.budget, "tile_absorption")
    assert absorption.value == "89,52 %" and absorption.caption is None and "Target" not in absorption.help
    assert list(p.table.display.columns)[2:4] == ["Realisasi 2023", "Realisasi 2024"]
    assert p.table.display.iloc[0]["Capaian tercetak"] == "–"
    assert p.trends[0].years == (2022, 2023, 2024, 2025) and p.budget_trend.caption is not None
    # 2024 still shows 2024, and its trend stops at 2024
    assert view.page(new, 2024, "id").trends[0].years == (2022, 2023, 2024)


# --------------------------------------------------------------- tiny hand-made frames


def _tiny(years=(2030,), printed=()) -> dict[str, pd.DataFrame]:
    ikss, cap = [], []
    for y in years:
        ikss += [
            (y, "produktivitas", "SS-1", "Kontribusi", "%", "naik", "angka"),
            (y, "waktu_tunggu", "SS-1", "Waktu *tunggu*", "poin", "turun", "angka"),
            (y, "opini_bpk", "SS-2", "Opini", "opini", "naik", "ordinal"),
        ]
    grades = {2030: "WTP", 2031: "WDP"}
    for y in years:
        cap += [
            (y, "produktivitas", 10.0, None, 5.0 + (y - 2030), None, None),
            (y, "waktu_tunggu", 4.0, None, 3.0, None, None),
            (y, "opini_bpk", None, "WTP", None, grades[y], None),
        ]
    return {
        "ikss": pd.DataFrame(ikss, columns=["year", "code", "ss_code", "name", "satuan", "arah", "jenis"]),
        "ikss_capaian": pd.DataFrame(
            cap, columns=["year", "ikss_code", "target", "target_text", "realisasi", "realisasi_text", "capaian_pct"]
        ),
        "budget_program": pd.DataFrame({"year": list(years), "pagu_rp": 2e12, "realisasi_rp": 1.5e12}),
        "budget_blokir": pd.DataFrame({"year": list(years), "blokir_rp": 5e11}),
        "budget_unit": pd.DataFrame({"year": list(years), "unit_name": "Unit [A]", "pagu_rp": 2e12}),
        "efficiency_ss": pd.DataFrame(columns=["year", "ss_code", "pagu_rp", "realisasi_rp"]),
        "printed_figure": pd.DataFrame(list(printed), columns=["year", "figure", "value"]),
    }


def test_tiny_year_without_a_previous_year_or_printed_figures():
    p = view.page(_tiny(), 2030, "id")
    assert p.title == "Ringkasan Eksekutif 2030"
    prod, waktu, opini = p.ikss
    assert (prod.value, prod.capaian, prod.delta, prod.status) == ("5,00 %", "50,00 %", None, "merah")
    # an IKSS the catalogue does not know: the name from the data, no help; lower is better
    assert (waktu.name, waktu.help, waktu.delta_color) == ("Waktu *tunggu*", None, "inverse")
    assert waktu.capaian == "125,00 %" and waktu.status == "hijau"  # (2 × 4 − 3) / 4
    assert (opini.value, opini.delta, opini.capaian) == ("WTP", None, "100,00 %")
    ss1, ss2, overall = p.ss
    assert ss1.value == "87,50 %" and ss2.value == "100,00 %" and overall.value == "93,75 %"
    assert not any(t.warning for t in p.ss)
    assert _by_key(p.budget, "tile_absorption").value == "75,00 %"
    assert _by_key(p.budget, "tile_excl_blokir").value == "100,00 %"
    assert _by_key(p.budget, "tile_absorption").caption is None
    assert [t.value for t in p.efficiency] == ["–", "–", "–"]  # no Tabel 3.24 rows: unknown, not zero
    assert list(p.table.display.columns)[2:4] == ["Target 2030", "Realisasi 2030"]  # no earlier year
    assert p.budget_trend.years == (2030,) and p.budget_trend.caption is None


def test_tiny_two_years_compare_with_the_previous_and_the_print():
    frames = _tiny((2030, 2031), printed=[(2031, "B3.1.ss2_capaian", 70.0), (2030, "RE.ss1_capaian", 1.0)])
    p = view.page(frames, 2031, "en")
    prod, waktu, opini = p.ikss
    assert prod.delta == "+1.00 pts vs 2030" and waktu.delta == "0.00 pts vs 2030"
    assert (opini.value, opini.delta, opini.delta_color) == ("WDP", "down from WTP (2030)", "normal")
    assert opini.capaian == "75.00%" and opini.status == "merah"  # WDP against WTP: rank 3 / 4
    ss1, ss2, _ = p.ss
    assert not ss1.warning  # 2030's printed SS-1 is not 2031's
    assert ss2.warning and ss2.caption == "⚠️ The report prints 70.00%" and ss2.value == "75.00%"
    assert list(p.table.display.columns)[2] == "Actual 2030"
    assert p.budget_trend.notes == ("largest: Unit [A] Rp 2.00 tn",) * 2
