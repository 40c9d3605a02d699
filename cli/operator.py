"""Who an administrative command acts as in the audit log: the operating system's user running it."""

from __future__ import annotations

import getpass
from typing import Any

from store.audit import Change


def operator(action: str, target_type: str | None = None, target_id: str | None = None, *,
             before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
             detail: dict[str, Any] | None = None) -> Change:
    """An audit entry for a change made with the `switchboard` command on this machine."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container's)
        who = "unknown"
    return Change(actor="cli", via=f"os-user:{who}", action=action, target_type=target_type, target_id=target_id,
                  before=before, after=after, detail=detail)
