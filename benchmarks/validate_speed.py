"""How long `validate` and `gaps` take on the shipped example, beside check-jsonschema.

check-jsonschema is what people run on YAML in CI today; checking the same files against
the exported JSON Schema is the yardstick for `validate`, and `gaps` should cost little
more than `validate`. Each command runs as a fresh process, as in CI, after one warm-up
run; the figures are the median and the fastest of N runs.

Usage: python benchmarks/validate_speed.py [--runs N]
(needs the test extras installed: pip install -e '.[test]')
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
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
        results = {name: timed(cmd, runs) for name, cmd in commands.items()}
    lines = sum(len((ROOT / f).read_text(encoding="utf-8").splitlines()) for f in files)
    print(f"{len(files)} files, {lines} lines of YAML; {runs} runs each, after one warm-up")
    print(f"{'command':<18} {'median s':>9} {'fastest s':>10}")
    for name, times in results.items():
        print(f"{name:<18} {statistics.median(times):>9.3f} {min(times):>10.3f}")
    median = {name: statistics.median(times) for name, times in results.items()}
    print(
        f"validate / check-jsonschema = {median['validate'] / median['check-jsonschema']:.2f}"
        " (target: at most 1.00)"
    )
    print(
        f"gaps / validate             = {median['gaps'] / median['validate']:.2f}"
        " (target: at most 1.20)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
