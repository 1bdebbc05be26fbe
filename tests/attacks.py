"""Hostile inputs for the security tests, made by small functions instead of committed files:
models built to be huge in one dimension, hostile text, and the probe that runs the command
line in a fresh process under caps on time and memory."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HEAD = "format: vru-pathways/1\n"

HOSTILE = (
    "\x1b]0;retitled\x07 \x1b[2J\x1b[31m \x07 \r \x9b \u2028 \u2029 \x85 \x01 \x7f "
    "::add-mask::masked ##[error]inside\n::error::second-line\n  ::warning::indented"
)
"""Text a terminal or a CI runner would obey: ESC sequences, BEL, CR, a C1 CSI, the
Unicode separators, workflow commands at the start of a line and ``##[`` inside one."""

STARTS = ("::error::at-start ", "::add-mask::at-start ", "##[error]at-start ")
"""Workflow commands at the very start of a value."""


RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""A control character left raw (line feed and tab are allowed)."""
OWN_COMMANDS = re.compile(r"::(error|warning|notice) file=|::(group|endgroup)::")
"""The workflow commands ``--format github`` writes on purpose."""


def harmless(text: str, github: bool = False) -> None:
    """No raw control character but ``\\n`` and ``\\t``; no line a runner would obey."""
    assert not RAW.search(text), [hex(ord(c)) for c in RAW.findall(text)]
    for line in text.split("\n"):
        start = line.lstrip(" \t")
        if start.startswith("::"):
            assert github and OWN_COMMANDS.match(start), line
    assert "##[" not in text


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's escapes are YAML's too)."""
    return json.dumps(text)


def hostile_model(names: str = HOSTILE, uses: str | None = None) -> str:
    """A model whose every name holds ``names`` (after a workflow command), with gaps of
    several rules so that every report has findings to print: no pathway, a dead end,
    a funding cliff, an orphan service, an evidence gap."""
    first, second, third = (quoted(start + names) for start in STARTS)
    used = f"uses: [{uses}]\n" if uses else ""
    return f"""{HEAD}{used}scope: {{harms: [knife], as_of: 2025-01-01}}
harms:
  knife: {{name: {first}}}
risk_factors:
  gangs: {{name: {first}, level: relationship, harms: [knife]}}
  exclusion: {{name: {second}, level: individual, harms: [knife]}}
  neglect: {{name: {third}, level: individual, harms: [knife]}}
  isolation: {{name: {second}, level: community, harms: [knife]}}
outcomes:
  short: {{name: {second}, stage: medium, leads_to: [impact]}}
  impact: {{name: {third}, stage: impact}}
  stuck: {{name: {first}, stage: short}}
areas:
  town: {{name: {first}}}
partners:
  council: {{name: {second}, sector: voluntary, duty: none}}
boards:
  board: {{name: {third}}}
funding:
  grant: {{name: {first}, funder: council, amount: 10, ends: 2025-02-01}}
needs:
  gangs: {{priority: high, areas: [town], owner: board}}
  exclusion: {{priority: high}}
  neglect: {{priority: high}}
  isolation: {{priority: medium}}
services:
  mentors: {{name: {first}, tier: secondary, provider: council, funding: [grant],
            areas: [town], addresses: [gangs, exclusion], outcomes: [short]}}
  club: {{name: {second}, tier: primary, addresses: [exclusion, isolation], outcomes: [stuck]}}
  orphan: {{name: {third}, tier: primary}}
"""


def nested_areas(depth: int, services: int, needs: int = 1) -> str:
    """``depth`` areas each within the one before, ``services`` services listing areas
    near the top of the chain, and needs listing areas along it."""
    lines = [HEAD, "scope: {as_of: 2025-01-01}\n", "risk_factors:\n"]
    lines += [f"  f{i}: {{name: F, level: individual}}\n" for i in range(needs)]
    lines += ["outcomes:\n  o: {name: O, stage: impact}\n", "areas:\n  a0: {name: A}\n"]
    lines += [f"  a{i}: {{name: A, within: a{i - 1}}}\n" for i in range(1, depth)]
    lines.append("needs:\n")
    lines += [
        f"  f{i}: {{priority: high, areas: [a0, a{depth // 2}, a{depth - 1}]}}\n"
        for i in range(needs)
    ]
    lines.append("services:\n")
    lines += [
        f"  s{i}: {{name: S, tier: primary, areas: [a{i % 5}, a{1 + i % 7}], "
        f"addresses: [f{i % needs}], outcomes: [o]}}\n"
        for i in range(services)
    ]
    return "".join(lines)


def wide_areas(areas: int, services: int) -> str:
    """``areas`` areas under one region, ``services`` services each listing one area."""
    lines = [HEAD, "scope: {as_of: 2025-01-01}\n"]
    lines += ["risk_factors:\n  f: {name: F, level: individual}\n"]
    lines += ["outcomes:\n  o: {name: O, stage: impact}\n", "areas:\n  region: {name: R}\n"]
    lines += [f"  a{i}: {{name: A, within: region}}\n" for i in range(areas)]
    lines.append("needs:\n  f: {priority: high, areas: [region]}\n")
    lines.append("services:\n")
    lines += [
        f"  s{i}: {{name: S, tier: primary, areas: [a{i % areas}], addresses: [f], "
        "outcomes: [o]}\n"
        for i in range(services)
    ]
    return "".join(lines)


def funding_cliffs(factors: int, services: int, funds: int) -> str:
    """Every service addresses every factor and is paid for by ``funds`` funds that all
    end within the horizon: a funding cliff on every factor, naming every service."""
    fund_ids = ", ".join(f"g{i}" for i in range(funds))
    factor_ids = ", ".join(f"f{i}" for i in range(factors))
    lines = [HEAD, "scope: {as_of: 2025-01-01}\n", "risk_factors:\n"]
    lines += [f"  f{i}: {{name: F, level: individual}}\n" for i in range(factors)]
    lines += ["outcomes:\n  o: {name: O, stage: impact}\n", "funding:\n"]
    lines += [f"  g{i}: {{name: G, ends: 2025-02-01}}\n" for i in range(funds)]
    lines.append("services:\n")
    lines += [
        f"  s{i}: {{name: S, tier: primary, funding: [{fund_ids}], addresses: [{factor_ids}], "
        "outcomes: [o]}\n"
        for i in range(services)
    ]
    return "".join(lines)


def outcome_chain(steps: int) -> str:
    """One service whose outcome leads, ``steps`` outcomes later, to an impact outcome."""
    lines = [HEAD, "scope: {as_of: 2025-01-01}\n"]
    lines += ["risk_factors:\n  f: {name: F, level: individual}\n", "outcomes:\n"]
    lines += [f"  o{i}: {{name: O, stage: short, leads_to: [o{i + 1}]}}\n" for i in range(steps)]
    lines.append(f"  o{steps}: {{name: Impact, stage: impact}}\n")
    lines.append("services:\n  s: {name: S, tier: primary, addresses: [f], outcomes: [o0]}\n")
    return "".join(lines)


def orphans(services: int) -> str:
    """``services`` services that address nothing: one orphan-service finding each."""
    lines = [HEAD, "services:\n"]
    lines += [f"  s{i}: {{name: S, tier: primary}}\n" for i in range(services)]
    return "".join(lines)


def duplicate_keys(count: int) -> str:
    """One key written ``count`` times in one mapping."""
    return HEAD + "services:\n" + "  s: {name: S, tier: primary}\n" * count


HAS_GIT = shutil.which("git") is not None
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` as a contributor would, whatever the machine's git settings."""
    done = subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout


def repository(repo: Path, files: dict[str, str], branch: str = "main") -> Path:
    """A git repository at ``repo`` whose first commit, on ``branch``, holds ``files``."""
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "init", "-q", "-b", branch)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


PROBE = """
import io, json, resource, sys, time
from contextlib import redirect_stderr, redirect_stdout
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import vru_pathways.use_cases.check, vru_pathways.loading
from vru_pathways.cli import main

out, err = io.StringIO(), io.StringIO()
start = time.perf_counter()
with redirect_stdout(out), redirect_stderr(err):
    code = main(sys.argv[2:])
seconds = time.perf_counter() - start
# VmHWM belongs to this program's own memory map; ru_maxrss would carry over the RSS
# of the process that started it, which fork copies and exec keeps.
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "seconds": seconds, "out": out.getvalue(),
                  "err": err.getvalue(), "peak_mb": peak / 1024}))
"""

MEMORY = 1536 * 2**20
"""The address space a capped run may use: 1.5 GiB."""
SECONDS = 60
"""The time a capped run may take."""


def capped(
    folder: Path, *args: str, memory: int = MEMORY, seconds: int = SECONDS
) -> dict[str, Any]:
    """Run the command line in a fresh process under an address-space limit and a
    timeout; its exit code, output, errors, seconds and peak memory (MB). A run that
    breaks a cap fails the test that asked for it."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(memory), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=seconds,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.stdout, f"no result (exit {done.returncode}): {done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert "internal error" not in result["err"], result["err"]
    return result
