"""``python -m bench.cluster`` (``make bench-cluster``): replicas behind nginx on PostgreSQL, under load.

The topology of ``deploy/cluster.py`` (nginx with sticky sessions in front of N Streamlit replicas and
the API, one PostgreSQL database) is started on this machine, on 127.0.0.1 only, against a
throw-away database (``dasbor_cluster_bench``, rebuilt from data/ at the start). Then:

1. **Readers**: 20, then 60 sessions through nginx, against 1 and then 2 replicas. Each session is a
   websocket client speaking Streamlit's protocol (``bench/sessions.py``): it first loads ``/`` as a
   browser does (nginx gives it its sticky cookie), then opens the pages in turn and reads each for
   5–15 s. Errors, p95 and page opens per second; which replica each session landed on; each
   replica's CPU and memory. Then 20 sessions back to back (no reading pause): the page opens per
   second the replicas complete.
2. **Kill**: 60 readers against 2 replicas; one replica is killed (SIGKILL) mid-run. A session whose
   websocket drops reconnects at once with the same cookie, as Streamlit's page does, and reopens
   the page it was on; nginx sends it to the surviving replica. Counted: sessions dropped,
   reconnected, page opens interrupted and failed after the retry, recovery time, and the data
   version every page showed (the sidebar's ``Versi data``).
3. **Publish**: a planner publishes a change (a program renamed) through replica A in a headless
   Chromium (Kelola Data: log in, upload, preview, publish); a session pinned to replica B reopens
   Anggaran in a loop, and a client polls the API. Measured: from the commit to B's sidebar showing the
   new version, to B's page showing the new name (bounded by the version TTL, 2 s), and to the API
   serving it.

Results go to ``bench/results_cluster.json``; BENCHMARKS.md is rendered again (``bench/report.py``),
which puts them in its section 8. Every run is bounded by its deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import random
import re
import resource
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import websockets

from bench import report, sessions
from bench.browser import CHROMIUM, PAGES, machine_busy_s
from bench.stats import loadavg, machine, summary
from deploy.cluster import Cluster

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results_cluster.json"
DB_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/dasbor_cluster_bench"
PORTS = {"port": 8700, "first_replica_port": 8711, "api_port": 8702}
RUNTIME = ROOT / "var" / "bench" / "cluster"
COOKIE = "dasbor_replica"
VERSION = re.compile(rb"(?:Versi data|Data version): (\d+)")
"""The sidebar's caption, as it travels in the page's protobuf messages."""
PLANNER, PLANNER_PASSWORD = "bench.perencana", "kata-sandi-bench-klaster"
RENAMED = "Dukungan Manajemen (uji replika)"
MARKER = RENAMED.encode()
VERSION_TTL_S = 2.0
"""``ui.data.VERSION_TTL_S``: how long a replica serves the data version it read (bench imports no ui)."""
RECONNECT_TRIES = 20

_no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def log(msg: str) -> None:
    print(f"[bench-cluster {time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}] {msg}", flush=True)


# --------------------------------------------------------------------------- one session


class Tap:
    """A websocket that keeps the frames received since :meth:`clear` (to read the data version shown)."""

    def __init__(self, ws):
        self.ws = ws
        self.frames: list[bytes] = []

    async def send(self, data: bytes) -> None:
        await self.ws.send(data)

    async def recv(self) -> bytes:
        data = await self.ws.recv()
        self.frames.append(data)
        return data

    def clear(self) -> None:
        self.frames.clear()

    def version(self) -> int | None:
        for data in self.frames:
            m = VERSION.search(data)
            if m:
                return int(m.group(1))
        return None

    def has(self, marker: bytes) -> bool:
        return any(marker in data for data in self.frames)


def first_get(base: str, cookie: str | None = None) -> tuple[str, str]:
    """Load ``/`` as a browser does first: (the sticky cookie, the replica that answered)."""
    req = urllib.request.Request(base + "/", headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    with _no_proxy.open(req, timeout=30) as r:
        r.read()
        got = r.headers.get("Set-Cookie") or ""
        replica = r.headers.get("X-Dasbor-Replica", "?")
    if cookie is None:
        m = re.search(rf"{COOKIE}=([^;]+)", got)
        if not m:
            raise RuntimeError(f"nginx set no {COOKIE} cookie: {got!r}")
        cookie = m.group(1)
    return cookie, replica


def answered_by(ws) -> str:
    """The replica nginx connected this websocket to (the last address it tried)."""
    return ws.response.headers.get("X-Dasbor-Replica", "?").split(",")[-1].strip()


def connect(base: str, cookie: str):
    ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
    return websockets.connect(
        ws_url,
        subprotocols=["streamlit"],
        additional_headers={"Cookie": f"{COOKIE}={cookie}"},
        max_size=None,
        open_timeout=30,
        proxy=None,
    )


async def read_or_drop(ws, seconds: float) -> bool:
    """Wait ``seconds`` (a reader's pause); ``False`` as soon as the websocket closes, as the page would notice."""
    if seconds <= 0:
        return ws.state.name == "OPEN"
    try:
        await asyncio.wait_for(ws.wait_closed(), seconds)
    except TimeoutError:
        return True
    return False


async def reader(base: str, k: int, deadline: float, out: dict, think: tuple[float, float] | None) -> None:
    """One user: the cookie from ``/``, then pages in turn; reconnects (same cookie) when the websocket drops."""
    rng = random.Random(k)
    me = {"user": k, "replicas": [], "versions": [], "drops": 0, "recovery_s": [], "interrupted": 0}
    out["users"].append(me)
    try:
        cookie, _ = await asyncio.to_thread(first_get, base)
    except OSError as exc:
        out["errors"].append(f"user {k}: first page: {type(exc).__name__}: {str(exc)[:120]}")
        return
    await sessions.pause(rng, think, deadline, first=True)
    i, page, reading, lost_at, tries = k, None, None, None, 0
    while time.monotonic() < deadline:
        try:
            async with connect(base, cookie) as ws:
                me["replicas"].append(answered_by(ws))
                tap, tries = Tap(ws), 0
                while time.monotonic() < deadline:
                    if page is None:  # after a drop the page being read is opened again, as Streamlit's page does
                        page = PAGES[i % len(PAGES)]
                        i += 1
                    reading = page
                    tap.clear()
                    try:
                        dt, _, error = await sessions._request(tap, page)
                    except websockets.ConnectionClosed:
                        me["interrupted"] += 1  # the replica went away during this page open
                        raise
                    done = time.monotonic()
                    if error:
                        out["errors"].append(f"user {k}: {error}")
                    else:
                        out["opens"].append((done, dt, me["replicas"][-1]))
                        if lost_at is not None:
                            me["recovery_s"].append(done - lost_at)
                            lost_at = None
                    v = tap.version()
                    if v is not None and (not me["versions"] or me["versions"][-1] != v):
                        me["versions"].append(v)
                    page = None
                    wait = 0.0 if think is None else rng.uniform(*think)
                    if not await read_or_drop(ws, min(wait, deadline - time.monotonic())):
                        raise websockets.ConnectionClosedError(None, None)
        except (websockets.ConnectionClosed, OSError, TimeoutError, websockets.InvalidStatus) as exc:
            if time.monotonic() >= deadline:
                break
            page = reading
            if lost_at is None:
                me["drops"] += 1
                lost_at = time.monotonic()
            tries += 1
            if tries > RECONNECT_TRIES:
                out["errors"].append(f"user {k}: no reconnect after {RECONNECT_TRIES} tries: {type(exc).__name__}")
                return
            await asyncio.sleep(min(0.2 * tries, 2.0))
    if lost_at is not None:
        out["errors"].append(f"user {k}: dropped and not back before the end")


# --------------------------------------------------------------------------- process figures


def _proc_cpu_s(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _replicas(cluster: Cluster) -> dict[str, int]:
    """Replica address -> pid, for those running."""
    return {
        f"127.0.0.1:{cluster.replica_port(i)}": cluster.pid(f"replica-{i}")
        for i in range(cluster.replicas)
        if f"replica-{i}" in cluster.procs
    }


def _others(cluster: Cluster) -> dict[str, list[int]]:
    """nginx (master and workers) and the API: the other processes of the topology."""
    out = {"api": [cluster.pid("api")]} if "api" in cluster.procs else {}
    if "nginx" in cluster.procs:
        master = cluster.pid("nginx")
        try:
            children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        except OSError:
            children = []
        out["nginx"] = [master, *map(int, children)]
    return out


def _cpu_of(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):  # a process that has exited
            total += _proc_cpu_s(pid)
    return total


def _self_cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# --------------------------------------------------------------------------- runs


def run_readers(
    cluster: Cluster,
    users: int,
    seconds: float,
    think: tuple[float, float] | None,
    kill_at: float | None = None,
) -> dict:
    """``users`` sessions through nginx for ``seconds``; with ``kill_at``, replica 0 is killed that many seconds in."""
    out: dict = {"opens": [], "errors": [], "users": []}
    procs = _replicas(cluster)
    cpu0 = {a: _proc_cpu_s(p) for a, p in procs.items()}
    rss0 = {a: _proc_rss_mb(p) for a, p in procs.items()}
    others = _others(cluster)
    others0 = {name: _cpu_of(pids) for name, pids in others.items()}
    busy0, self0, load0 = machine_busy_s(), _self_cpu_s(), loadavg()
    t0 = time.monotonic()
    killed: dict = {}

    async def killer() -> None:
        await asyncio.sleep(kill_at)
        address = f"127.0.0.1:{cluster.replica_port(0)}"
        killed["at"] = time.monotonic()
        killed["address"] = address
        killed["cpu_s"] = _proc_cpu_s(procs[address]) - cpu0[address]
        killed["rss_mb"] = _proc_rss_mb(procs[address])
        # the sessions on it at that moment: their last connection went there
        killed["sessions_on_it"] = sum(1 for u in out["users"] if u["replicas"] and u["replicas"][-1] == address)
        killed["sessions_open"] = sum(1 for u in out["users"] if u["replicas"])
        await asyncio.to_thread(cluster.kill_replica, 0)
        log(f"killed replica 0 ({address}) with {killed['sessions_on_it']} of {killed['sessions_open']} sessions")

    async def all_users() -> None:
        deadline = time.monotonic() + seconds
        tasks = [reader(cluster.url, k, deadline, out, think) for k in range(users)]
        if kill_at is not None:
            tasks.append(killer())
        await asyncio.gather(*tasks)

    asyncio.run(all_users())
    elapsed = time.monotonic() - t0
    alive = _replicas(cluster)
    per_replica = {}
    for address, pid in procs.items():
        entry = {"sessions": sum(1 for u in out["users"] if u["replicas"] and u["replicas"][0] == address)}
        entry["opens"] = sum(1 for _, _, r in out["opens"] if r == address)
        if address in alive:
            entry["cpu_s"] = round(_proc_cpu_s(pid) - cpu0[address], 1)
            entry["rss_before_mb"], entry["rss_after_mb"] = round(rss0[address]), round(_proc_rss_mb(pid))
        elif killed.get("address") == address:
            entry["cpu_s"] = round(killed["cpu_s"], 1)
            entry["rss_before_mb"], entry["rss_after_mb"] = round(rss0[address]), round(killed["rss_mb"])
            entry["killed"] = True
        per_replica[address] = entry
    times = [dt for _, dt, _ in out["opens"]]
    result = {
        "replicas": len(procs),
        "users": users,
        "think_s": list(think) if think else None,
        "seconds": round(elapsed, 1),
        "opens": len(times),
        "opens_per_s": round(len(times) / elapsed, 2),
        "load": summary(times),
        "errors": out["errors"],
        "per_replica": per_replica,
        "machine_busy_cpu_s": round(machine_busy_s() - busy0, 1),
        "client_cpu_s": round(_self_cpu_s() - self0, 1),
        "others_cpu_s": {name: round(_cpu_of(pids) - others0[name], 1) for name, pids in others.items()},
        "load_before": load0,
        "load_after": loadavg(),
        "versions_seen": sorted({v for u in out["users"] for v in u["versions"]}),
        "sessions_with_two_versions": sum(1 for u in out["users"] if len(set(u["versions"])) > 1),
        "raw_times": [round(t, 4) for t in times],
    }
    if kill_at is not None and killed:
        at = killed["at"]
        before = [dt for done, dt, _ in out["opens"] if done < at]
        after = [dt for done, dt, _ in out["opens"] if done >= at]
        dropped = [u for u in out["users"] if u["drops"]]
        recovery = [s for u in out["users"] for s in u["recovery_s"]]
        result["kill"] = {
            "address": killed["address"],
            "at_s": round(at - t0, 1),
            "sessions_open": killed["sessions_open"],
            "sessions_on_killed": killed["sessions_on_it"],
            "dropped": len(dropped),
            "reconnected": sum(1 for u in dropped if u["recovery_s"]),
            "reconnected_to": sorted({u["replicas"][-1] for u in dropped if u["recovery_s"]}),
            "interrupted_opens": sum(u["interrupted"] for u in out["users"]),
            "recovery": summary(recovery),
            "opens_before": summary(before),
            "opens_after": summary(after),
            "drops_on_survivor": sum(1 for u in dropped if u["replicas"][0] != killed["address"]),
        }
    return result


def warm(cluster: Cluster) -> None:
    """Every replica opens every page once (fills its caches), straight to its port."""

    async def one(port: int) -> None:
        async with websockets.connect(
            f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None, proxy=None
        ) as ws:
            for page in PAGES:
                await sessions._request(ws, page)

    for i in range(cluster.replicas):
        if f"replica-{i}" in cluster.procs:
            asyncio.run(one(cluster.replica_port(i)))


def cookies_by_replica(base: str, tries: int = 64) -> dict[str, str]:
    """A cookie value nginx sends to each replica (``probe-0``, ``probe-1``...: at most ``tries`` requests)."""
    found: dict[str, str] = {}
    for n in range(tries):
        value = f"probe-{n}"
        _, replica = first_get(base, value)
        found.setdefault(replica, value)
        if len(found) >= 2:
            break
    return found


# --------------------------------------------------------------------------- publish through one replica


def _workbook(engine) -> bytes:
    """The 2024 tables as a workbook, with program WA renamed (no figure changes, so no new check errors)."""
    from loaders import db
    from loaders.workbook import write_workbook

    frames = {name: db.read_table(engine, name, 2024) for name in db.TABLES}
    program = frames["program"].astype(object)
    program.loc[program["code"] == "WA", "name"] = RENAMED
    frames["program"] = program
    buf = io.BytesIO()
    write_workbook(frames, buf)
    return buf.getvalue()


def _publish_in_browser(base: str, cookie: str, book: bytes) -> int:
    """Log in on Kelola Data through ``base`` pinned by ``cookie``, upload ``book``, publish; the new version."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
        )
        try:
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            ctx.add_cookies([{"name": COOKIE, "value": cookie, "url": base}])
            page = ctx.new_page()
            page.goto(f"{base}/kelola", timeout=60_000)
            page.locator(".st-key-kelola_username input").fill(PLANNER, timeout=60_000)
            page.locator(".st-key-kelola_password input").fill(PLANNER_PASSWORD)
            page.get_by_role("button", name="Masuk").click()
            page.get_by_text(f"Masuk sebagai: {PLANNER}").wait_for(timeout=60_000)
            page.get_by_role("tab", name="Unggah & terbitkan").click()
            page.locator('.st-key-kelola_upload input[type="file"]').set_input_files(
                files=[{"name": "program_baru.xlsx", "mimeType": "application/octet-stream", "buffer": book}]
            )
            page.get_by_text("Pratinjau dibuat terhadap versi").wait_for(timeout=120_000)
            page.locator(".st-key-kelola_publish button").wait_for(timeout=60_000)
            page.wait_for_timeout(1500)  # the rest of the preview settles before the click
            page.locator(".st-key-kelola_publish button").click()
            done = page.get_by_text(re.compile(r"Versi \d+ diterbitkan"))
            done.wait_for(timeout=120_000)
            return int(re.search(r"Versi (\d+) diterbitkan", done.inner_text()).group(1))
        finally:
            browser.close()


def publish_propagation(cluster: Cluster, engine) -> dict:
    """Publish through replica A in a browser; a session on replica B and an API client watch for it."""
    from sqlalchemy import select

    from loaders import db

    pins = cookies_by_replica(cluster.url)
    if len(pins) < 2:
        return {"error": f"nginx sent every probe to one replica: {pins}"}
    (a, cookie_a), (b, cookie_b) = sorted(pins.items())[:2]
    book = _workbook(engine)
    seen: dict = {"b": [], "api": []}
    stop = threading.Event()

    async def watch_b() -> None:
        async with connect(cluster.url, cookie_b) as ws:
            seen["b_replica"] = answered_by(ws)
            tap = Tap(ws)
            while not stop.is_set():
                tap.clear()
                t = time.time()
                dt, _, error = await sessions._request(tap, "anggaran")
                seen["b"].append((t, time.time(), tap.version(), tap.has(MARKER), error))

    async def watch_api() -> None:
        url = f"{cluster.url}/api/v1/2024/tables/program"
        while not stop.is_set():
            t = time.time()
            with _no_proxy.open(url, timeout=10) as r:
                body = r.read()
            seen["api"].append((t, time.time(), json.loads(body)["data_version"], MARKER in body))
            await asyncio.sleep(0.1)

    def watchers() -> None:
        async def both() -> None:
            await asyncio.gather(watch_b(), watch_api())

        asyncio.run(both())

    thread = threading.Thread(target=watchers, daemon=True)
    thread.start()
    time.sleep(3)  # the watchers' first rounds: the old name everywhere
    before = {"b": seen["b"][-1][2:4] if seen["b"] else None, "api": seen["api"][-1][2:4] if seen["api"] else None}
    log(f"publishing through {a} in Chromium; watching {b} and the API")
    version = _publish_in_browser(cluster.url, cookie_a, book)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if any(s[3] for s in seen["b"]) and any(s[3] for s in seen["api"]):
            break
        time.sleep(0.2)
    time.sleep(1)
    stop.set()
    thread.join(timeout=30)
    with engine.connect() as conn:
        published_at = conn.execute(
            select(db.data_version.c.published_at).where(db.data_version.c.id == version)
        ).scalar_one()
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    t_pub = published_at.timestamp()

    def first(rows: list, test) -> float | None:
        """Seconds from the publication to the end of the first answer that shows it."""
        hit = next((r for r in rows if r[0] >= t_pub - 5 and test(r)), None)
        return None if hit is None else round(hit[1] - t_pub, 3)

    b_rows = [r for r in seen["b"] if not r[4]]
    shown = next((r for r in b_rows if r[3]), None)
    return {
        "publisher_replica": a,
        "watched_replica": seen.get("b_replica", b),
        "version": version,
        "before": before,
        "published_at": published_at.isoformat(),
        "b_version_s": first(b_rows, lambda r: r[2] == version),
        "b_data_s": first(b_rows, lambda r: r[3]),
        # the page run that showed it: when it started after the commit, and how long it took (cold caches)
        "b_data_run_started_s": None if shown is None else round(shown[0] - t_pub, 3),
        "b_data_run_s": None if shown is None else round(shown[1] - shown[0], 3),
        "api_data_s": first(seen["api"], lambda r: r[3] and r[2] == version),
        "b_request": summary([r[1] - r[0] for r in b_rows]),
        "b_errors": [r[4] for r in seen["b"] if r[4]],
        "ttl_s": VERSION_TTL_S,
    }


# --------------------------------------------------------------------------- main


def _prepare(db_url: str):
    """The bench database: created when missing, rebuilt from data/ (a new version), with a planner."""
    import subprocess
    import sys

    from deploy.cluster import ensure_database
    from loaders import auth, db

    ensure_database(db_url)
    subprocess.run([sys.executable, "-m", "loaders", "--database-url", db_url, "build"], cwd=ROOT, check=True)
    engine = db.get_engine(db_url)
    if PLANNER not in set(auth.list_users(engine)["username"]):
        auth.create_user(engine, PLANNER, PLANNER_PASSWORD, "perencana", by="bench")
    return engine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="length of each reader run (default 60)")
    ap.add_argument("--users", default="20,60", help="reader counts (default 20,60)")
    ap.add_argument("--replicas", default="1,2", help="replica counts (default 1,2)")
    ap.add_argument("--quick", action="store_true", help="15 s runs of 5 and 10 readers (development)")
    ap.add_argument("--no-browser", action="store_true", help="skip the publish through the browser")
    ap.add_argument("--database-url", default=DB_URL)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--md", type=Path, default=ROOT / "BENCHMARKS.md")
    args = ap.parse_args(argv)
    users = [5, 10] if args.quick else [int(u) for u in args.users.split(",")]
    seconds = 15.0 if args.quick else args.seconds
    t0 = time.monotonic()
    engine = _prepare(args.database_url)
    results: dict = {
        "machine": machine(),
        "quick": args.quick,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": args.database_url.split("@")[-1],
        "load_before": loadavg(),
        "version_ttl_s": VERSION_TTL_S,
        "runs": [],
    }
    RUNTIME.mkdir(parents=True, exist_ok=True)
    for n in [int(r) for r in args.replicas.split(",")]:
        cluster = Cluster(n, args.database_url, runtime=RUNTIME, **PORTS).start()
        try:
            warm(cluster)
            for u in users:
                log(f"{n} replica(s): {u} readers for {seconds:.0f} s")
                results["runs"].append({"kind": "readers", **run_readers(cluster, u, seconds, sessions.THINK_S)})
            log(f"{n} replica(s): 20 sessions back to back for {seconds / 3:.0f} s")
            results["runs"].append({"kind": "saturation", **run_readers(cluster, 20, seconds / 3, None)})
        finally:
            cluster.stop()
    cluster = Cluster(2, args.database_url, runtime=RUNTIME, **PORTS).start()
    try:
        warm(cluster)
        kill_users = max(users)
        log(f"2 replicas: {kill_users} readers for {seconds:.0f} s, replica 0 killed at {seconds * 0.4:.0f} s")
        results["kill"] = run_readers(cluster, kill_users, seconds, sessions.THINK_S, kill_at=seconds * 0.4)
        if args.no_browser or not CHROMIUM:
            results["publish"] = {"error": "skipped: no browser" if not CHROMIUM else "skipped (--no-browser)"}
        else:
            cluster.start_replica(0)
            warm(cluster)
            results["publish"] = publish_propagation(cluster, engine)
    finally:
        cluster.stop()
    results["load_after"] = loadavg()
    results["wall_s"] = round(time.monotonic() - t0, 1)
    args.out.write_text(json.dumps(results, indent=1))
    main_results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    args.md.write_text(report.markdown(main_results, cluster=results))
    log(f"done in {results['wall_s']} s: {args.out}, {args.md}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
