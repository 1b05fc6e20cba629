"""Server capacity: many Streamlit sessions over the app's own websocket protocol, no browser drawing.

A browser session costs this 2-core machine 4-5 s of Chromium CPU per page (BENCHMARKS.md,
"browser busy"), so 20 headless browsers measure the browsers. Here each session is a websocket
client speaking Streamlit's protocol (``BackMsg.rerun_script`` out, ``ForwardMsg`` in, as the
frontend does when a user opens a page from the sidebar): the time of a request is from the
request sent to ``script_finished`` received, i.e. the server's work plus the transfer.

Two load models: back to back (``think=None``: each session opens the next page as soon as the
last one finished, a saturation test that measures what one process serves per second), and
users who read what they opened (``think=(lo, hi)``: a pause drawn uniformly from ``lo``–``hi``
seconds after each page, and a first page at a random moment of the first pause, so 20 users do
not all click in the same millisecond). The draws are seeded per user: runs are comparable.
"""

from __future__ import annotations

import asyncio
import os
import random
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.browser import PAGES, machine_busy_s

REQUEST_TIMEOUT_S = 60.0


async def _request(ws, name: str) -> tuple[float, int, str | None]:
    """Open page ``name`` in the session; (seconds, bytes received, error or None)."""
    msg = BackMsg()
    msg.rerun_script.query_string = ""
    msg.rerun_script.page_name = "" if name == "ringkasan" else name  # the default page is "/"
    received, error = 0, None
    t = time.perf_counter()
    await ws.send(msg.SerializeToString())
    while True:
        data = await asyncio.wait_for(ws.recv(), REQUEST_TIMEOUT_S)
        received += len(data)
        fm = ForwardMsg()
        fm.ParseFromString(data)
        kind = fm.WhichOneof("type")
        if kind == "page_not_found":
            error = f"{name}: page not found"
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            if fm.delta.new_element.WhichOneof("type") == "exception":
                error = f"{name}: exception: {fm.delta.new_element.exception.message[:150]}"
        elif kind == "script_finished":
            if fm.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY and error is None:
                error = f"{name}: script finished with status {fm.script_finished}"
            return time.perf_counter() - t, received, error


THINK_S = (5.0, 15.0)
"""A reader's pause after opening a page: uniformly 5–15 s (10 s on average)."""


async def pause(rng: random.Random | None, think: tuple[float, float] | None, deadline: float, first: bool = False):
    """Sleep for a reader's pause (the first one anywhere from 0 to the longest pause), not past ``deadline``."""
    if think is None or rng is None:
        return
    lo, hi = think
    wait = rng.uniform(0, hi) if first else rng.uniform(lo, hi)
    await asyncio.sleep(max(0.0, min(wait, deadline - time.monotonic())))


async def _user(
    url: str, k: int, deadline: float, out: dict, pages=PAGES, think: tuple[float, float] | None = None
) -> None:
    rng = random.Random(k)
    try:
        await pause(rng, think, deadline, first=True)
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=30) as ws:
            i = k
            while time.monotonic() < deadline:
                name = pages[i % len(pages)]
                i += 1
                dt, nbytes, error = await _request(ws, name)
                out["bytes"].append(nbytes)
                if error:
                    out["errors"].append(error)
                else:
                    out["times"].append(dt)
                await pause(rng, think, deadline)
    except Exception as exc:  # noqa: BLE001 - a dropped session is an error
        out["errors"].append(f"user {k}: {type(exc).__name__}: {str(exc)[:150]}")


async def _run(url: str, users: int, seconds: float, think: tuple[float, float] | None = None) -> dict:
    out: dict = {"times": [], "errors": [], "bytes": []}
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_user(url, k, deadline, out, think=think) for k in range(users)))
    return out


def capacity(
    server, users: int, seconds: float, think: tuple[float, float] | None = None, single_seconds: float = 15.0
) -> dict:
    """One session alone for ``single_seconds`` (the baseline), then ``users`` sessions for ``seconds``.

    ``server`` is a :class:`bench.browser.Server`; both phases open the pages in turn, the single
    session back to back, the ``users`` with ``think`` pauses between pages (None: back to back).
    """
    url = server.url.replace("http://", "ws://") + "/_stcore/stream"
    asyncio.run(_run(url, 1, 3.0))  # warm-up: the server's first runs fill its caches
    single = asyncio.run(_run(url, 1, single_seconds))
    rss_before = server.rss_mb()
    cpu_before, busy_before = server.cpu_s(), machine_busy_s()
    t0 = time.monotonic()
    many = asyncio.run(_run(url, users, seconds, think))
    elapsed = time.monotonic() - t0
    return {
        "users": users,
        "think_s": think,
        "seconds": round(elapsed, 1),
        "single": single["times"],
        "single_errors": single["errors"],
        "times": many["times"],
        "errors": many["errors"],
        "bytes": many["bytes"],
        "rss_before_mb": rss_before,
        "rss_after_mb": server.rss_mb(),
        "server_cpu_s": round(server.cpu_s() - cpu_before, 1),
        "machine_busy_cpu_s": round(machine_busy_s() - busy_before, 1),
        "cores": os.cpu_count(),
    }
