"""The format as pydantic models: pure, no IO."""

from .document import FORMAT_VERSION, SECTIONS, Document

__all__ = ["FORMAT_VERSION", "SECTIONS", "Document"]
