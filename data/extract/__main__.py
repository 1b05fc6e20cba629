"""Re-extract every LKj table from the seed into ``data/*.csv``: ``python -m data.extract [SEED]``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import pandas as pd

import data.extract as pkg
from data.extract.figure_ids import year_free
from data.extract.seed import SeedDoc
from loaders.datasets import DATASETS

DATA_DIR = Path(__file__).resolve().parents[1]
DEFAULT_SEED = DATA_DIR.parents[1] / "shared" / "seeds" / "004_2e0c9e8ac66c8ce6.txt"
_NOT_GROUPS = {"seed", "common", "__main__", "figure_ids"}
SEED_REPORT_YEAR = 2024
"""The seed is the LKj 2024: every figure it prints belongs to that report year."""


def group_names() -> list[str]:
    """The extraction modules, one per group of LKj tables."""
    mods = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__))
    return [m for m in mods if m not in _NOT_GROUPS]


def extract_all(doc: SeedDoc, only: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every dataset as a frame, from every group module of :mod:`data.extract` (or ``only`` some)."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for name in group_names():
        if only and name not in only:
            continue
        module = importlib.import_module(f"data.extract.{name}")
        for dataset, frame in module.extract(doc).items():
            parts.setdefault(dataset, []).append(frame)
    out: dict[str, pd.DataFrame] = {}
    for name, frames in parts.items():
        if name not in DATASETS:
            raise KeyError(f"extractor produced {name!r}, which no dataset spec describes")
        spec = DATASETS[name]
        frame = pd.concat(frames, ignore_index=True)
        cols = [c.name for c in spec.all_columns]
        missing = [c for c in cols if c not in frame.columns]
        extra = [c for c in frame.columns if c not in cols]
        if missing or extra:
            raise ValueError(f"{name}: columns missing {missing}, unexpected {extra}")
        if name == "printed_figure":
            frame = year_free(frame, SEED_REPORT_YEAR)
        out[name] = frame[cols]
    return out


def to_csv_text(frame: pd.DataFrame, name: str) -> str:
    """The committed CSV form: UTF-8, ``\\n`` line ends, integers without ``.0``, floats exact."""
    spec = DATASETS[name]
    frame = frame.copy()
    for col in spec.all_columns:
        if col.kind == "int":
            frame[col.name] = frame[col.name].astype("Int64")
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.15g")


def write_all(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    written = []
    for name, frame in sorted(frames.items()):
        path = out_dir / f"{name}.csv"
        path.write_text(to_csv_text(frame, name), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seed", nargs="?", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--only",
        action="append",
        help="extract only this group module (repeatable); "
        "printed_figure.csv then holds only that group's figures, so use it while developing",
    )
    args = parser.parse_args(argv)
    if not args.seed.exists():
        print(f"seed not found: {args.seed}", file=sys.stderr)
        return 2
    frames = extract_all(SeedDoc.from_path(args.seed), args.only)
    shared = args.out / "printed_figure.csv"
    if args.only and "printed_figure" in frames and shared.exists():
        # Keep the other groups' printed figures; a full run rewrites the file from scratch.
        old = pd.read_csv(shared, dtype=str, keep_default_na=False)
        new = frames["printed_figure"]
        old = old[~old["figure"].isin(new["figure"])]
        frames["printed_figure"] = pd.concat([old.astype(object), new], ignore_index=True)
    for path in write_all(frames, args.out):
        print(f"wrote {path.name}: {len(frames[path.stem])} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
