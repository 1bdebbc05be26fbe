"""Drawings inlined in the HTML report keep ids of their own."""

from __future__ import annotations

from vru_pathways.board_report.html import inline_svg

SVG = """<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">
<!-- made by a tool -->
<svg role="img" aria-labelledby="diagram-title diagram-desc outside">
<title id="diagram-title">T</title><desc id="diagram-desc">D</desc>
<clipPath id="c1"><rect/></clipPath>
<g clip-path="url(#c1)"><use xlink:href="#c1"/><a href="#elsewhere">x</a></g>
</svg>"""


def test_ids_and_what_points_at_them_get_the_prefix() -> None:
    out = inline_svg(SVG, "north-2")
    assert out.startswith("<svg")
    assert 'aria-labelledby="north-2-diagram-title north-2-diagram-desc outside"' in out
    assert 'id="north-2-diagram-title"' in out and 'id="north-2-c1"' in out
    assert "url(#north-2-c1)" in out and 'xlink:href="#north-2-c1"' in out
    assert 'href="#elsewhere"' in out  # not an id of this drawing: left alone


def test_two_drawings_share_no_id() -> None:
    import re

    page = inline_svg(SVG, "a-1") + inline_svg(SVG, "a-2")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 6
