"""Whatever a name, an ID or a file name holds, what the tool prints cannot drive a terminal
or a CI runner: in every format of every command, and on standard error, no control
character but line feed and tab, no line that starts a workflow command (but the
annotations and groups ``--format github`` writes itself), no ``##[`` anywhere. Machine
formats still carry the exact text; CSV cells never start a formula; XML stays XML.
"""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom
from pathlib import Path

import graphviz
import pytest
from attacks import HOSTILE, STARTS, harmless, hostile_model, quoted
from helpers import run, write

from vru_pathways.edge import graphviz as edge_graphviz

CHECK_FORMATS = ["table", "json", "csv", "markdown", "github", "sarif", "junit"]
MODEL = "::group::models/::error::pwned.yaml"
OTHER = "::group::models/##[error]other.yaml"
FRAMEWORK = "::add-mask::frameworks/\x1b[2J##[error]f.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    harms = f"format: vru-pathways/1\nharms:\n  extra: {{name: {quoted(STARTS[0] + HOSTILE)}}}\n"
    framework = "../" + FRAMEWORK
    write(
        tmp_path,
        {
            FRAMEWORK: harms,
            MODEL: hostile_model(uses=quoted(framework)),
            OTHER: hostile_model(uses=quoted(framework)).replace("  orphan:", "  orphan-2:"),
        },
    )
    return tmp_path


@pytest.mark.parametrize(
    ("command", "fmt"),
    [(c, f) for c in ("validate", "gaps") for f in CHECK_FORMATS],
)
def test_every_check_format_is_harmless(folder: Path, command: str, fmt: str) -> None:
    result = run([command, MODEL, OTHER, "-f", fmt, "--fail-on", "never"], folder)
    assert result.code == 0, result.out + result.err
    assert "retitled" in result.out  # the names are printed, escaped
    harmless(result.out, github=fmt == "github")
    harmless(result.err)


def test_the_test_model_has_findings_that_quote_the_names(folder: Path) -> None:
    """What the test above relies on: findings whose messages hold the hostile names, in
    files whose names are hostile too, for every kind of place a name is printed."""
    report = json.loads(run(["gaps", MODEL, OTHER, "-f", "json"], folder).out)
    rules = {f["rule"] for f in report["findings"]}
    assert {"no-pathway", "dead-end", "funding-cliff", "orphan-service"} <= rules
    assert {f["path"] for f in report["findings"]} >= {MODEL, OTHER}
    assert any(HOSTILE in f["message"] for f in report["findings"])


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_carry_the_exact_text(folder: Path, fmt: str) -> None:
    result = run(["gaps", MODEL, OTHER, "-f", fmt, "--max-findings", "0"], folder)
    document = json.loads(result.out)
    if fmt == "json":
        messages = [f["message"] for f in document["findings"]]
        paths = {f["path"] for f in document["findings"]}
        assert set(document["models"]) == {MODEL, OTHER}
    else:
        results = document["runs"][0]["results"]
        messages = [r["message"]["text"] for r in results]
        paths = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    for start in STARTS:
        assert any(start + HOSTILE in m for m in messages), start
    assert {MODEL, OTHER} <= paths


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_diff_format_is_harmless(folder: Path, fmt: str) -> None:
    changed = (folder / MODEL).read_text(encoding="utf-8").replace("  club:", "  club-gone:")
    changed = changed.replace("addresses: [exclusion], outcomes: [stuck]", "addresses: []")
    write(folder, {"::group::models/::error::pwned-2.yaml": changed})
    result = run(
        [
            "diff",
            MODEL,
            "::group::models/::error::pwned-2.yaml",
            "-f",
            fmt,
            "--fail-on-new",
            "never",
        ],
        folder,
    )
    assert result.code == 0, result.out + result.err
    harmless(result.out)
    harmless(result.err)
    if fmt == "json":
        document = json.loads(result.out)
        assert any(HOSTILE in f["message"] for f in document["opened"] + document["closed"])


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
@pytest.mark.parametrize(
    "view",
    [["--view", "pathways"], ["--view", "logic-model"], ["--view", "focus", "--focus", "gangs"]],
    ids=["pathways", "logic-model", "focus"],
)
def test_drawings_printed_are_harmless(folder: Path, fmt: str, view: list[str]) -> None:
    result = run(["draw", MODEL, *view, "-f", fmt], folder)
    assert result.code == 0, result.err
    harmless(result.out)
    harmless(result.err)


def test_messages_on_standard_error_are_harmless(folder: Path) -> None:
    hostile_name = "\x1b]0;x\x07::error::a\n::add-mask::b ##[error]c"
    cases = [
        ["draw", MODEL, "-f", "dot", "-o", f"{hostile_name}/x.dot"],
        ["import", "oruk", f"{hostile_name}.json", "-o", "x.yaml"],
        ["import", "xlsx", f"{hostile_name}.xlsx", "-o", "out"],
    ]
    for args in cases:
        result = run(args, folder)
        assert result.code == 2, (args, result)
        assert result.err, args
        harmless(result.err)
        harmless(result.out)


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", MODEL, "--as-of", "\x1b]0;x\x07\n::add-mask::b ##[error]c"],
        ["gaps", MODEL, "-f", "\x1b[2J\n::error::x"],
        ["draw", MODEL, "-o", "map.\x1b[2J\n::error::x"],
    ],
    ids=["as-of", "format", "draw-output"],
)
def test_usage_errors_are_harmless(folder: Path, args: list[str]) -> None:
    result = run(args, folder)
    assert result.code == 2 and result.err
    harmless(result.err)


@pytest.mark.slow
def test_a_revision_named_with_hostile_text_is_a_harmless_message(folder: Path) -> None:
    result = run(["diff", "\x1b]0;x\x07::error::a\n##[error]b:a.yaml", MODEL], folder)
    assert result.code == 2 and "is not a revision" in result.err
    harmless(result.err)


def test_import_warnings_are_harmless(tmp_path: Path) -> None:
    services = [
        {"id": "1", "name": STARTS[0] + HOSTILE, "status": STARTS[1] + HOSTILE},
        {"name": STARTS[2] + HOSTILE, "minimum_age": HOSTILE, "status": "active"},
        {"id": "3", "alternate_name": HOSTILE},
        {"id": "1", "name": "again"},
    ]
    (tmp_path / "directory.json").write_text(json.dumps(services), encoding="utf-8")
    result = run(["import", "oruk", "directory.json", "-o", "services.yaml"], tmp_path)
    assert result.code == 0, result.err
    assert result.err.count("vru-pathways: warning:") >= 4
    harmless(result.err)
    harmless(result.out)


def test_imported_hostile_names_load_back_exactly(tmp_path: Path) -> None:
    """The YAML an import writes holds the names as they were, and reads back."""
    name = STARTS[0] + HOSTILE + " '\" # : - [ { &a *a !x |"
    directory = [{"id": "1", "name": name, "status": "active"}]
    (tmp_path / "directory.json").write_text(json.dumps(directory), encoding="utf-8")
    assert run(["import", "oruk", "directory.json", "-o", "services.yaml"], tmp_path).code == 0
    result = run(["validate", "services.yaml", "-f", "json", "--fail-on", "never"], tmp_path)
    assert result.code == 0, result.out
    assert any(name in f["message"] for f in json.loads(result.out)["findings"])


def test_graphviz_messages_relayed_are_harmless(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> bytes:
        raise graphviz.CalledProcessError(
            1, ["dot"], stderr=b"Error: \x1b[2J\x1b]0;x\x07 syntax\n::error::pwned\n##[error]x\x9b"
        )

    monkeypatch.setattr(edge_graphviz.graphviz, "pipe", failing)
    result = run(["draw", MODEL, "-o", "map.svg"], folder)
    assert result.code == 2
    assert result.err.startswith("vru-pathways: Graphviz could not draw the diagram: Error: ")
    harmless(result.err)
    assert not (folder / "map.svg").exists()


FORMULAS = ["=HYPERLINK(1)", "+1", "-1", "@SUM(1)", "\tx", "\rx"]


def test_no_csv_cell_starts_a_formula(tmp_path: Path) -> None:
    """File names and model names are the cells that can start with anything."""
    body = "format: vru-pathways/1\nservices:\n  s: {name: S, tier: primary}\n"
    names = [f"{lead}.yaml" for lead in FORMULAS]
    write(tmp_path, dict.fromkeys(names, body))
    result = run(
        ["validate", *(f"./{n}" for n in names), "-f", "csv", "--fail-on", "never"], tmp_path
    )
    assert result.code == 0, result.out + result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    assert len(rows) == 1 + len(names)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert sorted(row[0] for row in rows[1:]) == sorted(
        f"'{n}".replace("\t", "\\x09").replace("\r", "\\x0d") for n in names
    )


ESCAPES = ["\\0", "\\e", "\\x01", "\\uFFFE", "\\uFFFF", "\\x85", "\\x7f", "\\L", "\\P"]
"""What YAML's double-quoted escapes let into a name that XML 1.0 forbids or a terminal
obeys."""


def xml_model(tmp_path: Path, escape: str) -> str:
    name = f'"a{escape}b <&> ]]> --"'
    write(
        tmp_path,
        {
            "model.yaml": f"""format: vru-pathways/1
scope: {{as_of: 2025-01-01}}
risk_factors:
  f: {{name: {name}, level: individual}}
outcomes:
  o: {{name: {name}, stage: impact}}
needs:
  f: {{priority: high}}
services:
  s: {{name: {name}, tier: primary, addresses: [f], outcomes: [o]}}
  t: {{name: {name}, tier: primary}}
"""
        },
    )
    return "model.yaml"


@pytest.mark.parametrize("escape", ESCAPES)
def test_junit_and_graphml_stay_xml(tmp_path: Path, escape: str) -> None:
    model = xml_model(tmp_path, escape)
    for command in ("validate", "gaps"):
        result = run([command, model, "-f", "junit", "--fail-on", "warning"], tmp_path)
        assert result.code == 1, result.out
        xml.dom.minidom.parseString(result.out)
    assert run(["export", "graphml", model, "-o", "graph.graphml"], tmp_path).code == 0
    xml.dom.minidom.parse(str(tmp_path / "graph.graphml"))


@pytest.mark.slow
@pytest.mark.parametrize("escape", ESCAPES)
def test_graphviz_draws_any_name_as_well_formed_svg(tmp_path: Path, escape: str) -> None:
    model = xml_model(tmp_path, escape)
    result = run(["draw", model, "-o", "map.svg"], tmp_path)
    assert result.code == 0, result.err
    document = xml.dom.minidom.parse(str(tmp_path / "map.svg"))
    harmless(document.toxml())


@pytest.mark.slow
def test_graphviz_draws_the_hostile_model(folder: Path) -> None:
    for view in ("pathways", "logic-model"):
        result = run(["draw", MODEL, "--view", view, "-o", f"{view}.svg"], folder)
        assert result.code == 0, result.err
        xml.dom.minidom.parse(str(folder / f"{view}.svg"))


def test_the_coverage_gate_line_is_harmless_in_github_format(folder: Path) -> None:
    result = run(["gaps", OTHER, "-f", "github", "--fail-under", "100"], folder)
    assert result.code == 1
    harmless(result.out, github=True)


def test_a_line_break_in_a_file_name_cannot_start_a_command_in_github_format(
    tmp_path: Path,
) -> None:
    body = hostile_model(names="plain")
    write(tmp_path, {"a\n::error::pwned.yaml": body, "b.yaml": body})
    result = run(
        ["gaps", "a\n::error::pwned.yaml", "b.yaml", "-f", "github", "--fail-under", "100"],
        tmp_path,
    )
    assert result.code == 1
    harmless(result.out, github=True)


def test_graphml_stays_xml_whatever_the_file_is_called(tmp_path: Path) -> None:
    write(tmp_path, {"model\x01\x1b.yaml": "format: vru-pathways/1\nharms:\n  h: {name: H}\n"})
    assert run(["export", "graphml", "model\x01\x1b.yaml", "-o", "g.graphml"], tmp_path).code == 0
    xml.dom.minidom.parse(str(tmp_path / "g.graphml"))
