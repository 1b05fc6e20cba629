"""Follow-up notes (catatan tindak lanjut) on an indicator or budget line in a quarter: who, when, what.

A perencana or admin answers an early warning of the Pemantauan Triwulan page with a short note.
Notes are plain text, one paragraph of at most :data:`MAX_NOTE` characters; they are appended, never
edited, and every note is written together with its audit row (action ``catatan``) in one
transaction. They live beside the data (table ``triwulan_note``), not in its versions: publishing
a corrected quarter keeps the answers given to it.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from loaders import audit, db
from loaders.auth import Actor
from loaders.schema import Col
from loaders.triwulan_codes import BUDGET_LEVELS, INDICATOR_LEVELS
from loaders.validate import text_problem

MAX_NOTE = 1000
LEVELS = (*INDICATOR_LEVELS, *BUDGET_LEVELS)
_NOTE = Col("note", length=MAX_NOTE)
COLUMNS = ["id", "year", "quarter", "level", "code", "note", "author", "created_at"]


class NoteError(ValueError):
    """A note was refused; the message (Indonesian) says why. Nothing was written."""


def clean_note(text: str) -> str:
    """The note as stored: stripped, NFC, inner whitespace runs as one space; :class:`NoteError` when unusable."""
    if not isinstance(text, str):
        raise NoteError("catatan harus berupa teks")
    # line breaks and runs of spaces typed in a text area become one space: a note is one paragraph of plain text
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    if not flat:
        raise NoteError("catatan kosong: tulis tindak lanjutnya")
    wrong = text_problem(flat, _NOTE)
    if wrong is not None:
        raise NoteError(f"catatan ditolak: {wrong}")
    return flat


def add_note(engine: Engine, actor: Actor, year: int, quarter: int, level: str, code: str, text: str) -> int:
    """Append a note by ``actor`` (perencana or admin) and its audit row in one transaction; return its id."""
    actor.require("perencana")
    if level not in LEVELS:
        raise NoteError(f"level '{level}' tidak dikenal; yang sah: {', '.join(LEVELS)}")
    if int(quarter) not in (1, 2, 3, 4):
        raise NoteError(f"triwulan harus 1-4, bukan {quarter}")
    code = str(code).strip()
    if not code or len(code) > 100:
        raise NoteError("kode indikator kosong atau terlalu panjang")
    note = clean_note(text)
    db.create_schema(engine)
    with engine.begin() as conn:
        result = conn.execute(
            insert(db.triwulan_note).values(
                year=int(year),
                quarter=int(quarter),
                level=level,
                code=code,
                note=note,
                author=audit.storable(actor.username, 200),
                created_at=datetime.now(UTC),
            )
        )
        note_id = int(result.inserted_primary_key[0])
        audit.record(
            conn,
            actor.username,
            "catatan",
            "ok",
            {
                "id": note_id,
                "tahun": int(year),
                "triwulan": int(quarter),
                "level": level,
                "kode": code,
                "catatan": note,
            },
        )
    return note_id


def read_notes(engine: Engine, year: int | None = None) -> pd.DataFrame:
    """The notes (of ``year``), oldest first, with ``created_at`` in UTC; none in a database made before notes."""
    t = db.triwulan_note
    stmt = select(*[t.c[c] for c in COLUMNS]).order_by(t.c.id)
    if year is not None:
        stmt = stmt.where(t.c.year == int(year))
    try:
        with engine.connect() as conn:
            rows = conn.execute(stmt).all()
    except (OperationalError, ProgrammingError):  # the table does not exist yet: no note was ever written
        rows = []
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True)
    return frame


def notes_stamp(engine: Engine) -> int:
    """The id of the newest note (0 when none): part of the page's cache key, so a new note is seen at once."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(db.triwulan_note.c.id), 0))).scalar_one())
    except (OperationalError, ProgrammingError):
        return 0
