"""VADER sentiment, reimplemented for speed and kept bit-for-bit faithful.

This is a reimplementation of VADER (Valence Aware Dictionary and sEntiment
Reasoner; C.J. Hutto & E.E. Gilbert, "VADER: A Parsimonious Rule-based Model
for Sentiment Analysis of Social Media Text", ICWSM-14), as released in the
``vaderSentiment`` 3.3.2 package under the MIT licence. The rule constants
below (boosters, negations, special-case idioms, the empirical increments and
alpha=15) are VADER's own. The two lexicons, ``vader_lexicon.txt`` and
``emoji_utf8_lexicon.txt``, come from the vaderSentiment wheel; the engine does
no I/O, so they are passed in (``store.lexicons.load_vader`` reads them).

``SentimentModel.compound(text)`` returns the value of VADER's
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``, including
its quirks, which are reproduced on purpose rather than "fixed":

- an emoji is replaced by its description with a space before it (unless at
  the start or after a space) but none after it, so "💘x" reads "heart with arrowx";
- a token is stripped of ASCII punctuation only if more than two characters
  remain (so ":)" and "ok!" stay whole), and lexicon lookups are lower-cased;
- boosters, negations and idioms only act through preceding words that are
  not themselves in the lexicon, and the idiom table is only consulted for a
  word with three such predecessors;
- a word right after "so" or "this" is multiplied by 1.25 whenever the word
  three places before it is no lexicon word, "never" or not (operator
  precedence in VADER's "never so/this" rule);
- the "but" rule finds each sentiment by value (``list.index``), so equal values
  can be halved twice and the later twin left alone.

What makes it fast: the tables are prepared once (the scored words as a set,
tuple-keyed idioms, an emoji regex that is cheap on text without emoji), a text
with no scored word returns at once, the rules run only for lexicon words, and
a lexicon word with no rule word among the three before it skips all but the
caps and idiom rules, which the others would leave unchanged anyway.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Mapping

# VADER's empirically derived increments.
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
ALPHA = 15

NEGATE = frozenset({
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
    "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
    "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
    "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
    "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
    "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
    "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
    "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
})

_BOOSTERS_UP = (
    "absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous "
    "enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin "
    "frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella "
    "highly hugely incredible incredibly intensely major majorly more most particularly purely quite really "
    "remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably unusually "
    "utter utterly very"
).split()
_BOOSTERS_DOWN = (
    "almost barely hardly kinda kindof kind-of less little marginal marginally occasional occasionally partly "
    "scarce scarcely slight slightly somewhat sorta sortof sort-of"
).split()
# Single-word boosters and dampeners; VADER's multi-word ones are BOOSTER_NGRAMS.
BOOSTERS: dict[str, float] = {**dict.fromkeys(_BOOSTERS_UP, B_INCR), **dict.fromkeys(_BOOSTERS_DOWN, B_DECR)}
BOOSTER_NGRAMS: dict[tuple[str, ...], float] = {("just", "enough"): B_DECR, ("kind", "of"): B_DECR,
                                                ("sort", "of"): B_DECR}

# VADER's SPECIAL_CASES, keyed by word tuples: its keys are joined with single
# spaces and tokens never contain whitespace, so tuple equality is string
# equality. (Its one-word key, "badass", can never match a multi-word window.)
SPECIAL_CASES: dict[tuple[str, ...], float] = {
    ("the", "shit"): 3, ("the", "bomb"): 3, ("bad", "ass"): 1.5, ("badass",): 1.5, ("bus", "stop"): 0.0,
    ("yeah", "right"): -2, ("kiss", "of", "death"): -1.5, ("to", "die", "for"): 3, ("beating", "heart"): 3.5,
}
# An idiom or n-gram can only match around word i if one ends at i, i-1 or i-2, or one starts at i.
_IDIOM_ENDS = frozenset(key[-1] for key in (*SPECIAL_CASES, *BOOSTER_NGRAMS) if len(key) > 1)
_IDIOM_ENDS_OR_STARTS = _IDIOM_ENDS | {key[0] for key in SPECIAL_CASES if len(key) > 1}
_SO_THIS = ("so", "this")
# Every word that can make a rule other than the idioms act on a lexicon word,
# when it is that word or one of the three before it (so can an "n't" word
# before it). A lexicon word with none of them there keeps its own valence
# (and caps emphasis) through all those rules.
_RULE_WORDS = NEGATE | BOOSTERS.keys() | {"no", "so", "this", "least"}

_PUNCTUATION = string.punctuation


def tokenize(text: str) -> list[str]:
    """VADER's words_and_emoticons: whitespace split, punctuation stripped unless that leaves <= 2 chars."""
    return [stripped if len(stripped := word.strip(_PUNCTUATION)) > 2 else word for word in text.split()]


def negated(word: str) -> bool:
    """VADER's negated() for one lower-cased word: a negation word, or any n't word."""
    return word in NEGATE or "n't" in word


def cap_differential(tokens: list[str]) -> bool:
    """True when some, but not all, tokens are ALL CAPS: only then does caps mean emphasis."""
    upper = sum(map(str.isupper, tokens))
    return 0 < upper < len(tokens)


def punctuation_emphasis(text: str) -> float:
    """Amplifier for '!' (up to 4) and for '?' (2 or 3 each, 0.96 above)."""
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def normalize(score: float, alpha: float = ALPHA) -> float:
    """Map an unbounded valence sum into [-1, 1] as VADER does."""
    norm_score = score / math.sqrt((score * score) + alpha)
    if norm_score < -1.0:
        return -1.0
    return 1.0 if norm_score > 1.0 else norm_score


def but_check(lows: list[str], sentiments: list[float]) -> None:
    """Halve sentiments before the first 'but', add half to those after (in place).

    VADER locates each sentiment with ``sentiments.index(value)``, i.e. the first
    equal value, while it rewrites the list; this loop does the same so its
    quirks are kept. Zeros are skipped: rewriting a zero leaves an equal zero.
    """
    if "but" not in lows:
        return
    bi = lows.index("but")
    for k in range(len(sentiments)):
        value = sentiments[k]
        if value == 0:
            continue
        si = sentiments.index(value)
        if si < bi:
            sentiments[si] = value * 0.5
        elif si > bi:
            sentiments[si] = value * 1.5


def special_idioms(valence: float, lows: list[str], i: int) -> float:
    """VADER's _special_idioms_check: idioms around word i override it, booster n-grams before it adjust it."""
    if not (lows[i] in _IDIOM_ENDS_OR_STARTS or lows[i - 1] in _IDIOM_ENDS or lows[i - 2] in _IDIOM_ENDS):
        return valence
    w3, w2, w1, w0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
    for seq in ((w1, w0), (w2, w1, w0), (w2, w1), (w3, w2, w1), (w3, w2)):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    last = len(lows) - 1
    if last > i and (after := (w0, lows[i + 1])) in SPECIAL_CASES:
        valence = SPECIAL_CASES[after]
    if last > i + 1 and (after := (w0, lows[i + 1], lows[i + 2])) in SPECIAL_CASES:
        valence = SPECIAL_CASES[after]
    for n_gram in ((w3, w2, w1), (w3, w2), (w2, w1)):
        if n_gram in BOOSTER_NGRAMS:
            valence = valence + BOOSTER_NGRAMS[n_gram]
    return valence


def negation_check(valence: float, lows: list[str], start_i: int, i: int) -> float:
    """VADER's _negation_check for the word start_i + 1 places before word i."""
    if start_i == 0:
        if negated(lows[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lows[i - 2] == "never" and lows[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            pass
        elif negated(lows[i - 2]):
            valence = valence * N_SCALAR
    else:
        if (lows[i - 3] == "never" and lows[i - 2] in _SO_THIS) or lows[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            pass
        elif negated(lows[i - 3]):
            valence = valence * N_SCALAR
    return valence


def scalar_inc_dec(word: str, word_lower: str, valence: float, is_cap_diff: bool) -> float:
    """The booster/dampener push of one preceding word, signed like the valence, more if it is in caps."""
    scalar = BOOSTERS.get(word_lower)
    if scalar is None:
        return 0.0
    if valence < 0:
        scalar *= -1
    if is_cap_diff and word.isupper():
        scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def emoji_pattern(chars: Iterable[str]) -> re.Pattern[str]:
    """A regex matching every given character, cheap to run on text without any.

    Python's re keeps the BMP characters of a class in a bitmap but tests
    astral ones one by one, which made a class of ~1,000 emoji cost 100 us per
    tweet; so the astral ones become a single range from the lowest to the
    highest, and a match that is no key is put back unchanged.
    """
    bmp = sorted(char for char in chars if ord(char) <= 0xFFFF)
    astral = sorted(char for char in chars if ord(char) > 0xFFFF)
    ranges = f"{re.escape(astral[0])}-{re.escape(astral[-1])}" if astral else ""
    return re.compile("[" + "".join(map(re.escape, bmp)) + ranges + "]")


def sift(sentiments: list[float]) -> tuple[float, float, int]:
    """Sum of positives and of negatives, each pushed 1 away from 0 (a neutral word counts 1), and neutrals."""
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for score in sentiments:
        if score > 0:
            pos_sum += float(score) + 1
        elif score < 0:
            neg_sum += float(score) - 1
        else:
            neu_count += 1
    return pos_sum, neg_sum, neu_count


class SentimentModel:
    """VADER over a given lexicon and emoji table, prepared once, then scored many times."""

    __slots__ = ("_lexicon", "_scored", "_emoji", "_emoji_re", "_least_negates", "_space_is_emoji")

    def __init__(self, lexicon: Mapping[str, float], emoji: Mapping[str, str]) -> None:
        self._lexicon: dict[str, float] = {word: float(value) for word, value in lexicon.items()}
        # VADER tests each character of the text against the table, so only
        # single-character keys can ever match.
        self._emoji: dict[str, str] = {char: text for char, text in emoji.items() if len(char) == 1}
        self._emoji_re = emoji_pattern(self._emoji) if self._emoji else None
        self._space_is_emoji = " " in self._emoji
        # The words that get a valence of their own: boosters in the lexicon only modify.
        self._scored = frozenset(self._lexicon.keys() - BOOSTERS.keys())
        # "least" negates the next word only when it is no lexicon word itself.
        self._least_negates = "least" not in self._lexicon

    def compound(self, text: str) -> float:
        """VADER's compound score, in [-1, 1], rounded to 4 decimals."""
        text, tokens, lows = self._prepare(text)
        sentiments = self._sentiments(text, tokens, lows)
        if sentiments is None:
            return 0.0  # every sentiment is 0, so VADER's sum is 0
        total = float(sum(sentiments))
        if total:
            amplifier = punctuation_emphasis(text)
            total = total + amplifier if total > 0 else total - amplifier
        return round(normalize(total), 4)

    def scores(self, text: str) -> dict[str, float]:
        """VADER's polarity_scores: neg, neu, pos (3 decimals) and compound (4 decimals)."""
        text, tokens, lows = self._prepare(text)
        sentiments = self._sentiments(text, tokens, lows)
        if sentiments is None:
            neu = 1.0 if tokens else 0.0  # all neutral words, or no words at all
            return {"neg": 0.0, "neu": neu, "pos": 0.0, "compound": 0.0}
        amplifier = punctuation_emphasis(text)
        total = float(sum(sentiments))
        if total > 0:
            total += amplifier
        elif total < 0:
            total -= amplifier
        pos_sum, neg_sum, neu_count = sift(sentiments)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        whole = pos_sum + math.fabs(neg_sum) + neu_count
        return {"neg": round(math.fabs(neg_sum / whole), 3), "neu": round(math.fabs(neu_count / whole), 3),
                "pos": round(math.fabs(pos_sum / whole), 3), "compound": round(normalize(total), 4)}

    def _prepare(self, text: str) -> tuple[str, list[str], list[str]]:
        """The text with emoji described (VADER counts '!' and '?' in it), its tokens and their lower case."""
        if self._emoji_re is not None and self._emoji_re.search(text):
            text = self._describe_emoji(text)
        tokens = tokenize(text)
        if text.isascii():  # one lower() for all: ASCII lowers letter by letter, and tokens hold no newline
            return text, tokens, "\n".join(tokens).lower().split("\n") if tokens else []
        return text, tokens, [token.lower() for token in tokens]

    def _describe_emoji(self, text: str) -> str:
        """Replace each emoji by its description, spaced as VADER's character loop spaces it."""
        emoji, space_is_emoji = self._emoji, self._space_is_emoji

        def describe(match: re.Match[str]) -> str:
            at = match.start()
            # VADER's prev_space: true at the start and after a plain ' ', false after an emoji.
            prev_space = at == 0 or (text[at - 1] == " " and not space_is_emoji)
            description = emoji.get(match.group())
            if description is None:
                return match.group()  # in the astral range of the pattern, but no emoji
            return description if prev_space else " " + description

        return self._emoji_re.sub(describe, text)  # type: ignore[union-attr]  # only called when set

    def _sentiments(self, text: str, tokens: list[str], lows: list[str]) -> list[float] | None:
        """One valence per token, 'but' applied, or None when no token is a scored lexicon word (all 0).

        Words outside the lexicon, boosters and the "kind" of "kind of" are 0.

        Most lexicon words have no rule word near them; they get their own
        valence (plus caps emphasis) without running the rules, which would
        leave it unchanged. ``is_cap_diff`` is only worked out when some word
        in caps could use it.
        """
        scored = self._scored
        hits = [i for i, low in enumerate(lows) if low in scored]
        if not hits:
            return None
        lexicon = self._lexicon
        sentiments: list[float] = [0] * len(lows)
        is_cap_diff: bool | None = None
        may_have_nt = "'" in text
        last = len(lows) - 1
        for i in hits:
            low = lows[i]
            if low == "kind" and i < last and lows[i + 1] == "of":
                continue
            start = i - 3 if i > 3 else 0
            if _RULE_WORDS.isdisjoint(lows[start:i + 1]) and not (
                    may_have_nt and any("n't" in word for word in lows[start:i])):
                valence = lexicon[low]
                if tokens[i].isupper():
                    if is_cap_diff is None:
                        is_cap_diff = cap_differential(tokens)
                    if is_cap_diff:
                        valence = valence + C_INCR if valence > 0 else valence - C_INCR
                if i > 2 and lows[i - 3] not in lexicon:  # where VADER consults its idioms
                    valence = special_idioms(valence, lows, i)
            else:
                if is_cap_diff is None:
                    is_cap_diff = cap_differential(tokens)
                valence = self._valence(tokens, lows, i, is_cap_diff)
            sentiments[i] = valence
        but_check(lows, sentiments)
        return sentiments

    def _valence(self, tokens: list[str], lows: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER's sentiment_valence for lexicon word i: 'no', caps, the three preceding words, 'least'."""
        lexicon = self._lexicon
        low = lows[i]
        valence = lexicon[low]
        if low == "no" and i != len(lows) - 1 and lows[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next lexicon word instead of scoring itself
        if ((i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no")
                or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))):
            valence = lexicon[low] * N_SCALAR
        if is_cap_diff and tokens[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(min(i, 3)):
            j = i - start_i - 1
            if lows[j] in lexicon:
                continue
            scalar = 0.0
            if lows[j] in BOOSTERS:
                scalar = scalar_inc_dec(tokens[j], lows[j], valence, is_cap_diff)
                if start_i == 1:
                    scalar = scalar * 0.95
                elif start_i == 2:
                    scalar = scalar * 0.9
            valence = negation_check(valence + scalar, lows, start_i, i)
            if start_i == 2:
                valence = special_idioms(valence, lows, i)
        if i > 0 and self._least_negates and lows[i - 1] == "least" and (i == 1 or lows[i - 2] not in ("at", "very")):
            valence = valence * N_SCALAR
        return valence
