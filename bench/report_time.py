"""How long the report downloads take to build: ``python -m bench.report_time [--year 2024] [--repeat 3]``.

Reads the database once (``DATABASE_URL`` or the SQLite file of ``make run``), then times
``report.pdf.build_pdf`` (Indonesian and English) and ``report.xlsx.build_workbook``; prints
the best and median of ``--repeat`` runs and the file sizes. Nothing is cached between runs.
"""

from __future__ import annotations

import argparse
import statistics
import time

from loaders import db
from report import data_version
from report.pdf import build_pdf
from report.xlsx import build_workbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report_time", description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    engine = db.get_engine(args.database_url)
    frames, version = db.read_all(engine), data_version(engine)
    jobs = {
        "pdf id": lambda: build_pdf(frames, args.year, "id", version),
        "pdf en": lambda: build_pdf(frames, args.year, "en", version),
        "xlsx": lambda: build_workbook(frames, args.year, "id", version),
    }
    for name, job in jobs.items():
        times, size = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            size = len(job())
            times.append(time.perf_counter() - start)
        print(f"{name:<7} best {min(times):6.2f} s  median {statistics.median(times):6.2f} s  {size / 1024:7.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
