"""The HTML report passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, with no
violation, in headless Chromium.

axe-core comes from npm (``scripts/setup-system --test`` puts it in ``.cache/npm``, as
it does Mermaid). The report forbids every script; only for this test is its
content-security policy relaxed, to let axe-core run in the page.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import ROOT, run
from mermaid_check import CHROMIUM_FLAGS, chromium

AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
MODELS = [f"models/{m}/model.yaml" for m in ("northbrook", "southmere", "eastwick")]
RUN_AXE = """
<script src="__AXE__"></script>
<script>
axe.run(document, {runOnly: {type: "tag", values: __TAGS__}, resultTypes: ["violations"]})
  .then((r) => report(r.violations.map((v) => ({id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" "))}))))
  .catch((e) => report({error: String(e)}));
function report(value) {
  const out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify(value);
  document.body.appendChild(out);
}
</script>
"""


def tools() -> str:
    found = chromium()
    missing = [] if found else ["chromium"]
    missing += [] if AXE.is_file() else [str(AXE.relative_to(ROOT))]
    if missing:
        reason = f"{', '.join(missing)} missing (scripts/setup-system --test)"
        if os.environ.get("CI"):
            pytest.fail(f"axe-core tests must run in CI: {reason}")
        pytest.skip(reason)
    assert found is not None
    return found


def violations(page: str, tmp_path: Path) -> object:
    """axe-core's violations on the page, its script let in for the test alone."""
    browser = tools()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page, count=1)
    script = RUN_AXE.replace("__AXE__", AXE.as_uri()).replace("__TAGS__", json.dumps(TAGS))
    path = tmp_path / "axe.html"
    path.write_text(page.replace("</body>", script + "</body>"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--virtual-time-budget=120000",
                "--dump-dom",
                path.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', done.stdout, re.S)
    assert found, f"axe-core did not finish: {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.slow
def test_the_region_report_has_no_violations(tmp_path: Path) -> None:
    out = tmp_path / "region.html"
    assert run(["report", *MODELS, "-o", str(out)], ROOT).code == 0
    assert violations(out.read_text(encoding="utf-8"), tmp_path) == []


@pytest.mark.slow
def test_axe_finds_what_it_should(tmp_path: Path) -> None:
    page = '<!DOCTYPE html><html><head></head><body><img src="data:,"></body></html>'
    found = violations(page, tmp_path)
    assert isinstance(found, list)
    assert {v["id"] for v in found} >= {"html-has-lang", "document-title", "image-alt"}
