"""One driver for every case under tests/cases/{valid,invalid}/<case>/.

A case is a folder of YAML documents; its roots are the files named ``model.yaml``
(sorted). The driver runs ``vru-pathways gaps`` on them from inside the case folder and
compares the whole output, and the exit code, with ``expected.txt`` beside them.
``pytest --update-golden`` rewrites the expected files: review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run

CASES = Path(__file__).parent / "cases"
ALL = sorted(p for p in CASES.glob("*/*") if p.is_dir())


def roots(case: Path) -> list[str]:
    return sorted(p.relative_to(case).as_posix() for p in case.rglob("model.yaml"))


def transcript(case: Path) -> str:
    args = ["gaps", *roots(case)]
    result = run(args, case)
    return f"$ vru-pathways {' '.join(args)}\n{result.out}{result.err}exit: {result.code}\n"


@pytest.mark.parametrize("case", ALL, ids=[f"{p.parent.name}/{p.name}" for p in ALL])
def test_case(case: Path, update_golden: bool) -> None:
    assert roots(case), f"{case} has no model.yaml"
    expected = case / "expected.txt"
    actual = transcript(case)
    if update_golden:
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"run pytest --update-golden to create {expected}, then review it"
    assert actual == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "case", [c for c in ALL if c.parent.name == "invalid"], ids=lambda p: p.name
)
def test_invalid_cases_exit_2(case: Path) -> None:
    last = (case / "expected.txt").read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert last == "exit: 2"


@pytest.mark.parametrize("case", [c for c in ALL if c.parent.name == "valid"], ids=lambda p: p.name)
def test_valid_cases_load(case: Path) -> None:
    text = (case / "expected.txt").read_text(encoding="utf-8")
    assert "cannot be analysed" not in text
