"""``python -m report pdf|xlsx --year Y --out FILE [--lang id|en]``: the printable report or the year's workbook.

``pdf`` writes the A4 performance report of the year (Indonesian by default, ``--lang en``);
``xlsx`` writes every table of the year as one formatted Excel workbook. Both read the
database ``DATABASE_URL`` names (default: the SQLite file of ``make run``) or
``--database-url``; without ``--year`` the newest loaded report year (``views.common.report_years``:
a new year counts before its report is printed).

``draft --year Y --out lkjY.docx`` writes the editable Word draft of the LKj (``report.draft``);
``tables --year Y [--compare SEED] [--json]`` lists the regenerated tables and, with the report's
text, compares each with the printed one cell by cell (``report.tables``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders import db
from report import data_version
from views.common import report_years


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m report", description=__doc__.splitlines()[0])
    parser.add_argument(
        "format",
        choices=["pdf", "xlsx", "draft", "tables"],
        help="pdf: the printable report; xlsx: the workbook; draft: the Word draft of the LKj; "
        "tables: the regenerated LKj tables (with --compare: against the printed report)",
    )
    parser.add_argument("--year", type=int, help="report year (default: the latest loaded)")
    parser.add_argument("--out", type=Path, help="the file to write (pdf, xlsx, draft)")
    parser.add_argument("--compare", type=Path, help="tables: the LKj text to compare with (../shared/seeds/004_…)")
    parser.add_argument("--json", action="store_true", help="tables: print JSON")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="language (default id)")
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    args = parser.parse_args(argv)
    if args.format != "tables" and args.out is None:
        parser.error(f"{args.format} needs --out FILE")
    if args.compare is not None and not args.compare.exists():
        print(f"{args.compare}: no such file", file=sys.stderr)
        return 2

    engine = db.get_engine(args.database_url)
    frames = db.read_all(engine) if db.has_data(engine) else {}
    loaded = report_years(frames)  # newest first, as the app's sidebar lists them
    if not loaded:
        print("database holds no data: run `python -m loaders` first", file=sys.stderr)
        return 2
    year = args.year or loaded[0]
    if year not in loaded:
        print(f"year {year} is not loaded; loaded: {', '.join(map(str, sorted(loaded)))}", file=sys.stderr)
        return 2

    version = data_version(engine)
    if args.format == "tables":
        from report.tables import print_tables

        return print_tables(frames, year, args.compare, args.json)
    if args.format == "draft":
        from report.draft import build_docx

        content = build_docx(frames, year, args.lang, data_version=version)
    elif args.format == "pdf":
        from report.pdf import build_pdf

        content = build_pdf(frames, year, args.lang, data_version=version)
    else:
        from report.xlsx import build_workbook

        content = build_workbook(frames, year, args.lang, data_version=version)
    args.out.write_bytes(content)
    print(f"{args.out}: {args.format} report {year} ({args.lang}), {len(content):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
