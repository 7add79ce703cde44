"""The address policy: public addresses only unless allowed, checked on every hop of a crawl and of
`vnportal extract`, refused before anything is sent (loopback servers only; the other addresses
are refused before a connection is tried)."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler import CrawlOptions, SiteProfile, crawl
from crawler.addresses import AddressPolicy, host_port
from crawler.sites import Listing
from crawlsite import article_html, fast
from data import Index
from httpserver import PortalServer
from pipeline import cli

pytestmark = pytest.mark.usefixtures("no_user_config")

POLICY = AddressPolicy()


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/", "loopback"),
    ("http://0x7f000001/", "loopback"),
    ("http://2130706433/", "loopback"),
    ("http://127.1/", "loopback"),
    ("http://017700000001/", "loopback"),
    ("http://localhost:8080/", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[::ffff:a00:1]/", "private"),
    ("http://[2002:a9fe:a9fe::]/", "link-local"),  # 6to4 of 169.254.169.254
    ("http://[64:ff9b::7f00:1]/", "loopback"),  # NAT64 of 127.0.0.1
    ("http://10.0.0.1/x", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[fe80::1]/", "link-local"),
    ("http://100.64.0.1/", "non-public"),  # shared address space (CGNAT)
    ("http://224.0.0.1/", "multicast"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://240.0.0.1/", "reserved"),
])
def test_non_public_addresses_are_refused_with_their_kind(url, kind):
    reason = POLICY.refusal(url)
    assert reason is not None and reason.startswith("refused: ") and f"({kind} address)" in reason
    assert "--allow-private" in reason
    assert AddressPolicy(allow_private=True).refusal(url) is None


@pytest.mark.parametrize("url", ["http://93.184.215.14/", "https://8.8.8.8:8443/a", "http://[2001:4860:4860::8888]/"])
def test_public_addresses_pass(url):
    assert POLICY.refusal(url) is None


@pytest.mark.parametrize("url", ["ftp://93.184.215.14/x", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_only_http_and_https_are_fetched_even_when_private_is_allowed(url):
    assert "only http and https" in AddressPolicy(allow_private=True).refusal(url)


def test_allowed_hosts_let_exactly_that_host_and_port_through():
    policy = CrawlOptions().allowing("http://127.0.0.1:8765/tin-tuc/").address_policy
    assert policy.refusal("http://127.0.0.1:8765/a.html") is None
    assert "loopback" in policy.refusal("http://127.0.0.1:8766/a.html")
    assert "loopback" in policy.refusal("http://localhost:8765/a.html")
    assert host_port("https://a.gov.vn/x") == "a.gov.vn:443"


# -- the crawl: every hop ----------------------------------------------------------------------
@pytest.fixture
def other_server():
    server = PortalServer()
    yield server
    server.close()


def redirecting_portal(server: PortalServer, other: PortalServer) -> dict[str, str]:
    """A listing of articles that each redirect elsewhere; {article path: redirect target}."""
    other_port = other.base.rsplit(":", 1)[1]
    targets = {"/news/private-101.html": "http://10.0.0.1/x",
               "/news/metadata-102.html": "http://169.254.169.254/latest/meta-data/",
               "/news/ftp-103.html": f"ftp://127.0.0.1:{other_port}/x",
               "/news/other-host-104.html": f"http://localhost:{other_port}/news/page-104.html",
               "/news/other-port-105.html": f"{other.base}/news/page-105.html"}
    links = "".join(f'<li><a href="{path}">Tin {path}</a></li>' for path in targets)
    server.route("/news/index.html", f"<html><body><ul>{links}</ul></body></html>")
    for path, target in targets.items():
        server.route(path, status=302, headers={"Location": target})
    for number in (104, 105):
        other.route(f"/news/page-{number}.html", article_html(number))
    return targets


def profile(server: PortalServer) -> SiteProfile:
    return SiteProfile(name="test", province="", level="city", domains=("127.0.0.1",),
                       listings=(Listing(server.url("/news/index.html")),), article_pattern=r"/news/[a-z-]+-\d+\.html$")


def reasons(db: Path) -> dict[str, str]:
    index = Index(db)
    try:
        return dict(index.db.execute("select url, reason from url_state where kind = 'article'").fetchall())
    finally:
        index.close()


@pytest.mark.network_local
def test_redirect_hops_off_site_or_to_refused_addresses_are_never_requested(portal_server, other_server, tmp_path):
    redirecting_portal(portal_server, other_server)
    db = tmp_path / "index.db"
    options = fast(allow_private=False).allowing(portal_server.base)  # as for the sample portal
    report = crawl(db, [profile(portal_server)], options=options).site("test")
    assert other_server.paths() == []  # neither its robots.txt nor a page
    other = other_server.base.rsplit(":", 1)[1]
    assert reasons(db) == {
        portal_server.url("/news/private-101.html"): "redirected off-site to http://10.0.0.1/x",
        portal_server.url("/news/metadata-102.html"): "redirected off-site to http://169.254.169.254/latest/meta-data/",
        portal_server.url("/news/ftp-103.html"): "HTTP 302",  # Scrapy follows no redirect to ftp:
        portal_server.url("/news/other-host-104.html"):
            f"redirected off-site to http://localhost:{other}/news/page-104.html",
        portal_server.url("/news/other-port-105.html"):
            "refused: 127.0.0.1 is 127.0.0.1 (loopback address); --allow-private allows it (tests, intranets)"}
    assert report.failed == 5 and any("loopback address" in error for error in report.errors)


@pytest.mark.network_local
def test_allow_private_lets_an_on_site_loopback_hop_through_but_not_an_off_site_one(portal_server, other_server,
                                                                                     tmp_path):
    redirecting_portal(portal_server, other_server)
    db = tmp_path / "index.db"
    crawl(db, [profile(portal_server)], options=fast())
    assert sorted(set(other_server.paths())) == ["/news/page-105.html", "/robots.txt"]
    assert reasons(db)[portal_server.url("/news/other-host-104.html")].startswith("redirected off-site to")


# -- the command line --------------------------------------------------------------------------
def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.mark.network_local
def test_crawl_url_of_a_loopback_address_is_refused_in_one_line(portal_server, tmp_path):
    portal_server.route("/", "<html><body>trang chủ</body></html>")
    db = tmp_path / "index.db"
    result = invoke("crawl", "--url", portal_server.url("/"), "--db", str(db))
    assert result.exit_code == 2
    assert result.output == (f"Error: cannot crawl {portal_server.url('/')}: refused: 127.0.0.1 is 127.0.0.1 "
                             "(loopback address); --allow-private allows it (tests, intranets)\n")
    assert portal_server.paths() == [] and not db.exists()


@pytest.mark.network_local
def test_extract_refuses_a_numeric_loopback_url_unless_allowed(portal_server):
    port = portal_server.base.rsplit(":", 1)[1]
    portal_server.route("/news/tin-101.html", article_html(101))
    refused = invoke("extract", f"http://0x7f000001:{port}/news/tin-101.html")
    assert refused.exit_code == 2 and refused.output.count("\n") == 1
    assert "0x7f000001 is 127.0.0.1 (loopback address)" in refused.output
    assert portal_server.paths() == []
    allowed = invoke("extract", f"http://0x7f000001:{port}/news/tin-101.html", "--allow-private")
    assert allowed.exit_code == 0 and allowed.output.startswith("Title: Tin số 101")


@pytest.fixture
def listener():
    """A loopback socket nobody should connect to (an ftp:// redirect's target)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        sock.setblocking(False)
        yield sock


@pytest.mark.network_local
def test_extract_checks_every_redirect_hop_sends_the_crawler_user_agent_and_caps_the_body(
        portal_server, other_server, listener, tmp_path):
    ftp_port = listener.getsockname()[1]
    for path, target in {"/to-private": "http://10.0.0.1/x", "/to-ftp": f"ftp://127.0.0.1:{ftp_port}/x",
                         "/to-other-port": other_server.url("/page"), "/to-page": "/page"}.items():
        portal_server.route(path, status=302, headers={"Location": target})
    portal_server.route("/page", article_html(101))
    portal_server.route("/big", "<html>" + "x" * 5000 + "</html>")
    other_server.route("/page", article_html(102))
    config = tmp_path / "config.toml"
    config.write_text(f'[crawl]\ncontact = "ops@example.org"\nmax_bytes = 4000\n'
                      f'allowed_hosts = ["{host_port(portal_server.base)}"]\n', encoding="utf-8")
    results = {path: invoke("extract", portal_server.url(path), "--config", str(config))
               for path in ("/to-private", "/to-ftp", "/to-other-port", "/big", "/to-page")}
    for path, reason in (("/to-private", "10.0.0.1 (private address)"), ("/to-ftp", "only http and https"),
                         ("/to-other-port", "127.0.0.1 (loopback address)"), ("/big", "too large")):
        assert results[path].exit_code == 2 and results[path].output.count("\n") == 1, results[path].output
        assert results[path].output.startswith("Error: not fetched") and reason in results[path].output
    assert results["/to-page"].exit_code == 0 and results["/to-page"].output.startswith("Title: Tin số 101")
    assert other_server.paths() == []
    with pytest.raises(BlockingIOError):
        listener.accept()  # no connection came for the ftp:// hop
    agents = {entry.headers["user-agent"] for entry in portal_server.log}
    assert agents == {CrawlOptions(contact="ops@example.org").user_agent}
