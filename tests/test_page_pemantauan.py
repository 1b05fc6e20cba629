"""The Pemantauan Triwulan page in AppTest: the empty state on the LKj 2024, then an example database
(``python -m loaders demo-triwulan``): tiles, early warning, budget, drill-down, quarter and language from
the URL, a follow-up note by a planner; and ``python -m kpi progress`` on the same database."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from kpi.format import fmt_pct
from kpi.progress import CLI_KEYS, budget_progress, indicator_progress
from loaders import audit, auth, db, notes
from tests.conftest import ROOT, open_sections, sections, static_charts, vega_charts

PAGE = "app_pages/pemantauan.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """An example database: the LKj 2024, 2025 copied from it, synthetic quarters 1-2 of 2025 (seed 17)."""
    from loaders.triwulan_demo import build_demo

    path = tmp_path_factory.mktemp("pemantauan") / "demo.sqlite"
    made = build_demo(path, 2025, quarters=2)
    auth.create_user(db.get_engine(made.url), "rina", "kata-sandi-uji-123", "perencana")
    auth.create_user(db.get_engine(made.url), "tamu", "kata-sandi-uji-123", "viewer")
    return path


@pytest.fixture(scope="module")
def content(demo):
    return db.read_all(db.get_engine(f"sqlite:///{demo}"))


def _page(monkeypatch, url: str, user: tuple[str, str] | None = None, **query: str) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    if user:
        at.session_state[auth.SESSION_KEY] = {
            "username": user[0],
            "role": user[1],
            "since": datetime.now(UTC).isoformat(),
        }
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _metric(at, label: str) -> str:
    hits = [m.value for m in at.metric if m.label.replace("\\", "") == label]
    assert hits, [m.label for m in at.metric]
    return hits[0]


def _text(at) -> str:
    parts = [el.value for kind in ("markdown", "caption", "info", "warning", "success") for el in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def test_empty_state_explains_how_to_upload_a_quarter(run_page):
    at = run_page(PAGE)
    assert at.title[0].value == "Pemantauan Triwulan 2024"
    assert "Belum ada laporan triwulan untuk 2024" in at.info[0].value
    text = _text(at)
    assert "Unduh templat triwulan" in text and "Kelola Data" in text and "demo-triwulan --year 2024" in text
    buttons = [b.proto.label for b in at.get("download_button")]
    assert buttons == ["Unduh templat triwulan I 2024"]
    assert not at.dataframe and not at.metric and not vega_charts(at) and not static_charts(at)


def test_quarter_of_the_example_database(monkeypatch, demo, content):
    at = _page(monkeypatch, f"sqlite:///{demo}", year="2025")
    assert at.title[0].value == "Pemantauan Triwulan 2025"
    assert "Data contoh, bukan data resmi" in at.warning[0].value
    ind = indicator_progress(content, 2025, 2).set_index("code")
    assert _metric(at, "Indeks Reformasi Birokrasi") == fmt_pct(ind.loc["indeks_rb", "progress_pct"], 2, "id")
    assert _metric(at, "Opini BPK") == "–"
    text = _text(at)
    assert "Data s.d. akhir triwulan II 2025" in text
    assert fmt_pct(ind.loc["indeks_rb", "projected_pct"], 2, "id") in text
    n = ind["status"].value_counts()
    assert f"180 indikator: {n['on_track']} sesuai jalur" in text
    # early warning, budget per program, the drill-down of the first program and unit
    open_sections(at)
    warning, budget, drill = (d.value for d in at.dataframe)
    bud = budget_progress(content, 2025, 2)
    behind = ind["status"].isin(["at_risk", "off_track"]).sum() + bud["status"].isin(["at_risk", "off_track"]).sum()
    assert len(warning) == behind
    assert list(budget["Kode"]) == ["WA", "DN", "DL"]
    assert drill["Kode"].iloc[0] == "DL.BINALAVOTAS.1"
    # the projection a picture (drawn on the server), the budget chart in its section interactive
    assert [texts[-1] for texts in static_charts(at)] == ["Proyeksi akhir tahun IKSS dan IKP"]
    assert [spec["title"]["text"] for spec, _ in vega_charts(at)] == [
        "Proyeksi akhir tahun IKSS dan IKP",  # the live copy of the picture, its figures in tooltips
        "Penyerapan kumulatif per triwulan",
    ]
    assert "Catatan tindak lanjut" in [e.label for e in at.expander]
    assert "Masuk di Kelola Data sebagai perencana atau admin" in _text(at)  # nobody signed in: no form


SECTIONS = [
    "pemantauan_projection",
    "pemantauan_how",
    "pemantauan_warning",
    "pemantauan_budget",
    "pemantauan_drill",
    "pemantauan_notes",
    "pemantauan_template",
]


SVG = "{http://www.w3.org/2000/svg}"


def _projection(at) -> dict[str, tuple[float, float]]:
    """The projection picture (``ui.widgets.static_chart``) read back: indicator label -> (progress, projected) in %.

    One row per indicator, in the picture's order (lowest projection on top): its y-axis label, the
    width of its bar (progress) and the position of its dot (projected), in the x axis's units.
    """
    import base64

    from defusedxml import ElementTree

    [svg] = [
        base64.b64decode(img.url.partition(",")[2])
        for image in at.get("image")
        for img in image.proto.imgs
        if img.url.startswith("data:image/svg+xml;base64,")
    ]
    root = ElementTree.fromstring(svg)

    def group(cls: str) -> list:
        return [g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith(cls)]

    def x_of(el) -> float:
        return float(el.get("transform").removeprefix("translate(").split(",")[0])

    x_axis, y_axis = group("mark-text role-axis-label")
    ticks = {t.text: x_of(t) for t in x_axis}
    per_pct = (ticks["100"] - ticks["0"]) / 100
    labels = [t.text for t in y_axis]
    [bars] = group("mark-rect role-mark")
    [dots] = group("mark-symbol role-mark")
    widths = [float(p.get("d").split("h")[1].split("v")[0]) for p in bars]  # "M0,y h<width> v<height> ..."
    assert len(labels) == len(widths) == len(dots)
    return {
        label: (width / per_pct, (x_of(dot) - ticks["0"]) / per_pct)
        for label, width, dot in zip(labels, widths, dots, strict=True)
    }


def test_first_screen_holds_the_tiles_and_the_projection_chart_only(monkeypatch, demo, content):
    """A new visitor's first screen (issue 15): tiles and one chart; lists, budget and notes on demand."""
    at = _page(monkeypatch, f"sqlite:///{demo}", year="2025")
    ind = indicator_progress(content, 2025, 2).set_index("code")
    assert _metric(at, "Indeks Reformasi Birokrasi") == fmt_pct(ind.loc["indeks_rb", "progress_pct"], 2, "id")
    assert _metric(at, "Indeks SPBE") == fmt_pct(ind.loc["indeks_spbe", "progress_pct"], 2, "id")
    # the quarter as buttons (no combo box), the latest chosen
    choice = at.button_group(key="qp_triwulan")
    assert choice.options == ["T1 · I", "T2 · II"] and choice.value == 2
    assert not at.dataframe and not at.selectbox and not at.multiselect and not at.text_area
    assert not vega_charts(at)  # the projection chart is a picture drawn on the server: no Vega for a new visitor
    [texts] = static_charts(at)
    assert texts[-1] == "Proyeksi akhir tahun IKSS dan IKP" and "% target tahunan" in texts
    rows = _projection(at)
    rb = next(label for label in rows if label.startswith("indeks_rb · "))
    progress, projected = rows[rb]
    assert projected == pytest.approx(ind.loc["indeks_rb", "projected_pct"], abs=1e-6)
    assert progress == pytest.approx(ind.loc["indeks_rb", "progress_pct"], abs=1e-6)
    assert [p for _, p in rows.values()] == sorted(p for _, p in rows.values())  # lowest projection on top
    assert sections(at) == dict.fromkeys(SECTIONS, False)
    assert "Daftar peringatan dini" in [e.label for e in at.expander]
    assert "Masuk di Kelola Data sebagai perencana" not in _text(at)  # the notes part runs only when opened


def test_opening_a_section_shows_its_content(monkeypatch, demo, content):
    at = _page(monkeypatch, f"sqlite:///{demo}", year="2025")
    open_sections(at, "pemantauan_budget")
    assert sections(at)["pemantauan_budget"] and not sections(at)["pemantauan_warning"]
    (budget,) = (d.value for d in at.dataframe)
    assert list(budget["Kode"]) == ["WA", "DN", "DL"]
    assert [texts[-1] for texts in static_charts(at)] == ["Proyeksi akhir tahun IKSS dan IKP"]
    assert [spec["title"]["text"] for spec, _ in vega_charts(at)] == ["Penyerapan kumulatif per triwulan"]
    assert at.selectbox(key="qp_anggaran").value == "program"
    # the thresholds and the template: plain text and a download once opened
    open_sections(at, "pemantauan_how", "pemantauan_template")
    assert "sesuai jalur" in _text(at)
    buttons = [b.proto.label for b in at.get("download_button")]
    assert buttons[-1] == "Unduh templat triwulan III 2025"


def test_quarter_level_and_unit_from_the_url_in_english(monkeypatch, demo, content):
    at = _page(
        monkeypatch, f"sqlite:///{demo}", year="2025", triwulan="1", anggaran="unit", unit="DN|PHIJSK", lang="en"
    )
    assert at.title[0].value == "Quarterly Monitoring 2025"
    assert "Figures to the end of Q1 2025" in _text(at)
    ind = indicator_progress(content, 2025, 1).set_index("code")
    assert _metric(at, "Indeks SPBE") == fmt_pct(ind.loc["indeks_spbe", "progress_pct"], 2, "en")
    open_sections(at, "pemantauan_warning", "pemantauan_budget", "pemantauan_drill")
    _, budget, drill = (d.value for d in at.dataframe)
    assert len(budget) == 7 and "SETJEN" in list(budget["Code"])
    assert drill["Code"].iloc[0] == "DN.PHIJSK.1" and drill["Code"].iloc[-1].startswith("6587.")
    # switching the quarter moves every figure
    at.button_group(key="qp_triwulan").set_value(2).run()
    ind2 = indicator_progress(content, 2025, 2).set_index("code")
    assert _metric(at, "Indeks SPBE") == fmt_pct(ind2.loc["indeks_spbe", "progress_pct"], 2, "en")
    assert at.query_params["triwulan"] == "2"
    assert sections(at)["pemantauan_warning"] and len(at.dataframe) == 3  # opened sections stay open


def test_a_planner_answers_a_warning_with_a_note(monkeypatch, demo, tmp_path):
    copy = tmp_path / "notes.sqlite"
    shutil.copy(demo, copy)
    url = f"sqlite:///{copy}"
    at = _page(monkeypatch, url, user=("rina", "perencana"), year="2025", pemantauan_notes="true")
    chosen = at.selectbox(key="tw_note_target").value  # the worst early warning comes first
    at.text_area(key="tw_note_text").input("Rapat koordinasi [lihat](http://x.example) minggu depan.\nDiikuti.")
    next(b for b in at.button if b.label == "Simpan catatan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Catatan tersimpan." in [s.value for s in at.success]
    saved = notes.read_notes(db.get_engine(url), 2025)
    assert list(saved["author"]) == ["rina"] and list(saved["quarter"]) == [2]
    assert saved["note"].iloc[0] == "Rapat koordinasi [lihat](http://x.example) minggu depan. Diikuti."
    assert f"{saved['level'].iloc[0]}|{saved['code'].iloc[0]}" == chosen
    assert audit.read(db.get_engine(url), action="catatan")["username"].tolist() == ["rina"]
    # shown as text in the notes table, the link not a link
    notes_table = at.dataframe[-1].value
    assert notes_table["Catatan"].iloc[0] == saved["note"].iloc[0] and notes_table["Oleh"].iloc[0] == "rina"


def test_a_viewer_sees_notes_but_no_form(monkeypatch, demo):
    at = _page(monkeypatch, f"sqlite:///{demo}", user=("tamu", "viewer"), year="2025")
    open_sections(at, "pemantauan_notes")
    assert "Peran Anda hanya melihat" in _text(at)
    assert not [b for b in at.button if b.label == "Simpan catatan"]


# --------------------------------------------------------------------------- python -m kpi progress


def test_kpi_progress_prints_every_indicator_and_budget_line(demo, content, capsys):
    from kpi.__main__ import main

    url = f"sqlite:///{demo}"
    assert main(["progress", "--year", "2025", "--json", "--database-url", url]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 180 + 10 and all(tuple(r) == CLI_KEYS for r in rows)
    ind = indicator_progress(content, 2025, 2).set_index("code")
    rb = next(r for r in rows if r["code"] == "indeks_rb")
    assert rb["target"] == 81.75 and rb["realisasi_kumulatif"] == ind.loc["indeks_rb", "realisasi_kumulatif"]
    assert rb["progress_pct"] == pytest.approx(rb["realisasi_kumulatif"] / 81.75 * 100)
    assert rb["status"] == ind.loc["indeks_rb", "status"]
    assert next(r for r in rows if r["code"] == "opini_bpk")["target"] == "WTP"
    wa = next(r for r in rows if r["code"] == "WA")
    assert (wa["level"], wa["target"]) == ("program", 1519566783000)
    assert wa["progress_pct"] == pytest.approx(wa["realisasi_kumulatif"] / 1519566783000 * 100)
    # the first quarter, asked for
    assert main(["progress", "--year", "2025", "--quarter", "1", "--json", "--database-url", url]) == 0
    q1 = json.loads(capsys.readouterr().out)
    assert next(r for r in q1 if r["code"] == "WA")["realisasi_kumulatif"] < wa["realisasi_kumulatif"]


def test_kpi_progress_says_what_is_not_loaded(demo, capsys):
    from kpi.__main__ import main

    url = f"sqlite:///{demo}"
    assert main(["progress", "--year", "2025", "--quarter", "3", "--database-url", url]) == 2
    assert "quarter 3 of 2025 is not loaded; loaded: 1, 2" in capsys.readouterr().err
    assert main(["progress", "--year", "2024", "--quarter", "1", "--database-url", url]) == 0  # 2024's budget quarters
    capsys.readouterr()


def test_kpi_progress_without_quarterly_data(app_db, capsys):
    from kpi.__main__ import main

    assert main(["progress", "--year", "2024", "--database-url", app_db]) == 2
    assert "no quarterly data for 2024" in capsys.readouterr().err
