"""The crisis watch's activities: the figures a check needs, and carrying out what it decided."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import Engine
from temporalio import activity
from temporalio.client import Client

from engine.crisis import ApplyRequest, ApplyResult, Sample, SampleRequest, baseline_windows
from engine.messages import Activity, RoutingState
from store.audit import append
from store.crisis import CrisisRefused, end_crisis, settings_of, start_crisis, state_of, window_counts
from store.db import session_scope
from store.routing.notify import notify

WATCH = "system:crisis-watch"  # the actor of what the watch does, in the audit log and on the timeline


class CrisisActivities:
    def __init__(self, *, engine: Engine, client: Client) -> None:
        self._engine = engine
        self._client = client

    @activity.defn(name=Activity.crisis_sample)
    async def sample(self, req: SampleRequest) -> Sample:
        return await asyncio.to_thread(self._sample, req)

    def _sample(self, req: SampleRequest) -> Sample:
        with session_scope(self._engine, write=False) as session:
            settings, state = settings_of(session), state_of(session)
            t = settings.thresholds

            def counts(start, end):  # type: ignore[no-untyped-def]
                return window_counts(session, start, end, negative_below=t.negative_below, topics=settings.topics)
            window = counts(req.at - timedelta(seconds=settings.window_seconds), req.at)
            past = [counts(start, end) for start, end in
                    baseline_windows(req.at, settings.window_seconds, settings.baseline_weeks)]
            return Sample(enabled=settings.enabled, interval_seconds=settings.interval_seconds, thresholds=t,
                          active=state.active, automatic=state.automatic, window=window, past=past)

    @activity.defn(name=Activity.crisis_apply)
    async def apply(self, req: ApplyRequest) -> ApplyResult:
        result, changes = await asyncio.to_thread(self._apply, req)
        await notify(self._client, changes, engine=self._engine)
        return result

    def _apply(self, req: ApplyRequest) -> tuple[ApplyResult, list[RoutingState]]:
        decision = req.decision
        figures = [s.model_dump(mode="json") for s in decision.signals]
        changes: list[RoutingState] = []
        with session_scope(self._engine) as session:
            try:
                if decision.action == "start":
                    audit, changes = start_crisis(session, now=req.at, actor=WATCH, via=None, reason=decision.reason,
                                                  figures=figures, automatic=True)
                    append(session, audit)
                elif decision.action == "end":
                    append(session, end_crisis(session, now=req.at, actor=WATCH, via=None, reason=decision.reason))
                result = ApplyResult(applied=decision.action != "none")
            except CrisisRefused as refused:  # someone started or ended it by hand since the figures were read
                result = ApplyResult(applied=False, message=refused.message)
            state = state_of(session)
            state.last_check_at = req.at
            state.last_check = {"action": decision.action, "reason": decision.reason, "signals": figures,
                                "applied": result.applied}
            session.add(state)
        return result, changes

    def all(self) -> list:
        return [self.sample, self.apply]
