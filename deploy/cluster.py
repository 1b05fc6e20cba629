"""``python -m deploy.cluster --replicas 2`` (``make cluster REPLICAS=2``): the whole topology on one machine.

nginx on ``127.0.0.1:PORT`` in front of N Streamlit replicas (sticky sessions, websocket upgrade,
see ``deploy/nginx.conf.template``) and the read-only API, every process on one PostgreSQL
database. Everything listens on 127.0.0.1 only. The database is created when missing and built
from ``data/`` when empty (``python -m loaders ensure``). Logs and the rendered nginx
configuration are in ``var/cluster/`` (or ``--runtime``). Ctrl-C stops everything.

On several machines the same pieces are spread out: PostgreSQL on one, each dashboard machine runs
one replica per core (``streamlit run app.py`` with the same ``DATABASE_URL`` and
``STREAMLIT_SERVER_COOKIE_SECRET``), nginx lists them as ``server host:port`` in the upstream.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
DEFAULT_DB = "postgresql+psycopg://postgres@127.0.0.1:5432/dasbor_cluster"
HOST = "127.0.0.1"
STARTUP_S = 90.0
FIELD = re.compile(r"\{\{(\w+)\}\}")
"""A field of the template: ``{{listen}}``, ``{{replicas}}``, ``{{api}}``, ``{{runtime}}``."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        raise RuntimeError("nginx is not installed (Debian: apt-get install -y nginx)")
    return found


def render(listen: str, replicas: list[str], api: str, runtime: Path) -> str:
    """The nginx configuration for these addresses (``127.0.0.1:8611`` ...)."""
    servers = "\n".join(f"        server {r} max_fails=1 fail_timeout=10s;" for r in replicas)
    fields = {"listen": listen, "replicas": servers, "api": api, "runtime": str(runtime)}
    lines = []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.lstrip().startswith("#"):  # comments may name the fields
            line = FIELD.sub(lambda m: fields[m.group(1)], line)
        lines.append(line)
    return "".join(lines)


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` when it does not exist (a throw-away local one)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    if not target.drivername.startswith("postgresql"):
        return
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}).first()
            if not exists:
                # a name cannot be a bound parameter; it comes from the command line, quoted as an identifier
                name = target.database.replace('"', '""')
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def wait_http(url: str, timeout: float = STARTUP_S, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Cluster:
    """nginx + ``replicas`` Streamlit processes + the API, started and stopped together."""

    replicas: int = 2
    database_url: str = DEFAULT_DB
    port: int = 8600
    first_replica_port: int = 8611
    api_port: int = 8602
    runtime: Path = ROOT / "var" / "cluster"
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def replica_port(self, i: int) -> int:
        return self.first_replica_port + i

    def replica_addresses(self) -> list[str]:
        return [f"{HOST}:{self.replica_port(i)}" for i in range(self.replicas)]

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.database_url,
            # one secret for every replica: a cookie signed by one is valid on the others
            "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
        }

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        log = open(self.runtime / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        proc = subprocess.Popen(argv, cwd=ROOT, env=self._env(), stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.procs[name] = proc
        return proc

    def prepare(self) -> None:
        """The database (created when missing, built from data/ when empty) and the runtime folder."""
        ensure_database(self.database_url)
        subprocess.run(
            [sys.executable, "-m", "loaders", "--database-url", self.database_url, "ensure"], cwd=ROOT, check=True
        )
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            path = self.runtime / "tmp" / sub
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(0o777)  # nginx's workers run as nobody when the master runs as root

    def start_replica(self, i: int) -> None:
        port = self.replica_port(i)
        proc = self._spawn(
            f"replica-{i}",
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", HOST, "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        )  # fmt: skip
        wait_http(f"http://{HOST}:{port}/_stcore/health", proc=proc)

    def start_api(self) -> None:
        proc = self._spawn(
            "api",
            [sys.executable, "-m", "api", "--host", HOST, "--port", str(self.api_port),
             "--database-url", self.database_url],
        )  # fmt: skip
        wait_http(f"http://{HOST}:{self.api_port}/api/v1/health", proc=proc)

    def start_nginx(self) -> None:
        conf = self.runtime / "nginx.conf"
        conf.write_text(
            render(f"{HOST}:{self.port}", self.replica_addresses(), f"{HOST}:{self.api_port}", self.runtime),
            encoding="utf-8",
        )
        argv = [nginx_binary(), "-p", str(self.runtime), "-e", str(self.runtime / "error.log"), "-c", str(conf)]
        subprocess.run([*argv, "-t", "-q"], check=True)
        proc = self._spawn("nginx", [*argv, "-g", "daemon off;"])
        wait_http(f"{self.url}/_stcore/health", proc=proc)

    def start(self) -> Cluster:
        self.runtime.mkdir(parents=True, exist_ok=True)
        self.prepare()
        try:
            for i in range(self.replicas):
                self.start_replica(i)
            self.start_api()
            self.start_nginx()
        except BaseException:
            self.stop()
            raise
        return self

    def pid(self, name: str) -> int:
        return self.procs[name].pid

    def kill_replica(self, i: int) -> None:
        """SIGKILL replica ``i``: no goodbye to its sessions, as when a machine dies."""
        proc = self.procs.pop(f"replica-{i}")
        proc.kill()
        proc.wait(timeout=15)

    def stop(self) -> None:
        """nginx first (no new connections), then the replicas and the API."""
        for name in sorted(self.procs, key=lambda n: n != "nginx"):
            proc = self.procs[name]
            if proc.poll() is None:
                proc.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        self.procs.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8600, help="nginx (default 8600)")
    parser.add_argument("--first-replica-port", type=int, default=8611)
    parser.add_argument("--api-port", type=int, default=8602)
    parser.add_argument("--database-url", default=os.environ.get("CLUSTER_DATABASE_URL") or DEFAULT_DB)
    parser.add_argument("--runtime", type=Path, default=ROOT / "var" / "cluster", help="logs and nginx.conf")
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    cluster = Cluster(
        args.replicas, args.database_url, args.port, args.first_replica_port, args.api_port, args.runtime.resolve()
    )
    stop = {"now": False}

    def on_signal(signum, _frame) -> None:
        stop["now"] = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    cluster.start()
    print(f"dashboard  {cluster.url}/   ({args.replicas} replica(s): {', '.join(cluster.replica_addresses())})")
    print(f"API        {cluster.url}/api/v1/years   docs {cluster.url}/docs")
    print(f"logs       {cluster.runtime}/   Ctrl-C stops everything", flush=True)
    try:
        while not stop["now"]:
            for name, proc in cluster.procs.items():
                if proc.poll() is not None:
                    print(f"{name} exited with {proc.returncode}; see {cluster.runtime / (name + '.log')}", flush=True)
                    stop["now"] = True
            time.sleep(0.5)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
