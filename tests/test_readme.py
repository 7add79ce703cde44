"""The README stays true: its quick start is what CI runs, and every command is documented."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from pipeline import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("vnportal demo")
    ci_lines = [line for line in (ROOT / ".ci/run").read_text().splitlines()
                if line and not line.startswith("#")]
    assert commands[1] in ci_lines


def test_every_command_has_help_and_is_in_the_readme():
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert f"vnportal {name}" in README, f"README does not show `vnportal {name}`"


def test_version_is_the_installed_package_version():
    from importlib.metadata import version

    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output == f"vnportal {version('vnportal')}\n"
