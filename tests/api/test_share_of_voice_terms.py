"""Share of voice's brand and competitor terms: the setting SWITCHBOARD_SHARE_OF_VOICE until an ops lead saves some
(analytics:manage), checked (blank, repeated or too many -> 422 naming the field), audited, and counted by
GET /api/analytics/mentions?metric=share_of_voice at once. Over test_analytics' scripted mentions: inbound m1 "Acme
is broken", m3 "acme and Globex both charged me", m4 "globex!" (m2 is ours)."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from store.audit import AuditEntry
from store.share_of_voice import MAX_COMPETITORS, MAX_TERMS
from tests.api.test_analytics import SINCE, UNTIL, scripted  # noqa: F401  (the fixture)
from tests.harness.cases import Stack, api_client, as_user, refused

TERMS = "/api/analytics/share-of-voice/terms"
SAVED = {"brand": {"name": " Acme ", "terms": ["acme"]},
         "competitors": [{"name": "Globex", "terms": ["globex"]}, {"name": "Broken Co", "terms": ["broken"]}]}
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def _shares(http) -> list[tuple[str, int, float | None]]:  # type: ignore[no-untyped-def]
    answer = await http.get("/api/analytics/mentions", params={"since": SINCE, "until": UNTIL,
                                                               "metric": "share_of_voice"})
    assert answer.status_code == 200, answer.text
    return [(row["name"], row["count"], row["value"]) for row in answer.json()["rows"]]


async def test_an_ops_lead_sets_the_terms_and_the_figures_follow(scripted: Stack) -> None:  # noqa: F811
    lead = as_user(scripted.engine, "olivia")
    async with api_client(scripted, share_of_voice={"Acme": ["acme"], "Globex": ["globex"]}) as http:
        # The setting is the default, its first name the brand.
        default = (await http.get(TERMS)).json()
        assert default["origin"] == "environment" and default["brand"] == {"name": "Acme", "terms": ["acme"]}
        assert default["competitors"] == [{"name": "Globex", "terms": ["globex"]}]
        assert await _shares(http) == [("Acme", 2, 0.5), ("Globex", 2, 0.5)]

        saved = await http.put(TERMS, json=SAVED, headers=lead)
        assert saved.status_code == 200, saved.text
        body = saved.json()
        assert (body["origin"], body["updated_by"], body["brand"]["name"]) == ("saved", "olivia", "Acme")
        # Acme m1, m3; Globex m3, m4; Broken Co m1: 5 matches.
        assert await _shares(http) == [("Acme", 2, 0.4), ("Globex", 2, 0.4), ("Broken Co", 1, 0.2)]
        # A supervisor reads them but may not change them.
        boss = as_user(scripted.engine, "sofia")
        assert (await http.get(TERMS, headers=boss)).json()["origin"] == "saved"
        assert (await http.put(TERMS, json=SAVED, headers=boss)).status_code == 403

        forgotten = await http.delete(TERMS, headers=lead)
        assert forgotten.status_code == 200 and forgotten.json()["origin"] == "environment"
        assert await _shares(http) == [("Acme", 2, 0.5), ("Globex", 2, 0.5)]
        again = await http.delete(TERMS, headers=lead)  # nothing saved any more: nothing changes
        assert again.status_code == 200 and again.json()["origin"] == "environment"

    with Session(scripted.engine) as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "analytics.share_of_voice")
                               .order_by(AuditEntry.id)).all()
    assert [(e.actor, e.before["origin"], e.after["origin"]) for e in entries] == [
        ("olivia", "environment", "saved"), ("olivia", "saved", "environment"),
        ("olivia", "environment", "environment")]
    assert [e.detail["was_saved"] for e in entries[1:]] == [True, False]
    assert entries[0].after["competitors"][1] == {"name": "Broken Co", "terms": ["broken"]}


async def test_blank_repeated_and_too_many_terms_are_refused(scripted: Stack) -> None:  # noqa: F811
    async with api_client(scripted) as http:
        assert (await http.get(TERMS)).json() == {"brand": None, "competitors": [], "origin": "none",
                                                  "updated_at": None, "updated_by": None}
        assert "ops lead" in refused(await http.get("/api/analytics/mentions", params={
            "since": SINCE, "until": UNTIL, "metric": "share_of_voice"}), 422, "metric")

        async def bad(body: dict, path: str) -> str:
            return refused(await http.put(TERMS, json=body), 422, path)

        brand = {"name": "Acme", "terms": ["acme"]}
        assert "blank" in await bad({"brand": {"name": "Acme", "terms": ["acme", "  "]}}, "brand.terms.1")
        assert "blank" in await bad({"brand": {"name": " ", "terms": ["acme"]}}, "brand.name")
        await bad({"brand": {"name": "Acme", "terms": []}}, "brand.terms")
        await bad({"brand": brand, "competitors": [{"name": "G", "terms": ["x" * 101]}]}, "competitors.0.terms.0")
        assert "twice" in await bad({"brand": {"name": "Acme", "terms": ["acme", "ACME"]}}, "brand.terms.1")
        assert "twice" in await bad({"brand": brand, "competitors": [
            {"name": "Globex", "terms": ["globex"]}, {"name": "Initech", "terms": ["Acme"]}]}, "competitors.1.terms.0")
        assert "twice" in await bad({"brand": brand, "competitors": [{"name": "acme", "terms": ["a2"]}]},
                                    "competitors.0.name")
        await bad({"brand": {"name": "Acme", "terms": [f"t{i}" for i in range(MAX_TERMS + 1)]}}, "brand.terms")
        await bad({"brand": brand, "competitors": [{"name": f"C{i}", "terms": [f"c{i}"]}
                                                   for i in range(MAX_COMPETITORS + 1)]}, "competitors")
        await bad({"competitors": []}, "brand")
        # Nothing was saved, nothing audited.
        assert (await http.get(TERMS)).json()["origin"] == "none"
    with Session(scripted.engine) as session:
        assert not session.exec(select(AuditEntry).where(AuditEntry.action == "analytics.share_of_voice")).all()
