"""Text operators for social care: case-insensitive matching and case mapping.

Every predicate here ignores case (Python's `str.lower`, JS's `toLowerCase`)
and is false for a subject or needle that is not a string, or an empty
needle (which would match every message). `lower` and `upper` give null for
anything but a string. designer/src/rules/customOps.ts holds the same
operators for json-logic-js; tests/fixtures/jsonlogic/custom_ops.json holds
the cases both must pass.
"""

from __future__ import annotations

import unicodedata

__all__ = ["contains", "contains_any", "ends_with", "lower", "starts_with", "upper", "word"]


def _pair(subject: object, needle: object) -> tuple[str, str] | None:
    if type(subject) is str and type(needle) is str and needle:
        return subject.lower(), needle.lower()
    return None


def contains(subject: object, needle: object) -> bool:
    """`{"contains": [text, needle]}`: `needle` occurs in `text`, ignoring case."""
    pair = _pair(subject, needle)
    return pair is not None and pair[1] in pair[0]


def contains_any(subject: object, needles: object) -> bool:
    """`{"contains_any": [text, [needle, ...]]}`: any of the needles occurs in `text`."""
    return isinstance(needles, list) and any(contains(subject, needle) for needle in needles)


def starts_with(subject: object, prefix: object) -> bool:
    """`{"starts_with": [text, prefix]}`, ignoring case."""
    pair = _pair(subject, prefix)
    return pair is not None and pair[0].startswith(pair[1])


def ends_with(subject: object, suffix: object) -> bool:
    """`{"ends_with": [text, suffix]}`, ignoring case."""
    pair = _pair(subject, suffix)
    return pair is not None and pair[0].endswith(pair[1])


def _is_word_char(char: str) -> bool:
    # Letters, marks and digits of any script, and "_": the same class as
    # JS's /[\p{L}\p{M}\p{N}_]/u, so "café" and "東京" are words too.
    return char == "_" or unicodedata.category(char)[0] in "LMN"


def word(subject: object, needle: object) -> bool:
    """`{"word": [text, needle]}`: `needle` occurs in `text` with no word character either side.

    So "refund" matches "Refund please!" but not "refunded"; a needle of
    several words ("sue you") must match them as written.
    """
    pair = _pair(subject, needle)
    if pair is None:
        return False
    text, target = pair
    start = text.find(target)
    while start != -1:
        end = start + len(target)
        if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        start = text.find(target, start + 1)
    return False


def lower(value: object) -> str | None:
    """`{"lower": text}`: the text in lower case; null for a non-string."""
    return value.lower() if type(value) is str else None


def upper(value: object) -> str | None:
    """`{"upper": text}`: the text in upper case; null for a non-string."""
    return value.upper() if type(value) is str else None
