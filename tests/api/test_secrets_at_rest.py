"""Nothing to steal: connector secrets sealed in the database, Temporal payloads sealed in its history,
and the codec that lets auditors read histories."""

from __future__ import annotations

import base64
import json
import stat
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from temporalio.api.common.v1 import Payload
from temporalio.client import Client

from api.errors import ApiError
from api.experts.links import LIFETIME, check_link, link_token
from api.security.codec import ENCODING, sealed_converter
from api.security.reseal import reseal_sources
from store.db import session_scope
from store.keys import KeyRing, KeyRingError, is_sealed, load_key_file
from store.sources import Source
from tests.harness.cases import TEST_KEYS, Stack, api_client, as_user, case_where, eventually, running_worker

SECRETS = {"access_token": "mastodon-secret-4471", "password": "imap-secret-8823",
           "smtp_password": "smtp-secret-5510", "hmac_secret": "hmac-secret-9934"}


def test_a_sealed_value_opens_only_with_its_ring_and_purpose() -> None:
    ring = KeyRing.generate()
    sealed = ring.seal(b"hunter2", purpose="connector-secret")
    assert is_sealed(sealed) and b"hunter2" not in sealed.encode()
    assert ring.open(sealed, purpose="connector-secret") == b"hunter2"
    assert sealed != ring.seal(b"hunter2", purpose="connector-secret")  # a fresh data key each time
    with pytest.raises(KeyRingError):
        ring.open(sealed, purpose="temporal-payload")  # one purpose's value is not another's
    with pytest.raises(KeyRingError):
        KeyRing.generate().open(sealed, purpose="connector-secret")
    tampered = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(KeyRingError):
        ring.open(tampered, purpose="connector-secret")
    rotated = ring.rotated()
    assert rotated.primary != ring.primary and rotated.open(sealed, purpose="connector-secret") == b"hunter2"
    assert rotated.sealed_by(rotated.seal(b"x", purpose="p")) == rotated.primary
    signature = ring.sign("expert-link:abc", purpose="links")
    assert rotated.verify("expert-link:abc", signature, purpose="links")
    assert not rotated.verify("expert-link:abd", signature, purpose="links")


def test_a_key_file_is_made_private_and_refused_when_it_is_not(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    made = load_key_file(path, create=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and load_key_file(path) == made
    path.chmod(0o644)
    with pytest.raises(KeyRingError, match="chmod 600"):
        load_key_file(path)
    with pytest.raises(KeyRingError, match="switchboard keys generate"):
        load_key_file(tmp_path / "missing.json")


async def _sources_with_secrets(http) -> None:  # type: ignore[no-untyped-def]
    run = uuid.uuid4().hex[:6]
    for body in (
        {"id": f"m-{run}", "kind": "mastodon", "enabled": False,
         "config": {"base_url": "https://social.example", "access_token": SECRETS["access_token"]}},
        {"id": f"e-{run}", "kind": "email", "enabled": False,
         "config": {"imap_host": "imap.example", "username": "care", "password": SECRETS["password"],
                    "smtp_host": "smtp.example", "smtp_password": SECRETS["smtp_password"],
                    "from_address": "care@example.com"}},
        {"id": f"w-{run}", "kind": "webhook", "config": {"hmac_secret": SECRETS["hmac_secret"]}},
    ):
        made = await http.post("/api/sources", json=body)
        assert made.status_code == 201, made.text
        assert not any(secret in made.text for secret in SECRETS.values())


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_connector_secrets_are_nowhere_in_the_database(stack: Stack) -> None:
    async with api_client(stack) as http:
        await _sources_with_secrets(http)
    if stack.engine.url.get_backend_name() == "sqlite":
        stack.engine.dispose()  # checkpoint nothing away: read the file and its write-ahead log as they are
        path = Path(stack.engine.url.database)
        raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    else:
        with stack.engine.connect() as connection:  # every row of every table, as text
            tables = [r[0] for r in connection.execute(text(
                "select tablename from pg_tables where schemaname = 'public'"))]
            raw = "".join(str(connection.execute(text(f'select t::text from "{t}" t')).all()) for t in tables).encode()
    assert raw, "nothing was read"
    for name, secret in SECRETS.items():
        assert secret.encode() not in raw, f"the {name} is stored in plaintext"


async def test_a_new_host_drops_the_stored_secret_unless_a_new_one_is_given(stack: Stack) -> None:
    source = f"m-{uuid.uuid4().hex[:6]}"
    async with api_client(stack) as http:
        await http.post("/api/sources", json={"id": source, "kind": "mastodon", "enabled": False, "config": {
            "base_url": "https://social.example", "access_token": SECRETS["access_token"]}})
        kept = await http.patch(f"/api/sources/{source}", json={"config": {
            "base_url": "https://social.example/", "access_token": "********", "poll_seconds": 30}})
        assert kept.status_code == 200, kept.text  # the same host, written another way: the secret stays
        moved = await http.patch(f"/api/sources/{source}", json={"config": {
            "base_url": "https://evil.example", "access_token": "********"}})
        assert moved.status_code == 409 and moved.json()["detail"]["path"] == "config.access_token"  # the stored one
        assert "base_url changed; give them again" in moved.json()["detail"]["message"]
        given = await http.patch(f"/api/sources/{source}", json={"config": {
            "base_url": "https://other.example", "access_token": "a-new-token"}})
        assert given.status_code == 200 and given.json()["config"]["access_token"] == "********"
    with session_scope(stack.engine, write=False) as session:
        stored = session.get(Source, source).config
    assert stored["base_url"] == "https://other.example/"
    assert TEST_KEYS.open(stored["access_token"], purpose="connector-secret") == b"a-new-token"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_plaintext_secrets_from_before_are_sealed_and_rotation_reseals(stack: Stack) -> None:
    with session_scope(stack.engine) as session:
        session.add(Source(id="legacy", kind="mastodon", enabled=False,
                           config={"base_url": "https://social.example/", "access_token": "old-plaintext"}))
    assert reseal_sources(engine=stack.engine, keys=TEST_KEYS) >= 1
    with session_scope(stack.engine, write=False) as session:
        sealed = session.get(Source, "legacy").config["access_token"]
    assert TEST_KEYS.sealed_by(sealed) == TEST_KEYS.primary
    rotated = TEST_KEYS.rotated()
    assert reseal_sources(engine=stack.engine, keys=rotated) >= 1
    assert reseal_sources(engine=stack.engine, keys=rotated) == 0  # nothing left under the old key
    with session_scope(stack.engine, write=False) as session:
        resealed = session.get(Source, "legacy").config["access_token"]
    assert rotated.sealed_by(resealed) == rotated.primary
    assert rotated.open(resealed, purpose="connector-secret") == b"old-plaintext"


@pytest.mark.parametrize("database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
async def test_temporal_holds_only_sealed_payloads_and_auditors_read_them_through_the_codec(
        dev_server_env, seeded_engine) -> None:  # type: ignore[no-untyped-def]
    plain = dev_server_env.client
    sealed = await Client.connect(plain.service_client.config.target_host, namespace=plain.namespace,
                                  data_converter=sealed_converter(TEST_KEYS))
    words = f"my card number ends in {uuid.uuid4().hex[:8]}, I was charged twice, refund please"
    async with running_worker(sealed, seeded_engine) as task_queue:
        stack = Stack(sealed, seeded_engine, task_queue)
        case_id = await stack.ingest(text=words)
        row = await eventually(lambda: case_where(seeded_engine, case_id, status="assigned"), what="assignment")
        async def recorded():  # type: ignore[no-untyped-def]
            # The read side is written inside the workflow task; its decisions land in history when it completes.
            fetched = await plain.get_workflow_handle(row.workflow_id).fetch_history()
            return fetched if any(e.HasField("marker_recorded_event_attributes") for e in fetched.events) else None

        history = await eventually(recorded, what="the workflow task's markers in history")
        payloads = [p for event in history.events for p in _payloads(event)]
        assert payloads, "the history carries no payloads"
        sealed_ones = [p for p in payloads if p.metadata["encoding"] == ENCODING]
        # Temporal's own bookkeeping of local activities (which one, when) is the only thing left unsealed.
        bookkeeping = [json.loads(p.data) for p in payloads if p.metadata["encoding"] != ENCODING]
        assert len(sealed_ones) >= 2, payloads  # at least the start's decision and the first save of the case
        assert all(set(b) <= {"seq", "attempt", "activity_id", "activity_type", "complete_time", "backoff",
                               "original_schedule_time", "activation_index"}
                   for b in bookkeeping), bookkeeping
        assert all(b"charged twice" not in e.SerializeToString() for e in history.events)  # nowhere at all
        assert b"charged twice" not in b"".join(p.data for p in payloads)

        started = next(p for p in payloads)
        body = {"payloads": [{"metadata": {k: base64.b64encode(v).decode() for k, v in started.metadata.items()},
                              "data": base64.b64encode(started.data).decode()}]}
        async with api_client(stack) as http:
            agent = await http.post("/api/codec/decode", json=body, headers=as_user(seeded_engine, "ada"))
            assert agent.status_code == 403 and "histories:decode" in agent.json()["detail"]["message"]
            decoded = await http.post("/api/codec/decode", json=body, headers=as_user(seeded_engine, "audrey"))
            assert decoded.status_code == 200, decoded.text
            out = decoded.json()["payloads"][0]
            assert base64.b64decode(out["metadata"]["encoding"]) == b"json/plain"
            assert words in json.dumps(json.loads(base64.b64decode(out["data"])))
        await sealed.get_workflow_handle(row.workflow_id).terminate("test over")


def _payloads(message):  # type: ignore[no-untyped-def]
    """Every Payload anywhere in a history event (inputs, results, markers of local activities, updates...)."""
    if isinstance(message, Payload):
        yield message
        return
    for field, value in message.ListFields():
        if field.message_type is None:
            continue
        if field.message_type.GetOptions().map_entry:
            items = [v for v in value.values() if hasattr(v, "ListFields")]
        elif field.is_repeated:
            items = list(value)
        else:
            items = [value]
        for item in items:
            yield from _payloads(item)


def test_an_expert_link_expires_and_survives_a_key_rotation() -> None:
    asked = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    token, expires = link_token(TEST_KEYS, "req-1", asked)
    assert expires == asked + LIFETIME
    check_link(TEST_KEYS, "req-1", token, asked + timedelta(days=13))
    check_link(TEST_KEYS.rotated(), "req-1", token, asked)  # signed by an older key of the ring
    stretched = f"{int(expires.timestamp()) + 86400}.{token.split('.', 1)[1]}"  # a later expiry, same signature
    for ring, request_id, link, at, code in (
            (TEST_KEYS, "req-2", token, asked, "link_invalid"),  # another request
            (TEST_KEYS, "req-1", token, expires, "link_expired"),
            (TEST_KEYS, "req-1", stretched, asked, "link_invalid"),
            (KeyRing.generate(), "req-1", token, asked, "link_invalid"),  # another deployment's key
            (TEST_KEYS, "req-1", None, asked, "link_missing")):
        with pytest.raises(ApiError) as refused:
            check_link(ring, request_id, link, at)
        assert refused.value.code == code


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_lists_are_not_sorted_by_secrets_or_documents(stack: Stack) -> None:
    """The order of rows would leak what a sealed secret or a JSON document holds, a bit at a time."""
    async with api_client(stack) as http:
        for resource, field in (("sources", "config"), ("cases", "notes"), ("users", "password_hash"),
                                ("tokens", "secret_hash"), ("users", "totp_secret")):
            refused = await http.get(f"/api/{resource}", params={"sort": json.dumps([field, "ASC"])})
            assert refused.status_code == 400 and refused.json()["detail"]["path"] == "sort", (resource, field)
            assert field not in refused.json()["detail"]["message"].split("use one of:")[1]
        by_name = await http.get("/api/sources", params={"sort": json.dumps(["name", "DESC"])})
        assert by_name.status_code == 200
