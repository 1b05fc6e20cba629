"""Bearer tokens of the read-only API: one user each, stored hashed, revocable, audited.

A token is ``dsb_`` and 43 URL-safe characters (256 random bits). It is shown once, when it is
made (``python -m loaders create-token NAME``); the database keeps its sha256 and its first
:data:`PREFIX_LEN` characters, which tell tokens apart in lists and in the audit log. A fast hash
is enough here, unlike for passwords (argon2 in :mod:`loaders.auth`): 256 random bits cannot be
guessed from their hash, and the API checks a token on every request.

A token works while it is not revoked and its user exists and is active: deactivating a user
stops their tokens too. Making and revoking a token, and every refused token, are in the audit
log (action ``token``); a token's last use is kept to the minute (:data:`LAST_USED_EVERY`), so
reading does not write on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime, timedelta

import pandas as pd
from sqlalchemy import Engine, insert, select, update

from loaders import audit, db
from loaders.auth import Actor, _aware

PREFIX = "dsb_"
PREFIX_LEN = 12
"""``dsb_`` and the first 8 random characters: what lists and the audit log show of a token."""
LAST_USED_EVERY = timedelta(minutes=1)
_SHAPE = re.compile(r"^dsb_[A-Za-z0-9_-]{43}$")


class TokenError(Exception):
    """A token was refused, or a token change was; the message (Indonesian) can be shown as is."""


def _now() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    """The sha256 (hex) the database keeps of ``token``."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(engine: Engine, username: str, label: str = "", by: str = "cli") -> tuple[int, str]:
    """A new token for the active user ``username``: ``(id, token)``; the token is not stored and cannot be shown again."""
    db.create_schema(engine)
    token = PREFIX + secrets.token_urlsafe(32)
    u = db.app_user
    with engine.begin() as conn:
        user = conn.execute(select(u.c.id, u.c.active).where(u.c.username == username)).first()
        if user is None:
            raise TokenError(f"pengguna '{username}' tidak ada; buat dulu dengan: python -m loaders create-user")
        if not user.active:
            raise TokenError(f"pengguna '{username}' nonaktif")
        result = conn.execute(
            insert(db.api_token).values(
                user_id=user.id,
                label=(label or "")[:200],
                token_hash=token_hash(token),
                prefix=token[:PREFIX_LEN],
                created_at=_now(),
                created_by=by[:200],
            )
        )
        token_id = int(result.inserted_primary_key[0])
        audit.record(
            conn,
            by,
            "token",
            "ok",
            {"buat": token_id, "pengguna": username, "awal": token[:PREFIX_LEN], "label": label},
        )
    return token_id, token


def revoke_token(engine: Engine, token_id: int, by: str = "cli") -> None:
    """Revoke one token (by its id); refused when there is no such token or it is already revoked."""
    db.create_schema(engine)
    t = db.api_token
    with engine.begin() as conn:
        row = conn.execute(select(t.c.id, t.c.prefix, t.c.revoked_at).where(t.c.id == token_id)).first()
        if row is None:
            raise TokenError(f"token {token_id} tidak ada")
        if row.revoked_at is not None:
            raise TokenError(f"token {token_id} sudah dicabut")
        conn.execute(update(t).where(t.c.id == token_id).values(revoked_at=_now(), revoked_by=by[:200]))
        audit.record(conn, by, "token", "ok", {"cabut": token_id, "awal": row.prefix})


def revoke_user_tokens(engine: Engine, username: str, by: str = "cli") -> list[int]:
    """Revoke every live token of ``username``; the ids revoked (none is not an error)."""
    db.create_schema(engine)
    t, u = db.api_token, db.app_user
    with engine.begin() as conn:
        ids = [
            int(r.id)
            for r in conn.execute(
                select(t.c.id).join(u, u.c.id == t.c.user_id).where(u.c.username == username, t.c.revoked_at.is_(None))
            )
        ]
        if ids:
            conn.execute(update(t).where(t.c.id.in_(ids)).values(revoked_at=_now(), revoked_by=by[:200]))
            audit.record(conn, by, "token", "ok", {"cabut": ids, "pengguna": username})
    return ids


def list_tokens(engine: Engine) -> pd.DataFrame:
    """Every token, newest first, without hashes: id, user, label, prefix, made, last used, revoked."""
    db.create_schema(engine)
    t, u = db.api_token, db.app_user
    cols = [
        t.c.id,
        u.c.username,
        t.c.label,
        t.c.prefix,
        t.c.created_at,
        t.c.created_by,
        t.c.last_used_at,
        t.c.revoked_at,
        t.c.revoked_by,
    ]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).join(u, u.c.id == t.c.user_id).order_by(t.c.id.desc())).all()
    return pd.DataFrame(rows, columns=[c.name for c in cols])


def verify_token(engine: Engine, token: str) -> Actor:
    """The user a live token belongs to, else :class:`TokenError`. Refusals are audited.

    The comparison is by hash lookup (the hash of a wrong token matches no row) and then
    ``hmac.compare_digest`` on the stored hash, so timing tells nothing about a stored token.
    """
    token = (token or "").strip()
    if not _SHAPE.match(token):
        # not one of ours at all (nothing to look up): refused without a database write
        raise TokenError("token tidak dikenal")
    digest = token_hash(token)
    t, u = db.api_token, db.app_user
    now = _now()
    with engine.begin() as conn:
        row = conn.execute(
            select(t.c.id, t.c.token_hash, t.c.revoked_at, t.c.last_used_at, u.c.username, u.c.role, u.c.active)
            .join(u, u.c.id == t.c.user_id)
            .where(t.c.token_hash == digest)
        ).first()
        shown = token[:PREFIX_LEN]
        if row is None or not hmac.compare_digest(row.token_hash, digest):
            audit.record(conn, "-", "token", "ditolak", {"awal": shown, "alasan": "tidak dikenal"})
            refusal = "token tidak dikenal"
        elif row.revoked_at is not None:
            audit.record(conn, row.username, "token", "ditolak", {"token": row.id, "alasan": "dicabut"})
            refusal = f"token {shown}… sudah dicabut"
        elif not row.active:
            audit.record(conn, row.username, "token", "ditolak", {"token": row.id, "alasan": "pengguna nonaktif"})
            refusal = f"pengguna '{row.username}' nonaktif"
        else:
            refusal = None
            last = _aware(row.last_used_at)
            if last is None or now - last >= LAST_USED_EVERY:
                conn.execute(update(t).where(t.c.id == row.id).values(last_used_at=now))
    if refusal is not None:
        raise TokenError(refusal)
    return Actor(row.username, row.role)
