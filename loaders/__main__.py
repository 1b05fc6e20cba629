"""Command line of the loaders: ``python -m loaders [build] [--source PATH]``.

``build`` (the default) validates every table of ``data/`` (or a workbook) and rebuilds the
database in one transaction; ``import FILE`` loads a workbook (or CSV folder) holding one or
more whole years beside the years already loaded, replacing only those years;
``export-xlsx OUT [--year Y]`` writes the loaded database to a workbook.
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


def cmd_import(args: argparse.Namespace) -> int:
    raws = read_workbook(args.file) if args.file.suffix.lower() == ".xlsx" else read_csv_dir(args.file)
    frames = validate(raws, require_all=False)
    years, rows = db.load_years(db.get_engine(args.database_url), frames, args.file.name)
    if not years:
        print(f"{args.file.name}: no rows to load", file=sys.stderr)
        return 1
    print(f"loaded {rows} rows for {', '.join(map(str, sorted(years)))} from {args.file.name}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url)
    frames = db.read_all(engine)
    if args.year is not None:
        frames = {name: f[f["year"] == args.year] for name, f in frames.items()}
    write_workbook(frames, args.out)
    print(f"wrote {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    sub = parser.add_subparsers(dest="cmd")
    build = sub.add_parser("build", help="(re)build the database from data/ or a workbook")
    build.add_argument("--source", type=Path, default=DATA_DIR)
    sub.add_parser("ensure", help="build from data/ only if the database holds no data yet")
    load = sub.add_parser("import", help="load whole years from a workbook or CSV folder beside the others")
    load.add_argument("file", type=Path)
    export = sub.add_parser("export-xlsx", help="write the database (or one year) to one workbook")
    export.add_argument("out", type=Path)
    export.add_argument("--year", type=int)
    args = parser.parse_args(argv)
    if args.cmd is None:
        args.cmd, args.source = "build", DATA_DIR
    try:
        return {"build": cmd_build, "ensure": cmd_ensure, "import": cmd_import, "export-xlsx": cmd_export}[args.cmd](
            args
        )
    except ValidationError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
