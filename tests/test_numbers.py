import pytest

from loaders.numbers import NumberFormatError, parse_id_number, parse_machine_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,89", 1234567.89),
        ("40,71%", 40.71),
        ("9,85%", 9.85),
        ("Rp.3.113.359", 3113359.0),
        ("Rp 3.267.618", 3267618.0),
        ("Rp1.840.747.442.000", 1840747442000.0),
        ("6.144.346.237.000", 6144346237000.0),
        ("(1.600.368)", -1600368.0),
        ("-4,67%", -4.67),
        ("76,1", 76.1),
        ("4", 4.0),
        ("1792", 1792.0),
        (" 3.642 ", 3642.0),
        (3.42, 3.42),
    ],
)
def test_parse_id_number(text, expected):
    assert parse_id_number(text) == pytest.approx(expected, rel=0, abs=1e-9)


@pytest.mark.parametrize("text", ["-", "", "  ", None, "–"])
def test_blank_is_none(text):
    assert parse_id_number(text) is None


@pytest.mark.parametrize("text", ["WTP", "2.70", "1,2,3", "12.34.567", "abc", "1.5"])
def test_not_indonesian_number(text):
    with pytest.raises(NumberFormatError, match="Indonesian"):
        parse_id_number(text)


def test_machine_numbers():
    assert parse_machine_number("40.71") == 40.71
    assert parse_machine_number("6144346237000") == 6144346237000.0
    assert parse_machine_number("") is None
    with pytest.raises(NumberFormatError):
        parse_machine_number("1.234,5")
    with pytest.raises(NumberFormatError):
        parse_machine_number("nan")
