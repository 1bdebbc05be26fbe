"""JSON from another tool is read under the limits YAML has: its size before it is read, its
nesting before it is parsed, and no number JSON does not allow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vru_pathways.diagnostics import InputError
from vru_pathways.loading import json_source
from vru_pathways.loading.json_source import depth_over, read_json
from vru_pathways.loading.yaml_guard import MAX_DEPTH


def nested() -> st.SearchStrategy[object]:
    leaves = st.none() | st.integers() | st.text(alphabet='[]{}"\\ab,:')
    return st.recursive(leaves, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner))


def real_depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((real_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((real_depth(v) for v in value.values()), default=0)
    return 0


@given(nested(), st.integers(0, 8))
def test_depth_over_agrees_with_the_parsed_nesting(value: object, limit: int) -> None:
    """Brackets inside strings, escaped quotes and backslashes do not count."""
    text = json.dumps(value)
    assert (depth_over(text, limit) is None) == (real_depth(value) <= limit)


def write_json(folder: Path, text: str) -> str:
    path = folder / "directory.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 100 levels deep (at character 101)"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested more than 100 levels deep"),
        ('["[[[[' + "[" * 200 + '"]', None),
        ("[NaN]", "NaN is not a JSON number"),
        ('{"minimum_age": Infinity}', "Infinity is not a JSON number"),
        ("[-Infinity]", "-Infinity is not a JSON number"),
        ("[" + "9" * 5000 + "]", "is not JSON: Exceeds the limit (4300 digits)"),
        ('{"a": 1', "is not JSON: Expecting ',' delimiter"),
        ('"\\ud800"', None),
        ("[1e400]", None),
    ],
)
def test_json_is_read_or_refused_with_a_reason(
    tmp_path: Path, text: str, words: str | None
) -> None:
    path = write_json(tmp_path, text)
    if words is None:
        read_json(path)
        return
    with pytest.raises(InputError) as refused:
        read_json(path)
    assert words in str(refused.value)


def test_nesting_at_the_limit_is_read(tmp_path: Path) -> None:
    assert read_json(write_json(tmp_path, "[" * MAX_DEPTH + "]" * MAX_DEPTH)) is not None


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "directory.json"
    with open(path, "wb") as handle:  # sparse: 60 MiB that take no disk
        handle.truncate(60 * 2**20)
    opened: list[object] = []
    monkeypatch.setattr(json_source, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(InputError, match=r"directory.json is 60.0 MiB, over the 50 MiB"):
        read_json(str(path))
    assert opened == []


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "directory.json"
    path.write_bytes(b'["caf\xe9"]')
    with pytest.raises(InputError, match="is not JSON: 'utf-8' codec can't decode byte 0xe9"):
        read_json(str(path))


@pytest.mark.parametrize("name", ["missing.json", "."])
def test_what_cannot_be_read_is_said(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_json(str(tmp_path / name))
