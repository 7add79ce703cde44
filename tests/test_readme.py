"""The README stays true: its quick start is what CI runs, every command is documented, and the
Python API examples run as written and print what they show."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
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


API_STAGES = ["Extract a page", "Tag a text", "Ingest and process", "Open an index and search", "Export",
              "Crawl and process"]


def _api_examples() -> dict[str, str]:
    """The "Python API" section's subsections (their examples), by title, in README order."""
    section = README.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^### (.+?)\n(.*?)(?=^### |\Z)", section, re.S | re.M))


def _run_examples(title: str) -> None:
    """Run one subsection's examples as doctests in a fresh namespace; they must print what it shows."""
    test = doctest.DocTestParser().get_doctest(_api_examples()[title], {}, f"README, Python API: {title}",
                                               "README.md", 0)
    runner = doctest.DocTestRunner()
    report: list[str] = []
    runner.run(test, out=report.append)
    assert test.examples and runner.failures == 0, "".join(report)


def test_the_python_api_section_has_an_example_per_stage():
    assert list(_api_examples()) == API_STAGES


def test_the_python_api_examples_run_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the examples write notebook.db and statistics.csv where they run
    for title in API_STAGES[:-1]:  # in order: the search and export examples read what ingest stored
        _run_examples(title)
    assert (tmp_path / "statistics.csv").read_text(encoding="utf-8").startswith("article_id,")


@pytest.mark.slow
@pytest.mark.network_local
def test_the_python_api_crawl_example_runs_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _run_examples("Crawl and process")
