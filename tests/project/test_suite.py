"""The suite keeps its own promises: it runs from a clone of the repository alone (third-party
files are vendored in tests/data, each one the file its PROVENANCE.md names), and
``pytest -m "not slow"`` starts no other program."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DATA, ROOT

TESTS = ROOT / "tests"
OUTSIDE = re.compile(r"\bSHARED\b|\.\./shared(?![\w.-])|[\"']shared[\"']")
"""A path to the folder beside the repository that the tests once read their data from."""
CHECKSUM = re.compile(r"^([0-9a-f]{64})  (\S+)$", re.M)


def test_no_test_reads_data_from_beside_the_repository() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert found == [], "vendor the file into tests/data (see tests/data/PROVENANCE.md)"


def test_every_vendored_file_is_the_one_its_provenance_names() -> None:
    provenance = (DATA / "PROVENANCE.md").read_text(encoding="utf-8")
    listed = {name: digest for digest, name in CHECKSUM.findall(provenance)}
    present = {
        path.relative_to(DATA).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(DATA.rglob("*"))
        if path.is_file() and path.name != "PROVENANCE.md"
    }
    assert present == listed


def test_a_test_not_marked_slow_cannot_start_a_program() -> None:
    with pytest.raises(pytest.fail.Exception, match="is not marked slow"):
        subprocess.run([sys.executable, "--version"], capture_output=True, check=False)


@pytest.mark.slow
def test_a_test_marked_slow_can() -> None:
    done = subprocess.run([sys.executable, "--version"], capture_output=True, check=False)
    assert done.returncode == 0
