"""Connectors: how Switchboard discovers mentions on a source and answers them, one module per kind.

`base` holds the capability bases, the registry and the shared helpers; `rss`, `email` and
`mastodon` are the kinds that speak to a remote service, through `netguard`. The worker's composition
root (workflows/worker.py) names each kind's connector.
"""

from activities.connectors.base import ConnectorError, ConnectorRefused, ConnectorRegistry
from activities.connectors.netguard import Network

__all__ = ["ConnectorError", "ConnectorRefused", "ConnectorRegistry", "Network"]
