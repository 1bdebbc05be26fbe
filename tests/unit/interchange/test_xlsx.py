"""Spreadsheet interchange: a workbook carries the shipped models there and back exactly, and
every problem in an edited workbook names its sheet and cell. (LibreOffice and the command
line: tests/acceptance/test_xlsx.py; the same bytes every time: test_determinism.py.)"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from helpers import write
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from workbooks import FORMAT_EXAMPLE, MODELS, SHEETS, edited, exported, write_out

from vru_pathways.diagnostics import Location, Severity
from vru_pathways.interchange.xlsx import export_workbook, import_workbook
from vru_pathways.loading import load
from vru_pathways.use_cases import check as app

EDGE_CASES = {
    "frameworks/edge.yaml": """\
format: vru-pathways/1
id: edge-framework
title: "Edge: values a spreadsheet could change"
description: |
  First line: with a colon # and a hash
    an indented line

  after a blank line
sources:
  s1: {title: "=SUM(A1:A2)", year: "2024", url: "https://example.org/a?b=c#d"}
harms:
  h1: {name: "yes", description: "010"}
  h2: {name: "  leading and trailing spaces  ", description: "tab\\there"}
risk_factors:
  f1:
    name: "null"
    level: individual
    ages: "18+"
    harms: [h1, h2]
    indicators: ["a, b, c", "- dash", "#hash", "quoted 'single' \\"double\\""]
protective_factors:
  p1: {name: "Ünïcödé — “quotes” 😀", level: community, ages: "0-25"}
outcomes:
  o1: {name: O1, stage: impact}
approaches:
  a1:
    name: A1
    tiers: [primary, tertiary]
    settings: ["school, college", "home"]
    addresses: [f1, p1]
    evidence: {impact: low, quality: 2}
""",
    "models/edge/model.yaml": """\
format: vru-pathways/1
id: edge-model
uses: [../../frameworks/edge.yaml]
areas:
  x: {name: X}
partners:
  p: {name: P}
funding:
  f: {name: F, funder: p, amount: 1234.56, starts: 2024-02-29, ends: 2025-03-31}
  g: {name: G, amount: "0.1"}
  big: {name: Big, amount: 123456789012.89}
needs:
  f1: {}
  p1: {priority: low, cohort: 0, evidence: "SNA, p. 4"}
services:
  s:
    name: S
    tier: primary
    status: active
    approach: a1
    outputs: [one, two]
    addresses: [f1]
    outcomes: [o1]
    description: "ends with a newline\\n"
scope: {harms: [], ages: "10-17", as_of: 2025-01-01}
policy: {}
""",
}


def gap_keys(root: Path) -> list[tuple[str, str, str, Severity]]:
    return sorted((f.rule, f.entity, f.message, f.severity) for f in app.gaps([str(root)]).findings)


def assert_round_trip(root: Path, folder: Path) -> None:
    before = load([str(root)]).frameworks[0]
    texts, findings = import_workbook(export_workbook(before.docs), "model.xlsx")
    assert findings == []
    assert all(text.startswith("format: vru-pathways/1\n") for text in texts.values())
    again = write_out(texts, folder, root)
    after = load([str(again)])
    assert after.findings == load([str(root)]).findings == []
    docs = after.frameworks[0].docs
    assert [os.path.relpath(d.path, os.path.dirname(docs[-1].path)) for d in docs] == [
        os.path.relpath(d.path, os.path.dirname(before.docs[-1].path)) for d in before.docs
    ]
    for old, new in zip(before.docs, docs, strict=True):
        assert new.model.model_dump() == old.model.model_dump(), old.path
    assert gap_keys(again) == gap_keys(root)


@pytest.mark.parametrize("root", [*MODELS, FORMAT_EXAMPLE], ids=lambda p: p.parent.name)
def test_round_trip_is_lossless(root: Path, tmp_path: Path) -> None:
    assert_round_trip(root, tmp_path)


def test_round_trip_keeps_awkward_values(tmp_path: Path) -> None:
    """Text that looks like a formula, a number, null or YAML syntax; line breaks;
    decimals a float cannot hold; an empty list that differs from none; empty mappings."""
    root = write(tmp_path / "in", EDGE_CASES) / "models/edge/model.yaml"
    assert_round_trip(root, tmp_path / "out")


def test_round_trip_of_uses_that_climb_back_down_by_name(tmp_path: Path) -> None:
    """The hub uses a file in the spoke's folder by name: the check needs the root folder's
    name, which the workbook keeps (``ROOT_FOLDER``)."""
    root = (
        write(
            tmp_path / "in",
            {
                "spokes/north/model.yaml": "format: vru-pathways/1\nuses: [../../hub/hub.yaml]\n"
                "areas: {n: {name: N, within: h}}\n",
                "hub/hub.yaml": "format: vru-pathways/1\nuses: [../spokes/north/extra.yaml]\n"
                "areas: {h: {name: H}}\n",
                "spokes/north/extra.yaml": "format: vru-pathways/1\nharms: {k: {name: K}}\n",
            },
        )
        / "spokes/north/model.yaml"
    )
    assert_round_trip(root, tmp_path / "out")


def test_workbook_layout() -> None:
    book = load_workbook(io.BytesIO(exported(MODELS[0])))
    assert book.sheetnames == SHEETS
    services = book["Services"]
    assert [c.value for c in services[1]][:4] == ["document", "id", "name", "tier"]
    assert services.freeze_panes == "C2" and services["A1"].font.bold
    assert [c.value for c in book["Needs"][1]][:2] == ["document", "factor"]
    approaches = [c.value for c in book["Approaches"][1]]
    assert approaches[-5:] == [
        "evidence.source",
        "evidence.impact",
        "evidence.quality",
        "evidence.cost",
        "evidence.rated",
    ]
    assert [c.value for c in book["Documents"][1]] == [
        "document",
        "id",
        "title",
        "description",
        "uses",
        "format",
    ]
    documents = [row[0] for row in book["Documents"].iter_rows(min_row=2, values_only=True)]
    assert documents == [
        "../../frameworks/serious-violence-uk.yaml",
        "../../frameworks/yef-toolkit.yaml",
        "../avonvale/region.yaml",
        "model.yaml",
    ]
    settings = {
        row[1]: row[2] for row in book["Scope and policy"].iter_rows(min_row=2, values_only=True)
    }
    assert settings["scope.as_of"] == "2026-10-01"
    assert settings["policy.severity"] == "unsupported-protective: info"
    assert settings["policy.require_tiers"] == "secondary, tertiary"
    tiers = [
        v
        for v in services.data_validations.dataValidation
        if v.formula1 == '"primary,secondary,tertiary"'
    ]
    assert [str(v.sqref) for v in tiers] == ["D2:D1048576"]


# --- Problems name the sheet and cell -----------------------------------------------------


def header(sheet: Worksheet, name: str) -> str:
    """The letter of the column headed ``name``."""
    return next(c.column_letter for c in sheet[1] if c.value == name)


def problems(data: bytes) -> list[tuple[str, str, Location]]:
    texts, findings = import_workbook(data, "example.xlsx")
    assert all(f.severity is Severity.ERROR for f in findings)
    return [(f.rule, f.message, f.location) for f in findings]


def test_an_unknown_reference_names_sheet_and_cell() -> None:
    def edit(book: Workbook) -> None:
        assert header(book["Services"], "addresses") == "N"
        assert book["Services"]["B2"].value == "inclusion-mentors"
        book["Services"]["N2"] = "exclusion"

    texts, findings = import_workbook(edited(FORMAT_EXAMPLE, edit), "example.xlsx")
    assert [(f.rule, f.message, f.location, f.entity) for f in findings] == [
        (
            "unknown-id",
            "Services!N2: unknown factor 'exclusion' — did you mean 'school-exclusion'?",
            Location("example.xlsx#Services!N2", 2, 14),
            "services.inclusion-mentors",
        )
    ]
    assert "    addresses:\n      - exclusion\n" in texts["models/example-area/model.yaml"]


def test_a_bad_choice_names_sheet_and_cell() -> None:
    def edit(book: Workbook) -> None:
        assert header(book["Services"], "tier") == "D"
        book["Services"]["D2"] = "tertary"

    assert problems(edited(FORMAT_EXAMPLE, edit)) == [
        (
            "invalid-value",
            "Services!D2: 'tertary' is not one of primary, secondary, tertiary — did you mean "
            "'tertiary'?",
            Location("example.xlsx#Services!D2", 2, 4),
        )
    ]


def test_an_unknown_column_names_its_header_cell() -> None:
    def edit(book: Workbook) -> None:
        assert header(book["Services"], "outputs") == "P"
        book["Services"]["P1"] = "output"

    assert problems(edited(FORMAT_EXAMPLE, edit)) == [
        (
            "unknown-key",
            "Services!P1: unknown column 'output' — did you mean 'outputs'?",
            Location("example.xlsx#Services!P1", 1, 16),
        )
    ]


def test_a_duplicate_id_names_both_cells() -> None:
    def edit(book: Workbook) -> None:
        book["Services"].append(["model.yaml", "inclusion-mentors", "Again", "primary"])
        book["Harms"].append(["model.yaml", "knife-crime", "Knife crime again"])

    assert problems(edited(FORMAT_EXAMPLE, edit)) == [
        (
            "duplicate-id",
            "Harms!B3: harms.knife-crime is already defined at Harms!B2",
            Location("example.xlsx#Harms!B3", 3, 2),
        ),
        (
            "duplicate-id",
            "Services!B3: services.inclusion-mentors is already defined at Services!B2",
            Location("example.xlsx#Services!B3", 3, 2),
        ),
    ]


def test_other_problems_name_sheet_and_cell() -> None:
    def edit(book: Workbook) -> None:
        book["Services"]["C2"] = None  # name, required
        book["Funding"][f"{header(book['Funding'], 'ends')}2"] = "2025-02-30"
        book["Risk factors"][f"{header(book['Risk factors'], 'ages')}2"] = "16-10"
        book["Areas"].append(["model.yml", "east", "East locality"])
        book["Areas"].append(["model.yaml", "East", "East locality"])
        book["Scope and policy"].append(["model.yaml", "policy.severity", "age-gap warning"])
        book.create_sheet("Service")

    found = problems(edited(FORMAT_EXAMPLE, edit))
    assert [(rule, message) for rule, message, _ in found] == [
        ("unknown-id", "Areas!A4: unknown document 'model.yml' — did you mean 'model.yaml'?"),
        (
            "bad-id",
            "Areas!B5: 'East' is not a valid ID: use lower-case letters, digits and "
            "hyphens, e.g. 'east'",
        ),
        ("bad-date", "Funding!G2: '2025-02-30' is not a real date (day is out of range for month)"),
        ("bad-age-range", "Risk factors!E2: '16-10' ends before it starts; write \"10-16\""),
        (
            "invalid-value",
            "Scope and policy!C11: 'age-gap warning' is not 'rule: level' (one "
            "a line, e.g. 'age-gap: warning')",
        ),
        ("unknown-key", "Service!A1: unknown sheet 'Service' — did you mean 'Services'?"),
        ("missing-key", "Services!C2: 'name' is required"),
    ]
    assert found[-1][2] == Location("example.xlsx#Services!C2", 2, 3)


def test_values_typed_into_a_spreadsheet_are_read_as_meant() -> None:
    """Numbers, real dates and stray spaces, as Excel or LibreOffice store them."""
    import datetime as dt

    def edit(book: Workbook) -> None:
        funding, needs = book["Funding"], book["Needs"]
        funding[f"{header(funding, 'ends')}2"] = dt.datetime(2025, 3, 31)
        funding[f"{header(funding, 'amount')}2"] = 100000.0
        needs[f"{header(needs, 'cohort')}2"] = 40
        needs[f"{header(needs, 'areas')}2"] = " north ,south, "
        book["Approaches"][f"{header(book['Approaches'], 'evidence.rated')}2"] = dt.date(2024, 6, 1)

    texts, findings = import_workbook(edited(FORMAT_EXAMPLE, edit), "example.xlsx")
    assert findings == []
    assert "    ends: 2025-03-31\n" in texts["models/example-area/model.yaml"]
    assert "    amount: 100000\n" in texts["models/example-area/model.yaml"]
    assert "    areas:\n      - north\n      - south\n" in texts["models/example-area/model.yaml"]
    assert "      rated: 2024-06\n" in texts["frameworks/example.yaml"]


def test_not_a_workbook() -> None:
    texts, findings = import_workbook(b"not a zip", "plan.xlsx")
    assert texts == {}
    assert [(f.rule, f.location) for f in findings] == [("invalid-value", Location("plan.xlsx"))]


def test_a_workbook_without_documents() -> None:
    book = Workbook()
    book.active.title = "Services"  # type: ignore[union-attr]
    out = io.BytesIO()
    book.save(out)
    texts, findings = import_workbook(out.getvalue(), "plan.xlsx")
    assert texts == {}
    assert [f.message for f in findings] == [
        "Documents!A1: no 'Documents' sheet: it lists the documents, one row each, that the "
        "other sheets' rows belong to"
    ]
