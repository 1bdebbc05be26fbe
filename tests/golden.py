"""Golden cases: under ``tests/cases/<group>/<case>/``, a folder of YAML documents and the
files that pin what commands print for it.

A case lists its commands in ``commands.txt``, one line per expected file, the file's path
in the case folder, a colon, then the arguments of ``vru-pathways``::

    expected/logic-model.dot: draw model.yaml --view logic-model --format dot

Each command runs from inside the case folder. An expected file whose name ends in ``.txt``
is a transcript: the command, everything it printed (output, then errors) and its exit
code. Any other holds exactly what the command prints, and the command must succeed. A
case without ``commands.txt`` pins one transcript, ``expected.txt``, of ``gaps`` on its
roots: the files named ``model.yaml``, sorted. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from helpers import run

CASES = Path(__file__).parent / "cases"
GROUPS = ("diagrams", "invalid", "valid")
COMMANDS = "commands.txt"
TRANSCRIPT = "expected.txt"


def cases(*groups: str) -> list[Path]:
    """The case folders of the groups, or of every group, sorted."""
    return sorted(
        case for group in groups or GROUPS for case in (CASES / group).iterdir() if case.is_dir()
    )


def roots(case: Path) -> list[str]:
    return sorted(p.relative_to(case).as_posix() for p in case.rglob("model.yaml"))


def transcript(case: Path, args: list[str] | None = None) -> str:
    """The command, what it printed and its exit code, run from inside ``case``."""
    args = ["gaps", *roots(case)] if args is None else args
    result = run(args, case)
    return f"$ vru-pathways {shlex.join(args)}\n{result.out}{result.err}exit: {result.code}\n"


@dataclass(frozen=True)
class Pin:
    """One expected file of a case and the command whose output it holds."""

    case: Path
    expected: str
    args: tuple[str, ...]

    @property
    def path(self) -> Path:
        return self.case / self.expected

    @property
    def name(self) -> str:
        return self.path.relative_to(CASES).as_posix()

    def actual(self) -> str:
        if self.expected.endswith(".txt"):
            return transcript(self.case, list(self.args))
        result = run(list(self.args), self.case)
        assert result.code == 0, result.err
        return result.out


def pins(case: Path) -> list[Pin]:
    listed = case / COMMANDS
    if not listed.exists():
        documents = roots(case)
        return [Pin(case, TRANSCRIPT, ("gaps", *documents) if documents else ())]
    found = []
    for line in listed.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, _, command = line.partition(":")
            found.append(Pin(case, expected.strip(), tuple(shlex.split(command))))
    return found


def every_pin() -> list[Pin]:
    return [pin for case in cases() for pin in pins(case)]
