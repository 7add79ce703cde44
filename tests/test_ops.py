"""Running vnportal as an operator does: the exit-code contract, -v/-q/--log-file before or after
the command, the [log] table, an example in every --help, a dead or partial network (closed
ports on 127.0.0.1: no traffic leaves this machine), progress lines off a terminal."""
from __future__ import annotations

import socket

import click
import pytest
from click.testing import CliRunner

from data.sample_server import serve_sample_site
from pipeline import cli

pytestmark = pytest.mark.usefixtures("no_user_config")


def invoke(*args, **kwargs):
    result = CliRunner().invoke(cli, [str(arg) for arg in args], **kwargs)
    assert "Traceback" not in result.output, result.output
    return result


def every_command(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from every_command(command, (*prefix, name))
        else:
            yield (*prefix, name)


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_config(home, text: str) -> None:
    folder = home / ".config" / "vnportal"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


# -- help and conventions ---------------------------------------------------------------------------
@pytest.mark.parametrize("command", [" ".join(c) for c in every_command()])
def test_every_command_help_has_an_example_and_the_log_options(command):
    result = invoke(*command.split(), "--help")
    text = " ".join(result.output.split())
    assert result.exit_code == 0
    assert "Example" in text and f"vnportal {command}" in text
    assert "--verbose" in result.output and "--quiet" in result.output and "--log-file" in result.output


def test_the_group_help_states_the_exit_codes():
    text = " ".join(invoke("--help").output.split())
    assert all(code in text for code in ("0 ok", "1 some", "2 could not run", "130", "143"))


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_and_log_file_go_before_or_after_the_command(tmp_path, where):
    log = tmp_path / "run.log"
    options = ["-v", "--log-file", log]
    args = [*options, "upgrade", "--db", tmp_path / "i.db"] if where == "before" else \
        ["upgrade", "--db", tmp_path / "i.db", *options]
    invoke("--version")
    result = invoke(*args)
    assert result.exit_code == 2  # no index there to upgrade
    quiet = invoke("upgrade", "--db", tmp_path / "i.db", "-q")
    assert quiet.exit_code == 2 and "Error" in quiet.output  # errors still show with -q


def test_the_log_table_of_the_config_file(tmp_path):
    write_config(tmp_path, "[log]\nverbosity = 1\nfile = '" + str(tmp_path / "from-config.log") + "'\n")
    with serve_sample_site() as base:
        result = invoke("crawl", "--sample-url", base, "--site", "wp", "--delay", "0", "--db", tmp_path / "i.db")
    assert result.exit_code == 0, result.output
    logged = (tmp_path / "from-config.log").read_text(encoding="utf-8")
    assert " INFO crawler.runner: crawl " in logged  # verbosity 1: info lines, in vnportal's format
    assert "Scrapy" not in logged  # Scrapy's banner only at -vv
    write_config(tmp_path, "[log]\nlevel = 'loud'\n")
    bad = invoke("stats", "--db", tmp_path / "i.db")
    assert bad.exit_code == 2 and "unknown log option(s) level" in bad.output


# -- exit codes -----------------------------------------------------------------------------------------
def test_could_not_run_is_exit_code_2(tmp_path, sample_index_path):
    db = tmp_path / "i.db"
    assert invoke("crawl", "--site", "nowhere.gov.vn", "--db", db).exit_code == 2  # unknown site
    assert invoke("crawl", "--db", db).exit_code == 2  # nothing named
    assert invoke("search", "x", "--db", tmp_path / "none.db").exit_code == 2  # no index
    assert invoke("reprocess", "--since-version", "banana", "--db", sample_index_path).exit_code == 2
    for command in (["search", "đảng"], ["export", "articles"], ["statistics"], ["report", "--out", tmp_path / "r.html"]):
        reversed_dates = invoke(*command, "--since", "2024", "--until", "2022", "--db", sample_index_path)
        assert reversed_dates.exit_code == 2 and "--until 2022 is before --since 2024" in reversed_dates.output
        for day in ("2024-13", "0000"):
            bad_day = invoke(*command, "--since", day, "--db", sample_index_path)
            assert bad_day.exit_code == 2 and "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD" in bad_day.output
    assert invoke("crawl", "--sample-url", "http://127.0.0.1:9", "--since", "2024-02", "--site", "nowhere",
                  "--db", db).exit_code == 2  # --since takes YYYY-MM as every command does; the site is unknown


def test_an_unknown_site_filter_is_a_warning_on_queries(sample_index_path):
    result = CliRunner().invoke(cli, ["search", "đảng", "--site", "nosuch", "--db", sample_index_path])
    assert result.exit_code == 0
    assert "Warning: no site 'nosuch' in the index" in result.output


# -- a dead or partial network ------------------------------------------------------------------------
@pytest.mark.network_local
def test_a_dead_network_ends_with_one_line_per_site_and_a_summary(tmp_path):
    urls = [f"http://127.0.0.1:{closed_port()}/tin-tuc/" for _ in range(3)]
    result = invoke("crawl", *[x for url in urls for x in ("--url", url)], "--allow-private", "--delay", "0",
                    "--db", tmp_path / "i.db")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "network unreachable: 0 of 3 sites answered (connection refused: 3)" in lines
    assert len([line for line in lines if line.startswith("127.0.0.1-") and " failed " in line]) == 3
    assert len(lines) == 2 + 3 + 1 + 1 + 1  # the table (a line per site, the total), the summary, the run
    assert "documents:" not in result.output  # nothing else asked of a dead network


@pytest.mark.network_local
def test_a_partial_network_names_the_sites_that_did_not_answer(tmp_path):
    # The dead site is named `localhost`, a host apart from the sample's 127.0.0.1: a site is found by
    # its host, not its port, so on one host the sample's answers would count as the dead site's too.
    with serve_sample_site() as base:
        result = invoke("crawl", "--sample-url", base, "--site", "wp", "--url",
                        f"http://localhost:{closed_port()}/", "--allow-private", "--delay", "0",
                        "--db", tmp_path / "i.db")
    assert result.exit_code == 1
    assert "some sites unreachable: 1 of 2 sites answered (connection refused: 1)" in result.output


# -- progress off a terminal ------------------------------------------------------------------------------
@pytest.mark.network_local
def test_a_run_off_a_terminal_writes_periodic_progress_lines(tmp_path):
    write_config(tmp_path, "[log]\nprogress_seconds = 0\n")  # a line at every step
    with serve_sample_site() as base:
        result = invoke("nightly", "--sample-url", base, "--delay", "0", "--db", tmp_path / "i.db")
    assert result.exit_code == 0, result.output
    crawl_lines = [line for line in result.output.splitlines() if "vnportal.progress: crawl:" in line]
    process_lines = [line for line in result.output.splitlines() if "vnportal.progress: process:" in line]
    assert len(crawl_lines) >= 25 and "/s" in crawl_lines[-1]  # count and rate
    assert process_lines and "30/30" in process_lines[-1] and "ETA" in process_lines[0]
    quiet = invoke("nightly", "--sample-url", base, "--delay", "0", "--db", tmp_path / "j.db", "-q")
    assert "vnportal.progress" not in quiet.output


@pytest.mark.network_local
def test_a_busy_port_is_one_line_naming_the_option_that_moves_it(tmp_path):
    """`serve` and `nightly --sample` on a port another program holds: exit 2, one line naming
    the option to change (`--port`, `--sample-port`), no traceback."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = str(holder.getsockname()[1])
        db = tmp_path / "index.db"
        from data import Index

        Index(db).close()  # an empty index to serve
        cases = [(["serve", "--port", port], "--port"), (["nightly", "--sample", "--sample-port", port], "--sample-port")]
        for args, option in cases:
            done = subprocess.run([sys.executable, str(root / "pipeline.py"), *args, "--db", str(db)],
                                  capture_output=True, text=True, timeout=120)
            assert done.returncode == 2, (args, done.stderr)
            errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
            assert len(errors) == 1 and f"127.0.0.1:{port}" in errors[0] and f"another {option}" in errors[0], errors
            assert "Traceback" not in done.stderr


def test_export_counts_its_rows_in_the_periodic_progress_line(tmp_path, caplog):
    """Off a terminal, a long export says how far it is now and then (here: every step)."""
    import io
    import logging

    from crawler.progress import Progress

    stream = io.StringIO()
    from crawler.logs import PROGRESS_LOGGER

    with caplog.at_level(logging.INFO, logger=PROGRESS_LOGGER):
        with Progress("export", unit="row", stream=stream, tty=False, every=0) as progress:
            assert list(progress.counting(iter(["a", "b", "c"]))) == ["a", "b", "c"]
    assert progress.done == 3
    assert any(record.getMessage().startswith("export: 3 rows") for record in caplog.records)
