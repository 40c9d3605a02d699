"""The audit class: the audit log's own purge (store.audit.purge), run as the other classes are.

Its record is the audit purge's: a signed checkpoint of the last entry removed, the purge row and the
`audit.purge` entry (with the class named), so verification goes on from that signed point. Entries go
oldest first, so its batches need no key to go on after, only whether more may be left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from store.audit.log import Change
from store.audit.purge import record_purge, remove_purged, to_purge
from store.keys import KeyRing


@dataclass(frozen=True)
class AuditClass:
    keys: KeyRing
    name: str = "audit"

    def plan(self, session: Session, cutoff: datetime, now: datetime) -> dict[str, int]:
        found = to_purge(session, cutoff)
        return {"audit_entry": found[2] if found is not None else 0}

    def record(self, session: Session, cutoff: datetime, planned: dict[str, int], by: Change,
               now: datetime) -> None:
        record_purge(session, self.keys, cutoff, Change(actor=by.actor, via=by.via, action="audit.purge",
                                                        detail={**(by.detail or {}), "class": self.name}), now)

    def remove(self, session: Session, cutoff: datetime, now: datetime, after: str | None,
               limit: int) -> tuple[dict[str, int], str | None]:
        removed = remove_purged(session, limit)
        return {"audit_entry": removed}, "" if removed == limit else None
