"""Recorded histories of representative cases replay against today's workflow code.

A change that would break cases already running fails here; put such a change
behind workflow.patched() (see tests/workflows/record_histories.py to add histories).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from temporalio.client import WorkflowHistory
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Replayer

from workflows.worker import WORKFLOWS, sandbox_runner

HISTORIES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "histories").glob("*.json"))


def load(path: Path) -> WorkflowHistory:
    recorded = json.loads(path.read_text())
    return WorkflowHistory.from_json(recorded["workflow_id"], recorded["history"])


def test_there_are_histories_to_replay() -> None:
    assert len(HISTORIES) >= 5


@pytest.mark.parametrize("path", HISTORIES, ids=[p.stem for p in HISTORIES])
async def test_history_replays(path: Path) -> None:
    replayer = Replayer(workflows=WORKFLOWS, data_converter=pydantic_data_converter,
                        workflow_runner=sandbox_runner())
    await replayer.replay_workflow(load(path))


async def test_a_changed_workflow_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check has teeth: classifying in-workflow instead of in the recorded local activity
    issues different commands than the history holds, and replay says so."""
    from temporalio.worker import UnsandboxedWorkflowRunner

    from engine.messages import Classification
    from engine.models import Priority, Tags, Triage
    from workflows import case, case_mentions

    async def classify_inline(self, mention):  # type: ignore[no-untyped-def]
        return Classification(tags=Tags(), triage=Triage(needs_response=True, priority=Priority.normal),
                              team_id="support")

    monkeypatch.setattr(case_mentions.Mentions, "classify", classify_inline)
    replayer = Replayer(workflows=[case.CaseWorkflow], data_converter=pydantic_data_converter,
                        workflow_runner=UnsandboxedWorkflowRunner())
    result = await replayer.replay_workflow(load(HISTORIES[0]), raise_on_replay_failure=False)
    # The shifted local-activity markers surface as a failed activation: the replay does not pass.
    assert result.replay_failure is not None
