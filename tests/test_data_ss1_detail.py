"""The SS-1 detail tables (Tabel 3.5-3.15) against the figures the LKj 2024 prints."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv")


@pytest.fixture(scope="module")
def fig():
    pf = pd.read_csv(DATA / "printed_figure.csv", dtype={"figure": str})
    values = dict(zip(pf["figure"], pf["value"], strict=True))

    def get(figure: str) -> float:
        assert figure in values, f"printed_figure.csv has no {figure}"
        return values[figure]

    return get


def test_sumber_and_years():
    expected = {
        "kejuruan": ("Tabel 3.5", {2024}),
        "training_uptp": ("Tabel 3.6", {2024}),
        "blk_komunitas_uptp": ("Tabel 3.7", {2024}),
        "blk_komunitas_trend": ("Tabel 3.8", {2022, 2023, 2024}),
        "blk_komunitas_criteria": ("Tabel 3.9", {2024}),
        "placement_domestic": ("Tabel 3.10", {2024}),
        "pmi_country": ("Tabel 3.11", {2024}),
        "wlkp_company": ("Tabel 3.12", {2022, 2023, 2024}),
        "phi_focus": ("Tabel 3.13", {2022, 2023, 2024}),
        "jamsos_participation": ("Tabel 3.14", {2024}),
        "labour_force_bps": ("Tabel 3.15", {2021, 2022, 2023, 2024}),
    }
    for name, (sumber, years) in expected.items():
        df = read(name)
        assert set(df["sumber"]) == {sumber}, name
        assert set(df["year"]) == years, name


# --- Tabel 3.5 ---------------------------------------------------------------------------------


def test_kejuruan(fig):
    df = read("kejuruan")
    assert list(df["urutan"]) == list(range(1, 29))
    assert len(df) == fig("B3.2.1.kejuruan.jumlah") == 28
    by_no = dict(zip(df["urutan"], df["kejuruan"], strict=True))
    # Both side-by-side blocks unfolded: 14 ends the left block, 15 starts the right one.
    assert by_no[14] == "Otomotif"
    assert by_no[15] == "Pariwisata"
    assert by_no[28] == "Teknologi Pengolahan Argoindustri"


# --- Tabel 3.6 ---------------------------------------------------------------------------------


def test_training_uptp_totals(fig):
    df = read("training_uptp")
    assert len(df) == fig("B3.2.1.uptp.jumlah") == 21
    assert df["uptp"].is_unique
    assert df["target"].sum() == fig("T3.6.total.target") == 128_384
    assert df["realisasi"].sum() == fig("T3.6.total.realisasi") == 127_781
    assert round(df["realisasi"].sum() / df["target"].sum() * 100, 2) == fig("T3.6.total.capaian_pct") == 99.53


def test_training_uptp_rows():
    df = read("training_uptp")
    # Every printed capaian is realisasi / target rounded to 2 decimals.
    recomputed = (df["realisasi"] / df["target"] * 100).round(2)
    assert (recomputed - df["capaian_pct"]).abs().max() < 0.005
    row = df.set_index("uptp").loc["BBPVP Semarang"]
    assert (row["urutan"], row["target"], row["realisasi"], row["capaian_pct"]) == (5, 14_832, 14_880, 100.32)
    assert df.set_index("uptp").loc["BPVP Belitung", "urutan"] == 21


# --- Tabel 3.7 / 3.8 ---------------------------------------------------------------------------


def test_blk_komunitas_uptp_totals(fig):
    df = read("blk_komunitas_uptp")
    assert len(df) == 21
    assert df["jumlah_blkk"].sum() == fig("T3.7.total.jumlah_blkk") == fig("B3.2.1.blkk.jumlah") == 4_652
    assert df["mandiri"].sum() == fig("T3.7.total.mandiri") == 652
    assert df["pembangunan_baru"].sum() == fig("T3.7.total.pembangunan_baru") == 370
    # The report's own JUMLAH row disagrees with its detail rows for two columns:
    # BERKEMBANG printed 1.293, rows give 1.292; TUMBUH printed 2.337, rows give 2.317.
    assert df["berkembang"].sum() == fig("T3.7.total.berkembang") - 1 == 1_292
    assert df["tumbuh"].sum() == fig("T3.7.total.tumbuh") - 20 == 2_317


def test_blk_komunitas_uptp_rows():
    df = read("blk_komunitas_uptp").set_index("uptp")
    parts = df["mandiri"] + df["berkembang"] + df["tumbuh"] + df["pembangunan_baru"]
    # The printed JUMLAH column is mandiri + berkembang + tumbuh + pembangunan baru, except on
    # three rows where the report prints another figure (kept as printed).
    off = (df["jumlah_blkk"] - parts)[parts != df["jumlah_blkk"]].to_dict()
    assert off == {"BBPVP SEMARANG": 732 - 614, "BBPVP MAKASSAR": 154 - 252, "BPVP SAMARINDA": 56 - 55}
    medan = df.loc["BBPVP MEDAN"]
    assert list(medan[["mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk"]]) == [1, 76, 110, 13, 200]


def test_blk_komunitas_trend(fig):
    df = read("blk_komunitas_trend").set_index("year")
    classified = df["mandiri"] + df["berkembang"] + df["tumbuh"]
    assert (classified + df["pembangunan_baru"] == df["jumlah_blkk"]).all()
    # Each year's classified BLK-K are the previous year's total.
    assert classified[2023] == df.at[2022, "jumlah_blkk"]
    assert classified[2024] == df.at[2023, "jumlah_blkk"]
    # The 2024 row repeats the JUMLAH row of Tabel 3.7 and the narrative.
    for col in ("mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk"):
        assert df.at[2024, col] == fig(f"T3.7.total.{col}"), col
    assert df.at[2023, "tumbuh"] == fig("B3.2.1.blkk.tumbuh_prev") == 1_910
    assert df.at[2023, "berkembang"] == fig("B3.2.1.blkk.berkembang_prev") == 1_403
    assert df.at[2023, "mandiri"] == fig("B3.2.1.blkk.mandiri_prev") == 444
    assert df.at[2024, "tumbuh"] - df.at[2023, "tumbuh"] == fig("B3.2.1.blkk.tumbuh_kenaikan") == 427
    assert df.at[2023, "berkembang"] - df.at[2024, "berkembang"] == fig("B3.2.1.blkk.berkembang_penurunan") == 110
    assert df.at[2024, "mandiri"] - df.at[2023, "mandiri"] == fig("B3.2.1.blkk.mandiri_kenaikan") == 208
    assert df.at[2024, "pembangunan_baru"] == fig("B3.2.1.blkk.pembangunan")
    assert list(df.loc[2022, ["mandiri", "berkembang", "tumbuh", "pembangunan_baru"]]) == [283, 876, 1_752, 846]


def test_blk_komunitas_criteria():
    df = read("blk_komunitas_criteria")
    assert df.groupby("tipe").size().to_dict() == {"Mandiri": 4, "Berkembang": 3, "Tumbuh": 2}
    assert df.set_index(["tipe", "urutan"]).at[("Mandiri", 4), "kriteria"].startswith("Mampu menciptakan usaha")


# --- Tabel 3.10 --------------------------------------------------------------------------------


def test_placement_domestic_totals(fig):
    df = read("placement_domestic")
    assert list(df["nomor"]) == ["1", "2.a", "2.b", "2.c", "2.d", "2.e"]
    pkk = df[df["nomor"].str.startswith("2.")]
    assert pkk["target"].sum() == fig("T3.10.2.target") == 85_724
    assert pkk["realisasi"].sum() == fig("T3.10.2.realisasi") == 84_622
    assert df["target"].sum() == fig("T3.10.total.target") == 135_724
    assert df["realisasi"].sum() == fig("T3.10.total.realisasi") == fig("B3.2.1.placement_domestic.realisasi")
    assert round(df["realisasi"].sum() / df["target"].sum() * 100) == fig("T3.10.total.capaian_pct") == 201
    assert round(pkk["realisasi"].sum() / pkk["target"].sum() * 100) == fig("T3.10.2.capaian_pct") == 99
    # Narrative: +15 % on 2023's 236.843 (272.285 / 236.843 = +14,96 %).
    growth = fig("B3.2.1.placement_domestic.realisasi") / fig("B3.2.1.placement_domestic.realisasi_prev") - 1
    assert round(growth * 100) == fig("B3.2.1.placement_domestic.kenaikan_pct") == 15


def test_placement_domestic_rows():
    df = read("placement_domestic").set_index("nomor")
    # Printed capaian are whole percents: realisasi / target rounded.
    assert ((df["realisasi"] / df["target"] * 100).round() == df["capaian_pct"]).all()
    row = df.loc["1"]
    assert (row["target"], row["realisasi"], row["capaian_pct"]) == (50_000, 187_663, 375)
    tkm = df.loc["2.b"]
    assert (tkm["intervensi"], tkm["target"], tkm["realisasi"]) == ("Tenaga Kerja Mandiri Pemula", 44_000, 43_053)
    assert set(df.loc[["2.a", "2.e"], "pelaksana"]) == {"Direktorat Perluasan Kesempatan Kerja"}


# --- Tabel 3.11 --------------------------------------------------------------------------------


def test_pmi_country():
    df = read("pmi_country")
    assert list(df["urutan"]) == list(range(1, 11))
    # A top-10 list: printed in descending order, no total printed.
    assert df["penempatan_pmi"].is_monotonic_decreasing
    assert df["penempatan_pmi"].sum() == 287_473
    by = dict(zip(df["negara"], df["penempatan_pmi"], strict=True))
    assert by["Hongkong"] == 99_773
    assert by["Korea Selatan"] == 10_750  # first row of the second block
    assert by["Turki"] == 2_630


# --- Tabel 3.12 --------------------------------------------------------------------------------


def test_wlkp_company(fig):
    df = read("wlkp_company")
    for year, total in {2022: 708_616, 2023: 812_009, 2024: 2_429_576}.items():
        suffix = {2024: "", 2023: ".prev", 2022: ".prev2"}[year]  # printed in the LKj 2024 (year-free ids)
        assert df[df["year"] == year]["jumlah_perusahaan"].sum() == fig(f"T3.12.total{suffix}") == total
    assert fig("B3.2.1.wlkp.total") == fig("T3.12.total")
    assert fig("T3.12.total") - fig("T3.12.total.prev") == fig("B3.2.1.wlkp.penambahan") == 1_617_567
    row = df[(df["year"] == 2024) & (df["skala"] == "Kecil")]
    assert row["jumlah_perusahaan"].item() == 415_063


# --- Tabel 3.13 --------------------------------------------------------------------------------


def test_phi_focus():
    df = read("phi_focus")
    assert len(df) == 12
    wide = df.pivot(index="fokus_pembinaan", columns="year", values="jumlah_perusahaan")
    assert list(wide.loc["KEPESERTAAN JAMSOS TK"]) == [76_461, 85_070, 94_227]
    assert list(wide.loc["PEMBENTUKAN LKS BIPARTIT"]) == [10_358, 12_999, 16_901]
    # No total printed; the 2024 column sums to 241.587.
    assert wide[2024].sum() == 241_587


# --- Tabel 3.14 --------------------------------------------------------------------------------


def test_jamsos_participation(fig):
    df = read("jamsos_participation").set_index("kategori_peserta")
    assert df["aktif"].sum() == fig("T3.14.total.aktif") == 45_224_676
    assert df["non_aktif"].sum() == fig("T3.14.total.non_aktif") == 19_999_994
    assert fig("T3.14.total.aktif") + fig("T3.14.total.non_aktif") == fig("T3.14.total.aktif_non_aktif") == 65_224_670
    # Every active participant is in JKK and JKM.
    assert (df["jkk"] == df["aktif"]).all() and (df["jkm"] == df["aktif"]).all()
    pu = df.loc["Penerima Upah (PU)"]
    assert (pu["aktif"], pu["jht"], pu["jp"]) == (29_308_491, 18_425_867, 14_959_033)
    # '-' cells are empty.
    assert df.loc["Jasa Konstruksi", ["non_aktif", "jht", "jp"]].isna().all()
    assert pd.isna(df.loc["Bukan Penerima Upah (BPU)", "jp"])


# --- Tabel 3.15 --------------------------------------------------------------------------------


def test_labour_force_identities():
    df = read("labour_force_bps")
    wide = df.pivot(index="year", columns="kode", values="nilai")
    assert list(wide.index) == [2021, 2022, 2023, 2024]
    assert ((wide["bekerja"] + wide["pengangguran"] - wide["angkatan_kerja"]).abs() < 0.005).all()
    assert ((wide["angkatan_kerja"] + wide["bukan_angkatan_kerja"] - wide["puk"]).abs() < 0.005).all()
    assert ((wide["angkatan_kerja"] / wide["puk"] * 100 - wide["tpak"]).abs() < 0.01).all()
    assert wide.at[2024, "bekerja"] == 144.64
    assert wide.at[2021, "tpak_perempuan"] == 53.34
    assert set(df[df["kode"].str.startswith("tpak")]["satuan"]) == {"persen"}


def test_labour_force_changes(fig):
    wide = read("labour_force_bps").pivot(index="year", columns="kode", values="nilai")
    for kode in wide.columns:
        assert round(wide.at[2024, kode] - wide.at[2023, kode], 2) == fig(f"T3.15.{kode}.perubahan"), kode
    pct = {
        k: round((wide.at[2024, k] / wide.at[2023, k] - 1) * 100, 2)
        for k in ("puk", "angkatan_kerja", "bekerja", "pengangguran", "bukan_angkatan_kerja")
    }
    printed = {k: fig(f"T3.15.{k}.perubahan_pct") for k in pct}
    # From the rounded millions two printed percentages are 0,01 off (BPS computed them from
    # unrounded data): bekerja 4,79/139,85 = 3,43 % (printed 3,42), bukan angkatan kerja
    # -1,62/64,88 = -2,50 % (printed -2,49).
    assert {k: (printed[k], pct[k]) for k in pct if printed[k] != pct[k]} == {
        "bekerja": (3.42, 3.43),
        "bukan_angkatan_kerja": (-2.49, -2.5),
    }
    # The narrative below the table repeats the table.
    assert fig("B3.2.1.bps.bekerja") == wide.at[2024, "bekerja"]
    assert fig("B3.2.1.bps.bekerja_perubahan") == fig("T3.15.bekerja.perubahan")
    assert fig("B3.2.1.bps.bekerja_perubahan_pct") == fig("T3.15.bekerja.perubahan_pct")
    assert fig("B3.2.1.bps.pengangguran") == wide.at[2024, "pengangguran"]
    assert fig("B3.2.1.bps.pengangguran_penurunan") == -fig("T3.15.pengangguran.perubahan")
    assert fig("B3.2.1.bps.pengangguran_penurunan_pct") == -fig("T3.15.pengangguran.perubahan_pct")
