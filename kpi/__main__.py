"""``python -m kpi --year 2024 [--json]``: the headline figures recomputed from the database.

``python -m kpi checks --year 2024 --json`` prints the Kualitas Data findings;
``python -m kpi report --year 2024 --format pdf|xlsx --out FILE [--lang id|en]`` writes the
printable report or the full workbook of the year. The database is the one ``DATABASE_URL``
names (default: the SQLite file of ``make run``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from loaders import db


def _plain(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kpi", description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="headline", choices=["headline", "checks", "report"])
    parser.add_argument("--year", type=int, help="report year (default: the latest loaded)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    parser.add_argument("--format", choices=["pdf", "xlsx"], default="pdf", help="report: PDF or Excel workbook")
    parser.add_argument("--out", help="report: the file to write")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="report: language (default id)")
    args = parser.parse_args(argv)
    if args.command == "report" and not args.out:
        parser.error("report needs --out FILE")

    engine = db.get_engine(args.database_url)
    frames = db.read_all(engine)
    loaded = db.years_loaded(engine)
    if not loaded:
        print("database holds no data: run `python -m loaders` first", file=sys.stderr)
        return 2
    year = args.year or max(loaded)
    if year not in loaded:
        print(f"year {year} is not loaded; loaded: {', '.join(map(str, loaded))}", file=sys.stderr)
        return 2

    if args.command == "report":
        from report import data_version
        from report.pdf import build_pdf
        from report.xlsx import build_workbook

        version = data_version(engine)
        build = build_pdf if args.format == "pdf" else build_workbook
        content = build(frames, year, args.lang, data_version=version)
        with open(args.out, "wb") as out:
            out.write(content)
        print(f"{args.out}: {args.format} report {year} ({args.lang}), {len(content):,} bytes", file=sys.stderr)
        return 0

    if args.command == "checks":
        from kpi.checks import run_checks

        result = run_checks(frames, year)
        findings = getattr(result, "findings", result)
        rows = [{k: _plain(v) for k, v in f.as_dict().items()} for f in findings]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r['severity']:<8} {r['rule_id']:<40} {r['row_key']}: {r['message_id']}")
        return 0

    from kpi.headline import headline

    figures = {k: _plain(v) for k, v in headline(frames, year).items()}
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        width = max(map(len, figures))
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
