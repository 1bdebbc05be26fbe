"""The Mermaid harness (tests/mermaid_check.py) can both pass and fail.

It runs the real Mermaid in headless Chromium; these tests are skipped without those
tools, except under CI (the environment variable CI set), where they fail instead.
"""

from __future__ import annotations

from pathlib import Path

import mermaid_check
import pytest
from mermaid_check import (
    MermaidHarnessError,
    MermaidRenderError,
    parse_all,
    render_all,
    render_svg,
    requires_mermaid,
    svg_accessible,
    svg_text,
)

pytestmark = [pytest.mark.slow, requires_mermaid]

VALID = 'flowchart LR\n a["x"] --> b'
UNCLOSED_LABEL = 'flowchart LR\n a[" --> '
DOUBLE_ARROW = "flowchart LR\n a -->-->"
# Quotes go into a Mermaid label as #quot;, and a raw double quote ends it.
SCRIPT_IN_LABEL = (
    "flowchart LR\n"
    " a[\"</script><script>document.title='x'</script> #quot;q#quot; it's\"] --> b\n"
    ' b --> c["<!-- ]]> \'"]'
)
SCRIPT_IN_BAD_DIAGRAM = 'flowchart LR\n a["</script>é😀"q"] --> b'
ACC = (
    "flowchart LR\n"
    "  accTitle: Pathways of Northbrook\n"
    "  accDescr: Which services cover which risk factors\n"
    "  a --> b"
)
ACC_BLOCK = (
    "flowchart TB\n  accTitle: T\n  accDescr {\n    first line\n    second line\n  }\n  a --> b"
)

CASES = {
    "valid": VALID,
    "unclosed label": UNCLOSED_LABEL,
    "double arrow": DOUBLE_ARROW,
    "script in label": SCRIPT_IN_LABEL,
    "script in bad diagram": SCRIPT_IN_BAD_DIAGRAM,
    # The name, too, travels through the page.
    "</script><!-- name": VALID,
    "acc": ACC,
    "acc block": ACC_BLOCK,
    "valid after the rest": "flowchart TB\n  x --> y",
}


@pytest.fixture(scope="module")
def parsed(mermaid_tools: None) -> dict[str, str | None]:
    # Every case in one Chromium run, as the emitter's tests should do.
    return parse_all(CASES)


def test_results_come_back_for_every_diagram_in_order(parsed: dict[str, str | None]) -> None:
    assert list(parsed) == list(CASES)


def test_valid_flowchart_parses(parsed: dict[str, str | None]) -> None:
    assert parsed["valid"] is None
    assert parsed["valid after the rest"] is None


@pytest.mark.parametrize("name", ["unclosed label", "double arrow"])
def test_invalid_flowchart_gives_mermaid_error(parsed: dict[str, str | None], name: str) -> None:
    error = parsed[name]
    assert isinstance(error, str)
    assert "Parse error on line" in error
    assert "Expecting" in error


def test_script_tag_and_quotes_in_label_do_not_break_the_harness(
    parsed: dict[str, str | None],
) -> None:
    assert parsed["script in label"] is None
    assert parsed["</script><!-- name"] is None


def test_error_message_comes_back_verbatim(parsed: dict[str, str | None]) -> None:
    error = parsed["script in bad diagram"]
    assert error is not None
    # Mermaid quotes the input around the error; non-ASCII and markup survive the trip.
    assert '</script>é😀"q"] --> b' in error


@pytest.mark.parametrize("name", ["acc", "acc block"])
def test_acc_title_and_description_parse(parsed: dict[str, str | None], name: str) -> None:
    assert parsed[name] is None


def test_empty_input_runs_nothing() -> None:
    assert parse_all({}) == {}


@pytest.fixture(scope="module")
def rendered(mermaid_tools: None) -> dict[str, str]:
    return render_all(
        {
            "entities": 'flowchart LR\n  a["Youth #amp; family #quot;work#quot; #lt;/script#gt;"] --> b["Ages 10–17"]',
            "acc": ACC,
            "acc block": ACC_BLOCK,
        }
    )


def test_render_shows_label_text_as_written(rendered: dict[str, str]) -> None:
    svg = rendered["entities"]
    assert svg.startswith("<svg")
    assert svg_text(svg).splitlines() == ['Youth & family "work" </script>', "Ages 10–17"]


def test_render_carries_acc_title_and_description(rendered: dict[str, str]) -> None:
    assert svg_accessible(rendered["acc"]) == {
        "title": "Pathways of Northbrook",
        "desc": "Which services cover which risk factors",
    }
    assert svg_accessible(rendered["acc block"])["title"] == "T"
    assert svg_text(rendered["acc"]) == "a\nb"  # title and description are not drawn


def test_render_of_invalid_diagram_raises() -> None:
    with pytest.raises(MermaidRenderError, match=r"bad: Parse error on line"):
        render_all({"good": VALID, "bad": DOUBLE_ARROW})


def test_render_svg_renders_one(mermaid_tools: None) -> None:
    assert svg_text(render_svg("flowchart TB\n  only")) == "only"


def test_harness_fails_loudly_when_mermaid_does_not_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    not_mermaid = tmp_path / "mermaid.min.js"
    not_mermaid.write_text("throw new Error('not mermaid');\n", encoding="utf-8")
    monkeypatch.setattr(mermaid_check, "MERMAID_JS", not_mermaid)
    with pytest.raises(MermaidHarnessError, match="mermaid did not load"):
        parse_all({"valid": VALID})


# The gate itself: skip without the tools, but fail under CI.


def test_gate_skips_without_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mermaid_check, "available", lambda: "chromium is not on PATH")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not on PATH"):
        mermaid_check.require_mermaid()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        mermaid_check.require_mermaid()


def test_gate_fails_under_ci_without_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mermaid_check, "available", lambda: "chromium is not on PATH")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium is not on PATH"):
        mermaid_check.require_mermaid()


def test_gate_passes_with_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert mermaid_check.available() is None
    mermaid_check.require_mermaid()
