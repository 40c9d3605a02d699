"""`switchboard up` run as a user runs it: a subprocess on free ports with its own data folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from api.demo import DEMO_PASSWORD
from tests.harness.postgres import free_port

SWITCHBOARD = str(Path(sys.executable).parent / "switchboard")


def add_user(data_dir: Path, email: str, role: str, *teams: str, password: str) -> str:
    """`switchboard users add` as an operator runs it, the password on stdin; returns what it printed."""
    team_args = [arg for team in teams for arg in ("--team", team)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_") and k != "DATABASE_URL"}
    done = subprocess.run([SWITCHBOARD, "users", "add", email, "--role", role, *team_args, "--data-dir",
                           str(data_dir)], input=password + "\n", text=True, capture_output=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@dataclass
class UpProcess:
    process: subprocess.Popen
    log: Path
    base_url: str
    temporal_address: str
    temporal_ui: str

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def webhook_token(self) -> str:
        """The demo webhook token the banner printed."""
        line = next(line for line in self.output().splitlines() if "demo webhook token" in line)
        return line.rsplit(": ", 1)[1].strip()

    def tweet(self, text: str, *, prefix: str = "t") -> str:
        """A tweet by a new author through the demo's webhook, now; its mention id."""
        external_id = f"{prefix}-{uuid.uuid4().hex[:8]}"
        posted = httpx.post(f"{self.base_url}/api/webhooks/twitter", timeout=30,
                            headers={"X-Switchboard-Token": self.webhook_token()},
                            json={"external_id": external_id, "author": f"@{external_id}", "text": text,
                                  "created_at": datetime.now(UTC).isoformat()})
        assert posted.status_code == 201, posted.text
        return f"twitter:{external_id}"

    @contextmanager
    def login(self, email: str, password: str = DEMO_PASSWORD) -> Iterator[httpx.Client]:
        """A client logged in as `email` (its session cookie set), as the designer is."""
        with httpx.Client(base_url=self.base_url, timeout=30) as http:
            answer = http.post("/api/auth/login", json={"email": email, "password": password})
            assert answer.status_code == 200, answer.text
            yield http

    def stop(self, timeout: float = 30.0) -> int:
        """Ctrl-C, as a user would; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"switchboard up ignored Ctrl-C for {timeout}s:\n{self.output()}") from None
        return self.process.returncode


def start_up(data_dir: Path, *extra: str, timeout: float = 120.0, scheme: str = "http",
             env: dict[str, str] | None = None) -> UpProcess:
    """Start `switchboard up` and wait for its 'is up' banner; `env`: settings of its own (SWITCHBOARD_...).

    A port found free can be taken before `up` binds it (any process's outgoing connection may get it as its
    local port): when `up` exits because an address was in use, it is started again on other ports, twice at most.
    """
    for attempt in range(3):
        try:
            return _start_up(data_dir, *extra, timeout=timeout, scheme=scheme, env=env)
        except PortTaken:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


class PortTaken(AssertionError):
    """`switchboard up` exited because a port it was given had been taken meanwhile."""


def _start_up(data_dir: Path, *extra: str, timeout: float, scheme: str, env: dict[str, str] | None) -> UpProcess:
    port, temporal_port, ui_port = free_port(), free_port(), free_port()
    log = data_dir.parent / f"{data_dir.name}-up-{port}.log"
    given = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_") and k != "DATABASE_URL"}
    env["PYTHONUNBUFFERED"] = "1"
    env["SWITCHBOARD_CONNECT_ALLOW"] = "127.0.0.0/8"  # the tests' stand-ins for remote services are local
    env.update(given)
    process = subprocess.Popen(
        [SWITCHBOARD, "up", "--data-dir", str(data_dir), "--port", str(port),
         "--temporal-port", str(temporal_port), "--temporal-ui-port", str(ui_port), *extra],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    up = UpProcess(process, log, f"{scheme}://127.0.0.1:{port}", f"127.0.0.1:{temporal_port}",
                   f"http://127.0.0.1:{ui_port}")
    deadline = time.monotonic() + timeout
    while "Switchboard is up." not in up.output():
        if process.poll() is not None:
            logs = up.output() + "".join(p.read_text(errors="replace") for p in data_dir.glob("*.log"))
            exited = PortTaken if "address already in use" in logs else AssertionError
            raise exited(f"switchboard up exited with {process.returncode}:\n{up.output()}")
        if time.monotonic() > deadline:
            up.stop()
            raise AssertionError(f"switchboard up was not up after {timeout}s:\n{up.output()}")
        time.sleep(0.2)
    return up


# ---- processes of a running `up` (Linux /proc) -------------------------------------------------------------


def descendants(pid: int) -> set[int]:
    """Every process under `pid`, whichever of their threads started them."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                new = {int(child) for child in children.read_text().split()} - found
            except OSError:  # gone meanwhile
                continue
            found |= new
            todo += new
    return found


def alive(pid: int) -> bool:
    """Running: a zombie has exited, only its parent has not collected it yet."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def command_of(pid: int) -> list[str]:
    """Its command line ([] once it is gone)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().rstrip("\0").split("\0")
    except OSError:
        return []


def temporal_server_pids(up: UpProcess) -> list[int]:
    """The embedded Temporal server (`temporal server start-dev`) running under `up`."""
    return [pid for pid in descendants(up.process.pid)
            if alive(pid) and command_of(pid)[1:3] == ["server", "start-dev"]]

