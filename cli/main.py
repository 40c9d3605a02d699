"""The `switchboard` command."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

# Commands whose parsers are here: running one of them skips building the others' parsers, which import
# what those commands run (the account commands import the API's password hashing, which hashes once at
# import). `switchboard up` starts its workers sooner for it; each worker process is `switchboard worker`.
SERVICE_COMMANDS = frozenset({"up", "api", "worker", "migrate"})


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or, for one of SERVICE_COMMANDS, just enough of it to parse that one."""
    parser = argparse.ArgumentParser(prog="switchboard", description="Social customer care on Temporal.")
    sub = parser.add_subparsers(dest="command", required=True)

    up = sub.add_parser("up", help="run everything on this machine: Temporal, workers, API and designer")
    up.add_argument("--data-dir", type=Path, default=Path("data"), help="where the databases live (default: data)")
    up.add_argument("--host", default="127.0.0.1", help="interface of the API and designer")
    up.add_argument("--port", type=int, default=8000, help="port of the API and designer (default: 8000)")
    up.add_argument("--temporal-port", type=int, default=7233, help="embedded Temporal's port (default: 7233)")
    up.add_argument("--temporal-ui-port", type=int, default=8233, help="Temporal UI's port (default: 8233)")
    up.add_argument("--external-temporal", action="store_true",
                    help="use SWITCHBOARD_TEMPORAL_ADDRESS instead of starting an embedded server")
    up.add_argument("--no-demo", action="store_true",
                    help="no demo accounts and no demo mentions (teams, sources and the default flow are still made)")
    up.add_argument("--tls-cert", type=Path, help="serve HTTPS with this certificate (PEM; with --tls-key)")
    up.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    up.add_argument("--workers", type=_positive, default=1, metavar="N",
                    help="worker processes, each its own `switchboard worker` on the task queue (default: 1)")

    sub.add_parser("api", help="run the API only (settings from the environment)")
    sub.add_parser("worker", help="run a worker only (settings from the environment)")
    sub.add_parser("migrate", help="bring the database schema up to date")
    if command in SERVICE_COMMANDS:
        return parser
    from cli.accounts import add_parsers as add_account_parsers
    from cli.audit import add_parser as add_audit_parser
    from cli.flows import add_parser as add_flows_parser
    from cli.importing import add_parser as add_import_parser
    from cli.keys import add_parser as add_keys_parser
    from cli.replay import add_parser as add_replay_parser
    from cli.retention import add_parser as add_retention_parser
    from cli.rules import add_parser as add_rules_parser

    add_rules_parser(sub)
    add_import_parser(sub)
    add_account_parsers(sub)
    add_keys_parser(sub)
    add_audit_parser(sub)
    add_replay_parser(sub)
    add_flows_parser(sub)
    add_retention_parser(sub)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return value


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if args.command == "up" and (args.tls_cert is None) != (args.tls_key is None):
        parser.error("--tls-cert and --tls-key go together")
    if args.command == "rules":
        from cli.rules import run as run_rules

        raise SystemExit(run_rules(args))
    if args.command == "import":
        from cli.importing import run as run_import

        raise SystemExit(run_import(args))
    if args.command == "keys":
        from cli.keys import run as run_keys

        raise SystemExit(run_keys(args))
    if args.command == "replay":
        from cli.replay import run as run_replay

        code = run_replay(args)
        # The SDK's replayer leaves threads of its Rust runtime that may still reach into Python while the
        # interpreter finalizes: now and then a SIGABRT ("PyGILState_Release: thread state ... must be current")
        # after the report was printed, turning a verification that held into a failed exit. The output out,
        # the process leaves without finalizing (nothing of ours is left to flush or close).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if args.command == "audit":
        from cli.audit import run as run_audit

        raise SystemExit(run_audit(args))
    if args.command == "flows":
        from cli.flows import run as run_flows

        raise SystemExit(run_flows(args))
    if args.command == "retention":
        from cli.retention import run as run_retention

        raise SystemExit(run_retention(args))
    if args.command in ("users", "tokens"):
        from cli.accounts import run as run_accounts

        raise SystemExit(run_accounts(args))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "up":
        from cli.up import up

        asyncio.run(up(data_dir=args.data_dir, port=args.port, host=args.host, temporal_port=args.temporal_port,
                       temporal_ui_port=args.temporal_ui_port, embedded_temporal=not args.external_temporal,
                       demo=not args.no_demo, tls=(args.tls_cert, args.tls_key), workers=args.workers))
    elif args.command == "api":
        from cli.services import run_api

        run_api()
    elif args.command == "worker":
        from cli.services import run_worker

        asyncio.run(run_worker())
    elif args.command == "migrate":
        from cli.services import run_migrate

        run_migrate()


if __name__ == "__main__":
    main()
