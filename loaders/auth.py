"""Users, roles and logins for the Kelola Data page.

Roles, each including the ones before it: ``viewer`` (sees the dashboard), ``perencana``
(downloads the template, uploads, previews, publishes), ``admin`` (rolls back, manages users,
reads the audit log). Passwords are stored as argon2id hashes (argon2-cffi). After
:data:`MAX_FAILURES` wrong passwords in a row an account is locked for
:data:`LOCKOUT_MINUTES`. Sessions expire after ``DASBOR_SESSION_MINUTES`` (default 480).
Viewing the dashboard requires a login only when ``DASBOR_VIEW_REQUIRES_LOGIN`` is on;
writing always does.

Settings come from the environment or ``.streamlit/secrets.toml`` (:func:`loaders.config.setting`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, insert, select, update

from loaders import audit, db
from loaders.config import setting_flag, setting_number

ROLES = ("viewer", "perencana", "admin")
MAX_FAILURES = 5
LOCKOUT_MINUTES = 15
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


def authenticate(engine: Engine, username: str, password: str) -> Actor:
    """The user if the password is right; else :class:`AuthError`. Every attempt is in the audit log.

    A wrong password counts towards the lockout; the 5th in a row locks the account for 15
    minutes, during which even the right password is refused.
    """
    db.create_schema(engine)
    t = db.app_user
    now = _now()
    # The failure is raised only after the transaction commits, so counters and audit rows stay.
    refusal: AuthError | None = None
    with engine.begin() as conn:
        row = conn.execute(select(t).where(t.c.username == username)).first()
        locked = _aware(row.locked_until) if row is not None else None
        if row is None or not row.active:
            with contextlib.suppress(VerificationError):
                _hasher.verify(_DUMMY_HASH, password or "")
            audit.record(conn, username, "login", "gagal", {"alasan": "pengguna tidak dikenal atau nonaktif"})
            refusal = AuthError("nama pengguna atau kata sandi salah")
        elif locked is not None and locked > now:
            audit.record(conn, username, "login", "terkunci", {"sampai": locked.isoformat()})
            minutes = max(1, int((locked - now).total_seconds() // 60) + 1)
            refusal = AuthError(f"akun terkunci karena terlalu banyak percobaan gagal; coba lagi dalam {minutes} menit")
        elif not _verify(row.password_hash, password):
            failures = (0 if locked is not None else row.failed_attempts) + 1
            values: dict = {"failed_attempts": failures, "locked_until": None}
            if failures >= MAX_FAILURES:
                values["locked_until"] = now + timedelta(minutes=LOCKOUT_MINUTES)
            conn.execute(update(t).where(t.c.id == row.id).values(**values))
            audit.record(conn, username, "login", "gagal", {"alasan": "kata sandi salah", "percobaan": failures})
            refusal = AuthError(
                f"kata sandi salah {failures} kali; akun dikunci {LOCKOUT_MINUTES} menit"
                if failures >= MAX_FAILURES
                else "nama pengguna atau kata sandi salah"
            )
        else:
            values = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
            if _hasher.check_needs_rehash(row.password_hash):
                values["password_hash"] = _hasher.hash(password)
            conn.execute(update(t).where(t.c.id == row.id).values(**values))
            audit.record(conn, username, "login", "ok", {"peran": row.role})
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
