from __future__ import annotations

from pathlib import Path

import pytest
from mermaid_check import mermaid_tools  # noqa: F401  (the fixture behind @requires_mermaid)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
"""Third-party files the tests read, vendored: see data/PROVENANCE.md."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected files of golden tests from the current output (review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
