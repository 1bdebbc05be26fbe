"""The report command: its content, in a real browser, with hostile text, and as Markdown."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import HOSTILE, ROOT, run, write
from mermaid_check import CHROMIUM_FLAGS, chromium

MODELS = [f"models/{m}/model.yaml" for m in ("northbrook", "southmere", "eastwick")]


def needs_browser() -> str:
    found = chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is needed in CI (scripts/setup-system --test)")
        pytest.skip("chromium is not installed (scripts/setup-system --test)")
    return found


def browse(page: Path, tmp_path: Path, *extra: str) -> tuple[str, list[str], list[str]]:
    """Open ``page`` headless: its DOM, the console messages, and every URL requested."""
    netlog = tmp_path / "net.json"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                needs_browser(),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                f"--log-net-log={netlog}",
                *extra,
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    console = [
        line for line in done.stderr.splitlines() if ":CONSOLE(" in line or ":CONSOLE:" in line
    ]
    return done.stdout, console, page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """URLs the page asked for (not Chromium's own housekeeping, whose initiator is
    "not an origin"), other than the file itself and data: URLs."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = {
        e["params"].get("url", "")
        for e in log["events"]
        if e["type"] == start and e["params"].get("initiator") != "not an origin"
    }
    return sorted(u for u in urls if u and not u.startswith(("file:", "data:")))


@pytest.mark.slow
def test_the_request_check_catches_a_page_that_fetches(tmp_path: Path) -> None:
    page = tmp_path / "fetches.html"
    page.write_text(
        '<img src="http://example.invalid/x.png"><script>console.error("x")</script>',
        encoding="utf-8",
    )
    _, console, fetched = browse(page, tmp_path, "--dump-dom")
    assert fetched == ["http://example.invalid/x.png"]
    assert len(console) == 1


@pytest.fixture(scope="module")
def region_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "region.html"
    result = run(["report", *MODELS, "-o", str(out)], ROOT)
    assert result.code == 0, result.err
    return out


@pytest.mark.slow
def test_report_loads_with_no_console_errors_and_no_requests(
    region_report: Path, tmp_path: Path
) -> None:
    dom, console, fetched = browse(region_report, tmp_path, "--dump-dom")
    assert console == []
    assert fetched == []
    assert "Gap analysis: 3 areas compared" in dom
    shot = tmp_path / "report.png"
    browse(region_report, tmp_path, f"--screenshot={shot}", "--window-size=1240,1754")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_report_prints_on_a4(region_report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    browse(region_report, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    sizes = {tuple(round(float(v)) for v in box) for box in boxes}
    assert sizes <= {(595, 842), (842, 595)}, sizes  # A4, portrait text, landscape diagrams
    assert (842, 595) in sizes


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs


@pytest.mark.slow
def test_report_contents(region_report: Path) -> None:
    html = region_report.read_text(encoding="utf-8")
    for heading in (
        "Summary: Northbrook serious violence logic model 2026/27",
        "Money at risk",
        "The gaps, by the board that owns them",
        "Across the areas",
        "Appendix A: every finding",
        "Factors × prevention tiers",
        "Factors × areas",
        "Factors × age bands",
        "Money and time",
        "What rests on each funding source",
        "Funding end dates, soonest first",
        "Appendix D: evidence",
    ):
        assert heading in html
    # a logic model, a pathway map, a timeline chart and the coverage by tier and by area
    # for each area; one chart across them; and each area's pathway map of the gaps on the
    # A4 landscape pages that print it at 7 pt or more: four each, as
    # `draw --view pathways --gaps-only --page a4 --orientation landscape` makes it
    assert html.count("<svg") == 16 + 3 * 4
    assert html.count('<figure class="diagram">') == 6 + 3 * 4
    for page in range(1, 5):  # one caption of each page for each of the three areas
        assert html.count(f"Pathway map of the gaps, page {page} of 4") == 3
    assert html.count('<figure class="chart">') == 3 + 1
    assert html.count('<figure class="chart half">') == 6
    assert "A line chart of coverage" in html  # the chart's description, read aloud
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "two drawings share an id"
    assert "What could close it: " in html and "Already covered elsewhere: " in html
    assert "Could close it: " in html and "Already covered in " in html  # the summaries
    summaries = html.split('id="across"')[0]
    assert "models/northbrook/model.yaml" not in summaries
    assert "Youth Endowment Fund" in html  # cited in the appendix
    parsed = Tags()
    parsed.feed(html)
    assert "script" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attributes)
    assert not any(
        name in ("src", "href") and value and not value.startswith(("http", "#"))
        for name, value in parsed.attributes
    )


@pytest.mark.slow
def test_hostile_text_stays_inert_text(tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": HOSTILE})
    out = tmp_path / "report.html"
    assert run(["report", "model.yaml", "-o", str(out)], tmp_path).code == 0
    html = out.read_text(encoding="utf-8")
    parsed = Tags()
    parsed.feed(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attributes)
    hrefs = [v for n, v in parsed.attributes if n == "href"]
    assert hrefs == ["https://example.org/report"]
    dom, console, fetched = browse(out, tmp_path, "--dump-dom")
    assert console == [] and fetched == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt; plan" in dom  # shown as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom


def test_markdown_report(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert run(["report", *MODELS, "-o", str(out)], ROOT).code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Gap analysis: 3 areas compared")
    assert text.count("```mermaid") == 9  # logic model, pathway map, map of the gaps, each area
    assert "Pathway map of the gaps" in text and ", page 1 of" not in text  # Mermaid: no pages
    assert "## Appendix D: evidence" in text


SCENARIOS = ROOT / "tests" / "cases" / "valid" / "scenarios"


def test_money_and_time(tmp_path: Path) -> None:
    """The worked example of tests/cases/valid/scenarios, checked by hand: the VRU grant
    ends 2026-03-31, leaving 'mentors' unfunded and 'school-exclusion' without a pathway
    (100% to 66.7%); the trust grant ends in April 2027, inside the last quarter shown."""
    out = tmp_path / "report.md"
    assert run(["report", "model.yaml", "-o", str(out)], SCENARIOS).code == 0
    text = out.read_text(encoding="utf-8")
    appendix = text.split("## Appendix C: money and time", 1)[1]
    money = appendix.split("#### Funding end dates", 1)[0]
    for row in (
        "| 2025-06-01 | 100% | 3 | — |",
        "| 2026-03-01 | 100% | 3 | VRU grant 2025/26 |",
        "| 2026-06-01 | 66.7% | 2 | — |",
        "| 2027-03-01 | 66.7% | 2 | Trust grant |",
        "| Core budget | £250,000 | — | 1 | 2 | 33.3 |",
        "| VRU grant 2025/26 | £100,000 | 2026-03-31 | 1 | 2 | 33.3 |",
        "| The VRU grant is cut from October 2025 | 2025-10-01 | 2 | 1 | 3 | -33.3 |",
        "| The pilot starts and mentors take more | 2025-06-01 | 0 | 0 | 2 | +0.0 |",
        "| Nothing changes | 2025-06-01 | 0 | 0 | 0 | +0.0 |",
    ):
        assert row in money
    assert "Trust grant |" not in money.split("#### What rests")[1]  # its end alone costs nothing


def test_report_under_a_scenario(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    cut = ["report", "model.yaml", "-o", str(out), "--scenario", "grant-cut"]
    assert run(cut, SCENARIOS).code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Gap analysis: scenarios — if the VRU grant is cut from October 2025")
    assert "unfunded-service" in text and "as of 1 October 2025" in text
    typo = run(["report", "model.yaml", "-o", str(out), "--scenario", "grant-cat"], SCENARIOS)
    assert typo.code == 2 and "did you mean 'grant-cut'?" in typo.err


def test_report_needs_html_or_md(tmp_path: Path) -> None:
    result = run(["report", MODELS[0], "-o", str(tmp_path / "r.pdf")], ROOT)
    assert result.code == 2
