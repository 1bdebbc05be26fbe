"""``init`` and ``list``: a new area's way in, and the catalogue's IDs."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, run

from vru_pathways.loading import load

DEFINITIONS = json.loads(run(["list", "definitions", "-f", "json"], ROOT).out)["entries"]
KINDS = ("factors", "outcomes", "approaches", "harms", "definitions")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's catalogue and schema, with an empty models/ folder."""
    shutil.copytree(ROOT / "frameworks", tmp_path / "frameworks")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "models").mkdir()
    return tmp_path


def test_every_shipped_definition_is_listed_with_its_harms() -> None:
    ids = [d["id"] for d in DEFINITIONS]
    assert ids == sorted(ids) and "bath-and-north-east-somerset" in ids
    bathnes = next(d for d in DEFINITIONS if d["id"] == "bath-and-north-east-somerset")
    assert bathnes["harms"] == [
        "domestic-abuse",
        "youth-violence",
        "knife-crime",
        "street-community-violence",
    ]


@pytest.mark.parametrize("definition", [d["id"] for d in DEFINITIONS])
def test_init_writes_a_model_that_loads_with_no_error(project: Path, definition: str) -> None:
    made = run(["init", "models/area", "--definition", definition, "--locality", "North"], project)
    assert made.code == 0, made.err
    path = project / "models" / "area" / "model.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/vru-pathways-1.schema.json\n"
    )
    assert (path.parent / "../../schemas/vru-pathways-1.schema.json").resolve().is_file()
    loaded = load([str(path)], root=str(project))
    assert [f for f in loaded.findings if f.severity.label == "error"] == []
    framework = loaded.frameworks[0]
    harms = next(d["harms"] for d in DEFINITIONS if d["id"] == definition)
    assert framework.scope.harms == harms
    assert framework.areas["north"].within == "area"
    assert len(framework.needs) == 1 and list(framework.services) == ["example-service"]
    service = framework.services["example-service"]
    assert service.addresses == list(framework.needs)
    checked = run(["validate", "models/area/model.yaml"], project)
    assert checked.code == 0, checked.out


def test_init_never_replaces_a_file(project: Path) -> None:
    (project / "models" / "area").mkdir()
    mine = project / "models" / "area" / "model.yaml"
    mine.write_text("mine\n", encoding="utf-8")
    result = run(["init", "models/area"], project)
    assert result.code == 2 and "never replaces a file" in result.err
    assert mine.read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_a_link_in_place_of_the_model(project: Path) -> None:
    (project / "models" / "area").mkdir()
    (project / "elsewhere.yaml").write_text("kept\n", encoding="utf-8")
    (project / "models" / "area" / "model.yaml").symlink_to(project / "elsewhere.yaml")
    result = run(["init", "models/area"], project)
    assert result.code == 2
    assert (project / "elsewhere.yaml").read_text(encoding="utf-8") == "kept\n"


def test_an_unknown_definition_is_a_usage_error_with_a_suggestion(project: Path) -> None:
    result = run(["init", "models/area", "--definition", "avon-and-somerst"], project)
    assert result.code == 2
    assert "did you mean 'avon-and-somerset'?" in result.err
    assert not (project / "models" / "area").exists()


def test_localities_with_awkward_names_are_quoted_and_get_ids(project: Path) -> None:
    names = ["Midsomer Norton, Radstock", "yes", "St. Mary's: [east]"]
    args = ["init", "models/area", *(a for n in names for a in ("--locality", n))]
    assert run(args, project).code == 0
    framework = load([str(project / "models/area/model.yaml")], str(project)).frameworks[0]
    assert {
        framework.areas[i].name for i in ("midsomer-norton-radstock", "yes", "st-mary-s-east")
    } == set(names)


def test_two_localities_that_make_one_id_are_refused(project: Path) -> None:
    result = run(["init", "models/area", "--locality", "North", "--locality", "north!"], project)
    assert result.code == 2 and "makes the ID 'north'" in result.err


def test_no_catalogue_is_an_input_error(tmp_path: Path) -> None:
    result = run(["init", "models/area"], tmp_path)
    assert result.code == 2 and "--frameworks DIR" in result.err


@pytest.mark.parametrize("kind", KINDS)
def test_every_listed_id_is_one_the_format_accepts(tmp_path: Path, kind: str) -> None:
    """Each ID ``list`` prints is used where the format takes one of its kind, in a model
    that uses the catalogue; the model loads with no error."""
    entries = json.loads(run(["list", kind, "-f", "json"], ROOT).out)["entries"]
    assert entries and all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", e["id"]) for e in entries)
    ids = [e["id"] for e in entries]
    uses = ", ".join(f'"{p.as_posix()}"' for p in sorted((ROOT / "frameworks").glob("*.yaml")))
    listed = ", ".join(ids)
    where = {
        "factors": "needs: {" + ", ".join(f"{i}: {{priority: low}}" for i in ids) + "}",
        "outcomes": f"services: {{s: {{name: S, tier: primary, outcomes: [{listed}]}}}}",
        "approaches": "services: {"
        + ", ".join(f"s-{i}: {{name: S, tier: primary, approach: {i}}}" for i in ids)
        + "}",
        "harms": f"scope: {{harms: [{listed}]}}",
        "definitions": "scope: {harms: []}",
    }[kind]
    model = tmp_path / "model.yaml"
    model.write_text(f"format: vru-pathways/1\nuses: [{uses}]\n{where}\n", encoding="utf-8")
    loaded = load([str(model)], root="/")
    assert [f.message for f in loaded.findings if f.severity.label == "error"] == []
    if kind == "definitions":
        assert set(ids) == set(loaded.frameworks[0].definitions)


def test_list_filters_by_harm_and_level() -> None:
    out = json.loads(
        run(
            [
                "list",
                "factors",
                "--harm",
                "domestic-abuse",
                "--level",
                "relationship",
                "-f",
                "json",
            ],
            ROOT,
        ).out
    )["entries"]
    assert out and all(e["level"] == "relationship" and "domestic-abuse" in e["harms"] for e in out)
    assert "coercive-control" in [e["id"] for e in out]
    table = run(["list", "approaches", "--harm", "street-community-violence"], ROOT)
    assert table.code == 0 and "street-outreach" in table.out and "unrated" in table.out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list", "factors", "--harm", "knife-crim"], "did you mean 'knife-crime'?"),
        (["list", "factors", "--level", "comunity"], "did you mean 'community'?"),
        (["list", "factor"], "did you mean 'factors'?"),
        (["list", "harms", "--level", "community"], "--level applies to factors"),
    ],
)
def test_unknown_filters_are_usage_errors_with_a_suggestion(args: list[str], expected: str) -> None:
    result = run(args, ROOT)
    assert result.code == 2 and expected in result.err


def _your_own_area() -> list[list[str]]:
    """The commands of the README's "Your own area", as a user would type them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your own area\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_the_readme_section_names_init_list_gaps_and_report() -> None:
    commands = [c[1] for c in _your_own_area()]
    assert commands[0] == "list" and "init" in commands
    assert commands[-2:] == ["gaps", "report"]


@pytest.mark.slow
def test_the_readme_walk_from_init_to_a_first_report_works_as_written(project: Path) -> None:
    for command in _your_own_area():
        assert command[0] == "vru-pathways"
        result = run(command[1:], project)
        assert result.code == 0, (command, result.err)
    report = (project / "bathnes-report.html").read_text(encoding="utf-8")
    assert "Bath and North East Somerset" in report
