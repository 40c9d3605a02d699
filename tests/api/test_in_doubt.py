"""Answers in doubt are 503s that say what to do, never 500s: the fault suite's findings, each pinned.

A webhook post that finds SQLite locked past its busy timeout stores nothing and answers 503 `busy`
(posting it again is safe); a case action whose call to Temporal breaks off (the server dying mid-call,
or the case's workflow task failing) answers 503 `case_unavailable` (repeating it is safe)."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text
from temporalio.service import RPCError, RPCStatusCode

from api.cases.views import update_case
from api.errors import ApiError
from engine.messages import NOTE_UPDATE, NoteInput
from store.cases import Case
from store.db import make_engine, session_scope
from tests.harness.cases import Stack, api_client


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_webhook_post_that_finds_the_database_locked_answers_busy_and_stores_nothing(
        stack: Stack) -> None:
    url = stack.engine.url.render_as_string(False)
    impatient = Stack(stack.client, make_engine(url, busy_timeout=0.3), stack.task_queue)
    mention = {"external_id": uuid.uuid4().hex[:12], "author": "@locked_out", "created_at": "2026-11-23T09:00:00Z",
               "text": "@acme I was charged twice, I need a refund"}
    async with api_client(impatient) as http:
        holder = sqlite3.connect(url.split("///", 1)[1], isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another writer, holding on
        try:
            refused = await http.post("/api/webhooks/twitter", json=mention)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert refused.status_code == 503, refused.text
        assert refused.json()["detail"]["code"] == "busy" and "post it again" in refused.json()["detail"]["message"]
        assert (await http.get(f"/api/mentions/twitter:{mention['external_id']}")).status_code == 404

        again = await http.post("/api/webhooks/twitter", json=mention)
        assert again.status_code == 201 and again.json()["case_id"]


class _BrokenOff:
    """Case workflows whose every call breaks off with `status` (what Temporal's client raises then)."""

    def __init__(self, status: RPCStatusCode) -> None:
        self.status = status

    async def update(self, case: Case, name: str, arg: object, *, timeout: timedelta) -> None:
        raise RPCError("transport error", self.status, b"")


@pytest.mark.parametrize("status", [RPCStatusCode.UNKNOWN, RPCStatusCode.FAILED_PRECONDITION,
                                    RPCStatusCode.DEADLINE_EXCEEDED])
async def test_a_case_action_that_breaks_off_answers_503_and_says_to_repeat_it(status: RPCStatusCode) -> None:
    case = Case(id="c-1", workflow_id="case-c-1", conversation_id="x", source="twitter",
                opened_at="2026-11-23T09:00:00Z", flow_version="v", updated_at="2026-11-23T09:00:00Z")
    with pytest.raises(ApiError) as refused:
        await update_case(_BrokenOff(status), case, NOTE_UPDATE, NoteInput(agent_id="ada", text="hi"))  # type: ignore[arg-type]
    assert refused.value.status_code == 503
    assert refused.value.detail["code"] == "case_unavailable" and "repeat" in refused.value.detail["message"]


def test_a_writer_that_meets_the_lock_takes_it_once_freed_and_keeps_sqlites_wait_inside(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}", busy_timeout=5)
    with session_scope(engine) as session:
        session.execute(text("CREATE TABLE t (x)"))
    holder = sqlite3.connect(tmp_path / "w.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process's writer, done in 0.2 s
    freed = threading.Timer(0.2, holder.execute, ("ROLLBACK",))
    freed.start()
    try:
        with session_scope(engine, eager_lock=True) as session:  # tries again (take_write_lock) until it is free
            session.execute(text("INSERT INTO t VALUES (1)"))
            # The statements of the transaction keep SQLite's own wait: only the BEGIN is retried by hand.
            assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        freed.join()
        holder.close()
    with session_scope(engine, write=False) as session:
        assert session.execute(text("SELECT count(*) FROM t")).scalar() == 1
