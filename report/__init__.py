"""The printable report (A4 PDF) and the full Excel workbook of one year, built from the database frames.

``report.pdf.build_pdf(frames, year, lang, data_version)`` and
``report.xlsx.build_workbook(frames, year, lang)`` take ``loaders.db.read_all(engine)`` and
return bytes; nothing here imports Streamlit or touches the database.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine


def data_version(engine: Engine) -> int:
    """The data version the report prints: the one the app's sidebar shows (``loaders.versions.current_version``)."""
    from loaders.versions import current_version

    return current_version(engine)
