"""The report's access to the one text catalogue (``views/catalogue/report.py``, read with ``views.i18n``).

No text lives here: ``tr("sec_ikss", lang)`` reads the catalogue section ``report`` (falling
back to ``common``), ``named("ikss", code, name, lang)`` the catalogue name of a code in the data
(or the data's own name when the catalogue has none), ``status_word(status, lang)`` the status
word the app shows.
"""

from __future__ import annotations

from kpi.status import Status
from views.i18n import catalogue, texts

SECTION = "report"


def tr(key: str, lang: str = "id", **values: object) -> str:
    """The report text ``key`` in ``lang`` with ``{placeholders}`` filled (``common.<key>`` when the report has none)."""
    return texts(SECTION, lang)(key, **values)


def named(prefix: str, code: object, fallback: object, lang: str = "id") -> str:
    """The catalogue name ``<prefix>_<code>`` in ``lang``, else ``fallback`` (the name printed in the data)."""
    key = f"{SECTION}.{prefix}_{code}"
    if key in catalogue():
        return tr(f"{prefix}_{code}", lang)
    return str(fallback)


def status_word(status: Status, lang: str = "id") -> str:
    """``Tercapai`` / ``Achieved`` …: the words of the app's status badges (``common.status_<status>``)."""
    return tr(f"status_{status}", lang)
