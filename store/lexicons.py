"""VADER's lexicons, read from the vaderSentiment wheel, for the engine's sentiment scorer.

The engine does no I/O, so ``engine.discovery.sentiment.SentimentModel`` takes
its lexicons as arguments; this module reads the two files shipped in the
``vaderSentiment`` package (MIT licence), ``vader_lexicon.txt`` and
``emoji_utf8_lexicon.txt``, through ``importlib.resources`` (no download, and
without importing VADER's analyser module), and parses them exactly as VADER's
``make_lex_dict`` and ``make_emoji_dict`` do. The model is built once per process.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from engine.discovery.sentiment import SentimentModel
from engine.flows import CompiledFlow, compile_flow

PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"
EMOJI_FILE = "emoji_utf8_lexicon.txt"


def read_resource(name: str) -> str:
    """One file of the vaderSentiment package, as text."""
    # Bytes then decode, like VADER's codecs.open: no newline translation.
    return files(PACKAGE).joinpath(name).read_bytes().decode("utf-8")


def _fields(content: str) -> list[list[str]]:
    """Tab-separated fields of each non-blank line, stripped as VADER strips them (the files end lines in CRLF)."""
    return [line.strip().split("\t") for line in content.rstrip("\n").split("\n") if line.strip()]


def parse_lexicon(content: str) -> dict[str, float]:
    """token<TAB>mean<TAB>std<TAB>ratings lines to {token: mean}; a later duplicate wins, as in VADER."""
    return {fields[0]: float(fields[1]) for fields in _fields(content)}


def parse_emoji(content: str) -> dict[str, str]:
    """emoji<TAB>description lines to {emoji: description}."""
    return {fields[0]: fields[1] for fields in _fields(content)}


@functools.cache
def load_vader() -> SentimentModel:
    """The VADER model over the wheel's lexicons, read and prepared once."""
    return SentimentModel(parse_lexicon(read_resource(LEXICON_FILE)), parse_emoji(read_resource(EMOJI_FILE)))


def compile_with_vader(document: object) -> CompiledFlow:
    """A flow compiled with VADER's sentiment: what the pipeline and the case workflow's activities use."""
    return compile_flow(document, sentiment=load_vader().compound)
