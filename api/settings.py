"""The one Settings class. Built by the composition roots, never at import time."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SWITCHBOARD_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'data' / 'switchboard.db'}",
        validation_alias=AliasChoices("DATABASE_URL", "SWITCHBOARD_DATABASE_URL"),
        description="SQLAlchemy URL of the read side: sqlite:///path or postgresql+psycopg://user:pw@host/db",
    )
    temporal_address: str = Field(default="127.0.0.1:7233", description="host:port of the Temporal frontend")
    temporal_namespace: str = "default"
    task_queue: str = "switchboard-cases"
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    designer_dist: Path = Field(default=REPO_ROOT / "designer" / "dist",
                                description="built designer served at / (skipped when missing)")

    @classmethod
    def env_names(cls) -> set[str]:
        """Every environment variable name the settings read."""
        names = set()
        for name, field in cls.model_fields.items():
            alias = field.validation_alias
            if isinstance(alias, AliasChoices):
                names.update(str(choice) for choice in alias.choices)
            else:
                names.add(f"SWITCHBOARD_{name.upper()}")
        return names
