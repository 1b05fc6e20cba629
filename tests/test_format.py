"""kpi.format: Indonesian and English numbers, the same text Babel's format_decimal gives."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

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
        (0.125, 2, "id", "0,13"),  # half-up, as a spreadsheet rounds
        (-2.5, 0, "id", "-3"),  # half away from zero, as ROUND(-2,5; 0) in a spreadsheet
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


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(2.675, 2, "2,68"), (89.525, 2, "89,53"), (93.9353, 2, "93,94"), (93.9353, 3, "93,935"), (0.005, 2, "0,01")],
)
def test_half_up_as_spreadsheets_round(value, decimals, text):
    """The issue's cases: the float nearest 2,675 is 2,67499..., but the value as written rounds up."""
    assert fmt_number(value, decimals) == text
    assert fmt_pct(value, decimals) == text + " %"


def test_a_finding_shows_the_same_digits_as_a_tile():
    """kpi.checks writes its numbers through kpi.format: one rounding rule for tiles and findings."""
    from kpi.checks.engine import fmt_value

    for value in (2.675, 89.525, 93.9353):
        assert fmt_value(value, "pct", "id", 2) == fmt_pct(value, 2, "id")
        assert fmt_value(value, "num", "en", 2) == fmt_number(value, 2, "en")
    assert fmt_value(5500436965043.0, "rp", "id") == fmt_rp(5500436965043.0)


def test_not_finite_is_not_a_number():
    assert fmt_number(float("inf")) == "–" and fmt_pct(float("-inf")) == "–"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.one_of(st.integers(-(10**15), 10**15), st.floats(-1e13, 1e13, allow_nan=False, allow_infinity=False)),
    st.integers(0, 4),
    st.sampled_from(["id", "en"]),
)
def test_same_text_as_babel(value, decimals, lang):
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    written = Decimal(value) if isinstance(value, int) else Decimal(repr(value))  # the value as written
    with localcontext(rounding=ROUND_HALF_UP):  # Babel quantizes with the context's rounding
        expected = format_decimal(written, format=pattern, locale=LOCALES[lang], decimal_quantization=True)
    assert fmt_number(value, decimals, lang) == expected
