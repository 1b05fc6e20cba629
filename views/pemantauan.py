"""Pemantauan Triwulan: one quarter of a year as a pure view (``kpi.progress``).

``page(frames, notes, year, quarter, lang)`` gives what the page draws: the quarters loaded, the
example-data mark, the empty state (no quarter loaded), a tile per IKSS (progress, projection with
its range, status in words), the counts, the early-warning list (indicators and budget lines at risk
or off track, largest projected shortfall first, with the latest follow-up note), the budget per
program and per unit against its pace curve (table and chart rows), the projection chart of the IKSS
and IKP, the notes and the choices of the drill-down and the note form. ``drill(model, key, lang)``
is the IKP and IKK of one program and unit. Numbers are written by :mod:`kpi.format`; text from files
and users (names, notes) only goes into tables and plain-text elements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from kpi.format import auto_decimals, fmt_number, fmt_pct
from kpi.progress import THRESHOLDS, budget_curves, budget_progress, indicator_progress
from loaders.notes import COLUMNS as NOTE_COLUMNS
from loaders.triwulan import ROMAN, is_demo, quarters_loaded
from views.common import escape_markdown
from views.i18n import texts
from views.table import Column, Table, make_table
from views.theme import STATUS_COLOR, STATUS_ICON, STATUS_MARKDOWN_COLOR

SECTION = "pemantauan"
NEEDED = (
    "triwulan_indikator",
    "triwulan_anggaran",
    "output_capaian",
    "ikss",
    "ikss_capaian",
    "budget_program",
    "budget_unit",
    "unit",
    "program",
)
"""The datasets the page reads."""
THEME = {"on_track": "hijau", "at_risk": "kuning", "off_track": "merah", "unknown": "abu"}
"""A progress status in the house palette (``views.theme``): colour and icon, and always its words."""
ORDER = {"off_track": 0, "at_risk": 1, "on_track": 2, "unknown": 3}
LEVELS = ("ikss", "ikp", "ikk", "program", "unit")
SOURCES_IND = ("source_triwulan", "Tabel 3.2", "Lampiran 6")
SOURCES_BUD = ("source_triwulan", "Tabel 3.20", "Tabel 3.21")


@dataclass(frozen=True)
class ProgressTile:
    """One IKSS: its progress now, the projection and the status in words and colour."""

    key: str
    label: str
    value: str
    help: str
    projection: str
    status: str
    status_text: str
    """``⛔ Tertinggal``: icon and words, so the status never rests on colour alone."""
    color: str
    """Streamlit markdown colour name of the status (``red``)."""


@dataclass(frozen=True)
class Empty:
    """What the page says on a year without any quarter: how to upload one."""

    title: str
    steps: str
    demo: str


@dataclass(frozen=True)
class Budget:
    """One level of the budget (program or unit): the table, the chart rows and its caption."""

    table: Table
    chart_rows: pd.DataFrame
    """level, code, name, quarter, value (% of pagu), series (Realisasi / Kurva laju / Proyeksi), status."""
    caption: str


@dataclass(frozen=True)
class Page:
    year: int
    quarter: int | None
    quarters: tuple[int, ...]
    title: str
    intro: str
    shown: str
    demo: str | None
    empty: Empty | None
    thresholds: str
    tiles: tuple[ProgressTile, ...] = ()
    counts: str = ""
    warning: Table | None = None
    budget: Mapping[str, Budget] = field(default_factory=dict)
    projection_rows: pd.DataFrame | None = None
    """IKSS and IKP with a projection: label, progress, projected, low, high, status (chart rows)."""
    drill_options: tuple[tuple[str, str], ...] = ()
    """``("DL|BINALAVOTAS", "DL · Ditjen Binalavotas")`` per program and unit with IKP or IKK."""
    note_options: tuple[tuple[str, str], ...] = ()
    """``("ikk|2217.1", "IKK 2217.1 · Jumlah BLK ...")`` for the note form, the early warnings first."""
    notes: Table | None = None
    indicators: pd.DataFrame | None = None
    """Every indicator's progress row (``kpi.progress.indicator_progress``) with its follow-up: the drill-down's."""


@dataclass(frozen=True)
class Drill:
    table: Table
    caption: str


# --------------------------------------------------------------------------- helpers


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _num(value: object, lang: str, most: int = 2) -> str:
    """A figure with the decimals it has (up to ``most``): ``13.600``, ``4,01``."""
    if _missing(value):
        return "–"
    v = float(value)
    return fmt_number(v, auto_decimals(v, most), lang)


def status_text(s, status: str) -> str:
    return f"{STATUS_ICON[THEME[status]]} {s('status_' + status)}"


def status_color(status: str) -> str:
    """The chart colour of a status (``views.theme.STATUS_COLOR``)."""
    return STATUS_COLOR[THEME[status]]


def _method(s, method: str, previous: int | None = None) -> str:
    try:
        text = s(f"method_{method}")
    except KeyError:
        return method
    return s("method_profil_of", p=previous) if method == "profil_tahun_lalu" and previous else text


def _range(low: object, high: object, lang: str) -> str:
    if _missing(low) or _missing(high):
        return "–"
    if round(float(low), 2) == round(float(high), 2):
        return fmt_pct(float(low), 2, lang)
    return f"{fmt_pct(float(low), 2, lang)} – {fmt_pct(float(high), 2, lang)}"


def quarter_label(q: int, lang: str) -> str:
    """How a quarter is numbered in the text: Roman in Indonesian (triwulan IV), digits in English (Q4)."""
    return ROMAN[q] if lang != "en" else str(q)


def _quarter_name(s, q: int, lang: str) -> str:
    return s("quarter_name", q=quarter_label(q, lang))


def _latest_notes(notes: pd.DataFrame | None, quarter: int) -> dict[tuple[str, str], str]:
    """Per (level, code): the newest note of ``quarter`` or before, as ``T1: text — author, 2025-04-02``."""
    if notes is None or notes.empty:
        return {}
    upto = notes[notes["quarter"] <= quarter].sort_values("id")
    out = {}
    for r in upto.to_dict("records"):
        when = pd.Timestamp(r["created_at"]).strftime("%Y-%m-%d")
        head = f"T{int(r['quarter'])}: " if int(r["quarter"]) != quarter else ""
        out[(str(r["level"]), str(r["code"]))] = f"{head}{r['note']} — {r['author']}, {when}"
    return out


def _unit_names(frames: Mapping[str, pd.DataFrame], year: int) -> dict[str, str]:
    unit = frames.get("unit")
    if unit is None or not len(unit):
        return {}
    rows = unit[unit["year"] == year]
    return {str(c): str(n) for c, n in zip(rows["code"], rows["short_name"], strict=True)}


# --------------------------------------------------------------------------- the page


def quarter_options(frames: Mapping[str, pd.DataFrame], year: int) -> list[int]:
    """The quarters of ``year`` with rows, in order (the page's quarter selector)."""
    return quarters_loaded(frames, year)


def _tiles(ind: pd.DataFrame, lang: str) -> tuple[ProgressTile, ...]:
    s = texts(SECTION, lang)
    out = []
    for r in ind[ind["level"] == "ikss"].to_dict("records"):
        status = str(r["status"])
        unit = f" {escape_markdown(r['satuan'])}" if r["satuan"] else ""  # the help tooltip is Markdown
        if status == "unknown":
            why = s("method_teks") if r["method"] == "teks" else s("method_-")
            projection = s("tile_unknown", why=why)
            help_text = projection
        else:
            planned = not _missing(r["target_triwulan"])
            how = s("how_plan" if planned else "how_line", e=_num(r["expected"], lang))
            help_text = s(
                "tile_help",
                r=_num(r["realisasi_kumulatif"], lang) + unit,
                t=_num(r["target"], lang) + unit,
                p=fmt_pct(r["pace_pct"], 2, lang),
                how=how,
                m=_method(s, str(r["method"])),
            )
            low, high = r["projected_low_pct"], r["projected_high_pct"]
            if _missing(low) or round(float(low), 2) == round(float(high), 2):
                projection = s("tile_projection_point", p=fmt_pct(r["projected_pct"], 2, lang))
            else:
                projection = s(
                    "tile_projection",
                    p=fmt_pct(r["projected_pct"], 2, lang),
                    lo=fmt_pct(low, 2, lang),
                    hi=fmt_pct(high, 2, lang),
                )
        out.append(
            ProgressTile(
                key=f"tw_tile_{r['code']}",
                label=str(r["name"]),
                value=fmt_pct(r["progress_pct"], 2, lang),
                help=help_text,
                projection=projection,
                status=status,
                status_text=status_text(s, status),
                color=STATUS_MARKDOWN_COLOR[THEME[status]],
            )
        )
    return tuple(out)


def _counts(ind: pd.DataFrame, lang: str) -> str:
    s = texts(SECTION, lang)
    n = ind["status"].value_counts()
    return s(
        "counts",
        n=fmt_number(len(ind), 0, lang),
        on=fmt_number(int(n.get("on_track", 0)), 0, lang),
        risk=fmt_number(int(n.get("at_risk", 0)), 0, lang),
        off=fmt_number(int(n.get("off_track", 0)), 0, lang),
        unk=fmt_number(int(n.get("unknown", 0)), 0, lang),
    )


def _warning(ind: pd.DataFrame, bud: pd.DataFrame, units: dict[str, str], lang: str) -> Table:
    """Indicators and budget lines at risk or off track, largest shortfall first (then worst status, then code)."""
    s = texts(SECTION, lang)
    rows = []
    for frame, budget in ((ind, False), (bud, True)):
        hit = frame[frame["status"].isin(["at_risk", "off_track"])]
        for r in hit.to_dict("records"):
            unit = r.get("unit_code") if not budget else (r["code"] if r["level"] == "unit" else "")
            rows.append(
                {
                    "level": s("lvl_" + r["level"]),
                    "code": r["code"],
                    "name": r["name"],
                    "unit": units.get(str(unit or ""), str(unit or "")),
                    "progress": r["progress_pct"],
                    "projected": r["projected_pct"],
                    "range": _range(r["projected_low_pct"], r["projected_high_pct"], lang),
                    "shortfall": r["shortfall_pct"],
                    "status": status_text(s, r["status"]),
                    "order": ORDER[r["status"]],
                    "followup": r.get("followup", ""),
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=["level", "code", "name", "unit", "progress", "projected", "range", "shortfall", "status", "order"]
        + ["followup"],
    )
    frame = frame.sort_values(["shortfall", "order", "code"], ascending=[False, True, True], kind="stable")
    columns = [
        Column("level", s("col_level")),
        Column("code", s("col_code")),
        Column("name", s("col_name")),
        Column("unit", s("col_unit")),
        Column("progress", s("col_progress"), "pct"),
        Column("projected", s("col_projected"), "pct"),
        Column("range", s("col_range")),
        Column("shortfall", s("col_shortfall"), "num"),
        Column("status", s("col_status")),
        Column("followup", s("col_followup")),
    ]
    return make_table(
        frame.reset_index(drop=True), columns, lang, "peringatan_dini", _sources(s, SOURCES_IND + SOURCES_BUD[1:])
    )


def _sources(s, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s(k) if k.startswith("source_") else k for k in keys)


def _budget(bud: pd.DataFrame, curves: pd.DataFrame, level: str, quarter: int, lang: str) -> Budget:
    s = texts(SECTION, lang)
    part = bud[bud["level"] == level].copy()
    part["status_text"] = [status_text(s, st) for st in part["status"]]
    part["range"] = [
        _range(lo, hi, lang) for lo, hi in zip(part["projected_low_pct"], part["projected_high_pct"], strict=True)
    ]
    previous = next((int(p) for p in part["previous_year"] if not _missing(p)), None)
    part["method_text"] = [_method(s, str(m), previous) for m in part["method"]]
    columns = [
        Column("code", s("col_code")),
        Column("name", s("col_name")),
        Column("pagu_rp", s("col_pagu"), "rp"),
        Column("realisasi_kumulatif", s("col_real"), "rp"),
        Column("progress_pct", s("col_absorbed"), "pct"),
        Column("expected_pct", s("col_expected"), "pct"),
        Column("pace_pct", s("col_pace"), "pct"),
        Column("projected_pct", s("col_projected"), "pct"),
        Column("range", s("col_range")),
        Column("method_text", s("col_method")),
        Column("status_text", s("col_status")),
    ]
    table = make_table(
        part.reset_index(drop=True),
        columns,
        lang,
        f"anggaran_triwulan_{level}",
        _sources(s, ("source_triwulan", "Tabel 3.20" if level == "program" else "Tabel 3.21")),
    )
    rows = []
    real = s("series_real")
    pace = s("series_pace")
    proj = s("series_proj")
    mine = curves[curves["level"] == level]
    for r in mine.to_dict("records"):
        name = f"{r['code']} · {r['name']}"
        # the pace curve over the whole year; the actual path up to the quarter shown
        rows.append(
            {"code": r["code"], "name": name, "quarter": r["quarter"], "value": r["expected_pct"], "series": pace}
        )
        if r["quarter"] <= quarter and not _missing(r["absorption_pct"]):
            rows.append(
                {"code": r["code"], "name": name, "quarter": r["quarter"], "value": r["absorption_pct"], "series": real}
            )
    for r in part.to_dict("records"):
        if _missing(r["projected_pct"]) or _missing(r["progress_pct"]) or quarter >= 4:
            continue
        name = f"{r['code']} · {r['name']}"
        rows.append({"code": r["code"], "name": name, "quarter": quarter, "value": r["progress_pct"], "series": proj})
        rows.append({"code": r["code"], "name": name, "quarter": 4, "value": r["projected_pct"], "series": proj})
    chart_rows = pd.DataFrame(rows, columns=["code", "name", "quarter", "value", "series"])
    caption = s("pace_caption_prev", p=previous) if previous else s("pace_caption_line")
    return Budget(table, chart_rows, caption)


def _projection_rows(ind: pd.DataFrame) -> pd.DataFrame:
    part = ind[ind["level"].isin(["ikss", "ikp"]) & ind["projected_pct"].notna()]
    label = [f"{c} · {n[:60]}{'…' if len(n) > 60 else ''}" for c, n in zip(part["code"], part["name"], strict=True)]
    return pd.DataFrame(
        {
            "label": label,
            "level": part["level"].to_numpy(),
            "progress": part["progress_pct"].astype(float).to_numpy(),
            "projected": part["projected_pct"].astype(float).to_numpy(),
            "low": part["projected_low_pct"].astype(float).to_numpy(),
            "high": part["projected_high_pct"].astype(float).to_numpy(),
            "status": part["status"].to_numpy(),
        }
    )


def _notes_table(notes: pd.DataFrame | None, ind: pd.DataFrame, bud: pd.DataFrame, lang: str) -> Table:
    s = texts(SECTION, lang)
    frame = notes.copy() if notes is not None else pd.DataFrame(columns=NOTE_COLUMNS)
    names = {(str(r["level"]), str(r["code"])): str(r["name"]) for r in pd.concat([ind, bud]).to_dict("records")}
    frame["name"] = [names.get((str(lv), str(c)), "") for lv, c in zip(frame["level"], frame["code"], strict=True)]
    frame["level_text"] = [s("lvl_" + str(lv)) if str(lv) in LEVELS else str(lv) for lv in frame["level"]]
    frame["when"] = [pd.Timestamp(w).strftime("%Y-%m-%d %H:%M") if not _missing(w) else "" for w in frame["created_at"]]
    frame = frame.iloc[::-1].reset_index(drop=True)  # newest first
    columns = [
        Column("quarter", s("col_quarter"), "int"),
        Column("level_text", s("col_level")),
        Column("code", s("col_code")),
        Column("name", s("col_name")),
        Column("note", s("col_note")),
        Column("author", s("col_author")),
        Column("when", s("col_when")),
    ]
    return make_table(frame, columns, lang, "catatan_tindak_lanjut", (s("source_triwulan"),))


def _note_options(ind: pd.DataFrame, bud: pd.DataFrame, lang: str) -> tuple[tuple[str, str], ...]:
    """Every indicator and budget line for the note form: the early warnings first (worst first), then the rest."""
    s = texts(SECTION, lang)
    both = pd.concat(
        [
            ind[["level", "code", "name", "status", "shortfall_pct"]],
            bud[["level", "code", "name", "status", "shortfall_pct"]],
        ]
    )
    both = both.assign(order=both["status"].map(ORDER), short=both["shortfall_pct"].fillna(-1))
    both = both.sort_values(["order", "short"], ascending=[True, False], kind="stable")
    return tuple(
        (f"{r['level']}|{r['code']}", f"{s('lvl_' + r['level'])} {r['code']} · {r['name']}")
        for r in both.to_dict("records")
    )


def _drill_options(ind: pd.DataFrame, frames: Mapping[str, pd.DataFrame], year: int) -> tuple[tuple[str, str], ...]:
    units = _unit_names(frames, year)
    part = ind[ind["level"].isin(["ikp", "ikk"])]
    pairs = list(dict.fromkeys(zip(part["program_code"], part["unit_code"], strict=True)))
    return tuple((f"{p}|{u}", f"{p} · {units.get(u, u)}") for p, u in pairs)


def page(
    frames: Mapping[str, pd.DataFrame], notes: pd.DataFrame | None, year: int, quarter: int | None, lang: str
) -> Page:
    """The page of ``year`` at ``quarter`` (default and fallback: the newest loaded) in ``lang``."""
    s = texts(SECTION, lang)
    quarters = tuple(quarter_options(frames, year))
    t = THRESHOLDS
    thresholds = s(
        "thresholds",
        on=fmt_pct(t.on_track_pct, 0, lang),
        risk=fmt_pct(t.at_risk_pct, 0, lang),
        bon=fmt_pct(t.budget_on_track_pct, 0, lang),
        brisk=fmt_pct(t.budget_at_risk_pct, 0, lang),
    )
    base = {
        "year": year,
        "title": s("title", y=year),
        "intro": s("intro"),
        "thresholds": thresholds,
        "quarters": quarters,
    }
    if not quarters:
        empty = Empty(s("empty_title", y=year), s("empty_steps", y=year), s("empty_demo", y=year))
        return Page(quarter=None, shown="", demo=None, empty=empty, **base)
    quarter = quarter if quarter in quarters else quarters[-1]
    ind = indicator_progress(frames, year, quarter)
    bud = budget_progress(frames, year, quarter)
    latest = _latest_notes(notes, quarter)
    ind = ind.assign(followup=[latest.get((lv, c), "") for lv, c in zip(ind["level"], ind["code"], strict=True)])
    bud = bud.assign(followup=[latest.get((lv, c), "") for lv, c in zip(bud["level"], bud["code"], strict=True)])
    units = _unit_names(frames, year)
    curves = budget_curves(frames, year)
    return Page(
        quarter=quarter,
        shown=s(
            "shown",
            q=quarter_label(quarter, lang),
            y=year,
            qs=", ".join(_quarter_name(s, q, lang) for q in quarters),
        ),
        demo=s("demo") if is_demo(frames, year) else None,
        empty=None,
        tiles=_tiles(ind, lang),
        counts=_counts(ind, lang),
        warning=_warning(ind, bud, units, lang),
        budget={level: _budget(bud, curves, level, quarter, lang) for level in ("program", "unit")},
        projection_rows=_projection_rows(ind),
        drill_options=_drill_options(ind, frames, year),
        note_options=_note_options(ind, bud, lang),
        notes=_notes_table(notes, ind, bud, lang),
        indicators=ind,
        **base,
    )


def drill(model: Page, key: str, lang: str) -> Drill:
    """The IKP and IKK of one program and unit (``"DL|BINALAVOTAS"``) at the page's quarter."""
    s = texts(SECTION, lang)
    ind = model.indicators if model.indicators is not None else pd.DataFrame(columns=["level"])
    program, _, unit = key.partition("|")
    part = ind[ind["level"].isin(["ikp", "ikk"]) & (ind["program_code"] == program) & (ind["unit_code"] == unit)]
    part = part.assign(
        level_text=[s("lvl_" + lv) for lv in part["level"]],
        range=[
            _range(lo, hi, lang) for lo, hi in zip(part["projected_low_pct"], part["projected_high_pct"], strict=True)
        ],
        method_text=[_method(s, str(m)) for m in part["method"]],
        status_text=[status_text(s, st) for st in part["status"]],
    )
    columns = [
        Column("level_text", s("col_level")),
        Column("code", s("col_code")),
        Column("name", s("col_indicator")),
        Column("kegiatan_name", s("col_kegiatan")),
        Column("target", s("col_target"), "num"),
        Column("target_triwulan", s("col_target_q"), "num"),
        Column("realisasi_kumulatif", s("col_real"), "num"),
        Column("progress_pct", s("col_progress"), "pct"),
        Column("pace_pct", s("col_pace"), "pct"),
        Column("projected_pct", s("col_projected"), "pct"),
        Column("range", s("col_range")),
        Column("method_text", s("col_method")),
        Column("status_text", s("col_status")),
        Column("catatan", s("col_catatan")),
        Column("followup", s("col_followup")),
    ]
    part = part.reset_index(drop=True)
    table = make_table(part, columns, lang, f"triwulan_{program}_{unit}".lower(), _sources(s, SOURCES_IND[::2]))
    # figures with the decimals they have (a count 13.600, a percentage 25,67); a text target as printed (WTP)
    table.display[s("col_target")] = [
        tt if tt else _num(t, lang) for t, tt in zip(part["target"], part["target_text"], strict=True)
    ]
    table.display[s("col_target_q")] = [_num(v, lang) if not _missing(v) else "" for v in part["target_triwulan"]]
    table.display[s("col_real")] = [_num(v, lang) for v in part["realisasi_kumulatif"]]
    n = part["status"].value_counts()
    counts = ", ".join(
        f"{fmt_number(int(n.get(st, 0)), 0, lang)} {s('status_' + st).lower()}"
        for st in ("on_track", "at_risk", "off_track", "unknown")
    )
    caption = s(
        "drill_caption",
        ikp=fmt_number(int((part["level"] == "ikp").sum()), 0, lang),
        ikk=fmt_number(int((part["level"] == "ikk").sum()), 0, lang),
        counts=counts,
    )
    return Drill(table, caption)
