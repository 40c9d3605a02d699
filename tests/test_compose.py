"""docker-compose.yml cannot run here (no Docker engine): check it agrees with the code instead."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from api.settings import Settings
from cli.main import _parser
from store.keys import KeyRing

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
OURS = ("migrate", "api", "worker")


def test_the_cluster_has_every_part() -> None:
    assert {"postgresql", "temporal", "temporal-ui", *OURS} <= set(SERVICES)
    assert SERVICES["temporal"]["environment"]["DB"].startswith("postgres")


def test_our_services_set_only_variables_the_settings_read() -> None:
    known = Settings.env_names()
    for name in OURS:
        env = SERVICES[name]["environment"]
        assert set(env) <= known, f"{name}: unknown {sorted(set(env) - known)}"
        assert {"DATABASE_URL", "SWITCHBOARD_TEMPORAL_ADDRESS"} <= set(env)


def _env_file() -> dict[str, str]:
    """What scripts/compose-env writes into .env, as compose reads it."""
    text = subprocess.run([str(ROOT / "scripts" / "compose-env")], capture_output=True, text=True, check=True).stdout
    return {k: shlex.split(v)[0] for k, _, v in (line.partition("=") for line in text.splitlines())
            if k and not k.startswith("#")}


def _interpolated(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} substitution."""
    def one(match: re.Match[str]) -> str:
        name, op, rest = match.group(1), match.group(2) or "", match.group(3) or ""
        if name in env:
            return env[name]
        assert op != ":?", f"{name} is required: {rest}"
        return rest
    return re.sub(r"\$\{(\w+)(:[-?])?([^}]*)\}", one, value)


def test_settings_read_from_the_compose_environment_point_at_the_cluster(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    env = _env_file()
    for key, value in SERVICES["api"]["environment"].items():
        monkeypatch.setenv(key, _interpolated(str(value), env))
    settings = Settings()
    url = make_url(settings.database_url)
    assert url.get_backend_name() == "postgresql" and url.host == "postgresql"
    assert url.password == env["POSTGRES_PASSWORD"] and len(url.password) >= 24
    assert settings.temporal_address.split(":")[0] == "temporal"
    assert settings.api_host == "0.0.0.0"
    assert isinstance(settings.key_ring(), KeyRing)  # the env file's key ring is a usable one
    assert settings.temporal_ui_origin == env["SWITCHBOARD_TEMPORAL_UI_ORIGIN"]


def test_only_the_api_is_published_and_the_rest_is_internal() -> None:
    assert COMPOSE["networks"]["backend"]["internal"] is True
    for name, service in SERVICES.items():
        assert "backend" in service["networks"], name
        if name != "api":
            assert "ports" not in service, f"{name} is published; keep it on the internal network"
    assert SERVICES["api"]["ports"] == ["8000:8000"]
    assert set(SERVICES["worker"]["networks"]) == {"backend", "edge"}  # connectors reach the outside world


def test_no_password_or_key_is_written_in_the_compose_file() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    for line in text.splitlines():
        if re.search(r"(PASSWORD|PWD|KEYS)\s*:", line) or "postgresql+psycopg://" in line:
            assert "${" in line, f"a secret is written in the compose file: {line.strip()}"


def test_the_image_runs_as_a_user_without_privileges() -> None:
    lines = [line.split() for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("USER ")]
    assert lines and lines[-1][1] not in ("root", "0")


def test_commands_are_real_cli_commands() -> None:
    parser = _parser()
    for name in OURS:
        parser.parse_args(SERVICES[name]["command"][1:])  # exits on an unknown command


def test_the_image_copies_paths_that_exist() -> None:
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), f"Dockerfile copies {source}, which is not in the repo"
