"""Speed and memory at national scale: 1k, 10k and 100k services, against libyaml.

For each size it generates a synthetic national framework (benchmarks/generate.py,
seeded) and runs, each as a fresh process (as in CI), in turn round after round so that
every figure of a round meets the same machine:

- two floors, the same files parsed by libyaml's C parser alone with Python's cycle
  collector off (as the tool runs it while loading): ``load``
  (``yaml.load(..., Loader=yaml.CSafeLoader)``, values built by PyYAML's constructor)
  and ``compose`` (``yaml.compose(..., Loader=yaml.CSafeLoader)``, the node tree with
  every position, no values); interpreter start-up included in both;
- ``vru-pathways validate``, ``gaps`` and ``gaps --format json``: wall time, CPU time
  (user and system, which a machine shared with other work disturbs less) and peak
  memory (max RSS);

and prints the medians, ``gaps`` as a ratio of each floor (the median of the ratios
round by round), in wall time and in CPU time, the growth exponent from 10k to 100k
(1.0 is linear), and start-up: ``--help`` and ``validate`` on the shipped example.

Usage: python benchmarks/scale.py [--sizes 1000 10000 100000] [--runs 3] [--keep DIR]
       [--style flow|block]
"""

from __future__ import annotations

import argparse
import compileall
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

FLOOR = """\
import gc, sys, yaml
gc.disable()
for name in sys.argv[2:]:
    with open(name, "rb") as handle:
        data = handle.read()
    getattr(yaml, sys.argv[1])(data, Loader=yaml.CSafeLoader)
"""
"""A floor: the files read and parsed, nothing else; ``load`` or ``compose``."""


Run = tuple[float, float, float]
"""One run: wall seconds, CPU seconds (user and system) and peak memory (MB)."""


def measure(command: list[str], cwd: Path) -> Run:
    """Wall seconds, CPU seconds and peak memory (MB) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def rounds(commands: dict[str, list[str]], cwd: Path, runs: int) -> dict[str, list[Run]]:
    """Every command run once a round, in turn, for ``runs`` rounds."""
    out: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            out[name].append(measure(command, cwd))
    return out


def commands(cli: str, files: list[Path]) -> dict[str, list[str]]:
    names = [str(f) for f in files]
    return {
        "load": [sys.executable, "-c", FLOOR, "load", *names],
        "compose": [sys.executable, "-c", FLOOR, "compose", *names],
        "validate": [cli, "validate", "national.yaml"],
        "gaps": [cli, "gaps", "national.yaml", "--fail-on", "never"],
        "gaps json": [cli, "gaps", "national.yaml", "--fail-on", "never", "--format", "json"],
    }


def ratio(runs: dict[str, list[Run]], a: str, b: str, figure: int = 0) -> float:
    """The median of ``a``'s time over ``b``'s, round by round (``figure`` 0 wall, 1 CPU)."""
    pairs = zip(runs[a], runs[b], strict=True)
    return statistics.median(x[figure] / y[figure] for x, y in pairs)


def wall(runs: dict[str, list[Run]], name: str, figure: int = 0) -> float:
    return statistics.median(r[figure] for r in runs[name])


def peak(runs: dict[str, list[Run]], name: str) -> float:
    return max(r[2] for r in runs[name])


def report(rows: dict[int, tuple[float, dict[str, list[Run]]]]) -> None:
    print(
        f"{'services':>9} {'MB':>6} {'load s':>7} {'compose s':>9} {'validate s':>10} "
        f"{'MB RSS':>7} {'gaps s':>7} {'MB RSS':>7} {'json s':>7} "
        f"{'gaps/load':>9} {'gaps/compose':>12} {'json/load':>9}"
    )
    for figure, what in ((0, "wall"), (1, "CPU")):
        print(f"{what} time:")
        for size, (mb, runs) in rows.items():
            print(
                f"{size:>9} {mb:>6.1f} {wall(runs, 'load', figure):>7.2f} "
                f"{wall(runs, 'compose', figure):>9.2f} "
                f"{wall(runs, 'validate', figure):>10.2f} {peak(runs, 'validate'):>7.0f} "
                f"{wall(runs, 'gaps', figure):>7.2f} {peak(runs, 'gaps'):>7.0f} "
                f"{wall(runs, 'gaps json', figure):>7.2f} "
                f"{ratio(runs, 'gaps', 'load', figure):>9.2f} "
                f"{ratio(runs, 'gaps', 'compose', figure):>12.2f} "
                f"{ratio(runs, 'gaps json', 'load', figure):>9.2f}"
            )
    if 10000 in rows and 100000 in rows:
        for figure, what in ((0, "wall"), (1, "CPU")):
            for name in ("validate", "gaps"):
                small = wall(rows[10000][1], name, figure)
                large = wall(rows[100000][1], name, figure)
                exponent = math.log(large / small, 10)
                print(f"growth exponent 10k→100k, {name} ({what}): {exponent:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    parser.add_argument("--style", choices=("flow", "block"), default="flow")
    args = parser.parse_args()
    # As an installed wheel has it: the package's bytecode written once, not compiled
    # again by every run (an editable install under PYTHONDONTWRITEBYTECODE would).
    compileall.compile_dir(ROOT / "vru_pathways", quiet=1)
    cli = str(BIN / "vru-pathways")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            folder = base / f"national-{size}-{args.style}"
            root = folder / "national.yaml"
            if not root.exists():
                write(folder, size, seed=1, style=args.style)
            files = [root, *sorted((folder / "frameworks").glob("*.yaml"))]
            mb = sum(f.stat().st_size for f in files) / 1e6
            rows[size] = (mb, rounds(commands(cli, files), folder, args.runs))
    print(f"{args.runs} round(s) of each command, in turn; seconds are medians")
    report(rows)
    models = [str(p) for p in sorted(ROOT.glob("models/*/model.yaml"))]
    start = rounds({"help": [cli, "--help"], "validate": [cli, "validate", *models]}, ROOT, 9)
    print(
        f"start-up: --help {wall(start, 'help'):.3f} s; "
        f"validate on the shipped example {wall(start, 'validate'):.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
