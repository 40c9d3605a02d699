"""What a canned reply's create and change take, checked as the OpenAPI document says.

A text's `{{variables}}` are in its schema as a pattern (every `{{` opens a known variable), so a client
generated from the document knows the rule; a text that breaks it is refused with a message that names the
unknown variable and lists the known ones (the pattern's own message would say neither).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from store.canned_replies import VARIABLES, unknown_variables

TITLE_MAX, TEXT_MAX = 80, 2000
_SPACE = " \\t\\n\\r"
_KNOWN = "|".join(re.escape(name) for name in VARIABLES)
_ANY = rf"[^{{\x00]|\{{[^{{\x00]|\{{\{{ *(?:{_KNOWN}) *\}}\}}|\{{$"  # a character, or a known variable
_SEEN = rf"[^{{{_SPACE}\x00]|\{{[^{{\x00]|\{{\{{ *(?:{_KNOWN}) *\}}\}}|\{{$"  # the same, but no blank
# Linear in Rust's regex (pydantic's); the designer never runs it.
TEXT_PATTERN = rf"^(?:{_ANY})*(?:{_SEEN})(?:{_ANY})*$"
TITLE_PATTERN = rf"^[^\x00]*[^{_SPACE}\x00][^\x00]*$"
KNOWN = ", ".join("{{" + name + "}}" for name in VARIABLES)


def _not_blank(what: str) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str):
            if "\x00" in value:
                raise ValueError(f"the {what} holds a NUL character: remove it")
            if not value.strip(" \t\n\r"):
                raise ValueError(f"the {what} is blank: write one")
        return value
    return BeforeValidator(check)


def _known_variables(value: Any) -> Any:
    if isinstance(value, str):
        unknown = unknown_variables(value)
        if unknown:
            raise ValueError(f"{', '.join(unknown)} is no variable a canned reply may use: use {KNOWN} "
                             "(written as shown), or remove the braces")
    return value


Title = Annotated[str, StringConstraints(min_length=1, max_length=TITLE_MAX, pattern=TITLE_PATTERN),
                  _not_blank("title"), Field(description=f"what agents pick it by: 1 to {TITLE_MAX} characters")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_MAX, pattern=TEXT_PATTERN),
                 BeforeValidator(_known_variables), _not_blank("text"),
                 Field(description=f"the reply, 1 to {TEXT_MAX} characters; it may name {KNOWN}, filled in when "
                                   "an agent inserts it")]
Channel = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[^\x00]*$")]
Channels = Annotated[list[Channel], Field(max_length=50, description="sources' ids (GET /api/sources) it suits; "
                                                                     "empty: every channel")]
TeamId = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[^\x00]*$")]


class CannedReplyCreate(BaseModel):
    """A new canned reply; its id is made from its title."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    text: Text
    team_id: TeamId | None = Field(default=None, description="the team whose agents see it; null: everyone")
    channels: Channels = Field(default_factory=list)


class CannedReplyChange(BaseModel):
    """Fields to change; absent ones stay as they are (`team_id: null` makes it everyone's)."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    text: Text | None = None
    team_id: TeamId | None = Field(default=None, description="the team whose agents see it; null: everyone")
    channels: Channels | None = None
