"""How long `validate` and `gaps` take on the shipped example, beside check-jsonschema.

check-jsonschema is what people run on YAML in CI today; checking the same files against
the exported JSON Schema is the yardstick for `validate`, and `gaps` should cost little
more than `validate`. Each command runs as a fresh process, as in CI, after one warm-up
run each; the runs are paired: round by round, the three commands run in turn, so that
each ratio compares runs that met the same machine. The figures are the medians (wall
and CPU time, user and system) and the median of the ratios, round by round.

Usage: python benchmarks/validate_speed.py [--runs N]
(needs the test extras installed: pip install -e '.[test]')
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def paired(commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Each command once a round, in turn, after one warm-up round."""
    for command in commands.values():
        timed(command)
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            out[name].append(timed(command))
    return out


def ratio(results: dict[str, list[tuple[float, float]]], a: str, b: str, figure: int) -> float:
    pairs = zip(results[a], results[b], strict=True)
    return statistics.median(x[figure] / y[figure] for x, y in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    # As an installed wheel has it: the package's bytecode written once, not compiled
    # again by every run (an editable install under PYTHONDONTWRITEBYTECODE would).
    compileall.compile_dir(ROOT / "vru_pathways", quiet=1)
    models = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("models/*/model.yaml"))
    files = sorted(
        p.relative_to(ROOT).as_posix()
        for p in ROOT.glob("*/**/*.yaml")
        if p.parts[len(ROOT.parts)] in ("frameworks", "models")
    )
    with tempfile.TemporaryDirectory() as tmp:
        schema = Path(tmp) / "schema.json"
        schema.write_text(
            subprocess.run(
                [str(BIN / "vru-pathways"), "schema"], check=True, capture_output=True, text=True
            ).stdout
        )
        commands = {
            "check-jsonschema": [
                str(BIN / "check-jsonschema"),
                "--schemafile",
                str(schema),
                *files,
            ],
            "validate": [str(BIN / "vru-pathways"), "validate", *models],
            "gaps": [str(BIN / "vru-pathways"), "gaps", *models],
        }
        results = paired(commands, runs)
    lines = sum(len((ROOT / f).read_text(encoding="utf-8").splitlines()) for f in files)
    print(f"{len(files)} files, {lines} lines of YAML; {runs} paired rounds, after a warm-up")
    print(f"{'command':<18} {'wall s':>7} {'CPU s':>7}")
    for name, times in results.items():
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"{name:<18} {wall:>7.3f} {cpu:>7.3f}")
    for a, b, target in (("validate", "check-jsonschema", 0.6), ("gaps", "validate", 1.2)):
        wall, cpu = ratio(results, a, b, 0), ratio(results, a, b, 1)
        print(f"{a} / {b}: {wall:.2f} wall, {cpu:.2f} CPU (target: at most {target:.2f})")
    help_ = paired({"help": [str(BIN / "vru-pathways"), "--help"]}, runs)["help"]
    print(f"--help: {statistics.median(t[0] for t in help_):.3f} s wall (target: at most 0.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
