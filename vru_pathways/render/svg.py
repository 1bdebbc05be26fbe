"""SVG from Graphviz, made accessible: a document title and description screen readers read."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from ..escaping import printable
from .diagram import clip


def accessible_svg(svg: bytes, title: str, description: str) -> bytes:
    """Give the SVG a document-level ``<title>`` and ``<desc>`` that screen readers read."""
    text = svg.decode("utf-8")
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        return svg
    opening = match.group(0)
    labelled = opening[:-1] + ' role="img" aria-labelledby="diagram-title diagram-desc">'
    head = (
        f'\n<title id="diagram-title">{xml_escape(printable(clip(title)))}</title>'
        f'\n<desc id="diagram-desc">{xml_escape(printable(description.strip()))}</desc>'
    )
    return (text[: match.start()] + labelled + head + text[match.end() :]).encode("utf-8")
