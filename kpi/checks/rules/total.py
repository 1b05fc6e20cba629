"""Kind ``total``: every printed TOTAL/JUMLAH equals the sum of the rows it totals.

A printed total is a ``printed_figure`` row; its id carries no year. A total about an earlier
year that the same report prints (``T3.20.total.pagu_rp.prev``, ``T3.3.total.realisasi_prev2``)
is compared with that year's rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import pandas as pd

from kpi.checks.engine import EPS, Context, Outcome, RootCause, Unit, fmt_value
from kpi.checks.rules.base import _exact, _f, _sum, rule

PREV = r"(?:[._]prev2?)?"
"""A total may be printed for the year before (``…prev``) or two years before (``…prev2``)."""


def _all(frame: pd.DataFrame, m: re.Match) -> pd.DataFrame:
    return frame


def _g1(m: re.Match) -> str:
    return m.group(1)


@dataclass(frozen=True)
class Total:
    """Printed totals whose id fully matches ``pattern``, each the sum of ``column`` over ``rows`` of ``dataset``.

    ``column`` may name several columns (their sums are added). ``expected`` lists the ids the
    report prints (or derives them from the year's data); an expected id the year does not print
    is recorded as not printed. Any other printed id matching ``pattern`` is checked as well.
    ``parts`` names the printed subtotals this total adds up: when it is off by exactly what one of
    them is off, that subtotal is named as the root cause.
    """

    pattern: str
    dataset: str
    unit: Unit
    column: Callable[[re.Match], str | tuple[str, ...]] = _g1
    rows: Callable[[pd.DataFrame, re.Match], pd.DataFrame] = _all
    expected: tuple[str, ...] | Callable[[Context], Iterable[str]] = ()
    parts: Callable[[re.Match], tuple[str, ...]] | None = None

    def expected_in(self, ctx: Context) -> list[str]:
        return list(self.expected(ctx) if callable(self.expected) else self.expected)


def _total_of(frame: pd.DataFrame, column: str | tuple[str, ...]) -> float | None:
    if isinstance(column, str):
        return _sum(frame, column)
    return None if frame.empty else float(sum(_sum(frame, c) or 0.0 for c in column))


def _total_check(totals: tuple[Total, ...]) -> Callable[[Context], Iterator[Outcome]]:
    def check(ctx: Context) -> Iterator[Outcome]:
        printed = [str(f) for f in ctx.get("printed_figure")["figure"]]
        expected = [f for t in totals for f in t.expected_in(ctx)]
        made: list[tuple[Total, re.Match, Outcome]] = []
        for figure in dict.fromkeys([*printed, *expected]):
            for t in totals:
                m = re.fullmatch(t.pattern, figure)
                if not m:
                    continue
                frame = ctx.of_figure(t.dataset, figure)
                if frame is None:
                    continue
                o = _exact(
                    figure,
                    ctx.printed(figure),
                    _total_of(t.rows(frame, m), t.column(m)),
                    ctx.figure_label(figure),
                    figure,
                    t.unit,
                    dataset="printed_figure",
                )
                made.append((t, m, o))
        for t, m, o in made:
            yield _with_part_cause(ctx, t, m, o, made)

    return check


def _off(o: Outcome) -> float:
    """How far a printed total is from the sum of its rows (0 when either is missing)."""
    if o.printed is None or o.recomputed is None:
        return 0.0
    return float(o.printed) - float(o.recomputed)


def _with_part_cause(ctx: Context, t: Total, m: re.Match, o: Outcome, made: list) -> Outcome:
    """``o`` naming the one printed subtotal whose own error it repeats (Tabel 3.17: total bobot 110 ← RB Tematik 10)."""
    diff = _off(o)
    if t.parts is None or abs(diff) <= EPS * 1000:
        return o
    by_id = {x.row_key: x for _, _, x in made}
    off = [by_id[f] for f in t.parts(m) if f in by_id and abs(_off(by_id[f])) > EPS * 1000]
    if len(off) != 1 or abs(_off(off[0]) - diff) > EPS * 1000:
        return o
    part = off[0]
    values = {
        lang: (fmt_value(part.printed, part.unit, lang), fmt_value(part.recomputed, part.unit, lang))
        for lang in ("id", "en")
    }
    cause = RootCause(
        f"printed_figure/{part.row_key}",
        f"{ctx.figure_label(part.row_key)} tercetak {values['id'][0]}, jumlah rinciannya {values['id'][1]}",
        f"{part.row_key} printed {values['en'][0]}, the sum of its rows {values['en'][1]}",
    )
    return replace(o, root_cause=cause)


def _declare(suffix: str, table: str, page: str, *totals: Total) -> None:
    rule(
        f"total.{suffix}",
        kind="total",
        tables=(table,),
        datasets=("printed_figure", *dict.fromkeys(t.dataset for t in totals)),
        severity="error",
        page=page,
        description=(
            f"{table}: setiap total yang dicetak = jumlah baris rinciannya.",
            f"{table}: every printed total = sum of its detail rows.",
        ),
    )(_total_check(totals))


def _pk_revisions(ctx: Context) -> list[str]:
    pk = ctx.get("pk_pagu_program")
    return [f"T2.3.total.pagu_{r}" for r in dict.fromkeys(pk.loc[pk["sumber"] == "Tabel 2.3", "revisi"])]


def _pk_documents(ctx: Context) -> list[str]:
    pk = ctx.get("pk_pagu_program")
    found = (re.fullmatch(r"Lampiran ([1-4])", str(s)) for s in dict.fromkeys(pk["sumber"]))
    return [f"L{m.group(1)}.jumlah.anggaran" for m in found if m]


def _rb_part(component: str) -> Total:
    return Total(
        rf"T3\.17\.rb_{component.lower()}\.(bobot|nilai)",
        "rb_indicator",
        "num",
        lambda m: {"bobot": "bobot", "nilai": "skor_bobot"}[m.group(1)],
        lambda f, m: f[f["component_code"] == component],
        tuple(f"T3.17.rb_{component.lower()}.{c}" for c in ("bobot", "nilai")),
    )


_declare(
    "T2.3",
    "Tabel 2.3",
    "anggaran",
    Total(
        r"T2\.3\.total\.pagu_(\w+)",
        "pk_pagu_program",
        "rp",
        lambda m: "pagu_rp",
        lambda f, m: f[(f["sumber"] == "Tabel 2.3") & (f["revisi"] == m.group(1))],
        _pk_revisions,
    ),
)
_declare(
    "L1-4",
    "Lampiran 1-4",
    "anggaran",
    Total(
        r"L([1-4])\.jumlah\.anggaran",
        "pk_pagu_program",
        "rp",
        lambda m: "pagu_rp",
        lambda f, m: f[f["sumber"] == f"Lampiran {m.group(1)}"],
        _pk_documents,
    ),
)
_declare(
    "T2.4",
    "Tabel 2.4",
    "pn",
    Total(
        r"T2\.4\.total\.(pagu_rp)",
        "pn_item",
        "rp",
        rows=lambda f, m: f[f["level"] == "pn"],
        expected=("T2.4.total.pagu_rp",),
    ),
)
_declare(
    "L5",
    "Lampiran 5",
    "pn",
    Total(
        r"L5\.total\.(pagu_rp|realisasi_rp)",
        "pn_realisasi",
        "rp",
        rows=lambda f, m: f[f["level"] == "pn"],
        expected=("L5.total.pagu_rp", "L5.total.realisasi_rp"),
    ),
)
_declare(
    "T3.3",
    "Tabel 3.3",
    "ss1",
    Total(
        rf"T3\.3\.total\.(realisasi|target){PREV}",
        "pyb_program",
        "orang",
        expected=(
            "T3.3.total.target",
            "T3.3.total.realisasi",
            "T3.3.total.realisasi_prev",
            "T3.3.total.realisasi_prev2",
        ),
    ),
)
_declare(
    "T3.4",
    "Tabel 3.4",
    "ss1",
    Total(
        rf"T3\.4\.total\.(realisasi){PREV}",
        "job_creation",
        "orang",
        rows=lambda f, m: f[f["parent_kode"].isna()],
        expected=("T3.4.total.realisasi", "T3.4.total.realisasi_prev", "T3.4.total.realisasi_prev2"),
    ),
)
_declare(
    "T3.6",
    "Tabel 3.6",
    "ss1",
    Total(
        r"T3\.6\.total\.(target|realisasi)",
        "training_uptp",
        "orang",
        expected=("T3.6.total.target", "T3.6.total.realisasi"),
    ),
)
_declare(
    "T3.7",
    "Tabel 3.7",
    "ss1",
    Total(
        r"T3\.7\.total\.(mandiri|berkembang|tumbuh|pembangunan_baru|jumlah_blkk)",
        "blk_komunitas_uptp",
        "num",
        expected=tuple(
            f"T3.7.total.{c}" for c in ("mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk")
        ),
    ),
)
_declare(
    "T3.10",
    "Tabel 3.10",
    "ss1",
    Total(
        r"T3\.10\.2\.(target|realisasi)",
        "placement_domestic",
        "orang",
        rows=lambda f, m: f[f["nomor"].astype(str).str.startswith("2.")],
        expected=("T3.10.2.target", "T3.10.2.realisasi"),
    ),
    Total(
        r"T3\.10\.total\.(target|realisasi)",
        "placement_domestic",
        "orang",
        expected=("T3.10.total.target", "T3.10.total.realisasi"),
    ),
)
_declare(
    "T3.12",
    "Tabel 3.12",
    "ss1",
    Total(
        rf"T3\.12\.total{PREV}",
        "wlkp_company",
        "num",
        lambda m: "jumlah_perusahaan",
        expected=("T3.12.total", "T3.12.total.prev", "T3.12.total.prev2"),
    ),
)
_declare(
    "T3.14",
    "Tabel 3.14",
    "ss1",
    Total(
        r"T3\.14\.total\.(aktif|non_aktif)",
        "jamsos_participation",
        "orang",
        expected=("T3.14.total.aktif", "T3.14.total.non_aktif"),
    ),
    # the grand total adds the two JUMLAH columns
    Total(
        r"T3\.14\.total\.aktif_non_aktif",
        "jamsos_participation",
        "orang",
        lambda m: ("aktif", "non_aktif"),
        expected=("T3.14.total.aktif_non_aktif",),
    ),
)
_declare(
    "T3.16",
    "Tabel 3.16",
    "ss2",
    Total(
        r"T3\.16\.indeks_rb\.(bobot|nilai)",
        "rb_component",
        "num",
        expected=("T3.16.indeks_rb.bobot", "T3.16.indeks_rb.nilai"),
    ),
)
_declare(
    "T3.17",
    "Tabel 3.17",
    "ss2",
    _rb_part("GENERAL"),
    _rb_part("TEMATIK"),
    Total(
        r"T3\.17\.total\.(bobot|skor_bobot)",
        "rb_indicator",
        "num",
        expected=("T3.17.total.bobot", "T3.17.total.skor_bobot"),
        parts=lambda m: tuple(
            f"T3.17.rb_{c}.{'bobot' if m.group(1) == 'bobot' else 'nilai'}" for c in ("general", "tematik")
        ),
    ),
)
for _table, _dataset, _columns, _prev in (
    ("3.20", "budget_program", ("pagu_rp", "realisasi_rp"), ("pagu_rp.prev",)),
    ("3.21", "budget_unit", ("pagu_rp", "realisasi_rp"), ("pagu_rp.prev", "pagu_rp.prev2")),
    ("3.22", "budget_blokir", ("blokir_rp",), ()),
    ("3.23", "dekonsentrasi", ("pagu_rp", "realisasi_rp"), ()),
    ("3.24", "efficiency_ss", ("pagu_rp", "realisasi_rp"), ()),
):
    _declare(
        f"T{_table}",
        f"Tabel {_table}",
        "anggaran",
        Total(
            rf"T{re.escape(_table)}\.total\.({'|'.join(_columns)}){PREV}",
            _dataset,
            "rp",
            expected=tuple(f"T{_table}.total.{c}" for c in (*_columns, *_prev)),
        ),
    )


def _row_totals(dataset: str, label: tuple[str, str]) -> Callable[[Context], Iterator[Outcome]]:
    parts = ["mandiri", "berkembang", "tumbuh", "pembangunan_baru"]

    def check(ctx: Context) -> Iterator[Outcome]:
        frame = ctx.get(dataset)
        for row in frame.itertuples(index=False):
            key = str(getattr(row, "uptp", None) or row.urutan)
            total = sum(float(getattr(row, p)) for p in parts if _f(getattr(row, p)) is not None)
            yield _exact(key, row.jumlah_blkk, total, f"{label[0]} {key}", f"{label[1]} {key}", "num")

    return check


rule(
    "total.T3.7.row",
    kind="total",
    tables=("Tabel 3.7",),
    datasets=("blk_komunitas_uptp",),
    severity="error",
    page="ss1",
    description=(
        "Tabel 3.7: kolom jumlah tiap UPTP = mandiri + berkembang + tumbuh + pembangunan baru.",
        "Tabel 3.7: each UPTP's total column = mandiri + berkembang + tumbuh + new builds.",
    ),
)(_row_totals("blk_komunitas_uptp", ("jumlah BLK-K", "BLK-K total")))

rule(
    "total.T3.8.row",
    kind="total",
    tables=("Tabel 3.8",),
    datasets=("blk_komunitas_trend",),
    severity="error",
    page="ss1",
    description=(
        "Tabel 3.8: jumlah BLK-K tiap tahun = mandiri + berkembang + tumbuh + pembangunan baru.",
        "Tabel 3.8: each year's BLK-K total = mandiri + berkembang + tumbuh + new builds.",
    ),
)(_row_totals("blk_komunitas_trend", ("jumlah BLK-K tahun", "BLK-K total of year")))
