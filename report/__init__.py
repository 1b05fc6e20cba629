"""The printable report (A4 PDF) and the full Excel workbook of one year, built from the database frames.

``report.pdf.build_pdf(frames, year, lang, data_version)`` and
``report.xlsx.build_workbook(frames, year, lang)`` take ``loaders.db.read_all(engine)`` and
return bytes; nothing here imports Streamlit or touches the database.
"""
