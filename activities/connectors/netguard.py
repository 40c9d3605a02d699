"""Where connectors may connect: store.netguard's rules (shared with webhook deliveries), refusing with
ConnectorRefused so a connector's caller sees a refusal it knows."""

from __future__ import annotations

from activities.connectors.base import ConnectorRefused
from store.netguard import Address, Network, guarded_imap, guarded_smtp, parse_networks, redacted
from store.netguard import NetGuard as _NetGuard

__all__ = ["Address", "NetGuard", "Network", "guarded_imap", "guarded_smtp", "parse_networks", "redacted"]


class NetGuard(_NetGuard):
    refusal = ConnectorRefused
    who = "connectors do"
