"""The one Settings class. Built by the composition roots, never at import time."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from store.budget import DEFAULT_TAGGING_BUDGET_MS
from store.keys import KeyRing, key_ring
from store.report_mail import SmtpConfig, address_problem
from store.retention.policy import Retention

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SWITCHBOARD_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'data' / 'switchboard.db'}",
        validation_alias=AliasChoices("DATABASE_URL", "SWITCHBOARD_DATABASE_URL"),
        description="SQLAlchemy URL of the read side: sqlite:///path or postgresql+psycopg://user:pw@host/db",
    )
    temporal_address: str = Field(default="127.0.0.1:7233", description="host:port of the Temporal frontend")
    temporal_namespace: str = "default"
    task_queue: str = "switchboard-cases"
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    designer_dist: Path = Field(default=REPO_ROOT / "designer" / "dist",
                                description="built designer served at / (skipped when missing)")
    temporal_ui_origin: str | None = Field(default=None, description=(
        "the Temporal UI's origin (e.g. https://temporal.example.com): it may call /api/codec with the user's "
        "session to show sealed payloads"))
    temporal_ui_url: str | None = Field(default=None, description=(
        "the Temporal UI as browsers reach it (e.g. https://temporal.example.com/ui), for the case page's link to "
        "a case's workflow; default: SWITCHBOARD_TEMPORAL_UI_ORIGIN"))
    key_file: Path | None = Field(default=None, description=(
        "the key ring file (JSON, mode 0600) that seals secrets and Temporal payloads; `switchboard up` makes "
        "data/keys.json"))
    keys: SecretStr | None = Field(default=None, description="the key ring's JSON itself, instead of a file")
    connect_allow: str = Field(default="", description=(
        "networks connectors may reach though private, loopback or link-local (e.g. 10.0.0.0/8,127.0.0.1/32); "
        "none by default"))
    webhook_max_failures: int = Field(default=10, ge=1, description=(
        "webhook subscriptions are paused (and shown unhealthy, their backlog kept) after this many failed "
        "deliveries in a row"))
    webhook_pause_after_seconds: int = Field(default=86_400, ge=1, description=(
        "... or after failing for this long, whichever comes first"))
    webhook_retry_seconds: float = Field(default=1.0, gt=0, description=(
        "the first retry of a failed webhook delivery waits this long; each next one twice as long (at most 10 "
        "minutes)"))
    login_per_minute: int = Field(default=20, ge=1, description="login attempts per client address per minute")
    audit_retention_days: int | None = Field(default=None, ge=1, description=(
        "audit entries older than this many days are purged once an hour, a signed checkpoint keeping the rest "
        "verifiable; none: kept for ever"))
    case_retention_days: int | None = Field(default=None, ge=1, description=(
        "cases closed more than this many days ago (and past their reopen window) are purged once an hour, with "
        "their timeline, deadlines, routing, presence and expert requests; open cases never; none: kept for ever"))
    mention_retention_days: int | None = Field(default=None, ge=1, description=(
        "mentions received more than this many days ago that no kept case holds are purged once an hour, with "
        "the conversations they leave empty; none: kept for ever"))
    audit_strict: bool = Field(default=False, description=(
        "answer 500 when a request changed something and wrote no audit entry (the tests; otherwise it is "
        "logged as an error)"))
    webhook_per_second: int = Field(default=500, ge=1, description="webhook posts per source (and per client) a second")
    import_per_second: int = Field(default=50, ge=1, description="import batches per token (and per source) a second")
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, description="largest request body, imports apart")
    max_import_bytes: int = Field(default=32 * 1024 * 1024, ge=1024, description="largest import batch body")
    session_idle_seconds: int = Field(default=1800, ge=60, description="a session unused this long ends")
    session_max_seconds: int = Field(default=12 * 3600, ge=300, description="a session ends this long after login")
    password_min_length: int = Field(default=12, ge=8, le=128)
    password_history: int = Field(default=5, ge=0, le=50, description="how many earlier passwords cannot be reused")
    totp_required_roles: str = Field(default="", description=(
        "roles that must log in with an authenticator code too, e.g. admin,supervisor (comma-separated)"))
    login_max_failures: int = Field(default=5, ge=1, description="failed logins in a row before a lockout")
    login_lockout_seconds: int = Field(default=30, ge=1,
                                       description="first lockout; each further failure doubles it (at most 1 h)")
    tagging_budget_ms: float = Field(default=DEFAULT_TAGGING_BUDGET_MS, description=(
        "CPU time one mention's tagging may take (ms), at ingest and in the case's classification: once spent, its "
        "remaining steps (sentiment, language, patterns, tagging rules) are skipped and the cut is recorded; the "
        "mention goes on with the tags found"))
    share_of_voice: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Share of voice (GET /api/analytics/mentions?metric=share_of_voice): the brand and its competitors, each "
        "name with the terms that name it, as JSON, e.g. {\"Acme\": [\"acme\", \"@acmehelp\"], \"Globex\": "
        "[\"globex\"]}; a term matches as a whole word or phrase, case-insensitively"))

    smtp_host: str | None = Field(default=None, description=(
        "the SMTP server scheduled reports are emailed through (e.g. smtp.example.com); none: no report email. Its "
        "address passes the outbound rule: a private or loopback one needs SWITCHBOARD_CONNECT_ALLOW"))
    smtp_port: int = Field(default=587, ge=1, le=65535, description="the SMTP server's port (465 with tls)")
    smtp_security: Literal["starttls", "tls", "none"] = Field(default="starttls", description=(
        "starttls (upgrade after connecting), tls (TLS from the start) or none (a relay on a trusted network)"))
    smtp_username: str | None = Field(default=None, description="the SMTP login; none: no login")
    smtp_password: SecretStr | None = Field(default=None, description="the SMTP password (never logged or shown)")
    smtp_password_file: Path | None = Field(default=None, description=(
        "a file holding the SMTP password (a mounted secret), instead of SWITCHBOARD_SMTP_PASSWORD"))
    smtp_from: str | None = Field(default=None, description="the From address of report emails, e.g. "
                                                            "reports@example.com")
    smtp_ca_file: Path | None = Field(default=None, description=(
        "a PEM file of the certificate authorities that sign the SMTP server's certificate (an internal CA); "
        "default: the system's. The certificate and the server's name are always checked with starttls and tls"))

    @field_validator("smtp_from")
    @classmethod
    def _sender(cls, value: str | None) -> str | None:
        if value is not None and address_problem(value):
            raise ValueError(f"SWITCHBOARD_SMTP_FROM: {address_problem(value)}")
        return value

    @field_validator("share_of_voice")
    @classmethod
    def _terms_given(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, terms in value.items():
            if not name.strip() or not any(term.strip() for term in terms):
                raise ValueError(f"SWITCHBOARD_SHARE_OF_VOICE: {name!r} needs a name and at least one non-blank term")
        return value

    @field_validator("tagging_budget_ms")
    @classmethod
    def _positive_budget(cls, value: float) -> float:
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"SWITCHBOARD_TAGGING_BUDGET_MS is the CPU time (ms) one mention's tagging may take: "
                             f"a number above 0 (default {DEFAULT_TAGGING_BUDGET_MS:g}); no value turns the budget off")
        return value

    def retention(self) -> Retention:
        """How many days each data class is kept (store.retention)."""
        return Retention(mentions=self.mention_retention_days, cases=self.case_retention_days,
                         audit=self.audit_retention_days)

    def smtp_missing(self) -> str | None:
        """Which setting report email still needs, or None when it is configured."""
        if not self.smtp_host:
            return "SWITCHBOARD_SMTP_HOST (and SWITCHBOARD_SMTP_FROM)"
        if not self.smtp_from:
            return "SWITCHBOARD_SMTP_FROM"
        return None

    def smtp(self) -> SmtpConfig | None:
        """The outbound SMTP server of report email; None when SWITCHBOARD_SMTP_HOST or _FROM is not set. The
        password comes from SWITCHBOARD_SMTP_PASSWORD or the file SWITCHBOARD_SMTP_PASSWORD_FILE names."""
        if self.smtp_missing() or self.smtp_host is None or self.smtp_from is None:
            return None
        password = self.smtp_password
        if password is None and self.smtp_password_file is not None:
            try:
                password = SecretStr(self.smtp_password_file.read_text().rstrip("\r\n"))
            except OSError as exc:
                raise ValueError(f"SWITCHBOARD_SMTP_PASSWORD_FILE: {self.smtp_password_file} cannot be read "
                                 f"({exc.strerror})") from None
        if self.smtp_ca_file is not None and not self.smtp_ca_file.is_file():
            raise ValueError(f"SWITCHBOARD_SMTP_CA_FILE: {self.smtp_ca_file} is not a file; give the PEM file of the "
                             "authorities that sign the SMTP server's certificate, or unset it to use the system's")
        return SmtpConfig(host=self.smtp_host, port=self.smtp_port, security=self.smtp_security,
                          username=self.smtp_username, password=password, from_address=self.smtp_from,
                          ca_file=str(self.smtp_ca_file) if self.smtp_ca_file else None)

    def temporal_ui(self) -> str | None:
        """Where browsers open the Temporal UI, without a trailing slash; None when unknown."""
        url = self.temporal_ui_url or self.temporal_ui_origin
        return url.rstrip("/") if url else None

    def key_ring(self, *, create: bool = False) -> KeyRing:
        return key_ring(key_file=self.key_file, keys_json=self.keys.get_secret_value() if self.keys else None,
                        create=create)

    @classmethod
    def env_names(cls) -> set[str]:
        """Every environment variable name the settings read."""
        names = set()
        for name, field in cls.model_fields.items():
            alias = field.validation_alias
            if isinstance(alias, AliasChoices):
                names.update(str(choice) for choice in alias.choices)
            else:
                names.add(f"SWITCHBOARD_{name.upper()}")
        return names
