"""The load: webhook posts at a fixed rate, each retried with its external id until accepted, and simulated agents
who claim, reply (a junior's reply approved by the supervisor) and close their cases through the API, each
action retried after a failure with the same reply id. Owns the run's HTTP identities, posts and agents' work."""

from __future__ import annotations

import asyncio
import contextlib
import random
import secrets
import time
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from bench.lifecycle import TEXTS, log_in, publish, raise_capacity

if TYPE_CHECKING:
    from bench.faults.run import FaultOptions
    from bench.faults.stack import Stack

# The demo's agents (seeded with --no-demo too, without accounts): (id, role, teams of the account).
AGENT_ACCOUNTS = (("ada", "agent", ["support"]), ("grace", "agent", ["support"]), ("linus", "agent", ["support"]),
                  ("maya", "agent", ["marketing"]), ("sofia", "supervisor", []))
SUPERVISOR = "sofia"
INFLIGHT = 100  # webhook posts on the wire at once (the rest wait their turn, as a sender's queue would)
PLANS = ("prompt", "prompt", "late", "ignored")  # what the agents do with a case, by a hash of its index


class Clock:
    """Run seconds: 0 when the load starts."""

    def __init__(self) -> None:
        self.start()

    def start(self) -> None:
        self.t0, self.wall0 = time.monotonic(), datetime.now(UTC)

    def __call__(self) -> float:
        return time.monotonic() - self.t0

    def of(self, moment: datetime) -> float:
        """The run seconds of a moment this machine's clock recorded (Temporal's event times)."""
        return (moment - self.wall0).total_seconds()


@dataclass
class Post:
    external_id: str
    index: int
    plan: str  # prompt, late, ignored, or probe (a fault's or a sample's: no agent touches it)
    answers: Counter = field(default_factory=Counter)  # status code or exception name -> count
    accepted_at: float | None = None  # run seconds
    mention_id: str | None = None
    case_id: str | None = None
    duplicate: bool = False  # accepted as a duplicate: an earlier attempt was stored, its answer lost


@dataclass
class Reply:
    close: bool  # reply and close in one request
    acked: bool = False  # the API answered 200
    pending: bool = False  # it waits for approval
    approved: bool = False  # the supervisor's approval was answered 200
    shown: bool | None = None  # the 200 that sent it (the reply's or the approval's) shows it sent (and closed)
    answer: dict[str, Any] = field(default_factory=dict)  # when that 200 came and what it showed

    @property
    def must_be_sent(self) -> bool:
        return self.acked and (not self.pending or self.approved)


@dataclass
class CaseWork:
    """What the simulated agents did on one case."""

    case_id: str
    plan: str
    assignee: str | None = None
    claimed: bool = False
    replies: dict[str, Reply] = field(default_factory=dict)
    closed_ack: bool = False  # a close (alone, or with a reply) was answered 200
    done: bool = False  # every step of its plan was answered 200
    gave_up: str | None = None  # why not
    calls: Counter = field(default_factory=Counter)  # "<action> <answer>" -> count
    last: str = ""  # the last failed call's answer


class Load:
    def __init__(self, options: FaultOptions, stack: Stack, clock: Clock) -> None:
        self.options, self.stack, self.now = options, stack, clock
        self.tag = uuid.uuid4().hex[:6]
        self.posts: dict[str, Post] = {}
        self.work: dict[str, CaseWork] = {}
        self.answer_log: list[tuple[float, float, str]] = []  # (sent, answered, answer) of every post, run seconds
        self.agent_errors: Counter = Counter()
        self.retry_until = float("inf")  # run seconds: posts are not retried after this
        self.agents_until = float("inf")  # run seconds: agents start nothing after this
        self._headers: dict[str, dict[str, str]] = {}  # identity (sender, admin, an agent's id) -> headers
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._clients_of = 0  # the `up` start they talk to
        self._closing: set[asyncio.Task] = set()
        self._inflight = asyncio.Semaphore(INFLIGHT)
        self._gate = asyncio.Semaphore(options.agent_parallel)
        self._steps: asyncio.PriorityQueue[tuple[float, str, str]] = asyncio.PriorityQueue()
        self.agent_tasks: set[asyncio.Task] = set()
        self.post_tasks: set[asyncio.Task] = set()

    # ---- set-up ---------------------------------------------------------------------------------------------
    async def setup(self) -> None:
        """An admin (`switchboard users add`), the webhook's token, every agent online with a large capacity, an
        account for each demo agent and the supervisor, and the demo flow with the run's SLA policy."""
        async with httpx.AsyncClient(base_url=self.stack.base_url, timeout=30) as admin:
            await log_in(admin, self.stack.data_dir)
            self._headers["admin"] = {"Authorization": admin.headers["Authorization"]}
            self._headers["sender"] = {"X-Switchboard-Token": admin.headers["X-Switchboard-Token"]}
            await raise_capacity(admin, self.options.capacity)
            for agent_id, role, teams in AGENT_ACCOUNTS:
                password = secrets.token_urlsafe(18)
                made = await admin.post("/api/users", json={"email": f"{agent_id}@example.com", "role": role,
                                                            "teams": teams, "password": password})
                if made.status_code != 201 or made.json()["id"] != agent_id:
                    raise SystemExit(f"could not add {agent_id}'s account: {made.status_code} {made.text}")
                async with httpx.AsyncClient(base_url=self.stack.base_url, timeout=30) as anonymous:
                    answer = await anonymous.post("/api/auth/login", json={"email": f"{agent_id}@example.com",
                                                                           "password": password})
                if answer.status_code != 200:
                    raise SystemExit(f"could not log in as {agent_id}: {answer.status_code} {answer.text}")
                self._headers[agent_id] = {"Authorization": f"Bearer {answer.json()['token']}"}
            flows = (await admin.get("/api/flows", params={"filter": '{"active": true}'})).json()
            document = flows[0]["document"]
            for node in document["nodes"]:
                if node["type"] == "sla":
                    node["content"] = self.sla()
            await publish(admin, f"Fault suite ({self.tag})", document)

    def sla(self) -> dict[str, Any]:
        """One 24/7 policy for every case: first response in `sla_seconds`; escalation level 1 at the deadline
        (raise the priority, notify the supervisor), level 2 `level2_seconds` after it (notify)."""
        o = self.options
        return {"calendars": {}, "policies": [{
            "id": "fault_suite", "first_response_seconds": o.sla_seconds, "resolution_seconds": 86400,
            "escalation": [
                {"after_seconds": 0, "actions": [{"type": "raise_priority"}, {"type": "notify", "to": "supervisor"}]},
                {"after_seconds": o.level2_seconds, "actions": [{"type": "notify", "to": "supervisor"}]}]}],
            "select": {"mode": "first_match", "default": "fault_suite", "rules": []}}

    def client(self, who: str) -> httpx.AsyncClient:
        """`who`'s HTTP client for the running `up`. A new `up` gets new clients (the old ones are closed aside):
        connections to a killed server must not hold up new requests."""
        if self._clients_of != self.stack.starts:
            old, self._clients, self._clients_of = self._clients, {}, self.stack.starts
            for client in old.values():
                task = asyncio.create_task(_close(client))
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)
        if who not in self._clients:
            limits = httpx.Limits(max_connections=INFLIGHT + 50, max_keepalive_connections=50)
            # Longer than the API's own 20 s wait for a case's Update: the API answers 504 before the client gives up.
            self._clients[who] = httpx.AsyncClient(timeout=httpx.Timeout(30), limits=limits,
                                                   headers=self._headers[who])
        return self._clients[who]

    async def close(self) -> None:
        for task in (*self.agent_tasks, *self.post_tasks):
            task.cancel()
        await asyncio.gather(*self.agent_tasks, *self.post_tasks, return_exceptions=True)
        await asyncio.gather(*(_close(c) for c in self._clients.values()), *self._closing, return_exceptions=True)

    # ---- webhook posts ---------------------------------------------------------------------------------------
    def post(self, label: str, plan: str) -> tuple[Post, asyncio.Task]:
        """A new mention from an author of its own (its own conversation and case), posted until accepted."""
        post = Post(external_id=f"{self.tag}-{label}", index=len(self.posts), plan=plan)
        self.posts[post.external_id] = post
        task = asyncio.create_task(self._post_until_accepted(post))
        self.post_tasks.add(task)
        task.add_done_callback(self.post_tasks.discard)
        return post, task

    async def _post_until_accepted(self, post: Post) -> None:
        """Send `post` until it is accepted (201, or 200 when an earlier attempt was stored) or the retry deadline
        passes; the same body each time, as a sender retries."""
        body = {"external_id": post.external_id, "author": f"@f{self.tag}_{post.index}",
                "text": TEXTS[post.index % len(TEXTS)], "created_at": datetime.now(UTC).isoformat()}
        delay = 0.5
        while True:
            async with self._inflight:
                sent = self.now()
                try:
                    async with asyncio.timeout(35):
                        response = await self.client("sender").post(f"{self.stack.base_url}/api/webhooks/twitter",
                                                                     json=body)
                    answer = str(response.status_code)
                except (httpx.HTTPError, TimeoutError) as exc:
                    response, answer = None, type(exc).__name__
            post.answers[answer] += 1
            self.answer_log.append((sent, self.now(), answer))
            if response is not None and response.status_code in (200, 201):
                got = response.json()
                post.accepted_at, post.mention_id, post.case_id = self.now(), got["mention_id"], got["case_id"]
                post.duplicate = got["duplicate"]
                if post.case_id and post.plan in PLANS:
                    self._plan(post)
                return
            if self.now() > self.retry_until:
                return
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 4.0)

    async def run(self) -> None:
        """Open loop: `rate` mentions a second for `seconds`, each sent when due whatever the answers' latency."""
        o = self.options
        for i in range(int(o.rate * o.seconds)):
            delay = i / o.rate - self.now()
            if delay > 0:
                await asyncio.sleep(delay)
            self.post(str(i), PLANS[zlib.crc32(f"{o.seed}:{i}".encode()) % len(PLANS)])

    async def posts_done(self, timeout: float) -> None:
        async with asyncio.timeout(timeout):
            while self.post_tasks:
                await asyncio.gather(*list(self.post_tasks))

    # ---- agents ----------------------------------------------------------------------------------------------
    def _plan(self, post: Post) -> None:
        assert post.case_id is not None
        if post.case_id in self.work:
            return
        self.work[post.case_id] = work = CaseWork(post.case_id, post.plan)
        if post.plan == "ignored":  # never touched: it breaches and escalates
            work.done = True
        else:
            self._steps.put_nowait((self.now() + random.uniform(0.5, 2.0), post.case_id, "claim"))

    async def agents(self) -> None:
        """Start each step when it is due (until cancelled)."""
        while True:
            due, case_id, step = await self._steps.get()
            if due - self.now() > 0.02:
                self._steps.put_nowait((due, case_id, step))
                await asyncio.sleep(min(due - self.now(), 0.2))  # a new step may come sooner
                continue
            task = asyncio.create_task(self._step(self.work[case_id], step))
            self.agent_tasks.add(task)
            task.add_done_callback(self.agent_tasks.discard)

    def agents_idle(self) -> bool:
        return self._steps.empty() and not self.agent_tasks

    async def stop_agents(self) -> None:
        self.agents_until = self.now()
        for task in list(self.agent_tasks):
            task.cancel()
        await asyncio.gather(*list(self.agent_tasks), return_exceptions=True)

    async def _step(self, work: CaseWork, step: str) -> None:
        try:
            if step == "claim":
                await self._claim(work)
            else:
                await self._reply_late(work)
        except Exception as exc:  # noqa: BLE001 - the run goes on; the case's work is reported undone
            work.gave_up = f"{type(exc).__name__}: {exc}"

    async def _claim(self, work: CaseWork) -> None:
        """The assignee (decided at ingest) claims the case; "prompt" replies and closes at once, "late" replies
        after the deadline (so the first escalation falls due first) and closes separately."""
        got = await self._call("admin", "GET", f"/api/cases/{work.case_id}", work, "get")
        if got is None:
            return
        work.assignee = got.json()["assignee_id"]
        if work.assignee not in self._headers:
            work.gave_up = f"assignee {work.assignee!r}"
            return
        if await self._call(work.assignee, "POST", f"/api/cases/{work.case_id}/claim", work, "claim",
                            json={}) is None:
            return
        work.claimed = True
        if work.plan == "prompt":
            work.closed_ack = work.done = await self._reply(work, close=True)
        else:
            self._steps.put_nowait((self.now() + self.options.sla_seconds + 3, work.case_id, "late"))

    async def _reply_late(self, work: CaseWork) -> None:
        if await self._reply(work, close=False):
            closed = await self._call(work.assignee or "", "POST", f"/api/cases/{work.case_id}/close", work,
                                      "close", json={}, refusal="case_closed")  # an earlier close was taken
            work.closed_ack = work.done = closed is not None

    async def _reply(self, work: CaseWork, *, close: bool) -> bool:
        """Reply (and close); True once the reply (and a junior's approval) was answered 200."""
        assert work.assignee is not None
        reply_id = f"r-{uuid.uuid4().hex[:12]}"
        work.replies[reply_id] = reply = Reply(close=close)
        answer = await self._call(work.assignee, "POST", f"/api/cases/{work.case_id}/replies", work, "reply",
                                  json={"text": f"Sorry about that, we are on it ({reply_id})", "close": close,
                                        "reply_id": reply_id})
        if answer is None:
            return False
        reply.acked = True
        if answer.json()["drafts_pending"]:  # a junior's reply: the supervisor approves it
            reply.pending = True
            answer = await self._call(SUPERVISOR, "POST", f"/api/cases/{work.case_id}/approve", work, "approve",
                                      json={"reply_id": reply_id})
            if answer is None:
                return False
            reply.approved = True
        view = answer.json()
        reply.shown = view["reply_count"] >= 1 and (not close or view["status"] == "closed")
        reply.answer = {"at": datetime.now(UTC).isoformat(), "status": view["status"],
                        "reply_count": view["reply_count"]}
        return True

    async def _call(self, who: str, method: str, path: str, work: CaseWork, action: str, *, json: Any = None,
                    refusal: str | None = None) -> httpx.Response | None:
        """One API call as `who`: the answer if 200 (or a 409 whose code is `refusal`); a 5xx, a refused
        connection or a timeout is retried with the same body until the agents' deadline; another 4xx is a
        refusal. None (and the case's work marked given up) unless answered."""
        delay = 0.5
        while self.now() < self.agents_until:
            try:
                async with self._gate, asyncio.timeout(40):
                    response = await self.client(who).request(method, f"{self.stack.base_url}{path}", json=json)
                answer = str(response.status_code)
            except (httpx.HTTPError, TimeoutError) as exc:
                response, answer = None, type(exc).__name__
            work.calls[f"{action} {answer}"] += 1
            if response is not None and (response.status_code == 200
                                         or (refusal is not None and _code(response) == refusal)):
                return response
            text = response.text[:200] if response is not None else ""
            work.last = f"{self.now():.1f}s {action} {answer} {text}"
            if response is not None and response.status_code < 500:
                work.gave_up = f"{action} refused: {answer} {text}"
                return None
            self.agent_errors[f"{action} {answer}"] += 1
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 4.0)
        work.gave_up = f"{action}: still failing at the agents' deadline ({work.last})"
        return None


async def _close(client: httpx.AsyncClient) -> None:
    with contextlib.suppress(Exception):
        async with asyncio.timeout(10):
            await client.aclose()


def _code(response: httpx.Response) -> str | None:
    with contextlib.suppress(ValueError, KeyError, TypeError, AttributeError):
        return response.json()["detail"]["code"]
    return None
