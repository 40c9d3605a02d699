"""docker-compose.yml cannot run here (no Docker engine): check it agrees with the code instead."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from api.settings import Settings
from cli.main import _parser

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


def test_settings_read_from_the_compose_environment_point_at_the_cluster(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for key, value in SERVICES["api"]["environment"].items():
        monkeypatch.setenv(key, str(value))
    settings = Settings()
    url = make_url(settings.database_url)
    assert url.get_backend_name() == "postgresql" and url.host == "postgresql"
    assert settings.temporal_address.split(":")[0] == "temporal"
    assert settings.api_host == "0.0.0.0"


def test_commands_are_real_cli_commands() -> None:
    parser = _parser()
    for name in OURS:
        parser.parse_args(SERVICES[name]["command"][1:])  # exits on an unknown command


def test_the_image_copies_paths_that_exist() -> None:
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), f"Dockerfile copies {source}, which is not in the repo"
