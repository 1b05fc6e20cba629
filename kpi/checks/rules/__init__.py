"""Every reconciliation rule of the LKj (:data:`RULES`), one module per kind of rule.

``total`` (printed totals), ``pct`` (printed percentages), ``rollup`` (hierarchies), ``same``
(a figure printed twice), ``index`` (an index from its components), ``trend`` (multi-year
series) and ``plausible`` (implausible values). Each rule is declared with
``@rule(...)`` (:mod:`kpi.checks.rules.base`) beside the function that checks it. The
Kualitas Data page lists them kind by kind in this order, each kind in declaration order.
"""

from __future__ import annotations

from kpi.checks.engine import KINDS, Rule
from kpi.checks.rules import index, pct, plausible, rollup, same, total, trend  # noqa: F401  (declares the rules)
from kpi.checks.rules.base import REGISTRY

RULES: list[Rule] = sorted(REGISTRY.values(), key=lambda r: KINDS.index(r.kind))
"""Every rule, in the order the page lists them."""

RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

__all__ = ["RULES", "RULE_BY_ID"]
