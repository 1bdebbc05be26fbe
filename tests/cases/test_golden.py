"""One driver for every golden case under tests/cases/<group>/<case>/ (see golden.py).

Each expected file is compared whole with what its command prints now.
``pytest --update-golden`` rewrites the expected files: review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import COMMANDS, TRANSCRIPT, Pin, cases, every_pin, pins

from vru_pathways.loading import yaml_guard

PINS = every_pin()


@pytest.mark.parametrize("pin", PINS, ids=[p.name for p in PINS])
def test_case(pin: Pin, update_golden: bool) -> None:
    assert pin.args, f"{pin.case} has no model.yaml, and no {COMMANDS} to say what to run"
    actual = pin.actual()
    if update_golden:
        pin.path.parent.mkdir(exist_ok=True)
        pin.path.write_text(actual, encoding="utf-8")
    assert pin.path.exists(), f"run pytest --update-golden to create {pin.path}, then review it"
    assert actual == pin.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", cases("invalid"), ids=lambda p: p.name)
def test_invalid_cases_exit_2(case: Path) -> None:
    last = (case / TRANSCRIPT).read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert last == "exit: 2"


@pytest.mark.parametrize("case", cases("valid"), ids=lambda p: p.name)
def test_valid_cases_load(case: Path) -> None:
    text = (case / TRANSCRIPT).read_text(encoding="utf-8")
    assert "cannot be analysed" not in text


def test_every_file_of_a_case_is_a_document_or_pinned() -> None:
    """An expected file that no command pins any more would never be checked."""
    stray = [
        path.relative_to(case).as_posix()
        for case in cases()
        for path in sorted(case.rglob("*"))
        if path.is_file()
        and path.suffix != ".yaml"
        and path.name != COMMANDS
        and path not in {pin.path for pin in pins(case)}
    ]
    assert stray == []


@pytest.mark.parametrize("pin", PINS, ids=[p.name for p in PINS])
def test_case_without_libyaml(pin: Pin, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where PyYAML has no libyaml (``yaml.__with_libyaml__`` false) it parses in pure
    Python: every finding, position and output is the same."""
    monkeypatch.setattr(yaml_guard, "Loader", yaml_guard.PureLoader)
    assert pin.args
    assert pin.actual() == pin.path.read_text(encoding="utf-8")
