"""Schemathesis over the whole OpenAPI document against `switchboard up`, as each role: no request it
makes, valid or not, gets a server error. (The other checks of the issue's full run are measured by
hand for now; see the README's "What is not here yet".)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.auth.permissions import ROLE_PERMISSIONS, Role
from tests.harness.stack import UpProcess, start_up

pytestmark = pytest.mark.slow
SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")
USERS = {Role.admin: "admin", Role.ops_lead: "olivia", Role.supervisor: "sofia", Role.agent: "ada",
         Role.auditor: "audrey"}


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpProcess]:
    stack = start_up(tmp_path_factory.mktemp("fuzz") / "data")
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def tokens(up: UpProcess) -> dict[Role, str]:
    """An API token with all each role may do, made before any fuzzing: a run may log out, or lock a demo
    account by trying passwords on it, without ending the credentials the next run needs."""
    made = {}
    for role, user in USERS.items():
        with up.login(f"{user}@example.com") as http:
            scopes = sorted(p.value for p in ROLE_PERMISSIONS[role])
            answer = http.post("/api/tokens", json={"name": "fuzz", "scopes": scopes})
            assert answer.status_code == 201, answer.text
            made[role] = answer.json()["token"]
    return made


@pytest.mark.parametrize("role", list(USERS))
def test_no_request_gets_a_server_error(up: UpProcess, tokens: dict[Role, str], role: Role, tmp_path: Path) -> None:
    token = tokens[role]
    run = subprocess.run(
        [SCHEMATHESIS, "run", f"{up.base_url}/openapi.json", "-H", f"Authorization: Bearer {token}",
         "--checks", "not_a_server_error", "--max-examples", "3", "--seed", "1", "--workers", "1",
         "--exclude-path", "/api/auth/password"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)  # its cache stays out of the repository
    assert run.returncode == 0, run.stdout[-6000:]
    assert "generated" in run.stdout
