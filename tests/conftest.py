from __future__ import annotations

from pathlib import Path

import pytest
from mermaid_check import mermaid_tools  # noqa: F401  (the fixture behind @requires_mermaid)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected files of golden tests from the current output (review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def project_folder(tmp_path: Path) -> Path:
    """Each test's temporary folder stands for a project: a ``.git`` marks it as a work
    tree, so the root folder of a model written there is that folder (as it would be in
    a repository), wherever the test runs from. Tests of the root itself make their own
    work trees inside it."""
    (tmp_path / ".git").mkdir(exist_ok=True)
    return tmp_path
