"""Schemathesis over the whole OpenAPI document against `switchboard up`, as each role, with all of its
checks: no request it makes, valid or not, gets a server error; every answer is documented (status,
content type, headers, schema); every schema-valid request is taken (or refused only for want of a right
or of something that exists: 401, 403, 404, 409); every schema-violating one is refused; and the
document's references resolve."""

from __future__ import annotations

import re
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
SEEDS = {role: seed for seed, role in enumerate(USERS, start=1)}  # fixed, so a run can be repeated
# The coverage phase (every schema's boundaries: ~7,000 requests, 80 s) runs as the admin, who may do everything;
# the other roles fuzz and follow links, where what matters is that their refusals are documented and shaped.
PHASES = {role: "coverage,fuzzing,stateful" if role is Role.admin else "fuzzing,stateful" for role in USERS}
CONFIG = Path(__file__).with_name("schemathesis.toml")


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
@pytest.mark.timeout(660)  # schemathesis' own limit is 600 s; the admin's run takes about 130 s on an idle machine
def test_the_api_keeps_to_its_openapi_document(up: UpProcess, tokens: dict[Role, str], role: Role,
                                               tmp_path: Path) -> None:
    token = tokens[role]
    run = subprocess.run(
        [SCHEMATHESIS, "--config-file", str(CONFIG), "run", f"{up.base_url}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--checks", "all", "--phases", PHASES[role],
         "--max-examples", "5", "--seed", str(SEEDS[role]), "--workers", "1", "--generation-database", "none"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)  # its cache stays out of the repository
    assert run.returncode == 0, found(run.stdout)
    assert "generated" in run.stdout


def found(report: str) -> str:
    """What each failure was and where, without the (sometimes enormous) requests that show it."""
    keep = re.compile(r"^(_{3,} .+ _{3,}|- ST\d+ .+|\[\d{3}\] .+|  (❌|⚠️) .+|    `.+)$")
    return "\n".join(line[:300] for line in report.splitlines() if keep.match(line)) or report[-3000:]
