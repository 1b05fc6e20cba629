"""Ringkasan Eksekutif page: the headline figures of the LKj 2024, in both languages."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi.format import fmt_number, fmt_pct
from kpi.headline import headline
from tests.conftest import open_sections, sections, static_charts, vega_charts
from views.theme import PRIMARY

PAGE = "app_pages/ringkasan.py"
SECTIONS = {
    "ringkasan_ss",
    "ringkasan_budget",
    "ringkasan_eff",
    "ringkasan_trend",
    "ringkasan_table",
    "ringkasan_links",
}
"""The page's on-demand sections (``ui.widgets.section``), below the first screen."""
MARKER = "ringkasan_findings"
"""The findings marker under the title: on demand too (``ui.widgets.page_findings``)."""


def _texts(at) -> str:
    """Every text the page shows: metric labels and values, deltas, markdown, captions, info boxes."""
    parts = []
    for m in at.metric:
        parts += [m.label, m.value, str(m.delta or "")]
    parts += [md.value for md in at.markdown]
    parts += [c.value for c in at.caption]
    parts += [e.value for e in at.info]
    parts += [h.value for h in at.title] + [h.value for h in at.subheader]
    return "\n".join(parts).replace("\u00a0", " ")


def _metric(at, label_start: str):
    hits = [m for m in at.metric if m.label.removeprefix("⚠️ ").startswith(label_start)]
    assert hits, f"no metric labelled {label_start!r}: {[m.label for m in at.metric]}"
    return hits[0]


def _values(at, label_start: str) -> list[str]:
    """The values of the metrics whose label starts so (none while their section is closed)."""
    return [m.value for m in at.metric if m.label.removeprefix("⚠️ ").startswith(label_start)]


@pytest.fixture(scope="module")
def expected(frames):
    """The headline figures of 2024 straight from kpi, for comparison with what the page shows."""
    return headline(frames, 2024)


def _default_page():
    """The app as a new visitor opens it: ``/``, the summary, nothing opened."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def first_screen(app_db):
    """The summary with every section closed: what a new visitor's browser draws."""
    return _default_page()


@pytest.fixture(scope="module")
def page_id(app_db):
    """The summary with every section opened: the whole page."""
    return open_sections(_default_page())


def test_first_screen_tiles_and_one_chart_the_rest_closed(first_screen, expected):
    """Issue 15: title, findings marker, report downloads, the IKSS tiles and one chart; no table, no combo box."""
    at = first_screen
    text = _texts(at)
    assert "Ringkasan Eksekutif 2024" in text
    assert f"Rata-rata capaian sasaran strategis **{fmt_pct(expected['overall_capaian_pct'], 2, 'id')}**" in text
    assert "67,32 %" in text
    # the four IKSS tiles with the report's figures (Tabel 3.2)
    assert [m.value for m in at.metric] == ["4,01 %", "78,73", "WTP", "3,42"]
    assert "+0,29 poin vs 2023" in [str(m.delta) for m in at.metric]
    tiles = [md.value.replace("\u00a0", " ") for md in at.markdown]
    produktivitas = next(v for v in tiles if "40,71 %" in v and "Target" in v)
    assert "9,85 %" in produktivitas and "⛔ Belum tercapai" in produktivitas
    # exactly one chart: the productivity contribution per year against its target, drawn on the server
    assert not vega_charts(at)  # the browser need not load Vega for the first screen
    [main] = static_charts(at)
    assert "Kontribusi produktivitas" in main
    assert sorted(x for x in main if x.endswith(" %") and not x.startswith("Target")) == ["2,70 %", "3,72 %", "4,01 %"]
    assert "Target 2024: 9,85 %" in main
    assert any("Tabel 3.2" in c.value for c in at.caption)
    # nothing that loads new element code on a first load
    assert not at.dataframe and not at.selectbox and not at.multiselect and not at.number_input
    assert not at.get("arrow_data_frame") and not at.get("plotly_chart")
    assert {b.key for b in at.get("download_button")} == {"report_pdf", "report_xlsx", "report_docx"}
    assert not at.get("page_link")  # the detail pages' links are in a section, Kualitas Data's in the marker
    # every section drawn, closed, and its content not run
    assert sections(at) == dict.fromkeys(SECTIONS | {MARKER}, False)
    assert not any(m.label.startswith(("SS-1", "Pagu", "Efficiency")) for m in at.metric)


@pytest.mark.parametrize(
    ("key", "shows"),
    [
        ("ringkasan_ss", lambda at: _values(at, "SS-2") == ["93,94 %"]),
        ("ringkasan_budget", lambda at: _values(at, "Pagu") == ["Rp 6,14 T"]),
        ("ringkasan_eff", lambda at: _values(at, "Efficiency rate SS-1") == ["0,46"]),
        ("ringkasan_trend", lambda at: len(vega_charts(at)) == 4),  # the first IKSS is the first screen's picture
        ("ringkasan_table", lambda at: len(at.dataframe) == 1),
        ("ringkasan_links", lambda at: len(at.get("page_link")) == 6),
    ],
)
def test_opening_a_section_shows_its_content(run_page, key, shows):
    at = run_page(PAGE)
    assert not shows(at)
    open_sections(at, key)
    assert shows(at)
    assert sections(at) == {k: k == key for k in SECTIONS | {MARKER}}  # only that one opened


def test_a_copied_link_reopens_its_section(run_page):
    """The open state is in the URL (``?ringkasan_table=true``): a copied link shows the table at once."""
    at = run_page(PAGE, ringkasan_table="true")
    assert sections(at)["ringkasan_table"] is True
    assert list(at.dataframe[0].value.columns[:2]) == ["SS", "IKSS"]


def test_indonesian_headline_figures(page_id, expected):
    text = _texts(page_id)
    for figure in ("40,71 %", "67,32 %", "89,52 %", "96,61 %", "Rp 6,14 T", "WTP", "3,42", "78,73", "4,01 %"):
        assert figure in text, figure
    assert "Ringkasan Eksekutif 2024" in text
    assert "Rata-rata capaian sasaran strategis" in text
    # Shown values are the kpi values, formatted: not typed into the page.
    assert _metric(page_id, "SS-2").value == fmt_pct(expected["ss2_capaian_pct"], 2, "id") == "93,94 %"
    assert _metric(page_id, "Rata-rata").value == fmt_pct(expected["overall_capaian_pct"], 2, "id")
    assert _metric(page_id, "Efficiency rate SS-1").value == fmt_number(expected["efficiency_rate_ss1"], 2, "id")
    assert _metric(page_id, "Efficiency rate SS-1").value == "0,46"
    assert _metric(page_id, "Efficiency rate total").value == fmt_number(expected["efficiency_rate_total"], 2, "id")
    assert _metric(page_id, "Pagu").value == "Rp 6,14 T"
    assert "Rp 6.144.346.237.000" in _metric(page_id, "Pagu").help


def test_ikss_tiles_status_and_change(page_id):
    text = _texts(page_id)
    deltas = [str(m.delta) for m in page_id.metric if m.delta]
    assert "+0,29 poin vs 2023" in deltas  # produktivitas 3,72 → 4,01
    assert "+2,63 poin vs 2023" in deltas  # indeks RB 76,10 → 78,73
    assert any("WTP" in d and "2023" in d for d in deltas)
    # Produktivitas (40,71 %) is below 80 %: the red status, in words.
    tiles = [md.value.replace("\u00a0", " ") for md in page_id.markdown]
    produktivitas = next(v for v in tiles if "40,71 %" in v and "Target" in v)
    assert "9,85 %" in produktivitas
    assert "⛔ Belum tercapai" in text
    assert "✅ Tercapai" in text and "⚠️ Hampir tercapai" in text


def test_ss2_printed_figure_warning(page_id):
    ss2 = _metric(page_id, "SS-2")
    assert "⚠️" in ss2.label
    assert "93,93 %" in ss2.help and "dipotong" in ss2.help
    assert any("93,93 %" in c.value for c in page_id.caption)
    # SS-1 and the overall mean agree with the printed figures: no warning there.
    assert "⚠️" not in _metric(page_id, "SS-1").label
    assert "⚠️" not in _metric(page_id, "Rata-rata").label


def test_charts_table_and_links(page_id):
    table = page_id.dataframe[0].value
    assert list(table.columns[:2]) == ["SS", "IKSS"]
    assert list(table.columns).index("Status") == list(table.columns).index("Capaian 2024") + 1
    assert "Realisasi 2022" in table.columns and "Capaian 2024" in table.columns
    produktivitas = table[table["IKSS"] == "Kontribusi produktivitas"].iloc[0]
    assert produktivitas["Capaian 2024"] == "40,71 %"
    assert produktivitas["Status"] == "⛔ Belum tercapai"
    assert produktivitas["Realisasi 2022"] == "2,70 %"
    assert any("Tabel 3.2" in c.value for c in page_id.caption)
    assert any("Tabel 3.21" in c.value for c in page_id.caption)
    # The 2022 ceiling (Rp 13,12 T) is explained by its largest unit.
    assert any("13,12 T" in c.value and "Ditjen PHI" in c.value for c in page_id.caption)
    links = page_id.get("page_link")
    assert len(links) == 6 + 1  # the detail pages, and Kualitas Data from the findings marker
    from ui.data import check_report

    n = sum(1 for f in check_report(2024) if f.page == "ringkasan" and f.severity in ("error", "warning"))
    assert n > 0 and any(f"{n} angka di halaman ini" in e.label for e in page_id.expander)
    keys = {b.key for b in page_id.get("download_button")}
    assert keys == {
        "ringkasan_ikss_csv",
        "ringkasan_ikss_xlsx",
        "report_pdf",
        "report_xlsx",
        "report_docx",
    }  # table + report


def _main_svg(at) -> str:
    """The first screen's chart as drawn on the server: the SVG itself."""
    import base64

    [svg] = [
        base64.b64decode(img.url.partition(",")[2]).decode()
        for image in at.get("image")
        for img in image.proto.imgs
        if img.url.startswith("data:image/svg+xml;base64,")
    ]
    return svg


def _chart_frames(at) -> dict[str | None, dict[str, pd.DataFrame]]:
    """Each Vega-Lite chart's datasets by the chart's title: ``points`` (one row per year) and ``target``."""
    out = {}
    for spec, datasets in vega_charts(at):
        title = spec.get("title", {}).get("text")
        frames = {}
        for frame in datasets.values():
            frames["target" if "target" in frame.columns else "points"] = frame
        out[title] = frames
    return out


def test_trend_charts_show_realisasi_targets_and_budget(page_id):
    """Four small IKSS trends and the ceiling per year, with the report's figures and Indonesian numbers.

    The first IKSS is the first screen's chart, drawn on the server; the other trends and the ceiling are Vega-Lite.
    """
    specs = [spec for spec, _ in vega_charts(page_id)]
    assert len(specs) == 4 and not page_id.get("plotly_chart")
    assert all(spec["config"]["locale"]["number"]["decimal"] == "," for spec in specs)
    [prod] = static_charts(page_id)
    assert "Kontribusi produktivitas" in prod
    assert [x for x in prod if x.startswith("202")] == ["2022", "2023", "2024"]
    assert sorted(x for x in prod if x.endswith(" %") and not x.startswith("Target")) == ["2,70 %", "3,72 %", "4,01 %"]
    assert "Target 2024: 9,85 %" in prod
    svg = _main_svg(page_id)
    # the report year stands out: one point in the darker colour, its value alone in bold
    assert svg.count(f'fill="{PRIMARY}"') == 1
    assert 'font-weight="bold" fill="#1f2328">4,01 %<' in svg
    assert 'font-weight="bold" fill="#1f2328">2,70 %<' not in svg and ">2,70 %<" in svg
    charts = _chart_frames(page_id)
    assert "Kontribusi produktivitas" not in charts  # not drawn twice
    rb = charts["Indeks Reformasi Birokrasi"]
    assert rb["points"]["label"].tolist() == ["75,85", "76,10", "78,73"]
    assert rb["target"]["label"].tolist() == ["Target 2024: 81,75"]
    opini = charts["Opini BPK"]
    assert opini["points"]["label"].tolist() == ["WDP", "WTP", "WTP"]
    assert opini["target"]["label"].tolist() == ["Target 2024: WTP"]
    assert charts["Indeks SPBE"]["points"]["label"].tolist()[-1] == "3,42"
    budget = charts[None]["points"].set_index("tahun")
    assert budget.loc["2024", "label"] == "Rp 6,14 T"
    assert budget.loc["2024", "lengkap"] == "Rp 6.144.346.237.000"
    assert budget.loc["2022", "label"] == "Rp 13,12 T" and "Ditjen PHI" in budget.loc["2022", "catatan"]
    assert budget.loc["2024", "warna"] == PRIMARY and budget.loc["2023", "warna"] != PRIMARY


def test_english_labels_and_number_format(run_page):
    at = open_sections(run_page(PAGE, lang="en"))
    text = _texts(at)
    assert "Executive Summary 2024" in text
    for figure in ("40.71%", "67.32%", "89.52%", "Rp 6.14 tn", "3.42", "WTP"):
        assert figure in text, figure
    assert "40,71 %" not in text
    assert "Rata-rata capaian sasaran strategis" not in text
    assert "⛔ Not achieved" in text
    assert any(str(m.delta) == "+0.29 pts vs 2023" for m in at.metric)
    assert _metric(at, "Efficiency rate SS-1").value == "0.46"
    table = at.dataframe[0].value
    assert "Achievement 2024" in table.columns and "Capaian 2024" not in table.columns
    charts = _chart_frames(at)
    [prod] = static_charts(at)
    assert "Productivity contribution" in prod
    assert sorted(x for x in prod if x.endswith("%") and not x.startswith("Target")) == ["2.70%", "3.72%", "4.01%"]
    assert "Target 2024: 9.85%" in prod
    assert charts[None]["points"]["label"].tolist()[-1] == "Rp 6.14 tn"
    assert all(spec["config"]["locale"]["number"]["decimal"] == "." for spec, _ in vega_charts(at))


def test_year_not_loaded_shows_the_newest(run_page):
    """app.py settles the year: one not loaded opens the newest loaded year (the page draws no selector of its own)."""
    at = run_page(PAGE, year="2019")
    assert "Ringkasan Eksekutif 2024" in _texts(at)
    assert "40,71 %" in _texts(at)
    assert at.query_params["year"] == ["2024"] or at.query_params["year"] == "2024"
    assert at.segmented_control(key="year_choice").value == 2024  # the sidebar's year
    assert not at.selectbox  # and no selector of its own


def test_garbage_year_param_shows_the_newest(run_page):
    at = run_page(PAGE, year="<b>x</b>")
    assert "<b>" not in _texts(at)
    assert "67,32 %" in _texts(at)


def test_chosen_year(run_page):
    at = open_sections(run_page(PAGE, year="2024", lang="en"), "ringkasan_ss")
    assert "Executive Summary 2024" in _texts(at)
    assert _metric(at, "SS-1").value == "40.71%"


def test_ringkasan_url_is_a_hidden_alias_of_the_summary(app_db, monkeypatch):
    """``/ringkasan`` opens the summary: app.py registers a hidden page at that url_path that switches to it.

    The pages app.py gives ``st.navigation`` are recorded (AppTest runs app.py in this process),
    then AppTest opens the alias by its page hash, as a browser opening ``/ringkasan`` would.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    seen: list = []
    real = st.navigation

    def recording(pages, **kwargs):
        seen.append(pages)
        return real(pages, **kwargs)

    monkeypatch.setattr(st, "navigation", recording)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    pages = [p for group in seen[-1].values() for p in group]
    [alias] = [p for p in pages if p.url_path == "ringkasan"]
    assert alias.visibility == "hidden"
    [summary] = [p for p in pages if p.url_path == ""]  # the default page, served at "/"
    assert summary.title == alias.title == "Ringkasan Eksekutif"
    # open the alias (AppTest.switch_page only takes files; the alias is a function page)
    hashes = [h for h, info in at._registered_pages.items() if info.get("url_pathname") == "ringkasan"]
    assert len(hashes) == 1
    at._page_hash = hashes[0]
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Ringkasan Eksekutif 2024" in _texts(at)
    assert "40,71 %" in _texts(at)
