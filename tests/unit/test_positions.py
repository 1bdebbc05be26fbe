"""Positions packed into one integer keep their line and column exactly."""

from __future__ import annotations

from vru_pathways import positions
from vru_pathways.loading import files
from vru_pathways.loading.yaml_source import parse


def test_a_position_on_the_longest_line_a_file_may_have_is_kept_exactly() -> None:
    longest = files.MAX_BYTES
    assert positions.unpack(positions.pack(3, longest)) == (3, longest)


def test_inner_positions_are_kept_for_the_last_entities_read_and_read_again_after() -> None:
    lines = ["format: vru-pathways/1", "services:"]
    count = positions.KEPT + 50
    lines += [f"  s{i}: {{name: S, tier: primary, areas: [a, b]}}" for i in range(count)]
    parsed = parse("\n".join(lines) + "\n")
    for _ in range(2):  # the second time, the first entities' positions are read again
        for i in range(count):
            line = i + 3
            found = parsed.positions.find(("services", f"s{i}", "areas", 1))
            assert found == (line, lines[line - 1].index("b]") + 1)
    assert len(parsed.positions._within) == positions.KEPT
