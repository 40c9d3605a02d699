"""`switchboard users` and `switchboard tokens`: accounts and API tokens, for operators, on the database
that DATABASE_URL (or --data-dir, as for `switchboard up`) names."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import col, select

from api.auth.passwords import PasswordRefused
from api.auth.permissions import Role
from api.auth.service import AccountError, Policy, create_token, create_user, end_sessions, find_user, set_password
from cli.datadir import add_data_dir, settings_for
from cli.operator import operator
from store.accounts import ApiToken, User, account_state, token_state
from store.audit import append
from store.db import make_engine, session_scope
from store.db.migrate import migrate


def add_parsers(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="add, list, disable users and reset their passwords")
    verbs = users.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="add a user (the password is read from stdin, or prompted for)")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--team", action="append", default=[], metavar="TEAM",
                     help="a team whose cases the user sees and works (repeat for several; none: all teams; "
                          "an agent needs one)")
    add.add_argument("--name", default="", help="the name shown to others (default: the email's name)")
    verbs.add_parser("list", help="every user with role, teams and state")
    for verb, text in (("disable", "stop a user logging in; their sessions and tokens stop at once"),
                       ("enable", "let a disabled user log in again"),
                       ("reset-password", "set a new password (read from stdin, or prompted for); sessions end")):
        verbs.add_parser(verb, help=text).add_argument("email")

    tokens = sub.add_parser("tokens", help="API tokens for integrations (imports, reads)")
    tverbs = tokens.add_subparsers(dest="verb", required=True)
    create = tverbs.add_parser("create", help="make a scoped token; it is printed once")
    create.add_argument("--user", required=True, metavar="EMAIL", help="whose token it is (its rights are within "
                                                                        "the user's role)")
    create.add_argument("--scope", action="append", required=True, metavar="SCOPE",
                        help="import:SOURCE, read:AREA (e.g. read:cases) or a permission (e.g. cases:work); repeat")
    create.add_argument("--name", default="", help="what it is for (default: its scopes)")
    create.add_argument("--expires-days", type=int, help="it stops working after this many days (default: never)")
    tverbs.add_parser("list", help="every token (never its secret)")
    tverbs.add_parser("revoke", help="stop a token at once").add_argument("id")
    for parser in (add, create, *[p for p in verbs.choices.values()], *[p for p in tverbs.choices.values()]):
        if not any(a.dest == "data_dir" for a in parser._actions):
            add_data_dir(parser)


def _password(prompt: str) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("again: ") != first:
        raise AccountError("the two passwords differ", path="password")
    return first


def run(args: argparse.Namespace) -> int:
    settings = settings_for(args.data_dir)
    engine = make_engine(settings.database_url)
    migrate(engine)
    policy = Policy.of(settings)
    try:
        return _COMMANDS[(args.command, args.verb)](args, engine, policy)
    except (AccountError, PasswordRefused) as exc:
        where = f" ({exc.path})" if isinstance(exc, AccountError) else ""
        print(f"switchboard {args.command} {args.verb}: {exc}{where}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _user(session: object, email: str) -> User:
    user = find_user(session=session, email=email)  # type: ignore[arg-type]
    if user is None:
        raise AccountError(f"no user with email {email}; see `switchboard users list`", path="email")
    return user


def _add(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    password = _password(f"password for {args.email} (at least {policy.min_length} characters): ")
    with session_scope(engine) as session:
        user = create_user(session=session, email=args.email, role=Role(args.role), name=args.name,
                           teams=args.team, password=password, policy=policy, now=datetime.now(UTC))
        append(session, [operator("user.create", "user", user.id, after=account_state(user))])
        print(f"added {user.email} ({user.role.value}; teams: {', '.join(user.teams) or 'all'}) as {user.id}")
    return 0


def _list(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    with session_scope(engine, write=False) as session:
        for user in session.exec(select(User).order_by(User.email)):
            state = "disabled" if user.disabled else "active"
            last = user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "never"
            print(f"{user.email}\t{user.role.value}\tteams: {', '.join(user.teams) or 'all'}\t{state}\t"
                  f"last login: {last}")
    return 0


def _set_disabled(disabled: bool):  # type: ignore[no-untyped-def]
    def command(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
        with session_scope(engine) as session:
            user = _user(session, args.email)
            before = account_state(user)
            user.disabled = disabled
            session.add(user)
            append(session, [operator("user.change", "user", user.id, before=before, after=account_state(user))])
            ended = end_sessions(session=session, user_id=user.id, now=datetime.now(UTC)) if disabled else 0
        print(f"{user.email} {'disabled' if disabled else 'enabled'}" + (f"; {ended} sessions ended" if ended else ""))
        return 0
    return command


def _reset(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    with session_scope(engine) as session:
        user = _user(session, args.email)
        set_password(session=session, user=user, policy=policy, now=datetime.now(UTC),
                     password=_password(f"new password for {user.email}: "))
        append(session, [operator("user.change", "user", user.id, detail={"password_set": True})])
    print(f"password of {args.email} changed; their sessions ended")
    return 0


def _create_token(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    now = datetime.now(UTC)
    expires = now + timedelta(days=args.expires_days) if args.expires_days else None
    with session_scope(engine) as session:
        user = _user(session, args.user)
        token, row = create_token(session=session, user=user, name=args.name or " ".join(args.scope),
                                  scopes=args.scope, now=now, expires_at=expires)
        append(session, [operator("token.create", "token", row.id, after=token_state(row))])
    print(token)
    print(f"token {row.id} for {user.email} ({', '.join(row.scopes)}): shown this once, store it now",
          file=sys.stderr)
    return 0


def _list_tokens(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    with session_scope(engine, write=False) as session:
        rows = session.exec(select(ApiToken, User.email).join(User, col(User.id) == ApiToken.user_id)
                            .order_by(ApiToken.created_at))
        for row, email in rows:
            state = "revoked" if row.revoked_at else (f"expires {row.expires_at:%Y-%m-%d}" if row.expires_at
                                                      else "active")
            print(f"{row.id}\t{email}\t{', '.join(row.scopes)}\t{row.name}\t{state}")
    return 0


def _revoke(args: argparse.Namespace, engine: Engine, policy: Policy) -> int:
    with session_scope(engine) as session:
        row = session.get(ApiToken, args.id)
        if row is None:
            raise AccountError(f"no token {args.id}; see `switchboard tokens list`", path="id")
        row.revoked_at = row.revoked_at or datetime.now(UTC)
        session.add(row)
        append(session, [operator("token.revoke", "token", row.id, detail={"user_id": row.user_id})])
    print(f"token {args.id} revoked")
    return 0


_COMMANDS = {("users", "add"): _add, ("users", "list"): _list, ("users", "disable"): _set_disabled(True),
             ("users", "enable"): _set_disabled(False), ("users", "reset-password"): _reset,
             ("tokens", "create"): _create_token, ("tokens", "list"): _list_tokens, ("tokens", "revoke"): _revoke}
