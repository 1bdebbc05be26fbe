"""Speed and memory at national scale: 1k, 10k and 100k services.

For each size it generates a synthetic national framework (benchmarks/generate.py,
seeded) and prints, each as a fresh process (as in CI):

- the floor: parsing the same files with libyaml's C loader alone
  (``yaml.load(..., Loader=yaml.CSafeLoader)``), interpreter start-up included;
- wall time and peak memory (max RSS) of ``vru-pathways validate`` and ``gaps``;
- ``gaps`` as a ratio of the floor;

then the growth exponent from 10k to 100k (1.0 is linear), and start-up: ``--help``
and ``validate`` on the shipped example.

Usage: python benchmarks/scale.py [--sizes 1000 10000 100000] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with {status}")
    return wall, usage.ru_maxrss / 1024


def best(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    results = [measure(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def floor_command(files: list[Path]) -> list[str]:
    code = (
        "import sys, yaml\n"
        "for f in sys.argv[1:]:\n"
        "    with open(f, 'rb') as h: yaml.load(h, Loader=yaml.CSafeLoader)\n"
    )
    return [sys.executable, "-c", code, *map(str, files)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    args = parser.parse_args()
    cli = str(BIN / "vru-pathways")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            folder = base / f"national-{size}"
            root = folder / "national.yaml"
            if not root.exists():
                write(folder, size, seed=1)
            files = [root, *sorted((folder / "frameworks").glob("*.yaml"))]
            mb = sum(f.stat().st_size for f in files) / 1e6
            floor = best(floor_command(files), folder, args.runs)
            validate = best([cli, "validate", "national.yaml"], folder, args.runs)
            gaps = best([cli, "gaps", "national.yaml", "--fail-on", "never"], folder, args.runs)
            rows[size] = (mb, floor, validate, gaps)
    print(
        f"{'services':>9} {'MB':>6} {'floor s':>8} {'validate s':>10} {'MB RSS':>7} "
        f"{'gaps s':>7} {'MB RSS':>7} {'gaps/floor':>10}"
    )
    for size, (mb, floor, validate, gaps) in rows.items():
        print(
            f"{size:>9} {mb:>6.1f} {floor[0]:>8.2f} {validate[0]:>10.2f} {validate[1]:>7.0f} "
            f"{gaps[0]:>7.2f} {gaps[1]:>7.0f} {gaps[0] / floor[0]:>10.2f}"
        )
    if 10000 in rows and 100000 in rows:
        for name, index in (("validate", 2), ("gaps", 3)):
            small, large = rows[10000][index][0], rows[100000][index][0]
            print(f"growth exponent 10k→100k, {name}: {math.log(large / small, 10):.2f}")
    help_time = best([cli, "--help"], ROOT, 5)[0]
    example = best(
        [cli, "validate", *(str(p) for p in sorted(ROOT.glob("models/*/model.yaml")))], ROOT, 5
    )[0]
    print(f"start-up: --help {help_time:.3f} s; validate on the shipped example {example:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
