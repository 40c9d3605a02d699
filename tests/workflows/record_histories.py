"""Record the histories that tests/workflows/test_replay.py replays.

    .venv/bin/python -m tests.workflows.record_histories

Run it when a case's behaviour changes on purpose, and commit the new files
beside the old ones (old histories must keep replaying: cases in flight have them).
The v1 histories were retired with the lifecycle redesign (routing, claims,
SLA policies, approvals), before any release had cases in flight; from v2 on,
changes go behind workflow.patched(). v3 (the reopen window, behind
patched("reopen-window"); experts, notes and tags) adds scenarios 6 and 7.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

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
from tests.harness.cases import Stack, case_where, ended, eventually, running_worker

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "histories"


async def _assigned(stack: Stack, external_id: str, text: str) -> CaseView:
    case_id = await stack.ingest(external_id=external_id, text=text)
    await eventually(lambda: case_where(stack.engine, case_id, status="assigned"), what="assignment")
    return await stack.client.get_workflow_handle(f"case-twitter:{external_id}", run_id=case_id).query(
        "view", result_type=CaseView)


async def scenarios(stack: Stack, env: WorkflowEnvironment, tag: str) -> list[str]:
    """Drive representative cases to their end; returns their workflow ids."""
    ids = []
    # 1. answered in time, then resolved
    view = await _assigned(stack, f"{tag}-answered", "I was charged twice, please refund")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
    await env.sleep(timedelta(minutes=20))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id, text="Done"))
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=view.assignee_id))
    await ended(env, handle)
    ids.append(view.workflow_id)
    # 2. breached, a follow-up mention, then sent and resolved
    view = await _assigned(stack, f"{tag}-breached", "the app is down")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
    await env.sleep(timedelta(hours=2))
    await stack.ingest(external_id=f"{tag}-breached-2", reply_to_id=f"{tag}-breached", text="hello??")
    await eventually(lambda: case_where(stack.engine, view.case_id, mention_count=2), what="follow-up")
    now = await handle.query("view", result_type=CaseView)  # escalation moved it on: whoever holds it answers
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=now.assignee_id, text="Fixed",
                                                         close=True))
    await ended(env, handle)
    ids.append(view.workflow_id)
    # 3. praise: no response needed, closed by triage
    case_id = await stack.ingest(external_id=f"{tag}-praise", text="love it, thanks!")
    await ended(env, stack.client.get_workflow_handle(f"case-twitter:{tag}-praise", run_id=case_id))
    ids.append(f"case-twitter:{tag}-praise")
    # 4. press: claimed, a reply that needs approval, approved with an edit, closed
    view = await _assigned(stack, f"{tag}-press", "I'm a journalist writing a story about your outage")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
    agent = view.assignee_id
    await handle.execute_update(CLAIM_UPDATE, ClaimInput(agent_id=agent))
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=agent, text="No comment"))
    await env.sleep(timedelta(minutes=5))
    await handle.execute_update(APPROVE_UPDATE, ApproveInput(reply_id="r1", approver_id="sofia",
                                                             text="We are on it and will share details soon."))
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=agent))
    await ended(env, handle)
    ids.append(view.workflow_id)
    # 5. waiting on the customer, their answer resumes work, transfer to another queue, resolved there
    view = await _assigned(stack, f"{tag}-transfer", "my invoice is wrong, I was overcharged")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
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
    ids.append(view.workflow_id)
    # 6. (v3) closed, reopened by the customer within the window, closed again; the window then runs out
    view = await _assigned(stack, f"{tag}-reopened", "I was charged twice, please refund")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
    await handle.execute_update(REPLY_UPDATE, ReplyInput(reply_id="r1", agent_id=view.assignee_id,
                                                         text="Refunded", close=True))
    await env.sleep(timedelta(hours=2))
    await stack.ingest(external_id=f"{tag}-reopened-2", reply_to_id=f"{tag}-reopened",
                       text="charged twice again, refund please")
    again = await eventually(lambda: case_where(stack.engine, view.case_id, reopen_count=1, status="assigned"),
                             what="reopened")
    await handle.execute_update(CLOSE_UPDATE, CloseInput(agent_id=again.assignee_id))
    await ended(env, handle)
    ids.append(view.workflow_id)
    # 7. (v3) a note, a tag, an expert outside the contact centre who answers late, then resolved
    view = await _assigned(stack, f"{tag}-expert", "is it legal to charge me twice? refund")
    handle = stack.client.get_workflow_handle(view.workflow_id, run_id=view.case_id)
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
    ids.append(view.workflow_id)
    return ids


async def main(tag: str) -> None:
    env = await WorkflowEnvironment.start_time_skipping(
        test_server_existing_path=test_server_path(), data_converter=pydantic_data_converter)
    try:
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{folder}/read.db")
            migrate(engine)
            seed(engine)
            async with running_worker(env.client, engine) as task_queue:
                for workflow_id in await scenarios(Stack(env.client, engine, task_queue), env, tag):
                    history = await env.client.get_workflow_handle(workflow_id).fetch_history()
                    path = OUT / f"{workflow_id.replace(':', '_')}.json"
                    path.write_text(json.dumps({"workflow_id": workflow_id, "history": json.loads(
                        history.to_json())}, indent=1) + "\n")
                    print(f"wrote {path.relative_to(OUT.parent.parent.parent)}")
    finally:
        await env.shutdown()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "v3"))
