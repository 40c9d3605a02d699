"""The audit log for auditors: its entries, its verification and its signed checkpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from api.audit.trail import record
from api.auth.deps import CheckpointAudit, ReadAuditLog
from api.deps import KeysDep, SessionDep, WriteSessionDep
from api.instants import instant_query, parse_instant
from api.listing import Listing, ListParams, get_or_404, list_rows
from store.audit import AuditCheckpoint, AuditEntry, public_key, verify, write_checkpoint
from store.db import session_scope

router = APIRouter(tags=["audit"])

ENTRIES = Listing(AuditEntry, "audit_entries", filterable=("actor", "action", "target_type", "target_id"))


class VerifyAnswer(BaseModel):
    intact: bool
    summary: str
    entries: int
    first_id: int | None
    last_id: int | None
    head_id: int
    checkpoints: int
    broken_at: int | None
    why: str | None


class CheckpointPublic(BaseModel):
    id: int | None
    seq: int
    hash: str
    at: datetime
    reason: str
    key_id: str
    public_key: str
    signature: str


@router.get("/audit_entries", response_model=list[AuditEntry])
def list_entries(principal: ReadAuditLog, session: SessionDep, response: Response,
                 params: Annotated[ListParams, Depends(ENTRIES)]) -> list[AuditEntry]:
    return list_rows(session, response, params)


@router.get("/audit_entries/{entry_id}", response_model=AuditEntry)
def get_entry(principal: ReadAuditLog, session: SessionDep, entry_id: int) -> AuditEntry:
    return get_or_404(session, AuditEntry, entry_id, resource="audit entry")




@router.get("/audit/verify", response_model=VerifyAnswer)
async def verify_log(principal: ReadAuditLog, request: Request, keys: KeysDep,
                     since: Annotated[str | None, instant_query(
                         "start at the last signed checkpoint before this instant")] = None,
                     ) -> VerifyAnswer:
    """Check the whole chain (or from the checkpoint before `since`): "intact", or the first entry where it
    breaks and why."""
    after = parse_instant(since, "since")

    def check() -> VerifyAnswer:
        with session_scope(request.app.state.engine, write=False) as session:
            verdict = verify(session, keys, since=after)
        return VerifyAnswer.model_validate(verdict.answer())
    return await run_in_threadpool(check)


@router.get("/audit/key")
def audit_key(principal: ReadAuditLog, keys: KeysDep) -> dict[str, Any]:
    """The public keys checkpoints are signed with (Ed25519, base64), the primary's first."""
    return {"algorithm": "Ed25519", "keys": [{"key_id": kid, "public_key": public_key(keys, kid),
                                              "primary": kid == keys.primary} for kid in keys.keys]}


@router.post("/audit/checkpoints", response_model=CheckpointPublic, status_code=201)
def checkpoint(principal: CheckpointAudit, session: WriteSessionDep, keys: KeysDep) -> AuditCheckpoint:
    """Sign the chain's head now (an auditor pins the log before and after a review)."""
    record(session, principal, "audit.checkpoint")
    made = write_checkpoint(session, keys, "on demand")
    assert made is not None
    return made
