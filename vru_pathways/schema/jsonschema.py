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


_NUMBER_TEXT = {
    "integer": {"type": "string", "pattern": "^[0-9]+$"},
    "number": {"type": "string", "pattern": "^[0-9]+([.][0-9]+)?$"},
}


def _adapt(node: Any) -> Any:
    """Fit the generated schema to how the validator reads YAML.

    The validator reads every scalar as the text written, so where the format wants text
    a YAML number or boolean (``name: 2024``, ``title: yes``) is still valid, and where it
    wants a number, digits in quotes are too. The schema must never reject a
    document the validator accepts. Mappings keyed by ID accept only valid IDs.
    """
    if isinstance(node, list):
        return [_adapt(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _adapt(value) for key, value in node.items()}
    if "patternProperties" in out:
        out.setdefault("additionalProperties", False)
    if out.get("type") == "string":
        out["type"] = ["string", "number", "boolean"]
    elif out.get("type") in _NUMBER_TEXT:
        return {"anyOf": [out, _NUMBER_TEXT[out["type"]]]}
    return out


def document_schema() -> dict[str, Any]:
    """The schema of one framework document, format version 1."""
    schema: dict[str, Any] = _adapt(Document.model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"vru-pathways framework document ({FORMAT_VERSION})"
    return schema
