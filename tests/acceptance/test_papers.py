"""The Word paper and the board deck: read back by python-docx and python-pptx, checked
for accessibility against their XML (office_check), opened by LibreOffice, made from a
council's reference document, refused from a bad one, and hostile text kept as text."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pptx
import pytest
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from helpers import HOSTILE, ROOT, run, write
from office_check import docx_problems, pptx_problems
from PIL import Image

MODELS = [f"models/{m}/model.yaml" for m in ("northbrook", "southmere", "eastwick")]


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("papers")
    out = {}
    for suffix in ("docx", "pptx"):
        out[suffix] = folder / f"region.{suffix}"
        result = run(["report", *MODELS, "-o", str(out[suffix])], ROOT)
        assert result.code == 0, result.err
    return out


@pytest.mark.slow
def test_the_word_paper_reads_back(papers: dict[str, Path]) -> None:
    paper = docx.Document(str(papers["docx"]))
    assert paper.core_properties.title == "Gap analysis: 3 areas compared"
    assert paper.core_properties.language == "en-GB"
    headings = [p.text for p in paper.paragraphs if p.style.name == "Heading 1"]
    assert headings[:5] == [
        "At a glance",
        "What this paper holds",
        "Summary: Northbrook serious violence logic model 2026/27",
        "Summary: Southmere serious violence logic model 2026/27",
        "Summary: Eastwick serious violence logic model 2026/27",
    ]
    assert "Appendix A: every finding" in headings
    orientations = {s.orientation for s in paper.sections}
    assert orientations == {WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE}
    assert {round(s.page_width.cm, 1) for s in paper.sections} == {21.0, 29.7}
    header = paper.sections[0].header.paragraphs[0].text
    assert header == "Avonvale Serious Violence Partnership Board · as of 1 October 2026"
    text = "\n".join(p.text for p in paper.paragraphs)
    # £45,000 + £1,650,000 + £214,000, the three sources ending by the horizon
    assert "Money at risk: £1,909,000 ending by 1 April 2027" in text
    assert "Criminal exploitation and county lines" in text
    summary = text.split("Across the areas")[0]
    assert "models/northbrook/model.yaml" not in summary  # places in the YAML: the appendix
    assert "models/northbrook/model.yaml:" in text
    matrices = [t for t in paper.tables if t.rows[0].cells[1].text in ("Primary", "0–9")]
    assert len(matrices) == 3 * 2
    for grid in matrices:  # the names column wide, the counts narrow, in the grid itself
        assert grid.columns[0].width > 1.5 * grid.columns[1].width
    with zipfile.ZipFile(papers["docx"]) as archive:
        names = archive.namelist()
    assert sum(n.endswith(".svg") for n in names) == sum(n.endswith(".png") for n in names)


@pytest.mark.slow
def test_the_deck_reads_back(papers: dict[str, Path]) -> None:
    deck = pptx.Presentation(str(papers["pptx"]))
    assert (deck.slide_width, deck.slide_height) == (
        pptx.util.Inches(13.333),
        pptx.util.Inches(7.5),
    )
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[0] == "Gap analysis: 3 areas compared"
    for area in ("Northbrook", "Southmere", "Eastwick"):
        for what in (
            "summary",
            "the top gap of each board",
            "Logic model",
            "Pathway map",
            "coverage as funding ends",
        ):
            assert f"{area}: {what}" in titles
        for page in range(1, 5):  # the map of the gaps, on the four A4 pages draw gives it
            assert f"{area}: Pathway map of the gaps, page {page} of 4" in titles
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    # the region's chart; per area a chart, 2 diagrams, the 4 pages of the map of the gaps,
    # a timeline
    assert len(pictures) == 1 + 3 * (4 + 4)
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:
                alt = shape._element.nvPicPr.cNvPr.get("descr")
                assert alt and slide.has_notes_slide
                assert alt in slide.notes_slide.notes_text_frame.text


@pytest.mark.slow
def test_both_pass_the_accessibility_check(papers: dict[str, Path]) -> None:
    assert docx_problems(papers["docx"].read_bytes()) == []
    assert pptx_problems(papers["pptx"].read_bytes()) == []


def test_the_check_finds_what_it_should() -> None:
    bad = docx.Document()
    bad.add_heading("Top", 1)
    bad.add_heading("Skipped to three", 3)
    bad.add_table(rows=2, cols=2).cell(0, 0).merge(bad.tables[0].cell(0, 1))
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(picture, "PNG")
    bad.add_picture(picture)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "INCLUDETEXT evil.docx")
    bad.add_paragraph()._p.append(field)
    bad.part.relate_to("javascript:alert(1)", RT.HYPERLINK, is_external=True)
    raw = io.BytesIO()
    bad.save(raw)
    problems = docx_problems(raw.getvalue())
    assert "picture 'Picture 1' has no alt text" in problems
    assert "word/document.xml holds the field 'INCLUDETEXT evil.docx'" in problems
    assert (
        "word/_rels/document.xml.rels links to 'javascript:alert(1)', not an http(s) address"
        in problems
    )
    assert "the document's title is not set" in problems
    assert "heading 'Skipped to three' is level 3 after level 1" in problems
    assert "table 1 has no header row" in problems and "table 1 merges cells" in problems
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, 100, 100).text_frame
    box.text = "small"
    box.paragraphs[0].runs[0].font.size = pptx.util.Pt(10)
    raw = io.BytesIO()
    deck.save(raw)
    problems = pptx_problems(raw.getvalue())
    assert "ppt/slides/slide1.xml has no title" in problems
    assert "text on ppt/slides/slide1.xml is 10 pt, under 14 pt" in problems


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is needed in CI (scripts/setup-system --test)")
        pytest.skip("LibreOffice is not installed (scripts/setup-system --test)")
    return found


@pytest.mark.slow
def test_libreoffice_converts_both_to_pdf(papers: dict[str, Path], tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"  # a name of its own, so that its PDF is not the paper's
    shutil.copyfile(papers["pptx"], deck)
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(papers["docx"]),
                str(deck),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    for name in ("region.pdf", "deck.pdf"):
        assert (tmp_path / name).read_bytes()[:5] == b"%PDF-"
    assert "Error" not in done.stderr


def _template(tmp_path: Path, drop: tuple[str, ...] = ()) -> Path:
    reference = docx.Document()
    for name in drop:
        style = reference.styles[name]
        style.element.getparent().remove(style.element)
    reference.styles["Normal"].font.name = "Georgia"
    for section in reference.sections:
        section.left_margin = docx.shared.Cm(3.1)
    reference.add_paragraph("Council draft text that the paper leaves out.")
    path = tmp_path / "council.docx"
    reference.save(str(path))
    return path


def test_a_reference_docx_that_is_not_word_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.docx").write_text("not a zip", encoding="utf-8")
    out = tmp_path / "paper.docx"
    result = run(
        ["report", MODELS[0], "-o", str(out), "--reference-docx", str(tmp_path / "fake.docx")], ROOT
    )
    assert result.code == 2
    assert "is not a Word document (.docx)" in result.err
    assert not out.exists()


def test_a_reference_docx_without_the_styles_is_refused(tmp_path: Path) -> None:
    template = _template(tmp_path, ("Caption", "Heading 3"))
    out = tmp_path / "paper.docx"
    result = run(["report", MODELS[0], "-o", str(out), "--reference-docx", str(template)], ROOT)
    assert result.code == 2
    assert "lacks the paragraph styles the paper needs: Heading 3, Caption" in result.err
    assert not out.exists()


def test_reference_docx_is_only_for_word(tmp_path: Path) -> None:
    template = _template(tmp_path)
    result = run(
        ["report", MODELS[0], "-o", str(tmp_path / "r.html"), "--reference-docx", str(template)],
        ROOT,
    )
    assert result.code == 2 and "--reference-docx is for a .docx report" in result.err


def test_another_extension_is_a_usage_error(tmp_path: Path) -> None:
    result = run(["report", MODELS[0], "-o", str(tmp_path / "paper.odt")], ROOT)
    assert result.code == 2 and ".html, .md, .docx or .pptx" in result.err


@pytest.mark.slow
def test_the_paper_takes_the_councils_styles_not_its_text(tmp_path: Path) -> None:
    template = _template(tmp_path)
    out = tmp_path / "paper.docx"
    result = run(["report", MODELS[0], "-o", str(out), "--reference-docx", str(template)], ROOT)
    assert result.code == 0, result.err
    paper = docx.Document(str(out))
    assert paper.styles["Normal"].font.name == "Georgia"
    assert round(paper.sections[0].left_margin.cm, 1) == 3.1
    assert round(paper.sections[0].page_width.cm, 1) == 21.0
    assert "Council draft text" not in "\n".join(p.text for p in paper.paragraphs)
    assert docx_problems(out.read_bytes()) == []


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["docx", "pptx"])
def test_hostile_text_stays_text(suffix: str, tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": HOSTILE})
    out = tmp_path / f"report.{suffix}"
    assert run(["report", "model.yaml", "-o", str(out)], tmp_path).code == 0
    check = docx_problems if suffix == "docx" else pptx_problems
    assert check(out.read_bytes()) == []  # no field, no javascript: link, well-formed XML
    with zipfile.ZipFile(out) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; plan" in xml
    assert "<script" not in xml and 'Target="javascript' not in xml
