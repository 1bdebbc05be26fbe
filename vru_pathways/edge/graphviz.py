"""Running Graphviz's ``dot``: DOT text in, the bytes of an SVG, PNG or PDF out."""

from __future__ import annotations

import graphviz

from ..diagnostics import InputError

INSTALL_DOT = (
    "Graphviz's 'dot' program is needed for svg, png and pdf output and is not installed. "
    "Install it with './scripts/setup-system' from the project folder, or "
    "'sudo apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' (macOS). "
    "--format dot and --format mermaid work without it."
)


class ExportError(InputError):
    """A file could not be made; the message says why and what to do."""


def run_dot(dot: str, fmt: str) -> bytes:
    """``dot -T<fmt>`` on the text; :class:`ExportError` when Graphviz is missing or fails."""
    renderer = "cairo" if fmt in ("png", "pdf") else None
    try:
        data: bytes = graphviz.pipe("dot", fmt, dot.encode("utf-8"), renderer=renderer, quiet=True)
    except graphviz.ExecutableNotFound:
        raise ExportError(INSTALL_DOT) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise ExportError(f"Graphviz could not draw the diagram: {detail}") from None
    return data


def measure(dot: str) -> tuple[float, float]:
    """The width and height, in inches, Graphviz lays the drawing out at, at full size
    (``dot -Tplain``: the layout alone, nothing drawn)."""
    first = run_dot(dot, "plain").split(b"\n", 1)[0].decode("ascii", "replace").split()
    if len(first) < 4 or first[0] != "graph":
        raise ExportError(f"Graphviz gave no size for the drawing: {' '.join(first)}")
    return float(first[2]), float(first[3])
