"""`switchboard audit`: verify the audit log, sign a checkpoint of it, purge old entries, print its public key."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from cli.datadir import add_data_dir, settings_for
from cli.operator import operator
from store.audit import append, public_key, verify, write_checkpoint
from store.db import make_engine, session_scope
from store.db.migrate import migrate
from store.keys import KeyRingError
from store.retention.purge import purge
from store.retention.schedule import data_class


def instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date or an ISO 8601 instant (2026-12-01 or "
                                         "2026-12-01T09:00:00+01:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_parser(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="the audit log: verify it, sign a checkpoint, print the public key")
    verbs = audit.add_subparsers(dest="verb", required=True)
    check = verbs.add_parser("verify", help='check the hash chain and the signed checkpoints: "intact", or the '
                                            "first entry where the log breaks and why (exit code 1)")
    check.add_argument("--since", type=instant, help="start at the last signed checkpoint before this instant")
    check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    verbs.add_parser("checkpoint", help="sign the log's head now, and print the checkpoint to keep elsewhere")
    purging = verbs.add_parser("purge", help="remove the entries older than a date, in batches; a signed checkpoint "
                                             "of the last one removed keeps the rest verifiable, and the purge is "
                                             "recorded (the same as `switchboard retention purge --class audit`)")
    purging.add_argument("--before", type=instant, required=True, help="remove entries older than this instant")
    verbs.add_parser("key", help="the public keys checkpoints are signed with (Ed25519, base64)")
    for parser in verbs.choices.values():
        add_data_dir(parser, keys=True)


def run(args: argparse.Namespace) -> int:
    settings = settings_for(args.data_dir)
    try:
        keys = settings.key_ring()
    except KeyRingError as exc:
        print(f"switchboard audit {args.verb}: {exc}", file=sys.stderr)
        return 2
    if args.verb == "key":
        for kid in keys.keys:
            print(f"{kid}\tEd25519\t{public_key(keys, kid)}" + ("\tprimary" if kid == keys.primary else ""))
        return 0
    engine = make_engine(settings.database_url)
    migrate(engine)
    try:
        if args.verb == "checkpoint":
            with session_scope(engine) as session:
                append(session, [operator("audit.checkpoint")])
                made = write_checkpoint(session, keys, "on demand")
            assert made is not None
            print(json.dumps(made.model_dump(mode="json"), indent=2))
            return 0
        if args.verb == "purge":  # `switchboard retention purge --class audit --before DATE`, by its old name
            print(purge(engine, data_class("audit", keys), args.before, operator("audit.purge")).summary())
            return 0
        with session_scope(engine, write=False) as session:
            verdict = verify(session, keys, since=args.since)
        if args.json:
            print(json.dumps(verdict.answer()))
        else:
            print(verdict.summary(), file=sys.stdout if verdict.intact else sys.stderr)
        return 0 if verdict.intact else 1
    finally:
        engine.dispose()
