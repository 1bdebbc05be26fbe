"""The code holds to its own standards: types, lint, and the layers of the pipeline."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

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


LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=folder, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_the_layers_hold() -> None:
    """The import-linter contracts in .importlinter: the layers, typer only in the command
    line, and no process, temporary file or file-writing edge in the core."""
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("analysis/engine.py", "from ..cli import app", "flows one way"),
        ("analysis/engine.py", "from ..edge import files", "reach the edge"),
        ("graph.py", "import subprocess", "reach the edge"),
        ("reporters/table.py", "import typer", "typer and click"),
        ("reporters/table.py", "import matplotlib", "Only the charts import matplotlib"),
    ],
)
def test_the_contracts_catch_a_core_module_reaching_up_or_out(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(PACKAGE, tmp_path / "vru_pathways")
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    target = tmp_path / "vru_pathways" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    broken = result.stdout.split("Broken contracts")[1]
    assert contract in broken


@pytest.mark.parametrize("module", [m for m in modules() if m.startswith("schema/")])
def test_schema_is_pure(module: str) -> None:
    assert not imports(module) & {"yaml", "networkx", "os", "subprocess", "typer"}


@pytest.mark.slow
def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from vru_pathways.cli import main; main(['--help']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('matplotlib', 'networkx', 'pydantic', 'yaml')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "vru_pathways", "tests", "scripts", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
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


MAX_LINES = 300
MAX_COMPLEXITY = 15
TABLES = {"rulebook.py"}
"""Modules that are data tables, allowed past :data:`MAX_LINES`."""


def test_no_module_is_over_300_lines_unless_it_is_a_table() -> None:
    long = {
        m: n
        for m in modules()
        if m not in TABLES
        and (n := len((PACKAGE / m).read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_function_is_over_the_complexity_limit() -> None:
    """radon's count, which also counts the conditions of comprehensions and boolean
    operators (ruff's C90, at the same limit, counts fewer)."""
    from radon.complexity import cc_visit

    found = {}
    for m in modules():
        for block in cc_visit((PACKAGE / m).read_text(encoding="utf-8")):
            for b in [block, *getattr(block, "methods", [])]:
                if b.complexity > MAX_COMPLEXITY:
                    found[f"{m}:{b.lineno} {b.name}"] = b.complexity
    assert found == {}


def test_an_import_inside_a_function_says_why() -> None:
    """Imports belong at the top of a module; one inside a function is there for a
    measured start-up cost and says so on its line (``# lazy: <reason>``)."""
    unexplained = []
    for m in modules():
        lines = (PACKAGE / m).read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    is_import = isinstance(inner, ast.Import | ast.ImportFrom)
                    if is_import and "# lazy: " not in lines[inner.lineno - 1]:
                        unexplained.append(f"{m}:{inner.lineno}")
    assert unexplained == []


def test_no_import_circle() -> None:
    """No module reaches itself through the modules it imports (TYPE_CHECKING imports
    included), so every module can be imported on its own."""
    import grimp
    import networkx as nx

    graph = grimp.build_graph("vru_pathways")
    imports = nx.DiGraph(
        (m, i) for m in graph.modules for i in graph.find_modules_directly_imported_by(m)
    )
    assert list(nx.simple_cycles(imports)) == []
