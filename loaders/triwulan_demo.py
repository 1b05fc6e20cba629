"""Example quarterly data (``python -m loaders demo-triwulan --year 2025``): seeded, synthetic, marked as such.

The report has no quarterly figures and ``data/`` holds none: nothing is invented there. To see the
Pemantauan Triwulan page at work, this module builds a throw-away SQLite database: the LKj tables
of ``data/``, the requested year as a copy of the newest loaded year when it is not loaded (the
new-year template's start: printed figures left out), and synthetic quarters published one by one
through the normal upload path (``versions.prepare`` + ``publish``), so each quarter is a data
version and the second keeps the first. Every synthetic row's ``sumber`` is
:data:`loaders.triwulan.DEMO_SUMBER`; the page then says "contoh, bukan data resmi".

The same seed gives the same numbers (tests and the benchmark use :func:`demo_frames`).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from loaders import db, versions
from loaders.auth import Actor
from loaders.config import DATA_DIR
from loaders.datasets import DATASETS
from loaders.readers import read_csv_dir
from loaders.template import REPORT_TEXT_DATASETS
from loaders.triwulan import DEMO_SUMBER
from loaders.triwulan_codes import budget_lines, indicators
from loaders.validate import validate
from loaders.workbook import write_workbook

DEFAULT_SEED = 17
DEFAULT_OUT = Path("var") / "demo-triwulan.sqlite"
PLAN_SHARES = (0.2, 0.45, 0.7, 1.0)
"""A count's rencana aksi: the share of the year's target due by the end of each quarter."""
BUDGET_SHARES = (0.14, 0.36, 0.62, 1.0)
"""The share of a year's realisation spent by each quarter's end (budget is spent late)."""
NOTES = (
    "Pelaksanaan kegiatan tertunda menunggu revisi anggaran.",
    "Data dari daerah belum lengkap; menunggu rekonsiliasi.",
    "Pengadaan baru selesai lelang; realisasi menyusul triwulan berikutnya.",
)


class DemoError(Exception):
    """The example database could not be made; the message says why."""


def _end_factor(rng: np.random.Generator) -> float:
    """Where an indicator ends the year against its target: most on track, some at risk, some off."""
    fate = rng.choice(3, p=[0.55, 0.25, 0.2])
    return float(rng.uniform(*((1.0, 1.25), (0.9, 0.99), (0.55, 0.88))[fate]))


def _round(value: float, whole: bool) -> float:
    return float(round(value)) if whole else float(round(value, 2))


def indicator_rows(frames: Mapping[str, pd.DataFrame], year: int, quarters: int, rng: np.random.Generator) -> list:
    """Synthetic ``triwulan_indikator`` rows of ``year``, quarters 1 to ``quarters``."""
    rows = []
    for ind in indicators(frames, year).to_dict("records"):
        target = ind["target"]
        if target is None or pd.isna(target) or target <= 0 or ind["target_text"]:
            continue
        end = target * _end_factor(rng)
        plan = rng.random() < 0.5
        silent = rng.random() < 0.04  # now and then a unit does not report its latest quarter
        whole = ind["jenis"] == "kumulatif" and float(target).is_integer()
        shares = np.maximum.accumulate(np.clip(np.array(PLAN_SHARES) + rng.normal(0, 0.04, 4), 0.02, 1.0))
        shares[-1] = 1.0
        note = NOTES[int(rng.integers(len(NOTES)))] if end < 0.9 * target and rng.random() < 0.5 else None
        for q in range(1, quarters + 1):
            if ind["jenis"] == "kumulatif":
                value = end * shares[q - 1]
                due = target * PLAN_SHARES[q - 1]
            else:
                value = end * (0.8 + 0.2 * q / 4) * float(rng.normal(1, 0.01))
                due = target * (0.85 + 0.15 * q / 4)
            last = q == quarters
            rows.append(
                {
                    "year": year,
                    "quarter": q,
                    "level": ind["level"],
                    "code": ind["code"],
                    "target_triwulan": _round(due, whole) if plan else None,
                    "realisasi_kumulatif": None if (silent and last) else _round(max(value, 0.0), whole),
                    "jenis": None,
                    "arah": None,
                    "catatan": note if last else None,
                    "sumber": DEMO_SUMBER,
                }
            )
    return rows


def budget_rows(
    frames: Mapping[str, pd.DataFrame], year: int, quarters: int, rng: np.random.Generator, actual: bool = False
) -> list:
    """Synthetic ``triwulan_anggaran`` rows of ``year``; with ``actual`` the fourth quarter is the LKj's realisasi."""
    rows = []
    for line in budget_lines(frames, year).to_dict("records"):
        pagu = line["pagu_rp"]
        if pagu is None or pd.isna(pagu) or pagu <= 0:
            continue
        final = line["realisasi_rp"] if actual and not pd.isna(line["realisasi_rp"]) else pagu * rng.uniform(0.8, 0.99)
        shares = np.maximum.accumulate(np.clip(np.array(BUDGET_SHARES) + rng.normal(0, 0.03, 4), 0.02, 1.0))
        shares[-1] = 1.0
        for q in range(1, quarters + 1):
            rows.append(
                {
                    "year": year,
                    "quarter": q,
                    "level": line["level"],
                    "code": line["code"],
                    "realisasi_kumulatif_rp": float(round(final * shares[q - 1])),
                    "sumber": DEMO_SUMBER,
                }
            )
    return rows


def demo_frames(
    frames: Mapping[str, pd.DataFrame],
    year: int,
    quarters: int = 2,
    seed: int = DEFAULT_SEED,
    previous: int | None = None,
) -> dict[str, pd.DataFrame]:
    """Synthetic quarters 1 to ``quarters`` of ``year`` (every indicator with a numeric target and every
    budget line), and, when ``previous`` is given, that year's four budget quarters ending at its real
    realisasi, so the budget projection has a previous year's profile."""
    rng = np.random.default_rng(seed)
    ind = indicator_rows(frames, year, quarters, rng)
    bud = budget_rows(frames, year, quarters, rng)
    if previous is not None:
        bud += budget_rows(frames, previous, 4, rng, actual=True)
    out = {}
    for name, rows in (("triwulan_indikator", ind), ("triwulan_anggaran", bud)):
        cols = [c.name for c in DATASETS[name].all_columns]
        out[name] = pd.DataFrame(rows, columns=cols)
    return out


def as_new_year(frames: Mapping[str, pd.DataFrame], source: int, year: int) -> dict[str, pd.DataFrame]:
    """The annual tables of ``source`` relabelled ``year``, as the new-year template starts it: no printed
    figures, the printed capaian/penyerapan columns empty, no quarterly rows."""
    out = {}
    for name, spec in DATASETS.items():
        frame = frames.get(name)
        if frame is None or spec.per_quarter:
            continue
        part = frame[frame["year"] == source].copy()
        if name in REPORT_TEXT_DATASETS:
            part = part.iloc[0:0]
        part["year"] = year
        for col in spec.all_columns:
            if col.printed:
                part[col.name] = pd.NA
        out[name] = part.reset_index(drop=True)
    return out


@dataclass(frozen=True)
class Demo:
    """What :func:`build_demo` made."""

    url: str
    year: int
    quarters: int
    copied_from: int | None
    previous: int | None
    versions: tuple[int, ...]


def _workbook(frames: Mapping[str, pd.DataFrame]) -> bytes:
    buf = io.BytesIO()
    write_workbook(dict(frames), buf)
    return buf.getvalue()


def build_demo(
    out: Path, year: int, quarters: int = 2, seed: int = DEFAULT_SEED, replace: bool = False, source: Path = DATA_DIR
) -> Demo:
    """A new SQLite database at ``out``: the LKj tables, ``year`` (copied when not loaded) and its
    synthetic quarters, each published as an upload of its own (see module doc)."""
    if not 1 <= quarters <= 4:
        raise DemoError(f"triwulan harus 1-4, bukan {quarters}")
    out = Path(out)
    if out.exists():
        if not replace:
            raise DemoError(f"{out} sudah ada; pakai --replace untuk menggantinya (basis data contoh saja)")
        out.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{out}"
    engine = db.get_engine(url)
    actor = Actor("demo-triwulan", "admin")
    frames = validate(read_csv_dir(source))
    made = [versions.publish_all(engine, frames, actor, source.name or "data")]
    loaded = db.years_loaded(engine)
    copied = None
    if year not in loaded:
        earlier = [y for y in loaded if y < year] or loaded
        if not earlier:
            raise DemoError("data/ tidak berisi tahun laporan mana pun")
        copied = max(earlier)
        new = as_new_year(frames, copied, year)
        made.append(
            versions.publish_frames(
                engine,
                new,
                actor,
                file_name=f"contoh: data {copied} sebagai {year}",
                sha256=hashlib.sha256(versions.snapshot_bytes(new)).hexdigest(),
                years=[year],
                base_version=None,
                note=f"CONTOH, bukan data resmi: salinan data {copied} berlabel {year}",
            )
        )
        frames = db.read_all(engine)
    previous = max((y for y in db.years_loaded(engine) if y < year), default=None)
    synthetic = demo_frames(frames, year, quarters, seed, previous)
    for q in range(1, quarters + 1):
        part = {name: f[(f["year"] != year) | (f["quarter"] == q)] for name, f in synthetic.items()}
        if q > 1:  # the previous year's quarters go with the first upload
            part = {name: f[f["year"] == year] for name, f in part.items()}
        data = _workbook(part)
        name = f"contoh-triwulan-{year}-T{q}.xlsx"
        prepared = versions.prepare(engine, data, name, actor, checks=None)
        made.append(versions.publish(engine, prepared, actor, note="CONTOH, bukan data resmi"))
    engine.dispose()
    return Demo(url, year, quarters, copied, previous, tuple(made))
