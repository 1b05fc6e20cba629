"""The read-only API (``api``) on SQLite and PostgreSQL, through FastAPI's TestClient.

The figures are the LKj 2024's, loaded from data/ as version 1: the headline equals what
``python -m kpi --year 2024 --json`` prints from the same database, a table's CSV holds its rows
with their LKj source, the findings are the Kualitas Data checks. Tokens: required when viewing
needs a login, refused once revoked or when their user is deactivated, stored only as a hash,
every change and refusal in the audit log.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from api.app import MAX_LIMIT, create_app
from loaders import audit, auth, db, tokens, versions

CLI = auth.Actor("cli:test", "admin")
PASSWORD = "kata-sandi-uji-api"


@pytest.fixture
def loaded(engine, frames, monkeypatch):
    """``engine`` holding data/ as version 1, viewing open; the API re-reads the version on every request."""
    monkeypatch.setenv("DASBOR_VIEW_REQUIRES_LOGIN", "0")
    versions.publish_all(engine, frames, CLI, "data")
    return engine


@pytest.fixture
def client(loaded):
    with TestClient(create_app(loaded, version_ttl=0)) as c:
        yield c


def cli_url(engine) -> str:
    """A URL the command line can open for ``engine`` (on PostgreSQL: its throw-away schema)."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.execute(text("select current_schema()")).scalar_one()
        url += f"?options=-csearch_path%3D{schema}"
    return url


def run_cli(main, argv: list[str], capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def is_problem(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["instance"]
    if code:
        assert body["type"] == f"/api/v1/problems/{code}"
    return body


# --------------------------------------------------------------------------- figures


def test_headline_equals_kpi_json_of_the_same_database(client, loaded, capsys):
    from kpi.__main__ import main as kpi_main

    url = cli_url(loaded)
    code, out, _ = run_cli(kpi_main, ["--year", "2024", "--json", "--database-url", url], capsys)
    db.get_engine(url).dispose()
    assert code == 0
    r = client.get("/api/v1/2024/headline")
    assert r.status_code == 200
    body = r.json()
    assert body["headline"] == json.loads(out)
    assert body["data_version"] == 1 and body["year"] == 2024 and r.headers["x-data-version"] == "1"
    h = body["headline"]
    # the LKj 2024: pagu Rp 6.144.346.237.000, realisasi Rp 5.500.436.965.043 (89,52 %), SS-1 capaian 40,71 %
    assert h["budget_pagu_rp"] == 6_144_346_237_000
    assert h["budget_realisasi_rp"] == 5_500_436_965_043
    assert round(h["budget_absorption_pct"], 2) == 89.52
    assert round(h["ss1_capaian_pct"], 2) == 40.71
    assert h["opini_bpk"] == "WTP" and h["n_spbe_indicators"] == 47


def test_years_and_findings_are_those_of_the_checks(client, frames):
    from kpi.checks import run_checks

    years = client.get("/api/v1/years").json()
    assert years["years"] == [2024] and years["latest"] == 2024 and 2023 in years["data_years"]
    report = run_checks(frames, 2024)
    r = client.get("/api/v1/2024/findings")
    body = r.json()
    assert body["total"] == len(report.findings) > 0
    assert body["counts"]["error"] == sum(f.severity == "error" for f in report.findings)
    # Tabel 3.7: BLK-K Berkembang printed 1.293, its rows add up to 1.292
    t37 = next(f for f in body["findings"] if f["row_key"] == "T3.7.total.berkembang")
    assert (t37["printed"], t37["recomputed"], t37["difference"]) == (1293, 1292, 1)
    assert "1.293" in t37["message_id"] and "1,293" in t37["message_en"]
    errors = client.get("/api/v1/2024/findings", params={"severity": "error", "limit": 5}).json()
    assert errors["total"] == body["counts"]["error"] and len(errors["findings"]) == 5
    assert {f["severity"] for f in errors["findings"]} == {"error"}


# --------------------------------------------------------------------------- tables


def test_table_as_csv_and_json_with_its_source_and_bounded_pages(client, frames):
    r = client.get("/api/v1/2024/tables/ikss_capaian", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="ikss_capaian_2024.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    expected = frames["ikss_capaian"][frames["ikss_capaian"]["year"] == 2024]
    assert [row["ikss_code"] for row in rows] == list(expected["ikss_code"])
    assert {row["sumber"] for row in rows} == {"Tabel 3.2"}
    prod = next(row for row in rows if row["ikss_code"] == "produktivitas")
    assert (float(prod["target"]), float(prod["realisasi"]), float(prod["capaian_pct"])) == (9.85, 4.01, 40.71)

    out = frames["output_capaian"]
    n = int((out["year"] == 2024).sum())
    page = client.get("/api/v1/2024/tables/output_capaian", params={"limit": 100, "offset": 500})
    body = page.json()
    assert body["total"] == n == int(page.headers["x-total-count"]) and len(body["rows"]) == n - 500
    assert "link" not in page.headers  # the last page
    first = client.get("/api/v1/2024/tables/output_capaian", params={"limit": 100})
    assert first.headers["link"] == '</api/v1/2024/tables/output_capaian?limit=100&offset=100>; rel="next"'
    assert len(first.json()["rows"]) == 100 and first.json()["rows"][0]["sumber"] == "Lampiran 6"
    assert [c["name"] for c in body["columns"]][-1] == "sumber"
    too_big = client.get("/api/v1/2024/tables/output_capaian", params={"limit": MAX_LIMIT + 1})
    assert "limit" in is_problem(too_big, 422, "invalid-request")["detail"]
    listed = {t["name"]: t["rows"] for t in client.get("/api/v1/2024/tables").json()["tables"]}
    assert listed["output_capaian"] == n and listed["ikss_capaian"] == len(expected)


# --------------------------------------------------------------------------- errors and caching


def test_problem_details_for_unknown_year_table_and_bad_input(client):
    body = is_problem(client.get("/api/v1/2023/headline"), 404, "unknown-year")
    assert body["years"] == [2024] and "2023" in body["detail"]
    is_problem(client.get("/api/v1/1999/findings"), 422, "invalid-request")
    is_problem(client.get("/api/v1/dua-ribu/headline"), 422, "invalid-request")
    assert "ikss_capaian" in is_problem(client.get("/api/v1/2024/tables/tidak_ada"), 404, "unknown-table")["tables"]
    assert is_problem(client.get("/api/v1/tidak/ada/di/sini"), 404)["type"] == "about:blank"
    assert client.get("/api/v1/problems/unknown-year").json()["status"] == 404


def test_etag_gives_304_until_a_new_version_is_published(client, loaded, frames):
    first = client.get("/api/v1/2024/headline")
    etag = first.headers["etag"]
    again = client.get("/api/v1/2024/headline", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    other = client.get("/api/v1/2024/tables/unit", headers={"If-None-Match": etag})
    assert other.status_code == 200  # another resource, another tag
    changed = {n: f.copy() for n, f in frames.items()}
    changed["ikss_capaian"].loc[changed["ikss_capaian"]["ikss_code"] == "indeks_spbe", "realisasi"] = 3.6
    versions.publish_all(loaded, changed, CLI, "changed")
    fresh = client.get("/api/v1/2024/headline", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["etag"] != etag
    assert fresh.json()["data_version"] == 2 and fresh.headers["x-data-version"] == "2"
    assert fresh.json()["headline"]["ikss_indeks_spbe_capaian_pct"] == pytest.approx(90.0)  # 3,6 of target 4
    assert first.json()["headline"]["ikss_indeks_spbe_capaian_pct"] == pytest.approx(85.5)


# --------------------------------------------------------------------------- tokens


def test_token_required_when_viewing_needs_login_and_refused_once_revoked(loaded, monkeypatch):
    auth.create_user(loaded, "bappenas.sync", PASSWORD, "viewer")
    token_id, token = tokens.create_token(loaded, "bappenas.sync", "SIPP Bappenas", by="cli:ani")
    with TestClient(create_app(loaded, version_ttl=0)) as client:
        assert client.get("/api/v1/2024/headline").status_code == 200  # viewing open: no token needed
        monkeypatch.setenv("DASBOR_VIEW_REQUIRES_LOGIN", "1")
        missing = client.get("/api/v1/2024/headline")
        is_problem(missing, 401, "token-required")
        assert missing.headers["www-authenticate"].startswith("Bearer")
        is_problem(client.get("/api/v1/2024/headline", headers={"Authorization": "Basic YTpi"}), 401, "token-required")
        forged = tokens.PREFIX + "A" * 43
        is_problem(client.get("/api/v1/years", headers={"Authorization": f"Bearer {forged}"}), 401, "token-refused")
        ok = client.get("/api/v1/2024/headline", headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200 and ok.headers["cache-control"] == "private, no-cache"
        # a 304 only after the token is checked
        is_problem(client.get("/api/v1/2024/headline", headers={"If-None-Match": ok.headers["etag"]}), 401)
        assert client.get("/api/v1/health").status_code == 200  # liveness needs no token

        tokens.revoke_token(loaded, token_id, by="cli:ani")
        refused = is_problem(
            client.get("/api/v1/2024/headline", headers={"Authorization": f"Bearer {token}"}), 401, "token-refused"
        )
        assert "dicabut" in refused["detail"]

        # a new token works until its user is deactivated
        _, second = tokens.create_token(loaded, "bappenas.sync", by="cli:ani")
        assert client.get("/api/v1/years", headers={"Authorization": f"Bearer {second}"}).status_code == 200
        auth.set_active(loaded, "bappenas.sync", False, auth.Actor("cli:ani", "admin"))
        is_problem(client.get("/api/v1/years", headers={"Authorization": f"Bearer {second}"}), 401, "token-refused")

    with loaded.connect() as conn:
        stored = conn.execute(select(db.api_token.c.token_hash, db.api_token.c.prefix)).all()
    assert {h for h, _ in stored} == {hashlib.sha256(t.encode()).hexdigest() for t in (token, second)}
    assert all(token not in h and len(p) == tokens.PREFIX_LEN for h, p in stored)
    log = audit.read(loaded, action="token")
    outcomes = list(zip(log["username"], log["outcome"], strict=True))
    assert outcomes.count(("cli:ani", "ok")) == 3  # two made, one revoked
    assert ("bappenas.sync", "ditolak") in outcomes and ("-", "ditolak") in outcomes
    assert not log["detail"].str.contains(token[tokens.PREFIX_LEN :], regex=False).any()  # never the token itself


def test_token_cli_creates_lists_and_revokes(loaded, capsys):
    from loaders.__main__ import main as loaders_main

    url = cli_url(loaded)
    auth.create_user(loaded, "monev", PASSWORD, "viewer")
    code, out, err = run_cli(
        loaders_main, ["--database-url", url, "create-token", "monev", "--label", "e-Monev"], capsys
    )
    assert code == 0 and "shown once" in err
    token = out.strip()
    assert tokens.verify_token(loaded, token) == auth.Actor("monev", "viewer")
    code, out, _ = run_cli(loaders_main, ["--database-url", url, "tokens"], capsys)
    assert code == 0 and "live" in out and token[: tokens.PREFIX_LEN] in out and token not in out
    token_id = int(out.split()[0])
    assert run_cli(loaders_main, ["--database-url", url, "revoke-token", str(token_id)], capsys)[0] == 0
    code, _, err = run_cli(loaders_main, ["--database-url", url, "revoke-token", str(token_id)], capsys)
    assert code == 1 and "sudah dicabut" in err
    with pytest.raises(tokens.TokenError, match="dicabut"):
        tokens.verify_token(loaded, token)
    code, _, err = run_cli(loaders_main, ["--database-url", url, "create-token", "siapa"], capsys)
    assert code == 1 and "tidak ada" in err
    db.get_engine(url).dispose()


def test_revoking_all_tokens_of_a_user(loaded):
    auth.create_user(loaded, "sakti", PASSWORD, "viewer")
    made = [tokens.create_token(loaded, "sakti")[0] for _ in range(2)]
    tokens.revoke_token(loaded, made[0], by="cli:ani")
    assert tokens.revoke_user_tokens(loaded, "sakti", by="cli:ani") == [made[1]]  # only the live one
    assert tokens.revoke_user_tokens(loaded, "sakti") == []
    listed = tokens.list_tokens(loaded)
    assert listed["revoked_at"].notna().all() and set(listed["revoked_by"]) == {"cli:ani"}


# --------------------------------------------------------------------------- documentation


def test_openapi_and_docs_are_served_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {
        "/api/v1/years",
        "/api/v1/{year}/headline",
        "/api/v1/{year}/tables/{name}",
        "/api/v1/{year}/findings",
    } <= set(spec["paths"])
    assert "bearer" in json.dumps(spec["components"]["securitySchemes"]).lower()
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text and "cdn." not in docs.text
    assert client.get("/api/docs-static/swagger-ui-bundle.js").status_code == 200


# --------------------------------------------------------------------------- behind nginx (deploy/)


def test_nginx_config_routes_the_api_and_keeps_each_browser_on_one_replica(tmp_path):
    """The rendered configuration: sticky hash on the cookie, websocket upgrade, the API's paths; nginx accepts it."""
    import shutil
    import subprocess

    from deploy.cluster import nginx_binary, render

    conf = render("127.0.0.1:8600", ["127.0.0.1:8611", "127.0.0.1:8612"], "127.0.0.1:8602", tmp_path)
    assert "hash $sticky_key consistent;" in conf and "ip_hash" not in conf.split("upstream dasbor_app")[1]
    assert "server 127.0.0.1:8611 max_fails=1" in conf and "server 127.0.0.1:8612 max_fails=1" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf and "listen 127.0.0.1:8600;" in conf
    for path in ("location /api/", "location = /openapi.json", "location = /docs"):
        assert path in conf
    assert "{{" not in "\n".join(line for line in conf.splitlines() if not line.lstrip().startswith("#"))
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx not installed (apt-get install -y nginx); the rendering was checked")
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "tmp" / sub).mkdir(parents=True)
    (tmp_path / "nginx.conf").write_text(conf, encoding="utf-8")
    check = subprocess.run(
        [
            nginx_binary(),
            "-t",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "error.log"),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_progress_equals_kpi_progress_and_refuses_an_unloaded_quarter(engine, frames, monkeypatch):
    """``/progress`` serves what ``python -m kpi progress`` prints: the same rows, from the same function."""
    from kpi.progress import progress
    from loaders.triwulan_demo import demo_frames

    monkeypatch.setenv("DASBOR_VIEW_REQUIRES_LOGIN", "0")
    with_quarters = {**frames, **demo_frames(frames, 2024, quarters=2)}
    versions.publish_all(engine, with_quarters, CLI, "data + contoh triwulan")
    with TestClient(create_app(engine, version_ttl=0)) as c:
        r = c.get("/api/v1/2024/progress")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["quarter"] == 2 and body["quarters"] == [1, 2]
        expected = progress(db.read_all(engine), 2024, 2)
        assert len(body["rows"]) == len(expected) > 0
        first = body["rows"][0]
        assert (first["level"], first["code"]) == (expected[0]["level"], expected[0]["code"])
        assert first["progress_pct"] == pytest.approx(expected[0]["progress_pct"])
        assert c.get("/api/v1/2024/progress?quarter=1").json()["quarter"] == 1
        is_problem(c.get("/api/v1/2024/progress?quarter=4"), 404, "unknown-quarter")


def test_progress_of_a_year_without_quarters_is_a_problem(client):
    is_problem(client.get("/api/v1/2024/progress"), 404, "unknown-quarter")
