"""Retention per data class (mentions, cases, audit): a purge removes what is older than its class keeps,
in batches (purge.py), records itself in the audit log through store.audit.append, so the chain stays
verifiable, and never removes what something still needs: an open case, a mention of a kept case, an
audit entry no signed purge covers. One module per class; schedule.py runs them hourly beside the API."""
