"""Synthetic data in the schema of ``loaders/datasets``: N years x the real dimensions x K outputs per year.

The real LKj 2024 (``data/``) is the template. Every generated year takes each table's 2024 rows,
moves them to that year and varies the amounts (a yearly trend and seeded log-normal noise,
clipped to each column's bounds), so units, programs, provinces, PN and indicators are the real
ones. Rows the report prints for other years (2021-2023 history) stay as printed where the
generated years leave them. ``outputs`` multiplies the output rows of Lampiran 6 and of
Tabel 2.4 / Lampiran 5 (each output is followed by ``outputs - 1`` variants under the same
kegiatan), renumbering ``urutan``/``parent_urutan`` so the hierarchy stays intact.

The result is text cells, as ``loaders.readers.read_csv_dir`` gives them, so it goes through the
normal path: :func:`raw_tables` -> ``loaders.validate.validate`` -> ``loaders.db.replace_all``.
Deterministic: the same (years, outputs, seed) always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.datasets import DATASETS
from loaders.readers import read_csv_dir
from loaders.validate import RawTable

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
BASE_YEAR = 2024
OUTPUT_TABLES = ("output_capaian", "pn_item", "pn_realisasi")
# Columns that identify or order rows: never varied.
FIXED = {"year", "urutan", "parent_urutan"}


@dataclass(frozen=True)
class Scale:
    name: str
    years: int
    outputs: int


SCALES = {
    "1x": Scale("1x", 1, 1),
    "10x": Scale("10x", 10, 1),
    "100x": Scale("100x", 20, 16),
}
"""1x is the real data unchanged (1.671 rows); 10x is ten years (14.593 rows, 8,7x); 100x is twenty
years with 16x the outputs per year (164.663 rows, 99x)."""


def _real() -> dict[str, pd.DataFrame]:
    real = {r.name: r.frame for r in read_csv_dir(DATA_DIR)}
    return {**real, **_quarters(real)}


def _quarters(real: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Two seeded synthetic quarters of the base year (``loaders.triwulan_demo``; the LKj prints none),
    so the Pemantauan Triwulan page is measured with data, as text frames like the others."""
    from loaders.triwulan_demo import demo_frames
    from loaders.validate import validate

    typed = validate([RawTable(name, frame.copy(), f"data/{name}.csv") for name, frame in real.items()])
    quarters = demo_frames(typed, BASE_YEAR, quarters=2, seed=BASE_YEAR)
    return {name: frame.astype(object).where(frame.notna(), "").astype(str) for name, frame in quarters.items()}


def _multiply_outputs(frame: pd.DataFrame, k: int, rng: np.random.Generator) -> pd.DataFrame:
    """Each output row followed by ``k - 1`` variants; urutan (and parent_urutan) renumbered."""
    if k <= 1:
        return frame
    frame = frame.sort_values("urutan", key=lambda s: s.astype(int)).reset_index(drop=True)
    rows: list[dict] = []
    new_of_old: dict[str, str] = {}
    for rec in frame.to_dict("records"):
        new_of_old[rec["urutan"]] = str(len(rows) + 1)
        rows.append(dict(rec, _orig=rec["urutan"]))
        if rec["level"] != "output":
            continue
        for j in range(1, k):
            copy = dict(rec, _orig=None)
            code = rec["output_code"]
            if code.isdigit():
                copy["output_code"] = f"{(int(code) + 100 * j) % 1000:03d}"
            copy["name"] = f"{rec['name']} (varian {j + 1})"
            copy["_parent_of"] = rec["urutan"]
            rows.append(copy)
    out = pd.DataFrame(rows)
    out["urutan"] = [str(i + 1) for i in range(len(out))]
    if "parent_urutan" in out:
        out["parent_urutan"] = [new_of_old.get(p, "") if p else "" for p in out["parent_urutan"]]
    return out.drop(columns=[c for c in ("_orig", "_parent_of") if c in out])


def _vary(frame: pd.DataFrame, name: str, year: int, rng: np.random.Generator) -> pd.DataFrame:
    """The frame moved to ``year`` with its amounts varied (trend 6 %/year, noise sd 10 %)."""
    out = frame.copy()
    out["year"] = str(year)
    trend = 1.06 ** (year - BASE_YEAR)
    for col in DATASETS[name].columns:
        if not col.is_number or col.name in FIXED or col.kind == "int":
            continue
        values = pd.to_numeric(out[col.name], errors="coerce").to_numpy(dtype=float)
        noise = rng.lognormal(0.0, 0.10, size=len(values))
        factor = noise * (trend if col.kind in ("rp", "float") else 1.0)
        varied = values * factor
        lo, hi = col.lower_bound, col.upper_bound
        if lo is not None or hi is not None:
            varied = np.clip(varied, lo, hi)
        varied = np.round(varied) if col.kind == "rp" else np.round(varied, 2)
        text = [("" if np.isnan(v) else (f"{v:.0f}" if col.kind == "rp" else f"{v:g}")) for v in varied]
        out[col.name] = text
    return out


def generate(years: int = 1, outputs: int = 1, seed: int = 2024) -> dict[str, pd.DataFrame]:
    """Text frames per dataset: ``years`` years ending in 2024, ``outputs`` x the outputs per year."""
    real = _real()
    if years <= 1 and outputs <= 1:
        return real
    rng = np.random.default_rng(seed)
    wanted = list(range(BASE_YEAR - years + 1, BASE_YEAR + 1))
    result: dict[str, pd.DataFrame] = {}
    for name in sorted(real):
        frame = real[name]
        base = frame[frame["year"] == str(BASE_YEAR)]
        if name in OUTPUT_TABLES:
            base = _multiply_outputs(base, outputs, rng)
        parts = [frame[~frame["year"].astype(int).isin(wanted)]]
        for y in wanted:
            real_y = frame[frame["year"] == str(y)]
            if y == BASE_YEAR:
                parts.append(base)  # the real year, with the extra outputs
            elif len(real_y) and name not in OUTPUT_TABLES:
                parts.append(real_y)  # a year the report prints: kept as printed
            else:
                parts.append(_vary(base, name, y, rng))
        result[name] = pd.concat(parts, ignore_index=True).fillna("")
    return result


def scale(name: str, seed: int = 2024) -> dict[str, pd.DataFrame]:
    s = SCALES[name]
    return generate(s.years, s.outputs, seed)


def raw_tables(frames: dict[str, pd.DataFrame]) -> list[RawTable]:
    """Fresh :class:`RawTable` objects (validation modifies them) for ``loaders.validate.validate``."""
    return [RawTable(name, f.copy(), f"synth/{name}.csv") for name, f in sorted(frames.items())]


def row_count(frames: dict[str, pd.DataFrame]) -> int:
    return sum(len(f) for f in frames.values())


def write_csv_dir(frames: dict[str, pd.DataFrame], folder: Path) -> None:
    """The frames as a ``data/``-style folder (for ``python -m loaders import``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, f in frames.items():
        f.to_csv(folder / f"{name}.csv", index=False)
