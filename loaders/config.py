"""The one place for paths and settings read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("KEMNAKER_DATA_DIR", ROOT / "data"))
DEFAULT_SQLITE = ROOT / "var" / "dasbor.sqlite"


class DatabaseNotFound(SQLAlchemyError):
    """``DATABASE_URL`` names a SQLite file that does not exist (a typing error, not a new database)."""


def require_database(url: str) -> None:
    """Refuse a SQLite ``url`` whose file does not exist, rather than let SQLite create it empty.

    Only ``python -m loaders build`` / ``ensure`` create a database (``loaders.db.get_engine(create=True)``);
    the default file of ``make run`` (no ``DATABASE_URL``) is exempt, ``make run`` builds it first.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or url == f"sqlite:///{DEFAULT_SQLITE}":
        return
    name = parsed.database or ""
    if name in ("", ":memory:") or name.startswith("file:"):
        return
    path = Path(name)
    if not path.is_file():
        raise DatabaseNotFound(
            f"DATABASE_URL menunjuk berkas SQLite yang tidak ada: {path.resolve()}. Periksa ejaannya; "
            "berkas tidak dibuat. `python -m loaders build` membangun basis data baru di sana "
            f"(DATABASE_URL names a SQLite file that does not exist: {path.resolve()})."
        )


def database_url() -> str:
    """``DATABASE_URL`` if set (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/test``), else the SQLite file."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Accept the common libpq spelling and use the psycopg 3 driver we install.
        if url.startswith("postgres://"):
            url = "postgresql://" + url.removeprefix("postgres://")
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url
    DEFAULT_SQLITE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE}"


SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"


def setting(name: str, default: str = "") -> str:
    """A setting from the environment, else from ``.streamlit/secrets.toml`` (top-level key), else ``default``."""
    value = os.environ.get(name)
    if value is not None and value.strip() != "":
        return value.strip()
    if SECRETS_FILE.is_file():
        import tomllib

        try:
            secrets = tomllib.loads(SECRETS_FILE.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            return default
        found = secrets.get(name)
        if found is not None and not isinstance(found, dict):
            return str(found).strip()
    return default


def setting_number(name: str, default: float) -> float:
    """A numeric setting (see :func:`setting`); an unreadable value falls back to ``default``."""
    try:
        value = float(setting(name, str(default)).replace("_", ""))
    except ValueError:
        return default
    return value if value == value and value > 0 else default


def setting_flag(name: str, default: bool = False) -> bool:
    """A yes/no setting: ``1``, ``true``, ``yes``, ``ya``, ``on`` mean yes."""
    return setting(name, "1" if default else "0").lower() in ("1", "true", "yes", "ya", "on")
