"""Pemantauan Triwulan: progress ratio, pace, year-end projection and early-warning status of a quarter.

The LKj looks back once a year; these functions look ahead from a quarter's cumulative figures
(tables ``triwulan_indikator`` and ``triwulan_anggaran``, see ``loaders.datasets.triwulan``):

- **progress ratio**: cumulative realisation / annual target × 100, direction-aware as the report's
  capaian (``kpi.capaian.capaian_pct``; for a "lower is better" indicator (2·target − value) / target);
- **pace**: the realisation against where it should be by now: the quarterly target of the rencana
  aksi when there is one, else a straight line (a count: target × quarter / 4; a level: the target);
  for the budget the previous year's absorption curve when its quarters are loaded, else 25 % a quarter;
- **projection** of the year's end, with a range: see :func:`project_indicator` and
  :func:`project_budget`;
- **status** from the projected capaian (or absorption): on track, at risk, off track, by the
  thresholds of :data:`THRESHOLDS`, the one place they live.

Pure functions of numbers and frames; nothing here reads a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from kpi.capaian import capaian_pct, ratio_pct
from loaders.triwulan import quarters_loaded
from loaders.triwulan_codes import budget_lines, indicators

QUARTERS = 4
Status = Literal["on_track", "at_risk", "off_track", "unknown"]
STATUSES: tuple[Status, ...] = ("off_track", "at_risk", "on_track", "unknown")
"""Worst first: the order of the early-warning list."""
Jenis = Literal["kumulatif", "tingkat"]
Arah = Literal["naik", "turun"]


@dataclass(frozen=True)
class Thresholds:
    """Where the statuses begin, in percent of the year's target (indicators) or of the pagu (budget)."""

    on_track_pct: float = 100.0
    """An indicator projected to reach its target is on track (the report's own "tercapai")."""
    at_risk_pct: float = 90.0
    """Projected at 90 % to < 100 % of target: at risk, still within reach; below: off track."""
    budget_on_track_pct: float = 95.0
    """A budget line projected to absorb at least 95 % of its pagu is on track: a convention of this dashboard,
    not a figure of the LKj (which absorbed 89,52 % of its pagu in 2024, Tabel 3.20); change it here."""
    budget_at_risk_pct: float = 90.0
    """Projected absorption 90 % to < 95 %: at risk; below 90 %: off track."""


THRESHOLDS = Thresholds()
"""The thresholds every status of the page, the CLI and the tests is computed with."""


@dataclass(frozen=True)
class Projection:
    """A projected year-end value (indicator units or Rupiah), its range and how the point was made."""

    value: float | None
    low: float | None
    high: float | None
    method: str
    """``aktual`` (the fourth quarter is the year), ``rencana_aksi`` (the pace against the quarterly target
    carried to the year's end), ``linear`` (a count's cumulative path from zero), ``tren`` (a level's line
    through its reported quarters), ``tetap`` (a level reported once: it stays), ``profil_tahun_lalu``
    (the budget's path of the previous year), ``-`` (nothing to project from)."""


NOTHING = Projection(None, None, None, "-")


# --------------------------------------------------------------------------- one indicator or budget line


def progress_pct(realisasi: float | None, target: float | None, arah: Arah = "naik") -> float | None:
    """Progress ratio in percent: cumulative realisation / annual target × 100, direction-aware (``capaian_pct``)."""
    return capaian_pct(target, realisasi, arah)


def straight_line(target: float | None, quarter: int, jenis: Jenis = "kumulatif") -> float | None:
    """Where an indicator should be at the end of ``quarter`` without a rencana aksi.

    A count (``kumulatif``) grows in a straight line from zero to its target: target × quarter / 4.
    A level (``tingkat``: a percentage, an index) has one target for the whole year: the target.
    """
    if target is None:
        return None
    return target * quarter / QUARTERS if jenis == "kumulatif" else target


def pace_pct(realisasi: float | None, expected: float | None, arah: Arah = "naik") -> float | None:
    """The realisation against where it should be now (``expected``), in percent, direction-aware."""
    return capaian_pct(expected, realisasi, arah)


def _value_at(path: Mapping[int, float | None], quarter: int) -> float | None:
    value = path.get(quarter)
    return None if value is None or pd.isna(value) else float(value)


def project_indicator(
    path: Mapping[int, float | None],
    quarter: int,
    target: float | None,
    jenis: Jenis = "kumulatif",
    target_triwulan: float | None = None,
) -> Projection:
    """The year-end value of an indicator from its cumulative path up to ``quarter`` (``{quarter: value}``).

    Estimators (each only when its inputs exist); the point is the first that applies of
    *rencana aksi*, then *linear* (a count) or *tren* / *tetap* (a level); the range spans all of them:

    - ``rencana_aksi``: value / target_triwulan × target (ahead of the plan by 10 % now, 10 % at the end);
    - a count: ``linear`` value × 4 / quarter, and the latest quarter's increase repeated to the end
      (from zero before the first quarter);
    - a level: ``tetap`` the latest value, and ``tren`` the line through the first and the latest reported
      quarter carried to the fourth.

    In the fourth quarter the realisation is the year's: ``aktual``, no range.
    """
    value = _value_at(path, quarter)
    if value is None:
        return NOTHING
    if quarter >= QUARTERS:
        return Projection(value, value, value, "aktual")
    left = QUARTERS - quarter
    estimates: dict[str, float] = {}
    if target_triwulan is not None and target_triwulan > 0 and target is not None:
        estimates["rencana_aksi"] = value / target_triwulan * target
    if jenis == "kumulatif":
        estimates["linear"] = value * QUARTERS / quarter
        before = 0.0 if quarter == 1 else _value_at(path, quarter - 1)
        if before is not None:
            estimates["kenaikan_terakhir"] = value + (value - before) * left
    else:
        estimates["tetap"] = value
        first = min((q for q in path if q < quarter and _value_at(path, q) is not None), default=None)
        if first is not None:
            slope = (value - _value_at(path, first)) / (quarter - first)
            estimates["tren"] = value + slope * left
    point = next(m for m in ("rencana_aksi", "linear", "tren", "tetap") if m in estimates)
    return Projection(estimates[point], min(estimates.values()), max(estimates.values()), point)


def absorption_profile(path: Mapping[int, float | None], final: float | None = None) -> dict[int, float]:
    """The share of a year's final realisation reached by the end of each quarter (0 to 1).

    ``final`` is the year's realisation (the fourth quarter's cumulative figure when given in ``path``,
    else ``final``, e.g. the LKj's realisasi). Quarters without a positive share are left out.
    """
    end = _value_at(path, QUARTERS)
    end = end if end is not None else final
    if end is None or end <= 0:
        return {}
    out = {}
    for q in range(1, QUARTERS):
        v = _value_at(path, q)
        if v is not None and v > 0:
            out[q] = min(v / end, 1.0)
    return out


def project_budget(
    path: Mapping[int, float | None], quarter: int, pagu: float | None, profile: Mapping[int, float] | None = None
) -> Projection:
    """The year-end realisation of a budget line from its cumulative path up to ``quarter``.

    Estimators: ``profil_tahun_lalu`` realisation / (share of the previous year's realisation reached by
    this quarter) when that profile is known, ``linear`` realisation × 4 / quarter, and the latest
    quarter's spending repeated to the end. The point is the profile's when known, else linear (budget
    is spent late in the year, which the profile knows and a straight line does not); every estimate is
    capped at the pagu, which no realisation can exceed. In the fourth quarter: ``aktual``.
    """
    value = _value_at(path, quarter)
    if value is None:
        return NOTHING
    if quarter >= QUARTERS:
        return Projection(value, value, value, "aktual")
    estimates: dict[str, float] = {}
    share = (profile or {}).get(quarter)
    if share:
        estimates["profil_tahun_lalu"] = value / share
    estimates["linear"] = value * QUARTERS / quarter
    before = 0.0 if quarter == 1 else _value_at(path, quarter - 1)
    if before is not None:
        estimates["kenaikan_terakhir"] = value + (value - before) * (QUARTERS - quarter)
    if pagu is not None and pagu > 0:
        estimates = {k: min(v, pagu) for k, v in estimates.items()}
    point = "profil_tahun_lalu" if "profil_tahun_lalu" in estimates else "linear"
    return Projection(estimates[point], min(estimates.values()), max(estimates.values()), point)


def expected_absorption_pct(quarter: int, previous_curve: Mapping[int, float] | None = None) -> float:
    """The pace curve of a budget line at ``quarter``: the previous year's cumulative absorption (%) then,
    when known, else a straight line (25 % a quarter)."""
    if previous_curve and previous_curve.get(quarter) is not None:
        return float(previous_curve[quarter])
    return 100.0 * quarter / QUARTERS


def status_of(projected_pct: float | None, budget: bool = False, thresholds: Thresholds = THRESHOLDS) -> Status:
    """on_track / at_risk / off_track from the projected capaian (or absorption); unknown without one."""
    if projected_pct is None or pd.isna(projected_pct):
        return "unknown"
    on, risk = (
        (thresholds.budget_on_track_pct, thresholds.budget_at_risk_pct)
        if budget
        else (thresholds.on_track_pct, thresholds.at_risk_pct)
    )
    if projected_pct >= on:
        return "on_track"
    if projected_pct >= risk:
        return "at_risk"
    return "off_track"


def shortfall_pct(
    projected_pct: float | None, budget: bool = False, thresholds: Thresholds = THRESHOLDS
) -> float | None:
    """How far the projection falls short of on track, in percentage points (0 when on track)."""
    if projected_pct is None or pd.isna(projected_pct):
        return None
    goal = thresholds.budget_on_track_pct if budget else thresholds.on_track_pct
    return max(goal - projected_pct, 0.0)


# --------------------------------------------------------------------------- a year's quarter, from the frames

INDICATOR_COLUMNS = [
    "level",
    "code",
    "name",
    "satuan",
    "quarter",
    "target",
    "target_text",
    "arah",
    "jenis",
    "target_triwulan",
    "realisasi_kumulatif",
    "progress_pct",
    "expected",
    "pace_pct",
    "projected",
    "projected_pct",
    "projected_low_pct",
    "projected_high_pct",
    "method",
    "status",
    "shortfall_pct",
    "catatan",
    "sumber",
    "ss_code",
    "program_code",
    "unit_code",
    "kegiatan_code",
    "kegiatan_name",
]
BUDGET_COLUMNS = [
    "level",
    "code",
    "name",
    "quarter",
    "pagu_rp",
    "realisasi_kumulatif",
    "progress_pct",
    "expected_pct",
    "pace_pct",
    "projected",
    "projected_pct",
    "projected_low_pct",
    "projected_high_pct",
    "method",
    "status",
    "shortfall_pct",
    "previous_year",
    "sumber",
]
CLI_KEYS = ("level", "code", "name", "target", "realisasi_kumulatif", "progress_pct", "projected_pct", "status")
"""What ``python -m kpi progress`` prints per indicator and budget line (the issue's list)."""


def latest_quarter(frames: Mapping[str, pd.DataFrame], year: int) -> int | None:
    """The newest quarter of ``year`` with quarterly rows, or ``None``."""
    quarters = quarters_loaded(frames, year)
    return max(quarters) if quarters else None


def _rows(frames: Mapping[str, pd.DataFrame], name: str, year: int, quarter: int) -> pd.DataFrame:
    frame = frames.get(name)
    if frame is None or not len(frame):
        return pd.DataFrame(columns=["year", "quarter", "level", "code"])
    return frame[(frame["year"] == year) & (frame["quarter"] <= quarter)]


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _paths(rows: pd.DataFrame, column: str) -> dict[tuple[str, str], dict[int, float | None]]:
    out: dict[tuple[str, str], dict[int, float | None]] = {}
    for level, code, q, v in zip(rows["level"], rows["code"], rows["quarter"], rows[column], strict=True):
        out.setdefault((str(level), str(code)), {})[int(q)] = _num(v)
    return out


def _pcts(values: list[float | None], target: float | None, arah: Arah) -> list[float]:
    return [p for p in (capaian_pct(target, v, arah) for v in values) if p is not None]


def indicator_progress(frames: Mapping[str, pd.DataFrame], year: int, quarter: int | None = None) -> pd.DataFrame:
    """Every IKSS, IKP and IKK of ``year`` at ``quarter`` (default: the latest loaded): progress, pace,
    projection and status, one row each (columns :data:`INDICATOR_COLUMNS`), in the report's order.

    An indicator without a realisation at that quarter, or with a target the report prints as text
    (Opini BPK: WTP), gets status ``unknown``: it is listed, never counted as on track.
    """
    quarter = quarter if quarter is not None else latest_quarter(frames, year)
    catalogue = indicators(frames, year)
    if quarter is None or catalogue.empty:
        return pd.DataFrame(columns=INDICATOR_COLUMNS)
    rows = _rows(frames, "triwulan_indikator", year, quarter)
    paths = _paths(rows, "realisasi_kumulatif")
    now = {
        (str(r["level"]), str(r["code"])): r for r in rows[rows["quarter"] == quarter].astype(object).to_dict("records")
    }
    out = []
    for ind in catalogue.to_dict("records"):
        key = (ind["level"], ind["code"])
        row = now.get(key, {})
        jenis: Jenis = _text(row.get("jenis")) or ind["jenis"]  # type: ignore[assignment]
        arah: Arah = _text(row.get("arah")) or ind["arah"]  # type: ignore[assignment]
        target = _num(ind["target"])
        realisasi = _num(row.get("realisasi_kumulatif"))
        target_q = _num(row.get("target_triwulan"))
        numeric = target is not None and target != 0 and not ind["target_text"]
        expected = (target_q if target_q is not None else straight_line(target, quarter, jenis)) if numeric else None
        proj = project_indicator(paths.get(key, {}), quarter, target, jenis, target_q) if numeric else NOTHING
        projected_pct = capaian_pct(target, proj.value, arah) if numeric else None
        band = _pcts([proj.low, proj.high], target, arah) if numeric else []
        out.append(
            {
                **{k: ind[k] for k in ("level", "code", "name", "satuan", "target", "target_text")},
                "quarter": quarter,
                "arah": arah,
                "jenis": jenis,
                "target_triwulan": target_q,
                "realisasi_kumulatif": realisasi,
                "progress_pct": progress_pct(realisasi, target, arah) if numeric else None,
                "expected": expected,
                "pace_pct": pace_pct(realisasi, expected, arah) if numeric else None,
                "projected": proj.value,
                "projected_pct": projected_pct,
                "projected_low_pct": min(band) if band else None,
                "projected_high_pct": max(band) if band else None,
                "method": proj.method if numeric else "teks" if ind["target_text"] else "-",
                "status": status_of(projected_pct),
                "shortfall_pct": shortfall_pct(projected_pct),
                "catatan": _text(row.get("catatan")),
                "sumber": _text(row.get("sumber")),
                **{k: ind[k] for k in ("ss_code", "program_code", "unit_code", "kegiatan_code", "kegiatan_name")},
            }
        )
    return pd.DataFrame(out, columns=INDICATOR_COLUMNS)


def _previous_budget_year(frames: Mapping[str, pd.DataFrame], year: int) -> int | None:
    frame = frames.get("triwulan_anggaran")
    if frame is None or not len(frame):
        return None
    earlier = [int(y) for y in frame["year"].dropna().unique() if int(y) < year]
    return max(earlier) if earlier else None


def previous_curves(
    frames: Mapping[str, pd.DataFrame], year: int
) -> tuple[int | None, dict[tuple[str, str], dict[int, float]], dict[tuple[str, str], dict[int, float]]]:
    """The newest earlier year with quarterly budget rows, and per budget line its cumulative absorption
    curve (% of that year's pagu by quarter) and its profile (share of that year's realisation by quarter)."""
    prev = _previous_budget_year(frames, year)
    if prev is None:
        return None, {}, {}
    lines = {(r["level"], r["code"]): r for r in budget_lines(frames, prev).to_dict("records")}
    paths = _paths(_rows(frames, "triwulan_anggaran", prev, QUARTERS), "realisasi_kumulatif_rp")
    curves, profiles = {}, {}
    for key, path in paths.items():
        line = lines.get(key, {})
        pagu = _num(line.get("pagu_rp"))
        curves[key] = {q: p for q, v in path.items() if (p := ratio_pct(v, pagu)) is not None}
        profiles[key] = absorption_profile(path, _num(line.get("realisasi_rp")))
    return prev, curves, profiles


def budget_progress(frames: Mapping[str, pd.DataFrame], year: int, quarter: int | None = None) -> pd.DataFrame:
    """Every program and Eselon I unit of ``year`` at ``quarter``: absorption so far, pace against the
    previous year's curve (or 25 % a quarter), projected absorption and status (:data:`BUDGET_COLUMNS`)."""
    quarter = quarter if quarter is not None else latest_quarter(frames, year)
    lines = budget_lines(frames, year)
    if quarter is None or lines.empty:
        return pd.DataFrame(columns=BUDGET_COLUMNS)
    rows = _rows(frames, "triwulan_anggaran", year, quarter)
    paths = _paths(rows, "realisasi_kumulatif_rp")
    sumber = {
        (str(r), str(c)): s
        for r, c, q, s in zip(rows["level"], rows["code"], rows["quarter"], rows["sumber"], strict=True)
        if int(q) == quarter
    }
    prev, curves, profiles = previous_curves(frames, year)
    out = []
    for line in lines.to_dict("records"):
        key = (line["level"], line["code"])
        pagu = _num(line["pagu_rp"])
        path = paths.get(key, {})
        realisasi = _value_at(path, quarter)
        curve = curves.get(key)
        expected = expected_absorption_pct(quarter, curve)
        absorbed = ratio_pct(realisasi, pagu)
        proj = project_budget(path, quarter, pagu, profiles.get(key))
        projected_pct = ratio_pct(proj.value, pagu)
        out.append(
            {
                "level": line["level"],
                "code": line["code"],
                "name": line["name"],
                "quarter": quarter,
                "pagu_rp": pagu,
                "realisasi_kumulatif": realisasi,
                "progress_pct": absorbed,
                "expected_pct": expected,
                "pace_pct": ratio_pct(absorbed, expected),
                "projected": proj.value,
                "projected_pct": projected_pct,
                "projected_low_pct": ratio_pct(proj.low, pagu),
                "projected_high_pct": ratio_pct(proj.high, pagu),
                "method": proj.method,
                "status": status_of(projected_pct, budget=True),
                "shortfall_pct": shortfall_pct(projected_pct, budget=True),
                "previous_year": prev if curve else None,
                "sumber": _text(sumber.get(key)),
            }
        )
    return pd.DataFrame(out, columns=BUDGET_COLUMNS)


def budget_curves(frames: Mapping[str, pd.DataFrame], year: int) -> pd.DataFrame:
    """Every budget line of ``year``, quarters 1 to 4: its cumulative absorption (% of pagu; missing where the
    quarter is not loaded) beside its pace curve. Columns level, code, name, quarter, absorption_pct, expected_pct."""
    lines = budget_lines(frames, year)
    rows = _rows(frames, "triwulan_anggaran", year, QUARTERS)
    paths = _paths(rows, "realisasi_kumulatif_rp")
    _, curves, _ = previous_curves(frames, year)
    out = []
    for line in lines.to_dict("records"):
        key = (line["level"], line["code"])
        path = paths.get(key, {})
        for q in range(1, QUARTERS + 1):
            out.append(
                {
                    "level": line["level"],
                    "code": line["code"],
                    "name": line["name"],
                    "quarter": q,
                    "absorption_pct": ratio_pct(_value_at(path, q), _num(line["pagu_rp"])),
                    "expected_pct": expected_absorption_pct(q, curves.get(key)),
                }
            )
    return pd.DataFrame(out, columns=["level", "code", "name", "quarter", "absorption_pct", "expected_pct"])


def progress(frames: Mapping[str, pd.DataFrame], year: int, quarter: int | None = None) -> list[dict]:
    """Every indicator and budget line at ``quarter`` as :data:`CLI_KEYS` dicts (``python -m kpi progress``):
    the target is the annual target, or the pagu of a budget line; the realisation is cumulative."""
    ind = indicator_progress(frames, year, quarter)
    bud = budget_progress(frames, year, quarter).rename(columns={"pagu_rp": "target"})
    out = []
    for frame in (ind, bud):
        for r in frame.to_dict("records"):
            item = {k: (None if not isinstance(r[k], str) and pd.isna(r[k]) else r[k]) for k in CLI_KEYS}
            if item["target"] is None and r.get("target_text"):
                item["target"] = r["target_text"]
            out.append(item)
    return out
