"""views.output called directly: the LKj 2024 Lampiran 6 figures and a tiny hand-made Lampiran 6."""

from __future__ import annotations

import pandas as pd
import pytest

from views import output as view
from views.output import ALL

TOTAL_RP = "Rp 6.144.346.237.000"  # Lampiran 6: the anggaran of the 270 outputs (= Tabel 3.20's total pagu)

# --------------------------------------------------------------------------- the LKj 2024


@pytest.fixture(scope="module")
def year_2024(frames):
    return view.year_data(frames, 2024, "id")


@pytest.fixture(scope="module")
def everything(year_2024):
    return view.scope(year_2024, "id", ALL, ALL, ALL, ())


def test_status_tiles_and_summary(year_2024, everything, frames):
    printed = frames["printed_figure"].set_index("figure")["value"]
    assert f"Rp {int(printed['T3.20.total.pagu_rp']):,}".replace(",", ".") == TOTAL_RP
    assert year_2024.intro.startswith("Lampiran 6 LKj 2024:") and not year_2024.empty
    assert [(t.label, t.value, t.delta) for t in everything.tiles] == [
        ("✅ Tercapai", "251", None),
        ("⚠️ Hampir tercapai", "19", None),
        ("⛔ Belum tercapai", "0", None),
        ("⬜ Data tidak ada", "0", None),
    ]
    assert everything.summary == (
        f"Jumlah output: **270** · ditampilkan: **270** · Anggaran: **Rp 6,14 T** ({TOTAL_RP}) · Penyerapan: **88,53 %**"
    )
    assert dict(everything.quadrants)["Tercapai, hemat"] == "247"
    assert dict(everything.quadrants)["Belum terserap, belum tercapai"] == "19"
    assert everything.list_title == "Daftar output (270)"
    assert year_2024.unit_opts[0] == ALL and year_2024.prog_opts == (ALL, "WA", "DN", "DL")


def test_english_scope(frames):
    sc = view.scope(view.year_data(frames, 2024, "en"), "en", ALL, ALL, ALL, ("kuning",))
    assert sc.tiles[0].label == "✅ Achieved" and sc.tiles[0].value == "251"
    assert "Budget: **Rp 6.14 tn**" not in sc.summary  # only the amber outputs are shown
    assert sc.summary.startswith("Number of outputs: **270** · shown: **19**")


def test_filters_narrow_the_outputs(year_2024, frames):
    l6 = frames["output_capaian"]
    n = int(((l6["level"] == "output") & (l6["unit_code"] == "BINWASNAKER")).sum())
    sc = view.scope(year_2024, "id", "BINWASNAKER", ALL, ALL, ())
    assert 0 < len(sc.shown) == n < 270
    assert sc.summary.startswith(f"Jumlah output: **{n}**")
    kegiatan = view.kegiatan_options(year_2024, "BINWASNAKER", ALL)
    assert kegiatan[0] == ALL and len(kegiatan) - 1 == sc.shown["kegiatan_code"].nunique()


def test_under_target(everything):
    table = view.under(everything, "id")
    assert len(table) == 19
    first = table.display.iloc[0]
    assert first["Output"].startswith("003 · Sertifikasi Kompetensi Tenaga Kerja Berkeahlian Menengah Tinggi")
    assert (first["Capaian"], first["Kurang (poin %)"]) == ("89,73 %", "10,27")
    assert (first["Target"], first["Realisasi"], first["Kurang (satuan)"]) == ("672", "603", "69")
    assert "Target" in table.right and "Kurang (satuan)" in table.right and "Output" not in table.right
    raw = table.raw.iloc[0]
    assert raw["Target"] == 672 and raw["Capaian"] == pytest.approx(603 / 672 * 100)


def test_drill_down_marks_printed_mismatches(year_2024, frames):
    l6 = frames["output_capaian"]
    parent = int(l6.loc[l6["urutan"] == 380, "parent_urutan"].iloc[0])
    dv = view.drill(year_2024, "id", parent)
    row = dv.table.display.set_index("Uraian").loc["Maturitas SPIP"]
    assert row["Capaian"] == "93,42 %" and row["Catatan"] == "⚠️ capaian tercetak 94 % ≠ dihitung 93,42 %"
    assert row["Target"] == "3,80" and row["Realisasi"] == "3,55"
    assert dv.crumbs[0].target == 346 and dv.crumbs[0].label.startswith("SS-2 ")
    top = view.drill(year_2024, "id", None)
    assert top.head is None and list(top.table.display["Kode"]) == ["SS-1", "SS-2"]
    assert view.drill(year_2024, "id", 999_999).head is None  # an unknown row opens the top
    ss2 = view.drill(year_2024, "id", 346)
    wa = ss2.table.display[ss2.table.display["Tingkat"] == "Program"].iloc[0]
    assert "31.522.144.606" in wa["Catatan"]
    assert ss2.head.text.startswith("**Sasaran Strategis SS-2** · ")


def test_provinces_notes_all_and_budget_map(year_2024, everything):
    kegiatan = view.province_kegiatan(year_2024)
    aceh = None
    for k in kegiatan:
        pv = view.provinces(year_2024, "id", k)
        if "Aceh" in set(pv.table.display["Provinsi"]) and k == "4057":
            aceh = pv
    assert aceh is not None and len(aceh.per) == 34
    row = aceh.table.display.set_index("Provinsi").loc["Aceh"]
    assert (row["Target"], row["Realisasi"], row["Capaian"]) == ("1.792", "1.792", "100,00 %")
    notes = view.notes(year_2024, "id")
    assert list(notes.display.columns) == ["Tingkat", "Kode", "Uraian", "Catatan"] and len(notes) == 4
    listed = view.all_outputs(everything, "id")
    assert len(listed) == 270 and (listed.display["Kuadran"] == "Tercapai, hemat").sum() == 247
    bm = view.budget_map(year_2024, everything)
    programmes = bm.tree[bm.tree["level"] == "program"]
    assert set(programmes["id"]) == {"WA", "DN", "DL"} and programmes["anggaran_rp"].sum() == 6_144_346_237_000
    tm, crumbs = view.map_path(bm, "WA")
    assert tm == "WA" and [c.target for c in crumbs] == ["WA"]
    assert view.map_path(bm, "nowhere") == ("", ())


# --------------------------------------------------------------------------- tiny frames

L6_COLS = ["urutan", "level", "ss_code", "program_code", "unit_code", "kegiatan_code", "output_code", "parent_urutan",
           "name", "satuan", "province_code", "anggaran_rp", "realisasi_rp", "penyerapan_pct", "target", "realisasi",
           "capaian_pct", "target_text", "realisasi_text"]  # fmt: skip


def _lampiran6(year: int, realisasi_b: float) -> pd.DataFrame:
    rows = [
        (
            1,
            "ss",
            "SS-1",
            None,
            None,
            None,
            None,
            None,
            "Sasaran *satu*",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ),  # fmt: skip
        (
            2,
            "program",
            "SS-1",
            "DL",
            None,
            None,
            None,
            1,
            "Vokasi",
            None,
            None,
            300.0,
            270.0,
            90.0,
            None,
            None,
            None,
            None,
            None,
        ),  # fmt: skip
        (
            3,
            "program_unit",
            "SS-1",
            "DL",
            "BINA",
            None,
            None,
            2,
            "Vokasi",
            None,
            None,
            300.0,
            270.0,
            90.0,
            None,
            None,
            None,
            None,
            None,
        ),  # fmt: skip
        (
            4,
            "kegiatan",
            "SS-1",
            "DL",
            "BINA",
            "4057",
            None,
            3,
            "Pelatihan_[x]",
            None,
            None,
            300.0,
            270.0,
            90.0,
            None,
            None,
            None,
            None,
            None,
        ),  # fmt: skip
        (
            5,
            "output",
            "SS-1",
            "DL",
            "BINA",
            "4057",
            "001",
            4,
            "PBK Aceh",
            "Orang",
            "11",
            100.0,
            100.0,
            100.0,
            10.0,
            10.0,
            100.0,
            None,
            None,
        ),  # fmt: skip
        (
            6,
            "output",
            "SS-1",
            "DL",
            "BINA",
            "4057",
            "002",
            4,
            "PBK Bali",
            "Orang",
            "51",
            200.0,
            170.0,
            85.0,
            20.0,
            realisasi_b,
            90.0,
            None,
            None,
        ),  # fmt: skip
    ]
    return pd.DataFrame(rows, columns=L6_COLS).assign(year=year, sumber="Lampiran 6")


def _tiny(years=(2024, 2025)) -> dict[str, pd.DataFrame]:
    l6 = pd.concat([_lampiran6(y, 18.0 if y == 2024 else 20.0) for y in years], ignore_index=True)
    return {
        "output_capaian": l6,
        # the code tables only for 2024: a new year reads the names of the year before
        "unit": pd.DataFrame({"year": [2024], "code": ["BINA"], "name": ["Ditjen Bina"], "short_name": ["Bina*"]}),
        "program": pd.DataFrame({"year": [2024], "code": ["DL"], "name": ["Vokasi"]}),
        "province": pd.DataFrame({"year": [2024, 2024], "code": ["11", "51"], "name": ["Aceh", "Bali"]}),
    }


def test_tiny_year_without_previous_year():
    d = view.year_data(_tiny(), 2024, "id")
    sc = view.scope(d, "id", ALL, ALL, ALL, ())
    assert d.prev_year is None and all(t.delta is None for t in sc.tiles)
    assert [t.value for t in sc.tiles] == ["1", "1", "0", "0"]  # 18 of 20 = 90 %: amber
    assert sc.summary.endswith("Anggaran: **Rp 300** (Rp 300) · Penyerapan: **90,00 %**")
    under = view.under(sc, "id")
    assert len(under) == 1 and under.display.iloc[0]["Capaian"] == "90,00 %"
    assert under.display.iloc[0]["Kurang (satuan)"] == "2"


def test_tiny_new_year_compares_with_the_year_before():
    d = view.year_data(_tiny(), 2025, "en")
    assert d.prev_year == 2024 and d.unit_names == {"BINA": "Bina*"}
    assert d.intro.startswith("Appendix 6 of the 2025 LKj")
    sc = view.scope(d, "en", ALL, ALL, ALL, ())
    assert [(t.value, t.delta, t.delta_color) for t in sc.tiles] == [
        ("2", "+1 vs 2024", "normal"),
        ("0", "-1 vs 2024", "inverse"),  # fewer outputs nearly achieved: green
        ("0", "0 vs 2024", "off"),
        ("0", "0 vs 2024", "off"),
    ]
    # the tiny 2025 keeps 2024's printed 90 % beside a realisasi that now reaches the target
    assert list(view.notes(d, "en").display["Note"]) == ["⚠️ printed achievement 90% ≠ recomputed 100.00%"]


def test_tiny_names_are_escaped_for_markdown():
    d = view.year_data(_tiny(), 2024, "id")
    dv = view.drill(d, "id", 4)
    assert dv.head.text == "**Kegiatan 4057** · Pelatihan\\_\\[x\\]"
    assert [c.label for c in dv.crumbs] == ["SS-1 Sasaran \\*satu\\*", "DL Vokasi", "DL · Bina\\*", "4057 Pelatihan\\_\\[x\\]"]  # fmt: skip
    # the tables are not Markdown: the names as they are
    assert list(view.drill(d, "id", 1).table.display["Uraian"]) == ["Vokasi"]
    assert list(dv.table.display["Uraian"]) == ["PBK Aceh", "PBK Bali"]
    assert view.escape_markdown(":red[x] $y$") == ":red\\[x\\] \\$y\\$"


def test_tiny_provinces_and_printed_mismatch():
    frames = _tiny(years=(2024,))
    frames["output_capaian"].loc[frames["output_capaian"]["urutan"] == 6, "capaian_pct"] = 95.0
    d = view.year_data(frames, 2024, "id")
    pv = view.provinces(d, "id", "4057")
    assert list(pv.per["province_name"]) == ["Aceh", "Bali"] and pv.satuan == "Orang"
    assert list(pv.table.display["Capaian"]) == ["100,00 %", "90,00 %"]
    notes = view.notes(d, "id")
    assert list(notes.display["Catatan"]) == ["⚠️ capaian tercetak 95 % ≠ dihitung 90,00 %"]


def test_tiny_year_without_rows():
    d = view.year_data(_tiny(), 2023, "id")
    assert d.empty and d.outs.empty
    sc = view.scope(d, "id", ALL, ALL, ALL, ())
    assert [t.value for t in sc.tiles] == ["0", "0", "0", "0"] and sc.shown.empty
