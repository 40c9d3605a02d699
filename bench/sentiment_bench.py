"""Benchmark: engine.discovery.sentiment against vaderSentiment 3.3.2 on social texts.

    .venv/bin/python -m bench.sentiment_bench            # or: --texts 5000 --runs 5 --seed 7

Both score the same deterministic, generated social texts (customer-care
mentions dressed with handles, URLs, emoji, emoticons, slang, boosters,
negations, "but", caps and !!!/???). Before any timing, ours must give VADER's
compound on every text. Each side's time is the best of the runs; the report
gives texts/s for both, the ratio, the Python version and the machine load.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bench.mentions import BODIES, OPENINGS
from bench.timing import machine
from store.lexicons import load_vader

OPENERS = [*OPENINGS, "@brand", "@support_team", "lol", "omg", "SERIOUSLY", "Hey", "ugh", "Day 3 and"]
EXTRAS = [
    "but the agent was really kind", "but it's not great", "not happy at all", "never so disappointed",
    "absolutely love it", "kind of works", "the least helpful answer", "no help whatsoever", "this sux",
    "yeah right", "the new design is the bomb", "VERY annoying", "totally worth it", "barely usable",
    "I don't hate it", "without doubt the worst", "thanks a lot", "meh", "10/10 would recommend",
]
TAILS = ["", "", "!", "!!!", "?", "???", " :)", " :(", " 😡", " 😂😂", " 🙏", " ❤️", " 👍", " #fail",
         " https://t.co/x1y2z3", " lmao", " smh", " xD", " <3"]


def social_text(rng: random.Random) -> str:
    """One mention-like text: an opener, a body, sometimes more, a tail; now and then in caps."""
    parts = [rng.choice(OPENERS), rng.choice(BODIES)]
    if rng.random() < 0.5:
        parts.append(rng.choice(EXTRAS))
    if rng.random() < 0.2:
        parts.append(rng.choice(BODIES))
    text = " ".join(part for part in parts if part) + rng.choice(TAILS)
    return text.upper() if rng.random() < 0.05 else text


def social_texts(count: int, seed: int) -> list[str]:
    """`count` texts, the same ones for the same seed."""
    rng = random.Random(seed)
    return [social_text(rng) for _ in range(count)]


def best_time(score: Callable[[str], float], texts: list[str], runs: int) -> float:
    """Seconds for the fastest of `runs` passes over all texts."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            score(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    texts = social_texts(args.texts, args.seed)
    model, vader = load_vader(), SentimentIntensityAnalyzer()

    def ours(text: str) -> float:
        return model.compound(text)

    def theirs(text: str) -> float:
        return vader.polarity_scores(text)["compound"]

    disagreements = [(text, ours(text), theirs(text)) for text in texts if ours(text) != theirs(text)]
    if disagreements:
        for text, mine, reference in disagreements[:10]:
            print(f"DISAGREE {text!r}: ours {mine}, VADER {reference}")
        print(f"{len(disagreements)} of {len(texts)} texts disagree; no timing.")
        return 1
    nonzero = sum(ours(text) != 0 for text in texts)
    print(f"{len(texts)} texts ({nonzero} non-neutral): ours and VADER agree on every compound.")

    ours_s, theirs_s = best_time(ours, texts, args.runs), best_time(theirs, texts, args.runs)
    for name, seconds in (("ours (engine.discovery.sentiment)", ours_s), ("vaderSentiment 3.3.2", theirs_s)):
        print(f"{name:<36} {len(texts) / seconds:>10,.0f} texts/s  {seconds / len(texts) * 1e6:6.2f} us/text")
    print(f"ratio: ours is {theirs_s / ours_s:.2f}x VADER (best of {args.runs} runs)")
    print(machine())
    return 0


if __name__ == "__main__":
    sys.exit(main())
