"""``python -m kpi [--year Y] [--json]``: the headline figures recomputed from the database.

``python -m kpi checks --year Y --json`` prints the Kualitas Data findings;
``python -m kpi progress --year Y [--quarter Q] --json`` the Pemantauan Triwulan of a quarter (``kpi.progress``);
``python -m kpi import FILE --user NAME [--accept]`` validates a workbook (``.xlsx``), a ``.zip``
of CSVs or a CSV folder holding whole years, runs the Kualitas Data checks on the data as it
would be after the upload, and publishes it beside the years already loaded as a new data
version (error findings the upload introduces block it unless ``--accept`` is given).
The printable report and the workbook are ``python -m report pdf|xlsx``. The database is the
one ``DATABASE_URL`` names (default: the SQLite file of ``make run``) or ``--database-url``.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import sys
import zipfile
from pathlib import Path

import pandas as pd

from loaders import db
from loaders.config import DatabaseNotFound, require_database

REPORT_YEAR_DATASET = "output_capaian"
"""A loaded report year has Lampiran 6 rows (as ``views.common.REPORT_YEAR_DATASET``; a new year
has no printed figures until its report is printed, so ``printed_figure`` cannot tell)."""
MAX_LISTED = 20
"""New error findings listed by ``import`` before "… and N more"."""


def _plain(value: object) -> object:
    """A value JSON can hold: numpy scalars as Python, NaN and ±infinity as ``null`` (JSON has no Infinity)."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _json(value: object) -> str:
    """Strict JSON (``allow_nan=False``): what :func:`_plain` could not make finite raises rather than print ``Infinity``."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


def _engine(url: str | None):
    """The database of ``--database-url`` or ``DATABASE_URL``; a SQLite file that does not exist is not created."""
    if url is not None:
        require_database(url)
    return db.get_engine(url)


def _zip_folder(folder: Path) -> bytes:
    """The CSV files of ``folder`` as one ``.zip`` in memory: a folder is read as the upload of a zip of CSVs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.glob("*.csv")):
            zf.write(path, path.name)
    return buf.getvalue()


def cmd_import(args: argparse.Namespace) -> int:
    """Validate, check and publish ``args.file`` (see the module doc); 0 when published, 1 when refused."""
    from kpi.checks import run_checks
    from loaders import auth, versions
    from loaders.readers import WorkbookError
    from loaders.validate import ValidationError

    path: Path = args.file
    if not path.exists():
        print(f"{path}: no such file or folder", file=sys.stderr)
        return 2
    # Whoever can run the command line can write the database anyway: the command acts as admin.
    actor = auth.Actor(f"cli:{args.user or os.environ.get('USER') or 'cli'}", "admin")
    try:
        engine = _engine(args.database_url)
    except DatabaseNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    data, name = (_zip_folder(path), path.name + ".zip") if path.is_dir() else (path.read_bytes(), path.name)
    try:
        prepared = versions.prepare(engine, data, name, actor, None if args.no_checks else run_checks)
        new_errors = prepared.new_errors
        errors = [f for f in prepared.findings if getattr(f, "severity", "") == "error"]
        warnings = [f for f in prepared.findings if getattr(f, "severity", "") == "warning"]
        if not args.no_checks:
            print(
                f"Kualitas Data: {len(errors)} error ({len(new_errors)} baru karena unggahan ini), "
                f"{len(warnings)} peringatan",
                file=sys.stderr,
            )
        for f in new_errors[:MAX_LISTED]:
            print(f"[error] {getattr(f, 'message_id', f)}", file=sys.stderr)
        if len(new_errors) > MAX_LISTED:
            print(f"… dan {len(new_errors) - MAX_LISTED} error lain", file=sys.stderr)
        vid = versions.publish(engine, prepared, actor, note=args.note, accept_errors=args.accept)
    except (ValidationError, WorkbookError, versions.PublishError, auth.AuthError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"published version {vid}: {prepared.rows} rows for {', '.join(map(str, prepared.years))} "
        f"from {path.name} (sha256 {prepared.sha256[:12]})"
    )
    return 0


def cmd_progress(frames: dict, year: int, quarter: int | None, as_json: bool) -> int:
    """``progress``: every indicator and budget line of a quarter (``kpi.progress``); 2 when the quarter is not loaded."""
    from kpi.progress import latest_quarter, progress
    from loaders.triwulan import quarters_loaded

    loaded = quarters_loaded(frames, year)
    if not loaded:
        print(
            f"no quarterly data for {year}: upload the triwulan sheets (Kelola Data, or python -m kpi import)",
            file=sys.stderr,
        )
        return 2
    quarter = quarter or latest_quarter(frames, year)
    if quarter not in loaded:
        print(f"quarter {quarter} of {year} is not loaded; loaded: {', '.join(map(str, loaded))}", file=sys.stderr)
        return 2
    rows = [{k: _plain(v) for k, v in r.items()} for r in progress(frames, year, quarter)]
    if as_json:
        print(_json(rows))
        return 0
    print(f"{year} triwulan {quarter}", file=sys.stderr)
    for r in rows:
        pct = "-" if r["progress_pct"] is None else f"{r['progress_pct']:.2f}"
        proj = "-" if r["projected_pct"] is None else f"{r['projected_pct']:.2f}"
        print(f"{r['level']:<8} {r['code']:<20} {pct:>8} {proj:>8}  {r['status']:<10} {r['name']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kpi", description=__doc__.splitlines()[0])
    parser.add_argument(
        "command", nargs="?", default="headline", choices=["headline", "checks", "import", "progress", "report"]
    )
    parser.add_argument("file", nargs="?", type=Path, help="import: the workbook, .zip of CSVs or CSV folder")
    parser.add_argument("--year", type=int, help="report year (default: the latest loaded)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    parser.add_argument("--user", help="import: recorded as the publisher (default: $USER)")
    parser.add_argument("--note", default="", help="import: a note stored with the version")
    parser.add_argument("--accept", action="store_true", help="import: publish despite new check errors")
    parser.add_argument("--no-checks", action="store_true", help="import: skip the Kualitas Data checks")
    parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="progress: quarter (default: the latest)")
    args, rest = parser.parse_known_args(argv)
    if args.command == "report":
        # the kpi layer builds no reports (they sit a layer above it): a pointer to the command that does
        print("use: python -m report pdf|xlsx --year Y --out FILE [--lang id|en]", file=sys.stderr)
        return 2
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "import":
        if args.file is None:
            parser.error("import needs FILE")
        return cmd_import(args)
    if args.file is not None:
        parser.error(f"unrecognized arguments: {args.file}")

    try:
        engine = _engine(args.database_url)
    except DatabaseNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    loaded = db.years_loaded(engine, REPORT_YEAR_DATASET) if db.has_data(engine) else []
    if not loaded:
        print("database holds no data: run `python -m loaders` first", file=sys.stderr)
        return 2
    year = args.year or max(loaded)
    if year not in loaded:
        print(f"year {year} is not loaded; loaded: {', '.join(map(str, loaded))}", file=sys.stderr)
        return 2
    frames = db.read_all(engine)

    if args.command == "progress":
        return cmd_progress(frames, year, args.quarter, args.json)

    if args.command == "checks":
        from kpi.checks import run_checks

        result = run_checks(frames, year)
        findings = getattr(result, "findings", result)
        rows = [{k: _plain(v) for k, v in f.as_dict().items()} for f in findings]
        if args.json:
            print(_json(rows))
        else:
            for r in rows:
                print(f"{r['severity']:<8} {r['rule_id']:<40} {r['row_key']}: {r['message_id']}")
            waiting = getattr(result, "not_printed_figures", [])
            if waiting:  # a year whose report is not printed yet: its comparisons wait, they do not fail
                print(f"belum dicetak (not yet printed): {len(waiting)} angka laporan {year}, perbandingannya dilewati")
        return 0

    from kpi.headline import headline

    figures = {k: _plain(v) for k, v in headline(frames, year).items()}
    if args.json:
        print(_json(figures))
    else:
        width = max(map(len, figures))
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
