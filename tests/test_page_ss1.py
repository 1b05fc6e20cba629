"""The SS-1 Produktivitas page: report figures in Indonesian format, English labels, the charts' data, the what-if and goal seek,
and the year: the one in the URL, else the newest loaded (a 2025 from the template, compared with 2024)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from kpi import productivity as prod
from kpi.format import fmt_number, fmt_pct
from tests.conftest import open_sections, sections, static_charts, vega_charts

PAGE = "app_pages/ss1.py"


@pytest.fixture(scope="module")
def report_inputs() -> prod.PybInputs:
    from tests.conftest import DATA_DIR

    frame = pd.read_csv(DATA_DIR / "pyb_variable.csv")
    return prod.inputs_from_variables(frame[frame["year"] == 2024], "perhitungan")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [m.value for m in at.success]
    parts += [m.value for m in at.warning] + [m.value for m in at.info] + [m.value for m in at.latex]
    return "\n".join(parts)


def charts(at) -> dict[str, tuple[dict, list[pd.DataFrame]]]:
    """The page's Vega-Lite charts by title: the spec and its datasets (one per layer with data of its own)."""
    return {spec["title"]["text"]: (spec, list(data.values())) for spec, data in vega_charts(at)}


def dataset_with(frames: list[pd.DataFrame], column: str) -> pd.DataFrame:
    return next(f for f in frames if column in f.columns)


def bar_value(frame: pd.DataFrame, category: str, series: str) -> float:
    (value,) = frame.loc[(frame["category"] == category) & (frame["series"] == series), "value"]
    return value


def test_first_screen_is_the_ikss_and_its_trend_the_rest_on_demand(run_page):
    """A new visitor's first screen: the IKSS tiles and the trend chart; every other part opens on demand."""
    at = run_page(PAGE, year="2024")
    m = metrics(at)
    assert m["Realisasi 2024"] == "4,01 %"
    assert m["Capaian 2024"] == "40,71 %"
    assert m["Target 2024"] == "9,85 %"
    assert not charts(at)  # no Vega-Lite chart: the browser need not load Vega for the first screen
    (trend,) = static_charts(at)  # the trend, drawn on the server
    assert "Realisasi 2022–2024 terhadap target" in trend
    assert [x for x in trend if x in ("2,70 %", "3,72 %", "4,01 %")] == ["2,70 %", "3,72 %", "4,01 %"]
    assert "Target 2024: 9,85 %" in trend and [x for x in trend if x.startswith("202")] == ["2022", "2023", "2024"]
    assert not at.dataframe and not at.selectbox and not at.number_input and not at.latex and not at.tabs
    assert sections(at) == {
        "ss1_findings": False,
        "ss1_formula": False,
        "ss1_programs": False,
        "ss1_whatif": False,
        "ss1_detail": False,
    }
    assert "Hasil P" not in m  # the formula's result is in its closed section

    open_sections(at, "ss1_formula")
    assert metrics(at)["Hasil P"] == "4,01 %"
    assert len(at.latex) == 3  # the formula, its values and Tabel 3.1 as printed: one block each
    assert "P simulasi" not in metrics(at)  # the what-if is still closed
    assert "P disusun dari komponennya (poin persen)" in charts(at)


def test_page_id_shows_report_figures(run_page):
    at = open_sections(run_page(PAGE, year="2024"))
    m = metrics(at)
    assert m["Realisasi 2024"] == "4,01 %"
    assert m["Capaian 2024"] == "40,71 %"
    assert m["Target 2024"] == "9,85 %"
    assert m["Hasil P"] == "4,01 %"
    body = texts(at)
    assert "114.195" in body and "709.432" in body  # substituted formula in Indonesian format
    assert "3{,}93" in body  # the literal Tabel 3.1 result
    assert "Belum tercapai" in body
    assert "Sumber: LKj Kemnaker — Tabel 3.3" in body
    assert len(at.tabs) == 9
    assert not at.get("plotly_chart")  # Vega-Lite only: plotly.js costs a fresh tab about 1,2 s


def test_charts_id_show_the_report_figures(run_page, report_inputs):
    at = open_sections(run_page(PAGE, year="2024"))
    drawn = charts(at)
    assert set(drawn) == {  # the trend is drawn on the server (first-screen test)
        "P disusun dari komponennya (poin persen)",
        "Tabel 3.3: PyB per Ditjen 2022–2024",
        "Tabel 3.4: penciptaan tenaga kerja baru",
        "Tabel 3.6: target dan realisasi pelatihan per UPTP 2024",  # the detail tab open by default
    }

    _, frames = drawn["P disusun dari komponennya (poin persen)"]
    steps = frames[0].set_index("name")
    parts = prod.component_contributions_pct(report_inputs)
    assert steps.loc["PyB Vokasi", "value"] == pytest.approx(parts["pyb_vokasi"])
    assert steps.loc["Irisan PHI ∩ Binwas", "value"] == pytest.approx(parts["pyb_irisan"])
    assert parts["pyb_irisan"] < 0
    assert steps.loc["Irisan PHI ∩ Binwas", "kind"] == "down"
    assert steps.loc["P", "end"] == pytest.approx(prod.productivity_contribution_pct(report_inputs))
    assert steps.loc["P", "label"] == "4,01 %"
    # each step starts where the previous one ended
    assert steps["start"].iloc[1:5].tolist() == pytest.approx(steps["end"].iloc[:4].tolist())

    _, frames = drawn["Tabel 3.3: PyB per Ditjen 2022–2024"]
    t33 = frames[0]
    assert bar_value(t33, "PyB Vokasi", "Realisasi 2024") == 114_195
    assert bar_value(t33, "PyB Penta", "Target 2024") == 688_532
    assert bar_value(t33, "PyB Binwas", "Realisasi 2022") == 4_899_078
    assert bar_value(t33, "Irisan PHI ∩ Binwas", "Realisasi 2024") == -9_726_743
    assert len(t33) == 5 * 4  # five components × (three years + the 2024 target)

    _, frames = drawn["Tabel 3.4: penciptaan tenaga kerja baru"]
    stack, totals = dataset_with(frames, "order"), dataset_with(frames, "total")
    assert totals["label"].tolist() == ["685.321", "784.353", "823.631"]  # printed totals above the bars
    assert stack["name"].nunique() == 5  # the leaves 1a–1c, 2a, 2b: their parents would count twice
    in_2024 = stack[stack["tahun"] == "2024"].set_index("name")["value"]
    assert in_2024["2b. Penempatan Tenaga Kerja Luar Negeri"] == 437_151
    assert in_2024.sum() == 823_631  # the leaves add up to the printed total

    _, frames = drawn["Tabel 3.6: target dan realisasi pelatihan per UPTP 2024"]
    assert bar_value(frames[0], "BBPVP Bandung", "Target") == 8_480


def test_page_en_labels_differ(run_page):
    at = open_sections(run_page(PAGE, lang="en", year="2024"))
    m = metrics(at)
    assert m["Actual 2024"] == "4.01%"
    assert m["Achievement 2024"] == "40.71%"
    assert "Realisasi 2024" not in m
    assert "Not achieved" in texts(at)

    drawn = charts(at)
    (trend,) = static_charts(at)
    assert "Actual 2022–2024 against target" in trend and "Target 2024: 9.85%" in trend
    assert [x for x in trend if x.endswith("%") and x[0].isdigit() and "." in x] == ["2.70%", "3.72%", "4.01%"]
    spec, frames = drawn["Tabel 3.3: PyB per directorate-general 2022–2024"]
    assert spec["config"]["locale"]["number"]["decimal"] == "."
    assert bar_value(frames[0], "PyB Vocational", "Actual 2024") == 114_195
    _, frames = drawn["Tabel 3.4: new jobs created"]
    assert dataset_with(frames, "total")["label"].tolist() == ["685,321", "784,353", "823,631"]


def test_what_if_goal_seek_and_reset(run_page, report_inputs):
    at = open_sections(run_page(PAGE, year="2024"))
    # the formula section can show the variable-list context too: it also rounds to 4,01 %
    at.selectbox(key="qp_konteks").set_value("variabel").run()
    assert "709.436" in texts(at)
    assert metrics(at)["Hasil P"] == "4,01 %"

    # what-if at report values
    assert metrics(at)["P simulasi"] == "4,01 %"
    assert metrics(at)["Capaian simulasi"] == "40,71 %"
    assert at.number_input(key="wi_pyb_vokasi").value == 114_195
    needed = prod.goal_seek(report_inputs, "pyb_vokasi", 9.85)
    assert fmt_number(needed, 0, "id") in texts(at)

    # PyB vokasi 200.000: exactly the P kpi.productivity computes
    at.number_input(key="wi_pyb_vokasi").set_value(200_000).run()
    changed = replace(report_inputs, pyb_vokasi=200_000)
    assert metrics(at)["P simulasi"] == fmt_pct(prod.productivity_contribution_pct(changed), 2, "id")
    assert metrics(at)["P simulasi"] != "4,01 %"

    # goal seek on another input and target, from the changed inputs
    at.selectbox(key="wi_goal_input").set_value("pyb_penta")
    at.number_input(key="wi_goal_target").set_value(6.0).run()
    assert fmt_number(prod.goal_seek(changed, "pyb_penta", 6.0), 0, "id") in texts(at)

    # an input that only lowers P cannot reach the target
    at.selectbox(key="wi_goal_input").set_value("pyb_irisan").run()
    assert any("tidak dapat" in w.value for w in at.warning)

    at.button(key="wi_reset").click().run()
    assert at.number_input(key="wi_pyb_vokasi").value == 114_195
    assert metrics(at)["P simulasi"] == "4,01 %"


def test_detail_tabs_run_only_when_open_and_follow_the_url(run_page):
    """The nine Tabel 3.5–3.15 tabs are lazy: only the open one runs (its choice kept in the URL by the browser)."""
    at = open_sections(run_page(PAGE, year="2024"), "ss1_detail")
    shown = {c for df in at.dataframe for c in df.value.columns}
    assert "Negara" not in shown  # Tabel 3.11 (PMI per negara) is in a closed tab
    pmi_tab = next(tab.label for tab in at.tabs if "3.11" in tab.label)
    at.session_state["ss1_tab"] = pmi_tab
    at.run()
    assert not at.exception
    pmi = next(df.value for df in at.dataframe if "Negara" in df.value.columns)
    assert pmi.iloc[0].tolist()[1:] == ["Hongkong", "99.773"]  # the report's first row, Indonesian format
    _, frames = charts(at)["Tabel 3.11: 10 negara penempatan PMI terbesar 2024"]
    assert frames[0]["category"].tolist()[:2] == ["Hongkong", "Taiwan"]
    assert frames[0]["value"].tolist()[:2] == [99_773, 84_581]
    assert "Tabel 3.6: target dan realisasi pelatihan per UPTP 2024" not in charts(at)  # its tab is closed now

    bps_tab = next(tab.label for tab in at.tabs if "3.15" in tab.label)
    at.session_state["ss1_tab"] = bps_tab
    at.run()
    assert not at.exception
    drawn = charts(at)
    _, frames = drawn["TPAK (persen)"]
    tpak = frames[0].set_index(["name", "tahun"])["value"]
    assert tpak[("Tingkat Partisipasi Angkatan Kerja (TPAK)", "2024")] == 70.63
    assert tpak[("Perempuan", "2024")] == 56.42
    spec, frames = drawn["Tabel 3.15: penduduk usia kerja dan angkatan kerja"]
    assert spec["title"]["subtitle"] == "juta orang, Agustus"
    assert bar_value(frames[0], "Angkatan Kerja", "2024") == 152.11
    # the browser writes the open tab into the URL (st.tabs bind="query-params"); AppTest has no browser


@pytest.fixture
def db_2025(app_db, frames, tmp_path, monkeypatch) -> str:
    """The committed data plus a 2025 as the template makes it (2024 relabelled, no printed figures), P changed to 4,50 %."""
    from loaders import db

    data = {}
    for name, frame in frames.items():
        if "year" in frame.columns and name != "printed_figure":
            frame = pd.concat([frame, frame[frame["year"] == 2024].assign(year=2025)], ignore_index=True)
        data[name] = frame
    ikss = data["ikss_capaian"]
    new = (ikss["year"] == 2025) & (ikss["ikss_code"] == "produktivitas")
    data["ikss_capaian"] = ikss.assign(
        realisasi=ikss["realisasi"].mask(new, 4.5), capaian_pct=ikss["capaian_pct"].mask(new)
    )
    url = f"sqlite:///{tmp_path / 'y2025.sqlite'}"
    db.replace_all(db.get_engine(url), data, "test 2025")
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_without_a_year_the_newest_year_shows_beside_the_one_before(run_page, db_2025):
    at = open_sections(run_page(PAGE))  # no ?year=: the newest loaded year
    m = metrics(at)
    assert m["Realisasi 2025"] == "4,50 %"
    assert m["Target 2025"] == "9,85 %"
    assert "Realisasi 2024" not in m
    assert any(x.label == "Realisasi 2025" and "vs 2024 (4,01 %)" in str(x.proto.delta) for x in at.metric)
    assert m["Dicetak laporan"] == "belum dicetak"  # the 2025 report is not printed yet
    assert m["Hasil P"] == "4,01 %"  # the 2024 variables, relabelled
    (trend,) = static_charts(at)
    assert "Realisasi 2022–2025 terhadap target" in trend and "4,50 %" in trend
    t33 = next(df.value for df in at.dataframe if "Δ 2025 vs 2024" in df.value.columns)
    assert t33.iloc[-1]["Komponen"] == "Total (dihitung)"

    at = open_sections(run_page(PAGE, year="2024"), "ss1_formula")  # the URL's year wins
    assert metrics(at)["Realisasi 2024"] == "4,01 %"
    assert metrics(at)["Dicetak laporan"] == "4,01 %"
