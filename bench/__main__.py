"""``python -m bench [--quick] [--parts ingest,rerun,report,browser,visitor,load]``: run the benchmarks, write the report.

Writes ``bench/results.json`` (every measurement and its summary) and ``BENCHMARKS.md`` (each
figure beside its goal). Databases of each scale are kept in ``var/bench/``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import report, synth
from bench.stats import loadavg, machine, summary, timed

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
VISITOR_RUNS = 15  # new-visitor loads per page (and as many of the floor): about 2 x 9 x 15 x 1,3 s
PARTS = ("ingest", "rerun", "report", "browser", "visitor", "load")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}] {msg}", flush=True)


def _ingest(results: dict, scales: list[str], runs: dict[str, int], pg: bool) -> None:
    from bench import ingest

    out = results.setdefault("ingest", {})
    pg = pg and ingest.pg_available()
    with tempfile.TemporaryDirectory() as tmp:
        for name in scales:
            frames = synth.scale(name)
            rows = synth.row_count(frames)
            n = runs[name]
            log(f"ingest {name}: {rows} rows, SQLite x{n}")
            entry = {"rows": rows, "runs": n}
            entry["sqlite"] = ingest.sqlite_runs(frames, n, Path(tmp), keep=VAR / f"{name}.sqlite")
            if pg:
                log(f"ingest {name}: PostgreSQL x{n}")
                entry["postgresql"] = ingest.pg_runs(frames, n)
            for backend in ("sqlite", "postgresql"):
                if backend in entry:
                    r = entry[backend]
                    total = [v + w for v, w in zip(r["validate"], r["write"], strict=True)]
                    r["rows_per_s"] = summary([rows / t for t in total])
                    r["seconds"] = summary(total)
                    r["validate_s"] = summary(r["validate"])
                    r["write_s"] = summary(r["write"])
            out[name] = entry


def _ensure_db(name: str) -> str:
    path = VAR / f"{name}.sqlite"
    if not path.exists():
        from loaders import db
        from loaders.validate import validate

        log(f"building {path.name}")
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        db.replace_all(db.get_engine(f"sqlite:///{tmp}"), validate(synth.raw_tables(synth.scale(name))), "bench")
        tmp.replace(path)
    return f"sqlite:///{path}"


def _rerun(results: dict, scales: list[str], runs: int) -> None:
    out = results.setdefault("rerun", {})
    for name in scales:
        url = _ensure_db(name)
        log(f"AppTest reruns and queries at {name} x{runs}")
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            target = f.name
        subprocess.run(
            [sys.executable, "-m", "bench.rerun", "--db", url, "--runs", str(runs), "--out", target],
            cwd=ROOT,
            check=True,
            stderr=subprocess.DEVNULL,
        )
        raw = json.loads(Path(target).read_text())
        os.unlink(target)
        empty = summary(raw["empty"])
        pages = {}
        for page, r in raw["pages"].items():
            s = summary(r["rerun"])
            pages[page] = {
                "rerun": s,
                "ratio_to_empty": s["median"] / empty["median"],
                "query_cold": summary(r["query_cold"]),
                "query_warm": summary(r["query_warm"]),
                "datasets": r["datasets"],
                "rows_read": r["rows_read"],
                "raw": {"rerun": r["rerun"], "query_cold": r["query_cold"], "query_warm": r["query_warm"]},
            }
        out[name] = {"empty": empty, "empty_raw": raw["empty"], "pages": pages}


def _report_files(results: dict, runs: int) -> None:
    """Build time of the report downloads (issue 8) on the real 2024 data: PDF (id, en) and workbook."""
    from loaders.readers import read_csv_dir
    from loaders.validate import validate
    from report.pdf import build_pdf
    from report.xlsx import build_workbook

    frames = validate(read_csv_dir(ROOT / "data"))  # what the database holds; the files need no database
    jobs = {
        "pdf_id": lambda: build_pdf(frames, 2024, "id", 0),
        "pdf_en": lambda: build_pdf(frames, 2024, "en", 0),
        "xlsx": lambda: build_workbook(frames, 2024, "id", 0),
    }
    n = min(runs, 3)  # a PDF takes seconds; three runs say enough
    log(f"report files x{n}")
    results["report_files"] = {name: summary(timed(job, n)) for name, job in jobs.items()}


def _new_visitor(results: dict, server, url: str, runs: int, port: int) -> None:
    """Issue 15: every page loaded by a new visitor, alternating with the floor app, in one run."""
    from bench import browser

    log(f"new visitors x{runs} per page, alternating with the floor app")
    from bench import profile

    floor = browser.Server(url, port, browser.FLOOR_APP)
    try:
        raw = browser.new_visitor(server, floor, runs)
        log("profile of each page's new-visitor load x3")
        results["new_visitor_profile"] = profile.profile(server, floor, 3)
    finally:
        floor.stop()
    floor_median = summary(raw["floor"]["load"])["median"]
    results["new_visitor"] = {
        page: {
            "load": summary(v["load"]),
            "ratio_to_floor": summary(v["load"])["median"] / floor_median,
            "browser_busy": summary(v["busy"]),
            "browser_script": summary(v["script"]),
            "fetched_kb": summary(v["kb"]),
            "raw": v,
        }
        for page, v in raw.items()
    }


def _browser(results: dict, runs: int, nav_runs: int, users: int, seconds: float, parts: set[str], port: int) -> None:
    from bench import browser

    url = _ensure_db("1x")
    server = browser.Server(url, port)
    try:
        results["server_rss_start_mb"] = server.rss_mb()
        if "visitor" in parts:
            _new_visitor(results, server, url, min(runs, VISITOR_RUNS), port + 1)
        if "browser" in parts:
            log(f"browser navigation x{nav_runs} per page")
            nav = browser.navigation(server, nav_runs)
            results["navigation"] = {
                page: {
                    "load": summary(v["load"]),
                    "browser_busy": summary(v["browser_busy"]),
                    "browser_script": summary(v["browser_script"]),
                    "raw": v["load"],
                    "raw_browser_busy": v["browser_busy"],
                    "raw_browser_script": v["browser_script"],
                }
                for page, v in nav.items()
            }
            log(f"what-if x{runs}")
            try:
                wi = browser.what_if(server, runs)
            except Exception as exc:  # noqa: BLE001 - recorded, the other figures still run
                results["what_if_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
                wi = None
            if wi:
                results["what_if"] = {
                    "update": summary(wi["update"]),
                    "driver": summary(wi["driver"]),
                    "ws_received": summary(wi["ws_received"]),
                    "ws_sent": summary(wi["ws_sent"]),
                    "raw": wi,
                }
        if "load" in parts:
            from bench import sessions

            log(f"{users} websocket sessions reading pages ({sessions.THINK_S} s pauses) for {seconds:.0f} s")
            cap = sessions.capacity(server, users, seconds, think=sessions.THINK_S)
            cap["load"], cap["single_load"] = summary(cap["times"]), summary(cap["single"])
            results["sessions"] = cap
            log(f"{users} websocket sessions back to back for {seconds / 2:.0f} s")
            sat = sessions.capacity(server, users, seconds / 2, single_seconds=5.0)
            sat["load"], sat["single_load"] = summary(sat["times"]), summary(sat["single"])
            results["sessions_saturation"] = sat
            browser_seconds = seconds / 2
            log(f"{users} browser sessions for {browser_seconds:.0f} s")
            c = browser.concurrency(server, users, browser_seconds, think=sessions.THINK_S)
            c["load"] = summary(c["loads"])
            results["concurrency"] = c
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--quick", action="store_true", help="few runs, 1x and 10x, 5 users for 15 s (development)")
    ap.add_argument("--parts", default=",".join(PARTS), help=",".join(PARTS))
    ap.add_argument("--runs", type=int, default=None, help="runs per figure (default 20; --quick 3)")
    ap.add_argument("--port", type=int, default=8620)
    ap.add_argument("--ingest-100x-runs", type=int, default=3, help="ingest runs at 100x (3-11 s each per backend)")
    ap.add_argument("--nav-runs", type=int, default=20, help="fresh-tab loads per page (about 1-2 s each here)")
    ap.add_argument("--seconds", type=float, default=None, help="length of the concurrency test (default 60)")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    ap.add_argument("--md", default=str(ROOT / "BENCHMARKS.md"))
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    runs = args.runs or (3 if args.quick else 20)
    scales = ["1x", "10x"] if args.quick else ["1x", "10x", "100x"]
    # A 100x ingest takes ~30 s per run and backend: fewer runs there keep `make bench` under 15 minutes.
    ingest_runs = {"1x": runs, "10x": runs, "100x": min(runs, args.ingest_100x_runs)}
    users, seconds = (5, 15.0) if args.quick else (20, 60.0)
    seconds = args.seconds or seconds
    VAR.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    results: dict = {"machine": machine(), "quick": args.quick, "runs": runs, "load_before": loadavg()}
    results["scales"] = {
        n: {"years": synth.SCALES[n].years, "outputs_per_year_x": synth.SCALES[n].outputs} for n in scales
    }
    if "ingest" in parts:
        _ingest(results, scales, ingest_runs, pg=not args.no_pg)
    if "rerun" in parts:
        _rerun(results, scales, runs)
    if "report" in parts:
        _report_files(results, runs)
    if parts & {"browser", "visitor", "load"}:
        _browser(results, runs, min(runs, args.nav_runs), users, seconds, parts, args.port)
    results["load_after"] = loadavg()
    results["wall_s"] = round(time.monotonic() - t0, 1)
    Path(args.out).write_text(json.dumps(results, indent=1))
    Path(args.md).write_text(report.markdown(results))
    log(f"done in {results['wall_s']} s: {args.out}, {args.md}")


if __name__ == "__main__":
    main()
