"""The edge: running Graphviz's ``dot`` and writing files, atomically.

Everything else in the package makes text; only this module starts a process or writes
a file. A write goes to a temporary file beside the target and is renamed over it, so a
failed or interrupted run leaves any previous file as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
from xml.sax.saxutils import escape as xml_escape

IMAGE_FORMATS = ("svg", "png", "pdf")
PAGES = {"a4": (11.69, 8.27), "a3": (16.54, 11.69)}
"""Landscape page sizes in inches."""
MARGIN = 0.4

INSTALL_DOT = (
    "Graphviz's 'dot' program is needed for svg, png and pdf output and is not installed. "
    "Install it with './scripts/setup-system' from the project folder, or "
    "'sudo apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' (macOS). "
    "--format dot and --format mermaid work without it."
)


class ExportError(Exception):
    """A file could not be made; the message says why and what to do."""


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".vru-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, _mode(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _mode(path: str) -> int:
    """The permissions a written file gets: the old file's, else what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def with_graph_attributes(dot: str, attributes: dict[str, str]) -> str:
    """DOT text with extra graph attributes set right after the opening line."""
    if not attributes:
        return dot
    first, _, rest = dot.partition("\n")
    pairs = ", ".join(f"{k}={v}" for k, v in attributes.items())
    return f"{first}\n  graph [{pairs}]\n{rest}"


def page_attributes(page: str) -> dict[str, str]:
    """Scale the drawing, up or down, to the largest size that fits a landscape page
    inside a margin; the PDF page is then no larger than the paper."""
    width, height = PAGES[page]
    return {
        "size": f'"{width - 2 * MARGIN:.2f},{height - 2 * MARGIN:.2f}!"',
        "margin": f'"{MARGIN}"',
    }


def run_dot(dot: str, fmt: str) -> bytes:
    """``dot -T<fmt>`` on the text; :class:`ExportError` when Graphviz is missing or fails."""
    import graphviz

    renderer = "cairo" if fmt in ("png", "pdf") else None
    try:
        data: bytes = graphviz.pipe("dot", fmt, dot.encode("utf-8"), renderer=renderer, quiet=True)
    except graphviz.ExecutableNotFound:
        raise ExportError(INSTALL_DOT) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise ExportError(f"Graphviz could not draw the diagram: {detail}") from None
    return data


def accessible_svg(svg: bytes, title: str, description: str) -> bytes:
    """Give the SVG a document-level ``<title>`` and ``<desc>`` that screen readers read."""
    text = svg.decode("utf-8")
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        return svg
    opening = match.group(0)
    labelled = opening[:-1] + ' role="img" aria-labelledby="diagram-title diagram-desc">'
    head = (
        f'\n<title id="diagram-title">{xml_escape(title)}</title>'
        f'\n<desc id="diagram-desc">{xml_escape(description.strip())}</desc>'
    )
    return (text[: match.start()] + labelled + head + text[match.end() :]).encode("utf-8")
