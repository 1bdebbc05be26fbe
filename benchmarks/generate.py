"""Generate a synthetic national framework: regions × local authorities × localities.

Seeded and deterministic: the same arguments write byte-identical files. The model uses
the shipped frameworks (risk and protective factors, outcomes, approaches), copied
beside it, and has realistic gaps: factors with no service, services that reach no
impact outcome, weak or harmful approaches, funding that ends soon, too few places.

Usage: python benchmarks/generate.py --services 100000 [--seed 1] [--area-funds 40]
       [--style flow|block] -o OUT_DIR
Writes OUT_DIR/national.yaml (the root) and OUT_DIR/frameworks/*.yaml; with
--area-funds, also OUT_DIR/area.yaml, one local authority's own model. Entities are
written one a line in flow style (``{name: ..., tier: ...}``), or with ``--style block``
the same model one key a line, lists as ``- item`` lines.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ("serious-violence-uk.yaml", "yef-toolkit.yaml")
TIERS = ("primary", "secondary", "tertiary")
PRIORITIES = ("high", "medium", "low")
STATUSES = ("active",) * 17 + ("planned", "paused", "closed")
SECTORS = (
    "police",
    "health",
    "local-authority",
    "education",
    "justice",
    "fire",
    "voluntary",
    "community",
)


def catalogue() -> tuple[list[str], list[str], list[str]]:
    """Factor, approach and outcome IDs of the shipped frameworks, in document order."""
    factors: list[str] = []
    approaches: list[str] = []
    outcomes: list[str] = []
    for name in FRAMEWORKS:
        doc = yaml.safe_load((ROOT / "frameworks" / name).read_text(encoding="utf-8"))
        factors += list(doc.get("risk_factors", {})) + list(doc.get("protective_factors", {}))
        approaches += list(doc.get("approaches", {}))
        outcomes += list(doc.get("outcomes", {}))
    return factors, approaches, outcomes


def layout(services: int) -> tuple[int, int, int]:
    """Regions, authorities per region and localities per authority for a size."""
    authorities = max(2, min(350, services // 250))
    regions = max(1, min(20, authorities // 8))
    return regions, max(1, authorities // regions), 4


def block(lines: list[str]) -> list[str]:
    """Flow mappings written one a line (``  id: {k: v, l: [a, b]}``) as block mappings.

    >>> block(["a:", "  x: {name: X, areas: [n, s]}"])
    ['a:', '  x:', '    name: X', '    areas:', '      - n', '      - s']
    """
    out: list[str] = []
    for line in lines:
        found = re.fullmatch(r"( *)([^ :]+): \{(.*)\}", line)
        if found is None:
            out.append(line)
            continue
        indent, key, inner = found.groups()
        out.append(f"{indent}{key}:")
        for item in re.findall(r"([^,\[ ]+): (\[[^\]]*\]|[^,]+)", inner):
            name, value = item
            if value.startswith("["):
                out.append(f"{indent}  {name}:")
                out += [f"{indent}    - {v}" for v in value[1:-1].split(", ")]
            else:
                out.append(f"{indent}  {name}: {value}")
    return out


def write(out: Path, services: int, seed: int, style: str = "flow") -> Path:
    rng = random.Random(seed)
    factors, approaches, outcomes = catalogue()
    # leave some factors without any service, some outcomes without a route to impact
    uncovered = set(rng.sample(factors, k=max(1, len(factors) // 8)))
    coverable = [f for f in factors if f not in uncovered]
    regions, per_region, per_authority = layout(services)
    lines = [
        "# Synthetic national framework for benchmarks (benchmarks/generate.py); "
        "not any real area's plan.",
        "format: vru-pathways/1",
        "id: national",
        f"title: Synthetic national framework, {services} services (seed {seed})",
        f"uses: [{', '.join('frameworks/' + n for n in FRAMEWORKS)}]",
        'scope: {ages: "0-25", as_of: 2026-10-01}',
        "policy: {require_tiers: [secondary, tertiary]}",
        "outcomes:",
        "  local-dead-end: {name: A local outcome that leads nowhere, stage: short}",
        "areas:",
    ]
    authorities: list[str] = []
    localities: list[str] = []
    for r in range(regions):
        lines.append(f"  region-{r}: {{name: Region {r}}}")
        for a in range(per_region):
            la = f"la-{r}-{a}"
            authorities.append(la)
            lines.append(f"  {la}: {{name: Authority {r}.{a}, within: region-{r}}}")
            for n in range(per_authority):
                loc = f"{la}-{n}"
                localities.append(loc)
                lines.append(f"  {loc}: {{name: Locality {r}.{a}.{n}, within: {la}}}")
    partners = [f"partner-{n}" for n in range(max(10, services // 20))]
    lines.append("partners:")
    lines += [
        f"  {p}: {{name: Partner {n}, sector: {rng.choice(SECTORS)}, duty: "
        f"{rng.choice(('specified', 'relevant', 'none'))}}}"
        for n, p in enumerate(partners)
    ]
    boards = [f"board-{la}" for la in authorities]
    lines.append("boards:")
    lines += [f"  {b}: {{name: Community Safety Partnership {b[6:]}}}" for b in boards]
    funds = [f"fund-{n}" for n in range(max(5, services // 10))]
    lines.append("funding:")
    for n, fund in enumerate(funds):
        year = rng.choice((2027, 2027, 2028, 2029))
        lines.append(
            f"  {fund}: {{name: Fund {n}, funder: {rng.choice(partners)}, "
            f"amount: {rng.randrange(10, 500) * 1000}, ends: {year}-03-31}}"
        )
    lines.append("needs:")
    for f in factors:
        areas = ", ".join(sorted(rng.sample(authorities, k=min(3, len(authorities)))))
        lines.append(
            f"  {f}: {{priority: {rng.choice(PRIORITIES)}, "
            f"cohort: {rng.randrange(50, 5000)}, areas: [{areas}], "
            f"owner: {rng.choice(boards)}}}"
        )
    lines.append("services:")
    for n in range(services):
        addresses = ", ".join(rng.sample(coverable, k=rng.randrange(1, 4)))
        lo = rng.randrange(0, 18)
        hi = min(25, lo + rng.randrange(3, 10))
        outs = (
            "local-dead-end"
            if rng.random() < 0.05
            else ", ".join(rng.sample(outcomes, k=rng.randrange(1, 3)))
        )
        area = rng.choice(localities if rng.random() < 0.8 else authorities)
        lines.append(
            f"  service-{n}: {{name: Service {n}, tier: {rng.choice(TIERS)}, "
            f"provider: {rng.choice(partners)}, approach: {rng.choice(approaches)}, "
            f'ages: "{lo}-{hi}", areas: [{area}], capacity: {rng.randrange(5, 200)}, '
            f"funding: [{rng.choice(funds)}], status: {rng.choice(STATUSES)}, "
            f"addresses: [{addresses}], outcomes: [{outs}]}}"
        )
    out.mkdir(parents=True, exist_ok=True)
    (out / "frameworks").mkdir(exist_ok=True)
    for name in FRAMEWORKS:
        shutil.copyfile(ROOT / "frameworks" / name, out / "frameworks" / name)
    root = out / "national.yaml"
    root.write_text("\n".join(block(lines) if style == "block" else lines) + "\n", encoding="utf-8")
    return root


def write_area(out: Path, funds: int, services: int, seed: int) -> Path:
    """One local authority's own model, the size an area's is: it uses the shipped
    frameworks (as the national file does), covers its four localities, and has
    ``services`` services on ``funds`` funding sources of its own, each service on one or
    two of them, with needs, capacities and referral routes like the national file's."""
    rng = random.Random(seed)
    factors, approaches, outcomes = catalogue()
    localities = [f"area-{n}" for n in range(4)]
    lines = [
        "# One synthetic area's model (benchmarks/generate.py); not any real area's plan.",
        "format: vru-pathways/1",
        "id: area",
        f"title: Synthetic area model, {services} services on {funds} funding sources",
        f"uses: [{', '.join('frameworks/' + n for n in FRAMEWORKS)}]",
        'scope: {ages: "0-25", areas: [area], as_of: 2026-10-01}',
        "policy: {require_tiers: [secondary, tertiary]}",
        "areas:",
        "  area: {name: The area}",
        *(f"  {loc}: {{name: Locality {loc[5:]}, within: area}}" for loc in localities),
        "partners:",
        *(f"  provider-{n}: {{name: Provider {n}, sector: voluntary}}" for n in range(20)),
        "funding:",
    ]
    names = [f"fund-{n}" for n in range(funds)]
    for n, fund in enumerate(names):
        year = rng.choice((2027, 2027, 2028, 2029))
        lines.append(
            f"  {fund}: {{name: Fund {n}, funder: provider-{n % 20}, "
            f"amount: {rng.randrange(10, 500) * 1000}, ends: {year}-03-31}}"
        )
    lines.append("needs:")
    for f in factors:
        lines.append(
            f"  {f}: {{priority: {rng.choice(PRIORITIES)}, cohort: {rng.randrange(20, 500)}, "
            f"areas: [{rng.choice(localities)}]}}"
        )
    lines.append("services:")
    for n in range(services):
        lines.append(
            f"  service-{n}: {{name: Service {n}, tier: {rng.choice(TIERS)}, "
            f"provider: provider-{rng.randrange(20)}, approach: {rng.choice(approaches)}, "
            f"areas: [{rng.choice(localities)}], capacity: {rng.randrange(5, 200)}, "
            f"funding: [{', '.join(rng.sample(names, k=rng.randrange(1, 3)))}], "
            f"addresses: [{', '.join(rng.sample(factors, k=rng.randrange(1, 4)))}], "
            f"outcomes: [{rng.choice(outcomes)}], refers_to: [service-{(n + 1) % services}]}}"
        )
    area = out / "area.yaml"
    area.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return area


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--area-funds",
        type=int,
        default=0,
        help="Also write area.yaml: one area's own model (250 services), on this many "
        "funding sources.",
    )
    parser.add_argument("--style", choices=("flow", "block"), default="flow")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    root = write(args.output, args.services, args.seed, args.style)
    print(f"{root} ({root.stat().st_size / 1e6:.1f} MB)")
    if args.area_funds:
        area = write_area(args.output, args.area_funds, 250, args.seed)
        print(f"{area} ({area.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
