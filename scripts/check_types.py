"""Run mypy over src/sitrep and fail on any type error that is not in the recorded baseline.

    python scripts/check_types.py                   # check (CI)
    python scripts/check_types.py --write-baseline  # record today's errors as the baseline

sitrep was written without a type checker; the errors mypy finds today are recorded in
``scripts/mypy-baseline.txt`` (file, error code and message, without line numbers, so that edits above
an error do not move it). CI fails when a change brings a *new* error, and says when errors of the
baseline are gone so that it can be shrunk (``--write-baseline``). The baseline only ever shrinks.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "scripts" / "mypy-baseline.txt"
_LINE = re.compile(r"^(?P<file>[^:]+):\d+: error: (?P<msg>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def run_mypy() -> tuple[Counter, str]:
    """mypy's errors as a multiset of ``file | code | message`` keys, and its raw output."""
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "mypy.ini")],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"mypy could not run (exit {proc.returncode})")
    errors: Counter = Counter()
    for line in proc.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            errors[f"{m['file']} | {m['code']} | {m['msg']}"] += 1
    return errors, proc.stdout


def read_baseline() -> Counter:
    if not BASELINE.is_file():
        return Counter()
    lines = [x for x in BASELINE.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    return Counter(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write-baseline", action="store_true")
    args = ap.parse_args(argv)
    errors, raw = run_mypy()
    if args.write_baseline:
        head = "# mypy errors accepted for now (scripts/check_types.py); this list only shrinks\n"
        BASELINE.write_text(head + "".join(f"{k}\n" for k in sorted(errors.elements())), encoding="utf-8")
        print(f"baseline: {sum(errors.values())} errors in {len({k.split(' | ')[0] for k in errors})} files")
        return 0
    base = read_baseline()
    new = errors - base
    gone = base - errors
    print(f"mypy: {sum(errors.values())} errors, {sum(base.values())} in the baseline, "
          f"{sum(new.values())} new, {sum(gone.values())} fixed")
    if gone:
        print("fixed since the baseline was written (shrink it: python scripts/check_types.py --write-baseline)")
    if new:
        keys = set(new)
        for line in raw.splitlines():
            m = _LINE.match(line)
            if m and f"{m['file']} | {m['code']} | {m['msg']}" in keys:
                print(line)
        print("type check FAILED: the errors above are new")
        return 1
    print("type check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
