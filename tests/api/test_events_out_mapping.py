"""The one mapping from case timeline kinds to events out, on a stored case: every mapped kind becomes its event
with the case's links, its customer and the fields its payload declares; evidence kinds become nothing; the
payloads validate against their documented models."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from engine.models import Priority
from store.cases import Case
from store.conversations import Conversation
from store.customers import link_customers
from store.db import session_scope
from store.event_payloads import PAYLOADS, TIMELINE, case_events_out, customers_by_id
from store.events_out import EventOut, EventType, _uuid4s

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DETAILS = {
    "assigned": {"agent_id": "ada", "team_id": "support", "strategy": "round_robin", "evidence": {"big": "x" * 50}},
    "reassigned": {"agent_id": "grace", "previous": "ada", "team_id": "support"},
    "claimed": {"mode": "claim"},
    "replied": {"reply_id": "r1", "mention_id": "twitter:out-1"},
    "auto_replied": {"reply_id": "r2", "mention_id": "twitter:out-2", "canned_reply_id": "refund-ack"},
    "escalated": {"level": 2, "target": "first_response", "at": AT.isoformat(), "actions": []},
    "sla_breached": {"target": "resolution", "at": AT.isoformat()},
    "transferred": {"from_team": "support", "to_team": "marketing", "note": "press"},
    "closed": {"reason": "resolved"},
    "measured": {"first_response_seconds": 60.0, "resolution_seconds": 600.0, "handle_seconds": 30.0,
                 "sla_breached": False, "sla_outcomes": {"first_response": "met"}, "mention_count": 2},
}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_mapped_timeline_kind_becomes_its_event_and_evidence_none(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        customer = link_customers(session, [("twitter", "@mapped", AT)])[("twitter", "@mapped")]
        session.add(Conversation(id="twitter:map-1", source="twitter", customer="@mapped", customer_id=customer,
                                 first_at=AT, last_at=AT, inbound_count=1, outbound_count=0, actionable=True))
        session.add(Case(id="case-map", workflow_id="case-case-map", conversation_id="twitter:map-1", source="twitter",
                         priority=Priority.high, opened_at=AT, updated_at=AT, flow_version="v", team_id="support",
                         subject="charged twice"))
        session.flush()
        start = session.exec(select(EventOut.id).order_by(EventOut.id.desc())).first() or 0  # type: ignore[union-attr]
        kinds = ["mention_added", "tagged", "triaged", "routed", "sla_started", *DETAILS, "notified", "tags_changed"]
        rows = [{"id": f"case-map:{seq}", "case_id": "case-map", "seq": seq, "kind": kind, "actor": "ada", "at": AT,
                 "detail": DETAILS.get(kind, {"mention_id": "twitter:map-1"} if kind == "mention_added" else {})}
                for seq, kind in enumerate(kinds, start=1)]
        assert case_events_out(session, rows) == 1 + len(DETAILS)

    with Session(seeded_engine) as session:
        events = session.exec(select(EventOut).where(EventOut.id > start, EventOut.type != "customer.created")  # type: ignore[operator]
                              .order_by(EventOut.id)).all()  # type: ignore[arg-type]
    assert [e.type for e in events] == ["case.opened", *(TIMELINE[k].value for k in DETAILS)]
    for event in events:
        model = PAYLOADS[EventType(event.type)]
        data = model.model_validate(event.payload)  # the documented schema
        assert event.case_id == "case-map" and data.case.links.api == "/api/cases/case-map"  # type: ignore[attr-defined]
        assert data.customer.identities[0].handle == "@mapped" and event.version == 1  # type: ignore[attr-defined]
    by_type = {e.type: e.payload for e in events}
    assert by_type["case.opened"]["mention_id"] == "twitter:map-1"
    assert by_type["case.escalated"]["level"] == 2 and "actions" not in by_type["case.escalated"]
    assert by_type["case.transferred"]["to_team"] == "marketing"
    replies = [e.payload for e in events if e.type == "case.replied"]  # an agent's, then the auto-reply
    assert [(r["reply_id"], r["canned_reply_id"]) for r in replies] == [("r1", None), ("r2", "refund-ack")]
    assert by_type["case.measured"]["sla_outcomes"] == {"first_response": "met"}
    assert "evidence" not in by_type["case.assigned"]  # small payloads: the evidence stays on the timeline
    assert by_type["case.closed"]["reason"] == "resolved" and by_type["case.closed"]["timeline_event"] == "case-map:14"


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
def test_a_customer_is_described_with_every_identity_oldest_first_and_events_have_unique_uuid4_keys(
        seeded_engine: Engine) -> None:
    later = AT.replace(hour=10)
    with session_scope(seeded_engine) as session:
        # One person on two channels (linked by handle), seen on mastodon first; another on one channel.
        both = link_customers(session, [("mastodon", "@Jo_Both", AT)])[("mastodon", "@Jo_Both")]
        assert link_customers(session, [("twitter", "@jo_both", later)])[("twitter", "@jo_both")] == both
        alone = link_customers(session, [("twitter", "@alone", AT)])[("twitter", "@alone")]
        people = customers_by_id(session, [both, alone, None, "cus-nobody"])
        keys = _uuid4s(500)
    assert set(people) == {both, alone}
    assert [(i.source, i.handle) for i in people[both].identities] == [
        ("mastodon", "@Jo_Both"), ("twitter", "@jo_both")]
    assert [(i.source, i.handle) for i in people[alone].identities] == [("twitter", "@alone")]
    assert people[both].name == "@Jo_Both" and people[alone].merged_into is None
    assert len(set(keys)) == 500
    assert all(uuid.UUID(k).version == 4 and uuid.UUID(k).variant == uuid.RFC_4122 and str(uuid.UUID(k)) == k
               for k in keys)


def test_what_an_ingest_writes_is_each_event_types_payload_as_documented(seeded_engine: Engine) -> None:
    """The ingest builds its events' payloads unchecked (events_out.built): each payload it writes reads back as
    its type's model, and is the very text the model writes once checked (every field, in the model's order)."""
    from bench.discovery import mentions
    from store.ingest import store_batch

    store_batch(engine=seeded_engine, mentions=mentions(40), now=AT)
    with seeded_engine.connect() as connection:  # the text as written (PostgreSQL keeps a json value's text)
        written = connection.execute(text("SELECT type, CAST(payload AS TEXT) FROM event_out")).all()
    assert {kind for kind, _ in written} >= {"mention.received", "customer.created", "case.opened", "case.assigned"}
    for kind, payload in written:
        model = PAYLOADS[EventType(kind)].model_validate_json(payload)
        assert model.model_dump(mode="json") == json.loads(payload), kind
        assert model.model_dump_json() == payload, kind
