"""The JSON Schema of the format, generated from the pydantic models.

Editors use it (through ``# yaml-language-server: $schema=…``) to complete and check
framework files as they are typed; ``check-jsonschema`` uses it in CI. Cross-document
rules (references, duplicate IDs, gaps) are beyond a schema; ``vru-pathways validate``
checks those.
"""

from __future__ import annotations

from typing import Any

from .document import FORMAT_VERSION, Document

SCHEMA_ID = "https://vru-pathways.invalid/schema/vru-pathways-1.json"


def _close_id_maps(node: Any) -> None:
    """Mappings keyed by ID accept only valid IDs, as the validator does."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _close_id_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_id_maps(value)


def document_schema() -> dict[str, Any]:
    """The schema of one framework document, format version 1."""
    schema = Document.model_json_schema(mode="validation")
    _close_id_maps(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"vru-pathways framework document ({FORMAT_VERSION})"
    return schema
