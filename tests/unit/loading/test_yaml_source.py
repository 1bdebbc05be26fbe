"""YAML with positions: implicit typing, duplicate keys, aliases, positions."""

from __future__ import annotations

from vru_pathways.loading import yaml_source as yamlpos


def test_scalars_stay_as_written() -> None:
    parsed = yamlpos.parse("a: no\nb: on\nc: 010\nd: 2024-01-02\ne: 1e3\nf: ~\ng:\nh: 'null'\n")
    assert parsed.value == {
        "a": "no",
        "b": "on",
        "c": "010",
        "d": "2024-01-02",
        "e": "1e3",
        "f": None,
        "g": None,
        "h": "null",
    }
    assert parsed.problems == []


def test_positions_are_one_based_for_keys_and_values() -> None:
    parsed = yamlpos.parse("services:\n  x:\n    tier: secondary\n    areas: [north, south]\n")
    assert parsed.positions.find(("services", "x", "tier")) == (3, 11)
    assert parsed.positions.find(("services", "x", "tier"), key=True) == (3, 5)
    assert parsed.positions.find(("services", "x", "areas", 1)) == (4, 20)
    assert parsed.positions.find(("services", "x", "missing", 3)) == (3, 5)


def test_duplicate_keys_are_reported_and_the_first_kept() -> None:
    parsed = yamlpos.parse("a: 1\nb: 2\na: 3\n")
    assert parsed.value == {"a": "1", "b": "2"}
    [problem] = parsed.problems
    assert (problem.rule, problem.line, problem.col) == ("duplicate-key", 3, 1)
    assert "line 1, column 1" in problem.message


def test_syntax_error_is_located() -> None:
    [problem] = yamlpos.parse("a: [1, 2\nb: 3\n").problems
    assert problem.rule == "yaml-syntax"
    assert problem.line == 2


def doubling(levels: int) -> str:
    """Each key twice the one before: 2 ** (levels + 1) values once the aliases are copied."""
    return 'a: &a ["x", "x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(levels)
    )


def test_aliases_are_shared_not_expanded() -> None:
    parsed = yamlpos.parse(doubling(15))
    assert parsed.problems == []
    assert parsed.value["p"][0] is parsed.value["p"][1]


def test_aliases_that_would_expand_past_the_limit_are_refused() -> None:
    [problem] = yamlpos.parse(doubling(20)).problems
    assert problem.rule == "too-many-aliases"
    assert (problem.line, problem.col) == (18, 12)


def test_recursive_alias_is_an_error_not_a_hang() -> None:
    [problem] = yamlpos.parse("a: &a [*a]\n").problems
    assert problem.rule == "yaml-syntax"


def test_several_documents_in_one_file_are_an_error() -> None:
    [problem] = yamlpos.parse("a: 1\n---\nb: 2\n").problems
    assert (problem.rule, problem.line) == ("yaml-syntax", 3)
