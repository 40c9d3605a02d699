"""Reaching a case's workflow from the API, including a case opened at ingest whose workflow the
outbox relay has not started yet: the relay is asked to start it now, then the change goes through."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from temporalio.client import Client, WorkflowHandle
from temporalio.service import RPCError, RPCStatusCode

from engine.messages import VIEW_QUERY, CaseView
from engine.models import decided_workflow_id
from store.cases import Case
from store.relay import OutboxRelay


class NotStarted(RuntimeError):
    """The case is stored, and its workflow could not be started just now (the entry stays in the outbox)."""


class CaseWorkflows:
    def __init__(self, temporal: Client, relay: OutboxRelay) -> None:
        self._temporal, self._relay = temporal, relay

    def handle(self, case: Case) -> WorkflowHandle:
        # A case opened at ingest has a workflow of its own; an older case is one run of its conversation's.
        decided = case.workflow_id == decided_workflow_id(case.id)
        return self._temporal.get_workflow_handle(case.workflow_id, run_id=None if decided else case.id)

    async def update(self, case: Case, name: str, arg: object, *, timeout: timedelta) -> CaseView:
        async def once() -> CaseView:
            return await self.handle(case).execute_update(name, arg, result_type=CaseView, rpc_timeout=timeout)
        return await self._started(case, once)

    async def view(self, case: Case, *, timeout: timedelta) -> CaseView | None:
        async def once() -> CaseView | None:
            return await self.handle(case).query(VIEW_QUERY, result_type=CaseView, rpc_timeout=timeout)
        return await self._started(case, once)

    async def _started(self, case: Case, call):  # noqa: ANN001, ANN202 - one call, its own result type
        try:
            return await call()
        except RPCError as exc:
            if exc.status != RPCStatusCode.NOT_FOUND or case.workflow_id != decided_workflow_id(case.id):
                raise
        # Acted on in the moment between its commit and its start: start it now, then try once more.
        await self._relay.flush(case.workflow_id)
        try:
            return await call()
        except RPCError as exc:
            if exc.status == RPCStatusCode.NOT_FOUND and (await self._relay.backlog_of(case.workflow_id)):
                raise NotStarted(exc.message) from exc
            raise


def _case_workflows(request: Request) -> CaseWorkflows:
    return CaseWorkflows(request.app.state.temporal, request.app.state.relay)


CaseWorkflowsDep = Annotated[CaseWorkflows, Depends(_case_workflows)]
