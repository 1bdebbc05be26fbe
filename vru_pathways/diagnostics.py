"""The values every stage speaks in: locations, severities, findings and exit codes.

A :class:`Finding` is the one type for everything the tool reports, from a YAML syntax
error to a funding cliff. Findings are frozen and ordered by location, so ``sorted()`` is
the output order and tests can compare lists.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How much a finding matters; higher is worse, so ``max()`` and ``>=`` read naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


class ExitCode(IntEnum):
    """The documented exit codes; the CLI maps every outcome to one of these in one place."""

    OK = 0
    """Nothing at or above ``--fail-on``."""
    FINDINGS = 1
    """Findings at or above ``--fail-on``."""
    INPUT = 2
    """Input that cannot be analysed, or a usage error."""
    INTERNAL = 3
    """A bug in vru-pathways."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (SIGINT), as shells report it: 128 + the signal's number."""


class InputError(Exception):
    """Input that cannot be used at all (a file that cannot be read, JSON that is not
    JSON); the message says what and why. The command line exits 2 on it."""


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file, 1-based line and column; ``path`` is as the user should read it."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem or gap, located, with a rule ID and a severity.

    ``entity`` names what the finding is about by dotted ID path
    (``services.inclusion-mentors.tier``); ``related`` holds the other places involved.
    A finding about a place in a document also carries that place as a YAML ``path``
    (``("services", "mentors", "tier")``), and ``subject``, the words its message opens
    with to name it (the message is then ``f"{subject}: …"``), so a caller that shows the
    place another way (a workbook's cell) can drop them without reading the message.
    """

    location: Location
    rule: str
    message: str
    severity: Severity = field(compare=False)
    entity: str = ""
    board: str | None = None
    related: tuple[Location, ...] = ()
    models: tuple[str, ...] = ()
    subject: str = field(default="", compare=False)
    path: tuple[str | int, ...] = field(default=(), compare=False)
    more: int = field(default=0, compare=False)
    """Further findings of its rule this one stands for, past those recorded one by one
    (a file of 300,000 duplicate keys records 1,000 and one that counts the rest)."""

    def weight(self) -> int:
        """How many findings this one counts as."""
        return 1 + self.more

    def line(self) -> str:
        """The one-line form: ``path:line:col: severity rule message``."""
        return f"{self.location}: {self.severity.label} [{self.rule}] {self.message}"


def exit_code_for(findings: list[Finding], fail_on: Severity | None) -> ExitCode:
    """Exit 1 when any finding is at or above ``fail_on`` (``None`` never fails)."""
    if fail_on is None:
        return ExitCode.OK
    if any(f.severity >= fail_on for f in findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word``, if any is close enough to be worth saying.

    >>> suggest("tertairy", ["primary", "secondary", "tertiary"])
    'tertiary'
    """
    matches = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return matches[0] if matches else None


DEFAULT_MAX_FINDINGS = 100
"""Findings of one rule shown per file (``--max-findings``): past it, one line says how
many more there are, so a file of ten thousand orphans does not make a report of them."""


def capped(findings: Iterable[Finding], limit: int | None) -> list[Finding]:
    """The findings in order, at most ``limit`` of each rule per file (``None``: all),
    each group cut short followed by one finding that says how many more it holds."""
    if limit is None:
        return list(findings)
    shown: list[Finding] = []
    omitted: dict[tuple[str, str], list[Finding]] = {}
    seen: dict[tuple[str, str], int] = {}
    for f in findings:
        key = (f.location.path, f.rule)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            shown.append(f)
        else:
            omitted.setdefault(key, []).append(f)
    for (path, rule), rest in omitted.items():
        n = sum(f.weight() for f in rest)
        message = (
            f"{n:,} more {rule} finding{'s' if n != 1 else ''} in {path} are not "
            f"shown (the first {limit} are; --max-findings N shows more, 0 all)"
        )
        worst = max(f.severity for f in rest)
        shown.append(Finding(rest[0].location, rule, message, worst, models=rest[0].models))
    return sorted(shown)


def listed(items: Sequence[str], limit: int = 5) -> str:
    """Items joined with commas, at most ``limit`` named.

    >>> listed(["a", "b"])
    'a, b'
    >>> listed([str(n) for n in range(8)], 3)
    '0, 1, 2 and 5 more'
    """
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit:,} more"
