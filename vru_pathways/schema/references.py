"""Every reference between entities, as one table: the reference check and the graph's
edges both read it.

Each row is (section, field path inside the entity, namespace the IDs live in); the
namespace ``factors`` is risk and protective factors together. A field that is a
mapping refers by its keys (a scenario's ``capacity``, keyed by service).
"""

from __future__ import annotations

REFERENCES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("risk_factors", ("harms",), "harms"),
    ("risk_factors", ("sources",), "sources"),
    ("protective_factors", ("harms",), "harms"),
    ("protective_factors", ("sources",), "sources"),
    ("outcomes", ("leads_to",), "outcomes"),
    ("outcomes", ("harms",), "harms"),
    ("outcomes", ("sources",), "sources"),
    ("approaches", ("addresses",), "factors"),
    ("approaches", ("evidence", "source"), "sources"),
    ("areas", ("within",), "areas"),
    ("boards", ("reports_to",), "boards"),
    ("funding", ("funder",), "partners"),
    ("needs", ("areas",), "areas"),
    ("needs", ("owner",), "boards"),
    ("services", ("provider",), "partners"),
    ("services", ("approach",), "approaches"),
    ("services", ("areas",), "areas"),
    ("services", ("funding",), "funding"),
    ("services", ("addresses",), "factors"),
    ("services", ("outcomes",), "outcomes"),
    ("services", ("refers_to",), "services"),
    ("scenarios", ("end_funding",), "funding"),
    ("scenarios", ("close",), "services"),
    ("scenarios", ("start",), "services"),
    ("scenarios", ("capacity",), "services"),
    ("definitions", ("harms",), "harms"),
    ("definitions", ("sources",), "sources"),
)

NOUN = {
    "harms": "harm",
    "sources": "source",
    "outcomes": "outcome",
    "factors": "factor",
    "areas": "area",
    "boards": "board",
    "partners": "partner",
    "approaches": "approach",
    "funding": "funding",
    "services": "service",
    "rules": "rule",
}
