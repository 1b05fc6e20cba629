"""The editable Word draft of the next LKj: its structure, every regenerated table, a factual paragraph each.

``build_docx(frames, year, lang, data_version)`` returns a .docx that follows the LKj's outline
(Kata Pengantar, Daftar Isi, Ringkasan Eksekutif, Bab I-IV, Lampiran) with every table of Bab II,
Bab III and Lampiran 5, 6 and 8 from ``report.tables.regenerate``: numbered and titled as printed,
written as Word tables in Word styles (``Table Grid``, headings, captions), never as pictures, so
the planners edit them like any other table. After each table: its source, the factual paragraph
and a marked place for the writer's analysis (style ``Analisis Penulis``). The texts are in
``views/catalogue/draft.py``; the draft is written in Bahasa Indonesia unless ``lang="en"``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping, Sequence

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kpi.format import fmt_number
from kpi.headline import headline
from report.tables import ReportTable, by_key, regenerate
from views.i18n import texts

WRITER_STYLE = "Analisis Penulis"
SOURCE_STYLE = "Sumber Tabel"
CELL_STYLE = "Isi Tabel"
CELL_STYLE_ID = "IsiTabel"
HEADER_FILL = "D9E2F3"
TEXT_WIDTH_CM = 17.0
"""A4 portrait less 2 cm margins each side."""

OUTLINE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bab2_1", ("T2.1",)),
    ("bab2_2", ("T2.2", "T2.3", "T2.4")),
)
"""Bab II: each section heading and the tables under it."""

BAB3: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("bab3_1", 2, ("T3.1", "T3.2")),
    ("bab3_2", 2, ()),
    ("bab3_2_1", 3, ("T3.3", "T3.4", "T3.5", "T3.6", "T3.7", "T3.8", "T3.9", "T3.10", "T3.11", "T3.12", "T3.13", "T3.14", "T3.15")),
    ("bab3_2_2", 3, ("T3.16", "T3.17", "T3.18", "T3.19")),
    ("bab3_3", 2, ("T3.20", "T3.21", "T3.22", "T3.23")),
    ("bab3_4", 2, ("T3.24",)),
)  # fmt: skip
"""Bab III: section heading, its level, the tables under it."""


# ---------------------------------------------------------------- styles


def _shade(element, fill: str) -> None:
    """Background colour of a paragraph (``w:pPr``) or a table cell (``w:tcPr``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element.append(shd)


def _styles(doc: Document) -> None:
    """The document's own styles: body font, headings, the writer's placeholder, table text and sources."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        h = styles[f"Heading {level}"]
        h.font.name, h.font.size, h.font.bold = "Arial", Pt(size), True
        h.font.color.rgb = RGBColor(0x0B, 0x4F, 0x8A)
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = styles["Caption"]
    caption.font.name, caption.font.size, caption.font.bold, caption.font.italic = "Arial", Pt(10), True, False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(2)

    writer = styles.add_style(WRITER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    writer.base_style = normal
    writer.font.italic = True
    writer.font.color.rgb = RGBColor(0x9C, 0x57, 0x00)
    _shade(writer.element.get_or_add_pPr(), "FFF2CC")

    source = styles.add_style(SOURCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = normal
    source.font.size, source.font.italic = Pt(8), True
    source.paragraph_format.space_before = Pt(2)

    cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(8)
    cell.paragraph_format.space_after = Pt(0)
    assert cell.style_id == CELL_STYLE_ID, cell.style_id


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (``PAGE``, ``TOC``) that Word fills in when the document is opened or updated."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(sep)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


# ---------------------------------------------------------------- tables


CHAR_CM = 0.17
"""Width of a digit of the 8 pt table font; a column is sized by the characters it must hold."""
HEADER_CHAR = 1.25
PAD_CM = 0.55
"""Both cell margins and a little air."""


def _widths(table: ReportTable, available: float) -> list[float]:
    """Column widths (cm): a number column as wide as its longest figure, every column at least its longest
    header word; the text columns share what is left by their length, so labels wrap and figures never do."""
    display, right, bold = table.table.display, set(table.table.right), set(table.bold)
    need, share = [], []
    for j, col in enumerate(display.columns):
        values = [str(v) for i, v in enumerate(display[col]) if i not in bold or col in right]
        # header words are bold capitals, about a quarter wider than the body's digits
        words = [math.ceil(len(w) * HEADER_CHAR) for w in str(col).split()] or [1]
        if j == 0 and col.rstrip(". ").upper() == "NO" and len(display.columns) > 1:
            # a row number column stays narrow; a total's label written in it spans the empty cells after it
            nxt = display[display.columns[1]]
            kept = [str(v) for i, v in enumerate(display[col]) if not (i in bold and str(nxt.iloc[i]) == "")]
            need.append(max([*words, *(len(w) for v in kept for w in v.split())]) * CHAR_CM + PAD_CM)
            share.append(0.0)
        elif col in right:
            need.append(max([max(words), *(len(v) for v in values)]) * CHAR_CM + PAD_CM)
            share.append(0.0)
        else:
            longest_word = max([*words, *(len(w) for v in values for w in v.split())], default=1)
            need.append(min(longest_word, 18) * CHAR_CM + PAD_CM)
            share.append(float(min(max((len(v) for v in values), default=1), 80)))
    spare = available - sum(need)
    if spare <= 0 or not any(share):
        scale = available / sum(need)
        return [w * scale for w in need]
    total = sum(share)
    return [w + spare * x / total for w, x in zip(need, share, strict=True)]


def _merge_labels(doc_table, table: ReportTable, first_body: int) -> None:
    """A total row's label spans the empty text cells after it, as the report prints it (``TOTAL``, ``Nilai Total``)."""
    right = set(table.table.right)
    columns = table.columns
    for i in table.bold:
        values = list(table.table.display.iloc[i])
        j = 0
        while j < len(columns):
            k = j
            while k + 1 < len(columns) and values[k + 1] == "" and columns[k + 1] not in right and values[j] != "":
                k += 1
            if k > j:
                cells = doc_table.rows[first_body + i].cells
                merged = cells[j].merge(cells[k])
                for extra in merged.paragraphs[1:]:  # the merged cells' empty paragraphs
                    extra._p.getparent().remove(extra._p)
            j = k + 1


def _header(doc_table, table: ReportTable) -> int:
    """The header rows: the printed group row (merged over its columns) and the column row. Returns their count."""
    columns = table.columns
    rows = 2 if table.groups else 1
    for r in range(rows):
        tr = doc_table.rows[r]._tr
        pr = tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")  # repeated on every page the table runs over
        pr.append(flag)
    if table.groups:
        top, bottom = doc_table.rows[0].cells, doc_table.rows[1].cells
        j = 0
        for label, span in table.groups:
            if span == 1 and label == columns[j]:
                merged = top[j].merge(bottom[j])
            else:
                merged = top[j].merge(top[j + span - 1]) if span > 1 else top[j]
                for k in range(j, j + span):
                    _cell_text(bottom[k], columns[k], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            _cell_text(merged, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            j += span
    else:
        for j, col in enumerate(columns):
            _cell_text(doc_table.rows[0].cells[j], col, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for r in range(rows):
        for tc in doc_table.rows[r]._tr.tc_lst:  # each cell once: a merged cell is listed once per column
            _shade(tc.get_or_add_tcPr(), HEADER_FILL)
    return rows


def _cell_text(cell, text: str, bold: bool = False, align=None, indent: int = 0) -> None:
    """A cell's text in the table style; line breaks kept (a cell listing several indicators)."""
    paragraph = cell.paragraphs[0]
    # the style by its id: python-docx looks a style name up over all styles each time (seconds for Lampiran 6)
    paragraph._p.style = CELL_STYLE_ID
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.left_indent = Cm(0.3 * indent)
    for i, line in enumerate(str(text).split("\n")):
        if i:
            paragraph.add_run().add_break()  # a line break inside the cell (w:br), read back as "\n"
        run = paragraph.add_run(line)
        run.bold = bold


def write_table(doc: Document, table: ReportTable, available: float = TEXT_WIDTH_CM) -> None:
    """One regenerated table as a Word table: header rows, body as printed, numbers right-aligned, totals bold."""
    display = table.table.display
    widths = _widths(table, available)
    n_header = 2 if table.groups else 1
    doc_table = doc.add_table(rows=n_header + len(display), cols=len(display.columns))
    doc_table.style = "Table Grid"
    doc_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # LibreOffice lays a table out by its grid columns, Word by the cells' widths: both are set, before merging
    doc_table.autofit = False
    for column, width in zip(doc_table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in doc_table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    _header(doc_table, table)
    right = set(table.table.right)
    bold = set(table.bold)
    label_col = next(
        (
            j
            for j, c in enumerate(display.columns)
            if c not in right and j > 0 and display.columns[0] in ("NO", "NO.", "No")
        ),
        0,
    )
    for i, (row, values) in enumerate(zip(doc_table.rows[n_header:], display.itertuples(index=False), strict=True)):
        cells = row.cells
        for j, (col, value) in enumerate(zip(display.columns, values, strict=True)):
            _cell_text(
                cells[j],
                value,
                bold=i in bold,
                align=WD_ALIGN_PARAGRAPH.RIGHT if col in right else None,
                indent=table.indent[i] if j == label_col and i < len(table.indent) else 0,
            )
    _merge_labels(doc_table, table, n_header)


def _caption(doc: Document, table: ReportTable, lampiran: bool) -> None:
    if lampiran:
        doc.add_paragraph(table.title, style="Caption")
        return
    doc.add_paragraph(table.number, style="Caption")
    doc.add_paragraph(table.title, style="Caption")


def _block(doc: Document, table: ReportTable, s, version: object, lampiran: bool = False) -> None:
    """Caption, table, source, factual paragraph and the writer's placeholder."""
    _caption(doc, table, lampiran)
    if not table.available:
        doc.add_paragraph(s("not_in_db", n=table.number), style=WRITER_STYLE)
        return
    section = doc.sections[-1]
    write_table(doc, table, (section.page_width - section.left_margin - section.right_margin) / 360000)
    doc.add_paragraph(s("source", what=table.number, v=version), style=SOURCE_STYLE)
    if table.paragraph:
        doc.add_paragraph(table.paragraph)
    doc.add_paragraph(s("writer"), style=WRITER_STYLE)


# ---------------------------------------------------------------- the document


def _cover(doc: Document, s, year: int, version: object) -> None:
    for _ in range(6):
        doc.add_paragraph()
    for key, size in (("doc_title", 26), ("doc_ministry", 16), ("doc_year", 16)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(s(key, y=year))
        run.bold, run.font.size = True, Pt(size)
        run.font.color.rgb = RGBColor(0x0B, 0x4F, 0x8A)
    doc.add_paragraph()
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    note = doc.add_paragraph(s("doc_draft", v=version, when=when), style=WRITER_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _executive(frames: Mapping[str, pd.DataFrame], year: int, lang: str, s) -> str:
    h = headline(frames, year)

    def pct(v: object) -> str:
        return "–" if v is None else fmt_number(v, 2, lang) + " %"

    return s(
        "exec_facts",
        y=year,
        ss1=pct(h.get("ss1_capaian_pct")),
        ss2=pct(h.get("ss2_capaian_pct")),
        avg=pct(h.get("overall_capaian_pct")),
        abs=pct(h.get("budget_absorption_pct")),
        r=fmt_number(h.get("budget_realisasi_rp"), 0, lang),
        p=fmt_number(h.get("budget_pagu_rp"), 0, lang),
    )


def build_docx(
    frames: Mapping[str, pd.DataFrame],
    year: int,
    lang: str = "id",
    data_version: int | None = None,
    tables: Sequence[ReportTable] | None = None,
) -> bytes:
    """The Word draft of the LKj of ``year`` (see the module docstring), as .docx bytes."""
    s = texts("draft", lang)
    version = data_version if data_version is not None else "–"
    tabs = by_key(tables if tables is not None else regenerate(frames, year, lang))
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    section.header.paragraphs[0].text = f"{s('doc_title').title()} {s('doc_ministry').title()} {year} — DRAF"
    section.header.paragraphs[0].style = SOURCE_STYLE
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")

    _cover(doc, s, year, version)
    doc.add_heading(s("preface"), level=1)
    doc.add_paragraph(s("writer_text"), style=WRITER_STYLE)
    doc.add_heading(s("toc"), level=1)
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', s("toc_hint"))
    doc.add_heading(s("exec_summary"), level=1)
    doc.add_paragraph(_executive(frames, year, lang, s))
    doc.add_paragraph(s("writer"), style=WRITER_STYLE)

    doc.add_heading(s("bab1"), level=1)
    for key in ("bab1_1", "bab1_2", "bab1_3", "bab1_4", "bab1_5"):
        doc.add_heading(s(key, y=year), level=2)
        doc.add_paragraph(s("writer_text"), style=WRITER_STYLE)

    doc.add_heading(s("bab2"), level=1)
    for key, keys in OUTLINE:
        doc.add_heading(s(key, y=year), level=2)
        doc.add_paragraph(s("writer_text"), style=WRITER_STYLE)
        for k in keys:
            _block(doc, tabs[k], s, version)

    doc.add_heading(s("bab3"), level=1)
    for key, level, keys in BAB3:
        doc.add_heading(s(key, y=year), level=level)
        if keys:
            doc.add_paragraph(s("writer_text"), style=WRITER_STYLE)
        for k in keys:
            _block(doc, tabs[k], s, version)

    doc.add_heading(s("bab4"), level=1)
    doc.add_paragraph(_executive(frames, year, lang, s))
    doc.add_paragraph(s("writer_text"), style=WRITER_STYLE)

    # the appendices' wide tables (Lampiran 6: eight columns of figures) on landscape pages
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
    heading = doc.add_heading(s("lampiran"), level=1)
    heading.paragraph_format.page_break_before = False
    for key in ("lamp_1", "lamp_2"):
        doc.add_heading(s(key, y=year), level=2)
        doc.add_paragraph(s("lamp_doc"), style=WRITER_STYLE)
    for k in ("L5", "L6"):
        t = tabs[k]
        heading = doc.add_heading(f"{t.number}. {t.title}", level=2)
        heading.paragraph_format.page_break_before = True
        _block(doc, t, s, version, lampiran=True)
    doc.add_heading(s("lamp_7", e=year - 1), level=2).paragraph_format.page_break_before = True
    doc.add_paragraph(s("lamp_doc"), style=WRITER_STYLE)
    heading = doc.add_heading(f"Lampiran 8. {s('t_L8', y=year)}", level=2)
    heading.paragraph_format.page_break_before = True
    for k in ("L8.bobot", "L8.rata", "L8.indikator"):
        _block(doc, tabs[k], s, version, lampiran=True)

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def docx_tables(content: bytes) -> list[list[list[str]]]:
    """Every table of a .docx as rows of cell texts, as a reader sees them: a cell spanning columns gives its
    text once and an empty text for each further column it covers (so rows keep the table's width)."""
    doc = Document(io.BytesIO(content))
    out = []
    for table in doc.tables:
        rows = []
        for tr in table._tbl.tr_lst:
            cells: list[str] = []
            for tc in tr.tc_lst:
                text = "\n".join(_text(p) for p in tc.iterchildren(qn("w:p")))
                cells += [text] + [""] * (tc.grid_span - 1)
            rows.append(cells)
        out.append(rows)
    return out


def _text(p) -> str:
    """A paragraph's text with its line breaks as ``\\n``."""
    parts = []
    for el in p.iter(qn("w:t"), qn("w:br")):
        parts.append("\n" if el.tag == qn("w:br") else (el.text or ""))
    return "".join(parts)


__all__ = ["build_docx", "docx_tables", "write_table"]
