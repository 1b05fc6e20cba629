"""Numbers for people, the one formatter: Indonesian (``1.234.567,89``, ``Rp 5,50 T``) or English.

Every tile, table, chart tooltip, Kualitas Data finding, PDF and workbook formats through this
module, so a figure has the same last digit wherever it is shown. One rounding rule: half-up on
the decimal value as written (``2,675`` -> ``2,68``, ``89,525`` -> ``89,53``), as a spreadsheet
rounds and as the LKj prints. The separators come from Babel's locale data (``id_ID``,
``en_US``); the digits are Babel's ``#,##0.00`` pattern done with :mod:`decimal`, which is 7x
faster than ``babel.numbers.format_decimal`` (pages format thousands of numbers per rerun).
``tests/test_format.py`` holds the two to the same output under half-up rounding.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol

LOCALES = {"id": "id_ID", "en": "en_US"}
_QUANTUM = {d: Decimal(1).scaleb(-d) for d in range(0, 10)}
_SEPARATORS = {
    lang: str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})
    for lang, locale in LOCALES.items()
}
_SCALES = {
    "id": ((1e12, "T"), (1e9, "M"), (1e6, "Jt")),
    "en": ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")),
}


def _missing(value: object) -> bool:
    """``None``, NaN and the infinities: written as ``–`` (no number to show)."""
    if value is None or bool(pd.isna(value)):
        return True
    return isinstance(value, float) and not math.isfinite(value)


def auto_decimals(value: float, most: int = 4) -> int:
    """The fewest decimals (up to ``most``) that write ``value`` exactly: ``709436`` -> 0, ``4.01`` -> 2."""
    if float(value).is_integer():
        return 0
    for d in range(1, most):
        if abs(round(value, d) - value) < 1e-9:
            return d
    return most


def fmt_number(value: float | None, decimals: int = 0, lang: str = "id") -> str:
    """``1.234.567,89`` in Indonesian, ``1,234,567.89`` in English; ``–`` when missing or not finite."""
    if _missing(value):
        return "–"
    dec = Decimal(value) if isinstance(value, int | Decimal) else Decimal(repr(float(value)))
    text = (
        f"{dec.quantize(_QUANTUM.get(decimals) or Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):,.{decimals}f}"
    )
    return text.translate(_SEPARATORS[lang])


def round_half_up(value: float, decimals: int) -> float:
    """``value`` rounded as it is shown: half-up on the decimal value as written (``2,675`` -> ``2,68``)."""
    dec = Decimal(value) if isinstance(value, int | Decimal) else Decimal(repr(float(value)))
    return float(dec.quantize(_QUANTUM.get(decimals) or Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def fmt_rp_signed(value: float | None, lang: str = "id") -> str:
    """A change in Rupiah with its sign: ``+Rp 41.035.264.490``, ``−Rp 5.000``, ``Rp 0``."""
    if _missing(value):
        return "–"
    return ("+" if value > 0 else "−" if value < 0 else "") + fmt_rp(abs(value), lang)


def fmt_signed(value: float | None, decimals: int = 2, lang: str = "id") -> str:
    """A change with its sign: ``+0,29`` / ``-0,12`` (``0`` has none)."""
    if _missing(value):
        return "–"
    return ("+" if value > 0 else "") + fmt_number(value, decimals, lang)


def fmt_pct(value: float | None, decimals: int = 2, lang: str = "id") -> str:
    """``40,71 %`` / ``40.71%``."""
    if _missing(value):
        return "–"
    return fmt_number(value, decimals, lang) + (" %" if lang == "id" else "%")


def fmt_rp(value: float | None, lang: str = "id") -> str:
    """The full amount: ``Rp 6.144.346.237.000``."""
    if _missing(value):
        return "–"
    return "Rp " + fmt_number(value, 0, lang)


def fmt_rp_short(value: float | None, lang: str = "id", decimals: int = 2) -> str:
    """A short amount: ``Rp 6,14 T``, ``Rp 427,60 M``, ``Rp 12,39 Jt`` (English: tn / bn / mn)."""
    if _missing(value):
        return "–"
    for scale, suffix in _SCALES[lang]:
        if abs(value) >= scale:
            return f"Rp {fmt_number(value / scale, decimals, lang)} {suffix}"
    return fmt_rp(value, lang)
