"""The rulebook's summaries, which the docs and SARIF show, state the limits the loader keeps."""

from __future__ import annotations

from vru_pathways.loading import files, resolve, yaml_guard
from vru_pathways.rulebook import RULES


def test_the_rules_table_states_the_limits() -> None:
    assert f"{files.MAX_BYTES // 2**20} MiB" in RULES["too-large"].summary
    assert f"{yaml_guard.MAX_VALUES // 1_000_000} million" in RULES["too-large"].summary
    assert f"{yaml_guard.MAX_DEPTH} levels" in RULES["too-deep"].summary
    assert f"over {resolve.MAX_USES_DEPTH} documents" in RULES["too-deep"].summary
    assert f"{yaml_guard.MAX_ALIASES:,}" in RULES["too-many-aliases"].summary
    assert (
        f"{yaml_guard.MAX_ALIAS_VALUES // 1_000_000} million" in RULES["too-many-aliases"].summary
    )
