"""Pemantauan Triwulan on the real server in headless Chromium, on an example database (``demo-triwulan``).

Chromium from Debian, driven by Playwright through ``executable_path`` (as ``tests/test_browser.py``);
the screenshot lands in ``var/screenshots/pemantauan_id.png``.
"""

from __future__ import annotations

import pytest

from bench.browser import RENDERED
from kpi.format import fmt_pct
from kpi.progress import indicator_progress
from loaders import db
from tests.conftest import IN_CI
from tests.test_browser import CHROMIUM, SHOTS, metric_value, streamlit_server, wait_idle
from tests.test_browser import browser as browser  # noqa: F401  (the fixture, shared)

pytestmark = pytest.mark.skipif(not CHROMIUM and not IN_CI, reason="Debian chromium not installed")


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    from loaders.triwulan_demo import build_demo

    made = build_demo(tmp_path_factory.mktemp("browser") / "demo.sqlite", 2025, quarters=2)
    content = db.read_all(db.get_engine(made.url))
    with streamlit_server(made.url) as url:
        yield url, content


def test_quarter_page_in_the_browser(demo_server, browser):  # noqa: F811
    url, content = demo_server
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/pemantauan?year=2025")
    wait_idle(page)
    page.wait_for_function(RENDERED, timeout=30_000)
    body = page.inner_text('[data-testid="stMain"]')
    assert "Pemantauan Triwulan 2025" in body and "Data contoh, bukan data resmi" in body
    assert "Traceback" not in body and page.locator('[data-testid="stException"]').count() == 0
    ind = indicator_progress(content, 2025, 2).set_index("code")
    assert metric_value(page, "Indeks Reformasi Birokrasi") == fmt_pct(ind.loc["indeks_rb", "progress_pct"], 2, "id")
    # the first screen: the projection drawn on the server, no Vega-Lite chart
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
    picture = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stImage"] img')
    assert picture.count() == 1
    box = picture.first.bounding_box()
    assert box and box["height"] > 200 and box["width"] > 400, box
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "pemantauan_id.png"), full_page=True)
    # the budget against its pace curve, live, in its section
    page.locator(".st-key-pemantauan_budget summary").click()
    page.wait_for_function(
        """() => document.querySelectorAll('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg.marks').length == 1""",
        timeout=30_000,
    )
    page.wait_for_function(RENDERED, timeout=30_000)
    box = page.locator('[data-testid="stVegaLiteChart"]').first.locator("canvas, svg.marks").first.bounding_box()
    assert box and box["height"] > 200 and box["width"] > 400, box
    assert not errors, errors
    page.close()
