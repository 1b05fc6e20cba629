"""Page scripts hold no bare string statements: Streamlit's "magic" would draw them on the page as Markdown."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py")])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_string_statement_after_the_docstring(script):
    body = ast.parse(script.read_text(encoding="utf-8")).body
    drawn = [
        node.lineno
        for node in body[1:]  # the module docstring is not drawn
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    ]
    assert not drawn, f"{script.name}: lines {drawn} would show as Markdown; use a comment"
