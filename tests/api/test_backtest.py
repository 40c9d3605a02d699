"""Backtests (store.backtest, GET /api/flow_drafts/{id}/backtest, `switchboard flows backtest`) on SQLite and
PostgreSQL: history taken in by ingest as production takes it, then a draft that routes outages elsewhere,
raises billing and answers praise, re-run over it. Each expected difference is worked out by hand from the
demo flow and the draft below."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from api.demo import default_flow
from bench.backtest import draft as draft_document
from cli.main import main as switchboard
from engine.backtest import FIELDS
from store.backtest import backtest
from store.case_events import CaseEvent
from store.cases import Case
from store.db import session_scope
from store.flows import Flow, FlowDraft, active_flow
from store.incoming import IncomingMention
from store.ingest import store_batch
from store.lexicons import compile_with_vader
from store.mentions import Mention as MentionRow
from store.outbox import OutboxEntry
from tests.harness.cases import Stack, api_client, as_user

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
WEEK = (T0 - timedelta(days=1), T0 + timedelta(days=6))

OUTAGE = "the app is down and not working"  # live: outage, high, support; draft: escalations
BILLING = "I was charged twice on my invoice"  # live: billing, normal; draft: high (and so the high SLA policy)
PRAISE = "love the new update, great work"  # live: needs no response; draft: answers praise
HELP = "how do i reset my password?"  # the same either way


def take_in(engine: Engine, texts: list[str], at: datetime = T0, *, reply_to: str | None = None) -> list[str]:
    """Each text as a new mention of its own conversation, taken in by ingest at `at`; their ids."""
    run = uuid.uuid4().hex[:6]
    mentions = [IncomingMention(external_id=f"{run}-{i}", author=f"@{run}-{i}", text=text, created_at=at,
                                reply_to_id=reply_to).to_message("twitter", at) for i, text in enumerate(texts)]
    store_batch(engine=engine, mentions=mentions, now=at)
    return [m.id for m in mentions]


def history(engine: Engine) -> dict[str, str]:
    """A week of history: one mention of each kind, a follow-up to the outage, and one outside the week."""
    outage, billing, praise, help_ = take_in(engine, [OUTAGE, BILLING, PRAISE, HELP])
    take_in(engine, ["still down, any news?"], T0 + timedelta(minutes=5), reply_to=outage.split(":", 1)[1])
    take_in(engine, [OUTAGE], T0 - timedelta(days=3))  # before the period: not backtested
    with Session(engine) as session:
        cases = {m.id: m.case_id for m in session.exec(select(MentionRow))}
    assert cases[praise] is None and all(cases[m] for m in (outage, billing, help_))
    return {"outage": outage, "billing": billing, "praise": praise, "help": help_,
            "outage_case": cases[outage], "billing_case": cases[billing]}


def counts(engine: Engine) -> tuple[int, ...]:
    with Session(engine) as session:
        return tuple(session.exec(select(func.count()).select_from(table)).one()
                     for table in (Case, CaseEvent, MentionRow, OutboxEntry, Flow))


def test_the_live_flow_backtested_over_its_own_history_changes_nothing(seeded_engine: Engine) -> None:
    history(seeded_engine)
    with Session(seeded_engine) as session:
        live = active_flow(session=session)
        assert live is not None
    run = backtest(seeded_engine, compile_with_vader(live.document), *WEEK)
    assert list(run.differences()) == []
    totals = run.backtest.totals
    assert (totals.mentions, totals.live_cases, totals.draft_cases, totals.tags_changed) == (5, 3, 3, 0)
    assert totals.live_versions == {live.id: 3}


def test_a_draft_over_a_week_shows_each_case_it_would_decide_otherwise_and_touches_nothing(
        seeded_engine: Engine) -> None:
    ids = history(seeded_engine)
    before = counts(seeded_engine)
    run = backtest(seeded_engine, compile_with_vader(draft_document()), *WEEK)
    rows = {row["mention_id"]: row for row in (d.row() for d in run.differences())}
    assert set(rows) == {ids["outage"], ids["billing"], ids["praise"]}
    outage, billing, praise = rows[ids["outage"]], rows[ids["billing"]], rows[ids["praise"]]
    assert (outage["kind"], outage["case_id"], outage["changed"]) == ("changed", ids["outage_case"], ["queue"])
    assert (outage["live_queue"], outage["draft_queue"]) == ("support", "escalations")
    assert (billing["kind"], billing["changed"]) == ("changed", ["priority", "sla_policy"])
    assert (billing["live_priority"], billing["draft_priority"]) == ("normal", "high")
    assert (billing["live_sla_policy"], billing["draft_sla_policy"]) == ("normal", "high")
    assert (praise["kind"], praise["case_id"], praise["draft_queue"], praise["draft_priority"]) == (
        "would_open", None, "support", "low")
    totals = run.backtest.totals.as_dict()
    assert {k: totals[k] for k in ("mentions", "live_cases", "draft_cases", "changed", "would_open",
                                   "would_not_open", "needs_response_changed")} == {
        "mentions": 5, "live_cases": 3, "draft_cases": 4, "changed": 2, "would_open": 1, "would_not_open": 0,
        "needs_response_changed": 1}
    assert totals["by_field"] == {"queue": 1, "priority": 1, "sla_policy": 1}
    assert {"field": "queue", "live": "support", "draft": "escalations", "cases": 1} in totals["moves"]
    assert counts(seeded_engine) == before  # nothing written


def test_a_draft_that_answers_less_shows_the_cases_it_would_not_open(seeded_engine: Engine) -> None:
    ids = history(seeded_engine)
    document = default_flow()
    triage = next(node["content"] for node in document["nodes"] if node["type"] == "triage")
    triage["needs_response"] = {"!": {"in": ["question", {"var": "tags"}]}}  # questions go unanswered
    run = backtest(seeded_engine, compile_with_vader(document), *WEEK)
    rows = [d.row() for d in run.differences()]
    help_row = next(row for row in rows if row["mention_id"] == ids["help"])
    assert help_row["kind"] == "would_not_open" and help_row["live_queue"] == "support"
    assert help_row["changed"] == list(FIELDS) and help_row["draft_queue"] is None


async def test_ops_leads_backtest_a_draft_through_the_api_and_download_every_row_as_csv(stack: Stack) -> None:
    ids = history(stack.engine)
    with session_scope(stack.engine) as session:
        draft = FlowDraft(id="d-backtest", name="Outages to escalations", document=draft_document(),
                          updated_at=T0)
        session.add(draft)
    period = {"since": "2026-11-29T09:00:00Z", "until": "2026-12-06T09:00:00+00:00"}
    async with api_client(stack, user="olivia") as http:
        answer = await http.get("/api/flow_drafts/d-backtest/backtest", params={**period, "sample": 1})
        assert answer.status_code == 200, answer.text
        report = answer.json()
        assert report["totals"]["changed"] == 2 and report["totals"]["would_open"] == 1
        assert len(report["sample"]) == 1 and report["sample"][0]["mention_id"] == ids["outage"]
        assert report["flow_version"] not in report["totals"]["live_flow_versions"]

        download = await http.get("/api/flow_drafts/d-backtest/backtest.csv", params=period)
        assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
        assert 'filename="backtest-draft-d-backte-20261129-20261206.csv"' in download.headers["content-disposition"]
        lines = list(csv.DictReader(io.StringIO(download.text)))
        assert {row["mention_id"] for row in lines} == {ids["outage"], ids["billing"], ids["praise"]}
        billing = next(row for row in lines if row["mention_id"] == ids["billing"])
        assert (billing["changed"], billing["live_priority"], billing["draft_priority"]) == (
            "priority sla_policy", "normal", "high")

        # The live version over the same week: nothing to report.
        live = (await http.get("/api/flows", params={"filter": json.dumps({"active": True})})).json()[0]["id"]
        same = (await http.get(f"/api/flows/{live}/backtest", params=period)).json()
        assert same["totals"]["live_cases"] == 3 and same["totals"]["changed"] == 0 and same["sample"] == []

        # Bad input: each names its parameter and what to give.
        reversed_ = await http.get("/api/flow_drafts/d-backtest/backtest",
                                   params={"since": period["until"], "until": period["since"]})
        assert reversed_.status_code == 422 and reversed_.json()["detail"]["path"] == "since"
        vague = await http.get("/api/flow_drafts/d-backtest/backtest", params={"since": "last week"})
        assert vague.status_code == 422 and "since" in vague.text
        impossible = await http.get("/api/flow_drafts/d-backtest/backtest", params={"until": "2026-02-30T00:00:00Z"})
        assert impossible.status_code == 422 and impossible.json()["detail"]["code"] == "bad_instant"
        missing = await http.get("/api/flow_drafts/nope/backtest")
        assert missing.status_code == 404

        # Agents read flows, but a backtest reads a period's every case: not theirs to run.
        refused = await http.get("/api/flow_drafts/d-backtest/backtest", headers=as_user(stack.engine, "ada"))
        assert refused.status_code == 403 and "flows:backtest" in refused.json()["detail"]["message"]
        auditor = await http.get("/api/flow_drafts/d-backtest/backtest", params=period,
                                 headers=as_user(stack.engine, "audrey"))
        assert auditor.status_code == 200 and auditor.json()["totals"]["changed"] == 2


def test_the_cli_backtests_a_draft_a_version_or_a_file(seeded_engine: Engine, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", seeded_engine.url.render_as_string(False))
    ids = history(seeded_engine)
    flow_file = tmp_path / "draft.json"
    flow_file.write_text(json.dumps(draft_document()))

    def run(*argv: str) -> int:
        with pytest.raises(SystemExit) as done:
            switchboard(["flows", "backtest", *argv])
        return int(done.value.code or 0)

    period = ("--since", "2026-11-29", "--until", "2026-12-06T09:00:00+00:00")
    assert run(str(flow_file), *period, "--csv", str(tmp_path / "out.csv")) == 0
    out = capsys.readouterr().out
    assert f"Backtest of the flow in {flow_file} over 2026-11-29T00:00:00+00:00 to 2026-12-06T09:00:00+00:00" in out
    assert "5 mentions; 3 cases opened, 4 would be" in out
    assert "decided otherwise: 2 cases (queue 1, priority 1, SLA policy 1)" in out
    assert "would also open 1 case; would not open 0 of them" in out
    assert "queue: support -> escalations: 1 case" in out
    rows = list(csv.DictReader((tmp_path / "out.csv").open()))
    assert {row["mention_id"] for row in rows} == {ids["outage"], ids["billing"], ids["praise"]}

    with Session(seeded_engine) as session:
        live = active_flow(session=session)
        assert live is not None
    assert run(live.id, *period, "--json") == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["totals"]["changed"] == 0 and answer["totals"]["live_cases"] == 3

    assert run("no-such-draft") == 2
    assert "'no-such-draft' is no draft id, flow version id or file" in capsys.readouterr().err
    assert run(str(flow_file), "--since", "2026-12-06", "--until", "2026-12-01") == 2
    assert "must be before --until" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    document = draft_document()
    next(node for node in document["nodes"] if node["type"] == "triage")["content"]["priority"] = {"nope": []}
    broken.write_text(json.dumps(document))
    assert run(str(broken)) == 2
    err = capsys.readouterr().err
    assert "does not make a working flow" in err and "/nodes/2/content/priority" in err
