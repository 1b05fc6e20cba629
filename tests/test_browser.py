"""The real server in headless Chromium: every page renders without an exception, and a what-if moves its tile.

Chromium comes from Debian (`apt-get install chromium`); Playwright drives it through
``executable_path``. Screenshots of every page land in ``var/screenshots/`` (kept as artifacts).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from bench.browser import RENDERED
from tests.conftest import IN_CI, ROOT

PAGES = ["", "ss1", "ss2", "anggaran", "pn", "output", "kualitas", "kelola", "pemantauan"]
"""URL paths; the Ringkasan Eksekutif is the default page, at "/"."""
CHARTS_DRAWN = {
    "ringkasan": 0,
    "ss1": 0,
    "ss2": 0,
    "anggaran": 0,
    "pn": 0,
    "output": 0,
    "kualitas": 0,
    "kelola": 0,
    "pemantauan": 0,
}
"""Vega-Lite charts on each page's first screen: none (issue 15); the main charts are drawn on the server
(:data:`PICTURES_DRAWN`), the rest wait in on-demand sections."""
PICTURES_DRAWN = {
    "ringkasan": 1,
    "ss1": 1,
    "ss2": 1,
    "anggaran": 1,
    "pn": 1,
    "output": 1,
    "kualitas": 1,
    "kelola": 0,
    "pemantauan": 0,
}
"""Charts drawn on the server (``ui.widgets.static_chart``) on each first screen. Pemantauan Triwulan has no
quarter in the committed data: its empty state has no chart."""
CLOSED_SECTION = '[class*="st-key-"] > [data-testid="stExpander"] > details:not([open]) > summary'
"""The header of an on-demand section (``ui.widgets.section``: a keyed expander) that is still closed."""
SHOTS = ROOT / "var" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(not CHROMIUM and not IN_CI, reason="Debian chromium not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(database_url: str):
    """``streamlit run app.py`` on a free loopback port with ``DATABASE_URL``; yields its base URL."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
        + ["--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"streamlit did not start: {proc.stderr.read().decode()[-2000:]}")
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(app_db):
    with streamlit_server(app_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


def sidebar_text(page) -> str:
    return page.inner_text('[data-testid="stSidebar"]')


def metric_value(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]', has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def wait_idle(page, timeout_ms: int = 60_000, quiet_ms: int = 1_500) -> None:
    """Until the script has finished: content is drawn and no run indicator shows for ``quiet_ms``.

    Streamlit shows its running icon only after a short delay, so one look is not enough.
    """
    page.wait_for_selector(
        '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]', timeout=timeout_ms
    )
    busy = '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"]'
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        if page.locator(busy).count():
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_ms / 1000:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"page still running after {timeout_ms} ms")


def test_deep_link_on_a_fresh_server_gets_the_whole_app(server, browser):
    """The first request of a new server opens a page directly: navigation and language come with it."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/anggaran")
    wait_idle(page)
    page.wait_for_function(
        """() => /Bahasa/.test(document.querySelector('[data-testid="stSidebar"]')?.innerText || '')""", timeout=30_000
    )
    side = sidebar_text(page)
    assert "Bahasa" in side and "Ringkasan Eksekutif" in side, side[:300]
    page.close()


def test_ringkasan_link_opens_the_summary_with_the_year_in_the_url(server, browser):
    """``/ringkasan`` is the summary (the default page is served at ``/``), and the year goes into the URL."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/ringkasan?lang=en")
    wait_idle(page)
    page.wait_for_function(
        "() => document.querySelector('h1') && /Executive Summary/.test(document.querySelector('h1').innerText)",
        timeout=30_000,
    )
    assert "Page not found" not in page.inner_text("body")
    page.wait_for_function("() => /year=2024/.test(location.search)", timeout=30_000)
    assert "lang=en" in page.url
    page.close()


def test_what_if_moves_the_tile_and_language_switches(server, browser, frames):
    from dataclasses import replace

    from kpi import productivity
    from kpi.format import fmt_pct

    variables = frames["pyb_variable"][frames["pyb_variable"]["year"] == 2024]
    expected = productivity.productivity_contribution_pct(
        replace(productivity.inputs_from_variables(variables), pyb_vokasi=200_000)
    )
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/ss1")
    wait_idle(page)
    assert page.locator(".st-key-wi_pyb_vokasi").count() == 0  # the what-if waits in its section
    page.locator(".st-key-ss1_whatif summary").click()
    page.locator(".st-key-wi_pyb_vokasi input").wait_for(timeout=30_000)
    assert "ss1_whatif=true" in page.url  # a copied link reopens it
    assert metric_value(page, "P simulasi") == "4,01 %"
    box = page.locator(".st-key-wi_pyb_vokasi input")
    box.fill("200000")
    box.press("Enter")
    page.wait_for_function(
        """(want) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(
            m => m.innerText.includes('P simulasi') && m.innerText.includes(want))""",
        arg=fmt_pct(expected, 2, "id"),
        timeout=30_000,
    )
    assert metric_value(page, "P simulasi") == fmt_pct(expected, 2, "id")
    page.get_by_text("English").first.click()
    page.wait_for_function(
        "() => document.querySelector('h1') && /Productivity/.test(document.querySelector('h1').innerText)",
        timeout=30_000,
    )
    assert "lang=en" in page.url
    page.close()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_renders_without_exception(server, browser, path, lang):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/{path}?lang={lang}")
    wait_idle(page)
    page.wait_for_function(RENDERED, timeout=30_000)  # every chart drawn, as the benchmark waits for
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path or 'ringkasan'}_{lang}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()
    assert not errors, errors
    body = page.inner_text("body")
    assert "Traceback" not in body
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == CHARTS_DRAWN[path or "ringkasan"]
    pictures = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stImage"] img')
    assert pictures.count() == PICTURES_DRAWN[path or "ringkasan"]
    for i in range(pictures.count()):  # a picture as wide as its column, and not squashed
        box = pictures.nth(i).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150, f"picture {i} is {box}"
    for i in range(charts.count()):  # a spec Vega cannot draw leaves no canvas, or an empty one
        drawn = charts.nth(i).locator("canvas, svg.marks").first
        box = drawn.bounding_box()
        assert box and box["height"] > 100 and box["width"] > 200, f"chart {i} is {box}"
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_section_opens_and_draws(server, browser, path):
    """A click on each on-demand section opens it: its content runs, every chart in it draws, no exception."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/{path}")
    wait_idle(page)
    page.wait_for_function(RENDERED, timeout=30_000)
    first = page.locator('[data-testid="stElementContainer"]').count()
    opened = []
    for _ in range(20):  # sections inside sections appear as their parent opens
        closed = page.locator(CLOSED_SECTION)
        if not closed.count():
            break
        header = closed.first
        opened.append(header.inner_text().strip())
        header.click()
        wait_idle(page, quiet_ms=800)
        page.wait_for_function(RENDERED, timeout=30_000)
    assert not page.locator(CLOSED_SECTION).count(), "a section did not open"
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()
    assert not errors, errors
    if path not in ("kelola", "pemantauan"):  # the sections held more than the first screen
        assert opened and page.locator('[data-testid="stElementContainer"]').count() > first, (opened, first)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    for i in range(charts.count()):
        box = charts.nth(i).locator("canvas, svg.marks").first.bounding_box()
        assert box and box["height"] > 50 and box["width"] > 100, f"chart {i} is {box}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{path or 'ringkasan'}_open.png"), full_page=True)
    page.close()


def test_protocol_sessions_open_every_page_without_error(server):
    """The benchmark's websocket client (bench/sessions.py) speaks Streamlit's protocol: two sessions open the pages."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from bench import sessions

    url = server.replace("http://", "ws://") + "/_stcore/stream"
    with ThreadPoolExecutor(1) as pool:  # a thread of its own: Playwright's sync API holds this thread's loop
        out = pool.submit(asyncio.run, sessions._run(url, 2, 6.0)).result()
    assert out["errors"] == []
    # each page open brought its elements: Kelola Data, the smallest page, is about 4 KB
    assert len(out["times"]) >= 2 and min(out["bytes"]) > 2_000
