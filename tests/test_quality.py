"""The code holds to its own standards: types, lint, and the layers of the pipeline."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "vru_pathways"


def imports(path: str) -> set[str]:
    tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", modules())
def test_only_the_cli_imports_typer(module: str) -> None:
    if module != "cli.py":
        assert "typer" not in imports(module)


@pytest.mark.parametrize("module", [m for m in modules() if m.startswith("schema/")])
def test_schema_is_pure(module: str) -> None:
    assert not imports(module) & {"yaml", "networkx", "os", "subprocess", "typer"}


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from vru_pathways.cli import main; main(['--help']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('networkx', 'pydantic', 'yaml')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "vru_pathways", "tests", "scripts", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--check",
            "vru_pathways",
            "tests",
            "scripts",
            "benchmarks",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
