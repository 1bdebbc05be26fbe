"""What python-docx has no call for, written as WordprocessingML: alt text, repeating
header rows, cell borders, page-number fields, the SVG beside a picture, links, the
document's language; and the package made byte-identical run after run."""

from __future__ import annotations

from docx.document import Document as Doc
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

__all__ = ["qn"]
from docx.shape import InlineShape
from docx.table import Table
from docx.text.paragraph import Paragraph

from ...escaping import printable
from ...interchange.zips import FIXED_UTC

SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
"""The extension Word 2016 and later read an SVG picture from, beside its PNG."""
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
FIXED = FIXED_UTC
"""The document's created, modified and printed times: same input, same bytes."""


def text(value: str) -> str:
    """Text from the input as XML may hold it (control characters shown as escapes)."""
    return printable(value)


def alt_text(shape: InlineShape, alt: str, title: str) -> None:
    """The picture's description and title, as screen readers and Word's checker read."""
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", text(alt))
    doc_pr.set("title", text(title))


def with_svg(doc: Doc, shape: InlineShape, svg: str, n: int) -> None:
    """The SVG as the picture Word shows, its PNG the fallback for older readers."""
    part = Part(
        PackURI(f"/word/media/drawing{n}.svg"), "image/svg+xml", svg.encode(), doc.part.package
    )
    rid = doc.part.relate_to(part, RT.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    ext_list = OxmlElement("a:extLst")
    ext = OxmlElement("a:ext")
    ext.set("uri", SVG_EXT)
    svg_blip = ext.makeelement(f"{{{SVG_NS}}}svgBlip", nsmap={"asvg": SVG_NS})
    svg_blip.set(qn("r:embed"), rid)
    ext.append(svg_blip)
    ext_list.append(ext)
    blip.append(ext_list)


def header_row(table: Table) -> None:
    """The first row repeats at the top of every page and is marked as the header."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def borders(table: Table) -> None:
    """Thin grey lines round every cell, needing no table style in the template."""
    tbl_pr = table._tbl.tblPr
    edges = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "BFBFBF")):
            edge.set(qn(f"w:{key}"), value)
        edges.append(edge)
    later = [tbl_pr.find(qn(f"w:{t}")) for t in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    after = next((e for e in later if e is not None), None)
    if after is None:
        tbl_pr.append(edges)
    else:
        after.addprevious(edges)


def shade(cell_xml: object, fill: str) -> None:
    tc_pr = cell_xml.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def field(paragraph: Paragraph, code: str) -> None:
    """A field the tool itself writes (``PAGE``, ``NUMPAGES``): never text from the input."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    simple.append(run)
    paragraph._p.append(simple)


def link(paragraph: Paragraph, url: str) -> None:
    """An ``http``/``https`` address as a link (the caller has checked the scheme)."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    anchor = OxmlElement("w:hyperlink")
    anchor.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    look = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    look.append(colour)
    look.append(underline)
    run.append(look)
    shown = OxmlElement("w:t")
    shown.text = text(url)
    run.append(shown)
    anchor.append(run)
    paragraph._p.append(anchor)


def language(doc: Doc, lang: str) -> None:
    """The language every run is spelled and read aloud in, unless it says otherwise."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    lang_el = OxmlElement("w:lang")
    for key in ("val", "eastAsia", "bidi"):
        lang_el.set(qn(f"w:{key}"), lang)
    r_pr.append(lang_el)


def properties(doc: Doc, title: str, subject: str, lang: str) -> None:
    props = doc.core_properties
    props.title = text(title)
    props.subject = text(subject)
    props.language = lang
    props.author = "vru-pathways"
    props.last_modified_by = "vru-pathways"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
