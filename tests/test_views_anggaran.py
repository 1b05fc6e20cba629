"""views.anggaran called directly: the LKj 2024 budget figures as the page writes them, and tiny frames
for a year without printed figures, a year without a previous one and tables without the year."""

from __future__ import annotations

import pandas as pd
import pytest

import views.anggaran as view
from ui.charts import anggaran as charts
from views.common import escape_markdown


def _tiles(summary: view.Summary) -> dict[str, view.Tile]:
    return {t.key: t for t in (*summary.money, *summary.absorption, *summary.efficiency)}


def _cell(table, row_word: str, column: str) -> str:
    first = table.display.columns[0]
    hit = table.display[table.display[first].astype(str).str.contains(row_word, regex=False)]
    assert len(hit) == 1, (row_word, table.display)
    return hit[column].iloc[0]


# --------------------------------------------------------------------------- the LKj 2024


def test_2024_tiles_are_the_reports_figures(frames):
    summary = view.summary(frames, 2024, "id")
    tiles = _tiles(summary)
    assert summary.heading == "Ringkasan anggaran 2024" and "LKj 2024" in summary.intro
    pagu = tiles["t_pagu"]
    assert (pagu.label, pagu.value) == ("Pagu 2024", "Rp 6,14 T")
    assert "Rp 6.144.346.237.000" in pagu.help and "TOTAL yang dicetak: Rp 6.144.346.237.000" in pagu.help
    # pagu 2024 against Tabel 3.20's 2023 column: the Bab 3.3 kenaikan Rp 156.535.339.000
    assert pagu.delta == "+Rp 156,54 M vs 2023"
    assert tiles["t_realisasi"].value == "Rp 5,50 T" and "Rp 5.500.436.965.043" in tiles["t_realisasi"].help
    assert tiles["t_realisasi"].delta is None  # Tabel 3.20 prints no realisasi for 2023
    assert tiles["t_blokir"].value == "Rp 450,81 M" and tiles["t_blokir"].delta is None
    pct = tiles["t_penyerapan"]
    assert pct.value == "89,52 %" and pct.delta is None
    assert "Target penyerapan 2024: 98,41 %" in pct.help
    assert round(pct.capaian, 2) == 90.97  # B3.3.capaian_kinerja_anggaran_pct
    assert tiles["t_excl"].value == "96,61 %" and "Dicetak di Bab 3.3: 96,61 %" in tiles["t_excl"].help
    assert round(tiles["t_excl"].capaian, 2) == 98.17  # B3.3.capaian_excl_blokir_pct
    assert [(t.label, t.value) for t in summary.efficiency] == [
        ("Efficiency rate SS-1", "0,46"),
        ("Efficiency rate SS-2", "1,03"),
        ("Efficiency rate total", "0,75"),
    ]
    assert "67,32 % ÷ 89,52 %" in tiles["t_eff_total"].help  # Tabel 3.24's printed total row, recomputed


def test_2024_tiles_in_english(frames):
    tiles = _tiles(view.summary(frames, 2024, "en"))
    assert (tiles["t_pagu"].label, tiles["t_pagu"].value) == ("Budget ceiling 2024", "Rp 6.14 tn")
    assert tiles["t_pagu"].delta == "+Rp 156.54 bn vs 2023"
    assert tiles["t_penyerapan"].value == "89.52%" and tiles["t_eff_SS-1"].value == "0.46"


def test_2024_programme_and_unit_tables(frames):
    program = view.budget_table(frames, 2024, "id", "program")
    assert program.notes == ()
    table = program.tables[0]
    assert list(table.display.columns) == [
        "Program",
        "Pagu 2023",
        "Pagu 2024",
        "Perubahan pagu",
        "Realisasi",
        "Penyerapan (dicetak)",
        "Penyerapan (dihitung)",
        "Cek",
    ]
    assert _cell(table, "DN ·", "Pagu 2023") == "Rp 2.393.556.035.000"
    assert _cell(table, "DL ·", "Perubahan pagu") == "−Rp 190.679.365.000"
    assert _cell(table, "DN ·", "Penyerapan (dihitung)") == "90,50 %"
    assert set(table.display["Cek"]) == {"✅ sama"}
    assert table.raw["Perubahan pagu"].iloc[2] == 2_098_237_155_000 - 2_288_916_520_000  # numbers for download
    assert table.name == "anggaran_program_2024" and table.sources == ("Tabel 3.20",)
    assert len(program.captions) == 4 and all(c.startswith("✅") for c in program.captions)
    assert "(89,52 %) sama dengan angka cetak laporan (89,52 %)" in program.captions[-1]
    rows = program.charts[0].rows
    assert rows["pagu_rp"].sum() == 6_144_346_237_000 and rows["realisasi_rp"].sum() == 5_500_436_965_043
    assert program.charts[0].title == "Pagu dan realisasi per program, 2024"

    unit = view.budget_table(frames, 2024, "id", "unit")
    units = unit.tables[0]
    assert list(units.display.columns[:5]) == ["Unit kerja", "Pagu 2022", "Pagu 2023", "Pagu 2024", "Perubahan pagu"]
    assert _cell(units, "PHI", "Pagu 2022") == "Rp 7.897.845.423.000"
    assert "Pagu 2022 dihitung dari rincian (Rp 13.121.567.259.000) sama" in unit.captions[0]


def test_2024_detail_sections(frames):
    rev = view.revisions(frames, 2024, "id")
    assert _cell(rev.tables[0], "DL ·", "Perubahan Jan→Des") == "+Rp 44.185.729.000"
    assert _cell(rev.tables[0], "Jumlah", "Desember") == "Rp 6.144.346.237.000"
    assert rev.captions[-1].startswith("✅ Tabel 2.3 dan dokumen PK")
    change = rev.chart("ch_rev_perubahan").rows
    dl = change[change["program"].str.startswith("DL")].set_index("revisi")
    assert dl.loc["Desember", "value"] == 44_185_729_000 and dl.loc["Desember", "amount"] == "+Rp 44.185.729.000"

    blk = view.blokir(frames, 2024, "id")
    assert _cell(blk.tables[0], "Jumlah", "Penyerapan tanpa blokir") == "96,61 %"
    assert _cell(blk.tables[0], "Sekretariat", "Penyerapan tanpa blokir") == "99,59 %"
    assert blk.chart("ch_blokir").rows["blokir_rp"].sum() == 450_805_234_000

    dk = view.dekonsentrasi(frames, 2024, "id")
    assert _cell(dk.tables[0], "Jumlah", "Pagu") == "Rp 130.374.551.000"
    assert _cell(dk.tables[0], "Jumlah", "Penyerapan (dicetak)") == "93,66 %"
    assert set(dk.tables[0].display["Cek"]) == {"✅ sama"}

    ef = view.efficiency(frames, 2024, "id")
    assert _cell(ef.tables[0], "SS-1", "Capaian SS") == "40,71 %"
    assert _cell(ef.tables[0], "SS-1", "Efficiency rate") == "0,4582"
    assert _cell(ef.tables[0], "Jumlah", "Efficiency rate") == "0,7520"
    assert all(c.endswith("✅.") or c.startswith("✅") for c in ef.captions), ef.captions

    src = view.sources(frames, 2024, "id")
    assert _cell(src.tables[0], "DL ·", "Selisih (OM-SPAN − Monev)") == "+Rp 41.035.264.490"
    assert _cell(src.tables[0], "DL ·", "Penyerapan Monev") == "84,91 %"
    warnings = [c for c in src.captions if c.startswith("⚠️")]
    assert warnings == [
        "⚠️ Program DL: jumlah baris unit (anggaran Rp 2.077.728.563.000) berbeda dengan baris program "
        "(Rp 2.098.237.155.000); selisih −Rp 20.508.592.000."
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_2024_every_chart_builds(frames, lang):
    for name, section in view.SECTIONS.items():
        model = section(frames, 2024, lang)
        assert model.charts, name
        for chart in model.charts:
            spec = charts.build(chart, lang)
            assert spec["title"]["text"] == chart.title


# --------------------------------------------------------------------------- tiny frames


def _tiny(years=(2024, 2025), printed: dict[str, float] | None = None, **changes) -> dict[str, pd.DataFrame]:
    """Two programmes, two units, one SS each year; 2025 spends a little more. ``printed`` figures are of 2025."""
    bp, bu, bl, dk, ef, pk, pr, un, oc = [], [], [], [], [], [], [], [], []
    for i, y in enumerate(years):
        k = 1 + i * 0.1
        bp += [
            {
                "year": y,
                "program_code": "WA",
                "urutan": 1,
                "program_name": "Dukungan",
                "pagu_rp": 100.0 * k,
                "realisasi_rp": 90.0 * k,
                "penyerapan_pct": 90.0,
                "sumber": "Tabel 3.20",
            },
            {
                "year": y,
                "program_code": "DN",
                "urutan": 2,
                "program_name": "Pembinaan",
                "pagu_rp": 300.0 * k,
                "realisasi_rp": 240.0 * k,
                "penyerapan_pct": 80.0,
                "sumber": "Tabel 3.20",
            },
        ]
        bu += [
            {
                "year": y,
                "unit_code": "SETJEN",
                "urutan": 1,
                "unit_name": "Setjen *pusat*",
                "pagu_rp": 150.0 * k,
                "realisasi_rp": 120.0 * k,
                "penyerapan_pct": 80.0,
                "sumber": "Tabel 3.21",
            },
            {
                "year": y,
                "unit_code": "ITJEN",
                "urutan": 2,
                "unit_name": "Itjen",
                "pagu_rp": 250.0 * k,
                "realisasi_rp": 210.0 * k,
                "penyerapan_pct": 84.0,
                "sumber": "Tabel 3.21",
            },
        ]
        bl += [
            {
                "year": y,
                "unit_code": "SETJEN",
                "urutan": 1,
                "unit_name": "Setjen",
                "blokir_rp": 50.0,
                "sumber": "Tabel 3.22",
            }
        ]
        dk += [
            {
                "year": y,
                "unit_code": "ITJEN",
                "urutan": 1,
                "bidang": "Pengawasan",
                "pagu_rp": 40.0,
                "realisasi_rp": 30.0,
                "capaian_pct": 75.0,
                "sumber": "Tabel 3.23",
            }
        ]
        ef += [
            {
                "year": y,
                "ss_code": "SS-1",
                "sasaran_name": "Tenaga kerja",
                "pagu_rp": 300.0 * k,
                "realisasi_rp": 240.0 * k,
                "capaian_anggaran_pct": 80.0,
                "capaian_ss_pct": 40.0 + 10 * i,
                "sumber": "Tabel 3.24",
            },
            {
                "year": y,
                "ss_code": "SS-2",
                "sasaran_name": "Tata kelola",
                "pagu_rp": 100.0 * k,
                "realisasi_rp": 90.0 * k,
                "capaian_anggaran_pct": 90.0,
                "capaian_ss_pct": 90.0,
                "sumber": "Tabel 3.24",
            },
        ]
        for code, base in (("WA", 100.0), ("DN", 300.0)):
            for j, rev in enumerate(view.REVISI):
                pk.append(
                    {
                        "year": y,
                        "revisi": rev,
                        "program_code": code,
                        "pagu_rp": (base - 3 + j) * k,
                        "sumber": "Tabel 2.3",
                    }
                )
        pr += [
            {"year": y, "code": "WA", "name": "Dukungan Manajemen", "sumber": "Tabel 2.3"},
            {"year": y, "code": "DN", "name": "Pembinaan", "sumber": "Tabel 2.3"},
        ]
        un += [
            {"year": y, "code": "SETJEN", "name": "Sekretariat", "short_name": "Setjen", "sumber": "Bab 1.4"},
            {"year": y, "code": "ITJEN", "name": "Inspektorat", "short_name": "Itjen", "sumber": "Bab 1.4"},
        ]
        oc += [
            {
                "year": y,
                "urutan": 1,
                "level": "program",
                "program_code": "WA",
                "unit_code": None,
                "anggaran_rp": 100.0 * k,
                "realisasi_rp": 88.0 * k,
                "penyerapan_pct": 88.0,
            },
            {
                "year": y,
                "urutan": 2,
                "level": "program_unit",
                "program_code": "WA",
                "unit_code": "SETJEN",
                "anggaran_rp": 100.0 * k,
                "realisasi_rp": 88.0 * k,
                "penyerapan_pct": 88.0,
            },
            {
                "year": y,
                "urutan": 3,
                "level": "program",
                "program_code": "DN",
                "unit_code": None,
                "anggaran_rp": 300.0 * k,
                "realisasi_rp": 240.0 * k,
                "penyerapan_pct": 80.0,
            },
            {
                "year": y,
                "urutan": 4,
                "level": "program_unit",
                "program_code": "DN",
                "unit_code": "*X*",
                "anggaran_rp": 290.0 * k,
                "realisasi_rp": 240.0 * k,
                "penyerapan_pct": 83.0,
            },
        ]
    pf = [{"year": max(years), "figure": f, "value": v} for f, v in (printed or {}).items()]
    out = {
        "budget_program": pd.DataFrame(bp),
        "budget_unit": pd.DataFrame(bu),
        "budget_blokir": pd.DataFrame(bl),
        "dekonsentrasi": pd.DataFrame(dk),
        "efficiency_ss": pd.DataFrame(ef),
        "pk_pagu_program": pd.DataFrame(pk),
        "program": pd.DataFrame(pr),
        "unit": pd.DataFrame(un),
        "output_capaian": pd.DataFrame(oc),
        "printed_figure": pd.DataFrame(pf, columns=["year", "figure", "value"]),
    }
    out.update(changes)
    return out


def test_a_year_without_printed_figures_shows_the_recomputed_sums_and_compares_with_the_year_before():
    frames = _tiny()
    tiles = _tiles(view.summary(frames, 2025, "id"))
    assert tiles["t_pagu"].label == "Pagu 2025"
    assert tiles["t_pagu"].value == "Rp 440"  # 110 + 330
    assert tiles["t_pagu"].help == "Rp 440. Jumlah rincian Tabel 3.20."  # nothing printed to compare with
    assert tiles["t_pagu"].delta == "+Rp 40 vs 2024"
    assert tiles["t_realisasi"].delta == "+Rp 33 vs 2024"  # 363 − 330
    assert tiles["t_penyerapan"].value == "82,50 %" and tiles["t_penyerapan"].delta == "±0,00 poin vs 2024"
    assert tiles["t_penyerapan"].capaian is None and "Target" not in tiles["t_penyerapan"].help
    assert tiles["t_excl"].value == "93,08 %"  # 363 / (440 − 50)
    assert tiles["t_excl"].delta == "-1,21 poin vs 2024"  # 330 / (400 − 50) = 94,29 %
    assert "Dicetak" not in tiles["t_excl"].help
    assert (tiles["t_blokir"].value, tiles["t_blokir"].delta) == ("Rp 50", "±Rp 0 vs 2024")
    assert tiles["t_blokir"].delta_color == tiles["t_penyerapan"].delta_color == "off"  # no change: grey
    assert tiles["t_realisasi"].delta_color == "normal"
    # SS-1 capaian rises from 40 to 50 at the same absorption: 0,50 -> 0,625, shown 0,63 (half-up)
    assert (tiles["t_eff_SS-1"].value, tiles["t_eff_SS-1"].delta) == ("0,63", "+0,13 vs 2024")
    assert tiles["t_eff_total"].value == "0,85"  # mean capaian SS 70 ÷ absorption 82,5

    program = view.budget_table(frames, 2025, "id", "program")
    assert program.captions == ()  # no printed TOTAL, no comparison
    table = program.tables[0]
    assert list(table.display.columns[:4]) == ["Program", "Pagu 2024", "Pagu 2025", "Perubahan pagu"]
    assert _cell(table, "DN ·", "Perubahan pagu") == "+Rp 30"
    for name, section in view.SECTIONS.items():
        model = section(frames, 2025, "id")
        assert not any("angka cetak" in c for c in model.captions), name
        for chart in model.charts:
            charts.build(chart, "id")
    dk = view.dekonsentrasi(frames, 2025, "id")
    assert _cell(dk.tables[0], "Jumlah", "Penyerapan (dicetak)") == "–"
    assert _cell(dk.tables[0], "Jumlah", "Penyerapan (dihitung)") == "75,00 %"
    ef = view.efficiency(frames, 2025, "id")
    assert _cell(ef.tables[0], "Jumlah", "Capaian SS") == "70,00 %"  # mean of 50 and 90


def test_printed_figures_of_the_year_are_compared_and_a_gap_is_shown():
    frames = _tiny(printed={"T3.20.total.pagu_rp": 441.0, "T3.20.total.pagu_rp.prev": 400.0})
    program = view.budget_table(frames, 2025, "id", "program")
    assert program.captions == (
        "✅ Pagu 2024 dihitung dari rincian (Rp 400) sama dengan angka cetak laporan (Rp 400).",
        "⚠️ Pagu 2025 dihitung dari rincian (Rp 440) berbeda dengan angka cetak laporan (Rp 441): selisih −Rp 1.",
    )
    tiles = _tiles(view.summary(frames, 2025, "id"))
    assert tiles["t_pagu"].help.endswith("TOTAL yang dicetak: Rp 441.")
    # the figures of another report year are not this year's
    assert view.budget_table(frames, 2024, "id", "program").captions == ()


def test_a_year_without_a_previous_one_has_no_change():
    frames = _tiny(years=(2025,))
    summary = view.summary(frames, 2025, "en")
    assert all(t.delta is None for t in (*summary.money, *summary.absorption, *summary.efficiency))
    program = view.budget_table(frames, 2025, "en", "program")
    assert list(program.tables[0].display.columns[:3]) == ["Programme", "Ceiling 2025", "Spending"]
    assert "Change in ceiling" not in program.tables[0].display.columns


def test_tables_without_the_year_give_notes_not_errors():
    frames = _tiny()
    empty = {name: frame.iloc[0:0] for name, frame in frames.items()}
    summary = view.summary(empty, 2025, "id")
    assert [t.value for t in summary.money] == ["–", "–", "–"]
    assert summary.efficiency == ()
    program = view.budget_table(empty, 2025, "id", "program")
    assert program.notes == ("Tabel 3.20 tidak memuat tahun 2025; tabel ini tersedia untuk –.",)
    for name in ("revisions", "blokir", "dekonsentrasi", "efficiency", "sources"):
        section = view.SECTIONS[name](empty, 2025, "id")
        assert section.notes and not section.tables and not section.charts, name
    # a year with pagu only (as 2023 in the LKj 2024) says where spending exists
    pagu_only = _tiny()
    bp = pagu_only["budget_program"].copy()
    bp.loc[bp["year"] == 2025, "realisasi_rp"] = None
    pagu_only["budget_program"] = bp
    note = view.budget_table(pagu_only, 2025, "en", "program").notes
    assert note == ("2025: the report prints only the ceiling. Spending and absorption exist only for 2024, 2025.",)


def test_data_strings_in_markdown_are_escaped():
    frames = _tiny()
    tiles = _tiles(view.summary(frames, 2025, "id"))
    assert "t_eff_SS-1" in tiles and tiles["t_eff_SS-1"].label == "Efficiency rate SS-1"
    src = view.sources(frames, 2025, "id")
    assert src.captions[1].startswith("⚠️ Program DN:")  # unit rows 319 against 330
    assert escape_markdown("*X*_[a]") == r"\*X\*\_\[a\]"
    # table cells are not Markdown: shown as the data has them
    assert "*X*" in set(src.tables[1].display["Unit kerja"])
