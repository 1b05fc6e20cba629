"""The one bilingual text catalogue: every label, title and sentence the app, the PDF and the workbook show.

The texts live in ``views/catalogue/<section>.py`` (a ``TEXTS`` dict of ``key -> (Indonesian,
English)`` each, split by page so that a page's texts sit together); here they are one catalogue
keyed ``"<section>.<key>"``. ``text("ss1.target", "en", y=2025)`` gives one text;
``texts("ss1", lang)`` a page's ``s(key, **placeholders)``. Nothing here knows the session: the
language is a parameter (``ui.i18n`` reads it from the URL).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from functools import cache

LANGS: tuple[str, ...] = ("id", "en")
"""Bahasa Indonesia first: the default language."""


def lang_index(lang: str) -> int:
    """0 for Indonesian, 1 for English (anything unknown reads as Indonesian)."""
    return 1 if lang == "en" else 0


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """Every text of every section, keyed ``section.key``."""
    from views import catalogue as package

    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, pair in module.TEXTS.items():
            merged[f"{info.name}.{key}"] = pair
    return merged


def pick(pair: tuple[str, str], lang: str) -> str:
    """The text of an ``(indonesian, english)`` pair in ``lang``."""
    return pair[lang_index(lang)]


def text(key: str, lang: str, **placeholders: object) -> str:
    """The catalogue text ``key`` (``"section.key"``) in ``lang``, placeholders filled."""
    value = pick(catalogue()[key], lang)
    return value.format(**placeholders) if placeholders else value


def texts(section: str, lang: str) -> Callable[..., str]:
    """A section's ``s(key, **placeholders)`` in ``lang``; keys without a dot fall back to ``common``."""
    entries = catalogue()

    def s(key: str, **placeholders: object) -> str:
        pair = entries.get(f"{section}.{key}") or entries[f"common.{key}"]
        value = pick(pair, lang)
        return value.format(**placeholders) if placeholders else value

    return s


def translator(mapping: Mapping[str, str], lang: str) -> Callable[[str], str]:
    """Translate a printed Indonesian label to English through ``mapping`` when ``lang`` is English."""
    if lang != "en":
        return lambda value: value
    return lambda value: mapping.get(value, value)
