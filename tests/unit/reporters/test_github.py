"""GitHub workflow commands: escaping as the actions toolkit does it."""

from __future__ import annotations

from vru_pathways.reporters.github import escape_data, escape_property


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("dir,1/a:b.yaml") == "dir%2C1/a%3Ab.yaml"
    assert escape_property("50%") == "50%25"
