"""Flow drafts and versions: drafts are edited, versions are published, immutable and
content-addressed, and one version is active for new cases (running cases keep theirs)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, select

from api.errors import ApiError
from engine.flows import FlowError, compile_flow, validate_flow
from engine.flows.compiled import InvalidFlow
from engine.flows.fields import did_you_mean
from engine.flows.references import canned_reply_references, team_references
from store.canned_replies import CannedReply
from store.event_payloads import FlowChange
from store.events_out import EventType, emit
from store.flows import Flow, FlowDraft, activate_flow
from store.teams import Team

# What a draft may still lack while it is being built (from blank, node by node); publishing refuses it.
INCOMPLETE = frozenset({"missing_stage"})


def checked_version(document: Any, *, session: Session | None = None, incomplete: bool = False) -> str:
    """The version of a valid document; a 422 listing every problem with its path otherwise.

    With a `session`, every team the flow names must exist too: a typo there would otherwise only show
    when the first case waits in a queue nobody works (`routing_failed`). With `incomplete`, a flow that
    only lacks stages passes (a draft being built), and its version is "".
    """
    errors: list[FlowError] = []
    version = ""
    try:
        version = compile_flow(document).version
    except InvalidFlow as exc:
        errors = [e for e in exc.errors if not (incomplete and e.code in INCOMPLETE)]
    if session is not None:
        errors += unknown_teams(session=session, document=document)
        errors += unknown_canned_replies(session=session, document=document)
    if errors:
        found = [e.to_dict() for e in errors]
        count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        raise ApiError(422, code="invalid_flow", path="document",
                       message=f"the flow was not saved: {count}, each with its path in the document: "
                               + "; ".join(f"{e['path'] or '/'}: {e['message']}" for e in found),
                       errors=found)
    return version


def unknown_teams(*, session: Session, document: Any) -> list[FlowError]:
    """An `unknown_team` error for each team the document names that the database lacks."""
    doc, _ = validate_flow(document)
    if doc is None:
        return []
    known = set(session.exec(select(Team.id)))
    return [FlowError("unknown_team", f"no team {team_id!r}; {did_you_mean(team_id, known)}"
                                      f"Teams: {', '.join(sorted(known)) or 'none yet'}", path)
            for team_id, path in team_references(doc) if team_id not in known]


def unknown_canned_replies(*, session: Session, document: Any) -> list[FlowError]:
    """An `unknown_canned_reply` error for each canned reply the document's auto-reply names that the database
    lacks: the case would otherwise wait for an auto-reply that can never be sent."""
    doc, _ = validate_flow(document)
    if doc is None:
        return []
    named = list(canned_reply_references(doc))
    if not named:
        return []
    known = set(session.exec(select(CannedReply.id)))
    return [FlowError("unknown_canned_reply", f"no canned reply {reply_id!r}; {did_you_mean(reply_id, known)}"
                                              f"Canned replies: {', '.join(sorted(known)) or 'none yet'} "
                                              "(create one under Canned replies, or pick an existing one)", path)
            for reply_id, path in named if reply_id not in known]


def publish_flow(*, session: Session, name: str, document: dict[str, Any], activate: bool = True,
                 by: str | None = None, check_teams: bool = False) -> Flow:
    """Store a flow version (a broken flow raises a 422 and is not stored); publishing twice is a no-op.

    `by`: the user who publishes (None: the system, e.g. the demo's seed). `check_teams`: refuse a flow
    naming a team that does not exist (what an ops lead publishes; the system's own seeds may name
    teams made later).
    """
    version = checked_version(document, session=session if check_teams else None)
    flow = session.get(Flow, version)
    if flow is None:
        flow = Flow(id=version, name=name, document=document, published_at=datetime.now(UTC), published_by=by)
        session.add(flow)
        emit(session, EventType.flow_published, FlowChange(version=version, name=name, actor=by))
    if activate:
        activate_flow(session=session, flow=flow, by=by)
    return flow


def save_draft(*, session: Session, draft: FlowDraft | None, name: str | None, document: dict[str, Any] | None,
               based_on: str | None = None, by: str | None = None) -> FlowDraft:
    """Create or update a draft; its document must be valid, and the teams it names must exist, to be saved.

    A draft may lack stages (a blank draft, built node by node): publishing it is what refuses that."""
    if document is not None:
        checked_version(document, session=session, incomplete=True)
    if draft is None:
        assert name is not None and document is not None
        draft = FlowDraft(id=uuid.uuid4().hex[:12], name=name, document=document, based_on=based_on,
                          updated_at=datetime.now(UTC), updated_by=by)
    else:
        draft.name = name if name is not None else draft.name
        draft.document = document if document is not None else draft.document
        draft.updated_at = datetime.now(UTC)
        draft.updated_by = by
    session.add(draft)
    return draft
