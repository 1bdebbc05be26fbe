"""Age ranges and their arithmetic, by example and by property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vru_pathways import ages
from vru_pathways.ages import AgeRange


@pytest.mark.parametrize(
    ("text", "low", "high"), [("10-17", 10, 17), ("18+", 18, None), ("0-25", 0, 25), ("7-7", 7, 7)]
)
def test_parse(text: str, low: int, high: int | None) -> None:
    assert AgeRange.parse(text) == AgeRange(low, high)
    assert str(AgeRange.parse(text)) == text


@pytest.mark.parametrize("text", ["17-10", "ten", "10 to 17", "-3", "18", "010-17", ""])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        AgeRange.parse(text)


def test_describe_names_what_is_uncovered() -> None:
    need = AgeRange.parse("10-18").span()
    assert ages.describe(ages.subtract(need, [(11, 16)])) == "10 and 17–18"
    assert ages.describe(ages.subtract(((5, None),), [(6, 6), (8, 20)])) == "5, 7 and 21+"
    assert ages.subtract(need, [(0, None)]) == ()


spans = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda t: (min(t), max(t)))


@given(st.lists(spans, max_size=5), st.lists(spans, max_size=5))
def test_subtract_matches_set_arithmetic(
    a: list[tuple[int, int]], b: list[tuple[int, int]]
) -> None:
    def members(s: ages.Ages) -> set[int]:
        return {n for low, high in s for n in range(low, (high if high is not None else 60) + 1)}

    left = ages.normalise(a)
    assert members(ages.subtract(left, b)) == members(left) - members(ages.normalise(b))
    assert members(ages.intersect(left, ages.normalise(b))) == members(left) & members(
        ages.normalise(b)
    )
