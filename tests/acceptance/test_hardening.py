"""No input, however broken or hostile, crashes the tool, hangs it or loses a user's work.

- Limits: alias bombs, deep nesting, too many values or aliases and oversized files are
  refused quickly, in a subprocess whose time and peak memory (``getrusage``) are measured.
- Encodings and line endings: a UTF-8 byte-order mark and CRLF line endings change
  nothing, for every golden case; other encodings get the ``encoding`` rule.
- Fuzzing: hypothesis drives the real command line in-process with random bytes,
  YAML-ish token soup, mutated valid models and hostile shapes, and checks that it never
  raises, exits 0, 1 or 2, and locates every finding inside its file.
- Writes: a write that fails, or a run killed with SIGKILL mid-write, leaves the previous
  file whole (that every write goes through ``export.write_atomic``, and what it does when
  a write fails: tests/unit/edge/test_files.py).

The limits themselves, in-process: tests/unit/loading/test_yaml_guard.py. The fuzz tests
(``gaps``, every output format, ``diff`` of two mutated models or any path specs, ``import
xlsx`` of random bytes, random archives and exported workbooks with mutated cells,
``import oruk`` of random JSON) are marked slow; they run a quick profile (150 examples
each, 50 for workbooks) by default, and the long profile (10,000 examples each, some
minutes) when the environment variable is set::

    VRU_LONG_FUZZ=1 python -m pytest tests/acceptance/test_hardening.py -k fuzz
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from golden import CASES, cases, transcript
from helpers import Run, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from workbooks import FORMAT_EXAMPLE, exported

from vru_pathways.edge import files as export
from vru_pathways.loading import files, resolve

LONG = os.environ.get("VRU_LONG_FUZZ") == "1"
FUZZ = settings(
    max_examples=10_000 if LONG else 150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
FUZZ_WORKBOOKS = settings(FUZZ, max_examples=10_000 if LONG else 50)
"""Workbooks take openpyxl's time to make and to read: fewer in the quick profile."""
EXAMPLE = CASES / "valid" / "format-example"
MODEL = "models/example-area/model.yaml"
FRAMEWORK = "frameworks/example.yaml"
BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break: how lines and columns are counted."""

# --- limits, measured in a fresh process ------------------------------------------------

PROBE = """
import io, json, sys, time
from contextlib import redirect_stdout
import vru_pathways.use_cases.check, vru_pathways.loading  # imported before the clock starts
from vru_pathways.cli import main

def high_water():
    # VmHWM belongs to this program's own memory map; ru_maxrss would carry over the RSS
    # of the test process that started it, which fork copies and exec keeps.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

before = high_water()
out = io.StringIO()
start = time.perf_counter()
with redirect_stdout(out):
    code = main(sys.argv[1:])
seconds = time.perf_counter() - start
peak = high_water()
print(json.dumps({"code": code, "seconds": seconds, "out": out.getvalue(),
                  "peak_mb": peak / 1024, "grew_mb": (peak - before) / 1024}))
"""


def measured(folder: Path, *args: str) -> dict[str, Any]:
    """Run the command line in a fresh process: exit code, output, seconds, peak MB."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def deep_flow(depth: int) -> str:
    return f"description: {'[' * depth}{']' * depth}\n"


def deep_mixed(depth: int) -> str:
    return "description: " + "{a: [" * (depth // 2) + "x" + "]}" * (depth // 2) + "\n"


def deep_block(depth: int) -> str:
    return "description:\n  " + "- " * depth + "x\n"


def laughs(levels: int, fanout: int) -> str:
    lines = ["laughs:", "  l0: &l0 lol"]
    lines += [f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * fanout)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


HOSTILE = {
    "billion-laughs": (laughs(9, 9), "too-many-aliases"),
    "laughs-two-by-sixty": (laughs(60, 2), "too-many-aliases"),
    "flow-10000-deep": (deep_flow(10_000), "too-deep"),
    "mixed-10000-deep": (deep_mixed(10_000), "too-deep"),
    "block-10000-deep": (deep_block(10_000), "too-deep"),
    "flow-150-deep": (deep_flow(150), "too-deep"),
    "many-aliases": ("a: &a x\nb: [" + "*a, " * 10_001 + "]\n", "too-many-aliases"),
    "many-anchors": (
        "b: [" + "".join(f"&a{i} x, " for i in range(10_001)) + "]\n",
        "too-many-aliases",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_yaml_is_refused_fast_in_little_memory(tmp_path: Path, name: str) -> None:
    body, rule = HOSTILE[name]
    (tmp_path / "model.yaml").write_text(f"format: vru-pathways/1\nid: x\n{body}", encoding="utf-8")
    result = measured(tmp_path, "gaps", "model.yaml")
    assert result["code"] == 2
    assert re.search(rf"^model\.yaml:\d+:\d+ +error +{rule} ", result["out"], re.M), result["out"]
    assert result["seconds"] < 1.0
    assert result["peak_mb"] < 200
    assert result["grew_mb"] < 30


@pytest.mark.slow
def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # sparse: 200 MiB that take no disk, and would take 400 MB of memory if read
    with open(tmp_path / "model.yaml", "wb") as handle:
        handle.truncate(200 * 2**20)
    result = measured(tmp_path, "gaps", "model.yaml")
    assert result["code"] == 2
    assert "model.yaml:1:1  error     too-large" in result["out"]
    assert "over 50 MiB (200.0 MiB)" in result["out"]
    assert result["seconds"] < 1.0
    assert result["grew_mb"] < 30


def test_a_used_document_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    (tmp_path / "model.yaml").write_text(
        "format: vru-pathways/1\nuses: [big.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "big.yaml").write_text(
        "format: vru-pathways/1\n" + "# pad\n" * 200, encoding="utf-8"
    )
    result = run(["validate", "model.yaml"], tmp_path)
    assert result.code == 2
    assert "big.yaml:1:1  error     too-large" in result.out


def test_a_file_larger_than_its_stated_size_is_still_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A size the file system misreports (as /proc does) does not get past the limit."""
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    monkeypatch.setattr(files.DiskFiles, "size", lambda self, key: 0)
    (tmp_path / "model.yaml").write_text(
        "format: vru-pathways/1\n" + "# pad\n" * 200, encoding="utf-8"
    )
    result = run(["validate", "model.yaml"], tmp_path)
    assert "too-large" in result.out and "over 0 MiB, the most" in result.out


def test_a_long_chain_of_uses_is_refused(tmp_path: Path) -> None:
    """Each document using the next, 1,500 deep, was a RecursionError (exit 3)."""
    for i in range(1500):
        (tmp_path / f"d{i}.yaml").write_text(
            f"format: vru-pathways/1\nid: d{i}\nuses: [d{i + 1}.yaml]\n", encoding="utf-8"
        )
    (tmp_path / "d1500.yaml").write_text("format: vru-pathways/1\n", encoding="utf-8")
    result = run(["validate", "d0.yaml"], tmp_path)
    assert result.code == 2
    assert f"d{resolve.MAX_USES_DEPTH - 1}.yaml:3:8  error     too-deep " in result.out


@pytest.mark.parametrize(
    "used", ['"a\\0b"', "/dev/zero", "/proc/self/mem", ".", "/", "x" * 5000, '"\\x85"', "~", "''"]
)
def test_any_uses_entry_is_a_located_answer(tmp_path: Path, used: str) -> None:
    (tmp_path / "model.yaml").write_text(
        f"format: vru-pathways/1\nuses: [{used}]\n", encoding="utf-8"
    )
    result = run(["validate", "model.yaml", "-f", "json"], tmp_path)
    check(tmp_path, result)
    assert result.code == 2


def test_deeply_nested_json_to_import_is_an_answer(tmp_path: Path) -> None:
    (tmp_path / "directory.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run(["import", "oruk", "directory.json", "-o", "services.yaml"], tmp_path)
    assert (result.code, result.err) == (
        2,
        "vru-pathways: directory.json: values nested more than 100 levels deep (at character "
        "101), more than a directory export holds\n",
    )


def test_looking_for_what_unknown_references_meant_has_a_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thousands of unknown references among thousands of IDs took minutes of difflib."""
    from vru_pathways.loading import references

    compared: list[int] = []
    real = references.suggest
    monkeypatch.setattr(
        references, "suggest", lambda word, known: compared.append(len(known)) or real(word, known)
    )
    n = 2000
    text = (
        "\n".join(
            ["format: vru-pathways/1", "outcomes:"]
            + [f"  o-{i}: {{name: o, stage: impact}}" for i in range(n)]
            + ["services:"]
            + [f"  s{i}: {{name: x, tier: primary, outcomes: [o-{i}-x]}}" for i in range(n)]
        )
        + "\n"
    )
    with tempfile.TemporaryDirectory() as temp:
        (Path(temp) / "model.yaml").write_text(text, encoding="utf-8")
        result = run(["validate", "model.yaml", "--max-findings", "0"], Path(temp))
    assert result.out.count("unknown-id") == n
    assert "unknown outcome 'o-0-x' — did you mean 'o-0'?" in result.out
    assert sum(compared) <= references.SUGGESTION_BUDGET < n * n


# --- encodings and line endings -----------------------------------------------------------


def test_bom_and_crlf_copies_of_the_format_example_read_the_same() -> None:
    expected = (EXAMPLE / "expected.txt").read_text(encoding="utf-8")
    for name in ("bom", "crlf"):
        assert (CASES / "valid" / name / "expected.txt").read_text(encoding="utf-8") == expected


def _utf8_cases() -> list[Path]:
    def utf8(case: Path) -> bool:
        try:
            return all("\r" not in p.read_bytes().decode("utf-8") for p in case.rglob("*.yaml"))
        except UnicodeDecodeError:
            return False

    return [case for case in cases("invalid", "valid") if utf8(case)]


@pytest.mark.parametrize("case", _utf8_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_case_reads_the_same_with_crlf_and_a_bom(tmp_path: Path, case: Path) -> None:
    """Same findings at the same line:col, whatever the line endings, with or without BOM."""
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    copy = tmp_path / case.name
    shutil.copytree(case, copy)
    for path in copy.rglob("*.yaml"):
        data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
        path.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    assert transcript(copy) == expected


@pytest.mark.parametrize(
    ("data", "words", "where"),
    [
        ("format: x\nname: Café\n".encode("latin-1"), "byte 0xe9 is not UTF-8", (2, 10)),
        ("\ufeffname: Ωé\n".encode() + b"\xe9", "byte 0xe9 is not UTF-8", (2, 1)),
        ("format: x\n".encode("utf-16"), "UTF-16 text", (1, 1)),
        ("format: x\n".encode("utf-16-be"), "UTF-16 or binary", (1, 1)),
        ("format: x\n".encode("utf-32"), "UTF-32 text", (1, 1)),
        (b"format: x\r\nid: \x00\r\n", "U+0000 is not allowed", (2, 5)),
        (b"format: x\nservices:\n  a:\n  \tname: b\n", "indented with a tab", (4, 3)),
        (b"format: x\r\nservices:\r\n\ta: b\r\n", "line 3 is indented with a tab", (3, 1)),
        (b"format: x\nid: a\n\tb\n", "line 3 is indented with a tab", (3, 1)),
        (b"description: |\n  a\n\tb\n", "line 3 is indented with a tab", (3, 1)),
    ],
)
def test_encodings_and_tabs_get_a_clear_located_answer(
    tmp_path: Path, data: bytes, words: str, where: tuple[int, int]
) -> None:
    (tmp_path / "model.yaml").write_bytes(data)
    result = run(["validate", "model.yaml", "-f", "json"], tmp_path)
    assert result.code == 2
    [finding] = json.loads(result.out)["findings"]
    assert words in finding["message"]
    assert (finding["line"], finding["column"]) == where


# --- fuzzing ------------------------------------------------------------------------------

TOKENS = [
    "format",
    "vru-pathways/1",
    "id",
    "uses",
    "services",
    "needs",
    "risk_factors",
    "name",
    "level",
    "tier",
    "addresses",
    "outcomes",
    "scope",
    "policy",
    "areas",
    "within",
    "ages",
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    " ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    "#",
    "&a",
    "*a",
    "&b",
    "*b",
    "!",
    "!!str",
    "!!binary",
    "!!python/object/apply:os.system",
    "|",
    ">-",
    "'",
    '"',
    "\\",
    "\\x",
    "?",
    "---",
    "...",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "<<",
    "~",
    "null",
    "\x00",
    "\x07",
    "\x1b[2J",
    "\ufeff",
    "é",
    "😀",
    "\U0010ffff",
    "2025-02-30",
    "10-17",
    "18+",
    "no",
    "010",
    "1e3",
    "-1",
    "9" * 30,
    "@",
    "`",
    "%",
    '"a\\0b"',
    "/dev/zero",
    "/proc/self/mem",
    "../..",
]
soup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=120).map("".join)


@st.composite
def hostile(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ["flow", "mixed", "block", "laughs", "aliases", "scalar", "keys", "unbalanced", "uses"]
        )
    )
    n = draw(st.integers(0, 3000))
    if kind == "flow":
        body = deep_flow(n)
    elif kind == "mixed":
        body = deep_mixed(n)
    elif kind == "block":
        body = deep_block(n // 10)
    elif kind == "laughs":
        body = laughs(draw(st.integers(1, 40)), draw(st.integers(1, 12)))
    elif kind == "aliases":
        body = "a: &a x\nb: [" + "*a, " * (n * 4) + "]\n"
    elif kind == "scalar":
        body = "description: " + draw(st.sampled_from(["x", "é", "'", "\\"])) * (n * 50) + "\n"
    elif kind == "keys":
        body = "".join(f"k{i % 7}: v\n" for i in range(n))
    elif kind == "uses":
        paths = st.one_of(st.sampled_from(TOKENS), st.text(max_size=12))
        body = f"uses: {json.dumps(draw(st.lists(paths, max_size=4)))}\n"
    else:
        body = "description: " + "[" * n + "\n"
    return f"format: vru-pathways/1\nid: x\n{body}"


def encoded(text: str, how: str) -> bytes:
    if how == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how in ("latin-1", "utf-16", "utf-32"):
        return text.encode(how, "replace")
    return text.encode("utf-8", "surrogatepass")


ENCODINGS = st.sampled_from(["utf-8"] * 6 + ["utf-8-bom", "latin-1", "utf-16", "utf-32"])


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """The format example with one of its two files broken: (which file, its bytes)."""
    name = draw(st.sampled_from([MODEL, FRAMEWORK]))
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "tab", "dup", "swap", "crlf"]))
        at = draw(st.integers(0, len(text)))
        lines = text.split("\n")
        line = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == "insert":
            text = text[:at] + draw(st.one_of(soup, st.sampled_from(TOKENS))) + text[at:]
        elif op == "tab":
            lines[line] = "\t" + lines[line].lstrip(" ")
            text = "\n".join(lines)
        elif op == "dup":
            text = "\n".join([*lines[:line], lines[line], *lines[line:]])
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[line], lines[other] = lines[other], lines[line]
            text = "\n".join(lines)
        else:
            text = text.replace("\n", "\r\n")
    return name, encoded(text, draw(ENCODINGS))


@st.composite
def spliced(draw: st.DrawFn) -> bytes:
    """Text with random bytes written over part of it: invalid UTF-8, NULs, stray BOMs."""
    data = bytearray(encoded(draw(st.one_of(soup, hostile())), "utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(
            st.one_of(
                st.binary(min_size=1, max_size=8),
                st.sampled_from(
                    [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"\xfe\xff"]
                ),
            )
        )
    return bytes(data)


inputs = st.one_of(
    st.binary(max_size=400),
    st.tuples(soup, ENCODINGS).map(lambda p: encoded(*p)),
    st.tuples(hostile(), ENCODINGS).map(lambda p: encoded(*p)),
    spliced(),
    mutated(),
)


def libyaml_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    return BREAKS.split(text)


def check(folder: Path, result: Run) -> None:
    """Exit 0, 1 or 2, no traceback, and every finding located inside its file."""
    assert result.code in (0, 1, 2), result
    for stream in (result.out, result.err):
        assert "Traceback" not in stream and "internal error" not in stream, stream
    report = json.loads(result.out)
    assert report["analysable"] == (result.code != 2)
    if result.code == 2:
        assert any(f["severity"] == "error" for f in report["findings"])
    for finding in report["findings"]:
        places = [(finding["path"], finding["line"], finding["column"])]
        for related in finding["related"]:  # "path:line:col"
            path, line, col = related.rsplit(":", 2)
            places.append((path, int(line), int(col)))
        for path, line, col in places:
            try:
                lines = libyaml_lines(folder / path)
            except OSError:  # no such file, or not one that can be read
                assert (line, col) == (1, 1), finding
                continue
            assert 1 <= line <= len(lines), (finding, len(lines))
            assert 1 <= col <= len(lines[line - 1]) + 1, (finding, lines[line - 1])


def fuzz_once(data: bytes | tuple[str, bytes], args: list[str]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        if isinstance(data, tuple):
            shutil.copytree(EXAMPLE, folder, dirs_exist_ok=True)
            (folder / data[0]).write_bytes(data[1])
            root = MODEL
        else:
            (folder / "model.yaml").write_bytes(data)
            root = "model.yaml"
        result = run([*args, root], folder)
        if "-f" in args and args[args.index("-f") + 1] == "json":
            check(folder, result)
        else:
            assert result.code in (0, 1, 2), result
            assert "Traceback" not in result.out + result.err
            assert "internal error" not in result.err, result.err


@pytest.mark.slow
@FUZZ
@given(inputs)
def test_fuzz_gaps_locates_every_finding_and_never_crashes(data: bytes | tuple[str, bytes]) -> None:
    fuzz_once(data, ["gaps", "-f", "json", "--as-of", "2025-01-01"])


@pytest.mark.slow
@FUZZ
@given(
    inputs,
    st.sampled_from(["table", "csv", "markdown", "github", "sarif", "junit"]),
    st.sampled_from(["validate", "gaps"]),
)
def test_fuzz_every_output_format_survives_any_input(
    data: bytes | tuple[str, bytes], fmt: str, command: str
) -> None:
    fuzz_once(data, [command, "-f", fmt])


def files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def no_crash(result: Run) -> None:
    assert result.code in (0, 1, 2), result
    for stream in (result.out, result.err):
        assert "Traceback" not in stream and "internal error" not in stream, result


@st.composite
def spec(draw: st.DrawFn) -> str:
    """A path as diff takes it: the model, another file, or text shaped like REV:PATH."""
    return draw(
        st.one_of(
            st.sampled_from(["old/" + MODEL, "new/" + MODEL, "HEAD:" + MODEL, "-x:" + MODEL]),
            st.tuples(st.sampled_from(TOKENS + ["HEAD", "main", "", "@{-1}"]), soup).map(
                lambda p: f"{p[0]}:{p[1]}"
            ),
            soup,
        )
        # a command line holds no NUL; the empty path: test_security_root.test_an_empty_path_is_a_message
        .filter(lambda text: text and "\0" not in text)
    )


@pytest.mark.slow
@FUZZ
@given(mutated(), mutated(), st.sampled_from(["text", "markdown", "json"]))
def test_fuzz_diff_of_two_mutated_models_never_crashes(
    old: tuple[str, bytes], new: tuple[str, bytes], fmt: str
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / ".git").mkdir()
        for side, (name, data) in (("old", old), ("new", new)):
            shutil.copytree(EXAMPLE, folder / side)
            (folder / side / name).write_bytes(data)
        before = files_in(folder)
        result = run(["diff", f"old/{MODEL}", f"new/{MODEL}", "-f", fmt], folder)
        no_crash(result)
        if fmt == "json" and result.code != 2:
            assert set(json.loads(result.out)) >= {"opened", "closed"}
        assert files_in(folder) == before


@pytest.mark.slow
@FUZZ
@given(spec(), spec())
def test_fuzz_diff_of_any_path_specs_never_crashes(old: str, new: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / ".git").mkdir()
        for side in ("old", "new"):
            shutil.copytree(EXAMPLE, folder / side)
        before = files_in(folder)
        no_crash(run(["diff", "--", old, new], folder))
        assert files_in(folder) == before


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return exported(FORMAT_EXAMPLE)


PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "docProps/custom.xml",
    "../evil.xml",
    "/abs.xml",
]
XML_SOUP = st.lists(
    st.sampled_from(
        [
            "<",
            ">",
            "</",
            "/>",
            '<row r="1">',
            '<c r="A1" t="s">',
            "<v>0</v>",
            "<si><t>",
            "</t></si>",
            '<sheet name="Documents" r:id="rId1"/>',
            "&amp;",
            "&#0;",
            '<!DOCTYPE x [<!ENTITY a "b">]>',
            "&a;",
            '<?xml version="1.0"?>',
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        ]
    )
    | st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
    max_size=40,
).map("".join)
"""Parts as text, written as UTF-8 (which holds no lone surrogate)."""
MEMBER_NAMES = st.text(
    st.characters(blacklist_characters="\0/\\", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=12,
)
"""Names zipfile can write (it cuts a name at NUL, keeps none that is all slashes, and
stores a name as UTF-8, which holds no lone surrogate)."""
CELL_VALUES = st.one_of(
    st.sampled_from(TOKENS),
    soup,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        ["=1+1", '=HYPERLINK("http://x")', "=A1", "=1/0", "@SUM(1)", "[]", "models/../x.yaml"]
    ),
    st.none(),
)


def utf8(value: object) -> bool:
    """Whether a cell value can be saved: a workbook's XML is UTF-8, which holds no lone
    surrogate (openpyxl takes one into a cell and fails only when saving)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return True


SHEET_TITLE_CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs", "Cn"))
"""Characters an XML attribute can hold (no control characters, surrogates or
noncharacters), as a spreadsheet program lets a sheet be named."""


@st.composite
def workbooks(draw: st.DrawFn, book: bytes) -> bytes:
    """Random bytes, an archive of random parts, or the exported workbook with cells of
    its sheets changed as a person (or an attacker) might. (A workbook with a byte of
    its archive spoilt: tests/unit/interchange/test_xlsx_archive.py, which pins the
    ways it still ends in exit 3.)"""
    kind = draw(st.sampled_from(["bytes", "archive", "cells", "cells"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "archive":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name in draw(
                st.lists(
                    st.one_of(st.sampled_from(PARTS), MEMBER_NAMES),
                    max_size=8,
                    unique=True,
                )
            ):
                archive.writestr(
                    name,
                    draw(
                        st.one_of(
                            XML_SOUP, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))
                        )
                    ),
                )
        return out.getvalue()
    opened = load_workbook(io.BytesIO(book))
    for _ in range(draw(st.integers(1, 6))):
        sheet = opened[draw(st.sampled_from(opened.sheetnames))]
        row, column = draw(st.integers(1, 6)), draw(st.integers(1, 22))
        value = draw(CELL_VALUES.filter(utf8))
        with contextlib.suppress(ValueError, TypeError, IllegalCharacterError):  # openpyxl refuses
            sheet.cell(row, column).value = value
    if draw(st.booleans()):  # a title XML can hold: openpyxl cannot save any other
        title = st.text(SHEET_TITLE_CHARACTERS, min_size=1, max_size=31)
        opened.create_sheet(draw(title.filter(lambda t: not set(t) & set("[]:*?/\\"))))
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


@pytest.mark.slow
@FUZZ_WORKBOOKS
@given(st.data())
def test_fuzz_import_xlsx_never_crashes_or_writes_outside(
    workbook: bytes, data: st.DataObject
) -> None:
    book = data.draw(workbooks(workbook))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / "book.xlsx").write_bytes(book)
        result = run(["import", "xlsx", "book.xlsx", "-o", "out"], folder)
        no_crash(result)
        assert result.code != 1
        outside = {p for p in files_in(folder) if p != "book.xlsx" and not p.startswith("out")}
        assert outside == set()
        if result.code == 0:
            for path in (folder / "out").rglob("*.yaml"):
                no_crash(
                    run(
                        ["validate", str(path), "--root", str(folder / "out"), "-f", "json"], folder
                    )
                )


HSDS_KEYS = [
    "id",
    "name",
    "alternate_name",
    "status",
    "description",
    "url",
    "organization",
    "organization_id",
    "service_areas",
    "services",
    "contents",
    "total_items",
    "total_pages",
    "first_page",
    "last_page",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "eligibility_description",
    "last_modified",
    "service_area",
    "extent",
]
json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        TOKENS
        + ["active", "inactive", "defunct", "temporarily closed", "1e400", "2025-02-30T99:00"]
    ),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.one_of(st.sampled_from(HSDS_KEYS), st.text(max_size=8)), inner, max_size=6
        )
    ),
    max_leaves=40,
)


@pytest.mark.slow
@FUZZ
@given(json_values)
def test_fuzz_import_oruk_never_crashes_or_writes_outside(value: object) -> None:
    text = json.dumps(value)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / "directory.json").write_text(text, encoding="utf-8")
        result = run(["import", "oruk", "directory.json", "-o", "services.yaml"], folder)
        no_crash(result)
        assert result.code != 1
        assert files_in(folder) <= {"directory.json", "services.yaml"}
        if result.code == 0:
            check_result = run(["validate", "services.yaml", "-f", "json"], folder)
            assert check_result.code in (0, 1), check_result.out


# --- writes -------------------------------------------------------------------------------


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".vru-"))


@pytest.mark.slow
def test_the_command_line_says_when_it_cannot_write_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "report.html").write_bytes(b"old report")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)
    result = run(["report", MODEL, "-o", "report.html"], tmp_path)
    assert result.code == 2
    assert result.err == ("vru-pathways: cannot write report.html: No space left on device\n")
    assert (tmp_path / "report.html").read_bytes() == b"old report"
    assert _temps(tmp_path) == []
    missing = run(["draw", MODEL, "-o", "no-such-folder/map.dot"], tmp_path)
    assert (missing.code, missing.err) == (
        2,
        "vru-pathways: cannot write no-such-folder/map.dot: No such file or directory\n",
    )


STALL = """
import os, sys, time
def stall(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = stall  # write_atomic's temporary file is written: stop before the rename
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["report", MODEL, "-o", "out.html"],
        ["draw", MODEL, "--view", "pathways", "-o", "out.dot"],
    ],
    ids=["report", "draw"],
)
def test_killing_a_run_mid_write_leaves_the_old_file(tmp_path: Path, args: list[str]) -> None:
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    target = tmp_path / args[-1]
    target.write_bytes(b"the previous run's output")
    child = subprocess.Popen(
        [sys.executable, "-c", STALL, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        assert b"writing\n" in iter(child.stdout.readline, b"")
        [temp] = _temps(tmp_path)
        assert (tmp_path / temp).stat().st_size > 0  # the new output, written in full
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert target.read_bytes() == b"the previous run's output"


@pytest.mark.slow
def test_killing_the_real_command_at_any_moment_leaves_old_or_new(tmp_path: Path) -> None:
    """SIGKILL at moments spread over a real ``vru-pathways report`` run: the report is
    always either the previous one or the whole new one."""
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    command = [
        str(Path(sys.executable).parent / "vru-pathways"),
        "report",
        MODEL,
        "-o",
        "report.html",
    ]
    start = time.perf_counter()
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
    took = time.perf_counter() - start
    new = (tmp_path / "report.html").read_bytes()
    for step in range(1, 6):
        (tmp_path / "report.html").write_bytes(b"old")
        child = subprocess.Popen(
            command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(took * step / 5)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert (tmp_path / "report.html").read_bytes() in (b"old", new)
