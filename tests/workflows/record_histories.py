"""Record the histories that tests/workflows/test_replay.py replays.

    .venv/bin/python -m tests.workflows.record_histories

Run it when a case's behaviour changes on purpose, and commit the new files
beside the old ones (old histories must keep replaying: cases in flight have them).
The v1 histories were retired with the lifecycle redesign (routing, claims,
SLA policies, approvals), before any release had cases in flight; from v2 on,
changes go behind workflow.patched(). v3 (the reopen window, behind
patched("reopen-window"); experts, notes and tags) adds scenarios 6 and 7. v4 is the shape of
cases decided at ingest (issue 13): the workflow `case-<case id>` starts with its decision and
hears follow-ups by id; praise opens no case any more, so it has no history of its own. v5 adds the
auto-reply (patched("auto-reply")), recorded alone: `python -m tests.workflows.record_histories v5 auto_replied`.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from temporalio.client import WorkflowHandle
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.testing import WorkflowEnvironment

from api.demo import seed
from cli.temporal_server import test_server_path
from engine.messages import (
    APPROVE_UPDATE,
    CLAIM_UPDATE,
    CLOSE_UPDATE,
    EXPERT_ANSWER_UPDATE,
    EXPERT_UPDATE,
    NOTE_UPDATE,
    PENDING_UPDATE,
    REPLY_UPDATE,
    TAG_UPDATE,
    TRANSFER_UPDATE,
    ApproveInput,
    CaseView,
    ClaimInput,
    CloseInput,
    ExpertAnswerInput,
    ExpertRequestInput,
    NoteInput,
    PendingInput,
    ReplyInput,
    TagInput,
    TransferInput,
)
from store.db import make_engine
from store.db.migrate import migrate
from tests.harness.cases import Stack, case_where, ended, eventually, running_worker, workflow_handle

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "histories"


async def _assigned(stack: Stack, external_id: str, text: str) -> CaseView:
    case_id = await stack.ingest(external_id=external_id, text=text)
    row = await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    return await workflow_handle(stack.client, row.workflow_id, case_id).query("view", result_type=CaseView)


async def answered(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """Answered in time, then resolved."""
    view = await _assigned(stack, f"{tag}-answered", "I was charged twice, please refund")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await env.sleep(timedelta(minutes=20))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id, text="Done"))
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=view.assignee_id))
    await ended(env, handle)
    return handle


async def breached(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """Breached, a follow-up mention, then sent and resolved."""
    view = await _assigned(stack, f"{tag}-breached", "the app is down")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await env.sleep(timedelta(hours=2))
    await stack.ingest(external_id=f"{tag}-breached-2", reply_to_id=f"{tag}-breached", text="hello??")
    await eventually(lambda: case_where(stack.engine, view.case_id, mention_count=2), what="follow-up")
    now = await handle.query("view", result_type=CaseView)  # escalation moved it on: whoever holds it answers
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=now.assignee_id, text="Fixed",
                                                         close=True))
    await ended(env, handle)
    return handle


async def press(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """Press: claimed, a reply that needs approval, approved with an edit, closed."""
    view = await _assigned(stack, f"{tag}-press", "I'm a journalist writing a story about your outage")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    agent = view.assignee_id
    await handle.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=agent))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=agent, text="No comment"))
    await env.sleep(timedelta(minutes=5))
    await handle.execute_update(APPROVE_UPDATE, ApproveInput(reply_id="r1", approver_id="sofia",
                                                             text="We are on it and will share details soon."))
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=agent))
    await ended(env, handle)
    return handle


async def transfer(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """Waiting on the customer, their answer resumes work, transfer to another queue, resolved there."""
    view = await _assigned(stack, f"{tag}-transfer", "my invoice is wrong, I was overcharged")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id,
                                                         text="Which order?"))
    await handle.execute_update(PENDING_UPDATE, PendingInput(agent_id=view.assignee_id))
    await env.sleep(timedelta(hours=1))
    await stack.ingest(external_id=f"{tag}-transfer-2", reply_to_id=f"{tag}-transfer", text="order 5521")
    await eventually(lambda: case_where(stack.engine, view.case_id, mention_count=2, status="assigned"),
                     what="resumed")
    await handle.execute_update(TRANSFER_UPDATE, TransferInput(agent_id=view.assignee_id, team_id="escalations",
                                                               note="refund over limit"))
    await eventually(lambda: case_where(stack.engine, view.case_id, assignee_id="sofia"), what="transfer")
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r2", agent_id="sofia", text="Refunded",
                                                         close=True))
    await ended(env, handle)
    return handle


async def reopened(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """(v3) closed, reopened by the customer within the window, closed again; the window then runs out."""
    view = await _assigned(stack, f"{tag}-reopened", "I was charged twice, please refund")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id,
                                                         text="Refunded", close=True))
    await env.sleep(timedelta(hours=2))
    await stack.ingest(external_id=f"{tag}-reopened-2", reply_to_id=f"{tag}-reopened",
                       text="charged twice again, refund please")
    again = await eventually(lambda: case_where(stack.engine, view.case_id, reopen_count=1, status="assigned"),
                             what="reopened")
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=again.assignee_id))
    await ended(env, handle)
    return handle


async def expert(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """(v3) a note, a tag, an expert outside the contact centre who answers late, then resolved."""
    view = await _assigned(stack, f"{tag}-expert", "is it legal to charge me twice? refund")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await handle.execute_update(NOTE_UPDATE, NoteInput(agent_id=view.assignee_id, text="long-time customer"))
    await handle.execute_update(TAG_UPDATE, TagInput(agent_id=view.assignee_id, add=["legal"]))
    await handle.execute_update(EXPERT_UPDATE, ExpertRequestInput(
        agent_id=view.assignee_id, request_id=f"{tag}-q1", expert_id="priya", question="Can we refund both?",
        response_seconds=4 * 3600))
    await env.sleep(timedelta(hours=5))
    await handle.execute_update(EXPERT_ANSWER_UPDATE, ExpertAnswerInput(request_id=f"{tag}-q1", text="Yes"))
    back = await eventually(lambda: case_where(stack.engine, view.case_id, status="assigned"), what="returned")
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=back.assignee_id,
                                                         text="Both refunded", close=True))
    await ended(env, handle)
    return handle


async def auto_replied(stack: Stack, env: WorkflowEnvironment, tag: str) -> WorkflowHandle:
    """(v5) triage's auto-reply sent at opening (patched("auto-reply")), a follow-up that sends none, then the
    agent's answer (the first response) and resolved."""
    from tests.workflows.test_case_auto_reply import with_auto_reply

    with_auto_reply(stack.engine)
    view = await _assigned(stack, f"{tag}-auto", "I was charged twice for my order, please refund")
    handle = workflow_handle(stack.client, view.workflow_id, view.case_id)
    await eventually(lambda: case_where(stack.engine, view.case_id, auto_reply_id="billing-received"),
                     what="the auto-reply")
    await env.sleep(timedelta(minutes=10))
    await stack.ingest(external_id=f"{tag}-auto-2", reply_to_id=f"{tag}-auto", text="still waiting, hello?")
    await eventually(lambda: case_where(stack.engine, view.case_id, mention_count=2), what="follow-up")
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id,
                                                         text="Refunded", close=True))
    await ended(env, handle)
    return handle


SCENARIOS = [answered, breached, press, transfer, reopened, expert, auto_replied]


async def main(tag: str, only: list[str] | None = None) -> None:
    """Each scenario on a time-skipping server and a database of its own: skipping to one case's end must not
    move another case's clock. `only`: the scenarios of these names (a new one recorded beside the others)."""
    for scenario in [s for s in SCENARIOS if not only or s.__name__ in only]:
        env = await WorkflowEnvironment.start_time_skipping(
            test_server_existing_path=test_server_path(), data_converter=pydantic_data_converter)
        try:
            with tempfile.TemporaryDirectory() as folder:
                engine = make_engine(f"sqlite:///{folder}/read.db")
                migrate(engine)
                seed(engine)
                async with running_worker(env.client, engine) as task_queue:
                    handle = await scenario(Stack(env.client, engine, task_queue), env, tag)
                    history = await handle.fetch_history()
                    path = OUT / f"case-twitter_{tag}-{scenario.__name__}.json"
                    path.write_text(json.dumps({"workflow_id": handle.id, "history": json.loads(
                        history.to_json())}, indent=1) + "\n")
                    print(f"wrote {path.relative_to(OUT.parent.parent.parent)}")
        finally:
            await env.shutdown()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "v4", sys.argv[2:] or None))
