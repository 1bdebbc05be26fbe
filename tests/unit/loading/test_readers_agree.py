"""The two YAML readers give the same answers: values, problems, and every position.

:mod:`~vru_pathways.loading.yaml_events` reads most documents in one pass over the
parser's events and keeps positions only to the depth of an entity, reading the rest
again when asked; :mod:`~vru_pathways.loading.yaml_nodes` composes the node tree and
keeps every position. Every position the composing reader knows, and the fallback for
paths below it that it does not, must come out the same from what ``parse`` returns, on
every YAML file of the project, on generated national files in both styles, on shapes
chosen to be awkward, and on random documents.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, run
from hypothesis import given, settings
from hypothesis import strategies as st

from vru_pathways.loading import yaml_events, yaml_guard, yaml_nodes, yaml_source
from vru_pathways.positions import Path as YamlPath
from vru_pathways.positions import Positions

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write  # noqa: E402

PROJECT_FILES = sorted(
    p for folder in ("tests/cases", "frameworks", "models") for p in (ROOT / folder).rglob("*.yaml")
)


def probes(positions: Positions) -> Iterator[YamlPath]:
    """Every path the reader placed, and paths below each that it did not."""
    for path in (*positions.values, *positions.keys):
        yield path
        yield (*path, "no-such-key")
        yield (*path, 7)


def assert_same(text: str) -> None:
    composed = yaml_nodes.parse(text)
    read = yaml_source.parse(text)
    assert read.value == composed.value
    assert read.problems == composed.problems
    for path in probes(composed.positions):
        for key in (False, True):
            expected = composed.positions.find(path, key=key)
            assert read.positions.find(path, key=key) == expected, (path, key)


@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_yaml_file_of_the_project_reads_the_same(path: Path) -> None:
    assert_same(path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff"))


@pytest.mark.parametrize("style", ["flow", "block"])
def test_generated_national_files_read_the_same(tmp_path: Path, style: str) -> None:
    root = write(tmp_path, 400, seed=3, style=style)
    text = root.read_text(encoding="utf-8")
    assert yaml_events.read(text) is not None  # the one-pass reader read it
    assert_same(text)


def assert_same_without_libyaml(text: str) -> None:
    """PyYAML's parser in Python, where libyaml is absent, reads the text to the same
    values, problems and positions as libyaml's (positions found inside the entities
    are read again when asked for, so they are asked for while it is the parser)."""
    composed = yaml_nodes.parse(text)
    expected = {
        (path, key): composed.positions.find(path, key=key)
        for path in probes(composed.positions)
        for key in (False, True)
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_guard, "Loader", yaml_guard.PureLoader)
        for pure in (yaml_source.parse(text), yaml_nodes.parse(text)):
            assert (pure.value, pure.problems) == (composed.value, composed.problems)
            found = {(path, key): pure.positions.find(path, key=key) for path, key in expected}
            assert found == expected


@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_yaml_file_of_the_project_reads_the_same_without_libyaml(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    assert_same_without_libyaml(text)


@pytest.mark.parametrize("style", ["flow", "block"])
def test_generated_national_files_give_the_same_json_without_libyaml(
    tmp_path: Path, style: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path, 400, seed=5, style=style)
    assert_same_without_libyaml(root.read_text(encoding="utf-8"))
    args = ["gaps", root.name, "--format", "json"]
    with_libyaml = run(args, root.parent)
    monkeypatch.setattr(yaml_guard, "Loader", yaml_guard.PureLoader)
    without = run(args, root.parent)
    assert with_libyaml.code == 1
    assert '"findings"' in with_libyaml.out
    assert (without.code, without.out, without.err) == (
        with_libyaml.code,
        with_libyaml.out,
        with_libyaml.err,
    )


AWKWARD = {
    "block in block": "a:\n  b:\n    c: 1\n    d: [x, y]\n  e:\n  - f\n  - g: h\n",
    "flow over lines": "s:\n  x: {name: X,\n    areas: [a,\n  b], c: {d: [e]}}\n  y: {}\n",
    "indentless sequence": "s:\n  x:\n  - a\n  - [b, c]\n  - {d: e}\n",
    "explicit keys": "s:\n  x:\n    ? a\n    : 1\n    ? b\n    : [2]\n",
    "block scalars": "s:\n  x:\n    d: |\n      two\n      lines\n    e: >-\n      folded\n    f: 1\n",
    "quoted": "s:\n  'x y': {\"a\": 'b''c', 'd': \"e\\nf\"}\n  z: ['', \"\", null, ~]\n",
    "comments": "# top\ns:  # here\n  # between\n  x:  # after\n    a: 1  # end\n\n  # trailing\n",
    "tags": "s:\n  x: !!map {a: !!str 1, b: !local [c]}\n  y: !!seq\n  - z\n",
    "document markers": "---\ns:\n  x: {a: 1}\n...\n",
    "yaml directive": "%YAML 1.1\n---\ns:\n  x: [a]\n",
    "tag directive": "%TAG !e! tag:example.com,2026:\n---\ns:\n  x: !e!thing {a: 1}\n",
    "crlf": "s:\r\n  x:\r\n    a: [1, 2]\r\n    b: c\r\n",
    "other breaks": "s:\u2028  x: {a: 1}\u2029t: [u]\x85v: w\n",
    "wide characters": "s:\n  é€😀: {ñame: 'ü', list: [😀, 日本]}\n  x: {k: v}\n",
    "scalar root": "just text\n",
    "sequence root": "- a\n- {b: [c, d]}\n- - e\n  - f\n",
    "empty": "",
    "comments only": "# nothing\n",
    "empty document": "---\n",
    "nulls": "s:\n  x:\n  y: ~\n  z: {a: , b: null}\n",
    "deep": "a:\n  b:\n    c:\n      d:\n        e:\n          f: [[[[g]]]]\n",
    "anchors": "a: &x {b: [1]}\nc: *x\nd:\n  e: &y [f]\n  g: *y\n",
    "alias inside an entity": "s:\n  x: {a: &v 1, b: *v}\n",
    "recursive alias": "a: &a [*a]\n",
    "duplicate keys": "s:\n  x: {a: 1, a: 2}\n  x: {b: 3}\n",
    "collection keys": "s:\n  x: {[a]: 1, b: 2}\n  ? [c]\n  : d\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "syntax error": "s:\n  x: {a: [1, 2}\n",
    "tab indent": "s:\n\tx: 1\n",
    "entity of scalars": "s:\n  x: 1\n  y: two\n",
}


@pytest.mark.parametrize("text", AWKWARD.values(), ids=AWKWARD.keys())
def test_awkward_shapes_read_the_same(text: str) -> None:
    assert_same(text)
    assert_same_without_libyaml(text)


def test_the_one_pass_reader_leaves_what_it_does_not_read_to_the_other() -> None:
    left = {
        name
        for name, text in AWKWARD.items()
        if yaml_events.read(text) is None and not name.startswith("empty")
    }
    assert left == {
        "tag directive",
        "anchors",
        "alias inside an entity",
        "recursive alias",
        "duplicate keys",
        "collection keys",
        "two documents",
        "syntax error",
        "tab indent",
    }


# --- random documents ---------------------------------------------------------------------

KEYS = st.sampled_from(["a", "b", "name", "x-y", "010", "no", "é", "k k", "null", ""])
SCALARS = st.sampled_from(["1", "two", "", "~", "null", "'q'", '"d q"', "yes", "é😀", "a b"])
values: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(KEYS, inner, max_size=4).map(lambda d: d or {"a": "1"})
    ),
    max_leaves=20,
)


def flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    return str(value)


def key(k: str) -> str:
    return f"'{k}'" if k in ("", "k k") else k


def block(value: Any, indent: int, wide: bool) -> list[str]:
    """Lines of ``value`` in block style; ``wide`` puts lists one more level in."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{key(k)}:")
                lines += block(v, indent + (2 if isinstance(v, dict) or wide else 0), wide)
            else:
                lines.append(f"{pad}{key(k)}: {flow(v)}")
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, dict) and v:
                first, *rest = block(v, indent + 2, wide)
                lines += [f"{pad}- {first.lstrip()}", *rest]
            else:
                lines.append(f"{pad}- {flow(v)}")
    return lines


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(KEYS, st.dictionaries(KEYS, values, max_size=4), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_random_documents_read_the_same(document: Any, wide: bool, flowing: bool) -> None:
    if flowing:
        lines = []
        for k, v in document.items():
            lines.append(f"{key(k)}:")
            lines += [f"  {key(i)}: {flow(e)}" for i, e in v.items()]
        text = "\n".join(lines) + "\n"
    else:
        text = "\n".join(block(document, 0, wide)) + "\n"
    assert_same(text)
    assert_same_without_libyaml(text)
