"""The A4 performance report as PDF bytes (fpdf2, pure Python): cover, eight sections, charts, page numbers.

``build_pdf(frames, year, lang, data_version)`` lays out the blocks of ``report.content``.
Text is written with ``cell``/``multi_cell`` only (markdown off, no HTML), so nothing in the
data is interpreted; the charts are drawn with matplotlib's maths parser off (a ``$`` in a name is a
dollar sign). A table cell or tile holds at most a few lines: longer text (validation allows names of
1.000 characters) is cut with ``…``, so a row always fits on a page. The DejaVu fonts are embedded from the matplotlib wheel
(``mpl-data/fonts/ttf``, DejaVu licence beside them), which the charts need anyway, so no
system font path is assumed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import matplotlib
import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from report.charts import STATUS_COLOR
from report.content import Block, Chart, Heading, Paragraph, Table, Tiles, report_blocks
from report.text import status_word, tr

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
PRIMARY = (11, 79, 138)
GREY = (90, 96, 104)
LIGHT = (238, 242, 247)
MARGIN = 15.0
MAX_CELL_LINES = 6
"""Lines a table cell may take; the rest of a long text is cut (the workbook holds it whole)."""
MAX_CELL_CHARS = 240
"""Characters a table cell may show (the longest name of the LKj 2024 has 227): fpdf2's line breaking
costs the square of a line's length, so 1.000-character names in every row would take a minute."""
CELL_PADDING = 1.2
ELLIPSIS = "…"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _Report(FPDF):
    """A4 portrait with the report's footer (source line of the document and page x of y)."""

    def __init__(self, year: int, lang: str, data_version: int | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        # not ``self.lang``: FPDF.set_lang stores the PDF language tag there
        self.year, self.report_lang, self.data_version = year, lang, data_version
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.add_font(FONT, "I", FONT_DIR / "DejaVuSans-Oblique.ttf")
        self.set_font(FONT, size=9.5)
        self.set_lang("id-ID" if lang == "id" else "en-GB")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=7.5)
        self.set_text_color(*GREY)
        version = self.data_version if self.data_version is not None else "–"
        self.cell(0, 5, tr("footer", self.report_lang, y=self.year, v=version), align="L")
        self.set_x(MARGIN)
        self.cell(0, 5, tr("page", self.report_lang, n=self.page_no(), t="{nb}"), align="R")
        self.set_text_color(0, 0, 0)


# --- blocks ------------------------------------------------------------------------------------


def _source(pdf: _Report, sources: tuple[str, ...], text: str | None = None) -> None:
    pdf.set_font(FONT, "I", 7.5)
    pdf.set_text_color(*GREY)
    line = text or tr("source_line", pdf.report_lang, y=pdf.year, tables=", ".join(sources))
    pdf.multi_cell(0, 4, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


def _heading(pdf: _Report, block: Heading) -> None:
    if block.new_page or pdf.will_page_break(40 if block.level == 1 else 30):
        pdf.add_page()
    if block.level == 1:
        pdf.start_section(block.text, level=0)
        pdf.set_font(FONT, "B", 14)
        pdf.set_text_color(*PRIMARY)
        pdf.multi_cell(0, 7, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_draw_color(*PRIMARY)
        pdf.line(MARGIN, pdf.get_y() + 0.5, pdf.w - MARGIN, pdf.get_y() + 0.5)
        pdf.ln(3)
    else:
        pdf.set_font(FONT, "B", 11)
        pdf.set_text_color(*PRIMARY)
        pdf.multi_cell(0, 6, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
    pdf.set_text_color(0, 0, 0)


def _paragraph(pdf: _Report, block: Paragraph) -> None:
    pdf.set_font(FONT, size=9.5)
    pdf.multi_cell(0, 5, block.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2.5)


def _fit(pdf: FPDF, text: str, width: float, lines: int) -> str:
    """``text`` cut (with ``…``) so that it takes at most ``lines`` lines of ``width`` mm in the current font.

    Wrapping wastes part of each line, so the text is cut to a 75 % fill; short texts are not measured.
    """
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1].rstrip() + ELLIPSIS
    if len(text) <= 12 * lines:
        return text
    room = max(width, 1.0) * lines * 0.75
    if pdf.get_string_width(text) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if pdf.get_string_width(text[:mid] + ELLIPSIS) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def _table(pdf: _Report, block: Table) -> None:
    pdf.set_font(FONT, size=block.font_size)
    total = sum(block.widths) or 1.0
    room = [(pdf.epw * w / total) - 2 * CELL_PADDING for w in block.widths]
    pdf.set_draw_color(200, 205, 212)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY, size_pt=block.font_size - 1)
    total = FontFace(emphasis="BOLD", fill_color=LIGHT)
    with pdf.table(
        col_widths=block.widths,
        text_align=block.align,
        headings_style=heading,
        line_height=block.font_size * 0.5,
        padding=(1.0, CELL_PADDING),
        borders_layout="HORIZONTAL_LINES",
        v_align="MIDDLE",
    ) as table:
        row = table.row()
        for h in block.headers:
            row.cell(h, align="C")
        last = len(block.rows) - 1
        for i, values in enumerate(block.rows):
            style = total if block.total_row and i == last else None
            row = table.row(style=style)
            for j, value in enumerate(values):
                cell_style = style
                if block.status_col == j and i < len(block.statuses) and block.statuses[i]:
                    colour = _rgb(STATUS_COLOR[block.statuses[i]])
                    cell_style = FontFace(emphasis="BOLD", color=colour, fill_color=style.fill_color if style else None)
                row.cell(_fit(pdf, str(value), room[j] if j < len(room) else pdf.epw, MAX_CELL_LINES), style=cell_style)
    pdf.ln(1)
    _source(pdf, block.sources, block.source_text)


def _chart(pdf: _Report, block: Chart) -> None:
    width = pdf.w - 2 * MARGIN
    from PIL import Image

    with Image.open(io.BytesIO(block.png)) as img:
        w_px, h_px = img.size
    height = width * h_px / w_px
    if pdf.will_page_break(height + 14):
        pdf.add_page()
    pdf.set_font(FONT, "B", 9.5)
    pdf.multi_cell(0, 5, block.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.image(io.BytesIO(block.png), x=MARGIN, w=width, h=height, alt_text=block.title)
    pdf.ln(1)
    _source(pdf, block.sources)


def _tiles(pdf: _Report, tiles: Tiles) -> None:
    cols, gap = 3, 4.0
    w = (pdf.w - 2 * MARGIN - gap * (cols - 1)) / cols
    h = 24.0
    top = pdf.get_y()
    for i, (label, value, status) in enumerate(tiles.items):
        x = MARGIN + (i % cols) * (w + gap)
        y = top + (i // cols) * (h + gap)
        pdf.set_fill_color(*LIGHT)
        pdf.rect(x, y, w, h, style="F")
        pdf.set_xy(x + 3, y + 2.5)
        pdf.set_font(FONT, size=8.5)
        pdf.set_text_color(*GREY)
        pdf.cell(w - 6, 5, _fit(pdf, label, w - 6, 1))
        pdf.set_xy(x + 3, y + 8)
        pdf.set_font(FONT, "B", 16)
        pdf.set_text_color(*PRIMARY)
        pdf.cell(w - 6, 8, _fit(pdf, value, w - 6, 1))
        if status:
            pdf.set_xy(x + 3, y + 17)
            pdf.set_font(FONT, "B", 8.5)
            pdf.set_text_color(*_rgb(STATUS_COLOR[status]))
            pdf.cell(w - 6, 5, status_word(status, pdf.report_lang))
    pdf.set_text_color(0, 0, 0)
    rows = (len(tiles.items) + cols - 1) // cols
    pdf.set_xy(MARGIN, top + rows * (h + gap) + 2)


def _cover(pdf: _Report, tiles: Tiles, generated: dt.datetime) -> None:
    pdf.add_page()
    pdf.set_fill_color(*PRIMARY)
    pdf.rect(0, 0, pdf.w, 62, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(MARGIN, 16)
    pdf.set_font(FONT, "B", 26)
    pdf.cell(0, 12, f"{tr('title', pdf.report_lang)} {pdf.year}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=15)
    pdf.cell(0, 9, tr("ministry", pdf.report_lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=9.5)
    pdf.multi_cell(0, 5, tr("subtitle", pdf.report_lang, y=pdf.year), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(70)
    pdf.set_font(FONT, size=9.5)
    version = str(pdf.data_version) if pdf.data_version is not None else "–"
    stamp = generated.strftime("%d-%m-%Y %H:%M") if pdf.report_lang == "id" else generated.strftime("%Y-%m-%d %H:%M")
    for key, value in (("year", str(pdf.year)), ("data_version", version), ("generated", stamp)):
        pdf.set_font(FONT, "B", 9.5)
        pdf.cell(32, 5.5, tr(key, pdf.report_lang))
        pdf.set_font(FONT, size=9.5)
        pdf.cell(0, 5.5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(5)
    _tiles(pdf, tiles)
    pdf.set_font(FONT, "I", 8.5)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 4.5, tr("cover_note", pdf.report_lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font(FONT, "B", 12)
    pdf.set_text_color(*PRIMARY)
    pdf.cell(0, 7, tr("contents", pdf.report_lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.insert_toc_placeholder(_render_toc, pages=1)


def _render_toc(pdf: FPDF, outline: list) -> None:
    pdf.set_font(FONT, size=10)
    width = pdf.w - 2 * MARGIN
    for section in outline:
        if section.level != 0:
            continue
        link = pdf.add_link(page=section.page_number)
        page = str(section.page_number)
        pdf.set_x(MARGIN)
        pdf.cell(width - 15, 6.5, section.name, link=link)
        pdf.cell(15, 6.5, page, align="R", link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


_DRAW = {Heading: _heading, Paragraph: _paragraph, Table: _table, Chart: _chart}


def render(
    tiles: Tiles,
    blocks: list[Block],
    year: int,
    lang: str,
    data_version: int | None,
    generated: dt.datetime | None = None,
) -> bytes:
    """Lay out the cover and ``blocks`` on A4 pages and return the PDF."""
    pdf = _Report(year, lang, data_version)
    pdf.set_title(f"{tr('title', lang)} {year} — {tr('ministry', lang)}")
    pdf.set_author("Dasbor Kinerja Kemnaker")
    pdf.set_creator("Dasbor Kinerja Kemnaker (fpdf2)")
    generated = generated or dt.datetime.now().astimezone()
    pdf.set_creation_date(generated)
    _cover(pdf, tiles, generated)
    for block in blocks:
        _DRAW[type(block)](pdf, block)
    return bytes(pdf.output())


def build_pdf(
    frames: Mapping[str, pd.DataFrame], year: int, lang: str = "id", data_version: int | None = None
) -> bytes:
    """The performance report of ``year`` as A4 PDF bytes, Indonesian (``lang="id"``) or English."""
    # names from the data are drawn as written: matplotlib would read "$...$" in a label as maths
    with matplotlib.rc_context({"text.parse_math": False}):
        tiles, blocks = report_blocks(frames, year, lang)
    return render(tiles, blocks, year, lang, data_version)
