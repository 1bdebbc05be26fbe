"""The schema and the validator agree: every document the schema rejects, the validator
rejects too (the validator also checks what no schema can: references, duplicates)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import ruamel.yaml
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vru_pathways.loading.document import parse_document

SCHEMA = json.loads((ROOT / "schemas" / "vru-pathways-1.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

# Scalars as a person might type them, including YAML's implicit-typing traps.
RAW = [
    "no",
    "on",
    "yes",
    "true",
    "010",
    "1e3",
    "25",
    "-3",
    "2.5",
    "'25'",
    '"7"',
    "~",
    "null",
    "",
    "2025-01-01",
    "2025-02-30",
    "2024-13",
    "2024-06",
    "10-17",
    "18+",
    "17-10",
    "secondary",
    "high",
    "individual",
    "impact",
    "School_Exclusion",
    "school-exclusion",
    "x y",
    '"a: b"',
    "[]",
    "{}",
    "[a, b]",
    "[school-exclusion]",
    "{name: X}",
]

BASE: dict[str, dict[str, dict[str, str]]] = {
    "harms": {"knife-crime": {"name": "Knife crime"}},
    "risk_factors": {
        "school-exclusion": {
            "name": "Exclusion",
            "level": "individual",
            "ages": '"10-16"',
            "harms": "[knife-crime]",
        }
    },
    "outcomes": {"fewer-admissions": {"name": "Fewer admissions", "stage": "impact"}},
    "approaches": {"mentoring": {"name": "Mentoring", "tiers": "[secondary]"}},
    "areas": {"north": {"name": "North"}},
    "partners": {"council": {"name": "Council", "sector": "local-authority"}},
    "funding": {"grant": {"name": "Grant", "amount": "100000", "ends": "2025-03-31"}},
    "needs": {"school-exclusion": {"priority": "high", "cohort": "40"}},
    "services": {
        "mentors": {
            "name": "Mentors",
            "tier": "secondary",
            "capacity": "25",
            "addresses": "[school-exclusion]",
            "starts": "2024-01-01",
        }
    },
}
FIELDS = [
    "name",
    "level",
    "ages",
    "harms",
    "stage",
    "tiers",
    "sector",
    "amount",
    "ends",
    "priority",
    "cohort",
    "tier",
    "capacity",
    "addresses",
    "starts",
    "status",
    "within",
    "leads_to",
    "evidence",
    "adresses",
    "title",
]


def text(doc: dict[str, dict[str, dict[str, str]]], top: dict[str, str]) -> str:
    lines = ["format: vru-pathways/1", *(f"{k}: {v}" for k, v in top.items())]
    for section, entries in doc.items():
        lines.append(f"{section}:")
        for ident, fields in entries.items():
            lines.append(f"  {ident}:")
            lines += [f"    {k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


@st.composite
def documents(draw: st.DrawFn) -> str:
    doc = {s: {i: dict(f) for i, f in e.items()} for s, e in BASE.items()}
    top: dict[str, str] = {}
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(sorted(doc)))
        ident = draw(st.sampled_from(sorted(doc[section])))
        action = draw(st.sampled_from(["set", "set", "drop", "rename", "top"]))
        fields = doc[section][ident]
        if action == "set":
            fields[draw(st.sampled_from(FIELDS))] = draw(st.sampled_from(RAW))
        elif action == "drop" and fields:
            fields.pop(draw(st.sampled_from(sorted(fields))))
        elif action == "rename":
            doc[section][draw(st.sampled_from(["Bad_Id", "a b", "ok-id", "010"]))] = doc[
                section
            ].pop(ident)
        else:
            top[draw(st.sampled_from(["id", "title", "uses", "scope", "policy"]))] = draw(
                st.sampled_from(RAW)
            )
    return text(doc, top)


def schema_accepts(source: str) -> bool:
    """As check-jsonschema reads YAML: ruamel's safe loader, timestamps left as text."""
    yaml = ruamel.yaml.YAML(typ="safe", pure=True)
    constructors = yaml.constructor.yaml_constructors
    constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
    try:
        data: Any = yaml.load(io.StringIO(source))
    except ruamel.yaml.YAMLError:
        return False

    def normal(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): normal(v) for k, v in value.items()}
        return [normal(v) for v in value] if isinstance(value, list) else value

    return VALIDATOR.is_valid(normal(data))


def validator_accepts(tmp: Path, source: str) -> bool:
    path = tmp / "doc.yaml"
    path.write_text(source, encoding="utf-8")
    doc, problems = parse_document(path.read_text(encoding="utf-8"), "doc.yaml")
    return doc is not None and not problems


def test_the_unchanged_base_is_valid_to_both(tmp_path: Path) -> None:
    source = text(BASE, {})
    assert schema_accepts(source) and validator_accepts(tmp_path, source)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
def test_what_the_schema_rejects_the_validator_rejects(tmp_path: Path, source: str) -> None:
    if not schema_accepts(source):
        assert not validator_accepts(tmp_path, source), source


@pytest.mark.slow
def test_the_emulation_matches_the_real_check_jsonschema(tmp_path: Path) -> None:
    sources = [text(BASE, {})]
    sources += [text(BASE, {"title": raw}) for raw in RAW]
    sources += [
        text(
            {**BASE, "services": {"mentors": {**BASE["services"]["mentors"], "capacity": raw}}}, {}
        )
        for raw in RAW
    ]
    files = []
    for n, source in enumerate(sources):
        path = tmp_path / f"{n}.yaml"
        path.write_text(source, encoding="utf-8")
        files.append(path)
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [
            str(checker),
            "--schemafile",
            str(ROOT / "schemas" / "vru-pathways-1.schema.json"),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    rejected = {p for p in files if f"{p}::" in result.stdout}
    for path, source in zip(files, sources, strict=True):
        assert (path not in rejected) == schema_accepts(source), source
