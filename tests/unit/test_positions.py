"""Positions packed into one integer keep their line and column exactly."""

from __future__ import annotations

from vru_pathways import positions
from vru_pathways.loading import files


def test_a_position_on_the_longest_line_a_file_may_have_is_kept_exactly() -> None:
    longest = files.MAX_BYTES
    assert positions.unpack(positions.pack(3, longest)) == (3, longest)
