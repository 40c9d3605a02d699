"""Share of voice's names (issue 16): the brand and its competitors, each with the terms that name it, kept by ops
leads in one row; until they save some, the setting SWITCHBOARD_SHARE_OF_VOICE (its first name is the brand) is
the default. store.analytics counts inbound mentions naming each (`names_of` gives them as it takes them).

The services here change rows in the caller's transaction and never commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic import Field as ModelField
from sqlmodel import JSON, Column, Field, Session, SQLModel

from store.db.types import UtcDateTime

MAX_COMPETITORS = 10
MAX_TERMS = 20
NAME_MAX = 80
TERM_MAX = 100
Origin = Literal["saved", "environment", "none"]


def _stripped(what: str) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip():
                raise ValueError(f"the {what} is blank: write one, or remove it")
            return " ".join(value.split())
        return value
    return BeforeValidator(check)


Term = Annotated[str, _stripped("term"), StringConstraints(min_length=1, max_length=TERM_MAX, pattern=r"^[^\x00]*$"),
                 ModelField(description=f"A word, @handle or phrase (1 to {TERM_MAX} characters), matched as a whole "
                                        "word or phrase, case-insensitively", examples=["acme"])]
Name = Annotated[str, _stripped("name"), StringConstraints(min_length=1, max_length=NAME_MAX, pattern=r"^[^\x00]*$"),
                 ModelField(description=f"What the figures call it (1 to {NAME_MAX} characters)", examples=["Acme"])]


class VoiceName(BaseModel):
    """The brand or one competitor, and the terms that name it."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    terms: list[Term] = ModelField(min_length=1, max_length=MAX_TERMS,
                                   description=f"1 to {MAX_TERMS} terms, each once")


class ShareOfVoiceTerms(BaseModel):
    """Whose share of voice is counted: the brand and up to MAX_COMPETITORS competitors."""

    model_config = ConfigDict(extra="forbid")

    brand: VoiceName
    competitors: list[VoiceName] = ModelField(default_factory=list, max_length=MAX_COMPETITORS,
                                              description=f"Up to {MAX_COMPETITORS} competitors")

    def names(self) -> dict[str, list[str]]:
        """Each name's terms, the brand first, as store.analytics takes them."""
        return {entry.name: list(entry.terms) for entry in (self.brand, *self.competitors)}

    def problem(self) -> tuple[str, str] | None:
        """(path, message) of a name or term given twice, case and spacing aside (a term under two names would
        count one mention for both); None when every one is distinct."""
        names: dict[str, str] = {}
        terms: dict[str, str] = {}
        for where, entry in (("brand", self.brand), *((f"competitors.{n}", c) for n, c in enumerate(self.competitors))):
            key = entry.name.casefold()
            if key in names:
                return f"{where}.name", f"{entry.name!r} is named twice (also {names[key]}): give each name once"
            names[key] = where
            for m, term in enumerate(entry.terms):
                key = term.casefold()
                if key in terms:
                    return (f"{where}.terms.{m}", f"the term {term!r} is given twice (also {terms[key]}): a term "
                                                  "names one brand or competitor, once")
                terms[key] = f"{where}.terms.{m}"
        return None

    @classmethod
    def of_setting(cls, names: dict[str, list[str]]) -> ShareOfVoiceTerms | None:
        """The setting SWITCHBOARD_SHARE_OF_VOICE ({name: [terms]}, the brand first) in this shape."""
        entries = [VoiceName(name=name, terms=[term for term in terms if term.strip()])
                   for name, terms in names.items()]
        if not entries:
            return None
        return cls(brand=entries[0], competitors=entries[1:])


class ShareOfVoiceConfig(SQLModel, table=True):
    __tablename__ = "share_of_voice_settings"

    id: int = Field(default=1, primary_key=True)
    terms: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    updated_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    updated_by: str


def terms_of(session: Session, *, default: dict[str, list[str]]) -> tuple[ShareOfVoiceTerms | None, Origin]:
    """The names counted, and where they come from: saved by an ops lead, else the setting `default`, else none."""
    row = session.get(ShareOfVoiceConfig, 1)
    if row is not None and row.terms:
        return ShareOfVoiceTerms.model_validate(row.terms), "saved"
    from_setting = ShareOfVoiceTerms.of_setting(default)
    return from_setting, "environment" if from_setting else "none"


def names_of(session: Session, *, default: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each name's terms as store.analytics' share of voice takes them; {} when none is set anywhere."""
    terms, _ = terms_of(session, default=default)
    return terms.names() if terms else {}


def save_terms(session: Session, terms: ShareOfVoiceTerms, *, by: str, now: datetime) -> None:
    row = session.get(ShareOfVoiceConfig, 1) or ShareOfVoiceConfig(id=1, updated_at=now, updated_by=by)
    row.terms, row.updated_at, row.updated_by = terms.model_dump(mode="json"), now, by
    session.add(row)
    session.flush()


def forget_terms(session: Session) -> bool:
    """Back to the setting's default; False when nothing was saved."""
    row = session.get(ShareOfVoiceConfig, 1)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def saved_row(session: Session) -> ShareOfVoiceConfig | None:
    return session.get(ShareOfVoiceConfig, 1)
