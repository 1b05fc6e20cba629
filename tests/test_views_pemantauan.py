"""views.pemantauan: the page model of a quarter, from the LKj 2024 with seeded example quarters (no database)."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.format import fmt_pct
from kpi.progress import budget_progress, indicator_progress
from loaders.triwulan_demo import demo_frames
from views import pemantauan as view


@pytest.fixture(scope="module")
def loaded(frames):
    """The LKj 2024 with example quarters 1-3 of 2024 (seeded; every IKSS reported)."""
    return {**frames, **demo_frames(frames, 2024, quarters=3, seed=17)}


@pytest.fixture(scope="module")
def notes():
    return pd.DataFrame(
        {
            "id": [1, 2, 3],
            "year": [2024, 2024, 2024],
            "quarter": [1, 3, 3],
            "level": ["ikk", "ikk", "unit"],
            "code": ["2217.1", "2217.1", "SETJEN"],
            "note": ["Lama", "Akreditasi menunggu jadwal LSP", "Revisi DIPA diajukan"],
            "author": ["rina", "rina", "ani"],
            "created_at": pd.to_datetime(["2024-04-02", "2024-10-03", "2024-10-04"], utc=True),
        }
    )


@pytest.fixture(scope="module")
def model(loaded, notes):
    return view.page(loaded, notes, 2024, None, "id")


def test_a_year_without_quarters_explains_how_to_upload_one(frames):
    m = view.page(frames, None, 2024, None, "id")
    assert m.quarters == () and m.quarter is None and m.tiles == ()
    assert m.empty.title == "Belum ada laporan triwulan untuk 2024"
    assert "Unduh templat triwulan" in m.empty.steps and "Kelola Data" in m.empty.steps
    assert "python -m loaders demo-triwulan --year 2024" in m.empty.demo
    assert view.page(frames, None, 2024, None, "en").empty.title == "No quarterly report for 2024 yet"


def test_latest_quarter_by_default_and_marked_as_example(model, loaded):
    assert model.quarters == (1, 2, 3) and model.quarter == 3
    assert model.shown == "Data s.d. akhir triwulan III 2024. Triwulan termuat: Triwulan I, Triwulan II, Triwulan III."
    assert model.demo.startswith("**Data contoh, bukan data resmi.**")
    assert view.page(loaded, None, 2024, 7, "id").quarter == 3  # a quarter not loaded falls back to the newest


def test_tiles_are_the_ikss_progress_and_projection(model, loaded):
    ind = indicator_progress(loaded, 2024, 3).set_index("code")
    assert [t.key for t in model.tiles] == [f"tw_tile_{c}" for c in ("produktivitas", "indeks_rb", "opini_bpk")] + [
        "tw_tile_indeks_spbe"
    ]
    prod = model.tiles[0]
    assert prod.label == "Kontribusi terhadap Produktivitas Tenaga Kerja Nasional"
    assert prod.value == fmt_pct(ind.loc["produktivitas", "progress_pct"], 2, "id")
    assert fmt_pct(ind.loc["produktivitas", "projected_pct"], 2, "id") in prod.projection
    assert prod.status == ind.loc["produktivitas", "status"]
    assert prod.status_text.endswith(
        {"on_track": "Sesuai jalur", "at_risk": "Berisiko", "off_track": "Tertinggal"}[prod.status]
    )
    opini = model.tiles[2]  # WTP: a text target, no ratio, said so
    assert opini.value == "–" and opini.status == "unknown" and "target berupa teks" in opini.projection


def test_counts_add_up(model, loaded):
    ind = indicator_progress(loaded, 2024, 3)
    n = ind["status"].value_counts()
    assert model.counts.startswith(f"180 indikator: {n['on_track']} sesuai jalur, {n['at_risk']} berisiko")


def test_early_warning_lists_only_what_is_behind_largest_shortfall_first(model, loaded):
    raw = model.warning.raw
    ind = indicator_progress(loaded, 2024, 3)
    bud = budget_progress(loaded, 2024, 3)
    behind = ind["status"].isin(["at_risk", "off_track"]).sum() + bud["status"].isin(["at_risk", "off_track"]).sum()
    assert len(raw) == behind > 0
    shortfall = raw["Kekurangan (poin)"].astype(float)
    assert list(shortfall) == sorted(shortfall, reverse=True)
    assert set(raw["Status"]) <= {"⚠️ Berisiko", "⛔ Tertinggal"}
    # the latest follow-up of this quarter (or an earlier one, marked) is beside the indicator
    row = raw[raw["Kode"] == "2217.1"]  # off track with this seed
    assert row["Tindak lanjut terakhir"].iloc[0] == "Akreditasi menunggu jadwal LSP — rina, 2024-10-03"
    setjen = model.budget["unit"].table.raw.set_index("Kode")
    assert setjen.loc["SETJEN", "Indikator / anggaran"] == "Sekretariat Jenderal"


def test_a_note_of_an_earlier_quarter_is_marked_with_it(loaded, notes):
    m = view.page(loaded, notes, 2024, 2, "id")
    latest = m.indicators.set_index("code").loc["2217.1", "followup"]
    assert latest == "T1: Lama — rina, 2024-04-02"  # the Q3 note is not seen from Q2


def test_budget_per_program_and_unit_against_the_pace_curve(model, loaded):
    bud = budget_progress(loaded, 2024, 3)
    program, unit = model.budget["program"], model.budget["unit"]
    assert list(program.table.raw["Kode"]) == ["WA", "DN", "DL"] and len(unit.table) == 7
    wa = program.table.raw.iloc[0]
    assert wa["Penyerapan"] == pytest.approx(bud.set_index("code").loc["WA", "progress_pct"])
    assert program.table.display.iloc[0]["Pagu"] == "Rp 1.519.566.783.000"
    rows = program.chart_rows
    assert set(rows["series"]) == {"Realisasi", "Kurva laju", "Proyeksi"}
    pace = rows[(rows["code"] == "WA") & (rows["series"] == "Kurva laju")]
    assert list(pace["quarter"]) == [1, 2, 3, 4] and list(pace["value"]) == pytest.approx([25.0, 50.0, 75.0, 100.0])
    proj = rows[(rows["code"] == "WA") & (rows["series"] == "Proyeksi")]
    assert list(proj["quarter"]) == [3, 4]
    assert "garis lurus 25 % per triwulan" in program.caption  # no earlier year's quarters here


def test_drill_down_to_the_ikk_of_a_unit(model):
    assert model.drill_options[0] == ("DL|BINALAVOTAS", "DL · Ditjen Binalavotas")
    d = view.drill(model, "DL|BINALAVOTAS", "id")
    raw = d.table.raw
    assert list(raw["Tingkat"][:3]) == ["IKP"] * 3 and set(raw["Tingkat"]) == {"IKP", "IKK"}
    assert raw.iloc[3]["Kode"] == "2217.1" and raw.iloc[3]["Target tahunan"] == 160
    assert d.table.display.iloc[1]["Target tahunan"] == "13.600"  # a count without decimals
    assert d.caption.startswith("3 IKP dan 24 IKK; status:")
    assert view.drill(model, "DL|BINALAVOTAS", "en").caption.startswith("3 IKP and 24 IKK; status:")


def test_notes_table_and_form_choices(model):
    notes = model.notes.raw
    assert list(notes["Catatan"]) == ["Revisi DIPA diajukan", "Akreditasi menunggu jadwal LSP", "Lama"]  # newest first
    assert notes.iloc[0]["Indikator / anggaran"] == "Sekretariat Jenderal" and notes.iloc[0]["Oleh"] == "ani"
    values = [v for v, _ in model.note_options]
    assert len(values) == 180 + 10 and values[0].split("|")[0] in {"ikss", "ikp", "ikk", "program", "unit"}
    statuses = model.indicators.set_index(["level", "code"])["status"]
    first = tuple(values[0].split("|"))
    assert first not in statuses.index or statuses[first] == "off_track"  # the worst first


def test_english(loaded, notes):
    m = view.page(loaded, notes, 2024, 2, "en")
    assert m.title == "Quarterly Monitoring 2024" and m.quarter == 2
    assert m.shown.startswith("Figures to the end of Q2 2024")
    assert "Shortfall (points)" in m.warning.raw.columns
    assert m.tiles[0].value.endswith("%") and "," not in m.tiles[0].value
