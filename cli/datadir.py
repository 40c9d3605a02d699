"""Where state lives for commands run on this machine: DATABASE_URL, else the data folder's SQLite file;
SWITCHBOARD_KEY_FILE or SWITCHBOARD_KEYS, else the data folder's keys.json."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import AliasChoices, SecretStr

from api.settings import Settings


def add_data_dir(parser: argparse.ArgumentParser, *, keys: bool = False) -> None:
    """The `--data-dir` option of a command run on this machine (`keys`: it also opens the key ring)."""
    wins = "SWITCHBOARD_KEY_FILE, SWITCHBOARD_KEYS and DATABASE_URL win" if keys else "DATABASE_URL wins"
    parser.add_argument("--data-dir", type=Path, default=Path("data"),
                        help=f"the data folder of `switchboard up` (default: data); {wins}")


def settings_for(data_dir: Path) -> Settings:
    """Settings from the environment, with the read side in `data_dir` unless DATABASE_URL names one."""
    settings = Settings()
    if not {"DATABASE_URL", "SWITCHBOARD_DATABASE_URL"} & os.environ.keys():
        settings.database_url = f"sqlite:///{data_dir.resolve() / 'switchboard.db'}"
    if settings.key_file is None and settings.keys is None:
        settings.key_file = data_dir.resolve() / "keys.json"
    return settings


def settings_environment(settings: Settings, base: Mapping[str, str]) -> dict[str, str]:
    """`base` (an environment) with every variable the settings read replaced by `settings`' values, so
    that `Settings()` in a child process reads back the same settings (`switchboard up`'s workers)."""
    names = {name.upper() for name in Settings.env_names()}
    env = {key: value for key, value in base.items() if key.upper() not in names}
    for name, field in Settings.model_fields.items():
        value = getattr(settings, name)
        if value is None:
            continue
        alias = field.validation_alias
        key = str(alias.choices[0]) if isinstance(alias, AliasChoices) else f"SWITCHBOARD_{name.upper()}"
        # A scalar (str, number, path or secret) as its str(); a structured one (share of voice's names) as the
        # JSON pydantic-settings parses it from.
        env[key] = (value.get_secret_value() if isinstance(value, SecretStr)
                    else json.dumps(value) if isinstance(value, dict | list) else str(value))
    return env
