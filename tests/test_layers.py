"""Dependencies point down: every import of the project's own packages, parsed from the source.

Layers, lowest first: ``data`` (the extracted tables), ``loaders`` (read, validate, write),
``kpi`` (pure formulas and checks), ``views`` (pure page models), ``report`` (PDF, workbook),
then ``ui`` + ``app_pages`` + ``app.py`` (Streamlit) and, beside them, ``api`` (the read-only HTTP API; no
Streamlit, and neither it nor the Streamlit layer imports the other). A module may import its own layer and the
layers below it; only the Streamlit layer imports streamlit. Imports inside functions count too.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORDER = ("data", "loaders", "kpi", "views", "report", "api", "ui", "app_pages", "app")
STREAMLIT_LAYERS = {"ui", "app_pages", "app", "bench", "tests"}
PACKAGES = set(ORDER) | {"bench", "tests"}

ALLOWED_UP: dict[str, set[str]] = {
    # the extractor parses the report's numbers with the loaders' parser and checks rows against the
    # loaders' schema, so extraction and upload read a number the same way; the tables it writes import nothing
    "data.extract": {"loaders"},
    # `python -m kpi` reads the database it recomputes from (a command at the edge; kpi's functions do no I/O)
    "kpi.__main__": {"loaders"},
}


def _layer(module: str) -> str:
    return module.split(".")[0]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> list[Path]:
    out = [ROOT / "app.py"]
    for package in PACKAGES - {"app"}:
        out += sorted((ROOT / package).rglob("*.py"))
    return out


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _module_name(path).split(".")
                base = base[: len(base) - node.level + (1 if path.name == "__init__.py" else 0)]
                if node.module:
                    found.add(".".join([*base, node.module]))
                else:  # `from . import engine`: the names are modules of the package
                    found.update(".".join([*base, alias.name]) for alias in node.names)
            elif node.module:
                found.add(node.module)
    return found


def _rank(layer: str) -> int:
    return ORDER.index(layer)


def violations() -> list[str]:
    bad = []
    for path in _sources():
        module = _module_name(path)
        layer = _layer(module)
        allowed_up = next((v for k, v in ALLOWED_UP.items() if module == k or module.startswith(k + ".")), set())
        for imported in sorted(imports_of(path)):
            top = _layer(imported)
            if top == "streamlit" and layer not in STREAMLIT_LAYERS:
                bad.append(f"{module} imports {imported}: only app.py, app_pages/ and ui/ use streamlit")
            if top not in ORDER or layer not in ORDER or top == layer:
                continue
            if _rank(top) > _rank(layer) and top not in allowed_up:
                bad.append(f"{module} ({layer}) imports {imported} ({top}), a layer above it")
    return bad


def test_dependencies_point_down():
    assert violations() == []


def test_the_rules_named_in_the_issue():
    """The specific edges: report never imports ui, loaders never kpi, kpi never report."""
    for path in _sources():
        module = _module_name(path)
        tops = {_layer(i) for i in imports_of(path)}
        if _layer(module) == "report":
            assert "ui" not in tops and "streamlit" not in tops, module
        if _layer(module) == "loaders":
            assert "kpi" not in tops, module
        if _layer(module) == "kpi":
            assert "report" not in tops and "streamlit" not in tops, module
        if _layer(module) == "views":
            assert not tops & {"streamlit", "ui", "report", "app_pages"}, module
        if _layer(module) == "api":  # beside the Streamlit app, not above or below it
            assert not tops & {"streamlit", "ui", "app_pages", "app"}, module
        if _layer(module) in ("ui", "app_pages", "app"):
            assert "api" not in tops, module


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import streamlit as st\n", {"streamlit"}),
        ("def f():\n    from ui.data import table\n", {"ui.data"}),
        ("from . import engine\n", {"kpi.checks.engine"}),
    ],
)
def test_the_parser_sees_every_import(tmp_path, monkeypatch, source, expected):
    """The checker itself: top-level, function-level and relative imports are all found."""
    package = tmp_path / "kpi" / "checks"
    package.mkdir(parents=True)
    path = package / "rules.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert imports_of(path) == expected
