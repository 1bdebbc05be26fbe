"""The limits on a YAML document: too many values are refused, nesting up to the limit is not."""

from __future__ import annotations

import pytest

from vru_pathways.loading import yaml_guard, yaml_source


def deep_flow(depth: int) -> str:
    return f"description: {'[' * depth}{']' * depth}\n"


def test_too_many_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_guard, "MAX_VALUES", 1000)
    [problem] = yaml_source.parse("a: [" + "x, " * 1000 + "]\n").problems
    assert (problem.rule, problem.line) == ("too-large", 1)


def test_nesting_up_to_the_limit_is_accepted() -> None:
    parsed = yaml_source.parse(
        "a: " + "[" * (yaml_guard.MAX_DEPTH - 1) + "]" * (yaml_guard.MAX_DEPTH - 1)
    )
    assert parsed.problems == []
    [problem] = yaml_source.parse(deep_flow(yaml_guard.MAX_DEPTH)).problems
    assert (problem.rule, problem.line, problem.col) == ("too-deep", 1, 13 + yaml_guard.MAX_DEPTH)
