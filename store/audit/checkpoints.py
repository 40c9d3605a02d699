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
import time
from datetime import UTC, datetime, timedelta

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
PURGE_EVERY = 3600.0  # seconds between retention's purges


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
    """Pins the chain every `interval` seconds while entries are being added, and with `retention_days`
    purges the entries older than that once an hour (runs beside the API)."""

    def __init__(self, engine: Engine, keys: KeyRing, interval: float = INTERVAL,
                 retention_days: int | None = None) -> None:
        self._engine, self._keys, self._interval, self._retention = engine, keys, interval, retention_days
        self._purged_at = float("-inf")

    def once(self) -> AuditCheckpoint | None:
        with session_scope(self._engine) as session:
            return write_checkpoint(session, self._keys, "interval", only_if_new=True)

    def purge(self, now: datetime) -> None:
        from store.audit.log import Change
        from store.audit.purge import purge_before  # it imports this module

        assert self._retention is not None
        with session_scope(self._engine) as session:
            purged = purge_before(session, self._keys, now - timedelta(days=self._retention),
                                  Change(actor="system", action="audit.purge",
                                         detail={"retention_days": self._retention}), now)
        if purged is not None:
            log.info("audit log: %d entries older than %d days purged (through %d)", purged.entries,
                     self._retention, purged.through_seq)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await asyncio.to_thread(self.once)
                if self._retention is not None and time.monotonic() - self._purged_at >= PURGE_EVERY:
                    self._purged_at = time.monotonic()
                    await asyncio.to_thread(self.purge, datetime.now(UTC))
            except Exception:  # the database was busy: the next round does what this one did not
                log.exception("writing an audit checkpoint failed; trying again in %.0f s", self._interval)
