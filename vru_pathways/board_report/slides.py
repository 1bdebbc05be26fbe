"""The report as a 16:9 board deck (python-pptx): a title slide, then the outline's
slides: each model's summary, the top gap of each board, one slide per page of each
diagram view, the funding timeline.

Readable at the back of a room: every text is 14 pt or more (only the pictures hold
smaller text). Every picture has its alt text, and the same words as speaker notes, so
whoever presents can say what it shows. Text from the input is only ever a run of text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Pt

from ..escaping import printable
from ..interchange.zips import FIXED_UTC, restamped
from .blocks import Block, Drawings, Facts, Figure, Items, Paper, Paragraph, Slide, Table

WIDE = (Inches(13.333), Inches(7.5))
TEXT = Pt(18)
SMALL = Pt(14)
"""The smallest text on any slide."""
TITLE_ONLY = 5
"""The layout of python-pptx's default template with a title and nothing else."""
MARGIN = Inches(0.5)
TOP = Inches(1.45)


def _title(slide: PptxSlide, text: str) -> None:
    shape = slide.shapes.title
    assert shape is not None
    shape.left, shape.top, shape.width, shape.height = (
        MARGIN,
        Inches(0.3),
        Emu(WIDE[0] - 2 * MARGIN),
        Inches(1.0),
    )
    shape.text_frame.text = printable(text)
    for p in shape.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(30)
            r.font.bold = True


def _text(slide: PptxSlide, blocks: Sequence[Block], left: int, width: int) -> None:
    box = slide.shapes.add_textbox(Emu(left), TOP, Emu(width), Emu(WIDE[1] - TOP - MARGIN))
    frame = box.text_frame
    frame.word_wrap = True
    first = True
    for block in blocks:
        for line, size, bold in _lines(block):
            p = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            run = p.add_run()
            run.text = printable(line)
            run.font.size = size
            run.font.bold = bold
            p.space_after = Pt(6)


def _lines(block: Block) -> list[tuple[str, Pt, bool]]:
    if isinstance(block, Facts):
        return [("   ".join(f"{k}: {v}" for k, v in block.pairs), Pt(22), True)]
    if isinstance(block, Paragraph):
        return [(block.text, TEXT, False)]
    if isinstance(block, Items):
        out = []
        for item in block.items:
            if item.strong:
                out.append((item.strong, TEXT, True))
            out.append((item.text, SMALL if item.strong else TEXT, False))
            out += [(line, SMALL, False) for line in item.detail]
        return out
    return []


def _table(slide: PptxSlide, table: Table, left: int, width: int) -> None:
    rows = table.rows[:8]
    shape = slide.shapes.add_table(
        1 + len(rows), len(table.header), Emu(left), TOP, Emu(width), Inches(0.4)
    )
    grid = shape.table
    grid.first_row = True
    for c, name in enumerate(table.header):
        grid.cell(0, c).text = printable(name)
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            grid.cell(r, c).text = printable(value)
    for r in range(len(rows) + 1):
        for c in range(len(table.header)):
            for p in grid.cell(r, c).text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = SMALL


def _picture(slide: PptxSlide, figure: Figure, drawings: Drawings, left: int, width: int) -> None:
    drawn = drawings.get(figure.key)
    if drawn is None or drawn.png is None:
        _text(slide, [Paragraph(figure.reason or figure.alt)], left, width)
        return
    w, h = drawn.size
    height = WIDE[1] - TOP - Inches(0.3)
    scale = min(width / (w * 914400), height / (h * 914400))
    pic = slide.shapes.add_picture(
        io.BytesIO(drawn.png),
        Emu(left + (width - int(w * 914400 * scale)) // 2),
        TOP,
        Emu(int(w * 914400 * scale)),
        Emu(int(h * 914400 * scale)),
    )
    c_nv_pr = pic._element.nvPicPr.cNvPr  # type: ignore[union-attr]
    c_nv_pr.set("descr", printable(figure.alt))
    c_nv_pr.set("title", printable(figure.title or figure.caption))
    notes = slide.notes_slide.notes_text_frame
    assert notes is not None
    notes.text = printable(f"{figure.caption}. {figure.alt}")


def _slide(deck: Deck, slide: Slide, drawings: Drawings) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _title(page, slide.title)
    figures = [b for b in slide.blocks if isinstance(b, Figure)]
    tables = [b for b in slide.blocks if isinstance(b, Table)]
    words = [b for b in slide.blocks if not isinstance(b, Figure | Table)]
    full = WIDE[0] - 2 * MARGIN
    if figures and (words or tables):
        half = full // 2
        _text(page, words, MARGIN, half - Inches(0.2))
        _picture(page, figures[0], drawings, MARGIN + half, half)
    elif figures:
        _picture(page, figures[0], drawings, MARGIN, full)
    elif tables:
        _table(page, tables[0], MARGIN, full)
    else:
        _text(page, words, MARGIN, full)


def _cover(deck: Deck, paper: Paper) -> None:
    page = deck.slides.add_slide(deck.slide_layouts[0])
    title, subtitle = page.placeholders[0], page.placeholders[1]
    title.text_frame.text = printable(paper.deck.title)
    subtitle.text_frame.text = printable(paper.deck.subtitle)
    for shape, size in ((title, Pt(40)), (subtitle, Pt(22))):
        for p in shape.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = size


def _properties(deck: Deck, paper: Paper) -> None:
    props = deck.core_properties
    props.title = printable(paper.title)
    props.subject = printable(paper.deck.subtitle)
    props.language = paper.language
    props.author = "vru-pathways"
    props.last_modified_by = "vru-pathways"
    props.revision = 1
    props.created = FIXED_UTC
    props.modified = FIXED_UTC
    props.last_printed = FIXED_UTC


def render(paper: Paper, drawings: Drawings) -> bytes:
    """The deck as the bytes of a .pptx, the same for the same input."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE
    _properties(deck, paper)
    _cover(deck, paper)
    for slide in paper.deck.slides:
        _slide(deck, slide, drawings)
    raw = io.BytesIO()
    deck.save(raw)
    return restamped(raw.getvalue())
