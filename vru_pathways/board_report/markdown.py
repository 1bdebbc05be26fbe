"""The report as Markdown, from the outline's blocks: a wiki page or a repository file.
Diagrams are Mermaid, which GitHub, GitLab and most wikis draw; a chart is given in
words (its description), since Markdown holds no picture of its own."""

from __future__ import annotations

from ..render.diagram import Diagram
from ..render.mermaid import emit
from ..reporters.markdown import escape, table
from .blocks import Block, Facts, Figure, Heading, Items, Paper, Paragraph, Table


def _text(text: str) -> str:
    return escape(text)


def figure(b: Figure) -> list[str]:
    if isinstance(b.source, Diagram):
        return [f"**{_text(b.caption)}**", "", "```mermaid", emit(b.source).rstrip("\n"), "```"]
    return [f"**{_text(b.caption)}.** {_text(b.reason or b.alt)}"]


def block(b: Block) -> list[str]:
    if isinstance(b, Heading):
        return ["#" * min(b.level + 1, 6) + " " + _text(b.text)]
    if isinstance(b, Paragraph):
        return [f"*{_text(b.text)}*" if b.tone == "note" else _text(b.text)]
    if isinstance(b, Facts):
        return table(["figure", "value"], [[k, v] for k, v in b.pairs])
    if isinstance(b, Items):
        out = []
        for i in b.items:
            lead = f"**{_text(i.strong)}** " if i.strong else ""
            out.append(f"- {lead}{_text(i.text)}")
            out += [f"  - {_text(d)}" for d in i.detail]
        return out
    if isinstance(b, Table):
        note = [f"*{_text(b.note)}*", ""] if b.note else []
        return note + table(list(b.header), [list(r) for r in b.rows])
    return figure(b)


def render(paper: Paper) -> str:
    out = [f"# {_text(paper.title)}", ""]
    for part in paper.parts:
        for b in part.blocks:
            out += [*block(b), ""]
    return "\n".join(out).rstrip("\n") + "\n"
