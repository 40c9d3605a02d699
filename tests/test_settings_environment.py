"""`switchboard up` hands its settings to the worker processes through the environment: a child's Settings() reads
back the same values, structured ones (share of voice's names) included."""

from __future__ import annotations

from unittest import mock

from pydantic import SecretStr

from api.settings import Settings
from cli.datadir import settings_environment


def test_a_child_reads_back_every_setting_it_was_given() -> None:
    given = Settings(share_of_voice={"Acme": ["acme", "@acme_help"], "Globex": ["globex"]},
                     database_url="sqlite:////tmp/read.db", session_secret=SecretStr("s" * 40))
    env = settings_environment(given, {"PATH": "/usr/bin", "SWITCHBOARD_SHARE_OF_VOICE": "{}"})
    assert env["PATH"] == "/usr/bin"
    with mock.patch.dict("os.environ", env, clear=True):
        child = Settings()
    assert child.share_of_voice == {"Acme": ["acme", "@acme_help"], "Globex": ["globex"]}
    assert child.model_dump() == given.model_dump()
