"""Kelola Data: the template choices, an upload's problems and preview, the versions, users and audit tables.

Pure: the page hands in what the loaders returned (an upload's validation problems, a prepared
upload, the per-table diff, the versions list, the users, the audit log) and gets back texts and
:class:`~views.table.Table` models to draw. Text that comes from users or files (file names, user
names, notes, audit details) only ever goes into tables; :func:`escape_markdown` is for the few
messages that carry it into a Markdown element (error boxes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from kpi.format import fmt_number, fmt_pct, fmt_rp
from kpi.headline import headline
from views.i18n import texts
from views.table import Column, Table, make_table

if TYPE_CHECKING:
    from loaders.versions import Prepared, TableChange

SECTION = "kelola"

HEADLINE: tuple[tuple[str, str], ...] = (
    ("overall_capaian_pct", "pct"),
    ("ss1_capaian_pct", "pct"),
    ("ss2_capaian_pct", "pct"),
    ("productivity_contribution_pct", "pct"),
    ("rb_index", "num"),
    ("spbe_index", "num"),
    ("budget_pagu_rp", "rp"),
    ("budget_realisasi_rp", "rp"),
    ("budget_absorption_pct", "pct"),
)
"""The ``kpi.headline`` figures shown before and after an upload (section 3.1, Tabel 3.2, Tabel 3.20), and how."""

AUDIT_ACTIONS: tuple[str, ...] = (
    "login",
    "upload",
    "validasi",
    "publikasi",
    "rollback",
    "pengguna",
    "catatan",
    "token",
)
"""The actions ``loaders.audit`` records (the audit tab's filter)."""


# --------------------------------------------------------------------------- helpers


def _when(value: object) -> str:
    """A timestamp to the second (``2025-03-01 08:15:02``), blank when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")


def _word(s, prefix: str, value: object) -> str:
    """A code translated through the catalogue (``status_current``), the code itself when unknown."""
    try:
        return s(f"{prefix}_{value}")
    except KeyError:
        return "" if value is None else str(value)


def _columns(s, spec: Sequence[tuple[str, str]]) -> list[Column]:
    return [Column(key, s(f"col_{key}"), kind) for key, kind in spec]


def user_bar(username: str, role: str, lang: str) -> str:
    """``Masuk sebagai: rina · Peran: perencana`` (plain text: drawn with ``st.text``)."""
    s = texts(SECTION, lang)
    return s("user_bar", user=username, role=_word(s, "role", role))


def role_label(role: str, lang: str) -> str:
    """A role as shown (``perencana`` -> ``planner`` in English)."""
    return _word(texts(SECTION, lang), "role", role)


def upload_limit(size_bytes: int, lang: str) -> str:
    """The upload limit in whole megabytes (``25 MB``)."""
    return texts(SECTION, lang)("mb", n=fmt_number(size_bytes / 1024 / 1024, 0, lang))


# --------------------------------------------------------------------------- template


@dataclass(frozen=True)
class TemplateChoice:
    """One template on offer: prefilled with ``year`` (None: blank), its rows labelled ``as_year``."""

    key: str
    year: int | None
    as_year: int | None
    label: str
    file_name: str


def template_choices(years: Sequence[int], lang: str) -> list[TemplateChoice]:
    """The next year's template (the newest loaded year relabelled as the year after, its printed
    figures left empty by ``loaders.template``), then each loaded year as loaded, newest first, then blank.
    """
    s = texts(SECTION, lang)
    newest_first = sorted({int(y) for y in years}, reverse=True)
    out: list[TemplateChoice] = []
    if newest_first:
        base = newest_first[0]
        out.append(
            TemplateChoice(
                f"next:{base + 1}",
                base,
                base + 1,
                s("tpl_next", y=base + 1, base=base),
                s("tpl_file", label=base + 1),
            )
        )
    out += [TemplateChoice(f"year:{y}", y, None, s("tpl_year", y=y), s("tpl_file", label=y)) for y in newest_first]
    out.append(TemplateChoice("blank", None, None, s("tpl_blank"), s("tpl_file", label=s("tpl_file_blank"))))
    return out


def default_template(choices: Sequence[TemplateChoice], year: int) -> int:
    """Index of the template offered first: the next year's when ``year`` is the newest loaded year
    (the yearly cycle), else the template of ``year`` as loaded (to correct an earlier year)."""
    if choices and choices[0].as_year is not None and choices[0].year == year:
        return 0
    return next((i for i, c in enumerate(choices) if c.as_year is None and c.year == year), 0)


# --------------------------------------------------------------------------- upload


@dataclass(frozen=True)
class Problems:
    """An upload that failed validation: what to say and the table of every problem (sheet, row, column)."""

    message: str
    hint: str
    table: Table


def problems(frame: pd.DataFrame, lang: str) -> Problems:
    """The problems of ``loaders.validate.ValidationError.to_frame()`` (lokasi, baris, kolom, nilai, seharusnya)."""
    s = texts(SECTION, lang)
    spec = (("lokasi", "text"), ("baris", "year"), ("kolom", "text"), ("nilai", "text"), ("seharusnya", "text"))
    table = make_table(frame, _columns(s, spec), lang, "masalah_unggahan", ())
    return Problems(s("up_problems", n=fmt_number(len(frame), 0, lang)), s("up_fix"), table)


def headline_values(
    before: Mapping[str, pd.DataFrame], after: Mapping[str, pd.DataFrame], years: Sequence[int]
) -> pd.DataFrame:
    """The headline figures (``HEADLINE``) of each uploaded year before and after the upload, as numbers.

    Columns: year, key, kind, before, after (``None`` where a year has no data, e.g. a new year before).
    """
    rows = []
    for year in years:
        old, new = headline(before, int(year)), headline(after, int(year))
        rows += [
            {"year": int(year), "key": key, "kind": kind, "before": old.get(key), "after": new.get(key)}
            for key, kind in HEADLINE
        ]
    return pd.DataFrame(rows, columns=["year", "key", "kind", "before", "after"])


def _value(value: object, kind: str, lang: str) -> str:
    if kind == "pct":
        return fmt_pct(value, 2, lang)
    if kind == "rp":
        return fmt_rp(value, lang)
    return fmt_number(value, 2, lang)


@dataclass(frozen=True)
class Preview:
    """A valid upload before it is published: its summary, findings, changed tables and headline figures."""

    summary: str
    counts: str
    blocking: int
    """Error findings this upload introduces: publishing needs an admin's acceptance while > 0."""
    blocking_text: str
    findings: Table
    findings_none: str
    changes: Table
    changes_none: str
    headline: Table


def _findings_table(prepared: Prepared, lang: str) -> Table:
    s = texts(SECTION, lang)
    new = {id(f) for f in prepared.new_errors}
    rows = [
        {
            "severity": _word(s, "severity", f.severity),
            "status_new": "✔" if id(f) in new else "",
            "message": f.message(lang),
            "tables": ", ".join(getattr(f, "tables", ()) or ()),
            "year": getattr(f, "year", None),
        }
        for f in prepared.findings
        if f.severity in ("error", "warning")
    ]
    frame = pd.DataFrame(rows, columns=["severity", "status_new", "message", "tables", "year"])
    spec = (("severity", "text"), ("status_new", "text"), ("message", "text"), ("tables", "text"), ("year", "year"))
    return make_table(frame, _columns(s, spec), lang, "temuan_unggahan", ())


def changes_table(changes: Sequence[TableChange], lang: str) -> Table:
    """The datasets whose rows an upload adds, changes or removes (``loaders.versions.diff``), by count."""
    s = texts(SECTION, lang)
    cols = ["name", "added", "changed", "removed", "unchanged"]
    frame = pd.DataFrame([{c: getattr(ch, c) for c in cols} for ch in changes], columns=cols)
    frame = frame[frame[["added", "changed", "removed"]].sum(axis=1) > 0].reset_index(drop=True)
    spec = (("name", "text"), ("added", "int"), ("changed", "int"), ("removed", "int"), ("unchanged", "int"))
    return make_table(frame, _columns(s, spec), lang, "perubahan_unggahan", ())


def headline_table(values: pd.DataFrame, lang: str) -> Table:
    """:func:`headline_values` as a table: each figure written in its own unit, the numbers in the download."""
    s = texts(SECTION, lang)
    shown = pd.DataFrame(
        {
            "year": values["year"].to_list(),
            "figure": [s(f"fig_{k}") for k in values["key"]],
            "before": [_value(v, k, lang) for v, k in zip(values["before"], values["kind"], strict=True)],
            "after": [_value(v, k, lang) for v, k in zip(values["after"], values["kind"], strict=True)],
        }
    )
    spec = (("year", "year"), ("figure", "text"), ("before", "text"), ("after", "text"))
    table = make_table(shown, _columns(s, spec), lang, "angka_utama_unggahan", ())
    raw = table.raw.copy()
    raw[s("col_before")] = values["before"].to_list()
    raw[s("col_after")] = values["after"].to_list()
    return dataclasses.replace(table, raw=raw, right=(s("col_before"), s("col_after")))


def preview(prepared: Prepared, changes: Sequence[TableChange], values: pd.DataFrame, lang: str) -> Preview:
    """What the page shows of a valid upload (``loaders.versions.prepare``) before it is published."""
    s = texts(SECTION, lang)
    errors = sum(1 for f in prepared.findings if f.severity == "error")
    warnings = sum(1 for f in prepared.findings if f.severity == "warning")
    blocking = len(prepared.new_errors)
    return Preview(
        summary=s(
            "up_ok",
            rows=fmt_number(prepared.rows, 0, lang),
            years=", ".join(map(str, prepared.years)),
            base=prepared.base_version,
        ),
        counts=s(
            "findings_counts",
            e=fmt_number(errors, 0, lang),
            k=fmt_number(errors - blocking, 0, lang),
            w=fmt_number(warnings, 0, lang),
        ),
        blocking=blocking,
        blocking_text=s("findings_new", n=fmt_number(blocking, 0, lang)),
        findings=_findings_table(prepared, lang),
        findings_none=s("findings_none"),
        changes=changes_table(changes, lang),
        changes_none=s("preview_none"),
        headline=headline_table(values, lang),
    )


# --------------------------------------------------------------------------- admin tables


def versions_table(frame: pd.DataFrame, lang: str) -> Table:
    """``loaders.versions.list_versions``: one row per version, newest first, statuses in words, short hashes."""
    s = texts(SECTION, lang)
    shown = frame.assign(
        published_at=frame["published_at"].map(_when),
        sha256=frame["sha256"].astype("string").str.slice(0, 12),
        status=frame["status"].map(lambda v: _word(s, "status", v)),
    )
    spec = (
        ("id", "text"),
        ("published_at", "text"),
        ("published_by", "text"),
        ("file_name", "text"),
        ("sha256", "text"),
        ("years", "text"),
        ("rows", "int"),
        ("note", "text"),
        ("status", "text"),
        ("base_version", "text"),
        ("restored_from", "text"),
        ("load_id", "text"),
    )
    return make_table(shown, _columns(s, spec), lang, "versi_data", ())


def users_table(frame: pd.DataFrame, lang: str) -> Table:
    """``loaders.auth.list_users``: the accounts (no password hashes), roles in words."""
    s = texts(SECTION, lang)
    shown = frame.assign(
        role=frame["role"].map(lambda v: _word(s, "role", v)),
        active=frame["active"].map(lambda v: s("yes") if bool(v) else s("no")),
        locked_until=frame["locked_until"].map(_when),
        created_at=frame["created_at"].map(_when),
        last_login_at=frame["last_login_at"].map(_when),
    )
    spec = (
        ("username", "text"),
        ("role", "text"),
        ("active", "text"),
        ("failed_attempts", "int"),
        ("locked_until", "text"),
        ("created_at", "text"),
        ("last_login_at", "text"),
    )
    return make_table(shown, _columns(s, spec), lang, "pengguna", ())


def audit_table(frame: pd.DataFrame, lang: str) -> Table:
    """``loaders.audit.read``: newest first; the details (JSON written by the loaders) as they are."""
    s = texts(SECTION, lang)
    shown = frame.assign(at=frame["at"].map(_when))
    spec = (("id", "text"), ("at", "text"), ("username", "text"), ("action", "text"), ("outcome", "text"))
    columns = [Column("id", s("col_no")), *_columns(s, spec[1:]), Column("detail", s("col_detail"))]
    return make_table(shown, columns, lang, "log_audit", ())
