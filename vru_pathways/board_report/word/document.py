"""The report as a Word document: the outline's parts in sections, A4 portrait, with
landscape sections for diagrams and matrices; real heading styles in order; pictures at
print resolution (with the SVG beside each PNG, which Word 2016 and later show), each
with alt text; tables whose header row repeats on every page and that merge no cells;
the partnership and the as-of date in the header, page numbers in the footer.

Every text from the input is a run of text: no field, no link but ``http(s)``.
"""

from __future__ import annotations

import io
import re

from docx.document import Document as Doc
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable

from ...interchange.zips import restamped
from ..blocks import Block, Drawings, Facts, Figure, Heading, Items, Paper, Paragraph, Part, Table
from . import xml
from .template import open_template

A4 = (Cm(21.0), Cm(29.7))
URL = re.compile(r"^https?://[^\s\"'<>]+$")
MARKED = "FBE3D3"
HEAD = "EEF4F9"


class Writer:
    """One document being written: the counter of SVG parts lives here, not globally."""

    def __init__(self, doc: Doc, drawings: Drawings) -> None:
        self.doc = doc
        self.drawings = drawings
        self.svgs = 0
        self.pending_half: list[Figure] = []

    # -- pages ---------------------------------------------------------------------
    def page(self, section: Section, orientation: str) -> None:
        short, long = A4
        landscape = orientation == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)

    def room(self) -> tuple[int, int]:
        """Width and height of the current section's text, in EMU."""
        s = self.doc.sections[-1]
        w, h = (int(v or 0) for v in (s.page_width, s.page_height))
        left, right, top, bottom = (
            int(v or 0) for v in (s.left_margin, s.right_margin, s.top_margin, s.bottom_margin)
        )
        return w - left - right, h - top - bottom

    def part(self, part: Part, first: bool) -> None:
        if first:
            self.page(self.doc.sections[-1], part.orientation)
        else:
            self.page(self.doc.add_section(WD_SECTION.NEW_PAGE), part.orientation)
        for block in part.blocks:
            self.block(block)
        self.flush()

    # -- blocks --------------------------------------------------------------------
    def block(self, b: Block) -> None:
        if isinstance(b, Figure) and b.half:
            self.pending_half.append(b)
            if len(self.pending_half) == 2:
                self.flush()
            return
        self.flush()
        if isinstance(b, Heading):
            self.doc.add_paragraph(xml.text(b.text), f"Heading {min(b.level, 3)}")
        elif isinstance(b, Paragraph):
            self.paragraph(b)
        elif isinstance(b, Facts):
            self.facts(b)
        elif isinstance(b, Items):
            self.items(b)
        elif isinstance(b, Table):
            self.table(b)
        else:
            self.figures([b])

    def paragraph(self, b: Paragraph) -> None:
        p = self.doc.add_paragraph()
        run = p.add_run(xml.text(b.text))
        if b.tone == "note":
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        elif b.tone == "lead":
            run.font.size = Pt(11)

    def facts(self, b: Facts) -> None:
        p = self.doc.add_paragraph()
        for n, (label, value) in enumerate(b.pairs):
            if n:
                p.add_run("    ")
            p.add_run(xml.text(label) + ": ")
            big = p.add_run(xml.text(value))
            big.bold = True
            big.font.size = Pt(14)

    def items(self, b: Items) -> None:
        for item in b.items:
            p = self.doc.add_paragraph(style="List Bullet")
            if item.strong:
                p.add_run(xml.text(item.strong) + " ").bold = True
            p.add_run(xml.text(item.text))
            for line in item.detail:
                run = p.add_run()
                run.add_break()
                run.add_text(xml.text(line))
                run.font.size = Pt(8.5)

    def table(self, b: Table) -> None:
        if b.note:
            self.paragraph(Paragraph(b.note, "note"))
        t = self.doc.add_table(rows=1 + len(b.rows), cols=len(b.header))
        if b.numeric:
            self.widths(t, len(b.header))
        xml.borders(t)
        xml.header_row(t)
        size = Pt(8) if b.numeric or len(b.header) > 4 else Pt(9)
        for c, name in enumerate(b.header):
            cell = t.rows[0].cells[c]
            run = cell.paragraphs[0].add_run(xml.text(name))
            run.bold = True
            run.font.size = size
            xml.shade(cell._tc, HEAD)
        for r, row in enumerate(b.rows, 1):
            marked = r - 1 < len(b.marked) and b.marked[r - 1]
            for c, value in enumerate(row):
                cell = t.rows[r].cells[c]
                p = cell.paragraphs[0]
                if URL.match(value):
                    xml.link(p, value)
                else:
                    p.add_run(xml.text(value)).font.size = size
                if b.numeric and c:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if marked:
                    xml.shade(cell._tc, MARKED)

    def widths(self, t: DocxTable, columns: int) -> None:
        """A matrix: its names column wide, its counts narrow."""
        width, _ = self.room()
        first = min(Cm(10), width // 2)
        rest = (width - first) // max(columns - 1, 1)
        t.autofit = False
        for c, column in enumerate(t.columns):  # the grid, which LibreOffice follows
            column.width = first if c == 0 else rest
        for row in t.rows:  # each cell, which Word follows
            for c, cell in enumerate(row.cells):
                cell.width = first if c == 0 else rest

    # -- figures -------------------------------------------------------------------
    def flush(self) -> None:
        if self.pending_half:
            half, self.pending_half = self.pending_half, []
            self.figures(half)

    def figures(self, figures: list[Figure]) -> None:
        """Figures side by side in one paragraph, each fitted to its share of the width
        (and to the page's height), with one caption after them."""
        width, height = self.room()
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        captions = []
        for figure in figures:
            drawn = self.drawings.get(figure.key)
            if drawn is None or drawn.png is None:
                p.add_run(xml.text(figure.reason or figure.alt))
                continue
            w, h = drawn.size
            share = width // len(figures) - Cm(1)
            most = height - Cm(4)
            scale = min(share / (w * 914400), most / (h * 914400), 1.0)
            shape = p.add_run().add_picture(io.BytesIO(drawn.png), width=int(w * 914400 * scale))
            xml.alt_text(shape, figure.alt, figure.title or figure.caption)
            if drawn.svg is not None:
                self.svgs += 1
                xml.with_svg(self.doc, shape, drawn.svg, self.svgs)
            if not figure.half:  # a half chart's own title says what its caption would
                captions.append(figure.caption)
        if captions:
            self.doc.add_paragraph(xml.text("; ".join(captions)), "Caption")


def header_footer(doc: Doc, paper: Paper) -> None:
    section = doc.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    for p in header.paragraphs:
        p.text = ""
    header.paragraphs[0].add_run(xml.text(f"{paper.partnership} · as of {paper.as_of}"))
    footer = section.footer
    footer.is_linked_to_previous = False
    for p in footer.paragraphs:
        p.text = ""
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Page ")
    xml.field(p, "PAGE")
    p.add_run(" of ")
    xml.field(p, "NUMPAGES")


def clear_body(doc: Doc) -> None:
    """A reference document's text is left out; its last section's settings stay."""
    body = doc.element.body
    for child in list(body):
        if child.tag != xml.qn("w:sectPr"):
            body.remove(child)


def house_style(doc: Doc) -> None:
    """Without a reference document: 2 cm margins, Arial 10 pt, tight lists."""
    for section in doc.sections:
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    doc.styles["List Bullet"].paragraph_format.space_after = Pt(2)


def render(paper: Paper, drawings: Drawings, template: bytes | None = None) -> bytes:
    """The paper as the bytes of a .docx, the same for the same input."""
    doc = open_template(template)
    if template is None:
        house_style(doc)
    clear_body(doc)
    xml.properties(doc, paper.title, f"{paper.partnership} · as of {paper.as_of}", paper.language)
    xml.language(doc, paper.language)
    doc.add_paragraph(xml.text(paper.title), "Title")
    header_footer(doc, paper)
    writer = Writer(doc, drawings)
    for n, part in enumerate(paper.parts):
        writer.part(part, n == 0)
    raw = io.BytesIO()
    doc.save(raw)
    return restamped(raw.getvalue())
