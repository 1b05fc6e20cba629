"""``python -m bench.profile``: what a new visitor's load of each page costs the browser, and on what.

Per page, a few loads in fresh browser contexts (as :func:`bench.browser.new_visitor`) under
Chromium's sampling profiler (CDP ``Profiler``, 200 µs), with:

- ``metrics``: the main thread's time from ``Performance.getMetrics``: all tasks, of which
  JavaScript, layout and style recalculation;
- ``js``: JavaScript self time by the file it runs in (Streamlit's lazily loaded chunks: the
  Vega-Lite embedding, the data grid, KaTeX, ...), plus V8's ``(program)`` (parsing, compiling and
  native work outside JavaScript) and ``(garbage collector)``;
- ``fetched``: kB of each JavaScript chunk the page downloaded (a new visitor downloads and
  compiles every chunk the page's elements need);
- ``elements``: the page's Streamlit elements by kind once rendered (``data-testid`` of each element
  container's child), and the number of DOM nodes.

The medians over the loads go to ``bench/profile.json`` and are printed; ``python -m bench`` puts the
summary beside the new-visitor table in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from bench.browser import FLOOR_APP, PAGES, Server, _launch, load, visitor_tab

ROOT = Path(__file__).resolve().parents[1]

ELEMENTS = """() => {
    const kinds = {};
    for (const c of document.querySelectorAll('[data-testid="stElementContainer"]')) {
        const k = c.firstElementChild?.dataset.testid || c.firstElementChild?.className || '?';
        kinds[k] = (kinds[k] || 0) + 1;
    }
    return {kinds, dom_nodes: document.getElementsByTagName('*').length};
}"""


def _chunk(url: str) -> str:
    """A script URL -> its file name without the content hash (``embed.CX5AQgxi.js`` -> ``embed``)."""
    name = url.rsplit("/", 1)[-1].split("?")[0]
    return name.split(".")[0] if name else "(native)"


def _self_times(profile: dict) -> dict[str, float]:
    """Seconds of self time per script file (or V8 pseudo-node) from a CDP CPU profile."""
    by_id = {n["id"]: n for n in profile["nodes"]}
    out: dict[str, float] = defaultdict(float)
    deltas = profile.get("timeDeltas", [])
    for node_id, dt in zip(profile.get("samples", []), deltas, strict=False):
        frame = by_id[node_id]["callFrame"]
        name = frame["functionName"] if frame["functionName"].startswith("(") else _chunk(frame["url"])
        out[name] += dt / 1e6
    out.pop("(idle)", None)
    return dict(out)


def profile_load(browser, url: str, sidebar: bool = True) -> dict:
    """One new-visitor load of ``url`` under the profiler: load time, metrics, JS by file, fetched kB, elements."""
    with visitor_tab(browser) as (page, cdp):
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        scripts: dict[str, str] = {}
        fetched: dict[str, float] = defaultdict(float)
        cdp.on(
            "Network.responseReceived",
            lambda e: scripts.__setitem__(e["requestId"], e["response"]["url"]) if e["type"] == "Script" else None,
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: (
                fetched.__setitem__(_chunk(scripts[e["requestId"]]), e["encodedDataLength"] / 1024)
                if e["requestId"] in scripts
                else None
            ),
        )
        cdp.send("Profiler.start")
        dt = load(page, url, sidebar=sidebar)
        prof = cdp.send("Profiler.stop")["profile"]
        m = {x["name"]: x["value"] for x in cdp.send("Performance.getMetrics")["metrics"]}
        return {
            "load": dt,
            "metrics": {
                "main_thread": m["TaskDuration"],
                "javascript": m["ScriptDuration"],
                "layout": m["LayoutDuration"],
                "style": m["RecalcStyleDuration"],
            },
            "js": _self_times(prof),
            "fetched_kb": dict(fetched),
            "elements": page.evaluate(ELEMENTS),
        }


def _median_dict(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = {k for r in rows for k in r}
    return {k: statistics.median(r.get(k, 0.0) for r in rows) for k in sorted(keys)}


def profile(server: Server, floor: Server, runs: int, pages=PAGES) -> dict:
    """Medians over ``runs`` profiled new-visitor loads of the floor and each page (one discarded round first)."""
    from playwright.sync_api import sync_playwright

    raw: dict[str, list[dict]] = {name: [] for name in ["floor", *pages]}
    with sync_playwright() as p:
        browser = _launch(p)
        for i in range(runs + 1):
            for name in raw:
                r = (
                    profile_load(browser, floor.url, False)
                    if name == "floor"
                    else profile_load(browser, f"{server.url}/{name}")
                )
                if i:
                    raw[name].append(r)
        browser.close()
    out = {}
    for name, rows in raw.items():
        out[name] = {
            "load": statistics.median(r["load"] for r in rows),
            "metrics": _median_dict([r["metrics"] for r in rows]),
            "js": _median_dict([r["js"] for r in rows]),
            "fetched_kb": _median_dict([r["fetched_kb"] for r in rows]),
            "elements": dict(Counter(rows[-1]["elements"]["kinds"]).most_common()),
            "dom_nodes": rows[-1]["elements"]["dom_nodes"],
        }
    return out


def extra(floor: dict, page: dict, key: str) -> dict[str, float]:
    """What ``page`` has of ``key`` (``js`` or ``fetched_kb``) beyond the floor, largest first."""
    diff = {k: v - floor[key].get(k, 0.0) for k, v in page[key].items()}
    return dict(sorted(((k, v) for k, v in diff.items() if v > 0), key=lambda kv: -kv[1]))


def text(result: dict, top: int = 6) -> str:
    """The profile as plain lines: per page, load, main thread, and what it spends beyond the floor."""
    floor = result["floor"]
    lines = []
    for name, r in result.items():
        m = r["metrics"]
        lines.append(
            f"{name}: load {r['load']:.2f} s, main thread {m['main_thread']:.2f} s (JS {m['javascript']:.2f}, "
            f"layout {m['layout']:.2f}, style {m['style']:.2f}), {r['dom_nodes']} DOM nodes"
        )
        lines.append("  elements: " + ", ".join(f"{k} {v}" for k, v in r["elements"].items()))
        if name != "floor":
            js = extra(floor, r, "js")
            kb = extra(floor, r, "fetched_kb")
            lines.append(
                "  JS beyond floor (ms): " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in list(js.items())[:top])
            )
            lines.append("  chunks beyond floor (kB): " + ", ".join(f"{k} {v:.0f}" for k, v in list(kb.items())[:top]))
    return "\n".join(lines)


def main() -> None:
    from loaders.config import database_url

    ap = argparse.ArgumentParser(prog="python -m bench.profile")
    ap.add_argument("--db", default=None, help="database URL (default: DATABASE_URL or the local SQLite file)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--port", type=int, default=8625)
    ap.add_argument("--out", default=str(ROOT / "bench" / "profile.json"))
    args = ap.parse_args()
    db = args.db or database_url()
    server, floor = Server(db, args.port), Server(db, args.port + 1, FLOOR_APP)
    try:
        result = profile(server, floor, args.runs, args.pages.split(","))
    finally:
        server.stop()
        floor.stop()
    Path(args.out).write_text(json.dumps(result, indent=1))
    print(text(result))


if __name__ == "__main__":
    main()
