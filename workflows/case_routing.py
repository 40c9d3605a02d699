"""Routing steps of the case workflow: queue the case, and take the routing table's changes.

Routing state lives in the database (see store/routing/models.py); the workflow
hears its changes as `routing` signals, each with a sequence number.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_state import LOCAL, CaseState

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.messages import Activity, RouteRequest, RoutingState, WorkRequest, WorkResult
    from engine.models import CaseStatus

# A waiting case re-reads its routing row this often, in case a routing signal was lost.
ROUTE_RECHECK = timedelta(seconds=60)


class RoutingSteps(CaseState):
    async def _route(self, *, requeue: bool = False, exclude: list[str] | None = None) -> None:
        view = self._require_view()
        cls = self._cls
        assert view.team_id is not None and cls is not None
        self._routed_at = workflow.now()
        state = await workflow.execute_local_activity(
            Activity.route_case, RouteRequest(case_id=view.case_id, workflow_id=view.workflow_id, team_id=view.team_id,
                                       priority=view.priority, channel=view.source, language=cls.language,
                                       required_skills=cls.required_skills, optional_skills=cls.optional_skills,
                                       excluded_agents=exclude or [], requeue=requeue),
            result_type=RoutingState, **LOCAL)
        self._apply_routing(state)

    def _apply_routing(self, state: RoutingState) -> None:
        """Take a routing change if it is newer than the last one seen (signals may repeat or cross)."""
        view = self._require_view()
        if self._routing is not None and state.seq <= self._routing.seq:
            return
        self._routing = state
        if view.status == CaseStatus.closed:
            return  # the release at the end frees whatever this was
        now = workflow.now()
        if state.state == "assigned" and state.agent_id != view.assignee_id:
            previous = view.assignee_id
            view.assignee_id, view.assigned_at, view.team_id = state.agent_id, now, state.team_id
            if view.status == CaseStatus.open:
                view.status = transition(view.status, CaseStatus.assigned)
            if view.claimed_by not in (None, state.agent_id):
                view.claimed_by = view.claimed_at = None
            if previous is not None:
                self._work_end()
                self._started_by = None  # went straight from one agent to the next (e.g. the first went offline)
                self._event("reassigned", agent_id=state.agent_id, previous=previous, team_id=state.team_id,
                            strategy=state.reason.get("strategy"), evidence=state.reason)
            else:
                self._event("assigned", agent_id=state.agent_id, team_id=state.team_id,
                            strategy=state.reason.get("strategy"), evidence=state.reason)
            workflow.logger.info("case %s assigned to %s in team %s (%s)", view.case_id, state.agent_id,
                                 state.team_id, state.reason.get("strategy"))
        elif state.state == "waiting":
            if view.assignee_id is not None:
                self._event("returned_to_queue", team_id=state.team_id, previous=view.assignee_id,
                            reason=state.reason)
                workflow.logger.info("case %s returned to queue %s from %s", view.case_id, state.team_id,
                                     view.assignee_id)
                view.assignee_id = view.assigned_at = view.claimed_by = view.claimed_at = None
                self._started_by = None
                self._work_end()
                if view.status in (CaseStatus.assigned, CaseStatus.pending):
                    view.status = transition(view.status, CaseStatus.open)
            elif "error" in state.reason:
                self._event("routing_failed", team_id=state.team_id, **state.reason)
                workflow.logger.warning("case %s cannot be queued in %s: %s", view.case_id, state.team_id,
                                        state.reason["message"])
            else:
                self._event("queued", team_id=state.team_id, reason="no eligible agent with free capacity")
                workflow.logger.info("case %s waits in queue %s", view.case_id, state.team_id)
        self._touch()

    async def _start_work(self, agent_id: str) -> None:
        """The first reply marks the case as begun, so it stays with its agent through a disconnect."""
        self._work_begin()
        if self._started_by == agent_id:
            return
        self._started_by = agent_id
        await workflow.execute_local_activity(
            Activity.start_work, WorkRequest(case_id=self._require_view().case_id, agent_id=agent_id, mode="start"),
            result_type=WorkResult, **LOCAL)

    def _recheck_at(self) -> datetime:
        """When a waiting case asks routing again: on the routing's hint (skills relax), or as a safety net."""
        assert self._routed_at is not None
        wait = ROUTE_RECHECK
        if self._routing is not None and self._routing.recheck_in_seconds is not None:
            wait = min(wait, timedelta(seconds=max(self._routing.recheck_in_seconds, 1)))
        return self._routed_at + wait
