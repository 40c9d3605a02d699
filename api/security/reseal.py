"""Sealing what is stored: connector secrets written before sealing existed, or under a retired key; and
scheduled reports' webhook secrets sealed under a retired key."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from store.connector_config import SECRET_PURPOSE, secret_fields
from store.db import session_scope
from store.keys import KeyRing, is_sealed
from store.reports import WEBHOOK_SECRET_PURPOSE, SavedReport
from store.sources import Source


def reseal_sources(*, engine: Engine, keys: KeyRing) -> int:
    """Seal every plaintext secret, and re-seal under the primary key any sealed by another; returns how many."""
    changed = 0
    with session_scope(engine) as session:
        for row in session.exec(select(Source)).all():
            config = dict(row.config or {})
            for name in secret_fields(row.kind):
                value = config.get(name)
                if not value or (is_sealed(value) and keys.sealed_by(value) == keys.primary):
                    continue
                plain = keys.open(value, purpose=SECRET_PURPOSE) if is_sealed(value) else str(value).encode()
                config[name] = keys.seal(plain, purpose=SECRET_PURPOSE)
                changed += 1
            if config != row.config:
                row.config = config
                session.add(row)
        changed += _reseal_reports(session, keys)
    return changed


def _reseal_reports(session: Session, keys: KeyRing) -> int:
    """Scheduled reports' webhook signing secrets sealed by another key than the primary, sealed again."""
    changed = 0
    for report in session.exec(select(SavedReport).where(col(SavedReport.webhook_secret_sealed).is_not(None))):
        value = report.webhook_secret_sealed
        if not value or keys.sealed_by(value) == keys.primary:
            continue
        report.webhook_secret_sealed = keys.seal(keys.open(value, purpose=WEBHOOK_SECRET_PURPOSE),
                                                 purpose=WEBHOOK_SECRET_PURPOSE)
        session.add(report)
        changed += 1
    return changed
