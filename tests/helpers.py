"""Where the repository is, and running the command line in-process, as a user would from a
folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from vru_pathways.cli import main

ROOT = Path(__file__).resolve().parent.parent
"""The repository: shipped frameworks and models, docs, scripts."""
DATA = ROOT / "tests" / "data"
"""Third-party files the tests read, vendored: see data/PROVENANCE.md."""


@dataclass
class Run:
    code: int
    out: str
    err: str


@contextmanager
def cwd(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run(args: list[str], folder: Path | None = None) -> Run:
    out, err = StringIO(), StringIO()
    with cwd(folder or Path.cwd()), redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return Run(code, out.getvalue(), err.getvalue())


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


# A model whose every text tries to become markup, script, a link or a field: each
# output must show it as text.
HOSTILE = """\
format: vru-pathways/1
id: hostile
title: '<script>alert(1)</script> plan'
scope: {as_of: 2025-01-01}
sources:
  bad: {title: "<img src=x onerror=alert(1)>", url: "javascript:alert(1)"}
  good: {title: A real report, url: "https://example.org/report"}
harms:
  h: {name: Harm}
risk_factors:
  f: {name: "<b onmouseover=alert(1)>Bold</b>", level: individual, harms: [h], sources: [bad, good]}
outcomes:
  o: {name: "Outcome\\" onload=\\"alert(1)", stage: impact}
services:
  s:
    name: "<a href='javascript:alert(1)'>click</a>"
    tier: primary
    url: "javascript:alert(1)"
    addresses: [f]
    outcomes: [o]
"""
