"""Accounts, logins, sessions and API tokens through the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from sqlmodel import Session, select

from api.demo import DEMO_PASSWORD
from store.accounts import ApiToken, User, UserSession
from tests.harness.cases import Stack, api_client, as_user

NEW_PASSWORD = "a brand new passphrase 7"


async def _login(http, email: str, password: str = DEMO_PASSWORD):  # type: ignore[no-untyped-def]
    return await http.post("/api/auth/login", json={"email": email, "password": password})


async def test_a_login_answers_a_session_that_me_and_logout_use(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        answer = await _login(http, "Sofia@Example.com")
        assert answer.status_code == 200, answer.text
        cookie = answer.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie  # plain http here
        token = answer.json()["token"]
        me = (await http.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})).json()
        assert (me["id"], me["role"], me["teams"], me["agent_id"]) == ("sofia", "supervisor", [], "sofia")
        assert {"cases:approve", "cases:takeover", "cases:transfer"} <= set(me["permissions"])
        with Session(stack.engine) as session:  # only the token's digest is stored
            assert session.get(UserSession, token) is None and session.exec(select(UserSession)).first() is not None
        out = await http.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
        assert out.status_code == 204 and 'switchboard_session=""' in out.headers["set-cookie"]
        again = await http.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert again.status_code == 401 and again.json()["detail"]["code"] == "not_authenticated"


async def test_me_tells_those_who_may_read_histories_where_the_temporal_ui_is(stack: Stack) -> None:
    async with api_client(stack, user=None, temporal_ui_origin="http://127.0.0.1:8233/") as http:
        for user, url in (("audrey", "http://127.0.0.1:8233"), ("admin", "http://127.0.0.1:8233"), ("ada", None),
                          ("olivia", None)):
            me = (await http.get("/api/auth/me", headers=as_user(stack.engine, user))).json()
            assert (me["temporal_ui_url"], me["temporal_namespace"]) == (url, url and "default"), user
    # Its own address when it is served under a path; none when the API does not know it.
    async with api_client(stack, user="audrey", temporal_ui_origin="https://ops.example",
                          temporal_ui_url="https://ops.example/temporal") as http:
        assert (await http.get("/api/auth/me")).json()["temporal_ui_url"] == "https://ops.example/temporal"
    async with api_client(stack, user="audrey") as http:
        assert (await http.get("/api/auth/me")).json()["temporal_ui_url"] is None


async def test_wrong_passwords_lock_the_account_with_backoff(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        unknown = await _login(http, "nobody@example.com")
        wrong = await _login(http, "grace@example.com", "not her password")
        assert unknown.status_code == wrong.status_code == 401
        assert unknown.json()["detail"]["message"] == wrong.json()["detail"]["message"]  # no user enumeration
        for _ in range(4):
            await _login(http, "grace@example.com", "not her password")
        locked = await _login(http, "grace@example.com")  # even the right password waits
        assert locked.status_code == 429 and locked.json()["detail"]["code"] == "locked"
        assert 1 <= int(locked.headers["retry-after"]) <= 31
        with Session(stack.engine) as session:
            grace = session.get(User, "grace")
            grace.locked_until = datetime.now(UTC) - timedelta(seconds=1)
            session.add(grace)
            session.commit()
        again = await _login(http, "grace@example.com", "still wrong")  # past the limit, each failure doubles it
        assert again.status_code == 401
        relocked = await _login(http, "grace@example.com")
        assert relocked.status_code == 429 and int(relocked.headers["retry-after"]) > 31


async def test_sessions_end_after_inactivity_and_after_their_maximum(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        idle = (await _login(http, "ada@example.com")).json()["token"]
        old = (await _login(http, "ada@example.com")).json()["token"]
        now = datetime.now(UTC)
        with Session(stack.engine) as session:
            rows = session.exec(select(UserSession).where(UserSession.user_id == "ada")).all()
            by_age = sorted(rows, key=lambda r: r.created_at)[-2:]
            by_age[0].last_seen_at = now - timedelta(minutes=31)  # the first: unused for over 30 minutes
            by_age[1].expires_at = now - timedelta(seconds=1)  # the second: past its 12 hours
            session.add_all(by_age)
            session.commit()
        for token, why in ((idle, "inactivity"), (old, "maximum length")):
            answer = await http.get("/api/cases", headers={"Authorization": f"Bearer {token}"})
            assert answer.status_code == 401 and answer.json()["detail"]["code"] == "session_expired"
            assert why in answer.json()["detail"]["message"]


async def test_passwords_follow_the_policy(stack: Stack) -> None:
    async with api_client(stack) as http:
        for password, why in (("short", "at least 12 characters"), ("1qaz2wsx3edc", "common breached"),
                              ("Longname12345", "the account's email")):
            refused = await http.post("/api/users", json={"email": "longname12345@example.com", "role": "agent",
                                                          "teams": ["support"], "password": password})
            assert refused.status_code == 422 and why in refused.json()["detail"]["message"], refused.text
        weak = await http.post("/api/users", json={"email": "new@example.com", "role": "agent", "teams": ["support"],
                                                   "password": "password1234"})
        assert weak.status_code == 422 and weak.json()["detail"]["path"] == "password"
        assert "common breached" in weak.json()["detail"]["message"]
        created = await http.post("/api/users", json={"email": "New@Example.com", "role": "agent",
                                                      "teams": ["support"], "password": NEW_PASSWORD})
        assert created.status_code == 201, created.text
        assert created.json()["email"] == "new@example.com" and "password_hash" not in created.json()
        assert (await http.get("/api/agents/new")).status_code == 200  # an agent works cases: their profile exists
        no_team = await http.post("/api/users", json={"email": "x@example.com", "role": "agent",
                                                      "password": NEW_PASSWORD})
        assert no_team.status_code == 422 and no_team.json()["detail"]["path"] == "teams"
        assert "works for a team" in no_team.json()["detail"]["message"]
        nowhere = await http.post("/api/users", json={"email": "x@example.com", "role": "agent", "teams": ["nope"],
                                                      "password": NEW_PASSWORD})
        assert nowhere.status_code == 404 and nowhere.json()["detail"]["path"] == "teams"

        me = as_user(stack.engine, "new")
        reuse = await http.post("/api/auth/password", headers=me,
                                json={"current_password": NEW_PASSWORD, "new_password": NEW_PASSWORD})
        assert reuse.status_code == 422 and "used recently" in reuse.json()["detail"]["message"]
        changed = await http.post("/api/auth/password", headers=me,
                                  json={"current_password": NEW_PASSWORD, "new_password": "yet another passphrase"})
        assert changed.status_code == 204
        assert (await http.get("/api/auth/me", headers=me)).status_code == 401  # every session ended
        assert (await _login(http, "new@example.com", "yet another passphrase")).status_code == 200

        # An admin's new password for someone: refused on its own (422), or only for this account (409).
        common = await http.patch("/api/users/new", json={"password": "1qaz2wsx3edc"})
        assert (common.status_code, common.json()["detail"]["code"]) == (422, "weak_password")
        recent = await http.patch("/api/users/new", json={"password": NEW_PASSWORD})
        assert (recent.status_code, recent.json()["detail"]["code"]) == (409, "password_conflict")
        assert "used recently" in recent.json()["detail"]["message"] and recent.json()["detail"]["path"] == "password"
        own_name = await http.patch("/api/users/new", json={"password": "New@example.com"})
        assert own_name.status_code == 409 and "email or its name" in own_name.json()["detail"]["message"]


async def test_a_disabled_user_is_out_at_once(stack: Stack) -> None:
    async with api_client(stack) as http:
        linus = as_user(stack.engine, "linus")
        assert (await http.get("/api/cases", headers=linus)).status_code == 200
        own = await http.patch("/api/users/admin", json={"disabled": True})
        assert own.status_code == 409 and own.json()["detail"]["code"] == "own_account"
        assert (await http.patch("/api/users/linus", json={"disabled": True})).status_code == 200
        assert (await http.get("/api/cases", headers=linus)).status_code == 401
        assert (await _login(http, "linus@example.com")).status_code == 401


async def test_api_tokens_are_scoped_shown_once_stored_hashed_and_revocable(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        ada = as_user(stack.engine, "ada")
        too_much = await http.post("/api/tokens", headers=ada, json={"name": "x", "scopes": ["cases:approve"]})
        assert too_much.status_code == 403 and too_much.json()["detail"]["path"] == "scopes/0"
        bad = await http.post("/api/tokens", headers=ada, json={"name": "x", "scopes": ["root"]})
        assert bad.status_code == 422 and "is not a scope" in bad.json()["detail"]["message"]
        made = await http.post("/api/tokens", headers=ada, json={"name": "my dashboard", "scopes": ["read:cases"]})
        assert made.status_code == 201, made.text
        token, token_id = made.json()["token"], made.json()["id"]
        bearer = {"Authorization": f"Bearer {token}"}
        assert (await http.get("/api/cases", headers=bearer)).status_code == 200
        refused = await http.get("/api/mentions", headers=bearer)
        assert refused.status_code == 403 and "this token does not allow" in refused.json()["detail"]["message"]
        mine = (await http.get("/api/tokens", headers=ada)).json()
        assert [t["id"] for t in mine] == [token_id] and "token" not in mine[0] and "secret_hash" not in mine[0]
        assert (await http.post("/api/tokens", headers=bearer, json={"name": "y", "scopes": ["read:cases"]})
                ).status_code == 403  # a token cannot mint tokens
        with Session(stack.engine) as session:
            row = session.get(ApiToken, token_id)
            assert row is not None and token.split("_", 2)[2] not in row.secret_hash
        other = as_user(stack.engine, "grace")
        assert (await http.delete(f"/api/tokens/{token_id}", headers=other)).status_code == 404
        assert (await http.delete(f"/api/tokens/{token_id}", headers=ada)).status_code == 200
        revoked = await http.get("/api/cases", headers=bearer)
        assert revoked.status_code == 401 and revoked.json()["detail"]["code"] == "token_revoked"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_no_password_or_token_is_in_the_database_file(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        session_token = (await _login(http, "ada@example.com")).json()["token"]
        api_token = (await http.post("/api/tokens", headers=as_user(stack.engine, "ada"),
                                     json={"name": "t", "scopes": ["read:cases"]})).json()["token"]
    stack.engine.dispose()
    raw = stack.engine.url.database
    blob = b"".join(open(path, "rb").read() for path in (raw, raw + "-wal") if _exists(path))
    for secret in (DEMO_PASSWORD, session_token, api_token, api_token.split("_", 2)[2]):
        assert secret.encode() not in blob, secret


def _exists(path: str) -> bool:
    try:
        open(path, "rb").close()
        return True
    except OSError:
        return False


async def test_a_second_factor_is_enrolled_then_asked_for_and_each_code_works_once(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        maya = as_user(stack.engine, "maya")
        setup = await http.post("/api/auth/totp", headers=maya)
        assert setup.status_code == 200 and setup.json()["uri"].startswith("otpauth://totp/Switchboard:")
        totp = pyotp.TOTP(setup.json()["secret"])
        wrong = await http.post("/api/auth/totp/confirm", headers=maya, json={"code": "000000"})
        assert wrong.status_code == 422 and wrong.json()["detail"]["path"] == "code"
        assert (await http.post("/api/auth/totp/confirm", headers=maya, json={"code": totp.now()})).status_code == 204
        with Session(stack.engine) as session:
            sealed = session.get(User, "maya").totp_secret
        assert sealed.startswith("sb1:") and setup.json()["secret"] not in sealed

        asked = await _login(http, "maya@example.com")
        assert asked.status_code == 401 and asked.json()["detail"]["code"] == "totp_required"
        bad = await http.post("/api/auth/login", json={"email": "maya@example.com", "password": DEMO_PASSWORD,
                                                       "totp": "123456" if totp.now() != "123456" else "654321"})
        assert bad.status_code == 401 and bad.json()["detail"]["code"] == "bad_totp"
        code = totp.at(datetime.now(UTC) + timedelta(seconds=30))  # the next step's code (clock drift is allowed)
        ok = await http.post("/api/auth/login", json={"email": "maya@example.com", "password": DEMO_PASSWORD,
                                                      "totp": code})
        assert ok.status_code == 200 and ok.json()["user"]["second_factor"] is True
        replayed = await http.post("/api/auth/login", json={"email": "maya@example.com", "password": DEMO_PASSWORD,
                                                            "totp": code})
        assert replayed.status_code == 401 and replayed.json()["detail"]["code"] == "bad_totp"

        reset = await http.patch("/api/users/maya", json={"reset_second_factor": True},
                                 headers=as_user(stack.engine, "admin"))
        assert reset.status_code == 200 and reset.json()["second_factor"] is False
        assert (await _login(http, "maya@example.com")).status_code == 200


async def test_a_role_that_must_use_a_second_factor_can_do_nothing_before_enrolling(stack: Stack) -> None:
    async with api_client(stack, user=None, totp_required_roles="supervisor") as http:
        sofia = {"Authorization": f"Bearer {(await _login(http, 'sofia@example.com')).json()['token']}"}
        me = (await http.get("/api/auth/me", headers=sofia)).json()
        assert me["second_factor_required"] is True and me["second_factor"] is False
        blocked = await http.get("/api/cases", headers=sofia)
        assert blocked.status_code == 403 and blocked.json()["detail"]["code"] == "second_factor_required"
        secret = (await http.post("/api/auth/totp", headers=sofia)).json()["secret"]
        confirmed = await http.post("/api/auth/totp/confirm", headers=sofia, json={"code": pyotp.TOTP(secret).now()})
        assert confirmed.status_code == 204
        assert (await http.get("/api/cases", headers=sofia)).status_code == 200
        assert (await http.get("/api/cases", headers=as_user(stack.engine, "ada"))).status_code == 200  # agents: no


async def test_using_a_session_keeps_it_alive(stack: Stack) -> None:
    async with api_client(stack, user=None) as http:
        token = (await _login(http, "grace@example.com")).json()["token"]
        with Session(stack.engine) as session:
            row = session.exec(select(UserSession).where(UserSession.user_id == "grace")).one()
            row.last_seen_at = datetime.now(UTC) - timedelta(minutes=29)  # a minute short of the idle limit
            session.add(row)
            session.commit()
        assert (await http.get("/api/cases", headers={"Authorization": f"Bearer {token}"})).status_code == 200
        with Session(stack.engine) as session:
            seen = session.exec(select(UserSession).where(UserSession.user_id == "grace")).one().last_seen_at
        assert datetime.now(UTC) - seen < timedelta(minutes=1)  # the idle clock started again


async def test_user_changes_and_token_expiries_are_checked_like_new_ones(stack: Stack) -> None:
    async with api_client(stack) as http:
        unknown = await http.patch("/api/users/ada", json={"teams": ["nope"]})  # named, but not there
        assert unknown.status_code == 404 and unknown.json()["detail"]["path"] == "teams"
        assert unknown.json()["detail"]["code"] == "unknown_team" and "'nope'" in unknown.json()["detail"]["message"]
        no_team = await http.patch("/api/users/audrey", json={"role": "agent"})  # her stored teams: none
        assert no_team.status_code == 409 and "works for a team" in no_team.json()["detail"]["message"]
        assert no_team.json()["detail"]["path"] == "teams"
        emptied = await http.patch("/api/users/ada", json={"teams": []})  # ada is an agent
        assert emptied.status_code == 409 and emptied.json()["detail"]["code"] == "agent_needs_team"
        said = await http.patch("/api/users/audrey", json={"role": "agent", "teams": []})  # the body alone says it
        assert said.status_code == 422 and said.json()["detail"]["path"] == "teams"
        promoted = await http.patch("/api/users/audrey", json={"role": "agent", "teams": ["marketing"]})
        assert promoted.status_code == 200 and promoted.json()["teams"] == ["marketing"]
        assert (await http.get("/api/agents/audrey")).json()["team_id"] == "marketing"  # she now works cases
        naive = await http.post("/api/tokens", json={"name": "t", "scopes": ["read:cases"], "expires_at": "2999-01-01"})
        assert naive.status_code == 422 and naive.json()["detail"]["path"] == "expires_at"
        assert "timezone" in naive.json()["detail"]["message"]
        past = await http.post("/api/tokens", json={"name": "t", "scopes": ["read:cases"],
                                                    "expires_at": "2001-01-01T00:00:00Z"})
        assert past.status_code == 422 and past.json()["detail"]["path"] == "expires_at"
