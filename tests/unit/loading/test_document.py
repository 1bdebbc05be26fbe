"""A document with broken entries keeps the rest, in time linear in its size."""

from __future__ import annotations

import time

import pytest
from pydantic import ValidationError

from vru_pathways.loading import document
from vru_pathways.schema.document import Document


def test_many_broken_entries_are_salvaged_in_linear_time() -> None:
    """Dropping each broken entry once copied its whole section: 30,000 broken services
    took 20 seconds. Only the salvage is timed."""
    value = {
        "format": "vru-pathways/1",
        "services": {f"s{i}": {"name": "x", "tier": "nope"} for i in range(30_000)},
    }
    with pytest.raises(ValidationError) as caught:
        Document.model_validate(value)
    start = time.perf_counter()
    salvaged = document._salvage(value, caught.value)
    assert time.perf_counter() - start < 2.0
    assert salvaged is not None and len(salvaged[1]) == 30_000


def test_entities_given_the_same_fields_share_one_set_of_their_names() -> None:
    text = """\
format: vru-pathways/1
services:
  a: {name: A, tier: primary}
  b: {name: B, tier: secondary}
  c: {name: C, tier: primary, areas: [north]}
"""
    doc, problems = document.parse_document(text, "doc.yaml")
    assert doc is not None and not problems
    a, b, c = doc.model.services.values()
    assert a.model_fields_set == b.model_fields_set == {"name", "tier"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert c.model_fields_set == {"name", "tier", "areas"}
    changed = a.model_copy(update={"capacity": 3})  # a copy's set is its own
    assert changed.model_fields_set == {"name", "tier", "capacity"}
    assert b.model_fields_set == {"name", "tier"}
    assert b.model_dump(exclude_unset=True) == {"name": "B", "tier": "secondary"}
