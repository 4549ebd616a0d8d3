"""The terminal report adapts to the terminal's width (issue #17): at 80 columns each fact's evidence is on
its own line under it (never a word per line), at 160 the evidence is a table column; no line is wider
than the terminal."""

import io
import subprocess
import sys

import pytest
from rich.console import Console
from situation_data import corpus, db, store  # noqa: F401 - shared fixtures

from sitrep.cli.situation import print_situation


def render(store, width: int) -> list[str]:
    out = io.StringIO()
    print_situation(store, Console(width=width, file=out, force_terminal=False, color_system=None))
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 160])
def test_no_line_is_wider_than_the_terminal(store, width):
    lines = render(store, width)
    assert max(len(line.rstrip()) for line in lines) <= width
    assert sum(1 for line in lines if line.strip()) > 10


def test_at_80_columns_evidence_has_its_own_line(store):
    lines = render(store, 80)
    evidence = "The Republic of Ostrava shelled the town of Karvan on Monday, residents said."
    own = [i for i, line in enumerate(lines) if line.startswith("    ") and evidence[:60] in line]
    assert own, "\n".join(lines)
    assert "ASSAULT" in lines[own[0] - 1] and "Ostrava" in lines[own[0] - 1]  # the fact it is the evidence of
    assert not any("│" in line for line in lines if "Ostrava shelled" in line)  # not a table cell
    # no table cell wrapped to a word or two per line: every table row of the report is on one line
    rows = [line for line in lines if line.count("│") >= 4]
    assert all(len([c for c in line.split("│") if c.strip()]) >= 3 for line in rows)


def test_at_160_columns_evidence_is_a_column(store):
    lines = render(store, 160)
    header = next(line for line in lines if "evidence" in line and "date" in line)
    assert "who" in header and "source" in header
    assert any("The Republic of Ostrava shelled the town" in line and "│" in line for line in lines)


@pytest.mark.parametrize("width", ["80", "160"])
def test_sitrep_report_follows_columns(db, width):  # noqa: F811
    r = subprocess.run([sys.executable, "-m", "sitrep", "report", "--db", str(db)], capture_output=True, text=True,
                       timeout=120, env={**__import__("os").environ, "COLUMNS": width})
    assert r.returncode == 0, r.stderr
    assert max(len(line.rstrip()) for line in r.stdout.splitlines()) <= int(width)
