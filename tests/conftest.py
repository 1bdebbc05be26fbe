from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path

import pytest
from mermaid_check import mermaid_tools  # noqa: F401  (the fixture behind @requires_mermaid)

PROGRAM_EVENTS = frozenset(
    {"subprocess.Popen", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork"}
)
"""Audit events raised when Python starts another program."""


class _Programs:
    """Whether the running test may start another program: only a test marked slow may,
    so that ``pytest -m "not slow"`` starts none and stays quick."""

    allowed = True


def _refuse_programs(event: str, args: tuple[object, ...]) -> None:
    if event in PROGRAM_EVENTS and not _Programs.allowed:
        started = args[1] if event == "subprocess.Popen" else args[:1]
        pytest.fail(
            f"this test starts a program ({event}: {started!r}) but is not marked slow: "
            "give it @pytest.mark.slow (tests/README.md says why)",
            pytrace=False,
        )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected files of golden tests from the current output (review the diff).",
    )


def pytest_configure(config: pytest.Config) -> None:
    sys.addaudithook(_refuse_programs)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    _Programs.allowed = item.get_closest_marker("slow") is not None
    try:
        return (yield)
    finally:
        _Programs.allowed = True


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
