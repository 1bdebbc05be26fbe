"""The report's outline as data, from the three-area region: a cover listing what
follows, a one-page summary per model in plain words, the appendix last, headings that
never skip a level, and words for every picture."""

from __future__ import annotations

import dataclasses
import re

import pytest
from helpers import ROOT

from vru_pathways.board_report.blocks import Figure, Heading, Items, Paper, Paragraph, Table
from vru_pathways.board_report.build import build
from vru_pathways.board_report.model import BoardReport
from vru_pathways.board_report.outline import diagram_figures, model_slides, paper
from vru_pathways.board_report.summary import coverage_words, elsewhere, summary
from vru_pathways.loading import load

MODELS = [f"models/{m}/model.yaml" for m in ("northbrook", "southmere", "eastwick")]


@pytest.fixture(scope="module")
def report() -> BoardReport:
    return build(load([str(ROOT / m) for m in MODELS]).frameworks)


@pytest.fixture(scope="module")
def region(report: BoardReport) -> Paper:
    return paper(report)


def words(blocks: tuple[object, ...]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Heading | Paragraph):
            out.append(b.text)
        elif isinstance(b, Items):
            out += [f"{i.strong} {i.text} {' '.join(i.detail)}" for i in b.items]
    return "\n".join(out)


def test_the_parts_come_in_the_order_a_board_reads_them(region: Paper) -> None:
    ids = [p.id for p in region.parts]
    assert ids[:5] == [
        "cover",
        "northbrook-summary",
        "southmere-summary",
        "eastwick-summary",
        "across",
    ]
    body = [p for p in region.parts if not p.appendix]
    assert [p.id for p in body[5:]] == [  # each model's diagrams, money, boards and routes
        f"{m}-{part}"
        for m in ("northbrook", "southmere", "eastwick")
        for part in ("diagrams", "money", "governance")
    ]
    assert all(p.appendix for p in region.parts[len(body) :])
    contents = region.parts[0].blocks[-1]
    assert isinstance(contents, Items)
    firsts = [
        b.text
        for p in region.parts[1:]
        for b in p.blocks
        if isinstance(b, Heading) and b.level == 1
    ]
    assert [i.text for i in contents.items] == firsts


def test_no_heading_skips_a_level(region: Paper) -> None:
    last = 0
    for part in region.parts:
        for b in part.blocks:
            if isinstance(b, Heading):
                assert b.level <= last + 1, b.text
                last = b.level


def test_the_summaries_speak_in_names_and_pounds(report: BoardReport, region: Paper) -> None:
    northbrook = words(region.parts[1].blocks)
    # £45,000 + £1,650,000 + £214,000: the three sources ending by 1 April 2027
    assert "Money at risk: £1,909,000 ending by 1 April 2027" in northbrook
    assert "Criminal exploitation and county lines" in northbrook
    assert "Could close it: " in northbrook and "Already covered in Southmere by " in northbrook
    ids = {i for s in report.sections for i in s.factor_names if "-" in i}
    assert "school-exclusion" in ids or len(ids) > 10
    for part in region.parts[1:4]:
        text = words(part.blocks)
        assert ".yaml" not in text
        assert not ids & set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text)), part.id
    appendix = "\n".join(words(p.blocks) for p in region.parts if p.appendix)
    assert "models/northbrook/model.yaml:" in appendix


def test_every_picture_has_words(region: Paper) -> None:
    assert region.figures
    for f in region.figures:
        assert isinstance(f, Figure) and f.alt and f.caption
    keys = [f.key for f in region.figures]
    assert len(keys) == len(set(keys))
    slides = [b for s in region.deck.slides for b in s.blocks if isinstance(b, Figure)]
    assert {f.key for f in slides} <= set(keys)


def test_cover_elsewhere_names_the_first_service_and_counts_the_rest() -> None:
    cover = (("Southmere", "Mentors"), ("Southmere", "Navigators"), ("Eastwick", "Hub"))
    assert elsewhere(cover) == "in Southmere by Mentors and 1 more; in Eastwick by 1 service"
    assert elsewhere((("Eastwick", "Hub"), ("Eastwick", "Club"))) == "in Eastwick by Hub and 1 more"


def test_the_target_says_how_many_more_factors_would_meet_it() -> None:
    section = build(load([str(ROOT / MODELS[0])]).frameworks).sections[0]
    assert section.coverage is not None and section.coverage.overall.covered == 31
    assert section.coverage.overall.total == 46
    # 75% of 46 is 34.5, so 35 factors: 4 more than the 31 covered
    text = coverage_words(dataclasses.replace(section, target=75.0))
    assert text.endswith("The target is 75%: 4 more factors would need a pathway to meet it.")
    # 31 of 46 is 67.4%: a target of 67% is met
    assert coverage_words(dataclasses.replace(section, target=67.0)).endswith(
        "That meets the target of 67%."
    )
    blocks = summary(dataclasses.replace(section, target=75.0), {})
    assert ("Target", "75%") in next(b.pairs for b in blocks if hasattr(b, "pairs"))
    assert isinstance(blocks[0], Heading) and blocks[0].level == 1


def test_the_timeline_slide_says_what_ends_beside_the_chart(region: Paper) -> None:
    slide = next(s for s in region.deck.slides if s.title == "Northbrook: coverage as funding ends")
    assert isinstance(slide.blocks[-1], Figure) and slide.blocks[-1].key == "northbrook-timeline"
    text = words(slide.blocks)
    assert "£1,909,000 of funding for running services ends by 1 April 2027, in 3 sources." in text
    assert "£45,000" in text and "£1,650,000" in text and "£214,000" in text


def test_the_cover_shows_each_model_at_a_glance(region: Paper) -> None:
    glance = next(b for b in region.parts[0].blocks if isinstance(b, Table))
    assert glance.header == (
        "Model",
        "Coverage",
        "Target",
        "Gaps",
        "Services running",
        "Funding ending",
    )
    # the same figures as each summary's; Northbrook's £1,909,000 is £45,000 + £1,650,000
    # + £214,000, Southmere's £1,818,000 is £1,650,000 + £168,000, Eastwick's £1,801,000
    # is £55,000 + £96,000 + £1,650,000: the sources ending by 1 April 2027
    assert glance.rows == (
        ("Northbrook", "67%", "not set", "21", "17", "£1,909,000 by 1 April 2027"),
        ("Southmere", "67%", "not set", "23", "17", "£1,818,000 by 1 April 2027"),
        ("Eastwick", "76%", "not set", "17", "16", "£1,801,000 by 1 April 2027"),
    )


def test_the_board_slide_says_what_could_close_each_gap(region: Paper) -> None:
    slide = next(
        s for s in region.deck.slides if s.title == "Northbrook: the top gap of each board"
    )
    (listed,) = slide.blocks
    assert isinstance(listed, Items)
    first = listed.items[0]
    assert first.strong == "Avonvale Safeguarding Children Partnership"
    assert first.text == "Poor parental monitoring and supervision: no service works on it."
    assert first.detail == (
        "Could close it: Functional family therapy (moderate evidence) and Multi-systemic "
        "therapy (moderate evidence).",
    )


def test_a_view_of_several_pages_gives_a_figure_and_a_slide_per_page(report: BoardReport) -> None:
    section = report.sections[0]
    caption, pages = section.diagrams[0]
    assert isinstance(pages, list) and len(pages) == 1
    two = dataclasses.replace(section, diagrams=[(caption, [pages[0], pages[0]])])
    shown = [b for b in diagram_figures(two) if isinstance(b, Figure)]
    assert [f.caption for f in shown] == ["Logic model, page 1 of 2", "Logic model, page 2 of 2"]
    assert len({f.key for f in shown}) == 2
    titles = [s.title for s in model_slides(two)]
    assert "Northbrook: Logic model, page 2 of 2" in titles
    why = dataclasses.replace(section, diagrams=[(caption, "the view is empty")])
    (told,) = diagram_figures(why)
    assert isinstance(told, Figure) and told.source is None and told.reason == "the view is empty"
