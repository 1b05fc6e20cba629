"""The new-visitor benchmark (issue 15): its measurement, its profile and its table in BENCHMARKS.md."""

from __future__ import annotations

import pytest

from bench import profile, report
from tests.test_browser import CHROMIUM, IN_CI, _free_port


def test_self_times_by_script_file():
    """A CPU profile's samples become self time per script file, without the content hash, idle dropped."""
    prof = {
        "nodes": [
            {"id": 1, "callFrame": {"functionName": "(root)", "url": ""}},
            {"id": 2, "callFrame": {"functionName": "render", "url": "http://h/static/js/embed.CX5AQgxi.js"}},
            {"id": 3, "callFrame": {"functionName": "(program)", "url": ""}},
            {"id": 4, "callFrame": {"functionName": "(idle)", "url": ""}},
        ],
        "samples": [2, 2, 3, 4, 2],
        "timeDeltas": [1000, 2000, 500, 9000, 1000],
    }
    assert profile._self_times(prof) == {"embed": pytest.approx(0.004), "(program)": pytest.approx(0.0005)}


def _visitor(load: float, ratio: float) -> dict:
    stat = {"n": 3, "median": load, "p95": load * 1.1, "min": load, "max": load}
    return {
        "load": stat,
        "ratio_to_floor": ratio,
        "browser_busy": stat,
        "browser_script": stat,
        "fetched_kb": {**stat, "median": 2700.0},
    }


def test_new_visitor_table_flags_each_goal():
    """A page meets the goal only with median ≤ 1,5× the floor AND p95 ≤ 2,5 s."""
    nv = {
        "floor": _visitor(1.0, 1.0),
        "kelola": _visitor(1.2, 1.2),
        "ss1": _visitor(1.6, 1.6),  # over 1,5× the floor
        "ss2": _visitor(1.4, 1.4) | {"load": {"n": 3, "median": 1.4, "p95": 2.6, "min": 1, "max": 3}},  # p95 > 2,5 s
    }
    rows = {line.split("|")[1].strip(): line for line in report.new_visitor_section(nv, None) if line.startswith("| ")}
    assert rows["kelola"].endswith("✅ |") and "1.20×" in rows["kelola"]
    assert rows["ss1"].endswith("❌ |")
    assert rows["ss2"].endswith("❌ |")
    assert rows["*floor*"].endswith("– |")


@pytest.mark.skipif(not CHROMIUM and not IN_CI, reason="Debian chromium not installed")
def test_new_visitor_measures_the_floor_and_the_page_alternately(app_db):
    """One round on the real data: a load of the floor and of Kelola, each in a fresh context, both rendered."""
    from bench import browser

    port = _free_port()
    server, floor = browser.Server(app_db, port), browser.Server(app_db, _free_port(), browser.FLOOR_APP)
    try:
        out = browser.new_visitor(server, floor, runs=1, pages=["kelola"])
        prof = profile.profile(server, floor, 1, pages=["kelola"])
    finally:
        server.stop()
        floor.stop()
    assert set(out) == {"floor", "kelola"}
    assert all(len(v["load"]) == 1 for v in out.values())
    # a fresh context downloads the whole frontend each time: a returning visitor's cache would give ~0 kB
    assert out["floor"]["kb"][0] > 1_000 and out["kelola"]["kb"][0] > 1_000
    assert prof["floor"]["elements"] == {"stMetric": 4, "stHeading": 1}
    assert prof["kelola"]["elements"]["stTextInput"] == 2  # the login form
