"""The documentation stays true: every CLI command and option is documented (after datasette)."""

import subprocess
import sys
from pathlib import Path

import typer.main

from sitrep.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_current():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_generated_files_are_written_or_checked_by_one_rule(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("generated", ROOT / "scripts" / "generated.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "sub" / "made.md"
    assert mod.write_or_check({out: "v1\n"}, "gen_x.py", ["--check"]) == 1  # missing
    assert "run python scripts/gen_x.py" in capsys.readouterr().err and not out.exists()
    assert mod.write_or_check({out: "v1\n"}, "gen_x.py", []) == 0 and out.read_text() == "v1\n"
    assert mod.write_or_check({out: "v1\n"}, "gen_x.py", ["--check"]) == 0
    assert mod.write_or_check({out: "v2\n"}, "gen_x.py", ["--check"]) == 1 and out.read_text() == "v1\n"


def test_every_command_is_in_the_readme():
    group = typer.main.get_command(app)
    missing = [name for name in group.commands if f"sitrep {name}" not in README]
    assert missing == [], f"commands not documented in README.md: {missing}"


def test_readme_first_screen_has_the_two_setup_commands():
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make demo" in first_screen and "make test" in first_screen
    makefile = (ROOT / "Makefile").read_text()
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_lists_every_stage():
    from sitrep.pipeline import STAGES

    for name in STAGES:
        assert f"| `{name}` |" in README, name
