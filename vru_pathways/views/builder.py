"""Building a view's diagram: selection, nodes and edges of every view."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from ..analysis import CHECKS
from ..analysis.context import Context, PathwayStatus
from ..analysis.engine import run
from ..diagnostics import suggest
from ..render.alt_text import describe
from ..render.diagram import Column, Diagram, Edge, EdgeKind, Group, Marker, Node, NodeKind
from ..schema.document import LEVELS, STAGES, TIERS
from . import VIEWS, Options, ViewError

STATUS_MARKERS: dict[PathwayStatus, tuple[Marker, ...]] = {
    "pathway": (),
    "dead-end": (Marker.DEAD_END,),
    "no-pathway": (Marker.NO_PATHWAY,),
}


def _fid(kind: str, ident: str) -> str:
    return f"{kind}:{ident}"


class _Builder:
    """Selects what a view shows; each method answers one question about the framework."""

    def __init__(self, ctx: Context, options: Options) -> None:
        self.ctx = ctx
        self.fw = ctx.framework
        self.options = options

    @cached_property
    def gap_entities(self) -> set[str]:
        """Entities (``risk_factors.x``, ``services.y``) that some finding is about."""
        return {f.entity for f in run(self.ctx, CHECKS)}

    # --- selection --------------------------------------------------------------------

    def service_passes(self, s: str) -> bool:
        service = self.fw.services[s]
        if service.status == "closed":
            return False
        if self.options.tiers and service.tier not in self.options.tiers:
            return False
        if self.options.areas:
            reach = self.ctx.service_areas(s)
            if reach is not None and not any(a in reach for a in self.options.areas):
                return False
        return True

    def factor_passes(self, f: str) -> bool:
        factor = self.fw.factors[f]
        if self.options.harms and not any(h in self.options.harms for h in factor.harms):
            return False
        section = self.fw.section_of_factor(f)
        return not self.options.gaps_only or f"{section}.{f}" in self.gap_entities

    def factors(self) -> list[str]:
        return [f for f in self.ctx.in_scope if self.factor_passes(f)]

    def shown_services(self, factors: Iterable[str]) -> list[str]:
        """Active covering services of the factors, and any not-closed harmful service."""
        wanted = set(factors)
        out = []
        for s, service in self.fw.services.items():
            if not self.service_passes(s):
                continue
            covers = self.ctx.is_active(service) and any(f in wanted for f in service.addresses)
            harmful = self.ctx.rating(s) == "harmful" and (
                not service.addresses or any(f in wanted for f in service.addresses)
            )
            if covers or harmful:
                out.append(s)
        return out

    def outcomes_from(self, services: Iterable[str]) -> list[str]:
        """Outcomes the services contribute to, and everything they lead to."""
        seen: set[str] = set()
        todo = [o for s in services for o in self.fw.services[s].outcomes]
        while todo:
            o = todo.pop()
            if o not in seen:
                seen.add(o)
                todo.extend(self.fw.outcomes[o].leads_to)
        return [o for o in self.fw.outcomes if o in seen]

    # --- nodes ------------------------------------------------------------------------

    def factor_markers(self, f: str) -> tuple[Marker, ...]:
        return STATUS_MARKERS[self.ctx.status(f)]

    def factor_node(self, f: str) -> Node:
        kind = NodeKind.RISK if self.fw.factor_kind[f] == "risk" else NodeKind.PROTECTIVE
        need = self.ctx.need(f)
        detail = (f"{need.priority} priority need",) if need and need.priority else ()
        return Node(
            _fid("factor", f), self.fw.factors[f].name, kind, detail, self.factor_markers(f)
        )

    def service_node(self, s: str, *, full: bool = True) -> Node:
        service = self.fw.services[s]
        markers: list[Marker] = []
        if self.ctx.rating(s) == "harmful":
            markers.append(Marker.HARMFUL)
        if not self.ctx.is_active(service):
            markers.append(Marker.NOT_ACTIVE)
        approach = self.fw.approaches[service.approach].name if service.approach else None
        detail = ([service.tier] if full else []) + ([approach] if approach else [])
        if service.provider and full:
            detail.append(self.fw.partners[service.provider].name)
        if service.status != "active":
            detail.append(service.status)
        return Node(
            _fid("service", s),
            service.name,
            NodeKind.SERVICE,
            (" · ".join(detail),) if detail else (),
            tuple(markers),
        )

    def outcome_node(self, o: str) -> Node:
        outcome = self.fw.outcomes[o]
        kind = NodeKind.IMPACT if outcome.stage == "impact" else NodeKind.OUTCOME
        detail = (outcome.indicator,) if outcome.indicator and kind is NodeKind.IMPACT else ()
        return Node(_fid("outcome", o), outcome.name, kind, detail)

    def outcome_columns(self, outcomes: list[str], *, by_stage: bool) -> list[Column]:
        stages = {o: self.fw.outcomes[o].stage for o in outcomes}
        titles = {
            "short": "Short-term outcomes",
            "medium": "Medium-term outcomes",
            "long": "Long-term outcomes",
        }
        columns: list[Column] = []
        if by_stage:
            for stage in STAGES[:-1]:
                ids = tuple(_fid("outcome", o) for o in outcomes if stages[o] == stage)
                if ids:
                    columns.append(
                        Column(f"col-{stage}", titles[stage], (Group(f"grp-{stage}", "", ids),))
                    )
        else:
            groups = tuple(
                Group(
                    f"grp-{stage}",
                    titles[stage].replace(" outcomes", ""),
                    tuple(_fid("outcome", o) for o in outcomes if stages[o] == stage),
                )
                for stage in STAGES[:-1]
            )
            groups = tuple(g for g in groups if g.nodes)
            if groups:
                columns.append(Column("col-outcomes", "Outcomes", groups, aligned=False))
        impact = tuple(_fid("outcome", o) for o in outcomes if stages[o] == "impact")
        if impact:
            columns.append(Column("col-impact", "Impact", (Group("grp-impact", "", impact),)))
        return columns

    def outcome_edges(self, outcomes: list[str]) -> list[Edge]:
        shown = set(outcomes)
        return [
            Edge(_fid("outcome", o), _fid("outcome", t), EdgeKind.LEADS_TO)
            for o in outcomes
            for t in self.fw.outcomes[o].leads_to
            if t in shown
        ]


# --- views ------------------------------------------------------------------------------


def _pathways(
    b: _Builder, only: set[str] | None = None
) -> tuple[list[Column], list[Node], list[Edge]]:
    factors = [f for f in b.factors() if only is None or _fid("factor", f) in only]
    services = [s for s in b.shown_services(factors) if only is None or _fid("service", s) in only]
    outcomes = [o for o in b.outcomes_from(services) if only is None or _fid("outcome", o) in only]
    nodes: list[Node] = []
    groups: list[Group] = []
    merged: dict[str, str] = {}
    collapse = only is None and not b.options.all_factors
    for level in LEVELS:
        ids: list[str] = []
        loose: dict[tuple[Marker, ...], list[str]] = {}
        for f in (f for f in factors if b.fw.factors[f].level == level):
            node = b.factor_node(f)
            if collapse and b.ctx.need(f) is None:
                loose.setdefault(node.markers, []).append(f)
            else:
                nodes.append(node)
                ids.append(node.id)
        for markers, members in loose.items():
            if len(members) == 1:
                nodes.append(b.factor_node(members[0]))
                ids.append(nodes[-1].id)
                continue
            summary = _summary(b, level, markers, members)
            merged.update({_fid("factor", f): summary.id for f in members})
            nodes.append(summary)
            ids.append(summary.id)
        if ids:
            groups.append(Group(f"grp-{level}", level.capitalize(), tuple(ids)))
    columns = [Column("col-factors", "Risk and protective factors", tuple(groups))]
    service_groups = [
        Group(
            f"grp-{tier}",
            tier.capitalize(),
            tuple(_fid("service", s) for s in services if b.fw.services[s].tier == tier),
        )
        for tier in TIERS
    ]
    columns.append(
        Column(
            "col-services",
            "Services by prevention tier",
            tuple(g for g in service_groups if g.nodes),
        )
    )
    columns += b.outcome_columns(outcomes, by_stage=True)
    nodes += [b.service_node(s, full=False) for s in services]
    nodes += [b.outcome_node(o) for o in outcomes]
    shown_f, shown_o = set(factors), set(outcomes)
    edges = [
        Edge(_fid("factor", f), _fid("service", s), EdgeKind.ADDRESSES)
        for s in services
        for f in b.fw.services[s].addresses
        if f in shown_f
    ]
    edges += [
        Edge(_fid("service", s), _fid("outcome", o), EdgeKind.CONTRIBUTES)
        for s in services
        for o in b.fw.services[s].outcomes
        if o in shown_o
    ]
    edges += b.outcome_edges(outcomes)
    edges = list(
        dict.fromkeys(Edge(merged.get(e.source, e.source), e.target, e.kind) for e in edges)
    )
    shown_nodes = {n.id for n in nodes}
    edges = [e for e in edges if e.source in shown_nodes and e.target in shown_nodes]
    return columns, nodes, edges


def _summary(b: _Builder, level: str, markers: tuple[Marker, ...], members: list[str]) -> Node:
    """One node for the factors of a level that have no ``needs`` entry and share a status."""
    kinds = {b.fw.factor_kind[f] for f in members}
    kind = NodeKind.RISK if "risk" in kinds else NodeKind.PROTECTIVE
    state = {
        (): "with a pathway",
        (Marker.DEAD_END,): "dead ends",
        (Marker.NO_PATHWAY,): "with no pathway",
    }[markers]
    title = f"{len(members)} factor{'s' if len(members) != 1 else ''} in scope {state}"
    slug = "-".join(m.name.lower() for m in markers) or "covered"
    names = "; ".join(b.fw.factors[f].name for f in members)
    return Node(f"factors:{level}:{slug}", title, kind, (names,), markers)


def _logic_model(b: _Builder) -> tuple[list[Column], list[Node], list[Edge]]:
    fw = b.fw
    harms = set(b.options.harms)
    services = [
        s
        for s in fw.services
        if b.service_passes(s)
        and (
            not harms
            or any(h in harms for f in fw.services[s].addresses for h in fw.factors[f].harms)
        )
        and (
            not b.options.gaps_only
            or any(
                f"{fw.section_of_factor(f)}.{f}" in b.gap_entities for f in fw.services[s].addresses
            )
            or f"services.{s}" in b.gap_entities
        )
    ]
    funding = [x for x in fw.funding if any(x in fw.services[s].funding for s in services)]
    partners = [p for p in fw.partners if any(fw.services[s].provider == p for s in services)]
    outcomes = b.outcomes_from(services)
    nodes: list[Node] = []
    for x in funding:
        item = fw.funding[x]
        detail: list[str] = []
        if item.funder:
            detail.append(fw.partners[item.funder].name)
        if item.amount is not None:
            detail.append(f"£{item.amount:,.0f}")
        if item.ends:
            detail.append(f"ends {item.ends.isoformat()}")
        nodes.append(
            Node(
                _fid("funding", x),
                item.name,
                NodeKind.FUNDING,
                (" · ".join(detail),) if detail else (),
            )
        )
    for p in partners:
        duty = fw.partners[p].duty
        duty_line = (f"Serious Violence Duty: {duty}",) if duty and duty != "none" else ()
        nodes.append(Node(_fid("partner", p), fw.partners[p].name, NodeKind.PARTNER, duty_line))
    nodes += [b.service_node(s) for s in services]
    outputs = [s for s in services if fw.services[s].outputs]
    nodes += [
        Node(_fid("output", s), "; ".join(fw.services[s].outputs), NodeKind.OUTPUT) for s in outputs
    ]
    nodes += [b.outcome_node(o) for o in outcomes]
    inputs = (
        Group("grp-funding", "Funding", tuple(_fid("funding", x) for x in funding)),
        Group("grp-partners", "Partners", tuple(_fid("partner", p) for p in partners)),
    )
    columns = [
        Column("col-inputs", "Inputs", tuple(g for g in inputs if g.nodes)),
        Column(
            "col-activities",
            "Activities",
            (Group("grp-services", "", tuple(_fid("service", s) for s in services)),),
        ),
        Column(
            "col-outputs",
            "Outputs",
            (Group("grp-outputs", "", tuple(_fid("output", s) for s in outputs)),),
        ),
        *b.outcome_columns(outcomes, by_stage=True),
    ]
    edges = [
        Edge(_fid("funding", x), _fid("service", s), EdgeKind.FUNDS)
        for s in services
        for x in fw.services[s].funding
        if x in funding
    ]
    edges += [
        Edge(_fid("partner", fw.services[s].provider or ""), _fid("service", s), EdgeKind.PROVIDES)
        for s in services
        if fw.services[s].provider in partners
    ]
    shown_o = set(outcomes)
    for s in services:
        service = fw.services[s]
        start = _fid("output", s) if service.outputs else _fid("service", s)
        if service.outputs:
            edges.append(Edge(_fid("service", s), start, EdgeKind.DELIVERS))
        edges += [
            Edge(start, _fid("outcome", o), EdgeKind.CONTRIBUTES)
            for o in service.outcomes
            if o in shown_o
        ]
    edges += b.outcome_edges(outcomes)
    return [c for c in columns if any(g.nodes for g in c.groups)], nodes, edges


def _focus(b: _Builder) -> tuple[list[Column], list[Node], list[Edge]]:
    centre = resolve_focus(b, b.options.focus)
    adjacency: dict[str, list[str]] = {}
    reverse: dict[str, list[str]] = {}

    def link(u: str, v: str) -> None:
        adjacency.setdefault(u, []).append(v)
        reverse.setdefault(v, []).append(u)

    for s, service in b.fw.services.items():
        if service.status == "closed":
            continue
        for f in service.addresses:
            link(_fid("factor", f), _fid("service", s))
        for o in service.outcomes:
            link(_fid("service", s), _fid("outcome", o))
    for o, outcome in b.fw.outcomes.items():
        for t in outcome.leads_to:
            link(_fid("outcome", o), _fid("outcome", t))
    keep = {centre}
    for table in (adjacency, reverse):
        frontier = {centre}
        for _ in range(b.options.depth):
            frontier = {n for u in frontier for n in table.get(u, [])} - keep
            keep |= frontier
    return _pathways(b, keep)


def resolve_focus(b: _Builder, ident: str | None) -> str:
    """``ID`` or ``kind:ID`` → a node ID; an unknown or ambiguous ID is a :class:`ViewError`."""
    if not ident:
        raise ViewError("the focus view needs --focus ID (a factor, service or outcome)")
    kind, _, bare = ident.rpartition(":")
    tables: dict[str, dict[str, Any]] = {
        "factor": b.fw.factors,
        "service": b.fw.services,
        "outcome": b.fw.outcomes,
    }
    matches = [k for k, table in tables.items() if bare in table and kind in ("", k)]
    if len(matches) == 1:
        return _fid(matches[0], bare)
    if matches:
        options = " or ".join(f"{k}:{bare}" for k in matches)
        raise ViewError(f"--focus {ident} is ambiguous: write {options}")
    hint = suggest(bare, [i for t in tables.values() for i in t])
    raise ViewError(
        f"--focus {ident}: no factor, service or outcome has that ID"
        + (f" — did you mean '{hint}'?" if hint else "")
    )


def _group_key(b: _Builder, service_id: str, by: str) -> tuple[str, str]:
    """The group node ID and title of a service under ``--group-by``."""
    service = b.fw.services[service_id]
    if by == "tier":
        return f"group:tier:{service.tier}", f"{service.tier.capitalize()} tier"
    ref = service.provider if by == "provider" else service.approach
    if ref is None:
        return f"group:{by}:-", f"No {by}"
    table = b.fw.partners if by == "provider" else b.fw.approaches
    return f"group:{by}:{ref}", table[ref].name


def _group(
    b: _Builder, columns: list[Column], nodes: list[Node], edges: list[Edge], by: str
) -> tuple[list[Column], list[Node], list[Edge]]:
    """Collapse services into one node per provider, tier or approach."""
    key_of: dict[str, tuple[str, str]] = {}
    for node in nodes:
        if node.kind is not NodeKind.SERVICE:
            continue
        key_of[node.id] = _group_key(b, node.id.split(":", 1)[1], by)
    members: dict[str, list[Node]] = {}
    for node in nodes:
        if node.id in key_of:
            members.setdefault(key_of[node.id][0], []).append(node)
    groups = {
        gid: Node(
            gid,
            key_of[ms[0].id][1],
            NodeKind.SERVICE_GROUP,
            (f"{len(ms)} service{'s' if len(ms) != 1 else ''}", *(m.title for m in ms)),
            tuple(m for m in (Marker.HARMFUL,) if any(m in n.markers for n in ms)),
        )
        for gid, ms in members.items()
    }
    new_nodes = [n for n in nodes if n.id not in key_of] + list(groups.values())

    def swap(node_id: str) -> str:
        return key_of[node_id][0] if node_id in key_of else node_id

    new_edges = list(dict.fromkeys(Edge(swap(e.source), swap(e.target), e.kind) for e in edges))
    new_columns = []
    for column in columns:
        new_groups = []
        for group in column.groups:
            ids = tuple(dict.fromkeys(swap(n) for n in group.nodes))
            new_groups.append(Group(group.id, group.title, ids))
        new_columns.append(Column(column.id, column.title, tuple(new_groups)))
    return new_columns, new_nodes, new_edges


_TITLES = {"logic-model": "Logic model", "pathways": "Pathway map", "focus": "Focus"}


def build(ctx: Context, options: Options) -> Diagram:
    """The diagram of ``options.view`` for one framework, filtered and grouped."""
    if options.view not in VIEWS:
        raise ViewError(f"unknown view '{options.view}'; choose one of {', '.join(VIEWS)}")
    b = _Builder(ctx, options)
    if options.view == "logic-model":
        columns, nodes, edges = _logic_model(b)
    elif options.view == "focus":
        columns, nodes, edges = _focus(b)
    else:
        columns, nodes, edges = _pathways(b)
    if options.group_by:
        columns, nodes, edges = _group(b, columns, nodes, edges, options.group_by)
    if len(nodes) > options.max_nodes:
        raise ViewError(
            f"the {options.view} view would draw {len(nodes)} boxes, too many to read "
            f"(more than {options.max_nodes}); narrow it with --focus ID, --area, --tier, "
            "--harm or --gaps-only, or collapse services with --group-by provider|tier|approach "
            "(--max-nodes N raises the limit)"
        )
    title = f"{_TITLES[options.view]}: {ctx.framework.title}"
    if options.view == "focus":
        kind, _, ident = resolve_focus(b, options.focus).partition(":")
        table: dict[str, dict[str, Any]] = {
            "factor": b.fw.factors,
            "service": b.fw.services,
            "outcome": b.fw.outcomes,
        }
        title = f"{title} — around the {kind} {table[kind][ident].name}"
    subtitle = f"As of {ctx.as_of.isoformat()}"
    if options.filters:
        subtitle += " · " + " · ".join(options.filters)
    by_id = {n.id: n for n in nodes}
    ordered = {nid: by_id[nid] for c in columns for g in c.groups for nid in g.nodes}
    diagram = Diagram(title, subtitle, tuple(columns), ordered, tuple(edges))
    return Diagram(
        diagram.title,
        diagram.subtitle,
        diagram.columns,
        diagram.nodes,
        diagram.edges,
        describe(diagram, analysed=True),
    )
