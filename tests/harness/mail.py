"""Real mail servers for the email connector's tests: Debian's dovecot (IMAP) and an SMTP sink (aiosmtpd).

dovecot runs from a configuration of its own in a temporary folder, on a free port of 127.0.0.1,
with one mailbox user; messages are put in its INBOX with IMAP APPEND, as any mail client could.
The SMTP sink keeps every message it is given, so a test reads exactly what a customer would get.
"""

from __future__ import annotations

import imaplib
import ipaddress
import os
import pwd
import shutil
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.harness.postgres import free_port

USER, PASSWORD = "support", "imap-secret-7"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


@dataclass
class Imap:
    host: str
    port: int
    root: str

    def append(self, message: EmailMessage) -> None:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            client.login(USER, PASSWORD)
            status, data = client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), message.as_bytes())
            assert status == "OK", data
        finally:
            client.logout()


def _accounts() -> tuple[str, str, int, int]:
    """Unprivileged users for dovecot's processes, and the uid/gid that owns the mail."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid()).pw_name
        return me, me, os.geteuid(), os.getegid()
    nobody = pwd.getpwnam("dovecot")
    return "dovenull", "dovecot", nobody.pw_uid, nobody.pw_gid


@contextmanager
def dovecot_server() -> Iterator[Imap]:
    """dovecot with one user (USER / PASSWORD), stopped and removed after."""
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not os.path.exists(binary):
        raise RuntimeError("dovecot is not installed: `make test` installs Debian's dovecot-imapd "
                           "(scripts/system-deps.sh)")
    root = tempfile.mkdtemp(prefix="switchboard-imap-")
    login_user, internal_user, uid, gid = _accounts()
    port = free_port()
    for folder in ("run", "state", f"home/{USER}"):
        os.makedirs(f"{root}/{folder}", exist_ok=True)
    os.chmod(root, 0o755)
    os.chown(f"{root}/home/{USER}", uid, gid)
    with open(f"{root}/passwd", "w") as out:
        out.write(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    with open(f"{root}/dovecot.conf", "w") as out:
        out.write(CONFIG.format(root=root, port=port, uid=uid, gid=gid, login_user=login_user,
                                internal_user=internal_user))
    process = subprocess.Popen([binary, "-F", "-c", f"{root}/dovecot.conf"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                imaplib.IMAP4("127.0.0.1", port, timeout=2).logout()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = open(f"{root}/dovecot.log").read() if os.path.exists(f"{root}/dovecot.log") else ""
                    raise RuntimeError(f"dovecot did not start: {process.stderr.read() if process.stderr else ''}"
                                       f"{log}") from None
                time.sleep(0.1)
        yield Imap("127.0.0.1", port, root)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class SmtpSink:
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)  # (MAIL FROM, RCPT TOs) of each message
    refusals: list[str] = field(default_factory=list)  # answers DATA gets, in turn, before it is taken

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 - aiosmtpd's name
        if self.refusals:
            return self.refusals.pop(0)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[attr-defined]
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))  # type: ignore[attr-defined]
        return "250 OK"


def certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A certificate authority and a server certificate it signs for 127.0.0.1 (and localhost), made here:
    (the authority's PEM, the server's certificate PEM, the server's key PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)
    authority_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    authority_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Switchboard test CA")])
    authority = (x509.CertificateBuilder().subject_name(authority_name).issuer_name(authority_name)
                 .public_key(authority_key.public_key()).serial_number(x509.random_serial_number())
                 .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
                 .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                 .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                              content_commitment=False, key_encipherment=False,
                                              data_encipherment=False, key_agreement=False, encipher_only=False,
                                              decipher_only=False), critical=True)
                 .add_extension(x509.SubjectKeyIdentifier.from_public_key(authority_key.public_key()), critical=False)
                 .sign(authority_key, hashes.SHA256()))
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(authority_name).public_key(server_key.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
              .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                          x509.DNSName("localhost")]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()),
                             critical=False)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .sign(authority_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server-key.pem"
    paths[0].write_bytes(authority.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    return paths


@contextmanager
def smtp_sink(*, login: tuple[str, str] | None = None, tls: str | None = None,
              certificate: tuple[Path, Path] | None = None) -> Iterator[SmtpSink]:
    """An SMTP sink on 127.0.0.1; with `login` (user, password), it takes mail only after that login (AUTH
    PLAIN or LOGIN, over plain text unless `tls`: the test's own machine). `tls` "starttls" (required before
    anything else) or "tls" (from the first byte), with `certificate` (its PEM and its key's)."""
    sink = SmtpSink(port=free_port())
    options: dict[str, object] = {}
    if login is not None:
        def authenticator(server: object, session: object, envelope: object, mechanism: str,
                          auth_data: object) -> AuthResult:
            given = (auth_data.login.decode(), auth_data.password.decode()) \
                if isinstance(auth_data, LoginPassword) else None
            return AuthResult(success=given == login, handled=False)

        # aiosmtpd counts only STARTTLS as TLS for AUTH: with TLS from the first byte it would offer no AUTH.
        options = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": tls == "starttls"}
    if tls is not None:
        assert certificate is not None, "a TLS sink needs its certificate"
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        options |= {"tls_context": context, "require_starttls": True} if tls == "starttls" else \
            {"ssl_context": context}
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port, **options)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
