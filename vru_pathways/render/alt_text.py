"""A diagram in plain English, for alt text and for screen readers."""

from __future__ import annotations

from .diagram import Diagram, Marker, NodeKind, clip

_PLURAL = {"group of services": "groups of services", "outputs": "outputs"}


def _count(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else _PLURAL.get(word, word + 's')}"


def _names(diagram: Diagram, marker: Marker) -> list[str]:
    names: list[str] = []
    for node in diagram.nodes.values():
        if marker in node.markers:
            if node.id.startswith("factors:"):
                names += node.detail[0].split("; ")
            elif node.kind is NodeKind.SERVICE_GROUP:
                names.append(f"{node.title} (a group of {node.detail[0]}, at least one of them)")
            else:
                names.append(node.title)
    return [clip(n) for n in names]


def describe(diagram: Diagram, *, analysed: bool = False) -> str:
    """What the diagram shows: counts per kind, then every gap it marks, by name; with
    ``analysed``, factor gaps it has none of are said to be none."""
    counts: dict[str, int] = {}
    for node in diagram.nodes.values():
        is_factor = node.kind in (NodeKind.RISK, NodeKind.PROTECTIVE)
        size = len(node.detail[0].split("; ")) if node.id.startswith("factors:") else 1
        key = "factor" if is_factor else node.kind.value
        counts[key] = counts.get(key, 0) + size
    parts = [_count(n, kind) for kind, n in counts.items()]
    columns = ", then ".join(c.title.lower() for c in diagram.columns)
    text = [
        f"{clip(diagram.title)}. {clip(diagram.subtitle)}.",
        f"Read left to right: {columns}.",
        f"It shows {', '.join(parts) or 'nothing'}, and {_count(len(diagram.edges), 'link')}.",
    ]
    sentences = {
        Marker.NO_PATHWAY: "Factors with no pathway (no active service addresses them)",
        Marker.DEAD_END: "Factors whose services reach no impact outcome (dead ends)",
        Marker.HARMFUL: "Services using an approach the evidence rates as harmful",
        Marker.NOT_ACTIVE: "Services shown that are not active",
        Marker.NO_ROUTE_IN: "Services no route from an active service leads to",
    }
    for marker, sentence in sentences.items():
        names = _names(diagram, marker)
        if names:
            text.append(f"{sentence}: {'; '.join(names)}.")
        elif marker in (Marker.NO_PATHWAY, Marker.DEAD_END) and analysed:
            text.append(f"{sentence}: none.")
    broken = diagram.broken_routes()
    if broken:
        routes = [
            f"{clip(diagram.nodes[e.source].title)} to {clip(diagram.nodes[e.target].title)}"
            for e in broken
        ]
        text.append(f"Referral routes into services not active: {'; '.join(routes)}.")
    return "\n".join(text) + "\n"
