"""The one place for paths and settings read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("KEMNAKER_DATA_DIR", ROOT / "data"))
DEFAULT_SQLITE = ROOT / "var" / "dasbor.sqlite"


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
