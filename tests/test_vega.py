"""The Vega-Lite house style: the page language's number locale, and specs that survive the trip to the browser."""

from __future__ import annotations

import altair as alt
import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import vega_charts
from ui.charts.vega import LOCALE, finish


def _bars() -> alt.Chart:
    frame = pd.DataFrame({"tahun": ["2023", "2024"], "nilai": [1234567.5, 40.71]})
    return alt.Chart(frame).mark_bar().encode(x="tahun:O", y=alt.Y("nilai:Q", axis=alt.Axis(format=",.2f")))


def test_finish_sets_the_locale_of_the_page_language():
    spec_id = finish(_bars(), "id", "Judul")
    spec_en = finish(_bars(), "en", "Title")
    assert spec_id["config"]["locale"]["number"]["decimal"] == ","
    assert spec_id["config"]["locale"]["number"]["thousands"] == "."
    assert spec_en["config"]["locale"]["number"]["decimal"] == "."
    assert spec_id["title"]["text"] == "Judul" and spec_id["title"]["anchor"] == "start"
    assert LOCALE["id"]["number"]["currency"] == ["Rp ", ""]


def test_a_spec_drawn_by_the_widget_keeps_its_data_and_source_line():
    script = """
import altair as alt, pandas as pd
from ui.charts.vega import finish
from ui.widgets import vega
frame = pd.DataFrame({"tahun": ["2023", "2024"], "nilai": [1234567.5, 40.71]})
vega(finish(alt.Chart(frame).mark_bar().encode(x="tahun:O", y="nilai:Q"), "id", "Uji"), "uji", "Tabel 3.2")
"""
    at = AppTest.from_string(script).run()
    assert not at.exception
    [(spec, data)] = vega_charts(at)
    assert spec["title"]["text"] == "Uji"
    [frame] = data.values()
    assert frame["nilai"].tolist() == [1234567.5, 40.71]
    assert "Tabel 3.2" in at.caption[0].value


def test_datasets_go_to_arrow_through_the_public_pyarrow_api():
    import pyarrow as pa

    from ui.charts.vega import with_arrow

    spec = finish(_bars(), "id", "Judul")
    converted = with_arrow(spec)
    assert all(isinstance(b, bytes) for b in converted["datasets"].values())
    assert spec["datasets"] != converted["datasets"]  # the builder's spec is not touched
    [frame] = [pa.ipc.open_stream(b).read_pandas() for b in converted["datasets"].values()]
    assert frame["nilai"].tolist() == [1234567.5, 40.71]
    assert with_arrow(converted) is converted  # already bytes: passed on as it is


def test_a_converted_spec_draws_the_same_data():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import vega_charts

    script = """
import altair as alt, pandas as pd
from ui.charts.vega import finish, with_arrow
from ui.widgets import vega
frame = pd.DataFrame({"tahun": ["2023", "2024"], "nilai": [1234567.5, 40.71]})
vega(with_arrow(finish(alt.Chart(frame).mark_bar().encode(x="tahun:O", y="nilai:Q"), "id", "Uji")), "uji")
"""
    at = AppTest.from_string(script).run()
    assert not at.exception
    [(_, data)] = vega_charts(at)
    [frame] = data.values()
    assert frame["nilai"].tolist() == [1234567.5, 40.71]
