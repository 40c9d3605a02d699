"""Signed checkpoints over the audit log: the entry number and hash the chain had reached, signed with
the key ring's audit key (Ed25519, derived from the key: `switchboard audit key` prints the public half).

A checkpoint is written at intervals while entries are added (`CheckpointWriter`, beside the API) and
on demand (`switchboard audit checkpoint`, `POST /api/audit/checkpoints`). Whoever rewrites entries
and the head to match must also forge a signature, so a verification against the signed checkpoints
finds an edited, removed or cut-off stretch even then.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Engine, insert
from sqlmodel import Field, Session, SQLModel, select

from store.audit.log import instant_text, lock_head
from store.db import session_scope
from store.db.types import UtcDateTime
from store.keys import KeyRing

log = logging.getLogger("switchboard.audit")

PURPOSE = "audit-signing"
INTERVAL = 60.0  # seconds between the writer's looks for new entries to pin


class AuditCheckpoint(SQLModel, table=True):
    __tablename__ = "audit_checkpoint"

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(index=True, description="the last entry the checkpoint covers")
    hash: str = Field(description="that entry's hash")
    at: datetime = Field(sa_type=UtcDateTime)
    reason: str = Field(description="interval, on demand, ...")
    key_id: str = Field(description="the key ring's key the signing key was derived from")
    public_key: str = Field(description="the Ed25519 public key, base64")
    signature: str = Field(description="Ed25519 over `signed_bytes`, base64")


def _signing_key(keys: KeyRing, kid: str | None = None) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(keys.subkey(PURPOSE, kid))


def public_key(keys: KeyRing, kid: str | None = None) -> str:
    """The audit key's public half (raw 32 bytes, base64): what an auditor pins to check signatures."""
    raw = _signing_key(keys, kid).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def signed_bytes(seq: int, entry_hash: str, at: datetime, reason: str) -> bytes:
    doc = {"kind": "switchboard-audit-checkpoint", "seq": seq, "hash": entry_hash, "reason": reason,
           "at": instant_text(at)}
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


def signature_holds(checkpoint: AuditCheckpoint, public: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public)).verify(
            base64.b64decode(checkpoint.signature),
            signed_bytes(checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.reason))
    except (InvalidSignature, ValueError):
        return False
    return True


def write_checkpoint(session: Session, keys: KeyRing, reason: str, now: datetime | None = None,
                     *, only_if_new: bool = False) -> AuditCheckpoint | None:
    """Sign the chain's head as it stands in this transaction. With `only_if_new`, nothing when the last
    checkpoint already covers the head (or the log is empty)."""
    seq, last = lock_head(session)
    if only_if_new:
        newest = session.exec(select(AuditCheckpoint.seq).order_by(AuditCheckpoint.seq.desc()).limit(1)).first()  # type: ignore[attr-defined]
        if seq == 0 or (newest is not None and newest >= seq):
            return None
    return sign_point(session, keys, seq, last, reason, now)


def sign_point(session: Session, keys: KeyRing, seq: int, entry_hash: str, reason: str,
               now: datetime | None = None) -> AuditCheckpoint:
    """A signed checkpoint of entry `seq` with hash `entry_hash` (the head's, or a purge's last entry)."""
    at = now or datetime.now(UTC)
    signature = _signing_key(keys).sign(signed_bytes(seq, entry_hash, at, reason))
    row = {"seq": seq, "hash": entry_hash, "at": at, "reason": reason, "key_id": keys.primary,
           "public_key": public_key(keys), "signature": base64.b64encode(signature).decode()}
    made = session.execute(insert(AuditCheckpoint.__table__).returning(  # type: ignore[attr-defined]
        AuditCheckpoint.__table__.c.id), row).scalar_one()  # type: ignore[attr-defined]
    return AuditCheckpoint(id=made, **row)


class CheckpointWriter:
    """Pins the chain every `interval` seconds while entries are being added (runs beside the API; the
    audit log's retention is store.retention's, with the other data classes')."""

    def __init__(self, engine: Engine, keys: KeyRing, interval: float = INTERVAL) -> None:
        self._engine, self._keys, self._interval = engine, keys, interval

    def once(self) -> AuditCheckpoint | None:
        with session_scope(self._engine) as session:
            return write_checkpoint(session, self._keys, "interval", only_if_new=True)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await asyncio.to_thread(self.once)
            except Exception:  # the database was busy: the next round does what this one did not
                log.exception("writing an audit checkpoint failed; trying again in %.0f s", self._interval)
