"""Command line of the loaders: ``python -m loaders [build] [--source PATH]``.

``build`` (the default) validates every table of ``data/`` (or a workbook) and rebuilds the
database in one transaction as a new data version; ``versions`` lists the versions;
``rollback N`` restores version N; ``template --year Y [--as-year Z] --out FILE`` writes the
Excel template (prefilled with year Y, relabelled as year Z without Y's printed figures);
``create-user NAME --role admin`` adds a user of the Kelola Data page;
``export-xlsx OUT [--year Y]`` writes the loaded database to a workbook.

Publishing a new year runs the Kualitas Data checks, which live a layer above the loaders:
it is ``python -m kpi import FILE --user NAME`` (``python -m loaders import`` says so).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from loaders import auth, db, versions
from loaders.config import DATA_DIR
from loaders.readers import read_csv_dir, read_workbook
from loaders.validate import ValidationError, validate
from loaders.workbook import write_workbook


def load_source(source: Path):
    """Validated typed frames from a folder of CSVs or an ``.xlsx`` workbook."""
    raws = read_workbook(source) if source.suffix.lower() == ".xlsx" else read_csv_dir(source)
    return validate(raws)


def _actor(args: argparse.Namespace) -> auth.Actor:
    # Whoever can run the command line can write the database anyway: the CLI acts as admin.
    name = getattr(args, "user", None) or os.environ.get("USER") or "cli"
    return auth.Actor(f"cli:{name}", "admin")


def cmd_build(args: argparse.Namespace) -> int:
    frames = load_source(args.source)
    engine = db.get_engine(args.database_url)
    vid = versions.publish_all(engine, frames, _actor(args), str(args.source.name))
    rows = sum(len(f) for f in frames.values())
    print(f"database rebuilt from {args.source.name}: {rows} rows in {len(frames)} tables (version {vid})")
    return 0


def cmd_ensure(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url)
    if db.has_data(engine):
        print("database already holds data; left as it is (make rebuild-db replaces it)")
        return 0
    return cmd_build(argparse.Namespace(source=DATA_DIR, database_url=args.database_url))


IMPORT_MOVED = "use: python -m kpi import FILE --user NAME [--accept]  (validate, check and publish whole years)"


def cmd_import(args: argparse.Namespace) -> int:
    """The import runs the Kualitas Data checks (kpi, a layer above): a pointer to ``python -m kpi import``."""
    print(IMPORT_MOVED, file=sys.stderr)
    return 2


def cmd_versions(args: argparse.Namespace) -> int:
    table = versions.list_versions(db.get_engine(args.database_url))
    if table.empty:
        print("no versions yet (python -m loaders build creates version 1)")
        return 0
    for r in table.itertuples():
        mark = "*" if r.status == versions.CURRENT else " "
        restored = f" restores {int(r.restored_from)}" if r.restored_from == r.restored_from and r.restored_from else ""
        print(
            f"{mark}{r.id:>4}  {r.status:<11} {r.published_at:%Y-%m-%d %H:%M}  {r.published_by:<16} "
            f"years={r.years:<12} rows={r.rows:<6} {r.file_name}{restored}  {r.note}"
        )
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    vid = versions.rollback(db.get_engine(args.database_url), args.version, _actor(args))
    print(f"restored version {args.version} as version {vid}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from loaders.template import write_template

    frames = None
    if args.year is not None:
        engine = db.get_engine(args.database_url)
        frames = db.read_all(engine)
        if not any((f["year"] == args.year).any() for f in frames.values() if len(f)):
            print(
                f"no data loaded for {args.year}; loaded: {db.years_loaded(engine, 'output_capaian')}", file=sys.stderr
            )
            return 1
    write_template(args.out, frames, args.year, args.as_year)
    print(f"wrote {args.out}")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Kata sandi: ")
        if getpass.getpass("Ulangi kata sandi: ") != password:
            print("kata sandi tidak sama", file=sys.stderr)
            return 1
    auth.create_user(db.get_engine(args.database_url), args.name, password, args.role, by=_actor(args).username)
    print(f"user {args.name} created with role {args.role}")
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
    sub.add_parser("import", help="moved: python -m kpi import FILE --user NAME", add_help=False)
    sub.add_parser("versions", help="list the published data versions")
    rb = sub.add_parser("rollback", help="restore version N as a new current version")
    rb.add_argument("version", type=int)
    rb.add_argument("--user", help="recorded in the audit log (default: $USER)")
    tpl = sub.add_parser("template", help="write the Excel template, optionally prefilled with a loaded year")
    tpl.add_argument("--out", type=Path, required=True)
    tpl.add_argument("--year", type=int, help="prefill with the rows of this loaded year")
    tpl.add_argument("--as-year", type=int, help="relabel the prefilled rows as this year")
    cu = sub.add_parser("create-user", help="add a user of the Kelola Data page")
    cu.add_argument("name")
    cu.add_argument("--role", choices=auth.ROLES, default="perencana")
    cu.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    export = sub.add_parser("export-xlsx", help="write the database (or one year) to one workbook")
    export.add_argument("out", type=Path)
    export.add_argument("--year", type=int)
    args, rest = parser.parse_known_args(argv)
    if args.cmd == "import":  # whatever its arguments: the command moved
        return cmd_import(args)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.cmd is None:
        args.cmd, args.source = "build", DATA_DIR
    try:
        commands = {
            "build": cmd_build,
            "ensure": cmd_ensure,
            "export-xlsx": cmd_export,
            "versions": cmd_versions,
            "rollback": cmd_rollback,
            "template": cmd_template,
            "create-user": cmd_create_user,
        }
        return commands[args.cmd](args)
    except (ValidationError, versions.PublishError, auth.AuthError) as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
