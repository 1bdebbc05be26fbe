"""An output cannot destroy: a command refuses (exit 2, a message, the target as it was) to
write over one of its own inputs, a link, a FIFO, a device or a folder; imports replace
an existing file only with ``--force``, and then name each one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from golden import CASES
from helpers import run

EXAMPLE = CASES / "valid" / "format-example"
MODEL = "models/example-area/model.yaml"
FRAMEWORK = "frameworks/example.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file under ``folder``: its bytes, or where a link points."""
    return {
        str(p.relative_to(folder)): os.readlink(p) if p.is_symlink() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


WRITERS = {
    "draw": ["draw", MODEL, "-f", "dot", "-o"],
    "draw mermaid": ["draw", MODEL, "-f", "mermaid", "-o"],
    "export xlsx": ["export", "xlsx", MODEL, "-o"],
    "export graphml": ["export", "graphml", MODEL, "-o"],
    "alt text": ["draw", MODEL, "-f", "dot", "-o", "map.dot", "--alt-text"],
}
"""Commands that write a file, each but its last argument, the file."""


@pytest.mark.parametrize("command", list(WRITERS))
@pytest.mark.parametrize("target", [MODEL, FRAMEWORK, f"models/../{MODEL}", f"./{FRAMEWORK}"])
def test_an_input_is_never_written_over(folder: Path, command: str, target: str) -> None:
    """The model named, or a framework it uses, however the path is spelt."""
    before = snapshot(folder)
    result = run([*WRITERS[command], target], folder)
    assert result.code == 2, result
    assert result.err == (
        f"vru-pathways: refusing to write {target}: it is one of this command's inputs; "
        "write the output to another file\n"
    )
    after = snapshot(folder)
    after.pop("map.dot", None)  # --alt-text: the drawing itself may be written first
    assert after == before


def test_a_report_cannot_write_over_a_used_document_named_like_a_report(folder: Path) -> None:
    (folder / "frameworks/extra.md").write_text("format: vru-pathways/1\nharms:\n  h: {name: H}\n")
    text = (folder / MODEL).read_text(encoding="utf-8")
    (folder / MODEL).write_text(text.replace("uses: [", "uses: [../../frameworks/extra.md, "))
    before = snapshot(folder)
    result = run(["report", MODEL, "-o", "frameworks/extra.md"], folder)
    assert result.code == 2 and "one of this command's inputs" in result.err
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    ("args", "suffix"),
    [
        (WRITERS["draw"], "dot"),
        (WRITERS["export graphml"], "graphml"),
        (WRITERS["export xlsx"], "xlsx"),
        pytest.param(["report", MODEL, "-o"], "html", marks=pytest.mark.slow),
    ],
    ids=["draw", "export graphml", "export xlsx", "report"],
)
def test_a_link_is_never_written_through(folder: Path, args: list[str], suffix: str) -> None:
    (folder / "target.txt").write_bytes(b"keep me")
    (folder / f"out.{suffix}").symlink_to("target.txt")
    (folder / f"to-model.{suffix}").symlink_to(MODEL)
    (folder / f"dangling.{suffix}").symlink_to("no/such/file")
    before = snapshot(folder)
    for name in (f"out.{suffix}", f"to-model.{suffix}", f"dangling.{suffix}"):
        result = run([*args, name], folder)
        assert result.code == 2, result
        assert f"refusing to write {name}: it is a symbolic link" in result.err
    assert snapshot(folder) == before
    assert not (folder / "no").exists()


def test_a_fifo_a_folder_and_devices_are_refused(folder: Path) -> None:
    os.mkfifo(folder / "pipe.dot")
    (folder / "folder.dot").mkdir()
    cases = {
        "pipe.dot": "it is a FIFO (named pipe), not a file",
        "folder.dot": "it is a folder, not a file",
        "/dev/null": "it is a device, not a file",
        "/dev/full": "it is a device, not a file",
    }
    for target, words in cases.items():
        result = run(["draw", MODEL, "-f", "dot", "-o", target], folder)
        assert (result.code, result.err) == (
            2,
            f"vru-pathways: refusing to write {target}: {words}\n",
        )
    assert (folder / "pipe.dot").is_fifo()
    assert list((folder / "folder.dot").iterdir()) == []


def test_the_schema_is_never_written_through_a_link(folder: Path) -> None:
    (folder / "schema.json").symlink_to(MODEL)
    before = snapshot(folder)
    result = run(["schema", "-o", "schema.json"], folder)
    assert result.code == 2 and "symbolic link" in result.err
    assert snapshot(folder) == before


def test_a_hard_link_to_an_input_leaves_the_input_whole(folder: Path) -> None:
    """A second name for the model is replaced by the drawing as a new file; the model
    itself keeps every byte."""
    os.link(folder / MODEL, folder / "alias.dot")
    before = (folder / MODEL).read_bytes()
    assert run(["draw", MODEL, "-f", "dot", "-o", "alias.dot"], folder).code == 0
    assert (folder / MODEL).read_bytes() == before
    assert (folder / "alias.dot").read_bytes().startswith(b"digraph")


@pytest.mark.slow
def test_alt_text_over_the_model_is_refused_with_svg(folder: Path) -> None:
    before = (folder / MODEL).read_bytes()
    result = run(["draw", MODEL, "-o", "m.svg", "--alt-text", MODEL], folder)
    assert result.code == 2
    assert "one of this command's inputs" in result.err
    assert (folder / MODEL).read_bytes() == before


def directory(folder: Path) -> str:
    (folder / "directory.json").write_text(
        '[{"id": "1", "name": "Youth club", "status": "active"}]', encoding="utf-8"
    )
    return "directory.json"


def test_import_oruk_replaces_only_with_force_and_says_so(folder: Path) -> None:
    source = directory(folder)
    (folder / "services.yaml").write_text("hand-edited\n")
    refused = run(["import", "oruk", source, "-o", "services.yaml"], folder)
    assert (refused.code, refused.err) == (
        2,
        "vru-pathways: refusing to replace services.yaml: give --force to replace it, or "
        "write another file\n",
    )
    assert (folder / "services.yaml").read_text() == "hand-edited\n"
    forced = run(["import", "oruk", source, "-o", "services.yaml", "--force"], folder)
    assert forced.code == 0
    assert "replaced services.yaml\n" in forced.err
    assert "Youth club" in (folder / "services.yaml").read_text()
    fresh = run(["import", "oruk", source, "-o", "new.yaml"], folder)
    assert fresh.code == 0 and "replaced" not in fresh.err


def test_import_oruk_never_writes_over_its_source_or_a_link(folder: Path) -> None:
    source = directory(folder)
    (folder / "link.yaml").symlink_to(MODEL)
    before = snapshot(folder)
    for target, words in ((source, "one of this command's inputs"), ("link.yaml", "symbolic link")):
        result = run(["import", "oruk", source, "-o", target, "--force"], folder)
        assert result.code == 2 and words in result.err, result
    assert snapshot(folder) == before


def workbook(folder: Path) -> str:
    assert run(["export", "xlsx", MODEL, "-o", "book.xlsx"], folder).code == 0
    return "book.xlsx"


def test_import_xlsx_replaces_only_with_force_and_names_each_file(folder: Path) -> None:
    book = workbook(folder)
    first = run(["import", "xlsx", book, "-o", "out"], folder)
    assert first.code == 0 and "replaced" not in first.err
    (folder / "out" / MODEL).write_text("hand-edited\n")
    refused = run(["import", "xlsx", book, "-o", "out"], folder)
    assert refused.code == 2
    assert "refusing to replace 2 existing file(s)" in refused.err
    assert (folder / "out" / MODEL).read_text() == "hand-edited\n"
    forced = run(["import", "xlsx", book, "-o", "out", "--force"], folder)
    assert forced.code == 0
    assert sorted(line for line in forced.err.splitlines() if line.startswith("replaced")) == [
        f"replaced out/{FRAMEWORK}",
        f"replaced out/{MODEL}",
    ]
    assert (
        (folder / "out" / MODEL)
        .read_text()
        .startswith("format: vru-pathways/1\nid: example-area\n")
    )


def link_among_the_targets(folder: Path) -> tuple[str, dict[str, bytes | str]]:
    book = workbook(folder)
    (folder / "out" / "models" / "example-area").mkdir(parents=True)
    (folder / "out" / MODEL).symlink_to(folder / FRAMEWORK)
    return book, snapshot(folder)


def test_import_xlsx_never_writes_through_a_link_even_with_force(folder: Path) -> None:
    book, before = link_among_the_targets(folder)
    result = run(["import", "xlsx", book, "-o", "out", "--force"], folder)
    assert result.code == 2 and "symbolic link" in result.err
    assert (folder / FRAMEWORK).read_bytes() == before[FRAMEWORK]
    assert os.readlink(folder / "out" / MODEL) == before[f"out/{MODEL}"]


def test_an_import_refused_for_one_file_writes_none(folder: Path) -> None:
    book, before = link_among_the_targets(folder)
    assert run(["import", "xlsx", book, "-o", "out", "--force"], folder).code == 2
    assert snapshot(folder) == before


def test_import_xlsx_into_the_folder_it_came_from_changes_nothing_without_force(
    folder: Path,
) -> None:
    book = workbook(folder)
    before = snapshot(folder)
    result = run(["import", "xlsx", book, "-o", "."], folder)
    assert result.code == 2 and "give --force" in result.err
    assert snapshot(folder) == before


def test_an_import_never_writes_outside_its_folder_through_a_linked_folder(
    folder: Path,
) -> None:
    book = workbook(folder)
    (folder / "out").mkdir()
    (folder / "elsewhere").mkdir()
    (folder / "out" / "models").symlink_to("../elsewhere")
    run(["import", "xlsx", book, "-o", "out"], folder)
    assert list((folder / "elsewhere").iterdir()) == []
