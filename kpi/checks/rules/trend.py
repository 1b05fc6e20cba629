"""Kind ``trend``: the multi-year series of the report, year against year.

A report prints the years before it beside its own (Tabel 3.2: 2022-2024, Tabel 3.21: pagu 2022,
2023, 2024). ``trend.yoy`` flags a value an order of magnitude off its neighbouring years (the
nearest earlier and later year the series has), the misprint a decimal point or a dropped digit
makes. ``trend.totals`` checks that each earlier year's rows add up as the report year's do: the
rules of the other kinds check the report year's rows; the earlier years printed beside them are
checked here, from the report year's run, unless that year has a report (and a run) of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from kpi.checks.engine import EPS, Context, Outcome, Unit
from kpi.checks.rules.base import _f, _sum, derived_tolerance, rule
from kpi.format import fmt_number

JUMP = 10.0
"""A value at least this many times (or at most 1/JUMP of) its neighbouring years' is an order of magnitude off."""


@dataclass(frozen=True)
class Series:
    """A multi-year series: ``columns`` of ``dataset``, one value per row ``key`` and year."""

    dataset: str
    key: tuple[str, ...]
    columns: tuple[str, ...]
    table: str
    unit: Unit
    page: str


SERIES: tuple[Series, ...] = (
    Series("budget_program", ("program_code",), ("pagu_rp", "realisasi_rp"), "Tabel 3.20", "rp", "anggaran"),
    Series("budget_unit", ("unit_code",), ("pagu_rp", "realisasi_rp"), "Tabel 3.21", "rp", "anggaran"),
    Series("ikss_capaian", ("ikss_code",), ("target", "realisasi"), "Tabel 3.2", "num", "ringkasan"),
    Series("rb_history", (), ("indeks",), "Tabel 3.2", "num", "ss2"),
    Series("spbe_domain", ("code",), ("nilai",), "Tabel 3.19", "num", "ss2"),
    Series("spbe_aspect", ("code",), ("nilai",), "Tabel 3.19", "num", "ss2"),
    Series("pyb_program", ("komponen",), ("target", "realisasi"), "Tabel 3.3", "orang", "ss1"),
    Series("job_creation", ("kode",), ("realisasi",), "Tabel 3.4", "orang", "ss1"),
    Series("training_uptp", ("uptp",), ("target", "realisasi"), "Tabel 3.6", "orang", "ss1"),
    Series(
        "blk_komunitas_trend",
        (),
        ("mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk"),
        "Tabel 3.8",
        "num",
        "ss1",
    ),
    Series("placement_domestic", ("nomor",), ("target", "realisasi"), "Tabel 3.10", "orang", "ss1"),
    Series("wlkp_company", ("skala",), ("jumlah_perusahaan",), "Tabel 3.12", "num", "ss1"),
    Series("phi_focus", ("fokus_pembinaan",), ("jumlah_perusahaan",), "Tabel 3.13", "num", "ss1"),
    Series("labour_force_bps", ("kode",), ("nilai",), "Tabel 3.15", "num", "ss1"),
)
"""Every series the report prints for more than one year (budget, IKSS, RB, SPBE, PyB, training, placement,
BLK-K, WLKP, PHI, BPS); a table printed for one year only so far joins as soon as a second year is loaded."""


def _key(row: pd.Series, key: tuple[str, ...]) -> str:
    return "/".join(str(row[k]) for k in key) or "-"


def _row_key(ctx: Context, year: int, rest: str) -> str:
    """A row key names its data year only for an earlier year (the run year's own rows keep year-free keys)."""
    return rest if year == ctx.year else f"{year}/{rest}"


def _ratio(a: float, b: float) -> float | None:
    """How many times ``a`` is ``b`` (≥ 1 either way); ``None`` for a zero or a change of sign."""
    if not a or not b or (a > 0) != (b > 0):
        return None
    r = abs(a / b)
    return r if r >= 1 else 1 / r


@rule(
    "trend.yoy",
    kind="trend",
    tables=tuple(dict.fromkeys(s.table for s in SERIES)),
    datasets=("printed_figure",),
    severity="warning",
    page="ringkasan",
    description=(
        "Deret beberapa tahun: nilai tahun laporan tidak berbeda ≥ 10 kali dari tahun di sebelahnya.",
        "Multi-year series: the report year's value is not ≥ 10 times off its neighbouring years.",
    ),
)
def _yoy(ctx: Context) -> Iterator[Outcome]:
    """Each value of the run year, and of the earlier years it prints, against the nearest earlier and later year.

    Off by a factor of ten from every neighbour present: a finding. A value in line with one
    neighbour (a level shift that lasts) is not.
    """
    for s in SERIES:
        if ctx.has(s.dataset):
            for year in _earlier(ctx, s.dataset, own_year=True):
                yield from _jumps(ctx, s, year)


def _neighbours(series: dict[int, float], year: int) -> list[tuple[int, float, float]]:
    """``(year, value, ratio)`` of the nearest earlier and later year with a comparable value (same sign, not 0)."""
    years = sorted(series)
    i = years.index(year)
    out = []
    for n in ([years[i - 1]] if i > 0 else []) + ([years[i + 1]] if i + 1 < len(years) else []):
        r = _ratio(series[year], series[n])
        if r is not None:
            out.append((n, series[n], r))
    return out


def _off(series: dict[int, float], year: int, run_year: bool) -> bool:
    """An order of magnitude off every neighbour.

    At an end of the series (one neighbour) the neighbour's other side decides which value is the
    odd one; in a series of two years only the report year's own value is blamed.
    """
    near = _neighbours(series, year)
    if not near or not all(r >= JUMP for _, _, r in near):
        return False
    if len(near) == 2:
        return True
    beyond = [r for n, _, r in _neighbours(series, near[0][0]) if n != year]
    if beyond:
        return beyond[0] < JUMP  # the neighbour is in line with its other side: this value is the odd one
    return run_year


def _jumps(ctx: Context, s: Series, year: int) -> Iterator[Outcome]:
    years = ctx.years_of(s.dataset)
    rows = {y: {_key(r, s.key): r for _, r in ctx.get(s.dataset, y).iterrows()} for y in years}
    for k in rows.get(year, {}):
        for col in s.columns:
            series = {y: v for y in years if k in rows[y] and (v := _f(rows[y][k][col])) is not None}
            if year not in series:
                continue
            near = _neighbours(series, year)
            if not near:
                continue
            y0, w0, r0 = near[0]
            times = (fmt_number(r0, 1, "id"), fmt_number(r0, 1, "en"))
            yield Outcome(
                _row_key(ctx, year, f"{k}/{col}"),
                series[year],
                w0,
                f"{k} {col} {year} vs {y0} (×{times[0]})",
                f"{k} {col} {year} vs {y0} (×{times[1]})",
                unit=s.unit,
                ok=not _off(series, year, year == ctx.year),
                dataset=s.dataset,
                tables=(s.table,),
                page=s.page,
                note_id="Berbeda satu orde besaran dari tahun di sebelahnya: salah ketik satuan atau digit?",
                note_en="An order of magnitude off its neighbouring year: a unit or digit misprint?",
            )


# ---------------------------------------------------------------- earlier years' totals


def _earlier(ctx: Context, dataset: str, own_year: bool = False) -> list[int]:
    """The years of ``dataset`` the run year's report prints beside its own and that have no report of their own.

    With ``own_year`` the run year itself too (for a table no other rule checks).
    """
    if ctx.year is None:
        return []
    reports = ctx.report_years()
    years = [y for y in ctx.years_of(dataset) if y < ctx.year and y not in reports]
    if own_year and ctx.year in ctx.years_of(dataset):
        years.append(ctx.year)
    return years


def _sum_outcome(key: str, printed: float | None, parts: list[float | None], label: tuple[str, str], **kw) -> Outcome:
    known = [p for p in parts if p is not None]
    return Outcome(
        key,
        printed,
        float(sum(known)) if known and len(known) == len(parts) else None,
        *label,
        **kw,
    )


def _job_creation(ctx: Context) -> Iterator[Outcome]:
    """Tabel 3.4 of an earlier year: row 1 = 1a + 1b + 1c, row 2 = 2a + 2b (``rollup.T3.4`` checks the report year)."""
    for y in _earlier(ctx, "job_creation"):
        jc = ctx.get("job_creation", y)
        for parent, kids in jc[jc["parent_kode"].notna()].groupby("parent_kode"):
            row = jc[jc["kode"] == parent]
            if row.empty:
                continue
            yield _sum_outcome(
                _row_key(ctx, y, str(parent)),
                _f(row["realisasi"].iloc[0]),
                [_f(v) for v in kids["realisasi"]],
                (
                    f"Tabel 3.4 {y} baris {parent} vs jumlah barisnya",
                    f"Tabel 3.4 {y} row {parent} vs the sum of its rows",
                ),
                unit="orang",
                tol=EPS * 1000,
                dataset="job_creation",
                tables=("Tabel 3.4",),
                page="ss1",
            )


BLKK_PARTS = ("mandiri", "berkembang", "tumbuh", "pembangunan_baru")


def _blkk(ctx: Context) -> Iterator[Outcome]:
    """Tabel 3.8: an earlier year's total = its four columns; every year's total = the year before + the year's new BLK-K."""
    if not ctx.has("blk_komunitas_trend"):
        return
    for y in _earlier(ctx, "blk_komunitas_trend"):
        t8 = ctx.get("blk_komunitas_trend", y)
        for _, row in t8.iterrows():
            yield _sum_outcome(
                _row_key(ctx, y, "jumlah"),
                _f(row["jumlah_blkk"]),
                [_f(row[c]) for c in BLKK_PARTS],
                (f"Tabel 3.8 jumlah BLK-K {y} vs kolom-kolomnya", f"Tabel 3.8 BLK-K total {y} vs its columns"),
                tol=EPS * 1000,
                dataset="blk_komunitas_trend",
                tables=("Tabel 3.8",),
                page="ss1",
            )
    years = ctx.years_of("blk_komunitas_trend")
    for y in _earlier(ctx, "blk_komunitas_trend", own_year=True):
        before = [b for b in years if b < y]
        if not before:
            continue
        b = max(before)
        now, then = ctx.get("blk_komunitas_trend", y), ctx.get("blk_komunitas_trend", b)
        if now.empty or then.empty:
            continue
        yield _sum_outcome(
            _row_key(ctx, y, "kumulatif"),
            _f(now["jumlah_blkk"].iloc[0]),
            [_f(then["jumlah_blkk"].iloc[0]), _f(now["pembangunan_baru"].iloc[0])],
            (
                f"Tabel 3.8 jumlah BLK-K {y} vs jumlah {b} + pembangunan baru {y}",
                f"Tabel 3.8 BLK-K total {y} vs total {b} + new BLK-K {y}",
            ),
            tol=EPS * 1000,
            dataset="blk_komunitas_trend",
            tables=("Tabel 3.8",),
            page="ss1",
            # a BLK-K can also close: the running total is expected, not certain, to grow by the new builds
            severity="warning",
        )


def _budget(ctx: Context) -> Iterator[Outcome]:
    """An earlier year's budget per unit (Tabel 3.21) adds up to its budget per programme (Tabel 3.20)."""
    if not (ctx.has("budget_unit") and ctx.has("budget_program")):
        return
    program_years = set(ctx.years_of("budget_program"))
    for y in _earlier(ctx, "budget_unit"):
        if y not in program_years:
            continue
        bu, bp = ctx.get("budget_unit", y), ctx.get("budget_program", y)
        for col in ("pagu_rp", "realisasi_rp"):
            a, b = _sum(bu, col), _sum(bp, col)
            if a is None or b is None:
                continue
            yield Outcome(
                _row_key(ctx, y, col),
                a,
                b,
                f"{col} {y}: jumlah per unit (Tabel 3.21) vs per program (Tabel 3.20)",
                f"{col} {y}: sum per unit (Tabel 3.21) vs per programme (Tabel 3.20)",
                unit="rp",
                tol=EPS * 1000,
                dataset="budget_unit",
                tables=("Tabel 3.21", "Tabel 3.20"),
                page="anggaran",
            )


LABOUR_DECIMALS = 2
"""Tabel 3.15 prints millions of people and rates with two decimals."""


def _labour_force(ctx: Context) -> Iterator[Outcome]:
    """Tabel 3.15, every year: a count = its parts (PUK = AK + BAK, AK = bekerja + pengangguran); TPAK = AK / PUK."""
    if not ctx.has("labour_force_bps"):
        return
    for y in _earlier(ctx, "labour_force_bps", own_year=True):
        lf = ctx.get("labour_force_bps", y)
        by = {str(k): r for k, r in zip(lf["kode"], lf.to_dict("records"), strict=True)}
        for kode, row in by.items():
            kids = [r for r in by.values() if r.get("induk") == kode and r.get("satuan") == row.get("satuan")]
            if not kids or row.get("satuan") == "persen":
                continue  # rates by sex do not add up to the overall rate
            yield _sum_outcome(
                _row_key(ctx, y, str(kode)),
                _f(row["nilai"]),
                [_f(r["nilai"]) for r in kids],
                (
                    f"Tabel 3.15 {y} {row['indikator']} vs {' + '.join(str(r['indikator']) for r in kids)}",
                    f"Tabel 3.15 {y} {kode} vs {' + '.join(str(r['kode']) for r in kids)}",
                ),
                tol=derived_tolerance(LABOUR_DECIMALS, [(1.0, LABOUR_DECIMALS)] * len(kids)),
                dataset="labour_force_bps",
                tables=("Tabel 3.15",),
                page="ss1",
                decimals=LABOUR_DECIMALS,
            )
        rate, ak, puk = by.get("tpak"), by.get("angkatan_kerja"), by.get("puk")
        if rate is None or ak is None or puk is None:
            continue
        a, p = _f(ak["nilai"]), _f(puk["nilai"])
        if a is None or not p:
            continue
        yield Outcome(
            _row_key(ctx, y, "tpak"),
            _f(rate["nilai"]),
            a / p * 100,
            f"Tabel 3.15 {y} TPAK vs angkatan kerja / penduduk usia kerja",
            f"Tabel 3.15 {y} TPAK vs labour force / working-age population",
            unit="pct",
            # AK and PUK are rounded to 0,005 million: their ratio moves by up to 100 × 0,005 × (1/PUK + AK/PUK²)
            tol=derived_tolerance(LABOUR_DECIMALS, [(100 / p, LABOUR_DECIMALS), (100 * a / p**2, LABOUR_DECIMALS)]),
            dataset="labour_force_bps",
            tables=("Tabel 3.15",),
            page="ss1",
            decimals=LABOUR_DECIMALS,
        )


@rule(
    "trend.totals",
    kind="trend",
    tables=("Tabel 3.4", "Tabel 3.8", "Tabel 3.15", "Tabel 3.20", "Tabel 3.21"),
    datasets=("printed_figure",),
    severity="error",
    page="ss1",
    description=(
        "Tahun-tahun sebelumnya yang dicetak di samping tahun laporan: baris induk Tabel 3.4 = jumlah barisnya, "
        "jumlah BLK-K = kolom-kolomnya dan = tahun sebelumnya + pembangunan baru (Tabel 3.8), anggaran per unit = "
        "per program (Tabel 3.20/3.21); Tabel 3.15 tiap tahun: PUK = AK + BAK, AK = bekerja + pengangguran, TPAK = "
        "AK / PUK.",
        "Earlier years printed beside the report year: Tabel 3.4 parent rows = the sum of their rows, BLK-K total = "
        "its columns and = the year before + new builds (Tabel 3.8), budget per unit = per programme (Tabel "
        "3.20/3.21); Tabel 3.15 every year: PUK = AK + BAK, AK = employed + unemployed, TPAK = AK / PUK.",
    ),
)
def _totals(ctx: Context) -> Iterator[Outcome]:
    for part in (_job_creation, _blkk, _budget, _labour_force):
        if part is _job_creation and not ctx.has("job_creation"):
            continue
        yield from part(ctx)
