"""Kualitas Data: recompute and reconcile every figure of the LKj (issue 5).

``run_checks(frames, year)`` runs every rule of :data:`RULES` over the datasets as read from
the database (``loaders.db.read_all``) and returns the findings: a :class:`CheckReport`, which
is a plain ``list`` of :class:`Finding` that also knows how many comparisons each rule ran
(``.ran``, ``.ran_by_table``), which rules were skipped because a dataset was absent
(``.skipped``) and which printed figures a rule skipped because the year's report does not
print them yet (``.not_printed``: ``(rule_id, figure_id)``; a newly loaded year has none of its
printed figures until the report is entered). ``report.as_dict()`` is all of that as JSON.
``summary(findings, RULES)`` turns it into per-rule and per-table counts and the list of
figures not yet printed; ``findings_index(findings)`` maps ``(dataset, row_key)`` to the
findings of a figure.

Printed figures have year-free ids (``T3.20.total.pagu_rp``) and belong to the report year that
prints them; a figure about the year before, printed in the same report, ends in ``prev``
(``T3.20.total.pagu_rp.prev``) and is compared with that year's rows.

Seven kinds of rule (``Rule.kind``): ``total`` (printed total = sum of parts), ``pct`` (printed
percentage = recomputed at its printed rounding), ``rollup`` (hierarchies add up), ``same`` (the
same quantity printed in two places agrees, Bab 3 against Lampiran 6 by the indicator's unit),
``index`` (an index recomputed from its components), ``trend`` (multi-year series: no value an
order of magnitude off its neighbours, earlier years' totals add up) and ``plausible`` (no
realisasi above pagu, capaian above 150 %, negative values, actual without target, no fractional
count). A finding that is a second symptom of another row's error names that row
(``Finding.root_cause``, and a sentence in its message).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kpi.checks.engine import (
    KIND_EXPLAIN,
    KIND_TEXT,
    KINDS,
    SEVERITIES,
    SEVERITY_TEXT,
    CheckReport,
    Finding,
    Outcome,
    RootCause,
    Rule,
    findings_index,
    fmt_value,
    run,
    summary,
    tolerance,
)
from kpi.checks.rules import RULE_BY_ID, RULES

__all__ = [
    "KINDS",
    "KIND_EXPLAIN",
    "KIND_TEXT",
    "RULES",
    "RULE_BY_ID",
    "SEVERITIES",
    "SEVERITY_TEXT",
    "CheckReport",
    "Finding",
    "Outcome",
    "RootCause",
    "Rule",
    "findings_index",
    "fmt_value",
    "run_checks",
    "summary",
    "tolerance",
]


def run_checks(frames: Mapping[str, pd.DataFrame], year: int | None = None) -> CheckReport:
    """Every rule over ``frames`` for ``year`` (the year the figures belong to; ``None``: every year).

    Rules whose datasets are absent are skipped and listed in ``.skipped``.
    """
    return run(RULES, frames, year)
