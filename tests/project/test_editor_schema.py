"""Editors get the committed JSON Schema, and it says what the validator says.

Every shipped YAML file names ``schemas/vru-pathways-1.schema.json`` in a
``# yaml-language-server: $schema=...`` first line, so editors with the YAML language
server (VS Code, Neovim, ...) check and complete it as you type. These tests keep that
promise: the committed schema is what ``vru-pathways schema`` prints, every shipped file
points at it, the real ``check-jsonschema`` accepts the shipped files, and it rejects the
same broken documents that ``vru-pathways validate`` rejects.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, run, write

SCHEMA = ROOT / "schemas" / "vru-pathways-1.schema.json"
REGENERATE = "vru-pathways schema -o schemas/vru-pathways-1.schema.json"
SHIPPED = sorted(ROOT.glob("frameworks/*.yaml")) + sorted(ROOT.glob("models/**/*.yaml"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(?P<path>\S+)\n")
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def check_jsonschema(*paths: Path) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA.exists(), (
        f"{CHECK_JSONSCHEMA} is missing: install the test extras (pip install -e '.[test]')"
    )
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def shipped_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_there_are_shipped_files() -> None:
    names = {shipped_id(p) for p in SHIPPED}
    assert {"frameworks/serious-violence-uk.yaml", "models/avonvale/region.yaml"} <= names
    assert len(SHIPPED) >= 6


def test_committed_schema_is_current() -> None:
    result = run(["schema"], ROOT)
    assert result.code == 0, result.err
    committed = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
    assert committed == result.out, (
        f"{SCHEMA.relative_to(ROOT)} is stale: regenerate it with `{REGENERATE}` and commit it"
    )


@pytest.mark.parametrize("path", SHIPPED, ids=shipped_id)
def test_shipped_file_names_the_committed_schema_on_its_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    match = MODELINE.fullmatch(first)
    assert match, (
        f"{shipped_id(path)}: the first line must be "
        f"'# yaml-language-server: $schema=<relative path to {SCHEMA.name}>', "
        f"not {first!r}"
    )
    target = match["path"]
    assert not target.startswith(("/", "http:", "https:", "file:")), (
        f"{shipped_id(path)}: the schema path must be relative, not {target!r}"
    )
    assert (path.parent / target).resolve() == SCHEMA.resolve(), (
        f"{shipped_id(path)}: {target!r} does not resolve to {SCHEMA.relative_to(ROOT)}"
    )


@pytest.mark.slow
def test_check_jsonschema_accepts_every_shipped_file() -> None:
    result = check_jsonschema(*SHIPPED)
    assert result.returncode == 0, result.stdout + result.stderr


VALID = """\
format: vru-pathways/1
id: sample
risk_factors:
  school-exclusion: {name: Permanent exclusion from school, level: individual}
services:
  mentors:
    name: School mentors
    tier: secondary
    addresses: [school-exclusion]
"""

# name: (text replaced, replacement, rule from validate, what check-jsonschema says)
BROKEN = {
    "unknown-key": (
        "    tier: secondary\n",
        "    tier: secondary\n    colour: red\n",
        "unknown-key",
        "'colour' was unexpected",
    ),
    "wrong-enum-value": (
        "tier: secondary",
        "tier: quaternary",
        "invalid-value",
        "'quaternary' is not one of",
    ),
    "bad-id-key": (
        "  school-exclusion: {",
        "  School_Exclusion: {",
        "bad-id",
        "'School_Exclusion' does not match",
    ),
    "missing-name": (
        "{name: Permanent exclusion from school, level",
        "{level",
        "missing-key",
        "'name' is a required property",
    ),
}


@pytest.mark.slow
def test_the_valid_document_passes_both(tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": VALID})
    schema = check_jsonschema(tmp_path / "model.yaml")
    assert schema.returncode == 0, schema.stdout + schema.stderr
    validate = run(["validate", "model.yaml"], tmp_path)
    assert validate.code == 0, validate.out + validate.err


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BROKEN))
def test_schema_and_validator_both_reject(tmp_path: Path, case: str) -> None:
    old, new, rule, schema_says = BROKEN[case]
    assert VALID.count(old) == 1
    write(tmp_path, {"model.yaml": VALID.replace(old, new)})

    schema = check_jsonschema(tmp_path / "model.yaml")
    assert schema.returncode == 1, schema.stdout + schema.stderr
    assert schema_says in schema.stdout, schema.stdout

    validate = run(["validate", "model.yaml"], tmp_path)
    assert validate.code == 2, validate.out + validate.err
    assert re.search(
        rf"^model\.yaml:\d+:\d+ +error +{re.escape(rule)} ", validate.out, re.MULTILINE
    ), validate.out
