"""A PNG drawn by Graphviz, set centred on a white page of true size (Pillow)."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from .page import Paper


def on_page(data: bytes, paper: Paper, dpi: int) -> bytes:
    """The drawing on a page of ``paper`` at ``dpi``, which the file records, so it
    prints at the size it was measured."""
    drawn = Image.open(BytesIO(data))
    width, height = (round(v * dpi) for v in paper.size)
    page = Image.new("RGB", (width, height), "white")
    rgba = drawn.convert("RGBA")
    page.paste(rgba, ((width - rgba.width) // 2, (height - rgba.height) // 2), rgba)
    out = BytesIO()
    page.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
