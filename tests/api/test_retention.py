"""Retention of the mentions and cases data classes (and the audit class beside them), on SQLite and PostgreSQL:
old closed cases go with everything keyed by them, open, recent, reopenable and still-told ones stay; mentions
of no kept case go with the conversations they empty; each purge is one audit entry and the log still
verifies; a dry run removes nothing; the command line prints what went."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, SQLModel, col, select

from cli.main import main as switchboard
from engine.models import CaseStatus
from store.audit import AuditEntry, Change, append, verify
from store.case_events import CaseEvent
from store.cases import Case
from store.conversations import Conversation
from store.db import session_scope
from store.deadlines import SlaDeadline
from store.events_out import EventOut
from store.experts import ExpertRequest
from store.flows import active_flow
from store.mentions import Mention
from store.outbox import OutboxEntry
from store.presence import CasePresence
from store.retention.cases import CASE_ROWS, CASES, NOT_WITH_THE_CASE
from store.retention.mentions import MENTIONS
from store.retention.policy import Retention
from store.retention.purge import purge
from store.retention.schedule import RetentionJob
from store.routing.models import CaseRouting
from tests.harness.cases import TEST_KEYS

NOW = datetime.now(UTC).replace(microsecond=0)  # the command line purges as of the clock
DAY = timedelta(days=1)
SYSTEM = Change(actor="system", action="retention.purge")


def _mention(session: Session, mention_id: str, conversation_id: str, received: datetime,
             case_id: str | None = None) -> None:
    session.add(Mention(id=mention_id, source="twitter", external_id=mention_id, conversation_id=conversation_id,
                        author="@sam", text="hello", created_at=received, received_at=received, case_id=case_id))
    if session.get(Conversation, conversation_id) is None:
        session.add(Conversation(id=conversation_id, source="twitter", first_at=received, last_at=received,
                                 case_id=case_id))


def _case(session: Session, case_id: str, *, opened: datetime, closed: datetime | None, version: str) -> None:
    """A case of its own conversation with one mention, three timeline events and a row in every table keyed
    by a case."""
    conversation = f"conv-{case_id}"
    _mention(session, f"m-{case_id}", conversation, opened, case_id)
    session.add(Case(id=case_id, workflow_id=f"case-{case_id}", conversation_id=conversation, source="twitter",
                     status=CaseStatus.closed if closed else CaseStatus.assigned, opened_at=opened, closed_at=closed,
                     updated_at=closed or opened, flow_version=version, team_id="support", assignee_id="ada"))
    for seq, kind in enumerate(("mention_added", "assigned", "closed" if closed else "claimed"), start=1):
        session.add(CaseEvent(id=f"{case_id}:{seq}", case_id=case_id, seq=seq, at=opened, kind=kind))
    session.add(SlaDeadline(id=f"{case_id}:first_response", case_id=case_id, occurrence="first_response",
                            at=opened + DAY, target="first_response", kind="breach"))
    session.add(CaseRouting(case_id=case_id, workflow_id=f"case-{case_id}", team_id="support", state="released",
                            priority="normal", enqueued_at=opened, channel="twitter"))
    session.add(CasePresence(case_id=case_id, agent_id="ada", seen_at=opened))
    session.add(ExpertRequest(id=f"x-{case_id}", case_id=case_id, expert_id="priya", question="?", asked_by="ada",
                              asked_at=opened, due_at=opened + DAY))
    session.add(EventOut(event_id=f"ev-{case_id}", type="case.opened", case_id=case_id, occurred_at=opened))


@pytest.fixture
def history(seeded_engine: Engine) -> Engine:
    """Cases and mentions of every kind retention must tell apart (cases and mentions kept 30 days)."""
    with session_scope(seeded_engine) as session:
        flow = active_flow(session=session)
        assert flow is not None
        version = flow.id
        _case(session, "old-closed", opened=NOW - 62 * DAY, closed=NOW - 60 * DAY, version=version)
        _case(session, "old-closed-2", opened=NOW - 50 * DAY, closed=NOW - 45 * DAY, version=version)
        _case(session, "old-open", opened=NOW - 90 * DAY, closed=None, version=version)
        _case(session, "recent-closed", opened=NOW - 12 * DAY, closed=NOW - 10 * DAY, version=version)
        _case(session, "still-told", opened=NOW - 70 * DAY, closed=NOW - 60 * DAY, version=version)
        session.add(OutboxEntry(workflow_id="case-still-told", kind="routing", case_id="still-told", created_at=NOW))
        # An old follow-up of a case kept for now; praise that never needed a response, old and new; and an old
        # mention the outbox has still to place.
        _mention(session, "m-late-thanks", "conv-recent-closed", NOW - 40 * DAY, "recent-closed")
        _mention(session, "m-praise-old", "conv-praise", NOW - 50 * DAY)
        _mention(session, "m-praise-old-2", "conv-praise", NOW - 49 * DAY)
        _mention(session, "m-praise-new", "conv-praise-new", NOW - 5 * DAY)
        _mention(session, "m-unplaced", "conv-unplaced", NOW - 50 * DAY)
        session.add(OutboxEntry(workflow_id="place:conv-unplaced", kind="place", mention_id="m-unplaced",
                                created_at=NOW))
        # Events out of mentions no case held (they carry the mention's text), old and new, and an old event
        # of no case that is not a mention's.
        for mention, days in (("m-praise-old", 50), ("m-praise-old-2", 49), ("m-praise-new", 5)):
            session.add(EventOut(event_id=f"ev-{mention}", type="mention.received", occurred_at=NOW - days * DAY,
                                 payload={"mention": {"id": mention, "text": "hello"}}))
        session.add(EventOut(event_id="ev-flow-old", type="flow.published", occurred_at=NOW - 90 * DAY))
    return seeded_engine


def _ids(engine: Engine, table: type[SQLModel]) -> set[str]:
    with Session(engine) as session:
        return set(session.exec(select(table.id)))  # type: ignore[attr-defined]


def _snapshot(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {table.__tablename__: session.exec(select(func.count()).select_from(table)).one()  # type: ignore[attr-defined]
                for table in (Case, Mention, Conversation, AuditEntry, *CASE_ROWS)}


def _retention_entries(engine: Engine) -> list[AuditEntry]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == "retention.purge")
                                 .order_by(AuditEntry.id)))


def test_old_closed_cases_go_with_their_rows_and_mentions_of_no_kept_case_with_their_conversations(
        history: Engine) -> None:
    cutoff = NOW - 30 * DAY
    before = _snapshot(history)
    planned = purge(history, CASES, cutoff, SYSTEM, dry_run=True, now=NOW)
    assert planned.dry_run and planned.counts == {"case": 2, "case_event": 6, "sla_deadline": 2, "case_routing": 2,
                                                  "case_presence": 2, "expert_request": 2,
                                                  "event_out": 2}
    assert planned.summary().startswith(f"cases older than {cutoff.isoformat()}: would remove case=2 case_event=6 ")
    assert _snapshot(history) == before and _retention_entries(history) == []  # a dry run changes nothing

    removed = purge(history, CASES, cutoff, SYSTEM, now=NOW, batch=1)  # a transaction a case
    assert removed.counts == planned.counts and not removed.dry_run
    assert _ids(history, Case) == {"old-open", "recent-closed", "still-told"}
    with Session(history) as session:
        assert {e.case_id for e in session.exec(select(CaseEvent))} == {"old-open", "recent-closed", "still-told"}
        for table in CASE_ROWS:
            # (events out of no case, the seed's flow and customers, are not the cases class's)
            assert {row.case_id for row in session.exec(select(table))} - {None} == {  # type: ignore[attr-defined]
                "old-open", "recent-closed", "still-told"}, table
        assert session.get(Conversation, "conv-old-closed").case_id is None  # no longer names what is gone
    # The mentions stay until their own class's purge.
    assert {"m-old-closed", "m-old-closed-2"} <= _ids(history, Mention)

    planned = purge(history, MENTIONS, cutoff, SYSTEM, dry_run=True, now=NOW)
    assert planned.counts == {"mention": 4, "conversation": 3, "event_out": 2}
    removed = purge(history, MENTIONS, cutoff, SYSTEM, now=NOW, batch=2)
    assert removed.counts == planned.counts
    with Session(history) as session:  # the old caseless mentions' events went with them; nothing else did
        kept = set(session.exec(select(EventOut.event_id).where(col(EventOut.case_id).is_(None))))
        assert {"ev-m-praise-new", "ev-flow-old"} <= kept and not {"ev-m-praise-old", "ev-m-praise-old-2"} & kept
    assert _ids(history, Mention) == {"m-old-open", "m-recent-closed", "m-still-told", "m-late-thanks",
                                      "m-praise-new", "m-unplaced"}
    assert _ids(history, Conversation) == {"conv-old-open", "conv-recent-closed", "conv-still-told",
                                           "conv-praise-new", "conv-unplaced"}

    entries = _retention_entries(history)
    assert [(e.actor, e.target_id, e.detail["class"], e.detail["cutoff"]) for e in entries] == [
        ("system", "cases", "cases", cutoff.isoformat()), ("system", "mentions", "mentions", cutoff.isoformat())]
    assert entries[0].detail["counts"]["case_event"] == 6 and entries[1].detail["counts"]["mention"] == 4
    with Session(history) as session:
        assert verify(session, TEST_KEYS).intact
    # Nothing older is left: a second purge removes nothing and records nothing.
    assert not any(purge(history, CASES, cutoff, SYSTEM, now=NOW).counts.values())
    assert len(_retention_entries(history)) == 2


def test_open_cases_and_cases_that_may_still_reopen_are_never_purged(history: Engine) -> None:
    with session_scope(history) as session:  # closed two days ago: inside the demo flow's 4-day reopen window
        flow = active_flow(session=session)
        assert flow is not None
        _case(session, "reopenable", opened=NOW - 3 * DAY, closed=NOW - 2 * DAY, version=flow.id)
    everything = purge(history, CASES, NOW + DAY, SYSTEM, now=NOW)  # a cutoff after every case
    assert everything.counts["case"] == 3  # old-closed, old-closed-2, recent-closed
    assert _ids(history, Case) == {"old-open", "reopenable", "still-told"}
    purge(history, MENTIONS, NOW + DAY, SYSTEM, now=NOW)
    assert {"m-old-open", "m-reopenable", "m-still-told", "m-unplaced"} == _ids(history, Mention)


def test_every_table_with_a_case_id_goes_with_the_case_or_says_why_not() -> None:
    keyed = {table.name for table in SQLModel.metadata.sorted_tables if "case_id" in table.c}
    purged = {str(table.__tablename__) for table in CASE_ROWS}
    assert keyed == purged | NOT_WITH_THE_CASE.keys(), keyed ^ (purged | NOT_WITH_THE_CASE.keys())


def test_the_hourly_round_purges_each_class_with_a_retention_and_the_log_still_verifies(history: Engine) -> None:
    for n in range(3):  # old audit entries, a day apart
        with session_scope(history) as session:
            append(session, [Change(actor="ada", action="case.claimed", target_type="case", target_id=f"c{n}")],
                   now=NOW - (400 - n) * DAY)
    job = RetentionJob(history, TEST_KEYS, Retention(mentions=30, cases=30, audit=365))
    done = job.once(NOW)
    assert [(p.data_class, p.counts.get("case") or p.counts.get("mention") or p.counts.get("audit_entry"))
            for p in done] == [("cases", 2), ("mentions", 4), ("audit", 3)]
    with Session(history) as session:
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "audit.purge")).one()
        assert verify(session, TEST_KEYS).intact
    assert (audit.actor, audit.detail["class"], audit.detail["retention_days"], audit.detail["entries"]) == (
        "system", "audit", 365, 3)
    assert [e.detail["retention_days"] for e in _retention_entries(history)] == [30, 30]
    assert all(not any(p.counts.values()) for p in job.once(NOW))  # the next round: nothing left to remove
    assert RetentionJob(history, TEST_KEYS, Retention()).once(NOW) == []  # none set: nothing ever runs


def test_the_command_line_purges_a_class_prints_what_went_and_a_dry_run_removes_nothing(
        history: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", history.url.render_as_string(False))
    monkeypatch.setenv("SWITCHBOARD_KEYS", TEST_KEYS.dumps())
    run: Callable[..., int] = lambda *argv: _exit_code(["retention", "purge", *argv])  # noqa: E731

    assert run() == 2 and "no retention is set for any data class" in capsys.readouterr().err
    assert run("--class", "cases") == 2 and "SWITCHBOARD_CASE_RETENTION_DAYS" in capsys.readouterr().err
    assert run("--before", "2026-11-01") == 2 and "--before needs --class" in capsys.readouterr().err

    before, cutoff = _snapshot(history), (NOW - 30 * DAY).isoformat()
    assert run("--class", "cases", "--class", "mentions", "--before", cutoff, "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"cases older than {cutoff}: would remove case=2 case_event=6" in out, out
    assert f"mentions older than {cutoff}: would remove mention=2 conversation=1" in out, out
    assert _snapshot(history) == before

    monkeypatch.setenv("SWITCHBOARD_CASE_RETENTION_DAYS", "30")
    assert run() == 0  # the classes with a retention: cases only
    assert "cases older than" in (out := capsys.readouterr().out) and "removed case=2 case_event=6" in out, out
    assert "mentions" not in out
    entry = _retention_entries(history)[-1]
    assert (entry.actor, entry.via.startswith("os-user:"), entry.detail["retention_days"]) == ("cli", True, 30)

    # The audit class by its older name: that entry too goes, signed, and the log still verifies.
    assert _exit_code(["audit", "purge", "--before", (NOW + DAY).isoformat()]) == 0
    assert "audit older than" in (out := capsys.readouterr().out) and "removed audit_entry=1" in out, out
    with Session(history) as session:
        assert verify(session, TEST_KEYS).intact


def _exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as done:
        switchboard(argv)
    return int(done.value.code or 0)
