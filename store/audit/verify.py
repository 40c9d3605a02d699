"""Verifying the audit log: the chain entry by entry, the head, and every signed checkpoint.

The first break found is reported with the entry where it is and why, in words an auditor can act on:
an entry whose content no longer matches its hash (edited), one that does not follow the entry before
it (removed, inserted or moved), a gap in the numbers, a log that ends before its head or a checkpoint
says it did (its tail cut off), or a checkpoint whose signature does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from store.audit.checkpoints import AuditCheckpoint, public_key, signature_holds
from store.audit.log import GENESIS, AuditEntry, AuditHead, entry_hash
from store.audit.purge import last_purge
from store.keys import KeyRing, KeyRingError

PAGE = 2000  # entries read at a time


@dataclass(frozen=True)
class Verdict:
    intact: bool
    entries: int  # entries checked
    first_seq: int | None  # where checking began
    last_seq: int | None  # the last entry checked
    head_seq: int
    checkpoints: int  # signed checkpoints checked
    broken_at: int | None = None  # the entry where the chain breaks
    why: str | None = None

    def answer(self) -> dict[str, object]:
        """The verdict as `GET /api/audit/verify` and `switchboard audit verify --json` give it."""
        return {"intact": self.intact, "summary": self.summary(), "entries": self.entries, "first_id": self.first_seq,
                "last_id": self.last_seq, "head_id": self.head_seq, "checkpoints": self.checkpoints,
                "broken_at": self.broken_at, "why": self.why}

    def summary(self) -> str:
        if self.intact:
            span = f"entries {self.first_seq}-{self.last_seq}" if self.entries else "no entries"
            return f"intact: {span} ({self.entries}), {self.checkpoints} signed checkpoints hold"
        return f"broken at entry {self.broken_at}: {self.why}"


def _anchor(session: Session, since: datetime | None) -> tuple[int, str, AuditCheckpoint | None]:
    """Where to start: after the last checkpoint at or before `since`, or after the latest purge (whose signed
    checkpoint holds the hash the chain goes on from), whichever is later; or at the beginning. The anchor's
    signature is checked with the other checkpoints'."""
    start, prev, anchor = 1, GENESIS, None
    purge = last_purge(session)
    if purge is not None:
        anchor = session.get(AuditCheckpoint, purge.checkpoint_id)
        if anchor is None or anchor.reason != "purge" or (anchor.seq, anchor.hash) != (purge.through_seq,
                                                                                          purge.through_hash):
            raise _Unanchored(purge.through_seq, f"entries through {purge.through_seq} were removed (purge "
                                                 f"{purge.id}) without a signed checkpoint of them")
        start, prev = purge.through_seq + 1, purge.through_hash
    if since is not None:
        checkpoint = session.exec(select(AuditCheckpoint).where(AuditCheckpoint.at <= since)
                                  .order_by(AuditCheckpoint.seq.desc()).limit(1)).first()  # type: ignore[attr-defined]
        if checkpoint is not None and checkpoint.seq + 1 > start:
            start, prev, anchor = checkpoint.seq + 1, checkpoint.hash, checkpoint
    return start, prev, anchor


class _Unanchored(Exception):  # noqa: N818 - a verdict, not an error of ours
    def __init__(self, seq: int, why: str) -> None:
        super().__init__(why)
        self.seq, self.why = seq, why


def verify(session: Session, keys: KeyRing | None, *, since: datetime | None = None) -> Verdict:
    """Check the log (from the last checkpoint before `since`, if given) against itself, its head and its
    checkpoints; checkpoints' signatures with `keys` (the key ring's audit keys), or, without a key ring,
    with the public key each names."""
    head = session.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    try:
        expected, prev, anchor = _anchor(session, since)
    except _Unanchored as exc:
        return Verdict(False, 0, None, None, head_seq, 0, exc.seq, exc.why)
    first = expected if expected <= head_seq else None
    checked, last_seq = 0, None
    hashes: dict[int, str] = {}  # the checked entries' hashes where a checkpoint falls
    checkpoints = session.exec(select(AuditCheckpoint).order_by(AuditCheckpoint.seq)).all()  # type: ignore[arg-type]
    pinned = {c.seq for c in checkpoints}

    def broken(seq: int, why: str) -> Verdict:
        return Verdict(False, checked, first, last_seq, head_seq, 0, seq, why)

    after = expected - 1
    while True:
        page = session.exec(select(AuditEntry).where(AuditEntry.id > after)
                            .order_by(AuditEntry.id).limit(PAGE)).all()  # type: ignore[arg-type]
        for entry in page:
            if entry.id != expected:
                return broken(expected, f"entry {expected} is missing (the next is {entry.id}): entries were "
                                        "deleted, or the numbers rewritten")
            if entry.prev != prev:
                return broken(entry.id, f"entry {entry.id} does not follow entry {entry.id - 1}: its recorded "
                                         "predecessor hash differs, so an entry before it was removed, inserted "
                                         "or moved, or this one was")
            if entry_hash(entry.model_dump()) != entry.hash:
                return broken(entry.id, f"entry {entry.id} ({entry.action} by {entry.actor}) was altered: "
                                         "its content no longer matches its hash")
            if entry.id in pinned:
                hashes[entry.id] = entry.hash
            prev, last_seq, expected, checked = entry.hash, entry.id, entry.id + 1, checked + 1
        if len(page) < PAGE:
            break
        after = page[-1].id

    end = last_seq if last_seq is not None else expected - 1
    if end != head_seq or (checked and prev != head_hash):
        where = end + 1 if end < head_seq else head_seq
        return broken(where, f"the log ends at entry {end} but its head says {head_seq} (hash {head_hash[:12]}…): "
                             "entries at its end were cut off, or added without the chain")

    count = 0
    for checkpoint in checkpoints:
        if keys is not None:
            try:
                expected_key = public_key(keys, checkpoint.key_id)
            except KeyRingError:
                return broken(checkpoint.seq, f"checkpoint {checkpoint.id} was signed with key {checkpoint.key_id}, "
                                              "which is not in this key ring")
            if checkpoint.public_key != expected_key:
                return broken(checkpoint.seq, f"checkpoint {checkpoint.id} names a public key that is not the "
                                              f"audit key of {checkpoint.key_id}")
        if not signature_holds(checkpoint, checkpoint.public_key):
            return broken(checkpoint.seq, f"checkpoint {checkpoint.id}'s signature does not hold: it was changed "
                                          "after it was signed")
        if checkpoint.seq > head_seq:
            return broken(head_seq + 1, f"checkpoint {checkpoint.id} (signed {checkpoint.at:%Y-%m-%d %H:%M:%S} UTC) "
                                        f"covers entry {checkpoint.seq}, but the log ends at {head_seq}: its tail "
                                        "was cut off")
        if anchor is not None and checkpoint.seq <= anchor.seq:
            pass  # at or before the starting point: its entries were not read (or were purged)
        elif checkpoint.seq >= (first or head_seq + 1) and hashes.get(checkpoint.seq) != checkpoint.hash:
            return broken(checkpoint.seq, f"entry {checkpoint.seq} is not the entry checkpoint {checkpoint.id} "
                                          "signed: the chain was rewritten from there on")
        count += 1
    return Verdict(True, checked, first, last_seq, head_seq, count)
