"""What a diagram says agrees with ``gaps``: on every shipped model and every golden
case, in every view, each finding about a drawn factor, service, outcome or funding
source is a badge on its box (and in the DOT), and the description names exactly those,
sentence by sentence, and says "none" only of what no drawn box has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from golden import CASES
from helpers import ROOT

from vru_pathways.analysis.context import Context
from vru_pathways.loading import load
from vru_pathways.render.alt_text import NONE_OF, SENTENCES, flat
from vru_pathways.render.diagram import MARKER_TEXT, Diagram, Marker
from vru_pathways.render.dot import emit
from vru_pathways.use_cases.check import gaps
from vru_pathways.views import Options, ViewError
from vru_pathways.views.badges import RULE_MARKERS
from vru_pathways.views.build import build


def models() -> list[Path]:
    shipped = sorted((ROOT / "models").glob("*/*.yaml"))
    cases = sorted(p for p in CASES.rglob("model.yaml") if load([str(p)]).ok)
    return shipped + cases


VIEWS = (
    Options("pathways"),
    Options("pathways", all_factors=True),
    Options("pathways", gaps_only=True),
    Options("logic-model"),
    Options("logic-model", gaps_only=True),
    Options("matrix"),
    Options("matrix", columns="area"),
    Options("pathways", levels=("individual",)),  # one page of a split by level
    Options("pathways", harms=("knife-crime",), gaps_only=True),
)


def drawn(diagram: Diagram) -> dict[str, str]:
    """Entity → name, for every entity a box stands for."""
    return {e: flat(n) for node in diagram.nodes.values() for e, n in node.members}


def badged(diagram: Diagram) -> set[tuple[Marker, str]]:
    return {
        (b.marker, entity)
        for node in diagram.nodes.values()
        for b in node.badges
        for entity, _ in node.members
        if b.marker in RULE_MARKERS.values()
    }


def sentences(description: str, names: set[str]) -> dict[Marker, list[str]]:
    """Marker → the drawn names its sentence lists, read name by name (a name may itself
    hold "; " or brackets), each with what its badge says there left off."""
    opening = {text: marker for marker, text in SENTENCES.items()}
    out: dict[Marker, list[str]] = {}
    for line in description.splitlines():
        head, _, rest = line.partition(": ")
        if head in opening:
            assert rest.endswith("."), line
            out[opening[head]] = read_names(rest[:-1], names)
    return out


def read_names(text: str, names: set[str]) -> list[str]:
    """The names a sentence lists, longest first where one starts another."""
    found = []
    while text:
        name = max((n for n in names if text.startswith(n)), key=len, default=None)
        assert name is not None, text
        found.append(name)
        text = text[len(name) :]
        if text.startswith(" ("):
            ends = [m.end() for m in re.finditer(r"\)(?=; |$)", text)]
            text = text[ends[0] :]
        assert text == "" or text.startswith("; "), text
        text = text[2:]
    return found


@pytest.mark.parametrize("model", models(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_finding_on_a_drawn_box_is_its_badge_and_its_sentence(model: Path) -> None:
    report = gaps([str(model)], max_findings=None)
    found = {(RULE_MARKERS[f.rule], f.entity) for f in report.findings if f.rule in RULE_MARKERS}
    ctx = Context(load([str(model)]).frameworks[0])
    for options in VIEWS:
        try:
            diagram = build(ctx, options)
        except ViewError:
            continue  # nothing to draw: the refusal is tested on its own
        where = f"{model.parent.name} {options}"
        shown = drawn(diagram)
        expected = {(m, e) for m, e in found if e in shown}
        assert badged(diagram) == expected, where
        lines = {n: _line(emit(diagram), n) for n in diagram.nodes}
        for marker, entity in expected:
            box = next(n.id for n in diagram.nodes.values() if entity in dict(n.members))
            assert MARKER_TEXT[marker] in lines[box], (where, marker, entity)
        said = sentences(diagram.description, set(shown.values()))
        heard = {(m, name) for m, items in said.items() for name in items}
        wanted = {(m, shown[e]) for m, e in expected}
        assert {x for x in heard if x[0] in RULE_MARKERS.values()} == wanted, where
        _none_is_true(diagram, expected, where)


def _line(dot: str, node_id: str) -> str:
    """The DOT statement that draws a box (or the matrix's one table)."""
    found = [x for x in dot.splitlines() if x.lstrip().startswith(f'"{node_id}" [')]
    return found[0] if found else dot


def _none_is_true(diagram: Diagram, expected: set[tuple[Marker, str]], where: str) -> None:
    """Each "None of the … drawn has …" names only gaps no drawn box has."""
    present = {m for m, _ in expected}
    for _, noun, markers in NONE_OF:
        line = next(
            (x for x in diagram.description.splitlines() if x.startswith(f"None of the {noun}")),
            "",
        )
        for marker, words in markers:
            if marker in present:
                assert not re.search(rf"\b{re.escape(words)}\b", line), (where, words)
