"""Who in the contact centre holds the case: the queue's routing, an agent's claim and its idle timer,
transfers between teams, and routing asked again while the case waits.

Routing state lives in the database (see store/routing/models.py); the workflow hears its changes
as `routing` signals, each with a sequence number, and keeps the latest one here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from temporalio import workflow

from workflows.case_record import LOCAL, CaseRecord, refuse, require_in_house

with workflow.unsafe.imports_passed_through():
    from engine.lifecycle import transition
    from engine.messages import (
        Activity,
        CaseView,
        ClaimInput,
        Refusal,
        ReleaseInput,
        RouteRequest,
        RoutingState,
        TransferInput,
        WorkRequest,
        WorkResult,
    )
    from engine.models import CaseStatus

# A waiting case re-reads its routing row this often, in case a routing signal was lost.
ROUTE_RECHECK = timedelta(seconds=60)


class Assignment:
    def __init__(self, record: CaseRecord) -> None:
        self._record = record
        self.routing: RoutingState | None = None  # the newest routing change heard
        self.routed_at: datetime | None = None
        self.started_by: str | None = None  # the agent routing was told has begun (start_work)
        self.claim_seen_at: datetime | None = None  # the claim's holder last acted then: its idle timer

    async def route(self, *, requeue: bool = False, exclude: list[str] | None = None) -> None:
        view = self._record.require_view()
        cls = self._record.cls
        assert view.team_id is not None and cls is not None
        self.routed_at = workflow.now()
        state = await workflow.execute_local_activity(
            Activity.route_case, RouteRequest(case_id=view.case_id, workflow_id=view.workflow_id, team_id=view.team_id,
                                       priority=view.priority, channel=view.source, language=cls.language,
                                       required_skills=cls.required_skills, optional_skills=cls.optional_skills,
                                       excluded_agents=exclude or [], requeue=requeue),
            result_type=RoutingState, **LOCAL)
        self.apply(state)

    def apply(self, state: RoutingState) -> None:
        """Take a routing change if it is newer than the last one seen (signals may repeat or cross)."""
        record = self._record
        view = record.require_view()
        if self.routing is not None and state.seq <= self.routing.seq:
            return
        self.routing = state
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
                record.work_end()
                self.started_by = None  # went straight from one agent to the next (e.g. the first went offline)
                record.event("reassigned", agent_id=state.agent_id, previous=previous, team_id=state.team_id,
                             strategy=state.reason.get("strategy"), evidence=state.reason)
            else:
                record.event("assigned", agent_id=state.agent_id, team_id=state.team_id,
                             strategy=state.reason.get("strategy"), evidence=state.reason)
            workflow.logger.info("case %s assigned to %s in team %s (%s)", view.case_id, state.agent_id,
                                 state.team_id, state.reason.get("strategy"))
        elif state.state == "waiting":
            if view.assignee_id is not None:
                record.event("returned_to_queue", team_id=state.team_id, previous=view.assignee_id,
                             reason=state.reason)
                workflow.logger.info("case %s returned to queue %s from %s", view.case_id, state.team_id,
                                     view.assignee_id)
                view.assignee_id = view.assigned_at = view.claimed_by = view.claimed_at = None
                self.started_by = None
                record.work_end()
                if view.status in (CaseStatus.assigned, CaseStatus.pending):
                    view.status = transition(view.status, CaseStatus.open)
            elif "error" in state.reason:
                record.event("routing_failed", team_id=state.team_id, **state.reason)
                workflow.logger.warning("case %s cannot be queued in %s: %s", view.case_id, state.team_id,
                                        state.reason["message"])
            else:
                record.event("queued", team_id=state.team_id, reason="no eligible agent with free capacity")
                workflow.logger.info("case %s waits in queue %s", view.case_id, state.team_id)
        record.touch()

    async def start_work(self, agent_id: str) -> None:
        """The first reply marks the case as begun, so it stays with its agent through a disconnect."""
        self._record.work_begin()
        if self.started_by == agent_id:
            return
        self.started_by = agent_id
        await workflow.execute_local_activity(
            Activity.start_work, WorkRequest(case_id=self._record.require_view().case_id, agent_id=agent_id,
                                             mode="start"),
            result_type=WorkResult, **LOCAL)

    # ---- claims and transfers -------------------------------------------
    async def claim(self, inp: ClaimInput) -> CaseView:
        record = self._record
        view = record.require_view()
        now = workflow.now()
        if view.claimed_by == inp.agent_id and not inp.takeover:
            self.claim_seen_at = now  # the holder is still at it: the idle timer starts again
            return view
        previous = view.claimed_by or view.assignee_id
        # Taken before any await: a concurrent claim's validator already sees the holder.
        view.claimed_by, view.claimed_at, self.claim_seen_at = inp.agent_id, now, now
        mode = "takeover" if inp.takeover else "start" if view.assignee_id == inp.agent_id else "pull"
        result = await workflow.execute_local_activity(
            Activity.start_work, WorkRequest(case_id=view.case_id, agent_id=inp.agent_id, mode=mode),
            result_type=WorkResult, **LOCAL)
        if not result.ok:
            if view.claimed_by == inp.agent_id:
                view.claimed_by, view.claimed_at = None, None
            raise refuse(result.message, Refusal(result.code), holder=result.holder)
        self.started_by = inp.agent_id
        if result.state is not None:
            self.apply(result.state)
        if inp.takeover:
            record.work_end()  # the previous holder's time is theirs; the supervisor's starts now
        record.work_begin()
        if inp.takeover:
            record.event("taken_over", actor=inp.agent_id, previous=previous)
            workflow.logger.info("case %s taken over by %s from %s", view.case_id, inp.agent_id, previous)
        else:
            record.event("claimed", actor=inp.agent_id, mode=mode)
        record.touch()
        return view

    def validate_claim(self, inp: ClaimInput) -> None:
        view = self._record.require_view()
        require_in_house(view)
        if inp.takeover:
            if not inp.supervisor:
                raise refuse(f"{inp.agent_id} is not a supervisor; only supervisors take cases over",
                             Refusal.not_supervisor)
            return
        holder = view.claimed_by
        if holder == inp.agent_id:
            return
        if holder is not None:
            since = view.claimed_at.isoformat() if view.claimed_at else "now"
            raise refuse(f"{holder} is working on this case (since {since})", Refusal.claimed, holder=holder)
        if view.assignee_id == inp.agent_id:
            return
        if view.assignee_id is not None:
            raise refuse(f"case is assigned to {view.assignee_id}", Refusal.not_assignee, holder=view.assignee_id)
        if not (self.routing and self.routing.allow_pull):
            raise refuse("this case waits for the queue to assign it; its team does not let agents pick cases",
                         Refusal.pull_not_allowed)

    async def release(self, inp: ReleaseInput) -> CaseView:
        """Back to the team's queue: the dispatcher offers it to the next eligible agent, never straight back to
        the one who gave it up (as an idle claim's expiry), so releasing is no way to pick one's cases."""
        record = self._record
        view = record.require_view()
        holder = view.claimed_by or view.assignee_id
        view.claimed_by = view.claimed_at = self.claim_seen_at = None
        self.started_by = None
        record.work_end()
        record.event("released", actor=inp.agent_id, previous=holder, team_id=view.team_id)
        workflow.logger.info("case %s released by %s (held by %s)", view.case_id, inp.agent_id, holder)
        await self.route(requeue=True, exclude=[holder] if holder else None)
        record.touch()
        return view

    def validate_release(self, inp: ReleaseInput) -> None:
        view = self._record.require_view()
        require_in_house(view)
        holder = view.claimed_by or view.assignee_id
        if holder is None:
            raise refuse("nobody holds this case: it is already in its team's queue", Refusal.not_assigned)
        if holder != inp.agent_id and not inp.supervisor:
            raise refuse(f"{holder} holds this case: only they or a supervisor release it", Refusal.not_assignee,
                         holder=holder)

    async def transfer(self, inp: TransferInput) -> CaseView:
        record = self._record
        view = record.require_view()
        source = view.team_id
        view.team_id = inp.team_id
        view.transfers += 1
        record.work_end()
        if inp.note:
            record.add_note(inp.agent_id, inp.note)
        record.event("transferred", actor=inp.agent_id, from_team=source, to_team=inp.team_id, note=inp.note)
        workflow.logger.info("case %s transferred by %s from %s to %s", view.case_id, inp.agent_id, source,
                             inp.team_id)
        await self.route(requeue=True)
        return view

    def validate_transfer(self, inp: TransferInput) -> None:
        view = self._record.require_view()
        require_in_house(view)
        if inp.team_id == view.team_id:
            raise refuse(f"case is already in team {inp.team_id}", Refusal.same_team)

    # ---- time: idle claims and routing re-checks -------------------------
    def next_moment(self) -> datetime | None:
        """When an idle claim expires or a waiting case asks routing again, if either is ahead."""
        view = self._record.require_view()
        moments = []
        if view.claimed_by is not None and self.claim_seen_at is not None and self.routing is not None:
            moments.append(self.claim_seen_at + timedelta(seconds=self.routing.claim_idle_seconds))
        if view.assignee_id is None and self.routed_at is not None and view.status != CaseStatus.with_expert:
            moments.append(self._recheck_at())
        return min(moments) if moments else None

    async def expire_idle_claim(self, now: datetime) -> None:
        view = self._record.require_view()
        if (view.claimed_by is not None and self.claim_seen_at is not None and self.routing is not None
                and now >= self.claim_seen_at + timedelta(seconds=self.routing.claim_idle_seconds)):
            idle = view.claimed_by
            self._record.event("claim_expired", agent_id=idle, idle_seconds=self.routing.claim_idle_seconds)
            workflow.logger.info("case %s: claim by %s expired; back to the queue", view.case_id, idle)
            view.claimed_by = view.claimed_at = None
            self._record.work_end(at=self.claim_seen_at)  # the idle stretch is not handle time
            await self.route(requeue=True, exclude=[idle])

    async def recheck(self, now: datetime) -> None:
        view = self._record.require_view()
        if (view.assignee_id is None and self.routed_at is not None and view.status != CaseStatus.with_expert
                and now >= self._recheck_at()):
            await self.route()

    def _recheck_at(self) -> datetime:
        """When a waiting case asks routing again: on the routing's hint (skills relax), or as a safety net."""
        assert self.routed_at is not None
        wait = ROUTE_RECHECK
        if self.routing is not None and self.routing.recheck_in_seconds is not None:
            wait = min(wait, timedelta(seconds=max(self.routing.recheck_in_seconds, 1)))
        return self.routed_at + wait
