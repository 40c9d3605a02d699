"""`switchboard up` run as a user runs it: a subprocess on free ports with its own data folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.harness.postgres import free_port

SWITCHBOARD = str(Path(sys.executable).parent / "switchboard")


@dataclass
class UpProcess:
    process: subprocess.Popen
    log: Path
    base_url: str
    temporal_address: str
    temporal_ui: str

    def output(self) -> str:
        return self.log.read_text(errors="replace")

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


def start_up(data_dir: Path, *extra: str, timeout: float = 120.0) -> UpProcess:
    """Start `switchboard up` and wait for its 'is up' banner."""
    port, temporal_port, ui_port = free_port(), free_port(), free_port()
    log = data_dir.parent / f"{data_dir.name}-up-{port}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWITCHBOARD_") and k != "DATABASE_URL"}
    env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [SWITCHBOARD, "up", "--data-dir", str(data_dir), "--port", str(port),
         "--temporal-port", str(temporal_port), "--temporal-ui-port", str(ui_port), *extra],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    up = UpProcess(process, log, f"http://127.0.0.1:{port}", f"127.0.0.1:{temporal_port}",
                   f"http://127.0.0.1:{ui_port}")
    deadline = time.monotonic() + timeout
    while "Switchboard is up." not in up.output():
        if process.poll() is not None:
            raise AssertionError(f"switchboard up exited with {process.returncode}:\n{up.output()}")
        if time.monotonic() > deadline:
            up.stop()
            raise AssertionError(f"switchboard up was not up after {timeout}s:\n{up.output()}")
        time.sleep(0.2)
    return up
