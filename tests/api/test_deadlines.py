"""The deadline sweeper (store.deadlines) on SQLite and PostgreSQL: every case sharing a deadline shows its
escalation in one transaction, a case answered in time shows none, and the workflow's own record of the
same SLA event replaces the projection (or removes it when the event never happened)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from activities.cases import CaseActivities
from activities.flows import FlowCache
from engine.escalation import occurrence
from engine.messages import CaseView, SaveCaseInput, SendReplyInput
from engine.models import CaseEvent as Event
from store.case_events import CaseEvent
from store.cases import Case
from store.deadlines import DeadlineSweeper, SlaDeadline, _event, project_due
from store.incoming import IncomingMention
from store.ingest import record_outbound, store_batch

COMPLAINT = "I was charged twice, I need a refund"  # demo flow: normal priority, first response in 4 h
T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
DUE = T0 + timedelta(hours=4)


def open_cases(engine: Engine, count: int, at: datetime = T0) -> list[str]:
    run = uuid.uuid4().hex[:6]
    mentions = [IncomingMention(external_id=f"{run}-{i}", author=f"@{run}-{i}", text=COMPLAINT,
                                created_at=at).to_message("twitter", at) for i in range(count)]
    stored = store_batch(engine=engine, mentions=mentions, now=at)
    return [case for case in stored.cases.values() if case]


def events_of(engine: Engine, case_id: str) -> list[CaseEvent]:
    with Session(engine) as session:
        return list(session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(col(CaseEvent.seq))))


def sweep(engine: Engine, now: datetime) -> int:
    with Session(engine) as session:
        done = project_due(session, now)
        session.commit()
    return done


def test_every_case_sharing_a_deadline_shows_its_escalation_in_one_transaction(seeded_engine: Engine) -> None:
    cases = open_cases(seeded_engine, 300)
    assert len(cases) == 300
    assert sweep(seeded_engine, DUE - timedelta(minutes=31)) == 0  # nothing due yet (the warning: 30 min before)
    swept = sweep(seeded_engine, DUE)
    assert swept >= 300 * 3  # each: the warning, the breach and the first escalation level
    with Session(seeded_engine) as session:
        rows = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(cases)))}
    assert all(r.sla_breached and r.status == "escalated" and r.escalation_level == 1 for r in rows.values())
    assert {r.priority for r in rows.values()} == {"high"}  # the demo's level 1 raises the priority
    kinds = [e.kind for e in events_of(seeded_engine, cases[0]) if e.detail.get("projected")]
    assert kinds == ["sla_warning", "sla_breached", "escalated", "priority_raised"], kinds
    assert sweep(seeded_engine, DUE) == 0  # shown once
    assert [e.kind for e in events_of(seeded_engine, cases[0])].count("sla_breached") == 1


def test_a_case_answered_before_its_deadline_shows_no_breach(seeded_engine: Engine) -> None:
    answered, waiting = open_cases(seeded_engine, 2)
    with Session(seeded_engine) as session:
        case = session.get(Case, answered)
        assert case is not None
    record_outbound(engine=seeded_engine, external_id=f"reply-{uuid.uuid4().hex[:6]}", at=T0 + timedelta(hours=1),
                    reply=SendReplyInput(reply_id="r1", case_id=answered, conversation_id=case.conversation_id,
                                         source="twitter", agent_id="ada", text="Refunded", in_reply_to=None))
    sweep(seeded_engine, DUE)
    assert not [e for e in events_of(seeded_engine, answered) if e.kind in ("sla_breached", "escalated")]
    assert [e.kind for e in events_of(seeded_engine, waiting)].count("sla_breached") == 1


def test_the_workflows_record_replaces_the_projection_or_removes_it(seeded_engine: Engine) -> None:
    recorded, never = open_cases(seeded_engine, 2)
    with Session(seeded_engine) as session:
        due = {case_id: [_event(row) for row in session.exec(select(SlaDeadline).where(
            SlaDeadline.case_id == case_id, col(SlaDeadline.at) <= DUE).order_by(col(SlaDeadline.at)))]
            for case_id in (recorded, never)}
    sweep(seeded_engine, DUE)
    saves = CaseActivities(engine=seeded_engine, flows=FlowCache(seeded_engine),
                           connectors=None)  # type: ignore[arg-type]  # a save sends nothing

    def view(case_id: str) -> CaseView:
        with Session(seeded_engine) as session:
            row = session.get(Case, case_id)
            assert row is not None
        return CaseView.model_validate({**row.model_dump(), "case_id": case_id, "mention_ids": []})

    # The workflow's task for the same deadline: its events, keyed by the same occurrences.
    shown = events_of(seeded_engine, recorded)
    actions = [e for e in shown if e.detail.get("projected") and "#" in e.id]  # what the escalation's actions did
    assert [e.kind for e in actions] == ["priority_raised"]
    mine = [Event(seq=100 + i, at=DUE + timedelta(seconds=3), kind=f"{e.kind}_recorded", occurrence=occurrence(e))
            for i, e in enumerate(due[recorded])]
    saves.save_case(SaveCaseInput(view=view(recorded), events=mine, deadlines=[]))
    rows = events_of(seeded_engine, recorded)
    assert len(rows) == len(shown) - len(actions)  # the projected action rows it did not record are gone
    assert not [e for e in rows if e.detail.get("projected")]
    assert [e.kind for e in rows if e.seq >= 100] == [f"{e.kind}_recorded" for e in due[recorded]]

    # The other case's workflow met its clock before the deadline after all: nothing of the projection stays.
    saves.save_case(SaveCaseInput(view=view(never), events=[], deadlines=[]))
    assert not [e for e in events_of(seeded_engine, never) if e.detail.get("projected")]


async def test_health_counts_the_deadlines_a_stalled_sweeper_has_not_shown(seeded_engine: Engine) -> None:
    opened = datetime.now(UTC) - timedelta(hours=5)  # breached an hour ago, warned before that
    open_cases(seeded_engine, 3, at=opened)
    stalled = DeadlineSweeper(engine=seeded_engine)  # not running
    overdue, late = await stalled.overdue()
    assert overdue >= 3 * 3 and late == pytest.approx(timedelta(hours=1, minutes=30).total_seconds(), abs=60)
    assert stalled._round() == 0.0  # one round shows them all
    assert await stalled.overdue() == (0, 0.0) and stalled.projected == overdue
