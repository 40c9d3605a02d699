"""`switchboard keys`: the key ring that seals connector secrets and Temporal payloads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from api.security.reseal import reseal_sources
from cli.datadir import add_data_dir, settings_for
from cli.operator import operator
from store.audit import append
from store.db import make_engine, session_scope
from store.db.migrate import migrate
from store.keys import KeyRing, KeyRingError, write_key_file


def add_parser(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="the key ring: generate one, rotate it, show its keys")
    verbs = keys.add_subparsers(dest="verb", required=True)
    generate = verbs.add_parser("generate", help="a new key ring (JSON) for SWITCHBOARD_KEYS, or a key file")
    generate.add_argument("--out", type=Path, help="write it to this key file (mode 0600) instead of printing it")
    rotate = verbs.add_parser("rotate", help="add a new primary key to the key file and re-seal every stored "
                                             "secret with it (older keys stay, to read older Temporal histories)")
    show = verbs.add_parser("show", help="the key ring's keys by id and fingerprint (never the keys)")
    for parser in (rotate, show):
        add_data_dir(parser, keys=True)


def run(args: argparse.Namespace) -> int:
    try:
        if args.verb == "generate":
            ring = KeyRing.generate()
            if args.out is None:
                print(ring.dumps())
            elif args.out.exists():
                print(f"switchboard keys generate: {args.out} exists; it is not overwritten", file=sys.stderr)
                return 2
            else:
                write_key_file(args.out, ring)
                print(f"key ring written to {args.out}: keep a copy somewhere safe")
            return 0
        settings = settings_for(args.data_dir)
        ring = settings.key_ring()
        if args.verb == "show":
            for kid in ring.keys:
                print(f"{kid}\t{ring.fingerprint(kid)}" + ("\tprimary" if kid == ring.primary else ""))
            return 0
        if settings.key_file is None or settings.keys is not None:
            print("switchboard keys rotate: the key ring comes from SWITCHBOARD_KEYS; rotate it with "
                  "`switchboard keys generate`, merge the new key into that JSON as the primary, and run "
                  "`switchboard keys rotate` against a key file", file=sys.stderr)
            return 2
        rotated = ring.rotated()
        write_key_file(settings.key_file, rotated)
        engine = make_engine(settings.database_url)
        migrate(engine)
        count = reseal_sources(engine=engine, keys=rotated)
        with session_scope(engine) as session:
            append(session, [operator("keys.rotate", "key_ring", rotated.primary,
                                      detail={"fingerprint": rotated.fingerprint(), "secrets_resealed": count})])
        engine.dispose()
        print(f"new primary key {rotated.primary} ({rotated.fingerprint()}); {count} stored secrets re-sealed; "
              f"restart the API and workers to seal with it")
        return 0
    except KeyRingError as exc:
        print(f"switchboard keys {args.verb}: {exc}", file=sys.stderr)
        return 2
