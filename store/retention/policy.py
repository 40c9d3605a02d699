"""How long each data class is kept: what the settings say (read by the API's settings, so kept light)."""

from __future__ import annotations

from dataclasses import dataclass

CLASSES = ("cases", "mentions", "audit")  # the data classes, in the order a round of retention purges them


@dataclass(frozen=True)
class Retention:
    """How many days each data class is kept; None: for ever."""

    mentions: int | None = None
    cases: int | None = None
    audit: int | None = None

    def days(self) -> dict[str, int]:
        """The classes with a retention, in the order a round purges them."""
        return {name: days for name in CLASSES if (days := getattr(self, name)) is not None}
