"""kpi.format: Indonesian and English numbers, the same text Babel's format_decimal gives."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.format import LOCALES, fmt_number, fmt_pct, fmt_rp, fmt_rp_short, fmt_signed


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (1234567.891, 2, "id", "1.234.567,89"),
        (1234567.891, 2, "en", "1,234,567.89"),
        (6144346237000, 0, "id", "6.144.346.237.000"),
        (0.125, 2, "id", "0,12"),  # half-even, as Babel
        (-2.5, 0, "id", "-2"),
    ],
)
def test_examples(value, decimals, lang, text):
    assert fmt_number(value, decimals, lang) == text


def test_report_figures_read_as_printed():
    assert fmt_pct(40.71065989847716) == "40,71 %"
    assert fmt_pct(40.71065989847716, lang="en") == "40.71%"
    assert fmt_rp(6144346237000) == "Rp 6.144.346.237.000"
    assert fmt_rp_short(6144346237000) == "Rp 6,14 T"
    assert fmt_rp_short(450805234000) == "Rp 450,81 M"
    assert fmt_rp_short(12390606, "en") == "Rp 12.39 mn"
    assert fmt_signed(0.29) == "+0,29" and fmt_signed(-0.15) == "-0,15"
    assert fmt_number(None) == "–" and fmt_pct(float("nan")) == "–"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.one_of(st.integers(-(10**15), 10**15), st.floats(-1e13, 1e13, allow_nan=False, allow_infinity=False)),
    st.integers(0, 4),
    st.sampled_from(["id", "en"]),
)
def test_same_text_as_babel(value, decimals, lang):
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert fmt_number(value, decimals, lang) == format_decimal(value, format=pattern, locale=LOCALES[lang])
