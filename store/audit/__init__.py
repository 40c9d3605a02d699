"""The audit log: every change, by a person, an integration or the system, in an append-only, hash-chained
series of entries (`log`), with signed checkpoints over it (`checkpoints`) and a verifier that finds the
first entry where the chain breaks (`verify`)."""

from store.audit.checkpoints import AuditCheckpoint, public_key, write_checkpoint
from store.audit.log import AuditEntry, AuditHead, Change, append
from store.audit.purge import AuditPurge, Purged, purge_before
from store.audit.verify import Verdict, verify

__all__ = ["AuditCheckpoint", "AuditEntry", "AuditHead", "AuditPurge", "Change", "Purged", "Verdict", "append",
           "public_key", "purge_before", "verify", "write_checkpoint"]
