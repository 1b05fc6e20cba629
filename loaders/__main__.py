"""Command line of the loaders: ``python -m loaders [build] [--source PATH]``.

``build`` (the default) validates every table of ``data/`` (or a workbook) and rebuilds the
database in one transaction; ``export-xlsx OUT`` writes the loaded database to a workbook.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders import db
from loaders.config import DATA_DIR
from loaders.readers import read_csv_dir, read_workbook
from loaders.validate import ValidationError, validate
from loaders.workbook import write_workbook


def load_source(source: Path):
    """Validated typed frames from a folder of CSVs or an ``.xlsx`` workbook."""
    raws = read_workbook(source) if source.suffix.lower() == ".xlsx" else read_csv_dir(source)
    return validate(raws)


def cmd_build(args: argparse.Namespace) -> int:
    frames = load_source(args.source)
    engine = db.get_engine(args.database_url)
    rows = db.replace_all(engine, frames, str(args.source.name))
    print(f"database rebuilt from {args.source.name}: {rows} rows in {len(frames)} tables")
    return 0


def cmd_ensure(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url)
    if db.has_data(engine):
        print("database already holds data; left as it is (make rebuild-db replaces it)")
        return 0
    return cmd_build(argparse.Namespace(source=DATA_DIR, database_url=args.database_url))


def cmd_export(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url)
    write_workbook(db.read_all(engine), args.out)
    print(f"wrote {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    sub = parser.add_subparsers(dest="cmd")
    build = sub.add_parser("build", help="(re)build the database from data/ or a workbook")
    build.add_argument("--source", type=Path, default=DATA_DIR)
    sub.add_parser("ensure", help="build from data/ only if the database holds no data yet")
    export = sub.add_parser("export-xlsx", help="write the database to one workbook")
    export.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.cmd is None:
        args.cmd, args.source = "build", DATA_DIR
    try:
        return {"build": cmd_build, "ensure": cmd_ensure, "export-xlsx": cmd_export}[args.cmd](args)
    except ValidationError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
