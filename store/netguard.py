"""Where Switchboard may connect out (connectors, webhook deliveries): public addresses only, unless the operator
allow-lists a network.

A source's URL or host is resolved, every address it resolves to is checked (loopback, link-local
such as cloud metadata at 169.254.169.254, private, multicast, reserved and unspecified addresses
are refused), and the connection goes to the address that was checked, so a name that resolves
differently a moment later (DNS rebinding) gains nothing. HTTP redirects pass through the same
check, hop by hop. `SWITCHBOARD_CONNECT_ALLOW` (e.g. `10.0.0.0/8,127.0.0.1/32`) opens networks.
"""

from __future__ import annotations

import imaplib
import ipaddress
import smtplib
import socket
import ssl
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def redacted(url: str) -> str:
    """`url` without credentials in it (user:password@ and query strings can carry them)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return "the URL"
    return str(parsed.copy_with(userinfo=b"", query=None, fragment=None))


def parse_networks(text: str | None) -> list[Network]:
    """`10.0.0.0/8, 127.0.0.1` as networks; raises ValueError naming the bad entry."""
    networks = []
    for part in (text or "").replace(";", ",").split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(f"SWITCHBOARD_CONNECT_ALLOW: {part.strip()!r} is not a network ({exc})") from exc
    return networks


def _why_forbidden(address: Address) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for test, name in ((address.is_loopback, "a loopback"), (address.is_link_local, "a link-local"),
                       (address.is_multicast, "a multicast"), (address.is_unspecified, "an unspecified"),
                       (address.is_private, "a private"), (address.is_reserved, "a reserved"),
                       (not address.is_global, "a non-public")):
        if test:
            return name
    return None


LOOKUP_TIMEOUT = 10.0  # seconds a name may take to resolve
# Lookups that hang keep their thread until the resolver gives up: a few threads, so they cannot pile up.
_LOOKUPS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="netguard-dns")


class AddressRefused(ValueError):
    """A host that resolves to an address we do not connect to."""


class NetGuard:
    refusal: type[Exception] = AddressRefused  # what a refused address raises (activities.connectors: theirs)
    who = "Switchboard does"

    def __init__(self, allow: Sequence[Network] = (), *, lookup_timeout: float | None = None) -> None:
        self.allow = list(allow)
        self.lookup_timeout = lookup_timeout or LOOKUP_TIMEOUT

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to for host:port, once every address the name has is allowed."""
        # The system resolver has no timeout of ours: a name whose DNS server never answers would hold the
        # caller (a request saving a subscription, a delivery thread) for as long as the resolver retries. The
        # lookup runs on the guard's few threads and the caller waits at most `lookup_timeout`.
        lookup = _LOOKUPS.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        try:
            infos = lookup.result(timeout=self.lookup_timeout)
        except (socket.gaierror, UnicodeError) as exc:
            raise self.refusal(f"{host} does not resolve ({exc}); check the host name") from exc
        except TimeoutError as exc:
            lookup.cancel()
            raise self.refusal(f"{host} did not resolve within {self.lookup_timeout:g} s; check the host name and "
                               "that this server's DNS answers") from exc
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
        for address in addresses:
            why = _why_forbidden(address)
            if why is not None and not any(address in network for network in self.allow):
                raise self.refusal(
                    f"{host} is {address}, {why} address: {self.who} not connect there unless the operator "
                    f"allows its network (SWITCHBOARD_CONNECT_ALLOW={address}/{address.max_prefixlen})")
        return str(addresses[0])

    def http_client(self, **kw: Any) -> httpx.Client:
        """An httpx client whose every request (each redirect hop too) goes only to allowed addresses."""
        return httpx.Client(transport=_GuardedTransport(self), **kw)

    def connect(self, host: str, port: int, timeout: float | None) -> socket.socket:
        return socket.create_connection((self.resolve(host, port), port), timeout)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, guard: NetGuard) -> None:
        super().__init__()
        self._guard = guard

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        address = self._guard.resolve(host, port)
        # Connect to the address checked, still speaking to (and verifying the certificate of) the host.
        pinned = request.url.copy_with(host=address)
        request.url = pinned
        request.headers["Host"] = host if request.url.port is None else f"{host}:{port}"
        request.extensions = {**request.extensions, "sni_hostname": host}
        return super().handle_request(request)


def guarded_imap(guard: NetGuard, host: str, port: int, *, tls: ssl.SSLContext | None,
                 timeout: float) -> imaplib.IMAP4:
    """An IMAP client (over TLS when `tls` is given) connected only to an allowed address."""

    class Guarded(imaplib.IMAP4_SSL if tls else imaplib.IMAP4):  # type: ignore[misc]
        def _create_socket(self, timeout: float | None) -> socket.socket:
            sock = guard.connect(self.host, self.port, timeout)
            return tls.wrap_socket(sock, server_hostname=self.host) if tls else sock

    if tls:
        return Guarded(host, port, ssl_context=tls, timeout=timeout)
    return Guarded(host, port, timeout=timeout)


def guarded_smtp(guard: NetGuard, host: str, port: int, *, tls: ssl.SSLContext | None,
                 timeout: float) -> smtplib.SMTP:
    """An SMTP client (over TLS when `tls` is given) connected only to an allowed address."""

    class Guarded(smtplib.SMTP_SSL if tls else smtplib.SMTP):  # type: ignore[misc]
        def _get_socket(self, host: str, port: int, timeout: float | None) -> socket.socket:
            sock = guard.connect(host, port, timeout)
            return tls.wrap_socket(sock, server_hostname=self._host) if tls else sock

    if tls:
        return Guarded(host, port, timeout=timeout, context=tls)
    return Guarded(host, port, timeout=timeout)
