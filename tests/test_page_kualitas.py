"""Kualitas Data page: the counts and findings of kpi.checks, in both languages, with URL-backed filters."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.checks import RULES, run_checks, summary
from kpi.format import fmt_number
from tests.conftest import open_sections, sections, static_charts, vega_charts
from ui.charts.kualitas import SEVERITY_COLOR, chart

PAGE = "app_pages/kualitas.py"


@pytest.fixture(scope="module")
def expected(frames):
    report = run_checks(frames, 2024)
    return report, summary(report, RULES)


@pytest.fixture(scope="module")
def page_id(app_db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("../app.py", default_timeout=180)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return open_sections(at, "kualitas_findings")


def _metric(at, label: str):
    hits = [m for m in at.metric if label in m.label]
    assert hits, [m.label for m in at.metric]
    return hits[0]


def test_tiles_show_the_counts_of_kpi_checks(page_id, expected):
    report, counts = expected
    ran = int(counts["rules"]["ran"].sum())
    assert _metric(page_id, "Diperiksa").value == fmt_number(ran, 0, "id")
    assert _metric(page_id, "Lolos").value == fmt_number(ran - len(report), 0, "id")
    for label, sev in (("Galat", "error"), ("Peringatan", "warning"), ("Info", "info")):
        assert _metric(page_id, label).value == str(sum(f.severity == sev for f in report))


def test_first_screen_is_the_tiles_and_the_chart_the_rest_on_demand(run_page, expected):
    """A new visitor's first screen: the counts and the chart of findings per table (a picture drawn on the
    server); the list of findings with its filters and the rules open on demand."""
    report, counts = expected
    at = run_page(PAGE, year="2024", timeout=180)
    assert _metric(at, "Diperiksa").value == fmt_number(int(counts["rules"]["ran"].sum()), 0, "id")
    assert _metric(at, "Galat").value == str(sum(f.severity == "error" for f in report))
    assert not vega_charts(at) and not at.dataframe and not at.multiselect and not at.selectbox
    (picture,) = static_charts(at)
    assert "Temuan per tabel LKj" in picture and "Lampiran 6" in picture and "⛔ Galat" in picture
    assert sections(at) == {"kualitas_findings": False, "kualitas_rules": False}
    assert any(f"Daftar temuan ({len(report)})" in e.label for e in at.expander)

    open_sections(at, "kualitas_findings")
    [table] = [df.value for df in at.dataframe]  # every finding
    assert len(table) == len(report) and "Keterangan" in table.columns
    assert f"{len(report)} dari {len(report)} temuan ditampilkan." in [c.value for c in at.caption]
    assert [ms.label for ms in at.multiselect] == ["Tingkat", "Tabel LKj", "Jenis aturan"]
    open_sections(at, "kualitas_rules")
    rules = at.dataframe[1].value
    assert "Apa yang diperiksa" in rules.columns and len(rules) == len(RULES)
    assert any("jenis aturan" in md.value for md in at.markdown)


def test_a_link_with_a_filter_opens_the_filtered_list(run_page, expected):
    """A filter in the URL (a copied link) opens the list of findings, narrowed, the widget showing the filter."""
    report, _ = expected
    at = run_page(PAGE, year="2024", sev="error", timeout=180)
    errors = sum(f.severity == "error" for f in report)
    assert sections(at)["kualitas_findings"]
    assert len(at.dataframe[0].value) == errors
    assert at.multiselect(key="qp_sev").value == ["error"]


def test_a_page_findings_marker_links_to_the_open_list(run_page):
    """The ⚠️ marker of a page links to Kualitas Data with the list of findings open."""
    at = open_sections(run_page("app_pages/ss1.py", year="2024"), "ss1_findings")
    [link] = [p for p in at.get("page_link") if "kualitas" in p.proto.page]
    assert link.proto.query_string == "kualitas_findings=true"


def test_chart_counts_the_failed_checks_per_table_by_severity(page_id, expected):
    """The chart (drawn on the server from this Vega-Lite spec): per LKj table with a finding, its failures
    stacked by severity, in words."""
    import views.kualitas

    report, counts = expected
    spec = chart(views.kualitas.page(report, 2024, "id").chart, "id")
    assert not page_id.get("plotly_chart")
    assert spec["title"]["text"] == "Temuan per tabel LKj"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    [rows] = [pd.DataFrame(v) for v in spec["datasets"].values()]
    per_table = counts["tables"]
    failing = per_table[per_table[["error", "warning", "info"]].sum(axis=1) > 0]
    assert rows["jumlah"].sum() == failing[["error", "warning", "info"]].to_numpy().sum()
    # every finding counted under each of its tables, by severity: the chart agrees with kpi.checks
    for sev, label in (("error", "⛔ Galat"), ("warning", "⚠️ Peringatan"), ("info", "ℹ️ Info")):
        shown = rows[rows["tingkat"] == label].set_index("tabel")["jumlah"].to_dict()
        assert shown == {t: int(n) for t, n in zip(failing["table"], failing[sev], strict=True) if n}
    lampiran6 = rows[rows["tabel"] == "Lampiran 6"].set_index("tingkat")
    assert lampiran6.loc["⛔ Galat", "jumlah"] == sum(
        f.severity == "error" and "Lampiran 6" in f.tables for f in report
    )
    # tables top down in the report's order; severity colours with the words in the legend
    assert spec["encoding"]["y"]["sort"] == [str(t) for t in failing["table"]]
    assert spec["encoding"]["color"]["scale"]["domain"] == ["⛔ Galat", "⚠️ Peringatan", "ℹ️ Info"]
    assert spec["encoding"]["color"]["scale"]["range"] == [SEVERITY_COLOR[s] for s in ("error", "warning", "info")]


def test_findings_table_lists_every_finding_with_its_values(page_id, expected):
    report, _ = expected
    table = page_id.dataframe[0].value
    assert len(table) == len(report)
    text = "\n".join(table["Keterangan"])
    assert "709.436" in text and "709.432" in text  # PyB penta
    assert "4,17 %" in text and "4,01 %" in text  # narrative vs Tabel 3.2
    assert "81,5" in text and "81,75" in text  # RB target, Bab IV vs Tabel 3.2
    assert "Rp 401.817.163.278" in text and "Rp 370.295.018.672" in text  # Setjen Lampiran 6
    assert set(table["Halaman"]) <= {"/ringkasan", "/ss1", "/ss2", "/anggaran", "/pn", "/output"}
    assert "Tercetak" in table.columns and "Dihitung ulang" in table.columns


def test_filters_narrow_the_table_and_live_in_the_url(page_id, expected):
    report, _ = expected
    at = page_id  # the list of findings is open (fixture), its filters with it
    at.multiselect(key="qp_sev").set_value(["error"]).run()
    table = at.dataframe[0].value
    assert len(table) == sum(f.severity == "error" for f in report)
    assert at.query_params["sev"] == ["error"] or at.query_params["sev"] == "error"
    at.multiselect(key="qp_jenis").set_value(["same"]).run()
    from kpi.checks import RULE_BY_ID

    n = sum(f.severity == "error" and RULE_BY_ID[f.rule_id].kind == "same" for f in report)
    assert len(at.dataframe[0].value) == n
    at.multiselect(key="qp_sev").set_value([]).run()
    at.multiselect(key="qp_jenis").set_value([]).run()
    at.multiselect(key="qp_tabel").set_value(["Tabel 3.7"]).run()
    assert len(at.dataframe[0].value) == sum("Tabel 3.7" in f.tables for f in report)


def test_english(run_page, expected):
    report, counts = expected
    at = open_sections(run_page(PAGE, lang="en", timeout=180))
    assert _metric(at, "Checked").value == fmt_number(int(counts["rules"]["ran"].sum()), 0, "en")
    assert [s.value for s in at.subheader][:1] == ["Findings"]
    assert [e.label for e in at.expander if e.proto.query_param_key] == [
        f"List of findings ({len(report)}), with filters", "Checking rules",
    ]  # fmt: skip
    table = at.dataframe[0].value
    assert "Explanation" in table.columns and "Recomputed" in table.columns
    text = "\n".join(table["Explanation"])
    assert "709,436" in text and "variable list vs worked formula" in text
    (picture,) = static_charts(at)
    assert "Findings per LKj table" in picture
    assert {"⛔ Error", "⚠️ Warning", "ℹ️ Info"} <= set(picture)


def test_chosen_year_and_no_selector_of_its_own(run_page, expected):
    report, _ = expected
    at = open_sections(run_page(PAGE, year="2024", timeout=180))
    assert at.title[0].value == "Kualitas Data 2024"
    assert at.segmented_control(key="year_choice").value == 2024  # the sidebar's year
    assert not at.selectbox  # and no selector of its own, every section open
    assert len(at.dataframe[0].value) == len(report)


def test_figures_not_yet_printed_are_listed(run_page, monkeypatch):
    """A year whose report is not printed yet: the summary says how many figures the rules skipped, and lists them."""
    import streamlit as st

    from ui import data

    real = data.check_report

    def with_absent_figures(year):
        report = real(year)
        report.not_printed = [("pct.ss", "RE.ss1_capaian"), ("same.ikss", "RE.ss1_capaian"), ("pct.T3.3", "T3.3.x")]
        return report

    monkeypatch.setattr(data, "check_report", with_absent_figures)
    st.cache_resource.clear()  # the page's view of 2024 was built from the real report
    try:
        at = run_page(PAGE, year="2024", lang="en", timeout=180)
        [line] = [i.value for i in at.info if "not yet printed" in i.value]
        assert line.startswith("2 report figures not yet printed")
        assert any(e.label == "Figures not yet printed" for e in at.expander)
        assert not sections(at)["kualitas_not_printed"]  # the list opens on demand
        assert not [d for d in at.dataframe if "Report figure" in d.value.columns]
        open_sections(at, "kualitas_not_printed")
    finally:
        st.cache_resource.clear()
    listed = [d.value for d in at.dataframe if "Report figure" in d.value.columns]
    assert listed and listed[0]["Report figure"].tolist() == ["RE.ss1_capaian", "T3.3.x"]
