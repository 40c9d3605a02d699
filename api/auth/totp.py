"""The second factor: RFC 6238 time-based codes (pyotp), the key sealed with the key ring, each code usable once."""

from __future__ import annotations

from datetime import datetime

import pyotp

from store.accounts import User
from store.keys import KeyRing

PURPOSE = "totp-secret"
ISSUER = "Switchboard"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// link an authenticator app reads (as a QR code or typed in)."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def seal(secret: str, keys: KeyRing) -> str:
    return keys.seal(secret.encode(), purpose=PURPOSE)


def matching_step(sealed: str, code: str, *, keys: KeyRing, now: datetime, after: int | None) -> int | None:
    """The time step `code` is valid for (this one, or one either side for clock drift), if later than `after`."""
    code = code.strip().replace(" ", "")
    if not code.isdigit():
        return None
    totp = pyotp.TOTP(keys.open(sealed, purpose=PURPOSE).decode())
    step = totp.timecode(now)
    for candidate in (step, step - 1, step + 1):
        if (after is None or candidate > after) and totp.generate_otp(candidate) == code:
            return candidate
    return None


def has_second_factor(user: User) -> bool:
    return user.totp_secret is not None
