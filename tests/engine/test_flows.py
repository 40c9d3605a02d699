"""Flow documents: typed errors with paths, content-addressed versions, triage by rule."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from api.demo import default_flow
from engine.flows import compile_flow, flow_version
from engine.flows.compiled import InvalidFlow
from engine.flows.stages import DEFAULT_REOPEN_WINDOW_SECONDS
from engine.models import Mention

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def mention(text: str) -> Mention:
    return Mention(id="t:1", source="t", external_id="1", conversation_id="t:1", author="@a", text=text,
                   created_at=NOW, received_at=NOW)


def errors_of(document: object) -> list[dict[str, str]]:
    with pytest.raises(InvalidFlow) as raised:
        compile_flow(document)
    return [e.to_dict() for e in raised.value.errors]


def test_version_is_the_hash_of_canonical_json() -> None:
    doc = default_flow()
    reordered = dict(reversed(list(doc.items())))
    assert flow_version(doc) == flow_version(reordered) == compile_flow(doc).version
    changed = copy.deepcopy(doc)
    changed["nodes"][4]["content"]["policies"][0]["first_response_seconds"] = 600
    assert flow_version(changed) != flow_version(doc)


def test_a_broken_triage_rule_is_rejected_with_the_path_to_the_bad_node() -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["priority"] = {"if": [{"nope": [1]}, "high", "low"]}
    assert errors_of(doc) == [{"code": "unknown_operator", "path": "/nodes/2/content/priority/if/0",
                               "message": errors_of(doc)[0]["message"]}]
    assert "nope" in errors_of(doc)[0]["message"]


@pytest.mark.parametrize(("mutate", "code", "path"), [
    (lambda d: (d["nodes"].pop(3), d.update(edges=[e for e in d["edges"] if "assign" not in e.values()])),
     "missing_stage", "/nodes"),
    (lambda d: d["nodes"].append(dict(d["nodes"][1], id="tag2")), "duplicate_stage", "/nodes"),
    (lambda d: d["edges"].append({"id": "x", "sourceId": "measure", "targetId": "ghost"}),
     "missing_node", "/edges/7/targetId"),
    (lambda d: d["edges"].append({"id": "x", "sourceId": "measure", "targetId": "tag"}), "cyclic_graph", "/edges"),
    (lambda d: d["nodes"][0].update(type="teleport"), "bad_schema", "/nodes/0/type"),
    (lambda d: d["nodes"][3]["content"].update(strategy="cherry_pick"), "bad_argument",
     "/nodes/3/content/strategy"),
    (lambda d: d["nodes"][3]["content"]["routing"]["rules"][0].update(then={"team": "pr"}), "bad_argument",
     "/nodes/3/content/routing/rules/0/then"),
    (lambda d: d["nodes"][3]["content"]["routing"]["rules"][1]["then"].update(priority="asap"), "bad_argument",
     "/nodes/3/content/routing/rules/1/then/priority"),
    (lambda d: d["nodes"][3]["content"]["routing"].update(mode="all_match"), "bad_argument",
     "/nodes/3/content/routing"),
    (lambda d: d["nodes"][3]["content"]["routing"]["rules"][0].update(when={"in": ["press"]}), "bad_arity",
     "/nodes/3/content/routing/rules/0/when"),
    (lambda d: d["nodes"][1]["content"]["rules"]["rules"][0].update(then=3), "bad_argument",
     "/nodes/1/content/rules/rules/0/then"),
    (lambda d: d["nodes"][4].update(content={"first_response_seconds": {"high": -5}}), "bad_argument",
     "/nodes/4/content/first_response_seconds"),
    (lambda d: d["nodes"][4]["content"]["policies"][1].update(first_response_seconds=-5), "bad_argument",
     "/nodes/4/content/policies/1/first_response_seconds"),
    (lambda d: d["nodes"][4]["content"]["policies"][3].update(calendar="mars"), "unknown_calendar",
     "/nodes/4/content/policies/3/calendar"),
    (lambda d: d["nodes"][4]["content"]["select"]["rules"][0].update(then="gold"), "unknown_policy",
     "/nodes/4/content/select/rules/0/then"),
    (lambda d: d["nodes"][4]["content"]["policies"][0]["escalation"][1]["actions"][0].update(to=None),
     "bad_argument", "/nodes/4/content/policies/0/escalation/1/actions/0"),
    (lambda d: d["nodes"][5]["content"].update(requires_approval={"nope": [1]}), "unknown_operator",
     "/nodes/5/content/requires_approval"),
    (lambda d: d["nodes"][3]["content"]["queues"]["support"].update(strategy="cherry_pick"), "bad_argument",
     "/nodes/3/content/queues/support/strategy"),
    (lambda d: d["nodes"][3]["content"]["routing"]["rules"][2]["then"]["optional_skills"].update(billing=9),
     "bad_argument", "/nodes/3/content/routing/rules/2/then/optional_skills/billing"),
    (lambda d: d["nodes"][2]["content"].pop("needs_response"), "missing_rule", "/nodes/2/content/needs_response"),
    (lambda d: d["nodes"][6]["content"].update(reopen_window_seconds=-1), "bad_argument",
     "/nodes/6/content/reopen_window_seconds"),
    (lambda d: d["nodes"][6]["content"].update(reopen_window_seconds="4 days"), "bad_argument",
     "/nodes/6/content/reopen_window_seconds"),
    (lambda d: d["nodes"][6]["content"].update(reasons=["resolved", "ghosted"]), "bad_argument",
     "/nodes/6/content/reasons"),
])
def test_graph_and_content_errors_are_typed(mutate, code: str, path: str) -> None:  # type: ignore[no-untyped-def]
    doc = default_flow()
    mutate(doc)
    found = errors_of(doc)
    assert (code, path) in [(e["code"], e["path"]) for e in found], found
    assert len(found) == 1, found  # one mistake, one error: nothing spurious from skipped stages


def test_not_a_document_at_all() -> None:
    assert errors_of([1, 2])[0]["code"] == "bad_schema"


@pytest.mark.parametrize(("text", "needs", "priority", "tags"), [
    ("URGENT: the app is down and I can't log in", True, "urgent", ["help", "outage", "urgent"]),
    ("the app crashed again", True, "high", ["outage"]),
    ("I was overcharged on my invoice", True, "normal", ["billing"]),
    ("where is the nearest store?", True, "low", ["question"]),
    ("Love it, thanks!", False, "low", ["praise"]),
])
def test_default_flow_triage(text: str, needs: bool, priority: str, tags: list[str]) -> None:
    flow = compile_flow(default_flow())
    m = mention(text)
    found = flow.tag(m)
    triage = flow.triage(m, found)
    assert (triage.needs_response, triage.priority.value, found.keywords) == (needs, priority, tags)
    assert triage.evidence["flow_version"] == flow.version and triage.evidence["input"]["text"] == text


def test_a_rule_giving_no_known_priority_falls_back_and_says_so() -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["priority"] = {"cat": ["very ", "high"]}
    flow = compile_flow(doc)
    triage = flow.triage(mention("hello?"), flow.tag(mention("hello?")))
    assert triage.priority.value == "normal"
    assert triage.evidence["error"]["code"] == "bad_priority"
    assert triage.evidence["error"]["path"] == "/nodes/2/content/priority"


@pytest.mark.parametrize(("text", "team", "priority", "rule"), [
    ("I'm a reporter writing an article about your outage, comment?", "marketing", "high", "press-to-pr"),
    ("You charged me twice, this is the worst, I hate this, awful!", "support", "high", "angry-billing-first"),
    ("I was charged twice, please refund", "support", None, None),
])
def test_routing_is_a_first_match_rule_set_with_evidence(text: str, team: str, priority: str | None,
                                                          rule: str | None) -> None:
    flow = compile_flow(default_flow())
    m = mention(text)
    route = flow.route(m, flow.tag(m))
    assert (route.team_id, route.priority and route.priority.value) == (team, priority)
    assert route.evidence["matched"] == ([rule] if rule else [])
    assert route.evidence["flow_version"] == flow.version
    assert all("trace" in entry for entry in route.evidence["rules"])


def test_an_older_flow_with_one_fixed_team_still_compiles() -> None:
    doc = default_flow()
    doc["nodes"][3]["content"] = {"team_id": "support", "strategy": "round_robin"}
    flow = compile_flow(doc)
    m = mention("I'm a reporter")
    assert flow.route(m, flow.tag(m)).team_id == "support"


def test_triage_evidence_carries_each_rules_trace() -> None:
    flow = compile_flow(default_flow())
    m = mention("the app crashed again")
    evidence = flow.triage(m, flow.tag(m)).evidence
    assert evidence["trace"]["priority"]["result"] == "high"
    assert evidence["trace"]["needs_response"]["trace"], "a trace names the sub-expressions it evaluated"


def test_the_close_node_sets_the_reopen_window() -> None:
    doc = default_flow()
    assert compile_flow(doc).reopen_window_seconds == 4 * 24 * 3600
    close = next(n for n in doc["nodes"] if n["type"] == "close")
    close["content"] = {"reopen_window_seconds": 0}
    assert compile_flow(doc).reopen_window_seconds == 0  # never reopen: a new mention starts a new case
    close["content"] = {}
    assert compile_flow(doc).reopen_window_seconds == DEFAULT_REOPEN_WINDOW_SECONDS


def test_the_discovery_node_sets_threading_and_influence_and_rejects_bad_values_with_paths() -> None:
    doc = default_flow()
    index, discovery = next((i, n) for i, n in enumerate(doc["nodes"]) if n["type"] == "discovery")
    flow = compile_flow(doc)
    assert (flow.thread_window_seconds, flow.influencer_followers, flow.vip_authors) == (1800, 10_000, frozenset())
    discovery["content"] = {"thread_window_seconds": 0, "influencer_followers": 500, "vip_authors": ["@Boss"]}
    flow = compile_flow(doc)
    big = mention("hello").model_copy(update={"author": "@boss", "author_followers": 900, "author_verified": True})
    assert {"influencer", "verified", "vip"} <= set(flow.tag(big).keywords)
    assert not {"influencer", "verified", "vip"} & set(flow.tag(mention("hello")).keywords)
    discovery["content"] = {"thread_window_seconds": -1, "influencer_followers": "lots", "vip_authors": "@boss"}
    assert {e["path"] for e in errors_of(doc)} == {
        f"/nodes/{index}/content/{key}" for key in ("thread_window_seconds", "influencer_followers", "vip_authors")}


def test_regex_pattern_lists_tag_and_bad_or_hanging_patterns_are_refused_with_paths() -> None:
    doc = default_flow()
    index, node = next((i, n) for i, n in enumerate(doc["nodes"]) if n["type"] == "tag")
    node["content"]["patterns"] = {"order_number": ["#\\d{5}\\b", "order [A-Z]{2}-\\d+"]}
    flow = compile_flow(doc)
    assert "order_number" in flow.tag(mention("where is #12345 ?")).keywords
    assert "order_number" in flow.tag(mention("order AB-77 is late")).keywords
    assert "order_number" not in flow.tag(mention("where is #1234 ?")).keywords
    node["content"]["patterns"] = {"bad": ["(unclosed", "(a+)+$", 7]}
    assert [(e["path"], e["message"][:10]) for e in errors_of(doc)] == [
        (f"/nodes/{index}/content/patterns/bad/{i}", "bad regex:") for i in range(3)]


def test_keyword_topics_are_a_taxonomy_a_match_tags_every_level_above() -> None:
    doc = default_flow()
    node = next(n for n in doc["nodes"] if n["type"] == "tag")
    node["content"]["keywords"] = {"billing/refund/double_charge": ["charged twice"], "billing/invoice": ["invoice"],
                                   "delivery": ["parcel"]}
    flow = compile_flow(doc)
    tags = flow.tag(mention("I was charged twice, please fix the invoice")).keywords
    assert {"billing", "billing/refund", "billing/refund/double_charge", "billing/invoice"} <= set(tags)
    assert "delivery" not in tags
    assert not {"billing", "billing/refund"} & set(flow.tag(mention("where is my parcel")).keywords)


def _with_auto_reply(auto_reply: object) -> dict:
    doc = default_flow()
    doc["nodes"][2]["content"]["auto_reply"] = auto_reply
    return doc


def test_triage_decides_an_auto_reply_when_its_rule_holds_for_a_mention_needing_a_response() -> None:
    flow = compile_flow(_with_auto_reply({"when": {"in": ["billing", {"var": "tags"}]},
                                          "canned_reply_id": "refund-on-its-way"}))
    billing = mention("I was charged twice for my order, please refund")
    triage = flow.triage(billing, flow.tag(billing))
    assert (triage.needs_response, triage.auto_reply) == (True, "refund-on-its-way")
    assert triage.evidence["auto_reply_id"] == "refund-on-its-way"
    assert triage.evidence["trace"]["auto_reply"]["result"] is True
    # Needs a response, but the rule does not hold: no auto-reply; praise needs none, so none either.
    outage = mention("Is the app down? Nothing loads, help")
    assert flow.triage(outage, flow.tag(outage)).auto_reply is None
    praise = mention("Love the new app, thanks!")
    found = flow.triage(praise, flow.tag(praise))
    assert (found.needs_response, found.auto_reply) == (False, None)
    # A flow without auto_reply decides none.
    plain = compile_flow(default_flow())
    assert plain.triage(billing, plain.tag(billing)).auto_reply is None


def test_a_broken_auto_reply_is_rejected_with_the_path_to_the_bad_node() -> None:
    assert [(e["code"], e["path"]) for e in errors_of(_with_auto_reply(
        {"when": {"contians": [{"var": "text"}, "x"]}, "canned_reply_id": ""}))] == [
        ("bad_argument", "/nodes/2/content/auto_reply/canned_reply_id"),
        ("unknown_operator", "/nodes/2/content/auto_reply/when")]
    assert [(e["code"], e["path"]) for e in errors_of(_with_auto_reply({"canned_reply_id": "x"}))] == [
        ("missing_rule", "/nodes/2/content/auto_reply/when")]
    assert [(e["code"], e["path"]) for e in errors_of(_with_auto_reply("refund"))] == [
        ("bad_argument", "/nodes/2/content/auto_reply")]


def test_triage_decoded_from_an_older_history_has_no_auto_reply() -> None:
    from engine.models import Triage
    assert Triage.model_validate({"needs_response": True, "priority": "normal"}).auto_reply is None
