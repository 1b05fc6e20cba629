"""Query and page-rerun figures for one database, in a process of its own (Streamlit caches are per process).

``python -m bench.rerun --db URL --runs N --out FILE`` writes JSON:

- ``pages[page].rerun``: seconds of a warm ``AppTest.run()`` of the page (the app script plus the
  page, as Streamlit reruns it on every widget change) with every on-demand section open (the most
  a rerun draws), after the page has run once, with the
  compiled scripts kept between runs as a server keeps them (:func:`share_script_cache`);
- ``empty``: the same for a one-line Streamlit script, measured before and after the pages;
- ``pages[page].reads``: the ``(dataset, year)`` reads the page made through ``ui.data``;
- ``pages[page].query_cold``: seconds to read those datasets from the database
  (``loaders.db.read_table``, what the page pays on the first visit after a new data version,
  which ``ui.data``'s cache hides afterwards);
- ``pages[page].query_warm``: seconds of the same ``ui.data.table(name, year)`` calls with the
  cache filled (the cost on every rerun).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["ringkasan", "ss1", "ss2", "anggaran", "pn", "output", "kualitas", "kelola", "pemantauan"]
COLD_RUNS = 5
"""Cold reads (every dataset of the page from the database) take seconds at 100x: five runs say enough."""
EMPTY = "import streamlit as st\nst.write('x')\n"


def share_script_cache() -> None:
    """Compile each script once per process, as the server does.

    A Streamlit server keeps one ``ScriptCache`` for its runtime, so ``app.py`` and each page are
    compiled once; ``AppTest`` makes a new cache on every ``run()``, recompiling both (and rewriting
    the page for Streamlit's magic) each time: 10–60 ms a run that no server rerun pays.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared: dict = {}
    original_init = ScriptCache.__init__

    def init(self) -> None:
        original_init(self)
        self._cache = shared

    ScriptCache.__init__ = init


def sections(at) -> dict[str, bool]:
    """The page's on-demand sections (``ui.widgets.section``: expanders bound to the URL): key -> open."""
    return {e.proto.query_param_key: e.proto.expanded for e in at.expander if e.proto.query_param_key}


def open_sections(at, *keys: str):
    """Open the page's on-demand sections (``ui.widgets.section``) and rerun: those named, else every one.

    Opening one can reveal sections inside it, so with no names it repeats until none is left closed.
    """
    while True:
        closed = [k for k, is_open in sections(at).items() if not is_open]
        wanted = [k for k in closed if not keys or k in keys]
        if not wanted:
            return at
        for k in wanted:
            at.session_state[k] = True
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        if keys:
            return at


def _page_app(page: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    if page != "ringkasan":
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    open_sections(at)  # every on-demand section open: the most a rerun of the page draws
    if at.exception:
        raise RuntimeError(f"{page}: {[e.message for e in at.exception]}")
    return at


def _time_runs(at, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        at.run()
        out.append(time.perf_counter() - t)
    if at.exception:
        raise RuntimeError([e.message for e in at.exception])
    return out


def _empty(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(EMPTY, default_timeout=60)
    at.run()
    return _time_runs(at, runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", default=",".join(PAGES))
    args = ap.parse_args()
    os.environ["DATABASE_URL"] = args.db
    share_script_cache()

    import ui.data as uidata
    from loaders import db

    reads: list[tuple[str, int | None]] = []
    original_table = uidata.table

    def recording_table(name, year=None):
        reads.append((name, None if year is None else int(year)))
        return original_table(name, year)

    uidata.table = recording_table
    original_years = uidata.years

    def recording_years(name):
        reads.append((name, None))
        return original_years(name)

    uidata.years = recording_years

    result: dict = {"db": args.db, "pages": {}}
    empty = _empty(args.runs)
    for page in args.pages.split(","):
        reads.clear()
        at = _page_app(page)  # warm-up: first run (fills the caches), discarded
        page_reads = sorted(set(reads), key=lambda r: (r[0], -1 if r[1] is None else r[1]))
        rerun = _time_runs(at, args.runs)
        names = sorted({n for n, _ in page_reads})
        engine = db.get_engine(args.db)
        cold = []
        for _ in range(min(args.runs, COLD_RUNS) + 1):
            t = time.perf_counter()
            for n in names:
                db.read_table(engine, n)
            cold.append(time.perf_counter() - t)
        warm = []
        for _ in range(args.runs + 1):
            t = time.perf_counter()
            for n, y in page_reads:
                original_table(n, y)
            warm.append(time.perf_counter() - t)
        result["pages"][page] = {
            "rerun": rerun,
            "reads": page_reads,
            "datasets": names,
            "rows_read": int(sum(len(db.read_table(engine, n)) for n in names)),
            "query_cold": cold[1:],
            "query_warm": warm[1:],
        }
        del at
    empty += _empty(args.runs)
    result["empty"] = empty
    Path(args.out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
