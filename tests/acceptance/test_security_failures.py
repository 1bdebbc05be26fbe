"""Every way a run can fail ends in a message and exit 2 (an interrupt: 130), never a
traceback or exit 3: the last day a date can name, a locale that cannot print the text, a
full disk, Ctrl-C, a working folder deleted under the run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

import attacks
import pytest
from golden import CASES
from helpers import run, write

EXAMPLE = CASES / "valid" / "format-example"
MODEL = "models/example-area/model.yaml"
NO_PATHWAY = CASES / "valid" / "no-pathway" / "model.yaml"
CHILD = "import sys\nfrom vru_pathways.cli import main\nsys.exit(main(sys.argv[1:]))"


def fresh(
    folder: Path,
    *args: str,
    script: str = CHILD,
    env: dict[str, str] | None = None,
    stdout: int | IO[str] = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh Python, as a user's shell would start it."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=folder,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "internal error" not in done.stderr, done.stderr
    return done


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    return tmp_path


# --- the last day ---------------------------------------------------------------------

LAST_DAY = "9999-12-31"


def at_the_end_of_time(folder: Path) -> str:
    text = (folder / MODEL).read_text(encoding="utf-8")
    text = text.replace("as_of: 2025-01-01", f"as_of: {LAST_DAY}")
    text = text.replace("ends: 2025-03-31", f"starts: {LAST_DAY}, ends: {LAST_DAY}")
    text = text.replace(
        "    capacity: 25\n", f"    capacity: 25\n    starts: 9999-12-01\n    ends: {LAST_DAY}\n"
    )
    text += "policy: {horizon: 120}\n"
    write(folder, {"models/example-area/last.yaml": text})
    return "models/example-area/last.yaml"


@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "{model}"],
        ["gaps", "{model}", "--as-of", LAST_DAY, "-f", "json"],
        ["gaps", MODEL, "--as-of", LAST_DAY, "-f", "sarif"],
        ["gaps", MODEL, "--as-of", "0001-01-01"],
        ["validate", "{model}"],
        ["draw", "{model}", "-f", "dot"],
        ["draw", "{model}", "--as-of", LAST_DAY, "-f", "mermaid", "--view", "logic-model"],
        ["export", "graphml", "{model}", "--as-of", LAST_DAY, "-o", "g.graphml"],
        ["export", "xlsx", "{model}", "-o", "b.xlsx"],
    ],
)
def test_the_last_day_a_date_can_name(folder: Path, args: list[str]) -> None:
    model = at_the_end_of_time(folder)
    result = run([a.replace("{model}", model) for a in args], folder)
    assert result.code in (0, 1), result
    assert "internal error" not in result.err


def test_the_last_day_in_a_diff_and_a_funding_cliff(folder: Path) -> None:
    model = at_the_end_of_time(folder)
    result = run(["diff", MODEL, model, "--as-of", LAST_DAY, "-f", "json"], folder)
    assert result.code in (0, 1), result
    gaps = run(["gaps", model, "-f", "json"], folder)
    assert "funding-cliff" in gaps.out and f"by {LAST_DAY}" in gaps.out


@pytest.mark.slow
def test_the_last_day_in_a_report(folder: Path) -> None:
    model = at_the_end_of_time(folder)
    result = run(["report", model, "-o", "report.md"], folder)
    assert result.code == 0, result


@pytest.mark.parametrize("day", ["10000-01-01", "9999-12-32", "0000-01-01", "+9999-01-01"])
def test_a_day_past_the_last_is_a_usage_error(folder: Path, day: str) -> None:
    result = run(["gaps", MODEL, "--as-of", day], folder)
    assert result.code == 2 and "is not a date" in result.err
    write(folder, {"m.yaml": f"format: vru-pathways/1\nscope: {{as_of: '{day}'}}\n"})
    located = run(["validate", "m.yaml"], folder)
    assert located.code == 2 and "bad-date" in located.out


# --- locales --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
    ids=["latin-1", "ascii", "C"],
)
def test_a_locale_that_cannot_print_the_text_gets_escapes(
    tmp_path: Path, env: dict[str, str]
) -> None:
    shutil.copy(NO_PATHWAY, tmp_path / "model✕.yaml")
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL", "LANG")
    }
    environment.update(env)
    for args in (
        ["draw", "model✕.yaml", "-f", "mermaid"],
        ["gaps", "model✕.yaml"],
        ["gaps", "model✕.yaml", "-f", "json"],
        ["gaps", "missing✕.yaml"],
        ["draw", "model✕.yaml", "-f", "dot", "-o", "no-folder✕/x.dot"],
    ):
        done = fresh(tmp_path, *args, env=environment)
        assert done.returncode in (0, 1, 2), (args, done.stderr)
        assert done.stdout or done.stderr
    mermaid = fresh(tmp_path, "draw", "model✕.yaml", "-f", "mermaid", env=environment)
    assert "NO PATHWAY" in mermaid.stdout


# --- a full disk ----------------------------------------------------------------------


@pytest.mark.slow
def test_standard_output_on_a_full_disk_is_a_message(folder: Path) -> None:
    with open("/dev/full", "w") as full:
        done = fresh(folder, "gaps", MODEL, stdout=full)
    assert (done.returncode, done.stderr) == (
        2,
        "vru-pathways: cannot write to standard output: No space left on device\n",
    )


def test_a_file_on_dev_full_is_refused_as_a_device(folder: Path) -> None:
    result = run(["draw", MODEL, "-f", "dot", "-o", "/dev/full"], folder)
    assert (result.code, result.err) == (
        2,
        "vru-pathways: refusing to write /dev/full: it is a device, not a file\n",
    )


FILE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""A disk that takes 2,000 bytes of any one file, then refuses (EFBIG)."""


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["draw", MODEL, "--view", "logic-model", "-f", "dot", "-o", "out.dot"],
        ["export", "graphml", MODEL, "-o", "out.dot"],
        ["schema", "-o", "out.dot"],
    ],
    ids=["draw", "export", "schema"],
)
def test_a_file_that_fills_the_disk_is_a_message_and_the_old_file_stays(
    folder: Path, args: list[str]
) -> None:
    (folder / "out.dot").write_bytes(b"the previous output")
    done = fresh(folder, *args, script=FILE_LIMIT)
    assert (done.returncode, done.stderr) == (
        2,
        "vru-pathways: cannot write out.dot: File too large\n",
    )
    assert (folder / "out.dot").read_bytes() == b"the previous output"
    assert [p.name for p in folder.iterdir() if p.name.startswith(".vru-")] == []


@pytest.mark.slow
def test_standard_output_that_fills_the_disk_is_a_message(folder: Path) -> None:
    with open(folder / "gaps.txt", "w") as out:
        done = fresh(folder, "gaps", MODEL, "-f", "sarif", script=FILE_LIMIT, stdout=out)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "cannot write to standard output" in done.stderr


CLOSED = ["bash", "-c", 'exec >&-; exec "$0" "$@"']
"""Run a program with its standard output closed."""


@pytest.mark.slow
def test_a_closed_standard_output_is_a_message(folder: Path) -> None:
    done = subprocess.run(
        [*CLOSED, sys.executable, "-c", CHILD, "gaps", MODEL],
        cwd=folder,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "internal error" not in done.stderr


@pytest.mark.slow
def test_an_unwritable_standard_error_still_ends_the_run_properly(folder: Path) -> None:
    (folder / "directory.json").write_text('[{"id": "1", "name": "Club"}]', encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, "import", "oruk", "directory.json", "-o", "s.yaml"],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=full,
            timeout=60,
            check=False,
        )
    assert done.returncode in (0, 2)


# --- Ctrl-C ---------------------------------------------------------------------------

INTERRUPTIBLE = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
from vru_pathways.loading import resolve
real = resolve.Loader.load
def load(self, name):
    print("loading", flush=True)
    return real(self, name)
resolve.Loader.load = load
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_an_interrupt_is_one_line_and_exit_130(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text(attacks.orphans(50_000), encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTIBLE, "gaps", "big.yaml"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "loading\n"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert (child.returncode, out, err) == (130, "", "vru-pathways: interrupted\n")


EARLY_INTERRUPT = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "vru_pathways.use_cases.check":
            raise KeyboardInterrupt
sys.meta_path.insert(0, CtrlC())
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_an_interrupt_while_starting_is_one_line_too(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", EARLY_INTERRUPT, "gaps", MODEL],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (130, "vru-pathways: interrupted\n")


# --- the working folder deleted -------------------------------------------------------

GONE_BEFORE = """
import os, sys, tempfile
gone = tempfile.mkdtemp()
os.chdir(gone)
os.rmdir(gone)
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""
GONE_DURING = """
import os, sys, tempfile
gone = tempfile.mkdtemp()
os.chdir(gone)
from vru_pathways.loading import files
real = files.DiskFiles.start
def start(self, name):
    if os.path.isdir(gone):
        os.rmdir(gone)  # another program removes the folder while the run reads
    return real(self, name)
files.DiskFiles.start = start
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""
WORKING_FOLDER_GONE = (
    "vru-pathways: the working folder no longer exists (it was deleted or moved): change "
    "into a folder and run the command again\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["gaps", "{folder}/" + MODEL],
        ["validate", "model.yaml"],
        ["draw", "{folder}/" + MODEL, "-f", "dot", "-o", "{folder}/x.dot"],
        ["import", "oruk", "directory.json", "-o", "x.yaml"],
        ["schema"],
    ],
    ids=["gaps", "validate", "draw", "import", "schema"],
)
def test_a_working_folder_deleted_before_the_run_is_a_message(
    folder: Path, args: list[str]
) -> None:
    done = fresh(folder, *(a.replace("{folder}", str(folder)) for a in args), script=GONE_BEFORE)
    assert (done.returncode, done.stderr) == (2, WORKING_FOLDER_GONE)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["gaps", "validate"])
def test_a_working_folder_deleted_during_the_run_is_a_message(folder: Path, command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", GONE_DURING, command, str(folder / MODEL)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    assert "internal error" not in done.stderr
