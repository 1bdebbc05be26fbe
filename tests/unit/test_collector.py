"""The cycle collector waits while large structures are built, and only the program
itself, which runs one command and exits, freezes what loading built."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from helpers import ROOT

from vru_pathways import collector
from vru_pathways.cli import main
from vru_pathways.loading import load

MODEL = str(ROOT / "models" / "northbrook" / "model.yaml")


def test_paused_turns_the_collector_off_and_back_as_it_was() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it to the outer one
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_the_collector_comes_back_when_the_block_fails() -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_long_lived_process_that_loads_and_runs_commands_freezes_nothing() -> None:
    frozen = gc.get_freeze_count()
    assert load([MODEL]).ok
    assert main(["gaps", MODEL, "--fail-on", "never"]) == 0
    assert gc.get_freeze_count() == frozen


CHILD = """
import gc, sys
from vru_pathways.cli import main
sys.argv = ["vru-pathways", "validate", sys.argv[1], "--fail-on", "never"]
code = main()
print("RESULT", code, gc.get_freeze_count() > 0, gc.isenabled())
"""


@pytest.mark.slow
def test_the_program_freezes_what_loading_built_and_collects_as_before() -> None:
    shown = (
        subprocess.run(
            [sys.executable, "-c", CHILD, MODEL], capture_output=True, text=True, check=True
        )
        .stdout.split("RESULT")[-1]
        .split()
    )
    assert shown == ["0", "True", "True"]
