"""Pages of PDF drawn by Graphviz, set on true pages in one file (pypdf).

Each drawing, already scaled to fit its paper, is centred on a blank page of that size;
the file carries no creation date or other run-dependent value, so the same pages give
the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from pypdf import PdfReader, PdfWriter, Transformation

from .page import POINTS, Paper


def on_pages(drawings: Sequence[tuple[bytes, Paper | None]], title: str) -> bytes:
    """One PDF of the drawings, each on a page of its paper (or of its own size)."""
    writer = PdfWriter()
    for data, paper in drawings:
        for drawn in PdfReader(BytesIO(data)).pages:
            width, height = float(drawn.mediabox.width), float(drawn.mediabox.height)
            if paper is None:
                writer.add_page(drawn)
                continue
            page_w, page_h = (v * POINTS for v in paper.size)
            page = writer.add_blank_page(page_w, page_h)
            offset = Transformation().translate((page_w - width) / 2, (page_h - height) / 2)
            page.merge_transformed_page(drawn, offset)
    writer.add_metadata({"/Title": title, "/Producer": "vru-pathways"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
