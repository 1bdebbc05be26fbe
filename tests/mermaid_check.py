"""Check Mermaid text with the real Mermaid library, in headless Chromium.

Needs Debian's ``chromium`` and ``mermaid@11`` from npm under ``.cache/npm``: both are
installed by ``scripts/setup-system --test``.

- :func:`parse_all` parses many diagrams in one Chromium run: ``{name: None}`` for each
  that Mermaid accepts, ``{name: "error message"}`` for each that it rejects.
- :func:`render_all` / :func:`render_svg` render diagrams to SVG markup;
  :func:`svg_text` reads back the text a person would see in it, and
  :func:`svg_accessible` its accessible title and description.
- :func:`available` says why the tools are missing, or ``None`` if they are there.
- ``requires_mermaid`` marks tests that need the tools: they are skipped when the tools
  are missing, but fail when the environment variable ``CI`` is set, since CI must run
  them. It works through the ``mermaid_tools`` fixture, which ``tests/conftest.py``
  imports so that every test module can use the marker::

      from mermaid_check import parse_all, requires_mermaid

      pytestmark = requires_mermaid
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MERMAID_JS = ROOT / ".cache" / "npm" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
SETUP_HINT = "run scripts/setup-system --test"

#: Chromium's own budget for the page's work, in virtual milliseconds.
VIRTUAL_TIME_BUDGET_MS = 20_000
#: Wall-clock limit for one Chromium run, in seconds.
TIMEOUT_S = 120.0

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
)

_RESULTS_ID = "mermaid-check-results"
_RESULTS_RE = re.compile(rf'<pre id="{_RESULTS_ID}"([^>]*)>(.*?)</pre>', re.DOTALL)


class MermaidHarnessError(RuntimeError):
    """The harness itself failed: Chromium did not run, or the page did not finish."""


class MermaidRenderError(ValueError):
    """Mermaid could not render a diagram."""


def chromium() -> str | None:
    """The path of the Chromium to use: ``$CHROMIUM`` if set, else the first on PATH."""
    override = os.environ.get("CHROMIUM")
    if override:
        return shutil.which(override)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> str | None:
    """``None`` if Chromium and Mermaid are there, else why not."""
    missing = []
    if chromium() is None:
        override = os.environ.get("CHROMIUM")
        missing.append(
            f"CHROMIUM={override} is not found" if override else "chromium is not on PATH"
        )
    if not MERMAID_JS.is_file():
        missing.append(f"{MERMAID_JS.relative_to(ROOT)} is missing")
    if missing:
        return "; ".join(missing) + f" ({SETUP_HINT})"
    return None


def parse_all(diagrams: Mapping[str, str]) -> dict[str, str | None]:
    """Parse every diagram with ``mermaid.parse``, in one Chromium run.

    Returns, in the same order, ``None`` for each diagram Mermaid accepts and Mermaid's
    error message for each that it rejects.
    """
    results = _run("parse", diagrams)
    return {name: (None if r.ok else r.error) for name, r in results.items()}


def parse(text: str) -> str | None:
    """Parse one diagram: ``None`` if Mermaid accepts it, else its error message."""
    return parse_all({"diagram": text})["diagram"]


def render_all(diagrams: Mapping[str, str]) -> dict[str, str]:
    """Render every diagram with ``mermaid.render``, in one Chromium run: the SVG markup.

    Raises :class:`MermaidRenderError` naming every diagram that Mermaid cannot render.
    """
    results = _run("render", diagrams)
    failed = {name: r.error for name, r in results.items() if not r.ok}
    if failed:
        raise MermaidRenderError(
            "Mermaid cannot render: "
            + "; ".join(f"{name}: {error}" for name, error in failed.items())
        )
    return {name: r.svg or "" for name, r in results.items()}


def render_svg(text: str) -> str:
    """The SVG markup that Mermaid renders for one diagram."""
    return render_all({"diagram": text})["diagram"]


def svg_text(svg: str) -> str:
    """The text a person sees in rendered SVG: each label's text in document order, one
    line per label (and per ``<br>``), whitespace collapsed; styles and the accessible
    ``<title>``/``<desc>`` are left out (see :func:`svg_accessible` for those)."""
    reader = _TextReader()
    reader.feed(svg)
    reader.close()
    return "\n".join(line for line in reader.lines() if line)


def svg_accessible(svg: str) -> dict[str, str | None]:
    """The SVG's accessible title and description (from ``accTitle`` and ``accDescr``):
    ``{"title": ..., "desc": ...}``, ``None`` for each that is not there."""
    found: dict[str, str | None] = {}
    for tag in ("title", "desc"):
        match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", svg, re.DOTALL)
        found[tag] = html.unescape(match.group(1)) if match else None
    return found


_HIDDEN = ("style", "script", "title", "desc")


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._skip += 1
        elif tag == "br":
            self._parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "text", "tspan", "span"):
            self._parts.append("\0")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)

    def lines(self) -> list[str]:
        text = "".join(self._parts).replace("\0", "\n")
        return [" ".join(line.split()) for line in text.split("\n")]


# The page reads the diagrams from JSON, runs Mermaid on each in turn, and writes the
# results as JSON into a <pre> that --dump-dom prints. Its own failures (Mermaid not
# loading, an exception in the page) go there too, so that they are reported.
_PAGE = """<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>mermaid check</title>
<script type="application/json" id="mermaid-check-input">__INPUT__</script>
<script>
  window.__pageErrors = [];
  window.addEventListener("error", (e) => window.__pageErrors.push(String(e.message)));
</script>
<script src="__MERMAID_URL__"></script>
</head>
<body>
<div id="mermaid-check-stage"></div>
<pre id="__RESULTS_ID__"></pre>
<script>
(async () => {
  const out = document.getElementById("__RESULTS_ID__");
  const report = (value) => {
    // Escape everything outside printable ASCII so the DOM dump keeps it exactly.
    out.textContent = JSON.stringify(value).replace(
      /[^\\x20-\\x7e]|[<>&]/g,
      (c) => "\\\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
    );
    out.setAttribute("data-done", "1");
  };
  try {
    if (typeof mermaid === "undefined") {
      throw new Error("mermaid did not load: " + window.__pageErrors.join("; "));
    }
    const input = JSON.parse(document.getElementById("mermaid-check-input").textContent);
    mermaid.initialize({ startOnLoad: false });
    const results = [];
    for (let i = 0; i < input.diagrams.length; i++) {
      const [name, text] = input.diagrams[i];
      try {
        if (input.mode === "parse") {
          await mermaid.parse(text);
          results.push({ name, ok: true });
        } else {
          const { svg } = await mermaid.render(
            "mermaid-check-" + i, text, document.getElementById("mermaid-check-stage"));
          results.push({ name, ok: true, svg });
        }
      } catch (err) {
        const message = err && err.message !== undefined ? err.message : err;
        results.push({ name, ok: false, error: String(message) });
      }
    }
    report({ version: mermaid.version || null, results });
  } catch (err) {
    report({ fatal: String(err && err.stack ? err.stack : err) });
  }
})();
</script>
</body>
</html>
"""


def _embed_json(value: object) -> str:
    """JSON that is safe inside a <script> element: nothing in it can close the element
    or open a comment, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class _Result:
    ok: bool
    error: str | None = None
    svg: str | None = None


def _run(mode: str, diagrams: Mapping[str, str]) -> dict[str, _Result]:
    if not diagrams:
        return {}
    reason = available()
    if reason is not None:
        raise MermaidHarnessError(reason)
    browser = chromium()
    assert browser is not None
    names = list(diagrams)
    for name in names:
        if not isinstance(diagrams[name], str):
            raise TypeError(f"diagram {name!r} is not a str: {type(diagrams[name]).__name__}")
    page = (
        _PAGE.replace("__RESULTS_ID__", _RESULTS_ID)
        .replace("__MERMAID_URL__", html.escape(MERMAID_JS.as_uri()))
        .replace(
            "__INPUT__",
            _embed_json({"mode": mode, "diagrams": [[n, diagrams[n]] for n in names]}),
        )
    )
    with tempfile.TemporaryDirectory(prefix="mermaid-check-") as tmp:
        page_path = Path(tmp) / "check.html"
        page_path.write_text(page, encoding="utf-8")
        dom = _dump_dom(browser, page_path, Path(tmp) / "profile")
    found = _RESULTS_RE.search(dom)
    if found is None or 'data-done="1"' not in found.group(1):
        raise MermaidHarnessError(
            "the Mermaid page did not finish within Chromium's virtual time budget; "
            f"DOM dump starts: {dom[:500]!r}"
        )
    payload = json.loads(html.unescape(found.group(2)))
    if "fatal" in payload:
        raise MermaidHarnessError(f"the Mermaid page failed: {payload['fatal']}")
    results = payload["results"]
    if [r["name"] for r in results] != names:
        raise MermaidHarnessError("the Mermaid page returned results for other diagrams")
    return {
        r["name"]: _Result(ok=bool(r["ok"]), error=r.get("error"), svg=r.get("svg"))
        for r in results
    }


def _dump_dom(browser: str, page: Path, profile: Path) -> str:
    command = [
        browser,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
        "--dump-dom",
        page.as_uri(),
    ]
    # A session of its own, so that a timeout ends Chromium's helper processes too.
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise MermaidHarnessError(
                f"Chromium did not finish within {TIMEOUT_S:g} s: {' '.join(command)}"
            ) from None
    if proc.returncode != 0:
        raise MermaidHarnessError(
            f"Chromium exited with {proc.returncode}: {' '.join(command)}\n"
            + err.decode("utf-8", "replace")[-2000:]
        )
    return out.decode("utf-8", "replace")


def require_mermaid() -> None:
    """Skip the calling test if Chromium or Mermaid is missing; fail it instead when the
    environment variable ``CI`` is set (non-empty), since CI must run the Mermaid tests."""
    reason = available()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Mermaid tests cannot run: {reason}; CI is set, so they must", pytrace=False)
    pytest.skip(f"Mermaid tests need the tools: {reason}")


@pytest.fixture(scope="session")
def mermaid_tools() -> None:
    """Skip the test if Chromium or Mermaid is missing; fail instead when ``CI`` is set."""
    require_mermaid()


#: Marks tests (or, as ``pytestmark``, a module) that need Chromium and Mermaid.
requires_mermaid = pytest.mark.usefixtures("mermaid_tools")
