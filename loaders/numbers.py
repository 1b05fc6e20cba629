"""The one parser of Indonesian-formatted numbers (``1.234.567,89``, ``40,71%``, ``Rp.3.113.359``)."""

from __future__ import annotations

import re

_BLANK = {"", "-", "–", "—", "n/a", "N/A", "NA"}
_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")


class NumberFormatError(ValueError):
    """A text that should be a number in Indonesian format is not one."""


def parse_id_number(text: str | float | int | None) -> float | None:
    """Parse an Indonesian number: ``.`` groups thousands, ``,`` is the decimal mark.

    Accepts a leading ``Rp``/``Rp.``, a trailing ``%`` (the number stays in percent),
    surrounding spaces, accounting parentheses ``(1.600.368)`` for negatives and
    ``-``/blank for "no value" (returns ``None``). Numbers already parsed pass through.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberFormatError(f"{text!r} is not a number")
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace("\u00a0", " ")
    if s in _BLANK:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = re.sub(r"^Rp\.?\s*", "", s, flags=re.IGNORECASE)
    s = s.removesuffix("%").strip().replace(" ", "")
    if not _NUMBER.match(s):
        raise NumberFormatError(f"{text!r} is not a number in Indonesian format (e.g. 1.234.567,89)")
    value = float(s.replace(".", "").replace(",", "."))
    return -value if negative else value


def parse_machine_number(text: str | float | int | None) -> float | None:
    """Parse a number written in machine form (``6144346237000``, ``40.71``), as in ``data/*.csv``.

    Blank means "no value". Anything else that is not a plain decimal raises :class:`NumberFormatError`.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberFormatError(f"{text!r} is not a number")
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip()
    if s == "":
        return None
    try:
        value = float(s)
    except ValueError:
        raise NumberFormatError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise NumberFormatError(f"{text!r} is not a finite number")
    return value
