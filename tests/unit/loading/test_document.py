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
