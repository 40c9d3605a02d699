"""A case's evidence in one file: its complete workflow history (payloads opened), the flow versions it was
decided under, its timeline and audit entries, a manifest of their hashes, and the audit key's signature.

`build` makes the bundle from what the caller fetched (the history) and the read side; `check` verifies one
offline from the file alone: the manifest against the contents, the signature against the public key in
the bundle (or one the auditor pinned), and every recorded decision made again from its inputs
(store.bundle_checks: the opening, the assignments, the approval checks). Replaying the history against
the workflow code is the command line's part (cli/replay.py), since the store does not import the workflows.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlmodel import Session, select

from store.audit import AuditEntry
from store.audit.checkpoints import PURPOSE, public_key
from store.bundle_checks import BundleReport, redecide, started_input
from store.case_events import CaseEvent
from store.cases import Case
from store.flows import Flow
from store.keys import KeyRing

FORMAT = "switchboard-case-bundle/1"


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def _digest(value: Any) -> str:
    return hashlib.sha256(_canonical(value)).hexdigest()


def _manifest(bundle: dict[str, Any]) -> dict[str, Any]:
    return {"format": bundle["format"], "case_id": bundle["case_id"], "workflow_id": bundle["workflow_id"],
            "exported_at": bundle["exported_at"], "exported_by": bundle["exported_by"],
            "history": _digest(bundle["history"]), "flows": {v: _digest(d) for v, d in bundle["flows"].items()},
            "case": _digest(bundle["case"]), "case_events": _digest(bundle["case_events"]),
            "audit": _digest(bundle["audit"])}


def build(session: Session, keys: KeyRing, case_id: str, history: dict[str, Any], by: str,
          now: datetime | None = None) -> dict[str, Any]:
    """The signed bundle of `case_id`, with `history` (its workflow's history as JSON, payloads opened)."""
    case = session.get(Case, case_id)
    if case is None:
        raise LookupError(f"no case {case_id!r}")
    events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq)).all()
    audit = session.exec(select(AuditEntry).where(AuditEntry.target_id == case_id).order_by(AuditEntry.id)).all()
    versions = {case.flow_version, started_input(history).flow_version}
    flows = {row.id: row.document for row in session.exec(select(Flow).where(Flow.id.in_(versions)))}  # type: ignore[union-attr]
    bundle: dict[str, Any] = {
        "format": FORMAT, "case_id": case_id, "workflow_id": case.workflow_id,
        "exported_at": (now or datetime.now(UTC)).isoformat(), "exported_by": by, "history": history,
        "flows": flows, "case": json.loads(_canonical(case.model_dump(mode="json"))),
        "case_events": [json.loads(_canonical(e.model_dump(mode="json"))) for e in events],
        "audit": [json.loads(_canonical(e.model_dump(mode="json"))) for e in audit]}
    return seal(bundle, keys)


def seal(bundle: dict[str, Any], keys: KeyRing) -> dict[str, Any]:
    """`bundle` with its manifest made from its contents and signed with the audit key of `keys`."""
    manifest = _manifest(bundle)
    signature = Ed25519PrivateKey.from_private_bytes(keys.subkey(PURPOSE)).sign(_canonical(manifest))
    bundle["manifest"] = manifest
    bundle["signature"] = {"algorithm": "Ed25519", "key_id": keys.primary, "public_key": public_key(keys),
                           "signature": base64.b64encode(signature).decode()}
    return bundle


def check(bundle: dict[str, Any], *, pinned_key: str | None = None) -> BundleReport:
    """Everything the file alone can prove: manifest, signature, and every recorded decision made again."""
    report = BundleReport()
    if bundle.get("format") != FORMAT:
        report.problems.append(f"not a case bundle of format {FORMAT} (format: {bundle.get('format')!r})")
        return report
    recorded, recomputed = bundle.get("manifest") or {}, _manifest(bundle)
    changed = sorted(k for k in recomputed if recorded.get(k) != recomputed[k])
    if changed:
        report.problems.append(f"the bundle's {', '.join(changed)} differ from its manifest: changed after export")
    else:
        report.checked.append("manifest: every part matches its hash")
    signature = bundle.get("signature") or {}
    key = pinned_key or signature.get("public_key", "")
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key)).verify(
            base64.b64decode(signature.get("signature", "")), _canonical(recorded))
        report.checked.append(f"signature: Ed25519, key {signature.get('key_id')}"
                              + (" (the pinned key)" if pinned_key else " (the key in the bundle: pin it with --key)"))
    except (InvalidSignature, ValueError):
        report.problems.append("the manifest's signature does not hold"
                               + (" with the pinned key" if pinned_key else ""))
    redecide(bundle, report)
    return report
