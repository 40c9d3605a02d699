"""The audit log for auditors: its entries, its verification and its signed checkpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from api.audit.trail import record
from api.auth.deps import CheckpointAudit, ReadAuditLog
from api.deps import KeysDep, SessionDep, WriteSessionDep
from api.errors import ApiError
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


# An instant in ISO 8601 with its offset, and nothing else (a bare number is no instant, though pydantic's
# datetime would read it as seconds since 1970).
INSTANT = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"


@router.get("/audit/verify", response_model=VerifyAnswer)
async def verify_log(principal: ReadAuditLog, request: Request, keys: KeysDep,
                     since: Annotated[str | None, Query(
                         pattern=INSTANT, json_schema_extra={"format": "date-time"},
                         description="start at the last signed checkpoint before this instant, e.g. "
                                     "2026-12-01T00:00:00Z")] = None,
                     ) -> VerifyAnswer:
    """Check the whole chain (or from the checkpoint before `since`): "intact", or the first entry where it
    breaks and why."""
    try:
        after = datetime.fromisoformat(since.replace("Z", "+00:00")) if since is not None else None
    except ValueError as exc:
        raise ApiError(422, code="bad_instant", path="since",
                       message=f"{since!r} is not an instant: give e.g. 2026-12-01T00:00:00Z") from exc

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
