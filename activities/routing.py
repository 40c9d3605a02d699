"""Routing activities: each runs one routing transaction, then signals the other cases it changed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session
from temporalio import activity
from temporalio.client import Client

from engine.messages import Activity, ReleaseRequest, RouteRequest, RoutingState, WorkRequest, WorkResult
from store.db import session_scope
from store.routing import service
from store.routing.notify import notify

T = TypeVar("T")


class RoutingActivities:
    def __init__(self, *, engine: Engine, client: Client) -> None:
        self._engine = engine
        self._client = client

    async def _transaction(self, work: Callable[[Session, datetime], T]) -> T:
        def run() -> T:
            with session_scope(self._engine) as session:
                return work(session, datetime.now(UTC))
        return await asyncio.to_thread(run)

    @activity.defn(name=Activity.route_case)
    async def route_case(self, req: RouteRequest) -> RoutingState:
        try:
            own, others = await self._transaction(lambda session, now: service.route(session, req, now))
        except service.RoutingRefused as refused:
            # e.g. the flow routes to a team nobody created: the case waits, visibly, and asks again later.
            return RoutingState(case_id=req.case_id, workflow_id=req.workflow_id, seq=0, state="waiting",
                                team_id=req.team_id, at=datetime.now(UTC),
                                reason={"error": refused.code, "message": refused.message})
        await notify(self._client, others, engine=self._engine)
        return own

    @activity.defn(name=Activity.release_case)
    async def release_case(self, req: ReleaseRequest) -> None:
        await notify(self._client, await self._transaction(
            lambda session, now: service.release(session, req.case_id, now)), engine=self._engine)

    @activity.defn(name=Activity.start_work)
    async def start_work(self, req: WorkRequest) -> WorkResult:
        def work(session: Session, now: datetime) -> tuple[RoutingState | None, list[RoutingState]]:
            if req.mode == "pull":
                return service.pull(session, req.case_id, req.agent_id, now), []
            if req.mode == "takeover":
                changes = service.take_over(session, req.case_id, req.agent_id, now)
                return changes[0], changes[1:]
            service.start_work(session, req.case_id, req.agent_id)
            return None, []
        try:
            own, others = await self._transaction(work)
        except service.RoutingRefused as refused:
            return WorkResult(ok=False, code=refused.code, message=refused.message, holder=refused.holder)
        await notify(self._client, others, engine=self._engine)
        return WorkResult(ok=True, state=own)

    def all(self) -> list:
        return [self.route_case, self.release_case, self.start_work]
