"""An accessibility check of Word and PowerPoint files, read straight from their XML.

:func:`docx_problems` and :func:`pptx_problems` list what a screen-reader user or a
publishing council would object to, as plain sentences (an empty list: nothing):

- the document's title (``dc:title``) and language (``dc:language``, and in Word the
  default ``w:lang``) are set;
- in Word, headings (``Heading N`` styles) start at level 1 and never skip a level;
- every picture (``docPr`` in Word, ``p:cNvPr`` of a ``p:pic`` in PowerPoint) has alt text;
- every table has a header row (``w:tblHeader`` on its first row in Word,
  ``firstRow="1"`` in PowerPoint) and, in Word, no merged cells;
- no field but the page numbers (``PAGE``, ``NUMPAGES``), and no link but ``http(s)``;
- in PowerPoint, every slide has a title, speaker notes for each picture, and no text
  set under 14 pt.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FIELDS = {"PAGE", "NUMPAGES"}


def _xml(archive: zipfile.ZipFile, name: str) -> ET.Element:
    return ET.fromstring(archive.read(name))


def _core(archive: zipfile.ZipFile) -> list[str]:
    core = _xml(archive, "docProps/core.xml")
    out = []
    for tag in ("title", "language"):
        found = core.find(f"{DC}{tag}")
        if found is None or not (found.text or "").strip():
            out.append(f"the document's {tag} is not set")
    return out


def _links(archive: zipfile.ZipFile) -> list[str]:
    out = []
    for name in archive.namelist():
        if not name.endswith(".rels"):
            continue
        for rel in _xml(archive, name).iter(f"{REL}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" and not re.match(r"^https?://", target):
                out.append(f"{name} links to {target!r}, not an http(s) address")
    return out


def _headings(body: ET.Element, styles: dict[str, str]) -> list[str]:
    out, last = [], 0
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        name = styles.get(style.get(f"{W}val", ""), "") if style is not None else ""
        match = re.fullmatch(r"(?i)heading (\d)", name)
        if not match:
            continue
        level = int(match.group(1))
        if level > last + 1:
            text = "".join(t.text or "" for t in p.iter(f"{W}t"))
            out.append(f"heading {text!r} is level {level} after level {last}")
        last = level
    return out


def _word_tables(body: ET.Element) -> list[str]:
    out = []
    for n, table in enumerate(body.iter(f"{W}tbl"), 1):
        first = table.find(f"{W}tr")
        if first is None or first.find(f"{W}trPr/{W}tblHeader") is None:
            out.append(f"table {n} has no header row")
        if table.find(f".//{W}gridSpan") is not None or table.find(f".//{W}vMerge") is not None:
            out.append(f"table {n} merges cells")
    return out


def _word_fields(root: ET.Element, part: str) -> list[str]:
    codes = [f.get(f"{W}instr", "") for f in root.iter(f"{W}fldSimple")]
    codes += [t.text or "" for t in root.iter(f"{W}instrText")]
    return [f"{part} holds the field {c.strip()!r}" for c in codes if c.strip() not in FIELDS]


def docx_problems(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        out = _core(archive) + _links(archive)
        styles_xml = _xml(archive, "word/styles.xml")
        styles = {
            s.get(f"{W}styleId", ""): (
                s.find(f"{W}name").get(f"{W}val", "")  # type: ignore[union-attr]
                if s.find(f"{W}name") is not None
                else ""
            )
            for s in styles_xml.iter(f"{W}style")
        }
        lang = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        if lang is None or not lang.get(f"{W}val"):
            out.append("the default language (w:lang) is not set")
        document = _xml(archive, "word/document.xml")
        body = document.find(f"{W}body")
        assert body is not None
        out += _headings(body, styles) + _word_tables(body)
        for pic in document.iter(f"{WP}docPr"):
            if not (pic.get("descr") or "").strip():
                out.append(f"picture {pic.get('name')!r} has no alt text")
        for name in archive.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                out += _word_fields(_xml(archive, name), name)
    return out


def _slide_problems(archive: zipfile.ZipFile, name: str) -> list[str]:
    slide = _xml(archive, name)
    out = []
    titles = [
        sp
        for sp in slide.iter(f"{P}sp")
        if (ph := sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")) is not None
        and ph.get("type") in ("title", "ctrTitle")
    ]
    if not any("".join(t.text or "" for t in sp.iter(f"{A}t")).strip() for sp in titles):
        out.append(f"{name} has no title")
    pictures = list(slide.iter(f"{P}pic"))
    for pic in pictures:
        c_nv_pr = pic.find(f"{P}nvPicPr/{P}cNvPr")
        if c_nv_pr is None or not (c_nv_pr.get("descr") or "").strip():
            out.append(f"a picture on {name} has no alt text")
    for frame in slide.iter(f"{A}tbl"):
        props = frame.find(f"{A}tblPr")
        if props is None or props.get("firstRow") != "1":
            out.append(f"a table on {name} has no header row")
    for run in slide.iter(f"{A}rPr"):
        size = run.get("sz")
        if size is not None and int(size) < 1400:
            out.append(f"text on {name} is {int(size) / 100:g} pt, under 14 pt")
    if pictures:
        rels = _xml(archive, name.replace("slides/", "slides/_rels/") + ".rels")
        if not any(
            r.get("Type", "").endswith("/notesSlide") for r in rels.iter(f"{REL}Relationship")
        ):
            out.append(f"{name} has pictures but no speaker notes")
    return out


def pptx_problems(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        out = _core(archive) + _links(archive)
        for name in sorted(archive.namelist()):
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", name):
                out += _slide_problems(archive, name)
    return out
