"""Users, roles and logins for the Kelola Data page.

Roles, each including the ones before it: ``viewer`` (sees the dashboard), ``perencana``
(downloads the template, uploads, previews, publishes), ``admin`` (rolls back, manages users,
reads the audit log). Passwords are stored as argon2id hashes (argon2-cffi).

Failed logins slow down whoever makes them, never the account: after :data:`FREE_FAILURES` failures
of one name from one client (or :data:`FREE_CLIENT_FAILURES` of any names from one client) that client
waits before its next try, 30 seconds doubling up to :data:`LOCKOUT_MINUTES` (table ``login_throttle``).
A visitor who guesses at ``admin`` delays only their own tries; the admin logs in from elsewhere. Every
refusal reads the same whether or not the name exists. Sessions expire after ``DASBOR_SESSION_MINUTES``
(default 480).
Viewing the dashboard requires a login only when ``DASBOR_VIEW_REQUIRES_LOGIN`` is on;
writing always does.

Settings come from the environment or ``.streamlit/secrets.toml`` (:func:`loaders.config.setting`).
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.engine import Connection

from loaders import audit, db
from loaders.config import setting_flag, setting_number

ROLES = ("viewer", "perencana", "admin")
MAX_FAILURES = 5
"""Kept for callers of before: the failures of one name from one client before it waits (:data:`FREE_FAILURES`)."""
FREE_FAILURES = MAX_FAILURES
FREE_CLIENT_FAILURES = 20
"""Failures of one client, whatever the names, before it waits (someone trying many names)."""
FIRST_WAIT_SECONDS = 30
LOCKOUT_MINUTES = 15
"""The longest wait: a backoff doubles from :data:`FIRST_WAIT_SECONDS` up to this."""
FORGET_HOURS = 24
"""A key's failures are forgotten this long after its last failure."""
MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[A-Za-z0-9._@-]{3,100}$")
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")


class AuthError(Exception):
    """A login or user change was refused; the message (Indonesian) can be shown as is."""


class PermissionDenied(AuthError):
    """The user's role does not allow this action."""


@dataclass(frozen=True)
class Actor:
    """Who does something: a logged-in user, or the command line (``role="admin"``)."""

    username: str
    role: str

    def can(self, role: str) -> bool:
        return self.role in ROLES and ROLES.index(self.role) >= ROLES.index(role)

    def require(self, role: str) -> None:
        """Refuse (server side) unless this actor has at least ``role``."""
        if not self.can(role):
            raise PermissionDenied(f"peran '{self.role}' tidak boleh melakukan ini; perlu peran '{role}' atau lebih")


def session_minutes() -> float:
    return setting_number("DASBOR_SESSION_MINUTES", 480)


def view_requires_login() -> bool:
    """``DASBOR_VIEW_REQUIRES_LOGIN``: the whole dashboard behind the login (default: open)."""
    return setting_flag("DASBOR_VIEW_REQUIRES_LOGIN", False)


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back; everything is stored in UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"kata sandi minimal {MIN_PASSWORD} karakter")


def create_user(engine: Engine, username: str, password: str, role: str, by: str = "cli") -> None:
    """Add a user (argon2 hash of the password); refused for a bad name, role, short password or a taken name."""
    if not _USERNAME.match(username or ""):
        raise AuthError("nama pengguna 3-100 karakter: huruf, angka, titik, garis bawah, @ atau tanda minus")
    if role not in ROLES:
        raise AuthError(f"peran harus salah satu dari {', '.join(ROLES)}")
    _check_password(password)
    db.create_schema(engine)
    with engine.begin() as conn:
        taken = conn.execute(select(db.app_user.c.id).where(db.app_user.c.username == username)).first()
        if taken:
            raise AuthError(f"nama pengguna '{username}' sudah dipakai")
        conn.execute(
            insert(db.app_user).values(
                username=username,
                role=role,
                password_hash=_hasher.hash(password),
                active=True,
                failed_attempts=0,
                created_at=_now(),
            )
        )
        audit.record(conn, by, "pengguna", "ok", {"buat": username, "peran": role})


def _change(engine: Engine, username: str, by: str, what: dict, **values) -> None:
    db.create_schema(engine)
    with engine.begin() as conn:
        done = conn.execute(update(db.app_user).where(db.app_user.c.username == username).values(**values))
        if done.rowcount != 1:
            raise AuthError(f"pengguna '{username}' tidak ada")
        if values.get("failed_attempts") == 0:
            lift_backoff(conn, username)
        audit.record(conn, by, "pengguna", "ok", {"ubah": username, **what})


def set_role(engine: Engine, username: str, role: str, by: Actor) -> None:
    by.require("admin")
    if role not in ROLES:
        raise AuthError(f"peran harus salah satu dari {', '.join(ROLES)}")
    _change(engine, username, by.username, {"peran": role}, role=role)


def set_password(engine: Engine, username: str, password: str, by: Actor) -> None:
    """A new password (an admin for anyone, a user for themself); also lifts a lockout."""
    if by.username != username:
        by.require("admin")
    _check_password(password)
    _change(
        engine,
        username,
        by.username,
        {"kata_sandi": "diganti"},
        password_hash=_hasher.hash(password),
        failed_attempts=0,
        locked_until=None,
    )


def set_active(engine: Engine, username: str, active: bool, by: Actor) -> None:
    by.require("admin")
    if username == by.username and not active:
        raise AuthError("tidak dapat menonaktifkan akun sendiri")
    _change(engine, username, by.username, {"aktif": active}, active=active, failed_attempts=0, locked_until=None)


def list_users(engine: Engine) -> pd.DataFrame:
    """Users without their hashes."""
    db.create_schema(engine)
    t = db.app_user
    cols = [
        t.c.username,
        t.c.role,
        t.c.active,
        t.c.failed_attempts,
        t.c.locked_until,
        t.c.created_at,
        t.c.last_login_at,
    ]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(t.c.username)).all()
    return pd.DataFrame(rows, columns=[c.name for c in cols])


_NOT_STORABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
REFUSED = "nama pengguna atau kata sandi salah"


def _client(client: str | None) -> str:
    return _NOT_STORABLE.sub("?", (client or "-").strip())[:100] or "-"


def _keys(client: str, username: str) -> dict[str, tuple[int, str | None]]:
    """The throttle keys of an attempt: ``key -> (free failures, name)``.

    An attempt without a known client (``-``: the command line, a test) has only its name's key: a shared
    ``klien:-`` would let one visitor hold back everyone else.
    """
    typed = _NOT_STORABLE.sub("?", username)[:100]
    keys = {f"pasangan:{client}|{typed}"[:300]: (FREE_FAILURES, typed if _USERNAME.match(typed) else None)}
    if client != "-":
        keys[f"klien:{client}"] = (FREE_CLIENT_FAILURES, None)
    return keys


def _wait_after(failures: int, free: int) -> timedelta | None:
    """The backoff after ``failures`` failures of a key with ``free`` free ones (``None``: no wait yet)."""
    beyond = failures - free
    if beyond <= 0:
        return None
    seconds = FIRST_WAIT_SECONDS * 2 ** min(beyond - 1, 20)
    return timedelta(seconds=min(seconds, LOCKOUT_MINUTES * 60))


def _throttle_rows(conn: Connection, keys) -> dict:
    t = db.login_throttle
    return {r.key: r for r in conn.execute(select(t).where(t.c.key.in_(list(keys)))).all()}


def _blocked_until(conn: Connection, keys, now: datetime) -> datetime | None:
    """The latest moment any of ``keys`` waits for, when it is still in the future."""
    until = [_aware(r.blocked_until) for r in _throttle_rows(conn, keys).values() if r.blocked_until is not None]
    latest = max(until, default=None)
    return latest if latest is not None and latest > now else None


def _count_failure(conn: Connection, keys: dict, now: datetime) -> datetime | None:
    """One more failure for every key; returns until when the client now waits (``None``: it does not)."""
    t = db.login_throttle
    rows = _throttle_rows(conn, keys)
    waits = []
    for key, (free, name) in keys.items():
        row = rows.get(key)
        recent = row is not None and row.last_failure_at is not None
        recent = recent and now - _aware(row.last_failure_at) < timedelta(hours=FORGET_HOURS)
        failures = (row.failures if recent else 0) + 1
        wait = _wait_after(failures, free)
        values = {"failures": failures, "last_failure_at": now, "blocked_until": now + wait if wait else None}
        if row is None:
            conn.execute(insert(t).values(key=key, username=name, **values))
        else:
            conn.execute(update(t).where(t.c.key == key).values(**values))
        if wait:
            waits.append(now + wait)
    return max(waits, default=None)


def _in_words(until: datetime, now: datetime) -> str:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    return f"{seconds} detik" if seconds < 90 else f"{math.ceil(seconds / 60)} menit"


def lift_backoff(conn: Connection, username: str) -> None:
    """Forget the failed logins of ``username`` from every client (a new password, a reactivation)."""
    conn.execute(delete(db.login_throttle).where(db.login_throttle.c.username == username))


def authenticate(engine: Engine, username: str, password: str, client: str | None = None) -> Actor:
    """The user if the password is right; else :class:`AuthError`. Every attempt is in the audit log.

    ``client`` names where the attempt comes from (the page passes the visitor's address). Failures
    slow that client down (see the module doc); a refusal never says whether the name exists, and a
    waiting client is refused before its password is looked at.
    """
    db.create_schema(engine)
    t = db.app_user
    now = _now()
    client = _client(client)
    username = username or ""
    keys = _keys(client, username)
    # The failure is raised only after the transaction commits, so counters and audit rows stay.
    refusal: AuthError | None = None
    with engine.begin() as conn:
        waiting = _blocked_until(conn, keys, now)
        row = None
        if waiting is not None:
            audit.record(conn, username, "login", "terkunci", {"klien": client, "sampai": waiting.isoformat()})
            refusal = AuthError(f"terlalu banyak percobaan masuk yang gagal; coba lagi dalam {_in_words(waiting, now)}")
        else:
            if _USERNAME.match(username):
                row = conn.execute(select(t).where(t.c.username == username)).first()
            if row is None or not row.active:
                with contextlib.suppress(VerificationError):
                    _hasher.verify(_DUMMY_HASH, password or "")
                reason = {"alasan": "pengguna tidak dikenal atau nonaktif"}
            elif not _verify(row.password_hash, password):
                conn.execute(update(t).where(t.c.id == row.id).values(failed_attempts=row.failed_attempts + 1))
                reason = {"alasan": "kata sandi salah", "percobaan": row.failed_attempts + 1}
            else:
                reason = None
                values = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
                if _hasher.check_needs_rehash(row.password_hash):
                    values["password_hash"] = _hasher.hash(password)
                conn.execute(update(t).where(t.c.id == row.id).values(**values))
                pair = [k for k in keys if k.startswith("pasangan:")]
                conn.execute(delete(db.login_throttle).where(db.login_throttle.c.key.in_(pair)))
                audit.record(conn, username, "login", "ok", {"peran": row.role, "klien": client})
            if reason is not None:
                until = _count_failure(conn, keys, now)
                audit.record(conn, username, "login", "gagal", {**reason, "klien": client})
                later = f"; coba lagi dalam {_in_words(until, now)}" if until else ""
                refusal = AuthError(REFUSED + later)
    if refusal is not None:
        raise refusal
    return Actor(row.username, row.role)


def _verify(stored: str, password: str | None) -> bool:
    try:
        return _hasher.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# --------------------------------------------------------------------------- sessions (a plain mapping)

SESSION_KEY = "kelola_user"


def start_session(state: MutableMapping, actor: Actor) -> None:
    """Remember the logged-in user in ``state`` (``st.session_state``) with the login time."""
    state[SESSION_KEY] = {"username": actor.username, "role": actor.role, "since": _now().isoformat()}


def end_session(state: MutableMapping) -> None:
    state.pop(SESSION_KEY, None)


def session_actor(state: MutableMapping, engine: Engine | None = None) -> Actor | None:
    """The logged-in user of ``state``, or ``None`` when nobody is or the session expired.

    With ``engine`` the role is re-read from the database, so a demoted or deactivated user
    loses rights at once rather than at the end of the session.
    """
    info = state.get(SESSION_KEY)
    if not info:
        return None
    since = datetime.fromisoformat(info["since"])
    if _now() - since > timedelta(minutes=session_minutes()):
        end_session(state)
        return None
    if engine is None:
        return Actor(info["username"], info["role"])
    db.create_schema(engine)
    with engine.connect() as conn:
        row = conn.execute(
            select(db.app_user.c.role, db.app_user.c.active).where(db.app_user.c.username == info["username"])
        ).first()
    if row is None or not row.active:
        end_session(state)
        return None
    return Actor(info["username"], row.role)
