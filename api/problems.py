"""Errors as JSON problem details (RFC 9457): ``application/problem+json`` with type, title, status, detail.

Each kind of problem of this API has a code; its ``type`` is ``/api/v1/problems/<code>``, a page
that says what it means (:data:`PROBLEMS`). Other HTTP errors (an unknown path, a wrong method)
are ``about:blank`` problems with the status's own title.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

MEDIA_TYPE = "application/problem+json"
BASE = "/api/v1/problems/"

PROBLEMS: dict[str, tuple[int, str, str]] = {
    "unknown-year": (404, "Unknown year", "The year is not loaded; `years` lists the loaded report years."),
    "unknown-table": (404, "Unknown table", "No dataset has this name; `tables` lists the datasets."),
    "unknown-quarter": (
        404,
        "Unknown quarter",
        "The quarter is not loaded for that year; `quarters` lists those that are.",
    ),
    "token-required": (
        401,
        "Token required",
        "Viewing requires a login (DASBOR_VIEW_REQUIRES_LOGIN), so the API needs `Authorization: Bearer <token>`; "
        "an administrator makes one with `python -m loaders create-token NAME`.",
    ),
    "token-refused": (401, "Token refused", "The token is unknown, revoked, or its user is deactivated."),
    "invalid-request": (
        422,
        "Invalid request",
        "A path or query parameter is malformed or out of range; see `errors`.",
    ),
    "database-unavailable": (503, "Database unavailable", "The database did not answer; try again shortly."),
    "not-available": (
        404,
        "Not available",
        "This part of the report is not built in this installation yet.",
    ),
}
"""code -> (status, title, what it means)."""


class Problem(Exception):
    """Raised by an endpoint: answered as a problem document of kind ``code`` (extra members in ``extra``)."""

    def __init__(self, code: str, detail: str, headers: dict[str, str] | None = None, **extra: object):
        super().__init__(detail)
        self.code = code
        self.status, self.title, _ = PROBLEMS[code]
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
    **extra: object,
) -> JSONResponse:
    body = {"type": type_, "title": title, "status": status, "detail": detail, "instance": request.url.path, **extra}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


async def _on_problem(request: Request, exc: Problem) -> JSONResponse:
    return problem_response(
        request, exc.status, exc.title, exc.detail, BASE + exc.code, headers=exc.headers, **exc.extra
    )


async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    title = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else title
    return problem_response(request, exc.status_code, title, detail, headers=getattr(exc, "headers", None))


async def _on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", ""), "input": e.get("input")}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"where": "?", "message": "invalid"}
    status, title, _ = PROBLEMS["invalid-request"]
    return problem_response(
        request,
        status,
        title,
        f"{first['where']}: {first['message']}",
        BASE + "invalid-request",
        errors=[{k: v for k, v in e.items() if isinstance(v, (str, int, float, type(None)))} for e in errors],
    )


async def _on_database(request: Request, exc: OperationalError) -> JSONResponse:
    status, title, _ = PROBLEMS["database-unavailable"]
    detail = f"{type(exc.orig).__name__ if exc.orig else 'OperationalError'}: the database did not answer"
    return problem_response(request, status, title, detail, BASE + "database-unavailable", headers={"Retry-After": "5"})


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` as a problem document, and describe each problem type at its URL."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    app.add_exception_handler(OperationalError, _on_database)

    @app.get(BASE + "{code}", include_in_schema=False)
    def describe(code: str) -> dict:
        if code not in PROBLEMS:
            raise StarletteHTTPException(404, f"no problem type '{code}'")
        status, title, meaning = PROBLEMS[code]
        return {"type": BASE + code, "status": status, "title": title, "meaning": meaning}
