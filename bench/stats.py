"""Small helpers: timing summaries and machine facts."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from datetime import UTC, datetime

import numpy as np


def summary(values: list[float]) -> dict:
    """Median, p95 (linear interpolation), min, max and n of a list of measurements."""
    if not values:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None}
    arr = np.asarray(values, dtype=float)
    return {
        "n": len(values),
        "median": float(statistics.median(values)),
        "p95": float(np.percentile(arr, 95)),
        "min": float(arr.min()),
        "max": float(arr.max()),
    }


def timed(fn, runs: int, warmup: int = 1) -> list[float]:
    """Seconds of ``runs`` calls of ``fn`` after ``warmup`` discarded calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "n/a"


def machine() -> dict:
    import altair
    import pandas
    import sqlalchemy
    import streamlit

    cpu = "n/a"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "n/a")
    except OSError:
        pass
    mem_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pw = version("playwright")
    except Exception:  # noqa: BLE001
        pw = "n/a"
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": platform.node(),
        "os": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "pandas": pandas.__version__,
        "altair": altair.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "playwright": pw,
        "chromium": _version([chromium, "--version"]) if chromium else "n/a",
        "postgresql": _version(["psql", "--version"]),
        "sqlite": __import__("sqlite3").sqlite_version,
    }
