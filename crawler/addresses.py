"""The address policy: which hosts vnportal may send a request to.

Public addresses only, by default: a URL's host is resolved (``socket.getaddrinfo``, which also
reads numeric spellings such as ``0x7f000001``, ``2130706433`` or ``127.1`` as the connection
would) and refused when any of its addresses is not a global one: loopback, private, link-local
(cloud metadata at 169.254.169.254), shared (CGNAT), multicast, reserved, unspecified, or an
IPv6 form embedding such an IPv4 address. ``allow_private`` turns the check off (tests,
intranets); ``allowed_hosts`` lets named ``host:port`` pairs through (the bundled sample portal).

The check resolves the name itself, before the request: a DNS answer that changes between the
check and the connection (DNS rebinding) is not covered.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
ALLOW_HINT = "--allow-private allows it (tests, intranets)"
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def host_port(url: str) -> str:
    """``host:port`` of a web URL, the port spelled out (``http://a.vn/`` -> ``a.vn:80``)."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def kind_of(address: str) -> str | None:
    """What makes ``address`` non-public ("loopback", "private" ...), or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope (fe80::1%eth0) aside
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour or \
            (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in NAT64 else None)
        if embedded is not None:
            return kind_of(str(embedded))
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


DNS_FAILED = "DNS lookup failed"


@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()  # host:port pairs let through whatever their address

    def refusal(self, url: str) -> str | None:
        """Why a request to ``url`` must not be sent, or None when it may."""
        parts = urlsplit(url)
        if parts.scheme not in WEB_SCHEMES:
            return f"refused: {parts.scheme or 'no'} scheme (only http and https are fetched)"
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            return "refused: bad port"
        if not host:
            return "refused: no host"
        if self.allow_private or host_port(url) in self.allowed_hosts:
            return None
        try:
            addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        except (socket.gaierror, UnicodeError):
            return DNS_FAILED
        for address in sorted(addresses):
            if kind := kind_of(address):
                return f"refused: {host} is {address} ({kind} address); {ALLOW_HINT}"
        return None
