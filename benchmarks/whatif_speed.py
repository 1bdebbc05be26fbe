"""What `whatif --each-funding` and `timeline` cost beside one `gaps` on the same model.

`--each-funding` loads and parses a model once and judges each funding source's ending
on the resolved framework, only where that ending can change anything; the yardstick is
one `gaps` on the same model, run beside it (paired, interleaved, fresh processes, after
a warm-up), so the ratio holds however fast the machine is. The models are generated
with `benchmarks/generate.py`: one local authority's own model (250 services on 40
funding sources), and the national file itself (its every funding source ranked).

Usage: python benchmarks/whatif_speed.py [--services 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write, write_area  # noqa: E402

BIN = Path(sys.executable).parent / "vru-pathways"


def seconds(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start


def paired(a: list[str], b: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    """Medians of ``a`` and ``b``, run in turn, and the median of their ratios a/b."""
    seconds(a, cwd)
    seconds(b, cwd)
    pairs = [(seconds(a, cwd), seconds(b, cwd)) for _ in range(runs)]
    return (
        statistics.median(p[0] for p in pairs),
        statistics.median(p[1] for p in pairs),
        statistics.median(p[0] / p[1] for p in pairs),
    )


def row(label: str, a: float, b: float, ratio: float, target: str) -> None:
    print(f"{label:<46} {a:>8.2f} {b:>8.2f} {ratio:>7.2f}  {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / ".git").mkdir()
        write(folder, args.services, seed=1)
        write_area(folder, funds=40, services=250, seed=1)
        gaps = [str(BIN), "gaps", "--format", "json", "--fail-on", "never"]
        print(f"{args.runs} paired runs after a warm-up; seconds are medians")
        print(f"{'':<46} {'command':>8} {'gaps':>8} {'ratio':>7}")
        for label, model in (("area model, 40 funding sources", "area.yaml"),):
            a, b, r = paired(
                [str(BIN), "whatif", model, "--each-funding"], [*gaps, model], folder, args.runs
            )
            row(f"whatif --each-funding, {label}", a, b, r, "(target: at most 3.00)")
            a, b, r = paired([str(BIN), "timeline", model], [*gaps, model], folder, args.runs)
            row(f"timeline (24 months), {label}", a, b, r, "")
        funds = args.services // 10
        a, b, r = paired(
            [str(BIN), "whatif", "national.yaml", "--each-funding"],
            [*gaps, "national.yaml"],
            folder,
            1,
        )
        row(f"whatif --each-funding, national ({funds} sources)", a, b, r, "(one run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
