"""The read-only API: the dashboard's figures for planning, budgeting and monitoring systems (SPBE).

``create_app(engine)`` builds the FastAPI application. Everything is under ``/api/v1`` and read
only; each answer names the data version it was computed from (``data_version`` in the body,
``X-Data-Version`` in the headers) and carries an ETag, so a client that sends ``If-None-Match``
gets ``304 Not Modified`` until the data changes. The figures are those of ``python -m kpi``
(same code: ``kpi.headline``, ``kpi.checks``); the tables are the datasets as loaded, each row
with its LKj source (``sumber``).

Access follows the dashboard: open while viewing is open, otherwise (``DASBOR_VIEW_REQUIRES_LOGIN``)
every request needs ``Authorization: Bearer <token>`` of an active user (:mod:`loaders.tokens`).
Errors are problem documents (:mod:`api.problems`); pages of rows are at most :data:`MAX_LIMIT`.
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import fastapi_offline
import pandas as pd
from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import Engine

from api.problems import MEDIA_TYPE, Problem, install
from api.store import VERSION_TTL_S, Snapshot, Store
from loaders import auth, db, tokens
from loaders.datasets import DATASETS
from loaders.workbook import neutralise_frame

API_REVISION = "1"
"""Part of every ETag: a change in what an answer looks like must not be served from a client's cache."""
DEFAULT_LIMIT = 1000
MAX_LIMIT = 5000
"""Rows per page: the largest table of the LKj 2024 has 571 rows of a year, one page; 100x data pages."""
DOCS_STATIC = "/api/docs-static"
DESCRIPTION = f"""The figures of the Ministry of Manpower's performance report (LKj) for planning, budgeting and
monitoring systems: the same code as the dashboard and `python -m kpi`, read only.

- Every answer names the **data version** it was computed from (`data_version`, header `X-Data-Version`:
  the number the dashboard's sidebar shows) and has an **ETag**; send it back as `If-None-Match` to get
  `304 Not Modified` until the data changes.
- **Access** follows the dashboard: open while viewing is open; when viewing requires a login
  (`DASBOR_VIEW_REQUIRES_LOGIN`), every request needs `Authorization: Bearer <token>`. An administrator
  makes a token with `python -m loaders create-token NAME` and revokes it with `revoke-token ID`.
- **Errors** are problem documents (RFC 9457, `application/problem+json`).
- **Pages** of rows hold at most {MAX_LIMIT} rows (`limit`, `offset`; a `Link: <…>; rel="next"` header).
"""

Year = Annotated[int, Path(ge=2000, le=2100, description="Report year, e.g. 2024")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT})")]


# --------------------------------------------------------------------------- documented shapes


class ProblemOut(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    instance: str


class YearsOut(BaseModel):
    data_version: int
    years: list[int]
    """The loaded report years, newest first."""
    latest: int | None
    data_years: list[int]
    """Every year some table has rows for (earlier years are comparison rows of a report)."""


class HeadlineOut(BaseModel):
    data_version: int
    year: int
    headline: dict[str, float | int | str | None]
    """The same keys and values as ``python -m kpi --year Y --json``."""


class TableInfo(BaseModel):
    name: str
    title: str
    rows: int
    url: str


class TablesOut(BaseModel):
    data_version: int
    year: int
    tables: list[TableInfo]


class ColumnOut(BaseModel):
    name: str
    kind: str
    required: bool
    doc: str


class TableOut(BaseModel):
    data_version: int
    year: int
    table: str
    title: str
    columns: list[ColumnOut]
    total: int
    offset: int
    limit: int
    rows: list[dict[str, Any]]


class FindingOut(BaseModel):
    rule_id: str
    severity: str
    tables: list[str]
    datasets: list[str]
    row_key: str
    printed: float | str | None
    recomputed: float | str | None
    difference: float | None
    message_id: str
    message_en: str
    page: str
    year: int | None


class FindingsOut(BaseModel):
    data_version: int
    year: int
    total: int
    offset: int
    limit: int
    counts: dict[str, int]
    not_printed_count: int
    findings: list[FindingOut]


class ProgressRow(BaseModel):
    level: str
    code: str
    name: str | None = None
    target: float | None = None
    realisasi_kumulatif: float | None = None
    progress_pct: float | None = None
    projected_pct: float | None = None
    status: str | None = None

    model_config = {"extra": "allow"}


class ProgressOut(BaseModel):
    data_version: int
    year: int
    quarter: int
    quarters: list[int]
    rows: list[ProgressRow]


class HealthOut(BaseModel):
    status: str
    data_version: int


ERRORS = {
    401: {"model": ProblemOut, "description": "Token required or refused (viewing requires a login)"},
    404: {"model": ProblemOut, "description": "Unknown year or table"},
    422: {"model": ProblemOut, "description": "Malformed or out-of-range parameter"},
}


# --------------------------------------------------------------------------- values and answers


def plain(value: object) -> object:
    """A JSON value: ``None`` for NaN and ``pd.NA``, Python numbers for NumPy's."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    cols = list(frame.columns)
    return [
        {c: plain(v) for c, v in zip(cols, row, strict=True)} for row in frame.astype(object).itertuples(index=False)
    ]


def _etag(snap: Snapshot, request: Request) -> str:
    query = urlencode(sorted(request.query_params.multi_items()))
    digest = hashlib.sha256(f"{API_REVISION}|{request.url.path}|{query}".encode()).hexdigest()[:16]
    return f'"v{snap.tag}-{digest}"'


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def answer(
    request: Request,
    snap: Snapshot,
    build: Callable[[], object],
    media_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response:
    """``build()``'s body with the version headers, or ``304`` when the client holds this version already."""
    etag = _etag(snap, request)
    common = {
        "ETag": etag,
        "X-Data-Version": str(snap.version),
        "Cache-Control": "private, no-cache" if auth.view_requires_login() else "no-cache",
        "Vary": "Authorization",
    }
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=common)
    body = build()
    common.update(headers or {})
    if media_type == "application/json":
        return JSONResponse(body, headers=common)
    return Response(body, media_type=media_type, headers=common)


def _require_year(snap: Snapshot, year: int, also: list[int] | None = None) -> None:
    if year not in snap.years and year not in (also or []):
        loaded = ", ".join(map(str, snap.years)) or "none"
        raise Problem("unknown-year", f"year {year} is not loaded; loaded report years: {loaded}", years=snap.years)


def _link(request: Request, offset: int, limit: int, total: int) -> dict[str, str]:
    if offset + limit >= total:
        return {}
    query = dict(request.query_params)
    query.update(offset=str(offset + limit), limit=str(limit))
    return {"Link": f'<{request.url.path}?{urlencode(query)}>; rel="next"'}


# --------------------------------------------------------------------------- the application


def create_app(engine: Engine | None = None, version_ttl: float = VERSION_TTL_S) -> FastAPI:
    """The API over ``engine`` (default: ``DATABASE_URL``, as the dashboard)."""
    engine = engine or db.get_engine()
    db.create_schema(engine)  # the token table of a database built before the API existed
    store = Store(engine, version_ttl)
    app = FastAPI(
        title="Dasbor Kinerja Kemnaker API",
        version="1",
        summary="Read-only: the LKj figures, tables and Kualitas Data findings, per year and data version.",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    install(app)
    bearer = HTTPBearer(
        auto_error=False,
        description="Needed only when viewing requires a login: `python -m loaders create-token NAME`.",
    )

    def reader(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> auth.Actor | None:  # noqa: B008
        """Open while viewing is open; otherwise the user of a live bearer token."""
        if not auth.view_requires_login():
            return None
        if credentials is None:
            raise Problem(
                "token-required",
                "viewing requires a login: send Authorization: Bearer <token>",
                headers={"WWW-Authenticate": 'Bearer realm="dasbor"'},
            )
        try:
            return tokens.verify_token(engine, credentials.credentials)
        except tokens.TokenError as exc:
            raise Problem(
                "token-refused",
                str(exc),
                headers={"WWW-Authenticate": 'Bearer realm="dasbor", error="invalid_token"'},
            ) from exc

    v1 = APIRouter(prefix="/api/v1", dependencies=[Depends(reader)], responses=ERRORS, tags=["LKj"])

    @v1.get("/years", response_model=YearsOut, summary="The loaded report years")
    def years(request: Request) -> Response:
        snap = store.snapshot()
        return answer(
            request,
            snap,
            lambda: {
                "data_version": snap.version,
                "years": snap.years,
                "latest": snap.years[0] if snap.years else None,
                "data_years": snap.data_years(),
            },
        )

    @v1.get("/{year}/headline", response_model=HeadlineOut, summary="The headline figures of a year")
    def headline(request: Request, year: Year) -> Response:
        """The IKSS capaian, SS-1/SS-2/overall capaian, budget, SPBE, RB and output counts, recomputed
        from the detail rows: the same keys and values as `python -m kpi --year Y --json`."""
        from kpi.headline import headline as compute

        snap = store.snapshot()
        _require_year(snap, year)

        def build() -> dict:
            figures = snap.computed(("headline", year), lambda: compute(snap.frames, year))
            return {"data_version": snap.version, "year": year, "headline": {k: plain(v) for k, v in figures.items()}}

        return answer(request, snap, build)

    @v1.get("/{year}/tables", response_model=TablesOut, summary="The datasets and their rows in a year")
    def tables(request: Request, year: Year) -> Response:
        snap = store.snapshot()
        _require_year(snap, year, snap.data_years())

        def build() -> dict:
            listed = []
            for name, spec in DATASETS.items():
                frame = snap.frames[name]
                listed.append(
                    {
                        "name": name,
                        "title": spec.title,
                        "rows": int((frame["year"] == year).sum()) if len(frame) else 0,
                        "url": f"/api/v1/{year}/tables/{name}",
                    }
                )
            return {"data_version": snap.version, "year": year, "tables": listed}

        return answer(request, snap, build)

    @v1.get(
        "/{year}/tables/{name}",
        response_model=TableOut,
        summary="A dataset's rows in a year, as JSON or CSV",
        responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with `?format=csv`"}},
    )
    def table(
        request: Request,
        year: Year,
        name: Annotated[str, Path(description="Dataset name, e.g. `ikss_capaian` (see `/{year}/tables`)")],
        fmt: Annotated[Literal["json", "csv"], Query(alias="format", description="`csv`: the rows as CSV")] = "json",
        offset: Offset = 0,
        limit: Limit = DEFAULT_LIMIT,
    ) -> Response:
        """The rows of one dataset for one year, in load order, each with its LKj source (`sumber`).
        A page holds at most `limit` rows; a `Link: <…>; rel="next"` header points to the next page,
        `X-Total-Count` gives the number of rows."""
        snap = store.snapshot()
        if name not in DATASETS:
            raise Problem("unknown-table", f"no dataset '{name}'", tables=sorted(DATASETS))
        _require_year(snap, year, snap.data_years())
        spec = DATASETS[name]
        frame = snap.frames[name]
        rows = frame[frame["year"] == year] if len(frame) else frame
        page = rows.iloc[offset : offset + limit]
        headers = {"X-Total-Count": str(len(rows)), **_link(request, offset, limit, len(rows))}
        if fmt == "csv":
            headers["Content-Disposition"] = f'attachment; filename="{name}_{year}.csv"'

            def build_csv() -> str:
                buf = io.StringIO()
                neutralise_frame(page).to_csv(buf, index=False, lineterminator="\r\n")
                return buf.getvalue()

            return answer(request, snap, build_csv, "text/csv; charset=utf-8", headers)

        def build() -> dict:
            return {
                "data_version": snap.version,
                "year": year,
                "table": name,
                "title": spec.title,
                "columns": [
                    {"name": c.name, "kind": c.kind, "required": c.required, "doc": c.doc} for c in spec.all_columns
                ],
                "total": len(rows),
                "offset": offset,
                "limit": limit,
                "rows": records(page),
            }

        return answer(request, snap, build, headers=headers)

    @v1.get("/{year}/findings", response_model=FindingsOut, summary="The Kualitas Data findings of a year")
    def findings(
        request: Request,
        year: Year,
        severity: Annotated[Literal["error", "warning", "info"] | None, Query(description="Only this severity")] = None,
        offset: Offset = 0,
        limit: Limit = DEFAULT_LIMIT,
    ) -> Response:
        """Every printed total, percentage and repeated figure the report disagrees with, both values
        and the sentence in Indonesian and English: what `python -m kpi checks --year Y --json` prints."""
        from kpi.checks import run_checks

        snap = store.snapshot()
        _require_year(snap, year)

        def build() -> dict:
            report = snap.computed(("checks", year), lambda: run_checks(snap.frames, year))
            found = [f.as_dict() for f in report.findings]
            counts = {s: sum(f["severity"] == s for f in found) for s in ("error", "warning", "info")}
            chosen = [f for f in found if severity is None or f["severity"] == severity]
            return {
                "data_version": snap.version,
                "year": year,
                "total": len(chosen),
                "offset": offset,
                "limit": limit,
                "counts": counts,
                "not_printed_count": len(report.not_printed_figures),
                "findings": [{k: plain(v) for k, v in f.items()} for f in chosen[offset : offset + limit]],
            }

        return answer(request, snap, build)

    @v1.get("/{year}/progress", response_model=ProgressOut, summary="Quarterly progress of a year")
    def progress(
        request: Request,
        year: Year,
        quarter: Annotated[int | None, Query(ge=1, le=4, description="1-4; default the latest loaded")] = None,
    ) -> Response:
        """Every IKSS, IKP, IKK and budget line of a quarter: progress, year-end projection and status,
        what `python -m kpi progress --year Y --json` prints (Pemantauan Triwulan)."""
        from kpi.progress import latest_quarter
        from kpi.progress import progress as compute
        from loaders.triwulan import quarters_loaded

        snap = store.snapshot()
        _require_year(snap, year)
        loaded = quarters_loaded(snap.frames, year)
        chosen = quarter or (latest_quarter(snap.frames, year) if loaded else None)
        if chosen not in loaded:
            raise Problem(
                "unknown-quarter", f"quarter {chosen or '-'} of {year} is not loaded", year=year, quarters=loaded
            )

        def build() -> dict:
            rows = snap.computed(("progress", year, chosen), lambda: compute(snap.frames, year, chosen))
            return {
                "data_version": snap.version,
                "year": year,
                "quarter": chosen,
                "quarters": loaded,
                "rows": [{k: plain(v) for k, v in r.items()} for r in rows],
            }

        return answer(request, snap, build)

    app.include_router(v1)

    @app.get(
        "/api/v1/health",
        response_model=HealthOut,
        summary="Liveness and the data version (no token needed)",
        tags=["operations"],
    )
    def health() -> dict:
        return {"status": "ok", "data_version": store.stamp()[0]}

    # Swagger UI from files shipped in a package (fastapi-offline), not a CDN: ministry networks may have none.
    static = FilePath(fastapi_offline.__file__).parent / "static"
    app.mount(DOCS_STATIC, StaticFiles(directory=static), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Dasbor Kinerja Kemnaker API",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_STATIC}/favicon.png",
        )

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app


__all__ = ["MEDIA_TYPE", "create_app"]
