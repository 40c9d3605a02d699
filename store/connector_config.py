"""Each connector kind's configuration, as pydantic models: checked when a source is saved.

Secrets (tokens, passwords, signing keys) are `SecretStr`: sealed with the key ring before they are
stored (`stored`), opened only where a connector uses them (`opened`), never logged, and never returned
by the API, which shows "********" instead.
"""

from __future__ import annotations

import hmac
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    SecretStr,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from store.fields import EMAIL_PATTERN, WHOLE
from store.keys import KeyRing, digest, is_sealed
from store.mapping import DIRECTION_FIELDS
from store.mapping import FIELDS as MAPPABLE

MASK = "********"


SECRET_PURPOSE = "connector-secret"


# An http(s) URL with a host name or an IPv4 address (and maybe a user, a port, a path, a query, a fragment), in
# characters the URL keeps as they are: every such URL parses, and parses again as stored (stored, it gains at most
# the "/" of an empty path). A name never ends in a number, which would make it an address (`http://1.2.3.4.5`
# does not parse), and has no `xn--` label (punycode, which parses only when it is valid).
URL_MAX_LENGTH = 2082  # sent; pydantic's 2083 once stored, with the "/" an empty path gains
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_PORT = r"(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
_USER = r"(?:[A-Za-z0-9._~!$&'()*+,-]|%[0-9A-Fa-f]{2})"  # RFC 3986 userinfo, but ; and = (which URLs escape)
_PATH = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})"  # RFC 3986 path characters
_QUERY = r"(?:[A-Za-z0-9._~!$&()*+,;=:@/?-]|%[0-9A-Fa-f]{2})"  # RFC 3986 query, but ' (which URLs escape)
_AFTER_X = (r"(?:[A-MO-Za-mo-z0-9_-][A-Za-z0-9_-]*"
            r"|[nN](?:[A-Za-z0-9_][A-Za-z0-9_-]*|-(?:[A-Za-z0-9_][A-Za-z0-9_-]*)?)?)?")
_LABEL = rf"(?:[A-WYZa-wyz0-9_-][A-Za-z0-9_-]*|[xX]{_AFTER_X})"
_LAST_LABEL = rf"(?:[A-WYZa-wyz][A-Za-z0-9_-]*|[xX]{_AFTER_X})"  # a letter first: never read as an address
URL_PATTERN = (rf"^https?://(?:{_USER}+(?::{_USER}*)?@)?"
               rf"(?:(?:{_LABEL}\.)*{_LAST_LABEL}|(?:{_OCTET}\.){{3}}{_OCTET})"
               rf"(?::{_PORT})?(?:/{_PATH}*)?(?:\?{_QUERY}*)?(?:#{_QUERY}*)?$")


def _url_shaped(value: Any, parse: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    url = parse(value)  # what is no URL at all is refused as such
    # Then its shape, only as sent: a stored URL was checked when it was saved (older ones had no shape).
    sent = bool(info.context and info.context.get("sent"))
    if sent and isinstance(value, str) and (len(value) > URL_MAX_LENGTH or not re.fullmatch(URL_PATTERN, value)):
        raise PydanticCustomError("url_shape", "give an http or https URL with a host name or an IPv4 address, "
                                               f"at most {URL_MAX_LENGTH} characters, e.g. https://example.com/feed")
    return url


WebUrl = Annotated[HttpUrl, WrapValidator(_url_shaped),
                   Field(json_schema_extra={"pattern": URL_PATTERN, "maxLength": URL_MAX_LENGTH})]
Seconds = Annotated[int, Field(strict=True, ge=5, le=86_400, description="how often to poll, in seconds"), WHOLE]
Port = Annotated[int, Field(strict=True, ge=1, le=65535), WHOLE]


def _as_requests_send_it(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """A config as requests send it: fields only the API sets left out, and the kind's rules across fields."""
    for name in getattr(model, "managed_fields", ()):
        schema.get("properties", {}).pop(name, None)
    schema.update(getattr(model, "schema_rules", {}))


class KindConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_as_requests_send_it)
    # Where the connector connects and as whom: changing any of these drops the stored secrets,
    # so a secret is never sent to a host (or account) it was not given for.
    identity_fields: ClassVar[tuple[str, ...]] = ()
    # Fields only the API sets (a digest of a token it made): requests cannot set or see them.
    managed_fields: ClassVar[tuple[str, ...]] = ()
    # What the fields' own schemas cannot say: JSON Schema keywords over the whole config (if/then).
    schema_rules: ClassVar[dict[str, Any]] = {}


class WebhookConfig(KindConfig):
    """A generic JSON webhook: our fields taken from the posted body by dotted path; every post is
    authenticated by the source's token or an HMAC signature, unless the operator says `none`."""

    managed_fields: ClassVar[tuple[str, ...]] = ("token_digest",)
    schema_rules: ClassVar[dict[str, Any]] = {
        "if": {"properties": {"auth": {"const": "hmac"}}, "required": ["auth"]},
        "then": {"properties": {"hmac_secret": {"type": "string"}}, "required": ["hmac_secret"]}}

    auth: Literal["token", "hmac", "none"] = Field(default="token", description=(
        "token: each post carries the source's token in X-Switchboard-Token (made when the source is created, "
        "shown once; POST /api/sources/{id}/webhook-token makes a new one); hmac: each post is signed with "
        "hmac_secret; none: anyone who can reach the API may post (only behind a gateway that checks senders)"))
    token_digest: str | None = Field(default=None, description="SHA-256 of the source's token; set by the API, "
                                                               "never shown")
    mapping: dict[str, str] = Field(default_factory=dict, json_schema_extra={"propertyNames": {"enum": list(MAPPABLE)}},
                                    description=(
        "our field -> dotted path in the posted JSON, e.g. {\"author\": \"user.handle\"}; unmapped fields are "
        "read under their own names"))
    hmac_secret: SecretStr | None = Field(default=None, description=(
        "when set, each request must carry an HMAC-SHA256 of its raw body in signature_header"))
    signature_header: str = Field(default="X-Signature-256", min_length=1, max_length=100)

    @model_validator(mode="before")
    @classmethod
    def _signed_means_hmac(cls, raw: Any) -> Any:
        # A config that gives a signing secret and says nothing of auth is signed (as before auth existed).
        if isinstance(raw, dict) and raw.get("hmac_secret") and "auth" not in raw:
            return {**raw, "auth": "hmac"}
        return raw

    def model_post_init(self, _: Any) -> None:
        unknown = sorted(set(self.mapping) - set(MAPPABLE))
        if unknown:
            raise ValueError(f"mapping names unknown field(s) {', '.join(unknown)}; fields are {', '.join(MAPPABLE)}")
        ways = [name for name in DIRECTION_FIELDS if name in self.mapping]
        if len(ways) > 1:
            raise ValueError(f"mapping names {' and '.join(ways)}: map one of them (direction for an inbound/outbound "
                             "value, inbound or outbound for a true/false one)")
        if self.auth == "hmac" and self.hmac_secret is None:
            raise ValueError("auth is hmac: give hmac_secret, the key senders sign each body with")

    def token_matches(self, given: str | None) -> bool:
        if not given or self.token_digest is None:
            return False
        return hmac.compare_digest(self.token_digest, digest(given))


def set_webhook_token(config: dict[str, Any], token: str) -> dict[str, Any]:
    """A webhook config that takes `token` from now on (only its digest is kept)."""
    return {**config, "auth": "token", "token_digest": digest(token)}


_HEADER_TOKEN = r"^[!-~]+$"


class RssConfig(KindConfig):
    """An RSS or Atom feed, polled for new entries."""

    identity_fields: ClassVar[tuple[str, ...]] = ("url",)
    url: WebUrl
    poll_seconds: Seconds = 300


class MastodonConfig(KindConfig):
    """A Mastodon account: its mentions come in, replies go out as statuses."""

    identity_fields: ClassVar[tuple[str, ...]] = ("base_url",)

    base_url: WebUrl = Field(description="the instance, e.g. https://mastodon.social")
    access_token: SecretStr = Field(min_length=1, max_length=500, json_schema_extra={"pattern": _HEADER_TOKEN},
                                    description="a token with read:notifications and write:statuses")
    poll_seconds: Seconds = 60

    @field_validator("access_token")
    @classmethod
    def _sendable(cls, token: SecretStr) -> SecretStr:
        # It travels in an Authorization header: printable ASCII, no spaces (never echoed in the message).
        if not re.fullmatch(_HEADER_TOKEN, token.get_secret_value()):
            raise ValueError("an access token is printable ASCII without spaces, as the instance gave it; "
                             "paste it again")
        return token


class EmailConfig(KindConfig):
    """A support mailbox: mail comes in over IMAP, replies go out over SMTP, threaded by Message-ID."""

    identity_fields: ClassVar[tuple[str, ...]] = ("imap_host", "imap_port", "username", "smtp_host", "smtp_port",
                                                  "smtp_username")

    schema_rules: ClassVar[dict[str, Any]] = {
        "if": {"anyOf": [{"properties": {name: {"const": "none"}}, "required": [name]}
                         for name in ("imap_security", "smtp_security")]},
        "then": {"properties": {"allow_insecure": {"const": True}}, "required": ["allow_insecure"]}}

    imap_host: str = Field(min_length=1, max_length=255)
    imap_port: Port = 993
    imap_security: Literal["ssl", "starttls", "none"] = "ssl"
    username: str = Field(min_length=1, max_length=255)
    password: SecretStr = Field(min_length=1)
    mailbox: str = Field(default="INBOX", min_length=1, max_length=255)
    smtp_host: str = Field(min_length=1, max_length=255)
    smtp_port: Port = 587
    smtp_security: Literal["ssl", "starttls", "none"] = "starttls"
    smtp_username: str | None = Field(default=None, description="default: username")
    smtp_password: SecretStr | None = Field(default=None, description="default: password")
    from_address: str = Field(pattern=EMAIL_PATTERN, description="the address replies are sent from")
    poll_seconds: Seconds = 60
    allow_insecure: bool = Field(default=False, strict=True, validate_default=True, description=(
        "take imap_security or smtp_security 'none' (the password crosses the network in the clear); only for "
        "a server on a network you trust"))

    @field_validator("allow_insecure")
    @classmethod
    def _tls_unless_allowed(cls, allowed: bool, info: ValidationInfo) -> bool:
        plain = [name for name in ("imap_security", "smtp_security") if info.data.get(name) == "none"]
        if plain and not allowed:
            raise PydanticCustomError("insecure", f"{' and '.join(plain)} 'none' would send the password in the "
                                      "clear: use ssl or starttls, or set allow_insecure for a server on a network "
                                      "you trust")
        return allowed


class FileConfig(KindConfig):
    """Mentions that only come by `switchboard import` (backfills, exports)."""


Kind = Literal["webhook", "rss", "mastodon", "email", "file"]
KINDS: dict[str, type[KindConfig]] = {
    "webhook": WebhookConfig, "rss": RssConfig, "mastodon": MastodonConfig, "email": EmailConfig,
    "file": FileConfig}
POLLING_KINDS = frozenset({"rss", "mastodon", "email"})


def parse_config(kind: str, raw: dict[str, Any], *, sent: bool = False) -> KindConfig:
    """The kind's config; raises KeyError for an unknown kind, ValidationError/ValueError for a bad config.

    `sent`: as a request sends it, held to the limits the API documents (a stored one was, when it was saved).
    """
    return KINDS[kind].model_validate(raw, context={"sent": sent})


def secret_fields(kind: str) -> tuple[str, ...]:
    model = KINDS.get(kind)
    return secrets_of(model) if model else ()


def secrets_of(model: type[KindConfig]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if info.annotation in (SecretStr, SecretStr | None))


def stored(config: KindConfig, keys: KeyRing) -> dict[str, Any]:
    """The config as saved: every secret sealed with the key ring (the API never returns this form)."""
    out = config.model_dump(mode="json")
    for name, value in config:
        if isinstance(value, SecretStr):
            out[name] = keys.seal(value.get_secret_value().encode(), purpose=SECRET_PURPOSE)
    return out


def open_secrets(kind: str, raw: dict[str, Any], keys: KeyRing) -> dict[str, Any]:
    """`raw` with its sealed secrets opened (a secret stored before sealing existed is taken as it is)."""
    out = dict(raw)
    for name in secret_fields(kind):
        if is_sealed(out.get(name)):
            out[name] = keys.open(out[name], purpose=SECRET_PURPOSE).decode()
    return out


def opened(kind: str, raw: dict[str, Any], keys: KeyRing) -> KindConfig:
    """The stored config, secrets opened, for the connector that uses it."""
    return parse_config(kind, open_secrets(kind, raw, keys))


def changed_identity(kind: str, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The identity fields (host, URL, account) that differ between two configs of a kind, compared as the
    model reads them (`https://a.example` is `https://a.example/`)."""
    model = KINDS.get(kind)
    if model is None:
        return []

    def normal(name: str, config: dict[str, Any]) -> Any:
        info = model.model_fields[name]
        value = config.get(name, info.get_default(call_default_factory=True))
        try:
            return TypeAdapter(info.annotation).dump_python(TypeAdapter(info.annotation).validate_python(value),
                                                            mode="json")
        except ValidationError:
            return value

    return [f for f in model.identity_fields if normal(f, before) != normal(f, after)]


def managed(kind: str) -> frozenset[str]:
    """Config fields only the API sets (a digest of a token it made); requests cannot set or see them."""
    model = KINDS.get(kind)
    return frozenset(model.managed_fields if model else ())


def public(kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The config as the API shows it: every secret masked, managed fields left out."""
    if kind not in KINDS:
        return {}
    out = {k: v for k, v in raw.items() if k not in managed(kind)}
    for name in secret_fields(kind):
        if out.get(name):
            out[name] = MASK
    return out


__all__ = ["KINDS", "MASK", "POLLING_KINDS", "EmailConfig", "FileConfig", "Kind", "KindConfig", "MastodonConfig",
           "RssConfig", "ValidationError", "WebhookConfig", "changed_identity", "managed", "open_secrets", "opened",
           "parse_config", "public", "secret_fields", "secrets_of", "set_webhook_token", "stored"]
