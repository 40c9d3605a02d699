"""Passwords: argon2id hashes (argon2-cffi), and the policy a new password must meet."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are RFC 9106's low-memory profile: argon2id, t=3, m=64 MiB, p=4.
_HASHER = PasswordHasher()
_COMMON = Path(__file__).with_name("common-passwords.txt.gz")
# Verified against when the email is unknown, so a miss costs what a hit costs.
_DUMMY = _HASHER.hash("no such user: this hash only spends the time a real one would")


class PasswordRefused(ValueError):
    """A new password the policy refuses; the message says why and what to do."""


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether `password` matches `stored` (an argon2 hash); constant work when there is no hash."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


@cache
def _common_passwords() -> frozenset[str]:
    with gzip.open(_COMMON, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def breached_pattern(min_length: int) -> str:
    """A regex (in the dialect Python and ECMA share) matching, in any case, each common breached password of
    at least `min_length` characters: what the OpenAPI document says a new password must not match."""
    def any_case(char: str) -> str:
        upper = char.upper()
        if upper != char.lower() and len(upper) == 1:
            return f"[{char.lower()}{upper}]"
        return "\\" + char if char in r".^$*+?()[]{}|\/-" else char
    words = sorted(w for w in _common_passwords() if len(w) >= min_length)
    return "^(?:" + "|".join("".join(map(any_case, w)) for w in words) + ")$"


def check_policy(password: str, *, min_length: int, email: str, previous: list[str]) -> None:
    """Raise PasswordRefused unless `password` is long enough, not common, not the email, and not reused."""
    if len(password) < min_length:
        raise PasswordRefused(f"a password has at least {min_length} characters; this one has {len(password)}")
    if len(password) > 1024:
        raise PasswordRefused("a password has at most 1024 characters")
    lowered = password.lower()
    if lowered in _common_passwords():
        raise PasswordRefused("this password is on the list of common breached passwords; choose another")
    if lowered in {email.lower(), email.split("@")[0].lower()}:
        raise PasswordRefused("a password cannot be the account's email or its name")
    if any(verify_password(old, password) for old in previous):
        raise PasswordRefused(f"this password was used recently on this account (the last {len(previous)} are "
                              "kept); choose a new one")
