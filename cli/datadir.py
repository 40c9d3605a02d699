"""Where state lives for commands run on this machine: DATABASE_URL, else the data folder's SQLite file;
SWITCHBOARD_KEY_FILE or SWITCHBOARD_KEYS, else the data folder's keys.json."""

from __future__ import annotations

import os
from pathlib import Path

from api.settings import Settings


def settings_for(data_dir: Path) -> Settings:
    """Settings from the environment, with the read side in `data_dir` unless DATABASE_URL names one."""
    settings = Settings()
    if not {"DATABASE_URL", "SWITCHBOARD_DATABASE_URL"} & os.environ.keys():
        settings.database_url = f"sqlite:///{data_dir.resolve() / 'switchboard.db'}"
    if settings.key_file is None and settings.keys is None:
        settings.key_file = data_dir.resolve() / "keys.json"
    return settings
