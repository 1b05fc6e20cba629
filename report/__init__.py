"""The printable report (A4 PDF) and the full Excel workbook of one year, built from the database frames.

``report.pdf.build_pdf(frames, year, lang, data_version)`` and
``report.xlsx.build_workbook(frames, year, lang)`` take ``loaders.db.read_all(engine)`` and
return bytes; nothing here imports Streamlit or touches the database.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from loaders import db


def data_version(engine: Engine) -> int:
    """The id of the latest load, as ``ui.data.data_version`` gives it to the app (0 when nothing is loaded)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(db.data_load.c.load_id), 0))).scalar_one())
