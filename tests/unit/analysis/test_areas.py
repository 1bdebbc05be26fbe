"""Which areas a service reaches: the same answer as following ``within`` up from each area,
for any tree, chain or loop, in runs whose number does not grow with the depth."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vru_pathways.analysis.areas import EVERYWHERE, AreaTree, Reach
from vru_pathways.schema.document import Area


def ancestors(areas: dict[str, Area], area: str) -> set[str]:
    """Every area ``area`` is within, at any depth, followed one step at a time."""
    found: set[str] = set()
    here = areas[area].within
    while here is not None and here in areas and here not in found:
        found.add(here)
        here = areas[here].within
    return found


def covered(areas: dict[str, Area], listed: list[str], area: str) -> bool:
    return area in listed or bool(ancestors(areas, area) & set(listed))


@st.composite
def area_maps(draw: st.DrawFn) -> dict[str, Area]:
    """Up to 12 areas, each within another (or one that does not exist), loops allowed."""
    names = [f"a{i}" for i in range(draw(st.integers(1, 12)))]
    parent = st.one_of(st.none(), st.sampled_from([*names, "elsewhere"]))
    return {n: Area(name=n, within=draw(parent)) for n in names}


@given(area_maps(), st.data())
def test_reach_agrees_with_following_within(areas: dict[str, Area], data: st.DataObject) -> None:
    tree = AreaTree(areas)
    listed = data.draw(st.lists(st.sampled_from([*areas, "unknown"]), max_size=4))
    reach = tree.reach(listed)
    for area in areas:
        assert tree.covers(reach, area) == covered(areas, listed, area), (area, listed)
    assert not tree.covers(reach, "unknown")


@given(area_maps(), st.data())
def test_counts_agree_with_covers(areas: dict[str, Area], data: st.DataObject) -> None:
    tree = AreaTree(areas)
    lists = data.draw(st.lists(st.lists(st.sampled_from(list(areas)), max_size=3), max_size=5))
    reaches = [tree.reach(listed) for listed in lists] + [EVERYWHERE]
    names = [*areas, "unknown"]
    expected = [sum(tree.covers(r, a) for r in reaches) for a in names]
    assert tree.counts(reaches, names) == expected


def test_areas_in_a_loop_are_each_within_every_other() -> None:
    areas = {
        "a": Area(name="A", within="b"),
        "b": Area(name="B", within="c"),
        "c": Area(name="C", within="a"),
        "inner": Area(name="I", within="b"),
    }
    tree = AreaTree(areas)
    for top in ("a", "b", "c"):
        assert [x for x in areas if tree.covers(tree.reach([top]), x)] == list(areas)
    assert [x for x in areas if tree.covers(tree.reach(["inner"]), x)] == ["inner"]


def test_a_deep_chain_is_one_run_whatever_its_depth() -> None:
    """16,000 nested areas: what a service listing the top reaches is one run, not
    sixteen thousand areas, and building the tree walks without recursion."""
    depth = 16_000
    areas = {"a0": Area(name="A")}
    areas |= {f"a{i}": Area(name="A", within=f"a{i - 1}") for i in range(1, depth)}
    tree = AreaTree(areas)
    assert tree.reach(["a0"]).runs == ((0, depth),)
    assert tree.reach(["a0", "a5", f"a{depth - 1}"]).runs == ((0, depth),)
    assert tree.reach([f"a{depth - 1}"]).runs == ((depth - 1, depth),)
    assert tree.covers(tree.reach(["a3"]), f"a{depth - 1}")
    assert not tree.covers(tree.reach(["a3"]), "a2")
    assert tree.counts([tree.reach(["a0"])] * 5000, [f"a{depth - 1}"]) == [5000]


def test_a_wide_region_is_one_run() -> None:
    areas = {"region": Area(name="R")}
    areas |= {f"a{i}": Area(name="A", within="region") for i in range(6000)}
    tree = AreaTree(areas)
    assert tree.reach(["region"]).runs == ((0, 6001),)
    assert len(tree.reach([f"a{i}" for i in range(0, 6000, 2)]).runs) == 3000
    assert len(tree.reach([f"a{i}" for i in range(6000)]).runs) == 1


def test_everywhere_joins_to_everywhere() -> None:
    assert (Reach(((0, 1),)) | EVERYWHERE) is EVERYWHERE
    assert (Reach(((0, 2),)) | Reach(((1, 4), (6, 7)))).runs == ((0, 4), (6, 7))
