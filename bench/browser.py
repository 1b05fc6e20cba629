"""Browser figures against a real local server: page loads, the SS-1 what-if, websocket bytes, 20 users.

Everything is on the loopback interface; the server is started here and stopped at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["ringkasan", "ss1", "ss2", "anggaran", "pn", "output", "kualitas", "kelola", "pemantauan"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]

RENDERED = """(sidebar = true) => {
    if (document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    if (!document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')) return false;
    if (sidebar && !/Bahasa|Language/.test(document.querySelector('[data-testid="stSidebar"]')?.innerText || '')) return false;
    const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    for (const c of charts) { if (!c.querySelector('.main-svg')) return false; }
    const vega = document.querySelectorAll('[data-testid="stVegaLiteChart"]');
    for (const c of vega) { if (!c.querySelector('canvas, svg.marks')) return false; }
    for (const i of document.querySelectorAll('[data-testid="stMainBlockContainer"] img')) {
        if (!i.complete || !i.naturalWidth) return false;
    }
    return true;
}"""
"""Fully rendered: the script has finished (the app root's ``data-test-script-state``, which Streamlit's
own end-to-end tests wait on, is ``notRunning``: not ``initial``, ``running`` or a rerun), no skeleton,
the sidebar drawn (``sidebar=false`` for the floor app, which has none) and every chart drawn (a plotly
chart's SVG, a Vega-Lite chart's canvas or SVG, a chart drawn on the server: its picture decoded)."""


FLOOR_APP = "bench/floor/app.py"


class Server:
    """``streamlit run <script>`` (the dashboard's app.py) on 127.0.0.1:port with DATABASE_URL=db."""

    def __init__(self, db: str, port: int, script: str = "app.py"):
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": db}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
             "--server.runOnSave", "false"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not start")

    def rss_mb(self) -> float:
        with open(f"/proc/{self.proc.pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_s(self) -> float:
        """CPU seconds (user + system) the server process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat", encoding="utf-8") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def machine_busy_s() -> float:
    """CPU seconds all cores of the machine have been busy (``/proc/stat``: everything but idle and iowait)."""
    with open("/proc/stat", encoding="utf-8") as f:
        cpu = [int(v) for v in f.readline().split()[1:]]
    return (sum(cpu[:8]) - cpu[3] - cpu[4]) / os.sysconf("SC_CLK_TCK")


def load(page, url: str, timeout_ms: int = 60_000, sidebar: bool = True) -> float:
    """Seconds from navigation start to a fully rendered page (:data:`RENDERED`)."""
    t = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(RENDERED, arg=sidebar, timeout=timeout_ms, polling=50)
    return time.perf_counter() - t


def _launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def navigation(server: Server, runs: int, pages=PAGES) -> dict[str, dict[str, list[float]]]:
    """Per page: ``runs`` loads of the page URL in a fresh tab after one discarded load.

    The browser keeps a profile on disk for the run, as a user's browser does, so its HTTP cache and
    its cache of compiled JavaScript serve the later loads: what a planner or executive who has
    opened the dashboard before waits for (the discarded first load fills them).

    Besides the load time, each load records the browser's main-thread time from Chromium's
    ``Performance.getMetrics`` (``TaskDuration``, of which ``ScriptDuration`` is JavaScript): the
    share of the load the browser itself was busy, which tells a slow server from a slow client.
    """
    import tempfile

    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS, viewport={"width": 1400, "height": 900}
        )
        for name in pages:
            rec: dict[str, list[float]] = {"load": [], "browser_busy": [], "browser_script": []}
            for i in range(runs + 1):
                page = ctx.new_page()
                cdp = ctx.new_cdp_session(page)
                cdp.send("Performance.enable")
                dt = load(page, f"{server.url}/{name}")
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                page.close()
                if i:
                    rec["load"].append(dt)
                    rec["browser_busy"].append(metrics["TaskDuration"])
                    rec["browser_script"].append(metrics["ScriptDuration"])
            out[name] = rec
        ctx.close()
    return out


@contextlib.contextmanager
def visitor_tab(browser):
    """A tab in a new browser context (a new visitor: empty HTTP cache, no compiled JavaScript) and its
    CDP session with performance metrics and network events on; the context is closed afterwards."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        cdp.send("Network.enable")
        yield page, cdp
    finally:
        ctx.close()


def _cdp_load(browser, url: str, sidebar: bool = True) -> dict[str, float]:
    """One load in a new browser context: its own empty HTTP cache and no compiled JavaScript, a new visitor.

    Returns the load time, the browser's main-thread time (``TaskDuration``; ``ScriptDuration`` of it
    JavaScript, from ``Performance.getMetrics``) and the bytes the page fetched (encoded, as sent).
    """
    with visitor_tab(browser) as (page, cdp):
        fetched = {"bytes": 0}
        cdp.on(
            "Network.loadingFinished", lambda e: fetched.__setitem__("bytes", fetched["bytes"] + e["encodedDataLength"])
        )
        dt = load(page, url, sidebar=sidebar)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return {
            "load": dt,
            "busy": metrics["TaskDuration"],
            "script": metrics["ScriptDuration"],
            "kb": fetched["bytes"] / 1024,
        }


def new_visitor(server: Server, floor: Server, runs: int, pages=PAGES) -> dict[str, dict[str, list[float]]]:
    """Per page: ``runs`` loads by a new visitor (:func:`_cdp_load`), each right after a load of the floor app.

    The floor (:data:`FLOOR_APP`: the same Streamlit, a title and four metrics) is loaded in its own
    fresh context before every page load, so both see the same machine at the same moment; one
    headless Chromium serves all loads. One discarded round first: the servers' first runs compile
    the scripts and fill the shared caches, which later visitors find warm. Returns ``"floor"`` and
    each page, each with ``load``, ``busy``, ``script`` and ``kb`` lists.
    """
    from playwright.sync_api import sync_playwright

    keys = ("load", "busy", "script", "kb")
    out: dict[str, dict[str, list[float]]] = {name: {k: [] for k in keys} for name in ["floor", *pages]}
    with sync_playwright() as p:
        browser = _launch(p)
        for i in range(runs + 1):
            for name in pages:
                for which, url, sidebar in (("floor", floor.url, False), (name, f"{server.url}/{name}", True)):
                    r = _cdp_load(browser, url, sidebar)
                    if i:
                        for k in keys:
                            out[which][k].append(r[k])
        browser.close()
    return out


WATCH_TILE = """([before]) => {
    window.__whatIf = {enter: null, shown: null};
    const input = document.querySelector('.st-key-wi_pyb_vokasi input');
    input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && window.__whatIf.enter === null) window.__whatIf.enter = performance.now();
    }, {capture: true});
    const tile = () => [...document.querySelectorAll('[data-testid="stMetric"]')]
        .find(m => m.innerText.includes('P simulasi'));
    const observer = new MutationObserver(() => {
        const m = tile();
        const text = m && m.querySelector('[data-testid="stMetricValue"]').innerText;
        if (text && text !== before && window.__whatIf.enter !== null) {
            observer.disconnect();
            requestAnimationFrame(() => { window.__whatIf.shown = performance.now(); });
        }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
"""Times a what-if change in the page's own clock: from the Enter key's ``keydown`` to the next frame
after the *P simulasi* tile's text changed (``requestAnimationFrame``: the frame that paints it)."""


def what_if(server: Server, runs: int) -> dict:
    """SS-1: type a new ``wi_pyb_vokasi`` value, press Enter -> the "P simulasi" tile shows the new value.

    ``update`` is measured inside the page (:data:`WATCH_TILE`): what the user waits for after
    pressing Enter. ``driver`` is the same change timed from Python around Playwright's ``fill`` and
    ``press``, which adds the driver's round trips and its checks that the input is ready.

    Also counts websocket frames per change: bytes the browser sent and received from the change
    until the script finished (the tile updated and the run indicator gone).
    """
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    driver: list[float] = []
    received: list[int] = []
    sent: list[int] = []
    with sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        counter = {"rx": 0, "tx": 0}

        def on_ws(ws):
            ws.on("framereceived", lambda payload: counter.__setitem__("rx", counter["rx"] + len(payload)))
            ws.on("framesent", lambda payload: counter.__setitem__("tx", counter["tx"] + len(payload)))

        page.on("websocket", on_ws)
        load(page, f"{server.url}/ss1?ss1_whatif=true")  # the what-if section open, as after a click
        box = page.locator(".st-key-wi_pyb_vokasi input")
        box.wait_for(state="attached", timeout=90_000)
        box.scroll_into_view_if_needed(timeout=30_000)
        metric = page.locator('[data-testid="stMetric"]', has_text="P simulasi").first
        value = metric.locator('[data-testid="stMetricValue"]')
        base = int(float(box.input_value().replace(".", "").replace(",", ".") or 0)) or 100_000
        for i in range(runs + 1):
            before = value.inner_text()
            new = base + 5_000 * (i + 1) * (1 if i % 2 else -1) + 17 * i
            page.wait_for_timeout(200)
            page.evaluate(WATCH_TILE, [before])
            counter["rx"] = counter["tx"] = 0
            t = time.perf_counter()
            box.fill(str(new))
            box.press("Enter")
            page.wait_for_function("() => window.__whatIf.shown !== null", timeout=30_000, polling=10)
            dt = time.perf_counter() - t
            w = page.evaluate("() => window.__whatIf")
            page.wait_for_function(RENDERED, timeout=30_000)
            page.wait_for_timeout(300)
            if i:
                times.append((w["shown"] - w["enter"]) / 1000)
                driver.append(dt)
                received.append(counter["rx"])
                sent.append(counter["tx"])
        browser.close()
    return {"update": times, "driver": driver, "ws_received": received, "ws_sent": sent}


def concurrency(server: Server, users: int, seconds: float, pages=PAGES, think=None) -> dict:
    """``users`` sessions (browser contexts of one headless Chromium), each loading pages in turn for ``seconds``.

    One browser process with a context per user: 20 Chromium processes would measure the 2-core
    machine's browsers rather than the server. ``think``: the readers' pauses between pages, as in
    :func:`bench.sessions.capacity`. Returns errors, load times and the server's RSS.
    """
    return asyncio.run(_concurrency(server, users, seconds, pages, think))


async def _concurrency(server: Server, users: int, seconds: float, pages, think) -> dict:
    import random

    from playwright.async_api import async_playwright

    from bench.sessions import pause

    rss_before = server.rss_mb()
    cpu_before, busy_before = server.cpu_s(), machine_busy_s()
    loads: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    async def user(browser, k: int) -> None:
        ctx = await browser.new_context(viewport={"width": 1400, "height": 900})
        page = await ctx.new_page()
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        rng = random.Random(k)
        await pause(rng, think, deadline, first=True)
        i = k
        while time.monotonic() < deadline:
            name = pages[i % len(pages)]
            i += 1
            try:
                t = time.perf_counter()
                # bounded: a load still running 20 s after the deadline counts as an error
                budget = max(1_000, int((deadline + 20 - time.monotonic()) * 1000))
                await page.goto(f"{server.url}/{name}", wait_until="commit", timeout=budget)
                await page.wait_for_function(RENDERED, timeout=budget, polling=50)
                dt = time.perf_counter() - t
                if await page.locator('[data-testid="stException"]').count():
                    raise RuntimeError(f"exception shown on {name}")
                loads.append(dt)
            except Exception as exc:  # noqa: BLE001 - every failure counts as an error
                errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")
            await pause(rng, think, deadline)
        await ctx.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        t0 = time.monotonic()
        await asyncio.gather(*(user(browser, k) for k in range(users)))
        elapsed = time.monotonic() - t0
        await browser.close()
    return {
        "users": users,
        "think_s": think,
        "seconds": round(elapsed, 1),
        "loads": loads,
        "errors": errors,
        "rss_before_mb": rss_before,
        "rss_after_mb": server.rss_mb(),
        "server_cpu_s": round(server.cpu_s() - cpu_before, 1),
        "machine_busy_cpu_s": round(machine_busy_s() - busy_before, 1),
        "cores": os.cpu_count(),
    }
