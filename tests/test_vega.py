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


def test_datasets_go_to_arrow_once_per_spec_object():
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    from ui.widgets import arrow_datasets

    spec = finish(_bars(), "id", "Judul")
    converted = arrow_datasets(spec)
    assert arrow_datasets(spec) is converted  # the same spec again: no second conversion
    assert all(isinstance(b, bytes) for b in converted["datasets"].values())
    assert spec["datasets"] != converted["datasets"]  # the builder's spec is not touched
    [frame] = [convert_arrow_bytes_to_pandas_df(b) for b in converted["datasets"].values()]
    assert frame["nilai"].tolist() == [1234567.5, 40.71]
    assert arrow_datasets(converted) is converted  # already bytes: passed on as it is


def test_per_object_work_is_not_mistaken_for_another_object():
    import gc

    import pandas as pd

    from ui.widgets import _numeric_text, per_object

    calls = []

    def columns(frame):
        calls.append(1)
        return _numeric_text(frame)

    frame = pd.DataFrame({"pagu": ["Rp 5,50 T", "1.234"], "nama": ["Setjen", "Binapenta"]})
    assert per_object("t", frame, columns) == ["pagu"]
    assert per_object("t", frame, columns) == ["pagu"] and len(calls) == 1  # kept for the same frame
    del frame
    gc.collect()
    other = pd.DataFrame({"nama": ["Setjen"], "pagu": ["x"]})  # may reuse the dead frame's id
    assert per_object("t", other, columns) == []
    assert len(calls) == 2
