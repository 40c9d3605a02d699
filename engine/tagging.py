"""Keyword matching, a small lexicon sentiment score for when no sentiment model is given, and the
time budget of one mention's tagging.

Flows compiled by the API and the worker score sentiment with VADER (engine.discovery.sentiment,
lexicons from store.lexicons); this small lexicon is the engine's own default, for
engine-only use and tests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9']+|[!?]")

# Valences on VADER's -4..4 scale.
_LEXICON: dict[str, float] = {
    "love": 3.2, "loved": 2.9, "great": 3.1, "awesome": 3.1, "amazing": 2.8, "excellent": 2.7,
    "thanks": 1.9, "thank": 1.5, "good": 1.9, "happy": 2.7, "nice": 1.8, "perfect": 2.7,
    "helpful": 1.9, "fast": 0.8, "fixed": 1.0, "works": 1.0, "best": 3.2, "glad": 2.0,
    "hate": -2.7, "terrible": -2.5, "awful": -2.0, "worst": -3.1, "bad": -2.5, "broken": -1.9,
    "angry": -2.3, "useless": -1.8, "refund": -0.8, "scam": -2.6, "fraud": -2.9, "slow": -1.0,
    "late": -0.9, "never": -0.5, "disappointed": -2.3, "disappointing": -2.2, "furious": -2.9,
    "ridiculous": -1.9, "unacceptable": -2.6, "crash": -2.0, "crashed": -2.0, "down": -0.8,
    "problem": -1.7, "issue": -0.9, "error": -1.6, "fail": -2.2, "failed": -2.3, "lost": -1.3,
    "charged": -0.8, "cancel": -0.9, "waiting": -0.6, "rude": -2.0, "ignored": -1.6,
}
_NEGATIONS = frozenset({
    "not", "no", "never", "don't", "dont", "doesn't", "isn't", "wasn't", "can't", "cannot", "won't"})
_NEGATION_FACTOR = -0.74  # VADER's dampened flip
_ALPHA = 15.0  # VADER's normalisation constant


def words(text: str) -> list[str]:
    """Lower-cased word tokens, with '!' and '?' kept as their own tokens."""
    return _WORD.findall(text.lower())


def sentiment(text: str) -> float:
    """A compound sentiment score in [-1, 1], VADER-style normalised."""
    tokens = words(text)
    total = 0.0
    for i, token in enumerate(tokens):
        valence = _LEXICON.get(token)
        if valence is None:
            continue
        if any(t in _NEGATIONS for t in tokens[max(0, i - 3):i]):
            valence *= _NEGATION_FACTOR
        total += valence
    if total:
        bangs = min(tokens.count("!"), 4) * 0.292
        total += bangs if total > 0 else -bangs
    return round(total / math.sqrt(total * total + _ALPHA), 4)


class KeywordMatcher:
    """Keyword lists compiled once: whole-word, case-insensitive phrase matching in one pass over the text."""

    def __init__(self, keywords: dict[str, list[str]]) -> None:
        self._single: dict[str, set[str]] = {}  # one-word phrase -> its tags
        self._multi: list[tuple[str, str]] = []  # (" padded phrase ", tag)
        for name, phrases in keywords.items():
            for phrase in phrases:
                tokens = words(phrase)
                if len(tokens) == 1:
                    self._single.setdefault(tokens[0], set()).add(name)
                elif tokens:
                    self._multi.append((" " + " ".join(tokens) + " ", name))

    def match(self, text: str) -> list[str]:
        """Names of the keyword tags whose phrases occur in the text."""
        tokens = words(text)
        found: set[str] = set()
        for token in tokens:
            names = self._single.get(token)
            if names:
                found |= names
        if self._multi:
            padded = " " + " ".join(tokens) + " "
            found.update(name for phrase, name in self._multi if name not in found and phrase in padded)
        return sorted(found)


def match_keywords(text: str, keywords: dict[str, list[str]]) -> list[str]:
    """Names of the keyword tags whose phrases occur in the text (case-insensitive, whole words)."""
    return KeywordMatcher(keywords).match(text)


@dataclass(frozen=True, slots=True)
class TagBudget:
    """How long tagging one mention may run, measured by clocks the caller gives (the engine reads none).

    `clock` gives seconds; the API and the worker pass the thread's CPU time, so a loaded machine does not
    cut tagging short. `wall`, optional, is a cheaper clock that never advances more slowly than `clock`
    (wall time, for a thread's CPU time): while it shows less than `seconds` gone, `clock` is not read.
    """

    clock: Callable[[], float]
    seconds: float
    wall: Callable[[], float] | None = None

    def __post_init__(self) -> None:
        if not self.seconds > 0:  # NaN too
            raise ValueError(f"a tagging budget is a positive number of seconds, not {self.seconds!r}")

    def start(self) -> Deadline:
        """The budget of one mention's tagging, counting from now."""
        return Deadline(self)


class Deadline:
    """One mention's tagging budget, running: tagging asks `over()` before each step."""

    __slots__ = ("_began", "_clock", "_wall", "_wall_began", "seconds", "spent")

    def __init__(self, budget: TagBudget) -> None:
        self._clock, self._wall, self.seconds = budget.clock, budget.wall, budget.seconds
        # The wall clock first, so its interval holds the CPU clock's.
        self._wall_began = budget.wall() if budget.wall is not None else 0.0
        self._began = budget.clock()
        self.spent = 0.0  # by `clock`, as of the last reading

    def over(self) -> bool:
        """Whether more than the budget has been spent."""
        if self._wall is not None and self._wall() - self._wall_began <= self.seconds:
            return False
        self.spent = self._clock() - self._began
        return self.spent > self.seconds

    def cut_short(self, step: str, path: str) -> dict[str, object]:
        """The record of a tagging stopped before `step` at `path` (a JSON Pointer into the flow)."""
        return {"step": step, "path": path, "budget_ms": round(self.seconds * 1000, 6),
                "spent_ms": round(self.spent * 1000, 3)}
