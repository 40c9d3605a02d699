"""The fields a flow's rules read, checked against the data each stage is given; the teams it names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from api.demo import default_flow
from engine.flows import compile_flow, validate_flow
from engine.flows.compiled import InvalidFlow
from engine.flows.data import APPROVAL_FIELDS, CASE_FACTS, RULE_FIELDS, approval_data, case_facts, rule_context
from engine.flows.references import team_references
from engine.models import Mention, Tags

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
NEEDS = "/nodes/2/content/needs_response"


def errors_of(document: object) -> list[dict[str, str]]:
    with pytest.raises(InvalidFlow) as raised:
        compile_flow(document)
    return [e.to_dict() for e in raised.value.errors]


def with_needs_response(rule: Any) -> dict[str, Any]:
    doc = default_flow()
    doc["nodes"][2]["content"]["needs_response"] = rule
    return doc


def test_the_demo_flow_reads_only_fields_its_stages_are_given() -> None:
    compile_flow(default_flow())


def test_a_misspelled_field_is_an_error_at_its_var_node_with_the_closest_name() -> None:
    doc = default_flow()
    doc["nodes"][2]["content"]["needs_response"]["or"][1]["in"][1] = {"var": "tagz"}
    [error] = errors_of(doc)
    assert error["code"] == "unknown_field" and error["path"] == f"{NEEDS}/or/1/in/1"
    assert error["message"].startswith("'tagz' is not a field rules of the triage stage see; did you mean 'tags'? ")
    assert "Fields: author, direction, followers" in error["message"]


def test_inside_some_the_inner_rule_reads_the_item_and_is_not_checked() -> None:
    doc = default_flow()
    some = doc["nodes"][2]["content"]["needs_response"]["or"][2]["some"]
    assert some[1]["in"][0] == {"var": ""}  # the demo's own rule: each tag, as the data
    some[1] = {"==": [{"var": "label"}, "billing"]}  # a field of the item, not of the mention
    compile_flow(doc)
    some[0] = {"var": "tagz"}  # what `some` walks over is read from the mention: checked
    assert [(e["code"], e["path"]) for e in errors_of(doc)] == [("unknown_field", f"{NEEDS}/or/2/some/0")]


@pytest.mark.parametrize("op", ["map", "filter", "all", "none", "some"])
def test_every_item_scoped_operator_checks_its_list_and_not_its_inner_rule(op: str) -> None:
    doc = with_needs_response({op: [{"var": "tgs"}, {"var": "anything.at.all"}]})
    assert [e["path"] for e in errors_of(doc)] == [f"{NEEDS}/{op}/0"]


def test_reduce_checks_its_list_and_initial_value_not_its_inner_rule() -> None:
    doc = with_needs_response({"reduce": [{"var": "tags"}, {"+": [{"var": "current"}, {"var": "accumulator"}]},
                                          {"var": "folowers"}]})
    [error] = errors_of(doc)
    assert error["path"] == f"{NEEDS}/reduce/2" and "did you mean 'followers'?" in error["message"]


def test_a_dotted_path_is_checked_by_its_first_segment_in_the_mentions_fields() -> None:
    compile_flow(with_needs_response({"==": [{"var": "tags.0"}, "billing"]}))
    [error] = errors_of(with_needs_response({"==": [{"var": "tagz.0"}, "billing"]}))
    assert error["path"] == f"{NEEDS}/==/0" and "in 'tagz.0', 'tagz' is not a field" in error["message"]


def test_the_approval_rule_is_checked_into_the_objects_it_is_given() -> None:
    doc = default_flow()
    approval = doc["nodes"][5]["content"]["requires_approval"]["or"]
    approval[1]["in"][1] = {"var": "case.tags.0"}  # tags is a list: what is inside is not checked
    compile_flow(doc)
    approval[0]["=="][0] = {"var": "agent.seniorty"}
    [error] = errors_of(doc)
    assert error["path"] == "/nodes/5/content/requires_approval/or/0/==/0"
    assert error["message"] == ("in 'agent.seniorty', 'seniorty' is not a field of 'agent'; did you mean "
                                "'seniority'? Fields: id, roles, seniority, team_id")


def test_a_computed_name_is_skipped_but_what_computes_it_is_checked() -> None:
    compile_flow(with_needs_response({"var": {"cat": ["ta", "gz"]}}))
    compile_flow(with_needs_response({"var": [""]}))  # the whole data
    assert [e["path"] for e in errors_of(with_needs_response({"var": {"var": "langauge"}}))] == [f"{NEEDS}/var"]


def test_a_vars_default_is_a_rule_of_the_stage() -> None:
    assert [e["path"] for e in errors_of(with_needs_response({"var": ["text", {"var": "txt"}]}))] == [f"{NEEDS}/var/1"]


def test_missing_and_missing_some_name_fields() -> None:
    compile_flow(with_needs_response({"missing": ["text", "author"]}))
    assert [e["path"] for e in errors_of(with_needs_response({"missing": ["text", "auther"]}))] == \
        [f"{NEEDS}/missing/1"]
    assert [e["path"] for e in errors_of(with_needs_response({"missing": [["txt"]]}))] == [f"{NEEDS}/missing/0/0"]
    assert [e["path"] for e in errors_of(with_needs_response({"missing_some": [1, ["text", "lang"]]}))] == \
        [f"{NEEDS}/missing_some/1/1"]


def test_each_stage_is_checked_against_its_own_data() -> None:
    doc = default_flow()
    doc["nodes"][1]["content"]["rules"]["rules"][0]["when"] = {"<": [{"var": "sentimant"}, 0]}
    doc["nodes"][3]["content"]["routing"]["rules"][0]["when"] = {"in": ["press", {"var": "team_id"}]}
    doc["nodes"][4]["content"]["select"]["rules"][0]["when"] = {"==": [{"var": "team_id"}, "support"]}
    doc["nodes"][4]["content"]["select"]["rules"][1]["when"] = {"==": [{"var": "text"}, "x"]}
    found = {e["path"]: e["message"] for e in errors_of(doc)}
    assert set(found) == {"/nodes/1/content/rules/rules/0/when/</0", "/nodes/3/content/routing/rules/0/when/in/1",
                          "/nodes/4/content/select/rules/1/when/==/0"}
    assert "rules of the tag stage see; did you mean 'sentiment'?" in found["/nodes/1/content/rules/rules/0/when/</0"]
    assert "'text' is not a field rules of the sla stage see; Fields: author, channel" in \
        found["/nodes/4/content/select/rules/1/when/==/0"]


def test_each_schema_is_the_keys_of_the_data_its_stage_is_built() -> None:
    mention = Mention(id="t:1", source="t", external_id="1", conversation_id="t:1", author="@a", text="hi",
                      created_at=NOW, received_at=NOW)
    assert set(rule_context(mention, Tags())) == set(RULE_FIELDS)
    facts = case_facts(priority="high", channel="t", tags=[], sentiment=0.0, team_id="support", author="@a",
                       status="open", escalation_level=0)
    assert set(facts) == set(CASE_FACTS)
    data = approval_data(case=facts, agent_id="ada", seniority="junior", roles=["agent"], team_id="support", text="x")
    assert {key: set(value) for key, value in data.items()} == \
        {key: set(schema or ()) for key, schema in APPROVAL_FIELDS.items()}


def test_sla_policies_and_calendars_that_do_not_exist_say_which_do() -> None:
    doc = default_flow()
    doc["nodes"][4]["content"]["select"]["default"] = "norml"
    doc["nodes"][4]["content"]["policies"][3]["calendar"] = "suport_hours"
    found = {e["path"]: e for e in errors_of(doc)}
    assert found["/nodes/4/content/select/default"]["message"] == \
        "no policy 'norml'; did you mean 'normal'? Policies: high, low, normal, urgent"
    assert found["/nodes/4/content/policies/3/calendar"]["message"] == \
        "no calendar 'suport_hours' in calendars; did you mean 'support_hours'? Calendars: support_hours"


def test_every_team_the_flow_names_is_listed_with_its_path() -> None:
    doc, _ = validate_flow(default_flow())
    assert doc is not None
    assert sorted(team_references(doc)) == sorted([
        ("escalations", "/nodes/3/content/routing/rules/0/then/team_id"),
        ("marketing", "/nodes/3/content/routing/rules/1/then/team_id"),
        ("support", "/nodes/3/content/routing/rules/2/then/team_id"),
        ("support", "/nodes/3/content/routing/rules/3/then/team_id"),
        ("support", "/nodes/3/content/routing/default/team_id"),
        ("support", "/nodes/3/content/queues/support"),
        ("marketing", "/nodes/3/content/queues/marketing"),
        ("escalations", "/nodes/3/content/queues/escalations"),
        ("escalations", "/nodes/4/content/policies/0/escalation/1/actions/0/to"),
    ])
