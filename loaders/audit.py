"""The audit log: append-only from the application (this module has no update or delete path).

Actions: ``login`` (ok/gagal/terkunci), ``upload``, ``validasi``, ``publikasi``, ``rollback``,
``pengguna`` (user created, role changed, password set, deactivated). ``detail`` is JSON.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select
from sqlalchemy.engine import Connection

from loaders import db

_NOT_STORABLE = re.compile("[\x00\ud800-\udfff]")
"""What no database text column takes: NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8)."""
MAX_DETAIL = 20_000
"""Characters of ``detail`` kept: a hostile file or user name cannot make the log grow without bound."""


def storable(text: str, limit: int) -> str:
    """``text`` as any database stores it: NUL and lone surrogates as U+FFFD, at most ``limit`` characters.

    The log keeps what was typed (a login name with a formula or a control character is evidence);
    outputs neutralise it (``loaders.workbook.neutralise``) and the pages show it as text.
    """
    return _NOT_STORABLE.sub("\ufffd", text[:limit])


def record(conn: Connection | Engine, username: str, action: str, outcome: str, detail: dict | None = None) -> None:
    """Append one row; inside ``conn``'s transaction when a connection is given (so it commits with the change)."""
    stmt = insert(db.audit_log).values(
        at=datetime.now(UTC),
        username=storable(username or "-", 200),
        action=action[:50],
        outcome=outcome[:20],
        detail=storable(json.dumps(detail or {}, ensure_ascii=False, default=str), MAX_DETAIL),
    )
    if isinstance(conn, Engine):
        db.create_schema(conn)
        with conn.begin() as c:
            c.execute(stmt)
    else:
        conn.execute(stmt)


def read(engine: Engine, limit: int | None = 5000, action: str | None = None) -> pd.DataFrame:
    """The newest rows first (at most ``limit``), optionally of one action."""
    db.create_schema(engine)
    t = db.audit_log
    stmt = select(t.c.id, t.c.at, t.c.username, t.c.action, t.c.outcome, t.c.detail).order_by(t.c.id.desc())
    if action:
        stmt = stmt.where(t.c.action == action)
    if limit:
        stmt = stmt.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame(rows, columns=["id", "at", "username", "action", "outcome", "detail"])
