"""The shared pieces of the view layer: the text catalogue, the table model, the year helpers, year-free figure ids."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from views.common import of_year, previous_in, previous_year, report_years, years_of
from views.i18n import catalogue, text, texts, translator
from views.table import Column, make_table


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_both_languages_and_the_same_placeholders():
    entries = catalogue()
    assert len(entries) > 50
    for key, pair in entries.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        indonesian, english = pair
        assert indonesian.strip() and english.strip(), key
        assert _fields(indonesian) == _fields(english), key


def test_texts_by_section_fall_back_to_common():
    s = texts("nonexistent_section", "en")
    assert s("target") == "Target" and s("realisasi") == "Actual"
    assert text("common.status_merah", "id") == "Belum tercapai"
    assert text("common.findings_here", "en", n=3).startswith("3 figures")
    with pytest.raises(KeyError):
        text("common.no_such_key", "id")


def test_translator_only_in_english():
    mapping = {"Mandiri": "Independent"}
    assert translator(mapping, "en")("Mandiri") == "Independent"
    assert translator(mapping, "en")("Tumbuh") == "Tumbuh"
    assert translator(mapping, "id")("Mandiri") == "Mandiri"


def test_table_model_formats_for_display_and_keeps_numbers_for_download():
    frame = pd.DataFrame(
        {"program": ["DL", "WA"], "pagu": [6144346237000.0, None], "serap": [89.525, 2.675], "n": [709432, 1234]}
    )
    cols = [
        Column("program", "Program"),
        Column("pagu", "Pagu", "rp"),
        Column("serap", "Penyerapan", "pct"),
        Column("n", "Orang", "int"),
    ]
    model = make_table(frame, cols, "id", "anggaran", ("Tabel 3.20",), "Judul")
    assert model.display.to_dict("records") == [
        {"Program": "DL", "Pagu": "Rp 6.144.346.237.000", "Penyerapan": "89,53 %", "Orang": "709.432"},
        {"Program": "WA", "Pagu": "–", "Penyerapan": "2,68 %", "Orang": "1.234"},
    ]
    assert model.raw["Pagu"].iloc[0] == 6144346237000.0 and model.raw["Orang"].tolist() == [709432, 1234]
    assert model.right == ("Pagu", "Penyerapan", "Orang")
    assert model.sources == ("Tabel 3.20",) and len(model) == 2
    english = make_table(frame, cols, "en", "anggaran", ())
    assert english.display["Penyerapan"].tolist() == ["89.53%", "2.68%"]


def test_year_helpers():
    frame = pd.DataFrame({"year": [2022, 2024, 2024, 2025], "v": [1, 2, 3, 4]})
    assert of_year(frame, 2024)["v"].tolist() == [2, 3]
    assert of_year(frame, 2024).index.tolist() == [0, 1]
    assert of_year(pd.DataFrame({"v": [1]}), 2024)["v"].tolist() == [1]  # no year column: whole
    assert years_of(frame) == [2022, 2024, 2025] and years_of(None) == []
    assert previous_in(frame, 2025) == 2024 and previous_in(frame, 2024) == 2022 and previous_in(frame, 2022) is None
    assert previous_year([2025, 2024], 2025) == 2024 and previous_year([2024], 2024) is None
    assert report_years({"output_capaian": frame}) == [2025, 2024, 2022]
    assert report_years({}) == []


def test_report_years_of_the_committed_data(frames):
    """The LKj 2024 prints 2022 and 2023 figures beside 2024's, but only 2024 is a report year."""
    assert report_years(frames) == [2024]
    assert previous_in(frames["ikss_capaian"], 2024) == 2023


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("T3.20.total.pagu_rp.2024", "T3.20.total.pagu_rp"),
        ("T3.20.total.pagu_rp.2023", "T3.20.total.pagu_rp.prev"),
        ("T3.12.total.2022", "T3.12.total.prev2"),
        ("B3.2.1.blkk.tumbuh_2024", "B3.2.1.blkk.tumbuh"),
        ("B3.2.2.rb.kenaikan_2020_2024_poin", "B3.2.2.rb.kenaikan_since_prev4_poin"),
        ("B3.2.2.opini_bpk.lk2023", "B3.2.2.opini_bpk.lk_prev"),
        ("B3.2.2.gambar3.7.indeks_2024", "B3.2.2.gambar3.7.indeks"),
        ("L8.indeks_spbe", "L8.indeks_spbe"),
    ],
)
def test_printed_figure_ids_carry_no_year(old, new):
    from data.extract.figure_ids import year_free_id

    assert year_free_id(old, 2024) == new
    one_year_later = re.sub(r"20[0-9]{2}", lambda m: str(int(m.group()) + 1), old)
    assert year_free_id(one_year_later, 2025) == new  # the same figure of the next report: the same id


def test_committed_printed_figures_are_year_free_and_in_the_report_year(frames):
    import re

    pf = frames["printed_figure"]
    assert set(pf["year"]) == {2024}
    assert not pf["figure"].str.contains(r"(?<![0-9])20[0-9]{2}(?![0-9])", regex=True).any()
    assert pf["figure"].is_unique
    assert re.fullmatch(r"[\w.]+", "".join(pf["figure"]))


def test_a_figure_about_a_later_year_is_refused():
    from data.extract.figure_ids import year_free_id

    with pytest.raises(ValueError, match="cannot be printed"):
        year_free_id("T3.20.total.pagu_rp.2025", 2024)


def test_escaped_text_renders_as_the_same_text_not_as_a_link():
    from streamlit.testing.v1 import AppTest

    from views.common import escape_markdown

    hostile = "[klik](http://example.invalid) ![x](http://example.invalid/b.png) **tebal** :red[merah] <b>"
    script = f"import streamlit as st\nst.markdown({escape_markdown(hostile)!r})"
    at = AppTest.from_string(script).run()
    assert not at.exception
    assert at.markdown[0].value == escape_markdown(hostile)
    assert "](" not in escape_markdown(hostile).replace("\\](", "").replace("\\(", "")
