#!/usr/bin/env python3
"""The quality gate: run `sitrep eval seed`, `sitrep eval plover`, `sitrep eval news`, `sitrep eval fr` and
`sitrep eval short` (the dev splits of the English, French and short-report sets) with --json and fail
(exit 1) when a figure is worse than its floor in eval/floors.json.

    python scripts/check_floors.py                     # run the suites on shared/data, check
    python scripts/check_floors.py --result seed=r.json  # check results already computed
    python scripts/check_floors.py --raise-floors      # move floors up to today's figures (never down)
    python scripts/check_floors.py --repin news        # the news set's gold changed: pin its floors anew

floors.json: {"seed": {"required events found": {"min": 0.27}, "must-not errors": {"max": 0}}, ...}.
A "min" figure must stay at or above it, a "max" figure (an error count) at or below it. A figure
that is undefined (n/a) passes only a floor of 0. When the data folder does not exist (a clone without
../shared) the gate checks only the suites whose gold is in the repository (news, fr, short) and says so.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "eval" / "floors.json"
SUITES = ("seed", "plover", "news", "fr", "short")
#: the suites whose gold ships in this repository (eval/news, eval/fr, eval/short): checked on every clone
IN_REPO = ("news", "fr", "short")


def load_floors(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def figures_of(result: dict) -> dict:
    return {m["name"]: m["value"] for m in result.get("metrics", [])}


def check(floors: dict, results: dict[str, dict]) -> list[str]:
    """Every figure below its floor, as a message; empty when the gate passes."""
    failures = []
    for suite, bounds in floors.items():
        if suite.startswith("_") or suite not in results:
            continue
        figs = figures_of(results[suite])
        for name, bound in bounds.items():
            if name not in figs:
                failures.append(f"{suite}: figure '{name}' is missing from the result")
                continue
            value = figs[name]
            if "min" in bound:
                lo = float(bound["min"])
                if (value is None and lo > 0) or (value is not None and value < lo - 1e-9):
                    failures.append(f"{suite}: {name} = {value} is below its floor {lo}")
            if "max" in bound:
                hi = float(bound["max"])
                if value is None or value > hi + 1e-9:
                    failures.append(f"{suite}: {name} = {value} is above its ceiling {hi}")
    return failures


def raised(floors: dict, results: dict[str, dict]) -> dict:
    """Floors moved up (ceilings down) to today's figures; never the other way."""
    out = json.loads(json.dumps(floors))
    for suite, bounds in out.items():
        if suite.startswith("_") or suite not in results:
            continue
        figs = figures_of(results[suite])
        for name, bound in bounds.items():
            v = figs.get(name)
            if v is None:
                continue
            if "min" in bound and v > bound["min"]:
                bound["min"] = math.floor(v * 10000) / 10000  # never above the figure
            if "max" in bound and v < bound["max"]:
                bound["max"] = v
    return out


def repinned(floors: dict, results: dict[str, dict], suites: list[str]) -> dict:
    """The floors of ``suites`` set to today's figures, down as well as up. Only for a suite whose gold
    changed (articles added, or moved between its dev and held splits): its old floors measured another
    set. Say so in the commit that moves them."""
    out = json.loads(json.dumps(floors))
    for suite in suites:
        if suite not in out or suite not in results:
            raise SystemExit(f"gate: --repin {suite}: no floors or no result for it")
        figs = figures_of(results[suite])
        for name, bound in out[suite].items():
            v = figs.get(name)
            if v is None:
                continue
            if "min" in bound:
                bound["min"] = math.floor(v * 10000) / 10000
            if "max" in bound:
                bound["max"] = v
    return out


def dump(floors: dict) -> str:
    """floors.json with one line per figure."""
    out = ["{"]
    items = list(floors.items())
    for i, (suite, bounds) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if not isinstance(bounds, dict):
            out.append(f"  {json.dumps(suite)}: {json.dumps(bounds)}{comma}")
            continue
        out.append(f"  {json.dumps(suite)}: {{")
        rows = list(bounds.items())
        for j, (name, bound) in enumerate(rows):
            out.append(f"    {json.dumps(name)}: {json.dumps(bound)}" + ("," if j < len(rows) - 1 else ""))
        out.append("  }" + comma)
    out.append("}")
    return "\n".join(out) + "\n"


def data_available(data: str | None) -> bool:
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.evaluation.cli import data_root

    root = Path(data) if data else data_root()
    return root is not None and root.is_dir()


def suites_to_run(floors: dict, shared: bool) -> list[str]:
    """The suites with floors to check: every one with the shared data folder, else those whose gold
    is in the repository."""
    return [s for s in SUITES if s in floors and (shared or s in IN_REPO)]


def run_suite(suite: str, data: str | None, out: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    if data:
        env["SITREP_EVAL_DATA"] = data
    cmd = [sys.executable, "-m", "sitrep.evaluation", "eval", suite, "--json", str(out)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"gate: `sitrep eval {suite}` failed (exit {proc.returncode})")
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--floors", default=str(FLOORS))
    ap.add_argument("--data", default=None, help="the shared/data folder (default: found as `sitrep eval` does)")
    ap.add_argument("--result", action="append", default=[], metavar="SUITE=FILE",
                    help="check this JSON result instead of running the suite")
    ap.add_argument("--results-dir", default=None, help="also keep the JSON results here")
    ap.add_argument("--raise-floors", action="store_true", help="move the floors up to today's figures")
    ap.add_argument("--repin", action="append", default=[], metavar="SUITE",
                    help="the suite's gold changed: set its floors to today's figures, up or down")
    args = ap.parse_args(argv)

    floors = load_floors(Path(args.floors))
    results: dict[str, dict] = {}
    for item in args.result:
        suite, _, path = item.partition("=")
        results[suite] = json.loads(Path(path).read_text(encoding="utf-8"))
    if not results:
        shared = data_available(args.data)
        if not shared:
            print("quality gate: no shared/data folder (give --data or set SITREP_EVAL_DATA): only the "
                  f"suites whose gold is in the repository ({', '.join(IN_REPO)})")
        outdir = Path(args.results_dir) if args.results_dir else Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
        outdir.mkdir(parents=True, exist_ok=True)
        for suite in suites_to_run(floors, shared):
            results[suite] = run_suite(suite, args.data if shared else None, outdir / f"{suite}.json")
    if args.repin:
        floors = repinned(floors, results, args.repin)
        Path(args.floors).write_text(dump(floors), encoding="utf-8")
        print(f"floors of {', '.join(args.repin)} pinned anew in {args.floors}")
    failures = check(floors, results)
    for suite in results:
        n = sum(len(b) for s, b in floors.items() if s == suite)
        print(f"gate: {suite}: {n} figure(s) checked")
    if failures:
        for f in failures:
            print(f"FAIL {f}")
        return 1
    if args.raise_floors:
        new = raised(floors, results)
        if new != floors:
            Path(args.floors).write_text(dump(new), encoding="utf-8")
            print(f"floors raised in {args.floors}")
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
