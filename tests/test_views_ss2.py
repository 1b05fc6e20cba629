"""views.ss2 called directly: the LKj 2024 figures as the report prints them, a year loaded from the template
(no printed figures, 2024 beside it), and tiny hand-made frames (one year alone, then a second year)."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import spbe
from views import ss2 as view

# --------------------------------------------------------------------------- the LKj 2024


@pytest.fixture(scope="module")
def real(frames):
    return {name: frames[name] for name in view.FRAMES}


def _tiles(model: view.Page) -> dict[str, view.Tile]:
    return {t.key: t for t in model.header.tiles}


def test_2024_tiles_show_the_report_figures(real):
    tiles = _tiles(view.page(real, 2024, "id"))
    ss2, rb, bpk, spbe_tile, predikat = (tiles[f"ss2_tile_{k}"] for k in ("ss2", "rb", "bpk", "spbe", "predikat"))
    assert (ss2.label, ss2.value, ss2.foot) == ("Capaian SS-2 2024", "93,94 %", "dicetak: 93,93 %")
    assert ss2.delta is None  # 2023 has no targets in Tabel 3.2: no capaian to compare with
    assert (rb.value, rb.foot, rb.capaian, rb.delta) == (
        "78,73",
        "Target 2024: 81,75",
        "Capaian 96,31 %",
        "+2,63 vs 2023",
    )
    assert rb.status == "kuning"
    assert (bpk.value, bpk.capaian, bpk.delta, bpk.status) == ("WTP", "Capaian 100,00 %", "2023: WTP", "hijau")
    assert (spbe_tile.value, spbe_tile.capaian, spbe_tile.delta) == ("3,42", "Capaian 85,50 %", "+0,15 vs 2023")
    assert (predikat.label, predikat.value, predikat.delta) == ("Predikat SPBE 2024", "Baik", "2023: Baik")
    assert predikat.foot == "Target predikat: Baik (indeks ≥ 2,6, Lampiran 8)" and predikat.status == "hijau"
    assert "(96,31 % + 100,00 % + 85,50 %) ÷ 3" in ss2.help


def test_2024_notes_flag_the_report_disagreements(real):
    notes = view.page(real, 2024, "id").header.notes
    assert len(notes) == 2
    assert "93,93 %" in notes[0] and "93,94 %" in notes[0]
    assert "81,50" in notes[1] and "81,75" in notes[1] and "96,60 %" in notes[1] and "2024" in notes[1]


def test_2024_english(real):
    model = view.page(real, 2024, "en")
    tiles = _tiles(model)
    assert tiles["ss2_tile_rb"].capaian == "Achievement 96.31%"
    assert tiles["ss2_tile_predikat"].value == "Good"
    assert tiles["ss2_tile_predikat"].foot == "Target rating: Good (Baik) (index ≥ 2.6, Lampiran 8)"
    assert model.rb.component_names == ("RB General", "RB Thematic")
    assert "rating Good (Baik)" in model.spbe.intro


def test_2024_rb_section(real):
    rb = view.page(real, 2024, "id").rb
    assert rb.title == "Reformasi Birokrasi (evaluasi pelaksanaan RB 2023)"
    assert "= 74,79 + 3,94 = 78,73; kategori BB" in rb.intro
    assert rb.history["indeks"].tolist() == pytest.approx([75.85, 76.10, 78.73])
    assert rb.history["label"].iloc[-1] == "Evaluasi 2023\n(LKj 2024)"
    assert rb.target == pytest.approx(81.75) and rb.target_label == "Target 2024"
    assert rb.history_note.startswith("Kenaikan evaluasi 2022 → 2023: +2,63 poin (3,46 %; laporan mencetak 2,63 poin")
    assert "3,45 %" in rb.history_note and "sebelum 2021" in rb.history_note
    assert rb.gaps.display.to_dict("list") == {
        "Komponen": ["RB Generik", "RB Tematik"],
        "Bobot": ["100,00", "10,00"],
        "Nilai": ["74,79", "3,94"],
        "Sisa ke maksimum": ["25,21", "6,06"],
        "Nilai/bobot": ["74,79 %", "39,40 %"],
    }
    assert rb.gaps.raw["Nilai"].tolist() == pytest.approx([74.79, 3.94])  # numbers in the download
    assert "berjumlah 6, bukan 10" in rb.tematik_note
    assert rb.indicators_heading == "34 indikator penilaian RB (Tabel 3.17)"
    assert rb.indicators_caption.startswith("14 indikator di bawah 70 %")


@pytest.mark.parametrize(
    ("sort_key", "first_no", "first_capaian"),
    [("nomor", "1", "83,33 %"), ("capaian_naik", "6", "16,67 %"), ("gap", "21", None)],
)
def test_2024_rb_indicator_orders(real, sort_key, first_no, first_capaian):
    model = view.rb_indicators(real, 2024, "id", sort_key)
    shown = model.table.display
    assert len(shown) == 34 and shown["No."].iloc[0] == first_no
    if first_capaian:
        assert shown["Capaian (hitung ulang)"].iloc[0] == first_capaian
    assert model.chart["nomor"].iloc[0] == int(first_no)
    if sort_key == "gap":
        assert shown["Sisa poin"].iloc[0] == "3,11"  # Indeks SPBE, the largest open points
    assert set(model.component_labels) == {"GENERAL", "TEMATIK"}


def test_2024_bpk(real):
    bpk = view.page(real, 2024, "id").bpk
    assert dict(zip(bpk.years, bpk.opini, strict=True)) == {"2021": "WDP", "2022": "WTP", "2023": "WTP"}
    assert bpk.table.display["Arti"].tolist()[0] == "Wajar Dengan Pengecualian"


def test_2024_spbe_sections(real):
    sp = view.page(real, 2024, "id").spbe
    assert sp.intro.startswith("Indeks SPBE 2024 = Σ bobot aspek × nilai aspek = 3,4225 (dicetak 3,42, predikat Baik)")
    groups = sp.groups.set_index("label")["value"]
    assert groups["Kemnaker"] == pytest.approx(3.42) and groups["Kementerian"] == pytest.approx(4.03)
    assert sp.indicators_heading == "47 indikator SPBE 2024 (Lampiran 8)"

    domain = view.spbe_level(real, 2024, "id", "domain")
    table = domain.table.display.set_index("Nama")
    assert table.loc["D4 Domain Layanan SPBE", ["Nilai 2022", "Nilai 2023", "Nilai 2024"]].tolist() == [
        "3,26",
        "4,20",
        "3,95",
    ]
    assert table.loc["D4 Domain Layanan SPBE", "Perubahan 2023→2024"] == "-0,25"
    assert table.loc["D1 Domain Kebijakan SPBE", "Bobot 2024"] == "13,0 %"
    assert "turun 0,15 poin dari 2023" in domain.d4_note and "4,20 → 3,95, turun 0,25 poin" in domain.d4_note
    assert domain.series["Kemnaker"] == pytest.approx((3.50, 3.30, 2.09, 3.95))
    assert domain.series["Rata-rata nasional"] == pytest.approx((3.36, 2.62, 1.86, 3.78))
    assert (domain.compare_title, domain.trend_title) == ("Domain 2024 dibanding rata-rata", "Domain 2022–2024")

    aspect = view.spbe_level(real, 2024, "en", "aspect")
    assert len(aspect.table) == 8 and aspect.d4_note is None
    assert aspect.names[0] == "A1 Internal SPBE governance policy"

    indicators = view.spbe_indicators(real, 2024, "id")
    assert len(indicators.table) == 47
    assert indicators.caption.startswith("13 dari 47 indikator di bawah target tingkat kematangan minimal 3")
    assert (indicators.table.display["Di bawah target tingkat 3"] != "").sum() == 13


def test_2024_simulator(real, frames):
    ind, asp = (frames[n][frames[n]["year"] == 2024] for n in ("spbe_indicator", "spbe_aspect"))
    start = view.simulate(real, 2024, "id", {})
    assert [m.value for m in start.metrics] == ["3,4225", "0,0000", "Baik", "85,50 %"]
    assert start.metrics[0].help == "3,42" and start.changes is None
    assert start.path.kind == "path" and start.path.count == 3
    assert "Menuju **Sangat Baik** (indeks ≥ 3,50): paling sedikit **3 kenaikan tingkat**" in start.path.message
    assert start.markers == {"Evaluasi 2024": pytest.approx(3.4225), "Simulasi": pytest.approx(3.4225)}

    weight = spbe.indicator_weights(ind, asp)[42]
    raised = view.simulate(real, 2024, "id", {42: 5})
    assert raised.index == pytest.approx(3.4225 + weight)
    assert raised.metrics[1].value == "+" + f"{weight:.4f}".replace(".", ",")
    assert raised.changes.display.to_dict("list")["Tingkat baru"] == ["5"]
    assert raised.path.count == 2

    applied = view.simulate(real, 2024, "id", dict(start.path.steps))
    assert applied.metrics[2].value == "Sangat Baik" and applied.path.count > 0

    target = view.simulate(real, 2024, "en", {}, goal="target")
    assert target.goals == {"next": "Next rating", "target": "Indicator target 4.00"}
    assert target.path.count == 21 and "bringing the index to 4.0000" in target.path.message
    # a level set in another year for an indicator this year does not have is ignored
    assert view.simulate(real, 2024, "id", {999: 5}).index == pytest.approx(start.index)


# --------------------------------------------------------------------------- a year loaded from the template


@pytest.fixture(scope="module")
def with_2025(real):
    """2024 relabelled as 2025, as ``loaders template --as-year 2025`` prefills it: no printed figures yet."""
    out = {}
    for name, frame in real.items():
        new = frame[frame["year"] == 2024].assign(year=2025)
        out[name] = frame if name == "printed_figure" else pd.concat([frame, new], ignore_index=True)
    return out


def test_2025_from_the_template_renders_with_recomputed_values_and_2024_beside_it(with_2025):
    model = view.page(with_2025, 2025, "id")
    tiles = _tiles(model)
    assert tiles["ss2_tile_ss2"].label == "Capaian SS-2 2025"
    assert tiles["ss2_tile_ss2"].foot == "rata-rata tiga IKSS (belum dicetak)"
    assert tiles["ss2_tile_ss2"].delta == "0,00 vs 2024"
    assert tiles["ss2_tile_rb"].delta == "0,00 vs 2024" and tiles["ss2_tile_rb"].foot == "Target 2025: 81,75"
    assert tiles["ss2_tile_bpk"].delta == "2024: WTP"
    # no Lampiran 8 target printed: the target predikat is the band of the IKSS target (4,00: Sangat Baik)
    assert tiles["ss2_tile_predikat"].foot == "Target predikat: Sangat Baik (indeks ≥ 3,5, dari target IKSS 4,00)"
    assert model.header.notes == ()
    assert "kategori –" in model.rb.intro and "laporan mencetak" not in model.rb.history_note
    assert model.spbe.intro.startswith("Indeks SPBE 2025 = Σ bobot aspek × nilai aspek = 3,4225 (predikat Baik)")
    assert model.spbe.groups is None
    domain = view.spbe_level(with_2025, 2025, "id", "domain")
    assert domain.d4_note is None and "Perubahan 2024→2025" in domain.table.display.columns
    assert domain.trend_title == "Domain 2022–2025"
    indicators = view.spbe_indicators(with_2025, 2025, "id")
    assert {"Tingkat 2024", "Tingkat 2025"} <= set(indicators.table.display.columns)
    assert indicators.caption.startswith("13 dari 47")  # the minimum level when Lampiran 8 prints none: 3
    assert view.simulate(with_2025, 2025, "id", {}).markers == {
        "Evaluasi 2025": pytest.approx(3.4225),
        "Simulasi": pytest.approx(3.4225),
    }
    # the LKj 2024 is unchanged by the new year beside it
    assert _tiles(view.page(with_2025, 2024, "id"))["ss2_tile_ss2"].foot == "dicetak: 93,93 %"


# --------------------------------------------------------------------------- tiny hand-made frames


def _tiny(year: int = 2030) -> dict[str, pd.DataFrame]:
    """One year: RB 72 of 80, WTP, SPBE 2,30 of 2,50 (4 indicators in 2 aspects: 0,4 × 2 + 0,6 × 2,5)."""
    y = year
    return {
        "ikss": pd.DataFrame(
            {
                "year": y,
                "code": ["indeks_rb", "opini_bpk", "indeks_spbe"],
                "ss_code": "SS-2",
                "name": ["Indeks RB", "Opini BPK", "Indeks SPBE"],
                "satuan": ["poin", "opini", "poin"],
                "arah": "naik",
                "jenis": ["angka", "ordinal", "angka"],
            }
        ),
        "ikss_capaian": pd.DataFrame(
            {
                "year": y,
                "ikss_code": ["indeks_rb", "opini_bpk", "indeks_spbe"],
                "target": [80.0, None, 2.5],
                "target_text": [None, "WTP", None],
                "realisasi": [72.0, None, 2.3],
                "realisasi_text": [None, "WTP", None],
                "capaian_pct": [90.0, 100.0, 92.0],
            }
        ),
        "printed_figure": pd.DataFrame(columns=["year", "figure", "label", "value", "text_value", "satuan", "sumber"]),
        "rb_component": pd.DataFrame(
            {
                "year": y,
                "code": ["GENERAL", "TEMATIK"],
                "name": ["RB Generik", "RB Tematik"],
                "tahun_evaluasi": y - 1,
                "bobot": [100.0, 10.0],
                "nilai": [60.0, 5.0],
            }
        ),
        "rb_indicator": pd.DataFrame(
            {
                "year": y,
                "nomor": [1, 2, 3],
                "component_code": ["GENERAL", "GENERAL", "TEMATIK"],
                "komponen": ["Strategi Pelaksanaan RB General", "Strategi Pelaksanaan RB General", "X"],
                "indikator": ["Satu", "Dua_*", "Tiga"],
                "bobot": [50.0, 50.0, 10.0],
                "skor": [80.0, 40.0, 50.0],
                "skor_bobot": [40.0, 20.0, 5.0],
                "capaian_pct": [80.0, 40.0, 50.0],
            }
        ),
        "rb_history": pd.DataFrame({"year": [y], "tahun_evaluasi": [y - 1], "indeks": [65.0]}),
        "opini_bpk_history": pd.DataFrame({"year": [y], "tahun_laporan_keuangan": [y - 1], "opini": ["WTP"]}),
        "spbe_domain": pd.DataFrame(
            {
                "year": y,
                "code": ["D1", "D2"],
                "name": ["Domain Kebijakan SPBE", "Domain Tata Kelola SPBE"],
                "bobot_pct": [40.0, 60.0],
                "nilai": [2.0, 2.5],
                "nilai_rata_kementerian": [3.0, 3.1],
                "nilai_nasional": [2.1, 2.2],
            }
        ),
        "spbe_aspect": pd.DataFrame(
            {
                "year": y,
                "code": ["A1", "A2"],
                "name": ["Kebijakan", "Perencanaan"],
                "domain_code": ["D1", "D2"],
                "bobot_pct": [40.0, 60.0],
                "nilai": [2.0, 2.5],
                "nilai_rata_kementerian": [3.0, 3.1],
                "nilai_nasional": [2.1, 2.2],
            }
        ),
        "spbe_indicator": pd.DataFrame(
            {
                "year": y,
                "nomor": [1, 2, 3, 4],
                "name": ["I1", "I2", "I3", "I4"],
                "aspect_code": ["A1", "A1", "A2", "A2"],
                "domain_code": ["D1", "D1", "D2", "D2"],
                "tingkat": [2, 2, 3, 2],
            }
        ),
        "spbe_predikat": pd.DataFrame(
            {
                "year": y,
                "urutan": [1, 2, 3, 4, 5],
                "predikat": ["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"],
                "batas_bawah": [4.2, 3.5, 2.6, 1.8, None],
                "batas_atas": [5.0, 4.2, 3.5, 2.6, 1.8],
            }
        ),
    }


def _two_years() -> dict[str, pd.DataFrame]:
    """2030 as :func:`_tiny`, then 2031: RB 75, SPBE 2,60 (indicator 4 raised to 3), domain D2 3,00."""
    before, after = _tiny(2030), _tiny(2031)
    cap = after["ikss_capaian"]
    cap.loc[cap["ikss_code"] == "indeks_rb", "realisasi"] = 75.0
    cap.loc[cap["ikss_code"] == "indeks_spbe", "realisasi"] = 2.6
    after["spbe_indicator"].loc[3, "tingkat"] = 3
    after["spbe_domain"].loc[1, "nilai"] = 3.0
    after["rb_history"]["indeks"] = 70.5
    return {name: pd.concat([before[name], after[name]], ignore_index=True) for name in before}


def test_tiny_single_year_has_no_comparison_and_no_printed_figure():
    model = view.page(_tiny(), 2030, "id")
    tiles = _tiles(model)
    assert tiles["ss2_tile_ss2"].value == "94,00 %" and tiles["ss2_tile_ss2"].status == "kuning"
    assert tiles["ss2_tile_ss2"].foot == "rata-rata tiga IKSS (belum dicetak)"
    assert all(t.delta is None for t in model.header.tiles)
    assert tiles["ss2_tile_rb"].help == "Capaian = realisasi ÷ target × 100 (Tabel 3.2)."
    assert tiles["ss2_tile_spbe"].capaian == "Capaian 92,00 %"
    assert tiles["ss2_tile_predikat"].value == "Cukup"
    # 2,30 against the lower bound of the target's band (2,50: Cukup, ≥ 1,8)
    assert tiles["ss2_tile_predikat"].foot == "Target predikat: Cukup (indeks ≥ 1,8, dari target IKSS 2,50)"
    assert tiles["ss2_tile_predikat"].status == "hijau"
    assert model.header.notes == ()
    assert model.rb.title == "Reformasi Birokrasi (evaluasi pelaksanaan RB 2029)"
    assert model.rb.history_note is None and model.rb.tematik_note is None
    # names from the data are escaped for Markdown
    assert (
        model.rb.indicators_caption
        == "2 indikator di bawah 70 %; sisa poin terbesar: Dua\\_\\* (30,00); Satu (10,00); Tiga (5,00)."
    )
    assert model.spbe.intro == (
        "Indeks SPBE 2030 = Σ bobot aspek × nilai aspek = 2,3000 (predikat Cukup); nilai aspek = rata-rata tingkat "
        "kematangan indikatornya (Lampiran 8)."
    )
    assert model.spbe.groups is None
    level = view.spbe_level(_tiny(), 2030, "id", "domain")
    assert list(level.table.display.columns) == [
        "Nama",
        "Nilai 2030",
        "Bobot 2030",
        "Rata-rata Kementerian",
        "Rata-rata nasional",
    ]
    assert level.d4_note is None and level.trend_title == "Domain 2030–2030"
    indicators = view.spbe_indicators(_tiny(), 2030, "id")
    assert indicators.table.display["Poin indeks per tingkat"].tolist() == ["0,2000", "0,2000", "0,3000", "0,3000"]
    assert indicators.caption.startswith("3 dari 4 indikator di bawah target tingkat kematangan minimal 3")
    assert view.page(_tiny(), 2031, "id").base is None  # a year without data: nothing to simulate
    assert view.spbe_level(_tiny(), 2031, "id", "domain") is None


def test_tiny_simulator():
    start = view.simulate(_tiny(), 2030, "id", {})
    assert [m.value for m in start.metrics] == ["2,3000", "0,0000", "Cukup", "92,00 %"]
    # the heaviest raise (indicator 3, 0,3 a level) reaches Baik at 2,60 in one step
    assert start.path.steps == ((3, 4),)
    assert (
        start.path.message
        == "Menuju **Baik** (indeks ≥ 2,60): paling sedikit **1 kenaikan tingkat**, indeks menjadi 2,6000."
    )
    assert start.raises.display["No."].tolist()[:2] == ["3", "4"]
    raised = view.simulate(_tiny(), 2030, "id", {1: 5})
    assert [m.value for m in raised.metrics] == ["2,9000", "+0,6000", "Baik", "116,00 %"]
    assert raised.status == "hijau"
    assert raised.changes.display.to_dict("list") == {
        "No.": ["1"],
        "Indikator": ["I1"],
        "Tingkat awal": ["2"],
        "Tingkat baru": ["5"],
        "Δ indeks": ["+0,6000"],
    }
    assert view.simulate(_tiny(), 2030, "id", {1: 5}, goal="target").path.kind == "done"
    top = view.simulate(_tiny(), 2030, "id", {n: 5 for n in (1, 2, 3, 4)})
    assert top.path.kind == "done" and top.path.message == "Predikat tertinggi (Memuaskan) sudah tercapai."
    assert view.simulate(_tiny(), 2030, "id", {}, goal="target").path.count == 1  # 2,50: the same single raise
    frames = _tiny()
    frames["ikss_capaian"].loc[2, "target"] = 5.5
    unreachable = view.simulate(frames, 2030, "en", {}, goal="target")
    assert unreachable.path.kind == "unreachable" and "5.50" in unreachable.path.message


def test_tiny_second_year_is_compared_with_the_first():
    frames = _two_years()
    model = view.page(frames, 2031, "id")
    tiles = _tiles(model)
    assert tiles["ss2_tile_rb"].delta == "+3,00 vs 2030"
    assert tiles["ss2_tile_rb"].help.endswith("2030: 72,00")
    assert tiles["ss2_tile_spbe"].delta == "+0,30 vs 2030"
    assert tiles["ss2_tile_ss2"].delta == "+5,25 vs 2030"  # (93,75 + 100 + 104) ÷ 3 = 99,25 against 94,00
    assert tiles["ss2_tile_predikat"].delta == "2030: Cukup" and tiles["ss2_tile_predikat"].value == "Baik"
    assert tiles["ss2_tile_bpk"].delta == "2030: WTP"
    assert model.rb.history_note == "Kenaikan evaluasi 2029 → 2030: +5,50 poin (8,46 %)."
    assert model.rb.history["label"].tolist() == ["Evaluasi 2029\n(LKj 2030)", "Evaluasi 2030\n(LKj 2031)"]
    assert model.bpk.years == ("2029", "2030")
    level = view.spbe_level(frames, 2031, "id", "domain")
    assert level.table.display["Perubahan 2030→2031"].tolist() == ["0,00", "+0,50"]
    assert level.trend_title == "Domain 2030–2031"
    indicators = view.spbe_indicators(frames, 2031, "id")
    assert indicators.table.display["Tingkat 2030"].tolist() == ["2", "2", "3", "2"]
    assert indicators.table.display["Tingkat 2031"].tolist() == ["2", "2", "3", "3"]
    # the earlier year sees nothing of the later one
    assert _tiles(view.page(frames, 2030, "id"))["ss2_tile_rb"].delta is None
    assert view.page(frames, 2030, "id").bpk.years == ("2029",)


def test_tiny_printed_figures_are_shown_beside_the_recomputed_ones():
    frames = _tiny()
    frames["printed_figure"] = pd.DataFrame(
        {
            "year": 2030,
            "figure": ["B4.ss2_capaian", "B4.rb_target", "L8.indeks_spbe", "T3.16.predikat"],
            "label": ["", "", "", ""],
            "value": [93.0, 81.0, 2.3, None],
            "text_value": [None, None, None, "B_"],
        }
    )
    model = view.page(frames, 2030, "id")
    assert _tiles(model)["ss2_tile_ss2"].foot == "dicetak: 93,00 %"
    assert len(model.header.notes) == 2 and "93,00 %" in model.header.notes[0] and "81,00" in model.header.notes[1]
    assert "(dicetak 2,30, predikat Cukup)" in model.spbe.intro
    assert "kategori B\\_" in model.rb.intro
    # another year's printed figures are not this year's
    assert _tiles(view.page(frames | {"printed_figure": frames["printed_figure"].assign(year=2029)}, 2030, "id"))[
        "ss2_tile_ss2"
    ].foot.endswith("(belum dicetak)")
