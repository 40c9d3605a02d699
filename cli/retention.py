"""`switchboard retention purge`: remove what each data class keeps no longer, now, as the operator."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta

from cli.audit import instant
from cli.datadir import add_data_dir, settings_for
from cli.operator import operator
from store.db import make_engine
from store.db.migrate import migrate
from store.keys import KeyRingError
from store.retention.policy import CLASSES
from store.retention.purge import purge
from store.retention.schedule import data_class

VARIABLES = {"cases": "SWITCHBOARD_CASE_RETENTION_DAYS", "mentions": "SWITCHBOARD_MENTION_RETENTION_DAYS",
             "audit": "SWITCHBOARD_AUDIT_RETENTION_DAYS"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    retention = sub.add_parser("retention", help="data retention: purge what each data class keeps no longer")
    verbs = retention.add_subparsers(dest="verb", required=True)
    purge_ = verbs.add_parser("purge", help="remove, in batches, the closed cases, mentions and audit entries "
                                            "older than their retention (SWITCHBOARD_<CLASS>_RETENTION_DAYS); each "
                                            "purge is recorded in the audit log; print what went")
    purge_.add_argument("--class", dest="classes", action="append", choices=CLASSES,
                        help="only this data class (may be repeated); default: every class with a retention set")
    purge_.add_argument("--before", type=instant, help="remove what is older than this instant instead of the "
                                                       "retention's days (with --class)")
    purge_.add_argument("--dry-run", action="store_true", help="count what would go, and remove nothing")
    add_data_dir(purge_, keys=True)


def run(args: argparse.Namespace) -> int:
    settings = settings_for(args.data_dir)
    days = settings.retention().days()
    if args.before is not None and not args.classes:
        print("switchboard retention purge: --before needs --class (which data class to purge)", file=sys.stderr)
        return 2
    names = [name for name in CLASSES if name in (args.classes or days)]
    unset = [name for name in names if args.before is None and name not in days]
    if unset or not names:
        variables = ", ".join(VARIABLES[name] for name in unset or CLASSES)
        print(f"switchboard retention purge: no retention is set for {', '.join(unset) or 'any data class'} "
              f"({variables}): set it, or give --class and --before", file=sys.stderr)
        return 2
    try:
        keys = settings.key_ring()
    except KeyRingError as exc:
        print(f"switchboard retention purge: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    migrate(engine)
    now = datetime.now(UTC)
    try:
        for name in names:
            cutoff = args.before or now - timedelta(days=days[name])
            detail = {"retention_days": days[name]} if args.before is None else None
            print(purge(engine, data_class(name, keys), cutoff, operator("retention.purge", detail=detail),
                        dry_run=args.dry_run, now=now).summary())
        return 0
    finally:
        engine.dispose()
