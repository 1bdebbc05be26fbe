"""The same input gives byte-identical output, whatever PYTHONHASHSEED is."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from workbooks import exported

MODELS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "models").glob("*/model.yaml"))
NORTHBROOK = ROOT / "models" / "northbrook" / "model.yaml"


def output(seed: str, *args: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "vru_pathways", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    ).stdout


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_gaps_output_is_identical_across_hash_seeds(fmt: str) -> None:
    args = ("gaps", *MODELS, "--format", fmt)
    first = output("1", *args)
    assert first
    assert output("2", *args) == first
    assert output("12345", *args) == first


@pytest.mark.slow
def test_schema_is_identical_across_hash_seeds() -> None:
    assert output("1", "schema") == output("99", "schema")


@pytest.mark.slow
def test_the_same_documents_give_the_same_bytes() -> None:
    data = exported(NORTHBROOK)
    assert exported(NORTHBROOK) == data
    code = (
        "import sys; from vru_pathways.interchange.xlsx import export_workbook; "
        "from vru_pathways.loading import load; "
        f"sys.stdout.buffer.write(export_workbook(load([{str(NORTHBROOK)!r}]).frameworks[0].docs))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout
    assert other == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


def written(seed: str, out: str, *args: str) -> bytes:
    """The file a command writes with ``-o``, run under ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "vru_pathways", *args, "-o", out],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with open(out, "rb") as f:
        return f.read()


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["html", "md"])
def test_the_report_is_identical_across_hash_seeds(suffix: str, tmp_path: object) -> None:
    out = f"{tmp_path}/report.{suffix}"
    first = written("1", out, "report", *MODELS)
    assert written("77", out, "report", *MODELS) == first


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["docx", "pptx"])
def test_the_paper_and_deck_are_identical_across_hash_seeds(suffix: str, tmp_path: object) -> None:
    out = f"{tmp_path}/report.{suffix}"
    first = written("1", out, "report", *MODELS)
    assert written("77", out, "report", *MODELS) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") >= 2


@pytest.mark.slow
def test_whatif_is_identical_across_hash_seeds() -> None:
    args = ("whatif", *MODELS, "--each-funding", "--format", "json")
    first = output("1", *args)
    assert first
    assert output("4321", *args) == first


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_the_referral_view_is_identical_across_hash_seeds(fmt: str) -> None:
    args = ("draw", "models/eastwick/model.yaml", "--view", "referrals", "--format", fmt)
    first = output("1", *args)
    assert b"LEADS NOWHERE" in first
    assert output("31337", *args) == first


@pytest.mark.slow
def test_the_catalogue_and_the_starter_model_are_identical_across_hash_seeds(
    tmp_path: Path,
) -> None:
    for kind in ("factors", "approaches", "definitions"):
        args = ("list", kind, "--format", "json")
        assert output("1", *args) == output("2024", *args)
    made = []
    for seed in ("1", "2024"):
        home = tmp_path / seed
        home.mkdir()
        subprocess.run(
            [sys.executable, "-m", "vru_pathways", "init", "models/area", "--locality", "North"]
            + ["--frameworks", str(ROOT / "frameworks")],
            cwd=home,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )
        made.append((home / "models" / "area" / "model.yaml").read_bytes())
    assert made[0] == made[1]
