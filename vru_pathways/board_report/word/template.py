"""The Word document the paper starts from: python-docx's own, or a council's reference
document (``--reference-docx``) whose styles, fonts, colours and margins it takes, as
pandoc does; its text is left out.

A reference document that is not a Word file, or lacks a style the paper uses, is
refused before anything is drawn or written, naming what is missing.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.document import Document as Doc
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

from ...diagnostics import InputError

STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "List Bullet")
"""The paragraph styles the paper uses, by name."""


class TemplateError(InputError):
    """A reference document that cannot be used; the message says why."""


def open_template(
    data: bytes | None, shown: str = "the reference document", size: int | None = None
) -> Doc:
    """The document to write into: ``data`` (a .docx) or python-docx's default; ``size``
    is the file's, when only its first bytes were read."""
    if data is None:
        return Document()
    from ...interchange.xlsx.archive import Damaged, refusal  # lazy: beside openpyxl

    try:
        refused = refusal(data, size)
    except Damaged as exc:
        raise TemplateError(f"{shown} is not used: {exc}") from None
    if refused:
        raise TemplateError(f"{shown} is not used: {refused}")
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError):
        raise TemplateError(
            f"{shown} is not a Word document (.docx); give a .docx saved by Word or LibreOffice"
        ) from None


def missing_styles(doc: Doc) -> list[str]:
    have = {s.name for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    return [name for name in STYLES if name not in have]


def checked_template(data: bytes, shown: str, size: int | None = None) -> None:
    """Refuse a reference document that is not a Word file or lacks a needed style."""
    missing = missing_styles(open_template(data, shown, size))
    if missing:
        raise TemplateError(
            f"{shown} lacks the paragraph style{'s' if len(missing) > 1 else ''} the paper "
            f"needs: {', '.join(missing)}; add {'them' if len(missing) > 1 else 'it'} in "
            "Word (Styles pane) or start from a document that has them"
        )
