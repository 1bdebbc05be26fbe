"""A diagram in plain English, for alt text and for screen readers.

It says what is drawn, then one sentence per marker drawn, naming every box (every
factor of a shared box) that carries it, with what the badge says there; an analysed
diagram then says which of the gaps its factors and services could have none of them
has. The sentences are made from the badges, which are made from the findings, so the
description says what ``gaps`` says of what is drawn, and nothing of what is not.
"""

from __future__ import annotations

from .diagram import Badge, Diagram, Marker, Node, NodeKind, clip

_PLURAL = {
    "group of services": "groups of services",
    "outputs": "outputs",
    "funding": "funding sources",
}

SENTENCES: dict[Marker, str] = {
    Marker.NO_PATHWAY: "Risk factors with no pathway (no active service addresses them)",
    Marker.UNSUPPORTED: "Protective factors no active service builds",
    Marker.DEAD_END: "Factors whose services reach no impact outcome (dead ends)",
    Marker.FUNDING_CLIFF: "Factors whose every covering service may stop within the horizon",
    Marker.AGE_GAP: "Factors with ages of the need no covering service serves",
    Marker.AREA_GAP: "Factors with areas of the need no covering service reaches",
    Marker.CAPACITY_GAP: "Factors whose need has more people than the covering services' places",
    Marker.TIER_GAP: "Factors with a required prevention tier no covering service has",
    Marker.EVIDENCE_GAP: "Factors no covering service of good enough evidence addresses",
    Marker.SINGLE_SERVICE: "High-priority needs carried by one service or one provider",
    Marker.HARMFUL: "Services using an approach the evidence rates as harmful",
    Marker.UNFUNDED: "Active services whose funding has all ended",
    Marker.REFERRAL: "Services referring people to services that are not running",
    Marker.ORPHAN_SERVICE: "Services that address no factor",
    Marker.ORPHAN_OUTCOME: "Outcomes nothing contributes or leads to",
    Marker.OUTCOME_CYCLE: "Outcomes leading to each other in a loop",
    Marker.STAGE_ORDER: "Outcomes leading to an outcome at an earlier stage",
    Marker.DATE_ORDER: "Entries that end before they start",
    Marker.NOT_ACTIVE: "Services shown that are not active",
    Marker.NOT_STARTED: "Services shown that have not started",
    Marker.SERVICE_ENDED: "Services shown that have ended",
    Marker.FUNDING_ENDED: "Funding that has ended",
    Marker.FUNDING_ENDS: "Funding that ends within the horizon",
    Marker.MAY_STOP: "Services that may stop within the horizon, as their funding or they end",
    Marker.NO_ROUTE_IN: "Services no route from an active service leads to",
}
"""How the description opens the sentence of each marker; the names follow a colon."""

NONE_OF: tuple[tuple[frozenset[NodeKind], str, tuple[tuple[Marker, str], ...]], ...] = (
    (
        frozenset({NodeKind.RISK, NodeKind.PROTECTIVE}),
        "factors",
        (
            (Marker.NO_PATHWAY, "no pathway"),
            (Marker.UNSUPPORTED, "no service building it"),
            (Marker.DEAD_END, "a dead end"),
            (Marker.FUNDING_CLIFF, "a funding cliff"),
            (Marker.AGE_GAP, "an age gap"),
            (Marker.AREA_GAP, "an area gap"),
            (Marker.CAPACITY_GAP, "a capacity gap"),
            (Marker.TIER_GAP, "a tier gap"),
            (Marker.EVIDENCE_GAP, "an evidence gap"),
            (Marker.SINGLE_SERVICE, "a single service or provider"),
        ),
    ),
    (
        frozenset({NodeKind.SERVICE, NodeKind.SERVICE_GROUP}),
        "services",
        (
            (Marker.HARMFUL, "a harmful approach"),
            (Marker.UNFUNDED, "no funding left"),
            (Marker.REFERRAL, "a referral to a service not running"),
        ),
    ),
)
"""For each family of boxes: the gaps an analysed description says none of them has,
when none has; each is a marker's short name."""


def _count(n: int, word: str) -> str:
    if n == 1:
        return f"1 {'funding source' if word == 'funding' else word}"
    return f"{n} {_PLURAL.get(word, word + 's')}"


def flat(text: str) -> str:
    """A name as one line of the description, cut as a box cuts it.

    >>> flat("Two\\nlines ")
    'Two lines'
    """
    return " ".join(clip(text).split())


def _named(node: Node, badge: Badge) -> list[str]:
    """The names a badge puts in its sentence: each member of the box, with what the
    badge says there; a group of services is named as the group."""
    if node.kind is NodeKind.SERVICE_GROUP:
        return [f"{flat(node.title)} (a group of {node.detail[0]}, at least one of them)"]
    note = f" ({flat(badge.detail)})" if badge.detail else ""
    members = node.members or (("", node.title),)
    return [f"{flat(name)}{note}" for _, name in members]


def _names(diagram: Diagram, marker: Marker) -> list[str]:
    return [
        name
        for node in diagram.nodes.values()
        for badge in node.badges
        if badge.marker is marker
        for name in _named(node, badge)
    ]


def _counts(diagram: Diagram) -> list[str]:
    counts: dict[str, int] = {}
    for node in diagram.nodes.values():
        is_factor = node.kind in (NodeKind.RISK, NodeKind.PROTECTIVE)
        key = "factor" if is_factor else node.kind.value
        counts[key] = counts.get(key, 0) + (len(node.members) if is_factor else 1)
    return [_count(n, kind) for kind, n in counts.items()]


def _none_of(diagram: Diagram) -> list[str]:
    """What no box of a family drawn has, in one sentence a family."""
    present = set(diagram.markers())
    kinds = {n.kind for n in diagram.nodes.values()}
    out = []
    for family, noun, markers in NONE_OF:
        absent = [words for marker, words in markers if marker not in present]
        if family & kinds and absent:
            out.append(f"None of the {noun} drawn has {_or(absent)}.")
    return out


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def describe(diagram: Diagram, *, analysed: bool = False) -> str:
    """What the diagram shows: counts per kind, then every marker it draws with the names
    of the boxes carrying it; with ``analysed``, the gaps none of its factors or services
    has."""
    shown = ", ".join(_counts(diagram)) or "nothing"
    if diagram.table is not None:
        reading = f"Read as a table: {diagram.table.reading}."
        counted = f"It shows {shown}."
    else:
        columns = ", then ".join(c.title.lower() for c in diagram.columns)
        reading = f"Read left to right: {columns}."
        counted = f"It shows {shown}, and {_count(len(diagram.edges), 'link')}."
    text = [f"{flat(diagram.title)}. {flat(diagram.subtitle)}.", reading, counted]
    for marker in diagram.markers():
        text.append(f"{SENTENCES[marker]}: {'; '.join(_names(diagram, marker))}.")
    broken = diagram.broken_routes()
    if broken:
        routes = [
            f"{flat(diagram.nodes[e.source].title)} to {flat(diagram.nodes[e.target].title)}"
            for e in broken
        ]
        text.append(f"Referral routes into services not active: {'; '.join(routes)}.")
    if analysed:
        text += _none_of(diagram)
    return "\n".join(text) + "\n"
