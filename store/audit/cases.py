"""Which case events go to the audit log, and as what.

A case's timeline (case_event) holds every decision with its evidence; the audit log holds the changes:
assignments, claims, replies, approvals, transfers, escalations, closes and the like, by whoever made
them (an agent, or the system). The evidence a decision was made on (what was tagged, the triage, the
routing trace, a started clock) stays on the timeline, which the case's entries name by event id.
Entries are made where a case event's row is first written, so a save tried again adds none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from store.audit.log import Change

EVIDENCE = frozenset({"mention_added", "tagged", "triaged", "routed", "queued", "sla_started", "sla_warning",
                      "measured", "notified", "escalation_skipped"})


def case_changes(rows: Iterable[Mapping[str, Any]]) -> list[Change]:
    """Audit entries for newly written case event rows (id, case_id, kind, actor, at, detail)."""
    return [Change(actor=row.get("actor") or "system", action=f"case.{row['kind']}", target_type="case",
                   target_id=row["case_id"], at=row["at"], detail={"event": row["id"], **(row.get("detail") or {})})
            for row in rows if row["kind"] not in EVIDENCE]
