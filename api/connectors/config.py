"""Each connector kind's configuration, as pydantic models: checked when a source is saved.

Secrets (tokens, signing keys) are `SecretStr`: stored as given (encryption at rest comes with the
security issue), never logged, and never returned by the API, which shows "********" instead.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, ValidationError

from api.discovery.mapping import FIELDS as MAPPABLE

MASK = "********"


class KindConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WebhookConfig(KindConfig):
    """A generic JSON webhook: our fields taken from the posted body by dotted path, optionally signed."""

    mapping: dict[str, str] = Field(default_factory=dict, description=(
        "our field -> dotted path in the posted JSON, e.g. {\"author\": \"user.handle\"}; unmapped fields are "
        "read under their own names"))
    hmac_secret: SecretStr | None = Field(default=None, description=(
        "when set, each request must carry an HMAC-SHA256 of its raw body in signature_header"))
    signature_header: str = Field(default="X-Signature-256", min_length=1, max_length=100)

    def model_post_init(self, _: Any) -> None:
        unknown = sorted(set(self.mapping) - set(MAPPABLE))
        if unknown:
            raise ValueError(f"mapping names unknown field(s) {', '.join(unknown)}; fields are {', '.join(MAPPABLE)}")


class RssConfig(KindConfig):
    """An RSS or Atom feed, polled for new entries."""

    url: HttpUrl
    poll_seconds: int = Field(default=300, ge=5, le=86_400)


class MastodonConfig(KindConfig):
    """A Mastodon account: its mentions come in, replies go out as statuses."""

    base_url: HttpUrl = Field(description="the instance, e.g. https://mastodon.social")
    access_token: SecretStr = Field(min_length=1, description="a token with read:notifications and write:statuses")
    poll_seconds: int = Field(default=60, ge=5, le=86_400)


class EmailConfig(KindConfig):
    """A support mailbox: mail comes in over IMAP, replies go out over SMTP, threaded by Message-ID."""

    imap_host: str = Field(min_length=1, max_length=255)
    imap_port: int = Field(default=993, ge=1, le=65535)
    imap_security: Literal["ssl", "starttls", "none"] = "ssl"
    username: str = Field(min_length=1, max_length=255)
    password: SecretStr = Field(min_length=1)
    mailbox: str = Field(default="INBOX", min_length=1, max_length=255)
    smtp_host: str = Field(min_length=1, max_length=255)
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["ssl", "starttls", "none"] = "starttls"
    smtp_username: str | None = Field(default=None, description="default: username")
    smtp_password: SecretStr | None = Field(default=None, description="default: password")
    from_address: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="the address replies are sent from")
    poll_seconds: int = Field(default=60, ge=5, le=86_400)


class FileConfig(KindConfig):
    """Mentions that only come by `switchboard import` (backfills, exports)."""


KINDS: dict[str, type[KindConfig]] = {
    "webhook": WebhookConfig, "rss": RssConfig, "mastodon": MastodonConfig, "email": EmailConfig,
    "file": FileConfig}
POLLING_KINDS = frozenset({"rss", "mastodon", "email"})


def parse_config(kind: str, raw: dict[str, Any]) -> KindConfig:
    """The kind's config; raises KeyError for an unknown kind, ValidationError/ValueError for a bad config."""
    return KINDS[kind].model_validate(raw)


def stored(config: KindConfig) -> dict[str, Any]:
    """The config as saved: secrets in the clear (the API never returns this form)."""
    out = config.model_dump(mode="json")
    for name, value in config:
        if isinstance(value, SecretStr):
            out[name] = value.get_secret_value()
    return out


def public(kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The config as the API shows it: every secret masked."""
    model = KINDS.get(kind)
    if model is None:
        return {}
    out = dict(raw)
    for name, info in model.model_fields.items():
        if info.annotation in (SecretStr, SecretStr | None) and out.get(name):
            out[name] = MASK
    return out


__all__ = ["KINDS", "MASK", "POLLING_KINDS", "EmailConfig", "KindConfig", "MastodonConfig", "RssConfig",
           "ValidationError", "WebhookConfig", "parse_config", "public", "stored"]
