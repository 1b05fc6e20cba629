"""BENCHMARKS.md from ``results.json``: every figure beside its goal (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path

GOALS = {
    "rerun_1x": 0.150,
    "rerun_100x": 0.300,
    "what_if": 0.300,
    "first_render": 2.5,
    "conc_ratio": 2.0,
    "rss_growth_mb": 150.0,
    "ingest_rows_s": 50_000,
    "ws_bytes": 100 * 1024,
    "visitor_ratio": 1.5,
    "visitor_p95": 2.5,
}


def _ok(flag: bool | None) -> str:
    return "–" if flag is None else ("✅" if flag else "❌")


def _ms(s: float | None) -> str:
    return "–" if s is None else f"{s * 1000:,.0f} ms"


def _s(s: float | None) -> str:
    return "–" if s is None else f"{s:,.2f} s"


def _server_rows(c: dict, cpu_note: str = "", goals: bool = True) -> list[str]:
    """Table rows of a concurrency test: the server's CPU share and its memory growth (against the goal)."""
    growth = c["rss_after_mb"] - c["rss_before_mb"]
    rows = []
    if "server_cpu_s" in c:
        rows.append(
            f"| CPU used during the test | server {c['server_cpu_s']:.0f} s of {c['machine_busy_cpu_s']:.0f} s busy "
            f"on {c['cores']} cores × {c['seconds']:.0f} s{cpu_note} |" + (" | |" if goals else "")
        )
    rss = f"| server RSS before → after | {c['rss_before_mb']:.0f} → {c['rss_after_mb']:.0f} MB (+{growth:.0f} MB) |"
    rows.append(rss + (f" growth ≤ 150 MB | {_ok(growth <= GOALS['rss_growth_mb'])} |" if goals else ""))
    return rows


def _versioned(m: dict, package: str) -> str:
    """``altair 6.3.0`` (or ``plotly 7.1.0`` in results from before the charts moved to Vega-Lite)."""
    if package in m:
        return f"{package} {m[package]}"
    return f"plotly {m['plotly']}" if "plotly" in m else package


def _think_text(c: dict) -> str:
    think = c.get("think_s")
    if not think:
        return "Each opens the pages in turn, back to back, with no pause between them (a saturation test)."
    lo, hi = think
    return (
        f"Each is a reader: it opens the pages in turn and reads each for {_n(lo)}–{_n(hi)} s (drawn at "
        "random, seeded), the first page at a random moment of the first pause so the users do not all "
        "click at once."
    )


def _first_errors(c: dict) -> list[str]:
    return ["", "First errors:", ""] + [f"- `{e}`" for e in c["errors"][:5]] if c["errors"] else []


def _n(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


def markdown(r: dict, cluster: dict | None = None) -> str:
    """``cluster``: the replicas benchmark (default: ``bench/results_cluster.json`` when it exists)."""
    m = r["machine"]
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`); raw numbers in `bench/results.json`. Issue 7.",
        "Times are median and p95 over the runs listed (after one discarded warm-up run).",
        "",
        f"- Date: {m['date']}{' (**--quick run**, not the recorded figures)' if r.get('quick') else ''}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}",
        f"- Versions: Python {m['python']}, Streamlit {m['streamlit']}, pandas {m['pandas']}, "
        f"{_versioned(m, 'altair')}, SQLAlchemy {m['sqlalchemy']}, SQLite {m['sqlite']}, {m['postgresql']}, "
        f"Playwright {m['playwright']}, {m['chromium']}",
        f"- Load average (1, 5, 15 min) before: {r['load_before']}, after: {r['load_after']} "
        f"({m['cores']} cores; other work was running on the machine when the load is above the core count)",
        f"- Wall time of the run: {r['wall_s']:.0f} s",
        "",
        "Scales (synthetic data from `bench/synth.py`, seeded, loaded through the normal loaders):",
        "",
        "| scale | years | outputs per year | rows |",
        "|---|---:|---:|---:|",
    ]
    for name, s in r["scales"].items():
        rows = r.get("ingest", {}).get(name, {}).get("rows")
        out.append(f"| {name} | {s['years']} | {s['outputs_per_year_x']}x | {_n(rows)} |")
    if "ingest" in r:
        out += [
            "",
            "## 1. Ingest (validation + database write, into an empty database)",
            "",
            f"Goal: ≥ {GOALS['ingest_rows_s']:,} rows/s on SQLite.",
            "",
            "| scale | backend | runs | rows/s median | rows/s p95-slowest | validate median | write median | goal |",
            "|---|---|---:|---:|---:|---:|---:|:-:|",
        ]
        for name, e in r["ingest"].items():
            for backend in ("sqlite", "postgresql"):
                if backend not in e:
                    continue
                b = e[backend]
                rate = b["rows_per_s"]
                slow = e["rows"] / b["seconds"]["p95"]
                goal = _ok(rate["median"] >= GOALS["ingest_rows_s"]) if backend == "sqlite" else "–"
                out.append(
                    f"| {name} | {backend} | {e['runs']} | {_n(rate['median'])} | {_n(slow)} | "
                    f"{_s(b['validate_s']['median'])} | {_s(b['write_s']['median'])} | {goal} |"
                )
        out.append("")
        out.append("`rows/s p95-slowest` is rows divided by the p95 of the ingest time.")
    if "rerun" in r:
        out += [
            "",
            "## 2. Query: reading each page's data",
            "",
            "`cold`: `loaders.db.read_table` of every dataset the page reads through `ui.data` (recorded "
            "while the page ran), what the first visit after a new data version pays; `ui.data` caches the "
            "frames per data version for all sessions afterwards. `warm`: the page's `ui.data.table(name, "
            "year)` / `ui.data.years(name)` calls with that cache filled (paid on every rerun).",
            "",
            "| page | scale | datasets | rows read | cold median | cold p95 | warm median | warm p95 |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, e in r["rerun"].items():
            for page, p in e["pages"].items():
                out.append(
                    f"| {page} | {name} | {len(p['datasets'])} | {_n(p['rows_read'])} | {_ms(p['query_cold']['median'])} "
                    f"| {_ms(p['query_cold']['p95'])} | {_ms(p['query_warm']['median'])} | {_ms(p['query_warm']['p95'])} |"
                )
        out += [
            "",
            "## 3. Page rerun (AppTest, in process, warm)",
            "",
            "One `AppTest.run()` of `app.py` with the page selected and every on-demand section open (the most a rerun draws), "
            "after the page has run once: what "
            "Streamlit executes on every widget change (scripts compiled once per process, as a server "
            "does: `bench.rerun.share_script_cache`). Ratio = page median / median of a one-line "
            "Streamlit script measured in the same process. Goal: p95 ≤ 150 ms at 1x, ≤ 300 ms at 100x.",
            "",
            "| page | scale | runs | median | p95 | × empty script | goal |",
            "|---|---|---:|---:|---:|---:|:-:|",
        ]
        for name, e in r["rerun"].items():
            goal = GOALS["rerun_1x"] if name == "1x" else GOALS["rerun_100x"] if name == "100x" else None
            for page, p in e["pages"].items():
                s = p["rerun"]
                flag = None if goal is None else s["p95"] <= goal
                out.append(
                    f"| {page} | {name} | {s['n']} | {_ms(s['median'])} | {_ms(s['p95'])} | "
                    f"{p['ratio_to_empty']:,.0f}× | {_ok(flag)} |"
                )
            em = e["empty"]
            out.append(f"| *empty script* | {name} | {em['n']} | {_ms(em['median'])} | {_ms(em['p95'])} | 1× | |")
    if "navigation" in r:
        out += [
            "",
            "## 4. Browser (headless Chromium + Playwright, 1x data, one user)",
            "",
            "Navigation = from `page.goto(url)` to fully rendered: no running script, no skeleton, sidebar "
            "drawn and every chart drawn (a new tab each time: a new Streamlit session). The browser keeps "
            "a profile for the run, as a user's browser does: its HTTP and compiled-code caches, filled by "
            "the discarded first load, serve the later ones. Goal: p95 ≤ 2,5 s.",
            "",
            "`browser busy` is Chromium's main-thread time during the load (CDP `Performance.getMetrics` "
            "`TaskDuration`), median: the part of the load the browser itself was working (JavaScript, "
            "layout, paint), not waiting for the server.",
            "",
            "| page | runs | median | p95 | browser busy | busy / load | goal |",
            "|---|---:|---:|---:|---:|---:|:-:|",
        ]
        for page, p in r["navigation"].items():
            s = p["load"]
            busy = p.get("browser_busy", {}).get("median")
            share = "–" if busy is None else f"{busy / s['median']:.0%}"
            out.append(
                f"| {page} | {s['n']} | {_s(s['median'])} | {_s(s['p95'])} | {_s(busy)} | {share} "
                f"| {_ok(s['p95'] <= GOALS['first_render'])} |"
            )
    if "new_visitor" in r:
        out += new_visitor_section(r["new_visitor"], r.get("new_visitor_profile"))
    if "what_if" in r:
        w = r["what_if"]
        s = w["update"]
        out += [
            "",
            "What-if: SS-1, type a new value in `wi_pyb_vokasi` and press Enter; timed in the page, from the "
            "Enter key to the frame that paints the new *P simulasi* value. Goal: p95 ≤ 300 ms. "
            f"Runs {s['n']}: median {_ms(s['median'])}, p95 {_ms(s['p95'])} {_ok(s['p95'] <= GOALS['what_if'])}"
            + (
                f" (timed from Python around Playwright's `fill` and `press`: median {_ms(w['driver']['median'])}, "
                f"p95 {_ms(w['driver']['p95'])}).".replace(").)", "))")
                if "driver" in w
                else ""
            ),
            "",
            "## 6. Websocket bytes per what-if change",
            "",
            "Frames seen by Playwright on the app's websocket from the change until the rerun finished. "
            f"Goal: ≤ 100 KB received. Received (server → browser): median {_n(w['ws_received']['median'])} B, "
            f"p95 {_n(w['ws_received']['p95'])} B {_ok(w['ws_received']['p95'] <= GOALS['ws_bytes'])}; "
            f"sent (browser → server): median {_n(w['ws_sent']['median'])} B.",
        ]
    if "report_files" in r:
        out += [
            "",
            "## 7. Report downloads (issue 8): build time on the 2024 data",
            "",
            "| file | runs | median | p95 |",
            "|---|---:|---:|---:|",
        ] + [f"| {name} | {s['n']} | {_s(s['median'])} | {_s(s['p95'])} |" for name, s in r["report_files"].items()]
    if "sessions" in r:
        c = r["sessions"]
        single, p95 = c["single_load"]["p95"], c["load"]["p95"]
        ratio = None if (single is None or p95 is None) else p95 / single
        out += [
            "",
            f"## 5. Concurrency: {c['users']} sessions against one server for {c['seconds']:.0f} s",
            "",
            "Each session is a websocket client speaking Streamlit's protocol (`bench/sessions.py`): a "
            "request lasts from `rerun_script` sent to `script_finished` received, the server's work and the "
            "transfer, no drawing. "
            + _think_text(c)
            + " The single-session figure is one client alone opening the pages back to back, measured "
            "just before. An error is an exception shown, a page not found, a failed run or a dropped session.",
            "",
            "| figure | value | goal | |",
            "|---|---:|---|:-:|",
            f"| errors | {len(c['errors'])} | 0 | {_ok(len(c['errors']) == 0)} |",
            f"| page opens completed | {len(c['times'])} ({len(c['times']) / c['seconds']:.1f} per s) | | |",
            f"| single session: median, p95 | {_s(c['single_load']['median'])}, {_s(single)} | | |",
            f"| {c['users']} sessions: median, p95 | {_s(c['load']['median'])}, {_s(p95)} "
            f"| p95 ≤ 2 × single p95 = {_s(None if single is None else 2 * single)} "
            f"| {_ok(None if ratio is None else ratio <= GOALS['conc_ratio'])} |",
            *_server_rows(c),
        ]
        out += _first_errors(c)
    if "sessions_saturation" in r:
        c = r["sessions_saturation"]
        out += [
            "",
            f"### 5a. Capacity: {c['users']} sessions back to back for {c['seconds']:.0f} s",
            "",
            "The same clients with no pause: each opens the next page as soon as the last one finished, "
            "so requests queue behind each other. Not a goal; it says how many page opens per second one "
            "server process completes, which sizes a deployment (README).",
            "",
            "| figure | value |",
            "|---|---:|",
            f"| errors | {len(c['errors'])} |",
            f"| page opens completed | {len(c['times'])} ({len(c['times']) / c['seconds']:.1f} per s) |",
            f"| single session: median, p95 | {_s(c['single_load']['median'])}, {_s(c['single_load']['p95'])} |",
            f"| {c['users']} sessions: median, p95 | {_s(c['load']['median'])}, {_s(c['load']['p95'])} |",
            *_server_rows(c, goals=False),
        ]
        out += _first_errors(c)
    if "concurrency" in r:
        c = r["concurrency"]
        single = None
        if "navigation" in r:
            allv = [v for p in r["navigation"].values() for v in p["raw"]]
            from bench.stats import summary

            single = summary(allv)["p95"]
        p95 = c["load"]["p95"]
        ratio = None if (single is None or p95 is None) else p95 / single
        out += [
            "",
            f"### 5b. The same with {c['users']} headless browser sessions for {c['seconds']:.0f} s",
            "",
            "Each user (a browser context of one headless Chromium on the same 2 cores as the server) loads "
            "the pages in turn, fully rendered as in section 4 (bounded by the deadline, 127.0.0.1 only). "
            + _think_text(c)
            + " An error is a failed or timed-out load or an exception shown on the page.",
            "",
            "| figure | value | goal | |",
            "|---|---:|---|:-:|",
            f"| errors | {len(c['errors'])} | 0 | {_ok(len(c['errors']) == 0)} |",
            f"| page loads completed | {len(c['loads'])} | | |",
            f"| p95 page load | {_s(p95)} | ≤ 2 × single-user p95 ({_s(single)}) = {_s(None if single is None else 2 * single)}"
            f" | {_ok(None if ratio is None else ratio <= GOALS['conc_ratio'])} |",
            f"| median page load | {_s(c['load']['median'])} | | |",
            *_server_rows(c, " (rest: the browsers)"),
        ]
        out += _first_errors(c)
    if cluster is None and CLUSTER_RESULTS.exists():
        cluster = json.loads(CLUSTER_RESULTS.read_text(encoding="utf-8"))
    if cluster:
        out += replicas_section(cluster)
    notes = Path(__file__).with_name("notes.md")
    if notes.exists():
        out += ["", notes.read_text(encoding="utf-8").rstrip()]
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- section 4a (issue 15)


def new_visitor_section(nv: dict, profile: dict | None) -> list[str]:
    """Every page by a new visitor beside the floor app, and (when profiled) what each page costs the browser."""
    floor = nv["floor"]["load"]
    out = [
        "",
        "### 4a. New visitor: every page in a fresh browser context, beside a floor app",
        "",
        "Each load in a new browser context (empty HTTP cache, no compiled JavaScript: someone opening "
        "the dashboard for the first time that day), fully rendered as in section 4. Before every page "
        "load the same browser loads the floor app (`bench/floor/app.py`: the same Streamlit, a title and "
        "four metrics) in a fresh context too, so both meet the machine in the same state. Goals: median ≤ "
        f"{GOALS['visitor_ratio']:.1f}× the floor's median and p95 ≤ {GOALS['visitor_p95']:.1f} s. "
        f"Floor: median {_s(floor['median'])}, p95 {_s(floor['p95'])}, {floor['n']} loads.",
        "",
        "`fetched` is what the page downloaded (encoded kB, median): Streamlit fetches the code of an element "
        "kind (charts, data grid, combo box) the first time a page shows one.",
        "",
        "| page | runs | median | p95 | × floor | browser busy | fetched | goal |",
        "|---|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for page, p in nv.items():
        s = p["load"]
        ok = (
            None
            if page == "floor"
            else (p["ratio_to_floor"] <= GOALS["visitor_ratio"] and s["p95"] <= GOALS["visitor_p95"])
        )
        name = "*floor*" if page == "floor" else page
        out.append(
            f"| {name} | {s['n']} | {_s(s['median'])} | {_s(s['p95'])} | {p['ratio_to_floor']:.2f}× | "
            f"{_s(p['browser_busy']['median'])} | {_n(p['fetched_kb']['median'])} kB | {_ok(ok)} |"
        )
    if profile:
        from bench.profile import extra

        out += [
            "",
            "Profile (`python -m bench.profile`: Chromium's sampling profiler over new-visitor loads, medians): "
            "main-thread time, the page's elements, and where its JavaScript time and downloads go beyond "
            "the floor's. `(program)` is V8 parsing and compiling plus native work.",
            "",
            "| page | load | main thread | JS | elements | JS beyond floor (ms) | code beyond floor (kB) |",
            "|---|---:|---:|---:|---|---|---|",
        ]
        for page, p in profile.items():
            m = p["metrics"]
            elements = ", ".join(
                f"{k.removeprefix('st')} {v}" for k, v in p["elements"].items() if k.startswith("st") and " " not in k
            )
            js = kb = ""
            if page != "floor":
                js = ", ".join(f"{k} {v * 1000:.0f}" for k, v in list(extra(profile["floor"], p, "js").items())[:4])
                kb = ", ".join(f"{k} {v:.0f}" for k, v in list(extra(profile["floor"], p, "fetched_kb").items())[:4])
            out.append(
                f"| {page} | {_s(p['load'])} | {_s(m['main_thread'])} | {_s(m['javascript'])} | {elements} | {js} | {kb} |"
            )
    return out


# --------------------------------------------------------------------------- section 8 (issue 19)

CLUSTER_RESULTS = Path(__file__).with_name("results_cluster.json")
"""Written by ``python -m bench.cluster`` (``make bench-cluster``)."""


def _per_replica(run: dict, key: str, fmt) -> str:
    return " / ".join(fmt(v[key]) if key in v else "–" for v in run["per_replica"].values())


def _run_row(run: dict, cores: int) -> str:
    pause = "back to back" if not run["think_s"] else f"{_n(run['think_s'][0])}–{_n(run['think_s'][1])} s"
    busy = f"{run['machine_busy_cpu_s']:.0f} of {cores * run['seconds']:.0f}"
    return (
        f"| {run['replicas']} | {run['users']} | {pause} | {run['opens']} ({run['opens_per_s']:.1f}/s) "
        f"| {_ms(run['load']['median'])} | {_ms(run['load']['p95'])} | {len(run['errors'])} "
        f"| {_per_replica(run, 'sessions', str)} | {_per_replica(run, 'cpu_s', lambda v: f'{v:.1f} s')} "
        f"| {_per_replica(run, 'rss_after_mb', lambda v: f'{v:.0f} MB')} "
        f"| {run.get('others_cpu_s', {}).get('nginx', 0):.1f} s | {run['client_cpu_s']:.1f} s | {busy} |"
    )


def _holds(c: dict) -> list[str]:
    """What one replica holds, in words, from the 1-replica runs (and what a second one added here)."""
    cores = c["machine"]["cores"]
    runs = c["runs"]
    sat = {r["replicas"]: r for r in runs if r["kind"] == "saturation"}
    readers1 = [r for r in runs if r["kind"] == "readers" and r["replicas"] == 1]
    if 1 not in sat or not readers1:
        return []
    s1, most = sat[1], max(readers1, key=lambda r: r["users"])
    (cpu1,) = [v["cpu_s"] for v in s1["per_replica"].values()]
    (cpu_r,) = [v["cpu_s"] for v in most["per_replica"].values()]
    (rss,) = [v["rss_after_mb"] for v in most["per_replica"].values()]
    per_reader = most["opens_per_s"] / most["users"]
    out = [
        "",
        "**What one replica holds.** Back to back it completed "
        f"{s1['opens_per_s']:.0f} page opens per second, using {cpu1 / s1['seconds']:.0%} of a core (one Python "
        f"process). {most['users']} readers cost it {cpu_r:.0f} CPU-s in {most['seconds']:.0f} s "
        f"({cpu_r / most['seconds']:.0%} of a core) at {most['opens_per_s']:.1f} page opens per second, p95 "
        f"{_ms(most['load']['p95'])}, {len(most['errors'])} errors, {rss:.0f} MB. A reader opens "
        f"{per_reader:.2f} pages per second, so the back-to-back rate is about {s1['opens_per_s'] / per_reader:,.0f} "
        "such readers per replica at its limit (an estimate from this page mix and pause; plan well below it).",
    ]
    if 2 in sat:
        s2 = sat[2]
        ratio = s2["opens_per_s"] / s1["opens_per_s"]
        busy = s2["machine_busy_cpu_s"] / (cores * s2["seconds"])
        if ratio >= 1.5:
            cpu2 = ", ".join(f"{v['cpu_s'] / s2['seconds']:.0%}" for v in s2["per_replica"].values())
            out += [
                "",
                f"Two replicas completed {s2['opens_per_s']:.0f} page opens per second back to back ({ratio:.1f}× one), "
                f"each using {cpu2} of a core, with the machine {busy:.0%} busy: a replica uses one core at most "
                "(its sessions share one interpreter lock), so replicas add capacity as long as there are cores "
                "for them (one replica per core). At reading pace the second replica changes nothing measurable: "
                "the load is far below one replica's limit.",
            ]
        else:
            out += [
                "",
                f"Two replicas completed {s2['opens_per_s']:.0f} page opens per second back to back ({ratio:.2f}× one): "
                f"on this {cores}-core machine the cores, not the replicas, were the limit. The machine was "
                f"{busy:.0%} busy during that run, shared by the replicas, nginx, PostgreSQL, the API, the load "
                "generator and other work. A replica runs its sessions under one interpreter lock, so it uses one "
                "core at most: replicas add capacity where there are cores for them (one replica per core).",
            ]
    return out


def _kill_rows(k: dict) -> list[str]:
    kill = k["kill"]
    return [
        "| figure | value |",
        "|---|---:|",
        f"| replica killed (SIGKILL) | {kill['address']}, {kill['at_s']:.0f} s into {k['seconds']:.0f} s |",
        f"| sessions on it then | {kill['sessions_on_killed']} of {kill['sessions_open']} connected |",
        f"| sessions whose websocket dropped | {kill['dropped']} |",
        f"| reconnected and opened their page again | {kill['reconnected']}, to "
        f"{', '.join(kill['reconnected_to']) or '–'} |",
        f"| recovery: drop → page shown again, median / max | {_s(kill['recovery']['median'])} / "
        f"{_s(kill['recovery']['max'])} |",
        f"| page opens interrupted (in flight at the kill, opened again) | {kill['interrupted_opens']} |",
        f"| errors (failed opens, sessions not back) | {len(k['errors'])} |",
        f"| page opens before / after the kill: p95 | {_ms(kill['opens_before']['p95'])} / "
        f"{_ms(kill['opens_after']['p95'])} ({kill['opens_before']['n']} / {kill['opens_after']['n']} opens) |",
        f"| data version on every page | {', '.join(map(str, k['versions_seen'])) or '–'}; sessions that saw two: "
        f"{k['sessions_with_two_versions']} |",
    ]


def _zero(x: float | None) -> float | None:
    """``-0.001`` shown as ``0.00 s``, not ``-0.00 s`` (``published_at`` is stamped just before the commit)."""
    return None if x is None else (0.0 if abs(x) < 0.005 else x)


def _publish_rows(p: dict) -> list[str]:
    if "error" in p:
        return [f"Not measured: {p['error']}."]
    lag = None if p["b_data_s"] is None or p["b_version_s"] is None else p["b_data_s"] - p["b_version_s"]
    return [
        "| figure | value |",
        "|---|---:|",
        f"| published through | {p['publisher_replica']} (Kelola Data in headless Chromium), version {p['version']} |",
        f"| replica B ({p['watched_replica']}): sidebar shows version {p['version']} | {_s(p['b_version_s'])} after "
        "the commit |",
        f"| replica B: Anggaran shows the renamed program | {_s(p['b_data_s'])} after the commit "
        f"({_s(lag)} after its sidebar; version TTL {_s(p['ttl_s'])}) |",
        f"| … the page run that showed it: started, took | {_s(_zero(p.get('b_data_run_started_s')))} after the "
        "commit, "
        f"{_s(p.get('b_data_run_s'))} (the new version's tables read and its views built) |",
        f"| the API (through nginx) serves it | {_s(p['api_data_s'])} after the commit |",
        f"| replica B's page open while watching, median / p95 | {_ms(p['b_request']['median'])} / "
        f"{_ms(p['b_request']['p95'])} ({p['b_request']['n']} opens, {len(p['b_errors'])} errors) |",
    ]


def replicas_section(c: dict) -> list[str]:
    """Section 8 of BENCHMARKS.md: replicas behind nginx on PostgreSQL (``bench/results_cluster.json``)."""
    m = c["machine"]
    cores = m["cores"]
    out = [
        "",
        "## 8. Replicas behind nginx on PostgreSQL (issue 19)",
        "",
        f"Written by `make bench-cluster` (`python -m bench.cluster`), {c['date']}"
        f"{' (**--quick run**, not the recorded figures)' if c.get('quick') else ''}; raw numbers in "
        f"`bench/results_cluster.json`. The topology of `make cluster` on this {cores}-core machine, 127.0.0.1 "
        f"only: nginx with sticky sessions (a cookie, hashed) in front of 1 or 2 Streamlit replicas and the API, "
        f"one PostgreSQL database ({c['database']}). Load average before: {c['load_before']}, after: "
        f"{c['load_after']}; wall time {c['wall_s']:.0f} s. Other work shared the machine during the runs: the "
        "`busy` column counts all of it.",
        "",
        "Each session is a Streamlit-protocol websocket client (`bench/sessions.py`) that loads `/` first, as a "
        "browser does, so nginx gives it its cookie and replica. Readers open the pages in turn and read each "
        "for 5–15 s; back to back, the next page opens as soon as the last one finished. A page open lasts from "
        "`rerun_script` sent to `script_finished` received. Per replica (in the order of their ports): the "
        "sessions nginx gave it, its CPU time and its memory at the end. `client` is the load generator's CPU, "
        "`busy` the CPU-seconds all cores were busy (of the seconds available).",
        "",
        "| replicas | sessions | pause | page opens | median | p95 | errors | sessions per replica "
        "| replica CPU | replica RSS | nginx CPU | client CPU | busy |",
        "|---:|---:|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|",
        *[_run_row(run, cores) for run in c["runs"]],
    ]
    out += _holds(c)
    if "kill" in c:
        k = c["kill"]
        out += [
            "",
            f"### 8a. One replica killed: {k['users']} readers, 2 replicas",
            "",
            "A session whose websocket drops reconnects at once with the same cookie, as Streamlit's page does, "
            "and opens the page it was on again; nginx finds the replica down and sends it to the other one. "
            "Its Streamlit session (widget state) starts afresh there: filters and year live in the URL.",
            "",
            *_kill_rows(k),
        ]
        out += _first_errors(k)
    if "publish" in c:
        out += [
            "",
            "### 8b. A publication through one replica, seen by the other",
            "",
            "A planner uploads the 2024 workbook with program WA renamed and publishes it on Kelola Data through "
            "replica A. A session pinned to replica B opens Anggaran again and again, and a client polls "
            "`/api/v1/2024/tables/program`. Times are from the version's `published_at` to the end of the first "
            "answer that shows it. The sidebar reads the version number on every page run; the page's data is "
            "cached per data version, which a process re-reads at most every 2 s (`ui.data.VERSION_TTL_S`, "
            "the API the same).",
            "",
            *_publish_rows(c["publish"]),
        ]
    return out
