"""``schema``: the JSON Schema of the format, built from the pydantic models alone."""

from __future__ import annotations

import json
from typing import Any

from ..schema.jsonschema import document_schema


def schema() -> str:
    """The JSON Schema of the format, as text (sorted keys, one trailing newline)."""
    document: dict[str, Any] = document_schema()
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
