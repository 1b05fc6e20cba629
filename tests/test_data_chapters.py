"""Chapter 2-3 tables and Lampiran 1-4/7/8: every table has rows, and each sums to the total the report prints."""

from __future__ import annotations

import pytest

from kpi import capaian, spbe
from loaders.datasets import DATASETS


def rows(frames, name, year=None):
    f = frames[name]
    return f if year is None else f[f["year"] == year]


def printed(frames, figure):
    pf = frames["printed_figure"]
    hit = pf.loc[pf["figure"] == figure, "value"]
    assert len(hit) == 1, f"printed figure {figure} missing"
    return float(hit.iloc[0])


@pytest.mark.parametrize("name", sorted(n for n, spec in DATASETS.items() if not spec.per_quarter))
def test_every_dataset_has_rows_with_a_source(frames, name):
    # the quarterly monitoring tables (triwulan_*) have no rows in data/: the LKj prints no quarters
    frame = frames[name]
    assert len(frame) >= 1
    assert frame["sumber"].notna().all() and frame["year"].notna().all()


@pytest.mark.parametrize(
    ("name", "col", "year", "figure"),
    [
        ("budget_program", "pagu_rp", 2024, "T3.20.total.pagu_rp"),
        ("budget_program", "pagu_rp", 2023, "T3.20.total.pagu_rp.prev"),
        ("budget_program", "realisasi_rp", 2024, "T3.20.total.realisasi_rp"),
        ("budget_unit", "pagu_rp", 2022, "T3.21.total.pagu_rp.prev2"),
        ("budget_unit", "pagu_rp", 2023, "T3.21.total.pagu_rp.prev"),
        ("budget_unit", "pagu_rp", 2024, "T3.21.total.pagu_rp"),
        ("budget_unit", "realisasi_rp", 2024, "T3.21.total.realisasi_rp"),
        ("budget_blokir", "blokir_rp", 2024, "T3.22.total.blokir_rp"),
        ("dekonsentrasi", "pagu_rp", 2024, "T3.23.total.pagu_rp"),
        ("dekonsentrasi", "realisasi_rp", 2024, "T3.23.total.realisasi_rp"),
        ("efficiency_ss", "pagu_rp", 2024, "T3.24.total.pagu_rp"),
        ("efficiency_ss", "realisasi_rp", 2024, "T3.24.total.realisasi_rp"),
    ],
)
def test_budget_tables_sum_to_printed_totals(frames, name, col, year, figure):
    assert rows(frames, name, year)[col].sum() == printed(frames, figure)


@pytest.mark.parametrize(
    ("name", "pagu", "real", "figure"),
    [
        ("budget_program", "pagu_rp", "realisasi_rp", "T3.20.total.penyerapan_pct"),
        ("budget_unit", "pagu_rp", "realisasi_rp", "T3.21.total.penyerapan_pct"),
        ("dekonsentrasi", "pagu_rp", "realisasi_rp", "T3.23.total.capaian_pct"),
        ("efficiency_ss", "pagu_rp", "realisasi_rp", "T3.24.total.capaian_anggaran_pct"),
    ],
)
def test_printed_total_percentages(frames, name, pagu, real, figure):
    f = rows(frames, name, 2024)
    assert round(f[real].sum() / f[pagu].sum() * 100, 2) == printed(frames, figure)


@pytest.mark.parametrize("name", ["budget_program", "budget_unit", "dekonsentrasi"])
def test_row_percentages_at_printed_rounding(frames, name):
    f = rows(frames, name, 2024)
    col = "penyerapan_pct" if "penyerapan_pct" in f else "capaian_pct"
    assert ((f["realisasi_rp"] / f["pagu_rp"] * 100 - f[col]).abs() < 0.005 + 1e-9).all()


@pytest.mark.parametrize(("revisi", "lampiran"), [("januari", 1), ("juni", 2), ("oktober", 3), ("desember", 4)])
def test_pk_budget_revisions_sum_to_printed_totals(frames, revisi, lampiran):
    f = rows(frames, "pk_pagu_program", 2024)
    for sumber, figure in (
        ("Tabel 2.3", f"T2.3.total.pagu_{revisi}"),
        (f"Lampiran {lampiran}", f"L{lampiran}.jumlah.anggaran"),
    ):
        part = f[(f["revisi"] == revisi) & (f["sumber"] == sumber)]
        assert len(part) == 3, sumber
        assert part["pagu_rp"].sum() == printed(frames, figure)
    # the December revision is the budget of Tabel 3.20
    dec = f[(f["revisi"] == "desember") & (f["sumber"] == "Tabel 2.3")].set_index("program_code")["pagu_rp"]
    assert dec.to_dict() == rows(frames, "budget_program", 2024).set_index("program_code")["pagu_rp"].to_dict()


def test_pk_targets_in_every_revision(frames):
    f = rows(frames, "pk_target", 2024)
    assert sorted(f["revisi"].unique()) == ["desember", "januari", "juni", "oktober"]
    prod = f[f["ikss_code"] == "produktivitas"]["target"]
    assert (prod == 9.85).all()


def test_tabel_3_2_capaian_recomputes(frames):
    cap = rows(frames, "ikss_capaian", 2024).set_index("ikss_code")
    for code in ("produktivitas", "indeks_rb", "indeks_spbe"):
        r = cap.loc[code]
        assert round(capaian.capaian_pct(r["target"], r["realisasi"]), 2) == r["capaian_pct"], code
    assert capaian.opini_capaian_pct(cap.loc["opini_bpk", "target_text"], cap.loc["opini_bpk", "realisasi_text"]) == 100
    assert rows(frames, "ikss_capaian")["year"].nunique() == 3


def test_tabel_3_3_totals(frames):
    f = rows(frames, "pyb_program", 2024)
    assert f["realisasi"].sum() == printed(frames, "T3.3.total.realisasi")  # the overlap row is negative
    assert f["target"].sum() == printed(frames, "T3.3.total.target")
    for year, suffix in ((2022, "_prev2"), (2023, "_prev")):  # printed in the LKj 2024 (year-free ids)
        assert rows(frames, "pyb_program", year)["realisasi"].sum() == printed(frames, f"T3.3.total.realisasi{suffix}")


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_tabel_3_4_parents_sum_children_and_total(frames, year):
    f = rows(frames, "job_creation", year)
    top = f[f["parent_kode"].isna()]
    suffix = {2024: "", 2023: "_prev", 2022: "_prev2"}[year]  # the LKj 2024 prints all three
    assert top["realisasi"].sum() == printed(frames, f"T3.4.total.realisasi{suffix}")
    for parent in top.itertuples():
        kids = f[f["parent_kode"] == parent.kode]
        assert kids["realisasi"].sum() == parent.realisasi, parent.kode


@pytest.mark.parametrize(
    ("year", "figure"),
    [(2022, "T3.19.spbe.nilai_prev2"), (2023, "T3.19.spbe.nilai_prev"), (2024, "T3.19.spbe.nilai")],
)
def test_tabel_3_19_domains_give_the_printed_index(frames, year, figure):
    weights = rows(frames, "spbe_domain", 2024).set_index("code")["bobot_pct"]
    domains = rows(frames, "spbe_domain", year).set_index("code")[["nilai"]].join(weights)
    assert round(spbe.index_from_domains(domains), 2) == printed(frames, figure)


def test_lampiran_8_has_47_levels_and_averages(frames):
    ind = rows(frames, "spbe_indicator", 2024)
    assert sorted(ind["nomor"]) == list(range(1, 48))
    assert ind["tingkat"].between(1, 5).all()
    avg = rows(frames, "spbe_rata_rata", 2024)
    assert {"Nasional", "Kementerian"} <= set(avg["kelompok"])
    assert rows(frames, "spbe_aspect", 2024)["bobot_pct"].sum() == 100
    assert rows(frames, "spbe_domain", 2024)["bobot_pct"].sum() == 100


def test_rb_tables(frames):
    comp = rows(frames, "rb_component", 2024).set_index("code")
    assert comp["bobot"].sum() == printed(frames, "T3.17.total.bobot")
    assert round(comp["nilai"].sum(), 2) == printed(frames, "T3.17.total.skor_bobot")
    ind = rows(frames, "rb_indicator", 2024)
    assert len(ind) == 34
    assert round(ind[ind["component_code"] == "GENERAL"]["bobot"].sum(), 2) == comp.loc["GENERAL", "bobot"]
    hist = rows(frames, "rb_history").set_index("tahun_evaluasi")["indeks"]
    assert hist.to_dict() == {2021: 75.85, 2022: 76.1, 2023: 78.73}
