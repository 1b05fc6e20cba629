"""Command line of the loaders: ``python -m loaders [build] [--source PATH]``.

``build`` (the default) validates every table of ``data/`` (or a workbook) and rebuilds the
database in one transaction as a new data version; ``versions`` lists the versions;
``rollback N`` restores version N; ``template --year Y [--as-year Z] --out FILE`` writes the
Excel template (prefilled with year Y, relabelled as year Z without Y's printed figures);
``create-user NAME --role admin`` adds a user of the Kelola Data page;
``create-token NAME [--label L]`` prints a new API token of user NAME (shown once), ``tokens`` lists
them, ``revoke-token ID`` (or ``--all-of NAME``) revokes;
``export-xlsx OUT [--year Y]`` writes the loaded database to a workbook;
``demo-triwulan --year Y [--quarter Q]`` makes a throw-away example database with synthetic quarters
(``var/demo-triwulan.sqlite``; ``DATABASE_URL`` is never touched).

Publishing a new year runs the Kualitas Data checks, which live a layer above the loaders:
it is ``python -m kpi import FILE --user NAME`` (``python -m loaders import`` says so).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from loaders import auth, db, tokens, versions
from loaders.config import DATA_DIR, DatabaseNotFound
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
    engine = db.get_engine(args.database_url, create=True)
    vid = versions.publish_all(engine, frames, _actor(args), str(args.source.name))
    rows = sum(len(f) for f in frames.values())
    print(f"database rebuilt from {args.source.name}: {rows} rows in {len(frames)} tables (version {vid})")
    return 0


def cmd_ensure(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url, create=True)
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


def cmd_create_token(args: argparse.Namespace) -> int:
    token_id, token = tokens.create_token(
        db.get_engine(args.database_url), args.name, args.label, by=_actor(args).username
    )
    print(
        f"token {token_id} for {args.name}; shown once, keep it now (the database holds only its hash):",
        file=sys.stderr,
    )
    print(token)
    return 0


def cmd_revoke_token(args: argparse.Namespace) -> int:
    engine = db.get_engine(args.database_url)
    if (args.id is None) == (args.all_of is None):
        print("give a token ID or --all-of NAME", file=sys.stderr)
        return 2
    if args.id is not None:
        tokens.revoke_token(engine, args.id, by=_actor(args).username)
        print(f"token {args.id} revoked")
    else:
        ids = tokens.revoke_user_tokens(engine, args.all_of, by=_actor(args).username)
        print(f"{len(ids)} token(s) of {args.all_of} revoked" + (f": {', '.join(map(str, ids))}" if ids else ""))
    return 0


def cmd_tokens(args: argparse.Namespace) -> int:
    table = tokens.list_tokens(db.get_engine(args.database_url))
    for r in table.itertuples():
        state = "revoked" if r.revoked_at is not None and r.revoked_at == r.revoked_at else "live"
        used = (
            "never"
            if r.last_used_at is None or r.last_used_at != r.last_used_at
            else f"{r.last_used_at:%Y-%m-%d %H:%M}"
        )
        print(
            f"{r.id:>4}  {state:<7} {r.username:<16} {r.prefix}…  made {r.created_at:%Y-%m-%d %H:%M}  used {used}  {r.label}"
        )
    return 0


def cmd_demo_triwulan(args: argparse.Namespace) -> int:
    """A throw-away SQLite database with synthetic quarters (``loaders.triwulan_demo``); never ``DATABASE_URL``."""
    from loaders.triwulan_demo import DemoError, build_demo

    try:
        demo = build_demo(args.out, args.year, args.quarter, args.seed, replace=args.replace)
    except DemoError as exc:
        print(exc, file=sys.stderr)
        return 1
    copied = f", {demo.year} copied from {demo.copied_from}" if demo.copied_from else ""
    print(
        f"example database {args.out}: quarters 1-{demo.quarters} of {demo.year}{copied}, synthetic, seed {args.seed} "
        f"(CONTOH, bukan data resmi); versions {', '.join(map(str, demo.versions))}"
    )
    print(f"open it: DATABASE_URL={demo.url} .venv/bin/streamlit run app.py  (page Pemantauan Triwulan)")
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
    ct = sub.add_parser("create-token", help="print a new API bearer token of user NAME (shown once)")
    ct.add_argument("name")
    ct.add_argument("--label", default="", help="what the token is for, e.g. the system that uses it")
    rt = sub.add_parser("revoke-token", help="revoke an API token by its id, or every token of --all-of NAME")
    rt.add_argument("id", type=int, nargs="?")
    rt.add_argument("--all-of", metavar="NAME", help="revoke every live token of this user")
    sub.add_parser("tokens", help="list the API tokens (never the tokens themselves)")
    demo = sub.add_parser("demo-triwulan", help="a throw-away example database with synthetic quarterly data")
    demo.add_argument("--year", type=int, required=True, help="the year to fill (copied from the newest when absent)")
    demo.add_argument("--quarter", type=int, default=2, choices=[1, 2, 3, 4], help="quarters 1 to this (default 2)")
    demo.add_argument("--seed", type=int, default=17, help="the random seed (same seed, same numbers)")
    demo.add_argument("--out", type=Path, default=Path("var") / "demo-triwulan.sqlite", help="the SQLite file to make")
    demo.add_argument("--replace", action="store_true", help="replace the file when it exists")
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
            "create-token": cmd_create_token,
            "revoke-token": cmd_revoke_token,
            "tokens": cmd_tokens,
            "demo-triwulan": cmd_demo_triwulan,
        }
        return commands[args.cmd](args)
    except (ValidationError, versions.PublishError, auth.AuthError, tokens.TokenError, DatabaseNotFound) as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
