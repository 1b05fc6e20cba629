"""views.kualitas called directly: the 2024 check report, and tiny hand-made reports."""

from __future__ import annotations

import pytest

import views.kualitas as view
from kpi.checks import RULES, CheckReport, Finding, run_checks, summary


@pytest.fixture(scope="module")
def report2024(frames):
    return run_checks(frames, 2024)


@pytest.fixture(scope="module")
def p2024(report2024):
    return view.page(report2024, 2024, "id")


def _tile(page, key):
    [hit] = [t for t in page.tiles if t.key == key]
    return hit


def test_counts_2024(p2024, report2024):
    ran = int(summary(report2024, RULES)["rules"]["ran"].sum())
    assert ran > 7000 and len(report2024) > 40
    assert p2024.title == "Kualitas Data 2024" and p2024.n_failed == len(report2024)
    assert _tile(p2024, "tile_ran").value == f"{ran:,}".replace(",", ".")
    assert _tile(p2024, "tile_passed").value == f"{ran - len(report2024):,}".replace(",", ".")
    for sev in ("error", "warning", "info"):
        assert _tile(p2024, f"tile_{sev}").value == str(sum(f.severity == sev for f in report2024))
    assert _tile(p2024, "tile_error").label == "⛔ Galat"
    share = (ran - len(report2024)) / ran * 100
    assert _tile(p2024, "tile_passed").help == f"{share:.2f}".replace(".", ",") + " % dari semua perbandingan cocok"


def test_findings_table_2024(p2024, report2024):
    table = p2024.findings.table
    assert len(table) == len(report2024) and table.name == "kualitas_data_2024"
    text = "\n".join(table.display["Keterangan"])
    assert "709.436" in text and "709.432" in text  # PyB penta: variable list vs worked formula
    assert "4,17 %" in text and "4,01 %" in text  # narrative vs Tabel 3.2
    assert "Rp 401.817.163.278" in text and "Rp 370.295.018.672" in text  # Setjen, Lampiran 6
    penta = table.display[table.display["Baris"] == "pyb_penta"].iloc[0]
    assert (penta["Tercetak"], penta["Dihitung ulang"], penta["Selisih"]) == ("709.436", "709.432", "4")
    raw = table.raw[table.raw["Baris"] == "pyb_penta"].iloc[0]
    assert (raw["Tercetak"], raw["Dihitung ulang"]) == (709436, 709432)  # numbers in the download
    assert set(table.display["Halaman"]) <= {"/ringkasan", "/ss1", "/ss2", "/anggaran", "/pn", "/output"}
    assert table.right == ("Tercetak", "Dihitung ulang", "Selisih")
    assert p2024.findings.table_options[0].startswith("Tabel")  # report order: Tabel before Lampiran
    assert p2024.rules.display.columns[0] == "Aturan" and len(p2024.rules) == len(RULES)


def test_filters_2024(p2024, report2024):
    errors = view.visible(p2024, ["error"], [], [], "id")
    n = sum(f.severity == "error" for f in report2024)
    assert len(errors.table) == n and errors.caption == f"{n} dari {len(report2024)} temuan ditampilkan."
    t37 = view.visible(p2024, [], ["Tabel 3.7"], [], "id")
    assert len(t37.table) == sum("Tabel 3.7" in f.tables for f in report2024)
    assert [label for _, label in t37.pages] == [f"SS-1 Produktivitas ({len(t37.table)})"]
    same = view.visible(p2024, ["error"], [], ["same"], "id")
    assert 0 < len(same.table) < n
    everything = view.visible(p2024, [], [], [], "id")
    assert everything.table is p2024.findings.table


def test_chart_2024(p2024):
    chart = p2024.chart
    assert chart.title == "Temuan per tabel LKj"
    assert chart.severity_labels == {"error": "⛔ Galat", "warning": "⚠️ Peringatan", "info": "ℹ️ Info"}
    assert "Lampiran 6" in chart.sources and "Tabel 2.3" not in chart.sources  # only tables with a finding


def _finding(rule_id="total.T3.7", severity="error", page="ss1", message="Tabel 3.7: *total* [x](y) salah"):
    return Finding(rule_id, severity, ("Tabel 3.7",), ("kejuruan",), "r1", 10.0, 9.5, 0.5, message, message, page, 2030)


def test_tiny_report_with_figures_not_yet_printed():
    report = CheckReport([_finding(), _finding(severity="info", page="anggaran")])
    report.ran.update({"total.T3.7": 4})
    report.not_printed = [("pct.ss", "RE.ss1_capaian"), ("same.ikss", "RE.ss1_capaian"), ("pct.T3.3", "T3.3.x")]
    p = view.page(report, 2030, "en")
    assert p.not_printed.startswith("2 report figures not yet printed") and "2030" in p.not_printed
    assert p.not_printed_table.display.to_dict("list") == {
        "Report figure": ["RE.ss1_capaian", "T3.3.x"],
        "Rule": ["pct.ss, same.ikss", "pct.T3.3"],
    }
    assert _tile(p, "tile_ran").value == "4" and _tile(p, "tile_passed").value == "2"
    assert _tile(p, "tile_error").value == "1" and _tile(p, "tile_info").value == "1"
    # the finding's sentence as written (the page shows it as text, not markdown)
    row = p.findings.table.display.iloc[0]
    assert row["Explanation"] == "Tabel 3.7: *total* [x](y) salah"
    assert (row["Printed"], row["Recomputed"], row["Difference"]) == ("10", "9.50", "0.50")
    pages = view.visible(p, [], [], [], "en").pages
    assert pages == (("app_pages/ss1.py", "SS-1 Productivity (1)"), ("app_pages/anggaran.py", "Budget (1)"))


def test_tiny_reports_without_findings_or_the_not_printed_list():
    clean = CheckReport([])
    p = view.page(clean, 2031, "id")
    assert p.n_failed == 0 and p.not_printed is None and p.not_printed_table is None
    assert _tile(p, "tile_passed").help == "– dari semua perbandingan cocok"  # nothing ran
    assert p.findings.table_options == () and len(p.findings.table) == 0
    # a plain list (a report from before kpi.checks knew "not yet printed") works too
    legacy = view.page([_finding()], 2031, "id")
    assert legacy.not_printed is None and legacy.n_failed == 1
