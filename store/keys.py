"""The key ring: the keys Switchboard encrypts secrets at rest and Temporal payloads with, and signs links by.

Keys come from a key file (`SWITCHBOARD_KEY_FILE`; `switchboard up` makes `data/keys.json` on first
start) or from the environment (`SWITCHBOARD_KEYS`, the same JSON). The newest key is the primary: it
seals everything new; older keys stay to open what they sealed until `switchboard keys rotate` has
re-sealed it. Each use derives its own subkey (HKDF-SHA256), so a key sealing secrets never signs.

Sealing is envelope encryption: every value gets a fresh data key (AES-256-GCM), and that data key is
wrapped with the key ring's key for the purpose. The sealed form names the key that wrapped it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEALED_PREFIX = "sb1:"


class KeyRingError(ValueError):
    """A key ring that cannot be read, or a sealed value no key of it opens."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class KeyRing:
    keys: dict[str, bytes]  # key id -> 32 random bytes
    primary: str
    _derived: dict[tuple[str, str], bytes] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.primary not in self.keys:
            raise KeyRingError(f"the primary key {self.primary!r} is not in the key ring")
        bad = [kid for kid, key in self.keys.items() if len(key) != 32 or ":" in kid]
        if bad:
            raise KeyRingError(f"key(s) {', '.join(bad)}: a key is 32 random bytes, its id has no ':'")

    @classmethod
    def generate(cls) -> KeyRing:
        kid = datetime.now(UTC).strftime("k%Y%m%d%H%M%S")
        return cls(keys={kid: secrets.token_bytes(32)}, primary=kid)

    @classmethod
    def loads(cls, text: str) -> KeyRing:
        try:
            doc = json.loads(text)
            return cls(keys={kid: _unb64(value) for kid, value in doc["keys"].items()}, primary=doc["primary"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyRingError('a key ring is JSON {"primary": ID, "keys": {ID: base64 of 32 bytes}}'
                               f" ({exc})") from exc

    def dumps(self) -> str:
        return json.dumps({"primary": self.primary, "keys": {kid: _b64(key) for kid, key in self.keys.items()}},
                          indent=2)

    def rotated(self) -> KeyRing:
        """The same ring with a new primary key (older keys stay, to open what they sealed)."""
        new = KeyRing.generate()
        kid = new.primary if new.primary not in self.keys else f"{new.primary}-{len(self.keys)}"
        return KeyRing(keys={**self.keys, kid: new.keys[new.primary]}, primary=kid)

    def fingerprint(self, kid: str | None = None) -> str:
        """A short, harmless name of a key for logs and listings."""
        return hashlib.sha256(b"fingerprint:" + self.keys[kid or self.primary]).hexdigest()[:12]

    def subkey(self, purpose: str, kid: str | None = None) -> bytes:
        kid = kid or self.primary
        cached = self._derived.get((kid, purpose))
        if cached is None:
            if kid not in self.keys:
                raise KeyRingError(f"key {kid!r} is not in the key ring (was it retired too early?)")
            cached = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                          info=f"switchboard:{purpose}".encode()).derive(self.keys[kid])
            self._derived[(kid, purpose)] = cached
        return cached

    def seal(self, plaintext: bytes, *, purpose: str) -> str:
        """`plaintext` encrypted under a fresh data key, itself wrapped by the primary key."""
        data_key, nonce, wrap_nonce = AESGCM.generate_key(256), os.urandom(12), os.urandom(12)
        aad = f"{self.primary}:{purpose}".encode()
        body = AESGCM(data_key).encrypt(nonce, plaintext, aad)
        wrapped = AESGCM(self.subkey(purpose)).encrypt(wrap_nonce, data_key, aad)
        return SEALED_PREFIX + ":".join((self.primary, _b64(wrap_nonce + wrapped), _b64(nonce + body)))

    def open(self, sealed: str, *, purpose: str) -> bytes:
        if not sealed.startswith(SEALED_PREFIX):
            raise KeyRingError("not a sealed value")
        try:
            kid, wrapped, body = sealed[len(SEALED_PREFIX):].split(":")
            aad = f"{kid}:{purpose}".encode()
            raw_wrapped, raw_body = _unb64(wrapped), _unb64(body)
            data_key = AESGCM(self.subkey(purpose, kid)).decrypt(raw_wrapped[:12], raw_wrapped[12:], aad)
            return AESGCM(data_key).decrypt(raw_body[:12], raw_body[12:], aad)
        except KeyRingError:
            raise
        except Exception as exc:  # InvalidTag, bad base64, wrong shape: all mean "cannot open"
            raise KeyRingError(f"a sealed {purpose} value does not open with this key ring") from exc

    def sealed_by(self, sealed: str) -> str:
        return sealed[len(SEALED_PREFIX):].split(":", 1)[0]

    def sign(self, message: str, *, purpose: str) -> str:
        return _b64(hmac.new(self.subkey(purpose), message.encode(), hashlib.sha256).digest())

    def verify(self, message: str, signature: str, *, purpose: str) -> bool:
        """Whether any key of the ring signed `message` (links signed before a rotation stay valid)."""
        return any(hmac.compare_digest(_b64(hmac.new(self.subkey(purpose, kid), message.encode(),
                                                     hashlib.sha256).digest()), signature) for kid in self.keys)


def digest(secret: str) -> str:
    """SHA-256 of a random secret (a session, token or webhook token): kept instead of the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def load_key_file(path: Path, *, create: bool = False) -> KeyRing:
    """The key ring in `path`; with `create`, a new one is written there (mode 0600) if the file is missing."""
    if not path.exists():
        if not create:
            raise KeyRingError(f"no key file at {path}: make one with `switchboard keys generate --out {path}` "
                            "(and keep a copy somewhere safe: without it nothing sealed can be read)")
        ring = KeyRing.generate()
        write_key_file(path, ring)
        return ring
    if path.stat().st_mode & 0o077:
        raise KeyRingError(f"{path} can be read by other users: chmod 600 {path}")
    return KeyRing.loads(path.read_text())


def key_ring(*, key_file: Path | None, keys_json: str | None, create: bool = False) -> KeyRing:
    """The key ring the settings name: SWITCHBOARD_KEYS (JSON) wins over the key file."""
    if keys_json:
        return KeyRing.loads(keys_json)
    if key_file is None:
        raise KeyRingError("no key ring: set SWITCHBOARD_KEY_FILE (a file `switchboard keys generate` wrote) or "
                           "SWITCHBOARD_KEYS (its JSON)")
    return load_key_file(key_file, create=create)


def write_key_file(path: Path, ring: KeyRing) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(ring.dumps())
    os.replace(temporary, path)
