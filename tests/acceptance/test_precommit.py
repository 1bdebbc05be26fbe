"""Other repositories can run `vru-pathways validate` through pre-commit.

The test runs the real ``pre-commit`` against a throwaway repository whose
``.pre-commit-config.yaml`` uses this project's hook (``.pre-commit-hooks.yaml``) from a
snapshot of the current working tree, committed to a temporary git repository: pre-commit
clones it, pip-installs it into a fresh virtualenv (so it needs PyPI, for the project's
dependencies and its build backend) and runs the hook on the repository's files.

Everything pre-commit and virtualenv keep (``PRE_COMMIT_HOME``, virtualenv's app data)
lives in ``tmp_path``; git reads no global or system configuration. Only pip's download
cache is shared with the user, which makes the second run of the suite faster.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, write

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("git") is None,
        reason="git is not installed: pre-commit installs hooks from git repositories",
    ),
]

CATALOGUE = """\
format: vru-pathways/1
id: catalogue
risk_factors:
  school-exclusion: {name: Permanent exclusion from school, level: individual}
"""

GOOD = """\
format: vru-pathways/1
id: good
uses: [../frameworks/catalogue.yaml]
services:
  mentors:
    name: School mentors
    tier: secondary
    addresses: [school-exclusion]
"""

# The same model with a typo'd key: `adresses` instead of `addresses`.
BROKEN = GOOD.replace("id: good", "id: broken").replace("addresses:", "adresses:")
FIXED = GOOD.replace("id: good", "id: broken")


def environment(tmp_path: Path) -> dict[str, str]:
    """The caller's environment without anything that would steer git or pre-commit
    (as when the suite itself runs inside a git hook), plus private homes for both."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUALENV_")) and k != "SKIP"
    }
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("", encoding="utf-8")
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "VIRTUALENV_OVERRIDE_APP_DATA": str(tmp_path / "virtualenv-app-data"),
            "GIT_CONFIG_GLOBAL": str(gitconfig),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "test",
            "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "test",
            "GIT_COMMITTER_EMAIL": "test@example.invalid",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "NO_COLOR": "1",
        }
    )
    return env


def git(folder: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def snapshot_of_this_project(target: Path, env: dict[str, str]) -> str:
    """Commit the working tree as it is now (tracked and untracked files that git does
    not ignore) to a new repository at `target`; return the commit's SHA."""
    listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if source.is_file() or source.is_symlink():  # tracked files may be deleted
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name, follow_symlinks=False)
    assert (target / ".pre-commit-hooks.yaml").is_file()
    git(target, env, "init", "--quiet")
    git(target, env, "add", "--all")
    git(target, env, "commit", "--quiet", "--no-verify", "-m", "snapshot")
    return git(target, env, "rev-parse", "HEAD").strip()


def pre_commit(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_pre_commit_hook_fails_on_a_broken_model_and_passes_once_fixed(tmp_path: Path) -> None:
    env = environment(tmp_path)
    hooks = tmp_path / "vru-pathways"
    hooks.mkdir()
    sha = snapshot_of_this_project(hooks, env)

    project = tmp_path / "project"
    write(
        project,
        {
            # The config is YAML too, but not a framework document: the hook's `files`
            # pattern must leave it alone, or the last run below could not pass.
            ".pre-commit-config.yaml": (
                "repos:\n"
                f"  - repo: {hooks.as_posix()}\n"
                f"    rev: {sha}\n"
                "    hooks:\n"
                "      - id: vru-pathways-validate\n"
            ),
            "frameworks/catalogue.yaml": CATALOGUE,
            "models/good.yaml": GOOD,
            "models/broken.yaml": BROKEN,
        },
    )
    git(project, env, "init", "--quiet")
    git(project, env, "add", "--all")

    failed = pre_commit(project, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "vru-pathways validate" in output and "Failed" in output, output
    line = BROKEN.splitlines().index("    adresses: [school-exclusion]") + 1
    assert re.search(
        rf"^models/broken\.yaml:{line}:5 +error +unknown-key .*'adresses'", output, re.MULTILINE
    ), output
    assert "models/good.yaml:" not in output, output
    assert "catalogue.yaml:" not in output, output

    write(project, {"models/broken.yaml": FIXED})
    git(project, env, "add", "--all")
    passed = pre_commit(project, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert re.search(r"^vru-pathways validate\.+Passed$", output, re.MULTILINE), output
